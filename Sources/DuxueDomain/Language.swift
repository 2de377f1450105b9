/// The language of everything a user reads: Chinese first, English available.
public enum Language: String, CaseIterable, Sendable, Codable {
    /// 中文
    case zh
    /// English
    case en

    /// The language of a POSIX locale: English for an English locale (`en_US.UTF-8`), Chinese for
    /// every other, the C and POSIX locales included (the users are Chinese offices).
    public init(locale: String?) {
        self = (locale ?? "").lowercased().hasPrefix("en") ? .en : .zh
    }
}
