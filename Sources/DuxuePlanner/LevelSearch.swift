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
    /// Branch-and-bound nodes the level may search in all runs together (``PlannerOptions/levelNodeBudget``).
    var nodeBudget: Int? = nil

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
    func run(incumbent: [Double], timeLimit: Double?) -> Solution {
        if options.concurrentSearch && !options.deterministic && options.coldStart {
            return race(incumbent: incumbent, timeLimit: timeLimit)
        }
        return runInTurn(incumbent: incumbent, timeLimit: timeLimit)
    }

    /// The level's result when a solver run fails and no run has a better roster: the incumbent (the
    /// previous level's roster, feasible for this level), its value, no bound, and what the solver said.
    func faulted(_ error: any Error, incumbent: [Double]) -> Solution {
        var solution = Solution(
            termination: .fault, primal: .feasible, values: incumbent, objective: model.objective.value(in: incumbent),
            bound: sense == .minimize ? -.infinity : .infinity, nodes: 0, seconds: 0)
        solution.fault = "\(error)"
        return solution
    }

    /// A run's fault kept beside the best roster so far: the level goes on with `best`, says it faulted.
    func keeping(_ best: Solution, after error: any Error) -> Solution {
        var best = best
        best.fault = best.fault ?? "\(error)"
        if best.primal != .optimal { best.termination = .fault }
        return best
    }

    /// The portfolio in turn, on this thread: warm run, then cold rounds with doubling slices, until the
    /// level is proven, the time limit or the level's work budget (``nodeBudget``) runs out, or the user
    /// asks to stop. The level's termination says which.
    func runInTurn(incumbent: [Double], timeLimit: Double?) -> Solution {
        let start = DispatchTime.now().uptimeNanoseconds
        func remaining() -> Double? {
            timeLimit.map { $0 - Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        }
        var spent = 0
        var warm = counted(base, after: spent)
        warm.incumbent = incumbent
        warm.strategy = .dive
        var best: Solution, lastRun: Bool
        do {
            (best, lastRun) = try attempt(
                warm, budget: options.deterministic ? Double(options.warmStartNodes) : options.warmStartSeconds,
                timeLimit: remaining())
        } catch {
            return faulted(error, incumbent: incumbent)
        }
        spent += best.nodes
        var round = 0
        while !lastRun, !proven(best), best.termination.isBudgetStop, options.coldStart {
            for strategy in [SearchStrategy.lastColumnsFirst, .pseudocost] {
                if let nodeBudget, spent >= nodeBudget { return ended(best, by: .workLimit) }
                let left = remaining() ?? .infinity
                guard left > 0.05 else { return ended(best, by: .timeLimit) }
                var cold = counted(base, after: spent)
                cold.strategy = strategy
                let run: Solution, limitReached: Bool
                do {
                    (run, limitReached) = try attempt(
                        cold, budget: slice(round: round, strategy: strategy), timeLimit: left.isFinite ? left : nil)
                } catch {
                    return keeping(finished(best), after: error)
                }
                spent += run.nodes
                best = merge(best, run)
                if proven(best) || !run.termination.isBudgetStop { return finished(best) }
                // The level's budget first: a run it stopped also reads as "not ended by its slice".
                if let nodeBudget, spent >= nodeBudget { return ended(best, by: .workLimit) }
                if limitReached { return ended(best, by: .timeLimit) }
            }
            round += 1
        }
        if let nodeBudget, spent >= nodeBudget, !proven(best) { return ended(best, by: .workLimit) }
        return finished(best)
    }

    /// Run options whose progress counts the level's nodes so far (`spent` by earlier runs of the level,
    /// so reports and the work budget see the level's total) and stop the run when the level's
    /// ``nodeBudget`` is spent.
    func counted(_ runOptions: SolveOptions, after spent: Int) -> SolveOptions {
        guard nodeBudget != nil || runOptions.progress != nil else { return runOptions }
        var runOptions = runOptions
        let inner = runOptions.progress, budget = nodeBudget
        runOptions.progress = { snapshot in
            var total = snapshot
            total.nodes += spent
            if let stop = inner?(total) { return stop }
            return budget.map { total.nodes >= $0 } == true ? .workLimit : nil
        }
        return runOptions
    }

    /// The level's result when the search of the level ends for `reason` (its time limit or work budget)
    /// without a proof.
    func ended(_ solution: Solution, by reason: Termination) -> Solution {
        var solution = finished(solution)
        if solution.primal != .optimal { solution.termination = reason }
        return solution
    }

    /// One branch-and-bound run stopped by its budget (a slice of seconds, or of nodes when
    /// deterministic) or by `timeLimit`, whichever comes first; `lastRun` is true when the limit, not the
    /// budget, ended it.
    private func attempt(_ runOptions: SolveOptions, budget: Double, timeLimit: Double?) throws -> (Solution, lastRun: Bool) {
        var runOptions = runOptions
        let result: Solution
        let endedByBudget: Bool
        if options.deterministic {
            let inner = runOptions.progress, cap = Int(budget)
            runOptions.progress = { snapshot in inner?(snapshot) ?? (snapshot.nodes < cap ? nil : .workLimit) }
            runOptions.timeLimit = timeLimit
            result = try solver.solve(model, options: runOptions)
            endedByBudget = result.termination == .workLimit
        } else {
            runOptions.timeLimit = min(timeLimit ?? .infinity, budget)
            result = try solver.solve(model, options: runOptions)
            endedByBudget = result.termination == .timeLimit && budget < (timeLimit ?? .infinity)
        }
        return (result, result.termination.isBudgetStop && !endedByBudget)
    }

    /// The better roster of two runs, with the tighter bound, the work of both, and the weightier reason
    /// to have stopped (``Termination/levelPrecedence``).
    func merge(_ a: Solution, _ b: Solution) -> Solution {
        let better: (Double, Double) -> Bool = sense == .minimize ? { $0 < $1 } : { $0 > $1 }
        var best = b.hasSolution && (!a.hasSolution || better(b.objective, a.objective)) ? b : a
        if best.primal != .optimal {
            let bounds = [a.bound, b.bound].filter(\.isFinite)
            if let tightest = sense == .minimize ? bounds.max() : bounds.min() { best.bound = tightest }
        }
        best.termination = a.termination.levelPrecedence >= b.termination.levelPrecedence ? a.termination : b.termination
        best.fault = a.fault ?? b.fault
        best.seconds = a.seconds + b.seconds
        best.nodes = a.nodes + b.nodes
        return best
    }

    /// Whether the best value meets the bound (integral objectives).
    func proven(_ solution: Solution) -> Bool {
        guard solution.primal != .optimal else { return true }
        guard solution.hasSolution, solution.bound.isFinite else { return false }
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

    /// The result, proven optimal when the runs together proved it: the search of the level is then
    /// complete, whatever stopped each run.
    func finished(_ solution: Solution) -> Solution {
        var solution = solution
        if proven(solution) {
            solution.primal = .optimal
            solution.termination = .optimal
            solution.bound = solution.objective
        }
        return solution
    }
}

extension Termination {
    /// Which reason a level reports when its runs stopped for different ones: the user's stop request
    /// first, then the level's work budget, the time limit, a fault of one run, and last another run's
    /// decision (which only says that some other reason ended the level). The work budget outranks the
    /// clock because a run's own slice ends by the clock (the warm run's seconds) while the level goes
    /// on; when the level's budget stops it, that is why the level ended.
    var levelPrecedence: Int {
        switch self {
        case .optimal, .infeasible, .unbounded: 7
        case .interrupted: 6
        case .workLimit: 5
        case .timeLimit: 4
        case .gapReached, .solutionLimit: 3
        case .fault: 2
        case .stoppedByOtherRun: 1
        }
    }
}

extension Planner {
    /// Solves one level: the ``RelaxAndFix`` heuristic first (when ``PlannerOptions/primalHeuristic``),
    /// which proves most levels outright; else the ``LevelSearch`` portfolio from the better roster. A
    /// solver fault never loses a roster: the level keeps the best one it has (at worst the incumbent)
    /// and says it faulted.
    func solveLevel(
        _ model: Model, priority: Priority, sense: ObjectiveSense, incumbent: [Double], timeLimit: Double?,
        options: PlannerOptions, clock: Stopwatch
    ) -> (Solution, heuristic: HeuristicResult?) {
        var base = SolveOptions(verbose: options.verbose)
        let progress = options.progress, stop = options.stopRequested
        if progress != nil || stop != nil {
            base.progress = { snapshot in
                progress?(PlanProgress(level: priority, solver: snapshot, elapsed: clock.seconds))
                return stop?() == true ? .interrupted : nil
            }
        }
        let levelClock = Stopwatch()
        var start = incumbent
        var heuristic: HeuristicResult?
        var heuristicNodes = 0
        var heuristicFault: String?
        if options.primalHeuristic {
            do {
                let found = try RelaxAndFix(solver: solver, model: model, sense: sense, nodes: options.heuristicNodes)
                    .run(incumbent: incumbent, timeLimit: timeLimit, base: base)
                heuristicNodes = found.nodes
                heuristic = found.proven ? .proved : found.improved ? .improved : HeuristicResult.none
                if found.proven, let bound = found.bound {
                    let solution = Solution(termination: .optimal, primal: .optimal, values: found.values, objective: found.objective,
                                            bound: bound, nodes: found.nodes, seconds: levelClock.seconds)
                    return (solution, heuristic)
                }
                start = found.values
            } catch {
                // The heuristic is an extra: its fault is recorded and the level's own search goes on.
                heuristicFault = "\(error)"
            }
        }
        let remaining = timeLimit.map { max(0.05, $0 - levelClock.seconds) }
        var solution = LevelSearch(solver: solver, model: model, sense: sense, options: options, base: base,
                                   nodeBudget: options.nodeBudget(for: priority, rows: model.constraints.count))
            .run(incumbent: start, timeLimit: remaining)
        solution.nodes += heuristicNodes
        solution.seconds = levelClock.seconds
        solution.fault = solution.fault ?? heuristicFault
        return (solution, heuristic)
    }
}
