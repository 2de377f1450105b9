import DuxueCity
import DuxueDomain
import DuxueInput
import Foundation

/// What the command line does to the city's accounts without a server: the first administrator, and
/// accounts imported from a CSV file. The CLI only parses and prints.
public enum CityAdministration {
    /// Creates an administrator (the first one, typically).
    public static func createAdministrator(_ configuration: CityConfiguration, name: String, password: String) throws -> Account {
        let store = try CityServer.openStore(configuration)
        return try store.createAccount(name: name, role: .admin, district: nil, password: password,
                                       by: Actor(account: nil, name: "command-line", address: "local"))
    }

    /// An accounts file that cannot be imported, with every problem found (the one problem model,
    /// ``InputProblem``: file, line, column, message and fix in Chinese and English).
    public struct ImportRefused: Error, Sendable, CustomStringConvertible {
        /// The problems, in line order.
        public var problems: [InputProblem]

        /// One problem per line, in English.
        public var description: String { message(in: .en) }

        /// One problem per line, in a language.
        public func message(in language: Language) -> String {
            problems.map { $0.message(in: language) }.joined(separator: "\n")
        }
    }

    /// The accounts file's columns, in order.
    static let columns = ["name", "role", "district", "password"]

    /// Imports accounts from a CSV file with the header `name,role,district,password` (UTF-8, no quoted
    /// commas), all in one transaction: every account is created, or none. District accounts name one
    /// of the city's districts. Every problem of the file is reported at once (``ImportRefused``), with
    /// its line as the file numbers it (blank lines count, and are skipped). Returns how many were created.
    public static func importAccounts(_ configuration: CityConfiguration, file: String) throws -> Int {
        let store = try CityServer.openStore(configuration)
        let districts = Set(configuration.districtFolders().map { ($0 as NSString).lastPathComponent })
        let list = try readAccounts(file: file, districts: districts)
        return try store.createAccounts(list, by: Actor(account: nil, name: "command-line", address: "local"))
    }

    /// The accounts of a file, or every problem of it.
    static func readAccounts(file: String, districts: Set<String>) throws(ImportRefused) -> [(name: String, role: Role, district: String?, password: String)] {
        let shown = (file as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: file) else {
            throw ImportRefused(problems: [InputProblem(file: shown, line: nil, kind: .fileNotFound(path: file))])
        }
        // Foundation's own error text names paths and internals: the problem says what is wrong instead.
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ImportRefused(problems: [InputProblem(file: shown, line: nil, kind: .unreadable(reason: "permission"))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportRefused(problems: [InputProblem(file: shown, line: nil, kind: .unreadable(reason: "UTF-8"))])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}")) }
        var problems: [InputProblem] = []
        func column(_ index: Int) -> InputProblem.Column { InputProblem.Column(name: columns[index], index: index + 1) }
        guard let headerIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ImportRefused(problems: [InputProblem(file: shown, line: nil, kind: .emptyFile)])
        }
        let header = lines[headerIndex].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (index, key) in columns.enumerated() where index >= header.count || header[index] != key {
            if index < header.count {
                problems.append(InputProblem(file: shown, line: headerIndex + 1, column: column(index),
                                             kind: .unknownColumn(header: header[index], suggestion: key)))
            } else {
                problems.append(InputProblem(file: shown, line: headerIndex + 1, kind: .missingColumn(key: key, accepted: [key], lookalike: nil)))
            }
        }
        if !problems.isEmpty { throw ImportRefused(problems: problems) }
        var list: [(name: String, role: Role, district: String?, password: String)] = []
        var firstLine: [String: Int] = [:]
        for (index, line) in lines.enumerated() where index > headerIndex && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4 else {
                problems.append(InputProblem(file: shown, line: number, kind: .raggedRow(fields: cells.count, expected: 4)))
                continue
            }
            var fine = true
            if cells[0].isEmpty {
                problems.append(InputProblem(file: shown, line: number, column: column(0), kind: .emptyValue(key: "name")))
                fine = false
            } else if let first = firstLine[cells[0].lowercased()] {
                problems.append(InputProblem(file: shown, line: number, column: column(0), kind: .duplicateID(id: cells[0], firstLine: first)))
                fine = false
            } else {
                firstLine[cells[0].lowercased()] = number
            }
            let role = Role(rawValue: cells[1])
            if role == nil {
                problems.append(InputProblem(file: shown, line: number, column: column(1),
                                             kind: .badChoice(value: cells[1], key: "role", accepted: ["district", "reviewer", "admin"])))
            }
            let district = cells[2].isEmpty ? nil : cells[2]
            if role == .district && district == nil {
                problems.append(InputProblem(file: shown, line: number, column: column(2), kind: .emptyValue(key: "district")))
                fine = false
            } else if let district, !districts.contains(district) {
                problems.append(InputProblem(file: shown, line: number, column: column(2),
                                             kind: .badChoice(value: district, key: "district", accepted: districts.sorted())))
                fine = false
            }
            if let role, fine { list.append((cells[0], role, role == .district ? district : nil, cells[3])) }
        }
        if !problems.isEmpty { throw ImportRefused(problems: problems) }
        return list
    }
}
