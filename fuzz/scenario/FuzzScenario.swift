import DuxueCompare
import DuxueDomain

/// A small district for the scenario edits to name: two zones, four schools, two inspectors.
let fuzzDistrict: District = {
    let schools = (1...4).compactMap { n -> School? in
        guard let id = School.ID("S\(n)"), let zone = Zone(n <= 2 ? "东区" : "西区") else { return nil }
        return School(id: id, name: "学校\(n)", enrollment: 300 * n, zone: zone)
    }
    let inspectors = (1...2).compactMap { n -> Inspector? in
        guard let id = Inspector.ID("I\(n)"), let zone = Zone(n == 1 ? "东区" : "西区") else { return nil }
        return Inspector(id: id, name: "督学\(n)", employment: n == 1 ? .fullTime : .partTime, status: .inService,
                         consecutiveTerms: 0, zone: zone)
    }
    return District(name: "fuzz", schools: schools, inspectors: inspectors)
}()

/// libFuzzer entry: arbitrary bytes as a `duxue compare` scenario file (the TOML guard, TOMLKit's
/// parser, then the policy keys and the data edits against a small district).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, let today = Day(year: 2026, month: 9, day: 1) else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ScenarioReader.parse(text, file: "scenario.toml", district: fuzzDistrict, policy: Policy(termStart: today))
    return 0
}

/// libFuzzer's driver, for builds whose `main` is the module's entry point (SwiftPM renames it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point under SwiftPM (which links `main` to `fuzz_scenario_main`).
@_cdecl("fuzz_scenario_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzScenario(data, size)
    }
}
