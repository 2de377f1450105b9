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

    /// Compares with runs of digits taken as numbers ("S-2" < "S-10"), and runs of Chinese numerals
    /// too, as zones are named ("第二责任区" < "第十责任区" < "第三十一责任区").
    public func naturalLess(than other: String) -> Bool {
        var left = Substring(self).unicodeScalars[...], right = Substring(other).unicodeScalars[...]
        while let l = left.first, let r = right.first {
            let lDigit = ("0"..."9").contains(l), rDigit = ("0"..."9").contains(r)
            if ChineseNumeral.starts(l), ChineseNumeral.starts(r) {
                let lRun = left.prefix(while: ChineseNumeral.continues)
                let rRun = right.prefix(while: ChineseNumeral.continues)
                let lValue = ChineseNumeral.value(lRun), rValue = ChineseNumeral.value(rRun)
                if lValue != rValue { return lValue < rValue }
                if lRun.count != rRun.count { return lRun.count < rRun.count }
                left = left.dropFirst(lRun.count)
                right = right.dropFirst(rRun.count)
            } else if lDigit && rDigit {
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

/// Chinese numerals as written in zone and school names (一 … 九十九, 一百零五), for natural ordering.
enum ChineseNumeral {
    private static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]

    /// Whether a numeral can start here (a digit or 十, as in 十五).
    static func starts(_ scalar: Unicode.Scalar) -> Bool { digits[scalar] != nil || scalar == "十" }

    /// Whether the scalar belongs to a numeral.
    static func continues(_ scalar: Unicode.Scalar) -> Bool { digits[scalar] != nil || units[scalar] != nil }

    /// The value of a run: 十 = 10, 十五 = 15, 三十一 = 31, 一百零五 = 105; a bare string of digits
    /// (二〇二三) reads digit by digit.
    static func value(_ run: Substring.UnicodeScalarView.SubSequence) -> Int {
        if !run.contains(where: { units[$0] != nil }) {
            return run.reduce(0) { min($0, Int.max / 10 - 9) * 10 + (digits[$1] ?? 0) }
        }
        var total = 0, pending = 0
        for scalar in run {
            if let digit = digits[scalar] {
                pending = digit
            } else if let unit = units[scalar] {
                total += (pending == 0 ? 1 : pending) * unit
                pending = 0
            }
        }
        return total + pending
    }
}
