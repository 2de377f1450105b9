/// The bounds a workbook must keep to be read: a guard against zip bombs and runaway sheets.
///
/// The defaults are far above any district's workbook (a district has at most a few thousand schools;
/// its workbook is well under a megabyte) and far below what would exhaust memory.
public struct WorkbookLimits: Hashable, Sendable {
    /// Total uncompressed size of the archive's entries, as declared and as actually inflated.
    public var maxUncompressedBytes: UInt64
    /// Entries in the archive.
    public var maxEntries: Int
    /// Uncompressed size over compressed size of one entry, checked on entries above `ratioGraceBytes`.
    public var maxCompressionRatio: UInt64
    /// Entries smaller than this (uncompressed) are not held to the compression ratio.
    public var ratioGraceBytes: UInt64
    /// Rows holding a value, per sheet.
    public var maxRows: Int
    /// The last column holding a value (1 = A).
    public var maxColumns: Int
    /// Cells holding a value, per sheet.
    public var maxCells: Int

    /// Limits.
    public init(maxUncompressedBytes: UInt64 = 200 << 20, maxEntries: Int = 10_000, maxCompressionRatio: UInt64 = 100,
                ratioGraceBytes: UInt64 = 1 << 20, maxRows: Int = 200_000, maxColumns: Int = 1_024,
                maxCells: Int = 2_000_000) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxEntries = maxEntries
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioGraceBytes = ratioGraceBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCells = maxCells
    }

    /// 200 MiB uncompressed, 10 000 entries, 100:1 above 1 MiB, 200 000 rows, 1 024 columns, 2 000 000 cells.
    public static let standard = WorkbookLimits()
}
