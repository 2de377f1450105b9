import ArgumentParser
import DuxueDomain
import DuxueGLPK
import DuxueInput
import DuxueMIP
import DuxuePlanner
import DuxueWorkflows
import Foundation

/// The district folder and the policy to apply to it.
struct DistrictOptions: ParsableArguments {
    @Argument(help: "区县文件夹 · District folder with schools.csv, inspectors.csv and optional policy.toml.")
    var district: String

    @Option(help: "政策预设或 policy.toml 路径；预设替换规则、保留区县的任期开始日期 · Policy preset (national, zaozhuang, tianjin, chongqing, wusheng, hainan, combined) or a policy.toml path. A preset replaces the rules and keeps the district's term start; `duxue policy show NAME` prints one.")
    var policy: String?

    @Option(name: .customLong("term-start"), help: "任期开始日期 · Date the term takes effect (YYYY-MM-DD); overrides the policy file.")
    var termStart: String?

    /// The district as the workflows take it; a `--term-start` that is not a date is a usage error.
    func source() throws -> DistrictSource {
        var day: Day?
        if let termStart {
            guard let parsed = Vocabulary.day(termStart) else {
                throw ValidationError("--term-start \(termStart) is not a date: write it as YYYY-MM-DD, e.g. 2027-09-01")
            }
            day = parsed
        }
        return DistrictSource(path: district, policy: policy, termStart: day)
    }

    /// Every file this run reads (outputs are never written over them).
    var inputFiles: [String] { DistrictSource(path: district, policy: policy).inputFiles }

    /// Loads the policy and the district; prints the warnings, or the problems and exits with 2.
    func loadOrExit(language: Language) throws -> LoadedDistrict {
        do {
            let loaded = try source().load()
            for warning in loaded.warnings { Console.error(warning.message(in: language)) }
            return loaded
        } catch let error as InputError {
            Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
            throw ExitCode(2)
        }
    }
}

/// A pairs file: schools pinned to inspectors (指定) and forbidden pairs (不得).
struct PairsOptions: ParsableArguments {
    @Option(help: "指定/不得的配对清单 · A CSV of school_id, inspector_id, rule (学校代码, 督学编号, 规则): 指定/pin keeps the pair, 不得/forbid never makes it.")
    var pairs: String?
}

/// Language and format of what the user reads.
struct OutputOptions: ParsableArguments {
    @Option(help: "报告语言 zh 或 en（默认中文，英文环境为英文） · Language of the report: zh or en (default: from LANG).")
    var lang: Language?

    @Option(help: "报告格式 · Report format: text or json.")
    var format: ReportFormat = .text

    /// The language to use.
    var language: Language { lang ?? Self.environmentLanguage }

    /// The language LC_ALL or LANG names.
    static var environmentLanguage: Language {
        let environment = ProcessInfo.processInfo.environment
        // POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; an empty variable counts as unset.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return Language(locale: locale)
    }
}

/// How long and how loudly to solve.
struct SolverOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "求解时限（秒） · Seconds for the whole solve; the best roster and its proven gap are returned.")
    var timeLimit: Double?

    @Flag(help: "显示求解器日志和优化层级 · Show GLPK's own log (on stderr) and, in the report, the optimisation levels and model size.")
    var verbose = false

    @Flag(help: "不显示进度 · No progress line on stderr.")
    var quiet = false

    @Option(name: .customLong("export-model"), help: "导出各层模型 · Write each level's model to this .mps or .lp path (with -P1a, -P1b… before the extension).")
    var exportModel: String?

    /// Planner options for these flags, with the progress line (shown on a terminal unless quiet or
    /// verbose), Ctrl-C, and the model export.
    func plannerOptions(language: Language) -> (PlannerOptions, ProgressLine) {
        var options = PlannerOptions(timeLimit: timeLimit, verbose: verbose)
        // For benchmarks only (benchmarks/README.md), like GLPKSolver's DUXUE_GLPK_* overrides.
        if ProcessInfo.processInfo.environment["DUXUE_SEARCH"] == "in-turn" { options.concurrentSearch = false }
        if let work = ProcessInfo.processInfo.environment["DUXUE_BARRIER_WORK"].flatMap(Int.init), work > 0 {
            options.barrierWork = work
        }
        if let nodes = ProcessInfo.processInfo.environment["DUXUE_WARM_NODES"].flatMap(Int.init), nodes >= 0 {
            options.warmStartNodes = nodes
        }
        let progress = ProgressLine(enabled: !quiet && !verbose && Console.stderrIsTerminal, language: language)
        options.progress = { progress.show($0) }
        options.stopRequested = { Interrupt.requested }
        if let path = exportModel {
            options.exportModel = { model, priority in
                let format: ModelFormat = path.hasSuffix(".lp") ? .lp : .mps
                try GLPKSolver().export(model, format: format, to: OutputPath.levelPath(path, priority.rawValue))
            }
        }
        return (options, progress)
    }

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let exportModel, !(exportModel.hasSuffix(".mps") || exportModel.hasSuffix(".lp")) {
            throw ValidationError("--export-model \(exportModel): the file name must end in .mps or .lp")
        }
    }
}

/// Report formats.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension Language: ExpressibleByArgument {}
