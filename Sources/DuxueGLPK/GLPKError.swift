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
    /// Maps the outcome of `glp_intopt`/`glp_simplex` and the solution status to a ``SolveStatus``.
    static func status(glpkReturn: Int32, status: Int32, integer: Bool) -> SolveStatusMapping {
        let hasSolution = status == GLP_OPT || status == GLP_FEAS
        switch glpkReturn {
        case 0:
            if status == GLP_OPT { return .status(.optimal) }
            if status == GLP_FEAS { return integer ? .status(.feasibleWithinGap) : .status(.optimal) }
            if status == GLP_NOFEAS || status == GLP_INFEAS { return .status(.infeasible) }
            if status == GLP_UNBND { return .status(.unbounded) }
            return .status(.infeasible)
        case GLP_ETMLIM, GLP_EITLIM:
            return .status(hasSolution ? .timeLimitWithSolution : .timeLimitNoSolution)
        case GLP_ESTOP:
            return .status(hasSolution ? .interruptedWithSolution : .interruptedNoSolution)
        case GLP_EMIPGAP:
            return .status(.feasibleWithinGap)
        case GLP_ENOPFS, GLP_ENOFEAS:
            return .status(.infeasible)
        case GLP_ENODFS:
            return .status(.unbounded)
        case GLP_EROOT:
            return .fault("the lp relaxation was not solved to optimality before branching (GLP_EROOT)")
        case GLP_EBOUND:
            return .fault("a variable has inconsistent bounds (GLP_EBOUND)")
        case GLP_EFAIL:
            return .fault("the solver failed numerically (GLP_EFAIL)")
        case GLP_EBADB, GLP_ESING, GLP_ECOND:
            return .fault("the basis is invalid or ill-conditioned (code \(glpkReturn))")
        case GLP_EOBJLL, GLP_EOBJUL:
            return .status(.unbounded)
        default:
            return .fault("glpk returned code \(glpkReturn)")
        }
    }

    /// Either a result or a fault message.
    enum SolveStatusMapping: Equatable {
        case status(SolveStatus)
        case fault(String)
    }
}
