import Foundation
import ZIPFoundation

/// The parts (zip entries) of an Office Open XML package, inflated on demand within ``WorkbookLimits``.
///
/// The central directory is read once: too many entries, a declared total past the limit, or an entry
/// that compresses better than `maxCompressionRatio` refuse the file before anything is inflated. Every
/// inflation is then counted against the remaining budget, so an entry whose header lies about its size
/// is stopped as soon as it passes what it declared.
final class PackageParts {
    private let archive: Archive
    private let limits: WorkbookLimits
    private var entries: [String: Entry] = [:]
    private var lowercased: [String: String] = [:]
    private var inflated: UInt64 = 0

    /// Opens the archive and checks its directory.
    init(path: String, limits: WorkbookLimits) throws(WorkbookError) {
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAWorkbook(reason: "not a zip archive")
        }
        var declared: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else { throw .tooManyEntries(limit: limits.maxEntries) }
            guard entry.type == .file else { continue }
            let size = entry.uncompressedSize
            declared += size
            guard declared <= limits.maxUncompressedBytes else { throw .tooLarge(limit: limits.maxUncompressedBytes) }
            if size > limits.ratioGraceBytes, size / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
                throw .compressionRatio(part: entry.path, limit: limits.maxCompressionRatio)
            }
            let path = Self.normalized(entry.path)
            entries[path] = entry
            lowercased[path.lowercased()] = path
        }
        guard count > 0 else { throw .notAWorkbook(reason: "an empty zip archive") }
    }

    /// A part's path as stored: no leading slash.
    static func normalized(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        return String(trimmed)
    }

    /// Whether the package has the part (names compared case-insensitively, as Office does).
    func has(_ path: String) -> Bool { entry(path) != nil }

    private func entry(_ path: String) -> Entry? {
        let key = Self.normalized(path)
        if let entry = entries[key] { return entry }
        return lowercased[key.lowercased()].flatMap { entries[$0] }
    }

    /// The part's bytes, or `nil` when the package has no such part.
    func data(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = entry(path) else { return nil }
        let declared = entry.uncompressedSize
        let budget = limits.maxUncompressedBytes
        var data = Data()
        data.reserveCapacity(Int(min(declared, 64 << 20)))
        var overrun: WorkbookError?
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                let total = UInt64(data.count + chunk.count)
                if total > declared {
                    overrun = .sizeMismatch(part: entry.path)
                } else if self.inflated + total > budget {
                    overrun = .tooLarge(limit: budget)
                }
                if overrun != nil { throw CancellationError() }
                data.append(chunk)
            }
        } catch {
            if let overrun { throw overrun }
            throw .corrupt(part: entry.path, reason: "\(error)")
        }
        // ZIPFoundation computes the checksum but leaves comparing it to the caller: bytes damaged in
        // the zip would otherwise reach the XML parser (whose Linux build stops the process on names
        // that are not UTF-8). An entry whose recorded checksum is 0 (a data descriptor not read) is
        // not compared.
        if entry.checksum != 0 && checksum != entry.checksum {
            throw .corrupt(part: entry.path, reason: "its checksum does not match its content")
        }
        inflated += UInt64(data.count)
        return data
    }
}
