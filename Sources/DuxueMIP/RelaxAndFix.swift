import Foundation

/// A primal heuristic for any ``Model`` and any ``MIPSolver``: **relax and fix**. The roster planner
/// runs it on every level and the Holmberg runner before its search, so both gain from the same code.
///
/// 1. Solve the LP relaxation: its value is a bound (rounded, for an integral objective, to the
///    integer the objective must take) and its columns say where a good solution lies.
/// 2. If the incumbent already meets the bound, it is optimal with no search at all.
/// 3. Otherwise fix every integer column whose LP value is integral to that value — on assignment-like
///    models most are — and search the small MIP that is left, within a node budget. Its solution is
///    feasible for the model (only bounds were tightened); when it meets the bound of step 1 it is
///    proven optimal without branching on the full model. Rounding a fractional column usually needs
///    its neighbours to move (a coverage row summing to n): while the fixed model has no solution at
///    the bound, the columns that share a sparse row (at most ``sparseRowLimit`` terms, longer rows when
///    no sparse row frees another column) with a free one are freed too, one hop at a time, at most
///    ``widening`` times. (Until 2026-12-02 GLPK's back end let every binary column go free whatever its
///    bounds said, so the fixed models were far larger than meant: fixing them truly made P3, P4 and
///    P4b of the 2,542–2,865-school districts two to six times faster.) Measured on the roster model at
///    3,000 schools, short pool, zones preferred: P3 (crossings, LP 139) had no solution with every
///    integral column fixed, 140 one hop out and 139 — proven — two hops out, in 1 s, where the full
///    search took 6 s.
///
/// 4. Optionally (``rinsRounds`` > 0), **RINS** rounds: fix every integer column on which the best
///    solution so far and the LP agree, and search the rest from that solution, within the node
///    budget; repeated while a round improves. The sub-model is larger than step 3's (the columns where
///    the two disagree are free), so it finds what rounding the LP alone misses.
///
/// What it does not prove is handed on: the better of its solution and the incumbent becomes the
/// incumbent of the full search.
public struct RelaxAndFix: Sendable {
    /// The solver.
    public let solver: any MIPSolver
    /// The model, objective set.
    public let model: Model
    /// Objective sense.
    public let sense: ObjectiveSense
    /// Branch-and-bound nodes of each search of the fixed model (one per hop of step 3, so up to
    /// ``widening`` + 1 times this in all, and as many again per RINS round).
    public let nodes: Int
    /// Whether the objective takes integer values only (counts of schools, people): the bound is then
    /// rounded to the next integer before it is compared.
    public var integralObjective: Bool
    /// RINS rounds after relax and fix (step 4); none by default.
    public var rinsRounds: Int
    /// Times step 3 may widen the free columns by one hop when the fixed model has no solution at the bound.
    /// Four: 1,500 schools short of full-time with zones required has P4b's roster at the bound (53)
    /// four hops out, and 54 at every hop before (measured once binary columns were truly fixed, see
    /// `dx_load` in the shim).
    public var widening = 4
    /// Whether the widened searches keep the columns that the LP's reduced costs fix for a better solution
    /// than the best so far (``ReducedCostFixing``): at 3,000 schools short of full-time with zones
    /// preferred, P3 (LP bound 117, first roster 118) 6.9 s → 1.6 s.
    public var reducedCostFixing = true
    /// Rows with more terms than this do not widen step 3 (a row over all recruits or all appointees
    /// would free nearly everything) — unless no such row frees another column: then rows four times
    /// as long, and at most sixteen times as long, do.
    public var sparseRowLimit = 40

    /// A heuristic run with the given solver, model, sense and node budget.
    public init(solver: any MIPSolver, model: Model, sense: ObjectiveSense, nodes: Int, integralObjective: Bool = true,
                rinsRounds: Int = 0) {
        self.solver = solver
        self.model = model
        self.sense = sense
        self.nodes = nodes
        self.integralObjective = integralObjective
        self.rinsRounds = rinsRounds
    }

    /// What the heuristic found.
    public struct Outcome: Sendable {
        /// The LP relaxation's value: a bound (`nil` when the relaxation was not solved).
        public var bound: Double?
        /// The best solution: the fixed model's, or the incumbent when that is as good (empty when
        /// there is neither).
        public var values: [Double]
        /// Its objective (NaN when there is none).
        public var objective: Double
        /// Whether `values` meets `bound`: proven optimal.
        public var proven: Bool
        /// Whether the fixed model's solution is better than the incumbent (or the only one).
        public var improved: Bool
        /// Branch-and-bound nodes spent.
        public var nodes: Int
        /// The LP relaxation's optimal basis, when the solver gave one: a start for a similar model's LP.
        public var basis: LPBasis?
        /// Hops step 3 widened the free columns by before its last search (0: only fractional columns free).
        public var widened = 0
        /// The reduced-cost fixing that the LP relaxation allows, when the solver gave its reduced costs: a
        /// later search for a better solution may tighten the model by it (``ReducedCostFixing``).
        public var fixing: ReducedCostFixing?
        /// Whether a solution exists.
        public var hasSolution: Bool { !values.isEmpty }
    }

    /// Whether `value` is proven optimal by `bound`: within a relative 1e-6 for a general objective;
    /// for an integral one value ≤ ⌈bound⌉ when minimising, ≥ ⌊bound⌋ when maximising (with a
    /// tolerance for the LP's round-off).
    public func meets(_ value: Double, bound: Double) -> Bool {
        sense.meets(value, bound: bound, integral: integralObjective)
    }

    /// Runs the heuristic from `incumbent` (if any) within `timeLimit` seconds, with `base` options
    /// (the solver's log when verbose; its progress callback may stop the search: the user's request).
    public func run(incumbent: [Double]?, timeLimit: Double?, base: SolveOptions = SolveOptions()) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        let startValue = incumbent.map { model.objective.value(in: $0) } ?? .nan
        var outcome = Outcome(bound: nil, values: incumbent ?? [], objective: startValue, proven: false, improved: false, nodes: 0)
        let lp = try solver.solve(model, options: base.forRelaxation(within: timeLimit))
        guard lp.termination == .optimal, lp.bound.isFinite else { return outcome }
        outcome.bound = lp.objective
        outcome.basis = lp.basis
        outcome.fixing = ReducedCostFixing(model: model, relaxation: lp)
        if incumbent != nil, meets(startValue, bound: lp.objective) {
            outcome.proven = true
            return outcome
        }
        // Step 3, widened while the fixed model has no solution at the bound: first every integral column fixed, then
        // the columns sharing a (sparse) row with a free one are freed too, a hop at a time, so that a
        // fractional column's rounding can be paid for by its neighbours.
        var free = Set(model.variables.indices.filter {
            model.variables[$0].kind != .continuous && abs(lp.values[$0] - lp.values[$0].rounded()) > 1e-9
        })
        var rowLimit = sparseRowLimit
        var neighbours = Neighbourhood(model: model, sparseRows: rowLimit)
        var search = base
        search.incumbent = nil
        search.nodeHeuristics = false
        let budget = nodes, progress = base.progress
        search.progress = { snapshot in progress?(snapshot) ?? (snapshot.nodes < budget ? nil : .workLimit) }
        var lastTermination: Termination?
        for hop in 0...widening {
            var fixed = model
            for (index, variable) in model.variables.enumerated() where variable.kind != .continuous && !free.contains(index) {
                if let column = model.variable(at: index) { fixed.fix(column, at: lp.values[index].rounded()) }
            }
            // Once there is a solution, a better one keeps to the bounds the LP's reduced costs allow: the
            // freed columns that cannot move for it stay where they are (exact, unlike the fixing above).
            if reducedCostFixing, let fixing = outcome.fixing, outcome.hasSolution {
                fixed = fixing.tightened(fixed, cutoff: integralObjective ? model.cutoff(betterThan: outcome.objective) : outcome.objective)
            }
            search.timeLimit = timeLimit.map { max(0.05, $0 - elapsed()) }
            let found = try solver.solve(fixed, options: search)
            let before = outcome.objective
            outcome.nodes += found.nodes
            accept(found, into: &outcome)
            outcome.widened = hop
            // Widened while the fixed model has no solution or none at the bound — but not after two searches
            // in a row that spent their budget, the second finding nothing better: a wider model is only
            // harder for the same budget, and the full search starts from what there is (2,563 schools,
            // ample pool, P4: three more hops at 683 over a bound of 681 took 7 s, and the full search's
            // cold run then found 681 at node 10). One search at its budget after searches that ended on
            // their own may still be followed by one that proves (700 schools, ample pool, P4: 188, 187,
            // 188 at its budget, then 186 at the bound).
            let stalled = found.termination == .workLimit && lastTermination == .workLimit && !improves(outcome.objective, on: before)
            lastTermination = found.termination
            // A clock (the time limit, a stop request) ends it too: another hop would only load a model.
            let clocked = found.termination == .timeLimit || found.termination == .interrupted
            guard hop < widening, !stalled, !clocked, !(outcome.hasSolution && meets(outcome.objective, bound: lp.objective)) else { break }
            var wider = neighbours.widen(free)
            // Nothing more through the sparse rows: the next hop goes through rows four times as long, twice
            // at most (a row over nearly every column would free the whole model).
            while wider.count == free.count, rowLimit < 16 * max(1, sparseRowLimit) {
                rowLimit = max(1, rowLimit) * 4
                neighbours = Neighbourhood(model: model, sparseRows: rowLimit)
                wider = neighbours.widen(free)
            }
            guard wider.count > free.count else { break }
            free = wider
        }
        outcome.proven = outcome.hasSolution && meets(outcome.objective, bound: lp.objective)
        var round = 0
        while round < rinsRounds, outcome.hasSolution, !outcome.proven, timeLimit.map({ elapsed() < $0 - 0.1 }) ?? true {
            round += 1
            var neighbourhood = model
            var free = 0
            for (index, variable) in model.variables.enumerated() where variable.kind != .continuous {
                let value = outcome.values[index]
                if abs(value - lp.values[index]) <= 1e-6, let column = model.variable(at: index) {
                    neighbourhood.fix(column, at: value)
                } else {
                    free += 1
                }
            }
            guard free > 0 else { break }
            var rins = search
            rins.incumbent = outcome.values
            rins.timeLimit = timeLimit.map { max(0.05, $0 - elapsed()) }
            let before = outcome.objective
            let improved = try solver.solve(neighbourhood, options: rins)
            outcome.nodes += improved.nodes
            accept(improved, into: &outcome)
            outcome.proven = meets(outcome.objective, bound: lp.objective)
            if !(sense == .minimize ? outcome.objective < before - 1e-9 : outcome.objective > before + 1e-9) { break }
        }
        return outcome
    }

    /// Whether `value` is strictly better than `previous` (any value is better than none, NaN).
    private func improves(_ value: Double, on previous: Double) -> Bool {
        guard !value.isNaN else { return false }
        guard !previous.isNaN else { return true }
        return sense == .minimize ? value < previous - 1e-9 : value > previous + 1e-9
    }

    /// Keeps a sub-model's solution when it is feasible for the model and better than the best so far.
    private func accept(_ found: Solution, into outcome: inout Outcome) {
        guard found.hasSolution, found.values.count == model.variables.count else { return }
        // Integer columns exactly integral.
        let values = model.roundedToIntegers(found.values)
        guard model.firstViolation(in: values) == nil else { return }
        let objective = model.objective.value(in: values)
        let better = !outcome.hasSolution
            || (sense == .minimize ? objective < outcome.objective - 1e-9 : objective > outcome.objective + 1e-9)
        if better {
            outcome.values = values
            outcome.objective = objective
            outcome.improved = true
        }
    }
}

/// Which columns share a row with which: step 3 of ``RelaxAndFix`` frees a fixed column's neighbours.
struct Neighbourhood {
    /// Columns of each sparse row.
    private let rows: [[Int]]
    /// Sparse rows of each column.
    private let rowsOf: [[Int]]

    /// The neighbourhood over the model's rows with at most `sparseRows` terms.
    init(model: Model, sparseRows: Int) {
        var rows: [[Int]] = []
        var rowsOf = [[Int]](repeating: [], count: model.variables.count)
        for constraint in model.constraints where constraint.expression.terms.count <= sparseRows {
            let columns = Array(Set(constraint.expression.terms.map(\.0.index))).sorted()
            for column in columns { rowsOf[column].append(rows.count) }
            rows.append(columns)
        }
        self.rows = rows
        self.rowsOf = rowsOf
    }

    /// `free` and every column sharing a sparse row with one of them.
    func widen(_ free: Set<Int>) -> Set<Int> {
        var wider = free
        for column in free { for row in rowsOf[column] { wider.formUnion(rows[row]) } }
        return wider
    }
}
