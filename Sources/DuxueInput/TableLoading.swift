import DuxueDomain

/// A CSV table read for validation: the header map and the rows of the header's width.
struct LoadedTable {
    var header: HeaderMap
    var rows: [CSVRecord]
    /// Rows lost to CSV syntax errors (their values are unknown).
    var droppedRows = 0
    /// Rows of the wrong width (reported; their values are known but not which column each is in).
    var raggedRows: [CSVRecord] = []
}

/// Reading files into text and text into tables, recording every problem.
enum TableLoading {
    /// The file's text, or `nil` with the problem recorded.
    static func readText(path: String, problems: ProblemCollector) -> DecodedText? {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            switch error {
            case .notFound: problems.add(.fileNotFound(path: path), line: nil)
            case .isFolder: problems.add(.unreadable(reason: "it is a folder"), line: nil)
            case .unreadable(_, let reason): problems.add(.unreadable(reason: reason), line: nil)
            }
            return nil
        }
        do {
            return try TextDecoding.decode(bytes)
        } catch {
            if case .mixed(_, let otherLine) = error {
                problems.add(.encoding(error), line: otherLine)
            } else {
                problems.add(.encoding(error), line: nil)
            }
            return nil
        }
    }

    /// Parses CSV text, matches its header, and drops (reporting) ragged rows; `nil` when the file has no
    /// header at all.
    static func table(text: String, specs: [ColumnSpec], reportUnknown: Bool, records: RecordKind,
                      problems: ProblemCollector) -> LoadedTable? {
        var reader = CSVReader(text: text)
        var header: HeaderMap?
        var headerFields: [CSVField] = []
        var rows: [CSVRecord] = []
        var sawSyntaxError = false
        var droppedRows = 0
        var raggedRows: [CSVRecord] = []
        while true {
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch {
                sawSyntaxError = true
                droppedRows += 1
                switch error {
                case .openQuote(let line, let column, let field):
                    problems.add(.openQuote(line: line, column: column), line: line,
                                 column: fieldColumn(field, headerFields))
                case .textAfterQuote(let line, _, let field):
                    problems.add(.textAfterQuote, line: line, column: fieldColumn(field, headerFields))
                case .raggedRow(let line, let fields, let expected):
                    problems.add(.raggedRow(fields: fields, expected: expected), line: line)
                }
                continue
            }
            guard let record else { break }
            guard let map = header else {
                headerFields = record.fields
                header = HeaderMap.match(record, specs: specs, reportUnknown: reportUnknown, problems: problems)
                continue
            }
            if record.fields.count != map.width {
                problems.add(.raggedRow(fields: record.fields.count, expected: map.width), line: record.line)
                raggedRows.append(record)
                continue
            }
            rows.append(record)
        }
        guard let header else {
            if !sawSyntaxError { problems.add(.emptyFile, line: nil) }
            return nil
        }
        if rows.isEmpty && !sawSyntaxError { problems.add(.noRecords(records), line: nil) }
        return LoadedTable(header: header, rows: rows, droppedRows: droppedRows, raggedRows: raggedRows)
    }

    private static func fieldColumn(_ field: Int, _ header: [CSVField]) -> InputProblem.Column {
        let name = header.indices.contains(field - 1) ? header[field - 1].value.trimmedHeader : ""
        return InputProblem.Column(name: name, index: field)
    }
}

/// Checks the fields of one row, recording problems; `ok` turns false at the first error.
final class RowChecker {
    let record: CSVRecord
    let header: HeaderMap
    let problems: ProblemCollector
    private(set) var ok = true

    init(record: CSVRecord, header: HeaderMap, problems: ProblemCollector) {
        self.record = record
        self.header = header
        self.problems = problems
    }

    /// Whether the column is in the file.
    func has(_ key: String) -> Bool { header.indexByKey[key] != nil }

    /// The trimmed value ("" when the column is absent).
    func value(_ key: String) -> String { header.value(key, in: record) }

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
