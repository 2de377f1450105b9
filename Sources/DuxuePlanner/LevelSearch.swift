import DuxueMIP
import Foundation

/// How the planner searches one lexicographic level: a small portfolio of branch-and-bound runs.
///
/// 1. **Warm:** the incumbent offered to the solver (for GLPK this means no MIP presolve), which
///    settles a level at the root whenever the incumbent is already optimal, searching by
///    ``SearchStrategy/dive``: without presolve, depth first finds better rosters soonest.
/// 2. **Cold rounds**, while nothing has proven the level optimal: no incumbent, so the solver's
///    presolve runs; ``SearchStrategy/lastColumnsFirst`` for a slice, then
///    ``SearchStrategy/pseudocost`` for `alternateShare` of it, each round doubling the slice. Neither
///    strategy is best on every district (benchmarks/README.md, "Search portfolio"): diving on the
///    decision columns proves most levels fastest, but on some zone-bound districts it never closes
///    a level that pseudocost branching closes in seconds.
///
/// The best roster of all runs is kept with the tightest bound of all runs; the level is optimal as
/// soon as the best value meets the bound (the level objectives count schools and people, so they are
/// integral). Slices are seconds, or nodes when ``PlannerOptions/deterministic``; `timeLimit` always
/// bounds the whole search.
struct LevelSearch {
    /// The solver.
    let solver: any MIPSolver
    /// The level's model, objective set.
    let model: Model
    /// Objective sense of the level.
    let sense: ObjectiveSense
    /// The planner's options.
    let options: PlannerOptions
    /// Progress reports and stop requests, already bound to the level.
    let base: SolveOptions

    /// The portfolio's cold slices: strategy and budget (seconds, or nodes when deterministic) of run
    /// `round` (0, 1, …) of each strategy.
    func slice(round: Int, strategy: SearchStrategy) -> Double {
        let first = options.deterministic ? Double(options.sliceNodes) : options.sliceSeconds
        let share = strategy == .pseudocost ? options.alternateShare : 1
        return first * share * pow(2, Double(round))
    }

    /// Runs the portfolio from `incumbent` within `timeLimit` seconds: side by side on two threads
    /// (``race(incumbent:timeLimit:)``) when ``PlannerOptions/concurrentSearch`` and not
    /// ``PlannerOptions/deterministic``, else in turn.
    func run(incumbent: [Double], timeLimit: Double?) throws -> Solution {
        if options.concurrentSearch && !options.deterministic && options.coldStart {
            return try race(incumbent: incumbent, timeLimit: timeLimit)
        }
        return try runInTurn(incumbent: incumbent, timeLimit: timeLimit)
    }

    /// The portfolio in turn, on this thread: warm run, then cold rounds with doubling slices.
    func runInTurn(incumbent: [Double], timeLimit: Double?) throws -> Solution {
        let start = DispatchTime.now().uptimeNanoseconds
        func remaining() -> Double? {
            timeLimit.map { $0 - Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        }
        var warm = base
        warm.incumbent = incumbent
        warm.strategy = .dive
        var (best, lastRun) = try attempt(
            warm, budget: options.deterministic ? Double(options.warmStartNodes) : options.warmStartSeconds,
            timeLimit: remaining())
        var round = 0
        while !lastRun, !proven(best), best.status.isBudgetStop, options.coldStart {
            for strategy in [SearchStrategy.lastColumnsFirst, .pseudocost] {
                let left = remaining() ?? .infinity
                guard left > 0.05 else { return finished(best) }
                var cold = base
                cold.strategy = strategy
                let (run, limitReached) = try attempt(
                    cold, budget: slice(round: round, strategy: strategy), timeLimit: left.isFinite ? left : nil)
                best = merge(best, run)
                if proven(best) || limitReached || !run.status.isBudgetStop { return finished(best) }
            }
            round += 1
        }
        return finished(best)
    }

    /// One branch-and-bound run stopped by its budget or by `timeLimit`, whichever comes first. A run
    /// stopped by its budget or the limit reports `.timeLimit…`, one stopped on request
    /// `.interrupted…`; `lastRun` is true when the limit, not the budget, ended it.
    private func attempt(_ runOptions: SolveOptions, budget: Double, timeLimit: Double?) throws -> (Solution, lastRun: Bool) {
        var runOptions = runOptions
        var result: Solution
        var endedByBudget: Bool
        if options.deterministic {
            let inner = runOptions.progress, cap = Int(budget)
            runOptions.progress = { snapshot in snapshot.nodes < cap && (inner?(snapshot) ?? true) }
            runOptions.timeLimit = timeLimit
            result = try solver.solve(model, options: runOptions)
            endedByBudget = result.status == .interruptedWithSolution || result.status == .interruptedNoSolution
            endedByBudget = endedByBudget && !(options.stopRequested?() ?? false)
            if endedByBudget {
                // Stopped by the node cap, not by request: the slice has ended, as its time would have.
                result.status = result.status == .interruptedWithSolution ? .timeLimitWithSolution : .timeLimitNoSolution
            }
        } else {
            runOptions.timeLimit = min(timeLimit ?? .infinity, budget)
            result = try solver.solve(model, options: runOptions)
            endedByBudget = result.status.isBudgetStop && budget < (timeLimit ?? .infinity)
        }
        return (result, result.status.isBudgetStop && !endedByBudget)
    }

    /// The better roster of two runs, with the tighter bound and the work of both.
    func merge(_ a: Solution, _ b: Solution) -> Solution {
        let better: (Double, Double) -> Bool = sense == .minimize ? { $0 < $1 } : { $0 > $1 }
        var best = b.status.hasSolution && (!a.status.hasSolution || better(b.objective, a.objective)) ? b : a
        if best.status != .optimal {
            let bounds = [a.bound, b.bound].filter(\.isFinite)
            if let tightest = sense == .minimize ? bounds.max() : bounds.min() { best.bound = tightest }
            if b.status == .interruptedWithSolution || b.status == .interruptedNoSolution {
                best.status = best.status.hasSolution ? .interruptedWithSolution : .interruptedNoSolution
            }
        }
        best.seconds = a.seconds + b.seconds
        best.nodes = a.nodes + b.nodes
        return best
    }

    /// Whether the best value meets the bound (integral objectives).
    func proven(_ solution: Solution) -> Bool {
        guard solution.status != .optimal else { return true }
        guard solution.status.hasSolution, solution.bound.isFinite else { return false }
        return Self.meets(solution.objective, bound: solution.bound, sense: sense)
    }

    /// Whether an integral objective `value` is proven optimal by `bound`: value ≤ ⌈bound⌉ when
    /// minimising, value ≥ ⌊bound⌋ when maximising (with a tolerance for the LP's round-off).
    static func meets(_ value: Double, bound: Double, sense: ObjectiveSense) -> Bool {
        let tolerance = 1e-6
        return sense == .minimize
            ? value <= (bound - tolerance).rounded(.up) + tolerance
            : value >= (bound + tolerance).rounded(.down) - tolerance
    }

    /// The result, marked optimal when the runs together proved it.
    func finished(_ solution: Solution) -> Solution {
        var solution = solution
        if solution.status != .optimal, proven(solution) {
            solution.status = .optimal
            solution.bound = solution.objective
        }
        return solution
    }
}

extension SolveStatus {
    /// Whether a run ended because its time or work ran out, so another run may still improve on it.
    var isBudgetStop: Bool { self == .timeLimitWithSolution || self == .timeLimitNoSolution }
}

extension Planner {
    /// Solves one level with the ``LevelSearch`` portfolio.
    func solveLevel(
        _ model: Model, priority: Priority, sense: ObjectiveSense, incumbent: [Double], timeLimit: Double?,
        options: PlannerOptions, clock: Stopwatch
    ) throws -> Solution {
        var base = SolveOptions(verbose: options.verbose)
        let progress = options.progress, stop = options.stopRequested
        if progress != nil || stop != nil {
            base.progress = { snapshot in
                progress?(PlanProgress(level: priority, solver: snapshot, elapsed: clock.seconds))
                return !(stop?() ?? false)
            }
        }
        return try LevelSearch(solver: solver, model: model, sense: sense, options: options, base: base)
            .run(incumbent: incumbent, timeLimit: timeLimit)
    }
}
