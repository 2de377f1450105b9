/// A spreadsheet format Duxue does not read, recognised so that the user is told to save it as .xlsx.
public enum LegacyFormat: String, Hashable, Sendable {
    /// Excel 97–2003 (.xls, a BIFF stream in an OLE2 compound file).
    case xls
    /// WPS 表格's own format (.et).
    case et
    /// Apple Numbers.
    case numbers
    /// OpenDocument spreadsheet (LibreOffice, WPS).
    case ods
    /// Excel's binary workbook (.xlsb): a zip like .xlsx, but its sheets are not XML.
    case xlsb
    /// An OLE2 compound file named .xlsx: a password-protected workbook, or an .xls renamed.
    case encryptedOrLegacy
}

/// Why a workbook could not be read. Every case names what to do in ``description``; the input layer
/// renders them in Chinese and English.
public enum WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A format Duxue does not read: save it as .xlsx.
    case legacyFormat(LegacyFormat)
    /// Not a zip archive, or not an Office Open XML workbook (the reason in English).
    case notAWorkbook(reason: String)
    /// A part the workbook needs is missing (e.g. `xl/workbook.xml`).
    case missingPart(String)
    /// A part is not well-formed XML.
    case malformedXML(part: String, line: Int, reason: String)
    /// A part declares a DTD or entities, which a workbook never does (refused: entity expansion).
    case doctypeRefused(part: String)
    /// The entries add up to more than the limit (as declared, or as inflated).
    case tooLarge(limit: UInt64)
    /// More entries than the limit.
    case tooManyEntries(limit: Int)
    /// An entry compresses better than any real sheet does (a zip bomb).
    case compressionRatio(part: String, limit: UInt64)
    /// An entry inflates to more than its header declares.
    case sizeMismatch(part: String)
    /// A sheet has more rows holding values than the limit.
    case tooManyRows(sheet: String, limit: Int)
    /// A sheet has a value in a column past the limit.
    case tooManyColumns(sheet: String, column: String, limit: Int)
    /// A sheet has more cells holding values than the limit.
    case tooManyCells(sheet: String, limit: Int)
    /// The archive could not be inflated (the reason in English).
    case corrupt(part: String, reason: String)

    /// A lower-case message with the fix.
    public var description: String {
        switch self {
        case .legacyFormat(let format):
            switch format {
            case .xls: "file is an Excel 97-2003 workbook (.xls): save it as .xlsx"
            case .et: "file is a WPS workbook (.et): save it as .xlsx"
            case .numbers: "file is an Apple Numbers document: export it as .xlsx"
            case .ods: "file is an OpenDocument spreadsheet (.ods): save it as .xlsx"
            case .xlsb: "file is an Excel binary workbook (.xlsb): save it as .xlsx"
            case .encryptedOrLegacy:
                "file is password-protected or an .xls renamed to .xlsx: remove the password and save it as .xlsx"
            }
        case .notAWorkbook(let reason): "file is not an Excel workbook (\(reason)): save it as .xlsx"
        case .missingPart(let part): "workbook has no \(part): open it in Excel or WPS and save it again as .xlsx"
        case .malformedXML(let part, let line, let reason):
            "\(part) line \(line) is not well-formed XML (\(reason)): open the workbook in Excel or WPS and save it again"
        case .doctypeRefused(let part): "\(part) declares a DTD, which a workbook never does: the file is refused"
        case .tooLarge(let limit): "workbook unpacks to more than \(limit >> 20) MB: split it, or remove pictures and unused sheets"
        case .tooManyEntries(let limit): "workbook holds more than \(limit) files: save it again as .xlsx"
        case .compressionRatio(let part, let limit):
            "\(part) compresses more than \(limit):1, which no real sheet does (a zip bomb?): the file is refused"
        case .sizeMismatch(let part): "\(part) unpacks to more than its declared size: the file is refused"
        case .tooManyRows(let sheet, let limit): "sheet \(sheet) has more than \(limit) rows with values: delete the unused rows"
        case .tooManyColumns(let sheet, let column, let limit):
            "sheet \(sheet) has a value in column \(column), past the \(limit)th column: delete the stray value"
        case .tooManyCells(let sheet, let limit): "sheet \(sheet) has more than \(limit) cells with values: delete the unused ones"
        case .corrupt(let part, let reason): "\(part) cannot be unpacked (\(reason)): the file is damaged, save it again"
        }
    }
}
