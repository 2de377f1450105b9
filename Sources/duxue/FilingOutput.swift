import ArgumentParser
import DuxueDomain
import DuxueFiling
import DuxueInput
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

/// A roster written where `--out` says: a workbook for `.xlsx` (``RosterWorkbook``), else CSV (with a BOM
/// in Chinese, so that Excel on Chinese Windows opens it as UTF-8). A failure prints why and exits with 2.
enum RosterOutput {
    static func write(header: [String], rows: [[String]], to path: String, overwrite: Bool, inputs: [String],
                      language: Language) throws {
        do {
            if path.lowercased().hasSuffix(".xlsx") {
                try RosterWorkbook.write(header: header, rows: rows, language: language, to: path, overwrite: overwrite, inputs: inputs)
            } else {
                try AtomicFile.write(CSVWriter.document(header: header, rows: rows), to: path, overwrite: overwrite,
                                     byteOrderMark: language == .zh)
            }
        } catch {
            Console.writeFailure(error, language: language)
            throw ExitCode(2)
        }
    }
}
