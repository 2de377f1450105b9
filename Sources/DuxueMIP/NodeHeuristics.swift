/// The primal heuristics a branch-and-cut search runs at its nodes, for any all-integer ``Model``: the
/// solver back end forwards its requests for a heuristic solution (GLPK's `GLP_IHEUR`) with the node's LP
/// point and its incumbent, and offers what comes back as a new incumbent.
///
/// - ``FixAndPropagate`` rounds the node's LP point (with its local search) — cheap, so it runs at each
///   of the first 20 requests, then at every 10th while there is no incumbent and every 50th after.
/// - **RINS** (relaxation induced neighbourhood search): every integer column on which the incumbent and
///   the node's LP agree is fixed, and the small model that is left is searched from the incumbent
///   within a node and simplex-iteration budget (``rinsNodes``, ``rinsIterations``) by `subSolve` (which must not run node heuristics of its own).
///   It runs when the incumbent has changed since the last RINS, at most once every ``rinsSpacing``
///   requests, and otherwise every 10 × ``rinsSpacing`` requests (another node's LP gives another
///   neighbourhood); only while less than half the columns would be free. Columns are fixed with
///   ``Model/fix(_:at:)``.
/// - The rounding's local search (shift, one-opt, swap) on each new incumbent of the search, and on
///   each point of the neighbourhood search (whose proximity points are the nearest better ones, not
///   the best nearby).
/// - ``NeighbourhoodSearch`` (reassignment of two resources' choice rows, proximity, local branching,
///   crossover with the previous incumbent), from request ``neighbourhoodStart`` on (a search GLPK
///   settles at once does not pay for it), when
///   the incumbent has improved since the last round, at most once every ``neighbourhoodSpacing``
///   requests; while it stays the same, again every 10 × ``neighbourhoodSpacing`` requests with the
///   budgets and the radius widened (× 2, up to ``neighbourhoodWidening``).
///
/// When to run is decided by counting requests, never by the clock, so a search that calls this class
/// does the same work on every run (the roster planner's barriers depend on it).
public final class NodeHeuristics: @unchecked Sendable {
    /// Solves a sub-model (RINS's neighbourhood); `nil` leaves RINS out.
    public typealias SubSolve = NeighbourhoodSearch.SubSolve

    /// The rounding heuristic.
    public let rounding: FixAndPropagate
    /// Branch-and-bound nodes of one RINS search.
    public var rinsNodes = 200
    /// Simplex iterations of one RINS search (its LPs can be long on a large neighbourhood).
    public var rinsIterations = 10_000
    /// Requests between two RINS searches, at least.
    public var rinsSpacing = 20
    /// Requests between two neighbourhood rounds, at least.
    public var neighbourhoodSpacing = 20
    /// Requests before the first neighbourhood round: a search that the back end settles quickly does
    /// not pay for the rounds.
    public var neighbourhoodStart = 50
    /// The widest a round on an unchanged incumbent gets (a multiple of the first budgets).
    public var neighbourhoodWidening = 2
    /// The large-neighbourhood search, `nil` without a sub-solver (or turned off by the caller).
    public var neighbourhoods: NeighbourhoodSearch?
    private let subSolve: SubSolve?
    private var lastRound = Int.min / 2
    private var roundFrom = Double.nan
    private var widening = 1
    /// The incumbent value the local search last started from.
    private var polished = Double.nan
    /// The incumbent before the current one (crossover's second parent).
    private var previous: [Double]?
    private var current: [Double]?
    // Touched only on the searching thread (the back end calls back on it).
    private var requests = 0
    private var lastRINS = Int.min / 2
    private var rinsFrom = Double.nan
    /// Points offered, by heuristic: rounding, RINS, the rounding's local search on a new incumbent.
    public private(set) var found = (rounding: 0, rins: 0, localSearch: 0)
    /// Points offered by the neighbourhood search, by the neighbourhood that last improved them.
    public private(set) var neighbourhoodFound: [NeighbourhoodSearch.Kind: Int] = [:]

    /// Heuristics for `model`, or `nil` when the model has continuous columns.
    public init?(model: Model, subSolve: SubSolve?) {
        guard let rounding = FixAndPropagate(model: model) else { return nil }
        self.rounding = rounding
        self.subSolve = subSolve
        neighbourhoods = subSolve.flatMap { NeighbourhoodSearch(model: model, subSolve: $0) }
    }

    /// The model.
    public var model: Model { rounding.model }

    /// One request: the node's LP point, and the incumbent with its value when there is one. Returns a
    /// feasible point better than the incumbent, or `nil`.
    public func run(lp: [Double], incumbent: [Double]?, value: Double?) -> [Double]? {
        requests += 1
        let sense = model.sense
        func better(_ point: [Double], than value: Double?) -> Bool {
            guard let value else { return true }
            let objective = model.objective.value(in: point)
            return sense == .minimize ? objective < value - 1e-9 : objective > value + 1e-9
        }
        var best: [Double]?
        var bestValue = value
        if requests <= 20 || requests % (incumbent == nil ? 10 : 50) == 0, let point = rounding.round(lp), better(point, than: bestValue) {
            best = point
            bestValue = model.objective.value(in: point)
            found.rounding += 1
        }
        if let start = best ?? incumbent, let startValue = bestValue, subSolve != nil,
           requests - lastRINS >= (startValue != rinsFrom ? rinsSpacing : 10 * rinsSpacing),
           let point = rins(lp: lp, start: start), better(point, than: bestValue) {
            best = point
            bestValue = model.objective.value(in: point)
            found.rins += 1
        }
        // The local search of the rounding (shift, one-opt, swap) on each new incumbent of the search.
        if best == nil, let incumbent, let value, value != polished {
            polished = value
            var point = incumbent
            rounding.improve(&point)
            if better(point, than: bestValue), model.firstViolation(in: point) == nil {
                best = point
                bestValue = model.objective.value(in: point)
                found.localSearch += 1
            }
        }
        if let start = best ?? incumbent, let startValue = bestValue {
            remember(start)
            if var point = neighbourhoodRound(from: start, value: startValue) {
                rounding.improve(&point)
                guard better(point, than: bestValue), model.firstViolation(in: point) == nil else { return best }
                best = point
                remember(point)
            }
        }
        return best
    }

    /// Keeps the latest two distinct incumbents (crossover's parents).
    private func remember(_ point: [Double]) {
        guard point != current else { return }
        previous = current
        current = point
    }

    /// A round of ``neighbourhoods`` from `start` when it is due (see the class summary).
    func neighbourhoodRound(from start: [Double], value: Double) -> [Double]? {
        guard requests >= neighbourhoodStart, var search = neighbourhoods else { return nil }
        defer { neighbourhoods = search }
        let changed = value != roundFrom
        guard requests - lastRound >= (changed ? neighbourhoodSpacing : 10 * neighbourhoodSpacing) else { return nil }
        if changed {
            widening = 1
        } else {
            guard widening < neighbourhoodWidening else { return nil }
            widening += 1
        }
        lastRound = requests
        roundFrom = value
        let other = previous.flatMap { $0 == start ? nil : $0 }
        guard let (point, by) = search.improve(start, other: other, scale: widening) else { return nil }
        for kind in by { neighbourhoodFound[kind, default: 0] += 1 }
        return point
    }

    /// RINS from `start` around the LP point `lp`.
    func rins(lp: [Double], start: [Double]) -> [Double]? {
        guard let subSolve else { return nil }
        lastRINS = requests
        rinsFrom = model.objective.value(in: start)
        var neighbourhood = model
        var free = 0
        for (index, value) in start.enumerated() {
            if abs(value - lp[index]) <= 1e-6, let column = model.variable(at: index) {
                neighbourhood.fix(column, at: value)
            } else {
                free += 1
            }
        }
        guard free > 0, free * 2 < start.count else { return nil }
        var options = SolveOptions()
        options.incumbent = start
        options.strategy = .lastColumnsFirst
        let (nodes, iterations) = (rinsNodes, rinsIterations)
        options.progress = { $0.nodes < nodes && $0.iterations < iterations ? nil : .workLimit }
        guard let solution = try? subSolve(neighbourhood, options), solution.hasSolution,
              solution.values.count == start.count else { return nil }
        let point = solution.values.map { $0.rounded() }
        guard model.firstViolation(in: point) == nil else { return nil }
        return point
    }
}
