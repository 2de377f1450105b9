import DuxueDomain
import Foundation
import HTTPTypes
import Hummingbird

/// Answers and request parts shared by the routes.
public enum HTTP {
    /// Largest JSON body (a 3,000-school roster is about 200 kB).
    public static let maxJSONBytes = 2 << 20
    /// Largest uploaded file.
    public static let maxUploadBytes = 10 << 20

    /// The header carrying the per-server CSRF token on state-changing requests.
    public static let csrfHeader = headerName("X-Duxue-CSRF")
    /// The header that may carry the access token instead of the cookie.
    static let accessHeader = headerName("X-Duxue-Access")
    /// Headers HTTPTypes has no name for.
    public static let frameOptions = headerName("X-Frame-Options"), referrerPolicy = headerName("Referrer-Policy"),
        fetchSite = headerName("Sec-Fetch-Site")

    /// A header name written here (letters and dashes: always a valid token).
    public static func headerName(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("\(text) is not a header name") }
        return name
    }
    /// The cookie carrying the access token.
    static let accessCookie = "duxue_access"

    /// The API's JSON: snake_case keys, as the CLI's `--format json` (the city server's too).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// A JSON answer.
    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder().encode(value)
        return bytes(data, type: "application/json; charset=utf-8", status: status)
    }

    /// A JSON answer from text already rendered as JSON.
    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Data(text.utf8), type: "application/json; charset=utf-8", status: status)
    }

    /// An answer of bytes with a content type (and, for downloads, the file name to save as).
    public static func bytes(_ data: some Sequence<UInt8>, type: String, status: HTTPResponse.Status = .ok,
                      download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let download {
            let encoded = download.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download"
            let ascii = String(download.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
            headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The language a request asks for: `?lang=en|zh`, else the page's cookie, else Chinese.
    public static func language(_ request: Request) -> Language {
        if let value = request.uri.queryParameters.get("lang"), let language = Language(rawValue: value) { return language }
        if let value = request.cookies["duxue_lang"]?.value, let language = Language(rawValue: value) { return language }
        return .zh
    }

    /// The JSON body of a request, decoded (snake_case keys), at most `limit` bytes.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request, language: Language,
                                            limit: Int = maxJSONBytes) async throws -> T {
        var request = request
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/json") else {
            throw Failure(status: .unsupportedMediaType, code: "unsupported_type",
                          message: language == .zh ? "请求内容须为 JSON" : "the request body must be JSON")
        }
        let buffer = try await collect(&request, limit: limit, language: language)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw Failure.badRequest("JSON 格式不对", "the JSON body is not what this route takes", language)
        }
    }

    /// The body, refused with 413 beyond `limit` bytes.
    public static func collect(_ request: inout Request, limit: Int, language: Language) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge(limit, language) }
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit, language)
        }
    }

    /// 413: at most `limit` bytes.
    public static func tooLarge(_ limit: Int, _ language: Language) -> Failure {
        Failure(status: .contentTooLarge, code: "too_large",
                message: language == .zh ? "上传内容太大（最多 \(limit >> 20) MB）" : "the request is too large (at most \(limit >> 20) MB)")
    }
}

/// A file uploaded as the request body (`?name=FILE.csv|.xlsx`), written to a private scratch folder
/// for the workflows (which read paths) and removed afterwards.
/// The server's private scratch folders (mode 0700 under the temporary directory): uploads, files
/// written to be sent back, rosters handed to a workflow that reads a file.
enum Scratch {
    /// A new private folder; the caller removes it.
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-serve-\(randomHex(bytes: 8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Runs `body` with a new private folder, removed when it returns.
    static func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }
}

public struct Upload {
    /// Where the workflows read it.
    let path: String
    /// The user's file name.
    let name: String
    private let folder: String

    /// Reads, checks (size, name, content type, the bytes themselves) and stores the upload.
    static func receive(_ request: Request, language: Language) async throws -> Upload {
        var request = request
        let given = request.uri.queryParameters.get("name").map { String($0) } ?? ""
        let name = sanitized(given)
        let lowered = name.lowercased()
        let isWorkbook = lowered.hasSuffix(".xlsx")
        guard isWorkbook || lowered.hasSuffix(".csv") else {
            throw Failure(status: .unsupportedMediaType, code: "unsupported_type",
                          message: language == .zh ? "只能上传 .csv 或 .xlsx 文件（.xls/.et 请另存为 .xlsx）"
                                                   : "upload a .csv or .xlsx file (save .xls/.et files as .xlsx)")
        }
        let type = (request.headers[.contentType] ?? "application/octet-stream").lowercased()
        let accepted = ["text/csv", "application/csv", "application/vnd.ms-excel", "text/plain", "application/octet-stream",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
        guard accepted.contains(where: { type.hasPrefix($0) }) else {
            throw Failure(status: .unsupportedMediaType, code: "unsupported_type",
                          message: language == .zh ? "上传的文件类型不对" : "the uploaded file's type is not accepted")
        }
        let buffer = try await HTTP.collect(&request, limit: HTTP.maxUploadBytes, language: language)
        let bytes = Array(buffer.readableBytesView)
        guard !bytes.isEmpty else { throw Failure.badRequest("上传的文件是空的", "the uploaded file is empty", language) }
        let zip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if isWorkbook != zip || (!isWorkbook && bytes.contains(0)) {
            throw Failure(status: .unsupportedMediaType, code: "unsupported_type",
                          message: language == .zh ? "文件内容与扩展名不符：\(name)" : "the file's content does not match its name: \(name)")
        }
        let folder = try Scratch.folder()
        let path = folder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure.from(CocoaError(.fileWriteUnknown), language: language)
        }
        return Upload(path: path, name: name, folder: folder)
    }

    /// Removes the scratch copy.
    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// A file name with no folder part and no control or path characters (the city server's uploads too).
    public static func sanitized(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map { String($0) } ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix(".") { return "upload" + trimmed }
        return String(trimmed.suffix(120))
    }
}
