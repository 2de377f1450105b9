import CXLSX

/// What can go wrong writing a workbook; messages are lower-case and name the bad value.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be created (folder missing, no permission).
    case cannotCreate(path: String, reason: String)
    /// A sheet name libxlsxwriter refuses (too long, bad characters, used twice).
    case badSheetName(String, reason: String)
    /// A text longer than a cell holds (32 767 characters).
    case textTooLong(row: Int, column: Int)
    /// A row or column outside the sheet.
    case outOfRange(row: Int, column: Int)
    /// The workbook was already closed.
    case closed
    /// Any other libxlsxwriter error, with its code and message.
    case library(code: Int, message: String)

    /// The error for a libxlsxwriter return code, or `nil` for success: the one table from C codes to Swift.
    static func from(_ code: lxw_error, path: String = "", sheet: String = "", row: Int = 0, column: Int = 0) -> XLSXError? {
        let message = String(cString: duxue_xlsx_message(code))
        switch code {
        case LXW_NO_ERROR:
            return nil
        case LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION:
            return .cannotCreate(path: path, reason: message)
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
            LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED:
            return .badSheetName(sheet, reason: message)
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
            return .textTooLong(row: row, column: column)
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
            return .outOfRange(row: row, column: column)
        default:
            return .library(code: Int(code.rawValue), message: message)
        }
    }

    /// A lower-case message naming the bad value and the fix.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason):
            "cannot create \(path): \(reason); check that the folder exists and is writable"
        case .badSheetName(let name, let reason):
            "sheet name \"\(name)\" refused: \(reason); use at most 31 characters without []:*?/\\"
        case .textTooLong(let row, let column):
            "text in row \(row + 1), column \(column + 1) is longer than 32767 characters; shorten it"
        case .outOfRange(let row, let column):
            "cell row \(row + 1), column \(column + 1) is outside the sheet"
        case .closed:
            "the workbook is already closed; write every sheet before closing it"
        case .library(let code, let message):
            "libxlsxwriter error \(code): \(message)"
        }
    }
}
