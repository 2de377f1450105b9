import DuxueDomain
import DuxueReport
import DuxueXLSX

/// A cell of a filing table: text or a number (numbers stay numbers in the workbook).
public enum FilingCell: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A number.
    case number(Double)
    /// A share 0…1, shown as a percentage.
    case percent(Double)

    /// The cell as text (for HTML).
    public var display: String {
        switch self {
        case .text(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .percent(let share): String(format1: share * 100) + "%"
        }
    }
}

/// How a row of a filing table is marked: not at all, for a warning (提示), or for an error (不符合).
public enum FilingMark: Int, Hashable, Sendable, Comparable {
    /// Nothing to note.
    case none
    /// A warning names the row.
    case warning
    /// An error names the row (or the rule is not met): highlighted.
    case error

    /// Orders none < warning < error.
    public static func < (a: FilingMark, b: FilingMark) -> Bool { a.rawValue < b.rawValue }
}

/// Who may read a sheet or section.
public enum FilingAudience: String, Hashable, Sendable {
    /// 报备: the office and the upper level; holds personal data, never published as a whole.
    case filing
    /// 公示: may be published on its own.
    case published
}

/// One table people read: a sheet in the workbook, a section of the page.
public struct FilingTable: Sendable, Equatable {
    /// Sheet name (≤ 31 characters).
    public var name: String
    /// Title printed above the table (row 1 of the sheet).
    public var title: String
    /// Column headers (row 2 of the sheet, repeated on every printed page).
    public var header: [String]
    /// Column widths in characters.
    public var widths: [Double]
    /// The rows.
    public var rows: [[FilingCell]]
    /// One mark per row (highlighted rows: `.error`).
    public var marks: [FilingMark]
    /// Lines after the table (after a blank row on the sheet): the 公示 period, a seal line.
    public var notes: [String]
    /// Who may read it.
    public var audience: FilingAudience

    /// A table; `marks` defaults to none for every row.
    public init(name: String, title: String, header: [String], widths: [Double], rows: [[FilingCell]],
                marks: [FilingMark]? = nil, notes: [String] = [], audience: FilingAudience = .filing) {
        self.name = name
        self.title = title
        self.header = header
        self.widths = widths
        self.rows = rows
        self.marks = marks ?? Array(repeating: .none, count: rows.count)
        self.notes = notes
        self.audience = audience
    }

    /// The index of a column by its header, if any.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// The verdict: compliant or not, with the counts of errors and warnings.
public struct FilingVerdict: Sendable, Equatable {
    /// 合规 (no errors; with `--strict`, no warnings either).
    public var compliant: Bool
    /// Error findings.
    public var errors: Int
    /// Warning findings.
    public var warnings: Int
    /// Whether warnings count as violations (`--strict`).
    public var strict: Bool

    /// "合规（错误 0 条，提示 3 条）" or "不合规（…）".
    public var text: String {
        (compliant ? "合规" : "不合规") + "（错误 \(errors) 条，提示 \(warnings) 条" + (strict ? "；严格模式：提示计为违规" : "") + "）"
    }

    /// The line printed first: "合规结论：不合规（错误 1 条，提示 23 条）".
    public var line: String { "合规结论：" + text }
}

/// The first sheet and the top of the page (备案表): what is filed, the verdict, the figures that
/// matter, the data digest, the lines the office fills by hand, and the signature and seal block.
public struct FilingCover: Sendable, Equatable {
    /// Sheet name.
    public static let sheetName = "备案表"
    /// "丰城县责任督学（挂牌督学）名册备案表".
    public var title: String
    /// Under the title: what the document is, and what may be published.
    public var notice: String
    /// (label, value) lines: district, term, policy, figures, nearest compliant roster, digest, contents.
    public var facts: [(label: String, value: String)]
    /// (label, value) lines to fill by hand when blank: 填报单位, 填报日期, 联系人, 联系电话.
    public var filer: [(label: String, value: String)]
    /// The signature and seal block, one (label, value) line each.
    public var seal: [(label: String, value: String)]

    /// Equality by content.
    public static func == (a: FilingCover, b: FilingCover) -> Bool {
        func flat(_ lines: [(label: String, value: String)]) -> [String] { lines.flatMap { [$0.label, $0.value] } }
        return a.title == b.title && a.notice == b.notice && flat(a.facts) == flat(b.facts)
            && flat(a.filer) == flat(b.filer) && flat(a.seal) == flat(b.seal)
    }
}

/// A sheet for machines (the upper level's re-check, next year's renewal): all cells text, marked
/// internal, with the digest of its rows. Never printed on the page.
public struct FilingInternalSheet: Sendable, Equatable {
    /// The marker in the first cell: 内部资料，不公开.
    public static let marker = "内部资料，不公开"
    /// Sheet names start with this.
    public static let prefix = "内部-"
    /// Sheet name, e.g. 内部-学校.
    public var name: String
    /// What the sheet holds (next to the marker).
    public var purpose: String
    /// Column headers (the Chinese headers Duxue's readers accept).
    public var header: [String]
    /// The rows, as text (each cell at most as long as a workbook cell holds, so the digest is of what is written).
    public var rows: [[String]]

    /// An internal sheet; cells longer than a workbook cell holds are cut as the workbook cuts them.
    public init(name: String, purpose: String, header: [String], rows: [[String]]) {
        self.name = name
        self.purpose = purpose
        self.header = header
        self.rows = rows.map { $0.map(Self.clip) }
    }

    /// The text as a workbook cell holds it: at most `Worksheet.maximumCellCharacters` scalars, the last "…".
    static func clip(_ text: String) -> String {
        let limit = Worksheet.maximumCellCharacters
        guard text.unicodeScalars.count > limit else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(limit - 1))
        return String(scalars) + "…"
    }

    /// The canonical text of the sheet (see ``FilingDigest``).
    public var canonicalText: String { FilingDigest.canonicalText(name: name, header: header, rows: rows) }
    /// FNV-1a 64 of the canonical text, 16 hex digits.
    public var digest: String { FilingDigest.hex(canonicalText) }
}

/// The filing package in Chinese (备案材料): the cover, the tables people read (名册, 公示, 合规情况,
/// 问题清单, 汇总), the internal sheets a re-check reads, and the histogram of schools per inspector.
/// Pure data: ``FilingXLSX`` and ``FilingHTML`` render it.
public struct FilingPackage: Sendable, Equatable {
    /// Title of the package (the page's heading).
    public var title: String
    /// The verdict.
    public var verdict: FilingVerdict
    /// The cover (first sheet, top of the page).
    public var cover: FilingCover
    /// The tables people read, in order: 责任督学名册, 挂牌督导学校一览, 合规情况, 问题清单, 汇总.
    public var tables: [FilingTable]
    /// The internal sheets, in order: 内部-学校, 内部-督学, 内部-配对, 内部-政策.
    public var internalSheets: [FilingInternalSheet]
    /// (schools held, inspectors holding that many), for the chart.
    public var histogram: [(schools: Int, inspectors: Int)]

    /// Equality by content.
    public static func == (a: FilingPackage, b: FilingPackage) -> Bool {
        a.title == b.title && a.verdict == b.verdict && a.cover == b.cover && a.tables == b.tables
            && a.internalSheets == b.internalSheets
            && a.histogram.map(\.schools) == b.histogram.map(\.schools)
            && a.histogram.map(\.inspectors) == b.histogram.map(\.inspectors)
    }

    /// Names of the sheets people read, in order (the cover first).
    public static let tableNames = ["责任督学名册", "挂牌督导学校一览", "合规情况", "问题清单", "汇总"]
    /// Names of the internal sheets, in order.
    public static let internalNames = ["内部-学校", "内部-督学", "内部-配对", "内部-政策"]
    /// Every sheet of the workbook, in order.
    public static let sheetNames = [FilingCover.sheetName] + tableNames + internalNames
    /// The layout's version, written on 内部-政策 (`format`).
    public static let format = "duxue.filing/1"

    /// The digest of all internal sheets together (FNV-1a 64 over their canonical texts in order), as
    /// printed on the cover: a later edit of any internal cell no longer matches it.
    public var digest: String { FilingDigest.hex(internalSheets.map(\.canonicalText).joined()) }
}

extension String {
    /// One decimal place.
    init(format1 value: Double) {
        guard value.isFinite else {
            self = "–"
            return
        }
        guard abs(value) < 1e15 else {
            self = "\(value)"
            return
        }
        let tenths = Int((abs(value) * 10).rounded())
        self = (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}
