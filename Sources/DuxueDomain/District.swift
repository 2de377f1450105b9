/// A district's schools and inspector pool.
public struct District: Sendable {
    /// Name of the district (the folder name by default).
    public var name: String
    /// Schools, in file order.
    public var schools: [School]
    /// Inspectors, in file order.
    public var inspectors: [Inspector]

    /// A district.
    public init(name: String, schools: [School], inspectors: [Inspector]) {
        self.name = name
        self.schools = schools
        self.inspectors = inspectors
    }

    /// Schools by id.
    public var schoolsByID: [School.ID: School] {
        Dictionary(schools.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Inspectors by id.
    public var inspectorsByID: [Inspector.ID: Inspector] {
        Dictionary(inspectors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The district with `holders` marked as appointed on `termStart` (or on their own later
    /// `appointedOn`), and everyone else as not yet appointed (a change appoints them on its as-of date):
    /// what a mid-term check or renewal knows of who was appointed when.
    public func appointing(_ holders: Set<Inspector.ID>, since termStart: Day) -> District {
        var result = self
        for index in result.inspectors.indices {
            let person = result.inspectors[index]
            result.inspectors[index].appointedOn =
                holders.contains(person.id) ? max(person.appointedOn ?? termStart, termStart) : nil
        }
        return result
    }

    /// Zones that have schools, sorted.
    public var zones: [Zone] { Array(Set(schools.map(\.zone))).sorted() }

    /// Headcount the ratio rules demand: n_large + ⌈n_standard / schools per inspector⌉ (per zone when
    /// zones are required, since no inspector may then cross).
    public func requiredHeadcount(under policy: Policy) -> Int { headcount(under: policy).total }

    /// The minimum headcount under the policy, with the figures that explain it.
    public func headcount(under policy: Policy) -> Headcount {
        let byZone = policy.zones == .require
        let groups: [[School]] =
            byZone ? Dictionary(grouping: schools, by: \.zone).sorted { $0.key < $1.key }.map(\.value) : [schools]
        var result = Headcount(perInspector: policy.schoolsPerInspector, byZone: byZone)
        for group in groups {
            let large = group.filter { $0.isLarge(under: policy) }.count
            let standard = group.count - large
            result.largeSchools += large
            result.otherSchools += standard
            result.forOthers += (standard + policy.schoolsPerInspector - 1) / policy.schoolsPerInspector
        }
        result.zones = groups.count
        return result
    }
}

/// The fewest inspectors a district needs under a policy, and why: one for each large school that must
/// have its own, and for the other schools one per `perInspector` schools (counted zone by zone when
/// inspectors may not cross zones, each zone rounding up on its own).
public struct Headcount: Hashable, Sendable {
    /// Schools per inspector.
    public var perInspector: Int
    /// Whether the other schools are counted zone by zone.
    public var byZone: Bool
    /// Zones counted (1 when not by zone).
    public var zones = 1
    /// Large schools that need an inspector of their own.
    public var largeSchools = 0
    /// The other schools.
    public var otherSchools = 0
    /// Inspectors for the other schools.
    public var forOthers = 0

    /// The headcount.
    public var total: Int { largeSchools + forOthers }

    /// An empty count.
    public init(perInspector: Int, byZone: Bool) {
        self.perInspector = perInspector
        self.byZone = byZone
    }
}
