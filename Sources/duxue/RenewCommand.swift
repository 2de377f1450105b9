import ArgumentParser
import DuxueDomain
import DuxueGLPK
import DuxueInput
import DuxuePlanner
import DuxueFiling
import DuxueReport
import DuxueWorkflows
import Foundation

/// `duxue renew DISTRICT --previous roster.csv --as-of DATE`: the annual renewal with as few changes as
/// the rules allow, the change list and the outlook.
struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "年度调整或换届：在规则允许的范围内尽量少变动现有名册 · Renew the roster in force with as few changes as the rules allow (yearly, or at a new term).",
        discussion: """
            The district files hold the current schools and pool; consecutive_terms counts the terms completed \
            before the previous roster's term. A new term starts with --new-term, or when --as-of is at or past \
            the end of the term the previous roster records in its term_start column. Writes the renewed roster \
            (with term_start and pair_terms) and, beside it, the change list (…-changes.csv).
            """
    )

    @OptionGroup var input: DistrictOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions

    @Option(help: "现行名册（有任用记录时可省略，取记录中现行的名册） · The roster in force (any CSV with school_id and inspector_id, or 学校代码 and 督学编号); without it, the roster in force in the district's record.")
    var previous: String?

    @Option(name: .customLong("as-of"), help: "调整生效日期 · Date the renewal takes effect (2028-09-01, 2028/9/1 or 2028年9月1日); eligibility is checked on it.")
    var asOf: String

    @Flag(name: .customLong("new-term"), help: "开始新一届任期 · Start a new term: term counts advance, part-time inspectors at the limit leave, rotation applies.")
    var newTerm = false

    @Flag(help: "确认提前换届 · Confirm a --new-term before the previous term has ended (it cuts that term short).")
    var early = false

    @Option(help: "Where to write the renewed roster (default: DISTRICT-renewed.csv here, numbered if it exists); the change list goes beside it as …-changes.csv.")
    var out: String?

    @Flag(help: "覆盖已有的输出文件 · Overwrite --out and its change list if they exist (never an input file).")
    var force = false

    @OptionGroup var pairs: PairsOptions

    func validate() throws {
        guard Vocabulary.day(asOf) != nil else {
            throw ValidationError("--as-of \(asOf) is not a date: write it as YYYY-MM-DD, e.g. 2028-09-01")
        }
    }

    func run() throws {
        Interrupt.install()
        let language = output.language
        guard let day = Vocabulary.day(asOf) else { throw ValidationError("--as-of \(asOf) is not a date") }
        let request = RenewRequest(district: try input.source(), previous: previous, asOf: day, newTerm: newTerm, early: early,
                                   pairs: pairs.pairs, language: language)
        let target = try OutputPath.resolve(
            out, district: input.district, force: force, language: language, stem: "renewed", inputs: request.inputFiles,
            companions: ["changes"])
        let changesPath = try OutputPath.companion(of: target, suffix: "changes", force: force, inputs: request.inputFiles,
                                                   language: language)
        let (options, progress) = solver.plannerOptions(language: language)
        let outcome: RenewOutcome
        do {
            outcome = try Workflows.renew(request, options: options) { GLPKSolver() }
        } catch let error as RenewalError {
            progress.clear()
            Console.error(Self.message(error, asOf: day, previous: previous ?? request.district.recordPath, language: language))
            throw ExitCode(2)
        } catch let error as HistoryError {
            progress.clear()
            if case .noRecord(let path) = error {
                Console.error(language == .zh ? "没有给出 --previous，区县也没有任用记录（\(path)）：请用 --previous 给出现行名册，或先用 duxue record 记入名册"
                                              : "no --previous and no roster of record (\(path)): give the roster in force with --previous, or record it first (duxue record)")
            }
            throw ExitCode(2)
        } catch {
            progress.clear()
            throw SolveFailure.exitCode(for: error, language: language)
        }
        progress.clear()
        for warning in outcome.warnings { Console.error(warning.message(in: language)) }
        for (school, line) in outcome.repeatedSchools {
            Console.error(language == .zh
                ? "\(previous ?? "")：学校 \(school) 出现不止一次，按第 \(line.map(String.init) ?? "?") 行计"
                : "\(previous ?? ""): school \(school) is listed more than once; its first line (\(line.map(String.init) ?? "?")) is used")
        }
        let renewal = outcome.renewal, report = outcome.report
        let changes = CSVWriter.document(header: RenewalRenderer.changeHeader(in: language), rows: RenewalRenderer.changeRows(report))
        try RosterOutput.write(
            header: RosterTable.header(in: language, officeColumns: RosterTable.officeColumns(renewal.plan)),
            rows: RosterTable.rows(renewal.plan, termStart: renewal.term.start, pairTerms: renewal.pairTerms, language: language),
            to: target, overwrite: force, inputs: request.inputFiles, language: language)
        do {
            // Chinese files carry a BOM so that Excel on Chinese Windows opens them as UTF-8.
            try AtomicFile.write(changes, to: changesPath, overwrite: force, byteOrderMark: language == .zh)
        } catch {
            Console.writeFailure(error, language: language)
            throw ExitCode(2)
        }
        switch output.format {
        case .text:
            print(RenewalRenderer.render(report, details: solver.verbose), terminator: "")
            print(language == .zh ? "调整后的名册已写入 \(target)，变更清单已写入 \(changesPath)"
                                  : "Renewed roster written to \(target), change list to \(changesPath)")
        case .json:
            print(try JSONRenderer.render(report), terminator: "")
        }
        if Interrupt.requested { throw ExitCode(130) }
    }

    /// Why a renewal cannot be made as asked, naming the flags to change.
    static func message(_ error: RenewalError, asOf day: Day, previous: String, language: Language) -> String {
        switch error {
        case .asOfBeforeTerm(let start):
            language == .zh
                ? "--as-of \(day) 早于原名册任期的开始日期 \(start)：请给出任期内或之后的日期"
                : "--as-of \(day) is before the previous roster's term begins (\(start)): give a date within or after that term"
        case .previousTermUnknown:
            language == .zh
                ? "\(previous) 没有任期开始日期（term_start 列），区县的 policy.toml 也没有 term_start：无法确定原名册属于哪一届。请在 policy.toml 写 term_start = 2024-09-01，或用 --term-start 给出原名册的任期开始日期"
                : "\(previous) has no term_start column and the district's policy.toml no term_start: the previous roster's term is unknown. Write term_start = 2024-09-01 in policy.toml, or give the previous term's start with --term-start"
        case .earlyNewTerm(let ends):
            language == .zh
                ? "原任期到 \(ends) 才结束：--as-of \(day) 开始新任期会提前结束原任期、所有人的连任届数加一。如确需提前换届，请同时加 --early；年度调整请去掉 --new-term"
                : "the previous term runs until \(ends): a new term as of \(day) cuts it short and advances everyone's term count. Add --early to confirm, or drop --new-term for a yearly adjustment"
        }
    }
}
