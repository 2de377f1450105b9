/// How a solve ended. Every case is a result, not an error: misuse of the solver throws instead.
public enum SolveStatus: String, Sendable, Equatable, Codable {
    /// Proven optimal.
    case optimal
    /// A solution exists and was proven optimal within the requested relative gap.
    case feasibleWithinGap = "feasible_within_gap"
    /// The time limit stopped the search with a solution in hand.
    case timeLimitWithSolution = "time_limit_with_solution"
    /// The time limit stopped the search before any solution was found.
    case timeLimitNoSolution = "time_limit_no_solution"
    /// The search was stopped on request (for instance SIGINT) with a solution in hand.
    case interruptedWithSolution = "interrupted_with_solution"
    /// The search was stopped on request before any solution was found.
    case interruptedNoSolution = "interrupted_no_solution"
    /// Proven to have no solution.
    case infeasible
    /// The objective can improve without limit.
    case unbounded

    /// Whether column values are available.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasibleWithinGap, .timeLimitWithSolution, .interruptedWithSolution: true
        default: false
        }
    }
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
    /// Called during the search; return `false` to stop it.
    public var progress: (@Sendable (SolveProgress) -> Bool)?
    /// The search order.
    public var strategy: SearchStrategy = .lastColumnsFirst

    /// Default options: no limit, exact, silent.
    public init(timeLimit: Double? = nil, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.verbose = verbose
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

    /// A progress snapshot.
    public init(incumbent: Double?, bound: Double, gap: Double?, nodes: Int) {
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.nodes = nodes
    }
}

/// What a solve returns.
public struct Solution: Sendable {
    /// How the solve ended.
    public var status: SolveStatus
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

    /// Relative gap |objective − bound| / max(1, |objective|).
    public var gap: Double { abs(objective - bound) / max(1, abs(objective)) }

    /// A solution record.
    public init(status: SolveStatus, values: [Double], objective: Double, bound: Double, nodes: Int, seconds: Double) {
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.nodes = nodes
        self.seconds = seconds
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
