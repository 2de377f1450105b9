/// Why a solve stopped (MathOptInterface's *termination status*), kept apart from what solution it
/// has (``SolutionStatus``): a search stopped by its time limit may hold an optimal roster it has not
/// proven, and a search another run has settled may hold none.
public enum Termination: String, Sendable, Equatable, Codable, CaseIterable {
    /// The search finished: its solution is proven optimal.
    case optimal
    /// The search stopped at the requested relative gap.
    case gapReached = "gap_reached"
    /// Proven to have no solution.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// A work budget (branch-and-bound nodes) set by the caller ran out.
    case workLimit = "work_limit"
    /// The wall-clock limit ran out.
    case timeLimit = "time_limit"
    /// The user asked to stop (for instance with Ctrl-C).
    case interrupted
    /// Another run of the same problem settled it (or was abandoned), so this one was told to stop.
    case stoppedByOtherRun = "stopped_by_other_run"
    /// The caller wanted any solution and stopped at the first.
    case solutionLimit = "solution_limit"
    /// The solver failed in this run; a solution, if any, came from another run.
    case fault

    /// Why a caller's ``SearchStop`` stopped a search.
    public init(_ stop: SearchStop) {
        switch stop {
        case .interrupted: self = .interrupted
        case .workLimit: self = .workLimit
        case .stoppedByOtherRun: self = .stoppedByOtherRun
        case .solutionLimit: self = .solutionLimit
        }
    }

    /// Whether a budget (time or work) or another run ended the search, so that another run may still
    /// improve on it.
    public var isBudgetStop: Bool { self == .timeLimit || self == .workLimit || self == .stoppedByOtherRun }
}

/// What solution a solve has (MathOptInterface's *primal status*).
public enum SolutionStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// No solution: no column values.
    case none
    /// A feasible solution, not proven optimal.
    case feasible
    /// A solution proven optimal.
    case optimal
}

/// Why a progress callback asks a search to stop; the solver reports it as the search's ``Termination``.
public enum SearchStop: String, Sendable, Equatable {
    /// The user asked to stop.
    case interrupted
    /// The caller's work budget ran out.
    case workLimit = "work_limit"
    /// Another run settled the problem.
    case stoppedByOtherRun = "stopped_by_other_run"
    /// A solution was found, and any solution would do.
    case solutionLimit = "solution_limit"
}

/// The one-word outcome of a solve, as reports and the JSON schema have always named it: derived from
/// ``Termination`` and ``SolutionStatus``, never stored.
public enum SolveStatus: String, Sendable, Equatable, Codable {
    /// Proven optimal.
    case optimal
    /// A solution exists and was proven optimal within the requested relative gap.
    case feasibleWithinGap = "feasible_within_gap"
    /// A budget stopped the search with a solution in hand.
    case timeLimitWithSolution = "time_limit_with_solution"
    /// A budget stopped the search before any solution was found.
    case timeLimitNoSolution = "time_limit_no_solution"
    /// The search was stopped on request (for instance SIGINT) with a solution in hand.
    case interruptedWithSolution = "interrupted_with_solution"
    /// The search was stopped on request before any solution was found.
    case interruptedNoSolution = "interrupted_no_solution"
    /// Proven to have no solution.
    case infeasible
    /// The objective can improve without limit.
    case unbounded

    /// The one-word outcome of a search that stopped for `termination` holding `solution`.
    public init(termination: Termination, solution: SolutionStatus) {
        let has = solution != .none
        switch (termination, solution) {
        case (_, .optimal): self = .optimal
        case (.optimal, _): self = has ? .optimal : .infeasible
        case (.gapReached, _): self = .feasibleWithinGap
        case (.infeasible, _): self = .infeasible
        case (.unbounded, _): self = .unbounded
        case (.interrupted, _): self = has ? .interruptedWithSolution : .interruptedNoSolution
        case (.workLimit, _), (.timeLimit, _), (.stoppedByOtherRun, _), (.solutionLimit, _), (.fault, _):
            self = has ? .timeLimitWithSolution : .timeLimitNoSolution
        }
    }

    /// The termination and solution status that this one-word outcome names (for scripted solvers in
    /// tests and for callers that only know the old word).
    public var parts: (termination: Termination, solution: SolutionStatus) {
        switch self {
        case .optimal: (.optimal, .optimal)
        case .feasibleWithinGap: (.gapReached, .feasible)
        case .timeLimitWithSolution: (.timeLimit, .feasible)
        case .timeLimitNoSolution: (.timeLimit, .none)
        case .interruptedWithSolution: (.interrupted, .feasible)
        case .interruptedNoSolution: (.interrupted, .none)
        case .infeasible: (.infeasible, .none)
        case .unbounded: (.unbounded, .none)
        }
    }

    /// Whether column values are available.
    public var hasSolution: Bool { parts.solution != .none }
}

/// The order in which a branch-and-bound search explores. No one order is best on every model, so a
/// caller may run a portfolio: one strategy for a while, then another.
public enum SearchStrategy: String, Sendable, CaseIterable {
    /// Branch first on the columns the model adds last (a model that adds its decision columns last
    /// settles those first) and go depth first: quickest to integral solutions.
    case dive
    /// Branch first on the columns the model adds last and pick nodes by best projection: the
    /// strongest on most roster models.
    case lastColumnsFirst = "last_columns_first"
    /// Branch by pseudocosts and explore the best bound first: slower to a first solution, steadier
    /// where branching on the last columns goes astray.
    case pseudocost
}

/// Options common to all solvers.
public struct SolveOptions: Sendable {
    /// Wall-clock limit for this solve, in seconds; `nil` = none.
    public var timeLimit: Double?
    /// Relative gap at which the search may stop (0 = prove optimality).
    public var relativeGap: Double = 0
    /// Print the solver's own log.
    public var verbose = false
    /// Solve only the LP relaxation.
    public var relaxation = false
    /// A known feasible point offered to the solver as its first incumbent (validated by the caller).
    public var incumbent: [Double]?
    /// Called during the search; return why to stop it, or `nil` to go on.
    public var progress: (@Sendable (SolveProgress) -> SearchStop?)?
    /// The search order.
    public var strategy: SearchStrategy = .lastColumnsFirst
    /// A simplex basis to start the LP from (an earlier, similar model's: rows added since start basic);
    /// used where the solver does not presolve. Deterministic: the same basis gives the same path.
    public var basis: LPBasis?
    /// Whether the back end runs the MIP layer's ``NodeHeuristics`` in its search (which then runs
    /// without the back end's presolver, its root LP by the dual simplex). Off by default: on the
    /// Holmberg instances it finds what GLPK alone does not (benchmarks/holmberg.md), but it made some
    /// 700–1,500-school roster plans slower (benchmarks/README.md, "Node heuristics").
    public var nodeHeuristics = false
    /// Solve the LP (a relaxation, or a search's root LP) by the dual simplex. Off by default: the
    /// roster planner's level LPs took 5–8× longer with it (benchmarks/README.md); from the slack basis of
    /// a facility-location model it is far quicker. A search with ``nodeHeuristics`` uses it anyway.
    public var dualSimplex = false
    /// Keep the root LP of the search after its cut rounds (``Solution/root``), where the back end can give
    /// it (GLPK: a search without its presolver, i.e. one with an incumbent or node heuristics).
    public var recordRoot = false

    /// Default options: no limit, exact, silent.
    public init(timeLimit: Double? = nil, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.verbose = verbose
    }
}

extension SolveOptions {
    /// These options for a model's LP relaxation within `timeLimit`: no incumbent and no progress callback
    /// (an LP reports none); the basis and the log stay.
    public func forRelaxation(within timeLimit: Double?) -> SolveOptions {
        var options = self
        options.timeLimit = timeLimit
        options.progress = nil
        options.relaxation = true
        options.incumbent = nil
        return options
    }
}

/// A snapshot of a running branch-and-bound search.
public struct SolveProgress: Sendable {
    /// Objective of the best solution so far, if any.
    public var incumbent: Double?
    /// Best proven bound.
    public var bound: Double
    /// Relative gap between incumbent and bound.
    public var gap: Double?
    /// Nodes created so far.
    public var nodes: Int
    /// Simplex iterations so far (0 when the solver does not say): with ``nodes``, the search's work as
    /// a count that does not depend on the machine's pace.
    public var iterations: Int

    /// A progress snapshot.
    public init(incumbent: Double?, bound: Double, gap: Double?, nodes: Int, iterations: Int = 0) {
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.nodes = nodes
        self.iterations = iterations
    }
}

/// The status of a row or column in a simplex basis.
public enum BasisStatus: Sendable, Equatable {
    /// In the basis.
    case basic
    /// Non-basic at its lower bound.
    case atLower
    /// Non-basic at its upper bound.
    case atUpper
    /// Non-basic and free (no bounds).
    case free
    /// Non-basic and fixed.
    case fixed
}

/// A simplex basis: the status of every row and column of a model, to start a later LP from where this
/// one ended. A model with rows appended since (a lexicographic level's fixing row) starts them basic.
public struct LPBasis: Sendable, Equatable {
    /// Row statuses, in the model's row order.
    public var rows: [BasisStatus]
    /// Column statuses, in the model's column order.
    public var columns: [BasisStatus]

    /// A basis of the given statuses.
    public init(rows: [BasisStatus], columns: [BasisStatus]) {
        self.rows = rows
        self.columns = columns
    }
}

/// The root LP of a branch-and-cut search after its cut rounds: a relaxation of the model that the cuts
/// (valid for every solution) have tightened, so its value bounds every solution and its reduced costs
/// fix columns as the LP relaxation's do (``ReducedCostFixing``), often many more.
public struct RootRelaxation: Sendable {
    /// The LP's optimum.
    public var objective: Double
    /// Its column values, in the model's column order.
    public var values: [Double]
    /// Its columns' reduced costs, in the model's column order and the objective's sense.
    public var reducedCosts: [Double]

    /// A root LP.
    public init(objective: Double, values: [Double], reducedCosts: [Double]) {
        self.objective = objective
        self.values = values
        self.reducedCosts = reducedCosts
    }
}

/// What a solve returns: why it stopped, what solution it has, and the solution.
public struct Solution: Sendable {
    /// Why the search stopped.
    public var termination: Termination
    /// What solution exists.
    public var primal: SolutionStatus
    /// Column values (empty when there is no solution).
    public var values: [Double]
    /// Objective value of the solution.
    public var objective: Double
    /// Best proven bound on the objective.
    public var bound: Double
    /// Branch-and-bound nodes.
    public var nodes: Int
    /// Wall time of the solve in seconds.
    public var seconds: Double
    /// What a failed run reported, when ``termination`` is ``Termination/fault`` (its solution came
    /// from another run).
    public var fault: String?
    /// The optimal basis of an LP relaxation (``SolveOptions/relaxation``), when the solver gives one; a
    /// caller may carry it on with a result it derived (the roster planner hands each level the latest
    /// LP basis it has).
    public var basis: LPBasis?
    /// The reduced costs of an LP relaxation's columns at its optimum, in the model's column order and
    /// the objective's sense (for a minimisation, ≥ 0 at a column's lower bound and ≤ 0 at its upper),
    /// when the solver gives them; ``ReducedCostFixing`` reads them.
    public var reducedCosts: [Double]?
    /// The search's root LP after its cuts, when ``SolveOptions/recordRoot`` asked for it and the search got
    /// that far.
    public var root: RootRelaxation?

    /// Relative gap |objective − bound| / max(1, |objective|).
    public var gap: Double { abs(objective - bound) / max(1, abs(objective)) }

    /// The one-word outcome, derived from ``termination`` and ``primal``.
    public var status: SolveStatus { SolveStatus(termination: termination, solution: primal) }

    /// Whether column values are available.
    public var hasSolution: Bool { primal != .none }

    /// A solution record.
    public init(termination: Termination, primal: SolutionStatus, values: [Double], objective: Double, bound: Double,
                nodes: Int, seconds: Double) {
        self.termination = termination
        self.primal = primal
        self.values = values
        self.objective = objective
        self.bound = bound
        self.nodes = nodes
        self.seconds = seconds
    }

    /// A solution record from the one-word outcome (``SolveStatus/parts``).
    public init(status: SolveStatus, values: [Double], objective: Double, bound: Double, nodes: Int, seconds: Double) {
        let (termination, primal) = status.parts
        self.init(termination: termination, primal: primal, values: values, objective: objective, bound: bound,
                  nodes: nodes, seconds: seconds)
    }

    /// Value of a variable, rounded when it is meant to be integral.
    public subscript(variable: Variable) -> Double { values[variable.index] }
}

/// File formats a model can be exported to.
public enum ModelFormat: String, Sendable, CaseIterable {
    /// Free MPS.
    case mps
    /// CPLEX LP.
    case lp
}

/// A MIP solver back end.
public protocol MIPSolver: Sendable {
    /// Solves a model. Throws only on misuse or an internal solver fault.
    func solve(_ model: Model, options: SolveOptions) throws -> Solution
    /// Writes a model in a standard format.
    func export(_ model: Model, format: ModelFormat, to path: String) throws
}

extension ObjectiveSense {
    /// Whether `value` meets the proven `bound` in this sense: for an integral objective, the bound rounded
    /// to the integer beyond it (a value there is optimal); otherwise within a relative tolerance.
    public func meets(_ value: Double, bound: Double, integral: Bool = true) -> Bool {
        let tolerance = 1e-6
        guard integral else {
            let slack = tolerance * max(1, abs(bound))
            return self == .minimize ? value <= bound + slack : value >= bound - slack
        }
        return self == .minimize
            ? value <= (bound - tolerance).rounded(.up) + tolerance
            : value >= (bound + tolerance).rounded(.down) - tolerance
    }
}
