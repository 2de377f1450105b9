import DuxueCompare
import DuxueDomain
import DuxueGLPK
import Testing

/// Scenario files written with Chinese keys (quoted, as TOML requires) read like the English ones; a
/// policy key a scenario may not set is an error, not silently dropped.
@Suite("compare: Chinese keys in scenario files")
struct ChineseScenarioTests {
    @Test func chineseKeysReadAsEnglish() throws {
        let chinese = """
            "名称" = "门槛 1500"
            "大规模学校人数门槛" = 1500
            "专职督学最低占比" = 0.25

            ["学校"]
            "删除" = ["S10"]
            "在校生数" = { "S2" = 2100 }

            [["学校"."新增"]]
            "学校代码" = "S11"
            "学校名称" = "开发区新校"
            "在校生数" = 800
            "责任区" = "A"

            ["督学"]
            "暂不可聘" = ["I1"]

            ["来源"]
            "大规模学校人数门槛" = "本县 2027 年通知 第三条"
            """
        let english = """
            name = "门槛 1500"
            large_school_enrollment = 1500
            min_full_time_share = 0.25

            [schools]
            remove = ["S10"]
            enrollment = { "S2" = 2100 }

            [[schools.add]]
            id = "S11"
            name = "开发区新校"
            enrollment = 800
            zone = "A"

            [inspectors]
            unavailable = ["I1"]

            [sources]
            large_school_enrollment = "本县 2027 年通知 第三条"
            """
        let zh = try ScenarioReader.parse(chinese, file: "zh.toml", district: Fixture.small, policy: Fixture.policy)
        let en = try ScenarioReader.parse(english, file: "en.toml", district: Fixture.small, policy: Fixture.policy)
        #expect(zh.name == en.name)
        #expect(zh.settings == en.settings)
        #expect(zh.edits == en.edits)
        #expect(zh.sources == en.sources)
        #expect(zh.sources["large_school_enrollment"] == Citation("本县 2027 年通知", "第三条"))
    }

    /// `max_terms_same_school` (renew only) and `district_name` are refused in a scenario, with the line.
    @Test func keysAScenarioMayNotSet() throws {
        do {
            _ = try ScenarioReader.parse("max_terms_same_school = 2\n", file: "s.toml", district: Fixture.small, policy: Fixture.policy)
            Issue.record("no error")
        } catch {
            #expect(error.problems.map(\.line) == [1])
            #expect(error.problems.first?.message(in: .en).contains("cannot be set in a scenario") == true)
        }
    }
}

/// `[pairs]` in a scenario pins and forbids pairs; unknown ids are reported with their place.
@Suite("compare: pinned and forbidden pairs in a scenario")
struct ScenarioPairsTests {
    @Test func pinsAndForbidsAreRead() throws {
        let scenario = try ScenarioReader.parse("""
            [pairs]
            pin = { "S2" = "I2" }
            forbid = { "S3" = ["I1", "I3"] }
            """, file: "p.toml", district: Fixture.small, policy: Fixture.policy)
        #expect(scenario.pairs.pinned == [School.ID("S2")!: Inspector.ID("I2")!])
        #expect(scenario.pairs.forbidden == [
            PairRules.Pair(school: School.ID("S3")!, inspector: Inspector.ID("I1")!),
            PairRules.Pair(school: School.ID("S3")!, inspector: Inspector.ID("I3")!),
        ])
        let chinese = try ScenarioReader.parse("""
            ["配对"]
            "指定" = { "S2" = "I2" }
            """, file: "p.toml", district: Fixture.small, policy: Fixture.policy)
        #expect(chinese.pairs == PairRules(pinned: [School.ID("S2")!: Inspector.ID("I2")!]))
        do {
            _ = try ScenarioReader.parse("[pairs]\npin = { \"S99\" = \"I2\" }\n", file: "p.toml", district: Fixture.small, policy: Fixture.policy)
            Issue.record("no error")
        } catch {
            #expect(error.problems.map(\.line) == [2])
        }
    }

    /// The comparison honours a scenario's pin: S2 goes to I2 in that column.
    @Test func theRunnerHonoursPins() throws {
        var scenario = Scenario(name: "pin")
        scenario.pairs.pinned[School.ID("S2")!] = Inspector.ID("I2")!
        let comparison = try ComparisonRunner(jobs: 1) { GLPKSolver() }
            .run(district: Fixture.small, policy: Fixture.policy, scenarios: [scenario])
        let holder = comparison.columns[1].plan.roster.assignments.first { $0.school == School.ID("S2")! }?.assignee
        #expect(holder == .inspector(Inspector.ID("I2")!))
    }
}

/// A new inspector in a scenario is checked as a row of inspectors.csv would be: a retirement after
/// the term starts is refused.
@Suite("compare: new inspectors checked like the pool")
struct ScenarioNewInspectorTests {
    @Test func retiredAfterTheTermStartIsRefused() {
        let text = """
            [[inspectors.add]]
            id = "I9"
            name = "新督学"
            employment = "兼职"
            zone = "A"
            status = "退休"
            retired_on = 2031-01-01
            """
        do {
            _ = try ScenarioReader.parse(text, file: "s.toml", district: Fixture.small, policy: Fixture.policy)
            Issue.record("no error")
        } catch {
            #expect(error.problems.map(\.line) == [7])
            #expect(error.problems.first?.message(in: .en).contains("2031-01-01") == true)
        }
    }
}
