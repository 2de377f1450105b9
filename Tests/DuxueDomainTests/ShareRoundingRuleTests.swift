import DuxueDomain
import Testing

@Suite("R14 share only by rounding") struct ShareRoundingRuleTests {
    /// `fullTime` full-time appointees out of `total` (each holding one school).
    func findings(fullTime: Int, total: Int) -> [Finding] {
        let people = (0..<total).map { Make.inspector("I\($0)", $0 < fullTime ? .fullTime : .partTime) }
        let schools = (0..<total).map { Make.school("S\($0)") }
        return Make.findings(ShareRoundingRule(), schools: schools, inspectors: people,
                             roster: (0..<total).map { ("S\($0)", "I\($0)") })
    }

    /// 8 of 41 = 19.51% rounds to 20%: warned (R4 fails too). 7 of 36 = 19.44% rounds to 19%: R4 alone.
    /// 1 of 5 = 20% exactly holds: nothing to warn.
    @Test func roundsUpToTheMinimum() {
        #expect(findings(fullTime: 8, total: 41).map(\.detail) == [.shareMetOnlyByRounding(fullTime: 8, total: 41, minimum: 0.2)])
        #expect(findings(fullTime: 7, total: 36).isEmpty)
        #expect(findings(fullTime: 1, total: 5).isEmpty)
    }
}
