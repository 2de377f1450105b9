import DuxueDomain
import Testing

@Suite("R16 assessment") struct AssessmentRuleTests {
    /// 不合格 excludes and is an error when appointed; 合格 and no record are fine.
    @Test func failedAssessmentExcludes() {
        var failed = Make.inspector("F")
        failed.assessment = .failed
        var passed = Make.inspector("P")
        passed.assessment = .passed
        let unknown = Make.inspector("U")
        let findings = Make.findings(AssessmentRule(), schools: (1...3).map { Make.school("S\($0)") },
                                     inspectors: [failed, passed, unknown], roster: [("S1", "F"), ("S2", "P"), ("S3", "U")])
        #expect(findings.map(\.detail) == [.failedAssessment(Inspector.ID("F")!)])
        #expect(findings.first?.severity == .error)
        #expect(Eligibility.exclusions(of: failed, under: Make.policy) == [.failedAssessment])
        #expect(Eligibility.isEligible(passed, under: Make.policy))
    }
}
