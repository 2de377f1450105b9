import DuxueDomain

/// The roster in force before a renewal, as a generated district's history: made at the term start for
/// the district as it was then, a year of changes ago.
public struct PreviousTerm: Sendable {
    /// The roster made at the term start.
    public var roster: Roster
    /// The term start it records.
    public var termStart: Day
    /// Consecutive terms of each inspector–school pair, that term included.
    public var pairTerms: [School.ID: Int]
    /// Schools that have closed since (they appear in the roster only).
    public var closedSchools: [School]
    /// Inspectors who have left the pool since (they appear in the roster only).
    public var departedInspectors: [Inspector]
    /// Schools that opened since (in the district, not in the roster).
    public var openedSchools: [School.ID]
    /// Pool members who joined since (in the pool, not in the roster).
    public var joinedInspectors: [Inspector.ID]
    /// Schools that grew past the large-school threshold since.
    public var grownSchools: [School.ID]
}

/// Makes the previous roster of a generated district by undoing a year of changes: about `churn` of
/// the schools opened and half as many closed, about `churn` of the pool joined and as many left, a third
/// of the large schools grew past the threshold; then assigns the district as it was, zone by zone,
/// the way an office fills a roster by hand (large schools first, full-time members first).
public struct PreviousRosterMaker: Sendable {
    /// The district as it is now.
    public let district: District
    /// The policy; its term start is the previous roster's term start.
    public let policy: Policy
    /// Share of schools and of the pool that changed, 0…0.5.
    public let churn: Double
    /// Seed of the random choices.
    public let seed: UInt64

    /// A maker for the district as it is now.
    public init(district: District, policy: Policy, churn: Double = 0.05, seed: UInt64) {
        self.district = district
        self.policy = policy
        self.churn = min(max(churn, 0), 0.5)
        self.seed = seed
    }

    /// The previous term.
    public func make() -> PreviousTerm {
        var rng = SeededGenerator(seed: seed, stream: 11)
        var nameRNG = SeededGenerator(seed: seed, stream: 12)
        let schools = district.schools
        let n = schools.count
        let opened = Set(rng.sample(schools.map(\.id), count: Int((Double(n) * churn).rounded())))
        let largeNow = schools.filter { $0.isLarge(under: policy) }.map(\.id)
        let grown = Set(rng.sample(largeNow, count: largeNow.count / 3))
        let zones = district.zones
        var closed: [School] = []
        for k in 0..<Int((Double(n) * churn / 2).rounded()) where !zones.isEmpty {
            let zone = rng.pick(zones)
            let id = School.ID(uncheckedRawValue: "S-X\(threeDigits(k + 1))")
            closed.append(School(id: id, name: "\(zone.rawValue)原\(k + 1)号教学点", enrollment: 80 + rng.below(200),
                                 zone: zone, stage: .primary))
        }

        let eligible = district.inspectors.filter { Eligibility.isEligible($0, under: policy) }
        let newcomers = eligible.filter { $0.consecutiveTerms == 0 }.map(\.id)
        let joined = Set(rng.sample(newcomers, count: Int((Double(eligible.count) * churn).rounded())))
        var departed: [Inspector] = []
        for k in 0..<Int((Double(eligible.count) * churn).rounded()) where !zones.isEmpty {
            departed.append(Inspector(
                id: Inspector.ID(uncheckedRawValue: "I-X\(threeDigits(k + 1))"), name: ChineseNames.person(&nameRNG),
                employment: rng.chance(0.25) ? .fullTime : .partTime, consecutiveTerms: rng.below(2), zone: rng.pick(zones)))
        }

        // The district as it was: grown schools were standard then.
        let then = schools.filter { !opened.contains($0.id) }.map { school -> School in
            var school = school
            if grown.contains(school.id) {
                school.enrollment = max(1, policy.largeSchoolEnrollment - 1 - rng.below(400))
                school.largeDesignation = nil
            }
            return school
        } + closed
        let pool = eligible.filter { !joined.contains($0.id) } + departed
        let roster = Self.assign(then, pool: pool, policy: policy)
        var pairTerms: [School.ID: Int] = [:]
        let served = Dictionary(pool.map { ($0.id, $0.consecutiveTerms) }, uniquingKeysWith: { a, _ in a })
        for assignment in roster.assignments {
            // A pair cannot be older than the inspector's run of terms (completed ones plus this one).
            guard let id = assignment.assignee.inspectorID, let completed = served[id] else { continue }
            pairTerms[assignment.school] = min([1, 1, 1, 2, 2, 3][rng.below(6)], completed + 1)
        }
        return PreviousTerm(
            roster: roster, termStart: policy.termStart, pairTerms: pairTerms, closedSchools: closed,
            departedInspectors: departed, openedSchools: opened.sorted(), joinedInspectors: joined.sorted(),
            grownSchools: grown.sorted())
    }

    /// Fills a roster by hand's rules: per zone, each large school to a free member (full-time first)
    /// without a conflict, then standard schools to members with room; what is left goes to any member
    /// with room, else to a vacancy.
    static func assign(_ schools: [School], pool: [Inspector], policy: Policy) -> Roster {
        let ordered = pool.sorted { ($0.employment == .fullTime ? 0 : 1, $0.id) < ($1.employment == .fullTime ? 0 : 1, $1.id) }
        var load: [Inspector.ID: Int] = [:]
        var dedicated: Set<Inspector.ID> = []
        var assignments: [Assignment] = []
        var left: [School] = []
        func canTake(_ person: Inspector, _ school: School) -> Bool {
            !dedicated.contains(person.id) && !person.conflicts.contains(school.id)
                && load[person.id, default: 0] < person.capacity(under: policy)
        }
        let sorted = schools.sorted { ($0.isLarge(under: policy) ? 0 : 1, $0.id) < ($1.isLarge(under: policy) ? 0 : 1, $1.id) }
        for school in sorted {
            let large = school.isLarge(under: policy)
            let candidate = ordered.first { person in
                person.zone == school.zone && canTake(person, school) && (!large || load[person.id, default: 0] == 0)
            }
            guard let person = candidate else { left.append(school); continue }
            load[person.id, default: 0] += 1
            if large { dedicated.insert(person.id) }
            assignments.append(Assignment(school: school.id, assignee: .inspector(person.id)))
        }
        var vacancy = 0
        for school in left {
            let large = school.isLarge(under: policy)
            if let person = ordered.first(where: { canTake($0, school) && (!large || load[$0.id, default: 0] == 0) }) {
                load[person.id, default: 0] += 1
                if large { dedicated.insert(person.id) }
                assignments.append(Assignment(school: school.id, assignee: .inspector(person.id)))
            } else {
                vacancy += 1
                assignments.append(Assignment(
                    school: school.id,
                    assignee: .vacancy(id: Assignee.vacancyPrefix + "\(vacancy)", zone: school.zone, employment: .fullTime)))
            }
        }
        return Roster(assignments: assignments.sorted { $0.school < $1.school })
    }
}

/// A number with at least three digits: 7 → "007".
private func threeDigits(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
}
