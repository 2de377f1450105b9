import DuxueDomain
import DuxueSheets

/// The rows of one worksheet as a ``RecordSource``: each row a record numbered as Excel numbers it, one
/// field per column from A, typed cells as text (ids and phones with every digit, dates YYYY-MM-DD).
///
/// A cell merged down a column (a 责任区 written once for several schools) stands in every row of the
/// merge that holds other values; merges across columns (a title over the table) are left as they are,
/// the title then sits in its first cell only.
struct WorkbookTableSource: RecordSource {
    private let workbook: Workbook
    private var fixed: SheetInfo?
    private var rows: [SheetRow] = []
    private var fill: [Int: [SheetCell]] = [:]
    /// Columns hidden in Excel on the chosen sheet.
    private var hiddenColumns: Set<Int> = []
    private var index = 0
    private var chosen = false
    private let problems: ProblemCollector
    /// Sheet names tried first, in order (compared as headers are: case, width and spaces aside).
    private var preferred: [String] = []

    /// Opens the workbook at `path`, or records why it cannot be read and returns `nil`. The sheet is
    /// picked by `choose` (see ``pick(specs:)``: a sheet named in `preferred` first), unless `sheet` fixes it.
    init?(path: String, sheet: SheetInfo? = nil, preferred: [String] = [], problems: ProblemCollector) {
        do {
            workbook = try Workbook(path: path)
        } catch {
            problems.add(.workbook(error), line: nil)
            return nil
        }
        fixed = sheet
        self.preferred = preferred
        self.problems = problems
    }

    /// A source over a workbook already open, on one of its sheets.
    init(workbook: Workbook, sheet: SheetInfo, problems: ProblemCollector) {
        self.workbook = workbook
        fixed = sheet
        self.problems = problems
    }

    var isWorksheet: Bool { true }

    mutating func choose(specs: [ColumnSpec], problems: ProblemCollector) {
        guard !chosen else { return }
        chosen = true
        let sheet = fixed ?? pick(specs: specs)
        guard let sheet else { return }
        problems.sheet = sheet.name
        if sheet.state != .visible { problems.add(.hiddenSheet, line: nil, severity: .warning) }
        do {
            load(try workbook.read(sheet))
        } catch {
            problems.add(.workbook(error), line: nil)
        }
    }

    mutating func next() throws(CSVError) -> TableRecord? {
        if !chosen { choose(specs: [], problems: problems) }
        while index < rows.count {
            let row = rows[index]
            index += 1
            let record = record(row)
            if !record.isBlank { return record }
        }
        return nil
    }

    /// The sheet holding the table of `specs`, in this order: the first sheet named in ``preferred`` (in
    /// that list's order) whose first rows hold a header of `specs`; else the first sheet whose first rows
    /// hold a header naming every required column of `specs` (a roster: 学校代码 and 督学编号); else the
    /// first whose first rows hold a recognisable header (two known columns); else the first visible
    /// sheet, else the first. Visible sheets are tried before hidden ones, except for a named sheet.
    private func pick(specs: [ColumnSpec]) -> SheetInfo? {
        let ordered = workbook.sheets.filter { $0.state == .visible } + workbook.sheets.filter { $0.state != .visible }
        guard !specs.isEmpty else { return ordered.first }
        var heads: [String: [TableRecord]] = [:]
        func head(_ info: SheetInfo) -> [TableRecord] {
            if let known = heads[info.name] { return known }
            let rows = ((try? workbook.read(info))?.rows ?? []).prefix(TableLoading.headerSearchRows)
                .map { Self.record($0, uses1904: workbook.uses1904) }
            heads[info.name] = rows
            return rows
        }
        func looksLikeTable(_ rows: [TableRecord]) -> Bool {
            rows.contains { HeaderMap.looksLikeHeader($0, specs: specs) }
        }
        for name in preferred.map(Vocabulary.normalizedHeader) {
            guard let info = workbook.sheets.first(where: { Vocabulary.normalizedHeader($0.name) == name }) else { continue }
            if looksLikeTable(head(info)) { return info }
        }
        for info in ordered {
            if head(info).contains(where: { HeaderMap.namesRequiredColumns($0, specs: specs) }) { return info }
        }
        return ordered.first { looksLikeTable(head($0)) } ?? ordered.first
    }

    private mutating func load(_ sheet: Sheet) {
        rows = sheet.rows
        hiddenColumns = sheet.hiddenColumns
        var byNumber: [Int: SheetRow] = [:]
        for row in rows { byNumber[row.number] = row }
        for merge in sheet.merges where merge.columns.count == 1 && merge.rows.count > 1 {
            let column = merge.columns.lowerBound
            guard let top = byNumber[merge.rows.lowerBound]?.cells.first(where: { $0.column == column }) else { continue }
            for number in merge.rows.dropFirst() { fill[number, default: []].append(top) }
        }
    }

    private func record(_ row: SheetRow) -> TableRecord {
        var cells = row.cells
        if let extra = fill[row.number] {
            for cell in extra where !cells.contains(where: { $0.column == cell.column }) { cells.append(cell) }
            cells.sort { $0.column < $1.column }
        }
        var record = Self.record(SheetRow(number: row.number, hidden: row.hidden, cells: cells), uses1904: workbook.uses1904)
        for index in record.fields.indices where hiddenColumns.contains(record.fields[index].column) {
            record.fields[index].hiddenColumn = true
        }
        return record
    }

    private func record(_ row: SheetRow, uses1904: Bool) -> TableRecord { Self.record(row, uses1904: uses1904) }

    /// Serial numbers read as dates in date columns: 1940-01-01 … 2100-12-31.
    static let plausibleSerials = 14_611.0...73_415.0

    /// A sheet row as a record: one field per column from A to the last value.
    static func record(_ row: SheetRow, uses1904: Bool) -> TableRecord {
        let width = row.cells.last?.column ?? 0
        var fields = (0..<width).map { TableField(value: "", column: $0 + 1, characterColumn: $0 + 1, quoted: false) }
        for cell in row.cells where cell.column >= 1 && cell.column <= width {
            var field = TableField(value: cell.value.text.trimmedWhitespace, column: cell.column, characterColumn: cell.column,
                                   quoted: false)
            switch cell.value {
            case .text: field.quoted = !field.value.isEmpty
            case .number(let number, _):
                let serial = uses1904 ? number + 1_462 : number
                if plausibleSerials.contains(serial) {
                    field.serialDate = SheetDate(serial: number, uses1904: uses1904)?.description
                }
            case .uncalculated(let formula): field.uncalculatedFormula = formula
            default: break
            }
            fields[cell.column - 1] = field
        }
        return TableRecord(line: row.number, fields: fields, hidden: row.hidden)
    }
}

extension HeaderMap {
    /// Whether a row names every required column of `specs` by one of its own names (a stand-in such as a
    /// roster's 学校名称 for 学校代码 does not count): the header of a table that has all its ids.
    static func namesRequiredColumns(_ record: TableRecord, specs: [ColumnSpec]) -> Bool {
        let required = specs.filter(\.required)
        guard !required.isEmpty else { return false }
        let cells = Set(record.fields.map { Vocabulary.normalizedHeader($0.value) })
        return required.allSatisfy { spec in spec.names.contains { cells.contains(Vocabulary.normalizedHeader($0)) } }
    }
}
