import DuxueInput
import Foundation

/// Why an output path is refused.
public enum OutputPathError: Error, Hashable, Sendable {
    /// The path is one of the run's inputs (also through `..` or a link): never overwritten.
    case isInput(String)
    /// The file exists and overwriting was not asked for.
    case exists(String)
}

/// Output file names: never an input file, never an existing file unless overwriting is asked for.
public enum OutputPaths {
    /// The path to write: `requested`, or `<district>-<stem>.csv` in `folder` (the current folder when
    /// `nil`), numbered if it exists (a number is free only if its companions `x-<suffix>.csv` are free too).
    public static func resolve(_ requested: String?, district: String, overwrite: Bool, stem: String = "roster",
                               inputs: [String], companions: [String] = [], folder outputFolder: String? = nil) throws(OutputPathError) -> String {
        let fileManager = FileManager.default
        if let requested {
            if names(requested, oneOf: inputs) { throw .isInput(requested) }
            if fileManager.fileExists(atPath: requested) && !overwrite { throw .exists(requested) }
            return requested
        }
        let folder = URL(fileURLWithPath: district).standardized
        // A district given as a workbook names its outputs after the workbook, without ".xlsx".
        let name = (TableFiles.isWorkbook(district) ? folder.deletingPathExtension() : folder).lastPathComponent + "-" + stem
        let base = outputFolder.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path } ?? name
        var candidate = base + ".csv"
        var number = 2
        func taken(_ path: String) -> Bool {
            ([path] + companions.map { String(path.dropLast(4)) + "-\($0).csv" }).contains { fileManager.fileExists(atPath: $0) }
        }
        while taken(candidate) {
            candidate = "\(base)-\(number).csv"
            number += 1
        }
        return candidate
    }

    /// A file written beside another: `x.csv` + `changes` → `x-changes.csv`; refused when it is an input
    /// or exists without `overwrite`.
    public static func companion(of path: String, suffix: String, overwrite: Bool, inputs: [String]) throws(OutputPathError) -> String {
        let lowered = path.lowercased()
        let stem = lowered.hasSuffix(".csv") ? String(path.dropLast(4)) : lowered.hasSuffix(".xlsx") ? String(path.dropLast(5)) : path
        let companion = stem + "-\(suffix).csv"
        if names(companion, oneOf: inputs) { throw .isInput(companion) }
        if FileManager.default.fileExists(atPath: companion) && !overwrite { throw .exists(companion) }
        return companion
    }

    /// Whether `path` is one of `inputs` (``InputPaths/names(_:oneOf:)``).
    public static func names(_ path: String, oneOf inputs: [String]) -> Bool { InputPaths.names(path, oneOf: inputs) }
}
