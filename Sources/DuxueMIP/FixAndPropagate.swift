/// A primal heuristic for any all-integer ``Model`` that a branch-and-cut search calls at its nodes:
/// **fix and propagate** from an LP point, then **one-opt**.
///
/// 1. Integer columns are fixed one at a time in order of how integral their LP value already is
///    (ties by index, so the result depends on the point only), each to its rounded LP value.
/// 2. After each fixing, bound propagation over the rows (minimum and maximum activity) tightens the
///    other columns: on an assignment row the last free column is forced to 1, a closed facility
///    forces its links to 0, a full capacity row forces its remaining columns to 0. When propagation
///    finds a row that cannot hold, the fixing is undone and the other rounding is tried; when that
///    fails too, the heuristic gives up (no search tree: its cost is a few passes over the matrix).
/// 3. On the integral point found, a local search: **shift** moves the 1 of a choice row (Σ x = 1 over
///    binaries: a customer's facility, a school's inspector) to a cheaper column of the row when every
///    other row still holds, and **one-opt** moves each column with an objective coefficient as far as
///    every row allows in the improving direction (an open facility serving no one is closed).
///
/// Only the model's own bounds are used, not the node's, so a point is feasible for the whole model.
/// The work is counted in row visits and capped (``workLimit``), never timed: a search that calls it
/// stays deterministic. Continuous columns are not handled: ``init(model:)`` returns `nil` for such a
/// model.
public struct FixAndPropagate: Sendable {
    /// The model the heuristic was built for.
    public let model: Model
    /// Row visits of propagation per call before the heuristic gives up (a count, not a clock).
    public var workLimit: Int

    private let rowStart: [Int], rowColumn: [Int], rowValue: [Double]
    private let rowLower: [Double], rowUpper: [Double]
    private let columnStart: [Int], columnRow: [Int], columnValue: [Double]
    private let lower: [Double], upper: [Double], cost: [Double]
    /// Rows Σ x = 1 over binary columns with coefficient 1.
    private let choiceRows: [Int]
    /// The choice row of each column (the first, when it is in several), or −1.
    private let choiceRowOf: [Int]
    private let tolerance = 1e-6

    /// A heuristic for `model`, or `nil` when the model has continuous columns.
    public init?(model: Model) {
        guard !model.variables.contains(where: { $0.kind == .continuous }) else { return nil }
        self.model = model
        let columns = model.variables.count
        var starts = [0], cols: [Int] = [], values: [Double] = [], lows: [Double] = [], ups: [Double] = []
        var merged: [Int: Double] = [:]
        for constraint in model.constraints {
            merged.removeAll(keepingCapacity: true)
            for (variable, coefficient) in constraint.expression.terms { merged[variable.index, default: 0] += coefficient }
            for (column, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
                cols.append(column)
                values.append(coefficient)
            }
            starts.append(cols.count)
            let shift = constraint.expression.constant
            lows.append(constraint.lower.map { $0 - shift } ?? -.infinity)
            ups.append(constraint.upper.map { $0 - shift } ?? .infinity)
        }
        rowStart = starts
        rowColumn = cols
        rowValue = values
        rowLower = lows
        rowUpper = ups
        // The transpose.
        var counts = [Int](repeating: 0, count: columns + 1)
        for column in cols { counts[column + 1] += 1 }
        for column in 0..<columns { counts[column + 1] += counts[column] }
        var fill = counts
        var byColumnRow = [Int](repeating: 0, count: cols.count)
        var byColumnValue = [Double](repeating: 0, count: cols.count)
        for row in 0..<(starts.count - 1) {
            for position in starts[row]..<starts[row + 1] {
                let column = cols[position]
                byColumnRow[fill[column]] = row
                byColumnValue[fill[column]] = values[position]
                fill[column] += 1
            }
        }
        columnStart = counts
        columnRow = byColumnRow
        columnValue = byColumnValue
        lower = model.variables.map { ($0.lower ?? -.infinity).rounded(.up) }
        upper = model.variables.map { ($0.upper ?? .infinity).rounded(.down) }
        var objective = [Double](repeating: 0, count: columns)
        for (variable, coefficient) in model.objective.terms { objective[variable.index] += coefficient }
        cost = model.sense == .minimize ? objective : objective.map { -$0 }
        workLimit = 200 * max(1, cols.count) + 10_000
        choiceRows = (0..<(starts.count - 1)).filter { row in
            lows[row] == 1 && ups[row] == 1 && starts[row + 1] - starts[row] > 1
                && (starts[row]..<starts[row + 1]).allSatisfy { values[$0] == 1 && model.variables[cols[$0]].kind == .binary }
        }
        var choiceOf = [Int](repeating: -1, count: columns)
        for row in choiceRows {
            for position in starts[row]..<starts[row + 1] where choiceOf[cols[position]] < 0 { choiceOf[cols[position]] = row }
        }
        choiceRowOf = choiceOf
    }

    /// An integral point feasible for the model, found from the (fractional) point `lp`, or `nil`.
    /// The result has passed ``Model/firstViolation(in:tolerance:)``.
    public func round(_ lp: [Double]) -> [Double]? {
        guard lp.count == model.variables.count else { return nil }
        var state = State(self)
        guard state.propagateAll() else { return nil }
        let order = lp.indices.sorted {
            let a = abs(lp[$0] - lp[$0].rounded()), b = abs(lp[$1] - lp[$1].rounded())
            return a != b ? a < b : $0 < $1
        }
        for column in order where state.low[column] < state.high[column] {
            let value = lp[column].isFinite ? lp[column] : 0
            let first = min(max(value.rounded(), state.low[column]), state.high[column])
            let other = value >= first ? first + 1 : first - 1
            var settled = false
            for target in [first, other] where target >= state.low[column] && target <= state.high[column] {
                let mark = state.trail.count
                if state.fix(column, target), state.propagateAll() {
                    settled = true
                    break
                }
                state.undo(to: mark)
                if state.work > workLimit { return nil }
            }
            if !settled { return nil }
        }
        var point = state.low
        improve(&point)
        guard model.firstViolation(in: point) == nil else { return nil }
        return point
    }

    /// Row activities of a point.
    func activities(_ point: [Double]) -> [Double] {
        var activity = [Double](repeating: 0, count: rowLower.count)
        for row in activity.indices {
            for position in rowStart[row]..<rowStart[row + 1] { activity[row] += rowValue[position] * point[rowColumn[position]] }
        }
        return activity
    }

    /// The local search of step 3 on a feasible integral point: shift, one-opt and swap, repeated while
    /// they improve (at most a few rounds). Never makes the point worse or infeasible.
    public func improve(_ point: inout [Double]) {
        guard point.count == model.variables.count else { return }
        for _ in 0..<4 {
            let shifted = shift(&point)
            let moved = oneOpt(&point)
            if !shifted && !moved && !swap(&point) { break }
        }
    }

    /// The 2-exchange of two choice rows: the 1 of one row moves to a column whose move alone would
    /// overfill a row (a customer to a full facility), and the 1 of another row that sits in that row
    /// moves out to a column of its own choice row (a customer of the full facility elsewhere), when
    /// both together lower the objective and every row holds. The best exchange for each first move
    /// is taken; `true` when something moved. Its work is bounded by the rows' sizes, not a clock.
    @discardableResult
    func swap(_ point: inout [Double]) -> Bool {
        var activity = activities(point)
        var any = false
        var change = [Double](repeating: 0, count: rowLower.count)
        var touched: [Int] = []
        // Whether every row touched by the changes `moves` (column, ±1) holds.
        func holds(_ moves: [(Int, Double)]) -> Bool {
            for (column, step) in moves {
                for position in columnStart[column]..<columnStart[column + 1] {
                    let row = columnRow[position]
                    if change[row] == 0 { touched.append(row) }
                    change[row] += columnValue[position] * step
                }
            }
            var ok = true
            for row in touched {
                let value = activity[row] + change[row]
                if value > rowUpper[row] + tolerance || value < rowLower[row] - tolerance { ok = false }
                change[row] = 0
            }
            touched.removeAll(keepingCapacity: true)
            return ok
        }
        for row in choiceRows {
            let range = rowStart[row]..<rowStart[row + 1]
            guard let from = range.first(where: { point[rowColumn[$0]] > 0.5 }).map({ rowColumn[$0] }) else { continue }
            var best: (to: Int, out: Int, outTo: Int)?, bestGain = 1e-9
            for position in range {
                let to = rowColumn[position]
                let firstGain = cost[from] - cost[to]
                guard to != from, firstGain > bestGain else { continue }
                // The rows `to` would overfill: a column at 1 there with a positive coefficient may leave.
                for toPosition in columnStart[to]..<columnStart[to + 1] {
                    let full = columnRow[toPosition], a = columnValue[toPosition]
                    guard a > 0, rowUpper[full].isFinite, activity[full] + a > rowUpper[full] + tolerance else { continue }
                    for fullPosition in rowStart[full]..<rowStart[full + 1] where rowValue[fullPosition] > 0 {
                        let out = rowColumn[fullPosition]
                        let other = choiceRowOf[out]
                        guard out != from, point[out] > 0.5, other >= 0, other != row else { continue }
                        for otherPosition in rowStart[other]..<rowStart[other + 1] {
                            let outTo = rowColumn[otherPosition]
                            let gain = firstGain + cost[out] - cost[outTo]
                            guard outTo != out, outTo != to, gain > bestGain,
                                  holds([(from, -1), (to, 1), (out, -1), (outTo, 1)]) else { continue }
                            best = (to, out, outTo)
                            bestGain = gain
                        }
                    }
                }
            }
            guard let (to, out, outTo) = best else { continue }
            for (column, step) in [(from, -1.0), (to, 1.0), (out, -1.0), (outTo, 1.0)] {
                point[column] += step
                for position in columnStart[column]..<columnStart[column + 1] {
                    activity[columnRow[position]] += columnValue[position] * step
                }
            }
            any = true
        }
        return any
    }

    /// Moves the 1 of each choice row to the column of the row that lowers the objective most while
    /// every row holds; `true` when something moved.
    @discardableResult
    func shift(_ point: inout [Double]) -> Bool {
        var activity = activities(point)
        var any = false
        for _ in 0..<3 {
            var improved = false
            for row in choiceRows {
                let range = rowStart[row]..<rowStart[row + 1]
                guard let from = range.first(where: { point[rowColumn[$0]] > 0.5 }).map({ rowColumn[$0] }) else { continue }
                var best: Int?, bestGain = 1e-9
                for position in range {
                    let to = rowColumn[position]
                    let gain = cost[from] - cost[to]
                    guard to != from, gain > bestGain, movable(from: from, to: to, activity: activity) else { continue }
                    best = to
                    bestGain = gain
                }
                guard let to = best else { continue }
                point[from] = 0
                point[to] = 1
                for position in columnStart[from]..<columnStart[from + 1] { activity[columnRow[position]] -= columnValue[position] }
                for position in columnStart[to]..<columnStart[to + 1] { activity[columnRow[position]] += columnValue[position] }
                improved = true
                any = true
            }
            if !improved { break }
        }
        return any
    }

    /// Whether every row holds when column `from` goes from 1 to 0 and `to` from 0 to 1.
    private func movable(from: Int, to: Int, activity: [Double]) -> Bool {
        func holds(_ row: Int, _ change: Double) -> Bool {
            let value = activity[row] + change
            return value <= rowUpper[row] + tolerance && value >= rowLower[row] - tolerance
        }
        // Rows of `to`, with `from`'s part when it is in the same row (columns are sorted within a row).
        for position in columnStart[to]..<columnStart[to + 1] {
            let row = columnRow[position]
            var change = columnValue[position]
            if let shared = coefficient(of: from, in: row) { change -= shared }
            if !holds(row, change) { return false }
        }
        for position in columnStart[from]..<columnStart[from + 1] {
            let row = columnRow[position]
            if coefficient(of: to, in: row) == nil, !holds(row, -columnValue[position]) { return false }
        }
        return true
    }

    /// The coefficient of a column in a row, by binary search (columns are sorted within a row).
    private func coefficient(of column: Int, in row: Int) -> Double? {
        var low = rowStart[row], high = rowStart[row + 1]
        while low < high {
            let middle = (low + high) / 2
            if rowColumn[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low < rowStart[row + 1] && rowColumn[low] == column ? rowValue[low] : nil
    }

    /// Moves single columns in their improving direction as far as every row allows, in index order,
    /// until no move improves; `true` when something moved.
    @discardableResult
    func oneOpt(_ point: inout [Double]) -> Bool {
        var activity = activities(point)
        var any = false
        var improved = true, passes = 0
        while improved && passes < 3 {
            improved = false
            passes += 1
            for column in point.indices where cost[column] != 0 {
                let direction: Double = cost[column] > 0 ? -1 : 1
                var step = direction < 0 ? point[column] - lower[column] : upper[column] - point[column]
                for position in columnStart[column]..<columnStart[column + 1] where step > 0 {
                    let row = columnRow[position], change = columnValue[position] * direction
                    if change > 0, rowUpper[row].isFinite {
                        step = min(step, ((rowUpper[row] - activity[row]) / change + tolerance).rounded(.down))
                    } else if change < 0, rowLower[row].isFinite {
                        step = min(step, ((rowLower[row] - activity[row]) / change + tolerance).rounded(.down))
                    }
                }
                guard step >= 1, step.isFinite else { continue }
                point[column] += direction * step
                for position in columnStart[column]..<columnStart[column + 1] {
                    activity[columnRow[position]] += columnValue[position] * direction * step
                }
                improved = true
                any = true
            }
        }
        return any
    }

    /// Column domains, row activities and the trail of changes of one call.
    private struct State {
        let heuristic: FixAndPropagate
        var low: [Double], high: [Double]
        /// Finite parts of the minimum and maximum activity, and how many infinite contributions each has.
        var minimum: [Double], maximum: [Double], minimumInfinite: [Int], maximumInfinite: [Int]
        var trail: [(column: Int, low: Double, high: Double)] = []
        var queue: [Int] = [], queued: [Bool]
        var work = 0

        init(_ heuristic: FixAndPropagate) {
            self.heuristic = heuristic
            low = heuristic.lower
            high = heuristic.upper
            let rows = heuristic.rowLower.count
            minimum = [Double](repeating: 0, count: rows)
            maximum = minimum
            minimumInfinite = [Int](repeating: 0, count: rows)
            maximumInfinite = minimumInfinite
            queued = [Bool](repeating: true, count: rows)
            queue = Array(0..<rows)
            for row in 0..<rows {
                for position in heuristic.rowStart[row]..<heuristic.rowStart[row + 1] {
                    add(row: row, coefficient: heuristic.rowValue[position], column: heuristic.rowColumn[position], sign: 1)
                }
            }
        }

        /// Adds (sign 1) or removes (sign −1) a column's contribution to a row's activity bounds.
        mutating func add(row: Int, coefficient a: Double, column: Int, sign: Double) {
            let (small, large) = a > 0 ? (a * low[column], a * high[column]) : (a * high[column], a * low[column])
            if small.isFinite { minimum[row] += sign * small } else { minimumInfinite[row] += Int(sign) }
            if large.isFinite { maximum[row] += sign * large } else { maximumInfinite[row] += Int(sign) }
        }

        /// Sets a column's domain, keeping the activities and the trail.
        mutating func set(_ column: Int, low newLow: Double, high newHigh: Double, record: Bool = true) {
            let h = heuristic
            for position in h.columnStart[column]..<h.columnStart[column + 1] {
                add(row: h.columnRow[position], coefficient: h.columnValue[position], column: column, sign: -1)
            }
            if record { trail.append((column, low[column], high[column])) }
            low[column] = newLow
            high[column] = newHigh
            for position in h.columnStart[column]..<h.columnStart[column + 1] {
                let row = h.columnRow[position]
                add(row: row, coefficient: h.columnValue[position], column: column, sign: 1)
                if !queued[row] {
                    queued[row] = true
                    queue.append(row)
                }
            }
        }

        mutating func fix(_ column: Int, _ value: Double) -> Bool {
            set(column, low: value, high: value)
            return true
        }

        mutating func undo(to mark: Int) {
            while trail.count > mark, let last = trail.popLast() {
                set(last.column, low: last.low, high: last.high, record: false)
            }
            for row in queue { queued[row] = false }
            queue.removeAll(keepingCapacity: true)
        }

        /// Propagates every queued row; `false` when a row cannot hold or a domain becomes empty.
        mutating func propagateAll() -> Bool {
            let h = heuristic, tolerance = h.tolerance
            var head = 0
            defer {
                for row in queue[head...] { queued[row] = false }
                queue.removeAll(keepingCapacity: true)
            }
            while head < queue.count {
                let row = queue[head]
                head += 1
                queued[row] = false
                work += h.rowStart[row + 1] - h.rowStart[row]
                if work > h.workLimit { return false }
                let upperBound = h.rowUpper[row], lowerBound = h.rowLower[row]
                let slack = 1e-9 * max(1, abs(upperBound.isFinite ? upperBound : 0), abs(lowerBound.isFinite ? lowerBound : 0))
                if minimumInfinite[row] == 0, minimum[row] > upperBound + tolerance + slack { return false }
                if maximumInfinite[row] == 0, maximum[row] < lowerBound - tolerance - slack { return false }
                for position in h.rowStart[row]..<h.rowStart[row + 1] {
                    let column = h.rowColumn[position], a = h.rowValue[position]
                    guard low[column] < high[column] else { continue }
                    var newLow = low[column], newHigh = high[column]
                    let (small, large) = a > 0 ? (a * low[column], a * high[column]) : (a * high[column], a * low[column])
                    // The activity of the rest of the row, at its least and its most.
                    if upperBound.isFinite {
                        let infinite = minimumInfinite[row] - (small.isFinite ? 0 : 1)
                        if infinite == 0 {
                            let rest = minimum[row] - (small.isFinite ? small : 0)
                            let limit = (upperBound - rest) / a
                            if a > 0 { newHigh = min(newHigh, (limit + tolerance).rounded(.down)) }
                            else { newLow = max(newLow, (limit - tolerance).rounded(.up)) }
                        }
                    }
                    if lowerBound.isFinite {
                        let infinite = maximumInfinite[row] - (large.isFinite ? 0 : 1)
                        if infinite == 0 {
                            let rest = maximum[row] - (large.isFinite ? large : 0)
                            let limit = (lowerBound - rest) / a
                            if a > 0 { newLow = max(newLow, (limit - tolerance).rounded(.up)) }
                            else { newHigh = min(newHigh, (limit + tolerance).rounded(.down)) }
                        }
                    }
                    if newLow > newHigh { return false }
                    if newLow > low[column] || newHigh < high[column] { set(column, low: newLow, high: newHigh) }
                }
            }
            return true
        }
    }
}
