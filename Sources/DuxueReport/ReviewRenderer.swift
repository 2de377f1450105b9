import DuxueDomain
import Foundation

/// Renders a review for the terminal: the verdicts, the city summary (one row per filing), the counts
/// by rule, then each district's findings with names and ids.
public enum ReviewRenderer {
    /// The summary's column headings.
    public static func header(_ language: Language) -> [String] {
        language == .zh
            ? ["文件", "区县", "结论", "错误", "提示", "学校", "大规模学校", "应配", "聘任", "专职占比", "需补充", "跨区", "任期届满", "最后一届", "退休到期",
               "自报结论"]
            : ["file", "district", "verdict", "errors", "warnings", "schools", "large", "required", "appointed", "full-time",
               "recruits", "cross-zone", "term ends", "last terms", "retirements", "declared"]
    }

    /// The summary's rows, as the header orders them (figures blank for an unreadable file).
    public static func rows(_ report: ReviewReport) -> [[String]] {
        let zh = report.language == .zh
        return report.filings.map { filing in
            var row = [filing.file, filing.district, ReviewReport.verdictText(filing.verdict, report.language),
                       "\(filing.errors)", "\(filing.warnings)"]
            if let f = filing.figures {
                row += ["\(f.schools)", "\(f.largeSchools)", "\(f.requiredHeadcount)", "\(f.appointees)", percent(f.fullTimeShare),
                        "\(f.recruits)", "\(f.crossings)",
                        f.termEnds + (f.termEndsWithinYear ? (zh ? "（一年内）" : " (within a year)") : ""),
                        "\(f.lastTermsEnding)", "\(f.retirementsEnding)"]
            } else {
                row += Array(repeating: "", count: 10)
            }
            return row + [filing.declaredVerdict.map { ReviewReport.verdictText($0, report.language) } ?? ""]
        }
    }

    /// "R1 2、R7 1（提示 R9 3）": the counts of a filing by rule.
    public static func ruleCounts(_ filing: ReviewReport.FilingLine, _ language: Language) -> String {
        let zh = language == .zh
        let errors = filing.byRule.filter { $0.errors > 0 }.map { "\(ReviewReport.label($0.rule, language)) \($0.errors)" }
        let warnings = filing.byRule.filter { $0.warnings > 0 }.map { "\(ReviewReport.label($0.rule, language)) \($0.warnings)" }
        var parts: [String] = []
        if !errors.isEmpty { parts.append((zh ? "错误：" : "errors: ") + errors.joined(separator: zh ? "、" : ", ")) }
        if !warnings.isEmpty { parts.append((zh ? "提示：" : "warnings: ") + warnings.joined(separator: zh ? "、" : ", ")) }
        return parts.isEmpty ? (zh ? "无" : "none") : parts.joined(separator: zh ? "；" : "; ")
    }

    /// A share as a whole percent with one decimal when needed: 0.3 → "30%", 0.2857 → "28.6%".
    public static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }

    /// The text report.
    public static func render(_ report: ReviewReport) -> String {
        let zh = report.language == .zh
        var out: [String] = []
        let policy = report.policy.map { zh ? "市级政策 \($0)" : "the city's policy \($0)" }
            ?? (zh ? "各区县申报的政策" : "each filing's declared policy")
        out.append(zh ? "市级复核：\(report.folder)，\(report.filings.count) 份备案材料；按\(policy)复核；“一年内”自 \(report.asOf) 起算"
                      : "Review of \(report.folder): \(report.filings.count) filing(s), checked under \(policy); \"within a year\" from \(report.asOf)")
        if let list = report.schoolList {
            out.append(zh ? "对照市级学校名单 \(list)" : "against the city's list of schools \(list)")
        }
        let verdict = zh
            ? "结论：\(report.compliant ? "全部合规" : "有不合规")（合规 \(report.count(.compliant)) 份，不合规 \(report.count(.notCompliant)) 份，无法读取 \(report.count(.unreadable)) 份）"
            : "Verdict: \(report.compliant ? "all compliant" : "not all compliant") (\(report.count(.compliant)) compliant, \(report.count(.notCompliant)) not compliant, \(report.count(.unreadable)) unreadable)"
        out.append(verdict)
        out.append("")
        out.append(CompareTable.aligned(header(report.language), rows(report)))
        out.append("")
        out.append(zh ? "按规则（错误、提示条数）：" : "By rule (errors, warnings):")
        for filing in report.filings { out.append("  \(filing.file)：\(ruleCounts(filing, report.language))") }
        if !report.city.isEmpty {
            out.append("")
            out.append(zh ? "全市：" : "City:")
            for line in report.city { out.append("  " + render(line, report.language)) }
        }
        for filing in report.filings where !filing.findings.isEmpty {
            out.append("")
            let name = filing.district.isEmpty ? filing.file : "\(filing.district)（\(filing.file)）"
            let policy = filing.policy.isEmpty ? "" : zh ? "；政策 \(filing.policy)" : "; policy \(filing.policy)"
            out.append(zh ? "== \(name)：\(ReviewReport.verdictText(filing.verdict, report.language))（错误 \(filing.errors) 条，提示 \(filing.warnings) 条）\(policy)"
                          : "== \(name): \(ReviewReport.verdictText(filing.verdict, report.language)) (\(filing.errors) errors, \(filing.warnings) warnings)\(policy)")
            for line in filing.findings { out.append("  " + render(line, report.language)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One finding: "[错误] R7 …；整改：…（位置）".
    static func render(_ line: ReviewReport.Line, _ language: Language) -> String {
        let zh = language == .zh
        let severity = line.severity == .error ? (zh ? "[错误]" : "[error]") : (zh ? "[提示]" : "[warning]")
        var text = "\(severity) \(ReviewReport.label(line.rule, language))：\(line.message)"
        if !zh { text = "\(severity) \(ReviewReport.label(line.rule, language)): \(line.message)" }
        if !line.fix.isEmpty { text += zh ? "；整改：\(line.fix)" : "; fix: \(line.fix)" }
        if !line.place.isEmpty { text += zh ? "（\(line.place)）" : " (\(line.place))" }
        return text
    }

}
