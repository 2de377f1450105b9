import DuxueDomain

/// Counts that describe a district's composition and pool, for checking a generated sample at a glance.
public struct DistrictSummary: Sendable, Hashable, CustomStringConvertible {
    /// Schools in all.
    public var schools: Int
    /// Zones with schools.
    public var zones: Int
    /// Smallest and largest number of schools in a zone.
    public var zoneSizes: ClosedRange<Int>
    /// Schools by stage (schools without a stage are left out).
    public var stageCounts: [Stage: Int]
    /// Schools that are large under the policy (enrollment or designation).
    public var largeSchools: Int
    /// Schools with an explicit large designation.
    public var designatedLarge: Int
    /// Members of the pool.
    public var inspectors: Int
    /// Full-time members.
    public var fullTime: Int
    /// Retired members.
    public var retired: Int
    /// Members who may be appointed.
    public var eligible: Int
    /// Full-time members who may be appointed.
    public var eligibleFullTime: Int
    /// Members excluded by R5 (retired too long before the term).
    public var excludedRetired: Int
    /// Members excluded by R6 (part-time at the consecutive-term limit).
    public var excludedTermLimit: Int
    /// Members with schools to recuse from.
    public var withConflicts: Int
    /// Members with a personal cap.
    public var capped: Int
    /// Members qualified for some stages only.
    public var stageLimited: Int
    /// Headcount the ratio rules require under the policy.
    public var requiredHeadcount: Int
    /// Full-time appointees the share rule requires among that headcount.
    public var requiredFullTime: Int
    /// Zones whose eligible members are fewer than their own required headcount.
    public var zonesShort: Int

    /// Counts a district under a policy.
    public init(district: District, policy: Policy) {
        schools = district.schools.count
        let bySchoolZone = Dictionary(grouping: district.schools, by: \.zone)
        zones = bySchoolZone.count
        let sizes = bySchoolZone.values.map(\.count)
        zoneSizes = (sizes.min() ?? 0)...(sizes.max() ?? 0)
        stageCounts = district.schools.reduce(into: [:]) { counts, school in
            if let stage = school.stage { counts[stage, default: 0] += 1 }
        }
        largeSchools = district.schools.filter { $0.isLarge(under: policy) }.count
        designatedLarge = district.schools.filter { $0.largeDesignation == true }.count
        let pool = district.inspectors
        inspectors = pool.count
        fullTime = pool.filter { $0.employment == .fullTime }.count
        retired = pool.filter { $0.status.retiredOn != nil }.count
        let eligiblePool = pool.filter { Eligibility.isEligible($0, under: policy) }
        eligible = eligiblePool.count
        eligibleFullTime = eligiblePool.filter { $0.employment == .fullTime }.count
        let reasons = pool.map { Eligibility.exclusions(of: $0, under: policy) }
        excludedRetired = reasons.filter { $0.contains { if case .retiredTooLong = $0 { true } else { false } } }.count
        excludedTermLimit = reasons.filter { $0.contains { if case .termLimit = $0 { true } else { false } } }.count
        withConflicts = pool.filter { !$0.conflicts.isEmpty }.count
        capped = pool.filter { $0.maxSchools != nil }.count
        stageLimited = pool.filter { !$0.stages.isEmpty }.count
        requiredHeadcount = district.requiredHeadcount(under: policy)
        let (p, q) = policy.fullTimeShareFraction
        requiredFullTime = (p * requiredHeadcount + q - 1) / q
        let eligibleByZone = Dictionary(grouping: eligiblePool, by: \.zone).mapValues(\.count)
        let ratio = max(1, policy.schoolsPerInspector)
        zonesShort = bySchoolZone.filter { zone, members in
            let large = members.filter { $0.isLarge(under: policy) }.count
            let needed = large + (members.count - large + ratio - 1) / ratio
            return eligibleByZone[zone, default: 0] < needed
        }.count
    }

    /// A few lines in English.
    public var description: String {
        let stages = Stage.allCases.compactMap { stage in stageCounts[stage].map { "\(stage.rawValue) \($0)" } }
        return """
            schools \(schools) in \(zones) zones (\(zoneSizes.lowerBound)–\(zoneSizes.upperBound) each): \
            \(stages.joined(separator: ", "))
            large \(largeSchools) (\(designatedLarge) by designation)
            pool \(inspectors): full-time \(fullTime), retired \(retired), with conflicts \(withConflicts), \
            capped \(capped), stage-limited \(stageLimited)
            eligible \(eligible) (full-time \(eligibleFullTime)); excluded R5 \(excludedRetired), R6 \(excludedTermLimit)
            required headcount \(requiredHeadcount) (full-time \(requiredFullTime)); zones short of eligible members \(zonesShort)
            """
    }
}
