import DuxueDomain
import Foundation

/// `duxue history`: the district's roster of record as report data — each inspector's appointments and
/// schools by term, their consecutive part-time terms now, and each school's inspectors by term. It
/// never carries conflicts (回避): the record does not keep them.
public struct HistoryReport: Sendable, Codable, Hashable {
    /// A recorded roster (one version).
    public struct RosterLine: Sendable, Codable, Hashable {
        /// Start of its term.
        public var termStart: String
        /// The day it takes effect.
        public var effectiveOn: String
        /// Its version for that term and day.
        public var version: Int
        /// draft, filed or approved.
        public var status: String
        /// 聘任文号, if any.
        public var docNo: String?
        /// The file it was read from.
        public var sourceFile: String
        /// When it was recorded.
        public var recordedAt: String
        /// Whether a later version replaced it (it no longer counts).
        public var replaced: Bool
        /// Lines (schools) it lists.
        public var lines: Int
        /// Findings stored with it (errors, warnings).
        public var findings: Int

        /// A line.
        public init(termStart: String, effectiveOn: String, version: Int, status: String, docNo: String?, sourceFile: String,
                    recordedAt: String, replaced: Bool, lines: Int, findings: Int) {
            self.termStart = termStart
            self.effectiveOn = effectiveOn
            self.version = version
            self.status = status
            self.docNo = docNo
            self.sourceFile = sourceFile
            self.recordedAt = recordedAt
            self.replaced = replaced
            self.lines = lines
            self.findings = findings
        }
    }

    /// One term of an inspector.
    public struct InspectorTerm: Sendable, Codable, Hashable {
        /// Start of the term.
        public var termStart: String
        /// full_time or part_time.
        public var employment: String
        /// First day they held a school in the term.
        public var appointedOn: String
        /// The day a later roster of the term dropped them, if one did.
        public var endedOn: String?
        /// 聘任文号, if any.
        public var docNo: String?
        /// The schools they held in the term (any roster of it), in order.
        public var schools: [String]

        /// A term.
        public init(termStart: String, employment: String, appointedOn: String, endedOn: String?, docNo: String?, schools: [String]) {
            self.termStart = termStart
            self.employment = employment
            self.appointedOn = appointedOn
            self.endedOn = endedOn
            self.docNo = docNo
            self.schools = schools
        }
    }

    /// An inspector's history.
    public struct InspectorLine: Sendable, Codable, Hashable {
        /// 督学编号.
        public var id: String
        /// Name, as last recorded.
        public var name: String
        /// Consecutive part-time terms through the latest recorded term (the opening balance included).
        public var consecutivePartTimeTerms: Int
        /// Their terms, oldest first.
        public var terms: [InspectorTerm]

        /// A line.
        public init(id: String, name: String, consecutivePartTimeTerms: Int, terms: [InspectorTerm]) {
            self.id = id
            self.name = name
            self.consecutivePartTimeTerms = consecutivePartTimeTerms
            self.terms = terms
        }
    }

    /// A school's inspector in one term (its final roster).
    public struct SchoolTerm: Sendable, Codable, Hashable {
        /// Start of the term.
        public var termStart: String
        /// The inspector or vacancy holding it at the term's end.
        public var holder: String

        /// A term.
        public init(termStart: String, holder: String) {
            self.termStart = termStart
            self.holder = holder
        }
    }

    /// A school's history.
    public struct SchoolLine: Sendable, Codable, Hashable {
        /// 学校代码.
        public var id: String
        /// Name, as last recorded.
        public var name: String
        /// Consecutive terms its current inspector has held it (本校连续届数).
        public var pairTerms: Int?
        /// Its holders by term, oldest first.
        public var terms: [SchoolTerm]

        /// A line.
        public init(id: String, name: String, pairTerms: Int?, terms: [SchoolTerm]) {
            self.id = id
            self.name = name
            self.pairTerms = pairTerms
            self.terms = terms
        }
    }

    /// The JSON's schema tag.
    public var schema = "duxue.history/1"
    /// The district's name.
    public var district: String
    /// Every recorded roster, replaced versions included.
    public var rosters: [RosterLine]
    /// Inspectors (all, or the one asked for).
    public var inspectors: [InspectorLine]
    /// Schools (all, or the one asked for).
    public var schools: [SchoolLine]

    /// A report.
    public init(district: String, rosters: [RosterLine], inspectors: [InspectorLine], schools: [SchoolLine]) {
        self.district = district
        self.rosters = rosters
        self.inspectors = inspectors
        self.schools = schools
    }
}

/// Renders a ``HistoryReport`` as text, JSON or CSV (pure functions).
public enum HistoryRenderer {
    /// Plain text for the terminal.
    public static func text(_ report: HistoryReport, language: Language) -> String {
        let zh = language == .zh
        var out = zh ? "\(report.district) 任用记录\n" : "\(report.district): roster of record\n"
        out += zh ? "\n名册（\(report.rosters.count) 份）\n" : "\nRosters (\(report.rosters.count))\n"
        for r in report.rosters {
            let status = zh ? (RosterStatusWords.zh[r.status] ?? r.status) : r.status
            let replaced = r.replaced ? (zh ? "，已被替换" : ", replaced") : ""
            let doc = r.docNo.map { zh ? "，文号 \($0)" : ", doc \($0)" } ?? ""
            out += zh
                ? "  \(r.termStart) 届 · \(r.effectiveOn) 起 · 第 \(r.version) 版 · \(status)\(doc)\(replaced) · \(r.lines) 行 · \(r.findings) 条规则提示 · \(r.sourceFile)\n"
                : "  term \(r.termStart) · from \(r.effectiveOn) · v\(r.version) · \(status)\(doc)\(replaced) · \(r.lines) lines · \(r.findings) findings · \(r.sourceFile)\n"
        }
        if !report.inspectors.isEmpty {
            out += zh ? "\n督学\n" : "\nInspectors\n"
            for person in report.inspectors {
                out += zh ? "  \(person.id) \(person.name)：目前兼职连任 \(person.consecutivePartTimeTerms) 届\n"
                    : "  \(person.id) \(person.name): \(person.consecutivePartTimeTerms) consecutive part-time terms now\n"
                for term in person.terms {
                    let employment = zh ? (term.employment == "full_time" ? "专职" : "兼职") : term.employment.replacingOccurrences(of: "_", with: "-")
                    let ended = term.endedOn.map { zh ? "，\($0) 离任" : ", left \($0)" } ?? ""
                    out += zh ? "    \(term.termStart) 届 \(employment)，\(term.appointedOn) 起\(ended)：\(term.schools.joined(separator: "、"))\n"
                        : "    term \(term.termStart) \(employment), from \(term.appointedOn)\(ended): \(term.schools.joined(separator: ", "))\n"
                }
            }
        }
        if !report.schools.isEmpty {
            out += zh ? "\n学校\n" : "\nSchools\n"
            for school in report.schools {
                let pair = school.pairTerms.map { zh ? "，现任督学本校连续 \($0) 届" : ", current inspector \($0) consecutive terms here" } ?? ""
                let terms = school.terms.map { "\($0.termStart) \($0.holder)" }.joined(separator: zh ? "；" : "; ")
                out += "  \(school.id) \(school.name)\(pair)\(zh ? "：" : ": ")\(terms)\n"
            }
        }
        return out
    }

    /// JSON (schema `duxue.history/1`, docs/json.md), snake_case keys, sorted.
    public static func json(_ report: HistoryReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    /// CSV: one row per inspector and term.
    public static func csvRows(_ report: HistoryReport) -> (header: [String], rows: [[String]]) {
        let header = ["inspector_id", "name", "term_start", "employment", "appointed_on", "ended_on", "doc_no", "schools",
                      "consecutive_part_time_terms"]
        let rows = report.inspectors.flatMap { person in
            person.terms.map { term in
                [person.id, person.name, term.termStart, term.employment, term.appointedOn, term.endedOn ?? "", term.docNo ?? "",
                 term.schools.joined(separator: ";"), String(person.consecutivePartTimeTerms)]
            }
        }
        return (header, rows)
    }
}

/// The Chinese words of a roster's status.
enum RosterStatusWords {
    static let zh = ["draft": "草稿", "filed": "已报备", "approved": "已批准"]
}
