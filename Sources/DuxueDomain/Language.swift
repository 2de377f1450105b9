/// The language of everything a user reads: Chinese first, English available.
public enum Language: String, CaseIterable, Sendable, Codable {
    /// 中文
    case zh
    /// English
    case en

    /// The language of a POSIX locale such as `zh_CN.UTF-8` or `en_US.UTF-8` (Chinese unless it is English).
    public init(locale: String?) {
        let value = (locale ?? "").lowercased()
        self = value.hasPrefix("en") || value == "c" || value == "posix" || value.hasPrefix("c.") ? .en : .zh
    }
}
