import ArgumentParser
import DuxueDomain
import DuxueInput
import DuxueWorkflows
import Foundation

/// `duxue validate DISTRICT`: reads and checks the inputs without planning (exit 0 valid, 2 bad input).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "只检查输入文件并列出全部问题，不编制名册 · Check a district's files (and a roster) and list every problem, without planning."
    )

    @Argument(help: "区县文件夹 · District folder with schools.csv, inspectors.csv and optional policy.toml.")
    var district: String

    @Option(help: "政策预设或 policy.toml 路径 · Policy preset (national, zaozhuang, tianjin, chongqing, wusheng, hainan, combined) or a policy.toml path.")
    var policy: String?

    @Option(name: .customLong("term-start"), help: "任期开始日期 · Date the term takes effect (YYYY-MM-DD); overrides the policy file.")
    var termStart: String?

    @Option(help: "一并检查的名册 · A roster CSV to check against the district (school_id, inspector_id).")
    var roster: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let termStart, Day(iso: termStart) == nil {
            throw ValidationError("--term-start \(termStart) is not a date: write it as YYYY-MM-DD, e.g. 2027-09-01")
        }
    }

    func run() throws {
        let report = Workflows.validate(ValidateRequest(
            district: DistrictSource(path: district, policy: policy, termStart: termStart.flatMap { Day(iso: $0) }), roster: roster))
        switch output.format {
        case .text:
            let text = report.rendered(in: output.language)
            if report.isValid {
                print(text, terminator: "")
            } else {
                FileHandle.standardError.write(Data(text.utf8))
            }
        case .json:
            print(try ValidationJSON.render(report, language: output.language), terminator: "")
        }
        if !report.isValid { throw ExitCode(2) }
    }
}

/// The validation report as JSON: `valid`, counts, and each problem with its place, message and fix.
enum ValidationJSON {
    struct Problem: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var columnName: String?
        var severity: String
        var message: String
        var fix: String
    }

    struct Document: Encodable {
        var valid: Bool
        var errors: Int
        var warnings: Int
        var schools: Int?
        var inspectors: Int?
        var rosterRows: Int?
        var problems: [Problem]
    }

    static func render(_ report: ValidationReport, language: Language) throws -> String {
        let document = Document(
            valid: report.isValid, errors: report.errorCount, warnings: report.warningCount, schools: report.schools,
            inspectors: report.inspectors, rosterRows: report.assignments,
            problems: report.problems.map {
                Problem(file: $0.file, line: $0.line, column: $0.column?.index, columnName: $0.column?.name,
                        severity: $0.severity.rawValue, message: $0.summary(in: language), fix: $0.fix(in: language))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
