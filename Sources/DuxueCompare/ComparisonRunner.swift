import DuxueConcurrency
import DuxueDomain
import DuxueMIP
import DuxuePlanner
import Foundation

/// Plans the baseline and every scenario, on up to `jobs` threads at once, and lines the results up
/// in input order (baseline first). Each scenario gets its own solver, made by `makeSolver` on the
/// thread that solves it (GLPK keeps its environment per thread), so the result never depends on
/// which thread ran which scenario.
public struct ComparisonRunner: Sendable {
    /// Makes a fresh solver; called once per scenario on the scenario's thread.
    public var makeSolver: @Sendable () -> any MIPSolver
    /// Threads to use (at least 1).
    public var jobs: Int
    /// Planner options for every scenario (each level's runs take turns, one thread per scenario; the
    /// roster does not depend on how many others run beside it either way).
    public var options: PlannerOptions
    /// Called after each plan with the number finished and the total (from the solving threads).
    public var progress: (@Sendable (_ finished: Int, _ total: Int) -> Void)?

    /// A runner.
    public init(jobs: Int, options: PlannerOptions = PlannerOptions(), makeSolver: @escaping @Sendable () -> any MIPSolver) {
        self.jobs = max(1, jobs)
        self.options = options
        self.options.concurrentSearch = false
        self.makeSolver = makeSolver
    }

    /// Runs the comparison; throws the first solver error in input order.
    ///
    /// The baseline is planned first; every scenario is then planned relative to it, keeping the
    /// baseline's pairs as the priority right after P1 (as a renewal keeps the roster in force), so
    /// "schools changed" measures what the scenario changes and a rule change that does not bind
    /// changes nothing.
    public func run(district: District, policy: Policy, scenarios: [Scenario]) throws -> Comparison {
        let start = DispatchTime.now().uptimeNanoseconds
        let all = [Scenario.baseline()] + scenarios
        let inputs = all.map { (district: $0.district(from: district), policy: $0.policy(from: policy)) }
        let makeSolver = self.makeSolver, options = self.options, progress = self.progress
        let finished = Locked(0)
        let first = try Planner(solver: makeSolver()).plan(district: inputs[0].district, policy: inputs[0].policy, options: options)
        progress?(finished.withLock { $0 += 1; return $0 }, all.count)
        let baseline = first.roster
        let results = SolverThreads.map(count: scenarios.count, jobs: jobs) { offset in
            let index = offset + 1
            let result = Result { () throws -> Plan in
                var plan = try Planner(solver: makeSolver()).plan(
                    district: inputs[index].district, policy: inputs[index].policy, previous: baseline,
                    pairs: all[index].pairs, options: options)
                // The baseline is not the scenario's own previous roster: no pairs "kept" are reported.
                plan.figures.keptSchools = nil
                return plan
            }
            progress?(finished.withLock { $0 += 1; return $0 }, all.count)
            return result
        }
        var plans: [Plan] = [first]
        for result in results { plans.append(try result.get()) }
        let columns = zip(all, plans).map { scenario, plan in
            ScenarioOutcome(scenario: scenario, policy: plan.policy, plan: plan,
                            changedSchools: plan.roster.changedSchools(from: baseline))
        }
        return Comparison(
            district: district.name, columns: columns,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, jobs: min(jobs, all.count))
    }

    /// The number of cores the system lets this process use.
    public static var activeCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
