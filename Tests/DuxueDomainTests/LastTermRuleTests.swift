import DuxueDomain
import Testing

@Suite("R12 last permitted term") struct LastTermRuleTests {
    /// Limit 3: a part-timer with 2 completed terms serves their third and last (warning); with 1, no;
    /// a full-timer with 2 is not limited; with 3 it is R6's error, not this warning.
    @Test func partTimeWithLimitMinusOneTerms() {
        let people = [
            Make.inspector("TWO", terms: 2), Make.inspector("ONE", terms: 1),
            Make.inspector("FT", .fullTime, terms: 2), Make.inspector("THREE", terms: 3),
        ]
        let schools = (1...4).map { Make.school("S\($0)") }
        let findings = Make.findings(LastTermRule(), schools: schools, inspectors: people,
                                     roster: [("S1", "TWO"), ("S2", "ONE"), ("S3", "FT"), ("S4", "THREE")])
        #expect(findings.map(\.detail) == [.lastPermittedTerm(Inspector.ID("TWO")!, term: 3, limit: 3)])
        #expect(findings.first?.severity == .warning)
    }
}
