import CGLPK
import DuxueMIP
import Foundation
import Testing

@testable import DuxueGLPK

@Suite("GLPK back end")
struct GLPKSolverTests {
    let solver = GLPKSolver()

    /// max 5a + 4b + 3c s.t. 2a + 3b + c ≤ 5, 4a + b + 2c ≤ 11, 3a + 4b + 2c ≤ 8, binary:
    /// by enumeration a = 1, c = 1 (value 8, weights 3, 6, 5) beats a = b = 1 (9? 2+3=5 ok, 4+1=5 ok, 3+4=7 ok → 9).
    /// So the optimum is a = b = 1, c = 0 with 9; a = b = c = 1 breaks row 1 (6 > 5).
    @Test func knapsackOptimum() throws {
        var model = Model(name: "knapsack")
        let a = model.addVariable("a", kind: .binary)
        let b = model.addVariable("b", kind: .binary)
        let c = model.addVariable("c", kind: .binary)
        model.addConstraint("w1", LinearExpression([(a, 2), (b, 3), (c, 1)]), lessOrEqual: 5)
        model.addConstraint("w2", LinearExpression([(a, 4), (b, 1), (c, 2)]), lessOrEqual: 11)
        model.addConstraint("w3", LinearExpression([(a, 3), (b, 4), (c, 2)]), lessOrEqual: 8)
        model.setObjective(.maximize, LinearExpression([(a, 5), (b, 4), (c, 3)]))
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(solution.objective == 9)
        #expect(solution.values == [1, 1, 0])
    }

    @Test func repeatedTermsAreMergedAndConstantsMoved() throws {
        var model = Model(name: "merge")
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 10)
        // x + x + 1 ≤ 8  ⇒  x ≤ 3.5 ⇒ x = 3 (integer); objective constant 2.
        model.addConstraint("twice", LinearExpression([(x, 1), (x, 1)], constant: 1), lessOrEqual: 8)
        model.setObjective(.maximize, LinearExpression([(x, 1)], constant: 2))
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(solution[x] == 3)
        #expect(solution.objective == 5)
    }

    @Test func infeasibleIsAResult() throws {
        var model = Model(name: "infeasible")
        let x = model.addVariable("x", kind: .binary)
        let y = model.addVariable("y", kind: .binary)
        model.addConstraint("both", LinearExpression([(x, 1), (y, 1)]), greaterOrEqual: 3)
        model.setObjective(.minimize, LinearExpression([(x, 1)]))
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .infeasible)
        #expect(solution.values.isEmpty)
    }

    /// A binary column fixed by its bounds (a neighbourhood's fixing) stays fixed in GLPK, which gives a
    /// binary column the bounds 0 and 1 when it is made one: min x − y is −1 with both free (x 0, y 1)
    /// and 1 with x fixed at 1 and y at 0, in the search and in the LP.
    @Test(arguments: [false, true]) func aFixedBinaryColumnStaysFixed(relaxation: Bool) throws {
        var model = Model(name: "fixed")
        let x = model.addVariable("x", kind: .binary), y = model.addVariable("y", kind: .binary)
        model.addConstraint("any", LinearExpression([(x, 1), (y, 1)]), greaterOrEqual: 0)
        model.setObjective(.minimize, LinearExpression([(x, 1), (y, -1)]))
        var options = SolveOptions()
        options.relaxation = relaxation
        #expect(try solver.solve(model, options: options).objective == -1)
        model.fix(x, at: 1)
        model.fix(y, at: 0)
        let fixed = try solver.solve(model, options: options)
        #expect(fixed.objective == 1)
        #expect(fixed[x] == 1 && fixed[y] == 0)
    }

    @Test func lpRelaxation() throws {
        var model = Model(name: "lp")
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 10)
        model.addConstraint("half", LinearExpression([(x, 2)]), lessOrEqual: 7)
        model.setObjective(.maximize, LinearExpression([(x, 1)]))
        var options = SolveOptions()
        options.relaxation = true
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .optimal)
        #expect(solution[x] == 3.5)
    }

    /// A market-split instance (Cornuéjols–Dawande): equality knapsacks that branch-and-bound cannot
    /// settle quickly, so a 0.3 s limit must stop the search and say so.
    @Test func timeLimitIsAResult() throws {
        var generator = SplitMix(seed: 7)
        let columns = 40
        var model = Model(name: "market_split")
        let xs = (0..<columns).map { model.addVariable("x\($0)", kind: .binary) }
        for row in 0..<5 {
            let weights = (0..<columns).map { _ in Double(generator.next() % 100) }
            let rhs = (weights.reduce(0, +) / 2).rounded(.down)
            model.addConstraint("split\(row)", LinearExpression(Array(zip(xs, weights))), equal: rhs)
        }
        model.setObjective(.minimize, LinearExpression.sum(xs))
        var options = SolveOptions(timeLimit: 0.3)
        options.relaxation = false
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .timeLimitNoSolution || solution.status == .timeLimitWithSolution)
        #expect(solution.seconds < 5)
    }

    @Test func misuseBecomesAnErrorAndTheProcessLives() throws {
        let problem = GLPKProblem()
        #expect(throws: GLPKError.self) {
            try problem.unsafeSetColumnBounds(column: 999, lower: 0, upper: 1)
        }
        #expect(!problem.isAlive)
        do {
            try problem.unsafeSetColumnBounds(column: 999, lower: 0, upper: 1)
        } catch let error as GLPKError {
            guard case .fault(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("out of range"))
        }
        // GLPK works again on this thread after the reset.
        try knapsackOptimum()
    }

    @Test func progressCallbackCanStopTheSearch() throws {
        var generator = SplitMix(seed: 11)
        var model = Model(name: "stoppable")
        let xs = (0..<40).map { model.addVariable("x\($0)", kind: .binary) }
        for row in 0..<5 {
            let weights = (0..<40).map { _ in Double(generator.next() % 100) }
            model.addConstraint("r\(row)", LinearExpression(Array(zip(xs, weights))),
                                equal: (weights.reduce(0, +) / 2).rounded(.down))
        }
        var options = SolveOptions(timeLimit: 20)
        options.progress = { _ in .interrupted }
        let solution = try solver.solve(model, options: options)
        #expect(solution.termination == .interrupted)
        #expect(solution.status == .interruptedNoSolution || solution.status == .interruptedWithSolution)
    }

    /// GLPK only says "stopped": the solver reports why the caller stopped it, for each reason.
    @Test(arguments: [SearchStop.interrupted, .workLimit, .stoppedByOtherRun])
    func aStoppedSearchSaysWhy(stop: SearchStop) throws {
        var generator = SplitMix(seed: 11)
        var model = Model(name: "stoppable")
        let xs = (0..<40).map { model.addVariable("x\($0)", kind: .binary) }
        for row in 0..<5 {
            let weights = (0..<40).map { _ in Double(generator.next() % 100) }
            model.addConstraint("r\(row)", LinearExpression(Array(zip(xs, weights))),
                                equal: (weights.reduce(0, +) / 2).rounded(.down))
        }
        var options = SolveOptions(timeLimit: 20)
        options.progress = { _ in stop }
        let solution = try solver.solve(model, options: options)
        #expect(solution.termination == Termination(stop))
        #expect(solution.primal != .optimal)
    }

    /// GLPK's return codes map to why the search stopped and what it holds, in one table.
    @Test func returnCodesMapToTerminationAndSolution() {
        #expect(GLPKCodes.outcome(glpkReturn: 0, status: GLP_OPT, integer: true, stop: nil) == .result(.optimal, .optimal))
        #expect(GLPKCodes.outcome(glpkReturn: 0, status: GLP_FEAS, integer: true, stop: nil) == .result(.gapReached, .feasible))
        #expect(GLPKCodes.outcome(glpkReturn: 0, status: GLP_FEAS, integer: false, stop: nil) == .result(.optimal, .optimal))
        #expect(GLPKCodes.outcome(glpkReturn: GLP_ETMLIM, status: GLP_FEAS, integer: true, stop: nil) == .result(.timeLimit, .feasible))
        #expect(GLPKCodes.outcome(glpkReturn: GLP_ETMLIM, status: GLP_UNDEF, integer: true, stop: nil) == .result(.timeLimit, .none))
        #expect(GLPKCodes.outcome(glpkReturn: GLP_ESTOP, status: GLP_FEAS, integer: true, stop: .workLimit) == .result(.workLimit, .feasible))
        #expect(GLPKCodes.outcome(glpkReturn: GLP_ESTOP, status: GLP_UNDEF, integer: true, stop: nil) == .result(.interrupted, .none))
        #expect(GLPKCodes.outcome(glpkReturn: GLP_ENOPFS, status: GLP_NOFEAS, integer: true, stop: nil) == .result(.infeasible, .none))
        if case .fault = GLPKCodes.outcome(glpkReturn: GLP_EFAIL, status: GLP_UNDEF, integer: true, stop: nil) {} else {
            Issue.record("GLP_EFAIL is a fault")
        }
    }

    @Test func exportsReadableNames() throws {
        var model = Model(name: "named")
        let x = model.addVariable("assign[I-001,S-002]", kind: .binary)
        model.addConstraint("coverage[S-002]", LinearExpression([(x, 1)]), equal: 1)
        model.setObjective(.minimize, LinearExpression([(x, 1)]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duxue-\(UUID()).mps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try solver.export(model, format: .mps, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("coverage[S-002]"))
        #expect(text.contains("assign[I-001,S-002]"))
        // CPLEX LP allows no '[' or '-': GLPK writes them as '(' and '~', still readable.
        try solver.export(model, format: .lp, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("coverage(S~002)"))
        #expect(throws: GLPKError.cannotWrite(path: "/nonexistent/dir/m.mps")) {
            try solver.export(model, format: .mps, to: "/nonexistent/dir/m.mps")
        }
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
