import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import DuxueSynth
import Testing

/// Renewals of generated districts with a previous roster (`previousChurn`): compliant, as few changed
/// schools as an independent pair model proves possible, and far fewer than a fresh plan would change.
@Suite("Renewal on generated districts")
struct RenewalGeneratedTests {
    static let asOf = Day(year: 2028, month: 9, day: 1)!

    func generated(schools: Int, seed: UInt64, churn: Double, zones: Int) throws -> (GeneratedDistrict, PreviousTerm) {
        let pools: [DistrictGenerator.PoolShape] = [.ample, .tight, .short, .shortOfFullTime]
        var config = DistrictGenerator.Configuration(
            schools: schools, pool: pools[Int(seed) % pools.count], seed: seed, termStart: Fixture.termStart,
            zoning: .count(zones))
        config.previousChurn = churn
        let district = try DistrictGenerator(config).generate()
        return (district, try #require(district.previous))
    }

    func renew(_ district: GeneratedDistrict, _ previous: PreviousTerm, newTerm: Bool = false) throws -> Renewal {
        try Renewer(planner: Planner(solver: GLPKSolver())).renew(RenewalRequest(
            district: district.district, policy: district.policy, previous: previous.roster,
            previousTermStart: previous.termStart, pairTerms: previous.pairTerms, asOf: Self.asOf, startsNewTerm: newTerm,
            earlyConfirmed: true))
    }

    /// Small districts (12–20 schools, 2 zones): recruits and pairs kept equal the pair model's optima.
    @Test(arguments: Array(UInt64(1)...10))
    func keepsAsManyPairsAsThePairModel(seed: UInt64) throws {
        let (district, previous) = try generated(schools: 12 + Int(seed % 3) * 4, seed: seed, churn: 0.15, zones: 2)
        let renewal = try renew(district, previous, newTerm: seed % 2 == 0)
        #expect(renewal.plan.errors.isEmpty, "seed \(seed): \(renewal.plan.errors)")
        #expect(renewal.plan.isProvenOptimal)

        var holders: [School.ID: Inspector.ID] = [:]
        for assignment in previous.roster.assignments {
            if let id = assignment.assignee.inspectorID { holders[assignment.school] = id }
        }
        // The rotation pairs are forbidden in the planner's district as conflicts; none here (no rotation policy).
        let reference = try PairModel(district: renewal.plan.district, policy: renewal.plan.policy, previous: holders)
            .solveLexicographically()
        #expect(renewal.plan.figures.recruits == reference.recruits, "seed \(seed) recruits")
        #expect(renewal.plan.figures.keptSchools == reference.kept, "seed \(seed) kept")
        #expect(renewal.changes.kept.count == reference.kept, "seed \(seed) kept in the change list")
    }

    /// 150 schools, 5% churn: the renewal changes under a third of what a fresh plan changes.
    @Test(arguments: Array(UInt64(1)...4))
    func changesFarFewerSchoolsThanAFreshPlan(seed: UInt64) throws {
        let (district, previous) = try generated(schools: 150, seed: seed, churn: 0.05, zones: 9)
        let renewal = try renew(district, previous)
        #expect(renewal.plan.errors.isEmpty, "seed \(seed): \(renewal.plan.errors)")
        let fresh = try Planner(solver: GLPKSolver()).plan(district: renewal.plan.district, policy: renewal.plan.policy)
        let freshChanges = ChangeList(
            previous: previous.roster, roster: fresh.roster, district: renewal.plan.district, policy: renewal.plan.policy
        ).changedSchools
        #expect(renewal.plan.figures.recruits == fresh.figures.recruits)
        #expect(renewal.changes.changedSchools * 3 < freshChanges,
                "seed \(seed): renewal \(renewal.changes.changedSchools), fresh plan \(freshChanges)")
    }
}
