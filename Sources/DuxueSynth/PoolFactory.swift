import DuxueDomain

/// Proportions of the inspector pool.
public enum PoolMix {
    /// Eligible headcount as a multiple of the required headcount, by pool shape.
    public static func eligibleFactor(_ shape: DistrictGenerator.PoolShape) -> Double {
        switch shape {
        case .ample: 1.3
        case .tight: 1.0
        case .short: 0.75
        case .shortOfFullTime: 1.2
        }
    }

    /// Full-time share of the eligible pool, by pool shape (`tight` takes the policy's minimum instead).
    public static func fullTimeShare(_ shape: DistrictGenerator.PoolShape) -> Double {
        switch shape {
        case .ample, .tight: 0.25
        case .short: 0.2
        case .shortOfFullTime: 0.1
        }
    }

    /// Members excluded by R5 (retired too long) and, separately, by R6 (term limit), per eligible member.
    public static let excludedShare = 0.04
    /// Share of the whole pool that is retired (eligible or not).
    public static let retiredShare = 0.15
    /// Share of part-time members with a personal cap of 3 or 4 schools.
    public static let cappedShare = 0.1
    /// Share of members qualified for some stages only.
    public static let stageLimitedShare = 0.3

    /// Stage qualifications and how common each is among stage-limited members.
    static let stageSets: [(stages: Set<Stage>, weight: Double)] = [
        ([.kindergarten], 40), ([.primary, .junior, .nineYear], 25), ([.kindergarten, .primary], 10),
        ([.junior, .senior, .nineYear], 15), ([.senior, .vocational], 7), ([.special, .primary], 3),
    ]

    /// Mobile prefixes for phone numbers.
    static let phonePrefixes = [
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
        173, 177, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 199,
    ]
}

/// Builds the inspector pool of a district whose schools are known.
struct PoolFactory {
    let config: DistrictGenerator.Configuration
    let layout: Layout
    let schools: [School]

    private enum Kind { case eligible, retiredTooLong, termLimit }

    private struct Draft {
        var zone: Int
        var employment: Employment
        var kind: Kind
        var retired = false
    }

    func make() -> [Inspector] {
        var rng = SeededGenerator(seed: config.seed, stream: 5)
        var nameRNG = SeededGenerator(seed: config.seed, stream: 6)
        var mapRNG = SeededGenerator(seed: config.seed, stream: 7)
        let policy = config.policy
        let z = layout.zones.count
        let zoneIndex = Dictionary(uniqueKeysWithValues: layout.zones.enumerated().map { ($1, $0) })

        // Required headcount per zone and in all (the latter under the policy's zone mode).
        var large = Array(repeating: 0, count: z), standard = Array(repeating: 0, count: z)
        var schoolsOfZone = Array(repeating: [School.ID](), count: z)
        var stageCounts = Array(repeating: [Stage: Int](), count: z)
        for school in schools {
            let index = zoneIndex[school.zone] ?? 0
            if let stage = school.stage { stageCounts[index][stage, default: 0] += 1 }
            if school.isLarge(under: policy) { large[index] += 1 } else { standard[index] += 1 }
            schoolsOfZone[index].append(school.id)
        }
        let ratio = max(1, policy.schoolsPerInspector)
        let requiredByZone = (0..<z).map { large[$0] + (standard[$0] + ratio - 1) / ratio }
        let required = District(name: "", schools: schools, inspectors: []).requiredHeadcount(under: policy)
        let (p, q) = policy.fullTimeShareFraction
        func minimumFullTime(_ total: Int) -> Int { (p * total + q - 1) / q }

        // Eligible headcount and its full-time part.
        let eligible: Int, fullTime: Int
        switch config.pool {
        case .tight:
            eligible = required
            fullTime = min(eligible, minimumFullTime(required))
        case .ample:
            eligible = max(1, Int((Double(required) * PoolMix.eligibleFactor(.ample)).rounded()))
            fullTime = min(eligible, max(minimumFullTime(required),
                Int((Double(eligible) * PoolMix.fullTimeShare(.ample)).rounded())))
        case .short, .shortOfFullTime:
            let scaled = Int((Double(required) * PoolMix.eligibleFactor(config.pool)).rounded())
            eligible = max(1, config.pool == .short ? min(scaled, required - 1) : scaled)
            let wanted = Int((Double(eligible) * PoolMix.fullTimeShare(config.pool)).rounded())
            fullTime = max(0, min(wanted, minimumFullTime(required) - 1))
        }
        let eligibleByZone = apportion(eligible, weights: requiredByZone)
        let fullTimeByZone = apportion(fullTime, weights: eligibleByZone).enumerated().map { min($1, eligibleByZone[$0]) }

        var drafts: [Draft] = []
        for zone in 0..<z {
            for index in 0..<eligibleByZone[zone] {
                drafts.append(Draft(
                    zone: zone, employment: index < fullTimeByZone[zone] ? .fullTime : .partTime, kind: .eligible))
            }
        }
        let excluded = eligible >= 8 ? max(1, Int((Double(eligible) * PoolMix.excludedShare).rounded())) : 0
        let zoneWeights = eligibleByZone.map(Double.init)
        for kind in [Kind.retiredTooLong, .termLimit] {
            for _ in 0..<excluded {
                let zone = rng.weightedIndex(zoneWeights) ?? rng.below(z)
                drafts.append(Draft(zone: zone, employment: .partTime, kind: kind, retired: kind == .retiredTooLong))
            }
        }
        let retiredTarget = Int((Double(drafts.count) * PoolMix.retiredShare).rounded()) - excluded
        let partTimeEligible = drafts.indices.filter { drafts[$0].kind == .eligible && drafts[$0].employment == .partTime }
        for index in rng.sample(partTimeEligible, count: retiredTarget) { drafts[index].retired = true }

        // Zone by zone in random order within the zone.
        var byZone = Array(repeating: [Draft](), count: z)
        for draft in drafts { byZone[draft.zone].append(draft) }
        for zone in 0..<z { rng.shuffle(&byZone[zone]) }
        let ordered = byZone.flatMap { $0 }

        // Exact shares for conflicts, stage limits and caps. In a tight pool a capped member must be able to
        // take a large school, so caps on eligible members stay within the zone's large schools.
        let everyone = Array(ordered.indices)
        let withConflicts = Set(rng.sample(everyone, count: Int((Double(ordered.count) * config.conflictShare).rounded())))
        let stageLimited = Set(rng.sample(everyone, count: Int((Double(ordered.count) * PoolMix.stageLimitedShare).rounded())))
        var partTime = everyone.filter { ordered[$0].employment == .partTime }
        let capCount = Int((Double(partTime.count) * PoolMix.cappedShare).rounded())
        rng.shuffle(&partTime)
        var capBudget = large
        var capped: Set<Int> = []
        for index in partTime where capped.count < capCount {
            let draft = ordered[index]
            if config.pool == .tight, draft.kind == .eligible {
                guard capBudget[draft.zone] > 0 else { continue }
                capBudget[draft.zone] -= 1
            }
            capped.insert(index)
        }

        let termStart = policy.termStart
        // Without a retirement window (R5 off) the generator still spreads retirement dates over three years.
        let yearsRetired = policy.maxYearsRetired ?? 3
        let window = termStart.addingYears(-yearsRetired).ordinal
        var usedNames: Set<String> = []
        var usedPhones: Set<String> = []
        return ordered.enumerated().map { index, draft in
            var terms: Int
            switch (draft.kind, draft.employment) {
            case (.termLimit, _): terms = policy.maxConsecutiveTerms
            case (_, .fullTime): terms = [0, 0, 1, 1, 1, 2, 2, 3][rng.below(8)]
            case (_, .partTime): terms = [0, 0, 0, 1, 1, 1, 2, 2][rng.below(8)]
            }
            if draft.employment == .partTime, draft.kind != .termLimit {
                terms = min(terms, max(0, policy.maxConsecutiveTerms - 1))  // only term-limit members reach R6
            }

            var status = ServiceStatus.inService
            if draft.retired {
                let range = draft.kind == .retiredTooLong
                    ? (termStart.addingYears(-yearsRetired - 3).ordinal)...(window - 20)
                    : (window + 20)...(termStart.ordinal - 30)
                if !range.isEmpty, let day = Day(ordinal: rng.int(in: range)) { status = .retired(on: day) }
            }

            let maxSchools: Int? = capped.contains(index) ? (rng.chance(0.6) ? 4 : 3) : nil

            var conflicts: Set<School.ID> = []
            if withConflicts.contains(index) {
                let wanted = rng.chance(0.7) ? 1 : 2
                for _ in 0..<(wanted * 4) where conflicts.count < wanted {
                    let own = schoolsOfZone[draft.zone]
                    conflicts.insert(rng.chance(0.8) && !own.isEmpty ? rng.pick(own) : rng.pick(schools).id)
                }
            }

            // A stage-limited member gets a set that covers at least a full load of their zone's schools
            // (a few draws, then the best-covered set), so that limits rarely force stage mismatches.
            var stages: Set<Stage> = []
            if stageLimited.contains(index) {
                let counts = stageCounts[draft.zone]
                func coverage(_ set: Set<Stage>) -> Int { set.reduce(0) { $0 + counts[$1, default: 0] } }
                for _ in 0..<3 where stages.isEmpty {
                    if let choice = rng.weightedIndex(PoolMix.stageSets.map(\.weight)),
                        coverage(PoolMix.stageSets[choice].stages) >= ratio
                    {
                        stages = PoolMix.stageSets[choice].stages
                    }
                }
                if stages.isEmpty {
                    stages = PoolMix.stageSets.max { coverage($0.stages) < coverage($1.stages) }?.stages ?? []
                }
            }

            var name = ChineseNames.person(&nameRNG)
            for _ in 0..<8 where usedNames.contains(name) { name = ChineseNames.person(&nameRNG) }
            usedNames.insert(name)
            var phone = Self.phone(&nameRNG)
            while !usedPhones.insert(phone).inserted { phone = Self.phone(&nameRNG) }

            let location = config.coordinates ? layout.point(near: draft.zone, scale: 0.3, rng: &mapRNG) : nil
            return Inspector(
                id: Inspector.ID(uncheckedRawValue: code("I-", index + 1, total: ordered.count)), name: name,
                employment: draft.employment, status: status, consecutiveTerms: terms, zone: layout.zones[draft.zone],
                conflicts: conflicts, maxSchools: maxSchools, stages: stages, location: location, phone: phone)
        }
    }

    /// A mobile number such as 138-1234-5678.
    static func phone(_ rng: inout SeededGenerator) -> String {
        let middle = rng.below(10_000), last = rng.below(10_000)
        func pad(_ n: Int) -> String { String(repeating: "0", count: 4 - String(n).count) + String(n) }
        return "\(rng.pick(PoolMix.phonePrefixes))-\(pad(middle))-\(pad(last))"
    }
}
