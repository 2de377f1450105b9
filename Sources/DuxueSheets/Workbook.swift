import Foundation

/// A sheet of a workbook: its name and whether Excel shows it.
public struct SheetInfo: Hashable, Sendable {
    /// Whether the sheet is shown.
    public enum State: String, Hashable, Sendable {
        /// Shown as a tab.
        case visible
        /// Hidden (Format → Hide; Unhide shows it).
        case hidden
        /// Hidden so that only a macro can show it.
        case veryHidden
    }

    /// The tab's name.
    public var name: String
    /// Shown or hidden.
    public var state: State
    /// The worksheet part, e.g. `xl/worksheets/sheet1.xml` (empty for a chart sheet or a missing part).
    public var part: String

    /// A sheet.
    public init(name: String, state: State, part: String) {
        self.name = name
        self.state = state
        self.part = part
    }
}

/// The contents of one worksheet: the rows holding values and the merged ranges.
public struct Sheet: Hashable, Sendable {
    /// Which sheet.
    public var info: SheetInfo
    /// Rows holding at least one value, in order.
    public var rows: [SheetRow]
    /// Merged ranges.
    public var merges: [CellRange]
    /// Columns (1 = A) hidden in Excel.
    public var hiddenColumns: Set<Int>

    /// A sheet.
    public init(info: SheetInfo, rows: [SheetRow], merges: [CellRange], hiddenColumns: Set<Int> = []) {
        self.info = info
        self.rows = rows
        self.merges = merges
        self.hiddenColumns = hiddenColumns
    }
}

/// An Excel workbook (.xlsx, .xlsm; WPS and LibreOffice save the same format) opened for reading.
///
/// Opening reads the package's directory (refusing zip bombs: see ``WorkbookLimits``), the sheet list,
/// the date system, the shared strings and the number formats; ``read(_:)`` then reads one sheet's
/// cells. Formulas are read by their saved (cached) values.
public final class Workbook {
    /// The sheets, in tab order.
    public let sheets: [SheetInfo]
    /// Whether dates count from 1904 (`date1904`, old Mac workbooks) rather than 1900.
    public let uses1904: Bool
    private let parts: PackageParts
    private let strings: [String]
    private let formats: [NumberFormat]
    private let limits: WorkbookLimits

    /// Opens a workbook. Refuses legacy formats (.xls, .xlsb, .et, .numbers, .ods) with ``WorkbookError/legacyFormat(_:)``.
    public init(path: String, limits: WorkbookLimits = .standard) throws(WorkbookError) {
        if let legacy = Self.legacyFormat(path: path) { throw .legacyFormat(legacy) }
        self.limits = limits
        parts = try PackageParts(path: path, limits: limits)
        let packageRelationships = RelationshipsReader(base: "")
        if let data = try parts.data("_rels/.rels") {
            try XMLEvents.parse(data, part: "_rels/.rels", into: packageRelationships)
        }
        let workbookPath = packageRelationships.target(ofType: "officeDocument") ?? "xl/workbook.xml"
        // An .xlsb renamed to .xlsx: a zip too, but its workbook part is binary (xl/workbook.bin).
        if workbookPath.hasSuffix(".bin") { throw .legacyFormat(.xlsb) }
        guard let workbookData = try parts.data(workbookPath) else {
            if parts.has("content.xml") { throw .legacyFormat(.ods) }
            if parts.has("xl/workbook.bin") { throw .legacyFormat(.xlsb) }
            throw .missingPart(workbookPath)
        }
        let workbook = WorkbookPartReader()
        try XMLEvents.parse(workbookData, part: workbookPath, into: workbook)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml"
        let relationshipsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName + ".rels"
        let relationships = RelationshipsReader(base: folder)
        if let data = try parts.data(relationshipsPath) {
            try XMLEvents.parse(data, part: relationshipsPath, into: relationships)
        }
        uses1904 = workbook.uses1904
        sheets = workbook.sheets.map { SheetInfo(name: $0.name, state: $0.state, part: relationships.targets[$0.relationship] ?? "") }
        let stringsPath = relationships.target(ofType: "sharedStrings") ?? (folder + "/sharedStrings.xml")
        let stringsReader = SharedStringsReader()
        if let data = try parts.data(stringsPath) { try XMLEvents.parse(data, part: stringsPath, into: stringsReader) }
        strings = stringsReader.strings
        let stylesPath = relationships.target(ofType: "styles") ?? (folder + "/styles.xml")
        let stylesReader = StylesReader()
        if let data = try parts.data(stylesPath) { try XMLEvents.parse(data, part: stylesPath, into: stylesReader) }
        formats = stylesReader.formats
    }

    /// The sheet with this name, compared exactly.
    public func sheet(named name: String) -> SheetInfo? { sheets.first { $0.name == name } }

    /// Reads a sheet's cells. A chart sheet, or a sheet whose part is missing, has no rows.
    public func read(_ info: SheetInfo) throws(WorkbookError) -> Sheet {
        guard !info.part.isEmpty, let data = try parts.data(info.part) else {
            return Sheet(info: info, rows: [], merges: [])
        }
        let reader = WorksheetReader(sheet: info.name, strings: strings, formats: formats, uses1904: uses1904, limits: limits)
        try XMLEvents.parse(data, part: info.part, into: reader)
        if let failure = reader.failure { throw failure }
        return Sheet(info: info, rows: reader.rows, merges: reader.merges, hiddenColumns: reader.hiddenColumns)
    }

    /// The legacy format a file is in, by its first bytes (an OLE2 compound file: .xls, .et, or an
    /// encrypted .xlsx) or by its extension (.numbers, .ods, .et, .xls); `nil` for anything else.
    public static func legacyFormat(path: String) -> LegacyFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".numbers") { return .numbers }
        if lower.hasSuffix(".ods") { return .ods }
        if lower.hasSuffix(".xlsb") { return .xlsb }
        if lower.hasSuffix(".et") || lower.hasSuffix(".ett") { return .et }
        guard let handle = FileHandle(forReadingAtPath: path) else { return lower.hasSuffix(".xls") ? .xls : nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        if Array(head) == compoundFileSignature { return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") ? .encryptedOrLegacy : .xls }
        return lower.hasSuffix(".xls") ? .xls : nil
    }

    /// The first eight bytes of an OLE2 compound file (.xls, .et, .doc, encrypted OOXML).
    public static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether the file starts like a zip archive (`PK\u{3}\u{4}`), as every .xlsx does.
    public static func looksLikeZip(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 4)) ?? Data()) == [0x50, 0x4B, 0x03, 0x04]
    }
}
