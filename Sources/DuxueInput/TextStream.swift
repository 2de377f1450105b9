#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of a file (or of memory) in blocks of about `blockSize` that end at a line feed (or, without
/// any, a carriage return), so that no UTF-8 or GB18030 character is split (0x0A and 0x0D are never part
/// of a multi-byte character in either).
final class LineBlocks {
    /// How many bytes are read at a time (a block is longer when a line is).
    static let blockSize = 1 << 20

    private let file: UnsafeMutablePointer<FILE>?
    private let memory: [UInt8]
    private var memoryOffset = 0
    private var carry: [UInt8] = []
    private var nextStart = 0
    private var atEnd = false
    /// The first bytes of the input (up to 4096), for signatures and NUL patterns.
    private(set) var prefix: [UInt8] = []
    /// The system's message if reading failed part way.
    private(set) var readError: String?

    /// Blocks of a file; throws when it cannot be opened.
    init(path: String) throws(FileReadError) {
        guard FileSystem.exists(path) else { throw .notFound(path: path) }
        guard !FileSystem.isFolder(path) else { throw .isFolder(path: path) }
        guard let file = fopen(path, "rb") else { throw .unreadable(path: path, reason: FileSystem.lastErrorText()) }
        self.file = file
        memory = []
        carry = readRaw()
        prefix = Array(carry.prefix(4096))
    }

    /// Blocks of bytes in memory.
    init(bytes: [UInt8]) {
        file = nil
        memory = bytes
        prefix = Array(bytes.prefix(4096))
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Starts again from the first byte.
    func rewind() {
        if let file { fseek(file, 0, SEEK_SET) }
        carry = []
        memoryOffset = 0
        nextStart = 0
        atEnd = false
    }

    /// The next raw chunk, empty at the end.
    private func readRaw() -> [UInt8] {
        if let file {
            var chunk = [UInt8](repeating: 0, count: Self.blockSize)
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count < chunk.count, ferror(file) != 0 { readError = FileSystem.lastErrorText() }
            chunk.removeLast(chunk.count - count)
            return chunk
        }
        let end = min(memoryOffset + Self.blockSize, memory.count)
        defer { memoryOffset = end }
        return Array(memory[memoryOffset..<end])
    }

    /// The next block and the offset of its first byte in the input, or `nil` at the end.
    func next() -> (bytes: [UInt8], start: Int)? {
        while !atEnd {
            let raw = readRaw()
            if raw.isEmpty {
                atEnd = true
                break
            }
            carry.append(contentsOf: raw)
            // At a line feed; in a file of CR-only line ends (old Mac Excel), at a carriage return.
            if let lastEnd = carry.lastIndex(of: 0x0A) ?? carry.lastIndex(of: 0x0D) { return take(lastEnd + 1) }
        }
        guard !carry.isEmpty else { return nil }
        return take(carry.count)
    }

    private func take(_ count: Int) -> (bytes: [UInt8], start: Int) {
        let block = Array(carry[0..<count])
        carry.removeFirst(count)
        let start = nextStart
        nextStart += count
        return (block, start)
    }
}

/// Text whose encoding was detected over the whole input (first pass, constant memory), then read again
/// as UTF-8 blocks (second pass): a UTF-8 file passes through, a GB18030 file is converted block by block.
final class TextStream {
    /// The encoding detected.
    let encoding: TextEncoding
    private let blocks: LineBlocks
    private var first = true

    /// Detects the encoding, or throws why the bytes are not text Duxue reads.
    init(_ blocks: LineBlocks) throws(TextDecodingError) {
        self.blocks = blocks
        let prefix = blocks.prefix
        if prefix.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || prefix.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .utf32
        }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { throw .utf16 }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .workbook
        }
        // Pass 1a: NUL bytes anywhere, and whether the whole input is UTF-8.
        var firstInvalid: (bytes: [UInt8], start: Int)?
        while let block = blocks.next() {
            if let nul = block.bytes.firstIndex(of: 0) {
                throw TextDecoding.nulPattern(prefix, firstNUL: block.start + nul)
            }
            if firstInvalid == nil, String(validating: block.bytes, as: UTF8.self) == nil { firstInvalid = block }
        }
        let hasBOM = prefix.starts(with: TextEncoding.utf8ByteOrderMark)
        guard let firstInvalid else {
            encoding = hasBOM ? .utf8BOM : .utf8
            blocks.rewind()
            return
        }
        // Pass 1b: not UTF-8. Mixed lines, or (without a BOM) strict GB18030 throughout.
        blocks.rewind()
        var scan = MixedLineScan()
        while let block = blocks.next(), !scan.done { scan.scan(block.bytes) }
        if let mixed = scan.result { throw mixed }
        if hasBOM { throw TextDecoding.firstInvalidUTF8(firstInvalid.bytes, offsetBase: firstInvalid.start) }
        blocks.rewind()
        while let block = blocks.next() {
            do {
                _ = try Iconv.convert(block.bytes, from: "GB18030", to: "UTF-8")
            } catch {
                if case .undecodable(let byte, let offset) = error {
                    throw .undecodable(byte: byte, offset: block.start + offset)
                }
                throw error
            }
        }
        encoding = .gb18030
        blocks.rewind()
    }

    /// The next block as UTF-8 (byte-order mark removed), or `nil` at the end.
    func nextUTF8() -> [UInt8]? {
        guard let block = blocks.next() else { return nil }
        var bytes = block.bytes
        if encoding == .gb18030 {
            // Checked in the first pass; a file changed since then reads as far as it still converts.
            guard let converted = try? Iconv.convert(bytes, from: "GB18030", to: "UTF-8") else { return nil }
            bytes = converted
        }
        if first {
            first = false
            if bytes.starts(with: TextEncoding.utf8ByteOrderMark) { bytes.removeFirst(3) }
        }
        return bytes
    }

    /// The system's message if the file could not be read to its end.
    var readError: String? { blocks.readError }
}

/// Finds the first line that is UTF-8 with Chinese in it (two or more CJK characters, which GBK bytes
/// almost never form by chance) and the first line that is not UTF-8, over line-aligned blocks.
struct MixedLineScan {
    private var line = 1
    private var firstUTF8: Int?
    private var firstOther: Int?

    /// Both kinds found.
    var done: Bool { firstUTF8 != nil && firstOther != nil }

    /// `.mixed` when both kinds were found.
    var result: TextDecodingError? {
        guard let firstUTF8, let firstOther else { return nil }
        return .mixed(utf8Line: firstUTF8, otherLine: firstOther)
    }

    /// Scans a block that ends at a line feed (or the end of the input).
    mutating func scan(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count, !done {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if let text = String(validating: bytes[start..<end], as: UTF8.self) {
                let cjk = text.unicodeScalars.lazy.filter { (0x3400...0x9FFF).contains($0.value) }.prefix(2).count
                if cjk >= 2, firstUTF8 == nil { firstUTF8 = line }
            } else if firstOther == nil {
                firstOther = line
            }
            line += 1
            start = end + 1
        }
    }
}
