/// A directed network with integer capacities and integer costs per unit of flow, and a minimum-cost
/// maximum flow by the primal-dual method: shortest distances from the source in the residual
/// network (Bellman–Ford with a queue, so costs may be negative), then blocking flows (as in Dinic's
/// algorithm, ``FlowNetwork``) along the arcs on shortest paths only, again until the sink is cut off.
/// Each phase sends all the flow of one path length at once, so the phases are as many as the distinct
/// path costs, not as the units of flow. The completion step of the crossing repair of the roster
/// planner; solver-independent, no GLPK.
///
/// The network must have no cycle of negative cost when the flow starts (true of any network without
/// cycles, with zero flow); the flow stays of least cost for its value after every phase. A lower bound
/// on an arc is written as a parallel arc with a large negative cost: every maximum flow that can use it
/// fully then does, before any cost of the rest counts.
public struct MinCostFlow: Sendable {
    private var arcs: ResidualArcs
    private var unitCost: [Int] = []

    /// A network of `nodes` nodes (numbered from 0) and no arcs.
    public init(nodes: Int) {
        arcs = ResidualArcs(nodes: nodes)
    }

    /// Number of nodes.
    public var nodeCount: Int { arcs.nodeCount }

    /// Adds a node and returns its number.
    public mutating func addNode() -> Int { arcs.addNode() }

    /// Adds an arc `from → to` of the given capacity and cost per unit and returns its number (for
    /// ``flow(on:)``).
    @discardableResult
    public mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int) -> Int {
        let arc = arcs.addArc(from: from, to: to, capacity: capacity)
        unitCost.append(cost)
        unitCost.append(-cost)
        return arc
    }

    /// The flow on an arc.
    public func flow(on arc: Int) -> Int { arcs.flow(on: arc) }

    /// The capacity of an arc.
    public func capacity(of arc: Int) -> Int { arcs.original[arc] }

    /// The total cost of the flow.
    public var cost: Int {
        stride(from: 0, to: arcs.target.count, by: 2).reduce(0) { $0 + unitCost[$1] * (arcs.original[$1] - arcs.residual[$1]) }
    }

    /// Sends as much more flow from `source` to `sink` as the capacities allow, cheapest paths first,
    /// and returns how much was added. The result is a maximum flow of least cost among maximum flows
    /// (given no negative cycle at the start). Deterministic: the arcs are scanned in a fixed order.
    @discardableResult
    public mutating func augment(from source: Int, to sink: Int) -> Int {
        guard source != sink else { return 0 }
        var total = 0
        let unreachable = Int.max
        var distance = [Int](repeating: unreachable, count: arcs.head.count)
        var queued = [Bool](repeating: false, count: arcs.head.count)
        var level = [Int](repeating: -1, count: arcs.head.count)
        while true {
            // Shortest distances in the residual network (Bellman–Ford with a FIFO queue).
            for i in distance.indices { distance[i] = unreachable }
            distance[source] = 0
            var queue = [source]
            queued[source] = true
            var position = 0
            while position < queue.count {
                let node = queue[position]
                position += 1
                queued[node] = false
                var arc = arcs.head[node]
                while arc >= 0 {
                    let to = arcs.target[arc]
                    if arcs.residual[arc] > 0 && distance[node] + unitCost[arc] < distance[to] {
                        distance[to] = distance[node] + unitCost[arc]
                        if !queued[to] {
                            queued[to] = true
                            queue.append(to)
                        }
                    }
                    arc = arcs.next[arc]
                }
                // Keep the queue's storage bounded on long runs.
                if position > 4_096 && position * 2 > queue.count {
                    queue.removeFirst(position)
                    position = 0
                }
            }
            guard distance[sink] != unreachable else { return total }
            // Blocking flows along the arcs of shortest paths (distance[to] = distance[from] + cost).
            var pushedThisPhase = 0
            let costs = unitCost, targets = arcs.target, shortest = distance
            let onShortestPath: (Int, Int) -> Bool = { node, arc in
                shortest[node] != unreachable && shortest[node] + costs[arc] == shortest[targets[arc]]
            }
            while true {
                arcs.label(&level, from: source, admissible: onShortestPath)
                guard level[sink] >= 0 else { break }
                var cursor = arcs.head
                while true {
                    let pushed = arcs.push(from: source, to: sink, limit: Int.max, level: level, cursor: &cursor, admissible: onShortestPath)
                    if pushed == 0 { break }
                    total += pushed
                    pushedThisPhase += pushed
                }
            }
            if pushedThisPhase == 0 { return total }
        }
    }
}
