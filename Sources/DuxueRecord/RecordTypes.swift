import DuxueDomain

/// The status of a recorded roster: made (draft), filed with the upper level (filed), or approved by it.
public enum RosterStatus: String, CaseIterable, Sendable, Codable {
    /// 草稿
    case draft
    /// 已报备
    case filed
    /// 已批准
    case approved

    /// The Chinese word used in reports.
    public var chineseName: String {
        switch self {
        case .draft: "草稿"
        case .filed: "已报备"
        case .approved: "已批准"
        }
    }
}

/// One line of a recorded roster: a school and who held it (an inspector, or a vacancy).
public struct RecordedAssignment: Hashable, Sendable {
    /// The roster file's line (row).
    public var line: Int
    /// The school.
    public var school: School.ID
    /// The inspector, when the line names one.
    public var inspector: Inspector.ID?
    /// The vacancy (`VACANCY-n`), when the line names one.
    public var vacancy: String?
    /// The zone the vacancy's recruit is hired in.
    public var vacancyZone: String?
    /// The employment the line gives (its `employment` column), else the pool's at the time.
    public var employment: Employment?
    /// The line's `pair_terms` (本校连续届数) as written, if any.
    public var pairTerms: Int?

    /// A line.
    public init(line: Int, school: School.ID, inspector: Inspector.ID?, vacancy: String? = nil, employment: Employment?,
                pairTerms: Int? = nil) {
        self.line = line
        self.school = school
        self.inspector = inspector
        self.vacancy = vacancy
        self.employment = employment
        self.pairTerms = pairTerms
    }
}

/// What the record keeps of a school the roster was checked against: no more than a report needs.
public struct SchoolFact: Hashable, Sendable {
    /// The school.
    public var id: School.ID
    /// Its name.
    public var name: String
    /// Its zone.
    public var zone: String
    /// Its stage (as the domain writes it), if known.
    public var stage: String?
    /// Its enrollment.
    public var enrollment: Int

    /// A fact.
    public init(id: School.ID, name: String, zone: String, stage: String?, enrollment: Int) {
        self.id = id
        self.name = name
        self.zone = zone
        self.stage = stage
        self.enrollment = enrollment
    }
}

/// What the record keeps of an appointee the roster was checked against: no phone, no conflicts (回避),
/// no place of work.
public struct InspectorFact: Hashable, Sendable {
    /// The inspector.
    public var id: Inspector.ID
    /// Their name.
    public var name: String
    /// Full- or part-time in the pool at the time.
    public var employment: Employment
    /// Their zone.
    public var zone: String
    /// The retirement date, if retired.
    public var retiredOn: Day?
    /// The pool's `consecutive_terms` at the time, if written.
    public var consecutiveTerms: Int?

    /// A fact.
    public init(id: Inspector.ID, name: String, employment: Employment, zone: String, retiredOn: Day?, consecutiveTerms: Int?) {
        self.id = id
        self.name = name
        self.employment = employment
        self.zone = zone
        self.retiredOn = retiredOn
        self.consecutiveTerms = consecutiveTerms
    }
}

/// A rule finding stored with the roster (the roster checked against the district's files at the time).
public struct StoredFinding: Hashable, Sendable {
    /// The rule (`R6`).
    public var rule: String
    /// `error` or `warning`.
    public var severity: String
    /// The message, in Chinese (the office's language).
    public var message: String

    /// A finding.
    public init(rule: String, severity: String, message: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
    }
}

/// A roster to add to the record: a new term (effective on the term start) or a mid-term change.
public struct RosterEntry: Sendable {
    /// The term the roster belongs to.
    public var term: Term
    /// The day it takes effect: the term start, or a date within the term for a mid-term change.
    public var effectiveOn: Day
    /// Draft, filed or approved.
    public var status: RosterStatus
    /// The document number of the appointment (聘任文号), if given.
    public var docNo: String?
    /// The roster file's name (no folder: the record never keeps paths of the office's machine).
    public var sourceFile: String
    /// When it is recorded (ISO 8601, UTC).
    public var recordedAt: String
    /// The lines.
    public var assignments: [RecordedAssignment]
    /// The schools it was checked against (those it names).
    public var schools: [SchoolFact]
    /// The appointees it was checked against.
    public var inspectors: [InspectorFact]
    /// The findings of the check.
    public var findings: [StoredFinding]

    /// An entry.
    public init(term: Term, effectiveOn: Day, status: RosterStatus = .filed, docNo: String? = nil, sourceFile: String,
                recordedAt: String, assignments: [RecordedAssignment], schools: [SchoolFact] = [],
                inspectors: [InspectorFact] = [], findings: [StoredFinding] = []) {
        self.term = term
        self.effectiveOn = effectiveOn
        self.status = status
        self.docNo = docNo
        self.sourceFile = sourceFile
        self.recordedAt = recordedAt
        self.assignments = assignments
        self.schools = schools
        self.inspectors = inspectors
        self.findings = findings
    }
}

/// A roster as the record holds it.
public struct RecordedRoster: Hashable, Sendable {
    /// Its row id.
    public var id: Int64
    /// The term.
    public var term: Term
    /// The day it takes effect.
    public var effectiveOn: Day
    /// 1 for the first roster of that term and day; a replacement is the next.
    public var version: Int
    /// Draft, filed or approved.
    public var status: RosterStatus
    /// 聘任文号, if given.
    public var docNo: String?
    /// The file it was read from (name only).
    public var sourceFile: String
    /// When it was recorded.
    public var recordedAt: String
    /// The roster that replaced it, if any (a replaced roster is kept, and no longer counts).
    public var replacedBy: Int64?
    /// Its lines, in file order.
    public var assignments: [RecordedAssignment]
    /// The findings stored with it.
    public var findings: [StoredFinding]

    /// Whether it counts (has not been replaced).
    public var isCurrent: Bool { replacedBy == nil }
}

/// An appointment as the record derives it from the rosters of a term: who served, how, from when to when.
public struct Appointment: Hashable, Sendable {
    /// The term.
    public var term: Term
    /// The inspector.
    public var inspector: Inspector.ID
    /// How they served (as of their last roster in the term).
    public var employment: Employment
    /// The first day they held a school in the term.
    public var appointedOn: Day
    /// The day a later roster of the term no longer listed them, if one did.
    public var endedOn: Day?
    /// 聘任文号 of the roster that appointed them, if given.
    public var docNo: String?
}
