import DuxueDomain
import DuxueGLPK
import DuxueMIP
import DuxueSynth
import Testing

@testable import DuxuePlanner

/// The P1a roster repair (``RosterRepair``): recruits rounded per zone from the LP, the assignment
/// completed by maximum flows.
@Suite("roster repair")
struct RosterRepairTests {
    /// The class model of a generated district with P1a's objective set.
    static func recruitModel(schools: Int, pool: DistrictGenerator.PoolShape, seed: UInt64, zones: ZoneMode? = nil) throws -> RosterModel {
        let generated = try DistrictGenerator(.init(schools: schools, pool: pool, seed: seed, termStart: Day(iso: "2027-09-01")!))
            .generate()
        var policy = generated.policy
        if let zones { policy.zones = zones }
        let eligible = generated.district.inspectors.filter { Eligibility.exclusions(of: $0, under: policy).isEmpty }
        let partition = ClassPartition(schools: generated.district.schools, eligible: eligible, policy: policy, previous: [:])
        var builder = RosterModel(partition: partition, policy: policy)
        builder.build()
        builder.setObjective(.minimize, builder.recruits)
        return builder
    }

    /// From the trivial roster (every school to recruits, far above the bound), the repair builds a
    /// roster that satisfies every row of the model and has ⌈LP bound⌉ recruits; GLPK's own search of
    /// the same model agrees on the optimum. Pools short of full-time (zones preferred or ignored; with
    /// zones required the shift of recruits between zones does not yet reach the bound on these seeds),
    /// and short pools with zones preferred (every school reachable through the cross-zone pools): those
    /// missed by one school on every size before large schools went to the members of smallest cap first
    /// — a part-timer of cap 5 on a large school gives up five standard schools, one of cap 3 only three.
    @Test(arguments: [(600, DistrictGenerator.PoolShape.shortOfFullTime, UInt64(3), ZoneMode.prefer),
                      (600, .shortOfFullTime, 3, .ignore), (600, .shortOfFullTime, 11, .prefer),
                      (150, .short, 7, .prefer), (400, .short, 7, .prefer), (300, .short, 4, .prefer)])
    func repairedRosterIsFeasibleAndMeetsTheBound(schools: Int, pool: DistrictGenerator.PoolShape, seed: UInt64,
                                                  zones: ZoneMode) throws {
        let builder = try Self.recruitModel(schools: schools, pool: pool, seed: seed, zones: zones)
        let outcome = try RosterRepair(builder: builder).run(solver: GLPKSolver(), incumbent: builder.trivialSolution(), timeLimit: nil)
        let bound = try #require(outcome.bound)
        let values = try #require(outcome.values)
        #expect(!outcome.incumbentMeets)
        #expect(builder.model.firstViolation(in: values) == nil)
        #expect(outcome.objective == (bound - 1e-6).rounded(.up))
        #expect(outcome.proven)
        #expect(try Self.searchedOptimum(builder) == outcome.objective)
    }

    /// Independently: GLPK's branch and bound on the same model (no incumbent, no heuristic), bounded by
    /// nodes, not seconds; `nil` unless it proves its optimum.
    static func searchedOptimum(_ builder: RosterModel) throws -> Double? {
        var options = SolveOptions()
        options.strategy = .pseudocost
        options.progress = { $0.nodes > 200_000 ? .workLimit : nil }
        let searched = try GLPKSolver().solve(builder.model, options: options)
        return searched.termination == .optimal ? searched.objective : nil
    }

    /// P1b through the repair: with P1a's value held by a row, the recruits of P1a's repaired roster,
    /// part-timers packed tightly and the full-time recruits lowered to what the share's slack allows
    /// meet P1b's LP bound; GLPK's search of the same model agrees.
    @Test(arguments: [(400, DistrictGenerator.PoolShape.short, UInt64(7), ZoneMode.prefer),
                      (600, .shortOfFullTime, 3, .prefer), (300, .short, 5, .require)])
    func fullTimeRecruitsAreRepairedToo(schools: Int, pool: DistrictGenerator.PoolShape, seed: UInt64, zones: ZoneMode) throws {
        var builder = try Self.recruitModel(schools: schools, pool: pool, seed: seed, zones: zones)
        let first = try RosterRepair(builder: builder).run(solver: GLPKSolver(), incumbent: builder.trivialSolution(), timeLimit: nil)
        let p1a = try #require(first.values)
        try #require(first.proven)
        builder.fix("P1a", builder.recruits, sense: .minimize, at: builder.recruits.value(in: p1a))
        builder.setObjective(.minimize, builder.fullTimeRecruits)
        // P1a's repair already lowers the full-time recruits; undone here (every recruit full-time, still
        // feasible), so that P1b's own repair has the work to do.
        var start = p1a
        for zone in builder.partition.zones {
            guard let f = builder.fullTimeVacancies[zone] else { continue }
            start[f.index] = builder.vacancies(in: zone).value(in: p1a)
        }
        try #require(builder.model.firstViolation(in: start) == nil)
        let outcome = try RosterRepair(builder: builder, level: .fullTimeRecruits)
            .run(solver: GLPKSolver(), incumbent: start, timeLimit: nil)
        // Short of full-time, every recruit must be full-time (P1b = P1a): the start is already optimal.
        // On the other pools the repair lowers them.
        #expect(outcome.incumbentMeets == (pool == .shortOfFullTime))
        let values = try #require(outcome.values)
        let bound = try #require(outcome.bound)
        #expect(builder.model.firstViolation(in: values) == nil)
        #expect(outcome.proven)
        #expect(outcome.objective == (bound - 1e-6).rounded(.up))
        #expect(builder.recruits.value(in: values) == builder.recruits.value(in: p1a))
        #expect(try Self.searchedOptimum(builder) == outcome.objective)
    }

    /// The rounding keeps the LP's whole recruits and gives the rest to the largest fractions, up to
    /// the target: floors 2 + 0 + 1 = 3, then .75 and .5 take one each for 5; .25 gets none.
    @Test func roundingKeepsWholeRecruitsAndAddsTheLargestFractions() throws {
        let builder = try Self.recruitModel(schools: 300, pool: .shortOfFullTime, seed: 5, zones: .prefer)
        var lp = [Double](repeating: 0, count: builder.model.variables.count)
        // The three zones with most standard schools, so that an extra recruit holds a full p in each
        // (the rounding puts zones where it would hold fewer last).
        let p = builder.policy.schoolsPerInspector
        let zones = Array(builder.partition.zones.filter { builder.standardVacancies[$0] != nil }
            .sorted { (builder.partition.standardCount(in: $1), $0) < (builder.partition.standardCount(in: $0), $1) }.prefix(3))
        try #require(zones.count == 3)
        try #require(zones.allSatisfy { builder.partition.standardCount(in: $0) >= 3 * p })
        let columns = zones.prefix(3).compactMap { builder.standardVacancies[$0] }
        lp[columns[0].index] = 2.25   // 2, fraction .25
        lp[columns[1].index] = 0.75   // 0, fraction .75: first to round up
        lp[columns[2].index] = 1.5    // 1, fraction .5: second
        let recruits = RosterRepair(builder: builder).rounded(lp, to: 5)
        #expect(recruits.standard[zones[0]] == 2)
        #expect(recruits.standard[zones[1]] == 1)
        #expect(recruits.standard[zones[2]] == 2)
        #expect(recruits.total == 5)
    }

    /// An extra recruit goes where it holds a full p schools of its own zone, even to a zone the LP gave
    /// none, before a zone whose fraction is larger but whose schools leave it fewer (2,542 schools short
    /// of full-time: a third recruit for a zone of 14 schools held 4, and the share R4 failed by one
    /// part-timer; with the full zone first the repair proves P1a).
    @Test func anExtraRecruitGoesWhereItHoldsAFullLoad() throws {
        let builder = try Self.recruitModel(schools: 300, pool: .shortOfFullTime, seed: 5, zones: .prefer)
        let p = builder.policy.schoolsPerInspector
        let zones = builder.partition.zones.filter { builder.standardVacancies[$0] != nil }
        let partial = try #require(zones.first { builder.partition.standardCount(in: $0) % p != 0 })
        let full = try #require(zones.first { $0 != partial && builder.partition.standardCount(in: $0) >= p })
        let whole = builder.partition.standardCount(in: partial) / p
        var lp = [Double](repeating: 0, count: builder.model.variables.count)
        lp[try #require(builder.standardVacancies[partial]).index] = Double(whole) + 0.6
        let recruits = RosterRepair(builder: builder).rounded(lp, to: whole + 1)
        #expect(recruits.standard[partial] == whole)
        #expect(recruits.standard[full] == 1)
        #expect(recruits.total == whole + 1)
    }

    /// Cross-check: the plan's level values are the same with the repair on and off (the second path
    /// is GLPK's search), on several seeds and zone modes; with it on, P1a is proven.
    @Test(arguments: [(400, UInt64(3), ZoneMode.prefer), (500, 8, .require), (350, 21, .ignore), (450, 2, .prefer)])
    func levelValuesAreUnchangedWithTheRepairOnOrOff(schools: Int, seed: UInt64, zones: ZoneMode) throws {
        let generated = try DistrictGenerator(.init(schools: schools, pool: .shortOfFullTime, seed: seed, termStart: Day(iso: "2027-09-01")!))
            .generate()
        var policy = generated.policy
        policy.zones = zones
        var options = PlannerOptions()
        options.skipRefinement = true
        options.rosterRepair = false
        let plain = try Planner(solver: GLPKSolver()).plan(district: generated.district, policy: policy, options: options)
        options.rosterRepair = true
        let repaired = try Planner(solver: GLPKSolver()).plan(district: generated.district, policy: policy, options: options)
        #expect(plain.levels.map(\.priority) == repaired.levels.map(\.priority))
        #expect(plain.levels.map(\.value) == repaired.levels.map(\.value))
        #expect(repaired.levels.first?.termination == .optimal)
        #expect(repaired.errors.isEmpty)
    }
}
