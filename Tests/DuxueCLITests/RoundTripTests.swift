import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import Foundation
import Testing

/// The year's files feed the next year's run with no hand conversion: `plan --out r.csv` → `check
/// --roster r.csv --filing f.xlsx` → `renew --previous f.xlsx` gives the renewal `--previous r.csv` gives,
/// and `check --roster f.xlsx` finds what `--roster r.csv` finds. Likewise a roster written as a workbook
/// (`RosterWorkbook`), and the filing's 公示 list alone when its internal sheets were removed.
@Suite("Round trip: roster → filing → roster")
struct RoundTripTests {
    static func data(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).appendingPathComponent("../../../Data/\(name)").standardized.path
    }

    /// `check --format json` as a dictionary, without the roster's file name (the only thing allowed to differ).
    static func checkJSON(_ cli: CLIRunner, district: String, roster: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> (status: Int32, json: NSDictionary)
    {
        let result = try cli.run(["check", district, "--roster", roster, "--format", "json"])
        #expect(result.stderr.isEmpty, "\(roster): \(result.stderr)", sourceLocation: sourceLocation)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                "\(roster): \(result.stderr)", sourceLocation: sourceLocation)
        json["roster_file"] = nil
        return (result.status, json as NSDictionary)
    }

    /// `renew --previous PREVIOUS --out OUT`: the renewed roster and its change list, as text.
    static func renew(_ cli: CLIRunner, district: String, previous: String, asOf: String, out: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> (roster: String, changes: String) {
        let result = try cli.run(["renew", district, "--previous", previous, "--as-of", asOf, "--out", out, "--quiet"])
        #expect(result.status == 0, "\(previous): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(previous): \(result.stderr)", sourceLocation: sourceLocation)
        let stem = String(out.dropLast(".csv".count))
        return (try cli.read(out), try cli.read(stem + "-changes.csv"))
    }

    /// The number of findings of a check report in JSON.
    static func findings(_ json: NSDictionary) -> Int { (json["findings"] as? [Any])?.count ?? -1 }

    /// Data/county (compliant, no vacancies): the filing is the roster next year, mid-term and at the new term.
    @Test func countyFilingIsNextYearsRoster() throws {
        let cli = try CLIRunner()
        let county = Self.data("county")
        #expect(try cli.run(["plan", county, "--out", "r.csv", "--quiet"]).status == 0)
        let filed = try cli.run(["check", county, "--roster", "r.csv", "--filing", "f.xlsx"])
        #expect(filed.status == 0, "\(filed.stderr)")

        let fromCSV = try Self.checkJSON(cli, district: county, roster: "r.csv")
        let fromFiling = try Self.checkJSON(cli, district: county, roster: "f.xlsx")
        #expect(fromFiling.status == 0)
        #expect(Self.findings(fromFiling.json) == Self.findings(fromCSV.json))
        #expect(fromFiling.json == fromCSV.json)

        for asOf in ["2028-09-01", "2030-09-01"] {
            let csv = try Self.renew(cli, district: county, previous: "r.csv", asOf: asOf, out: "csv-\(asOf).csv")
            let filing = try Self.renew(cli, district: county, previous: "f.xlsx", asOf: asOf, out: "filing-\(asOf).csv")
            #expect(filing.changes == csv.changes, "as of \(asOf)")
            #expect(filing.roster == csv.roster, "as of \(asOf)")
        }
        // The new term changes something, so the comparison above compares change lists that say something.
        let newTerm = try cli.read("csv-2030-09-01-changes.csv")
        #expect(newTerm.split(separator: "\n").count > 1)
    }

    /// Data/short (a pool that falls short): the filing's vacancies read back as vacancies with their
    /// employment and zone, from 内部-配对 and, with the internal sheets removed, from the 公示 list and
    /// 责任督学名册.
    @Test func shortFilingKeepsItsVacancies() throws {
        let cli = try CLIRunner()
        let short = Self.data("short")
        #expect(try cli.run(["plan", short, "--out", "r.csv", "--quiet"]).status == 0)
        #expect(try cli.read("r.csv").contains("VACANCY-"))
        let filed = try cli.run(["check", short, "--roster", "r.csv", "--filing", "f.xlsx"])
        #expect(filed.status == 0, "\(filed.stderr)")

        let csvLoad = try RosterReader.read(path: cli.scratch.appendingPathComponent("r.csv").path)
        let filingLoad = try RosterReader.read(path: cli.scratch.appendingPathComponent("f.xlsx").path)
        #expect(filingLoad.sheet == "内部-配对")
        #expect(filingLoad.roster == csvLoad.roster)
        #expect(filingLoad.termStart == csvLoad.termStart)
        #expect(!filingLoad.roster.vacancies.isEmpty)

        var rosters = ["f.xlsx"]
        if Python.hasOpenpyxl {
            let removed = try Python.run(["-c", """
                import sys, openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                for name in [n for n in book.sheetnames if n.startswith("内部-")]:
                    del book[name]
                book.save(sys.argv[2])
                """, cli.scratch.appendingPathComponent("f.xlsx").path, cli.scratch.appendingPathComponent("placard.xlsx").path])
            #expect(removed.status == 0)
            let placardLoad = try RosterReader.read(path: cli.scratch.appendingPathComponent("placard.xlsx").path)
            #expect(placardLoad.sheet == "挂牌督导学校一览")
            #expect(Set(placardLoad.roster.assignments) == Set(csvLoad.roster.assignments))
            rosters.append("placard.xlsx")
        }
        let fromCSV = try Self.checkJSON(cli, district: short, roster: "r.csv")
        let renewed = try Self.renew(cli, district: short, previous: "r.csv", asOf: "2028-09-01", out: "csv.csv")
        for roster in rosters {
            let fromFiling = try Self.checkJSON(cli, district: short, roster: roster)
            #expect(fromFiling.status == fromCSV.status, "\(roster)")
            #expect(fromFiling.json == fromCSV.json, "\(roster)")
            let again = try Self.renew(cli, district: short, previous: roster, asOf: "2028-09-01", out: "from-\(roster).csv")
            #expect(again.changes == renewed.changes, "\(roster)")
            #expect(again.roster == renewed.roster, "\(roster)")
        }
    }

    /// The roster `plan` writes, written again as a workbook by `RosterWorkbook`: checked and renewed
    /// exactly as the CSV.
    @Test(arguments: ["county", "short"])
    func rosterWorkbookIsTheSameRoster(district name: String) throws {
        let cli = try CLIRunner()
        let district = Self.data(name)
        #expect(try cli.run(["plan", district, "--out", "r.csv", "--quiet"]).status == 0)
        var text = try cli.read("r.csv")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let records = try TableReader.parse(text).map(\.values)
        let header = try #require(records.first)
        #expect(header == RosterTable.header(in: .zh))
        let path = cli.scratch.appendingPathComponent("r.xlsx").path
        try RosterWorkbook.write(header: header, rows: Array(records.dropFirst()), language: .zh, to: path, overwrite: false,
                                 inputs: [district + "/schools.csv"])

        let csvLoad = try RosterReader.read(path: cli.scratch.appendingPathComponent("r.csv").path)
        let bookLoad = try RosterReader.read(path: path)
        #expect(bookLoad.sheet == "名册")
        #expect(bookLoad.roster == csvLoad.roster)
        #expect(bookLoad.termStart == csvLoad.termStart)
        #expect(bookLoad.pairTerms == csvLoad.pairTerms)

        let fromCSV = try Self.checkJSON(cli, district: district, roster: "r.csv")
        let fromBook = try Self.checkJSON(cli, district: district, roster: "r.xlsx")
        #expect(fromBook.status == fromCSV.status)
        #expect(fromBook.json == fromCSV.json)
        let csv = try Self.renew(cli, district: district, previous: "r.csv", asOf: "2030-09-01", out: "csv.csv")
        let book = try Self.renew(cli, district: district, previous: "r.xlsx", asOf: "2030-09-01", out: "book.csv")
        #expect(book.changes == csv.changes)
        #expect(book.roster == csv.roster)
    }
}
