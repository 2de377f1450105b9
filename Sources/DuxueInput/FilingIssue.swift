import DuxueDomain

/// What the upper level's re-check (`duxue review`) finds wrong with a filing workbook as a file, or
/// between its sheets, or against the city's list of schools (a kind of ``InputProblem``: one problem
/// model for districts, rosters, policies, scenarios and filings). The rules' own findings are not here:
/// they come from the re-audit.
public enum FilingIssue: Sendable, Hashable {
    /// A sheet `duxue check` writes into every filing is missing (not a filing, or a sheet was removed).
    case sheetMissing(name: String)
    /// A sheet has no header row Duxue recognises (`wanted` names the columns looked for).
    case headerMissing(wanted: [String])
    /// A value on a sheet people see (名册, 公示) differs from the internal sheets Duxue wrote with it:
    /// the workbook was edited after Duxue wrote it. `field` is the column's key (`inspector_id`,
    /// `school_codes`, `inspector_name`, `school_name`, `phone`, `row`); `subject` the school or inspector id.
    case edited(field: String, subject: String, visible: String, recorded: String)
    /// An internal sheet's digest (or the cover's 数据校验码) does not match its data: an internal sheet
    /// was changed after Duxue wrote it.
    case digestMismatch(stored: String, computed: String)
    /// A school on the city's list for the district is not in the district's filing.
    case schoolNotFiled(district: String, id: String, name: String)
    /// A school in the filing is not on the city's list for the district.
    case schoolUnknownToCity(district: String, id: String, name: String)
    /// The filing's district is not on the city's list at all.
    case districtUnknownToCity(district: String, known: [String])
    /// A district on the city's list filed nothing.
    case districtNotFiled(district: String, schools: Int)
    /// Two filings declare the same district (the first file named).
    case districtFiledTwice(district: String, firstFile: String)
    /// The folder holds no filing workbook.
    case noFilings
    /// The folder of filings does not exist (or is not a folder).
    case folderNotFound(path: String)
}

extension FilingIssue {
    /// Whether the issue stops the filing from being reviewed at all (the file is unreadable as a filing).
    public var isUnreadable: Bool {
        switch self {
        case .sheetMissing, .headerMissing, .noFilings, .folderNotFound: true
        default: false
        }
    }

    /// The names `field` has in messages.
    static func fieldName(_ field: String, _ zh: Bool) -> String {
        switch field {
        case "inspector_id": zh ? "督学编号" : "inspector id"
        case "school_codes": zh ? "负责学校代码" : "schools held"
        case "inspector_name": zh ? "督学姓名" : "inspector's name"
        case "school_name": zh ? "学校名称" : "school name"
        case "phone": zh ? "联系电话" : "phone"
        case "row", "duplicate_row": zh ? "行" : "row"
        default: field
        }
    }

    func summary(_ zh: Bool) -> String {
        switch self {
        case .sheetMissing(let name):
            return zh ? "缺少工作表“\(name)”：不是 Duxue 写出的备案材料，或该表已被删除"
                : "sheet \"\(name)\" is missing: not a filing Duxue wrote, or the sheet was deleted"
        case .headerMissing(let wanted):
            return zh ? "找不到表头（应含 \(wanted.joined(separator: "、"))）" : "no header row (with \(wanted.joined(separator: ", ")))"
        case .edited(let field, let subject, let visible, let recorded):
            let name = Self.fieldName(field, zh)
            if field == "duplicate_row" {
                return zh ? "在 Duxue 写出后被改动：\(subject) 在此表出现了不止一次，内部表只有一行"
                    : "edited after Duxue wrote it: \(subject) is listed more than once on this sheet; the internal sheets have it once"
            }
            if field == "row" {
                return zh ? "在 Duxue 写出后被改动：\(subject) 在此表\(visible.isEmpty ? "缺少" : "多出")，内部表\(recorded.isEmpty ? "没有" : "有")该行"
                    : "edited after Duxue wrote it: \(subject) is \(visible.isEmpty ? "missing from" : "added to") this sheet; the internal sheets \(recorded.isEmpty ? "do not have" : "have") it"
            }
            return zh ? "在 Duxue 写出后被改动：\(subject) 的\(name)此处为“\(visible)”，内部表记录为“\(recorded)”"
                : "edited after Duxue wrote it: \(name) of \(subject) reads \"\(visible)\" here, the internal sheets recorded \"\(recorded)\""
        case .digestMismatch(let stored, let computed):
            return zh ? "校验码不符：记录为 \(stored)，按数据算得 \(computed)（内部表在写出后被改动）"
                : "digest mismatch: stored \(stored), computed \(computed) (an internal sheet was changed after it was written)"
        case .schoolNotFiled(let district, let id, let name):
            return zh ? "市级学校名单中\(district)的学校 \(name)（\(id)）不在该区县的备案材料中"
                : "school \(name) (\(id)) of \(district) on the city's list is not in the district's filing"
        case .schoolUnknownToCity(let district, let id, let name):
            return zh ? "备案材料中的学校 \(name)（\(id)）不在市级学校名单的\(district)学校中"
                : "school \(name) (\(id)) in the filing is not on the city's list for \(district)"
        case .districtUnknownToCity(let district, let known):
            let list = known.prefix(8).joined(separator: zh ? "、" : ", ")
            return zh ? "区县“\(district)”不在市级学校名单中（名单中的区县：\(list)）"
                : "district \"\(district)\" is not on the city's list (its districts: \(list))"
        case .districtNotFiled(let district, let schools):
            return zh ? "市级学校名单中的\(district)（\(schools) 所学校）没有备案材料"
                : "\(district) on the city's list (\(schools) schools) filed nothing"
        case .districtFiledTwice(let district, let firstFile):
            return zh ? "\(district)有两份备案材料（另一份为 \(firstFile)）" : "\(district) filed twice (the other file is \(firstFile))"
        case .noFilings:
            return zh ? "文件夹中没有备案材料（.xlsx）" : "the folder holds no filing workbook (.xlsx)"
        case .folderNotFound(let path):
            return zh ? "找不到备案材料文件夹 \(path)" : "folder of filings not found: \(path)"
        }
    }

    func fix(_ zh: Bool) -> String {
        switch self {
        case .sheetMissing, .headerMissing:
            return zh ? "请区县用 Duxue 检查名册时生成的备案材料（.xlsx）报送" : "ask the district to file the workbook Duxue writes when it checks the roster"
        case .edited:
            return zh ? "以公示和名册上看到的配对复核；请区县改正名册后用 Duxue 重新生成备案材料，不要在 Excel 中手改"
                : "the visible pairs are the ones checked; ask the district to correct the roster and file a workbook Duxue writes again, not one edited by hand"
        case .digestMismatch:
            return zh ? "请区县重新生成备案材料；核对盖章纸质材料上的数据校验码" : "ask the district to write the filing again; compare the digest on the sealed paper"
        case .schoolNotFiled:
            return zh ? "请区县把该校列入学校名单并配备责任督学，重新备案" : "ask the district to add the school, assign it an inspector and file again"
        case .schoolUnknownToCity:
            return zh ? "核对学校代码；如为新校，请更新市级学校名单" : "check the school id; if the school is new, update the city's list"
        case .districtUnknownToCity:
            return zh ? "核对区县名称（备案材料的区县名称 district_name 与市级名单的区县列应一致）"
                : "check the district's name (the filing's district_name and the city list's district column must agree)"
        case .districtNotFiled:
            return zh ? "请该区县报送备案材料" : "ask the district to file its roster"
        case .districtFiledTwice:
            return zh ? "保留一份（最新的）备案材料" : "keep one (the latest) filing"
        case .noFilings, .folderNotFound:
            return zh ? "请给出存放区县报送的 .xlsx 备案材料的文件夹" : "give the folder that holds the districts' .xlsx filings"
        }
    }
}
