/// Malformed CSV, with its place in the file.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A quote opened at this line and character column (in field `field`) is never closed.
    case openQuote(line: Int, column: Int, field: Int)
    /// Text follows a closing quote (at this line and character column, in field `field`).
    case textAfterQuote(line: Int, column: Int, field: Int)
    /// A record with `fields` fields where the header has `expected`.
    case raggedRow(line: Int, fields: Int, expected: Int)

    /// The 1-based line of the problem.
    public var line: Int {
        switch self {
        case .openQuote(let line, _, _), .textAfterQuote(let line, _, _), .raggedRow(let line, _, _): line
        }
    }

    /// A lower-case message naming the place and the fix.
    public var description: String {
        switch self {
        case .openQuote(let line, let column, let field):
            "quote opened at line \(line), column \(column) (field \(field)) is never closed: "
                + "close it with \" or remove it, and double any quote inside a quoted field (\"\")"
        case .textAfterQuote(let line, let column, let field):
            "text after the closing quote at line \(line), column \(column) (field \(field)): "
                + "put the whole field in quotes and double any quote inside it (\"\")"
        case .raggedRow(let line, let fields, let expected):
            "line \(line) has \(fields) field\(fields == 1 ? "" : "s") where the header has \(expected): "
                + "check for a missing or extra comma, and quote values that contain commas"
        }
    }
}

/// An RFC 4180 CSV parser that yields one record at a time: the CSV source of a ``TableReader`` (which
/// callers know by its older name, ``CSVReader``).
///
/// Quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF, LF or CR; white space
/// around unquoted fields (and around quoted ones, outside the quotes) is trimmed; records whose fields are
/// all empty and unquoted (blank lines, or Excel's trailing `,,,` rows) are skipped. After an error,
/// `next()` carries on with the following line (an open quote consumes the rest of the file).
///
/// The reader works on UTF-8 bytes pulled in blocks, so a file is parsed as it is read and decoded: memory
/// holds one block and the current record, never the whole file. Columns count Unicode scalars.
struct CSVParser: RecordSource {
    private var bytes: ByteBuffer
    private var line = 1
    private var column = 1
    private var field: [UInt8] = []

    /// A parser over decoded text.
    init(text: String) {
        bytes = ByteBuffer(first: Array(text.utf8), more: nil)
    }

    /// A reader over UTF-8 blocks: `more` returns the next block, `nil` at the end. Blocks may split a
    /// record or a character anywhere; together they must be valid UTF-8.
    init(blocks more: @escaping () -> [UInt8]?) {
        bytes = ByteBuffer(first: [], more: more)
    }

    /// The next non-blank record, or `nil` at the end.
    mutating func next() throws(CSVError) -> TableRecord? {
        while bytes.peek() != nil {
            let record = try readRecord()
            if record.fields.contains(where: { $0.quoted || !$0.value.isEmpty }) { return record }
        }
        return nil
    }

    // MARK: - Scanning

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    /// Consumes one byte, keeping line and (scalar) column.
    private mutating func advance() {
        guard let byte = bytes.peek() else { return }
        bytes.skip(1)
        if byte == Self.newline || (byte == Self.carriageReturn && bytes.peek() != Self.newline) {
            line += 1
            column = 1
        } else if byte != Self.carriageReturn, byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// The length in bytes of the white-space scalar (or byte-order mark) that starts here, else 0. Line
    /// breaks are not white space here.
    private mutating func spaceLength() -> Int {
        guard let byte = bytes.peek() else { return 0 }
        switch byte {
        case 0x20, 0x09, 0x0B, 0x0C: return 1
        case 0xC2:
            let next = bytes.peek(1)
            return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1:
            return bytes.peek(1) == 0x9A && bytes.peek(2) == 0x80 ? 3 : 0
        case 0xE2:
            guard let b1 = bytes.peek(1), let b2 = bytes.peek(2) else { return 0 }
            // U+2000…U+200A, U+2028, U+2029, U+202F; U+205F.
            if b1 == 0x80, (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3:
            return bytes.peek(1) == 0x80 && bytes.peek(2) == 0x80 ? 3 : 0
        case 0xEF:
            return bytes.peek(1) == 0xBB && bytes.peek(2) == 0xBF ? 3 : 0
        default: return 0
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\r" && (scalar.properties.isWhitespace || scalar == "\u{FEFF}")
    }

    private mutating func skipSpaces() {
        while case let length = spaceLength(), length > 0 {
            for _ in 0..<length { advance() }
        }
    }

    /// Consumes a line ending if one is next.
    private mutating func consumeLineEnd() {
        guard let byte = bytes.peek(), byte == Self.newline || byte == Self.carriageReturn else { return }
        advance()
        if byte == Self.carriageReturn, bytes.peek() == Self.newline { advance() }
    }

    private mutating func skipRestOfLine() {
        while let byte = bytes.peek(), byte != Self.newline, byte != Self.carriageReturn { advance() }
        consumeLineEnd()
    }

    /// The field's text; unquoted fields lose trailing white space.
    private func fieldValue(trimming: Bool) -> String {
        var value = String(decoding: field, as: UTF8.self)
        guard trimming, let last = field.last, last >= 0x80 || last == 0x20 || (0x09...0x0C).contains(last) else {
            return value
        }
        while let scalar = value.unicodeScalars.last, Self.isSpace(scalar) { value.unicodeScalars.removeLast() }
        return value
    }

    private mutating func readRecord() throws(CSVError) -> TableRecord {
        let recordLine = line
        var fields: [TableField] = []
        while true {
            let fieldNumber = fields.count + 1
            skipSpaces()
            let start = column
            field.removeAll(keepingCapacity: true)
            var quoted = false
            if bytes.peek() == Self.quote {
                quoted = true
                let openLine = line, openColumn = column
                advance()
                while true {
                    guard let byte = bytes.peek() else {
                        throw .openQuote(line: openLine, column: openColumn, field: fieldNumber)
                    }
                    advance()
                    if byte == Self.quote {
                        if bytes.peek() == Self.quote {
                            field.append(Self.quote)
                            advance()
                        } else {
                            break
                        }
                    } else {
                        field.append(byte)
                    }
                }
                skipSpaces()
                if let byte = bytes.peek(), byte != Self.comma, byte != Self.newline, byte != Self.carriageReturn {
                    let badLine = line, badColumn = column
                    skipRestOfLine()
                    throw .textAfterQuote(line: badLine, column: badColumn, field: fieldNumber)
                }
            } else {
                while let byte = bytes.peek(), byte != Self.comma, byte != Self.newline, byte != Self.carriageReturn {
                    field.append(byte)
                    advance()
                }
            }
            fields.append(TableField(
                value: fieldValue(trimming: !quoted), column: fieldNumber, characterColumn: start, quoted: quoted))
            if bytes.peek() == Self.comma {
                advance()
                continue
            }
            consumeLineEnd()
            return TableRecord(line: recordLine, fields: fields)
        }
    }
}

/// Bytes pulled block by block, with a few bytes of look-ahead across block boundaries.
struct ByteBuffer {
    private var buffer: [UInt8]
    private var index = 0
    private var more: (() -> [UInt8]?)?

    init(first: [UInt8], more: (() -> [UInt8]?)?) {
        buffer = first
        self.more = more
    }

    /// The byte `offset` places ahead, or `nil` past the end.
    @inline(__always)
    mutating func peek(_ offset: Int = 0) -> UInt8? {
        let position = index + offset
        if position < buffer.count { return buffer[position] }
        return refill(offset)
    }

    /// Moves on `count` bytes (that `peek` has seen).
    @inline(__always)
    mutating func skip(_ count: Int) { index = min(index + count, buffer.count) }

    private mutating func refill(_ offset: Int) -> UInt8? {
        while index + offset >= buffer.count {
            guard let producer = more, let block = producer() else {
                more = nil
                return nil
            }
            buffer.removeFirst(index)
            index = 0
            buffer.append(contentsOf: block)
        }
        return buffer[index + offset]
    }
}
