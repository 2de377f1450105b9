import DuxueDomain
import DuxueMIP
import DuxuePlanner

/// Everything a plan report says, as data: the terminal and JSON renderers both read this.
/// Its JSON form is the documented `duxue.plan/1` schema (docs/json.md).
public struct PlanReport: Codable, Sendable {
    /// Schema id, `duxue.plan/1`.
    public var schema = "duxue.plan/1"
    /// Language of the messages.
    public var language: Language
    /// District name.
    public var district: String
    /// The policy in force, with the source of each value.
    public var policy: Policy
    /// `optimal`, `time_limit` or `interrupted` (a budget of work or time, or a fault, reads `time_limit`).
    public var status: String
    /// Why the search ended: `optimal`, or the weightiest reason a level stopped (`interrupted`,
    /// `work_limit`, `time_limit`, `fault`, …).
    public var termination: Termination
    /// Whether the same input gives this roster byte for byte on every run (false when the time limit
    /// or a stop request cut the search); absent in reports written before it existed.
    public var reproducible: Bool?
    /// Largest relative gap of any level (0 when proven optimal).
    public var gap: Double
    /// The roster's figures.
    public var figures: RosterFigures
    /// Rule by rule.
    public var rules: [RuleStatus]
    /// Large schools and their dedicated inspectors.
    public var largeSchools: [LargeSchool]
    /// Recruits by zone and employment.
    public var shortfall: [ShortfallLine]
    /// Inspectors who may not be appointed, with reasons.
    public var excluded: [ExcludedInspector]
    /// Lexicographic levels.
    public var levels: [LevelResult]
    /// P5 local search.
    public var improvement: Improvement
    /// Model size.
    public var model: ModelSize
    /// Total seconds.
    public var seconds: Double

    /// One rule's status.
    public struct RuleStatus: Codable, Sendable {
        /// R1…R9.
        public var id: RuleID
        /// Title in the report's language.
        public var title: String
        /// Source document and clause.
        public var source: String
        /// `ok`, `violated`, `warning` or `not_applied`.
        public var status: String
        /// A one-line figure, e.g. "130/130 schools covered".
        public var summary: String
        /// Finding messages.
        public var findings: [String]
    }

    /// A large school and who holds it.
    public struct LargeSchool: Codable, Sendable {
        /// School id.
        public var schoolID: School.ID
        /// School name.
        public var name: String
        /// Enrollment.
        public var enrollment: Int
        /// Roster id of the holder.
        public var inspectorID: String
        /// Holder's name (empty for a vacancy).
        public var inspectorName: String
        /// Whether the holder holds nothing else.
        public var dedicated: Bool
    }

    /// Recruits in one zone and employment type.
    public struct ShortfallLine: Codable, Sendable {
        /// Zone.
        public var zone: Zone
        /// Full- or part-time.
        public var employment: Employment
        /// People to recruit.
        public var count: Int
        /// Each vacancy with its schools.
        public var vacancies: [VacancyLine]
    }

    /// A vacancy and its schools.
    public struct VacancyLine: Codable, Sendable {
        /// `VACANCY-n`.
        public var id: String
        /// School ids.
        public var schools: [School.ID]
    }

    /// An excluded inspector.
    public struct ExcludedInspector: Codable, Sendable {
        /// Inspector id.
        public var inspectorID: Inspector.ID
        /// Name.
        public var name: String
        /// Rule behind each reason (R5, R6, R2).
        public var rules: [RuleID]
        /// Reasons in the report's language.
        public var reasons: [String]
    }

    /// Builds the report of a plan in a language.
    public init(plan: Plan, language: Language) {
        let text = Text(language, district: plan.district)
        self.language = language
        district = plan.district.name
        let p = plan.policy
        policy = p
        if plan.termination == .interrupted { status = "interrupted" }
        else if plan.isProvenOptimal { status = "optimal" }
        else { status = "time_limit" }
        termination = plan.termination
        reproducible = plan.reproducible
        gap = plan.levels.map { $0.status == .optimal ? 0 : $0.gap }.filter { !$0.isNaN }.max() ?? 0
        figures = plan.figures
        levels = plan.levels
        improvement = plan.improvement
        model = plan.modelSize
        seconds = plan.seconds

        let holdings = plan.roster.schoolsByAssignee
        let schoolsByID = plan.district.schoolsByID
        let inspectorsByID = plan.district.inspectorsByID
        func name(of assignee: Assignee) -> String {
            if case .inspector(let id) = assignee { return inspectorsByID[id]?.name ?? "" }
            return ""
        }
        largeSchools = plan.roster.assignments.compactMap { assignment in
            guard let school = schoolsByID[assignment.school], school.isLarge(under: p) else { return nil }
            return LargeSchool(
                schoolID: school.id, name: school.name, enrollment: school.enrollment,
                inspectorID: assignment.assignee.rosterID, inspectorName: name(of: assignment.assignee),
                dedicated: holdings[assignment.assignee]?.count == 1)
        }
        shortfall = plan.recruitment.map { r in
            ShortfallLine(zone: r.zone, employment: r.employment, count: r.count,
                          vacancies: r.vacancies.map { VacancyLine(id: $0.id, schools: $0.schools) })
        }
        excluded = plan.excluded.map { entry in
            ExcludedInspector(
                inspectorID: entry.inspector.id, name: entry.inspector.name,
                rules: entry.reasons.map {
                    switch $0 {
                    case .retiredTooLong: .retirement
                    case .termLimit: .termLimit
                    case .failedAssessment: .assessment
                    case .noCapacity: .ratio
                    }
                },
                reasons: entry.reasons.map(text.exclusion))
        }
        let f = plan.figures
        let largeSchools = self.largeSchools, excluded = self.excluded
        let maxHeld = holdings.values.map(\.count).max() ?? 0
        let covered = Set(plan.roster.assignments.map(\.school)).count
        rules = Compliance.rules.map { rule in
            let findings = plan.findings.filter { $0.rule == rule.id }
            var status = findings.isEmpty ? "ok" : (rule.severity == .warning ? "warning" : "violated")
            var summary: String
            switch rule.id {
            case .coverage:
                summary = text.pick("\(covered)/\(f.schools) 所学校已配备（其中 \(plan.recruitment.reduce(0) { $0 + $1.vacancies.reduce(0) { $0 + $1.schools.count } }) 所待补充督学）",
                                    "\(covered)/\(f.schools) schools covered (\(plan.recruitment.reduce(0) { $0 + $1.vacancies.reduce(0) { $0 + $1.schools.count } }) by recruits)")
            case .ratio:
                summary = text.headcount(plan.district.headcount(under: p))
                    + text.pick("；实聘 \(f.appointees) 人，每人最多 \(maxHeld) 所", "; appointed \(f.appointees), at most \(maxHeld) schools each")
            case .dedicated:
                let dedicated = largeSchools.filter(\.dedicated).count
                let designated = plan.district.schools.filter { $0.isLarge(under: p) && $0.isDesignatedLargeBelowThreshold(under: p) }.count
                summary = text.largeSchools(f.largeSchools, threshold: p.largeSchoolEnrollment, designated: designated)
                    + text.pick("，\(dedicated) 所专人负责", ", \(dedicated) with a dedicated inspector")
            case .fullTimeShare:
                summary = text.pick("专职 \(f.fullTime)/\(f.appointees) = \(text.percent(f.fullTimeShare))，不低于 \(text.percent(p.minFullTimeShare))",
                                    "full-time \(f.fullTime)/\(f.appointees) = \(text.percent(f.fullTimeShare)), minimum \(text.percent(p.minFullTimeShare))")
            case .retirement:
                let n = excluded.filter { $0.rules.contains(.retirement) }.count
                let limit = p.maxYearsRetired ?? 0
                summary = text.pick("\(n) 人因退休超过 \(limit) 年未聘", "\(n) excluded: retired over \(limit) years")
            case .assessment:
                let n = excluded.filter { $0.rules.contains(.assessment) }.count
                summary = text.pick("\(n) 人因考核不合格未聘", "\(n) excluded: failed the assessment")
            case .termLimit:
                let n = excluded.filter { $0.rules.contains(.termLimit) }.count
                summary = text.pick("\(n) 名兼职督学已满 \(p.maxConsecutiveTerms) 届未聘", "\(n) part-time excluded at \(p.maxConsecutiveTerms) terms")
            case .recusal:
                summary = text.pick("无回避冲突", "no recusal conflicts")
            case .zones:
                if p.zones != .require { status = "not_applied" }
                summary = text.pick("跨责任区 \(f.crossings) 处（责任区：\(zoneModeZh(p.zones))）",
                                    "\(f.crossings) cross-zone assignments (zones: \(p.zones.rawValue))")
            case .stage:
                summary = text.pick("学段不匹配 \(f.stageMismatches) 处", "\(f.stageMismatches) stage mismatches")
            default:
                summary = ""  // R10–R15 belong to `duxue check` (CheckReport), not to plans.
            }
            let citation = rule.citation(under: p)
            if !p.imposes(rule.id) && rule.id != .zones {
                status = "not_applied"
                summary = text.notImposed(rule.id, citation)
            }
            return RuleStatus(
                id: rule.id, title: text.rule(rule.id), source: citation.description, status: status,
                summary: summary, findings: findings.map { text.finding($0.detail) })
        }
    }
}

private func zoneModeZh(_ mode: ZoneMode) -> String {
    switch mode {
    case .require: "必须在本区"
    case .prefer: "优先本区"
    case .ignore: "不限"
    }
}
