import CXLSX
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a cell looks: a small closed set, so each style maps to one libxlsxwriter format.
public enum CellStyle: Hashable, Sendable, CaseIterable {
    /// Body text, thin border, wrapped, top-aligned.
    case body
    /// Column header: bold, grey background, border, wrapped, centred.
    case header
    /// Sheet title: bold, larger.
    case title
    /// A percentage with one decimal (the value is a share 0…1).
    case percent
}

/// An .xlsx workbook being written (libxlsxwriter). The one owner of the C workbook: `close()` writes
/// and frees it; if never closed, `deinit` frees it (writing what there is). Not thread-safe.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The file being written.
    public let path: String

    /// Starts a workbook at `path` (written on `close()`).
    public init(path: String) throws(XLSXError) {
        self.path = path
        // libxlsxwriter only opens the file on close, and logs to stderr when it cannot: check the folder now.
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .cannotCreate(path: path, reason: "the folder \(folder) does not exist")
        }
        guard let handle = workbook_new(path) else {
            throw .cannotCreate(path: path, reason: "libxlsxwriter could not start the workbook")
        }
        self.handle = handle
        for style in CellStyle.allCases {
            guard let format = workbook_add_format(handle) else { continue }
            Self.configure(format, style)
            formats[style] = format
        }
    }

    deinit {
        if let handle { _ = workbook_close(handle) }
    }

    /// Adds a worksheet named `name` (checked first, so libxlsxwriter never prints a warning).
    public func addSheet(_ name: String) throws(XLSXError) -> Worksheet {
        guard let handle else { throw .closed }
        if let error = XLSXError.from(workbook_validate_sheet_name(handle, name), sheet: name) { throw error }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw .badSheetName(name, reason: "libxlsxwriter refused it")
        }
        return Worksheet(pointer: sheet, workbook: self)
    }

    /// Writes the file and frees the workbook; a second call throws `.closed`.
    public func close() throws(XLSXError) {
        guard let handle else { throw .closed }
        self.handle = nil
        formats = [:]
        if let error = XLSXError.from(workbook_close(handle), path: path) { throw error }
    }

    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        handle == nil ? nil : formats[style]
    }

    var isOpen: Bool { handle != nil }

    private static func configure(_ format: UnsafeMutablePointer<lxw_format>, _ style: CellStyle) {
        format_set_font_name(format, "等线")
        switch style {
        case .body:
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .header:
            format_set_bold(format)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
            format_set_bg_color(format, 0xD9D9D9)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 14)
        case .percent:
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_num_format(format, "0.0%")
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }
}

/// A sheet of an open workbook (owned by the workbook: valid until it is closed).
public struct Worksheet {
    private let pointer: UnsafeMutablePointer<lxw_worksheet>
    private let workbook: Workbook

    init(pointer: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook) {
        self.pointer = pointer
        self.workbook = workbook
    }

    /// The most characters a cell holds (Excel's limit, which libxlsxwriter enforces).
    public static let maximumCellCharacters = 32_767

    /// Writes text (0-based row and column); text longer than a cell holds is cut to fit and ends in
    /// "…" (a broken roster can give one inspector thousands of schools).
    public func write(_ text: String, row: Int, column: Int, style: CellStyle = .body) throws(XLSXError) {
        try ensureOpen()
        var cell = text
        if text.unicodeScalars.count > Self.maximumCellCharacters {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.prefix(Self.maximumCellCharacters - 1))
            cell = String(scalars) + "…"
        }
        let code = worksheet_write_string(pointer, lxw_row_t(row), lxw_col_t(column), cell, workbook.format(style))
        if let error = XLSXError.from(code, row: row, column: column) { throw error }
    }

    /// Writes a number (0-based row and column).
    public func write(_ number: Double, row: Int, column: Int, style: CellStyle = .body) throws(XLSXError) {
        try ensureOpen()
        let code = worksheet_write_number(pointer, lxw_row_t(row), lxw_col_t(column), number, workbook.format(style))
        if let error = XLSXError.from(code, row: row, column: column) { throw error }
    }

    /// Sets a column's width in characters.
    public func setWidth(_ width: Double, column: Int) throws(XLSXError) {
        try ensureOpen()
        let code = worksheet_set_column(pointer, lxw_col_t(column), lxw_col_t(column), width, nil)
        if let error = XLSXError.from(code, row: 0, column: column) { throw error }
    }

    /// Print setup: A4 landscape, fit to one page wide, `headerRow` repeated on every page, frozen below it.
    public func preparePrinting(headerRow: Int) throws(XLSXError) {
        try ensureOpen()
        worksheet_set_paper(pointer, UInt8(DUXUE_XLSX_PAPER_A4))
        worksheet_set_landscape(pointer)
        worksheet_fit_to_pages(pointer, 1, 0)
        worksheet_freeze_panes(pointer, lxw_row_t(headerRow + 1), 0)
        let code = worksheet_repeat_rows(pointer, lxw_row_t(headerRow), lxw_row_t(headerRow))
        if let error = XLSXError.from(code, row: headerRow) { throw error }
    }

    private func ensureOpen() throws(XLSXError) {
        guard workbook.isOpen else { throw .closed }
    }
}
