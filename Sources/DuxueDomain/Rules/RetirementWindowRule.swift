/// R11 retirement window (warning): a retired appointee's window (retired on + max_years_retired) should
/// last the whole term, or the post falls vacant mid-term.
/// Imposed with R5 (`max_years_retired`).
public struct RetirementWindowRule: Rule {
    /// R11.
    public let id = RuleID.retirementWindow
    /// Warning.
    public let severity = Severity.warning

    /// The retirement-window rule.
    public init() {}

    /// Appointed inspectors, eligible at term start, whose window ends before the term does.
    public func check(_ context: RuleContext) -> [Finding] {
        let policy = context.policy
        return context.appointedInspectors.compactMap { inspector in
            guard let ends = Eligibility.retirementWindowEnds(for: inspector, under: policy),
                ends >= policy.termStart, ends < policy.termEnd
            else { return nil }
            return finding(.retirementWindowEnds(inspector.id, endsOn: ends, termEnds: policy.termLastDay))
        }
    }
}
