import DuxueDomain

/// A roster read from CSV, with the line of each assignment.
public struct RosterLoad: Sendable {
    /// The assignments, in file order.
    public var roster: Roster
    /// The 1-based line of each assignment (parallel to `roster.assignments`).
    public var lines: [Int]
    /// Warnings (the load has no errors, or it would have thrown).
    public var warnings: [InputProblem]
    /// The encoding detected.
    public var encoding: TextEncoding
    /// The start of the term the roster belongs to, when its `term_start` column records it.
    public var termStart: Day?
    /// For each school whose row has `pair_terms`: how many consecutive terms the listed inspector has
    /// been its responsible inspector, the roster's own term included.
    public var pairTerms: [School.ID: Int]
    /// What each row says of its inspector besides the id (`inspector_name`, `employment` as written),
    /// parallel to `roster.assignments`, for finding rows that contradict the pool.
    public var rowFacts: [(name: String, employment: String)] = []
    /// How each inspector served in the roster's term, where its `employment` column says (专职/兼职).
    public var servedAs: [Inspector.ID: Employment] = [:]
    /// The file name problems are reported under.
    public var file = "roster.csv"
    /// The `school_id` and `inspector_id` columns as written, for problems found later.
    public var columns: [String: InputProblem.Column] = [:]

    /// A load.
    public init(roster: Roster, lines: [Int], warnings: [InputProblem], encoding: TextEncoding,
                termStart: Day? = nil, pairTerms: [School.ID: Int] = [:]) {
        self.roster = roster
        self.lines = lines
        self.warnings = warnings
        self.encoding = encoding
        self.termStart = termStart
        self.pairTerms = pairTerms
    }

    /// Gives every vacancy whose rows named no zone (a hand-made roster with neither `inspector_zone` nor
    /// `zone`) the zone of its first school in `district`, where the recruit would be hired; schools the
    /// district does not have leave it as it is (they are reported by ``Validation/check(_:against:)``).
    public mutating func placeUnzonedVacancies(in district: District) {
        let zones = Dictionary(district.schools.map { ($0.id, $0.zone) }, uniquingKeysWith: { first, _ in first })
        var placed: [String: Zone] = [:]
        for (index, assignment) in roster.assignments.enumerated() {
            guard case .vacancy(let id, let zone, let employment) = assignment.assignee, zone.rawValue.isEmpty else { continue }
            guard let home = placed[id] ?? zones[assignment.school] else { continue }
            placed[id] = home
            roster.assignments[index] = Assignment(
                school: assignment.school, assignee: .vacancy(id: id, zone: home, employment: employment))
        }
    }

    /// The line of the first assignment of a school, if listed.
    public func line(of school: School.ID) -> Int? {
        roster.assignments.firstIndex { $0.school == school }.map { lines[$0] }
    }
}

/// Reads a roster: any CSV with `school_id` and `inspector_id` (学校代码/学校编号, 督学编号), optional
/// `employment` (required on `VACANCY-` rows) and `zone`, and the tenure columns a renewal reads:
/// `term_start` (任期开始日期, the same on every row) and `pair_terms` (本校连续届数). Other columns are
/// ignored.
public enum RosterReader {
    /// Reads and validates a roster file (UTF-8, UTF-8 with BOM or GBK).
    public static func read(path: String) throws(InputError) -> RosterLoad {
        let file = FileSystem.lastComponent(of: path)
        let problems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        guard let input = TableLoading.open(path: path, problems: problems) else {
            throw .invalid(problems.finished())
        }
        return try parse(input.reader, file: file, encoding: input.encoding, problems: problems)
    }

    /// Reads roster CSV text; `file` names it in problems.
    public static func read(csv text: String, file: String = "roster.csv") throws(InputError) -> RosterLoad {
        try parse(CSVReader(text: text), file: file, encoding: .utf8, problems: ProblemCollector(file: file, cap: DistrictReader.problemCap))
    }

    private static func parse(_ reader: CSVReader, file: String, encoding: TextEncoding, problems: ProblemCollector)
        throws(InputError) -> RosterLoad
    {
        guard let table = TableLoading.table(
            reader: reader, specs: Columns.roster, reportUnknown: false, records: .assignments, problems: problems)
        else { throw .invalid(problems.finished()) }
        var assignments: [Assignment] = []
        var lines: [Int] = []
        var vacancies: [String: (employment: Employment, zone: String, line: Int)] = [:]
        var termStart: (day: Day, text: String, line: Int)?
        var pairTerms: [School.ID: Int] = [:]
        var servedAs: [Inspector.ID: Employment] = [:]
        var rowFacts: [(name: String, employment: String)] = []
        for record in table.rows {
            let row = RowChecker(record: record, header: table.header, problems: problems)
            let school = row.required("school_id")
            let startText = row.value("term_start")
            if !startText.isEmpty {
                if let day = Vocabulary.day(startText) {
                    if let first = termStart, first.day != day {
                        row.report(.termStartMismatch(value: startText, firstValue: first.text, firstLine: first.line),
                                   at: "term_start")
                    } else if termStart == nil {
                        termStart = (day, startText, record.line)
                    }
                } else {
                    row.report(.badDate(value: startText), at: "term_start")
                }
            }
            if let school, let terms = row.wholeNumber("pair_terms", minimum: 1, required: false) {
                pairTerms[School.ID(uncheckedRawValue: school)] = terms
            }
            guard row.has("inspector_id") else { continue }
            let assigneeText = row.value("inspector_id")
            if assigneeText.isEmpty {
                if let school { row.report(.noAssignee(school: school), at: "inspector_id", severity: .warning) }
                continue
            }
            let assignee: Assignee
            if assigneeText.uppercased().hasPrefix(Assignee.vacancyPrefix) {
                let id = Assignee.vacancyPrefix + assigneeText.dropFirst(Assignee.vacancyPrefix.count)
                let employment = row.choice(
                    "employment", required: false, accepted: Vocabulary.employmentNames, Vocabulary.employment)
                // The vacancy's own zone (`inspector_zone`, as `duxue plan` writes it), else the school's
                // (`zone`), else none yet: ``RosterLoad/placeUnzonedVacancies(in:)`` takes it from the district.
                let zoneText = !row.value("inspector_zone").isEmpty ? row.value("inspector_zone") : row.value("zone")
                guard let employment else {
                    if row.value("employment").isEmpty {
                        row.report(.vacancyWithoutEmployment(id: id), at: row.has("employment") ? "employment" : "inspector_id")
                    }
                    continue
                }
                if let first = vacancies[id] {
                    if first.employment != employment {
                        row.report(.vacancyMismatch(id: id, key: "employment", value: employment.rawValue,
                                                    firstValue: first.employment.rawValue, firstLine: first.line),
                                   at: "employment")
                    }
                    if first.zone != zoneText {
                        row.report(.vacancyMismatch(id: id, key: "zone", value: zoneText, firstValue: first.zone,
                                                    firstLine: first.line),
                               at: row.value("inspector_zone").isEmpty ? "zone" : "inspector_zone")
                    }
                } else {
                    vacancies[id] = (employment, zoneText, record.line)
                }
                assignee = .vacancy(id: id, zone: Zone(uncheckedRawValue: zoneText), employment: employment)
            } else {
                let id = Inspector.ID(uncheckedRawValue: assigneeText)
                assignee = .inspector(id)
                if servedAs[id] == nil, !row.value("employment").isEmpty,
                    let employment = Vocabulary.employment(row.value("employment"))
                {
                    servedAs[id] = employment
                }
            }
            guard row.ok, let school else { continue }
            assignments.append(Assignment(school: School.ID(uncheckedRawValue: school), assignee: assignee))
            lines.append(record.line)
            rowFacts.append((row.value("inspector_name"), row.value("employment")))
        }
        let all = problems.finished()
        if problems.hasErrors { throw .invalid(all) }
        var load = RosterLoad(roster: Roster(assignments: assignments), lines: lines, warnings: all, encoding: encoding,
                              termStart: termStart?.day, pairTerms: pairTerms)
        load.file = file
        load.servedAs = servedAs
        load.rowFacts = rowFacts
        for key in ["school_id", "inspector_id", "inspector_name", "employment"] { load.columns[key] = table.header.column(key) }
        return load
    }
}
