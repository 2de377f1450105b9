import Foundation
import DuxueDomain
import DuxuePlanner

/// Renders a renewal report: terminal text, and the change list as CSV rows.
public enum RenewalRenderer {
    /// The report text, ending with a newline: the changes and the outlook, then the new roster's plan report.
    public static func render(_ report: RenewalReport, details: Bool = false) -> String {
        let text = Text(report.language)
        let zh = report.language == .zh
        let sep = text.pick("、", ", ")
        var out: [String] = []
        out.append(text.pick("督学名册调整 — \(report.district)", "Roster renewal — \(report.district)"))
        let term = "\(report.term.start) – \(lastDay(report.term))"
        switch report.kind {
        case .midTerm:
            out.append(text.pick("任期中调整：任期 \(term)，调整生效日期 \(report.asOf)",
                                 "Mid-term adjustment: term \(term), effective \(report.asOf)"))
        case .newTerm:
            out.append(text.pick(
                "新一届任期：\(term)（上一届 \(report.previousTerm.start) – \(lastDay(report.previousTerm))），连任届数已加一",
                "New term: \(term) (previous term \(report.previousTerm.start) – \(lastDay(report.previousTerm))); consecutive terms advanced by one"))
        }
        let vacancies = report.plan.shortfall.reduce(0) { $0 + $1.count }
        out.append(text.pick(
            "保持不变 \(report.kept) 所；更换督学 \(report.moved.count) 所；原名册未列学校 \(report.newSchools.count) 所；撤销学校 \(report.closedSchools.count) 所；离任 \(report.leaving.count) 人；新任 \(report.joining.count) 人；待补充 \(vacancies) 人",
            "Kept \(report.kept) schools; inspector changed at \(report.moved.count); not in the previous roster \(report.newSchools.count); closed schools \(report.closedSchools.count); leaving \(report.leaving.count); joining \(report.joining.count); to recruit \(vacancies)"))
        for note in report.notes { out.append(text.pick("注意：", "Note: ") + note) }

        func person(_ id: String, _ name: String) -> String {
            name.isEmpty ? id : (zh ? "\(name)（\(id)）" : "\(name) (\(id))")
        }
        if !report.moved.isEmpty {
            out.append("")
            out.append(text.pick("更换督学的学校（\(report.moved.count) 所）", "Schools changing inspector (\(report.moved.count))"))
            for move in report.moved {
                out.append("  \(move.schoolID) \(move.schoolName)：\(person(move.from, move.fromName)) → \(person(move.to, move.toName))"
                    .localisedPunctuation(report.language))
                out.append("      " + move.reasons.joined(separator: text.pick("；", "; ")))
            }
        }
        if !report.newSchools.isEmpty {
            out.append("")
            out.append(text.pick("原名册未列的学校（新设或原未配备，\(report.newSchools.count) 所）", "Schools unassigned in the previous roster (new, or not listed before; \(report.newSchools.count))"))
            for school in report.newSchools {
                out.append("  \(school.schoolID) \(school.schoolName) → \(person(school.holder, school.holderName))")
            }
        }
        if !report.closedSchools.isEmpty {
            out.append("")
            out.append(text.pick("撤销学校（\(report.closedSchools.count) 所）", "Closed schools (\(report.closedSchools.count))"))
            for school in report.closedSchools {
                out.append("  \(school.schoolID)" + text.pick("（原由 \(person(school.holder, school.holderName)) 负责）",
                                                              " (held by \(person(school.holder, school.holderName)))"))
            }
        }
        if !report.stillVacant.isEmpty {
            out.append("")
            out.append(text.pick("仍待补充督学的学校：", "Schools still waiting for a recruit: ")
                + report.stillVacant.map(\.rawValue).joined(separator: sep))
        }
        if !report.leaving.isEmpty {
            out.append("")
            out.append(text.pick("离任督学（\(report.leaving.count) 人）", "Inspectors leaving (\(report.leaving.count))"))
            for entry in report.leaving {
                out.append("  \(person(entry.inspectorID.rawValue, entry.name))：\(entry.reasons.joined(separator: text.pick("；", "; ")))"
                    .localisedPunctuation(report.language))
            }
        }
        if !report.joining.isEmpty {
            out.append("")
            out.append(text.pick("新任督学（\(report.joining.count) 人）：", "Inspectors joining (\(report.joining.count)): ")
                + report.joining.map { person($0.inspectorID.rawValue, $0.name) }.joined(separator: sep))
        }
        out.append("")
        out.append(text.pick("任期展望（至 \(lastDay(report.term))）", "Outlook (to \(lastDay(report.term)))"))
        if report.outlook.isEmpty {
            out.append(text.pick("  本届内无人到期。", "  Nobody reaches a limit this term."))
        } else {
            for line in report.outlook { out.append("  · " + line.message) }
        }
        out.append("")
        out.append(text.pick("— 调整后的名册 —", "— The renewed roster —"))
        return out.joined(separator: "\n") + "\n" + TerminalRenderer.render(report.plan, details: details)
    }

    /// Header of the change list CSV.
    public static let changeHeader = [
        "change", "school_id", "school_name", "from", "from_name", "to", "to_name", "reason_codes", "reasons",
    ]

    /// Header of the change list CSV in Chinese (the kind of change stays a code in both languages,
    /// so programs can filter it).
    public static let chineseChangeHeader = [
        "变更类型", "学校代码", "学校名称", "原督学编号", "原督学", "新督学编号", "新督学", "原因代码", "原因",
    ]

    /// The change-list header in a language.
    public static func changeHeader(in language: Language) -> [String] { language == .zh ? chineseChangeHeader : changeHeader }

    /// The change list, one row per change: moved, new_school, closed_school, still_vacant, leaving, joining.
    public static func changeRows(_ report: RenewalReport) -> [[String]] {
        var rows: [[String]] = []
        let sep = report.language == .zh ? "；" : "; "
        for move in report.moved {
            rows.append(["moved", move.schoolID.rawValue, move.schoolName, move.from, move.fromName, move.to, move.toName,
                         move.reasonCodes.joined(separator: ";"), move.reasons.joined(separator: sep)])
        }
        for school in report.newSchools {
            rows.append(["new_school", school.schoolID.rawValue, school.schoolName, "", "", school.holder, school.holderName, "", ""])
        }
        for school in report.closedSchools {
            rows.append(["closed_school", school.schoolID.rawValue, school.schoolName, school.holder, school.holderName, "", "", "", ""])
        }
        for school in report.stillVacant {
            rows.append(["still_vacant", school.rawValue, "", "", "", "", "", "", ""])
        }
        for entry in report.leaving {
            rows.append(["leaving", "", "", entry.inspectorID.rawValue, entry.name, "", "",
                         entry.reasonCodes.joined(separator: ";"), entry.reasons.joined(separator: sep)])
        }
        for entry in report.joining {
            rows.append(["joining", "", "", "", "", entry.inspectorID.rawValue, entry.name, "", ""])
        }
        return rows
    }

    /// The last day of a term (the day before the next term starts).
    static func lastDay(_ term: Term) -> Day { term.end.previousDay }
}

extension String {
    /// Uses ASCII punctuation in English text.
    func localisedPunctuation(_ language: Language) -> String {
        guard language == .en else { return self }
        return replacingOccurrences(of: "：", with: ": ").replacingOccurrences(of: "（", with: " (")
            .replacingOccurrences(of: "）", with: ")")
    }
}
