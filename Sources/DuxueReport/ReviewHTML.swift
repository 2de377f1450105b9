import DuxueDomain
import Foundation

/// Renders a review as one self-contained HTML page (no scripts, no external files): the verdict, the
/// city summary, one inline SVG chart per rule with findings (errors and warnings per filing), then each
/// district's findings. The markup is a Mustache template (``ReviewTemplate``) that escapes every value,
/// every text from the filings among them; this type only computes the values.
public enum ReviewHTML {
    /// The page.
    public static func render(_ report: ReviewReport) -> String {
        let zh = report.language == .zh
        var meta = zh ? "文件夹 \(report.folder)；" : "Folder \(report.folder); "
        meta += report.policy.map { zh ? "按市级政策 \($0) 复核" : "checked under the city's policy \($0)" }
            ?? (zh ? "按各区县申报的政策复核" : "checked under each filing's declared policy")
        if let list = report.schoolList { meta += zh ? "；对照市级学校名单 \(list)" : "; against the city's list \(list)" }
        meta += zh ? "；“一年内”自 \(report.asOf) 起算" : "; \"within a year\" from \(report.asOf)"
        let verdict = zh
            ? "\(report.compliant ? "全部合规" : "有不合规")：合规 \(report.count(.compliant)) 份，不合规 \(report.count(.notCompliant)) 份，无法读取 \(report.count(.unreadable)) 份"
            : "\(report.compliant ? "All compliant" : "Not all compliant"): \(report.count(.compliant)) compliant, \(report.count(.notCompliant)) not compliant, \(report.count(.unreadable)) unreadable"
        let charted = ReviewReport.kinds.filter { kind in report.filings.contains { $0.count(kind) != nil } }
        let districts = report.filings.filter { !$0.findings.isEmpty }.map { filing -> [String: Any] in
            let name = filing.district.isEmpty ? filing.file : "\(filing.district)（\(filing.file)）"
            let policy = filing.policy.isEmpty ? "" : zh ? "；政策 \(filing.policy)" : "; policy \(filing.policy)"
            let counts = zh ? "\(ReviewReport.verdictText(filing.verdict, report.language))：错误 \(filing.errors) 条，提示 \(filing.warnings) 条\(policy)"
                : "\(ReviewReport.verdictText(filing.verdict, report.language)): \(filing.errors) errors, \(filing.warnings) warnings\(policy)"
            return ["name": name, "counts": counts, "findings": findings(filing.findings, report.language)]
        }
        let context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en",
            "title": zh ? "市级复核：\(report.filings.count) 份备案材料" : "Review: \(report.filings.count) filing(s)",
            "meta": meta,
            "verdict": verdict,
            "bad": !report.compliant,
            "summaryTitle": zh ? "各区县汇总" : "Summary by district",
            "summary": summary(report),
            "city": report.city.isEmpty ? [] : [["title": zh ? "全市" : "City", "findings": findings(report.city, report.language)]],
            "byRule": charted.isEmpty ? [] : [["title": zh ? "按规则" : "By rule", "charts": charted.map { chart($0, report) }]],
            "districts": districts,
        ]
        return ReviewTemplate.page.render(context)
    }

    /// The city summary table; rows of filings that do not comply are red, unreadable ones grey.
    static func summary(_ report: ReviewReport) -> [String: Any] {
        let rows = zip(report.filings, ReviewRenderer.rows(report)).map { filing, row -> [String: Any] in
            ["read": filing.verdict == .unreadable, "bad": filing.verdict == .notCompliant,
             "cells": row.enumerated().map { column, cell in ["text": cell, "number": column >= 3] as [String: Any] }]
        }
        return ["header": ReviewRenderer.header(report.language), "rows": rows]
    }

    /// A table of findings: category, rule, place, schools, inspectors, message, fix.
    static func findings(_ lines: [ReviewReport.Line], _ language: Language) -> [String: Any] {
        let zh = language == .zh
        let header = zh ? ["类别", "规则", "位置", "学校", "督学", "问题", "整改建议"] : ["kind", "rule", "place", "schools", "inspectors", "finding", "fix"]
        func names(_ subjects: [ReviewReport.Subject]) -> String {
            subjects.map { $0.name.isEmpty ? $0.id : (zh ? "\($0.name)（\($0.id)）" : "\($0.name) (\($0.id))") }.joined(separator: zh ? "、" : ", ")
        }
        let rows = lines.map { line -> [String: Any] in
            let error = line.severity == .error
            let cells = [error ? (zh ? "错误" : "error") : (zh ? "提示" : "warning"), ReviewReport.label(line.rule, language), line.place,
                         names(line.schools), names(line.inspectors), line.message, line.fix]
            return ["style": error ? "err" : "warn", "cells": cells]
        }
        return ["header": header, "rows": rows]
    }

    /// One rule's chart: a bar per filing, errors (red) then warnings (amber), the count after it.
    static func chart(_ kind: String, _ report: ReviewReport) -> [String: Any] {
        let text = Text(report.language)
        let caption = RuleID(rawValue: kind).map { "\($0.rawValue) \(text.rule($0))" } ?? ReviewReport.label(kind, report.language)
        let labels = report.filings.map { $0.district.isEmpty ? $0.file : $0.district }
        let counts = report.filings.map { $0.count(kind) ?? ReviewReport.RuleCount(rule: kind, errors: 0, warnings: 0) }
        let top = max(1, counts.map { $0.errors + $0.warnings }.max() ?? 1)
        let left = Double(min(160, 12 + (labels.map(CompareTable.displayWidth).max() ?? 4) * 7)), barWidth = 220.0, rowHeight = 18.0
        let width = left + barWidth + 40, height = Double(labels.count) * rowHeight + 26
        var bars: [[String: Any]] = []
        for (index, count) in counts.enumerated() {
            let y = Double(index) * rowHeight + 2
            var x = left
            var segments: [[String: Any]] = []
            for (value, color) in [(count.errors, "#c00000"), (count.warnings, "#f0b400")] where value > 0 {
                let w = Double(value) / Double(top) * barWidth
                segments.append(["x": format(x), "y": format(y), "width": format(w), "color": color, "value": value])
                x += w
            }
            bars.append(["label": labels[index], "textY": format(y + 12), "segments": segments, "totalX": format(x + 4),
                         "total": count.errors + count.warnings])
        }
        let legendY = Double(labels.count) * rowHeight + 12
        let zh = report.language == .zh
        return ["caption": caption, "width": Int(width), "height": Int(height), "labelX": Int(left) - 4, "bars": bars,
                "legendY": format(legendY), "legendTextY": format(legendY + 9),
                "errorsX": Int(left), "errorsTextX": Int(left) + 14, "warningsX": Int(left) + 60, "warningsTextX": Int(left) + 74,
                "errors": zh ? "错误" : "errors", "warnings": zh ? "提示" : "warnings"]
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
