import DuxueCity
import DuxueDomain
import DuxueServer
import Foundation
import Hummingbird

/// Each district's workbench under `/d/{district}`: the page, and every API route of `duxue serve`
/// answered by the district's own embedded workbench after the session was checked (reading: the
/// district's users and reviewers; changing: the district's users only). Every change and every
/// download is written to the audit log.
enum DistrictRoutes {
    static func add(to routes: CityRouter, city: City) {
        routes.add(.get, "/d/{district}", .districtRead) { request, context in
            let language = HTTP.language(request)
            let (id, workbench) = try city.workbench(context, language)
            guard let session = context.session else { throw Failure.unauthorized(language) }
            return try workbench.page(request, district: nil, csrf: session.csrf, base: "/d/" + CityRoutes.pathSegment(id),
                                      city: bar(session, id, city.name(id), language))
        }
        routes.add(.get, "/d/{district}/districts/{id}", .districtRead) { request, context in
            let language = HTTP.language(request)
            let (id, workbench) = try city.workbench(context, language)
            guard let session = context.session else { throw Failure.unauthorized(language) }
            do {
                return try workbench.page(request, district: context.parameters.get("id"), csrf: session.csrf,
                                          base: "/d/" + CityRoutes.pathSegment(id), city: bar(session, id, city.name(id), language))
            } catch {
                throw Failure.notFound(language)
            }
        }
        for route in EmbeddedWorkbench.apiRoutes {
            let access: Access = route.method == .get || route.method == .head ? .districtRead : .districtWrite
            routes.add(route.method, "/d/{district}" + route.path, access) { request, context in
                let language = HTTP.language(request)
                let (id, workbench) = try city.workbench(context, language)
                let prefix = "/d/" + (request.uri.path.split(separator: "/").dropFirst().first.map(String.init) ?? "")
                let inner = String(request.uri.path.dropFirst(prefix.count))
                let response = try await workbench.respond(to: request, path: inner, context: context.basic)
                if let action = action(route.method, route.path) {
                    let outcome = response.status.code < 400 ? "ok" : response.status.code < 500 ? "refused" : "failed"
                    try city.store.audit(context.actor, action: action, district: id, outcome: outcome,
                                         detail: "\(route.method.rawValue) \(inner) \(response.status.code)")
                }
                return response
            }
        }
    }

    /// The workbench's JSON reads of personal data (schools, inspectors' names and phones, rosters),
    /// audited as `read` like a download.
    static let personalReads: Set<String> = [
        "/api/districts/{id}", "/api/jobs/{job}/roster", "/api/jobs/{job}/options", "/api/districts/{id}/history",
    ]

    /// The audit action of a workbench route: every change, every download of personal data and every
    /// JSON read of it.
    static func action(_ method: HTTPRequest.Method, _ path: String) -> String? {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        if method == .get {
            if personalReads.contains(path) { return "read" }
            return [".csv", ".xlsx", ".html"].contains(where: { last.hasSuffix($0) }) ? "download" : nil
        }
        switch last {
        case "roster": return "edit"
        case "uploads", "{role}": return "upload"
        case "{job}": return "cancel"
        default: return last
        }
    }

    /// The city's bar on a district's workbench page: the district by its name, the account, and the submit
    /// button's label only for an account that may submit for the district (a reviewer reads, and the
    /// server refuses its submission with 403 all the same).
    static func bar(_ session: Session, _ district: String, _ name: String, _ language: Language) -> [String: String] {
        let zh = language == .zh
        var bar = ["account": session.account.name, "districtName": name, "filings": "/d/" + CityRoutes.pathSegment(district) + "/submissions",
                   "filingsLabel": zh ? "报送备案与审核意见" : "Filings and the city's comments", "logoutLabel": zh ? "退出登录" : "Log out"]
        if Access.districtWrite.refusal(session, district: district, language: language) == nil {
            bar["submitLabel"] = zh ? "把当前名册的备案材料报送市里" : "Submit this roster's filing to the city"
        }
        return bar
    }
}
