/// The bytes being read, and the conversion of byte offsets to line and column.
///
/// Columns count characters (grapheme clusters) from the start of the line; a line's character
/// boundaries are computed once, when a position on it is first asked for.
struct SourceText {
    /// The UTF-8 bytes, without a leading byte order mark.
    let bytes: [UInt8]
    /// The offset of each line's first byte.
    private let lineStarts: [Int]
    /// The line (0-based) whose character starts are cached, or -1.
    private var cachedLine = -1
    /// Offsets of the characters that start on `cachedLine`.
    private var characterStarts: [Int] = []

    /// The text of `bytes`; a UTF-8 byte order mark at the start is dropped.
    init(_ bytes: [UInt8]) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            self.bytes = Array(bytes[3...])
        } else {
            self.bytes = bytes
        }
        var starts = [0]
        for (offset, byte) in self.bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8 (overlong forms,
    /// surrogates and values past U+10FFFF are ill-formed), or `nil`.
    func firstInvalidUTF8() -> Int? {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF: (length, scalar, minimum) = (2, UInt32(lead & 0x1F), 0x80)
            case 0xE0...0xEF: (length, scalar, minimum) = (3, UInt32(lead & 0x0F), 0x800)
            case 0xF0...0xF4: (length, scalar, minimum) = (4, UInt32(lead & 0x07), 0x10000)
            default: return i
            }
            guard i + length <= count else { return i }
            for k in 1..<length {
                let byte = bytes[i + k]
                guard byte & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
            i += length
        }
        return nil
    }

    /// The line (0-based) holding `offset`.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The end of line `line` (0-based): the offset of its line feed, or the end of the text.
    private func lineEnd(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
    }

    /// The position of the byte at `offset` (which may be the end of the text). The text up to the
    /// end of that line must be valid UTF-8.
    mutating func position(at offset: Int) -> TOMLPosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        if line != cachedLine {
            cachedLine = line
            characterStarts = []
            var start = lineStarts[line]
            for character in String(decoding: bytes[lineStarts[line]..<lineEnd(line)], as: UTF8.self) {
                characterStarts.append(start)
                start += character.utf8.count
            }
        }
        // Column: one more than the number of characters that start before `offset`.
        var low = 0, high = characterStarts.count
        while low < high {
            let middle = (low + high) / 2
            if characterStarts[middle] < clamped { low = middle + 1 } else { high = middle }
        }
        return TOMLPosition(line: line + 1, column: low + 1)
    }

    /// The position of `offset` when the line it is on may hold ill-formed UTF-8 after it: counts the
    /// characters of the line's prefix only.
    func positionBeforeInvalidUTF8(at offset: Int) -> TOMLPosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        let prefix = String(decoding: bytes[lineStarts[line]..<clamped], as: UTF8.self)
        return TOMLPosition(line: line + 1, column: prefix.count + 1)
    }

    /// The character (Unicode scalar) that starts at `offset`, for messages; empty at the end.
    func scalar(at offset: Int) -> String {
        guard offset >= 0, offset < bytes.count else { return "" }
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return String(decoding: bytes[offset..<min(offset + length, bytes.count)], as: UTF8.self)
    }

    /// The bytes in `range` as a string.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
