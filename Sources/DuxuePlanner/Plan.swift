import DuxueDomain
import DuxueMIP

/// A planning priority, solved in this order (lexicographically, each level truly optimal).
public enum Priority: String, CaseIterable, Sendable, Codable {
    /// P1a: fewest recruits.
    case recruits = "P1a"
    /// P1b: fewest full-time recruits.
    case fullTimeRecruits = "P1b"
    /// P2: fewest schools whose inspector changes (renewal only).
    case stability = "P2"
    /// P3: fewest cross-zone assignments (zones = prefer only).
    case crossings = "P3"
    /// P4: fewest (lean) or most (spread) appointees.
    case appointees = "P4"
    /// P4b: then fewest schools left waiting for recruits (the pool holds as many as it can);
    /// a tie-break that changes no value of P1–P4.
    case recruitLoad = "P4b"
}

/// The outcome of one lexicographic level: why its search stopped, and what its roster is.
public struct LevelResult: Sendable, Codable {
    /// Which priority.
    public var priority: Priority
    /// Value reached (for P2, schools kept; for P5, total km).
    public var value: Double
    /// Best proven bound.
    public var bound: Double
    /// Why the level's search stopped.
    public var termination: Termination
    /// What the level's roster is: optimal when proven, else feasible (a level always holds one).
    public var solution: SolutionStatus
    /// Wall seconds.
    public var seconds: Double
    /// Branch-and-bound nodes.
    public var nodes: Int
    /// What a failed solver run reported, when one run of the level failed and another's roster was kept.
    public var fault: String?
    /// What the level's primal heuristic did (``HeuristicResult``); `nil` when it did not run.
    public var heuristic: HeuristicResult?

    /// A level's outcome.
    public init(priority: Priority, value: Double, bound: Double, termination: Termination, solution: SolutionStatus,
                seconds: Double, nodes: Int, fault: String? = nil, heuristic: HeuristicResult? = nil) {
        self.priority = priority
        self.value = value
        self.bound = bound
        self.termination = termination
        self.solution = solution
        self.seconds = seconds
        self.nodes = nodes
        self.fault = fault
        self.heuristic = heuristic
    }

    /// The one-word outcome of the JSON schema's `status` (`optimal` when proven), derived.
    public var status: SolveStatus { SolveStatus(termination: termination, solution: solution) }
    /// Relative gap.
    public var gap: Double { abs(value - bound) / max(1, abs(value)) }

    private enum CodingKeys: String, CodingKey {
        case priority, value, bound, status, termination, solution, seconds, nodes, fault, heuristic
    }

    /// Encodes the level with its one-word `status` beside `termination` and `solution`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(priority, forKey: .priority)
        try container.encode(value, forKey: .value)
        try container.encode(bound, forKey: .bound)
        try container.encode(status, forKey: .status)
        try container.encode(termination, forKey: .termination)
        try container.encode(solution, forKey: .solution)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(nodes, forKey: .nodes)
        try container.encodeIfPresent(fault, forKey: .fault)
        try container.encodeIfPresent(heuristic, forKey: .heuristic)
    }

    /// Decodes a level; one written before `termination` and `solution` existed is read from its `status`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        priority = try container.decode(Priority.self, forKey: .priority)
        value = try container.decode(Double.self, forKey: .value)
        bound = try container.decode(Double.self, forKey: .bound)
        let parts = try container.decodeIfPresent(SolveStatus.self, forKey: .status)?.parts
        termination = try container.decodeIfPresent(Termination.self, forKey: .termination) ?? parts?.termination ?? .timeLimit
        solution = try container.decodeIfPresent(SolutionStatus.self, forKey: .solution) ?? parts?.solution ?? .feasible
        seconds = try container.decode(Double.self, forKey: .seconds)
        nodes = try container.decode(Int.self, forKey: .nodes)
        fault = try container.decodeIfPresent(String.self, forKey: .fault)
        heuristic = try container.decodeIfPresent(HeuristicResult.self, forKey: .heuristic)
    }
}

/// What a level's primal heuristic (relax and fix) did.
public enum HeuristicResult: String, Sendable, Codable {
    /// Relax and fix's roster met the LP bound, or the incumbent already met the LP bound or the bound
    /// the columns alone give (``Model/columnBound``): the level was proven without searching the full model.
    case proved
    /// Its roster improved on the incumbent, which the level's search started from.
    case improved
    /// It found nothing better than the incumbent.
    case none
    /// The roster repair of P1a or P1b (``RosterRepair``: recruits rounded per zone, the rest completed
    /// by flows), or the crossing repair of P3 (``CrossingRepair``: least-cost flows), met the LP bound:
    /// the level was proven without searching.
    case repaired
}

/// P5, least total distance then fewest stage mismatches, improved by local search after P1–P4
/// (``Refinement``): not proven optimal, so reported as before and after.
public struct Improvement: Sendable, Codable {
    /// Total km before the local search, when coordinates exist.
    public var kilometresBefore: Double?
    /// Total km after.
    public var kilometresAfter: Double?
    /// Stage mismatches before.
    public var mismatchesBefore: Int
    /// Stage mismatches after.
    public var mismatchesAfter: Int
    /// Wall seconds spent.
    public var seconds: Double
}

/// Model size, for reports and benchmarks.
public struct ModelSize: Sendable, Codable, Equatable {
    /// Rows at the last level.
    public var rows: Int
    /// Columns.
    public var columns: Int
    /// Nonzeros at the last level.
    public var nonzeros: Int
    /// Inspector classes.
    public var inspectorClasses: Int
    /// School classes.
    public var schoolClasses: Int
}

/// One position to recruit and the schools it will take.
public struct Vacancy: Sendable, Hashable {
    /// `VACANCY-n`, as written in the roster.
    public var id: String
    /// The schools, in id order.
    public var schools: [School.ID]
}

/// Positions to recruit in one zone and employment type.
public struct Recruitment: Sendable, Hashable {
    /// The zone.
    public var zone: Zone
    /// Full- or part-time.
    public var employment: Employment
    /// The vacancies with their schools.
    public var vacancies: [Vacancy]

    /// Number of people to recruit.
    public var count: Int { vacancies.count }
}

/// The figures of a roster that the report shows rule by rule.
public struct RosterFigures: Sendable, Codable, Equatable {
    /// Schools in the district.
    public var schools: Int
    /// Large schools.
    public var largeSchools: Int
    /// Required headcount n_large + ⌈n_standard / p⌉.
    public var requiredHeadcount: Int
    /// Appointees from the pool, full-time.
    public var appointedFullTime: Int
    /// Appointees from the pool, part-time.
    public var appointedPartTime: Int
    /// Recruits, full-time.
    public var recruitsFullTime: Int
    /// Recruits, part-time.
    public var recruitsPartTime: Int
    /// Cross-zone assignments.
    public var crossings: Int
    /// Schools whose inspector is the same as in the previous roster (renewal only).
    public var keptSchools: Int?
    /// Total inspector–school distance in km, when every pair has coordinates.
    public var totalKilometres: Double?
    /// Assignments where the inspector is not qualified for the school's stage.
    public var stageMismatches: Int

    /// All appointees, pool and recruits.
    public var appointees: Int { appointedFullTime + appointedPartTime + recruitsFullTime + recruitsPartTime }
    /// Full-time appointees, pool and recruits.
    public var fullTime: Int { appointedFullTime + recruitsFullTime }
    /// Recruits.
    public var recruits: Int { recruitsFullTime + recruitsPartTime }
    /// Full-time share of all appointees (0 when there are none).
    public var fullTimeShare: Double { appointees == 0 ? 0 : Double(fullTime) / Double(appointees) }

    private enum CodingKeys: String, CodingKey {
        case schools, largeSchools, requiredHeadcount, appointedFullTime, appointedPartTime, recruitsFullTime
        case recruitsPartTime, crossings, keptSchools, totalKilometres, stageMismatches
        case appointees, fullTime, recruits, fullTimeShare
    }

    /// Encodes the stored figures and the derived totals (appointees, full-time, recruits, share).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schools, forKey: .schools)
        try container.encode(largeSchools, forKey: .largeSchools)
        try container.encode(requiredHeadcount, forKey: .requiredHeadcount)
        try container.encode(appointedFullTime, forKey: .appointedFullTime)
        try container.encode(appointedPartTime, forKey: .appointedPartTime)
        try container.encode(recruitsFullTime, forKey: .recruitsFullTime)
        try container.encode(recruitsPartTime, forKey: .recruitsPartTime)
        try container.encode(crossings, forKey: .crossings)
        try container.encodeIfPresent(keptSchools, forKey: .keptSchools)
        try container.encodeIfPresent(totalKilometres, forKey: .totalKilometres)
        try container.encode(stageMismatches, forKey: .stageMismatches)
        try container.encode(appointees, forKey: .appointees)
        try container.encode(fullTime, forKey: .fullTime)
        try container.encode(recruits, forKey: .recruits)
        try container.encode(fullTimeShare, forKey: .fullTimeShare)
    }

    /// Decodes the stored figures (derived totals are recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schools = try container.decode(Int.self, forKey: .schools)
        largeSchools = try container.decode(Int.self, forKey: .largeSchools)
        requiredHeadcount = try container.decode(Int.self, forKey: .requiredHeadcount)
        appointedFullTime = try container.decode(Int.self, forKey: .appointedFullTime)
        appointedPartTime = try container.decode(Int.self, forKey: .appointedPartTime)
        recruitsFullTime = try container.decode(Int.self, forKey: .recruitsFullTime)
        recruitsPartTime = try container.decode(Int.self, forKey: .recruitsPartTime)
        crossings = try container.decode(Int.self, forKey: .crossings)
        keptSchools = try container.decodeIfPresent(Int.self, forKey: .keptSchools)
        totalKilometres = try container.decodeIfPresent(Double.self, forKey: .totalKilometres)
        stageMismatches = try container.decode(Int.self, forKey: .stageMismatches)
    }

    /// Computes the figures of a roster.
    public init(roster: Roster, district: District, policy: Policy, previous: Roster? = nil) {
        let context = RuleContext(district: district, policy: policy, roster: roster)
        schools = district.schools.count
        largeSchools = district.schools.filter { $0.isLarge(under: policy) }.count
        requiredHeadcount = district.requiredHeadcount(under: policy)
        var pool: [Employment: Int] = [:], recruited: [Employment: Int] = [:]
        for assignee in context.holdings.keys {
            guard let employment = context.employment(of: assignee) else { continue }
            if case .vacancy = assignee { recruited[employment, default: 0] += 1 } else { pool[employment, default: 0] += 1 }
        }
        appointedFullTime = pool[.fullTime, default: 0]
        appointedPartTime = pool[.partTime, default: 0]
        recruitsFullTime = recruited[.fullTime, default: 0]
        recruitsPartTime = recruited[.partTime, default: 0]
        crossings = ZoneRule.crossings(in: context).count
        if let previous {
            let before = Dictionary(previous.assignments.map { ($0.school, $0.assignee) }, uniquingKeysWith: { a, _ in a })
            keptSchools = roster.assignments.filter {
                if case .inspector = $0.assignee { before[$0.school] == $0.assignee } else { false }
            }.count
        }
        stageMismatches = StageRule().check(context).count
        totalKilometres = Distances(district: district).total(of: roster)
    }
}

/// The result of planning: a roster (with vacancies where the pool falls short) and how it was found.
public struct Plan: Sendable {
    /// The district planned.
    public var district: District
    /// The policy used.
    public var policy: Policy
    /// One line per school, sorted by school id.
    public var roster: Roster
    /// Recruits needed, by zone and employment.
    public var recruitment: [Recruitment]
    /// Pool members who may not be appointed, with the reasons.
    public var excluded: [(inspector: Inspector, reasons: [Exclusion])]
    /// Figures of the roster.
    public var figures: RosterFigures
    /// Compliance findings of the roster (vacancies count as compliant new hires).
    public var findings: [Finding]
    /// The lexicographic levels solved (P1a…P4).
    public var levels: [LevelResult]
    /// The local improvement of P5.
    public var improvement: Improvement
    /// Model size.
    public var modelSize: ModelSize
    /// Total wall seconds, including model building and refinement.
    public var seconds: Double
    /// Whether the same input gives this roster byte for byte, on any machine and every run: true
    /// unless the user's time limit or stop request cut a level's search (even one of a level's runs when
    /// the level was proven all the same: the run cut may have held another roster of the same value) or
    /// the P5 local search; every other limit counts work, not time.
    public var reproducible = true

    /// Whether every level was proven optimal.
    public var isProvenOptimal: Bool { levels.allSatisfy { $0.status == .optimal } }

    /// Why the plan's search ended: `interrupted` when the user's stop request ended any level (the later
    /// levels and P5 then did not run, even when that level was proven); else `optimal` when every level
    /// is proven, else the weightiest reason a level stopped (a work budget, the clock, a fault).
    public var termination: Termination {
        if levels.contains(where: { $0.termination == .interrupted }) { return .interrupted }
        return levels.filter { $0.solution != .optimal }.map(\.termination).max { $0.levelPrecedence < $1.levelPrecedence }
            ?? .optimal
    }
}

/// Distances between inspectors and schools, when both have coordinates.
public struct Distances: Sendable {
    let schools: [School.ID: Coordinate]
    let inspectors: [Inspector.ID: Coordinate]

    /// Collects the coordinates of a district.
    public init(district: District) {
        schools = Dictionary(district.schools.compactMap { s in s.location.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a })
        inspectors = Dictionary(district.inspectors.compactMap { i in i.location.map { (i.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether distances count at all (some school and some inspector located).
    public var isAvailable: Bool { !schools.isEmpty && !inspectors.isEmpty }

    /// Kilometres between an assignee and a school: 0 for vacancies or missing coordinates.
    public func kilometres(_ assignee: Assignee, _ school: School.ID) -> Double {
        guard case .inspector(let id) = assignee, let a = inspectors[id], let b = schools[school] else { return 0 }
        return a.kilometres(to: b)
    }

    /// Total over a roster, or `nil` when the district has no coordinates.
    public func total(of roster: Roster) -> Double? {
        guard isAvailable else { return nil }
        return roster.assignments.reduce(0) { $0 + kilometres($1.assignee, $1.school) }
    }
}
