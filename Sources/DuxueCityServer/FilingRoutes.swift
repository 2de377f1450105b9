import DuxueCity
import DuxueConcurrency
import DuxueDomain
import DuxueInput
import DuxueReport
import DuxueServer
import DuxueWorkflows
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The dashboard's review: the `review` summary of each district's latest filing, computed when the
/// set of latest filings changes.
struct DashboardReview: Sendable {
    /// The review line of each district's latest filing, by district.
    var lines: [String: ReviewReport.FilingLine]
    /// The city's own findings (districts that filed nothing, …).
    var city: [ReviewReport.Line]
}

/// Filings (submit, list, download, accept, return), deadlines, and the city dashboard.
enum FilingRoutes {
    struct DecisionBody: Codable, Sendable {
        var comment: String?
    }
    struct DeadlineBody: Codable, Sendable {
        var dueOn: String
    }

    /// A row of the dashboard: a district's status, deadline and its latest filing's review.
    struct DashboardRow: Codable, Sendable {
        var district: String
        /// The district as people know it: its policy's `district_name`, else its id.
        var name: String
        var status: String
        var version: Int?
        var filing: Int64?
        var submittedAt: String?
        var submittedBy: String?
        var comment: String?
        var deadline: String?
        var overdue: Bool
        var review: ReviewReport.FilingLine?
    }
    struct Dashboard: Codable, Sendable {
        var asOf: String
        var districts: [DashboardRow]
        var city: [ReviewReport.Line]
    }

    static func add(to routes: CityRouter, city: City) {
        let store = city.store
        routes.add(.get, "/d/{district}/filings", .districtRead) { request, context in
            let (id, _) = try city.workbench(context, HTTP.language(request))
            return try HTTP.json(["filings": try store.filings(district: id)])
        }
        routes.add(.get, "/d/{district}/submissions", .districtRead) { request, context in
            let language = HTTP.language(request)
            let (id, _) = try city.workbench(context, language)
            guard let session = context.session else { throw Failure.unauthorized(language) }
            return try CityPages.submissions(request, district: id, name: city.name(id), filings: try store.filings(district: id),
                                             deadline: try store.deadlines()[id], session: session)
        }
        // An uploaded filing workbook (`?name=FILE.xlsx`, the bytes as the body).
        routes.add(.post, "/d/{district}/filings", .districtWrite) { request, context in
            let language = HTTP.language(request)
            let (id, _) = try city.workbench(context, language)
            let name = Upload.sanitized(request.uri.queryParameters.get("name").map { String($0) } ?? "")
            guard name.lowercased().hasSuffix(".xlsx") else {
                throw Failure(status: .unsupportedMediaType, code: "unsupported_type",
                                  message: language == .zh ? "备案材料须为 .xlsx 文件" : "a filing is an .xlsx workbook")
            }
            var body = request
            let bytes = Array(try await HTTP.collect(&body, limit: HTTP.maxUploadBytes, language: language).readableBytesView)
            return try await submit(bytes, name: name, district: id, city: city, context: context, language: language, detail: "uploaded")
        }
        // The filing workbook of a plan job of the district's workbench, as its download gives it.
        routes.add(.post, "/d/{district}/filings/from-job/{job}", .districtWrite) { request, context in
            let language = HTTP.language(request)
            let (id, workbench) = try city.workbench(context, language)
            let job = context.parameters.get("job") ?? ""
            var head = request.head
            head.method = .get
            let inner = Request(head: head, body: .init(buffer: ByteBuffer()))
            let response = try await workbench.respond(to: inner, path: "/api/jobs/\(CityRoutes.pathSegment(job))/filing.xlsx",
                                                       context: context.basic)
            guard response.status == .ok else {
                throw Failure(status: response.status == .conflict ? .conflict : .notFound, code: "no_plan",
                                  message: language == .zh ? "没有这个已完成的编制" : "no finished plan with this id")
            }
            let box = Locked<[UInt8]>([])
            try await response.body.write(CollectingWriter(box: box))
            let collected = box.withLock { $0 }
            return try await submit(collected, name: "\(id)-备案材料.xlsx", district: id, city: city, context: context, language: language,
                                    detail: "job=\(job)")
        }
        routes.add(.get, "/d/{district}/filings/{filing}/file", .districtRead) { request, context in
            let language = HTTP.language(request)
            let (id, _) = try city.workbench(context, language)
            guard let number = context.parameters.get("filing").flatMap({ Int64($0) }), let filing = try store.filing(id: number, district: id),
                  let bytes = try store.content(id: number) else { throw Failure.notFound(language) }
            try store.audit(context.actor, action: "download", district: id, detail: "filing=\(number)")
            return HTTP.bytes(bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                  download: "\(id)-v\(filing.version)-\(filing.fileName)")
        }
        for (verb, accept) in [("accept", true), ("return", false)] {
            routes.add(.post, "/d/{district}/filings/{filing}/\(verb)", .reviewer) { request, context in
                let language = HTTP.language(request)
                let (id, _) = try city.workbench(context, language)
                guard let number = context.parameters.get("filing").flatMap({ Int64($0) }) else { throw Failure.notFound(language) }
                let body = try await HTTP.decode(DecisionBody.self, from: request, language: language, limit: HTTP.cityJSONBytes)
                let filing = try store.decide(id: number, district: id, accept: accept, comment: body.comment ?? "", by: context.actor)
                return try HTTP.json(filing)
            }
        }
        routes.add(.put, "/api/city/deadlines/{district}", .reviewer) { request, context in
            let language = HTTP.language(request)
            let (id, _) = try city.workbench(context, language)
            let body = try await HTTP.decode(DeadlineBody.self, from: request, language: language, limit: HTTP.cityJSONBytes)
            guard let day = Day(iso: body.dueOn) else {
                throw Failure.badRequest("截止日期须写成 YYYY-MM-DD", "due_on must be a date YYYY-MM-DD", language)
            }
            try store.setDeadline(district: id, dueOn: day.description, by: context.actor)
            return try HTTP.json(["district": id, "due_on": day.description])
        }
        routes.add(.get, "/api/city/dashboard", .reviewer) { request, context in
            try HTTP.json(try await dashboard(city, language: HTTP.language(request)))
        }
        routes.add(.get, "/city", .reviewer) { request, context in
            let language = HTTP.language(request)
            guard let session = context.session else { throw Failure.unauthorized(language) }
            return try CityPages.dashboard(request, dashboard: try await dashboard(city, language: language),
                                           audit: try store.auditLog(limit: 30), names: city.names, session: session)
        }
    }

    /// Checks and stores a filing: an .xlsx that reads as a filing (the review's reader, with its zip-bomb
    /// limits), then the next version, immutably.
    static func submit(_ bytes: [UInt8], name: String, district: String, city: City, context: CityContext, language: Language,
                       detail: String) async throws -> Response {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Failure(status: .unsupportedMediaType, code: "unsupported_type",
                              message: language == .zh ? "文件内容不是 .xlsx 工作簿" : "the file is not an .xlsx workbook")
        }
        let line = try await offThread { try reviewOne(bytes, language: language) }
        if line?.verdict == .unreadable || line == nil {
            let reason = line?.findings.first?.message ?? ""
            try city.store.audit(context.actor, action: "submit", district: district, outcome: "refused", detail: "unreadable")
            throw Failure(status: .unprocessableContent, code: "unreadable_filing",
                              message: (language == .zh ? "无法作为备案材料读取：" : "cannot be read as a filing: ") + reason)
        }
        // The filing names the district it is for (its cover); it must be the district it is filed under.
        // A filing names its district as the district's policy does (`district_name`, e.g. 丰城县), or by its
        // folder's name when the policy names none: either is this district. (Two districts whose policies
        // give them one name are warned of at start; the filing is filed under the district of its URL.)
        let declared = line?.district ?? ""
        let ownName = city.workbenches[district].flatMap { PolicyReader.districtName(of: $0.districtPath) }
        let names = Set([district, ownName].compactMap { $0?.precomposedStringWithCanonicalMapping })
        guard names.contains(declared.precomposedStringWithCanonicalMapping) else {
            try city.store.audit(context.actor, action: "submit", district: district, outcome: "refused",
                                 detail: "declares district \(declared.prefix(64))")
            throw Failure(status: .unprocessableContent, code: "wrong_district",
                              message: language == .zh ? "这份备案材料写的是「\(declared)」的名册，不能作为「\(city.name(district))」的备案提交"
                                  : "this filing is the roster of \u{201C}\(declared)\u{201D}: it cannot be filed for \u{201C}\(city.name(district))\u{201D}")
        }
        let filing = try city.store.submit(district: district, fileName: name, bytes: bytes, by: context.actor, detail: detail)
        return try HTTP.json(filing, status: .created)
    }

    /// The review of one filing workbook (in a private scratch folder, removed after).
    static func reviewOne(_ bytes: [UInt8], language: Language) throws -> ReviewReport.FilingLine? {
        try withScratch { folder in
            let path = folder + "/filing.xlsx"
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            return try Workflows.review(ReviewRequest(folder: folder, asOf: today(), jobs: 1, language: language)).report.filings.first
        }
    }

    /// Today in China.
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(januaryFirstOf: 2026)
    }

    static func withScratch<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-city-\(CityStore.randomHex(bytes: 8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    /// The dashboard: every district's status and deadline, and the review of its latest filing.
    static func dashboard(_ city: City, language: Language) async throws -> Dashboard {
        let filings = try city.store.filings(district: nil)
        var latest: [String: Filing] = [:]
        for filing in filings where (latest[filing.district]?.version ?? 0) < filing.version { latest[filing.district] = filing }
        let deadlines = try city.store.deadlines()
        let key = language.rawValue + ":" + latest.values.map { "\($0.id)" }.sorted().joined(separator: ",")
        let review: DashboardReview
        if let cached = city.dashboardCache.withLock({ $0 }), cached.key == key {
            review = cached.review
        } else {
            let chosen = Array(latest.values)
            let store = city.store, list = city.configuration.schoolList
            review = try await offThread {
                try withScratch { folder in
                    var byFile: [String: String] = [:]
                    for filing in chosen {
                        let file = "filing-\(filing.id).xlsx"
                        byFile[file] = filing.district
                        if let bytes = try store.content(id: filing.id) {
                            _ = FileManager.default.createFile(atPath: folder + "/" + file, contents: Data(bytes))
                        }
                    }
                    guard !chosen.isEmpty else { return DashboardReview(lines: [:], city: []) }
                    let report = try Workflows.review(ReviewRequest(folder: folder, schools: list, asOf: today(),
                                                                    jobs: 2, language: language)).report
                    var lines: [String: ReviewReport.FilingLine] = [:]
                    for line in report.filings { if let district = byFile[line.file] ?? byFile[(line.file as NSString).lastPathComponent] { lines[district] = line } }
                    return DashboardReview(lines: lines, city: report.city)
                }
            }
            city.dashboardCache.withLock { $0 = (key, review) }
        }
        let now = today().description
        let rows = city.order.map { district -> DashboardRow in
            let filing = latest[district]
            let status = filing?.status ?? "draft"
            let deadline = deadlines[district]
            return DashboardRow(district: district, name: city.name(district), status: status, version: filing?.version, filing: filing?.id,
                                submittedAt: filing?.submittedAt, submittedBy: filing?.submittedBy, comment: filing?.comment,
                                deadline: deadline, overdue: deadline.map { $0 < now && !["submitted", "accepted"].contains(status) } ?? false,
                                review: review.lines[district])
        }
        return Dashboard(asOf: now, districts: rows, city: review.city)
    }
}

/// Collects a response body's bytes.
struct CollectingWriter: ResponseBodyWriter {
    let box: Locked<[UInt8]>

    mutating func write(_ buffer: ByteBuffer) async throws { box.withLock { $0 += Array(buffer.readableBytesView) } }
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
