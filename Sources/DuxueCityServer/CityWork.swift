import DuxueConcurrency
import DuxueServer
import Foundation

/// A bounded pool for slow work (bcrypt, reviewing an uploaded workbook): at most ``running`` jobs at
/// once, each on a thread started by ``SolverThreads`` (the one thread helper), at most ``queueLimit``
/// more waiting in order; beyond that a job is refused at once with 503, so a burst of anonymous logins
/// can neither start threads without bound nor queue without bound.
final class CityWork: Sendable {
    /// The server's pool: two jobs per core running, 32 per core waiting — room for a city's morning burst
    /// of logins (the load test's 51 at once met 503 with eight per core), still a bound on an anonymous flood.
    static let shared = CityWork(running: 2 * ProcessInfo.processInfo.activeProcessorCount,
                                 queueLimit: 32 * ProcessInfo.processInfo.activeProcessorCount)

    /// Jobs running at most.
    let running: Int
    /// Jobs waiting at most.
    let queueLimit: Int
    private let state = Locked<(active: Int, waiting: [@Sendable () -> Void])>((0, []))

    /// A pool with these limits.
    init(running: Int, queueLimit: Int) {
        self.running = max(1, running)
        self.queueLimit = max(0, queueLimit)
    }

    /// Jobs running and waiting now.
    var load: (active: Int, waiting: Int) { state.withLock { ($0.active, $0.waiting.count) } }

    private enum Admission { case start, queued, full }

    /// Runs `body` on a worker thread when one is free; throws a 503 answer when the queue is full.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job: @Sendable () -> Void = { [self] in
                SolverThreads.start {
                    let result = Result { try body() }
                    self.finished()
                    continuation.resume(with: result)
                }
            }
            let admission = state.withLock { state -> Admission in
                if state.active < running {
                    state.active += 1
                    return .start
                }
                guard state.waiting.count < queueLimit else { return .full }
                state.waiting.append(job)
                return .queued
            }
            switch admission {
            case .start: job()
            case .queued: break
            case .full:
                continuation.resume(throwing: Failure(status: .serviceUnavailable, code: "busy",
                                                          message: "服务器繁忙，请稍后再试 / the server is busy: try again shortly"))
            }
        }
    }

    /// A job ended: the next waiting one takes its place.
    private func finished() {
        let next = state.withLock { state -> (@Sendable () -> Void)? in
            if state.waiting.isEmpty {
                state.active -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?()
    }
}
