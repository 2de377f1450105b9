import DuxueMIP
import Testing

/// The maximum-flow routine of the MIP layer (``FlowNetwork``), on networks small enough to check by hand.
@Suite("maximum flow")
struct MaxFlowTests {
    /// s→a 3, s→b 2, a→b 1, a→t 2, b→t 3. The cut {s→a... } : the arcs into t carry 2 + 3 = 5 and
    /// s sends 3 + 2 = 5, so 5 is both a flow and a cut: the maximum. a sends 2 to t and 1 to b.
    @Test func diamondCarriesFive() {
        var network = FlowNetwork(nodes: 4)
        let (s, a, b, t) = (0, 1, 2, 3)
        let sa = network.addArc(from: s, to: a, capacity: 3)
        let sb = network.addArc(from: s, to: b, capacity: 2)
        let ab = network.addArc(from: a, to: b, capacity: 1)
        let at = network.addArc(from: a, to: t, capacity: 2)
        let bt = network.addArc(from: b, to: t, capacity: 3)
        #expect(network.augment(from: s, to: t) == 5)
        #expect(network.flow(on: sa) == 3)
        #expect(network.flow(on: sb) == 2)
        #expect(network.flow(on: ab) == 1)
        #expect(network.flow(on: at) == 2)
        #expect(network.flow(on: bt) == 3)
        #expect(network.augment(from: s, to: t) == 0)
    }

    /// Three workers, three jobs: worker 1 can do job 1 only, worker 2 job 1 only, worker 3 jobs 2 and
    /// 3. Workers 1 and 2 compete for job 1, so the largest matching has 2 pairs (Kőnig: jobs {1}
    /// and worker {3} cover every edge).
    @Test func matchingOfTwoWhereTwoWorkersShareOneJob() {
        var network = FlowNetwork(nodes: 8)
        let s = 0, t = 7
        let workers = [1, 2, 3], jobs = [4, 5, 6]
        for w in workers { network.addArc(from: s, to: w, capacity: 1) }
        for j in jobs { network.addArc(from: j, to: t, capacity: 1) }
        network.addArc(from: 1, to: 4, capacity: 1)
        network.addArc(from: 2, to: 4, capacity: 1)
        let third = [network.addArc(from: 3, to: 5, capacity: 1), network.addArc(from: 3, to: 6, capacity: 1)]
        #expect(network.augment(from: s, to: t) == 2)
        #expect(third.map { network.flow(on: $0) }.reduce(0, +) == 1)
    }

    /// a may go to c or d, b only to c, and c and d take one each: the maximum 2 has a on d and b on
    /// c, whichever path is found first (were a sent to c, the residual path s→b→c→a→d→t moves it).
    @Test func augmentingPathReroutesAnEarlierFlow() {
        var network = FlowNetwork(nodes: 6)
        let (s, a, b, c, d, t) = (0, 1, 2, 3, 4, 5)
        network.addArc(from: s, to: a, capacity: 1)
        network.addArc(from: s, to: b, capacity: 1)
        let ac = network.addArc(from: a, to: c, capacity: 1)
        let ad = network.addArc(from: a, to: d, capacity: 1)
        let bc = network.addArc(from: b, to: c, capacity: 1)
        network.addArc(from: c, to: t, capacity: 1)
        network.addArc(from: d, to: t, capacity: 1)
        #expect(network.augment(from: s, to: t) == 2)
        #expect(network.flow(on: bc) == 1)
        #expect(network.flow(on: ad) == 1)
        #expect(network.flow(on: ac) == 0)
    }

    /// Phases: a source arc opened first keeps its flow when others open later (a lower bound met
    /// first). Recruits r (1 school each in phase one) and an inspector i compete for 3 schools; r
    /// may hold 3, i may hold 3. Phase one gives r 1; phase two opens i (3) and gives it the other 2;
    /// phase three opens r to 3 but nothing is left: r keeps 1, i 2.
    @Test func flowOnASourceArcNeverFalls() {
        var network = FlowNetwork(nodes: 4)
        let (s, r, i, t) = (0, 1, 2, 3)
        let sr = network.addArc(from: s, to: r, capacity: 1)
        let si = network.addArc(from: s, to: i, capacity: 0)
        let school = network.addNode()
        network.addArc(from: r, to: school, capacity: 3)
        network.addArc(from: i, to: school, capacity: 3)
        network.addArc(from: school, to: t, capacity: 3)
        #expect(network.augment(from: s, to: t) == 1)
        network.setCapacity(of: si, to: 3)
        #expect(network.augment(from: s, to: t) == 2)
        network.setCapacity(of: sr, to: 3)
        #expect(network.augment(from: s, to: t) == 0)
        #expect(network.flow(on: sr) == 1)
        #expect(network.flow(on: si) == 2)
    }
}
