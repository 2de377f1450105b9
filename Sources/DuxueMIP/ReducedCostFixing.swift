/// Reduced-cost fixing from an LP relaxation's optimum: the bounds every solution at least as good as a
/// cutoff must keep to, so that a search for such solutions may drop the rest of the box.
///
/// Write the objective as a minimisation (a maximisation negated). At the LP optimum with value L and
/// reduced costs d, every point x of the relaxation has
///
///     objective(x) ≥ L + Σ_{j at its lower bound lⱼ} dⱼ (xⱼ − lⱼ) + Σ_{j at its upper bound uⱼ} dⱼ (xⱼ − uⱼ),
///
/// with every term ≥ 0. A solution with objective ≤ `cutoff` therefore has, for an integer column at its
/// lower bound with dⱼ > 0, xⱼ ≤ lⱼ + ⌊(cutoff − L) / dⱼ⌋; at its upper bound with dⱼ < 0,
/// xⱼ ≥ uⱼ − ⌊(cutoff − L) / |dⱼ|⌋. A 0/1 column whose |dⱼ| exceeds the gap is fixed. The incumbent itself
/// (objective = cutoff) keeps to the new bounds, so a search of the tightened model may start from it, and
/// its optimum is the whole model's whenever that optimum is at or better than the cutoff.
public struct ReducedCostFixing: Sendable {
    /// One integer column that the LP optimum holds at a bound with a nonzero reduced cost.
    struct Candidate: Sendable {
        /// The column's index.
        var index: Int
        /// The bound the LP holds it at.
        var at: Double
        /// The reduced cost in minimisation terms, as a magnitude (> 0).
        var cost: Double
        /// Whether it sits at its lower bound (the cut bounds it from above), else at its upper.
        var atLower: Bool
    }

    /// The LP relaxation's optimum, in the model's sense.
    public let bound: Double
    /// The model's sense.
    public let sense: ObjectiveSense
    /// The candidates, in column order.
    let candidates: [Candidate]
    /// The columns' own bounds.
    let lower: [Double?], upper: [Double?]

    /// The fixing that the optimal LP relaxation `relaxation` of `model` allows, or `nil` when it is not
    /// an optimum or has no reduced costs.
    public init?(model: Model, relaxation: Solution) {
        guard relaxation.termination == .optimal, relaxation.hasSolution, let reducedCosts = relaxation.reducedCosts
        else { return nil }
        self.init(model: model, objective: relaxation.objective, values: relaxation.values, reducedCosts: reducedCosts)
    }

    /// The fixing that a search's root LP after its cuts allows (a relaxation of `model` or of a model
    /// with the same columns and tighter bounds), or `nil` when it does not fit the model.
    public init?(model: Model, root: RootRelaxation) {
        self.init(model: model, objective: root.objective, values: root.values, reducedCosts: root.reducedCosts)
    }

    /// The fixing of an optimal LP over `model`'s columns with value `objective`, point `values` and
    /// reduced costs `reducedCosts` (in the objective's sense); only columns that the LP holds at one of
    /// `model`'s own bounds with a reduced cost of the optimal sign are fixed.
    public init?(model: Model, objective: Double, values: [Double], reducedCosts: [Double]) {
        guard reducedCosts.count == model.variables.count, values.count == model.variables.count, objective.isFinite
        else { return nil }
        let sign: Double = model.sense == .minimize ? 1 : -1
        var candidates: [Candidate] = []
        for (index, column) in model.variables.enumerated() where column.kind != .continuous {
            let value = values[index], cost = sign * reducedCosts[index]
            // Only reduced costs clearly away from zero, of the sign an optimum allows at that bound.
            if let lower = column.lower, abs(value - lower) <= 1e-9, cost > 1e-7 {
                candidates.append(Candidate(index: index, at: lower, cost: cost, atLower: true))
            } else if let upper = column.upper, abs(value - upper) <= 1e-9, cost < -1e-7 {
                candidates.append(Candidate(index: index, at: upper, cost: -cost, atLower: false))
            }
        }
        self.candidates = candidates
        bound = objective
        sense = model.sense
        lower = model.variables.map(\.lower)
        upper = model.variables.map(\.upper)
    }

    /// The gap `cutoff` leaves above the LP bound, in minimisation terms, widened by a tolerance so that
    /// rounding in the LP never cuts off a solution at the cutoff; `nil` when the cutoff is below the bound
    /// (then no solution that good exists, which is a proof for the caller, not a fixing).
    func gap(to cutoff: Double) -> Double? {
        let gap = (sense == .minimize ? cutoff - bound : bound - cutoff) + 1e-6 * max(1, abs(bound))
        return gap >= 0 ? gap : nil
    }

    /// How many columns the fixing for `cutoff` moves off their own bounds (fixes, for 0/1 columns).
    public func tightenedCount(cutoff: Double) -> Int {
        tightenedColumns(cutoff: cutoff).count
    }

    /// The columns the fixing for `cutoff` moves off their own bounds.
    public func tightenedColumns(cutoff: Double) -> [Int] {
        guard let gap = gap(to: cutoff) else { return [] }
        return tightenings(gap: gap).map(\.index)
    }

    /// The new bounds (column index, lower, upper) of every column that a solution with objective at or
    /// better than `cutoff` must keep to, where they are tighter than the column's own.
    public func tightenings(cutoff: Double) -> [(index: Int, lower: Double, upper: Double)] {
        guard let gap = gap(to: cutoff) else { return [] }
        return tightenings(gap: gap)
    }

    func tightenings(gap: Double) -> [(index: Int, lower: Double, upper: Double)] {
        var found: [(index: Int, lower: Double, upper: Double)] = []
        for candidate in candidates {
            let steps = (gap / candidate.cost + 1e-9).rounded(.down)
            guard steps < 1e9 else { continue }
            if candidate.atLower {
                let limit = candidate.at + steps
                if upper[candidate.index].map({ limit < $0 }) ?? true { found.append((candidate.index, candidate.at, limit)) }
            } else {
                let limit = candidate.at - steps
                if lower[candidate.index].map({ limit > $0 }) ?? true { found.append((candidate.index, limit, candidate.at)) }
            }
        }
        return found
    }

    /// `model` with the bounds of ``tightenings(cutoff:)`` (the model this fixing was made from, or one
    /// with the same columns). A column whose new bounds would exclude `point` (the incumbent at the
    /// cutoff, which the arithmetic keeps unless the LP's reduced costs are off by more than the
    /// tolerance) keeps its own.
    public func tightened(_ model: Model, cutoff: Double, keeping point: [Double]? = nil) -> Model {
        var tightened = model
        for (index, lower, upper) in tightenings(cutoff: cutoff) {
            guard let column = model.variable(at: index) else { continue }
            if let point, point.indices.contains(index), point[index] < lower - 1e-6 || point[index] > upper + 1e-6 { continue }
            // Within the bounds the model already has (another fixing may have tightened them further).
            let own = model.variables[index]
            tightened.setBounds(column, lower: max(own.lower ?? lower, lower), upper: min(own.upper ?? upper, upper))
        }
        return tightened
    }
}
