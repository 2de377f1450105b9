import DuxueDomain
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueRecord
import DuxueReport

/// `renew`: the roster in force updated with as few changes as the rules allow.
public struct RenewRequest: Sendable {
    /// The district as it is now.
    public var district: DistrictSource
    /// The roster in force; `nil` to take it from the district's roster of record.
    public var previous: String?
    /// The date the renewal takes effect.
    public var asOf: Day
    /// Whether to start a new term.
    public var newTerm: Bool
    /// Whether a new term before the previous one ends is confirmed.
    public var early: Bool
    /// A pairs file (pinned and forbidden pairs), if any.
    public var pairs: String?
    /// Report language.
    public var language: Language

    /// A request.
    public init(district: DistrictSource, previous: String?, asOf: Day, newTerm: Bool = false, early: Bool = false,
                pairs: String? = nil, language: Language) {
        self.district = district
        self.previous = previous
        self.asOf = asOf
        self.newTerm = newTerm
        self.early = early
        self.pairs = pairs
        self.language = language
    }

    /// Every file the run reads (outputs are never written over them).
    public var inputFiles: [String] { district.inputFiles + (previous.map { [$0] } ?? []) + (pairs.map { [$0] } ?? []) }
}

/// What `renew` made.
public struct RenewOutcome: Sendable {
    /// Warnings of the inputs and of the previous roster.
    public var warnings: [InputProblem]
    /// Schools the previous roster lists more than once, with the line that counts (the first).
    public var repeatedSchools: [(school: School.ID, line: Int?)]
    /// The renewal.
    public var renewal: Renewal
    /// The report in the requested language.
    public var report: RenewalReport
}

extension Workflows {
    /// Reads the previous roster and the district as of the renewal date, and renews. Throws
    /// ``InputError`` for unreadable inputs, `RenewalError` when the renewal cannot be made as asked,
    /// `PairRulesError` for pins that cannot be honoured, and the solver's errors.
    /// The roster in force: the file given, else the record's roster in force on the renewal date (its
    /// pair terms derived from the record).
    static func previousRoster(_ request: RenewRequest) throws -> RosterLoad {
        if let path = request.previous { return try RosterReader.read(path: path) }
        let source = request.district
        guard let history = try source.recordHistory() else { throw HistoryError.noRecord(path: source.recordPath) }
        guard let roster = history.roster(inForceOn: request.asOf) else {
            let first = history.current.first?.effectiveOn
            throw InputError.invalid([InputProblem(file: source.recordPath, line: nil, kind: .record(
                english: "the record holds no roster in force on \(request.asOf)" + (first.map { " (the first takes effect on \($0))" } ?? ""),
                chinese: "任用记录中没有 \(request.asOf) 时有效的名册" + (first.map { "（最早的一份 \($0) 起生效）" } ?? "")))])
        }
        let policy = try PolicyReader.load(district: source.path, option: source.policy, termStart: roster.term.start)
        var assignments: [Assignment] = []
        var servedAs: [Inspector.ID: Employment] = [:]
        var lines: [Int] = []
        for line in roster.assignments {
            if let id = line.inspector {
                assignments.append(Assignment(school: line.school, assignee: .inspector(id)))
                lines.append(line.line)
                if let employment = line.employment, servedAs[id] == nil { servedAs[id] = employment }
            } else if let vacancy = line.vacancy, let employment = line.employment {
                assignments.append(Assignment(school: line.school, assignee: .vacancy(
                    id: vacancy, zone: Zone(uncheckedRawValue: line.vacancyZone ?? ""), employment: employment)))
                lines.append(line.line)
            }
        }
        var load = RosterLoad(roster: Roster(assignments: assignments), lines: lines, warnings: [],
                              encoding: .utf8, termStart: roster.term.start,
                              pairTerms: history.pairTerms(of: roster, years: policy.termYears))
        load.servedAs = servedAs
        load.file = FileSystemName.stem(source.recordPath) + ".sqlite"
        return load
    }

    public static func renew(_ request: RenewRequest, options: PlannerOptions = PlannerOptions(),
                             solver: @Sendable () -> any MIPSolver) throws -> RenewOutcome {
        var load = try previousRoster(request)
        let repeated = load.roster.firstLinePerSchool.repeated.map { (school: $0, line: load.line(of: $0)) }
        // The previous term is the one the roster records (else the explicit or the district's term
        // start); the pool's dates are read as of the renewal date, since people may have retired since.
        let loaded = try request.district.load(termStart: load.termStart, readOn: request.asOf)
        // Inspectors the previous roster names who have left the pool are departures, not errors.
        try load.resolveNames(in: loaded.district, departures: true)
        load.placeUnzonedVacancies(in: loaded.district)
        // A roster file whose term is recorded: the record gives each pair's terms where the file and the
        // record's final roster of that term agree on the holder; a pair_terms that contradicts it is a
        // warning, and the record wins.
        var pairWarnings: [InputProblem] = []
        if request.previous != nil, let history = loaded.record, let start = load.termStart,
            let final = history.finalRoster(of: Term(start: start, years: loaded.policy.termYears))
        {
            let recorded = history.pairTerms(of: final, years: loaded.policy.termYears)
            let holders = Dictionary(load.roster.assignments.map { ($0.school, $0.assignee.inspectorID) }, uniquingKeysWith: { a, _ in a })
            let finalHolders = Dictionary(final.assignments.map { ($0.school, $0.inspector) }, uniquingKeysWith: { a, _ in a })
            let starts = history.terms.filter { $0.start <= start }.map(\.start)
            for (school, terms) in recorded.sorted(by: { $0.key < $1.key }) where holders[school] == finalHolders[school] {
                if let written = load.pairTerms[school], written != terms {
                    pairWarnings.append(InputProblem(
                        file: load.file, sheet: load.sheet, line: load.line(of: school), column: load.columns["pair_terms"],
                        severity: .warning,
                        kind: .termsDisagreeWithRecord(key: "pair_terms", id: school.rawValue, written: written, recorded: terms,
                                                       terms: starts)))
                }
                load.pairTerms[school] = terms
            }
        }
        let pairs = try request.pairs.map { path throws(InputError) in try PairsReader.read(path: path) } ?? PairRules()
        let renewal = try Renewer(planner: Planner(solver: solver())).renew(RenewalRequest(
            district: loaded.district, policy: loaded.policy, previous: load.roster, previousTermStart: load.termStart,
            pairTerms: load.pairTerms, asOf: request.asOf, startsNewTerm: request.newTerm, earlyConfirmed: request.early,
            servedAs: load.servedAs, pairs: pairs), options: options)
        return RenewOutcome(warnings: loaded.warnings + load.warnings + pairWarnings, repeatedSchools: repeated, renewal: renewal,
                            report: RenewalReport(renewal: renewal, language: request.language))
    }
}
