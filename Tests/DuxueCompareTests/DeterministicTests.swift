import DuxueCompare
import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import Testing

/// The warm phase's share in nodes (a work limit, not a wall-clock cut-off).
@Suite("compare: warm phase counted in nodes")
struct DeterministicTests {
    /// A node cap of 0 stops every warm phase at its first node selection. Without the cold search the
    /// capped levels end like a spent time slice (not proven optimal), and planning goes on through
    /// every level instead of taking the cap for a stop request.
    @Test func nodeCapEndsTheWarmSliceNotThePlan() throws {
        var policy = Fixture.policy
        policy.largeSchoolEnrollment = 1000
        var options = PlannerOptions()
        options.warmStartNodes = 0
        options.coldStart = false
        // The heuristic would prove most levels before any warm phase: this test is about the cap.
        options.primalHeuristic = false
        let plan = try Planner(solver: GLPKSolver()).plan(district: Fixture.medium(), policy: policy, options: options)
        #expect(plan.levels.allSatisfy { $0.status != .interruptedWithSolution && $0.status != .interruptedNoSolution })
        #expect(plan.levels.contains { $0.status == .timeLimitWithSolution && $0.termination == .workLimit })
    }

    /// With the cold search the capped levels are still solved to optimality, to the same values as
    /// the default warm share.
    @Test func cappedWarmPhaseReachesTheSameOptimum() throws {
        var policy = Fixture.policy
        policy.largeSchoolEnrollment = 1000
        var options = PlannerOptions()
        options.warmStartNodes = 0
        let capped = try Planner(solver: GLPKSolver()).plan(district: Fixture.medium(), policy: policy, options: options)
        let timed = try Planner(solver: GLPKSolver()).plan(district: Fixture.medium(), policy: policy)
        #expect(capped.isProvenOptimal)
        #expect(capped.levels.map(\.value) == timed.levels.map(\.value))
    }
}
