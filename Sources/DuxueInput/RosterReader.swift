import DuxueDomain
import DuxueSheets

/// A roster read from CSV or a worksheet, with the line (row) of each assignment.
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
    /// The worksheet the roster was read from, for problems found later (`nil` for CSV).
    public var sheet: String?
    /// The school name each row gives besides its id (`学校名称`), parallel to `roster.assignments`
    /// ("" when none), for finding rows that contradict the district.
    public var schoolNames: [String] = []
    /// Rows that name their school or inspector by name only (学校名称, 责任督学), by index into
    /// `roster.assignments`: until ``resolveNames(in:)`` matches them to the district, such a row holds
    /// the name in place of the id.
    public var pendingNames: [Int: RosterNames] = [:]

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

/// What a roster row gives by name only, to be matched to the district.
public struct RosterNames: Hashable, Sendable {
    /// The school's name, when the row has no school id.
    public var school: String?
    /// The inspector's name, when the row has no inspector id.
    public var inspector: String?
    /// The zone the row gives (督学责任区 or 责任区), which tells apart inspectors of the same name.
    public var zone: String

    /// Names of a row.
    public init(school: String?, inspector: String?, zone: String) {
        self.school = school
        self.inspector = inspector
        self.zone = zone
    }
}

/// Reads a roster: any CSV or workbook with the school (`school_id` 学校代码 or `school_name` 学校名称) and
/// the inspector (`inspector_id` 督学编号 or `inspector_name` 督学姓名/责任督学), optional `employment`
/// (required on vacancy rows) and `zone`, and the tenure columns a renewal reads: `term_start`
/// (任期开始日期, the same on every row) and `pair_terms` (本校连续届数). A vacancy is `VACANCY-n`, or
/// 待聘/空缺 (each such row its own post); 未配备 in place of an inspector leaves the school unassigned.
/// Names are matched to the district by ``RosterLoad/resolveNames(in:)``. Other columns are ignored.
///
/// A workbook is read from its sheet 内部-配对 (the filing package's roster, line by line), else
/// 挂牌督导学校一览 (the filing's 公示 list), 名册 or roster, else the first sheet whose header has both
/// 学校代码 and 督学编号 (``TableFiles/rosterSheetNames``). A sheet without 专兼职 (the 公示 list) takes
/// each vacancy's employment and zone from the workbook's 责任督学名册 when it has one. Rows of a sheet
/// holding only a note in their first cell (`公示期：…`) are skipped.
public enum RosterReader {
    /// The words that mark a vacancy written in place of an inspector (each row its own post).
    public static let vacancyWords = ["待聘", "空缺", "待补充", "缺额", "vacancy", "vacant"]

    /// The words that say a school has no inspector (the filing's 公示 list writes `（未配备）`).
    public static let unassignedWords = ["未配备", "无人负责", "unassigned"]

    /// Reads and validates a roster file (CSV in UTF-8, UTF-8 with BOM or GBK; or a workbook, its sheet
    /// picked as the type's summary says).
    public static func read(path: String) throws(InputError) -> RosterLoad {
        let file = FileSystem.lastComponent(of: path)
        let problems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        guard let input = TableLoading.open(path: path, sheets: TableFiles.rosterSheetNames, problems: problems)
        else { throw .invalid(problems.finished()) }
        let roll = TableFiles.isWorkbook(path) ? { filingRoll(path: path) } : nil
        return try parse(input.reader, file: file, encoding: input.encoding, problems: problems, roll: roll)
    }

    /// What a filing workbook's 责任督学名册 says of each appointee (督学编号 → 专兼职 and 责任区, as
    /// written), or nothing when it has no such sheet or it cannot be read.
    static func filingRoll(path: String) -> [String: (employment: String, zone: String)] {
        guard let book = try? Workbook(path: path) else { return [:] }
        return filingRoll(book: book, file: FileSystem.lastComponent(of: path))
    }

    /// ``filingRoll(path:)`` of a workbook already open.
    static func filingRoll(book: Workbook, file: String) -> [String: (employment: String, zone: String)] {
        guard let sheet = book.sheets.first(where: {
                Vocabulary.normalizedHeader($0.name) == Vocabulary.normalizedHeader(TableFiles.filingRollSheetName)
            })
        else { return [:] }
        let problems = ProblemCollector(file: file)
        let specs = [ColumnSpec("inspector_id", ["督学编号"], required: true), ColumnSpec("employment", ["专兼职"]),
                     ColumnSpec("zone", ["责任区"])]
        let reader = TableReader(source: WorkbookTableSource(workbook: book, sheet: sheet, problems: problems))
        guard let table = TableLoading.table(reader: reader, specs: specs, reportUnknown: false, records: .assignments,
                                             problems: problems),
            table.header.indexByKey["inspector_id"] != nil
        else { return [:] }
        var roll: [String: (employment: String, zone: String)] = [:]
        for record in table.rows {
            let id = table.header.value("inspector_id", in: record)
            guard !id.isEmpty, roll[id] == nil else { continue }
            roll[id] = (table.header.value("employment", in: record), table.header.value("zone", in: record))
        }
        return roll
    }

    /// Reads one sheet of a workbook already open as a roster (a filing's 内部-配对 or its 公示 list);
    /// a sheet without 专兼职 takes each vacancy's employment and zone from the workbook's 责任督学名册.
    static func read(book: Workbook, sheet: SheetInfo, file: String) throws(InputError) -> RosterLoad {
        let problems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        let reader = TableReader(source: WorkbookTableSource(workbook: book, sheet: sheet, problems: problems))
        return try parse(reader, file: file, encoding: .utf8, problems: problems, roll: { filingRoll(book: book, file: file) })
    }

    /// Reads roster CSV text; `file` names it in problems.
    public static func read(csv text: String, file: String = "roster.csv") throws(InputError) -> RosterLoad {
        try parse(CSVReader(text: text), file: file, encoding: .utf8, problems: ProblemCollector(file: file, cap: DistrictReader.problemCap))
    }

    static func isVacancyWord(_ text: String) -> Bool {
        vacancyWords.contains(Vocabulary.normalizedWord(text))
    }

    /// Whether a cell says the school has no inspector (未配备, also in brackets).
    static func isUnassignedWord(_ text: String) -> Bool {
        let word = Vocabulary.normalizedWord(text).trimmingBrackets
        return unassignedWords.contains(word)
    }

    /// Whether a worksheet row is a note under (or over) the table: only its first cell holds anything,
    /// and that is a label and its text (`公示期：…`, `注：…`), which no id is.
    static func isNote(_ record: TableRecord, worksheet: Bool) -> Bool {
        guard worksheet, let first = record.fields.first, !first.value.isEmpty,
            !record.fields.dropFirst().contains(where: { !$0.value.isEmpty })
        else { return false }
        return first.value.contains("：") || first.value.contains(":")
    }

    /// Parses the rows of a roster table. `roll` gives, for a table without 专兼职 (a filing's 公示 list),
    /// each appointee's employment and zone by id (the filing's 责任督学名册); it is asked only then.
    private static func parse(_ reader: TableReader, file: String, encoding: TextEncoding, problems: ProblemCollector,
                              roll: (() -> [String: (employment: String, zone: String)])? = nil)
        throws(InputError) -> RosterLoad
    {
        guard let table = TableLoading.table(
            reader: reader, specs: Columns.roster, reportUnknown: false, records: .assignments, problems: problems)
        else { throw .invalid(problems.finished()) }
        // A table without 专兼职 (the 公示 list) takes employment and a vacancy's zone from the roll.
        let supplement = table.header.indexByKey["employment"] == nil ? roll?() ?? [:] : [:]
        var assignments: [Assignment] = []
        var lines: [Int] = []
        var vacancies: [String: (employment: Employment, zone: String, line: Int)] = [:]
        var termStart: (day: Day, text: String, line: Int)?
        var pairTerms: [School.ID: Int] = [:]
        var servedAs: [Inspector.ID: Employment] = [:]
        var rowFacts: [(name: String, employment: String)] = []
        var schoolNames: [String] = []
        var pending: [Int: RosterNames] = [:]
        var unnumbered: [Int] = []
        for record in table.rows {
            if isNote(record, worksheet: problems.sheet != nil) { continue }
            let row = RowChecker(record: record, header: table.header, problems: problems)
            // The school by its id, else by its name (matched to the district later).
            let schoolName = row.value("school_name")
            let schoolByName = row.value("school_id").isEmpty && !schoolName.isEmpty
            let school = schoolByName ? schoolName : row.required(row.has("school_id") ? "school_id" : "school_name")
            let startText = row.dateText("term_start")
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
            guard row.has("inspector_id") || row.has("inspector_name") else { continue }
            var assigneeText = row.value("inspector_id")
            let nameText = row.value("inspector_name")
            // 未配备: the row says the school has no inspector; it stays unassigned, without a word.
            if assigneeText.isEmpty && isUnassignedWord(nameText) { continue }
            let namedOnly = assigneeText.isEmpty && !nameText.isEmpty
            if namedOnly && isVacancyWord(nameText) { assigneeText = nameText }
            if assigneeText.isEmpty && nameText.isEmpty {
                if let school { row.report(.noAssignee(school: school), at: row.has("inspector_id") ? "inspector_id" : "inspector_name", severity: .warning) }
                continue
            }
            // The vacancy's own zone (`inspector_zone`, as `duxue plan` writes it), else the school's
            // (`zone`), else none yet: ``RosterLoad/placeUnzonedVacancies(in:)`` takes it from the district.
            // A 公示 list gives the school's zone; the roll, where there is one, the appointee's own.
            let rolled = supplement[assigneeText]
            let zoneText = !row.value("inspector_zone").isEmpty ? row.value("inspector_zone")
                : (rolled?.zone).flatMap { $0.isEmpty ? nil : $0 } ?? row.value("zone")
            let assignee: Assignee
            let explicitVacancy = assigneeText.uppercased().hasPrefix(Assignee.vacancyPrefix)
            if explicitVacancy || isVacancyWord(assigneeText) {
                let id = explicitVacancy ? Assignee.vacancyPrefix + assigneeText.dropFirst(Assignee.vacancyPrefix.count) : ""
                let employment = rolled.flatMap { Vocabulary.employment($0.employment) } ?? row.choice(
                    "employment", required: false, accepted: Vocabulary.employmentNames, Vocabulary.employment)
                guard let employment else {
                    if row.value("employment").isEmpty {
                        row.report(.vacancyWithoutEmployment(id: explicitVacancy ? id : assigneeText),
                                   at: row.has("employment") ? "employment" : (row.has("inspector_id") ? "inspector_id" : "inspector_name"))
                    }
                    continue
                }
                if !explicitVacancy {
                    // 待聘: a post of its own, numbered once every VACANCY-n of the file is known.
                } else if let first = vacancies[id] {
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
                let id = Inspector.ID(uncheckedRawValue: namedOnly ? nameText : assigneeText)
                assignee = .inspector(id)
                let employmentText = rolled?.employment ?? row.value("employment")
                if !namedOnly, servedAs[id] == nil, !employmentText.isEmpty, let employment = Vocabulary.employment(employmentText) {
                    servedAs[id] = employment
                }
            }
            guard row.ok, let school else { continue }
            if case .vacancy(let id, _, _) = assignee, id.isEmpty { unnumbered.append(assignments.count) }
            let inspectorByName = namedOnly && assignee.inspectorID != nil
            if schoolByName || inspectorByName {
                pending[assignments.count] = RosterNames(
                    school: schoolByName ? school : nil, inspector: inspectorByName ? nameText : nil, zone: zoneText)
            }
            assignments.append(Assignment(school: School.ID(uncheckedRawValue: school), assignee: assignee))
            lines.append(record.line)
            rowFacts.append((inspectorByName ? "" : nameText, row.value("employment")))
            schoolNames.append(schoolByName ? "" : schoolName)
        }
        numberVacancies(unnumbered, in: &assignments, taken: Set(vacancies.keys))
        let all = problems.finished()
        if problems.hasErrors { throw .invalid(all) }
        var load = RosterLoad(roster: Roster(assignments: assignments), lines: lines, warnings: all, encoding: encoding,
                              termStart: termStart?.day, pairTerms: pairTerms)
        load.file = file
        load.sheet = problems.sheet
        load.servedAs = servedAs
        load.rowFacts = rowFacts
        load.schoolNames = schoolNames
        load.pendingNames = pending
        for key in ["school_id", "school_name", "inspector_id", "inspector_name", "employment", "pair_terms"] {
            load.columns[key] = table.header.column(key)
        }
        return load
    }

    /// Gives each 待聘 row a `VACANCY-n` of its own, numbered after those the file uses.
    private static func numberVacancies(_ indices: [Int], in assignments: inout [Assignment], taken: Set<String>) {
        var number = 0
        for index in indices {
            guard case .vacancy(_, let zone, let employment) = assignments[index].assignee else { continue }
            repeat { number += 1 } while taken.contains(Assignee.vacancyPrefix + String(number))
            assignments[index].assignee = .vacancy(id: Assignee.vacancyPrefix + String(number), zone: zone, employment: employment)
        }
    }
}

extension String {
    /// Without the round brackets around it, ASCII or full-width: "（未配备）" → "未配备".
    fileprivate var trimmingBrackets: String {
        var text = Substring(self)
        while let first = text.first, first == "(" || first == "（" { text = text.dropFirst() }
        while let last = text.last, last == ")" || last == "）" { text = text.dropLast() }
        return String(text)
    }
}
