import DuxueTestSupport
import Foundation
import Testing

/// `duxue review` end to end: a folder of filings written by `duxue check --filing` — one compliant
/// (甲县), one hand-edited in the 公示 sheet only (乙县), one missing a school of the city's list (丙县),
/// one with rules broken (样例县, the broken case), one unreadable — re-checked by the built executable.
@Suite("duxue review")
struct ReviewCommandTests {
    /// The filing folder and the city's list (city.csv), in the runner's scratch folder.
    static func city(_ cli: CLIRunner, unreadable: Bool = true) throws -> (filings: String, list: String) {
        let filings = try cli.makeFolder("filings")
        let tiny = URL(fileURLWithPath: CLIRunner.casePath("tiny"))
        var list = "区县,学校代码,学校名称\n"
        let tinySchools = try String(contentsOf: tiny.appendingPathComponent("schools.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for name in ["甲县", "乙县", "丙县"] {
            let folder = try cli.makeFolder(name)
            for file in ["schools.csv", "inspectors.csv"] {
                try FileManager.default.copyItem(at: tiny.appendingPathComponent(file), to: URL(fileURLWithPath: folder + "/" + file))
            }
            try "district_name = \"\(name)\"\npreset = \"combined\"\nterm_start = 2027-09-01\n"
                .write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
            for school in tinySchools { list += "\(name),\(school[0]),\(school[1])\n" }
        }
        list += "丙县,S-07,丙县新建小学\n"
        let plan = try cli.run(["plan", cli.scratch.appendingPathComponent("甲县").path, "--out", "tiny-roster.csv", "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        for name in ["甲县", "乙县", "丙县"] {
            let check = try cli.run(["check", name, "--roster", "tiny-roster.csv", "--filing", "filings/\(name).xlsx"])
            #expect(check.status == 0, "\(check.stderr)")
        }
        // 乙县 edited in Excel after Duxue wrote it: S-03 (row 5 of the 公示 list) handed to I-02, who must
        // recuse from it and holds the large S-02; the internal sheets still say I-01.
        let edit = try Book.run([DuxueExecutable.repository.appendingPathComponent("scripts/edit_xlsx.py").path,
                                 filings + "/乙县.xlsx", "挂牌督导学校一览!G5=I-02"])
        #expect(edit.status == 0, "\(edit.error)")
        // The broken case as 样例县.
        let broken = try FilingLayoutEndToEndTests.district(cli)
        let check = try cli.run(["check", broken, "--roster", broken + "/roster.csv", "--filing", "filings/样例县.xlsx",
                                 "--time-limit", "5"])
        #expect(check.status == 1, "\(check.stderr)")
        let brokenSchools = try String(contentsOfFile: broken + "/schools.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for school in brokenSchools { list += "样例县,\(school[0]),\(school[1])\n" }
        if unreadable { try "not a workbook".write(toFile: filings + "/损坏.xlsx", atomically: true, encoding: .utf8) }
        let listPath = cli.scratch.appendingPathComponent("city.csv").path
        try list.write(toFile: listPath, atomically: true, encoding: .utf8)
        return (filings, listPath)
    }

    /// The JSON report's filings by file name.
    static func filings(_ json: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "duxue.review/1")
        let lines = try #require(object["filings"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: lines.map { ($0["file"] as? String ?? "", $0) })
    }

    /// "R7 1/0" for each rule or check with a finding.
    static func counts(_ filing: [String: Any]?) -> [String] {
        ((filing?["by_rule"] as? [[String: Any]]) ?? []).map {
            "\($0["rule"] as? String ?? "") \($0["errors"] as? Int ?? -1)/\($0["warnings"] as? Int ?? -1)"
        }
    }

    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func cityReviewGivesTheExpectedSummaryAndExitCodes() throws {
        let cli = try CLIRunner()
        let (folder, list) = try Self.city(cli)
        let result = try cli.run(["review", folder, "--schools", list, "--as-of", "2028-09-01", "--format", "json", "--lang", "en"])
        #expect(result.status == 2, "a file cannot be read: \(result.stderr)")
        #expect(result.stderr.contains("损坏.xlsx"))
        let filings = try Self.filings(result.stdout)
        #expect(filings.keys.sorted() == ["丙县.xlsx", "乙县.xlsx", "损坏.xlsx", "样例县.xlsx", "甲县.xlsx"])
        let verdicts = filings.mapValues { $0["verdict"] as? String ?? "" }
        #expect(verdicts == ["甲县.xlsx": "compliant", "乙县.xlsx": "not_compliant", "丙县.xlsx": "not_compliant",
                             "样例县.xlsx": "not_compliant", "损坏.xlsx": "unreadable"])
        // The covers' own verdicts are shown, never trusted: 乙县 says 合规 although its 公示 was edited since.
        let declared = filings.mapValues { $0["declared_verdict"] as? String ?? "-" }
        #expect(declared == ["甲县.xlsx": "compliant", "乙县.xlsx": "compliant", "丙县.xlsx": "compliant",
                             "样例县.xlsx": "not_compliant", "损坏.xlsx": "-"])
        // 甲县: compliant; its one warning is 张伟's retirement window (2026-03-01 + 3 years), which also
        // closes within a year of 2028-09-01.
        #expect(Self.counts(filings["甲县.xlsx"]) == ["R11 0/1"])
        let figures = try #require(filings["甲县.xlsx"]?["figures"] as? [String: Any])
        #expect(figures["schools"] as? Int == 6 && figures["large_schools"] as? Int == 1)
        #expect(figures["required_headcount"] as? Int == 2 && figures["appointees"] as? Int == 3)
        #expect(figures["retirements_ending"] as? Int == 1 && figures["term_ends"] as? String == "2030-08-31")
        #expect(figures["term_ends_within_year"] as? Bool == false && figures["recruits"] as? Int == 0)
        // 乙县: the 公示 pair is the one checked (R1 S-03 listed twice with the 名册's, R3, R7), and the edit is
        // an error naming its cell.
        #expect(Self.counts(filings["乙县.xlsx"]) == ["R1 1/0", "R3 1/0", "R7 1/0", "R11 0/1", "EDIT 1/0"])
        let edited = try #require((filings["乙县.xlsx"]?["findings"] as? [[String: Any]])?.first)
        #expect(edited["place"] as? String == "挂牌督导学校一览!G5")
        #expect((edited["message"] as? String)?.contains("edited after Duxue wrote it") == true)
        // 丙县: the school the city lists but the filing lacks.
        #expect(Self.counts(filings["丙县.xlsx"]) == ["R11 0/1", "CITY 1/0"])
        let missing = try #require((filings["丙县.xlsx"]?["findings"] as? [[String: Any]])?.first)
        #expect((missing["schools"] as? [[String: String]])?.first == ["id": "S-07", "name": "丙县新建小学"])
        // 样例县: the broken case's 11 errors and 7 warnings, as `duxue check` finds them.
        #expect(filings["样例县.xlsx"]?["errors"] as? Int == 11 && filings["样例县.xlsx"]?["warnings"] as? Int == 7)
        #expect(Self.counts(filings["样例县.xlsx"]).prefix(3) == ["R1 4/0", "R2 1/0", "R3 1/0"])
        #expect(Self.counts(filings["损坏.xlsx"]) == ["READ 1/0"])
        // Personal data stays in the workbooks: no phone number, no birth or retirement date in the summary.
        #expect(!result.stdout.contains("138-0000"))
        #expect(!result.stdout.contains("2026-03-01"))
    }

    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func exitCodesFollowTheWorstFiling() throws {
        let cli = try CLIRunner()
        let (folder, list) = try Self.city(cli, unreadable: false)
        let all = try cli.run(["review", folder, "--schools", list, "--as-of", "2028-09-01"])
        #expect(all.status == 1, "\(all.stderr)")
        #expect(all.stdout.contains("结论：有不合规（合规 1 份，不合规 3 份，无法读取 0 份）"))
        #expect(all.stdout.contains("挂牌督导学校一览!G5"))
        // Only the compliant filing: 0; the city's list then misses 乙县, 丙县 and 样例县: 1.
        let alone = try cli.makeFolder("alone")
        try FileManager.default.copyItem(atPath: folder + "/甲县.xlsx", toPath: alone + "/甲县.xlsx")
        #expect(try cli.run(["review", alone, "--as-of", "2028-09-01"]).status == 0)
        // The city keeps its review workbook beside the filings: the next review does not read it as one.
        let kept = try cli.run(["review", alone, "--as-of", "2028-09-01", "--format", "xlsx", "--out", alone + "/复核.xlsx"])
        #expect(kept.status == 0, "\(kept.stderr)")
        let again = try cli.run(["review", alone, "--as-of", "2028-09-01"])
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout.contains("1 份备案材料"))
        let listed = try cli.run(["review", alone, "--schools", list, "--as-of", "2028-09-01", "--lang", "en"])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("乙县 on the city's list (6 schools) filed nothing"))
        // An empty folder cannot be reviewed.
        #expect(try cli.run(["review", try cli.makeFolder("empty")]).status == 2)
        let nowhere = try cli.run(["review", cli.scratch.appendingPathComponent("nowhere").path, "--lang", "zh"])
        #expect(nowhere.status == 2 && nowhere.stderr.contains("找不到备案材料文件夹"))
    }

    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func aDigestMismatchIsReportedNotRejected() throws {
        let cli = try CLIRunner()
        let (folder, _) = try Self.city(cli, unreadable: false)
        let alone = try cli.makeFolder("digest")
        try FileManager.default.copyItem(atPath: folder + "/甲县.xlsx", toPath: alone + "/甲县.xlsx")
        // S-01's enrollment on 内部-学校 (row 4, column D) changed: both digests no longer match.
        let edit = try Book.run([DuxueExecutable.repository.appendingPathComponent("scripts/edit_xlsx.py").path,
                                 alone + "/甲县.xlsx", "内部-学校!D4=250"])
        #expect(edit.status == 0, "\(edit.error)")
        let result = try cli.run(["review", alone, "--as-of", "2028-09-01", "--format", "json"])
        #expect(result.status == 0, "a warning only: \(result.stderr)")
        let filing = try #require(try Self.filings(result.stdout)["甲县.xlsx"])
        #expect(Self.counts(filing) == ["R11 0/1", "DIGEST 0/2"])
        let places = (filing["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "DIGEST" }.map { $0["place"] as? String ?? "" }
        #expect(places.first == "'内部-学校'!B2" && places.last?.hasPrefix("备案表!B") == true)
    }

    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func workbookPageAndCityPolicy() throws {
        let cli = try CLIRunner()
        let (folder, list) = try Self.city(cli)
        // Under the city's policy (tianjin: a large school may share its inspector), 乙县 has no R3.
        let tianjin = try cli.run(["review", folder, "--policy", "tianjin", "--as-of", "2028-09-01", "--format", "json"])
        let filings = try Self.filings(tianjin.stdout)
        #expect(filings["乙县.xlsx"]?["policy"] as? String == "tianjin")
        #expect(!Self.counts(filings["乙县.xlsx"]).contains { $0.hasPrefix("R3 ") })
        #expect(Self.counts(filings["乙县.xlsx"]).contains("R7 1/0"))
        // The XLSX report: a districts sheet and a findings sheet.
        let xlsx = try cli.run(["review", folder, "--schools", list, "--as-of", "2028-09-01", "--format", "xlsx", "--out", "review.xlsx"])
        #expect(xlsx.status == 2)
        let book = try Python.readWorkbook(cli.scratch.appendingPathComponent("review.xlsx").path)
        #expect(book.sheets == ["区县汇总", "问题清单"])
        let districts = try #require(book.cells["区县汇总"])
        #expect(districts.count == 6)
        #expect(districts.first { $0.first == "甲县.xlsx" }?.prefix(5) == ["甲县.xlsx", "甲县", "合规", "0", "1"])
        #expect(try #require(book.cells["问题清单"]).contains { $0.contains("挂牌督导学校一览!G5") })
        // The page: one chart per rule or check with findings, the text escaped.
        let html = try cli.run(["review", folder, "--schools", list, "--as-of", "2028-09-01", "--format", "html", "--out", "review.html"])
        #expect(html.status == 2)
        let page = try cli.read("review.html")
        // R1–R15 of the broken case, R16/R17 none; EDIT, CITY, READ.
        #expect(page.components(separatedBy: "<figure>").count - 1 == 15 + 3)
        // --out never overwrites an input.
        let refused = try cli.run(["review", folder, "--format", "html", "--out", folder + "/甲县.xlsx", "--lang", "zh"])
        #expect(refused.status == 2 && refused.stderr.contains("输入文件"))
    }
}
