/// R9 stage (warning): the school's stage is among the inspector's qualified stages.
/// Source (policy key `stages`): 《中小学校责任督学挂牌督导办法》(2013: 兼顾各个学段), a district practice, hence a warning.
public struct StageRule: Rule {
    /// R9.
    public let id = RuleID.stage
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
