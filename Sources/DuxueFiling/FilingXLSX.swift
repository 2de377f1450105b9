import DuxueXLSX

/// Writes the filing package as an .xlsx workbook. Sheets people read come first: 备案表 (the cover:
/// title, verdict, facts, the lines to fill, the seal block), then one sheet per table (title in row 1,
/// header in row 2 repeated on every printed page, data from row 3, notes after a blank row). The
/// internal sheets follow: the marker in A1 (what the sheet holds in C1), the sheet's digest in B2, header in row 3, text cells from
/// row 4. In rows an error names, the cells that fit on one line (ids, names, status, 问题) are bold on
/// grey (the wrapper's header style: the only highlighted style it has).
public enum FilingXLSX {
    /// Writes the workbook to `path` (the caller chooses a temporary path and renames it into place).
    public static func write(_ package: FilingPackage, to path: String) throws(XLSXError) {
        let workbook = try Workbook(path: path)
        try writeCover(package, to: workbook.addSheet(FilingCover.sheetName))
        for table in package.tables { try write(table, to: workbook.addSheet(table.name)) }
        for sheet in package.internalSheets { try write(sheet, to: workbook.addSheet(sheet.name)) }
        try workbook.close()
    }

    /// The cover: title and verdict in rows 1–2, then label | value lines.
    private static func writeCover(_ package: FilingPackage, to sheet: Worksheet) throws(XLSXError) {
        let cover = package.cover
        try sheet.setWidth(18, column: 0)
        try sheet.setWidth(116, column: 1)
        try sheet.preparePrinting(headerRow: 0)
        try sheet.write(cover.title, row: 0, column: 0, style: .title)
        try sheet.write(package.verdict.line, row: 1, column: 0, style: .title)
        var row = 2
        func line(_ label: String, _ value: String, strong: Bool = false) throws(XLSXError) {
            try sheet.write(label, row: row, column: 0, style: .header)
            try sheet.write(value, row: row, column: 1, style: strong ? .header : .body)
            row += 1
        }
        try line("说明", cover.notice)
        for fact in cover.facts { try line(fact.label, fact.value, strong: fact.label == "合规结论" && !package.verdict.compliant) }
        row += 1
        for field in cover.filer { try line(field.label, field.value) }
        row += 1
        for field in cover.seal { try line(field.label, field.value) }
    }

    /// A table: title, header, rows (error rows highlighted), then its notes after a blank row.
    private static func write(_ table: FilingTable, to sheet: Worksheet) throws(XLSXError) {
        for (column, width) in table.widths.enumerated() { try sheet.setWidth(width, column: column) }
        try sheet.preparePrinting(headerRow: 1)
        try sheet.write(table.title, row: 0, column: 0, style: .title)
        for (column, name) in table.header.enumerated() { try sheet.write(name, row: 1, column: column, style: .header) }
        var row = 2
        for (index, cells) in table.rows.enumerated() {
            let marked = index < table.marks.count && table.marks[index] == .error
            for (column, cell) in cells.enumerated() {
                // Only cells whose text fits on one line take the highlight: the header style centres and
                // wraps, which a long text (the schools held, a fix) would spill out of.
                let width = column < table.widths.count ? table.widths[column] : 8
                switch cell {
                case .text(let text):
                    let strong = marked && Double(displayWidth(text)) <= width
                    try sheet.write(text, row: row, column: column, style: strong ? .header : .body)
                case .number(let value): try sheet.write(value, row: row, column: column, style: marked ? .header : .body)
                case .percent(let share): try sheet.write(share, row: row, column: column, style: .percent)
                }
            }
            row += 1
        }
        if !table.notes.isEmpty { row += 1 }
        for note in table.notes {
            try sheet.write(note, row: row, column: 0, style: .title)
            row += 1
        }
    }

    /// Width in character cells: two for CJK and full-width characters, one for the rest.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    /// An internal sheet: marker, digest, header, text rows.
    private static func write(_ data: FilingInternalSheet, to sheet: Worksheet) throws(XLSXError) {
        for column in data.header.indices {
            let cells = [data.header[column]] + data.rows.map { column < $0.count ? $0[column] : "" }
            let widest = cells.map(displayWidth).max() ?? 8
            try sheet.setWidth(Double(min(40, max(column == 1 ? 18 : 8, widest + 2))), column: column)
        }
        try sheet.preparePrinting(headerRow: 2)
        try sheet.write(FilingInternalSheet.marker, row: 0, column: 0, style: .title)
        try sheet.write(data.purpose, row: 0, column: 2, style: .title)
        try sheet.write("本表校验码", row: 1, column: 0, style: .header)
        try sheet.write(data.digest, row: 1, column: 1)
        for (column, name) in data.header.enumerated() { try sheet.write(name, row: 2, column: column, style: .header) }
        for (index, cells) in data.rows.enumerated() {
            for (column, text) in cells.enumerated() { try sheet.write(text, row: 3 + index, column: column) }
        }
    }
}
