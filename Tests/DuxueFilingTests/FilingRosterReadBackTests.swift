import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import Foundation
import Testing

/// The filing workbook read back as a roster (docs/filing.md, "The workbook as next year's roster"):
/// RosterReader picks 内部-配对 and gets the roster checked, its term, its vacancies with their
/// employment and zone, and — when the writer is given them — each pair's 本校连续届数.
@Suite("Filing workbook as a roster")
struct FilingRosterReadBackTests {
    /// 样例区: E1 and E2 held by 王芳 (I1, full-time; E1 for the 3rd term), E3 by 李强 (I2, part-time), E4
    /// by VACANCY-1 (part-time, zone 西区 though E4 is in 东区), then E2 listed a second time (the
    /// filing keeps every line as checked).
    static func filing() -> (CheckReport, District, Roster, Policy) {
        let east = Zone("东区")!, west = Zone("西区")!
        let schools = (1...4).map { School(id: School.ID("E\($0)")!, name: "东区第\($0)小学", enrollment: 300, zone: east, stage: .primary) }
        let inspectors = [
            Inspector(id: Inspector.ID("I1")!, name: "王芳", employment: .fullTime, zone: east, phone: "0791-0001"),
            Inspector(id: Inspector.ID("I2")!, name: "李强", employment: .partTime, consecutiveTerms: 1, zone: east),
        ]
        let district = District(name: "样例区", schools: schools, inspectors: inspectors)
        var policy = Policy(termStart: Day(iso: "2027-09-01")!)
        policy.asOf = Day(iso: "2028-09-01")
        let roster = Roster(assignments: [
            Assignment(school: School.ID("E1")!, assignee: .inspector(Inspector.ID("I1")!)),
            Assignment(school: School.ID("E2")!, assignee: .inspector(Inspector.ID("I1")!)),
            Assignment(school: School.ID("E3")!, assignee: .inspector(Inspector.ID("I2")!)),
            Assignment(school: School.ID("E4")!, assignee: .vacancy(id: "VACANCY-1", zone: west, employment: .partTime)),
            Assignment(school: School.ID("E2")!, assignee: .inspector(Inspector.ID("I2")!)),
        ])
        let report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "r.csv", strict: false,
                                 nearest: nil, language: .zh)
        return (report, district, roster, policy)
    }

    static let pairTerms = [School.ID("E1")!: 3, School.ID("E2")!: 1, School.ID("E3")!: 2]

    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("filing-roster-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    @Test func filingReadsBackAsTheRosterChecked() throws {
        let (report, district, roster, policy) = Self.filing()
        let scratch = try Scratch()
        let path = scratch.path("f.xlsx")
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .xlsx, to: path,
                               overwrite: false, pairTerms: Self.pairTerms)
        let load = try RosterReader.read(path: path)
        #expect(load.sheet == "内部-配对")
        #expect(load.warnings.isEmpty, "\(load.warnings.map { $0.message(in: .en) })")
        #expect(load.roster == roster)
        #expect(load.termStart == policy.termStart, "the term in force, not the mid-term date")
        #expect(load.pairTerms == Self.pairTerms)
        #expect(load.servedAs == [Inspector.ID("I1")!: .fullTime, Inspector.ID("I2")!: .partTime])
        #expect(load.lines == [4, 5, 6, 7, 8])
    }

    @Test func pairTermsColumnOnlyWhenTheRosterRecordsIt() throws {
        let (report, district, roster, policy) = Self.filing()
        let without = FilingPackage(report: report, district: district, roster: roster, policy: policy)
        let with = FilingPackage(report: report, district: district, roster: roster, policy: policy, pairTerms: Self.pairTerms)
        let plain = try #require(without.internalSheets.first { $0.name == "内部-配对" })
        let tenure = try #require(with.internalSheets.first { $0.name == "内部-配对" })
        #expect(plain.header == ["学校代码", "督学编号", "专兼职", "督学责任区", "任期开始日期"])
        #expect(tenure.header == plain.header + ["本校连续届数"])
        #expect(tenure.rows.map { $0.last ?? "-" } == ["3", "1", "2", "", "1"])
        #expect(tenure.rows.map { Array($0.dropLast()) } == plain.rows)
        // Only 内部-配对 differs, and the cover's digest follows it.
        #expect(zip(without.internalSheets, with.internalSheets).filter { $0.digest != $1.digest }.map(\.0.name) == ["内部-配对"])
        #expect(without.digest != with.digest)
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func digestsHoldWithThePairTermsColumn() throws {
        let (report, district, roster, policy) = Self.filing()
        let scratch = try Scratch()
        let path = scratch.path("f.xlsx")
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .xlsx, to: path,
                               overwrite: false, pairTerms: Self.pairTerms)
        let script = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../scripts/read_xlsx.py").standardized.path
        let result = try python([script, "--digests", path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let digests = try #require(json["digests"] as? [String: [String: String]])
        #expect(digests.count == 4)
        for (sheet, pair) in digests { #expect(pair["stored"] == pair["computed"], "\(sheet)") }
        let package = FilingPackage(report: report, district: district, roster: roster, policy: policy, pairTerms: Self.pairTerms)
        #expect(json["package"] as? String == package.digest)
        let cells = try #require((json["cells"] as? [String: [[Any]]])?["内部-配对"])
        #expect(cells[2].map { "\($0)" } == ["学校代码", "督学编号", "专兼职", "督学责任区", "任期开始日期", "本校连续届数"])
        #expect(cells[3][5] as? String == "3")
    }
}
