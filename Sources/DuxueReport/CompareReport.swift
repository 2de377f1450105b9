import DuxueCompare
import DuxueDomain
import DuxuePlanner

/// A row of the comparison table.
public enum CompareMetric: Sendable, Hashable {
    /// Policy: large-school threshold.
    case largeSchoolEnrollment
    /// Policy: minimum full-time share.
    case minFullTimeShare
    /// Policy: zone mode.
    case zones
    /// Policy: staffing mode.
    case staffing
    /// The scenario's data edits, summarised.
    case dataEdits
    /// Schools.
    case schools
    /// Large schools.
    case largeSchools
    /// Required headcount.
    case requiredHeadcount
    /// Appointees, with full- and part-time.
    case appointees
    /// Full-time share.
    case fullTimeShare
    /// Recruits, with full- and part-time.
    case recruits
    /// Recruits in one zone (full / part).
    case recruitsInZone(Zone)
    /// Cross-zone assignments.
    case crossings
    /// Schools whose inspector differs from the baseline.
    case changedSchools
    /// Total distance.
    case totalKilometres
    /// Wall seconds.
    case seconds
    /// Optimality.
    case status

    /// The machine key (CSV's first column).
    public var key: String {
        switch self {
        case .largeSchoolEnrollment: "large_school_enrollment"
        case .minFullTimeShare: "min_full_time_share"
        case .zones: "zones"
        case .staffing: "staffing"
        case .dataEdits: "data_edits"
        case .schools: "schools"
        case .largeSchools: "large_schools"
        case .requiredHeadcount: "required_headcount"
        case .appointees: "appointees"
        case .fullTimeShare: "full_time_share"
        case .recruits: "recruits"
        case .recruitsInZone(let zone): "recruits:\(zone)"
        case .crossings: "crossings"
        case .changedSchools: "changed_schools"
        case .totalKilometres: "total_km"
        case .seconds: "seconds"
        case .status: "status"
        }
    }
}

/// The comparison as a table of words: one column per scenario (baseline first), one row per metric.
/// Every renderer (terminal, CSV, HTML) draws from it, so they show the same numbers.
public struct CompareReport: Sendable {
    /// One row.
    public struct Row: Sendable {
        /// Which metric.
        public var metric: CompareMetric
        /// Its label in the report's language.
        public var label: String
        /// One cell per column.
        public var cells: [String]
    }

    /// The language.
    public let language: Language
    /// The comparison.
    public let comparison: Comparison
    /// Column headings (the baseline's in the report's language).
    public let names: [String]
    /// The rows.
    public let rows: [Row]
    /// Whether solve times are shown (leave them out for output that is identical run after run).
    public let showsTiming: Bool

    /// Builds the table.
    public init(comparison: Comparison, language: Language, showsTiming: Bool = true) {
        self.language = language
        self.comparison = comparison
        self.showsTiming = showsTiming
        let text = Text(language)
        names = comparison.columns.enumerated().map { $0.offset == 0 ? text.baselineName : text.scenarioName($0.element.scenario) }
        var metrics: [CompareMetric] = [
            .largeSchoolEnrollment, .minFullTimeShare, .zones, .staffing,
        ]
        if comparison.columns.contains(where: { !$0.scenario.edits.isEmpty }) { metrics.append(.dataEdits) }
        metrics += [.schools, .largeSchools, .requiredHeadcount, .appointees, .fullTimeShare, .recruits]
        metrics += comparison.recruitZones.map { .recruitsInZone($0) }
        metrics += [.crossings, .changedSchools]
        if comparison.columns.contains(where: { $0.figures.totalKilometres != nil }) { metrics.append(.totalKilometres) }
        if showsTiming { metrics.append(.seconds) }
        metrics.append(.status)
        rows = metrics.map { metric in
            Row(metric: metric, label: text.compareLabel(metric),
                cells: comparison.columns.enumerated().map { Self.cell(metric, $0.element, isBaseline: $0.offset == 0, text) })
        }
    }

    private static func cell(_ metric: CompareMetric, _ column: ScenarioOutcome, isBaseline: Bool, _ text: Text) -> String {
        let f = column.figures, p = column.policy
        switch metric {
        case .largeSchoolEnrollment: return "\(p.largeSchoolEnrollment)"
        case .minFullTimeShare: return text.percent(p.minFullTimeShare)
        case .zones: return text.zoneMode(p.zones)
        case .staffing: return text.staffingMode(p.staffing)
        case .dataEdits: return text.edits(column.scenario.edits)
        case .schools: return "\(f.schools)"
        case .largeSchools: return "\(f.largeSchools)"
        case .requiredHeadcount: return "\(f.requiredHeadcount)"
        case .appointees: return "\(f.appointees) (\(f.fullTime) / \(f.appointees - f.fullTime))"
        case .fullTimeShare: return text.percent(f.fullTimeShare)
        case .recruits: return "\(f.recruits) (\(f.recruitsFullTime) / \(f.recruitsPartTime))"
        case .recruitsInZone(let zone):
            guard let line = column.recruitsByZone.first(where: { $0.zone == zone }) else { return "–" }
            return "\(line.fullTime) / \(line.partTime)"
        case .crossings: return "\(f.crossings)"
        case .changedSchools: return isBaseline ? "–" : "\(column.changedSchools)"
        case .totalKilometres: return f.totalKilometres.map { String(format1: $0) } ?? "–"
        case .seconds: return String(format1: column.seconds)
        case .status: return text.outcomeStatus(column.status)
        }
    }
}
