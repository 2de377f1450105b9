import DuxueDomain
import Testing

@testable import DuxueInput

@Suite("Roster reading")
struct RosterReaderTests {
    @Test func inspectorsAndVacanciesWithChineseHeaders() throws {
        let load = try RosterReader.read(path: Fixtures.path("roster/roster.csv"))
        #expect(load.encoding == .utf8BOM)
        #expect(load.warnings.isEmpty)
        #expect(load.lines == [2, 3, 4, 5])
        let vacancy1 = Assignee.vacancy(id: "VACANCY-1", zone: Zone("East")!, employment: .fullTime)
        #expect(load.roster.assignments == [
            Assignment(school: School.ID("S1")!, assignee: .inspector(Inspector.ID("D1")!)),
            Assignment(school: School.ID("S2")!, assignee: vacancy1),
            Assignment(school: School.ID("S3")!, assignee: vacancy1),
            Assignment(school: School.ID("S4")!, assignee: .vacancy(id: "VACANCY-2", zone: Zone(uncheckedRawValue: ""), employment: .partTime)),
        ])
        #expect(load.roster.vacancies.count == 2)
        #expect(load.line(of: School.ID("S3")!) == 4)
    }

    /// A vacancy row naming no zone takes its school's zone from the district (so zones = require does
    /// not call a recruit cross-zone for want of a column); one that names a zone keeps it.
    @Test func unzonedVacancyTakesItsSchoolsZone() throws {
        var load = try RosterReader.read(path: Fixtures.path("roster/roster.csv"))
        let schools = ["S1", "S2", "S3", "S4"].map {
            School(id: School.ID($0)!, name: $0, enrollment: 100, zone: Zone($0 == "S4" ? "West" : "North")!)
        }
        load.placeUnzonedVacancies(in: District(name: "d", schools: schools, inspectors: []))
        #expect(load.roster.assignments[3].assignee == .vacancy(id: "VACANCY-2", zone: Zone("West")!, employment: .partTime))
        #expect(load.roster.assignments[1].assignee == .vacancy(id: "VACANCY-1", zone: Zone("East")!, employment: .fullTime))
    }

    @Test func vacancyProblemsAndEmptyCells() {
        let found = problems { _ = try RosterReader.read(path: Fixtures.path("roster/bad.csv")) }
        #expect(found.map(Spot.init) == [
            Spot("bad.csv", 2, 3, .vacancyWithoutEmployment(id: "VACANCY-1")),
            Spot("bad.csv", 4, 3, .vacancyMismatch(
                id: "VACANCY-2", key: "employment", value: "full_time", firstValue: "part_time", firstLine: 3)),
            Spot("bad.csv", 5, 1, .emptyValue(key: "school_id")),
            Spot("bad.csv", 6, 2, .warning, .noAssignee(school: "S5")),
        ])
        #expect(found[0].description == "bad.csv:2:3: error: vacancy \"VACANCY-1\" has no employment; "
            + "fix: write full_time or part_time (专职/兼职) in an employment column")
    }

    @Test func vacancyWithoutAnEmploymentColumn() {
        let found = problems { _ = try RosterReader.read(csv: "school_id,inspector_id\nS1,VACANCY-1\n") }
        #expect(found.map(Spot.init) == [Spot("roster.csv", 2, 2, .vacancyWithoutEmployment(id: "VACANCY-1"))])
    }

    @Test func missingColumnsAndExtraColumnsAreFine() throws {
        let found = problems { _ = try RosterReader.read(csv: "school,督学编号\nS1,D1\n") }
        #expect(found.map(Spot.init) == [Spot("roster.csv", 1, nil, .missingColumn(
            key: "school_id", accepted: ["school_id", "学校代码", "学校编号", "school_name", "学校名称", "学校"], lookalike: nil))])
        let load = try RosterReader.read(csv: "学校代码,学校名称,督学编号,姓名\nS1,甲,D1,张\n")
        #expect(load.roster.assignments.map(\.assignee) == [.inspector(Inspector.ID("D1")!)])
        #expect(load.warnings.isEmpty)
    }

    @Test func missingRosterFile() {
        let found = problems { _ = try RosterReader.read(path: "/no/such/roster.csv") }
        #expect(found.map(\.kind) == [.fileNotFound(path: "/no/such/roster.csv")])
    }
}
