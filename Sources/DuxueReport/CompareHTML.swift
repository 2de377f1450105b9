import DuxueCompare
import DuxueDomain
import Foundation

/// Renders a comparison as one self-contained HTML page (no scripts, no external files): the table
/// and two inline SVG charts — headcount and recruits per scenario, and schools per inspector — that
/// can be copied into a briefing.
public enum CompareHTML {
    /// The page.
    public static func render(_ report: CompareReport) -> String {
        let text = Text(report.language)
        let title = text.compareTitle(report.comparison.district)
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"\(report.language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">")
        html.append("<title>\(escape(title))</title>")
        html.append("""
            <style>
            body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px}
            td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
            td.label{white-space:pre}tr.baseline td{background:#fafafa}figure{margin:2em 0}
            figcaption{font-weight:bold;margin-bottom:.5em}svg text{font-size:12px}
            </style></head><body>
            """)
        html.append("<h1>\(escape(title))</h1>")
        html.append("<p>\(escape(text.compareSummary(scenarios: report.comparison.columns.count - 1, jobs: report.comparison.jobs, seconds: report.showsTiming ? report.comparison.seconds : nil)))</p>")
        html.append("<h2>\(escape(text.scenarioLegend))</h2><ol start=\"0\">")
        for name in report.names { html.append("<li>\(escape(name))</li>") }
        html.append("</ol>")
        html.append(table(report))
        html.append(headcountChart(report, text))
        html.append(loadChart(report, text))
        html.append("</body></html>")
        return html.joined(separator: "\n") + "\n"
    }

    private static func table(_ report: CompareReport) -> String {
        var rows: [String] = []
        rows.append("<table><thead><tr><th></th>" + report.names.indices.map { "<th title=\"\(escape(report.names[$0]))\">#\($0)</th>" }.joined() + "</tr></thead><tbody>")
        for row in report.rows {
            rows.append("<tr><td class=\"label\">\(escape(row.label))</td>" + row.cells.map { "<td class=\"n\">\(escape($0))</td>" }.joined() + "</tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    static let colors = ["#9e9e9e", "#1f77b4", "#ff7f0e", "#ffbb78"]
    static let loadColors = ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b", "#041c40"]

    /// One series of a bar chart.
    private struct Series {
        var label: String
        var color: String
        var values: [Int]
    }

    /// Headcount (required and appointed, side by side) and recruits (full-time under part-time), per scenario.
    private static func headcountChart(_ report: CompareReport, _ text: Text) -> String {
        let figures = report.comparison.columns.map(\.figures)
        return barChart(text.chartHeadcount, grouped: [
            Series(label: text.legendRequired, color: colors[0], values: figures.map(\.requiredHeadcount)),
            Series(label: text.legendAppointees, color: colors[1], values: figures.map(\.appointees)),
        ], stacked: [])
            + "\n" + barChart(text.chartRecruits, grouped: [], stacked: [
                Series(label: text.legendRecruitsFullTime, color: colors[2], values: figures.map(\.recruitsFullTime)),
                Series(label: text.legendRecruitsPartTime, color: colors[3], values: figures.map(\.recruitsPartTime)),
            ])
    }

    /// Vertical bars per scenario: `grouped` series side by side, or `stacked` series one on another
    /// with the total written above.
    private static func barChart(_ title: String, grouped: [Series], stacked: [Series]) -> String {
        let count = (grouped.first ?? stacked.first)?.values.count ?? 0
        let bars = max(1, grouped.count + (stacked.isEmpty ? 0 : 1))
        let totals = (0..<count).map { i in stacked.reduce(0) { $0 + $1.values[i] } }
        let top = max(1, (grouped.flatMap(\.values) + totals).max() ?? 1)
        // Bars wide enough for a three-digit label at 9 px; labels of neighbouring bars at nearly the
        // same height are stacked upwards so that they never overlap.
        let bar = 22.0, group = Double(bars) * 22 + 24, left = 50.0, height = 200.0, base = 230.0
        let all = grouped + stacked
        let legendWidth = all.reduce(left) { $0 + 30 + Double(CompareTable.displayWidth($1.label)) * 7 }
        let width = max(left + Double(count) * group + 20, legendWidth + 20)
        var svg: [String] = []
        svg.append("<figure><figcaption>\(escape(title))</figcaption>")
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"280\" viewBox=\"0 0 \(Int(width)) 280\">")
        for tick in ticks(top) {
            let y = base - Double(tick) / Double(top) * height
            svg.append("<line x1=\"\(left)\" y1=\(quote(y)) x2=\(quote(width - 10)) y2=\(quote(y)) stroke=\"#e0e0e0\"/><text x=\"\(left - 6)\" y=\(quote(y + 4)) text-anchor=\"end\">\(tick)</text>")
        }
        for index in 0..<count {
            let x = left + Double(index) * group + 12
            func rect(_ offset: Double, _ from: Int, _ series: Series) {
                let value = series.values[index]
                guard value > 0 else { return }
                let h = Double(value) / Double(top) * height, y = base - Double(from) / Double(top) * height - h
                svg.append("<rect x=\(quote(x + offset)) y=\(quote(y)) width=\"\(bar)\" height=\(quote(h)) fill=\"\(series.color)\"><title>#\(index) \(escape(series.label)): \(value)</title></rect>")
            }
            var labels: [(x: Double, y: Double, text: String)] = []
            for (position, series) in grouped.enumerated() {
                rect(Double(position) * bar, 0, series)
                labels.append((x + (Double(position) + 0.5) * bar, base - Double(series.values[index]) / Double(top) * height - 3,
                               "\(series.values[index])"))
            }
            if !stacked.isEmpty {
                let offset = Double(grouped.count) * bar
                var from = 0
                for series in stacked {
                    rect(offset, from, series)
                    from += series.values[index]
                }
                labels.append((x + offset + bar / 2, base - Double(totals[index]) / Double(top) * height - 3, "\(totals[index])"))
            }
            for position in labels.indices.dropFirst() where abs(labels[position].y - labels[position - 1].y) < 11 {
                labels[position].y = labels[position - 1].y - 11
            }
            for label in labels {
                svg.append("<text x=\(quote(label.x)) y=\(quote(label.y)) text-anchor=\"middle\" font-size=\"9\">\(label.text)</text>")
            }
            svg.append("<text x=\(quote(x + Double(bars) * bar / 2)) y=\"\(base + 16)\" text-anchor=\"middle\">#\(index)</text>")
        }
        svg.append("<line x1=\"\(left)\" y1=\"\(base)\" x2=\(quote(width - 10)) y2=\"\(base)\" stroke=\"#444\"/>")
        var x = left
        for series in all {
            svg.append("<rect x=\(quote(x)) y=\"262\" width=\"10\" height=\"10\" fill=\"\(series.color)\"/><text x=\(quote(x + 14)) y=\"271\">\(escape(series.label))</text>")
            x += 30 + Double(CompareTable.displayWidth(series.label)) * 7
        }
        svg.append("</svg></figure>")
        return svg.joined(separator: "\n")
    }

    /// One 100 % bar per scenario: appointees by the number of schools they hold.
    private static func loadChart(_ report: CompareReport, _ text: Text) -> String {
        let columns = report.comparison.columns
        let most = columns.map { $0.schoolsPerInspector.count }.max() ?? 0
        let left = 50.0, barWidth = 500.0, rowHeight = 20.0
        let height = Double(columns.count) * rowHeight + 50
        var svg: [String] = []
        svg.append("<figure><figcaption>\(escape(text.chartLoad))</figcaption>")
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(left + barWidth + 60))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(left + barWidth + 60)) \(Int(height))\">")
        for (index, column) in columns.enumerated() {
            let counts = column.schoolsPerInspector
            let total = max(1, counts.reduce(0, +))
            let y = Double(index) * rowHeight + 4
            svg.append("<text x=\"\(left - 6)\" y=\(quote(y + 13)) text-anchor=\"end\">#\(index)</text>")
            var x = left
            for (held, count) in counts.enumerated() where count > 0 {
                let w = Double(count) / Double(total) * barWidth
                svg.append("<rect x=\(quote(x)) y=\(quote(y)) width=\(quote(w)) height=\"\(rowHeight - 4)\" fill=\"\(loadColors[min(held, loadColors.count - 1)])\"><title>#\(index) \(escape(text.legendHolding(held + 1))): \(count)</title></rect>")
                x += w
            }
            svg.append("<text x=\"\(left + barWidth + 6)\" y=\(quote(y + 13))>\(total)</text>")
        }
        var x = left
        let legendY = Double(columns.count) * rowHeight + 20
        for held in 0..<most {
            let label = text.legendHolding(held + 1)
            svg.append("<rect x=\(quote(x)) y=\(quote(legendY)) width=\"10\" height=\"10\" fill=\"\(loadColors[min(held, loadColors.count - 1)])\"/><text x=\(quote(x + 14)) y=\(quote(legendY + 9))>\(escape(label))</text>")
            x += 14 + Double(CompareTable.displayWidth(label)) * 7 + 16
        }
        svg.append("</svg></figure>")
        return svg.joined(separator: "\n")
    }

    /// Up to six round tick values from 0 to `top`.
    private static func ticks(_ top: Int) -> [Int] {
        let rough = max(1, top / 5)
        let magnitude = Int(pow(10, floor(log10(Double(rough)))))
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        return Array(stride(from: 0, through: top, by: step))
    }

    private static func quote(_ value: Double) -> String { "\"\(String(format: "%.1f", value))\"" }

    /// Escapes text for HTML.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
