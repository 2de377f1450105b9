import DuxueCity
import DuxueConcurrency
import DuxueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import DuxueCityServer

/// A city folder with two small districts (`east`, `west`, whose first school is named like a script),
/// its store with a clock the test moves, and one account of each kind.
final class CityFixture: Sendable {
    static let hostile = "<script>alert(1)</script>"
    static let password = "correct horse battery"
    let folder: String
    let store: CityStore
    let clock: Locked<Date>
    let configuration: CityConfiguration

    init(settings: CitySettings = CityFixture.settings()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-city-test-\(UUID().uuidString)").path
        for district in ["east", "west"] { try Self.district(folder + "/" + district) }
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        self.clock = clock
        configuration = CityConfiguration(folder: folder, port: 0, settings: settings)
        store = try CityStore.open(path: configuration.databasePath, settings: settings, clock: { clock.withLock { $0 } })
        try store.createAccount(name: "root", role: .admin, district: nil, password: Self.password)
        try store.createAccount(name: "east-user", role: .district, district: "east", password: Self.password)
        try store.createAccount(name: "west-user", role: .district, district: "west", password: Self.password)
        try store.createAccount(name: "reviewer", role: .reviewer, district: nil, password: Self.password)
    }

    static func settings() -> CitySettings {
        var settings = CitySettings()
        settings.bcryptCost = 4
        return settings
    }

    static func district(_ folder: String) throws {
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
        try "preset = \"combined\"\nterm_start = 2027-09-01\n".write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
    }

    func app() -> some ApplicationProtocol { CityServer.application(configuration, store: store, solveLimit: 2) }

    /// A new session of an account: (cookie header value, CSRF token).
    func session(_ name: String) throws -> (cookie: String, csrf: String) {
        guard case .success(let token, let session) = try store.login(name: name, password: Self.password, address: "test") else {
            throw FixtureError.loginFailed(name)
        }
        return ("\(HTTP.sessionCookie)=\(token)", session.csrf)
    }

    /// Headers of a request in a session (with its CSRF token and a JSON body type).
    static func headers(_ session: (cookie: String, csrf: String)?, type: String? = "application/json", csrf: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [:]
        if let session {
            fields[.cookie] = session.cookie
            if csrf { fields[HTTP.csrfHeader] = session.csrf }
        }
        if let type { fields[.contentType] = type }
        return fields
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// Plans `district` as its user and waits for the job; returns its id.
    func plannedJob(_ client: some TestClientProtocol, district: String) async throws -> String {
        let user = try session("\(district)-user")
        let job = try await client.execute(uri: "/d/\(district)/api/districts/\(district)/plan", method: .post,
                                           headers: Self.headers(user), body: ByteBuffer(string: "{}")) { response in
            Self.json(response.body)["id"] as? String ?? ""
        }
        for _ in 0..<600 {
            let status = try await client.execute(uri: "/d/\(district)/api/jobs/\(job)", method: .get, headers: Self.headers(user)) {
                Self.json($0.body)["status"] as? String ?? ""
            }
            if status == "done" { return job }
            if ["failed", "cancelled", ""].contains(status) { throw FixtureError.planFailed(status) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FixtureError.planFailed("timeout")
    }

    /// A finished plan of `district` and its filing workbook, as the district's own user downloads it.
    func plannedFiling(_ client: some TestClientProtocol, district: String) async throws -> (job: String, bytes: [UInt8]) {
        let job = try await plannedJob(client, district: district)
        let user = try session("\(district)-user")
        let bytes = try await client.execute(uri: "/d/\(district)/api/jobs/\(job)/filing.xlsx", method: .get, headers: Self.headers(user)) {
            Array($0.body.readableBytesView)
        }
        return (job, bytes)
    }

    /// Submits the filing of a finished job; returns the filing's id.
    func submitted(_ client: some TestClientProtocol, district: String, job: String) async throws -> Int {
        let user = try session("\(district)-user")
        return try await client.execute(uri: "/d/\(district)/filings/from-job/\(job)", method: .post, headers: Self.headers(user)) { response in
            guard response.status == .created else { throw FixtureError.submitFailed(response.status.code, String(buffer: response.body)) }
            return Self.json(response.body)["id"] as? Int ?? -1
        }
    }
}

enum FixtureError: Error {
    case loginFailed(String)
    case planFailed(String)
    case submitFailed(Int, String)
}
