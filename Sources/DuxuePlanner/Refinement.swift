import DuxueDomain
import Foundation

/// P5: improves stage matches, then fewer schools for inspectors whose retirement window closes within
/// the term (R11), then total distance, by moves that keep every P1–P4b value.
///
/// A move swaps two schools of the same size class between two holders, or moves a standard
/// school between two pool inspectors (or two vacancies) to one with room that keeps at least one
/// school. It is taken only if both holders may hold their new schools (R2, R3, R7, R8; a vacancy
/// stays within its zone), crossings do not rise, previous pairs kept do not fall, and (stage
/// mismatches, schools of expiring inspectors, distance) falls lexicographically: a qualified
/// inspector further away beats an unqualified one nearby. Appointees, recruits, the schools left to
/// recruits (P4b) and the full-time share are untouched by construction; the planner checks every
/// level's value again on the result. This is a local search: P5 is improved, not proven optimal.
struct Refinement {
    private let policy: Policy
    private let schools: [School]
    private let schoolIndex: [School.ID: Int]
    private let isLarge: [Bool]
    private var holders: [Assignee]
    private var holderOf: [Int]
    private var holdings: [[Int]]
    private let capacity: [Int]
    private let useDistance: Bool
    /// Kilometres from each holder to each school, each worked out once when first needed (NaN until
    /// then; a holder's row is made when it is first asked for, so holders no move reaches cost nothing):
    /// the search asks for the same pairs pass after pass, and the haversine's five trigonometric calls
    /// were a fifth of P5's time on large districts.
    private var kilometres: [[Double]] = []
    private let schoolPoint: [Coordinate?]
    private let holderPoint: [Coordinate?]
    private let previous: [School.ID: Inspector.ID]
    /// Whether each holder's retirement window closes within the term (R11).
    private let expiring: [Bool]
    /// What the inner loop asks of holders and schools, looked up instead of copying an ``Inspector`` or
    /// a ``School`` at every candidate (those copies were most of P5's time at 3,000 schools): each
    /// holder's zone (``zone(of:person:)``), inspector, recusals (school indices), and stage mismatch per
    /// kind of school stage; each school's zone, stage kind and previous inspector.
    private let holderZone: [Zone?], holderPerson: [Inspector.ID?], holderConflicts: [Set<Int>], stageMismatch: [[Int]]
    private let schoolZone: [Zone], schoolStageKind: [Int], schoolPrevious: [Inspector.ID?]
    /// Schools pinned to their holder (指定): never moved.
    private let pinned: [Bool]
    /// The holders of each zone (a vacancy's zone, an inspector's), in holder order.
    private let holdersByZone: [Zone: [Int]]
    /// For each zone, the holders that hold a school of it outside their own zone (a crossing).
    private var crossingHolders: [Zone: Set<Int>] = [:]
    /// Whether every move is tried against every holder (the cross-check of the candidate lists).
    var exhaustive = false
    /// Candidate moves and swaps looked at so far: the search's work.
    private(set) var work = 0
    /// Whether the wall-clock deadline, not the work budget or the end of improvement, stopped the search.
    private(set) var stoppedByClock = false

    init(district: District, policy: Policy, roster: Roster, previous: [School.ID: Inspector.ID], pinned: Set<School.ID> = []) {
        self.policy = policy
        schools = district.schools
        schoolIndex = Dictionary(district.schools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        isLarge = district.schools.map { $0.isLarge(under: policy) }
        let byID = district.inspectorsByID
        holders = Array(roster.appointees).sorted()
        let holderIndex = Dictionary(holders.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        holderOf = Array(repeating: -1, count: district.schools.count)
        holdings = Array(repeating: [], count: holders.count)
        for assignment in roster.assignments {
            guard let s = schoolIndex[assignment.school], let h = holderIndex[assignment.assignee] else { continue }
            holderOf[s] = h
            holdings[h].append(s)
        }
        let people = holders.map { $0.inspectorID.flatMap { byID[$0] } }
        capacity = people.map { $0?.capacity(under: policy) ?? policy.schoolsPerInspector }
        useDistance = Distances(district: district).isAvailable
        if useDistance { kilometres = Array(repeating: [], count: holders.count) }
        schoolPoint = district.schools.map(\.location)
        holderPoint = people.map { $0?.location }
        self.previous = previous
        self.pinned = district.schools.map { pinned.contains($0.id) }
        let term = policy.term
        expiring = people.map { person in
            guard let person, let ends = Eligibility.retirementWindowEnds(for: person, under: policy) else { return false }
            return term.contains(ends)
        }
        let (everyHolder, indexOfSchool) = (holders, schoolIndex)
        holderZone = everyHolder.indices.map { Self.zone(of: everyHolder[$0], person: people[$0]) }
        holderPerson = people.map { $0?.id }
        holderConflicts = people.map { person in
            Set((person?.conflicts ?? []).compactMap { indexOfSchool[$0] })
        }
        let stageKinds = Array(Set(district.schools.map(\.stage)))
        let stageKind = Dictionary(stageKinds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        stageMismatch = people.map { person in stageKinds.map { stage in person.map { $0.isQualified(for: stage) ? 0 : 1 } ?? 0 } }
        schoolZone = district.schools.map(\.zone)
        schoolStageKind = district.schools.map { stageKind[$0.stage] ?? 0 }
        schoolPrevious = district.schools.map { previous[$0.id] }
        var byZone: [Zone: [Int]] = [:]
        for h in holders.indices {
            if let zone = holderZone[h] { byZone[zone, default: []].append(h) }
        }
        holdersByZone = byZone
        for s in schools.indices where holderOf[s] >= 0 && crosses(holderOf[s], s) == 1 {
            crossingHolders[schools[s].zone, default: []].insert(holderOf[s])
        }
    }

    /// The zone of a holder: a vacancy's, or its inspector's (`nil` for an inspector not in the pool).
    private static func zone(of holder: Assignee, person: Inspector?) -> Zone? {
        switch holder {
        case .vacancy(_, let zone, _): zone
        case .inspector: person?.zone
        }
    }

    /// The holders a move of school `s` (held by `a`) may go to, in holder order. A move never raises
    /// crossings, so when `s` is in its holder's zone the new holder is in that zone too, or (for a swap
    /// that gives it a school of that zone back) holds a school of that zone across zones; only a school
    /// already held across zones may go anywhere. Every other holder fails ``keeps(a:s:b:t:)``, so the
    /// lists change no result, only how many holders are looked at.
    private func candidates(for s: Int, heldBy a: Int) -> [Int] {
        if exhaustive || crosses(a, s) == 1 { return Array(holders.indices) }
        let zone = schools[s].zone
        let inZone = holdersByZone[zone] ?? []
        guard let crossing = crossingHolders[zone], !crossing.isEmpty else { return inZone }
        return Array(Set(inZone).union(crossing)).sorted()
    }

    /// Runs improving passes until none improves, 20 passes are done, or `work` candidate moves and swaps
    /// have been looked at (a count, so the result does not depend on the machine's pace); returns the
    /// roster. `deadline` (seconds, the user's time limit) may cut it earlier: then ``stoppedByClock``.
    mutating func improve(work budget: Int, deadline seconds: Double = .infinity) -> Roster {
        let start = Date()
        var improved = true
        var passes = 0
        search: while improved && passes < 20 {
            improved = false
            passes += 1
            for s in schools.indices where holderOf[s] >= 0 && !pinned[s] {
                if work >= budget { break search }
                if seconds.isFinite, Date().timeIntervalSince(start) >= seconds {
                    stoppedByClock = true
                    break search
                }
                if tryImprove(s) { improved = true }
            }
        }
        var assignments: [Assignment] = []
        for s in schools.indices where holderOf[s] >= 0 {
            assignments.append(Assignment(school: schools[s].id, assignee: holders[holderOf[s]]))
        }
        return Roster(assignments: assignments.sorted { $0.school < $1.school })
    }

    /// Tries the best move involving school s; returns whether one was made.
    private mutating func tryImprove(_ s: Int) -> Bool {
        let a = holderOf[s]
        var best: (gain: Cost, target: Int, swapWith: Int?)?
        let current = cost(a, s)
        for b in candidates(for: s, heldBy: a) where b != a && !holdings[b].isEmpty {
            work += 1 + holdings[b].count
            guard canHold(b, s) else { continue }
            // A one-way move stays among pool inspectors or among vacancies: the recruits' schools (P4b) stay as many.
            let sameKind = (holders[a].inspectorID == nil) == (holders[b].inspectorID == nil)
            if sameKind, !isLarge[s], !isLarge[holdings[b][0]], holdings[a].count > 1, holdings[b].count < capacity[b] {
                let gain = current - cost(b, s)
                if gain > .zero, keeps(a: a, s: s, b: b, t: nil), best.map({ gain > $0.gain }) ?? true {
                    best = (gain, b, nil)
                }
            }
            for t in holdings[b] where !pinned[t] && isLarge[t] == isLarge[s] && canHold(a, t) {
                let gain = current + cost(b, t) - cost(b, s) - cost(a, t)
                if gain > .zero, keeps(a: a, s: s, b: b, t: t), best.map({ gain > $0.gain }) ?? true {
                    best = (gain, b, t)
                }
            }
        }
        guard let best else { return false }
        move(s, to: best.target)
        if let t = best.swapWith { move(t, to: a) }
        return true
    }

    private mutating func move(_ s: Int, to b: Int) {
        let a = holderOf[s]
        holdings[a].removeAll { $0 == s }
        holdings[b].append(s)
        holderOf[s] = b
        let zone = schools[s].zone
        if crosses(a, s) == 1, !holdings[a].contains(where: { schools[$0].zone == zone }) {
            crossingHolders[zone]?.remove(a)
        }
        if crosses(b, s) == 1 { crossingHolders[zone, default: []].insert(b) }
    }

    /// Whether holder h may hold school s (recusal, required zones, a vacancy's zone).
    private func canHold(_ h: Int, _ s: Int) -> Bool {
        // A vacancy's zone is its holder zone; an inspector not in the pool has no person and holds nothing.
        if holderPerson[h] == nil { return holders[h].inspectorID == nil && holderZone[h] == schoolZone[s] }
        if holderConflicts[h].contains(s) { return false }
        if policy.zones == .require && holderZone[h] != schoolZone[s] { return false }
        return true
    }

    /// Whether the move keeps crossings from rising and kept previous pairs from falling.
    private func keeps(a: Int, s: Int, b: Int, t: Int?) -> Bool {
        var crossingsBefore = crosses(a, s), crossingsAfter = crosses(b, s)
        var keptBefore = kept(a, s), keptAfter = kept(b, s)
        if let t {
            crossingsBefore += crosses(b, t)
            crossingsAfter += crosses(a, t)
            keptBefore += kept(b, t)
            keptAfter += kept(a, t)
        }
        return crossingsAfter <= crossingsBefore && keptAfter >= keptBefore
    }

    private func crosses(_ h: Int, _ s: Int) -> Int {
        holderZone[h].map { $0 == schoolZone[s] ? 0 : 1 } ?? 0
    }

    private func kept(_ h: Int, _ s: Int) -> Int {
        guard let person = holderPerson[h], let before = schoolPrevious[s] else { return 0 }
        return before == person ? 1 : 0
    }

    /// (stage mismatch, expiring holder, km) of holder h on school s; a vacancy or a missing location costs 0 km.
    private mutating func cost(_ h: Int, _ s: Int) -> Cost {
        let mismatch = stageMismatch[h][schoolStageKind[s]]
        let expiringLoad = expiring[h] ? 1 : 0
        guard useDistance, let a = holderPoint[h], let b = schoolPoint[s] else {
            return Cost(mismatches: mismatch, expiring: expiringLoad, km: 0)
        }
        if kilometres[h].isEmpty { kilometres[h] = Array(repeating: .nan, count: schools.count) }
        if kilometres[h][s].isNaN { kilometres[h][s] = a.kilometres(to: b) }
        return Cost(mismatches: mismatch, expiring: expiringLoad, km: kilometres[h][s])
    }
}

/// A lexicographic cost: stage mismatches first, then schools held by inspectors whose retirement
/// window closes within the term, then kilometres.
struct Cost: Comparable {
    var mismatches: Int
    var expiring: Int
    var km: Double
    static let zero = Cost(mismatches: 0, expiring: 0, km: 0)
    static func + (l: Cost, r: Cost) -> Cost {
        Cost(mismatches: l.mismatches + r.mismatches, expiring: l.expiring + r.expiring, km: l.km + r.km)
    }
    static func - (l: Cost, r: Cost) -> Cost {
        Cost(mismatches: l.mismatches - r.mismatches, expiring: l.expiring - r.expiring, km: l.km - r.km)
    }
    static func < (l: Cost, r: Cost) -> Bool {
        if l.mismatches != r.mismatches { return l.mismatches < r.mismatches }
        if l.expiring != r.expiring { return l.expiring < r.expiring }
        return r.km - l.km > 1e-7
    }
    static func == (l: Cost, r: Cost) -> Bool {
        l.mismatches == r.mismatches && l.expiring == r.expiring && abs(l.km - r.km) <= 1e-7
    }
}

