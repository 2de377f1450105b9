import DuxueDomain
import DuxuePlanner
import DuxueReport

/// A roster re-audited after an edit: every finding of the `check` rules (R1–R17) the policy imposes,
/// with the schools and inspectors it names, and the roster's figures.
public struct RosterAudit: Codable, Sendable {
    /// One finding, rendered.
    public struct Line: Codable, Sendable {
        /// R1…R17.
        public var rule: RuleID
        /// `error` or `warning`.
        public var severity: String
        /// The finding in the requested language.
        public var message: String
        /// Schools the finding names.
        public var schools: [String]
        /// Inspectors (roster ids, vacancies included) the finding names.
        public var inspectors: [String]
    }

    /// Error findings.
    public var errors: Int
    /// Warning findings.
    public var warnings: Int
    /// Every finding, in rule order.
    public var findings: [Line]
    /// The roster's figures.
    public var figures: RosterFigures
}

/// One inspector who could take a school in an edit, and what the choice costs.
public struct ReassignmentOption: Codable, Sendable {
    /// Inspector id.
    public var inspectorID: String
    /// Name.
    public var name: String
    /// Full- or part-time.
    public var employment: Employment
    /// The inspector's zone.
    public var zone: String
    /// Schools the inspector holds now (this one excluded).
    public var holds: Int
    /// The most schools the inspector may hold.
    public var capacity: Int
    /// Rules the move would break (R2 over the cap, R3 a large school not held alone, R7 recusal, R8
    /// another zone where zones are required): the choice is listed, but last.
    public var breaks: [RuleID]
    /// Whether the inspector is qualified for the school's stage.
    public var stageMatches: Bool
    /// Whether the inspector is of another zone than the school.
    public var crossesZone: Bool
    /// Kilometres between inspector and school, when both have coordinates.
    public var kilometres: Double?
}

extension Workflows {
    /// The findings and figures of an (edited) roster: what `check` reports about it, rule by rule.
    public static func audit(_ roster: Roster, district: District, policy: Policy, language: Language) -> RosterAudit {
        let findings = Compliance.audit(roster, district: district, policy: policy)
        let text = Text(language, district: district)
        return RosterAudit(
            errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning },
            findings: findings.map {
                RosterAudit.Line(rule: $0.rule, severity: $0.severity == .error ? "error" : "warning", message: text.finding($0.detail),
                                 schools: $0.detail.schools.map(\.rawValue), inspectors: $0.detail.inspectors)
            },
            figures: RosterFigures(roster: roster, district: district, policy: policy))
    }

    /// The roster with `school` held by `assignee` (its first line replaced, or a line added).
    public static func reassigning(_ roster: Roster, school: School.ID, to assignee: Assignee) -> Roster {
        var edited = roster
        if let index = edited.assignments.firstIndex(where: { $0.school == school }) {
            edited.assignments[index].assignee = assignee
        } else {
            edited.assignments.append(Assignment(school: school, assignee: assignee))
        }
        return edited
    }

    /// The pool inspectors who may be appointed (R5, R6, R16) and could take `school` from its holder in
    /// `roster`, best first: those breaking no rule, then by stage match, same zone, distance and load.
    public static func reassignmentOptions(for schoolID: School.ID, in roster: Roster, district: District,
                                           policy: Policy) -> [ReassignmentOption] {
        let schools = district.schoolsByID
        guard let school = schools[schoolID] else { return [] }
        let holder = roster.assignments.first { $0.school == schoolID }?.assignee
        let holdings = roster.schoolsByAssignee
        let large = school.isLarge(under: policy)
        var options: [ReassignmentOption] = []
        for person in district.inspectors where Eligibility.isEligible(person, under: policy) {
            let assignee = Assignee.inspector(person.id)
            guard assignee != holder else { continue }
            let held = holdings[assignee] ?? []
            var breaks: [RuleID] = []
            let capacity = person.capacity(under: policy)
            if held.count + 1 > capacity { breaks.append(.ratio) }
            if policy.imposes(.dedicated) && (large && !held.isEmpty || held.contains { schools[$0]?.isLarge(under: policy) == true }) {
                breaks.append(.dedicated)
            }
            if person.conflicts.contains(schoolID) { breaks.append(.recusal) }
            if policy.zones == .require && person.zone != school.zone { breaks.append(.zones) }
            let kilometres = person.location.flatMap { a in school.location.map { a.kilometres(to: $0) } }
            options.append(ReassignmentOption(
                inspectorID: person.id.rawValue, name: person.name, employment: person.employment, zone: person.zone.rawValue,
                holds: held.count, capacity: capacity, breaks: breaks, stageMatches: person.isQualified(for: school.stage),
                crossesZone: person.zone != school.zone, kilometres: kilometres))
        }
        // The planner's own order: rules first, then a zone crossing (P3, when zones are preferred),
        // then the stage (P5) and the distance.
        let crossingsCount = policy.zones == .prefer
        return options.sorted { a, b in
            if a.breaks.count != b.breaks.count { return a.breaks.count < b.breaks.count }
            if crossingsCount, a.crossesZone != b.crossesZone { return !a.crossesZone }
            if a.stageMatches != b.stageMatches { return a.stageMatches }
            if a.crossesZone != b.crossesZone { return !a.crossesZone }
            if let x = a.kilometres, let y = b.kilometres, x != y { return x < y }
            if a.holds != b.holds { return a.holds < b.holds }
            return a.inspectorID.naturalLess(than: b.inspectorID)
        }
    }
}
