import DuxueDomain
import DuxueInput
import DuxueRecord
import DuxueSynth
import DuxueTestSupport
import Foundation
import Testing

/// The built `duxue record` as separate processes: killed at many points of a large import, and two at
/// once on the same record.
@Suite(.serialized) struct ProcessTests {
    /// Writes a generated district (schools.csv, inspectors.csv, policy.toml, previous-roster.csv).
    static func generate(into folder: URL, schools: Int, seed: UInt64) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = DistrictGenerator.Configuration(schools: schools, pool: .ample, seed: seed, termStart: .iso("2027-09-01"))
        configuration.previousChurn = 0.05
        let generated = try DistrictGenerator(configuration).generate()
        var tables = [(DistrictTables.schoolsFile, DistrictTables.schools(generated.district, language: .english)),
                      (DistrictTables.inspectorsFile, DistrictTables.inspectors(generated.district, language: .english))]
        if let previous = generated.previous {
            tables.append((DistrictTables.previousRosterFile,
                           DistrictTables.previousRoster(previous, district: generated.district, language: .english)))
        }
        for (name, rows) in tables {
            try CSVWriter.document(header: rows[0], rows: Array(rows.dropFirst()))
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "term_start = 2027-09-01\n".write(to: folder.appendingPathComponent("policy.toml"), atomically: true, encoding: .utf8)
    }

    /// Starts `duxue` with `arguments` (output discarded).
    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = DuxueExecutable.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The record's content without the times it was written: rows per table and each roster's term,
    /// day, version and lines.
    static func content(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return ["no record"] }
        let record = try DistrictRecord.open(path: path)
        let counts = try record.rowCounts().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let rosters = try record.rosters().map { r in
            "\(r.term.start) \(r.effectiveOn) v\(r.version) \(r.isCurrent) \(r.assignments.count) \(r.assignments.map { $0.school.rawValue + ($0.inspector?.rawValue ?? "") }.joined().hashValue)"
        }
        return counts + rosters
    }

    static func copyRecord(from source: URL, to target: URL) throws {
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            let to = URL(fileURLWithPath: target.path + suffix)
            if fm.fileExists(atPath: to.path) { try fm.removeItem(at: to) }
            let from = URL(fileURLWithPath: source.path + suffix)
            if fm.fileExists(atPath: from.path) { try fm.copyItem(at: from, to: to) }
        }
    }

    /// 3 000 schools: the record holds the 2021 term; recording the 2024 term is killed (SIGKILL) at
    /// points spread over a whole run. After each kill the record opens and holds exactly what it held
    /// before, or exactly what a finished run leaves.
    @Test func killedAnywhereTheRecordIsBeforeOrAfter() throws {
        let scratch = try Scratch()
        let district = scratch.root.appendingPathComponent("big")
        try Self.generate(into: district, schools: 3000, seed: 11)
        let recordURL = district.appendingPathComponent(DistrictRecord.fileName)
        let baseline = scratch.root.appendingPathComponent("baseline.sqlite")
        let first = try Self.start(
            ["record", district.path, "--roster", "big/previous-roster.csv", "--term-start", "2021-09-01", "--lang", "en"], in: scratch.root)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        try Self.copyRecord(from: recordURL, to: baseline)
        let before = try Self.content(recordURL.path)
        let arguments = ["record", district.path, "--roster", "big/previous-roster.csv", "--term-start", "2024-09-01", "--lang", "en"]
        // A whole run, for its length and for the state it leaves.
        let began = Date()
        let whole = try Self.start(arguments, in: scratch.root)
        whole.waitUntilExit()
        let length = Date().timeIntervalSince(began)
        #expect(whole.terminationStatus == 0)
        let after = try Self.content(recordURL.path)
        #expect(after != before)

        var outcomes: [String: Int] = [:]
        var results: [(fraction: Double, after: Bool)] = []
        func killed(at fraction: Double) throws {
            try Self.copyRecord(from: baseline, to: recordURL)
            let process = try Self.start(arguments, in: scratch.root)
            Thread.sleep(forTimeInterval: length * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Self.content(recordURL.path)
            #expect(now == before || now == after, "kill at \(fraction): \(now)")
            results.append((fraction, now == after))
            outcomes[now == before ? "before" : now == after ? "after" : "other", default: 0] += 1
        }
        // A sweep over the whole run, then kills packed between the last kill that left the record as
        // before and the first that left it as after: where the write transaction runs.
        let sweep = 16, packed = 24
        for index in 0..<sweep { try killed(at: 1.2 * Double(index) / Double(sweep - 1)) }
        // The sweep's first kill that left the record as after, and the last before it that did not.
        let high = results.first(where: \.after)?.fraction ?? 1.6
        let low = results.filter { !$0.after && $0.fraction < high }.map(\.fraction).max() ?? 0
        for index in 0..<packed { try killed(at: low + (high - low) * Double(index) / Double(packed - 1)) }
        #expect(outcomes["before", default: 0] >= 1)
        #expect(outcomes["other"] == nil)
        print("kill test: \(sweep + packed) kills over \(String(format: "%.2f", length)) s runs, the last \(packed) between \(String(format: "%.3f", low)) and \(String(format: "%.3f", high)) of a run: \(outcomes)")
    }

    /// Two processes record different terms into the same record at once (the first creating it): each
    /// lands, or fails cleanly with exit 2 and a message; whatever landed is complete and nothing is lost.
    @Test func twoWritersAtOnceBothLandOrOneFailsCleanly() throws {
        let scratch = try Scratch()
        let district = scratch.root.appendingPathComponent("mid")
        try Self.generate(into: district, schools: 800, seed: 5)
        let recordPath = district.appendingPathComponent(DistrictRecord.fileName).path
        for round in 0..<3 {
            let terms = ["20\(12 + round * 6)-09-01", "20\(15 + round * 6)-09-01"]
            let processes = try terms.map { start in
                let process = Process()
                process.executableURL = DuxueExecutable.url
                process.arguments = ["record", district.path, "--roster", "mid/previous-roster.csv", "--term-start", start, "--lang", "en"]
                process.currentDirectoryURL = scratch.root
                process.standardOutput = FileHandle.nullDevice
                let errors = scratch.root.appendingPathComponent("stderr-\(start)")
                _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: errors)
                try process.run()
                return (process, errors, start)
            }
            var landed: [String] = []
            for (process, errors, start) in processes {
                process.waitUntilExit()
                let text = try String(contentsOf: errors, encoding: .utf8)
                if process.terminationStatus == 0 {
                    landed.append(start)
                } else {
                    #expect(process.terminationStatus == 2)
                    #expect(text.contains("roster of record"), "\(text)")
                }
            }
            let record = try DistrictRecord.open(path: recordPath)
            let recorded = try record.rosters().map(\.term.start.description)
            let expected = Set(landed)
            #expect(Set(recorded).isSuperset(of: expected))
            #expect(landed.count == 2, "round \(round): \(landed)")
            for roster in try record.rosters() { #expect(roster.assignments.count > 700) }
        }
        #expect(try DistrictRecord.open(path: recordPath).rosters().count == 6)
    }
}
