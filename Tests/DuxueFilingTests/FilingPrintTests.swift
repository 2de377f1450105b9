import DuxueDomain
import DuxueReport
import Foundation
import Testing

@testable import DuxueFiling

/// The filing workbook prints as the page does: rows an error names bold dark red on red, warning rows on
/// yellow, rows as tall as their wrapped text, a long table broken into pages between rows (its last row
/// never alone), read back by openpyxl, an independent reader.
@Suite("Filing workbook printing")
struct FilingPrintTests {
    /// Hand-worked: columns of 10 and 10 characters print at 100 %; a page holds 462.9 pt of rows
    /// (487.3 pt printable × 0.95); the first page has the title (18.75) and header (15), so 28 rows of
    /// 15 pt, the next pages 29 each below the repeated header.
    @Test func pageBreaksKnownAnswer() {
        let widths = [10.0, 10.0]
        #expect(FilingXLSX.pages(Array(repeating: 15, count: 28), widths: widths, title: 18.75, header: 15).breaks == [])
        let sixty = FilingXLSX.pages(Array(repeating: 15, count: 60), widths: widths, title: 18.75, header: 15)
        #expect(sixty.scale == 100 && sixty.breaks == [28, 57])
        // 58 rows would leave row 57 alone on the third page: it goes over with row 56.
        #expect(FilingXLSX.pages(Array(repeating: 15, count: 58), widths: widths, title: 18.75, header: 15).breaks == [28, 56])
        // Twice as wide as the page (4 × 371.25 pt × 1.05 against 741.1): printed at 47 %, a page holds
        // 984.9 pt, so 63 rows below the title and header.
        let wide = Array(repeating: 70.0, count: 4)
        let layout = FilingXLSX.pages(Array(repeating: 15, count: 100), widths: wide, title: 18.75, header: 15)
        #expect(layout.scale == 47)
        #expect(layout.breaks.first == 63)
        // Line counts: CJK characters count two; a column 10 wide holds 9 per line.
        #expect(FilingXLSX.lineCount("一二三四五", width: 10) == 2)
        #expect(FilingXLSX.lineCount("abc\ndef", width: 10) == 2)
        #expect(FilingXLSX.lineCount("", width: 10) == 1)
    }

    /// A district of 150 schools held by 李强 alone (R2 and more: error rows) and 王芳 (fine).
    static func long() -> (CheckReport, District, Roster, Policy) {
        let zone = Zone("城区")!
        let schools = (1...150).map { School(id: School.ID("S\($0)")!, name: "城区第\($0)小学（含东校区、西校区、南校区）", enrollment: 300,
                                             zone: zone, stage: .primary) }
        let inspectors = [Inspector(id: Inspector.ID("I1")!, name: "王芳", employment: .fullTime, zone: zone),
                          Inspector(id: Inspector.ID("I2")!, name: "李强", employment: .partTime, zone: zone)]
        let district = District(name: "长表区", schools: schools, inspectors: inspectors)
        let policy = Policy(termStart: Day(iso: "2027-09-01")!)
        let roster = Roster(assignments: schools.enumerated().map { index, school in
            Assignment(school: school.id, assignee: .inspector(Inspector.ID(index < 5 ? "I1" : "I2")!))
        })
        let report = CheckReport(district: district, policy: policy, roster: roster, rosterFile: "r.csv", strict: false, nearest: nil,
                                 language: .zh)
        return (report, district, roster, policy)
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func redRowsRowHeightsAndPageBreaksAsOpenpyxlReadsThem() throws {
        let (report, district, roster, policy) = Self.long()
        #expect(!report.compliant)
        let scratch = try FilingRosterReadBackTests.Scratch()
        let path = scratch.path("long.xlsx")
        try FilingWriter.write(report, district: district, roster: roster, policy: policy, format: .xlsx, to: path, overwrite: false)
        let result = try python(["-c", """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {}
            def rgb(color):
                value = getattr(color, "rgb", None)
                return value if isinstance(value, str) else None
            for sheet in book.worksheets:
                rows = {}
                for row in sheet.iter_rows(min_row=1):
                    first = row[0]
                    if first.value is None:
                        continue
                    rows[str(first.row)] = {"text": str(first.value), "fill": rgb(first.fill.fgColor) if first.fill.fill_type else None,
                                            "font": rgb(first.font.color),
                                            "bold": bool(first.font.b), "height": sheet.row_dimensions[first.row].height}
                setup = sheet.page_setup
                out[sheet.title] = {"rows": rows, "breaks": [b.id for b in sheet.row_breaks.brk],
                                    "orientation": setup.orientation, "paper": setup.paperSize, "scale": setup.scale,
                                    "fit": bool(sheet.sheet_properties.pageSetUpPr.fitToPage) if sheet.sheet_properties.pageSetUpPr else False,
                                    "titles": sheet.print_title_rows}
            print(json.dumps(out, ensure_ascii=False))
            """, path])
        #expect(result.status == 0)
        let book = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: [String: Any]])
        // 名册: 李强's row (R2: 145 schools) is red, 王芳's plain; the rows are as tall as their text.
        let roll = try #require(book["责任督学名册"])
        let rows = try #require(roll["rows"] as? [String: [String: Any]])
        let li = try #require(rows.values.first { $0["text"] as? String == "I2" })
        #expect(li["fill"] as? String == "FFFFD7D7")
        #expect(li["font"] as? String == "FF9C0006")
        #expect(li["bold"] as? Bool == true)
        #expect((li["height"] as? Double ?? 0) > 15, "145 schools listed wrap onto many lines")
        let wang = try #require(rows.values.first { $0["text"] as? String == "I1" })
        #expect(wang["fill"] as? String == nil && wang["bold"] as? Bool == false)
        #expect(roll["orientation"] as? String == "landscape" && roll["paper"] as? Int == 9)
        #expect((roll["titles"] as? String)?.contains("2:") == true, "the header row repeats on every page")
        // 公示: 150 schools print on several pages, at a scale (Excel ignores page breaks when fitting).
        let placard = try #require(book["挂牌督导学校一览"])
        let breaks = try #require(placard["breaks"] as? [Int])
        #expect(breaks.count >= 2, "\(breaks)")
        #expect(breaks.allSatisfy { $0 >= 3 })
        #expect(placard["fit"] as? Bool == false)
        // 100 % is the default, which the file leaves unwritten.
        #expect((placard["scale"] as? Int).map { (10...100).contains($0) } ?? true)
        // The cover's 合规结论 is red, as on the page.
        let cover = try #require(book["备案表"]?["rows"] as? [String: [String: Any]])
        #expect(cover.values.first { $0["text"] as? String == "合规结论" }?["fill"] as? String == "FFFFD7D7")
    }
}
