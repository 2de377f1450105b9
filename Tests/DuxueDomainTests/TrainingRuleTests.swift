import DuxueDomain
import Testing

@Suite("R13 training hours") struct TrainingRuleTests {
    /// 40 hours is enough, 39.5 is not; no hours recorded means no finding (the column is optional).
    @Test func underFortyHours() {
        var enough = Make.inspector("OK")
        enough.trainingHours = 40
        var short = Make.inspector("SHORT")
        short.trainingHours = 39.5
        let unknown = Make.inspector("UNKNOWN")
        let findings = Make.findings(TrainingRule(), schools: (1...3).map { Make.school("S\($0)") },
                                     inspectors: [enough, short, unknown],
                                     roster: [("S1", "OK"), ("S2", "SHORT"), ("S3", "UNKNOWN")])
        #expect(findings.map(\.detail) == [.trainingShort(Inspector.ID("SHORT")!, hours: 39.5, minimum: 40)])
        let context = RuleContext(
            district: District(name: "t", schools: (1...3).map { Make.school("S\($0)") }, inspectors: [enough, short, unknown]),
            policy: Make.policy, roster: Make.roster([("S2", "SHORT")]))
        #expect(Remedies.suggest(for: findings, in: context) == [.train(Inspector.ID("SHORT")!, hours: 0.5)])
    }
}
