extension TOMLError.Reason {
    /// The English message.
    var english: String {
        switch self {
        case .invalidUTF8: "the text is not valid UTF-8 here"
        case .controlCharacter(13): "a carriage return (U+000D) must be followed by a line feed"
        case .controlCharacter(let code): "control character \(Self.unicode(code)) is not allowed here"
        case .expectedKey: "expected a key"
        case .bareKeyCharacter(let character):
            "`\(character)` cannot appear in a bare key; put the key in quotes"
        case .multilineKey: "a key cannot be a multi-line string"
        case .expectedEquals: "expected `=` after the key"
        case .expectedValue: "expected a value"
        case .unquotedText(let text): "`\(text)` is not a TOML value; put text in quotes"
        case .expectedNewline: "expected a new line here (one key = value or [table] per line)"
        case .unterminatedString: "the string is not closed"
        case .newlineInString: "the string is not closed on its line (use \"\"\" for text over several lines)"
        case .invalidEscape(let escape): "invalid escape `\(escape)`"
        case .invalidUnicodeEscape(let escape): "`\(escape)` is not a Unicode character"
        case .tooManyQuotes: "too many quotes at the end of a multi-line string"
        case .invalidNumber(let text): "invalid number `\(text)`"
        case .integerOutOfRange(let text): "integer `\(text)` does not fit in 64 bits"
        case .invalidDateTime(let text): "invalid date or time `\(text)`"
        case .unterminatedArray: "the array is not closed with `]`"
        case .expectedArraySeparator: "expected `,` or `]` in the array"
        case .unterminatedInlineTable: "the inline table is not closed with `}`"
        case .expectedInlineTableSeparator: "expected `,` or `}` in the inline table"
        case .newlineInInlineTable: "an inline table must be written on one line"
        case .trailingCommaInInlineTable: "no `,` may come before the `}` of an inline table"
        case .expectedHeaderEnd(let arrayOfTables):
            arrayOfTables ? "expected `]]` to close the [[table]] header" : "expected `]` to close the [table] header"
        case .duplicateKey(let key, let line): "duplicate key `\(key)` (first defined at line \(line))"
        case .duplicateTable(let name, let line): "table [\(name)] is defined twice (first at line \(line))"
        case .notATable(let key, let line): "`\(key)` is already a value (line \(line)), not a table"
        case .inlineTableClosed(let key, let line): "the inline table `\(key)` (line \(line)) cannot be added to"
        case .dottedTableHeader(let name, let line):
            "table `\(name)` was made by dotted keys at line \(line) and cannot have a [\(name)] header"
        case .headerTableDotted(let key, let line):
            "table `\(key)` has its own header (line \(line)); dotted keys cannot add to it"
        case .notAnArrayOfTables(let name, let line):
            "`\(name)` (line \(line)) is not an array of tables; [[\(name)]] cannot add to it"
        case .tooDeep(let limit): "tables and arrays nested more than \(limit) levels deep"
        }
    }

    /// The Chinese message.
    var chinese: String {
        switch self {
        case .invalidUTF8: "此处不是有效的 UTF-8 文本"
        case .controlCharacter(13): "回车符（U+000D）后必须紧跟换行符"
        case .controlCharacter(let code): "此处不能有控制字符 \(Self.unicode(code))"
        case .expectedKey: "应为键"
        case .bareKeyCharacter(let character): "不加引号的键中不能有 `\(character)`，请给键加引号"
        case .multilineKey: "键不能是多行字符串"
        case .expectedEquals: "键后应为 `=`"
        case .expectedValue: "应为值"
        case .unquotedText(let text): "`\(text)` 不是 TOML 值，文本请加引号"
        case .expectedNewline: "此处应换行（每行只能写一个 键 = 值 或 [表]）"
        case .unterminatedString: "字符串未闭合"
        case .newlineInString: "字符串未在本行闭合（多行文本请用 \"\"\"）"
        case .invalidEscape(let escape): "无效的转义 `\(escape)`"
        case .invalidUnicodeEscape(let escape): "`\(escape)` 不是有效的 Unicode 字符"
        case .tooManyQuotes: "多行字符串末尾的引号过多"
        case .invalidNumber(let text): "无效的数字 `\(text)`"
        case .integerOutOfRange(let text): "整数 `\(text)` 超出 64 位范围"
        case .invalidDateTime(let text): "无效的日期或时间 `\(text)`"
        case .unterminatedArray: "数组缺少结尾的 `]`"
        case .expectedArraySeparator: "数组中应为 `,` 或 `]`"
        case .unterminatedInlineTable: "内联表缺少结尾的 `}`"
        case .expectedInlineTableSeparator: "内联表中应为 `,` 或 `}`"
        case .newlineInInlineTable: "内联表必须写在一行内"
        case .trailingCommaInInlineTable: "内联表的 `}` 前不能有 `,`"
        case .expectedHeaderEnd(let arrayOfTables):
            arrayOfTables ? "表数组的表头应以 `]]` 结束" : "表头应以 `]` 结束"
        case .duplicateKey(let key, let line): "键 `\(key)` 重复（第 \(line) 行已定义）"
        case .duplicateTable(let name, let line): "表 [\(name)] 重复定义（第 \(line) 行已定义）"
        case .notATable(let key, let line): "`\(key)` 在第 \(line) 行已是一个值，不是表"
        case .inlineTableClosed(let key, let line): "第 \(line) 行的内联表 `\(key)` 不能再添加键"
        case .dottedTableHeader(let name, let line):
            "表 `\(name)` 已在第 \(line) 行由点分键定义，不能再写表头 [\(name)]"
        case .headerTableDotted(let key, let line):
            "表 `\(key)` 有自己的表头（第 \(line) 行），不能再用点分键添加内容"
        case .notAnArrayOfTables(let name, let line):
            "`\(name)`（第 \(line) 行）不是表数组，不能用 [[\(name)]] 追加"
        case .tooDeep(let limit): "表和数组嵌套超过 \(limit) 层"
        }
    }

    /// `U+0007`.
    private static func unicode(_ code: Int) -> String {
        "U+" + TOMLKeyText.hex(UInt32(truncatingIfNeeded: max(code, 0)), width: 4)
    }
}
