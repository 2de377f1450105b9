import DuxueDomain
import DuxueInput
import DuxuePlanner
import ArgumentParser
import Foundation
import Synchronization

/// Standard error output.
enum Console {
    /// Whether stderr is a terminal (progress lines only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// One updating progress line on stderr: level, incumbent, bound, gap, nodes, elapsed.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let language: Language
    private let last = Mutex<Double>(-1)

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
        let line = language == .zh
            ? "\(progress.level.rawValue) 当前最好 \(incumbent) 界 \(String(format: "%.1f", s.bound)) 差距 \(gap) 节点 \(s.nodes) 用时 \(String(format: "%.1f", progress.elapsed)) 秒"
            : "\(progress.level.rawValue) incumbent \(incumbent) bound \(String(format: "%.1f", s.bound)) gap \(gap) nodes \(s.nodes) \(String(format: "%.1f", progress.elapsed)) s"
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

/// Output file names: never an input file, never an existing file without --force.
enum OutputPath {
    /// The roster path to write.
    static func resolve(_ requested: String?, district: String, force: Bool, language: Language) throws -> String {
        let fileManager = FileManager.default
        let folder = URL(fileURLWithPath: district).standardized
        let inputs = ["schools.csv", "inspectors.csv", "policy.toml"].map { folder.appendingPathComponent($0).path }
        if let requested {
            let path = URL(fileURLWithPath: requested).standardized.path
            if inputs.contains(path) {
                Console.error(language == .zh ? "--out \(requested) 是输入文件，不能覆盖；请换一个文件名" : "--out \(requested) is an input file and is never overwritten: choose another name")
                throw ExitCode(2)
            }
            if fileManager.fileExists(atPath: requested) && !force {
                Console.error(language == .zh ? "\(requested) 已存在；如需覆盖请加 --force" : "\(requested) exists: add --force to overwrite it, or choose another name")
                throw ExitCode(2)
            }
            return requested
        }
        let base = folder.lastPathComponent + "-roster"
        var candidate = base + ".csv"
        var number = 2
        while fileManager.fileExists(atPath: candidate) {
            candidate = "\(base)-\(number).csv"
            number += 1
        }
        return candidate
    }

    /// `model.mps` → `model-P1a.mps`.
    static func levelPath(_ path: String, _ level: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        return url.deletingPathExtension().path + "-\(level)." + ext
    }
}
