import DuxueDomain
import Testing

@Suite("R8 zones") struct ZoneRuleTests {
    let schools = [Make.school("S1", zone: "A"), Make.school("S2", zone: "B")]

    @Test func crossingIsAnErrorOnlyWhenRequired() {
        let inspectors = [Make.inspector("I1", zone: "A")]
        let required = Make.findings(ZoneRule(), schools: schools, inspectors: inspectors, roster: [("S1", "I1"), ("S2", "I1")])
        #expect(required.map(\.detail) == [.crossZone(.inspector(Inspector.ID("I1")!), from: Zone("A")!, school: School.ID("S2")!, schoolZone: Zone("B")!)])
        var prefer = Make.policy
        prefer.zones = .prefer
        #expect(Make.findings(ZoneRule(), schools: schools, inspectors: inspectors, roster: [("S1", "I1"), ("S2", "I1")], policy: prefer).isEmpty)
    }

    @Test func vacancyOutsideItsZone() {
        let findings = Make.findings(ZoneRule(), schools: schools, inspectors: [], roster: [("S1", "VACANCY-1/A/part_time"), ("S2", "VACANCY-1/A/part_time")])
        #expect(findings.count == 1)
    }
}
