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

    /// Zones that have schools, sorted.
    public var zones: [Zone] { Array(Set(schools.map(\.zone))).sorted() }

    /// Headcount the ratio rules demand: n_large + ⌈n_standard / schools per inspector⌉ (per zone when
    /// zones are required, since no inspector may then cross).
    public func requiredHeadcount(under policy: Policy) -> Int {
        let groups: [[School]] =
            policy.zones == .require ? Array(Dictionary(grouping: schools, by: \.zone).values) : [schools]
        return groups.reduce(0) { total, group in
            let large = group.filter { $0.isLarge(under: policy) }.count
            let standard = group.count - large
            return total + large + (standard + policy.schoolsPerInspector - 1) / policy.schoolsPerInspector
        }
    }
}
