import DuxueSheets
import Foundation

/// Which files hold a district's tables: a folder of CSV or XLSX files (English or Chinese names), or one
/// workbook with a sheet per table.
public enum TableFiles {
    /// Extensions read as workbooks (legacy ones, to be told to save as .xlsx).
    static let workbookExtensions = ["xlsx", "xlsm", "xltx", "xltm", "xlsb", "xls", "et", "ett", "numbers", "ods"]
    /// Extensions a district folder's tables may have, in the order they are looked for.
    static let tableExtensions = ["csv", "xlsx", "xlsm", "xlsb", "xls", "et"]

    /// The file names (without extension) a folder's table may have.
    public static func stems(_ table: TableKind) -> [String] {
        switch table {
        case .schools: ["schools", "学校", "学校名单"]
        case .inspectors: ["inspectors", "督学", "督学库"]
        }
    }

    /// The sheet names a district workbook's table may have (compared ignoring case and surrounding spaces).
    public static func sheetNames(_ table: TableKind) -> [String] {
        switch table {
        case .schools: ["学校", "学校名单", "schools"]
        case .inspectors: ["督学", "督学库", "inspectors"]
        }
    }

    /// The sheets a roster workbook is read from, tried in this order before any other: the filing
    /// package's 内部-配对 (the roster exactly as checked, with its term), its 公示 list
    /// 挂牌督导学校一览, then the sheet a roster workbook Duxue writes has (名册 or roster). Without any of
    /// them, the first sheet whose header has both 学校代码 and 督学编号 is read.
    public static let rosterSheetNames = ["内部-配对", "挂牌督导学校一览", "名册", "roster"]

    /// The sheet of a filing workbook that lists each appointee's employment and zone (责任督学名册): a
    /// roster read from the 公示 list takes its vacancies' employment from it.
    public static let filingRollSheetName = "责任督学名册"

    /// The sheets of the city's review workbook (`duxue review --format xlsx`), in Chinese and in
    /// English: a workbook with both sheets of one pair and no filing sheet is a review, not a filing.
    public static let reviewReportSheetNames = [["区县汇总", "问题清单"], ["districts", "findings"]]

    /// Whether a path names a workbook by its extension (.xlsx, and the legacy formats to be refused).
    public static func isWorkbook(_ path: String) -> Bool {
        workbookExtensions.contains(fileExtension(path))
    }

    /// The lower-cased extension of a path ("" when none).
    static func fileExtension(_ path: String) -> String {
        let name = FileSystem.lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// The file name without its extension.
    static func stem(_ path: String) -> String {
        let name = FileSystem.lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The files of a folder that hold a table, in the order of ``stems(_:)`` and ``tableExtensions``.
    static func present(_ table: TableKind, in folder: String) -> [String] {
        stems(table).flatMap { stem in tableExtensions.map { "\(stem).\($0)" } }
            .filter { FileSystem.exists(FileSystem.join(folder, $0)) }
    }

    /// Whether `path` is a district: a workbook, or a folder holding a schools table.
    public static func isDistrict(_ path: String) -> Bool {
        if isWorkbook(path) && !FileSystem.isFolder(path) { return true }
        return FileSystem.isFolder(path) && !present(.schools, in: path).isEmpty
    }

    /// The districts that `paths` name, in order: a district as it is, and a folder that is not a
    /// district itself as each of its sub-folders that is one, sorted by name (a city's folder of
    /// districts). A path that is neither stays, so that reading it reports what is missing.
    public static func districts(expanding paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            guard !isDistrict(path), FileSystem.isFolder(path) else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let found = names.sorted().map { FileSystem.join(path, $0) }.filter { FileSystem.isFolder($0) && isDistrict($0) }
            return found.isEmpty ? [path] : found
        }
    }

    /// Every file a run may read for the district at `path` (a folder or a workbook), present or not:
    /// outputs must never be written over any of them.
    public static func inputFiles(district path: String) -> [String] {
        if isWorkbook(path) && !FileSystem.isFolder(path) { return [path, DistrictPolicy.policyPath(district: path)] }
        let tables = [TableKind.schools, .inspectors].flatMap { table in
            stems(table).flatMap { stem in tableExtensions.map { FileSystem.join(path, "\(stem).\($0)") } }
        }
        return tables + [DistrictPolicy.policyPath(district: path)]
    }
}
