import DuxueDomain
import DuxueInput

/// libFuzzer entry: arbitrary bytes as a policy.toml (TOMLKit's parser, then Duxue's key checks).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let today = Day(year: 2026, month: 9, day: 1) else { return 0 }
    _ = try? PolicyReader.parse(text, file: "policy.toml", name: "fuzz", termStart: nil, today: today)
    return 0
}

/// libFuzzer's driver, for builds whose `main` is the module's entry point (SwiftPM renames it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point under SwiftPM (which links `main` to `fuzz_policy_main`).
@_cdecl("fuzz_policy_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzPolicy(data, size)
    }
}
