/// A typed identifier: a non-empty, trimmed string tagged with the entity it names.
public protocol TypedID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The identifier as written in the user's files.
    var rawValue: String { get }
    /// Wraps a raw identifier without checking it (readers validate before calling).
    init(uncheckedRawValue: String)
}

extension TypedID {
    /// Validates a raw identifier: returns `nil` for an empty or blank string.
    public init?(_ raw: String) {
        let trimmed = raw.trimmedWhitespace
        guard !trimmed.isEmpty else { return nil }
        self.init(uncheckedRawValue: trimmed)
    }

    /// The raw identifier.
    public var description: String { rawValue }

    /// Orders identifiers naturally, so S-2 comes before S-10.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.naturalLess(than: rhs.rawValue) }

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws {
        self.init(uncheckedRawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A responsibility zone (督学责任区), named as in the district's files.
public struct Zone: TypedID {
    /// The zone's name.
    public let rawValue: String
    /// Wraps a name without checking it.
    public init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }
}

extension String {
    /// The string without leading and trailing white space (including the ideographic space).
    public var trimmedWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// Compares with runs of digits taken as numbers ("S-2" < "S-10").
    public func naturalLess(than other: String) -> Bool {
        var left = Substring(self).unicodeScalars[...], right = Substring(other).unicodeScalars[...]
        while let l = left.first, let r = right.first {
            let lDigit = ("0"..."9").contains(l), rDigit = ("0"..."9").contains(r)
            if lDigit && rDigit {
                let lRun = left.prefix { ("0"..."9").contains($0) }
                let rRun = right.prefix { ("0"..."9").contains($0) }
                let lNumber = String(String.UnicodeScalarView(lRun)).drop { $0 == "0" }
                let rNumber = String(String.UnicodeScalarView(rRun)).drop { $0 == "0" }
                if lNumber.count != rNumber.count { return lNumber.count < rNumber.count }
                if lNumber != rNumber { return lNumber < rNumber }
                left = left.dropFirst(lRun.count)
                right = right.dropFirst(rRun.count)
            } else {
                if l != r { return l.value < r.value }
                left = left.dropFirst()
                right = right.dropFirst()
            }
        }
        return left.isEmpty && !right.isEmpty
    }
}
