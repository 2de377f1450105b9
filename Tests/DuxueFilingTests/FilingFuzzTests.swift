import DuxueDomain
import DuxueFiling
import DuxueInput
import DuxueReport
import DuxueWorkflows
import Foundation
import Testing
import ZIPFoundation

/// A deterministic mutation fuzzer of the filing reader (`duxue review`): a real filing workbook, mutated
/// a bounded number of times from a fixed seed — bytes flipped in the zip, the zip cut short, cell values
/// and cell types edited in the sheet XML, sheets swapped or renamed, rows duplicated, parts removed or
/// damaged — is read back by FilingReader and reviewed as `duxue review` reviews it. Nothing may crash;
/// every failure is an `InputProblem` naming the file (and, where it names a row, the sheet).
///
/// `DUXUE_FUZZ_ITERATIONS` and `DUXUE_FUZZ_SEED` set a longer run (benchmarks/fuzz_filing.py runs it for
/// as long as asked, one seed after another); with `DUXUE_FUZZ_KEEP=FOLDER` each mutant is written there
/// before it is read (`mutant.xlsx`, with `last.txt` naming seed, iteration and mutations), so a crash
/// leaves the input that caused it, and every mutant that fails an expectation is kept beside them.
@Suite("Filing reader fuzz")
struct FilingFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["DUXUE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
    static let seed = environment["DUXUE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_202

    @Test func mutatedFilingsNeverCrashAndEveryFailureNamesItsPlace() throws {
        let scratch = try FilingRosterReadBackTests.Scratch()
        let keep = Self.environment["DUXUE_FUZZ_KEEP"]
        // The mutant alone in the folder reviewed; what is kept (last.txt, failing mutants) beside it.
        let base = keep ?? scratch.path("fuzz")
        let folder = base + "/review"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seeds = try FilingMutator.seedFilings(in: scratch)
        var random = SplitMix64(seed: Self.seed)
        var failures: [String] = []
        var outcomes: [String: Int] = [:]
        for iteration in 0..<Self.iterations {
            let original = seeds[Int(random.next() % UInt64(seeds.count))]
            let (mutant, steps) = FilingMutator.mutate(original, random: &random)
            let name = "mutant.xlsx"
            let path = folder + "/" + name
            if keep != nil {
                try "seed \(Self.seed) iteration \(iteration): \(steps.joined(separator: "; "))\n"
                    .write(toFile: base + "/last.txt", atomically: false, encoding: .utf8)
            }
            try mutant.write(to: URL(fileURLWithPath: path))
            var wrong: [String] = []
            do {
                let load = try FilingReader.read(path: path)
                outcomes["read", default: 0] += 1
                wrong += Self.misplaced(load.edits + load.warnings, file: name, folder: folder)
            } catch {
                outcomes["refused", default: 0] += 1
                if error.problems.isEmpty { wrong.append("refused with no problem") }
                wrong += Self.misplaced(error.problems, file: name, folder: folder)
            }
            // The whole re-check of `duxue review` on the mutant: one line for the file, whatever it holds.
            do {
                let outcome = try Workflows.review(ReviewRequest(folder: folder, asOf: Day(januaryFirstOf: 2028), jobs: 1, language: .zh))
                if outcome.report.filings.count > 1 { wrong.append("\(outcome.report.filings.count) lines for one file") }
            } catch {
                wrong.append("review refused the folder: \(error.problems.map { $0.message(in: .en) })")
            }
            if !wrong.isEmpty {
                failures.append("iteration \(iteration) [\(steps.joined(separator: "; "))]: \(wrong.joined(separator: " | "))")
                if keep != nil { try? mutant.write(to: URL(fileURLWithPath: base + "/failure-\(Self.seed)-\(iteration).xlsx")) }
            }
        }
        try? FileManager.default.removeItem(atPath: folder + "/mutant.xlsx")
        print("filing fuzz: seed \(Self.seed), \(Self.iterations) mutants, \(outcomes), \(failures.count) failing")
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
        // A fuzzer whose mutants are all refused (or all read) explores nothing: both happen.
        if Self.iterations >= 100 {
            #expect((outcomes["read"] ?? 0) > 0 && (outcomes["refused"] ?? 0) > 0, "\(outcomes)")
        }
    }

    /// Problems that do not name the file by its name, name a row without its sheet, carry no words, or
    /// show the folder the file sits in.
    static func misplaced(_ problems: [InputProblem], file: String, folder: String) -> [String] {
        problems.compactMap { problem in
            let text = problem.message(in: .en)
            if problem.file != file { return "problem of \(problem.file), not \(file): \(text)" }
            if problem.line != nil && problem.sheet == nil { return "a row without its sheet: \(text)" }
            if problem.summary(in: .en).isEmpty || problem.summary(in: .zh).isEmpty { return "a problem with no words" }
            if text.contains(folder) || problem.message(in: .zh).contains(folder) { return "the folder shown: \(text)" }
            return nil
        }
    }

    @Test func theMutatorIsDeterministicAndTheUnmutatedFilingReadsClean() throws {
        let scratch = try FilingRosterReadBackTests.Scratch()
        let seeds = try FilingMutator.seedFilings(in: scratch)
        for seed in seeds {
            let path = scratch.path("clean.xlsx")
            try seed.write(to: URL(fileURLWithPath: path))
            let load = try FilingReader.read(path: path)
            #expect(load.edits.isEmpty)
            // Re-zipped without a change, the parts read back as they were.
            let rezipped = try FilingMutator.zip(FilingMutator.parts(of: seed))
            try rezipped.write(to: URL(fileURLWithPath: path))
            #expect(try FilingReader.read(path: path).recorded == load.recorded)
        }
        var first = SplitMix64(seed: 7), second = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let a = FilingMutator.mutate(seeds[0], random: &first), b = FilingMutator.mutate(seeds[0], random: &second)
            #expect(a.data == b.data && a.steps == b.steps)
        }
    }
}

/// SplitMix64: a small seeded generator, the same sequence on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Mutations of a filing workbook, at the zip's bytes and inside its XML parts.
enum FilingMutator {
    /// The filings mutated: the sample filing (a pair edited by hand, pair terms recorded) and the same
    /// filing without pair terms, with its cover saying 合规.
    static func seedFilings(in scratch: FilingRosterReadBackTests.Scratch) throws -> [Data] {
        let (report, district, roster, policy) = FilingRosterReadBackTests.filing()
        let first = try FilingWriter.bytes(report, district: district, roster: roster, policy: policy, format: .xlsx,
                                           pairTerms: FilingRosterReadBackTests.pairTerms)
        var compliant = roster
        compliant.assignments.removeLast()
        let clean = CheckReport(district: district, policy: policy, roster: compliant, rosterFile: "r.csv", strict: false,
                                nearest: nil, language: .zh)
        let second = try FilingWriter.bytes(clean, district: district, roster: compliant, policy: policy, format: .xlsx)
        return [Data(first), Data(second)]
    }

    /// The parts of a zip, in order.
    static func parts(of data: Data) throws -> [(name: String, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive where entry.type == .file {
            var content = Data()
            _ = try archive.extract(entry, skipCRC32: true) { content.append($0) }
            parts.append((entry.path, content))
        }
        return parts
    }

    static let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

    /// A zip of `parts` (deflated), in memory.
    static func zip(_ parts: [(name: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, data) in parts {
            // A fixed date: the same mutant, byte for byte, on every run.
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// Values written into cells: empty, signs, huge and odd numbers, dates that do not exist, ids of the
    /// filing's own schools and inspectors, policy words, markup, control characters, long text.
    static let values = [
        "", " ", "0", "-1", "1.5", "1e308", "-1e308", "99999999999999999999", "NaN", "inf", "1/0", "0x1F", "２", "三",
        "2027-02-30", "2027-09-01", "1900-02-29", "9999-12-31", "45000", "-45000", "true", "false", "off", "on",
        "E1", "E2", "E9", "I1", "I2", "I9", "VACANCY-1", "VACANCY-", "vacancy-2", "专职", "兼职", "full_time", "national",
        "combined", "duxue.filing/1", "duxue.filing/2", "合规", "不合规", "S-1、S-2", "E1、E1、E1", "、", "，，", "<", "&amp;",
        "&#0;", "&#xFFFF;", "]]>", "\u{1}", "\u{FEFF}", "\u{202E}E1", "王芳", String(repeating: "长", count: 5000),
        String(repeating: "9", count: 400),
    ]

    /// Cell types written into `t="…"`.
    static let types = ["s", "n", "b", "e", "str", "inlineStr", "d", "x", ""]

    /// References written into `r="…"`.
    static let references = ["A1", "A0", "XFD1048576", "XFE1", "ZZZZ1", "1A", "", "A99999999999", "B-1", "AA3", "C2", "A1048577"]

    /// A mutant of `original` and the mutations made (one to three on the parts, then perhaps one on the bytes).
    static func mutate(_ original: Data, random: inout SplitMix64) -> (data: Data, steps: [String]) {
        var steps: [String] = []
        var data = original
        if random.chance(75), var parts = try? parts(of: original) {
            for _ in 0...random.below(3) { steps.append(mutate(&parts, random: &random)) }
            data = (try? zip(parts)) ?? original
        }
        if steps.isEmpty || random.chance(20) {
            steps.append(mutate(bytes: &data, random: &random))
        }
        return (data, steps)
    }

    /// A mutation of the zip's bytes: some flipped, or the file cut short.
    static func mutate(bytes data: inout Data, random: inout SplitMix64) -> String {
        guard !data.isEmpty else { return "empty" }
        if random.chance(30) {
            let length = random.below(data.count)
            data = data.prefix(length)
            return "cut to \(length) bytes"
        }
        let flips = 1 + random.below(16)
        for _ in 0..<flips {
            let at = random.below(data.count)
            data[data.startIndex + at] ^= UInt8(1 + random.below(255))
        }
        return "\(flips) bytes flipped"
    }

    /// One mutation of the parts.
    static func mutate(_ parts: inout [(name: String, data: Data)], random: inout SplitMix64) -> String {
        let sheets = parts.indices.filter { parts[$0].name.hasPrefix("xl/worksheets/sheet") }
        let xml = parts.indices.filter { parts[$0].name.hasSuffix(".xml") || parts[$0].name.hasSuffix(".rels") }
        let strings = parts.indices.filter { parts[$0].name == "xl/sharedStrings.xml" }
        let workbook = parts.indices.filter { parts[$0].name == "xl/workbook.xml" }
        switch random.below(11) {
        case 0, 1, 2:
            // A value edited: a cell's <v> in a sheet, or a shared string's <t>.
            guard let index = pick(sheets + strings + strings, &random) else { return "no part" }
            let value = values[random.below(values.count)]
            let element = parts[index].name.hasSuffix("sharedStrings.xml") ? "t" : "v"
            return replaceContent(of: element, in: &parts[index], with: value, random: &random)
        case 3:
            guard let index = pick(sheets, &random) else { return "no sheet" }
            return replaceAttribute("t", in: &parts[index], with: types[random.below(types.count)], random: &random)
        case 4:
            guard let index = pick(sheets, &random) else { return "no sheet" }
            return replaceAttribute("r", in: &parts[index], with: references[random.below(references.count)], random: &random)
        case 5:
            // Two sheets' contents swapped (each sheet now holds another's table).
            guard sheets.count >= 2 else { return "no sheets" }
            let a = sheets[random.below(sheets.count)], b = sheets[random.below(sheets.count)]
            let kept = parts[a].data
            parts[a].data = parts[b].data
            parts[b].data = kept
            return "swapped \(parts[a].name) and \(parts[b].name)"
        case 6:
            // A sheet renamed: to another sheet's name, to a near name, or to nothing.
            guard let index = workbook.first else { return "no workbook" }
            let names = ["内部-学校", "内部-督学", "内部-配对", "内部-政策", "名册", "公示", "备案表", "内部-学校 ", "内部－学校", "", "区县汇总"]
            return replaceAttribute("name", in: &parts[index], with: names[random.below(names.count)], random: &random)
        case 7:
            // A row repeated elsewhere in its sheet (a row number twice, rows out of order).
            guard let index = pick(sheets, &random) else { return "no sheet" }
            return duplicateRow(in: &parts[index], random: &random)
        case 8:
            // Part of an XML part removed (the XML broken, or an element lost).
            guard let index = pick(xml, &random) else { return "no xml" }
            let count = parts[index].data.count
            guard count > 0 else { return "empty part" }
            let start = random.below(count), length = 1 + random.below(min(200, count - start))
            parts[index].data.removeSubrange((parts[index].data.startIndex + start)..<(parts[index].data.startIndex + start + length))
            return "removed \(length) bytes at \(start) of \(parts[index].name)"
        case 9:
            // A part removed.
            guard !parts.isEmpty else { return "no parts" }
            let index = random.below(parts.count)
            let name = parts[index].name
            parts.remove(at: index)
            return "removed part \(name)"
        default:
            // A whole row removed from a sheet.
            guard let index = pick(sheets, &random) else { return "no sheet" }
            guard var text = String(data: parts[index].data, encoding: .utf8) else { return "not text" }
            let rows = ranges(of: "<row ", to: "</row>", in: text)
            guard !rows.isEmpty else { return "no row" }
            let row = rows[random.below(rows.count)]
            text.removeSubrange(row)
            parts[index].data = Data(text.utf8)
            return "removed a row of \(parts[index].name)"
        }
    }

    static func pick(_ indices: [Int], _ random: inout SplitMix64) -> Int? {
        indices.isEmpty ? nil : indices[random.below(indices.count)]
    }

    /// The ranges from each `open` to the end of the next `close` after it.
    static func ranges(of open: String, to close: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var from = text.startIndex
        while let start = text.range(of: open, range: from..<text.endIndex),
              let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
            found.append(start.lowerBound..<end.upperBound)
            from = end.upperBound
        }
        return found
    }

    /// One of `ranges` of `text`, picked by `random`, replaced by `value`; the part takes the new text.
    /// Returns what was replaced.
    static func replaceOne(of ranges: [Range<String.Index>], in text: String, part: inout (name: String, data: Data),
                           with value: String, random: inout SplitMix64) -> String {
        var text = text
        let range = ranges[random.below(ranges.count)]
        let old = String(text[range])
        text.replaceSubrange(range, with: value)
        part.data = Data(text.utf8)
        return old
    }

    /// The content of one `<element…>…</element>` replaced by `value` (written raw: markup in it breaks the XML).
    static func replaceContent(of element: String, in part: inout (name: String, data: Data), with value: String,
                               random: inout SplitMix64) -> String {
        guard let text = String(data: part.data, encoding: .utf8) else { return "not text" }
        var contents: [Range<String.Index>] = []
        var from = text.startIndex
        while let open = text.range(of: "<\(element)", range: from..<text.endIndex),
              let close = text.range(of: ">", range: open.upperBound..<text.endIndex),
              let end = text.range(of: "</\(element)>", range: close.upperBound..<text.endIndex) {
            // <v> and <t> and <t xml:space=…>, not <tableParts> and the like.
            let next = text[open.upperBound]
            if next == ">" || next == " " { contents.append(close.upperBound..<end.lowerBound) }
            from = end.upperBound
        }
        guard !contents.isEmpty else { return "no <\(element)> in \(part.name)" }
        let old = replaceOne(of: contents, in: text, part: &part, with: value, random: &random)
        return "<\(element)> \(old.prefix(20)) → \(value.prefix(20)) in \(part.name)"
    }

    /// The value of one `attribute="…"` replaced.
    static func replaceAttribute(_ attribute: String, in part: inout (name: String, data: Data), with value: String,
                                 random: inout SplitMix64) -> String {
        guard let text = String(data: part.data, encoding: .utf8) else { return "not text" }
        let values = ranges(of: " \(attribute)=\"", to: "\"", in: text).map { range -> Range<String.Index> in
            let start = text.index(range.lowerBound, offsetBy: attribute.count + 3)
            return start..<text.index(before: range.upperBound)
        }
        guard !values.isEmpty else { return "no \(attribute)= in \(part.name)" }
        let old = replaceOne(of: values, in: text, part: &part, with: value, random: &random)
        return "\(attribute)=\"\(old)\" → \"\(value.prefix(20))\" in \(part.name)"
    }

    /// One `<row …>…</row>` copied to another row's place.
    static func duplicateRow(in part: inout (name: String, data: Data), random: inout SplitMix64) -> String {
        guard var text = String(data: part.data, encoding: .utf8) else { return "not text" }
        let rows = ranges(of: "<row ", to: "</row>", in: text)
        guard !rows.isEmpty else { return "no row in \(part.name)" }
        let copied = String(text[rows[random.below(rows.count)]])
        let at = rows[random.below(rows.count)]
        text.insert(contentsOf: copied, at: random.chance(50) ? at.lowerBound : at.upperBound)
        part.data = Data(text.utf8)
        return "a row repeated in \(part.name)"
    }
}
