import DuxueDomain
import DuxueGLPK
import DuxueMIP
import DuxueSynth
import Testing

@testable import DuxuePlanner

/// The P3 crossing repair (``CrossingRepair``): the LP's aggregates rounded, the schools routed by
/// least-cost flows, one cost per crossing.
@Suite("crossing repair")
struct CrossingRepairTests {
    /// The class model of a district with P1a and P1b solved and held by rows, and P3's objective set.
    static func crossingModel(schools: [School], inspectors: [Inspector], policy: Policy) throws -> RosterModel {
        let eligible = inspectors.filter { Eligibility.exclusions(of: $0, under: policy).isEmpty }
        let partition = ClassPartition(schools: schools, eligible: eligible, policy: policy, previous: [:])
        var builder = RosterModel(partition: partition, policy: policy)
        builder.build()
        for (name, objective) in [("P1a", builder.recruits), ("P1b", builder.fullTimeRecruits)] {
            builder.setObjective(.minimize, objective)
            let solved = try GLPKSolver().solve(builder.model, options: SolveOptions())
            try #require(solved.termination == .optimal)
            builder.fix(name, objective, sense: .minimize, at: solved.objective)
        }
        builder.setObjective(.minimize, builder.crossings)
        return builder
    }

    /// The roster with the most crossings the rows allow (GLPK, crossings maximised): the worst start.
    static func worstRoster(_ builder: RosterModel) throws -> [Double] {
        var worst = builder
        worst.setObjective(.maximize, builder.crossings)
        let solved = try GLPKSolver().solve(worst.model, options: SolveOptions())
        try #require(solved.termination == .optimal)
        return solved.values
    }

    /// Zone A has 7 schools and one full-time inspector (cap 5), zone B 3 schools, a full-time and a
    /// part-time inspector: no recruits are needed (15 places for 10 schools), and A's own inspector holds
    /// at most 5 of A's schools, so at least 2 cross zones, and 2 do when B's people take the other two.
    /// The worst roster (A's inspector on B's 3 schools, B's people on A's 7) has 10. From it the repair
    /// builds a roster of 2 crossings that breaks no row: the LP bound, so P3 is proven.
    @Test func twoZonesRepairedToTheBound() throws {
        let schools = Fixture.schools(7, zone: "A", prefix: "A") + Fixture.schools(3, zone: "B", prefix: "B")
        let inspectors = [Fixture.inspector("a1", .fullTime, zone: "A"), Fixture.inspector("b1", .fullTime, zone: "B"),
                          Fixture.inspector("b2", zone: "B")]
        let builder = try Self.crossingModel(schools: schools, inspectors: inspectors, policy: Fixture.policy(zones: .prefer))
        let worst = try Self.worstRoster(builder)
        #expect(builder.crossings.value(in: worst) == 10)
        let outcome = try CrossingRepair(builder: builder).run(solver: GLPKSolver(), incumbent: worst, timeLimit: nil)
        let values = try #require(outcome.values)
        #expect(outcome.bound.map { ($0 - 1e-6).rounded(.up) } == 2)
        #expect(!outcome.incumbentMeets)
        #expect(outcome.proven)
        #expect(outcome.objective == 2)
        #expect(builder.model.firstViolation(in: values) == nil)
        #expect(builder.recruits.value(in: values) == 0)
        // A's own inspector holds 5 of A's schools.
        let a1 = try #require(builder.partition.inspectorClasses.first { $0.members.first?.id.rawValue == "a1" })
        let zoneA = try #require(builder.partition.zones.first { $0.rawValue == "A" })
        let held = builder.direct.filter { $0.k == a1.index && builder.partition.schoolClasses[$0.g].zone == zoneA }
            .reduce(0.0) { $0 + values[$1.variable.index] }
        #expect(held == 5)
    }

    /// The flows keep the rows the aggregates carry: for the worst roster's own aggregates (people and
    /// recruits unchanged) the least-cost flows give a roster that breaks no row, with no more crossings
    /// than the worst roster, and the share's slack of those aggregates is not negative.
    @Test func theRosterBeforesAggregatesGiveAFeasibleRoster() throws {
        let schools = Fixture.schools(7, zone: "A", prefix: "A") + Fixture.schools(3, zone: "B", prefix: "B")
        let inspectors = [Fixture.inspector("a1", .fullTime, zone: "A"), Fixture.inspector("b1", .fullTime, zone: "B"),
                          Fixture.inspector("b2", zone: "B")]
        let builder = try Self.crossingModel(schools: schools, inspectors: inspectors, policy: Fixture.policy(zones: .prefer))
        let worst = try Self.worstRoster(builder)
        let repair = CrossingRepair(builder: builder)
        let aggregates = repair.aggregates(of: worst)
        #expect(repair.shareSlack(of: aggregates) >= 0)
        let values = try #require(repair.withinShare(aggregates))
        #expect(builder.model.firstViolation(in: values) == nil)
        #expect(builder.crossings.value(in: values) <= 10)
    }

    /// Where the repair does not reach the bound (pools short of full-time: the share binds and the
    /// rounded part-time appointees cost crossings or the share) the level is still GLPK's, and right:
    /// the plan's level values are the same with the repair on and off (the second path is relax and fix
    /// and GLPK's search), on short and short-of-full-time pools with zones preferred; P3 is proven either way.
    @Test(arguments: [(400, DistrictGenerator.PoolShape.short, UInt64(7)), (600, .short, 3),
                      (400, .shortOfFullTime, 3), (500, .shortOfFullTime, 11)])
    func levelValuesAreUnchangedWithTheRepairOnOrOff(schools: Int, pool: DistrictGenerator.PoolShape, seed: UInt64) throws {
        let generated = try DistrictGenerator(.init(schools: schools, pool: pool, seed: seed, termStart: Day(iso: "2027-09-01")!))
            .generate()
        var policy = generated.policy
        policy.zones = .prefer
        var options = PlannerOptions()
        options.skipRefinement = true
        options.crossingRepair = false
        let plain = try Planner(solver: GLPKSolver()).plan(district: generated.district, policy: policy, options: options)
        options.crossingRepair = true
        let repaired = try Planner(solver: GLPKSolver()).plan(district: generated.district, policy: policy, options: options)
        #expect(plain.levels.map(\.priority) == repaired.levels.map(\.priority))
        #expect(plain.levels.map(\.value) == repaired.levels.map(\.value))
        let p3 = try #require(repaired.levels.first { $0.priority == .crossings })
        #expect(p3.termination == .optimal)
        #expect(repaired.errors.isEmpty)
    }
}
