import DuxueDomain
import DuxueInput
import Testing

/// The small additions `duxue check` needs from the readers.
@Suite("Inputs of duxue check")
struct CheckInputTests {
    @Test func trainingHoursAreReadWhenGiven() throws {
        let schools = "id,name,enrollment,zone\nS1,一小,300,A\n"
        let inspectors = "督学编号,姓名,专兼职,在职状态,已连任届数,责任区,培训学时\nI1,王,专职,在职,0,A,36.5\nI2,李,兼职,在职,0,A,\n"
        let load = try DistrictReader.read(schoolsCSV: schools, inspectorsCSV: inspectors, name: "t",
                                           policy: Policy(termStart: Day(iso: "2027-09-01")!))
        #expect(load.district.inspectors.map(\.trainingHours) == [36.5, nil])
        let bad = "id,name,employment,status,consecutive_terms,zone,training_hours\nI1,王,专职,在职,0,A,many\n"
        #expect(throws: InputError.self) {
            try DistrictReader.read(schoolsCSV: schools, inspectorsCSV: bad, name: "t", policy: Policy(termStart: Day(iso: "2027-09-01")!))
        }
    }

    /// A plan's roster gives a vacancy's own zone in `inspector_zone`; a hand-made one may give only `zone`.
    /// Duplicates and unknown ids are findings for the rules, not reading errors.
    @Test func vacancyZoneAndHandMadeRosters() throws {
        let planned = try RosterReader.read(csv: """
            school_id,inspector_id,employment,zone,inspector_zone
            S1,VACANCY-1,part_time,A,B
            S2,VACANCY-1,part_time,C,B
            S2,I-404,,,
            S9,I1,,,
            """)
        #expect(planned.roster.assignments.map(\.assignee.rosterID) == ["VACANCY-1", "VACANCY-1", "I-404", "I1"])
        #expect(planned.roster.assignments.first?.assignee == .vacancy(id: "VACANCY-1", zone: Zone("B")!, employment: .partTime))
        let handMade = try RosterReader.read(csv: "学校代码,督学编号,专兼职,责任区\nS1,VACANCY-1,兼职,A\n")
        #expect(handMade.roster.assignments.first?.assignee == .vacancy(id: "VACANCY-1", zone: Zone("A")!, employment: .partTime))
    }
}
