import DuxueDomain
import DuxueInput
import DuxueTestSupport
import DuxueWorkflows
import Foundation
import Testing

/// A district that keeps a roster of record may leave `consecutive_terms` out (the record derives it):
/// `validate` accepts it the same way through the workflow and the CLI (and the server, in
/// DuxueServerTests), and still demands the column of a district without a record.
@Suite struct ValidateWithRecordTests {
    @Test func withoutTheColumnARecordedDistrictValidatesCleanAndAnUnrecordedOneDoesNot() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        // No record yet: the column is required, and said so naming the file.
        let before = Workflows.validate(ValidateRequest(district: DistrictSource(path: district), today: .iso("2027-06-01")))
        #expect(!before.isValid)
        #expect(before.problems.contains { $0.file.hasSuffix("inspectors.csv") && $0.message(in: .en).contains("consecutive_terms") })
        try KnownHistory.record(into: district, scratch: scratch)
        let after = Workflows.validate(ValidateRequest(district: DistrictSource(path: district), today: .iso("2027-06-01")))
        #expect(after.isValid, "\(after.problems.map { $0.message(in: .en) })")
        #expect(after.errorCount == 0)
        #expect(after.schools == 10)
        #expect(after.inspectors == 6)
    }

    @Test func aRecordThatCannotBeReadIsAProblemOfTheReport() throws {
        let scratch = try Scratch()
        let district = try scratch.district(terms: ["A": 1])
        try scratch.write("d/duxue.sqlite", "not a database at all, but long enough to be looked at as one by SQLite")
        let report = Workflows.validate(ValidateRequest(district: DistrictSource(path: district)))
        #expect(!report.isValid)
        #expect(report.problems.contains { $0.file.hasSuffix("duxue.sqlite") })
    }

    @Test func theCLIAcceptsTheRecordedDistrictWithoutTheColumn() throws {
        let scratch = try Scratch()
        let district = try scratch.district()
        let refused = try DuxueExecutable.run(["validate", district, "--lang", "en"], in: scratch.root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("consecutive_terms"))
        try KnownHistory.record(into: district, scratch: scratch)
        let accepted = try DuxueExecutable.run(["validate", district, "--lang", "en"], in: scratch.root)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.hasPrefix("input is valid: 10 schools, 6 inspectors"))
    }
}
