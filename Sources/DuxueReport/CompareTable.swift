import DuxueCompare
import DuxueDomain
import DuxuePlanner
import Foundation

/// Renders a comparison as a terminal table and as CSV rows.
public enum CompareTable {
    /// Scenario columns per block of the terminal table (the baseline repeats in every block).
    public static let columnsPerBlock = 6
    /// Widest column heading shown as is; longer names are numbered (#1, #2 …) with a legend.
    public static let widestHeading = 16

    /// The terminal text, ending with a newline.
    public static func render(_ report: CompareReport) -> String {
        let text = Text(report.language)
        var out: [String] = []
        out.append(text.compareTitle(report.comparison.district))
        out.append(text.compareSummary(
            scenarios: report.comparison.columns.count - 1, jobs: report.comparison.jobs,
            seconds: report.showsTiming ? report.comparison.seconds : nil))
        let numbered = report.names.contains { displayWidth($0) > widestHeading }
        let headings = numbered ? report.names.indices.map { "#\($0)" } : report.names
        if numbered {
            out.append("")
            out.append(text.scenarioLegend)
            for (index, name) in report.names.enumerated() { out.append("  #\(index) \(name)") }
        }
        let scenarioIndices = Array(report.names.indices.dropFirst())
        var blocks: [[Int]] = stride(from: 0, to: scenarioIndices.count, by: columnsPerBlock).map {
            [0] + scenarioIndices[$0..<min($0 + columnsPerBlock, scenarioIndices.count)]
        }
        if blocks.isEmpty { blocks = [[0]] }
        let labelWidth = report.rows.map { displayWidth($0.label) }.max() ?? 0
        for block in blocks {
            out.append("")
            let widths = block.map { column in
                max(displayWidth(headings[column]), report.rows.map { displayWidth($0.cells[column]) }.max() ?? 0)
            }
            var header = pad("", labelWidth)
            for (position, column) in block.enumerated() { header += "  " + pad(headings[column], widths[position], right: true) }
            out.append(header.trailingSpacesTrimmed)
            for row in report.rows {
                var line = pad(row.label, labelWidth)
                for (position, column) in block.enumerated() { line += "  " + pad(row.cells[column], widths[position], right: true) }
                out.append(line.trailingSpacesTrimmed)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The CSV header: key, the label heading, then one column per scenario.
    public static func csvHeader(_ report: CompareReport) -> [String] {
        ["key", Text(report.language).pick("指标", "metric")] + report.names
    }

    /// The CSV rows: plain numbers (counts split into full- and part-time rows, shares as fractions),
    /// so a spreadsheet can compute with them.
    public static func csvRows(_ report: CompareReport) -> [[String]] {
        let text = Text(report.language)
        let columns = report.comparison.columns
        func row(_ key: String, _ label: String, _ value: (Int, ScenarioOutcome) -> String) -> [String] {
            [key, label] + columns.enumerated().map { value($0.offset, $0.element) }
        }
        var rows: [[String]] = []
        for reportRow in report.rows {
            let label = reportRow.label.trimmingCharacters(in: .whitespaces)
            switch reportRow.metric {
            case .minFullTimeShare:
                rows.append(row(reportRow.metric.key, label) { PolicySettingText.share($1.policy.minFullTimeShare) })
            case .zones:
                rows.append(row("zones", label) { $1.policy.zones.rawValue })
            case .staffing:
                rows.append(row("staffing", label) { $1.policy.staffing.rawValue })
            case .appointees:
                rows.append(row("appointees", text.pick("聘任人数", "appointees")) { "\($1.figures.appointees)" })
                rows.append(row("appointees_full_time", text.pick("聘任专职", "appointees full-time")) { "\($1.figures.fullTime)" })
                rows.append(row("appointees_part_time", text.pick("聘任兼职", "appointees part-time")) {
                    "\($1.figures.appointees - $1.figures.fullTime)"
                })
            case .fullTimeShare:
                rows.append(row("full_time_share", label) { String(format: "%.4f", $1.figures.fullTimeShare) })
            case .recruits:
                rows.append(row("recruits", text.pick("需补充", "recruits")) { "\($1.figures.recruits)" })
                rows.append(row("recruits_full_time", text.pick("需补充专职", "recruits full-time")) { "\($1.figures.recruitsFullTime)" })
                rows.append(row("recruits_part_time", text.pick("需补充兼职", "recruits part-time")) { "\($1.figures.recruitsPartTime)" })
            case .recruitsInZone(let zone):
                func count(_ column: ScenarioOutcome, _ fullTime: Bool) -> String {
                    let line = column.recruitsByZone.first { $0.zone == zone }
                    return "\((fullTime ? line?.fullTime : line?.partTime) ?? 0)"
                }
                rows.append(row("recruits_full_time:\(zone)", text.pick("需补充专职 \(zone)", "recruits full-time in \(zone)")) { count($1, true) })
                rows.append(row("recruits_part_time:\(zone)", text.pick("需补充兼职 \(zone)", "recruits part-time in \(zone)")) { count($1, false) })
            case .changedSchools:
                rows.append(row("changed_schools", label) { $0 == 0 ? "0" : "\($1.changedSchools)" })
            case .totalKilometres:
                rows.append(row("total_km", label) { $1.figures.totalKilometres.map { String(format1: $0) } ?? "" })
            case .seconds:
                rows.append(row("seconds", label) { String(format: "%.2f", $1.seconds) })
            case .status:
                rows.append(row("status", label) { _, column in
                    switch column.status {
                    case .optimal: "optimal"
                    case .gap(let gap): String(format: "gap %.4f", gap)
                    case .interrupted: "interrupted"
                    }
                })
            default:
                rows.append([reportRow.metric.key, label] + reportRow.cells)
            }
        }
        return rows
    }

    /// A table with columns padded to their widest cell (CJK counted double), two spaces apart: the
    /// one plain-text table of the review and batch summaries.
    static func aligned(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { column < $0.count ? displayWidth($0[column]) : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: max(0, widths[column] - displayWidth(cell)))
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// Columns a string takes in a terminal: 2 for East Asian wide characters, else 1.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return right ? fill + text : text + fill
    }
}

/// Share formatting shared by the renderers.
enum PolicySettingText {
    /// 0.3 → "0.3", 0.25 → "0.25".
    static func share(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension String {
    fileprivate var trailingSpacesTrimmed: String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
