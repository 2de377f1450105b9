#include "duxue_glpk.h"
#include <setjmp.h>
#include <string.h>
#include <stdio.h>

static _Thread_local jmp_buf *dx_jump;
static _Thread_local char dx_message[1024];
static _Thread_local char dx_output[1024];
static _Thread_local int dx_verbose;
static _Thread_local unsigned long dx_faults;
static _Thread_local int dx_live;

/* Keeps the tail of GLPK's output so an error can be reported; prints it, to stderr (stdout carries the
   report, JSON included), only when verbose. */
static int dx_term_hook(void *info, const char *text) {
    (void)info;
    size_t used = strlen(dx_output), add = strlen(text);
    if (used + add >= sizeof dx_output) { used = 0; dx_output[0] = 0; }
    if (add >= sizeof dx_output) add = sizeof dx_output - 1;
    memcpy(dx_output + used, text, add);
    dx_output[used + add] = 0;
    if (dx_verbose) fputs(text, stderr);
    return 1;
}

static void dx_error_hook(void *info) {
    (void)info;
    strncpy(dx_message, dx_output, sizeof dx_message - 1);
    dx_message[sizeof dx_message - 1] = 0;
    if (dx_jump) longjmp(*dx_jump, 1);
}

static void dx_begin(void) {
    dx_output[0] = 0;
    glp_term_hook(dx_term_hook, NULL);
}

/* Runs after a longjmp out of GLPK: the environment is unusable and is freed with every problem in it. */
static dx_status dx_fault(void) {
    dx_jump = NULL;
    glp_error_hook(NULL, NULL);
    glp_free_env();
    dx_faults++;
    dx_live = 0;
    return DX_FAULT;
}

#define DX_GUARDED(...)                                    \
    do {                                                   \
        jmp_buf buffer;                                    \
        dx_begin();                                        \
        dx_jump = &buffer;                                 \
        if (setjmp(buffer)) return dx_fault();             \
        glp_error_hook(dx_error_hook, NULL);               \
        __VA_ARGS__;                                            \
        glp_error_hook(NULL, NULL);                        \
        dx_jump = NULL;                                    \
        return DX_OK;                                      \
    } while (0)

unsigned long dx_generation(void) { return dx_faults; }

glp_prob *dx_create_prob(void) {
    dx_begin();
    dx_live++;
    return glp_create_prob();
}

void dx_delete_prob(glp_prob *prob, unsigned long generation) {
    if (prob == NULL || generation != dx_faults) return;
    glp_delete_prob(prob);
    if (--dx_live <= 0) {
        dx_live = 0;
        glp_free_env();
    }
}

const char *dx_last_error(void) { return dx_message; }

const char *dx_version(void) { return glp_version(); }

dx_status dx_load(glp_prob *prob, int minimize, int nrows, int ncols,
                  const char *const *row_names, const int *row_types, const double *row_lo, const double *row_up,
                  const char *const *col_names, const int *col_kinds, const int *col_types,
                  const double *col_lo, const double *col_up, const double *obj, double obj_constant,
                  int nnz, const int *ia, const int *ja, const double *ar) {
    DX_GUARDED({
        glp_set_prob_name(prob, "duxue");
        glp_set_obj_name(prob, "objective");
        glp_set_obj_dir(prob, minimize ? GLP_MIN : GLP_MAX);
        glp_set_obj_coef(prob, 0, obj_constant);
        if (nrows > 0) glp_add_rows(prob, nrows);
        if (ncols > 0) glp_add_cols(prob, ncols);
        for (int i = 1; i <= nrows; i++) {
            if (row_names && row_names[i]) glp_set_row_name(prob, i, row_names[i]);
            glp_set_row_bnds(prob, i, row_types[i], row_lo[i], row_up[i]);
        }
        for (int j = 1; j <= ncols; j++) {
            if (col_names && col_names[j]) glp_set_col_name(prob, j, col_names[j]);
            glp_set_col_kind(prob, j, col_kinds[j] == 2 ? GLP_BV : col_kinds[j] == 1 ? GLP_IV : GLP_CV);
            /* GLP_BV gives the column the bounds 0 and 1: the caller's bounds are set after it, or a
               binary column fixed by a neighbourhood would go free again. */
            glp_set_col_bnds(prob, j, col_types[j], col_lo[j], col_up[j]);
            glp_set_obj_coef(prob, j, obj[j]);
        }
        glp_load_matrix(prob, nnz, ia, ja, ar);
    });
}

typedef struct {
    const dx_options *options;
    int injected;
    int stopped;
    int has_bound;
    double bound;
    int nodes;
    int heuristic_accepted;
    int has_root;
    double root_objective;
    int presolved;
} dx_callback_state;

static void dx_callback(glp_tree *tree, void *info) {
    dx_callback_state *state = info;
    const dx_options *options = state->options;
    int best = glp_ios_best_node(tree);
    {
        int active = 0, current = 0, total = 0;
        glp_ios_tree_size(tree, &active, &current, &total);
        if (total > state->nodes) state->nodes = total;
    }
    if (best) {
        state->has_bound = 1;
        state->bound = glp_ios_node_bound(tree, best);
    }
    /* The root LP after its cut rounds, at the root's branching (the columns are the caller's: a search
       that asks for it runs without presolve). */
    if (glp_ios_reason(tree) == GLP_IBRANCH && options->root_values_out && options->root_duals_out
        && !state->presolved && glp_ios_node_level(tree, glp_ios_curr_node(tree)) == 0) {
        glp_prob *prob = glp_ios_get_prob(tree);
        int ncols = glp_get_num_cols(prob);
        if (glp_get_status(prob) == GLP_OPT) {
            for (int j = 1; j <= ncols; j++) {
                options->root_values_out[j] = glp_get_col_prim(prob, j);
                options->root_duals_out[j] = glp_get_col_dual(prob, j);
            }
            state->has_root = 1;
            state->root_objective = glp_get_obj_val(prob);
        }
    }
    if (glp_ios_reason(tree) == GLP_IHEUR && options->incumbent && !state->injected) {
        state->injected = glp_ios_heur_sol(tree, options->incumbent) == 0 ? 1 : -1;
    }
    if (glp_ios_reason(tree) == GLP_IHEUR && options->heuristic && options->heuristic_work) {
        glp_prob *prob = glp_ios_get_prob(tree);
        int ncols = glp_get_num_cols(prob);
        double *lp = options->heuristic_work, *point = lp + ncols + 1, *incumbent = point + ncols + 1;
        for (int j = 1; j <= ncols; j++) lp[j] = glp_get_col_prim(prob, j);
        int has = glp_mip_status(prob) == GLP_FEAS || glp_mip_status(prob) == GLP_OPT;
        if (has) for (int j = 1; j <= ncols; j++) incumbent[j] = glp_mip_col_val(prob, j);
        if (options->heuristic(options->heuristic_context, ncols, lp, has ? incumbent : NULL, glp_mip_obj_val(prob), point)
            && glp_ios_heur_sol(tree, point) == 0) {
            state->heuristic_accepted++;
        }
    }
    /* Progress, and the caller's chance to stop the search, at every call: node selection and new
       incumbents, but also the root's cut rounds and heuristics, which can last seconds on a large
       model (a search that another run has already proven must not have to wait for them). */
    if (options->progress) {
        glp_prob *prob = glp_ios_get_prob(tree);
        dx_progress progress;
        progress.has_incumbent = glp_mip_status(prob) == GLP_FEAS || glp_mip_status(prob) == GLP_OPT;
        progress.incumbent = glp_mip_obj_val(prob);
        progress.bound = best ? glp_ios_node_bound(tree, best) : progress.incumbent;
        progress.gap = progress.has_incumbent ? glp_ios_mip_gap(tree) : 1e300;
        int active = 0, current = 0, total = 0;
        glp_ios_tree_size(tree, &active, &current, &total);
        progress.nodes_active = active;
        progress.nodes_total = total;
        progress.iterations = glp_get_it_cnt(prob);
        if (options->progress(options->progress_context, &progress)) {
            state->stopped = 1;
            glp_ios_terminate(tree);
        }
    }
}

/* The simplex from the caller's basis when one is given (no LP presolve then), else from GLPK's own
   starting basis. A basis GLPK refuses (invalid, singular, ill-conditioned) or a warm start that fails
   numerically is retried once from GLPK's standard basis, with the caller's presolve setting. */
static int dx_simplex(glp_prob *prob, glp_smcp *smcp, const dx_options *options) {
    if (options->basis_cols) {
        int m = glp_get_num_rows(prob), n = glp_get_num_cols(prob);
        int given = options->basis_rows ? options->basis_row_count : 0;
        for (int i = 1; i <= m; i++) glp_set_row_stat(prob, i, i <= given ? options->basis_rows[i] : GLP_BS);
        for (int j = 1; j <= n; j++) glp_set_col_stat(prob, j, options->basis_cols[j]);
        int presolve = smcp->presolve;
        smcp->presolve = GLP_OFF;
        int rc = glp_simplex(prob, smcp);
        if (rc != GLP_EBADB && rc != GLP_ESING && rc != GLP_ECOND && rc != GLP_EFAIL) return rc;
        glp_std_basis(prob);
        smcp->presolve = presolve;
    }
    return glp_simplex(prob, smcp);
}

dx_status dx_solve(glp_prob *prob, const dx_options *options, dx_result *result, double *col_values) {
    dx_verbose = options->verbose;
    DX_GUARDED({
        memset(result, 0, sizeof *result);
        int ncols = glp_get_num_cols(prob);
        if (!options->integer) {
            glp_smcp smcp;
            glp_init_smcp(&smcp);
            smcp.msg_lev = options->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
            smcp.presolve = options->presolve ? GLP_ON : GLP_OFF;
            smcp.meth = options->primal_simplex ? GLP_PRIMAL : GLP_DUALP;
            if (options->time_limit_ms > 0) smcp.tm_lim = options->time_limit_ms;
            result->glpk_return = dx_simplex(prob, &smcp, options);
            result->status = glp_get_status(prob);
            result->objective = glp_get_obj_val(prob);
            result->bound = result->objective;
            for (int j = 1; j <= ncols; j++) col_values[j] = glp_get_col_prim(prob, j);
            if (options->basis_rows_out && options->basis_cols_out && result->glpk_return == 0
                && result->status == GLP_OPT) {
                int nrows = glp_get_num_rows(prob);
                for (int i = 1; i <= nrows; i++) options->basis_rows_out[i] = glp_get_row_stat(prob, i);
                for (int j = 1; j <= ncols; j++) options->basis_cols_out[j] = glp_get_col_stat(prob, j);
                if (options->col_duals_out)
                    for (int j = 1; j <= ncols; j++) options->col_duals_out[j] = glp_get_col_dual(prob, j);
                result->has_basis = 1;
            }
        } else {
            dx_callback_state state = {options, 0, 0, 0, 0.0, 0, 0, 0, 0.0, 0};
            glp_iocp iocp;
            glp_init_iocp(&iocp);
            iocp.msg_lev = options->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
            /* An injected incumbent is in the original columns, which GLPK's MIP presolver renumbers:
               then the LP relaxation is solved here first and branch-and-cut runs without presolve. So does
               a search with a heuristic, which reads and writes the original columns at the nodes. */
            int presolve = options->presolve && !options->incumbent && !options->heuristic;
            iocp.presolve = presolve ? GLP_ON : GLP_OFF;
            state.presolved = presolve;
            if (!presolve) {
                glp_smcp smcp;
                glp_init_smcp(&smcp);
                smcp.msg_lev = options->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
                smcp.presolve = GLP_OFF;
                /* Dual simplex (primal if it fails): from the slack basis of a model with costs of one
                   sign it is often far quicker (Holmberg p62: 922 iterations and 1.4 s against the
                   primal's 10,832 and 10.4 s). */
                smcp.meth = options->primal_simplex ? GLP_PRIMAL : GLP_DUALP;
                if (options->time_limit_ms > 0) smcp.tm_lim = options->time_limit_ms;
                int rc = dx_simplex(prob, &smcp, options);
                if (rc != 0 || glp_get_status(prob) != GLP_OPT) {
                    result->glpk_return = rc != 0 ? rc : GLP_ENOPFS;
                    result->status = glp_get_status(prob) == GLP_UNBND ? GLP_UNBND : GLP_NOFEAS;
                    if (rc == 0 && glp_get_status(prob) == GLP_UNBND) result->glpk_return = GLP_ENODFS;
                    glp_error_hook(NULL, NULL);
                    dx_jump = NULL;
                    return DX_OK;
                }
            }
            iocp.mip_gap = options->mip_gap;
            iocp.gmi_cuts = (options->cuts & 1) ? GLP_ON : GLP_OFF;
            iocp.mir_cuts = (options->cuts & 2) ? GLP_ON : GLP_OFF;
            iocp.cov_cuts = (options->cuts & 4) ? GLP_ON : GLP_OFF;
            iocp.clq_cuts = (options->cuts & 8) ? GLP_ON : GLP_OFF;
            if (options->branching) iocp.br_tech = options->branching;
            if (options->backtracking) iocp.bt_tech = options->backtracking;
            iocp.fp_heur = options->feasibility_pump ? GLP_ON : GLP_OFF;
            iocp.ps_heur = options->proximity_search ? GLP_ON : GLP_OFF;
            if (options->time_limit_ms > 0) iocp.tm_lim = options->time_limit_ms;
            iocp.cb_func = dx_callback;
            iocp.cb_info = &state;
            result->glpk_return = glp_intopt(prob, &iocp);
            result->status = glp_mip_status(prob);
            result->objective = glp_mip_obj_val(prob);
            result->injected = state.injected == 1;
            result->heuristic_accepted = state.heuristic_accepted;
            result->has_root = state.has_root;
            result->root_objective = state.root_objective;
            result->nodes = state.nodes;
            /* The last bound the tree reported; an exhausted tree has proven the incumbent optimal. */
            result->bound = state.has_bound ? state.bound : result->objective;
            if (result->status == GLP_OPT) result->bound = result->objective;
            for (int j = 1; j <= ncols; j++) col_values[j] = glp_mip_col_val(prob, j);
        }
    });
}

dx_status dx_write(glp_prob *prob, int format, const char *path) {
    DX_GUARDED({
        int rc = format == 0 ? glp_write_mps(prob, GLP_MPS_FILE, NULL, path) : glp_write_lp(prob, NULL, path);
        if (rc != 0) {
            snprintf(dx_message, sizeof dx_message, "cannot write %s", path);
            glp_error_hook(NULL, NULL);
            dx_jump = NULL;
            return DX_IO;
        }
    });
}

dx_status dx_set_col_bounds(glp_prob *prob, int column, int type, double lo, double up) {
    DX_GUARDED({ glp_set_col_bnds(prob, column, type, lo, up); });
}
