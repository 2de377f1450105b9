#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DuxueDomain
import DuxueTOML

/// Reads staffing policies: presets by name, policy files, and a district folder's own `policy.toml`.
///
/// A policy file starts from the preset it names (`preset = "hainan"`), or from `national` when it names
/// none, and sets any keys of ``PolicyKey/all`` over it; `[sources]` cites the document of a value. Keys a
/// file sets always apply: setting `large_school_enrollment` turns the 1:1 rule on (unless
/// `large_school_rule` says otherwise), setting `min_full_time_share` or `max_years_retired` turns that
/// rule on. A value the file sets that differs from its preset, and that it does not cite, is the
/// district's own choice (本区县设定).
public enum PolicyReader {
    /// The presets built into Duxue (``Presets/all``).
    public static var presetNames: [String] { Presets.names }
    /// The preset a policy file starts from when it names none.
    public static let basePreset = "national"
    /// A district folder's own policy file.
    public static let folderPolicyFile = "policy.toml"
    /// Keys whose source can be cited in `[sources]`.
    public static var citableKeys: [String] { PolicyKey.citableKeys }
    /// Every key a policy file may set, and the `[sources]` table.
    public static var knownKeys: [String] { PolicyKey.all.map(\.name) + ["sources"] }
    /// Keys that describe the district, not its rules: a preset chosen with `--policy NAME` keeps them
    /// from the district's own `policy.toml`.
    public static let districtFacts = ["term_start", "district_name"]

    /// Loads a preset by name or a policy file by path; `nil` means the base preset. The term start is
    /// `termStart` if given, else the file's `term_start`, else `today` (then marked as not stated).
    public static func load(nameOrPath: String?, termStart override: Day?, today: Day = localToday())
        throws(InputError) -> Policy
    {
        let requested = (nameOrPath ?? basePreset).trimmedWhitespace
        if let preset = Presets.named(requested.lowercased()) {
            return presetPolicy(preset, termStart: override, today: today)
        }
        if FileSystem.exists(requested), !FileSystem.isFolder(requested) {
            return try load(file: requested, name: requested, termStart: override, today: today)
        }
        let suggestion = Vocabulary.nearest(to: requested, among: presetNames)
        throw .invalid([InputProblem(
            file: requested, line: nil,
            kind: .policyNotFound(nameOrPath: requested, presets: presetNames, suggestion: suggestion))])
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
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw .invalid([problem(error, file: file)])
        }
        return try read(table, file: file, name: name, termStart: override, today: today)
    }

    /// A TOML error as an input problem at its line and column.
    public static func problem(_ error: TOMLError, file: String) -> InputProblem {
        InputProblem(
            file: file, line: error.position.line, column: InputProblem.Column(name: "", index: error.position.column),
            kind: .tomlError(english: error.english, chinese: error.chinese))
    }

    /// Builds the policy a parsed policy file describes. Every problem names its line and column.
    public static func read(_ written: TOMLTable, file: String, name: String, termStart override: Day?,
                            today: Day = localToday()) throws(InputError) -> Policy {
        let table = KeyAliases.canonical(written, KeyAliases.policy) { $0 == "sources" ? KeyAliases.sources : nil }
        let problems = ProblemCollector(file: file)
        var collisions = KeyAliases.collisions(written, KeyAliases.policy)
        if let sources = table["sources"]?.table { collisions += KeyAliases.collisions(sources, KeyAliases.sources) }
        for collision in collisions {
            let problem = KeyAliases.problem(collision, file: file)
            problems.add(problem.kind, line: problem.line, column: problem.column)
        }
        func add(_ kind: InputProblem.Kind, at position: TOMLPosition) {
            problems.add(kind, line: position.line, column: InputProblem.Column(name: "", index: position.column))
        }
        var preset = Presets.national
        if let entry = table.entry("preset") {
            if let word = entry.node.string, let found = Presets.named(word.trimmedWhitespace.lowercased()) {
                preset = found
            } else {
                let word = entry.node.string ?? entry.node.value.description
                add(.badChoice(value: word, key: "preset", accepted: presetNames), at: entry.node.position)
            }
        }
        let base = Presets.policy(preset, termStart: today)
        var policy = base
        policy.name = name
        policy.termStartStated = false
        var set: Set<String> = []
        var cited: [String: Citation] = [:]
        for entry in table.entries where entry.key != "preset" {
            if entry.key == "sources" {
                cited = readSources(entry, add: add)
                continue
            }
            guard let key = PolicyKey.named(entry.key) else {
                add(.unknownKey(key: entry.key, table: nil, suggestion: Vocabulary.nearest(to: entry.key, among: knownKeys),
                                accepted: knownKeys), at: entry.keyPosition)
                continue
            }
            guard let value = policyValue(entry.node, dateText: key.type == .date) else {
                add(.wrongType(key: key.name, expected: expectedType(key), found: entry.node.typeName), at: entry.node.position)
                continue
            }
            do {
                try key.assign(value, to: &policy)
                set.insert(key.name)
            } catch {
                add(kind(of: error, key: key.name, found: entry.node.typeName), at: entry.node.position)
            }
        }
        set.formUnion(PolicyKey.applyImplications(to: &policy, set: set))
        for keyName in set where PolicyKey.citableKeys.contains(keyName) {
            guard let key = PolicyKey.named(keyName), key.value(in: policy) != key.value(in: base) else { continue }
            policy.sources[keyName] = .districtChoice
        }
        for (key, citation) in cited { policy.sources[key] = citation }
        if let override {
            policy.termStart = override
            policy.termStartStated = true
        }
        if problems.hasErrors { throw .invalid(problems.finished()) }
        return policy
    }

    /// A preset's policy, with the term start given or (not stated) today.
    static func presetPolicy(_ preset: PolicyPreset, termStart override: Day?, today: Day) -> Policy {
        var policy = Presets.policy(preset, termStart: override ?? today)
        policy.termStartStated = override != nil
        return policy
    }

    /// `policy` with the district's own facts (term start, name) from `facts` where `policy` does not
    /// state them itself.
    static func keepingFacts(of facts: Policy, in policy: Policy) -> Policy {
        var result = policy
        if !policy.termStartStated {
            result.termStart = facts.termStart
            result.termStartStated = facts.termStartStated
        }
        result.districtName = policy.districtName ?? facts.districtName
        return result
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

    /// A TOML value as a policy value (`nil` for arrays and tables, which no key takes); with
    /// `dateText`, a string in any accepted date form (2026/9/1, 2026年9月1日) is a date.
    public static func policyValue(_ node: TOMLNode, dateText: Bool = false) -> PolicyValue? {
        switch node.value {
        case .integer(let n): return .integer(n)
        case .float(let x): return .number(x)
        case .string(let text):
            if dateText, let day = Vocabulary.day(text) { return .day(day) }
            return .text(text)
        case .boolean(let flag): return .boolean(flag)
        case .dateTime(let date):
            guard date.kind == .localDate, let year = date.year, let month = date.month, let day = date.day,
                let value = Day(year: year, month: month, day: day)
            else { return .text(date.description) }
            return .day(value)
        case .array, .table: return nil
        }
    }

    /// The input problem for a value that does not fit `key`.
    public static func kind(of problem: PolicyValueProblem, key: String, found: String = "string") -> InputProblem.Kind {
        switch problem {
        case .wrongType(let expected): .wrongType(key: key, expected: expected, found: found)
        case .outOfRange(let value, let minimum, let maximum): .outOfRange(key: key, value: value, minimum: minimum, maximum: maximum)
        case .badChoice(let value, let accepted): .badChoice(value: value, key: key, accepted: accepted)
        case .badDate(let value): .badDate(value: value)
        }
    }

    private static func expectedType(_ key: PolicyKey) -> String {
        switch key.type {
        case .integer, .integerOrOff: "integer"
        case .share: "number"
        case .choice, .text: "string"
        case .date: "date"
        }
    }

    private static func readSources(_ entry: TOMLEntry, add: (InputProblem.Kind, TOMLPosition) -> Void)
        -> [String: Citation]
    {
        guard let table = entry.node.table else {
            add(.wrongType(key: "sources", expected: "table", found: entry.node.typeName), entry.node.position)
            return [:]
        }
        var result: [String: Citation] = [:]
        for item in table.entries {
            guard citableKeys.contains(item.key) else {
                add(.unknownKey(key: item.key, table: "sources", suggestion: Vocabulary.nearest(to: item.key, among: citableKeys),
                                accepted: citableKeys), item.keyPosition)
                continue
            }
            if let text = item.node.string {
                result[item.key] = citation(from: text)
            } else if let array = item.node.array, (1...3).contains(array.count), let document = array[0].string,
                let clause = array.count >= 2 ? array[1].string : "", let quote = array.count == 3 ? array[2].string : ""
            {
                result[item.key] = Citation(document, clause, quote: quote)
            } else {
                add(.wrongType(key: "sources.\(item.key)", expected: "string", found: item.node.typeName), item.node.position)
            }
        }
        return result
    }
}
