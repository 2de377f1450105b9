import DuxueDomain
import DuxueReport

extension FilingPackage {
    /// Builds the package from a check report (in Chinese) and the district, roster and policy it checked.
    /// No file path enters it: the roster file's name is left out and a policy read from a file is named
    /// by its preset. `pairTerms` is the roster's own 本校连续届数 (`pair_terms`) for the term the package
    /// states (`policy.termStart`), by school: when given, 内部-配对 carries it, so that a renewal from the
    /// workbook knows how long each pair has lasted; when empty the column is left out.
    public init(report: CheckReport, district: District, roster: Roster, policy: Policy,
                pairTerms: [School.ID: Int] = [:]) {
        var facts = FilingFacts(report: report, district: district, roster: roster, policy: policy)
        facts.pairTerms = pairTerms
        title = "\(facts.districtName)责任督学（挂牌督学）名册备案材料"
        verdict = FilingVerdict(compliant: report.compliant, errors: report.errors, warnings: report.warnings,
                                strict: report.strict)
        internalSheets = [facts.schoolSheet(), facts.inspectorSheet(), facts.pairSheet(), facts.policySheet()]
        tables = [facts.rollTable(), facts.placardTable(), facts.rulesTable(), facts.findingsTable(), facts.totalsTable()]
        let digest = FilingDigest.hex(internalSheets.map(\.canonicalText).joined())
        cover = facts.cover(verdict: verdict, digest: digest)
        histogram = facts.histogram()
    }
}

/// The lookups the package is built from, and one builder per sheet.
struct FilingFacts {
    let report: CheckReport
    let district: District
    let roster: Roster
    let policy: Policy
    let context: RuleContext
    /// The district's name (the policy's `district_name` when given), never a path.
    let districtName: String
    /// "2027-09-01 至 2030-08-31".
    let term: String
    /// The first holder of each school.
    let holderOf: [School.ID: Assignee]
    /// Rule order, as the report lists the rules.
    let ruleOrder: [RuleID: Int]
    /// Findings naming each roster id (inspector or vacancy).
    let byAssignee: [String: [CheckReport.FindingLine]]
    /// Error findings marking each school on the 公示 list: those naming it, and those naming its
    /// holder without naming any school.
    let errorsBySchool: [String: [CheckReport.FindingLine]]
    /// The roster's 本校连续届数 by school, when it records them (else empty: 内部-配对 leaves the column out).
    var pairTerms: [School.ID: Int] = [:]

    init(report: CheckReport, district: District, roster: Roster, policy: Policy) {
        self.report = report
        self.district = district
        self.roster = roster
        self.policy = policy
        context = RuleContext(district: district, policy: policy, roster: roster)
        districtName = Self.plainName(district.name)
        term = "\(policy.termStart) 至 \(policy.termLastDay)"
        var holderOf: [School.ID: Assignee] = [:]
        for a in roster.assignments where holderOf[a.school] == nil { holderOf[a.school] = a.assignee }
        self.holderOf = holderOf
        ruleOrder = Dictionary(report.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var byAssignee: [String: [CheckReport.FindingLine]] = [:]
        var errorsBySchool: [String: [CheckReport.FindingLine]] = [:]
        let held = context.holdings
        let assigneeByID = Dictionary(held.keys.map { ($0.rosterID, $0) }, uniquingKeysWith: { a, _ in a })
        for finding in report.findings {
            for id in Set(finding.inspectors) { byAssignee[id, default: []].append(finding) }
            guard finding.severity == .error else { continue }
            var schools = finding.schools
            if schools.isEmpty {
                schools = finding.inspectors.flatMap { id in assigneeByID[id].map { held[$0, default: []].map(\.rawValue) } ?? [] }
            }
            for id in Set(schools) { errorsBySchool[id, default: []].append(finding) }
        }
        self.byAssignee = byAssignee
        self.errorsBySchool = errorsBySchool
    }

    // MARK: Names

    /// A name that is never a path: the last component of anything with a slash.
    static func plainName(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return parts.last.map(String.init) ?? text
    }

    /// The policy as people name it: its own name, or (for a policy read from a file, whose name is the
    /// file's path) the district's policy on its preset.
    static func policyLabel(_ policy: Policy) -> String {
        let preset = Presets.named(policy.preset).map { "\($0.name)（\($0.chineseName)）" } ?? policy.preset
        let name = policy.name
        let isFile = name.contains("/") || name.contains("\\") || name.lowercased().hasSuffix(".toml")
        if isFile { return "区县政策文件，基础预设 \(preset)" }
        return name == policy.preset ? "预设 \(preset)" : "\(name)（基础预设 \(preset)）"
    }

    func schoolName(_ id: String) -> String {
        context.schools[School.ID(uncheckedRawValue: id)]?.name ?? "（不在学校名单）"
    }

    func inspectorName(_ id: String) -> String {
        if id.hasPrefix(Assignee.vacancyPrefix) { return "（待补充）" }
        return context.inspectors[Inspector.ID(uncheckedRawValue: id)]?.name ?? "（不在督学名单）"
    }

    /// "R2、R12" and the row's mark, for the findings given (each rule once, in rule order).
    func marking(_ findings: [CheckReport.FindingLine]) -> (text: String, mark: FilingMark) {
        var seen = Set<RuleID>()
        let rules = findings.map(\.rule).filter { seen.insert($0).inserted }
            .sorted { (ruleOrder[$0] ?? 0) < (ruleOrder[$1] ?? 0) }
        let mark: FilingMark = findings.contains { $0.severity == .error } ? .error : findings.isEmpty ? .none : .warning
        return (rules.map(\.rawValue).joined(separator: "、"), mark)
    }

    /// The term being served, "第 3 届": completed consecutive terms + 1 (R12 counts the same way);
    /// full-time inspectors are marked, since their terms do not count towards the part-time limit.
    static func termServed(_ person: Inspector) -> String {
        "第 \(person.consecutiveTerms + 1) 届" + (person.employment == .fullTime ? "（专职）" : "")
    }

    // MARK: Tables people read

    /// 责任督学名册: one row per appointee, with the schools held (names and codes) and the rules that name them.
    func rollTable() -> FilingTable {
        var rows: [[FilingCell]] = []
        var marks: [FilingMark] = []
        for assignee in context.holdings.keys.sorted() {
            let held = context.holdings[assignee, default: []]
            let names = held.map { context.schools[$0]?.name ?? "（不在学校名单）" }.joined(separator: "、")
            let codes = held.map(\.rawValue).joined(separator: "、")
            let (problems, mark) = marking(byAssignee[assignee.rosterID, default: []])
            marks.append(mark)
            switch assignee {
            case .inspector(let id):
                let person = context.inspectors[id]
                rows.append([
                    .text(id.rawValue), .text(person?.name ?? "（不在督学名单）"),
                    .text(person?.employment.chineseName ?? ""),
                    .text(person.map { $0.status.retiredOn == nil ? "在职" : "退休" } ?? ""),
                    .text(person?.status.retiredOn?.description ?? ""),
                    .text(person.map(Self.termServed) ?? ""),
                    .text(person?.zone.rawValue ?? ""), .number(Double(held.count)), .text(names), .text(codes),
                    .text(person?.phone ?? ""), .text(problems),
                ])
            case .vacancy(let id, let zone, let employment):
                rows.append([
                    .text(id), .text("（待补充）"), .text(employment.chineseName), .text(""), .text(""), .text("第 1 届"),
                    .text(zone.rawValue), .number(Double(held.count)), .text(names), .text(codes), .text(""),
                    .text(problems),
                ])
            }
        }
        return FilingTable(
            name: FilingPackage.tableNames[0], title: "责任督学名册（\(districtName)，任期 \(term)）",
            header: ["督学编号", "姓名", "专兼职", "在职/退休", "退休日期", "本届届次", "责任区", "负责学校数", "负责学校",
                     "负责学校代码", "联系电话", "问题"],
            widths: [10, 9, 7, 9, 11, 11, 11, 8, 40, 20, 14, 10], rows: rows, marks: marks,
            notes: ["本届届次 = 已连任届数 + 1；专职督学注明（专职），专职任期不计入兼职连任。问题：涉及该督学的规则，详见问题清单。"])
    }

    /// 挂牌督导学校一览（公示）: one row per school of the district; only the placard phone; no
    /// recusal, retirement or assessment data. A 问题 column (error rules only) appears when the roster
    /// has errors, and the title then says it may not be published.
    func placardTable() -> FilingTable {
        let hasErrors = report.errors > 0
        var rows: [[FilingCell]] = []
        var marks: [FilingMark] = []
        for school in district.schools {
            var name = "（未配备）", id = "", phone = ""
            switch holderOf[school.id] {
            case .inspector(let inspector)?:
                id = inspector.rawValue
                name = context.inspectors[inspector]?.name ?? inspector.rawValue
                phone = context.inspectors[inspector]?.phone ?? ""
            case .vacancy(let vacancy, _, _)?:
                id = vacancy
                name = "待补充（\(vacancy)）"
            case nil: break
            }
            var row: [FilingCell] = [
                .text(school.id.rawValue), .text(school.name), .text(school.stage?.chineseName ?? ""),
                .number(Double(school.enrollment)), .text(school.zone.rawValue), .text(name), .text(id), .text(phone),
            ]
            let (problems, mark) = marking(errorsBySchool[school.id.rawValue, default: []])
            if hasErrors { row.append(.text(problems)) }
            rows.append(row)
            marks.append(mark)
        }
        let header = ["学校代码", "学校名称", "学段", "在校生数", "责任区", "责任督学", "督学编号", "联系电话"] + (hasErrors ? ["问题"] : [])
        let title = "\(districtName)挂牌督导学校一览（公示）任期 \(term)"
            + (report.compliant ? "" : "——名册不合规，整改后方可公示")
        return FilingTable(
            name: FilingPackage.tableNames[1], title: title, header: header,
            widths: [10, 30, 10, 9, 12, 19, 10, 15] + (hasErrors ? [10] : []), rows: rows, marks: marks,
            notes: ["公示期：　　　　年　　月　　日 至 　　　　年　　月　　日。对公示名单有异议的，请在公示期内向公示单位反映。",
                    "公示单位（盖章）：　　　　　　　　　　　　　　　　　　　　　　　　年　　月　　日"],
            audience: .published)
    }

    /// The status of a rule line as the filing shows it. R8 never reads 不适用 when the roster crosses
    /// zones: it is then 提示, with the count and the zone setting in its summary.
    func status(of rule: CheckReport.RuleLine) -> (text: String, mark: FilingMark) {
        switch rule.status {
        case "ok": return ("符合", .none)
        case "violated": return ("不符合", .error)
        case "warning": return ("提示", .warning)
        case "not_applied":
            if rule.id == .zones && report.figures.crossings > 0 { return ("提示", .warning) }
            return ("不适用", .none)
        default: return (rule.status, .none)
        }
    }

    /// The summary of a rule line; R8 always states the crossings and the zone setting.
    func summary(of rule: CheckReport.RuleLine) -> String {
        guard rule.id == .zones, report.figures.crossings > 0 else { return rule.summary }
        if rule.summary.contains("跨责任区") { return rule.summary }
        let mode = ["require": "必须在本区", "prefer": "优先本区", "ignore": "不限"][policy.zones.rawValue] ?? policy.zones.rawValue
        return "跨责任区 \(report.figures.crossings) 处（责任区：\(mode)）"
    }

    /// 合规情况: one row per rule, 不符合 highlighted.
    func rulesTable() -> FilingTable {
        var rows: [[FilingCell]] = []
        var marks: [FilingMark] = []
        for rule in report.rules {
            let (status, mark) = status(of: rule)
            rows.append([.text(rule.id.rawValue), .text(rule.title), .text(rule.source), .text(status),
                         .text(summary(of: rule)), .number(Double(rule.findings.count))])
            marks.append(mark)
        }
        return FilingTable(
            name: FilingPackage.tableNames[2], title: "合规情况：\(FilingVerdict(compliant: report.compliant, errors: report.errors, warnings: report.warnings, strict: report.strict).text)",
            header: ["规则", "名称", "依据", "状态", "情况", "问题数"], widths: [6, 24, 34, 8, 46, 7], rows: rows, marks: marks,
            notes: ["状态：符合；不符合（错误，须整改，决定合规结论）；提示（不影响合规结论）；不适用（本政策未规定该项）。"])
    }

    /// 问题清单: every finding with the schools and inspectors it names (codes and names) and its fix.
    func findingsTable() -> FilingTable {
        var rows: [[FilingCell]] = []
        var marks: [FilingMark] = []
        for f in report.findings {
            rows.append([
                .text(f.rule.rawValue), .text(f.severity == .error ? "错误" : "提示"),
                .text(f.schools.joined(separator: "、")), .text(f.schools.map(schoolName).joined(separator: "、")),
                .text(f.inspectors.joined(separator: "、")), .text(f.inspectors.map(inspectorName).joined(separator: "、")),
                .text(f.message), .text(f.fix),
            ])
            marks.append(f.severity == .error ? .error : .warning)
        }
        return FilingTable(
            name: FilingPackage.tableNames[3], title: rows.isEmpty ? "发现的问题：无" : "发现的问题（\(rows.count) 条）",
            header: ["规则", "类别", "学校代码", "学校名称", "督学编号", "督学姓名", "问题", "整改建议"],
            widths: [6, 6, 12, 22, 10, 10, 40, 46], rows: rows, marks: marks)
    }

    /// 汇总: the district totals the upper level asks for (at most 25 rows, so it prints whole).
    func totalsTable() -> FilingTable {
        let f = report.figures
        var rows: [[FilingCell]] = [
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
        if let nearest = nearestText() { rows.append([.text("最近的合规名册"), .text(nearest)]) }
        let marks = rows.map { row -> FilingMark in
            row.first == .text("合规结论") && !report.compliant ? .error : .none
        }
        return FilingTable(name: FilingPackage.tableNames[4], title: "汇总（\(districtName)，任期 \(term)）",
                           header: ["项目", "数值"], widths: [26, 44], rows: rows, marks: marks)
    }

    func nearestText() -> String? {
        report.nearest.map { nearest in
            nearest.existsFromPool
                ? "现有督学可达到，需调整 \(nearest.changes) 所学校"
                : "需补充 \(nearest.recruits) 名督学并调整 \(nearest.changes) 所学校"
        }
    }

    // MARK: Cover

    /// 备案表: what is filed, the verdict, the figures, the digest, the lines to fill and the seal block.
    func cover(verdict: FilingVerdict, digest: String) -> FilingCover {
        let f = report.figures
        var facts: [(label: String, value: String)] = [
            ("区县", districtName),
            ("任期", term + (policy.asOf.map { "（\($0) 起调整）" } ?? "")),
            ("执行政策", Self.policyLabel(policy)),
            ("合规结论", verdict.text),
            ("学校", "共 \(f.schools) 所，已配备责任督学 \(f.coveredSchools) 所；大规模学校 \(f.largeSchools) 所"),
            ("督学配备", "应配 \(f.requiredHeadcount) 人，聘任 \(f.appointees) 人（专职 \(f.appointedFullTime)、兼职 \(f.appointedPartTime)、待补充 \(f.vacanciesFullTime + f.vacanciesPartTime)）"),
        ]
        if let nearest = nearestText() { facts.append(("最近的合规名册", nearest)) }
        facts.append(("材料", "备案表、" + FilingPackage.tableNames.map { $0 == "挂牌督导学校一览" ? $0 + "（公示）" : $0 }.joined(separator: "、")))
        facts.append(("内部表", FilingPackage.internalNames.joined(separator: "、") + "（内部资料，不公开：供上级复核和下一年度调整）"))
        facts.append(("数据校验码", digest))
        facts.append(("校验方法", "内部表各行的 FNV-1a 64 位校验码（十六进制）；内部表改动后与此不再相符"))
        return FilingCover(
            title: "\(districtName)责任督学（挂牌督学）名册备案表",
            notice: "报上级备案材料，含个人信息，不整体公开；公示只用“挂牌督导学校一览（公示）”（单独打印或另存为单独文件）。",
            facts: facts,
            filer: [("填报单位", ""), ("填报日期", "　　　　年　　月　　日"), ("联系人", ""), ("联系电话", "")],
            seal: [("负责人（签字）", ""), ("填报单位（盖章）", ""), ("日期", "　　　　年　　月　　日")])
    }

    // MARK: Internal sheets

    /// 内部-学校: every school of the district, with the facts the rules read.
    func schoolSheet() -> FilingInternalSheet {
        FilingInternalSheet(
            name: FilingPackage.internalNames[0], purpose: "学校名单：供上级复核、下一年度调整读取",
            header: ["学校代码", "学校名称", "学段", "在校生数", "责任区", "大规模学校"],
            rows: district.schools.map { s in
                [s.id.rawValue, s.name, s.stage?.chineseName ?? "", String(s.enrollment), s.zone.rawValue,
                 s.largeDesignation.map { $0 ? "是" : "否" } ?? ""]
            })
    }

    /// 内部-督学: the appointed inspectors' facts, as inspectors.csv names them (no coordinates), then the
    /// office's own columns (工作单位, 性别, 职称, 聘任文号 …) as the pool file wrote them. Under
    /// `full_time_share_basis = pool` the pool's full-time inspectors who hold no school follow: R4 counts
    /// them, so a re-check (`duxue review`) needs them.
    func inspectorSheet() -> FilingInternalSheet {
        let appointed = context.appointedInspectors
        let ids = Set(appointed.map(\.id))
        let idle = policy.fullTimeShareBasis == .pool
            ? district.inspectors.filter { $0.employment == .fullTime && !ids.contains($0.id) } : []
        let listed = appointed + idle
        let office = OfficeColumn.names(of: listed)
        return FilingInternalSheet(
            name: FilingPackage.internalNames[1],
            purpose: "聘任督学的基本情况（含回避、退休等个人信息）：供上级复核" + (idle.isEmpty ? "" : "；专职占比按督学库计算，另列未负责学校的专职督学"),
            header: ["督学编号", "姓名", "专兼职", "在职状态", "退休日期", "已连任届数", "责任区", "回避学校", "最多负责学校数",
                     "胜任学段", "联系电话", "培训学时", "考核结果", "级别", "聘任日期"] + office,
            rows: listed.map { p in
                [p.id.rawValue, p.name, p.employment.chineseName, p.status.retiredOn == nil ? "在职" : "退休",
                 p.status.retiredOn?.description ?? "", String(p.consecutiveTerms), p.zone.rawValue,
                 p.conflicts.sorted().map(\.rawValue).joined(separator: ";"), p.maxSchools.map(String.init) ?? "",
                 p.stages.sorted().map(\.chineseName).joined(separator: ";"), p.phone ?? "",
                 p.trainingHours.map(Self.number) ?? "", p.assessment?.chineseName ?? "", p.level?.chineseName ?? "",
                 p.appointedOn?.description ?? ""] + office.map(p.carriedValue)
            })
    }

    /// 内部-配对: the roster as checked, line by line (a roster Duxue reads back as the previous one), with
    /// the term it belongs to and, when the roster records them, 本校连续届数 (blank on vacancy lines).
    func pairSheet() -> FilingInternalSheet {
        let tenure = !pairTerms.isEmpty
        return FilingInternalSheet(
            name: FilingPackage.internalNames[2], purpose: "名册（学校—督学配对），按所检查的名册逐行照录",
            header: ["学校代码", "督学编号", "专兼职", "督学责任区", "任期开始日期"] + (tenure ? ["本校连续届数"] : []),
            rows: roster.assignments.map { a in
                let terms = a.assignee.inspectorID == nil ? "" : pairTerms[a.school].map(String.init) ?? ""
                return [a.school.rawValue, a.assignee.rosterID, context.employment(of: a.assignee)?.chineseName ?? "",
                        context.zone(of: a.assignee)?.rawValue ?? "", policy.termStart.description] + (tenure ? [terms] : [])
            })
    }

    /// 内部-政策: the layout version, every policy key and its value, the as-of date and strict mode.
    func policySheet() -> FilingInternalSheet {
        var rows = [["format", "备案材料格式", FilingPackage.format]]
        for key in PolicyKey.all {
            let value = key.name == "name" ? Self.policyLabel(policy) : key.display(policy)
            rows.append([key.name, key.chineseName, value])
        }
        rows.append(["as_of", "调整生效日期（任期中检查时）", policy.asOf?.description ?? ""])
        rows.append(["strict", "严格模式（提示计为违规）", report.strict ? "true" : "false"])
        return FilingInternalSheet(name: FilingPackage.internalNames[3], purpose: "所用政策：每个键及其取值",
                                   header: ["键", "名称", "取值"], rows: rows)
    }

    /// A number without a trailing ".0".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: Chart

    func histogram() -> [(schools: Int, inspectors: Int)] {
        let counts = Dictionary(grouping: context.holdings.values.map(\.count), by: { $0 }).mapValues(\.count)
        let top = max(policy.schoolsPerInspector, counts.keys.max() ?? 0)
        return top == 0 ? [] : (1...top).map { ($0, counts[$0, default: 0]) }
    }
}
