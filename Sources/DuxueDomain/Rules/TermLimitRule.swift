/// R6 term limit: a part-time inspector with consecutive_terms ≥ max_consecutive_terms is not appointed.
/// Source: Wusheng 武胜县 2021 §15; 《教育督导条例》第六条 (兼职督学任期3年，连续任职不得超过3届).
public struct TermLimitRule: Rule {
    /// R6.
    public let id = RuleID.termLimit
    /// Wusheng 2021 §15.
    public let citation = Citation.wusheng15
    /// Error.
    public let severity = Severity.error

    /// The term-limit rule.
    public init() {}

    /// Appointed part-time inspectors at the limit.
    public func check(_ context: RuleContext) -> [Finding] {
        context.appointedInspectors.flatMap { inspector in
            Eligibility.exclusions(of: inspector, under: context.policy).compactMap { exclusion in
                guard case .termLimit(let terms, let limit) = exclusion else { return nil }
                return finding(.termLimitReached(inspector.id, terms: terms, limit: limit))
            }
        }
    }
}
