import Foundation

/// Workbooks for the tests of every target (the one shared test-support module), written by openpyxl (`scripts/make_workbook.py`): an independent writer, so
/// that the reader is checked against files it did not make.
public enum Book {
    /// Whether python3 with openpyxl is here (.ci/run installs it).
    public static let available: Bool = (try? run(["-c", "import openpyxl"]).status) == 0

    /// A sheet: rows from row 1 (`nil` = an empty cell), merged ranges, hidden rows and columns (letters),
    /// its state.
    public static func sheet(_ name: String, _ rows: [[Any?]], merges: [String] = [], hiddenRows: [Int] = [],
                      hiddenColumns: [String] = [], state: String = "visible") -> [String: Any] {
        ["name": name, "state": state, "merges": merges, "hidden_rows": hiddenRows, "hidden_columns": hiddenColumns,
         "rows": rows.map { $0.map { $0 ?? NSNull() } }]
    }

    /// A date cell (a serial number with a date format).
    public static func date(_ iso: String, format: String = "yyyy-mm-dd") -> [String: Any] { ["date": iso, "format": format] }
    /// A number with a number format.
    public static func number(_ value: Double, format: String) -> [String: Any] { ["number": value, "format": format] }
    /// A formula with its saved value.
    public static func formula(_ text: String, cached: Any?) -> [String: Any] { ["formula": text, "cached": cached ?? NSNull()] }
    /// An inline (rich text) string.
    public static func inline(_ text: String) -> [String: Any] { ["inline": text] }
    /// A boolean cell.
    public static func bool(_ flag: Bool) -> [String: Any] { ["bool": flag] }

    /// Writes the workbook at `path`.
    public static func write(_ path: String, sheets: [[String: Any]], date1904: Bool = false) throws {
        let spec: [String: Any] = ["path": path, "date1904": date1904, "sheets": sheets]
        let specPath = path + ".json"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        defer { try? FileManager.default.removeItem(atPath: specPath) }
        let result = try run([script, specPath])
        guard result.status == 0 else { throw BookError(message: "make_workbook.py: \(result.error)") }
    }

    public static var script: String {
        URL(fileURLWithPath: #filePath).appendingPathComponent("../../../scripts/make_workbook.py").standardized.path
    }

    public static func run(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let errors = Pipe()
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The workbook writer failed; the message is its own.
public struct BookError: Error, CustomStringConvertible {
    /// What the writer said.
    public let message: String
    /// The message.
    public var description: String { message }
}
