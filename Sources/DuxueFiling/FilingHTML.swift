import DuxueReport

/// Renders the filing package as one printable HTML page: A4 landscape, the cover first (title, what
/// may be published, the verdict before any table, the figures, the digest, the lines to fill, the
/// chart), then one section per table on its own page (headers repeated on every page, rows never split,
/// tables of at most 25 rows kept whole, the last row never alone on a page), and the signature and seal
/// block at the end, kept with the last table. Error rows are bold on red, warning rows on yellow. The
/// internal sheets are never on the page. The markup is a Mustache template (``FilingTemplate``) that
/// escapes every value; this type only lays the package out as values.
public enum FilingHTML {
    /// The page.
    public static func render(_ package: FilingPackage) -> String {
        let sections = package.tables.enumerated().map { index, table -> [String: Any] in
            [
                "public": table.audience == .published, "number": index + 1, "title": table.title,
                // The last table is short: it stays on one page with the seal block under it.
                "last": index == package.tables.count - 1, "table": layout(table), "notes": table.notes,
            ]
        }
        let chart = chart(package.histogram)
        let context: [String: Any] = [
            "title": package.title,
            "notice": package.cover.notice,
            "compliant": package.verdict.compliant,
            "verdict": package.verdict.line,
            "facts": facts(package.cover.facts, title: package.cover.title, alert: package.verdict.compliant ? nil : "合规结论"),
            "filer": facts(package.cover.filer, title: "填报信息", alert: nil),
            "chart": chart.map { [$0] } ?? [],
            "noChart": chart == nil,
            "sections": sections,
            "seal": package.cover.seal.map { ["label": $0.label, "value": $0.value] },
        ]
        return FilingTemplate.page.render(context)
    }

    /// Tables of at most this many rows are never split across pages.
    static let wholeTableRows = 25

    /// Label | value lines (the cover's facts, the lines to fill by hand).
    private static func facts(_ lines: [(label: String, value: String)], title: String, alert: String?) -> [String: Any] {
        ["title": title, "lines": lines.map { line -> [String: Any] in
            ["label": line.label, "value": line.value, "alert": line.label == alert,
             "blank": line.value.allSatisfy { " 　年月日".contains($0) }]
        }]
    }

    /// A label | value table longer than this is laid out in two halves side by side (the summary).
    static let pairedRows = 12

    private static func layout(_ table: FilingTable) -> [String: Any] {
        // A two-column table of many rows prints as two halves side by side, so that it and the seal
        // block under it stay on one page.
        if table.header.count == 2 && table.rows.count > pairedRows {
            let half = (table.rows.count + 1) / 2
            return ["paired": true, "header": table.header, "halves": [0..<half, half..<table.rows.count].map { part in
                ["rows": part.map { index in row(table, index, short: []) }]
            }]
        }
        let total = max(1, table.widths.reduce(0, +))
        // Columns narrower than 20 characters keep to one line (ids, names, phones); wide ones wrap.
        let short = table.widths.map { $0 < 20 }
        return [
            "paired": false,
            // A short table (the rules) is kept on one page rather than leave a row or two over.
            "whole": table.rows.count <= wholeTableRows,
            "widths": table.widths.map { fmt(100 * $0 / total) },
            "header": table.header,
            "rows": table.rows.indices.map { row(table, $0, short: short) },
        ]
    }

    /// A row, with its mark, and its cells.
    private static func row(_ table: FilingTable, _ index: Int, short: [Bool]) -> [String: Any] {
        let mark = index < table.marks.count ? table.marks[index] : .none
        return ["error": mark == .error, "warning": mark == .warning, "cells": table.rows[index].enumerated().map { column, value in
            cell(value, short: column < short.count && short[column])
        }]
    }

    /// A cell; a list ("S-001、S-002") breaks only between its items, never inside a code or a name.
    private static func cell(_ cell: FilingCell, short: Bool) -> [String: Any] {
        var values: [String: Any] = ["number": false, "short": false, "plain": false, "list": false, "text": cell.display, "items": []]
        switch cell {
        case .text(let text):
            if text.contains("、") {
                values["list"] = true
                values["items"] = text.split(separator: "、", omittingEmptySubsequences: false).enumerated().map { index, item in
                    ["text": String(item), "first": index == 0] as [String: Any]
                }
            } else {
                values[short ? "short" : "plain"] = true
            }
        case .number, .percent:
            values["number"] = true
        }
        return values
    }

    /// A bar chart: how many inspectors hold 1, 2, … schools (`nil` without any).
    static func chart(_ histogram: [(schools: Int, inspectors: Int)]) -> [String: Any]? {
        guard !histogram.isEmpty else { return nil }
        let width = 520.0, height = 200.0, left = 40.0, bottom = 30.0, top = 16.0
        let peak = max(1, histogram.map(\.inspectors).max() ?? 1)
        let slot = (width - left - 10) / Double(histogram.count)
        let bars = histogram.enumerated().map { index, bar -> [String: Any] in
            let h = (height - bottom - top) * Double(bar.inspectors) / Double(peak)
            let x = left + Double(index) * slot + slot * 0.15
            let y = height - bottom - h
            return ["x": fmt(x), "y": fmt(y), "width": fmt(slot * 0.7), "height": fmt(h), "schools": bar.schools,
                    "inspectors": bar.inspectors, "middle": fmt(x + slot * 0.35), "countY": fmt(y - 3)]
        }
        return ["width": Int(width), "height": Int(height), "left": "\(left)", "right": "\(width - 10)", "axisY": "\(height - bottom)",
                "top": "\(top)", "bars": bars, "schoolsY": fmt(height - bottom + 14), "captionX": fmt((width + left) / 2),
                "captionY": fmt(height - 2), "unitY": fmt(top - 4)]
    }

    private static func fmt(_ value: Double) -> String { String(format1: value) }
}
