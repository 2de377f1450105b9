import DuxueGLPK
import DuxueMIP
import Foundation
import Testing

/// Single-source capacitated facility location instances of Holmberg et al. (1999) with their
/// published optima. Proves the MIP layer and the C module right on problems nobody here wrote.
/// The instances are copied into `Holmberg/` (from the product owner's `shared/benchmarks/`), so the
/// suite needs nothing outside the repository.
@Suite("Holmberg SSCFLP published optima")
struct HolmbergTests {
    /// The instances that GLPK settles in a few seconds each (measured: see benchmarks/holmberg.md).
    static let quick = [1, 2, 3, 5, 6, 7, 9, 10, 11]

    /// The folder of the copied instances in the test bundle.
    static func directory() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Holmberg", withExtension: nil))
        return url.path
    }

    @Test(arguments: quick)
    func reachesPublishedOptimum(instance: Int) throws {
        let directory = try Self.directory()
        let problem = try HolmbergInstance(path: "\(directory)/p\(instance)")
        let optimum = try HolmbergInstance.optimum(instance, directory: directory)
        let solution = try GLPKSolver().solve(problem.model(), options: SolveOptions(timeLimit: 120))
        #expect(solution.status == .optimal)
        #expect(solution.objective.rounded() == optimum)
    }

    /// The copies are the product owner's files, byte for byte, when `shared/` is beside the project.
    @Test func copiesMatchTheSharedSet() throws {
        guard let shared = HolmbergInstance.directory else { return }
        let directory = try Self.directory()
        for name in Self.quick.map({ "p\($0)" }) + ["optimal.txt"] {
            let copy = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
            let original = try Data(contentsOf: URL(fileURLWithPath: "\(shared)/\(name)"))
            #expect(copy == original, "\(name) differs from shared/benchmarks/sscflp-holmberg/\(name)")
        }
    }
}
