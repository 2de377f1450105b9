import DuxueDomain

/// What is wrong in a scenario file or a sweep (a kind of ``InputProblem``: one problem model for
/// districts, rosters, policies and scenarios). Values of new schools and inspectors are checked by the
/// district's own rows and carry their kinds; these are the scenario format's own.
public enum ScenarioIssue: Sendable, Hashable {
        /// The file does not exist.
        case fileNotFound
        /// The file cannot be read or decoded.
        case unreadable(reason: String)
        /// A key the scenario format does not know (`table` names where, e.g. "schools.add"; empty at top level).
        case unknownKey(key: String, table: String, suggestion: String?, accepted: [String])
        /// A policy key a scenario may not set (it describes the district, or only `renew` uses it).
        case notInScenarios(key: String, accepted: [String])
        /// A value of the wrong TOML type.
        case wrongType(key: String, expected: String, found: String)
        /// A whole number below its minimum.
        case belowMinimum(key: String, value: String, minimum: Int)
        /// A required key of a new school or inspector is missing.
        case missingKey(key: String, table: String)
        /// A school id that is not in the district.
        case unknownSchool(id: String, key: String, suggestion: String?)
        /// An inspector id that is not in the district.
        case unknownInspector(id: String, key: String, suggestion: String?)
        /// A new school or inspector whose id is taken.
        case duplicateID(id: String, key: String)
        /// A `--sweep` option that is not `key=value,value…`.
        case sweepSyntax(text: String)
        /// A `--sweep` key that is not a policy setting.
        case sweepKey(key: String, suggestion: String?)
}

extension ScenarioIssue {
    func summary(_ zh: Bool) -> String {
        switch self {
        case .fileNotFound:
            return zh ? "找不到情景文件" : "scenario file not found"
        case .unreadable(let reason):
            return zh ? "无法读取情景文件（\(reason)）" : "cannot read the scenario file (\(reason))"
        case .unknownKey(let key, let table, let suggestion, _):
            let place = table.isEmpty ? "" : zh ? "[\(table)] 中有" : " in [\(table)]"
            if zh { return "\(place)未知的键“\(key)”" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "unknown key \(quote(key))\(place)" + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        case .notInScenarios(let key, _):
            return zh ? "情景文件不能设定 \(key)（它描述区县本身，或只用于年度调整 renew）"
                : "\(key) cannot be set in a scenario (it describes the district, or only a renewal uses it)"
        case .wrongType(let key, let expected, let found):
            return zh ? "\(key) 的值是 \(found)，应为 \(expected)" : "\(key) is a \(found), expected a \(expected)"
        case .belowMinimum(let key, let value, let minimum):
            return zh ? "\(key) 的值 \(value) 小于 \(minimum)" : "\(key) \(value) is below \(minimum)"
        case .missingKey(let key, let table):
            return zh ? "[[\(table)]] 缺少必填的键 \(key)" : "[[\(table)]] lacks the required key \(key)"
        case .unknownSchool(let id, let key, let suggestion):
            if zh { return "\(key) 中的学校“\(id)”不在本区学校名单中" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "unknown school \(quote(id)) in \(key)" + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        case .unknownInspector(let id, let key, let suggestion):
            if zh { return "\(key) 中的督学“\(id)”不在本区督学名单中" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "unknown inspector \(quote(id)) in \(key)" + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        case .duplicateID(let id, let key):
            return zh ? "\(key) 的编号“\(id)”已被使用" : "\(key) \(quote(id)) is already taken"
        case .sweepSyntax(let text):
            return zh ? "“\(text)”格式不对" : "\(quote(text)) is not key=value,value…"
        case .sweepKey(let key, let suggestion):
            if zh { return "键“\(key)”不是政策设置" + (suggestion.map { "（是否应为“\($0)”？）" } ?? "") }
            return "key \(quote(key)) is not a policy setting" + (suggestion.map { "; did you mean \(quote($0))?" } ?? "")
        }
    }

    func fix(_ zh: Bool) -> String {
        switch self {
        case .fileNotFound:
            return zh ? "请检查路径和文件名" : "check the path and the file name"
        case .unreadable:
            return zh ? "请检查文件权限，并存为 UTF-8 或 GBK" : "check the file's permissions, and save it as UTF-8 or GBK"
        case .unknownKey(_, _, let suggestion, let accepted):
            if let suggestion { return zh ? "请改为“\(suggestion)”" : "rename it to \(quote(suggestion))" }
            return zh ? "请删除该键；可用的键：\(accepted.joined(separator: "、"))"
                : "remove it; known keys: \(accepted.joined(separator: ", "))"
        case .notInScenarios(_, let accepted):
            return zh ? "请删除该键；情景可设定的键：\(accepted.joined(separator: "、"))"
                : "remove it; a scenario may set \(accepted.joined(separator: ", "))"
        case .wrongType(let key, let expected, _):
            return zh ? "请把 \(key) 写成\(expected)" : "write \(key) as a \(expected)"
        case .belowMinimum(let key, _, let minimum):
            return zh ? "请把 \(key) 写成不小于 \(minimum) 的整数" : "write \(key) as a whole number of at least \(minimum)"
        case .missingKey(let key, _):
            return zh ? "请补上 \(key) = …" : "add \(key) = …"
        case .unknownSchool:
            return zh ? "请使用 schools.csv 中的学校代码" : "use a school id from schools.csv"
        case .unknownInspector:
            return zh ? "请使用 inspectors.csv 中的督学编号" : "use an inspector id from inspectors.csv"
        case .duplicateID:
            return zh ? "请换一个未使用的编号" : "choose an id that is not in use"
        case .sweepSyntax:
            return zh ? "请写成 键=值,值，例如 large_school_enrollment=1500,2000" : "write key=value,value, e.g. large_school_enrollment=1500,2000"
        case .sweepKey:
            return zh ? "可用的键：\(PolicyKey.scenarioKeys.joined(separator: "、"))"
                : "use one of \(PolicyKey.scenarioKeys.joined(separator: ", "))"
        }
    }

    private func quote(_ text: String) -> String { "\"\(text)\"" }
}
