import DuxueDomain
import DuxuePlanner

/// The rows of `roster.csv`: one per school, required columns first, then columns for people to read,
/// then the office's own columns about each inspector (工作单位, 职称 …), as the pool file wrote them.
///
/// In Chinese (the default) the headers and values are the readers' own Chinese aliases (学校代码,
/// 督学编号, 专兼职 = 兼职, 学段 = 小学 …), so that the file opens as Chinese in Excel and reads back; in
/// English they are the English contract. Vacancy ids stay `VACANCY-n` in both.
public enum RosterTable {
    /// Column names in English (the contract every roster reader accepts).
    public static let header = [
        "school_id", "inspector_id", "employment", "school_name", "stage", "zone", "inspector_name",
        "inspector_zone", "phone", "term_start", "pair_terms",
    ]

    /// Column names in Chinese, each an alias the roster reader accepts.
    public static let chineseHeader = [
        "学校代码", "督学编号", "专兼职", "学校名称", "学段", "责任区", "督学姓名", "督学责任区", "联系电话", "任期开始日期", "本校连续届数",
    ]

    /// The header in a language, followed by the office's own columns (``officeColumns(_:)``) as written.
    public static func header(in language: Language, officeColumns: [String] = []) -> [String] {
        (language == .zh ? chineseHeader : header) + officeColumns
    }

    /// The columns the office keeps about the roster's inspectors (工作单位, then 性别, 职称, 聘任文号 … in
    /// the pool file's order), carried after the fixed columns so that nothing the office typed is lost.
    public static func officeColumns(_ plan: Plan) -> [String] {
        let inspectors = plan.district.inspectorsByID
        return OfficeColumn.names(of: plan.roster.assignments.compactMap { $0.assignee.inspectorID.flatMap { inspectors[$0] } })
    }

    /// One row per school, sorted by school id. `term_start` is the term the roster belongs to (the
    /// policy's term start unless given); `pair_terms` how many consecutive terms each inspector has held
    /// the school, this term included (1 for a new pair; blank for a vacancy). Values are in `language`.
    public static func rows(_ plan: Plan, termStart: Day? = nil, pairTerms: [School.ID: Int] = [:],
                            language: Language = .en) -> [[String]] {
        let start = (termStart ?? plan.policy.termStart).description
        let schools = plan.district.schoolsByID
        let inspectors = plan.district.inspectorsByID
        let zh = language == .zh
        func employment(_ value: Employment?) -> String { value.map { zh ? $0.chineseName : $0.rawValue } ?? "" }
        func stage(_ value: Stage?) -> String { value.map { zh ? $0.chineseName : $0.rawValue } ?? "" }
        let office = officeColumns(plan)
        return plan.roster.assignments.map { assignment in
            let school = schools[assignment.school]
            switch assignment.assignee {
            case .inspector(let id):
                let person = inspectors[id]
                return [
                    assignment.school.rawValue, id.rawValue, employment(person?.employment), school?.name ?? "",
                    stage(school?.stage), school?.zone.rawValue ?? "", person?.name ?? "",
                    person?.zone.rawValue ?? "", person?.phone ?? "", start, String(pairTerms[assignment.school] ?? 1),
                ] + office.map { person?.carriedValue($0) ?? "" }
            case .vacancy(let id, let zone, let value):
                return [
                    assignment.school.rawValue, id, employment(value), school?.name ?? "", stage(school?.stage),
                    school?.zone.rawValue ?? "", "", zone.rawValue, "", start, "",
                ] + office.map { _ in "" }
            }
        }
    }
}
