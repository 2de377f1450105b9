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

/// A source document and clause that a rule or default comes from.
public struct Citation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The document, e.g. "琼办发〔2021〕13号".
    public let document: String
    /// The clause, e.g. "§16".
    public let clause: String

    /// A citation.
    public init(_ document: String, _ clause: String) {
        self.document = document
        self.clause = clause
    }

    /// "document clause".
    public var description: String { clause.isEmpty ? document : "\(document) \(clause)" }

    /// 关于深化新时代教育督导体制机制改革的意见 (national, 2020).
    public static let national = Citation("中办发〔2020〕《关于深化新时代教育督导体制机制改革的意见》", "")
    /// 教育督导条例 art. 6 (terms of office).
    public static let regulationArt6 = Citation("《教育督导条例》", "第六条")
    /// Hainan 琼办发〔2021〕13号 §16 (full-time share ≥ 20%).
    public static let hainan16 = Citation("琼办发〔2021〕13号", "§16")
    /// Zaozhuang 室字〔2021〕33号 三(二) (retired at most three years).
    public static let zaozhuang = Citation("枣庄 室字〔2021〕33号", "三(二)")
    /// Wusheng 2021 §15 (three-year terms, at most three consecutive).
    public static let wusheng15 = Citation("武胜县 2021", "§15")
    /// 教督〔2012〕7号 (responsibility zones; 1:5; large schools 1:1).
    public static let zones2012 = Citation("教督〔2012〕7号", "")
    /// Tianjin's reform measures (1:5, large schools).
    public static let tianjin = Citation("天津市 2021", "")
    /// Chongqing's reform measures (1:5).
    public static let chongqing = Citation("重庆市 2021", "")
    /// 督学管理暂行办法 (Ministry of Education, 2016): training of inspectors.
    public static let inspectorRegulation = Citation("《督学管理暂行办法》", "")
    /// The district's own choice, where no document fixes a value.
    public static let districtChoice = Citation("本区县设定", "")
    /// Regular rotation of responsible inspectors (督学定期交流), as districts set it.
    public static let rotation = Citation("《督学管理暂行办法》(教督〔2016〕2号)", "")
}

/// The staffing rules in force for a plan or a check.
public struct Policy: Sendable, Hashable, Codable {
    /// Name of the preset or file the policy came from.
    public var name: String
    /// Date the planned term takes effect.
    public var termStart: Day
    /// Schools per inspector (1:5).
    public var schoolsPerInspector: Int
    /// Enrollment at or above which a school is large and gets a dedicated inspector.
    public var largeSchoolEnrollment: Int
    /// Minimum share of full-time appointees, 0…1.
    public var minFullTimeShare: Double
    /// Years a retired inspector may still serve.
    public var maxYearsRetired: Int
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
    /// Where each value comes from, by policy key.
    public var sources: [String: Citation]

    /// The combined policy (all rules together) with the given term start.
    public init(termStart: Day) {
        name = "combined"
        self.termStart = termStart
        schoolsPerInspector = 5
        largeSchoolEnrollment = 2000
        minFullTimeShare = 0.2
        maxYearsRetired = 3
        termYears = 3
        maxConsecutiveTerms = 3
        maxTermsSameSchool = nil
        zones = .prefer
        staffing = .lean
        sources = Policy.defaultSources
    }

    /// Sources of the combined defaults.
    public static let defaultSources: [String: Citation] = [
        "schools_per_inspector": .national,
        "large_school_enrollment": .districtChoice,
        "min_full_time_share": .hainan16,
        "max_years_retired": .zaozhuang,
        "term_years": .wusheng15,
        "max_consecutive_terms": .wusheng15,
        "max_terms_same_school": .rotation,
        "zones": .zones2012,
    ]

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
