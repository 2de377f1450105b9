import DuxueGLPK
import Foundation
import Testing

@testable import DuxueMIP

/// The MIP layer's node heuristic (Sources/DuxueMIP/FixAndPropagate.swift) on hand-worked models and on
/// Holmberg instances, alone and inside GLPK's search.
@Suite("Fix and propagate")
struct FixAndPropagateTests {
    /// Two facilities (capacity 3, opening cost 10 and 1), two customers of demand 2: one facility holds
    /// one customer only, so both must open. Serving costs: customer 1 costs 1 at A and 5 at B, customer 2
    /// costs 5 at A and 1 at B. Optimum: both open, 1 → A, 2 → B, value 10 + 1 + 1 + 1 = 13.
    static func twoFacilities() -> (Model, open: [Variable], serve: [[Variable]]) {
        var model = Model(name: "two")
        let open = [model.addVariable("oA", kind: .binary), model.addVariable("oB", kind: .binary)]
        let serve = (0..<2).map { i in (0..<2).map { j in model.addVariable("s\(i)\(j)", kind: .binary) } }
        for j in 0..<2 { model.addConstraint("assign\(j)", .sum([serve[0][j], serve[1][j]]), equal: 1) }
        for i in 0..<2 {
            model.addConstraint("cap\(i)", LinearExpression([(serve[i][0], 2), (serve[i][1], 2), (open[i], -3)]), lessOrEqual: 0)
            for j in 0..<2 { model.addConstraint("link\(i)\(j)", LinearExpression([(serve[i][j], 1), (open[i], -1)]), lessOrEqual: 0) }
        }
        model.setObjective(.minimize, LinearExpression([
            (open[0], 10), (open[1], 1), (serve[0][0], 1), (serve[0][1], 5), (serve[1][0], 5), (serve[1][1], 1),
        ]))
        return (model, open, serve)
    }

    /// A point of the model: the given columns at their values, every other at `others`.
    static func point(_ model: Model, _ values: [(Variable, Double)], others: Double = 0) -> [Double] {
        var point = [Double](repeating: others, count: model.variables.count)
        for (variable, value) in values { point[variable.index] = value }
        return point
    }

    @Test func roundsAFractionalPointIntoTheOptimum() throws {
        let (model, open, serve) = Self.twoFacilities()
        let heuristic = try #require(FixAndPropagate(model: model))
        // An LP-like point: A two-thirds open, each customer leaning to its cheap facility.
        let lp = Self.point(model, [(open[0], 0.67), (open[1], 0.67), (serve[0][0], 0.9), (serve[1][0], 0.1),
                                    (serve[0][1], 0.1), (serve[1][1], 0.9)])
        let point = try #require(heuristic.round(lp))
        #expect(model.firstViolation(in: point) == nil)
        #expect(model.objective.value(in: point) == 13)
    }

    /// Rounding A's 0.4 down to closed leaves both customers to B, which holds one: propagation finds the
    /// second assignment row empty, the fixing is undone and A opens after all.
    @Test func aFixingThatPropagationRefutesIsFlipped() throws {
        let (model, open, serve) = Self.twoFacilities()
        let heuristic = try #require(FixAndPropagate(model: model))
        let lp = Self.point(model, [(open[0], 0.4), (open[1], 1), (serve[1][1], 1), (serve[0][1], 0)], others: 0.5)
        let point = try #require(heuristic.round(lp))
        #expect(model.firstViolation(in: point) == nil)
        #expect(point[open[0].index] == 1)
        #expect(point[serve[0][0].index] == 1)
    }

    @Test func oneOptClosesAnIdleFacilityAndNeverWorsens() throws {
        let (model, open, serve) = Self.twoFacilities()
        let heuristic = try #require(FixAndPropagate(model: model))
        // With capacity 4, B alone holds both customers: from "both open, both served by B" one-opt closes
        // A (saving its 10) and can move nothing else.
        let roomy = Self.withCapacity(model, open: open, serve: serve, capacity: 4)
        let improver = try #require(FixAndPropagate(model: roomy))
        var point = [Double](repeating: 0, count: roomy.variables.count)
        point[open[0].index] = 1
        point[open[1].index] = 1
        point[serve[1][0].index] = 1
        point[serve[1][1].index] = 1
        let before = roomy.objective.value(in: point)
        improver.oneOpt(&point)
        #expect(roomy.firstViolation(in: point) == nil)
        #expect(point[open[0].index] == 0)
        #expect(roomy.objective.value(in: point) == before - 10)
        // On the tight model the optimum is left as it is.
        var optimum = [Double](repeating: 0, count: model.variables.count)
        for v in [open[0], open[1], serve[0][0], serve[1][1]] { optimum[v.index] = 1 }
        heuristic.oneOpt(&optimum)
        #expect(model.objective.value(in: optimum) == 13)
    }

    /// Shift moves customer 1 from B (cost 5) to the open A (cost 1) and leaves customer 2 at B:
    /// 10 + 1 + 5 + 1 = 17 becomes 13; the local search never makes a point worse or infeasible.
    @Test func shiftMovesACustomerToACheaperOpenFacility() throws {
        let (model, open, serve) = Self.twoFacilities()
        let roomy = Self.withCapacity(model, open: open, serve: serve, capacity: 4)
        let heuristic = try #require(FixAndPropagate(model: roomy))
        var point = [Double](repeating: 0, count: roomy.variables.count)
        for v in [open[0], open[1], serve[1][0], serve[1][1]] { point[v.index] = 1 }
        #expect(roomy.objective.value(in: point) == 17)
        #expect(heuristic.shift(&point))
        #expect(roomy.firstViolation(in: point) == nil)
        #expect(point[serve[0][0].index] == 1 && point[serve[1][1].index] == 1)
        #expect(roomy.objective.value(in: point) == 13)
        // Capacity 3: A cannot also take customer 2 (cost 5 there anyway), and B cannot take customer 1 back.
        var tight = [Double](repeating: 0, count: model.variables.count)
        for v in [open[0], open[1], serve[0][0], serve[1][1]] { tight[v.index] = 1 }
        let before = tight
        let tightHeuristic = try #require(FixAndPropagate(model: model))
        tightHeuristic.improve(&tight)
        #expect(tight == before)
    }

    static func withCapacity(_ model: Model, open: [Variable], serve: [[Variable]], capacity: Double) -> Model {
        var copy = Model(name: model.name)
        for variable in model.variables { copy.addVariable(variable.name, kind: variable.kind, lower: variable.lower, upper: variable.upper) }
        for constraint in model.constraints {
            let terms = constraint.expression.terms.map { term in
                constraint.name.hasPrefix("cap") && term.1 == -3 ? (term.0, -capacity) : term
            }
            let expression = LinearExpression(terms, constant: constraint.expression.constant)
            if let lower = constraint.lower, lower == constraint.upper {
                copy.addConstraint(constraint.name, expression, equal: lower)
            } else if let upper = constraint.upper {
                copy.addConstraint(constraint.name, expression, lessOrEqual: upper)
            }
        }
        copy.setObjective(model.sense, model.objective)
        return copy
    }

    @Test func anInfeasibleModelGivesNothing() throws {
        var model = Model(name: "none")
        let x = model.addVariable("x", kind: .binary), y = model.addVariable("y", kind: .binary)
        model.addConstraint("sum", .sum([x, y]), equal: 1)
        model.addConstraint("both", LinearExpression([(x, 1), (y, 1)]), greaterOrEqual: 2)
        let heuristic = try #require(FixAndPropagate(model: model))
        #expect(heuristic.round([0.5, 0.5]) == nil)
    }

    @Test func continuousColumnsAreLeftToTheSolver() {
        var model = Model(name: "mixed")
        model.addVariable("z")
        #expect(FixAndPropagate(model: model) == nil)
    }

    /// On a Holmberg instance the heuristic turns the LP relaxation into a feasible assignment no better
    /// than the LP bound and no worse than the published optimum by more than half.
    @Test(arguments: [1, 9])
    func holmbergLPRoundsToAFeasibleAssignment(instance: Int) throws {
        let directory = try HolmbergTests.directory()
        let model = try HolmbergInstance(path: "\(directory)/p\(instance)").model()
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        var options = SolveOptions()
        options.relaxation = true
        let lp = try GLPKSolver().solve(model, options: options)
        let heuristic = try #require(FixAndPropagate(model: model))
        let point = try #require(heuristic.round(lp.values))
        #expect(model.firstViolation(in: point) == nil)
        let value = model.objective.value(in: point)
        #expect(value >= lp.objective - 1e-6)
        #expect(value >= optimum - 1e-6)
        #expect(value <= optimum * 1.5)
    }

    /// GLPK with the heuristic at its nodes reaches the published optimum, proves it, and does the same
    /// search on every run (the heuristic is called by count, not by the clock).
    @Test(arguments: [2, 7])
    func searchWithTheHeuristicIsOptimalAndRepeatable(instance: Int) throws {
        let directory = try HolmbergTests.directory()
        let model = try HolmbergInstance(path: "\(directory)/p\(instance)").model()
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        var options = SolveOptions(timeLimit: 120)
        options.nodeHeuristics = true
        let first = try GLPKSolver().solve(model, options: options)
        let second = try GLPKSolver().solve(model, options: options)
        #expect(first.status == .optimal)
        #expect(first.objective.rounded() == optimum)
        #expect(first.values == second.values)
        #expect(first.nodes == second.nodes)
    }

    /// RINS around a Holmberg LP from the rounded point: what it returns is feasible and strictly better
    /// than its start, and a request never returns a point worse than the incumbent it was given.
    @Test(arguments: [1, 5])
    func rinsImprovesOnItsStart(instance: Int) throws {
        let directory = try HolmbergTests.directory()
        let model = try HolmbergInstance(path: "\(directory)/p\(instance)").model()
        var relaxation = SolveOptions()
        relaxation.relaxation = true
        let lp = try GLPKSolver().solve(model, options: relaxation)
        let solver = GLPKSolver()
        let heuristics = try #require(NodeHeuristics(model: model) { try solver.solve($0, options: $1) })
        let start = try #require(heuristics.rounding.round(lp.values))
        let startValue = model.objective.value(in: start)
        if let point = heuristics.rins(lp: lp.values, start: start) {
            #expect(model.firstViolation(in: point) == nil)
            #expect(model.objective.value(in: point) <= startValue)
        }
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        for _ in 0..<3 {
            guard let point = heuristics.run(lp: lp.values, incumbent: start, value: startValue) else { continue }
            #expect(model.firstViolation(in: point) == nil)
            #expect(model.objective.value(in: point) < startValue)
            #expect(model.objective.value(in: point) >= optimum - 1e-6)
        }
    }
}
