import DuxueDomain
import DuxueInput
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
        return files
    }

    /// Reads the policy and the district. `fallback` is the term start when none is given explicitly
    /// (e.g. the one a roster records); `readOn` the date the district's dates are checked against
    /// (retired_on), the term start unless given. Warnings include a term start taken from today.
    public func load(termStart fallback: Day? = nil, readOn: Day? = nil) throws(InputError) -> LoadedDistrict {
        let policy = try PolicyReader.load(district: path, option: self.policy, termStart: termStart ?? fallback)
        var reading = policy
        if let readOn { reading.termStart = readOn }
        var load = try DistrictReader.read(folder: path, policy: reading)
        // Titles name the district as its policy does (区县名称), not by its folder.
        if let name = policy.districtName, !name.isEmpty { load.district.name = name }
        var warnings = load.warnings
        if !policy.termStartStated {
            let file = self.policy.flatMap { Presets.named($0.lowercased()) == nil ? $0 : nil }
                ?? DistrictPolicy.policyPath(district: path)
            warnings.insert(InputProblem(file: file, line: nil, severity: .warning, kind: .termStartNotStated(today: policy.termStart)), at: 0)
        }
        return LoadedDistrict(district: load.district, policy: policy, warnings: warnings)
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
}
