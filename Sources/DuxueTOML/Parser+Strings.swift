extension Parser {
    /// `"…"`: escapes, no line breaks, no control characters but tab.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let open = i
        i += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error(.unterminatedString, at: open) }
            switch byte {
            case .quote:
                i += 1
                return String(decoding: text, as: UTF8.self)
            case .backslash:
                try parseEscape(into: &text)
            case .lineFeed:
                throw error(.newlineInString, at: open)
            case .carriageReturn where peek(1) == .lineFeed:
                throw error(.newlineInString, at: open)
            default:
                if byte.isControl || byte == .carriageReturn { throw error(.controlCharacter(code: Int(byte)), at: i) }
                text.append(byte)
                i += 1
            }
        }
    }

    /// `"""…"""`: escapes, line breaks (a `\r\n` becomes `\n`), a first line break dropped, a `\` at a
    /// line's end joining it to the next non-blank text, up to two quotes before the closing three.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let open = i
        i += 3
        try skipFirstNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error(.unterminatedString, at: open) }
            switch byte {
            case .quote:
                if try closesMultiline(.quote, into: &text) { return String(decoding: text, as: UTF8.self) }
            case .backslash:
                if lineEndingBackslash() {
                    try skipBlankAfterLineEndingBackslash()
                } else {
                    try parseEscape(into: &text)
                }
            default:
                try appendMultilineByte(byte, to: &text)
            }
        }
    }

    /// `'…'`: the text as written, no line breaks, no control characters but tab.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 1
        let start = i
        while true {
            guard let byte = peek() else { throw error(.unterminatedString, at: open) }
            switch byte {
            case .apostrophe:
                let text = source.text(start..<i)
                i += 1
                return text
            case .lineFeed:
                throw error(.newlineInString, at: open)
            case .carriageReturn where peek(1) == .lineFeed:
                throw error(.newlineInString, at: open)
            default:
                if byte.isControl || byte == .carriageReturn { throw error(.controlCharacter(code: Int(byte)), at: i) }
                i += 1
            }
        }
    }

    /// `'''…'''`: the text as written over several lines (a `\r\n` becomes `\n`), a first line break
    /// dropped, up to two apostrophes before the closing three.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let open = i
        i += 3
        try skipFirstNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error(.unterminatedString, at: open) }
            if byte == .apostrophe {
                if try closesMultiline(.apostrophe, into: &text) { return String(decoding: text, as: UTF8.self) }
            } else {
                try appendMultilineByte(byte, to: &text)
            }
        }
    }

    // MARK: Pieces

    /// A line break right after the opening delimiter is not part of the string.
    private mutating func skipFirstNewline() throws(TOMLError) {
        if peek() == .lineFeed || peek() == .carriageReturn { try skipNewline() }
    }

    /// At a run of `quote`s in a multi-line string: fewer than three are text; three to five close
    /// the string, the ones before the last three being text; more is an error.
    private mutating func closesMultiline(_ quote: UInt8, into text: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        if run > 5 { throw error(.tooManyQuotes, at: i) }
        let kept = run < 3 ? run : run - 3
        text.append(contentsOf: repeatElement(quote, count: kept))
        i += run
        return run >= 3
    }

    /// One byte of a multi-line string's text: a line break (normalized to `\n`) or any character
    /// but a control character.
    private mutating func appendMultilineByte(_ byte: UInt8, to text: inout [UInt8]) throws(TOMLError) {
        if byte == .lineFeed || byte == .carriageReturn {
            try skipNewline()
            text.append(.lineFeed)
            return
        }
        if byte.isControl { throw error(.controlCharacter(code: Int(byte)), at: i) }
        text.append(byte)
        i += 1
    }

    /// Whether the `\` at `i` ends its line (only spaces or tabs after it).
    private func lineEndingBackslash() -> Bool {
        var ahead = 1
        while let byte = peek(ahead), byte == .space || byte == .tab { ahead += 1 }
        return peek(ahead) == .lineFeed || (peek(ahead) == .carriageReturn && peek(ahead + 1) == .lineFeed)
    }

    /// After a line-ending `\`: skips it and all white space and line breaks that follow.
    private mutating func skipBlankAfterLineEndingBackslash() throws(TOMLError) {
        i += 1
        while let byte = peek() {
            switch byte {
            case .space, .tab: i += 1
            case .lineFeed, .carriageReturn: try skipNewline()
            default: return
            }
        }
    }

    /// An escape at the `\` at `i`: `\b \t \n \f \r \" \\`, `\uXXXX`, `\UXXXXXXXX`.
    mutating func parseEscape(into text: inout [UInt8]) throws(TOMLError) {
        let start = i
        guard let code = peek(1) else { throw error(.invalidEscape("\\"), at: start) }
        i += 2
        switch code {
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "t"): text.append(.tab)
        case UInt8(ascii: "n"): text.append(.lineFeed)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "r"): text.append(.carriageReturn)
        case .quote: text.append(.quote)
        case .backslash: text.append(.backslash)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            var value: UInt32 = 0
            for _ in 0..<(code == UInt8(ascii: "u") ? 4 : 8) {
                guard let digit = peek()?.hexValue else {
                    throw error(.invalidEscape(source.text(start..<i) + printable(at: i)), at: start)
                }
                value = value << 4 | digit
                i += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error(.invalidUnicodeEscape(source.text(start..<i)), at: start)
            }
            text.append(contentsOf: String(scalar).utf8)
        default:
            throw error(.invalidEscape("\\" + printable(at: start + 1)), at: start)
        }
    }

    /// The character at `offset` for a message, or nothing if it is a control character or a line end.
    private func printable(at offset: Int) -> String {
        guard offset < bytes.count, !bytes[offset].isControl, bytes[offset] != .lineFeed, bytes[offset] != .carriageReturn
        else { return "" }
        return source.scalar(at: offset)
    }
}
