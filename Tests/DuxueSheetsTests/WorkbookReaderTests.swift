import Foundation
import DuxueTestSupport
import Testing

@testable import DuxueSheets

/// The reader on workbooks written by openpyxl: every kind of cell, sheet states, hidden rows, merges.
@Suite("Workbook reader", .enabled(if: Book.available, "python3 with openpyxl is not installed here (.ci/run installs it)"))
struct WorkbookReaderTests {
    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-sheets-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func everyKindOfCell() throws {
        let path = Self.temporary("cells.xlsx")
        try Book.write(path, sheets: [
            Book.sheet("数据", [
                ["XX县中小学校名单"],
                [],
                ["代码", "电话", "在校生数", "纬度", "日期", "是否", "公式", "文字公式", "富文本", "补零", "无值公式", "负数"],
                [2143130001, 13800138000, 1200, 34.86, Book.date("2024-05-31", format: "yyyy\"年\"m\"月\"d\"日\""), Book.bool(true),
                 Book.formula("=C4*2", cached: 2400), Book.formula("=\"东\"&\"区\"", cached: "东区"), Book.inline("一中"),
                 Book.number(12, format: "000000"), Book.formula("=1+1", cached: nil), -3.5],
                [2143130001.0, nil, nil, nil, 45443, Book.bool(false)],
            ], merges: ["A1:L1"], hiddenRows: [5]),
            Book.sheet("隐藏", [["x"]], state: "hidden"),
            Book.sheet("深藏", [["y"]], state: "veryHidden"),
        ])
        let book = try Workbook(path: path)
        #expect(book.sheets.map(\.name) == ["数据", "隐藏", "深藏"])
        #expect(book.sheets.map(\.state) == [.visible, .hidden, .veryHidden])
        #expect(!book.uses1904)
        let sheet = try book.read(book.sheets[0])
        #expect(sheet.rows.map(\.number) == [1, 3, 4, 5])
        #expect(sheet.rows.map(\.hidden) == [false, false, false, true])
        #expect(sheet.merges == [CellRange(reference: "A1:L1")])
        let row = sheet.rows[2].cells
        #expect(row.map(\.value.text) == ["2143130001", "13800138000", "1200", "34.86", "2024-05-31", "TRUE", "2400", "东区", "一中",
                                          "000012", "", "-3.5"])
        #expect(row[4].value == .date(SheetDate(year: 2024, month: 5, day: 31)))
        #expect(row[10].value == .uncalculated(formula: "1+1"))
        #expect(row.map(\.column) == Array(1...12))
        let next = sheet.rows[3].cells
        #expect(next.map(\.value.text) == ["2143130001", "45443", "FALSE"])
        #expect(next.map(\.column) == [1, 5, 6])
    }

    @Test func the1904DateSystemIsReadFromTheWorkbook() throws {
        let path = Self.temporary("mac.xlsx")
        try Book.write(path, sheets: [Book.sheet("Sheet1", [[Book.date("2024-05-31")]])], date1904: true)
        let book = try Workbook(path: path)
        #expect(book.uses1904)
        #expect(try book.read(book.sheets[0]).rows[0].cells[0].value == .date(SheetDate(year: 2024, month: 5, day: 31)))
    }

    @Test func rowAndColumnLimits() throws {
        let path = Self.temporary("wide.xlsx")
        try Book.write(path, sheets: [Book.sheet("宽表", [["a", "b", "c"], ["d"], ["e"]])])
        let tight = WorkbookLimits(maxRows: 2, maxColumns: 2)
        let book = try Workbook(path: path, limits: tight)
        #expect(throws: WorkbookError.tooManyColumns(sheet: "宽表", column: "C", limit: 2)) { _ = try book.read(book.sheets[0]) }
        let rows = try Workbook(path: path, limits: WorkbookLimits(maxRows: 2))
        #expect(throws: WorkbookError.tooManyRows(sheet: "宽表", limit: 2)) { _ = try rows.read(rows.sheets[0]) }
        let cells = try Workbook(path: path, limits: WorkbookLimits(maxCells: 4))
        #expect(throws: WorkbookError.tooManyCells(sheet: "宽表", limit: 4)) { _ = try cells.read(cells.sheets[0]) }
    }
}

/// Numbers as people typed them, format codes, references.
@Suite("Cell values")
struct CellValueTests {
    @Test func numbersKeepTheirDigits() {
        #expect(CellValue.render(2143130001) == "2143130001")
        #expect(CellValue.render(13800138000) == "13800138000")
        #expect(CellValue.render(1200.0) == "1200")
        #expect(CellValue.render(34.86) == "34.86")
        #expect(CellValue.render(1.5e-7) == "0.00000015")
        #expect(CellValue.render(2.5e20) == "250000000000000000000")
        #expect(CellValue.render(7, digits: 4) == "0007")
        #expect(CellValue.render(-12) == "-12")
    }

    @Test func formatCodes() {
        #expect(NumberFormat(id: 14, code: nil) == .date)
        #expect(NumberFormat(id: 31, code: nil) == .date)  // yyyy"年"m"月"d"日" in the Chinese locale
        #expect(NumberFormat(id: 0, code: nil) == .plain)
        #expect(NumberFormat(id: 49, code: nil) == .plain)
        #expect(NumberFormat.classify("yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(NumberFormat.classify("[$-F800]dddd, mmmm dd, yyyy") == .date)
        #expect(NumberFormat.classify("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\";@") == .date)
        #expect(NumberFormat.classify("[h]:mm:ss") == .plain)
        #expect(NumberFormat.classify("0.00_);[Red]\\(0.00\\)") == .plain)
        #expect(NumberFormat.classify("\"编号\"0") == .zeroPadded(1))  // the literal is decoration: the number is read
        #expect(NumberFormat.classify("000000") == .zeroPadded(6))
        #expect(NumberFormat.classify("General") == .plain)
    }

    @Test func references() {
        #expect(CellReference.letters(1) == "A")
        #expect(CellReference.letters(26) == "Z")
        #expect(CellReference.letters(27) == "AA")
        #expect(CellReference.letters(16384) == "XFD")
        #expect(CellReference.parse("D17")! == (17, 4))
        #expect(CellReference.parse("$AA$3")! == (3, 27))
        #expect(CellReference.parse("17D") == nil)
        #expect(CellRange(reference: "B3:B10") == CellRange(rows: 3...10, columns: 2...2))
    }
}
