/// The value a cell holds, typed as the workbook stores it.
public enum CellValue: Hashable, Sendable {
    /// A string (shared, inline, or a formula's string result).
    case text(String)
    /// A number not formatted as a date; `digits` pads whole numbers with zeros (a `000000` format).
    case number(Double, digits: Int)
    /// A number formatted as a date (a serial date), or an ISO date cell.
    case date(SheetDate)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// An error value such as `#N/A` or `#REF!`.
    case error(String)
    /// A formula whose value was never saved (the file was written by a program that does not compute).
    case uncalculated(formula: String)

    /// The text a reader of the table takes the cell for: numbers keep every digit (2143130001, never
    /// 2143130001.0 or 2.14E+09), dates read YYYY-MM-DD, booleans TRUE/FALSE, an uncalculated formula "".
    public var text: String {
        switch self {
        case .text(let string): string
        case .number(let value, let digits): Self.render(value, digits: digits)
        case .date(let date): date.description
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        case .uncalculated: ""
        }
    }

    /// A number as a person typed it: whole numbers (below 10^15, Excel's 15 significant digits) as plain
    /// digits, others in the shortest form that reads back the same, never in exponent notation.
    public static func render(_ value: Double, digits: Int = 0) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            let whole = String(Int64(abs(value)))
            let padded = String(repeating: "0", count: max(0, digits - whole.count)) + whole
            return (value < 0 ? "-" : "") + padded
        }
        let shortest = "\(value)"
        guard shortest.contains("e") else { return shortest }
        return plainDecimal(shortest)
    }

    /// `1.5e-07` → `0.00000015`, `2.5e+20` → `250000000000000000000`.
    private static func plainDecimal(_ scientific: String) -> String {
        let parts = scientific.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return scientific }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        let digits = integer + fraction
        let point = integer.count + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        while result.contains("."), result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return (negative ? "-" : "") + result
    }
}

/// One cell holding a value.
public struct SheetCell: Hashable, Sendable {
    /// 1-based column (1 = A).
    public var column: Int
    /// The value.
    public var value: CellValue

    /// A cell.
    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// One row holding at least one value.
public struct SheetRow: Hashable, Sendable {
    /// 1-based row number, as Excel shows it.
    public var number: Int
    /// Whether the row is hidden.
    public var hidden: Bool
    /// The cells holding values, by column.
    public var cells: [SheetCell]

    /// A row.
    public init(number: Int, hidden: Bool, cells: [SheetCell]) {
        self.number = number
        self.hidden = hidden
        self.cells = cells
    }
}

/// A rectangle of cells, e.g. a merged range `A1:H1`.
public struct CellRange: Hashable, Sendable {
    /// First and last row, 1-based.
    public var rows: ClosedRange<Int>
    /// First and last column, 1-based.
    public var columns: ClosedRange<Int>

    /// A range.
    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows
        self.columns = columns
    }

    /// `B3:B10` (or a single `B3`).
    public init?(reference: String) {
        let ends = reference.split(separator: ":")
        guard (1...2).contains(ends.count), let first = CellReference.parse(String(ends[0])),
            let last = CellReference.parse(String(ends[ends.count - 1])), first.row <= last.row,
            first.column <= last.column
        else { return nil }
        self.init(rows: first.row...last.row, columns: first.column...last.column)
    }
}

/// Cell references: column letters and `D17`.
public enum CellReference {
    /// 1 → A, 27 → AA, 16384 → XFD.
    public static func letters(_ column: Int) -> String {
        var number = max(column, 1)
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }

    /// `D17` → (row 17, column 4); `nil` when it is not a reference.
    public static func parse(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, sawDigit = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "$": continue
            case "A"..."Z", "a"..."z":
                guard !sawDigit else { return nil }
                column = column * 26 + Int(scalar.value) - (scalar.value >= 97 ? 96 : 64)
                guard column <= 1 << 20 else { return nil }
            case "0"..."9":
                sawDigit = true
                row = row * 10 + Int(scalar.value - 48)
                guard row <= 1 << 24 else { return nil }
            default: return nil
            }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }

    /// The column of a reference (`D17` → 4), ignoring the row.
    static func column(_ text: String) -> Int? {
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "$": continue
            case "A"..."Z": column = column * 26 + Int(scalar.value) - 64
            case "a"..."z": column = column * 26 + Int(scalar.value) - 96
            default: return column > 0 ? column : nil
            }
            if column > 1 << 20 { return nil }
        }
        return column > 0 ? column : nil
    }
}
