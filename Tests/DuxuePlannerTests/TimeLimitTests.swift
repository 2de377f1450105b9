import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import DuxueSynth
import Testing

/// A time limit too short for any search still yields a compliant roster, from the greedy start.
@Suite("Planner under a time limit")
struct TimeLimitTests {
    @Test func tinyLimitStillGivesACompliantRoster() throws {
        let configuration = DistrictGenerator.Configuration(
            schools: 400, pool: .shortOfFullTime, seed: 3, termStart: Day(iso: "2027-09-01")!)
        let generated = try DistrictGenerator(configuration).generate()
        var options = PlannerOptions(timeLimit: 0.01)
        // The repair and relax and fix would prove every level at the root, before the clock is looked at.
        options.primalHeuristic = false
        options.rosterRepair = false
        let plan = try Planner(solver: GLPKSolver()).plan(district: generated.district, policy: generated.policy, options: options)
        #expect(plan.errors.isEmpty)
        // The clock cut the search: the roster may differ on another run, and the plan says so.
        #expect(!plan.reproducible)
        #expect(plan.roster.assignments.count == 400)
        // The all-recruits fallback would need every position; the greedy start uses the pool.
        #expect(plan.figures.recruits * 4 < plan.figures.requiredHeadcount)
        // Once the limit is spent no later level searches (not even its LP): each keeps the roster it has.
        #expect(plan.levels.count > 1)
        #expect(plan.levels.dropFirst().allSatisfy { $0.nodes == 0 && $0.seconds == 0 }, "\(plan.levels)")
        #expect(plan.levels.dropFirst().contains { $0.termination == .timeLimit })
    }

    /// A work budget of one node per level ends every level that the root does not settle with the
    /// work limit, not a time limit; the roster is still complete and compliant, and the one-word status
    /// of the JSON schema stays `time_limit_with_solution` for those levels.
    @Test func aWorkBudgetEndsEveryLevel() throws {
        let configuration = DistrictGenerator.Configuration(
            schools: 400, pool: .shortOfFullTime, seed: 3, termStart: Day(iso: "2027-09-01")!)
        let generated = try DistrictGenerator(configuration).generate()
        var options = PlannerOptions()
        // The heuristic would prove these levels at the root, before any budget is spent.
        options.primalHeuristic = false
        options.levelNodeBudget = Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, 1) })
        // The budget is looked at on the race's barriers: here one at every unit of work.
        options.barrierWork = 1
        let plan = try Planner(solver: GLPKSolver()).plan(district: generated.district, policy: generated.policy, options: options)
        #expect(plan.errors.isEmpty)
        #expect(plan.roster.assignments.count == 400)
        #expect(plan.levels.contains { $0.termination == .workLimit })
        #expect(plan.termination == .workLimit)
        // A work budget is a count, not a clock: the roster is reproducible.
        #expect(plan.reproducible)
        for level in plan.levels {
            #expect([.optimal, .workLimit].contains(level.termination), "\(level.priority): \(level.termination)")
            #expect(level.status == (level.termination == .optimal ? .optimal : .timeLimitWithSolution))
            #expect(level.solution == (level.termination == .optimal ? .optimal : .feasible))
        }
    }

    /// The work budget is set for a 3,000-row model; a smaller model, whose nodes are cheaper, gets
    /// proportionally more nodes, at most ten times; a larger one no fewer.
    @Test func aSmallerModelGetsMoreNodes() {
        var options = PlannerOptions()
        options.levelNodeBudget = [.recruitLoad: 5_000]
        #expect(options.nodeBudget(for: .recruitLoad, rows: 3_000) == 5_000)
        #expect(options.nodeBudget(for: .recruitLoad, rows: 1_000) == 15_000)
        #expect(options.nodeBudget(for: .recruitLoad, rows: 100) == 50_000)
        #expect(options.nodeBudget(for: .recruitLoad, rows: 6_000) == 5_000)
        #expect(options.nodeBudget(for: .recruits, rows: 1_000) == nil)
    }
}
