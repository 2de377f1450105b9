import Foundation
import DuxueDomain
import DuxuePlanner

/// Localised phrases for findings, exclusions and labels: one place for both languages.
public struct Text: Sendable {
    /// The language rendered.
    public let language: Language
    /// Names of schools and inspectors, for naming people and schools by name and id.
    public var names = Names()

    /// Phrases in a language.
    public init(_ language: Language) { self.language = language }

    /// Phrases in a language that name the district's schools and inspectors.
    public init(_ language: Language, district: District) {
        self.language = language
        names = Names(district)
    }

    /// Names by id.
    public struct Names: Sendable {
        /// School names.
        public var schools: [School.ID: String] = [:]
        /// Inspector names.
        public var inspectors: [Inspector.ID: String] = [:]

        /// No names.
        public init() {}

        /// The names of a district.
        public init(_ district: District) {
            for school in district.schools where schools[school.id] == nil { schools[school.id] = school.name }
            for person in district.inspectors where inspectors[person.id] == nil { inspectors[person.id] = person.name }
        }
    }

    /// "城关第一小学（S-001）", or the id alone when the name is unknown.
    public func school(_ id: School.ID) -> String {
        guard let name = names.schools[id], !name.isEmpty else { return id.rawValue }
        return pick("\(name)（\(id)）", "\(name) (\(id))")
    }

    /// "张三（I-014）", or the id alone when the name is unknown.
    public func inspector(_ id: Inspector.ID) -> String {
        guard let name = names.inspectors[id], !name.isEmpty else { return id.rawValue }
        return pick("\(name)（\(id)）", "\(name) (\(id))")
    }

    /// An assignee by name and id (a vacancy by its id).
    public func holder(_ assignee: Assignee) -> String {
        if case .inspector(let id) = assignee { return inspector(id) }
        return assignee.rosterID
    }

    /// Picks the Chinese or English variant.
    public func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// An employment type.
    public func employment(_ e: Employment) -> String { pick(e.chineseName, e == .fullTime ? "full-time" : "part-time") }

    /// A stage.
    public func stage(_ s: Stage?) -> String {
        guard let s else { return "" }
        return language == .zh ? s.chineseName : s.rawValue.replacingOccurrences(of: "_", with: "-")
    }

    /// Years with one decimal.
    public func years(_ value: Double) -> String { String(format1: value) }

    /// The recorded terms a count comes from (`；据任用记录：2021-09-01 起、2024-09-01 起兼职`), or "" when
    /// the count is the pool's column.
    public func recordedTerms(_ terms: [Term]) -> String {
        guard !terms.isEmpty else { return "" }
        let starts = terms.map { "\($0.start)" }
        return pick("；据任用记录：\(starts.map { $0 + " 起" }.joined(separator: "、"))各届兼职",
                    "; recorded part-time terms starting \(starts.joined(separator: ", "))")
    }

    /// Why an inspector is excluded.
    public func exclusion(_ reason: Exclusion) -> String {
        switch reason {
        case .retiredTooLong(let day, let years, let limit, let checkedOn):
            return pick("\(day) 退休，至 \(checkedOn) 已 \(self.years(years)) 年，超过 \(limit) 年上限",
                        "retired \(day), \(self.years(years)) years before \(checkedOn), limit \(limit)")
        case .termLimit(let terms, let limit, let recorded):
            return pick("兼职已连任 \(terms) 届（上限 \(limit) 届）",
                        "\(terms) consecutive part-time terms (limit \(limit))") + recordedTerms(recorded)
        case .failedAssessment:
            return pick("上次考核不合格", "failed the last assessment")
        case .noCapacity:
            return pick("最多负责学校数为 0", "personal cap of 0 schools")
        }
    }

    /// A finding's message.
    public func finding(_ detail: FindingDetail) -> String {
        switch detail {
        case .uncovered(let s):
            return pick("学校 \(school(s)) 没有责任督学", "school \(school(s)) has no responsible inspector")
        case .coveredMoreThanOnce(let s, let times):
            return pick("学校 \(school(s)) 出现 \(times) 次，应只有一名责任督学", "school \(school(s)) is listed \(times) times; it needs exactly one inspector")
        case .unknownSchool(let s):
            return pick("名册中的学校 \(school(s)) 不在学校名单中", "school \(school(s)) in the roster is not in schools.csv")
        case .unknownInspector(let i):
            return pick("名册中的督学 \(i) 不在督学名单中", "inspector \(i) in the roster is not in inspectors.csv")
        case .overCapacity(let a, let holds, let limit):
            return pick("\(holder(a)) 负责 \(holds) 所学校，上限 \(limit) 所", "\(holder(a)) holds \(holds) schools, limit \(limit)")
        case .largeNotDedicated(let s, let a, let others):
            return pick("大规模学校 \(school(s)) 的责任督学 \(holder(a)) 还负责另外 \(others) 所学校",
                        "large school \(school(s)): its inspector \(holder(a)) holds \(others) other school\(others == 1 ? "" : "s")")
        case .fullTimeShareLow(let ft, let total, let minimum, let missing):
            return pick("专职督学 \(ft)/\(total)，低于 \(percent(minimum))；还需 \(missing) 名专职督学",
                        "full-time \(ft) of \(total), below \(percent(minimum)); needs \(missing) more full-time inspector\(missing == 1 ? "" : "s")")
        case .retiredTooLong(let i, let day, let years, let limit, let checkedOn):
            return pick("督学 \(inspector(i))：\(day) 退休，至 \(checkedOn) 已 \(self.years(years)) 年，超过 \(limit) 年",
                        "inspector \(inspector(i)) retired \(day), \(self.years(years)) years before \(checkedOn), limit \(limit)")
        case .termLimitReached(let i, let terms, let limit, let recorded):
            return pick("兼职督学 \(inspector(i)) 已连任 \(terms) 届（上限 \(limit) 届）",
                        "part-time inspector \(inspector(i)) has served \(terms) consecutive terms (limit \(limit))")
                + recordedTerms(recorded)
        case .recusal(let i, let s):
            return pick("督学 \(inspector(i)) 须回避学校 \(school(s))", "inspector \(inspector(i)) must recuse from school \(school(s))")
        case .crossZone(let a, let from, let s, let to):
            return pick("\(holder(a))（\(from)）跨责任区负责 \(school(s))（\(to)）",
                        "\(holder(a)) (\(from)) holds \(school(s)) in another zone (\(to))")
        case .stageMismatch(let i, let s, let stage):
            return pick("督学 \(inspector(i)) 未登记胜任\(self.stage(stage))学段，却负责 \(school(s))",
                        "inspector \(inspector(i)) is not listed for \(self.stage(stage)) but holds \(school(s))")
        default:
            return checkFinding(detail)
        }
    }

    /// A rule's title.
    public func rule(_ id: RuleID) -> String {
        switch id {
        case .coverage: pick("全覆盖：每校一名责任督学", "coverage: one inspector per school")
        case .ratio: pick("配比：每人不超过规定学校数", "ratio: schools per inspector")
        case .dedicated: pick("大规模学校专人负责", "large schools have dedicated inspectors")
        case .fullTimeShare: pick("专职督学比例", "full-time share")
        case .retirement: pick("退休不超过规定年限", "retired within the allowed years")
        case .termLimit: pick("兼职连任不超过规定届数", "part-time term limit")
        case .recusal: pick("回避", "recusal")
        case .zones: pick("责任区", "responsibility zones")
        case .stage: pick("胜任学段（提示）", "qualified stage (warning)")
        default: checkRule(id)
        }
    }

    /// A priority's label.
    public func priority(_ p: Priority) -> String {
        switch p {
        case .recruits: pick("P1 最少补充督学", "P1 fewest recruits")
        case .fullTimeRecruits: pick("P1 最少补充专职", "P1 fewest full-time recruits")
        case .recruitLoad: pick("P4b 待补充督学负责的学校最少", "P4b fewest schools waiting for recruits")
        case .stability: pick("P2 保持原有配对", "P2 pairs kept")
        case .crossings: pick("P3 最少跨责任区", "P3 fewest cross-zone assignments")
        case .appointees: pick("P4 聘任人数", "P4 appointees")
        }
    }

    /// A solver status.
    public func status(_ s: SolveStatusText) -> String {
        switch s {
        case .optimal: pick("已证明最优", "proven optimal")
        case .gap(let gap): pick("时间到，差距 \(percent(gap))", "time limit, gap \(percent(gap))")
        case .workLimit(let gap): pick("搜索量达上限，差距 \(percent(gap))", "work limit, gap \(percent(gap))")
        case .fault(let gap): pick("求解出错，保留已有最好方案，差距 \(percent(gap))", "solver fault, best roster so far, gap \(percent(gap))")
        case .interrupted: pick("已中断，保留当前最好方案", "interrupted, best roster so far")
        }
    }

    /// The minimum headcount with its derivation in words.
    public func headcount(_ h: Headcount) -> String {
        let large = h.largeSchools == 0 ? ""
            : pick("大规模学校 \(h.largeSchools) 所各需 1 人专门负责，", "\(h.largeSchools) for the large schools (one each), ")
        let others: String
        if h.byZone && h.zones > 1 {
            others = pick("其余 \(h.otherSchools) 所学校在 \(h.zones) 个责任区内分别按每人最多 \(h.perInspector) 所计（督学不跨区），需 \(h.forOthers) 人",
                          "\(h.forOthers) for the other \(h.otherSchools) schools at most \(h.perInspector) each, counted zone by zone in \(h.zones) zones (no crossing)")
        } else {
            others = pick("其余 \(h.otherSchools) 所学校每人最多 \(h.perInspector) 所，需 \(h.forOthers) 人",
                          "\(h.forOthers) for the other \(h.otherSchools) schools at most \(h.perInspector) each")
        }
        return pick("至少应配 \(h.total) 人：\(large)\(others)", "at least \(h.total) needed: \(large)\(others)")
    }

    /// The policy as a heading names it: a preset or a named policy by its name; a policy file by its
    /// file name and the preset it starts from ("policy.toml（基于预设 combined）"), never a folder path.
    public func policyLabel(_ policy: Policy) -> String {
        guard policy.name.contains("/") else { return policy.name }
        let file = policy.name.split(separator: "/").last.map(String.init) ?? policy.name
        return pick("\(file)（基于预设 \(policy.preset)）", "\(file) (from preset \(policy.preset))")
    }

    /// A number as people write it: 24, 12.5 (no ".0" on whole numbers).
    public func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format1: value)
    }

    /// "大规模学校 6 所（≥ 2000 人，含区县指定 1 所）": the large schools and the threshold, saying how many
    /// count only by the district's own designation.
    public func largeSchools(_ count: Int, threshold: Int, designated: Int) -> String {
        let extra = designated > 0 ? pick("，含区县指定 \(designated) 所", ", \(designated) designated by the district") : ""
        return pick("大规模学校 \(count) 所（≥ \(threshold) 人\(extra)）", "\(count) large school\(count == 1 ? "" : "s") (≥ \(threshold) students\(extra))")
    }

    /// A share as a percentage with one decimal.
    public func percent(_ share: Double) -> String { String(format1: share * 100) + "%" }
}

/// A solver outcome as the report words it.
public enum SolveStatusText: Sendable, Equatable {
    /// Proven optimal.
    case optimal
    /// Stopped by the time limit with this relative gap.
    case gap(Double)
    /// Stopped by a level's work budget with this relative gap.
    case workLimit(Double)
    /// A solver run failed; the best roster so far, with this relative gap.
    case fault(Double)
    /// Stopped on request.
    case interrupted
}

extension String {
    /// A number with one decimal place, e.g. 4.3.
    init(format1 value: Double) {
        guard value.isFinite, abs(value) < 1e15 else {
            self = "–"
            return
        }
        let tenths = (value * 10).rounded()
        let sign = tenths < 0 ? "-" : ""
        let magnitude = Int(abs(tenths))
        self = "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
