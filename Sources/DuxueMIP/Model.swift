/// A variable of a ``Model``: an index into its column list.
public struct Variable: Hashable, Sendable, Comparable {
    /// Zero-based position of the variable in ``Model/variables``.
    public let index: Int

    /// Orders variables by index.
    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

/// The domain of a variable.
public enum VariableKind: Sendable, Equatable {
    /// Any real value within the bounds.
    case continuous
    /// Any integer within the bounds.
    case integer
    /// 0 or 1.
    case binary
}

/// A column of the model: its name, kind and bounds (`nil` = unbounded on that side).
public struct VariableDefinition: Sendable, Equatable {
    /// Name shown in exported models; unique within a model.
    public var name: String
    /// Continuous, integer or binary.
    public var kind: VariableKind
    /// Lower bound, or `nil` for minus infinity.
    public var lower: Double?
    /// Upper bound, or `nil` for plus infinity.
    public var upper: Double?
}

/// Σ coefficient·variable + constant, kept as a sparse list of terms.
public struct LinearExpression: Sendable, Equatable {
    /// The terms; a variable may appear more than once (merged when the model is loaded).
    public var terms: [(Variable, Double)]
    /// The constant part.
    public var constant: Double

    /// An expression with the given terms and constant.
    public init(_ terms: [(Variable, Double)] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    /// Σ variables, each with coefficient 1.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        LinearExpression(variables.map { ($0, 1.0) })
    }

    /// Value of the expression under a solution's column values.
    public func value(in values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.1 * values[$1.0.index] }
    }

    /// Compares terms and constants exactly.
    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> Bool {
        lhs.constant == rhs.constant && lhs.terms.count == rhs.terms.count
            && zip(lhs.terms, rhs.terms).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Appends `coefficient · variable`.
    public mutating func add(_ variable: Variable, _ coefficient: Double = 1) {
        terms.append((variable, coefficient))
    }

    /// Appends every term of another expression, scaled.
    public mutating func add(_ other: LinearExpression, scaledBy factor: Double = 1) {
        terms.append(contentsOf: other.terms.map { ($0.0, $0.1 * factor) })
        constant += other.constant * factor
    }

    /// Sum of two expressions.
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs)
        return result
    }

    /// Difference of two expressions.
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs, scaledBy: -1)
        return result
    }

    /// Expression scaled by a number.
    public static func * (factor: Double, expression: LinearExpression) -> LinearExpression {
        LinearExpression(expression.terms.map { ($0.0, $0.1 * factor) }, constant: expression.constant * factor)
    }
}

/// A row: `lower ≤ expression ≤ upper` with either side optional.
public struct Constraint: Sendable, Equatable {
    /// Name shown in exported models; unique within a model.
    public var name: String
    /// The left-hand side (its constant is moved to the bounds when loading).
    public var expression: LinearExpression
    /// Lower bound, or `nil`.
    public var lower: Double?
    /// Upper bound, or `nil`.
    public var upper: Double?
}

/// Direction of optimisation.
public enum ObjectiveSense: Sendable, Equatable {
    /// Smallest value first.
    case minimize
    /// Largest value first.
    case maximize
}

/// A mixed-integer linear programme, independent of any solver.
public struct Model: Sendable {
    /// Name of the model, written into exported files.
    public var name: String
    /// The columns, in index order.
    public private(set) var variables: [VariableDefinition] = []
    /// The rows, in order of addition.
    public private(set) var constraints: [Constraint] = []
    /// Minimise or maximise.
    public var sense: ObjectiveSense = .minimize
    /// The objective function.
    public var objective = LinearExpression()

    /// An empty model.
    public init(name: String) {
        self.name = name
    }

    /// Adds a column and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind = .continuous, lower: Double? = 0, upper: Double? = nil
    ) -> Variable {
        let bounds: (Double?, Double?) = kind == .binary ? (0, 1) : (lower, upper)
        variables.append(VariableDefinition(name: name, kind: kind, lower: bounds.0, upper: bounds.1))
        return Variable(index: variables.count - 1)
    }

    /// Adds `expression ≤ bound`.
    public mutating func addConstraint(_ name: String, _ expression: LinearExpression, lessOrEqual bound: Double) {
        constraints.append(Constraint(name: name, expression: expression, lower: nil, upper: bound))
    }

    /// Adds `expression ≥ bound`.
    public mutating func addConstraint(_ name: String, _ expression: LinearExpression, greaterOrEqual bound: Double) {
        constraints.append(Constraint(name: name, expression: expression, lower: bound, upper: nil))
    }

    /// Adds `expression = value`.
    public mutating func addConstraint(_ name: String, _ expression: LinearExpression, equal value: Double) {
        constraints.append(Constraint(name: name, expression: expression, lower: value, upper: value))
    }

    /// Sets the objective.
    public mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        objective = expression
    }

    /// The handle of column `index`, or `nil` when the model has no such column.
    public func variable(at index: Int) -> Variable? {
        variables.indices.contains(index) ? Variable(index: index) : nil
    }

    /// Tightens a variable's bounds (used to fix values between solves).
    public mutating func setBounds(_ variable: Variable, lower: Double?, upper: Double?) {
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    /// Fixes a column at `value` for a sub-search (a neighbourhood): both bounds at `value`. A binary
    /// column stays binary; the GLPK back end keeps its fixing (until 2026-12-02 it gave every binary
    /// column the bounds 0 and 1 whatever the model said, and neighbourhoods were the whole model).
    public mutating func fix(_ variable: Variable, at value: Double) {
        setBounds(variable, lower: value, upper: value)
    }

    /// The bound on the objective that the columns' own bounds give, with no row considered (Σ c·l over
    /// positive coefficients and Σ c·u over negative ones when minimising, the reverse when maximising):
    /// a solution that reaches it is optimal with no LP at all (no recruits, no crossings). `nil` when a
    /// column the objective needs is unbounded that way.
    public var columnBound: Double? {
        var merged: [Int: Double] = [:]
        for (variable, coefficient) in objective.terms { merged[variable.index, default: 0] += coefficient }
        var bound = objective.constant
        for (index, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
            let towardsLower = (coefficient > 0) == (sense == .minimize)
            guard let limit = towardsLower ? variables[index].lower : variables[index].upper else { return nil }
            bound += coefficient * limit
        }
        return bound
    }

    /// Whether every point's objective is a whole number: integer columns only, whole coefficients and
    /// constant. A better solution is then at least one unit better.
    public var hasIntegralObjective: Bool {
        !variables.contains { $0.kind == .continuous }
            && objective.terms.allSatisfy { $0.1 == $0.1.rounded() } && objective.constant == objective.constant.rounded()
    }

    /// The objective value a solution strictly better than one of `value` reaches at worst: one unit
    /// better with an integral objective (``hasIntegralObjective``), else `value` itself.
    public func cutoff(betterThan value: Double) -> Double {
        guard hasIntegralObjective else { return value }
        return sense == .minimize ? value - 1 : value + 1
    }

    /// `point` with its integer columns rounded to the nearest whole number (a back end's values are
    /// integral only within its tolerance, and GLPK refuses an offered point off the lattice).
    public func roundedToIntegers(_ point: [Double]) -> [Double] {
        point.indices.map { variables.indices.contains($0) && variables[$0].kind != .continuous ? point[$0].rounded() : point[$0] }
    }

    /// Number of nonzero coefficients in the constraint matrix (before merging repeated terms).
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.expression.terms.count } }

    /// The name of the first bound, integrality or row that `values` violates by more than
    /// `tolerance`, or `nil` when the point is feasible (solvers such as GLPK trust injected points).
    public func firstViolation(in values: [Double], tolerance: Double = 1e-6) -> String? {
        guard values.count == variables.count else { return "expected \(variables.count) values, got \(values.count)" }
        for (index, variable) in variables.enumerated() {
            let value = values[index]
            if let lower = variable.lower, value < lower - tolerance { return "column \(variable.name) below its lower bound" }
            if let upper = variable.upper, value > upper + tolerance { return "column \(variable.name) above its upper bound" }
            if variable.kind != .continuous, abs(value - value.rounded()) > tolerance { return "column \(variable.name) not integral" }
        }
        for constraint in constraints {
            let value = constraint.expression.value(in: values)
            if let lower = constraint.lower, value < lower - tolerance { return "row \(constraint.name) below \(lower)" }
            if let upper = constraint.upper, value > upper + tolerance { return "row \(constraint.name) above \(upper)" }
        }
        return nil
    }
}
