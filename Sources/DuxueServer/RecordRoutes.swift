import DuxueCompare
import DuxueDomain
import DuxueInput
import DuxuePlanner
import DuxueRecord
import DuxueReport
import DuxueWorkflows
import Foundation
import Hummingbird

/// The routes of the roster of record (record a planned roster, history), the policy keys a plan may
/// override, the change list of a renewal, and districts uploaded in the session. As the others, they
/// parse, call a workflow and render its data.
enum RecordRoutes {
    static func add(to router: Router<BasicRequestContext>, workbench: Workbench) {
        router.get("/api/districts/{id}/history") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            let inspector = request.uri.queryParameters.get("inspector").map { String($0) }
            let school = request.uri.queryParameters.get("school").map { String($0) }
            do {
                // History never carries conflicts or phones: the report holds neither.
                let outcome = try Workflows.history(HistoryRequest(district: DistrictSource(path: entry.path), inspector: inspector,
                                                                   school: school))
                return try HTTP.json(HistoryAnswer(report: outcome.report))
            } catch let error as HistoryError {
                switch error {
                case .noRecord:
                    throw Failure(status: .notFound, code: "no_record",
                                  message: language == .zh ? "本区县还没有任用记录" : "the district has no roster of record yet")
                case .notRecorded(let id):
                    throw Failure(status: .notFound, code: "not_recorded",
                                  message: language == .zh ? "任用记录中没有 \(id)" : "\(id) is not in the record")
                }
            } catch {
                throw Failure.from(error, language: language, names: workbench.fileNames(for: entry))
            }
        }
        router.post("/api/jobs/{job}/record") { request, context in
            let language = HTTP.language(request)
            let job = try workbench.job(context.parameters.get("job"), language: language)
            let (plan, _) = try APIRoutes.finished(job, language)
            let body = try await HTTP.decode(RecordBody.self, from: request, language: language)
            guard let status = RosterStatus(rawValue: body.status ?? "draft") else {
                throw Failure.badRequest("状态须为 draft、filed 或 approved", "status must be draft, filed or approved", language)
            }
            let docNo = body.docNo?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let docNo, docNo.count > 100 { throw Failure.badRequest("文号太长", "the document number is too long", language) }
            let asOf = try APIRoutes.day(body.asOf, named: "as_of", language: language)
            let recordPath = DistrictSource(path: job.district.path).recordPath
            let outcome: RecordOutcome
            do {
                outcome = try await workbench.pool.run {
                    // The working roster as the CLI writes it (term_start included), read back by `record` as any roster.
                    try Scratch.withFolder { folder in
                        let path = folder + "/workbench-roster.csv"
                        let text = CSVWriter.document(header: RosterTable.header(in: .en, officeColumns: RosterTable.officeColumns(plan)),
                                                      rows: RosterTable.rows(plan, language: .en))
                        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                        return try Workflows.record(RecordRequest(
                            district: DistrictSource(path: job.district.path, policy: job.policy), roster: path, asOf: asOf, docNo: docNo?.isEmpty == true ? nil : docNo,
                            status: status, replace: body.replace ?? false, language: language))
                    }
                }
            } catch let error as RecordWorkflowError {
                throw failure(error, recordPath: recordPath, language: language)
            } catch {
                throw Failure.from(error, language: language, names: workbench.fileNames(for: job.district))
            }
            let recorded = outcome.recorded
            return try HTTP.json(RecordAnswer(
                termStart: recorded.term.start.description, effectiveOn: recorded.effectiveOn.description, version: recorded.version,
                status: recorded.status.rawValue, docNo: recorded.docNo, lines: recorded.assignments.count, findings: outcome.findings,
                warnings: outcome.warnings.map { ProblemLine($0, language: language, names: workbench.fileNames(for: job.district)) }))
        }
        router.get("/api/districts/{id}/policy") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            let preset = request.uri.queryParameters.get("policy").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
            if let preset, !Presets.names.contains(preset) { throw Failure.notFound(language) }
            let policy = try? DistrictSource(path: entry.path, policy: preset).load().policy
            return try HTTP.json(PolicyAnswer(keys: PolicyKey.all.map { key in
                PolicyAnswer.Key(name: key.name, chineseName: key.chineseName, type: key.type.summary, choices: key.type.choices,
                                 inScenarios: key.inScenarios, value: policy.map { key.display($0) },
                                 hint: language == .zh ? key.hintZh : key.hintEn)
            }))
        }
        router.get("/api/renewals/{renewal}/changes.csv") { request, context in
            let language = HTTP.language(request)
            let report = try workbench.renewal(context.parameters.get("renewal"), language: language)
            let text = CSVWriter.document(header: RenewalRenderer.changeHeader(in: report.language), rows: RenewalRenderer.changeRows(report))
            let bytes = (report.language == .zh ? TextEncoding.utf8ByteOrderMark : []) + Array(text.utf8)
            return HTTP.bytes(bytes, type: "text/csv; charset=utf-8", download: "\(report.district)-changes.csv")
        }
        router.post("/api/uploads") { request, _ in
            let language = HTTP.language(request)
            let entry = try workbench.newUpload(language: language)
            return try HTTP.json(DistrictList.Item(id: entry.id, name: entry.id), status: .created)
        }
        router.put("/api/districts/{id}/files/{role}") { request, context in
            let language = HTTP.language(request)
            let entry = try workbench.district(context.parameters.get("id"), language: language)
            guard entry.uploaded else {
                throw Failure(status: .forbidden, code: "forbidden",
                              message: language == .zh ? "只能向上传的区县上传文件" : "files can be uploaded to an uploaded district only")
            }
            guard let role = context.parameters.get("role"), ["schools", "inspectors"].contains(role) else { throw Failure.notFound(language) }
            let upload = try await Upload.receive(request, language: language)
            defer { upload.remove() }
            do {
                try workbench.store(upload, role: role, in: entry)
            } catch {
                throw Failure.from(error, language: language)
            }
            return try HTTP.json(DistrictDetail.make(entry, language: language, names: workbench.fileNames(for: entry)))
        }
    }

    /// A refusal of the record as an answer: no server path in it.
    static func failure(_ error: RecordWorkflowError, recordPath: String, language: Language) -> Failure {
        switch error {
        case .termStartUnknown:
            return Failure(status: .unprocessableContent, code: "term_start_unknown",
                           message: language == .zh ? "不知道名册属于哪一届：请在 policy.toml 中写明 term_start" : "the roster's term is unknown: state term_start in policy.toml")
        case .record(let error):
            let message = error.message(in: language).replacingOccurrences(of: recordPath, with: DistrictRecord.fileName)
            if case .alreadyRecorded = error { return Failure(status: .conflict, code: "already_recorded", message: message) }
            return Failure(status: .unprocessableContent, code: "record_refused", message: message)
        }
    }
}

/// `POST /api/jobs/{job}/record`.
struct RecordBody: Codable, Sendable {
    /// draft (the default), filed or approved.
    var status: String?
    /// 聘任文号.
    var docNo: String?
    /// Replace a roster already recorded for the term (the replaced version is kept).
    var replace: Bool?
    /// A mid-term change as of this date.
    var asOf: String?
}

/// What was recorded.
struct RecordAnswer: Encodable, Sendable {
    var termStart: String
    var effectiveOn: String
    var version: Int
    var status: String
    var docNo: String?
    var lines: Int
    var findings: [String]
    var warnings: [ProblemLine]
}

/// `GET …/history`: the history report (no conflicts, no phones).
struct HistoryAnswer: Encodable, Sendable {
    var report: HistoryReport
}

/// The table of policy keys with the district's values.
struct PolicyAnswer: Encodable, Sendable {
    struct Key: Encodable, Sendable {
        var name: String
        var chineseName: String
        var type: String
        var choices: [String]?
        var inScenarios: Bool
        var value: String?
        var hint: String
    }
    var keys: [Key]
}

extension PolicyValueType {
    /// The words of a choice, for a drop-down.
    var choices: [String]? {
        if case .choice(let words) = self { return words }
        return nil
    }
}
