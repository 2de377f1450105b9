import Foundation
import HTTPTypes
import Hummingbird

/// The solver pool several embedded workbenches share (the city server: one workbench per district,
/// at most the core count of solves in all).
public final class SharedSolvePool: Sendable {
    let pool: SolvePool

    /// A pool of `limit` solver threads.
    public init(limit: Int = ProcessInfo.processInfo.activeProcessorCount) { pool = SolvePool(limit: limit) }

    /// Solves running and waiting.
    public var load: (running: Int, waiting: Int) { pool.load }
}

/// One district's workbench, embedded in another server (`duxue serve --city`): the same API handlers
/// and page as `duxue serve`, without its access token, CSRF and host guards, which the embedding
/// server replaces with its sessions. Its jobs, renewals and uploads are its own: an id made in one
/// district's workbench is unknown to another's.
public final class EmbeddedWorkbench: Sendable {
    let workbench: Workbench
    let responder: RouterResponder<BasicRequestContext>

    /// The workbench of the district folder (or workbook) at `path`, solving on `pool`.
    public init(path: String, pool: SharedSolvePool) {
        workbench = Workbench(paths: [path], pool: pool.pool)
        responder = Self.router(workbench).buildResponder()
    }

    /// The district's id: its folder's name.
    public var districtID: String { workbench.given[0].id }

    /// The district's folder or workbook.
    public var districtPath: String { workbench.given[0].path }

    static func router(_ workbench: Workbench) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AnswerMiddleware())
        APIRoutes.add(to: router, workbench: workbench)
        return router
    }

    /// Answers an API request as `duxue serve` would, `path` being the request's path within the
    /// workbench (`/api/…`, the query kept from the request).
    public func respond(to request: Request, path: String, context: BasicRequestContext) async throws -> Response {
        var head = request.head
        let query = request.uri.query.map { "?" + $0 } ?? ""
        head.path = path + query
        return try await responder.respond(to: Request(head: head, body: request.body), context: context)
    }

    /// The workbench page of the district (or of one of its uploaded districts, `id`), carrying a
    /// session's CSRF token and the URL prefix its script calls the API under.
    /// `city` fills the city's bar (account, districtName, filings, filingsLabel, logoutLabel, and submitLabel
    /// only for an account that may submit: the submit button is shown only then).
    public func page(_ request: Request, district id: String?, csrf: String, base: String, city: [String: String]? = nil) throws -> Response {
        let entry = try id.map { try workbench.district($0, language: HTTP.language(request)) } ?? workbench.given[0]
        return try Page.render(entry, workbench: workbench, request: request, csrf: csrf, base: base, city: city)
    }

    /// Cancels its solves and removes its uploads (at shutdown).
    public func shutdown() { workbench.shutdown() }

    /// The API routes a workbench answers, as `METHOD /path` with `{parameter}` segments (the city
    /// server routes each under `/d/{district}`).
    public static let apiRoutes: [(method: HTTPRequest.Method, path: String)] = {
        router(Workbench(paths: [], pool: SolvePool(limit: 1))).routes.map { route in
            let path = route.path.description.split(separator: "/").map { part -> String in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return (route.method, "/" + path)
        }.sorted { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }
    }()

    /// The district server's OpenAPI document (the city's document takes its API paths).
    public static var openAPIText: String { OpenAPIDocument.text }

    /// The page's script, style sheet and icon, served by the embedding server too.
    public static let assets: [(path: String, type: String, text: String)] = [
        ("/assets/app.js", "text/javascript; charset=utf-8", Assets.script),
        ("/assets/app.css", "text/css; charset=utf-8", Assets.style),
        ("/favicon.svg", "image/svg+xml", Assets.favicon),
        ("/favicon.ico", "image/svg+xml", Assets.favicon),
    ]
}
