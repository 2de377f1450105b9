import DuxueDomain
import DuxueFiling
import DuxueReport
import DuxueXLSX
import Foundation
import Testing

/// The libxlsxwriter wrapper and the filing renderers, on a two-school district built by hand.
@Suite("Filing package")
struct FilingTests {
    /// Two schools in zone 东区: E1 (2 400 students, large) held by 王芳 (full-time), E2 by VACANCY-1.
    static func package() -> (FilingPackage, CheckReport) {
        let schools = [
            School(id: School.ID("E1")!, name: "东区一中", enrollment: 2400, zone: Zone("东区")!, stage: .senior),
            School(id: School.ID("E2")!, name: "东区<小学>", enrollment: 300, zone: Zone("东区")!, stage: .primary),
        ]
        let inspectors = [Inspector(id: Inspector.ID("I1")!, name: "王芳", employment: .fullTime, zone: Zone("东区")!, phone: "0791-0001")]
        let district = District(name: "样例区", schools: schools, inspectors: inspectors)
        let policy = Policy(termStart: Day(iso: "2027-09-01")!)
        let roster = Roster(assignments: [
            Assignment(school: School.ID("E1")!, assignee: .inspector(Inspector.ID("I1")!)),
            Assignment(school: School.ID("E2")!, assignee: .vacancy(id: "VACANCY-1", zone: Zone("东区")!, employment: .partTime)),
        ])
        let report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "r.csv", strict: false,
                                 nearest: nil, language: .zh)
        return (FilingPackage(report: report, district: district, roster: roster, policy: policy), report)
    }

    @Test func packageContent() {
        let (package, report) = Self.package()
        #expect(report.compliant)
        #expect(package.tables.map(\.name) == FilingPackage.tableNames)
        #expect(package.internalSheets.map(\.name) == FilingPackage.internalNames)
        #expect(FilingPackage.sheetNames == ["备案表"] + FilingPackage.tableNames + FilingPackage.internalNames)
        #expect(package.tables[0].rows.map { $0[0] } == [.text("I1"), .text("VACANCY-1")])
        // Compliant: the 公示 list has no 问题 column.
        #expect(package.tables[1].rows[0] == [.text("E1"), .text("东区一中"), .text("高中"), .number(2400), .text("东区"), .text("王芳"),
                                              .text("I1"), .text("0791-0001")])
        #expect(package.verdict.line == "合规结论：合规（错误 0 条，提示 1 条）")
        #expect(package.histogram.map(\.inspectors) == [2, 0, 0, 0, 0])
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func workbookReadsBack() throws {
        let (package, _) = Self.package()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("filing-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FilingXLSX.write(package, to: path)
        let json = try readBack(path)
        #expect(json["sheets"] as? [String] == FilingPackage.sheetNames)
        #expect(FilingPackage.sheetNames.count == 10)
        let cells = try #require(json["cells"] as? [String: [[Any]]])
        let placard = try #require(cells["挂牌督导学校一览"])
        #expect(placard[2][1] as? String == "东区一中")
        #expect((placard[2][3] as? NSNumber)?.intValue == 2400)
        #expect(placard[3][1] as? String == "东区<小学>")
        #expect(placard[3][5] as? String == "待补充（VACANCY-1）")
        let totals = try #require(cells["汇总"])
        #expect(totals.first { $0.first as? String == "专职比例" }.flatMap { ($0[1] as? NSNumber)?.doubleValue } == 0.5)
    }

    @Test func wrapperErrorsAreSwiftErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Workbook(path: folder.appendingPathComponent("a.xlsx").path)
        let sheet = try book.addSheet("一")
        #expect(throws: XLSXError.self) { try book.addSheet("一") }
        #expect(throws: XLSXError.self) { try book.addSheet("bad[name]") }
        #expect(throws: XLSXError.self) { try book.addSheet(String(repeating: "长", count: 40)) }
        try sheet.write("x", row: 0, column: 0)
        try book.close()
        #expect(throws: XLSXError.closed) { try book.close() }
        #expect(throws: XLSXError.closed) { try sheet.write("y", row: 1, column: 0) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.xlsx").path))

        #expect {
            _ = try Workbook(path: folder.appendingPathComponent("missing/b.xlsx").path)
        } throws: { error in
            guard case .cannotCreate? = error as? XLSXError else { return false }
            return "\(error)".contains("missing/b.xlsx")
        }
    }

    @Test func htmlPrintsOnA4WithRepeatedHeadersAndAChart() {
        let (package, _) = Self.package()
        let html = FilingHTML.render(package)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr { break-inside: avoid;"))
        #expect(html.contains("Noto Sans CJK SC"))
        #expect(html.components(separatedBy: "<thead>").count - 1 == 6)  // 名册, 公示, 合规情况, 问题清单, 汇总 in two halves
        #expect(html.contains("东区&lt;小学&gt;"))
        #expect(!html.contains("东区<小学>"))
        #expect(html.contains("<svg") && html.contains("<rect"))
    }
}

let hasOpenpyxl: Bool = (try? python(["-c", "import openpyxl"]).status) == 0

func readBack(_ path: String) throws -> [String: Any] {
    let script = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../scripts/read_xlsx.py").standardized.path
    let result = try python([script, path])
    #expect(result.status == 0)
    return try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
}

func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
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
