import DuxueDomain
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueReport

/// `plan`: the optimal roster for a term and the shortfall.
public struct PlanRequest: Sendable {
    /// The district.
    public var district: DistrictSource
    /// A pairs file (pinned and forbidden pairs), if any.
    public var pairs: String?
    /// Pairs given as data (e.g. a workbench's edits pinned), added to those of the pairs file.
    public var rules: PairRules
    /// Report language.
    public var language: Language

    /// A request.
    public init(district: DistrictSource, pairs: String? = nil, rules: PairRules = PairRules(), language: Language) {
        self.district = district
        self.pairs = pairs
        self.rules = rules
        self.language = language
    }

    /// Every file the run reads (outputs are never written over them).
    public var inputFiles: [String] { district.inputFiles + (pairs.map { [$0] } ?? []) }
}

/// What `plan` made.
public struct PlanOutcome: Sendable {
    /// Warnings of the inputs.
    public var warnings: [InputProblem]
    /// The plan.
    public var plan: Plan
    /// The report in the requested language.
    public var report: PlanReport
}

extension Workflows {
    /// Reads the district, the policy and the pairs (the file's, then those given as data), and plans. Throws ``InputError`` for unreadable
    /// inputs, `PairRulesError` for pins that cannot be honoured, and the solver's errors.
    public static func plan(_ request: PlanRequest, options: PlannerOptions = PlannerOptions(),
                            solver: @Sendable () -> any MIPSolver) throws -> PlanOutcome {
        let loaded = try request.district.load()
        var pairs = try request.pairs.map { path throws(InputError) in try PairsReader.read(path: path) } ?? PairRules()
        pairs.pinned.merge(request.rules.pinned) { _, given in given }
        pairs.forbidden.formUnion(request.rules.forbidden)
        let plan = try Planner(solver: solver()).plan(district: loaded.district, policy: loaded.policy, pairs: pairs, options: options)
        return PlanOutcome(warnings: loaded.warnings, plan: plan, report: PlanReport(plan: plan, language: request.language))
    }
}
