import DuxueDomain
import DuxueMIP
import DuxuePlanner

/// The summary of a batch of plans (`duxue plan` over many districts), as data: one row per district.
/// Its JSON form is the `duxue.plan-batch/1` schema (docs/json.md).
public struct BatchPlanSummary: Codable, Sendable {
    /// Schema id, `duxue.plan-batch/1`.
    public var schema = "duxue.plan-batch/1"
    /// Language of the messages.
    public var language: Language
    /// Wall seconds of the whole batch.
    public var seconds: Double
    /// Districts planned at the same time.
    public var jobs: Int
    /// One row per district, in the order given.
    public var rows: [Row]

    /// One district of the batch.
    public struct Row: Codable, Sendable {
        /// The district's folder or workbook, as given.
        public var path: String
        /// The district's name (its policy's 区县名称, else the folder's), when it could be read.
        public var district: String?
        /// `optimal`, `time_limit`, `interrupted`, or `failed`.
        public var status: String
        /// Largest relative gap of any level.
        public var gap: Double?
        /// Schools.
        public var schools: Int?
        /// Large schools.
        public var largeSchools: Int?
        /// Minimum headcount the rules require.
        public var requiredHeadcount: Int?
        /// Appointees from the pool.
        public var appointed: Int?
        /// Recruits needed (full- and part-time).
        public var recruits: Int?
        /// Full-time share of the appointees.
        public var fullTimeShare: Double?
        /// Errors of the roster's own check (0 for a compliant roster).
        public var errors: Int?
        /// Seconds of this district's plan.
        public var seconds: Double?
        /// Why the district could not be planned (every input problem, or the solver's error).
        public var failure: String?
        /// The district's full `duxue.plan/1` report, when planned.
        public var report: PlanReport?

        /// The row of a planned district.
        public init(path: String, report: PlanReport) {
            self.path = path
            district = report.district
            status = report.status
            gap = report.gap
            schools = report.figures.schools
            largeSchools = report.figures.largeSchools
            requiredHeadcount = report.figures.requiredHeadcount
            appointed = report.figures.appointedFullTime + report.figures.appointedPartTime
            recruits = report.figures.recruits
            fullTimeShare = report.figures.fullTimeShare
            errors = report.rules.filter { $0.status == "violated" }.count
            seconds = report.seconds
            self.report = report
        }

        /// The row of a district that could not be planned.
        public init(path: String, failure: String) {
            self.path = path
            status = "failed"
            self.failure = failure
        }
    }

    /// A summary.
    public init(language: Language, seconds: Double, jobs: Int, rows: [Row]) {
        self.language = language
        self.seconds = seconds
        self.jobs = jobs
        self.rows = rows
    }

    /// Whether every district was planned.
    public var allPlanned: Bool { rows.allSatisfy { $0.failure == nil } }
}

/// Renders a batch summary as a table for the terminal.
public enum BatchPlanRenderer {
    /// The table: one line per district, then the failures with their problems, then the totals.
    public static func render(_ summary: BatchPlanSummary) -> String {
        let zh = summary.language == .zh
        let text = Text(summary.language)
        let header = zh
            ? ["区县", "状态", "学校", "大规模", "应配", "在库聘任", "需补充", "专职占比", "违规", "用时(秒)"]
            : ["district", "status", "schools", "large", "required", "appointed", "recruits", "full-time", "errors", "seconds"]
        let rows: [[String]] = summary.rows.map { row in
            let status = switch row.status {
            case "optimal": zh ? "最优" : "optimal"
            case "interrupted": zh ? "已中断" : "interrupted"
            case "failed": zh ? "无法编制" : "failed"
            default: zh ? "差距 \(text.percent(row.gap ?? 0))" : "gap \(text.percent(row.gap ?? 0))"
            }
            return [row.district ?? row.path, status, number(row.schools), number(row.largeSchools), number(row.requiredHeadcount),
                    number(row.appointed), number(row.recruits), row.fullTimeShare.map(text.percent) ?? "–", number(row.errors),
                    row.seconds.map { String(format: "%.2f", $0) } ?? "–"]
        }
        var out = CompareTable.aligned(header, rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for row in summary.rows {
            guard let failure = row.failure else { continue }
            out.append("")
            out.append((zh ? "无法编制 " : "Not planned: ") + row.path)
            out.append(contentsOf: failure.split(separator: "\n").map { "  " + $0 })
        }
        let planned = summary.rows.filter { $0.failure == nil }.count
        out.append("")
        out.append(zh
            ? "共 \(summary.rows.count) 个区县，编制 \(planned) 个，用时 \(String(format: "%.1f", summary.seconds)) 秒（同时 \(summary.jobs) 个）"
            : "\(summary.rows.count) districts, \(planned) planned, \(String(format: "%.1f", summary.seconds)) s (\(summary.jobs) at a time)")
        return out.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "–" }
}
