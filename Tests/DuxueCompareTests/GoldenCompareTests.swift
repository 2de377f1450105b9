import DuxueCompare
import DuxueDomain
import DuxueReport
import Foundation
import Testing

/// The comparison report of the small district (baseline, threshold 1500, data edits) in every format,
/// against golden files in Golden/. Re-record on purpose only:
/// `DUXUE_RECORD=1 swift test --filter GoldenCompareTests`, then review the diff.
@Suite("compare: golden reports")
struct GoldenCompareTests {
    static func report(_ language: Language) throws -> CompareReport {
        let district = Fixture.small
        let scenarios = try ["threshold-1500.toml", "edits.toml"].map { name in
            try ScenarioReader.parse(try Fixture.scenarioText(name), file: name, district: district, policy: Fixture.policy)
        }
        let comparison = try Fixture.runner(jobs: 2).run(district: district, policy: Fixture.policy, scenarios: scenarios)
        return CompareReport(comparison: comparison, language: language, showsTiming: false)
    }

    @Test(arguments: [("compare-zh.txt", Language.zh), ("compare-en.txt", Language.en)])
    func terminal(file: String, language: Language) throws {
        try CompareGolden.compare(CompareTable.render(try Self.report(language)), file: file)
    }

    @Test func csv() throws {
        let report = try Self.report(.en)
        let lines = ([CompareTable.csvHeader(report)] + CompareTable.csvRows(report)).map { fields in
            fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        }
        try CompareGolden.compare(lines.joined(separator: "\n") + "\n", file: "compare-en.csv")
    }

    @Test func json() throws {
        try CompareGolden.compare(try CompareJSON.render(try Self.report(.en)), file: "compare-en.json")
    }

    @Test func html() throws {
        let page = CompareHTML.render(try Self.report(.zh))
        #expect(page.components(separatedBy: "<svg").count - 1 == 3)
        try CompareGolden.compare(page, file: "compare-zh.html")
    }
}

enum CompareGolden {
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
