import DuxueCompare
import DuxueDomain
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueReport

/// `compare`: the district as it is and each scenario (files, sweeps) side by side.
public struct CompareRequest: Sendable {
    /// The district.
    public var district: DistrictSource
    /// Scenario files.
    public var scenarios: [String]
    /// Sweeps as written (`key=v1,v2,…`).
    public var sweeps: [String]
    /// Scenarios given as text (e.g. from a form) rather than as files, each with the name its problems
    /// are reported under; read exactly as scenario files are.
    public var scenarioTexts: [ScenarioText] = []
    /// Scenarios planned at once, one solver thread each.
    public var jobs: Int
    /// Whether the report shows solve times (off: the same output every run).
    public var showsTiming: Bool
    /// Report language.
    public var language: Language

    /// A request.
    public init(district: DistrictSource, scenarios: [String] = [], sweeps: [String] = [], jobs: Int, showsTiming: Bool = true,
                language: Language) {
        self.district = district
        self.scenarios = scenarios
        self.sweeps = sweeps
        self.jobs = jobs
        self.showsTiming = showsTiming
        self.language = language
    }

    /// Every file the run reads (outputs are never written over them).
    public var inputFiles: [String] { district.inputFiles + scenarios }
}

/// A scenario written as text (the TOML of a scenario file), under the name its problems carry.
public struct ScenarioText: Sendable, Hashable {
    /// The name problems give as the file (e.g. `方案1.toml`); without a `name` key, the column heading.
    public var name: String
    /// The scenario's TOML.
    public var text: String

    /// A scenario text.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// What `compare` made.
public struct CompareOutcome: Sendable {
    /// Warnings of the district's files.
    public var warnings: [InputProblem]
    /// The plans side by side.
    public var comparison: Comparison
    /// The report in the requested language.
    public var report: CompareReport
}

extension Workflows {
    /// Reads the district, then every scenario file and sweep (all their problems at once, before
    /// anything is solved, as ``ScenarioError``), and plans the baseline and each scenario. Throws
    /// ``InputError`` for the district's files and the solver's errors.
    public static func compare(_ request: CompareRequest, options: PlannerOptions = PlannerOptions(),
                               progress: (@Sendable (_ finished: Int, _ total: Int) -> Void)? = nil,
                               solver: @escaping @Sendable () -> any MIPSolver) throws -> CompareOutcome {
        let loaded = try request.district.load()
        var problems: [InputProblem] = []
        var scenarios: [Scenario] = []
        for path in request.scenarios {
            do {
                scenarios.append(try ScenarioReader.load(file: path, district: loaded.district, policy: loaded.policy))
            } catch {
                problems += error.problems
            }
        }
        for given in request.scenarioTexts {
            do {
                scenarios.append(try ScenarioReader.parse(given.text, file: given.name, district: loaded.district, policy: loaded.policy))
            } catch {
                problems += error.problems
            }
        }
        var sweeps: [Sweep] = []
        for text in request.sweeps {
            do {
                sweeps.append(try Sweep.parse(text))
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        var runner = ComparisonRunner(jobs: request.jobs, options: options, makeSolver: solver)
        runner.progress = progress
        let comparison = try runner.run(district: loaded.district, policy: loaded.policy,
                                        scenarios: Sweep.expand(scenarios, sweeps: sweeps))
        return CompareOutcome(warnings: loaded.warnings, comparison: comparison,
                              report: CompareReport(comparison: comparison, language: request.language, showsTiming: request.showsTiming))
    }
}
