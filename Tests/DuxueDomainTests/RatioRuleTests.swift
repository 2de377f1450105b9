import DuxueDomain
import Testing

@Suite("R2 ratio") struct RatioRuleTests {
    let schools = (1...6).map { Make.school("S\($0)") }

    @Test func sixSchoolsExceedOneToFive() {
        let findings = Make.findings(RatioRule(), schools: schools, inspectors: [Make.inspector("I1")],
                                     roster: schools.map { ($0.id.rawValue, "I1") })
        #expect(findings.map(\.detail) == [.overCapacity(.inspector(Inspector.ID("I1")!), holds: 6, limit: 5)])
    }

    @Test func personalCapIsTheLimit() {
        let findings = Make.findings(RatioRule(), schools: schools, inspectors: [Make.inspector("I1", cap: 2), Make.inspector("I2")],
                                     roster: [("S1", "I1"), ("S2", "I1"), ("S3", "I1"), ("S4", "I2")])
        #expect(findings.map(\.detail) == [.overCapacity(.inspector(Inspector.ID("I1")!), holds: 3, limit: 2)])
    }

    @Test func vacanciesTakeThePolicyRatio() {
        let findings = Make.findings(RatioRule(), schools: schools, inspectors: [],
                                     roster: schools.map { ($0.id.rawValue, "VACANCY-1/A/part_time") })
        #expect(findings.count == 1)
    }
}
