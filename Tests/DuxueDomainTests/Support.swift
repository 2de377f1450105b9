import DuxueDomain

/// Builders for rule tests: a district, a policy and a roster written as "school → holder" pairs.
enum Make {
    static let policy: Policy = {
        var policy = Policy(termStart: Day(iso: "2027-09-01")!)
        policy.zones = .require
        return policy
    }()

    static func school(_ id: String, zone: String = "A", enrollment: Int = 300, stage: Stage? = nil, large: Bool? = nil) -> School {
        School(id: School.ID(id)!, name: id, enrollment: enrollment, zone: Zone(zone)!, stage: stage, largeDesignation: large)
    }

    static func inspector(
        _ id: String, _ employment: Employment = .partTime, zone: String = "A", status: ServiceStatus = .inService,
        terms: Int = 0, conflicts: [String] = [], cap: Int? = nil, stages: Set<Stage> = []
    ) -> Inspector {
        Inspector(id: Inspector.ID(id)!, name: id, employment: employment, status: status, consecutiveTerms: terms,
                  zone: Zone(zone)!, conflicts: Set(conflicts.map { School.ID($0)! }), maxSchools: cap, stages: stages)
    }

    /// `pairs` like ["S1": "I1", "S2": "VACANCY-1/A/full_time"].
    static func roster(_ pairs: [(String, String)]) -> Roster {
        Roster(assignments: pairs.map { school, holder in
            let parts = holder.split(separator: "/").map(String.init)
            let assignee: Assignee = parts.count == 3
                ? .vacancy(id: parts[0], zone: Zone(parts[1])!, employment: Employment(rawValue: parts[2])!)
                : .inspector(Inspector.ID(holder)!)
            return Assignment(school: School.ID(school)!, assignee: assignee)
        })
    }

    static func findings(_ rule: any Rule, schools: [School], inspectors: [Inspector], roster: [(String, String)], policy: Policy = Make.policy) -> [Finding] {
        rule.check(RuleContext(district: District(name: "t", schools: schools, inspectors: inspectors), policy: policy, roster: Make.roster(roster)))
    }
}
