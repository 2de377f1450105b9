import DuxueDomain
import DuxueReport
import Foundation
import Testing

/// The review's renderers: what a district wrote reaches the page escaped, one chart per rule or check
/// with findings, and the exit code follows the worst filing.
@Suite("Review renderers")
struct ReviewRenderTests {
    static func report(extra: [ReviewReport.FilingLine] = []) -> ReviewReport {
        let hostile = "<script>alert(\"x\")</script>&"
        let figures = ReviewReport.Figures(
            schools: 6, largeSchools: 1, requiredHeadcount: 2, appointees: 3, fullTime: 1, fullTimeShare: 1.0 / 3, recruits: 0,
            crossings: 0, termEnds: "2030-08-31", termEndsWithinYear: false, lastTermsEnding: 0, retirementsEnding: 1)
        let bad = ReviewReport.FilingLine(
            file: "a.xlsx", district: hostile, verdict: .notCompliant, declaredPolicy: "combined", policy: "combined",
            term: "2027-09-01 至 2030-08-31",
            findings: [
                ReviewReport.Line(rule: "EDIT", severity: .error, place: "挂牌督导学校一览!G5", message: hostile, fix: "改正"),
                ReviewReport.Line(rule: "R7", severity: .error, schools: [.init(id: "S-03", name: hostile)], message: "回避", fix: ""),
                ReviewReport.Line(rule: "R11", severity: .warning, message: "退休期满", fix: ""),
            ], figures: figures)
        let good = ReviewReport.FilingLine(file: "b.xlsx", district: "乙县", verdict: .compliant, declaredPolicy: "combined",
                                           policy: "combined", term: "", findings: [], figures: figures)
        return ReviewReport(language: .zh, folder: "f", policy: nil, schoolList: nil, asOf: Day(iso: "2028-09-01")!,
                            filings: [bad, good] + extra, city: [])
    }

    @Test func pageEscapesWhatTheFilingsSay() {
        let page = ReviewHTML.render(Self.report())
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"))
        // R7, R11 and the hand edit: three charts.
        #expect(page.components(separatedBy: "<figure>").count - 1 == 3)
        #expect(page.contains("有不合规：合规 1 份，不合规 1 份，无法读取 0 份"))
    }

    @Test func countsAndExitCode() {
        let report = Self.report()
        let first = report.filings[0]
        #expect(first.errors == 2 && first.warnings == 1)
        #expect(first.byRule == [.init(rule: "R7", errors: 1, warnings: 0), .init(rule: "R11", errors: 0, warnings: 1),
                                 .init(rule: "EDIT", errors: 1, warnings: 0)])
        #expect(report.exitCode == 1 && !report.compliant)
        let unreadable = ReviewReport.FilingLine(file: "c.xlsx", district: "", verdict: .unreadable, declaredPolicy: "", policy: "",
                                                 term: "", findings: [.init(rule: "READ", severity: .error, message: "x", fix: "")],
                                                 figures: nil)
        #expect(Self.report(extra: [unreadable]).exitCode == 2)
        let text = ReviewRenderer.render(report)
        #expect(text.contains("a.xlsx：错误：R7 1、手工改动 1；提示：R11 1"))
        #expect(text.contains("33.3%"))
    }
}
