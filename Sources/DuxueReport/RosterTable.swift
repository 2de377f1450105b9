import DuxueDomain
import DuxuePlanner

/// The rows of `roster.csv`: one per school, required columns first, then columns for people to read.
public enum RosterTable {
    /// Column names (English; the CSV keeps English keys so any roster reader finds them).
    public static let header = [
        "school_id", "inspector_id", "employment", "school_name", "stage", "zone", "inspector_name",
        "inspector_zone", "phone",
    ]

    /// One row per school, sorted by school id.
    public static func rows(_ plan: Plan) -> [[String]] {
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
                    person?.zone.rawValue ?? "", person?.phone ?? "",
                ]
            case .vacancy(let id, let zone, let employment):
                return [
                    assignment.school.rawValue, id, employment.rawValue, school?.name ?? "", school?.stage?.rawValue ?? "",
                    school?.zone.rawValue ?? "", "", zone.rawValue, "",
                ]
            }
        }
    }
}
