import DuxueXLSX

/// Writes the filing package as an .xlsx workbook. Sheets people read come first: 备案表 (the cover:
/// title, verdict, facts, the lines to fill, the seal block), then one sheet per table (title in row 1,
/// header in row 2 repeated on every printed page, data from row 3, notes after a blank row). The
/// internal sheets follow: the marker in A1 (what the sheet holds in C1), the sheet's digest in B2, header in row 3, text cells from
/// row 4. Rows an error names are bold dark red on red, rows a warning names on yellow, as on the page.
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
            // 合规结论 when not compliant: red, as its row on the page.
            try sheet.write(label, row: row, column: 0, style: strong ? .error : .header)
            try sheet.write(value, row: row, column: 1, style: strong ? .error : .body)
            try sheet.setHeight(height([.text(label), .text(value)], widths: [18, 116]), row: row)
            row += 1
        }
        try line("说明", cover.notice)
        for fact in cover.facts { try line(fact.label, fact.value, strong: fact.label == "合规结论" && !package.verdict.compliant) }
        row += 1
        for field in cover.filer { try line(field.label, field.value) }
        row += 1
        for field in cover.seal { try line(field.label, field.value) }
    }

    /// A table: title, header, rows (error rows bold dark red on red, warning rows on yellow, as on the
    /// page), then its notes after a blank row. Each row is as tall as its longest wrapped cell (so that
    /// every spreadsheet, LibreOffice's too, prints whole cells); a table longer than a printed page gets
    /// page breaks between rows, never leaving its last row alone on a page.
    private static func write(_ table: FilingTable, to sheet: Worksheet) throws(XLSXError) {
        for (column, width) in table.widths.enumerated() { try sheet.setWidth(width, column: column) }
        try sheet.preparePrinting(headerRow: 1)
        try sheet.write(table.title, row: 0, column: 0, style: .title)
        for (column, name) in table.header.enumerated() { try sheet.write(name, row: 1, column: column, style: .header) }
        let headerHeight = height(table.header.map { .text($0) }, widths: table.widths)
        try sheet.setHeight(headerHeight, row: 1)
        var heights: [Double] = []
        var row = 2
        for (index, cells) in table.rows.enumerated() {
            let mark = index < table.marks.count ? table.marks[index] : .none
            let style: CellStyle = mark == .error ? .error : mark == .warning ? .warning : .body
            for (column, cell) in cells.enumerated() {
                switch cell {
                case .text(let text): try sheet.write(text, row: row, column: column, style: style)
                case .number(let value): try sheet.write(value, row: row, column: column, style: style)
                case .percent(let share): try sheet.write(share, row: row, column: column, style: .percent)
                }
            }
            heights.append(height(cells, widths: table.widths))
            try sheet.setHeight(heights[index], row: row)
            row += 1
        }
        let layout = pages(heights, widths: table.widths, title: titleHeight, header: headerHeight)
        if !layout.breaks.isEmpty {
            try sheet.setPrintScale(layout.scale)
            try sheet.setPageBreaks(beforeRows: layout.breaks.map { $0 + 2 })
        }
        if !table.notes.isEmpty { row += 1 }
        for note in table.notes {
            try sheet.write(note, row: row, column: 0, style: .title)
            row += 1
        }
    }

    /// Points per line of wrapped text (等线 11 pt, Excel's default row height), and the title row's height.
    static let lineHeight = 15.0
    static let titleHeight = 18.75

    /// A row's height: its cell with the most lines once wrapped to its column's width.
    static func height(_ cells: [FilingCell], widths: [Double]) -> Double {
        let lines = cells.enumerated().map { column, cell -> Int in
            let width = column < widths.count ? widths[column] : 8.43
            return lineCount(cell.display, width: width)
        }.max() ?? 1
        return Double(max(1, lines)) * lineHeight
    }

    /// Lines `text` takes in a column `width` characters wide (CJK characters count two).
    static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(1, Int(width.rounded(.down)) - 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, paragraph in
            total + max(1, (displayWidth(String(paragraph)) + usable - 1) / usable)
        }
    }

    /// A4 landscape with libxlsxwriter's default margins (0.7 in left and right, 0.75 in top and bottom),
    /// in points.
    static let printableWidth = (297.0 / 25.4 - 1.4) * 72
    static let printableHeight = (210.0 / 25.4 - 1.5) * 72

    /// How a table of rows `heights` prints: the scale that fits its columns to the page's width (at
    /// most 100 %), and the data rows (0-based) a new page starts at — none when it fits on one page. The
    /// header repeats on every page, the title is on the first; a page never ends with the table's last
    /// row left alone on the next.
    static func pages(_ heights: [Double], widths: [Double], title: Double, header: Double) -> (scale: Int, breaks: [Int]) {
        // A column `w` characters wide is w × 7 + 5 pixels, ¾ point each; 5 % to spare for the font.
        let width = widths.reduce(0) { $0 + ($1 * 7 + 5) * 0.75 } * 1.05
        let scale = max(10, min(100, Int(printableWidth / max(1, width) * 100)))
        let capacity = printableHeight * 100 / Double(scale) * 0.95
        guard title + header + heights.reduce(0, +) > capacity else { return (scale, []) }
        var breaks: [Int] = []
        var used = title + header
        for (index, height) in heights.enumerated() {
            if used + height > capacity && used > header {
                breaks.append(index)
                used = header
            }
            used += height
        }
        // The last row alone on its page goes over with the one before it.
        if let last = breaks.last, last == heights.count - 1, last > 1, !breaks.contains(last - 1) {
            breaks[breaks.count - 1] = last - 1
        }
        return (scale, breaks)
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
