import DuxueDomain
import DuxueSheets

/// One internal sheet of a filing as read back: its stored digest and its text, for the digest check.
public struct FilingSheetData: Sendable, Hashable {
    /// The sheet's name (内部-学校 …).
    public var name: String
    /// The digest written in B2 (本表校验码), "" when missing.
    public var storedDigest: String
    /// The header row (row 3) and every row after it up to the last with a value, each as its cells'
    /// text from column A (rows with no value in between are empty arrays).
    public var rows: [[String]]
}

/// A filing workbook read back as a district (docs/filing.md): the schools and appointed inspectors of
/// its internal sheets, the policy it declares, the pairs a person sees (名册 and 公示, the ones checked),
/// the pairs Duxue recorded (内部-配对), and where the two disagree.
public struct FilingLoad: Sendable {
    /// The file's name (never its folder).
    public var file: String
    /// The district as the internal sheets describe it: every school, the appointed inspectors; named by
    /// the declared `district_name`, else the cover's 区县, else the file's name.
    public var district: District
    /// The policy the filing declares (内部-政策), with its term, mid-term date and district name.
    public var policy: Policy
    /// Whether the district checked in strict mode.
    public var strict: Bool
    /// The visible pairs: the 公示 list (one holder per school), plus every pair only the 名册 shows.
    public var roster: RosterLoad
    /// The pairs Duxue recorded on 内部-配对, line by line.
    public var recorded: Roster
    /// Where the visible sheets disagree with the internal ones, at the cells (errors).
    public var edits: [InputProblem]
    /// Warnings of the internal sheets (hidden rows, unknown columns …).
    public var warnings: [InputProblem]
    /// The internal sheets' text and stored digests.
    public var internalSheets: [FilingSheetData]
    /// The cover's 数据校验码 and its row, when present.
    public var packageDigest: (value: String, row: Int)?
    /// The 公示 row of each school, for findings that name a school's row.
    public var placardRows: [School.ID: Int]
    /// What the cover says of the filing (合规结论 in its first rows): `true` 合规, `false` 不合规, `nil`
    /// when it says neither. Shown beside the re-check's verdict, never trusted.
    public var declaredCompliant: Bool?
}

/// Reads a filing workbook as `duxue check --filing` writes it (also after hand edits in Excel).
public enum FilingReader {
    /// The internal sheets, in workbook order (the same names as the filing writer's).
    public static let internalNames = ["内部-学校", "内部-督学", "内部-配对", "内部-政策"]
    /// The cover sheet.
    public static let coverName = "备案表"
    /// The 公示 list: one row per school.
    public static let placardName = TableFiles.rosterSheetNames[1]
    /// The 名册: one row per appointee.
    public static let rollName = TableFiles.filingRollSheetName
    /// The layout version the reader knows (内部-政策, key `format`).
    public static let format = "duxue.filing/1"

    /// Whether an open workbook is the city's review (its 区县汇总 and 问题清单 sheets, no internal sheet
    /// of a filing) rather than a district's filing.
    static func isReviewReport(_ book: Workbook) -> Bool {
        let names = Set(book.sheets.map { Vocabulary.normalizedHeader($0.name) })
        if internalNames.contains(where: { names.contains(Vocabulary.normalizedHeader($0)) }) { return false }
        return TableFiles.reviewReportSheetNames.contains { pair in pair.allSatisfy { names.contains(Vocabulary.normalizedHeader($0)) } }
    }

    /// Reads the filing at `path`, or `nil` when the workbook is the city's own review kept beside the
    /// filings (the workbook is opened once for both). Throws as ``read(path:)``.
    public static func readUnlessReview(path: String) throws(InputError) -> FilingLoad? {
        let book = try DistrictReader.openWorkbook(path)
        return isReviewReport(book) ? nil : try read(book, path: path)
    }

    /// Reads the filing at `path`. Throws with every problem found when the file cannot be read as a
    /// filing (not a workbook, a sheet missing, an internal sheet with bad values); differences between
    /// the visible and internal sheets are not thrown but returned as `edits`.
    public static func read(path: String) throws(InputError) -> FilingLoad {
        try read(DistrictReader.openWorkbook(path), path: path)
    }

    /// Reads a filing from its open workbook.
    static func read(_ book: Workbook, path: String) throws(InputError) -> FilingLoad {
        let file = FileSystem.lastComponent(of: path)
        func info(_ name: String) -> SheetInfo? {
            book.sheets.first { Vocabulary.normalizedHeader($0.name) == Vocabulary.normalizedHeader(name) }
        }
        let needed = internalNames + [placardName, rollName]
        let missing = needed.filter { info($0) == nil }
        guard missing.isEmpty else {
            throw .invalid(missing.map { InputProblem(file: file, line: nil, kind: .filing(.sheetMissing(name: $0))) })
        }
        var problems: [InputProblem] = []
        func raw(_ name: String) -> RawSheet {
            guard let sheet = info(name) else { return RawSheet(name: name, rows: []) }
            do {
                return RawSheet(try book.read(sheet))
            } catch {
                problems.append(InputProblem(file: file, sheet: sheet.name, line: nil, kind: .workbook(error)))
                return RawSheet(name: sheet.name, rows: [])
            }
        }
        let cover = info(coverName).map { _ in raw(coverName) }
        let policySheet = raw(internalNames[3])
        let declared = readPolicy(policySheet, file: file, problems: &problems)
        var policy = declared.policy
        let coverDistrict = cover?.value(labelled: "区县")
        policy.districtName = policy.districtName ?? coverDistrict.flatMap { $0.isEmpty ? nil : $0 }

        // The district from 内部-学校 and 内部-督学, through the district reader (every value checked).
        var reading = policy
        if let asOf = policy.asOf { reading.termStart = asOf }
        let schoolProblems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        let inspectorProblems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        var district: District?
        var warnings: [InputProblem] = []
        do {
            let load = try DistrictReader.validate(
                schools: info(internalNames[0]).map { TableReader(source: WorkbookTableSource(workbook: book, sheet: $0, problems: schoolProblems)) },
                inspectors: info(internalNames[1]).map { TableReader(source: WorkbookTableSource(workbook: book, sheet: $0, problems: inspectorProblems)) },
                name: policy.districtName ?? TableFiles.stem(path), policy: reading, encodings: [:],
                schoolProblems: schoolProblems, inspectorProblems: inspectorProblems)
            district = load.district
            warnings += load.warnings
        } catch {
            problems += error.problems
        }
        var recorded: RosterLoad?
        var visible: RosterLoad?
        do {
            if let sheet = info(internalNames[2]) { recorded = try RosterReader.read(book: book, sheet: sheet, file: file) }
        } catch {
            problems += error.problems
        }
        do {
            if let sheet = info(placardName) { visible = try RosterReader.read(book: book, sheet: sheet, file: file) }
        } catch {
            problems += error.problems
        }
        let placard = raw(placardName)
        let roll = raw(rollName)
        let placardTable = placard.table(["学校代码", "督学编号"], file: file, problems: &problems)
        let rollTable = roll.table(["督学编号", "负责学校代码"], file: file, problems: &problems)
        // 内部-政策 was read above; the other internal sheets once each here.
        let internals = internalNames.dropLast().map { name in raw(name).internalData } + [policySheet.internalData]
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems + warnings) }
        guard var district, let recorded, var visible, let placardTable, let rollTable else { throw .invalid(problems) }
        district.name = policy.districtName ?? district.name
        warnings += recorded.warnings.filter { $0.severity == .warning } + visible.warnings
        var comparison = FilingComparison(file: file, district: district, recorded: recorded.roster)
        comparison.compare(placard: placardTable)
        comparison.compare(roll: rollTable)
        comparison.addRollPairs(rollTable, to: &visible)
        var placardRows: [School.ID: Int] = [:]
        for row in placardTable.rows {
            let id = School.ID(uncheckedRawValue: row.value("学校代码"))
            if placardRows[id] == nil { placardRows[id] = row.number }
        }
        return FilingLoad(
            file: file, district: district, policy: policy, strict: declared.strict, roster: visible,
            recorded: recorded.roster, edits: comparison.edits, warnings: warnings, internalSheets: internals,
            packageDigest: cover?.row(labelled: "数据校验码"), placardRows: placardRows,
            declaredCompliant: cover.flatMap(declaredVerdict))
    }

    /// The verdict the cover states in its first rows (`合规结论：不合规（…）`).
    static func declaredVerdict(_ cover: RawSheet) -> Bool? {
        guard let line = cover.rows.prefix(3).map({ $0.cell(0) }).first(where: { $0.hasPrefix("合规结论") }) else { return nil }
        return line.contains("不合规") ? false : line.contains("合规") ? true : nil
    }

    // MARK: Policy

    /// The policy 内部-政策 declares: its preset, then every key's value as written (a value that does not
    /// fit its key is an error at its cell); keys that differ from the preset are the district's own choice.
    static func readPolicy(_ sheet: RawSheet, file: String, problems: inout [InputProblem])
        -> (policy: Policy, strict: Bool)
    {
        var values: [String: (text: String, row: Int)] = [:]
        for row in sheet.rows where row.number >= 4 {
            let key = row.cell(0)
            if !key.isEmpty, values[key] == nil { values[key] = (row.cell(2), row.number) }
        }
        func problem(_ kind: InputProblem.Kind, _ row: Int?, severity: Severity = .error) {
            problems.append(InputProblem(file: file, sheet: sheet.name, line: row, column: row.map { _ in InputProblem.Column(name: "取值", index: 3) },
                                         severity: severity, kind: kind))
        }
        if let format = values["format"], format.text != Self.format {
            problem(.badChoice(value: format.text, key: "format", accepted: [Self.format]), format.row, severity: .warning)
        }
        let termStart = values["term_start"].flatMap { Day(iso: $0.text) }
        if termStart == nil { problem(.badDate(value: values["term_start"]?.text ?? ""), values["term_start"]?.row) }
        var preset = Presets.national
        if let written = values["preset"] {
            if let found = Presets.named(written.text.lowercased()) {
                preset = found
            } else {
                problem(.badChoice(value: written.text, key: "preset", accepted: Presets.names), written.row)
            }
        }
        let start = termStart ?? Day(januaryFirstOf: 2000)
        let base = Presets.policy(preset, termStart: start)
        var policy = base
        var set: Set<String> = []
        for key in PolicyKey.all where !["preset", "name", "district_name", "term_start"].contains(key.name) {
            guard let written = values[key.name] else { continue }
            do {
                try key.assign(value(written.text, for: key), to: &policy)
                set.insert(key.name)
            } catch {
                problem(PolicyReader.kind(of: error, key: key.name), written.row)
            }
        }
        if let name = values["name"]?.text, !name.isEmpty { policy.name = name }
        if let name = values["district_name"]?.text, !name.isEmpty, name != "off" { policy.districtName = name }
        for keyName in set where PolicyKey.citableKeys.contains(keyName) {
            guard let key = PolicyKey.named(keyName), key.value(in: policy) != key.value(in: base) else { continue }
            policy.sources[keyName] = .districtChoice
        }
        policy.termStart = start
        policy.termStartStated = true
        if let asOf = values["as_of"], !asOf.text.isEmpty {
            if let day = Day(iso: asOf.text) { policy.asOf = day } else { problem(.badDate(value: asOf.text), asOf.row) }
        }
        return (policy, values["strict"]?.text == "true")
    }

    /// A value as 内部-政策 writes it, in its key's type (`off` for a rule turned off).
    static func value(_ text: String, for key: PolicyKey) -> PolicyValue {
        switch key.type {
        case .integer, .integerOrOff: Int(text).map(PolicyValue.integer) ?? .text(text)
        case .share: Double(text).map(PolicyValue.number) ?? .text(text)
        case .choice, .date, .text: .text(text)
        }
    }
}

/// The visible sheets compared with the internal ones.
struct FilingComparison {
    let file: String
    let district: District
    let recorded: Roster
    let schools: [School.ID: School]
    let inspectors: [Inspector.ID: Inspector]
    /// The first holder of each school on 内部-配对.
    let holder: [School.ID: Assignee]
    /// The schools of each holder on 内部-配对, by roster id.
    let holdings: [String: [School.ID]]
    var edits: [InputProblem] = []

    init(file: String, district: District, recorded: Roster) {
        self.file = file
        self.district = district
        self.recorded = recorded
        schools = district.schoolsByID
        inspectors = district.inspectorsByID
        var holder: [School.ID: Assignee] = [:]
        for a in recorded.assignments where holder[a.school] == nil { holder[a.school] = a.assignee }
        self.holder = holder
        holdings = Dictionary(recorded.schoolsByAssignee.map { ($0.key.rosterID, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func edit(_ table: RawTable, _ row: Int?, _ column: String?, field: String, subject: String,
                               visible: String, recorded: String) {
        let index = column.flatMap { table.columns[$0] }
        edits.append(InputProblem(
            file: file, sheet: table.sheet, line: row, column: index.map { InputProblem.Column(name: column ?? "", index: $0 + 1) },
            kind: .filing(.edited(field: field, subject: subject, visible: visible, recorded: recorded))))
    }

    /// 公示: one row per school; its holder's id, name and phone, and the school's name, as recorded.
    mutating func compare(placard table: RawTable) {
        var seen: Set<School.ID> = []
        for row in table.rows {
            let code = row.value("学校代码")
            let id = School.ID(uncheckedRawValue: code)
            guard let school = schools[id], seen.insert(id).inserted else {
                // A school the internal sheets do not have, or one listed a second time.
                let twice = schools[id] != nil
                edit(table, row.number, "学校代码", field: twice ? "duplicate_row" : "row", subject: code, visible: code,
                     recorded: twice ? code : "")
                continue
            }
            if row.has("学校名称"), row.value("学校名称") != school.name {
                edit(table, row.number, "学校名称", field: "school_name", subject: code, visible: row.value("学校名称"), recorded: school.name)
            }
            let shown = row.value("督学编号")
            let kept = holder[id]?.rosterID ?? ""
            if shown != kept {
                edit(table, row.number, "督学编号", field: "inspector_id", subject: code, visible: shown, recorded: kept)
                continue
            }
            guard case .inspector(let inspectorID)? = holder[id], let person = inspectors[inspectorID] else { continue }
            if row.has("责任督学"), row.value("责任督学") != person.name {
                edit(table, row.number, "责任督学", field: "inspector_name", subject: inspectorID.rawValue,
                     visible: row.value("责任督学"), recorded: person.name)
            }
            if row.has("联系电话"), row.value("联系电话") != (person.phone ?? "") {
                edit(table, row.number, "联系电话", field: "phone", subject: inspectorID.rawValue,
                     visible: row.value("联系电话"), recorded: person.phone ?? "")
            }
        }
        for school in district.schools where !seen.contains(school.id) {
            edit(table, nil, nil, field: "row", subject: school.id.rawValue, visible: "", recorded: school.id.rawValue)
        }
    }

    /// 名册: one row per appointee; the schools each holds (as a set: their order is not checked) and the
    /// name, as recorded.
    mutating func compare(roll table: RawTable) {
        var seen: Set<String> = []
        for row in table.rows {
            let id = row.value("督学编号")
            guard let held = holdings[id], seen.insert(id).inserted else {
                let twice = holdings[id] != nil
                edit(table, row.number, "督学编号", field: twice ? "duplicate_row" : "row", subject: id, visible: id,
                     recorded: twice ? id : "")
                continue
            }
            let shown = Self.codes(row.value("负责学校代码"))
            if Set(shown) != Set(held.map(\.rawValue)) {
                edit(table, row.number, "负责学校代码", field: "school_codes", subject: id, visible: shown.joined(separator: "、"),
                     recorded: held.map(\.rawValue).joined(separator: "、"))
            }
            if let person = inspectors[Inspector.ID(uncheckedRawValue: id)], row.has("姓名"), row.value("姓名") != person.name {
                edit(table, row.number, "姓名", field: "inspector_name", subject: id, visible: row.value("姓名"), recorded: person.name)
            }
        }
        for id in holdings.keys.sorted(by: { $0.naturalLess(than: $1) }) where !seen.contains(id) {
            edit(table, nil, nil, field: "row", subject: id, visible: "", recorded: id)
        }
    }

    /// The pairs only the 名册 shows join the visible roster (the 公示 gives one holder per school): the
    /// visible sheets are what is checked, and where they disagree with each other the school is listed twice.
    func addRollPairs(_ table: RawTable, to load: inout RosterLoad) {
        var pairs = Set(load.roster.assignments.map { "\($0.school.rawValue)\t\($0.assignee.rosterID)" })
        for row in table.rows {
            let id = row.value("督学编号")
            guard !id.isEmpty else { continue }
            let assignee: Assignee
            if id.uppercased().hasPrefix(Assignee.vacancyPrefix) {
                guard let employment = Vocabulary.employment(row.value("专兼职")) else { continue }
                assignee = .vacancy(id: id, zone: Zone(uncheckedRawValue: row.value("责任区")), employment: employment)
            } else {
                assignee = .inspector(Inspector.ID(uncheckedRawValue: id))
            }
            for code in Self.codes(row.value("负责学校代码")) where pairs.insert("\(code)\t\(id)").inserted {
                load.roster.assignments.append(Assignment(school: School.ID(uncheckedRawValue: code), assignee: assignee))
                load.lines.append(row.number)
                load.rowFacts.append(("", ""))
                load.schoolNames.append("")
            }
        }
    }

    /// "S-1、S-2" → ["S-1", "S-2"] (also with ASCII or full-width commas and semicolons).
    static func codes(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }
    }
}

/// A worksheet as text: its rows with a value, each cell's text by column from A.
struct RawSheet {
    struct Row {
        var number: Int
        var cells: [String]
        func cell(_ index: Int) -> String { index < cells.count ? cells[index] : "" }
    }

    var name: String
    var rows: [Row]

    init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    init(_ sheet: Sheet) {
        name = sheet.info.name
        rows = sheet.rows.map { row in
            var cells: [String] = []
            for cell in row.cells where cell.column >= 1 {
                while cells.count < cell.column - 1 { cells.append("") }
                if cells.count == cell.column - 1 { cells.append(cell.value.text) }
            }
            return Row(number: row.number, cells: cells)
        }
    }

    /// Column B of the row whose column A is `label` (the cover's facts).
    func value(labelled label: String) -> String? { row(labelled: label)?.value }

    /// Column B and the row number of the row whose column A is `label`.
    func row(labelled label: String) -> (value: String, row: Int)? {
        rows.first { $0.cell(0) == label }.map { ($0.cell(1), $0.number) }
    }

    /// An internal sheet's digest (B2) and its text from the header (row 3) on.
    var internalData: FilingSheetData {
        let stored = rows.first { $0.number == 2 }?.cell(1) ?? ""
        var text: [[String]] = []
        for row in rows where row.number >= 3 {
            while text.count < row.number - 3 { text.append([]) }
            text.append(row.cells)
        }
        return FilingSheetData(name: name, storedDigest: stored, rows: text)
    }

    /// The table under the first row naming every one of `wanted`: its columns by header, its data rows
    /// (a row with only a note in column A, `公示期：…`, and blank rows are not data); `nil` with a problem
    /// when no such header is found.
    func table(_ wanted: [String], file: String, problems: inout [InputProblem]) -> RawTable? {
        guard let at = rows.firstIndex(where: { row in wanted.allSatisfy { row.cells.contains($0) } }) else {
            problems.append(InputProblem(file: file, sheet: name, line: nil, kind: .filing(.headerMissing(wanted: wanted))))
            return nil
        }
        var columns: [String: Int] = [:]
        for (index, header) in rows[at].cells.enumerated() where !header.isEmpty && columns[header] == nil { columns[header] = index }
        let data = rows[(at + 1)...].filter { row in
            let filled = row.cells.filter { !$0.isEmpty }
            guard !filled.isEmpty else { return false }
            let first = row.cell(0)
            return !(filled.count == 1 && (first.contains("：") || first.contains(":")))
        }
        return RawTable(sheet: name, columns: columns, rows: data.map { RawTable.Row(number: $0.number, cells: $0.cells, columns: columns) })
    }
}

/// A table of a worksheet read by its header's names.
struct RawTable {
    struct Row {
        var number: Int
        var cells: [String]
        let columns: [String: Int]
        func has(_ header: String) -> Bool { columns[header] != nil }
        func value(_ header: String) -> String {
            guard let index = columns[header], index < cells.count else { return "" }
            return cells[index].trimmedWhitespace
        }
    }

    var sheet: String
    var columns: [String: Int]
    var rows: [Row]
}
