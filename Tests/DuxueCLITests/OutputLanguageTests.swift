import Foundation
import Testing

/// Files follow the report language: in Chinese (the default) Chinese headers and values with a BOM so
/// that Excel opens them as Chinese; with --lang en the English contract. Both read back.
@Suite("Output files in the report language")
struct OutputLanguageTests {
    @Test func chineseRosterHasABOMAndChineseHeadersAndReadsBack() throws {
        let cli = try CLIRunner()
        let plan = try cli.run(["plan", CLIRunner.casePath("tiny"), "--quiet", "--out", "zh.csv"], environment: ["LANG": "C", "LC_ALL": ""])
        #expect(plan.status == 0, "\(plan.stderr)")
        let bytes = try Data(contentsOf: cli.scratch.appendingPathComponent("zh.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("学校代码,督学编号,专兼职,学校名称,学段,责任区,督学姓名,督学责任区,联系电话,任期开始日期,本校连续届数\n"))
        #expect(text.contains(",兼职,") && !text.contains("part_time"))
        #expect(plan.stdout.contains("名册已写入"), "Chinese by default in the C locale")
        let check = try cli.run(["check", CLIRunner.casePath("tiny"), "--roster", "zh.csv"], environment: ["LANG": "C"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let english = try cli.run(["plan", CLIRunner.casePath("tiny"), "--quiet", "--out", "en.csv", "--lang", "en"])
        #expect(english.status == 0)
        let en = try cli.read("en.csv")
        #expect(en.hasPrefix("school_id,inspector_id,employment,"))
        #expect(en.contains("part_time"))
    }
}

/// `--out x.xlsx` writes the roster as a workbook that reads back as the same roster.
@Suite("Roster as a workbook")
struct RosterWorkbookOutputTests {
    @Test func planAndRenewWriteWorkbooks() throws {
        let cli = try CLIRunner()
        let plan = try cli.run(["plan", CLIRunner.casePath("tiny"), "--quiet", "--out", "r.xlsx", "--lang", "zh"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let bytes = try Data(contentsOf: cli.scratch.appendingPathComponent("r.xlsx"))
        #expect(Array(bytes.prefix(2)) == [0x50, 0x4B], "a zip (xlsx) file")
        let check = try cli.run(["check", CLIRunner.casePath("tiny"), "--roster", "r.xlsx", "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let renew = try cli.run(["renew", CLIRunner.casePath("tiny"), "--previous", "r.xlsx", "--as-of", "2028-09-01",
                                 "--out", "n.xlsx", "--lang", "en"])
        #expect(renew.status == 0, "\(renew.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("n-changes.csv").path))
        #expect(renew.stdout.contains("Kept 6 schools"))
    }
}
