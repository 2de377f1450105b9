import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

/// The header found under a title, extra office columns kept quietly, names in place of ids (CSV: the
/// same code path as workbooks).
@Suite("Header detection and names")
struct HeaderDetectionTests {
    static let pool = "督学编号,姓名,专兼职,在职状态,已连任届数,责任区,回避学校\nD1,王芳,专职,在职,0,东区,二小\n"

    @Test func titleAndBlankRowsAboveTheHeaderAreSkipped() throws {
        let schools = "测试县中小学校（幼儿园）名单,,,,\n,,,,\n序号,学校代码,学校名称,在校生\n数,责任区\n1,S1,一中,900,东区\n"
        let csv = schools.replacingOccurrences(of: "在校生\n数", with: "\"在校生\n数\"")
        let load = try DistrictReader.read(schoolsCSV: csv, inspectorsCSV: "督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,王芳,专职,在职,0,东区\n",
                                           name: "测试县", policy: policy)
        #expect(load.district.schools.map(\.enrollment) == [900])
        #expect(load.schoolLines[School.ID("S1")!] == 5)  // the header spans lines 3 and 4
        #expect(load.warnings.isEmpty)
    }

    @Test func aFileWithoutARecognisableHeaderStillTakesItsFirstRow() {
        let found = problems { _ = try DistrictReader.read(schoolsCSV: "学校,人数\nS1,900\n", inspectorsCSV: Self.pool, name: "x", policy: policy) }
        #expect(found.contains { $0.file == "schools.csv" && $0.line == 1 && $0.kind == .missingColumn(key: "id", accepted: ["id", "学校代码"], lookalike: nil) })
    }

    @Test func officeColumnsAreNotUnknownColumns() throws {
        let pool = "序号,督学编号,姓名,性别,出生年月,职务,职称,督学证号,聘任文号,专兼职,在职状态,已连任届数,责任区\n1,D1,王芳,女,1970-01,校长,高级,123,渝教督〔2024〕1号,专职,在职,0,东区\n"
        let load = try DistrictReader.read(schoolsCSV: "id,name,enrollment,zone\nS1,一中,900,东区\n", inspectorsCSV: pool, name: "x", policy: policy)
        #expect(load.warnings.isEmpty)
        #expect(load.district.inspectors.map(\.name) == ["王芳"])
    }

    @Test func recusalsByNameAndAmbiguousOnes() {
        let schools = "id,name,enrollment,zone\nS1,一中,900,东区\nS2,二小,300,东区\nS3,二小,300,西区\n"
        let found = problems { _ = try DistrictReader.read(schoolsCSV: schools, inspectorsCSV: Self.pool, name: "x", policy: policy) }
        #expect(found.map { $0.message(in: .zh) } == [
            "inspectors.csv 第 2 行 回避学校 列：有 2 所学校都叫“二小”：S2 二小 (东区)、S3 二小 (西区)；请填写学校代码以区分",
        ])
        let unique = schools.replacingOccurrences(of: "S3,二小", with: "S3,三小")
        let load = try? DistrictReader.read(schoolsCSV: unique, inspectorsCSV: Self.pool, name: "x", policy: policy)
        #expect(load?.district.inspectors.first?.conflicts == [School.ID("S2")!])
    }

    @Test func vacancyWordsAreEachTheirOwnPost() throws {
        let load = try RosterReader.read(csv: "学校代码,督学编号,专兼职,责任区\nS1,待聘,兼职,东区\nS2,待聘,兼职,东区\nS3,VACANCY-2,专职,西区\nS4,空缺,专职,西区\n")
        #expect(load.roster.assignments.map(\.assignee.rosterID) == ["VACANCY-1", "VACANCY-3", "VACANCY-2", "VACANCY-4"])
        let missing = problems { _ = try RosterReader.read(csv: "学校代码,督学编号\nS1,待聘\n") }
        #expect(missing.map(\.kind) == [.vacancyWithoutEmployment(id: "待聘")])
    }

    @Test func rosterNeedsTheSchoolByIdOrName() {
        let found = problems { _ = try RosterReader.read(csv: "责任区,督学编号\n东区,D1\n") }
        #expect(found.map(\.kind) == [.missingColumn(key: "school_id", accepted: ["school_id", "学校代码", "学校编号", "school_name", "学校名称", "学校"], lookalike: nil)])
    }
}
