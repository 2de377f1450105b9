import DuxueMIP
import Foundation

/// The primal heuristic of a level, built for this model: **relax and fix**.
///
/// 1. Solve the level's LP relaxation: its value is a bound on the level (rounded to the integer the
///    objective must take) and its columns say where the roster should be.
/// 2. If the incumbent (the previous level's roster) already meets the bound, the level is proven with
///    no search at all.
/// 3. Otherwise fix every integer column whose LP value is integral to that value — on the class
///    model most are: whole classes to one holder, zones to their own people — and search the small
///    MIP that is left, within a node budget. Its roster is feasible for the level (only bounds were
///    tightened); when it meets the bound of step 1, the level is proven without branching on the
///    full model.
///
/// What it does not prove is handed on: the better of its roster and the incumbent becomes the
/// incumbent of the level's search (``LevelSearch``).
struct RelaxAndFix {
    /// The solver.
    let solver: any MIPSolver
    /// The level's model, objective set.
    let model: Model
    /// Objective sense of the level.
    let sense: ObjectiveSense
    /// Branch-and-bound nodes of the search of the fixed model.
    let nodes: Int

    /// What the heuristic found.
    struct Outcome {
        /// The LP relaxation's value: a bound on the level (`nil` when the relaxation was not solved).
        var bound: Double?
        /// The best roster: the fixed model's, or the incumbent when that is as good.
        var values: [Double]
        /// Its objective.
        var objective: Double
        /// Whether `values` meets `bound`: the level is proven.
        var proven: Bool
        /// Whether the fixed model's roster is better than the incumbent.
        var improved: Bool
        /// Branch-and-bound nodes spent.
        var nodes: Int
    }

    /// Runs the heuristic from `incumbent` within `timeLimit` seconds, with the level's `base` options
    /// (the solver's log when verbose; its progress callback may stop the search: the user's request).
    func run(incumbent: [Double], timeLimit: Double?, base: SolveOptions = SolveOptions()) throws -> Outcome {
        let clock = Stopwatch()
        let start = model.objective.value(in: incumbent)
        var outcome = Outcome(bound: nil, values: incumbent, objective: start, proven: false, improved: false, nodes: 0)
        var relaxation = base
        relaxation.timeLimit = timeLimit
        relaxation.progress = nil
        relaxation.relaxation = true
        let lp = try solver.solve(model, options: relaxation)
        guard lp.termination == .optimal, lp.bound.isFinite else { return outcome }
        outcome.bound = lp.objective
        if LevelSearch.meets(start, bound: lp.objective, sense: sense) {
            outcome.proven = true
            return outcome
        }
        var fixed = model
        for (index, variable) in model.variables.enumerated() where variable.kind != .continuous {
            let value = lp.values[index]
            if abs(value - value.rounded()) <= 1e-9, let column = model.variable(at: index) {
                fixed.setBounds(column, lower: value.rounded(), upper: value.rounded())
            }
        }
        var search = base
        search.timeLimit = timeLimit.map { max(0.05, $0 - clock.seconds) }
        let budget = nodes, progress = base.progress
        search.progress = { snapshot in progress?(snapshot) ?? (snapshot.nodes < budget ? nil : .workLimit) }
        let found = try solver.solve(fixed, options: search)
        outcome.nodes = found.nodes
        guard found.hasSolution else { return outcome }
        // Integer columns exactly integral, so that every level's value is a whole number.
        let values = zip(model.variables, found.values).map { $0.kind == .continuous ? $1 : $1.rounded() }
        guard model.firstViolation(in: values) == nil else { return outcome }
        let objective = model.objective.value(in: values)
        let better = sense == .minimize ? objective < start - 1e-9 : objective > start + 1e-9
        if better {
            outcome.values = values
            outcome.objective = objective
            outcome.improved = true
        }
        outcome.proven = LevelSearch.meets(outcome.objective, bound: lp.objective, sense: sense)
        return outcome
    }
}
