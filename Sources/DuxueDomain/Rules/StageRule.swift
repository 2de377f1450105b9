/// R9 stage (warning): the school's stage is among the inspector's qualified stages.
/// Source: 督学管理暂行办法 (督学应熟悉相应学段的教育教学工作), a district practice, hence a warning.
public struct StageRule: Rule {
    /// R9.
    public let id = RuleID.stage
    /// 《督学管理暂行办法》.
    public let citation = Citation("《督学管理暂行办法》", "第七条")
    /// Warning.
    public let severity = Severity.warning

    /// The stage rule.
    public init() {}

    /// Assignments to a school whose stage the inspector is not qualified for.
    public func check(_ context: RuleContext) -> [Finding] {
        context.roster.assignments.compactMap { assignment in
            guard case .inspector(let id) = assignment.assignee, let inspector = context.inspectors[id],
                let stage = context.schools[assignment.school]?.stage, !inspector.isQualified(for: stage)
            else { return nil }
            return finding(.stageMismatch(id, assignment.school, stage))
        }
    }
}
