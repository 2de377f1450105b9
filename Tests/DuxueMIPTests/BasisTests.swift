import DuxueGLPK
import DuxueMIP
import Testing

/// LP bases carried from one lexicographic level to the next (``SolveOptions/basis``,
/// ``Solution/basis``) and the bound the columns alone give (``Model/columnBound``).
@Suite("LP bases and column bounds")
struct BasisTests {
    /// A transport LP: supplies 4 and 6 to demands 5 and 5 at costs (1, 3 / 2, 1): the optimum ships
    /// 4 on (0,0), 1 on (1,0), 5 on (1,1) for 4 + 2 + 5 = 11.
    static func transport(_ kind: VariableKind = .continuous) -> (Model, [Variable]) {
        var model = Model(name: "transport")
        let x = (0..<4).map { model.addVariable("x\($0)", kind: kind, lower: 0, upper: 10) }
        model.addConstraint("s0", LinearExpression([(x[0], 1), (x[1], 1)]), lessOrEqual: 4)
        model.addConstraint("s1", LinearExpression([(x[2], 1), (x[3], 1)]), lessOrEqual: 6)
        model.addConstraint("d0", LinearExpression([(x[0], 1), (x[2], 1)]), equal: 5)
        model.addConstraint("d1", LinearExpression([(x[1], 1), (x[3], 1)]), equal: 5)
        model.setObjective(.minimize, LinearExpression([(x[0], 1), (x[1], 3), (x[2], 2), (x[3], 1)]))
        return (model, x)
    }

    /// An LP returns its optimal basis (one status per row and column, as many basic as rows); the
    /// next level's model — one row appended, another objective — started from it reaches the same
    /// optimum as a cold start: max x0 + x3 with the cost held at 11 gives 4 + 5 = 9.
    @Test func anLPBasisStartsTheNextLevel() throws {
        var (model, x) = Self.transport()
        var options = SolveOptions()
        options.relaxation = true
        let first = try GLPKSolver().solve(model, options: options)
        #expect(first.objective == 11)
        let basis = try #require(first.basis)
        #expect(basis.rows.count == 4 && basis.columns.count == 4)
        let basic = basis.rows.filter { $0 == .basic }.count + basis.columns.filter { $0 == .basic }.count
        #expect(basic == 4)
        model.addConstraint("fix", model.objective, lessOrEqual: 11)
        model.setObjective(.maximize, LinearExpression([(x[0], 1), (x[3], 1)]))
        let cold = try GLPKSolver().solve(model, options: options)
        options.basis = basis
        let warm = try GLPKSolver().solve(model, options: options)
        #expect(cold.objective == 9)
        #expect(warm.objective == 9)
        #expect(warm.basis?.rows.count == 5)
    }

    /// The basis is used: with a zero objective every feasible basis is optimal, so the simplex started
    /// from the basis of the dearest shipment (x1 = 4, x2 = 5, x3 = 1: cost 23) stops where it is, while
    /// a cold start ends at the vertex its own phase 1 finds, another one.
    @Test func aZeroObjectiveStopsAtTheBasisItIsGiven() throws {
        var (model, x) = Self.transport()
        model.setObjective(.maximize, LinearExpression([(x[0], 1), (x[1], 3), (x[2], 2), (x[3], 1)]))
        var options = SolveOptions()
        options.relaxation = true
        let first = try GLPKSolver().solve(model, options: options)
        #expect(first.objective == 23)
        model.setObjective(.minimize, LinearExpression())
        let cold = try GLPKSolver().solve(model, options: options)
        options.basis = first.basis
        let warm = try GLPKSolver().solve(model, options: options)
        #expect(warm.values == first.values)
        #expect(cold.values != first.values, "the cold start must end elsewhere for this test to mean anything")
    }

    /// A basis GLPK refuses (every column basic: more basic variables than rows) or one of another
    /// model's columns is not used: the LP is solved from GLPK's own start, to the same optimum.
    @Test func aBasisGLPKRefusesFallsBackToItsOwn() throws {
        let (model, _) = Self.transport()
        var options = SolveOptions()
        options.relaxation = true
        options.basis = LPBasis(rows: Array(repeating: .basic, count: 4), columns: Array(repeating: .basic, count: 4))
        #expect(try GLPKSolver().solve(model, options: options).objective == 11)
        options.basis = LPBasis(rows: [], columns: [.basic])
        #expect(try GLPKSolver().solve(model, options: options).objective == 11)
        // And a MIP started from a basis (no presolve, the incumbent path) reaches the same optimum.
        let (mip, _) = Self.transport(.integer)
        var relaxation = SolveOptions()
        relaxation.relaxation = true
        options.relaxation = false
        options.basis = try GLPKSolver().solve(mip, options: relaxation).basis
        #expect(options.basis != nil)
        options.incumbent = [4, 0, 1, 5]
        #expect(try GLPKSolver().solve(mip, options: options).objective == 11)
    }

    /// The bound the columns alone give: minimising 2a − 3b + 4 with a ∈ [1, 5], b ∈ [0, 2] gives
    /// 2 − 6 + 4 = 0; maximising the same, 10 + 4 = 14; an unbounded column the objective needs gives
    /// none.
    @Test func columnBound() {
        var model = Model(name: "bounds")
        let a = model.addVariable("a", kind: .integer, lower: 1, upper: 5)
        let b = model.addVariable("b", kind: .integer, lower: 0, upper: 2)
        model.setObjective(.minimize, LinearExpression([(a, 2), (b, -3)], constant: 4))
        #expect(model.columnBound == 0)
        model.setObjective(.maximize, LinearExpression([(a, 2), (b, -3)], constant: 4))
        #expect(model.columnBound == 14)
        let c = model.addVariable("c", kind: .integer, lower: 0, upper: nil)
        model.setObjective(.maximize, LinearExpression([(c, 1)]))
        #expect(model.columnBound == nil)
    }
}
