/// The digest of the internal sheets: 64-bit FNV-1a over a canonical text, as 16 lower-case hex digits.
///
/// Canonical text of one sheet (docs/filing.md): the sheet's name and a line feed; then the header row
/// and every data row, each as its cells joined by a tab and ended by a line feed. A cell is its text
/// with `\` written `\\`, tab `\t`, line feed `\n` and carriage return `\r`. Every row has as many cells
/// as the widest row (its last non-empty cell counted; missing cells are empty), and the rows end at the
/// last row with a non-empty cell. The package digest is over the sheets' texts concatenated in
/// workbook order. FNV-1a recognises an edit; it is not a signature (anyone can recompute it).
public enum FilingDigest {
    /// FNV-1a 64 offset basis.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64 prime.
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a 64 of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// FNV-1a 64 of `text` as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        let digits = String(fnv1a64(text), radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    /// The canonical text of a sheet: name, header and rows (see the type's summary).
    public static func canonicalText(name: String, header: [String], rows: [[String]]) -> String {
        var table = [header] + rows
        while let last = table.last, last.allSatisfy(\.isEmpty) { table.removeLast() }
        let width = table.map { row in (row.lastIndex { !$0.isEmpty } ?? -1) + 1 }.max() ?? 0
        var out = escape(name) + "\n"
        for row in table {
            var cells = Array(row.prefix(width))
            cells += Array(repeating: "", count: width - cells.count)
            out += cells.map(escape).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A cell's text with backslash, tab, line feed and carriage return escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
