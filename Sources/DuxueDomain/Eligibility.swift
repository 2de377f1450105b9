/// Why an inspector in the pool may not be appointed for the planned term.
public enum Exclusion: Hashable, Sendable {
    /// R5: retired longer than the policy allows before the date the window is checked on (the term
    /// start, the appointment, or a change's as-of date: ``Policy/retirementCheckDate(for:)``).
    case retiredTooLong(retiredOn: Day, years: Double, limit: Int, checkedOn: Day)
    /// R6: part-time with as many consecutive terms as the limit allows; `recorded` lists the terms of
    /// the streak when they come from the roster of record (empty when the count is the pool's column).
    case termLimit(terms: Int, limit: Int, recorded: [Term] = [])
    /// R16: failed the last assessment (考核不合格).
    case failedAssessment
    /// A personal cap of zero schools.
    case noCapacity
}

/// Eligibility of pool members on the policy's term start (R5, R6, R16), under the rules the policy imposes.
public enum Eligibility {
    /// The reasons an inspector is excluded; empty when eligible.
    public static func exclusions(of inspector: Inspector, under policy: Policy) -> [Exclusion] {
        var reasons: [Exclusion] = []
        let checkedOn = policy.retirementCheckDate(for: inspector)
        if let retiredOn = inspector.status.retiredOn, let ends = policy.retirementWindowEnds(retiredOn: retiredOn),
            let limit = policy.maxYearsRetired, ends < checkedOn
        {
            reasons.append(.retiredTooLong(
                retiredOn: retiredOn, years: retiredOn.years(until: checkedOn), limit: limit, checkedOn: checkedOn))
        }
        if inspector.employment == .partTime, inspector.consecutiveTerms >= policy.maxConsecutiveTerms {
            reasons.append(.termLimit(
                terms: inspector.consecutiveTerms, limit: policy.maxConsecutiveTerms, recorded: inspector.recordedTerms))
        }
        if inspector.assessment == .failed { reasons.append(.failedAssessment) }
        if inspector.capacity(under: policy) <= 0 { reasons.append(.noCapacity) }
        return reasons
    }

    /// Whether the inspector may be appointed.
    public static func isEligible(_ inspector: Inspector, under policy: Policy) -> Bool {
        exclusions(of: inspector, under: policy).isEmpty
    }

    /// The last day the inspector stays eligible under R5, if retired and the policy sets a window.
    public static func retirementWindowEnds(for inspector: Inspector, under policy: Policy) -> Day? {
        inspector.status.retiredOn.flatMap { policy.retirementWindowEnds(retiredOn: $0) }
    }
}
