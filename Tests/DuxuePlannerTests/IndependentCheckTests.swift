import DuxueDomain
import DuxueGLPK
import DuxueMIP
import DuxuePlanner
import DuxueSynth
import Testing

/// Random small districts solved twice: by the planner's class model and by a plain pair model
/// written here from the specification (x[i,s] per eligible pair, one vacancy slot per possible
/// recruit). The planner's roster must be compliant and reach the pair model's optimum on every level.
@Suite("Planner against an independent pair model")
struct IndependentCheckTests {
    static let cases: [(seed: UInt64, zones: ZoneMode, staffing: Staffing)] = (1...24).map { seed in
        (UInt64(seed), [ZoneMode.prefer, .require, .ignore][seed % 3], seed % 4 == 0 ? .spread : .lean)
    }

    @Test(arguments: cases)
    func matchesPairModel(seed: UInt64, zones: ZoneMode, staffing: Staffing) throws {
        var random = SplitMix64(seed: seed)
        var policy = Fixture.policy(zones: zones, staffing: staffing, share: [0.2, 0.25, 0.34][Int(seed % 3)])
        policy.largeSchoolEnrollment = 2000
        let zoneNames = ["A", "B", "C"].prefix(1 + Int(random.next(3)))
        let schools = (1...(6 + Int(random.next(10)))).map { n in
            Fixture.school("S\(n)", zone: zoneNames.randomElement(using: &random)!,
                           enrollment: random.next(8) == 0 ? 2500 : 300)
        }
        let inspectors = (1...(1 + Int(random.next(5)))).map { n in
            Fixture.inspector(
                "I\(n)", random.next(3) == 0 ? .fullTime : .partTime, zone: zoneNames.randomElement(using: &random)!,
                conflicts: random.next(3) == 0 ? [schools.randomElement(using: &random)!.id.rawValue] : [],
                maxSchools: random.next(4) == 0 ? 2 : nil)
        }
        let district = District(name: "random\(seed)", schools: schools, inspectors: inspectors)
        let plan = try Planner(solver: GLPKSolver()).plan(district: district, policy: policy)
        #expect(plan.errors.isEmpty, "seed \(seed): \(plan.errors)")
        #expect(plan.isProvenOptimal)

        let reference = try PairModel(district: district, policy: policy).solveLexicographically()
        #expect(plan.figures.recruits == reference.recruits, "seed \(seed) recruits")
        #expect(plan.figures.recruitsFullTime == reference.fullTimeRecruits, "seed \(seed) full-time recruits")
        if zones == .prefer { #expect(plan.figures.crossings == reference.crossings, "seed \(seed) crossings") }
        #expect(plan.figures.appointees == reference.appointees, "seed \(seed) appointees")
    }
}

/// The textbook pair formulation, independent of the planner's classes.
struct PairModel {
    let district: District
    let policy: Policy
    /// The previous roster's pairs; when given, pairs kept is the level after full-time recruits.
    var previous: [School.ID: Inspector.ID] = [:]

    /// The optimal value of each level (0 for a level that does not apply).
    struct Optimum { var recruits = 0, fullTimeRecruits = 0, kept = 0, crossings = 0, appointees = 0 }

    /// Optimal recruits, full-time recruits, pairs kept (with a previous roster), crossings (prefer only),
    /// appointees.
    func solveLexicographically() throws -> Optimum {
        var model = Model(name: "pairs")
        let eligible = district.inspectors.filter { Eligibility.isEligible($0, under: policy) }
        let p = policy.schoolsPerInspector
        // Holders: eligible inspectors, then per zone as many vacancy slots of each type as could be needed.
        struct Holder { let zone: Zone; let fullTime: Bool; let cap: Int; let person: Inspector?; let vacancy: Bool }
        var holders = eligible.map { Holder(zone: $0.zone, fullTime: $0.employment == .fullTime, cap: $0.capacity(under: policy), person: $0, vacancy: false) }
        for zone in Set(district.schools.map(\.zone)) {
            // Enough recruits of each type to cover the zone alone: n_large + ⌈n_standard / p⌉.
            let inZone = district.schools.filter { $0.zone == zone }
            let large = inZone.filter { $0.isLarge(under: policy) }.count
            let slots = large + (inZone.count - large + p - 1) / p
            for fullTime in [true, false] {
                for _ in 0..<slots { holders.append(Holder(zone: zone, fullTime: fullTime, cap: p, person: nil, vacancy: true)) }
            }
        }
        var x: [[Variable?]] = []
        var y: [Variable] = []
        for (h, holder) in holders.enumerated() {
            y.append(model.addVariable("y\(h)", kind: .binary))
            x.append(district.schools.enumerated().map { s, school in
                if holder.vacancy && holder.zone != school.zone { return nil }
                if policy.zones == .require && holder.zone != school.zone { return nil }
                if let person = holder.person, person.conflicts.contains(school.id) { return nil }
                return model.addVariable("x\(h)_\(s)", kind: .binary)
            })
        }
        for s in district.schools.indices {
            model.addConstraint("cover\(s)", LinearExpression.sum(holders.indices.compactMap { x[$0][s] }), equal: 1)
        }
        for (h, holder) in holders.enumerated() {
            let held = district.schools.indices.compactMap { x[h][$0] }
            var cap = LinearExpression.sum(held)
            cap.add(y[h], -Double(holder.cap))
            model.addConstraint("cap\(h)", cap, lessOrEqual: 0)
            var atLeastOne = LinearExpression.sum(held)
            atLeastOne.add(y[h], -1)
            model.addConstraint("one\(h)", atLeastOne, greaterOrEqual: 0)
            for v in held { model.addConstraint("link\(h)_\(v.index)", LinearExpression([(v, 1), (y[h], -1)]), lessOrEqual: 0) }
            // Identical vacancy slots are used in order (symmetry breaking): y[h] ≤ y[h − 1].
            if holder.vacancy, h > 0, holders[h - 1].vacancy, holders[h - 1].zone == holder.zone,
                holders[h - 1].fullTime == holder.fullTime
            {
                model.addConstraint("order\(h)", LinearExpression([(y[h], 1), (y[h - 1], -1)]), lessOrEqual: 0)
            }
            for (s, school) in district.schools.enumerated() where school.isLarge(under: policy) {
                guard let xl = x[h][s] else { continue }
                // Holding a large school means holding nothing else: Σ x ≤ 1 + cap·(1 − x_large).
                var dedicated = LinearExpression.sum(held)
                dedicated.add(xl, Double(holder.cap))
                model.addConstraint("dedicated\(h)_\(s)", dedicated, lessOrEqual: Double(1 + holder.cap))
            }
        }
        let (pp, qq) = policy.fullTimeShareFraction
        model.addConstraint("share", LinearExpression(holders.indices.map { (y[$0], Double(holders[$0].fullTime ? qq - pp : -pp)) }), greaterOrEqual: 0)
        let recruits = LinearExpression.sum(holders.indices.filter { holders[$0].vacancy }.map { y[$0] })
        let fullTimeRecruits = LinearExpression.sum(holders.indices.filter { holders[$0].vacancy && holders[$0].fullTime }.map { y[$0] })
        var crossings = LinearExpression()
        for (h, holder) in holders.enumerated() {
            for (s, school) in district.schools.enumerated() where school.zone != holder.zone {
                if let v = x[h][s] { crossings.add(v) }
            }
        }
        var kept = LinearExpression()
        for (h, holder) in holders.enumerated() {
            guard let id = holder.person?.id else { continue }
            for (s, school) in district.schools.enumerated() where previous[school.id] == id {
                if let v = x[h][s] { kept.add(v) }
            }
        }
        let appointees = LinearExpression.sum(y)
        var optimum = Optimum()
        let levels: [(LinearExpression, ObjectiveSense, Bool, WritableKeyPath<Optimum, Int>)] = [
            (recruits, .minimize, true, \.recruits), (fullTimeRecruits, .minimize, true, \.fullTimeRecruits),
            (kept, .maximize, !previous.isEmpty, \.kept),
            (crossings, .minimize, policy.zones == .prefer, \.crossings),
            (appointees, policy.staffing == .lean ? .minimize : .maximize, true, \.appointees),
        ]
        for (index, (objective, sense, active, field)) in levels.enumerated() where active {
            model.setObjective(sense, objective)
            // A work budget, not a clock: a machine under load must not turn a slow proof into a failure.
            var options = SolveOptions()
            options.progress = { $0.nodes > 500_000 ? .workLimit : nil }
            let solution = try GLPKSolver().solve(model, options: options)
            guard solution.status == .optimal else { throw PairModelError.notOptimal(solution.status) }
            let value = solution.objective.rounded()
            optimum[keyPath: field] = Int(value)
            if sense == .minimize { model.addConstraint("fix\(index)", objective, lessOrEqual: value) }
            else { model.addConstraint("fix\(index)", objective, greaterOrEqual: value) }
        }
        return optimum
    }
}

enum PairModelError: Error { case notOptimal(SolveStatus) }

extension SplitMix64 {
    /// A number below `bound`.
    mutating func next(_ bound: UInt64) -> UInt64 { next() % bound }
}
