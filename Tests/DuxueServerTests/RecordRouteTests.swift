import DuxueTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import DuxueServer

/// Plans the fixture district and waits for the job to finish; returns the job id and its report.
func plannedJob(_ client: some TestClientProtocol, csrf: String, district: String = "/api/districts/%E5%9F%8E%E5%85%B3",
                body: String = "{\"time_limit\": 30}") async throws -> (id: String, report: [String: Any]) {
    let job = try await client.execute(uri: district + "/plan", method: .post, headers: Fixture.headers(csrf),
                                       body: ByteBuffer(string: body)) { response in
        #expect(response.status == .accepted)
        return try Fixture.json(response.body)["id"] as? String ?? ""
    }
    for _ in 0..<600 {
        let answer = try await client.execute(uri: "/api/jobs/\(job)", method: .get) { try Fixture.json($0.body) }
        if answer["status"] as? String == "done", let report = answer["report"] as? [String: Any] { return (job, report) }
        guard ["queued", "running"].contains(answer["status"] as? String ?? "") else { throw FixtureError.planNotDone }
        try await Task.sleep(for: .milliseconds(100))
    }
    throw FixtureError.planNotDone
}

@Suite struct RecordRouteTests {
    static let district = "/api/districts/%E5%9F%8E%E5%85%B3"

    @Test func recordAPlannedRosterRefuseItTwiceReplaceItAndSeeTheHistory() async throws {
        let folder = try Fixture.district()
        let app = try Fixture.app([folder])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            try await client.execute(uri: Self.district + "/history", method: .get) { response in
                #expect(response.status == .notFound)
                let answer = try Fixture.json(response.body)
                #expect(answer["error"] as? String == "no_record")
            }
            try await client.execute(uri: Self.district, method: .get) { response in
                let answer = try Fixture.json(response.body)
                #expect(answer["has_record"] as? Bool == false)
            }
            let (job, _) = try await plannedJob(client, csrf: csrf)
            let body = ByteBuffer(string: #"{"status": "filed", "doc_no": "城教督〔2027〕1号"}"#)
            // State-changing: without the page's token it is refused, and nothing is written.
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: [.contentType: "application/json"], body: body) {
                #expect($0.status == .forbidden)
            }
            #expect(!FileManager.default.fileExists(atPath: folder + "/duxue.sqlite"))
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf), body: body) { response in
                #expect(response.status == .ok)
                let answer = try Fixture.json(response.body)
                #expect(answer["term_start"] as? String == "2027-09-01")
                #expect(answer["version"] as? Int == 1)
                #expect(answer["status"] as? String == "filed")
                #expect(answer["doc_no"] as? String == "城教督〔2027〕1号")
                #expect(answer["lines"] as? Int == 5)
            }
            // The same term again: refused (409) without replace, and the record is untouched.
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf), body: body) { response in
                #expect(response.status == .conflict)
                let text = String(buffer: response.body)
                #expect(text.contains("already_recorded"))
                #expect(!text.contains(FileManager.default.temporaryDirectory.path))
            }
            try await client.execute(uri: Self.district + "/history", method: .get) { response in
                let report = try Fixture.json(response.body)["report"] as? [String: Any] ?? [:]
                #expect((report["rosters"] as? [[String: Any]])?.count == 1)
            }
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"status": "approved", "replace": true}"#)) { response in
                #expect(response.status == .ok)
                let answer = try Fixture.json(response.body)
                #expect(answer["version"] as? Int == 2)
            }
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"status": "signed"}"#)) { #expect($0.status == .badRequest) }
            let history = try await client.execute(uri: Self.district + "/history", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                // Personal data: the history never carries phones or conflicts (I-02 must recuse from S-03).
                #expect(!text.contains("138-0000"))
                #expect(!text.contains("conflict"))
                return try Fixture.json(response.body)["report"] as? [String: Any] ?? [:]
            }
            let rosters = try #require(history["rosters"] as? [[String: Any]])
            #expect(rosters.count == 2)
            #expect(rosters.filter { $0["replaced"] as? Bool == true }.count == 1)
            #expect(rosters.contains { $0["status"] as? String == "approved" && $0["replaced"] as? Bool == false })
            // Every school of the plan is in the record, each held in the one term recorded.
            let schools = try #require(history["schools"] as? [[String: Any]])
            #expect(schools.count == 5)
            #expect(schools.allSatisfy { ($0["terms"] as? [[String: Any]])?.count == 1 })
            let inspectors = try #require(history["inspectors"] as? [[String: Any]])
            #expect(!inspectors.isEmpty)
            // Hand-worked: I-02's file says one part-time term before 2027 and the record adds 2027 if I-02 serves.
            if let lee = inspectors.first(where: { $0["id"] as? String == "I-02" }) {
                #expect(lee["consecutive_part_time_terms"] as? Int == 2)
            }
            try await client.execute(uri: Self.district + "/history?school=S-02", method: .get) { response in
                let report = try Fixture.json(response.body)["report"] as? [String: Any] ?? [:]
                #expect((report["schools"] as? [[String: Any]])?.count == 1)
                #expect((report["inspectors"] as? [[String: Any]])?.isEmpty == true)
            }
            try await client.execute(uri: Self.district + "/history?school=S-99", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: Self.district, method: .get) { response in
                let answer = try Fixture.json(response.body)
                #expect(answer["has_record"] as? Bool == true)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("<meta name=\"duxue-record\" content=\"true\">"))
                #expect(String(buffer: response.body).contains("id=\"renew-record\""))
            }
        }
    }

    @Test func renewFromTheRecordAgreesWithRenewingTheSameRosterUploaded() async throws {
        let folder = try Fixture.district()
        let app = try Fixture.app([folder])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            // No record yet and no upload: refused, saying so.
            try await client.execute(uri: Self.district + "/renew?as_of=2028-09-01", method: .post, headers: Fixture.headers(csrf)) { response in
                #expect(response.status == .unprocessableContent)
                let answer = try Fixture.json(response.body)
                #expect(answer["error"] as? String == "no_record")
            }
            let (job, _) = try await plannedJob(client, csrf: csrf)
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"status": "filed"}"#)) { #expect($0.status == .ok) }
            // A mid-term change as of a date within the term; a date past the term, or not a date, is refused.
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"as_of": "2028-03-01"}"#)) { response in
                #expect(response.status == .ok)
                let answer = try Fixture.json(response.body)
                #expect(answer["term_start"] as? String == "2027-09-01")
                #expect(answer["effective_on"] as? String == "2028-03-01")
                #expect(answer["status"] as? String == "draft")
            }
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"as_of": "2031-01-01"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(!String(buffer: response.body).contains(FileManager.default.temporaryDirectory.path))
            }
            try await client.execute(uri: "/api/jobs/\(job)/record", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"as_of": "soon"}"#)) { #expect($0.status == .badRequest) }
            let fromRecord = try await client.execute(uri: Self.district + "/renew?as_of=2028-09-01", method: .post,
                                                      headers: Fixture.headers(csrf)) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains(FileManager.default.temporaryDirectory.path))
                return try Fixture.json(response.body)
            }
            let csv = try await client.execute(uri: "/api/jobs/\(job)/roster.csv?lang=en", method: .get) { $0.body }
            let uploaded = try await client.execute(uri: Self.district + "/renew?as_of=2028-09-01&name=roster.csv", method: .post,
                                                    headers: Fixture.headers(csrf, type: "text/csv"), body: csv) { response in
                #expect(response.status == .ok)
                return try Fixture.json(response.body)
            }
            let a = try #require(fromRecord["report"] as? [String: Any]), b = try #require(uploaded["report"] as? [String: Any])
            #expect(a["kept"] as? Int == b["kept"] as? Int)
            #expect((a["moved"] as? [Any])?.count == (b["moved"] as? [Any])?.count)
            #expect((a["kept"] as? Int ?? 0) + ((a["moved"] as? [Any])?.count ?? 0) == 5)
            let changes = try #require(fromRecord["changes"] as? String)
            try await client.execute(uri: "/api/renewals/\(changes)/changes.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true)
                let text = String(buffer: response.body)
                #expect(text.split(separator: "\n").count >= 1)
            }
            try await client.execute(uri: "/api/renewals/nothing/changes.csv", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func policyKeysAreListedAndOverridesCheckedAsScenarioKeys() async throws {
        let app = try Fixture.app([try Fixture.district()])
        let compared = ["required_headcount", "appointees", "recruits", "large_schools", "full_time_share"]
        let overridden = try await app.test(.router) { client -> [String: String] in
            let csrf = try await Fixture.csrf(client)
            let keys = try await client.execute(uri: Self.district + "/policy", method: .get) { response in
                #expect(response.status == .ok)
                return try Fixture.json(response.body)["keys"] as? [[String: Any]] ?? []
            }
            let share = try #require(keys.first { $0["name"] as? String == "min_full_time_share" })
            #expect(share["in_scenarios"] as? Bool == true)
            #expect(share["type"] as? String == "0–1")
            #expect((share["chinese_name"] as? String)?.isEmpty == false)
            #expect(keys.contains { $0["name"] as? String == "district_name" && $0["in_scenarios"] as? Bool == false })
            try await client.execute(uri: Self.district + "/policy?policy=nothing", method: .get) { #expect($0.status == .notFound) }
            // Bad values: every problem at once, each naming its key; nothing is planned.
            try await client.execute(uri: Self.district + "/plan", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: #"{"settings": ["min_full_time_share=2", "no_such_key=1", "district_name=x", "large_school_enrollment=1,2"]}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let problems = try Fixture.json(response.body)["problems"] as? [[String: Any]] ?? []
                let texts = problems.compactMap { $0["text"] as? String }
                #expect(texts.count == 4)
                #expect(texts.contains { $0.contains("min_full_time_share") })
                #expect(texts.contains { $0.contains("no_such_key") })
                #expect(texts.contains { $0.contains("district_name") })
                #expect(texts.contains { $0.contains("large_school_enrollment") })
            }
            // Hand-worked: at 800 pupils S-02 (2,600), S-03 (900) and S-05 (800) are large; by the district's own policy only S-02.
            let (_, own) = try await plannedJob(client, csrf: csrf)
            let (_, lowered) = try await plannedJob(client, csrf: csrf, body: #"{"settings": ["large_school_enrollment=800"], "time_limit": 30}"#)
            #expect((own["figures"] as? [String: Any])?["large_schools"] as? Int == 1)
            #expect((lowered["figures"] as? [String: Any])?["large_schools"] as? Int == 3)
            let figures = lowered["figures"] as? [String: Any] ?? [:]
            return Dictionary(uniqueKeysWithValues: compared.map { ($0, "\(figures[$0] ?? "missing")") })
        }
        // Cross-check: the same key written in the district's policy.toml plans to the same figures.
        let written = try Fixture.district()
        try "preset = \"combined\"\nterm_start = 2027-09-01\nlarge_school_enrollment = 800\n"
            .write(toFile: written + "/policy.toml", atomically: true, encoding: .utf8)
        try await Fixture.app([written]).test(.router) { client in
            let (_, report) = try await plannedJob(client, csrf: try await Fixture.csrf(client))
            let figures = report["figures"] as? [String: Any] ?? [:]
            for key in compared {
                #expect("\(figures[key] ?? "none")" == overridden[key], "\(key)")
            }
        }
    }

    @Test func compareScenariosThatAddAndRemoveSchoolsAndInspectors() async throws {
        let app = try Fixture.app([try Fixture.district()])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let scenarios = #"""
            {"sweeps": [], "scenarios": [
              {"name": "撤并", "text": "name = \"撤并青山中学\"\n[schools]\nremove = [\"S-05\"]\n[inspectors]\nremove = [\"I-04\"]\n"},
              {"name": "新校", "text": "[[schools.add]]\nid = \"S-09\"\nname = \"新区小学\"\nenrollment = 600\nzone = \"城关\"\nstage = \"primary\"\n[[inspectors.add]]\nid = \"I-09\"\nname = \"新督学\"\nemployment = \"full_time\"\nzone = \"城关\"\n"}
            ]}
            """#
            try await client.execute(uri: Self.district + "/compare", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: scenarios)) { response in
                #expect(response.status == .ok)
                let columns = try Fixture.json(response.body)["scenarios"] as? [[String: Any]] ?? []
                #expect(columns.count == 3)
                #expect(columns.map { $0["name"] as? String ?? "" }.contains("撤并青山中学"))
                #expect(columns.map { $0["name"] as? String ?? "" }.contains("新校"))
                // Appointees: one school and one inspector fewer, or one more of each, than the baseline's.
                let schools = columns.map { column in
                    ((column["figures"] as? [String: Any])?["schools"] as? Int) ?? -1
                }
                #expect(schools == [5, 4, 6])
            }
            let bad = #"{"sweeps": [], "scenarios": [{"name": "错", "text": "[schools]\nremove = [\"S-99\"]\n"}]}"#
            try await client.execute(uri: Self.district + "/compare", method: .post, headers: Fixture.headers(csrf),
                                     body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .unprocessableContent)
                let problems = try Fixture.json(response.body)["problems"] as? [[String: Any]] ?? []
                #expect(problems.first?["file"] as? String == "错.toml")
                #expect(problems.first?["line"] as? Int == 2)
                #expect((problems.first?["text"] as? String)?.contains("S-99") == true)
            }
        }
    }

    /// A server over the fixture district with its workbench kept (to look at its upload folder), and the
    /// district's schools and inspectors files as text.
    static func uploadServer() throws -> (workbench: Workbench, app: some ApplicationProtocol, schools: String, inspectors: String) {
        let given = try Fixture.district()
        let configuration = ServeConfiguration(districts: [given], port: 0)
        let workbench = Workbench(paths: configuration.districts, solveLimit: 1)
        return (workbench, WorkbenchServer.application(configuration, workbench: workbench),
                try String(contentsOfFile: given + "/schools.csv", encoding: .utf8), try String(contentsOfFile: given + "/inspectors.csv", encoding: .utf8))
    }

    @Test func uploadADistrictSeeItsProblemsByFileAndRowAndRemoveItAtShutdown() async throws {
        let (workbench, app, schools, inspectors) = try Self.uploadServer()
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            try await client.execute(uri: "/api/uploads", method: .post) { #expect($0.status == .forbidden) }
            let id = try await client.execute(uri: "/api/uploads", method: .post, headers: [HTTP.csrfHeader: csrf]) { response in
                #expect(response.status == .created)
                return try Fixture.json(response.body)["id"] as? String ?? ""
            }
            #expect(id == "upload-1")
            let broken = schools.replacingOccurrences(of: "S-03,城关第二小学,primary,900", with: "S-03,城关第二小学,primary,很多")
            let first = try await client.execute(uri: "/api/districts/\(id)/files/schools?name=../学校名单.csv", method: .put,
                                                 headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: broken)) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains(workbench.uploadRoot))
                return try Fixture.json(response.body)
            }
            #expect(first["uploaded"] as? Bool == true)
            try await client.execute(uri: "/api/districts/\(id)/files/inspectors?name=督学.csv", method: .put,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: inspectors)) { #expect($0.status == .ok) }
            let detail = try await client.execute(uri: "/api/districts/\(id)", method: .get) { try Fixture.json($0.body) }
            #expect(detail["valid"] as? Bool == false)
            let problems = try #require(detail["problems"] as? [[String: Any]])
            // As the CLI reports it: the user's file by its own name, row 4 (the header is row 1), the enrollment column.
            let enrollment = try #require(problems.first { $0["severity"] as? String == "error" })
            #expect(enrollment["file"] as? String == "学校名单.csv")
            #expect(enrollment["line"] as? Int == 4)
            #expect(enrollment["column_name"] as? String == "enrollment")
            #expect((enrollment["text"] as? String)?.hasPrefix("学校名单.csv 第 4 行") == true)
            // Mend the file: the district is whole and lists its five schools.
            try await client.execute(uri: "/api/districts/\(id)/files/schools?name=学校名单.csv", method: .put,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: schools)) { response in
                let fixed = try Fixture.json(response.body)
                #expect((fixed["schools"] as? [Any])?.count == 5)
                #expect((fixed["problems"] as? [[String: Any]])?.contains { $0["severity"] as? String == "error" } == false)
            }
            try await client.execute(uri: "/districts/\(id)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/districts", method: .get) { response in
                let ids = (try Fixture.json(response.body)["districts"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(ids == ["城关", "upload-1"])
            }
            // Only uploaded districts take files; only the two tables; only CSV or XLSX.
            try await client.execute(uri: "/api/districts/%E5%9F%8E%E5%85%B3/files/schools?name=s.csv", method: .put,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: schools)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/districts/\(id)/files/policy?name=p.csv", method: .put,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: schools)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/districts/\(id)/files/schools?name=s.toml", method: .put,
                                     headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: schools)) { #expect($0.status == .unsupportedMediaType) }
            try await client.execute(uri: "/api/districts/\(id)/files/schools?name=s.xlsx", method: .put,
                                     headers: Fixture.headers(csrf, type: APIRoutes.xlsxType), body: ByteBuffer(string: schools)) { #expect($0.status == .unsupportedMediaType) }
            #expect(FileManager.default.fileExists(atPath: workbench.uploadRoot + "/upload-1/schools.csv"))
            #expect(!FileManager.default.fileExists(atPath: workbench.uploadRoot + "/upload-1/学校名单.csv"))
        }
        workbench.shutdown()
        #expect(!FileManager.default.fileExists(atPath: workbench.uploadRoot))
    }

    /// Uploaded districts are bounded by how many are held at once, not by how many were ever made (a
    /// long-running server would otherwise refuse uploads forever): one past the cap drops the oldest,
    /// its files removed; ids are never reused.
    @Test func uploadsPastTheCapDropTheOldestInsteadOfRefusingForever() async throws {
        let (workbench, app, schools, _) = try Self.uploadServer()
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            var ids: [String] = []
            for _ in 0..<(2 * Workbench.maxUploads + 1) {
                let id = try await client.execute(uri: "/api/uploads", method: .post, headers: [HTTP.csrfHeader: csrf]) { response in
                    #expect(response.status == .created)
                    return try Fixture.json(response.body)["id"] as? String ?? ""
                }
                try await client.execute(uri: "/api/districts/\(id)/files/schools?name=s.csv", method: .put,
                                         headers: Fixture.headers(csrf, type: "text/csv"), body: ByteBuffer(string: schools)) { #expect($0.status == .ok) }
                ids.append(id)
            }
            #expect(Set(ids).count == ids.count)
            let held = Array(ids.suffix(Workbench.maxUploads))
            try await client.execute(uri: "/api/districts", method: .get) { response in
                let listed = (try Fixture.json(response.body)["districts"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(listed == ["城关"] + held)
            }
            try await client.execute(uri: "/api/districts/\(ids[0])", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/districts/\(held[0])", method: .get) { #expect($0.status == .ok) }
            let folders = try FileManager.default.contentsOfDirectory(atPath: workbench.uploadRoot)
            #expect(Set(folders) == Set(held))
        }
        workbench.shutdown()
    }
}
