/// R4 full-time share: full-time appointees ≥ min_full_time_share × all appointees.
/// Source: Hainan 琼办发〔2021〕13号 §16 (专职督学比例不低于20%).
public struct FullTimeShareRule: Rule {
    /// R4.
    public let id = RuleID.fullTimeShare
    /// 琼办发〔2021〕13号 §16.
    public let citation = Citation.hainan16
    /// Error.
    public let severity = Severity.error

    /// The full-time share rule.
    public init() {}

    /// One finding when the share is too low, with how many more full-time appointees would fix it.
    public func check(_ context: RuleContext) -> [Finding] {
        let appointees = context.holdings.keys
        let total = appointees.count
        let fullTime = appointees.filter { context.employment(of: $0) == .fullTime }.count
        guard !context.policy.meetsFullTimeShare(fullTime: fullTime, total: total) else { return [] }
        return [finding(.fullTimeShareLow(
            fullTime: fullTime, total: total, minimum: context.policy.minFullTimeShare,
            missing: Self.missingFullTime(fullTime: fullTime, total: total, policy: context.policy)))]
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
