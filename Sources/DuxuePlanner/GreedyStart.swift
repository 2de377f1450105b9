import DuxueDomain
import DuxueMIP

extension RosterModel {
    /// A first roster in class counts, found greedily, to give GLPK a good incumbent at P1a.
    ///
    /// Large schools first, each to a free member of a compatible class (own zone first); then
    /// standard schools fill the room of people already appointed before a new person is appointed,
    /// own zone before other zones and full-time people first (for the share); what is left goes to
    /// recruits, full-time as far as the share needs. Returns `nil` when the result breaks the share
    /// or any row — the caller then falls back to ``trivialSolution()``; GLPK never sees an
    /// unchecked point.
    func greedySolution() -> [Double]? {
        // When the pool is short of full-time people, part-timers who take every school leave too few
        // schools for the full-time recruits the share needs: appoint fewer part-timers until it holds.
        var limit = Int.max
        for _ in 0..<64 {
            let (values, partTime, missing) = greedyAttempt(partTimeLimit: limit)
            if missing == 0 { return model.firstViolation(in: values) == nil ? values : nil }
            guard partTime > 0 else { return nil }
            limit = max(0, partTime - max(1, missing))
        }
        return nil
    }

    /// One greedy pass with at most `partTimeLimit` part-time appointees; returns the values, the
    /// part-time appointees used and how many more full-time appointees the share would need.
    private func greedyAttempt(partTimeLimit: Int) -> (values: [Double], partTime: Int, missing: Int) {
        var partTimeUsed = 0
        var values = [Double](repeating: 0, count: model.variables.count)
        var freePeople = partition.inspectorClasses.map(\.size)
        var room = [Int](repeating: 0, count: partition.inspectorClasses.count)
        var standardAppointees = [Int](repeating: 0, count: partition.inspectorClasses.count)
        var leftover = partition.schoolClasses.map(\.size)
        var flow: [Pair: Int] = [:]
        let supplyVariable = Dictionary(hubSupply.map { (HubKey(hub: $0.hub, index: $0.k), $0.variable) }, uniquingKeysWith: { a, _ in a })
        let demandVariable = Dictionary(hubDemand.map { (HubKey(hub: $0.hub, index: $0.g), $0.variable) }, uniquingKeysWith: { a, _ in a })
        let classesByZone = Dictionary(grouping: partition.inspectorClasses, by: \.zone)
        let ordered = partition.inspectorClasses.sorted { ($0.employment == .fullTime ? 0 : 1, -$0.capacity) < ($1.employment == .fullTime ? 0 : 1, -$1.capacity) }

        /// The column that carries one school of g held by a member of k, if the model has one.
        func route(_ k: InspectorClass, _ g: SchoolClass) -> [Variable]? {
            guard partition.compatible(k, g, zones: policy.zones) else { return nil }
            if let x = directByPair[Pair(k: k.index, g: g.index)] { return [x] }
            let hub = Hub(large: g.isLarge, recusalSafe: !g.conflictors.isEmpty)
            guard let s = supplyVariable[HubKey(hub: hub, index: k.index)], let r = demandVariable[HubKey(hub: hub, index: g.index)] else { return nil }
            return [s, r]
        }
        func candidates(for g: SchoolClass, ownZone: Bool) -> [InspectorClass] {
            if ownZone {
                return (classesByZone[g.zone] ?? []).sorted {
                    ($0.employment == .fullTime ? 0 : 1, -$0.capacity) < ($1.employment == .fullTime ? 0 : 1, -$1.capacity)
                }
            }
            guard policy.zones != .require else { return [] }
            // Other zones: the classes with the most spare people first.
            return ordered.filter { $0.zone != g.zone }.sorted { freePeople[$0.index] > freePeople[$1.index] }
        }
        func placeLarge(_ g: SchoolClass, ownZone: Bool) {
            for k in candidates(for: g, ownZone: ownZone) where leftover[g.index] > 0 && freePeople[k.index] > 0 {
                guard let columns = route(k, g) else { continue }
                let allowed = k.employment == .fullTime ? Int.max : partTimeLimit - partTimeUsed
                let n = min(leftover[g.index], freePeople[k.index], allowed)
                guard n > 0 else { continue }
                if k.employment == .partTime { partTimeUsed += n }
                for column in columns { values[column.index] += Double(n) }
                freePeople[k.index] -= n
                leftover[g.index] -= n
            }
        }
        func placeStandard(_ g: SchoolClass, ownZone: Bool) {
            let pool = candidates(for: g, ownZone: ownZone)
            // Room of people already appointed first, then new appointments.
            for k in pool where leftover[g.index] > 0 && room[k.index] > 0 {
                guard let columns = route(k, g) else { continue }
                let n = min(leftover[g.index], room[k.index])
                for column in columns { values[column.index] += Double(n) }
                flow[Pair(k: k.index, g: g.index), default: 0] += n
                room[k.index] -= n
                leftover[g.index] -= n
            }
            for k in pool where leftover[g.index] > 0 && freePeople[k.index] > 0 {
                guard let columns = route(k, g) else { continue }
                while leftover[g.index] > 0 && freePeople[k.index] > 0
                    && (k.employment == .fullTime || partTimeUsed < partTimeLimit)
                {
                    if k.employment == .partTime { partTimeUsed += 1 }
                    let n = min(leftover[g.index], k.capacity)
                    for column in columns { values[column.index] += Double(n) }
                    flow[Pair(k: k.index, g: g.index), default: 0] += n
                    freePeople[k.index] -= 1
                    standardAppointees[k.index] += 1
                    room[k.index] += k.capacity - n
                    leftover[g.index] -= n
                }
            }
        }
        // Every zone serves itself first (large schools, then standard), then the rest crosses zones.
        let large = partition.schoolClasses.filter(\.isLarge)
        let standard = partition.schoolClasses.filter { !$0.isLarge }.sorted { $0.conflictors.count > $1.conflictors.count }
        for ownZone in [true, false] {
            for g in large { placeLarge(g, ownZone: ownZone) }
            for g in standard { placeStandard(g, ownZone: ownZone) }
        }
        if policy.zones != .require {
            balanceRecruits(standard: standard, leftover: &leftover, flow: &flow, values: &values, route: route)
        }
        for k in partition.inspectorClasses { values[standardAppointed[k.index].index] = Double(standardAppointees[k.index]) }
        for g in partition.schoolClasses { values[vacancyServed[g.index].index] = Double(leftover[g.index]) }
        var recruitsByZone: [Zone: Int] = [:]
        for zone in partition.zones {
            guard let v = standardVacancies[zone] else { continue }
            let classes = partition.schoolClassesByZone[zone, default: []]
            let standard = classes.filter { !$0.isLarge }.reduce(0) { $0 + leftover[$1.index] }
            let large = classes.filter(\.isLarge).reduce(0) { $0 + leftover[$1.index] }
            values[v.index] = Double((standard + policy.schoolsPerInspector - 1) / policy.schoolsPerInspector)
            recruitsByZone[zone] = Int(values[v.index]) + large
        }
        // Full-time recruits, zone by zone, until the share holds.
        let poolFullTime = partition.inspectorClasses.filter { $0.employment == .fullTime }
            .reduce(0) { $0 + $1.size - freePeople[$1.index] }
        let poolAll = partition.inspectorClasses.reduce(0) { $0 + $1.size - freePeople[$1.index] }
        var fullTime = poolFullTime
        let all = poolAll + recruitsByZone.values.reduce(0, +)
        for zone in partition.zones {
            guard let f = fullTimeVacancies[zone] else { continue }
            var assigned = 0
            while !policy.meetsFullTimeShare(fullTime: fullTime, total: all) && assigned < recruitsByZone[zone, default: 0] {
                assigned += 1
                fullTime += 1
            }
            values[f.index] = Double(assigned)
        }
        let missing = FullTimeShareRule.missingFullTime(fullTime: fullTime, total: all, policy: policy)
        return (values, partTimeUsed, missing)
    }
}

extension RosterModel {
    /// Removes part-filled recruits: a zone's recruits hold ⌈L_z / p⌉ positions for its L_z left-over
    /// standard schools, so a remainder r_y = L_y mod p costs a whole recruit. Pool inspectors who
    /// hold r_y schools of another zone z (whose own remainder has room, r_z + r_y ≤ p) take r_y of
    /// zone y's left-over schools instead and leave theirs to z's recruits: y needs one recruit
    /// fewer, z none more, and every inspector's load is unchanged.
    fileprivate func balanceRecruits(
        standard: [SchoolClass], leftover: inout [Int], flow: inout [Pair: Int], values: inout [Double],
        route: (InspectorClass, SchoolClass) -> [Variable]?
    ) {
        let p = policy.schoolsPerInspector
        let byZone = Dictionary(grouping: standard, by: \.zone)
        func remainder(_ zone: Zone) -> Int { (byZone[zone] ?? []).reduce(0) { $0 + leftover[$1.index] } % p }
        func move(_ k: InspectorClass, from g: SchoolClass, to h: SchoolClass) {
            for column in route(k, g) ?? [] { values[column.index] -= 1 }
            for column in route(k, h) ?? [] { values[column.index] += 1 }
            flow[Pair(k: k.index, g: g.index), default: 0] -= 1
            flow[Pair(k: k.index, g: h.index), default: 0] += 1
            leftover[g.index] += 1
            leftover[h.index] -= 1
        }
        /// Finds `need` single moves from zone z's pool-held schools to zone y's left-over ones.
        func exchange(into y: Zone, from z: Zone, need: Int) -> Bool {
            var moves: [(InspectorClass, SchoolClass, SchoolClass)] = []
            var usedFrom: [Pair: Int] = [:]
            var usedTo: [Int: Int] = [:]
            for g in byZone[z] ?? [] {
                for k in partition.inspectorClasses {
                    let key = Pair(k: k.index, g: g.index)
                    while moves.count < need && flow[key, default: 0] - usedFrom[key, default: 0] > 0 {
                        guard let h = (byZone[y] ?? []).first(where: {
                            leftover[$0.index] - usedTo[$0.index, default: 0] > 0 && route(k, $0) != nil
                        }) else { break }
                        moves.append((k, g, h))
                        usedFrom[key, default: 0] += 1
                        usedTo[h.index, default: 0] += 1
                    }
                    if moves.count == need { break }
                }
                if moves.count == need { break }
            }
            guard moves.count == need else { return false }
            for (k, g, h) in moves { move(k, from: g, to: h) }
            return true
        }
        var budget = partition.zones.count * 4
        improving: while budget > 0 {
            budget -= 1
            let open = partition.zones.filter { remainder($0) > 0 }.sorted { (remainder($0), $0) < (remainder($1), $1) }
            for y in open {
                let need = remainder(y)
                for z in open.reversed() where z != y && remainder(z) + need <= p {
                    if exchange(into: y, from: z, need: need) { continue improving }
                }
            }
            break
        }
    }
}

/// A pool column's key: the pool and the class index.
struct HubKey: Hashable {
    let hub: RosterModel.Hub
    let index: Int
}
