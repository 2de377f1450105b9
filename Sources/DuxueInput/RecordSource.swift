/// One cell of a table row: a CSV field or a worksheet cell, as text.
public struct TableField: Hashable, Sendable {
    /// The value: unquoted CSV fields trimmed of surrounding white space, quoted ones exactly as written
    /// (doubled quotes undone); a worksheet cell as ``DuxueSheets/CellValue/text`` gives it (numbers with
    /// every digit, dates YYYY-MM-DD).
    public var value: String
    /// 1-based field index in the record; in a worksheet, the cell's column (1 = A).
    public var column: Int
    /// 1-based character (Unicode scalar) column where a CSV field starts on its line; the column in a sheet.
    public var characterColumn: Int
    /// Whether the CSV field was quoted (a worksheet cell holding text counts as quoted).
    public var quoted: Bool
    /// For a worksheet cell holding a plain number between 1940 and 2100 as a serial date: that date
    /// (YYYY-MM-DD), for the columns that hold dates.
    public var serialDate: String?
    /// For a worksheet cell whose formula was never computed (no saved value): the formula.
    public var uncalculatedFormula: String?
    /// Whether the worksheet column is hidden in Excel.
    public var hiddenColumn = false

    /// A field.
    public init(value: String, column: Int, characterColumn: Int, quoted: Bool, serialDate: String? = nil,
                uncalculatedFormula: String? = nil) {
        self.value = value
        self.column = column
        self.characterColumn = characterColumn
        self.quoted = quoted
        self.serialDate = serialDate
        self.uncalculatedFormula = uncalculatedFormula
    }
}

/// One row of a table: a CSV record (its first line) or a worksheet row (its row number).
public struct TableRecord: Hashable, Sendable {
    /// 1-based line on which a CSV record starts; a worksheet row's number as Excel shows it. The sheet,
    /// when there is one, is the source's (``InputProblem/sheet``).
    public var line: Int
    /// The fields, in order; a worksheet row has one per column from A to its last value.
    public var fields: [TableField]
    /// Whether the worksheet row is hidden.
    public var hidden: Bool

    /// A record.
    public init(line: Int, fields: [TableField], hidden: Bool = false) {
        self.line = line
        self.fields = fields
        self.hidden = hidden
    }

    /// The field values.
    public var values: [String] { fields.map(\.value) }

    /// The value of the field at a 0-based index, or `nil` past the end.
    public subscript(index: Int) -> String? { fields.indices.contains(index) ? fields[index].value : nil }

    /// Whether no field holds anything.
    var isBlank: Bool { !fields.contains { $0.quoted || !$0.value.isEmpty } }
}

/// The records of a CSV file, by their older name.
public typealias CSVRecord = TableRecord
/// The fields of a CSV record, by their older name.
public typealias CSVField = TableField
/// The table reader, by its older name: readers written for CSV read worksheets through it unchanged.
public typealias CSVReader = TableReader

/// Where the rows of a table come from: CSV text, or a worksheet. Each row is text cells with a position
/// (a line; a sheet row and column letters), so that one code path reads, checks and reports both.
protocol RecordSource {
    /// The next non-blank row, or `nil` at the end. A CSV row that cannot be parsed throws; reading goes
    /// on with the next one.
    mutating func next() throws(CSVError) -> TableRecord?

    /// Picks, among the tables the source may hold (the sheets of a workbook), the one with the header of
    /// `specs`, recording what it notices (a hidden sheet); nothing to do for CSV.
    mutating func choose(specs: [ColumnSpec], problems: ProblemCollector)

    /// Whether the rows are a worksheet's: as wide as their last value, never ragged.
    var isWorksheet: Bool { get }
}

extension RecordSource {
    mutating func choose(specs: [ColumnSpec], problems: ProblemCollector) {}

    var isWorksheet: Bool { false }
}

/// Reads the rows of a table one at a time, from CSV text or a worksheet (see ``RecordSource``).
public struct TableReader {
    private var source: any RecordSource

    /// A reader over CSV text.
    public init(text: String) {
        source = CSVParser(text: text)
    }

    /// A reader over UTF-8 CSV blocks: `more` returns the next block, `nil` at the end. Blocks may split a
    /// record or a character anywhere; together they must be valid UTF-8.
    init(blocks more: @escaping () -> [UInt8]?) {
        source = CSVParser(blocks: more)
    }

    /// A reader over any source.
    init(source: any RecordSource) {
        self.source = source
    }

    /// The next non-blank record, or `nil` at the end.
    public mutating func next() throws(CSVError) -> TableRecord? {
        try source.next()
    }

    /// Whether the rows come from a worksheet.
    var isWorksheet: Bool { source.isWorksheet }

    /// Lets a workbook source pick the sheet holding the table of `specs`.
    mutating func choose(specs: [ColumnSpec], problems: ProblemCollector) {
        source.choose(specs: specs, problems: problems)
    }

    /// All records; throws at the first error, including a record whose width differs from the first's.
    public mutating func readAll() throws(CSVError) -> [TableRecord] {
        var records: [TableRecord] = []
        while let record = try next() {
            if let expected = records.first?.fields.count, record.fields.count != expected {
                throw .raggedRow(line: record.line, fields: record.fields.count, expected: expected)
            }
            records.append(record)
        }
        return records
    }

    /// Parses a whole CSV text (convenience for `readAll`).
    public static func parse(_ text: String) throws(CSVError) -> [TableRecord] {
        var reader = TableReader(text: text)
        return try reader.readAll()
    }
}
