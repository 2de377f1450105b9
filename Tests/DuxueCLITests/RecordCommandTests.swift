import DuxueTestSupport
import Foundation
import Testing

/// `duxue record` and `duxue history` end to end, on a copy of Data/county (the repository's own copy is
/// never written to): the yearly cycle, `--replace`, export and import, and refusals.
@Suite struct RecordCommandTests {
    /// A copy of Data/county in the scratch folder, as `county`.
    static func county(_ cli: CLIRunner) throws -> String {
        let source = DuxueExecutable.repository.appendingPathComponent("Data/county")
        let target = cli.scratch.appendingPathComponent("county")
        try FileManager.default.copyItem(at: source, to: target)
        return target.path
    }

    /// Records the shipped past terms (2021, 2024) and the roster in force (2027).
    static func recordPast(_ cli: CLIRunner, _ county: String) throws {
        for roster in ["record/2021-roster.csv", "record/2024-roster.csv", "previous-roster.csv"] {
            let result = try cli.run(["record", county, "--roster", "\(county)/\(roster)", "--lang", "en"])
            #expect(result.status == 0, "\(roster): \(result.stderr)")
            #expect(result.stdout.contains("Recorded"))
        }
    }

    /// The README's yearly cycle: `renew` from the record gives the same roster as `renew --previous`
    /// (the record reproduces the pool's consecutive_terms and the roster's pair_terms, an independent
    /// cross-check of the derivation), `check --filing` passes it, and `record` adds it as a mid-term change.
    @Test func theYearlyCycleRunsFromTheRecord() throws {
        let cli = try CLIRunner()
        let county = try Self.county(cli)
        let fromFile = try cli.run(["renew", county, "--previous", "\(county)/previous-roster.csv", "--as-of", "2028-09-01",
                                    "--out", "file.csv", "--quiet", "--lang", "en"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        try Self.recordPast(cli, county)
        let plan = try cli.run(["plan", county, "--out", "plan.csv", "--quiet", "--lang", "en"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("I-020 程春红: 3 consecutive part-time terms (limit 3); recorded part-time terms starting 2021-09-01, 2024-09-01"))
        #expect(!plan.stderr.contains("roster of record gives"), "\(plan.stderr)")
        let renew = try cli.run(["renew", county, "--as-of", "2028-09-01", "--out", "renewed.csv", "--quiet", "--lang", "en"])
        #expect(renew.status == 0, "\(renew.stderr)")
        #expect(try cli.read("renewed.csv") == cli.read("file.csv"))
        #expect(try cli.read("renewed-changes.csv") == cli.read("file-changes.csv"))
        let check = try cli.run(["check", county, "--roster", "renewed.csv", "--as-of", "2028-09-01", "--filing", "filing.html",
                                 "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
        let record = try cli.run(["record", county, "--roster", "renewed.csv", "--as-of", "2028-09-01", "--doc-no", "丰教督〔2028〕5号",
                                  "--lang", "en"])
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stdout.contains("the change of 2028-09-01 in the term starting 2027-09-01"))
        let history = try cli.run(["history", county, "--format", "json", "--lang", "en"])
        #expect(history.status == 0, "\(history.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "duxue.history/1")
        let rosters = try #require(json["rosters"] as? [[String: Any]])
        #expect(rosters.map { $0["effective_on"] as? String ?? "" }
            == ["2021-09-01", "2024-09-01", "2027-09-01", "2028-09-01"])
        #expect(rosters.last?["doc_no"] as? String == "丰教督〔2028〕5号")
        let people = try #require(json["inspectors"] as? [[String: Any]])
        // I-020 (3 terms, column 3) is in no roster after 2024: the streak is broken by 2027.
        let i020 = try #require(people.first { $0["id"] as? String == "I-020" })
        #expect(i020["consecutive_part_time_terms"] as? Int == 0)
        // I-004: column 2 before 2027 (2021, 2024 recorded), and served in 2027: 3 now.
        let i004 = try #require(people.first { $0["id"] as? String == "I-004" })
        #expect(i004["consecutive_part_time_terms"] as? Int == 3)
    }

    @Test func recordingATermAgainNeedsReplaceAndKeepsTheOldVersion() throws {
        let cli = try CLIRunner()
        let county = try Self.county(cli)
        let roster = "\(county)/previous-roster.csv"
        #expect(try cli.run(["record", county, "--roster", roster, "--lang", "en"]).status == 0)
        #expect(try cli.run(["record", county, "--export", "before", "--lang", "en"]).status == 0)
        let again = try cli.run(["record", county, "--roster", roster, "--lang", "en"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds a roster for the term starting 2027-09-01 (version 1); nothing was changed. Add --replace"))
        #expect(try cli.run(["record", county, "--export", "after", "--lang", "en"]).status == 0)
        for file in ["terms", "rosters", "assignments", "appointments", "school_facts", "inspector_facts", "findings"] {
            #expect(try cli.read("before/\(file).csv") == cli.read("after/\(file).csv"), "\(file)")
        }
        let replaced = try cli.run(["record", county, "--roster", roster, "--replace", "--status", "approved", "--lang", "en"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("(version 2; the replaced version is kept)"))
        let history = try cli.run(["history", county, "--lang", "en"])
        #expect(history.stdout.contains("term 2027-09-01 · from 2027-09-01 · v1 · filed, replaced"))
        #expect(history.stdout.contains("term 2027-09-01 · from 2027-09-01 · v2 · approved ·"))
    }

    @Test func exportThenImportThenExportIsByteIdentical() throws {
        let cli = try CLIRunner()
        let county = try Self.county(cli)
        try Self.recordPast(cli, county)
        #expect(try cli.run(["record", county, "--export", "one", "--lang", "en"]).status == 0)
        let fresh = try cli.makeFolder("fresh")
        for file in ["schools.csv", "inspectors.csv", "policy.toml"] {
            try FileManager.default.copyItem(atPath: "\(county)/\(file)", toPath: "\(fresh)/\(file)")
        }
        let imported = try cli.run(["record", fresh, "--import", "one", "--lang", "en"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("(3 rosters)"))
        #expect(try cli.run(["record", fresh, "--export", "two", "--lang", "en"]).status == 0)
        for file in ["terms", "rosters", "assignments", "appointments", "school_facts", "inspector_facts", "findings"] {
            let one = try Data(contentsOf: cli.scratch.appendingPathComponent("one/\(file).csv"))
            let two = try Data(contentsOf: cli.scratch.appendingPathComponent("two/\(file).csv"))
            #expect(one == two, "\(file)")
        }
        // An import never merges, and an export never writes over files.
        #expect(try cli.run(["record", fresh, "--import", "one", "--lang", "en"]).status == 2)
        #expect(try cli.run(["record", fresh, "--export", "two", "--lang", "en"]).status == 2)
        let history = try cli.run(["history", fresh, "--inspector", "I-004", "--format", "csv", "--lang", "en"])
        #expect(history.stdout.hasPrefix("inspector_id,name,term_start,employment,appointed_on,ended_on,doc_no,schools,consecutive_part_time_terms\n"))
        #expect(history.stdout.split(separator: "\n").count == 4)
    }

    /// The record keeps what term counts need: no phone numbers, no conflicts (回避), no place of work.
    @Test func theRecordKeepsNoPhonesAndNoConflicts() throws {
        let cli = try CLIRunner()
        let county = try Self.county(cli)
        try Self.recordPast(cli, county)
        #expect(try cli.run(["record", county, "--export", "x", "--lang", "en"]).status == 0)
        var exported = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: cli.scratch.appendingPathComponent("x").path) {
            exported += try cli.read("x/\(file)")
        }
        #expect(exported.contains("I-001"))
        #expect(!exported.contains("153-6696-4088"))
        let sqlite = try Data(contentsOf: URL(fileURLWithPath: "\(county)/duxue.sqlite"))
        #expect(sqlite.range(of: Data("153-6696-4088".utf8)) == nil)
        #expect(!exported.contains("conflict") && !exported.contains("phone"))
    }

    @Test func refusalsExitTwoWithAClearMessage() throws {
        let cli = try CLIRunner()
        let county = try Self.county(cli)
        let renew = try cli.run(["renew", county, "--as-of", "2028-09-01", "--lang", "en"])
        #expect(renew.status == 2)
        #expect(renew.stderr.contains("no --previous and no roster of record"))
        let history = try cli.run(["history", county, "--lang", "en"])
        #expect(history.status == 2)
        #expect(history.stderr.contains("no roster of record"))
        // A roster without term_start needs --term-start.
        try "school_id,inspector_id\nS-001,I-001\n".write(toFile: "\(county)/bare.csv", atomically: true, encoding: .utf8)
        let bare = try cli.run(["record", county, "--roster", "\(county)/bare.csv", "--lang", "en"])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("give the roster's term start with --term-start"))
        // A record written by a newer version: every command that reads it stops, naming the file.
        try Self.recordPast(cli, county)
        let sqlite = "\(county)/duxue.sqlite"
        let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v9-future')\"); c.commit()"
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, sqlite]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let plan = try cli.run(["plan", county, "--out", "p.csv", "--quiet", "--lang", "en"])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("was written by a newer version of Duxue (unknown schema versions: v9-future)"), "\(plan.stderr)")
        let zh = try cli.run(["history", county, "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("由更新版本的 Duxue 写入"), "\(zh.stderr)")
    }

    /// Without a record the pool needs `consecutive_terms`; once the district keeps one, it may be left out
    /// (validate, plan and check derive it).
    @Test func theColumnIsOptionalOnceADistrictKeepsARecord() throws {
        let cli = try CLIRunner()
        let folder = try cli.makeFolder("small")
        var schools = "id,name,enrollment,zone\n"
        for n in 1...6 { schools += "S\(n),学校\(n),\(400 + n),城区\n" }
        try schools.write(toFile: "\(folder)/schools.csv", atomically: true, encoding: .utf8)
        try "id,name,employment,status,zone\nA,甲,part_time,in_service,城区\nB,乙,part_time,in_service,城区\n"
            .write(toFile: "\(folder)/inspectors.csv", atomically: true, encoding: .utf8)
        try "preset = \"national\"\nterm_start = 2027-09-01\n".write(toFile: "\(folder)/policy.toml", atomically: true, encoding: .utf8)
        let before = try cli.run(["validate", folder, "--lang", "en"])
        #expect(before.status == 2)
        #expect(before.stdout.contains("consecutive_terms") || before.stderr.contains("consecutive_terms"))
        try "school_id,inspector_id,term_start\nS1,A,2024-09-01\nS2,A,2024-09-01\nS3,B,2024-09-01\n"
            .write(toFile: "\(cli.scratch.path)/past.csv", atomically: true, encoding: .utf8)
        let record = try cli.run(["record", folder, "--roster", "past.csv", "--lang", "en"])
        #expect(record.status == 0, "\(record.stderr)")
        #expect(try cli.run(["validate", folder, "--lang", "en"]).status == 0)
        // A change as of a date within a recorded term needs no term start: the record knows the term.
        try "school_id,inspector_id\nS1,B\nS2,A\nS3,B\n".write(toFile: "\(cli.scratch.path)/change.csv", atomically: true, encoding: .utf8)
        let change = try cli.run(["record", folder, "--roster", "change.csv", "--as-of", "2025-03-01", "--lang", "en"])
        #expect(change.status == 0, "\(change.stderr)")
        #expect(change.stdout.contains("the change of 2025-03-01 in the term starting 2024-09-01"))
        let plan = try cli.run(["plan", folder, "--out", "p.csv", "--quiet", "--lang", "en"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let check = try cli.run(["check", folder, "--roster", "p.csv", "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
