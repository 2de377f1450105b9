import Crypto
import DuxueConcurrency
import DuxueRecord
import Foundation
import GRDB
import HummingbirdBcrypt

/// The city database (`duxue-city.sqlite`): accounts, sessions, login attempts, filings, deadlines and
/// the audit log. SQLite through GRDB: WAL, foreign keys on, every write one immediate transaction (a
/// crash leaves the file as before or as after it), a busy timeout so writers queue. The rules that must
/// hold whatever the code does are triggers in the schema (``CitySchema``).
public final class CityStore: Sendable {
    /// The file's name in the city folder.
    public static let fileName = "duxue-city.sqlite"
    /// Seconds a writer waits for another before giving up.
    public static let busyTimeout: TimeInterval = 60
    /// A session's last request is written at most this often (seconds), not on every request.
    static let touchInterval: TimeInterval = 60

    /// The database file.
    public let path: String
    /// Lifetimes, throttling, bcrypt cost.
    public let settings: CitySettings
    /// A bcrypt hash of a random text at the store's own cost (`settings.bcryptCost`), made once per
    /// store and checked when a login names no account, so an unknown name costs as much as a known one.
    public let dummyHash: String
    private let pool: DatabasePool
    private let lastPrune = Locked<Double>(0)
    private let clock: @Sendable () -> Date

    private init(path: String, pool: DatabasePool, settings: CitySettings, clock: @escaping @Sendable () -> Date) {
        self.path = path
        self.pool = pool
        self.settings = settings
        self.clock = clock
        self.dummyHash = Bcrypt.hash(Self.randomHex(bytes: 16), cost: settings.bcryptCost)
    }

    /// Opens (creating if needed) the city database at `path`, migrating an older file; refuses a file
    /// written by a newer version, leaving it untouched. `clock` is the time (tests move it).
    public static func open(path: String, settings: CitySettings = CitySettings(),
                            clock: @escaping @Sendable () -> Date = { Date() }) throws(CityError) -> CityStore {
        let pool: DatabasePool
        do {
            pool = try MigratedDatabase.open(path: path, label: "duxue-city", migrator: CitySchema.migrator,
                                             known: CitySchema.identifiers, busyTimeout: busyTimeout)
        } catch {
            switch error {
            case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
            case .newerSchema(let unknown): throw .newerSchema(path: path, unknown: unknown)
            case .migration(let reason): throw .database(reason: reason)
            }
        }
        let store = CityStore(path: path, pool: pool, settings: settings, clock: clock)
        try store.prune()
        return store
    }

    static func reason(_ error: any Error) -> String { MigratedDatabase.reason(error) }

    func write<T>(_ body: (Database) throws -> T) throws(CityError) -> T {
        do {
            return try pool.write(body)
        } catch let error as CityError {
            throw error
        } catch {
            throw .database(reason: Self.reason(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(CityError) -> T {
        do {
            return try pool.read(body)
        } catch let error as CityError {
            throw error
        } catch {
            throw .database(reason: Self.reason(error))
        }
    }

    /// Now, as ISO 8601 UTC with milliseconds.
    func stamp() -> String { Self.iso(clock()) }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// SHA-256 of bytes, lower-case hex.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// `count` random bytes from the system's cryptographic generator, as hex.
    public static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    // MARK: Accounts

    /// Whether `name` may be an account name: 1–64 characters, no control characters, spaces or markup/path characters.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.count) else { return false }
        let refused = CharacterSet.controlCharacters.union(.whitespacesAndNewlines).union(CharacterSet(charactersIn: "<>&\"'/\\`"))
        return !name.unicodeScalars.contains { refused.contains($0) }
    }

    /// Creates an account (the password hashed with bcrypt at the settings' cost).
    @discardableResult
    public func createAccount(name: String, role: Role, district: String?, password: String, by actor: Actor? = nil)
        throws(CityError) -> Account
    {
        guard Self.isValidName(name) else { throw .invalidName }
        try Self.checkPassword(password)
        guard (role == .district) == (district != nil), district.map(Self.isValidName) ?? true else { throw .badDistrict }
        let hash = Bcrypt.hash(password, cost: settings.bcryptCost)
        let now = stamp()
        return try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [name]) != nil { throw CityError.nameTaken }
            try db.execute(sql: "INSERT INTO accounts (name, role, district, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, role.rawValue, district, hash, now])
            let account = Account(id: db.lastInsertedRowID, name: name, role: role, district: district, disabled: false, createdAt: now)
            if let actor {
                try Self.append(db, actor: actor, action: "account_create", district: district, outcome: "ok",
                                detail: "account=\(name) role=\(role.rawValue)", at: now)
            }
            return account
        }
    }

    /// Creates accounts in one transaction: all of them, or none (an import from a file).
    public func createAccounts(_ list: [(name: String, role: Role, district: String?, password: String)], by actor: Actor) throws(CityError) -> Int {
        var hashed: [(String, Role, String?, String)] = []
        for item in list {
            guard Self.isValidName(item.name) else { throw .invalidName }
            try Self.checkPassword(item.password)
            guard (item.role == .district) == (item.district != nil), item.district.map(Self.isValidName) ?? true else { throw .badDistrict }
            hashed.append((item.name, item.role, item.district, Bcrypt.hash(item.password, cost: settings.bcryptCost)))
        }
        let now = stamp()
        return try write { db in
            for (name, role, district, hash) in hashed {
                if try Int.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [name]) != nil { throw CityError.nameTaken }
                try db.execute(sql: "INSERT INTO accounts (name, role, district, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [name, role.rawValue, district, hash, now])
                try Self.append(db, actor: actor, action: "account_create", district: district, outcome: "ok",
                                detail: "account=\(name) role=\(role.rawValue)", at: now)
            }
            return hashed.count
        }
    }

    static func checkPassword(_ password: String) throws(CityError) {
        guard password.count >= CitySettings.minimumPasswordLength, password.utf8.count <= 72, !password.contains("\0") else {
            throw .weakPassword(minimum: CitySettings.minimumPasswordLength)
        }
    }

    /// Every account, by name.
    public func accounts() throws(CityError) -> [Account] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").map(Self.account) }
    }

    /// An account by id.
    public func account(id: Int64) throws(CityError) -> Account? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id]).map(Self.account) }
    }

    static func account(_ row: Row) -> Account {
        Account(id: row["id"], name: row["name"], role: Role(rawValue: row["role"]) ?? .district, district: row["district"],
                disabled: (row["disabled"] as Int) != 0, createdAt: row["created_at"])
    }

    /// Changes an account: disabled or enabled, a new password, a new role and district. Disabling or
    /// changing the password revokes its sessions. The last enabled administrator stays one.
    @discardableResult
    public func updateAccount(id: Int64, disabled: Bool? = nil, password: String? = nil, role: Role? = nil, district: String?? = nil,
                              by actor: Actor) throws(CityError) -> Account {
        if let password { try Self.checkPassword(password) }
        let hash = password.map { Bcrypt.hash($0, cost: settings.bcryptCost) }
        let now = stamp(), seconds = clock().timeIntervalSince1970
        return try write { db in
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id]).map(Self.account) else {
                throw CityError.notFound
            }
            var new = old
            if let disabled { new.disabled = disabled }
            if let role { new.role = role }
            if let district { new.district = district }
            if new.role != .district { new.district = nil }
            guard (new.role == .district) == (new.district != nil), new.district.map(Self.isValidName) ?? true else { throw CityError.badDistrict }
            if old.role == .admin && !old.disabled && (new.role != .admin || new.disabled) {
                let admins = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND disabled = 0") ?? 0
                if admins <= 1 { throw CityError.lastAdministrator }
            }
            try db.execute(sql: "UPDATE accounts SET role = ?, district = ?, disabled = ? WHERE id = ?",
                           arguments: [new.role.rawValue, new.district, new.disabled ? 1 : 0, id])
            if let hash { try db.execute(sql: "UPDATE accounts SET password_hash = ? WHERE id = ?", arguments: [hash, id]) }
            if hash != nil || new.disabled || new.role != old.role || new.district != old.district {
                try db.execute(sql: "UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", arguments: [seconds, id])
            }
            var changes: [String] = []
            if new.disabled != old.disabled { changes.append(new.disabled ? "disabled" : "enabled") }
            if hash != nil { changes.append("password") }
            if new.role != old.role { changes.append("role=\(new.role.rawValue)") }
            if new.district != old.district { changes.append("district=\(new.district ?? "-")") }
            try Self.append(db, actor: actor, action: "account_update", district: new.district ?? old.district, outcome: "ok",
                            detail: "account=\(old.name) " + changes.joined(separator: " "), at: now)
            return new
        }
    }

    // MARK: Login and sessions

    /// A login: refused unchecked when the name or the address failed too often within the window;
    /// else the password is checked (bcrypt, also against a dummy hash for an unknown name so the answer
    /// takes as long) and a success opens a new session (a new random token: a token the client had
    /// before is never adopted). Audited either way. Counting the failures and writing this attempt (as a
    /// failure until the password is found right) are one write transaction before bcrypt runs, so N
    /// concurrent logins see each other's attempts and get at most the limit of password checks, not N.
    public func login(name: String, password: String, address: String) throws(CityError) -> LoginOutcome {
        let now = clock().timeIntervalSince1970, since = now - settings.throttleWindow
        let trimmed = String(name.prefix(64))
        let actor = Actor(account: nil, name: trimmed, address: address)
        let settings = self.settings
        if pruneDue(now) { try prune() }
        let admitted: (attempt: Int64, row: Row?)? = try write { db in
            // Failures count since the window began and since the last success of the same name (or address).
            let byName = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM login_attempts WHERE name = ? AND ok = 0 AND at > ?
                  AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE name = ? AND ok = 1), 0)
                """, arguments: [trimmed, since, trimmed]) ?? 0
            let byAddress = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM login_attempts WHERE address = ? AND ok = 0 AND at > ?",
                                             arguments: [address, since]) ?? 0
            if byName >= settings.failuresPerAccount || byAddress >= settings.failuresPerAddress {
                // One audit row per name and per address per window: throttled requests are free to send,
                // so each must not cost a row on disk.
                let sinceStamp = Self.iso(Date(timeIntervalSince1970: since))
                let logged = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM audit WHERE action = 'login_throttled' AND account_name = ? COLLATE NOCASE AND at > ?)
                        OR EXISTS (SELECT 1 FROM audit WHERE action = 'login_throttled' AND address = ? AND at > ?)
                    """, arguments: [trimmed, sinceStamp, address, sinceStamp]) ?? false
                if !logged {
                    try Self.append(db, actor: actor, action: "login_throttled", district: nil, outcome: "refused",
                                    detail: "further throttled logins of this name or address within the window are not logged", at: stamp())
                }
                return nil
            }
            try db.execute(sql: "INSERT INTO login_attempts (name, address, at, ok) VALUES (?, ?, ?, 0)", arguments: [trimmed, address, now])
            let attempt = db.lastInsertedRowID
            return (attempt, try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [trimmed]))
        }
        guard let admitted else { return .throttled }
        let row = admitted.row
        let hash: String = row?["password_hash"] ?? dummyHash
        let matches = password.utf8.count <= 72 && Bcrypt.verify(password, hash: hash)
        guard let row, matches, (row["disabled"] as Int) == 0 else {
            try write { db in
                try Self.append(db, actor: actor, action: "login_failed", district: nil, outcome: "refused", detail: "", at: stamp())
            }
            return .failure
        }
        let account = Self.account(row)
        let token = Self.randomHex(bytes: 32), csrf = Self.randomHex(bytes: 32)
        let tokenHash = Self.sha256(Data(token.utf8))
        try write { db in
            try db.execute(sql: "UPDATE login_attempts SET ok = 1 WHERE id = ?", arguments: [admitted.attempt])
            try db.execute(sql: """
                INSERT INTO sessions (token_hash, account_id, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [tokenHash, account.id, csrf, now, now, now + settings.absoluteLifetime])
            try Self.append(db, actor: Actor(account: account, address: address), action: "login", district: account.district,
                            outcome: "ok", detail: "", at: stamp())
        }
        return .success(token: token, session: Session(account: account, csrf: csrf, tokenHash: tokenHash))
    }

    /// Deletes login attempts older than the throttle window and sessions past either lifetime or revoked
    /// (they can no longer count or log in): run when the store opens and at most once a minute on login,
    /// so anonymous requests cannot grow the file without bound.
    public func prune() throws(CityError) {
        let now = clock().timeIntervalSince1970
        let settings = self.settings
        try write { db in
            try db.execute(sql: "DELETE FROM login_attempts WHERE at <= ?", arguments: [now - settings.throttleWindow])
            try db.execute(sql: "DELETE FROM sessions WHERE revoked_at IS NOT NULL OR expires_at <= ? OR last_seen_at + ? <= ?",
                           arguments: [now, settings.idleLifetime, now])
        }
    }

    /// Whether a minute has passed since the last pruning (and records now if so).
    private func pruneDue(_ now: Double) -> Bool {
        lastPrune.withLock { last in
            guard now - last >= Self.touchInterval || now < last else { return false }
            last = now
            return true
        }
    }

    /// How many logins for `name` got their password checked (the attempts written; a throttled login
    /// writes none).
    public func loginAttempts(name: String) throws(CityError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM login_attempts WHERE name = ?", arguments: [name]) ?? 0 }
    }

    /// The live session of a token: not revoked, within both lifetimes, its account enabled. Its last
    /// request time is written at most once a minute.
    public func session(token: String) throws(CityError) -> Session? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        let hash = Self.sha256(Data(token.utf8))
        let now = clock().timeIntervalSince1970
        let found = try read { db -> (Session, Double)? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.csrf, s.last_seen_at, s.expires_at, s.revoked_at, a.* FROM sessions s JOIN accounts a ON a.id = s.account_id
                WHERE s.token_hash = ?
                """, arguments: [hash]) else { return nil }
            let lastSeen: Double = row["last_seen_at"], expires: Double = row["expires_at"], revoked: Double? = row["revoked_at"]
            guard revoked == nil, now < expires, now < lastSeen + settings.idleLifetime, (row["disabled"] as Int) == 0 else { return nil }
            return (Session(account: Self.account(row), csrf: row["csrf"], tokenHash: hash), lastSeen)
        }
        guard let (session, lastSeen) = found else { return nil }
        if now - lastSeen >= Self.touchInterval {
            try write { db in
                try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", arguments: [now, hash])
            }
        }
        return session
    }

    /// Ends one session.
    public func logout(_ session: Session, address: String) throws(CityError) {
        let now = clock().timeIntervalSince1970
        try write { db in
            try db.execute(sql: "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", arguments: [now, session.tokenHash])
            try Self.append(db, actor: Actor(account: session.account, address: address), action: "logout",
                            district: session.account.district, outcome: "ok", detail: "", at: stamp())
        }
    }

    /// Ends every session of an account ("log out everywhere"); returns how many were live.
    @discardableResult
    public func logoutEverywhere(accountID: Int64, by actor: Actor) throws(CityError) -> Int {
        let now = clock().timeIntervalSince1970
        return try write { db in
            try db.execute(sql: "UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", arguments: [now, accountID])
            let count = db.changesCount
            let name = try String.fetchOne(db, sql: "SELECT name FROM accounts WHERE id = ?", arguments: [accountID]) ?? "?"
            try Self.append(db, actor: actor, action: "logout_everywhere", district: actor.account?.district, outcome: "ok",
                            detail: "account=\(name) sessions=\(count)", at: stamp())
            return count
        }
    }

    // MARK: Filings

    /// Submits a filing: the next version of the district, its bytes and their SHA-256 stored in the
    /// same transaction as the audit row. Refused while a version waits for a decision.
    public func submit(district: String, fileName: String, bytes: [UInt8], by actor: Actor, detail: String = "") throws(CityError) -> Filing {
        guard let account = actor.account else { throw .notFound }
        let digest = Self.sha256(bytes), now = stamp()
        return try write { db in
            if let pending = try Int.fetchOne(db, sql: "SELECT version FROM filings WHERE district = ? AND status = 'submitted'",
                                              arguments: [district]) {
                throw CityError.filingPending(version: pending)
            }
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM filings WHERE district = ?", arguments: [district]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO filings (district, version, file_name, content, sha256, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [district, version, fileName, Data(bytes), digest, account.id, now])
            let id = db.lastInsertedRowID
            try Self.append(db, actor: actor, action: "submit", district: district, outcome: "ok",
                            detail: "filing=\(id) version=\(version) sha256=\(digest) \(detail)".trimmingCharacters(in: .whitespaces), at: now)
            return Filing(id: id, district: district, version: version, fileName: fileName, sha256: digest, size: bytes.count,
                          submittedBy: account.name, submittedAt: now, status: "submitted")
        }
    }

    private static let filingColumns = """
        SELECT f.id, f.district, f.version, f.file_name, f.sha256, length(f.content) AS size, s.name AS submitter, f.submitted_at,
               f.status, d.name AS decider, f.decided_at, f.comment
        FROM filings f JOIN accounts s ON s.id = f.submitted_by LEFT JOIN accounts d ON d.id = f.decided_by
        """

    static func filing(_ row: Row) -> Filing {
        Filing(id: row["id"], district: row["district"], version: row["version"], fileName: row["file_name"], sha256: row["sha256"],
               size: row["size"], submittedBy: row["submitter"], submittedAt: row["submitted_at"], status: row["status"],
               decidedBy: row["decider"], decidedAt: row["decided_at"], comment: row["comment"])
    }

    /// A district's filings, newest first (every district's with `nil`).
    public func filings(district: String?) throws(CityError) -> [Filing] {
        try read { db in
            if let district {
                return try Row.fetchAll(db, sql: Self.filingColumns + " WHERE f.district = ? ORDER BY f.version DESC", arguments: [district])
                    .map(Self.filing)
            }
            return try Row.fetchAll(db, sql: Self.filingColumns + " ORDER BY f.district, f.version DESC").map(Self.filing)
        }
    }

    /// A filing by id, if it belongs to `district`.
    public func filing(id: Int64, district: String) throws(CityError) -> Filing? {
        try read { db in
            try Row.fetchOne(db, sql: Self.filingColumns + " WHERE f.id = ? AND f.district = ?", arguments: [id, district]).map(Self.filing)
        }
    }

    /// A filing's bytes (checked against the SHA-256 stored with them; `nil` if they differ).
    public func content(id: Int64) throws(CityError) -> [UInt8]? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT content, sha256 FROM filings WHERE id = ?", arguments: [id]) else { return nil }
            let data: Data = row["content"]
            return Self.sha256(data) == (row["sha256"] as String) ? [UInt8](data) : nil
        }
    }

    /// Accepts or returns a submitted filing (once), with the reviewer's comment (required to return).
    public func decide(id: Int64, district: String, accept: Bool, comment: String, by actor: Actor) throws(CityError) -> Filing {
        guard let account = actor.account else { throw .notFound }
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if !accept && text.isEmpty { throw .commentRequired }
        let now = stamp()
        return try write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM filings WHERE id = ? AND district = ?", arguments: [id, district])
            else { throw CityError.notFound }
            guard status == "submitted" else { throw CityError.alreadyDecided }
            try db.execute(sql: "UPDATE filings SET status = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ?",
                           arguments: [accept ? "accepted" : "returned", account.id, now, String(text.prefix(2000)), id])
            try Self.append(db, actor: actor, action: accept ? "accept" : "return", district: district, outcome: "ok",
                            detail: "filing=\(id)", at: now)
            guard let row = try Row.fetchOne(db, sql: Self.filingColumns + " WHERE f.id = ?", arguments: [id]) else { throw CityError.notFound }
            return Self.filing(row)
        }
    }

    // MARK: Deadlines

    /// Sets a district's deadline (YYYY-MM-DD).
    public func setDeadline(district: String, dueOn: String, by actor: Actor) throws(CityError) {
        guard let account = actor.account else { throw .notFound }
        let now = stamp()
        try write { db in
            try db.execute(sql: """
                INSERT INTO deadlines (district, due_on, set_by, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(district) DO UPDATE SET due_on = excluded.due_on, set_by = excluded.set_by, set_at = excluded.set_at
                """, arguments: [district, dueOn, account.id, now])
            try Self.append(db, actor: actor, action: "deadline", district: district, outcome: "ok", detail: "due_on=\(dueOn)", at: now)
        }
    }

    /// Every district's deadline.
    public func deadlines() throws(CityError) -> [String: String] {
        try read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT district, due_on FROM deadlines").map { ($0["district"], $0["due_on"]) },
                       uniquingKeysWith: { a, _ in a })
        }
    }

    // MARK: Audit

    /// Appends a row to the audit log.
    public func audit(_ actor: Actor, action: String, district: String?, outcome: String = "ok", detail: String = "") throws(CityError) {
        let now = stamp()
        try write { db in try Self.append(db, actor: actor, action: action, district: district, outcome: outcome, detail: detail, at: now) }
    }

    static func append(_ db: Database, actor: Actor, action: String, district: String?, outcome: String, detail: String, at: String) throws {
        try db.execute(sql: """
            INSERT INTO audit (at, account_id, account_name, role, address, action, district, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [at, actor.account?.id, String(actor.name.prefix(64)), actor.account?.role.rawValue, actor.address, action, district,
                             outcome, String(detail.prefix(500))])
    }

    /// Audit rows, newest first: at most `limit`, before row id `before` if given, of one district if given.
    public func auditLog(limit: Int = 200, before: Int64? = nil, district: String? = nil) throws(CityError) -> [AuditEntry] {
        try read { db in
            var sql = "SELECT * FROM audit WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let before {
                sql += " AND id < ?"
                arguments += [before]
            }
            if let district {
                sql += " AND district = ?"
                arguments += [district]
            }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments += [max(0, min(limit, 100_000))]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AuditEntry(id: row["id"], at: row["at"], account: row["account_name"], role: row["role"], address: row["address"],
                           action: row["action"], district: row["district"], outcome: row["outcome"], detail: row["detail"])
            }
        }
    }

    /// Rows per table (tests and the load benchmark count them before and after).
    public func rowCounts() throws(CityError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in ["accounts", "sessions", "login_attempts", "filings", "deadlines", "audit"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}
