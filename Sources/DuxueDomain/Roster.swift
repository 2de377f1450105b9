/// Who is responsible for a school in a roster: a named inspector or a position to recruit.
public enum Assignee: Hashable, Sendable, Comparable {
    /// An inspector from the pool.
    case inspector(Inspector.ID)
    /// A vacancy (`VACANCY-n`) to be filled by recruiting in a zone, full- or part-time.
    case vacancy(id: String, zone: Zone, employment: Employment)

    /// The id written in `roster.csv`.
    public var rosterID: String {
        switch self {
        case .inspector(let id): id.rawValue
        case .vacancy(let id, _, _): id
        }
    }

    /// The inspector's id, or `nil` for a vacancy.
    public var inspectorID: Inspector.ID? {
        if case .inspector(let id) = self { return id }
        return nil
    }

    /// Prefix of vacancy ids.
    public static let vacancyPrefix = "VACANCY-"

    /// Orders by roster id.
    public static func < (lhs: Assignee, rhs: Assignee) -> Bool { lhs.rosterID.naturalLess(than: rhs.rosterID) }
}

/// One line of a roster: a school and who is responsible for it.
public struct Assignment: Hashable, Sendable {
    /// The school.
    public var school: School.ID
    /// The responsible inspector or vacancy.
    public var assignee: Assignee

    /// An assignment.
    public init(school: School.ID, assignee: Assignee) {
        self.school = school
        self.assignee = assignee
    }
}

/// A roster: the responsible inspector of each school (a hand-made one may list a school twice or not at all).
public struct Roster: Sendable, Hashable {
    /// The lines, in order.
    public var assignments: [Assignment]

    /// A roster.
    public init(assignments: [Assignment]) { self.assignments = assignments }

    /// The roster keeping only the first line of each school, and the schools listed more than once (a
    /// hand-edited roster may list a school twice; R1 reports it, and renewal keeps the first line).
    public var firstLinePerSchool: (roster: Roster, repeated: [School.ID]) {
        var seen = Set<School.ID>(), repeated: [School.ID] = []
        var lines: [Assignment] = []
        for assignment in assignments {
            if seen.insert(assignment.school).inserted { lines.append(assignment) } else if !repeated.contains(assignment.school) {
                repeated.append(assignment.school)
            }
        }
        return (Roster(assignments: lines), repeated)
    }

    /// Schools per assignee.
    public var schoolsByAssignee: [Assignee: [School.ID]] {
        Dictionary(grouping: assignments, by: \.assignee).mapValues { $0.map(\.school) }
    }

    /// Assignees holding at least one school.
    public var appointees: Set<Assignee> { Set(assignments.map(\.assignee)) }

    /// The vacancies, each once.
    public var vacancies: [Assignee] {
        appointees.filter { if case .vacancy = $0 { true } else { false } }.sorted()
    }
}
