import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

/// Files are read in line-aligned blocks (encoding found in a first pass) and parsed as the blocks come:
/// the result must not depend on where blocks end.
@Suite("Streaming reads")
struct StreamingTests {
    static let text = "id,名称,备注\r\nS1,\"实验\r\n小学\",\u{3000}全角空格\u{3000}\r\nS2,  \"he said \"\"hi\"\"\" ,x\u{00A0}\r\n"
        + "S3,第二中学,\u{FEFF}bom\nS4,\"a,b\",\"\"\n"

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func blocksOfAnySizeParseLikeOneText(size: Int) throws {
        let expected = try CSVReader.parse(Self.text)
        let bytes = Array(Self.text.utf8)
        var offset = 0
        var reader = CSVReader(blocks: {
            guard offset < bytes.count else { return nil }
            defer { offset += size }
            return Array(bytes[offset..<min(offset + size, bytes.count)])
        })
        #expect(try reader.readAll() == expected)
        #expect(expected.count == 5)
        #expect(expected[1].values == ["S1", "实验\r\n小学", "全角空格"])
        #expect(expected[2].values == ["S2", "he said \"hi\"", "x"])
        #expect(expected[2].fields[1].characterColumn == 6)
        #expect(expected[3].values == ["S3", "第二中学", "bom"])
        #expect(expected[4].line == 6)
    }

    /// A GBK file of several blocks (over 1 MB), with multi-line quoted names all through it and one bad
    /// value on its last line: every school is read and the problem has its true line.
    @Test func multiBlockGBKFileKeepsLinesAcrossBlocks() throws {
        let folder = Fixtures.temporaryFolder()
        var schools = "学校代码,学校名称,在校生数,责任区\n"
        var line = 2
        var count = 0
        while schools.utf8.count < 2_500_000 {
            count += 1
            if count % 7 == 0 {
                schools += "S\(count),\"第\(count)学校\n（分校）\",\(count % 900),城区\n"
                line += 2
            } else {
                schools += "S\(count),第\(count)实验学校,\(count % 900),城区\n"
                line += 1
            }
        }
        schools += "BAD,最后一所,-1,城区\n"
        let inspectors = "督学编号,姓名,专兼职,在职状态,已连任届数,责任区\nD1,张伟,专职,在职,0,城区\n"
        try Data(TextEncoding.encode(schools, as: .gb18030)).write(to: URL(fileURLWithPath: folder + "/schools.csv"))
        try Data(TextEncoding.encode(inspectors, as: .gb18030)).write(to: URL(fileURLWithPath: folder + "/inspectors.csv"))
        let found = problems { _ = try DistrictReader.read(folder: folder, policy: policy) }
        #expect(found.map(Spot.init) == [
            Spot("schools.csv", line, 3, .badWholeNumber(value: "-1", key: "enrollment", issue: .negative)),
        ])

        // Without the bad row the whole file loads, in order, with the names' line breaks kept.
        schools.removeLast("BAD,最后一所,-1,城区\n".count)
        try Data(TextEncoding.encode(schools, as: .gb18030)).write(to: URL(fileURLWithPath: folder + "/schools.csv"))
        let load = try DistrictReader.read(folder: folder, policy: policy)
        #expect(load.encodings["schools.csv"] == .gb18030)
        #expect(load.district.schools.count == count)
        #expect(load.district.schools[6].name == "第7学校\n（分校）")
        #expect(load.schoolLines[School.ID("S\(count)")!] == line - 1 - (count % 7 == 0 ? 1 : 0))
    }

    /// A UTF-8 file with GBK rows pasted in far down (past the first block) is rejected, naming both lines.
    @Test func mixedEncodingFoundPastTheFirstBlock() throws {
        var bytes = Array("学校代码,学校名称,在校生数,责任区\n".utf8)
        var line = 1
        while bytes.count < 1_500_000 {
            line += 1
            bytes += Array("S\(line),实验学校\(line),100,城区\n".utf8)
        }
        bytes += try TextEncoding.encode("G1,第二中学,1200,城区\n", as: .gb18030)
        #expect(throws: TextDecodingError.mixed(utf8Line: 1, otherLine: line + 1)) { try TextDecoding.decode(bytes) }
    }

    /// A NUL byte far into the file still marks it as binary, with its offset.
    @Test func nulPastTheFirstBlockIsBinary() {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: 1_200_000)
        bytes[1_100_000] = 0x0A
        bytes[1_150_000] = 0
        #expect(throws: TextDecodingError.binary(offset: 1_150_000)) { try TextDecoding.decode(bytes) }
    }
}

extension StreamingTests {
    /// Old Mac Excel ends lines with CR alone: a multi-block file of them still streams in blocks, and reads
    /// like the same text in memory.
    @Test func carriageReturnOnlyFileReadsAcrossBlocks() throws {
        var text = "id,name,enrollment,zone\r"
        var count = 0
        while text.utf8.count < 2_200_000 {
            count += 1
            text += "S\(count),学校\(count),\(count % 500),东区\r"
        }
        let folder = Fixtures.temporaryFolder()
        try text.write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try "id,name,employment,status,consecutive_terms,zone\rD1,W,专职,在职,0,东区\r"
            .write(toFile: folder + "/inspectors.csv", atomically: true, encoding: .utf8)
        let load = try DistrictReader.read(folder: folder, policy: policy)
        #expect(load.district.schools.count == count)
        #expect(load.schoolLines[School.ID("S\(count)")!] == count + 1)
    }
}
