import Foundation

/// What an account may do (the matrix is in docs/city.md).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Plans and submits the filings of one district.
    case district
    /// Reads every district and accepts or returns filings.
    case reviewer
    /// Manages accounts and reads the audit log.
    case admin
}

/// An account (never its password hash outside the store).
public struct Account: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The login name.
    public var name: String
    /// The role.
    public var role: Role
    /// The district of a district account.
    public var district: String?
    /// Whether it may log in.
    public var disabled: Bool
    /// When it was created (ISO 8601).
    public var createdAt: String
}

/// A live session: the account it belongs to and its CSRF token.
public struct Session: Sendable, Equatable {
    /// The account.
    public var account: Account
    /// The token state-changing requests carry in `X-Duxue-CSRF`.
    public var csrf: String
    /// The SHA-256 of the session token (how the row is found; the token itself is never stored).
    public var tokenHash: String
}

/// The answer to a login.
public enum LoginOutcome: Sendable, Equatable {
    /// The password was right: a new session (the token goes into the cookie; only its hash is stored).
    case success(token: String, session: Session)
    /// Wrong name or password, or a disabled account (one answer for all: no account enumeration).
    case failure
    /// Too many failures for this name or this address lately: refused without checking the password.
    case throttled
}

/// The city's settings: session lifetimes, login throttling, bcrypt cost.
public struct CitySettings: Sendable {
    /// Seconds a session lives at most.
    public var absoluteLifetime: TimeInterval = 12 * 3600
    /// Seconds a session lives without a request.
    public var idleLifetime: TimeInterval = 30 * 60
    /// Failed logins for one account name within ``throttleWindow`` before it is throttled.
    public var failuresPerAccount = 5
    /// Failed logins from one address within ``throttleWindow`` before it is throttled.
    public var failuresPerAddress = 20
    /// Seconds failures count for.
    public var throttleWindow: TimeInterval = 15 * 60
    /// bcrypt's cost (log2 rounds), 4…31; 12 by default, low in tests.
    public var bcryptCost: UInt8 = 12
    /// Shortest password, in characters.
    public static let minimumPasswordLength = 10

    /// The defaults.
    public init() {}
}

/// A filing as listed: everything but its bytes.
public struct Filing: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The district it is for.
    public var district: String
    /// Its version within the district (1, 2, …).
    public var version: Int
    /// The file name as submitted (sanitized).
    public var fileName: String
    /// SHA-256 of its bytes, hex.
    public var sha256: String
    /// Bytes.
    public var size: Int
    /// Who submitted it and when.
    public var submittedBy: String
    /// ISO 8601.
    public var submittedAt: String
    /// submitted, returned or accepted.
    public var status: String
    /// Who decided and when, with the comment.
    public var decidedBy: String?
    /// ISO 8601.
    public var decidedAt: String?
    /// The reviewer's comment.
    public var comment: String?
}

/// One row of the audit log.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// The row id (increasing).
    public var id: Int64
    /// When (ISO 8601 UTC).
    public var at: String
    /// The account's name as it was (or the name tried at a failed login).
    public var account: String
    /// Its role, if known.
    public var role: String?
    /// The client's address.
    public var address: String
    /// What was done: login, login_failed, logout, plan, edit, upload, submit, accept, return, account …
    public var action: String
    /// The district concerned, if one.
    public var district: String?
    /// ok, refused or failed.
    public var outcome: String
    /// Detail (ids, versions, the HTTP status); never a password or a personal datum.
    public var detail: String

    /// The CSV header of an export.
    public static let csvHeader = ["id", "at", "account", "role", "address", "action", "district", "outcome", "detail"]
    /// The row as CSV cells.
    public var cells: [String] { [String(id), at, account, role ?? "", address, action, district ?? "", outcome, detail] }
}

/// Who does something, for the audit log.
public struct Actor: Sendable {
    /// The account, if logged in.
    public var account: Account?
    /// The name (an account's, or the one tried at login).
    public var name: String
    /// The client's address.
    public var address: String

    /// An actor.
    public init(account: Account?, name: String? = nil, address: String) {
        self.account = account
        self.name = name ?? account?.name ?? "-"
        self.address = address
    }
}
