import DuxueDomain
import Testing

@Suite("R3 dedicated") struct DedicatedRuleTests {
    @Test func largeSchoolWithAnotherIsAFinding() {
        let schools = [Make.school("L1", enrollment: 2000), Make.school("S1")]
        let findings = Make.findings(DedicatedRule(), schools: schools, inspectors: [Make.inspector("I1")],
                                     roster: [("L1", "I1"), ("S1", "I1")])
        #expect(findings.map(\.detail) == [.largeNotDedicated(School.ID("L1")!, .inspector(Inspector.ID("I1")!), otherSchools: 1)])
    }

    @Test func thresholdAndDesignation() {
        // 1 999 students is below the threshold; a "large = no" designation overrides 2 600.
        let schools = [Make.school("S1", enrollment: 1999), Make.school("S2", enrollment: 2600, large: false), Make.school("S3", enrollment: 100, large: true)]
        #expect(Make.findings(DedicatedRule(), schools: schools, inspectors: [Make.inspector("I1")],
                              roster: [("S1", "I1"), ("S2", "I1")]).isEmpty)
        #expect(Make.findings(DedicatedRule(), schools: schools, inspectors: [Make.inspector("I1")],
                              roster: [("S1", "I1"), ("S3", "I1")]).count == 1)
    }
}
