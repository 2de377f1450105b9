import DuxueConcurrency
import DuxueDomain
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueReport
import Foundation

/// `plan` over many districts at once (a city's batch): each district planned on its own, several at a
/// time, and one summary.
public struct BatchPlanRequest: Sendable {
    /// The districts, as given (a folder of districts is expanded by ``Workflows/planBatch(_:options:solver:)``).
    public var districts: [DistrictSource]
    /// Districts planned at the same time (at least 1; the core count by default).
    public var jobs: Int
    /// Report language.
    public var language: Language

    /// A request.
    public init(districts: [DistrictSource], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, language: Language) {
        self.districts = districts
        self.jobs = max(1, jobs)
        self.language = language
    }
}

/// One district of a batch: its plan, or why it could not be planned.
public struct BatchPlanEntry: Sendable {
    /// The district as given.
    public var source: DistrictSource
    /// The plan, or the error that stopped it (an `InputError` with every problem, `PairRulesError`, a
    /// solver fault); one district's failure never stops the others.
    public var outcome: Result<PlanOutcome, any Error>
}

/// What a batch made: the districts in the order given, and the wall time of the whole batch.
public struct BatchPlanOutcome: Sendable {
    /// One entry per district.
    public var entries: [BatchPlanEntry]
    /// Wall seconds of the batch.
    public var seconds: Double
    /// Districts planned at the same time.
    public var jobs: Int

    /// The summary: one row per district.
    public func summary(language: Language) -> BatchPlanSummary {
        BatchPlanSummary(language: language, seconds: seconds, jobs: jobs, rows: entries.map { entry in
            switch entry.outcome {
            case .success(let outcome): BatchPlanSummary.Row(path: entry.source.path, report: outcome.report)
            case .failure(let error): BatchPlanSummary.Row(path: entry.source.path, failure: Self.describe(error, language))
            }
        })
    }

    /// A failure in the report's language: every problem of the inputs, or the error's own words.
    static func describe(_ error: any Error, _ language: Language) -> String {
        if let input = error as? InputError { return input.problems.map { $0.message(in: language) }.joined(separator: "\n") }
        return "\(error)"
    }
}

extension Workflows {
    /// Plans every district of `request`, `request.jobs` at a time. Each level's two runs take turns (one
    /// thread works per district, so the batch does not oversubscribe the cores); a district's roster is
    /// the one `plan` gives it alone, whatever runs beside it.
    public static func planBatch(_ request: BatchPlanRequest, options: PlannerOptions = PlannerOptions(),
                                 solver: @escaping @Sendable () -> any MIPSolver) -> BatchPlanOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var options = options
        options.concurrentSearch = false
        let districts = request.districts, language = request.language, runOptions = options
        let jobs = min(request.jobs, max(1, districts.count))
        let results = SolverThreads.map(count: districts.count, jobs: jobs) { index in
            Result { () throws -> PlanOutcome in
                try plan(PlanRequest(district: districts[index], language: language), options: runOptions, solver: solver)
            }
        }
        return BatchPlanOutcome(
            entries: zip(districts, results).map { BatchPlanEntry(source: $0, outcome: $1) },
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, jobs: jobs)
    }
}
