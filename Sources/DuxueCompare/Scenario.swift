import DuxueDomain

/// One policy value a scenario sets, overriding the district's own policy.
public enum PolicySetting: Sendable, Hashable {
    /// `term_start`
    case termStart(Day)
    /// `schools_per_inspector`
    case schoolsPerInspector(Int)
    /// `large_school_enrollment`
    case largeSchoolEnrollment(Int)
    /// `min_full_time_share`
    case minFullTimeShare(Double)
    /// `max_years_retired`
    case maxYearsRetired(Int)
    /// `term_years`
    case termYears(Int)
    /// `max_consecutive_terms`
    case maxConsecutiveTerms(Int)
    /// `zones`
    case zones(ZoneMode)
    /// `staffing`
    case staffing(Staffing)

    /// The keys a scenario or a sweep may set, as written in policy files.
    public static let keys = [
        "term_start", "schools_per_inspector", "large_school_enrollment", "min_full_time_share", "max_years_retired",
        "term_years", "max_consecutive_terms", "zones", "staffing",
    ]

    /// The policy key, as written in policy files.
    public var key: String {
        switch self {
        case .termStart: "term_start"
        case .schoolsPerInspector: "schools_per_inspector"
        case .largeSchoolEnrollment: "large_school_enrollment"
        case .minFullTimeShare: "min_full_time_share"
        case .maxYearsRetired: "max_years_retired"
        case .termYears: "term_years"
        case .maxConsecutiveTerms: "max_consecutive_terms"
        case .zones: "zones"
        case .staffing: "staffing"
        }
    }

    /// The value as written in a policy file (without quotes).
    public var valueText: String {
        switch self {
        case .termStart(let day): "\(day)"
        case .schoolsPerInspector(let n), .largeSchoolEnrollment(let n), .maxYearsRetired(let n), .termYears(let n),
            .maxConsecutiveTerms(let n):
            "\(n)"
        case .minFullTimeShare(let share): Self.shareText(share)
        case .zones(let mode): mode.rawValue
        case .staffing(let mode): mode.rawValue
        }
    }

    /// `key=value`, e.g. `large_school_enrollment=1500`.
    public var description: String { "\(key)=\(valueText)" }

    /// Sets the value on a policy; the district's source for the key becomes the district's own choice.
    public func apply(to policy: inout Policy) {
        switch self {
        case .termStart(let day): policy.termStart = day
        case .schoolsPerInspector(let n): policy.schoolsPerInspector = n
        case .largeSchoolEnrollment(let n): policy.largeSchoolEnrollment = n
        case .minFullTimeShare(let share): policy.minFullTimeShare = share
        case .maxYearsRetired(let n): policy.maxYearsRetired = n
        case .termYears(let n): policy.termYears = n
        case .maxConsecutiveTerms(let n): policy.maxConsecutiveTerms = n
        case .zones(let mode): policy.zones = mode
        case .staffing(let mode): policy.staffing = mode
        }
        if key != "term_start" { policy.sources[key] = .districtChoice }
    }

    /// The setting for `key` as `policy` holds it (`nil` for a key that is not a setting).
    public static func reading(_ key: String, from policy: Policy) -> PolicySetting? {
        switch key {
        case "term_start": .termStart(policy.termStart)
        case "schools_per_inspector": .schoolsPerInspector(policy.schoolsPerInspector)
        case "large_school_enrollment": .largeSchoolEnrollment(policy.largeSchoolEnrollment)
        case "min_full_time_share": .minFullTimeShare(policy.minFullTimeShare)
        case "max_years_retired": .maxYearsRetired(policy.maxYearsRetired)
        case "term_years": .termYears(policy.termYears)
        case "max_consecutive_terms": .maxConsecutiveTerms(policy.maxConsecutiveTerms)
        case "zones": .zones(policy.zones)
        case "staffing": .staffing(policy.staffing)
        default: nil
        }
    }

    /// A share without trailing zeros: 0.3, not 0.30000000000000004.
    static func shareText(_ share: Double) -> String {
        let rounded = (share * 10_000).rounded() / 10_000
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// Changes a scenario makes to the district's data before planning.
public struct DataEdits: Sendable, Hashable {
    /// Schools that close or leave the district.
    public var removeSchools: [School.ID] = []
    /// New enrollment figures for existing schools, in file order.
    public var enrollments: [EnrollmentChange] = []
    /// New schools, in file order.
    public var addSchools: [School] = []
    /// Inspectors who leave the pool.
    public var removeInspectors: [Inspector.ID] = []
    /// Inspectors who stay on file but may not be appointed in this scenario (leave, secondment, …).
    public var unavailable: [Inspector.ID] = []
    /// New inspectors, in file order.
    public var addInspectors: [Inspector] = []

    /// No edits.
    public init() {}

    /// One school's new enrollment.
    public struct EnrollmentChange: Sendable, Hashable {
        /// The school.
        public var school: School.ID
        /// The new number of students.
        public var enrollment: Int

        /// A change.
        public init(school: School.ID, enrollment: Int) {
            self.school = school
            self.enrollment = enrollment
        }
    }

    /// Whether nothing changes.
    public var isEmpty: Bool {
        removeSchools.isEmpty && enrollments.isEmpty && addSchools.isEmpty && removeInspectors.isEmpty
            && unavailable.isEmpty && addInspectors.isEmpty
    }

    /// The district with the edits applied: removals first, then enrollment changes, then additions
    /// (appended in file order). Unavailable inspectors are taken out of the pool like removed ones.
    public func applied(to district: District) -> District {
        var result = district
        let goneSchools = Set(removeSchools)
        let goneInspectors = Set(removeInspectors).union(unavailable)
        result.schools.removeAll { goneSchools.contains($0.id) }
        let newEnrollment = Dictionary(enrollments.map { ($0.school, $0.enrollment) }, uniquingKeysWith: { _, last in last })
        for index in result.schools.indices {
            if let enrollment = newEnrollment[result.schools[index].id] { result.schools[index].enrollment = enrollment }
        }
        result.schools += addSchools
        result.inspectors.removeAll { goneInspectors.contains($0.id) }
        result.inspectors += addInspectors
        return result
    }
}

/// A what-if: a policy override plus optional data edits, compared against the unmodified district.
public struct Scenario: Sendable, Hashable {
    /// The column heading: the file's `name`, the file name, or the swept settings.
    public var name: String
    /// The scenario file, if it came from one.
    public var file: String?
    /// Policy values the scenario sets, in file order (later ones win).
    public var settings: [PolicySetting]
    /// Citations the scenario file gives in `[sources]`, by policy key.
    public var sources: [String: Citation]
    /// Data edits.
    public var edits: DataEdits

    /// A scenario.
    public init(name: String, file: String? = nil, settings: [PolicySetting] = [], sources: [String: Citation] = [:],
                edits: DataEdits = DataEdits()) {
        self.name = name
        self.file = file
        self.settings = settings
        self.sources = sources
        self.edits = edits
    }

    /// The baseline: the district as it is.
    public static func baseline(name: String = "baseline") -> Scenario { Scenario(name: name) }

    /// The base policy with this scenario's settings and citations applied.
    public func policy(from base: Policy) -> Policy {
        var policy = base
        for setting in settings { setting.apply(to: &policy) }
        for (key, citation) in sources { policy.sources[key] = citation }
        return policy
    }

    /// The district with this scenario's edits applied.
    public func district(from base: District) -> District { edits.applied(to: base) }
}
