import Foundation
import Testing

/// End to end with the built `duxue`: the sample workbook plans like the sample folder; a legacy file
/// stops with exit 2 and "save it as .xlsx".
@Suite("Workbook districts end to end")
struct SampleWorkbookTests {
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized }

    /// The `duxue` executable next to the test bundle.
    static var executable: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("duxue")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/duxue")
    }

    static func duxue(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-sheets-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func sampleWorkbookPlansLikeTheSampleFolder() throws {
        let here = try Self.scratch()
        let data = Self.repository.appendingPathComponent("Data")
        let folder = try Self.duxue(["plan", data.appendingPathComponent("county").path, "--out", "folder.csv", "--quiet"], in: here)
        let book = try Self.duxue(["plan", data.appendingPathComponent("county.xlsx").path, "--out", "book.csv", "--quiet"], in: here)
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(book.status == 0, "\(book.stderr)")
        let rosterFromFolder = try String(contentsOf: here.appendingPathComponent("folder.csv"), encoding: .utf8)
        let rosterFromBook = try String(contentsOf: here.appendingPathComponent("book.csv"), encoding: .utf8)
        #expect(!rosterFromBook.isEmpty && rosterFromBook == rosterFromFolder)
        #expect(book.stdout.contains("丰城县"))
    }

    @Test func aLegacyWorkbookStopsWithSaveAsXLSX() throws {
        let here = try Self.scratch()
        let district = here.appendingPathComponent("县")
        try FileManager.default.createDirectory(at: district, withIntermediateDirectories: true)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: district.appendingPathComponent("学校.xls"))
        try Data("督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,王芳,专职,在职,0,东区\n".utf8).write(to: district.appendingPathComponent("督学.csv"))
        let zh = try Self.duxue(["validate", district.path, "--lang", "zh", "--term-start", "2027-09-01"], in: here)
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("学校.xls：文件是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx"))
        let en = try Self.duxue(["plan", district.path, "--lang", "en", "--term-start", "2027-09-01", "--quiet"], in: here)
        #expect(en.status == 2)
        #expect(en.stderr.contains("save it as .xlsx"))
    }
}
