import DuxueDomain
import DuxueRecord
import DuxueWorkflows
import Foundation

/// A scratch folder with a small hand-made district: schools S1…S10 in one zone, part-timers A, B, C,
/// G, H and the full-timer F; `consecutive_terms` is left out (the record derives it) unless given.
struct Scratch {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A path inside the scratch folder.
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Writes a file (folders created).
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The district folder `name` with the pool; `terms` gives a consecutive_terms column (by id).
    @discardableResult
    func district(_ name: String = "d", terms: [String: Int]? = nil, termStart: String = "2027-09-01") throws -> String {
        var schools = "id,name,enrollment,zone\n"
        for n in 1...10 { schools += "S\(n),学校\(n),\(300 + n),城区\n" }
        try write("\(name)/schools.csv", schools)
        let people = [("A", "甲", "part_time"), ("B", "乙", "part_time"), ("C", "丙", "part_time"), ("F", "丁", "full_time"),
                      ("G", "戊", "part_time"), ("H", "己", "part_time")]
        var pool = "id,name,employment,status,zone" + (terms == nil ? "" : ",consecutive_terms") + "\n"
        for (id, person, employment) in people {
            pool += "\(id),\(person),\(employment),in_service,城区" + (terms.map { ",\($0[id] ?? 0)" } ?? "") + "\n"
        }
        try write("\(name)/inspectors.csv", pool)
        try write("\(name)/policy.toml", "preset = \"national\"\nterm_start = \(termStart)\n")
        return path(name)
    }

    /// A roster file: `holders` gives each school's inspector, S1… in order.
    @discardableResult
    func roster(_ name: String, _ holders: [String], termStart: String? = nil) throws -> String {
        var text = "school_id,inspector_id" + (termStart == nil ? "" : ",term_start") + "\n"
        for (index, holder) in holders.enumerated() {
            text += "S\(index + 1),\(holder)" + (termStart.map { ",\($0)" } ?? "") + "\n"
        }
        return try write(name, text)
    }
}

/// The three terms of the known answer: A part-time in all three, B in the last two, C in the first and
/// the last (a gap between), F full-time throughout.
enum KnownHistory {
    static let terms = ["2018-09-01", "2021-09-01", "2024-09-01"]
    static let holders: [[String]] = [
        ["A", "A", "C", "C", "F", "F", "F", "F", "F", "F"],
        ["A", "A", "B", "B", "F", "F", "F", "F", "F", "F"],
        ["A", "A", "B", "B", "C", "C", "F", "F", "F", "F"],
    ]

    /// Records the three terms into the district at `district` through the workflow.
    static func record(into district: String, scratch: Scratch) throws {
        for (index, start) in terms.enumerated() {
            let file = try scratch.roster("rosters/term-\(start).csv", holders[index])
            _ = try Workflows.record(RecordRequest(
                district: DistrictSource(path: district, termStart: Day(iso: start)), roster: file, recordedAt: "2027-01-0\(index + 1)T00:00:00Z",
                language: .en))
        }
    }
}

extension Day {
    /// A day from ISO text, for tests.
    static func iso(_ text: String) -> Day {
        guard let day = Day(iso: text) else { fatalError("bad test date \(text)") }
        return day
    }
}
