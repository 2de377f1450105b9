import ArgumentParser
import DuxueDomain
import DuxueFiling
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
        if names(requested, oneOf: inputs) {
            Console.error(language == .zh ? "--filing \(requested) 是输入文件，不能覆盖；请换一个文件名" : "--filing \(requested) is an input file and is never overwritten: choose another name")
            throw ExitCode(2)
        }
        if FileManager.default.fileExists(atPath: requested) && !force {
            Console.error(language == .zh ? "\(requested) 已存在；如需覆盖请加 --force" : "\(requested) exists: add --force to overwrite it, or choose another name")
            throw ExitCode(2)
        }
        return (requested, format)
    }
}
