import DuxueCity
import DuxueDomain
import DuxueReport
import DuxueServer
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The city's pages (login, dashboard, a district's filings, accounts) through Mustache templates that
/// escape every value (`{{x}}`; the templates never use `{{{x}}}`), Chinese first with English.
enum CityPages {
    static let library: MustacheLibrary? = {
        var library = MustacheLibrary()
        for (name, text) in CityAssets.templates {
            guard let template = try? MustacheTemplate(string: text) else { return nil }
            library.register(template, named: name)
        }
        return library
    }()

    static func render(_ name: String, _ context: [String: Any], request: Request, status: HTTPResponse.Status = .ok) throws -> Response {
        let language = HTTP.language(request)
        guard let library, let text = library.render(context, withTemplate: name) else {
            throw Failure(status: .internalServerError, code: "internal", message: language == .zh ? "服务器内部错误" : "internal error")
        }
        var response = HTTP.bytes(Array(text.utf8), type: "text/html; charset=utf-8", status: status)
        response.headers[.setCookie] = "duxue_lang=\(language.rawValue); Path=/; SameSite=Strict"
        return response
    }

    static func base(_ request: Request, session: Session?) -> [String: Any] {
        let language = HTTP.language(request)
        let zh = language == .zh
        var context: [String: Any] = [
            "lang": language.rawValue, "other": zh ? "en" : "zh", "otherLabel": zh ? "English" : "中文",
            "t": zh ? CityText.zh : CityText.en,
        ]
        if let session {
            context["csrf"] = session.csrf
            context["account"] = session.account.name
            context["role"] = zh ? CityText.roleZh[session.account.role.rawValue] ?? "" : session.account.role.rawValue
        }
        return context
    }

    static func login(_ request: Request, failed: Bool, throttled: Bool, status: HTTPResponse.Status) throws -> Response {
        var context = base(request, session: nil)
        context["failed"] = failed
        context["throttled"] = throttled
        return try render("login", context, request: request, status: status)
    }

    static func status(_ status: String, _ language: Language) -> String {
        language == .zh ? CityText.statusZh[status] ?? status : status
    }

    static func dashboard(_ request: Request, dashboard: FilingRoutes.Dashboard, audit: [AuditEntry], names: [String: String],
                          session: Session) throws -> Response {
        let language = HTTP.language(request)
        var context = base(request, session: session)
        context["asOf"] = dashboard.asOf
        context["districts"] = dashboard.districts.map { row -> [String: Any] in
            var item: [String: Any] = [
                "district": row.district, "name": row.name, "named": row.name != row.district, "href": "/d/" + CityRoutes.pathSegment(row.district), "status": row.status,
                "statusText": status(row.status, language), "version": row.version.map { "v\($0)" } ?? "—",
                "submitted": [row.submittedAt.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") }, row.submittedBy]
                    .compactMap { $0 }.joined(separator: " · "),
                "deadline": row.deadline ?? "", "overdue": row.overdue,
                "pending": row.status == "submitted", "hasFiling": row.filing != nil, "filing": row.filing.map(String.init) ?? "",
                "fileHref": row.filing.map { "/d/\(CityRoutes.pathSegment(row.district))/filings/\($0)/file" } ?? "",
            ]
            // A key left out, not an empty text: Mustache renders a section for any text, the empty one too.
            if let comment = row.comment, !comment.isEmpty { item["comment"] = comment }
            if let review = row.review {
                item["verdict"] = review.verdict.rawValue
                item["verdictText"] = language == .zh ? CityText.verdictZh[review.verdict.rawValue] ?? "" : review.verdict.rawValue
                item["errors"] = review.errors
                item["warnings"] = review.warnings
                if let figures = review.figures {
                    item["schools"] = figures.schools
                    item["required"] = figures.requiredHeadcount
                    item["appointees"] = figures.appointees
                    item["share"] = String(format: "%.1f%%", figures.fullTimeShare * 100)
                    item["recruits"] = figures.recruits
                }
            }
            return item
        }
        let counts = Dictionary(grouping: dashboard.districts, by: \.status).mapValues(\.count)
        context["counts"] = ["draft", "submitted", "returned", "accepted"].map { ["status": $0, "text": status($0, language), "count": counts[$0] ?? 0] }
        context["hasCityFindings"] = !dashboard.city.isEmpty
        context["cityFindings"] = dashboard.city.map { ["message": $0.message] }
        context["audit"] = audit.map { ["at": String($0.at.prefix(19)).replacingOccurrences(of: "T", with: " "), "account": $0.account,
                                        "action": $0.action, "district": $0.district.map { id in names[id].map { "\($0) (\(id))" } ?? id } ?? "", "outcome": $0.outcome, "detail": $0.detail] }
        return try render("dashboard", context, request: request)
    }

    static func submissions(_ request: Request, district: String, name: String, filings: [Filing], deadline: String?,
                            session: Session) throws -> Response {
        let language = HTTP.language(request)
        var context = base(request, session: session)
        context["district"] = district
        context["name"] = name
        context["named"] = name != district
        context["workbench"] = "/d/" + CityRoutes.pathSegment(district)
        context["deadline"] = deadline ?? (language == .zh ? CityText.zh : CityText.en)["notSet"] ?? ""
        context["canSubmit"] = Access.districtWrite.refusal(session, district: district, language: language) == nil
        context["filings"] = filings.map { filing -> [String: Any] in
            ["version": filing.version, "status": filing.status, "statusText": status(filing.status, language), "file": filing.fileName,
             "sha": String(filing.sha256.prefix(16)), "submitted": "\(filing.submittedAt.prefix(16).replacingOccurrences(of: "T", with: " ")) · \(filing.submittedBy)",
             "decided": filing.decidedAt.map { "\($0.prefix(16).replacingOccurrences(of: "T", with: " ")) · \(filing.decidedBy ?? "")" } ?? "", "comment": filing.comment ?? "",
             "href": "/d/\(CityRoutes.pathSegment(district))/filings/\(filing.id)/file"]
        }
        return try render("submissions", context, request: request)
    }

    static func admin(_ request: Request, accounts: [Account], districts: [String], names: [String: String], session: Session) throws -> Response {
        var context = base(request, session: session)
        context["accounts"] = accounts.map { ["id": String($0.id), "name": $0.name, "role": $0.role.rawValue,
                                              "district": $0.district.map { id in names[id].map { "\($0) (\(id))" } ?? id } ?? "",
                                              "disabled": $0.disabled, "created": String($0.createdAt.prefix(10))] }
        context["districts"] = districts.map { id in ["id": id, "label": names[id].map { "\($0) (\(id))" } ?? id] }
        return try render("admin", context, request: request)
    }
}

/// The pages' fixed words.
enum CityText {
    static let statusZh = ["draft": "未报送", "submitted": "已报送待审核", "returned": "已退回", "accepted": "已通过"]
    static let verdictZh = ["compliant": "符合", "not_compliant": "不符合", "unreadable": "无法读取"]
    static let roleZh = ["district": "区县", "reviewer": "市级审核", "admin": "管理员"]
    static let zh: [String: String] = [
        "title": "督学 · 市级工作台", "login": "登录", "name": "账号", "password": "密码", "failed": "账号或密码不对",
        "throttled": "登录失败次数过多，请稍后再试", "logout": "退出登录", "logoutAll": "退出所有设备", "dashboard": "各区县备案",
        "district": "区县", "status": "状态", "version": "版本", "submitted": "报送（UTC）", "deadline": "截止日期", "verdict": "复核结论",
        "errors": "错误", "warnings": "提醒", "schools": "学校", "required": "应配", "appointees": "已聘", "share": "专职占比",
        "recruits": "待聘", "actions": "审核", "accept": "通过", "return": "退回", "comment": "意见", "setDeadline": "设定",
        "audit": "操作日志（最近）", "export": "导出 CSV", "when": "时间（UTC）", "who": "账号", "action": "操作", "outcome": "结果",
        "detail": "详情", "cityFindings": "全市核对", "asOf": "复核日期", "overdue": "已逾期", "file": "文件", "download": "下载",
        "filings": "报送记录", "workbench": "返回工作台", "upload": "上传备案材料（.xlsx）并报送", "decided": "审核（UTC）",
        "accounts": "账号管理", "role": "角色", "created": "创建", "disabled": "已停用", "create": "新建账号",
        "disable": "停用", "enable": "启用", "revoke": "强制下线", "none": "暂无", "notSet": "未设定",
    ]
    static let en: [String: String] = [
        "title": "Duxue · City workbench", "login": "Log in", "name": "Account", "password": "Password", "failed": "Wrong account name or password",
        "throttled": "Too many failed logins: try again later", "logout": "Log out", "logoutAll": "Log out everywhere", "dashboard": "District filings",
        "district": "District", "status": "Status", "version": "Version", "submitted": "Submitted (UTC)", "deadline": "Deadline", "verdict": "Re-check",
        "errors": "Errors", "warnings": "Warnings", "schools": "Schools", "required": "Required", "appointees": "Appointed", "share": "Full-time",
        "recruits": "To recruit", "actions": "Decision", "accept": "Accept", "return": "Return", "comment": "Comment", "setDeadline": "Set",
        "audit": "Audit log (latest)", "export": "Export CSV", "when": "When (UTC)", "who": "Account", "action": "Action", "outcome": "Outcome",
        "detail": "Detail", "cityFindings": "City checks", "asOf": "As of", "overdue": "overdue", "file": "File", "download": "Download",
        "filings": "Filings", "workbench": "Back to the workbench", "upload": "Upload a filing (.xlsx) and submit it", "decided": "Decision (UTC)",
        "accounts": "Accounts", "role": "Role", "created": "Created", "disabled": "disabled", "create": "New account",
        "disable": "Disable", "enable": "Enable", "revoke": "Log out everywhere", "none": "none", "notSet": "not set",
    ]
}
