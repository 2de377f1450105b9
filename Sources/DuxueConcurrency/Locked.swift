import Foundation

/// A value behind a pthread mutex (`NSCondition`): the one lock type of Duxue. ThreadSanitizer
/// understands it (it does not see the futex inside `Synchronization.Mutex` on Linux, and reports every
/// access under one as a race). A thread may also wait for the value to reach a state
/// (``wait(until:timeout:then:)``), which ``update(_:)`` wakes it to check again.
public final class Locked<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    /// Guards `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, under the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer { condition.unlock() }
        return try body(&value)
    }

    /// Runs `body` with the value, under the lock, and wakes every thread waiting for the value to
    /// check again whether it is ready.
    public func update<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Waits until `ready` holds for the value, then runs `body` with it under the lock; `ready` is
    /// checked again after every ``update(_:)``. With a `timeout` (seconds) it gives up after that long
    /// and returns `nil` — for conditions the value does not hold, such as a stop request, that the
    /// caller checks between waits.
    public func wait<Result>(until ready: (Value) -> Bool, timeout: Double? = nil,
                             then body: (inout Value) throws -> Result) rethrows -> Result? {
        condition.lock()
        defer { condition.unlock() }
        let limit = timeout.map { Date(timeIntervalSinceNow: $0) }
        while !ready(value) {
            if let limit {
                if !condition.wait(until: limit), !ready(value) { return nil }
            } else {
                condition.wait()
            }
        }
        return try body(&value)
    }
}
