import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

/// Paths of the test fixtures and the repository's presets.
enum Fixtures {
    static var root: String { Bundle.module.path(forResource: "Fixtures", ofType: nil)! }

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// `Data/policies` of the repository, found from this file's path.
    static var presets: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/DuxueInputTests/Support.swift
        return parts.joined(separator: "/") + "/Data/policies"
    }

    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        var template = Array((NSTemporaryDirectory() + "duxue-input-XXXXXX").utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(cString: result!)
    }
}

let termStart = Day(year: 2026, month: 9, day: 1)!
let policy = Policy(termStart: termStart)

/// The problems of a throwing read (fails the test if it does not throw `InputError`).
func problems(of body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> [InputProblem] {
    do {
        try body()
        Issue.record("expected InputError.invalid", sourceLocation: sourceLocation)
        return []
    } catch let error as InputError {
        return error.problems
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// A compact, comparable view of a problem: file:line:column severity kind.
struct Spot: Hashable, CustomStringConvertible {
    var file: String
    var line: Int?
    var column: Int?
    var severity: Severity
    var kind: InputProblem.Kind

    init(_ file: String, _ line: Int?, _ column: Int?, _ kind: InputProblem.Kind) {
        self.init(file, line, column, .error, kind)
    }

    init(_ file: String, _ line: Int?, _ column: Int?, _ severity: Severity, _ kind: InputProblem.Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.kind = kind
    }

    init(_ problem: InputProblem) {
        self.init(problem.file, problem.line, problem.column?.index, problem.severity, problem.kind)
    }

    var description: String { "\(file):\(line ?? 0):\(column ?? 0) \(severity) \(kind)" }
}
