/// R6 term limit: a part-time inspector with consecutive_terms ≥ max_consecutive_terms is not appointed.
/// Source (policy key `max_consecutive_terms`): 《教育督导条例》第六条 (兼职督学的任期为3年，连续任职不得超过3个任期);
/// Wusheng §15 repeats it.
public struct TermLimitRule: Rule {
    /// R6.
    public let id = RuleID.termLimit
    /// Error.
    public let severity = Severity.error

    /// The term-limit rule.
    public init() {}

    /// Appointed part-time inspectors at the limit.
    public func check(_ context: RuleContext) -> [Finding] {
        context.appointedInspectors.flatMap { inspector in
            Eligibility.exclusions(of: inspector, under: context.policy).compactMap { exclusion in
                guard case .termLimit(let terms, let limit, let recorded) = exclusion else { return nil }
                return finding(.termLimitReached(inspector.id, terms: terms, limit: limit, recorded: recorded))
            }
        }
    }
}
