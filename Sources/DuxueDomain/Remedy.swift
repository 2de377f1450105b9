/// Who and what a finding is about: the schools and roster ids it names.
extension FindingDetail {
    /// The schools the finding names, in order.
    public var schools: [School.ID] {
        switch self {
        case .uncovered(let s), .coveredMoreThanOnce(let s, _), .unknownSchool(let s), .largeNotDedicated(let s, _, _),
            .recusal(_, let s), .crossZone(_, _, let s, _), .stageMismatch(_, let s, _):
            [s]
        case .vacancyToFill(_, _, _, let schools): schools
        default: []
        }
    }

    /// The inspectors (roster ids, vacancies included) the finding names, in order.
    public var inspectors: [String] {
        switch self {
        case .unknownInspector(let id): [id]
        case .overCapacity(let a, _, _), .largeNotDedicated(_, let a, _), .crossZone(let a, _, _, _): [a.rosterID]
        case .retiredTooLong(let i, _, _, _, _), .termLimitReached(let i, _, _, _), .recusal(let i, _),
            .stageMismatch(let i, _, _), .retirementWindowEnds(let i, _, _), .lastPermittedTerm(let i, _, _),
            .trainingShort(let i, _, _), .failedAssessment(let i), .wrongLevel(let i, _, _):
            [i.rawValue]
        case .vacancyToFill(let id, _, _, _): [id]
        default: []
        }
    }
}

/// One school to move, and a pool inspector who could take it (`nil` when nobody in the pool can).
public struct Move: Hashable, Sendable {
    /// The school.
    public var school: School.ID
    /// A suggested new holder.
    public var to: Inspector.ID?
    /// Whether the suggestion is in the school's own zone.
    public var sameZone: Bool
    /// The suggestion's cap (it holds fewer schools than this now).
    public var limit: Int
    /// Whether the new holder had to be qualified for the school's stage (an R9 move).
    public var forStage: Bool

    /// A move.
    public init(school: School.ID, to: Inspector.ID?, sameZone: Bool, limit: Int, forStage: Bool = false) {
        self.school = school
        self.to = to
        self.sameZone = sameZone
        self.limit = limit
        self.forStage = forStage
    }
}

/// What would fix a finding, as data (rendered in either language by the report module).
public enum Remedy: Hashable, Sendable {
    /// Give these schools to other inspectors (or, for an uncovered school, to someone at all).
    case move([Move])
    /// Keep one line of a school listed several times and delete the others.
    case keepOneLine(School.ID)
    /// Delete the line, or add the school to schools.csv if it is new.
    case removeUnknownSchool(School.ID)
    /// Correct the id, or add the inspector to inspectors.csv.
    case fixUnknownInspector(String)
    /// Appoint this many more full-time inspectors (or turn part-time posts full-time).
    case addFullTime(Int)
    /// Split the zone into this many zones of at most the limit.
    case splitZone(Zone, into: Int)
    /// Plan a successor before the day the inspector stops being eligible.
    case planSuccessor(Inspector.ID, by: Day)
    /// Plan a successor for the next term (the inspector may not be reappointed).
    case successorNextTerm(Inspector.ID)
    /// Arrange this many more training hours this year.
    case train(Inspector.ID, hours: Double)
    /// Recruit the post.
    case recruit(id: String, employment: Employment, zone: Zone)
}

/// Finds what would fix each finding: concrete schools to move and inspectors with room to take them.
public struct Remedies: Sendable {
    private let context: RuleContext
    private let eligible: [Inspector]
    private var load: [Inspector.ID: Int]

    /// Prepares the lookups for a roster.
    public init(_ context: RuleContext) {
        self.context = context
        eligible = context.district.inspectors.filter { Eligibility.isEligible($0, under: context.policy) }
        load = Dictionary(eligible.map { ($0.id, context.holdings[.inspector($0.id), default: []].count) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// The remedy of each finding, in order; suggestions do not overfill anyone across findings.
    public static func suggest(for findings: [Finding], in context: RuleContext) -> [Remedy?] {
        var remedies = Remedies(context)
        return findings.map { remedies.remedy(for: $0.detail) }
    }

    /// The remedy of one finding (`nil` when nothing needs doing beyond the message).
    public mutating func remedy(for detail: FindingDetail) -> Remedy? {
        let policy = context.policy
        switch detail {
        case .uncovered(let s):
            return .move([move(s, awayFrom: nil)])
        case .coveredMoreThanOnce(let s, _):
            return .keepOneLine(s)
        case .unknownSchool(let s):
            return .removeUnknownSchool(s)
        case .unknownInspector(let id):
            return .fixUnknownInspector(id)
        case .overCapacity(let a, let holds, let limit):
            let held = context.holdings[a, default: []]
            return .move(held.suffix(max(0, holds - limit)).map { move($0, awayFrom: a) })
        case .largeNotDedicated(let s, let a, _):
            let others = context.holdings[a, default: []].filter { $0 != s }
            return .move(others.map { move($0, awayFrom: a) })
        case .fullTimeShareLow(_, _, _, let missing):
            return .addFullTime(missing)
        case .retiredTooLong(let i, _, _, _, _), .termLimitReached(let i, _, _, _), .failedAssessment(let i),
            .wrongLevel(let i, _, _):
            return .move(context.holdings[.inspector(i), default: []].map { move($0, awayFrom: .inspector(i)) })
        case .recusal(let i, let s):
            return .move([move(s, awayFrom: .inspector(i))])
        case .stageMismatch(let i, let s, _):
            return .move([move(s, awayFrom: .inspector(i), qualifiedOnly: true)])
        case .crossZone(let a, _, let s, _):
            return .move([move(s, awayFrom: a)])
        case .zoneTooLarge(let zone, let schools, let limit):
            return .splitZone(zone, into: (schools + limit - 1) / limit)
        case .retirementWindowEnds(let i, let ends, _):
            return .planSuccessor(i, by: ends)
        case .lastPermittedTerm(let i, _, _):
            return .successorNextTerm(i)
        case .trainingShort(let i, let hours, let minimum):
            return .train(i, hours: Double(minimum) - hours)
        case .shareMetOnlyByRounding(let fullTime, let total, _):
            return .addFullTime(FullTimeShareRule.missingFullTime(fullTime: fullTime, total: total, policy: policy))
        case .vacancyToFill(let id, let zone, let employment, _):
            return .recruit(id: id, employment: employment, zone: zone)
        }
    }

    /// A pool inspector to take a school from its holder: eligible, with room, no recusal, not holding
    /// a large school (nor holding anything if the school is large), the school's zone first (only it
    /// when zones are required), qualified for the stage first, then (lean) already appointed before
    /// idle, then fewest schools, then id.
    private mutating func move(_ school: School.ID, awayFrom holder: Assignee?, qualifiedOnly: Bool = false) -> Move {
        let policy = context.policy
        let target = context.schools[school]
        let large = target?.isLarge(under: policy) ?? false
        let candidates = eligible.filter { inspector in
            guard Assignee.inspector(inspector.id) != holder, !inspector.conflicts.contains(school) else { return false }
            let held = load[inspector.id, default: 0]
            guard held < inspector.capacity(under: policy), !(large && held > 0) else { return false }
            if policy.zones == .require, let zone = target?.zone, inspector.zone != zone { return false }
            if qualifiedOnly && !inspector.isQualified(for: target?.stage) { return false }
            let holdsLarge = context.holdings[.inspector(inspector.id), default: []]
                .contains { context.schools[$0]?.isLarge(under: policy) == true }
            return !holdsLarge
        }
        // Lean staffing: someone already appointed with room before someone idle (who would be one more
        // appointee); spread staffing: the reverse.
        let best = candidates.min { a, b in
            func key(_ i: Inspector) -> (Int, Int, Int, Int) {
                let idle = load[i.id, default: 0] == 0 ? 1 : 0
                return (i.zone == target?.zone ? 0 : 1, i.isQualified(for: target?.stage) ? 0 : 1,
                        policy.staffing == .lean ? idle : 1 - idle, load[i.id, default: 0])
            }
            let ka = key(a), kb = key(b)
            return ka != kb ? ka < kb : a.id < b.id
        }
        guard let best else {
            return Move(school: school, to: nil, sameZone: false, limit: policy.schoolsPerInspector, forStage: qualifiedOnly)
        }
        load[best.id, default: 0] += 1
        return Move(school: school, to: best.id, sameZone: best.zone == target?.zone,
                    limit: best.capacity(under: policy), forStage: qualifiedOnly)
    }
}
