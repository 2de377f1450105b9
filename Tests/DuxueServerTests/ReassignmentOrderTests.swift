import DuxueDomain
import DuxueWorkflows
import Testing

/// The workbench's list of inspectors for a school, best first, follows the planner's own order: rules,
/// then a zone crossing when zones are preferred (P3), then the stage (P5), then the distance.
@Suite("reassignment options order")
struct ReassignmentOrderTests {
    /// S (zone A, a primary school) is held by H. X is in zone B and qualified for primary schools; Y is
    /// in zone A and qualified for junior schools only. With zones preferred Y comes first (a crossing
    /// outranks a stage mismatch, as P3 outranks P5); with zones ignored X comes first (stage).
    @Test(arguments: [(ZoneMode.prefer, ["Y", "X"]), (.ignore, ["X", "Y"])])
    func crossingBeforeStageWhenZonesArePreferred(zones: ZoneMode, expected: [String]) throws {
        var policy = Policy(termStart: Day(iso: "2027-09-01")!)
        policy.zones = zones
        let school = School(id: School.ID("S")!, name: "S", enrollment: 300, zone: Zone("A")!, stage: .primary)
        func person(_ id: String, zone: String, stages: Set<Stage>) -> Inspector {
            Inspector(id: Inspector.ID(id)!, name: id, employment: .partTime, status: .inService, zone: Zone(zone)!, stages: stages)
        }
        let holder = person("H", zone: "A", stages: [.primary])
        let district = District(name: "t", schools: [school], inspectors: [
            holder, person("X", zone: "B", stages: [.primary]), person("Y", zone: "A", stages: [.junior]),
        ])
        let roster = Roster(assignments: [Assignment(school: school.id, assignee: .inspector(holder.id))])
        let options = Workflows.reassignmentOptions(for: school.id, in: roster, district: district, policy: policy)
        #expect(options.map(\.inspectorID).filter { $0 != "H" } == expected)
    }
}
