import ArgumentParser
import DuxueDomain
import DuxueGLPK
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueFiling
import DuxueReport
import DuxueWorkflows
import Foundation

/// `duxue plan DISTRICT`: the optimal roster and the shortfall report.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "编制一届任期的最优名册，并列出需补充的督学 · Build the optimal roster for a term and report the shortfall."
    )

    @OptionGroup var input: DistrictOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    @Option(help: "名册写到哪里 · Where to write roster.csv (default: DISTRICT-NAME-roster.csv here, numbered if it exists).")
    var out: String?

    @Flag(help: "覆盖已有的输出文件 · Overwrite --out if it exists (never an input file).")
    var force = false

    @OptionGroup var pairs: PairsOptions

    func run() throws {
        Interrupt.install()
        let language = output.language
        let request = PlanRequest(district: try input.source(), pairs: pairs.pairs, language: language)
        let target = try OutputPath.resolve(out, district: input.district, force: force, language: language,
                                            inputs: request.inputFiles)
        let (options, progress) = solver.plannerOptions(language: language)
        let outcome: PlanOutcome
        do {
            outcome = try Workflows.plan(request, options: options) { GLPKSolver() }
        } catch {
            progress.clear()
            throw SolveFailure.exitCode(for: error, language: language)
        }
        progress.clear()
        for warning in outcome.warnings { Console.error(warning.message(in: language)) }

        try RosterOutput.write(header: RosterTable.header(in: language, officeColumns: RosterTable.officeColumns(outcome.plan)), rows: RosterTable.rows(outcome.plan, language: language),
                               to: target, overwrite: force, inputs: request.inputFiles, language: language)
        switch output.format {
        case .text:
            print(TerminalRenderer.render(outcome.report, details: solver.verbose), terminator: "")
            print(language == .zh ? "名册已写入 \(target)" : "Roster written to \(target)")
        case .json:
            print(try JSONRenderer.render(outcome.report), terminator: "")
        }
        if Interrupt.requested { throw ExitCode(130) }
    }
}
