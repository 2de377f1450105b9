import DuxueDomain
import Foundation

/// Renders a review as one self-contained HTML page (no scripts, no external files): the verdict, the
/// city summary, one inline SVG chart per rule with findings (errors and warnings per filing), then each
/// district's findings. Every text from the filings is escaped (``CompareHTML/escape(_:)``).
public enum ReviewHTML {
    /// The page.
    public static func render(_ report: ReviewReport) -> String {
        let zh = report.language == .zh
        let escape = CompareHTML.escape
        let title = zh ? "市级复核：\(report.filings.count) 份备案材料" : "Review: \(report.filings.count) filing(s)"
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"\(zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">")
        html.append("<title>\(escape(title))</title>")
        html.append("""
            <style>
            body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;font-size:13px;margin-bottom:1em}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
            th{background:#eee;white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.err td{background:#ffd7d7;color:#9c0006}tr.warn td{background:#fff2cc}tr.read td{background:#e0e0e0}
            div.verdict{border:2px solid #2e7d32;background:#e2f0d9;padding:.5em 1em;font-size:1.2em;font-weight:bold;display:inline-block}
            div.verdict.bad{border-color:#c00000;background:#ffd7d7;color:#9c0006}
            div.charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}
            svg text{font-size:11px}p.meta{color:#444}
            </style></head><body>
            """)
        html.append("<h1>\(escape(title))</h1>")
        var meta = zh ? "文件夹 \(report.folder)；" : "Folder \(report.folder); "
        meta += report.policy.map { zh ? "按市级政策 \($0) 复核" : "checked under the city's policy \($0)" }
            ?? (zh ? "按各区县申报的政策复核" : "checked under each filing's declared policy")
        if let list = report.schoolList { meta += zh ? "；对照市级学校名单 \(list)" : "; against the city's list \(list)" }
        meta += zh ? "；“一年内”自 \(report.asOf) 起算" : "; \"within a year\" from \(report.asOf)"
        html.append("<p class=\"meta\">\(escape(meta))</p>")
        let verdict = zh
            ? "\(report.compliant ? "全部合规" : "有不合规")：合规 \(report.count(.compliant)) 份，不合规 \(report.count(.notCompliant)) 份，无法读取 \(report.count(.unreadable)) 份"
            : "\(report.compliant ? "All compliant" : "Not all compliant"): \(report.count(.compliant)) compliant, \(report.count(.notCompliant)) not compliant, \(report.count(.unreadable)) unreadable"
        html.append("<div class=\"verdict\(report.compliant ? "" : " bad")\">\(escape(verdict))</div>")
        html.append("<h2>\(zh ? "各区县汇总" : "Summary by district")</h2>")
        html.append(summary(report))
        if !report.city.isEmpty {
            html.append("<h2>\(zh ? "全市" : "City")</h2>")
            html.append(findings(report.city, report.language))
        }
        let charted = ReviewReport.kinds.filter { kind in report.filings.contains { $0.count(kind) != nil } }
        if !charted.isEmpty {
            html.append("<h2>\(zh ? "按规则" : "By rule")</h2><div class=\"charts\">")
            for kind in charted { html.append(chart(kind, report)) }
            html.append("</div>")
        }
        for filing in report.filings where !filing.findings.isEmpty {
            let name = filing.district.isEmpty ? filing.file : "\(filing.district)（\(filing.file)）"
            let policy = filing.policy.isEmpty ? "" : zh ? "；政策 \(filing.policy)" : "; policy \(filing.policy)"
            let counts = zh ? "\(ReviewReport.verdictText(filing.verdict, report.language))：错误 \(filing.errors) 条，提示 \(filing.warnings) 条\(policy)"
                : "\(ReviewReport.verdictText(filing.verdict, report.language)): \(filing.errors) errors, \(filing.warnings) warnings\(policy)"
            html.append("<h2>\(escape(name))</h2><p>\(escape(counts))</p>")
            html.append(findings(filing.findings, report.language))
        }
        html.append("</body></html>")
        return html.joined(separator: "\n") + "\n"
    }

    /// The city summary table; rows of filings that do not comply are red, unreadable ones grey.
    static func summary(_ report: ReviewReport) -> String {
        let escape = CompareHTML.escape
        var out = ["<table><thead><tr>" + ReviewRenderer.header(report.language).map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"]
        for (filing, row) in zip(report.filings, ReviewRenderer.rows(report)) {
            let style = filing.verdict == .unreadable ? " class=\"read\"" : filing.verdict == .notCompliant ? " class=\"err\"" : ""
            out.append("<tr\(style)>" + row.enumerated().map { column, cell in
                column >= 3 ? "<td class=\"n\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    /// A table of findings: category, rule, place, schools, inspectors, message, fix.
    static func findings(_ lines: [ReviewReport.Line], _ language: Language) -> String {
        let zh = language == .zh
        let escape = CompareHTML.escape
        let header = zh ? ["类别", "规则", "位置", "学校", "督学", "问题", "整改建议"] : ["kind", "rule", "place", "schools", "inspectors", "finding", "fix"]
        var out = ["<table><thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"]
        func names(_ subjects: [ReviewReport.Subject]) -> String {
            subjects.map { $0.name.isEmpty ? $0.id : (zh ? "\($0.name)（\($0.id)）" : "\($0.name) (\($0.id))") }.joined(separator: zh ? "、" : ", ")
        }
        for line in lines {
            let error = line.severity == .error
            let cells = [error ? (zh ? "错误" : "error") : (zh ? "提示" : "warning"), ReviewReport.label(line.rule, language), line.place,
                         names(line.schools), names(line.inspectors), line.message, line.fix]
            out.append("<tr class=\"\(error ? "err" : "warn")\">" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    /// One rule's chart: a bar per filing, errors (red) then warnings (amber), the count after it.
    static func chart(_ kind: String, _ report: ReviewReport) -> String {
        let escape = CompareHTML.escape
        let text = Text(report.language)
        let caption = RuleID(rawValue: kind).map { "\($0.rawValue) \(text.rule($0))" } ?? ReviewReport.label(kind, report.language)
        let labels = report.filings.map { $0.district.isEmpty ? $0.file : $0.district }
        let counts = report.filings.map { $0.count(kind) ?? ReviewReport.RuleCount(rule: kind, errors: 0, warnings: 0) }
        let top = max(1, counts.map { $0.errors + $0.warnings }.max() ?? 1)
        let left = Double(min(160, 12 + (labels.map(CompareTable.displayWidth).max() ?? 4) * 7)), barWidth = 220.0, rowHeight = 18.0
        let width = left + barWidth + 40, height = Double(labels.count) * rowHeight + 26
        var svg = ["<figure><figcaption>\(escape(caption))</figcaption>",
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"]
        for (index, count) in counts.enumerated() {
            let y = Double(index) * rowHeight + 2
            svg.append("<text x=\"\(Int(left) - 4)\" y=\"\(format(y + 12))\" text-anchor=\"end\">\(escape(labels[index]))</text>")
            var x = left
            for (value, color) in [(count.errors, "#c00000"), (count.warnings, "#f0b400")] where value > 0 {
                let w = Double(value) / Double(top) * barWidth
                svg.append("<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(w))\" height=\"\(format(rowHeight - 5))\" fill=\"\(color)\"><title>\(escape(labels[index])): \(value)</title></rect>")
                x += w
            }
            let total = count.errors + count.warnings
            svg.append("<text x=\"\(format(x + 4))\" y=\"\(format(y + 12))\">\(total)</text>")
        }
        let legendY = Double(labels.count) * rowHeight + 12
        let zh = report.language == .zh
        svg.append("<rect x=\"\(Int(left))\" y=\"\(format(legendY))\" width=\"10\" height=\"10\" fill=\"#c00000\"/><text x=\"\(Int(left) + 14)\" y=\"\(format(legendY + 9))\">\(zh ? "错误" : "errors")</text>")
        svg.append("<rect x=\"\(Int(left) + 60)\" y=\"\(format(legendY))\" width=\"10\" height=\"10\" fill=\"#f0b400\"/><text x=\"\(Int(left) + 74)\" y=\"\(format(legendY + 9))\">\(zh ? "提示" : "warnings")</text>")
        svg.append("</svg></figure>")
        return svg.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
