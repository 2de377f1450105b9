import Foundation
import Testing

/// End-to-end runs of `duxue renew` on Tests/DuxueCLITests/Cases/renew: the tiny district with a
/// previous roster (Chinese headers) where I-06 has left the pool and S-07 has closed.
@Suite("duxue renew end to end")
struct RenewCommandTests {
    static var previous: String { CLIRunner.casePath("renew") + "/previous-roster.csv" }

    /// Mid-term: S-06 loses I-06 (left) and goes to I-03, the only 青山 member with room (R6 excludes
    /// I-05, R5 I-04); S-07 is listed as closed; the five other pairs stay. I-03 retired 2026-03-01, so
    /// the outlook warns that the window closes on 2029-03-01, inside the 2027–2030 term.
    @Test func midTermRenewal() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", Self.previous, "--as-of", "2028-09-01",
                                  "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Mid-term adjustment: term 2027-09-01 – 2030-08-31, effective 2028-09-01"))
        #expect(result.stdout.contains("Kept 5 schools; inspector changed at 1; not in the previous roster 0; closed schools 1; leaving 1; joining 0; to recruit 0"))
        #expect(result.stdout.contains("S-06 青山初级中学: I-06 → 张伟 (I-03)"))
        #expect(result.stdout.contains("张伟 (I-03): retirement window closes on 2029-03-01; the appointment stands for this term"))
        let roster = try cli.read("renew-renewed.csv").split(separator: "\n").map(String.init)
        #expect(roster.first?.hasSuffix("term_start,pair_terms") == true)
        #expect(roster.contains { $0.hasPrefix("S-02,I-02,") && $0.hasSuffix(",2027-09-01,2") })
        #expect(roster.contains { $0.hasPrefix("S-06,I-03,") && $0.hasSuffix(",2027-09-01,1") })
        let changes = try cli.read("renew-renewed-changes.csv").split(separator: "\n").map(String.init)
        #expect(changes == [
            "change,school_id,school_name,from,from_name,to,to_name,reason_codes,reasons",
            "moved,S-06,青山初级中学,I-06,,I-03,张伟,inspector_left,the inspector has left the pool",
            "closed_school,S-07,,I-03,张伟,,,,",
            "leaving,,,I-06,,,,left_pool,no longer in the pool",
        ])
    }

    /// At the term's end the renewal starts a new term: the roster records the new start, pairs kept
    /// count one more term (S-02: 3), and the report says so.
    @Test func newTermFromTheRecordedStart() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", Self.previous, "--as-of", "2030-09-01",
                                  "--lang", "zh", "--out", "next.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("新一届任期：2030-09-01 – 2033-08-31"))
        let roster = try cli.read("next.csv")
        #expect(roster.contains(",2030-09-01,3\n"))
        #expect(FileManager.default.fileExists(atPath: cli.scratch.appendingPathComponent("next-changes.csv").path))
    }

    /// The outputs are never the previous roster, never an existing file without --force, and a second
    /// run without --out writes numbered files beside the first.
    @Test func neverOverwrites() throws {
        let cli = try CLIRunner()
        let intoInput = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", Self.previous, "--as-of", "2028-09-01",
                                     "--lang", "en", "--out", Self.previous, "--force"])
        #expect(intoInput.status == 2)
        #expect(intoInput.stderr.contains("is an input file and is never overwritten"))
        for _ in 0..<2 {
            let result = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", Self.previous, "--as-of", "2028-09-01", "--quiet"])
            #expect(result.status == 0)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.scratch.path).sorted()
        #expect(files == ["renew-renewed-2-changes.csv", "renew-renewed-2.csv", "renew-renewed-changes.csv", "renew-renewed.csv"])
    }

    @Test func badDateAndMissingRoster() throws {
        let cli = try CLIRunner()
        let badDate = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", Self.previous, "--as-of", "2028/13/01"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--as-of 2028/13/01 is not a date"))
        let missing = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", "nowhere.csv", "--as-of", "2028-09-01", "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.csv"))
    }

    /// A previous roster that names its inspectors by name only: 赵六 (I-06's place) has left the pool.
    /// The renewal goes on and lists 赵六 as leaving, as it lists a departed id (it stopped on "no
    /// inspector is named 赵六"), with a warning on the row in case the name is mistyped.
    @Test func aDepartedInspectorNamedOnlyByNameIsADeparture() throws {
        let cli = try CLIRunner()
        let names = ["I-01": "王芳", "I-02": "李强", "I-03": "张伟", "I-06": "赵六"]
        let previous = try String(contentsOfFile: Self.previous, encoding: .utf8).split(separator: "\n").enumerated().map { index, line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] = index == 0 ? "责任督学" : names[fields[1]] ?? fields[1]
            return fields.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        try previous.write(to: cli.scratch.appendingPathComponent("by-name.csv"), atomically: true, encoding: .utf8)
        let result = try cli.run(["renew", CLIRunner.casePath("renew"), "--previous", "by-name.csv", "--as-of", "2028-09-01",
                                  "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("by-name.csv line 7, column 责任督学: inspector \"赵六\" is no longer in the pool"))
        #expect(result.stdout.contains("Kept 5 schools; inspector changed at 1; not in the previous roster 0; closed schools 1; leaving 1; joining 0; to recruit 0"))
        let changes = try cli.read("renew-renewed-changes.csv").split(separator: "\n").map(String.init)
        #expect(changes == [
            "change,school_id,school_name,from,from_name,to,to_name,reason_codes,reasons",
            "moved,S-06,青山初级中学,赵六,,I-03,张伟,inspector_left,the inspector has left the pool",
            "closed_school,S-07,,I-03,张伟,,,,",
            "leaving,,,赵六,,,,left_pool,no longer in the pool",
        ])
        // A name that matches no one is still an error where no one can have left: a roster checked.
        let check = try cli.run(["check", CLIRunner.casePath("renew"), "--roster", "by-name.csv", "--lang", "en"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("no inspector is named \"赵六\""))
    }
}
