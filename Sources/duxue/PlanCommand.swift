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

    @Argument(help: "更多区县，或一个包含各区县文件夹的文件夹：逐一编制并汇总 · More districts, or a folder of district folders: each is planned, several at a time, and summarised.")
    var moreDistricts: [String] = []

    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    @Option(help: "名册写到哪里；多个区县时为文件夹 · Where to write roster.csv (default: DISTRICT-NAME-roster.csv here, numbered if it exists); with several districts, the folder for their rosters.")
    var out: String?

    @Option(help: "同时编制的区县数（默认为核数） · Districts planned at the same time with several districts (default: the core count).")
    var jobs: Int?

    @Flag(help: "覆盖已有的输出文件 · Overwrite --out if it exists (never an input file).")
    var force = false

    @OptionGroup var pairs: PairsOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        Interrupt.install()
        let language = output.language
        let districts = TableFiles.districts(expanding: [input.district] + moreDistricts)
        if districts.count > 1 || districts != [input.district] { return try runBatch(districts, language: language) }
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

    /// Several districts: each planned on its own, `--jobs` at a time; a summary table (or JSON), and
    /// each roster written to the `--out` folder. Exit 0 when every district was planned, else the
    /// highest code of a failed district (2 input, 3 solver), 130 when interrupted.
    private func runBatch(_ districts: [String], language: Language) throws {
        if pairs.pairs != nil || solver.exportModel != nil {
            throw ValidationError("--pairs and --export-model name one district's files: give one district to use them")
        }
        if let out {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
                throw ValidationError("--out \(out) is a file: with several districts, --out names the folder for their rosters")
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        let base = try input.source()
        let sources = districts.map { DistrictSource(path: $0, policy: base.policy, termStart: base.termStart) }
        let request = BatchPlanRequest(districts: sources, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                       language: language)
        var (options, _) = solver.plannerOptions(language: language)
        options.progress = nil
        let outcome = Workflows.planBatch(request, options: options) { GLPKSolver() }
        var code: Int32 = 0
        var written: [String: String] = [:]
        for entry in outcome.entries {
            switch entry.outcome {
            case .success(let planned):
                for warning in planned.warnings { Console.error(warning.message(in: language)) }
                let inputs = entry.source.inputFiles
                // One roster that cannot be written (a full disk, a folder not writable) is reported and
                // the others are still written.
                do {
                    let target = try OutputPath.resolve(nil, district: entry.source.path, force: force, language: language,
                                                        inputs: inputs, folder: out)
                    try RosterOutput.write(
                        header: RosterTable.header(in: language, officeColumns: RosterTable.officeColumns(planned.plan)),
                        rows: RosterTable.rows(planned.plan, language: language), to: target, overwrite: force, inputs: inputs,
                        language: language)
                    written[entry.source.path] = target
                } catch {
                    if !(error is ExitCode) { Console.error("\(error)") }
                    code = max(code, 2)
                }
            case .failure(let error):
                code = max(code, error is InputError || error is PairRulesError ? 2 : 3)
            }
        }
        let summary = outcome.summary(language: language)
        switch output.format {
        case .text:
            print(BatchPlanRenderer.render(summary), terminator: "")
            for row in summary.rows {
                if let target = written[row.path] { print(language == .zh ? "名册已写入 \(target)" : "Roster written to \(target)") }
            }
        case .json:
            print(try JSONRenderer.render(summary), terminator: "")
        }
        if Interrupt.requested { throw ExitCode(130) }
        if code != 0 { throw ExitCode(code) }
    }
}
