import DuxueDomain
import Testing

@testable import DuxueInput

/// The optional inspector columns: 考核结果 (assessment), 工作单位 (workplace: automatic recusal),
/// 级别 (level) and 聘任日期 (appointed_on).
@Suite("Inspector columns: assessment, workplace, level, appointment date")
struct InspectorColumnsTests {
    static let schools = "学校代码,学校名称,在校生数,责任区\nS1,城关第一小学,500,东区\nS2,城关中学,900,东区\n"

    @Test func readAndApplied() throws {
        let inspectors = """
            督学编号,姓名,专兼职,在职状态,已连任届数,责任区,考核结果,工作单位,级别,聘任日期
            I1,甲,兼职,在职,0,东区,优秀,城关中学,区县督学,2024年9月1日
            I2,乙,兼职,在职,0,东区,不合格,区教育局,市级督学,
            I3,丙,专职,在职,0,东区,,S1,,

            """
        let load = try DistrictReader.read(schoolsCSV: Self.schools, inspectorsCSV: inspectors, name: "t", policy: policy)
        let byID = load.district.inspectorsByID
        let i1 = try #require(byID[Inspector.ID("I1")!])
        #expect(i1.assessment == .passed)
        #expect(i1.workplace == "城关中学")
        #expect(i1.conflicts == [School.ID("S2")!], "works at S2 (by name): recusal")
        #expect(i1.level == .county)
        #expect(i1.appointedOn == Day(year: 2024, month: 9, day: 1)!)
        let i2 = try #require(byID[Inspector.ID("I2")!])
        #expect(i2.assessment == .failed)
        #expect(i2.conflicts.isEmpty, "区教育局 is no school of the district")
        #expect(i2.level == .city)
        #expect(Eligibility.exclusions(of: i2, under: policy) == [.failedAssessment])
        #expect(byID[Inspector.ID("I3")!]?.conflicts == [School.ID("S1")!], "works at S1 (by code)")
    }

    /// The columns an office keeps (性别, 职称, 聘任文号 …) are carried as written, in the file's order;
    /// blank cells carry nothing, and 序号 (a row number) is not carried.
    @Test func officeColumnsAreCarried() throws {
        let inspectors = """
            序号,督学编号,姓名,性别,专兼职,在职状态,已连任届数,责任区,职称,聘任文号
            1,I1,甲,女,兼职,在职,0,东区,高级教师,教督〔2027〕3号
            2,I2,乙,,兼职,在职,0,东区,,

            """
        let load = try DistrictReader.read(schoolsCSV: Self.schools, inspectorsCSV: inspectors, name: "t", policy: policy)
        #expect(load.warnings.isEmpty, "\(load.warnings)")
        let byID = load.district.inspectorsByID
        #expect(byID[Inspector.ID("I1")!]?.officeColumns == [
            OfficeColumn(name: "性别", value: "女"), OfficeColumn(name: "职称", value: "高级教师"),
            OfficeColumn(name: "聘任文号", value: "教督〔2027〕3号"),
        ])
        #expect(byID[Inspector.ID("I2")!]?.officeColumns == [])
        let withWorkplace = Inspector(id: Inspector.ID("I9")!, name: "丙", employment: .partTime, zone: Zone("东区")!,
                                      workplace: "区教育局", officeColumns: [OfficeColumn(name: "性别", value: "男")])
        #expect(withWorkplace.carriedColumns.map(\.name) == ["工作单位", "性别"])
        #expect(OfficeColumn.names(of: [byID[Inspector.ID("I1")!]!, withWorkplace]) == ["工作单位", "性别", "职称", "聘任文号"])
    }

    @Test func badValuesNameTheirCell() {
        let inspectors = "id,name,employment,status,consecutive_terms,zone,assessment,level,appointed_on\n"
            + "I1,A,part_time,in_service,0,东区,so-so,provincial,2024-13-01\n"
        let found = problems {
            _ = try DistrictReader.read(schoolsCSV: Self.schools, inspectorsCSV: inspectors, name: "t", policy: policy)
        }
        #expect(found.map(\.column?.name) == ["assessment", "level", "appointed_on"])
        #expect(found.allSatisfy { $0.line == 2 })
    }
}
