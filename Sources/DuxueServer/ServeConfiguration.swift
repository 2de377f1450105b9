import Foundation

/// What `duxue serve` was asked for: the districts it offers, where it listens, and the access token.
public struct ServeConfiguration: Sendable {
    /// District folders or workbooks, as given; each is offered under its ``DistrictEntry/id``.
    public var districts: [String]
    /// The address to bind.
    public var host: String
    /// The port (0: any free port).
    public var port: Int
    /// The access token every request must carry (required when `host` is not a loopback address).
    public var accessToken: String?

    /// A configuration.
    public init(districts: [String], host: String = "127.0.0.1", port: Int = 8080, accessToken: String? = nil) {
        self.districts = districts
        self.host = host
        self.port = port
        self.accessToken = accessToken
    }

    /// Whether `host` names the loopback interface only.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    /// Why the server refuses to start, if it does: no district, a district that does not exist, or an
    /// address beyond loopback without an access token.
    public func refusal() -> ServeRefusal? {
        if districts.isEmpty { return .noDistrict }
        for path in districts where !FileManager.default.fileExists(atPath: path) { return .missingDistrict(path) }
        if !Self.isLoopback(host) && (accessToken ?? "").isEmpty { return .tokenRequired(host) }
        if let token = accessToken, token.count < 16 { return .tokenTooShort }
        return nil
    }

    /// A new random access token (32 hex digits).
    public static func newToken() -> String { randomHex(bytes: 16) }
}

/// Why `duxue serve` does not start.
public enum ServeRefusal: Error, Equatable, Sendable {
    /// No district was named.
    case noDistrict
    /// A district folder or workbook does not exist.
    case missingDistrict(String)
    /// The address is reachable from other machines and no access token was given.
    case tokenRequired(String)
    /// The access token is shorter than 16 characters.
    case tokenTooShort

    /// The reason in a language (Chinese first).
    public func message(zh: Bool) -> String {
        switch self {
        case .noDistrict:
            zh ? "请至少指定一个区县文件夹" : "name at least one district folder"
        case .missingDistrict(let path):
            zh ? "找不到区县：\(path)" : "no such district: \(path)"
        case .tokenRequired(let host):
            zh ? "监听 \(host) 会让其他电脑访问名册（含个人信息）：必须用访问令牌文件启动，或只监听 127.0.0.1"
               : "listening on \(host) lets other machines reach the rosters (personal data): an access token file is required, or listen on 127.0.0.1 only"
        case .tokenTooShort:
            zh ? "访问令牌太短：至少 16 个字符" : "the access token is too short: at least 16 characters"
        }
    }
}

/// Random hex digits from the system's generator.
func randomHex(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
}

/// Compares two secrets in time independent of where they differ.
public func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
