#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Whether an output path names one of a run's inputs: the one check behind every output Duxue writes.
public enum InputPaths {
    /// Whether `path` names one of `inputs`: the same path once made absolute, standardised and freed of
    /// symbolic links (`d/../d/schools.csv`, a link), or the same file (device and inode: a hard link)
    /// when both exist.
    public static func names(_ path: String, oneOf inputs: [String]) -> Bool {
        // Absolute first: Foundation standardises a relative "d/../d/x" to "/d/x" on Linux.
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: here).absoluteURL.standardized.resolvingSymlinksInPath().path
        }
        func identity(_ path: String) -> [UInt64]? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return [UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino)]
        }
        let target = canonical(path)
        let targetIdentity = identity(path)
        return inputs.contains { input in
            canonical(input) == target || (targetIdentity != nil && identity(input) == targetIdentity)
        }
    }
}
