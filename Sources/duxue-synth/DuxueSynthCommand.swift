import ArgumentParser
import DuxueDomain
import DuxueSynth

/// `duxue-synth`: writes a synthetic district (schools.csv, inspectors.csv) for samples and benchmarks.
@main
struct DuxueSynthCommand: ParsableCommand {
    /// Command name, abstract and discussion.
    static let configuration = CommandConfiguration(
        commandName: "duxue-synth",
        abstract: "Write a synthetic district: schools.csv and inspectors.csv (生成模拟区县数据).",
        discussion: """
            Pool shapes: ample (≈1.3× the required headcount eligible), tight (exactly the required \
            headcount, full-time share just met), short (≈75%: recruits needed, full-time ones too), \
            short-of-full-time (enough people, ≈10% full-time). The same options and seed always give the \
            same files. Existing files are kept unless --force is given.
            """)

    /// Output folder (created when missing).
    @Argument(help: "Folder to write schools.csv and inspectors.csv into (created when missing).")
    var output: String

    /// Number of schools.
    @Option(help: "Number of schools and kindergartens.")
    var schools: Int = 130

    /// Pool shape.
    @Option(help: "Pool shape: ample, tight, short or short-of-full-time (default ample).")
    var pool: DistrictGenerator.PoolShape = .ample

    /// Seed.
    @Option(help: "Seed of the random choices.")
    var seed: UInt64 = 1

    /// Zone count.
    @Option(help: "Number of responsibility zones (default: about 16 schools per zone).")
    var zones: Int?

    /// Schools per zone.
    @Option(help: "About this many schools per zone, when --zones is not given.")
    var schoolsPerZone: Int = 16

    /// County or urban district.
    @Option(help: "county (towns, ±0.3°) or urban (subdistricts, ±0.08°); default county.")
    var setting: DistrictGenerator.Setting = .county

    /// District name.
    @Option(help: "District name (default: picked from the seed, e.g. 青阳县).")
    var name: String?

    /// Share of inspectors with conflicts.
    @Option(help: "Share of inspectors with schools to recuse from, 0…1.")
    var conflictShare: Double = 0.15

    /// Term start.
    @Option(help: "Start of the planned term, YYYY-MM-DD; dates retirements and term limits.")
    var termStart: String = "2027-09-01"

    /// Chinese headers and values.
    @Flag(help: "Chinese headers and values (学校代码, 幼儿园, 专职, 是 …).")
    var chineseHeaders = false

    /// GB18030 output.
    @Flag(help: "Encode the files as GB18030 (GBK) instead of UTF-8.")
    var gb18030 = false

    /// No coordinates.
    @Flag(help: "Leave out latitude and longitude.")
    var noCoordinates = false

    /// Also write policy.toml.
    @Flag(help: "Also write policy.toml with the term start.")
    var policyToml = false

    /// Also write the previous roster.
    @Option(name: .customLong("previous-roster"),
            help: "Also write previous-roster.csv: the roster in force since the term start, with this share of schools and pool changed since (e.g. 0.05).")
    var previousChurn: Double?

    /// Overwrite.
    @Flag(help: "Overwrite existing files.")
    var force = false

    /// No summary.
    @Flag(name: [.short, .long], help: "Print nothing on success.")
    var quiet = false

    /// Validates the options that ArgumentParser cannot.
    func validate() throws {
        guard Day(iso: termStart) != nil else {
            throw ValidationError("--term-start \(termStart) is not a date: use YYYY-MM-DD, e.g. 2027-09-01")
        }
        if let previousChurn, !(0...0.5).contains(previousChurn) {
            throw ValidationError("--previous-roster \(previousChurn) is not a share between 0 and 0.5: use e.g. 0.05")
        }
    }

    /// Generates, writes, and prints a summary.
    func run() throws {
        guard let start = Day(iso: termStart) else { throw ValidationError("bad --term-start \(termStart)") }
        var config = DistrictGenerator.Configuration(
            schools: schools, pool: pool, seed: seed, termStart: start,
            zoning: zones.map { .count($0) } ?? .schoolsPerZone(schoolsPerZone), setting: setting,
            coordinates: !noCoordinates, conflictShare: conflictShare)
        config.districtName = name
        config.previousChurn = previousChurn
        let clock = ContinuousClock()
        let began = clock.now
        let generated: GeneratedDistrict
        do {
            generated = try DistrictGenerator(config).generate()
        } catch {
            throw ValidationError(error.description)
        }
        let elapsed = clock.now - began
        let files = try SampleFolder(
            path: output, language: chineseHeaders ? .chinese : .english, encoding: gb18030 ? .gb18030 : .utf8,
            policyFile: policyToml, overwrite: force
        ).write(generated)
        if !quiet {
            print("\(generated.district.name): wrote \(files.joined(separator: ", ")) (generated in \(milliseconds(elapsed)) ms)")
            print(DistrictSummary(district: generated.district, policy: generated.policy))
        }
    }

    private func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String((ms * 10).rounded() / 10)
    }
}

extension DistrictGenerator.PoolShape: ExpressibleByArgument {}
extension DistrictGenerator.Setting: ExpressibleByArgument {}
