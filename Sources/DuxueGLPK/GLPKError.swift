import CGLPK
import DuxueMIP
import Foundation

/// Faults of the GLPK back end: misuse that GLPK caught, or files it could not write.
public enum GLPKError: Error, Equatable, CustomStringConvertible {
    /// GLPK reported an internal error (its message is kept); the thread's GLPK environment was reset.
    case fault(String)
    /// An exported model could not be written.
    case cannotWrite(path: String)
    /// A model with a problem that GLPK would reject (named), found before calling GLPK.
    case invalidModel(String)

    /// A lower-case message naming the problem and what to do.
    public var description: String {
        switch self {
        case .fault(let message):
            let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
            return "glpk reported an internal error: \(text.isEmpty ? "no message" : text); "
                + "the solve was abandoned, please export the model and report it"
        case .cannotWrite(let path):
            return "cannot write the model to \(path): check that the folder exists and is writable"
        case .invalidModel(let message):
            return "invalid model: \(message)"
        }
    }
}

/// GLPK's return codes and statuses mapped to Swift, in one table.
enum GLPKCodes {
    /// Maps the outcome of `glp_intopt`/`glp_simplex` and the solution status to why the solve stopped
    /// and what solution it has. `stop` is why the caller's progress callback stopped the search, when
    /// it did (GLPK's `GLP_ESTOP`).
    static func outcome(glpkReturn: Int32, status: Int32, integer: Bool, stop: SearchStop?) -> Mapping {
        let found: SolutionStatus = status == GLP_OPT ? .optimal : status == GLP_FEAS ? .feasible : .none
        switch glpkReturn {
        case 0:
            if status == GLP_OPT || (!integer && status == GLP_FEAS) { return .result(.optimal, .optimal) }
            if status == GLP_FEAS { return .result(.gapReached, .feasible) }
            if status == GLP_UNBND { return .result(.unbounded, .none) }
            return .result(.infeasible, .none)
        case GLP_ETMLIM, GLP_EITLIM:
            return .result(.timeLimit, found)
        case GLP_ESTOP:
            return .result(stop.map(Termination.init) ?? .interrupted, found)
        case GLP_EMIPGAP:
            return .result(.gapReached, found == .none ? .none : .feasible)
        case GLP_ENOPFS, GLP_ENOFEAS:
            return .result(.infeasible, .none)
        case GLP_ENODFS, GLP_EOBJLL, GLP_EOBJUL:
            return .result(.unbounded, .none)
        case GLP_EROOT:
            return .fault("the lp relaxation was not solved to optimality before branching (GLP_EROOT)")
        case GLP_EBOUND:
            return .fault("a variable has inconsistent bounds (GLP_EBOUND)")
        case GLP_EFAIL:
            return .fault("the solver failed numerically (GLP_EFAIL)")
        case GLP_EBADB, GLP_ESING, GLP_ECOND:
            return .fault("the basis is invalid or ill-conditioned (code \(glpkReturn))")
        default:
            return .fault("glpk returned code \(glpkReturn)")
        }
    }

    /// Basis statuses and GLPK's codes for them: the one table both directions read.
    static let basisCodes: [(status: BasisStatus, code: Int32)] = [
        (.basic, GLP_BS), (.atLower, GLP_NL), (.atUpper, GLP_NU), (.free, GLP_NF), (.fixed, GLP_NS),
    ]

    /// GLPK's code of a basis status.
    static func code(of status: BasisStatus) -> Int32 {
        basisCodes.first { $0.status == status }?.code ?? GLP_BS
    }

    /// The basis status of a GLPK code; `nil` for a code GLPK does not write (the basis is then dropped).
    static func basisStatus(_ code: Int32) -> BasisStatus? {
        basisCodes.first { $0.code == code }?.status
    }

    /// Either why the solve stopped and what it found, or a fault message.
    enum Mapping: Equatable {
        case result(Termination, SolutionStatus)
        case fault(String)
    }
}
