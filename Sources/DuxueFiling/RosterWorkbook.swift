import DuxueDomain
import DuxueInput
import DuxueXLSX
import Foundation

/// What can go wrong writing a roster workbook. Messages name the file and the way out, never a
/// command-line option.
public enum RosterWorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The target is one of the files being read (the district's tables, the previous roster …).
    case input(path: String)
    /// The target exists and overwriting was not asked for.
    case exists(path: String)
    /// libxlsxwriter could not write the workbook.
    case workbook(XLSXError)
    /// The workbook was written but could not be put in place.
    case file(path: String, reason: String)

    /// A lower-case English message naming the file and the fix.
    public var description: String { message(in: .en) }

    /// The message in a language.
    public func message(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .input(let path):
            return zh ? "\(path) 是输入文件，不能覆盖；请换一个文件名"
                : "\(path) is an input file and is never overwritten: choose another name"
        case .exists(let path):
            return zh ? "\(path) 已存在；请换一个文件名，或选择覆盖"
                : "\(path) already exists: choose another name, or allow overwriting it"
        case .workbook(let error):
            return zh ? "无法写出名册工作簿：\(error)" : "cannot write the roster workbook: \(error)"
        case .file(let path, let reason):
            return zh ? "无法写入 \(path)（\(reason)）：请检查文件夹是否存在、可写"
                : "cannot write \(path) (\(reason)): check that the folder exists and is writable"
        }
    }
}

/// A roster as an .xlsx workbook: one sheet (名册, or `roster` in English) with the header in row 1
/// (bold, frozen, repeated on every printed page) and one row per line from row 2. Every cell is text,
/// so ids keep their leading zeros and every digit, and dates read as written. The sheet's name is one
/// the roster reader looks for (``DuxueInput/TableFiles/rosterSheetNames``), so the file reads back as
/// the roster it holds (`--roster`, `--previous`).
public enum RosterWorkbook {
    /// The sheet's name in a language: 名册 (Chinese) or roster (English).
    public static func sheetName(in language: Language) -> String { language == .zh ? "名册" : "roster" }

    /// Widest a column is made, in character cells (long school names wrap beyond it).
    static let maximumWidth = 50.0

    /// Writes `header` and `rows` (as `RosterTable.header(in:)` and `RosterTable.rows(_:language:)`
    /// give them) to the workbook at `path`, atomically: the workbook is made in a private scratch file,
    /// then its bytes are written beside `path` and renamed into place, so no reader ever sees half a file.
    /// `path` is never one of `inputs` (compared after resolving `..` and symbolic links, and by file
    /// identity), and never an existing file unless `overwrite`.
    public static func write(header: [String], rows: [[String]], language: Language, to path: String,
                             overwrite: Bool, inputs: [String] = []) throws(RosterWorkbookError) {
        try place(at: path, overwrite: overwrite, inputs: inputs) { scratch throws(XLSXError) in
            try render(header: header, rows: rows, sheet: sheetName(in: language), to: scratch)
        }
    }

    /// The bytes of the workbook of `header` and `rows`, for a caller that sends it rather than keeping
    /// a file (the workbench's downloads): made once in a private scratch folder, read, removed.
    public static func bytes(header: [String], rows: [[String]], language: Language) throws(RosterWorkbookError) -> [UInt8] {
        try made(named: "roster.xlsx") { scratch throws(XLSXError) in
            try render(header: header, rows: rows, sheet: sheetName(in: language), to: scratch)
        }
    }

    /// Makes a workbook with `render` in a private scratch file, then writes its bytes to `path`
    /// atomically (beside it, then renamed into place): never one of `inputs`, never an existing file
    /// unless `overwrite`.
    static func place(at path: String, overwrite: Bool, inputs: [String],
                      render: (String) throws(XLSXError) -> Void) throws(RosterWorkbookError) {
        if InputPaths.names(path, oneOf: inputs) { throw .input(path: path) }
        if !overwrite, FileManager.default.fileExists(atPath: path) { throw .exists(path: path) }
        let bytes = try made(named: URL(fileURLWithPath: path).lastPathComponent, render: render)
        do {
            try AtomicFile.write(bytes, to: path, overwrite: overwrite)
        } catch {
            switch error {
            case .exists(let existing): throw .exists(path: existing)
            case .cannotWrite(let target, let reason): throw .file(path: target, reason: reason)
            }
        }
    }

    /// The bytes of a workbook `render` writes (libxlsxwriter writes by file name) to a scratch file
    /// named `name` in a new private folder (mode 0700) under the temporary directory, removed afterwards.
    static func made(named name: String, render: (String) throws(XLSXError) -> Void) throws(RosterWorkbookError) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-\(ProcessInfo.processInfo.globallyUniqueString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .file(path: folder, reason: "\(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scratch = folder + "/" + name
        do {
            try render(scratch)
        } catch {
            throw .workbook(error)
        }
        guard let bytes = FileManager.default.contents(atPath: scratch) else {
            throw .file(path: scratch, reason: "the workbook made there cannot be read back")
        }
        return [UInt8](bytes)
    }

    /// The workbook itself, written by libxlsxwriter at `path`.
    static func render(header: [String], rows: [[String]], sheet name: String, to path: String) throws(XLSXError) {
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addSheet(name)
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        for column in 0..<columns {
            let cells = [column < header.count ? header[column] : ""] + rows.map { column < $0.count ? $0[column] : "" }
            let widest = cells.map(FilingXLSX.displayWidth).max() ?? 0
            try sheet.setWidth(min(maximumWidth, Double(max(6, widest + 2))), column: column)
        }
        try sheet.preparePrinting(headerRow: 0)
        for (column, text) in header.enumerated() { try sheet.write(text, row: 0, column: column, style: .header) }
        for (index, cells) in rows.enumerated() {
            for (column, text) in cells.enumerated() {
                try sheet.write(text, row: index + 1, column: column)
            }
        }
        try workbook.close()
    }
}
