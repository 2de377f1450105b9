import DuxueCity
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import DuxueCityServer

/// What the city's pages show people: districts by the names their policies give them, a deadline
/// that is not set said so, the submit button only for those who may submit; and the OpenAPI document's
/// answers and headers.
@Suite struct CityPageTests {
    /// East's policy names it 东城区 (as Data/county's names it 丰城县); west's names none.
    static func namedFixture() throws -> CityFixture {
        let fixture = try CityFixture()
        try "district_name = \"东城区\"\npreset = \"combined\"\nterm_start = 2027-09-01\n"
            .write(toFile: fixture.folder + "/east/policy.toml", atomically: true, encoding: .utf8)
        return fixture
    }

    /// The text of a GET answer in a session.
    static func page(_ client: some TestClientProtocol, _ uri: String, _ session: (cookie: String, csrf: String)) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: CityFixture.headers(session, type: nil)) { response in
            #expect(response.status == .ok, "\(uri): \(response.status.code)")
            return String(buffer: response.body)
        }
    }

    @Test func districtsAreShownByThePolicysName() async throws {
        let fixture = try Self.namedFixture()
        try await fixture.app().test(.router) { client in
            let reviewer = try fixture.session("reviewer"), east = try fixture.session("east-user")
            let dashboard = try await Self.page(client, "/city", reviewer)
            // The row of east names it 东城区 (its folder id beside it); west, without a name, by its folder.
            let row = try #require(dashboard.range(of: "data-district=\"east\"").map { String(dashboard[$0.upperBound...].prefix(400)) })
            #expect(row.contains("东城区"), "\(row)")
            #expect(row.contains("<small class=\"id\">east</small>"), "\(row)")
            #expect(dashboard.contains(">west</a>"))
            try await client.execute(uri: "/api/city/dashboard", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let rows = CityFixture.json(response.body)["districts"] as? [[String: Any]] ?? []
                #expect(rows.map { $0["name"] as? String } == ["东城区", "west"])
            }
            let filings = try await Self.page(client, "/d/east/submissions", east)
            #expect(filings.contains("<h2>东城区 <small class=\"id\">east</small>"), "\(filings.prefix(1500))")
            let workbench = try await Self.page(client, "/d/east", east)
            #expect(workbench.contains("id=\"city-district\">东城区</strong>"))
            // The embedded workbench's own header names it so too, its folder id on hover.
            #expect(workbench.contains("title=\"east\" class=\"current\">东城区</a>"), "\(workbench.prefix(2000))")
            // The audit export names the district for people too (its folder id stays the key).
            try await client.execute(uri: "/d/east/filings", method: .get, headers: CityFixture.headers(east)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/city/audit.csv", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let lines = String(buffer: response.body).split(separator: "\n").map { $0.replacingOccurrences(of: "\r", with: "") }
                #expect(lines.first?.hasSuffix(",district,outcome,detail,district_name") == true, "\(lines.first ?? "")")
                #expect(lines.contains { $0.contains(",east,") && $0.hasSuffix(",东城区") })
            }
        }
    }

    /// Two districts shown under one name are told at start, with the fix; names that differ are not. A name is its policy's, else the
    /// folder's, compared in one Unicode form.
    @Test func districtsSharingANameAreWarnedOf() throws {
        let fixture = try Self.namedFixture()
        #expect(fixture.configuration.sharedNames().isEmpty)
        // East named "Café" (one code point for é), west "Café" written with a combining accent.
        try "district_name = \"Caf\u{E9}\"\n".write(toFile: fixture.folder + "/east/policy.toml", atomically: true, encoding: .utf8)
        try "district_name = \"Cafe\u{301}\"\n".write(toFile: fixture.folder + "/west/policy.toml", atomically: true, encoding: .utf8)
        let shared = fixture.configuration.sharedNames()
        #expect(shared == [SharedDistrictName(name: "Caf\u{E9}", districts: ["east", "west"])])
        #expect(shared.first?.message(zh: true).contains("east、west") == true)
        #expect(shared.first?.message(zh: true).contains("policy.toml") == true)
        #expect(shared.first?.message(zh: false).hasPrefix("warning: the districts east, west") == true)
        // A policy's name that is another district's folder name is shared too.
        try "district_name = \"west\"\n".write(toFile: fixture.folder + "/east/policy.toml", atomically: true, encoding: .utf8)
        try "term_start = 2027-09-01\n".write(toFile: fixture.folder + "/west/policy.toml", atomically: true, encoding: .utf8)
        #expect(fixture.configuration.sharedNames() == [SharedDistrictName(name: "west", districts: ["east", "west"])])
    }

    @Test func aDeadlineNotSetIsSaidSoInBothLanguages() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let east = try fixture.session("east-user"), reviewer = try fixture.session("reviewer")
            let zh = try await Self.page(client, "/d/east/submissions?lang=zh", east)
            #expect(zh.contains("截止日期 未设定"), "\(zh.prefix(1500))")
            let en = try await Self.page(client, "/d/east/submissions?lang=en", east)
            #expect(en.contains("Deadline not set"), "\(en.prefix(1500))")
            try await client.execute(uri: "/api/city/deadlines/east", method: .put, headers: CityFixture.headers(reviewer),
                                     body: ByteBuffer(string: #"{"due_on": "2027-06-30"}"#)) { #expect($0.status == .ok) }
            let set = try await Self.page(client, "/d/east/submissions?lang=zh", east)
            #expect(set.contains("截止日期 2027-06-30") && !set.contains("未设定"))
            // No empty comment boxes on the dashboard for districts without a comment.
            let dashboard = try await Self.page(client, "/city", reviewer)
            #expect(!dashboard.contains("<div class=\"comment\"></div>"))
        }
    }

    @Test func onlyThoseWhoMaySubmitSeeTheSubmitButton() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let east = try fixture.session("east-user"), reviewer = try fixture.session("reviewer")
            let own = try await Self.page(client, "/d/east", east), ownOther = try await Self.page(client, "/d/east/districts/east", east)
            #expect(own.contains("id=\"submit-filing\"") && ownOther.contains("id=\"submit-filing\""))
            let seen = try await Self.page(client, "/d/east", reviewer), seenOther = try await Self.page(client, "/d/east/districts/east", reviewer)
            #expect(!seen.contains("id=\"submit-filing\"") && !seenOther.contains("id=\"submit-filing\""))
            #expect(seen.contains("id=\"city-filings\""))
            // The server still refuses a reviewer's submission, whatever the page shows.
            try await client.execute(uri: "/d/east/filings/from-job/none", method: .post, headers: CityFixture.headers(reviewer)) {
                #expect($0.status == .forbidden)
            }
        }
    }

    /// Every operation documents the 503 (the city database or the worker pool busy), every operation
    /// behind a session its 401; the audit export documents its `X-Duxue-Truncated` header, and every
    /// `X-Duxue-` header a truncated export really sends is documented.
    @Test func theOpenAPIDocumentHasTheBusyAnswerAndTheExportHeader() async throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(CityOpenAPI.text.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let components = try #require(document["components"] as? [String: Any])
        let responses = try #require(components["responses"] as? [String: Any])
        #expect(responses["Busy"] != nil)
        for (path, operations) in paths {
            for (method, operation) in operations {
                let answers = operation["responses"] as? [String: Any] ?? [:]
                #expect(answers["503"] != nil, "\(method) \(path)")
                let open = (operation["security"] as? [Any])?.isEmpty == true
                if !open { #expect(answers["401"] != nil, "\(method) \(path)") }
            }
        }
        let export = try #require((paths["/api/city/audit.csv"]?["get"]?["responses"] as? [String: Any])?["200"] as? [String: Any])
        let documented = Set(((export["headers"] as? [String: Any]) ?? [:]).keys.map { $0.lowercased() })
        #expect(documented.contains("x-duxue-truncated"))
        let fixture = try CityFixture()
        for index in 0..<4 { try fixture.store.audit(DuxueCity.Actor(account: nil, address: "test"), action: "test", district: nil, detail: "\(index)") }
        try await fixture.app().test(.router) { client in
            let reviewer = try fixture.session("reviewer")
            try await client.execute(uri: "/api/city/audit.csv?limit=2", method: .get, headers: CityFixture.headers(reviewer)) { response in
                let sent = Set(response.headers.map { $0.name.canonicalName.lowercased() }.filter { $0.hasPrefix("x-duxue-") })
                #expect(sent.contains("x-duxue-truncated"))
                #expect(sent.subtracting(documented).isEmpty, "undocumented headers: \(sent.subtracting(documented))")
            }
        }
    }
}
