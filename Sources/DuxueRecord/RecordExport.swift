import DuxueDomain
import DuxueInput
import Foundation
import GRDB

/// The record as plain CSV, one file per table (`terms.csv`, `rosters.csv` …), so that an office can
/// read it without Duxue; importing such a folder rebuilds the same record (exporting that again gives
/// the same bytes). An empty field is NULL.
extension DistrictRecord {
    /// The files an export writes, in the folder.
    public static func exportFiles(in folder: String) -> [String] {
        RecordSchema.exportTables.map { URL(fileURLWithPath: folder).appendingPathComponent($0.name + ".csv").path }
    }

    /// The CSV text of every table, read in one snapshot, by file name.
    public func exportTexts() throws(RecordError) -> [(file: String, text: String)] {
        try read { db in
            try RecordSchema.exportTables.map { table in
                let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table.name) ORDER BY \(table.order)")
                let fields = rows.map { row in (0..<row.count).map { Self.text(row[$0] as DatabaseValue) } }
                return (table.name + ".csv", CSVWriter.document(header: table.columns, rows: fields))
            }
        }
    }

    /// Writes the export into `folder` (created if needed); never over an existing file.
    public func export(to folder: String) throws(RecordError) {
        let texts = try exportTexts()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .badExport(file: folder, line: nil, reason: "\(error.localizedDescription)")
        }
        for (file, text) in texts {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
            do {
                try AtomicFile.write(text, to: path, overwrite: false)
            } catch {
                throw .badExport(file: path, line: nil, reason: error.description)
            }
        }
    }

    /// Rebuilds the record from an export folder: every table in one transaction (all or nothing). The
    /// record must hold no roster yet (an import never merges).
    public func importExport(from folder: String) throws(RecordError) {
        var tables: [(name: String, columns: [String], rows: [[String]], lines: [Int])] = []
        for table in RecordSchema.exportTables {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(table.name + ".csv").path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .badExport(file: path, line: nil, reason: "the file is missing or cannot be read")
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let records: [DuxueInput.TableRecord]
            do throws(CSVError) {
                records = try TableReader.parse(text)
            } catch {
                throw .badExport(file: path, line: error.line, reason: error.description)
            }
            guard let header = records.first, header.fields.map(\.value) == table.columns else {
                throw .badExport(file: path, line: 1, reason: "the header is not \(table.columns.joined(separator: ","))")
            }
            let body = records.dropFirst()
            tables.append((table.name, table.columns, body.map { $0.fields.map(\.value) }, body.map(\.line)))
        }
        try write { db in
            let rosters = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rosters") ?? 0
            guard rosters == 0 else { throw RecordError.importIntoNonEmpty(path: path) }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for table in tables {
                let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                let statement = try db.makeStatement(sql: "INSERT INTO \(table.name) (\(columns)) VALUES (\(marks))")
                for (row, line) in zip(table.rows, table.lines) {
                    let values: [(any DatabaseValueConvertible)?] = row.map { $0.isEmpty ? nil : $0 }
                    do {
                        try statement.execute(arguments: StatementArguments(values))
                    } catch {
                        throw RecordError.badExport(file: table.name + ".csv", line: line, reason: Self.reason(error))
                    }
                }
            }
        }
    }

    /// A value as an export writes it.
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }
}
