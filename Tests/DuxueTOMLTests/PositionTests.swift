import DuxueTOML
import Testing

/// Known answers for positions: 1-based lines, columns counting characters (a Chinese character is one
/// column, so is a tab, so is `é` written as e + combining accent).
@Suite("TOML positions")
struct PositionTests {
    private func at(_ line: Int, _ column: Int) -> TOMLPosition { TOMLPosition(line: line, column: column) }

    @Test func chineseKeyAndValue() throws {
        let table = try TOMLParser.parse("\"学校\" = \"第一责任区\"\nzones = [\"第一责任区\", \"第二责任区\"]\n")
        let school = try #require(table.entry("学校"))
        #expect(school.keyPosition == at(1, 1))
        #expect(school.node.position == at(1, 8))
        #expect(school.node.string == "第一责任区")
        let zones = try #require(table["zones"]?.array)
        #expect(zones.map(\.position) == [at(2, 10), at(2, 19)])
    }

    @Test func valuesAfterMultilineStrings() throws {
        let text = "a = \"\"\"\nline one\n第二行 \"\"\"\nb = '''\n'''\n  c  =\t3\n"
        let table = try TOMLParser.parse(text)
        #expect(table["a"]?.position == at(1, 5))
        #expect(table["a"]?.string == "line one\n第二行 ")
        #expect(table.entry("b")?.keyPosition == at(4, 1))
        #expect(table.entry("c")?.keyPosition == at(6, 3))
        #expect(table["c"]?.position == at(6, 8))
    }

    @Test func dottedKeysAndInlineTables() throws {
        let table = try TOMLParser.parse("x.\"学\".z = 1\npoint = { lat = 39.9, lon = 116.4 }\n")
        let x = try #require(table.entry("x"))
        #expect(x.keyPosition == at(1, 1))
        #expect(x.node.position == at(1, 1))
        let middle = try #require(x.node.table?.entry("学"))
        #expect(middle.keyPosition == at(1, 3))
        let z = try #require(middle.node.table?.entry("z"))
        #expect(z.keyPosition == at(1, 7))
        #expect(z.node.position == at(1, 11))
        let point = try #require(table["point"])
        #expect(point.position == at(2, 9))
        #expect(point.table?.entry("lon")?.keyPosition == at(2, 23))
        #expect(point.table?["lon"]?.position == at(2, 29))
    }

    @Test func tablesAndArraysOfTables() throws {
        let text = """
            [a.b]
            k = 1

            [[schools.add]]
            id = "S-701"
            [[schools.add]]
              id = "S-702"
            [a]
            """
        let table = try TOMLParser.parse(text)
        // `a` was named by `[a.b]` first, then defined by its own header: the node is at the header.
        let a = try #require(table.entry("a"))
        #expect(a.keyPosition == at(1, 2))
        #expect(a.node.position == at(8, 1))
        #expect(a.node.table?.entry("b")?.keyPosition == at(1, 4))
        #expect(a.node.table?["b"]?.position == at(1, 1))
        let schools = try #require(table.entry("schools"))
        #expect(schools.keyPosition == at(4, 3))
        let add = try #require(schools.node.table?.entry("add"))
        #expect(add.keyPosition == at(4, 11))
        #expect(add.node.position == at(4, 1))
        let entries = try #require(add.node.array)
        #expect(entries.map(\.position) == [at(4, 1), at(6, 1)])
        #expect(entries[1].table?.entry("id")?.keyPosition == at(7, 3))
        #expect(entries[1].table?["id"]?.position == at(7, 8))
    }

    @Test func lineEndsTabsByteOrderMarkAndCombiningMarks() throws {
        let table = try TOMLParser.parse("\u{FEFF}a = 1\r\n\tb\t= \"e\u{301}\" # 注释\r\n\"e\u{301}x\" = 2\n")
        #expect(table.entry("a")?.keyPosition == at(1, 1))
        #expect(table.entry("b")?.keyPosition == at(2, 2))
        #expect(table["b"]?.position == at(2, 6))
        #expect(table.entry("e\u{301}x")?.keyPosition == at(3, 1))
        #expect(table["e\u{301}x"]?.position == at(3, 8))
    }

    @Test func errorPositions() {
        let cases: [(String, TOMLPosition)] = [
            ("学校 = 1", at(1, 1)),
            ("[学校]\nremove = [\"S1\"]\n", at(1, 2)),
            ("a = 1\nzone = 第一责任区\n", at(2, 8)),
            ("\"学校\" = \"第一\n", at(1, 8)),
            ("a = \"第一\\q\"", at(1, 8)),
            ("a = [\n  1,\n  2\n  3]\n", at(4, 3)),
            ("x = 1\ny = 2\nx = 3\n", at(3, 1)),
            ("name = \"x\"\nlarge_school_enrollment = \n", at(2, 27)),
        ]
        for (text, position) in cases {
            #expect(throws: TOMLError.self) { try TOMLParser.parse(text) }
            do {
                _ = try TOMLParser.parse(text)
            } catch {
                #expect(error.position == position, "\(text.debugDescription): \(error)")
            }
        }
    }
}
