import DuxueTOML

/// libFuzzer entry: arbitrary bytes through the TOML reader, as bytes and as (lossily decoded) text.
/// Besides not crashing, a document that parses must have every position inside the text, and must
/// read back to the same values when written out as TOML (``TOMLValue/description``); an error's
/// position must be inside the text too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(bytes)
    check(Array(String(decoding: bytes, as: UTF8.self).utf8))
    return 0
}

/// Parses `bytes` and checks the result; traps (a finding) when an invariant does not hold.
func check(_ bytes: [UInt8]) {
    let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
    let table: TOMLTable
    do {
        table = try TOMLParser.parse(bytes: bytes)
    } catch {
        precondition(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                     "error outside the text: \(error)")
        precondition(!error.english.isEmpty && !error.chinese.isEmpty, "error without a message")
        return
    }
    precondition(positionsInside(.table(table), lines: lines), "a position outside the text")
    let written = "v = \(TOMLValue.table(table))"
    do {
        let reread = try TOMLParser.parse(written)
        precondition((reread["v"]?.value ?? .boolean(false)).isSame(as: .table(table)), "values change when written out: \(written)")
    } catch {
        // Written out inside `v = …`, the deepest documents go one level past the limit.
        guard case .tooDeep = error.reason else { preconditionFailure("written-out document rejected: \(error)\n\(written)") }
    }
}

/// Whether every key and value of `value` is at line 1…`lines`, column 1 or more.
func positionsInside(_ value: TOMLValue, lines: Int) -> Bool {
    func inside(_ position: TOMLPosition) -> Bool { position.line >= 1 && position.line <= lines && position.column >= 1 }
    switch value {
    case .array(let elements):
        return elements.allSatisfy { inside($0.position) && positionsInside($0.value, lines: lines) }
    case .table(let table):
        return table.entries.allSatisfy {
            inside($0.keyPosition) && inside($0.node.position) && positionsInside($0.node.value, lines: lines)
        }
    default:
        return true
    }
}

/// libFuzzer's driver, for builds whose `main` is the module's entry point (SwiftPM renames it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The executable's entry point under SwiftPM (which links `main` to `fuzz_toml_main`).
@_cdecl("fuzz_toml_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzTOML(data, size)
    }
}
