import Foundation
import Testing

/// What a planner reads must agree with itself (issue: reports a planner can trust at a glance): the
/// levels and the roster, the headcount and its derivation, scenarios and the baseline, a roster and the pool.
@Suite("Reports agree with themselves")
struct ReportAgreementTests {
    private static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).appendingPathComponent("../../../Data/\(name)").standardized.path
    }

    /// Data/short: "P4b fewest schools waiting for recruits" equals the VACANCY rows of the roster, and
    /// the recruits of P1 equal the roster's vacancies (P5 once moved schools to recruits: 23 vs 25).
    @Test func levelsMatchTheRoster() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", Self.sample("short"), "--format", "json", "--quiet", "--out", "r.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let levels = Dictionary(uniqueKeysWithValues: (json["levels"] as? [[String: Any]] ?? []).compactMap { level in
            (level["priority"] as? String).map { ($0, level["value"] as? Double ?? -1) }
        })
        let rows = try cli.read("r.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let vacancyRows = rows.filter { $0.count > 1 && $0[1].hasPrefix("VACANCY-") }
        #expect(Double(vacancyRows.count) == levels["P4b"])
        #expect(Double(Set(vacancyRows.map { $0[1] }).count) == levels["P1a"])
    }

    /// zones = require: the headcount shown is the zone-by-zone minimum, in words, with no ⌈⌉.
    @Test func headcountUnderRequiredZonesIsExplainedInWords() throws {
        let cli = try CLIRunner()
        let folder = try cli.makeFolder("req")
        for file in ["schools.csv", "inspectors.csv"] {
            try FileManager.default.copyItem(atPath: Self.sample("short") + "/" + file, toPath: folder + "/" + file)
        }
        try "preset = \"combined\"\nterm_start = 2027-09-01\nzones = \"require\"\n".write(
            toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
        let text = try cli.run(["plan", folder, "--quiet", "--out", "t.csv", "--lang", "zh"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("⌈"))
        let json = try cli.run(["plan", folder, "--quiet", "--out", "j.csv", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let required = try #require((object["figures"] as? [String: Any])?["required_headcount"] as? Int)
        #expect(text.stdout.contains("至少应配 \(required) 人"))
        #expect(text.stdout.contains("个责任区内分别按每人最多 5 所计"))
    }

    /// Data/county already has 30% full-time: a stricter share that does not bind changes no school.
    @Test func aRuleThatDoesNotBindChangesNothing() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["compare", Self.sample("county"), "--sweep", "min_full_time_share=0.25,0.3", "--format", "csv",
                                  "--lang", "en", "--no-timing"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").contains("changed_schools,schools with a different inspector than baseline,0,0,0"))
    }

    /// A roster row edited by hand (another name, another employment) is warned about; the pool wins.
    @Test func rowsThatContradictThePoolAreWarned() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["plan", Self.sample("short"), "--quiet", "--out", "r.csv"]).status == 0)
        var lines = try cli.read("r.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = fields[2] == "full_time" ? "part_time" : "full_time"
        fields[6] = "改过的名字"
        lines[1] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: cli.scratch.appendingPathComponent("edited.csv"), atomically: true, encoding: .utf8)
        let check = try cli.run(["check", Self.sample("short"), "--roster", "edited.csv", "--lang", "en"])
        #expect(check.stderr.contains("inspector_name of inspector \(fields[1]) reads \"改过的名字\""), "\(check.stderr)")
        #expect(check.stderr.contains("employment of inspector \(fields[1])"))
    }

    /// A district-designated large school below the threshold is said to be designated (含指定).
    @Test func designatedLargeSchoolsAreSaidToBe() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", Self.sample("county"), "--quiet", "--out", "c.csv", "--lang", "zh"])
        #expect(result.stdout.contains("（≥ 2000 人，含区县指定 1 所）"), "\(result.stdout)")
    }
}

/// Fixes found in review, end to end.
@Suite("Review fixes end to end")
struct ReviewFixesTests {
    private static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).appendingPathComponent("../../../Data/\(name)").standardized.path
    }

    /// `--out d/../d/schools.csv --force` names an input through `..`: refused, the input untouched.
    @Test func outputThroughDotDotNeverReplacesAnInput() throws {
        let cli = try CLIRunner()
        let folder = try cli.makeFolder("dl")
        for file in ["schools.csv", "inspectors.csv", "policy.toml"] {
            try FileManager.default.copyItem(atPath: CLIRunner.casePath("tiny") + "/" + file, toPath: folder + "/" + file)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/schools.csv"))
        let result = try cli.run(["plan", "dl", "--out", "dl/../dl/schools.csv", "--force", "--lang", "en", "--quiet"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/schools.csv")) == before)
    }

    /// A sweep that sets the threshold and turns 1:1 off plans without dedicated large schools.
    @Test func sweptRuleOffStaysOff() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["compare", Self.sample("county"), "--policy", "national", "--sweep", "large_school_rule=off",
                                  "--sweep", "large_school_enrollment=1500", "--format", "csv", "--lang", "en", "--no-timing"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains("large_schools,large schools,0,0"), "\(rows)")
    }
}
