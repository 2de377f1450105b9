import DuxueDomain
import Testing

@Suite("R17 level of appointment") struct LevelRuleTests {
    /// Under Chongqing (挂牌督学原则上由区县督学担任) a 市级督学 holding a school is a warning; with no
    /// level wanted, nothing.
    @Test func cityInspectorUnderChongqing() throws {
        var city = Make.inspector("C")
        city.level = .city
        var county = Make.inspector("K")
        county.level = .county
        let chongqing = Presets.policy(try #require(Presets.named("chongqing")), termStart: Day(iso: "2027-09-01")!)
        let schools = [Make.school("S1"), Make.school("S2")]
        let findings = Make.findings(LevelRule(), schools: schools, inspectors: [city, county],
                                     roster: [("S1", "C"), ("S2", "K")], policy: chongqing)
        #expect(findings.map(\.detail) == [.wrongLevel(Inspector.ID("C")!, level: .city, wanted: .county)])
        #expect(findings.first?.severity == .warning)
        let national = Presets.policy(Presets.national, termStart: Day(iso: "2027-09-01")!)
        #expect(Make.findings(LevelRule(), schools: schools, inspectors: [city, county],
                              roster: [("S1", "C"), ("S2", "K")], policy: national).isEmpty)
    }
}
