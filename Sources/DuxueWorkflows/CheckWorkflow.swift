import DuxueDomain
import Foundation
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueReport

/// `check`: a roster against every rule the policy imposes, and, when it has errors, the nearest
/// compliant roster (re-planned with the roster as the previous one).
public struct CheckRequest: Sendable {
    /// The district.
    public var district: DistrictSource
    /// The roster file.
    public var roster: String
    /// The date the roster takes effect; within the term the roster records, a mid-term date.
    public var asOf: Day?
    /// Whether warnings count as violations.
    public var strict: Bool
    /// Seconds for the nearest compliant roster.
    public var timeLimit: Double
    /// Report language.
    public var language: Language

    /// A request.
    public init(district: DistrictSource, roster: String, asOf: Day? = nil, strict: Bool = false, timeLimit: Double = 60,
                language: Language) {
        self.district = district
        self.roster = roster
        self.asOf = asOf
        self.strict = strict
        self.timeLimit = timeLimit
        self.language = language
    }
}

/// What `check` found.
public struct CheckOutcome: Sendable {
    /// The district as checked (those already serving marked appointed at the term start, mid-term).
    public var district: District
    /// The policy, with the term in force.
    public var policy: Policy
    /// The roster read.
    public var roster: RosterLoad
    /// Warnings of the inputs, the roster, and rows that contradict the pool.
    public var warnings: [InputProblem]
    /// The report in the requested language.
    public var report: CheckReport
    /// The nearest compliant roster, when the roster has errors and one was found.
    public var nearest: Plan?
    /// Why the nearest roster could not be found, if it was looked for and failed.
    public var nearestFailure: String?

    /// The report in Chinese, for the filing package (what the office files and publishes).
    public var filingReport: CheckReport {
        report.language == .zh ? report : CheckReport(
            district: district, policy: policy, roster: roster.roster, rosterFile: report.rosterFile, strict: report.strict,
            nearest: nearest, language: .zh)
    }
}

extension Workflows {
    /// Reads the district and the roster, settles the term in force, audits, and re-plans when needed.
    public static func check(_ request: CheckRequest, options: PlannerOptions = PlannerOptions(),
                             solver: @Sendable () -> any MIPSolver) throws(InputError) -> CheckOutcome {
        var load = try RosterReader.read(path: request.roster)
        // The term in force is the one the roster records; within it, the as-of date is a mid-term date.
        // A roster without term_start (or an as-of date past its term) starts its term on the as-of date.
        let source = request.district
        let recorded = load.termStart
        let loaded = try source.load(termStart: recorded ?? request.asOf, readOn: request.asOf)
        var district = loaded.district
        var policy = loaded.policy
        if source.termStart == nil, let effective = request.asOf {
            if let recorded, Term(start: recorded, years: policy.termYears).contains(effective) {
                policy.termStart = recorded
                if effective > recorded { policy.asOf = effective }
            } else {
                policy.termStart = effective
            }
            policy.termStartStated = true
        }
        try load.resolveNames(in: district)
        district = load.ready(in: district, policy: policy)
        let warnings = loaded.warnings + load.warnings + InputValidation.contradictions(load, against: district)
        let audit = Compliance.audit(load.roster, district: district, policy: policy)
        var nearest: Plan?
        var failure: String?
        if audit.contains(where: { $0.severity == .error }) {
            var planOptions = options
            planOptions.timeLimit = request.timeLimit
            do {
                nearest = try Planner(solver: solver()).plan(district: district, policy: policy, previous: load.roster, options: planOptions)
            } catch {
                failure = "\(error)"
            }
        }
        let report = CheckReport(
            district: district, policy: policy, roster: load.roster, rosterFile: FileManager.default.displayName(atPath: request.roster),
            strict: request.strict, nearest: nearest, language: request.language)
        return CheckOutcome(district: district, policy: policy, roster: load, warnings: warnings, report: report,
                            nearest: nearest, nearestFailure: failure)
    }
}

extension RosterLoad {
    /// Readies a roster read from a file to be checked against `district` under `policy` (check, record,
    /// review): a vacancy whose rows name no zone takes its first school's, and mid-term (an as-of date)
    /// those holding schools count as appointed at the term start. Returns the district so marked.
    mutating func ready(in district: District, policy: Policy) -> District {
        placeUnzonedVacancies(in: district)
        guard policy.asOf != nil else { return district }
        return district.appointing(Set(roster.assignments.compactMap(\.assignee.inspectorID)), since: policy.termStart)
    }
}

/// The workflows of Duxue (plan, check, renew): functions from inputs to report data, shared by the
/// command line and a server, which only parse and render.
public enum Workflows {}
