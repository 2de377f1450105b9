#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read.
public enum FileReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path is a folder, not a file.
    case isFolder(path: String)
    /// The system refused to read it (the reason is the system's message).
    case unreadable(path: String, reason: String)

    /// A lower-case message naming the path and the fix.
    public var description: String {
        switch self {
        case .notFound(let path): "\(path) not found: check the path and the file name"
        case .isFolder(let path): "\(path) is a folder, not a file: give the path of the file"
        case .unreadable(let path, let reason): "cannot read \(path) (\(reason)): check the file's permissions"
        }
    }
}

/// Minimal file-system helpers on the C library (no Foundation).
enum FileSystem {
    /// Whether anything exists at the path.
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether the path is a folder.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file.
    static func readBytes(_ path: String) throws(FileReadError) -> [UInt8] {
        guard exists(path) else { throw .notFound(path: path) }
        guard !isFolder(path) else { throw .isFolder(path: path) }
        guard let file = fopen(path, "rb") else { throw .unreadable(path: path, reason: lastErrorText()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 { throw .unreadable(path: path, reason: lastErrorText()) }
                break
            }
        }
        return bytes
    }

    /// The system's message for `errno`.
    static func lastErrorText() -> String { errorText(errno) }

    /// The system's message for an error number, lower-cased.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    /// Joins a folder and a file name.
    static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder part of a path ("." when there is none).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The last path component, ignoring trailing slashes; resolves "." and ".." through the file system.
    static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        var name = trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
        if name == "." || name == "..", let resolved = realpath(path, nil) {
            defer { free(resolved) }
            name = String(cString: resolved).split(separator: "/").last.map(String.init) ?? name
        }
        return name
    }
}
