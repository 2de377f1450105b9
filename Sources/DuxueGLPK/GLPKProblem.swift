import CGLPK

/// The single owner of one `glp_prob`, deleted in `deinit`.
///
/// GLPK's environment is per thread, so a problem is created, solved and deleted on one thread;
/// ``GLPKSolver`` keeps each problem inside one call. If a GLPK fault frees the environment, the
/// pointer dies with it and `deinit` knows not to touch it (the shim's generation counter).
final class GLPKProblem {
    /// The problem, valid while the thread's fault generation is unchanged.
    let pointer: OpaquePointer
    private let generation: UInt

    /// Creates an empty problem on the current thread.
    init() {
        generation = dx_generation()
        pointer = dx_create_prob()
    }

    /// Whether a fault has freed the problem since it was created.
    var isAlive: Bool { dx_generation() == generation }

    deinit {
        dx_delete_prob(pointer, generation)
    }

    /// Maps a shim status to a Swift error.
    static func check(_ status: dx_status, path: String? = nil) throws {
        switch status {
        case DX_OK: return
        case DX_IO: throw GLPKError.cannotWrite(path: path ?? "?")
        default: throw GLPKError.fault(String(cString: dx_last_error()))
        }
    }
}

extension GLPKProblem {
    /// Sets a column's bounds without validation: lets tests prove that GLPK misuse becomes an error.
    func unsafeSetColumnBounds(column: Int32, lower: Double, upper: Double) throws {
        try Self.check(dx_set_col_bounds(pointer, column, GLP_DB, lower, upper))
    }
}
