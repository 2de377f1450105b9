import DuxueDomain

/// Reads a pairs file: `school_id`, `inspector_id` and `rule` (学校代码, 督学编号, 规则), where the rule is
/// 指定 / pin (this school goes to this inspector) or 不得 / forbid (never this inspector on this school).
/// The planner honours them in `plan` and `renew`; problems name line and column.
public enum PairsReader {
    /// The words accepted in the rule column, for messages.
    public static let ruleNames = ["指定", "pin", "不得", "forbid"]

    /// Reads and validates a pairs file (UTF-8, UTF-8 with BOM or GBK).
    public static func read(path: String) throws(InputError) -> PairRules {
        let file = FileSystem.lastComponent(of: path)
        let problems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        guard let input = TableLoading.open(path: path, problems: problems) else { throw .invalid(problems.finished()) }
        return try parse(input.reader, problems: problems)
    }

    /// Reads pairs CSV text; `file` names it in problems.
    public static func read(csv text: String, file: String = "pairs.csv") throws(InputError) -> PairRules {
        try parse(CSVReader(text: text), problems: ProblemCollector(file: file, cap: DistrictReader.problemCap))
    }

    /// 指定/pin → true, 不得/forbid → false.
    static func isPin(_ text: String) -> Bool? {
        switch Vocabulary.normalizedWord(text) {
        case "指定", "pin", "pinned", "固定": true
        case "不得", "forbid", "forbidden", "禁止": false
        default: nil
        }
    }

    private static func parse(_ reader: CSVReader, problems: ProblemCollector) throws(InputError) -> PairRules {
        guard let table = TableLoading.table(
            reader: reader, specs: Columns.pairs, reportUnknown: false, records: .assignments, problems: problems)
        else { throw .invalid(problems.finished()) }
        var rules = PairRules()
        var pinnedOn: [String: Int] = [:]
        for record in table.rows {
            let row = RowChecker(record: record, header: table.header, problems: problems)
            let school = row.required("school_id")
            let inspector = row.required("inspector_id")
            let pin = row.choice("rule", required: true, accepted: ruleNames, isPin)
            guard row.ok, let school, let inspector, let pin else { continue }
            let pair = PairRules.Pair(school: School.ID(uncheckedRawValue: school), inspector: Inspector.ID(uncheckedRawValue: inspector))
            if pin {
                if let first = pinnedOn[school] {
                    row.report(.duplicateID(id: school, firstLine: first), at: "school_id")
                    continue
                }
                pinnedOn[school] = record.line
                rules.pinned[pair.school] = pair.inspector
            } else {
                rules.forbidden.insert(pair)
            }
        }
        if problems.hasErrors { throw .invalid(problems.finished()) }
        return rules
    }
}
