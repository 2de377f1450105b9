/// A model with its fixed columns taken out: each fixed column's value moves into the rows' bounds and
/// the objective's constant, a row left with one column becomes that column's bounds (rounded inward for
/// an integer column), and a row left with none is dropped (it holds, or the model is infeasible). The
/// smaller model has the same optimum, and its points map back to the whole model's.
///
/// A search restarted on a model that reduced-cost fixing has mostly fixed (``RestartSearch``) keeps its
/// incumbent and its node heuristics this way, which the back end's own presolver would renumber away.
public struct ModelReduction: Sendable {
    /// The smaller model: the kept columns in their order, the rows that still have two or more columns.
    public let reduced: Model
    /// The whole model's column index of each reduced column.
    public let kept: [Int]
    /// The whole model's point with every fixed column at its value (the others at 0).
    let template: [Double]
    /// Whether a dropped row or a column's bounds showed the model to have no solution.
    public let infeasible: Bool

    /// Reduces `model`; `nil` when no column is fixed (nothing to gain).
    public init?(_ model: Model) {
        let fixed = model.variables.map { column -> Double? in
            guard let lower = column.lower, let upper = column.upper, lower == upper else { return nil }
            return lower
        }
        guard fixed.contains(where: { $0 != nil }) else { return nil }
        var bounds = model.variables.map { ($0.lower, $0.upper) }
        // An integer column fixed off the integers has no value at all.
        var infeasible = zip(model.variables, fixed).contains { column, value in
            column.kind != .continuous && value.map { abs($0 - $0.rounded()) > 1e-9 } == true
        }
        var rows: [(Constraint, [(Int, Double)])] = []
        for constraint in model.constraints {
            var merged: [Int: Double] = [:]
            for (variable, coefficient) in constraint.expression.terms { merged[variable.index, default: 0] += coefficient }
            var shift = constraint.expression.constant
            var free: [(Int, Double)] = []
            for (index, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
                if let value = fixed[index] { shift += coefficient * value } else { free.append((index, coefficient)) }
            }
            let lower = constraint.lower.map { $0 - shift }, upper = constraint.upper.map { $0 - shift }
            let tolerance = 1e-9 * max(1, abs(shift))
            switch free.count {
            case 0:
                if let lower, lower > tolerance { infeasible = true }
                if let upper, upper < -tolerance { infeasible = true }
            case 1:
                // a·x ∈ [lower, upper] as bounds of x.
                let (index, a) = free[0]
                var low = (a > 0 ? lower : upper).map { $0 / a }, high = (a > 0 ? upper : lower).map { $0 / a }
                if model.variables[index].kind != .continuous {
                    low = low.map { ($0 - 1e-9).rounded(.up) }
                    high = high.map { ($0 + 1e-9).rounded(.down) }
                }
                if let low { bounds[index].0 = max(bounds[index].0 ?? low, low) }
                if let high { bounds[index].1 = min(bounds[index].1 ?? high, high) }
            default:
                var row = constraint
                row.expression = LinearExpression(free.map { (Variable(index: $0.0), $0.1) })
                row.lower = lower
                row.upper = upper
                rows.append((row, free))
            }
        }
        var reduced = Model(name: model.name)
        var kept: [Int] = [], newIndex = [Int](repeating: -1, count: model.variables.count)
        for (index, column) in model.variables.enumerated() where fixed[index] == nil {
            let (lower, upper) = bounds[index]
            if let lower, let upper, lower > upper + 1e-9 { infeasible = true }
            newIndex[index] = kept.count
            kept.append(index)
            let variable = reduced.addVariable(column.name, kind: column.kind)
            reduced.setBounds(variable, lower: lower, upper: upper)
        }
        for (row, free) in rows {
            let expression = LinearExpression(free.map { (Variable(index: newIndex[$0.0]), $0.1) })
            switch (row.lower, row.upper) {
            case (let lower?, let upper?) where lower == upper: reduced.addConstraint(row.name, expression, equal: lower)
            case (let lower?, let upper?):
                reduced.addConstraint(row.name, expression, greaterOrEqual: lower)
                reduced.addConstraint(row.name, expression, lessOrEqual: upper)
            case (let lower?, nil): reduced.addConstraint(row.name, expression, greaterOrEqual: lower)
            case (nil, let upper?): reduced.addConstraint(row.name, expression, lessOrEqual: upper)
            case (nil, nil): break
            }
        }
        var objective = LinearExpression(constant: model.objective.constant)
        for (variable, coefficient) in model.objective.terms {
            if let value = fixed[variable.index] { objective.constant += coefficient * value }
            else { objective.add(Variable(index: newIndex[variable.index]), coefficient) }
        }
        reduced.setObjective(model.sense, objective)
        self.reduced = reduced
        self.kept = kept
        self.infeasible = infeasible
        template = fixed.map { $0 ?? 0 }
    }

    /// The whole model's point for a point of the reduced one.
    public func expand(_ point: [Double]) -> [Double] {
        var whole = template
        for (offset, index) in kept.enumerated() where offset < point.count { whole[index] = point[offset] }
        return whole
    }

    /// Values of the reduced model's columns (reduced costs, say) spread over the whole model's columns,
    /// `filling` at each fixed column.
    public func spread(_ values: [Double], filling: Double) -> [Double] {
        var whole = [Double](repeating: filling, count: template.count)
        for (offset, index) in kept.enumerated() where offset < values.count { whole[index] = values[offset] }
        return whole
    }

    /// The reduced model's point for a point of the whole one (0 for a column the point does not reach).
    public func restrict(_ point: [Double]) -> [Double] {
        kept.map { $0 < point.count ? point[$0] : 0 }
    }
}
