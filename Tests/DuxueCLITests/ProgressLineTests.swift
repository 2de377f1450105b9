import DuxueDomain
import DuxueInput
import DuxueSynth
import Foundation
import Testing

/// The progress line: shown on a terminal, silenced by `--quiet`, never written into a pipe.
@Suite("Progress line on a terminal")
struct ProgressLineTests {
    /// Writes a generated 400-school district short of inspectors (P1 branches, so GLPK reports
    /// progress) into the scratch folder.
    static func district(in cli: CLIRunner) throws -> String {
        let folder = cli.scratch.appendingPathComponent("short400")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = DistrictGenerator.Configuration(
            schools: 400, pool: .short, seed: 7, termStart: Day(iso: "2027-09-01")!)
        let district = try DistrictGenerator(configuration).generate().district
        for (name, rows) in [(DistrictTables.schoolsFile, DistrictTables.schools(district, language: .english)),
                             (DistrictTables.inspectorsFile, DistrictTables.inspectors(district, language: .english))] {
            try CSVWriter.document(header: rows[0], rows: Array(rows.dropFirst()))
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "term_start = 2027-09-01\n".write(to: folder.appendingPathComponent("policy.toml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    /// Runs `duxue` with stderr on a pseudo-terminal and returns what the terminal received.
    ///
    /// The terminal is util-linux `script` (package bsdutils, essential on Debian and Ubuntu): Swift's
    /// Glibc module hides `posix_openpt`, and `ioctl` is variadic, so the test cannot open one itself.
    static func runOnTerminal(_ arguments: [String], in cli: CLIRunner) throws -> (status: Int32, terminal: String) {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux script(1) is needed for this test")
        let quoted = ([CLIRunner.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = script
        // -q no banner, -e the child's exit status, -c the command; stdout discarded so only stderr
        // reaches the terminal; the typescript file is /dev/null, the terminal's output is ours.
        // The primal heuristics off, so that the levels are searched and the line has something to show
        // (with them on, every level of this district is proven at the root since relax and fix's fixed
        // binary columns hold).
        process.arguments = ["-q", "-e", "-c",
                             "exec env DUXUE_HEURISTIC=off DUXUE_REPAIR=off DUXUE_CROSSING_REPAIR=off " + quoted.joined(separator: " ") + " >/dev/null",
                             "/dev/null"]
        process.currentDirectoryURL = cli.scratch
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let received = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: received, as: UTF8.self))
    }

    @Test func shownOnATerminal() throws {
        let cli = try CLIRunner()
        let district = try Self.district(in: cli)
        let run = try Self.runOnTerminal(["plan", district, "--out", "r.csv", "--lang", "en"], in: cli)
        #expect(run.status == 0)
        // One line rewritten in place: carriage return + erase-line, then level, incumbent, bound, gap, nodes, time.
        #expect(["P1a", "P1b", "P3", "P4", "P4b"].contains { run.terminal.contains("\r\u{1B}[K\($0) incumbent ") })
        #expect(run.terminal.contains(" bound "))
        // A search with no bound yet shows a dash, not GLPK's ±DBL_MAX or ±inf.
        #expect(!run.terminal.contains("e+308") && !run.terminal.contains("inf "), "\(run.terminal)")
        #expect(run.terminal.contains(" gap "))
        #expect(run.terminal.contains(" nodes "))
        // Never a new line per update: the updates are overwritten, so no line starts with a level.
        #expect(!run.terminal.contains("\nP1a incumbent"))
    }

    @Test func chineseOnATerminal() throws {
        let cli = try CLIRunner()
        let district = try Self.district(in: cli)
        let run = try Self.runOnTerminal(["plan", district, "--out", "r.csv", "--lang", "zh"], in: cli)
        #expect(run.status == 0)
        #expect(["P1a", "P1b", "P3", "P4", "P4b"].contains { run.terminal.contains("\r\u{1B}[K\($0) 当前最好 ") })
        #expect(run.terminal.contains(" 节点 "))
    }

    @Test func quietSilencesIt() throws {
        let cli = try CLIRunner()
        let district = try Self.district(in: cli)
        let run = try Self.runOnTerminal(["plan", district, "--out", "r.csv", "--lang", "en", "--quiet"], in: cli)
        #expect(run.status == 0)
        #expect(!run.terminal.contains("incumbent"))
        #expect(!run.terminal.contains("\u{1B}[K"))
    }

    @Test func neverWrittenIntoAPipe() throws {
        let cli = try CLIRunner()
        let district = try Self.district(in: cli)
        let run = try cli.run(["plan", district, "--out", "r.csv", "--lang", "en"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("incumbent"))
        #expect(!run.stderr.contains("\u{1B}[K"))
    }
}
