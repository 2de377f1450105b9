import DuxueDomain

/// A group of eligible inspectors that are interchangeable for priorities P1–P4: same zone,
/// employment and cap, no conflicts and no previous schools. Inspectors with conflicts or with
/// schools in the previous roster form classes of one.
public struct InspectorClass: Sendable {
    /// Position in ``ClassPartition/inspectorClasses``.
    public let index: Int
    /// Members, sorted by preference (longest eligibility first, then id).
    public let members: [Inspector]
    /// Shared zone.
    public let zone: Zone
    /// Shared employment.
    public let employment: Employment
    /// Shared cap: min(schools per inspector, personal cap).
    public let capacity: Int
    /// Whether the single member has conflicts (such classes never have more than one member).
    public let hasConflicts: Bool
    /// ASCII code of the zone (Z1, Z2, … in sorted zone order) for model names.
    public let zoneCode: String

    /// Number of members.
    public var size: Int { members.count }

    /// A readable name for model rows and columns.
    public var name: String {
        size == 1 ? members[0].id.rawValue
            : "\(zoneCode)/\(employment == .fullTime ? "FT" : "PT")/cap\(capacity)"
    }
}

/// A group of schools that are interchangeable for priorities P1–P4: same zone, same size class
/// (large or standard), the same set of inspectors who must recuse from them, and the same
/// previous inspector (when renewing).
public struct SchoolClass: Sendable {
    /// Position in ``ClassPartition/schoolClasses``.
    public let index: Int
    /// Members in id order.
    public let members: [School]
    /// Shared zone.
    public let zone: Zone
    /// Whether the schools are large (a dedicated inspector each).
    public let isLarge: Bool
    /// Eligible inspectors who must recuse from these schools.
    public let conflictors: Set<Inspector.ID>
    /// The eligible inspector who held these schools in the previous roster, if any.
    public let previous: Inspector.ID?
    /// The inspector these schools are pinned to (指定), if any.
    public let pinned: Inspector.ID?
    /// ASCII code of the zone (Z1, Z2, …) for model names.
    public let zoneCode: String

    /// Number of schools.
    public var size: Int { members.count }

    /// A readable name for model rows and columns.
    public var name: String {
        var parts = [zoneCode, isLarge ? "large" : "std"]
        if !conflictors.isEmpty { parts.append("recuse:" + conflictors.sorted().map(\.rawValue).joined(separator: "+")) }
        if let previous { parts.append("prev:\(previous.rawValue)") }
        if let pinned { parts.append("pin:\(pinned.rawValue)") }
        if size == 1 { parts.append(members[0].id.rawValue) }
        return parts.joined(separator: "/")
    }
}

/// The eligible pool and the schools, partitioned into interchangeable classes.
///
/// Aggregating interchangeable inspectors and schools is exact for P1–P4: every roster maps to
/// class counts with the same objective values, and every feasible set of class counts can be
/// turned back into a roster (``Disaggregation``) with values no worse.
public struct ClassPartition: Sendable {
    /// Inspector classes.
    public let inspectorClasses: [InspectorClass]
    /// School classes.
    public let schoolClasses: [SchoolClass]
    /// Every zone with schools or eligible inspectors, sorted.
    public let zones: [Zone]
    /// ASCII codes of the zones for model names (zone names are often Chinese, which LP files cannot hold).
    public let zoneCodes: [Zone: String]
    /// School classes of each zone, computed once.
    public let schoolClassesByZone: [Zone: [SchoolClass]]

    /// Standard schools in a zone (N_z).
    public func standardCount(in zone: Zone) -> Int {
        schoolClassesByZone[zone, default: []].filter { !$0.isLarge }.reduce(0) { $0 + $1.size }
    }

    /// Large schools in a zone.
    public func largeCount(in zone: Zone) -> Int {
        schoolClassesByZone[zone, default: []].filter(\.isLarge).reduce(0) { $0 + $1.size }
    }

    /// Partitions the eligible inspectors and the schools.
    public init(schools: [School], eligible: [Inspector], policy: Policy, previous: [School.ID: Inspector.ID],
                pinned: [School.ID: Inspector.ID] = [:]) {
        let zones = Array(Set(schools.map(\.zone)).union(eligible.map(\.zone))).sorted()
        let codes = Dictionary(uniqueKeysWithValues: zones.enumerated().map { ($1, "Z\($0 + 1)") })
        self.zones = zones
        zoneCodes = codes
        let eligibleIDs = Set(eligible.map(\.id))
        let heldBefore = Set(previous.values.filter { eligibleIDs.contains($0) }).union(pinned.values)
        var conflictors: [School.ID: Set<Inspector.ID>] = [:]
        for inspector in eligible { for school in inspector.conflicts { conflictors[school, default: []].insert(inspector.id) } }

        struct InspectorKey: Hashable { let zone: Zone; let employment: Employment; let capacity: Int; let single: Inspector.ID? }
        var inspectorGroups: [InspectorKey: [Inspector]] = [:]
        for inspector in eligible {
            let single = !inspector.conflicts.isEmpty || heldBefore.contains(inspector.id) ? inspector.id : nil
            let key = InspectorKey(
                zone: inspector.zone, employment: inspector.employment,
                capacity: inspector.capacity(under: policy), single: single)
            inspectorGroups[key, default: []].append(inspector)
        }
        // In service: eligible beyond any retirement window (term start + a century).
        let unlimited = policy.termStart.addingYears(100)
        let windowEnd = { (inspector: Inspector) -> Day in
            Eligibility.retirementWindowEnds(for: inspector, under: policy) ?? unlimited
        }
        let sortedKeys = inspectorGroups.keys.sorted {
            ($0.zone, $0.employment.rawValue, $0.capacity, $0.single?.rawValue ?? "")
                < ($1.zone, $1.employment.rawValue, $1.capacity, $1.single?.rawValue ?? "")
        }
        inspectorClasses = sortedKeys.enumerated().map { offset, key in
            let members = inspectorGroups[key, default: []].sorted {
                (windowEnd($1), $0.id) < (windowEnd($0), $1.id)
            }
            return InspectorClass(
                index: offset, members: members, zone: key.zone, employment: key.employment,
                capacity: key.capacity, hasConflicts: !(members.first?.conflicts.isEmpty ?? true),
                zoneCode: codes[key.zone] ?? "Z0")
        }

        struct SchoolKey: Hashable {
            let zone: Zone; let large: Bool; let conflictors: [Inspector.ID]; let previous: Inspector.ID?; let pinned: Inspector.ID?
        }
        var schoolGroups: [SchoolKey: [School]] = [:]
        for school in schools {
            let previousHolder = previous[school.id].flatMap { eligibleIDs.contains($0) ? $0 : nil }
            let key = SchoolKey(
                zone: school.zone, large: school.isLarge(under: policy),
                conflictors: (conflictors[school.id] ?? []).sorted(), previous: previousHolder, pinned: pinned[school.id])
            schoolGroups[key, default: []].append(school)
        }
        let sortedSchoolKeys = schoolGroups.keys.sorted {
            ($0.zone, $0.large ? 1 : 0, $0.conflictors.map(\.rawValue).joined(separator: ","), $0.previous?.rawValue ?? "",
             $0.pinned?.rawValue ?? "")
                < ($1.zone, $1.large ? 1 : 0, $1.conflictors.map(\.rawValue).joined(separator: ","), $1.previous?.rawValue ?? "",
                   $1.pinned?.rawValue ?? "")
        }
        schoolClasses = sortedSchoolKeys.enumerated().map { offset, key in
            SchoolClass(
                index: offset, members: schoolGroups[key, default: []].sorted { $0.id < $1.id }, zone: key.zone,
                isLarge: key.large, conflictors: Set(key.conflictors), previous: key.previous, pinned: key.pinned,
                zoneCode: codes[key.zone] ?? "Z0")
        }
        schoolClassesByZone = Dictionary(grouping: schoolClasses, by: \.zone)
    }

    /// Whether a member of the inspector class may take a school of the school class (R7, and R8 when required).
    public func compatible(_ k: InspectorClass, _ g: SchoolClass, zones mode: ZoneMode) -> Bool {
        if mode == .require && k.zone != g.zone { return false }
        if k.hasConflicts, let member = k.members.first, g.conflictors.contains(member.id) { return false }
        return true
    }
}
