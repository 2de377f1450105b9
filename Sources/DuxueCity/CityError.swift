import DuxueDomain

/// Why the city database refused a request. Messages are the user's (Chinese first) and never name a
/// command-line flag.
public enum CityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file was written by a newer version of Duxue.
    case newerSchema(path: String, unknown: [String])
    /// The file is not a city database Duxue can open.
    case unreadable(path: String, reason: String)
    /// A read or write failed; nothing was changed.
    case database(reason: String)
    /// An account name that is empty, too long, or holds control or markup characters.
    case invalidName
    /// An account with this name exists.
    case nameTaken
    /// A password shorter than ``CitySettings/minimumPasswordLength`` characters (or longer than bcrypt reads).
    case weakPassword(minimum: Int)
    /// A district account bound to no district, or to a district the city does not have; or a
    /// reviewer or administrator bound to one.
    case badDistrict
    /// No such account, filing or district (or not one the caller may see).
    case notFound
    /// The district already has a filing waiting for a decision.
    case filingPending(version: Int)
    /// The filing was already accepted or returned.
    case alreadyDecided
    /// A return without a comment.
    case commentRequired
    /// The last administrator cannot be disabled or demoted.
    case lastAdministrator

    /// The message in a language.
    public func message(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .newerSchema(let path, let unknown):
            return zh ? "\(path) 由更新版本的 Duxue 写入（未知的结构版本：\(unknown.joined(separator: "、"))），本版本无法打开：请升级 Duxue；文件未作任何改动"
                : "\(path) was written by a newer version of Duxue (unknown schema versions: \(unknown.joined(separator: ", "))); upgrade Duxue. The file was not changed"
        case .unreadable(let path, let reason):
            return zh ? "无法打开市级数据库 \(path)：\(reason)" : "cannot open the city database \(path): \(reason)"
        case .database(let reason):
            return zh ? "市级数据库读写失败：\(reason)。未作改动，请稍后重试" : "the city database could not be read or written: \(reason). Nothing was changed; try again"
        case .invalidName:
            return zh ? "账号名须为 1–64 个字符，不含控制字符、空格或 <>&\"'/\\" : "an account name is 1–64 characters without control characters, spaces or <>&\"'/\\"
        case .nameTaken:
            return zh ? "已有同名账号" : "an account with this name exists"
        case .weakPassword(let minimum):
            return zh ? "密码须为 \(minimum)–72 个字节" : "a password is \(minimum) to 72 bytes long"
        case .badDistrict:
            return zh ? "区县账号须绑定本市的一个区县；审核员和管理员不绑定区县" : "a district account is bound to one of the city's districts; reviewers and administrators to none"
        case .notFound:
            return zh ? "找不到" : "not found"
        case .filingPending(let version):
            return zh ? "第 \(version) 版备案尚待审核：审核退回后才能报送新版本" : "version \(version) is waiting for the city's decision: a new version can be submitted once it is returned"
        case .alreadyDecided:
            return zh ? "该版本已审核（通过或退回），不能再改" : "this version was already accepted or returned"
        case .commentRequired:
            return zh ? "退回须写明意见" : "a return needs a comment"
        case .lastAdministrator:
            return zh ? "不能停用或降级最后一个管理员" : "the last administrator cannot be disabled or demoted"
        }
    }

    /// The message in English.
    public var description: String { message(in: .en) }
}
