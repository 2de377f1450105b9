/// R7 recusal (回避): never on a school in the inspector's conflicts.
/// Source (policy key `recusal`): 《教育督导条例》第十条; Chongqing (十六) 严格实行督学回避制度. An inspector
/// never holds the school they work at (工作单位) either.
public struct RecusalRule: Rule {
    /// R7.
    public let id = RuleID.recusal
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
