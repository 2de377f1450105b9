import DuxueGLPK
import DuxueMIP
import Testing

/// Taking fixed columns out of a model, on models worked by hand.
@Suite("Model reduction")
struct ModelReductionTests {
    /// min 2x + 3y + 4z subject to x + y + z ≥ 2 and y − z ≤ 0, binaries.
    static func pick() -> (Model, [Variable]) {
        var model = Model(name: "pick")
        let columns = ["x", "y", "z"].map { model.addVariable($0, kind: .binary) }
        model.addConstraint("pick", LinearExpression.sum(columns), greaterOrEqual: 2)
        model.addConstraint("link", LinearExpression([(columns[1], 1), (columns[2], -1)]), lessOrEqual: 0)
        model.setObjective(.minimize, LinearExpression([(columns[0], 2), (columns[1], 3), (columns[2], 4)]))
        return (model, columns)
    }

    @Test func aFixedColumnMovesIntoTheRowsAndTheObjective() throws {
        var (model, columns) = Self.pick()
        model.fix(columns[2], at: 1)
        let reduction = try #require(ModelReduction(model))
        #expect(!reduction.infeasible)
        #expect(reduction.kept == [0, 1])
        // pick: x + y ≥ 1; link: y − 1 ≤ 0 has one column left and is y's upper bound 1.
        #expect(reduction.reduced.constraints.count == 1)
        #expect(reduction.reduced.constraints.first?.lower == 1)
        #expect(reduction.reduced.objective.constant == 4)
        let solution = try GLPKSolver().solve(reduction.reduced, options: SolveOptions())
        #expect(solution.objective == 6)
        #expect(reduction.expand(solution.values) == [1, 0, 1])
        #expect(reduction.restrict([1, 0, 1]) == [1, 0])
        // The whole model's optimum with z fixed is the same.
        #expect(try GLPKSolver().solve(model, options: SolveOptions()).objective == 6)
    }

    @Test func aRowOfOneColumnBecomesItsBoundsRoundedInward() throws {
        var model = Model(name: "round")
        let w = model.addVariable("w", kind: .integer, lower: 0, upper: 10)
        let x = model.addVariable("x", kind: .binary)
        let v = model.addVariable("v", kind: .integer, lower: 0, upper: 10)
        model.addConstraint("cap", LinearExpression([(w, 2), (x, 5)]), lessOrEqual: 12)
        model.addConstraint("floor", LinearExpression([(v, -3), (x, 1)]), lessOrEqual: -4)
        model.addConstraint("pair", LinearExpression([(w, 1), (v, 1)]), lessOrEqual: 20)
        model.fix(x, at: 1)
        let reduction = try #require(ModelReduction(model))
        // 2w ≤ 7 → w ≤ 3; −3v ≤ −5 → v ≥ 5/3 → v ≥ 2.
        #expect(reduction.reduced.variables.map(\.upper) == [3, 10])
        #expect(reduction.reduced.variables.map(\.lower) == [0, 2])
        #expect(reduction.reduced.constraints.map(\.name) == ["pair"])
    }

    @Test func aRowNoFreeColumnCanMeetShowsTheModelInfeasible() throws {
        var (model, columns) = Self.pick()
        for column in columns { model.fix(column, at: 0) }
        let reduction = try #require(ModelReduction(model))
        #expect(reduction.infeasible)
        #expect(reduction.reduced.variables.isEmpty)
    }

    @Test func aModelWithNothingFixedIsNotReduced() {
        #expect(ModelReduction(Self.pick().0) == nil)
    }
}
