/// R5 retirement: in service, or retired at most max_years_retired years before term_start.
/// Imposed when `max_years_retired` is set: Zaozhuang 室字〔2021〕33号 三(二) (在职或退休时间不超过3年). Wusheng
/// and Hainan say only 退休时间不长 (no figure): off unless the district sets one.
public struct RetirementRule: Rule {
    /// R5.
    public let id = RuleID.retirement
    /// Error.
    public let severity = Severity.error

    /// The retirement rule.
    public init() {}

    /// Appointed inspectors retired too long before the term.
    public func check(_ context: RuleContext) -> [Finding] {
        context.appointedInspectors.flatMap { inspector in
            Eligibility.exclusions(of: inspector, under: context.policy).compactMap { exclusion in
                guard case .retiredTooLong(let day, let years, let limit, let checkedOn) = exclusion else { return nil }
                return finding(.retiredTooLong(inspector.id, retiredOn: day, years: years, limit: limit, checkedOn: checkedOn))
            }
        }
    }
}
