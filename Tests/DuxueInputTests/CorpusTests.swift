import DuxueDomain
import Foundation
import Testing

@testable import DuxueInput

/// The bad-input corpus: every folder of `Corpus/` is a district (schools.csv, inspectors.csv, optional
/// policy.toml and roster.csv) with the exact report `duxue validate` must print for it, in English
/// (`expected.en.txt`) and Chinese (`expected.zh.txt`). Adding a case is adding a folder; record its
/// expected files with `DUXUE_RECORD=1 swift test --filter Corpus`, then read them before committing.
@Suite("Bad-input corpus")
struct CorpusTests {
    static var root: String { Bundle.module.path(forResource: "Corpus", ofType: nil)! }

    /// The case folders, sorted.
    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { FileSystem.isFolder(root + "/" + $0) }.sorted()
    }

    /// The source tree's copy of the corpus (where recorded files go).
    static var sourceRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path
    }

    @Test func corpusHasEveryCase() {
        #expect(Self.cases.count >= 37)
    }

    @Test(arguments: cases, [Language.en, .zh])
    func reportMatchesGolden(name: String, language: Language) throws {
        let folder = Self.root + "/" + name
        let roster = folder + "/roster.csv"
        let report = InputValidation.validate(
            folder: folder, policyOption: nil, termStart: termStart,
            rosterPath: FileSystem.exists(roster) ? roster : nil, today: termStart)
        // Problems in policy.toml and the roster carry the path given; show them relative to the case.
        let text = report.rendered(in: language).replacingOccurrences(of: folder + "/", with: "")
        let golden = "expected.\(language.rawValue).txt"
        if ProcessInfo.processInfo.environment["DUXUE_RECORD"] == "1" {
            try text.write(toFile: Self.sourceRoot + "/\(name)/\(golden)", atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: folder + "/" + golden, encoding: .utf8)
        #expect(text == expected, "\(name)/\(golden)")
        // A case named valid-… or …-accepted must load; every other case must report something.
        let shouldLoad = name.hasPrefix("valid") || name.hasSuffix("accepted") || name == "bom-and-crlf"
        if shouldLoad { #expect(report.problems.isEmpty) } else { #expect(!report.problems.isEmpty) }
    }
}
