import DuxueDomain
import Testing

@Suite("R1 coverage") struct CoverageRuleTests {
    @Test func everySchoolOnceIsCompliant() {
        let findings = Make.findings(CoverageRule(), schools: [Make.school("S1"), Make.school("S2")], inspectors: [Make.inspector("I1")],
                                     roster: [("S1", "I1"), ("S2", "I1")])
        #expect(findings.isEmpty)
    }

    @Test func missingTwiceAndUnknownAreFindings() {
        let findings = Make.findings(
            CoverageRule(), schools: [Make.school("S1"), Make.school("S2"), Make.school("S3")], inspectors: [Make.inspector("I1")],
            roster: [("S1", "I1"), ("S1", "I1"), ("S9", "I1"), ("S3", "I7")])
        #expect(findings.map(\.detail) == [
            .coveredMoreThanOnce(School.ID("S1")!, times: 2), .uncovered(School.ID("S2")!),
            .unknownSchool(School.ID("S9")!), .unknownInspector("I7"),
        ])
        #expect(findings.allSatisfy { $0.rule == .coverage && $0.severity == .error })
    }
}
