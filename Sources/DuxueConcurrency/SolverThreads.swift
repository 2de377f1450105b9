import Foundation

/// The one way Duxue starts threads for solver work: a thread of its own with a large stack (GLPK's
/// branch-and-cut recurses deeply), one GLPK environment per thread.
public enum SolverThreads {
    /// The stack each solver thread gets.
    public static let stackSize = 16 << 20

    /// Starts `body` on a new solver thread.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = stackSize
        thread.start()
    }

    /// Runs `body` for 0..<count on up to `jobs` solver threads, each taking the next index; the results
    /// come back in index order. With one job (or one item) it runs on the calling thread.
    public static func map<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = min(max(1, jobs), count)
        guard workers > 1 else { return (0..<count).map(body) }
        let next = Locked(0)
        let slots = Locked([T?](repeating: nil, count: count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            start {
                while let index = next.withLock({ value -> Int? in
                    guard value < count else { return nil }
                    value += 1
                    return value - 1
                }) {
                    let result = body(index)
                    slots.withLock { $0[index] = result }
                }
                group.leave()
            }
        }
        group.wait()
        return slots.withLock { $0.compactMap { $0 } }
    }
}
