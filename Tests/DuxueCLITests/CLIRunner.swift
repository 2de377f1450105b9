import DuxueTestSupport
import Foundation

/// Runs the built `duxue` executable in a scratch folder and captures its output.
struct CLIRunner {
    typealias Result = DuxueExecutable.Result

    /// A fresh scratch folder for outputs.
    let scratch: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// The executable next to the test bundle (`.build/<config>/duxue`).
    static var executable: URL { DuxueExecutable.url }

    /// A case folder under Tests/DuxueCLITests/Cases.
    static func casePath(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Cases/\(name)").path
    }

    /// Runs `duxue` with arguments, in the scratch folder.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try DuxueExecutable.run(arguments, in: scratch, environment: environment)
    }

    /// A new folder inside the scratch folder, for a district made by the test.
    func makeFolder(_ name: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Contents of a file in the scratch folder.
    func read(_ name: String) throws -> String {
        try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
    }
}
