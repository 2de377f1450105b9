import DuxueDomain

/// Language of the header row and of coded values (stage, employment, status, yes/no).
public enum HeaderLanguage: String, CaseIterable, Sendable {
    /// id, name, stage … with values such as kindergarten, full_time, retired, true.
    case english
    /// 学校代码, 学校名称, 学段 … with values such as 幼儿园, 专职, 退休, 是.
    case chinese
}

/// The rows of `schools.csv` and `inspectors.csv` for a district, header first, ready for a CSV writer.
public enum DistrictTables {
    /// File name of the schools table.
    public static let schoolsFile = "schools.csv"
    /// File name of the inspectors table.
    public static let inspectorsFile = "inspectors.csv"

    /// Columns of `schools.csv`.
    public static func schoolColumns(_ language: HeaderLanguage) -> [String] {
        switch language {
        case .english: ["id", "name", "stage", "enrollment", "zone", "large", "lat", "lon"]
        case .chinese: ["学校代码", "学校名称", "学段", "在校生数", "责任区", "大规模学校", "纬度", "经度"]
        }
    }

    /// Columns of `inspectors.csv`.
    public static func inspectorColumns(_ language: HeaderLanguage) -> [String] {
        switch language {
        case .english:
            ["id", "name", "employment", "status", "retired_on", "consecutive_terms", "zone", "conflicts",
             "max_schools", "stages", "lat", "lon", "phone"]
        case .chinese:
            ["督学编号", "姓名", "专兼职", "在职状态", "退休日期", "已连任届数", "责任区", "回避学校", "最多负责学校数",
             "胜任学段", "纬度", "经度", "联系电话"]
        }
    }

    /// File name of the previous roster.
    public static let previousRosterFile = "previous-roster.csv"

    /// Columns of `previous-roster.csv` (the roster reader's keys, or their Chinese aliases).
    public static func previousRosterColumns(_ language: HeaderLanguage) -> [String] {
        switch language {
        case .english:
            ["school_id", "inspector_id", "employment", "school_name", "zone", "inspector_name", "term_start", "pair_terms"]
        case .chinese: ["学校代码", "督学编号", "专兼职", "学校名称", "责任区", "姓名", "任期开始日期", "本校连续届数"]
        }
    }

    /// The previous roster, header first: one row per school of that term, closed schools and departed
    /// inspectors included, with the term start and each pair's terms.
    public static func previousRoster(_ previous: PreviousTerm, district: District, language: HeaderLanguage) -> [[String]] {
        var schools = district.schoolsByID
        for school in previous.closedSchools { schools[school.id] = school }
        var inspectors = district.inspectorsByID
        for person in previous.departedInspectors { inspectors[person.id] = person }
        func employment(_ value: Employment) -> String { language == .english ? value.rawValue : value.chineseName }
        return [previousRosterColumns(language)] + previous.roster.assignments.map { assignment in
            let school = schools[assignment.school]
            switch assignment.assignee {
            case .inspector(let id):
                let person = inspectors[id]
                return [
                    assignment.school.rawValue, id.rawValue, person.map { employment($0.employment) } ?? "",
                    school?.name ?? "", school?.zone.rawValue ?? "", person?.name ?? "", previous.termStart.description,
                    String(previous.pairTerms[assignment.school] ?? 1),
                ]
            case .vacancy(let id, let zone, let kind):
                return [
                    assignment.school.rawValue, id, employment(kind), school?.name ?? "", zone.rawValue, "",
                    previous.termStart.description, "",
                ]
            }
        }
    }

    /// Separator of lists inside a cell (conflicts, stages).
    public static let listSeparator = ";"

    /// Whether the tables carry lat/lon columns: when any school or inspector has a location.
    public static func hasCoordinates(_ district: District) -> Bool {
        district.schools.contains { $0.location != nil } || district.inspectors.contains { $0.location != nil }
    }

    /// The schools table, header first; without lat/lon columns when nobody has a location.
    public static func schools(_ district: District, language: HeaderLanguage) -> [[String]] {
        let keep = columnFilter(schoolColumns(.english), coordinates: hasCoordinates(district))
        return [keep(schoolColumns(language))] + district.schools.map { school in
            keep([
                school.id.rawValue, school.name, school.stage.map { stage($0, language) } ?? "",
                String(school.enrollment), school.zone.rawValue, school.largeDesignation.map { yesNo($0, language) } ?? "",
                school.location.map { degrees($0.latitude) } ?? "", school.location.map { degrees($0.longitude) } ?? "",
            ])
        }
    }

    /// The inspectors table, header first; without lat/lon columns when nobody has a location.
    public static func inspectors(_ district: District, language: HeaderLanguage) -> [[String]] {
        let keep = columnFilter(inspectorColumns(.english), coordinates: hasCoordinates(district))
        return [keep(inspectorColumns(language))] + district.inspectors.map { inspector in
            keep([
                inspector.id.rawValue, inspector.name,
                language == .english ? inspector.employment.rawValue : inspector.employment.chineseName,
                status(inspector.status, language), inspector.status.retiredOn?.description ?? "",
                String(inspector.consecutiveTerms), inspector.zone.rawValue,
                inspector.conflicts.sorted().map(\.rawValue).joined(separator: listSeparator),
                inspector.maxSchools.map(String.init) ?? "",
                inspector.stages.sorted().map { stage($0, language) }.joined(separator: listSeparator),
                inspector.location.map { degrees($0.latitude) } ?? "", inspector.location.map { degrees($0.longitude) } ?? "",
                inspector.phone ?? "",
            ])
        }
    }

    /// Drops the lat/lon fields of a row when coordinates are left out.
    private static func columnFilter(_ keys: [String], coordinates: Bool) -> ([String]) -> [String] {
        guard !coordinates else { return { $0 } }
        let dropped = Set(keys.indices.filter { keys[$0] == "lat" || keys[$0] == "lon" })
        return { row in row.indices.filter { !dropped.contains($0) }.map { row[$0] } }
    }

    /// A stage as written in the given language.
    public static func stage(_ stage: Stage, _ language: HeaderLanguage) -> String {
        language == .english ? stage.rawValue : stage.chineseName
    }

    /// `true`/`false` or 是/否.
    public static func yesNo(_ value: Bool, _ language: HeaderLanguage) -> String {
        switch language {
        case .english: value ? "true" : "false"
        case .chinese: value ? "是" : "否"
        }
    }

    /// `in_service`/`retired` or 在职/退休.
    public static func status(_ status: ServiceStatus, _ language: HeaderLanguage) -> String {
        switch (status, language) {
        case (.inService, .english): "in_service"
        case (.retired, .english): "retired"
        case (.inService, .chinese): "在职"
        case (.retired, .chinese): "退休"
        }
    }

    /// Degrees with five decimals (about a metre), without exponent notation.
    public static func degrees(_ value: Double) -> String {
        let scaled = Int((abs(value) * 100_000).rounded())
        let whole = scaled / 100_000, fraction = String(scaled % 100_000)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return "\(sign)\(whole).\(String(repeating: "0", count: 5 - fraction.count))\(fraction)"
    }
}
