import DuxueDomain

/// What `duxue review` found in a folder of filings, as data: the city summary (one line per filing)
/// and each district's findings. The text, JSON, HTML and XLSX renderers read this; its JSON form is the
/// `duxue.review/1` schema (docs/review.md). No personal data beyond what a finding needs: figures
/// are counts, findings name people and schools by name and id.
public struct ReviewReport: Codable, Sendable {
    /// Schema id, `duxue.review/1`.
    public var schema = "duxue.review/1"
    /// Language of the messages.
    public var language: Language
    /// The folder reviewed, as given.
    public var folder: String
    /// The city's policy, when one was given (else each filing is checked under the policy it declares).
    public var policy: String?
    /// The city's list of schools (its file name), when one was given.
    public var schoolList: String?
    /// The date "within a year" counts from.
    public var asOf: String
    /// Every filing complies and nothing is missing.
    public var compliant: Bool
    /// One line per filing, in file-name order.
    public var filings: [FilingLine]
    /// Findings about the city as a whole (a district on the city's list that filed nothing).
    public var city: [Line]

    /// The rules and review checks counted, in the order they are shown.
    public static let kinds: [String] = RuleID.allCases.map(\.rawValue) + ReviewCheck.allCases.map(\.rawValue)

    /// A filing's verdict.
    public enum Verdict: String, Codable, Sendable {
        /// No errors.
        case compliant
        /// At least one error.
        case notCompliant = "not_compliant"
        /// The file cannot be read as a filing.
        case unreadable
    }

    /// One filing: its verdict, counts by rule, figures, and findings.
    public struct FilingLine: Codable, Sendable {
        /// The file's name.
        public var file: String
        /// The district the filing declares ("" when unreadable).
        public var district: String
        /// The verdict of the re-check.
        public var verdict: Verdict
        /// The verdict the filing's cover states (`compliant` / `not_compliant`), never trusted; absent
        /// when unreadable or not stated.
        public var declaredVerdict: Verdict?
        /// The policy the filing declares (its name), "" when unreadable.
        public var declaredPolicy: String
        /// The policy the re-check applied.
        public var policy: String
        /// The term, "2027-09-01 至 2030-08-31" ("" when unreadable).
        public var term: String
        /// Error findings.
        public var errors: Int
        /// Warning findings.
        public var warnings: Int
        /// Counts by rule or check, only those with a finding, in ``ReviewReport/kinds`` order.
        public var byRule: [RuleCount]
        /// The figures, when the filing could be read.
        public var figures: Figures?
        /// The findings, review checks first, then rule by rule.
        public var findings: [Line]

        /// A line.
        public init(file: String, district: String, verdict: Verdict, declaredVerdict: Verdict? = nil, declaredPolicy: String,
                    policy: String, term: String, findings: [Line], figures: Figures?) {
            self.file = file
            self.district = district
            self.verdict = verdict
            self.declaredVerdict = declaredVerdict
            self.declaredPolicy = declaredPolicy
            self.policy = policy
            self.term = term
            self.findings = findings
            self.figures = figures
            errors = findings.filter { $0.severity == .error }.count
            warnings = findings.count - errors
            byRule = ReviewReport.kinds.compactMap { kind in
                let found = findings.filter { $0.rule == kind }
                guard !found.isEmpty else { return nil }
                let errors = found.filter { $0.severity == .error }.count
                return RuleCount(rule: kind, errors: errors, warnings: found.count - errors)
            }
        }

        /// The count of a rule or check.
        public func count(_ kind: String) -> RuleCount? { byRule.first { $0.rule == kind } }
    }

    /// Errors and warnings of one rule or check.
    public struct RuleCount: Codable, Sendable, Equatable {
        /// R1…R17, or a review check (``ReviewCheck``).
        public var rule: String
        /// Error findings.
        public var errors: Int
        /// Warning findings.
        public var warnings: Int

        /// A count.
        public init(rule: String, errors: Int, warnings: Int) {
            self.rule = rule
            self.errors = errors
            self.warnings = warnings
        }
    }

    /// The district figures of the city summary.
    public struct Figures: Codable, Sendable, Equatable {
        /// Schools in the district.
        public var schools: Int
        /// Large schools.
        public var largeSchools: Int
        /// The minimum headcount under the policy applied.
        public var requiredHeadcount: Int
        /// Appointees (pool and posts to fill).
        public var appointees: Int
        /// Full-time appointees.
        public var fullTime: Int
        /// fullTime / appointees.
        public var fullTimeShare: Double
        /// Posts to fill by recruiting: the roster's vacancies (待补充), full- and part-time.
        public var recruits: Int
        /// Cross-zone assignments.
        public var crossings: Int
        /// The term's last day.
        public var termEnds: String
        /// Whether the term ends within a year of the review date (a new roster is due).
        public var termEndsWithinYear: Bool
        /// Part-time appointees in their last permitted term whose term ends within a year.
        public var lastTermsEnding: Int
        /// Appointees whose retirement window closes within a year of the review date.
        public var retirementsEnding: Int

        /// Figures.
        public init(schools: Int, largeSchools: Int, requiredHeadcount: Int, appointees: Int, fullTime: Int, fullTimeShare: Double,
                    recruits: Int, crossings: Int, termEnds: String, termEndsWithinYear: Bool, lastTermsEnding: Int,
                    retirementsEnding: Int) {
            self.schools = schools
            self.largeSchools = largeSchools
            self.requiredHeadcount = requiredHeadcount
            self.appointees = appointees
            self.fullTime = fullTime
            self.fullTimeShare = fullTimeShare
            self.recruits = recruits
            self.crossings = crossings
            self.termEnds = termEnds
            self.termEndsWithinYear = termEndsWithinYear
            self.lastTermsEnding = lastTermsEnding
            self.retirementsEnding = retirementsEnding
        }
    }

    /// A school or an inspector a finding names.
    public struct Subject: Codable, Sendable, Equatable {
        /// The id (学校代码, 督学编号, VACANCY-n).
        public var id: String
        /// The name ("" when unknown).
        public var name: String

        /// A subject.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// One finding.
    public struct Line: Codable, Sendable, Equatable {
        /// R1…R17, or a review check (``ReviewCheck``).
        public var rule: String
        /// Error or warning.
        public var severity: Severity
        /// Where: a cell (`'挂牌督导学校一览'!G12`), a sheet, a line of the city's list, or "".
        public var place: String
        /// Schools concerned.
        public var schools: [Subject]
        /// Inspectors concerned.
        public var inspectors: [Subject]
        /// What is wrong.
        public var message: String
        /// What would fix it.
        public var fix: String

        /// A finding.
        public init(rule: String, severity: Severity, place: String = "", schools: [Subject] = [], inspectors: [Subject] = [],
                    message: String, fix: String) {
            self.rule = rule
            self.severity = severity
            self.place = place
            self.schools = schools
            self.inspectors = inspectors
            self.message = message
            self.fix = fix
        }
    }

    /// A report; `compliant` follows from the lines.
    public init(language: Language, folder: String, policy: String?, schoolList: String?, asOf: Day, filings: [FilingLine],
                city: [Line]) {
        self.language = language
        self.folder = folder
        self.policy = policy
        self.schoolList = schoolList
        self.asOf = asOf.description
        self.filings = filings
        self.city = city
        compliant = filings.allSatisfy { $0.verdict == .compliant } && !city.contains { $0.severity == .error }
    }

    /// 0 every filing complies, 1 one does not (or the city's list finds a district missing), 2 a file
    /// cannot be read (the others are reviewed all the same) or the folder holds none.
    public var exitCode: Int32 {
        if filings.contains(where: { $0.verdict == .unreadable }) || city.contains(where: { $0.rule == ReviewCheck.unreadable.rawValue }) {
            return 2
        }
        return compliant ? 0 : 1
    }

    /// How many filings have a verdict.
    public func count(_ verdict: Verdict) -> Int { filings.filter { $0.verdict == verdict }.count }
}

/// The review's own checks, beside the rules R1–R17.
public enum ReviewCheck: String, CaseIterable, Codable, Sendable {
    /// A visible sheet (名册, 公示) disagrees with the internal sheets: edited after Duxue wrote it.
    case edited = "EDIT"
    /// An internal sheet's digest does not match its data.
    case digest = "DIGEST"
    /// The city's list of schools: a school missing from the filing, or one the city does not know.
    case cityList = "CITY"
    /// The file cannot be read as a filing.
    case unreadable = "READ"
    /// A warning of the filing's data (a hidden row, an unknown column).
    case input = "INPUT"

    /// The name shown in reports.
    public func title(_ language: Language) -> String {
        switch self {
        case .edited: language == .zh ? "手工改动" : "hand edit"
        case .digest: language == .zh ? "校验码不符" : "digest mismatch"
        case .cityList: language == .zh ? "学校名单不符" : "city's school list"
        case .unreadable: language == .zh ? "无法读取" : "unreadable"
        case .input: language == .zh ? "数据提示" : "data warnings"
        }
    }
}

extension ReviewReport {
    /// The short label of a rule or check: "R7", or the check's name.
    public static func label(_ kind: String, _ language: Language) -> String {
        ReviewCheck(rawValue: kind)?.title(language) ?? kind
    }

    /// The verdict in words.
    public static func verdictText(_ verdict: Verdict, _ language: Language) -> String {
        switch verdict {
        case .compliant: language == .zh ? "合规" : "compliant"
        case .notCompliant: language == .zh ? "不合规" : "not compliant"
        case .unreadable: language == .zh ? "无法读取" : "unreadable"
        }
    }
}
