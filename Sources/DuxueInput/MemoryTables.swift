import DuxueDomain

/// One value of a row given in memory: its text (as a CSV cell would hold it) and the line it was
/// written on.
public struct MemoryValue: Hashable, Sendable {
    /// The value as text: a number's digits, a date as YYYY-MM-DD, a list joined with `;`.
    public var text: String
    /// The 1-based line where the value was written.
    public var line: Int

    /// A value written on `line`.
    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// A row given in memory (a scenario's added school or inspector): values by column key (`id`,
/// `retired_on` …), and the line of the row as a whole.
public struct MemoryRow: Hashable, Sendable {
    /// The 1-based line of the row (a TOML entry's `[[header]]`), for problems of the row as a whole.
    public var line: Int
    /// The values by column key.
    public var values: [String: MemoryValue]

    /// A row starting on `line`.
    public init(line: Int, values: [String: MemoryValue]) {
        self.line = line
        self.values = values
    }
}

/// Rows given in memory read through the very code that reads schools.csv and inspectors.csv: one
/// field-validation path, whatever the rows come from. Problems name `file` and each value's own line.
public enum MemoryTables {
    /// Schools from rows, with every problem found.
    public static func schools(_ rows: [MemoryRow], file: String) -> (schools: [School], problems: [InputProblem]) {
        guard !rows.isEmpty else { return ([], []) }
        let problems = ProblemCollector(file: file, cap: Int.max)
        let table = loaded(rows, specs: Columns.schools, kind: .schools, problems: problems)
        let read = DistrictReader.readSchools(table, problems: problems)
        return (read.schools, placed(problems.finished(), rows: rows))
    }

    /// Inspectors from rows, checked against `schools` (recusals by id or name, zones) and `policy` (its
    /// term start for a retirement date, its cap), with every problem found.
    public static func inspectors(_ rows: [MemoryRow], file: String, schools: [School], policy: Policy)
        -> (inspectors: [Inspector], problems: [InputProblem])
    {
        guard !rows.isEmpty else { return ([], []) }
        let problems = ProblemCollector(file: file, cap: Int.max)
        var known = DistrictReader.SchoolsRead()
        known.schools = schools
        known.usable = !schools.isEmpty
        for school in schools {
            known.idsWritten.insert(school.id.rawValue)
            known.zonesWritten.insert(school.zone.rawValue)
            known.byName[school.name, default: []].append((school.id.rawValue, "\(school.id.rawValue) \(school.name) (\(school.zone.rawValue))"))
        }
        let table = loaded(rows, specs: Columns.inspectors, kind: .inspectors, problems: problems)
        let (inspectors, _) = DistrictReader.readInspectors(table, schools: known, policy: policy, problems: problems)
        return (inspectors, placed(problems.finished(), rows: rows))
    }

    /// The rows as a table whose header holds every required key and every key any row gives, in the
    /// specs' order (a required value a row lacks is then reported as empty, at the row's line).
    private static func loaded(_ rows: [MemoryRow], specs: [ColumnSpec], kind: RecordKind, problems: ProblemCollector) -> LoadedTable {
        let keys = specs.filter { spec in spec.required || rows.contains { $0.values[spec.key] != nil } }.map(\.key)
        var header = HeaderMap(width: keys.count)
        for (index, key) in keys.enumerated() {
            header.indexByKey[key] = index
            header.nameByKey[key] = key
        }
        let headerFields = keys.enumerated().map { TableField(value: $1, column: $0 + 1, characterColumn: $0 + 1, quoted: true) }
        let records = rows.map { row in
            TableRecord(line: row.line, fields: keys.enumerated().map { index, key in
                // Quoted: a row of blank values is still a row (its missing keys are reported).
                TableField(value: row.values[key]?.text ?? "", column: index + 1, characterColumn: index + 1, quoted: true)
            })
        }
        return LoadedTable(header: header, headerFields: headerFields, reader: TableReader(source: MemorySource(records: records)),
                           pending: [], problems: problems, records: kind, sawSyntaxError: false, droppedRows: 0)
    }

    /// Each problem at the line of the value it is about (the row's line for a missing value), without
    /// the table's column numbers, which the rows do not have.
    private static func placed(_ problems: [InputProblem], rows: [MemoryRow]) -> [InputProblem] {
        let byLine = Dictionary(rows.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        return problems.map { problem in
            var problem = problem
            if let key = problem.column?.name, let line = problem.line, let value = byLine[line]?.values[key] {
                problem.line = value.line
            }
            problem.column = nil
            return problem
        }
    }
}

/// Rows already in memory, as a worksheet's: as wide as the header, never ragged.
private struct MemorySource: RecordSource {
    let records: [TableRecord]
    var index = 0

    mutating func next() throws(CSVError) -> TableRecord? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        return records[index]
    }

    var isWorksheet: Bool { true }
}
