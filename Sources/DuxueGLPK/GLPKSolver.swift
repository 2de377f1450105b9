import CGLPK
import DuxueConcurrency
import DuxueMIP
import Foundation

/// Solves ``Model``s with GLPK's simplex and branch-and-cut: the only code that imports the C module.
public struct GLPKSolver: MIPSolver {
    /// GLPK tuning; the defaults are the ones measured best on Duxue's models (see benchmarks/).
    public struct Tuning: Sendable {
        /// GLPK's MIP presolver.
        public var presolve = true
        /// Cut families: bit 0 Gomory, 1 MIR, 2 cover, 3 clique. Gomory only: all four prove Holmberg's
        /// capacity knapsacks far sooner (p20, p44, p54 in under 1 s instead of 7–14 s; `duxue-holmberg`
        /// uses them) but made 1,500-school roster plans slower (benchmarks/README.md, "Node heuristics").
        public var cuts: Int32 = 0b0001
        /// Branching rule (GLP_BR_*) of ``SearchStrategy/lastColumnsFirst``: last fractional variable.
        /// The roster model adds its decision columns last (recruits, then appointees per class), so
        /// the search settles those first. Measured against pseudocost branching (benchmarks/README.md,
        /// "GLPK options"): 1,500-school short pool 17 s → 5 s; 3,000 schools short of full-time
        /// 303 s (time limit) → 30 s, optimal.
        public var branching: Int32 = GLP_BR_LFV
        /// Backtracking rule (GLP_BT_*) of ``SearchStrategy/lastColumnsFirst``: best projection.
        public var backtracking: Int32 = GLP_BT_BPH
        /// Feasibility pump heuristic.
        public var feasibilityPump = false
        /// Proximity search heuristic.
        public var proximitySearch = false
        /// The MIP layer's ``NodeHeuristics`` at GLPK's heuristic requests (all-integer models only; such
        /// a search runs without GLPK's MIP presolver, which would renumber the columns, and solves its
        /// root LP by the dual simplex): `nil` = as ``SolveOptions/nodeHeuristics`` says, `true` or
        /// `false` for every search (`DUXUE_GLPK_NODE_HEURISTICS=on|off`, for experiments).
        public var nodeHeuristics: Bool?

        /// The measured defaults. For benchmark experiments, `DUXUE_GLPK_CUTS` (0–15) overrides the
        /// cut families, `DUXUE_GLPK_BT` (1–4) and `DUXUE_GLPK_BR` (1–5) the backtracking and
        /// branching rules of ``SearchStrategy/lastColumnsFirst``, and `DUXUE_GLPK_HEURISTICS` (`fp`,
        /// `ps` or `fp,ps`) turns heuristics on, and `DUXUE_GLPK_NODE_HEURISTICS` sets ``nodeHeuristics``.
        public init() {
            let environment = ProcessInfo.processInfo.environment
            if let value = environment["DUXUE_GLPK_CUTS"].flatMap(Int32.init), (0...15).contains(value) {
                cuts = value
            }
            if let value = environment["DUXUE_GLPK_BT"].flatMap(Int32.init), (1...4).contains(value) { backtracking = value }
            if let value = environment["DUXUE_GLPK_BR"].flatMap(Int32.init), (1...5).contains(value) { branching = value }
            if let value = environment["DUXUE_GLPK_HEURISTICS"] {
                feasibilityPump = value.contains("fp")
                proximitySearch = value.contains("ps")
            }
            switch environment["DUXUE_GLPK_NODE_HEURISTICS"] {
            case "on": nodeHeuristics = true
            case "off": nodeHeuristics = false
            default: break
            }
        }
    }

    /// GLPK's time limit in milliseconds for `seconds` (0 = none): rounded up, at least 1 ms for any
    /// positive limit, and clamped to what GLPK's `int` holds — so `inf`, `1e300` or NaN never trap.
    static func milliseconds(_ seconds: Double?) -> Int32 {
        guard let seconds, seconds > 0, !seconds.isNaN else { return 0 }
        let ms = (seconds * 1000).rounded(.up)
        return ms >= Double(Int32.max) ? Int32.max : Int32(ms)
    }

    /// GLPK's branching and backtracking rules for a search strategy: last fractional variable with
    /// depth first for ``SearchStrategy/dive``, the tuned rules for ``SearchStrategy/lastColumnsFirst``,
    /// pseudocost branching with best local bound for ``SearchStrategy/pseudocost``.
    func rules(for strategy: SearchStrategy) -> (branching: Int32, backtracking: Int32) {
        switch strategy {
        case .dive: (GLP_BR_LFV, GLP_BT_DFS)
        case .lastColumnsFirst: (tuning.branching, tuning.backtracking)
        case .pseudocost: (GLP_BR_PCH, GLP_BT_BLB)
        }
    }

    /// Tuning used for every solve.
    public var tuning: Tuning

    /// A solver with the given tuning.
    public init(tuning: Tuning = Tuning()) {
        self.tuning = tuning
    }

    /// GLPK's version string, e.g. "5.0".
    public static var version: String { String(cString: dx_version()) }

    /// Solves the model on the calling thread.
    public func solve(_ model: Model, options: SolveOptions) throws -> Solution {
        let start = DispatchTime.now()
        if let incumbent = options.incumbent, let violation = model.firstViolation(in: incumbent) {
            throw GLPKError.invalidModel("the incumbent offered to glpk is not feasible: \(violation)")
        }
        let problem = GLPKProblem()
        try load(model, into: problem)
        let integer = !options.relaxation && model.variables.contains { $0.kind != .continuous }
        var values = [Double](repeating: 0, count: model.variables.count + 1)
        var result = dx_result()
        let incumbent: [Double]? = options.incumbent.map { [0] + $0 }
        let box = ProgressBox(options.progress)
        // The basis given (for this model's columns only) and the basis read back, as GLPK's codes in one
        // buffer of four 1-based parts: rows given | columns given | rows out | columns out.
        let rows = model.constraints.count, columns = model.variables.count
        let startBasis = options.basis.flatMap { $0.columns.count == columns ? $0 : nil }
        let rowsGiven = startBasis.map { min($0.rows.count, rows) } ?? 0
        var codes: [Int32] = startBasis.map { [0] + $0.rows.prefix(rows).map(GLPKCodes.code(of:)) + [0] + $0.columns.map(GLPKCodes.code(of:)) } ?? []
        let rowsOutAt = codes.count, columnsOutAt = rowsOutAt + rows + 1
        if !integer { codes += [Int32](repeating: 0, count: rows + columns + 2) }
        let heuristics = integer && (tuning.nodeHeuristics ?? options.nodeHeuristics) ? NodeHeuristics(model: model, subSolve: Self.rinsSolve(tuning, deadline: options.timeLimit.map { Double(start.uptimeNanoseconds) / 1e9 + $0 })) : nil
        var work = [Double](repeating: 0, count: heuristics == nil ? 0 : 3 * (model.variables.count + 1))
        var duals = [Double](repeating: 0, count: integer ? 0 : columns + 1)
        // The root LP after its cuts (values, then reduced costs), when asked for.
        let recordRoot = integer && options.recordRoot
        var root = [Double](repeating: 0, count: recordRoot ? 2 * (columns + 1) : 0)
        let status = withExtendedLifetime((box, heuristics)) { () -> dx_status in
            let context = Unmanaged.passUnretained(box).toOpaque()
            return (incumbent ?? []).withUnsafeBufferPointer { incumbentBuffer in
              duals.withUnsafeMutableBufferPointer { dualBuffer in
              root.withUnsafeMutableBufferPointer { rootBuffer in
              work.withUnsafeMutableBufferPointer { workBuffer in
              codes.withUnsafeMutableBufferPointer { codeBuffer in
                var dxOptions = dx_options()
                dxOptions.time_limit_ms = Self.milliseconds(options.timeLimit)
                dxOptions.mip_gap = options.relativeGap
                dxOptions.presolve = tuning.presolve ? 1 : 0
                dxOptions.cuts = tuning.cuts
                (dxOptions.branching, dxOptions.backtracking) = rules(for: options.strategy)
                dxOptions.feasibility_pump = tuning.feasibilityPump ? 1 : 0
                dxOptions.proximity_search = tuning.proximitySearch ? 1 : 0
                dxOptions.primal_simplex = heuristics == nil && !options.dualSimplex ? 1 : 0
                dxOptions.verbose = options.verbose ? 1 : 0
                dxOptions.integer = integer ? 1 : 0
                dxOptions.incumbent = incumbent == nil ? nil : incumbentBuffer.baseAddress
                if options.progress != nil {
                    dxOptions.progress = { context, progress in
                        guard let context, let progress else { return 0 }
                        let box = Unmanaged<ProgressBox>.fromOpaque(context).takeUnretainedValue()
                        return box.report(progress.pointee) ? 0 : 1
                    }
                    dxOptions.progress_context = context
                }
                let code = codeBuffer.baseAddress
                if startBasis != nil, let code {
                    dxOptions.basis_rows = UnsafePointer(code)
                    dxOptions.basis_row_count = Int32(rowsGiven)
                    dxOptions.basis_cols = UnsafePointer(code + rowsGiven + 1)
                }
                if !integer, let code {
                    dxOptions.basis_rows_out = code + rowsOutAt
                    dxOptions.basis_cols_out = code + columnsOutAt
                    dxOptions.col_duals_out = dualBuffer.baseAddress
                }
                if recordRoot, let base = rootBuffer.baseAddress {
                    dxOptions.root_values_out = base
                    dxOptions.root_duals_out = base + columns + 1
                }
                if let heuristics {
                    dxOptions.heuristic = { context, columns, lp, incumbentValues, incumbent, point in
                        guard let context, let lp, let point else { return 0 }
                        let heuristics = Unmanaged<NodeHeuristics>.fromOpaque(context).takeUnretainedValue()
                        let count = Int(columns)
                        guard count == heuristics.model.variables.count,
                              let found = heuristics.run(
                                lp: (0..<count).map { lp[$0 + 1] },
                                incumbent: incumbentValues.map { values in (0..<count).map { values[$0 + 1] } },
                                value: incumbentValues == nil ? nil : incumbent)
                        else { return 0 }
                        for (offset, value) in found.enumerated() { point[offset + 1] = value }
                        return 1
                    }
                    dxOptions.heuristic_context = Unmanaged.passUnretained(heuristics).toOpaque()
                    dxOptions.heuristic_work = workBuffer.baseAddress
                }
                return dx_solve(problem.pointer, &dxOptions, &result, &values)
              }
              }
              }
              }
            }
        }
        try GLPKProblem.check(status)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        switch GLPKCodes.outcome(
            glpkReturn: result.glpk_return, status: result.status, integer: integer, stop: box.stop)
        {
        case .fault(let message):
            throw GLPKError.fault(message)
        case .result(let termination, let primal):
            let columnValues = primal == .none ? [] : Array(values.dropFirst())
            let objective = primal == .none ? .nan : result.objective
            let bound = primal == .optimal ? objective : result.bound
            var solution = Solution(
                termination: termination, primal: primal, values: columnValues, objective: objective, bound: bound,
                nodes: Int(result.nodes), seconds: seconds)
            if result.has_root != 0, recordRoot, columns > 0 {
                solution.root = RootRelaxation(
                    objective: result.root_objective, values: Array(root[1...columns]),
                    reducedCosts: Array(root[(columns + 2)...]))
            }
            if result.has_basis != 0 {
                let rowStatuses = codes[(rowsOutAt + 1)..<columnsOutAt].compactMap(GLPKCodes.basisStatus)
                let columnStatuses = codes[(columnsOutAt + 1)...].compactMap(GLPKCodes.basisStatus)
                // A code outside the table drops the basis rather than guess a status.
                if rowStatuses.count == rows, columnStatuses.count == columns {
                    solution.basis = LPBasis(rows: rowStatuses, columns: columnStatuses)
                }
                solution.reducedCosts = Array(duals.dropFirst())
            }
            return solution
        }
    }

    /// How ``NodeHeuristics`` solves a RINS or other neighbourhood: with this tuning but no cuts and no node
    /// heuristics of its own, on a solver thread of its own (GLPK keeps one environment per thread, and the search that
    /// asked is inside GLPK's callback on this one); the caller waits for it. A sub-search ends at the
    /// user's time limit (`deadline`, uptime seconds) at the latest, so the whole solve keeps to it.
    static func rinsSolve(_ tuning: Tuning, deadline: Double? = nil) -> NodeHeuristics.SubSolve {
        var inner = tuning
        inner.nodeHeuristics = false
        // No cuts: GLPK generates them over every column, fixed ones included (no presolve with an
        // incumbent), and one round could outlast the whole node budget, between two callbacks.
        inner.cuts = 0
        let solver = GLPKSolver(tuning: inner)
        return { model, given in
            var limited = given
            if let deadline {
                let left = deadline - Double(DispatchTime.now().uptimeNanoseconds) / 1e9
                guard left > 0.01 else { throw GLPKError.fault("no time left for a neighbourhood search") }
                limited.timeLimit = min(given.timeLimit ?? left, left)
            }
            let options = limited
            let outcome = Locked<Result<Solution, any Error>?>(nil)
            SolverThreads.start {
                let result = Result { try solver.solve(model, options: options) }
                outcome.update { $0 = result }
            }
            let result = outcome.wait(until: { $0 != nil }) { $0 }
            guard let result, let result else { throw GLPKError.fault("the RINS search ended without a result") }
            return try result.get()
        }
    }

    /// Writes the model as free MPS or CPLEX LP through GLPK's own writers.
    public func export(_ model: Model, format: ModelFormat, to path: String) throws {
        let problem = GLPKProblem()
        try load(model, into: problem)
        // Written beside the target and renamed into place: a failed write leaves no half file.
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        do {
            try GLPKProblem.check(dx_write(problem.pointer, format == .mps ? 0 : 1, temporary), path: path)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw GLPKError.cannotWrite(path: path)
        }
    }

    /// Loads a model into a GLPK problem, merging repeated terms and naming every row and column.
    func load(_ model: Model, into problem: GLPKProblem) throws {
        let rows = model.constraints.count
        let columns = model.variables.count
        var rowTypes = [Int32](repeating: 0, count: rows + 1)
        var rowLower = [Double](repeating: 0, count: rows + 1)
        var rowUpper = [Double](repeating: 0, count: rows + 1)
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        ia.reserveCapacity(model.nonzeroCount + 1)
        ja.reserveCapacity(model.nonzeroCount + 1)
        ar.reserveCapacity(model.nonzeroCount + 1)
        var merged: [Int: Double] = [:]
        for (offset, constraint) in model.constraints.enumerated() {
            let row = offset + 1
            let shift = constraint.expression.constant
            (rowTypes[row], rowLower[row], rowUpper[row]) = Self.boundType(
                constraint.lower.map { $0 - shift }, constraint.upper.map { $0 - shift })
            merged.removeAll(keepingCapacity: true)
            for (variable, coefficient) in constraint.expression.terms {
                guard variable.index >= 0, variable.index < columns else {
                    throw GLPKError.invalidModel("row \(constraint.name) names column \(variable.index), which does not exist")
                }
                merged[variable.index, default: 0] += coefficient
            }
            for (column, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
                ia.append(Int32(row))
                ja.append(Int32(column + 1))
                ar.append(coefficient)
            }
        }
        var kinds = [Int32](repeating: 0, count: columns + 1)
        var columnTypes = [Int32](repeating: 0, count: columns + 1)
        var columnLower = [Double](repeating: 0, count: columns + 1)
        var columnUpper = [Double](repeating: 0, count: columns + 1)
        var objective = [Double](repeating: 0, count: columns + 1)
        for (offset, variable) in model.variables.enumerated() {
            let column = offset + 1
            kinds[column] = variable.kind == .binary ? 2 : variable.kind == .integer ? 1 : 0
            (columnTypes[column], columnLower[column], columnUpper[column]) = Self.boundType(variable.lower, variable.upper)
        }
        for (variable, coefficient) in model.objective.terms { objective[variable.index + 1] += coefficient }
        let status = withCStrings(model.constraints.map(\.name)) { rowNames in
            withCStrings(model.variables.map(\.name)) { columnNames in
                dx_load(
                    problem.pointer, model.sense == .minimize ? 1 : 0, Int32(rows), Int32(columns),
                    rowNames, rowTypes, rowLower, rowUpper, columnNames, kinds, columnTypes, columnLower, columnUpper,
                    objective, model.objective.constant, Int32(ia.count - 1), ia, ja, ar)
            }
        }
        try GLPKProblem.check(status)
    }

    /// GLPK's bound type for optional lower and upper bounds.
    static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let l?, nil): (GLP_LO, l, 0)
        case (nil, let u?): (GLP_UP, 0, u)
        case (let l?, let u?): l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
        }
    }
}

/// Calls `body` with a 1-based array of C strings (index 0 is NULL) that lives for the call.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = [nil] + strings.map { strdup(GLPKNames.sanitized($0)) }
    defer { pointers.forEach { free($0) } }
    let constant = pointers.map { $0.map { UnsafePointer($0) } }
    return constant.withUnsafeBufferPointer { buffer in
        // The array always holds the leading NULL, so the buffer has a base address.
        guard let base = buffer.baseAddress else { preconditionFailure("empty name table") }
        return body(base)
    }
}

/// GLPK names: at most 255 characters, no spaces or control characters (MPS and LP need that).
enum GLPKNames {
    static func sanitized(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { $0.value <= 32 || $0 == "\u{7F}" ? "_" : Character($0) })
        var bytes = Array(cleaned.utf8.prefix(255))
        while String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Carries the Swift progress closure through GLPK's C callback, and remembers why it stopped the
/// search (GLPK itself only says "stopped").
private final class ProgressBox: Sendable {
    let callback: (@Sendable (SolveProgress) -> SearchStop?)?
    private let reason = Locked<SearchStop?>(nil)

    init(_ callback: (@Sendable (SolveProgress) -> SearchStop?)?) { self.callback = callback }

    /// Why the callback stopped the search, if it did.
    var stop: SearchStop? { reason.withLock { $0 } }

    /// Reports a snapshot; `false` stops the search.
    func report(_ progress: dx_progress) -> Bool {
        guard let callback else { return true }
        let snapshot = SolveProgress(
            incumbent: progress.has_incumbent != 0 ? progress.incumbent : nil, bound: progress.bound,
            gap: progress.has_incumbent != 0 ? progress.gap : nil, nodes: Int(progress.nodes_total),
            iterations: Int(progress.iterations))
        guard let stop = callback(snapshot) else { return true }
        reason.withLock { $0 = $0 ?? stop }
        return false
    }
}
