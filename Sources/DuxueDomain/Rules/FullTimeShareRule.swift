/// R4 full-time share: full-time appointees ≥ min_full_time_share × all appointees.
/// Imposed when `min_full_time_share` > 0: Hainan 琼办发〔2021〕13号 §16 (专职督学占比不低于20%); no other
/// document sets a figure.
public struct FullTimeShareRule: Rule {
    /// R4.
    public let id = RuleID.fullTimeShare
    /// Error.
    public let severity = Severity.error

    /// The full-time share rule.
    public init() {}

    /// One finding when the share is too low, with how many more full-time appointees would fix it.
    public func check(_ context: RuleContext) -> [Finding] {
        let (fullTime, total) = Self.counts(context)
        guard !context.policy.meetsFullTimeShare(fullTime: fullTime, total: total) else { return [] }
        return [finding(.fullTimeShareLow(
            fullTime: fullTime, total: total, minimum: context.policy.minFullTimeShare,
            missing: Self.missingFullTime(fullTime: fullTime, total: total, policy: context.policy)))]
    }

    /// Full-time members and all members the share counts: appointees (recruits included), and with
    /// `full_time_share_basis = pool` also the eligible full-time members who hold no school.
    public static func counts(_ context: RuleContext) -> (fullTime: Int, total: Int) {
        let appointees = context.holdings.keys
        var total = appointees.count
        var fullTime = appointees.filter { context.employment(of: $0) == .fullTime }.count
        if context.policy.fullTimeShareBasis == .pool {
            let appointed = Set(appointees.compactMap(\.inspectorID))
            let idle = context.district.inspectors.filter {
                $0.employment == .fullTime && !appointed.contains($0.id) && Eligibility.isEligible($0, under: context.policy)
            }.count
            fullTime += idle
            total += idle
        }
        return (fullTime, total)
    }

    /// Fewest full-time appointees to add (each also raising the total) so the share holds:
    /// the least k with (F + k)·q ≥ p·(T + k).
    public static func missingFullTime(fullTime: Int, total: Int, policy: Policy) -> Int {
        let (p, q) = policy.fullTimeShareFraction
        guard q > p else { return total - fullTime }
        let deficit = p * total - q * fullTime
        return deficit <= 0 ? 0 : (deficit + (q - p) - 1) / (q - p)
    }
}
