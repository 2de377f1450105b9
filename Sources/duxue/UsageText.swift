import DuxueDomain
import Foundation

/// Usage errors in the user's language. The argument parser words its own errors in English; in Chinese
/// (the default) a Chinese line comes first, translated from the parser's message, and the English one
/// follows so that nothing is lost.
enum UsageText {
    /// The language of a command line: `--lang en`/`--lang zh` if given, else the environment's.
    static func language(of arguments: [String]) -> Language {
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count,
            let language = Language(rawValue: arguments[index + 1])
        {
            return language
        }
        if let inline = arguments.first(where: { $0.hasPrefix("--lang=") }),
            let language = Language(rawValue: String(inline.dropFirst("--lang=".count)))
        {
            return language
        }
        return OutputOptions.environmentLanguage
    }

    /// The Chinese line for a usage message (first line of the parser's text), or `nil` when it has no
    /// translation (the message is already ours and bilingual, or unknown).
    static func chinese(_ message: String) -> String? {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        let patterns: [(prefix: String, zh: (String) -> String)] = [
            ("Error: Missing expected argument ", { "错误：缺少参数 \($0)" }),
            ("Error: Unknown option ", { "错误：未知选项 \($0)" }),
            ("Error: Missing value for ", { "错误：选项 \($0) 缺少取值" }),
            ("Error: Unexpected argument ", { "错误：多余的参数 \($0)" }),
            ("Error: Unexpected arguments ", { "错误：多余的参数 \($0)" }),
            ("Error: The value ", { "错误：取值无效：\($0)" }),
            ("Error: Missing required subcommand", { _ in "错误：请指定子命令（plan、check、renew、compare、validate、policy）" }),
        ]
        for pattern in patterns where first.hasPrefix(pattern.prefix) {
            return pattern.zh(String(first.dropFirst(pattern.prefix.count))) + "（用 --help 查看用法）"
        }
        // Duxue's own usage errors: "Error: --as-of 2028-13-01 is not a date: …".
        let body = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
        let option = body.split(separator: " ").first.map(String.init) ?? ""
        let value = body.split(separator: " ").dropFirst().first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ":")) } ?? ""
        let ours: [(match: String, zh: String)] = [
            ("is not a date", "错误：\(option) \(value) 不是有效日期，请写成 2027-09-01"),
            ("the file name must end in", "错误：\(option) \(value) 的扩展名不对（\(body.components(separatedBy: "must end in ").last ?? "")）"),
            ("must be a positive number of seconds", "错误：\(option) 必须是正数（秒）"),
            ("not both", "错误：--as-of 与 --term-start 只能给一个"),
            ("must be at least 1", "错误：\(option) 至少为 1"),
            ("prints a preset", "错误：--format toml 只能用于预设"),
        ]
        return ours.first { body.contains($0.match) }?.zh
    }
}
