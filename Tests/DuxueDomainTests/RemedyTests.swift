import DuxueDomain
import Testing

@Suite("Remedies") struct RemedyTests {
    /// Zone A: OVER holds 7 (cap 5); FEW holds 1, EMPTY none, BUSY 5 (full), REC must recuse from S6,
    /// FAR is in zone B. Lean staffing: the two excess schools (S6, S7) go to FEW, already appointed
    /// with room (3 + 1 + 1 ≤ 5), not to the idle EMPTY, who would be one more appointee — and never to
    /// BUSY (full), REC (recusal) or FAR (other zone, zones required). Spread staffing prefers EMPTY.
    @Test func movesGoToRoomySameZoneInspectors() {
        let schools = (1...13).map { Make.school("S\($0)") }
        let people = [
            Make.inspector("OVER"), Make.inspector("FEW"), Make.inspector("EMPTY"), Make.inspector("BUSY"),
            Make.inspector("REC", conflicts: ["S6", "S7"]), Make.inspector("FAR", zone: "B"),
        ]
        let roster = (1...7).map { ("S\($0)", "OVER") } + [("S8", "FEW")] + (9...13).map { ("S\($0)", "BUSY") }
        let context = RuleContext(district: District(name: "t", schools: schools, inspectors: people), policy: Make.policy,
                                  roster: Make.roster(roster))
        let findings = RatioRule().check(context)
        #expect(findings.count == 1)
        let remedies = Remedies.suggest(for: findings, in: context)
        #expect(remedies == [.move([
            Move(school: School.ID("S6")!, to: Inspector.ID("FEW")!, sameZone: true, limit: 5),
            Move(school: School.ID("S7")!, to: Inspector.ID("FEW")!, sameZone: true, limit: 5),
        ])])
        var spread = Make.policy
        spread.staffing = .spread
        let spreadContext = RuleContext(district: District(name: "t", schools: schools, inspectors: people), policy: spread,
                                        roster: Make.roster(roster))
        #expect(Remedies.suggest(for: findings, in: spreadContext) == [.move([
            Move(school: School.ID("S6")!, to: Inspector.ID("EMPTY")!, sameZone: true, limit: 5),
            Move(school: School.ID("S7")!, to: Inspector.ID("EMPTY")!, sameZone: true, limit: 5),
        ])])
    }

    /// Nobody with room: the move names no one (the report then points to recruiting).
    @Test func noCandidate() {
        let context = RuleContext(
            district: District(name: "t", schools: [Make.school("S1")], inspectors: []), policy: Make.policy,
            roster: Roster(assignments: []))
        let remedies = Remedies.suggest(for: CoverageRule().check(context), in: context)
        #expect(remedies == [.move([Move(school: School.ID("S1")!, to: nil, sameZone: false, limit: 5)])])
    }

    @Test func subjects() {
        let detail = FindingDetail.largeNotDedicated(School.ID("S1")!, .inspector(Inspector.ID("I1")!), otherSchools: 2)
        #expect(detail.schools == [School.ID("S1")!])
        #expect(detail.inspectors == ["I1"])
    }
}
