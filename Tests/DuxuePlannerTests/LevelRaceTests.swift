import DuxueMIP
import Foundation
import Synchronization
import Testing

@testable import DuxuePlanner

/// A solver whose runs, one script per strategy, report progress snapshots and then end as scripted;
/// a stalling run keeps reporting its last snapshot until the caller stops it (or 10 s pass).
final class RacingSolver: MIPSolver, Sendable {
    struct Script: Sendable {
        var snapshots: [SolveProgress]
        var end: Solution?  // nil: stall until stopped
        var fails = false  // the run ends with a solver fault instead
        var gate: DispatchSemaphore? = nil  // the run first waits here without any callback (a root LP)
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
            if let reason = options.progress?(snapshot) { return stopped(reason) }
        }
        if script.fails { throw Fault() }
        if let end = script.end { return end }
        for _ in 0..<10_000 {
            usleep(1_000)
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

    static func race(_ solver: RacingSolver, stop: (@Sendable () -> Bool)? = nil) -> Solution {
        var options = PlannerOptions()
        options.concurrentSearch = true
        var base = SolveOptions()
        if let stop { base.progress = { _ in stop() ? .interrupted : nil } }
        return LevelSearch(solver: solver, model: Model(name: "level"), sense: .minimize, options: options, base: base)
            .run(incumbent: [72], timeLimit: 30)
    }

    /// A warm run that settles the level at the root never starts the second thread.
    @Test func rootProofStartsNoSecondRun() throws {
        let solver = RacingSolver([.dive: .init(snapshots: [], end: Self.end(.optimal, 70, bound: 70))])
        let result = Self.race(solver)
        #expect(result.status == .optimal)
        #expect(solver.events == ["dive"])
    }

    /// The dive stalls at 72 over a bound of 70 past the root; run B (last columns first) proves 70,
    /// which stops the dive, and pseudocost never runs.
    @Test func secondThreadProvesAndStopsTheDive() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 70, nodes: 3)], end: nil),
            .lastColumnsFirst: .init(snapshots: [], end: Self.end(.optimal, 70, bound: 70)),
        ])
        let result = Self.race(solver)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        // The dive was stopped because run B settled the level: said so, not relabelled as out of time.
        #expect(solver.events.contains("dive stopped: stopped_by_other_run"))
        #expect(result.termination == .optimal)
        #expect(!solver.events.contains("pseudocost"))
    }

    /// Neither run proves alone: run B bounds the level by 69.5 and stalls, run A's pseudocost search
    /// finds 70; together they prove 70, and both runs stop.
    @Test func runsProveTogether() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.end(.timeLimitWithSolution, 72, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)], end: nil),
            .pseudocost: .init(snapshots: [Self.snapshot(72, bound: 69.2, nodes: 2), Self.snapshot(70, bound: 69.2, nodes: 9)], end: nil),
        ])
        let result = Self.race(solver)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(result.bound == 70)
        // Run B stops too: at once when the level needed its bound, else (the race does not wait for a
        // run that cannot change a proven level) at its next callback.
        for _ in 0..<500 where !solver.events.contains("last_columns_first stopped: stopped_by_other_run") { usleep(10_000) }
        #expect(solver.events.contains("last_columns_first stopped: stopped_by_other_run"))
    }

    /// Ctrl-C stops every run; the level is interrupted with the best roster found.
    @Test func stopRequestStopsBothRuns() throws {
        let pressed = Mutex(false)
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.end(.timeLimitWithSolution, 71, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)], end: nil),
            .pseudocost: .init(snapshots: [Self.snapshot(71, bound: 69.2, nodes: 2)], end: nil),
        ])
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { pressed.withLock { $0 = true } }
        let result = Self.race(solver, stop: { pressed.withLock { $0 } })
        #expect(result.status == .interruptedWithSolution)
        #expect(result.termination == .interrupted)
        #expect(result.primal == .feasible)
        #expect(result.objective == 71)
        // Whichever run saw the request first stops for it; the other is stopped by the board.
        #expect(solver.events.contains { $0.hasPrefix("last_columns_first stopped") })
        #expect(solver.events.contains { $0.hasPrefix("pseudocost stopped") })
        #expect(solver.events.contains { $0.hasSuffix("stopped: interrupted") })
    }

    /// Run B fails while run A holds a roster: the level keeps run A's roster and records the fault,
    /// rather than throwing both away.
    @Test func aFaultOfRunBKeepsRunAsRoster() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.end(.timeLimitWithSolution, 71, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [], end: nil, fails: true),
            .pseudocost: .init(snapshots: [], end: Self.end(.timeLimitWithSolution, 71, bound: 69)),
        ])
        let result = Self.race(solver)
        #expect(result.objective == 71)
        #expect(result.hasSolution)
        #expect(result.fault == "scripted fault")
        // Not proven, and one run failed: the level says the fault, not the clock.
        #expect(result.termination == .fault)
    }

    /// Run A fails after run B started: run B goes on to its own end (here its time limit, 71 over a
    /// bound of 69.5 — no proof, so nothing stops run A before it fails) and its roster is the level's,
    /// with the fault recorded.
    @Test func aFaultOfRunAKeepsRunBsRoster() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: nil, fails: true),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)],
                                     end: Self.end(.timeLimitWithSolution, 71, bound: 69.5)),
        ])
        let result = Self.race(solver)
        #expect(result.objective == 71)
        #expect(result.termination == .fault)
        #expect(result.primal == .feasible)
        #expect(result.fault == "scripted fault")
        #expect(!solver.events.contains("pseudocost"))
    }

    /// The level's work budget counts both runs' nodes together: 3 in the dive and 40 in run B pass a
    /// budget of 30, so the level ends with the work limit (the run that was still going is stopped by
    /// the board), with the best roster of both.
    @Test func workBudgetCountsBothRuns() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: nil),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 40)], end: nil),
        ])
        var options = PlannerOptions()
        options.concurrentSearch = true
        let result = LevelSearch(solver: solver, model: Model(name: "level"), sense: .minimize, options: options,
                                     base: SolveOptions(), nodeBudget: 30)
            .run(incumbent: [72], timeLimit: 30)
        #expect(result.termination == .workLimit)
        #expect(result.objective == 71)
        #expect(solver.events.contains("last_columns_first stopped: work_limit")
                || solver.events.contains("dive stopped: work_limit"))
        #expect(!solver.events.contains("pseudocost"))
    }

    /// The warm run ends by its own slice of seconds (a time limit of the run, not of the level); the
    /// level goes on until its work budget stops it, and says so: work limit, not time limit.
    @Test func aWarmSliceDoesNotMaskTheWorkBudget() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 69, nodes: 3)], end: Self.end(.timeLimitWithSolution, 72, bound: 69)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 10)], end: nil),
            .pseudocost: .init(snapshots: [Self.snapshot(71, bound: 69.2, nodes: 40)], end: nil),
        ])
        var options = PlannerOptions()
        options.concurrentSearch = true
        let result = LevelSearch(solver: solver, model: Model(name: "level"), sense: .minimize, options: options,
                                     base: SolveOptions(), nodeBudget: 30)
            .run(incumbent: [72], timeLimit: 30)
        #expect(result.termination == .workLimit)
        #expect(result.objective == 71)
    }

    /// Run A proves the level while run B is still in its root LP, where GLPK calls no callback: the
    /// race returns at once instead of waiting for run B, which stops (stopped by the other run) at its
    /// first callback after the root.
    @Test func aDecidedRaceDoesNotWaitForTheOtherRunsRoot() throws {
        let gate = DispatchSemaphore(value: 0)
        let solver = RacingSolver([
            .dive: .init(snapshots: [Self.snapshot(72, bound: 70, nodes: 3)], end: Self.end(.optimal, 70, bound: 70)),
            .lastColumnsFirst: .init(snapshots: [Self.snapshot(71, bound: 69.5, nodes: 4)], end: nil, gate: gate),
        ])
        let result = Self.race(solver)
        #expect(result.termination == .optimal)
        #expect(result.objective == 70)
        // Returned while run B was still at its root.
        #expect(!solver.events.contains("last_columns_first left its root"))
        gate.signal()
        for _ in 0..<500 where !solver.events.contains("last_columns_first stopped: stopped_by_other_run") { usleep(10_000) }
        #expect(solver.events.contains("last_columns_first stopped: stopped_by_other_run"))
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
