import DuxueDomain

/// What the record says about one inspector's consecutive part-time terms before a term, replayed
/// through ``TermCounting`` (the domain's one term arithmetic).
public struct RecordedCount: Hashable, Sendable {
    /// The count: the record's streak, plus the opening balance where the streak reaches back to the first
    /// recorded term and the pool's column says more.
    public var count: Int
    /// The part-time terms of the streak the record shows, oldest first (recorded terms, and terms the
    /// roster in force carried over when no new roster was recorded).
    public var streak: [Term]
    /// Every term replayed (recorded or carried), oldest first.
    public var replayed: [Term]
    /// What the pool's `consecutive_terms` says, if written.
    public var written: Int?
    /// Whether the column contradicts the record on the recorded terms (the record wins).
    public var disagrees: Bool
}

/// The record read into memory: every roster (replaced ones included), the facts each was checked
/// against, and the appointments derived from them; the derivations of term counts and pair terms.
public struct RecordHistory: Sendable {
    /// Every roster, oldest term first, then by day and version.
    public var rosters: [RecordedRoster]
    /// Appointees' facts by roster id.
    public var inspectorFacts: [Int64: [Inspector.ID: InspectorFact]]
    /// Schools' facts by roster id.
    public var schoolFacts: [Int64: [School.ID: SchoolFact]]
    /// Appointments by term.
    public var appointments: [Appointment]

    /// A history.
    public init(rosters: [RecordedRoster], inspectorFacts: [Int64: [Inspector.ID: InspectorFact]] = [:],
                schoolFacts: [Int64: [School.ID: SchoolFact]] = [:], appointments: [Appointment] = []) {
        self.rosters = rosters
        self.inspectorFacts = inspectorFacts
        self.schoolFacts = schoolFacts
        self.appointments = appointments
    }

    /// Whether nothing is recorded.
    public var isEmpty: Bool { rosters.isEmpty }

    /// The rosters that count (not replaced).
    public var current: [RecordedRoster] { rosters.filter(\.isCurrent) }

    /// The recorded terms, oldest first.
    public var terms: [Term] {
        var seen: Set<Day> = []
        return current.map(\.term).filter { seen.insert($0.start).inserted }
    }

    /// The last roster of a term (the one in force at its end).
    public func finalRoster(of term: Term) -> RecordedRoster? {
        current.filter { $0.term.start == term.start }.max { ($0.effectiveOn, $0.version) < ($1.effectiveOn, $1.version) }
    }

    /// The roster in force on `day`: the latest current roster taking effect on or before it.
    public func roster(inForceOn day: Day) -> RecordedRoster? {
        current.filter { $0.effectiveOn <= day }.max { ($0.effectiveOn, $0.version) < ($1.effectiveOn, $1.version) }
    }

    /// The roster in force last: the latest current roster.
    public var latest: RecordedRoster? {
        current.max { ($0.effectiveOn, $0.version) < ($1.effectiveOn, $1.version) }
    }

    /// How each inspector served in a recorded term (appointed in any of its rosters).
    public func served(in term: Term) -> [Inspector.ID: Employment] {
        Dictionary(appointments.filter { $0.term.start == term.start }.map { ($0.inspector, $0.employment) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// How each inspector served at the end of a recorded term (listed in its final roster): what a roster
    /// carried over into later terms without a new one says.
    public func servedAtEnd(of term: Term) -> [Inspector.ID: Employment] {
        Dictionary(appointments.filter { $0.term.start == term.start && $0.endedOn == nil }.map { ($0.inspector, $0.employment) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The terms replayed before `start`: each recorded term, and after it the terms that passed (on a
    /// calendar of `years`-year terms through it) before the next recorded term or `start`, carried by
    /// the roster in force. Each with how every inspector served.
    func replay(before start: Day, years: Int) -> [(term: Term, served: [Inspector.ID: Employment])] {
        let recorded = terms.filter { $0.start < start }
        var result: [(term: Term, served: [Inspector.ID: Employment])] = []
        for (index, term) in recorded.enumerated() {
            result.append((term, served(in: term)))
            let next = index + 1 < recorded.count ? recorded[index + 1].start : start
            let calendar = TermCalendar(anchor: term.start, years: years)
            let passed = calendar.index(of: next.previousDay)
            if passed >= 1 {
                let carried = servedAtEnd(of: term)
                for k in 1...passed { result.append((calendar.term(k), carried)) }
            }
        }
        return result
    }

    /// The consecutive part-time terms of `id` completed before the term starting `start`, or `nil` when
    /// no term before it is recorded. `written` is the pool's `consecutive_terms` (completed before that
    /// term), the opening balance for terms before the first recorded one.
    public func consecutivePartTimeTerms(of id: Inspector.ID, before start: Day, years: Int, written: Int?) -> RecordedCount? {
        let replayed = replay(before: start, years: years)
        guard !replayed.isEmpty else { return nil }
        let history = replayed.map { $0.served[id] }
        let count = TermCounting.consecutivePartTimeTerms(history)
        let streak = Array(replayed.suffix(count).map(\.term))
        let reachesBack = count == replayed.count
        var total = count
        var disagrees = false
        if let written {
            if reachesBack {
                total = max(count, written)
                disagrees = written < count
            } else {
                disagrees = written != count
            }
        }
        return RecordedCount(count: total, streak: streak, replayed: replayed.map(\.term), written: written, disagrees: disagrees)
    }

    /// The opening balance the pool's column gives `id`: the terms before the first recorded one, where
    /// the record's streak before `start` reaches back to it (`written` counts the terms before `start`).
    public func openingBalance(of id: Inspector.ID, before start: Day, years: Int, written: Int?) -> Int {
        guard let written, let derived = consecutivePartTimeTerms(of: id, before: start, years: years, written: nil),
            derived.streak.count == derived.replayed.count
        else { return 0 }
        return max(0, written - derived.count)
    }

    /// For each school of `roster` held by an inspector, how many consecutive terms that inspector has held
    /// it, the roster's own term included: recorded terms whose final roster gives the school the same
    /// inspector (terms carried over between them count), plus, where the run reaches back to the first
    /// recorded term, the `pair_terms` that term's roster wrote less one.
    public func pairTerms(of roster: RecordedRoster, years: Int) -> [School.ID: Int] {
        let recorded = terms.filter { $0.start <= roster.term.start }
        var holders: [(term: Term, holder: [School.ID: Inspector.ID], written: [School.ID: Int])] = []
        for (index, term) in recorded.enumerated() {
            let final = term.start == roster.term.start ? roster : finalRoster(of: term)
            var holder: [School.ID: Inspector.ID] = [:]
            var written: [School.ID: Int] = [:]
            for line in final?.assignments ?? [] where holder[line.school] == nil {
                if let id = line.inspector { holder[line.school] = id }
                if let terms = line.pairTerms { written[line.school] = terms }
            }
            holders.append((term, holder, written))
            if index + 1 < recorded.count {
                let passed = TermCalendar(anchor: term.start, years: years).index(of: recorded[index + 1].start.previousDay)
                if passed >= 1 { for _ in 1...passed { holders.append((term, holder, [:])) } }
            }
        }
        guard let last = holders.last else { return [:] }
        var result: [School.ID: Int] = [:]
        for (school, id) in last.holder {
            var run = 0
            for entry in holders.reversed() {
                guard entry.holder[school] == id else { break }
                run += 1
            }
            if run == holders.count, let first = holders.first?.written[school], first > 1 { run += first - 1 }
            result[school] = run
        }
        return result
    }

    /// The facts an inspector was last recorded with.
    public func latestFacts(of id: Inspector.ID) -> InspectorFact? {
        for roster in rosters.reversed() { if let fact = inspectorFacts[roster.id]?[id] { return fact } }
        return nil
    }

    /// The facts a school was last recorded with.
    public func latestFacts(of id: School.ID) -> SchoolFact? {
        for roster in rosters.reversed() { if let fact = schoolFacts[roster.id]?[id] { return fact } }
        return nil
    }
}
