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
        for k in partition.inspectorClasses { values[standardAppointed[k.index].index] = Double(standardAppointees[k.index]) }
        for g in partition.schoolClasses { values[vacancyServed[g.index].index] = Double(leftover[g.index]) }
        var recruitsByZone: [Zone: Int] = [:]
        for zone in partition.zones {
            guard let v = standardVacancies[zone] else { continue }
            let standard = partition.schoolClasses.filter { $0.zone == zone && !$0.isLarge }.reduce(0) { $0 + leftover[$1.index] }
            let large = partition.schoolClasses.filter { $0.zone == zone && $0.isLarge }.reduce(0) { $0 + leftover[$1.index] }
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

/// A pool column's key: the pool and the class index.
struct HubKey: Hashable {
    let hub: RosterModel.Hub
    let index: Int
}
