import DuxueCity
import DuxueDomain
import DuxueInput
import DuxueServer
import Foundation
import Hummingbird

/// Accounts (administrators) and the audit log (reviewers and administrators).
enum AdminRoutes {
    struct NewAccount: Codable, Sendable {
        var name: String
        var role: String
        var district: String?
        var password: String
    }
    struct AccountChange: Codable, Sendable {
        var disabled: Bool?
        var password: String?
        var role: String?
        var district: String?
    }

    static func add(to routes: CityRouter, city: City) {
        let store = city.store
        routes.add(.get, "/api/accounts", .admin) { _, _ in try HTTP.json(["accounts": try store.accounts()]) }
        routes.add(.post, "/api/accounts", .admin) { request, context in
            let language = HTTP.language(request)
            let body = try await HTTP.decode(NewAccount.self, from: request, language: language, limit: HTTP.cityJSONBytes)
            guard let role = Role(rawValue: body.role) else { throw Failure.badRequest("角色须为 district、reviewer 或 admin", "role is district, reviewer or admin", language) }
            if let district = body.district, city.workbenches[district] == nil { throw Failure.from(.badDistrict, language) }
            let actor = context.actor
            let account = try await offThread {
                try store.createAccount(name: body.name, role: role, district: role == .district ? body.district : nil,
                                        password: body.password, by: actor)
            }
            return try HTTP.json(account, status: .created)
        }
        routes.add(.patch, "/api/accounts/{account}", .admin) { request, context in
            let language = HTTP.language(request)
            guard let id = context.parameters.get("account").flatMap({ Int64($0) }) else { throw Failure.notFound(language) }
            let body = try await HTTP.decode(AccountChange.self, from: request, language: language, limit: HTTP.cityJSONBytes)
            var role: Role?
            if let text = body.role {
                guard let value = Role(rawValue: text) else { throw Failure.badRequest("角色须为 district、reviewer 或 admin", "role is district, reviewer or admin", language) }
                role = value
            }
            if let district = body.district, city.workbenches[district] == nil { throw Failure.from(.badDistrict, language) }
            let actor = context.actor, newRole = role
            let account = try await offThread {
                try store.updateAccount(id: id, disabled: body.disabled, password: body.password, role: newRole,
                                        district: body.district.map { Optional($0) }, by: actor)
            }
            return try HTTP.json(account)
        }
        routes.add(.post, "/api/accounts/{account}/logout-everywhere", .admin) { request, context in
            let language = HTTP.language(request)
            guard let id = context.parameters.get("account").flatMap({ Int64($0) }), try store.account(id: id) != nil else {
                throw Failure.notFound(language)
            }
            return try HTTP.json(["sessions": try store.logoutEverywhere(accountID: id, by: context.actor)])
        }
        routes.add(.get, "/admin", .admin) { request, context in
            guard let session = context.session else { throw Failure.unauthorized(HTTP.language(request)) }
            return try CityPages.admin(request, accounts: try store.accounts(), districts: city.order, names: city.names, session: session)
        }
        routes.add(.get, "/api/city/audit", .staff) { request, context in
            let limit = request.uri.queryParameters.get("limit").flatMap { Int(String($0)) } ?? 200
            let before = request.uri.queryParameters.get("before").flatMap { Int64(String($0)) }
            let district = request.uri.queryParameters.get("district").map { String($0) }
            return try HTTP.json(["entries": try store.auditLog(limit: min(limit, 5000), before: before, district: district)])
        }
        routes.add(.get, "/api/city/audit.csv", .staff) { request, context in
            let district = request.uri.queryParameters.get("district").map { String($0) }
            let before = request.uri.queryParameters.get("before").flatMap { Int64(String($0)) }
            // One page of the newest rows (before `before`); when older rows remain, the answer says so
            // (header and file name) and names the next page, instead of dropping them silently.
            let page = max(1, min(request.uri.queryParameters.get("limit").flatMap { Int(String($0)) } ?? auditExportPage, auditExportPage))
            var entries = try store.auditLog(limit: page + 1, before: before, district: district)
            let more = entries.count > page
            if more { entries.removeLast() }
            let next = more ? entries.last?.id : nil
            // The district as people know it too, last (the columns before keep their places).
            let rows = entries.reversed().map { ($0.cells + [$0.district.map(city.name) ?? ""]).map(csvSafe) }
            try store.audit(context.actor, action: "audit_export", district: district,
                            detail: "rows=\(rows.count)" + (next.map { " truncated: older rows before id \($0)" } ?? ""))
            let text = CSVWriter.document(header: AuditEntry.csvHeader + ["district_name"], rows: Array(rows))
            var response = HTTP.bytes([0xEF, 0xBB, 0xBF] + Array(text.utf8), type: "text/csv; charset=utf-8",
                                          download: next.map { "duxue-audit-partial-next-before-\($0).csv" } ?? "duxue-audit.csv")
            if let next {
                response.headers[HTTP.headerName("X-Duxue-Truncated")] = "older rows remain: /api/city/audit.csv?before=\(next)"
            }
            return response
        }
    }

    /// Rows per page of the audit export at most (`limit` may ask fewer).
    static let auditExportPage = 99_999

    /// A cell that a spreadsheet will not run as a formula (a leading = + - @ is quoted with ').
    static func csvSafe(_ cell: String) -> String {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return cell }
        return "'" + cell
    }
}
