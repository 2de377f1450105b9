import Foundation
import Testing

/// End-to-end runs of `duxue plan` on the case folders in Tests/DuxueCLITests/Cases.
@Suite("duxue plan end to end")
struct PlanCommandTests {
    /// tiny: I-04 (retired 2020-01-15, 7.6 years) and I-05 (part-time, 3 terms) are excluded.
    /// S-02 (2 600 students) needs a dedicated inspector; I-02 must recuse from S-03, so with no
    /// crossings the only lean roster is I-02 → S-02, I-01 → S-01 and S-03, I-03 → 青山's three.
    /// The columns an office keeps (职称, 聘任文号) come out in the roster after the fixed ones, and the
    /// roster reads back with no word about them.
    @Test func officeColumnsReachTheRosterAndReadBack() throws {
        let cli = try CLIRunner()
        let folder = try cli.makeFolder("office")
        let tiny = CLIRunner.casePath("tiny")
        for name in ["schools.csv", "policy.toml"] {
            try FileManager.default.copyItem(atPath: tiny + "/" + name, toPath: folder + "/" + name)
        }
        let pool = try String(contentsOfFile: tiny + "/inspectors.csv", encoding: .utf8).split(separator: "\n").enumerated().map { index, line in
            index == 0 ? line + ",职称,聘任文号" : index == 1 ? line + ",高级教师,教督〔2027〕3号" : line + ",,"
        }
        try (pool.joined(separator: "\n") + "\n").write(toFile: folder + "/inspectors.csv", atomically: true, encoding: .utf8)
        let plan = try cli.run(["plan", folder, "--lang", "zh", "--out", "r.csv"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let rows = try cli.read("r.csv").split(separator: "\n").map(String.init)
        #expect(rows.first?.hasSuffix("本校连续届数,职称,聘任文号") == true, "\(rows.first ?? "")")
        #expect(rows.contains { $0.hasPrefix("S-01,I-01,") && $0.hasSuffix(",高级教师,教督〔2027〕3号") })
        #expect(rows.contains { $0.hasPrefix("S-04,I-03,") && $0.hasSuffix(",,") })
        let check = try cli.run(["check", folder, "--roster", "r.csv", "--lang", "zh"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!(check.stdout + check.stderr).contains("职称"))
    }

    @Test func tinyDistrictRosterAndReport() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("tiny"), "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try cli.read("tiny-roster.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") }
        #expect(rows == [
            "school_id,inspector_id,employment",
            "S-01,I-01,full_time", "S-02,I-02,part_time", "S-03,I-01,full_time",
            "S-04,I-03,part_time", "S-05,I-03,part_time", "S-06,I-03,part_time",
        ])
        #expect(result.stdout.contains("Shortfall: none"))
        #expect(result.stdout.contains("I-04 刘洋: retired 2020-01-15, 7.6 years before 2027-09-01, limit 3"))
        #expect(result.stdout.contains("I-05 陈静: 3 consecutive part-time terms (limit 3)"))
        #expect(result.stdout.contains("S-02 城关第一小学 2600 students → 李强 (I-02)"))
    }

    @Test func chineseReportByDefaultFromLocale() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("tiny")], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("缺口：无"))
        #expect(result.stdout.contains("名册已写入 tiny-roster.csv"))
    }

    /// GB18030 with Chinese headers and values; D2 (退休 2025年6月30日) must recuse from A2, so the
    /// only roster without recruits is D2 → A3 (large, dedicated) and D1 → A1, A2.
    @Test func chineseHeadersInGB18030() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("chinese-gbk"), "--lang", "en", "--out", "r.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let roster = try cli.read("r.csv")
        #expect(roster.contains("A1,D1,full_time"))
        #expect(roster.contains("A2,D1,full_time"))
        #expect(roster.contains("A3,D2,part_time"))
    }

    /// 12 schools, two part-timers: 10 covered, 2 left to one recruit, who must be full-time for the share.
    /// GLPK's log (--verbose) goes to stderr, so stdout stays the report: here JSON a machine can read.
    @Test func verboseLogStaysOffStdout() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("short"), "--format", "json", "--verbose", "--out", "r.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("simplex") || result.stderr.contains("obj ="), "expected GLPK's log on stderr")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "duxue.plan/1")
    }

    @Test func shortfallInJSON() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("short"), "--format", "json", "--lang", "en", "--out", "r.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "duxue.plan/1")
        #expect(json["status"] as? String == "optimal")
        let shortfall = try #require(json["shortfall"] as? [[String: Any]])
        #expect(shortfall.count == 1)
        #expect(shortfall.first?["employment"] as? String == "full_time")
        #expect(shortfall.first?["count"] as? Int == 1)
        let figures = try #require(json["figures"] as? [String: Any])
        #expect(figures["recruits_full_time"] as? Int == 1)
        #expect(figures["appointed_part_time"] as? Int == 2)
        let roster = try cli.read("r.csv")
        #expect(roster.components(separatedBy: "VACANCY-1,full_time").count - 1 == 2)
    }

    @Test func badInputReportsEveryProblemWithLineAndColumn() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("bad-input"), "--lang", "en"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("schools.csv line 1: missing required column enrollment") })
        #expect(lines.contains { $0.hasPrefix("schools.csv line 3, column id: duplicate id \"S-01\" (first on line 2)") })
        #expect(lines.contains { $0.hasPrefix("schools.csv line 4, column id: empty id") })
        #expect(lines.contains { $0.hasPrefix("inspectors.csv line 2, column employment: unknown employment \"全职\"") })
        #expect(!FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("bad-input-roster.csv").path))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let cli = try CLIRunner()
        try "keep me".write(to: cli.scratch.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let refused = try cli.run(["plan", CLIRunner.casePath("tiny"), "--out", "r.csv", "--lang", "en"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("r.csv exists: add --force"))
        #expect(try cli.read("r.csv") == "keep me")
        let forced = try cli.run(["plan", CLIRunner.casePath("tiny"), "--out", "r.csv", "--force", "--lang", "en"])
        #expect(forced.status == 0)
        #expect(try cli.read("r.csv").hasPrefix("school_id,inspector_id,employment"))
        let input = CLIRunner.casePath("tiny") + "/schools.csv"
        let intoInput = try cli.run(["plan", CLIRunner.casePath("tiny"), "--out", input, "--force", "--lang", "en"])
        #expect(intoInput.status == 2)
        #expect(intoInput.stderr.contains("is an input file"))
    }

    /// `--out` never replaces the `--policy` file, nor an input reached through `..` or a symbolic link.
    @Test func neverOverwritesThePolicyFileOrALinkToAnInput() throws {
        let cli = try CLIRunner()
        let policy = cli.scratch.appendingPathComponent("rules.toml").path
        try "zones = \"prefer\"\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let overPolicy = try cli.run(["plan", CLIRunner.casePath("tiny"), "--policy", policy, "--out", policy, "--force", "--lang", "en"])
        #expect(overPolicy.status == 2)
        #expect(overPolicy.stderr.contains("is an input file"))
        #expect(try cli.read("rules.toml") == "zones = \"prefer\"\n")
        let link = cli.scratch.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: CLIRunner.casePath("tiny") + "/schools.csv")
        let throughLink = try cli.run(["plan", CLIRunner.casePath("tiny"), "--out", link, "--force", "--lang", "en"])
        #expect(throughLink.status == 2)
        #expect(throughLink.stderr.contains("is an input file"))
        let dotted = CLIRunner.casePath("tiny") + "/../tiny/inspectors.csv"
        #expect(try cli.run(["plan", CLIRunner.casePath("tiny"), "--out", dotted, "--force", "--lang", "en"]).status == 2)
    }

    /// An infinite or enormous time limit means no limit: it must not trap converting to GLPK's int.
    @Test func infiniteTimeLimitIsNoLimit() throws {
        let cli = try CLIRunner()
        for limit in ["inf", "1e300"] {
            let run = try cli.run(["plan", CLIRunner.casePath("tiny"), "--time-limit", limit, "--out", "r-\(limit).csv", "--quiet"])
            #expect(run.status == 0, "--time-limit \(limit): \(run.stderr)")
            // compare hands the limit straight to GLPK (its levels are bounded by work, not slices).
            let compare = try cli.run(["compare", CLIRunner.casePath("tiny"), "--time-limit", limit, "--no-timing", "--quiet"])
            #expect(compare.status == 0, "compare --time-limit \(limit): \(compare.stderr)")
        }
    }

    @Test func defaultOutputIsNumberedInsteadOfOverwritten() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["plan", CLIRunner.casePath("tiny"), "--quiet"]).status == 0)
        #expect(try cli.run(["plan", CLIRunner.casePath("tiny"), "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("tiny-roster.csv").path))
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("tiny-roster-2.csv").path))
    }

    @Test func exportsEveryLevelsModel() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["plan", CLIRunner.casePath("tiny"), "--export-model", "model.lp", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        // P1b and P1c are zero by construction when P1a finds no recruit, so they are not solved.
        #expect(!FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("model-P1b.lp").path))
        for level in ["P1a", "P3", "P4"] {
            let text = try cli.read("model-\(level).lp")
            #expect(text.contains("cover("))
        }
        #expect(try cli.run(["plan", CLIRunner.casePath("tiny"), "--export-model", "model.txt"]).status != 0)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let cli = try CLIRunner()
        let badLimit = try cli.run(["plan", CLIRunner.casePath("tiny"), "--time-limit", "0"])
        #expect(badLimit.status == 2)
        #expect(badLimit.stderr.contains("--time-limit must be a positive number of seconds"))
        let missing = try cli.run(["plan", "/nonexistent/district", "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/district"))
    }
}
