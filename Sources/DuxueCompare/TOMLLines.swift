/// Where keys, table headers and quoted values are written in a TOML text, found by scanning lines
/// (TOMLKit gives no positions for values).
struct TOMLLines {
    /// The text's lines.
    let lines: [String]
    private var keys: [String: Int] = [:]
    private var headers: [String: Int] = [:]
    /// Lines that belong to the named top-level tables (their headers, keys and continuation lines).
    private(set) var sectionOf: [String?]

    /// Scans a text.
    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        sectionOf = Array(repeating: nil, count: lines.count)
        var section: String?
        var occurrences: [String: Int] = [:]
        var occurrence = 0
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let name = Self.unquoted(line.drop { $0 == "[" }.prefix { $0 != "]" }.trimmingSpaces)
                section = name
                if isArray {
                    occurrence = occurrences[name, default: -1] + 1
                    occurrences[name] = occurrence
                } else {
                    occurrence = 0
                }
                headers["\(name)#\(occurrence)"] = headers["\(name)#\(occurrence)"] ?? number
                sectionOf[offset] = name
                continue
            }
            sectionOf[offset] = section
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            var key = Self.unquoted(line[..<equals].trimmingSpaces)
            guard !key.isEmpty else { continue }
            var table = section
            let dotted = key.split(separator: ".", maxSplits: 1).map { Self.unquoted(String($0).trimmingSpaces) }
            if dotted.count == 2, !line[..<equals].trimmingSpaces.hasPrefix("\"") {
                table = section.map { "\($0).\(dotted[0])" } ?? dotted[0]
                if section == nil { sectionOf[offset] = dotted[0] }
                key = dotted[1]
            }
            let place = "\(table ?? "")#\(table == section ? occurrence : 0)#\(key)"
            if keys[place] == nil { keys[place] = number }
        }
    }

    /// The line of `key` in `table` (`nil` for top level); `occurrence` counts `[[table]]` entries from 0.
    func line(of key: String, in table: String?, occurrence: Int = 0) -> Int? {
        keys["\(table ?? "")#\(occurrence)#\(key)"]
    }

    /// The line of a `[table]` or the `occurrence`-th `[[table]]` header.
    func header(_ table: String, occurrence: Int = 0) -> Int? { headers["\(table)#\(occurrence)"] }

    /// Line and column (1-based, characters) of `"value"`, `'value'` or a bare key `value =`, searching
    /// from line `start` onwards.
    func find(_ value: String, from start: Int?) -> (line: Int, column: Int)? {
        let first = max((start ?? 1) - 1, 0)
        guard first < lines.count else { return nil }
        for offset in first..<lines.count {
            let line = lines[offset]
            for candidate in ["\"\(value)\"", "'\(value)'"] {
                if let range = line.range(of: candidate) {
                    return (offset + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(value), trimmed.dropFirst(value.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
                return (offset + 1, line.count - trimmed.count + 1)
            }
        }
        return nil
    }

    /// The text with every line of the given top-level tables (or one-line top-level keys) blanked, so
    /// that the rest keeps its line numbers.
    func blanking(tables names: Set<String>) -> String {
        let keyLines = Set(names.compactMap { line(of: $0, in: nil) })
        return lines.enumerated().map { offset, line in
            if keyLines.contains(offset + 1) { return "" }
            guard let section = sectionOf[offset] else { return line }
            let top = String(section.split(separator: ".", maxSplits: 1).first ?? Substring(section))
            return names.contains(top) ? "" : line
        }.joined(separator: "\n")
    }

    private static func unquoted(_ text: String) -> String {
        if text.count >= 2, (text.hasPrefix("\"") && text.hasSuffix("\"")) || (text.hasPrefix("'") && text.hasSuffix("'")) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
