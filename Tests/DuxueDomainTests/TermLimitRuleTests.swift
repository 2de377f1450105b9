import DuxueDomain
import Testing

@Suite("R6 term limit") struct TermLimitRuleTests {
    @Test func partTimeAtTheLimitOnly() {
        let inspectors = [Make.inspector("PT3", terms: 3), Make.inspector("PT2", terms: 2), Make.inspector("FT5", .fullTime, terms: 5)]
        let schools = (1...3).map { Make.school("S\($0)") }
        let findings = Make.findings(TermLimitRule(), schools: schools, inspectors: inspectors,
                                     roster: [("S1", "PT3"), ("S2", "PT2"), ("S3", "FT5")])
        #expect(findings.map(\.detail) == [.termLimitReached(Inspector.ID("PT3")!, terms: 3, limit: 3)])
    }
}
