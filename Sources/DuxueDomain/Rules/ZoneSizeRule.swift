/// R10 zone size (warning): a responsibility zone holds at most `max_zone_schools` schools.
/// Source: 教督〔2012〕7号 (一个责任区内的学校数一般应控制在20所以内).
public struct ZoneSizeRule: Rule {
    /// R10.
    public let id = RuleID.zoneSize
    /// Warning.
    public let severity = Severity.warning
    /// The zone-size rule.
    public init() {}

    /// Zones with more schools than the limit, in zone order.
    public func check(_ context: RuleContext) -> [Finding] {
        guard let limit = context.policy.maxZoneSchools else { return [] }
        let counts = Dictionary(grouping: context.district.schools, by: \.zone).mapValues(\.count)
        return counts.keys.sorted().compactMap { zone in
            let count = counts[zone, default: 0]
            return count > limit ? finding(.zoneTooLarge(zone, schools: count, limit: limit)) : nil
        }
    }
}
