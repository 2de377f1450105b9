import DuxueDomain
import Testing

@Suite("R7 recusal") struct RecusalRuleTests {
    @Test func conflictIsAFinding() {
        let findings = Make.findings(RecusalRule(), schools: [Make.school("S1"), Make.school("S2")],
                                     inspectors: [Make.inspector("I1", conflicts: ["S2"])], roster: [("S1", "I1"), ("S2", "I1")])
        #expect(findings.map(\.detail) == [.recusal(Inspector.ID("I1")!, School.ID("S2")!)])
    }
}
