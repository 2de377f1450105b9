import Foundation

/// Renders a report as JSON (schemas `duxue.plan/1`, `duxue.renew/1`; snake_case keys, sorted, pretty-printed).
public enum JSONRenderer {
    /// The JSON text, ending with a newline.
    public static func render(_ report: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(report)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
