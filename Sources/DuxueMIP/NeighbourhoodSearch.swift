/// Large-neighbourhood search around an incumbent, for any all-integer ``Model``: small sub-MIPs, each
/// searched within a node and simplex-iteration budget (a count, never a clock), whose solutions are
/// feasible points of the whole model.
///
/// - **Proximity search** (Fischetti and Monaci): the objective is replaced by the Hamming distance to
///   the incumbent over the 0/1 columns and a row asks for an objective at least ``improvement`` better;
///   the first point the sub-search finds becomes the new centre, for up to ``proximityRounds`` rounds.
///   Where the LP bound is weak and the incumbent nearly optimal (a few customers on the wrong
///   facility), the nearest better point is a few flips away and quick to find.
/// - **Local branching** (Fischetti and Lodi): the original objective within Hamming distance
///   ``radius`` of the incumbent (Σ flips ≤ k), searched from the incumbent.
/// - **Crossover**: the columns on which two different solutions agree are fixed, the rest searched
///   from the better one.
/// - **Reassignment** of two resources: for two rows that hold the 1s of several choice rows (Σ x = 1
///   over binaries: a facility's capacity row holds its customers, an inspector's load row its schools),
///   those choice rows are freed, with every column outside choice rows that shares a row with a freed
///   column (the facilities' opening columns); everything else keeps its incumbent value. The small
///   model left is solved to optimality or its budget: the customers of two facilities redistributed
///   over all facilities, either facility closed or another opened. Pairs are taken in a fixed
///   cyclic order, ``pairsPerRound`` at a time.
///
/// Which neighbourhood found a point is counted in ``NeighbourhoodSearch/Found``. The sub-solver must not
/// run node heuristics of its own; the back end may cut a sub-search short at the user's time limit.
public struct NeighbourhoodSearch: Sendable {
    /// Solves a sub-model (a neighbourhood) with the given options.
    public typealias SubSolve = @Sendable (Model, SolveOptions) throws -> Solution

    /// The neighbourhoods.
    public enum Kind: String, Sendable, CaseIterable {
        /// Nearest better point by Hamming distance.
        case proximity
        /// Best point within Hamming distance k.
        case localBranching = "local_branching"
        /// Columns two solutions agree on fixed.
        case crossover
        /// The choice rows held by two resource rows freed.
        case reassignment
    }

    /// The model searched.
    public let model: Model
    /// Branch-and-bound nodes of one sub-search.
    public var nodes = 300
    /// Simplex iterations of one sub-search.
    public var iterations = 30_000
    /// Local branching's radius: at most this many 0/1 columns change.
    public var radius = 12
    /// Proximity rounds (each recentred on the point found) of one call.
    public var proximityRounds = 8
    /// Reassignment neighbourhoods (pairs of resource rows) searched per round.
    public var pairsPerRound = 40
    /// The pair the next round of reassignments starts from.
    public private(set) var cursor = 0
    /// How much better than the incumbent a proximity point must be: 1 when the objective is integral
    /// on integral points (integer coefficients on integer columns), else a relative 10⁻⁴.
    public let integralObjective: Bool
    private let subSolve: SubSolve
    /// The 0/1 columns (binary, or integer with bounds 0 and 1).
    private let binaries: [Int]
    /// The rows of the model as column lists, and each column's rows.
    private let rowColumns: [[Int]], columnRows: [[Int]]
    /// The choice row of each column (the first, when it is in several), or −1.
    private let choiceRowOf: [Int]

    /// A search over `model`, or `nil` when it has continuous columns or no 0/1 columns.
    public init?(model: Model, subSolve: @escaping SubSolve) {
        guard !model.variables.contains(where: { $0.kind == .continuous }) else { return nil }
        let binaries = model.variables.indices.filter { index in
            let column = model.variables[index]
            return column.kind == .binary || (column.lower == 0 && column.upper == 1)
        }
        guard !binaries.isEmpty else { return nil }
        self.model = model
        self.binaries = binaries
        self.subSolve = subSolve
        var rowColumns: [[Int]] = [], columnRows = [[Int]](repeating: [], count: model.variables.count)
        var choiceRowOf = [Int](repeating: -1, count: model.variables.count)
        for (row, constraint) in model.constraints.enumerated() {
            var merged: [Int: Double] = [:]
            for (variable, coefficient) in constraint.expression.terms { merged[variable.index, default: 0] += coefficient }
            let columns = merged.filter { $0.value != 0 }.keys.sorted()
            rowColumns.append(columns)
            for column in columns { columnRows[column].append(row) }
            let choice = constraint.lower.map { $0 - constraint.expression.constant } == 1
                && constraint.upper.map { $0 - constraint.expression.constant } == 1 && columns.count > 1
                && columns.allSatisfy { merged[$0] == 1 && model.variables[$0].kind == .binary }
            if choice { for column in columns where choiceRowOf[column] < 0 { choiceRowOf[column] = row } }
        }
        self.rowColumns = rowColumns
        self.columnRows = columnRows
        self.choiceRowOf = choiceRowOf
        // Every column is integer here (checked above), so this is the model's own test.
        integralObjective = model.hasIntegralObjective
    }

    /// How much better a point must be than `value` to count.
    func improvement(on value: Double) -> Double {
        integralObjective ? 1 : max(1e-6, 1e-4 * abs(value))
    }

    /// Whether `point` is better than `value` in the model's sense.
    func better(_ point: [Double], than value: Double) -> Bool {
        let objective = model.objective.value(in: point)
        return model.sense == .minimize ? objective < value - 1e-9 : objective > value + 1e-9
    }

    /// The Hamming distance to `centre` over the 0/1 columns, as a linear expression.
    func distance(to centre: [Double]) -> LinearExpression {
        var expression = LinearExpression()
        for index in binaries {
            guard let column = model.variable(at: index) else { continue }
            if centre[index] > 0.5 {
                expression.add(column, -1)
                expression.constant += 1
            } else {
                expression.add(column, 1)
            }
        }
        return expression
    }

    /// Options of one sub-search: `scale` times the budget, stopping at the first solution when asked.
    func budget(scale: Int, firstSolution: Bool, incumbent: [Double]?) -> SolveOptions {
        var options = SolveOptions()
        options.incumbent = incumbent
        options.strategy = firstSolution ? .dive : .lastColumnsFirst
        let (nodes, iterations) = (self.nodes * scale, self.iterations * scale)
        options.progress = { progress in
            if firstSolution, progress.incumbent != nil { return .solutionLimit }
            return progress.nodes < nodes && progress.iterations < iterations ? nil : .workLimit
        }
        return options
    }

    /// Runs a sub-model and returns its point, rounded and checked against the whole model, when it is
    /// better than `value`.
    func solve(_ sub: Model, _ options: SolveOptions, better value: Double) -> [Double]? {
        guard let solution = try? subSolve(sub, options), solution.hasSolution,
              solution.values.count == model.variables.count else { return nil }
        let point = solution.values.map { $0.rounded() }
        guard model.firstViolation(in: point) == nil, better(point, than: value) else { return nil }
        return point
    }

    /// Proximity search from `incumbent`: up to ``proximityRounds`` nearest better points, each the
    /// centre of the next; the last one found, or `nil`.
    public func proximity(from incumbent: [Double], scale: Int = 1) -> [Double]? {
        guard incumbent.count == model.variables.count else { return nil }
        var centre = incumbent, found: [Double]?
        for _ in 0..<proximityRounds {
            let value = model.objective.value(in: centre)
            var sub = model
            sub.setObjective(.minimize, distance(to: centre))
            let step = improvement(on: value)
            if model.sense == .minimize {
                sub.addConstraint("proximity_cutoff", model.objective, lessOrEqual: value - step)
            } else {
                sub.addConstraint("proximity_cutoff", model.objective, greaterOrEqual: value + step)
            }
            guard let point = solve(sub, budget(scale: scale, firstSolution: true, incumbent: nil), better: value)
            else { break }
            centre = point
            found = point
        }
        return found
    }

    /// The best point within Hamming distance `radius` of `incumbent` that the budget finds, when better.
    public func localBranching(from incumbent: [Double], radius: Int? = nil, scale: Int = 1) -> [Double]? {
        guard incumbent.count == model.variables.count else { return nil }
        var sub = model
        sub.addConstraint("local_branching", distance(to: incumbent), lessOrEqual: Double(radius ?? self.radius))
        return solve(sub, budget(scale: scale, firstSolution: false, incumbent: incumbent),
                     better: model.objective.value(in: incumbent))
    }

    /// The best point the budget finds with every column on which `best` and `other` agree fixed, when
    /// better than `best`; `nil` also when they agree everywhere.
    public func crossover(_ best: [Double], _ other: [Double], scale: Int = 1) -> [Double]? {
        guard best.count == model.variables.count, other.count == best.count else { return nil }
        var sub = model, free = 0
        for index in best.indices {
            if abs(best[index] - other[index]) <= 1e-6, let column = model.variable(at: index) {
                sub.fix(column, at: best[index])
            } else {
                free += 1
            }
        }
        guard free > 0 else { return nil }
        return solve(sub, budget(scale: scale, firstSolution: false, incumbent: best),
                     better: model.objective.value(in: best))
    }

    /// The resource rows of `incumbent`: rows other than choice rows that hold the 1s of at least two
    /// choice rows, in row order, with those choice rows.
    func resources(of incumbent: [Double]) -> [(row: Int, choices: [Int])] {
        var found: [(row: Int, choices: [Int])] = []
        for (row, columns) in rowColumns.enumerated() where !columns.contains(where: { choiceRowOf[$0] == row }) {
            var choices: [Int] = []
            for column in columns where incumbent[column] > 0.5 && choiceRowOf[column] >= 0 {
                choices.append(choiceRowOf[column])
            }
            if choices.count >= 2 { found.append((row, choices)) }
        }
        return found
    }

    /// The best point the budget finds with the choice rows held by resource rows `first` and `second`
    /// freed (see the type's summary), when better than `incumbent`.
    public func reassignment(from incumbent: [Double], freeing choices: [Int]) -> [Double]? {
        guard incumbent.count == model.variables.count else { return nil }
        var free = [Bool](repeating: false, count: model.variables.count)
        for choice in choices {
            for column in rowColumns[choice] {
                free[column] = true
                for row in columnRows[column] {
                    for other in rowColumns[row] where choiceRowOf[other] < 0 { free[other] = true }
                }
            }
        }
        var sub = model
        for index in incumbent.indices where !free[index] {
            guard let column = model.variable(at: index) else { continue }
            sub.fix(column, at: incumbent[index])
        }
        // No incumbent given, so that the back end may presolve the fixed columns away.
        return solve(sub, budget(scale: 1, firstSolution: false, incumbent: nil), better: model.objective.value(in: incumbent))
    }

    /// Up to ``pairsPerRound`` reassignment neighbourhoods from `incumbent`, pairs of its resource rows
    /// taken in order from the pair numbered `cursor` (cyclically), each from the best point so far.
    /// Returns the best point (or `nil`) and the cursor to go on from.
    public func reassignments(from incumbent: [Double], cursor: Int) -> (point: [Double]?, cursor: Int) {
        let resources = resources(of: incumbent)
        let count = resources.count * (resources.count - 1) / 2
        guard count > 0 else { return (nil, cursor) }
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(count)
        for a in resources.indices { for b in (a + 1)..<resources.count { pairs.append((a, b)) } }
        var best = incumbent, found = false, next = cursor
        for _ in 0..<min(pairsPerRound, count) {
            let (a, b) = pairs[next % count]
            next += 1
            let choices = Array(Set(resources[a].choices + resources[b].choices)).sorted()
            if let point = reassignment(from: best, freeing: choices) {
                best = point
                found = true
            }
        }
        return (found ? best : nil, next % count)
    }

    /// One round around `incumbent`: reassignments (``pairsPerRound`` pairs, going on from where the
    /// last round stopped), proximity, local branching, then crossover with `other` when given, each
    /// from the best point so far. Returns the best point found and the neighbourhoods that improved
    /// it, or `nil` when none did. `scale` multiplies the budgets and the radius (a caller that comes
    /// back to the same incumbent widens the search).
    public mutating func improve(_ incumbent: [Double], other: [Double]? = nil, scale: Int = 1) -> (point: [Double], by: [Kind])? {
        var best = incumbent, by: [Kind] = []
        if pairsPerRound > 0 {
            let (point, next) = reassignments(from: best, cursor: cursor)
            cursor = next
            if let point {
                best = point
                by.append(.reassignment)
            }
        }
        if proximityRounds > 0, let point = proximity(from: best, scale: scale) {
            best = point
            by.append(.proximity)
        }
        if radius > 0, let point = localBranching(from: best, radius: radius * scale, scale: scale) {
            best = point
            by.append(.localBranching)
        }
        if let other, let point = crossover(best, other, scale: scale) {
            best = point
            by.append(.crossover)
        }
        return by.isEmpty ? nil : (best, by)
    }
}
