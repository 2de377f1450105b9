/// The compliance rules, R1–R9.
public enum RuleID: String, CaseIterable, Sendable, Codable, Comparable {
    /// Every school has exactly one responsible inspector.
    case coverage = "R1"
    /// At most min(schools per inspector, personal cap) schools each.
    case ratio = "R2"
    /// A large school's inspector holds no other school.
    case dedicated = "R3"
    /// Full-time appointees ≥ the minimum share.
    case fullTimeShare = "R4"
    /// In service, or retired at most the allowed years before the term.
    case retirement = "R5"
    /// Part-time inspectors at the consecutive-term limit are not appointed.
    case termLimit = "R6"
    /// Never on a school the inspector must recuse from.
    case recusal = "R7"
    /// With zones required, inspector zone = school zone.
    case zones = "R8"
    /// The school's stage is among the inspector's stages (warning).
    case stage = "R9"
    /// A responsibility zone holds more than 20 schools (warning, `duxue check`).
    case zoneSize = "R10"
    /// An appointee's retirement window runs out within the term (warning, `duxue check`).
    case retirementWindow = "R11"
    /// A part-time appointee is serving the last permitted consecutive term (warning, `duxue check`).
    case lastTerm = "R12"
    /// Training hours under the yearly minimum (warning, `duxue check`).
    case training = "R13"
    /// The full-time share looks met only when rounded to a whole percent (warning, `duxue check`).
    case shareRounding = "R14"
    /// Vacancies: posts still to fill by recruiting (warning, `duxue check`).
    case vacancies = "R15"
    /// An appointee failed the last assessment (考核不合格): the exit clauses exclude them.
    case assessment = "R16"
    /// An appointee is not at the level the policy wants responsible inspectors at (warning).
    case level = "R17"

    /// The policy key whose value (or, for a rule with no value, whose `[sources]` entry) the rule
    /// applies and cites.
    public var policyKey: String {
        switch self {
        case .coverage, .vacancies: "coverage"
        case .ratio: "schools_per_inspector"
        case .dedicated: "large_school_rule"
        case .fullTimeShare, .shareRounding: "min_full_time_share"
        case .retirement, .retirementWindow: "max_years_retired"
        case .termLimit, .lastTerm: "max_consecutive_terms"
        case .recusal: "recusal"
        case .zones: "zones"
        case .stage: "stages"
        case .zoneSize: "max_zone_schools"
        case .training: "min_training_hours"
        case .assessment: "assessment"
        case .level: "responsible_level"
        }
    }

    /// Orders by declaration: R1 < R2 < … < R9 < R10 < … < R15.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// How serious a finding is.
public enum Severity: String, Sendable, Codable {
    /// The roster is not compliant.
    case error
    /// Compliant, but worth attention.
    case warning
}

/// What a finding is about, with the figures a renderer needs to explain it in any language.
public enum FindingDetail: Hashable, Sendable {
    /// R1: a school has no responsible inspector.
    case uncovered(School.ID)
    /// R1: a school is listed more than once.
    case coveredMoreThanOnce(School.ID, times: Int)
    /// R1: the roster names a school that is not in the district.
    case unknownSchool(School.ID)
    /// R1: the roster names an inspector who is not in the pool.
    case unknownInspector(String)
    /// R2: an assignee holds more schools than allowed.
    case overCapacity(Assignee, holds: Int, limit: Int)
    /// R3: a large school's inspector holds other schools too.
    case largeNotDedicated(School.ID, Assignee, otherSchools: Int)
    /// R4: the full-time share is below the minimum; `missing` more full-time appointees would fix it.
    case fullTimeShareLow(fullTime: Int, total: Int, minimum: Double, missing: Int)
    /// R5: appointed although retired too long before the term.
    case retiredTooLong(Inspector.ID, retiredOn: Day, years: Double, limit: Int, checkedOn: Day)
    /// R6: appointed although at the consecutive-term limit.
    case termLimitReached(Inspector.ID, terms: Int, limit: Int, recorded: [Term] = [])
    /// R7: appointed to a school they must recuse from.
    case recusal(Inspector.ID, School.ID)
    /// R8: appointed to a school of another zone.
    case crossZone(Assignee, from: Zone, school: School.ID, schoolZone: Zone)
    /// R9: not qualified for the school's stage.
    case stageMismatch(Inspector.ID, School.ID, Stage)
    /// R10: a responsibility zone holds more schools than one zone should.
    case zoneTooLarge(Zone, schools: Int, limit: Int)
    /// R11: an appointee's retirement window (retired on + max years) ends before the term does.
    case retirementWindowEnds(Inspector.ID, endsOn: Day, termEnds: Day)
    /// R12: a part-time appointee is serving the last consecutive term the policy allows.
    case lastPermittedTerm(Inspector.ID, term: Int, limit: Int)
    /// R13: an appointee trained fewer hours last year than the yearly minimum.
    case trainingShort(Inspector.ID, hours: Double, minimum: Int)
    /// R14: the full-time share is below the minimum but shows as meeting it when rounded to a whole percent.
    case shareMetOnlyByRounding(fullTime: Int, total: Int, minimum: Double)
    /// R15: a vacancy: a post still to fill, in a zone, full- or part-time, with its schools.
    case vacancyToFill(id: String, zone: Zone, employment: Employment, schools: [School.ID])
    /// R16: appointed although the last assessment was failed (考核不合格).
    case failedAssessment(Inspector.ID)
    /// R17: an appointee is not at the level the policy wants (e.g. a 市级督学 where 区县督学 are meant).
    case wrongLevel(Inspector.ID, level: InspectorLevel, wanted: InspectorLevel)
}

/// A finding: data, rendered by the report module's renderers.
public struct Finding: Hashable, Sendable {
    /// The rule broken.
    public var rule: RuleID
    /// Error or warning.
    public var severity: Severity
    /// What it is about.
    public var detail: FindingDetail

    /// A finding.
    public init(rule: RuleID, severity: Severity, detail: FindingDetail) {
        self.rule = rule
        self.severity = severity
        self.detail = detail
    }
}

/// Everything a rule looks at, with the lookups computed once.
public struct RuleContext: Sendable {
    /// The district.
    public let district: District
    /// The policy.
    public let policy: Policy
    /// The roster under check.
    public let roster: Roster
    /// Schools by id.
    public let schools: [School.ID: School]
    /// Inspectors by id.
    public let inspectors: [Inspector.ID: Inspector]
    /// Schools held by each assignee, in roster order.
    public let holdings: [Assignee: [School.ID]]
    /// Appointed pool inspectors (known ids), sorted; sorted once here, since most rules read them (an
    /// edit in the browser workbench re-audits the whole roster).
    public let appointedInspectors: [Inspector]

    /// Builds the lookups.
    public init(district: District, policy: Policy, roster: Roster) {
        self.district = district
        self.policy = policy
        self.roster = roster
        let inspectors = district.inspectorsByID
        schools = district.schoolsByID
        self.inspectors = inspectors
        holdings = roster.schoolsByAssignee
        appointedInspectors = holdings.keys.compactMap { if case .inspector(let id) = $0 { inspectors[id] } else { nil } }
            .sorted { $0.id < $1.id }
    }

    /// The cap of an assignee: vacancies take the policy ratio, inspectors their personal cap too.
    public func capacity(of assignee: Assignee) -> Int {
        switch assignee {
        case .inspector(let id): inspectors[id]?.capacity(under: policy) ?? policy.schoolsPerInspector
        case .vacancy: policy.schoolsPerInspector
        }
    }

    /// Employment of an assignee, if known.
    public func employment(of assignee: Assignee) -> Employment? {
        switch assignee {
        case .inspector(let id): inspectors[id]?.employment
        case .vacancy(_, _, let employment): employment
        }
    }

    /// Zone of an assignee, if known.
    public func zone(of assignee: Assignee) -> Zone? {
        switch assignee {
        case .inspector(let id): inspectors[id]?.zone
        case .vacancy(_, let zone, _): zone
        }
    }
}

/// A compliance rule, citing the document and clause it comes from.
public protocol Rule: Sendable {
    /// R1…R17.
    var id: RuleID { get }
    /// Error or warning.
    var severity: Severity { get }
    /// The findings for a roster; empty when the rule holds.
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    /// The clause that imposes the rule under `policy`.
    public func citation(under policy: Policy) -> Citation { policy.citation(for: id) }

    /// A finding of this rule with its severity.
    public func finding(_ detail: FindingDetail) -> Finding {
        Finding(rule: id, severity: severity, detail: detail)
    }
}

/// Runs every rule on a roster.
public enum Compliance {
    /// The rules a plan must meet, in order R1…R9, then R16.
    public static let rules: [any Rule] = [
        CoverageRule(), RatioRule(), DedicatedRule(), FullTimeShareRule(), RetirementRule(),
        TermLimitRule(), RecusalRule(), ZoneRule(), StageRule(), AssessmentRule(),
    ]

    /// All findings of the rules the policy imposes, in rule order.
    public static func check(_ roster: Roster, district: District, policy: Policy) -> [Finding] {
        let context = RuleContext(district: district, policy: policy, roster: roster)
        return rules.filter { policy.imposes($0.id) }.flatMap { $0.check(context) }
    }

    /// The rules of `duxue check`: R1–R9, R16 and the check-only warnings R10–R15, R17.
    public static let auditRules: [any Rule] = (rules + [
        ZoneSizeRule(), RetirementWindowRule(), LastTermRule(), TrainingRule(), ShareRoundingRule(), VacancyRule(),
        LevelRule(),
    ]).sorted { $0.id < $1.id }

    /// All findings of `duxue check` (R1–R17) under the rules the policy imposes, in rule order.
    public static func audit(_ roster: Roster, district: District, policy: Policy) -> [Finding] {
        let context = RuleContext(district: district, policy: policy, roster: roster)
        return auditRules.filter { policy.imposes($0.id) }.flatMap { $0.check(context) }
    }
}
