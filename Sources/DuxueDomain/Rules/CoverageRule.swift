/// R1 coverage: every school has exactly one responsible inspector (挂牌督导全覆盖).
/// Source (policy key `coverage`): 《中小学校责任督学挂牌督导办法》(2013); Wusheng §4 (每所中小学配备1名挂牌责任督学).
public struct CoverageRule: Rule {
    /// R1.
    public let id = RuleID.coverage
    /// Error.
    public let severity = Severity.error

    /// Uncovered, doubly covered and unknown schools; unknown inspectors.
    public init() {}

    /// Checks the roster.
    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var counts: [School.ID: Int] = [:]
        for assignment in context.roster.assignments { counts[assignment.school, default: 0] += 1 }
        for school in context.district.schools {
            let count = counts[school.id, default: 0]
            if count == 0 { findings.append(finding(.uncovered(school.id))) }
            if count > 1 { findings.append(finding(.coveredMoreThanOnce(school.id, times: count))) }
        }
        for id in counts.keys.filter({ context.schools[$0] == nil }).sorted() {
            findings.append(finding(.unknownSchool(id)))
        }
        var unknown = Set<String>()
        for case .inspector(let id) in context.roster.assignments.map(\.assignee)
        where context.inspectors[id] == nil && unknown.insert(id.rawValue).inserted {
            findings.append(finding(.unknownInspector(id.rawValue)))
        }
        return findings
    }
}
