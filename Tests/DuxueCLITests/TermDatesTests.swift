import Foundation
import Testing

/// Term dates end to end: the term in force comes from the roster, a new term before the old one ends
/// needs confirming, and a term nobody states is never silently today.
@Suite("Terms and dates end to end")
struct TermDatesTests {
    private static let county = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../Data/county").standardized.path

    /// A roster of the 2027 term checked as of 2028-09-01 speaks of the term 2027-09-01 to 2030-08-31.
    @Test func midTermCheckUsesTheTermInForce() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["plan", Self.county, "--quiet", "--out", "r.csv"]).status == 0)
        let check = try cli.run(["check", Self.county, "--roster", "r.csv", "--as-of", "2028-09-01", "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("term 2027-09-01 to 2030-08-31"))
        #expect(!check.stdout.contains("2031-08-31"))
        #expect(check.stdout.contains("Roster check — 丰城县"), "the title names the district (district_name)")
    }

    @Test func earlyNewTermNeedsConfirming() throws {
        let cli = try CLIRunner()
        let previous = CLIRunner.casePath("renew") + "/previous-roster.csv"
        let early = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", previous, "--as-of", "2028-09-01",
                                 "--new-term", "--lang", "en"])
        #expect(early.status == 2)
        #expect(early.stderr.contains("--early"))
        #expect(early.stderr.contains("2030-08-31"))
        let confirmed = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", previous, "--as-of", "2028-09-01",
                                     "--new-term", "--early", "--lang", "en", "--out", "e.csv"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains("New term"))
    }

    /// No term_start in the roster nor the district's policy: renew stops and says where to give it;
    /// plan warns that today is used.
    @Test func anUnstatedTermIsNeverSilentlyToday() throws {
        let cli = try CLIRunner()
        let folder = try cli.makeFolder("nostart")
        let tiny = CLIRunner.casePath("tiny")
        for file in ["schools.csv", "inspectors.csv"] {
            try FileManager.default.copyItem(atPath: tiny + "/" + file, toPath: folder + "/" + file)
        }
        try "school_id,inspector_id\nS-01,I-01\n".write(toFile: folder + "/old.csv", atomically: true, encoding: .utf8)
        let renew = try cli.run(["renew", folder, "--previous", folder + "/old.csv", "--as-of", "2028-09-01", "--lang", "en"])
        #expect(renew.status == 2)
        #expect(renew.stderr.contains("term_start"))
        let plan = try cli.run(["plan", folder, "--lang", "en", "--quiet", "--out", "p.csv"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stderr.contains("no term start given: today"))
    }
}
