import DuxueDomain
import DuxueSheets

/// A district read from its folder or workbook, with what was noticed on the way.
public struct DistrictLoad: Sendable {
    /// The schools and inspectors.
    public var district: District
    /// Warnings (the load has no errors, or it would have thrown).
    public var warnings: [InputProblem]
    /// The encoding detected per CSV file name ("schools.csv", "inspectors.csv"; none for workbooks).
    public var encodings: [String: TextEncoding]
    /// The line of each school in schools.csv (its row in a worksheet).
    public var schoolLines: [School.ID: Int]
    /// The line of each inspector in inspectors.csv (its row in a worksheet).
    public var inspectorLines: [Inspector.ID: Int]
    /// Inspectors whose `consecutive_terms` is not written (only when read for a district with a roster
    /// of record, which derives the count): their `consecutiveTerms` is 0 until the record sets it.
    public var termsNotWritten: Set<Inspector.ID> = []
    /// The `consecutive_terms` column as written (`已连任届数`), when the pool file has it.
    public var termsColumn: InputProblem.Column?
    /// The file (and sheet) the pool was read from, for problems found later.
    public var inspectorsFile = DistrictReader.inspectorsFile
    /// The worksheet the pool was read from (`nil` for CSV).
    public var inspectorsSheet: String?

    /// A load.
    public init(district: District, warnings: [InputProblem], encodings: [String: TextEncoding],
                schoolLines: [School.ID: Int], inspectorLines: [Inspector.ID: Int]) {
        self.district = district
        self.warnings = warnings
        self.encodings = encodings
        self.schoolLines = schoolLines
        self.inspectorLines = inspectorLines
    }
}

/// Reads and validates a district: a folder holding the school list and the inspector pool as CSV or
/// XLSX (`schools.csv` or `学校.xlsx`, `inspectors.csv` or `督学.xlsx` …, see ``TableFiles``), or one
/// workbook with a sheet for each (学校/学校名单/schools and 督学/督学库/inspectors; other sheets are ignored).
public enum DistrictReader {
    /// The school list's file name.
    public static let schoolsFile = "schools.csv"
    /// The inspector pool's file name.
    public static let inspectorsFile = "inspectors.csv"
    /// At most this many problems are listed per file.
    public static let problemCap = 100

    /// Reads the district at `folder`: a folder (its CSV files in UTF-8, UTF-8 with BOM or GBK, or its
    /// workbooks), or the path of one workbook holding both tables. Every problem of both tables is
    /// collected; throws `InputError.invalid` with all of them (warnings included) if any is an error.
    ///
    /// With `termsFromRecord` (the district keeps a roster of record, from which term counts are derived)
    /// the `consecutive_terms` column is optional: where written, it is the opening balance.
    public static func read(folder: String, policy: Policy, termsFromRecord: Bool = false) throws(InputError) -> DistrictLoad {
        if TableFiles.isWorkbook(folder) && !FileSystem.isFolder(folder) {
            return try read(workbook: folder, policy: policy, termsFromRecord: termsFromRecord)
        }
        guard FileSystem.isFolder(folder) else {
            throw .invalid([InputProblem(file: folder, line: nil, kind: .folderNotFound(path: folder))])
        }
        var encodings: [String: TextEncoding] = [:]
        func open(_ table: TableKind, _ fallback: String) -> (TableReader?, ProblemCollector) {
            let found = TableFiles.present(table, in: folder)
            let problems = ProblemCollector(file: found.first ?? fallback, cap: problemCap)
            if found.count > 1 {
                problems.add(.tableTwice(table: table, places: found), line: nil)
                return (nil, problems)
            }
            // Streamed: a CSV file's encoding is found in a first pass, its rows parsed as the second pass reads.
            let input = TableLoading.open(path: FileSystem.join(folder, found.first ?? fallback), problems: problems)
            if let input, !TableFiles.isWorkbook(problems.file) { encodings[problems.file] = input.encoding }
            return (input?.reader, problems)
        }
        let (schools, schoolProblems) = open(.schools, schoolsFile)
        let (inspectors, inspectorProblems) = open(.inspectors, inspectorsFile)
        return try validate(
            schools: schools, inspectors: inspectors, name: FileSystem.lastComponent(of: folder),
            policy: policy, encodings: encodings, schoolProblems: schoolProblems,
            inspectorProblems: inspectorProblems, termsFromRecord: termsFromRecord)
    }

    /// Reads a district workbook: the sheet of each table found by its name (``TableFiles/sheetNames(_:)``).
    private static func read(workbook path: String, policy: Policy, termsFromRecord: Bool) throws(InputError) -> DistrictLoad {
        let file = FileSystem.lastComponent(of: path)
        let book = try openWorkbook(path)
        func source(_ table: TableKind) -> (TableReader?, ProblemCollector) {
            let problems = ProblemCollector(file: file, cap: problemCap)
            let accepted = TableFiles.sheetNames(table)
            let wanted = Set(accepted.map(Vocabulary.normalizedHeader))
            let matching = book.sheets.filter { wanted.contains(Vocabulary.normalizedHeader($0.name)) }
            guard matching.count == 1, let sheet = matching.first else {
                if matching.isEmpty {
                    problems.add(.sheetNotFound(table: table, accepted: accepted, sheets: book.sheets.map(\.name)), line: nil)
                } else {
                    problems.add(.tableTwice(table: table, places: matching.map(\.name)), line: nil)
                }
                return (nil, problems)
            }
            return (TableReader(source: WorkbookTableSource(workbook: book, sheet: sheet, problems: problems)), problems)
        }
        let (schools, schoolProblems) = source(.schools)
        let (inspectors, inspectorProblems) = source(.inspectors)
        return try validate(
            schools: schools, inspectors: inspectors, name: TableFiles.stem(path), policy: policy, encodings: [:],
            schoolProblems: schoolProblems, inspectorProblems: inspectorProblems, termsFromRecord: termsFromRecord)
    }

    /// Opens the workbook at `path`, or throws the problem: not found (named by the path given), or not
    /// readable as a workbook (named by its file name).
    static func openWorkbook(_ path: String) throws(InputError) -> Workbook {
        guard FileSystem.exists(path) else {
            throw .invalid([InputProblem(file: path, line: nil, kind: .fileNotFound(path: path))])
        }
        do {
            return try Workbook(path: path)
        } catch {
            throw .invalid([InputProblem(file: FileSystem.lastComponent(of: path), line: nil, kind: .workbook(error))])
        }
    }

    /// Reads already-decoded CSV texts (for tests and generators); encodings are reported as UTF-8.
    public static func read(schoolsCSV: String, inspectorsCSV: String, name: String, policy: Policy)
        throws(InputError) -> DistrictLoad
    {
        try validate(
            schools: CSVReader(text: schoolsCSV), inspectors: CSVReader(text: inspectorsCSV), name: name, policy: policy,
            encodings: [schoolsFile: .utf8, inspectorsFile: .utf8],
            schoolProblems: ProblemCollector(file: schoolsFile, cap: problemCap),
            inspectorProblems: ProblemCollector(file: inspectorsFile, cap: problemCap))
    }

    static func validate(
        schools schoolsReader: TableReader?, inspectors inspectorsReader: TableReader?, name: String, policy: Policy,
        encodings: [String: TextEncoding], schoolProblems: ProblemCollector, inspectorProblems: ProblemCollector,
        termsFromRecord: Bool = false
    ) throws(InputError) -> DistrictLoad {
        var schools = SchoolsRead()
        if let schoolsReader,
            let table = TableLoading.table(
                reader: schoolsReader, specs: Columns.schools, reportUnknown: true, records: .schools,
                problems: schoolProblems)
        {
            schools = readSchools(table, problems: schoolProblems)
        }
        var inspectors: [Inspector] = []
        var inspectorLines: [Inspector.ID: Int] = [:]
        var notWritten: Set<Inspector.ID> = []
        var termsColumn: InputProblem.Column?
        let specs = termsFromRecord
            ? Columns.inspectors.map { $0.key == "consecutive_terms" ? ColumnSpec($0.key, Array($0.names.dropFirst())) : $0 }
            : Columns.inspectors
        if let inspectorsReader,
            let table = TableLoading.table(
                reader: inspectorsReader, specs: specs, reportUnknown: true, records: .inspectors,
                problems: inspectorProblems)
        {
            (inspectors, inspectorLines) = readInspectors(
                table, schools: schools, policy: policy, problems: inspectorProblems, termsOptional: termsFromRecord,
                termsNotWritten: &notWritten)
            termsColumn = table.header.column("consecutive_terms")
        }
        let all = schoolProblems.finished() + inspectorProblems.finished()
        if schoolProblems.hasErrors || inspectorProblems.hasErrors { throw .invalid(all) }
        var load = DistrictLoad(
            district: District(name: name, schools: schools.schools, inspectors: inspectors), warnings: all,
            encodings: encodings, schoolLines: schools.lines, inspectorLines: inspectorLines)
        load.termsNotWritten = notWritten
        load.termsColumn = termsColumn
        load.inspectorsFile = inspectorProblems.file
        load.inspectorsSheet = inspectorProblems.sheet
        return load
    }

    /// What schools.csv yielded: valid schools, plus every id and zone written (even on rows with errors),
    /// so that inspectors.csv is not blamed for problems of schools.csv.
    struct SchoolsRead {
        var schools: [School] = []
        var lines: [School.ID: Int] = [:]
        var idsWritten: Set<String> = []
        var zonesWritten: Set<String> = []
        var usable = false
        /// No row was lost to a CSV syntax error, so ids and zones missing from it are really missing.
        var complete = true
        /// Every school written (even on rows with errors) by its name, for recusals written as names.
        var byName: [String: [(id: String, candidate: String)]] = [:]
    }

    static func readSchools(_ table: LoadedTable, problems: ProblemCollector) -> SchoolsRead {
        var result = SchoolsRead()
        var firstLine: [String: Int] = [:]
        for record in table.rows {
            let row = RowChecker(record: record, header: table.header, problems: problems)
            let id = row.required("id")
            if let id {
                result.idsWritten.insert(id)
                if let first = firstLine[id] {
                    row.report(.duplicateID(id: id, firstLine: first), at: "id")
                } else {
                    firstLine[id] = record.line
                }
            }
            let name = row.required("name")
            let enrollment = row.wholeNumber("enrollment", minimum: 0, required: true)
            let zone = row.required("zone")
            if let zone { result.zonesWritten.insert(zone) }
            if let id, let name, !(result.byName[name]?.contains { $0.id == id } ?? false) {
                result.byName[name, default: []].append((id, "\(id) \(name) (\(zone ?? ""))"))
            }
            let stage = row.choice("stage", required: false, accepted: Vocabulary.stageNames, Vocabulary.stage)
            let large = row.choice("large", required: false, accepted: Vocabulary.booleanNames, Vocabulary.boolean)
            let location = row.location()
            guard row.ok, let id, let name, let enrollment, let zone else { continue }
            let school = School(
                id: School.ID(uncheckedRawValue: id), name: name, enrollment: enrollment,
                zone: Zone(uncheckedRawValue: zone), stage: stage, largeDesignation: large, location: location)
            result.schools.append(school)
            result.lines[school.id] = record.line
        }
        result.usable = table.header.indexByKey["id"] != nil && table.rowCount > 0
        result.complete = table.droppedRows == 0
        // Any value of a ragged row may be its id or zone: inspectors.csv is not blamed for naming one.
        for record in table.raggedRows {
            result.idsWritten.formUnion(record.values)
            result.zonesWritten.formUnion(record.values)
        }
        return result
    }

    static func readInspectors(_ table: LoadedTable, schools: SchoolsRead, policy: Policy,
                               problems: ProblemCollector) -> ([Inspector], [Inspector.ID: Int]) {
        var unused: Set<Inspector.ID> = []
        return readInspectors(table, schools: schools, policy: policy, problems: problems, termsOptional: false,
                              termsNotWritten: &unused)
    }

    /// Reads the pool's rows; with `termsOptional`, an unwritten `consecutive_terms` reads as 0 and the
    /// inspector is added to `termsNotWritten`.
    static func readInspectors(_ table: LoadedTable, schools: SchoolsRead, policy: Policy, problems: ProblemCollector,
                               termsOptional: Bool, termsNotWritten: inout Set<Inspector.ID>)
        -> ([Inspector], [Inspector.ID: Int])
    {
        var inspectors: [Inspector] = []
        var lines: [Inspector.ID: Int] = [:]
        var firstLine: [String: Int] = [:]
        var workplaces: [String: School.ID] = [:]
        for school in schools.schools.reversed() {
            workplaces[school.name] = school.id
            workplaces[school.id.rawValue] = school.id
        }
        for record in table.rows {
            let row = RowChecker(record: record, header: table.header, problems: problems)
            let id = row.required("id")
            if let id {
                if let first = firstLine[id] {
                    row.report(.duplicateID(id: id, firstLine: first), at: "id")
                } else {
                    firstLine[id] = record.line
                }
            }
            let name = row.required("name")
            let employment = row.choice(
                "employment", required: true, accepted: Vocabulary.employmentNames, Vocabulary.employment)
            let retired = row.choice("status", required: true, accepted: Vocabulary.statusNames, Vocabulary.isRetired)
            let status = serviceStatus(row, retired: retired, policy: policy)
            var terms = row.wholeNumber("consecutive_terms", minimum: 0, required: !termsOptional)
            let termsWritten = terms != nil
            if termsOptional && terms == nil && row.value("consecutive_terms").isEmpty { terms = 0 }
            let zone = row.required("zone")
            if let zone, policy.zones != .ignore, schools.complete, !schools.zonesWritten.isEmpty,
                !schools.zonesWritten.contains(zone)
            {
                row.report(.zoneWithoutSchools(zone: zone), at: "zone", severity: .warning)
            }
            var conflicts: Set<School.ID> = []
            for school in Vocabulary.list(row.value("conflicts")) {
                // A school by its id, or by its name (回避学校 written as names).
                if !schools.idsWritten.contains(school), let named = schools.byName[school] {
                    if named.count == 1, let only = named.first {
                        conflicts.insert(School.ID(uncheckedRawValue: only.id))
                    } else {
                        row.report(.ambiguousName(key: "conflicts", name: school, candidates: named.map(\.candidate)), at: "conflicts")
                    }
                    continue
                }
                if schools.usable && schools.complete && !schools.idsWritten.contains(school) {
                    row.report(.unknownConflictSchool(id: school), at: "conflicts")
                }
                conflicts.insert(School.ID(uncheckedRawValue: school))
            }
            let cap = row.wholeNumber("max_schools", minimum: 1, required: false)
            if let cap, cap > policy.schoolsPerInspector {
                row.report(.capHasNoEffect(value: cap, limit: policy.schoolsPerInspector), at: "max_schools",
                           severity: .warning)
            }
            var stages: Set<Stage> = []
            for text in Vocabulary.list(row.value("stages")) {
                if let stage = Vocabulary.stage(text) {
                    stages.insert(stage)
                } else {
                    row.report(.badChoice(value: text, key: "stages", accepted: Vocabulary.stageNames), at: "stages")
                }
            }
            let location = row.location()
            let phone = row.value("phone")
            if Vocabulary.looksLikeScientificNotation(phone) {
                row.report(.phoneMangled(value: phone), at: "phone", severity: .warning)
            }
            let trainingText = row.value("training_hours")
            var trainingHours: Double?
            if !trainingText.isEmpty {
                if let hours = Vocabulary.decimal(trainingText), hours >= 0 {
                    trainingHours = hours
                } else {
                    row.report(.badNumber(value: trainingText, key: "training_hours"), at: "training_hours")
                }
            }
            let assessment = row.choice("assessment", required: false, accepted: Vocabulary.assessmentNames, Vocabulary.assessment)
            let level = row.choice("level", required: false, accepted: Vocabulary.levelNames, Vocabulary.level)
            let workplace = row.value("workplace")
            // No inspector holds the school they work at: a workplace naming a school of the district
            // (by code or by name) is a recusal (《教育督导条例》第十条).
            if !workplace.isEmpty, let school = workplaces[workplace] { conflicts.insert(school) }
            var appointedOn: Day?
            let appointedText = row.dateText("appointed_on")
            if !appointedText.isEmpty {
                if case .day(let day) = Vocabulary.readDay(appointedText) {
                    appointedOn = day
                } else {
                    row.report(.badDate(value: appointedText), at: "appointed_on")
                }
            }
            guard row.ok, let id, let name, let employment, let status, let terms, let zone else { continue }
            let inspector = Inspector(
                id: Inspector.ID(uncheckedRawValue: id), name: name, employment: employment, status: status,
                consecutiveTerms: terms, zone: Zone(uncheckedRawValue: zone), conflicts: conflicts,
                maxSchools: cap, stages: stages, location: location, phone: phone.isEmpty ? nil : phone,
                trainingHours: trainingHours, assessment: assessment, workplace: workplace.isEmpty ? nil : workplace,
                level: level, appointedOn: appointedOn, officeColumns: table.header.officeValues(in: record))
            inspectors.append(inspector)
            lines[inspector.id] = record.line
            if !termsWritten { termsNotWritten.insert(inspector.id) }
        }
        return (inspectors, lines)
    }

    /// The service status from `status` and `retired_on`, reporting a missing, bad or late date.
    private static func serviceStatus(_ row: RowChecker, retired: Bool?, policy: Policy) -> ServiceStatus? {
        let text = row.dateText("retired_on")
        switch retired {
        case .none:
            return nil
        case .some(false):
            if !text.isEmpty { row.report(.retiredOnIgnored(value: text), at: "retired_on", severity: .warning) }
            return .inService
        case .some(true):
            guard !text.isEmpty else {
                row.report(.retiredWithoutDate, at: row.has("retired_on") ? "retired_on" : "status")
                return nil
            }
            let day: Day
            switch Vocabulary.readDay(text) {
            case .day(let read): day = read
            case .yearLast(let readings):
                row.report(.ambiguousDate(value: text, readings: readings), at: "retired_on")
                return nil
            case .invalid:
                row.report(.badDate(value: text), at: "retired_on")
                return nil
            }
            if day > policy.termStart {
                row.report(.retiredAfterTermStart(retiredOn: day, termStart: policy.termStart), at: "retired_on")
                return nil
            }
            return .retired(on: day)
        }
    }
}
