import DuxueDomain
import DuxueMIP

/// Turns the class counts of a solution back into a roster of named inspectors and vacancies.
///
/// Every count is honoured: f[k,g] schools of class g go to members of class k; pool flows are
/// matched supplier to school preferring different zones (a same-zone match is simply not a
/// crossing); u_g schools go to the zone's recruits. Within a class, b_k members (longest
/// eligibility first) share the standard schools evenly and a_k others take one large school each.
struct Disaggregation {
    let partition: ClassPartition
    let model: RosterModel
    let values: [Double]
    let policy: Policy

    private func count(_ variable: Variable) -> Int { Int(values[variable.index].rounded()) }

    /// The roster, sorted by school id.
    func roster() -> Roster {
        var remaining = partition.schoolClasses.map { $0.members.map(\.id) }
        func take(_ n: Int, from g: Int) -> [School.ID] {
            let taken = Array(remaining[g].prefix(n))
            remaining[g].removeFirst(taken.count)
            return taken
        }
        var standard = [[School.ID]](repeating: [], count: partition.inspectorClasses.count)
        var large = standard
        for entry in model.direct {
            let schools = take(count(entry.variable), from: entry.g)
            if partition.schoolClasses[entry.g].isLarge { large[entry.k] += schools } else { standard[entry.k] += schools }
        }
        let hubs = Set(model.hubSupply.map(\.hub)).sorted { ($0.large ? 1 : 0, $0.recusalSafe ? 1 : 0) < ($1.large ? 1 : 0, $1.recusalSafe ? 1 : 0) }
        for hub in hubs {
            var supply = model.hubSupply.filter { $0.hub == hub }.map { (k: $0.k, left: count($0.variable)) }
            for demand in model.hubDemand where demand.hub == hub {
                let zone = partition.schoolClasses[demand.g].zone
                for school in take(count(demand.variable), from: demand.g) {
                    let pick = supply.firstIndex { $0.left > 0 && partition.inspectorClasses[$0.k].zone != zone }
                        ?? supply.firstIndex { $0.left > 0 }
                    guard let pick else { remaining[demand.g].append(school); continue }
                    supply[pick].left -= 1
                    if hub.large { large[supply[pick].k].append(school) } else { standard[supply[pick].k].append(school) }
                }
            }
        }
        var assignments: [Assignment] = []
        for k in partition.inspectorClasses {
            var members = k.members[...]
            for school in large[k.index] {
                guard let member = members.popFirst() else { break }
                assignments.append(Assignment(school: school, assignee: .inspector(member.id)))
            }
            let schools = standard[k.index]
            guard !schools.isEmpty else { continue }
            let people = min(max(1, count(model.standardAppointed[k.index])), members.count, schools.count)
            let chosen = Array(members.prefix(max(people, (schools.count + k.capacity - 1) / k.capacity)))
            for (offset, school) in schools.enumerated() {
                assignments.append(Assignment(school: school, assignee: .inspector(chosen[offset % chosen.count].id)))
            }
        }
        assignments += vacancyAssignments(leftover: remaining)
        return Roster(assignments: assignments.sorted { $0.school < $1.school })
    }

    /// Vacancies per zone: one per large school, then the model's V_z (at least ⌈n/p⌉) sharing the standard
    /// schools evenly;
    /// the first F_z of the zone's vacancies (large schools first) are full-time.
    private func vacancyAssignments(leftover: [[School.ID]]) -> [Assignment] {
        var assignments: [Assignment] = []
        var number = 0
        for zone in partition.zones {
            let classes = partition.schoolClassesByZone[zone, default: []]
            let largeSchools = classes.filter(\.isLarge).flatMap { leftover[$0.index] }.sorted()
            let standardSchools = classes.filter { !$0.isLarge }.flatMap { leftover[$0.index] }.sorted()
            var groups = largeSchools.map { [$0] }
            // As many recruits as the model has (V_z, which may exceed ⌈n/p⌉ when a recruit is worth more
            // than the schools, e.g. a full-time one for the share), each holding at least one school.
            let fewest = (standardSchools.count + policy.schoolsPerInspector - 1) / policy.schoolsPerInspector
            let modelled = model.standardVacancies[zone].map(count) ?? 0
            let standardCount = min(standardSchools.count, max(fewest, modelled))
            if standardCount > 0 {
                var split = [[School.ID]](repeating: [], count: standardCount)
                for (offset, school) in standardSchools.enumerated() { split[offset % standardCount].append(school) }
                groups += split
            }
            var fullTime = model.fullTimeVacancies[zone].map(count) ?? 0
            for group in groups {
                number += 1
                let employment: Employment = fullTime > 0 ? .fullTime : .partTime
                fullTime -= 1
                let id = "\(Assignee.vacancyPrefix)\(number)"
                assignments += group.map { Assignment(school: $0, assignee: .vacancy(id: id, zone: zone, employment: employment)) }
            }
        }
        return assignments
    }

    /// The recruitment list of a roster, by zone and employment.
    func recruitment(in roster: Roster) -> [Recruitment] {
        var grouped: [String: Recruitment] = [:]
        for (assignee, schools) in roster.schoolsByAssignee {
            guard case .vacancy(let id, let zone, let employment) = assignee else { continue }
            let key = "\(zone.rawValue)|\(employment.rawValue)"
            grouped[key, default: Recruitment(zone: zone, employment: employment, vacancies: [])]
                .vacancies.append(Vacancy(id: id, schools: schools.sorted()))
        }
        return grouped.values.map { recruitment in
            var sorted = recruitment
            sorted.vacancies.sort { $0.id.naturalLess(than: $1.id) }
            return sorted
        }.sorted { ($0.zone, $0.employment.rawValue) < ($1.zone, $1.employment.rawValue) }
    }
}
