import DuxueCity
import DuxueDomain
import DuxueServer
import Foundation
import HTTPTypes
import Hummingbird

/// An error answer of the city server: a status, a code and a message in the request's language (never
/// a stack trace or a server path).
struct CityFailure: Error, Sendable {
    /// The JSON body.
    struct Body: Codable, Sendable {
        var error: String
        var message: String
        var problems: [String] = []
    }
    var status: HTTPResponse.Status
    var code: String
    var message: String

    var body: Body { Body(error: code, message: message) }

    static func unauthorized(_ language: Language) -> CityFailure {
        CityFailure(status: .unauthorized, code: "login_required", message: language == .zh ? "请先登录" : "log in first")
    }
    static func forbidden(_ language: Language) -> CityFailure {
        CityFailure(status: .forbidden, code: "forbidden", message: language == .zh ? "无权访问" : "not allowed")
    }
    static func notFound(_ language: Language) -> CityFailure {
        CityFailure(status: .notFound, code: "not_found", message: language == .zh ? "找不到" : "not found")
    }
    static func bad(_ zh: String, _ en: String, _ language: Language) -> CityFailure {
        CityFailure(status: .badRequest, code: "bad_request", message: language == .zh ? zh : en)
    }
    static func csrf(_ what: String, _ language: Language) -> CityFailure {
        CityFailure(status: .forbidden, code: "forbidden",
                    message: language == .zh ? "请求被拒绝（跨站或缺少页面令牌：\(what)）" : "request refused (cross-site or missing the page token: \(what))")
    }
    static func tooLarge(_ limit: Int, _ language: Language) -> CityFailure {
        CityFailure(status: .contentTooLarge, code: "too_large",
                    message: language == .zh ? "请求内容太大（最多 \(limit >> 20) MB）" : "the request is too large (at most \(limit >> 20) MB)")
    }

    /// A store error as an answer.
    static func from(_ error: CityError, _ language: Language) -> CityFailure {
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
        return CityFailure(status: status, code: status == .serviceUnavailable ? "unavailable" : "refused", message: message)
    }
}

/// Answers shared by the routes.
enum CityHTTP {
    /// Largest JSON body.
    static let maxJSONBytes = 1 << 20
    /// Largest uploaded filing.
    static let maxUploadBytes = 10 << 20
    /// The session cookie.
    static let sessionCookie = "duxue_session"
    /// The CSRF header.
    static let csrfHeader = name("X-Duxue-CSRF")
    static let fetchSite = name("Sec-Fetch-Site"), frameOptions = name("X-Frame-Options"), referrerPolicy = name("Referrer-Policy")

    static func name(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("\(text) is not a header name") }
        return name
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(Array(try HTTP.encoder().encode(value)), type: "application/json; charset=utf-8", status: status)
    }

    static func bytes(_ data: [UInt8], type: String, status: HTTPResponse.Status = .ok, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let download {
            let encoded = download.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download"
            let ascii = String(download.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
            headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String) -> Response { Response(status: .seeOther, headers: [.location: location]) }

    /// `?lang=`, else the page's cookie, else Chinese.
    static func language(_ request: Request) -> Language {
        if let value = request.uri.queryParameters.get("lang"), let language = Language(rawValue: String(value)) { return language }
        if let value = request.cookies["duxue_lang"]?.value, let language = Language(rawValue: value) { return language }
        return .zh
    }

    /// The body, refused with 413 beyond `limit` bytes.
    static func collect(_ request: Request, limit: Int, language: Language) async throws -> [UInt8] {
        var request = request
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge(limit, language) }
        do {
            return Array(try await request.collectBody(upTo: limit).readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit, language)
        }
    }

    static func tooLarge(_ limit: Int, _ language: Language) -> CityFailure { .tooLarge(limit, language) }

    /// A JSON body, decoded with snake_case keys.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, language: Language) async throws -> T {
        guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json") else {
            throw CityFailure(status: .unsupportedMediaType, code: "unsupported_type",
                              message: language == .zh ? "请求内容须为 JSON" : "the request body must be JSON")
        }
        let bytes = try await collect(request, limit: maxJSONBytes, language: language)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(bytes))
        } catch {
            throw CityFailure.bad("JSON 格式不对", "the JSON body is not what this route takes", language)
        }
    }

    /// A form body (`application/x-www-form-urlencoded`) as fields.
    static func form(_ request: Request, language: Language) async throws -> [String: String] {
        let bytes = try await collect(request, limit: 16 << 10, language: language)
        var fields: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let key = parts.first { fields[key] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}

/// Compares two secrets in time independent of where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
