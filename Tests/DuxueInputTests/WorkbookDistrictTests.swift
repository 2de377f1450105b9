import DuxueDomain
import DuxueSheets
import Foundation
import DuxueTestSupport
import Testing

@testable import DuxueInput

/// Districts read from workbooks made by openpyxl: title rows, typed cells, hidden rows and sheets, and
/// problems that name the workbook, the sheet and the cell.
@Suite("District workbooks", .enabled(if: Book.available, "python3 with openpyxl is not installed here (.ci/run installs it)"))
struct WorkbookDistrictTests {
    static var schoolsHeader: [Any?] { ["序号", "学校代码", "学校名称", "在校生数", "责任区", "学段", "备注"] }
    static var inspectorsHeader: [Any?] { ["督学编号", "姓名", "性别", "专兼职", "在职状态", "退休日期", "已连任届数", "责任区",
                                           "回避学校", "联系电话", "聘任日期", "职称"] }

    /// 学校: a merged title, a blank row, then the header on row 3; ids and enrollments typed as numbers,
    /// one id with a 0000000000 format, an inline string, a formula with its saved value, a zone merged
    /// down two rows, a hidden row. 督学: ids and phones as numbers, a date cell, a serial date in a
    /// General cell, text dates, a recusal by school name. 说明: a hidden sheet that is not read.
    static func goodSheets(schoolRows: [[Any?]]? = nil) -> [[String: Any]] {
        let schools: [[Any?]] = schoolRows ?? [
            [1, 2143130001, "一中", 1200, "东区", "高中", "省示范"],
            [2, 2143130002, Book.inline("二小"), Book.formula("=600+200", cached: 800), "东区", "小学", nil],
            [3, Book.number(12, format: "0000000000"), "三小", 300, nil, "小学", nil],
            [4, 2143130004, "四幼", 100, "西区", "幼儿园", nil],
        ]
        let inspectors: [[Any?]] = [
            [1001, "王芳", "女", "专职", "在职", nil, 0, "东区", nil, 13800138000, Book.date("2024-05-31", format: "yyyy/m/d"), "高级教师"],
            [1002, "李强", "男", "兼职", "退休", 45443, 1, "东区", "一中", "0791-1234567", "2024/5/31", nil],
            [1003, "赵敏", "女", "兼职", "退休", "2024年5月31日", 0, "西区", "2143130001", nil, nil, nil],
        ]
        return [
            Book.sheet("说明", [["本表由教育督导室维护"]], state: "hidden"),
            Book.sheet("学校", [["测试县中小学校（幼儿园）名单"], [], schoolsHeader] + schools, merges: ["A1:G1", "E5:E6"], hiddenRows: [7]),
            Book.sheet("督学", [["测试县责任督学库"], inspectorsHeader] + inspectors, merges: ["A1:L1"]),
        ]
    }

    static func workbook(_ name: String = "county.xlsx", sheets: [[String: Any]], date1904: Bool = false) throws -> String {
        let path = Fixtures.temporaryFolder() + "/" + name
        try Book.write(path, sheets: sheets, date1904: date1904)
        return path
    }

    @Test func typedCellsTitleRowsAndMergedZones() throws {
        let load = try DistrictReader.read(folder: try Self.workbook(sheets: Self.goodSheets()), policy: policy)
        #expect(load.district.name == "county")
        let schools = load.district.schools
        #expect(schools.map(\.id.rawValue) == ["2143130001", "2143130002", "0000000012", "2143130004"])
        #expect(schools.map(\.name) == ["一中", "二小", "三小", "四幼"])
        #expect(schools.map(\.enrollment) == [1200, 800, 300, 100])
        #expect(schools.map(\.zone.rawValue) == ["东区", "东区", "东区", "西区"])
        #expect(load.schoolLines[School.ID(uncheckedRawValue: "2143130004")] == 7)
        let inspectors = load.district.inspectors
        #expect(inspectors.map(\.id.rawValue) == ["1001", "1002", "1003"])
        #expect(inspectors[0].phone == "13800138000")
        #expect(inspectors[0].appointedOn == Day(iso: "2024-05-31"))
        #expect(inspectors[1].status == .retired(on: Day(iso: "2024-05-31")!))
        #expect(inspectors[2].status == .retired(on: Day(iso: "2024-05-31")!))
        #expect(inspectors[1].conflicts == [School.ID(uncheckedRawValue: "2143130001")])
        #expect(inspectors[2].conflicts == [School.ID(uncheckedRawValue: "2143130001")])
        // The hidden row is read and reported; 序号, 备注, 性别, 职称 are kept quietly; the hidden 说明 is not read.
        #expect(load.warnings.map { $0.message(in: .zh) } == [
            "county.xlsx 学校 第 7 行：该行在 Excel 中是隐藏的，仍按其内容读取；如该行不应计入，请删除该行；否则请取消隐藏",
        ])
        #expect(load.warnings.map { $0.message(in: .en) } == [
            "county.xlsx 学校 row 7: the row is hidden in Excel; it is read all the same; fix: delete the row if it should not count, or unhide it",
        ])
        #expect(load.warnings[0].cellReference == "学校!7:7")
    }

    @Test func the1904DateSystem() throws {
        let sheets = Self.goodSheets().map { sheet -> [String: Any] in
            guard sheet["name"] as? String == "督学" else { return sheet }
            var changed = sheet
            changed["merges"] = [String]()
            changed["rows"] = [Self.inspectorsHeader.map { $0 ?? NSNull() },
                               ["1002", "李强", "男", "兼职", "退休", Book.date("2024-05-31"), 1, "东区", NSNull(), NSNull(), 43981, NSNull()]]
            return changed
        }
        let path = try Self.workbook(sheets: sheets, date1904: true)
        let load = try DistrictReader.read(folder: path, policy: policy)
        #expect(load.district.inspectors[0].status == .retired(on: Day(iso: "2024-05-31")!))
        #expect(load.district.inspectors[0].appointedOn == Day(iso: "2024-05-31"))
    }

    @Test func badCellsAreNamedByWorkbookSheetAndCell() throws {
        let rows: [[Any?]] = [
            [1, "S1", "一中", "一千二", "东区", nil, nil],
            [2, "S1", "二中", Book.formula("=B1*2", cached: nil), "东区", nil, nil],
        ]
        let found = problems { _ = try DistrictReader.read(folder: try Self.workbook(sheets: Self.goodSheets(schoolRows: rows)), policy: policy) }
        let zh = found.map { $0.message(in: .zh) }
        #expect(zh.contains("county.xlsx 学校!D4 在校生数 列：“一千二” 不是数字；请填写学生人数，如 1200"))
        #expect(zh.contains("county.xlsx 学校!B5 学校代码 列：编号“S1”重复（第 4 行已出现）；每行的编号必须唯一，请修改或删除重复行"))
        #expect(zh.contains("county.xlsx 学校!D5 在校生数 列：公式“=B1*2”没有保存计算结果，按空白读取；请用 Excel 或 WPS 打开工作簿并保存一次，使公式算出结果"))
        #expect(zh.contains("county.xlsx 学校!D5 在校生数 列：在校生数不能为空；请填写学生人数，如 1200"))
        let en = found.map { $0.message(in: .en) }
        #expect(en.contains("county.xlsx 学校!D4, column 在校生数: enrollment \"一千二\" is not a number; fix: write the number of students, e.g. 1200"))
        #expect(en.contains("county.xlsx 学校!B5, column 学校代码: duplicate id \"S1\" (first on row 4); fix: give every row its own id, or delete the repeated row"))
        #expect(found.contains { $0.description == "county.xlsx:学校!D4: error: enrollment \"一千二\" is not a number; fix: write the number of students, e.g. 1200" })
        // 督学: 一中 by name is found under its new id; the id 2143130001 is no longer a school.
        let pool = found.filter { $0.sheet == "督学" && $0.severity == .error }
        #expect(pool.map(\.cellReference) == ["督学!I5"])
        #expect(pool.map(\.kind) == [.unknownConflictSchool(id: "2143130001")])
    }

    @Test func aHiddenTableSheetIsReadAndReported() throws {
        var sheets = Self.goodSheets()
        sheets[1]["state"] = "hidden"
        let load = try DistrictReader.read(folder: try Self.workbook(sheets: sheets), policy: policy)
        #expect(load.district.schools.count == 4)
        let warning = try #require(load.warnings.first { $0.kind == .hiddenSheet })
        #expect(warning.message(in: .zh) == "county.xlsx 学校：该工作表在 Excel 中是隐藏的，仍按其内容读取；请取消隐藏以便核对；如不应读取，请删除该工作表")
        #expect(warning.message(in: .en).hasPrefix("county.xlsx sheet 学校: the sheet is hidden in Excel"))
    }

    /// A column hidden in Excel (here 在校生数) is read all the same and reported once, at its header cell;
    /// a hidden column past the table's says nothing.
    @Test func aHiddenColumnIsReadAndReported() throws {
        var sheets = Self.goodSheets()
        sheets[1]["hidden_columns"] = ["D", "K"]
        let load = try DistrictReader.read(folder: try Self.workbook(sheets: sheets), policy: policy)
        #expect(load.district.schools.map(\.enrollment) == [1200, 800, 300, 100])
        let hidden = load.warnings.filter { $0.kind == .hiddenColumn }
        #expect(hidden.map(\.cellReference) == ["学校!D3"])
        #expect(hidden.first?.message(in: .zh).contains("该列在 Excel 中是隐藏的，仍按其内容读取") == true)
        #expect(hidden.first?.message(in: .en).contains("the column is hidden in Excel; it is read all the same") == true)
    }

    @Test func missingAndRepeatedTableSheets() throws {
        let sheets = Self.goodSheets()
        let noPool = problems { _ = try DistrictReader.read(folder: try Self.workbook(sheets: Array(sheets.prefix(2))), policy: policy) }
        #expect(noPool.filter { $0.severity == .error }.map(\.kind) == [.sheetNotFound(table: .inspectors, accepted: ["督学", "督学库", "inspectors"], sheets: ["说明", "学校"])])
        #expect(noPool.last?.message(in: .zh) == "county.xlsx：工作簿中没有督学库工作表（可用的工作表名：督学、督学库、inspectors；现有工作表：说明、学校）；请把督学库所在的工作表改名为“督学”")
        var twice = sheets
        twice.append(Book.sheet("Schools", [Self.schoolsHeader]))
        let repeated = problems { _ = try DistrictReader.read(folder: try Self.workbook(sheets: twice), policy: policy) }
        #expect(repeated.map(\.kind) == [.tableTwice(table: .schools, places: ["学校", "Schools"])])
    }

    @Test func aFolderOfWorkbooksAndCSVUnderChineseNames() throws {
        let folder = Fixtures.temporaryFolder()
        try Book.write(folder + "/学校.xlsx", sheets: [
            Book.sheet("封面", [["测试县"]]),
            Book.sheet("Sheet1", [["测试县学校名单"], ["学校代码", "学校名称", "在校生数", "责任区"], ["S1", "一中", 1200, "东区"], ["S2", "二中", "x", "东区"]]),
        ])
        try "督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,王芳,专职,在职,0,东区\n".write(
            toFile: folder + "/督学.csv", atomically: true, encoding: .utf8)
        let found = problems { _ = try DistrictReader.read(folder: folder, policy: policy) }
        #expect(found.map { $0.message(in: .en) } == ["学校.xlsx Sheet1!C4, column 在校生数: enrollment \"x\" is not a number; fix: write the number of students, e.g. 1200"])
        try "id,name,enrollment,zone\nS9,九中,100,东区\n".write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        let twice = problems { _ = try DistrictReader.read(folder: folder, policy: policy) }
        #expect(twice.map(\.kind) == [.tableTwice(table: .schools, places: ["schools.csv", "学校.xlsx"])])
        #expect(twice[0].message(in: .zh) == "schools.csv：学校名单出现了不止一处：schools.csv、学校.xlsx；请只保留一处，删除或改名其余的")
    }

    @Test func legacyWorkbooksAreToldToBeSavedAsXLSX() throws {
        let folder = Fixtures.temporaryFolder()
        try Data(Workbook.compoundFileSignature + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: folder + "/学校.xls"))
        try "督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,王芳,专职,在职,0,东区\n".write(
            toFile: folder + "/督学.csv", atomically: true, encoding: .utf8)
        let found = problems { _ = try DistrictReader.read(folder: folder, policy: policy) }
        #expect(found.map(\.kind) == [.workbook(.legacyFormat(.xls))])
        #expect(found[0].message(in: .zh) == "学校.xls：文件是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx（Excel 工作簿），或另存为 CSV UTF-8")
        #expect(found[0].message(in: .en).hasSuffix("fix: save it as .xlsx (Excel Workbook) in Excel or WPS, or as CSV UTF-8"))
        let roster = folder + "/名册.xls"
        try FileManager.default.copyItem(atPath: folder + "/学校.xls", toPath: roster)
        #expect(problems { _ = try RosterReader.read(path: roster) }.map(\.kind) == [.workbook(.legacyFormat(.xls))])
        let encrypted = folder + "/加密.xlsx"
        try FileManager.default.copyItem(atPath: folder + "/学校.xls", toPath: encrypted)
        #expect(problems { _ = try RosterReader.read(path: encrypted) }.map(\.kind) == [.workbook(.legacyFormat(.encryptedOrLegacy))])
    }

    /// A folder whose school list is an Excel binary workbook finds it and says to save it as .xlsx.
    @Test func binaryWorkbookInAFolderIsFoundAndNamed() throws {
        let folder = Fixtures.temporaryFolder()
        try Data([0x50, 0x4B, 0x03, 0x04]).write(to: URL(fileURLWithPath: folder + "/学校.xlsb"))
        try "督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,王芳,专职,在职,0,东区\n".write(
            toFile: folder + "/督学.csv", atomically: true, encoding: .utf8)
        let found = problems { _ = try DistrictReader.read(folder: folder, policy: policy) }
        #expect(found.map(\.kind) == [.workbook(.legacyFormat(.xlsb))])
        #expect(found.first?.message(in: .zh).hasPrefix("学校.xlsb：文件是 Excel 二进制工作簿（.xlsb），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx") == true)
    }

    @Test func workbookPolicyIsTheFileBesideIt() throws {
        let path = try Self.workbook(sheets: Self.goodSheets())
        #expect(DistrictPolicy.policyPath(district: path).hasSuffix("/county.policy.toml"))
        try "district_name = \"测试县\"\nterm_start = 2027-09-01\nschools_per_inspector = 4\n".write(
            toFile: DistrictPolicy.policyPath(district: path), atomically: true, encoding: .utf8)
        let read = try PolicyReader.load(district: path, option: nil, termStart: nil)
        #expect(read.schoolsPerInspector == 4 && read.termStart == Day(iso: "2027-09-01") && read.districtName == "测试县")
        let report = InputValidation.validate(folder: path, policyOption: nil, termStart: nil, rosterPath: nil)
        #expect(report.isValid && report.schools == 4 && report.inspectors == 3)
        #expect(TableFiles.inputFiles(district: path) == [path, DistrictPolicy.policyPath(district: path)])
    }
}
