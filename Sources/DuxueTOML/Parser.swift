/// The reader: one pass over the bytes, statement by statement (blank or comment lines, `[table]` and
/// `[[table]]` headers, `key = value` pairs), building the document under ``TableRules``.
///
/// Every loop advances through the bytes, and only arrays and inline tables recurse, at most
/// ``TableRules/maximumDepth`` levels; so reading ends, without trapping, on any input.
struct Parser {
    /// The text and its positions.
    var source: SourceText
    /// The bytes (the same array as `source.bytes`).
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var i = 0
    /// The document.
    let root: MutableTable
    /// The table that key/value pairs go into: the document, or the table of the last header.
    var section: MutableTable

    init(bytes: [UInt8]) {
        source = SourceText(bytes)
        self.bytes = source.bytes
        let document = MutableTable(kind: .root, position: TOMLPosition(line: 1, column: 1), depth: 0)
        root = document
        section = document
    }

    /// Reads the whole document.
    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if let bad = source.firstInvalidUTF8() {
            throw TOMLError(.invalidUTF8, at: source.positionBeforeInvalidUTF8(at: bad))
        }
        while true {
            skipSpaces()
            guard let byte = peek() else { break }
            switch byte {
            case .hash:
                try skipComment()
            case .lineFeed, .carriageReturn:
                try skipNewline()
            case .leftBracket:
                try parseHeader()
                try endOfLine()
            default:
                try parseKeyValue(into: section)
                try endOfLine()
            }
        }
        return root.frozen()
    }

    // MARK: Bytes and positions

    /// The byte `ahead` places after the next one, if the text goes that far.
    func peek(_ ahead: Int = 0) -> UInt8? {
        i + ahead < bytes.count ? bytes[i + ahead] : nil
    }

    /// The position of the byte at `offset`.
    mutating func position(_ offset: Int) -> TOMLPosition { source.position(at: offset) }

    /// An error at `offset`.
    mutating func error(_ reason: TOMLError.Reason, at offset: Int) -> TOMLError {
        TOMLError(reason, at: position(offset))
    }

    /// An error for the byte at `i`, which is not what belongs there: a control character is named as
    /// such, anything else gets `reason`.
    mutating func unexpected(_ reason: TOMLError.Reason) -> TOMLError {
        guard let byte = peek(), byte != .lineFeed else { return error(reason, at: i) }
        let strayReturn = byte == .carriageReturn && peek(1) != .lineFeed
        if strayReturn || (byte.isControl && byte != .carriageReturn) {
            return error(.controlCharacter(code: Int(byte)), at: i)
        }
        return error(reason, at: i)
    }

    // MARK: White space, comments, line ends

    /// Skips spaces and tabs.
    mutating func skipSpaces() {
        while let byte = peek(), byte == .space || byte == .tab { i += 1 }
    }

    /// Skips a line feed or a carriage return + line feed.
    mutating func skipNewline() throws(TOMLError) {
        if peek() == .lineFeed {
            i += 1
        } else if peek() == .carriageReturn, peek(1) == .lineFeed {
            i += 2
        } else {
            throw unexpected(.expectedNewline)
        }
    }

    /// Skips a comment from its `#` up to (not including) the line end, checking its characters.
    mutating func skipComment() throws(TOMLError) {
        i += 1
        while let byte = peek(), byte != .lineFeed {
            if byte == .carriageReturn, peek(1) == .lineFeed { return }
            if byte.isControl { throw error(.controlCharacter(code: Int(byte)), at: i) }
            i += 1
        }
    }

    /// After a header or key/value pair: spaces, an optional comment, then a line end or the end.
    mutating func endOfLine() throws(TOMLError) {
        skipSpaces()
        if peek() == .hash { try skipComment() }
        guard peek() != nil else { return }
        try skipNewline()
    }

    /// Inside arrays: spaces, line ends and comments.
    mutating func skipArrayTrivia() throws(TOMLError) {
        while let byte = peek() {
            switch byte {
            case .space, .tab: i += 1
            case .hash: try skipComment()
            case .lineFeed, .carriageReturn: try skipNewline()
            default: return
            }
        }
    }

    // MARK: Headers and keys

    /// `[a.b]` or `[[a.b]]`: opens the table that the following pairs go into.
    mutating func parseHeader() throws(TOMLError) {
        let start = i
        let header = position(start)
        let arrayOfTables = peek(1) == .leftBracket
        i += arrayOfTables ? 2 : 1
        let path = try parseKey()
        guard peek() == .rightBracket, !arrayOfTables || peek(1) == .rightBracket else {
            throw unexpected(.expectedHeaderEnd(arrayOfTables: arrayOfTables))
        }
        i += arrayOfTables ? 2 : 1
        section = try TableRules.open(path, arrayOfTables: arrayOfTables, header: header, in: root)
    }

    /// `key = value` into `table` (the current section, or an inline table).
    mutating func parseKeyValue(into table: MutableTable) throws(TOMLError) {
        let path = try parseKey()
        guard peek() == .equals else { throw unexpected(.expectedEquals) }
        i += 1
        skipSpaces()
        let depth = table.depth + path.count
        if depth > TableRules.maximumDepth, let first = path.first {
            throw TOMLError(.tooDeep(limit: TableRules.maximumDepth), at: first.position)
        }
        let node = try parseValue(depth: depth)
        try TableRules.insert(path, node, into: table)
    }

    /// Punctuation that does not look like part of a key where one is expected: `= . [ ] { } , #`.
    static let notKeyCharacters: Set<UInt8> = [.equals, .dot, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .hash]

    /// A key, possibly dotted, with the spaces around it and its dots: `a`, `"a b"`, `a . 'b' . c`.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipSpaces()
            let start = i
            let name: String
            switch peek() {
            case .quote?:
                if peek(1) == .quote, peek(2) == .quote { throw error(.multilineKey, at: start) }
                name = try parseBasicString()
            case .apostrophe?:
                if peek(1) == .apostrophe, peek(2) == .apostrophe { throw error(.multilineKey, at: start) }
                name = try parseLiteralString()
            case let byte? where TOMLKeyText.isBare(byte):
                while let byte = peek(), TOMLKeyText.isBare(byte) { i += 1 }
                name = source.text(start..<i)
                if let next = peek(), next >= 0x80 || (next > 0x20 && next < 0x7F && next != .dot && next != .equals
                                                       && next != .rightBracket) {
                    throw error(.bareKeyCharacter(source.scalar(at: i)), at: i)
                }
            case let byte? where byte >= 0x80 || (byte > 0x20 && byte < 0x7F && !Self.notKeyCharacters.contains(byte)):
                throw error(.bareKeyCharacter(source.scalar(at: i)), at: i)
            default:
                throw unexpected(.expectedKey)
            }
            parts.append(KeyPart(name: name, position: position(start)))
            skipSpaces()
            guard peek() == .dot else { return parts }
            if parts.count >= TableRules.maximumDepth {
                throw error(.tooDeep(limit: TableRules.maximumDepth), at: i)
            }
            i += 1
        }
    }
}
