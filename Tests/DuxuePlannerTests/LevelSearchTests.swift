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

/// The per-level portfolio (``LevelSearch``): warm run, then cold rounds alternating strategies.
@Suite("level search portfolio")
struct LevelSearchTests {
    static func run(_ status: SolveStatus, _ objective: Double, bound: Double) -> Solution {
        Solution(status: status, values: status.hasSolution ? [objective] : [], objective: objective, bound: bound, nodes: 10, seconds: 1)
    }

    /// The portfolio in turn (these tests script the runs one after another).
    static var inTurn: PlannerOptions {
        var options = PlannerOptions()
        options.concurrentSearch = false
        return options
    }

    static func search(_ solver: ScriptedSolver, sense: ObjectiveSense = .minimize, options: PlannerOptions = inTurn) -> LevelSearch {
        LevelSearch(solver: solver, model: Model(name: "level"), sense: sense, options: options, base: SolveOptions())
    }

    /// A warm run that proves the incumbent optimal ends the level: no cold run.
    @Test func provenWarmRunEndsTheLevel() throws {
        let solver = ScriptedSolver([Self.run(.optimal, 70, bound: 70)])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(solver.calls == [.init(strategy: .dive, warm: true, timeLimit: 2)])
    }

    /// Diving stalls at 72 over a bound of 70; pseudocost branching then proves 70. The slices are
    /// warm 2 s, diving 8 s, pseudocost 4 s (half).
    @Test func pseudocostClosesWhatDivingCannot() throws {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 72, bound: 70),
            Self.run(.timeLimitWithSolution, 72, bound: 70),
            Self.run(.optimal, 70, bound: 70),
        ])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(result.nodes == 30)
        #expect(solver.calls == [
            .init(strategy: .dive, warm: true, timeLimit: 2),
            .init(strategy: .lastColumnsFirst, warm: false, timeLimit: 8),
            .init(strategy: .pseudocost, warm: false, timeLimit: 4),
        ])
    }

    /// Neither run proves the level alone, but one found 70 and the other bounded it by 69.4: the
    /// objective is integral, so 70 is optimal.
    @Test func runsProveTheLevelTogether() throws {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 72, bound: 68),
            Self.run(.timeLimitWithSolution, 70, bound: 68.5),
            Self.run(.timeLimitWithSolution, 71, bound: 69.4),
        ])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(result.objective == 70)
        #expect(result.bound == 70)
        #expect(solver.calls.count == 3)
    }

    /// The same for a maximised level: 286 found, bound 286.7 from the other strategy.
    @Test func maximisedLevelProvenByFloorOfBound() throws {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 280, bound: 300),
            Self.run(.timeLimitWithSolution, 286, bound: 290),
            Self.run(.timeLimitWithSolution, 284, bound: 286.7),
        ])
        let result = Self.search(solver, sense: .maximize).run(incumbent: [280], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(result.objective == 286)
    }

    /// Unproven rounds double their slices: 8 and 4 s, then 16 and 8 s, then 32 and 16 s.
    @Test func slicesDoubleEachRound() throws {
        let stalled = (0..<7).map { _ in Self.run(.timeLimitWithSolution, 72, bound: 70) }
        let solver = ScriptedSolver(stalled + [Self.run(.optimal, 70, bound: 70)])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(solver.calls.map(\.timeLimit) == [2, 8, 4, 16, 8, 32, 16, 64])
        #expect(solver.calls.dropFirst().map(\.strategy) == [.lastColumnsFirst, .pseudocost, .lastColumnsFirst, .pseudocost,
                                                            .lastColumnsFirst, .pseudocost, .lastColumnsFirst])
    }

    /// A time limit caps every run; the run it ends is the last, and the level keeps the best
    /// roster and the tightest bound so far.
    @Test func timeLimitEndsTheSearch() throws {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 72, bound: 69),
            Self.run(.timeLimitWithSolution, 71, bound: 69.2),
            Self.run(.optimal, 70, bound: 70),
        ])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: 5)
        #expect(result.status == .timeLimitWithSolution)
        #expect(result.objective == 71)
        #expect(result.bound == 69.2)
        #expect(solver.calls.count == 2)
        #expect(solver.calls[0].timeLimit == 2)
        // The scripted runs take no time: the cold run gets the rest of the 5 s, less than its 8 s slice.
        #expect((solver.calls[1].timeLimit ?? 0) > 4.9 && (solver.calls[1].timeLimit ?? 0) <= 5)
    }

    /// The level's work budget counts the nodes of all its runs (10 each here): after 30 nodes the
    /// budget of 25 is spent, and the level ends with the work limit, its best roster and bound.
    @Test func workBudgetEndsTheLevel() throws {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 72, bound: 69),
            Self.run(.timeLimitWithSolution, 71, bound: 69.2),
            Self.run(.timeLimitWithSolution, 71, bound: 69.5),
            Self.run(.optimal, 70, bound: 70),
        ])
        var search = Self.search(solver)
        search.nodeBudget = 25
        let result = search.run(incumbent: [72], timeLimit: nil)
        #expect(result.termination == .workLimit)
        #expect(result.primal == .feasible)
        #expect(result.objective == 71)
        #expect(result.bound == 69.5)
        #expect(result.nodes == 30)
        #expect(solver.calls.count == 3)
    }

    /// In turn with time slices, a run stopped by the level's work budget (GLPK reports the work limit
    /// the callback gave) ends the level as a work limit, not as the time limit of its slice.
    @Test func aRunStoppedByTheLevelBudgetReadsWorkLimit() {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 72, bound: 69),
            Solution(termination: .workLimit, primal: .feasible, values: [71], objective: 71, bound: 69.5, nodes: 30, seconds: 1),
        ])
        var search = Self.search(solver)
        search.nodeBudget = 25
        let result = search.run(incumbent: [72], timeLimit: 600)
        #expect(result.termination == .workLimit)
        #expect(result.objective == 71)
        #expect(solver.calls.count == 2)
    }

    /// A cold run that fails after the warm run found 71: the level keeps 71 and says it faulted.
    @Test func aFaultKeepsTheBestRosterSoFar() {
        final class Failing: MIPSolver, Sendable {
            let calls = Mutex(0)
            func solve(_ model: Model, options: SolveOptions) throws -> Solution {
                let call = calls.withLock { value -> Int in
                    value += 1
                    return value
                }
                if call == 1 {
                    return Solution(status: .timeLimitWithSolution, values: [71], objective: 71, bound: 69, nodes: 10, seconds: 1)
                }
                throw CancellationError()
            }
            func export(_ model: Model, format: ModelFormat, to path: String) throws {}
        }
        let result = LevelSearch(solver: Failing(), model: Model(name: "level"), sense: .minimize, options: Self.inTurn,
                                 base: SolveOptions()).run(incumbent: [72], timeLimit: nil)
        #expect(result.termination == .fault)
        #expect(result.objective == 71)
        #expect(result.fault != nil)
    }

    /// A limit shorter than the warm slice ends the level after the warm run.
    @Test func shortLimitEndsAfterTheWarmRun() throws {
        let solver = ScriptedSolver([Self.run(.timeLimitWithSolution, 72, bound: 69)])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: 1.5)
        #expect(result.status == .timeLimitWithSolution)
        #expect(solver.calls.count == 1)
        // The rest of the 1.5 s limit, less than the 2 s warm slice.
        #expect((solver.calls[0].timeLimit ?? 0) > 1.4 && (solver.calls[0].timeLimit ?? 0) <= 1.5)
    }

    /// A stop request (Ctrl-C) ends the level at once with the best roster so far.
    @Test func stopRequestEndsTheLevel() throws {
        let solver = ScriptedSolver([
            Self.run(.timeLimitWithSolution, 72, bound: 70),
            Self.run(.interruptedWithSolution, 71, bound: 70),
            Self.run(.optimal, 70, bound: 70),
        ])
        let result = Self.search(solver).run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .interruptedWithSolution)
        #expect(result.objective == 71)
        #expect(solver.calls.count == 2)
    }

    /// Deterministic mode: node caps instead of time slices; no run gets a time limit of its own, and
    /// a run the cap stopped (the solver reports the work limit the callback gave) is a spent slice.
    @Test func deterministicModeUsesNodeCaps() throws {
        let solver = ScriptedSolver([
            Solution(termination: .workLimit, primal: .feasible, values: [72], objective: 72, bound: 70, nodes: 10, seconds: 1),
            Self.run(.optimal, 70, bound: 70),
        ])
        var options = Self.inTurn
        options.deterministic = true
        let search = Self.search(solver, options: options)
        #expect(search.slice(round: 0, strategy: .lastColumnsFirst) == 5_000)
        #expect(search.slice(round: 1, strategy: .pseudocost) == 5_000)
        let result = search.run(incumbent: [72], timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(result.nodes == 20)
        #expect(solver.calls.map(\.timeLimit) == [nil, nil])
        #expect(solver.calls.map(\.warm) == [true, false])
    }
}
