import DuxueDomain
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueReport

/// `renew`: the roster in force updated with as few changes as the rules allow.
public struct RenewRequest: Sendable {
    /// The district as it is now.
    public var district: DistrictSource
    /// The roster in force.
    public var previous: String
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
    public init(district: DistrictSource, previous: String, asOf: Day, newTerm: Bool = false, early: Bool = false,
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
    public var inputFiles: [String] { district.inputFiles + [previous] + (pairs.map { [$0] } ?? []) }
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
    public static func renew(_ request: RenewRequest, options: PlannerOptions = PlannerOptions(),
                             solver: @Sendable () -> any MIPSolver) throws -> RenewOutcome {
        var load = try RosterReader.read(path: request.previous)
        let repeated = load.roster.firstLinePerSchool.repeated.map { (school: $0, line: load.line(of: $0)) }
        // The previous term is the one the roster records (else the explicit or the district's term
        // start); the pool's dates are read as of the renewal date, since people may have retired since.
        let loaded = try request.district.load(termStart: load.termStart, readOn: request.asOf)
        try load.resolveNames(in: loaded.district)
        load.placeUnzonedVacancies(in: loaded.district)
        let pairs = try request.pairs.map { path throws(InputError) in try PairsReader.read(path: path) } ?? PairRules()
        let renewal = try Renewer(planner: Planner(solver: solver())).renew(RenewalRequest(
            district: loaded.district, policy: loaded.policy, previous: load.roster, previousTermStart: load.termStart,
            pairTerms: load.pairTerms, asOf: request.asOf, startsNewTerm: request.newTerm, earlyConfirmed: request.early,
            servedAs: load.servedAs, pairs: pairs), options: options)
        return RenewOutcome(warnings: loaded.warnings + load.warnings, repeatedSchools: repeated, renewal: renewal,
                            report: RenewalReport(renewal: renewal, language: request.language))
    }
}
