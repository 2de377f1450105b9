import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import Foundation
import Testing

/// `RosterWorkbook`: a roster table written as .xlsx reads back (RosterReader) as the same roster as its
/// CSV; openpyxl sees one sheet 名册 (roster in English), a bold frozen header, ids as text, widths that
/// fit; the write is atomic and never replaces an input or (unless asked) an existing file.
@Suite("Roster workbook")
struct RosterWorkbookTests {
    /// Rows as `RosterTable.rows(plan, language: .zh)` gives them: ids that look like numbers (leading
    /// zeros, 12 digits), a vacancy in another zone than its school's, a name with a comma, an empty phone.
    static let chineseRows: [[String]] = [
        ["0012", "007", "兼职", "第一中学", "高中", "城关责任区", "王芳", "城关责任区", "13800000001", "2027-09-01", "2"],
        ["440100000012", "007", "兼职", "城关小学,东校区", "小学", "城关责任区", "王芳", "城关责任区", "13800000001", "2027-09-01", "1"],
        ["S-3", "1.50", "专职", "第三中学", "初中", "东乡责任区", "李强", "东乡责任区", "", "2027-09-01", "1"],
        ["S-4", "VACANCY-1", "兼职", "东乡小学", "小学", "东乡责任区", "", "城关责任区", "", "2027-09-01", ""],
    ]

    static var englishRows: [[String]] {
        chineseRows.map { row in
            var row = row
            row[2] = row[2] == "专职" ? "full_time" : "part_time"
            return row
        }
    }

    /// A scratch folder removed at the end of the test.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-workbook-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// What the roster reader makes of a load, to compare two loads.
    struct Read: Equatable {
        var roster: Roster
        var termStart: Day?
        var pairTerms: [School.ID: Int]
        var servedAs: [Inspector.ID: Employment]
        var names: [String]

        init(_ load: RosterLoad) {
            roster = load.roster
            termStart = load.termStart
            pairTerms = load.pairTerms
            servedAs = load.servedAs
            names = load.rowFacts.map(\.name)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func readsBackAsTheCSVRoster(language: Language) throws {
        let scratch = try Scratch()
        let header = RosterTable.header(in: language)
        let rows = language == .zh ? Self.chineseRows : Self.englishRows
        let path = scratch.path("r.xlsx")
        try RosterWorkbook.write(header: header, rows: rows, language: language, to: path, overwrite: false)
        let fromWorkbook = try RosterReader.read(path: path)
        let fromCSV = try RosterReader.read(csv: CSVWriter.document(header: header, rows: rows))
        #expect(fromWorkbook.sheet == RosterWorkbook.sheetName(in: language))
        #expect(fromWorkbook.warnings.isEmpty, "\(fromWorkbook.warnings.map { $0.message(in: .en) })")
        #expect(Read(fromWorkbook) == Read(fromCSV))
        #expect(fromWorkbook.roster.assignments.map(\.school.rawValue) == ["0012", "440100000012", "S-3", "S-4"])
        #expect(fromWorkbook.roster.assignments.map(\.assignee.rosterID) == ["007", "007", "1.50", "VACANCY-1"])
        #expect(fromWorkbook.roster.assignments[3].assignee
            == .vacancy(id: "VACANCY-1", zone: Zone("城关责任区")!, employment: .partTime))
        #expect(fromWorkbook.pairTerms[School.ID("0012")!] == 2)
        #expect(fromWorkbook.lines == [2, 3, 4, 5])
    }

    /// The workbench sends the workbook's bytes (made once, no file kept): they read back as the file
    /// `write` puts in place does.
    @Test func theBytesSentAreTheWorkbookWritten() throws {
        let scratch = try Scratch()
        let bytes = try RosterWorkbook.bytes(header: RosterTable.header(in: .zh), rows: Self.chineseRows, language: .zh)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        try Data(bytes).write(to: URL(fileURLWithPath: scratch.path("sent.xlsx")))
        try RosterWorkbook.write(header: RosterTable.header(in: .zh), rows: Self.chineseRows, language: .zh, to: scratch.path("kept.xlsx"),
                                 overwrite: false)
        #expect(Read(try RosterReader.read(path: scratch.path("sent.xlsx"))) == Read(try RosterReader.read(path: scratch.path("kept.xlsx"))))
    }

    @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func openpyxlSeesTextIDsABoldFrozenHeaderAndFittingWidths() throws {
        let scratch = try Scratch()
        let path = scratch.path("名册.xlsx")
        let header = RosterTable.header(in: .zh)
        try RosterWorkbook.write(header: header, rows: Self.chineseRows, language: .zh, to: path, overwrite: false)
        let json = try readBack(path)
        #expect(json["sheets"] as? [String] == ["名册"])
        let cells = try #require((json["cells"] as? [String: [[Any]]])?["名册"])
        #expect(cells.count == 1 + Self.chineseRows.count)
        #expect(cells[0].map { "\($0)" } == header)
        // Every value is a string: ids keep their zeros and digits, "1.50" is not 1.5.
        for (index, row) in Self.chineseRows.enumerated() {
            for (column, text) in row.enumerated() where !text.isEmpty {
                #expect(cells[index + 1][column] as? String == text, "row \(index + 2) column \(column + 1)")
            }
        }
        // Bold header, frozen below it; each column at least as wide as its widest text.
        let layout = try python(["-c", """
            import json, sys, openpyxl
            from openpyxl.utils import get_column_letter
            sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            bold = [cell.font.b for cell in sheet[1]]
            body = [cell.font.b for row in sheet.iter_rows(min_row=2) for cell in row]
            widths = [sheet.column_dimensions[get_column_letter(c)].width for c in range(1, sheet.max_column + 1)]
            types = sorted({cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row if cell.value is not None})
            print(json.dumps({"freeze": sheet.freeze_panes, "bold": bold, "body": body, "widths": widths, "types": types}))
            """, path])
        #expect(layout.status == 0)
        let facts = try #require(try JSONSerialization.jsonObject(with: layout.output) as? [String: Any])
        #expect(facts["freeze"] as? String == "A2")
        #expect((facts["bold"] as? [Bool])?.allSatisfy { $0 } == true)
        #expect((facts["body"] as? [Bool])?.contains(true) == false)
        #expect(facts["types"] as? [String] == ["s"])
        let widths = try #require(facts["widths"] as? [Double])
        #expect(widths.count == header.count)
        for column in header.indices {
            let texts = [header[column]] + Self.chineseRows.map { $0[column] }
            let widest: Int = texts.map(Self.cells).max() ?? 0
            #expect(widths[column] >= Double(widest), "column \(column + 1)")
            #expect(widths[column] <= 50)
        }
    }

    /// Width in character cells: two for CJK and full-width characters.
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in sum + (scalar.value >= 0x2E80 ? 2 : 1) }
    }

    @Test func neverReplacesAnExistingFileUnlessAsked() throws {
        let scratch = try Scratch()
        let path = scratch.path("r.xlsx")
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RosterWorkbookError.exists(path: path)) {
            try RosterWorkbook.write(header: RosterTable.header(in: .zh), rows: Self.chineseRows, language: .zh, to: path,
                                     overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
        try RosterWorkbook.write(header: RosterTable.header(in: .zh), rows: Self.chineseRows, language: .zh, to: path,
                                 overwrite: true)
        #expect(try RosterReader.read(path: path).roster.assignments.count == 4)
        // Nothing but the workbook is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["r.xlsx"])
    }

    @Test func neverReplacesAnInputEvenWhenOverwriting() throws {
        let scratch = try Scratch()
        let input = scratch.path("previous.xlsx")
        try RosterWorkbook.write(header: RosterTable.header(in: .zh), rows: Self.chineseRows, language: .zh, to: input,
                                 overwrite: false)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        try FileManager.default.createDirectory(atPath: scratch.path("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.xlsx"), withDestinationPath: input)
        #expect(link(input, scratch.path("hard.xlsx")) == 0)
        for target in [input, scratch.path("sub/../previous.xlsx"), scratch.path("link.xlsx"), scratch.path("hard.xlsx")] {
            #expect(throws: RosterWorkbookError.input(path: target)) {
                try RosterWorkbook.write(header: ["学校代码", "督学编号"], rows: [], language: .zh, to: target,
                                         overwrite: true, inputs: [input])
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func missingFolderIsAnErrorThatNamesNoOption() throws {
        let scratch = try Scratch()
        let path = scratch.path("missing/r.xlsx")
        let result = Result { () throws(RosterWorkbookError) in
            try RosterWorkbook.write(header: RosterTable.header(in: .en), rows: Self.englishRows, language: .en, to: path,
                                     overwrite: false)
        }
        guard case .failure(let error) = result, case .file(let target, _) = error else {
            Issue.record("expected .file, got \(result)")
            return
        }
        #expect(target == path)
        for language in [Language.zh, .en] { #expect(!error.message(in: language).contains("--")) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!RosterWorkbookError.exists(path: path).message(in: .en).contains("--"))
        #expect(!RosterWorkbookError.input(path: path).message(in: .zh).contains("--"))
    }
}
