import DuxueConcurrency
import Foundation

/// A branch-and-bound search that starts again on a smaller model each time a new incumbent lets
/// ``ReducedCostFixing`` fix a sizeable share of the columns still free (as HiGHS restarts at its root).
///
/// The model's LP relaxation is solved once (by the dual simplex) for its bound and reduced costs. The
/// search runs on the whole model, or at once on the tightened one when the caller gives an incumbent.
/// When an incumbent it finds would fix at least ``restartShare`` of the integer columns still free, the
/// search is stopped and run again from that incumbent on the model tightened for it: the LPs are
/// smaller, the cuts bite on fewer columns, and the back end's root work (LP, cuts, heuristics) is spent
/// on what is left. Every solution at least as good as the incumbent keeps to the tightened bounds, so
/// the last search's optimum is the whole model's, and its bound is a bound of the whole model.
///
/// Restarts are decided on the values the search reports, never on the clock, so the same search takes
/// the same restarts on every run; the caller's time limit is one limit for all of them.
public struct RestartSearch: Sendable {
    /// The back end.
    public let solver: any MIPSolver
    /// The model searched.
    public let model: Model
    /// Restart when a new incumbent would fix at least this share of the integer columns still free.
    public var restartShare = 0.05
    /// Restarts at most.
    public var maxRestarts = 6
    /// The search order of a search on a tightened model (`nil`: the caller's). Pseudocost branching with
    /// the best bound first: the incumbent is good by then, and what is left is the proof (Holmberg
    /// p27 and p29 proven in about 10 s, not in 30 s with the caller's last-columns-first order).
    public var restartStrategy: SearchStrategy? = .pseudocost

    /// What the search did, besides its solution.
    public struct Outcome: Sendable {
        /// The best solution, with the last search's termination and bound (a bound of the whole model).
        public var solution: Solution
        /// How many times the search started again.
        public var restarts: Int
        /// Integer columns the last search had fixed or tightened by reduced costs.
        public var tightened: Int

        /// An outcome: a search that did not restart by default.
        public init(solution: Solution, restarts: Int = 0, tightened: Int = 0) {
            self.solution = solution
            self.restarts = restarts
            self.tightened = tightened
        }
    }

    /// A search of `model` by `solver`.
    public init(solver: any MIPSolver, model: Model) {
        self.solver = solver
        self.model = model
    }

    /// Searches within `options` (its time limit covers the relaxation and every restart; its progress
    /// callback sees every search, and a stop it asks for ends the whole search).
    public func run(options: SolveOptions) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func left() -> Double? {
            options.timeLimit.map { $0 - Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        }
        var relaxationOptions = options.forRelaxation(within: options.timeLimit)
        relaxationOptions.dualSimplex = true
        let relaxation = try solver.solve(model, options: relaxationOptions)
        // The relaxation's bound, when it was solved (else the trivial one).
        let relaxationBound = relaxation.termination == .optimal && relaxation.objective.isFinite
            ? relaxation.objective : (model.sense == .minimize ? -Double.infinity : .infinity)
        let integerColumns = model.variables.count(where: { $0.kind != .continuous })
        // With an integral objective a better solution is a whole unit better (``Model/cutoff(betterThan:)``);
        // the columns on which the incumbent itself would leave the tightened box keep their own bounds.
        let model = self.model
        @Sendable func cutoff(_ value: Double) -> Double { model.cutoff(betterThan: value) }
        var incumbent = options.incumbent.map(model.roundedToIntegers).flatMap { model.firstViolation(in: $0) == nil ? $0 : nil }
        // The LP relaxation's fixing, then each search's root LP after its cuts (tighter, so more).
        var fixings = ReducedCostFixing(model: model, relaxation: relaxation).map { [$0] } ?? []
        @Sendable func fixed(by fixings: [ReducedCostFixing], _ cutoff: Double) -> Int {
            Set(fixings.flatMap { $0.tightenedColumns(cutoff: cutoff) }).count
        }
        var restarts = 0, tightened = 0, nodes = 0
        while true {
            var whole = model
            var fixedBefore = 0
            if let incumbent {
                let cutoff = cutoff(model.objective.value(in: incumbent))
                for fixing in fixings { whole = fixing.tightened(whole, cutoff: cutoff, keeping: incumbent) }
                fixedBefore = fixed(by: fixings, cutoff)
                tightened = zip(model.variables, whole.variables).count { $0.lower != $1.lower || $0.upper != $1.upper }
            }
            // The fixed columns taken out, so that the back end's LPs and cuts see only what is left — unless
            // the incumbent, within the tolerances, would break a bound a one-column row became.
            var reduction = incumbent == nil ? nil : ModelReduction(whole).flatMap { $0.infeasible ? nil : $0 }
            if let incumbent, let found = reduction, found.reduced.firstViolation(in: found.restrict(incumbent)) != nil {
                reduction = nil
            }
            let searched = reduction?.reduced ?? whole
            let restart = Locked(false), looked = Locked(Double.nan)
            var round = options.with(timeLimit: left())
            round.incumbent = incumbent.map { reduction?.restrict($0) ?? $0 }
            round.recordRoot = true
            if incumbent != nil, let restartStrategy { round.strategy = restartStrategy }
            let (already, mayRestart, share, current) = (fixedBefore, restarts < maxRestarts && !fixings.isEmpty, restartShare, fixings)
            let callerProgress = options.progress
            round.progress = { progress in
                if let stop = callerProgress?(progress) { return stop }
                guard mayRestart, let value = progress.incumbent,
                      looked.update({ last in defer { last = value }; return last != value }) else { return nil }
                let more = fixed(by: current, cutoff(value)) - already
                guard Double(more) >= share * Double(integerColumns - already), more > 0 else { return nil }
                restart.update { $0 = true }
                return .solutionLimit
            }
            var solution: Solution
            do {
                solution = try solver.solve(searched, options: round)
            } catch {
                // A failure after the first round keeps the incumbent it had, and says it failed.
                guard let incumbent else { throw error }
                solution = Solution(termination: .fault, primal: .feasible, values: incumbent,
                                    objective: model.objective.value(in: incumbent), bound: .nan, nodes: 0, seconds: 0)
                solution.fault = "\(error)"
            }
            // Its own point, not the incumbent filled in below: only then is its bound the back end's.
            let searchedItself = solution.hasSolution && solution.termination != .fault
            if let reduction, searchedItself { solution.values = reduction.expand(solution.values) }
            if let root = solution.root,
               let fromRoot = ReducedCostFixing(
                   model: whole, objective: root.objective, values: reduction?.expand(root.values) ?? root.values,
                   reducedCosts: reduction?.spread(root.reducedCosts, filling: 0) ?? root.reducedCosts) {
                fixings.append(fromRoot)
            }
            nodes += solution.nodes
            if restart.withLock({ $0 }), searchedItself, solution.termination == .solutionLimit {
                incumbent = model.roundedToIntegers(solution.values)
                restarts += 1
                continue
            }
            if !solution.hasSolution, let incumbent {
                // The search stopped before it took up the incumbent: the incumbent is the answer so far.
                solution.values = incumbent
                solution.objective = model.objective.value(in: incumbent)
                solution.primal = .feasible
            }
            solution.nodes = nodes
            solution.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if solution.termination != .optimal {
                // The back end's bound holds only when it searched (one cut short in its root LP may hold
                // nothing); the LP relaxation's always does.
                let own = searchedItself && solution.bound.isFinite ? solution.bound : relaxationBound
                solution.bound = model.sense == .minimize ? max(own, relaxationBound) : min(own, relaxationBound)
            }
            return Outcome(solution: solution, restarts: restarts, tightened: tightened)
        }
    }
}

extension SolveOptions {
    /// These options with another time limit (`nil` = none); a limit already spent stays a small positive
    /// one, so that the back end returns at once with what it has.
    func with(timeLimit: Double?) -> SolveOptions {
        var options = self
        options.timeLimit = timeLimit.map { max(0.01, $0) }
        return options
    }
}
