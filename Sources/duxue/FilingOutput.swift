import ArgumentParser
import DuxueDomain
import DuxueFiling
import DuxueWorkflows
import Foundation

extension OutputPath {
    /// A `--filing` path: never one of `inputs` (district files, policy, roster), never an existing file
    /// without --force.
    static func filing(_ requested: String, inputs: [String], force: Bool, language: Language) throws
        -> (String, FilingFormat)
    {
        guard let format = FilingFormat(path: requested) else {
            throw ValidationError("--filing \(requested): the file name must end in .xlsx or .html")
        }
        if OutputPaths.names(requested, oneOf: inputs) { throw refuse(.isInput(requested), flag: "--filing", language: language) }
        if FileManager.default.fileExists(atPath: requested) && !force { throw refuse(.exists(requested), flag: "--filing", language: language) }
        return (requested, format)
    }
}
