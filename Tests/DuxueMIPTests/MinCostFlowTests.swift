import DuxueMIP
import Testing

/// The minimum-cost maximum flow of the MIP layer (``MinCostFlow``), on networks small enough to check by hand.
@Suite("minimum-cost flow")
struct MinCostFlowTests {
    /// Workers a and b, jobs x and y, one each. a does x or y at cost 0; b does x at 0 or y at 5. Both
    /// pairings fill both jobs; a on y and b on x costs 0, a on x and b on y costs 5. A maximum flow that
    /// ignores costs may take a→x first; the cheapest one puts a on y.
    @Test func cheapestOfTwoPerfectMatchings() {
        var network = MinCostFlow(nodes: 6)
        let (s, a, b, x, y, t) = (0, 1, 2, 3, 4, 5)
        network.addArc(from: s, to: a, capacity: 1, cost: 0)
        network.addArc(from: s, to: b, capacity: 1, cost: 0)
        let ax = network.addArc(from: a, to: x, capacity: 1, cost: 0)
        let ay = network.addArc(from: a, to: y, capacity: 1, cost: 0)
        let bx = network.addArc(from: b, to: x, capacity: 1, cost: 0)
        let by = network.addArc(from: b, to: y, capacity: 1, cost: 5)
        network.addArc(from: x, to: t, capacity: 1, cost: 0)
        network.addArc(from: y, to: t, capacity: 1, cost: 0)
        #expect(network.augment(from: s, to: t) == 2)
        #expect(network.cost == 0)
        #expect([ax, ay, bx, by].map { network.flow(on: $0) } == [0, 1, 1, 0])
    }

    /// Three workers, three jobs, worker i on job j costs i·j. By the rearrangement inequality the least
    /// total pairs the largest with the smallest: 1·3 + 2·2 + 3·1 = 10 (the other five pairings cost 11,
    /// 11, 13, 13 and 14).
    @Test func assignmentOfThreeCostsTen() {
        var network = MinCostFlow(nodes: 8)
        let s = 0, t = 7
        var pairs: [[Int]] = []
        for i in 1...3 {
            network.addArc(from: s, to: i, capacity: 1, cost: 0)
            network.addArc(from: 3 + i, to: t, capacity: 1, cost: 0)
            pairs.append((1...3).map { j in network.addArc(from: i, to: 3 + j, capacity: 1, cost: i * j) })
        }
        #expect(network.augment(from: s, to: t) == 3)
        #expect(network.cost == 10)
        #expect(network.flow(on: pairs[0][2]) == 1)
        #expect(network.flow(on: pairs[1][1]) == 1)
        #expect(network.flow(on: pairs[2][0]) == 1)
    }

    /// A lower bound written as a parallel arc of large negative cost: the recruit r must hold at least
    /// one of the 3 schools (arc of 1 at −100, then 2 more at 0); the inspector i holds up to 3 at cost 0.
    /// Without the bound i could take all 3; with it r takes exactly 1 and i the other 2, cost −100.
    @Test func lowerBoundByANegativeArc() {
        var network = MinCostFlow(nodes: 5)
        let (s, r, i, school, t) = (0, 1, 2, 3, 4)
        let must = network.addArc(from: s, to: r, capacity: 1, cost: -100)
        let more = network.addArc(from: s, to: r, capacity: 2, cost: 0)
        let inspector = network.addArc(from: s, to: i, capacity: 3, cost: 0)
        network.addArc(from: r, to: school, capacity: 3, cost: 0)
        network.addArc(from: i, to: school, capacity: 3, cost: 0)
        network.addArc(from: school, to: t, capacity: 3, cost: 0)
        #expect(network.augment(from: s, to: t) == 3)
        #expect(network.flow(on: must) == 1)
        #expect(network.flow(on: more) + network.flow(on: inspector) == 2)
        #expect(network.cost == -100)
    }

    /// The flow is maximum before it is cheap: the only way to the sink costs 10 a unit and carries 2.
    /// A second call adds nothing.
    @Test func maximumFlowEvenAtACost() {
        var network = MinCostFlow(nodes: 3)
        network.addArc(from: 0, to: 1, capacity: 5, cost: 0)
        let dear = network.addArc(from: 1, to: 2, capacity: 2, cost: 10)
        #expect(network.augment(from: 0, to: 2) == 2)
        #expect(network.flow(on: dear) == 2)
        #expect(network.cost == 20)
        #expect(network.augment(from: 0, to: 2) == 0)
    }

    /// A path through a reverse arc: a and b each send one unit; a reaches t through x (cost 1) or y (cost
    /// 0), b only through y (cost 0). Once a sits on y (the cheapest first path), b's unit can only pass
    /// by moving a to x: s→b→y⇢a→x→t, cost 0 + 0 − 0 + 1. The least total is 1 either way.
    @Test func cheapestPathMayMoveAnEarlierUnit() {
        var network = MinCostFlow(nodes: 6)
        let (s, a, b, x, y, t) = (0, 1, 2, 3, 4, 5)
        network.addArc(from: s, to: a, capacity: 1, cost: 0)
        network.addArc(from: s, to: b, capacity: 1, cost: 0)
        let ax = network.addArc(from: a, to: x, capacity: 1, cost: 1)
        network.addArc(from: a, to: y, capacity: 1, cost: 0)
        let by = network.addArc(from: b, to: y, capacity: 1, cost: 0)
        network.addArc(from: x, to: t, capacity: 1, cost: 0)
        network.addArc(from: y, to: t, capacity: 1, cost: 0)
        #expect(network.augment(from: s, to: t) == 2)
        #expect(network.flow(on: ax) == 1)
        #expect(network.flow(on: by) == 1)
        #expect(network.cost == 1)
    }
}
