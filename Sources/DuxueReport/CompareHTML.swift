import DuxueCompare
import DuxueDomain
import Foundation

/// Renders a comparison as one self-contained HTML page (no scripts, no external files): the table
/// and two inline SVG charts — headcount and recruits per scenario, and schools per inspector — that
/// can be copied into a briefing. The markup is a Mustache template (``CompareTemplate``) that escapes
/// every value; this type only computes the values.
public enum CompareHTML {
    /// The page.
    public static func render(_ report: CompareReport) -> String {
        let text = Text(report.language)
        let context: [String: Any] = [
            "lang": report.language == .zh ? "zh-CN" : "en",
            "title": text.compareTitle(report.comparison.district),
            "summary": text.compareSummary(scenarios: report.comparison.columns.count - 1, jobs: report.comparison.jobs,
                                           seconds: report.showsTiming ? report.comparison.seconds : nil),
            "legend": text.scenarioLegend,
            "names": report.names,
            "columns": report.names.indices.map { ["index": $0, "name": report.names[$0]] as [String: Any] },
            "rows": report.rows.map { ["label": $0.label, "cells": $0.cells] as [String: Any] },
            "barCharts": headcountCharts(report, text),
            "loadChart": loadChart(report, text),
        ]
        return CompareTemplate.page.render(context)
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
    private static func headcountCharts(_ report: CompareReport, _ text: Text) -> [[String: Any]] {
        let figures = report.comparison.columns.map(\.figures)
        return [
            barChart(text.chartHeadcount, grouped: [
                Series(label: text.legendRequired, color: colors[0], values: figures.map(\.requiredHeadcount)),
                Series(label: text.legendAppointees, color: colors[1], values: figures.map(\.appointees)),
            ], stacked: []),
            barChart(text.chartRecruits, grouped: [], stacked: [
                Series(label: text.legendRecruitsFullTime, color: colors[2], values: figures.map(\.recruitsFullTime)),
                Series(label: text.legendRecruitsPartTime, color: colors[3], values: figures.map(\.recruitsPartTime)),
            ]),
        ]
    }

    /// Vertical bars per scenario: `grouped` series side by side, or `stacked` series one on another
    /// with the total written above.
    private static func barChart(_ title: String, grouped: [Series], stacked: [Series]) -> [String: Any] {
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
        let ticks = ticks(top).map { tick -> [String: Any] in
            let y = base - Double(tick) / Double(top) * height
            return ["y": fmt(y), "labelY": fmt(y + 4), "value": tick]
        }
        var groups: [[String: Any]] = []
        for index in 0..<count {
            let x = left + Double(index) * group + 12
            var rects: [[String: Any]] = []
            func rect(_ offset: Double, _ from: Int, _ series: Series) {
                let value = series.values[index]
                guard value > 0 else { return }
                let h = Double(value) / Double(top) * height, y = base - Double(from) / Double(top) * height - h
                rects.append(["x": fmt(x + offset), "y": fmt(y), "height": fmt(h), "color": series.color, "label": series.label,
                              "value": value])
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
            groups.append(["index": index, "x": fmt(x + Double(bars) * bar / 2), "rects": rects,
                           "labels": labels.map { ["x": fmt($0.x), "y": fmt($0.y), "text": $0.text] }])
        }
        var legend: [[String: Any]] = []
        var x = left
        for series in all {
            legend.append(["x": fmt(x), "textX": fmt(x + 14), "color": series.color, "label": series.label])
            x += 30 + Double(CompareTable.displayWidth(series.label)) * 7
        }
        return ["title": title, "width": Int(width), "right": fmt(width - 10), "ticks": ticks, "groups": groups, "legend": legend]
    }

    /// One 100 % bar per scenario: appointees by the number of schools they hold.
    private static func loadChart(_ report: CompareReport, _ text: Text) -> [String: Any] {
        let columns = report.comparison.columns
        let most = columns.map { $0.schoolsPerInspector.count }.max() ?? 0
        let left = 50.0, barWidth = 500.0, rowHeight = 20.0
        let height = Double(columns.count) * rowHeight + 50
        var rows: [[String: Any]] = []
        for (index, column) in columns.enumerated() {
            let counts = column.schoolsPerInspector
            let total = max(1, counts.reduce(0, +))
            let y = Double(index) * rowHeight + 4
            var x = left
            var segments: [[String: Any]] = []
            for (held, count) in counts.enumerated() where count > 0 {
                let w = Double(count) / Double(total) * barWidth
                segments.append(["x": fmt(x), "y": fmt(y), "width": fmt(w), "color": loadColors[min(held, loadColors.count - 1)],
                                 "label": text.legendHolding(held + 1), "count": count])
                x += w
            }
            rows.append(["index": index, "labelY": fmt(y + 13), "segments": segments, "total": total])
        }
        var legend: [[String: Any]] = []
        var x = left
        let legendY = Double(columns.count) * rowHeight + 20
        for held in 0..<most {
            let label = text.legendHolding(held + 1)
            legend.append(["x": fmt(x), "y": fmt(legendY), "textX": fmt(x + 14), "textY": fmt(legendY + 9),
                           "color": loadColors[min(held, loadColors.count - 1)], "label": label])
            x += 14 + Double(CompareTable.displayWidth(label)) * 7 + 16
        }
        return ["title": text.chartLoad, "width": Int(left + barWidth + 60), "height": Int(height), "rows": rows, "legend": legend]
    }

    /// Up to six round tick values from 0 to `top`.
    private static func ticks(_ top: Int) -> [Int] {
        let rough = max(1, top / 5)
        let magnitude = Int(pow(10, floor(log10(Double(rough)))))
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        return Array(stride(from: 0, through: top, by: step))
    }

    /// A coordinate with one decimal, as the charts write them.
    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
