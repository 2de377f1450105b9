import Foundation
import Testing

/// `--pairs`: a small CSV of pinned (指定) and forbidden (不得) pairs for `plan` and `renew`.
@Suite("Pairs file end to end")
struct PairsFileTests {
    /// tiny: the lean roster gives S-01 and S-03 to I-01; pinning S-03 to I-03 and forbidding I-01 on
    /// S-01 are both honoured, and a pin to the excluded I-04 (retired too long) is refused with exit 2.
    @Test func pinAndForbid() throws {
        let cli = try CLIRunner()
        let folder = try cli.makeFolder("p")
        try "学校代码,督学编号,规则\nS-03,I-03,指定\nS-01,I-01,不得\n".write(toFile: folder + "/pairs.csv", atomically: true, encoding: .utf8)
        let result = try cli.run(["plan", CLIRunner.casePath("tiny"), "--pairs", folder + "/pairs.csv", "--lang", "en", "--out", "r.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try cli.read("r.csv").split(separator: "\n").map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(rows.contains("S-03,I-03"))
        #expect(!rows.contains("S-01,I-01"))

        try "school_id,inspector_id,rule\nS-01,I-04,pin\nS-02,I-02,maybe\n".write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try cli.run(["plan", CLIRunner.casePath("tiny"), "--pairs", folder + "/bad.csv", "--lang", "en", "--out", "b.csv"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.csv line 3"), "\(bad.stderr)")
        try "school_id,inspector_id,rule\nS-01,I-04,pin\n".write(toFile: folder + "/old.csv", atomically: true, encoding: .utf8)
        let old = try cli.run(["plan", CLIRunner.casePath("tiny"), "--pairs", folder + "/old.csv", "--lang", "en", "--out", "o.csv"])
        #expect(old.status == 2)
        #expect(old.stderr.contains("pin S-01 → I-04: the inspector may not be appointed"), "\(old.stderr)")
    }
}
