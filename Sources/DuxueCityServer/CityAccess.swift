import DuxueCity
import DuxueDomain
import DuxueServer
import HTTPTypes
import Hummingbird

/// Who may call a route (the matrix in docs/city.md). Every route of the city server is added with one
/// of these through ``CityRouter``; none is added without.
public enum Access: String, Sendable, CaseIterable {
    /// Anyone: the login, logout, health, the OpenAPI document, static assets.
    case open
    /// Any logged-in account (its own session).
    case session
    /// The district's own users, and reviewers (read only: GET).
    case districtRead
    /// The district's own users only (plan, edit, upload, submit).
    case districtWrite
    /// Reviewers: decide filings, set deadlines, the dashboard.
    case reviewer
    /// Reviewers and administrators: the audit log.
    case staff
    /// Administrators: accounts.
    case admin

    /// Whether `session` may call a route of this kind for `district` (the `{district}` of the URL).
    /// `nil` when allowed; otherwise the refusal (401 without a session, 403 with one).
    func refusal(_ session: Session?, district: String?, language: Language) -> Failure? {
        if self == .open { return nil }
        guard let account = session?.account else { return .unauthorized(language) }
        let allowed: Bool
        switch self {
        case .open, .session: allowed = true
        case .districtRead:
            allowed = account.role == .reviewer || (account.role == .district && account.district == district && district != nil)
        case .districtWrite: allowed = account.role == .district && account.district == district && district != nil
        case .reviewer: allowed = account.role == .reviewer
        case .staff: allowed = account.role == .reviewer || account.role == .admin
        case .admin: allowed = account.role == .admin
        }
        return allowed ? nil : .forbidden(language)
    }
}

/// One route of the city server: method, path (`{parameter}` segments) and who may call it.
public struct CityRoute: Sendable, Hashable {
    /// The method.
    public var method: HTTPRequest.Method
    /// The path.
    public var path: String
    /// Who may call it.
    public var access: Access
}

/// The city server's router: each route is added with its ``Access``; the handler runs only after the
/// session was checked against it. The routes are kept for the OpenAPI test and the authorization
/// matrix.
final class CityRouter {
    let router: Router<CityContext>
    private(set) var routes: [CityRoute] = []

    init(_ router: Router<CityContext>) { self.router = router }

    typealias Handler = @Sendable (Request, CityContext) async throws -> Response

    func add(_ method: HTTPRequest.Method, _ path: String, _ access: Access, _ handler: @escaping Handler) {
        routes.append(CityRoute(method: method, path: path, access: access))
        router.on(RouterPath(path), method: method) { request, context in
            // Path parameters arrive percent-encoded (a Chinese district name): compared decoded.
            let district = context.parameters.get("district").map { $0.removingPercentEncoding ?? $0 }
            if let refusal = access.refusal(context.session, district: district, language: HTTP.language(request)) { throw refusal }
            return try await handler(request, context)
        }
    }
}
