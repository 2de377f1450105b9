import DuxueDomain
import Testing

@Suite("R4 full-time share") struct FullTimeShareRuleTests {
    let schools = (1...6).map { Make.school("S\($0)") }

    /// 1 full-time of 5 appointees is exactly 20%: compliant; 1 of 6 is not, and one more full-time
    /// appointee (2 of 7 = 28.6%) fixes it.
    @Test func exactlyTwentyPercentHolds() {
        let people = [Make.inspector("F", .fullTime)] + (1...5).map { Make.inspector("P\($0)") }
        let five = Make.findings(FullTimeShareRule(), schools: schools, inspectors: people,
                                 roster: [("S1", "F"), ("S2", "P1"), ("S3", "P2"), ("S4", "P3"), ("S5", "P4")])
        #expect(five.isEmpty)
        let six = Make.findings(FullTimeShareRule(), schools: schools, inspectors: people,
                                roster: [("S1", "F"), ("S2", "P1"), ("S3", "P2"), ("S4", "P3"), ("S5", "P4"), ("S6", "P5")])
        #expect(six.map(\.detail) == [.fullTimeShareLow(fullTime: 1, total: 6, minimum: 0.2, missing: 1)])
    }

    @Test func fullTimeRecruitsCount() {
        let findings = Make.findings(FullTimeShareRule(), schools: schools, inspectors: [Make.inspector("P1")],
                                     roster: [("S1", "P1"), ("S2", "VACANCY-1/A/full_time")])
        #expect(findings.isEmpty)
    }

    @Test(arguments: [(0, 10, 3), (2, 10, 0), (0, 1, 1), (1, 9, 1)])
    func missingFullTime(fullTime: Int, total: Int, missing: Int) {
        // (F + k)·5 ≥ (T + k) ⇒ k ≥ (T − 5F)/4: 0 of 10 needs 3 (3 of 13 = 23%).
        #expect(FullTimeShareRule.missingFullTime(fullTime: fullTime, total: total, policy: Make.policy) == missing)
    }
}
