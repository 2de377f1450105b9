import ArgumentParser
import DuxueCompare
import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import DuxueWorkflows
import Foundation

/// `duxue review FOLDER`: the upper level re-checks every filing workbook the districts filed.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "市级复核各区县报送的备案材料 · Re-check every district's filing workbook in a folder (the upper level's review).",
        discussion: """
            Each filing (as `duxue check --filing` writes it) is re-checked from the data in the workbook itself, \
            never its compliance sheet, under --policy or each filing's declared policy. The pairs on the sheets \
            people see (名册, 公示) are the ones checked; where they differ from the internal sheets, that is an \
            error naming the cells. Exit status: 0 every filing complies, 1 one does not (or --schools finds a \
            school or district missing), 2 a file cannot be read (the others are still reviewed) or usage error.
            """
    )

    @Argument(help: "备案材料所在文件夹 · Folder of the districts' filing workbooks (.xlsx).")
    var folder: String

    @Option(help: "市级政策：预设名或 policy.toml 路径（默认按各区县申报的政策） · The city's policy: a preset or a policy.toml path (default: each filing's declared policy).")
    var policy: String?

    @Option(help: "市级学校名单（CSV 或 XLSX：区县、学校代码、学校名称） · The city's list of schools by district (CSV or XLSX: district, school_id, school_name).")
    var schools: String?

    @Option(help: "报告格式 · Report format: text, json, xlsx (needs --out) or html.")
    var format: ReviewFormat = .text

    @Option(help: "写入文件（不覆盖任何输入文件） · Write the report to this file (never over an input file).")
    var out: String?

    @Flag(help: "覆盖已有的 --out 文件 · Overwrite --out if it exists.")
    var force = false

    @Option(name: .customLong("as-of"), help: "复核日期（“一年内”届满、退休期满自此起算；默认今天） · Review date (YYYY-MM-DD) from which terms and retirement windows ending within a year are counted (default: today).")
    var asOf: String?

    @Option(help: "同时读取的文件数 · Filings read at once (default: the active cores).")
    var jobs: Int?

    @Option(help: "报告语言 zh 或 en（默认中文，英文环境为英文） · Language of the report: zh or en (default: from LANG).")
    var lang: Language?

    func validate() throws {
        if let asOf, Vocabulary.day(asOf) == nil {
            throw ValidationError("--as-of \(asOf) is not a date: write it as YYYY-MM-DD, e.g. 2028-09-01")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE.xlsx") }
        if format == .xlsx, let out, !out.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--out \(out): an xlsx report's file name must end in .xlsx")
        }
    }

    func run() throws {
        let language = lang ?? OutputOptions.environmentLanguage
        let request = ReviewRequest(
            folder: folder, policy: policy, schools: schools, asOf: asOf.flatMap { Vocabulary.day($0) } ?? PolicyReader.localToday(),
            jobs: jobs ?? ComparisonRunner.activeCores, language: language)
        // The folder is listed once for both uses.
        let inputs = request.inputFiles
        if let out {
            do {
                _ = try OutputPaths.resolve(out, district: folder, overwrite: force, inputs: inputs)
            } catch {
                throw OutputPath.refuse(error, flag: "--out", language: language)
            }
        }
        let outcome: ReviewOutcome
        do {
            outcome = try Workflows.review(request)
        } catch {
            Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
            throw ExitCode(2)
        }
        for warning in outcome.warnings { Console.error(warning.message(in: language)) }
        let report = outcome.report
        for filing in report.filings where filing.verdict == .unreadable {
            Console.error(language == .zh ? "无法读取 \(filing.file)：\(filing.findings.first?.message ?? "")"
                                          : "cannot read \(filing.file): \(filing.findings.first?.message ?? "")")
        }
        let text: String
        switch format {
        case .text: text = ReviewRenderer.render(report)
        case .json: text = try JSONRenderer.render(report)
        case .html: text = ReviewHTML.render(report)
        case .xlsx:
            do {
                try ReviewWorkbook.write(report, to: out ?? "", overwrite: force, inputs: inputs)
            } catch {
                Console.writeFailure(error, language: language)
                throw ExitCode(2)
            }
            print(language == .zh ? "复核结果已写入 \(out ?? "")" : "Review written to \(out ?? "")")
            throw ExitCode(report.exitCode)
        }
        if let out {
            do {
                try AtomicFile.write(Array(text.utf8), to: out, overwrite: force)
            } catch {
                Console.writeFailure(error, language: language)
                throw ExitCode(2)
            }
            print(language == .zh ? "复核结果已写入 \(out)" : "Review written to \(out)")
        } else {
            print(text, terminator: "")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// Output formats of `duxue review`.
enum ReviewFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case xlsx
    case html
}
