import DuxueCompare
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
    /// Whether its files were uploaded in this session (a folder the server owns).
    var uploaded = false

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
    /// The districts given on the command line, in their order.
    let given: [DistrictEntry]
    /// Districts uploaded in this session (files in ``uploadRoot``), after the given ones, oldest first,
    /// and how many were ever made (the next one's number: ids are never reused).
    private let uploads = Locked<(held: [DistrictEntry], made: Int)>(([], 0))
    /// Uploaded files' own names, by the path the server keeps them under (problems name files so).
    private let uploadNames = Locked<[String: String]>([:])
    /// Renewals made, kept for their change list download (the newest ``keptJobs``).
    private let renewals = Locked<[(id: String, report: RenewalReport)]>([])
    /// The folder uploaded districts live in, owned by the server and removed when it stops.
    let uploadRoot: String
    /// Most uploaded districts held at once: one more drops the oldest (its files removed), so a server
    /// that runs for months keeps taking uploads with bounded memory and disk.
    static let maxUploads = 8

    /// The districts: those given, then those uploaded.
    var districts: [DistrictEntry] { given + uploads.withLock { $0.held } }
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
        given = DistrictEntry.entries(paths)
        pool = SolvePool(limit: solveLimit)
        csrfToken = randomHex(bytes: 16)
        uploadRoot = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-serve-uploads-\(randomHex(bytes: 8))").path
    }

    /// A workbench over `paths` whose solves run on a pool shared with other workbenches (the city
    /// server's: one workbench per district, one pool for all).
    init(paths: [String], pool: SolvePool) {
        given = DistrictEntry.entries(paths)
        self.pool = pool
        csrfToken = randomHex(bytes: 16)
        uploadRoot = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-serve-uploads-\(randomHex(bytes: 8))").path
    }

    /// A new, empty uploaded district (a folder of ``uploadRoot``); its files come by ``store(_:role:in:)``.
    /// With ``maxUploads`` held already, the oldest is dropped and its files removed.
    func newUpload(language: Language) throws -> DistrictEntry {
        let (entry, dropped) = try uploads.withLock { uploads -> (DistrictEntry, [DistrictEntry]) in
            let id = "upload-\(uploads.made + 1)"
            let folder = uploadRoot + "/" + id
            try FileManager.default.createDirectory(atPath: uploadRoot, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let entry = DistrictEntry(id: id, path: folder, uploaded: true)
            uploads.made += 1
            uploads.held.append(entry)
            let dropped = Array(uploads.held.prefix(max(0, uploads.held.count - Self.maxUploads)))
            uploads.held.removeFirst(dropped.count)
            return (entry, dropped)
        }
        for old in dropped {
            try? FileManager.default.removeItem(atPath: old.path)
            uploadNames.withLock { names in names = names.filter { !$0.key.hasPrefix(old.path + "/") } }
        }
        return entry
    }

    /// Keeps an uploaded table as the district's `schools` or `inspectors` file (replacing the one before,
    /// CSV or XLSX), remembering the user's file name for problems.
    func store(_ upload: Upload, role: String, in entry: DistrictEntry) throws {
        let ext = upload.name.lowercased().hasSuffix(".xlsx") ? "xlsx" : "csv"
        for old in ["csv", "xlsx"] {
            let path = entry.path + "/\(role).\(old)"
            try? FileManager.default.removeItem(atPath: path)
            uploadNames.withLock { $0[path] = nil }
        }
        let target = entry.path + "/\(role).\(ext)"
        try FileManager.default.copyItem(atPath: upload.path, toPath: target)
        uploadNames.withLock { $0[target] = upload.name }
    }

    /// The names problems give a district's files: uploads by their own names (by path, and by the name
    /// the readers report them under), and the district's folder not at all (problems never show a server path).
    func fileNames(for entry: DistrictEntry) -> [String: String] {
        var names = [entry.path + "/": "", entry.path: entry.id]
        for (path, name) in uploadNames.withLock({ $0 }) where path.hasPrefix(entry.path + "/") {
            names[path] = name
            names[String(path.dropFirst(entry.path.count + 1))] = name
        }
        return names
    }

    /// Keeps a renewal for its change list; returns its id.
    func keep(_ report: RenewalReport) -> String {
        let id = UUID().uuidString.lowercased()
        renewals.withLock { renewals in
            renewals.append((id, report))
            if renewals.count > Self.keptJobs { renewals.removeFirst(renewals.count - Self.keptJobs) }
        }
        return id
    }

    /// A renewal kept by ``keep(_:)``.
    func renewal(_ id: String?, language: Language) throws -> RenewalReport {
        guard let id, let report = renewals.withLock({ $0.first { $0.id == id }?.report }) else { throw Failure.notFound(language) }
        return report
    }

    /// Removes the uploaded districts' files (at shutdown).
    func removeUploads() { try? FileManager.default.removeItem(atPath: uploadRoot) }

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
    func startPlan(_ entry: DistrictEntry, rules: PairRules, policy: String? = nil, settings: [PolicySetting] = [], timeLimit: Double?,
                   language: Language) -> PlanJob {
        let job = PlanJob(district: entry, rules: rules, policy: policy, settings: settings, timeLimit: timeLimit, language: language)
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

    /// Stops the plan jobs and removes the uploads (at shutdown).
    func shutdown() {
        cancelAll()
        removeUploads()
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
    /// Policy keys set over the policy for this plan (checked as a scenario's).
    let settings: [PolicySetting]
    let state = Locked(State())

    init(district: DistrictEntry, rules: PairRules, policy: String?, settings: [PolicySetting] = [], timeLimit: Double?,
         language: Language) {
        self.district = district
        self.rules = rules
        self.policy = policy
        self.settings = settings
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
        var options = SolvePool.options(timeLimit: timeLimit)
        options.progress = { [state] progress in
            state.withLock {
                $0.level = progress.level.rawValue
                $0.elapsed = progress.elapsed
            }
        }
        options.stopRequested = { [state] in state.withLock { $0.stop } }
        let request = PlanRequest(district: DistrictSource(path: district.path, policy: policy), rules: rules, settings: settings,
                                  language: language)
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
