import DuxueCompare
import DuxueDomain
import DuxueInput
import Testing

/// Bad scenario files and sweeps: every problem at once, each naming file, line (column for ids) and the fix.
@Suite("compare: bad scenarios")
struct ScenarioErrorTests {
    @Test func everyProblemOfABadFileAtOnce() throws {
        let text = try Fixture.scenarioText("bad.toml")
        var caught: ScenarioError?
        do {
            _ = try ScenarioReader.parse(text, file: "bad.toml", district: Fixture.small, policy: Fixture.policy)
        } catch {
            caught = error
        }
        let messages = try #require(caught).problems.map { $0.message(in: .en) }
        #expect(messages == [
            "bad.toml line 2: unknown key \"large_school_enrolment\"; did you mean \"large_school_enrollment\"?; fix: rename it to \"large_school_enrollment\"",
            "bad.toml line 3, column 23: min_full_time_share 1.5 is outside 0…1; fix: write a fraction from 0 to 1, e.g. min_full_time_share = 0.20 for 20%",
            "bad.toml line 6, column 17: unknown school \"S99\" in schools.remove; did you mean \"S9\"?; fix: use a school id from schools.csv",
            "bad.toml line 7: schools.enrollment.S2 -5 is below 0; fix: write schools.enrollment.S2 as a whole number of at least 0",
            "bad.toml line 8: unknown key \"closed\" in [schools]; fix: remove it; known keys: remove, enrollment, add",
            "bad.toml line 10: [[schools.add]] lacks the required key zone; fix: add zone = …",
            "bad.toml line 11: schools.add id \"S4\" is already taken; fix: choose an id that is not in use",
            // The value itself is checked by the code that checks schools.csv, in its words.
            "bad.toml line 13: enrollment \"many\" is not a number; fix: write the number of students, e.g. 1200",
            "bad.toml line 17, column 3: unknown inspector \"I-9\" in inspectors.unavailable; fix: use an inspector id from inspectors.csv",
        ])
    }

    /// Text that aborts TOMLKit's C++ parser (found by fuzzing the policy reader) is stopped first in
    /// scenario files too: a Chinese table name, a stray `[`, a `}` inside an array, a NUL.
    @Test(arguments: ["[学校]\nremove = [\"S1\"]\n", "name = \"x\"\n[\n", "d = [}\n", "name = \"a\u{0}b\"\n", "[ #]\n"])
    func textThatWouldAbortTheParserIsAProblem(text: String) throws {
        do {
            _ = try ScenarioReader.parse(text, file: "hostile.toml", district: Fixture.small, policy: Fixture.policy)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            let message = try #require(error.problems.first).message(in: .en)
            #expect(message.hasPrefix("hostile.toml line "), "\(message)")
        }
    }

    /// One field-validation path: bad values in `[[inspectors.add]]` get the problems inspectors.csv gets
    /// for the same values (same kinds, same words), at the lines where they are written.
    @Test func addedInspectorsAreCheckedLikeThePoolFile() throws {
        let text = """
            [[inspectors.add]]
            id = "I-901"
            name = "新督学"
            employment = "兼职"
            zone = "东区"
            status = "退休"
            retired_on = "2030-01-01"
            stages = ["小学", "大学"]
            max_schools = 0
            consecutive_terms = -1

            """
        var caught: ScenarioError?
        do {
            _ = try ScenarioReader.parse(text, file: "新增.toml", district: Fixture.small, policy: Fixture.policy)
        } catch {
            caught = error
        }
        let fromScenario = try #require(caught).problems.compactMap { problem -> (Int?, InputProblem.Kind)? in
            if case .scenario = problem.kind { return nil }
            return (problem.line, problem.kind)
        }
        let csv = "id,name,employment,status,retired_on,consecutive_terms,zone,stages,max_schools\n"
            + "I-901,新督学,兼职,退休,2030-01-01,-1,东区,小学;大学,0\n"
        var fromPool: [InputProblem] = []
        do {
            _ = try DistrictReader.read(schoolsCSV: "id,name,enrollment,zone\nS1,一小,100,东区\n", inspectorsCSV: csv, name: "t",
                                        policy: Fixture.policy)
        } catch {
            fromPool = error.problems.filter { $0.severity == .error }
        }
        // The same problems (the scenario lists them by line, the pool file by column).
        #expect(Set(fromScenario.map(\.1)) == Set(fromPool.map(\.kind)))
        #expect(fromPool.count == 4)
        #expect(fromScenario.count == 4, "retired after the term start, a bad stage, a cap of 0, negative terms")
        #expect(fromScenario.map(\.0) == [7, 8, 9, 10] as [Int?])
    }

    @Test func chineseMessagesNameFileLineAndColumn() throws {
        let text = "[inspectors]\nremove = [\"I1\", \"I5\"]\n"
        #expect(throws: ScenarioError.self) {
            try ScenarioReader.parse(text, file: "退休.toml", district: Fixture.small, policy: Fixture.policy)
        }
        do {
            _ = try ScenarioReader.parse(text, file: "退休.toml", district: Fixture.small, policy: Fixture.policy)
        } catch {
            #expect(error.message(in: .zh)
                == "退休.toml 第 2 行第 17 列：inspectors.remove 中的督学“I5”不在本区督学名单中（是否应为“I1”？）；请使用 inspectors.csv 中的督学编号")
        }
    }

    /// A misspelt data table is named with the scenario's own keys; the policy keys around it still count.
    @Test func misspeltTableAtTopLevel() throws {
        let text = "zones = \"require\"\n\n[school]\nremove = [\"S1\"]\n"
        do {
            _ = try ScenarioReader.parse(text, file: "t.toml", district: Fixture.small, policy: Fixture.policy)
            Issue.record("no error")
        } catch {
            #expect(error.problems.map { $0.message(in: .en) } == [
                "t.toml line 3: unknown key \"school\"; did you mean \"schools\"?; fix: rename it to \"schools\"",
            ])
        }
    }

    @Test func syntaxErrorHasItsLine() throws {
        do {
            _ = try ScenarioReader.parse("name = \"x\"\nlarge_school_enrollment = \n", file: "s.toml", district: Fixture.small,
                                         policy: Fixture.policy)
            Issue.record("no error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.line == 2)
            #expect(error.problems.first?.message(in: .en).hasPrefix("s.toml line 2, column") == true)
        }
    }

    @Test func badSweeps() throws {
        #expect(throws: ScenarioError([InputProblem(file: Sweep.source, line: nil, issue: .sweepSyntax(text: "zones"))])) {
            try Sweep.parse("zones")
        }
        do {
            _ = try Sweep.parse("large_school_enrolment=1500")
            Issue.record("no error")
        } catch {
            #expect(error.message(in: .en) == "sweep: key \"large_school_enrolment\" is not a policy setting; did you mean \"large_school_enrollment\"?; fix: use one of " + PolicySetting.keys.joined(separator: ", "))
            #expect(PolicySetting.keys.contains("large_school_rule") && !PolicySetting.keys.contains("max_terms_same_school"))
        }
        do {
            _ = try Sweep.parse("min_full_time_share=0.2,1.2,abc")
            Issue.record("no error")
        } catch {
            #expect(error.problems.count == 2)
            #expect(error.problems.first?.message(in: .en) == "sweep min_full_time_share=0.2,1.2,abc: min_full_time_share 1.2 is outside 0…1; fix: write a fraction from 0 to 1, e.g. min_full_time_share = 0.20 for 20%")
        }
        #expect(try Sweep.parse("zones=prefer, require").settings
            == [PolicySetting(key: "zones", value: .text("prefer")), PolicySetting(key: "zones", value: .text("require"))])
        #expect(try Sweep.parse("term_start=2028-09-01").settings
            == [PolicySetting(key: "term_start", value: .day(Day(year: 2028, month: 9, day: 1)!))])
        #expect(try Sweep.parse("preset=hainan,tianjin").settings.map(\.valueText) == ["hainan", "tianjin"])
    }
}
