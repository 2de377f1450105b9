import DuxueConcurrency
import DuxueDomain
import DuxueGLPK
import DuxueInput
import DuxuePlanner
import DuxueReport
import DuxueWorkflows
import Foundation

/// A district the server offers: its id (the folder's or workbook's name, as given on the command line)
/// and its path, which no request ever names.
struct DistrictEntry: Sendable {
    /// The id in URLs.
    let id: String
    /// The folder or workbook.
    let path: String

    /// Ids for paths: each folder's name (a workbook's without `.xlsx`), numbered when two are the same.
    static func entries(_ paths: [String]) -> [DistrictEntry] {
        var used = Set<String>()
        return paths.map { path in
            let url = URL(fileURLWithPath: path).standardized
            let base = TableFiles.isWorkbook(path) ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
            var id = base.isEmpty ? "district" : base
            var number = 2
            while used.contains(id) {
                id = "\(base)-\(number)"
                number += 1
            }
            used.insert(id)
            return DistrictEntry(id: id, path: path)
        }
    }
}

/// The server's state: the districts, the plan jobs, and the pool their solves run on.
final class Workbench: Sendable {
    /// The districts, in command-line order.
    let districts: [DistrictEntry]
    /// Where solves run.
    let pool: SolvePool
    /// The token state-changing requests carry (from the page's meta tag).
    let csrfToken: String
    private let jobs = Locked<[String: PlanJob]>([:])
    private let latest = Locked<[String: String]>([:])
    /// Finished jobs kept for downloads; older ones are forgotten.
    static let keptJobs = 32

    /// A workbench over `paths`.
    init(paths: [String], solveLimit: Int = ProcessInfo.processInfo.activeProcessorCount) {
        districts = DistrictEntry.entries(paths)
        pool = SolvePool(limit: solveLimit)
        csrfToken = randomHex(bytes: 16)
    }

    /// The district with this id (never a path from the request).
    func district(_ id: String?, language: Language) throws -> DistrictEntry {
        guard let id else { throw Failure.notFound(language) }
        let decoded = id.removingPercentEncoding ?? id
        guard let entry = districts.first(where: { $0.id == id || $0.id == decoded }) else { throw Failure.notFound(language) }
        return entry
    }

    /// A plan job by id.
    func job(_ id: String?, language: Language) throws -> PlanJob {
        guard let id, let job = jobs.withLock({ $0[id] }) else { throw Failure.notFound(language) }
        return job
    }

    /// Starts planning a district on the pool; a plan of the same district still queued or running is
    /// cancelled (the newest request wins).
    func startPlan(_ entry: DistrictEntry, rules: PairRules, policy: String? = nil, timeLimit: Double?, language: Language) -> PlanJob {
        let job = PlanJob(district: entry, rules: rules, policy: policy, timeLimit: timeLimit, language: language)
        let previous = latest.withLock { latest -> String? in
            defer { latest[entry.id] = job.id }
            return latest[entry.id]
        }
        jobs.withLock { jobs in
            jobs[job.id] = job
            if jobs.count > Self.keptJobs {
                let finished = jobs.values.filter(\.isFinished).sorted { $0.created < $1.created }
                for old in finished.prefix(jobs.count - Self.keptJobs) { jobs[old.id] = nil }
            }
        }
        if let previous, let old = jobs.withLock({ $0[previous] }) { old.cancel() }
        pool.submit { job.run() }
        return job
    }

    /// Cancels every job (at shutdown): running solves stop at their next check.
    func cancelAll() {
        for job in jobs.withLock({ Array($0.values) }) { job.cancel() }
    }
}

/// One plan of a district, solved on the pool; after it is done it holds the working roster the page edits.
final class PlanJob: Sendable {
    /// Where the job is.
    enum Status: String, Codable, Sendable {
        case queued, running, done, failed, cancelled
    }

    /// The job's mutable part.
    struct State: Sendable {
        var status = Status.queued
        var level: String?
        var elapsed = 0.0
        var outcome: PlanOutcome?
        var roster: Roster?
        var failure: Failure?
        var stop = false
    }

    let id = UUID().uuidString.lowercased()
    let created = Date()
    let district: DistrictEntry
    let rules: PairRules
    /// A preset name (checked against the presets), or `nil` for the district's own policy.
    let policy: String?
    let timeLimit: Double?
    let language: Language
    let state = Locked(State())

    init(district: DistrictEntry, rules: PairRules, policy: String?, timeLimit: Double?, language: Language) {
        self.district = district
        self.rules = rules
        self.policy = policy
        self.timeLimit = timeLimit
        self.language = language
    }

    var isFinished: Bool { state.withLock { [.done, .failed, .cancelled].contains($0.status) } }

    /// Asks the solve to stop; a job not yet started never starts.
    func cancel() {
        state.withLock { state in
            state.stop = true
            if state.status == .queued { state.status = .cancelled }
        }
    }

    /// Solves (on a solver thread of the pool): one GLPK problem at a time.
    func run() {
        let started = state.withLock { state -> Bool in
            guard !state.stop else {
                state.status = .cancelled
                return false
            }
            state.status = .running
            return true
        }
        guard started else { return }
        var options = PlannerOptions(timeLimit: timeLimit)
        options.concurrentSearch = false
        options.progress = { [state] progress in
            state.withLock {
                $0.level = progress.level.rawValue
                $0.elapsed = progress.elapsed
            }
        }
        options.stopRequested = { [state] in state.withLock { $0.stop } }
        let request = PlanRequest(district: DistrictSource(path: district.path, policy: policy), rules: rules, language: language)
        do {
            let outcome = try Workflows.plan(request, options: options) { GLPKSolver() }
            state.withLock { state in
                if state.stop {
                    state.status = .cancelled
                } else {
                    state.outcome = outcome
                    state.roster = outcome.plan.roster
                    state.status = .done
                }
            }
        } catch {
            let failure = Failure.from(error, language: language)
            state.withLock { state in
                state.failure = failure
                state.status = state.stop ? .cancelled : .failed
            }
        }
    }

    /// The plan with the working roster in place of the planned one, once done.
    func editedPlan() -> (plan: Plan, outcome: PlanOutcome)? {
        state.withLock { state in
            guard let outcome = state.outcome else { return nil }
            var plan = outcome.plan
            if let roster = state.roster { plan.roster = roster }
            return (plan, outcome)
        }
    }
}
