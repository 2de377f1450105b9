import DuxueDomain
import DuxueInput
import DuxueRecord
import DuxueReport
import Foundation

/// `record`: adds a roster (any roster Duxue can read, past filings included) to the district's roster
/// of record, as a new term or a mid-term change. A filed roster is history: it is stored whatever the
/// rules say of it today; the findings against the district's current files are stored with it.
public struct RecordRequest: Sendable {
    /// The district (its `termStart`, when given, is the roster's term start).
    public var district: DistrictSource
    /// The roster file.
    public var roster: String
    /// The day a mid-term change takes effect (within the term); `nil` for the term's own roster.
    public var asOf: Day?
    /// 聘任文号, if any.
    public var docNo: String?
    /// Draft, filed or approved.
    public var status: RosterStatus
    /// Whether a roster already recorded for the same term and day is replaced (its version is kept).
    public var replace: Bool
    /// When it is recorded (ISO 8601); `nil` for now.
    public var recordedAt: String?
    /// Report language (of the findings shown; the stored ones are in Chinese).
    public var language: Language

    /// A request.
    public init(district: DistrictSource, roster: String, asOf: Day? = nil, docNo: String? = nil, status: RosterStatus = .filed,
                replace: Bool = false, recordedAt: String? = nil, language: Language) {
        self.district = district
        self.roster = roster
        self.asOf = asOf
        self.docNo = docNo
        self.status = status
        self.replace = replace
        self.recordedAt = recordedAt
        self.language = language
    }
}

/// What `record` did.
public struct RecordOutcome: Sendable {
    /// The record file.
    public var path: String
    /// The roster as recorded.
    public var recorded: RecordedRoster
    /// Warnings of the inputs and of the roster.
    public var warnings: [InputProblem]
    /// The rule findings against the district's current files, in the requested language.
    public var findings: [String]
}

/// Why a roster cannot be recorded as asked (the inputs were readable).
public enum RecordWorkflowError: Error, Sendable {
    /// The roster's term start is given neither by the request nor by the roster's `term_start` column.
    case termStartUnknown(roster: String)
    /// The record refused the write (already recorded, newer schema …); nothing was changed.
    case record(RecordError)
}

extension Workflows {
    /// Reads the roster and the district, checks the roster against the district's current files, and
    /// adds it to the record in one transaction. Throws ``InputError`` for unreadable inputs and
    /// ``RecordWorkflowError`` when the record refuses it.
    public static func record(_ request: RecordRequest) throws -> RecordOutcome {
        var load = try RosterReader.read(path: request.roster)
        // The term: given, else the roster's term_start, else (for a change as of a date) the recorded term
        // containing that date.
        let recordedTerm = try request.asOf.flatMap { day in try request.district.recordHistory()?.terms.last { $0.contains(day) }?.start }
        guard let termStart = request.district.termStart ?? load.termStart ?? recordedTerm else {
            throw RecordWorkflowError.termStartUnknown(roster: request.roster)
        }
        // Facts true then but not now are no error: the pool is read as the district's files describe it
        // (on the term start its own policy names, or today), or on the roster's day if later; so a
        // retirement after a past term's start is a date, not a contradiction.
        let effective = request.asOf ?? termStart
        let own = try PolicyReader.load(district: request.district.path, option: request.district.policy, termStart: nil).termStart
        let loaded = try request.district.load(termStart: termStart, readOn: max(own, effective), recording: true)
        var district = loaded.district
        var policy = loaded.policy
        policy.termStart = termStart
        policy.termStartStated = true
        if effective > termStart { policy.asOf = effective }
        try load.resolveNames(in: district)
        district = load.ready(in: district, policy: policy)
        let warnings = loaded.warnings + load.warnings + InputValidation.contradictions(load, against: district)
        let findings = Compliance.audit(load.roster, district: district, policy: policy)
        let stored = Text(.zh, district: district)
        let shown = Text(request.language, district: district)
        let entry = RosterEntry(
            term: Term(start: termStart, years: policy.termYears), effectiveOn: effective, status: request.status,
            docNo: request.docNo, sourceFile: FileManager.default.displayName(atPath: request.roster),
            recordedAt: request.recordedAt ?? Self.now(),
            assignments: Self.lines(load), schools: Self.schoolFacts(load.roster, district: district),
            inspectors: Self.inspectorFacts(load.roster, district: district, written: loaded.writtenTerms),
            findings: findings.map { StoredFinding(rule: $0.rule.rawValue, severity: $0.severity.rawValue, message: stored.finding($0.detail)) })
        let recorded: RecordedRoster
        do {
            recorded = try DistrictRecord.open(path: request.district.recordPath).add(entry, replace: request.replace)
        } catch {
            throw RecordWorkflowError.record(error)
        }
        return RecordOutcome(path: request.district.recordPath, recorded: recorded, warnings: warnings,
                             findings: findings.map { "\($0.rule.rawValue) " + shown.finding($0.detail) })
    }

    /// Now, as the record writes it (ISO 8601, UTC, seconds).
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// The roster's lines as the record keeps them.
    static func lines(_ load: RosterLoad) -> [RecordedAssignment] {
        zip(load.roster.assignments, load.lines).map { assignment, line in
            switch assignment.assignee {
            case .inspector(let id):
                return RecordedAssignment(line: line, school: assignment.school, inspector: id, employment: load.servedAs[id],
                                          pairTerms: load.pairTerms[assignment.school])
            case .vacancy(let id, let zone, let employment):
                var result = RecordedAssignment(line: line, school: assignment.school, inspector: nil, vacancy: id,
                                                employment: employment)
                result.vacancyZone = zone.rawValue
                return result
            }
        }
    }

    /// The schools the roster names, as the district gives them now.
    static func schoolFacts(_ roster: Roster, district: District) -> [SchoolFact] {
        let schools = district.schoolsByID
        var seen: Set<School.ID> = []
        return roster.assignments.compactMap { a in
            guard seen.insert(a.school).inserted, let school = schools[a.school] else { return nil }
            return SchoolFact(id: school.id, name: school.name, zone: school.zone.rawValue, stage: school.stage?.rawValue,
                              enrollment: school.enrollment)
        }
    }

    /// The appointees, as the pool gives them now (no phone, no conflicts, no workplace).
    static func inspectorFacts(_ roster: Roster, district: District, written: [Inspector.ID: Int]) -> [InspectorFact] {
        let people = district.inspectorsByID
        var seen: Set<Inspector.ID> = []
        return roster.assignments.compactMap { a in
            guard let id = a.assignee.inspectorID, seen.insert(id).inserted, let person = people[id] else { return nil }
            return InspectorFact(id: id, name: person.name, employment: person.employment, zone: person.zone.rawValue,
                                 retiredOn: person.status.retiredOn, consecutiveTerms: written[id])
        }
    }
}

extension Workflows {
    /// Writes the district's record as CSV, one file per table, into `folder` (never over a file).
    /// Returns the files written.
    public static func exportRecord(_ district: DistrictSource, to folder: String) throws -> [String] {
        guard DistrictRecord.exists(district: district.path) else { throw HistoryError.noRecord(path: district.recordPath) }
        do {
            try DistrictRecord.open(path: district.recordPath).export(to: folder)
        } catch {
            throw RecordWorkflowError.record(error)
        }
        return DistrictRecord.exportFiles(in: folder)
    }

    /// Rebuilds the district's record from an export folder (the record must hold no roster yet).
    /// Returns the rows read per table.
    public static func importRecord(_ district: DistrictSource, from folder: String) throws -> [String: Int] {
        do {
            let record = try DistrictRecord.open(path: district.recordPath)
            try record.importExport(from: folder)
            return try record.rowCounts()
        } catch {
            throw RecordWorkflowError.record(error)
        }
    }
}
