import DuxueDomain
import Foundation
import DuxueTestSupport
import Testing

@testable import DuxueInput

/// Rosters and pairs files as workbooks: names matched to the district, 待聘 rows, problems at their cell.
@Suite("Roster workbooks", .enabled(if: Book.available, "python3 with openpyxl is not installed here (.ci/run installs it)"))
struct WorkbookRosterTests {
    /// Two schools named 二小 (east and west), two inspectors named 李强 (east and west).
    static let district: District = {
        let schools = "id,name,enrollment,zone\nS1,一中,900,东区\nS2,二小,300,东区\nS3,二小,300,西区\nS4,四中,800,西区\nS5,五中,700,东区\nS6,六中,600,西区\n"
        let pool = "id,name,employment,status,consecutive_terms,zone\nD1,王芳,full_time,in_service,0,东区\n"
            + "D2,李强,part_time,in_service,0,东区\nD3,李强,part_time,in_service,0,西区\nD4,赵敏,part_time,in_service,0,西区\n"
        // swiftlint:disable:next force_try
        return try! DistrictReader.read(schoolsCSV: schools, inspectorsCSV: pool, name: "测试县", policy: policy).district
    }()

    static func roster(_ rows: [[Any?]], header: [Any?], name: String = "名册.xlsx", sheet: String = "名册") throws -> String {
        let path = Fixtures.temporaryFolder() + "/" + name
        try Book.write(path, sheets: [Book.sheet("说明", [["由督导室填写"]]),
                                      Book.sheet(sheet, [["测试县责任督学名册"], header] + rows, merges: ["A1:F1"])])
        return path
    }

    @Test func namesVacanciesAndIDsTogether() throws {
        let path = try Self.roster([
            [nil, "一中", nil, "王芳", "专职", "东区"],
            [nil, "四中", nil, "李强", "兼职", "西区"],
            ["S2", "二小", nil, "待聘", "兼职", "东区"],
            ["S3", "二小", "空缺", nil, "兼职", "西区"],
            ["S5", "五中", "VACANCY-1", nil, "专职", "东区"],
            ["S6", "六小", "D4", "赵敏", "兼职", "西区"],
        ], header: ["学校代码", "学校名称", "督学编号", "责任督学", "专兼职", "责任区"])
        var load = try RosterReader.read(path: path)
        #expect(load.sheet == "名册")
        #expect(load.lines == [3, 4, 5, 6, 7, 8])
        try load.resolveNames(in: Self.district)
        let pairs = load.roster.assignments.map { "\($0.school.rawValue)→\($0.assignee.rosterID)" }
        #expect(pairs == ["S1→D1", "S4→D3", "S2→VACANCY-2", "S3→VACANCY-3", "S5→VACANCY-1", "S6→D4"])
        #expect(load.roster.assignments[2].assignee == .vacancy(id: "VACANCY-2", zone: Zone("东区")!, employment: .partTime))
        #expect(load.roster.assignments[3].assignee == .vacancy(id: "VACANCY-3", zone: Zone("西区")!, employment: .partTime))
        // 六小 on the row of S6 (六中): the id is used, and a warning says so at the name's cell.
        let warnings = InputValidation.contradictions(load, against: Self.district)
        #expect(warnings.map { $0.message(in: .zh) } == [
            "名册.xlsx 名册!B8 学校名称 列：学校代码 S6 的学校名称写作“六小”，学校名单中为“六中”；以编号为准；如编号有误，请改正编号",
        ])
        #expect(InputValidation.check(load, against: Self.district).isEmpty)
    }

    @Test func unknownAndAmbiguousNamesNameTheRowAndTheCandidates() throws {
        let path = try Self.roster([
            ["二小", "王芳"],
            ["七中", "王芳"],
            ["一中", "李强"],
        ], header: ["学校名称", "责任督学"])
        var load = try RosterReader.read(path: path)
        let found = problems { try load.resolveNames(in: Self.district) }
        #expect(found.map { $0.message(in: .zh) } == [
            "名册.xlsx 名册!A3 学校名称 列：有 2 所学校都叫“二小”：S2 二小 (东区)、S3 二小 (西区)；请填写学校代码以区分",
            "名册.xlsx 名册!A4 学校名称 列：没有名为“七中”的学校（相近的有：一中、五中、六中）；请核对学校名称，或改填学校代码",
            "名册.xlsx 名册!B5 责任督学 列：有 2 名督学都叫“李强”：D2 李强 (东区)、D3 李强 (西区)；请填写督学编号以区分",
        ])
        #expect(found.map { $0.message(in: .en) } == [
            "名册.xlsx 名册!A3, column 学校名称: 2 schools are named \"二小\": S2 二小 (东区), S3 二小 (西区); fix: give the school's id (学校代码) to tell them apart",
            "名册.xlsx 名册!A4, column 学校名称: no school is named \"七中\" (nearest: 一中, 五中, 六中); fix: check the name against the school list, or give the school's id (学校代码)",
            "名册.xlsx 名册!B5, column 责任督学: 2 inspectors are named \"李强\": D2 李强 (东区), D3 李强 (西区); fix: give the inspector's id (督学编号) to tell them apart",
        ])
    }

    @Test func validateMatchesARosterWorkbookToTheDistrict() throws {
        let folder = Fixtures.temporaryFolder()
        try "id,name,enrollment,zone\nS1,一中,900,东区\n".write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try "id,name,employment,status,consecutive_terms,zone\nD1,王芳,full_time,in_service,0,东区\n".write(
            toFile: folder + "/inspectors.csv", atomically: true, encoding: .utf8)
        let path = try Self.roster([["一中", "王小芳"]], header: ["学校名称", "督学姓名"])
        let report = InputValidation.validate(folder: folder, policyOption: nil, termStart: termStart, rosterPath: path, today: termStart)
        #expect(report.problems.map { $0.message(in: .en) } == [
            "名册.xlsx 名册!B3, column 督学姓名: no inspector is named \"王小芳\" (nearest: 王芳); fix: check the name against the pool, or give the inspector's id (督学编号)",
        ])
    }

    @Test func numericIDsInARosterKeepTheirDigits() throws {
        let path = try Self.roster([[2143130001, 1001, "2027/9/1"], [2143130002, 1002, Book.date("2027-09-01", format: "yyyy年m月d日")]],
                                   header: ["学校代码", "督学编号", "任期开始日期"])
        let load = try RosterReader.read(path: path)
        #expect(load.roster.assignments.map(\.school.rawValue) == ["2143130001", "2143130002"])
        #expect(load.roster.assignments.map(\.assignee.rosterID) == ["1001", "1002"])
        #expect(load.termStart == Day(iso: "2027-09-01"))
        #expect(load.pendingNames.isEmpty)
    }

    @Test func pairsWorkbookThroughTheSameTableReader() throws {
        let path = try Self.roster([["S1", "D1", "指定"], ["S1", "D2", "指定"], ["S2", "D3", "不得"]],
                                   header: ["学校代码", "督学编号", "规则"], name: "指定.xlsx", sheet: "指定与回避")
        let found = problems { _ = try PairsReader.read(path: path) }
        #expect(found.map { $0.message(in: .zh) } == [
            "指定.xlsx 指定与回避!A4 学校代码 列：编号“S1”重复（第 3 行已出现）；每行的编号必须唯一，请修改或删除重复行",
        ])
        #expect(found[0].cellReference == "指定与回避!A4")
    }
}
