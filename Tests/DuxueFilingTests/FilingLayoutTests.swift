import DuxueDomain
@testable import DuxueFiling
import DuxueReport
import Foundation
import Testing

/// The layout of the filing package (docs/filing.md), written through `FilingWriter` and read back by
/// openpyxl: verdict first, ids beside names, personal data kept off the 公示 sheet, internal sheets
/// with a digest, no file path, offending rows marked, the term being served, R8 never 不适用 when the
/// roster crosses zones, and a summary that prints whole with the seal block.
@Suite("Filing layout")
struct FilingLayoutTests {
    /// 样例区: nine schools in 东区 (E1 large), one in 西区. 王芳 (I1, full-time, 1 term done) holds E1;
    /// 李强 (I2, part-time, 2 terms done: his last, R12) holds E2–E8, seven schools (R2), E3 among them
    /// though he must recuse from it (R7); 赵敏 (I3, 西区, retired 2025-06-30: R11) holds W1 and E9 (one
    /// crossing, allowed by zones = prefer). The policy and roster are named by paths, as the CLI gives them.
    static func broken() -> (CheckReport, District, Roster, Policy) {
        let east = Zone("东区")!, west = Zone("西区")!
        var schools = [School(id: School.ID("E1")!, name: "东区一中", enrollment: 2400, zone: east, stage: .senior)]
        for n in 2...9 { schools.append(School(id: School.ID("E\(n)")!, name: "东区第\(n)小学", enrollment: 300 + n, zone: east, stage: .primary)) }
        schools.append(School(id: School.ID("W1")!, name: "西区小学", enrollment: 200, zone: west, stage: .primary))
        let inspectors = [
            Inspector(id: Inspector.ID("I1")!, name: "王芳", employment: .fullTime, consecutiveTerms: 1, zone: east, phone: "0791-0001"),
            Inspector(id: Inspector.ID("I2")!, name: "李强", employment: .partTime, consecutiveTerms: 2, zone: east,
                      conflicts: [School.ID("E3")!], phone: "0791-0002"),
            Inspector(id: Inspector.ID("I3")!, name: "赵敏", employment: .partTime, status: .retired(on: Day(iso: "2025-06-30")!),
                      zone: west, phone: "0791-0003"),
        ]
        let district = District(name: "样例区", schools: schools, inspectors: inspectors)
        var policy = Policy(termStart: Day(iso: "2027-09-01")!)
        policy.name = "/srv/duxue/样例区/policy.toml"
        var lines = [Assignment(school: School.ID("E1")!, assignee: .inspector(Inspector.ID("I1")!))]
        for n in 2...8 { lines.append(Assignment(school: School.ID("E\(n)")!, assignee: .inspector(Inspector.ID("I2")!))) }
        lines.append(Assignment(school: School.ID("W1")!, assignee: .inspector(Inspector.ID("I3")!)))
        lines.append(Assignment(school: School.ID("E9")!, assignee: .inspector(Inspector.ID("I3")!)))
        let roster = Roster(assignments: lines)
        let report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "/srv/duxue/样例区/roster.csv",
                                 strict: false, nearest: nil, language: .zh)
        return (report, district, roster, policy)
    }

    /// A scratch folder removed at the end of the test.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("filing-layout-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// Writes the workbook (and the page) of a report through the public writer.
    static func write(_ report: CheckReport, _ district: District, _ roster: Roster, _ policy: Policy,
                      to scratch: Scratch, name: String = "f") throws -> (xlsx: String, html: String) {
        let xlsx = scratch.path("\(name).xlsx"), html = scratch.path("\(name).html")
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .xlsx, to: xlsx, overwrite: false)
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .html, to: html, overwrite: false)
        return (xlsx, try String(contentsOfFile: html, encoding: .utf8))
    }

    /// The workbook as read by scripts/read_xlsx.py --styles --digests: cells as text.
    struct Book {
        var sheets: [String]
        var cells: [String: [[String]]]
        var bold: [String: Set<[Int]>]
        var digests: [String: (stored: String, computed: String)]
        var package: String

        /// The 0-based index of the first row containing `name` as a cell, and that row.
        func header(_ sheet: String, containing name: String) -> (index: Int, row: [String])? {
            guard let rows = cells[sheet], let index = rows.firstIndex(where: { $0.contains(name) }) else { return nil }
            return (index, rows[index])
        }

        /// The row of `sheet` whose first cell is `key`.
        func row(_ sheet: String, _ key: String) -> [String]? { cells[sheet]?.first { $0.first == key } }
    }

    static func read(_ path: String) throws -> Book {
        let script = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../scripts/read_xlsx.py").standardized.path
        let result = try python([script, "--styles", "--digests", path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let raw = try #require(json["cells"] as? [String: [[Any]]])
        func text(_ value: Any) -> String {
            if let number = value as? NSNumber, !(value is String) {
                let double = number.doubleValue
                return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)
            }
            return "\(value)"
        }
        let bold = (json["bold"] as? [String: [[Int]]] ?? [:]).mapValues { Set($0) }
        var digests: [String: (String, String)] = [:]
        for (sheet, value) in json["digests"] as? [String: [String: String]] ?? [:] {
            digests[sheet] = (value["stored"] ?? "", value["computed"] ?? "")
        }
        return Book(sheets: json["sheets"] as? [String] ?? [], cells: raw.mapValues { $0.map { $0.map(text) } },
                    bold: bold, digests: digests, package: json["package"] as? String ?? "")
    }

    /// The page's first table row whose first cell is `key`, from `<tr` to `</tr>`.
    static func pageRow(_ html: String, _ key: String) -> String? {
        for line in html.split(separator: "\n") where line.hasPrefix("<tr") {
            guard let first = line.range(of: "<td")?.upperBound, let end = line.range(of: "</td>") else { continue }
            let cell = line[first..<end.lowerBound]
            if cell.hasSuffix(">" + key) { return String(line) }
        }
        return nil
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func verdictComesFirst() throws {
        let (report, district, roster, policy) = Self.broken()
        #expect(report.errors == 2 && !report.compliant)
        let scratch = try Scratch()
        let (xlsx, html) = try Self.write(report, district, roster, policy, to: scratch)
        let book = try Self.read(xlsx)
        let first = try #require(book.sheets.first.flatMap { book.cells[$0] })
        let verdict = "不合规（错误 \(report.errors) 条，提示 \(report.warnings) 条）"
        #expect(first.prefix(3).contains { $0.contains { $0.contains(verdict) } }, "the verdict is in the first rows of the first sheet")
        // On the page, before the first table.
        let table = try #require(html.range(of: "<table"))
        let said = try #require(html.range(of: verdict))
        #expect(said.lowerBound < table.lowerBound)
        // 不符合 is bold in the workbook, red on the page.
        let rules = try #require(book.cells["合规情况"])
        let r2 = try #require(rules.firstIndex { $0.first == "R2" })
        #expect(rules[r2][3] == "不符合")
        #expect(book.bold["合规情况"]?.contains([r2, 3]) == true)
        #expect(Self.pageRow(html, "R2")?.hasPrefix("<tr class=\"err\">") == true)
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func everyListCarriesTheIDs() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let book = try Self.read(Self.write(report, district, roster, policy, to: scratch).xlsx)
        var listing = 0
        for sheet in book.sheets {
            // The header: the first row naming a school or a person.
            let names = ["学校名称", "负责学校", "姓名", "责任督学", "督学姓名"]
            guard let (_, header) = names.lazy.compactMap({ book.header(sheet, containing: $0) }).first else { continue }
            listing += 1
            if header.contains(where: { $0 == "学校名称" || $0 == "负责学校" }) {
                #expect(header.contains { $0.contains("学校代码") }, "\(sheet) names schools without 学校代码: \(header)")
            }
            if header.contains(where: { $0 == "姓名" || $0 == "责任督学" || $0 == "督学姓名" }) {
                #expect(header.contains("督学编号"), "\(sheet) names inspectors without 督学编号: \(header)")
            }
        }
        #expect(listing >= 5)  // 名册, 公示, 问题清单, 内部-学校, 内部-督学
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func personalDataStaysOffThePublishedSheet() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let book = try Self.read(Self.write(report, district, roster, policy, to: scratch).xlsx)
        let placard = try #require(book.cells["挂牌督导学校一览"])
        let header = try #require(book.header("挂牌督导学校一览", containing: "学校代码")?.row)
        for word in ["回避", "退休", "考核", "培训", "工作单位", "聘任日期"] {
            #expect(!header.contains { $0.contains(word) }, "公示 has a \(word) column")
        }
        let text = placard.flatMap { $0 }
        #expect(!text.contains { $0.contains("2025-06-30") }, "a retirement date on the 公示 sheet")
        // Phones: only placard phones.
        let placardPhones = Set(district.inspectors.compactMap(\.phone))
        let phones = text.filter { $0.range(of: #"^\d{3,4}-\d{3,}"#, options: .regularExpression) != nil }
        #expect(!phones.isEmpty && phones.allSatisfy(placardPhones.contains))
        // The re-check still has them: on the internal inspectors' sheet.
        let inner = try #require(book.row("内部-督学", "I2"))
        let columns = try #require(book.header("内部-督学", containing: "回避学校")?.row)
        #expect(columns.firstIndex(of: "回避学校").map { inner[$0] } == "E3")
        #expect(book.row("内部-督学", "I3").flatMap { row in columns.firstIndex(of: "退休日期").map { row[$0] } } == "2025-06-30")
    }

    /// The office's own columns (工作单位, 职称, 性别 …) reach 内部-督学 as written, never the 公示 sheet.
    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func officeColumnsAreCarriedToTheInternalSheet() throws {
        let (_, plain, roster, policy) = Self.broken()
        var inspectors = plain.inspectors
        inspectors[0].workplace = "区教育局"
        inspectors[0].officeColumns = [OfficeColumn(name: "职称", value: "高级教师"), OfficeColumn(name: "性别", value: "女")]
        inspectors[1].officeColumns = [OfficeColumn(name: "聘任文号", value: "教督〔2027〕3号")]
        let district = District(name: plain.name, schools: plain.schools, inspectors: inspectors)
        let report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "roster.csv",
                                 strict: false, nearest: nil, language: .zh)
        let scratch = try Scratch()
        let book = try Self.read(Self.write(report, district, roster, policy, to: scratch).xlsx)
        let columns = try #require(book.header("内部-督学", containing: "回避学校")?.row)
        #expect(Array(columns.suffix(4)) == ["工作单位", "职称", "性别", "聘任文号"])
        let first = try #require(book.row("内部-督学", "I1"))
        #expect(Array(first.suffix(4)) == ["区教育局", "高级教师", "女", ""])
        #expect(book.row("内部-督学", "I2")?.last == "教督〔2027〕3号")
        let placard = try #require(book.header("挂牌督导学校一览", containing: "学校代码")?.row)
        #expect(!placard.contains { ["工作单位", "职称", "性别", "聘任文号"].contains($0) })
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func internalSheetsCarryMarkerAndDigest() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let first = try Self.write(report, district, roster, policy, to: scratch, name: "a").xlsx
        let book = try Self.read(first)
        let inner = book.sheets.filter { $0.hasPrefix("内部-") }
        #expect(inner == ["内部-学校", "内部-督学", "内部-配对", "内部-政策"])
        #expect(book.sheets.suffix(inner.count) == inner[...], "the sheets people read come first")
        for sheet in inner {
            #expect(book.cells[sheet]?.first?.first == "内部资料，不公开")
            let digest = try #require(book.digests[sheet])
            #expect(digest.stored.count == 16 && digest.stored == digest.computed, "\(sheet): stored \(digest.stored), computed \(digest.computed)")
        }
        // The cover prints the digest of all internal sheets, as computed independently.
        #expect(book.row("备案表", "数据校验码")?[1] == book.package)
        // The policy travels: every key with its value.
        for key in PolicyKey.all where key.name != "name" {
            #expect(book.row("内部-政策", key.name)?[2] == key.display(policy), "\(key.name)")
        }

        // Stable: a second run writes the same digests.
        let again = try Self.read(Self.write(report, district, roster, policy, to: scratch, name: "b").xlsx)
        #expect(again.package == book.package)
        #expect(again.digests.mapValues(\.stored) == book.digests.mapValues(\.stored))

        // An edited internal cell no longer matches its sheet's digest nor the cover's.
        let edit = """
        import openpyxl, sys
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book["内部-督学"]
        for row in sheet.iter_rows(min_row=4):
            if row[0].value == "I2":
                row[5].value = "0"
        book.save(sys.argv[1])
        """
        #expect(try python(["-c", edit, first]).status == 0)
        let edited = try Self.read(first)
        let digest = try #require(edited.digests["内部-督学"])
        #expect(digest.stored == book.digests["内部-督学"]?.stored)
        #expect(digest.computed != digest.stored)
        #expect(edited.package != edited.row("备案表", "数据校验码")?[1])
        #expect(edited.digests["内部-学校"].map { $0.stored == $0.computed } == true)
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func noFilePathAnywhere() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let (xlsx, html) = try Self.write(report, district, roster, policy, to: scratch)
        let book = try Self.read(xlsx)
        let cells = book.cells.values.flatMap { $0.flatMap { $0 } }
        for fragment in ["/srv/", "policy.toml", "roster.csv", scratch.url.path] {
            #expect(!cells.contains { $0.contains(fragment) }, "a cell holds \(fragment)")
            #expect(!html.contains(fragment), "the page holds \(fragment)")
        }
        // The title comes from the district's name.
        #expect(book.cells["备案表"]?.first?.first?.hasPrefix("样例区") == true)
        #expect(html.contains("<h1>样例区"))
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func offendingRowsAreMarked() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let (xlsx, html) = try Self.write(report, district, roster, policy, to: scratch)
        let book = try Self.read(xlsx)
        // 名册: 李强's row names R2, R7 and R12 and is bold; 王芳's names nothing.
        let (rollHeader, header) = try #require(book.header("责任督学名册", containing: "问题"))
        let problem = try #require(header.firstIndex(of: "问题"))
        let roll = try #require(book.cells["责任督学名册"])
        let li = try #require(roll.firstIndex { $0.first == "I2" })
        #expect(li > rollHeader)
        #expect(roll[li][problem] == "R2、R7、R12")
        #expect(book.bold["责任督学名册"]?.contains([li, 0]) == true)
        #expect(book.row("责任督学名册", "I1")?[problem] == "")
        #expect(book.bold["责任督学名册"]?.contains([try #require(roll.firstIndex { $0.first == "I1" }), 0]) == false)
        // 公示: E3 (recusal) and E2 (ratio) are marked with the error rules; E1 is not.
        let placardProblem = try #require(book.header("挂牌督导学校一览", containing: "问题")?.row.firstIndex(of: "问题"))
        #expect(book.row("挂牌督导学校一览", "E3")?[placardProblem] == "R2、R7")
        #expect(book.row("挂牌督导学校一览", "E2")?[placardProblem] == "R2")
        #expect(book.row("挂牌督导学校一览", "E1")?[placardProblem] == "")
        // The page marks the same rows.
        #expect(Self.pageRow(html, "I2")?.hasPrefix("<tr class=\"err\">") == true)
        #expect(Self.pageRow(html, "E3")?.hasPrefix("<tr class=\"err\">") == true)
        #expect(Self.pageRow(html, "E1")?.hasPrefix("<tr>") == true)
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func rollShowsTheTermServed() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let book = try Self.read(Self.write(report, district, roster, policy, to: scratch).xlsx)
        let column = try #require(book.header("责任督学名册", containing: "本届届次")?.row.firstIndex(of: "本届届次"))
        #expect(book.row("责任督学名册", "I2")?[column] == "第 3 届")  // 2 completed + this one: R12's last term
        #expect(book.row("责任督学名册", "I3")?[column] == "第 1 届")
        #expect(book.row("责任督学名册", "I1")?[column] == "第 2 届（专职）")
        #expect(report.findings.contains { $0.rule == .lastTerm && $0.message.contains("第 3 届") })
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func zonesNeverReadNotApplicableWhenTheRosterCrosses() throws {
        let (checked, district, roster, policy) = Self.broken()
        var report = checked
        #expect(report.figures.crossings == 1)
        // However the report states it, a crossing roster's R8 line is informational, with the count.
        let index = try #require(report.rules.firstIndex { $0.id == .zones })
        report.rules[index].status = "not_applied"
        report.rules[index].summary = "不适用：本政策未要求责任区"
        let scratch = try Scratch()
        let (xlsx, html) = try Self.write(report, district, roster, policy, to: scratch)
        let r8 = try #require(Self.read(xlsx).row("合规情况", "R8"))
        #expect(r8[3] == "提示")
        #expect(r8[4].contains("跨责任区 1 处") && r8[4].contains("优先本区"))
        let line = try #require(Self.pageRow(html, "R8"))
        #expect(line.contains(">提示</td>") && !line.contains("不适用"))
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func summaryPrintsWholeAndTheSealComesLast() throws {
        let (report, district, roster, policy) = Self.broken()
        let scratch = try Scratch()
        let (xlsx, html) = try Self.write(report, district, roster, policy, to: scratch)
        let book = try Self.read(xlsx)
        // 汇总: title, header and at most 25 rows: one printed page.
        #expect(try #require(book.cells["汇总"]).count <= 27)
        // The first sheet has the lines to fill and the seal block.
        let cover = try #require(book.cells[book.sheets[0]]).map { $0.first ?? "" }
        for label in ["填报单位", "填报日期", "联系人", "联系电话", "负责人（签字）", "填报单位（盖章）"] {
            #expect(cover.contains(label), "the first sheet lacks \(label)")
        }
        // The page: the filer lines on the cover, the seal block after the last table, kept with it.
        for label in ["填报单位", "填报日期", "联系人", "联系电话"] { #expect(html.contains("<th>\(label)</th>")) }
        let seal = try #require(html.range(of: "<div class=\"seal\">"))
        let lastTable = try #require(html.range(of: "<table", options: .backwards, range: html.startIndex..<seal.lowerBound))
        let keep = try #require(html.range(of: "<div class=\"keep\">", options: .backwards))
        #expect(keep.lowerBound < lastTable.lowerBound)
        #expect(html[seal.lowerBound...].contains("盖章"))
        #expect(!html[seal.upperBound...].contains("<table class=\"whole\">") && !html[seal.upperBound...].contains("<section"))
        #expect(html.contains("tbody tr:last-child { break-before: avoid;"))
    }
}

/// The filing page's template parses, and never shows a value unescaped (`{{{x}}}`, `{{&x}}`).
@Suite("Filing page template")
struct FilingTemplateTests {
    @Test func parsesAndEscapesEveryValue() {
        let template = FilingTemplate.page
        #expect(template.isValid)
        for text in [template.text] + Array(template.partials.values) {
            #expect(!text.contains("{{{") && !text.contains("{{&"))
        }
    }
}
