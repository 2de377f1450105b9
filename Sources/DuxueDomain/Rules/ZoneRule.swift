/// R8 zones: with zones = require, the inspector's zone is the school's zone (督学责任区).
/// Source (policy key `zones`): 教督〔2012〕7号 (督学责任区); with `zones = require` the district's choice.
public struct ZoneRule: Rule {
    /// R8.
    public let id = RuleID.zones
    /// Error.
    public let severity = Severity.error

    /// The zone rule.
    public init() {}

    /// Cross-zone assignments, when zones are required.
    public func check(_ context: RuleContext) -> [Finding] {
        guard context.policy.zones == .require else { return [] }
        return Self.crossings(in: context).map { finding($0) }
    }

    /// Every cross-zone assignment (used by reports whatever the zone mode).
    public static func crossings(in context: RuleContext) -> [FindingDetail] {
        context.roster.assignments.compactMap { assignment in
            guard let school = context.schools[assignment.school], let zone = context.zone(of: assignment.assignee),
                zone != school.zone
            else { return nil }
            return .crossZone(assignment.assignee, from: zone, school: school.id, schoolZone: school.zone)
        }
    }
}
