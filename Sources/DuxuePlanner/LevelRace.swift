import DuxueConcurrency
import DuxueMIP
import Foundation

/// The search of a level that the heuristic did not settle: two branch-and-bound runs, synchronised at
/// barriers so that the roster depends only on the input, never on the pace of the runs (the idea of
/// CPLEX's deterministic parallel mode).
///
/// - **Run A** (this thread): the warm dive from the incumbent for ``PlannerOptions/warmStartNodes``
///   nodes, then a cold ``SearchStrategy/pseudocost`` run.
/// - **Run B** (a second thread), started when run A leaves the root unproven (most levels settle at
///   the root and never start it): a cold ``SearchStrategy/lastColumnsFirst`` run.
///
/// Each run counts its own work (simplex iterations plus nodes, a count, not a clock) and stops at a
/// barrier every ``PlannerOptions/barrierWork`` units of it. The runs exchange nothing between
/// barriers: at barrier *k* the board decides, from each run's best value, bound and nodes at its own
/// barrier *k* (a finished run counts with its final state), whether the level is proven (the best value
/// meets the best bound) or its work budget spent; only then do the runs stop. A run that proves the
/// level alone (its tree exhausted) ends it with its own roster: run A's at once, without waiting for run
/// B (which may be in its root LP, where GLPK calls no callback, and is left to stop at its next one);
/// run B's is seen by run A at A's next barrier. The level's roster is the better of the two, run A's on
/// equal value. Every decision depends only on each run's own sequence of nodes, so the roster is the
/// same when the runs go side by side on two cores (``PlannerOptions/concurrentSearch``) or take turns
/// between barriers on one thread at a time (batches, the server), and on every run.
///
/// What still depends on the clock: a user's time limit (GLPK's own) and a stop request (Ctrl-C) stop
/// the runs where they are; the plan then says its roster is not reproducible.
///
/// A fault of one run does not throw away the other's roster: run B goes on to its own end when run A
/// fails, and the level keeps run A's roster when run B fails, with the fault recorded
/// (``Solution/fault``). When no run holds a roster, the level keeps the incumbent and says it faulted.
extension LevelSearch {
    /// Runs the two synchronised runs from `incumbent` within `timeLimit` seconds.
    func race(incumbent: [Double], timeLimit: Double?) -> Solution {
        let clock = Stopwatch()
        let board = LevelRace(
            sense: sense, interval: options.barrierWork, nodeBudget: nodeBudget,
            together: options.concurrentSearch, report: base.progress)
        let deadline: @Sendable () -> Double? = { timeLimit.map { max(0.05, $0 - clock.seconds) } }
        let second = SecondRun()
        let model = self.model, solver = self.solver
        var coldOptions = base
        coldOptions.strategy = .lastColumnsFirst
        let startSecond: @Sendable () -> Void = { [coldOptions] in
            guard board.startSecond() else { return }
            second.start {
                guard board.mayStart(run: 1) else { return nil }
                var options = coldOptions
                options.timeLimit = deadline()
                options.progress = board.watcher(run: 1)
                do {
                    return board.finished(run: 1, try solver.solve(model, options: options))
                } catch {
                    board.failed(run: 1)
                    throw error
                }
            }
        }
        let coldStart = options.coldStart, warmNodes = options.warmStartNodes
        if coldStart, eager { startSecond() }
        var warm = base
        warm.incumbent = incumbent
        warm.strategy = .dive
        warm.timeLimit = deadline()
        warm.progress = board.watcher(run: 0) { snapshot -> SearchStop? in
            // Past the root without a proof: this level needs a search, so start run B beside it.
            if coldStart, snapshot.nodes >= 2 { startSecond() }
            // The warm run's own share, in nodes: then run A goes on cold (its own decision).
            return snapshot.nodes >= warmNodes ? .workLimit : nil
        }
        var first: Result<Solution, any Error>
        var warmResult: Solution?
        do {
            var best = try solver.solve(model, options: warm)
            warmResult = best
            if coldStart, !board.isOver, !proven(best), best.termination == .workLimit {
                startSecond()
                var cold = base
                cold.strategy = .pseudocost
                cold.timeLimit = deadline()
                cold.progress = board.watcher(run: 0)
                let run = try solver.solve(model, options: cold)
                // The warm run ended by its own share; why the cold run ended is why run A did.
                best = merge(best, run)
                best.termination = run.termination
            }
            first = .success(board.finished(run: 0, best))
        } catch {
            if let warmResult, warmResult.hasSolution {
                // Run A's cold run failed: its warm roster counts, beside run B's.
                first = .success(board.finished(run: 0, keeping(warmResult, after: error)))
            } else {
                // Run A failed: run B, if it started, goes on to its own end and its roster is the level's.
                board.failed(run: 0)
                first = .failure(error)
            }
        }
        // Run A proved the level alone: run B cannot change it, and may be deep in its root LP, where
        // GLPK calls no callback. It is told to stop and not waited for; its thread ends at its next
        // callback and its result is dropped (only its work up to the last barrier is counted).
        let decided: Bool
        if case .success(let a) = first { decided = proven(a) } else { decided = false }
        let other = decided ? nil : second.join()
        var result: Solution
        switch (first, other) {
        case (.success(let a), nil): result = a
        case (.success(let a), .success(let b)?): result = b.map { merge(a, $0) } ?? a
        case (.success(let a), .failure(let fault)?):
            result = keeping(a, after: fault)
        case (.failure(let fault), .success(let b?)?) where b.hasSolution:
            result = keeping(b, after: fault)
        case (.failure(let fault), _):
            result = faulted(fault, incumbent: incumbent)
        }
        if decided { result.nodes += board.countedNodes(run: 1) }
        result = board.stopReason == SearchStop.workLimit ? ended(result, by: .workLimit) : finished(result)
        result.seconds = clock.seconds
        return result
    }
}

/// The board of one level's race: each run's state at each barrier, the decisions taken there, and the
/// turns when the runs may not go at the same time. Every run's progress callback goes through
/// ``watcher(run:extra:)``.
final class LevelRace: Sendable {
    /// A run's state at a barrier (or at its end).
    struct Mark: Sendable {
        var incumbent: Double?
        var bound: Double
        var nodes: Int
    }

    private struct State {
        /// The runs' states at the barriers not yet decided (barrier → mark), A first.
        var marks: [[Int: Mark]] = [[:], [:]]
        /// The last barrier each run has reached.
        var reached = [0, 0]
        /// Each run's work and nodes carried from its earlier solves (run A's warm run).
        var carried = [(work: 0, nodes: 0), (work: 0, nodes: 0)]
        /// Each run's work and nodes at its last callback in the current solve.
        var current = [(work: 0, nodes: 0), (work: 0, nodes: 0)]
        /// A finished run's final state, which counts at every later barrier.
        var ended: [Mark?] = [nil, nil]
        /// Run B's first barrier, once started (`nil`: not started, so it takes no part).
        var joined: Int?
        /// Barriers decided so far.
        var decided = 0
        /// Each run's nodes at the last decided barrier.
        var decidedNodes = [0, 0]
        /// The barrier decision that ended the level, and why.
        var stop: SearchStop?
        /// A run proved the level alone: every other run stops at once.
        var abandoned = false
        /// The user asked to stop (not a barrier decision: it depends on the clock).
        var interrupted: SearchStop?
        /// Each run's last snapshot, for the progress line.
        var live: [SolveProgress?] = [nil, nil]
    }

    private let sense: ObjectiveSense
    private let interval: Int
    private let nodeBudget: Int?
    private let together: Bool
    private let report: (@Sendable (SolveProgress) -> SearchStop?)?
    private let state = Locked(State())

    /// A board for a level of `sense` with a barrier every `interval` units of work of each run, the
    /// level's work budget in nodes (both runs together, counted at barriers), whether the runs go side
    /// by side (`together`) or take turns, and the caller's progress callback (progress line and stop
    /// requests), called with the merged picture of both runs.
    init(sense: ObjectiveSense, interval: Int, nodeBudget: Int?, together: Bool,
         report: (@Sendable (SolveProgress) -> SearchStop?)?) {
        self.sense = sense
        self.interval = max(1, interval)
        self.nodeBudget = nodeBudget
        self.together = together
        self.report = report
    }

    /// Whether the level is decided (proven, budget spent) or abandoned, so no run should go on.
    var isOver: Bool { state.withLock { $0.stop != nil || $0.abandoned || $0.interrupted != nil } }

    /// The barrier decision that ended the level, if one did.
    var stopReason: SearchStop? { state.withLock { $0.stop } }

    /// Run `run`'s nodes at the last decided barrier (what a decided level counts of a run it did not
    /// wait for).
    func countedNodes(run: Int) -> Int { state.withLock { $0.decidedNodes[run] } }

    /// Marks run B as started, once: it takes part from run A's next barrier on. Returns `false` when it
    /// was started already or the level is over.
    func startSecond() -> Bool {
        state.update { state in
            guard state.joined == nil, state.stop == nil, !state.abandoned, state.ended[0] == nil else { return false }
            state.joined = state.reached[0] + 1
            state.reached[1] = state.reached[0]
            return true
        }
    }

    /// Waits until run `run` may begin its search (its turn, when the runs take turns); `false` when the
    /// level is over before it began.
    func mayStart(run: Int) -> Bool {
        let go = waitForTurn(run: run, interval: state.withLock { $0.reached[run] + 1 }) == nil
        if !go { state.update { $0.ended[run] = $0.ended[run] ?? Mark(incumbent: nil, bound: .nan, nodes: 0) } }
        return go
    }

    /// Waits until run `run` may go into the stretch before barrier `interval` (or the level is over)
    /// and returns why it stops, if it does. Asks the caller every 50 ms while waiting, so that a stop
    /// request is seen even while the other run is in its root LP and calls no callback.
    private func waitForTurn(run: Int, interval: Int) -> SearchStop? {
        while true {
            let ready: (State) -> Bool = { self.mayRun(run, interval: interval, in: $0) }
            let outcome: SearchStop?? = state.wait(until: ready, timeout: 0.05) { (value: inout State) -> SearchStop? in
                Self.quit(value)
            }
            if let outcome { return outcome }
            let picture = state.withLock { self.merged(in: $0, fallback: -.infinity) }
            if let report, let stop = report(picture) {
                state.update { $0.interrupted = $0.interrupted ?? stop }
                return stop
            }
        }
    }

    /// The progress callback of run `run` for one solve: counts its work, stops it at each barrier it
    /// reaches until the barrier is decided (and, taking turns, until its turn), and says why the run
    /// should stop — the level is decided, the user asked — or what `extra` says (run A's own warm
    /// share), or `nil` to go on. Work and nodes continue from the run's earlier solves.
    func watcher(run: Int, extra: (@Sendable (SolveProgress) -> SearchStop?)? = nil)
        -> @Sendable (SolveProgress) -> SearchStop?
    {
        let carried = state.withLock { state in
            state.carried[run] = (state.carried[run].work + state.current[run].work,
                                  state.carried[run].nodes + state.current[run].nodes)
            state.current[run] = (0, 0)
            return state.carried[run]
        }
        return { [self] snapshot in
            let work = carried.work + snapshot.iterations + snapshot.nodes
            let mark = Mark(incumbent: snapshot.incumbent, bound: snapshot.bound, nodes: carried.nodes + snapshot.nodes)
            if let stop = show(run: run, snapshot: snapshot, mark: mark) { return stop }
            if let stop = arrive(run: run, work: work, mark: mark) { return stop }
            return extra?(snapshot)
        }
    }

    /// A finished run's result, recorded: its final state counts at every later barrier, and a run that
    /// proved the level alone ends the race.
    func finished(run: Int, _ solution: Solution) -> Solution {
        state.update { state in
            let proven = solution.primal == .optimal
                || (solution.hasSolution && sense.meets(solution.objective, bound: solution.bound))
            state.ended[run] = Mark(incumbent: solution.hasSolution ? solution.objective : nil,
                                    bound: proven ? solution.objective : solution.bound,
                                    nodes: state.carried[run].nodes + state.current[run].nodes)
            // Run A proved the level alone: no barrier after its last one is decided (run B may have
            // reached the next one or not, by its pace), so the level counts run B's work up to there.
            if proven, run == 0 { state.abandoned = true }
            decide(&state)
        }
        return solution
    }

    /// A failed run: it counts at every later barrier with no roster and no bound.
    func failed(run: Int) {
        state.update { state in
            state.ended[run] = Mark(incumbent: nil, bound: .nan, nodes: state.carried[run].nodes + state.current[run].nodes)
            decide(&state)
        }
    }

    /// Records the run's snapshot for the progress line and asks the caller whether to stop.
    private func show(run: Int, snapshot: SolveProgress, mark: Mark) -> SearchStop? {
        guard let report else { return nil }
        let merged = state.withLock { state in
            state.live[run] = SolveProgress(incumbent: mark.incumbent, bound: mark.bound, gap: nil, nodes: mark.nodes)
            return self.merged(in: state, fallback: snapshot.bound)
        }
        if let stop = report(merged) {
            state.update { $0.interrupted = $0.interrupted ?? stop }
            return stop
        }
        return nil
    }

    /// The merged picture of both runs' last snapshots, for the progress line.
    private func merged(in state: State, fallback: Double) -> SolveProgress {
        let live = state.live.compactMap { $0 }
        let incumbent = best(live.compactMap(\.incumbent))
        let bound = tightest(live.map(\.bound)) ?? fallback
        let gap = incumbent.map { abs($0 - bound) / max(1, abs($0)) }
        return SolveProgress(incumbent: incumbent, bound: bound, gap: gap, nodes: live.map(\.nodes).reduce(0, +))
    }

    /// Records the barriers run `run` has reached with `work`, waits until each is decided and it is the
    /// run's turn, and returns why the run stops there, if it does.
    private func arrive(run: Int, work: Int, mark: Mark) -> SearchStop? {
        // Every callback: the run's work so far; only a new barrier changes what the other run waits for.
        let (reached, known, stop): (Int, Int, SearchStop?) = state.withLock { state in
            state.current[run] = (work - state.carried[run].work, mark.nodes - state.carried[run].nodes)
            let offset = run == 0 ? 0 : (state.joined ?? 1) - 1
            return (offset + work / interval, state.reached[run], Self.quit(state))
        }
        guard reached > known else { return stop }
        state.update { state in
            for k in (state.reached[run] + 1)...reached { state.marks[run][k] = mark }
            state.reached[run] = reached
            decide(&state)
        }
        return waitForTurn(run: run, interval: reached + 1)
    }

    /// Why every run should stop now, if the level is over.
    private static func quit(_ state: State) -> SearchStop? {
        if let stop = state.interrupted { return stop }
        if let stop = state.stop { return stop }
        return state.abandoned ? .stoppedByOtherRun : nil
    }

    /// Whether run `run` may go on into the stretch before barrier `interval`: the barrier before it
    /// is decided and, when the runs take turns, run B waits for run A to reach the barrier first. An
    /// ended level lets every run go (to stop).
    private func mayRun(_ run: Int, interval: Int, in state: State) -> Bool {
        if Self.quit(state) != nil { return true }
        guard state.decided >= interval - 1 || (run == 1 && interval == state.joined) else { return false }
        if together || run == 0 { return true }
        return state.reached[0] >= interval || state.ended[0] != nil
    }

    /// Takes every barrier decision whose marks are all in: proven when the best value of both runs
    /// meets the tightest bound, out of budget when their nodes together reach it.
    private func decide(_ state: inout State) {
        while state.stop == nil, !state.abandoned {
            let k = state.decided + 1
            let second = state.joined.map { $0 <= k } ?? false
            // With every run that takes part ended, no run waits for a decision any more.
            if state.ended[0] != nil, !second || state.ended[1] != nil { return }
            guard let a = state.marks[0][k] ?? state.ended[0] else { return }
            var marks = [a]
            if second {
                guard let b = state.marks[1][k] ?? state.ended[1] else { return }
                marks.append(b)
            }
            state.decided = k
            state.decidedNodes[0] = a.nodes
            if second { state.decidedNodes[1] = marks[1].nodes }
            for run in 0..<2 { state.marks[run][k] = nil }
            if let incumbent = best(marks.compactMap(\.incumbent)), let bound = tightest(marks.map(\.bound)),
                sense.meets(incumbent, bound: bound)
            {
                state.stop = .stoppedByOtherRun
            } else if let nodeBudget, marks.map(\.nodes).reduce(0, +) >= nodeBudget {
                state.stop = .workLimit
            }
        }
    }

    private func best(_ values: [Double]) -> Double? {
        let finite = values.filter(\.isFinite)
        return sense == .minimize ? finite.min() : finite.max()
    }

    private func tightest(_ bounds: [Double]) -> Double? {
        let finite = bounds.filter(\.isFinite)
        return sense == .minimize ? finite.max() : finite.min()
    }
}

/// Run B of a race: started at most once, on a solver thread (``SolverThreads``), and joined for its
/// result — or left to end by itself when run A has proven the level.
final class SecondRun: Sendable {
    private let started = Locked(false)
    private let outcome = Locked<Result<Solution?, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `body` on a new thread unless a run was started already; `body` returns `nil` when it
    /// never searched (the level was over before its turn).
    func start(_ body: @escaping @Sendable () throws -> Solution?) {
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

    /// Waits for the run, if one was started, and returns its solution (`nil` if it never searched) or
    /// its error.
    func join() -> Result<Solution?, any Error>? {
        guard started.withLock({ $0 }) else { return nil }
        done.wait()
        return outcome.withLock { $0 }
    }
}
