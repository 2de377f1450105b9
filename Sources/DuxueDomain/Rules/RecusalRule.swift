/// R7 recusal (回避): never on a school in the inspector's conflicts.
/// Source: 《教育督导条例》第十条 (督学与被督导单位有利害关系的应当回避); 教督〔2012〕7号.
public struct RecusalRule: Rule {
    /// R7.
    public let id = RuleID.recusal
    /// 《教育督导条例》第十条.
    public let citation = Citation("《教育督导条例》", "第十条")
    /// Error.
    public let severity = Severity.error

    /// The recusal rule.
    public init() {}

    /// Assignments to a school the inspector must recuse from.
    public func check(_ context: RuleContext) -> [Finding] {
        context.roster.assignments.compactMap { assignment in
            guard case .inspector(let id) = assignment.assignee,
                let inspector = context.inspectors[id], inspector.conflicts.contains(assignment.school)
            else { return nil }
            return finding(.recusal(id, assignment.school))
        }
    }
}
