import DuxueDomain
import DuxuePlanner

/// Renders a plan report as plain text for the terminal.
public enum TerminalRenderer {
    /// The report text, ending with a newline. `details` adds what only a specialist reads: the
    /// optimisation levels and the model's size (`--verbose`).
    public static func render(_ report: PlanReport, details: Bool = false) -> String {
        let text = Text(report.language)
        var out: [String] = []
        let f = report.figures
        out.append(text.pick("督学责任区配置方案 — \(report.district)", "Responsible-inspector plan — \(report.district)"))
        out.append(text.pick(
            "政策：\(text.policyLabel(report.policy))；任期自 \(report.policy.termStart) 起 \(report.policy.termYears) 年；1:\(report.policy.schoolsPerInspector)；大规模学校门槛 \(report.policy.largeSchoolEnrollment) 人（无文件规定，本区设定）",
            "Policy: \(text.policyLabel(report.policy)); term from \(report.policy.termStart), \(report.policy.termYears) years; 1:\(report.policy.schoolsPerInspector); large-school threshold \(report.policy.largeSchoolEnrollment) students (set by the district: no document fixes it)"))
        out.append(text.pick(
            "求解：\(statusText(report, text))，用时 \(String(format1: report.seconds)) 秒",
            "Solve: \(statusText(report, text)), \(String(format1: report.seconds)) s"))
        out.append("")
        out.append(text.pick("规则检查（\(legend(text))）", "Rules (\(legend(text)))"))
        for rule in report.rules {
            let mark = TerminalRenderer.mark(rule.status)
            out.append("  \(mark) \(rule.id.rawValue) \(rule.title)：\(rule.summary)".replacingColon(for: report.language))
            out.append("      " + text.pick("依据：", "source: ") + rule.source)
            for message in rule.findings.prefix(10) { out.append("      · \(message)") }
            if rule.findings.count > 10 {
                out.append("      · " + text.pick("另有 \(rule.findings.count - 10) 条", "and \(rule.findings.count - 10) more"))
            }
        }
        out.append("")
        out.append(text.pick(
            "人员：应配 \(f.requiredHeadcount) 人；聘任 \(f.appointees) 人（在编督学 专职 \(f.appointedFullTime)、兼职 \(f.appointedPartTime)；待补充 专职 \(f.recruitsFullTime)、兼职 \(f.recruitsPartTime)）",
            "Headcount: required \(f.requiredHeadcount); appointed \(f.appointees) (pool: \(f.appointedFullTime) full-time, \(f.appointedPartTime) part-time; recruits: \(f.recruitsFullTime) full-time, \(f.recruitsPartTime) part-time)"))
        if let km = f.totalKilometres {
            out.append(text.pick("总距离（各督学到其负责学校的直线距离之和）\(String(format1: km)) 公里",
                                 "Total distance (straight-line, each inspector to each of their schools, summed) \(String(format1: km)) km"))
        }
        if let kept = f.keptSchools {
            out.append(text.pick("与上一名册相比保持不变的学校：\(kept) 所", "Schools keeping their inspector: \(kept)"))
        }
        if !report.largeSchools.isEmpty {
            out.append("")
            out.append(text.pick("大规模学校（专人负责）", "Large schools (dedicated inspectors)"))
            for school in report.largeSchools {
                let holder = school.inspectorName.isEmpty ? school.inspectorID
                    : text.pick("\(school.inspectorName)（\(school.inspectorID)）", "\(school.inspectorName) (\(school.inspectorID))")
                out.append("  \(school.schoolID) \(school.name) \(school.enrollment)\(text.pick("人", " students")) → \(holder)")
            }
        }
        out.append("")
        if report.shortfall.isEmpty {
            out.append(text.pick("缺口：无，现有督学可满足全部规则。", "Shortfall: none; the pool meets every rule."))
        } else {
            let total = report.shortfall.reduce(0) { $0 + $1.count }
            let fullTime = report.shortfall.filter { $0.employment == .fullTime }.reduce(0) { $0 + $1.count }
            out.append(text.pick(
                "缺口：需补充 \(total) 名督学（专职 \(fullTime)、兼职 \(total - fullTime)）",
                "Shortfall: recruit \(total) inspectors (\(fullTime) full-time, \(total - fullTime) part-time)"))
            for line in report.shortfall {
                out.append("  \(line.zone) · \(text.employment(line.employment)) × \(line.count)")
                for vacancy in line.vacancies {
                    out.append("      \(vacancy.id)：\(vacancy.schools.map(\.rawValue).joined(separator: text.pick("、", ", ")))".replacingColon(for: report.language))
                }
            }
        }
        if !report.excluded.isEmpty {
            out.append("")
            out.append(text.pick("未聘人员（\(report.excluded.count) 人）", "Not eligible (\(report.excluded.count))"))
            for person in report.excluded {
                out.append("  \(person.inspectorID) \(person.name)：\(person.reasons.joined(separator: text.pick("；", "; ")))".replacingColon(for: report.language))
            }
        }
        out.append("")
        out.append(text.pick(
            "方案改进：学段不匹配 \(report.improvement.mismatchesBefore) → \(report.improvement.mismatchesAfter) 处",
            "Refinement: stage mismatches \(report.improvement.mismatchesBefore) → \(report.improvement.mismatchesAfter)")
            + (report.improvement.kilometresBefore.map { before in
                text.pick("，总距离 \(String(format1: before)) → \(String(format1: report.improvement.kilometresAfter ?? before)) 公里",
                          ", total distance \(String(format1: before)) → \(String(format1: report.improvement.kilometresAfter ?? before)) km")
            } ?? ""))
        guard details else { return out.joined(separator: "\n") + "\n" }
        out.append("")
        out.append(text.pick("优化层级", "Priority levels"))
        for level in report.levels {
            var state = switch level.solution == .optimal ? .optimal : level.termination {
            case .optimal: text.pick("最优", "optimal")
            case .interrupted: text.pick("已中断", "interrupted")
            case .workLimit: text.pick("搜索量达上限，差距 \(text.percent(level.gap))", "work limit, gap \(text.percent(level.gap))")
            default: text.pick("差距 \(text.percent(level.gap))", "gap \(text.percent(level.gap))")
            }
            if level.fault != nil {
                state += text.pick("；求解出错，保留已有最好方案", "; a solver run failed, the best roster so far kept")
            }
            out.append("  \(text.priority(level.priority))：\(level.value.isFinite ? String(Int(level.value)) : "–")（\(state)，\(String(format1: level.seconds)) s）".replacingColon(for: report.language))
        }
        out.append(text.pick(
            "  P5 学段、退休期限、距离（局部改进，未证明最优）", "  P5 stage, retirement window, distance (local improvement, not proven optimal)"))
        out.append(text.pick(
            "  模型：\(report.model.rows) 行，\(report.model.columns) 列，\(report.model.nonzeros) 个非零元（督学类 \(report.model.inspectorClasses)，学校类 \(report.model.schoolClasses)）",
            "  Model: \(report.model.rows) rows, \(report.model.columns) columns, \(report.model.nonzeros) nonzeros (\(report.model.inspectorClasses) inspector classes, \(report.model.schoolClasses) school classes)"))
        return out.joined(separator: "\n") + "\n"
    }

    /// What the marks mean, for the line above the rules.
    static func legend(_ text: Text) -> String {
        text.pick("✓ 符合  ✗ 不符合  ! 提示  – 不适用", "✓ met  ✗ not met  ! warning  – not applicable")
    }

    /// The mark of a rule status: ✓ ok, ✗ violated, ! warning, – not applied.
    static func mark(_ status: String) -> String {
        switch status {
        case "ok": "✓"
        case "violated": "✗"
        case "warning": "!"
        default: "–"
        }
    }

    private static func statusText(_ report: PlanReport, _ text: Text) -> String {
        switch report.status {
        case "optimal": text.status(.optimal)
        case "interrupted": text.status(.interrupted)
        default:
            switch report.termination {
            case .workLimit: text.status(.workLimit(report.gap))
            case .fault: text.status(.fault(report.gap))
            default: text.status(.gap(report.gap))
            }
        }
    }
}

extension String {
    /// Uses an ASCII colon and space in English text.
    fileprivate func replacingColon(for language: Language) -> String {
        language == .zh ? self : split(separator: "：", omittingEmptySubsequences: false).joined(separator: ": ")
            .split(separator: "（", omittingEmptySubsequences: false).joined(separator: " (")
            .split(separator: "）", omittingEmptySubsequences: false).joined(separator: ")")
            .split(separator: "，", omittingEmptySubsequences: false).joined(separator: ", ")
    }
}
