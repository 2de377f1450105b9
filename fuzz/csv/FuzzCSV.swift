import DuxueDomain
import DuxueInput

/// libFuzzer entry: arbitrary bytes as a schools.csv — the CSV reader, then the district validation.
/// Any outcome but a crash, a hang or a leak is fine; errors are what bad input should produce.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var reader = CSVReader(text: text)
    while true {
        do {
            guard try reader.next() != nil else { break }
        } catch {
            continue
        }
    }
    let inspectors = "id,name,employment,status,consecutive_terms,zone,conflicts\nD1,W,专职,在职,0,E,S1\n"
    guard let termStart = Day(year: 2026, month: 9, day: 1) else { return 0 }
    let policy = Policy(termStart: termStart)
    _ = try? DistrictReader.read(schoolsCSV: text, inspectorsCSV: inspectors, name: "fuzz", policy: policy)
    _ = try? DistrictReader.read(schoolsCSV: "id,name,enrollment,zone\nS1,A,1,E\n", inspectorsCSV: text, name: "fuzz",
                                 policy: policy)
    return 0
}

/// libFuzzer's driver, for builds whose `main` is the module's entry point (SwiftPM renames it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point under SwiftPM (which links `main` to `fuzz_csv_main`).
@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzCSV(data, size)
    }
}
