extension Parser {
    /// A value whose container depth is `depth`: a string, an array, an inline table, or a bare token
    /// (boolean, number, date or time).
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLNode {
        let start = i
        let at = position(start)
        switch peek() {
        case .quote?:
            let multiline = peek(1) == .quote && peek(2) == .quote
            let text = multiline ? try parseMultilineBasicString() : try parseBasicString()
            return TOMLNode(value: .string(text), position: at)
        case .apostrophe?:
            let multiline = peek(1) == .apostrophe && peek(2) == .apostrophe
            let text = multiline ? try parseMultilineLiteralString() : try parseLiteralString()
            return TOMLNode(value: .string(text), position: at)
        case .leftBracket?:
            guard depth <= TableRules.maximumDepth else { throw error(.tooDeep(limit: TableRules.maximumDepth), at: start) }
            return TOMLNode(value: .array(try parseArray(depth: depth)), position: at)
        case .leftBrace?:
            guard depth <= TableRules.maximumDepth else { throw error(.tooDeep(limit: TableRules.maximumDepth), at: start) }
            return TOMLNode(value: .table(try parseInlineTable(at: at, depth: depth)), position: at)
        default:
            return TOMLNode(value: try parseToken(), position: at)
        }
    }

    /// `[ value, value, … ]`, over any number of lines, with comments and an optional trailing comma.
    mutating func parseArray(depth: Int) throws(TOMLError) -> [TOMLNode] {
        let open = i
        i += 1
        var elements: [TOMLNode] = []
        while true {
            try skipArrayTrivia()
            guard let byte = peek() else { throw error(.unterminatedArray, at: open) }
            if byte == .rightBracket {
                i += 1
                return elements
            }
            elements.append(try parseValue(depth: depth + 1))
            try skipArrayTrivia()
            guard let next = peek() else { throw error(.unterminatedArray, at: open) }
            if next == .comma {
                i += 1
            } else if next == .rightBracket {
                i += 1
                return elements
            } else {
                throw unexpected(.expectedArraySeparator)
            }
        }
    }

    /// `{ key = value, … }` on one line, without a trailing comma; dotted keys make tables inside it.
    mutating func parseInlineTable(at position: TOMLPosition, depth: Int) throws(TOMLError) -> TOMLTable {
        let open = i
        let table = MutableTable(kind: .inline, position: position, depth: depth)
        i += 1
        skipSpaces()
        if peek() == .rightBrace {
            i += 1
            return table.frozen()
        }
        while true {
            skipSpaces()
            switch peek() {
            case nil: throw error(.unterminatedInlineTable, at: open)
            case .lineFeed?, .carriageReturn?, .hash?: throw error(.newlineInInlineTable, at: i)
            default: break
            }
            try parseKeyValue(into: table)
            skipSpaces()
            switch peek() {
            case nil:
                throw error(.unterminatedInlineTable, at: open)
            case .comma?:
                let comma = i
                i += 1
                skipSpaces()
                if peek() == .rightBrace { throw error(.trailingCommaInInlineTable, at: comma) }
            case .rightBrace?:
                i += 1
                return table.frozen()
            case .lineFeed?, .carriageReturn?, .hash?:
                throw error(.newlineInInlineTable, at: i)
            default:
                throw unexpected(.expectedInlineTableSeparator)
            }
        }
    }

    /// A bare value: `true`, `false`, a number, `inf`, `nan`, a date, a time or a date-time (whose
    /// date and time may be separated by one space).
    mutating func parseToken() throws(TOMLError) -> TOMLValue {
        let start = i
        skipTokenBytes()
        if i - start == 10, DateTimeReader.isDate(bytes[start..<i]), peek() == .space, let next = peek(1), next.isDigit {
            i += 1
            skipTokenBytes()
        }
        let token = bytes[start..<i]
        guard let first = token.first else {
            if let byte = peek(), byte >= 0x80 { throw error(.unquotedText(word(from: start)), at: start) }
            throw unexpected(.expectedValue)
        }
        if token.elementsEqual("true".utf8) { return .boolean(true) }
        if token.elementsEqual("false".utf8) { return .boolean(false) }
        if DateTimeReader.looksLikeDateTime(token) || DateTimeReader.looksLikeMalformedDateTime(token) {
            guard let value = DateTimeReader.read(token) else {
                throw error(.invalidDateTime(source.text(start..<i)), at: start)
            }
            return .dateTime(value)
        }
        switch NumberReader.read(token) {
        case .integer(let number):
            return .integer(number)
        case .float(let number):
            return .float(number)
        case .outOfRange:
            throw error(.integerOutOfRange(source.text(start..<i)), at: start)
        case .invalid:
            if first.isLetter { throw error(.unquotedText(word(from: start)), at: start) }
            throw error(.invalidNumber(source.text(start..<i)), at: start)
        }
    }

    /// Skips the bytes a bare value can hold: letters, digits, `_ . : + -`.
    private mutating func skipTokenBytes() {
        while let byte = peek(), byte.isLetter || byte.isDigit || byte == .underscore || byte == .dot || byte == .colon
            || byte == .plus || byte == .minus {
            i += 1
        }
    }

    /// The unquoted word at `start` (up to white space or punctuation that ends a value), for messages;
    /// cut to 40 characters.
    private func word(from start: Int) -> String {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == .space || byte == .tab || byte == .comma || byte == .rightBracket || byte == .rightBrace
                || byte == .hash || byte == .lineFeed || byte == .carriageReturn || byte.isControl {
                break
            }
            end += 1
        }
        let text = source.text(start..<end)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
