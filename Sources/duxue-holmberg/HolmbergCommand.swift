import ArgumentParser
import DuxueGLPK
import DuxueMIP
import Foundation

/// `duxue-holmberg FILE`: solves one Holmberg SSCFLP instance with Duxue's GLPK back end under a time
/// limit and prints one JSON object; optionally exports the model as MPS for other solvers
/// (benchmarks/holmberg.py).
@main
struct HolmbergCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duxue-holmberg",
        abstract: "Solve one Holmberg SSCFLP instance with GLPK and print JSON (benchmark helper)."
    )

    @Argument(help: "Instance file, e.g. shared/benchmarks/sscflp-holmberg/p12.")
    var instance: String

    @Option(name: .customLong("time-limit"), help: "Seconds for GLPK.")
    var timeLimit: Double = 60

    @Option(name: .customLong("export-mps"), help: "Write the model as free MPS to this path (and solve unless --no-solve).")
    var exportMPS: String?

    @Flag(name: .customLong("no-solve"), help: "Only export the model.")
    var noSolve = false

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        if noSolve && exportMPS == nil { throw ValidationError("--no-solve needs --export-mps PATH") }
    }

    /// What is printed.
    struct Result: Encodable {
        var instance: String
        var objective: Double?
        var bound: Double?
        var status: String
        var seconds: Double
        var nodes: Int
        var facilities: Int
        var customers: Int
    }

    func run() throws {
        let problem: HolmbergInstance
        do {
            problem = try HolmbergInstance(path: instance)
        } catch {
            throw ValidationError("cannot read \(instance) as a Holmberg instance: \(error.localizedDescription)")
        }
        let model = problem.model()
        let solver = GLPKSolver()
        if let exportMPS { try solver.export(model, format: .mps, to: exportMPS) }
        if noSolve { return }
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: timeLimit))
        let result = Result(
            instance: URL(fileURLWithPath: instance).lastPathComponent,
            objective: solution.status.hasSolution ? solution.objective : nil,
            bound: solution.bound.isFinite ? solution.bound : nil, status: solution.status.rawValue,
            seconds: solution.seconds, nodes: solution.nodes, facilities: problem.capacity.count,
            customers: problem.demand.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
