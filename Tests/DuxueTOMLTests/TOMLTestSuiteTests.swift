import DuxueTOML
import Foundation
import Testing

/// toml-test's TOML 1.0.0 cases: the bundled selection always, the whole suite when
/// `../shared/toml-test` is there. Valid files must give exactly their JSON's values; invalid files
/// must be rejected with a position (and never crash the reader).
@Suite("toml-test")
struct TOMLTestSuiteTests {
    @Test func bundledSelection() throws {
        let root = try #require(TOMLTestSuite.bundledRoot, "TOMLTestSuite resource missing")
        let cases = try TOMLTestSuite.cases(in: root)
        #expect(cases.filter(\.isValid).count >= 80)
        #expect(cases.filter { !$0.isValid }.count >= 120)
        try run(cases, label: "bundled")
    }

    @Test func wholeSuiteWhenShared() throws {
        guard let root = TOMLTestSuite.sharedRoot else {
            print("toml-test (shared): ../shared/toml-test not found; only the bundled selection ran")
            return
        }
        let cases = try TOMLTestSuite.cases(in: root)
        #expect(cases.count > 700)
        try run(cases, label: "shared")
    }

    /// Every valid bundled document, written out as TOML (`v = ` and ``TOMLValue/description``), reads
    /// back to the same values.
    @Test func writtenOutValuesReadBack() throws {
        let root = try #require(TOMLTestSuite.bundledRoot)
        for testCase in try TOMLTestSuite.cases(in: root) where testCase.isValid {
            let table = try TOMLParser.parse(bytes: try TOMLTestSuite.bytes(testCase))
            let written = "v = \(TOMLValue.table(table))"
            let reread = try #require(try TOMLParser.parse(written)["v"], "\(testCase.path)")
            #expect(reread.value.isSame(as: .table(table)), "\(testCase.path): \(written)")
        }
    }

    /// Runs the cases, records an issue for each failure, and prints the counts.
    private func run(_ cases: [TOMLTestSuite.Case], label: String) throws {
        var passed = (valid: 0, invalid: 0)
        for testCase in cases {
            let failure = testCase.isValid
                ? try TOMLTestSuite.failure(ofValid: testCase) : try TOMLTestSuite.failure(ofInvalid: testCase)
            if let failure {
                if TOMLTestSuite.exceptions[testCase.path] == nil { Issue.record("\(testCase.path): \(failure)") }
            } else if testCase.isValid {
                passed.valid += 1
            } else {
                passed.invalid += 1
            }
        }
        let valid = cases.filter(\.isValid).count
        let invalid = cases.count - valid
        print("toml-test (\(label)): valid \(passed.valid)/\(valid) pass, invalid \(passed.invalid)/\(invalid) rejected")
    }
}
