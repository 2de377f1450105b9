import DuxueDomain
import DuxueInput
import Foundation
import GRDB

/// A district's roster of record (`duxue.sqlite`): the rosters filed term by term, the appointments they
/// made, and the facts they were checked against. SQLite through GRDB: WAL, foreign keys on, every write
/// one transaction (a crash leaves the file as before or as after), and a busy timeout so that a second
/// writer waits for the first instead of failing.
public final class DistrictRecord: Sendable {
    /// The file's name inside a district folder.
    public static let fileName = "duxue.sqlite"

    /// Seconds a writer waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// The database file.
    public let path: String
    private let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Where a district's record lives: `duxue.sqlite` inside a district folder; beside a district
    /// workbook `X.xlsx`, `X.duxue.sqlite` (the workbook stays the office's own file).
    public static func path(district: String) -> String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: district, isDirectory: &isFolder)
        if TableFiles.isWorkbook(district) && !(exists && isFolder.boolValue) {
            let url = URL(fileURLWithPath: district)
            return url.deletingPathExtension().path + ".duxue.sqlite"
        }
        return URL(fileURLWithPath: district).appendingPathComponent(fileName).path
    }

    /// Whether the district has a record.
    public static func exists(district: String) -> Bool {
        FileManager.default.fileExists(atPath: path(district: district))
    }

    /// Opens the district's record if it has one (migrating an older file), else `nil`.
    public static func openIfExists(district: String) throws(RecordError) -> DistrictRecord? {
        exists(district: district) ? try open(path: path(district: district)) : nil
    }

    /// Opens (creating if needed) the record at `path`, migrating an older file; refuses a file written by
    /// a newer version, leaving it untouched.
    public static func open(path: String) throws(RecordError) -> DistrictRecord {
        do {
            let pool = try MigratedDatabase.open(path: path, label: "duxue-record", migrator: RecordSchema.migrator,
                                                 known: RecordSchema.identifiers, busyTimeout: busyTimeout)
            return DistrictRecord(path: path, pool: pool)
        } catch {
            switch error {
            case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
            case .newerSchema(let unknown): throw .newerSchema(path: path, unknown: unknown)
            case .migration(let reason): throw .database(path: path, reason: reason)
            }
        }
    }

    /// The text of a database error, for messages.
    static func reason(_ error: any Error) -> String { MigratedDatabase.reason(error) }

    /// Runs `body` in one write transaction (immediate: a second writer waits up to ``busyTimeout``).
    func write<T>(_ body: (Database) throws -> T) throws(RecordError) -> T {
        do {
            return try pool.write(body)
        } catch let error as RecordError {
            throw error
        } catch {
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(RecordError) -> T {
        do {
            return try pool.read(body)
        } catch let error as RecordError {
            throw error
        } catch {
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    // MARK: Adding rosters

    /// Adds a roster: a new term, or a mid-term change as of a date within a recorded term. A roster for
    /// the same term and day already recorded is an error unless `replace`, which keeps the old version
    /// (marked replaced) and adds the new one as the next version. One transaction: all or nothing.
    @discardableResult
    public func add(_ entry: RosterEntry, replace: Bool = false) throws(RecordError) -> RecordedRoster {
        guard entry.term.contains(entry.effectiveOn) else {
            throw .outsideTerm(effectiveOn: entry.effectiveOn, termStart: entry.term.start, termEnd: entry.term.lastDay)
        }
        return try write { db in
            let termID = try Self.termID(db, entry.term)
            let existing = try Row.fetchOne(
                db, sql: "SELECT id, version FROM rosters WHERE term_id = ? AND effective_on = ? AND replaced_by IS NULL",
                arguments: [termID, entry.effectiveOn.description])
            var version = 1
            if let existing {
                let oldVersion: Int = existing["version"]
                guard replace else {
                    throw RecordError.alreadyRecorded(termStart: entry.term.start, effectiveOn: entry.effectiveOn, version: oldVersion)
                }
                let latest = try Int.fetchOne(
                    db, sql: "SELECT MAX(version) FROM rosters WHERE term_id = ? AND effective_on = ?",
                    arguments: [termID, entry.effectiveOn.description]) ?? oldVersion
                version = latest + 1
            }
            try db.execute(
                sql: """
                    INSERT INTO rosters (term_id, effective_on, version, status, recorded_at, source_file, replaced_by, doc_no)
                    VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
                    """,
                arguments: [termID, entry.effectiveOn.description, version, entry.status.rawValue, entry.recordedAt,
                            entry.sourceFile, entry.docNo.nonEmpty])
            let rosterID = db.lastInsertedRowID
            if let existing {
                let oldID: Int64 = existing["id"]
                try db.execute(sql: "UPDATE rosters SET replaced_by = ? WHERE id = ?", arguments: [rosterID, oldID])
            }
            let line = try db.makeStatement(sql: """
                INSERT INTO assignments (roster_id, line, school_id, inspector_id, vacancy_id, vacancy_zone, employment, pair_terms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for a in entry.assignments {
                try line.execute(arguments: [rosterID, a.line, a.school.rawValue, a.inspector?.rawValue, a.vacancy.nonEmpty,
                                             a.vacancy == nil ? nil : a.vacancyZone.nonEmpty, a.employment?.rawValue, a.pairTerms])
            }
            let school = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO school_facts (roster_id, school_id, name, zone, stage, enrollment) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for s in entry.schools {
                try school.execute(arguments: [rosterID, s.id.rawValue, s.name, s.zone, s.stage.nonEmpty, s.enrollment])
            }
            let person = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO inspector_facts (roster_id, inspector_id, name, employment, zone, retired_on, consecutive_terms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for p in entry.inspectors {
                try person.execute(arguments: [rosterID, p.id.rawValue, p.name, p.employment.rawValue, p.zone,
                                               p.retiredOn?.description, p.consecutiveTerms])
            }
            let finding = try db.makeStatement(sql: "INSERT INTO findings (roster_id, rule, severity, message) VALUES (?, ?, ?, ?)")
            for f in entry.findings {
                try finding.execute(arguments: [rosterID, f.rule, f.severity, f.message])
            }
            try Self.deriveAppointments(db, termID: termID, term: entry.term)
            guard let recorded = try Self.rosters(db, where: "r.id = \(rosterID)").first else {
                throw RecordError.database(path: path, reason: "the roster just written cannot be read back")
            }
            return recorded
        }
    }

    /// The id of a term, added if new.
    static func termID(_ db: Database, _ term: Term) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM terms WHERE start = ?", arguments: [term.start.description]) {
            return id
        }
        try db.execute(sql: #"INSERT INTO terms (start, "end") VALUES (?, ?)"#,
                       arguments: [term.start.description, term.end.description])
        return db.lastInsertedRowID
    }

    /// Rebuilds the appointments of a term from its current rosters, in the order they take effect: an
    /// inspector is appointed on the first day a roster lists them, and the appointment ends on the day
    /// of the first later roster that no longer does.
    static func deriveAppointments(_ db: Database, termID: Int64, term: Term) throws {
        try db.execute(sql: "DELETE FROM appointments WHERE term_id = ?", arguments: [termID])
        let rosters = try rosters(db, where: "r.term_id = \(termID) AND r.replaced_by IS NULL")
        let facts = try inspectorEmployment(db, rosterIDs: rosters.map(\.id))
        for appointment in appointments(term: term, rosters: rosters, employment: facts) {
            try db.execute(
                sql: """
                    INSERT INTO appointments (term_id, inspector_id, employment, appointed_on, ended_on, doc_no)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [termID, appointment.inspector.rawValue, appointment.employment.rawValue,
                            appointment.appointedOn.description, appointment.endedOn?.description, appointment.docNo.nonEmpty])
        }
    }

    /// The appointments the current rosters of one term make, by inspector id.
    static func appointments(term: Term, rosters: [RecordedRoster],
                             employment: [Int64: [Inspector.ID: Employment]]) -> [Appointment] {
        let ordered = rosters.filter(\.isCurrent).sorted { ($0.effectiveOn, $0.version) < ($1.effectiveOn, $1.version) }
        var result: [Inspector.ID: Appointment] = [:]
        var order: [Inspector.ID] = []
        for roster in ordered {
            var listed: [Inspector.ID: Employment] = [:]
            for line in roster.assignments {
                guard let id = line.inspector, listed[id] == nil else { continue }
                listed[id] = line.employment ?? employment[roster.id]?[id] ?? .partTime
            }
            for (id, served) in listed {
                if var appointment = result[id] {
                    appointment.employment = served
                    appointment.endedOn = nil
                    result[id] = appointment
                } else {
                    result[id] = Appointment(term: term, inspector: id, employment: served, appointedOn: roster.effectiveOn,
                                             endedOn: nil, docNo: roster.docNo)
                    order.append(id)
                }
            }
            for (id, appointment) in result where listed[id] == nil && appointment.endedOn == nil {
                result[id]?.endedOn = roster.effectiveOn
            }
        }
        return order.sorted().compactMap { result[$0] }
    }

    /// The employment each roster's appointees had in the pool at the time, by roster.
    static func inspectorEmployment(_ db: Database, rosterIDs: [Int64]) throws -> [Int64: [Inspector.ID: Employment]] {
        guard !rosterIDs.isEmpty else { return [:] }
        var result: [Int64: [Inspector.ID: Employment]] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT roster_id, inspector_id, employment FROM inspector_facts WHERE roster_id IN (\(rosterIDs.map(String.init).joined(separator: ",")))")
        for row in rows {
            let roster: Int64 = row["roster_id"]
            let id: String = row["inspector_id"]
            let employment: String = row["employment"]
            result[roster, default: [:]][Inspector.ID(uncheckedRawValue: id)] = Employment(rawValue: employment)
        }
        return result
    }

    // MARK: Reading

    /// Every roster of the record (replaced ones included), oldest term first, then by the day each
    /// takes effect and version.
    public func rosters() throws(RecordError) -> [RecordedRoster] {
        try read { db in try Self.rosters(db, where: "1") }
    }

    /// The whole record as the history derives from it.
    public func history() throws(RecordError) -> RecordHistory {
        try read { db in
            let rosters = try Self.rosters(db, where: "1")
            let facts = try Self.inspectorFacts(db)
            let schools = try Self.schoolFacts(db)
            let appointments = try Row.fetchAll(db, sql: """
                SELECT t.start, t."end", a.inspector_id, a.employment, a.appointed_on, a.ended_on, a.doc_no
                FROM appointments a JOIN terms t ON t.id = a.term_id ORDER BY t.start, a.inspector_id
                """).compactMap { row -> Appointment? in
                    guard let start = Day(iso: row[0]), let end = Day(iso: row[1]),
                        let employment = Employment(rawValue: row[3]), let on = Day(iso: row[4]) else { return nil }
                    var term = Term(start: start, years: 1)
                    term.end = end
                    return Appointment(term: term, inspector: Inspector.ID(uncheckedRawValue: row[2]), employment: employment,
                                       appointedOn: on, endedOn: (row[5] as String?).flatMap(Day.init(iso:)), docNo: row[6])
                }
            return RecordHistory(rosters: rosters, inspectorFacts: facts, schoolFacts: schools, appointments: appointments)
        }
    }

    static func rosters(_ db: Database, where condition: String) throws -> [RecordedRoster] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, t.start, t."end", r.effective_on, r.version, r.status, r.doc_no, r.source_file, r.recorded_at,
                   r.replaced_by
            FROM rosters r JOIN terms t ON t.id = r.term_id WHERE \(condition)
            ORDER BY t.start, r.effective_on, r.version
            """)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map { (row: Row) -> Int64 in row[0] }
        let idList = ids.map(String.init).joined(separator: ",")
        var lines: [Int64: [RecordedAssignment]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT roster_id, line, school_id, inspector_id, vacancy_id, vacancy_zone, employment, pair_terms
            FROM assignments WHERE roster_id IN (\(idList)) ORDER BY id
            """) {
            let roster: Int64 = row[0]
            var line = RecordedAssignment(
                line: row[1], school: School.ID(uncheckedRawValue: row[2]),
                inspector: (row[3] as String?).map(Inspector.ID.init(uncheckedRawValue:)), vacancy: row[4],
                employment: (row[6] as String?).flatMap(Employment.init(rawValue:)), pairTerms: row[7])
            line.vacancyZone = row[5]
            lines[roster, default: []].append(line)
        }
        var findings: [Int64: [StoredFinding]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT roster_id, rule, severity, message FROM findings WHERE roster_id IN (\(idList)) ORDER BY id") {
            let roster: Int64 = row[0]
            findings[roster, default: []].append(StoredFinding(rule: row[1], severity: row[2], message: row[3]))
        }
        return rows.compactMap { row in
            let id: Int64 = row[0]
            guard let start = Day(iso: row[1]), let end = Day(iso: row[2]), let on = Day(iso: row[3]),
                let status = RosterStatus(rawValue: row[5]) else { return nil }
            var term = Term(start: start, years: 1)
            term.end = end
            return RecordedRoster(id: id, term: term, effectiveOn: on, version: row[4], status: status, docNo: row[6],
                                  sourceFile: row[7], recordedAt: row[8], replacedBy: row[9], assignments: lines[id] ?? [],
                                  findings: findings[id] ?? [])
        }
    }

    static func inspectorFacts(_ db: Database) throws -> [Int64: [Inspector.ID: InspectorFact]] {
        var result: [Int64: [Inspector.ID: InspectorFact]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT roster_id, inspector_id, name, employment, zone, retired_on, consecutive_terms FROM inspector_facts
            """) {
            let roster: Int64 = row[0]
            let id = Inspector.ID(uncheckedRawValue: row[1])
            guard let employment = Employment(rawValue: row[3]) else { continue }
            result[roster, default: [:]][id] = InspectorFact(
                id: id, name: row[2], employment: employment, zone: row[4], retiredOn: (row[5] as String?).flatMap(Day.init(iso:)),
                consecutiveTerms: row[6])
        }
        return result
    }

    static func schoolFacts(_ db: Database) throws -> [Int64: [School.ID: SchoolFact]] {
        var result: [Int64: [School.ID: SchoolFact]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT roster_id, school_id, name, zone, stage, enrollment FROM school_facts") {
            let roster: Int64 = row[0]
            let id = School.ID(uncheckedRawValue: row[1])
            result[roster, default: [:]][id] = SchoolFact(id: id, name: row[2], zone: row[3], stage: row[4], enrollment: row[5])
        }
        return result
    }

    /// Rows per table, for checks (the kill test compares them before and after).
    public func rowCounts() throws(RecordError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in RecordSchema.exportTables {
                counts[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
            }
            return counts
        }
    }
}

extension Optional where Wrapped == String {
    /// `nil` for an empty string: the record stores absent text as NULL, never as "" (an export writes
    /// both as an empty field).
    var nonEmpty: String? {
        switch self {
        case .some(let text) where !text.isEmpty: text
        default: nil
        }
    }
}
