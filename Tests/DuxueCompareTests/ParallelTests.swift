import DuxueCompare
import DuxueDomain
import DuxueReport
import Testing

/// Scenarios solved on several threads at once give exactly the serial results.
@Suite("compare: parallel solves")
struct ParallelTests {
    /// Six scenarios (thresholds × zone modes) on 4 threads and on 1: the same rosters, figures and
    /// table, column by column — each thread's GLPK environment is its own.
    @Test func fourThreadsMatchSerial() throws {
        let district = Fixture.medium()
        let scenarios = Sweep.expand([], sweeps: [
            try Sweep.parse("large_school_enrollment=1000,2000,2500"), try Sweep.parse("zones=prefer,require"),
        ])
        #expect(scenarios.count == 6)
        let serial = try Fixture.runner(jobs: 1).run(district: district, policy: Fixture.policy, scenarios: scenarios)
        let parallel = try Fixture.runner(jobs: 4).run(district: district, policy: Fixture.policy, scenarios: scenarios)
        #expect(parallel.jobs == 4)
        #expect(serial.columns.count == 7)
        for (a, b) in zip(serial.columns, parallel.columns) {
            #expect(a.scenario == b.scenario)
            #expect(a.plan.roster == b.plan.roster)
            #expect(a.figures == b.figures)
            #expect(a.changedSchools == b.changedSchools)
        }
        let table = { (c: Comparison) in CompareTable.render(CompareReport(comparison: c, language: .zh, showsTiming: false)) }
        #expect(table(serial) == table(parallel).replacingOccurrences(of: "4 个线程", with: "1 个线程"))
        // The sweep really changed something: zone crossings vanish when zones are required.
        #expect(parallel.columns.filter { $0.policy.zones == .require }.allSatisfy { $0.figures.crossings == 0 })
    }
}
