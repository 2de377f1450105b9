/// R10 zone size (warning): a responsibility zone holds at most 20 schools.
/// Source: 教督〔2012〕7号 (responsibility zones of a manageable size; 20 schools is the limit the filing
/// guidance applies).
public struct ZoneSizeRule: Rule {
    /// R10.
    public let id = RuleID.zoneSize
    /// 教督〔2012〕7号.
    public let citation = Citation.zones2012
    /// Warning.
    public let severity = Severity.warning
    /// Most schools one zone should hold.
    public static let limit = 20

    /// The zone-size rule.
    public init() {}

    /// Zones with more than 20 schools, in zone order.
    public func check(_ context: RuleContext) -> [Finding] {
        let counts = Dictionary(grouping: context.district.schools, by: \.zone).mapValues(\.count)
        return counts.keys.sorted().compactMap { zone in
            let count = counts[zone, default: 0]
            return count > Self.limit ? finding(.zoneTooLarge(zone, schools: count, limit: Self.limit)) : nil
        }
    }
}
