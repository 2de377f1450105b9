import DuxueGLPK
import Foundation
import Testing

@testable import DuxueMIP

/// The MIP layer's large-neighbourhood search (Sources/DuxueMIP/NeighbourhoodSearch.swift) on a
/// hand-worked assignment model, and inside GLPK's search on Holmberg instances.
@Suite("Neighbourhood search")
struct NeighbourhoodSearchTests {
    /// Three customers, three facilities of capacity 1 each, so every solution is a permutation.
    /// Customer k costs 1 at facility k, 5 at facility k + 1 and `far` at facility k + 2 (mod 3): the
    /// optimum is the identity, value 3. The incumbent is the rotation k → k + 1 (value 15): every single
    /// move to a cheaper facility finds it full. With `far` = 9 no exchange of two customers helps
    /// either (the one that goes home gains 4, the one pushed out to its far facility loses 4): all
    /// three transpositions cost 15, so the nearest better point is the optimum, 6 flips away.
    static func rotation(far: Double = 9) -> (Model, serve: [[Variable]], incumbent: [Double]) {
        var model = Model(name: "rotation")
        let serve = (0..<3).map { c in (0..<3).map { f in model.addVariable("x\(c)\(f)", kind: .binary) } }
        for c in 0..<3 { model.addConstraint("assign\(c)", .sum(serve[c]), equal: 1) }
        for f in 0..<3 { model.addConstraint("capacity\(f)", .sum((0..<3).map { serve[$0][f] }), lessOrEqual: 1) }
        var objective = LinearExpression()
        for c in 0..<3 { for f in 0..<3 { objective.add(serve[c][f], [1, 5, far][(f - c + 3) % 3]) } }
        model.setObjective(.minimize, objective)
        return (model, serve, permutation(model, serve, [1, 2, 0]))
    }

    /// The point that sends customer c to facility `to[c]`.
    static func permutation(_ model: Model, _ serve: [[Variable]], _ to: [Int]) -> [Double] {
        var point = [Double](repeating: 0, count: model.variables.count)
        for (c, f) in to.enumerated() { point[serve[c][f].index] = 1 }
        return point
    }

    static func search(_ model: Model) throws -> NeighbourhoodSearch {
        let solver = GLPKSolver()
        return try #require(NeighbourhoodSearch(model: model) { try solver.solve($0, options: $1) })
    }

    /// Plain rounding (fix and propagate with shift, one-opt and swap) keeps the rotation at 15.
    @Test func roundingLeavesTheRotationWhereItIs() throws {
        let (model, _, incumbent) = Self.rotation()
        #expect(model.firstViolation(in: incumbent) == nil)
        #expect(model.objective.value(in: incumbent) == 15)
        let rounding = try #require(FixAndPropagate(model: model))
        let rounded = try #require(rounding.round(incumbent))
        #expect(model.objective.value(in: rounded) == 15)
    }

    /// With `far` = 5 the rotation is undone by two exchanges (15 → 11 → 3), where shift alone is stuck.
    @Test func swapUndoesARotationThatShiftCannot() throws {
        let (model, serve, incumbent) = Self.rotation(far: 5)
        let rounding = try #require(FixAndPropagate(model: model))
        var shifted = incumbent
        #expect(!rounding.shift(&shifted))
        #expect(shifted == incumbent)
        var point = incumbent
        rounding.improve(&point)
        #expect(model.firstViolation(in: point) == nil)
        #expect(model.objective.value(in: point) == 3)
        #expect(point == Self.permutation(model, serve, [0, 1, 2]))
    }

    /// Local branching finds the best point within its radius: nothing better within 5 flips, the
    /// optimum within 6.
    @Test func localBranchingFindsTheBestPointWithinItsRadius() throws {
        let (model, serve, incumbent) = Self.rotation()
        let search = try Self.search(model)
        #expect(search.localBranching(from: incumbent, radius: 5) == nil)
        let far = try #require(search.localBranching(from: incumbent, radius: 6))
        #expect(model.firstViolation(in: far) == nil)
        #expect(model.objective.value(in: far) == 3)
        #expect(far == Self.permutation(model, serve, [0, 1, 2]))
    }

    /// Proximity search's nearest better point is the optimum, and nothing is better than that.
    @Test func proximityFindsTheNearestBetterPoint() throws {
        let (model, serve, incumbent) = Self.rotation()
        let search = try Self.search(model)
        let point = try #require(search.proximity(from: incumbent))
        #expect(model.firstViolation(in: point) == nil)
        #expect(point == Self.permutation(model, serve, [0, 1, 2]))
        #expect(search.proximity(from: point) == nil)
    }

    /// Crossover frees only the columns two solutions disagree on: two copies of one point leave nothing
    /// to search; the rotation and a transposition (value 15) share customer 1's facility, and with it
    /// fixed nothing beats 15; with the optimum as the other parent it is found.
    @Test func crossoverSearchesOnlyWhereTheParentsDisagree() throws {
        let (model, serve, incumbent) = Self.rotation()
        let search = try Self.search(model)
        #expect(search.crossover(incumbent, incumbent) == nil)
        let transposition = Self.permutation(model, serve, [0, 2, 1])
        #expect(model.objective.value(in: transposition) == 15)
        #expect(search.crossover(incumbent, transposition) == nil)
        let optimum = Self.permutation(model, serve, [0, 1, 2])
        #expect(search.crossover(incumbent, optimum) == optimum)
    }

    /// Two open facilities of capacity 4 (opening cost 10 each), a closed third one (capacity 8,
    /// opening cost 100), four customers of demand 2; the incumbent puts customers 0 and 1 at A and 2 and
    /// 3 at B. Customer 1 costs 5 at A and 1 at B, customer 2 the reverse, the others 1 at A and B; C
    /// costs 1 for everyone. Both capacity rows are resources; freeing their customers (and every
    /// opening column) finds the exchange: value 20 + 4 = 24 instead of 32.
    @Test func reassignmentRedistributesTheCustomersOfTwoFacilities() throws {
        var model = Model(name: "two-of-three")
        let open = (0..<3).map { model.addVariable("open\($0)", kind: .binary) }
        let serve = (0..<3).map { f in (0..<4).map { c in model.addVariable("x\(f)\(c)", kind: .binary) } }
        for c in 0..<4 { model.addConstraint("assign\(c)", .sum((0..<3).map { serve[$0][c] }), equal: 1) }
        let capacity: [Double] = [4, 4, 8]
        for f in 0..<3 {
            var load = LinearExpression((0..<4).map { (serve[f][$0], 2) })
            load.add(open[f], -capacity[f])
            model.addConstraint("capacity\(f)", load, lessOrEqual: 0)
            for c in 0..<4 { model.addConstraint("link\(f)\(c)", LinearExpression([(serve[f][c], 1), (open[f], -1)]), lessOrEqual: 0) }
        }
        let cost: [[Double]] = [[1, 5, 1, 1], [1, 1, 5, 1], [1, 1, 1, 1]]
        var objective = LinearExpression([(open[0], 10), (open[1], 10), (open[2], 100)])
        for f in 0..<3 { for c in 0..<4 { objective.add(serve[f][c], cost[f][c]) } }
        model.setObjective(.minimize, objective)
        var incumbent = [Double](repeating: 0, count: model.variables.count)
        for v in [open[0], open[1], serve[0][0], serve[0][1], serve[1][2], serve[1][3]] { incumbent[v.index] = 1 }
        #expect(model.firstViolation(in: incumbent) == nil)
        #expect(model.objective.value(in: incumbent) == 32)

        let search = try Self.search(model)
        let resources = search.resources(of: incumbent)
        #expect(resources.map(\.row) == [4, 9])  // capacity0 and capacity1 (after 4 assignment rows, 4 links)
        #expect(resources.map(\.choices) == [[0, 1], [2, 3]])
        let point = try #require(search.reassignment(from: incumbent, freeing: [0, 1, 2, 3]))
        #expect(model.firstViolation(in: point) == nil)
        #expect(model.objective.value(in: point) == 24)
        #expect(point[serve[1][1].index] == 1)
        #expect(point[serve[0][2].index] == 1)
        // Freeing customers 0 and 3 only (each already at a cheapest facility) finds nothing better.
        #expect(search.reassignment(from: incumbent, freeing: [0, 3]) == nil)
        // A round of pairs: one pair here, found from cursor 0, and the cursor goes round.
        let (found, next) = search.reassignments(from: incumbent, cursor: 0)
        #expect(found.map { model.objective.value(in: $0) } == 24)
        #expect(next == 0)
    }

    /// A fixed binary column holds in GLPK (which gives binaries the bounds 0 and 1 whatever they were).
    @Test func fixingABinaryColumnHolds() throws {
        var model = Model(name: "fix")
        let x = model.addVariable("x", kind: .binary), y = model.addVariable("y", kind: .binary)
        model.addConstraint("one", .sum([x, y]), lessOrEqual: 1)
        model.setObjective(.maximize, LinearExpression([(x, 2), (y, 1)]))
        #expect(try GLPKSolver().solve(model, options: SolveOptions()).objective == 2)
        var fixed = model
        fixed.fix(x, at: 0)
        let solution = try GLPKSolver().solve(fixed, options: SolveOptions())
        #expect(solution.objective == 1)
        #expect(solution.values == [0, 1])
    }

    /// One round reaches the optimum, names the neighbourhood that did, and does the same on every call.
    @Test func aRoundIsRepeatable() throws {
        let (model, _, incumbent) = Self.rotation()
        var search = try Self.search(model)
        let firstRound = search.improve(incumbent), secondRound = search.improve(incumbent)
        let first = try #require(firstRound)
        let second = try #require(secondRound)
        #expect(model.objective.value(in: first.point) == 3)
        #expect(first.by == [.proximity])
        #expect(first.point == second.point)
        #expect(first.by == second.by)
        let again = search.improve(first.point)
        #expect(again == nil)
    }

    @Test func modelsWithoutZeroOneColumnsOrWithContinuousOnesAreLeftOut() throws {
        var continuous = Model(name: "mixed")
        continuous.addVariable("z")
        let solver = GLPKSolver()
        #expect(NeighbourhoodSearch(model: continuous) { try solver.solve($0, options: $1) } == nil)
        var general = Model(name: "general")
        general.addVariable("n", kind: .integer, lower: 0, upper: 5)
        #expect(NeighbourhoodSearch(model: general) { try solver.solve($0, options: $1) } == nil)
    }

    /// Inside GLPK's search on Holmberg instances, with the node heuristics' neighbourhood rounds and a
    /// node budget: the same values, value and node count twice over, a feasible point no better than the
    /// published optimum.
    @Test(arguments: [5, 11])
    func searchWithNeighbourhoodsIsRepeatable(instance: Int) throws {
        let directory = try HolmbergTests.directory()
        let model = try HolmbergInstance(path: "\(directory)/p\(instance)").model()
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        var options = SolveOptions()
        options.nodeHeuristics = true
        options.progress = { $0.nodes < 150 ? nil : .workLimit }
        let first = try GLPKSolver().solve(model, options: options)
        let second = try GLPKSolver().solve(model, options: options)
        #expect(first.hasSolution)
        #expect(model.firstViolation(in: first.values) == nil)
        #expect(first.objective >= optimum - 1e-6)
        #expect(first.values == second.values)
        #expect(first.objective == second.objective)
        #expect(first.nodes == second.nodes)
    }

    /// A request of the node heuristics with the neighbourhood rounds on from the first request, on the
    /// LP point of a Holmberg instance and the rounding of it as incumbent: two fresh heuristics return
    /// the same point, feasible, no worse than the incumbent and no better than the published optimum.
    @Test(arguments: [1, 9])
    func aRequestWithNeighbourhoodsIsRepeatable(instance: Int) throws {
        let directory = try HolmbergTests.directory()
        let model = try HolmbergInstance(path: "\(directory)/p\(instance)").model()
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        var relaxation = SolveOptions()
        relaxation.relaxation = true
        let lp = try GLPKSolver().solve(model, options: relaxation)
        let solver = GLPKSolver()
        func request() throws -> ([Double]?, Int) {
            let heuristics = try #require(NodeHeuristics(model: model) { try solver.solve($0, options: $1) })
            heuristics.neighbourhoodStart = 0
            heuristics.rinsSpacing = Int.max / 4  // RINS only at the first request, as always
            let start = try #require(heuristics.rounding.round(lp.values))
            let point = heuristics.run(lp: lp.values, incumbent: start, value: model.objective.value(in: start))
            if let point {
                #expect(model.firstViolation(in: point) == nil)
                #expect(model.objective.value(in: point) < model.objective.value(in: start))
                #expect(model.objective.value(in: point) >= optimum - 1e-6)
            }
            return (point, heuristics.neighbourhoodFound.values.reduce(0, +))
        }
        let (first, rounds) = try request()
        let (second, again) = try request()
        #expect(first == second)
        #expect(rounds == again)
    }
}
