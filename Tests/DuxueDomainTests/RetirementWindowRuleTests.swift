import DuxueDomain
import Testing

@Suite("R11 retirement window") struct RetirementWindowRuleTests {
    /// Term 2027-09-01 to 2030-09-01, 3 years allowed. Retired 2027-09-01: window ends 2030-09-01, the
    /// term's end (no finding). Retired 2027-08-31: ends 2030-08-31, a day early (warning). Retired
    /// 2024-08-31: already out at term start, which is R5's error, not this warning.
    @Test func windowEndingBeforeTheTermEnds() {
        let people = [
            Make.inspector("FULL", status: .retired(on: Day(iso: "2027-09-01")!)),
            Make.inspector("SHORT", status: .retired(on: Day(iso: "2027-08-31")!)),
            Make.inspector("OUT", status: .retired(on: Day(iso: "2024-08-31")!)),
            Make.inspector("WORKING"),
        ]
        let schools = (1...4).map { Make.school("S\($0)") }
        let findings = Make.findings(RetirementWindowRule(), schools: schools, inspectors: people,
                                     roster: [("S1", "FULL"), ("S2", "SHORT"), ("S3", "OUT"), ("S4", "WORKING")])
        #expect(findings.map(\.detail) == [
            .retirementWindowEnds(Inspector.ID("SHORT")!, endsOn: Day(iso: "2030-08-31")!, termEnds: Day(iso: "2030-08-31")!),
        ])
    }

    @Test func unappointedInspectorsAreNotWarned() {
        let findings = Make.findings(RetirementWindowRule(), schools: [Make.school("S1")],
                                     inspectors: [Make.inspector("SHORT", status: .retired(on: Day(iso: "2027-08-31")!))],
                                     roster: [])
        #expect(findings.isEmpty)
    }
}
