import DuxueTOML
import Foundation
import Testing

/// Text TOML 1.0 does not allow is rejected with a position and a reason, never with a crash: the inputs
/// that aborted TOMLKit's C++ parser, Chinese bare keys, invalid UTF-8, nesting past the limit, and a
/// few thousand generated inputs.
@Suite("TOML rejections")
struct RejectionTests {
    /// The error for `bytes`, or `nil` when they parse.
    private func failure(_ bytes: [UInt8]) -> TOMLError? {
        do {
            _ = try TOMLParser.parse(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> TOMLError? { failure(Array(text.utf8)) }

    @Test func chineseBareKeysAreRejectedWithTheirPlace() throws {
        let error = try #require(failure("学校 = 1"))
        #expect(error.position == TOMLPosition(line: 1, column: 1))
        #expect(error.reason == .bareKeyCharacter("学"))
        #expect(error.english == "`学` cannot appear in a bare key; put the key in quotes")
        #expect(error.chinese == "不加引号的键中不能有 `学`，请给键加引号")
        let header = try #require(failure("name = \"x\"\n[来源]\n"))
        #expect(header.position == TOMLPosition(line: 2, column: 2))
        let accented = try #require(failure("é = 1"))
        #expect(accented.reason == .bareKeyCharacter("é"))
        let after = try #require(failure("school学 = 1"))
        #expect(after.position == TOMLPosition(line: 1, column: 7))
        #expect(try TOMLParser.parse("\"学校\" = 1")["学校"]?.integer == 1)
    }

    /// The inputs that aborted TOMLKit (Tests/DuxueInputTests/Corpus/fuzz-policy-*, and those the old
    /// guard stopped).
    @Test(arguments: [
        Array("d = [}".utf8), Array("[#".utf8), [UInt8(ascii: "["), 0xEF, 0xBF, 0xBD], Array("[ #]\n".utf8),
        Array("name = \"x\"\n[\n".utf8), Array("name = \"a\u{0}b\"\n".utf8), Array("[学校]\nremove = [\"S1\"]\n".utf8),
        Array("[".utf8), Array("[[".utf8), Array("a = {".utf8), Array("a = [".utf8), Array("a = \"\\".utf8),
    ])
    func inputsThatAbortedTOMLKit(bytes: [UInt8]) throws {
        let error = try #require(failure(bytes))
        #expect(error.position.line >= 1 && error.position.column >= 1)
    }

    @Test func fuzzPolicyCorpusCasesAreErrors() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DuxueInputTests/Corpus")
        let folders = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasPrefix("fuzz-policy-") }
        #expect(folders.count >= 3)
        for folder in folders {
            let data = try Data(contentsOf: corpus.appendingPathComponent(folder).appendingPathComponent("policy.toml"))
            #expect(failure([UInt8](data)) != nil, "\(folder)")
        }
    }

    @Test func invalidUTF8IsAnErrorAtItsPlace() throws {
        let error = try #require(failure(Array("a = 1\n\nb = \"".utf8) + [0xFF, 0x22]))
        #expect(error.reason == .invalidUTF8)
        #expect(error.position == TOMLPosition(line: 3, column: 6))
        #expect(failure([0xC0, 0x80]) != nil)  // overlong
        #expect(failure([0xED, 0xA0, 0x80]) != nil)  // surrogate
        #expect(failure([0xF4, 0x90, 0x80, 0x80]) != nil)  // past U+10FFFF
    }

    @Test func nestingIsLimited() throws {
        let limit = TOMLParser.maximumDepth
        let deepest = "a = " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(failure(deepest) == nil)
        let tooDeep = "a = " + String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(failure(tooDeep)?.reason == .tooDeep(limit: limit))
        for text in [
            "a = " + String(repeating: "[", count: 100_000),
            "a = " + String(repeating: "{b = ", count: 100_000),
            String(repeating: "a.", count: 100_000) + "a = 1",
            "[" + String(repeating: "a.", count: 100_000) + "a]",
            "[[a]]\n[a" + String(repeating: ".b", count: limit - 1) + "]",
        ] {
            #expect(failure(text)?.reason == .tooDeep(limit: limit), "\(text.prefix(20))…")
        }
        // An array of tables is two levels: the array and its element.
        #expect(failure("[[a]]\n[a" + String(repeating: ".b", count: limit - 2) + "]") == nil)
    }

    @Test func redefinitionRules() {
        let cases: [(String, TOMLError.Reason)] = [
            ("x = 1\ny = 2\nx = 3", .duplicateKey(key: "x", firstLine: 1)),
            ("[a]\n[a]", .duplicateTable(name: "a", firstLine: 1)),
            ("[a]\nb.c = 1\n[a.b]", .dottedTableHeader(name: "a.b", firstLine: 2)),
            ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", .headerTableDotted(key: "b.c", firstLine: 1)),
            ("a = {}\n[a.b]", .inlineTableClosed(key: "a", firstLine: 1)),
            ("a = {b = 1}\na.c = 2", .inlineTableClosed(key: "a", firstLine: 1)),
            ("a = []\n[[a]]", .notAnArrayOfTables(name: "a", firstLine: 1)),
            ("a = 1\na.b = 2", .notATable(key: "a", firstLine: 1)),
            ("[[a.b]]\n[a]\nb.y = 2", .notATable(key: "b", firstLine: 1)),
            ("p = { x = 1, x = 2 }", .duplicateKey(key: "x", firstLine: 1)),
        ]
        for (text, reason) in cases {
            #expect(failure(text)?.reason == reason, "\(text.debugDescription)")
        }
        let duplicate = failure("\n\nx = 1\nx = 2")
        #expect(duplicate?.english == "duplicate key `x` (first defined at line 3)")
        #expect(duplicate?.chinese == "键 `x` 重复（第 3 行已定义）")
        #expect(failure("[a.b]\n[a]\nc = 1\n[a.d]") == nil)
        #expect(failure("[[a]]\n[a.b]\n[[a]]\n[a.b]") == nil)
    }

    /// A few thousand inputs made of TOML's punctuation, keywords and a few non-ASCII and invalid
    /// bytes, and a valid document cut at every byte: each one either parses or throws with a place
    /// inside the text.
    @Test func generatedInputsNeverCrash() throws {
        let pieces: [[UInt8]] = [
            "[", "]", "[[", "]]", "{", "}", ",", "=", ".", "#", "\"", "'", "\"\"\"", "'''", "\\", "\\u", "a", "1", "0x",
            "1e", "-", "+", "_", ":", "T", "Z", "inf", "nan", "true", "1979-05-27", "07:32:00", " ", "\t", "\n", "\r",
            "学", "é",
        ].map { Array($0.utf8) } + [[0x00], [0x7F], [0xFF], [0xE5, 0xAD]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var inputs: [[UInt8]] = []
        for _ in 0..<4000 {
            inputs.append((0..<(1 + next(12))).flatMap { _ in pieces[next(pieces.count)] })
        }
        let document = Array("""
            title = "督学"
            [schools]
            remove = ["S-017", 'S-018']
            enrollment = { "S-002" = 2_400, s.t = 1e3 }
            [[schools.add]]
            id = \"\"\"S-701\\
               \"\"\"
            when = 2026-09-01T08:00:00+08:00
            """.utf8)
        inputs += (0...document.count).map { Array(document.prefix($0)) }
        for input in inputs {
            guard let error = failure(input) else { continue }
            let lines = input.count { $0 == UInt8(ascii: "\n") } + 1
            #expect(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                    "\(input): \(error)")
        }
    }
}
