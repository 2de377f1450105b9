import DuxueDomain
import DuxueInput
import DuxueReport
import Foundation

/// The formats of the filing package, by file extension.
public enum FilingFormat: Sendable, Equatable {
    /// An Excel workbook (.xlsx).
    case xlsx
    /// A printable page (.html).
    case html

    /// The format a path's extension names, or `nil`.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") { self = .xlsx } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { self = .html } else { return nil }
    }
}

/// What can go wrong writing a filing file.
public enum FilingError: Error, CustomStringConvertible {
    /// The workbook could not be written.
    case workbook(String)
    /// The file could not be put in place.
    case file(String)

    /// A lower-case message.
    public var description: String {
        switch self {
        case .workbook(let message), .file(let message): message
        }
    }
}

/// Writes the filing package atomically: to a temporary file next to the target, then renamed into place.
public enum FilingWriter {
    /// Writes the package of a check report in `format` to `path` (never over an existing file unless `overwrite`).
    public static func write(_ report: CheckReport, district: District, roster: Roster, policy: Policy,
                             format: FilingFormat, to path: String, overwrite: Bool) throws {
        let package = FilingPackage(report: report, district: district, roster: roster, policy: policy)
        switch format {
        case .html:
            do {
                try AtomicFile.write(FilingHTML.render(package), to: path, overwrite: overwrite)
            } catch {
                throw FilingError.file("\(error)")
            }
        case .xlsx:
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp.xlsx").path
            do {
                try FilingXLSX.write(package, to: temporary)
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw FilingError.workbook(error.description)
            }
            if !overwrite && FileManager.default.fileExists(atPath: path) {
                try? FileManager.default.removeItem(atPath: temporary)
                throw FilingError.file("\(path) exists: add --force to overwrite it, or choose another name")
            }
            if rename(temporary, path) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                throw FilingError.file("cannot rename into \(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
