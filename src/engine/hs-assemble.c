/* hs-assemble.c — from a unit's instructions to a code object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Line numbers and NOPs as CPython 3.11's assembler leaves them (they decide
 * which line events a tracer sees), the stack depth, the names tuples.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-compile.h"
#include "hs-compile-private.h"
#include "hs-containers.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

/* Line numbers and NOPs ---------------------------------------------------- */

static gboolean
is_jump (HsOpcode op)
{
  switch (op)
    {
    case HS_OP_JUMP_FORWARD:
    case HS_OP_JUMP_BACKWARD:
    case HS_OP_POP_JUMP_IF_FALSE:
    case HS_OP_POP_JUMP_IF_TRUE:
    case HS_OP_POP_JUMP_IF_NONE:
    case HS_OP_POP_JUMP_IF_NOT_NONE:
    case HS_OP_JUMP_IF_FALSE_OR_POP:
    case HS_OP_JUMP_IF_TRUE_OR_POP:
    case HS_OP_FOR_ITER:
    case HS_OP_SETUP_FINALLY:
    case HS_OP_SETUP_CLEANUP:
    case HS_OP_SEND:
      return TRUE;
    default:
      return FALSE;
    }
}

/* optimize_basic_block's BUILD_TUPLE n + UNPACK_SEQUENCE n (a, b = b, a):
 * no tuple is made, the items are swapped on the stack. */
static void
optimize_swaps (HsUnit *u)
{
  int n = u->instrs->len;
  HsInstr *ins = (HsInstr *) u->instrs->data;
  g_autofree gboolean *target = g_new0 (gboolean, n + 1);

  for (int i = 0; i < n; i++)
    if (is_jump (HS_INSTR_OP (ins[i])))
      target[HS_INSTR_ARG (ins[i])] = TRUE;
  for (int i = 0; i + 1 < n; i++)
    {
      guint k = HS_INSTR_ARG (ins[i]);

      if (HS_INSTR_OP (ins[i]) != HS_OP_BUILD_TUPLE || target[i + 1]
          || HS_INSTR_OP (ins[i + 1]) != HS_OP_UNPACK_SEQUENCE || HS_INSTR_ARG (ins[i + 1]) != k
          || k == 0 || k > 3)
        continue;
      ins[i] = HS_INSTR (HS_OP_NOP, 0);
      ins[i + 1] = k == 1 ? HS_INSTR (HS_OP_NOP, 0) : HS_INSTR (HS_OP_SWAP, k);
    }
}

/* Removes NOPs that carry no new line (remove_redundant_nops) and gives
 * instructions without a line the line of their predecessor. */
static void
optimize_lines (HsUnit *u)
{
  int n = u->instrs->len;
  HsInstr *ins = (HsInstr *) u->instrs->data;
  HsLoc *locs = (HsLoc *) u->locs->data;
  gint32 *anchors = (gint32 *) u->anchors->data;
  g_autofree gboolean *target = g_new0 (gboolean, n + 1);
  g_autofree gboolean *keep = g_new0 (gboolean, n);
  g_autofree int *map = g_new0 (int, n + 1);
  int j = 0;

  for (int i = 0; i < n; i++)
    if (is_jump (HS_INSTR_OP (ins[i])))
      target[HS_INSTR_ARG (ins[i])] = TRUE;

  for (int i = 0; i < n; i++)
    {
      keep[i] = TRUE;
      if (HS_INSTR_OP (ins[i]) != HS_OP_NOP)
        continue;
      if (locs[i].line < 0)
        keep[i] = FALSE;
      else if (i > 0 && !target[i] && locs[i - 1].line == locs[i].line)
        keep[i] = FALSE;
      else if (i + 1 < n && locs[i + 1].line == locs[i].line)
        keep[i] = FALSE;
    }

  /* New index of every instruction; a removed one maps to its successor. */
  map[n] = 0;
  for (int i = 0; i < n; i++)
    if (keep[i])
      j++;
  map[n] = j;
  for (int i = n - 1, k = j; i >= 0; i--)
    {
      if (keep[i])
        k--;
      map[i] = keep[i] ? k : (i + 1 <= n ? map[i + 1] : k);
    }
  j = 0;
  for (int i = 0; i < n; i++)
    {
      if (!keep[i])
        continue;
      if (is_jump (HS_INSTR_OP (ins[i])))
        ins[i] = HS_INSTR (HS_INSTR_OP (ins[i]), map[HS_INSTR_ARG (ins[i])]);
      ins[j] = ins[i];
      locs[j] = locs[i];
      anchors[2 * j] = anchors[2 * i];
      anchors[2 * j + 1] = anchors[2 * i + 1];
      j++;
    }
  g_array_set_size (u->instrs, j);
  g_array_set_size (u->locs, j);
  g_array_set_size (u->anchors, 2 * j);

  /* Propagate lines inside straight-line code. */
  locs = (HsLoc *) u->locs->data;
  ins = (HsInstr *) u->instrs->data;
  memset (target, 0, sizeof (gboolean) * (n + 1));
  for (int i = 0; i < j; i++)
    if (is_jump (HS_INSTR_OP (ins[i])))
      target[HS_INSTR_ARG (ins[i])] = TRUE;
  for (int i = 1; i < j; i++)
    if (locs[i].line < 0 && !target[i])
      locs[i] = locs[i - 1];
}

/* Stack depth ------------------------------------------------------------ */

static int
stack_effect (HsInstr ins,
              gboolean jump)
{
  HsOpcode op = HS_INSTR_OP (ins);
  int arg = HS_INSTR_ARG (ins);

  switch (op)
    {
    case HS_OP_NOP: case HS_OP_RESUME: case HS_OP_SWAP: case HS_OP_DELETE_FAST:
    case HS_OP_DELETE_NAME: case HS_OP_DELETE_GLOBAL: case HS_OP_DELETE_DEREF:
    case HS_OP_MAKE_CELL: case HS_OP_COPY_FREE_VARS: case HS_OP_LOAD_ATTR:
    case HS_OP_UNARY_POSITIVE: case HS_OP_UNARY_NEGATIVE: case HS_OP_UNARY_NOT:
    case HS_OP_UNARY_INVERT: case HS_OP_LIST_TO_TUPLE: case HS_OP_JUMP_FORWARD:
    case HS_OP_JUMP_BACKWARD: case HS_OP_GET_ITER: case HS_OP_KW_NAMES:
    case HS_OP_POP_BLOCK: case HS_OP_CHECK_EXC_MATCH: case HS_OP_YIELD_VALUE:
    case HS_OP_GET_YIELD_FROM_ITER:
      return 0;
    case HS_OP_POP_TOP: case HS_OP_STORE_FAST: case HS_OP_STORE_NAME: case HS_OP_STORE_GLOBAL:
    case HS_OP_STORE_DEREF: case HS_OP_DELETE_ATTR: case HS_OP_BINARY_OP:
    case HS_OP_COMPARE_OP: case HS_OP_IS_OP: case HS_OP_CONTAINS_OP: case HS_OP_BINARY_SUBSCR:
    case HS_OP_LIST_APPEND: case HS_OP_SET_ADD: case HS_OP_LIST_EXTEND: case HS_OP_SET_UPDATE:
    case HS_OP_DICT_UPDATE: case HS_OP_DICT_MERGE: case HS_OP_POP_JUMP_IF_FALSE:
    case HS_OP_POP_JUMP_IF_TRUE: case HS_OP_POP_JUMP_IF_NONE: case HS_OP_POP_JUMP_IF_NOT_NONE:
    case HS_OP_RETURN_VALUE: case HS_OP_POP_EXCEPT: case HS_OP_RERAISE: case HS_OP_IMPORT_NAME:
      return -1;
    case HS_OP_PUSH_NULL: case HS_OP_COPY: case HS_OP_LOAD_CONST: case HS_OP_LOAD_FAST:
    case HS_OP_LOAD_FAST_CHECK: case HS_OP_LOAD_NAME: case HS_OP_LOAD_DEREF:
    case HS_OP_LOAD_CLASSDEREF: case HS_OP_LOAD_CLOSURE: case HS_OP_LOAD_METHOD:
    case HS_OP_LOAD_SUPER_ZERO: case HS_OP_PUSH_EXC_INFO: case HS_OP_BEFORE_WITH:
    case HS_OP_WITH_EXCEPT_START: case HS_OP_LOAD_ASSERTION_ERROR: case HS_OP_LOAD_BUILD_CLASS:
    case HS_OP_IMPORT_FROM:
      return 1;
    case HS_OP_LOAD_GLOBAL:
      return (arg & 1) ? 2 : 1;
    case HS_OP_STORE_ATTR: case HS_OP_DELETE_SUBSCR: case HS_OP_MAP_ADD:
      return -2;
    case HS_OP_STORE_SUBSCR:
      return -3;
    case HS_OP_BUILD_SLICE:
      return 1 - arg;
    case HS_OP_BUILD_TUPLE: case HS_OP_BUILD_LIST: case HS_OP_BUILD_SET: case HS_OP_BUILD_STRING:
      return 1 - arg;
    case HS_OP_BUILD_MAP:
      return 1 - 2 * arg;
    case HS_OP_BUILD_CONST_KEY_MAP:
      return -arg;
    case HS_OP_FORMAT_VALUE:
      return (arg & 4) ? -1 : 0;
    case HS_OP_UNPACK_SEQUENCE:
      return arg - 1;
    case HS_OP_UNPACK_EX:
      return (arg & 0xff) + (arg >> 8);
    case HS_OP_JUMP_IF_FALSE_OR_POP: case HS_OP_JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case HS_OP_FOR_ITER:
      return jump ? -1 : 1;
    case HS_OP_CALL:
      return -arg - 1;
    case HS_OP_CALL_FUNCTION_EX:
      return -2 - (arg & 1);
    case HS_OP_MAKE_FUNCTION:
      return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1));
    case HS_OP_SETUP_FINALLY:
      return jump ? 1 : 0;
    case HS_OP_SETUP_CLEANUP:
      return 0;
    case HS_OP_RAISE_VARARGS:
      return -arg;
    case HS_OP_SEND:
      return jump ? -1 : 0;
    default:
      return 0;
    }
}

static gboolean
ends_flow (HsOpcode op)
{
  return op == HS_OP_JUMP_FORWARD || op == HS_OP_JUMP_BACKWARD || op == HS_OP_RETURN_VALUE
         || op == HS_OP_RERAISE || op == HS_OP_RAISE_VARARGS;
}

static int
compute_stack_size (HsCompiler *c,
                    HsUnit     *u)
{
  int n = u->instrs->len;
  HsInstr *ins = (HsInstr *) u->instrs->data;
  g_autofree int *depth = g_new (int, n + 1);
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (int));
  int max = 0;

  for (int i = 0; i <= n; i++)
    depth[i] = -1;
  depth[0] = 0;
  g_array_append_val (work, (int) { 0 });

  while (work->len > 0)
    {
      int i = g_array_index (work, int, work->len - 1);
      int d = depth[i];

      g_array_set_size (work, work->len - 1);
      for (; i < n; i++)
        {
          HsOpcode op = HS_INSTR_OP (ins[i]);

          if (depth[i] >= 0 && depth[i] != d && i != g_array_index (work, int, 0))
            {
              /* Merge point already visited with some depth. */
              if (depth[i] >= d)
                break;
            }
          depth[i] = d;
          if (is_jump (op))
            {
              int target = HS_INSTR_ARG (ins[i]);
              int td = d + stack_effect (ins[i], TRUE);

              if (td > max)
                max = td;
              if (target <= n && depth[target] < td)
                {
                  depth[target] = td;
                  g_array_append_val (work, target);
                }
            }
          d += stack_effect (ins[i], FALSE);
          if (d > max)
            max = d;
          if (d < 0)
            _hs_compile_error (c, HS_DIAG_LIMIT, &g_array_index (u->locs, HsLoc, i),
                               "internal error: negative stack depth");
          if (ends_flow (op))
            break;
          if (i + 1 < n && depth[i + 1] >= d)
            break;
          if (i + 1 < n)
            depth[i + 1] = d;
        }
    }
  return max;
}

/* Assembly ------------------------------------------------------------------- */

static HsObject *
names_tuple (HsCompiler *c,
             GPtrArray  *names)
{
  HsObject *t = hs_tuple_new (c->vm, names->len);

  if (t == NULL)
    _hs_compile_error (c, HS_DIAG_LIMIT, NULL, "out of memory while compiling");
  for (guint i = 0; i < names->len; i++)
    HS_TUPLE (t)->items[i] = hs_str_intern (c->vm, g_ptr_array_index (names, i));
  return t;
}

HsCode *
_hs_assemble (HsCompiler *c,
              HsUnit     *u)
{
  HsVM *vm = c->vm;
  HsCode *code;
  GPtrArray *lp = g_ptr_array_new ();
  int nlocals, ncells, nfree;

  optimize_swaps (u);
  optimize_lines (u);

  code = (HsCode *) hs_object_alloc (vm, vm->types.code, sizeof (HsCode));
  if (code == NULL)
    {
      g_ptr_array_unref (lp);
      _hs_compile_error (c, HS_DIAG_LIMIT, NULL, "out of memory while compiling");
    }
  /* Cell and free variable slots follow the fast locals. */
  for (guint i = 0; i < u->instrs->len; i++)
    {
      HsInstr *ins = &g_array_index (u->instrs, HsInstr, i);
      HsOpcode op = HS_INSTR_OP (*ins);
      guint32 arg = HS_INSTR_ARG (*ins);

      if ((op == HS_OP_MAKE_CELL || op == HS_OP_LOAD_DEREF || op == HS_OP_STORE_DEREF
           || op == HS_OP_DELETE_DEREF || op == HS_OP_LOAD_CLOSURE || op == HS_OP_LOAD_CLASSDEREF)
          && (arg & CELL_INDEX_FLAG))
        *ins = HS_INSTR (op, u->varnames->len + (arg & ~CELL_INDEX_FLAG));
    }
  code->n_instrs = u->instrs->len;
  code->instrs = g_memdup2 (u->instrs->data, sizeof (HsInstr) * u->instrs->len);
  code->locs = g_memdup2 (u->locs->data, sizeof (HsLoc) * u->locs->len);
  code->anchors = g_memdup2 (u->anchors->data, sizeof (gint32) * u->anchors->len);

  code->consts = hs_tuple_new (vm, u->consts->len);
  for (guint i = 0; i < u->consts->len; i++)
    HS_TUPLE (code->consts)->items[i] = hs_incref (g_ptr_array_index (u->consts, i));
  code->names = names_tuple (c, u->names);

  nlocals = u->varnames->len;
  ncells = u->cellvars->len;
  nfree = u->freevars->len;
  for (int i = 0; i < nlocals; i++)
    g_ptr_array_add (lp, g_ptr_array_index (u->varnames, i));
  for (int i = 0; i < ncells; i++)
    g_ptr_array_add (lp, g_ptr_array_index (u->cellvars, i));
  for (int i = 0; i < nfree; i++)
    g_ptr_array_add (lp, g_ptr_array_index (u->freevars, i));
  code->localsplusnames = names_tuple (c, lp);
  code->nlocalsplus = lp->len;
  code->nlocals = nlocals;
  code->ncellvars = ncells;
  code->nfreevars = nfree;
  code->localspluskinds = g_new0 (guint8, MAX (1, lp->len));
  for (int i = 0; i < nlocals; i++)
    {
      const char *n = g_ptr_array_index (u->varnames, i);

      code->localspluskinds[i] = HS_LOCAL_FAST;
      if (i < u->argcount + u->kwonlyargcount + !!(u->flags & HS_CO_VARARGS)
              + !!(u->flags & HS_CO_VARKEYWORDS))
        code->localspluskinds[i] |= HS_LOCAL_ARG;
      if (!u->is_class && hs_name_scope_resolve (u->scope, n) == HS_NAME_CELL)
        code->localspluskinds[i] |= HS_LOCAL_CELL;
    }
  for (int i = 0; i < ncells; i++)
    code->localspluskinds[nlocals + i] = HS_LOCAL_CELL;
  for (int i = 0; i < nfree; i++)
    code->localspluskinds[nlocals + ncells + i] = HS_LOCAL_FREE;
  g_ptr_array_unref (lp);

  code->argcount = u->argcount;
  code->posonlyargcount = u->posonlyargcount;
  code->kwonlyargcount = u->kwonlyargcount;
  code->flags = u->flags;
  code->firstlineno = u->firstlineno;
  code->name = hs_str_intern (vm, u->name);
  code->qualname = hs_str_new (vm, u->qualname, -1);
  code->filename = hs_str_new (vm, c->module->filename != NULL ? c->module->filename : "<string>", -1);
  code->first_traceable = 0;
  for (int i = 0; i < code->n_instrs; i++)
    if (HS_INSTR_OP (code->instrs[i]) == HS_OP_RESUME)
      {
        code->first_traceable = i;
        break;
      }
  code->stacksize = compute_stack_size (c, u);
  return code;
}
