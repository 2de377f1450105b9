import DuxueDomain
import DuxueInput
import DuxueRecord
import DuxueWorkflows
import Foundation
import GRDB
import Testing

/// The store: replacing keeps the old version, export → import → export gives the same bytes, and the
/// appointments a term's rosters make.
@Suite struct RecordStoreTests {
    static func entry(_ start: String, on day: String? = nil, holders: [String?], file: String = "r.csv") -> RosterEntry {
        let term = Term(start: .iso(start), years: 3)
        let lines = holders.enumerated().map { index, holder in
            RecordedAssignment(line: index + 2, school: School.ID(uncheckedRawValue: "S\(index + 1)"),
                               inspector: holder.map(Inspector.ID.init(uncheckedRawValue:)),
                               vacancy: holder == nil ? "VACANCY-1" : nil, employment: holder == nil ? .partTime : nil)
        }
        return RosterEntry(term: term, effectiveOn: .iso(day ?? start), docNo: "督字〔\(start.prefix(4))〕1号", sourceFile: file,
                           recordedAt: "2027-01-01T00:00:00Z", assignments: lines,
                           inspectors: Set(holders.compactMap { $0 }).sorted().map {
                               InspectorFact(id: Inspector.ID(uncheckedRawValue: $0), name: "姓名\($0)", employment: $0 == "F" ? .fullTime : .partTime,
                                             zone: "城区", retiredOn: nil, consecutiveTerms: nil)
                           },
                           findings: [StoredFinding(rule: "R2", severity: "warning", message: "提示，含逗号, \"引号\"\n和换行")])
    }

    /// Inside a district folder; beside a district workbook, named after it.
    @Test func theRecordLivesInTheFolderOrBesideTheWorkbook() throws {
        let scratch = try Scratch()
        let folder = try scratch.district()
        #expect(DistrictRecord.path(district: folder) == folder + "/duxue.sqlite")
        #expect(DistrictRecord.path(district: scratch.path("Data/county.xlsx")) == scratch.path("Data/county.duxue.sqlite"))
        #expect(!DistrictRecord.exists(district: folder))
    }

    @Test func recordingATermTwiceIsRefusedAndLeavesTheRecordUntouched() throws {
        let scratch = try Scratch()
        let record = try DistrictRecord.open(path: scratch.path("r.sqlite"))
        try record.add(Self.entry("2024-09-01", holders: ["A", "B"]))
        let before = try record.exportTexts().map(\.text)
        #expect(throws: DuxueRecord.RecordError.alreadyRecorded(termStart: .iso("2024-09-01"), effectiveOn: .iso("2024-09-01"), version: 1)) {
            try record.add(Self.entry("2024-09-01", holders: ["B", "A"]))
        }
        #expect(try record.exportTexts().map(\.text) == before)
    }

    @Test func replacingKeepsTheReplacedVersion() throws {
        let scratch = try Scratch()
        let record = try DistrictRecord.open(path: scratch.path("r.sqlite"))
        let first = try record.add(Self.entry("2024-09-01", holders: ["A", "B"]))
        let second = try record.add(Self.entry("2024-09-01", holders: ["B", "C"]), replace: true)
        #expect(second.version == 2)
        let rosters = try record.rosters()
        #expect(rosters.map(\.version) == [1, 2])
        #expect(rosters[0].replacedBy == second.id && rosters[0].id == first.id)
        #expect(rosters[0].assignments.map(\.inspector?.rawValue) == ["A", "B"])
        // Only the current version counts: A no longer served in 2024.
        let history = try record.history()
        #expect(history.served(in: Term(start: .iso("2024-09-01"), years: 3)).keys.map(\.rawValue).sorted() == ["B", "C"])
    }

    /// A mid-term change: A leaves on 2025-09-01 (ended_on), C is appointed then; B serves throughout.
    @Test func aMidTermChangeEndsAndStartsAppointments() throws {
        let scratch = try Scratch()
        let record = try DistrictRecord.open(path: scratch.path("r.sqlite"))
        try record.add(Self.entry("2024-09-01", holders: ["A", "B"]))
        try record.add(Self.entry("2024-09-01", on: "2025-09-01", holders: ["C", "B"]))
        let appointments = try record.history().appointments.map {
            "\($0.inspector) \($0.appointedOn) \($0.endedOn?.description ?? "-")"
        }
        #expect(appointments == ["A 2024-09-01 2025-09-01", "B 2024-09-01 -", "C 2025-09-01 -"])
        #expect(throws: DuxueRecord.RecordError.outsideTerm(effectiveOn: .iso("2027-09-01"), termStart: .iso("2024-09-01"), termEnd: .iso("2027-08-31"))) {
            try record.add(Self.entry("2024-09-01", on: "2027-09-01", holders: ["A"]))
        }
    }

    @Test func exportImportExportIsByteIdentical() throws {
        let scratch = try Scratch()
        let record = try DistrictRecord.open(path: scratch.path("r.sqlite"))
        try record.add(Self.entry("2021-09-01", holders: ["A", nil, "F"]))
        try record.add(Self.entry("2024-09-01", holders: ["A", "B", "F"]))
        try record.add(Self.entry("2024-09-01", holders: ["A", "C", "F"]), replace: true)
        try record.add(Self.entry("2024-09-01", on: "2025-03-01", holders: ["B", "C", "F"]))
        try record.export(to: scratch.path("one"))
        let rebuilt = try DistrictRecord.open(path: scratch.path("rebuilt.sqlite"))
        try rebuilt.importExport(from: scratch.path("one"))
        try rebuilt.export(to: scratch.path("two"))
        for file in RecordSchema.exportTables.map({ $0.name + ".csv" }) {
            let one = try Data(contentsOf: scratch.root.appendingPathComponent("one/\(file)"))
            let two = try Data(contentsOf: scratch.root.appendingPathComponent("two/\(file)"))
            #expect(one == two, "\(file)")
            #expect(String(decoding: one, as: UTF8.self).split(separator: "\n").count >= 1)
        }
        #expect(try rebuilt.rowCounts() == record.rowCounts())
        #expect(try rebuilt.rowCounts()["rosters"] == 4)
        // An import never merges into a record that holds rosters, and never writes over an export.
        #expect(throws: DuxueRecord.RecordError.importIntoNonEmpty(path: scratch.path("rebuilt.sqlite"))) {
            try rebuilt.importExport(from: scratch.path("one"))
        }
        #expect(throws: DuxueRecord.RecordError.self) { try record.export(to: scratch.path("one")) }
    }

    @Test func aDamagedExportIsRefusedWholeNamingFileAndLine() throws {
        let scratch = try Scratch()
        let record = try DistrictRecord.open(path: scratch.path("r.sqlite"))
        try record.add(Self.entry("2024-09-01", holders: ["A", "B"]))
        try record.export(to: scratch.path("x"))
        // A line pointing at a roster that does not exist: the foreign key fails, nothing is imported.
        let url = scratch.root.appendingPathComponent("x/assignments.csv")
        var text = try String(contentsOf: url, encoding: .utf8)
        text += "99,42,9,S9,A,,,,\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let rebuilt = try DistrictRecord.open(path: scratch.path("rebuilt.sqlite"))
        #expect(throws: DuxueRecord.RecordError.self) { try rebuilt.importExport(from: scratch.path("x")) }
        #expect(try rebuilt.rowCounts().values.allSatisfy { $0 == 0 })
    }
}

/// Migrations: an older file migrates with its rows kept; a newer one is refused, unchanged.
@Suite struct MigrationTests {
    @Test func aVersionOneFileMigrates() throws {
        let scratch = try Scratch()
        let path = scratch.path("old.sqlite")
        // Written as version 1 of the schema would have written it, with raw SQL.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: RecordSchema.version1)
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-terms-rosters-appointments')")
            try db.execute(sql: #"INSERT INTO terms (id, start, "end") VALUES (1, '2024-09-01', '2027-09-01')"#)
            try db.execute(sql: """
                INSERT INTO rosters (id, term_id, effective_on, version, status, recorded_at, source_file)
                VALUES (1, 1, '2024-09-01', 1, 'filed', '2024-09-02T00:00:00Z', 'roster.csv')
                """)
            try db.execute(sql: "INSERT INTO assignments (roster_id, line, school_id, inspector_id, employment) VALUES (1, 2, 'S1', 'A', 'part_time')")
            try db.execute(sql: #"INSERT INTO appointments (term_id, inspector_id, employment, appointed_on) VALUES (1, 'A', 'part_time', '2024-09-01')"#)
        }
        try queue.close()
        let record = try DistrictRecord.open(path: path)
        let rosters = try record.rosters()
        #expect(rosters.count == 1 && rosters[0].docNo == nil && rosters[0].findings.isEmpty)
        #expect(rosters[0].assignments.map(\.inspector?.rawValue) == ["A"])
        // Version 2's columns and table are there and usable.
        try record.add(RecordStoreTests.entry("2027-09-01", holders: ["A"]))
        #expect(try record.rosters().last?.docNo == "督字〔2027〕1号")
        #expect(try record.rowCounts()["findings"] == 1)
        let applied = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == RecordSchema.identifiers)
    }

    @Test func aFileFromANewerVersionIsRefusedAndLeftAsItWas() throws {
        let scratch = try Scratch()
        let path = scratch.path("new.sqlite")
        let record = try DistrictRecord.open(path: path)
        try record.add(RecordStoreTests.entry("2024-09-01", holders: ["A"]))
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3-something-new')")
            try db.execute(sql: "CREATE TABLE something_new (id INTEGER PRIMARY KEY)")
        }
        try queue.close()
        let before = try RecordDigest.rows(path)
        #expect(throws: DuxueRecord.RecordError.newerSchema(path: path, unknown: ["v3-something-new"])) { try DistrictRecord.open(path: path) }
        #expect(try RecordDigest.rows(path) == before)
        let message = DuxueRecord.RecordError.newerSchema(path: path, unknown: ["v3-something-new"])
        #expect(message.message(in: .en).contains("written by a newer version of Duxue"))
        #expect(message.message(in: .zh).contains("由更新版本的 Duxue 写入"))
    }

    @Test func aFileThatIsNotARecordIsRefusedClearly() throws {
        let scratch = try Scratch()
        let path = try scratch.write("duxue.sqlite", "this is not a database, 这不是数据库\n")
        #expect(throws: DuxueRecord.RecordError.self) { try DistrictRecord.open(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "this is not a database, 这不是数据库\n")
    }
}

/// Every row of every table of a record file, read directly (a digest of its content).
enum RecordDigest {
    static func rows(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table): \($0)" }
            }
        }
    }
}
