import Foundation
import Testing
import ZIPFoundation

@testable import DuxueSheets

/// Archives made here with ZIPFoundation: zip bombs, limits, a DTD, not a zip at all, legacy files.
@Suite("Zip guards")
struct ZipGuardTests {
    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-zip-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// A package with the given parts (deflated).
    static func archive(_ name: String, parts: [(String, Data)]) throws -> String {
        let path = temporary(name)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (part, data) in parts {
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    static let workbookXML = Data("""
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="学校" sheetId="1" r:id="rId1"/></sheets></workbook>
        """.utf8)
    static let relationships = Data("""
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """.utf8)

    static func sheet(_ body: String) -> Data {
        Data(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
              + body + "</sheetData></worksheet>").utf8)
    }

    @Test func aHandMadePackageWithCachedFormulaValuesAndStringsOfEveryKind() throws {
        let path = try Self.archive("hand.xlsx", parts: [
            ("xl/workbook.xml", Self.workbookXML), ("xl/_rels/workbook.xml.rels", Self.relationships),
            ("xl/sharedStrings.xml", Data("<sst><si><t>一中</t></si><si><r><t>二</t></r><r><t>小</t></r><rPh><t>ㄦ</t></rPh></si></sst>".utf8)),
            ("xl/worksheets/sheet1.xml", Self.sheet("""
                <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><f>SUM(D2:E2)</f><v>1200</v></c>\
                <c r="D2" t="str"><f>A2&amp;"校"</f><v>一中校</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
                <c r="F2" t="b"><v>1</v></c><c r="G2" t="d"><v>2024-05-31T00:00:00</v></c><c r="H2" s="0"/></row>
                """)),
        ])
        let book = try Workbook(path: path)
        #expect(book.sheets == [SheetInfo(name: "学校", state: .visible, part: "xl/worksheets/sheet1.xml")])
        let rows = try book.read(book.sheets[0]).rows
        #expect(rows.count == 1 && rows[0].number == 2)
        #expect(rows[0].cells.map(\.value.text) == ["一中", "二小", "1200", "一中校", "#DIV/0!", "TRUE", "2024-05-31"])
    }

    @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
        // 16 MiB of zeros deflates to about 16 KiB: a ratio near 1000:1, no sheet compresses like that.
        let bomb = Data(count: 16 << 20)
        let path = try Self.archive("bomb.xlsx", parts: [
            ("xl/workbook.xml", Self.workbookXML), ("xl/_rels/workbook.xml.rels", Self.relationships),
            ("xl/worksheets/sheet1.xml", bomb),
        ])
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) < 100_000)
        #expect(throws: WorkbookError.compressionRatio(part: "xl/worksheets/sheet1.xml", limit: 100)) { _ = try Workbook(path: path) }
    }

    @Test func totalSizeAndEntryCountLimits() throws {
        let filler = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let path = try Self.archive("big.xlsx", parts: [
            ("xl/workbook.xml", Self.workbookXML), ("xl/_rels/workbook.xml.rels", Self.relationships),
            ("xl/media/image1.bin", filler), ("xl/media/image2.bin", filler),
        ])
        #expect(throws: WorkbookError.tooLarge(limit: 500_000)) {
            _ = try Workbook(path: path, limits: WorkbookLimits(maxUncompressedBytes: 500_000))
        }
        #expect(throws: WorkbookError.tooManyEntries(limit: 3)) { _ = try Workbook(path: path, limits: WorkbookLimits(maxEntries: 3)) }
        #expect(try Workbook(path: path).sheets.count == 1)
    }

    @Test func aDTDIsRefused() throws {
        let billion = Data("""
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\
            <workbook><sheets><sheet name="&lol2;" r:id="rId1"/></sheets></workbook>
            """.utf8)
        let path = try Self.archive("dtd.xlsx", parts: [("xl/workbook.xml", billion)])
        #expect(throws: WorkbookError.doctypeRefused(part: "xl/workbook.xml")) { _ = try Workbook(path: path) }
    }

    @Test func notAWorkbook() throws {
        let text = Self.temporary("schools.xlsx")
        try Data("id,name\nS1,一中\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: WorkbookError.notAWorkbook(reason: "not a zip archive")) { _ = try Workbook(path: text) }
        let empty = try Self.archive("empty.xlsx", parts: [("readme.txt", Data("hi".utf8))])
        #expect(throws: WorkbookError.missingPart("xl/workbook.xml")) { _ = try Workbook(path: empty) }
        for text in ["<workbook><sheets>", "<workbook><sheets></workbook>"] {
            let broken = try Self.archive("broken.xlsx", parts: [("xl/workbook.xml", Data(text.utf8))])
            #expect { _ = try Workbook(path: broken) } throws: { error in
                guard case .malformedXML(let part, _, _)? = error as? WorkbookError else { return false }
                return part == "xl/workbook.xml"
            }
        }
    }

    @Test func legacyFormatsByTheirFirstBytesOrName() throws {
        let xls = Self.temporary("学校.xls")
        try Data(Workbook.compoundFileSignature).write(to: URL(fileURLWithPath: xls))
        #expect(throws: WorkbookError.legacyFormat(.xls)) { _ = try Workbook(path: xls) }
        let renamed = Self.temporary("学校.xlsx")
        try Data(Workbook.compoundFileSignature).write(to: URL(fileURLWithPath: renamed))
        #expect(throws: WorkbookError.legacyFormat(.encryptedOrLegacy)) { _ = try Workbook(path: renamed) }
        #expect(Workbook.legacyFormat(path: "/x/督学.et") == .et)
        #expect(Workbook.legacyFormat(path: "/x/督学.numbers") == .numbers)
        #expect(Workbook.legacyFormat(path: "/x/督学.ods") == .ods)
        #expect(WorkbookError.legacyFormat(.xls).description == "file is an Excel 97-2003 workbook (.xls): save it as .xlsx")
        #expect(Workbook.legacyFormat(path: "/x/督学.XLSB") == .xlsb)
    }

    /// An .xlsb renamed to .xlsx is a zip whose package relationships point at xl/workbook.bin: the user
    /// is told to save it as .xlsx, not that the workbook is damaged.
    @Test func binaryWorkbookRenamedToXLSXIsNamed() throws {
        let packageRelationships = Data("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.bin"/></Relationships>
            """.utf8)
        let path = try Self.archive("学校.xlsx", parts: [("_rels/.rels", packageRelationships), ("xl/workbook.bin", Data([0x83, 0x01, 0x00]))])
        #expect(throws: WorkbookError.legacyFormat(.xlsb)) { _ = try Workbook(path: path) }
        #expect(WorkbookError.legacyFormat(.xlsb).description.hasSuffix("save it as .xlsx"))
        // A workbook part that is not XML at all is damaged, never read as an empty workbook.
        let garbage = try Self.archive("坏.xlsx", parts: [("xl/workbook.xml", Data([0x83, 0x01, 0x00, 0x42]))])
        #expect { _ = try Workbook(path: garbage) } throws: { error in
            guard case .malformedXML(let part, _, _)? = error as? WorkbookError else { return false }
            return part == "xl/workbook.xml"
        }
    }

    /// Found by the filing fuzzer (Tests/DuxueFilingTests/FilingFuzzTests.swift): bytes flipped inside a
    /// stored part reached the XML parser, whose Linux build stops the process on a name that is not
    /// UTF-8. The part's checksum is now compared, and bytes that are not UTF-8 are refused before parsing.
    @Test func aDamagedPartIsRefusedByItsChecksum() throws {
        let sheet = Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>一中</t></is></c></row>")
        let path = Self.temporary("damaged.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (part, data) in [("xl/workbook.xml", Self.workbookXML), ("xl/_rels/workbook.xml.rels", Self.relationships),
                             ("xl/worksheets/sheet1.xml", sheet)] {
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        #expect(try Workbook(path: path).read(Workbook(path: path).sheets[0]).rows.count == 1)
        // 一 (E4 B8 80) becomes E4 B8 E8: the part is no longer UTF-8, and no longer its checksum.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let at = try #require(bytes.firstRange(of: Data("一中".utf8)))
        bytes[at.lowerBound + 2] = 0xE8
        try bytes.write(to: URL(fileURLWithPath: path))
        let book = try Workbook(path: path)
        #expect(throws: WorkbookError.corrupt(part: "xl/worksheets/sheet1.xml", reason: "its checksum does not match its content")) {
            _ = try book.read(book.sheets[0])
        }
    }

    @Test func namesThatAreNotUTF8AreMalformedXMLNotACrash() throws {
        var sheet = Data("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\n<row r=\"1\"><c".utf8)
        sheet.append(contentsOf: [0xE8, 0x00, 0x2E])
        sheet.append(Data(" r=\"A1\"><v>1</v></c></row></sheetData></worksheet>".utf8))
        let path = try Self.archive("bad-name.xlsx", parts: [
            ("xl/workbook.xml", Self.workbookXML), ("xl/_rels/workbook.xml.rels", Self.relationships), ("xl/worksheets/sheet1.xml", sheet),
        ])
        let book = try Workbook(path: path)
        #expect(throws: WorkbookError.malformedXML(part: "xl/worksheets/sheet1.xml", line: 2, reason: "bytes that are not UTF-8")) {
            _ = try book.read(book.sheets[0])
        }
        // Every valid sequence passes, each invalid one is found on its line.
        #expect(XMLEvents.firstLineNotUTF8(Data("一\n二 ü 😀 \u{10FFFF}".utf8)) == nil)
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xFF]] {
            #expect(XMLEvents.firstLineNotUTF8(Data("a\nb\n".utf8) + Data(invalid)) == 3, "\(invalid)")
        }
        // A part that says it is in another encoding is left to libxml2.
        #expect(XMLEvents.firstLineNotUTF8(Data("<?xml version=\"1.0\" encoding=\"GB2312\"?><a>".utf8) + Data([0xD2, 0xBB])) == nil)
    }
}
