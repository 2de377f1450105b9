import DuxueTOML
import Foundation

/// The toml-test suite (github.com/toml-lang/toml-test, MIT): TOML files that must be accepted, each with
/// its values in tagged JSON (`{"type": "integer", "value": "42"}`), and files that must be rejected.
/// A bundled selection lives in `TOMLTestSuite/`; the whole suite in `../shared/toml-test` when present.
enum TOMLTestSuite {
    /// One test file, relative to the suite's `tests` folder, e.g. `valid/key/dotted-01.toml`.
    struct Case: CustomStringConvertible {
        var root: URL
        var path: String
        var isValid: Bool { path.hasPrefix("valid/") }
        var description: String { path }
    }

    /// Cases the reader is known not to pass, with why (none).
    static let exceptions: [String: String] = [:]

    /// The bundled copy's folder.
    static var bundledRoot: URL? { Bundle.module.url(forResource: "TOMLTestSuite", withExtension: nil) }

    /// `../shared/toml-test/tests` next to the package, if it is there.
    static var sharedRoot: URL? {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let root = package.deletingLastPathComponent().appendingPathComponent("shared/toml-test/tests")
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("files-toml-1.0.0").path) ? root : nil
    }

    /// The TOML cases listed in the folder's `files-toml-1.0.0`.
    static func cases(in root: URL) throws -> [Case] {
        let list = try String(contentsOf: root.appendingPathComponent("files-toml-1.0.0"), encoding: .utf8)
        return list.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasSuffix(".toml") }
            .map { Case(root: root, path: $0) }
    }

    /// The file's bytes.
    static func bytes(_ testCase: Case, extension replacement: String? = nil) throws -> [UInt8] {
        var path = testCase.path
        if let replacement { path = String(path.dropLast(".toml".count)) + replacement }
        return [UInt8](try Data(contentsOf: testCase.root.appendingPathComponent(path)))
    }

    /// Why a valid case fails (`nil` when it passes): a parse error or the first difference from its JSON.
    static func failure(ofValid testCase: Case) throws -> String? {
        let table: TOMLTable
        let text = try bytes(testCase)
        do {
            table = try TOMLParser.parse(bytes: text)
        } catch {
            return "rejected: \(error)"
        }
        let expected = try JSONSerialization.jsonObject(with: Data(try bytes(testCase, extension: ".json")))
        return difference(.table(table), expected, at: "")
    }

    /// Why an invalid case fails (`nil` when it is rejected with a position).
    static func failure(ofInvalid testCase: Case) throws -> String? {
        let text = try bytes(testCase)
        do {
            let table = try TOMLParser.parse(bytes: text)
            return "accepted: \(TOMLValue.table(table))"
        } catch {
            return error.position.line >= 1 && error.position.column >= 1 ? nil : "no position: \(error)"
        }
    }

    /// The first difference between a value and its tagged JSON.
    static func difference(_ value: TOMLValue, _ json: Any, at path: String) -> String? {
        if let object = json as? [String: Any] {
            if object.count == 2, let type = object["type"] as? String, let text = object["value"] as? String {
                return leafDifference(value, type: type, text: text).map { "\(path): \($0)" }
            }
            guard let table = value.table else { return "\(path): \(value.typeName), expected a table" }
            let expectedKeys = Set(object.keys.map { Array($0.unicodeScalars) })
            let keys = Set(table.keys.map { Array($0.unicodeScalars) })
            guard keys == expectedKeys, table.entries.count == object.count else {
                return "\(path): keys \(table.keys.sorted()), expected \(object.keys.sorted())"
            }
            for entry in table.entries {
                guard let expected = object.first(where: { Array($0.key.unicodeScalars) == Array(entry.key.unicodeScalars) })
                else { return "\(path).\(entry.key): missing" }
                if let difference = difference(entry.node.value, expected.value, at: "\(path).\(entry.key)") {
                    return difference
                }
            }
            return nil
        }
        if let array = json as? [Any] {
            guard let elements = value.array else { return "\(path): \(value.typeName), expected an array" }
            guard elements.count == array.count else { return "\(path): \(elements.count) elements, expected \(array.count)" }
            for (index, (element, expected)) in zip(elements, array).enumerated() {
                if let difference = difference(element.value, expected, at: "\(path)[\(index)]") { return difference }
            }
            return nil
        }
        return "\(path): unexpected JSON \(json)"
    }

    /// The difference between a value and one tagged JSON value.
    static func leafDifference(_ value: TOMLValue, type: String, text: String) -> String? {
        let same: Bool
        switch type {
        case "string":
            same = value.string.map { Array($0.unicodeScalars) == Array(text.unicodeScalars) } ?? false
        case "integer":
            same = value.integer != nil && value.integer == Int(text)
        case "float":
            guard case .float(let number) = value, let expected = float(text) else { return "\(value), expected float \(text)" }
            same = number.isNaN ? expected.isNaN : number == expected
        case "bool":
            same = value.bool.map { ($0 ? "true" : "false") == text } ?? false
        case "datetime", "datetime-local", "date-local", "time-local":
            let kinds: [String: TOMLDateTime.Kind] = [
                "datetime": .offsetDateTime, "datetime-local": .localDateTime, "date-local": .localDate, "time-local": .localTime,
            ]
            same = value.dateTime.map { $0.kind == kinds[type] && $0.description == normalized(text) } ?? false
        default:
            return "unknown type \(type)"
        }
        return same ? nil : "\(value.typeName) \(value), expected \(type) \(text)"
    }

    /// toml-test's float text as a number (`inf`, `+inf`, `-inf`, `nan` included).
    static func float(_ text: String) -> Double? {
        switch text {
        case "inf", "+inf": .infinity
        case "-inf": -.infinity
        case "nan", "+nan", "-nan": .nan
        default: Double(text)
        }
    }

    /// RFC 3339 text as ``TOMLDateTime/description`` writes it: `T` between date and time, the
    /// fraction without trailing zeros (but one digit), `Z` for a zero offset.
    static func normalized(_ text: String) -> String {
        var result = text.replacingOccurrences(of: " ", with: "T").replacingOccurrences(of: "t", with: "T")
            .replacingOccurrences(of: "z", with: "Z")
        for zero in ["+00:00", "-00:00"] where result.hasSuffix(zero) {
            result = String(result.dropLast(zero.count)) + "Z"
        }
        guard let dot = result.firstIndex(of: ".") else { return result }
        let digits = result[result.index(after: dot)...].prefix(while: \.isNumber)
        let rest = result[digits.endIndex...]
        var fraction = String(digits.prefix(9))
        while fraction.count > 1, fraction.last == "0" { fraction.removeLast() }
        return String(result[..<dot]) + "." + fraction + rest
    }
}
