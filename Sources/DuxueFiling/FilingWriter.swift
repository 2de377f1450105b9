import DuxueDomain
import DuxueInput
import DuxueReport
import DuxueXLSX
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
    /// Writes the package of a check report in `format` to `path` (never over an existing file unless
    /// `overwrite`). `pairTerms` is the roster's 本校连续届数 by school, when it records them (a roster
    /// read with `pair_terms`, for the term `policy` states): 内部-配对 then carries them.
    public static func write(_ report: CheckReport, district: District, roster: Roster, policy: Policy,
                             format: FilingFormat, to path: String, overwrite: Bool,
                             pairTerms: [School.ID: Int] = [:]) throws {
        // The bytes are made once, then go through the same atomic write as every other output (never a
        // half file, never a clobber).
        let bytes = try bytes(report, district: district, roster: roster, policy: policy, format: format, pairTerms: pairTerms)
        do {
            try AtomicFile.write(bytes, to: path, overwrite: overwrite)
        } catch {
            throw FilingError.file("\(error)")
        }
    }

    /// The package's file in `format` as bytes, for a caller that sends it rather than keeping a file
    /// (the workbench's downloads). A workbook is made once in a private scratch folder (libxlsxwriter
    /// writes by file name), read, and removed.
    public static func bytes(_ report: CheckReport, district: District, roster: Roster, policy: Policy,
                             format: FilingFormat, pairTerms: [School.ID: Int] = [:]) throws(FilingError) -> [UInt8] {
        let package = FilingPackage(report: report, district: district, roster: roster, policy: policy, pairTerms: pairTerms)
        switch format {
        case .html:
            return Array(FilingHTML.render(package).utf8)
        case .xlsx:
            do {
                return try RosterWorkbook.made(named: "filing.xlsx") { scratch throws(XLSXError) in
                    try FilingXLSX.write(package, to: scratch)
                }
            } catch {
                switch error {
                case .workbook(let error): throw .workbook(error.description)
                default: throw .file(error.description)
                }
            }
        }
    }
}
