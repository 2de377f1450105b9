import DuxueTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import DuxueServer

/// The workbench validates a district as `duxue validate` does: one with a roster of record and no
/// `consecutive_terms` column is valid (the record derives the counts), one without a record is not.
@Suite struct ValidateRouteTests {
    /// A district folder named `plain` whose pool has no `consecutive_terms` column.
    static func districtWithoutTerms() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-serve-test-\(UUID().uuidString)/plain").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id,name,stage,enrollment,zone\nS-01,东关小学,primary,600,城关\nS-02,西关小学,primary,700,城关\nS-03,南关中学,junior,800,城关\n"
            .write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try "id,name,employment,status,zone\nI-01,王芳,full_time,in_service,城关\nI-02,李强,part_time,in_service,城关\nI-03,张伟,part_time,in_service,城关\n"
            .write(toFile: folder + "/inspectors.csv", atomically: true, encoding: .utf8)
        try "preset = \"national\"\nterm_start = 2027-09-01\n".write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
        return folder
    }

    /// The district's answer and its validation, as the page asks for them: (valid, errors named).
    static func answers(_ client: some TestClientProtocol, csrf: String) async throws -> (detail: Bool, validate: Bool, errors: [String]) {
        let detail = try await client.execute(uri: "/api/districts/plain?lang=en", method: .get) { response in
            #expect(response.status == .ok)
            return try Fixture.json(response.body)
        }
        let validation = try await client.execute(uri: "/api/districts/plain/validate?lang=en", method: .post,
                                                  headers: Fixture.headers(csrf)) { response in
            #expect(response.status == .ok)
            return try Fixture.json(response.body)
        }
        let problems = (detail["problems"] as? [[String: Any]] ?? []) + (validation["problems"] as? [[String: Any]] ?? [])
        let errors = problems.filter { $0["severity"] as? String == "error" }.map { "\($0)" }
        return (detail["valid"] as? Bool == true, validation["valid"] as? Bool == true, errors)
    }

    @Test func aRecordedDistrictWithoutTheTermsColumnIsValidInTheWorkbench() async throws {
        let folder = try Self.districtWithoutTerms()
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent()
        let app = try Fixture.app([folder])
        try await app.test(.router) { client in
            let csrf = try await Fixture.csrf(client)
            let before = try await Self.answers(client, csrf: csrf)
            #expect(!before.detail && !before.validate)
            #expect(before.errors.contains { $0.contains("consecutive_terms") })
            // The last term's roster, recorded as the CLI records it: the record now derives the counts.
            try "school_id,inspector_id\nS-01,I-01\nS-02,I-02\nS-03,I-01\n".write(
                to: parent.appendingPathComponent("old.csv"), atomically: true, encoding: .utf8)
            let recorded = try DuxueExecutable.run(["record", folder, "--roster", "old.csv", "--term-start", "2024-09-01", "--lang", "en"],
                                                   in: parent)
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let after = try await Self.answers(client, csrf: csrf)
            #expect(after.detail && after.validate, "\(after.errors)")
            #expect(after.errors.isEmpty)
            // The CLI agrees.
            let cli = try DuxueExecutable.run(["validate", folder, "--lang", "en"], in: parent)
            #expect(cli.status == 0, "\(cli.stderr)")
        }
    }
}
