import DuxueSheets

/// The English and Chinese wording of the problems of workbooks, sheets and names (the kinds added for
/// Excel input), in the style of ``ProblemText``.
enum WorkbookText {
    /// The message alone.
    static func summary(_ kind: InputProblem.Kind, _ zh: Bool) -> String {
        switch kind {
        case .workbook(let error): return workbookSummary(error, zh)
        case .sheetNotFound(let table, let accepted, let sheets):
            let list = sheets.isEmpty ? (zh ? "无" : "none") : sheets.map(ProblemText.clip).joined(separator: zh ? "、" : ", ")
            return zh ? "工作簿中没有\(tableName(table, zh))工作表（可用的工作表名：\(accepted.joined(separator: "、"))；现有工作表：\(list)）"
                : "the workbook has no \(tableName(table, zh)) sheet (accepted names: \(accepted.joined(separator: ", ")); its sheets: \(list))"
        case .tableTwice(let table, let places):
            return zh ? "\(tableName(table, zh))出现了不止一处：\(places.joined(separator: "、"))"
                : "the \(tableName(table, zh)) are given more than once: \(places.joined(separator: ", "))"
        case .hiddenSheet:
            return zh ? "该工作表在 Excel 中是隐藏的，仍按其内容读取" : "the sheet is hidden in Excel; it is read all the same"
        case .hiddenRow:
            return zh ? "该行在 Excel 中是隐藏的，仍按其内容读取" : "the row is hidden in Excel; it is read all the same"
        case .hiddenColumn:
            return zh ? "该列在 Excel 中是隐藏的，仍按其内容读取" : "the column is hidden in Excel; it is read all the same"
        case .uncalculatedFormula(let formula):
            return zh ? "公式“=\(ProblemText.clip(formula))”没有保存计算结果，按空白读取"
                : "formula \(ProblemText.quote("=" + formula)) has no saved value; the cell reads as empty"
        case .unknownName(let key, let name, let nearest):
            let near = nearest.isEmpty ? "" : zh ? "（相近的有：\(nearest.joined(separator: "、"))）"
                : " (nearest: \(nearest.joined(separator: ", ")))"
            return zh ? "没有名为“\(ProblemText.clip(name))”的\(entity(key, zh))\(near)"
                : "no \(entity(key, zh)) is named \(ProblemText.quote(name))\(near)"
        case .nameLeftPool(let name, let nearest):
            let near = nearest.isEmpty ? "" : zh ? "（相近的有：\(nearest.joined(separator: "、"))）"
                : " (nearest: \(nearest.joined(separator: ", ")))"
            return zh ? "督学“\(ProblemText.clip(name))”已不在督学库中，按已离开处理，列入变动清单\(near)"
                : "inspector \(ProblemText.quote(name)) is no longer in the pool: taken as having left it, a departure in the change list\(near)"
        case .ambiguousName(let key, let name, let candidates):
            return zh ? "有 \(candidates.count) \(isSchool(key) ? "所学校" : "名督学")都叫“\(ProblemText.clip(name))”：\(candidates.joined(separator: "、"))"
                : "\(candidates.count) \(entity(key, zh))s are named \(ProblemText.quote(name)): \(candidates.joined(separator: ", "))"
        case .nameContradictsID(let key, let id, let written, let actual):
            return zh ? "\(isSchool(key) ? "学校代码" : "督学编号") \(id) 的\(Columns.chineseName(key))写作“\(ProblemText.clip(written))”，\(isSchool(key) ? "学校名单" : "督学库")中为“\(ProblemText.clip(actual))”"
                : "\(key) of \(entity(key, zh)) \(id) reads \(ProblemText.quote(written)); the district says \(ProblemText.quote(actual))"
        default: return ""
        }
    }

    /// The fix alone.
    static func fix(_ kind: InputProblem.Kind, _ zh: Bool) -> String {
        switch kind {
        case .workbook(let error): return workbookFix(error, zh)
        case .sheetNotFound(let table, let accepted, _):
            let name = accepted.first { $0.unicodeScalars.contains { $0.value > 0x7F } } ?? accepted.first ?? ""
            return zh ? "请把\(tableName(table, zh))所在的工作表改名为“\(name)”" : "rename the sheet that holds the \(tableName(table, zh)) to \(name)"
        case .tableTwice:
            return zh ? "请只保留一处，删除或改名其余的" : "keep one and delete or rename the others"
        case .hiddenSheet:
            return zh ? "请取消隐藏以便核对；如不应读取，请删除该工作表" : "unhide it so that what is read can be checked, or delete it if it should not be read"
        case .hiddenRow:
            return zh ? "如该行不应计入，请删除该行；否则请取消隐藏" : "delete the row if it should not count, or unhide it"
        case .hiddenColumn:
            return zh ? "如该列不应读取，请删除该列；否则请取消隐藏" : "delete the column if it should not be read, or unhide it"
        case .uncalculatedFormula:
            return zh ? "请用 Excel 或 WPS 打开工作簿并保存一次，使公式算出结果"
                : "open the workbook in Excel or WPS and save it once, so that the formula's value is saved"
        case .unknownName(let key, _, _):
            return isSchool(key) ? (zh ? "请核对学校名称，或改填学校代码" : "check the name against the school list, or give the school's id (学校代码)")
                : (zh ? "请核对姓名，或改填督学编号" : "check the name against the pool, or give the inspector's id (督学编号)")
        case .nameLeftPool:
            return zh ? "如是笔误，请改正姓名或改填督学编号" : "if the name is mistyped, correct it or give the inspector's id (督学编号)"
        case .ambiguousName(let key, _, _):
            return isSchool(key) ? (zh ? "请填写学校代码以区分" : "give the school's id (学校代码) to tell them apart")
                : (zh ? "请填写督学编号以区分" : "give the inspector's id (督学编号) to tell them apart")
        case .nameContradictsID:
            return zh ? "以编号为准；如编号有误，请改正编号" : "the id is used; if the id is wrong, correct it"
        default: return ""
        }
    }

    private static func isSchool(_ key: String) -> Bool { !key.hasPrefix("inspector") }

    private static func entity(_ key: String, _ zh: Bool) -> String {
        isSchool(key) ? (zh ? "学校" : "school") : (zh ? "督学" : "inspector")
    }

    private static func tableName(_ table: TableKind, _ zh: Bool) -> String {
        switch table {
        case .schools: zh ? "学校名单" : "schools"
        case .inspectors: zh ? "督学库" : "inspectors"
        }
    }

    private static func workbookSummary(_ error: WorkbookError, _ zh: Bool) -> String {
        switch error {
        case .legacyFormat(let format):
            switch format {
            case .xls: return zh ? "文件是旧版 Excel 97-2003 工作簿（.xls），无法读取" : "file is an Excel 97-2003 workbook (.xls), which is not read"
            case .et: return zh ? "文件是 WPS 表格格式（.et），无法读取" : "file is a WPS workbook (.et), which is not read"
            case .numbers: return zh ? "文件是 Numbers 文稿，无法读取" : "file is an Apple Numbers document, which is not read"
            case .ods: return zh ? "文件是 OpenDocument 表格（.ods），无法读取" : "file is an OpenDocument spreadsheet (.ods), which is not read"
            case .xlsb: return zh ? "文件是 Excel 二进制工作簿（.xlsb），无法读取" : "file is an Excel binary workbook (.xlsb), which is not read"
            case .encryptedOrLegacy:
                return zh ? "文件设有打开密码，或是改了扩展名的 .xls，无法读取"
                    : "file is password-protected, or an .xls renamed to .xlsx, and cannot be read"
            }
        case .notAWorkbook(let reason): return zh ? "文件不是 Excel 工作簿（\(reason)）" : "file is not an Excel workbook (\(reason))"
        case .missingPart(let part): return zh ? "工作簿缺少 \(part)" : "the workbook has no \(part)"
        case .malformedXML(let part, let line, let reason):
            return zh ? "工作簿的 \(part) 第 \(line) 行格式错误（\(reason)）" : "\(part) line \(line) of the workbook is not well-formed XML (\(reason))"
        case .doctypeRefused(let part): return zh ? "工作簿的 \(part) 含有 DTD 声明，拒绝读取" : "\(part) of the workbook declares a DTD and is refused"
        case .tooLarge(let limit):
            return zh ? "工作簿解压后超过 \(limit >> 20) MB，拒绝读取" : "the workbook unpacks to more than \(limit >> 20) MB and is refused"
        case .tooManyEntries(let limit):
            return zh ? "工作簿内含文件超过 \(limit) 个，拒绝读取" : "the workbook holds more than \(limit) files and is refused"
        case .compressionRatio(let part, let limit):
            return zh ? "工作簿的 \(part) 压缩比超过 \(limit):1（疑似压缩炸弹），拒绝读取"
                : "\(part) of the workbook compresses more than \(limit):1 (a zip bomb?) and is refused"
        case .sizeMismatch(let part):
            return zh ? "工作簿的 \(part) 解压后大于其声明的大小，拒绝读取" : "\(part) of the workbook unpacks to more than it declares and is refused"
        case .tooManyRows(let sheet, let limit):
            return zh ? "工作表“\(sheet)”有数据的行超过 \(limit) 行" : "sheet \(ProblemText.quote(sheet)) has more than \(limit) rows with values"
        case .tooManyColumns(let sheet, let column, let limit):
            return zh ? "工作表“\(sheet)”的 \(column) 列有数据，超过了 \(limit) 列的上限"
                : "sheet \(ProblemText.quote(sheet)) has a value in column \(column), past the limit of \(limit) columns"
        case .tooManyCells(let sheet, let limit):
            return zh ? "工作表“\(sheet)”有数据的单元格超过 \(limit) 个" : "sheet \(ProblemText.quote(sheet)) has more than \(limit) cells with values"
        case .corrupt(let part, let reason):
            return zh ? "工作簿的 \(part) 无法解压（\(reason)）" : "\(part) of the workbook cannot be unpacked (\(reason))"
        }
    }

    private static func workbookFix(_ error: WorkbookError, _ zh: Bool) -> String {
        switch error {
        case .legacyFormat(.encryptedOrLegacy):
            return zh ? "请在 Excel 或 WPS 中取消密码，再“另存为” .xlsx（Excel 工作簿）" : "remove the password, then save it as .xlsx (Excel Workbook)"
        case .legacyFormat, .notAWorkbook:
            return zh ? "请在 Excel 或 WPS 中“另存为” .xlsx（Excel 工作簿），或另存为 CSV UTF-8"
                : "save it as .xlsx (Excel Workbook) in Excel or WPS, or as CSV UTF-8"
        case .missingPart, .malformedXML, .corrupt:
            return zh ? "请用 Excel 或 WPS 打开后重新“另存为” .xlsx" : "open it in Excel or WPS and save it again as .xlsx"
        case .doctypeRefused, .compressionRatio, .sizeMismatch:
            return zh ? "请确认文件来源；正常的工作簿请用 Excel 或 WPS 重新保存" : "check where the file came from; save a genuine workbook again in Excel or WPS"
        case .tooLarge, .tooManyEntries:
            return zh ? "请删除图片和无关的工作表，或拆分为学校、督学两个工作簿" : "remove pictures and unrelated sheets, or split it into a schools and an inspectors workbook"
        case .tooManyRows, .tooManyCells:
            return zh ? "请删除表格下方的空行和无关数据" : "delete the unused rows and unrelated data below the table"
        case .tooManyColumns:
            return zh ? "请删除表格右侧多余的数据" : "delete the stray values to the right of the table"
        }
    }
}
