import DuxueDomain

/// The policy file of a district, whether it is a folder or a workbook.
public enum DistrictPolicy {
    /// The district's own policy file: `policy.toml` in a folder; beside a workbook, `<workbook>.policy.toml`
    /// (`county.xlsx` → `county.policy.toml`).
    public static func policyPath(district path: String) -> String {
        guard TableFiles.isWorkbook(path), !FileSystem.isFolder(path) else {
            return FileSystem.join(path, PolicyReader.folderPolicyFile)
        }
        return FileSystem.join(FileSystem.folder(of: path), TableFiles.stem(path) + "." + PolicyReader.folderPolicyFile)
    }
}

extension PolicyReader {
    /// The name a district's own policy gives it (`district_name`, e.g. 丰城县), trimmed; `nil` when the
    /// policy names none or cannot be read (callers then name the district by its folder).
    public static func districtName(of district: String) -> String? {
        guard let name = (try? load(district: district, option: nil, termStart: nil))?.districtName?
            .trimmingCharacters(in: .whitespaces), !name.isEmpty
        else { return nil }
        return name
    }

    /// The policy for a district folder or workbook. With `option` (a preset name or a policy file): its
    /// rules replace the district's, and the district's own facts (term start, name) from its policy file
    /// stay unless the option's file states them itself. Without it: the district's policy file
    /// (``DistrictPolicy/policyPath(district:)``) if present, else the base preset.
    public static func load(district: String, option: String?, termStart override: Day?,
                            today: Day = localToday()) throws(InputError) -> Policy {
        let path = DistrictPolicy.policyPath(district: district)
        let own = FileSystem.exists(path)
        if let option {
            let policy = try load(nameOrPath: option, termStart: override, today: today)
            guard own else { return policy }
            let facts = try load(file: path, name: path, termStart: override, today: today)
            return keepingFacts(of: facts, in: policy)
        }
        if own { return try load(file: path, name: path, termStart: override, today: today) }
        return try load(nameOrPath: basePreset, termStart: override, today: today)
    }
}
