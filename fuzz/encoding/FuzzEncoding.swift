import DuxueInput

/// libFuzzer entry: arbitrary bytes through encoding detection and decoding (UTF-8, BOM, GB18030 via
/// iconv, UTF-16/32 and binary rejection, mixed-encoding detection).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let decoded = try? TextDecoding.decode(bytes) {
        // What was decoded must encode back without a crash.
        _ = try? TextEncoding.encode(decoded.text, as: .gb18030)
    }
    return 0
}

/// libFuzzer's driver, for builds whose `main` is the module's entry point (SwiftPM renames it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point under SwiftPM (which links `main` to `fuzz_encoding_main`).
@_cdecl("fuzz_encoding_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzEncoding(data, size)
    }
}
