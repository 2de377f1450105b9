/// A directed network with integer capacities and a maximum flow by Dinic's algorithm: the
/// completion step of model-aware primal heuristics (the roster repair routes schools to holders
/// through it). Solver-independent, no GLPK.
///
/// Capacities may be raised between calls of ``augment(from:to:)``, which continues from the flow
/// already found. Every augmenting path is a simple path from the source, so the flow on an arc
/// leaving the source never decreases: a flow routed in an early phase with small capacities stays
/// routed (this is how a lower bound is met before the rest is filled).
public struct FlowNetwork: Sendable {
    private var arcs: ResidualArcs

    /// A network of `nodes` nodes (numbered from 0) and no arcs.
    public init(nodes: Int) {
        arcs = ResidualArcs(nodes: nodes)
    }

    /// Number of nodes.
    public var nodeCount: Int { arcs.nodeCount }

    /// Adds a node and returns its number.
    public mutating func addNode() -> Int { arcs.addNode() }

    /// Adds an arc `from → to` of the given capacity and returns its number (for ``flow(on:)``).
    @discardableResult
    public mutating func addArc(from: Int, to: Int, capacity: Int) -> Int {
        arcs.addArc(from: from, to: to, capacity: capacity)
    }

    /// The flow on an arc.
    public func flow(on arc: Int) -> Int { arcs.flow(on: arc) }

    /// The capacity of an arc.
    public func capacity(of arc: Int) -> Int { arcs.original[arc] }

    /// Sets an arc's capacity; it must not fall below the flow already on it.
    public mutating func setCapacity(of arc: Int, to capacity: Int) {
        let flow = flow(on: arc)
        precondition(capacity >= flow, "capacity below the flow on the arc")
        arcs.original[arc] = capacity
        arcs.residual[arc] = capacity - flow
    }

    /// Pushes as much more flow from `source` to `sink` as the capacities allow; returns how much
    /// was added.
    @discardableResult
    public mutating func augment(from source: Int, to sink: Int) -> Int {
        guard source != sink else { return 0 }
        var total = 0
        var level = [Int](repeating: -1, count: arcs.head.count)
        var cursor = arcs.head
        while true {
            // Breadth first: distance labels of the residual network.
            arcs.label(&level, from: source) { _, _ in true }
            guard level[sink] >= 0 else { return total }
            cursor = arcs.head
            // Depth first along increasing levels: a blocking flow.
            while true {
                let pushed = arcs.push(from: source, to: sink, limit: Int.max, level: level, cursor: &cursor) { _, _ in true }
                if pushed == 0 { break }
                total += pushed
            }
        }
    }
}

/// The arcs of a residual network in adjacency lists, each arc stored with its reverse (arc `a`'s reverse
/// is `a ^ 1`, of capacity 0): the storage ``FlowNetwork`` and ``MinCostFlow`` share.
struct ResidualArcs: Sendable {
    /// The first arc out of each node (−1: none).
    var head: [Int]
    /// Each arc's end node.
    var target: [Int] = []
    /// The next arc out of the same node (−1: none).
    var next: [Int] = []
    /// The capacity left on each arc.
    var residual: [Int] = []
    /// Each arc's capacity.
    var original: [Int] = []

    /// `nodes` nodes (numbered from 0) and no arcs.
    init(nodes: Int) { head = [Int](repeating: -1, count: nodes) }

    /// Number of nodes.
    var nodeCount: Int { head.count }

    /// Adds a node and returns its number.
    mutating func addNode() -> Int {
        head.append(-1)
        return head.count - 1
    }

    /// Adds an arc `from → to` of the given capacity (negative counts as 0) and its reverse; returns the arc's number.
    mutating func addArc(from: Int, to: Int, capacity: Int) -> Int {
        precondition(from >= 0 && from < head.count && to >= 0 && to < head.count, "arc between unknown nodes")
        let arc = target.count
        target.append(to); next.append(head[from]); residual.append(max(0, capacity)); original.append(max(0, capacity))
        head[from] = arc
        target.append(from); next.append(head[to]); residual.append(0); original.append(0)
        head[to] = arc + 1
        return arc
    }

    /// The flow on an arc.
    func flow(on arc: Int) -> Int { original[arc] - residual[arc] }

    /// Breadth-first levels from `source` (−1: not reached) over the arcs with capacity left that
    /// `admissible(node, arc)` accepts.
    func label(_ level: inout [Int], from source: Int, admissible: (Int, Int) -> Bool) {
        for i in level.indices { level[i] = -1 }
        level[source] = 0
        var queue = [source]
        var position = 0
        while position < queue.count {
            let node = queue[position]
            position += 1
            var arc = head[node]
            while arc >= 0 {
                let to = target[arc]
                if residual[arc] > 0 && level[to] < 0 && admissible(node, arc) {
                    level[to] = level[node] + 1
                    queue.append(to)
                }
                arc = next[arc]
            }
        }
    }

    /// One augmenting path of a blocking flow, depth first along increasing levels over admissible arcs
    /// from `cursor` (each node's next arc to try, advanced past dead ends); returns the flow pushed.
    mutating func push(from node: Int, to sink: Int, limit: Int, level: [Int], cursor: inout [Int],
                       admissible: (Int, Int) -> Bool) -> Int {
        if node == sink { return limit }
        while cursor[node] >= 0 {
            let arc = cursor[node]
            let to = target[arc]
            if residual[arc] > 0 && level[to] == level[node] + 1 && admissible(node, arc) {
                let pushed = push(from: to, to: sink, limit: min(limit, residual[arc]), level: level, cursor: &cursor,
                                  admissible: admissible)
                if pushed > 0 {
                    residual[arc] -= pushed
                    residual[arc ^ 1] += pushed
                    return pushed
                }
            }
            cursor[node] = next[arc]
        }
        return 0
    }
}
