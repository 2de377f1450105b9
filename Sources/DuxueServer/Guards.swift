import DuxueDomain
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: every error becomes a JSON answer with a message and no stack trace or
/// server path, and every answer carries the headers that keep the page to its own origin. The city
/// server uses it too, with its own errors translated and its own referrer policy.
public struct AnswerMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The `Referrer-Policy` of every answer.
    let referrerPolicy: String
    /// The answer to an error of the embedding server's own kinds (`nil`: not one of them).
    let translate: @Sendable (any Error, Language, Logger) -> Failure?

    /// The middleware; `translate` answers errors of the embedding server's own kinds first.
    public init(referrerPolicy: String = "no-referrer",
                translate: @escaping @Sendable (any Error, Language, Logger) -> Failure? = { _, _, _ in nil }) {
        self.referrerPolicy = referrerPolicy
        self.translate = translate
    }

    /// Answers the request, or its error as JSON.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let language = HTTP.language(request)
            let failure: Failure
            if let error = error as? Failure {
                failure = error
            } else if let translated = translate(error, language, context.logger) {
                failure = translated
            } else if let error = error as? HTTPError {
                failure = Self.failure(error.status, language)
            } else if let error = error as? any HTTPResponseError {
                failure = Self.failure(error.status, language)
            } else {
                failure = Failure.from(error, language: language)
                if failure.status == .internalServerError { context.logger.error("internal error: \(error)") }
            }
            response = (try? HTTP.json(failure.body, status: failure.status)) ?? Response(status: .internalServerError)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTP.frameOptions] = "DENY"
        response.headers[HTTP.referrerPolicy] = referrerPolicy
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func failure(_ status: HTTPResponse.Status, _ language: Language) -> Failure {
        switch status {
        case .notFound: return .notFound(language)
        case .methodNotAllowed:
            return Failure(status: status, code: "method_not_allowed", message: language == .zh ? "不支持此请求方法" : "method not allowed")
        case .contentTooLarge: return HTTP.tooLarge(HTTP.maxUploadBytes, language)
        default:
            let code = status.code
            return Failure(status: status, code: code >= 500 ? "internal" : "bad_request",
                           message: code >= 500 ? (language == .zh ? "服务器内部错误" : "internal error")
                                                : (language == .zh ? "请求有误" : "bad request"))
        }
    }
}

/// The access token (required when the server listens beyond loopback): every request carries it in
/// the `duxue_access` cookie or the `X-Duxue-Access` header. Opening `/?access=TOKEN` sets the cookie
/// (HttpOnly, SameSite=Strict) and redirects to the same page without the token in the address.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let language = HTTP.language(request)
        if request.method == .get, let given = request.uri.queryParameters.get("access") {
            guard constantTimeEqual(String(given), token) else { throw Self.refusal(language) }
            var response = Response(status: .seeOther, headers: [.location: request.uri.path])
            response.headers[.setCookie] = "\(HTTP.accessCookie)=\(token); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        let carried = request.headers[HTTP.accessHeader] ?? request.cookies[HTTP.accessCookie]?.value
        guard let carried, constantTimeEqual(carried, token) else { throw Self.refusal(language) }
        return try await next(request, context)
    }

    static func refusal(_ language: Language) -> Failure {
        Failure(status: .unauthorized, code: "access_token_required",
                message: language == .zh ? "需要访问令牌：请使用服务器启动时给出的地址打开" : "an access token is required: open the address the server printed")
    }
}

/// Cross-site request forgery and DNS rebinding: state-changing requests (POST, PUT, DELETE, PATCH)
/// carry the per-server token from the page's meta tag in `X-Duxue-CSRF`, come from the server's own
/// origin when the browser says where they come from, and every request names a host the server
/// answers to (loopback names when it listens on loopback).
struct CSRFMiddleware<Context: RequestContext>: RouterMiddleware {
    let csrfToken: String
    /// Host names accepted in `Host` (empty: any, when an access token guards the server).
    let hosts: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let language = HTTP.language(request)
        if !hosts.isEmpty {
            let authority = request.head.authority ?? ""
            guard hosts.contains(Self.hostName(authority)) else { throw refusal("Host", language) }
        }
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        guard let given = request.headers[HTTP.csrfHeader], constantTimeEqual(given, csrfToken) else {
            throw refusal("token", language)
        }
        if let origin = request.headers[.origin] {
            let authority = request.head.authority ?? ""
            guard let url = URL(string: origin), let host = url.host else { throw refusal("Origin", language) }
            let originAuthority = url.port.map { "\(host):\($0)" } ?? host
            guard originAuthority.lowercased() == authority.lowercased() else { throw refusal("Origin", language) }
        }
        if request.headers[HTTP.fetchSite] == "cross-site" { throw refusal("Sec-Fetch-Site", language) }
        return try await next(request, context)
    }

    private func refusal(_ what: String, _ language: Language) -> Failure {
        Failure(status: .forbidden, code: "forbidden",
                message: language == .zh ? "请求被拒绝（跨站或缺少页面令牌：\(what)）" : "request refused (cross-site or missing the page token: \(what))")
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
