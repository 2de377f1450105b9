import DuxueCompare
import DuxueDomain
import DuxuePlanner
import DuxueReport
import Testing

/// Known answers on the hand-worked small district (see ``Fixture/small``).
@Suite("compare: known answers")
struct ComparisonTests {
    /// Only the threshold changes: large schools 1 → 3, required 3 → 5, appointees 3 (1/2) → 5 (1/4),
    /// one part-time recruit in A; schools, crossings and stage mismatches stay.
    @Test func thresholdChangesExactlyTheExpectedNumbers() throws {
        let district = Fixture.small
        let scenario = try ScenarioReader.parse(
            try Fixture.scenarioText("threshold-1500.toml"), file: "threshold-1500.toml", district: district,
            policy: Fixture.policy)
        #expect(scenario.name == "门槛 1500")
        #expect(scenario.settings == [PolicySetting(key: "large_school_enrollment", value: .integer(1500))])
        #expect(scenario.edits.isEmpty)

        let comparison = try Fixture.runner(jobs: 2).run(district: district, policy: Fixture.policy, scenarios: [scenario])
        #expect(comparison.columns.count == 2)
        let base = comparison.columns[0].figures, lower = comparison.columns[1].figures

        #expect(base.schools == 10)
        #expect(base.largeSchools == 1)
        #expect(base.requiredHeadcount == 3)
        #expect(base.appointees == 3)
        #expect(base.fullTime == 1)
        #expect(base.recruits == 0)
        #expect(base.crossings == 0)
        #expect(comparison.columns[0].recruitsByZone.isEmpty)

        #expect(lower.schools == 10)
        #expect(lower.largeSchools == 3)
        #expect(lower.requiredHeadcount == 5)
        #expect(lower.appointees == 5)
        #expect(lower.fullTime == 1)
        #expect(lower.appointees - lower.fullTime == 4)
        #expect(lower.recruitsFullTime == 0)
        #expect(lower.recruitsPartTime == 1)
        #expect(lower.fullTimeShare == 0.2)
        #expect(lower.crossings == 0)
        #expect(lower.stageMismatches == base.stageMismatches)
        #expect(comparison.columns[1].recruitsByZone == [ZoneRecruits(zone: Zone("A")!, fullTime: 0, partTime: 1)])
        #expect(comparison.columns[0].changedSchools == 0)
        #expect(comparison.columns.allSatisfy { $0.status == .optimal })

        // The same numbers in the table, and nothing else differs between the two columns.
        let report = CompareReport(comparison: comparison, language: .en, showsTiming: false)
        let differing = report.rows.filter { $0.cells[0] != $0.cells[1] }.map(\.metric.key)
        #expect(differing == [
            "large_school_enrollment", "large_schools", "required_headcount", "appointees", "full_time_share",
            "recruits", "recruits:A", "changed_schools",
        ])
        let cells = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.metric.key, $0.cells) })
        #expect(cells["appointees"] == ["3 (1 / 2)", "5 (1 / 4)"])
        #expect(cells["full_time_share"] == ["33.3%", "20.0%"])
        #expect(cells["recruits"] == ["0 (0 / 0)", "1 (0 / 1)"])
        #expect(cells["recruits:A"] == ["–", "0 / 1"])
    }

    /// 2 thresholds × 2 shares: four scenario columns after the baseline, first sweep varying slowest.
    /// Share 0.5 with one full-time inspector in the pool: 1500 → 5 appointees need 3 full-time, two
    /// full-time recruits; 2000 → one full-time recruit, and 4 appointees: the baseline gives its
    /// large school to the full-time I1, and keeping 9 of its 10 pairs (P2, before P4) keeps I1 there,
    /// so the recruit takes one of I3's schools and I1, I2, I3 and the recruit serve (2 of 4 full-time).
    /// (A baseline that gave the large school to a part-timer would let the recruit take it and serve
    /// with 3; both baselines are optimal, and the planner's relax-and-fix heuristic picks the first.)
    @Test func twoByTwoSweepGivesFiveColumns() throws {
        let sweeps = [try Sweep.parse("large_school_enrollment=1500,2000"), try Sweep.parse("min_full_time_share=0.2,0.5")]
        let scenarios = Sweep.expand([], sweeps: sweeps)
        #expect(scenarios.map(\.name) == [
            "large_school_enrollment=1500, min_full_time_share=0.2",
            "large_school_enrollment=1500, min_full_time_share=0.5",
            "large_school_enrollment=2000, min_full_time_share=0.2",
            "large_school_enrollment=2000, min_full_time_share=0.5",
        ])
        let comparison = try Fixture.runner(jobs: 2).run(district: Fixture.small, policy: Fixture.policy, scenarios: scenarios)
        #expect(comparison.columns.count == 5)
        #expect(comparison.columns.map(\.policy.largeSchoolEnrollment) == [2000, 1500, 1500, 2000, 2000])
        #expect(comparison.columns.map(\.policy.minFullTimeShare) == [0.2, 0.2, 0.5, 0.2, 0.5])
        #expect(comparison.columns.map(\.figures.recruitsFullTime) == [0, 0, 2, 0, 1])
        #expect(comparison.columns.map(\.figures.recruitsPartTime) == [0, 1, 0, 0, 0])
        #expect(comparison.columns.map(\.figures.appointees) == [3, 5, 5, 3, 4])
        #expect(comparison.columns[4].plan.figures.keptSchools == nil)
        #expect(comparison.columns[4].changedSchools == 1)
        #expect(comparison.columns.map(\.figures.fullTime) == [1, 1, 3, 1, 2])
        // Column 3 is the baseline again: the same roster.
        #expect(comparison.columns[3].plan.roster == comparison.columns[0].plan.roster)
        #expect(comparison.columns[3].changedSchools == 0)
    }

    /// Scenario files and sweeps combine: each file with each sweep point, the point's value winning.
    @Test func sweepAppliesToEachScenarioFile() throws {
        let file = Scenario(name: "f", settings: [
            PolicySetting(key: "large_school_enrollment", value: .integer(1500)), PolicySetting(key: "zones", value: .text("require")),
        ])
        let expanded = Sweep.expand([file], sweeps: [try Sweep.parse("large_school_enrollment=1000,3000")])
        #expect(expanded.map(\.name) == ["f, large_school_enrollment=1000", "f, large_school_enrollment=3000"])
        #expect(expanded.map { $0.policy(from: Fixture.policy).largeSchoolEnrollment } == [1000, 3000])
        #expect(expanded.allSatisfy { $0.policy(from: Fixture.policy).zones == .require })
    }

    /// Data edits: S10 closed, S9 grown to 2100 (large), N1 opened in a new zone B, I4 unavailable,
    /// J1 (full-time, zone B) added; zones required.
    @Test func dataEditsApply() throws {
        let district = Fixture.small
        let scenario = try ScenarioReader.parse(
            try Fixture.scenarioText("edits.toml"), file: "edits.toml", district: district, policy: Fixture.policy)
        #expect(scenario.settings == [PolicySetting(key: "zones", value: .text("require"))])
        let edited = scenario.district(from: district)
        #expect(edited.schools.map(\.id.rawValue) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "N1"])
        #expect(edited.schools.first { $0.id.rawValue == "S9" }?.enrollment == 2100)
        #expect(edited.schools.last?.stage == .primary)
        #expect(edited.inspectors.map(\.id.rawValue) == ["I1", "I2", "I3", "J1"])
        #expect(edited.inspectors.last?.employment == .fullTime)
        #expect(edited.inspectors.last?.conflicts == [School.ID("S1")!])

        let comparison = try Fixture.runner(jobs: 1).run(district: district, policy: Fixture.policy, scenarios: [scenario])
        let figures = comparison.columns[1].figures
        // Zone A: S1, S9 large + 7 standard → 2 + 2 = 4; zone B: N1 → 1; I1–I3 cover A but for one
        // recruit, J1 takes N1.
        #expect(figures.schools == 10)
        #expect(figures.largeSchools == 2)
        #expect(figures.requiredHeadcount == 5)
        #expect(figures.appointees == 5)
        #expect(figures.recruits == 1)
        #expect(figures.crossings == 0)
    }
}
