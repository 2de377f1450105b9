import DuxueDomain
import DuxueGLPK
import DuxuePlanner
import DuxueReport
import Foundation
import Testing

/// The plan report of a small hand-made district, compared with golden files in Golden/.
/// Re-record on purpose only: `DUXUE_RECORD=1 swift test --filter GoldenReportTests`, then review the diff.
@Suite("Report golden files")
struct GoldenReportTests {
    /// Zone 东区: a large school (2 400) and 6 standard ones; zone 西区: 3 standard ones. Pool: one
    /// full-time and two part-time in 东区 (one must recuse from E2), a retiree of 2020 (excluded)
    /// and a part-timer at 3 terms (excluded). Zones are required: 东区's three cover its large school
    /// and six standard ones; 西区 has nobody, so it recruits one (part-time: 1 of 4 is full-time, 25%).
    static func plan() throws -> Plan {
        func school(_ id: String, _ zone: String, _ enrollment: Int, _ stage: Stage) -> School {
            School(id: School.ID(id)!, name: "\(zone)\(id)学校", enrollment: enrollment, zone: Zone(zone)!, stage: stage)
        }
        let schools = [school("E1", "东区", 2400, .senior)] + (2...7).map { school("E\($0)", "东区", 400, .primary) }
            + (1...3).map { school("W\($0)", "西区", 200, .kindergarten) }
        func person(_ id: String, _ name: String, _ e: Employment, status: ServiceStatus = .inService, terms: Int = 0, conflicts: [String] = []) -> Inspector {
            Inspector(id: Inspector.ID(id)!, name: name, employment: e, status: status, consecutiveTerms: terms, zone: Zone("东区")!,
                      conflicts: Set(conflicts.map { School.ID($0)! }), phone: "0791-000\(id.suffix(1))")
        }
        let inspectors = [
            person("I1", "王芳", .fullTime), person("I2", "李强", .partTime, conflicts: ["E2"]), person("I3", "张伟", .partTime),
            person("I4", "刘洋", .partTime, status: .retired(on: Day(iso: "2020-01-15")!)), person("I5", "陈静", .partTime, terms: 3),
        ]
        var policy = Policy(termStart: Day(iso: "2027-09-01")!)
        policy.name = "combined"
        policy.zones = .require
        return try Planner(solver: GLPKSolver()).plan(district: District(name: "样例区", schools: schools, inspectors: inspectors), policy: policy)
    }

    /// The report with every timing set to zero, so the text is stable.
    static func report(_ language: Language) throws -> PlanReport {
        var report = PlanReport(plan: try plan(), language: language)
        report.seconds = 0
        report.improvement.seconds = 0
        for index in report.levels.indices {
            report.levels[index].seconds = 0
            report.levels[index].nodes = 0
        }
        return report
    }

    @Test(arguments: [("plan-zh.txt", Language.zh), ("plan-en.txt", Language.en)])
    func terminal(file: String, language: Language) throws {
        try Golden.compare(TerminalRenderer.render(try Self.report(language)), file: file)
    }

    @Test func json() throws {
        try Golden.compare(try JSONRenderer.render(try Self.report(.en)), file: "plan-en.json")
    }

    @Test func shortfallFigures() throws {
        let plan = try Self.plan()
        #expect(plan.figures.recruits == 1)
        #expect(plan.recruitment.map(\.zone.rawValue) == ["西区"])
        #expect(plan.recruitment.first?.employment == .partTime)
        #expect(plan.figures.crossings == 0)
        #expect(plan.excluded.map(\.inspector.id.rawValue) == ["I4", "I5"])
    }
}

enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func compare(_ text: String, file: String) throws {
        let url = folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["DUXUE_RECORD"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(file) differs; re-record with DUXUE_RECORD=1 only if the change is intended")
    }
}
