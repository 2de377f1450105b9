/// R17 level (warning): responsible inspectors are appointed at the level the policy names.
/// Source (policy key `responsible_level`): Chongqing (十五) 挂牌督学原则上由区县督学担任 ("in principle":
/// a warning, not an error). Applies only when the pool gives 级别.
public struct LevelRule: Rule {
    /// R17.
    public let id = RuleID.level
    /// Warning.
    public let severity = Severity.warning

    /// The level rule.
    public init() {}

    /// Appointed inspectors of another level.
    public func check(_ context: RuleContext) -> [Finding] {
        guard let wanted = context.policy.responsibleLevel else { return [] }
        return context.appointedInspectors.compactMap { inspector in
            guard let level = inspector.level, level != wanted else { return nil }
            return finding(.wrongLevel(inspector.id, level: level, wanted: wanted))
        }
    }
}
