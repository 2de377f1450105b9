import DuxueTestSupport
import Foundation
import Testing

/// The three self-contained pages — compare (`--html`), the filing (`check --filing x.html`) and the
/// city's review (`review --format html`) — render through templates that escape every value: a district,
/// a school and an inspector named `<script>alert(1)</script>"&'` reach each page escaped, never as markup.
@Suite("HTML pages escape what the district wrote")
struct HTMLEscapeTests {
    static let hostile = "<script>alert(1)</script>\"&'"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;"

    /// The tiny case with the hostile name on the district, its first school and its first inspector.
    static func district(_ cli: CLIRunner) throws -> String {
        let folder = try cli.makeFolder("hostile")
        let tiny = URL(fileURLWithPath: CLIRunner.casePath("tiny"))
        // A field with quotes and commas, quoted as CSV quotes it.
        let field = "\"" + (hostile + "一").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        for (file, name) in [("schools.csv", "城关镇中心幼儿园"), ("inspectors.csv", "王芳")] {
            let text = try String(contentsOf: tiny.appendingPathComponent(file), encoding: .utf8)
            try text.replacingOccurrences(of: name, with: field).write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        }
        try "district_name = \"<script>alert(1)</script>\\\"&'\"\npreset = \"combined\"\nterm_start = 2027-09-01\n"
            .write(toFile: folder + "/policy.toml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Every place the page shows a name holds it escaped, and no `<script` is left.
    static func expectEscaped(_ page: String, _ what: String) {
        #expect(page.contains(escaped), "\(what): the hostile name is not there escaped")
        #expect(!page.contains("<script"), "\(what): markup from the data")
        #expect(!page.contains(hostile), "\(what)")
    }

    @Test func comparisonFilingAndReviewPagesEscapeNames() throws {
        let cli = try CLIRunner()
        let folder = try Self.district(cli)
        try "name = \"<script>alert(1)</script>\\\"&'\"\nlarge_school_enrollment = 1500\n"
            .write(to: cli.scratch.appendingPathComponent("scenario.toml"), atomically: true, encoding: .utf8)
        let compare = try cli.run(["compare", folder, "scenario.toml", "--html", "compare.html", "--no-timing", "--quiet", "--lang", "zh"])
        #expect(compare.status == 0, "\(compare.stderr)")
        Self.expectEscaped(try cli.read("compare.html"), "compare")

        let plan = try cli.run(["plan", folder, "--out", "roster.csv", "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        _ = try cli.makeFolder("filings")
        let check = try cli.run(["check", folder, "--roster", "roster.csv", "--filing", "filing.html", "--filing", "filings/hostile.xlsx"])
        #expect(check.status == 0, "\(check.stderr)")
        let filing = try cli.read("filing.html")
        Self.expectEscaped(filing, "filing")
        // The school and the inspector too, each in its own cell.
        #expect(filing.contains("<td>\(Self.escaped)一</td>") || filing.contains("<td class=\"short\">\(Self.escaped)一</td>"))

        let review = try cli.run(["review", "filings", "--format", "html", "--out", "review.html", "--as-of", "2028-09-01", "--lang", "zh"])
        #expect(review.status == 0 || review.status == 1, "\(review.stderr)")
        Self.expectEscaped(try cli.read("review.html"), "review")
    }
}
