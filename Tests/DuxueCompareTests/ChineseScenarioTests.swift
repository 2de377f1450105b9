import DuxueCompare
import DuxueDomain
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
