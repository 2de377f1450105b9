import DuxueDomain
import DuxueMIP
import Foundation

/// The repair of P3 (fewest cross-zone assignments, zones preferred): the level's LP relaxation gives
/// the bound, and minimum-cost flows over the class model (``MinCostFlow``) route the schools to holders
/// at a cost per crossing, within aggregate decisions that keep every other row.
///
/// The aggregates are the recruits of each zone and of each class of large schools, the full-time
/// recruits, the members of each inspector class on large schools, and the standard appointees of each
/// class (full-time: at least as many, each holding a school; part-time: at most as many). Two sets are
/// tried: the LP's, rounded (recruits to the roster before's total, part-time classes rounded up,
/// largest fractions first, as far as the share R4's slack pays), then the roster before's own.
/// Within them the assignment is a flow problem:
/// - large schools: S → members of k on large schools → (direct or pool) → class g → T (the schools of
///   g not left to recruits);
/// - standard schools: S → k (c_k per free member) or S → recruits of z (one to p schools each) →
///   (direct or pool) → class g → T.
///
/// Costs, lexicographically: a lower bound (a parallel arc of very negative cost) before a pair kept
/// from the previous roster (P2, held by a row) before people beyond the aggregates before a crossing
/// before a school held by a part-timer. The least-cost maximum flow is the fewest crossings those
/// aggregates allow. When the people it needed leave the share R4 short, part-time appointees are given
/// up, the cheapest in crossings of a few tried each time (``withinShare(_:)``).
///
/// The result is checked against every row of the model (``Model/firstViolation(in:)``); only a
/// feasible roster is returned. It proves the level when it meets the LP bound. Measured: it proves P3
/// on short pools (3,000 schools: 139 at the bound), not on pools short of full-time, where the share
/// binds and the rounding of part-time appointees costs a few crossings or the share.
struct CrossingRepair: LevelRepair {
    /// The class model with P3's objective set and the earlier levels held by rows.
    let builder: RosterModel
    /// Part-time appointees given up at most to meet the share R4 (``withinShare(_:)``).
    var shareTrials = 4
    /// Part-time classes tried for each appointee given up.
    var dropCandidates = 4


    /// The aggregate decisions the flows keep, read from a feasible roster.
    struct Aggregates: Equatable {
        /// V_z: standard recruits by zone.
        var recruits: [Zone: Int]
        /// u_g of each class of large schools.
        var largeRecruits: [Int: Int]
        /// F_z: full-time recruits by zone.
        var fullTimeRecruits: [Zone: Int]
        /// Members of each inspector class on large schools (a_k).
        var dedicated: [Int]
        /// Standard appointees of each inspector class (b_k): at least as many full-time ones keep a
        /// school each, at most as many part-time ones are appointed.
        var appointed: [Int]
    }

    /// Cost of a crossing.
    static let crossing = 1_000
    /// Cost of a school held by a part-timer: the flows hold as few with part-timers as the crossings allow
    /// (full-time appointees count for the share R4, part-time ones against it).
    static let partTime = 1
    /// Large negative cost of an arc that stands for a lower bound: every flow that can fill it does.
    static let required = -1_000_000_000_000
    /// Cost per school of people beyond the aggregates': more than all crossings can cost, less than a kept pair gains.
    static let extra = 10_000_000
    /// Gain of a pair kept from the previous roster: more than all crossings can cost.
    static let kept = -1_000_000_000

    /// Runs the repair: LP relaxation through `solver` (within `timeLimit`), then the flows.
    func run(solver: any MIPSolver, incumbent: [Double], timeLimit: Double?, base: SolveOptions = SolveOptions()) throws -> RepairOutcome {
        let model = builder.model
        let (relaxed, first) = try relaxation(solver: solver, incumbent: incumbent, timeLimit: timeLimit, base: base)
        guard let lp = relaxed else { return first }
        var outcome = first
        // The LP's aggregates first (they reach the bound on short pools), then the roster before's.
        let start = aggregates(of: incumbent)
        var best: [Double]?
        var bestValue = Double.infinity
        for candidate in [aggregates(fromLP: lp.values, incumbent: start), start] {
            guard let values = withinShare(candidate), model.firstViolation(in: values) == nil else { continue }
            let value = model.objective.value(in: values)
            if value < bestValue - 0.5 {
                best = values
                bestValue = value
            }
            if model.sense.meets(value, bound: lp.objective) { break }
        }
        guard let best else { return outcome }
        outcome.values = best
        outcome.objective = bestValue
        outcome.proven = model.sense.meets(bestValue, bound: lp.objective)
        return outcome
    }

    /// The aggregate decisions of a roster.
    func aggregates(of values: [Double]) -> Aggregates {
        let partition = builder.partition
        func whole(_ v: Variable) -> Int { Int(values[v.index].rounded()) }
        var recruits: [Zone: Int] = [:], fullTime: [Zone: Int] = [:]
        for zone in partition.zones {
            if let v = builder.standardVacancies[zone] { recruits[zone] = whole(v) }
            if let f = builder.fullTimeVacancies[zone] { fullTime[zone] = whole(f) }
        }
        var large: [Int: Int] = [:]
        for g in partition.schoolClasses where g.isLarge { large[g.index] = whole(builder.vacancyServed[g.index]) }
        let dedicated = partition.inspectorClasses.map { Int(builder.largeLoad[$0.index].value(in: values).rounded()) }
        let appointed = partition.inspectorClasses.map { whole(builder.standardAppointed[$0.index]) }
        return Aggregates(recruits: recruits, largeRecruits: large, fullTimeRecruits: fullTime, dedicated: dedicated,
                          appointed: appointed)
    }

    /// The coefficient of a column in the share row R4 (0 without a share).
    func shareWeight(of column: Variable) -> Double {
        guard let index = builder.fullTimeShareRow else { return 0 }
        return builder.model.constraints[index].expression.terms.filter { $0.0 == column }.reduce(0) { $0 + $1.1 }
    }

    /// The share row's value less its lower side for the aggregates alone (people and recruits; the
    /// assignment does not enter the row): full-time classes counted at their least appointees,
    /// part-time ones at their most. Infinite without a share.
    func shareSlack(of aggregates: Aggregates) -> Double {
        guard let index = builder.fullTimeShareRow else { return .infinity }
        let row = builder.model.constraints[index]
        var weights: [Int: Double] = [:]
        for (column, coefficient) in row.expression.terms { weights[column.index, default: 0] += coefficient }
        var value = row.expression.constant
        for k in builder.partition.inspectorClasses {
            let weight = weights[builder.standardAppointed[k.index].index] ?? 0
            value += weight * Double(aggregates.dedicated[k.index] + aggregates.appointed[k.index])
        }
        for zone in builder.partition.zones {
            if let v = builder.standardVacancies[zone] { value += (weights[v.index] ?? 0) * Double(aggregates.recruits[zone, default: 0]) }
            if let f = builder.fullTimeVacancies[zone] { value += (weights[f.index] ?? 0) * Double(aggregates.fullTimeRecruits[zone, default: 0]) }
        }
        for (g, count) in aggregates.largeRecruits {
            value += (weights[builder.vacancyServed[g].index] ?? 0) * Double(count)
        }
        return value - (row.lower ?? 0)
    }

    /// How far the roster falls short of the full-time share R4 (its row's lower side less its value),
    /// 0 when it holds or the policy sets no share.
    func shareShortfall(_ values: [Double]) -> Double {
        guard let index = builder.fullTimeShareRow else { return 0 }
        let row = builder.model.constraints[index]
        return max(0, (row.lower ?? 0) - row.expression.value(in: values))
    }

    /// The flows for `aggregates`, then as many full-time members appointed as hold a school each while
    /// the share R4 falls short. While it still does, one part-time appointee is given up at a time: of
    /// the ``dropCandidates`` part-time classes whose last appointee holds fewest schools, the one whose
    /// flows (with no people beyond those left) cost fewest crossings; at most ``shareTrials`` times.
    /// `nil` when no roster within the share is found.
    func withinShare(_ aggregates: Aggregates) -> [Double]? {
        let model = builder.model
        let classes = builder.partition.inspectorClasses
        guard var values = complete(aggregates) else { return nil }
        var current = aggregates
        func people(_ k: InspectorClass, in values: [Double]) -> Int { Int(values[builder.standardAppointed[k.index].index].rounded()) }
        // The people the first flows appointed are the most each class keeps from here on.
        func keepPeople(_ values: [Double]) {
            for k in classes where k.employment == .partTime { current.appointed[k.index] = people(k, in: values) }
        }
        keepPeople(values)
        for _ in 0..<shareTrials {
            values = moreFullTimeAppointees(values)
            guard shareShortfall(values) > 1e-6 else { return values }
            let spare = spareCapacity(values, current)
            func load(_ k: InspectorClass) -> Int { Int(builder.standardLoad[k.index].value(in: values).rounded()) }
            func lastLoad(_ k: InspectorClass) -> Int { load(k) - k.capacity * (people(k, in: values) - 1) }
            // What the last appointee holds beyond the room the zone's other holders have: 0 or less, and the
            // schools can stay in the zone.
            func uncovered(_ k: InspectorClass) -> Int {
                lastLoad(k) - (spare[k.zone, default: 0] - (k.capacity * people(k, in: values) - load(k)))
            }
            let candidates = classes.filter { $0.employment == .partTime && people($0, in: values) > 0 }
                .sorted { (max(0, uncovered($0)), lastLoad($0), $0.index) < (max(0, uncovered($1)), lastLoad($1), $1.index) }
                .prefix(dropCandidates)
            var best: (values: [Double], aggregates: Aggregates, crossings: Double)?
            for k in candidates {
                var trial = current
                trial.appointed[k.index] = people(k, in: values) - 1
                guard let next = complete(trial, allowExtra: false) else { continue }
                let crossings = model.objective.value(in: next)
                if best.map({ crossings < $0.crossings - 0.5 }) ?? true { best = (next, trial, crossings) }
            }
            guard let best else { return nil }
            values = best.values
            current = best.aggregates
            keepPeople(values)
        }
        values = moreFullTimeAppointees(values)
        return shareShortfall(values) > 1e-6 ? nil : values
    }

    /// Standard schools each zone's holders could take on beyond what they hold: free full-time
    /// members and part-time appointees to their caps, recruits to p each.
    func spareCapacity(_ values: [Double], _ aggregates: Aggregates) -> [Zone: Int] {
        var spare: [Zone: Int] = [:]
        for k in builder.partition.inspectorClasses {
            let load = Int(builder.standardLoad[k.index].value(in: values).rounded())
            let people = k.employment == .fullTime
                ? k.size - Int(builder.largeLoad[k.index].value(in: values).rounded())
                : Int(values[builder.standardAppointed[k.index].index].rounded())
            spare[k.zone, default: 0] += max(0, k.capacity * people - load)
        }
        let p = builder.policy.schoolsPerInspector
        for zone in builder.partition.zones {
            let held = builder.partition.schoolClassesByZone[zone, default: []].filter { !$0.isLarge }
                .reduce(0) { $0 + Int(values[builder.vacancyServed[$1.index].index].rounded()) }
            spare[zone, default: 0] += max(0, p * aggregates.recruits[zone, default: 0] - held)
        }
        return spare
    }

    /// Full-time members appointed, one each to a school their class already holds, class by class, while
    /// the share R4 falls short (each holds at least one school, so the load allows min(free, load)).
    func moreFullTimeAppointees(_ values: [Double]) -> [Double] {
        var values = values
        for k in builder.partition.inspectorClasses where k.employment == .fullTime {
            guard shareShortfall(values) > 1e-6 else { break }
            let column = builder.standardAppointed[k.index].index
            let free = k.size - Int(builder.largeLoad[k.index].value(in: values).rounded())
            let load = Int(builder.standardLoad[k.index].value(in: values).rounded())
            let most = min(free, load)
            while Int(values[column].rounded()) < most && shareShortfall(values) > 1e-6 { values[column] += 1 }
        }
        return values
    }

    /// The aggregate decisions the LP relaxation points to, in integers: the recruits on large schools
    /// and the members on them rounded to the nearest, the standard recruits per zone rounded down and
    /// then up where the fractions are largest until the roster before's total is reached; full-time
    /// appointees at least the LP's rounded down; part-time ones at most the LP's rounded down, then up
    /// where the fractions are largest as far as the share R4's slack pays; the roster before's
    /// full-time recruits spread over the zones in order.
    func aggregates(fromLP lp: [Double], incumbent: Aggregates) -> Aggregates {
        let partition = builder.partition
        let epsilon = 1e-6
        var large: [Int: Int] = [:]
        for g in partition.schoolClasses where g.isLarge {
            large[g.index] = Int(max(0, lp[builder.vacancyServed[g.index].index]).rounded())
        }
        let total = incumbent.recruits.values.reduce(0, +) + incumbent.largeRecruits.values.reduce(0, +)
        var recruits: [Zone: Int] = [:]
        var fractions: [(fraction: Double, order: Int, zone: Zone)] = []
        for (order, zone) in partition.zones.enumerated() {
            guard let v = builder.standardVacancies[zone] else { continue }
            let value = max(0, lp[v.index])
            let whole = Int((value + epsilon).rounded(.down))
            recruits[zone] = whole
            if whole < partition.standardCount(in: zone) { fractions.append((value - Double(whole), order, zone)) }
        }
        fractions.sort { ($1.fraction, $0.order) < ($0.fraction, $1.order) }
        var missing = total - large.values.reduce(0, +) - recruits.values.reduce(0, +)
        for entry in fractions where missing > 0 {
            recruits[entry.zone, default: 0] += 1
            missing -= 1
        }
        var fullTime: [Zone: Int] = [:]
        var toPlace = incumbent.fullTimeRecruits.values.reduce(0, +)
        for zone in partition.zones where builder.fullTimeVacancies[zone] != nil {
            let room = recruits[zone, default: 0]
                + partition.schoolClassesByZone[zone, default: []].filter(\.isLarge).reduce(0) { $0 + large[$1.index, default: 0] }
            let placed = min(room, toPlace)
            fullTime[zone] = placed
            toPlace -= placed
        }
        let dedicated = partition.inspectorClasses.map { Int((builder.largeLoad[$0.index].value(in: lp) + 0.5 - epsilon).rounded(.down)) }
        var appointed = partition.inspectorClasses.map { k in
            Int((max(0, lp[builder.standardAppointed[k.index].index]) + epsilon).rounded(.down))
        }
        var result = Aggregates(recruits: recruits, largeRecruits: large, fullTimeRecruits: fullTime, dedicated: dedicated,
                                appointed: appointed)
        // Part-time classes rounded up, largest fractions first, as far as the share's slack pays for them.
        var slack = shareSlack(of: result)
        let roundUp = partition.inspectorClasses.filter { $0.employment == .partTime }
            .map { k in (k: k, fraction: max(0, lp[builder.standardAppointed[k.index].index]) - Double(appointed[k.index])) }
            .filter { $0.fraction > epsilon }
            .sorted { ($1.fraction, $0.k.index) < ($0.fraction, $1.k.index) }
        for entry in roundUp {
            let cost = -shareWeight(of: builder.standardAppointed[entry.k.index])
            guard slack >= cost - epsilon else { continue }
            appointed[entry.k.index] += 1
            slack -= cost
        }
        result.appointed = appointed
        return result
    }

    /// The least-cost flows for the given aggregates, read back into the model's columns; `nil` when the
    /// flows cannot place every school within them.
    func complete(_ aggregates: Aggregates, allowExtra: Bool = true) -> [Double]? {
        let partition = builder.partition
        let policy = builder.policy
        let p = policy.schoolsPerInspector
        let model = builder.model
        let classes = partition.inspectorClasses
        let schools = partition.schoolClasses
        var values = [Double](repeating: 0, count: model.variables.count)
        func crossing(_ k: Int, _ g: Int) -> Bool { classes[k].zone != schools[g].zone }
        func keeps(_ k: Int, _ g: Int) -> Bool {
            guard let previous = schools[g].previous else { return false }
            return classes[k].size == 1 && classes[k].members.first?.id == previous
        }
        func cost(_ k: Int, _ g: Int) -> Int { (keeps(k, g) ? Self.kept : 0) + (crossing(k, g) ? Self.crossing : 0) }
        func upper(_ v: Variable, or fallback: Int) -> Int { Int(model.variables[v.index].upper ?? Double(fallback)) }
        let source = 0, sink = 1

        // Large schools.
        var large = MinCostFlow(nodes: 2)
        let slots = classes.map { _ in large.addNode() }
        let largeSchool = Dictionary(uniqueKeysWithValues: schools.filter(\.isLarge).map { ($0.index, large.addNode()) })
        var slotArcs: [[Int]] = Array(repeating: [], count: classes.count)
        for k in classes {
            let dedicated = min(k.size, aggregates.dedicated[k.index])
            if dedicated > 0 { slotArcs[k.index].append(large.addArc(from: source, to: slots[k.index], capacity: dedicated, cost: Self.required)) }
            // Members beyond the aggregates' only when the large schools cannot be held otherwise.
            let idle = k.size - dedicated - min(k.size - dedicated, aggregates.appointed[k.index])
            if idle > 0 { slotArcs[k.index].append(large.addArc(from: source, to: slots[k.index], capacity: idle, cost: Self.extra)) }
        }
        var largeArcs: [(arc: Int, variable: Variable)] = []
        for entry in builder.direct where schools[entry.g].isLarge && builder.mayHold(entry.k, entry.g) {
            guard let node = largeSchool[entry.g] else { continue }
            let arc = large.addArc(from: slots[entry.k], to: node, capacity: upper(entry.variable, or: schools[entry.g].size),
                                   cost: cost(entry.k, entry.g))
            largeArcs.append((arc, entry.variable))
        }
        var largeHubs: [RosterModel.Hub: Int] = [:]
        for entry in builder.hubSupply where entry.hub.large {
            let hub = largeHubs[entry.hub] ?? large.addNode()
            largeHubs[entry.hub] = hub
            largeArcs.append((large.addArc(from: slots[entry.k], to: hub, capacity: upper(entry.variable, or: classes[entry.k].size), cost: Self.crossing),
                              entry.variable))
        }
        for entry in builder.hubDemand where entry.hub.large && schools[entry.g].pinned == nil {
            guard let hub = largeHubs[entry.hub], let node = largeSchool[entry.g] else { continue }
            largeArcs.append((large.addArc(from: hub, to: node, capacity: schools[entry.g].size, cost: 0), entry.variable))
        }
        var largeNeed = 0
        for g in schools where g.isLarge {
            guard let node = largeSchool[g.index] else { continue }
            let need = g.size - aggregates.largeRecruits[g.index, default: 0]
            guard need >= 0 else { return nil }
            largeNeed += need
            large.addArc(from: node, to: sink, capacity: need, cost: 0)
        }
        guard large.augment(from: source, to: sink) == largeNeed else {
            return nil
        }
        for (arc, variable) in largeArcs { values[variable.index] += Double(large.flow(on: arc)) }
        let dedicated = classes.map { k in slotArcs[k.index].reduce(0) { $0 + large.flow(on: $1) } }

        // Standard schools.
        var standard = MinCostFlow(nodes: 2)
        let holders = classes.map { _ in standard.addNode() }
        let standardSchool = Dictionary(uniqueKeysWithValues: schools.filter { !$0.isLarge }.map { ($0.index, standard.addNode()) })
        var holderArcs: [[Int]] = Array(repeating: [], count: classes.count)
        for k in classes {
            let free = max(0, k.size - dedicated[k.index])
            let appointed = min(free, aggregates.appointed[k.index])
            if k.employment == .fullTime {
                holderArcs[k.index].append(standard.addArc(from: source, to: holders[k.index], capacity: appointed, cost: Self.required))
                holderArcs[k.index].append(standard.addArc(from: source, to: holders[k.index], capacity: k.capacity * free - appointed, cost: 0))
            } else {
                holderArcs[k.index].append(standard.addArc(from: source, to: holders[k.index], capacity: k.capacity * appointed,
                                                           cost: Self.partTime))
                // More part-timers only where the schools cannot be held otherwise (the share may then fail).
                if allowExtra {
                    holderArcs[k.index].append(standard.addArc(from: source, to: holders[k.index], capacity: k.capacity * (free - appointed),
                                                               cost: Self.extra))
                }
            }
        }
        var standardArcs: [(arc: Int, variable: Variable)] = []
        for entry in builder.direct where !schools[entry.g].isLarge && builder.mayHold(entry.k, entry.g) {
            guard let node = standardSchool[entry.g] else { continue }
            let arc = standard.addArc(from: holders[entry.k], to: node, capacity: upper(entry.variable, or: schools[entry.g].size),
                                      cost: cost(entry.k, entry.g))
            standardArcs.append((arc, entry.variable))
        }
        var standardHubs: [RosterModel.Hub: Int] = [:]
        for entry in builder.hubSupply where !entry.hub.large {
            let hub = standardHubs[entry.hub] ?? standard.addNode()
            standardHubs[entry.hub] = hub
            standardArcs.append((standard.addArc(from: holders[entry.k], to: hub, capacity: upper(entry.variable, or: 0), cost: Self.crossing),
                                 entry.variable))
        }
        for entry in builder.hubDemand where !entry.hub.large && schools[entry.g].pinned == nil {
            guard let hub = standardHubs[entry.hub], let node = standardSchool[entry.g] else { continue }
            standardArcs.append((standard.addArc(from: hub, to: node, capacity: schools[entry.g].size, cost: 0), entry.variable))
        }
        var vacancyArcs: [(arc: Int, g: Int)] = []
        var recruitArcs: [Zone: [Int]] = [:]
        for zone in partition.zones {
            let v = aggregates.recruits[zone, default: 0]
            guard v > 0 else { continue }
            let node = standard.addNode()
            recruitArcs[zone] = [standard.addArc(from: source, to: node, capacity: v, cost: Self.required),
                                 standard.addArc(from: source, to: node, capacity: (p - 1) * v, cost: 0)]
            for g in partition.schoolClassesByZone[zone, default: []] where !g.isLarge && g.pinned == nil {
                guard let school = standardSchool[g.index] else { continue }
                vacancyArcs.append((standard.addArc(from: node, to: school, capacity: g.size, cost: 0), g.index))
            }
        }
        var standardNeed = 0
        for g in schools where !g.isLarge {
            guard let node = standardSchool[g.index] else { continue }
            standardNeed += g.size
            standard.addArc(from: node, to: sink, capacity: g.size, cost: 0)
        }
        let placed = standard.augment(from: source, to: sink)
        guard placed == standardNeed else {
            return nil
        }
        // Every lower bound met: full-time appointees and recruits each hold a school.
        for k in classes where k.employment == .fullTime {
            guard let first = holderArcs[k.index].first, standard.flow(on: first) == standard.capacity(of: first) else {
                return nil
            }
        }
        for arcs in recruitArcs.values {
            guard let first = arcs.first, standard.flow(on: first) == standard.capacity(of: first) else {
                return nil
            }
        }

        for (arc, variable) in standardArcs { values[variable.index] += Double(standard.flow(on: arc)) }
        for (arc, g) in vacancyArcs { values[builder.vacancyServed[g].index] += Double(standard.flow(on: arc)) }
        for (g, count) in aggregates.largeRecruits { values[builder.vacancyServed[g].index] = Double(count) }
        for zone in partition.zones {
            if let column = builder.standardVacancies[zone] { values[column.index] = Double(aggregates.recruits[zone, default: 0]) }
            if let column = builder.fullTimeVacancies[zone] { values[column.index] = Double(aggregates.fullTimeRecruits[zone, default: 0]) }
        }
        for k in classes {
            let load = holderArcs[k.index].reduce(0) { $0 + standard.flow(on: $1) }
            let fewest = (load + k.capacity - 1) / max(1, k.capacity)
            let free = max(0, k.size - dedicated[k.index])
            let people = k.employment == .fullTime ? max(fewest, min(free, aggregates.appointed[k.index], load)) : fewest
            values[builder.standardAppointed[k.index].index] = Double(people)
        }
        return values
    }
}
