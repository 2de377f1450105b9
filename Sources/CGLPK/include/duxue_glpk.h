/// The C boundary between Duxue and GLPK.
///
/// GLPK calls abort() when it is misused unless its error hook longjmps out; Swift cannot setjmp,
/// so every GLPK call that can fail goes through one of the dx_ functions below, each guarded here:
/// a GLPK error becomes DX_FAULT, the message GLPK printed is kept for dx_last_error(), and the
/// thread's GLPK environment (which GLPK declares unusable after an error) is freed.
/// GLPK 5 keeps its environment per thread: create, solve and delete a problem on one thread.
#ifndef DUXUE_GLPK_H
#define DUXUE_GLPK_H

#include <glpk.h>

/// Result of a guarded call.
typedef enum { DX_OK = 0, DX_FAULT = 1, DX_IO = 2 } dx_status;

/// Progress of a branch-and-cut search, passed to the progress callback.
typedef struct {
    int has_incumbent;
    double incumbent;
    double bound;
    double gap;
    int nodes_active;
    int nodes_total;
    int iterations;           ///< simplex iterations of the search so far (its work, a count, not a clock)
} dx_progress;

/// Called from GLPK's branch-and-cut callback; returns non-zero to stop the search.
typedef int (*dx_progress_fn)(void *context, const dx_progress *progress);

/// Called at GLPK's request for a heuristic solution (GLP_IHEUR) with the current node's LP column values
/// (1-based, ncols+1 long) and GLPK's incumbent (its column values, or NULL when it has none, and its
/// objective); writes a point into `solution` (1-based) and returns non-zero when it has one, which is
/// then offered to GLPK (glp_ios_heur_sol; GLPK keeps it only when it beats the incumbent). Needs the
/// problem's own columns, so a solve with a heuristic runs without GLPK's MIP presolver (as one with an
/// injected incumbent does).
typedef int (*dx_heuristic_fn)(void *context, int ncols, const double *lp, const double *incumbent_values,
                               double incumbent, double *solution);

/// Options for dx_solve_mip.
typedef struct {
    int time_limit_ms;        ///< 0 = no limit
    double mip_gap;           ///< relative gap at which to stop
    int presolve;             ///< 1 = GLPK's MIP presolver
    int cuts;                 ///< bit 0 GMI, bit 1 MIR, bit 2 cover, bit 3 clique
    int branching;            ///< GLP_BR_*
    int backtracking;         ///< GLP_BT_*
    int feasibility_pump;     ///< 1 = on
    int proximity_search;     ///< 1 = on
    int primal_simplex;       ///< 1 = primal simplex for an LP relaxation or the root LP of a search without presolve, 0 = dual (primal if it fails)
    int verbose;              ///< 1 = GLPK's own output on stdout
    int integer;              ///< 0 = solve only the LP relaxation
    const double *incumbent;  ///< optional 1-based column values injected as first incumbent (may be NULL)
    dx_progress_fn progress;  ///< optional
    void *progress_context;
    /// Optional starting basis (GLP_BS, GLP_NL, …), 1-based: the first basis_row_count rows, every column.
    /// Rows past basis_row_count (added since) start basic. Used where GLPK's presolver does not run
    /// (an LP given a basis is solved without it); an invalid or singular basis falls back to GLPK's own.
    const int *basis_rows;
    int basis_row_count;
    const int *basis_cols;
    /// Optional 1-based buffers (rows+1, columns+1 long) receiving the final basis of an LP relaxation
    /// solved to optimality (result.has_basis says whether they were written).
    int *basis_rows_out;
    int *basis_cols_out;
    /// Optional 1-based buffer (columns+1 long) receiving the reduced costs of an LP relaxation solved to
    /// optimality (written when has_basis is).
    double *col_duals_out;
    dx_heuristic_fn heuristic;  ///< optional primal heuristic run at GLPK's heuristic requests
    void *heuristic_context;
    double *heuristic_work;     ///< caller-owned, 3 × (ncols + 1) doubles, used when heuristic is set
    /// Optional 1-based buffers (columns+1 long) receiving the root LP of a search without presolve after
    /// its cut rounds (at its first branching): column values and reduced costs (result.has_root says
    /// whether they were written, result.root_objective holds its value).
    double *root_values_out;
    double *root_duals_out;
} dx_options;

/// Outcome of dx_solve_mip.
typedef struct {
    int glpk_return;   ///< return code of glp_intopt / glp_simplex
    int status;        ///< glp_mip_status / glp_get_status
    double objective;
    double bound;      ///< best bound known (from the tree or the LP relaxation)
    int nodes;
    int injected;      ///< 1 if the incumbent was accepted by GLPK
    int has_basis;     ///< 1 if the basis_*_out buffers hold the optimal basis of the LP relaxation
    int heuristic_accepted;  ///< points of the heuristic that GLPK accepted as new incumbents
    int has_root;            ///< 1 if root_values_out and root_duals_out hold the root LP after its cuts
    double root_objective;   ///< that LP's objective value
} dx_result;

/// Creates a problem; the caller owns it and deletes it with dx_delete_prob.
glp_prob *dx_create_prob(void);
/// Deletes a problem created by dx_create_prob unless a fault freed the environment since.
void dx_delete_prob(glp_prob *prob, unsigned long generation);
/// Number of faults on this thread so far; a problem is valid while this is unchanged.
unsigned long dx_generation(void);

/// Loads a whole model. Columns and rows are 1-based in the arrays (index 0 unused).
/// kinds: 0 continuous, 1 integer, 2 binary. Bound types use GLP_FR/LO/UP/DB/FX.
dx_status dx_load(glp_prob *prob, int minimize, int nrows, int ncols,
                  const char *const *row_names, const int *row_types, const double *row_lo, const double *row_up,
                  const char *const *col_names, const int *col_kinds, const int *col_types,
                  const double *col_lo, const double *col_up, const double *obj, double obj_constant,
                  int nnz, const int *ia, const int *ja, const double *ar);

/// Solves the loaded problem. col_values (1-based, ncols+1 long) receives the solution.
dx_status dx_solve(glp_prob *prob, const dx_options *options, dx_result *result, double *col_values);

/// Writes the problem as free MPS (format 0) or CPLEX LP (format 1).
dx_status dx_write(glp_prob *prob, int format, const char *path);

/// Sets a column bound with no validation in Swift: used by tests to prove that misuse is caught.
dx_status dx_set_col_bounds(glp_prob *prob, int column, int type, double lo, double up);

/// The last message GLPK printed before a fault (empty if none).
const char *dx_last_error(void);

/// GLPK's version string.
const char *dx_version(void);

#endif
