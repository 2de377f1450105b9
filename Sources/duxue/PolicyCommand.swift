import ArgumentParser
import DuxueDomain
import Foundation
import DuxueInput
import DuxueReport

/// `duxue policy`: the presets, their keys and the clauses behind every rule.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "查看政策预设或区县政策：每个键、每条规则及其文件依据 · Show a policy preset (or a district's policy): every key, every rule, and the clause that imposes it.",
        discussion: "Keys of policy.toml (scenario files and --sweep may set those marked *):\n"
            + PolicyKey.all.map { "  \($0.name)\($0.inScenarios ? "*" : "") (\($0.type.summary)): \($0.hintEn)" }.joined(separator: "\n"),
        subcommands: [Show.self, List.self, Docs.self],
        defaultSubcommand: Show.self
    )

    /// `duxue policy show NAME|FILE|DISTRICT`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示预设、政策文件或区县政策 · Print a preset, a policy file, or a district folder's policy.")

        @Argument(help: "A preset (national, zaozhuang, tianjin, chongqing, wusheng, hainan, combined), a policy.toml, or a district folder.")
        var name: String = "national"

        @Option(help: "text 或 toml · text, or toml (the preset file as shipped in Data/policies).")
        var format: Format = .text

        @Option(help: "语言 zh 或 en · Language: zh or en (default: from LANG).")
        var lang: Language?

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case toml
        }

        func run() throws {
            let language = lang ?? OutputOptions.environmentLanguage
            let preset = Presets.named(name.lowercased())
            if format == .toml {
                guard let preset else { throw ValidationError("--format toml prints a preset; \(name) is not one") }
                print(PolicyRenderer.toml(preset), terminator: "")
                return
            }
            let policy: Policy
            var isFolder: ObjCBool = false
            do throws(InputError) {
                if FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue || TableFiles.isWorkbook(name) {
                    policy = try PolicyReader.load(district: name, option: nil, termStart: nil)
                } else {
                    policy = try PolicyReader.load(nameOrPath: name, termStart: nil)
                }
            } catch {
                Console.error(error.problems.map { $0.message(in: language) }.joined(separator: "\n"))
                throw ExitCode(2)
            }
            print(PolicyRenderer.text(policy, preset: preset, language: language), terminator: "")
        }
    }

    /// `duxue policy list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出各预设及其文件 · List the presets and their documents.")

        func run() {
            for preset in Presets.all { print("\(preset.name)\t\(preset.chineseName)\t\(preset.document)") }
        }
    }

    /// `duxue policy docs`: docs/policies.md.
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "以 Markdown 输出全部预设 · Print every preset as Markdown (docs/policies.md).")

        func run() { print(PolicyRenderer.markdown(), terminator: "") }
    }
}
