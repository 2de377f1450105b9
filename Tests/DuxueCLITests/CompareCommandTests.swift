import Foundation
import Testing

/// End-to-end runs of `duxue compare` on the tiny case and the scenario files in Cases/compare.
@Suite("duxue compare end to end")
struct CompareCommandTests {
    /// tiny at threshold 800: S-02, S-03 (900) and S-06 (800) are large, so 3 + ⌈3/5⌉ = 4 inspectors are
    /// required against 1 + ⌈5/5⌉ = 2; the three eligible inspectors need one recruit, part-time since
    /// I-01 alone makes 1 of 4 full-time (≥ 20 %). The sweep adds two columns of the file.
    @Test func scenarioFileAndSweepAsCSVAndHTML() throws {
        let cli = try CLIRunner()
        let result = try cli.run([
            "compare", CLIRunner.casePath("tiny"), CLIRunner.casePath("compare/threshold-800.toml"),
            "--sweep", "min_full_time_share=0.2,0.5", "--format", "csv", "--lang", "en", "--no-timing",
            "--jobs", "2", "--html", "c.html",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        // Sweep points are named in words, in the report's language.
        #expect(rows.first == "key,metric,baseline,\"threshold 800, full-time share 20%\",\"threshold 800, full-time share 50%\"")
        let zh = try cli.run(["compare", CLIRunner.casePath("tiny"), "--sweep", "min_full_time_share=0.25", "--format", "csv",
                              "--lang", "zh", "--no-timing"])
        #expect(zh.stdout.split(separator: "\n").first?.hasSuffix("专职占比 25%") == true, "\(zh.stdout)")
        #expect(rows.contains("large_schools,large schools,1,3,3"))
        #expect(rows.contains("required_headcount,required headcount,2,4,4"))
        #expect(rows.contains("recruits_part_time,recruits part-time,0,1,0"))
        #expect(rows.contains("recruits_full_time,recruits full-time,0,0,1"))
        #expect(!rows.contains { $0.hasPrefix("seconds,") })
        let html = try cli.read("c.html")
        #expect(html.contains("<svg"))
        #expect(html.contains("Recruits needed per scenario"))
    }

    @Test func badScenarioFileNamesFileLineAndColumn() throws {
        let cli = try CLIRunner()
        let path = CLIRunner.casePath("compare/bad.toml")
        let result = try cli.run([
            "compare", CLIRunner.casePath("tiny"), path, "nothere.toml", "--sweep", "zone=require", "--lang", "en",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothere.toml: scenario file not found; fix: check the path and the file name"))
        #expect(result.stderr.contains("\(path) line 3, column 19: unknown school \"S-99\" in schools.remove"))
        #expect(result.stderr.contains("sweep: key \"zone\" is not a policy setting; did you mean \"zones\"?"))
        #expect(result.stdout.isEmpty)
    }
}
