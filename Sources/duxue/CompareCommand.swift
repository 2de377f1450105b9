import ArgumentParser
import DuxueCompare
import DuxueDomain
import DuxueGLPK
import DuxueInput
import DuxuePlanner
import DuxueReport
import DuxueWorkflows
import Foundation

/// `duxue compare DISTRICT SCENARIO.toml… [--sweep key=v1,v2]…`: the district as it is and each
/// scenario side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "多个方案与现状并列比较 · Compare policy and data scenarios side by side with the district as it is.",
        discussion: """
            A scenario file holds any policy keys (they override the district's policy) and optional \
            [schools] and [inspectors] tables of data edits; see README.md. --sweep key=v1,v2 adds the \
            cross product of the values (applied to each scenario file, or to the district as it is).
            """
    )

    @OptionGroup var input: DistrictOptions

    @Argument(help: "方案文件 · Scenario files (.toml).")
    var scenarios: [String] = []

    @Option(name: .customLong("sweep"), help: "政策键及其取值，可重复 · key=v1,v2,…: a policy key and its values; repeat for a cross product.")
    var sweeps: [String] = []

    @Option(help: "并行求解的方案数 · Scenarios solved at once, one thread each (default: the active cores).")
    var jobs: Int?

    @Option(help: "报告语言 zh 或 en（默认中文，英文环境为英文） · Language of the report: zh or en (default: from LANG).")
    var lang: Language?

    @Option(help: "输出格式 · Output format: text, json or csv.")
    var format: CompareFormat = .text

    @Option(help: "另写出含图表的网页 · Also write an HTML page with the table and charts to this path.")
    var html: String?

    @Flag(help: "覆盖已有网页文件 · Overwrite --html if it exists.")
    var force = false

    @Option(name: .customLong("time-limit"), help: "每个方案的求解时限（秒） · Seconds for each scenario's solve.")
    var timeLimit: Double?

    @Flag(name: .customLong("no-timing"), help: "不显示求解用时 · Leave solve times out, so the output is the same run after run.")
    var noTiming = false

    @Flag(help: "不显示进度 · No progress line on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let html, !(html.hasSuffix(".html") || html.hasSuffix(".htm")) {
            throw ValidationError("--html \(html): the file name must end in .html")
        }
    }

    func run() throws {
        Interrupt.install()
        let language = lang ?? OutputOptions.environmentLanguage
        let request = CompareRequest(
            district: try input.source(), scenarios: scenarios, sweeps: sweeps, jobs: jobs ?? ComparisonRunner.activeCores,
            showsTiming: !noTiming, language: language)
        if let html {
            do {
                _ = try OutputPaths.resolve(html, district: input.district, overwrite: force, inputs: request.inputFiles)
            } catch {
                throw OutputPath.refuse(error, flag: "--html", language: language)
            }
        }
        var options = PlannerOptions(timeLimit: timeLimit)
        options.stopRequested = { Interrupt.requested }
        let showProgress = !quiet && Console.stderrIsTerminal
        func clearProgress() {
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        var progress: (@Sendable (Int, Int) -> Void)?
        if showProgress {
            progress = { finished, total in
                let line = language == .zh ? "已完成 \(finished)/\(total) 个方案" : "\(finished) of \(total) scenarios planned"
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            }
        }
        let outcome: CompareOutcome
        do {
            outcome = try Workflows.compare(request, options: options, progress: progress) { GLPKSolver() }
        } catch let error as ScenarioError {
            Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
            throw ExitCode(2)
        } catch {
            clearProgress()
            throw SolveFailure.exitCode(for: error, language: language)
        }
        clearProgress()
        for warning in outcome.warnings { Console.error(warning.message(in: language)) }
        let report = outcome.report
        switch format {
        case .text: print(CompareTable.render(report), terminator: "")
        case .json: print(try CompareJSON.render(report), terminator: "")
        case .csv: print(CSVWriter.document(header: CompareTable.csvHeader(report), rows: CompareTable.csvRows(report)), terminator: "")
        }
        if let html {
            do {
                try AtomicFile.write(Array(CompareHTML.render(report).utf8), to: html, overwrite: force)
            } catch {
                Console.writeFailure(error, language: language)
                throw ExitCode(2)
            }
            if format == .text { print(language == .zh ? "图表已写入 \(html)" : "Charts written to \(html)") }
        }
        if Interrupt.requested { throw ExitCode(130) }
    }
}

/// Output formats of `duxue compare`.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
}
