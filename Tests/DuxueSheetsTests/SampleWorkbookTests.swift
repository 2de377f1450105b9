import Foundation
import DuxueTestSupport
import Testing

/// End to end with the built `duxue`: the sample workbook plans like the sample folder; a legacy file
/// stops with exit 2 and "save it as .xlsx".
@Suite("Workbook districts end to end")
struct SampleWorkbookTests {
    static var repository: URL { DuxueExecutable.repository }

    static func duxue(_ arguments: [String], in folder: URL) throws -> DuxueExecutable.Result {
        try DuxueExecutable.run(arguments, in: folder)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-sheets-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func sampleWorkbookPlansLikeTheSampleFolder() throws {
        let here = try Self.scratch()
        let data = Self.repository.appendingPathComponent("Data")
        let folder = try Self.duxue(["plan", data.appendingPathComponent("county").path, "--out", "folder.csv", "--quiet"], in: here)
        let book = try Self.duxue(["plan", data.appendingPathComponent("county.xlsx").path, "--out", "book.csv", "--quiet"], in: here)
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(book.status == 0, "\(book.stderr)")
        let rosterFromFolder = try String(contentsOf: here.appendingPathComponent("folder.csv"), encoding: .utf8)
        let rosterFromBook = try String(contentsOf: here.appendingPathComponent("book.csv"), encoding: .utf8)
        #expect(!rosterFromBook.isEmpty && rosterFromBook == rosterFromFolder)
        #expect(book.stdout.contains("丰城县"))
    }

    @Test func aLegacyWorkbookStopsWithSaveAsXLSX() throws {
        let here = try Self.scratch()
        let district = here.appendingPathComponent("县")
        try FileManager.default.createDirectory(at: district, withIntermediateDirectories: true)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: district.appendingPathComponent("学校.xls"))
        try Data("督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,王芳,专职,在职,0,东区\n".utf8).write(to: district.appendingPathComponent("督学.csv"))
        let zh = try Self.duxue(["validate", district.path, "--lang", "zh", "--term-start", "2027-09-01"], in: here)
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("学校.xls：文件是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx"))
        let en = try Self.duxue(["plan", district.path, "--lang", "en", "--term-start", "2027-09-01", "--quiet"], in: here)
        #expect(en.status == 2)
        #expect(en.stderr.contains("save it as .xlsx"))
    }

    /// Data/county/previous-roster.csv as a workbook (a title row, typed dates and numbers) and a pairs
    /// workbook, written by openpyxl.
    static func previousRosterWorkbook(in folder: URL) throws -> (roster: String, pairs: String) {
        let roster = folder.appendingPathComponent("原名册.xlsx").path, pairs = folder.appendingPathComponent("指定.xlsx").path
        let script = """
            import csv, datetime, sys, openpyxl
            rows = list(csv.reader(open(sys.argv[1], encoding="gb18030")))
            book = openpyxl.Workbook(); sheet = book.active; sheet.title = "原名册"
            sheet.append(["丰城县责任督学名册"]); sheet.merge_cells("A1:H1"); sheet.append(rows[0])
            for row in rows[1:]:
                sheet.append(row[:6] + [datetime.date.fromisoformat(row[6]), int(row[7])])
                sheet.cell(row=sheet.max_row, column=7).number_format = 'yyyy"年"m"月"d"日"'
            book.save(sys.argv[2])
            book = openpyxl.Workbook(); sheet = book.active; sheet.title = "指定"
            sheet.append(["学校代码", "督学编号", "规则"]); sheet.append(["S-001", "I-002", "指定"]); book.save(sys.argv[3])
            """
        let csv = repository.appendingPathComponent("Data/county/previous-roster.csv").path
        #expect(try Book.run(["-c", script, csv, roster, pairs]).status == 0)
        return (roster, pairs)
    }

    @Test(.enabled(if: Book.available, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func renewFromWorkbooksLikeFromCSV() throws {
        let here = try Self.scratch()
        let (roster, pairs) = try Self.previousRosterWorkbook(in: here)
        try Data("学校代码,督学编号,规则\nS-001,I-002,指定\n".utf8).write(to: here.appendingPathComponent("pairs.csv"))
        let data = Self.repository.appendingPathComponent("Data")
        let fromCSV = try Self.duxue(["renew", data.appendingPathComponent("county").path, "--previous",
                                      data.appendingPathComponent("county/previous-roster.csv").path, "--as-of", "2028-09-01",
                                      "--pairs", "pairs.csv", "--out", "a.csv", "--quiet"], in: here)
        let fromBooks = try Self.duxue(["renew", data.appendingPathComponent("county.xlsx").path, "--previous", roster,
                                        "--as-of", "2028-09-01", "--pairs", pairs, "--out", "b.csv", "--quiet"], in: here)
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromBooks.status == 0, "\(fromBooks.stderr)")
        for (a, b) in [("a.csv", "b.csv"), ("a-changes.csv", "b-changes.csv")] {
            let left = try String(contentsOf: here.appendingPathComponent(a), encoding: .utf8)
            let right = try String(contentsOf: here.appendingPathComponent(b), encoding: .utf8)
            #expect(!left.isEmpty && left == right, "\(a) vs \(b)")
        }
    }

    @Test(.enabled(if: Book.available, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func checkMatchesARosterByNames() throws {
        let here = try Self.scratch()
        let roster = here.appendingPathComponent("名册.xlsx").path
        try Book.write(roster, sheets: [Book.sheet("名册", [
            ["丰城县责任督学名册"], ["学校名称", "责任督学", "专兼职"],
            ["丰城县第一中学", "梁晓波", "兼职"], ["丰城县职业技术学校", "待聘", "专职"], ["丰城县第一小学", "梁小波", "兼职"],
        ], merges: ["A1:C1"])])
        let data = Self.repository.appendingPathComponent("Data")
        let result = try Self.duxue(["check", data.appendingPathComponent("county.xlsx").path, "--roster", roster, "--lang", "zh"], in: here)
        #expect(result.status == 2)
        #expect(result.stderr.contains("名册.xlsx 名册!B5 责任督学 列：没有名为“梁小波”的督学（相近的有：梁晓波）"))
        #expect(result.stderr.contains("名册.xlsx 名册!A5 学校名称 列：没有名为“丰城县第一小学”的学校"))
        #expect(!result.stderr.contains("B3") && !result.stderr.contains("B4"))
    }
}
