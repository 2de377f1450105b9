import Foundation

/// A value behind a pthread mutex (`NSLock`): the one lock type of Duxue. ThreadSanitizer understands
/// it (it does not see the futex inside `Synchronization.Mutex` on Linux, and reports every access under
/// one as a race).
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Guards `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, under the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
