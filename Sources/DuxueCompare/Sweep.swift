import DuxueDomain
import DuxueInput

/// One swept policy key and its values, from `--sweep key=v1,v2,…`.
public struct Sweep: Sendable, Hashable {
    /// The settings, one per value, in the order given.
    public var settings: [PolicySetting]

    /// A sweep over the given settings (all of one key).
    public init(settings: [PolicySetting]) { self.settings = settings }

    /// Where a sweep's problems say they come from (the text was given on its own, not in a file).
    public static let source = "sweep"

    /// Parses `key=v1,v2,…`; each value is checked like the same key in a policy file.
    public static func parse(_ text: String) throws(ScenarioError) -> Sweep {
        let option = "\(Self.source) \(text)"
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmedWhitespace }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ScenarioError([InputProblem(file: Self.source, line: nil, issue: .sweepSyntax(text: text))])
        }
        let key = parts[0]
        guard PolicySetting.keys.contains(key) else {
            throw ScenarioError([InputProblem(
                file: Self.source, line: nil, issue: .sweepKey(key: key, suggestion: Vocabulary.nearest(to: key, among: PolicySetting.keys)))])
        }
        var settings: [PolicySetting] = []
        var problems: [InputProblem] = []
        for raw in parts[1].split(separator: ",").map({ String($0).trimmedWhitespace }) {
            guard !raw.isEmpty else {
                problems.append(InputProblem(file: Self.source, line: nil, issue: .sweepSyntax(text: text)))
                continue
            }
            // Checked like the same key in a policy file.
            guard let policyKey = PolicyKey.named(key) else { continue }
            do {
                settings.append(try PolicySetting.checked(policyKey, Self.value(raw)))
            } catch {
                let problem = InputProblem(file: option, line: nil, kind: PolicyReader.kind(of: error, key: key))
                problems.append(problem)
            }
        }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        return Sweep(settings: settings)
    }

    /// A value as written on the command line: a whole number, a number, a date, or a word.
    static func value(_ raw: String) -> PolicyValue {
        let text = raw.hasPrefix("\"") && raw.hasSuffix("\"") && raw.count >= 2 ? String(raw.dropFirst().dropLast()) : raw
        if let number = Int(text) { return .integer(number) }
        if let number = Double(text), text.contains(".") { return .number(number) }
        if let day = Vocabulary.day(text) { return .day(day) }
        if text == "false" { return .boolean(false) }
        return .text(text)
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
                scenario.sweepPoint = point
                scenario.baseName = base.name
                let label = point.map(\.description).joined(separator: ", ")
                scenario.name = base.name.isEmpty ? label : "\(base.name), \(label)"
                return scenario
            }
        }
    }
}
