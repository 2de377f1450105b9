import DuxueDomain
import DuxueInput

/// libFuzzer entry: arbitrary bytes as a roster CSV, read and then checked against a small district.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let load = try? RosterReader.read(csv: text) else { return 0 }
    guard let termStart = Day(year: 2026, month: 9, day: 1) else { return 0 }
    let policy = Policy(termStart: termStart)
    if let district = try? DistrictReader.read(
        schoolsCSV: "id,name,enrollment,zone\nS1,A,1,E\nS2,B,2,E\n",
        inspectorsCSV: "id,name,employment,status,consecutive_terms,zone\nD1,W,专职,在职,0,E\n", name: "fuzz",
        policy: policy)
    {
        _ = InputValidation.check(load, against: district.district)
    }
    return 0
}

/// libFuzzer's driver, for builds whose `main` is the module's entry point (SwiftPM renames it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point under SwiftPM (which links `main` to `fuzz_roster_main`).
@_cdecl("fuzz_roster_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzRoster(data, size)
    }
}
