import DuxueCity
import DuxueTestSupport
import Foundation
import GRDB
import Testing

/// The rules the database itself keeps (triggers), migrations, and crash safety.
@Suite struct CityStoreTests {
    /// A submitted filing cannot be changed or deleted, even by SQL written past the store; a decision
    /// is made once; the next version waits for the decision.
    @Test func aSubmittedFilingIsImmutableInTheDatabaseItself() throws {
        let fixture = try CityFixture()
        let store = fixture.store
        let user = try #require(try store.accounts().first { $0.name == "east-user" })
        let reviewer = try #require(try store.accounts().first { $0.name == "reviewer" })
        let filing = try store.submit(district: "east", fileName: "f.xlsx", bytes: [1, 2, 3], by: Actor(account: user, address: "t"))
        #expect(throws: CityError.filingPending(version: 1)) {
            try store.submit(district: "east", fileName: "g.xlsx", bytes: [4], by: Actor(account: user, address: "t"))
        }
        let queue = try DatabaseQueue(path: fixture.configuration.databasePath)
        for sql in ["UPDATE filings SET content = x'00' WHERE id = \(filing.id)", "UPDATE filings SET sha256 = '\(String(repeating: "0", count: 64))'",
                    "UPDATE filings SET district = 'west'", "UPDATE filings SET version = 7", "DELETE FROM filings",
                    "UPDATE filings SET status = 'accepted'",  // no decider
                    "INSERT INTO filings (district, version, file_name, content, sha256, submitted_by, submitted_at) VALUES ('east', 2, 'x', x'00', '\(String(repeating: "0", count: 64))', 1, 'now')"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
        #expect(try store.content(id: filing.id) == [1, 2, 3])
        let returned = try store.decide(id: filing.id, district: "east", accept: false, comment: "补充材料", by: Actor(account: reviewer, address: "t"))
        #expect(returned.status == "returned" && returned.comment == "补充材料" && returned.decidedBy == "reviewer")
        #expect(throws: CityError.alreadyDecided) {
            try store.decide(id: filing.id, district: "east", accept: true, comment: "", by: Actor(account: reviewer, address: "t"))
        }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE filings SET status = 'accepted', decided_by = 4, decided_at = 'x'") } }
        #expect(throws: CityError.commentRequired) {
            let next = try store.submit(district: "east", fileName: "g.xlsx", bytes: [4], by: Actor(account: user, address: "t"))
            #expect(next.version == 2)
            try store.decide(id: next.id, district: "east", accept: false, comment: "  ", by: Actor(account: reviewer, address: "t"))
        }
        #expect(try store.filings(district: "east").map(\.version) == [2, 1])
    }

    @Test func theAuditLogOnlyGrows() throws {
        let fixture = try CityFixture()
        try fixture.store.audit(Actor(account: nil, name: "x", address: "t"), action: "test", district: nil)
        let queue = try DatabaseQueue(path: fixture.configuration.databasePath)
        let before = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE audit SET action = 'nothing'") } }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM audit") } }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") } == before)
        #expect(try fixture.store.auditLog().first?.action == "test")
    }

    /// `INSERT OR REPLACE` deletes the conflicting row without firing DELETE triggers: it must still not
    /// rewrite an audit row or an accepted filing.
    @Test func replaceCannotRewriteAnAuditRowOrAFiling() throws {
        let fixture = try CityFixture()
        let store = fixture.store
        let user = try #require(try store.accounts().first { $0.name == "east-user" })
        let reviewer = try #require(try store.accounts().first { $0.name == "reviewer" })
        let filing = try store.submit(district: "east", fileName: "f.xlsx", bytes: [1, 2, 3], by: Actor(account: user, address: "t"))
        _ = try store.decide(id: filing.id, district: "east", accept: true, comment: "", by: Actor(account: reviewer, address: "t"))
        let queue = try DatabaseQueue(path: fixture.configuration.databasePath)
        let auditBefore = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") }
        let zeros = String(repeating: "0", count: 64)
        for sql in ["INSERT OR REPLACE INTO audit (id, at, account_name, address, action, outcome, detail) VALUES (1, 'x', 'nobody', 'x', 'rewritten', 'ok', '')",
                    "REPLACE INTO audit (id, at, account_name, address, action, outcome, detail) VALUES (1, 'x', 'nobody', 'x', 'rewritten', 'ok', '')",
                    "INSERT OR REPLACE INTO filings (id, district, version, file_name, content, sha256, submitted_by, submitted_at) VALUES (\(filing.id), 'east', 2, 'x', x'00', '\(zeros)', 1, 'now')",
                    "REPLACE INTO filings (id, district, version, file_name, content, sha256, submitted_by, submitted_at) VALUES (\(filing.id), 'east', 2, 'x', x'00', '\(zeros)', 1, 'now')"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
        #expect(try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") } == auditBefore)
        #expect(try store.content(id: filing.id) == [1, 2, 3])
        #expect(try store.filings(district: "east").map(\.status) == ["accepted"])
        // An ordinary new row still goes in.
        let next = try store.submit(district: "east", fileName: "g.xlsx", bytes: [4], by: Actor(account: user, address: "t"))
        #expect(next.version == 2)
    }

    @Test func passwordsAreStoredAsBcryptAndTokensAsHashes() throws {
        let fixture = try CityFixture()
        guard case .success(let token, _) = try fixture.store.login(name: "root", password: CityFixture.password, address: "t") else {
            Issue.record("login")
            return
        }
        let queue = try DatabaseQueue(path: fixture.configuration.databasePath)
        let hashes = try queue.read { db in try String.fetchAll(db, sql: "SELECT password_hash FROM accounts") }
        #expect(hashes.allSatisfy { $0.hasPrefix("$2b$04$") && !$0.contains(CityFixture.password) })
        let stored = try queue.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM sessions") }
        #expect(!stored.contains(token) && stored.contains(CityStore.sha256(Data(token.utf8))))
        #expect(throws: CityError.weakPassword(minimum: 10)) { try fixture.store.createAccount(name: "short", role: .reviewer, district: nil, password: "abc") }
        #expect(throws: CityError.invalidName) { try fixture.store.createAccount(name: "<b>", role: .reviewer, district: nil, password: CityFixture.password) }
        #expect(throws: CityError.nameTaken) { try fixture.store.createAccount(name: "ROOT", role: .reviewer, district: nil, password: CityFixture.password) }
    }

    /// An unknown name is checked against a dummy hash of the same cost as the accounts' (cost 5 here, so
    /// a fixed cost 4 or the default 12 would both fail), so the time of the answer does not tell names apart.
    @Test func theDummyHashForUnknownNamesCostsAsMuchAsARealOne() throws {
        var settings = CityFixture.settings()
        settings.bcryptCost = 5
        let fixture = try CityFixture(settings: settings)
        let queue = try DatabaseQueue(path: fixture.configuration.databasePath)
        let hashes = try queue.read { db in try String.fetchAll(db, sql: "SELECT password_hash FROM accounts") }
        func cost(_ hash: String) -> String? { hash.split(separator: "$").dropFirst(1).first.map(String.init) }
        #expect(Set(hashes.map(cost)) == ["05"])
        #expect(cost(fixture.store.dummyHash) == "05")
        #expect(try fixture.store.login(name: "nobody", password: CityFixture.password, address: "t") == .failure)
    }

    @Test func theLastAdministratorStays() throws {
        let fixture = try CityFixture()
        let root = try #require(try fixture.store.accounts().first { $0.name == "root" })
        #expect(throws: CityError.lastAdministrator) {
            try fixture.store.updateAccount(id: root.id, disabled: true, by: Actor(account: root, address: "t"))
        }
    }

    /// Every row of every table (and the schema), as text.
    static func rows(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var out = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                out += try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\(table): \($0)" }
            }
            return out
        }
    }

    /// A file from a newer version is refused and left as it was; a new file gets every migration.
    @Test func aNewerSchemaIsRefusedAndLeftAsItWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-city-schema-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + CityStore.fileName
        _ = try CityStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") } == CitySchema.identifiers)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-something-new')") }
        try queue.close()
        let before = try Self.rows(path)
        #expect(throws: CityError.newerSchema(path: path, unknown: ["v9-something-new"])) { try CityStore.open(path: path) }
        #expect(try Self.rows(path) == before)
        #expect(before.contains { $0.contains("v9-something-new") })
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: folder + "/bad.sqlite"))
        #expect(throws: CityError.self) { try CityStore.open(path: folder + "/bad.sqlite") }
    }
}

/// The built `duxue` importing many accounts (one transaction) is killed at points spread over whole
/// runs: the city database holds every account or none of them, never some (the approach of
/// DuxueRecordTests' kill test).
@Suite(.serialized) struct CityProcessTests {
    static func copy(from source: String, to target: String) throws {
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            if fm.fileExists(atPath: target + suffix) { try fm.removeItem(atPath: target + suffix) }
            if fm.fileExists(atPath: source + suffix) { try fm.copyItem(atPath: source + suffix, toPath: target + suffix) }
        }
    }

    static func counts(_ path: String) throws -> [String] {
        let store = try CityStore.open(path: path)
        let counts = try store.rowCounts()
        return ["accounts=\(counts["accounts"] ?? -1)", "audit=\(counts["audit"] ?? -1)"]
    }

    /// Accounts in the kill test's file.
    static let importedAccounts = 400

    @Test func killedAnywhereTheImportIsAllOrNothing() throws {
        let fixture = try CityFixture()
        let database = fixture.configuration.databasePath
        var csv = "name,role,district,password\n"
        for index in 0..<Self.importedAccounts { csv += "user-\(index),district,\(index % 2 == 0 ? "east" : "west"),password-\(index)-long\n" }
        let file = fixture.folder + "/../accounts-\(UUID().uuidString).csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let baseline = database + ".baseline"
        try Self.copy(from: database, to: baseline)
        let before = try Self.counts(database)
        let arguments = ["serve", "--city", fixture.folder, "--import-accounts", file, "--bcrypt-cost", "4"]
        func start() throws -> Process {
            let process = Process()
            process.executableURL = DuxueExecutable.url
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let began = Date()
        let whole = try start()
        whole.waitUntilExit()
        let length = Date().timeIntervalSince(began)
        #expect(whole.terminationStatus == 0)
        let after = try Self.counts(database)
        #expect(after == ["accounts=\(Self.importedAccounts + 4)", "audit=\(Self.importedAccounts + Int(before[1].split(separator: "=")[1])!)"])
        var outcomes: [String: Int] = [:]
        // Each kill: how long after the start, whether the process was still running (killed, not
        // exited), and whether it left the file as after.
        var results: [(delay: Double, killed: Bool, after: Bool)] = []
        @discardableResult
        func killed(after delay: TimeInterval) throws -> Bool {
            try Self.copy(from: baseline, to: database)
            let process = try start()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let live = process.terminationReason == .uncaughtSignal
            let now = try Self.counts(database)
            #expect(now == before || now == after, "kill after \(delay) s: \(now)")
            results.append((delay, live, now == after))
            let side = now == before ? "before" : now == after ? "after" : "other"
            outcomes[side == "other" ? side : side + (live ? " (killed)" : " (exited)"), default: 0] += 1
            return now == after
        }
        // A sweep over the run, out to twice the measured length. How long a run takes depends on what else
        // the machine does (the full suite runs beside it), so the kill times then follow the outcomes, not
        // the clock: later and later until one leaves the file as after (a run left alone ends so), then
        // halving the interval between the latest kill that left it as before and the earliest that left it
        // as after, around the one write transaction, whatever the machine's speed.
        let sweep = 7, widen = 6, packed = 9
        for index in 0..<sweep { try killed(after: 2.0 * length * Double(index) / Double(sweep - 1)) }
        var delay = 2.0 * length
        for _ in 0..<widen where !results.contains(where: \.after) {
            delay *= 2
            try killed(after: delay)
        }
        var high = results.filter(\.after).map(\.delay).min() ?? delay
        var low = results.filter { !$0.after && $0.delay < high }.map(\.delay).max() ?? 0
        for _ in 0..<packed {
            let middle = (low + high) / 2
            if try killed(after: middle) { high = middle } else { low = middle }
        }
        // Every kill left the file as before or as after (checked at each), and the kills did reach both
        // sides: at least one stopped a running import before its commit, at least one came after it.
        #expect(outcomes["other"] == nil, "\(outcomes)")
        #expect(results.contains { $0.killed && !$0.after && $0.delay > 0 }, "no kill stopped a running import: \(outcomes)")
        #expect(results.contains { $0.after }, "no kill came after the commit: \(outcomes)")
        print("city kill test: \(results.count) kills over \(String(format: "%.2f", length)) s runs, packed between \(String(format: "%.3f", low)) and \(String(format: "%.3f", high)) s: \(outcomes)")
    }
}
