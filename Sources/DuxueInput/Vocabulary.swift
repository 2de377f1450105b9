import DuxueDomain

/// A column a reader knows: its key, the header names it accepts, and whether it must be present.
public struct ColumnSpec: Hashable, Sendable {
    /// Canonical (English) key, e.g. "enrollment".
    public var key: String
    /// Accepted header names, the key first, e.g. ["enrollment", "在校生数"].
    public var names: [String]
    /// Whether the column must be present.
    public var required: Bool

    /// A column spec.
    public init(_ key: String, _ otherNames: [String] = [], required: Bool = false) {
        self.key = key
        names = [key] + otherNames
        self.required = required
    }
}

/// The column vocabularies of the district's files, with their Chinese aliases.
public enum Columns {
    /// schools.csv.
    public static let schools: [ColumnSpec] = [
        ColumnSpec("id", ["学校代码"], required: true),
        ColumnSpec("name", ["学校名称"], required: true),
        ColumnSpec("enrollment", ["在校生数"], required: true),
        ColumnSpec("zone", ["责任区"], required: true),
        ColumnSpec("stage", ["学段"]),
        ColumnSpec("large", ["大规模学校"]),
        ColumnSpec("lat", ["纬度"]),
        ColumnSpec("lon", ["经度"]),
    ]

    /// inspectors.csv.
    public static let inspectors: [ColumnSpec] = [
        ColumnSpec("id", ["督学编号"], required: true),
        ColumnSpec("name", ["姓名"], required: true),
        ColumnSpec("employment", ["专兼职"], required: true),
        ColumnSpec("status", ["在职状态"], required: true),
        ColumnSpec("retired_on", ["退休日期"]),
        ColumnSpec("consecutive_terms", ["已连任届数"], required: true),
        ColumnSpec("zone", ["责任区"], required: true),
        ColumnSpec("conflicts", ["回避学校"]),
        ColumnSpec("max_schools", ["最多负责学校数"]),
        ColumnSpec("stages", ["胜任学段"]),
        ColumnSpec("lat", ["纬度"]),
        ColumnSpec("lon", ["经度"]),
        ColumnSpec("phone", ["联系电话"]),
        ColumnSpec("training_hours", ["培训学时", "年度培训学时"]),
        ColumnSpec("assessment", ["考核结果", "考核等次", "年度考核"]),
        ColumnSpec("workplace", ["工作单位", "单位"]),
        ColumnSpec("level", ["级别", "督学级别"]),
        ColumnSpec("appointed_on", ["聘任日期", "聘任时间"]),
    ]

    /// A roster (roster.csv or a hand-made one). A school is given by its id or its name, an inspector by
    /// id or name (``alternatives``; names are matched to the district later).
    public static let roster: [ColumnSpec] = [
        ColumnSpec("school_id", ["学校代码", "学校编号"], required: true),
        ColumnSpec("school_name", ["学校名称", "学校"]),
        ColumnSpec("inspector_id", ["督学编号"], required: true),
        ColumnSpec("employment", ["专兼职"]),
        ColumnSpec("zone", ["责任区"]),
        ColumnSpec("inspector_zone", ["督学责任区"]),
        ColumnSpec("inspector_name", ["督学姓名", "责任督学"]),
        ColumnSpec("term_start", ["任期开始日期", "任期开始"]),
        ColumnSpec("pair_terms", ["本校连续届数", "挂牌届数"]),
    ]

    /// A pairs file (pinned and forbidden inspector–school pairs).
    public static let pairs: [ColumnSpec] = [
        ColumnSpec("school_id", ["学校代码", "学校编号"], required: true),
        ColumnSpec("inspector_id", ["督学编号"], required: true),
        ColumnSpec("rule", ["规则", "类型"], required: true),
    ]

    /// A required column and the column that may stand in for it when both are in a table's specs.
    static let alternatives = ["school_id": "school_name", "inspector_id": "inspector_name"]

    /// Columns offices keep that Duxue does not read (yet): ignored without an unknown-column warning.
    public static let ignoredExtras: [String] = [
        "序号", "性别", "民族", "年龄", "出生年月", "出生日期", "政治面貌", "学历", "职务", "职称", "督学证号",
        "督学证编号", "证书编号", "聘任文号", "任命文号", "身份证号", "身份证号码", "备注", "学校地址", "地址",
        "校长", "校长姓名", "办学性质", "学校类型", "电子邮箱", "邮箱",
        // Written by Duxue's own roster beside each inspector (the pool's 工作单位 column).
        "工作单位",
    ]

    /// Extra columns not carried through: a row number belongs to the sheet it was typed in.
    static let notCarried: Set<String> = [Vocabulary.normalizedHeader("序号")]

    /// The Chinese name of a key, for messages ("enrollment" → "在校生数").
    static func chineseName(_ key: String) -> String {
        let names: [String: String] = [
            "id": "编号", "name": "名称", "enrollment": "在校生数", "zone": "责任区", "stage": "学段",
            "large": "大规模学校", "lat": "纬度", "lon": "经度", "employment": "专兼职", "status": "在职状态",
            "retired_on": "退休日期", "consecutive_terms": "已连任届数", "conflicts": "回避学校",
            "max_schools": "最多负责学校数", "stages": "胜任学段", "phone": "联系电话",
            "school_id": "学校代码", "school_name": "学校名称", "inspector_id": "督学编号", "training_hours": "培训学时",
            "inspector_zone": "督学责任区", "term_start": "任期开始日期", "pair_terms": "本校连续届数",
            "inspector_name": "督学姓名", "rule": "规则", "assessment": "考核结果", "workplace": "工作单位", "level": "级别", "appointed_on": "聘任日期",
        ]
        return names[key] ?? key
    }
}

/// Where a table's columns are, after matching the header.
struct HeaderMap {
    /// Key → 0-based field index.
    var indexByKey: [String: Int] = [:]
    /// Key → header as written.
    var nameByKey: [String: String] = [:]
    /// Number of header fields.
    var width = 0
    /// Columns offices keep (``Columns/ignoredExtras``, except 序号) as written, with their 0-based
    /// field index, in the header's order: carried through, never read by a rule.
    var officeColumns: [(name: String, index: Int)] = []

    /// The column reference of a key, for problems.
    func column(_ key: String) -> InputProblem.Column? {
        guard let index = indexByKey[key] else { return nil }
        return InputProblem.Column(name: nameByKey[key] ?? key, index: index + 1)
    }

    /// The office's own columns of a record that hold a value (``officeColumns``).
    func officeValues(in record: TableRecord) -> [OfficeColumn] {
        officeColumns.compactMap { column in
            let value = record[column.index] ?? ""
            return value.isEmpty ? nil : OfficeColumn(name: column.name, value: value)
        }
    }

    /// The trimmed value of a key's field in a record ("" when the column is absent).
    func value(_ key: String, in record: TableRecord) -> String {
        guard let index = indexByKey[key] else { return "" }
        return record[index] ?? ""
    }

    /// Whether a row looks like the header of a table of `specs`: at least two of its cells name a known
    /// column (or a column offices keep, ``Columns/ignoredExtras``).
    static func looksLikeHeader(_ record: TableRecord, specs: [ColumnSpec]) -> Bool {
        var names = Set(Columns.ignoredExtras.map(Vocabulary.normalizedHeader))
        for spec in specs { for name in spec.names { names.insert(Vocabulary.normalizedHeader(name)) } }
        var known = 0
        for field in record.fields where names.contains(Vocabulary.normalizedHeader(field.value)) {
            known += 1
            if known >= 2 { return true }
        }
        return false
    }

    /// Matches a header record against column specs, reporting missing, unknown and duplicate columns.
    /// Columns in ``Columns/ignoredExtras`` are ignored without a word.
    static func match(_ header: TableRecord, specs: [ColumnSpec], reportUnknown: Bool,
                      problems: ProblemCollector) -> HeaderMap {
        var map = HeaderMap(width: header.fields.count)
        var lookup: [String: String] = [:]
        for spec in specs { for name in spec.names { lookup[Vocabulary.normalizedHeader(name)] = spec.key } }
        let extras = Set(Columns.ignoredExtras.map(Vocabulary.normalizedHeader))
        var unknown: [(field: TableField, normalized: String)] = []
        for field in header.fields {
            let normalized = Vocabulary.normalizedHeader(field.value)
            let here = InputProblem.Column(name: field.value.trimmedHeader, index: field.column)
            guard let key = lookup[normalized] else {
                if !normalized.isEmpty && !extras.contains(normalized) { unknown.append((field, normalized)) }
                if extras.contains(normalized), !Columns.notCarried.contains(normalized),
                    !map.officeColumns.contains(where: { Vocabulary.normalizedHeader($0.name) == normalized })
                {
                    map.officeColumns.append((field.value.trimmedHeader, field.column - 1))
                }
                continue
            }
            if let first = map.indexByKey[key] {
                problems.add(.duplicateColumn(key: key, firstColumn: first + 1), line: header.line, column: here)
            } else {
                map.indexByKey[key] = field.column - 1
                map.nameByKey[key] = field.value.trimmedHeader
            }
        }
        let allNames = specs.flatMap(\.names)
        var lookalikes: [String: String] = [:]  // key → header that looks like it
        for (field, normalized) in unknown {
            let suggestion = Vocabulary.nearest(to: normalized, among: allNames)
            if let suggestion, let key = lookup[Vocabulary.normalizedHeader(suggestion)],
                map.indexByKey[key] == nil
            {
                lookalikes[key] = lookalikes[key] ?? field.value.trimmedHeader
            }
            if reportUnknown {
                problems.add(
                    .unknownColumn(header: field.value.trimmedHeader, suggestion: suggestion), line: header.line,
                    column: InputProblem.Column(name: field.value.trimmedHeader, index: field.column),
                    severity: .warning)
            }
        }
        for spec in specs where spec.required && map.indexByKey[spec.key] == nil {
            // A column that may stand in for it (a roster's school or inspector by name) will do.
            let alternative = Columns.alternatives[spec.key].flatMap { key in specs.first { $0.key == key } }
            if let alternative, map.indexByKey[alternative.key] != nil { continue }
            problems.add(
                .missingColumn(key: spec.key, accepted: spec.names + (alternative?.names ?? []), lookalike: lookalikes[spec.key]),
                line: header.line)
        }
        return map
    }
}

extension String {
    /// Trimmed of white space and byte-order marks, for showing a header.
    var trimmedHeader: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace || first == "\u{FEFF}" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last.properties.isWhitespace || last == "\u{FEFF}" {
            scalars = scalars.dropLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// Outcome of reading a date.
enum DateReading: Equatable {
    case day(Day)
    /// Written year last ("5/6/2023", "31/5/2023"): the valid readings, month-first then day-first.
    case yearLast([Day])
    case invalid
}

/// Outcome of reading a whole number.
enum WholeNumberReading: Equatable {
    case value(Int)
    case problem(NumberIssue)
}

/// Value parsing shared by the readers: aliases, Chinese words, lists, dates and numbers.
public enum Vocabulary {
    /// The accepted date formats, for messages.
    public static let dateFormats = ["YYYY-MM-DD", "YYYY/M/D", "YYYY.M.D", "YYYY年M月D日"]

    /// A header as compared: trimmed (white space and BOM), line breaks inside removed (a header typed on
    /// two lines of a cell), lower-cased, spaces and hyphens as underscores.
    public static func normalizedHeader(_ text: String) -> String {
        normalizedWord(String(text.trimmedHeader.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }))
    }

    /// A value as compared: trimmed, full-width letters and digits made ASCII, lower-cased, spaces and
    /// hyphens as underscores.
    public static func normalizedWord(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in asciiForms(text.trimmedHeader).lowercased().unicodeScalars {
            result.append(scalar == " " || scalar == "-" ? "_" : scalar)
        }
        return String(result)
    }

    /// Full-width digits, letters and the signs `-.+/` as their ASCII forms.
    public static func asciiForms(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.append(ascii)
            } else if scalar == "\u{3000}" {
                result.append(" ")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The closest of `candidates` to `text` by edit distance (case-insensitive), if close enough to be
    /// a likely typo.
    public static func nearest(to text: String, among candidates: [String]) -> String? {
        let word = normalizedWord(text)
        guard !word.isEmpty else { return nil }
        let limit = word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3
        var best: (name: String, distance: Int)?
        let length = word.count
        for candidate in candidates {
            let name = normalizedWord(candidate)
            // Lengths further apart than the limit cannot be within it (and a huge header costs nothing).
            guard abs(name.count - length) <= limit else { continue }
            let distance = editDistance(word, name)
            if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    // MARK: Choices

    /// Accepted employment values, for messages.
    public static let employmentNames = ["full_time", "part_time", "专职", "兼职"]
    /// Accepted status values, for messages.
    public static let statusNames = ["in_service", "retired", "在职", "退休"]
    /// Accepted yes/no values, for messages.
    public static let booleanNames = ["是", "否", "yes", "no", "true", "false", "y", "n", "1", "0"]
    /// Accepted stage values, for messages (the domain's names in English and Chinese).
    public static let stageNames: [String] = Stage.allCases.map(\.rawValue) + Stage.allCases.map(\.chineseName)

    /// full_time/part_time, 专职/兼职.
    public static func employment(_ text: String) -> Employment? {
        switch normalizedWord(text) {
        case "full_time", "fulltime", "专职": .fullTime
        case "part_time", "parttime", "兼职": .partTime
        default: nil
        }
    }

    /// in_service/retired, 在职/退休: `true` for retired.
    public static func isRetired(_ text: String) -> Bool? {
        switch normalizedWord(text) {
        case "in_service", "inservice", "active", "在职", "在岗": false
        case "retired", "退休", "已退休": true
        default: nil
        }
    }

    /// Accepted assessment results, for messages.
    public static let assessmentNames = ["优秀", "良好", "合格", "称职", "基本合格", "基本称职", "不合格", "不称职", "passed", "failed"]
    /// Accepted levels, for messages.
    public static let levelNames = ["区县督学", "区级", "县级", "市级督学", "市级", "county", "city"]

    /// 优秀/良好/合格/称职 → passed, 基本合格/基本称职 → basically passed, 不合格/不称职 → failed.
    public static func assessment(_ text: String) -> Assessment? {
        switch normalizedWord(text) {
        case "优秀", "良好", "合格", "称职", "passed", "pass", "good", "excellent": .passed
        case "基本合格", "基本称职", "basically_passed": .basicallyPassed
        case "不合格", "不称职", "failed", "fail": .failed
        default: nil
        }
    }

    /// 区县督学 (区级, 县级) → county, 市级督学 → city.
    public static func level(_ text: String) -> InspectorLevel? {
        switch normalizedWord(text) {
        case "区县督学", "区级", "县级", "区级督学", "县级督学", "区县级", "county": .county
        case "市级督学", "市级", "市督学", "市政府督学", "city": .city
        default: nil
        }
    }

    /// 是/否, yes/no, true/false, y/n, 1/0.
    public static func boolean(_ text: String) -> Bool? {
        switch normalizedWord(text) {
        case "是", "yes", "true", "y", "1", "对": true
        case "否", "no", "false", "n", "0", "不是": false
        default: nil
        }
    }

    private static let stageAliases: [String: Stage] = {
        var table: [String: Stage] = [:]
        for stage in Stage.allCases {
            table[stage.rawValue] = stage
            table[stage.chineseName] = stage
        }
        let extra: [Stage: [String]] = [
            .kindergarten: ["学前", "学前教育", "幼儿教育", "幼儿园学校", "preschool"],
            .primary: ["小学校", "primary_school", "完全小学", "完小"],
            .junior: ["初级中学", "初中学校", "junior_high", "middle", "middle_school"],
            .senior: ["高级中学", "普通高中", "普通高级中学", "senior_high", "high_school", "high"],
            .nineYear: ["九年制", "九年一贯", "九年一贯制学校", "九年制学校", "nineyear", "9_year"],
            .twelveYear: ["十二年制", "十二年一贯", "十二年一贯制学校", "十二年制学校", "twelveyear", "12_year"],
            .vocational: ["中等职业学校", "中等职业教育", "职高", "职业高中", "中专", "职业学校", "职中"],
            .special: ["特殊教育学校", "特教", "特校", "特殊学校"],
            .other: ["其它"],
        ]
        for (stage, names) in extra { for name in names { table[name] = stage } }
        return table
    }()

    /// A stage by its English key, Chinese name, or a common Chinese variant (初级中学, 九年制, 职高 …).
    public static func stage(_ text: String) -> Stage? { stageAliases[normalizedWord(text)] }

    /// Splits a list on `;`, `；` or `、`, trimming items and dropping empty ones.
    public static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "、" })
            .map { String($0).trimmedWhitespace }
            .filter { !$0.isEmpty }
    }

    // MARK: Dates and numbers

    /// A date in one of the accepted formats: YYYY-MM-DD (also YYYY-M-D), YYYY/M/D, YYYY.M.D, YYYY年M月D日.
    public static func day(_ text: String) -> Day? {
        if case .day(let day) = readDay(text) { return day }
        return nil
    }

    static func readDay(_ text: String) -> DateReading {
        let ascii = asciiForms(text.trimmedWhitespace)
        var parts: [Substring]
        if ascii.hasSuffix("日") || ascii.contains("年") {
            let body = ascii.hasSuffix("日") ? ascii.dropLast() : Substring(ascii)
            parts = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "年" || $0 == "月" })
            guard ascii.contains("年"), ascii.contains("月") else { return .invalid }
        } else if let separator = ascii.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) {
            parts = ascii.split(separator: separator, omittingEmptySubsequences: false)
        } else {
            return .invalid
        }
        if parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let year = Int(parts[2]),
            let first = Int(parts[0]), let second = Int(parts[1])
        {
            // Year last is never guessed: month-first and day-first are both in use.
            var readings: [Day] = []
            for day in [Day(year: year, month: first, day: second), Day(year: year, month: second, day: first)] {
                if let day, !readings.contains(day) { readings.append(day) }
            }
            return readings.isEmpty ? .invalid : .yearLast(readings)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
            (1...2).contains(parts[2].count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let result = Day(year: year, month: month, day: day)
        else { return .invalid }
        return .day(result)
    }

    /// A whole number ≥ `minimum` ("1200", "１２００", "1200.0"); the issue otherwise.
    static func wholeNumber(_ text: String, minimum: Int) -> WholeNumberReading {
        var body = Substring(asciiForms(text.trimmedWhitespace))
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        var integerPart = body, fraction = Substring("")
        if let dot = body.firstIndex(of: ".") {
            integerPart = body[..<dot]
            fraction = body[body.index(after: dot)...]
        }
        guard !(integerPart.isEmpty && fraction.isEmpty), integerPart.allSatisfy(\.isASCIIDigit),
            fraction.allSatisfy(\.isASCIIDigit)
        else { return .problem(.nonNumeric) }
        let whole = fraction.allSatisfy { $0 == "0" }
        let isZero = integerPart.allSatisfy { $0 == "0" } && whole
        if negative && !isZero { return .problem(.negative) }
        if !whole { return .problem(.fractional) }
        guard integerPart.count <= 9, let value = Int(integerPart.isEmpty ? "0" : integerPart) else {
            return .problem(.tooLarge)
        }
        if value < minimum { return .problem(minimum == 0 ? .negative : .belowMinimum(minimum)) }
        return .value(value)
    }

    /// Whether a text looks like a number Excel wrote in scientific notation ("1.38001E+10").
    static func looksLikeScientificNotation(_ text: String) -> Bool {
        let parts = text.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, let mantissa = parts.first, let exponent = parts.last, exponent.hasPrefix("+") else {
            return false
        }
        return !mantissa.isEmpty && mantissa.allSatisfy { $0.isASCIIDigit || $0 == "." }
            && exponent.count > 1 && exponent.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// A finite decimal number ("34.86", "３４.８６").
    static func decimal(_ text: String) -> Double? {
        let ascii = asciiForms(text.trimmedWhitespace)
        guard let value = Double(ascii), value.isFinite,
            ascii.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" })
        else { return nil }
        return value
    }
}

extension Character {
    /// 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
