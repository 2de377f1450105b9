import DuxueMIP
import Foundation

/// How the planner searches one lexicographic level: a small portfolio of branch-and-bound runs.
///
/// 1. **Warm:** the incumbent offered to the solver (for GLPK this means no MIP presolve), which
///    settles a level at the root whenever the incumbent is already optimal, searching by
///    ``SearchStrategy/dive``: without presolve, depth first finds better rosters soonest.
/// 2. **Cold**, while nothing has proven the level optimal: no incumbent, so the solver's presolve
///    runs; ``SearchStrategy/lastColumnsFirst`` and ``SearchStrategy/pseudocost`` side by side.
///    Neither strategy is best on every district (benchmarks/README.md, "Search portfolio"): diving on
///    the decision columns proves most levels fastest, but on some zone-bound districts it never
///    closes a level that pseudocost branching closes in seconds.
///
/// The runs are synchronised at barriers counted in their own work (``race(incumbent:timeLimit:)``),
/// so the roster depends only on the input: the same on one core or two and on every run. The best
/// roster of all runs is kept with the tightest bound of all runs; the level is optimal as soon as the
/// best value meets the bound (the level objectives count schools and people, so they are integral).
/// `timeLimit` (the user's) bounds the whole search.
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
    /// Whether run B starts with run A instead of when run A leaves the root: when relax and fix has
    /// already searched the level's neighbourhoods without a proof, the root rarely settles it, and run
    /// A's root (cuts on the whole model without presolve) can take seconds that run B's presolved
    /// search does not need (2,059 schools short of full-time, P3: the bound found by run B at once).
    var eager = false

    /// Runs the portfolio from `incumbent` within `timeLimit` seconds (``race(incumbent:timeLimit:)``):
    /// its two runs side by side when ``PlannerOptions/concurrentSearch``, else taking turns, with the
    /// same roster either way.
    func run(incumbent: [Double], timeLimit: Double?) -> Solution {
        race(incumbent: incumbent, timeLimit: timeLimit)
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

    /// The level's result when the search of the level ends for `reason` (its time limit or work budget)
    /// without a proof.
    func ended(_ solution: Solution, by reason: Termination) -> Solution {
        var solution = finished(solution)
        if solution.primal != .optimal { solution.termination = reason }
        return solution
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
        return sense.meets(solution.objective, bound: solution.bound)
    }

    /// The result, proven optimal when the runs together proved it: the search of the level is then
    /// complete, whatever stopped each run — except a clock (the time limit or a stop request): a run it
    /// cut may have held another roster of the same value, so the termination keeps saying so and the
    /// plan says its roster is not reproducible.
    func finished(_ solution: Solution) -> Solution {
        var solution = solution
        if proven(solution) {
            solution.primal = .optimal
            if !solution.termination.isClock { solution.termination = .optimal }
            solution.bound = solution.objective
        }
        return solution
    }
}

extension Termination {
    /// Which reason a level reports when its runs stopped for different ones: the user's stop request
    /// first, then the level's work budget, the time limit (a clock's stop outranks another run's proof,
    /// which may have kept the roster the clock cut: see ``LevelSearch/finished(_:)``; a work budget
    /// outranks it too, for the plan's order of reasons, and ``LevelSearch/finished(_:)`` turns it into
    /// the proof when the level is proven), a proof, a fault of one run, and last another run's decision
    /// (which only says that some other reason ended the level).
    var levelPrecedence: Int {
        switch self {
        case .interrupted: 10
        case .workLimit: 9
        case .timeLimit: 8
        case .optimal, .infeasible, .unbounded: 7
        case .gapReached, .solutionLimit: 3
        case .fault: 2
        case .stoppedByOtherRun: 1
        }
    }

    /// Whether a clock stopped the search (the time limit or a stop request), not the search's own course.
    var isClock: Bool { self == .timeLimit || self == .interrupted }
}

extension Planner {
    /// Solves one level: the ``RelaxAndFix`` heuristic first (when ``PlannerOptions/primalHeuristic``),
    /// which proves most levels outright; else the ``LevelSearch`` portfolio from the better roster. A
    /// solver fault never loses a roster: the level keeps the best one it has (at worst the incumbent)
    /// and says it faulted.
    /// `basis` (the previous level's LP basis) starts the level's LPs where the solver does not presolve;
    /// the solution carries the level's own LP basis when the heuristic solved the relaxation.
    func solveLevel(
        _ model: Model, priority: Priority, sense: ObjectiveSense, incumbent: [Double], timeLimit: Double?,
        basis: LPBasis? = nil, options: PlannerOptions, clock: Stopwatch
    ) -> (Solution, heuristic: HeuristicResult?) {
        var base = SolveOptions(verbose: options.verbose)
        base.basis = basis
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
        var searched = model
        if options.primalHeuristic {
            do {
                var relaxAndFix = RelaxAndFix(solver: solver, model: model, sense: sense, nodes: options.heuristicNodes)
                relaxAndFix.reducedCostFixing = options.reducedCostFixing
                let found = try relaxAndFix.run(incumbent: incumbent, timeLimit: timeLimit, base: base)
                heuristicNodes = found.nodes
                heuristic = found.proven ? .proved : found.improved ? .improved : HeuristicResult.none
                if found.proven, let bound = found.bound {
                    var solution = Solution(termination: .optimal, primal: .optimal, values: found.values, objective: found.objective,
                                            bound: bound, nodes: found.nodes, seconds: levelClock.seconds)
                    solution.basis = found.basis
                    return (solution, heuristic)
                }
                start = found.values
                if let lpBasis = found.basis { base.basis = lpBasis }
                // Every roster better than the one in hand keeps to the bounds the LP's reduced costs
                // allow: the search looks only there (and the roster in hand keeps to them too).
                if options.reducedCostFixing, let fixing = found.fixing {
                    searched = fixing.tightened(model, cutoff: model.cutoff(betterThan: model.objective.value(in: start)), keeping: start)
                }
            } catch {
                // The heuristic is an extra: its fault is recorded and the level's own search goes on.
                heuristicFault = "\(error)"
            }
        }
        let remaining = timeLimit.map { max(0.05, $0 - levelClock.seconds) }
        var solution = LevelSearch(solver: solver, model: searched, sense: sense, options: options, base: base,
                                   nodeBudget: options.nodeBudget(for: priority, rows: model.constraints.count),
                                   eager: heuristic == .improved || heuristic == HeuristicResult.none)
            .run(incumbent: start, timeLimit: remaining)
        solution.nodes += heuristicNodes
        solution.seconds = levelClock.seconds
        solution.basis = base.basis
        solution.fault = solution.fault ?? heuristicFault
        return (solution, heuristic)
    }
}
