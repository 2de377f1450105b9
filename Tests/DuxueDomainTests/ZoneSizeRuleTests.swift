import DuxueDomain
import Testing

@Suite("R10 zone size") struct ZoneSizeRuleTests {
    /// 20 schools in a zone is the limit (no finding); 21 is one over, and splitting it takes 2 zones.
    @Test func twentyIsAllowedTwentyOneIsNot() {
        let schools = (1...20).map { Make.school("A\($0)", zone: "A") } + (1...21).map { Make.school("B\($0)", zone: "B") }
        let findings = Make.findings(ZoneSizeRule(), schools: schools, inspectors: [], roster: [])
        #expect(findings.map(\.detail) == [.zoneTooLarge(Zone("B")!, schools: 21, limit: 20)])
        #expect(findings.first?.severity == .warning)
        let context = RuleContext(district: District(name: "t", schools: schools, inspectors: []), policy: Make.policy,
                                  roster: Roster(assignments: []))
        #expect(Remedies.suggest(for: findings, in: context) == [.splitZone(Zone("B")!, into: 2)])
    }
}
