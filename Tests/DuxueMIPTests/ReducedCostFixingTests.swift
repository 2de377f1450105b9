import DuxueGLPK
import DuxueMIP
import Testing

/// Reduced-cost fixing and the search that restarts on it, on models worked by hand.
@Suite("Reduced-cost fixing")
struct ReducedCostFixingTests {
    /// min 3a + 5b + 10c subject to a + b + c ≥ 1, binaries. The LP optimum is a = 1 with value 3; the
    /// row's dual is 3, so b and c sit at 0 with reduced costs 2 and 7.
    static func cover() -> (Model, [Variable]) {
        var model = Model(name: "cover")
        let columns = ["a", "b", "c"].map { model.addVariable($0, kind: .binary) }
        model.addConstraint("cover", LinearExpression.sum(columns), greaterOrEqual: 1)
        model.setObjective(.minimize, LinearExpression([(columns[0], 3), (columns[1], 5), (columns[2], 10)]))
        return (model, columns)
    }

    @Test func glpkGivesTheLPsReducedCosts() throws {
        let (model, _) = Self.cover()
        var options = SolveOptions()
        options.relaxation = true
        let relaxation = try GLPKSolver().solve(model, options: options)
        #expect(relaxation.objective == 3)
        let costs = try #require(relaxation.reducedCosts)
        #expect(costs.map { ($0 * 1e6).rounded() / 1e6 } == [0, 2, 7])
    }

    @Test func aColumnWhoseReducedCostExceedsTheGapIsFixed() throws {
        let (model, _) = Self.cover()
        var options = SolveOptions()
        options.relaxation = true
        let fixing = try #require(ReducedCostFixing(model: model, relaxation: try GLPKSolver().solve(model, options: options)))
        // Cutoff 5 (the incumbent b = 1): gap 2; c (7) is fixed at 0, b (2) may still move one step.
        #expect(fixing.tightenings(cutoff: 5).map(\.index) == [2])
        // Cutoff 4: gap 1; b and c are both fixed at 0.
        #expect(fixing.tightenings(cutoff: 4).map(\.index) == [1, 2])
        #expect(fixing.tightenedCount(cutoff: 4) == 2)
        // Cutoff 10: gap 7 fits c's step (within the tolerance): nothing is fixed.
        #expect(fixing.tightenings(cutoff: 10).isEmpty)
        // A cutoff below the LP bound is no fixing (no such solution exists).
        #expect(fixing.tightenings(cutoff: 2).isEmpty)
        let tightened = fixing.tightened(model, cutoff: 4)
        #expect(tightened.variables.map(\.upper) == [1, 0, 0])
    }

    /// A maximisation, a column at its upper bound and a general integer column, with reduced costs
    /// given by hand: max 4x + y with x ∈ [0, 3] at 3 (reduced cost 4) and y ∈ [0, 10] at 0 (−1).
    @Test func boundsMoveByWholeStepsInTheModelsSense() throws {
        var model = Model(name: "max")
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 3)
        let y = model.addVariable("y", kind: .integer, lower: 0, upper: 10)
        model.setObjective(.maximize, LinearExpression([(x, 4), (y, 1)]))
        var relaxation = Solution(status: .optimal, values: [3, 0], objective: 12, bound: 12, nodes: 0, seconds: 0)
        relaxation.reducedCosts = [4, -1]
        let fixing = try #require(ReducedCostFixing(model: model, relaxation: relaxation))
        // Cutoff 9 (gap 3): x ≥ 3 − ⌊3/4⌋ = 3 is fixed; y ≤ 0 + ⌊3/1⌋ = 3.
        let found = fixing.tightenings(cutoff: 9)
        #expect(found.map(\.index) == [0, 1])
        #expect(found.map(\.lower) == [3, 0])
        #expect(found.map(\.upper) == [3, 3])
        // Cutoff 4 (gap 8): x ≥ 3 − 2 = 1, y ≤ 8.
        #expect(fixing.tightenings(cutoff: 4).map { [$0.lower, $0.upper] } == [[1, 3], [0, 8]])
    }

    @Test func noFixingWithoutAnOptimalRelaxationOrItsReducedCosts() {
        let (model, _) = Self.cover()
        let plain = Solution(status: .optimal, values: [1, 0, 0], objective: 3, bound: 3, nodes: 0, seconds: 0)
        #expect(ReducedCostFixing(model: model, relaxation: plain) == nil)
        var stopped = Solution(status: .timeLimitWithSolution, values: [1, 0, 0], objective: 3, bound: 3, nodes: 0, seconds: 0)
        stopped.reducedCosts = [0, 2, 7]
        #expect(ReducedCostFixing(model: model, relaxation: stopped) == nil)
    }

    @Test func theIncumbentKeepsToTheTightenedBounds() throws {
        let (model, _) = Self.cover()
        var relaxation = Solution(status: .optimal, values: [1, 0, 0], objective: 3, bound: 3, nodes: 0, seconds: 0)
        // Reduced costs off by more than the tolerance would fix b although the incumbent b = 1 is at the
        // cutoff; the column keeps its own bounds then.
        relaxation.reducedCosts = [0, 2.5, 7]
        let fixing = try #require(ReducedCostFixing(model: model, relaxation: relaxation))
        #expect(fixing.tightenings(cutoff: 5).map(\.index) == [1, 2])
        let tightened = fixing.tightened(model, cutoff: 5, keeping: [0, 1, 0])
        #expect(tightened.variables.map(\.upper) == [1, 1, 0])
    }
}

@Suite("Restarted search")
struct RestartSearchTests {
    /// max 3a + 5b + 10c subject to a + b + c ≤ 2 and b + c ≤ 1, binaries: the optimum is a + c = 13. From
    /// the incumbent a + b (8) the search proves 13, and its bound is the optimum, not the LP's alone.
    @Test func aMaximisationIsProvenFromAPoorIncumbent() throws {
        var model = Model(name: "max")
        let columns = ["a", "b", "c"].map { model.addVariable($0, kind: .binary) }
        model.addConstraint("two", LinearExpression.sum(columns), lessOrEqual: 2)
        model.addConstraint("one", LinearExpression([(columns[1], 1), (columns[2], 1)]), lessOrEqual: 1)
        model.setObjective(.maximize, LinearExpression([(columns[0], 3), (columns[1], 5), (columns[2], 10)]))
        var options = SolveOptions()
        options.incumbent = [1, 1, 0]
        let outcome = try RestartSearch(solver: GLPKSolver(), model: model).run(options: options)
        #expect(outcome.solution.status == .optimal)
        #expect(outcome.solution.objective == 13)
        #expect(outcome.solution.values == [1, 0, 1])
    }

    /// A search the clock has already stopped keeps the caller's incumbent, and its bound is a valid one
    /// (the LP's, or none: −∞), never the 0 that a back end leaves when it could not finish its root LP.
    @Test func aSpentClockKeepsTheIncumbentAndAValidBound() throws {
        let directory = try HolmbergTests.directory()
        let model = try HolmbergInstance(path: "\(directory)/p1").model()
        let optimum = try HolmbergInstance.optimum(1, directory: directory)
        var warm = SolveOptions(timeLimit: 120)
        warm.nodeHeuristics = true
        let start = try GLPKSolver().solve(model, options: warm)
        var options = SolveOptions(timeLimit: 1e-9)
        options.incumbent = start.values
        let outcome = try RestartSearch(solver: GLPKSolver(), model: model).run(options: options)
        #expect(outcome.solution.hasSolution)
        #expect(outcome.solution.objective.rounded() == optimum)
        #expect(outcome.solution.bound <= optimum + 1e-6)
        #expect(outcome.solution.bound == -.infinity || outcome.solution.bound > 0)
    }

    @Test func aGivenIncumbentIsSearchedOnTheTightenedModelAndProven() throws {
        let (model, _) = ReducedCostFixingTests.cover()
        var options = SolveOptions()
        options.incumbent = [0, 1, 0]
        let outcome = try RestartSearch(solver: GLPKSolver(), model: model).run(options: options)
        #expect(outcome.solution.status == .optimal)
        #expect(outcome.solution.objective == 3)
        // The objective is integral, so a better solution costs at most 4: the cutoff 4 would fix b and c,
        // but the incumbent's b keeps its bounds (so the search may start from it): one column tightened.
        #expect(outcome.tightened == 1)
        #expect(outcome.restarts == 0)
    }

    /// Holmberg instances through the restarts: the published optimum, proven, and at least one
    /// instance restarts (the search found an incumbent that fixed a further twentieth of the columns).
    @Test func holmbergInstancesReachTheirOptimaThroughRestarts() throws {
        let directory = try HolmbergTests.directory()
        var restarted = 0
        for instance in HolmbergTests.quick {
            let problem = try HolmbergInstance(path: "\(directory)/p\(instance)")
            var options = SolveOptions(timeLimit: 120)
            options.nodeHeuristics = true
            let outcome = try RestartSearch(solver: GLPKSolver(), model: problem.model()).run(options: options)
            #expect(outcome.solution.status == .optimal, "p\(instance)")
            #expect(outcome.solution.objective.rounded() == (try HolmbergInstance.optimum(instance, directory: directory)), "p\(instance)")
            if outcome.restarts > 0 { restarted += 1 }
        }
        #expect(restarted > 0)
    }
}

@Suite("Root LP after the cuts")
struct RootRelaxationTests {
    /// A search asked for its root LP gives one that lies between the LP relaxation and the optimum, with
    /// a value and a reduced cost for every column (on the quick Holmberg instances that branch at all).
    @Test func aSearchKeepsItsRootLPAfterItsCuts() throws {
        let directory = try HolmbergTests.directory()
        var recorded = 0
        for instance in HolmbergTests.quick {
            let model = try HolmbergInstance(path: "\(directory)/p\(instance)").model()
            var options = SolveOptions(timeLimit: 120)
            options.nodeHeuristics = true
            options.recordRoot = true
            let solution = try GLPKSolver().solve(model, options: options)
            var relaxationOptions = SolveOptions()
            relaxationOptions.relaxation = true
            let relaxation = try GLPKSolver().solve(model, options: relaxationOptions)
            guard let root = solution.root else { continue }
            recorded += 1
            #expect(root.values.count == model.variables.count)
            #expect(root.reducedCosts.count == model.variables.count)
            #expect(root.objective >= relaxation.objective - 1e-6, "p\(instance)")
            #expect(root.objective <= solution.objective + 1e-6, "p\(instance)")
            #expect(ReducedCostFixing(model: model, root: root) != nil)
        }
        #expect(recorded > 0)
        // Not asked for, not kept.
        let model = try HolmbergInstance(path: "\(directory)/p\(HolmbergTests.quick[0])").model()
        var options = SolveOptions(timeLimit: 120)
        options.nodeHeuristics = true
        #expect(try GLPKSolver().solve(model, options: options).root == nil)
    }
}
