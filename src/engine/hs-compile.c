/* hs-compile.c — code units, emission, assembly and statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The code generated mirrors CPython 3.11's compile.c wherever it decides
 * what a learner can observe: which references sit on the value stack, the
 * order locals are released in, and which lines a debugger steps through.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-compile.h"
#include "hs-compile-private.h"
#include "hs-containers.h"
#include "hs-number-object.h"
#include "hs-recursion.h"
#include "hs-str-object.h"
#include "hs-symtable.h"
#include "hs-vm.h"

/* Errors ------------------------------------------------------------------ */

void
_hs_compile_error (HsCompiler  *c,
                   HsDiagKind   kind,
                   const HsLoc *loc,
                   const char  *format,
                   ...)
{
  char *msg;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  if (c->error == NULL)
    {
      int line = loc != NULL ? loc->line : 0;

      c->error = hs_diagnostic_new (kind, c->module->filename, line,
                                    loc != NULL ? loc->col + 1 : 0, "%s", msg);
      if (loc != NULL)
        {
          c->error->end_line = loc->end_line;
          c->error->end_col = loc->end_col + 1;
        }
      if (line >= 1 && line <= c->module->n_lines)
        c->error->text = g_strdup (c->module->lines[line - 1]);
    }
  /* Nothing on the C stack is freed past here: no g_auto locals. */
  g_free (msg);
  longjmp (c->bail, 1);
}

GArray *
_hs_compile_jumps (HsCompiler *c)
{
  GArray *jumps = g_array_new (FALSE, FALSE, sizeof (int));

  g_ptr_array_add (c->jumps, jumps);
  return jumps;
}

/* Emission ---------------------------------------------------------------- */

int
_hs_here (HsCompiler *c)
{
  return c->u->instrs->len;
}

int
_hs_emit (HsCompiler *c,
          HsOpcode    op,
          int         arg)
{
  HsUnit *u = c->u;
  HsInstr ins;
  gint32 none[2] = { -1, -1 };

  if (arg < 0 || arg > HS_MAX_OPARG)
    _hs_compile_error (c, HS_DIAG_LIMIT, &u->loc, "program too large to compile");
  if (u->instrs->len >= 1000000)
    _hs_compile_error (c, HS_DIAG_LIMIT, &u->loc,
                       "program too large: more than a million instructions in one function");
  ins = HS_INSTR (op, arg);
  g_array_append_val (u->instrs, ins);
  g_array_append_val (u->locs, u->loc);
  g_array_append_vals (u->anchors, none, 2);
  return u->instrs->len - 1;
}

int
_hs_emit_jump (HsCompiler *c,
               HsOpcode    op)
{
  return _hs_emit (c, op, 0);
}

void
_hs_patch_jump (HsCompiler *c,
                int         instr,
                int         target)
{
  HsInstr *ins = &g_array_index (c->u->instrs, HsInstr, instr);

  *ins = HS_INSTR (HS_INSTR_OP (*ins), target);
}

void
_hs_set_anchors (HsCompiler *c,
                 int         instr,
                 int         left,
                 int         right)
{
  g_array_index (c->u->anchors, gint32, 2 * instr) = left;
  g_array_index (c->u->anchors, gint32, 2 * instr + 1) = right;
}

int
_hs_add_name (HsCompiler *c,
              const char *name)
{
  HsUnit *u = c->u;
  gpointer idx;

  if (g_hash_table_lookup_extended (u->name_index, name, NULL, &idx))
    return GPOINTER_TO_INT (idx);
  g_ptr_array_add (u->names, (gpointer) name);
  g_hash_table_insert (u->name_index, (gpointer) name, GINT_TO_POINTER (u->names->len - 1));
  return u->names->len - 1;
}

const char *
_hs_mangle (HsCompiler *c,
            const char *name)
{
  g_autofree char *mangled = NULL;

  /* The innermost class: its body and every function nested in it. */
  for (HsUnit *u = c->u; u != NULL; u = u->parent)
    if (u->is_class)
      {
        mangled = hs_symtable_mangle (u->name, name);
        break;
      }
  return mangled != NULL ? hs_arena_strdup (c->arena, mangled) : name;
}

void
_hs_emit_load_const (HsCompiler *c,
                     HsObject   *obj)
{
  if (obj == NULL)
    _hs_compile_error (c, HS_DIAG_LIMIT, &c->u->loc, "out of memory while compiling");
  _hs_emit (c, HS_OP_LOAD_CONST, _hs_add_const (c, obj));
}

void
_hs_emit_none (HsCompiler *c)
{
  _hs_emit_load_const (c, hs_none (c->vm));
}

/* Names ---------------------------------------------------------------------- */

static int
varname_index (HsUnit     *u,
               const char *name,
               gboolean    add)
{
  gpointer idx;

  if (g_hash_table_lookup_extended (u->varname_index, name, NULL, &idx))
    return GPOINTER_TO_INT (idx);
  if (!add)
    return -1;
  g_ptr_array_add (u->varnames, (gpointer) name);
  g_hash_table_insert (u->varname_index, (gpointer) name, GINT_TO_POINTER (u->varnames->len - 1));
  return u->varnames->len - 1;
}

static int
ptr_index (GPtrArray  *a,
           const char *name)
{
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), name) == 0)
      return i;
  return -1;
}

/* localsplus index of a cell or free variable. Cells that are parameters
 * live in the parameter's own slot. */
static int
deref_index (HsCompiler  *c,
             const char  *name)
{
  HsUnit *u = c->u;
  int i = ptr_index (u->cellvars, name);

  /* Cells and free variables come after the fast locals, whose number is
   * only known at the end: their indices are fixed up in _hs_assemble. */
  if (i >= 0)
    return CELL_INDEX_FLAG | i;
  i = varname_index (u, name, FALSE);
  if (i >= 0)
    return i;
  i = ptr_index (u->freevars, name);
  g_assert (i >= 0);
  return CELL_INDEX_FLAG | (u->cellvars->len + i);
}

void
_hs_nameop (HsCompiler    *c,
            const char    *name,
            HsExprContext  ctx,
            const HsLoc   *loc)
{
  HsUnit *u = c->u;
  HsNameKind scope = hs_name_scope_resolve (u->scope, name);
  HsLoc saved = u->loc;

  if (loc != NULL)
    u->loc = *loc;

  switch (scope)
    {
    case HS_NAME_FREE:
    case HS_NAME_CELL:
      {
        int idx = deref_index (c, name);

        if (ctx == HS_CTX_LOAD)
          _hs_emit (c, u->is_class && scope == HS_NAME_FREE ? HS_OP_LOAD_CLASSDEREF
                                                             : HS_OP_LOAD_DEREF, idx);
        else
          _hs_emit (c, ctx == HS_CTX_STORE ? HS_OP_STORE_DEREF : HS_OP_DELETE_DEREF, idx);
      }
      break;

    case HS_NAME_LOCAL:
      if (u->scope_type == HS_NAME_SCOPE_FUNCTION && !u->is_class)
        {
          int idx = varname_index (u, name, TRUE);

          _hs_emit (c, ctx == HS_CTX_LOAD ? HS_OP_LOAD_FAST
                       : ctx == HS_CTX_STORE ? HS_OP_STORE_FAST : HS_OP_DELETE_FAST, idx);
          break;
        }
      _hs_emit (c, ctx == HS_CTX_LOAD ? HS_OP_LOAD_NAME
                   : ctx == HS_CTX_STORE ? HS_OP_STORE_NAME : HS_OP_DELETE_NAME,
                _hs_add_name (c, _hs_mangle (c, name)));
      break;

    case HS_NAME_GLOBAL_IMPLICIT:
      if (u->scope_type != HS_NAME_SCOPE_FUNCTION || u->is_class)
        {
          _hs_emit (c, ctx == HS_CTX_LOAD ? HS_OP_LOAD_NAME
                       : ctx == HS_CTX_STORE ? HS_OP_STORE_NAME : HS_OP_DELETE_NAME,
                    _hs_add_name (c, _hs_mangle (c, name)));
          break;
        }
      G_GNUC_FALLTHROUGH;
    case HS_NAME_GLOBAL_EXPLICIT:
    default:
      if (ctx == HS_CTX_LOAD)
        _hs_emit (c, HS_OP_LOAD_GLOBAL, _hs_add_name (c, name) << 1);
      else
        _hs_emit (c, ctx == HS_CTX_STORE ? HS_OP_STORE_GLOBAL : HS_OP_DELETE_GLOBAL,
                  _hs_add_name (c, name));
      break;
    }
  u->loc = saved;
}

/* Units ------------------------------------------------------------------- */

static void
unit_free (HsVM   *vm,
           HsUnit *u)
{
  g_array_unref (u->instrs);
  g_array_unref (u->locs);
  g_array_unref (u->anchors);
  for (guint i = 0; i < u->consts->len; i++)
    hs_decref (vm, g_ptr_array_index (u->consts, i));
  g_ptr_array_unref (u->consts);
  g_ptr_array_unref (u->names);
  g_hash_table_unref (u->name_index);
  g_ptr_array_unref (u->varnames);
  g_hash_table_unref (u->varname_index);
  g_ptr_array_unref (u->cellvars);
  g_ptr_array_unref (u->freevars);
  for (int i = 0; i < u->n_fblocks; i++)
    if (u->fblocks[i].breaks != NULL)
      g_array_unref (u->fblocks[i].breaks);
  g_free (u->qualname);
  g_free (u);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static HsUnit *
unit_enter (HsCompiler    *c,
            HsNameScope       *scope,
            const char    *name,
            char          *qualname,    /* (transfer full): freed with the unit */
            int            firstlineno)
{
  HsUnit *u = g_new0 (HsUnit, 1);
  HsNameScopeInfo info;

  hs_name_scope_get_info (scope, &info);
  u->parent = c->u;
  u->scope = scope;
  u->instrs = g_array_new (FALSE, FALSE, sizeof (HsInstr));
  u->locs = g_array_new (FALSE, FALSE, sizeof (HsLoc));
  u->anchors = g_array_new (FALSE, FALSE, sizeof (gint32));
  u->consts = g_ptr_array_new ();
  u->names = g_ptr_array_new ();
  u->name_index = g_hash_table_new (g_str_hash, g_str_equal);
  u->varnames = g_ptr_array_new ();
  u->varname_index = g_hash_table_new (g_str_hash, g_str_equal);
  u->cellvars = g_ptr_array_new ();
  u->freevars = g_ptr_array_new ();
  u->name = name;
  u->qualname = qualname;
  u->firstlineno = firstlineno;
  u->scope_type = info.type;
  u->is_class = info.type == HS_NAME_SCOPE_CLASS;
  u->is_module = info.type == HS_NAME_SCOPE_MODULE;
  u->loc.line = firstlineno;
  u->loc.end_line = firstlineno;
  u->loc.col = u->loc.end_col = -1;

  /* Parameters first, in co_varnames order. */
  for (int i = 0; i < info.n_params; i++)
    varname_index (u, info.params[i], TRUE);
  /* Cells that are not parameters, then free variables, each sorted. */
  for (int i = 0; i < info.n_cellvars; i++)
    if (varname_index (u, info.cellvars[i], FALSE) < 0 || u->is_class)
      g_ptr_array_add (u->cellvars, (gpointer) info.cellvars[i]);
  g_ptr_array_sort (u->cellvars, compare_names);
  for (int i = 0; i < info.n_freevars; i++)
    g_ptr_array_add (u->freevars, (gpointer) info.freevars[i]);
  g_ptr_array_sort (u->freevars, compare_names);

  c->u = u;
  c->nesting++;
  if (c->nesting > 100)
    _hs_compile_error (c, HS_DIAG_LIMIT, &u->loc, "too many nested functions or classes");
  return u;
}

static HsCode *
unit_leave (HsCompiler *c)
{
  HsUnit *u = c->u;
  HsCode *code = _hs_assemble (c, u);

  c->u = u->parent;
  c->nesting--;
  unit_free (c->vm, u);
  return code;
}

/* Emits the prologue of a code object: free variables, cells, RESUME. */
static void
emit_prologue (HsCompiler *c)
{
  HsUnit *u = c->u;
  HsLoc saved = u->loc;

  u->loc.line = -1;
  if (u->freevars->len > 0)
    _hs_emit (c, HS_OP_COPY_FREE_VARS, u->freevars->len);
  if (!u->is_class)
    {
      for (guint i = 0; i < u->varnames->len; i++)
        if (hs_name_scope_resolve (u->scope, g_ptr_array_index (u->varnames, i)) == HS_NAME_CELL)
          _hs_emit (c, HS_OP_MAKE_CELL, i);
    }
  for (guint i = 0; i < u->cellvars->len; i++)
    _hs_emit (c, HS_OP_MAKE_CELL, CELL_INDEX_FLAG | i);
  u->loc = saved;
  u->loc.line = u->firstlineno;
  _hs_emit (c, HS_OP_RESUME, 0);
  u->loc = saved;
}

/* Frame blocks ---------------------------------------------------------------- */

static HsFBlock *
push_fblock (HsCompiler   *c,
             HsFBlockKind  kind,
             const HsLoc  *loc)
{
  HsUnit *u = c->u;
  HsFBlock *b;

  if (u->n_fblocks >= HS_MAX_BLOCKS)
    _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, loc, "too many statically nested blocks");
  b = &u->fblocks[u->n_fblocks++];
  memset (b, 0, sizeof *b);
  b->kind = kind;
  if (loc != NULL)
    b->loc = *loc;
  return b;
}

static void
pop_fblock (HsCompiler *c)
{
  HsUnit *u = c->u;
  HsFBlock *b = &u->fblocks[--u->n_fblocks];

  if (b->breaks != NULL)
    g_array_unref (b->breaks);
  b->breaks = NULL;
}

static void compile_stmt (HsCompiler *c, HsStmt *s);

static void
call_exit_with_nones (HsCompiler *c)
{
  _hs_emit_none (c);
  _hs_emit_none (c);
  _hs_emit_none (c);
  _hs_emit (c, HS_OP_CALL, 2);
}

/* Emits what leaving @b requires; with @preserve_tos the value on top of the
 * stack (a return value) stays on top. */
static void
unwind_fblock (HsCompiler *c,
               HsFBlock   *b,
               gboolean    preserve_tos)
{
  switch (b->kind)
    {
    case FB_WHILE_LOOP:
    case FB_POP_VALUE:
      if (b->kind == FB_POP_VALUE)
        {
          if (preserve_tos)
            _hs_emit (c, HS_OP_SWAP, 2);
          _hs_emit (c, HS_OP_POP_TOP, 0);
        }
      break;

    case FB_FOR_LOOP:
      if (preserve_tos)
        _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_POP_TOP, 0);
      break;

    case FB_TRY_EXCEPT:
      _hs_emit (c, HS_OP_POP_BLOCK, 0);
      break;

    case FB_FINALLY_TRY:
      {
        HsUnit *u = c->u;
        HsFBlock saved = *b;

        _hs_emit (c, HS_OP_POP_BLOCK, 0);
        /* The finally body runs outside this block. */
        u->n_fblocks--;
        if (preserve_tos)
          push_fblock (c, FB_POP_VALUE, NULL);
        _hs_compile_body (c, saved.finalbody);
        if (preserve_tos)
          u->n_fblocks--;
        u->fblocks[u->n_fblocks++] = saved;
        /* The finally body appears to run after the statement that left
         * the block: what follows has no line of its own. */
        u->loc.line = -1;
      }
      break;

    case FB_FINALLY_END:
      /* Stack: prev_exc, exc [, value] */
      if (preserve_tos)
        _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_POP_TOP, 0);   /* exc */
      if (preserve_tos)
        _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_POP_BLOCK, 0);
      _hs_emit (c, HS_OP_POP_EXCEPT, 0);
      break;

    case FB_WITH:
      /* __exit__ runs "on" the with line, then what follows has no line. */
      c->u->loc = b->loc;
      c->u->loc.end_line = b->loc.line;
      _hs_emit (c, HS_OP_POP_BLOCK, 0);
      if (preserve_tos)
        _hs_emit (c, HS_OP_SWAP, 2);
      call_exit_with_nones (c);
      _hs_emit (c, HS_OP_POP_TOP, 0);
      c->u->loc.line = -1;
      break;

    case FB_HANDLER_CLEANUP:
      if (b->name != NULL)
        _hs_emit (c, HS_OP_POP_BLOCK, 0);
      if (preserve_tos)
        _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_POP_BLOCK, 0);
      _hs_emit (c, HS_OP_POP_EXCEPT, 0);
      if (b->name != NULL)
        {
          _hs_emit_none (c);
          _hs_nameop (c, b->name, HS_CTX_STORE, NULL);
          _hs_nameop (c, b->name, HS_CTX_DEL, NULL);
        }
      break;
    }
}

/* Unwinds every block up to (not including) the innermost loop, or all of
 * them for a return. Returns the loop block, or NULL. */
static HsFBlock *
unwind_to_loop (HsCompiler *c,
                gboolean    preserve_tos,
                gboolean    all)
{
  HsUnit *u = c->u;

  for (int i = u->n_fblocks - 1; i >= 0; i--)
    {
      HsFBlock *b = &u->fblocks[i];

      if (!all && (b->kind == FB_WHILE_LOOP || b->kind == FB_FOR_LOOP))
        return b;
      {
        /* Blocks inside are temporarily hidden while this one unwinds. */
        int saved = u->n_fblocks;

        u->n_fblocks = i + 1;
        unwind_fblock (c, b, preserve_tos);
        u->n_fblocks = saved;
      }
    }
  return NULL;
}

/* Statements ------------------------------------------------------------------ */

void
_hs_compile_body (HsCompiler *c,
                  HsStmtList *body)
{
  for (int i = 0; i < body->len; i++)
    compile_stmt (c, body->items[i]);
}

static void
compile_if (HsCompiler *c,
            HsStmt     *s)
{
  GArray *to_else = _hs_compile_jumps (c);
  int end_jump = -1;

  _hs_compile_jump_if (c, s->v.if_.test, FALSE, to_else);
  _hs_compile_body (c, &s->v.if_.body);
  if (s->v.if_.orelse.len > 0)
    {
      c->u->loc.line = -1;
      end_jump = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);
    }
  for (guint i = 0; i < to_else->len; i++)
    _hs_patch_jump (c, g_array_index (to_else, int, i), _hs_here (c));
  if (s->v.if_.orelse.len > 0)
    {
      _hs_compile_body (c, &s->v.if_.orelse);
      _hs_patch_jump (c, end_jump, _hs_here (c));
    }
}

static void
compile_while (HsCompiler *c,
               HsStmt     *s)
{
  HsUnit *u = c->u;
  GArray *exits = _hs_compile_jumps (c);
  GArray *back = _hs_compile_jumps (c);
  HsFBlock *b;
  int body_start, loop_start = _hs_here (c);
  GArray *breaks;
  HsObject *k = _hs_fold_constant (c, s->v.while_.test);
  gboolean always = FALSE;

  if (k != NULL)
    {
      int t = hs_object_is_true (c->vm, k);

      hs_decref (c->vm, k);
      always = t == 1;
    }

  /* 3.11 tests at the top, and again at the bottom to jump back. */
  if (always)
    {
      HsLoc saved = u->loc;

      u->loc = s->loc;
      u->loc.end_line = s->loc.line;
      _hs_emit (c, HS_OP_NOP, 0);
      u->loc = saved;
    }
  else
    _hs_compile_jump_if (c, s->v.while_.test, FALSE, exits);
  body_start = _hs_here (c);
  b = push_fblock (c, FB_WHILE_LOOP, &s->loc);
  b->continue_target = loop_start;
  b->breaks = g_array_new (FALSE, FALSE, sizeof (int));
  _hs_compile_body (c, &s->v.while_.body);
  b = &u->fblocks[u->n_fblocks - 1];
  breaks = g_array_ref (b->breaks);
  pop_fblock (c);

  u->loc = s->loc;
  u->loc.end_line = s->loc.line;
  if (always)
    _hs_patch_jump (c, _hs_emit_jump (c, HS_OP_JUMP_BACKWARD), body_start);
  else
    {
      _hs_compile_jump_if (c, s->v.while_.test, TRUE, back);
      for (guint i = 0; i < back->len; i++)
        _hs_patch_jump (c, g_array_index (back, int, i), body_start);
    }
  for (guint i = 0; i < exits->len; i++)
    _hs_patch_jump (c, g_array_index (exits, int, i), _hs_here (c));
  _hs_compile_body (c, &s->v.while_.orelse);
  for (guint i = 0; i < breaks->len; i++)
    _hs_patch_jump (c, g_array_index (breaks, int, i), _hs_here (c));
  g_array_unref (breaks);
}

static void
compile_for (HsCompiler *c,
             HsStmt     *s)
{
  HsUnit *u = c->u;
  HsFBlock *b;
  int start, exit_jump;
  GArray *breaks;

  _hs_compile_expr (c, s->v.for_.iter);
  u->loc = s->loc;
  u->loc.end_line = s->loc.line;
  u->loc.col = u->loc.end_col = -1;
  _hs_emit (c, HS_OP_GET_ITER, 0);
  start = _hs_here (c);
  b = push_fblock (c, FB_FOR_LOOP, &s->loc);
  b->continue_target = start;
  b->breaks = g_array_new (FALSE, FALSE, sizeof (int));
  u->loc = s->loc;
  u->loc.end_line = s->loc.line;
  u->loc.col = u->loc.end_col = -1;
  exit_jump = _hs_emit_jump (c, HS_OP_FOR_ITER);
  _hs_compile_target (c, s->v.for_.target);
  _hs_compile_body (c, &s->v.for_.body);
  u->loc.line = -1;
  _hs_patch_jump (c, _hs_emit_jump (c, HS_OP_JUMP_BACKWARD), start);
  b = &u->fblocks[u->n_fblocks - 1];
  breaks = g_array_ref (b->breaks);
  pop_fblock (c);
  _hs_patch_jump (c, exit_jump, _hs_here (c));
  _hs_compile_body (c, &s->v.for_.orelse);
  for (guint i = 0; i < breaks->len; i++)
    _hs_patch_jump (c, g_array_index (breaks, int, i), _hs_here (c));
  g_array_unref (breaks);
}

static void
compile_break_continue (HsCompiler *c,
                        HsStmt     *s)
{
  HsUnit *u = c->u;
  gboolean is_break = s->kind == HS_STMT_BREAK;
  HsFBlock *loop;
  HsLoc saved = u->loc;

  u->loc = s->loc;
  _hs_emit (c, HS_OP_NOP, 0);
  loop = unwind_to_loop (c, FALSE, FALSE);
  if (loop == NULL)
    _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &s->loc,
                       is_break ? "'break' outside loop" : "'continue' not properly in loop");
  if (is_break)
    {
      int j;

      if (loop->kind == FB_FOR_LOOP)
        _hs_emit (c, HS_OP_POP_TOP, 0);
      j = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);
      g_array_append_val (loop->breaks, j);
    }
  else
    _hs_patch_jump (c, _hs_emit_jump (c, HS_OP_JUMP_BACKWARD), loop->continue_target);
  u->loc = saved;
}

static void
compile_return (HsCompiler *c,
                HsStmt     *s)
{
  HsUnit *u = c->u;

  if (u->scope_type != HS_NAME_SCOPE_FUNCTION || u->is_class)
    _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &s->loc, "'return' outside function");
  if (s->v.ret.value != NULL)
    _hs_compile_expr (c, s->v.ret.value);
  u->loc = s->loc;
  unwind_to_loop (c, s->v.ret.value != NULL, TRUE);
  if (s->v.ret.value == NULL)
    _hs_emit_none (c);
  _hs_emit (c, HS_OP_RETURN_VALUE, 0);
}

static void
compile_assign (HsCompiler *c,
                HsStmt     *s)
{
  int n = s->v.assign.targets.len;

  _hs_compile_expr (c, s->v.assign.value);
  for (int i = 0; i < n; i++)
    {
      if (i < n - 1)
        {
          c->u->loc = s->loc;
          _hs_emit (c, HS_OP_COPY, 1);
        }
      _hs_compile_target (c, s->v.assign.targets.items[i]);
    }
}

static void
compile_augassign (HsCompiler *c,
                   HsStmt     *s)
{
  HsExpr *t = s->v.augassign.target;
  HsUnit *u = c->u;
  int instr;

  switch (t->kind)
    {
    case HS_EXPR_NAME:
      _hs_nameop (c, t->v.name.id, HS_CTX_LOAD, &t->loc);
      _hs_compile_expr (c, s->v.augassign.value);
      u->loc = s->loc;
      instr = _hs_emit (c, HS_OP_BINARY_OP, s->v.augassign.op | 0x100);
      (void) instr;
      _hs_nameop (c, t->v.name.id, HS_CTX_STORE, &t->loc);
      break;

    case HS_EXPR_ATTRIBUTE:
      _hs_compile_expr (c, t->v.attribute.value);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_COPY, 1);
      _hs_emit (c, HS_OP_LOAD_ATTR, _hs_add_name (c, _hs_mangle (c, t->v.attribute.attr)));
      _hs_compile_expr (c, s->v.augassign.value);
      u->loc = s->loc;
      _hs_emit (c, HS_OP_BINARY_OP, s->v.augassign.op | 0x100);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_STORE_ATTR, _hs_add_name (c, _hs_mangle (c, t->v.attribute.attr)));
      break;

    case HS_EXPR_SUBSCRIPT:
      _hs_compile_expr (c, t->v.subscript.value);
      _hs_compile_expr (c, t->v.subscript.slice);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_COPY, 2);
      _hs_emit (c, HS_OP_COPY, 2);
      _hs_emit (c, HS_OP_BINARY_SUBSCR, 0);
      _hs_compile_expr (c, s->v.augassign.value);
      u->loc = s->loc;
      _hs_emit (c, HS_OP_BINARY_OP, s->v.augassign.op | 0x100);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_SWAP, 3);
      _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_STORE_SUBSCR, 0);
      break;

    default:
      _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &t->loc,
                         "'%s' is an illegal expression for augmented assignment", "expression");
    }
}

static void
compile_try_except (HsCompiler *c,
                    HsStmt     *s)
{
  HsUnit *u = c->u;
  int setup, end_body_jump, cleanup_setup;
  GArray *to_end = _hs_compile_jumps (c);
  HsLoc stmt_loc = s->loc;

  stmt_loc.end_line = stmt_loc.line;
  u->loc = stmt_loc;
  _hs_emit (c, HS_OP_NOP, 0);
  setup = _hs_emit_jump (c, HS_OP_SETUP_FINALLY);
  push_fblock (c, FB_TRY_EXCEPT, &s->loc);
  _hs_compile_body (c, &s->v.try_.body);
  pop_fblock (c);
  u->loc.line = -1;
  _hs_emit (c, HS_OP_POP_BLOCK, 0);
  end_body_jump = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);

  /* Handlers. Stack on entry: exc. */
  _hs_patch_jump (c, setup, _hs_here (c));
  u->loc.line = -1;
  _hs_emit (c, HS_OP_PUSH_EXC_INFO, 0);            /* prev_exc, exc */
  cleanup_setup = _hs_emit_jump (c, HS_OP_SETUP_CLEANUP);

  for (int i = 0; i < s->v.try_.handlers.len; i++)
    {
      HsExceptHandler *h = s->v.try_.handlers.items[i];
      int next = -1;
      HsFBlock *b;

      u->loc = h->loc;
      u->loc.end_line = h->loc.line;
      if (h->type == NULL && i < s->v.try_.handlers.len - 1)
        _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &h->loc, "default 'except:' must be last");
      if (h->type != NULL)
        {
          _hs_compile_expr (c, h->type);
          u->loc = h->loc;
          u->loc.end_line = h->loc.line;
          _hs_emit (c, HS_OP_CHECK_EXC_MATCH, 0);
          next = _hs_emit_jump (c, HS_OP_POP_JUMP_IF_FALSE);
        }
      if (h->name != NULL)
        {
          int name_cleanup;

          _hs_nameop (c, h->name, HS_CTX_STORE, &h->loc);   /* prev_exc */
          name_cleanup = _hs_emit_jump (c, HS_OP_SETUP_FINALLY);
          b = push_fblock (c, FB_HANDLER_CLEANUP, &h->loc);
          b->name = h->name;
          _hs_compile_body (c, &h->body);
          pop_fblock (c);
          u->loc.line = -1;
          _hs_emit (c, HS_OP_POP_BLOCK, 0);        /* name cleanup */
          _hs_emit (c, HS_OP_POP_BLOCK, 0);        /* handler cleanup */
          _hs_emit (c, HS_OP_POP_EXCEPT, 0);
          _hs_emit_none (c);
          _hs_nameop (c, h->name, HS_CTX_STORE, NULL);
          _hs_nameop (c, h->name, HS_CTX_DEL, NULL);
          g_array_append_val (to_end, (int) { _hs_emit_jump (c, HS_OP_JUMP_FORWARD) });

          /* An exception inside the handler: unbind the name, re-raise.
           * Stack: prev_exc, new_exc. */
          _hs_patch_jump (c, name_cleanup, _hs_here (c));
          u->loc.line = -1;
          _hs_emit_none (c);
          _hs_nameop (c, h->name, HS_CTX_STORE, NULL);
          _hs_nameop (c, h->name, HS_CTX_DEL, NULL);
          _hs_emit (c, HS_OP_RERAISE, 1);
        }
      else
        {
          _hs_emit (c, HS_OP_POP_TOP, 0);           /* prev_exc */
          b = push_fblock (c, FB_HANDLER_CLEANUP, &h->loc);
          b->name = NULL;
          _hs_compile_body (c, &h->body);
          pop_fblock (c);
          u->loc.line = -1;
          _hs_emit (c, HS_OP_POP_BLOCK, 0);
          _hs_emit (c, HS_OP_POP_EXCEPT, 0);
          g_array_append_val (to_end, (int) { _hs_emit_jump (c, HS_OP_JUMP_FORWARD) });
        }
      if (next >= 0)
        _hs_patch_jump (c, next, _hs_here (c));
    }
  /* No handler matched: re-raise (stack: prev_exc, exc). */
  u->loc.line = -1;
  _hs_emit (c, HS_OP_RERAISE, 0);

  /* Cleanup: an exception escaped a handler. Stack: prev_exc, new_exc. */
  _hs_patch_jump (c, cleanup_setup, _hs_here (c));
  _hs_emit (c, HS_OP_SWAP, 2);
  _hs_emit (c, HS_OP_POP_EXCEPT, 0);
  _hs_emit (c, HS_OP_RERAISE, 1);

  /* else: */
  _hs_patch_jump (c, end_body_jump, _hs_here (c));
  _hs_compile_body (c, &s->v.try_.orelse);
  for (guint i = 0; i < to_end->len; i++)
    _hs_patch_jump (c, g_array_index (to_end, int, i), _hs_here (c));
}

static void
compile_try_finally (HsCompiler *c,
                     HsStmt     *s)
{
  HsUnit *u = c->u;
  int setup, end_jump, cleanup;
  HsFBlock *b;
  HsLoc stmt_loc = s->loc;

  stmt_loc.end_line = stmt_loc.line;
  u->loc = stmt_loc;
  _hs_emit (c, HS_OP_NOP, 0);
  setup = _hs_emit_jump (c, HS_OP_SETUP_FINALLY);
  b = push_fblock (c, FB_FINALLY_TRY, &s->loc);
  b->finalbody = &s->v.try_.finalbody;
  if (s->v.try_.handlers.len > 0)
    compile_try_except (c, s);
  else
    _hs_compile_body (c, &s->v.try_.body);
  pop_fblock (c);
  u->loc.line = -1;
  _hs_emit (c, HS_OP_POP_BLOCK, 0);
  /* Normal exit: the finally body inline. */
  _hs_compile_body (c, &s->v.try_.finalbody);
  u->loc.line = -1;
  end_jump = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);

  /* Exceptional exit. Stack: exc. */
  _hs_patch_jump (c, setup, _hs_here (c));
  _hs_emit (c, HS_OP_PUSH_EXC_INFO, 0);
  cleanup = _hs_emit_jump (c, HS_OP_SETUP_CLEANUP);
  push_fblock (c, FB_FINALLY_END, &s->loc);
  _hs_compile_body (c, &s->v.try_.finalbody);
  pop_fblock (c);
  u->loc.line = -1;
  _hs_emit (c, HS_OP_RERAISE, 0);                 /* still protected: the cleanup restores exc_info */

  _hs_patch_jump (c, cleanup, _hs_here (c));
  /* Stack: prev_exc, exc (re-raised or a new one). */
  _hs_emit (c, HS_OP_SWAP, 2);
  _hs_emit (c, HS_OP_POP_EXCEPT, 0);
  _hs_emit (c, HS_OP_RERAISE, 1);
  _hs_patch_jump (c, end_jump, _hs_here (c));
}

static void
compile_with_items (HsCompiler *c,
                    HsStmt     *s,
                    int         index)
{
  HsUnit *u = c->u;
  HsWithItem *item = s->v.with.items.items[index];
  int setup, end_jump, cleanup, suppress;
  HsLoc loc = s->loc;

  loc.end_line = loc.line;
  _hs_compile_expr (c, item->context_expr);
  u->loc = loc;
  _hs_emit (c, HS_OP_BEFORE_WITH, 0);              /* exit, enter() result */
  setup = _hs_emit_jump (c, HS_OP_SETUP_CLEANUP);
  push_fblock (c, FB_WITH, &s->loc);
  if (item->optional_vars != NULL)
    _hs_compile_target (c, item->optional_vars);
  else
    {
      u->loc = loc;
      _hs_emit (c, HS_OP_POP_TOP, 0);
    }
  if (index + 1 < s->v.with.items.len)
    compile_with_items (c, s, index + 1);
  else
    _hs_compile_body (c, &s->v.with.body);
  pop_fblock (c);

  /* Normal exit: exit(None, None, None). */
  u->loc = loc;
  _hs_emit (c, HS_OP_POP_BLOCK, 0);
  call_exit_with_nones (c);
  _hs_emit (c, HS_OP_POP_TOP, 0);
  end_jump = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);

  /* Exception: stack is exit, exc. */
  _hs_patch_jump (c, setup, _hs_here (c));
  _hs_emit (c, HS_OP_PUSH_EXC_INFO, 0);            /* exit, prev_exc, exc */
  cleanup = _hs_emit_jump (c, HS_OP_SETUP_CLEANUP);
  _hs_emit (c, HS_OP_WITH_EXCEPT_START, 0);        /* exit, prev_exc, exc, res */
  suppress = _hs_emit_jump (c, HS_OP_POP_JUMP_IF_TRUE);
  _hs_emit (c, HS_OP_RERAISE, 2);
  _hs_patch_jump (c, suppress, _hs_here (c));
  _hs_emit (c, HS_OP_POP_BLOCK, 0);
  _hs_emit (c, HS_OP_POP_TOP, 0);                  /* exc */
  _hs_emit (c, HS_OP_POP_EXCEPT, 0);               /* prev_exc */
  _hs_emit (c, HS_OP_POP_TOP, 0);                  /* exit */
  {
    int j = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);

    _hs_patch_jump (c, cleanup, _hs_here (c));
    /* exit, prev_exc, new_exc */
    _hs_emit (c, HS_OP_SWAP, 2);
    _hs_emit (c, HS_OP_POP_EXCEPT, 0);
    _hs_emit (c, HS_OP_SWAP, 2);
    _hs_emit (c, HS_OP_POP_TOP, 0);                /* exit */
    _hs_emit (c, HS_OP_RERAISE, 1);
    _hs_patch_jump (c, j, _hs_here (c));
  }
  _hs_patch_jump (c, end_jump, _hs_here (c));
}

static void
compile_decorated (HsCompiler *c,
                   HsExprList *decorators)
{
  for (int i = 0; i < decorators->len; i++)
    _hs_compile_expr (c, decorators->items[i]);
}

static void
apply_decorators (HsCompiler *c,
                  HsExprList *decorators,
                  const HsLoc *loc)
{
  for (int i = decorators->len - 1; i >= 0; i--)
    {
      c->u->loc = decorators->items[i]->loc;
      _hs_emit (c, HS_OP_CALL, 0);
    }
  (void) loc;
}

static void
compile_functiondef (HsCompiler *c,
                     HsStmt     *s)
{
  HsLoc loc = s->loc;

  loc.end_line = loc.line;
  compile_decorated (c, &s->v.functiondef.decorators);
  _hs_compile_function_object (c, s, s->v.functiondef.name, s->v.functiondef.args,
                               &s->v.functiondef.body, NULL, NULL, &loc);
  apply_decorators (c, &s->v.functiondef.decorators, &loc);
  _hs_nameop (c, s->v.functiondef.name, HS_CTX_STORE, &loc);
}

static void
compile_classdef (HsCompiler *c,
                  HsStmt     *s)
{
  HsUnit *u = c->u;
  HsLoc loc = s->loc;
  HsExprList *bases = &s->v.classdef.bases;

  loc.end_line = loc.line;
  if (s->v.classdef.keywords.len > 0)
    _hs_compile_error (c, HS_DIAG_NOT_IMPLEMENTED, &s->v.classdef.keywords.items[0]->loc,
                       "class keywords (metaclass=…) are not supported in Heapscope");
  compile_decorated (c, &s->v.classdef.decorators);
  u->loc = loc;
  _hs_emit (c, HS_OP_PUSH_NULL, 0);
  _hs_emit (c, HS_OP_LOAD_BUILD_CLASS, 0);
  _hs_compile_function_object (c, s, s->v.classdef.name, NULL, &s->v.classdef.body, NULL,
                               NULL, &loc);
  u->loc = loc;
  _hs_emit_load_const (c, hs_str_intern (c->vm, s->v.classdef.name));
  for (int i = 0; i < bases->len; i++)
    {
      if (bases->items[i]->kind == HS_EXPR_STARRED)
        _hs_compile_error (c, HS_DIAG_NOT_IMPLEMENTED, &bases->items[i]->loc,
                           "starred base classes are not supported in Heapscope");
      _hs_compile_expr (c, bases->items[i]);
    }
  u->loc = s->loc;   /* the whole statement, as the traceback shows it */
  _hs_emit (c, HS_OP_CALL, 2 + bases->len);
  apply_decorators (c, &s->v.classdef.decorators, &loc);
  _hs_nameop (c, s->v.classdef.name, HS_CTX_STORE, &loc);
}

static void
compile_stmt (HsCompiler *c,
              HsStmt     *s)
{
  HsUnit *u = c->u;
  HsLoc stmt_loc = s->loc;

  /* elif chains and nested blocks recurse here (on a small thread's stack). */
  if (hs_stack_remaining () == 0)
    _hs_compile_error (c, HS_DIAG_LIMIT, &s->loc, "statements too deeply nested");
  u->loc = stmt_loc;
  switch (s->kind)
    {
    case HS_STMT_FUNCTIONDEF:
      compile_functiondef (c, s);
      break;
    case HS_STMT_CLASSDEF:
      compile_classdef (c, s);
      break;
    case HS_STMT_RETURN:
      compile_return (c, s);
      break;
    case HS_STMT_DELETE:
      for (int i = 0; i < s->v.del.targets.len; i++)
        _hs_compile_delete (c, s->v.del.targets.items[i]);
      break;
    case HS_STMT_ASSIGN:
      compile_assign (c, s);
      break;
    case HS_STMT_AUGASSIGN:
      compile_augassign (c, s);
      break;
    case HS_STMT_ANNASSIGN:
      if (s->v.annassign.value != NULL)
        {
          _hs_compile_expr (c, s->v.annassign.value);
          _hs_compile_target (c, s->v.annassign.target);
        }
      else
        {
          u->loc = s->loc;
          _hs_emit (c, HS_OP_NOP, 0);
        }
      break;
    case HS_STMT_FOR:
      compile_for (c, s);
      break;
    case HS_STMT_WHILE:
      compile_while (c, s);
      break;
    case HS_STMT_IF:
      compile_if (c, s);
      break;
    case HS_STMT_WITH:
      compile_with_items (c, s, 0);
      break;
    case HS_STMT_RAISE:
      _hs_compile_raise (c, s);
      break;
    case HS_STMT_TRY:
      if (s->v.try_.finalbody.len > 0)
        compile_try_finally (c, s);
      else
        compile_try_except (c, s);
      break;
    case HS_STMT_ASSERT:
      _hs_compile_assert (c, s);
      break;
    case HS_STMT_IMPORT:
      _hs_compile_import (c, s);
      break;
    case HS_STMT_IMPORTFROM:
      _hs_compile_import_from (c, s);
      break;
    case HS_STMT_GLOBAL:
    case HS_STMT_NONLOCAL:
      break;
    case HS_STMT_EXPR:
      {
        HsExpr *e = s->v.expr.value;

        /* A lone constant (docstring, `...`) compiles to nothing but a NOP. */
        if (e->kind == HS_EXPR_CONSTANT)
          {
            _hs_emit (c, HS_OP_NOP, 0);
            break;
          }
        _hs_compile_expr (c, e);
        u->loc = stmt_loc;
        _hs_emit (c, HS_OP_POP_TOP, 0);
      }
      break;
    case HS_STMT_PASS:
      _hs_emit (c, HS_OP_NOP, 0);
      break;
    case HS_STMT_BREAK:
    case HS_STMT_CONTINUE:
      compile_break_continue (c, s);
      break;
    }
}

/* Nested code objects ---------------------------------------------------------- */

static char *
make_qualname (HsCompiler *c,
               const char *name)
{
  HsUnit *u = c->u;

  if (u == NULL || u->is_module)
    return g_strdup (name);
  if (u->is_class)
    return g_strdup_printf ("%s.%s", u->qualname, name);
  return g_strdup_printf ("%s.<locals>.%s", u->qualname, name);
}

void
_hs_compile_function_object (HsCompiler   *c,
                             gconstpointer node,
                             const char   *name,
                             HsArguments  *args,
                             HsStmtList   *body,
                             HsExpr       *expr_body,
                             HsExpr       *comprehension,
                             const HsLoc  *loc)
{
  HsVM *vm = c->vm;
  HsNameScope *scope = hs_scope_table_lookup (c->st, node);
  HsNameScopeInfo info;
  HsUnit *outer = c->u;
  HsUnit *u;
  HsCode *code;
  int flags = 0;
  gboolean is_class;

  g_assert (scope != NULL);
  hs_name_scope_get_info (scope, &info);
  is_class = info.type == HS_NAME_SCOPE_CLASS;

  /* Defaults and keyword-only defaults are evaluated in the enclosing scope. */
  if (args != NULL && args->defaults.len > 0)
    {
      for (int i = 0; i < args->defaults.len; i++)
        _hs_compile_expr (c, args->defaults.items[i]);
      outer->loc = *loc;
      _hs_emit (c, HS_OP_BUILD_TUPLE, args->defaults.len);
      flags |= 1;
    }
  if (args != NULL)
    {
      int nkw = 0;

      for (int i = 0; i < args->kwonlyargs.len; i++)
        if (args->kw_defaults.items[i] != NULL)
          {
            _hs_emit_load_const (c, hs_str_intern (vm, args->kwonlyargs.items[i]->name));
            _hs_compile_expr (c, args->kw_defaults.items[i]);
            nkw++;
          }
      if (nkw > 0)
        {
          outer->loc = *loc;
          _hs_emit (c, HS_OP_BUILD_MAP, nkw);
          flags |= 2;
        }
    }

  /* The unit owns the qualname, freed even when an error unwinds. */
  u = unit_enter (c, scope, name, make_qualname (c, name), loc->line);
  if (args != NULL)
    {
      u->posonlyargcount = args->posonlyargs.len;
      u->argcount = args->posonlyargs.len + args->args.len;
      u->kwonlyargcount = args->kwonlyargs.len;
      if (args->vararg != NULL)
        u->flags |= HS_CO_VARARGS;
      if (args->kwarg != NULL)
        u->flags |= HS_CO_VARKEYWORDS;
    }
  if (comprehension != NULL)
    {
      u->argcount = 1;
      u->flags |= HS_CO_COMPREHENSION;
    }
  if (!is_class)
    u->flags |= HS_CO_OPTIMIZED | HS_CO_NEWLOCALS;
  else
    u->flags |= HS_CO_CLASS_BODY;
  if (info.is_generator)
    u->flags |= HS_CO_GENERATOR;

  u->loc = *loc;
  emit_prologue (c);
  u->loc = *loc;

  if (is_class)
    {
      HsLoc l = *loc;

      u->loc = l;
      _hs_nameop (c, "__name__", HS_CTX_LOAD, &l);
      _hs_nameop (c, "__module__", HS_CTX_STORE, &l);
      _hs_emit_load_const (c, hs_str_new (vm, u->qualname, -1));
      _hs_nameop (c, "__qualname__", HS_CTX_STORE, &l);
      _hs_compile_doc_body (c, body);
      u->loc = l;
      u->loc.line = -1;
      if (info.needs_class_cell)
        {
          int idx = deref_index (c, "__class__");

          _hs_emit (c, HS_OP_LOAD_CLOSURE, idx);
          _hs_emit (c, HS_OP_COPY, 1);
          _hs_nameop (c, "__classcell__", HS_CTX_STORE, NULL);
        }
      else
        _hs_emit_none (c);
      _hs_emit (c, HS_OP_RETURN_VALUE, 0);
    }
  else if (comprehension != NULL)
    _hs_compile_comprehension_body (c, comprehension);
  else if (expr_body != NULL)
    {
      _hs_add_doc_const (c, NULL);
      _hs_compile_expr (c, expr_body);
      if (info.is_generator)
        {
          u->loc = expr_body->loc;
          _hs_emit (c, HS_OP_POP_TOP, 0);
          _hs_emit_none (c);
        }
      u->loc = expr_body->loc;
      _hs_emit (c, HS_OP_RETURN_VALUE, 0);
    }
  else
    {
      _hs_add_doc_const (c, body);
      _hs_compile_body (c, body);
      /* Falling off the end returns None (with no line of its own). */
      u->loc.line = -1;
      _hs_emit_none (c);
      _hs_emit (c, HS_OP_RETURN_VALUE, 0);
    }

  code = unit_leave (c);
  g_assert (c->u == outer);

  /* The closure: the cells this code uses from its parent. */
  if (code->nfreevars > 0)
    {
      for (int i = 0; i < code->nfreevars; i++)
        {
          const char *fv = hs_str_utf8 (HS_TUPLE (code->localsplusnames)->items[code->nlocalsplus
                                                                               - code->nfreevars + i]);

          outer->loc = *loc;
          _hs_emit (c, HS_OP_LOAD_CLOSURE, deref_index (c, g_intern_string (fv)));
        }
      _hs_emit (c, HS_OP_BUILD_TUPLE, code->nfreevars);
      flags |= 8;
    }
  outer->loc = *loc;
  _hs_emit_load_const (c, (HsObject *) code);
  _hs_emit (c, HS_OP_MAKE_FUNCTION, flags);
}

/* Entry point -------------------------------------------------------------------- */

static void
const_cache_free (gpointer data)
{
  (void) data;
}

HsCode *
hs_compile_module (HsVM          *vm,
                   HsModule      *module,
                   HsDiagnostic **error)
{
  HsCompiler c = { 0 };
  g_autoptr(HsArena) arena = hs_arena_new ();
  HsDiagnostic *st_error = NULL;
  HsNameScope *scope;
  HsCode *code = NULL;
  GHashTableIter iter;
  gpointer value;

  c.vm = vm;
  c.module = module;
  c.arena = arena;
  c.st = hs_scope_table_build (module, arena, &st_error);
  if (c.st == NULL)
    {
      *error = st_error;
      return NULL;
    }
  c.const_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, const_cache_free);
  c.jumps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (setjmp (c.bail) == 0)
    {
      scope = hs_scope_table_lookup (c.st, module);
      unit_enter (&c, scope, "<module>", g_strdup ("<module>"), 1);
      c.u->loc.line = 0;
      emit_prologue (&c);
      _hs_compile_doc_body (&c, &module->body);
      c.u->loc.line = -1;
      _hs_emit_none (&c);
      _hs_emit (&c, HS_OP_RETURN_VALUE, 0);
      code = unit_leave (&c);
    }
  else
    {
      while (c.u != NULL)
        {
          HsUnit *parent = c.u->parent;

          unit_free (vm, c.u);
          c.u = parent;
        }
      *error = c.error;
    }

  g_hash_table_iter_init (&iter, c.const_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _hs_const_arena_keep (vm, value);
  g_hash_table_unref (c.const_cache);
  g_ptr_array_unref (c.jumps);
  hs_scope_table_free (c.st);
  return code;
}
