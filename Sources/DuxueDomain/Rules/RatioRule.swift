/// R2 ratio: an inspector holds at most min(schools_per_inspector, max_schools) schools (1:5).
/// Source (policy key `schools_per_inspector`): 《中小学校责任督学挂牌督导办法》(2013, 1人负责5所左右学校) and
/// every provincial document (1:5).
public struct RatioRule: Rule {
    /// R2.
    public let id = RuleID.ratio
    /// Error.
    public let severity = Severity.error

    /// The ratio rule.
    public init() {}

    /// Assignees over their cap.
    public func check(_ context: RuleContext) -> [Finding] {
        context.holdings.keys.sorted().compactMap { assignee in
            let holds = context.holdings[assignee, default: []].count
            let limit = context.capacity(of: assignee)
            return holds > limit ? finding(.overCapacity(assignee, holds: holds, limit: limit)) : nil
        }
    }
}
