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

extension TOMLValue {
    /// Whether two values are the same, positions aside: NaN equals NaN, strings and keys compare by
    /// Unicode scalars (as TOML does, not by canonical equivalence).
    public func isSame(as other: TOMLValue) -> Bool {
        switch (self, other) {
        case (.string(let x), .string(let y)):
            return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.float(let x), .float(let y)):
            return x.isNaN ? y.isNaN : x == y
        case (.array(let xs), .array(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { $0.value.isSame(as: $1.value) }
        case (.table(let x), .table(let y)):
            return x.entries.count == y.entries.count && zip(x.entries, y.entries).allSatisfy {
                $0.key.unicodeScalars.elementsEqual($1.key.unicodeScalars) && $0.node.value.isSame(as: $1.node.value)
            }
        default:
            return self == other
        }
    }
}
