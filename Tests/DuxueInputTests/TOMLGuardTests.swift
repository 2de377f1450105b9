import Testing

@testable import DuxueInput

/// What is kept from TOMLKit's C++ parser because it would abort the process (found by fuzzing), and what
/// must still reach it.
@Suite("TOML guard")
struct TOMLGuardTests {
    @Test(arguments: ["[\r\n", "[#", "[ #]", "[[\t=]]", "[\n", "x = 1\n  [.a]\n", "[来源]\n", "é = 1\n", "a = 1\u{0}", "d=[}", "d = [1,\n}]", "x = {a = [}]}"])
    func abortingInputIsStopped(text: String) {
        #expect(!TOMLGuard.check(text).isEmpty)
    }

    @Test func validPoliciesPass() {
        let text = """
            # 本区政策：注释里可以写中文
            name = "本区政策"   # 行尾注释
            zones = 'require'
            note = \"\"\"多行
            [不是表头]
            \"\"\"
            list = [
              [ [1], {a = 1} ],
              "x",
            ]
            [sources]
            "中文键" = "quoted keys are fine"
            zones = "枣庄 室字〔2021〕33号"
            [[items]]
            """
        #expect(TOMLGuard.check(text) == [])
    }

    @Test func findingNamesLineAndColumn() {
        #expect(TOMLGuard.check("a = 1\nb = [1]\n  [ =]\n") == [
            TOMLGuard.Finding(line: 3, column: 3, kind: .tomlTableWithoutName),
        ])
    }
}
