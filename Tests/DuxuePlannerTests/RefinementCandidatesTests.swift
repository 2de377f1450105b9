import DuxueDomain
import DuxueGLPK
import DuxueSynth
import Testing

@testable import DuxuePlanner

/// P5 looks only at the holders a move may go to (the school's zone, and holders that hold a school of
/// that zone across zones). Cross-check: on generated districts, with and without a previous roster and
/// with zones preferred or ignored, it makes exactly the moves the exhaustive scan of every holder makes.
@Suite("P5 candidate holders")
struct RefinementCandidatesTests {
    @Test(arguments: [(400, UInt64(3), ZoneMode.prefer, 0.0), (600, 5, .ignore, 0.0), (500, 8, .prefer, 0.1),
                      (300, 11, .require, 0.05)])
    func candidateListsChangeNoMove(schools: Int, seed: UInt64, zoning: ZoneMode, churn: Double) throws {
        var configuration = DistrictGenerator.Configuration(
            schools: schools, pool: .ample, seed: seed, termStart: Day(iso: "2027-09-01")!)
        configuration.policy.zones = zoning
        if churn > 0 { configuration.previousChurn = churn }
        let generated = try DistrictGenerator(configuration).generate()
        var options = PlannerOptions()
        options.skipRefinement = true
        let plan = try Planner(solver: GLPKSolver()).plan(
            district: generated.district, policy: generated.policy, previous: generated.previousRoster, options: options)
        var previous: [School.ID: Inspector.ID] = [:]
        for assignment in generated.previousRoster?.assignments ?? [] {
            if case .inspector(let id) = assignment.assignee { previous[assignment.school] = id }
        }
        var listed = Refinement(district: generated.district, policy: generated.policy, roster: plan.roster, previous: previous)
        var exhaustive = listed
        exhaustive.exhaustive = true
        let fast = listed.improve(work: .max)
        let full = exhaustive.improve(work: .max)
        let differing = zip(fast.assignments, full.assignments).filter { $0 != $1 }.map(\.0.school)
        #expect(fast.assignments.count == full.assignments.count)
        #expect(differing.isEmpty, "schools placed differently: \(differing.prefix(5))")
        // The search did something to compare: P5 moved schools.
        #expect(fast != plan.roster)
    }
}
