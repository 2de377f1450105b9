import ArgumentParser
import DuxueDomain
import DuxueInput
import DuxueRecord
import DuxueWorkflows
import Foundation

/// `duxue record DISTRICT --roster R`: adds a filed roster to the district's roster of record
/// (`duxue.sqlite` in the district folder); `--export FOLDER` writes the record as CSV, `--import FOLDER`
/// rebuilds it from such a folder.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "把已报备的名册记入任用记录（duxue.sqlite），或导出/导入记录 · Add a filed roster to the district's roster of record, or export/import the record as CSV.",
        discussion: """
            The record lives in the district folder as duxue.sqlite (for a district workbook X.xlsx, beside it as \
            X.duxue.sqlite). A roster is recorded whatever the rules say of it today: findings against the \
            district's current files are stored with it and printed as warnings. The term is the roster's \
            term_start column, or --term-start; --as-of records a mid-term change. Recording a term (and date) \
            already recorded exits 2 unless --replace, which keeps the old version. \
            Exit status: 0 recorded, 2 unreadable input, usage error, or the record refused the change (it is left as it was).
            """
    )

    @OptionGroup var input: DistrictOptions

    @Option(help: "报告语言 zh 或 en · Language of the messages: zh or en (default: from LANG).")
    var lang: Language?

    @Option(help: "要记入的名册（CSV 或 XLSX，含往年备案材料） · The roster to record (any roster Duxue reads, past filings included).")
    var roster: String?

    @Option(name: .customLong("as-of"), help: "任期内调整的生效日期 · Date a mid-term change takes effect (within the roster's term).")
    var asOf: String?

    @Option(name: .customLong("doc-no"), help: "聘任文号 · Document number of the appointment.")
    var docNo: String?

    @Option(help: "名册状态 · Status: draft, filed (default) or approved (by the upper level).")
    var status: String = "filed"

    @Flag(help: "替换已记入的同一任期（同一生效日期）名册，旧版本保留 · Replace the roster recorded for the same term and date (the old version is kept).")
    var replace = false

    @Option(help: "把整个记录导出为 CSV（每表一个文件）到此文件夹 · Write the whole record as CSV, one file per table, into this folder.")
    var export: String?

    @Option(name: .customLong("import"), help: "从导出的 CSV 文件夹重建记录（记录须为空） · Rebuild the record from an exported folder (the record must be empty).")
    var importFolder: String?

    var language: Language { lang ?? OutputOptions.environmentLanguage }

    func validate() throws {
        let modes = [roster, export, importFolder].compactMap { $0 }.count
        if modes != 1 { throw ValidationError("give exactly one of --roster, --export and --import") }
        if let asOf, Vocabulary.day(asOf) == nil {
            throw ValidationError("--as-of \(asOf) is not a date: write it as YYYY-MM-DD, e.g. 2028-09-01")
        }
        if RosterStatus(rawValue: status) == nil { throw ValidationError("--status must be draft, filed or approved") }
    }

    func run() throws {
        let language = self.language
        let zh = language == .zh
        let source = try input.source()
        if let export {
            do {
                let files = try Workflows.exportRecord(source, to: export)
                print(zh ? "任用记录已导出到 \(export)（\(files.count) 个文件）" : "Record exported to \(export) (\(files.count) files)")
            } catch {
                Self.fail(error, language: language)
            }
            return
        }
        if let importFolder {
            do {
                let counts = try Workflows.importRecord(source, from: importFolder)
                let rosters = counts["rosters"] ?? 0
                print(zh ? "已从 \(importFolder) 重建任用记录 \(source.recordPath)（\(rosters) 份名册）"
                         : "Record \(source.recordPath) rebuilt from \(importFolder) (\(rosters) rosters)")
            } catch {
                Self.fail(error, language: language)
            }
            return
        }
        guard let roster else { return }
        let request = RecordRequest(
            district: source, roster: roster, asOf: asOf.flatMap(Vocabulary.day), docNo: docNo,
            status: RosterStatus(rawValue: status) ?? .filed, replace: replace, language: language)
        let outcome: RecordOutcome
        do {
            outcome = try Workflows.record(request)
        } catch {
            Self.fail(error, language: language)
        }
        for warning in outcome.warnings { Console.error(warning.message(in: language)) }
        // A filed roster is history: what the rules say of it now is shown (the first few) and stored.
        let shown = 20
        for finding in outcome.findings.prefix(shown) {
            Console.error((zh ? "提示（按现行名单检查）：" : "warning (against the current files): ") + finding)
        }
        if outcome.findings.count > shown {
            let more = outcome.findings.count - shown
            Console.error(zh ? "……另有 \(more) 条提示，已与名册一并记入（duxue history 可查）"
                             : "… and \(more) more, stored with the roster (see duxue history)")
        }
        let r = outcome.recorded
        let when = r.effectiveOn == r.term.start ? (zh ? "\(r.term.start) 起的任期" : "the term starting \(r.term.start)")
            : (zh ? "\(r.term.start) 起任期内 \(r.effectiveOn) 的调整" : "the change of \(r.effectiveOn) in the term starting \(r.term.start)")
        let version = r.version > 1 ? (zh ? "（第 \(r.version) 版，替换的旧版本已保留）" : " (version \(r.version); the replaced version is kept)") : ""
        print(zh ? "已把 \(roster) 记入 \(outcome.path)：\(when)，\(r.assignments.count) 行\(version)"
                 : "Recorded \(roster) in \(outcome.path): \(when), \(r.assignments.count) lines\(version)")
    }

    /// Prints why the command failed (naming the flag to change) and exits with 2.
    static func fail(_ error: any Error, language: Language) -> Never {
        let zh = language == .zh
        switch error {
        case let error as InputError:
            Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
        case RecordWorkflowError.termStartUnknown(let roster):
            Console.error(zh ? "\(roster) 没有任期开始日期（term_start 列）：请用 --term-start 给出这份名册的任期开始日期"
                             : "\(roster) has no term_start column: give the roster's term start with --term-start")
        case RecordWorkflowError.record(let error):
            if case .alreadyRecorded(let start, let on, let version) = error {
                let when = on == start ? (zh ? "\(start) 起的任期" : "the term starting \(start)")
                    : (zh ? "\(start) 起任期内 \(on) 的调整" : "the change of \(on) in the term starting \(start)")
                Console.error(zh ? "记录中已有\(when)的名册（第 \(version) 版），未作改动；如要替换，请加 --replace（旧版本会保留）"
                                 : "the record already holds a roster for \(when) (version \(version)); nothing was changed. Add --replace to replace it (the old version is kept)")
            } else {
                Console.error(error.message(in: language))
            }
        case HistoryError.noRecord(let path):
            Console.error(zh ? "没有任用记录 \(path)：请先用 duxue record 记入名册" : "no roster of record at \(path): record a roster first (duxue record)")
        default:
            Console.error("\(error)")
        }
        Foundation.exit(2)
    }
}
