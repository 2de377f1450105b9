import DuxueDomain
import Testing

@Suite("R15 vacancies") struct VacancyRuleTests {
    /// Each vacancy once, with all its schools, sorted by id; a roster without vacancies has none.
    @Test func oneFindingPerVacancy() {
        let schools = (1...3).map { Make.school("S\($0)") }
        let findings = Make.findings(VacancyRule(), schools: schools, inspectors: [Make.inspector("P")],
                                     roster: [("S1", "VACANCY-2/A/full_time"), ("S2", "P"), ("S3", "VACANCY-2/A/full_time")])
        #expect(findings.map(\.detail) == [
            .vacancyToFill(id: "VACANCY-2", zone: Zone("A")!, employment: .fullTime, schools: [School.ID("S1")!, School.ID("S3")!]),
        ])
        #expect(findings.first?.severity == .warning)
        #expect(Make.findings(VacancyRule(), schools: schools, inspectors: [Make.inspector("P")], roster: [("S1", "P")]).isEmpty)
    }
}
