import DuxueConcurrency
import DuxueMIP
import Foundation

/// The concurrent form of ``LevelSearch`` for a machine with two or more cores: the same strategies,
/// but side by side instead of in turn, so that no run is cut off and restarted.
///
/// - **Run A** (this thread): the warm dive from the incumbent for `warmStartSeconds`, then a cold
///   ``SearchStrategy/pseudocost`` run for the rest of the time.
/// - **Run B** (a second thread), started as soon as run A has left the root unproven (most levels
///   settle at the root and never start it): a cold ``SearchStrategy/lastColumnsFirst`` run.
///
/// Both runs report to one ``LevelRace`` board: the best value found by any run and the best bound
/// proven by any run. The level is proven as soon as the best value meets the bound (the objectives are
/// integral), and every run still going is then stopped (``Termination/stoppedByOtherRun``). The result
/// is the best roster of all runs, with the tightest bound; its seconds are the level's wall time.
///
/// A fault of one run does not throw away the other's roster: run B goes on to its own end when run A
/// fails, and the level keeps run A's roster when run B fails, with the fault recorded
/// (``Solution/fault``). When no run holds a roster, the level keeps the incumbent and says it faulted.
extension LevelSearch {
    /// Runs the two-thread portfolio from `incumbent` within `timeLimit` seconds.
    func race(incumbent: [Double], timeLimit: Double?) -> Solution {
        let clock = Stopwatch()
        // The level's work budget counts the nodes of every run together (the board's merged picture).
        let board = LevelRace(sense: sense, report: counted(base, after: 0).progress)
        let deadline: @Sendable () -> Double? = { timeLimit.map { max(0.05, $0 - clock.seconds) } }
        let second = SecondRun()
        let model = self.model, solver = self.solver
        var coldOptions = base
        coldOptions.strategy = .lastColumnsFirst
        coldOptions.progress = board.watcher(run: 1)
        let startSecond: @Sendable () -> Void = { [coldOptions] in
            second.startOnce {
                var options = coldOptions
                options.timeLimit = deadline()
                // Recorded at once, so that a proof here stops run A without waiting for the join.
                return board.settled(try solver.solve(model, options: options))
            }
        }

        var warm = base
        warm.incumbent = incumbent
        warm.strategy = .dive
        warm.timeLimit = min(deadline() ?? .infinity, options.warmStartSeconds)
        let watchWarm = board.watcher(run: 0)
        warm.progress = { snapshot in
            // Past the root without a proof: this level needs a search, so start run B beside it.
            if snapshot.nodes >= 2 { startSecond() }
            return watchWarm(snapshot)
        }
        var first: Result<Solution, any Error>
        do {
            var best = board.settled(try solver.solve(model, options: warm))
            if !board.isOver, !proven(best), best.termination.isBudgetStop, (deadline() ?? 1) > 0.05 {
                startSecond()
                var cold = base
                cold.strategy = .pseudocost
                cold.timeLimit = deadline()
                cold.progress = board.watcher(run: 2)
                best = merge(best, board.settled(try solver.solve(model, options: cold)))
            }
            first = .success(best)
            // Run A has ended: proven, out of time, or stopped by request; run B ends for the same reasons.
            board.abandon()
        } catch {
            // Run A failed: run B, if it started, goes on to its own end and its roster is the level's.
            first = .failure(error)
        }
        // Run A proved the level alone: run B cannot change it, and may be deep in its root LP, where
        // GLPK calls no callback. It is told to stop (the board is over) and not waited for; its
        // thread ends at its next callback and its result is dropped.
        let decided: Bool
        if case .success(let a) = first { decided = proven(a) } else { decided = false }
        let other = decided ? second.resultIfFinished() : second.join()
        var result: Solution
        switch (first, other) {
        case (.success(let a), nil): result = a
        case (.success(let a), .success(let b)?): result = merge(a, b)
        case (.success(let a), .failure(let fault)?):
            result = keeping(a, after: fault)
        case (.failure(let fault), .success(let b)?) where b.hasSolution:
            result = keeping(b, after: fault)
        case (.failure(let fault), _):
            result = faulted(fault, incumbent: incumbent)
        }
        result = finished(result)
        result.seconds = clock.seconds
        return result
    }
}

/// The board the runs of one level share: best value, best bound, whether the level is proven, and
/// whether the user asked to stop. Every run's progress callback goes through ``watcher(run:)``.
final class LevelRace: Sendable {
    private struct State {
        var incumbent: Double?
        var bound: Double?
        var nodes: [Int: Int] = [:]
        var over = false
    }

    private let sense: ObjectiveSense
    private let report: (@Sendable (SolveProgress) -> SearchStop?)?
    private let state = Locked(State())

    /// A board for a level of `sense`; `report` is the caller's progress callback (progress line and
    /// stop requests), called with the merged picture of all runs.
    init(sense: ObjectiveSense, report: (@Sendable (SolveProgress) -> SearchStop?)?) {
        self.sense = sense
        self.report = report
    }

    /// Whether the level is proven, or abandoned, so no run should go on.
    var isOver: Bool { state.withLock { $0.over } }

    /// Tells every run still going to stop.
    func abandon() { state.withLock { $0.over = true } }

    /// The progress callback of run `run`: records its snapshot, reports the merged picture, and says
    /// why the run should stop (the user asked, or the level is settled), or `nil` to go on.
    func watcher(run: Int) -> @Sendable (SolveProgress) -> SearchStop? {
        { [self] snapshot in
            let merged: SolveProgress = state.withLock { state in
                record(snapshot.incumbent, bound: snapshot.bound, in: &state)
                state.nodes[run] = snapshot.nodes
                let gap = state.incumbent.flatMap { value in
                    state.bound.map { abs(value - $0) / max(1, abs(value)) }
                }
                return SolveProgress(
                    incumbent: state.incumbent, bound: state.bound ?? snapshot.bound, gap: gap,
                    nodes: state.nodes.values.reduce(0, +))
            }
            if let report, let stop = report(merged) {
                state.withLock { $0.over = true }
                return stop
            }
            return isOver ? .stoppedByOtherRun : nil
        }
    }

    /// A finished run's result, recorded on the board (its value and bound count for the level).
    func settled(_ solution: Solution) -> Solution {
        state.withLock { record(solution.hasSolution ? solution.objective : nil, bound: solution.bound, in: &$0) }
        return solution
    }

    /// Keeps the better value and the tighter bound; marks the level over when they meet.
    private func record(_ incumbent: Double?, bound: Double, in state: inout State) {
        let minimize = sense == .minimize
        if let incumbent, incumbent.isFinite {
            state.incumbent = state.incumbent.map { minimize ? min($0, incumbent) : max($0, incumbent) } ?? incumbent
        }
        if bound.isFinite {
            state.bound = state.bound.map { minimize ? max($0, bound) : min($0, bound) } ?? bound
        }
        if let value = state.incumbent, let bound = state.bound,
            LevelSearch.meets(value, bound: bound, sense: sense)
        {
            state.over = true
        }
    }
}

/// Run B of a race: started at most once, on a thread of its own with a large stack (GLPK's
/// branch-and-cut recurses), and joined for its result — or left to end by itself when run A has
/// proven the level.
final class SecondRun: Sendable {
    private let started = Locked(false)
    private let outcome = Locked<Result<Solution, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `body` on a new thread unless a run was started already.
    func startOnce(_ body: @escaping @Sendable () throws -> Solution) {
        let first = started.withLock { started -> Bool in
            defer { started = true }
            return !started
        }
        guard first else { return }
        SolverThreads.start { [self] in
            let result = Result { try body() }
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// The run's solution or error if it has ended, without waiting; `nil` when none was started or it
    /// is still running.
    func resultIfFinished() -> Result<Solution, any Error>? {
        outcome.withLock { $0 }
    }

    /// Waits for the run, if one was started, and returns its solution or its error.
    func join() -> Result<Solution, any Error>? {
        guard started.withLock({ $0 }) else { return nil }
        done.wait()
        return outcome.withLock { $0 }
    }
}
