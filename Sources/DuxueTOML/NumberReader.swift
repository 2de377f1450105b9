/// Reads TOML integers and floats from a bare token, following TOML 1.0's grammar exactly: decimal
/// integers without leading zeros, `0x`/`0o`/`0b` without a sign, `_` only between two digits, floats
/// with digits on both sides of the `.`, `inf` and `nan` with an optional sign.
enum NumberReader {
    /// What a token is.
    enum Outcome: Equatable {
        case integer(Int)
        case float(Double)
        /// A well-formed integer outside the 64-bit signed range.
        case outOfRange
        /// Not a number.
        case invalid
    }

    /// Reads `token` (all of it).
    static func read(_ token: ArraySlice<UInt8>) -> Outcome {
        var body = token[...]
        var negative = false
        var signed = false
        if let first = body.first, first == .plus || first == .minus {
            signed = true
            negative = first == .minus
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(negative ? -.nan : .nan) }
        if body.count >= 2, body.first == UInt8(ascii: "0"), let radix = radix(body[body.startIndex + 1]) {
            guard !signed else { return .invalid }
            return prefixed(body.dropFirst(2), radix: radix)
        }
        return decimal(token, body: body)
    }

    /// The radix a prefix letter names (`x`, `o`, `b`; lower case only).
    private static func radix(_ letter: UInt8) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// The digits after `0x`, `0o` or `0b`.
    private static func prefixed(_ digits: ArraySlice<UInt8>, radix: Int) -> Outcome {
        guard let cleaned = digitsWithUnderscores(digits, radix: radix) else { return .invalid }
        var value = 0
        for digit in cleaned {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            if overflow || carry { return .outOfRange }
            value = sum
        }
        return .integer(value)
    }

    /// A decimal integer or a float; `token` is the whole text, `body` the part after the sign.
    private static func decimal(_ token: ArraySlice<UInt8>, body: ArraySlice<UInt8>) -> Outcome {
        // Integer part: up to `.`, `e` or `E`.
        let integerEnd = body.firstIndex { $0 == .dot || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? body.endIndex
        let integerPart = body[..<integerEnd]
        guard let integerDigits = digitsWithUnderscores(integerPart, radix: 10) else { return .invalid }
        if integerDigits.count > 1, integerDigits.first == 0 { return .invalid }
        var rest = body[integerEnd...]
        var isFloat = false
        if rest.first == .dot {
            rest = rest.dropFirst()
            let fractionEnd = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? rest.endIndex
            guard digitsWithUnderscores(rest[..<fractionEnd], radix: 10) != nil else { return .invalid }
            rest = rest[fractionEnd...]
            isFloat = true
        }
        if let letter = rest.first, letter == UInt8(ascii: "e") || letter == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == .plus || sign == .minus { rest = rest.dropFirst() }
            guard digitsWithUnderscores(rest, radix: 10) != nil else { return .invalid }
            rest = rest[rest.endIndex...]
            isFloat = true
        }
        guard rest.isEmpty else { return .invalid }
        let text = String(decoding: token.filter { $0 != .underscore }, as: UTF8.self)
        if isFloat {
            guard let number = Double(text) else { return .invalid }
            return .float(number)
        }
        guard let number = Int(text) else { return .outOfRange }
        return .integer(number)
    }

    /// The digit values of `text` in `radix`, when it is one or more digits with single `_`s between
    /// digits; `nil` otherwise.
    private static func digitsWithUnderscores(_ text: ArraySlice<UInt8>, radix: Int) -> [Int]? {
        var digits: [Int] = []
        var afterDigit = false
        for byte in text {
            if byte == .underscore {
                guard afterDigit else { return nil }
                afterDigit = false
                continue
            }
            guard let value = byte.hexValue.map(Int.init), value < radix else { return nil }
            digits.append(value)
            afterDigit = true
        }
        return afterDigit ? digits : nil
    }
}
