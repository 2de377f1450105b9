import DuxueDomain

/// A table being read for validation (from CSV or a worksheet): the header map, then the rows of the
/// header's width one at a time (`rows` is single-pass: a CSV file is parsed as it is iterated, so only the
/// rows kept stay in memory).
final class LoadedTable {
    /// The matched header.
    let header: HeaderMap
    private var reader: TableReader
    private let problems: ProblemCollector
    private let records: RecordKind
    private var sawSyntaxError: Bool
    private var finished = false
    /// Rows read ahead while looking for the header, not yet yielded.
    private var pending: [Result<TableRecord, CSVError>]
    /// Rows yielded so far.
    private(set) var rowCount = 0
    /// Rows lost to CSV syntax errors (their values are unknown); complete once `rows` is exhausted.
    private(set) var droppedRows = 0
    /// Rows of the wrong width (reported; their values are known but not which column each is in).
    private(set) var raggedRows: [TableRecord] = []
    private let headerFields: [TableField]

    init(header: HeaderMap, headerFields: [TableField], reader: TableReader, pending: [Result<TableRecord, CSVError>],
         problems: ProblemCollector, records: RecordKind, sawSyntaxError: Bool, droppedRows: Int) {
        self.header = header
        self.headerFields = headerFields
        self.reader = reader
        self.pending = pending.reversed()
        self.problems = problems
        self.records = records
        self.sawSyntaxError = sawSyntaxError
        self.droppedRows = droppedRows
    }

    /// The rows, read as they are iterated; problems on the way are recorded.
    var rows: Rows { Rows(table: self) }

    /// Iteration over the rows.
    struct Rows: Sequence, IteratorProtocol {
        let table: LoadedTable
        mutating func next() -> TableRecord? { table.nextRow() }
    }

    private func read() throws(CSVError) -> TableRecord? {
        if let item = pending.popLast() { return try item.get() }
        return try reader.next()
    }

    fileprivate func nextRow() -> TableRecord? {
        while !finished {
            var record: TableRecord?
            do {
                record = try read()
            } catch {
                sawSyntaxError = true
                droppedRows += 1
                TableLoading.report(error, headerFields: headerFields, problems: problems)
                continue
            }
            guard var row = record else {
                finished = true
                if rowCount == 0 && !sawSyntaxError { problems.add(.noRecords(records), line: nil) }
                return nil
            }
            if reader.isWorksheet {
                // A sheet has no commas to miscount: cells past the header have no column, missing ones are empty.
                if row.fields.count > header.width { row.fields.removeLast(row.fields.count - header.width) }
                while row.fields.count < header.width {
                    let column = row.fields.count + 1
                    row.fields.append(TableField(value: "", column: column, characterColumn: column, quoted: false))
                }
                if row.isBlank { continue }
                note(row)
            } else if row.fields.count != header.width {
                problems.add(.raggedRow(fields: row.fields.count, expected: header.width), line: row.line)
                raggedRows.append(row)
                continue
            }
            rowCount += 1
            return row
        }
        return nil
    }

    /// Warnings about a worksheet row: hidden, or holding formulas without a saved value.
    private func note(_ row: TableRecord) {
        if row.hidden { problems.add(.hiddenRow, line: row.line, severity: .warning) }
        for field in row.fields {
            guard let formula = field.uncalculatedFormula else { continue }
            let name = headerFields.indices.contains(field.column - 1) ? headerFields[field.column - 1].value.trimmedHeader : ""
            problems.add(.uncalculatedFormula(formula: formula), line: row.line,
                         column: InputProblem.Column(name: name, index: field.column), severity: .warning)
        }
    }
}

/// Reading files into text and text into tables, recording every problem.
enum TableLoading {
    /// The file's text, or `nil` with the problem recorded.
    static func readText(path: String, problems: ProblemCollector) -> DecodedText? {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            report(error, problems: problems)
            return nil
        }
        do {
            return try TextDecoding.decode(bytes)
        } catch {
            report(error, problems: problems)
            return nil
        }
    }

    /// A CSV reader that streams the file (its encoding detected in a first pass over it), or `nil` with
    /// the problem recorded. A workbook's sheet is the first named in `sheets` that holds the table, else
    /// the first holding its header (``WorkbookTableSource``).
    static func open(path: String, sheets: [String] = [], problems: ProblemCollector)
        -> (reader: CSVReader, encoding: TextEncoding)?
    {
        if TableFiles.isWorkbook(path) {
            guard let source = WorkbookTableSource(path: path, preferred: sheets, problems: problems) else { return nil }
            // A workbook's text is Unicode throughout; UTF-8 stands for it.
            return (TableReader(source: source), .utf8)
        }
        let stream: TextStream
        do {
            stream = try TextStream(LineBlocks(path: path))
        } catch let error as FileReadError {
            report(error, problems: problems)
            return nil
        } catch let error as TextDecodingError {
            report(error, problems: problems)
            return nil
        } catch {
            problems.add(.unreadable(reason: "\(error)"), line: nil)
            return nil
        }
        let reader = CSVReader(blocks: {
            let block = stream.nextUTF8()
            if block == nil, let reason = stream.readError { problems.add(.unreadable(reason: reason), line: nil) }
            return block
        })
        return (reader, stream.encoding)
    }

    private static func report(_ error: FileReadError, problems: ProblemCollector) {
        switch error {
        case .notFound(let path): problems.add(.fileNotFound(path: path), line: nil)
        case .isFolder: problems.add(.unreadable(reason: "it is a folder"), line: nil)
        case .unreadable(_, let reason): problems.add(.unreadable(reason: reason), line: nil)
        }
    }

    private static func report(_ error: TextDecodingError, problems: ProblemCollector) {
        if case .mixed(_, let otherLine) = error {
            problems.add(.encoding(error), line: otherLine)
        } else {
            problems.add(.encoding(error), line: nil)
        }
    }

    /// Parses CSV text, matches its header; `nil` when the text has no header at all.
    static func table(text: String, specs: [ColumnSpec], reportUnknown: Bool, records: RecordKind,
                      problems: ProblemCollector) -> LoadedTable? {
        table(reader: CSVReader(text: text), specs: specs, reportUnknown: reportUnknown, records: records,
              problems: problems)
    }

    /// How many rows are searched for the header (title rows and notes above it are skipped).
    static let headerSearchRows = 30

    /// Finds the header and matches it; the rows follow as the table's `rows` are iterated (ragged CSV
    /// ones reported and left out). The header is the first of the first ``headerSearchRows`` rows whose
    /// cells name at least two known columns, else the first row; rows above it (a title, merged across
    /// the columns, notes, blank rows) are skipped. A workbook source first picks its sheet. `nil` when
    /// there is no header at all.
    static func table(reader: CSVReader, specs: [ColumnSpec], reportUnknown: Bool, records: RecordKind,
                      problems: ProblemCollector) -> LoadedTable? {
        var reader = reader
        reader.choose(specs: specs, problems: problems)
        var ahead: [Result<TableRecord, CSVError>] = []
        var headerAt: Int?
        while ahead.count < headerSearchRows {
            do {
                guard let record = try reader.next() else { break }
                ahead.append(.success(record))
                if HeaderMap.looksLikeHeader(record, specs: specs) {
                    headerAt = ahead.count - 1
                    break
                }
            } catch {
                ahead.append(.failure(error))
            }
        }
        let chosen = headerAt ?? ahead.firstIndex { if case .success = $0 { true } else { false } }
        var sawSyntaxError = false
        var droppedRows = 0
        for item in ahead[..<(chosen ?? ahead.count)] {
            guard case .failure(let error) = item else { continue }
            sawSyntaxError = true
            droppedRows += 1
            report(error, headerFields: [], problems: problems)
        }
        guard let chosen, case .success(let record) = ahead[chosen] else {
            if !sawSyntaxError && !problems.hasErrors { problems.add(.emptyFile, line: nil) }
            return nil
        }
        let header = HeaderMap.match(record, specs: specs, reportUnknown: reportUnknown, problems: problems)
        // A column hidden in Excel is read all the same: say so, once, at its header.
        for field in record.fields where field.hiddenColumn && !field.value.isEmpty {
            problems.add(.hiddenColumn, line: record.line, column: InputProblem.Column(name: field.value.trimmedHeader, index: field.column),
                         severity: .warning)
        }
        return LoadedTable(
            header: header, headerFields: record.fields, reader: reader, pending: Array(ahead[(chosen + 1)...]),
            problems: problems, records: records, sawSyntaxError: sawSyntaxError, droppedRows: droppedRows)
    }

    static func report(_ error: CSVError, headerFields: [TableField], problems: ProblemCollector) {
        switch error {
        case .openQuote(let line, let column, let field):
            problems.add(.openQuote(line: line, column: column), line: line, column: fieldColumn(field, headerFields))
        case .textAfterQuote(let line, _, let field):
            problems.add(.textAfterQuote, line: line, column: fieldColumn(field, headerFields))
        case .raggedRow(let line, let fields, let expected):
            problems.add(.raggedRow(fields: fields, expected: expected), line: line)
        }
    }

    private static func fieldColumn(_ field: Int, _ header: [TableField]) -> InputProblem.Column {
        let name = header.indices.contains(field - 1) ? header[field - 1].value.trimmedHeader : ""
        return InputProblem.Column(name: name, index: field)
    }
}

/// Checks the fields of one row, recording problems; `ok` turns false at the first error.
final class RowChecker {
    let record: TableRecord
    let header: HeaderMap
    let problems: ProblemCollector
    private(set) var ok = true

    init(record: TableRecord, header: HeaderMap, problems: ProblemCollector) {
        self.record = record
        self.header = header
        self.problems = problems
    }

    /// Whether the column is in the file.
    func has(_ key: String) -> Bool { header.indexByKey[key] != nil }

    /// The trimmed value ("" when the column is absent).
    func value(_ key: String) -> String { header.value(key, in: record) }

    /// The value of a date column: a worksheet number that stands for a date (a serial date in a cell
    /// not formatted as one) as YYYY-MM-DD, else the value as written.
    func dateText(_ key: String) -> String {
        guard let index = header.indexByKey[key], record.fields.indices.contains(index),
            let date = record.fields[index].serialDate
        else { return value(key) }
        return date
    }

    /// Records an error (or warning) at the key's column.
    func report(_ kind: InputProblem.Kind, at key: String?, severity: Severity = .error) {
        if severity == .error { ok = false }
        problems.add(kind, line: record.line, column: key.flatMap { header.column($0) }, severity: severity)
    }

    /// A required text value; reports it when empty.
    func required(_ key: String) -> String? {
        present(key, required: true)
    }

    /// The cell's text, or `nil` when the column is missing or the cell empty; a missing or empty
    /// required value marks the row bad (an empty one is reported, a missing column already was).
    private func present(_ key: String, required: Bool) -> String? {
        guard has(key) else {
            if required { ok = false }
            return nil
        }
        let text = value(key)
        if text.isEmpty {
            if required { report(.emptyValue(key: key), at: key) }
            return nil
        }
        return text
    }

    /// A whole number ≥ `minimum`; `nil` (reported) when bad or, if required, empty.
    func wholeNumber(_ key: String, minimum: Int, required: Bool) -> Int? {
        guard let text = present(key, required: required) else { return nil }
        switch Vocabulary.wholeNumber(text, minimum: minimum) {
        case .value(let number): return number
        case .problem(let issue):
            report(.badWholeNumber(value: text, key: key, issue: issue), at: key)
            return nil
        }
    }

    /// A value from a fixed vocabulary; `nil` (reported) when unknown or, if required, empty.
    func choice<T>(_ key: String, required: Bool, accepted: [String], _ parse: (String) -> T?) -> T? {
        guard let text = present(key, required: required) else { return nil }
        guard let result = parse(text) else {
            report(.badChoice(value: text, key: key, accepted: accepted), at: key)
            return nil
        }
        return result
    }

    /// The location from `lat` and `lon`, both or neither, each in range.
    func location() -> Coordinate? {
        let latText = value("lat"), lonText = value("lon")
        if latText.isEmpty && lonText.isEmpty { return nil }
        let latitude = coordinate("lat", latText, limit: 90)
        let longitude = coordinate("lon", lonText, limit: 180)
        if latText.isEmpty {
            report(.coordinateIncomplete(given: "lon", missing: "lat"), at: "lon")
        } else if lonText.isEmpty {
            report(.coordinateIncomplete(given: "lat", missing: "lon"), at: "lat")
        }
        guard let latitude, let longitude else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    private func coordinate(_ key: String, _ text: String, limit: Int) -> Double? {
        guard !text.isEmpty else { return nil }
        guard let number = Vocabulary.decimal(text) else {
            report(.badNumber(value: text, key: key), at: key)
            return nil
        }
        guard abs(number) <= Double(limit) else {
            report(.coordinateOutOfRange(key: key, value: text, limit: limit), at: key)
            return nil
        }
        return number
    }
}
