/// How responsibility zones constrain assignments.
public enum ZoneMode: String, CaseIterable, Sendable, Codable {
    /// An inspector serves only schools of their own zone (R8).
    case require
    /// Cross-zone assignments are allowed but minimised (priority P3).
    case prefer
    /// Zones are not considered.
    case ignore
}

/// Whether to appoint as few inspectors as possible or spread schools over more of them (P4).
public enum Staffing: String, CaseIterable, Sendable, Codable {
    /// Fewest appointees.
    case lean
    /// Most appointees, fewer schools each.
    case spread
}

/// What the policy does with large schools (学生数较多的学校, 1:1).
public enum LargeSchoolRule: String, CaseIterable, Sendable, Codable {
    /// A large school's inspector holds no other school (R3): "按 1:1 的比例配备".
    case require
    /// A large school may have an inspector of its own but need not (Tianjin: "最高可按1∶1").
    case allow
    /// Large schools are not distinguished.
    case off
}

/// Whom the full-time share counts (R4).
public enum FullTimeShareBasis: String, CaseIterable, Sendable, Codable {
    /// Appointees holding schools, recruits included: full-time appointees / all appointees.
    case appointees
    /// The pool as well: full-time inspectors who hold no school count as full-time members too.
    case pool
}

/// When the retirement window (R5) is checked.
public enum RetirementCheck: String, CaseIterable, Sendable, Codable {
    /// At appointment (聘任时): a part-timer whose window closes within the term keeps their schools.
    case appointment
    /// At every change: a mid-term renewal re-checks the window on its as-of date.
    case eachChange = "each_change"
}

/// An inspector's level of appointment (级别).
public enum InspectorLevel: String, CaseIterable, Sendable, Codable {
    /// 区县督学: appointed by the district or county.
    case county
    /// 市级督学: appointed by the city (or a higher level).
    case city

    /// The Chinese name used in files and reports.
    public var chineseName: String { self == .county ? "区县督学" : "市级督学" }
}

/// The staffing rules in force for a plan or a check: the national layer, a preset's own document on
/// top of it, and the district's own settings. Every value's source is in `sources`, by policy key;
/// a rule the policy does not impose is off (`imposes(_:)` says so and `citation(for:)` says why).
public struct Policy: Sendable, Hashable, Codable {
    /// Name of the preset or file the policy came from.
    public var name: String
    /// The preset the policy starts from (`national` unless a file names one).
    public var preset: String
    /// The district's name (区县名称), for titles; `nil` when not given.
    public var districtName: String?
    /// Date the planned term takes effect.
    public var termStart: Day
    /// Whether `termStart` was stated (in a file or on the command line) rather than taken from today.
    public var termStartStated: Bool
    /// The date a mid-term change takes effect (a renewal's as-of date); `nil` when the roster is made
    /// for the whole term from its start.
    public var asOf: Day?
    /// Schools per inspector (1:5).
    public var schoolsPerInspector: Int
    /// Enrollment at or above which a school is large.
    public var largeSchoolEnrollment: Int
    /// What the policy does with large schools.
    public var largeSchoolRule: LargeSchoolRule
    /// Minimum share of full-time appointees, 0…1; 0 = no minimum (R4 off).
    public var minFullTimeShare: Double
    /// Whom the full-time share counts.
    public var fullTimeShareBasis: FullTimeShareBasis
    /// Years a retired inspector may still serve; `nil` = no figure (R5 off).
    public var maxYearsRetired: Int?
    /// When the retirement window is checked.
    public var retirementCheckedAt: RetirementCheck
    /// Length of a term in years.
    public var termYears: Int
    /// Consecutive part-time terms after which an inspector may not be appointed again.
    public var maxConsecutiveTerms: Int
    /// Rotation (定期交流): at a new term, a pair that has lasted this many terms must change; `nil` = off.
    public var maxTermsSameSchool: Int?
    /// How zones constrain assignments.
    public var zones: ZoneMode
    /// Lean or spread staffing.
    public var staffing: Staffing
    /// Schools a responsibility zone should hold at most (R10, warning); `nil` = off.
    public var maxZoneSchools: Int?
    /// Training hours an inspector should have each year (R13, warning); `nil` = off.
    public var minTrainingHours: Int?
    /// The level responsible inspectors should be appointed at (R17, warning); `nil` = any.
    public var responsibleLevel: InspectorLevel?
    /// Where each value comes from, by policy key (and by the rule keys `coverage`, `recusal`,
    /// `stages`, `assessment`, which have no value).
    public var sources: [String: Citation]

    /// The combined policy (every rule of the source documents together) with the given term start.
    public init(termStart: Day) {
        self = Presets.policy(Presets.combined, termStart: termStart)
    }

    /// A policy with the given values; `sources` cite each.
    public init(
        name: String, preset: String, termStart: Day, schoolsPerInspector: Int, largeSchoolEnrollment: Int,
        largeSchoolRule: LargeSchoolRule, minFullTimeShare: Double, maxYearsRetired: Int?, termYears: Int,
        maxConsecutiveTerms: Int, zones: ZoneMode, staffing: Staffing, maxZoneSchools: Int?, minTrainingHours: Int?,
        sources: [String: Citation]
    ) {
        self.name = name
        self.preset = preset
        districtName = nil
        self.termStart = termStart
        termStartStated = true
        asOf = nil
        self.schoolsPerInspector = schoolsPerInspector
        self.largeSchoolEnrollment = largeSchoolEnrollment
        self.largeSchoolRule = largeSchoolRule
        self.minFullTimeShare = minFullTimeShare
        fullTimeShareBasis = .appointees
        self.maxYearsRetired = maxYearsRetired
        retirementCheckedAt = .appointment
        self.termYears = termYears
        self.maxConsecutiveTerms = maxConsecutiveTerms
        maxTermsSameSchool = nil
        self.zones = zones
        self.staffing = staffing
        self.maxZoneSchools = maxZoneSchools
        self.minTrainingHours = minTrainingHours
        responsibleLevel = nil
        self.sources = sources
    }

    /// Whether the policy imposes a rule; a rule it does not impose is shown as not applicable.
    public func imposes(_ rule: RuleID) -> Bool {
        switch rule {
        case .coverage, .ratio, .termLimit, .recusal, .stage, .vacancies, .assessment: true
        case .dedicated: largeSchoolRule == .require
        case .fullTimeShare, .shareRounding: minFullTimeShare > 0
        case .retirement, .retirementWindow: maxYearsRetired != nil
        case .zones: zones == .require
        case .zoneSize: maxZoneSchools != nil
        case .lastTerm: true
        case .training: minTrainingHours != nil
        case .level: responsibleLevel != nil
        }
    }

    /// The clause that imposes a rule under this policy (the preset's own document first, the national
    /// layer otherwise), or, for a rule not imposed, the source that says why.
    public func citation(for rule: RuleID) -> Citation {
        sources[rule.policyKey] ?? Citation(Source.reformOpinion, "")
    }

    /// The citation of a policy key's value.
    public func citation(forKey key: String) -> Citation? { sources[key] }

    /// The last day a retired inspector may be appointed on under R5, if the policy sets a window.
    public func retirementWindowEnds(retiredOn: Day) -> Day? {
        maxYearsRetired.map { retiredOn.addingYears($0) }
    }

    /// The full-time share as an exact fraction p/q (denominator ≤ 10 000), so that the share
    /// constraint q·FT ≥ p·(FT + PT) is checked and optimised in integers.
    public var fullTimeShareFraction: (numerator: Int, denominator: Int) {
        let q = 10_000
        var p = Int(Self.ceiling(minFullTimeShare * Double(q)))
        var d = q
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let g = max(1, gcd(p, d))
        p /= g
        d /= g
        return (p, d)
    }

    /// ⌈x⌉, where an `x` within 1e-9 of a whole number counts as that number: 0.07 × 10 000 is
    /// 700.0000000000001 in floating point, and the share it stands for is 7%, not 7.01%.
    public static func ceiling(_ x: Double) -> Double {
        let nearest = x.rounded()
        return abs(x - nearest) <= 1e-9 * max(1, abs(x)) ? nearest : x.rounded(.up)
    }

    /// The term in force: from `termStart`, `termYears` long.
    public var term: Term { Term(start: termStart, years: termYears) }

    /// The date the retirement window (R5) is checked on for `inspector`. At appointment (the default):
    /// the day of their appointment within the term — the term start, or a later `appointedOn`, or for
    /// someone not yet appointed the change's as-of date. At each change: the as-of date.
    public func retirementCheckDate(for inspector: Inspector) -> Day {
        let now = asOf ?? termStart
        guard retirementCheckedAt == .appointment else { return now }
        guard let appointed = inspector.appointedOn else { return now }
        return max(appointed, termStart)
    }

    /// The day the planned term ends: term_start + term_years (the next term's start).
    public var termEnd: Day { termStart.addingYears(termYears) }

    /// The last day of the term (the day before `termEnd`), as reports show it.
    public var termLastDay: Day { termEnd.previousDay }

    /// Whether `fullTime` of `total` appointees meets the share (exact integer arithmetic).
    public func meetsFullTimeShare(fullTime: Int, total: Int) -> Bool {
        let (p, q) = fullTimeShareFraction
        return fullTime * q >= p * total
    }
}
