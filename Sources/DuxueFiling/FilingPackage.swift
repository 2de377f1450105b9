import DuxueDomain
import DuxueReport

/// A cell of a filing table: text or a number (numbers stay numbers in the workbook).
public enum FilingCell: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A number.
    case number(Double)
    /// A share 0…1, shown as a percentage.
    case percent(Double)

    /// The cell as text (for HTML).
    public var display: String {
        switch self {
        case .text(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .percent(let share): String(format1: share * 100) + "%"
        }
    }
}

/// One table of the filing package: a sheet in the workbook, a section of the page.
public struct FilingTable: Sendable, Equatable {
    /// Sheet name (≤ 31 characters).
    public var name: String
    /// Title printed above the table.
    public var title: String
    /// Column headers.
    public var header: [String]
    /// Column widths in characters.
    public var widths: [Double]
    /// The rows.
    public var rows: [[FilingCell]]
    /// Further tables on the same sheet, below this one after a blank row (title, header, rows).
    public var appendix: [FilingTable]
}

/// The filing package in Chinese (备案材料): the appointed inspectors, the public placard list, the
/// compliance statement and the district totals, plus the histogram of schools per inspector.
public struct FilingPackage: Sendable, Equatable {
    /// Title of the package.
    public var title: String
    /// Line under the title: district, roster, policy, term.
    public var subtitle: String
    /// 责任督学名册, 挂牌督导学校一览, 合规情况, 汇总.
    public var tables: [FilingTable]
    /// (schools held, inspectors holding that many), for the chart.
    public var histogram: [(schools: Int, inspectors: Int)]

    /// Equality by content.
    public static func == (a: FilingPackage, b: FilingPackage) -> Bool {
        a.title == b.title && a.subtitle == b.subtitle && a.tables == b.tables
            && a.histogram.map(\.schools) == b.histogram.map(\.schools)
            && a.histogram.map(\.inspectors) == b.histogram.map(\.inspectors)
    }

    /// Sheet names, in order.
    public static let sheetNames = ["责任督学名册", "挂牌督导学校一览", "合规情况", "汇总"]

    /// Builds the package from a check report (in Chinese) and the roster it checked.
    public init(report: CheckReport, district: District, roster: Roster, policy: Policy) {
        title = "\(report.district) 责任督学备案材料"
        subtitle = "名册：\(report.rosterFile)；政策：\(policy.name)；任期 \(policy.termStart) 至 \(policy.termLastDay)"
        let context = RuleContext(district: district, policy: policy, roster: roster)
        let inspectors = context.inspectors
        let schools = context.schools
        var holderOf: [School.ID: Assignee] = [:]
        for a in roster.assignments where holderOf[a.school] == nil { holderOf[a.school] = a.assignee }
        let assignees = context.holdings.keys.sorted()
        func schoolNames(_ ids: [School.ID]) -> String {
            ids.map { schools[$0]?.name ?? $0.rawValue }.joined(separator: "、")
        }

        // 1. 责任督学名册
        var people: [[FilingCell]] = []
        for assignee in assignees {
            let held = context.holdings[assignee, default: []]
            switch assignee {
            case .inspector(let id):
                let person = inspectors[id]
                people.append([
                    .text(id.rawValue), .text(person?.name ?? "（不在督学名单）"),
                    .text(person?.employment.chineseName ?? ""),
                    .text(person.map { $0.status.retiredOn == nil ? "在职" : "退休" } ?? ""),
                    .text(person?.status.retiredOn?.description ?? ""),
                    person.map { .number(Double($0.consecutiveTerms)) } ?? .text(""),
                    .text(person?.zone.rawValue ?? ""), .number(Double(held.count)), .text(schoolNames(held)),
                    .text(person?.phone ?? ""),
                ])
            case .vacancy(let id, let zone, let employment):
                people.append([
                    .text(id), .text("（待补充）"), .text(employment.chineseName), .text(""), .text(""), .text(""),
                    .text(zone.rawValue), .number(Double(held.count)), .text(schoolNames(held)), .text(""),
                ])
            }
        }
        let roll = FilingTable(
            name: Self.sheetNames[0], title: "责任督学名册",
            header: ["督学编号", "姓名", "专兼职", "在职/退休", "退休日期", "已连任届数", "责任区", "负责学校数", "负责学校", "联系电话"],
            widths: [10, 10, 7, 9, 12, 10, 12, 10, 48, 15], rows: people, appendix: [])

        // 2. 挂牌督导学校一览 (公示)
        let placard = FilingTable(
            name: Self.sheetNames[1], title: "挂牌督导学校一览（公示）",
            header: ["学校代码", "学校名称", "学段", "在校生数", "责任区", "责任督学", "联系电话"],
            widths: [10, 30, 12, 10, 12, 14, 15],
            rows: district.schools.map { school in
                let holder = holderOf[school.id]
                let name: String
                var phone = ""
                switch holder {
                case .inspector(let id)?:
                    name = inspectors[id]?.name ?? id.rawValue
                    phone = inspectors[id]?.phone ?? ""
                case .vacancy(let id, _, _)?: name = "待补充（\(id)）"
                case nil: name = "（未配备）"
                }
                return [.text(school.id.rawValue), .text(school.name), .text(school.stage?.chineseName ?? ""),
                        .number(Double(school.enrollment)), .text(school.zone.rawValue), .text(name), .text(phone)]
            },
            appendix: [])

        // 3. 合规情况
        let statusName = ["ok": "符合", "violated": "不符合", "warning": "提示", "not_applied": "不适用"]
        let ruleRows: [[FilingCell]] = report.rules.map { rule in
            [.text(rule.id.rawValue), .text(rule.title), .text(rule.source), .text(statusName[rule.status] ?? rule.status),
             .text(rule.summary), .number(Double(rule.findings.count))]
        }
        let findingRows: [[FilingCell]] = report.findings.map { f in
            [.text(f.rule.rawValue), .text(f.severity == .error ? "错误" : "提示"), .text(f.source),
             .text(f.schools.joined(separator: "、")), .text(f.inspectors.joined(separator: "、")), .text(f.message),
             .text(f.fix)]
        }
        let findingsTable = FilingTable(
            name: "", title: findingRows.isEmpty ? "发现的问题：无" : "发现的问题（\(findingRows.count) 条）",
            header: ["规则", "类别", "依据", "涉及学校", "涉及督学", "问题", "整改建议"],
            widths: [6, 6, 18, 20, 12, 40, 40], rows: findingRows, appendix: [])
        let compliance = FilingTable(
            name: Self.sheetNames[2], title: "合规情况：\(report.compliant ? "合规" : "不合规")（错误 \(report.errors) 条，提示 \(report.warnings) 条）",
            header: ["规则", "名称", "依据", "状态", "情况", "问题数"],
            widths: [7, 22, 26, 8, 40, 8, 40], rows: ruleRows, appendix: [findingsTable])

        // 4. 汇总
        let f = report.figures
        var totals: [[FilingCell]] = [
            [.text("区县"), .text(report.district)],
            [.text("名册文件"), .text(report.rosterFile)],
            [.text("政策"), .text(policy.name)],
            [.text("任期"), .text("\(policy.termStart) 至 \(policy.termLastDay)")],
            [.text("学校总数"), .number(Double(f.schools))],
            [.text("已配备责任督学的学校数"), .number(Double(f.coveredSchools))],
            [.text("大规模学校数"), .number(Double(f.largeSchools))],
            [.text("其中专人负责"), .number(Double(f.dedicatedLargeSchools))],
            [.text("责任区数"), .number(Double(f.zones))],
            [.text("应配责任督学人数"), .number(Double(f.requiredHeadcount))],
            [.text("聘任责任督学人数"), .number(Double(f.appointees))],
            [.text("其中专职（在编）"), .number(Double(f.appointedFullTime))],
            [.text("其中兼职（在编）"), .number(Double(f.appointedPartTime))],
            [.text("待补充专职"), .number(Double(f.vacanciesFullTime))],
            [.text("待补充兼职"), .number(Double(f.vacanciesPartTime))],
            [.text("退休督学人数"), .number(Double(f.appointedRetired))],
            [.text("专职比例"), .percent(f.fullTimeShare)],
            [.text("专职比例要求"), .percent(policy.minFullTimeShare)],
            [.text("每人最多负责学校数"), .number(Double(f.maxSchoolsPerInspector))],
            [.text("跨责任区配备"), .number(Double(f.crossings))],
            [.text("合规结论"), .text(report.compliant ? "合规" : "不合规")],
            [.text("错误"), .number(Double(report.errors))],
            [.text("提示"), .number(Double(report.warnings))],
        ]
        if let nearest = report.nearest {
            totals.append([.text("最近的合规名册"), .text(nearest.existsFromPool
                ? "现有督学可达到，需调整 \(nearest.changes) 所学校"
                : "需补充 \(nearest.recruits) 名督学并调整 \(nearest.changes) 所学校")])
        }
        let summary = FilingTable(name: Self.sheetNames[3], title: "汇总", header: ["项目", "数值"], widths: [26, 40],
                                  rows: totals, appendix: [])
        tables = [roll, placard, compliance, summary]

        let counts = Dictionary(grouping: context.holdings.values.map(\.count), by: { $0 }).mapValues(\.count)
        let top = max(policy.schoolsPerInspector, counts.keys.max() ?? 0)
        histogram = top == 0 ? [] : (1...top).map { ($0, counts[$0, default: 0]) }
    }
}

extension String {
    /// One decimal place.
    init(format1 value: Double) {
        guard value.isFinite else {
            self = "–"
            return
        }
        guard abs(value) < 1e15 else {
            self = "\(value)"
            return
        }
        let tenths = Int((abs(value) * 10).rounded())
        self = (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}
