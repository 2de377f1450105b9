import DuxueTOML
import Testing

/// Every TOML type read to its value, the accessors, and the text of values and date-times.
@Suite("TOML values")
struct ValueTests {
    private func value(_ toml: String) throws -> TOMLValue {
        try #require(try TOMLParser.parse("v = " + toml)["v"]).value
    }

    @Test func strings() throws {
        #expect(try value(#""a\tb\n\"c\" \\ \u00e9 \U0001F600""#) == .string("a\tb\n\"c\" \\ é 😀"))
        #expect(try value(#"'C:\Users\督学'"#) == .string(#"C:\Users\督学"#))
        #expect(try value("\"\"\"\nfirst\r\nsecond \\\n    third\"\"\"\"") == .string("first\nsecond third\""))
        #expect(try value("'''\n第一行\n  '第二行'''''") == .string("第一行\n  '第二行''"))
        #expect(try value("\"\"") == .string(""))
        #expect(try value("\"\"\"\"\"\"") == .string(""))
    }

    @Test func integers() throws {
        #expect(try value("+1_000") == .integer(1000))
        #expect(try value("-0") == .integer(0))
        #expect(try value("0xDEAD_beef") == .integer(0xDEAD_BEEF))
        #expect(try value("0o755") == .integer(0o755))
        #expect(try value("0b1101") == .integer(13))
        #expect(try value("9223372036854775807") == .integer(Int.max))
        #expect(try value("-9223372036854775808") == .integer(Int.min))
        #expect(throws: TOMLError(.integerOutOfRange("9223372036854775808"), at: TOMLPosition(line: 1, column: 5))) {
            try value("9223372036854775808")
        }
        #expect(throws: TOMLError.self) { try value("0x8000000000000000") }
        #expect(throws: TOMLError(.invalidNumber("012"), at: TOMLPosition(line: 1, column: 5))) { try value("012") }
    }

    @Test func floats() throws {
        #expect(try value("3.14") == .float(3.14))
        #expect(try value("-2e-3") == .float(-0.002))
        #expect(try value("6.626_070_15E-34") == .float(6.62607015e-34))
        #expect(try value("-inf") == .float(-.infinity))
        #expect(try value("+nan").double?.isNaN == true)
        #expect(try value("1").double == 1)
        #expect(try value("1.0").integer == nil)
    }

    @Test func booleansAndTypeNames() throws {
        let table = try TOMLParser.parse("""
            s = "x"
            i = 1
            f = 1.5
            b = true
            d = 2026-09-01
            a = [1, "two"]
            t = {}
            """)
        #expect(table.entries.map(\.node.typeName) == ["string", "integer", "float", "boolean", "datetime", "array", "table"])
        #expect(table.keys == ["s", "i", "f", "b", "d", "a", "t"])
        #expect(table["b"]?.bool == true)
        #expect(table["a"]?.array?.map(\.value) == [.integer(1), .string("two")])
        #expect(table["t"]?.table?.isEmpty == true)
        #expect(table["missing"] == nil)
    }

    @Test func dateTimes() throws {
        let offset = try #require(try value("1979-05-27T07:32:00.999999999999-08:00").dateTime)
        #expect(offset.kind == .offsetDateTime)
        #expect([offset.year, offset.month, offset.day, offset.hour, offset.minute, offset.second] == [1979, 5, 27, 7, 32, 0])
        #expect(offset.nanosecond == 999_999_999)
        #expect(offset.offsetMinutes == -480)
        #expect(offset.description == "1979-05-27T07:32:00.999999999-08:00")
        #expect(try value("1979-05-27 07:32:00z").dateTime?.description == "1979-05-27T07:32:00Z")
        #expect(try value("1979-05-27t07:32:00.500").dateTime == TOMLDateTime(
            kind: .localDateTime, year: 1979, month: 5, day: 27, hour: 7, minute: 32, second: 0, nanosecond: 500_000_000))
        #expect(try value("2024-02-29").dateTime == TOMLDateTime(kind: .localDate, year: 2024, month: 2, day: 29))
        #expect(try value("23:59:60").dateTime?.description == "23:59:60")
        #expect(try value("11:23:15.000").dateTime?.description == "11:23:15.0")  // found by fuzzing: .0 must read back
        #expect(throws: TOMLError.self) { try value("2100-02-29") }
        #expect(throws: TOMLError.self) { try value("24:00:00") }
        #expect(throws: TOMLError.self) { try value("2026-09-01T08:00") }
    }

    @Test func valueText() throws {
        let table = try TOMLParser.parse("""
            a = [1, 2.5, "x\\"y", true, 1979-05-27, inf, nan, -inf]
            "键 名" = { b = 'c', d.e = [] }
            """)
        #expect(table["a"]?.value.description == #"[1, 2.5, "x\"y", true, 1979-05-27, inf, nan, -inf]"#)
        #expect(TOMLValue.table(table).description
            == #"{ a = [1, 2.5, "x\"y", true, 1979-05-27, inf, nan, -inf], "键 名" = { b = "c", d = { e = [] } } }"#)
    }

    @Test func tablesKeepTheOrderKeysWereFirstWritten() throws {
        let table = try TOMLParser.parse("""
            z = 1
            [b.inner]
            x = 1
            [a]
            y = 2
            [b]
            w = 3
            """)
        #expect(table.keys == ["z", "b", "a"])
        #expect(table["b"]?.table?.keys == ["inner", "w"])
        var edited = table
        edited.entries.removeFirst()
        #expect(edited["z"] == nil)
        #expect(edited["a"]?.table?["y"]?.integer == 2)
    }

    @Test func errorText() {
        let error = TOMLError(.expectedEquals, at: TOMLPosition(line: 3, column: 7))
        #expect(error.english == "expected `=` after the key")
        #expect(error.chinese == "键后应为 `=`")
        #expect(error.description == "line 3, column 7: expected `=` after the key")
    }
}
