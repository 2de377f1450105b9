#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes CSV text: fields quoted when they hold a comma, quote, CR or LF, or start or end with white space;
/// records end in LF.
public struct CSVWriter: Sendable {
    /// The text written so far.
    public private(set) var text = ""

    /// An empty writer.
    public init() {}

    /// Appends one record.
    public mutating func write(_ fields: [String]) {
        text += Self.line(fields)
    }

    /// Appends several records.
    public mutating func write(rows: [[String]]) {
        for row in rows { write(row) }
    }

    /// One record with its LF line end.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// A whole document: the header, then the rows.
    public static func document(header: [String], rows: [[String]]) -> String {
        var writer = CSVWriter()
        writer.write(header)
        writer.write(rows: rows)
        return writer.text
    }

    /// The field as written: quoted (with inner quotes doubled) only when it must be.
    public static func quoted(_ field: String) -> String {
        let needsQuotes =
            field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.unicodeScalars.first.map(isSpace) == true
            || field.unicodeScalars.last.map(isSpace) == true
        guard needsQuotes else { return field }
        var result = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { result.unicodeScalars.append("\"") }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }
}

/// Why an atomic write failed.
public enum AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The target exists and overwriting was not asked for.
    case exists(path: String)
    /// The system refused (the step and the system's message are kept).
    case cannotWrite(path: String, reason: String)

    /// A lower-case message naming the path and the fix.
    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists: choose another name, or allow overwriting it"
        case .cannotWrite(let path, let reason):
            "cannot write \(path) (\(reason)): check that the folder exists and is writable"
        }
    }
}

/// Writes whole files atomically: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    /// Writes `bytes` to `path`. Without `overwrite`, an existing file is left alone and `.exists` is thrown.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(AtomicFileError) {
        if !overwrite, FileSystem.exists(path) { throw .exists(path: path) }
        let folder = FileSystem.folder(of: path)
        let name = FileSystem.lastComponent(of: path)
        var template = Array(FileSystem.join(folder, ".\(name).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: FileSystem.lastErrorText()) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            while written < buffer.count {
                let count = systemWrite(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return FileSystem.lastErrorText()
                }
                written += count
            }
            return nil
        }
        if let failure {
            close(descriptor)
            throw .cannotWrite(path: path, reason: failure)
        }
        fchmod(descriptor, 0o644 & ~currentUmask())
        let synced = fsync(descriptor) == 0
        let syncError = FileSystem.lastErrorText()
        let closed = close(descriptor) == 0
        if !synced || !closed {
            throw .cannotWrite(path: path, reason: synced ? FileSystem.lastErrorText() : syncError)
        }
        if overwrite {
            guard rename(temporary, path) == 0 else {
                throw .cannotWrite(path: path, reason: FileSystem.lastErrorText())
            }
        } else {
            // link() refuses to replace an existing file, so a file created meanwhile is not clobbered.
            if link(temporary, path) == 0 {
                unlink(temporary)
            } else if errno == EEXIST {
                throw .exists(path: path)
            } else if FileSystem.exists(path) {
                throw .exists(path: path)
            } else if rename(temporary, path) != 0 {
                // File systems without hard links: fall back to a checked rename.
                throw .cannotWrite(path: path, reason: FileSystem.lastErrorText())
            }
        }
        succeeded = true
    }

    /// Writes text as UTF-8 (optionally with a BOM, for Excel).
    public static func write(_ text: String, to path: String, overwrite: Bool, byteOrderMark: Bool = false)
        throws(AtomicFileError)
    {
        let bytes = byteOrderMark ? TextEncoding.utf8ByteOrderMark + Array(text.utf8) : Array(text.utf8)
        try write(bytes, to: path, overwrite: overwrite)
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
