import DuxueMIP
import Foundation
import Synchronization
import Testing

@testable import DuxuePlanner

/// A solver whose runs, one script per strategy, report progress snapshots and then end as scripted;
/// a stalling run keeps searching (its last snapshot, one more node each millisecond) until the caller
/// stops it (or 10 s pass).
final class RacingSolver: MIPSolver, Sendable {
    struct Script: Sendable {
        var snapshots: [SolveProgress]
        var end: Solution?  // nil: stall until stopped
        var fails = false  // the run ends with a solver fault instead
        var gate: DispatchSemaphore? = nil  // the run first waits here without any callback (a root LP)
        var holdUntil: String? = nil  // before it ends, the run waits (≤ 10 s) until this event is logged
        var delay: UInt32 = 0  // microseconds the run sleeps before each callback (a slower run)
    }

    struct Fault: Error, CustomStringConvertible {
        var description: String { "scripted fault" }
    }

    private let scripts: [SearchStrategy: Script]
    private let log = Mutex<[String]>([])

    init(_ scripts: [SearchStrategy: Script]) { self.scripts = scripts }

    /// What happened, in order: "dive", "dive stopped: stopped_by_other_run", "last_columns_first", …
    var events: [String] { log.withLock { $0 } }

    func solve(_ model: Model, options: SolveOptions) throws -> Solution {
        let name = options.strategy.rawValue
        log.withLock { $0.append(name) }
        let script = scripts[options.strategy] ?? Script(snapshots: [], end: nil)
        var last = SolveProgress(incumbent: nil, bound: -.infinity, gap: nil, nodes: 1)
        if let gate = script.gate {
            _ = gate.wait(timeout: .now() + 10)
            log.withLock { $0.append("\(name) left its root") }
        }
        // As GLPK does: the reason the caller gave is the run's termination.
        func stopped(_ reason: SearchStop) -> Solution {
            log.withLock { $0.append("\(name) stopped: \(reason.rawValue)") }
            let value = last.incumbent
            return Solution(termination: Termination(reason), primal: value == nil ? .none : .feasible,
                            values: value.map { [$0] } ?? [], objective: value ?? .nan, bound: last.bound,
                            nodes: last.nodes, seconds: 0)
        }
        for snapshot in script.snapshots {
            last = snapshot
            if script.delay > 0 { usleep(script.delay) }
            if let reason = options.progress?(snapshot) { return stopped(reason) }
        }
        if let awaited = script.holdUntil {
            for _ in 0..<1_000 where !events.contains(awaited) { usleep(10_000) }
        }
        if script.fails { throw Fault() }
        if let end = script.end { return end }
        for _ in 0..<10_000 {
            usleep(1_000)
            last.nodes += 1
            if let reason = options.progress?(last) { return stopped(reason) }
        }
        Issue.record("\(name) was never stopped")
        return stopped(.interrupted)
    }

    func export(_ model: Model, format: ModelFormat, to path: String) throws {}
}

/// The concurrent portfolio (``LevelSearch/race(incumbent:timeLimit:)``): run A warm then pseudocost,
/// run B last-columns-first on a second thread once run A leaves the root; a shared board proves.
@Suite("level search race")
struct LevelRaceTests {
    static func snapshot(_ incumbent: Double?, bound: Double, nodes: Int) -> SolveProgress {
        SolveProgress(incumbent: incumbent, bound: bound, gap: nil, nodes: nodes)
    }

    static func end(_ status: SolveStatus, _ objective: Double, bound: Double) -> Solution {
        Solution(status: status, values: [objective], objective: objective, bound: bound, nodes: 7, seconds: 0)
    }

    /// Options for a race: both runs side by side (`together`) or taking turns, a barrier every 5 nodes.
    static func options(together: Bool = true) -> PlannerOptions {
        var options = PlannerOptions()
        options.concurrentSearch = together
        options.barrierWork = 5
        return options
    }

    static func race(_ solver: RacingSolver, together: Bool = true, sense: ObjectiveSense = .minimize, nodeBudget: Int? = nil,
                     timeLimit: Double? = 30, stop: (@Sendable () -> Bool)? = nil, eager: Bool = false) -> Solution {
        var base = SolveOptions()
        if let stop { base.progress = { _ in stop() ? .interrupted : nil } }
        return LevelSearch(solver: solver, model: Model(name: "level"), sense: sense, options: options(together: together),
                           base: base, nodeBudget: nodeBudget, eager: eager)
            .run(incumbent: [72], timeLimit: timeLimit)
    }

    /// A warm run that ended by its own share of nodes (run A then goes on cold).
    static func share(_ objective: Double, bound: Double) -> Solution {
        Solution(termination: .workLimit, primal: .feasible, values: [objective], objective: objective, bound: bound,
                 nodes: 3, seconds: 0)
    }

    /// A warm run that settles the level at the root never starts the second thread.
    @Test(arguments: [true, false]) func rootProofStartsNoSecondRun(together: Bool) throws {
        let solver = RacingSolver([.dive: .init(snapshots: [], end: Self.end(.optimal, 70, bound: 70))])
        let result = Self.race(solver, together: together)
        #expect(result.status == .optimal)
        #expect(solver.events == ["dive"])
    }

    /// An eager race (relax and fix searched the level without a proof) starts run B with run A, not when
    /// run A leaves the root: here run A's root proves the level only once run B has begun (without
    /// `eager` run B never begins, and run A waits for it in vain).
    @Test func anEagerRaceStartsRunBAtOnce() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [], end: Self.end(.optimal, 70, bound: 70), holdUntil: "last_columns_first"),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69, nodes: 1)], end: nil),
        ])
        let result = Self.race(solver, eager: true)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(solver.events.contains("last_columns_first"))
    }

    /// The dive stalls at 72 over a bound of 70 past the root; run B (last columns first) proves 70,
    /// which stops the dive at its next barrier, and pseudocost never runs.
    @Test(arguments: [true, false]) func secondThreadProvesAndStopsTheDive(together: Bool) throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 70, nodes: 3)], end: nil),
            .lastColumnsFirst: .init(snapshots: [], end: Self.end(.optimal, 70, bound: 70)),
        ])
        let result = Self.race(solver, together: together)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        // The dive was stopped because run B settled the level: said so, not relabelled as out of time.
        #expect(solver.events.contains("dive stopped: stopped_by_other_run"))
        #expect(result.termination == .optimal)
        #expect(!solver.events.contains("pseudocost"))
    }

    /// Neither run proves alone: run B bounds the level by 69.5 and stalls, run A's pseudocost search
    /// finds 70 over its own bound of 68.9; together they prove 70 at a barrier, where both runs stop.
    @Test(arguments: [true, false]) func runsProveTogether(together: Bool) throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.share(72, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)], end: nil),
            .pseudocost: .init(snapshots: [Self.snapshot(72, bound: 68.9, nodes: 2), Self.snapshot(70, bound: 68.9, nodes: 9)], end: nil),
        ])
        let result = Self.race(solver, together: together)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(result.bound == 70)
        // The level needed run B's bound, so the race waited for run B at the barrier and joined it.
        #expect(solver.events.contains("last_columns_first stopped: stopped_by_other_run"))
        #expect(solver.events.contains("pseudocost stopped: stopped_by_other_run"))
    }

    /// The same for a maximised level: 286 found by one run, bound 286.7 from the other; the
    /// objective is integral, so 286 is optimal.
    @Test func maximisedLevelProvenByFloorOfBound() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(280, bound: 300, nodes: 3)], end: Self.share(280, bound: 300)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(284, bound: 286.7, nodes: 4)], end: nil),
            .pseudocost: .init(snapshots: [Self.snapshot(286, bound: 290, nodes: 4)], end: nil),
        ])
        let result = Self.race(solver, sense: .maximize)
        #expect(result.status == .optimal)
        #expect(result.objective == 286)
    }

    /// Ctrl-C stops every run; the level is interrupted with the best roster found.
    @Test(arguments: [true, false]) func stopRequestStopsBothRuns(together: Bool) throws {
        let pressed = Mutex(false)
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.share(71, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)], end: nil),
            .pseudocost: .init(snapshots: [Self.snapshot(71, bound: 69.2, nodes: 2)], end: nil),
        ])
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { pressed.withLock { $0 = true } }
        let result = Self.race(solver, together: together, stop: { pressed.withLock { $0 } })
        #expect(result.status == .interruptedWithSolution)
        #expect(result.termination == .interrupted)
        #expect(result.primal == .feasible)
        #expect(result.objective == 71)
        #expect(solver.events.contains { $0.hasPrefix("last_columns_first stopped") })
        #expect(solver.events.contains { $0.hasPrefix("pseudocost stopped") })
        #expect(solver.events.contains { $0.hasSuffix("stopped: interrupted") })
    }

    /// Run B fails while run A holds a roster: the level keeps run A's roster and records the fault,
    /// rather than throwing both away.
    @Test(arguments: [true, false]) func aFaultOfRunBKeepsRunAsRoster(together: Bool) throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.share(71, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [], end: nil, fails: true),
            .pseudocost: .init(snapshots: [], end: Self.end(.timeLimitWithSolution, 71, bound: 69)),
        ])
        let result = Self.race(solver, together: together)
        #expect(result.objective == 71)
        #expect(result.hasSolution)
        #expect(result.fault == "scripted fault")
        // Not proven, and one run failed: the level says the fault, not the clock.
        #expect(result.termination == .fault)
    }

    /// Run A fails after run B started: run B goes on to its own end (here its time limit, 71 over a
    /// bound of 69.5 — no proof, so nothing stops run A before it fails) and its roster is the level's,
    /// with the fault recorded.
    @Test(arguments: [true, false]) func aFaultOfRunAKeepsRunBsRoster(together: Bool) throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: nil, fails: true),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)],
                                     end: Self.end(.timeLimitWithSolution, 71, bound: 69.5)),
        ])
        let result = Self.race(solver, together: together)
        #expect(result.objective == 71)
        #expect(result.termination == .fault)
        #expect(result.primal == .feasible)
        #expect(result.fault == "scripted fault")
        #expect(!solver.events.contains("pseudocost"))
    }

    /// Run A's cold run fails after its warm run found 71: the level keeps 71 (not the incumbent 72)
    /// and says it faulted.
    @Test func aColdFaultKeepsTheWarmRoster() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.share(71, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [], end: nil, fails: true),
            .pseudocost: .init(snapshots: [], end: nil, fails: true),
        ])
        let result = Self.race(solver)
        #expect(result.objective == 71)
        #expect(result.termination == .fault)
        #expect(result.fault == "scripted fault")
    }

    /// The level's work budget counts both runs' nodes together, at barriers: 5 in the dive and 40 in
    /// run B pass a budget of 30 at the first barrier, so the level ends with the work limit (both runs
    /// stopped there), with the best roster of both.
    @Test(arguments: [true, false]) func workBudgetCountsBothRuns(together: Bool) throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: nil),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 40)], end: nil),
        ])
        let result = Self.race(solver, together: together, nodeBudget: 30)
        #expect(result.termination == .workLimit)
        #expect(result.objective == 71)
        #expect(solver.events.contains("last_columns_first stopped: work_limit"))
        #expect(solver.events.contains("dive stopped: work_limit"))
        #expect(!solver.events.contains("pseudocost"))
    }

    /// The warm run ends by its own share of nodes (a limit of the run, not of the level); when the
    /// level then ends by the clock, it says so: time limit, not work limit.
    @Test func aWarmShareDoesNotMaskTheClock() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.share(72, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [], end: Self.end(.timeLimitWithSolution, 71, bound: 69.5)),
            .pseudocost: .init(snapshots: [], end: Self.end(.timeLimitWithSolution, 71, bound: 69.2)),
        ])
        let result = Self.race(solver)
        #expect(result.termination == .timeLimit)
        #expect(result.objective == 71)
        #expect(result.bound == 69.5)
    }

    /// The clock cuts run A holding a roster of the value run B then proves: the level is proven, but
    /// keeps run A's roster (equal value), which depends on where the clock cut it. The level says so —
    /// termination time limit, solution optimal — so that the plan says its roster is not reproducible.
    @Test func aProofAfterTheClockCutARunSaysTheClock() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(70, bound: 69, nodes: 3)], end: Self.share(70, bound: 69)),
            .pseudocost: .init(snapshots: [], end: Self.end(.timeLimitWithSolution, 70, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [], end: Self.end(.optimal, 70, bound: 70), holdUntil: "pseudocost"),
        ])
        let result = Self.race(solver)
        #expect(result.status == .optimal)
        #expect(result.primal == .optimal)
        #expect(result.objective == 70)
        #expect(result.termination == .timeLimit)
        #expect(result.termination.isClock)
    }

    /// Run A proves the level while run B is still in its root LP, where GLPK calls no callback: the
    /// race returns at once instead of waiting for run B, which stops (stopped by the other run) at its
    /// first callback after the root. (Side by side only: taking turns, run B is not in its root while
    /// run A works.)
    @Test func aDecidedRaceDoesNotWaitForTheOtherRunsRoot() throws {
        let gate = DispatchSemaphore(value: 0)
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 70, nodes: 3)], end: Self.end(.optimal, 70, bound: 70),
                         holdUntil: "last_columns_first"),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)], end: nil, gate: gate),
        ])
        let result = Self.race(solver)
        #expect(result.termination == .optimal)
        #expect(result.objective == 70)
        // Returned while run B was still at its root.
        #expect(solver.events.contains("last_columns_first"))
        #expect(!solver.events.contains("last_columns_first left its root"))
        gate.signal()
        for _ in 0..<500 where !solver.events.contains("last_columns_first stopped: stopped_by_other_run") { usleep(10_000) }
        #expect(solver.events.contains("last_columns_first stopped: stopped_by_other_run"))
    }

    /// A run in its root LP holds the other at the next barrier (its state there is not known yet),
    /// but does not deadlock it: the barrier is decided when the run leaves its root, and the runs
    /// prove the level together.
    @Test(arguments: [true, false]) func aBarrierWaitsForARunInItsRoot(together: Bool) throws {
        let gate = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { gate.signal() }
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3), Self.snapshot(70, bound: 69, nodes: 8)], end: nil),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 6)], end: nil, gate: gate),
        ])
        let result = Self.race(solver, together: together)
        #expect(result.termination == .optimal)
        #expect(result.objective == 70)
        // The dive found 70 before run B left its root, but only run B's bound proves it: the dive
        // waited at its barrier for run B instead of going on or deciding alone.
        #expect(solver.events.contains("last_columns_first left its root"))
        #expect(solver.events.contains("dive stopped: stopped_by_other_run"))
    }

    /// However the runs are paced — one slowed by two milliseconds per callback, or the other, or taking
    /// turns — the race ends at the same barrier with the same roster, bound and nodes: when the runs
    /// prove the level together at a barrier, and when run A proves it alone (run B, which may have
    /// run ahead to the next barrier, counts up to run A's last).
    @Test(arguments: [false, true]) func thePaceOfTheRunsChangesNothing(aloneA: Bool) throws {
        func scripts(slow: SearchStrategy?) -> RacingSolver {
            func delayed(_ strategy: SearchStrategy, _ script: RacingSolver.Script) -> RacingSolver.Script {
                var script = script
                script.delay = strategy == slow ? 2_000 : 0
                return script
            }
            return RacingSolver([
                .dive: delayed(.dive, .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.share(72, bound: 69))),
                .lastColumnsFirst: delayed(.lastColumnsFirst, .init(
                    snapshots: (4...(aloneA ? 200 : 40)).map { Self.snapshot($0 < 30 || aloneA ? 71 : 70, bound: 69.5, nodes: $0) },
                    end: nil)),
                .pseudocost: delayed(.pseudocost, aloneA
                    ? .init(snapshots: (1...30).map { Self.snapshot(71, bound: 68.9, nodes: $0) },
                            end: Self.end(.optimal, 70, bound: 70))
                    : .init(snapshots: (1...60).map { Self.snapshot($0 < 20 ? 71 : 70, bound: 68.9, nodes: $0) }, end: nil)),
            ])
        }
        var outcomes: [[Double]] = []
        for (slow, together) in [(nil, true), (SearchStrategy.lastColumnsFirst, true), (.pseudocost, true), (nil, false),
                                 (.lastColumnsFirst, false)] {
            let result = Self.race(scripts(slow: slow), together: together)
            #expect(result.termination == .optimal)
            outcomes.append([result.objective, result.bound, Double(result.nodes)] + result.values)
        }
        #expect(Set(outcomes).count == 1, "\(outcomes)")
    }

    /// A fault at the root, before any other run exists: the level keeps the incumbent (the previous
    /// level's roster) and says it faulted, rather than throwing the plan away.
    @Test func aFaultWithNoOtherRunKeepsTheIncumbent() {
        let solver = RacingSolver([.dive: .init(snapshots: [], end: nil, fails: true)])
        let result = Self.race(solver)
        #expect(result.termination == .fault)
        #expect(result.primal == .feasible)
        #expect(result.values == [72])
        #expect(result.fault == "scripted fault")
    }
}
