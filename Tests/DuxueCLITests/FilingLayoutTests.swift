import Foundation
import Testing

/// The filing package end to end (docs/filing.md): `duxue check --filing` on the hand-broken case, named
/// by its policy's `district_name` and with a policy file that names no policy (its name is then its
/// path), read back by openpyxl; and the internal sheets exported back to a district folder, which
/// `duxue check` finds exactly as broken as the original.
@Suite("Filing layout end to end")
struct FilingLayoutEndToEndTests {
    /// Cases/broken copied into the scratch folder as `样例`, its policy without `name` and with
    /// `district_name = "样例县"`.
    static func district(_ cli: CLIRunner) throws -> String {
        let folder = try cli.makeFolder("样例")
        let source = URL(fileURLWithPath: CLIRunner.casePath("broken"))
        for file in ["schools.csv", "inspectors.csv", "roster.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file),
                                             to: URL(fileURLWithPath: folder).appendingPathComponent(file))
        }
        let policy = try String(contentsOf: source.appendingPathComponent("policy.toml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("name") }.joined(separator: "\n")
        try ("district_name = \"样例县\"\n" + policy).write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
        return folder
    }

    /// read_xlsx.py --digests: each internal sheet's stored and computed digest, and the package's.
    static func digests(_ path: String) throws -> (sheets: [String: [String: String]], package: String) {
        let result = try Python.run([Python.reader, "--digests", path])
        let json = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        return (json["digests"] as? [String: [String: String]] ?? [:], json["package"] as? String ?? "")
    }

    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func layoutEndToEnd() throws {
        let cli = try CLIRunner()
        let folder = try Self.district(cli)
        let result = try cli.run(["check", folder, "--roster", folder + "/roster.csv", "--lang", "en",
                                  "--filing", "f.xlsx", "--filing", "f.html"])
        #expect(result.status == 1, "\(result.stderr)")
        let book = try Python.readWorkbook(cli.scratch.appendingPathComponent("f.xlsx").path)
        let html = try cli.read("f.html")

        // People's sheets first, the internal ones last.
        let inner = book.sheets.filter { $0.hasPrefix("内部-") }
        #expect(inner.count == 4 && book.sheets.suffix(4) == inner[...])
        // Title from district_name; the verdict in the first rows of the first sheet and before the page's first table.
        let cover = try #require(book.cells[book.sheets[0]])
        #expect(cover[0].first?.hasPrefix("样例县") == true)
        let verdict = "不合规（错误 11 条，提示 7 条）"
        #expect(cover.prefix(3).contains { $0.contains { $0.contains(verdict) } })
        #expect(try #require(html.range(of: verdict)).lowerBound < (try #require(html.range(of: "<table"))).lowerBound)
        #expect(html.contains("<h1>样例县"))

        // No file path anywhere: not the folder, not the roster's or the policy's file. (A fix may name an
        // input file, "schools.csv", but never where it is.)
        let cells = book.cells.values.flatMap { $0.flatMap { $0 } }
        for fragment in [folder, cli.scratch.path, "/tmp", "样例/", "roster.csv", "policy.toml"] {
            #expect(!cells.contains { $0.contains(fragment) }, "a cell holds \(fragment)")
            #expect(!html.contains(fragment), "the page holds \(fragment)")
        }
        let path = #"[^\s/：（]+/[^\s/]+\.(csv|toml|xlsx|html)"#
        #expect(!cells.contains { $0.range(of: path, options: .regularExpression) != nil })
        #expect(html.range(of: path, options: .regularExpression) == nil)

        // 名册: ids of the schools held, the term served, the rules naming each appointee.
        let roll = try #require(book.cells["责任督学名册"])
        let header = try #require(roll.first { $0.contains("督学编号") })
        let codes = try #require(header.firstIndex(of: "负责学校代码"))
        let term = try #require(header.firstIndex(of: "本届届次"))
        let rules = try #require(header.firstIndex(of: "问题"))
        #expect(roll.first { $0.first == "BIG" }?[codes] == "L1、D07")
        #expect(roll.first { $0.first == "LAST" }?[term] == "第 3 届")
        #expect(roll.first { $0.first == "OVR" }?[rules].contains("R2") == true)
        #expect(roll.first { $0.first == "TL" }?[rules].contains("R6") == true)
        // 公示: 督学编号 beside the name; errors marked, warnings (R9 on X5) not; no recusal or retirement data.
        let placard = try #require(book.cells["挂牌督导学校一览"])
        let placardHeader = try #require(placard.first { $0.contains("学校代码") })
        #expect(placardHeader.contains("督学编号"))
        #expect(!placardHeader.contains { $0.contains("回避") || $0.contains("退休") })
        let problem = try #require(placardHeader.firstIndex(of: "问题"))
        #expect(placard.first { $0.first == "D05" }?[problem] == "R7")
        #expect(placard.first { $0.first == "X5" }?[problem] == "")
        #expect(!placard.flatMap { $0 }.contains("2020-01-15"))

        // Internal sheets: marker, digest as computed independently, the same on a second run.
        for sheet in inner { #expect(book.cells[sheet]?.first?.first == "内部资料，不公开") }
        let first = try Self.digests(cli.scratch.appendingPathComponent("f.xlsx").path)
        for (sheet, digest) in first.sheets { #expect(digest["stored"] == digest["computed"], "\(sheet)") }
        #expect(cover.first { $0.first == "数据校验码" }?[1] == first.package)
        let again = try cli.run(["check", folder, "--roster", folder + "/roster.csv", "--filing", "g.xlsx"])
        #expect(again.status == 1)
        #expect(try Self.digests(cli.scratch.appendingPathComponent("g.xlsx").path).package == first.package)
    }

    /// The internal sheets are enough for a re-check: exported to schools.csv, inspectors.csv,
    /// roster.csv and policy.toml, they give the same findings rule by rule.
    @Test(.enabled(if: Python.hasOpenpyxl, "python3 with openpyxl is not installed here (.ci/run installs it)"))
    func internalSheetsReadBackAsADistrict() throws {
        let cli = try CLIRunner()
        let folder = try Self.district(cli)
        let original = try cli.run(["check", folder, "--roster", folder + "/roster.csv", "--lang", "en", "--format", "json",
                                    "--filing", "f.xlsx"])
        #expect(original.status == 1, "\(original.stderr)")
        let export = """
        import csv, re, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
        out = sys.argv[2]
        def rows(name):
            return [["" if v is None else str(v) for v in row] for row in book[name].iter_rows(min_row=3, values_only=True)]
        for sheet, file in (("内部-学校", "schools.csv"), ("内部-督学", "inspectors.csv"), ("内部-配对", "roster.csv")):
            with open(f"{out}/{file}", "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows(sheet))
        lines = []
        for key, _, value in rows("内部-政策")[1:]:
            if key in ("format", "as_of", "strict") or (key == "district_name" and value == "off"):
                continue
            bare = re.fullmatch(r"\\d{4}-\\d{2}-\\d{2}|-?\\d+(\\.\\d+)?|true|false", value)
            lines.append(f"{key} = {value}" if bare else f'{key} = "{value}"')
        with open(f"{out}/policy.toml", "w", encoding="utf-8") as f:
            f.write("\\n".join(lines) + "\\n")
        """
        let copy = try cli.makeFolder("复核")
        let exported = try Python.run(["-c", export, cli.scratch.appendingPathComponent("f.xlsx").path, copy])
        #expect(exported.status == 0)
        let recheck = try cli.run(["check", copy, "--roster", copy + "/roster.csv", "--lang", "en", "--format", "json"])
        #expect(recheck.status == 1, "\(recheck.stderr)")
        func findings(_ output: String) throws -> [String: Int] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let rules = try #require(json["rules"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rules.map { ($0["id"] as? String ?? "", ($0["findings"] as? [Any])?.count ?? -1) })
        }
        let before = try findings(original.stdout), after = try findings(recheck.stdout)
        #expect(before == after)
        #expect(before.values.reduce(0, +) == 18)
    }
}
