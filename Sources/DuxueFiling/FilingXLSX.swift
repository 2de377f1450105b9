import DuxueXLSX

/// Writes the filing package as an .xlsx workbook: one sheet per table, title in row 1, header in
/// row 2 (repeated on every printed page), data from row 3; an appendix table follows after a blank row.
public enum FilingXLSX {
    /// Writes the workbook to `path` (the caller chooses a temporary path and renames it into place).
    public static func write(_ package: FilingPackage, to path: String) throws(XLSXError) {
        let workbook = try Workbook(path: path)
        for table in package.tables {
            let sheet = try workbook.addSheet(table.name)
            // Each column as wide as the widest table on the sheet needs it (the findings under the rules).
            var widths = table.widths
            for extra in table.appendix {
                for (column, width) in extra.widths.enumerated() {
                    if column < widths.count { widths[column] = max(widths[column], width) } else { widths.append(width) }
                }
            }
            for (column, width) in widths.enumerated() { try sheet.setWidth(width, column: column) }
            try sheet.preparePrinting(headerRow: 1)
            var row = try write(table, to: sheet, at: 0)
            for extra in table.appendix {
                row += 1
                row = try write(extra, to: sheet, at: row)
            }
        }
        try workbook.close()
    }

    /// Writes title, header and rows from `row`; returns the next free row.
    private static func write(_ table: FilingTable, to sheet: Worksheet, at start: Int) throws(XLSXError) -> Int {
        var row = start
        try sheet.write(table.title, row: row, column: 0, style: .title)
        row += 1
        for (column, name) in table.header.enumerated() { try sheet.write(name, row: row, column: column, style: .header) }
        row += 1
        for cells in table.rows {
            for (column, cell) in cells.enumerated() {
                switch cell {
                case .text(let text): try sheet.write(text, row: row, column: column)
                case .number(let value): try sheet.write(value, row: row, column: column)
                case .percent(let share): try sheet.write(share, row: row, column: column, style: .percent)
                }
            }
            row += 1
        }
        return row
    }
}
