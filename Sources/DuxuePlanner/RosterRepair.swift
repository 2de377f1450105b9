import DuxueDomain
import DuxueMIP
import Foundation

/// The repair of P1a (fewest recruits) and P1b (fewest full-time recruits), built for the roster model:
/// where the generic ``RelaxAndFix`` leaves them to GLPK (pools short of full-time, short pools with
/// zones preferred), this turns the level's LP relaxation into a roster that meets its bound.
///
/// 1. Solve the level's LP relaxation; its value B bounds the level, so a roster at ⌈B⌉ is optimal.
/// 2. Round the recruits per zone to integers: the standard recruits V_z of each zone and the recruits
///    u_g of each class of large schools, floors first, then where an extra recruit holds most schools
///    (``rounded(_:to:)``), the largest fractions first — to ⌈B⌉ for P1a,
///    to the recruits of P1a's roster for P1b (its value is held by a row).
/// 3. Complete the assignment by maximum flows over the class model (``FlowNetwork``): large schools
///    to members of the smallest caps first (a member on a large school gives up the c_k standard
///    schools they could hold; part-timers first at equal caps), then standard schools — one school to
///    each recruit first (a recruit holds at least one), full-time members, the recruits up to p
///    schools each, part-timers last, so that as few part-timers are appointed as the schools allow
///    (the share R4 counts them against the full-time appointees). With zones preferred each flow first
///    runs within the zones, then across them (fewer crossings for P3 to start from).
///    3b. Part-time classes whose last appointee holds fewest schools give that appointee up, one trial
///    at a time, while the flows still hold every school (``tightened(_:recruits:untilFeasible:)``):
///    for P1a until the share R4 holds, for P1b as far as the trials go.
/// 4. A zone left with schools nobody holds takes a recruit from a zone whose recruits have room to
///    spare, and the flows run again (a few rounds).
/// 5. Full-time recruits: every recruit starts full-time (F_z = V_z + L_z); then as few as the share R4
///    needs (its row's slack, Q per recruit), which is P1b's objective.
///
/// The result is checked against every row of the model (``Model/firstViolation(in:)``); only a
/// feasible roster is returned. It proves the level when it meets the LP bound B.
struct RosterRepair: LevelRepair {
    /// The class model with the level's objective set.
    let builder: RosterModel
    /// The level repaired: ``Priority/recruits`` or ``Priority/fullTimeRecruits``.
    var level: Priority = .recruits
    /// Rounds of step 4.
    var rounds = 8
    /// Trials of step 3b for P1a (P1b: ten per part-time class).
    var packingTrials = 60


    /// Recruits per zone (standard) and per class of large schools: the aggregate decision of P1a.
    struct Recruits: Equatable {
        /// V_z by zone.
        var standard: [Zone: Int]
        /// u_g by (large) school class index.
        var large: [Int: Int]
        /// Σ V_z + Σ u_g.
        var total: Int { standard.values.reduce(0, +) + large.values.reduce(0, +) }
    }

    /// Runs the repair: LP relaxation through `solver` (within `timeLimit`), then rounding and flows.
    func run(solver: any MIPSolver, incumbent: [Double], timeLimit: Double?, base: SolveOptions = SolveOptions()) throws -> RepairOutcome {
        let model = builder.model
        let (relaxed, start) = try relaxation(solver: solver, incumbent: incumbent, timeLimit: timeLimit, base: base)
        guard let lp = relaxed else { return start }
        var outcome = start
        // P1a: ⌈B⌉ recruits; P1b: as many as P1a's roster has (its value is held by a row).
        let target = level == .recruits
            ? Int((lp.objective - 1e-6).rounded(.up)) : Int(builder.recruits.value(in: incumbent).rounded())
        var recruits = rounded(lp.values, to: target)
        for _ in 0..<max(1, rounds) {
            let completion = complete(recruits)
            if completion.deficit.isEmpty && completion.largeDeficit.isEmpty {
                let packed = level == .fullTimeRecruits || model.firstViolation(in: completion.values) != nil
                    ? tightened(completion, recruits: recruits, untilFeasible: level == .recruits) : completion
                guard var packed else { return outcome }
                packed.values = fewestFullTimeRecruits(packed.values)
                guard model.firstViolation(in: packed.values) == nil else { return outcome }
                outcome.values = packed.values
                outcome.objective = model.objective.value(in: packed.values)
                outcome.proven = model.sense.meets(outcome.objective, bound: lp.objective)
                return outcome
            }
            guard let moved = shifted(recruits, after: completion) else { return outcome }
            recruits = moved
        }
        return outcome
    }

    /// Integral recruits summing to `target`: each zone's V_z and each large class's u_g rounded down
    /// from the LP, then one more where it is worth most: a zone whose extra recruit can hold a full
    /// p schools of its own zone before one that can hold fewer — even a zone the LP gave no fraction,
    /// since a recruit short of p schools leaves the share R4 part-timers to pay for (2,542 schools short
    /// of full-time: a third recruit for a zone of 14 schools left the share one part-timer short) —
    /// then, at equal worth, the zones and classes the LP gave a fraction, the largest first (ties by
    /// zone and class order).
    func rounded(_ lp: [Double], to target: Int) -> Recruits {
        let partition = builder.partition
        let p = builder.policy.schoolsPerInspector
        var result = Recruits(standard: [:], large: [:])
        var candidates: [(worth: Int, fraction: Double, order: Int, zone: Zone?, large: Int?)] = []
        for (order, zone) in partition.zones.enumerated() {
            guard let v = builder.standardVacancies[zone] else { continue }
            let value = max(0, lp[v.index])
            let whole = Int((value + 1e-9).rounded(.down))
            result.standard[zone] = whole
            let room = partition.standardCount(in: zone) - p * whole
            guard room > 0 else { continue }
            candidates.append((min(p, room), value - Double(whole), order, zone, nil))
        }
        for g in partition.schoolClasses where g.isLarge {
            let value = max(0, lp[builder.vacancyServed[g.index].index])
            let whole = Int((value + 1e-9).rounded(.down))
            result.large[g.index] = whole
            guard whole < g.size else { continue }
            // A recruit for a large school holds its full load (1:1): worth as much as a full zone's.
            candidates.append((p, value - Double(whole), partition.zones.count + g.index, nil, g.index))
        }
        func key(_ c: (worth: Int, fraction: Double, order: Int, zone: Zone?, large: Int?)) -> (Int, Int, Double, Int) {
            (-c.worth, c.fraction > 1e-9 ? 0 : 1, -c.fraction, c.order)
        }
        candidates.sort { key($0) < key($1) }
        var missing = target - result.total
        for entry in candidates where missing > 0 {
            if let zone = entry.zone { result.standard[zone, default: 0] += 1 } else if let g = entry.large { result.large[g, default: 0] += 1 }
            missing -= 1
        }
        return result
    }

    /// One pass of the large schools' flow: the members of one cap and employment.
    struct LargePass: Hashable, Comparable {
        var capacity: Int
        var fullTime: Bool
        init(_ k: InspectorClass) {
            capacity = k.capacity
            fullTime = k.employment == .fullTime
        }
        static func < (a: Self, b: Self) -> Bool { (a.capacity, a.fullTime ? 1 : 0) < (b.capacity, b.fullTime ? 1 : 0) }
    }

    /// What one completion left: the column values, standard schools nobody holds per zone, large
    /// schools nobody holds per class, and the recruits each zone could give up (their schools fit
    /// in one recruit fewer).
    struct Completion {
        var values: [Double]
        var deficit: [Zone: Int]
        var largeDeficit: [Int: Int]
        var spare: [Zone: Int]
    }

    /// Step 5: the full-time recruits lowered, zone by zone, by as many as the share's slack allows (Q
    /// per recruit), all of them when the policy sets no share.
    func fewestFullTimeRecruits(_ values: [Double]) -> [Double] {
        var values = values
        var drop = Int.max
        if let index = builder.fullTimeShareRow {
            let row = builder.model.constraints[index]
            let slack = row.expression.value(in: values) - (row.lower ?? 0)
            drop = max(0, Int(((slack + 1e-6) / Double(builder.policy.fullTimeShareFraction.denominator)).rounded(.down)))
        }
        for zone in builder.partition.zones where drop > 0 {
            guard let f = builder.fullTimeVacancies[zone] else { continue }
            let cut = min(drop, Int(values[f.index].rounded()))
            values[f.index] -= Double(cut)
            drop -= cut
        }
        return values
    }

    /// Step 3b: part-time classes whose last appointee holds fewest schools give up that appointee (their
    /// schools limited to c_k · (b_k − 1)) and the flows run again; kept when every school is still held.
    /// `untilFeasible` (P1a, where the share R4 fails by a few part-timers): each class tried once, and
    /// done as soon as the model's rows all hold. Otherwise (P1b) the part-timers are packed as tightly as
    /// the trials find: a class is tried again after it gave one up, until no class can. At most
    /// ``packingTrials`` trials (P1a) or ten per part-time class (P1b). `nil` when no trial gives a roster
    /// that breaks no row.
    func tightened(_ completion: Completion, recruits: Recruits, untilFeasible: Bool = true) -> Completion? {
        let model = builder.model
        let classes = builder.partition.inspectorClasses.filter { $0.employment == .partTime }
        var current = completion
        func people(_ k: InspectorClass, in c: Completion) -> Int { Int(c.values[builder.standardAppointed[k.index].index].rounded()) }
        func load(_ k: InspectorClass, in c: Completion) -> Int { Int(builder.standardLoad[k.index].value(in: c.values).rounded()) }
        var limits: [Int: Int] = [:]
        for k in classes { limits[k.index] = k.capacity * people(k, in: current) }
        var tried = Set<Int>()
        for _ in 0..<(untilFeasible ? packingTrials : 10 * classes.count) {
            if untilFeasible, model.firstViolation(in: current.values) == nil { return current }
            // The class whose last appointee holds fewest schools.
            let candidates = classes.filter { people($0, in: current) > 0 && !tried.contains($0.index) }
            guard let k = candidates.min(by: {
                let a = load($0, in: current) - $0.capacity * (people($0, in: current) - 1)
                let b = load($1, in: current) - $1.capacity * (people($1, in: current) - 1)
                return (a, $0.index) < (b, $1.index)
            }) else { break }
            var trial = limits
            trial[k.index] = k.capacity * (people(k, in: current) - 1)
            let next = complete(recruits, partTimeLimits: trial)
            guard next.deficit.isEmpty && next.largeDeficit.isEmpty else {
                tried.insert(k.index)
                continue
            }
            if untilFeasible { tried.insert(k.index) }
            current = next
            for k in classes { limits[k.index] = k.capacity * people(k, in: current) }
        }
        return model.firstViolation(in: current.values) == nil ? current : nil
    }

    /// Step 4: one recruit more where schools are left, one fewer in a zone with a spare recruit;
    /// `nil` when no zone can spare one (the bound's count of recruits cannot be completed this way).
    func shifted(_ recruits: Recruits, after completion: Completion) -> Recruits? {
        let p = builder.policy.schoolsPerInspector
        var result = recruits
        var spare = completion.spare
        func takeSpare(except zone: Zone?) -> Bool {
            guard let donor = spare.filter({ $0.key != zone && $0.value > 0 }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
            else { return false }
            spare[donor, default: 0] -= 1
            result.standard[donor, default: 0] -= 1
            return true
        }
        var changed = false
        for (g, left) in completion.largeDeficit.sorted(by: { $0.key < $1.key }) {
            for _ in 0..<left {
                guard takeSpare(except: nil) else { return changed ? result : nil }
                result.large[g, default: 0] += 1
                changed = true
            }
        }
        for (zone, left) in completion.deficit.sorted(by: { $0.key < $1.key }) {
            for _ in 0..<((left + p - 1) / p) {
                guard takeSpare(except: zone) else { return changed ? result : nil }
                result.standard[zone, default: 0] += 1
                changed = true
            }
        }
        return changed ? result : nil
    }

    /// Step 3: the flows for the given recruits, read back into the model's columns. With
    /// `partTimeLimits`, the part-time classes hold at most that many standard schools each.
    func complete(_ recruits: Recruits, partTimeLimits: [Int: Int]? = nil) -> Completion {
        let partition = builder.partition
        let policy = builder.policy
        let p = policy.schoolsPerInspector
        let model = builder.model
        var values = [Double](repeating: 0, count: model.variables.count)
        let classes = partition.inspectorClasses
        let schools = partition.schoolClasses
        /// Whether class k may hold schools of g under a pin (a pinned class goes to its pinned member only).

        // Large schools: S → member slots of k → (direct or pool) → class g → T (n_g − u_g).
        var large = FlowNetwork(nodes: 2)
        let source = 0, sink = 1
        let largeSlots = classes.map { _ in large.addNode() }
        let largeSchool = Dictionary(uniqueKeysWithValues: schools.filter(\.isLarge).map { ($0.index, large.addNode()) })
        var largeSource: [Int] = []
        for k in classes { largeSource.append(large.addArc(from: source, to: largeSlots[k.index], capacity: 0)) }
        var largeArcs: [(arc: Int, variable: Variable)] = []
        // Arcs that cross zones (P3 counts them): with zones preferred, each flow first runs without them.
        let zonesPreferred = policy.zones == .prefer
        var largeCrossing: [Int] = [], standardCrossing: [Int] = []
        for entry in builder.direct where schools[entry.g].isLarge && builder.mayHold(entry.k, entry.g) {
            guard let node = largeSchool[entry.g] else { continue }
            let upper = Int(model.variables[entry.variable.index].upper ?? Double(schools[entry.g].size))
            largeArcs.append((large.addArc(from: largeSlots[entry.k], to: node, capacity: upper), entry.variable))
            if classes[entry.k].zone != schools[entry.g].zone { largeCrossing.append(largeArcs[largeArcs.count - 1].arc) }
        }
        var largeHubs: [RosterModel.Hub: Int] = [:]
        for entry in builder.hubSupply where entry.hub.large {
            let hub = largeHubs[entry.hub] ?? large.addNode()
            largeHubs[entry.hub] = hub
            largeArcs.append((large.addArc(from: largeSlots[entry.k], to: hub, capacity: classes[entry.k].size), entry.variable))
            largeCrossing.append(largeArcs[largeArcs.count - 1].arc)
        }
        for entry in builder.hubDemand where entry.hub.large && schools[entry.g].pinned == nil {
            guard let hub = largeHubs[entry.hub], let node = largeSchool[entry.g] else { continue }
            largeArcs.append((large.addArc(from: hub, to: node, capacity: schools[entry.g].size), entry.variable))
        }
        var largeSink: [Int: Int] = [:]
        for g in schools where g.isLarge {
            guard let node = largeSchool[g.index] else { continue }
            largeSink[g.index] = large.addArc(from: node, to: sink, capacity: max(0, g.size - recruits.large[g.index, default: 0]))
        }
        // A member on a large school gives up the c_k standard schools they could hold: the smallest caps
        // first, and at equal caps part-timers first (a full-time member on a large school would leave
        // c_k standard schools to part-timers, and the share counts every part-time appointee against it).
        let largePasses = Set(classes.map(LargePass.init)).sorted()
        for pass in largePasses {
            for k in classes where LargePass(k) == pass { large.setCapacity(of: largeSource[k.index], to: k.size) }
            large.augment(from: source, to: sink, crossingLast: largeCrossing, when: zonesPreferred)
        }
        let dedicated = classes.map { large.flow(on: largeSource[$0.index]) }
        for (arc, variable) in largeArcs { values[variable.index] += Double(large.flow(on: arc)) }
        var largeDeficit: [Int: Int] = [:]
        for (g, arc) in largeSink where large.flow(on: arc) < large.capacity(of: arc) {
            largeDeficit[g] = large.capacity(of: arc) - large.flow(on: arc)
        }

        // Standard schools: S → k (c_k · free members) or S → recruits of z → class g → T (n_g).
        var standard = FlowNetwork(nodes: 2)
        let holders = classes.map { _ in standard.addNode() }
        let standardSchool = Dictionary(uniqueKeysWithValues: schools.filter { !$0.isLarge }.map { ($0.index, standard.addNode()) })
        var holderSource: [Int] = []
        for k in classes { holderSource.append(standard.addArc(from: source, to: holders[k.index], capacity: 0)) }
        var standardArcs: [(arc: Int, variable: Variable)] = []
        for entry in builder.direct where !schools[entry.g].isLarge && builder.mayHold(entry.k, entry.g) {
            guard let node = standardSchool[entry.g] else { continue }
            let upper = Int(model.variables[entry.variable.index].upper ?? Double(schools[entry.g].size))
            standardArcs.append((standard.addArc(from: holders[entry.k], to: node, capacity: upper), entry.variable))
            if classes[entry.k].zone != schools[entry.g].zone { standardCrossing.append(standardArcs[standardArcs.count - 1].arc) }
        }
        var standardHubs: [RosterModel.Hub: Int] = [:]
        for entry in builder.hubSupply where !entry.hub.large {
            let hub = standardHubs[entry.hub] ?? standard.addNode()
            standardHubs[entry.hub] = hub
            let upper = Int(model.variables[entry.variable.index].upper ?? 0)
            standardArcs.append((standard.addArc(from: holders[entry.k], to: hub, capacity: upper), entry.variable))
            standardCrossing.append(standardArcs[standardArcs.count - 1].arc)
        }
        for entry in builder.hubDemand where !entry.hub.large && schools[entry.g].pinned == nil {
            guard let hub = standardHubs[entry.hub], let node = standardSchool[entry.g] else { continue }
            standardArcs.append((standard.addArc(from: hub, to: node, capacity: schools[entry.g].size), entry.variable))
        }
        var vacancySource: [Zone: Int] = [:]
        var vacancyArcs: [(arc: Int, g: Int)] = []
        for zone in partition.zones {
            let node = standard.addNode()
            vacancySource[zone] = standard.addArc(from: source, to: node, capacity: 0)
            for g in partition.schoolClassesByZone[zone, default: []] where !g.isLarge && g.pinned == nil {
                guard let school = standardSchool[g.index] else { continue }
                vacancyArcs.append((standard.addArc(from: node, to: school, capacity: g.size), g.index))
            }
        }
        var standardSink: [Int: Int] = [:]
        for g in schools where !g.isLarge {
            guard let node = standardSchool[g.index] else { continue }
            standardSink[g.index] = standard.addArc(from: node, to: sink, capacity: g.size)
        }
        func openRecruits(perRecruit: Int) {
            for (zone, arc) in vacancySource {
                standard.setCapacity(of: arc, to: max(standard.flow(on: arc), perRecruit * recruits.standard[zone, default: 0]))
            }
        }
        func openHolders(_ employment: Employment, perMember: Int? = nil) {
            for k in classes where k.employment == employment {
                let arc = holderSource[k.index]
                standard.setCapacity(of: arc, to: max(standard.flow(on: arc), (perMember ?? k.capacity) * max(0, k.size - dedicated[k.index])))
            }
        }
        // Recruits one school each, full-time members one each (so that every full-time member who can
        // be is appointed), then full-time members and recruits to their caps.
        openRecruits(perRecruit: 1)
        standard.augment(from: source, to: sink, crossingLast: standardCrossing, when: zonesPreferred)
        openHolders(.fullTime, perMember: 1)
        standard.augment(from: source, to: sink, crossingLast: standardCrossing, when: zonesPreferred)
        openHolders(.fullTime)
        standard.augment(from: source, to: sink, crossingLast: standardCrossing, when: zonesPreferred)
        openRecruits(perRecruit: p)
        standard.augment(from: source, to: sink, crossingLast: standardCrossing, when: zonesPreferred)
        // Part-timers last, class by class, the largest caps first: as few part-time appointees as the
        // schools left allow.
        let partTime = classes.filter { $0.employment == .partTime }
            .sorted { ($1.capacity, $1.size, $0.index) < ($0.capacity, $0.size, $1.index) }
        for k in partTime {
            let open = k.capacity * max(0, k.size - dedicated[k.index])
            standard.setCapacity(of: holderSource[k.index], to: min(open, partTimeLimits?[k.index] ?? open))
            if partTimeLimits == nil { standard.augment(from: source, to: sink, crossingLast: standardCrossing, when: zonesPreferred) }
        }
        if partTimeLimits != nil { standard.augment(from: source, to: sink, crossingLast: standardCrossing, when: zonesPreferred) }

        for (arc, variable) in standardArcs { values[variable.index] += Double(standard.flow(on: arc)) }
        for (arc, g) in vacancyArcs { values[builder.vacancyServed[g].index] += Double(standard.flow(on: arc)) }
        for (g, count) in recruits.large { values[builder.vacancyServed[g].index] = Double(count) }
        var deficit: [Zone: Int] = [:]
        for (g, arc) in standardSink where standard.flow(on: arc) < schools[g].size {
            deficit[schools[g].zone, default: 0] += schools[g].size - standard.flow(on: arc)
        }
        var spare: [Zone: Int] = [:]
        for zone in partition.zones {
            let v = recruits.standard[zone, default: 0]
            let held = vacancySource[zone].map { standard.flow(on: $0) } ?? 0
            if let column = builder.standardVacancies[zone] { values[column.index] = Double(v) }
            let largeRecruits = partition.schoolClassesByZone[zone, default: []].filter(\.isLarge)
                .reduce(0) { $0 + recruits.large[$1.index, default: 0] }
            if let column = builder.fullTimeVacancies[zone] { values[column.index] = Double(v + largeRecruits) }
            // Recruits beyond ⌈held / p⌉ hold nothing they must: the zone can give them up.
            if v > (held + p - 1) / p { spare[zone] = v - (held + p - 1) / p }
        }
        for k in classes {
            let load = standard.flow(on: holderSource[k.index])
            let free = max(0, k.size - dedicated[k.index])
            let people = k.employment == .fullTime ? min(free, load) : (load + k.capacity - 1) / max(1, k.capacity)
            values[builder.standardAppointed[k.index].index] = Double(people)
        }
        return Completion(values: values, deficit: deficit, largeDeficit: largeDeficit, spare: spare)
    }
}

/// What a level's repair found: the LP bound, a feasible roster if one was built, and whether it proves
/// the level.
struct RepairOutcome {
    /// The LP bound (`nil` when the relaxation was not solved).
    var bound: Double?
    /// A feasible roster (column values) when one was built.
    var values: [Double]?
    /// Its objective.
    var objective: Double = .nan
    /// Whether the incumbent already met the bound.
    var incumbentMeets = false
    /// Whether `values` meets the bound.
    var proven = false
    /// The LP relaxation's optimal basis, a start for the next level's LP.
    var basis: LPBasis?
}

/// A repair built for one level of the roster model (``RosterRepair`` for P1a and P1b,
/// ``CrossingRepair`` for P3): the level's LP relaxation turned into a roster checked against every row.
protocol LevelRepair {
    /// The class model with the level's objective set.
    var builder: RosterModel { get }
    /// Runs the repair: LP relaxation through `solver` (within `timeLimit`, from `base`'s basis), then the
    /// level's own construction.
    func run(solver: any MIPSolver, incumbent: [Double], timeLimit: Double?, base: SolveOptions) throws -> RepairOutcome
}

extension LevelRepair {
    /// Step 1 of every repair: the level's LP relaxation (within `timeLimit`, from `base`'s basis). The LP
    /// solution, with the outcome so far (its bound and basis); no LP when the repair ends here — the
    /// relaxation not solved (no bound), or the incumbent already at the bound (proven).
    func relaxation(solver: any MIPSolver, incumbent: [Double], timeLimit: Double?, base: SolveOptions) throws
        -> (lp: Solution?, outcome: RepairOutcome)
    {
        let model = builder.model
        let lp = try solver.solve(model, options: base.forRelaxation(within: timeLimit))
        var outcome = RepairOutcome()
        guard lp.termination == .optimal, lp.bound.isFinite, lp.values.count == model.variables.count else { return (nil, outcome) }
        outcome.bound = lp.objective
        outcome.basis = lp.basis
        if model.sense.meets(model.objective.value(in: incumbent), bound: lp.objective) {
            outcome.incumbentMeets = true
            outcome.proven = true
            outcome.values = incumbent
            outcome.objective = model.objective.value(in: incumbent)
            return (nil, outcome)
        }
        return (lp, outcome)
    }
}

extension Planner {
    /// A level through its repair: the level's result when the repair proves it (or the incumbent
    /// already meets the LP bound), else a better starting roster for the level's own search, if any (the
    /// repaired levels minimise). A solver fault in the repair's LP is not the level's: the search goes
    /// on without it. `basis` starts its LP (the previous level's); the result carries the LP's own.
    func repair(_ repair: some LevelRepair, incumbent: [Double], timeLimit: Double?, basis: LPBasis?, options: PlannerOptions)
        -> (proven: (Solution, heuristic: HeuristicResult?)?, start: [Double]?, basis: LPBasis?)
    {
        let clock = Stopwatch()
        var base = SolveOptions(verbose: options.verbose)
        base.basis = basis
        guard let found = try? repair.run(solver: solver, incumbent: incumbent, timeLimit: timeLimit, base: base)
        else { return (nil, nil, nil) }
        if found.proven, let values = found.values, let bound = found.bound {
            var solution = Solution(termination: .optimal, primal: .optimal, values: values, objective: found.objective,
                                    bound: bound, nodes: 0, seconds: clock.seconds)
            solution.basis = found.basis
            return ((solution, found.incumbentMeets ? .proved : .repaired), nil, found.basis)
        }
        guard let values = found.values, found.objective < repair.builder.model.objective.value(in: incumbent) - 0.5
        else { return (nil, nil, found.basis) }
        return (nil, values, found.basis)
    }
}

extension FlowNetwork {
    /// Augments to a maximum flow; when `preferred`, first with the `crossing` arcs held at their flow
    /// (so that as much as can goes without them), then with them open.
    mutating func augment(from source: Int, to sink: Int, crossingLast crossing: [Int], when preferred: Bool) {
        if preferred {
            let capacities = crossing.map { capacity(of: $0) }
            for arc in crossing { setCapacity(of: arc, to: flow(on: arc)) }
            augment(from: source, to: sink)
            for (arc, capacity) in zip(crossing, capacities) { setCapacity(of: arc, to: capacity) }
        }
        augment(from: source, to: sink)
    }
}
