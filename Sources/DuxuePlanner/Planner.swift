import DuxueDomain
import DuxueMIP
import Foundation

/// Options of a planning run.
public struct PlannerOptions: Sendable {
    /// Wall-clock limit for the lexicographic solve and P5 together, in seconds: once it is spent, the
    /// levels left keep the roster they have without searching and P5 does not start. Reading the
    /// district, building the model and writing come on top (under 1.5 s at 3,000 schools).
    public var timeLimit: Double?
    /// Print the solver's own log.
    public var verbose = false
    /// Called during each level's search.
    public var progress: (@Sendable (PlanProgress) -> Void)?
    /// Polled during the search; `true` stops it and keeps the best roster so far (SIGINT).
    public var stopRequested: (@Sendable () -> Bool)?
    /// Writes each level's model before solving it (`path` gets `-P1a` etc. before its extension).
    public var exportModel: (@Sendable (Model, Priority) throws -> Void)?
    /// Skip the local improvement of distance and stage matches (P5).
    public var skipRefinement = false
    /// Work the P5 local search may do at most (candidate moves and swaps looked at; it stops earlier
    /// when no move improves, or after 20 passes): a count, not a clock, so the roster does not depend
    /// on the machine's pace.
    public var refinementWork = 20_000_000
    /// Whether a level not proven optimal in the warm phase gets the cold search.
    public var coldStart = true
    /// Branch-and-bound nodes of a level's warm phase (the dive from the incumbent) before run A goes on
    /// cold (see ``LevelSearch``). It replaced two seconds of wall clock; measured on districts short of
    /// full-time with zones required (benchmarks/determinism.md): 2,000 nodes made P4b of a 700-school
    /// district search 6,100 nodes, 300 about 2,300; 70 made P4 of a 3,000-school one search 761 nodes,
    /// 300 147.
    public var warmStartNodes = 300
    /// Work (simplex iterations plus nodes) each run of a level's race does between two barriers, where
    /// the runs compare their best values and bounds and decide whether to stop (see ``LevelRace``).
    /// 500 measured better than 2,000 on a 3,000-school district (P1a 1.4 s against 5.9 s, debug build)
    /// and no worse on a 700-school one.
    public var barrierWork = 500
    /// Whether the two runs of a level's race go side by side on two threads, or take turns between
    /// barriers so that one thread works at a time (batches and the server, which run several plans
    /// at once). The roster is the same either way. On by default when the machine has two or more
    /// cores.
    public var concurrentSearch = ProcessInfo.processInfo.activeProcessorCount >= 2
    /// Branch-and-bound nodes each level may search, all its runs together, before it stops with its
    /// best roster and proven gap (``Termination/workLimit``): a work budget, not a clock, so that
    /// `plan` always ends, the same way however loaded the machine is (the nodes of both runs count,
    /// at the race's barriers). The levels that decide
    /// recruits, stability, zones and headcount (P1–P4) get the largest share; the tie-break P4b, which
    /// changes none of their values, stops early. A level without an entry has no budget.
    public var levelNodeBudget: [Priority: Int] = PlannerOptions.defaultNodeBudget

    /// A level's budget for a model of `rows` rows: ``levelNodeBudget`` is set for a model of
    /// ``budgetReferenceRows`` rows (a 3,000-school district with zones required), and a smaller model,
    /// whose nodes are cheaper, gets proportionally more, at most ten times as many. Deterministic: it
    /// depends on the model, not on the machine.
    public func nodeBudget(for priority: Priority, rows: Int) -> Int? {
        levelNodeBudget[priority].map { base in
            let scale = min(10, max(1, Double(Self.budgetReferenceRows) / Double(max(1, rows))))
            return Int((Double(base) * scale).rounded())
        }
    }

    /// The model size ``levelNodeBudget`` is set for.
    public static let budgetReferenceRows = 3_000

    /// The default ``levelNodeBudget``.
    public static let defaultNodeBudget: [Priority: Int] = [
        .recruits: 200_000, .fullTimeRecruits: 200_000, .stability: 200_000, .crossings: 200_000,
        .appointees: 200_000, .recruitLoad: 5_000,
    ]
    /// Whether each level first runs the ``RelaxAndFix`` heuristic (LP relaxation, integral columns
    /// fixed, a small search of the rest), which proves most levels without searching the full model:
    /// at 3,000 schools with zones required it proves P4b (116) in 0.2 s, where the full search spent
    /// 53 s and 20,000 nodes and stopped at 228 (benchmarks/README.md, "Relax and fix"). For
    /// benchmarks, `DUXUE_HEURISTIC=off` turns it off.
    public var primalHeuristic = ProcessInfo.processInfo.environment["DUXUE_HEURISTIC"] != "off"
    /// Whether reduced-cost fixing (``ReducedCostFixing``: from the level's LP relaxation and the best
    /// roster so far, the columns that no better roster can move are fixed; exact, so a proof is still a
    /// proof) narrows relax and fix's widened searches and, for a level relax and fix did not prove, the
    /// level's own search. For benchmarks, `DUXUE_REDUCED_COST_FIXING=off` turns it off.
    public var reducedCostFixing = ProcessInfo.processInfo.environment["DUXUE_REDUCED_COST_FIXING"] != "off"
    /// Branch-and-bound nodes each of the heuristic's searches of the fixed model may take (one per hop
    /// of ``RelaxAndFix/widening``).
    public var heuristicNodes = 500
    /// Whether P1a and P1b first run the ``RosterRepair`` (the LP's recruits rounded per zone, the
    /// assignment completed by maximum flows, part-timers packed, full-time recruits lowered to what the
    /// share needs), which proves them where relax and fix does not reach (pools short of full-time,
    /// short pools with zones preferred). For benchmarks and cross-checks, `DUXUE_REPAIR=off` turns it off.
    public var rosterRepair = ProcessInfo.processInfo.environment["DUXUE_REPAIR"] != "off"
    /// Whether P3 first runs the ``CrossingRepair`` (the earlier levels' recruits and appointees kept,
    /// the schools routed by least-cost flows, one per crossing), which proves it at the root where relax
    /// and fix needs seconds. For benchmarks and cross-checks, `DUXUE_CROSSING_REPAIR=off` turns it off.
    public var crossingRepair = ProcessInfo.processInfo.environment["DUXUE_CROSSING_REPAIR"] != "off"
    /// The ``SearchStrategy/pseudocost`` runs' slice as a share of the
    /// ``SearchStrategy/lastColumnsFirst`` runs' slice.
    public var alternateShare: Double = 0.5

    /// Default options.
    public init(timeLimit: Double? = nil, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.verbose = verbose
    }
}

/// What the planner is doing, for a progress line.
public struct PlanProgress: Sendable {
    /// The level being solved.
    public var level: Priority
    /// The solver's snapshot.
    public var solver: SolveProgress
    /// Seconds since planning started.
    public var elapsed: Double
}

/// Builds the roster of a district: eligibility, the class model, the lexicographic solve,
/// turning class counts back into a roster and improving distances and stage matches.
public struct Planner: Sendable {
    /// The MIP solver (the GLPK back end in the product).
    public let solver: any MIPSolver

    /// A planner using the given solver.
    public init(solver: any MIPSolver) {
        self.solver = solver
    }

    /// Plans a roster. With a previous roster, P2 keeps as many of its pairs as the rules allow;
    /// `pairs` pins schools to inspectors (指定) and forbids pairs (不得), or throws ``PairRulesError``
    /// when a pin cannot be honoured.
    public func plan(district: District, policy: Policy, previous: Roster? = nil, pairs: PairRules = PairRules(),
                     options: PlannerOptions = PlannerOptions()) throws -> Plan {
        let clock = Stopwatch()
        let pairProblems = pairs.problems(in: district, policy: policy)
        if !pairProblems.isEmpty { throw PairRulesError(pairProblems) }
        var excluded: [(inspector: Inspector, reasons: [Exclusion])] = []
        var eligible: [Inspector] = []
        var forbidden: [Inspector.ID: Set<School.ID>] = [:]
        for pair in pairs.forbidden { forbidden[pair.inspector, default: []].insert(pair.school) }
        for inspector in district.inspectors {
            let reasons = Eligibility.exclusions(of: inspector, under: policy)
            guard reasons.isEmpty else {
                excluded.append((inspector, reasons))
                continue
            }
            // A forbidden pair is planned as a recusal (reports still judge against the real district).
            var planned = inspector
            if let schools = forbidden[inspector.id] { planned.conflicts.formUnion(schools) }
            eligible.append(planned)
        }
        var previousHolders: [School.ID: Inspector.ID] = [:]
        // The first line of a school listed twice, as in the change list.
        for assignment in previous?.firstLinePerSchool.roster.assignments ?? [] {
            if case .inspector(let id) = assignment.assignee { previousHolders[assignment.school] = id }
        }
        let partition = ClassPartition(
            schools: district.schools, eligible: eligible, policy: policy, previous: previousHolders, pinned: pairs.pinned)
        var builder = RosterModel(partition: partition, policy: policy)
        builder.build()

        var levels: [LevelResult] = []
        var values = builder.greedySolution() ?? builder.trivialSolution()
        if builder.model.firstViolation(in: values) != nil {
            // Pinned pairs are outside the greedy start: the solver finds the first roster itself.
            builder.setObjective(.minimize, builder.recruits)
            var first = SolveOptions(timeLimit: options.timeLimit, verbose: options.verbose)
            // Any roster will do (the levels improve it): stop at the first, or at P1a's work budget.
            let budget = options.nodeBudget(for: .recruits, rows: builder.model.constraints.count)
            first.progress = { snapshot in
                if options.stopRequested?() == true { return .interrupted }
                if snapshot.incumbent != nil { return .solutionLimit }
                return budget.map { snapshot.nodes >= $0 } == true ? .workLimit : nil
            }
            let found = try solver.solve(builder.model, options: first)
            if found.termination == .infeasible { throw PairRulesError([.noRosterHonoursAll]) }
            guard found.hasSolution else { throw NoRosterFound(status: found.status) }
            values = found.values
        }
        var stopped = false
        var objectives: [(Priority, ObjectiveSense, LinearExpression)] = [
            (.recruits, .minimize, builder.recruits),
            (.fullTimeRecruits, .minimize, builder.fullTimeRecruits),
        ]
        if previous != nil { objectives.append((.stability, .maximize, builder.keptPairs)) }
        if policy.zones == .prefer { objectives.append((.crossings, .minimize, builder.crossings)) }
        objectives.append((.appointees, policy.staffing == .lean ? .minimize : .maximize, builder.allAppointees))
        objectives.append((.recruitLoad, .minimize, builder.schoolsForRecruits))

        // Each level's LP starts from the basis the previous level's LP ended in: the model differs by
        // its objective and one fixing row, so the simplex needs a fraction of the iterations.
        var basis: LPBasis?
        for (priority, sense, objective) in objectives {
            // With no recruits the recruit levels after P1a are zero by construction.
            if [.fullTimeRecruits, .recruitLoad].contains(priority), levels.first?.value == 0 {
                levels.append(LevelResult(priority: priority, value: 0, bound: 0, termination: .optimal, solution: .optimal,
                                          seconds: 0, nodes: 0))
                continue
            }
            builder.setObjective(sense, objective)
            try options.exportModel?(builder.model, priority)
            if stopped {
                levels.append(LevelResult(priority: priority, value: objective.value(in: values), bound: .nan,
                                          termination: .interrupted, solution: .feasible, seconds: 0, nodes: 0))
                continue
            }
            // Levels that keep the roster they have, with no LP: proven when it is at the bound the columns
            // alone give (no recruits, no crossings); cut when the time limit is spent (each search, even
            // with a few milliseconds left, solves an LP first: 0.3 s a level at 3,000 schools).
            var kept: Termination?
            if let bound = builder.model.columnBound, sense.meets(objective.value(in: values), bound: bound) {
                kept = .optimal
            } else if let limit = options.timeLimit, clock.seconds >= limit {
                kept = .timeLimit
            }
            if let kept {
                let value = objective.value(in: values).rounded()
                let proven = kept == .optimal
                levels.append(LevelResult(priority: priority, value: value, bound: proven ? value : .nan, termination: kept,
                                          solution: proven ? .optimal : .feasible, seconds: 0, nodes: 0,
                                          heuristic: proven ? .proved : nil))
                builder.fix(priority.rawValue, objective, sense: sense, at: value)
                continue
            }
            let remaining = options.timeLimit.map { max(0.05, $0 - clock.seconds) }
            let repaired = [.recruits, .fullTimeRecruits].contains(priority) && options.rosterRepair
                ? repair(RosterRepair(builder: builder, level: priority), incumbent: values, timeLimit: remaining, basis: basis, options: options)
                : priority == .crossings && options.crossingRepair
                ? repair(CrossingRepair(builder: builder), incumbent: values, timeLimit: remaining, basis: basis, options: options)
                : (proven: nil, start: nil, basis: nil)
            let (result, heuristic) = repaired.proven
                ?? solveLevel(builder.model, priority: priority, sense: sense, incumbent: repaired.start ?? values,
                              timeLimit: remaining, basis: repaired.basis ?? basis, options: options, clock: clock)
            basis = result.basis ?? repaired.basis ?? basis
            if result.hasSolution { values = result.values }
            let value = objective.value(in: values).rounded()
            // The level always holds a roster (the previous level's, if this search found none).
            let proven = result.primal == .optimal
            levels.append(LevelResult(priority: priority, value: value, bound: proven ? value : result.bound,
                                      termination: result.termination, solution: proven ? .optimal : .feasible,
                                      seconds: result.seconds, nodes: result.nodes, fault: result.fault, heuristic: heuristic))
            if result.termination == .interrupted { stopped = true }
            builder.fix(priority.rawValue, objective, sense: sense, at: value)
        }

        // A level stopped by the time limit may be improved by a later level's search (its value is only
        // held as a bound): every level reports its value in the final solution, the roster's own.
        for index in levels.indices {
            if let objective = objectives.first(where: { $0.0 == levels[index].priority })?.2 {
                levels[index].value = objective.value(in: values).rounded()
            }
        }
        let disaggregation = Disaggregation(partition: partition, model: builder, values: values, policy: policy)
        var roster = disaggregation.roster()
        let refineStart = clock.seconds
        let before = RosterFigures(roster: roster, district: district, policy: policy, previous: previous)
        var refinementCut = false
        if !options.skipRefinement && !stopped {
            var planning = district
            planning.inspectors = district.inspectors.map { person in
                var copy = person
                if let schools = forbidden[person.id] { copy.conflicts.formUnion(schools) }
                return copy
            }
            var refinement = Refinement(district: planning, policy: policy, roster: roster, previous: previousHolders,
                                        pinned: Set(pairs.pinned.keys))
            roster = refinement.improve(work: options.refinementWork,
                                        deadline: options.timeLimit.map { max($0 - clock.seconds, 0) } ?? .infinity)
            refinementCut = refinement.stoppedByClock
        }
        let figures = RosterFigures(roster: roster, district: district, policy: policy, previous: previous)
        levels = try Self.verify(figures, roster: roster, against: levels)
        let improvement = Improvement(
            kilometresBefore: before.totalKilometres, kilometresAfter: figures.totalKilometres,
            mismatchesBefore: before.stageMismatches, mismatchesAfter: figures.stageMismatches,
            seconds: clock.seconds - refineStart)
        var plan = Plan(
            district: district, policy: policy, roster: roster,
            recruitment: disaggregation.recruitment(in: roster),
            excluded: excluded, figures: figures,
            findings: Compliance.check(roster, district: district, policy: policy),
            levels: levels,
            improvement: improvement,
            modelSize: ModelSize(
                rows: builder.model.constraints.count, columns: builder.model.variables.count,
                nonzeros: builder.model.nonzeroCount, inspectorClasses: partition.inspectorClasses.count,
                schoolClasses: partition.schoolClasses.count),
            seconds: clock.seconds)
        plan.reproducible = !refinementCut && !levels.contains(where: \.termination.isClock)
        return plan
    }

}

/// The solver stopped (time limit, interruption) before it found any roster that honours the pinned pairs.
public struct NoRosterFound: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the solver stopped.
    public var status: SolveStatus

    /// What happened, for the error line.
    public var description: String { "no roster honouring the pinned pairs was found before the solver stopped (\(status))" }
}

/// The roster built from the model's counts says something other than the model: an internal fault,
/// reported rather than returned as if it were the optimum.
public struct PlannerInconsistency: Error, Hashable, Sendable, CustomStringConvertible {
    /// The level whose value the roster contradicts.
    public var priority: Priority
    /// The level's value in the model.
    public var model: Double
    /// The same figure counted on the roster.
    public var roster: Int

    /// "P4b: the model has 23, the roster 25".
    public var description: String {
        "\(priority.rawValue): the model has \(Int(model)), the roster \(roster) (the roster was not returned)"
    }
}

extension Planner {
    /// Checks every level's value on the finished roster (after the P5 local search) and returns the
    /// levels with the roster's own values. Recruits, full-time recruits, appointees and the schools left
    /// to recruits are counted exactly by the model, so any difference is a fault. Crossings and pairs
    /// kept may come out better on the roster than the model counts them when a level stopped before
    /// proving its optimum (the hub matching avoids a crossing the model still counts); only a roster
    /// that is worse is a fault.
    static func verify(_ figures: RosterFigures, roster: Roster, against levels: [LevelResult]) throws -> [LevelResult] {
        let waiting = roster.assignments.filter { if case .vacancy = $0.assignee { true } else { false } }.count
        var checked = levels
        for index in checked.indices where checked[index].status.hasSolution {
            let level = checked[index]
            let model = level.value.rounded()
            switch level.priority {
            case .recruits, .fullTimeRecruits, .appointees, .recruitLoad:
                let counted = switch level.priority {
                case .recruits: figures.recruits
                case .fullTimeRecruits: figures.recruitsFullTime
                case .appointees: figures.appointees
                default: waiting
                }
                if Double(counted) != model { throw PlannerInconsistency(priority: level.priority, model: model, roster: counted) }
            case .crossings:
                if Double(figures.crossings) > model {
                    throw PlannerInconsistency(priority: level.priority, model: model, roster: figures.crossings)
                }
                checked[index].value = Double(figures.crossings)
            case .stability:
                guard let kept = figures.keptSchools else { continue }
                if Double(kept) < model { throw PlannerInconsistency(priority: level.priority, model: model, roster: kept) }
                checked[index].value = Double(kept)
            }
        }
        return checked
    }
}

/// Wall-clock seconds since creation.
struct Stopwatch: Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    /// Seconds elapsed.
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}

extension RosterModel {
    /// A roster that always exists: every school to recruits, all full-time (meets any share).
    func trivialSolution() -> [Double] {
        var values = [Double](repeating: 0, count: model.variables.count)
        for g in partition.schoolClasses { values[vacancyServed[g.index].index] = Double(g.size) }
        for zone in partition.zones {
            guard let v = standardVacancies[zone], let f = fullTimeVacancies[zone] else { continue }
            let standard = partition.standardCount(in: zone)
            let large = partition.largeCount(in: zone)
            let needed = (standard + policy.schoolsPerInspector - 1) / policy.schoolsPerInspector
            values[v.index] = Double(needed)
            values[f.index] = Double(needed + large)
        }
        return values
    }
}
