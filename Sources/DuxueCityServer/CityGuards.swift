import DuxueCity
import DuxueDomain
import Foundation
import HTTPTypes
import Hummingbird

/// The outermost middleware: errors become JSON answers with a message (no stack trace, no path), and
/// every answer carries the headers that keep the page to its own origin.
struct CityAnswerMiddleware: RouterMiddleware {
    typealias Context = CityContext

    func handle(_ request: Request, context: CityContext, next: (Request, CityContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let language = CityHTTP.language(request)
            let failure: CityFailure
            if let error = error as? CityFailure {
                failure = error
            } else if let error = error as? CityError {
                switch error {
                case .database, .unreadable, .newerSchema: context.logger.error("city database: \(error.message(in: .en))")
                default: break
                }
                failure = .from(error, language)
            } else if let error = error as? any HTTPResponseError {
                switch error.status {
                case .notFound: failure = .notFound(language)
                case .contentTooLarge: failure = .tooLarge(CityHTTP.maxUploadBytes, language)
                default:
                    failure = CityFailure(status: error.status, code: error.status.code >= 500 ? "internal" : "bad_request",
                                          message: language == .zh ? "请求有误" : "bad request")
                }
            } else {
                context.logger.error("internal error: \(error)")
                failure = CityFailure(status: .internalServerError, code: "internal", message: language == .zh ? "服务器内部错误" : "internal error")
            }
            response = (try? CityHTTP.json(failure.body, status: failure.status)) ?? Response(status: .internalServerError)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[CityHTTP.frameOptions] = "DENY"
        // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with a form post (the login).
        response.headers[CityHTTP.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

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
        let language = CityHTTP.language(request)
        if !hosts.isEmpty {
            guard hosts.contains(Self.hostName(request.head.authority ?? "")) else { throw CityFailure.csrf("Host", language) }
        }
        var context = context
        if let token = request.cookies[CityHTTP.sessionCookie]?.value { context.session = try store.session(token: token) }
        let path = request.uri.path
        if context.session == nil && !Self.isOpen(request.method, path) {
            let accept = request.headers[.accept] ?? ""
            if request.method == .get && accept.contains("text/html") { return CityHTTP.redirect("/login") }
            throw CityFailure.unauthorized(language)
        }
        if ![.get, .head, .options].contains(request.method) {
            if request.headers[CityHTTP.fetchSite] == "cross-site" { throw CityFailure.csrf("Sec-Fetch-Site", language) }
            if let origin = request.headers[.origin] {
                let authority = request.head.authority ?? ""
                guard let url = URL(string: origin), let host = url.host else { throw CityFailure.csrf("Origin", language) }
                let originAuthority = url.port.map { "\(host):\($0)" } ?? host
                guard originAuthority.lowercased() == authority.lowercased() else { throw CityFailure.csrf("Origin", language) }
            }
            if let session = context.session, path != "/login" {
                guard let given = request.headers[CityHTTP.csrfHeader], constantTimeEqual(given, session.csrf) else {
                    throw CityFailure.csrf("token", language)
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
