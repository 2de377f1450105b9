/// R3 dedicated: a large school's inspector holds no other school (规模较大的学校 1:1).
/// Source: 教督〔2012〕7号; Tianjin and Chongqing measures (大规模学校配备专门责任督学).
public struct DedicatedRule: Rule {
    /// R3.
    public let id = RuleID.dedicated
    /// 教督〔2012〕7号.
    public let citation = Citation.zones2012
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
