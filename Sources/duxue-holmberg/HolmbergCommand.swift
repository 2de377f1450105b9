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

    @Flag(inversion: .prefixedNo, help: "When GLPK's search does not prove the optimum, improve its solution by the MIP layer's relax and fix with RINS rounds (off by default: in the one measured run it took 30% of the limit from GLPK and reached fewer optima).")
    var heuristic = false

    @Flag(name: .customLong("node-heuristics"), inversion: .prefixedNo, help: "Run the MIP layer's node heuristics (fix-and-propagate rounding, RINS) inside GLPK's search.")
    var nodeHeuristics = true

    @Flag(inversion: .prefixedNo, help: "Reduced-cost fixing with restarts: start the search again on a smaller model each time a new incumbent would fix a further twentieth of the free columns by reduced costs (the LP relaxation's, then each search's root LP after its cuts: the MIP layer's RestartSearch).")
    var restarts = true

    @Option(name: .customLong("cuts"), help: "GLPK's cut families as a bit mask: 1 Gomory, 2 MIR, 4 cover, 8 clique (default all four; the planner's default is Gomory only).")
    var cuts: Int32 = 0b1111

    @Option(name: .customLong("heuristic-nodes"), help: "Branch-and-bound nodes of the heuristic's fixed model.")
    var heuristicNodes = 500

    @Option(name: .customLong("heuristic-share"), help: "Share of the time limit left to the heuristic after GLPK's search.")
    var heuristicShare = 0.3

    @Option(name: .customLong("rins-rounds"), help: "RINS rounds after relax and fix (0: none).")
    var rinsRounds = 5

    func validate() throws {
        guard (0...15).contains(cuts) else { throw ValidationError("--cuts must be 0–15") }
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
        /// What the heuristic did: proved, improved (a start for GLPK), none, or off.
        var heuristic: String
        /// The heuristic's objective, when it found a solution.
        var heuristicObjective: Double?
        var facilities: Int
        var customers: Int
        /// How many times the search started again on a smaller model (0 without restarts).
        var restarts: Int
        /// Columns the last search had fixed by reduced costs.
        var fixed: Int
    }

    /// Solves with GLPK, through the MIP layer's restarts when they are on.
    func search(_ model: Model, _ solver: GLPKSolver, _ options: SolveOptions) throws -> RestartSearch.Outcome {
        guard restarts else { return RestartSearch.Outcome(solution: try solver.solve(model, options: options)) }
        return try RestartSearch(solver: solver, model: model).run(options: options)
    }

    func run() throws {
        let problem: HolmbergInstance
        do {
            problem = try HolmbergInstance(path: instance)
        } catch {
            throw ValidationError("cannot read \(instance) as a Holmberg instance: \(error.localizedDescription)")
        }
        let model = problem.model()
        var tuning = GLPKSolver.Tuning()
        tuning.cuts = cuts
        let solver = GLPKSolver(tuning: tuning)
        if let exportMPS { try solver.export(model, format: .mps, to: exportMPS) }
        if noSolve { return }
        let start = DispatchTime.now().uptimeNanoseconds
        var options = SolveOptions(timeLimit: timeLimit)
        options.nodeHeuristics = nodeHeuristics
        var heuristicResult = "off"
        var heuristicObjective: Double?
        var solution: Solution
        let outcome: RestartSearch.Outcome
        if heuristic {
            // GLPK first, for its share of the limit; then the MIP layer's relax and fix with RINS rounds
            // from GLPK's best solution (or from nothing) for the rest. The better solution is kept.
            options.timeLimit = timeLimit * (1 - heuristicShare)
            outcome = try search(model, solver, options)
            solution = outcome.solution
            heuristicResult = "not_needed"
            if solution.primal != .optimal {
                let spent = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let found = try RelaxAndFix(solver: solver, model: model, sense: .minimize, nodes: heuristicNodes,
                                            integralObjective: false, rinsRounds: rinsRounds)
                    .run(incumbent: solution.hasSolution ? solution.values : nil, timeLimit: max(0.05, timeLimit - spent))
                heuristicResult = found.improved ? "improved" : "none"
                heuristicObjective = found.hasSolution ? found.objective : nil
                solution.nodes += found.nodes
                if found.hasSolution && (!solution.hasSolution || found.objective < solution.objective - 1e-9) {
                    solution.values = found.values
                    solution.objective = found.objective
                    solution.primal = .feasible
                }
                if let bound = found.bound, solution.hasSolution, !solution.bound.isFinite || bound > solution.bound {
                    solution.bound = max(solution.bound.isFinite ? solution.bound : bound, bound)
                }
                if found.proven || (solution.hasSolution && solution.bound.isFinite && solution.objective <= solution.bound + 1e-6) {
                    solution.primal = .optimal
                    solution.termination = .optimal
                    heuristicResult = "proved"
                }
            }
        } else {
            outcome = try search(model, solver, options)
            solution = outcome.solution
        }
        solution.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let result = Result(
            instance: URL(fileURLWithPath: instance).lastPathComponent,
            objective: solution.status.hasSolution ? solution.objective : nil,
            bound: solution.bound.isFinite ? solution.bound : nil, status: solution.status.rawValue,
            seconds: solution.seconds, nodes: solution.nodes, heuristic: heuristicResult,
            heuristicObjective: heuristicObjective, facilities: problem.capacity.count,
            customers: problem.demand.count, restarts: outcome.restarts, fixed: outcome.tightened)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
