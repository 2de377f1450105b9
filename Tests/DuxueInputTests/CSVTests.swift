import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

@Suite("CSV reading")
struct CSVReaderTests {
    @Test func quotedFieldsCommasDoubledQuotesAndNewlines() throws {
        let text = "id,name,note\r\nS1,\"Alpha, North\",\"say \"\"hi\"\"\"\r\nS2,\"two\r\nlines\",x\r\nS3,Gamma,y"
        let records = try CSVReader.parse(text)
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[1].values == ["S1", "Alpha, North", "say \"hi\""])
        #expect(records[2].values == ["S2", "two\r\nlines", "x"])
        #expect(records[3].values == ["S3", "Gamma", "y"])
        #expect(records[1].fields.map(\.column) == [1, 2, 3])
        #expect(records[1].fields.map(\.characterColumn) == [1, 4, 19])
        #expect(records[1].fields.map(\.quoted) == [false, true, true])
    }

    @Test func unquotedFieldsAreTrimmedQuotedOnesAreNot() throws {
        let records = try CSVReader.parse("a,b,c\n  x  ,\"  y  \" ,\t z\n")
        #expect(records[1].values == ["x", "  y  ", "z"])
        #expect(records[1].fields[0].characterColumn == 3)
    }

    @Test func blankLinesAndExcelEmptyRowsAreSkipped() throws {
        let records = try CSVReader.parse("a,b\n\n1,2\n   \n,\n3,4\n\n")
        #expect(records.map(\.line) == [1, 3, 6])
        #expect(records.map(\.values) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func emptyQuotedFieldsAreNotBlank() throws {
        let records = try CSVReader.parse("a,b\n\"\",\n")
        #expect(records.count == 2)
        #expect(records[1].values == ["", ""])
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let records = try CSVReader.parse("a,b\r1,2\r3,4")
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func openQuoteSaysWhereItOpened() {
        let text = "id,name\nS1,ok\nS2,\"never closed\nS3,x\n"
        #expect(throws: CSVError.openQuote(line: 3, column: 4, field: 2)) { try CSVReader.parse(text) }
        #expect(CSVError.openQuote(line: 3, column: 4, field: 2).description.hasPrefix(
            "quote opened at line 3, column 4 (field 2) is never closed"))
    }

    @Test func raggedRowNamesBothWidths() {
        #expect(throws: CSVError.raggedRow(line: 3, fields: 2, expected: 3)) {
            try CSVReader.parse("a,b,c\n1,2,3\n1,2\n")
        }
        #expect(CSVError.raggedRow(line: 3, fields: 2, expected: 3).description.hasPrefix(
            "line 3 has 2 fields where the header has 3"))
    }

    @Test func textAfterClosingQuoteIsAnErrorAndReadingGoesOn() throws {
        var reader = CSVReader(text: "a,b\n\"x\"y,2\n3,4\n")
        #expect(try reader.next()?.line == 1)
        #expect(throws: CSVError.textAfterQuote(line: 2, column: 4, field: 1)) { try reader.next() }
        let after = try reader.next()
        #expect(after?.line == 3)
        #expect(after?.values == ["3", "4"])
        #expect(try reader.next() == nil)
    }

    @Test func trailingCommaMakesAnEmptyLastField() throws {
        let records = try CSVReader.parse("a,b,c\n1,2,\n")
        #expect(records[1].values == ["1", "2", ""])
    }
}

@Suite("CSV writing")
struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVWriter.quoted("plain") == "plain")
        #expect(CSVWriter.quoted("a,b") == "\"a,b\"")
        #expect(CSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.quoted("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVWriter.quoted(" padded") == "\" padded\"")
        #expect(CSVWriter.quoted("padded ") == "\"padded \"")
        #expect(CSVWriter.quoted("中文") == "中文")
        #expect(CSVWriter.quoted("") == "")
    }

    @Test func documentRoundTripsThroughTheReader() throws {
        let rows = [["S1", "Alpha, North", " x "], ["S2", "say \"hi\"", "two\nlines"]]
        let text = CSVWriter.document(header: ["id", "name", "note"], rows: rows)
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\r"))
        let records = try CSVReader.parse(text)
        #expect(records.dropFirst().map(\.values) == rows)
    }

    @Test func atomicWriteRefusesToOverwriteWithoutForce() throws {
        let folder = Fixtures.temporaryFolder()
        let path = folder + "/roster.csv"
        try AtomicFile.write(Array("one\n".utf8), to: path, overwrite: false)
        #expect(throws: AtomicFileError.exists(path: path)) {
            try AtomicFile.write(Array("two\n".utf8), to: path, overwrite: false)
        }
        #expect(AtomicFileError.exists(path: path).description.contains(path))
        // A library message names no command-line option: the CLI adds the one that overwrites.
        #expect(!AtomicFileError.exists(path: path).description.contains("--"))
        #expect(AtomicFileError.exists(path: path).description.contains("allow overwriting"))
        #expect(try FileSystem.readBytes(path) == Array("one\n".utf8))
        try AtomicFile.write(Array("two\n".utf8), to: path, overwrite: true)
        #expect(try FileSystem.readBytes(path) == Array("two\n".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers == ["roster.csv"])
    }

    @Test func atomicWriteIntoMissingFolderFailsWithThePath() {
        let path = Fixtures.temporaryFolder() + "/no/such/folder/out.csv"
        do {
            try AtomicFile.write([0x61], to: path, overwrite: false)
            Issue.record("expected an error")
        } catch {
            guard case .cannotWrite(let failedPath, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(failedPath == path)
        }
    }

    @Test func atomicTextWriteCanAddAByteOrderMark() throws {
        let path = Fixtures.temporaryFolder() + "/excel.csv"
        try AtomicFile.write("学校\n", to: path, overwrite: false, byteOrderMark: true)
        let decoded = try TextDecoding.decode(try FileSystem.readBytes(path))
        #expect(decoded == DecodedText(text: "学校\n", encoding: .utf8BOM))
    }
}
