#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DuxueDomain
import DuxueInput
import DuxueSynth

/// Why the sample folder could not be written.
struct SampleFolderError: Error, CustomStringConvertible {
    /// A lower-case message naming the path and the fix.
    let description: String
}

/// Writes a generated district into a folder with DuxueInput's CSV writer, encoder and atomic files.
struct SampleFolder {
    /// The folder.
    let path: String
    /// Header and value language.
    let language: HeaderLanguage
    /// UTF-8 or GB18030.
    let encoding: TextEncoding
    /// Whether to write policy.toml too.
    let policyFile: Bool
    /// Whether existing files may be replaced.
    let overwrite: Bool

    /// Writes the files (none when any exists and `overwrite` is off) and returns their paths.
    func write(_ generated: GeneratedDistrict) throws -> [String] {
        let district = generated.district
        var documents: [(name: String, text: String)] = [
            (DistrictTables.schoolsFile, csv(DistrictTables.schools(district, language: language))),
            (DistrictTables.inspectorsFile, csv(DistrictTables.inspectors(district, language: language))),
        ]
        if let previous = generated.previous {
            documents.append((DistrictTables.previousRosterFile,
                              csv(DistrictTables.previousRoster(previous, district: district, language: language))))
        }
        if policyFile {
            documents.append(("policy.toml", """
                # 模拟数据：preset = "combined" 合用五份地方文件的规则，仅供演示；实际请改为本地区的预设。
                # Synthetic district: the combined preset (every rule of the five documents), for demonstration.
                preset = "combined"
                term_start = \(generated.policy.termStart)  # 任期开始日期

                """))
        }
        try makeFolder(path)
        let targets = documents.map { join(path, $0.name) }
        if !overwrite {
            let existing = targets.filter { access($0, F_OK) == 0 }
            guard existing.isEmpty else {
                throw SampleFolderError(description: "\(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""): use --force to overwrite, or choose another folder")
            }
        }
        for (document, target) in zip(documents, targets) {
            // policy.toml stays UTF-8, as TOML requires.
            let bytes = document.name.hasSuffix(".csv") ? try TextEncoding.encode(document.text, as: encoding) : Array(document.text.utf8)
            try AtomicFile.write(bytes, to: target, overwrite: overwrite)
        }
        return targets
    }

    private func csv(_ rows: [[String]]) -> String {
        var writer = CSVWriter()
        writer.write(rows: rows)
        return writer.text
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Creates the folder and any missing parents.
    private func makeFolder(_ folder: String) throws {
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            prefix += part
            if access(prefix, F_OK) != 0, mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw SampleFolderError(description: "cannot create folder \(prefix): check the path and its permissions")
            }
            prefix += "/"
        }
    }
}
