import DuxueDomain
import Testing

@Suite("R9 stage") struct StageRuleTests {
    @Test func unqualifiedStageIsAWarning() {
        let schools = [Make.school("K1", stage: .kindergarten), Make.school("P1", stage: .primary), Make.school("X1")]
        let findings = Make.findings(StageRule(), schools: schools, inspectors: [Make.inspector("I1", stages: [.kindergarten])],
                                     roster: [("K1", "I1"), ("P1", "I1"), ("X1", "I1")])
        #expect(findings.map(\.detail) == [.stageMismatch(Inspector.ID("I1")!, School.ID("P1")!, .primary)])
        #expect(findings.first?.severity == .warning)
    }
}
