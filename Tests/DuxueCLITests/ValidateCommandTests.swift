import Foundation
import Testing

/// End-to-end runs of `duxue validate` (read and check only; exit 0 valid, 2 bad input).
@Suite("duxue validate end to end")
struct ValidateCommandTests {
    @Test func validDistrictPrintsTheSummaryAndExitsZero() throws {
        let result = try CLIRunner().run(["validate", CLIRunner.casePath("tiny"), "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("input is valid: "))
        #expect(result.stdout.contains("6 schools"))
    }

    @Test func badInputListsEveryProblemOnStderrAndExitsTwo() throws {
        let result = try CLIRunner().run(["validate", CLIRunner.casePath("bad-input"), "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 2)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("错误：") || $0.hasPrefix("警告：") })
        #expect(lines.last?.hasPrefix("输入有误：") == true)
    }

    @Test func jsonNamesFileLineColumnAndFix() throws {
        let result = try CLIRunner().run(["validate", CLIRunner.casePath("bad-input"), "--format", "json", "--lang", "en"])
        #expect(result.status == 2)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["valid"] as? Bool == false)
        let problems = document?["problems"] as? [[String: Any]] ?? []
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0["file"] is String && $0["message"] is String && $0["fix"] is String })
        #expect(problems.contains { $0["line"] is Int && $0["column"] is Int })
    }

    @Test func rosterNamingUnknownSchoolsIsRejected() throws {
        let cli = try CLIRunner()
        let roster = cli.scratch.appendingPathComponent("old-roster.csv")
        try "school_id,inspector_id\nS-01,I-01\nS-99,I-01\nS-02,I-77\n".write(to: roster, atomically: true, encoding: .utf8)
        let result = try cli.run(["validate", CLIRunner.casePath("tiny"), "--roster", roster.path, "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("old-roster.csv line 3, column school_id: school \"S-99\" is not in schools.csv"))
        #expect(result.stderr.contains("old-roster.csv line 4, column inspector_id: inspector \"I-77\" is not in inspectors.csv"))
    }
}
