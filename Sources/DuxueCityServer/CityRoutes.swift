import DuxueCity
import DuxueDomain
import DuxueServer
import Foundation
import Hummingbird

/// Logging in and out, the session, the first page, health, the OpenAPI document and the static assets.
enum CityRoutes {
    struct LoginBody: Codable, Sendable {
        var name: String
        var password: String
    }

    struct SessionAnswer: Codable, Sendable {
        var account: String
        var role: String
        var district: String?
        var csrf: String
    }

    static func add(to routes: CityRouter, city: City) {
        let store = city.store
        routes.add(.get, "/login", .open) { request, context in
            try CityPages.login(request, failed: false, throttled: false, status: .ok)
        }
        routes.add(.post, "/login", .open) { request, context in
            let language = HTTP.language(request)
            let type = (request.headers[.contentType] ?? "").lowercased()
            let form = type.hasPrefix("application/x-www-form-urlencoded")
            let name: String, password: String
            if form {
                let fields = try await HTTP.form(request, language: language)
                name = fields["name"] ?? ""
                password = fields["password"] ?? ""
            } else {
                let body = try await HTTP.decode(LoginBody.self, from: request, language: language, limit: HTTP.cityJSONBytes)
                name = body.name
                password = body.password
            }
            let address = context.address
            // bcrypt is slow by design: off the request threads.
            let outcome = try await offThread { try store.login(name: name, password: password, address: address) }
            switch outcome {
            case .success(let token, let session):
                var response = form ? HTTP.redirect("/")
                    : try HTTP.json(SessionAnswer(account: session.account.name, role: session.account.role.rawValue,
                                                      district: session.account.district, csrf: session.csrf))
                response.headers[.setCookie] = cookie(token, city: city, maxAge: Int(store.settings.absoluteLifetime))
                return response
            case .failure:
                if form { return try CityPages.login(request, failed: true, throttled: false, status: .unauthorized) }
                throw Failure(status: .unauthorized, code: "login_failed",
                                  message: language == .zh ? "账号或密码不对" : "wrong account name or password")
            case .throttled:
                if form { return try CityPages.login(request, failed: false, throttled: true, status: .tooManyRequests) }
                throw Failure(status: .tooManyRequests, code: "throttled",
                                  message: language == .zh ? "登录失败次数过多，请稍后再试" : "too many failed logins: try again later")
            }
        }
        routes.add(.post, "/logout", .open) { request, context in
            if let session = context.session { try store.logout(session, address: context.address) }
            var response = try HTTP.json(["ok": true])
            response.headers[.setCookie] = cookie("", city: city, maxAge: 0)
            return response
        }
        routes.add(.post, "/logout-everywhere", .session) { request, context in
            guard let session = context.session else { throw Failure.unauthorized(HTTP.language(request)) }
            let count = try store.logoutEverywhere(accountID: session.account.id, by: context.actor)
            var response = try HTTP.json(["sessions": count])
            response.headers[.setCookie] = cookie("", city: city, maxAge: 0)
            return response
        }
        routes.add(.get, "/api/session", .session) { request, context in
            guard let session = context.session else { throw Failure.unauthorized(HTTP.language(request)) }
            return try HTTP.json(SessionAnswer(account: session.account.name, role: session.account.role.rawValue,
                                                   district: session.account.district, csrf: session.csrf))
        }
        routes.add(.get, "/", .session) { request, context in
            guard let account = context.session?.account else { throw Failure.unauthorized(HTTP.language(request)) }
            switch account.role {
            case .district: return HTTP.redirect("/d/" + pathSegment(account.district ?? ""))
            case .reviewer: return HTTP.redirect("/city")
            case .admin: return HTTP.redirect("/admin")
            }
        }
        routes.add(.get, "/health", .open) { _, _ in try HTTP.json(["status": "ok"]) }
        routes.add(.get, "/openapi.json", .open) { _, _ in
            HTTP.bytes(Array(CityOpenAPI.text.utf8), type: "application/json; charset=utf-8")
        }
        for asset in EmbeddedWorkbench.assets {
            routes.add(.get, asset.path, .open) { _, _ in
                var response = HTTP.bytes(Array(asset.text.utf8), type: asset.type)
                response.headers[.cacheControl] = "no-cache"
                return response
            }
        }
        routes.add(.get, "/assets/city.js", .open) { _, _ in
            var response = HTTP.bytes(Array(CityAssets.script.utf8), type: "text/javascript; charset=utf-8")
            response.headers[.cacheControl] = "no-cache"
            return response
        }
        routes.add(.get, "/assets/city.css", .open) { _, _ in
            var response = HTTP.bytes(Array(CityAssets.style.utf8), type: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "no-cache"
            return response
        }
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure beyond loopback.
    static func cookie(_ token: String, city: City, maxAge: Int) -> String {
        "\(HTTP.sessionCookie)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (city.secureCookies ? "; Secure" : "")
    }

    /// A URL path segment.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#", "%"])) ?? ""
    }
}

/// Runs `body` (bcrypt, the review of the filings) through the city's bounded pool of worker threads,
/// so the request threads stay free and anonymous requests cannot start threads without bound; answers
/// 503 when the pool's queue is full.
func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await CityWork.shared.run(body)
}
