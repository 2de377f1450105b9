import DuxueDomain
import DuxuePlanner

/// Recruits needed in one zone.
public struct ZoneRecruits: Sendable, Hashable, Codable {
    /// The zone.
    public var zone: Zone
    /// Full-time recruits.
    public var fullTime: Int
    /// Part-time recruits.
    public var partTime: Int

    /// Recruits in a zone.
    public init(zone: Zone, fullTime: Int, partTime: Int) {
        self.zone = zone
        self.fullTime = fullTime
        self.partTime = partTime
    }
}

/// How a scenario's solve ended.
public enum OutcomeStatus: Sendable, Hashable {
    /// Every level proven optimal.
    case optimal
    /// A level stopped at its time limit with this relative gap (the largest over the levels).
    case gap(Double)
    /// Stopped by the user.
    case interrupted
}

/// One column of a comparison: a scenario and the plan made for it.
public struct ScenarioOutcome: Sendable {
    /// The scenario (the baseline is a scenario with no settings and no edits).
    public var scenario: Scenario
    /// The policy planned with.
    public var policy: Policy
    /// The plan.
    public var plan: Plan
    /// Schools present both here and in the baseline whose inspector differs (0 for the baseline).
    public var changedSchools: Int

    /// The roster figures.
    public var figures: RosterFigures { plan.figures }

    /// Recruits by zone, zones in sorted order, only zones with recruits.
    public var recruitsByZone: [ZoneRecruits] {
        var byZone: [Zone: ZoneRecruits] = [:]
        for line in plan.recruitment {
            var entry = byZone[line.zone] ?? ZoneRecruits(zone: line.zone, fullTime: 0, partTime: 0)
            if line.employment == .fullTime { entry.fullTime += line.count } else { entry.partTime += line.count }
            byZone[line.zone] = entry
        }
        return byZone.values.sorted { $0.zone < $1.zone }
    }

    /// How many appointees (pool and recruits) hold 1, 2, … schools: element k−1 counts those holding k.
    public var schoolsPerInspector: [Int] {
        var holdings: [Assignee: Int] = [:]
        for assignment in plan.roster.assignments { holdings[assignment.assignee, default: 0] += 1 }
        let most = holdings.values.max() ?? 0
        var counts = [Int](repeating: 0, count: most)
        for held in holdings.values where held > 0 { counts[held - 1] += 1 }
        return counts
    }

    /// Wall seconds of the plan.
    public var seconds: Double { plan.seconds }

    /// How the solve ended.
    public var status: OutcomeStatus {
        if plan.termination == .interrupted { return .interrupted }
        if plan.isProvenOptimal { return .optimal }
        return .gap(plan.levels.filter { $0.status != .optimal }.map(\.gap).filter(\.isFinite).max() ?? .infinity)
    }
}

/// A side-by-side comparison: the unmodified district first, then each scenario in the order given.
public struct Comparison: Sendable {
    /// The district's name.
    public var district: String
    /// The columns; `columns[0]` is the baseline.
    public var columns: [ScenarioOutcome]
    /// Wall seconds for the whole comparison.
    public var seconds: Double
    /// Threads used.
    public var jobs: Int

    /// The baseline column.
    public var baseline: ScenarioOutcome { columns[0] }

    /// Zones with recruits in any column, sorted.
    public var recruitZones: [Zone] {
        Array(Set(columns.flatMap { $0.recruitsByZone.map(\.zone) })).sorted()
    }
}

extension Roster {
    /// Schools present in both rosters whose assignee differs.
    func changedSchools(from other: Roster) -> Int {
        let before = Dictionary(other.assignments.map { ($0.school, $0.assignee) }, uniquingKeysWith: { first, _ in first })
        return assignments.filter { assignment in
            guard let previous = before[assignment.school] else { return false }
            return previous != assignment.assignee
        }.count
    }
}
