import DuxueMIP
import Foundation
import Synchronization
import Testing

@testable import DuxuePlanner

/// A solver that plays back scripted runs and records what it was asked.
final class ScriptedSolver: MIPSolver, Sendable {
    /// What one run was asked: strategy, whether it had the incumbent, its time limit.
    struct Call: Equatable {
        var strategy: SearchStrategy
        var warm: Bool
        var timeLimit: Double?
    }

    private let script: Mutex<[Solution]>
    private let log = Mutex<[Call]>([])

    init(_ script: [Solution]) { self.script = Mutex(script) }

    var calls: [Call] { log.withLock { $0 } }

    func solve(_ model: Model, options: SolveOptions) throws -> Solution {
        log.withLock { $0.append(Call(strategy: options.strategy, warm: options.incumbent != nil, timeLimit: options.timeLimit)) }
        return script.withLock { $0.isEmpty ? Solution(status: .timeLimitNoSolution, values: [], objective: .nan, bound: -.infinity, nodes: 1, seconds: 0) : $0.removeFirst() }
    }

    func export(_ model: Model, format: ModelFormat, to path: String) throws {}
}

/// The per-level portfolio (``LevelSearch``): the warm run, and what every run is given.
@Suite("level search portfolio")
struct LevelSearchTests {
    static func search(_ solver: any MIPSolver, options: PlannerOptions = PlannerOptions()) -> LevelSearch {
        LevelSearch(solver: solver, model: Model(name: "level"), sense: .minimize, options: options, base: SolveOptions())
    }

    /// A warm run that proves the incumbent optimal ends the level: no cold run, and no clock of its own.
    @Test(arguments: [true, false]) func provenWarmRunEndsTheLevel(together: Bool) throws {
        let solver = ScriptedSolver([Solution(status: .optimal, values: [70], objective: 70, bound: 70, nodes: 10, seconds: 1)])
        var options = PlannerOptions()
        options.concurrentSearch = together
        let result = Self.search(solver, options: options).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(solver.calls == [.init(strategy: .dive, warm: true, timeLimit: nil)])
    }

    /// The warm run's share is nodes, not seconds: the dive is stopped by its own callback once it has
    /// searched ``PlannerOptions/warmStartNodes`` nodes, and run A goes on cold.
    @Test func theWarmShareIsCountedInNodes() throws {
        let solver = RacingSolver([
            .dive: .init(snapshots: (1...12).map { LevelRaceTests.snapshot(72, bound: 69, nodes: $0) }, end: nil),
            .lastColumnsFirst: .init(snapshots: [], end: LevelRaceTests.end(.optimal, 70, bound: 70)),
            .pseudocost: .init(snapshots: [], end: LevelRaceTests.end(.optimal, 70, bound: 70)),
        ])
        var options = LevelRaceTests.options()
        options.warmStartNodes = 4
        options.barrierWork = 1_000
        let result = Self.search(solver, options: options).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(solver.events.first == "dive")
        #expect(solver.events.contains("dive stopped: work_limit"))
        #expect(solver.events.contains("pseudocost"))
    }

    /// Without the user's time limit no run gets one; with it, every run gets what is left of it.
    @Test func onlyTheUsersLimitIsAClock() throws {
        let solver = ScriptedSolver([
            Solution(termination: .workLimit, primal: .feasible, values: [72], objective: 72, bound: 69, nodes: 10, seconds: 0),
            Solution(status: .timeLimitWithSolution, values: [71], objective: 71, bound: 69.2, nodes: 10, seconds: 0),
            Solution(status: .timeLimitWithSolution, values: [71], objective: 71, bound: 69.5, nodes: 10, seconds: 0),
        ])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: 5)
        #expect(result.termination == .timeLimit)
        #expect(result.objective == 71)
        #expect(result.bound == 69.5)
        #expect(solver.calls.count == 3)
        #expect(solver.calls.allSatisfy { ($0.timeLimit ?? 0) > 4.5 && ($0.timeLimit ?? 0) <= 5 })
    }
}
