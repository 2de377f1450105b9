import DuxueCity
import DuxueDomain
import DuxueServer
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The city server's error answers: the district workbench's ``Failure`` (a status, a code and a message
/// in the request's language; never a stack trace or a server path), with the city's own kinds.
extension Failure {
    /// 401: no live session.
    static func unauthorized(_ language: Language) -> Failure {
        Failure(status: .unauthorized, code: "login_required", message: language == .zh ? "请先登录" : "log in first")
    }
    /// 403: the session's account may not.
    static func forbidden(_ language: Language) -> Failure {
        Failure(status: .forbidden, code: "forbidden", message: language == .zh ? "无权访问" : "not allowed")
    }
    /// 403: cross-site, or without the session's page token (`what` was missing or wrong).
    static func csrf(_ what: String, _ language: Language) -> Failure {
        Failure(status: .forbidden, code: "forbidden",
                message: language == .zh ? "请求被拒绝（跨站或缺少页面令牌：\(what)）" : "request refused (cross-site or missing the page token: \(what))")
    }

    /// A store error as an answer.
    static func from(_ error: CityError, _ language: Language) -> Failure {
        let status: HTTPResponse.Status
        switch error {
        case .notFound: status = .notFound
        case .nameTaken, .filingPending, .alreadyDecided, .lastAdministrator: status = .conflict
        case .invalidName, .weakPassword, .badDistrict, .commentRequired: status = .badRequest
        case .newerSchema, .unreadable, .database: status = .serviceUnavailable
        }
        let message: String
        switch error {
        case .newerSchema, .unreadable: message = language == .zh ? "市级数据库不可用" : "the city database is unavailable"
        // SQLite's own text (table names, constraint text) stays in the server's log, never the answer.
        case .database: message = language == .zh ? "市级数据库暂时无法读写，未作改动，请稍后重试" : "the city database could not be read or written: nothing was changed; try again"
        default: message = error.message(in: language)
        }
        return Failure(status: status, code: status == .serviceUnavailable ? "unavailable" : "refused", message: message)
    }

    /// The city's errors for ``AnswerMiddleware``: a store error as its answer (the database's own
    /// trouble written to the server's log).
    @Sendable static func city(_ error: any Error, _ language: Language, _ logger: Logger) -> Failure? {
        guard let error = error as? CityError else { return nil }
        switch error {
        case .database, .unreadable, .newerSchema: logger.error("city database: \(error.message(in: .en))")
        default: break
        }
        return .from(error, language)
    }
}

/// The city's parts of a request and an answer, beside the workbench's (``HTTP``).
extension HTTP {
    /// The session cookie.
    static let sessionCookie = "duxue_session"
    /// Largest JSON body of the city's own routes (logins, comments, accounts: small).
    static let cityJSONBytes = 1 << 20

    /// 303 to `location`.
    static func redirect(_ location: String) -> Response { Response(status: .seeOther, headers: [.location: location]) }

    /// A form body (`application/x-www-form-urlencoded`) as fields.
    static func form(_ request: Request, language: Language) async throws -> [String: String] {
        var request = request
        let bytes = try await collect(&request, limit: 16 << 10, language: language)
        var fields: [String: String] = [:]
        for pair in String(buffer: bytes).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let key = parts.first { fields[key] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}
