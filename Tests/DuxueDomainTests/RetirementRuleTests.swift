import DuxueDomain
import Testing

@Suite("R5 retirement") struct RetirementRuleTests {
    /// Term start 2027-09-01, limit 3 years: retired 2024-09-01 is exactly 3 years (allowed);
    /// 2024-08-31 is one day over.
    @Test func boundaryIsInclusive() {
        let inspectors = [
            Make.inspector("ON", status: .retired(on: Day(iso: "2024-09-01")!)),
            Make.inspector("OVER", status: .retired(on: Day(iso: "2024-08-31")!)),
        ]
        let findings = Make.findings(RetirementRule(), schools: [Make.school("S1"), Make.school("S2")], inspectors: inspectors,
                                     roster: [("S1", "ON"), ("S2", "OVER")])
        #expect(findings.count == 1)
        guard case .retiredTooLong(let id, _, let years, let limit, _)? = findings.first?.detail else {
            Issue.record("expected a retirement finding")
            return
        }
        #expect(id.rawValue == "OVER")
        #expect(abs(years - 3.0) < 0.01)
        #expect(limit == 3)
    }

    @Test func leapDayRetirement() {
        // 2024-02-29 + 3 years is 2027-02-28, before a term starting 2027-03-01.
        var policy = Make.policy
        policy.termStart = Day(iso: "2027-03-01")!
        let inspector = Make.inspector("L", status: .retired(on: Day(iso: "2024-02-29")!))
        #expect(!Eligibility.isEligible(inspector, under: policy))
        policy.termStart = Day(iso: "2027-02-28")!
        #expect(Eligibility.isEligible(inspector, under: policy))
    }
}
