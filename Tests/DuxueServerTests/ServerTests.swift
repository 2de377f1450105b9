import DuxueTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import DuxueServer
import DuxueConcurrency

/// A small district whose first school is named like a script, to see every page and answer escape it.
enum Fixture {
    static let hostile = "<script>alert(1)</script>"

    /// A new folder with the district's files.
    static func district() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-serve-test-\(UUID().uuidString)/城关").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
        id,name,stage,enrollment,zone,lat,lon
        S-01,\(hostile),kindergarten,240,城关,33.80,107.90
        S-02,城关第一小学,primary,2600,城关,33.82,107.93
        S-03,城关第二小学,primary,900,城关,33.85,107.95
        S-04,青山镇中心小学,primary,700,青山,33.70,107.80
        S-05,青山镇中学,junior,800,青山,33.72,107.82

        """.write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try """
        id,name,employment,status,retired_on,consecutive_terms,zone,conflicts,phone,lat,lon
        I-01,王芳,full_time,in_service,,0,城关,,138-0000-0001,33.81,107.91
        I-02,李强,part_time,in_service,,1,城关,S-03,138-0000-0002,33.83,107.94
        I-03,张伟,full_time,in_service,,0,青山,,138-0000-0003,33.71,107.81
        I-04,刘洋,part_time,in_service,,0,青山,,138-0000-0004,33.73,107.83
        I-05,陈静,full_time,in_service,,0,城关,,138-0000-0005,33.84,107.92

        """.write(toFile: folder + "/inspectors.csv", atomically: true, encoding: .utf8)
        try """
        preset = "combined"
        term_start = 2027-09-01

        """.write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
        return folder
    }

    static var county: String { DuxueExecutable.repository.appendingPathComponent("Data/county").path }

    static func app(_ paths: [String], token: String? = nil, host: String = "127.0.0.1") throws -> some ApplicationProtocol {
        try WorkbenchServer.application(ServeConfiguration(districts: paths, host: host, port: 0, accessToken: token), solveLimit: 2)
    }

    /// The CSRF token the page carries in its meta tag.
    static func csrf(_ client: some TestClientProtocol) async throws -> String {
        let page = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
        let marker = "name=\"duxue-csrf\" content=\""
        guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
            throw FixtureError.noToken
        }
        return String(page[start..<end])
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] ?? [:]
    }

    static func headers(_ csrf: String, type: String = "application/json") -> HTTPFields {
        [HTTP.csrfHeader: csrf, .contentType: type]
    }
}

enum FixtureError: Error { case noToken, planNotDone }

@Suite struct ServerTests {
    @Test func everyRouteIsInTheOpenAPIDocumentAndBack() throws {
        let configuration = ServeConfiguration(districts: [Fixture.county], port: 0)
        let router = WorkbenchServer.router(configuration, workbench: Workbench(paths: configuration.districts))
        let routed = Set(router.routes.map { route -> String in
            let path = route.path.description.split(separator: "/").map { part -> String in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue.lowercased()) /\(path)"
        })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.0.3")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var described = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { described.insert("\(method) \(path == "/" ? "/" : path)") }
        }
        #expect(routed.count > 15)
        #expect(routed.subtracting(described).isEmpty, "routes missing from /openapi.json: \(routed.subtracting(described).sorted())")
        #expect(described.subtracting(routed).isEmpty, "documented but not routed: \(described.subtracting(routed).sorted())")
    }

    @Test func firstPageListsTheSchoolsAsText() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.contains(Fixture.hostile))
                #expect(page.contains("城关第一小学"))
                #expect(page.contains("<html lang=\"zh\">"))
                #expect(page.contains("<option value=\"national\">national</option>"))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
            }
            for asset in ["/favicon.ico", "/favicon.svg", "/assets/app.js", "/assets/app.css", "/openapi.json"] {
                try await client.execute(uri: asset, method: .get) { #expect($0.status == .ok, "\(asset)") }
            }
        }
    }

    @Test func districtAnswersCarryNamesAsDataNotMarkup() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/districts", method: .get) { response in
                let body = try Fixture.json(response.body)
                let districts = body["districts"] as? [[String: Any]]
                #expect(districts?.first?["id"] as? String == "城关")
            }
            let id = "%E5%9F%8E%E5%85%B3"  // 城关
            try await client.execute(uri: "/api/districts/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Fixture.json(response.body)
                let schools = body["schools"] as? [[String: Any]]
                #expect(schools?.count == 5)
                #expect(schools?.first?["name"] as? String == Fixture.hostile)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func problemsAreReportedWithPlaceButWithoutServerPaths() async throws {
        let folder = try Fixture.district()
        try "id,name,stage,enrollment,zone\nS-01,A,primary,lots,城关\n".write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        let app = try Fixture.app([folder])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/validate", method: .post, headers: [HTTP.csrfHeader: csrf]) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                let body = try Fixture.json(response.body)
                #expect(body["valid"] as? Bool == false)
                let problem = (body["problems"] as? [[String: Any]])?.first { ($0["severity"] as? String) == "error" }
                #expect(problem?["file"] as? String == "schools.csv")
                #expect(problem?["line"] as? Int == 2)
                #expect(problem?["column_name"] as? String == "enrollment")
                #expect(!text.contains(FileManager.default.temporaryDirectory.path))
            }
            // The first page lists the same problem, in the words `duxue validate` prints.
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("schools.csv 第 2 行"))
                #expect(!page.contains(FileManager.default.temporaryDirectory.path))
            }
        }
    }

    @Test func stateChangingRequestsNeedThePageTokenAndTheirOwnOrigin() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let body = ByteBuffer(string: "{}")
            let uri = "/api/districts/%E5%9F%8E%E5%85%B3/plan"
            try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .forbidden)
                let body = try Fixture.json(response.body)
                #expect(body["error"] as? String == "forbidden")
            }
            try await client.execute(uri: uri, method: .post, headers: Fixture.headers("0123456789abcdef0123456789abcdef"), body: body) {
                #expect($0.status == .forbidden)
            }
            var foreign = Fixture.headers(csrf)
            foreign[.origin] = "http://evil.example"
            try await client.execute(uri: uri, method: .post, headers: foreign, body: body) { #expect($0.status == .forbidden) }
            var crossSite = Fixture.headers(csrf)
            crossSite[HTTP.fetchSite] = "cross-site"
            try await client.execute(uri: uri, method: .post, headers: crossSite, body: body) { #expect($0.status == .forbidden) }
            var own = Fixture.headers(csrf)
            own[.origin] = "http://localhost"
            try await client.execute(uri: uri, method: .post, headers: own, body: body) { #expect($0.status == .accepted) }
        }
    }

    @Test func districtsAreNamedByIdNeverByPath() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            for uri in ["/api/districts/..%2F..%2Fetc", "/api/districts/%2Fetc", "/api/districts/..", "/districts/..%2F城关",
                        "/api/districts/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!String(buffer: response.body).contains("/"), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/districts/..%2Fetc/validate", method: .post, headers: [HTTP.csrfHeader: csrf]) {
                #expect($0.status == .notFound)
            }
        }
        #expect(Upload.sanitized("../../etc/passwd.csv") == "passwd.csv")
        #expect(Upload.sanitized("..\\..\\roster.xlsx") == "roster.xlsx")
        #expect(Upload.sanitized("..") == "upload..")
        #expect(DistrictEntry.entries(["a/x", "b/x", "c/y.xlsx"]).map(\.id) == ["x", "x-2", "y"])
    }

    @Test func uploadsAreCheckedForTypeContentAndSize() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let base = "/api/districts/%E5%9F%8E%E5%85%B3/check"
            try await client.execute(uri: base + "?name=roster.txt", method: .post, headers: Fixture.headers(csrf, type: "text/plain"),
                                     body: ByteBuffer(string: "school_id,inspector_id\n")) { #expect($0.status == .unsupportedMediaType) }
            try await client.execute(uri: base + "?name=roster.xlsx", method: .post, headers: Fixture.headers(csrf, type: "text/csv"),
                                     body: ByteBuffer(string: "school_id,inspector_id\n")) { #expect($0.status == .unsupportedMediaType) }
            try await client.execute(uri: base + "?name=roster.csv", method: .post, headers: Fixture.headers(csrf, type: "image/png"),
                                     body: ByteBuffer(string: "school_id,inspector_id\n")) { #expect($0.status == .unsupportedMediaType) }
            try await client.execute(uri: base + "?name=roster.csv", method: .post, headers: Fixture.headers(csrf, type: "text/csv"),
                                     body: ByteBuffer(bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0])) { #expect($0.status == .unsupportedMediaType) }
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: HTTP.maxUploadBytes + 1)
            try await client.execute(uri: base + "?name=roster.csv", method: .post, headers: Fixture.headers(csrf, type: "text/csv"), body: big) {
                #expect($0.status == .contentTooLarge)
            }
            // A renewal of an uploaded roster: its report names no server path either.
            let previous = "school_id,inspector_id,term_start\nS-01,I-01,2024-09-01\nS-02,I-05,2024-09-01\nS-03,I-01,2024-09-01\nS-04,I-03,2024-09-01\nS-05,I-04,2024-09-01\n"
            try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/renew?name=previous.csv&as_of=2027-09-01", method: .post,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: previous)) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(!text.contains(FileManager.default.temporaryDirectory.path))
                let report = try Fixture.json(response.body)["report"] as? [String: Any]
                #expect(report?["kind"] != nil)
            }
            try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/renew?name=previous.csv", method: .post,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: previous)) {
                #expect($0.status == .badRequest)
            }
            // A roster naming a school the district does not have: reported by the upload's own name.
            let roster = "school_id,inspector_id\nS-01,I-01\nS-99,I-02\n"
            try await client.execute(uri: base + "?name=../我的名册.csv", method: .post, headers: Fixture.headers(csrf, type: "text/csv"),
                                     body: ByteBuffer(string: roster)) { response in
                let text = String(buffer: response.body)
                #expect(!text.contains(FileManager.default.temporaryDirectory.path))
                #expect(!text.contains("duxue-serve-"))
                #expect(response.status == .ok || response.status == .unprocessableContent)
            }
        }
    }

    @Test func listeningBeyondLoopbackNeedsAnAccessToken() async throws {
        let folder = try Fixture.district()
        #expect(ServeConfiguration(districts: [folder], host: "0.0.0.0").refusal() == .tokenRequired("0.0.0.0"))
        #expect(ServeConfiguration(districts: [folder], host: "0.0.0.0", accessToken: "short").refusal() == .tokenTooShort)
        #expect(ServeConfiguration(districts: [folder], host: "127.0.0.1").refusal() == nil)
        #expect(ServeConfiguration(districts: [folder], host: "::1").refusal() == nil)
        #expect(ServeConfiguration(districts: [folder + "/nope"]).refusal() == .missingDistrict(folder + "/nope"))
        #expect(throws: ServeRefusal.tokenRequired("192.168.1.5")) {
            _ = try WorkbenchServer.application(ServeConfiguration(districts: [folder], host: "192.168.1.5"))
        }
        let token = ServeConfiguration.newToken()
        #expect(token.count == 32)
        let app = try Fixture.app([folder], token: token, host: "0.0.0.0")
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(!String(buffer: response.body).contains(token))
            }
            try await client.execute(uri: "/api/districts", method: .get, headers: [HTTP.accessHeader: (token.hasPrefix("0") ? "1" : "0") + token.dropFirst()]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/districts", method: .get, headers: [HTTP.accessHeader: token]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/?access=\(token)", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("HttpOnly") == true)
                #expect(response.headers[.location] == "/")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(HTTP.accessCookie)=\(token)"]) { #expect($0.status == .ok) }
        }
    }

    @Test func planEditUndoAndDownload() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let district = "/api/districts/%E5%9F%8E%E5%85%B3"
            let job = try await client.execute(uri: district + "/plan", method: .post, headers: Fixture.headers(csrf),
                                               body: ByteBuffer(string: "{\"time_limit\": 30}")) { response in
                #expect(response.status == .accepted)
                return try Fixture.json(response.body)["id"] as? String ?? ""
            }
            var report: [String: Any]?
            for _ in 0..<600 where report == nil {
                let answer = try await client.execute(uri: "/api/jobs/\(job)", method: .get) { response in
                    #expect(!String(buffer: response.body).contains(FileManager.default.temporaryDirectory.path))
                    return try Fixture.json(response.body)
                }
                if answer["status"] as? String == "done" { report = answer["report"] as? [String: Any] }
                #expect(answer["status"] as? String != "failed")
                if report == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            // The event stream of a finished job ends with its final status.
            try await client.execute(uri: "/api/jobs/\(job)/events", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                let stream = String(buffer: response.body)
                #expect(stream.hasPrefix("event: progress\ndata: {"))
                #expect(stream.contains("\"status\":\"done\""))
                #expect(!stream.contains("\"report\""))
            }
            let figures = try #require(report?["figures"] as? [String: Any])
            #expect(figures["schools"] as? Int == 5)
            let roster = try await client.execute(uri: "/api/jobs/\(job)/roster", method: .get) { try Fixture.json($0.body) }
            let rows = try #require(roster["rows"] as? [[String: Any]])
            #expect(rows.count == 5)
            #expect(rows.first?["school_name"] as? String == Fixture.hostile)
            // S-02 (2,600 pupils) is large: its holder must hold nothing else. Give it to S-01's holder.
            let holder = try #require(rows.first { $0["school"] as? String == "S-01" }?["assignee"] as? String)
            let options = try await client.execute(uri: "/api/jobs/\(job)/options?school=S-02", method: .get) { try Fixture.json($0.body) }
            let listed = try #require(options["options"] as? [[String: Any]])
            #expect(!listed.isEmpty)
            let last = try #require(listed.last?["breaks"] as? [String])
            #expect(listed.first.flatMap { $0["breaks"] as? [String] }?.count ?? 99 <= last.count)
            // I-02 must recuse from S-03 (R7): listed, with the rule it would break, after every choice that breaks none.
            let forS03 = try await client.execute(uri: "/api/jobs/\(job)/options?school=S-03", method: .get) {
                try Fixture.json($0.body)["options"] as? [[String: Any]] ?? []
            }
            let recusing = try #require(forS03.firstIndex { $0["inspector_id"] as? String == "I-02" })
            #expect(forS03[recusing]["breaks"] as? [String] == ["R7"])
            #expect(forS03[..<recusing].allSatisfy { ($0["breaks"] as? [String])?.isEmpty == true } || forS03[..<recusing].isEmpty)
            func assignments(_ edit: [String: String]) -> ByteBuffer {
                let lines = rows.map { row -> String in
                    let school = row["school"] as? String ?? ""
                    return "{\"school\":\"\(school)\",\"assignee\":\"\(edit[school] ?? row["assignee"] as? String ?? "")\"}"
                }
                return ByteBuffer(string: "{\"assignments\":[\(lines.joined(separator: ","))]}")
            }
            let edited = try await client.execute(uri: "/api/jobs/\(job)/roster", method: .put, headers: Fixture.headers(csrf),
                                                  body: assignments(["S-02": holder])) { try Fixture.json($0.body) }
            let findings = try #require(edited["findings"] as? [[String: Any]])
            #expect(findings.contains { $0["rule"] as? String == "R3" && ($0["schools"] as? [String])?.contains("S-02") == true })
            // Cross-check: the edited roster downloaded as CSV and checked as an upload (the `check` path: the
            // roster reader, the term in force) finds the same errors as the edit's re-audit.
            let csv = try await client.execute(uri: "/api/jobs/\(job)/roster.csv?lang=en", method: .get) { $0.body }
            let checked = try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/check?name=edited.csv", method: .post,
                                                   headers: Fixture.headers(csrf, type: "text/csv"), body: csv) { response in
                #expect(response.status == .ok)
                return try Fixture.json(response.body)["report"] as? [String: Any] ?? [:]
            }
            #expect(checked["errors"] as? Int == edited["errors"] as? Int)
            #expect((edited["errors"] as? Int ?? 0) > 0)
            let undone = try await client.execute(uri: "/api/jobs/\(job)/roster", method: .put, headers: Fixture.headers(csrf),
                                                  body: assignments([:])) { try Fixture.json($0.body) }
            #expect(undone["errors"] as? Int == 0)
            try await client.execute(uri: "/api/jobs/\(job)/roster", method: .put, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: "{\"assignments\":[{\"school\":\"S-01\",\"assignee\":\"../../x\"}]}")) {
                #expect($0.status == .badRequest)
            }
            for (path, type) in [("roster.csv", "text/csv"), ("roster.xlsx", APIRoutes.xlsxType), ("filing.xlsx", APIRoutes.xlsxType),
                                 ("filing.html", "text/html")] {
                try await client.execute(uri: "/api/jobs/\(job)/\(path)", method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
                    #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true, "\(path)")
                    #expect(response.body.readableBytes > 100, "\(path)")
                }
            }
            try await client.execute(uri: "/api/jobs/\(job)/filing.html", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains(Fixture.hostile))
                #expect(!page.contains(FileManager.default.temporaryDirectory.path))
            }
        }
    }

    @Test func aSecondPlanOfTheSameDistrictCancelsTheFirst() async throws {
        // One solver thread, held busy: both plans wait in the queue, so the first is cancelled before it starts.
        let configuration = ServeConfiguration(districts: [Fixture.county], port: 0)
        let workbench = Workbench(paths: configuration.districts, solveLimit: 1)
        let gate = Locked(false)
        workbench.pool.submit { while !gate.withLock({ $0 }) { Thread.sleep(forTimeInterval: 0.01) } }
        let app = WorkbenchServer.application(configuration, workbench: workbench)
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            var ids: [String] = []
            for _ in 0..<2 {
                ids.append(try await client.execute(uri: "/api/districts/county/plan", method: .post, headers: Fixture.headers(csrf),
                                                    body: ByteBuffer(string: "{\"time_limit\": 20}")) { try Fixture.json($0.body)["id"] as? String ?? "" })
            }
            #expect(workbench.pool.load == (running: 1, waiting: 2))
            let first = try await client.execute(uri: "/api/jobs/\(ids[0])", method: .get) { try Fixture.json($0.body)["status"] as? String }
            #expect(first == "cancelled")
            // Readers are answered while every solver thread is busy.
            for uri in ["/", "/api/districts/county", "/api/districts"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok, "\(uri)") }
            }
            gate.withLock { $0 = true }
            var statuses: [String] = []
            for _ in 0..<600 {
                statuses = try await ids.asyncMap { id in
                    try await client.execute(uri: "/api/jobs/\(id)", method: .get) { try Fixture.json($0.body)["status"] as? String ?? "" }
                }
                if statuses.allSatisfy({ ["done", "failed", "cancelled"].contains($0) }) { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(statuses == ["cancelled", "done"])
            try await client.execute(uri: "/api/jobs/\(ids[0])/roster", method: .get) { #expect($0.status == .conflict) }
        }
    }

    @Test func compareAnswersTheSweepWithoutServerPaths() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let uri = "/api/districts/%E5%9F%8E%E5%85%B3/compare"
            try await client.execute(uri: uri, method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: "{\"sweeps\": [\"min_full_time_share=0.2,0.6\"]}")) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains(FileManager.default.temporaryDirectory.path))
                let scenarios = try Fixture.json(response.body)["scenarios"] as? [[String: Any]] ?? []
                #expect(scenarios.count == 3)
                #expect((scenarios.first?["policy"] as? [String: Any])?["name"] as? String == "policy.toml")
            }
            try await client.execute(uri: uri, method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: "{\"sweeps\": [\"no_such_key=1\"]}")) { response in
                #expect(response.status == .unprocessableContent)
                let body = try Fixture.json(response.body)
                #expect((body["problems"] as? [[String: Any]])?.isEmpty == false)
            }
        }
    }

    @Test func errorsAnswerJSONWithoutInternals() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try Fixture.json(response.body)
                #expect(body["error"] as? String == "not_found")
            }
            try await client.execute(uri: "/api/jobs/unknown", method: .get) { #expect($0.status == .notFound) }
            let csrf = try await Fixture.csrf(client)
            try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/plan", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                let text = String(buffer: response.body)
                #expect(!text.contains("Swift") && !text.contains(".swift"))
            }
            try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/plan", method: .post,
                                     headers: Fixture.headers(csrf, type: "text/plain"), body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

@Suite struct PoolAndPinTests {
    @Test func solvesNeverRunBeyondTheLimit() async throws {
        for limit in [1, 2] {
            let pool = SolvePool(limit: limit)
            let counts = Locked((now: 0, most: 0))
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        try await pool.run {
                            counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                            Thread.sleep(forTimeInterval: 0.02)
                            counts.withLock { $0.now -= 1 }
                            return index
                        }
                    }
                }
                var seen: [Int] = []
                for try await index in group { seen.append(index) }
                #expect(seen.sorted() == Array(0..<6))
            }
            #expect(counts.withLock { $0.most } == limit)
            #expect(pool.load.running == 0 && pool.load.waiting == 0)
        }
    }

    /// Plans the fixture with `pins` and returns the final job answer.
    func plan(_ client: some TestClientProtocol, csrf: String, pins: String) async throws -> [String: Any] {
        let id = try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/plan", method: .post, headers: Fixture.headers(csrf),
                                          body: ByteBuffer(string: "{\"pins\": \(pins), \"time_limit\": 30}")) {
            try Fixture.json($0.body)["id"] as? String ?? ""
        }
        for _ in 0..<600 {
            let answer = try await client.execute(uri: "/api/jobs/\(id)", method: .get) { try Fixture.json($0.body) }
            if ["done", "failed", "cancelled"].contains(answer["status"] as? String ?? "") { return answer.merging(["id": id]) { a, _ in a } }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError.planNotDone
    }

    @Test func replanKeepsTheEditsAsPinnedPairs() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let free = try await plan(client, csrf: csrf, pins: "[]")
            let freeRows = try await client.execute(uri: "/api/jobs/\(free["id"] as? String ?? "")/roster", method: .get) {
                try Fixture.json($0.body)["rows"] as? [[String: Any]] ?? []
            }
            // Pin S-01 to an inspector of its zone other than the one the free plan chose.
            let chosen = freeRows.first { $0["school"] as? String == "S-01" }?["assignee"] as? String
            let other = chosen == "I-05" ? "I-01" : "I-05"
            let pinned = try await plan(client, csrf: csrf, pins: "[{\"school\": \"S-01\", \"inspector\": \"\(other)\"}]")
            #expect(pinned["status"] as? String == "done")
            let rows = try await client.execute(uri: "/api/jobs/\(pinned["id"] as? String ?? "")/roster", method: .get) {
                try Fixture.json($0.body)["rows"] as? [[String: Any]] ?? []
            }
            #expect(rows.first { $0["school"] as? String == "S-01" }?["assignee"] as? String == other)
            // A preset by name replaces the district's rules; anything else (a path too) is refused.
            let national = try await plan(client, csrf: csrf, pins: "[], \"policy\": \"national\"")
            #expect(((national["report"] as? [String: Any])?["policy"] as? [String: Any])?["preset"] as? String == "national")
            for policy in ["nope", "/etc/passwd", "../policy.toml"] {
                try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/plan", method: .post, headers: Fixture.headers(csrf),
                                         body: ByteBuffer(string: "{\"policy\": \"\(policy)\"}")) { #expect($0.status == .badRequest, "\(policy)") }
            }
            // I-02 must recuse from S-03: the pin is refused with the reason, as `plan --pairs` refuses it.
            let refused = try await plan(client, csrf: csrf, pins: "[{\"school\": \"S-03\", \"inspector\": \"I-02\"}]")
            #expect(refused["status"] as? String == "failed")
            let error = refused["error"] as? [String: Any]
            #expect(error?["error"] as? String == "pairs_refused")
            #expect((error?["message"] as? String)?.contains("I-02") == true)
        }
    }
}

@Suite struct ServeCommandTests {
    @Test func refusesToListenBeyondLoopbackWithoutAGoodToken() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duxue-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "short\n".write(to: folder.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let county = Fixture.county
        let short = try DuxueExecutable.run(["serve", county, "--host", "0.0.0.0", "--token-file", "token", "--lang", "en"], in: folder)
        #expect(short.status == 2)
        #expect(short.stderr.contains("too short"))
        let missing = try DuxueExecutable.run(["serve", county, "--host", "0.0.0.0", "--token-file", "nope", "--lang", "en"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the token file"))
        let noDistrict = try DuxueExecutable.run(["serve", folder.appendingPathComponent("nowhere").path, "--lang", "en"], in: folder)
        #expect(noDistrict.status == 2)
        #expect(noDistrict.stderr.contains("no such district"))
        let badPort = try DuxueExecutable.run(["serve", county, "--port", "70000"], in: folder)
        #expect(badPort.status == 2)
    }
}
