/// Keys and strings written back as TOML text, for messages and ``TOMLValue/description``.
enum TOMLKeyText {
    /// `key` bare when it can be (`A–Z a–z 0–9 _ -`), else as a quoted string.
    static func key(_ key: String) -> String {
        !key.isEmpty && key.utf8.allSatisfy(isBare) ? key : quoted(key)
    }

    /// A dotted key: `a."b c".d`.
    static func path(_ keys: [String]) -> String {
        keys.map(key).joined(separator: ".")
    }

    /// `text` as a basic string, escaping quotes, backslashes and control characters.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Upper-case hexadecimal with leading zeros up to `width` digits.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A byte allowed in a bare key.
    static func isBare(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
