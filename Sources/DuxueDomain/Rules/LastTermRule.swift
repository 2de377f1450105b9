/// R12 last permitted term (warning): a part-time appointee with max_consecutive_terms − 1 completed
/// terms serves the last consecutive term allowed; the next roster must replace them.
/// Source (policy key `max_consecutive_terms`): 《教育督导条例》第六条; Wusheng §15.
public struct LastTermRule: Rule {
    /// R12.
    public let id = RuleID.lastTerm
    /// Warning.
    public let severity = Severity.warning

    /// The last-term rule.
    public init() {}

    /// Appointed part-time inspectors entering their last permitted term.
    public func check(_ context: RuleContext) -> [Finding] {
        let limit = context.policy.maxConsecutiveTerms
        return context.appointedInspectors.compactMap { inspector in
            guard inspector.employment == .partTime, inspector.consecutiveTerms == limit - 1 else { return nil }
            return finding(.lastPermittedTerm(inspector.id, term: inspector.consecutiveTerms + 1, limit: limit))
        }
    }
}
