import DuxueDomain

/// What an annual renewal starts from: the roster in force and the district as it is now.
public struct RenewalRequest: Sendable {
    /// The current schools and pool. `consecutive_terms` counts the terms each inspector completed
    /// before the previous roster's term (as when that roster was made).
    public var district: District
    /// The policy (ratio, thresholds, limits, rotation). Its term start is the previous roster's term
    /// start when the roster does not record one.
    public var policy: Policy
    /// The roster in force.
    public var previous: Roster
    /// The start of the previous roster's term, when the roster records it (`term_start` column).
    public var previousTermStart: Day?
    /// For each school of the previous roster, how many consecutive terms its inspector had held it,
    /// that term included; schools not listed count as one term.
    public var pairTerms: [School.ID: Int]
    /// The date the renewal takes effect; eligibility is checked on it.
    public var asOf: Day
    /// Whether to start a new term even before the previous term ends.
    public var startsNewTerm: Bool
    /// Whether a new term asked for before the previous one ends is confirmed (it cuts that term short).
    public var earlyConfirmed: Bool
    /// How each inspector served in the previous roster's term, when the roster records it (its
    /// `employment` column); otherwise their employment in the pool is taken.
    public var servedAs: [Inspector.ID: Employment]
    /// Pairs pinned (指定) or forbidden (不得) by the office.
    public var pairs: PairRules

    /// A renewal request.
    public init(district: District, policy: Policy, previous: Roster, previousTermStart: Day? = nil,
                pairTerms: [School.ID: Int] = [:], asOf: Day, startsNewTerm: Bool = false, earlyConfirmed: Bool = false,
                servedAs: [Inspector.ID: Employment] = [:], pairs: PairRules = PairRules()) {
        self.district = district
        self.policy = policy
        self.previous = previous.firstLinePerSchool.roster
        self.previousTermStart = previousTermStart
        self.pairTerms = pairTerms
        self.asOf = asOf
        self.startsNewTerm = startsNewTerm
        self.earlyConfirmed = earlyConfirmed
        self.servedAs = servedAs
        self.pairs = pairs
    }

    /// The previous roster's term: its recorded start, else the term the district's policy names.
    public var previousTerm: Term {
        Term(start: previousTermStart ?? policy.termStart, years: policy.termYears)
    }

    /// Whether the previous roster's term is known: recorded in the roster, or stated in the policy.
    public var knowsPreviousTerm: Bool { previousTermStart != nil || policy.termStartStated }

    /// Whether the renewal starts a new term: asked for, or the as-of date is at or past the end of the
    /// previous term (counts advance; a term that has ended is never adjusted "mid-term").
    public var isNewTerm: Bool {
        startsNewTerm || asOf >= previousTerm.end
    }

    /// Terms that have passed since the previous roster's term began, that one included (1 at an
    /// ordinary new term; more when terms went by without a new roster; 0 mid-term).
    public var termsPassed: Int {
        guard isNewTerm else { return 0 }
        guard asOf >= previousTerm.end else { return 1 }
        return max(1, TermCalendar(anchor: previousTerm.start, years: policy.termYears).index(of: asOf))
    }

    /// Whether a new term is asked for before the previous one ends.
    public var isEarlyNewTerm: Bool { startsNewTerm && asOf < previousTerm.end }

    /// The term in force after the renewal. Mid-term, the previous one. A new term that the calendar
    /// brought (the as-of date past the recorded term's end) keeps the term boundaries: it starts on
    /// the previous term's end, or a later boundary when terms were skipped, even when the renewal is
    /// made late (as of 2030-10-15, the term 2030-09-01 to 2033-08-31). A new term asked for with
    /// `startsNewTerm` before the previous one ends starts on the as-of date.
    public var newTerm: Term {
        guard isNewTerm else { return previousTerm }
        guard asOf >= previousTerm.end else { return Term(start: asOf, years: policy.termYears) }
        var term = Term(start: previousTerm.end, years: policy.termYears)
        while asOf >= term.end, term.end > term.start { term = Term(start: term.end, years: policy.termYears) }
        return term
    }
}

/// Why a renewal cannot be made as asked.
public enum RenewalError: Error, Hashable, Sendable {
    /// The previous roster records no term start and the policy names none.
    case previousTermUnknown
    /// The as-of date is before the previous roster's term begins.
    case asOfBeforeTerm(termStart: Day)
    /// A new term was asked for before the previous one ends, without confirmation.
    case earlyNewTerm(previousTermEnds: Day)
}

/// Mid-term adjustment or a new term.
public enum RenewalKind: String, Sendable, Codable {
    /// Term counts stay; eligibility is re-checked on the as-of date.
    case midTerm = "mid_term"
    /// Everyone who served the previous term has one more consecutive term; part-time inspectors at
    /// the limit leave; rotation applies.
    case newTerm = "new_term"
}

/// The result of a renewal: the new roster (as a plan), what changed and why, and what lies ahead.
public struct Renewal: Sendable {
    /// Mid-term or new term.
    public var kind: RenewalKind
    /// The date the renewal takes effect.
    public var asOf: Day
    /// The previous roster's term.
    public var previousTerm: Term
    /// The term in force after the renewal (the previous one mid-term; a new one from `asOf` at a new term).
    public var term: Term
    /// The renewed roster, planned with P2 (keep pairs) right after P1 (fewest recruits). Its district
    /// carries the term counts in force after the renewal.
    public var plan: Plan
    /// The roster in force before.
    public var previous: Roster
    /// What changed, school by school and person by person.
    public var changes: ChangeList
    /// Who loses eligibility before the term ends, who reaches a limit at the next term.
    public var outlook: [OutlookEvent]
    /// For each school held by an inspector in the new roster: consecutive terms of that pair, this term included.
    public var pairTerms: [School.ID: Int]
    /// Whether rotation was applied without `pair_terms` in the previous roster (each pair then counts one term).
    public var rotationAssumedOneTerm: Bool
}

/// Renews a roster: prepares the district for the as-of date (term counts, rotation), plans with the
/// previous roster as P2, and explains the differences.
public struct Renewer: Sendable {
    /// The planner that solves the renewal.
    public let planner: Planner

    /// A renewer using the given planner.
    public init(planner: Planner) {
        self.planner = planner
    }

    /// Renews the previous roster as of the request's date.
    public func renew(_ request: RenewalRequest, options: PlannerOptions = PlannerOptions()) throws -> Renewal {
        guard request.knowsPreviousTerm else { throw RenewalError.previousTermUnknown }
        guard request.asOf >= request.previousTerm.start else {
            throw RenewalError.asOfBeforeTerm(termStart: request.previousTerm.start)
        }
        if request.isEarlyNewTerm && !request.earlyConfirmed {
            throw RenewalError.earlyNewTerm(previousTermEnds: request.previousTerm.lastDay)
        }
        let kind: RenewalKind = request.isNewTerm ? .newTerm : .midTerm
        let previousTerm = request.previousTerm
        let term = request.newTerm
        // The policy speaks of the term in force (header, R11, outlook); changes take effect on the as-of date.
        var policy = request.policy
        policy.termStart = term.start
        policy.termStartStated = true
        policy.asOf = request.asOf

        let schools = Set(request.district.schools.map(\.id))
        let served = Set(request.previous.assignments.compactMap { $0.assignee.inspectorID })
        var current = request.district
        for index in current.inspectors.indices {
            let person = current.inspectors[index]
            if kind == .newTerm {
                // 《教育督导条例》第六条, as TermCounting counts it: a part-time term served adds one; a
                // full-time term, or a term without appointment, starts the count again.
                // Terms that passed with no new roster filed: the roster stayed in force, each counts.
                let servedAs = served.contains(person.id) ? (request.servedAs[person.id] ?? person.employment) : nil
                current.inspectors[index].consecutiveTerms = TermCounting.consecutivePartTimeTerms(
                    Array(repeating: servedAs, count: request.termsPassed), opening: person.consecutiveTerms)
            }
        }
        // Mid-term, those already serving were appointed when the term began (or on their recorded date);
        // anyone appointed now is appointed on the as-of date.
        if kind == .midTerm { current = current.appointing(served, since: term.start) }
        let rotating = kind == .newTerm ? Self.rotatingPairs(request, policy: policy) : [:]
        var planned = current
        let held = Dictionary(grouping: request.previous.assignments.compactMap { a in a.assignee.inspectorID.map { ($0, a.school) } },
                              by: \.0).mapValues { Set($0.map(\.1)) }
        // Pins are judged against the real district, with the renewal's own reasons, before rotation and
        // closed retirement windows become planning constraints.
        var pinProblems = request.pairs.problems(in: current, policy: policy)
        let people = current.inspectorsByID
        for (school, inspector) in request.pairs.pinned.sorted(by: { $0.key < $1.key }) {
            let pair = PairRules.Pair(school: school, inspector: inspector)
            if rotating[inspector]?.contains(school) == true { pinProblems.append(.mustRotate(pair)) }
            if let person = people[inspector], let ends = Eligibility.retirementWindowEnds(for: person, under: policy),
                ends < request.asOf, held[inspector]?.contains(school) != true
            {
                pinProblems.append(.retirementWindowClosed(pair, on: ends))
            }
        }
        if !pinProblems.isEmpty { throw PairRulesError(pinProblems) }
        for index in planned.inspectors.indices {
            let person = planned.inspectors[index]
            if let schools = rotating[person.id] { planned.inspectors[index].conflicts.formUnion(schools) }
            // Kept by the appointment rule although the retirement window has closed since: they keep the
            // schools they hold, and take no new one (that would be a new appointment).
            if let ends = Eligibility.retirementWindowEnds(for: person, under: policy), ends < request.asOf {
                planned.inspectors[index].conflicts.formUnion(schools.subtracting(held[person.id] ?? []))
            }
        }
        let previous = Roster(assignments: request.previous.assignments.filter { schools.contains($0.school) })
        var plan = try planner.plan(district: planned, policy: policy, previous: previous, pairs: request.pairs, options: options)
        // Rotation is a planning constraint, not a recusal: report against the real district.
        plan.district = current
        plan.findings = Compliance.check(plan.roster, district: current, policy: policy)

        let changes = ChangeList(
            previous: request.previous, roster: plan.roster, district: current, policy: policy, rotating: rotating,
            pairTerms: request.pairTerms)
        var pairTerms: [School.ID: Int] = [:]
        let before = Dictionary(request.previous.assignments.map { ($0.school, $0.assignee) }, uniquingKeysWith: { a, _ in a })
        for assignment in plan.roster.assignments where assignment.assignee.inspectorID != nil {
            if before[assignment.school] == assignment.assignee {
                let terms = request.pairTerms[assignment.school] ?? 1
                pairTerms[assignment.school] = kind == .newTerm ? terms + 1 : terms
            } else {
                pairTerms[assignment.school] = 1
            }
        }
        let outlook = OutlookEvent.events(
            roster: plan.roster, district: current, policy: policy, asOf: request.asOf, term: term, pairTerms: pairTerms)
        return Renewal(
            kind: kind, asOf: request.asOf, previousTerm: previousTerm, term: term, plan: plan, previous: request.previous,
            changes: changes, outlook: outlook, pairTerms: pairTerms,
            rotationAssumedOneTerm: kind == .newTerm && policy.maxTermsSameSchool != nil && request.pairTerms.isEmpty)
    }

    /// Rotation (定期交流): at a new term, the pairs that have lasted `max_terms_same_school` terms,
    /// by inspector.
    static func rotatingPairs(_ request: RenewalRequest, policy: Policy) -> [Inspector.ID: Set<School.ID>] {
        guard let limit = policy.maxTermsSameSchool else { return [:] }
        var result: [Inspector.ID: Set<School.ID>] = [:]
        for assignment in request.previous.assignments {
            guard let id = assignment.assignee.inspectorID else { continue }
            if (request.pairTerms[assignment.school] ?? 1) >= limit { result[id, default: []].insert(assignment.school) }
        }
        return result
    }
}
