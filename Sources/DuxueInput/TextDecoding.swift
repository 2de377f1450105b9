#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings district files come in, and that the writers can produce.
public enum TextEncoding: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// UTF-8 without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-8 with a byte-order mark (what Excel's "CSV UTF-8" writes).
    case utf8BOM = "utf-8 with bom"
    /// GB18030, a superset of GBK and GB2312 (what Excel on Chinese Windows writes as plain "CSV").
    case gb18030 = "gb18030"

    /// A name for messages: "UTF-8", "UTF-8 with BOM" or "GB18030 (GBK)".
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8 with BOM"
        case .gb18030: "GB18030 (GBK)"
        }
    }

    /// The UTF-8 byte-order mark.
    public static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Encodes a string; GB18030 covers all of Unicode, so only a missing converter fails.
    public static func encode(_ string: String, as encoding: TextEncoding) throws(TextDecodingError) -> [UInt8] {
        let utf8 = Array(string.utf8)
        switch encoding {
        case .utf8: return utf8
        case .utf8BOM: return utf8ByteOrderMark + utf8
        case .gb18030: return try Iconv.convert(utf8, from: "UTF-8", to: "GB18030")
        }
    }
}

/// Why bytes could not be read as text.
public enum TextDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// UTF-16 (by byte-order mark or by its pattern of NUL bytes).
    case utf16
    /// UTF-32 (by byte-order mark or by its pattern of NUL bytes).
    case utf32
    /// An Excel workbook or other zip archive, not CSV.
    case workbook
    /// Binary data: a NUL byte at the offset.
    case binary(offset: Int)
    /// Neither valid UTF-8 nor valid GB18030: the first bad byte and its offset.
    case undecodable(byte: UInt8, offset: Int)
    /// The system's iconv cannot convert between the named encodings.
    case converterUnavailable(from: String, to: String)
    /// Some lines are UTF-8 and others are not (typically rows pasted from a GBK file into a UTF-8 one):
    /// the first line of each kind.
    case mixed(utf8Line: Int, otherLine: Int)

    /// A lower-case message naming the problem and the fix.
    public var description: String {
        switch self {
        case .utf16: "file is UTF-16: save it as UTF-8 or GBK (CSV UTF-8 in Excel)"
        case .utf32: "file is UTF-32: save it as UTF-8 or GBK (CSV UTF-8 in Excel)"
        case .workbook: "file is an Excel workbook (.xlsx/.xls), not CSV: in Excel use Save As → CSV UTF-8"
        case .binary(let offset):
            "file is not text (NUL byte at offset \(offset)): save it as CSV (UTF-8 or GBK)"
        case .undecodable(let byte, let offset):
            "file is neither UTF-8 nor GBK/GB18030 (byte 0x\(hex(byte)) at offset \(offset)): "
                + "save it as UTF-8 (CSV UTF-8 in Excel)"
        case .converterUnavailable(let from, let to):
            "this system's iconv cannot convert \(from) to \(to): "
                + "install the glibc gconv modules, or save the file as UTF-8"
        case .mixed(let utf8Line, let otherLine):
            "file mixes encodings: line \(utf8Line) is UTF-8 but line \(otherLine) is not (GBK?): "
                + "open it in Excel, fix the garbled lines and save it once as CSV UTF-8"
        }
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// Text decoded from a file, with the encoding that was detected.
public struct DecodedText: Hashable, Sendable {
    /// The text, without a byte-order mark.
    public var text: String
    /// The encoding detected.
    public var encoding: TextEncoding

    /// Decoded text.
    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}

/// Decodes file bytes without being told the encoding: UTF-8 (with or without BOM), else GB18030/GBK.
public enum TextDecoding {
    /// Detects the encoding and decodes: a UTF-8 BOM → UTF-8 with BOM (stripped); valid UTF-8 → UTF-8;
    /// otherwise strict GB18030. UTF-16, UTF-32, workbooks and binary data are rejected.
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        let stream = try TextStream(LineBlocks(bytes: bytes))
        var utf8: [UInt8] = []
        while let block = stream.nextUTF8() { utf8 += block }
        return DecodedText(text: String(decoding: utf8, as: UTF8.self), encoding: stream.encoding)
    }

    /// For bytes that are not UTF-8 as a whole: `.mixed` when some line is UTF-8 with Chinese in it and
    /// another line is not UTF-8.
    static func mixedLines(_ bytes: [UInt8]) -> TextDecodingError? {
        var scan = MixedLineScan()
        scan.scan(bytes)
        return scan.result
    }

    /// Classifies a file with NUL bytes: UTF-32 or UTF-16 by the pattern of zeros, else binary.
    static func nulPattern(_ bytes: [UInt8], firstNUL: Int) -> TextDecodingError {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return .binary(offset: firstNUL) }
        var zerosByLane = [0, 0, 0, 0]
        for (i, byte) in sample.enumerated() where byte == 0 { zerosByLane[i % 4] += 1 }
        let quarter = sample.count / 4
        func mostlyZero(_ lane: Int) -> Bool { zerosByLane[lane] * 10 >= quarter * 9 }
        // UTF-32: the two high bytes of every code unit are zero for all of the BMP.
        if (mostlyZero(2) && mostlyZero(3)) || (mostlyZero(0) && mostlyZero(1)) { return .utf32 }
        // UTF-16: many zeros at one parity (ASCII text), few at the other.
        let even = zerosByLane[0] + zerosByLane[2], odd = zerosByLane[1] + zerosByLane[3]
        let half = sample.count / 2
        if max(even, odd) * 10 >= half * 4, min(even, odd) * 10 <= half { return .utf16 }
        return .binary(offset: firstNUL)
    }

    /// The error for invalid UTF-8 after a BOM: the first byte where strict decoding fails.
    static func firstInvalidUTF8(_ bytes: [UInt8], offsetBase: Int) -> TextDecodingError {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += String(scalar).utf8.count
            case .emptyInput: return .undecodable(byte: 0, offset: offsetBase + offset)
            case .error: return .undecodable(byte: bytes[min(offset, bytes.count - 1)], offset: offsetBase + offset)
            }
        }
    }
}

/// glibc iconv, strict (fails on the first invalid or incomplete sequence).
enum Iconv {
    /// Converts bytes between encodings named as iconv names them.
    static func convert(_ input: [UInt8], from: String, to: String) throws(TextDecodingError) -> [UInt8] {
        if input.isEmpty { return [] }
        guard let descriptor = iconv_open(to, from), Int(bitPattern: descriptor) != -1 else {
            throw .converterUnavailable(from: from, to: to)
        }
        defer { iconv_close(descriptor) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var failure: (code: Int32, offset: Int)?
        var produced = 0
        source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 { failure = (errno, inBuffer.count - inLeft) }
                produced = outBuffer.count - outLeft
            }
        }
        if let failure {
            let offset = min(failure.offset, input.count - 1)
            if failure.code == E2BIG { throw .converterUnavailable(from: from, to: to) }
            throw .undecodable(byte: input[offset], offset: failure.offset)
        }
        return Array(output[0..<produced])
    }
}
