import DuxueCompare
import DuxueDomain
import DuxuePlanner
import Foundation

/// Renders a comparison as JSON (schema `duxue.compare/1`, snake_case keys, sorted, pretty-printed).
public enum CompareJSON {
    /// The JSON text, ending with a newline.
    public static func render(_ report: CompareReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(Document(report))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema = "duxue.compare/1"
        var district: String
        var jobs: Int
        var seconds: Double?
        var scenarios: [Column]

        init(_ report: CompareReport) {
            district = report.comparison.district
            jobs = report.comparison.jobs
            seconds = report.showsTiming ? report.comparison.seconds : nil
            scenarios = report.comparison.columns.enumerated().map {
                Column($0.element, name: report.names[$0.offset], isBaseline: $0.offset == 0, showsTiming: report.showsTiming)
            }
        }
    }

    struct Column: Encodable {
        var name: String
        var baseline: Bool
        var file: String?
        var settings: [String: String]
        var edits: Edits
        var policy: PolicyValues
        var figures: RosterFigures
        var recruitsByZone: [ZoneRecruits]
        var changedSchools: Int
        var schoolsPerInspector: [Int]
        var seconds: Double?
        var status: String
        var gap: Double?

        init(_ column: ScenarioOutcome, name: String, isBaseline: Bool, showsTiming: Bool) {
            self.name = name
            baseline = isBaseline
            file = column.scenario.file
            settings = Dictionary(column.scenario.settings.map { ($0.key, $0.valueText) }, uniquingKeysWith: { _, last in last })
            edits = Edits(column.scenario.edits)
            policy = PolicyValues(column.policy)
            figures = column.figures
            recruitsByZone = column.recruitsByZone
            changedSchools = column.changedSchools
            schoolsPerInspector = column.schoolsPerInspector
            seconds = showsTiming ? column.seconds : nil
            switch column.status {
            case .optimal: status = "optimal"
            case .gap(let value):
                status = "time_limit"
                gap = value
            case .interrupted: status = "interrupted"
            }
        }
    }

    struct Edits: Encodable {
        var removeSchools: [String]
        var addSchools: [String]
        var enrollments: [String: Int]
        var removeInspectors: [String]
        var unavailable: [String]
        var addInspectors: [String]

        init(_ edits: DataEdits) {
            removeSchools = edits.removeSchools.map(\.rawValue)
            addSchools = edits.addSchools.map(\.id.rawValue)
            enrollments = Dictionary(edits.enrollments.map { ($0.school.rawValue, $0.enrollment) }, uniquingKeysWith: { _, last in last })
            removeInspectors = edits.removeInspectors.map(\.rawValue)
            unavailable = edits.unavailable.map(\.rawValue)
            addInspectors = edits.addInspectors.map(\.id.rawValue)
        }
    }

    struct PolicyValues: Encodable {
        var name: String
        var termStart: String
        var schoolsPerInspector: Int
        var largeSchoolEnrollment: Int
        var minFullTimeShare: Double
        var maxYearsRetired: Int?
        var largeSchoolRule: String
        var termYears: Int
        var maxConsecutiveTerms: Int
        var zones: String
        var staffing: String

        init(_ policy: Policy) {
            name = policy.name
            termStart = "\(policy.termStart)"
            schoolsPerInspector = policy.schoolsPerInspector
            largeSchoolEnrollment = policy.largeSchoolEnrollment
            minFullTimeShare = policy.minFullTimeShare
            maxYearsRetired = policy.maxYearsRetired
            largeSchoolRule = policy.largeSchoolRule.rawValue
            termYears = policy.termYears
            maxConsecutiveTerms = policy.maxConsecutiveTerms
            zones = policy.zones.rawValue
            staffing = policy.staffing.rawValue
        }
    }
}
