/// One field of a CSV record.
public struct CSVField: Hashable, Sendable {
    /// The value: unquoted fields trimmed of surrounding white space, quoted fields exactly as written
    /// (doubled quotes undone).
    public var value: String
    /// 1-based field index in the record.
    public var column: Int
    /// 1-based character (Unicode scalar) column where the field starts on its line, after leading spaces.
    public var characterColumn: Int
    /// Whether the field was quoted.
    public var quoted: Bool

    /// A field.
    public init(value: String, column: Int, characterColumn: Int, quoted: Bool) {
        self.value = value
        self.column = column
        self.characterColumn = characterColumn
        self.quoted = quoted
    }
}

/// One record (row) of a CSV file.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based line on which the record starts.
    public var line: Int
    /// The fields, in order.
    public var fields: [CSVField]

    /// A record.
    public init(line: Int, fields: [CSVField]) {
        self.line = line
        self.fields = fields
    }

    /// The field values.
    public var values: [String] { fields.map(\.value) }

    /// The value of the field at a 0-based index, or `nil` past the end.
    public subscript(index: Int) -> String? { fields.indices.contains(index) ? fields[index].value : nil }
}

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

/// An RFC 4180 CSV reader that yields one record at a time.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF, LF or CR; white space
/// around unquoted fields (and around quoted ones, outside the quotes) is trimmed; records whose fields are
/// all empty and unquoted (blank lines, or Excel's trailing `,,,` rows) are skipped. After an error,
/// `next()` carries on with the following line (an open quote consumes the rest of the file).
public struct CSVReader: Sendable {
    private let scalars: String.UnicodeScalarView
    private var index: String.UnicodeScalarView.Index
    private var line = 1
    private var column = 1

    /// A reader over decoded text.
    public init(text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    /// The next non-blank record, or `nil` at the end.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        while index < scalars.endIndex {
            let record = try readRecord()
            if record.fields.contains(where: { $0.quoted || !$0.value.isEmpty }) { return record }
        }
        return nil
    }

    /// All records; throws at the first error, including a record whose width differs from the first's.
    public mutating func readAll() throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() {
            if let expected = records.first?.fields.count, record.fields.count != expected {
                throw .raggedRow(line: record.line, fields: record.fields.count, expected: expected)
            }
            records.append(record)
        }
        return records
    }

    /// Parses a whole text (convenience for `readAll`).
    public static func parse(_ text: String) throws(CSVError) -> [CSVRecord] {
        var reader = CSVReader(text: text)
        return try reader.readAll()
    }

    // MARK: - Scanning

    private var current: Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }

    private mutating func advance() {
        guard index < scalars.endIndex else { return }
        let scalar = scalars[index]
        index = scalars.index(after: index)
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else if scalar != "\r" {
            column += 1
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\r" && (scalar.properties.isWhitespace || scalar == "\u{FEFF}")
    }

    private mutating func skipSpaces() {
        while let scalar = current, Self.isSpace(scalar) { advance() }
    }

    /// Consumes a line ending if one is next; returns whether it did.
    private mutating func consumeLineEnd() -> Bool {
        guard let scalar = current, scalar == "\n" || scalar == "\r" else { return false }
        advance()
        if scalar == "\r", current == "\n" { advance() }
        return true
    }

    private mutating func skipRestOfLine() {
        while let scalar = current, scalar != "\n", scalar != "\r" { advance() }
        _ = consumeLineEnd()
    }

    private mutating func readRecord() throws(CSVError) -> CSVRecord {
        let recordLine = line
        var fields: [CSVField] = []
        while true {
            let fieldNumber = fields.count + 1
            skipSpaces()
            let start = column
            var value = String.UnicodeScalarView()
            var quoted = false
            if current == "\"" {
                quoted = true
                let openLine = line, openColumn = column
                advance()
                while true {
                    guard let scalar = current else {
                        throw .openQuote(line: openLine, column: openColumn, field: fieldNumber)
                    }
                    advance()
                    if scalar == "\"" {
                        if current == "\"" {
                            value.append("\"")
                            advance()
                        } else {
                            break
                        }
                    } else {
                        value.append(scalar)
                    }
                }
                skipSpaces()
                if let scalar = current, scalar != ",", scalar != "\n", scalar != "\r" {
                    let badLine = line, badColumn = column
                    skipRestOfLine()
                    throw .textAfterQuote(line: badLine, column: badColumn, field: fieldNumber)
                }
            } else {
                while let scalar = current, scalar != ",", scalar != "\n", scalar != "\r" {
                    value.append(scalar)
                    advance()
                }
                while let last = value.last, Self.isSpace(last) { value.removeLast() }
            }
            fields.append(CSVField(value: String(value), column: fieldNumber, characterColumn: start, quoted: quoted))
            if current == "," {
                advance()
                continue
            }
            _ = consumeLineEnd()
            return CSVRecord(line: recordLine, fields: fields)
        }
    }
}
