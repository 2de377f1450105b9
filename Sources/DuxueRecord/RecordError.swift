import DuxueDomain

/// Why the roster of record could not be opened, read or written. Messages never name command-line
/// flags: the command that renders them adds its own.
public enum RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file was written by a newer version of Duxue (its schema has migrations this version does not know).
    case newerSchema(path: String, unknown: [String])
    /// The file is not a record Duxue can open (not SQLite, damaged, or unreadable).
    case unreadable(path: String, reason: String)
    /// A roster for the same term and date is already recorded; it is replaced only when asked.
    case alreadyRecorded(termStart: Day, effectiveOn: Day, version: Int)
    /// The date a change takes effect lies outside the term it is recorded under.
    case outsideTerm(effectiveOn: Day, termStart: Day, termEnd: Day)
    /// An import into a record that already holds rosters (an import rebuilds a record, never merges).
    case importIntoNonEmpty(path: String)
    /// A file of an export folder is missing or does not match the schema.
    case badExport(file: String, line: Int?, reason: String)
    /// The database refused a read or write (another process held it too long, the disk is full …);
    /// nothing was changed.
    case database(path: String, reason: String)

    /// The message in a language (`zh` or `en`).
    public func message(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .newerSchema(let path, let unknown):
            return zh ? "\(path) 由更新版本的 Duxue 写入（未知的结构版本：\(unknown.joined(separator: "、"))），本版本无法打开：请升级 Duxue；记录文件未作任何改动"
                : "\(path) was written by a newer version of Duxue (unknown schema versions: \(unknown.joined(separator: ", "))); this version cannot open it: upgrade Duxue. The record was not changed"
        case .unreadable(let path, let reason):
            return zh ? "无法打开任用记录 \(path)：\(reason)。它不是 Duxue 的记录文件或已损坏；请从导出的 CSV 文件夹重建"
                : "cannot open the roster of record \(path): \(reason). It is not a Duxue record or it is damaged; rebuild it from an exported CSV folder"
        case .alreadyRecorded(let start, let on, let version):
            let when = on == start ? (zh ? "\(start) 起的任期" : "the term starting \(start)") : (zh ? "\(start) 起任期内 \(on) 的调整" : "the change of \(on) in the term starting \(start)")
            return zh ? "记录中已有\(when)的名册（第 \(version) 版），未作改动；如要替换，请明确要求替换（旧版本会保留）"
                : "the record already holds a roster for \(when) (version \(version)); nothing was changed. Ask for a replacement to replace it (the old version is kept)"
        case .outsideTerm(let on, let start, let end):
            return zh ? "生效日期 \(on) 不在 \(start) 至 \(end) 的任期内"
                : "the date \(on) is not within the term \(start) to \(end)"
        case .importIntoNonEmpty(let path):
            return zh ? "\(path) 已有名册记录：导入只能重建一个空的记录，不会合并；请先把现有记录文件移走"
                : "\(path) already holds rosters: an import rebuilds an empty record and never merges; move the existing record away first"
        case .badExport(let file, let line, let reason):
            let place = line.map { "\(file):\($0)" } ?? file
            return zh ? "\(place)：\(reason)；请使用 Duxue 导出的文件夹" : "\(place): \(reason); use a folder Duxue exported"
        case .database(let path, let reason):
            return zh ? "任用记录 \(path) 读写失败：\(reason)。记录未作改动，请稍后重试"
                : "the roster of record \(path) could not be read or written: \(reason). It was not changed; try again"
        }
    }

    /// The message in English.
    public var description: String { message(in: .en) }
}
