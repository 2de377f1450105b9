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
    /// Planner options for every scenario (always `deterministic`, so that a scenario's result does not
    /// depend on how many others run beside it).
    public var options: PlannerOptions
    /// Called after each plan with the number finished and the total (from the solving threads).
    public var progress: (@Sendable (_ finished: Int, _ total: Int) -> Void)?

    /// A runner.
    public init(jobs: Int, options: PlannerOptions = PlannerOptions(), makeSolver: @escaping @Sendable () -> any MIPSolver) {
        self.jobs = max(1, jobs)
        self.options = options
        self.options.deterministic = true
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
        let finished = Counter()
        let first = try Planner(solver: makeSolver()).plan(district: inputs[0].district, policy: inputs[0].policy, options: options)
        progress?(finished.increment(), all.count)
        let baseline = first.roster
        let results = ParallelMap.run(count: scenarios.count, jobs: jobs) { offset in
            let index = offset + 1
            let result = Result { () throws -> Plan in
                var plan = try Planner(solver: makeSolver()).plan(
                    district: inputs[index].district, policy: inputs[index].policy, previous: baseline,
                    pairs: all[index].pairs, options: options)
                // The baseline is not the scenario's own previous roster: no pairs "kept" are reported.
                plan.figures.keptSchools = nil
                return plan
            }
            progress?(finished.increment(), all.count)
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

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new value.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Runs a body for 0..<count on `jobs` threads of their own, each taking the next index; results come
/// back in index order.
enum ParallelMap {
    /// Threads get a generous stack, since GLPK's branch-and-cut recurses.
    static let stackSize = 16 << 20

    static func run<T>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let state = SharedState<T>(count: count)
        let workers = min(max(1, jobs), count)
        guard workers > 1 else { return (0..<count).map(body) }
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while let index = state.nextIndex() {
                    state.store(body(index), at: index)
                }
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
        return state.results()
    }

    /// The next index and the results, behind a lock.
    private final class SharedState<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int
        private var slots: [T?]

        init(count: Int) {
            self.count = count
            slots = Array(repeating: nil, count: count)
        }

        func nextIndex() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: T, at index: Int) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func results() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
