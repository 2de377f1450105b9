import ArgumentParser
import DuxueDomain
import DuxueInput
import DuxueReport
import DuxueWorkflows
import Foundation

/// `duxue history DISTRICT`: the roster of record by inspector and by school.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "查看任用记录：每位督学各届的任用和负责学校、目前连任届数、各校历届督学 · Show the roster of record: each inspector's appointments and schools by term, consecutive part-time terms now, and each school's inspectors by term.",
        discussion: "Never shows conflicts (回避): the record does not keep them. Exit status: 0 shown, 2 no record, unreadable record, or unknown id."
    )

    @OptionGroup var input: DistrictOptions

    @Option(help: "只看这位督学 · Only this inspector (督学编号).")
    var inspector: String?

    @Option(help: "只看这所学校 · Only this school (学校代码).")
    var school: String?

    @Option(help: "格式 · Format: text, json or csv.")
    var format: HistoryFormat = .text

    @Option(help: "报告语言 zh 或 en · Language: zh or en (default: from LANG).")
    var lang: Language?

    func validate() throws {
        if inspector != nil && school != nil { throw ValidationError("give --inspector or --school, not both") }
    }

    func run() throws {
        let language = lang ?? OutputOptions.environmentLanguage
        let outcome: HistoryOutcome
        do {
            outcome = try Workflows.history(HistoryRequest(district: try input.source(), inspector: inspector, school: school))
        } catch HistoryError.notRecorded(let id) {
            Console.error(language == .zh ? "任用记录中没有 \(id)" : "\(id) is not in the roster of record")
            throw ExitCode(2)
        } catch {
            RecordCommand.fail(error, language: language)
        }
        switch format {
        case .text: print(HistoryRenderer.text(outcome.report, language: language), terminator: "")
        case .json: print(try HistoryRenderer.json(outcome.report), terminator: "")
        case .csv:
            let table = HistoryRenderer.csvRows(outcome.report)
            print(CSVWriter.document(header: table.header, rows: table.rows), terminator: "")
        }
    }
}

/// Formats of `history`.
enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
}
