import DuxueCompare
import DuxueDomain

/// Zh/en phrases of the comparison report (`duxue compare`).
extension Text {
    /// The baseline column's heading.
    public var baselineName: String { pick("现状", "baseline") }

    /// A comparison metric's row label.
    public func compareLabel(_ metric: CompareMetric) -> String {
        switch metric {
        case .largeSchoolEnrollment: pick("大规模学校门槛（人）", "large-school threshold (students)")
        case .minFullTimeShare: pick("专职占比下限", "minimum full-time share")
        case .zones: pick("责任区", "zones")
        case .staffing: pick("配置方式", "staffing")
        case .dataEdits: pick("数据调整", "data edits")
        case .schools: pick("学校数", "schools")
        case .largeSchools: pick("大规模学校", "large schools")
        case .requiredHeadcount: pick("应配督学人数", "required headcount")
        case .appointees: pick("聘任人数（专职/兼职）", "appointees (full-time / part-time)")
        case .fullTimeShare: pick("专职占比", "full-time share")
        case .recruits: pick("需补充（专职/兼职）", "recruits needed (full-time / part-time)")
        case .recruitsInZone(let zone): pick("  其中 \(zone)", "  in \(zone)")
        case .crossings: pick("跨责任区分配", "cross-zone assignments")
        case .changedSchools: pick("督学与现状不同的学校", "schools with a different inspector than baseline")
        case .totalKilometres: pick("总距离（公里）", "total distance (km)")
        case .seconds: pick("求解用时（秒）", "solve time (s)")
        case .status: pick("最优性", "optimality")
        }
    }

    /// A zone mode.
    public func zoneMode(_ mode: ZoneMode) -> String {
        switch mode {
        case .require: pick("必须同区", "require")
        case .prefer: pick("尽量同区", "prefer")
        case .ignore: pick("不考虑", "ignore")
        }
    }

    /// A staffing mode.
    public func staffingMode(_ mode: Staffing) -> String {
        mode == .lean ? pick("精简", "lean") : pick("分散", "spread")
    }

    /// A comparison column's solve status, short.
    public func outcomeStatus(_ status: OutcomeStatus) -> String {
        switch status {
        case .optimal: pick("最优", "optimal")
        case .gap(let gap): pick("差距 \(percent(gap))", "gap \(percent(gap))")
        case .interrupted: pick("已中断", "interrupted")
        }
    }

    /// A short summary of data edits, e.g. "−2 校 +1 校 改 3 校人数 −6 督学".
    public func edits(_ edits: DataEdits) -> String {
        var parts: [String] = []
        if !edits.removeSchools.isEmpty { parts.append(pick("减 \(edits.removeSchools.count) 校", "−\(edits.removeSchools.count) school\(edits.removeSchools.count == 1 ? "" : "s")")) }
        if !edits.addSchools.isEmpty { parts.append(pick("增 \(edits.addSchools.count) 校", "+\(edits.addSchools.count) school\(edits.addSchools.count == 1 ? "" : "s")")) }
        if !edits.enrollments.isEmpty {
            parts.append(pick("改 \(edits.enrollments.count) 校人数", "\(edits.enrollments.count) enrollment\(edits.enrollments.count == 1 ? "" : "s")"))
        }
        if !edits.removeInspectors.isEmpty {
            parts.append(pick("减 \(edits.removeInspectors.count) 名督学", "−\(edits.removeInspectors.count) inspector\(edits.removeInspectors.count == 1 ? "" : "s")"))
        }
        if !edits.unavailable.isEmpty {
            parts.append(pick("\(edits.unavailable.count) 名督学不可用", "\(edits.unavailable.count) unavailable"))
        }
        if !edits.addInspectors.isEmpty {
            parts.append(pick("增 \(edits.addInspectors.count) 名督学", "+\(edits.addInspectors.count) inspector\(edits.addInspectors.count == 1 ? "" : "s")"))
        }
        return parts.isEmpty ? "–" : parts.joined(separator: pick("，", ", "))
    }

    /// The comparison's title.
    public func compareTitle(_ district: String) -> String {
        pick("方案比较 — \(district)", "Scenario comparison — \(district)")
    }

    /// The line under the title: scenarios, threads, wall time.
    public func compareSummary(scenarios: Int, jobs: Int, seconds: Double?) -> String {
        let time = seconds.map { pick("，总用时 \(String(format1: $0)) 秒", ", \(String(format1: $0)) s in all") } ?? ""
        return pick("现状及 \(scenarios) 个方案，\(jobs) 个线程并行求解",
                    "baseline and \(scenarios) scenario\(scenarios == 1 ? "" : "s"), solved on \(jobs) thread\(jobs == 1 ? "" : "s")") + time
    }

    /// A column heading: a file's scenario by its name; a sweep point by its settings in words
    /// ("专职占比 25%", "大规模学校门槛 1500 人").
    public func scenarioName(_ scenario: Scenario) -> String {
        guard !scenario.sweepPoint.isEmpty else { return scenario.name }
        let words = scenario.sweepPoint.map(setting).joined(separator: pick("，", ", "))
        return scenario.baseName.isEmpty ? words : scenario.baseName + pick("，", ", ") + words
    }

    /// One swept setting in words.
    public func setting(_ setting: PolicySetting) -> String {
        let value = setting.value
        switch (setting.key, value) {
        case ("min_full_time_share", .number(let share)?): return pick("专职占比 ", "full-time share ") + percentWhole(share)
        case ("large_school_enrollment", .integer(let n)?): return pick("大规模学校门槛 \(n) 人", "large-school threshold \(n)")
        case ("schools_per_inspector", .integer(let n)?): return pick("每人最多 \(n) 所", "at most \(n) schools each")
        case ("max_years_retired", .integer(let n)?): return pick("退休后 \(n) 年内", "retired within \(n) years")
        case ("max_years_retired", nil): return pick("不限退休年限", "no retirement window")
        case ("zones", .text(let word)?): return pick("责任区 ", "zones ") + zoneMode(ZoneMode(rawValue: word) ?? .prefer)
        case ("staffing", .text(let word)?): return pick("配置 ", "staffing ") + staffingMode(Staffing(rawValue: word) ?? .lean)
        case ("preset", .text(let word)?):
            return pick("政策 ", "policy ") + (language == .zh ? (Presets.named(word)?.chineseName ?? word) : word)
        default:
            let label = PolicyKey.named(setting.key).map { language == .zh ? $0.chineseName : $0.name } ?? setting.key
            return "\(label) \(setting.valueText)"
        }
    }

    /// A share as a whole percent when it is one (25%), else with one decimal.
    func percentWhole(_ share: Double) -> String {
        let percent = share * 100
        return abs(percent - percent.rounded()) < 1e-9 ? "\(Int(percent.rounded()))%" : String(format1: percent) + "%"
    }

    /// Chart titles and legends of the HTML report.
    public var chartHeadcount: String { pick("各方案督学人数：应配与聘任", "Headcount per scenario: required and appointed") }
    /// Chart title: recruits.
    public var chartRecruits: String { pick("各方案需补充督学（专职/兼职）", "Recruits needed per scenario (full-time / part-time)") }
    /// Legend: required headcount.
    public var legendRequired: String { pick("应配", "required") }
    /// Legend: appointees.
    public var legendAppointees: String { pick("聘任", "appointees") }
    /// Legend: full-time recruits.
    public var legendRecruitsFullTime: String { pick("需补充专职", "full-time recruits") }
    /// Legend: part-time recruits.
    public var legendRecruitsPartTime: String { pick("需补充兼职", "part-time recruits") }
    /// Chart title: schools per inspector.
    public var chartLoad: String { pick("每名督学负责的学校数（人数分布）", "Schools per inspector (appointees by number of schools held)") }
    /// Legend: holding n schools.
    public func legendHolding(_ n: Int) -> String { pick("负责 \(n) 所", "\(n) school\(n == 1 ? "" : "s")") }
    /// Heading of the scenario legend.
    public var scenarioLegend: String { pick("方案", "Scenarios") }
}
