import DuxueDomain
import DuxueInput

extension InputProblem {
    /// A problem of a scenario file or a sweep, at a line and a character column (the one problem model:
    /// same place, message and fix as every other input).
    public init(file: String, line: Int?, column: Int? = nil, issue: ScenarioIssue) {
        self.init(file: file, line: line, column: column.map { InputProblem.Column(name: "", index: $0) }, kind: .scenario(issue))
    }
}

/// Scenario files or sweeps that cannot be used, with every problem found.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var problems: [InputProblem]

    /// An error with its problems.
    public init(_ problems: [InputProblem]) { self.problems = problems }

    /// One problem per line, in English.
    public var description: String { problems.map { $0.message(in: .en) }.joined(separator: "\n") }

    /// One problem per line, in a language.
    public func message(in language: Language) -> String {
        problems.map { $0.message(in: language) }.joined(separator: "\n")
    }
}
