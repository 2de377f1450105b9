import DuxueDomain
import DuxueSheets

/// The English and Chinese wording of input problems.
enum ProblemText {
    /// The message alone; `rows` when the problem is in a worksheet (rows, not lines).
    static func summary(_ kind: InputProblem.Kind, _ language: Language, rows: Bool = false) -> String {
        let zh = language == .zh
        let lineWord = rows ? "row" : "line"
        switch kind {
        case .fileNotFound(let path):
            return zh ? "找不到文件 \(path)" : "file not found: \(path)"
        case .folderNotFound(let path):
            return zh ? "找不到区县文件夹 \(path)" : "district folder not found: \(path)"
        case .unreadable(let reason):
            return zh ? "无法读取文件（\(reason)）" : "cannot read the file (\(reason))"
        case .encoding(let error):
            return encodingSummary(error, zh)
        case .emptyFile:
            return zh ? "文件为空" : "file is empty"
        case .noRecords(let what):
            switch what {
            case .schools: return zh ? "没有学校：文件只有表头" : "no schools: the file has only a header"
            case .inspectors: return zh ? "没有督学：文件只有表头" : "no inspectors: the file has only a header"
            case .assignments: return zh ? "没有分配：文件只有表头" : "no assignments: the file has only a header"
            }
        case .openQuote(let line, let column):
            return zh ? "第 \(line) 行第 \(column) 列的引号没有闭合"
                : "quote opened at line \(line), column \(column) is never closed"
        case .textAfterQuote:
            return zh ? "右引号后还有多余文字" : "text after the closing quote"
        case .raggedRow(let fields, let expected):
            return zh ? "本行有 \(fields) 个字段，表头有 \(expected) 个"
                : "this row has \(fields) field\(fields == 1 ? "" : "s") where the header has \(expected)"
        case .missingColumn(let key, let accepted, let lookalike):
            let names = accepted.joined(separator: zh ? "、" : ", ")
            if zh {
                return "缺少必填列 \(key)（可用列名：\(names)）" + (lookalike.map { "；“\(clip($0))”可能就是该列" } ?? "")
            }
            return "missing required column \(key) (accepted names: \(names))"
                + (lookalike.map { "; column \(quote($0)) looks like it" } ?? "")
        case .unknownColumn(let header, let suggestion):
            if zh { return "未知列“\(clip(header))”，将被忽略" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "unknown column \(quote(header)) is ignored"
                + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        case .duplicateColumn(let key, let first):
            return zh ? "与第 \(first) 列重复（都是 \(key)）" : "column repeats column \(first) (both are \(key))"
        case .emptyValue(let key):
            return zh ? "\(Columns.chineseName(key))不能为空" : "empty \(key)"
        case .duplicateID(let id, let firstLine):
            return zh ? "编号“\(clip(id))”重复（第 \(firstLine) 行已出现）"
                : "duplicate id \(quote(id)) (first on \(lineWord) \(firstLine))"
        case .badWholeNumber(let value, let key, let issue):
            return numberSummary(value, key, issue, zh)
        case .badNumber(let value, let key):
            return zh ? "“\(clip(value))” 不是数字" : "\(key) \(quote(value)) is not a number"
        case .badDate(let value):
            let formats = Vocabulary.dateFormats.joined(separator: zh ? "、" : ", ")
            return zh ? "“\(clip(value))” 不是有效日期（可用格式：\(formats)）"
                : "\(quote(value)) is not a valid date in an accepted format (\(formats))"
        case .ambiguousDate(let value, let readings):
            let list = readings.map(\.description).joined(separator: zh ? " 或 " : " or ")
            return zh ? "日期“\(clip(value))”把年份写在最后，可能是 \(list)"
                : "date \(quote(value)) puts the year last: it could be \(list)"
        case .unknownRosterSchool(let id):
            return zh ? "名册中的学校“\(clip(id))”不在 schools.csv 中" : "school \(quote(id)) is not in schools.csv"
        case .unknownRosterInspector(let id):
            return zh ? "名册中的督学“\(clip(id))”不在 inspectors.csv 中" : "inspector \(quote(id)) is not in inspectors.csv"
        case .badChoice(let value, let key, let accepted):
            return zh ? "无法识别“\(clip(value))”（可填：\(accepted.joined(separator: "、"))）"
                : "unknown \(key) \(quote(value)) (accepted: \(accepted.joined(separator: ", ")))"
        case .retiredWithoutDate:
            return zh ? "在职状态为退休，但退休日期为空" : "status is retired but retired_on is empty"
        case .retiredAfterTermStart(let retiredOn, let termStart):
            return zh ? "退休日期 \(retiredOn) 晚于任期开始日 \(termStart)"
                : "retired_on \(retiredOn) is after the term start \(termStart)"
        case .retiredOnIgnored(let value):
            return zh ? "在职人员填写了退休日期“\(clip(value))”，将被忽略"
                : "retired_on \(quote(value)) is given but the status is in_service; the date is ignored"
        case .unknownConflictSchool(let id):
            return zh ? "回避学校“\(clip(id))”不在 schools.csv 中"
                : "conflicts names school \(quote(id)), which is not in schools.csv"
        case .capHasNoEffect(let value, let limit):
            return zh ? "最多负责学校数 \(value) 超过政策规定的每人 \(limit) 所，不起作用"
                : "max_schools \(value) is above the policy's \(limit) schools per inspector: it has no effect"
        case .zoneWithoutSchools(let zone):
            return zh ? "责任区“\(clip(zone))”在 schools.csv 中没有学校"
                : "zone \(quote(zone)) has no schools in schools.csv"
        case .coordinateOutOfRange(let key, let value, let limit):
            return zh ? "“\(clip(value))” 超出 -\(limit)～\(limit) 的范围"
                : "\(key) \(quote(value)) is outside -\(limit)…\(limit)"
        case .coordinateIncomplete(let given, let missing):
            return zh ? "填写了\(Columns.chineseName(given))但缺少\(Columns.chineseName(missing))"
                : "\(given) is given without \(missing)"
        case .phoneMangled(let value):
            return zh ? "联系电话“\(clip(value))”像是被 Excel 转成了科学计数法"
                : "phone \(quote(value)) looks like a number Excel turned into scientific notation"
        case .vacancyWithoutEmployment(let id):
            return zh ? "空缺岗位“\(clip(id))”未填专兼职" : "vacancy \(quote(id)) has no employment"
        case .vacancyMismatch(let id, let key, let value, let firstValue, let firstLine):
            return zh ? "空缺岗位“\(clip(id))”此处\(Columns.chineseName(key))为“\(clip(value))”，第 \(firstLine) 行为“\(clip(firstValue))”"
                : "vacancy \(quote(id)) has \(key) \(quote(value)) here but \(quote(firstValue)) on \(lineWord) \(firstLine)"
        case .noAssignee(let school):
            return zh ? "学校“\(clip(school))”未填督学编号，本行跳过"
                : "school \(quote(school)) has no inspector_id; the row is skipped"
        case .termStartMismatch(let value, let firstValue, let firstLine):
            return zh ? "任期开始日期“\(value)”与第 \(firstLine) 行的“\(firstValue)”不同"
                : "term_start \(quote(value)) differs from \(quote(firstValue)) on \(lineWord) \(firstLine)"
        case .tooManyProblems(let omitted):
            return zh ? "另有 \(omitted) 个问题未列出" : "\(omitted) more problem\(omitted == 1 ? "" : "s") not shown"
        case .tomlError(let english, let chinese):
            return zh ? "TOML 格式错误：\(chinese)" : "toml syntax error: \(english)"
        case .rosterContradictsPool(let id, let key, let value, let pool):
            return zh ? "督学 \(id) 的\(Columns.chineseName(key))写作“\(clip(value))”，督学库中为“\(clip(pool))”"
                : "\(key) of inspector \(id) reads \(quote(value)); the pool says \(quote(pool))"
        case .termsDisagreeWithRecord(let key, let id, let written, let recorded, let terms):
            let starts = terms.map(\.description)
            let what = key == "pair_terms" ? (zh ? "学校 \(id) 的本校连续届数" : "pair_terms of school \(id)")
                : (zh ? "督学 \(id) 的已连任届数" : "consecutive_terms of inspector \(id)")
            return zh ? "\(what)写作 \(written)，任用记录为 \(recorded)（记录的任期：\(starts.isEmpty ? "无" : starts.map { $0 + " 起" }.joined(separator: "、"))）"
                : "\(what) reads \(written); the roster of record gives \(recorded) (recorded terms starting \(starts.isEmpty ? "none" : starts.joined(separator: ", ")))"
        case .record(let english, let chinese):
            return zh ? chinese : english
        case .termStartNotStated(let today):
            return zh ? "未给出任期开始日期，按今天（\(today)）计算" : "no term start given: today (\(today)) is used"
        case .unknownKey(let key, let table, let suggestion, _):
            let place = table.map { zh ? "（[\($0)] 表中）" : " in [\($0)]" } ?? ""
            if zh { return "未知的键“\(clip(key))”\(place)" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "unknown key \(quote(key))\(place)" + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        case .wrongType(let key, let expected, let found):
            return zh ? "\(key) 的值是\(typeName(found, zh))，应为\(typeName(expected, zh))"
                : "\(key) is \(article(typeName(found, zh))), expected \(article(typeName(expected, zh)))"
        case .outOfRange(let key, let value, let minimum, let maximum):
            if let maximum {
                return zh ? "\(key) 的值 \(value) 超出范围 \(minimum)～\(maximum)" : "\(key) \(value) is outside \(minimum)…\(maximum)"
            }
            return zh ? "\(key) 的值 \(value) 小于 \(minimum)" : "\(key) \(value) is below \(minimum)"
        case .policyNotFound(let name, _, let suggestion):
            if zh { return "找不到预设或政策文件“\(clip(name))”" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "no preset or policy file named \(quote(name))" + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        case .workbook, .sheetNotFound, .tableTwice, .hiddenSheet, .hiddenRow, .hiddenColumn, .uncalculatedFormula, .unknownName,
            .ambiguousName, .nameContradictsID, .nameLeftPool:
            return WorkbookText.summary(kind, zh)
        case .scenario(let issue):
            return issue.summary(zh)
        case .filing(let issue):
            return issue.summary(zh)
        }
    }

    /// The fix alone.
    static func fix(_ kind: InputProblem.Kind, _ language: Language) -> String {
        let zh = language == .zh
        switch kind {
        case .fileNotFound:
            return zh ? "请把文件放进区县文件夹，或检查路径和文件名" : "put the file in the district folder, or check the path and name"
        case .folderNotFound:
            return zh ? "请给出包含 schools.csv 和 inspectors.csv（或 学校.xlsx、督学.xlsx）的文件夹，或区县工作簿（.xlsx）的路径"
                : "give the folder that holds schools.csv and inspectors.csv (or 学校.xlsx and 督学.xlsx), or the district's workbook (.xlsx)"
        case .unreadable:
            return zh ? "请检查文件权限" : "check the file's permissions"
        case .encoding(let error):
            return encodingFix(error, zh)
        case .emptyFile:
            return zh ? "请填写表头和数据行" : "add a header line and one line per record"
        case .noRecords(let what):
            switch what {
            case .schools: return zh ? "请在表头下每行填写一所学校" : "add one line per school below the header"
            case .inspectors: return zh ? "请在表头下每行填写一名督学" : "add one line per inspector below the header"
            case .assignments: return zh ? "请在表头下每行填写一所学校及其督学" : "add one line per school and its inspector"
            }
        case .openQuote:
            return zh ? "请补上右引号；字段内的引号要写成两个（\"\"）"
                : "close the quote, and double any quote inside a quoted field (\"\")"
        case .textAfterQuote:
            return zh ? "请把整个字段放进引号内，字段内的引号写成两个（\"\"）"
                : "put the whole field in quotes and double any quote inside it (\"\")"
        case .raggedRow:
            return zh ? "请检查是否多了或少了逗号；含逗号的值要加引号"
                : "check for a missing or extra comma, and quote values that contain commas"
        case .missingColumn(let key, _, let lookalike):
            if let lookalike {
                return zh ? "请把列名“\(clip(lookalike))”改为“\(clip(key))”" : "rename column \(quote(lookalike)) to \(quote(key))"
            }
            return zh ? "请添加该列" : "add the column to the header line"
        case .unknownColumn(_, let suggestion):
            if let suggestion { return zh ? "请改名为“\(clip(suggestion))”" : "rename it to \(quote(suggestion))" }
            return zh ? "如需读取该列，请改用规定的列名" : "rename it to a known column if it should be read, or delete it"
        case .duplicateColumn:
            return zh ? "请删除其中一列" : "delete one of the two columns"
        case .emptyValue(let key), .badWholeNumber(_, let key, _), .badNumber(_, let key),
            .coordinateOutOfRange(let key, _, _):
            return hint(key, zh)
        case .badChoice(_, let key, _):
            return PolicyKey.named(key) != nil ? policyHint(key, zh) : hint(key, zh)
        case .duplicateID:
            return zh ? "每行的编号必须唯一，请修改或删除重复行" : "give every row its own id, or delete the repeated row"
        case .badDate:
            return zh ? "请写成 YYYY-MM-DD，如 2023-07-01" : "write the date as YYYY-MM-DD, e.g. 2023-07-01"
        case .ambiguousDate(_, let readings):
            let example = readings.first?.description ?? "2023-07-01"
            return zh ? "请把年份写在前面，写成 YYYY-MM-DD，如 \(example)"
                : "write the year first, as YYYY-MM-DD, e.g. \(example)"
        case .unknownRosterSchool:
            return zh ? "请核对学校代码，或删除该行" : "check the school id against schools.csv, or delete the row"
        case .unknownRosterInspector:
            return zh ? "请核对督学编号；待招聘岗位请写 VACANCY-n" : "check the id against inspectors.csv, or write VACANCY-n for a recruit"
        case .retiredWithoutDate:
            return zh ? "请按 YYYY-MM-DD 填写退休日期，如 2023-07-01"
                : "write the retirement date in retired_on as YYYY-MM-DD, e.g. 2023-07-01"
        case .retiredAfterTermStart:
            return zh ? "请核对日期；任期开始时尚未退休的，在职状态应填 在职"
                : "check the date; someone not yet retired when the term starts has status in_service"
        case .retiredOnIgnored:
            return zh ? "请删除该日期，或把在职状态改为 退休" : "clear the date, or set the status to retired"
        case .unknownConflictSchool:
            return zh ? "请填写 schools.csv 中的学校代码，多个用 ; 分隔"
                : "use school ids from schools.csv, separated by ;"
        case .capHasNoEffect:
            return zh ? "请留空，或改为更小的数" : "leave it empty, or lower it"
        case .zoneWithoutSchools:
            return zh ? "请核对责任区名称是否与 schools.csv 一致" : "check the zone's spelling against schools.csv"
        case .coordinateIncomplete:
            return zh ? "请同时填写经纬度，或都留空" : "fill both lat and lon, or neither"
        case .phoneMangled:
            return zh ? "请在 Excel 中把该列设为文本格式后重新输入号码"
                : "format the phone column as text in Excel and retype the number"
        case .vacancyWithoutEmployment:
            return zh ? "请在 专兼职 列填写 专职 或 兼职" : "write full_time or part_time (专职/兼职) in an employment column"
        case .vacancyMismatch:
            return zh ? "同一空缺岗位的各行须填写一致" : "use the same value on every row of the vacancy"
        case .noAssignee:
            return zh ? "请填写督学编号，或待招聘岗位 VACANCY-n" : "write the inspector's id, or a VACANCY-n id"
        case .termStartMismatch:
            return zh ? "一份名册只属于一个任期，请各行填写同一任期开始日期"
                : "a roster belongs to one term: give every row the same term_start"
        case .tooManyProblems:
            return zh ? "请先修正以上问题后重新运行" : "fix the problems above and run again"
        case .tomlError:
            return zh ? "请按 key = value 书写，字符串加引号，日期写成 2026-09-01"
                : "write key = value, strings in quotes, dates as 2026-09-01"
        case .unknownKey(_, _, let suggestion, let accepted):
            if let suggestion { return zh ? "请改为“\(clip(suggestion))”" : "rename it to \(quote(suggestion))" }
            return zh ? "请删除该键；可用的键：\(accepted.joined(separator: "、"))"
                : "remove it; known keys: \(accepted.joined(separator: ", "))"
        case .wrongType(let key, _, _), .outOfRange(let key, _, _, _):
            return policyHint(key, zh)
        case .policyNotFound(_, let presets, _):
            return zh ? "请使用预设（\(presets.joined(separator: "、"))）或 .toml 文件的路径"
                : "use a preset (\(presets.joined(separator: ", "))) or the path of a .toml file"
        case .rosterContradictsPool:
            return zh ? "以督学库为准；如督学库有误，请先修改 inspectors.csv" : "the pool's value is used; if the pool is wrong, correct inspectors.csv first"
        case .termsDisagreeWithRecord:
            return zh ? "以任用记录为准；记录之前的任期仍按此列计算，请把此列改为记录开始前已连任的届数，或留空"
                : "the record's value is used; terms before the first recorded term still come from this column, so write there only the terms completed before the record begins, or leave it empty"
        case .record:
            return zh ? "任用记录未作改动" : "the record was not changed"
        case .termStartNotStated:
            return zh ? "请在区县的 policy.toml 中写 term_start = 2027-09-01，或在命令中给出任期开始日期"
                : "write term_start = 2027-09-01 in the district's policy.toml, or give the term start on the command"
        case .workbook, .sheetNotFound, .tableTwice, .hiddenSheet, .hiddenRow, .hiddenColumn, .uncalculatedFormula, .unknownName,
            .ambiguousName, .nameContradictsID, .nameLeftPool:
            return WorkbookText.fix(kind, zh)
        case .scenario(let issue):
            return issue.fix(zh)
        case .filing(let issue):
            return issue.fix(zh)
        }
    }

    // MARK: Pieces

    /// Where a problem is: "schools.csv 第 3 行 在校生数 列" / "schools.csv line 3, column 在校生数", or for a
    /// workbook "学校名单.xlsx 学校!D17 在校生数 列" / "学校名单.xlsx 学校!D17, column 在校生数".
    static func place(_ problem: InputProblem, _ language: Language) -> String {
        let zh = language == .zh
        var place = problem.file
        if let sheet = problem.sheet {
            let name = sheetName(sheet)
            switch (problem.line, problem.column) {
            case (let line?, let column?): place += " \(name)!\(CellReference.letters(column.index))\(line)"
            case (let line?, nil): place += zh ? " \(name) 第 \(line) 行" : " \(name) row \(line)"
            case (nil, let column?): place += " \(name)!\(CellReference.letters(column.index))"
            case (nil, nil): place += zh ? " \(name)" : " sheet \(name)"
            }
            if let column = problem.column, !column.name.isEmpty {
                place += zh ? " \(clip(column.name)) 列" : ", column \(clip(column.name))"
            }
            return place
        }
        if let line = problem.line { place += zh ? " 第 \(line) 行" : " line \(line)" }
        if let column = problem.column {
            if zh {
                place += column.name.isEmpty ? "第 \(column.index) 列" : " \(clip(column.name)) 列"
            } else {
                place += column.name.isEmpty ? ", column \(column.index)" : ", column \(clip(column.name))"
            }
        }
        return place
    }

    /// A sheet's name as Excel writes it in a reference: quoted when it holds anything but letters,
    /// digits and underscores (`'Sheet 1'!A1`), quotes inside doubled.
    static func sheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    static func quote(_ text: String) -> String { "\"\(clip(text))\"" }

    /// A value as shown in a message: at most 60 characters, so a runaway cell or header (a whole file on
    /// one line) does not flood the report.
    static func clip(_ text: String) -> String {
        guard text.utf8.count > 60, let cut = text.index(text.startIndex, offsetBy: 60, limitedBy: text.endIndex),
            cut < text.endIndex
        else { return text }
        return String(text[..<cut]) + "…"
    }

    private static func hex4(_ code: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<4).reversed().map { digits[(code >> ($0 * 4)) & 0xF] })
    }

    private static func article(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }

    private static func numberSummary(_ value: String, _ key: String, _ issue: NumberIssue, _ zh: Bool) -> String {
        switch issue {
        case .nonNumeric: zh ? "“\(clip(value))” 不是数字" : "\(key) \(quote(value)) is not a number"
        case .negative: zh ? "“\(clip(value))” 不是非负整数" : "\(key) \(quote(value)) is negative"
        case .fractional: zh ? "“\(clip(value))” 不是整数" : "\(key) \(quote(value)) is not a whole number"
        case .belowMinimum(let minimum): zh ? "“\(clip(value))” 小于 \(minimum)" : "\(key) \(quote(value)) is below \(minimum)"
        case .tooLarge: zh ? "“\(clip(value))” 过大" : "\(key) \(quote(value)) is too large"
        }
    }

    private static func encodingSummary(_ error: TextDecodingError, _ zh: Bool) -> String {
        switch error {
        case .utf16: zh ? "文件是 UTF-16 编码" : "file is UTF-16"
        case .utf32: zh ? "文件是 UTF-32 编码" : "file is UTF-32"
        case .workbook: zh ? "文件是 Excel 工作簿（.xlsx/.xls），不是 CSV" : "file is an Excel workbook (.xlsx/.xls), not CSV"
        case .binary(let offset): zh ? "文件不是文本（第 \(offset) 字节为 NUL）" : "file is not text (NUL byte at offset \(offset))"
        case .undecodable(_, let offset):
            zh ? "文件既不是 UTF-8 也不是 GBK 编码（第 \(offset) 字节无法识别）"
                : "file is neither UTF-8 nor GBK/GB18030 (bad byte at offset \(offset))"
        case .converterUnavailable: zh ? "本机 iconv 无法转换 GB18030" : "this system's iconv cannot convert GB18030"
        case .mixed(let utf8Line, let otherLine):
            zh ? "文件混用了多种编码：第 \(utf8Line) 行是 UTF-8，第 \(otherLine) 行不是（可能是 GBK）"
                : "file mixes encodings: line \(utf8Line) is UTF-8 but line \(otherLine) is not (GBK?)"
        }
    }

    private static func encodingFix(_ error: TextDecodingError, _ zh: Bool) -> String {
        switch error {
        case .converterUnavailable:
            zh ? "请安装 glibc 的 gconv 模块，或把文件另存为 UTF-8" : "install the glibc gconv modules, or save the file as UTF-8"
        case .workbook:
            zh ? "请把扩展名改为 .xlsx（工作簿可直接读取），或在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”"
                : "rename it to .xlsx (workbooks are read as they are), or in Excel use Save As → CSV UTF-8 (comma delimited)"
        case .binary:
            zh ? "请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”" : "in Excel use Save As → CSV UTF-8 (comma delimited)"
        case .mixed:
            zh ? "请改正乱码的行，再把整个文件另存为 CSV UTF-8"
                : "fix the garbled lines and save the whole file once as CSV UTF-8"
        default:
            zh ? "请另存为 UTF-8 或 GBK（Excel 中选“CSV UTF-8”）" : "save it as UTF-8 or GBK (CSV UTF-8 in Excel)"
        }
    }

    /// What a column should hold.
    static func hint(_ key: String, _ zh: Bool) -> String {
        switch key {
        case "id": zh ? "每行填写唯一编号，如 S001" : "write a unique code in every row, e.g. S001"
        case "name": zh ? "请填写名称" : "write the name"
        case "enrollment": zh ? "请填写学生人数，如 1200" : "write the number of students, e.g. 1200"
        case "zone":
            zh ? "请填写责任区；不分责任区时每行填同一名称，如 全区"
                : "write the responsibility zone; if the district has none, write the same name on every row"
        case "stage", "stages":
            zh ? "请填写学段，如 小学、初中、高中、九年一贯制；多个学段用 ; 分隔"
                : "write a stage such as primary, junior, senior, nine_year (or 小学, 初中 …); separate several with ;"
        case "large": zh ? "请填写 是 或 否，或留空按在校生数判断" : "write yes or no (是/否), or leave it empty to use the enrollment threshold"
        case "lat": zh ? "请填写十进制纬度，如 34.86" : "write the latitude in decimal degrees, e.g. 34.86"
        case "lon": zh ? "请填写十进制经度，如 117.55" : "write the longitude in decimal degrees, e.g. 117.55"
        case "employment": zh ? "请填写 专职 或 兼职" : "write full_time or part_time (专职/兼职)"
        case "status": zh ? "请填写 在职 或 退休" : "write in_service or retired (在职/退休)"
        case "retired_on": zh ? "请按 YYYY-MM-DD 填写退休日期，如 2023-07-01" : "write the retirement date as YYYY-MM-DD, e.g. 2023-07-01"
        case "consecutive_terms":
            zh ? "请填写已连续任职的届数，首次任职填 0" : "write how many consecutive terms the inspector has completed, e.g. 0"
        case "max_schools":
            zh ? "请填写不小于 1 的整数，或留空表示不设个人上限" : "write a whole number of at least 1, or leave it empty for no personal cap"
        case "school_id": zh ? "请填写 schools.csv 中的学校代码" : "write the school's id from schools.csv"
        case "inspector_id": zh ? "请填写督学编号，或待招聘岗位 VACANCY-n" : "write the inspector's id, or a VACANCY-n id"
        case "phone": zh ? "请填写联系电话" : "write the phone number"
        default: zh ? "请按说明填写" : "correct the value"
        }
    }

    /// How a policy key is written.
    static func policyHint(_ key: String, _ zh: Bool) -> String {
        if key == "sources" {
            return zh ? "请写成 [sources] 表，如 min_full_time_share = \"琼办发〔2021〕13号 §16\""
                : "write a [sources] table of strings, e.g. min_full_time_share = \"琼办发〔2021〕13号 §16\""
        }
        guard let policyKey = PolicyKey.named(key) else {
            return zh ? "请按 key = value 书写" : "write key = value"
        }
        let example: String
        switch policyKey.type {
        case .integer(let minimum, let maximum), .integerOrOff(let minimum, let maximum):
            let sample = ["schools_per_inspector": "5", "large_school_enrollment": "2000", "max_years_retired": "3",
                          "min_training_hours": "40", "max_zone_schools": "20"][key] ?? "\(max(minimum, 3))"
            let off = policyKey.type == .integerOrOff(minimum: minimum, maximum: maximum)
                ? (zh ? "，或 \"off\" 表示不设" : ", or \"off\" for none") : ""
            return zh ? "请写成 \(minimum) 到 \(maximum) 之间的整数，如 \(key) = \(sample)\(off)"
                : "write a whole number from \(minimum) to \(maximum), e.g. \(key) = \(sample)\(off)"
        case .share:
            return zh ? "请写成 0 到 1 之间的小数，如 20% 写 \(key) = 0.20"
                : "write a fraction from 0 to 1, e.g. \(key) = 0.20 for 20%"
        case .date: example = "\(key) = 2026-09-01"
        case .text: example = "\(key) = \"" + (zh ? "本区政策" : "my district") + "\""
        case .choice(let words):
            let quoted = words.map { "\"\($0)\"" }
            return zh ? "请写成 \(key) = " + quoted.joined(separator: "、")
                : "write \(key) = " + quoted.joined(separator: ", ")
        }
        return zh ? "请写成 \(example)" : "write \(example)"
    }

    private static func typeName(_ type: String, _ zh: Bool) -> String {
        guard zh else { return type }
        switch type {
        case "integer": return "整数"
        case "number": return "数字"
        case "string": return "字符串"
        case "date": return "日期"
        case "table": return "表"
        case "array": return "数组"
        case "boolean", "bool": return "布尔值"
        case "floating-point number": return "小数"
        default: return type
        }
    }
}
