import DuxueDomain
import DuxuePlanner

/// The rows of `roster.csv`: one per school, required columns first, then columns for people to read.
public enum RosterTable {
    /// Column names (English; the CSV keeps English keys so any roster reader finds them).
    public static let header = [
        "school_id", "inspector_id", "employment", "school_name", "stage", "zone", "inspector_name",
        "inspector_zone", "phone", "term_start", "pair_terms",
    ]

    /// One row per school, sorted by school id. `term_start` is the term the roster belongs to (the
    /// policy's term start unless given); `pair_terms` how many consecutive terms each inspector has held
    /// the school, this term included (1 for a new pair; blank for a vacancy).
    public static func rows(_ plan: Plan, termStart: Day? = nil, pairTerms: [School.ID: Int] = [:]) -> [[String]] {
        let start = (termStart ?? plan.policy.termStart).description
        let schools = plan.district.schoolsByID
        let inspectors = plan.district.inspectorsByID
        return plan.roster.assignments.map { assignment in
            let school = schools[assignment.school]
            switch assignment.assignee {
            case .inspector(let id):
                let person = inspectors[id]
                return [
                    assignment.school.rawValue, id.rawValue, person?.employment.rawValue ?? "", school?.name ?? "",
                    school?.stage?.rawValue ?? "", school?.zone.rawValue ?? "", person?.name ?? "",
                    person?.zone.rawValue ?? "", person?.phone ?? "", start, String(pairTerms[assignment.school] ?? 1),
                ]
            case .vacancy(let id, let zone, let employment):
                return [
                    assignment.school.rawValue, id, employment.rawValue, school?.name ?? "", school?.stage?.rawValue ?? "",
                    school?.zone.rawValue ?? "", "", zone.rawValue, "", start, "",
                ]
            }
        }
    }
}
