/// A value with the place it was written: the first character of the value (the opening quote, `[`,
/// `{`, the first digit or sign); for a table made by a `[header]` or `[[header]]` the header's `[`,
/// for a table made implicitly (by a header's or a dotted key's path) the first key that names it.
public struct TOMLNode: Hashable, Sendable {
    /// The value.
    public var value: TOMLValue
    /// Where the value starts in the text.
    public var position: TOMLPosition

    /// A value at a position.
    public init(value: TOMLValue, position: TOMLPosition) {
        self.value = value
        self.position = position
    }

    /// The value's type name ("string", "integer", …; see ``TOMLValue/typeName``).
    public var typeName: String { value.typeName }
    /// The string, if the value is a string.
    public var string: String? { value.string }
    /// The integer, if the value is an integer.
    public var integer: Int? { value.integer }
    /// The number, if the value is a float or an integer.
    public var double: Double? { value.double }
    /// The flag, if the value is a boolean.
    public var bool: Bool? { value.bool }
    /// The date-time, if the value is one of the date and time types.
    public var dateTime: TOMLDateTime? { value.dateTime }
    /// The elements, if the value is an array.
    public var array: [TOMLNode]? { value.array }
    /// The table, if the value is a table.
    public var table: TOMLTable? { value.table }
}

/// One key of a table, with the place the key was first written and its value.
public struct TOMLEntry: Hashable, Sendable {
    /// The key (one component: `b` for `a.b = 1` inside table `a`), unquoted and unescaped.
    public var key: String
    /// Where the key was first written: its first character (the quote of a quoted key).
    public var keyPosition: TOMLPosition
    /// The value.
    public var node: TOMLNode

    /// An entry.
    public init(key: String, keyPosition: TOMLPosition, node: TOMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}
