/// R14 share by rounding (warning): the full-time share is below the minimum but reads as meeting it
/// once rounded to a whole percent (19.6% shows as 20% in a spreadsheet); R4 counts exactly, so the
/// roster is not compliant whatever the rounded figure says.
/// Imposed with R4 (`min_full_time_share`: "不低于", no rounding).
public struct ShareRoundingRule: Rule {
    /// R14.
    public let id = RuleID.shareRounding
    /// Warning.
    public let severity = Severity.warning

    /// The rounding rule.
    public init() {}

    /// One finding when the exact share fails but its whole-percent rounding meets the minimum.
    public func check(_ context: RuleContext) -> [Finding] {
        let appointees = context.holdings.keys
        let total = appointees.count
        let fullTime = appointees.filter { context.employment(of: $0) == .fullTime }.count
        let policy = context.policy
        guard total > 0, !policy.meetsFullTimeShare(fullTime: fullTime, total: total) else { return [] }
        let rounded = (Double(fullTime) * 100 / Double(total)).rounded()
        guard rounded >= Policy.ceiling(policy.minFullTimeShare * 100) else { return [] }
        return [finding(.shareMetOnlyByRounding(fullTime: fullTime, total: total, minimum: policy.minFullTimeShare))]
    }
}
