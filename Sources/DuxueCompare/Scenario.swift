import DuxueDomain

/// One policy value a scenario or a sweep sets, overriding the district's own policy: a key of the
/// policy-key table (``PolicyKey/all``) and a value that fits it.
public struct PolicySetting: Sendable, Hashable, CustomStringConvertible {
    /// The policy key, as written in policy files.
    public let key: String
    /// The value in the key's own form; `nil` turns an optional rule off.
    public let value: PolicyValue?

    /// A setting; `value` must already fit the key (see ``PolicyKey/checked(_:)``).
    public init(key: String, value: PolicyValue?) {
        self.key = key
        self.value = value
    }

    /// A setting checked against its key.
    public static func checked(_ key: PolicyKey, _ value: PolicyValue) throws(PolicyValueProblem) -> PolicySetting {
        PolicySetting(key: key.name, value: try key.checked(value))
    }

    /// The keys a scenario or a sweep may set, as written in policy files.
    public static var keys: [String] { PolicyKey.scenarioKeys }

    /// The value as written in a policy file (without quotes): `off` for a rule turned off.
    public var valueText: String { value?.description ?? "off" }

    /// `key=value`, e.g. `large_school_enrollment=1500`.
    public var description: String { "\(key)=\(valueText)" }

    /// Sets the value on a policy; the source of the key becomes the district's own choice.
    public func apply(to policy: inout Policy) {
        if key == "preset", case .text(let name) = value, let preset = Presets.named(name) {
            // The preset's rules replace the district's; its facts (term start, name) stay.
            var replaced = Presets.policy(preset, termStart: policy.termStart)
            replaced.termStartStated = policy.termStartStated
            replaced.districtName = policy.districtName
            replaced.name = policy.name
            replaced.asOf = policy.asOf
            policy = replaced
            return
        }
        guard let policyKey = PolicyKey.named(key) else { return }
        if let value {
            try? policyKey.assign(value, to: &policy)
        } else {
            try? policyKey.assign(.boolean(false), to: &policy)
        }
        if !["term_start", "name", "preset"].contains(key) { policy.sources[key] = .districtChoice }
    }

    /// The setting for `key` as `policy` holds it (`nil` for a key a scenario may not set).
    public static func reading(_ key: String, from policy: Policy) -> PolicySetting? {
        guard keys.contains(key), let policyKey = PolicyKey.named(key) else { return nil }
        return PolicySetting(key: key, value: policyKey.value(in: policy))
    }

    /// A share without trailing zeros: 0.3, not 0.30000000000000004.
    static func shareText(_ share: Double) -> String { PolicyKey.shareText(share) }
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
    /// For a point of a sweep: the swept settings (reports word them in the user's language).
    public var sweepPoint: [PolicySetting] = []
    /// For a point of a sweep: the name of the scenario it was applied to ("" for the district as it is).
    public var baseName = ""
    /// The scenario file, if it came from one.
    public var file: String?
    /// Policy values the scenario sets, in file order (later ones win).
    public var settings: [PolicySetting]
    /// Citations the scenario file gives in `[sources]`, by policy key.
    public var sources: [String: Citation]
    /// Data edits.
    public var edits: DataEdits
    /// Pairs the scenario pins (指定) or forbids (不得).
    public var pairs = PairRules()

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
        // A preset replaces the rules first; the scenario's other keys then apply over it.
        for setting in settings.sorted(by: { ($0.key == "preset" ? 0 : 1) < ($1.key == "preset" ? 0 : 1) }) {
            setting.apply(to: &policy)
        }
        // As in a policy file: setting the threshold turns the 1:1 rule on, unless the rule is set too.
        if PolicyKey.applyImplications(to: &policy, set: Set(settings.map(\.key))).contains("large_school_rule") {
            policy.sources["large_school_rule"] = .districtChoice
        }
        for (key, citation) in sources { policy.sources[key] = citation }
        return policy
    }

    /// The district with this scenario's edits applied.
    public func district(from base: District) -> District { edits.applied(to: base) }
}
