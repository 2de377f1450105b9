import DuxueDomain
import DuxueGLPK
import DuxueMIP
import DuxuePlanner

/// Small hand-made districts for known-answer tests.
enum Fixture {
    static let termStart = Day(year: 2027, month: 9, day: 1)!

    static func policy(
        zones: ZoneMode = .prefer, staffing: Staffing = .lean, share: Double = 0.2, ratio: Int = 5
    ) -> Policy {
        var policy = Policy(termStart: termStart)
        policy.zones = zones
        policy.staffing = staffing
        policy.minFullTimeShare = share
        policy.schoolsPerInspector = ratio
        return policy
    }

    static func school(_ id: String, zone: String = "A", enrollment: Int = 500, stage: Stage? = nil) -> School {
        School(id: School.ID(id)!, name: id, enrollment: enrollment, zone: Zone(zone)!, stage: stage)
    }

    static func schools(_ count: Int, zone: String = "A", prefix: String = "S") -> [School] {
        (1...count).map { school("\(prefix)\($0)", zone: zone) }
    }

    static func inspector(
        _ id: String, _ employment: Employment = .partTime, zone: String = "A", conflicts: [String] = [],
        maxSchools: Int? = nil, status: ServiceStatus = .inService, terms: Int = 0, stages: Set<Stage> = []
    ) -> Inspector {
        Inspector(
            id: Inspector.ID(id)!, name: id, employment: employment, status: status, consecutiveTerms: terms,
            zone: Zone(zone)!, conflicts: Set(conflicts.map { School.ID($0)! }), maxSchools: maxSchools, stages: stages)
    }

    static func plan(
        _ schools: [School], _ inspectors: [Inspector], policy: Policy = Fixture.policy(), previous: Roster? = nil
    ) throws -> Plan {
        try Planner(solver: GLPKSolver()).plan(
            district: District(name: "test", schools: schools, inspectors: inspectors), policy: policy,
            previous: previous)
    }
}

extension Plan {
    /// The schools held by an inspector id.
    func schools(of inspector: String) -> [String] {
        roster.assignments.filter { $0.assignee == .inspector(Inspector.ID(inspector)!) }.map(\.school.rawValue).sorted()
    }

    /// The roster id holding a school.
    func holder(of school: String) -> String? {
        roster.assignments.first { $0.school.rawValue == school }?.assignee.rosterID
    }

    /// Value reached at a level.
    func value(_ priority: Priority) -> Double? { levels.first { $0.priority == priority }?.value }

    /// Errors among the findings (R9 warnings excluded).
    var errors: [Finding] { findings.filter { $0.severity == .error } }
}
