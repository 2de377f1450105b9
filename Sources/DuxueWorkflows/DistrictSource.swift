import DuxueDomain
import DuxueInput
import DuxueRecord
import Foundation

/// A district as a command names it: its folder or workbook, the policy asked for, and a term start
/// given on the command line.
public struct DistrictSource: Sendable {
    /// The district folder, or a workbook holding its tables.
    public var path: String
    /// A preset name or a policy file, replacing the district's own rules; `nil` = the district's own.
    public var policy: String?
    /// A term start given explicitly (it wins over every file).
    public var termStart: Day?

    /// A source.
    public init(path: String, policy: String? = nil, termStart: Day? = nil) {
        self.path = path
        self.policy = policy
        self.termStart = termStart
    }

    /// Every file a run on this district reads: its tables, its policy file, and a policy file given
    /// instead (not a preset name). Outputs are never written over any of them.
    public var inputFiles: [String] {
        var files = TableFiles.inputFiles(district: path)
        var isFolder: ObjCBool = false
        if let policy, FileManager.default.fileExists(atPath: policy, isDirectory: &isFolder), !isFolder.boolValue {
            files.append(policy)
        }
        files.append(recordPath)
        return files
    }

    /// Where the district's roster of record lives (``DistrictRecord/path(district:)``), whether or not it
    /// exists yet.
    public var recordPath: String { DistrictRecord.path(district: path) }

    /// The district's roster of record, read into memory, or `nil` when it has none (or holds no roster
    /// yet: an empty record derives nothing). A record written by a newer version, or one that cannot be
    /// read, is an ``InputError`` naming the file.
    public func recordHistory() throws(InputError) -> RecordHistory? {
        do {
            guard let history = try DistrictRecord.openIfExists(district: path)?.history(), !history.current.isEmpty else { return nil }
            return history
        } catch {
            throw .invalid([Self.problem(error, file: recordPath)])
        }
    }

    /// A record error as an input problem of the record file.
    static func problem(_ error: RecordError, file: String) -> InputProblem {
        InputProblem(file: file, line: nil, kind: .record(english: error.message(in: .en), chinese: error.message(in: .zh)))
    }

    /// Reads the policy and the district. `fallback` is the term start when none is given explicitly
    /// (e.g. the one a roster records); `readOn` the date the district's dates are checked against
    /// (retired_on), the term start unless given. Warnings include a term start taken from today.
    /// With `recording` (the district is read to record a roster, which starts the record) the
    /// `consecutive_terms` column is optional even before the record exists. `record` is the record
    /// already read by ``recordHistory()`` (so that a caller reading it too reads it once); `nil` reads it.
    public func load(termStart fallback: Day? = nil, readOn: Day? = nil, recording: Bool = false,
                     record: Result<RecordHistory?, InputError>? = nil) throws(InputError) -> LoadedDistrict {
        let policy = try PolicyReader.load(district: path, option: self.policy, termStart: termStart ?? fallback)
        var reading = policy
        if let readOn { reading.termStart = readOn }
        let history: RecordHistory?
        if let record { history = try record.get() } else { history = try recordHistory() }
        var load = try DistrictReader.read(folder: path, policy: reading, termsFromRecord: history != nil || recording)
        // Titles name the district as its policy does (区县名称), not by its folder.
        if let name = policy.districtName, !name.isEmpty { load.district.name = name }
        var written: [Inspector.ID: Int] = [:]
        for person in load.district.inspectors where !load.termsNotWritten.contains(person.id) {
            written[person.id] = person.consecutiveTerms
        }
        var warnings = load.warnings
        if let history {
            warnings += Self.deriveTerms(from: history, into: &load, written: written, before: policy.termStart, years: policy.termYears)
        }
        if !policy.termStartStated {
            let file = self.policy.flatMap { Presets.named($0.lowercased()) == nil ? $0 : nil }
                ?? DistrictPolicy.policyPath(district: path)
            warnings.insert(InputProblem(file: file, line: nil, severity: .warning, kind: .termStartNotStated(today: policy.termStart)), at: 0)
        }
        return LoadedDistrict(district: load.district, policy: policy, warnings: warnings, record: history,
                              writtenTerms: written)
    }

    /// Sets each inspector's consecutive part-time terms before the term starting `start` from the record
    /// (``RecordHistory/consecutivePartTimeTerms(of:before:years:written:)``, the column as opening
    /// balance), and warns where the column contradicts the recorded terms: the record wins.
    static func deriveTerms(from history: RecordHistory, into load: inout DistrictLoad, written: [Inspector.ID: Int],
                            before start: Day, years: Int) -> [InputProblem] {
        var warnings: [InputProblem] = []
        for index in load.district.inspectors.indices {
            let id = load.district.inspectors[index].id
            // A full-timer's count is read by no rule (R6 limits part-time terms): a written value stays, unwarned.
            if load.district.inspectors[index].employment == .fullTime && written[id] != nil { continue }
            guard let derived = history.consecutivePartTimeTerms(of: id, before: start, years: years, written: written[id])
            else { continue }
            load.district.inspectors[index].consecutiveTerms = derived.count
            load.district.inspectors[index].recordedTerms = derived.streak
            if derived.disagrees, let value = written[id] {
                warnings.append(InputProblem(
                    file: load.inspectorsFile, sheet: load.inspectorsSheet, line: load.inspectorLines[id], column: load.termsColumn,
                    severity: .warning,
                    kind: .termsDisagreeWithRecord(key: "consecutive_terms", id: id.rawValue, written: value, recorded: derived.count,
                                                   terms: derived.replayed.map(\.start))))
            }
        }
        return warnings
    }
}

/// A district read for a run: its schools and pool, the policy in force, and what to warn about.
public struct LoadedDistrict: Sendable {
    /// Schools and pool.
    public var district: District
    /// The policy.
    public var policy: Policy
    /// Warnings of the district's files and policy.
    public var warnings: [InputProblem]
    /// The district's roster of record, when it has one (term counts were derived from it).
    public var record: RecordHistory?
    /// The pool's `consecutive_terms` as written, by inspector (absent where not written).
    public var writtenTerms: [Inspector.ID: Int] = [:]
}
