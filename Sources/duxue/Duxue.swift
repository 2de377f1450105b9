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
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
