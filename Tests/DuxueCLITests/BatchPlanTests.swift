import Foundation
import Testing

/// `duxue plan` over several districts: a folder of districts, each planned on its own, one summary.
@Suite("duxue plan over many districts")
struct BatchPlanTests {
    /// A city folder with the tiny district twice (as 甲区 and 乙区) and one whose inspectors file is
    /// missing: the two are planned (the same roster each, as the tiny case's hand-worked answer), the
    /// third is reported with its problem, and the exit code is 2.
    @Test func aFolderOfDistrictsIsPlannedAndSummarised() throws {
        let cli = try CLIRunner()
        let city = try cli.makeFolder("city")
        let tiny = CLIRunner.casePath("tiny")
        for name in ["a", "b", "c"] {
            let folder = city + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in ["schools.csv", "policy.toml"] + (name == "c" ? [] : ["inspectors.csv"]) {
                try FileManager.default.copyItem(atPath: tiny + "/" + file, toPath: folder + "/" + file)
            }
        }
        // A folder without a schools table is not a district and is passed over.
        try FileManager.default.createDirectory(atPath: city + "/notes", withIntermediateDirectories: true)
        let result = try cli.run(["plan", city, "--lang", "en", "--out", "rosters", "--jobs", "2", "--format", "json"])
        #expect(result.status == 2, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "duxue.plan-batch/1")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.map { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["a", "b", "c"])
        #expect(rows.map { $0["status"] as? String } == ["optimal", "optimal", "failed"])
        #expect(rows[0]["schools"] as? Int == 6)
        #expect(rows[0]["recruits"] as? Int == 0)
        #expect(rows[0]["required_headcount"] as? Int == 2)
        #expect(rows[0]["appointed"] as? Int == 3)
        #expect((rows[0]["report"] as? [String: Any])?["schema"] as? String == "duxue.plan/1")
        #expect((rows[2]["failure"] as? String)?.contains("inspectors") == true, "\(rows[2])")
        let a = try cli.read("rosters/a-roster.csv"), b = try cli.read("rosters/b-roster.csv")
        #expect(a == b)
        #expect(a.contains("\nS-02,I-02,"))
        #expect(!FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("rosters/c-roster.csv").path))
    }

    /// Districts named one by one, with a text summary; --pairs belongs to one district and is refused.
    @Test func districtsNamedOneByOne() throws {
        let cli = try CLIRunner()
        let tiny = CLIRunner.casePath("tiny")
        let result = try cli.run(["plan", tiny, tiny, "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("共 2 个区县，编制 2 个"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("tiny-roster.csv").path))
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("tiny-roster-2.csv").path))
        let refused = try cli.run(["plan", tiny, tiny, "--pairs", "p.csv"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--pairs"))
    }
}
