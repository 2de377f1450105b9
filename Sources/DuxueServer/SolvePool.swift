import DuxueConcurrency
import DuxuePlanner
import Foundation

/// The solves of the server: at most `limit` at once (the core count), each on a solver thread of its
/// own (``SolverThreads``), the rest waiting in order. Request handlers never run a solve themselves.
final class SolvePool: Sendable {
    /// Planner options for a solve on the pool: each solve has one thread working, so each level's two
    /// runs take turns (the roster is the one `plan` gives).
    static func options(timeLimit: Double? = nil) -> PlannerOptions {
        var options = PlannerOptions(timeLimit: timeLimit)
        options.concurrentSearch = false
        return options
    }

    /// Most solves at once.
    let limit: Int
    private struct State {
        var running = 0
        var waiting: [@Sendable () -> Void] = []
    }
    private let state = Locked(State())

    /// A pool of `limit` solver threads (at least one).
    init(limit: Int = ProcessInfo.processInfo.activeProcessorCount) { self.limit = max(1, limit) }

    /// Starts `work` on a solver thread now, or when one is free.
    func submit(_ work: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            if state.running < limit {
                state.running += 1
                return true
            }
            state.waiting.append(work)
            return false
        }
        if now { launch(work) }
    }

    /// Runs `body` on a solver thread and returns its result to the awaiting request.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Solves running and waiting.
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    private func launch(_ work: @escaping @Sendable () -> Void) {
        SolverThreads.start { [self] in
            work()
            let next = state.withLock { state -> (@Sendable () -> Void)? in
                if state.waiting.isEmpty {
                    state.running -= 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            if let next { launch(next) }
        }
    }
}
