import DuxueDomain
import DuxuePlanner

/// Everything `duxue check` says about a roster, as data: the terminal, JSON and filing renderers read
/// this. Its JSON form is the `duxue.check/1` schema.
public struct CheckReport: Codable, Sendable {
    /// Schema id, `duxue.check/1`.
    public var schema = "duxue.check/1"
    /// Language of the messages.
    public var language: Language
    /// District name.
    public var district: String
    /// The roster file checked (its name as given).
    public var rosterFile: String
    /// The policy in force.
    public var policy: Policy
    /// Whether warnings count as violations (`--strict`).
    public var strict: Bool
    /// No errors (and, when strict, no warnings).
    public var compliant: Bool
    /// Number of error findings.
    public var errors: Int
    /// Number of warning findings.
    public var warnings: Int
    /// The roster's figures.
    public var figures: CheckFigures
    /// Rule by rule, R1–R15.
    public var rules: [RuleLine]
    /// For a non-compliant roster: the nearest compliant one the planner found.
    public var nearest: NearestRoster?

    /// The district figures the upper level asks for.
    public struct CheckFigures: Codable, Sendable, Equatable {
        /// Schools in the district.
        public var schools: Int
        /// Schools with at least one line in the roster.
        public var coveredSchools: Int
        /// Large schools.
        public var largeSchools: Int
        /// Large schools whose holder holds nothing else.
        public var dedicatedLargeSchools: Int
        /// Large schools only by the district's designation (below the threshold).
        public var designatedLargeSchools: Int
        /// Responsibility zones with schools.
        public var zones: Int
        /// n_large + ⌈n_standard / p⌉.
        public var requiredHeadcount: Int
        /// Pool inspectors appointed, full-time.
        public var appointedFullTime: Int
        /// Pool inspectors appointed, part-time.
        public var appointedPartTime: Int
        /// Vacancies, full-time.
        public var vacanciesFullTime: Int
        /// Vacancies, part-time.
        public var vacanciesPartTime: Int
        /// Appointed inspectors who are retired.
        public var appointedRetired: Int
        /// All appointees (pool and vacancies).
        public var appointees: Int
        /// Full-time appointees (pool and vacancies).
        public var fullTime: Int
        /// fullTime / appointees (0 when none).
        public var fullTimeShare: Double
        /// Most schools one appointee holds.
        public var maxSchoolsPerInspector: Int
        /// Cross-zone assignments.
        public var crossings: Int
        /// Stage mismatches.
        public var stageMismatches: Int
    }

    /// One rule's status.
    public struct RuleLine: Codable, Sendable {
        /// R1…R15.
        public var id: RuleID
        /// Title in the report's language.
        public var title: String
        /// Source document and clause.
        public var source: String
        /// Error or warning rule.
        public var severity: Severity
        /// `ok`, `violated`, `warning` or `not_applied`.
        public var status: String
        /// A one-line figure.
        public var summary: String
        /// The findings.
        public var findings: [FindingLine]
    }

    /// One finding with its subjects and fix.
    public struct FindingLine: Codable, Sendable, Equatable {
        /// The rule.
        public var rule: RuleID
        /// Error or warning (after `--strict`, still the rule's own severity).
        public var severity: Severity
        /// Source document and clause.
        public var source: String
        /// Schools concerned.
        public var schools: [String]
        /// Inspectors (roster ids) concerned.
        public var inspectors: [String]
        /// What is wrong.
        public var message: String
        /// What would fix it.
        public var fix: String
    }

    /// The planner's nearest compliant roster, with the given roster as the previous one (priority P2).
    public struct NearestRoster: Codable, Sendable {
        /// Whether a compliant roster exists with the current pool (no recruits).
        public var existsFromPool: Bool
        /// Schools whose inspector changes.
        public var changes: Int
        /// Recruits it needs (0 when it exists from the pool).
        public var recruits: Int
        /// Full-time recruits among them.
        public var recruitsFullTime: Int
        /// Whether every planner level was proven optimal (else the change count is an upper bound).
        public var provenOptimal: Bool
        /// The changes, by school id.
        public var changed: [Change]
    }

    /// One school whose holder changes in the nearest roster.
    public struct Change: Codable, Sendable, Equatable {
        /// School id.
        public var school: String
        /// Holder in the given roster ("" when uncovered).
        public var from: String
        /// Holder in the nearest roster.
        public var to: String
    }

    /// Checks a roster (R1–R15) and builds the report; `nearest` is the planner's answer for it.
    public init(district: District, policy: Policy, roster: Roster, rosterFile: String, strict: Bool,
                nearest plan: Plan?, language: Language) {
        let text = Text(language, district: district)
        self.language = language
        self.district = district.name
        self.rosterFile = rosterFile
        self.policy = policy
        self.strict = strict
        let context = RuleContext(district: district, policy: policy, roster: roster)
        let findings = Compliance.audit(roster, district: district, policy: policy)
        let remedies = Remedies.suggest(for: findings, in: context)
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.count - errors
        compliant = errors == 0 && (!strict || warnings == 0)
        let f = CheckFigures(context)
        figures = f
        var lines: [RuleID: [FindingLine]] = [:]
        var sources: [RuleID: String] = [:]
        for rule in Compliance.auditRules { sources[rule.id] = rule.citation(under: policy).description }
        for (finding, remedy) in zip(findings, remedies) {
            lines[finding.rule, default: []].append(FindingLine(
                rule: finding.rule, severity: finding.severity, source: sources[finding.rule] ?? "",
                schools: finding.detail.schools.map(\.rawValue), inspectors: finding.detail.inspectors,
                message: text.finding(finding.detail), fix: remedy.map(text.remedy) ?? ""))
        }
        rules = Compliance.auditRules.map { rule in
            let found = lines[rule.id, default: []]
            var status = found.isEmpty ? "ok" : (rule.severity == .warning ? "warning" : "violated")
            var summary = Self.summary(rule.id, f, policy, text, found.count)
            if rule.id == .ratio {
                summary = text.headcount(district.headcount(under: policy)) + text.pick(
                    "；实聘 \(f.appointees) 人，每人最多 \(f.maxSchoolsPerInspector) 所（上限 \(policy.schoolsPerInspector)）",
                    "; appointed \(f.appointees), at most \(f.maxSchoolsPerInspector) schools each (limit \(policy.schoolsPerInspector))")
            }
            if rule.id == .zones && policy.zones != .require && f.crossings == 0 { status = "not_applied" }
            if rule.id == .training && !district.inspectors.contains(where: { $0.trainingHours != nil }) {
                status = "not_applied"
            }
            if rule.id == .assessment && !district.inspectors.contains(where: { $0.assessment != nil }) {
                status = "not_applied"
                summary = text.pick("督学库未给出考核结果（考核结果列），无从核对", "the pool gives no assessment results (assessment column): nothing to check")
            }
            if rule.id == .level && !district.inspectors.contains(where: { $0.level != nil }) && policy.responsibleLevel != nil {
                status = "not_applied"
                summary = text.pick("督学库未给出级别（级别列），无从核对", "the pool gives no levels (level column): nothing to check")
            }
            if !policy.imposes(rule.id) && rule.id != .zones {
                status = "not_applied"
                summary = text.notImposed(rule.id, rule.citation(under: policy))
            }
            return RuleLine(id: rule.id, title: text.rule(rule.id), source: rule.citation(under: policy).description,
                            severity: rule.severity, status: status, summary: summary, findings: found)
        }
        nearest = plan.map { Self.nearest($0, given: roster) }
    }

    /// All findings, rule by rule.
    public var findings: [FindingLine] { rules.flatMap(\.findings) }

    /// The exit status: 0 compliant (warnings allowed unless strict), 1 violations.
    public var exitCode: Int32 { compliant ? 0 : 1 }

    private static func nearest(_ plan: Plan, given roster: Roster) -> NearestRoster {
        var before: [School.ID: [Assignee]] = [:]
        for assignment in roster.assignments { before[assignment.school, default: []].append(assignment.assignee) }
        var changed: [Change] = []
        for assignment in plan.roster.assignments {
            let old = before[assignment.school, default: []]
            // Unchanged: listed once, with the same holder (any vacancy of the same zone and type counts
            // as the same post). A school listed twice always changes: a line must go.
            var same = false
            if old.count == 1, let only = old.first {
                switch (only, assignment.assignee) {
                case (.vacancy(_, let z1, let e1), .vacancy(_, let z2, let e2)): same = z1 == z2 && e1 == e2
                default: same = only == assignment.assignee
                }
            }
            if !same {
                // A school listed twice by the same holder is one line too many, not a change of holder.
                var holders: [String] = []
                for id in old.map(\.rosterID) where !holders.contains(id) { holders.append(id) }
                changed.append(Change(school: assignment.school.rawValue, from: holders.joined(separator: "/"),
                                      to: assignment.assignee.rosterID))
            }
        }
        let hasErrors = plan.findings.contains { $0.severity == .error }
        return NearestRoster(
            existsFromPool: plan.figures.recruits == 0 && !hasErrors, changes: changed.count,
            recruits: plan.figures.recruits, recruitsFullTime: plan.figures.recruitsFullTime,
            provenOptimal: plan.isProvenOptimal, changed: changed)
    }

    private static func summary(_ id: RuleID, _ f: CheckFigures, _ p: Policy, _ text: Text, _ count: Int) -> String {
        switch id {
        case .coverage:
            return text.pick("\(f.coveredSchools)/\(f.schools) 所学校已配备", "\(f.coveredSchools)/\(f.schools) schools covered")
        case .ratio:
            return text.pick("应配 \(f.requiredHeadcount) 人，实聘 \(f.appointees) 人；每人最多 \(f.maxSchoolsPerInspector) 所（上限 \(p.schoolsPerInspector)）",
                             "required \(f.requiredHeadcount), appointed \(f.appointees); at most \(f.maxSchoolsPerInspector) schools each (limit \(p.schoolsPerInspector))")
        case .dedicated:
            return text.largeSchools(f.largeSchools, threshold: p.largeSchoolEnrollment, designated: f.designatedLargeSchools)
                + text.pick("，\(f.dedicatedLargeSchools) 所专人负责", ", \(f.dedicatedLargeSchools) with a dedicated inspector")
        case .fullTimeShare:
            return text.pick("专职 \(f.fullTime)/\(f.appointees) = \(text.percent(f.fullTimeShare))，要求不低于 \(text.percent(p.minFullTimeShare))",
                             "full-time \(f.fullTime)/\(f.appointees) = \(text.percent(f.fullTimeShare)), minimum \(text.percent(p.minFullTimeShare))")
        case .retirement:
            let limit = p.maxYearsRetired ?? 0
            if count > 0 {
                return text.pick("聘任退休督学 \(f.appointedRetired) 人，其中 \(count) 人退休已超过 \(limit) 年上限",
                                 "\(f.appointedRetired) retired appointees, \(count) retired longer than the \(limit)-year limit")
            }
            return text.pick("聘任退休督学 \(f.appointedRetired) 人，均在退休后 \(limit) 年以内",
                             "\(f.appointedRetired) retired appointees, all within \(limit) years of retirement")
        case .termLimit:
            if count > 0 {
                return text.pick("\(count) 名兼职督学已连任满 \(p.maxConsecutiveTerms) 届上限", "\(count) part-time appointees at the limit of \(p.maxConsecutiveTerms) consecutive terms")
            }
            return text.pick("兼职督学均未满 \(p.maxConsecutiveTerms) 届上限", "no part-time appointee at the limit of \(p.maxConsecutiveTerms) consecutive terms")
        case .recusal:
            return text.pick("回避冲突 \(count) 处", "\(count) recusal conflicts")
        case .zones:
            let modeZh = ["require": "必须在本区", "prefer": "优先本区", "ignore": "不限"][p.zones.rawValue] ?? p.zones.rawValue
            return text.pick("跨责任区 \(f.crossings) 处（责任区：\(modeZh)）",
                             "\(f.crossings) cross-zone assignments (zones: \(p.zones.rawValue))")
        case .stage:
            return text.pick("学段不匹配 \(f.stageMismatches) 处", "\(f.stageMismatches) stage mismatches")
        case .zoneSize:
            let limit = p.maxZoneSchools ?? 0
            return text.pick("\(f.zones) 个责任区，每区不超过 \(limit) 所", "\(f.zones) zones, at most \(limit) schools each")
        case .retirementWindow:
            return text.pick("任期 \(p.termStart) 至 \(p.termLastDay)", "term \(p.termStart) to \(p.termLastDay)")
        case .lastTerm:
            return text.pick("最后一届的兼职督学 \(count) 人", "\(count) part-time appointees in their last term")
        case .training:
            let hours = p.minTrainingHours ?? 0
            return text.pick("每年不少于 \(hours) 学时", "at least \(hours) hours a year")
        case .shareRounding:
            return text.pick("比例按实数比较，不四舍五入", "the share is compared exactly, not rounded")
        case .vacancies:
            let n = f.vacanciesFullTime + f.vacanciesPartTime
            return text.pick("待补充 \(n) 人（专职 \(f.vacanciesFullTime)、兼职 \(f.vacanciesPartTime)）",
                             "\(n) posts to fill (\(f.vacanciesFullTime) full-time, \(f.vacanciesPartTime) part-time)")
        case .assessment:
            return text.pick("考核不合格者 \(count) 人被聘", "\(count) appointees failed the assessment")
        case .level:
            let wanted = p.responsibleLevel.map { text.pick($0.chineseName, $0.rawValue) } ?? "–"
            return text.pick("挂牌督学应为\(wanted)；不符 \(count) 人", "responsible inspectors should be \(wanted)-level; \(count) are not")
        }
    }
}

extension CheckReport.CheckFigures {
    /// The figures of a roster.
    init(_ context: RuleContext) {
        let policy = context.policy
        let district = context.district
        schools = district.schools.count
        let listed = Set(context.roster.assignments.map(\.school))
        coveredSchools = district.schools.filter { listed.contains($0.id) }.count
        let large = district.schools.filter { $0.isLarge(under: policy) }
        largeSchools = large.count
        var holderOf: [School.ID: Assignee] = [:]
        for a in context.roster.assignments where holderOf[a.school] == nil { holderOf[a.school] = a.assignee }
        designatedLargeSchools = large.filter { $0.isDesignatedLargeBelowThreshold(under: policy) }.count
        dedicatedLargeSchools = large.filter { s in
            holderOf[s.id].map { context.holdings[$0, default: []].count == 1 } ?? false
        }.count
        zones = district.zones.count
        requiredHeadcount = district.requiredHeadcount(under: policy)
        var counts: [String: Int] = [:]
        for assignee in context.holdings.keys {
            let employment = context.employment(of: assignee)
            let kind: String
            if case .vacancy = assignee { kind = "v" } else { kind = "p" }
            counts[kind + (employment == .fullTime ? "F" : employment == .partTime ? "P" : "?"), default: 0] += 1
        }
        appointedFullTime = counts["pF", default: 0]
        appointedPartTime = counts["pP", default: 0]
        vacanciesFullTime = counts["vF", default: 0]
        vacanciesPartTime = counts["vP", default: 0]
        appointedRetired = context.appointedInspectors.filter { $0.status.retiredOn != nil }.count
        appointees = context.holdings.count
        fullTime = appointedFullTime + vacanciesFullTime
        fullTimeShare = appointees == 0 ? 0 : Double(fullTime) / Double(appointees)
        maxSchoolsPerInspector = context.holdings.values.map(\.count).max() ?? 0
        crossings = ZoneRule.crossings(in: context).count
        stageMismatches = StageRule().check(context).count
    }
}
