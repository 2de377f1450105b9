import DuxueCity
import DuxueConcurrency
import DuxueDomain
import DuxueServer
import DuxueTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import DuxueCityServer

/// Logins, sessions, CSRF, hostile names and uploads.
@Suite struct SecurityTests {
    static func loginBody(_ name: String, _ password: String) -> ByteBuffer {
        let data = (try? JSONSerialization.data(withJSONObject: ["name": name, "password": password])) ?? Data()
        return ByteBuffer(bytes: data)
    }

    @Test func loginSetsAStrictHttpOnlyCookieAndAFailureSaysNothingMore() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"],
                                     body: Self.loginBody("east-user", CityFixture.password)) { response in
                #expect(response.status == .ok)
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("duxue_session="))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                #expect(!cookie.contains("Secure"))  // loopback
                #expect(CityFixture.json(response.body)["csrf"] as? String != nil)
            }
            var answers: Set<String> = []
            for (name, password) in [("east-user", "wrong password!"), ("nobody-at-all", "wrong password!")] {
                try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"],
                                         body: Self.loginBody(name, password)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.setCookie] == nil)
                    answers.insert(String(buffer: response.body))
                }
            }
            #expect(answers.count == 1)  // an unknown name and a wrong password answer alike
            let actions = try fixture.store.auditLog().map(\.action)
            #expect(actions.filter { $0 == "login_failed" }.count == 2)
            #expect(actions.contains("login"))
        }
    }

    /// Beyond loopback the cookie is Secure as well.
    @Test func theCookieIsSecureBeyondLoopback() async throws {
        let fixture = try CityFixture()
        var configuration = fixture.configuration
        configuration.host = "0.0.0.0"
        try await CityServer.application(configuration, store: fixture.store).test(.router) { client in
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"],
                                     body: Self.loginBody("east-user", CityFixture.password)) { response in
                #expect(response.headers[.setCookie]?.contains("; Secure") == true)
            }
        }
    }

    /// A session id set before login (by an attacker) is never adopted: login makes a new one, and the
    /// old one stays worthless.
    @Test func aPresetSessionCookieIsNotAdopted() async throws {
        let fixture = try CityFixture()
        let planted = String(repeating: "ab", count: 32)
        try await fixture.app().test(.router) { client in
            let issued = try await client.execute(uri: "/login", method: .post,
                                                  headers: [.contentType: "application/json", .cookie: "duxue_session=\(planted)"],
                                                  body: Self.loginBody("east-user", CityFixture.password)) { response in
                #expect(response.status == .ok)
                return response.headers[.setCookie] ?? ""
            }
            #expect(!issued.contains(planted))
            try await client.execute(uri: "/api/session", method: .get, headers: [.cookie: "duxue_session=\(planted)"]) {
                #expect($0.status == .unauthorized)
            }
            // The issued one works.
            let token = issued.split(separator: ";")[0].split(separator: "=")[1]
            try await client.execute(uri: "/api/session", method: .get, headers: [.cookie: "duxue_session=\(token)"]) {
                #expect($0.status == .ok)
            }
        }
    }

    /// After five failures the account is throttled even with the right password; after the window it
    /// logs in again. After twenty failures from one address, every account from it is throttled.
    @Test func bruteForceIsThrottledPerAccountAndPerAddressThenRecovers() throws {
        let fixture = try CityFixture()
        let store = fixture.store
        for _ in 0..<5 { #expect(try store.login(name: "east-user", password: "guess guess guess", address: "10.0.0.1") == .failure) }
        #expect(try store.login(name: "east-user", password: CityFixture.password, address: "10.0.0.2") == .throttled)
        // Another account from another address is not affected.
        if case .success = try store.login(name: "west-user", password: CityFixture.password, address: "10.0.0.3") {} else { Issue.record("west throttled") }
        fixture.clock.withLock { $0 += 16 * 60 }
        if case .success = try store.login(name: "east-user", password: CityFixture.password, address: "10.0.0.2") {} else { Issue.record("no recovery") }
        // By address: twenty failures spread over many names.
        for index in 0..<20 { _ = try store.login(name: "guess-\(index)", password: "guess guess guess", address: "10.9.9.9") }
        #expect(try store.login(name: "reviewer", password: CityFixture.password, address: "10.9.9.9") == .throttled)
        if case .success = try store.login(name: "reviewer", password: CityFixture.password, address: "10.9.9.8") {} else { Issue.record("other address") }
        fixture.clock.withLock { $0 += 16 * 60 }
        if case .success = try store.login(name: "reviewer", password: CityFixture.password, address: "10.9.9.9") {} else { Issue.record("no recovery") }
        #expect(try store.auditLog(limit: 1000).contains { $0.action == "login_throttled" && $0.outcome == "refused" })
    }

    /// Twenty wrong logins for one name at once get at most five password checks: the count of failures
    /// and the attempt are written in one transaction before bcrypt (cost 8 here, so the checks overlap).
    @Test func concurrentLoginsGetNoMoreGuessesThanTheLimit() throws {
        var settings = CityFixture.settings()
        settings.bcryptCost = 8
        let fixture = try CityFixture(settings: settings)
        let store = fixture.store
        let outcomes = SolverThreads.map(count: 20, jobs: 20) { index in
            try? store.login(name: "east-user", password: "guess guess \(index)", address: "10.0.1.\(index)")
        }
        #expect(outcomes.allSatisfy { $0 != nil })
        #expect(outcomes.filter { $0 == .failure }.count <= 5)
        #expect(outcomes.filter { $0 == .throttled }.count >= 15)
        let checks = try store.loginAttempts(name: "east-user")
        #expect(checks >= 1 && checks <= 5, "password checks: \(checks)")
    }

    /// Throttled logins cost at most one audit row per name and per address per window; attempts older
    /// than the window and dead sessions are pruned; the audit export says when it stops short.
    @Test func anonymousRequestsCannotGrowTheDatabase() async throws {
        let fixture = try CityFixture()
        let store = fixture.store
        for _ in 0..<5 { _ = try store.login(name: "east-user", password: "guess guess guess", address: "10.0.2.1") }
        for index in 0..<50 { #expect(try store.login(name: "east-user", password: "guess", address: "10.0.3.\(index % 3)") == .throttled) }
        #expect(try store.auditLog(limit: 1000).filter { $0.action == "login_throttled" }.count == 1)
        #expect(try store.rowCounts()["login_attempts"] == 5)
        // A session that ends, and a window that passes: both pruned by the next login.
        _ = try fixture.session("west-user")
        fixture.clock.withLock { $0 += 13 * 3600 }
        _ = try fixture.session("reviewer")
        #expect(try store.rowCounts()["login_attempts"] == 1)
        #expect(try store.rowCounts()["sessions"] == 1)
        // A new window: one more throttled row.
        for _ in 0..<5 { _ = try store.login(name: "east-user", password: "guess guess guess", address: "10.0.2.1") }
        for _ in 0..<5 { _ = try store.login(name: "east-user", password: "guess", address: "10.0.2.1") }
        #expect(try store.auditLog(limit: 1000).filter { $0.action == "login_throttled" }.count == 2)
        // The export of a page says so, and names the next page.
        let reviewer = try fixture.session("reviewer")
        let total = try store.auditLog(limit: 100_000).count
        try await fixture.app().test(.router) { client in
            let next = try await client.execute(uri: "/api/city/audit.csv?limit=3", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == 4)
                let header = response.headers[HTTP.headerName("X-Duxue-Truncated")] ?? ""
                #expect(header.hasPrefix("older rows remain: /api/city/audit.csv?before="))
                return String(header.split(separator: "=").last ?? "")
            }
            try await client.execute(uri: "/api/city/audit.csv?before=\(next)", method: .get, headers: CityFixture.headers(reviewer)) { response in
                #expect(String(buffer: response.body).split(separator: "\n").count == 1 + total - 3)
                #expect(response.headers[HTTP.headerName("X-Duxue-Truncated")] == nil)
            }
        }
    }

    /// The worker pool runs at most its limit, queues at most its limit, and refuses the rest with 503.
    @Test func theWorkerPoolRefusesBeyondItsQueue() async throws {
        let pool = CityWork(running: 1, queueLimit: 1)
        let gate = DispatchSemaphore(value: 0)
        async let first: Int = pool.run { gate.wait(); return 1 }
        while pool.load.active < 1 { try await Task.sleep(for: .milliseconds(10)) }
        async let second: Int = pool.run { 2 }
        while pool.load.waiting < 1 { try await Task.sleep(for: .milliseconds(10)) }
        do {
            _ = try await pool.run { 3 }
            Issue.record("a third job was admitted")
        } catch let failure as Failure {
            #expect(failure.status == .serviceUnavailable)
        }
        gate.signal()
        #expect(try await first == 1)
        #expect(try await second == 2)
        #expect(try await pool.run { 4 } == 4)
    }

    /// Through HTTP: the sixth attempt with the right password answers 429.
    @Test func throttledLoginAnswers429() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"],
                                         body: Self.loginBody("reviewer", "not the password")) { #expect($0.status == .unauthorized) }
            }
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"],
                                     body: Self.loginBody("reviewer", CityFixture.password)) { #expect($0.status == .tooManyRequests) }
        }
    }

    @Test func sessionsExpireIdleAndAbsoluteAndLogoutEverywhereEndsAll() throws {
        let fixture = try CityFixture()
        let store = fixture.store
        func token(_ name: String) throws -> String {
            guard case .success(let token, _) = try store.login(name: name, password: CityFixture.password, address: "t") else { return "" }
            return token
        }
        let idle = try token("east-user")
        fixture.clock.withLock { $0 += 29 * 60 }
        #expect(try store.session(token: idle) != nil)
        fixture.clock.withLock { $0 += 29 * 60 }
        #expect(try store.session(token: idle) != nil)  // touched 29 minutes ago
        fixture.clock.withLock { $0 += 31 * 60 }
        #expect(try store.session(token: idle) == nil)
        // Absolute: used every 20 minutes, gone after 12 hours.
        let busy = try token("east-user")
        for _ in 0..<35 {
            fixture.clock.withLock { $0 += 20 * 60 }
            #expect(try store.session(token: busy) != nil)
        }
        fixture.clock.withLock { $0 += 20 * 60 }
        #expect(try store.session(token: busy) == nil)
        let a = try token("west-user"), b = try token("west-user")
        let account = try #require(try store.session(token: a)?.account)
        #expect(try store.logoutEverywhere(accountID: account.id, by: Actor(account: account, address: "t")) == 2)
        #expect(try store.session(token: a) == nil && store.session(token: b) == nil)
    }

    /// State-changing requests without the session's token, with another session's token, or from
    /// another site are refused (403) and change nothing.
    @Test func csrfMissingWrongOrCrossSiteIsRefused() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let reviewer = try fixture.session("reviewer"), other = try fixture.session("reviewer")
            let body = ByteBuffer(string: #"{"due_on": "2027-06-30"}"#)
            try await client.execute(uri: "/api/city/deadlines/east", method: .put, headers: CityFixture.headers(reviewer, csrf: false), body: body) {
                #expect($0.status == .forbidden)
            }
            var wrong = CityFixture.headers(reviewer, csrf: false)
            wrong[HTTP.csrfHeader] = other.csrf
            try await client.execute(uri: "/api/city/deadlines/east", method: .put, headers: wrong, body: body) { #expect($0.status == .forbidden) }
            var cross = CityFixture.headers(reviewer)
            cross[.origin] = "http://evil.example"
            try await client.execute(uri: "/api/city/deadlines/east", method: .put, headers: cross, body: body) { #expect($0.status == .forbidden) }
            var site = CityFixture.headers(reviewer)
            site[HTTP.fetchSite] = "cross-site"
            try await client.execute(uri: "/login", method: .post, headers: site, body: Self.loginBody("reviewer", CityFixture.password)) {
                #expect($0.status == .forbidden)
            }
            #expect(try fixture.store.deadlines().isEmpty)
            try await client.execute(uri: "/api/city/deadlines/east", method: .put, headers: CityFixture.headers(reviewer), body: body) {
                #expect($0.status == .ok)
            }
            #expect(try fixture.store.deadlines()["east"] == "2027-06-30")
            // An embedded workbench's POST is guarded the same way.
            let east = try fixture.session("east-user"), westSession = try fixture.session("west-user")
            try await client.execute(uri: "/d/east/api/uploads", method: .post, headers: CityFixture.headers(east, csrf: false)) {
                #expect($0.status == .forbidden)
            }
            var foreign = CityFixture.headers(east, csrf: false)
            foreign[HTTP.csrfHeader] = westSession.csrf
            try await client.execute(uri: "/d/east/api/uploads", method: .post, headers: foreign) { #expect($0.status == .forbidden) }
            var crossUpload = CityFixture.headers(east)
            crossUpload[.origin] = "http://evil.example"
            try await client.execute(uri: "/d/east/api/uploads", method: .post, headers: crossUpload) { #expect($0.status == .forbidden) }
            // A forged logout does not end the session; a real one does.
            let logout = ByteBuffer(string: "{}")
            try await client.execute(uri: "/logout", method: .post, headers: CityFixture.headers(east, csrf: false), body: logout) {
                #expect($0.status == .forbidden)
            }
            var crossLogout = CityFixture.headers(east)
            crossLogout[.origin] = "http://evil.example"
            try await client.execute(uri: "/logout", method: .post, headers: crossLogout, body: logout) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/session", method: .get, headers: CityFixture.headers(east)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/logout", method: .post, headers: CityFixture.headers(east), body: logout) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/session", method: .get, headers: CityFixture.headers(east)) { #expect($0.status == .unauthorized) }
        }
    }

    /// SQL and markup in names, ids and comments are data: the tables survive, pages show them as text.
    @Test func sqlInjectionAndScriptsThroughNamesIdsAndCommentsAreInert() async throws {
        let fixture = try CityFixture()
        let injection = "'; DROP TABLE accounts; --"
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/json"],
                                     body: Self.loginBody(injection, "' OR '1'='1")) { #expect($0.status == .unauthorized) }
            let reviewer = try fixture.session("reviewer")
            for id in ["%27%3B%20DROP%20TABLE%20filings%3B--", "1%20OR%201%3D1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"] {
                try await client.execute(uri: "/d/\(id)/filings", method: .get, headers: CityFixture.headers(reviewer)) {
                    #expect($0.status == .notFound)
                }
                try await client.execute(uri: "/d/east/filings/\(id)/file", method: .get, headers: CityFixture.headers(reviewer)) {
                    #expect($0.status == .notFound)
                }
            }
            // A comment holding SQL and a script is stored as written and shown escaped.
            let job = try await fixture.plannedJob(client, district: "east")
            let filing = try await fixture.submitted(client, district: "east", job: job)
            let comment = "\(CityFixture.hostile) \(injection)"
            let data = try JSONSerialization.data(withJSONObject: ["comment": comment])
            try await client.execute(uri: "/d/east/filings/\(filing)/return", method: .post, headers: CityFixture.headers(reviewer),
                                     body: ByteBuffer(bytes: data)) { #expect($0.status == .ok) }
            let east = try fixture.session("east-user")
            try await client.execute(uri: "/d/east/submissions", method: .get, headers: CityFixture.headers(east)) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.contains(CityFixture.hostile))
            }
            try await client.execute(uri: "/city", method: .get, headers: CityFixture.headers(reviewer)) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(!page.contains(CityFixture.hostile))
                #expect(page.contains("已退回"))
            }
            // The workbench page escapes the hostile school name too.
            try await client.execute(uri: "/d/east", method: .get, headers: CityFixture.headers(east)) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains(CityFixture.hostile))
                #expect(page.contains("name=\"duxue-base\" content=\"/d/east\""))
            }
        }
        #expect(try fixture.store.accounts().count == 4)
        #expect(try fixture.store.filings(district: "east").first?.comment == "\(CityFixture.hostile) \(injection)")
    }

    /// A filing names the district it is for: east's user cannot file west's workbook as east's (422, a
    /// message naming both, nothing stored); east's own workbook goes in.
    @Test func aFilingOfAnotherDistrictIsRefused() async throws {
        let fixture = try CityFixture()
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        try await fixture.app().test(.router) { client in
            let west = try fixture.session("west-user"), east = try fixture.session("east-user")
            let bytes = try await fixture.plannedFiling(client, district: "west").bytes
            for (language, words) in [("", ["west", "east", "不能"]), ("&lang=en", ["west", "east", "cannot be filed"])] {
                try await client.execute(uri: "/d/east/filings?name=west.xlsx" + language, method: .post, headers: CityFixture.headers(east, type: xlsx),
                                         body: ByteBuffer(bytes: bytes)) { response in
                    #expect(response.status == .unprocessableContent)
                    let message = CityFixture.json(response.body)["message"] as? String ?? ""
                    for word in words { #expect(message.contains(word), "\(message)") }
                }
            }
            try await client.execute(uri: "/d/west/filings?name=west.xlsx", method: .post, headers: CityFixture.headers(west, type: xlsx),
                                     body: ByteBuffer(bytes: bytes)) { #expect($0.status == .created) }
        }
        #expect(try fixture.store.filings(district: "east").isEmpty)
        #expect(try fixture.store.auditLog(limit: 100).contains { $0.action == "submit" && $0.outcome == "refused" && $0.detail.contains("west") })
    }

    /// A district whose policy names it (`district_name`, as Data/county's names 丰城县) files under its
    /// folder's id: the filing declares the policy's name, and that is the district's own (the browser test
    /// found the first version refusing every such filing); another district's name is still refused.
    @Test func aFilingNamedByTheDistrictPolicyIsTheDistricts() async throws {
        let fixture = try CityFixture()
        try "preset = \"combined\"\nterm_start = 2027-09-01\ndistrict_name = \"西城区\"\n"
            .write(toFile: fixture.folder + "/west/policy.toml", atomically: true, encoding: .utf8)
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        try await fixture.app().test(.router) { client in
            let east = try fixture.session("east-user")
            let (job, bytes) = try await fixture.plannedFiling(client, district: "west")
            try await client.execute(uri: "/d/east/filings?name=west.xlsx", method: .post, headers: CityFixture.headers(east, type: xlsx),
                                     body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .unprocessableContent)
                #expect((CityFixture.json(response.body)["message"] as? String ?? "").contains("西城区"))
            }
            _ = try await fixture.submitted(client, district: "west", job: job)
        }
        #expect(try fixture.store.filings(district: "west").count == 1)
        #expect(try fixture.store.filings(district: "east").isEmpty)
    }

    /// A database failure answers a generic message (SQLite's text goes to the log only); two district
    /// folders whose names are canonically equal are refused at start; a link out of the city folder is
    /// not a district.
    @Test func databaseTextStaysInsideAndTheFolderIsWhatItSeems() throws {
        let secret = "no such table: accounts_secret near /var/lib/duxue"
        for language in [Language.zh, .en] {
            let failure = Failure.from(.database(reason: secret), language)
            #expect(failure.status == .serviceUnavailable)
            #expect(!failure.message.contains("accounts_secret") && !failure.message.contains("/var/lib"))
            #expect(!failure.message.isEmpty)
        }
        let fixture = try CityFixture()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-outside-\(UUID().uuidString)").path
        try CityFixture.district(outside)
        try FileManager.default.createSymbolicLink(atPath: fixture.folder + "/elsewhere", withDestinationPath: outside)
        #expect(fixture.configuration.districtFolders().map { ($0 as NSString).lastPathComponent } == ["east", "west"])
        #expect(fixture.configuration.sameDistricts().isEmpty)
        _ = try CityServer.openStore(fixture.configuration)
        try FileManager.default.createSymbolicLink(atPath: fixture.folder + "/east-again", withDestinationPath: fixture.folder + "/east")
        #expect(fixture.configuration.sameDistricts() == [["east", "east-again"]])
        try FileManager.default.removeItem(atPath: fixture.folder + "/east-again")
        try CityFixture.district(fixture.folder + "/caf\u{E9}")
        try CityFixture.district(fixture.folder + "/cafe\u{301}")
        #expect(fixture.configuration.sameDistricts().count == 1)
        #expect(throws: CityRefusal.self) { try CityServer.openStore(fixture.configuration) }
    }

    /// JSON reads of personal data (a district's schools and inspectors, a roster) are audited as
    /// downloads are: who, which district, what.
    @Test func readsOfPersonalDataAreAudited() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let job = try await fixture.plannedJob(client, district: "east")
            let reviewer = try fixture.session("reviewer")
            for path in ["/d/east/api/districts/east", "/d/east/api/jobs/\(job)/roster"] {
                try await client.execute(uri: path, method: .get, headers: CityFixture.headers(reviewer)) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/d/east/api/jobs/\(job)", method: .get, headers: CityFixture.headers(reviewer)) { #expect($0.status == .ok) }
        }
        let reads = try fixture.store.auditLog(limit: 1000).filter { $0.action == "read" && $0.account == "reviewer" }
        #expect(reads.count == 2)
        #expect(reads.allSatisfy { $0.district == "east" && $0.outcome == "ok" })
        #expect(reads.contains { $0.detail.contains("/api/districts/east") } && reads.contains { $0.detail.hasSuffix("/roster 200") })
    }

    /// A zip bomb dressed as a filing, an oversized body, a file name with a path, and a file that is not
    /// a workbook: refused, nothing stored, no server path in the answer.
    @Test func uploadBombsOversizeAndTraversalAreRefused() async throws {
        let fixture = try CityFixture()
        let bomb = try Self.zipBomb()
        try await fixture.app().test(.router) { client in
            let east = try fixture.session("east-user")
            let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            try await client.execute(uri: "/d/east/filings?name=bomb.xlsx", method: .post, headers: CityFixture.headers(east, type: xlsx),
                                     body: ByteBuffer(bytes: bomb)) { response in
                #expect(response.status == .unprocessableContent)
                let message = CityFixture.json(response.body)["message"] as? String ?? ""
                // The size limit's own message (not a missing part or the compression ratio).
                #expect(message.contains("200 MB"), "\(message)")
                #expect(!String(buffer: response.body).contains("/tmp"))
            }
            try await client.execute(uri: "/d/east/filings?name=big.xlsx", method: .post, headers: CityFixture.headers(east, type: xlsx),
                                     body: ByteBuffer(repeating: 0x50, count: 11 << 20)) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/api/city/deadlines/east", method: .put, headers: CityFixture.headers(try fixture.session("reviewer")),
                                     body: ByteBuffer(repeating: 0x20, count: 2 << 20)) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/d/east/filings?name=notes.txt", method: .post, headers: CityFixture.headers(east, type: xlsx),
                                     body: ByteBuffer(string: "hello")) { #expect($0.status == .unsupportedMediaType) }
            try await client.execute(uri: "/d/east/filings?name=fake.xlsx", method: .post, headers: CityFixture.headers(east, type: xlsx),
                                     body: ByteBuffer(string: "hello")) { #expect($0.status == .unsupportedMediaType) }
            // A real filing under a name with a path: stored under its last part only.
            let bytes = try await fixture.plannedFiling(client, district: "east").bytes
            try await client.execute(uri: "/d/east/filings?name=..%2F..%2F..%2Fetc%2Fpasswd.xlsx", method: .post,
                                     headers: CityFixture.headers(east, type: xlsx), body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .created)
                #expect(CityFixture.json(response.body)["file_name"] as? String == "passwd.xlsx")
            }
            // The district page's path does not reach outside the city either.
            try await client.execute(uri: "/d/..%2F..%2Fetc/filings", method: .get, headers: CityFixture.headers(east)) {
                #expect($0.status == .forbidden)
            }
        }
        #expect(try fixture.store.filings(district: "east").count == 1)
        #expect(try fixture.store.auditLog().contains { $0.action == "submit" && $0.outcome == "refused" })
    }

    /// A workbook whose sheet inflates to far more than the reader allows.
    static func zipBomb() throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-bomb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = """
        import random, zipfile, sys
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="备案表" sheetId="1"/></sheets></workbook>')
            z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            # About 64:1 (under the ratio limit, so the size limit is what refuses it): 4 x 56 MB > 200 MB.
            random.seed(1)
            chunk = "".join(" " * random.randint(150, 250) + random.choice("abcdefghij") for _ in range(4000))
            for index in range(1, 5):
                z.writestr(f"xl/worksheets/sheet{index}.xml", "<worksheet>" + chunk * 70 + "</worksheet>")
        """
        let path = folder + "/bomb.xlsx"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: folder)
        return [UInt8](data)
    }
}
