import DuxueDomain
import DuxueFiling
import DuxueGLPK
import DuxueInput
import DuxuePlanner
import DuxueReport
import DuxueWorkflows
import ArgumentParser
import Foundation
import DuxueConcurrency
import Synchronization  // Atomic, for the signal handler (a lock is not async-signal-safe)

/// Standard error output.
enum Console {
    /// Whether stderr is a terminal (progress lines only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints why an output file could not be written; a file that exists is told about `--force` here,
    /// since the libraries name no options.
    static func writeFailure(_ error: any Error, language: Language) {
        let existing: String? = switch error {
        case AtomicFileError.exists(let path): path
        case RosterWorkbookError.exists(let path): path
        default: nil
        }
        if let existing {
            Self.error(language == .zh ? "\(existing) 已存在；如需覆盖请加 --force"
                                  : "\(existing) exists: add --force to overwrite it, or choose another name")
        } else if let error = error as? RosterWorkbookError {
            Self.error(error.message(in: language))
        } else {
            Self.error("\(error)")
        }
    }
}

/// One updating progress line on stderr: level, incumbent, bound, gap, nodes, elapsed.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let language: Language
    private let last = Locked<Double>(-1)

    init(enabled: Bool, language: Language) {
        self.enabled = enabled
        self.language = language
    }

    func show(_ progress: PlanProgress) {
        guard enabled else { return }
        let due = last.withLock { last -> Bool in
            guard progress.elapsed - last >= 0.25 else { return false }
            last = progress.elapsed
            return true
        }
        guard due else { return }
        let s = progress.solver
        let incumbent = s.incumbent.map { String(format: "%.0f", $0) } ?? "–"
        let gap = s.gap.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        // No bound yet (a search before its root LP reports ±∞, or GLPK's ±DBL_MAX): a dash, not −1.8e308.
        let bound = s.bound.isFinite && abs(s.bound) < 1e300 ? String(format: "%.1f", s.bound) : "–"
        let line = language == .zh
            ? "\(progress.level.rawValue) 当前最好 \(incumbent) 界 \(bound) 差距 \(gap) 节点 \(s.nodes) 用时 \(String(format: "%.1f", progress.elapsed)) 秒"
            : "\(progress.level.rawValue) incumbent \(incumbent) bound \(bound) gap \(gap) nodes \(s.nodes) \(String(format: "%.1f", progress.elapsed)) s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// SIGINT during a solve: stop the search and keep the best roster so far (exit 130).
enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Whether Ctrl-C was pressed.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Installs the handler; a second Ctrl-C ends the process at once.
    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.flag.exchange(true, ordering: .relaxed) { _exit(130) }
        }
        // A parent may have blocked SIGINT (the mask is inherited); unblock it so Ctrl-C reaches us.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// Output file names (the rules are ``OutputPaths``'): a refused name is printed with the flag to
/// change, and ends the process with 2.
enum OutputPath {
    /// The roster path to write (see ``OutputPaths/resolve(_:district:overwrite:stem:inputs:companions:)``).
    static func resolve(_ requested: String?, district: String, force: Bool, language: Language, stem: String = "roster",
                        inputs: [String], companions: [String] = [], folder: String? = nil) throws -> String {
        do {
            return try OutputPaths.resolve(requested, district: district, overwrite: force, stem: stem, inputs: inputs,
                                           companions: companions, folder: folder)
        } catch {
            throw refuse(error, flag: "--out", language: language)
        }
    }

    /// A file written beside another (`x-changes.csv`).
    static func companion(of path: String, suffix: String, force: Bool, inputs: [String], language: Language) throws -> String {
        do {
            return try OutputPaths.companion(of: path, suffix: suffix, overwrite: force, inputs: inputs)
        } catch {
            throw refuse(error, flag: "--out", language: language)
        }
    }

    /// Prints why a path is refused and returns exit code 2.
    static func refuse(_ error: OutputPathError, flag: String, language: Language) -> ExitCode {
        switch error {
        case .isInput(let path):
            Console.error(language == .zh ? "\(flag) \(path) 是输入文件，不能覆盖；请换一个文件名"
                                          : "\(flag) \(path) is an input file and is never overwritten: choose another name")
        case .exists(let path):
            Console.error(language == .zh ? "\(path) 已存在；如需覆盖请加 --force"
                                          : "\(path) exists: add --force to overwrite it, or choose another name")
        }
        return ExitCode(2)
    }

    /// `model.mps` → `model-P1a.mps`.
    static func levelPath(_ path: String, _ level: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        return url.deletingPathExtension().path + "-\(level)." + ext
    }
}

/// How a failed solve ends the process, in one place for every command that plans.
enum SolveFailure {
    /// Prints `error` and returns the exit code: 2 when an `--export-model` file cannot be written (the
    /// user's output, like any other), 3 for a GLPK fault or any other failure inside the solve.
    static func exitCode(for error: any Error, language: Language = .zh) -> ExitCode {
        if let error = error as? InputError {
            Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
            return ExitCode(2)
        }
        if let error = error as? PairRulesError {
            let text = Text(language)
            for problem in error.problems { Console.error(text.pairProblem(problem)) }
            return ExitCode(2)
        }
        if let error = error as? GLPKError {
            Console.error(error.description)
            if case .cannotWrite = error { return ExitCode(2) }
            return ExitCode(3)
        }
        Console.error("internal error during the solve: \(error)")
        return ExitCode(3)
    }
}
