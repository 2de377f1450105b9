import DuxueTOML

/// A scenario text with the lines of some top-level keys blanked, so that the policy reader sees only
/// the policy keys while every line keeps its number.
enum TOMLLines {
    /// `text` (which parsed as `table`) with every line that belongs to one of the top-level keys in
    /// `names` made empty. A line belongs to the key whose key, header or value (at any depth) was
    /// last written on or above it, so the continuation lines of multi-line arrays and strings go with
    /// their key, and a `[schools.add]` header with `schools`.
    static func blanking(_ text: String, table: TOMLTable, keys names: Set<String>) -> String {
        var owner: [Int: String] = [:]
        for entry in table.entries {
            owner[entry.keyPosition.line] = entry.key
            var pending = [entry.node]
            while let node = pending.popLast() {
                owner[node.position.line] = entry.key
                if let elements = node.array { pending += elements }
                if let nested = node.table {
                    for inner in nested.entries {
                        owner[inner.keyPosition.line] = entry.key
                        pending.append(inner.node)
                    }
                }
            }
        }
        var current: String?
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
            if let key = owner[offset + 1] { current = key }
            return current.map(names.contains) == true ? "" : String(line)
        }.joined(separator: "\n")
    }
}
