import DuxueCompare
import DuxueDomain
import DuxueFiling
import DuxueGLPK
import DuxueInput
import DuxuePlanner
import DuxueRecord
import DuxueReport
import DuxueWorkflows
import Foundation
import Hummingbird

/// The JSON API the page uses (described in ``OpenAPIDocument``). Handlers parse, call a workflow, and
/// render its data; solves run on the workbench's pool.
enum APIRoutes {
    static func add(to router: Router<BasicRequestContext>, workbench: Workbench) {
        router.get("/api/districts") { _, _ in
            try HTTP.json(DistrictList(districts: workbench.districts.map { entry in
                DistrictList.Item(id: entry.id, name: (try? DistrictSource(path: entry.path).load().district.name) ?? entry.id)
            }))
        }
        router.get("/api/districts/{id}") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            return try HTTP.json(DistrictDetail.make(entry, language: language, names: workbench.fileNames(for: entry)))
        }
        router.post("/api/districts/{id}/validate") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            var upload: Upload?
            if request.uri.queryParameters.get("name") != nil { upload = try await Upload.receive(request, language: language) }
            defer { upload?.remove() }
            let report = Workflows.validate(ValidateRequest(district: DistrictSource(path: entry.path), roster: upload?.path))
            let names = workbench.fileNames(for: entry).merging(upload.map { [$0.path: $0.name] } ?? [:]) { _, upload in upload }
            return try HTTP.json(ValidationAnswer(
                valid: report.isValid, errors: report.errorCount, warnings: report.warningCount, schools: report.schools,
                inspectors: report.inspectors, rosterRows: report.assignments,
                problems: report.problems.map { ProblemLine($0, language: language, names: names) }))
        }
        router.post("/api/districts/{id}/plan") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            let body = try await HTTP.decode(PlanBody.self, from: request, language: language)
            var rules = PairRules()
            for pin in body.pins ?? [] {
                rules.pinned[School.ID(uncheckedRawValue: pin.school)] = Inspector.ID(uncheckedRawValue: pin.inspector)
            }
            // A preset by name only: never a policy file named by the request.
            if let preset = body.policy, !Presets.names.contains(preset) {
                throw Failure.badRequest("没有这个政策预设：\(Presets.names.joined(separator: "、"))",
                                         "no such policy preset: \(Presets.names.joined(separator: ", "))", language)
            }
            if let limit = body.timeLimit, !(limit > 0 && limit <= 3600) {
                throw Failure.badRequest("求解时限须在 0 到 3600 秒之间", "time_limit must be between 0 and 3600 seconds", language)
            }
            // Policy keys set for this plan, read and checked as a scenario's (all problems at once, each naming its key).
            guard (body.settings ?? []).count <= PolicyKey.all.count else {
                throw Failure.badRequest("政策键太多", "too many policy settings", language)
            }
            let settings: [PolicySetting]
            do {
                settings = try Workflows.policySettings(body.settings ?? [])
            } catch {
                throw Failure.from(error, language: language)
            }
            let job = workbench.startPlan(entry, rules: rules, policy: body.policy, settings: settings, timeLimit: body.timeLimit,
                                          language: language)
            return try HTTP.json(JobAnswer(job), status: .accepted)
        }
        router.get("/api/jobs/{job}") { request, context in
            let job = try workbench.job(context.parameters.get("job"), language: HTTP.language(request))
            return try HTTP.json(JobAnswer(job))
        }
        // Server-sent events: the job's status and progress as they change, until it is finished (the report
        // itself comes from GET /api/jobs/{job}).
        router.get("/api/jobs/{job}/events") { request, context in
            let job = try workbench.job(context.parameters.get("job"), language: HTTP.language(request))
            let body = ResponseBody { writer in
                var last = ""
                while true {
                    let finished = job.isFinished
                    var answer = JobAnswer(job)
                    answer.report = nil
                    let text = String(decoding: try HTTP.encoder().encode(answer), as: UTF8.self)
                    if text != last {
                        try await writer.write(ByteBuffer(string: "event: progress\ndata: \(text)\n\n"))
                        last = text
                    }
                    if finished { break }
                    try await Task.sleep(for: .milliseconds(250))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"], body: body)
        }
        router.delete("/api/jobs/{job}") { request, context in
            let job = try workbench.job(context.parameters.get("job"), language: HTTP.language(request))
            job.cancel()
            return try HTTP.json(JobAnswer(job))
        }
        router.get("/api/jobs/{job}/roster") { request, context in
            let language = HTTP.language(request)
            let (plan, _) = try finished(workbench, context, language)
            return try HTTP.json(RosterAnswer.make(plan, language: language))
        }
        router.put("/api/jobs/{job}/roster") { request, context in
            let language = HTTP.language(request)
            let job = try workbench.job(context.parameters.get("job"), language: language)
            let (plan, outcome) = try finished(job, language)
            let body = try await HTTP.decode(RosterBody.self, from: request, language: language)
            let roster = try parse(body, plan: outcome.plan, language: language)
            job.state.withLock { $0.roster = roster }
            return try HTTP.json(Workflows.audit(roster, district: plan.district, policy: plan.policy, language: language))
        }
        router.get("/api/jobs/{job}/options") { request, context in
            let language = HTTP.language(request)
            let (plan, _) = try finished(workbench, context, language)
            guard let school = request.uri.queryParameters.get("school").map({ String($0) }),
                  plan.district.schoolsByID[School.ID(uncheckedRawValue: school)] != nil else { throw Failure.notFound(language) }
            return try HTTP.json(OptionsAnswer(school: school, options: Workflows.reassignmentOptions(
                for: School.ID(uncheckedRawValue: school), in: plan.roster, district: plan.district, policy: plan.policy)))
        }
        router.get("/api/jobs/{job}/roster.csv") { request, context in
            let language = HTTP.language(request)
            let (plan, _) = try finished(workbench, context, language)
            let header = RosterTable.header(in: language, officeColumns: RosterTable.officeColumns(plan))
            let text = CSVWriter.document(header: header, rows: RosterTable.rows(plan, language: language))
            let bytes = (language == .zh ? TextEncoding.utf8ByteOrderMark : []) + Array(text.utf8)
            return HTTP.bytes(bytes, type: "text/csv; charset=utf-8", download: "\(plan.district.name)-roster.csv")
        }
        router.get("/api/jobs/{job}/roster.xlsx") { request, context in
            let language = HTTP.language(request)
            let (plan, _) = try finished(workbench, context, language)
            let bytes: [UInt8]
            do {
                bytes = try RosterWorkbook.bytes(header: RosterTable.header(in: language, officeColumns: RosterTable.officeColumns(plan)),
                                                 rows: RosterTable.rows(plan, language: language), language: language)
            } catch {
                throw Failure.from(error, language: language)
            }
            return HTTP.bytes(bytes, type: xlsxType, download: "\(plan.district.name)-roster.xlsx")
        }
        for format in ["xlsx", "html"] {
            router.get("/api/jobs/{job}/filing.\(format)") { request, context in
                let language = HTTP.language(request)
                let (plan, _) = try finished(workbench, context, language)
                // The filing package is always in Chinese: it is what the office files and publishes.
                let report = CheckReport(district: plan.district, policy: plan.policy, roster: plan.roster, rosterFile: "roster",
                                         strict: false, nearest: nil, language: .zh)
                let bytes: [UInt8]
                do {
                    bytes = try FilingWriter.bytes(report, district: plan.district, roster: plan.roster, policy: plan.policy,
                                                   format: format == "xlsx" ? .xlsx : .html)
                } catch {
                    throw Failure.from(error, language: language)
                }
                return HTTP.bytes(bytes, type: format == "xlsx" ? xlsxType : "text/html; charset=utf-8",
                                  download: "\(plan.district.name)-备案材料.\(format)")
            }
        }
        router.post("/api/districts/{id}/check") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            let asOf = try day(request, "as_of", language: language)
            let upload = try await Upload.receive(request, language: language)
            defer { upload.remove() }
            let checkRequest = CheckRequest(district: DistrictSource(path: entry.path), roster: upload.path, asOf: asOf,
                                            strict: request.uri.queryParameters.get("strict") == "true", timeLimit: 30, language: language)
            let names = [upload.path: upload.name]
            do {
                let outcome = try await workbench.pool.run {
                    try Workflows.check(checkRequest, options: SolvePool.options()) { GLPKSolver() }
                }
                var report = outcome.report
                report.rosterFile = upload.name
                report.policy.name = ProblemLine.displayName(report.policy.name, names: [:])
                return try HTTP.json(CheckAnswer(report: report, warnings: outcome.warnings.map { ProblemLine($0, language: language, names: names) }))
            } catch {
                throw Failure.from(error, language: language, names: names)
            }
        }
        router.post("/api/districts/{id}/renew") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            guard let asOf = try day(request, "as_of", language: language) else {
                throw Failure.badRequest("请给出生效日期 as_of（YYYY-MM-DD）", "give the date the renewal takes effect: as_of=YYYY-MM-DD", language)
            }
            // An uploaded previous roster, or (without ?name=) the roster in force in the district's record.
            var upload: Upload?
            if request.uri.queryParameters.get("name") != nil { upload = try await Upload.receive(request, language: language) }
            defer { upload?.remove() }
            let renewRequest = RenewRequest(district: DistrictSource(path: entry.path), previous: upload?.path, asOf: asOf,
                                            newTerm: request.uri.queryParameters.get("new_term") == "true", language: language)
            var names = workbench.fileNames(for: entry)
            if let upload { names[upload.path] = upload.name }
            names[renewRequest.district.recordPath] = DistrictRecord.fileName
            do {
                let outcome = try await workbench.pool.run {
                    try Workflows.renew(renewRequest, options: SolvePool.options(timeLimit: 60)) { GLPKSolver() }
                }
                var report = outcome.report
                report.plan.policy.name = ProblemLine.displayName(report.plan.policy.name, names: [:])
                return try HTTP.json(RenewAnswer(report: report, changes: workbench.keep(report),
                                                 warnings: outcome.warnings.map { ProblemLine($0, language: language, names: names) }))
            } catch HistoryError.noRecord {
                throw Failure(status: .unprocessableContent, code: "no_record",
                              message: language == .zh ? "本区县没有任用记录：请上传上一届名册" : "the district has no roster of record: upload the previous roster")
            } catch let error as RenewalError {
                throw Failure(status: .unprocessableContent, code: "renewal_refused",
                              message: (language == .zh ? "无法按要求调整名册：" : "the renewal cannot be made as asked: ") + "\(error)")
            } catch {
                throw Failure.from(error, language: language, names: names)
            }
        }
        RecordRoutes.add(to: router, workbench: workbench)
        router.post("/api/districts/{id}/compare") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            let body = try await HTTP.decode(CompareBody.self, from: request, language: language)
            let scenarios = body.scenarios ?? []
            guard body.sweeps.count <= 8, body.sweeps.allSatisfy({ $0.count <= 200 }), scenarios.count <= 6,
                  scenarios.allSatisfy({ $0.text.utf8.count <= 20_000 && $0.name.count <= 60 }) else {
                throw Failure.badRequest("最多 8 组参数、6 个方案", "at most 8 sweeps and 6 scenarios", language)
            }
            var given = CompareRequest(district: DistrictSource(path: entry.path), sweeps: body.sweeps, jobs: 1,
                                       showsTiming: false, language: language)
            // Scenarios from the page's forms, read as scenario files are; problems name them `NAME.toml`.
            given.scenarioTexts = scenarios.enumerated().map { index, scenario in
                let name = Upload.sanitized(scenario.name.isEmpty ? "scenario-\(index + 1)" : scenario.name)
                return ScenarioText(name: name.hasSuffix(".toml") ? name : name + ".toml", text: scenario.text)
            }
            let compareRequest = given
            let report = try await workbench.pool.run {
                let options = SolvePool.options(timeLimit: 60)
                // Policy files by their names only, never the server's path.
                var comparison = try Workflows.compare(compareRequest, options: options) { GLPKSolver() }.comparison
                for index in comparison.columns.indices {
                    comparison.columns[index].policy.name = ProblemLine.displayName(comparison.columns[index].policy.name, names: [:])
                }
                return CompareReport(comparison: comparison, language: language, showsTiming: false)
            }
            return HTTP.jsonText(try CompareJSON.render(report))
        }
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The plan of the job the path names (as edited on the page), or 409 while it is not done.
    static func finished(_ workbench: Workbench, _ context: BasicRequestContext, _ language: Language) throws
        -> (Plan, PlanOutcome)
    {
        try finished(workbench.job(context.parameters.get("job"), language: language), language)
    }

    /// The job's plan (as edited on the page), or 409 while it is not done.
    static func finished(_ job: PlanJob, _ language: Language) throws -> (Plan, PlanOutcome) {
        guard let result = job.editedPlan() else { throw notDone(language) }
        return result
    }

    private static func notDone(_ language: Language) -> Failure {
        Failure(status: .conflict, code: "not_done", message: language == .zh ? "名册尚未编制完成" : "the plan is not done yet")
    }

    /// The date in query parameter `name`, if given; 400 when it is not a date.
    private static func day(_ request: Request, _ name: String, language: Language) throws -> Day? {
        try day(request.uri.queryParameters.get(name).map { String($0) }, named: name, language: language)
    }

    /// The date `text` (a query parameter's or a body field's, called `name`), `nil` when empty; 400 when it is not a date.
    static func day(_ text: String?, named name: String, language: Language) throws -> Day? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = Vocabulary.day(text) else {
            throw Failure.badRequest("\(name) 不是日期：请写成 YYYY-MM-DD", "\(name) is not a date: write it as YYYY-MM-DD", language)
        }
        return day
    }

    /// The roster a page sends: every school of the plan once, each held by a pool inspector or one of
    /// the plan's vacancies.
    static func parse(_ body: RosterBody, plan: Plan, language: Language) throws -> Roster {
        let inspectors = plan.district.inspectorsByID, schools = plan.district.schoolsByID
        let vacancies = Dictionary(plan.roster.vacancies.map { ($0.rosterID, $0) }, uniquingKeysWith: { a, _ in a })
        var assignments: [Assignment] = []
        for line in body.assignments {
            let school = School.ID(uncheckedRawValue: line.school)
            guard schools[school] != nil else {
                throw Failure.badRequest("名册中有未知学校", "the roster names an unknown school", language)
            }
            let inspector = Inspector.ID(uncheckedRawValue: line.assignee)
            if inspectors[inspector] != nil {
                assignments.append(Assignment(school: school, assignee: .inspector(inspector)))
            } else if let vacancy = vacancies[line.assignee] {
                assignments.append(Assignment(school: school, assignee: vacancy))
            } else {
                throw Failure.badRequest("名册中有未知督学", "the roster names an unknown inspector", language)
            }
        }
        return Roster(assignments: assignments)
    }
}

// MARK: - Bodies and answers

/// `POST …/plan`.
struct PlanBody: Codable, Sendable {
    /// A pinned pair (an edit to keep).
    struct Pin: Codable, Sendable {
        var school: String
        var inspector: String
    }
    var pins: [Pin]?
    /// A preset replacing the district's rules (`national`, `zaozhuang` …); none: the district's own policy.
    var policy: String?
    /// Policy keys set for this plan: `key=value`, one value each.
    var settings: [String]?
    var timeLimit: Double?
}

/// `PUT /api/jobs/{job}/roster`.
struct RosterBody: Codable, Sendable {
    struct Line: Codable, Sendable {
        var school: String
        var assignee: String
    }
    var assignments: [Line]
}

/// `POST …/compare`.
struct CompareBody: Codable, Sendable {
    /// A scenario from the page's form: scenario-file TOML (keys, [schools] and [inspectors] edits).
    struct ScenarioForm: Codable, Sendable {
        var name: String
        var text: String
    }
    var sweeps: [String]
    var scenarios: [ScenarioForm]?
}

struct DistrictList: Codable, Sendable {
    struct Item: Codable, Sendable {
        var id: String
        var name: String
    }
    var districts: [Item]
}

/// `GET /api/districts/{id}`: the schools, the pool in brief, and the problems as `validate` reports them.
struct DistrictDetail: Codable, Sendable {
    struct SchoolItem: Codable, Sendable {
        var id: String
        var name: String
        var stage: String
        var zone: String
        var enrollment: Int
        var large: Bool
        var latitude: Double?
        var longitude: Double?
    }
    struct Pool: Codable, Sendable {
        var inspectors: Int
        var fullTime: Int
        var partTime: Int
        var eligible: Int
    }
    var id: String
    var name: String
    var valid: Bool
    var schools: [SchoolItem]
    var pool: Pool?
    var problems: [ProblemLine]
    /// Whether the district has a roster of record (history, renew from the record).
    var hasRecord = false
    /// Whether its files were uploaded in this session.
    var uploaded = false

    static func make(_ entry: DistrictEntry, language: Language, names: [String: String] = [:]) -> DistrictDetail {
        // The record is read once, for the validation and the loaded district both.
        let source = DistrictSource(path: entry.path)
        let record = Result { () throws(InputError) in try source.recordHistory() }
        let report = Workflows.validate(ValidateRequest(district: source), record: record)
        let problems = report.problems.map { ProblemLine($0, language: language, names: names) }
        guard let loaded = try? source.load(record: record) else {
            return DistrictDetail(id: entry.id, name: entry.id, valid: false, schools: [], pool: nil, problems: problems,
                                  hasRecord: (try? record.get()) != nil, uploaded: entry.uploaded)
        }
        let hasRecord = loaded.record != nil
        let text = Text(language)
        let district = loaded.district, policy = loaded.policy
        return DistrictDetail(
            id: entry.id, name: district.name, valid: report.isValid,
            schools: district.schools.map {
                SchoolItem(id: $0.id.rawValue, name: $0.name, stage: text.stage($0.stage), zone: $0.zone.rawValue,
                           enrollment: $0.enrollment, large: $0.isLarge(under: policy), latitude: $0.location?.latitude,
                           longitude: $0.location?.longitude)
            },
            pool: Pool(inspectors: district.inspectors.count, fullTime: district.inspectors.count { $0.employment == .fullTime },
                       partTime: district.inspectors.count { $0.employment == .partTime },
                       eligible: district.inspectors.count { Eligibility.isEligible($0, under: policy) }),
            problems: problems, hasRecord: hasRecord, uploaded: entry.uploaded)
    }
}

struct ValidationAnswer: Codable, Sendable {
    var valid: Bool
    var errors: Int
    var warnings: Int
    var schools: Int?
    var inspectors: Int?
    var rosterRows: Int?
    var problems: [ProblemLine]
}

/// A plan job: its status and progress, and the report once done.
struct JobAnswer: Encodable, Sendable {
    var id: String
    var district: String
    var status: String
    var level: String?
    var elapsed: Double
    var report: PlanReport?
    var error: Failure.Body?

    init(_ job: PlanJob) {
        let state = job.state.withLock { $0 }
        id = job.id
        district = job.district.id
        status = state.status.rawValue
        level = state.level
        elapsed = state.elapsed
        var report = state.outcome?.report
        if let name = report?.policy.name { report?.policy.name = ProblemLine.displayName(name, names: [:]) }
        self.report = report
        error = state.failure?.body
    }
}

/// The working roster for the table and the map: one row per school, the pool, and the audit.
struct RosterAnswer: Encodable, Sendable {
    struct Row: Codable, Sendable {
        var school: String
        var schoolName: String
        var stage: String
        var zone: String
        var enrollment: Int
        var large: Bool
        var assignee: String
        var assigneeName: String
        var employment: String
        var vacancy: Bool
        var latitude: Double?
        var longitude: Double?
    }
    struct Person: Codable, Sendable {
        var id: String
        var name: String
        var zone: String
        var employment: String
        var latitude: Double?
        var longitude: Double?
    }
    var rows: [Row]
    var inspectors: [Person]
    var vacancies: [Person]
    var audit: RosterAudit

    static func make(_ plan: Plan, language: Language) -> RosterAnswer {
        let text = Text(language)
        let schools = plan.district.schoolsByID, inspectors = plan.district.inspectorsByID
        let rows = plan.roster.assignments.map { line -> Row in
            let school = schools[line.school]
            var name = "", employment = "", vacancy = false
            switch line.assignee {
            case .inspector(let id):
                name = inspectors[id]?.name ?? ""
                employment = inspectors[id].map { text.employment($0.employment) } ?? ""
            case .vacancy(_, _, let value):
                name = language == .zh ? "待聘" : "to recruit"
                employment = text.employment(value)
                vacancy = true
            }
            return Row(school: line.school.rawValue, schoolName: school?.name ?? "", stage: text.stage(school?.stage),
                       zone: school?.zone.rawValue ?? "", enrollment: school?.enrollment ?? 0,
                       large: school?.isLarge(under: plan.policy) ?? false, assignee: line.assignee.rosterID,
                       assigneeName: name, employment: employment, vacancy: vacancy,
                       latitude: school?.location?.latitude, longitude: school?.location?.longitude)
        }
        let people = plan.district.inspectors.map {
            Person(id: $0.id.rawValue, name: $0.name, zone: $0.zone.rawValue, employment: text.employment($0.employment),
                   latitude: $0.location?.latitude, longitude: $0.location?.longitude)
        }
        let vacancies = plan.roster.vacancies.compactMap { assignee -> Person? in
            guard case .vacancy(let id, let zone, let employment) = assignee else { return nil }
            return Person(id: id, name: language == .zh ? "待聘" : "to recruit", zone: zone.rawValue,
                          employment: text.employment(employment), latitude: nil, longitude: nil)
        }
        return RosterAnswer(rows: rows, inspectors: people, vacancies: vacancies,
                            audit: Workflows.audit(plan.roster, district: plan.district, policy: plan.policy, language: language))
    }
}

struct OptionsAnswer: Encodable, Sendable {
    var school: String
    var options: [ReassignmentOption]
}

struct CheckAnswer: Encodable, Sendable {
    var report: CheckReport
    var warnings: [ProblemLine]
}

struct RenewAnswer: Encodable, Sendable {
    var report: RenewalReport
    /// The id of the change list download (GET /api/renewals/{renewal}/changes.csv).
    var changes: String
    var warnings: [ProblemLine]
}
