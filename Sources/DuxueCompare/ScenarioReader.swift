import DuxueDomain
import DuxueInput
import DuxueTOML
import Foundation

/// Reads scenario files: the keys of a policy file (any subset, overriding the district's policy) plus
/// optional `[schools]` and `[inspectors]` tables of data edits. Every problem is reported at once,
/// naming file, line and (for ids) column.
///
/// ```toml
/// name = "门槛 1500"
/// large_school_enrollment = 1500
///
/// [schools]
/// remove = ["S-017"]
/// enrollment = { "S-002" = 2400 }
/// [[schools.add]]
/// id = "S-701"
/// name = "开发区新校"
/// enrollment = 1800
/// zone = "第一责任区"
///
/// [inspectors]
/// remove = ["I-004"]
/// unavailable = ["I-010", "I-011"]
/// [[inspectors.add]]
/// id = "I-901"
/// name = "新督学"
/// employment = "full_time"
/// zone = "第一责任区"
/// ```
public enum ScenarioReader {
    /// Keys of `[schools]`.
    public static let schoolKeys = ["remove", "enrollment", "add"]
    /// Keys of `[inspectors]`.
    public static let inspectorKeys = ["remove", "unavailable", "add"]
    /// Keys of a `[[schools.add]]` entry.
    public static let newSchoolKeys = ["id", "name", "enrollment", "zone", "stage", "large", "lat", "lon"]
    /// Keys of an `[[inspectors.add]]` entry.
    public static let newInspectorKeys = [
        "id", "name", "employment", "status", "retired_on", "consecutive_terms", "zone", "conflicts", "max_schools",
        "stages", "lat", "lon", "phone",
    ]
    /// The data tables; everything else in the file is policy.
    static let dataTables: Set<String> = ["schools", "inspectors", "pairs"]
    /// Keys of `[pairs]`: schools pinned to an inspector (指定) and forbidden pairs (不得).
    public static let pairKeys = ["pin", "forbid"]

    /// Reads a scenario file (UTF-8 or GBK) against the district and its policy.
    public static func load(file path: String, district: District, policy base: Policy) throws(ScenarioError) -> Scenario {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScenarioError([InputProblem(file: path, line: nil, issue: .fileNotFound)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError([InputProblem(file: path, line: nil, issue: .unreadable(reason: "permission denied"))])
        }
        let text: String
        do {
            text = try TextDecoding.decode([UInt8](data)).text
        } catch {
            throw ScenarioError([InputProblem(file: path, line: nil, issue: .unreadable(reason: error.description))])
        }
        return try parse(text, file: path, district: district, policy: base)
    }

    /// Parses scenario text; `file` names it in problems and, without a `name` key, gives the scenario
    /// its name (the file name without `.toml`).
    public static func parse(_ text: String, file: String, district: District, policy base: Policy)
        throws(ScenarioError) -> Scenario
    {
        let written: TOMLTable
        do {
            written = try TOMLParser.parse(text)
        } catch {
            throw ScenarioError([PolicyReader.problem(error, file: file)])
        }
        // Chinese keys (in quotes) read as the English ones: "名称", ["学校"], [["学校"."新增"]] …
        let table = KeyAliases.canonical(written, KeyAliases.policy.merging(KeyAliases.scenario) { first, _ in first }) { key in
            switch key {
            case "schools", "inspectors", "pairs": KeyAliases.scenario
            case "add": KeyAliases.newRecord
            case "sources": KeyAliases.sources
            default: nil
            }
        }
        var problems: [InputProblem] = []
        for collision in KeyAliases.collisions(written, KeyAliases.policy.merging(KeyAliases.scenario) { first, _ in first }) {
            let problem = KeyAliases.problem(collision, file: file)
            problems.append(problem)
        }

        // Keys that are neither policy keys nor data tables, with all the keys a scenario accepts.
        let accepted = PolicyReader.knownKeys + dataTables.sorted()
        let unknown = table.entries.filter { !accepted.contains($0.key) }
        for entry in unknown.sorted(by: { $0.key < $1.key }) {
            problems.append(InputProblem(
                file: file, line: entry.keyPosition.line,
                issue: .unknownKey(key: entry.key, table: "", suggestion: Vocabulary.nearest(to: entry.key, among: accepted),
                                  accepted: accepted)))
        }
        // Policy keys a scenario may not set: they describe the district, or matter to `renew` only.
        for entry in table.entries where PolicyKey.named(entry.key).map({ !$0.inScenarios && !["name", "preset"].contains($0.name) }) == true {
            problems.append(InputProblem(
                file: file, line: entry.keyPosition.line, column: entry.keyPosition.column,
                issue: .notInScenarios(key: entry.key, accepted: PolicySetting.keys)))
        }
        // Policy keys: the policy reader checks them, on the table without the data tables.
        let defaultName = Self.defaultName(file)
        var settings: [PolicySetting] = []
        var sources: [String: Citation] = [:]
        var name = defaultName
        do {
            var named: Set<String> = []  // a key given twice under two names is reported above, once
            let policyTable = TOMLTable(entries: table.entries.filter {
                accepted.contains($0.key) && !dataTables.contains($0.key) && named.insert($0.key).inserted
            })
            let parsed = try PolicyReader.read(policyTable, file: file, name: defaultName, termStart: nil, today: base.termStart)
            name = parsed.name
            settings = table.keys.filter { PolicySetting.keys.contains($0) }
                .compactMap { PolicySetting.reading($0, from: parsed) }
            for key in table["sources"]?.table?.keys ?? [] { sources[key] = parsed.sources[key] }
        } catch {
            problems += error.problems
        }

        var reader = EditReader(file: file, district: district)
        reader.termStart = base.termStart
        if let schools = table.entry("schools") {
            reader.readSchools(schools)
        }
        if let inspectors = table.entry("inspectors") {
            reader.readInspectors(inspectors)
        }
        if let pairs = table.entry("pairs") {
            reader.readPairs(pairs)
        }
        problems += reader.problems
        guard problems.isEmpty else {
            throw ScenarioError(problems.enumerated().sorted {
                ($0.element.line ?? 0, $0.element.column?.index ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column?.index ?? 0, $1.offset)
            }.map(\.element))
        }
        var scenario = Scenario(name: name, file: file, settings: settings, sources: sources, edits: reader.edits)
        scenario.pairs = reader.pairs
        return scenario
    }

    /// `cuts.toml` → `cuts`.
    static func defaultName(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
    }
}

/// A place in the scenario file for a problem: line, and column where it helps (ids).
private typealias Place = (line: Int?, column: Int?)

/// Reads the `[schools]` and `[inspectors]` tables into ``DataEdits``, collecting problems at the
/// positions the TOML reader gives every key and value.
private struct EditReader {
    let file: String
    let district: District
    let schoolIDs: Set<School.ID>
    let inspectorIDs: Set<Inspector.ID>
    var edits = DataEdits()
    var pairs = PairRules()
    /// The term start the scenario's facts are read against (a new inspector's retirement date).
    var termStart = Day(januaryFirstOf: 2000)
    var problems: [InputProblem] = []

    init(file: String, district: District) {
        self.file = file
        self.district = district
        schoolIDs = Set(district.schools.map(\.id))
        inspectorIDs = Set(district.inspectors.map(\.id))
    }

    mutating func problem(_ kind: ScenarioIssue, line: Int?, column: Int? = nil) {
        problems.append(InputProblem(file: file, line: line, column: column, issue: kind))
    }

    /// A table's entries in the order they are read: `remove` first (a new school may take a removed
    /// school's id), `add` last, the others as written.
    func readingOrder(_ table: TOMLTable) -> [TOMLEntry] {
        func rank(_ key: String) -> Int { key == "remove" ? 0 : key == "add" ? 2 : 1 }
        return table.entries.enumerated().sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
            .map(\.element)
    }

    // MARK: Schools

    mutating func readSchools(_ schools: TOMLEntry) {
        guard let table = schools.node.table else {
            problem(.wrongType(key: "schools", expected: "table", found: schools.node.typeName), line: schools.keyPosition.line)
            return
        }
        for entry in readingOrder(table) {
            let line = entry.keyPosition.line
            switch entry.key {
            case "remove":
                for (id, place) in idList(entry.node, key: "schools.remove", line: line) {
                    if let id = School.ID(id), schoolIDs.contains(id) {
                        edits.removeSchools.append(id)
                    } else {
                        unknownSchool(id, key: "schools.remove", at: place)
                    }
                }
            case "enrollment":
                readEnrollments(entry.node, line: line)
            case "add":
                readNewSchools(entry.node, line: line)
            default:
                problem(.unknownKey(key: entry.key, table: "schools",
                                    suggestion: Vocabulary.nearest(to: entry.key, among: ScenarioReader.schoolKeys),
                                    accepted: ScenarioReader.schoolKeys), line: line)
            }
        }
    }

    mutating func unknownSchool(_ id: String, key: String, at place: Place) {
        let suggestion = Vocabulary.nearest(to: id, among: district.schools.map(\.id.rawValue))
        problem(.unknownSchool(id: id, key: key, suggestion: suggestion), line: place.line, column: place.column)
    }

    mutating func unknownInspector(_ id: String, key: String, at place: Place) {
        let suggestion = Vocabulary.nearest(to: id, among: district.inspectors.map(\.id.rawValue))
        problem(.unknownInspector(id: id, key: key, suggestion: suggestion), line: place.line, column: place.column)
    }

    /// An array of id strings (or whole numbers), each with its place.
    mutating func idList(_ node: TOMLNode, key: String, line: Int) -> [(String, Place)] {
        guard let array = node.array else {
            problem(.wrongType(key: key, expected: "array of ids", found: node.typeName), line: line)
            return []
        }
        var result: [(String, Place)] = []
        for element in array {
            guard let text = element.string ?? element.integer.map(String.init) else {
                problem(.wrongType(key: key, expected: "string", found: element.typeName), line: element.position.line)
                continue
            }
            result.append((text.trimmedWhitespace, (element.position.line, element.position.column)))
        }
        return result
    }

    mutating func readEnrollments(_ node: TOMLNode, line: Int) {
        guard let table = node.table else {
            problem(.wrongType(key: "schools.enrollment", expected: "table of school id = students", found: node.typeName),
                    line: line)
            return
        }
        for entry in table.entries {
            let id = entry.key
            let place: Place = (entry.keyPosition.line, entry.keyPosition.column)
            let key = "schools.enrollment.\(id)"
            guard let schoolID = School.ID(id), schoolIDs.contains(schoolID) else {
                unknownSchool(id, key: "schools.enrollment", at: place)
                continue
            }
            guard let students = entry.node.integer else {
                problem(.wrongType(key: key, expected: "whole number", found: entry.node.typeName), line: place.line)
                continue
            }
            guard students >= 0 else {
                problem(.belowMinimum(key: key, value: "\(students)", minimum: 0), line: place.line)
                continue
            }
            edits.enrollments.append(DataEdits.EnrollmentChange(school: schoolID, enrollment: students))
        }
    }

    /// The tables of an array of tables (`[[key]]` or `key = [{…}, …]`), each with its position.
    mutating func entries(_ node: TOMLNode, key: String, line: Int) -> [(TOMLTable, TOMLPosition)] {
        guard let array = node.array else {
            problem(.wrongType(key: key, expected: "array of tables ([[\(key)]])", found: node.typeName), line: line)
            return []
        }
        var result: [(TOMLTable, TOMLPosition)] = []
        for element in array {
            guard let table = element.table else {
                problem(.wrongType(key: key, expected: "table", found: element.typeName), line: element.position.line)
                continue
            }
            result.append((table, element.position))
        }
        return result
    }

    mutating func readNewSchools(_ node: TOMLNode, line: Int) {
        var taken = schoolIDs.subtracting(edits.removeSchools)
        var rows: [MemoryRow] = []
        for (table, position) in entries(node, key: "schools.add", line: line) {
            var fields = Fields(table: table, name: "schools.add", header: position.line, file: file)
            fields.rejectUnknown(ScenarioReader.newSchoolKeys)
            for key in ["id", "name", "enrollment", "zone"] where table[key] == nil { fields.missing(key) }
            if let id = fields.string("id"), let schoolID = School.ID(id) {
                if taken.contains(schoolID) { fields.problem(.duplicateID(id: id, key: "schools.add id"), key: "id") }
                taken.insert(schoolID)
            }
            rows.append(fields.row(ScenarioReader.newSchoolKeys))
            problems += fields.problems
        }
        // The values themselves: checked by the code that checks schools.csv.
        let (schools, found) = MemoryTables.schools(rows, file: file)
        problems += scenarioProblems(found, rows: rows)
        // Only rows without errors come back; any problem at all stops the scenario before it is used.
        edits.addSchools += schools
    }

    /// Problems of the shared row checks, as scenario problems (errors only: a scenario has no warnings);
    /// those the scenario reports in its own words are left out (a missing key, a repeated id, an unknown
    /// recusal school).
    func scenarioProblems(_ found: [InputProblem], rows: [MemoryRow]) -> [InputProblem] {
        found.compactMap { problem in
            guard problem.severity == .error else { return nil }
            func lacks(_ key: String) -> Bool { rows.contains { $0.line == problem.line && $0.values[key] == nil } }
            switch problem.kind {
            case .emptyValue(let key) where lacks(key): return nil
            case .retiredWithoutDate where lacks("retired_on"): return nil
            case .duplicateID, .unknownConflictSchool: return nil
            default: return problem
            }
        }
    }

    // MARK: Pairs

    /// `[pairs]`: `pin = { "S-001" = "I-002" }` keeps a school with an inspector; `forbid = { "S-001" =
    /// ["I-003"] }` (one id or a list) never pairs them. Ids are checked against the district as it is
    /// and the scenario's own additions.
    mutating func readPairs(_ entry: TOMLEntry) {
        guard let table = entry.node.table else {
            problem(.wrongType(key: "pairs", expected: "table", found: entry.node.typeName), line: entry.keyPosition.line)
            return
        }
        let schools = schoolIDs.union(edits.addSchools.map(\.id))
        let inspectors = inspectorIDs.union(edits.addInspectors.map(\.id))
        for item in table.entries {
            guard ScenarioReader.pairKeys.contains(item.key) else {
                problem(.unknownKey(key: item.key, table: "pairs", suggestion: Vocabulary.nearest(to: item.key, among: ScenarioReader.pairKeys),
                                    accepted: ScenarioReader.pairKeys), line: item.keyPosition.line)
                continue
            }
            guard let bySchool = item.node.table else {
                problem(.wrongType(key: "pairs.\(item.key)", expected: "table of school id = inspector id", found: item.node.typeName),
                        line: item.keyPosition.line)
                continue
            }
            for pair in bySchool.entries {
                let schoolPlace: Place = (pair.keyPosition.line, pair.keyPosition.column)
                guard let school = School.ID(pair.key), schools.contains(school) else {
                    unknownSchool(pair.key, key: "pairs.\(item.key)", at: schoolPlace)
                    continue
                }
                let ids = pair.node.string.map { [($0, (pair.node.position.line, pair.node.position.column) as Place)] }
                    ?? idList(pair.node, key: "pairs.\(item.key).\(pair.key)", line: pair.node.position.line)
                for (text, place) in ids {
                    guard let inspector = Inspector.ID(text), inspectors.contains(inspector) else {
                        unknownInspector(text, key: "pairs.\(item.key)", at: place)
                        continue
                    }
                    if item.key == "pin" {
                        pairs.pinned[school] = inspector
                    } else {
                        pairs.forbidden.insert(PairRules.Pair(school: school, inspector: inspector))
                    }
                }
            }
        }
    }

    // MARK: Inspectors

    mutating func readInspectors(_ inspectors: TOMLEntry) {
        guard let table = inspectors.node.table else {
            problem(.wrongType(key: "inspectors", expected: "table", found: inspectors.node.typeName),
                    line: inspectors.keyPosition.line)
            return
        }
        for entry in readingOrder(table) {
            let line = entry.keyPosition.line
            switch entry.key {
            case "remove", "unavailable":
                for (id, place) in idList(entry.node, key: "inspectors.\(entry.key)", line: line) {
                    if let id = Inspector.ID(id), inspectorIDs.contains(id) {
                        if entry.key == "remove" { edits.removeInspectors.append(id) } else { edits.unavailable.append(id) }
                    } else {
                        unknownInspector(id, key: "inspectors.\(entry.key)", at: place)
                    }
                }
            case "add":
                readNewInspectors(entry.node, line: line)
            default:
                problem(.unknownKey(key: entry.key, table: "inspectors",
                                    suggestion: Vocabulary.nearest(to: entry.key, among: ScenarioReader.inspectorKeys),
                                    accepted: ScenarioReader.inspectorKeys), line: line)
            }
        }
    }

    mutating func readNewInspectors(_ node: TOMLNode, line: Int) {
        var taken = inspectorIDs
        let knownSchools = schoolIDs.union(edits.addSchools.map(\.id))
        var rows: [MemoryRow] = []
        for (table, position) in entries(node, key: "inspectors.add", line: line) {
            var fields = Fields(table: table, name: "inspectors.add", header: position.line, file: file)
            fields.rejectUnknown(ScenarioReader.newInspectorKeys)
            for key in ["id", "name", "employment", "zone"] where table[key] == nil { fields.missing(key) }
            if let status = table["status"]?.string, Vocabulary.isRetired(status) == true, table["retired_on"] == nil {
                fields.problem(.missingKey(key: "retired_on", table: "inspectors.add"), key: "status")
            }
            if let id = fields.string("id"), let inspectorID = Inspector.ID(id) {
                if taken.contains(inspectorID) { fields.problem(.duplicateID(id: id, key: "inspectors.add id"), key: "id") }
                taken.insert(inspectorID)
            }
            for (conflict, place) in fields.ids("conflicts") where !(School.ID(conflict).map(knownSchools.contains) ?? false) {
                fields.problems.append(InputProblem(
                    file: file, line: place.line, column: place.column,
                    issue: .unknownSchool(id: conflict, key: "inspectors.add conflicts",
                                         suggestion: Vocabulary.nearest(to: conflict, among: district.schools.map(\.id.rawValue)))))
            }
            var row = fields.row(ScenarioReader.newInspectorKeys)
            // A new inspector is in service and starts with no terms unless the entry says otherwise.
            if row.values["status"] == nil { row.values["status"] = MemoryValue("in_service", line: position.line) }
            if row.values["consecutive_terms"] == nil { row.values["consecutive_terms"] = MemoryValue("0", line: position.line) }
            rows.append(row)
            problems += fields.problems
        }
        // The values themselves (retirement dates against the term start, stages, caps …): checked by the
        // code that checks inspectors.csv, against the district's schools and the scenario's new ones.
        let policy = Policy(termStart: termStart)
        let schools = district.schools + edits.addSchools
        let (inspectors, found) = MemoryTables.inspectors(rows, file: file, schools: schools, policy: policy)
        problems += scenarioProblems(found, rows: rows)
        edits.addInspectors += inspectors
    }
}

/// The fields of one `[[schools.add]]` or `[[inspectors.add]]` entry, read with problems at their lines.
private struct Fields {
    let table: TOMLTable
    let name: String
    /// The line of the entry's `[[header]]` (or its `{`), for problems of the entry as a whole.
    let header: Int
    let file: String
    var problems: [InputProblem] = []

    init(table: TOMLTable, name: String, header: Int, file: String) {
        self.table = table
        self.name = name
        self.header = header
        self.file = file
    }

    /// The line of `key`, or of the entry's header when the key is not there.
    func line(_ key: String) -> Int { table.entry(key)?.keyPosition.line ?? header }

    mutating func problem(_ kind: ScenarioIssue, key: String) {
        problems.append(InputProblem(file: file, line: line(key), issue: kind))
    }

    mutating func rejectUnknown(_ accepted: [String]) {
        for key in table.keys where !accepted.contains(key) {
            problem(.unknownKey(key: key, table: name, suggestion: Vocabulary.nearest(to: key, among: accepted), accepted: accepted),
                    key: key)
        }
    }

    /// A required key the entry lacks, reported at the entry's header.
    mutating func missing(_ key: String) {
        problems.append(InputProblem(file: file, line: header, issue: .missingKey(key: key, table: name)))
    }

    /// A non-empty string (reported when of another type), or `nil` when absent.
    mutating func string(_ key: String) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string?.trimmedWhitespace, !text.isEmpty else {
            problem(.wrongType(key: key, expected: "non-empty string", found: value.typeName), key: key)
            return nil
        }
        return text
    }

    /// The entry as a row of text values (as a CSV cell would hold them), each at its own line; values of a
    /// type no cell holds (a table, an array of non-strings) are reported here and left out.
    mutating func row(_ accepted: [String]) -> MemoryRow {
        var values: [String: MemoryValue] = [:]
        for key in accepted {
            guard let value = table[key] else { continue }
            let line = value.position.line
            if let text = value.string {
                values[key] = MemoryValue(text.trimmedWhitespace, line: line)
            } else if let number = value.integer {
                values[key] = MemoryValue(String(number), line: line)
            } else if let number = value.double {
                values[key] = MemoryValue(String(number), line: line)
            } else if let flag = value.bool {
                values[key] = MemoryValue(flag ? "true" : "false", line: line)
            } else if let date = value.dateTime, date.kind == .localDate, let year = date.year, let month = date.month,
                      let dayOfMonth = date.day, let day = Day(year: year, month: month, day: dayOfMonth) {
                values[key] = MemoryValue(day.description, line: line)
            } else if let array = value.array {
                // Ids keep their places for the scenario's own check (conflicts); other lists are checked here.
                let items = key == "conflicts" ? array.compactMap { $0.string?.trimmedWhitespace } : ids(key).map(\.0)
                values[key] = MemoryValue(items.joined(separator: ";"), line: line)
            } else {
                problem(.wrongType(key: key, expected: "string or number", found: value.typeName), key: key)
            }
        }
        return MemoryRow(line: header, values: values)
    }

    /// An array of strings (or one `;`-separated string), each with its place: the element's line and
    /// column (for one string, the string's).
    mutating func ids(_ key: String) -> [(String, Place)] {
        guard let value = table[key] else { return [] }
        if let text = value.string {
            return Vocabulary.list(text).map { ($0, (value.position.line, value.position.column)) }
        }
        guard let array = value.array else {
            problem(.wrongType(key: key, expected: "array of strings", found: value.typeName), key: key)
            return []
        }
        var result: [(String, Place)] = []
        for element in array {
            guard let text = element.string else {
                problem(.wrongType(key: key, expected: "string", found: element.typeName), key: key)
                continue
            }
            result.append((text.trimmedWhitespace, (element.position.line, element.position.column)))
        }
        return result
    }
}
