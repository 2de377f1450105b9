import DuxueDomain
import DuxueTOML

/// Chinese names of the keys of policy and scenario files (written in quotes, as TOML requires:
/// `"专职督学最低占比" = 0.2`, `["学校"]`), mapped to the keys Duxue reads. One table: the policy keys'
/// Chinese names come from ``PolicyKey/all``, the data columns' from ``Columns``.
public enum KeyAliases {
    /// Top level of a policy file: each policy key's Chinese name, and 来源/依据 for `[sources]`.
    public static let policy: [String: String] = {
        var aliases: [String: String] = ["来源": "sources", "依据": "sources", "预设": "preset", "区县": "district_name"]
        for key in PolicyKey.all { aliases[key.chineseName] = key.name }
        return aliases
    }()

    /// `[sources]`: the policy keys' Chinese names and the rule keys'.
    public static let sources: [String: String] = {
        var aliases = policy.filter { $0.value != "sources" }
        aliases["全覆盖"] = "coverage"
        aliases["回避"] = "recusal"
        aliases["学段"] = "stages"
        aliases["考核"] = "assessment"
        return aliases
    }()

    /// The tables of a scenario's data edits and their keys.
    public static let scenario: [String: String] = [
        "学校": "schools", "督学": "inspectors", "删除": "remove", "撤销": "remove", "离开": "remove",
        "在校生数": "enrollment", "新增": "add", "暂不可聘": "unavailable", "不可用": "unavailable",
        "配对": "pairs", "指定": "pin", "不得": "forbid",
    ]

    /// A new school's or inspector's fields: the Chinese column headers of schools.csv and inspectors.csv.
    public static let newRecord: [String: String] = {
        var aliases: [String: String] = [:]
        for spec in Columns.schools + Columns.inspectors {
            for alias in spec.names.dropFirst() where aliases[alias] == nil { aliases[alias] = spec.key }
        }
        return aliases
    }()

    /// Entries of one table that name the same key twice once aliases are resolved (`preset` and
    /// `"预设"`), each with the entry that named it first; TOML's own duplicate check cannot see these.
    public static func collisions(_ table: TOMLTable, _ aliases: [String: String]) -> [(entry: TOMLEntry, first: TOMLEntry)] {
        var seen: [String: TOMLEntry] = [:]
        var found: [(entry: TOMLEntry, first: TOMLEntry)] = []
        for entry in table.entries {
            let key = aliases[entry.key] ?? entry.key
            if let first = seen[key] { found.append((entry, first)) } else { seen[key] = entry }
        }
        return found
    }

    /// The problem of a key given twice under two names, at the second.
    public static func problem(_ collision: (entry: TOMLEntry, first: TOMLEntry), file: String) -> InputProblem {
        let (entry, first) = collision
        return InputProblem(
            file: file, line: entry.keyPosition.line,
            column: InputProblem.Column(name: "", index: entry.keyPosition.column),
            kind: .tomlError(
                english: "`\(entry.key)` repeats `\(first.key)` (line \(first.keyPosition.line)): give each key once",
                chinese: "“\(entry.key)”与第 \(first.keyPosition.line) 行的“\(first.key)”是同一个键，请只写一次"))
    }

    /// The table with its keys (not its values) renamed by `aliases`, at every depth `nested` allows:
    /// positions stay as written. A key already in canonical form is kept.
    public static func canonical(_ table: TOMLTable, _ aliases: [String: String],
                                 nested: (String) -> [String: String]? = { _ in nil }) -> TOMLTable {
        TOMLTable(entries: table.entries.map { entry in
            let key = aliases[entry.key] ?? entry.key
            var node = entry.node
            if let inner = nested(key) {
                switch node.value {
                case .table(let child):
                    node.value = .table(canonical(child, inner, nested: nested))
                case .array(let elements):
                    node.value = .array(elements.map { element in
                        guard case .table(let child) = element.value else { return element }
                        return TOMLNode(value: .table(canonical(child, inner, nested: nested)), position: element.position)
                    })
                default: break
                }
            }
            return TOMLEntry(key: key, keyPosition: entry.keyPosition, node: node)
        })
    }
}
