import DuxueGLPK
import DuxueMIP
import Foundation
import Testing

/// Single-source capacitated facility location instances of Holmberg et al. (1999) with their
/// published optima, from the product owner's `shared/benchmarks/` (beside the project root).
/// Proves the MIP layer and the C module right on problems nobody here wrote.
@Suite("Holmberg SSCFLP published optima")
struct HolmbergTests {
    /// The instances that GLPK settles in a few seconds each (measured: see benchmarks/README.md).
    static let quick = [1, 2, 3, 5, 6, 7, 9, 10, 11]

    @Test(arguments: quick)
    func reachesPublishedOptimum(instance: Int) throws {
        guard let directory = HolmbergInstance.directory else {
            Issue.record("shared/benchmarks/sscflp-holmberg not found beside the project")
            return
        }
        let problem = try HolmbergInstance(path: "\(directory)/p\(instance)")
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        let solution = try GLPKSolver().solve(problem.model(), options: SolveOptions(timeLimit: 120))
        #expect(solution.status == .optimal)
        #expect(solution.objective.rounded() == optimum)
    }
}
