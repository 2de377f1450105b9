import ArgumentParser
import DuxueDomain
import DuxueFiling
import DuxueGLPK
import DuxueInput
import DuxuePlanner
import DuxueReport
import DuxueWorkflows
import Foundation

/// `duxue check DISTRICT --roster FILE`: whether a roster meets every rule, what would fix it, and the
/// filing package.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查名册是否符合各项规则，并生成备案材料 · Check a roster against every rule the policy imposes (R1–R17) and write the filing package.",
        discussion: "Exit status: 0 compliant (warnings allowed), 1 violations found, 2 unreadable input or usage error."
    )

    @OptionGroup var input: DistrictOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "要检查的名册 · The roster to check: CSV with school_id and inspector_id (学校代码, 督学编号).")
    var roster: String

    @Option(name: .customLong("as-of"), help: "名册生效日期 · Date the roster takes effect (YYYY-MM-DD); the same as --term-start.")
    var asOf: String?

    @Flag(help: "把提示也算作不合规 · Count warnings as violations (exit 1).")
    var strict = false

    @Option(help: "写出备案材料（.xlsx 或 .html，可重复） · Write the filing package: an .xlsx workbook or an .html page (repeatable).")
    var filing: [String] = []

    @Flag(help: "覆盖已有的备案材料文件 · Overwrite --filing files that exist (never an input file).")
    var force = false

    @Option(name: .customLong("time-limit"), help: "求最近合规名册的时限（秒） · Seconds for finding the nearest compliant roster.")
    var timeLimit: Double = 60

    func validate() throws {
        if asOf != nil && input.termStart != nil { throw ValidationError("give --as-of or --term-start, not both") }
        if let asOf, Vocabulary.day(asOf) == nil {
            throw ValidationError("--as-of \(asOf) is not a date: write it as YYYY-MM-DD, e.g. 2027-09-01")
        }
        for path in filing where FilingFormat(path: path) == nil {
            throw ValidationError("--filing \(path): the file name must end in .xlsx or .html")
        }
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        Interrupt.install()
        let language = output.language
        let source = try input.source()
        let targets = try filing.map { try OutputPath.filing($0, inputs: source.inputFiles + [roster], force: force, language: language) }
        var options = PlannerOptions()
        options.stopRequested = { Interrupt.requested }
        let request = CheckRequest(district: source, roster: roster, asOf: asOf.flatMap { Vocabulary.day($0) }, strict: strict,
                                   timeLimit: timeLimit, language: language)
        let outcome: CheckOutcome
        do {
            outcome = try Workflows.check(request, options: options) { GLPKSolver() }
        } catch {
            Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
            throw ExitCode(2)
        }
        for warning in outcome.warnings { Console.error(warning.message(in: language)) }
        if let failure = outcome.nearestFailure {
            Console.error(language == .zh ? "未能求出最近的合规名册：\(failure)" : "could not find the nearest compliant roster: \(failure)")
        }
        let report = outcome.report
        // The filing package is always in Chinese: it is what the office files and publishes.
        let filingReport = targets.isEmpty ? report : outcome.filingReport
        for (path, format) in targets {
            do {
                // The roster's terms per school travel with it when it belongs to the term checked.
                let sameTerm = outcome.roster.termStart == nil || outcome.roster.termStart == outcome.policy.termStart
                try FilingWriter.write(filingReport, district: outcome.district, roster: outcome.roster.roster, policy: outcome.policy,
                                       format: format, to: path, overwrite: force, pairTerms: sameTerm ? outcome.roster.pairTerms : [:])
            } catch {
                Console.error(language == .zh ? "无法写入 \(path)：\(error)" : "cannot write \(path): \(error)")
                throw ExitCode(2)
            }
        }
        switch output.format {
        case .text:
            print(CheckTerminalRenderer.render(report), terminator: "")
            for (path, _) in targets { print(language == .zh ? "备案材料已写入 \(path)" : "Filing package written to \(path)") }
        case .json:
            print(try JSONRenderer.render(report), terminator: "")
        }
        if Interrupt.requested { throw ExitCode(130) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
