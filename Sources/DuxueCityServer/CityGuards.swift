import DuxueCity
import DuxueDomain
import DuxueServer
import Foundation
import HTTPTypes
import Hummingbird

/// Sessions, the Host check and CSRF. The session cookie's token is looked up (only its hash is
/// stored); without a live session every path but the open ones answers 401 (a page asked for by a
/// browser is sent to the login instead). State-changing requests with a session carry the session's
/// CSRF token in `X-Duxue-CSRF`; every state-changing request (the login too) is refused when the
/// browser says it comes from another origin.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = CityContext
    let store: CityStore
    /// Host names accepted in `Host` (empty: any).
    let hosts: Set<String>

    /// Paths answered without a session.
    static func isOpen(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        if ["/login", "/logout"].contains(path) { return true }
        guard method == .get || method == .head else { return false }
        return ["/openapi.json", "/health", "/favicon.svg", "/favicon.ico"].contains(path) || path.hasPrefix("/assets/")
    }

    func handle(_ request: Request, context: CityContext, next: (Request, CityContext) async throws -> Response) async throws -> Response {
        let language = HTTP.language(request)
        if !hosts.isEmpty {
            guard hosts.contains(Self.hostName(request.head.authority ?? "")) else { throw Failure.csrf("Host", language) }
        }
        var context = context
        if let token = request.cookies[HTTP.sessionCookie]?.value { context.session = try store.session(token: token) }
        let path = request.uri.path
        if context.session == nil && !Self.isOpen(request.method, path) {
            let accept = request.headers[.accept] ?? ""
            if request.method == .get && accept.contains("text/html") { return HTTP.redirect("/login") }
            throw Failure.unauthorized(language)
        }
        if ![.get, .head, .options].contains(request.method) {
            if request.headers[HTTP.fetchSite] == "cross-site" { throw Failure.csrf("Sec-Fetch-Site", language) }
            if let origin = request.headers[.origin] {
                let authority = request.head.authority ?? ""
                guard let url = URL(string: origin), let host = url.host else { throw Failure.csrf("Origin", language) }
                let originAuthority = url.port.map { "\(host):\($0)" } ?? host
                guard originAuthority.lowercased() == authority.lowercased() else { throw Failure.csrf("Origin", language) }
            }
            if let session = context.session, path != "/login" {
                guard let given = request.headers[HTTP.csrfHeader], constantTimeEqual(given, session.csrf) else {
                    throw Failure.csrf("token", language)
                }
            }
        }
        return try await next(request, context)
    }

    /// The host of `host:port` or `[v6]:port`, lowercased.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<end])
        }
        if let colon = lowered.lastIndex(of: ":"), lowered.firstIndex(of: ":") == colon { return String(lowered[..<colon]) }
        return lowered
    }
}
