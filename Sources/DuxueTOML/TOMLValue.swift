/// A TOML value: one of TOML's seven types. Arrays hold ``TOMLNode``s, so every element keeps its
/// position.
public indirect enum TOMLValue: Hashable, Sendable {
    /// A string (any of the four kinds of string in the text).
    case string(String)
    /// A 64-bit integer (decimal, hexadecimal, octal or binary in the text).
    case integer(Int)
    /// A 64-bit float, including `inf`, `-inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An offset or local date-time, a local date or a local time.
    case dateTime(TOMLDateTime)
    /// An array (`[…]`, or the tables of an array of tables `[[…]]`).
    case array([TOMLNode])
    /// A table (`[…]` header, dotted keys or `{…}`).
    case table(TOMLTable)

    /// The type's name, as used in messages: "string", "integer", "float", "boolean", "datetime",
    /// "array" or "table".
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime: "datetime"
        case .array: "array"
        case .table: "table"
        }
    }

    /// The string, if this is a string.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer, if this is an integer.
    public var integer: Int? {
        if case .integer(let number) = self { return number }
        return nil
    }

    /// The number, if this is a float or an integer (converted to the nearest `Double`).
    public var double: Double? {
        switch self {
        case .float(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    /// The flag, if this is a boolean.
    public var bool: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    /// The date-time, if this is one of the date and time types.
    public var dateTime: TOMLDateTime? {
        if case .dateTime(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var array: [TOMLNode]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The table, if this is a table.
    public var table: TOMLTable? {
        if case .table(let table) = self { return table }
        return nil
    }
}

extension TOMLValue: CustomStringConvertible {
    /// The value as TOML text: `"text"` (escaped), `42`, `1.5`, `inf`, `true`, `1979-05-27`,
    /// `[1, 2]`, `{ a = 1 }`.
    public var description: String {
        switch self {
        case .string(let text): TOMLKeyText.quoted(text)
        case .integer(let number): String(number)
        case .float(let number):
            number.isNaN ? "nan" : number.isInfinite ? (number < 0 ? "-inf" : "inf") : String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .dateTime(let value): value.description
        case .array(let elements): "[" + elements.map(\.value.description).joined(separator: ", ") + "]"
        case .table(let table):
            table.entries.isEmpty ? "{}"
                : "{ " + table.entries.map { "\(TOMLKeyText.key($0.key)) = \($0.node.value)" }.joined(separator: ", ") + " }"
        }
    }
}
