import DuxueCity
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import DuxueCityServer

/// The OpenAPI document, the whole cycle (plan, submit, return, resubmit, accept) and the dashboard.
@Suite struct CityServerTests {
    @Test func everyRouteIsInTheOpenAPIDocumentAndBack() throws {
        let fixture = try CityFixture()
        let routed = Set(CityServer.routes(fixture.configuration, store: fixture.store).map { "\($0.method.rawValue.lowercased()) \($0.path)" })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(CityOpenAPI.text.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.0.3")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var described = Set<String>()
        for (path, operations) in paths { for method in operations.keys { described.insert("\(method) \(path)") } }
        #expect(routed.count > 50)
        #expect(routed.subtracting(described).isEmpty, "routes missing from /openapi.json: \(routed.subtracting(described).sorted())")
        #expect(described.subtracting(routed).isEmpty, "documented but not routed: \(described.subtracting(routed).sorted())")
        // Every {parameter} of a path is declared.
        let parameters = try #require((document["components"] as? [String: Any])?["parameters"] as? [String: Any])
        for path in paths.keys {
            for part in path.split(separator: "/") where part.hasPrefix("{") { #expect(parameters[String(part.dropFirst().dropLast())] != nil, "\(path)") }
        }
    }

    /// A district plans and submits; the reviewer returns it with a comment; the district sees the
    /// comment and submits version 2; the reviewer accepts it. Every step is in the audit log with who.
    @Test func aFilingIsSubmittedReturnedResubmittedAndAccepted() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let job = try await fixture.plannedJob(client, district: "east")
            let first = try await fixture.submitted(client, district: "east", job: job)
            let reviewer = try fixture.session("reviewer"), east = try fixture.session("east-user")
            try await client.execute(uri: "/api/city/dashboard", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let rows = CityFixture.json(response.body)["districts"] as? [[String: Any]] ?? []
                #expect(rows.map { $0["district"] as? String } == ["east", "west"])
                #expect(rows.first?["status"] as? String == "submitted")
                #expect(rows.last?["status"] as? String == "draft")
                let review = rows.first?["review"] as? [String: Any]
                #expect(review?["verdict"] as? String != nil)
                #expect((review?["figures"] as? [String: Any])?["schools"] as? Int == 5)
            }
            try await client.execute(uri: "/d/east/filings/\(first)/return", method: .post, headers: CityFixture.headers(reviewer),
                                     body: ByteBuffer(string: #"{"comment": "请补充青山责任区的专职督学"}"#)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/d/east/filings", method: .get, headers: CityFixture.headers(east)) { response in
                let filings = CityFixture.json(response.body)["filings"] as? [[String: Any]] ?? []
                #expect(filings.first?["status"] as? String == "returned")
                #expect(filings.first?["comment"] as? String == "请补充青山责任区的专职督学")
            }
            let second = try await fixture.submitted(client, district: "east", job: job)
            try await client.execute(uri: "/d/east/filings/\(second)/accept", method: .post, headers: CityFixture.headers(reviewer),
                                     body: ByteBuffer(string: "{}")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/city/dashboard", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let rows = CityFixture.json(response.body)["districts"] as? [[String: Any]] ?? []
                #expect(rows.first?["status"] as? String == "accepted")
                #expect(rows.first?["version"] as? Int == 2)
            }
            // The downloaded filing is the bytes submitted.
            let stored = try #require(try fixture.store.content(id: Int64(second)))
            try await client.execute(uri: "/d/east/filings/\(second)/file", method: .get, headers: CityFixture.headers(reviewer)) { response in
                #expect(Array(response.body.readableBytesView) == stored)
            }
            try await client.execute(uri: "/api/city/audit.csv", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("id,at,account,role,address,action,district,outcome,detail"))
                for action in ["login", "plan", "submit", "return", "accept", "download"] { #expect(text.contains(",\(action),"), "\(action)") }
            }
        }
        let log = try fixture.store.auditLog(limit: 1000)
        #expect(log.contains { $0.action == "plan" && $0.account == "east-user" && $0.district == "east" })
        #expect(log.contains { $0.action == "return" && $0.account == "reviewer" })
    }

    /// An accounts file's problems come all at once as `InputProblem`s with the file's own line numbers
    /// (a blank line counts), columns, and a fix; nothing is created; an unreadable file names no
    /// Foundation internals.
    @Test func anAccountsFileReportsEveryProblemWithItsLine() throws {
        let fixture = try CityFixture()
        let file = fixture.folder + "/.accounts.csv"
        try """
        name,role,district,password
        ok-one,reviewer,,correct horse battery

        bad-role,boss,,correct horse battery
        x,district,nowhere,correct horse battery
        OK-ONE,admin,,correct horse battery
        short,district
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try fixture.store.accounts().count
        do {
            _ = try CityAdministration.importAccounts(fixture.configuration, file: file)
            Issue.record("imported")
        } catch let refused as CityAdministration.ImportRefused {
            #expect(refused.problems.map(\.line) == [4, 5, 6, 7])
            #expect(refused.problems.map { $0.column?.index } == [2, 3, 1, nil])
            #expect(refused.problems.allSatisfy { $0.file == ".accounts.csv" && !$0.fix(in: .zh).isEmpty })
            #expect(refused.message(in: .zh).contains("boss") && refused.message(in: .en).contains("nowhere"))
        }
        #expect(try fixture.store.accounts().count == before)
        try "name,role,password\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: CityAdministration.ImportRefused.self) { try CityAdministration.importAccounts(fixture.configuration, file: file) }
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: file))
        do {
            _ = try CityAdministration.importAccounts(fixture.configuration, file: file)
        } catch let refused as CityAdministration.ImportRefused {
            #expect(!refused.message(in: .en).contains("Error Domain") && !refused.message(in: .en).contains(fixture.folder))
        }
    }

    /// Logging out ends the session; logging out everywhere ends them all.
    @Test func logoutAndLogoutEverywhere() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let a = try fixture.session("east-user"), b = try fixture.session("east-user")
            try await client.execute(uri: "/logout", method: .post, headers: CityFixture.headers(a)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/api/session", method: .get, headers: CityFixture.headers(a)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/session", method: .get, headers: CityFixture.headers(b)) { #expect($0.status == .ok) }
            let c = try fixture.session("east-user")
            try await client.execute(uri: "/logout-everywhere", method: .post, headers: CityFixture.headers(c)) { #expect($0.status == .ok) }
            for session in [b, c] {
                try await client.execute(uri: "/api/session", method: .get, headers: CityFixture.headers(session)) { #expect($0.status == .unauthorized) }
            }
        }
    }

    /// The login page and the form login (Chinese first, English on request).
    @Test func theLoginPageAndFormLogin() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/login", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"zh\">") && page.contains("登录"))
            }
            try await client.execute(uri: "/login?lang=en", method: .get) { #expect(String(buffer: $0.body).contains("Log in")) }
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "name=reviewer&password=correct+horse+battery")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.hasPrefix("duxue_session=") == true)
            }
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "name=reviewer&password=nope")) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("账号或密码不对"))
            }
        }
    }

    /// A district named in Chinese: its user reaches it through the percent-encoded URL, others do not.
    @Test func aChineseDistrictNameWorksInURLsAndAccess() async throws {
        let fixture = try CityFixture()
        try CityFixture.district(fixture.folder + "/城关")
        try fixture.store.createAccount(name: "城关用户", role: .district, district: "城关", password: CityFixture.password)
        try await fixture.app().test(.router) { client in
            let own = try fixture.session("城关用户"), other = try fixture.session("east-user")
            let path = "/d/%E5%9F%8E%E5%85%B3"
            try await client.execute(uri: path, method: .get, headers: CityFixture.headers(own)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("name=\"duxue-base\" content=\"\(path)\""))
            }
            try await client.execute(uri: path + "/api/districts/%E5%9F%8E%E5%85%B3", method: .get, headers: CityFixture.headers(own)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: path + "/filings", method: .get, headers: CityFixture.headers(other)) { #expect($0.status == .forbidden) }
        }
    }
}
