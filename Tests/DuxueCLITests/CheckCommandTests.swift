import Foundation
import Testing

/// End-to-end runs of `duxue check`: the hand-broken case (one defect per rule, golden files in both
/// languages), exit codes, the rosters `duxue plan` writes, and the filing package read back by an
/// independent reader (openpyxl).
@Suite("duxue check end to end")
struct CheckCommandTests {
    static let broken = CLIRunner.casePath("broken")
    static let brokenRoster = CLIRunner.casePath("broken") + "/roster.csv"

    /// Cases/broken/roster.csv breaks each rule once: R1 (D08 uncovered, D09 twice, unknown school
    /// S-999, unknown inspector I-404), R2 (OVR holds 8), R3 (BIG holds large L1 and D07), R4 (8 of 41
    /// full-time = 19.5%), R5 (RET retired 2020), R6 (TL at 3 terms), R7 (REC on D05), R8 (XZ of 小区 on
    /// D06), R9 (STG, primary only, on kindergarten X5), R10 (大区 has 46 schools), R11 (WIN's window
    /// ends 2028-03-01), R12 (LAST in the third term), R13 (TRN 12 hours), R14 (19.5% shows as 20%),
    /// R15 (VACANCY-1). Golden: re-record on purpose only with DUXUE_RECORD=1.
    @Test(arguments: [("check-broken-en.txt", "en"), ("check-broken-zh.txt", "zh")])
    func brokenRosterGolden(file: String, lang: String) throws {
        let cli = try CLIRunner()
        let result = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--lang", lang])
        #expect(result.status == 1, "\(result.stderr)")
        try CLIGolden.compare(result.stdout, file: file)
    }

    @Test func brokenRosterJSONNamesRuleSourceSubjectAndFix() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--lang", "en", "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "duxue.check/1")
        #expect(json["compliant"] as? Bool == false)
        #expect(json["errors"] as? Int == 11)
        #expect(json["warnings"] as? Int == 7)
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == (1...17).map { "R\($0)" })
        // Every rule has at least one finding, each with a source, a subject and a fix.
        var counts: [String: Int] = [:]
        for rule in rules {
            let findings = try #require(rule["findings"] as? [[String: Any]])
            counts[rule["id"] as? String ?? ""] = findings.count
            for finding in findings {
                #expect(!(finding["source"] as? String ?? "").isEmpty)
                #expect(!(finding["fix"] as? String ?? "").isEmpty)
                let subjects = (finding["schools"] as? [String] ?? []) + (finding["inspectors"] as? [String] ?? [])
                #expect(!subjects.isEmpty || ["R4", "R10", "R14"].contains(finding["rule"] as? String ?? ""))
            }
        }
        #expect(counts == ["R1": 4, "R2": 1, "R3": 1, "R4": 1, "R5": 1, "R6": 1, "R7": 1, "R8": 1, "R9": 1,
                           "R10": 1, "R11": 1, "R12": 1, "R13": 1, "R14": 1, "R15": 1, "R16": 0, "R17": 0])
        // Each rule cites the clause that imposes it under the policy in use (the combined preset here).
        let source = rules.first { $0["id"] as? String == "R4" }?["source"] as? String
        #expect(source == "海南省 琼办发〔2021〕13号 §16")
        #expect(rules.first { $0["id"] as? String == "R6" }?["source"] as? String == "国务院《教育督导条例》 第六条")
        #expect(rules.first { $0["id"] as? String == "R17" }?["status"] as? String == "not_applied")
        let nearest = try #require(json["nearest"] as? [String: Any])
        #expect(nearest["exists_from_pool"] as? Bool == true)
        #expect((nearest["changes"] as? Int ?? 0) > 0)
    }

    /// `duxue plan` writes rosters that `duxue check` passes (exit 0; warnings such as posts to fill allowed).
    @Test(arguments: ["county", "urban", "short"])
    func plannedRostersPass(sample: String) throws {
        let cli = try CLIRunner()
        let district = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../Data/\(sample)").standardized.path
        let plan = try cli.run(["plan", district, "--out", "r.csv", "--quiet", "--lang", "en"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let check = try cli.run(["check", district, "--roster", "r.csv", "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(check.stdout.contains("Verdict: compliant (0 errors"))
    }

    @Test func strictCountsWarningsAndVacanciesAreWarnings() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["plan", CLIRunner.casePath("short"), "--out", "r.csv", "--quiet"]).status == 0)
        let plain = try cli.run(["check", CLIRunner.casePath("short"), "--roster", "r.csv", "--lang", "en"])
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(plain.stdout.contains("R15 posts to fill (warning): 1 posts to fill (1 full-time, 0 part-time)"))
        let strict = try cli.run(["check", CLIRunner.casePath("short"), "--roster", "r.csv", "--lang", "en", "--strict"])
        #expect(strict.status == 1)
    }

    @Test func unreadableInputExitsTwo() throws {
        let cli = try CLIRunner()
        let missing = try cli.run(["check", Self.broken, "--roster", "nope.csv", "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.csv"))
        try "school_id,holder\nD01,F1\n".write(to: cli.scratch.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let noColumn = try cli.run(["check", Self.broken, "--roster", "bad.csv", "--lang", "en"])
        #expect(noColumn.status == 2)
        #expect(noColumn.stderr.contains("inspector_id"))
        let badDate = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--as-of", "soon"])
        #expect(badDate.status == 2)
        let badFiling = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--filing", "out.pdf"])
        #expect(badFiling.status == 2)
        try "keep me".write(to: cli.scratch.appendingPathComponent("f.html"), atomically: true, encoding: .utf8)
        let exists = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--filing", "f.html", "--lang", "en"])
        #expect(exists.status == 2)
        #expect(exists.stderr.contains("f.html exists: add --force"))
        #expect(try cli.read("f.html") == "keep me")
    }

    /// --as-of moves the term: from 2031-09-01 WIN (retired 2025-03-01) is over 3 years out, so R5 names
    /// RET and WIN, and WIN's R11 warning (window ending within the term) turns into that error.
    @Test func asOfSetsTheTermStart() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--as-of", "2031-09-01", "--format", "json", "--lang", "en"])
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        let r5 = try #require(rules.first { $0["id"] as? String == "R5" }?["findings"] as? [[String: Any]])
        #expect(r5.map { $0["inspectors"] as? [String] } == [["RET"], ["WIN"]])
        #expect((rules.first { $0["id"] as? String == "R11" }?["findings"] as? [Any])?.isEmpty == true)
        let both = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--as-of", "2031-09-01", "--term-start", "2031-09-01"])
        #expect(both.status == 2)
    }

    /// The filing workbook read back by openpyxl: the cover, the sheets people read, then the internal
    /// ones (docs/filing.md), with the right values.
    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func filingWorkbookReadsBack() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["check", Self.broken, "--roster", Self.brokenRoster, "--lang", "en",
                                  "--filing", "f.xlsx", "--filing", "f.html"])
        #expect(result.status == 1, "\(result.stderr)")
        let book = try Python.readWorkbook(cli.scratch.appendingPathComponent("f.xlsx").path)
        #expect(book.sheets == ["备案表", "责任督学名册", "挂牌督导学校一览", "合规情况", "问题清单", "汇总",
                                "内部-学校", "内部-督学", "内部-配对", "内部-政策"])

        let roll = try #require(book.cells["责任督学名册"])
        #expect(roll[1] == ["督学编号", "姓名", "专兼职", "在职/退休", "退休日期", "本届届次", "责任区", "负责学校数", "负责学校",
                            "负责学校代码", "联系电话", "问题"])
        #expect(roll.count == 2 + 41 + 2)  // title, header, 41 appointees (I-404 and VACANCY-1 included), blank, note
        let ovr = try #require(roll.first { $0.first == "OVR" })
        #expect(ovr[1] == "超额督学")
        #expect(ovr[2] == "兼职")
        #expect(ovr[7] == "8")
        let ret = try #require(roll.first { $0.first == "RET" })
        #expect(ret[3] == "退休")
        #expect(ret[4] == "2020-01-15")
        let big = try #require(roll.first { $0.first == "BIG" })
        #expect(big[8] == "大区第一中学、大区第7小学")

        let placard = try #require(book.cells["挂牌督导学校一览"])
        #expect(placard.count == 2 + 51 + 3)  // title, header, 51 schools, blank, 公示期, seal
        #expect(placard.first { $0.first == "X5" } == ["X5", "小区幼儿园", "幼儿园", "150", "小区", "小学督学", "STG", "0791-0039", ""])
        #expect(placard.first { $0.first == "D08" }?[5] == "（未配备）")
        #expect(placard.first { $0.first == "X1" }?[5] == "待补充（VACANCY-1）")

        let compliance = try #require(book.cells["合规情况"])
        #expect(compliance[0].first == "合规情况：不合规（错误 11 条，提示 7 条）")
        let r4 = try #require(compliance.first { $0.first == "R4" })
        #expect(r4[2] == "海南省 琼办发〔2021〕13号 §16")
        #expect(r4[3] == "不符合")
        #expect(r4[4] == "专职 8/41 = 19.5%，要求不低于 20.0%")
        #expect(compliance.first { $0.first == "R9" }?[3] == "提示")
        let problems = try #require(book.cells["问题清单"])
        #expect(problems[0].first == "发现的问题（18 条）")
        let recusal = try #require(problems.first { $0.first == "R7" && $0[1] == "错误" })
        #expect(recusal[2] == "D05")
        #expect(recusal[4] == "REC")
        #expect(recusal[7].hasPrefix("将学校 大区第5小学（D05） 交给负责学校少于 5 所的督学"))

        let totals = try #require(book.cells["汇总"])
        func total(_ key: String) -> String? { totals.first { $0.first == key }?[1] }
        #expect(total("学校总数") == "51")
        #expect(total("应配责任督学人数") == "11")
        #expect(total("聘任责任督学人数") == "41")
        #expect(total("其中专职（在编）") == "8")
        #expect(total("待补充兼职") == "1")
        #expect(total("专职比例").flatMap(Double.init).map { abs($0 - 8.0 / 41.0) < 1e-9 } == true)
        #expect(total("合规结论") == "不合规")

        let html = try cli.read("f.html")
        #expect(html.contains("<thead>"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr { break-inside: avoid;"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<svg"))
        #expect(html.contains("超额督学"))
    }
}

/// Golden files of the CLI tests (Tests/DuxueCLITests/Golden), re-recorded with DUXUE_RECORD=1 only.
enum CLIGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func compare(_ text: String, file: String) throws {
        let url = folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["DUXUE_RECORD"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(file) differs; re-record with DUXUE_RECORD=1 only if the change is intended")
    }
}

/// python3 with openpyxl, the independent reader of the workbooks.
enum Python {
    static let reader = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../scripts/read_xlsx.py").standardized.path

    static let hasOpenpyxl: Bool = (try? run(["-c", "import openpyxl"]).status) == 0

    /// Sheets and cells as strings (numbers written without a trailing .0 when whole).
    struct Workbook {
        var sheets: [String]
        var cells: [String: [[String]]]
    }

    static func readWorkbook(_ path: String) throws -> Workbook {
        let result = try run([reader, path])
        guard result.status == 0,
            let json = try JSONSerialization.jsonObject(with: result.output) as? [String: Any],
            let sheets = json["sheets"] as? [String], let cells = json["cells"] as? [String: [[Any]]]
        else { throw CocoaError(.fileReadCorruptFile) }
        return Workbook(sheets: sheets, cells: cells.mapValues { rows in
            rows.map { row in
                row.map { value in
                    if let number = value as? NSNumber, !(value is String) {
                        let double = number.doubleValue
                        return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)
                    }
                    return "\(value)"
                }
            }
        })
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
