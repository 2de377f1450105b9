/// Why a TOML text was rejected, where, and a short message in English and in Chinese.
///
/// The reader stops at the first problem: `position` is where it is (the offending character, or the
/// start of the key, value or string it concerns).
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A control character (its code) where none may be: outside strings, or in a string or
        /// comment other than tab; a carriage return not followed by a line feed.
        case controlCharacter(code: Int)
        /// No key where one belongs (e.g. `= 1`, `[]`, `a..b`).
        case expectedKey
        /// A character that bare keys cannot contain (letters outside A–Z, `学`, `$` …).
        case bareKeyCharacter(String)
        /// A multi-line string used as a key.
        case multilineKey
        /// A key not followed by `=`.
        case expectedEquals
        /// No value after `=`, or an array element missing.
        case expectedValue
        /// Unquoted text where a value belongs (`zone = 第一责任区`, `mode = strict`).
        case unquotedText(String)
        /// More text after a key/value pair or table header on the same line.
        case expectedNewline
        /// A string with no closing quote.
        case unterminatedString
        /// A single-line string (`"…"`, `'…'`) that reaches the end of its line.
        case newlineInString
        /// An escape TOML does not have (`\q`, `\x41`, `\ ` not at the end of a line).
        case invalidEscape(String)
        /// A `\u` or `\U` escape that is not a Unicode scalar value (e.g. a surrogate).
        case invalidUnicodeEscape(String)
        /// More than five quotes closing a multi-line string.
        case tooManyQuotes
        /// A malformed number (leading zeros, misplaced `_`, a sign on `0x…`, …).
        case invalidNumber(String)
        /// An integer outside the 64-bit signed range.
        case integerOutOfRange(String)
        /// A malformed or impossible date or time (`2021-02-30`, `24:00:00`).
        case invalidDateTime(String)
        /// An array without its closing `]`.
        case unterminatedArray
        /// Something other than `,` or `]` after an array element.
        case expectedArraySeparator
        /// An inline table without its closing `}`.
        case unterminatedInlineTable
        /// Something other than `,` or `}` after an inline table's key/value pair.
        case expectedInlineTableSeparator
        /// A line break inside an inline table.
        case newlineInInlineTable
        /// A `,` right before an inline table's `}`.
        case trailingCommaInInlineTable
        /// A table header not closed by `]` (or `]]` for an array of tables).
        case expectedHeaderEnd(arrayOfTables: Bool)
        /// A key written twice (`key` as written, dotted; `firstLine` where it was first).
        case duplicateKey(key: String, firstLine: Int)
        /// A `[table]` header written twice.
        case duplicateTable(name: String, firstLine: Int)
        /// A key used as a table (in a header or dotted key) that already holds another value.
        case notATable(key: String, firstLine: Int)
        /// A key added to an inline table (`{…}` is complete as written).
        case inlineTableClosed(key: String, firstLine: Int)
        /// A `[table]` header for a table made by dotted keys.
        case dottedTableHeader(name: String, firstLine: Int)
        /// Dotted keys adding to a table that has its own `[header]` elsewhere.
        case headerTableDotted(key: String, firstLine: Int)
        /// `[[name]]` where `name` is a table or a static array, not an array of tables.
        case notAnArrayOfTables(name: String, firstLine: Int)
        /// Tables and arrays nested deeper than the limit.
        case tooDeep(limit: Int)
    }

    /// Where the problem is.
    public var position: TOMLPosition
    /// What the problem is.
    public var reason: Reason
    /// A short English message, e.g. "expected `=` after the key".
    public var english: String
    /// A short Chinese message, e.g. "键后应为 `=`".
    public var chinese: String

    /// An error for `reason` at `position`, with its messages.
    public init(_ reason: Reason, at position: TOMLPosition) {
        self.position = position
        self.reason = reason
        english = reason.english
        chinese = reason.chinese
    }

    /// "line 3, column 7: expected `=` after the key".
    public var description: String { "\(position): \(english)" }
}
