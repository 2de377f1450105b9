import DuxueDomain
import DuxueInput
import DuxueSynth
import Foundation
import Testing

/// `duxue plan` gives the same roster CSV and the same JSON report (all but its seconds) on every run,
/// with the level's two runs side by side or taking turns, and pinned to one core.
@Suite("duxue plan: same input, same output")
struct SameRosterTests {
    /// The JSON report without its wall-clock seconds (the only figures that may differ).
    static func withoutSeconds(_ json: String) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object["seconds"] = nil
        object["levels"] = (object["levels"] as? [[String: Any]])?.map { level in level.filter { $0.key != "seconds" } }
        if var improvement = object["improvement"] as? [String: Any] {
            improvement["seconds"] = nil
            object["improvement"] = improvement
        }
        #expect(object["reproducible"] as? Bool == true)
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func repeatedRunsOnOneOrTwoCoresAgree() throws {
        let cli = try CLIRunner()
        let folder = cli.scratch.appendingPathComponent("district")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // 400 schools short of full-time staff, searched without the heuristic: P1a needs a real search
        // (both runs of the race take part).
        let configuration = DistrictGenerator.Configuration(
            schools: 400, pool: .shortOfFullTime, seed: 3, termStart: Day(iso: "2027-09-01")!)
        let district = try DistrictGenerator(configuration).generate().district
        for (name, rows) in [(DistrictTables.schoolsFile, DistrictTables.schools(district, language: .english)),
                             (DistrictTables.inspectorsFile, DistrictTables.inspectors(district, language: .english))] {
            try CSVWriter.document(header: rows[0], rows: Array(rows.dropFirst()))
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "preset = \"combined\"\nterm_start = 2027-09-01\nzones = \"prefer\"\n"
            .write(to: folder.appendingPathComponent("policy.toml"), atomically: true, encoding: .utf8)

        let taskset = ["/usr/bin/taskset", "/bin/taskset"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var outputs: [(label: String, csv: String, json: String)] = []
        let modes: [(String, [String: String], Bool)] = [
            ("two threads", [:], false), ("again", [:], false), ("taking turns", ["DUXUE_SEARCH": "in-turn"], false),
        ] + (taskset == nil ? [] : [("one core", [:], true)])
        for (index, (label, environment, pinned)) in modes.enumerated() {
            let out = "roster-\(index).csv"
            let arguments = ["plan", folder.path, "--out", out, "--lang", "en", "--quiet", "--format", "json"]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pinned ? taskset ?? "" : CLIRunner.executable.path)
            process.arguments = pinned ? ["-c", "0", CLIRunner.executable.path] + arguments : arguments
            process.currentDirectoryURL = cli.scratch
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardError = Pipe()
            process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["DUXUE_HEURISTIC": "off"]) { $1 }) { $1 }
            try process.run()
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(label)")
            outputs.append((label, try cli.read(out), try Self.withoutSeconds(String(decoding: data, as: UTF8.self))))
        }
        let first = outputs[0]
        #expect(first.csv.split(separator: "\n").count == 401)
        for other in outputs.dropFirst() {
            #expect(other.csv == first.csv, "\(other.label)")
            #expect(other.json == first.json, "\(other.label)")
        }
    }
}
