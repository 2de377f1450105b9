import DuxueDomain

extension RosterLoad {
    /// Matches the rows that give their school or inspector by name only (学校名称, 责任督学) to the
    /// district: a name that matches no one, or several (inspectors of the same name are told apart by the
    /// row's zone when it gives one), is an error naming the row and the candidates. Call it once the
    /// district is read, before anything else uses the roster; without name-only rows it does nothing.
    /// With `departures` (a previous roster being renewed), an inspector's name that matches no one in
    /// the pool is someone who has left it: the row keeps the name as the inspector's id (an id the pool
    /// does not have, as a departed inspector's written id would be), with a warning, instead of an error.
    public mutating func resolveNames(in district: District, departures: Bool = false) throws(InputError) {
        guard !pendingNames.isEmpty else { return }
        let problems = ProblemCollector(file: file, cap: DistrictReader.problemCap)
        problems.sheet = sheet
        let schools = NameIndex(district.schools.map { ($0.name, $0.id.rawValue, $0.zone.rawValue) })
        let inspectors = NameIndex(district.inspectors.map { ($0.name, $0.id.rawValue, $0.zone.rawValue) })
        // A departed inspector's name becomes the row's id only when no one in the pool has that id.
        let inspectorIDs = Set(district.inspectors.map(\.id.rawValue))
        for (index, names) in pendingNames.sorted(by: { $0.key < $1.key }) {
            let line = lines.indices.contains(index) ? lines[index] : nil
            if let name = names.school {
                switch schools.match(name, zone: "") {
                case .one(let id):
                    let school = School.ID(uncheckedRawValue: id)
                    if let terms = pairTerms.removeValue(forKey: roster.assignments[index].school) { pairTerms[school] = terms }
                    roster.assignments[index].school = school
                case .none(let nearest):
                    problems.add(.unknownName(key: "school_name", name: name, nearest: nearest), line: line, column: columns["school_name"])
                case .several(let candidates):
                    problems.add(.ambiguousName(key: "school_name", name: name, candidates: candidates), line: line,
                                 column: columns["school_name"])
                }
            }
            if let name = names.inspector {
                switch inspectors.match(name, zone: names.zone) {
                case .one(let id): roster.assignments[index].assignee = .inspector(Inspector.ID(uncheckedRawValue: id))
                case .none(let nearest) where departures && !inspectorIDs.contains(name.trimmedWhitespace):
                    roster.assignments[index].assignee = .inspector(Inspector.ID(uncheckedRawValue: name.trimmedWhitespace))
                    problems.add(.nameLeftPool(name: name, nearest: nearest), line: line, column: columns["inspector_name"],
                                 severity: .warning)
                case .none(let nearest):
                    problems.add(.unknownName(key: "inspector_name", name: name, nearest: nearest), line: line,
                                 column: columns["inspector_name"])
                case .several(let candidates):
                    problems.add(.ambiguousName(key: "inspector_name", name: name, candidates: candidates), line: line,
                                 column: columns["inspector_name"])
                }
            }
        }
        let found = problems.finished()
        if problems.hasErrors { throw .invalid(warnings + found) }
        warnings += found
        pendingNames = [:]
    }
}

/// Names of schools or inspectors, for matching what a roster writes: exactly, else as normalised words
/// (full-width letters and brackets, case, spaces).
struct NameIndex {
    /// What a name matches.
    enum Match: Equatable {
        case one(String)
        /// No one: the nearest names, if any are close.
        case none([String])
        /// Several: each one's id, name and zone.
        case several([String])
    }

    private let entries: [(name: String, id: String, zone: String)]
    private var exact: [String: [Int]] = [:]
    private var loose: [String: [Int]] = [:]

    init(_ entries: [(name: String, id: String, zone: String)]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            exact[entry.name.trimmedWhitespace, default: []].append(index)
            loose[Vocabulary.normalizedWord(entry.name), default: []].append(index)
        }
    }

    /// The entry named `name`; several are narrowed to those of `zone` when it is given.
    func match(_ name: String, zone: String) -> Match {
        var found = exact[name.trimmedWhitespace] ?? loose[Vocabulary.normalizedWord(name)] ?? []
        if found.count > 1, !zone.isEmpty {
            let inZone = found.filter { entries[$0].zone == zone }
            if !inZone.isEmpty { found = inZone }
        }
        switch found.count {
        case 0: return .none(nearest(name))
        case 1: return .one(entries[found[0]].id)
        default: return .several(found.map { "\(entries[$0].id) \(entries[$0].name) (\(entries[$0].zone))" })
        }
    }

    /// Up to three names within a typo's distance, closest first.
    private func nearest(_ name: String) -> [String] {
        let word = Vocabulary.normalizedWord(name)
        let limit = word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3
        var scored: [(distance: Int, name: String)] = []
        var seen: Set<String> = []
        for entry in entries where !seen.contains(entry.name) {
            let other = Vocabulary.normalizedWord(entry.name)
            guard abs(other.count - word.count) <= limit else { continue }
            let distance = Vocabulary.editDistance(word, other)
            if distance <= limit {
                scored.append((distance, entry.name))
                seen.insert(entry.name)
            }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
    }
}
