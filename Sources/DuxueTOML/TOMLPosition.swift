/// A place in a TOML text: 1-based line and 1-based column, where the column counts characters
/// (`Character`, i.e. what a reader sees), so `学校 = 1` puts `=` in column 4.
public struct TOMLPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The line, from 1; lines end at a line feed (`\n`, also the end of `\r\n`).
    public var line: Int
    /// The column, from 1, counting characters from the start of the line.
    public var column: Int

    /// A position at `line` and `column` (both 1-based).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Text order: by line, then by column.
    public static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// "line 3, column 7".
    public var description: String { "line \(line), column \(column)" }
}
