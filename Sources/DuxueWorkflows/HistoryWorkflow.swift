import DuxueDomain
import DuxueInput
import DuxueRecord
import DuxueReport

/// `history`: the district's roster of record, by inspector and by school.
public struct HistoryRequest: Sendable {
    /// The district.
    public var district: DistrictSource
    /// Only this inspector (and no school), if given.
    public var inspector: String?
    /// Only this school (and no inspector), if given.
    public var school: String?

    /// A request.
    public init(district: DistrictSource, inspector: String? = nil, school: String? = nil) {
        self.district = district
        self.inspector = inspector
        self.school = school
    }
}

/// What `history` found.
public struct HistoryOutcome: Sendable {
    /// Warnings of the district's files (read for names and the opening balance of term counts).
    public var warnings: [InputProblem]
    /// The report.
    public var report: HistoryReport
}

/// Why a history cannot be shown.
public enum HistoryError: Error, Sendable, Hashable {
    /// The district has no roster of record at this path.
    case noRecord(path: String)
    /// The inspector or school asked for is not in the record.
    case notRecorded(id: String)
}

extension Workflows {
    /// Reads the record (and, for names and opening balances, the district's files when they can be read).
    public static func history(_ request: HistoryRequest) throws -> HistoryOutcome {
        // The district's files give the opening balance of the term counts and carry the record; without
        // them (unreadable) the record alone is read and shown.
        let loaded = try? request.district.load()
        guard let history = try loaded?.record ?? request.district.recordHistory() else {
            throw HistoryError.noRecord(path: request.district.recordPath)
        }
        let years = loaded?.policy.termYears ?? 3
        let name = loaded?.district.name ?? FileSystemName.stem(request.district.path)
        let rosters = history.rosters.map { r in
            HistoryReport.RosterLine(
                termStart: r.term.start.description, effectiveOn: r.effectiveOn.description, version: r.version,
                status: r.status.rawValue, docNo: r.docNo, sourceFile: r.sourceFile, recordedAt: r.recordedAt,
                replaced: !r.isCurrent, lines: r.assignments.count, findings: r.findings.count)
        }
        let current = history.current
        var people: [Inspector.ID] = []
        var seenPeople: Set<Inspector.ID> = []
        var schools: [School.ID] = []
        var seenSchools: Set<School.ID> = []
        for roster in current {
            for line in roster.assignments {
                if seenSchools.insert(line.school).inserted { schools.append(line.school) }
                if let id = line.inspector, seenPeople.insert(id).inserted { people.append(id) }
            }
        }
        if let wanted = request.inspector {
            people = people.filter { $0.rawValue == wanted }
            schools = []
            if people.isEmpty { throw HistoryError.notRecorded(id: wanted) }
        } else if let wanted = request.school {
            schools = schools.filter { $0.rawValue == wanted }
            people = []
            if schools.isEmpty { throw HistoryError.notRecorded(id: wanted) }
        }
        let pool = loaded?.district.inspectorsByID ?? [:]
        let nextStart = history.latest.map { $0.term.end }
        let inspectorLines = people.sorted().map { id -> HistoryReport.InspectorLine in
            var count = 0
            if let nextStart, let derived = history.consecutivePartTimeTerms(of: id, before: nextStart, years: years, written: nil) {
                count = derived.count
                if derived.streak.count == derived.replayed.count, let loaded {
                    count += history.openingBalance(of: id, before: loaded.policy.termStart, years: years,
                                                    written: loaded.writtenTerms[id])
                }
            }
            let terms = history.appointments.filter { $0.inspector == id }.map { appointment in
                var held: [String] = []
                for roster in current where roster.term.start == appointment.term.start {
                    for line in roster.assignments where line.inspector == id && !held.contains(line.school.rawValue) {
                        held.append(line.school.rawValue)
                    }
                }
                return HistoryReport.InspectorTerm(
                    termStart: appointment.term.start.description, employment: appointment.employment.rawValue,
                    appointedOn: appointment.appointedOn.description, endedOn: appointment.endedOn?.description,
                    docNo: appointment.docNo, schools: held)
            }
            return HistoryReport.InspectorLine(
                id: id.rawValue, name: history.latestFacts(of: id)?.name ?? pool[id]?.name ?? "", consecutivePartTimeTerms: count,
                terms: terms)
        }
        let latest = history.latest
        let pairs = latest.map { history.pairTerms(of: $0, years: years) } ?? [:]
        let schoolLines = schools.sorted().map { id -> HistoryReport.SchoolLine in
            let terms = history.terms.compactMap { term -> HistoryReport.SchoolTerm? in
                guard let line = history.finalRoster(of: term)?.assignments.first(where: { $0.school == id }) else { return nil }
                return HistoryReport.SchoolTerm(termStart: term.start.description,
                                                holder: line.inspector?.rawValue ?? line.vacancy ?? "")
            }
            return HistoryReport.SchoolLine(
                id: id.rawValue, name: history.latestFacts(of: id)?.name ?? loaded?.district.schoolsByID[id]?.name ?? "",
                pairTerms: pairs[id], terms: terms)
        }
        return HistoryOutcome(warnings: loaded?.warnings ?? [],
                              report: HistoryReport(district: name, rosters: rosters, inspectors: inspectorLines, schools: schoolLines))
    }
}

/// A district's name from its path, when its files cannot be read.
enum FileSystemName {
    static func stem(_ path: String) -> String {
        var name = path
        while name.hasSuffix("/") { name.removeLast() }
        name = String(name.split(separator: "/").last ?? Substring(name))
        if name.lowercased().hasSuffix(".xlsx") { name = String(name.dropLast(5)) }
        return name
    }
}
