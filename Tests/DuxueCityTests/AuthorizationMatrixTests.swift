import DuxueCity
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import DuxueCityServer

/// Every route × every role, from one table written here (not from the server's own access list): a
/// route without an entry fails the test, and so does any answer but 401 without a session, 403 for a
/// role that may not, and neither (nor a 5xx) for one that may.
@Suite struct AuthorizationMatrixTests {
    /// Who may call a route, as this test expects it.
    enum Who { case anyone, loggedIn, districtRead, districtWrite, reviewer, staff, admin }

    /// The city's own routes. The district workbench routes are classified below.
    static let table: [String: Who] = [
        "GET /login": .anyone, "POST /login": .anyone, "POST /logout": .anyone, "GET /health": .anyone, "GET /openapi.json": .anyone,
        "GET /assets/app.js": .anyone, "GET /assets/app.css": .anyone, "GET /assets/city.js": .anyone, "GET /assets/city.css": .anyone,
        "GET /favicon.svg": .anyone, "GET /favicon.ico": .anyone,
        "POST /logout-everywhere": .loggedIn, "GET /api/session": .loggedIn, "GET /": .loggedIn,
        "GET /d/{district}": .districtRead, "GET /d/{district}/districts/{id}": .districtRead, "GET /d/{district}/submissions": .districtRead,
        "GET /d/{district}/filings": .districtRead, "GET /d/{district}/filings/{filing}/file": .districtRead,
        "POST /d/{district}/filings": .districtWrite, "POST /d/{district}/filings/from-job/{job}": .districtWrite,
        "POST /d/{district}/filings/{filing}/accept": .reviewer, "POST /d/{district}/filings/{filing}/return": .reviewer,
        "GET /city": .reviewer, "GET /api/city/dashboard": .reviewer, "PUT /api/city/deadlines/{district}": .reviewer,
        "GET /api/city/audit": .staff, "GET /api/city/audit.csv": .staff,
        "GET /admin": .admin, "GET /api/accounts": .admin, "POST /api/accounts": .admin, "PATCH /api/accounts/{account}": .admin,
        "POST /api/accounts/{account}/logout-everywhere": .admin,
    ]

    /// The district workbench's routes (each under /d/{district}), each classified here by what it does,
    /// not by its method: reads of the district's data (its roster, its schools' and inspectors' personal
    /// data) are the district's and the reviewers'; anything that plans, changes, uploads or records is the
    /// district's own.
    static let workbenchRoutes: [String: Who] = [
        "GET /api/districts": .districtRead,
        "GET /api/districts/{id}": .districtRead,
        "POST /api/districts/{id}/validate": .districtWrite,
        "POST /api/districts/{id}/plan": .districtWrite,
        "GET /api/jobs/{job}": .districtRead,
        "GET /api/jobs/{job}/events": .districtRead,
        "DELETE /api/jobs/{job}": .districtWrite,
        "GET /api/jobs/{job}/roster": .districtRead,
        "PUT /api/jobs/{job}/roster": .districtWrite,
        "GET /api/jobs/{job}/options": .districtRead,
        "GET /api/jobs/{job}/roster.csv": .districtRead,
        "GET /api/jobs/{job}/roster.xlsx": .districtRead,
        "GET /api/jobs/{job}/filing.xlsx": .districtRead,
        "GET /api/jobs/{job}/filing.html": .districtRead,
        "POST /api/districts/{id}/check": .districtWrite,
        "POST /api/districts/{id}/renew": .districtWrite,
        "GET /api/districts/{id}/history": .districtRead,
        "POST /api/jobs/{job}/record": .districtWrite,
        "GET /api/districts/{id}/policy": .districtRead,
        "GET /api/renewals/{renewal}/changes.csv": .districtRead,
        "POST /api/uploads": .districtWrite,
        "PUT /api/districts/{id}/files/{role}": .districtWrite,
        "POST /api/districts/{id}/compare": .districtWrite,
    ]

    static var expected: [String: Who] {
        var all = table
        for (route, who) in workbenchRoutes {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            all[parts[0] + " /d/{district}" + parts[1]] = who
        }
        return all
    }

    enum Caller: String, CaseIterable { case none, own, other, reviewer, admin }

    /// Reads whose fixture ids name nothing (no renewal made, no school asked for, no record): 404 for a
    /// caller who may read. Every other read answers 2xx or a redirect to whoever may read it.
    static let absentByDesign: Set<String> = [
        "GET /d/{district}/api/renewals/{renewal}/changes.csv", "GET /d/{district}/api/jobs/{job}/options",
        "GET /d/{district}/api/districts/{id}/history",
    ]

    static func allowed(_ who: Who, _ caller: Caller) -> Bool {
        switch (who, caller) {
        case (.anyone, _): true
        case (_, .none): false
        case (.loggedIn, _): true
        case (.districtRead, .own), (.districtRead, .reviewer): true
        case (.districtWrite, .own): true
        case (.reviewer, .reviewer): true
        case (.staff, .reviewer), (.staff, .admin): true
        case (.admin, .admin): true
        default: false
        }
    }

    @Test func everyRouteHasAnEntryAndEveryEntryARoute() throws {
        let fixture = try CityFixture()
        // Hummingbird's own list, not the city router's record: a route added with router.get directly
        // (past the access check) has no entry and fails here.
        let routed = Set(CityServer.installedRoutes(fixture.configuration, store: fixture.store).map { "\($0.method.rawValue) \($0.path)" })
        let recorded = Set(CityServer.routes(fixture.configuration, store: fixture.store).map { "\($0.method.rawValue) \($0.path)" })
        #expect(routed.symmetricDifference(recorded).isEmpty, "routes past the access check: \(routed.symmetricDifference(recorded).sorted())")
        let listed = Set(Self.expected.keys)
        #expect(routed.subtracting(listed).isEmpty, "routes without an entry in the matrix: \(routed.subtracting(listed).sorted())")
        #expect(listed.subtracting(routed).isEmpty, "entries without a route: \(listed.subtracting(routed).sorted())")
        #expect(routed.count > 50)
    }

    @Test func everyRouteAnswersEachRoleAsTheTableSays() async throws {
        let fixture = try CityFixture()
        let west = try #require(try fixture.store.accounts().first { $0.name == "west-user" })
        let routes = CityServer.installedRoutes(fixture.configuration, store: fixture.store)
        try await fixture.app().test(.router) { client in
            let job = try await fixture.plannedJob(client, district: "east")
            let filing = try await fixture.submitted(client, district: "east", job: job)
            // An uploaded district of east's workbench, for the route that takes files only for one.
            try await client.execute(uri: "/d/east/api/uploads", method: .post, headers: CityFixture.headers(try fixture.session("east-user"))) {
                #expect($0.status == .created)
            }
            var seen = 0
            for route in routes {
                let who = try #require(Self.expected["\(route.method.rawValue) \(route.path)"])
                let upload = route.path.hasSuffix("/files/{role}")
                let uri = route.path.replacingOccurrences(of: "{district}", with: "east").replacingOccurrences(of: "{id}", with: upload ? "upload-1" : "east")
                    .replacingOccurrences(of: "{job}", with: job).replacingOccurrences(of: "{filing}", with: String(filing))
                    .replacingOccurrences(of: "{role}", with: "schools").replacingOccurrences(of: "{renewal}", with: "none")
                    .replacingOccurrences(of: "{account}", with: String(west.id))
                for caller in Caller.allCases {
                    let session: (cookie: String, csrf: String)? = switch caller {
                    case .none: nil
                    case .own: try fixture.session("east-user")
                    case .other: try fixture.session("west-user")
                    case .reviewer: try fixture.session("reviewer")
                    case .admin: try fixture.session("root")
                    }
                    let body: ByteBuffer? = route.method == .get ? nil : ByteBuffer(string: "{}")
                    let status = try await client.execute(uri: uri, method: route.method, headers: CityFixture.headers(session),
                                                          body: body) { $0.status }
                    let key = "\(route.method.rawValue) \(route.path) as \(caller.rawValue)"
                    if who != .anyone && caller == .none {
                        #expect(status == .unauthorized, "\(key): \(status.code)")
                    } else if Self.allowed(who, caller) {
                        #expect(status != .unauthorized && status != .forbidden && status.code < 500, "\(key): \(status.code)")
                        if route.method == .get {
                            let absent = Self.absentByDesign.contains("GET \(route.path)")
                            #expect(absent ? status == .notFound : (200..<400).contains(status.code), "\(key): \(status.code)")
                        }
                    } else {
                        #expect(status == .forbidden, "\(key): \(status.code)")
                    }
                    seen += 1
                }
            }
            #expect(seen == routes.count * Caller.allCases.count)
        }
    }

    /// A page without a session goes to the login; an unknown path without a session is 401 as well
    /// (the router's 404 is not a way to map the routes).
    @Test func withoutASessionPagesRedirectAndEverythingElseIs401() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/city", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/no/such/route", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/d/east/api/districts", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// Ids of another district in the URL or swapped between districts answer 404 or 403, never the data.
    @Test func swappedIdsReachNothingOfAnotherDistrict() async throws {
        let fixture = try CityFixture()
        try await fixture.app().test(.router) { client in
            let eastJob = try await fixture.plannedJob(client, district: "east")
            let westJob = try await fixture.plannedJob(client, district: "west")
            let westFiling = try await fixture.submitted(client, district: "west", job: westJob)
            let east = try fixture.session("east-user"), reviewer = try fixture.session("reviewer")
            // West's filing under east's URL: not found, for east's user and for a reviewer alike.
            try await client.execute(uri: "/d/east/filings/\(westFiling)/file", method: .get, headers: CityFixture.headers(east)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/d/east/filings/\(westFiling)/accept", method: .post, headers: CityFixture.headers(reviewer),
                                     body: ByteBuffer(string: "{}")) { #expect($0.status == .notFound) }
            // West's job through east's workbench: unknown there.
            try await client.execute(uri: "/d/east/api/jobs/\(westJob)/roster", method: .get, headers: CityFixture.headers(east)) {
                #expect($0.status == .notFound)
            }
            // East's user naming west inside east's URL: east's workbench has no such district.
            try await client.execute(uri: "/d/east/api/districts/west", method: .get, headers: CityFixture.headers(east)) {
                #expect($0.status == .notFound)
            }
            // East's user on west's URL with east's job: refused before anything is looked up.
            try await client.execute(uri: "/d/west/api/jobs/\(eastJob)/filing.xlsx", method: .get, headers: CityFixture.headers(east)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/d/west/filings/from-job/\(eastJob)", method: .post, headers: CityFixture.headers(east)) {
                #expect($0.status == .forbidden)
            }
            // Guessed filing ids: nothing.
            for guess in ["0", "-1", "99999", "1%20OR%201=1", "abc"] {
                try await client.execute(uri: "/d/east/filings/\(guess)/file", method: .get, headers: CityFixture.headers(east)) {
                    #expect($0.status == .notFound, "\(guess)")
                }
            }
            // An account bound to a district the city does not have is refused.
            let admin = try fixture.session("root")
            try await client.execute(uri: "/api/accounts", method: .post, headers: CityFixture.headers(admin), body: ByteBuffer(string:
                #"{"name": "ghost", "role": "district", "district": "../east", "password": "long enough password"}"#)) {
                #expect($0.status == .badRequest)
            }
        }
    }
}
