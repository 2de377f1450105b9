import DuxueDomain
import Foundation
import DuxueTestSupport
import Testing

@testable import DuxueInput

/// Which sheet of a workbook a roster is read from: the filing package's 内部-配对, else its 公示 list
/// 挂牌督导学校一览, 名册 or roster, else the first sheet with both 学校代码 and 督学编号 — and the filing's
/// 公示 list read as a roster (vacancies with their employment from 责任督学名册, 未配备, notes).
@Suite("Roster sheet choice", .enabled(if: Book.available, "python3 with openpyxl is not installed here (.ci/run installs it)"))
struct RosterSheetChoiceTests {
    /// A filing workbook as `duxue check --filing` lays it out (docs/filing.md): S1 and S2 held by D1
    /// (full-time), S3 by VACANCY-1 (part-time, zone 西区 although S3 is in 东区), S4 unassigned.
    static func filing(internalPairs: Bool = true, hiddenPairs: Bool = false) throws -> String {
        let path = Fixtures.temporaryFolder() + "/备案.xlsx"
        var sheets = [
            Book.sheet("备案表", [["测试县责任督学（挂牌督学）名册备案表"], ["合规结论：不合规"], ["区县", "测试县"]]),
            Book.sheet("责任督学名册", [
                ["责任督学名册（测试县，任期 2027-09-01 至 2030-08-31）"],
                ["督学编号", "姓名", "专兼职", "在职/退休", "退休日期", "本届届次", "责任区", "负责学校数", "负责学校", "负责学校代码", "联系电话", "问题"],
                ["D1", "王芳", "专职", "在职", nil, "第 1 届（专职）", "东区", 2, "一中、二小", "S1、S2", "0791-0001", nil],
                ["VACANCY-1", "（待补充）", "兼职", nil, nil, "第 1 届", "西区", 1, "三小", "S3", nil, nil],
                [],
                ["本届届次 = 已连任届数 + 1；专职督学注明（专职），专职任期不计入兼职连任。"],
            ]),
            Book.sheet("挂牌督导学校一览", [
                ["测试县挂牌督导学校一览（公示）任期 2027-09-01 至 2030-08-31——名册不合规，整改后方可公示"],
                ["学校代码", "学校名称", "学段", "在校生数", "责任区", "责任督学", "督学编号", "联系电话", "问题"],
                ["S1", "一中", "高中", 900, "东区", "王芳", "D1", "0791-0001", nil],
                ["S2", "二小", "小学", 300, "东区", "王芳", "D1", "0791-0001", nil],
                ["S3", "三小", "小学", 300, "东区", "待补充（VACANCY-1）", "VACANCY-1", nil, nil],
                ["S4", "四中", "初中", 800, "东区", "（未配备）", nil, nil, "R1"],
                [],
                ["公示期：　　　　年　　月　　日 至 　　　　年　　月　　日。对公示名单有异议的，请在公示期内向公示单位反映。"],
                ["公示单位（盖章）：　　　　　　　　　　　　　　　　　　　　　　　　年　　月　　日"],
            ]),
            Book.sheet("内部-学校", [
                ["内部资料，不公开", nil, "学校名单"], ["本表校验码", "0123456789abcdef"],
                ["学校代码", "学校名称", "学段", "在校生数", "责任区", "大规模学校"],
                ["S1", "一中", "高中", "900", "东区", nil],
            ]),
        ]
        if internalPairs {
            sheets.append(Book.sheet("内部-配对", [
                ["内部资料，不公开", nil, "名册（学校—督学配对），按所检查的名册逐行照录"], ["本表校验码", "fedcba9876543210"],
                ["学校代码", "督学编号", "专兼职", "督学责任区", "任期开始日期"],
                ["S1", "D1", "专职", "东区", "2027-09-01"],
                ["S2", "D1", "专职", "东区", "2027-09-01"],
                ["S3", "VACANCY-1", "兼职", "西区", "2027-09-01"],
            ], state: hiddenPairs ? "hidden" : "visible"))
        }
        sheets.append(Book.sheet("内部-政策", [["内部资料，不公开"], ["本表校验码", "0"], ["键", "名称", "取值"], ["format", "备案材料格式", "duxue.filing/1"]]))
        try Book.write(path, sheets: sheets)
        return path
    }

    static let vacancy = Assignee.vacancy(id: "VACANCY-1", zone: Zone("西区")!, employment: .partTime)

    /// The filing reads back from 内部-配对: every line, the term, the vacancy with its employment and zone.
    @Test func filingIsReadFromItsInternalPairs() throws {
        let load = try RosterReader.read(path: Self.filing())
        #expect(load.sheet == "内部-配对")
        #expect(load.warnings.isEmpty)
        #expect(load.lines == [4, 5, 6])
        #expect(load.roster.assignments.map(\.school.rawValue) == ["S1", "S2", "S3"])
        #expect(load.roster.assignments.map(\.assignee) == [.inspector(Inspector.ID("D1")!), .inspector(Inspector.ID("D1")!), Self.vacancy])
        #expect(load.termStart == Day(iso: "2027-09-01"))
        #expect(load.servedAs == [Inspector.ID("D1")!: .fullTime])
    }

    /// Hidden internal sheets are still the roster (with a warning that a hidden sheet was read).
    @Test func hiddenInternalPairsAreStillTheRoster() throws {
        let load = try RosterReader.read(path: Self.filing(hiddenPairs: true))
        #expect(load.sheet == "内部-配对")
        #expect(load.warnings.map(\.kind) == [.hiddenSheet])
        #expect(load.roster.assignments.count == 3)
    }

    /// Without the internal sheets the 公示 list is the roster: the vacancy takes its employment and zone
    /// from 责任督学名册, 未配备 leaves S4 unassigned, the notes under the table are no rows.
    @Test func placardListIsTheRosterWithoutInternalSheets() throws {
        let load = try RosterReader.read(path: Self.filing(internalPairs: false))
        #expect(load.sheet == "挂牌督导学校一览")
        #expect(load.warnings.isEmpty, "\(load.warnings.map { $0.message(in: .zh) })")
        #expect(load.roster.assignments.map(\.school.rawValue) == ["S1", "S2", "S3"])
        #expect(load.roster.assignments.map(\.assignee) == [.inspector(Inspector.ID("D1")!), .inspector(Inspector.ID("D1")!), Self.vacancy])
        #expect(load.servedAs == [Inspector.ID("D1")!: .fullTime])
        #expect(load.termStart == nil)
    }

    /// A 公示 list on its own (saved as a file of its own) has no roll to take a vacancy's employment
    /// from: the vacancy is reported, as in any roster without 专兼职.
    @Test func placardListAloneAsksForTheVacancysEmployment() throws {
        let path = Fixtures.temporaryFolder() + "/公示.xlsx"
        try Book.write(path, sheets: [Book.sheet("挂牌督导学校一览", [
            ["测试县挂牌督导学校一览（公示）"],
            ["学校代码", "学校名称", "责任区", "责任督学", "督学编号"],
            ["S1", "一中", "东区", "王芳", "D1"],
            ["S3", "三小", "东区", "待补充（VACANCY-1）", "VACANCY-1"],
        ])])
        let found = problems { _ = try RosterReader.read(path: path) }
        #expect(found.map(\.kind) == [.vacancyWithoutEmployment(id: "VACANCY-1")])
    }

    /// Named sheets come before any other: 名册 is read although an earlier sheet has both ids too.
    @Test func namedSheetBeforeAnEarlierSheetWithBothIDs() throws {
        let path = Fixtures.temporaryFolder() + "/名册.xlsx"
        try Book.write(path, sheets: [
            Book.sheet("上一届", [["学校代码", "督学编号"], ["S1", "D9"]]),
            Book.sheet("名册", [["学校代码", "督学编号", "专兼职"], ["S1", "D1", "专职"]]),
        ])
        let load = try RosterReader.read(path: path)
        #expect(load.sheet == "名册")
        #expect(load.roster.assignments.map(\.assignee.rosterID) == ["D1"])
    }

    /// Without a named sheet, the first sheet whose header has both 学校代码 and 督学编号 is read, not
    /// an earlier one with a recognisable header but no inspector ids (a school list).
    @Test func firstSheetWithBothIDsOverAnEarlierTable() throws {
        let path = Fixtures.temporaryFolder() + "/配备.xlsx"
        try Book.write(path, sheets: [
            Book.sheet("学校", [["学校代码", "学校名称", "责任区"], ["S1", "一中", "东区"]]),
            Book.sheet("Sheet2", [["说明：本表为 2027 年配备"], ["学校代码", "学校名称", "督学编号"], ["S1", "一中", "D1"]]),
        ])
        let load = try RosterReader.read(path: path)
        #expect(load.sheet == "Sheet2")
        #expect(load.roster.assignments.map(\.assignee.rosterID) == ["D1"])
        #expect(load.lines == [3])
    }

    /// A roster by names only still reads from the first sheet with a recognisable header.
    @Test func namesOnlyRosterStillFound() throws {
        let path = Fixtures.temporaryFolder() + "/配备.xlsx"
        try Book.write(path, sheets: [
            Book.sheet("说明", [["由督导室填写"]]),
            Book.sheet("2027", [["学校名称", "责任督学"], ["一中", "王芳"]]),
        ])
        let load = try RosterReader.read(path: path)
        #expect(load.sheet == "2027")
        #expect(load.pendingNames.count == 1)
    }

    /// 未配备 in a CSV roster too: the school stays unassigned without a warning.
    @Test func unassignedWordLeavesTheSchoolOut() throws {
        let load = try RosterReader.read(csv: "学校代码,督学编号,督学姓名\nS1,D1,王芳\nS2,,（未配备）\nS3,,未配备\n")
        #expect(load.roster.assignments.map(\.school.rawValue) == ["S1"])
        #expect(load.warnings.isEmpty)
    }
}
