#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DuxueDomain
import TOMLKit

/// Reads staffing policies: named presets (`Data/policies/NAME.toml`), policy files, and a district
/// folder's own `policy.toml`. Keys a file leaves out take the combined defaults (`Policy(termStart:)`).
public enum PolicyReader {
    /// The presets shipped in `Data/policies`.
    public static let presetNames = ["national", "zaozhuang", "tianjin", "chongqing", "wusheng", "hainan", "combined"]
    /// The preset used when nothing else is given.
    public static let defaultPreset = "combined"
    /// A district folder's own policy file.
    public static let folderPolicyFile = "policy.toml"
    /// Keys whose source can be cited in `[sources]`.
    public static let citableKeys = [
        "schools_per_inspector", "large_school_enrollment", "min_full_time_share", "max_years_retired", "term_years",
        "max_consecutive_terms", "zones", "staffing", "max_terms_same_school",
    ]
    /// Every key a policy file may set.
    public static let knownKeys = ["name", "term_start"] + citableKeys + ["sources"]

    /// Loads a preset by name (looked up in `presetsFolder`) or a policy file by path; `nil` means the
    /// combined preset. The term start is `termStart` if given, else the file's `term_start`, else `today`.
    public static func load(nameOrPath: String?, termStart override: Day?, presetsFolder: String,
                            today: Day = localToday()) throws(InputError) -> Policy {
        let requested = (nameOrPath ?? defaultPreset).trimmedWhitespace
        let lowered = requested.lowercased()
        let presetPath = FileSystem.join(presetsFolder, lowered + ".toml")
        if presetNames.contains(lowered) {
            if FileSystem.exists(presetPath) {
                return try load(file: presetPath, name: lowered, termStart: override, today: today)
            }
            if lowered == defaultPreset {
                // The combined preset is the domain's defaults; use them when the preset file is not installed.
                return Policy(termStart: override ?? today)
            }
            throw .invalid([InputProblem(
                file: presetPath, line: nil, kind: .presetMissing(name: lowered, path: presetPath))])
        }
        let looksLikeName = !requested.contains("/") && !requested.contains(".")
        if looksLikeName, !FileSystem.exists(requested), FileSystem.exists(presetPath) {
            return try load(file: presetPath, name: lowered, termStart: override, today: today)
        }
        if FileSystem.exists(requested), !FileSystem.isFolder(requested) {
            return try load(file: requested, name: requested, termStart: override, today: today)
        }
        let suggestion = Vocabulary.nearest(to: requested, among: presetNames)
        throw .invalid([InputProblem(
            file: requested, line: nil,
            kind: .policyNotFound(nameOrPath: requested, presets: presetNames, suggestion: suggestion))])
    }

    /// The policy for a district folder: `option` (a `--policy` value) if given, else the folder's
    /// `policy.toml` if present, else the combined preset.
    public static func load(districtFolder: String, option: String?, termStart override: Day?, presetsFolder: String,
                            today: Day = localToday()) throws(InputError) -> Policy {
        if let option {
            return try load(nameOrPath: option, termStart: override, presetsFolder: presetsFolder, today: today)
        }
        let path = FileSystem.join(districtFolder, folderPolicyFile)
        if FileSystem.exists(path) { return try load(file: path, name: path, termStart: override, today: today) }
        return try load(nameOrPath: defaultPreset, termStart: override, presetsFolder: presetsFolder, today: today)
    }

    /// Reads a policy file (UTF-8 or GBK).
    public static func load(file path: String, name: String, termStart override: Day?, today: Day = localToday())
        throws(InputError) -> Policy
    {
        let problems = ProblemCollector(file: path)
        guard let decoded = TableLoading.readText(path: path, problems: problems) else {
            throw .invalid(problems.finished())
        }
        return try parse(decoded.text, file: path, name: name, termStart: override, today: today)
    }

    /// Parses policy TOML text; `file` names it in problems, `name` becomes the policy's name unless the
    /// text sets `name`. All problems are collected before throwing.
    public static func parse(_ text: String, file: String, name: String, termStart override: Day?,
                             today: Day = localToday()) throws(InputError) -> Policy {
        let problems = ProblemCollector(file: file)
        let unsafe = TOMLGuard.problems(in: text, file: file)
        if !unsafe.isEmpty { throw .invalid(unsafe) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            if let parseError = error as? TOMLParseError {
                let begin = parseError.source.begin
                problems.add(.tomlSyntax(detail: lowerFirst(parseError.description)), line: begin.line,
                             column: InputProblem.Column(name: "", index: begin.column))
            } else {
                problems.add(.tomlSyntax(detail: lowerFirst("\(error)")), line: nil)
            }
            throw .invalid(problems.finished())
        }
        let lines = KeyLines(text)
        var policy = Policy(termStart: override ?? today)
        policy.name = name
        var fileTermStart: Day?
        var setKeys: Set<String> = []
        var cited: [String: Citation] = [:]
        for key in table.keys.sorted(by: { (lines.top($0) ?? 0) < (lines.top($1) ?? 0) }) {
            guard let value = table[key] else { continue }
            let reader = ValueReader(key: key, value: value, line: lines.top(key), problems: problems)
            switch key {
            case "name":
                if let text = reader.string() { policy.name = text }
            case "term_start":
                fileTermStart = reader.day()
            case "schools_per_inspector":
                if let number = reader.integer(minimum: 1) { policy.schoolsPerInspector = number }
            case "large_school_enrollment":
                if let number = reader.integer(minimum: 1) { policy.largeSchoolEnrollment = number }
            case "max_years_retired":
                if let number = reader.integer(minimum: 0) { policy.maxYearsRetired = number }
            case "term_years":
                if let number = reader.integer(minimum: 1) { policy.termYears = number }
            case "max_consecutive_terms":
                if let number = reader.integer(minimum: 1) { policy.maxConsecutiveTerms = number }
            case "max_terms_same_school":
                if let number = reader.integer(minimum: 1) { policy.maxTermsSameSchool = number }
            case "min_full_time_share":
                if let share = reader.fraction() { policy.minFullTimeShare = share }
            case "zones":
                if let mode = reader.choice(ZoneMode.allCases.map(\.rawValue), ZoneMode.init(rawValue:)) {
                    policy.zones = mode
                }
            case "staffing":
                if let mode = reader.choice(Staffing.allCases.map(\.rawValue), Staffing.init(rawValue:)) {
                    policy.staffing = mode
                }
            case "sources":
                cited = readSources(value, lines: lines, problems: problems)
            default:
                problems.add(
                    .unknownKey(key: key, table: nil, suggestion: Vocabulary.nearest(to: key, among: knownKeys),
                                accepted: knownKeys),
                    line: lines.top(key))
            }
            setKeys.insert(key)
        }
        // A value that differs from the combined default and cites nothing is the district's own choice.
        let defaults = Policy(termStart: policy.termStart)
        for key in setKeys where citableKeys.contains(key) {
            if let mine = settingText(key, policy), mine != settingText(key, defaults) {
                policy.sources[key] = .districtChoice
            }
        }
        for (key, citation) in cited { policy.sources[key] = citation }
        if override == nil, let fileTermStart { policy.termStart = fileTermStart }
        if problems.hasErrors {
            throw .invalid(problems.finished())
        }
        return policy
    }

    /// Today's date in local time (clamped into 1900–2999 should the system clock be far off; the
    /// report always shows the term start used, and `--term-start` sets it explicitly).
    public static func localToday() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let year = min(max(Int(parts.tm_year) + 1900, 1900), 2999)
        return Day(year: year, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(januaryFirstOf: year)
    }

    /// "document clause" → Citation: the last word is the clause when it looks like one (starts with § or
    /// 第, ends with 条/款/项, or holds brackets, as in 三(二)); otherwise the whole text is the document.
    public static func citation(from text: String) -> Citation {
        let trimmed = text.trimmedWhitespace
        guard let space = trimmed.lastIndex(where: { $0 == " " || $0 == "\u{3000}" }) else {
            return Citation(trimmed, "")
        }
        let clause = String(trimmed[trimmed.index(after: space)...])
        let looksLikeClause =
            clause.hasPrefix("§") || clause.hasPrefix("第") || clause.hasSuffix("条") || clause.hasSuffix("款")
            || clause.hasSuffix("项") || clause.contains("(") || clause.contains("（")
        guard looksLikeClause else { return Citation(trimmed, "") }
        return Citation(String(trimmed[..<space]).trimmedWhitespace, clause)
    }

    /// A policy setting as text, for comparing with the defaults.
    private static func settingText(_ key: String, _ policy: Policy) -> String? {
        switch key {
        case "schools_per_inspector": "\(policy.schoolsPerInspector)"
        case "large_school_enrollment": "\(policy.largeSchoolEnrollment)"
        case "min_full_time_share": "\(policy.minFullTimeShare)"
        case "max_years_retired": "\(policy.maxYearsRetired)"
        case "term_years": "\(policy.termYears)"
        case "max_consecutive_terms": "\(policy.maxConsecutiveTerms)"
        case "max_terms_same_school": policy.maxTermsSameSchool.map { "\($0)" } ?? "off"
        case "zones": policy.zones.rawValue
        case "staffing": policy.staffing.rawValue
        default: nil
        }
    }

    private static func readSources(_ value: TOMLValueConvertible, lines: KeyLines, problems: ProblemCollector)
        -> [String: Citation]
    {
        guard let table = value.table else {
            problems.add(.wrongType(key: "sources", expected: "table", found: value.type.description),
                         line: lines.top("sources"))
            return [:]
        }
        var result: [String: Citation] = [:]
        for key in table.keys {
            guard let entry = table[key] else { continue }
            let line = lines.inTable("sources", key) ?? lines.top("sources")
            guard citableKeys.contains(key) else {
                problems.add(
                    .unknownKey(key: key, table: "sources", suggestion: Vocabulary.nearest(to: key, among: citableKeys),
                                accepted: citableKeys),
                    line: line)
                continue
            }
            if let text = entry.string {
                result[key] = citation(from: text)
            } else if let array = entry.array, (1...2).contains(array.count),
                let document = array[0].string, let clause = array.count == 2 ? array[1].string : ""
            {
                result[key] = Citation(document, clause)
            } else {
                problems.add(.wrongType(key: "sources.\(key)", expected: "string", found: entry.type.description),
                             line: line)
            }
        }
        return result
    }

    private static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

/// Reads one policy value, reporting type and range problems at its line.
private struct ValueReader {
    let key: String
    let value: TOMLValueConvertible
    let line: Int?
    let problems: ProblemCollector

    private var typeName: String { value.type.description }

    private func wrongType(_ expected: String) {
        problems.add(.wrongType(key: key, expected: expected, found: typeName), line: line)
    }

    func string() -> String? {
        guard let text = value.string else {
            wrongType("string")
            return nil
        }
        return text
    }

    func integer(minimum: Int) -> Int? {
        guard let number = value.int else {
            wrongType("integer")
            return nil
        }
        guard number >= minimum else {
            problems.add(.outOfRange(key: key, value: "\(number)", minimum: minimum, maximum: nil), line: line)
            return nil
        }
        return number
    }

    func fraction() -> Double? {
        guard let number = value.double ?? value.int.map(Double.init) else {
            wrongType("number")
            return nil
        }
        guard number.isFinite, (0...1).contains(number) else {
            problems.add(.outOfRange(key: key, value: Self.format(number), minimum: 0, maximum: 1), line: line)
            return nil
        }
        return number
    }

    func choice<T>(_ accepted: [String], _ make: (String) -> T?) -> T? {
        guard let text = string() else { return nil }
        guard let result = make(Vocabulary.normalizedWord(text)) else {
            problems.add(.badChoice(value: text, key: key, accepted: accepted), line: line)
            return nil
        }
        return result
    }

    func day() -> Day? {
        if let date = value.date {
            guard let day = Day(year: date.year, month: date.month, day: date.day) else {
                problems.add(.badDate(value: date.debugDescription), line: line)
                return nil
            }
            return day
        }
        if let text = value.string {
            guard let day = Vocabulary.day(text) else {
                problems.add(.badDate(value: text), line: line)
                return nil
            }
            return day
        }
        wrongType("date")
        return nil
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

/// Where keys are written in a TOML text, found by scanning lines for `key =` and `[table]`.
private struct KeyLines {
    private var topLevel: [String: Int] = [:]
    private var tables: [String: [String: Int]] = [:]

    init(_ text: String) {
        var section: String?
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let name = line.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingSpaces
                section = name
                if topLevel[name] == nil { topLevel[name] = number }
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            var key = line[..<equals].trimmingSpaces
            if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
            guard !key.isEmpty else { continue }
            var table = section
            let dotted = key.split(separator: ".", maxSplits: 1).map { String($0).trimmingSpaces }
            if dotted.count == 2 {
                if section == nil, topLevel[dotted[0]] == nil { topLevel[dotted[0]] = number }
                table = section.map { "\($0).\(dotted[0])" } ?? dotted[0]
                key = dotted[1]
            }
            if let table {
                if tables[table, default: [:]][key] == nil { tables[table, default: [:]][key] = number }
            } else if topLevel[key] == nil {
                topLevel[key] = number
            }
        }
    }

    /// The line of a top-level key or table.
    func top(_ key: String) -> Int? { topLevel[key] }

    /// The line of a key inside a table.
    func inTable(_ table: String, _ key: String) -> Int? { tables[table]?[key] }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
