import DuxueCompare
import DuxueDomain
import DuxueInput
import DuxueReport
import Foundation
import HTTPTypes

/// An error answer of the API: a status, a stable code, a message in the request's language and, for
/// bad input, every problem with its file, sheet, row and column — as the command line reports them,
/// but naming files by their names only (never a server path), and never a stack trace. The city server
/// answers its errors with it too.
public struct Failure: Error, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable code (`not_found`, `bad_input` …).
    public var code: String
    /// What went wrong.
    public var message: String
    /// The input problems, if any.
    var problems: [ProblemLine]

    /// An answer without input problems.
    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.init(status: status, code: code, message: message, problems: [])
    }

    init(status: HTTPResponse.Status, code: String, message: String, problems: [ProblemLine]) {
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems
    }

    /// 404.
    public static func notFound(_ language: Language) -> Failure {
        Failure(status: .notFound, code: "not_found", message: language == .zh ? "没有这个资源" : "no such resource")
    }

    /// 400 with a message in each language.
    public static func badRequest(_ zh: String, _ en: String, _ language: Language) -> Failure {
        Failure(status: .badRequest, code: "bad_request", message: language == .zh ? zh : en)
    }

    /// Input problems (HTTP 422); `names` maps the paths the server read to the names the user knows.
    static func input(_ problems: [InputProblem], language: Language, names: [String: String] = [:]) -> Failure {
        Failure(status: .unprocessableContent, code: "bad_input",
                message: language == .zh ? "输入有问题，请按提示修改" : "the input has problems: fix them as shown",
                problems: problems.map { ProblemLine($0, language: language, names: names) })
    }

    /// The answer to any error a workflow throws.
    static func from(_ error: any Error, language: Language, names: [String: String] = [:]) -> Failure {
        if let failure = error as? Failure { return failure }
        if let error = error as? InputError { return input(error.problems, language: language, names: names) }
        if let error = error as? PairRulesError {
            let text = Text(language)
            return Failure(status: .unprocessableContent, code: "pairs_refused",
                           message: error.problems.map { text.pairProblem($0) }.joined(separator: "\n"))
        }
        if let error = error as? ScenarioError { return input(error.problems, language: language, names: names) }
        return Failure(status: .internalServerError, code: "internal",
                       message: language == .zh ? "服务器内部错误，请重试或联系维护人员" : "internal error: try again or tell the maintainers")
    }

    /// The JSON body.
    var body: Body { Body(error: code, message: message, problems: problems) }

    /// The JSON body of an error answer.
    struct Body: Codable, Sendable {
        var error: String
        var message: String
        var problems: [ProblemLine]
    }
}

/// One input problem as the API reports it: the CLI's place (file, sheet, row, column) and words.
struct ProblemLine: Codable, Sendable {
    var file: String
    var sheet: String?
    var line: Int?
    var column: Int?
    var columnName: String?
    var cell: String?
    var severity: String
    var message: String
    var fix: String
    /// The whole line as `duxue validate` prints it (with the file by its name only).
    var text: String

    init(_ problem: InputProblem, language: Language, names: [String: String]) {
        var named = problem
        named.file = Self.displayName(problem.file, names: names)
        file = named.file
        sheet = problem.sheet
        line = problem.line
        column = problem.column?.index
        columnName = problem.column?.name
        cell = problem.cellReference
        severity = problem.severity.rawValue
        message = problem.summary(in: language)
        fix = problem.fix(in: language)
        text = named.message(in: language)
        // Server paths named inside the words (a file not found …) become the names the user knows.
        for (path, name) in names.sorted(by: { $0.key.count > $1.key.count }) where path.hasPrefix("/") {
            message = message.replacingOccurrences(of: path, with: name)
            fix = fix.replacingOccurrences(of: path, with: name)
            text = text.replacingOccurrences(of: path, with: name)
        }
    }

    /// A file by the name the user knows: an upload by its own name, a district file by its name in the
    /// district folder; never the server's path.
    static func displayName(_ path: String, names: [String: String]) -> String {
        if let name = names[path] { return name }
        return path.isEmpty ? path : URL(fileURLWithPath: path).lastPathComponent
    }
}
