/// R3 dedicated: a large school's inspector holds no other school (学生数较多的学校按 1:1 配备).
/// Imposed when `large_school_rule = require`: Zaozhuang 三(二), Chongqing (十五), Wusheng §15, Hainan §16.
/// Tianjin 第十四条 only allows it (最高可按1∶1): `allow`, not checked.
public struct DedicatedRule: Rule {
    /// R3.
    public let id = RuleID.dedicated
    /// Error.
    public let severity = Severity.error

    /// The dedicated-inspector rule.
    public init() {}

    /// Large schools whose assignee holds other schools.
    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for assignee in context.holdings.keys.sorted() {
            let held = context.holdings[assignee, default: []]
            guard held.count > 1 else { continue }
            for school in held where context.schools[school]?.isLarge(under: context.policy) == true {
                findings.append(finding(.largeNotDedicated(school, assignee, otherSchools: held.count - 1)))
            }
        }
        return findings
    }
}
