import DuxueDomain
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
    static func render(_ entry: DistrictEntry, workbench: Workbench, request: Request) throws -> Response {
        let language = HTTP.language(request)
        let detail = DistrictDetail.make(entry, language: language)
        let strings = language == .zh ? PageText.zh : PageText.en
        let context: [String: Any] = [
            "lang": language.rawValue,
            "other": language == .zh ? "en" : "zh",
            "otherLabel": language == .zh ? "English" : "中文",
            "csrf": workbench.csrfToken,
            "t": strings,
            "district": ["id": entry.id, "name": detail.name, "schoolCount": detail.schools.count,
                         "inspectorCount": detail.pool?.inspectors ?? 0, "eligible": detail.pool?.eligible ?? 0],
            "districts": workbench.districts.map {
                ["id": $0.id, "current": $0.id == entry.id,
                 "href": "/districts/" + ($0.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? "")]
            },
            "schools": detail.schools.map {
                ["id": $0.id, "name": $0.name, "stage": $0.stage, "zone": $0.zone, "enrollment": $0.enrollment, "large": $0.large]
            },
            "problems": detail.problems.map { ["text": $0.text, "error": $0.severity == "error"] },
            "hasProblems": !detail.problems.isEmpty,
            "presets": Presets.names,
        ]
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
        "findings": "检查结果", "excluded": "未聘督学及原因", "summary": "概况", "shortfall": "按责任区的缺口",
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
        "findings": "Findings", "excluded": "Excluded inspectors and why", "summary": "Summary", "shortfall": "Shortfall by zone",
    ]
}
