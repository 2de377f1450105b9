/// R13 training (warning): an appointee trains at least 40 hours a year, when the pool gives hours.
/// Source: 《督学管理暂行办法》 (Ministry of Education, 2016: centralised training of at least 40 hours a year).
public struct TrainingRule: Rule {
    /// R13.
    public let id = RuleID.training
    /// 《督学管理暂行办法》.
    public let citation = Citation.inspectorRegulation
    /// Warning.
    public let severity = Severity.warning
    /// Hours a year.
    public static let minimumHours = 40

    /// The training rule.
    public init() {}

    /// Appointed inspectors with recorded hours below the minimum (no column or empty cell: no finding).
    public func check(_ context: RuleContext) -> [Finding] {
        context.appointedInspectors.compactMap { inspector in
            guard let hours = inspector.trainingHours, hours < Double(Self.minimumHours) else { return nil }
            return finding(.trainingShort(inspector.id, hours: hours, minimum: Self.minimumHours))
        }
    }
}
