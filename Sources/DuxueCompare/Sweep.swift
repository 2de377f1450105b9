import DuxueDomain
import DuxueInput

/// One swept policy key and its values, from `--sweep key=v1,v2,…`.
public struct Sweep: Sendable, Hashable {
    /// The settings, one per value, in the order given.
    public var settings: [PolicySetting]

    /// A sweep over the given settings (all of one key).
    public init(settings: [PolicySetting]) { self.settings = settings }

    /// Parses `key=v1,v2,…`; each value is checked like the same key in a policy file.
    public static func parse(_ text: String) throws(ScenarioError) -> Sweep {
        let option = "--sweep \(text)"
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmedWhitespace }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ScenarioError([ScenarioProblem(file: "--sweep", line: nil, kind: .sweepSyntax(text: text))])
        }
        let key = parts[0]
        guard PolicySetting.keys.contains(key) else {
            throw ScenarioError([ScenarioProblem(
                file: "--sweep", line: nil, kind: .sweepKey(key: key, suggestion: Vocabulary.nearest(to: key, among: PolicySetting.keys)))])
        }
        var settings: [PolicySetting] = []
        var problems: [ScenarioProblem] = []
        for raw in parts[1].split(separator: ",").map({ String($0).trimmedWhitespace }) {
            guard !raw.isEmpty else {
                problems.append(ScenarioProblem(file: "--sweep", line: nil, kind: .sweepSyntax(text: text)))
                continue
            }
            // The value as a policy file would hold it; words that are not TOML values get quotes.
            let quoted = raw.first.map { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "\"" } == true ? raw : "\"\(raw)\""
            do {
                let policy = try PolicyReader.parse("\(key) = \(quoted)", file: option, name: "sweep", termStart: nil)
                if let setting = PolicySetting.reading(key, from: policy) { settings.append(setting) }
            } catch {
                problems += error.problems.map { problem in
                    var copy = problem
                    copy.line = nil
                    copy.column = nil
                    return ScenarioProblem(file: option, line: nil, kind: .policy(copy))
                }
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return Sweep(settings: settings)
    }

    /// The cross product of several sweeps, the first varying slowest: [[1500, 0.2], [1500, 0.3], [2000, 0.2], …].
    public static func product(_ sweeps: [Sweep]) -> [[PolicySetting]] {
        sweeps.reduce([[]]) { combinations, sweep in
            combinations.flatMap { prefix in sweep.settings.map { prefix + [$0] } }
        }
    }

    /// The scenarios of a comparison: each scenario file (or, without files, the unchanged district)
    /// combined with each point of the sweeps' cross product; a point's settings override the file's.
    public static func expand(_ scenarios: [Scenario], sweeps: [Sweep]) -> [Scenario] {
        guard !sweeps.isEmpty else { return scenarios }
        let points = product(sweeps)
        let bases = scenarios.isEmpty ? [Scenario(name: "")] : scenarios
        return bases.flatMap { base in
            points.map { point in
                var scenario = base
                scenario.settings += point
                let label = point.map(\.description).joined(separator: ", ")
                scenario.name = base.name.isEmpty ? label : "\(base.name), \(label)"
                return scenario
            }
        }
    }
}
