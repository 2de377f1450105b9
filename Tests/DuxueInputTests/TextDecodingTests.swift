import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

@Suite("Text decoding")
struct TextDecodingTests {
    @Test func plainUTF8() throws {
        let decoded = try TextDecoding.decode(Array("id,名称\n".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "id,名称\n")
    }

    @Test func byteOrderMarkIsStrippedAndReported() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("学校代码\n".utf8))
        #expect(decoded.encoding == .utf8BOM)
        #expect(decoded.text == "学校代码\n")
        #expect(decoded.text.unicodeScalars.first == "学")
    }

    @Test func gb18030RoundTrip() throws {
        let text = "学校代码,学校名称\nX01,实验小学 €\n"
        let bytes = try TextEncoding.encode(text, as: .gb18030)
        #expect(bytes.starts(with: [0xD1, 0xA7, 0xD0, 0xA3]))  // 学校 in GBK
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == text)
    }

    @Test func gbkFixtureFileDecodes() throws {
        let bytes = try FileSystem.readBytes(Fixtures.path("gbk/schools.csv"))
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text.hasPrefix("学校代码,学校名称,学段"))
    }

    @Test func encodeWithByteOrderMark() throws {
        #expect(try TextEncoding.encode("a", as: .utf8BOM) == [0xEF, 0xBB, 0xBF, 0x61])
        #expect(try TextEncoding.encode("a", as: .utf8) == [0x61])
    }

    @Test func utf16IsRejectedWithAFix() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("id".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: TextDecodingError.utf16) { try TextDecoding.decode(bytes) }
        #expect(TextDecodingError.utf16.description == "file is UTF-16: save it as UTF-8 or GBK (CSV UTF-8 in Excel)")
    }

    @Test func utf16WithoutByteOrderMarkIsRecognisedByItsNULs() {
        let bytes = Array("id,name\nS1,A\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: TextDecodingError.utf16) { try TextDecoding.decode(bytes) }
    }

    @Test func utf32IsRejected() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]
        #expect(throws: TextDecodingError.utf32) { try TextDecoding.decode(bytes) }
    }

    @Test func binaryAndWorkbooksAreRejected() {
        #expect(throws: TextDecodingError.binary(offset: 3)) { try TextDecoding.decode([0x61, 0x62, 0x63, 0x00, 0x7F]) }
        #expect(throws: TextDecodingError.workbook) { try TextDecoding.decode([0x50, 0x4B, 0x03, 0x04, 0x14]) }
    }

    @Test func invalidGB18030IsRejectedStrictly() {
        // 0xFF is neither UTF-8 nor a GB18030 lead byte.
        #expect(throws: TextDecodingError.undecodable(byte: 0xFF, offset: 2)) {
            try TextDecoding.decode([0x61, 0x62, 0xFF, 0x63])
        }
        // A GBK lead byte at the very end is an incomplete sequence.
        #expect(throws: TextDecodingError.undecodable(byte: 0xD1, offset: 1)) { try TextDecoding.decode([0x61, 0xD1]) }
    }

    @Test func emptyInputIsEmptyUTF8() throws {
        #expect(try TextDecoding.decode([]) == DecodedText(text: "", encoding: .utf8))
    }
}
