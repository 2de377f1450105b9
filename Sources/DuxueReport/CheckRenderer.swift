import DuxueDomain
import Foundation

/// Renders a check report as plain text for the terminal.
public enum CheckTerminalRenderer {
    /// The report text, ending with a newline. Every finding is listed (a filing must not hide any).
    public static func render(_ report: CheckReport) -> String {
        let text = Text(report.language)
        let f = report.figures
        var out: [String] = []
        out.append(text.pick("督学名册合规检查 — \(report.district)（\(report.rosterFile)）",
                             "Roster check — \(report.district) (\(report.rosterFile))"))
        out.append(text.pick(
            "政策：\(text.policyLabel(report.policy))；任期 \(report.policy.termStart) 至 \(report.policy.termLastDay)；1:\(report.policy.schoolsPerInspector)；大规模学校门槛 \(report.policy.largeSchoolEnrollment) 人",
            "Policy: \(text.policyLabel(report.policy)); term \(report.policy.termStart) to \(report.policy.termLastDay); 1:\(report.policy.schoolsPerInspector); large-school threshold \(report.policy.largeSchoolEnrollment) students"))
        let verdict = report.compliant
            ? text.pick("结论：合规（错误 0，提示 \(report.warnings)）", "Verdict: compliant (0 errors, \(report.warnings) warnings)")
            : text.pick("结论：不合规（错误 \(report.errors)，提示 \(report.warnings)\(report.strict ? "，严格模式下提示亦计为违规" : "")）",
                        "Verdict: not compliant (\(report.errors) errors, \(report.warnings) warnings\(report.strict ? "; in strict mode warnings count as violations" : ""))")
        out.append(verdict)
        out.append("")
        out.append(text.pick("规则检查（\(TerminalRenderer.legend(text))）", "Rules (\(TerminalRenderer.legend(text)))"))
        for rule in report.rules {
            let mark = TerminalRenderer.mark(rule.status)
            out.append("  \(mark) \(rule.id.rawValue) \(rule.title)\(text.pick("：", ": "))\(rule.summary)")
            out.append("      " + text.pick("依据：", "source: ") + rule.source)
            for finding in rule.findings {
                out.append("      · \(finding.message)")
                if !finding.fix.isEmpty { out.append("        → \(finding.fix)") }
            }
        }
        out.append("")
        out.append(text.pick(
            "人员：应配 \(f.requiredHeadcount) 人；聘任 \(f.appointees) 人（专职 \(f.appointedFullTime)、兼职 \(f.appointedPartTime)；待补充 专职 \(f.vacanciesFullTime)、兼职 \(f.vacanciesPartTime)）；专职比例 \(text.percent(f.fullTimeShare))",
            "Headcount: required \(f.requiredHeadcount); appointed \(f.appointees) (\(f.appointedFullTime) full-time, \(f.appointedPartTime) part-time; posts to fill: \(f.vacanciesFullTime) full-time, \(f.vacanciesPartTime) part-time); full-time share \(text.percent(f.fullTimeShare))"))
        if let nearest = report.nearest {
            out.append("")
            out.append(nearestLine(nearest, text))
            for change in nearest.changed.prefix(30) {
                let from = change.from.isEmpty ? text.pick("（无）", "(none)") : change.from
                if from == change.to {
                    out.append("  \(change.school): " + text.pick("删除重复的行，保留 \(change.to)", "delete the repeated line, keep \(change.to)"))
                } else {
                    out.append("  \(change.school): \(from) → \(change.to)")
                }
            }
            if nearest.changed.count > 30 {
                out.append("  " + text.pick("另有 \(nearest.changed.count - 30) 处", "and \(nearest.changed.count - 30) more"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The sentence on the nearest compliant roster.
    static func nearestLine(_ nearest: CheckReport.NearestRoster, _ text: Text) -> String {
        let bound = nearest.provenOptimal ? "" : text.pick("（求解未证明最优，为上界）", " (not proven optimal: an upper bound)")
        if nearest.existsFromPool {
            return text.pick("最近的合规名册：现有督学即可做到，只需调整 \(nearest.changes) 所学校的责任督学\(bound)",
                             "Nearest compliant roster: exists with the current pool; \(nearest.changes) schools change inspector\(bound)")
        }
        return text.pick("最近的合规名册：现有督学无法做到；需补充 \(nearest.recruits) 名督学（专职 \(nearest.recruitsFullTime)），并调整 \(nearest.changes) 所学校\(bound)",
                         "Nearest compliant roster: none with the current pool; it needs \(nearest.recruits) recruits (\(nearest.recruitsFullTime) full-time) and \(nearest.changes) schools changing inspector\(bound)")
    }
}

extension JSONRenderer {
    /// A check report as JSON (schema `duxue.check/1`, snake_case keys, sorted, pretty-printed).
    public static func render(_ report: CheckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
