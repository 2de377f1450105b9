import DuxueCity
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

    /// A problem of an accounts file, with its line.
    public struct ImportProblem: Error, CustomStringConvertible {
        /// The line (1-based, the header is line 1).
        public var line: Int
        /// What is wrong.
        public var message: String
        /// `file:line: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Imports accounts from a CSV file with the header `name,role,district,password` (UTF-8, no quoted
    /// commas), all in one transaction: every account is created, or none. District accounts name one
    /// of the city's districts. Returns how many were created.
    public static func importAccounts(_ configuration: CityConfiguration, file: String) throws -> Int {
        let store = try CityServer.openStore(configuration)
        let districts = Set(configuration.districtFolders().map { ($0 as NSString).lastPathComponent })
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).lowercased(),
              header.replacingOccurrences(of: " ", with: "") == "name,role,district,password" else {
            throw ImportProblem(line: 1, message: "the header must be name,role,district,password")
        }
        lines.removeFirst()
        var list: [(name: String, role: Role, district: String?, password: String)] = []
        for (index, line) in lines.enumerated() {
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let role = Role(rawValue: cells[1]) else {
                throw ImportProblem(line: index + 2, message: "four cells: name, role (district, reviewer or admin), district, password")
            }
            let district = cells[2].isEmpty ? nil : cells[2]
            if let district, !districts.contains(district) { throw ImportProblem(line: index + 2, message: "no district folder \(district)") }
            list.append((cells[0], role, role == .district ? district : nil, cells[3]))
        }
        return try store.createAccounts(list, by: Actor(account: nil, name: "command-line", address: "local"))
    }
}
