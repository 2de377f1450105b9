import DuxueDomain
import DuxueInput
import Foundation
import Hummingbird
import Mustache

/// The workbench page: rendered through a Mustache template (which escapes every value), with the
/// script, the style sheet and the icon embedded in the binary (no CDN, no web fonts).
enum Page {
    /// The template, parsed once.
    static let template: MustacheTemplate? = try? MustacheTemplate(string: Assets.pageTemplate)

    static func add(to router: Router<BasicRequestContext>, workbench: Workbench) {
        router.get("/") { request, _ in
            try render(workbench.districts[0], workbench: workbench, request: request)
        }
        router.get("/districts/{id}") { request, context in
            let entry = try workbench.district(context.parameters.get("id"), language: HTTP.language(request))
            return try render(entry, workbench: workbench, request: request)
        }
        router.get("/assets/app.js") { _, _ in asset(Assets.script, type: "text/javascript; charset=utf-8") }
        router.get("/assets/app.css") { _, _ in asset(Assets.style, type: "text/css; charset=utf-8") }
        router.get("/favicon.svg") { _, _ in asset(Assets.favicon, type: "image/svg+xml") }
        router.get("/favicon.ico") { _, _ in asset(Assets.favicon, type: "image/svg+xml") }
        router.get("/openapi.json") { _, _ in
            HTTP.bytes(Array(OpenAPIDocument.text.utf8), type: "application/json; charset=utf-8")
        }
    }

    private static func asset(_ text: String, type: String) -> Response {
        var response = HTTP.bytes(Array(text.utf8), type: type)
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// The first page of a district: its schools listed, its input problems, and the workbench around them.
    /// `csrf` and `base` are the city server's (a session's token; the district's URL prefix `/d/ID`).
    static func render(_ entry: DistrictEntry, workbench: Workbench, request: Request, csrf: String? = nil, base: String = "",
                       city: [String: String]? = nil) throws -> Response {
        let language = HTTP.language(request)
        let detail = DistrictDetail.make(entry, language: language, names: workbench.fileNames(for: entry))
        let strings = language == .zh ? PageText.zh : PageText.en
        var context: [String: Any] = [
            "lang": language.rawValue,
            "other": language == .zh ? "en" : "zh",
            "otherLabel": language == .zh ? "English" : "中文",
            "csrf": csrf ?? workbench.csrfToken,
            "base": base,
            "t": strings,
            "district": ["id": entry.id, "name": detail.name, "schoolCount": detail.schools.count,
                         "inspectorCount": detail.pool?.inspectors ?? 0, "eligible": detail.pool?.eligible ?? 0],
            // Each district as people know it (its policy's name), its id (the folder's name) on hover.
            "districts": workbench.districts.map {
                ["id": $0.id, "current": $0.id == entry.id,
                 "name": $0.id == entry.id ? detail.name : PolicyReader.districtName(of: $0.path) ?? $0.id,
                 "href": base + "/districts/" + ($0.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? "")]
            },
            "schools": detail.schools.map {
                ["id": $0.id, "name": $0.name, "stage": $0.stage, "zone": $0.zone, "enrollment": $0.enrollment, "large": $0.large]
            },
            "problems": detail.problems.map { ["text": $0.text, "error": $0.severity == "error"] },
            "hasProblems": !detail.problems.isEmpty,
            "hasRecord": detail.hasRecord,
            "presets": Presets.names,
        ]
        if let city { context["city"] = city }
        guard let template else { throw Failure.from(CocoaError(.formatting), language: language) }
        var response = HTTP.bytes(Array(template.render(context).utf8), type: "text/html; charset=utf-8")
        response.headers[.setCookie] = "duxue_lang=\(language.rawValue); Path=/; SameSite=Strict"
        return response
    }
}

/// The page's fixed words in each language (the script has its own).
enum PageText {
    static let zh: [String: String] = [
        "title": "督学工作台", "policy": "政策", "ownPolicy": "本区县政策（policy.toml）", "districts": "区县", "schools": "学校", "plan": "编制名册", "roster": "名册",
        "map": "地图", "compare": "方案比较", "check": "检查与调整", "download": "下载", "problems": "输入问题",
        "id": "学校代码", "name": "学校名称", "stage": "学段", "zone": "责任区", "enrollment": "在校生", "large": "大规模",
        "pool": "督学库", "eligible": "可聘", "start": "开始编制", "replan": "保留我的改动重新编制", "undo": "撤销",
        "filterZone": "责任区", "filterInspector": "督学", "filterFinding": "只看有问题的学校", "all": "全部",
        "sweeps": "参数（每行一组，如 min_full_time_share=0.3,0.4）", "run": "运行", "checkRoster": "检查名册（上传 CSV/XLSX）",
        "renewRoster": "年度调整（上传上一届名册）", "asOf": "生效日期", "noJS": "本页需要启用 JavaScript。",
        "rosterCSV": "名册 CSV", "rosterXLSX": "名册 XLSX", "filingXLSX": "备案材料 XLSX", "filingHTML": "备案材料 HTML",
        "findings": "检查结果",
        "history": "任用记录", "noRecord": "本区县还没有任用记录（duxue.sqlite）。编制名册后可在“名册”下记录。",
        "recordTitle": "记入任用记录", "recordStatus": "状态", "draft": "草稿", "filed": "已报备", "approved": "已批准",
        "docNo": "聘任文号", "replace": "替换本届已记录的名册（旧版本保留）", "recordStart": "记录此名册",
        "renewRecord": "按任用记录中的现行名册调整",
        "overrides": "调整政策参数（本次编制）", "overridesHint": "留空即用本区县政策的值；与方案文件、参数扫描同样检查。",
        "key": "键", "keyName": "名称", "keyType": "类型与范围", "keyValue": "当前值", "keyOverride": "改为",
        "scenarioForm": "编写方案（增删学校或督学）", "scenarioName": "方案名称", "scSettings": "政策参数（每行 key=value）",
        "scRemoveSchools": "撤并学校（代码，逗号分隔）", "scRemoveInspectors": "移出督学（编号）", "scUnavailable": "暂不可聘督学（编号）",
        "scAddSchools": "新增学校（每行：代码,名称,在校生,责任区,学段）", "scAddInspectors": "新增督学（每行：编号,姓名,专兼职 full_time/part_time,责任区）",
        "scAdd": "加入比较", "uploadDistrict": "上传区县文件", "uploadHint": "上传学校和督学名单（CSV 或 XLSX），在本次会话中作为临时区县使用；服务器停止时删除，只保留最近上传的 \(Workbench.maxUploads) 个。",
        "schoolsFile": "学校名单", "inspectorsFile": "督学名单", "uploadStart": "上传并检查",
    ]
    static let en: [String: String] = [
        "title": "Inspector workbench", "policy": "Policy", "ownPolicy": "the district's own (policy.toml)", "districts": "Districts", "schools": "Schools", "plan": "Plan", "roster": "Roster",
        "map": "Map", "compare": "Compare", "check": "Check & renew", "download": "Download", "problems": "Input problems",
        "id": "School id", "name": "School", "stage": "Stage", "zone": "Zone", "enrollment": "Enrollment", "large": "Large",
        "pool": "Pool", "eligible": "eligible", "start": "Plan", "replan": "Re-plan keeping my edits", "undo": "Undo",
        "filterZone": "Zone", "filterInspector": "Inspector", "filterFinding": "Only schools with findings", "all": "All",
        "sweeps": "Sweeps (one per line, e.g. min_full_time_share=0.3,0.4)", "run": "Run", "checkRoster": "Check a roster (upload CSV/XLSX)",
        "renewRoster": "Renew (upload the previous roster)", "asOf": "As of", "noJS": "This page needs JavaScript.",
        "rosterCSV": "Roster CSV", "rosterXLSX": "Roster XLSX", "filingXLSX": "Filing XLSX", "filingHTML": "Filing HTML",
        "findings": "Findings",
        "history": "Record", "noRecord": "The district has no roster of record (duxue.sqlite) yet. Record a planned roster under Roster.",
        "recordTitle": "Record in the roster of record", "recordStatus": "Status", "draft": "draft", "filed": "filed", "approved": "approved",
        "docNo": "Document no. (文号)", "replace": "Replace the term's recorded roster (the old version is kept)", "recordStart": "Record this roster",
        "renewRecord": "Renew the roster in force in the record",
        "overrides": "Override policy keys (this plan)", "overridesHint": "Empty: the district's value. Checked as in scenario files and sweeps.",
        "key": "Key", "keyName": "Name", "keyType": "Type and bounds", "keyValue": "Value", "keyOverride": "Set to",
        "scenarioForm": "Write a scenario (add or remove schools or inspectors)", "scenarioName": "Scenario name", "scSettings": "Policy keys (one key=value per line)",
        "scRemoveSchools": "Remove schools (ids, comma-separated)", "scRemoveInspectors": "Remove inspectors (ids)", "scUnavailable": "Unavailable inspectors (ids)",
        "scAddSchools": "Add schools (per line: id,name,enrollment,zone,stage)", "scAddInspectors": "Add inspectors (per line: id,name,full_time/part_time,zone)",
        "scAdd": "Add to the comparison", "uploadDistrict": "Upload a district", "uploadHint": "Upload the schools and inspectors lists (CSV or XLSX) as a district for this session; the server deletes them when it stops and keeps the \(Workbench.maxUploads) newest.",
        "schoolsFile": "Schools", "inspectorsFile": "Inspectors", "uploadStart": "Upload and check",
    ]
}
