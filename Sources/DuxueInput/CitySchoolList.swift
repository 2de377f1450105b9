import DuxueDomain

/// The city's own list of schools by district (CSV or a workbook): `district` (区县), `school_id`
/// (学校代码) and `school_name` (学校名称). The upper level's re-check compares each filing with it: a
/// school the district left out, or one the city does not know, is an error.
public struct CitySchoolList: Sendable {
    /// One school of the list.
    public struct Entry: Sendable, Hashable {
        /// The district, as written.
        public var district: String
        /// 学校代码.
        public var id: String
        /// 学校名称 ("" when not given).
        public var name: String
        /// The line (row) it is on.
        public var line: Int
    }

    /// The file's name, for problems.
    public var file: String
    /// The schools, in file order.
    public var entries: [Entry]
    /// Warnings of the file.
    public var warnings: [InputProblem]

    /// The columns of the list.
    public static let columns: [ColumnSpec] = [
        ColumnSpec("district", ["区县", "区县名称", "district_name", "所属区县"], required: true),
        ColumnSpec("school_id", ["学校代码", "学校编号", "id"], required: true),
        ColumnSpec("school_name", ["学校名称", "name"]),
    ]

    /// The district names in the list, in first-seen order.
    public var districts: [String] {
        var seen: Set<String> = [], names: [String] = []
        for entry in entries where seen.insert(Self.key(entry.district)).inserted { names.append(entry.district) }
        return names
    }

    /// The schools of a district (its name compared ignoring spaces, case and width).
    public func schools(of district: String) -> [Entry] {
        let wanted = Self.key(district)
        return entries.filter { Self.key($0.district) == wanted }
    }

    /// The form district names are compared in.
    public static func key(_ name: String) -> String { Vocabulary.normalizedHeader(name) }

    /// Reads the list (CSV in UTF-8 or GBK, or the first sheet of a workbook with the columns); every
    /// problem at once.
    public static func read(path: String) throws(InputError) -> CitySchoolList {
        let file = FileSystem.lastComponent(of: path)
        let problems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        guard let input = TableLoading.open(path: path, problems: problems),
            let table = TableLoading.table(reader: input.reader, specs: columns, reportUnknown: false, records: .schools,
                                           problems: problems)
        else { throw .invalid(problems.finished()) }
        var entries: [Entry] = []
        var first: [String: Int] = [:]
        for record in table.rows {
            let row = RowChecker(record: record, header: table.header, problems: problems)
            let district = row.required("district")
            let id = row.required("school_id")
            guard row.ok, let district, let id else { continue }
            let key = Self.key(district) + "\t" + id
            if let line = first[key] {
                row.report(.duplicateID(id: id, firstLine: line), at: "school_id")
                continue
            }
            first[key] = record.line
            entries.append(Entry(district: district, id: id, name: row.value("school_name"), line: record.line))
        }
        let all = problems.finished()
        if problems.hasErrors { throw .invalid(all) }
        return CitySchoolList(file: file, entries: entries, warnings: all)
    }
}
