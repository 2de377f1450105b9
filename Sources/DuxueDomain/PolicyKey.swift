/// A policy value as a file, a scenario or a sweep writes it, before it is checked against its key.
public enum PolicyValue: Hashable, Sendable, CustomStringConvertible {
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// A word or a name.
    case text(String)
    /// A date.
    case day(Day)
    /// `true` or `false` (`false` turns an optional rule off).
    case boolean(Bool)

    /// The value as a policy file would hold it (text unquoted).
    public var description: String {
        switch self {
        case .integer(let n): "\(n)"
        case .number(let x): PolicyKey.shareText(x)
        case .text(let text): text
        case .day(let day): "\(day)"
        case .boolean(let flag): flag ? "true" : "false"
        }
    }
}

/// Why a value does not fit its key.
public enum PolicyValueProblem: Error, Hashable, Sendable {
    /// The value is of another type.
    case wrongType(expected: String)
    /// A number outside the key's range.
    case outOfRange(value: String, minimum: Int, maximum: Int?)
    /// A word that is not one of the key's choices.
    case badChoice(value: String, accepted: [String])
    /// Text that is not a date.
    case badDate(value: String)
}

/// What kind of value a key takes, for checking, help and docs.
public enum PolicyValueType: Hashable, Sendable {
    /// A whole number from `minimum` to `maximum`.
    case integer(minimum: Int, maximum: Int)
    /// A whole number from `minimum` to `maximum`, or `off` (`false`) for no such rule.
    case integerOrOff(minimum: Int, maximum: Int)
    /// A share from 0 to 1 (0 = no minimum).
    case share
    /// One of the words.
    case choice([String])
    /// A date.
    case date
    /// Any text.
    case text

    /// "integer ≥ 1", "0–1", "require | allow | off", … for help and docs.
    public var summary: String {
        switch self {
        case .integer(let minimum, let maximum): "integer \(minimum)–\(maximum)"
        case .integerOrOff(let minimum, let maximum): "integer \(minimum)–\(maximum), or off"
        case .share: "0–1"
        case .choice(let words): words.joined(separator: " / ")
        case .date: "date"
        case .text: "text"
        }
    }
}

/// One key of a policy file: its name, type, meaning, and how it reads and sets a ``Policy``.
///
/// ``PolicyKey/all`` is the one table of keys: the policy reader, scenario files, sweeps, `duxue policy`
/// and the key table in docs/policies.md all come from it.
public struct PolicyKey: Sendable, Identifiable {
    /// The key as written in policy files, e.g. `min_full_time_share`.
    public let name: String
    /// The Chinese label, e.g. 专职督学最低占比.
    public let chineseName: String
    /// The kind of value.
    public let type: PolicyValueType
    /// Whether a scenario file or a `--sweep` may set it as a policy value (keys that describe the
    /// district, or that only `renew` uses, may not; `name` heads a scenario's column instead).
    public let inScenarios: Bool
    /// What the key means, in Chinese.
    public let hintZh: String
    /// What the key means, in English.
    public let hintEn: String
    private let get: @Sendable (Policy) -> PolicyValue?
    private let set: @Sendable (inout Policy, PolicyValue?) -> Void

    /// The key's name.
    public var id: String { name }

    /// The key's value in a policy; `nil` when the rule is off (or the text is unset).
    public func value(in policy: Policy) -> PolicyValue? { get(policy) }

    /// The value as shown in reports and docs: `off` for a rule turned off.
    public func display(_ policy: Policy) -> String { get(policy)?.description ?? "off" }

    /// Checks `value` against the key's type and, when it fits, sets it on `policy`.
    public func assign(_ value: PolicyValue, to policy: inout Policy) throws(PolicyValueProblem) {
        set(&policy, try checked(value))
    }

    /// The value in the key's own form (`nil` for off), or the problem.
    public func checked(_ value: PolicyValue) throws(PolicyValueProblem) -> PolicyValue? {
        switch type {
        case .integer(let minimum, let maximum):
            return .integer(try Self.integer(value, minimum: minimum, maximum: maximum))
        case .integerOrOff(let minimum, let maximum):
            if Self.isOff(value) { return nil }
            return .integer(try Self.integer(value, minimum: minimum, maximum: maximum))
        case .share:
            let number: Double
            switch value {
            case .integer(let n): number = Double(n)
            case .number(let x): number = x
            default: throw .wrongType(expected: "number")
            }
            guard number.isFinite, (0...1).contains(number) else {
                throw .outOfRange(value: Self.shareText(number), minimum: 0, maximum: 1)
            }
            return .number(number)
        case .choice(let words):
            guard case .text(let text) = value else {
                if Self.isOff(value), words.contains("off") { return .text("off") }
                throw .wrongType(expected: "string")
            }
            let word = Self.normalizedWord(text)
            guard let match = words.first(where: { $0 == word }) ?? Self.chineseChoices[text.trimmedSpaces].flatMap({ words.contains($0) ? $0 : nil })
            else { throw .badChoice(value: text, accepted: words) }
            return .text(match)
        case .date:
            switch value {
            case .day: return value
            case .text(let text):
                guard let day = Day(iso: text.trimmedSpaces) else { throw .badDate(value: text) }
                return .day(day)
            default: throw .wrongType(expected: "date")
            }
        case .text:
            guard case .text = value else { throw .wrongType(expected: "string") }
            return value
        }
    }

    /// What setting some keys implies for others, applied once all keys are set: a large-school
    /// threshold turns the 1:1 rule on unless `large_school_rule` is set too. Returns the keys it set.
    @discardableResult
    public static func applyImplications(to policy: inout Policy, set keys: Set<String>) -> Set<String> {
        guard keys.contains("large_school_enrollment"), !keys.contains("large_school_rule"), policy.largeSchoolRule == .off
        else { return [] }
        policy.largeSchoolRule = .require
        return ["large_school_rule"]
    }

    /// The key named `name`, if any.
    public static func named(_ name: String) -> PolicyKey? { all.first { $0.name == name } }

    /// Keys that name a rule with no value of its own; a policy file may cite them in `[sources]`.
    public static let ruleKeys = ["coverage", "recusal", "stages", "assessment"]

    /// Keys whose source a policy file may cite in `[sources]`.
    public static var citableKeys: [String] {
        all.filter { !["name", "preset", "district_name", "term_start"].contains($0.name) }.map(\.name) + ruleKeys
    }

    /// The keys a scenario file or a sweep may set.
    public static var scenarioKeys: [String] { all.filter(\.inScenarios).map(\.name) }

    /// A share without trailing zeros: 0.3, not 0.30000000000000004.
    public static func shareText(_ share: Double) -> String {
        let rounded = (share * 10_000).rounded() / 10_000
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static func isOff(_ value: PolicyValue) -> Bool {
        switch value {
        case .boolean(false): true
        case .text(let text): ["off", "none", "不设", "无", "不适用"].contains(normalizedWord(text))
        default: false
        }
    }

    private static func integer(_ value: PolicyValue, minimum: Int, maximum: Int) throws(PolicyValueProblem) -> Int {
        guard case .integer(let number) = value else { throw .wrongType(expected: "integer") }
        guard number >= minimum, number <= maximum else {
            throw .outOfRange(value: "\(number)", minimum: minimum, maximum: number < minimum ? nil : maximum)
        }
        return number
    }

    private static func normalizedWord(_ text: String) -> String {
        text.trimmedSpaces.lowercased().replacingHyphens
    }

    /// Chinese words accepted for choices.
    private static let chineseChoices: [String: String] = [
        "要求": "require", "必须": "require", "允许": "allow", "可": "allow", "关闭": "off", "不设": "off",
        "优先": "prefer", "忽略": "ignore", "精简": "lean", "分散": "spread", "聘任时": "appointment",
        "每次调整": "each_change", "在任督学": "appointees", "督学库": "pool", "区县督学": "county", "市级督学": "city",
    ]

    private init(
        _ name: String, _ chineseName: String, _ type: PolicyValueType, scenario: Bool, zh: String, en: String,
        get: @escaping @Sendable (Policy) -> PolicyValue?, set: @escaping @Sendable (inout Policy, PolicyValue?) -> Void
    ) {
        self.name = name
        self.chineseName = chineseName
        self.type = type
        inScenarios = scenario
        hintZh = zh
        hintEn = en
        self.get = get
        self.set = set
    }

    private static func int(_ value: PolicyValue?) -> Int? {
        if case .integer(let n) = value { return n }
        return nil
    }

    private static func word(_ value: PolicyValue?) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    /// Every key, in the order docs and help list them.
    public static let all: [PolicyKey] = [
        PolicyKey("preset", "基础政策", .choice(Presets.names), scenario: true,
                  zh: "从哪一套预设政策开始（未写则为 national：国家层面规定）",
                  en: "the preset this file starts from (national when not given)",
                  get: { .text($0.preset) }, set: { _, _ in }),
        PolicyKey("name", "名称", .text, scenario: false,
                  zh: "政策或方案的名称（报告和比较表的列名）", en: "name of the policy or scenario (report, compare column)",
                  get: { .text($0.name) }, set: { $0.name = word($1) }),
        PolicyKey("district_name", "区县名称", .text, scenario: false,
                  zh: "区县名称，用于报告和备案材料的标题", en: "the district's name, for report and filing titles",
                  get: { $0.districtName.map(PolicyValue.text) }, set: { $0.districtName = word($1) }),
        PolicyKey("term_start", "任期开始日期", .date, scenario: true,
                  zh: "所编名册的任期开始日期", en: "date the planned term takes effect",
                  get: { .day($0.termStart) },
                  set: { if case .day(let day) = $1 { $0.termStart = day; $0.termStartStated = true } }),
        PolicyKey("schools_per_inspector", "每名督学负责学校数", .integer(minimum: 1, maximum: 1_000), scenario: true,
                  zh: "每名责任督学最多负责的学校数（1:5）", en: "schools per inspector at most (1:5)",
                  get: { .integer($0.schoolsPerInspector) }, set: { $0.schoolsPerInspector = int($1) ?? 5 }),
        PolicyKey("large_school_rule", "大规模学校1:1", .choice(LargeSchoolRule.allCases.map(\.rawValue)), scenario: true,
                  zh: "学生数较多的学校：require 必须专人负责（1:1）；allow 可以专人负责；off 不区分",
                  en: "large schools: require a dedicated inspector (1:1), allow one, or off",
                  get: { .text($0.largeSchoolRule.rawValue) },
                  set: { $0.largeSchoolRule = LargeSchoolRule(rawValue: word($1)) ?? .off }),
        PolicyKey("large_school_enrollment", "大规模学校人数门槛", .integer(minimum: 1, maximum: 1_000_000), scenario: true,
                  zh: "在校生达到此数即为大规模学校（文件均未规定人数，由区县设定）",
                  en: "enrollment at which a school is large (no document fixes it)",
                  get: { .integer($0.largeSchoolEnrollment) }, set: { $0.largeSchoolEnrollment = int($1) ?? 2000 }),
        PolicyKey("min_full_time_share", "专职督学最低占比", .share, scenario: true,
                  zh: "专职督学占比下限，0 为不设", en: "minimum share of full-time inspectors; 0 = none",
                  get: { .number($0.minFullTimeShare) },
                  set: { if case .number(let x) = $1 { $0.minFullTimeShare = x } }),
        PolicyKey("full_time_share_basis", "专职占比口径", .choice(FullTimeShareBasis.allCases.map(\.rawValue)), scenario: true,
                  zh: "专职占比的口径：appointees 在任责任督学（含待聘）；pool 另计未负责学校的专职督学",
                  en: "share of: appointees (recruits included), or the pool's idle full-timers too",
                  get: { .text($0.fullTimeShareBasis.rawValue) },
                  set: { $0.fullTimeShareBasis = FullTimeShareBasis(rawValue: word($1)) ?? .appointees }),
        PolicyKey("max_years_retired", "退休后可任年限", .integerOrOff(minimum: 0, maximum: 50), scenario: true,
                  zh: "退休不超过几年可聘；off 为文件未规定年限", en: "years after retirement an inspector may serve; off = no figure",
                  get: { $0.maxYearsRetired.map(PolicyValue.integer) }, set: { $0.maxYearsRetired = int($1) }),
        PolicyKey("retirement_checked_at", "退休年限核查时点", .choice(RetirementCheck.allCases.map(\.rawValue)), scenario: true,
                  zh: "退休年限在聘任时核查（appointment），或每次调整时核查（each_change）",
                  en: "retirement window checked at appointment, or at each change",
                  get: { .text($0.retirementCheckedAt.rawValue) },
                  set: { $0.retirementCheckedAt = RetirementCheck(rawValue: word($1)) ?? .appointment }),
        PolicyKey("term_years", "任期年数", .integer(minimum: 1, maximum: 10), scenario: true,
                  zh: "一届任期的年数", en: "years in a term",
                  get: { .integer($0.termYears) }, set: { $0.termYears = int($1) ?? 3 }),
        PolicyKey("max_consecutive_terms", "兼职连任届数上限", .integer(minimum: 1, maximum: 20), scenario: true,
                  zh: "兼职督学连续任职的届数上限", en: "consecutive part-time terms at most",
                  get: { .integer($0.maxConsecutiveTerms) }, set: { $0.maxConsecutiveTerms = int($1) ?? 3 }),
        PolicyKey("max_terms_same_school", "同校连续届数上限", .integerOrOff(minimum: 1, maximum: 20), scenario: false,
                  zh: "定期交流：同一督学负责同一学校满几届须更换（仅新任期调整时）；off 为不设",
                  en: "rotation: terms a pair may last before it must change (renew, new term only); off = none",
                  get: { $0.maxTermsSameSchool.map(PolicyValue.integer) }, set: { $0.maxTermsSameSchool = int($1) }),
        PolicyKey("zones", "责任区", .choice(ZoneMode.allCases.map(\.rawValue)), scenario: true,
                  zh: "责任区：require 只负责本区学校；prefer 尽量少跨区；ignore 不考虑",
                  en: "zones: require, prefer (fewest crossings) or ignore",
                  get: { .text($0.zones.rawValue) }, set: { $0.zones = ZoneMode(rawValue: word($1)) ?? .prefer }),
        PolicyKey("staffing", "配备方式", .choice(Staffing.allCases.map(\.rawValue)), scenario: true,
                  zh: "lean 聘任人数最少；spread 多聘人、每人少负责学校",
                  en: "lean: fewest appointees; spread: more appointees, fewer schools each",
                  get: { .text($0.staffing.rawValue) }, set: { $0.staffing = Staffing(rawValue: word($1)) ?? .lean }),
        PolicyKey("max_zone_schools", "责任区学校数上限", .integerOrOff(minimum: 1, maximum: 100_000), scenario: true,
                  zh: "一个责任区的学校数上限（提示）；off 为不设", en: "schools a zone should hold at most (warning); off = none",
                  get: { $0.maxZoneSchools.map(PolicyValue.integer) }, set: { $0.maxZoneSchools = int($1) }),
        PolicyKey("min_training_hours", "年度培训学时下限", .integerOrOff(minimum: 0, maximum: 10_000), scenario: true,
                  zh: "督学每年培训学时下限（提示）；off 为不设", en: "training hours a year at least (warning); off = none",
                  get: { $0.minTrainingHours.map(PolicyValue.integer) }, set: { $0.minTrainingHours = int($1) }),
        PolicyKey("responsible_level", "挂牌督学级别", .choice(InspectorLevel.allCases.map(\.rawValue) + ["off"]), scenario: true,
                  zh: "挂牌督学应由哪一级督学担任（county 区县督学）；off 为不限", en: "level responsible inspectors should be (county); off = any",
                  get: { $0.responsibleLevel.map { PolicyValue.text($0.rawValue) } },
                  set: { $0.responsibleLevel = InspectorLevel(rawValue: word($1)) }),
    ]
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and ideographic spaces.
    var trimmedSpaces: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// The text with `-` as `_` (each-change → each_change).
    var replacingHyphens: String { String(map { $0 == "-" ? "_" : $0 }) }
}
