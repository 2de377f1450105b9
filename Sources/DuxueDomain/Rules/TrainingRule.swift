/// R13 training (warning): an appointee trains at least `min_training_hours` a year, when the pool gives hours.
/// Source: 《督学管理暂行办法》(2016: 每年集中培训累计不少于40学时); Tianjin 第十七条 (不少于40学时).
public struct TrainingRule: Rule {
    /// R13.
    public let id = RuleID.training
    /// Warning.
    public let severity = Severity.warning
    /// The training rule.
    public init() {}

    /// Appointed inspectors with recorded hours below the minimum (no column or empty cell: no finding).
    public func check(_ context: RuleContext) -> [Finding] {
        guard let minimum = context.policy.minTrainingHours else { return [] }
        return context.appointedInspectors.compactMap { inspector in
            guard let hours = inspector.trainingHours, hours < Double(minimum) else { return nil }
            return finding(.trainingShort(inspector.id, hours: hours, minimum: minimum))
        }
    }
}
