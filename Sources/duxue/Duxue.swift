import ArgumentParser
import Foundation

/// The `duxue` command: plans and checks responsible-inspector rosters.
@main
struct Duxue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duxue",
        abstract: "督学 Duxue — 编制和检查区县责任督学（挂牌督学）名册 · plan and check a district's responsible-inspector roster.",
        version: "0.1.0",
        subcommands: [
            PlanCommand.self, CheckCommand.self, RenewCommand.self, CompareCommand.self, ValidateCommand.self, PolicyCommand.self,
            ReviewCommand.self, ServeCommand.self, RecordCommand.self, HistoryCommand.self,
        ]
    )

    /// Runs the command; usage errors exit with 2 like input errors (plan: 0 plan made; check: 0 compliant,
    /// 1 violations; both: 2 input or usage error).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if UsageText.language(of: Array(CommandLine.arguments.dropFirst())) == .zh, let zh = UsageText.chinese(message) {
                    FileHandle.standardError.write(Data((zh + "\n").utf8))
                }
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
