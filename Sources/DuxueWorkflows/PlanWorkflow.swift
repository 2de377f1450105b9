import DuxueCompare
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
    /// Policy keys set over the district's policy (as a scenario sets them; see ``Workflows/policySettings(_:)``).
    public var settings: [PolicySetting]
    /// Report language.
    public var language: Language

    /// A request.
    public init(district: DistrictSource, pairs: String? = nil, rules: PairRules = PairRules(), settings: [PolicySetting] = [],
                language: Language) {
        self.district = district
        self.pairs = pairs
        self.rules = rules
        self.settings = settings
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
        // Settings apply as a scenario's do (a preset first, then the keys, then what they imply).
        let policy = request.settings.isEmpty ? loaded.policy : Scenario(name: "", settings: request.settings).policy(from: loaded.policy)
        let plan = try Planner(solver: solver()).plan(district: loaded.district, policy: policy, pairs: pairs, options: options)
        return PlanOutcome(warnings: loaded.warnings, plan: plan, report: PlanReport(plan: plan, language: request.language))
    }
}

extension Workflows {
    /// Policy keys given one by one as `key=value` (a form, an option): each read and checked exactly as
    /// the same key in a sweep or a scenario file (``Sweep/parse(_:)``), one value each. Every problem at
    /// once, each naming the setting as given.
    public static func policySettings(_ texts: [String]) throws(ScenarioError) -> [PolicySetting] {
        var settings: [PolicySetting] = []
        var problems: [InputProblem] = []
        for text in texts {
            do {
                let sweep = try Sweep.parse(text)
                guard sweep.settings.count == 1, let setting = sweep.settings.first else {
                    problems.append(InputProblem(file: text, line: nil, issue: .sweepSyntax(text: text)))
                    continue
                }
                settings.append(setting)
            } catch {
                problems += error.problems.map { problem in
                    var named = problem
                    named.file = text
                    return named
                }
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return settings
    }
}
