/// Reads TOML 1.0.0 documents, strictly: any text that is not valid TOML 1.0.0 is rejected with a
/// ``TOMLError`` giving the first problem and its position. Reading is total: it never traps and always
/// ends, whatever the input (invalid UTF-8 included); tables and arrays may nest up to
/// ``maximumDepth`` levels.
///
/// ```swift
/// let table = try TOMLParser.parse("学校 = 1")          // throws: `学` cannot appear in a bare key
/// let zones = try TOMLParser.parse("\"学校\" = \"第一责任区\"")
/// zones["学校"]?.position                               // line 1, column 8
/// ```
public enum TOMLParser {
    /// The deepest nesting of tables and arrays accepted (the document is level 0; `a = [[1]]` reaches 2).
    public static let maximumDepth = TableRules.maximumDepth

    /// Reads a document from text.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        try parse(bytes: Array(text.utf8))
    }

    /// Reads a document from UTF-8 bytes (a leading byte order mark is skipped; other bytes that are
    /// not UTF-8 are an error).
    public static func parse(bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        var parser = Parser(bytes: bytes)
        return try parser.parseDocument()
    }
}
