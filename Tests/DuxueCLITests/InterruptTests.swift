import DuxueDomain
import DuxueInput
import DuxueSynth
import Foundation
import Testing

/// Ctrl-C during a long solve keeps the best roster so far and exits 130.
@Suite("SIGINT during a solve")
struct InterruptTests {
    @Test func interruptKeepsBestRoster() throws {
        let cli = try CLIRunner()
        let folder = cli.scratch.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // 3,000 schools with too few full-time people and zones required, searched without the
        // relax-and-fix heuristic: its P4b level alone searches for many seconds (benchmarks/README.md,
        // "Relax and fix"), so the signal always arrives during a solve, however fast the machine.
        let configuration = DistrictGenerator.Configuration(
            schools: 3000, pool: .shortOfFullTime, seed: 7, termStart: Day(iso: "2027-09-01")!)
        let district = try DistrictGenerator(configuration).generate().district
        for (name, rows) in [(DistrictTables.schoolsFile, DistrictTables.schools(district, language: .english)),
                             (DistrictTables.inspectorsFile, DistrictTables.inspectors(district, language: .english))] {
            try CSVWriter.document(header: rows[0], rows: Array(rows.dropFirst()))
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "preset = \"combined\"\nterm_start = 2027-09-01\nzones = \"require\"\n"
            .write(to: folder.appendingPathComponent("policy.toml"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["plan", folder.path, "--out", "r.csv", "--lang", "en", "--quiet"]
        process.currentDirectoryURL = cli.scratch
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        process.environment = ProcessInfo.processInfo.environment.merging(["DUXUE_HEURISTIC": "off"]) { $1 }
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let roster = try cli.read("r.csv").split(separator: "\n")
        #expect(roster.count == 3001)
    }
}
