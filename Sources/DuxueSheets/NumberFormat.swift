/// What a cell's number format means for reading it: a date, digits padded with zeros, or a plain number.
enum NumberFormat: Hashable, Sendable {
    /// A plain number (General, 0.00, @ …).
    case plain
    /// A date or date-time: the number is a serial date.
    case date
    /// Zeros only (`000000`): whole numbers shown with at least this many digits.
    case zeroPadded(Int)

    /// The format of a built-in id, or of a custom format code.
    init(id: Int, code: String?) {
        if let code {
            self = Self.classify(code)
            return
        }
        // Built-in date formats, including the Chinese locale's (27–36, 50–58).
        switch id {
        case 14...17, 22, 27...36, 50...58: self = .date
        default: self = .plain
        }
    }

    /// Reads a custom code: quoted text, escaped characters and bracketed parts (`[Red]`, `[$-804]`,
    /// `[DBNum1]`) are ignored; a code with y or d, or with m but no h or s, is a date.
    static func classify(_ code: String) -> NumberFormat {
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        var bare = ""
        var quoted = false, bracket = false, escaped = false
        for character in section {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { bare.append(character) }
            }
        }
        let lower = bare.lowercased()
        if !lower.isEmpty, lower.allSatisfy({ $0 == "0" }) { return .zeroPadded(lower.count) }
        if lower == "general" { return .plain }
        let hasTime = lower.contains("h") || lower.contains("s")
        if lower.contains("y") || lower.contains("d") || (lower.contains("m") && !hasTime) { return .date }
        return .plain
    }
}
