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
    /// A cell of a row an error names: bold dark red on red, thin border, wrapped, top-aligned.
    case error
    /// A cell of a row a warning names: on yellow, thin border, wrapped, top-aligned.
    case warning
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
        case .error:
            // The page's colours (tr.err: #9c0006 on #ffd7d7, bold).
            format_set_bold(format)
            format_set_font_color(format, 0x9C0006)
            format_set_bg_color(format, 0xFFD7D7)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .warning:
            format_set_bg_color(format, 0xFFF2CC)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
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

    /// Sets a row's height in points (0-based row; Excel's default is 15 for one line).
    public func setHeight(_ points: Double, row: Int) throws(XLSXError) {
        try ensureOpen()
        let code = worksheet_set_row(pointer, lxw_row_t(row), points, nil)
        if let error = XLSXError.from(code, row: row) { throw error }
    }

    /// Prints at `percent` of full size (10…400) instead of fitting the sheet to one page wide: Excel
    /// ignores manual page breaks while fitting, so a sheet given page breaks is printed at a scale.
    public func setPrintScale(_ percent: Int) throws(XLSXError) {
        try ensureOpen()
        worksheet_set_print_scale(pointer, UInt16(min(400, max(10, percent))))
    }

    /// Manual page breaks: a new printed page starts at each of `rows` (0-based, above the row; row 0
    /// cannot take a break and is left out). Call it once per sheet.
    public func setPageBreaks(beforeRows rows: [Int]) throws(XLSXError) {
        try ensureOpen()
        // libxlsxwriter reads the list up to a 0 and keeps at most 1023 breaks.
        var breaks = rows.filter { $0 > 0 }.sorted().prefix(1023).map { lxw_row_t($0) }
        guard !breaks.isEmpty else { return }
        breaks.append(0)
        let code = breaks.withUnsafeMutableBufferPointer { buffer in worksheet_set_h_pagebreaks(pointer, buffer.baseAddress) }
        if let error = XLSXError.from(code, row: rows.first ?? 0) { throw error }
    }

    private func ensureOpen() throws(XLSXError) {
        guard workbook.isOpen else { throw .closed }
    }
}
