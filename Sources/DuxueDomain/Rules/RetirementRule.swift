/// R5 retirement: in service, or retired at most max_years_retired years before term_start.
/// Source: Zaozhuang 枣庄 室字〔2021〕33号 三(二) (退休不超过3年).
public struct RetirementRule: Rule {
    /// R5.
    public let id = RuleID.retirement
    /// 室字〔2021〕33号 三(二).
    public let citation = Citation.zaozhuang
    /// Error.
    public let severity = Severity.error

    /// The retirement rule.
    public init() {}

    /// Appointed inspectors retired too long before the term.
    public func check(_ context: RuleContext) -> [Finding] {
        context.appointedInspectors.flatMap { inspector in
            Eligibility.exclusions(of: inspector, under: context.policy).compactMap { exclusion in
                guard case .retiredTooLong(let day, let years, let limit) = exclusion else { return nil }
                return finding(.retiredTooLong(inspector.id, retiredOn: day, years: years, limit: limit))
            }
        }
    }
}
