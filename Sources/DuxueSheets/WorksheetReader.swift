/// A worksheet part (`xl/worksheets/sheetN.xml`) read into rows of typed cells, within the limits.
final class WorksheetReader: StoppableHandler {
    private let sheet: String
    private let strings: [String]
    private let formats: [NumberFormat]
    private let uses1904: Bool
    private let limits: WorkbookLimits

    private(set) var rows: [SheetRow] = []
    private(set) var merges: [CellRange] = []
    /// Columns (1 = A) hidden in Excel (`<col min max hidden="1">`).
    private(set) var hiddenColumns: Set<Int> = []
    private(set) var failure: WorkbookError?
    private var cellCount = 0

    private var rowNumber = 0
    private var rowHidden = false
    private var rowCells: [SheetCell] = []
    private var column = 0
    private var type = "n"
    private var style = 0
    private var valueText = ""
    private var formulaText = ""
    private var inlineText = ""
    private var hasValue = false
    private var collecting: Collect = .none
    private var phonetic = 0

    private enum Collect { case none, value, formula, inline }

    init(sheet: String, strings: [String], formats: [NumberFormat], uses1904: Bool, limits: WorkbookLimits) {
        self.sheet = sheet
        self.strings = strings
        self.formats = formats
        self.uses1904 = uses1904
        self.limits = limits
    }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            let hidden = attributes["hidden"]
            rowHidden = hidden == "1" || hidden == "true"
            rowCells.removeAll(keepingCapacity: true)
            column = 0
        case "c":
            column = attributes["r"].flatMap(CellReference.column) ?? column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            valueText = ""
            formulaText = ""
            inlineText = ""
            hasValue = false
        case "v":
            collecting = .value
            hasValue = true
        case "f": collecting = .formula
        case "t": if phonetic == 0 && type == "inlineStr" { collecting = .inline }
        case "rPh": phonetic += 1
        case "col":
            let hidden = attributes["hidden"]
            if hidden == "1" || hidden == "true", let low = attributes["min"].flatMap(Int.init),
               let high = attributes["max"].flatMap(Int.init), low >= 1, low <= high
            {
                // Excel hides "every column to the end" as max="16384": only the first columns can hold a table.
                hiddenColumns.formUnion(low...min(high, low + 1_000, 16_384))
            }
        case "mergeCell":
            if let reference = attributes["ref"], let range = CellRange(reference: reference) { merges.append(range) }
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "v", "f", "t": collecting = .none
        case "rPh": phonetic -= 1
        case "c": finishCell()
        case "row": finishRow()
        default: break
        }
    }

    func text(_ string: String) {
        switch collecting {
        case .none: break
        case .value: valueText += string
        case .formula: formulaText += string
        case .inline: inlineText += string
        }
    }

    private func finishCell() {
        guard failure == nil, let value = cellValue() else { return }
        guard column <= limits.maxColumns else {
            failure = .tooManyColumns(sheet: sheet, column: CellReference.letters(column), limit: limits.maxColumns)
            return
        }
        cellCount += 1
        guard cellCount <= limits.maxCells else {
            failure = .tooManyCells(sheet: sheet, limit: limits.maxCells)
            return
        }
        rowCells.append(SheetCell(column: column, value: value))
    }

    private func finishRow() {
        guard failure == nil, !rowCells.isEmpty else { return }
        guard rows.count < limits.maxRows else {
            failure = .tooManyRows(sheet: sheet, limit: limits.maxRows)
            return
        }
        rowCells.sort { $0.column < $1.column }
        rows.append(SheetRow(number: rowNumber, hidden: rowHidden, cells: rowCells))
    }

    /// The cell's value; `nil` for a cell holding none (formatting only, or an empty string).
    private func cellValue() -> CellValue? {
        let formula = formulaText.trimmingSpaces
        if type == "inlineStr" { return inlineText.isEmpty ? nil : .text(inlineText) }
        guard hasValue, !valueText.isEmpty else {
            return formula.isEmpty ? nil : .uncalculated(formula: formula)
        }
        switch type {
        case "s":
            guard let index = Int(valueText.trimmingSpaces), strings.indices.contains(index) else { return .error("#REF!") }
            return strings[index].isEmpty ? nil : .text(strings[index])
        case "str": return .text(valueText)
        case "b": return .boolean(valueText.trimmingSpaces == "1" || valueText.trimmingSpaces.lowercased() == "true")
        case "e": return .error(valueText)
        case "d": return SheetDate(iso: valueText.trimmingSpaces).map(CellValue.date) ?? .text(valueText)
        default:
            guard let number = Double(valueText.trimmingSpaces) else { return .text(valueText) }
            switch formats.indices.contains(style) ? formats[style] : .plain {
            case .date:
                if let date = SheetDate(serial: number, uses1904: uses1904) { return .date(date) }
                return .number(number, digits: 0)
            case .zeroPadded(let digits): return .number(number, digits: digits)
            case .plain: return .number(number, digits: 0)
            }
        }
    }
}

extension String {
    /// Without leading and trailing ASCII white space.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !" \t\r\n".unicodeScalars.contains($0) }),
            let last = scalars.lastIndex(where: { !" \t\r\n".unicodeScalars.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
