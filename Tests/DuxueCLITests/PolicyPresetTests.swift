import Foundation
import Testing

/// The presets on the sample data, end to end: each answer is traceable to the document of the preset
/// chosen, and a preset replaces the rules but not the district's own term start.
@Suite("Policy presets end to end")
struct PolicyPresetTests {
    private static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).appendingPathComponent("../../../Data/\(name)").standardized.path
    }

    private func plan(_ cli: CLIRunner, _ district: String, _ arguments: [String]) throws -> [String: Any] {
        let result = try cli.run(["plan", district, "--format", "json", "--quiet", "--out", "r-\(UUID().uuidString).csv"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func figures(_ json: [String: Any]) -> [String: Any] { json["figures"] as? [String: Any] ?? [:] }

    /// Data/short falls short of full-time inspectors under the combined rules (Hainan's 20%). Only the
    /// Hainan preset has that share; under Tianjin, Chongqing, Zaozhuang and Wusheng no full-time
    /// inspector is recruited.
    @Test(arguments: ["tianjin", "chongqing", "zaozhuang", "wusheng", "national"])
    func noFullTimeRecruitsWithoutAShare(preset: String) throws {
        let cli = try CLIRunner()
        let json = try plan(cli, Self.sample("short"), ["--policy", preset])
        #expect(figures(json)["recruits_full_time"] as? Int == 0, "\(preset): \(figures(json))")
        let r4 = (json["rules"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "R4" }
        #expect(r4?["status"] as? String == "not_applied")
    }

    @Test func hainanRecruitsFullTime() throws {
        let cli = try CLIRunner()
        let json = try plan(cli, Self.sample("short"), ["--policy", "hainan"])
        #expect((figures(json)["recruits_full_time"] as? Int ?? 0) > 0, "\(figures(json))")
        let r4 = (json["rules"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "R4" }
        let source = r4?["source"] as? String ?? ""
        #expect(source.contains("琼办发〔2021〕13号"))
    }

    /// Under Tianjin 1:1 is allowed, not required: some large school shares its inspector; under
    /// Hainan none does.
    @Test func tianjinLetsALargeSchoolShare() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", Self.sample("short"), "--policy", "tianjin", "--quiet", "--out", "t.csv", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try cli.run(["check", Self.sample("short"), "--roster", "t.csv", "--policy", "hainan", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let r3 = (json["rules"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "R3" }
        #expect(r3?["status"] as? String == "violated", "a Tianjin roster shares some large school's inspector")
        let tianjin = try cli.run(["check", Self.sample("short"), "--roster", "t.csv", "--policy", "tianjin", "--format", "json"])
        let tj = try #require(try JSONSerialization.jsonObject(with: Data(tianjin.stdout.utf8)) as? [String: Any])
        let tr3 = (tj["rules"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "R3" }
        #expect(tr3?["status"] as? String == "not_applied")
        #expect((tr3?["summary"] as? String ?? "").contains("最高可按1∶1") || (tr3?["summary"] as? String ?? "").contains("1∶1"))
    }

    /// `--policy NAME` keeps the district's term start (2027-09-01 in Data/short/policy.toml).
    @Test func presetKeepsTheDistrictsTermStart() throws {
        let cli = try CLIRunner()
        let json = try plan(cli, Self.sample("short"), ["--policy", "tianjin"])
        let policy = json["policy"] as? [String: Any] ?? [:]
        #expect(policy["term_start"] as? String == "2027-09-01", "\(policy)")
    }

    /// docs/policies.md and Data/policies/*.toml are exactly what `duxue policy` prints.
    @Test func docsAndPresetFilesMatchTheTable() throws {
        let cli = try CLIRunner()
        let root = URL(fileURLWithPath: #filePath).appendingPathComponent("../../..").standardized
        let docs = try cli.run(["policy", "docs"])
        #expect(docs.status == 0)
        let written = try String(contentsOf: root.appendingPathComponent("docs/policies.md"), encoding: .utf8)
        #expect(docs.stdout == written, "re-record with: swift run duxue policy docs > docs/policies.md")
        for name in ["national", "zaozhuang", "tianjin", "chongqing", "wusheng", "hainan", "combined"] {
            let shown = try cli.run(["policy", "show", name, "--format", "toml"])
            let file = try String(contentsOf: root.appendingPathComponent("Data/policies/\(name).toml"), encoding: .utf8)
            #expect(shown.stdout == file, "re-record with: swift run duxue policy show \(name) --format toml > Data/policies/\(name).toml")
        }
    }

    /// `duxue policy show` prints every rule with its clause; a district file that names no preset
    /// starts from national.
    @Test func policyShow() throws {
        let cli = try CLIRunner()
        let shown = try cli.run(["policy", "show", "tianjin", "--lang", "zh"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("第十四条"))
        #expect(shown.stdout.contains("第十七条"))
        #expect(shown.stdout.contains("不适用"))
        let bad = try cli.run(["policy", "show", "tianjn"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("tianjin"))
    }
}
