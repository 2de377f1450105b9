import ArgumentParser

/// The `duxue` command: plans and checks responsible-inspector rosters.
@main
struct Duxue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duxue",
        abstract: "督学 Duxue — plan a district's responsible-inspector (责任督学) roster.",
        version: "0.1.0",
        subcommands: [PlanCommand.self]
    )
}
