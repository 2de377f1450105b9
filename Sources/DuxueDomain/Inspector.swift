/// Full-time (专职) or part-time (兼职).
public enum Employment: String, CaseIterable, Sendable, Codable {
    /// 专职
    case fullTime = "full_time"
    /// 兼职
    case partTime = "part_time"

    /// The Chinese name used in files and reports.
    public var chineseName: String { self == .fullTime ? "专职" : "兼职" }
}

/// In service (在职) or retired (退休) on a date.
public enum ServiceStatus: Hashable, Sendable {
    /// 在职
    case inService
    /// 退休, on the given date.
    case retired(on: Day)

    /// The date of retirement, if retired.
    public var retiredOn: Day? {
        if case .retired(let day) = self { return day }
        return nil
    }
}

/// The result of an inspector's last assessment (考核结果).
public enum Assessment: String, CaseIterable, Sendable, Codable {
    /// 优秀, 良好, 合格, 称职 and the like: no consequence for appointment.
    case passed
    /// 基本合格 / 基本称职: passed, worth noting.
    case basicallyPassed = "basically_passed"
    /// 不合格 / 不称职: the documents' exit clauses (退出机制) exclude the inspector.
    case failed

    /// The Chinese word used in reports.
    public var chineseName: String {
        switch self {
        case .passed: "合格"
        case .basicallyPassed: "基本合格"
        case .failed: "不合格"
        }
    }
}

/// A person in the district's pool who may be appointed responsible inspector.
public struct Inspector: Identifiable, Sendable, Hashable {
    /// An inspector's identifier (督学编号).
    public struct ID: TypedID {
        /// The code as written.
        public let rawValue: String
        /// Wraps a code without checking it.
        public init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }
    }

    /// Unique code.
    public var id: ID
    /// Name (姓名).
    public var name: String
    /// Full- or part-time.
    public var employment: Employment
    /// In service or retired.
    public var status: ServiceStatus
    /// Completed consecutive terms before the planned term.
    public var consecutiveTerms: Int
    /// The terms of the part-time streak counted in ``consecutiveTerms``, oldest first, when the count
    /// comes from the roster of record (empty when it is the pool file's `consecutive_terms`); reasons
    /// cite them.
    public var recordedTerms: [Term] = []
    /// Home responsibility zone.
    public var zone: Zone
    /// Schools on which the inspector must not serve (回避).
    public var conflicts: Set<School.ID>
    /// Personal cap on schools, if any.
    public var maxSchools: Int?
    /// Stages the inspector is qualified for; empty means all.
    public var stages: Set<Stage>
    /// Location, if given.
    public var location: Coordinate?
    /// Phone number shown on the placard.
    public var phone: String?
    /// Training hours in the past year (培训学时), when the pool file gives them.
    public var trainingHours: Double?
    /// The last assessment (考核结果), when the pool file gives it.
    public var assessment: Assessment?
    /// Where the inspector works (工作单位), as written; a school of the district named here is also in
    /// `conflicts` (an inspector never holds the school they work at).
    public var workplace: String?
    /// Level of appointment (级别), when given.
    public var level: InspectorLevel?
    /// Date of the current appointment (聘任日期), when given.
    public var appointedOn: Day?
    /// Columns the office keeps that no rule reads (性别, 职称, 聘任文号 …), as written, in the pool
    /// file's order: carried through to the roster and the filing.
    public var officeColumns: [OfficeColumn]

    /// An inspector record.
    public init(
        id: ID, name: String, employment: Employment, status: ServiceStatus = .inService,
        consecutiveTerms: Int = 0, zone: Zone, conflicts: Set<School.ID> = [], maxSchools: Int? = nil,
        stages: Set<Stage> = [], location: Coordinate? = nil, phone: String? = nil, trainingHours: Double? = nil,
        assessment: Assessment? = nil, workplace: String? = nil, level: InspectorLevel? = nil, appointedOn: Day? = nil,
        officeColumns: [OfficeColumn] = []
    ) {
        self.id = id
        self.name = name
        self.employment = employment
        self.status = status
        self.consecutiveTerms = consecutiveTerms
        self.zone = zone
        self.conflicts = conflicts
        self.maxSchools = maxSchools
        self.stages = stages
        self.location = location
        self.phone = phone
        self.trainingHours = trainingHours
        self.assessment = assessment
        self.workplace = workplace
        self.level = level
        self.appointedOn = appointedOn
        self.officeColumns = officeColumns
    }

    /// The number of schools the inspector may hold: min(schools per inspector, personal cap).
    public func capacity(under policy: Policy) -> Int {
        min(policy.schoolsPerInspector, maxSchools ?? policy.schoolsPerInspector)
    }

    /// Whether the inspector is qualified for a school's stage (unknown stage: yes).
    public func isQualified(for stage: Stage?) -> Bool {
        guard let stage else { return true }
        return stages.isEmpty || stages.contains(stage)
    }
}

/// One column an office keeps about an inspector that no rule reads (性别, 出生年月, 职称, 督学证号,
/// 聘任文号 …): its header and the value, both as written.
public struct OfficeColumn: Hashable, Sendable {
    /// The column's header, as written (`职称`).
    public var name: String
    /// The inspector's value, as written.
    public var value: String

    /// A column and its value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The header of the workplace among the carried columns.
    public static let workplace = "工作单位"

    /// The carried columns of `inspectors`, each once, in first-seen order (工作单位 first when any has one).
    public static func names(of inspectors: some Sequence<Inspector>) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for person in inspectors {
            for column in person.carriedColumns where seen.insert(column.name).inserted { names.append(column.name) }
        }
        if let index = names.firstIndex(of: workplace), index > 0 { names.insert(names.remove(at: index), at: 0) }
        return names
    }
}

extension Inspector {
    /// What the roster and the filing carry about the inspector beyond the rules' facts: the workplace
    /// (工作单位, when given), then ``officeColumns``.
    public var carriedColumns: [OfficeColumn] {
        (workplace.map { [OfficeColumn(name: OfficeColumn.workplace, value: $0)] } ?? [])
            + officeColumns.filter { $0.name != OfficeColumn.workplace }
    }

    /// The inspector's value in a carried column ("" when none).
    public func carriedValue(_ column: String) -> String {
        carriedColumns.first { $0.name == column }?.value ?? ""
    }
}
