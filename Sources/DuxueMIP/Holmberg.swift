import Foundation

/// A single-source capacitated facility location instance in the Holmberg et al. (1999) format,
/// used to check the MIP layer against published optima (tests and benchmarks).
public struct HolmbergInstance: Sendable {
    /// Facility capacities.
    public var capacity: [Double]
    /// Facility opening costs.
    public var fixedCost: [Double]
    /// Customer demands.
    public var demand: [Double]
    /// cost[i][j]: cost of serving customer j from facility i.
    public var cost: [[Double]]

    /// Reads an instance file (`m n`, m × `capacity fixed`, n demands, m × n costs).
    public init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
            .compactMap { Double($0) }
        guard numbers.count >= 2 else { throw CocoaError(.fileReadCorruptFile) }
        let m = Int(numbers[0]), n = Int(numbers[1])
        guard numbers.count >= 2 + 2 * m + n + m * n else { throw CocoaError(.fileReadCorruptFile) }
        var position = 2
        capacity = []
        fixedCost = []
        for _ in 0..<m {
            capacity.append(numbers[position])
            fixedCost.append(numbers[position + 1])
            position += 2
        }
        demand = Array(numbers[position..<position + n])
        position += n
        cost = (0..<m).map { i in Array(numbers[(position + i * n)..<(position + (i + 1) * n)]) }
    }

    /// The published optimum of instance k from `optimal.txt`.
    public static func optimum(_ k: Int, directory: String) throws -> Double {
        let lines = try String(contentsOfFile: "\(directory)/optimal.txt", encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard k >= 1, k <= lines.count, let value = Double(lines[k - 1]) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return value
    }

    /// The folder of the instances: `$DUXUE_HOLMBERG`, or `shared/benchmarks/sscflp-holmberg` beside
    /// the project root or the working directory.
    public static var directory: String? {
        var candidates: [String] = []
        if let path = ProcessInfo.processInfo.environment["DUXUE_HOLMBERG"] { candidates.append(path) }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            url.deleteLastPathComponent()
            candidates.append(url.appendingPathComponent("shared/benchmarks/sscflp-holmberg").path)
        }
        let cwd = FileManager.default.currentDirectoryPath
        candidates.append("\(cwd)/../shared/benchmarks/sscflp-holmberg")
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/optimal.txt") }
    }

    /// min Σ fᵢyᵢ + Σ cᵢⱼxᵢⱼ s.t. Σᵢ xᵢⱼ = 1 ∀j; Σⱼ dⱼxᵢⱼ ≤ Qᵢyᵢ ∀i; xᵢⱼ ≤ yᵢ; x, y binary.
    public func model() -> Model {
        var model = Model(name: "sscflp")
        let m = capacity.count, n = demand.count
        let open = (0..<m).map { model.addVariable("open[\($0 + 1)]", kind: .binary) }
        let serve = (0..<m).map { i in (0..<n).map { j in model.addVariable("serve[\(i + 1),\(j + 1)]", kind: .binary) } }
        for j in 0..<n {
            model.addConstraint("assign[\(j + 1)]", LinearExpression.sum((0..<m).map { serve[$0][j] }), equal: 1)
        }
        for i in 0..<m {
            var load = LinearExpression((0..<n).map { (serve[i][$0], demand[$0]) })
            load.add(open[i], -capacity[i])
            model.addConstraint("capacity[\(i + 1)]", load, lessOrEqual: 0)
            for j in 0..<n {
                model.addConstraint("link[\(i + 1),\(j + 1)]", LinearExpression([(serve[i][j], 1), (open[i], -1)]), lessOrEqual: 0)
            }
        }
        var objective = LinearExpression((0..<m).map { (open[$0], fixedCost[$0]) })
        for i in 0..<m { for j in 0..<n { objective.add(serve[i][j], cost[i][j]) } }
        model.setObjective(.minimize, objective)
        return model
    }
}
