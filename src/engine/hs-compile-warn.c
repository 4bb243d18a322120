/* hs-compile-warn.c — the compiler's SyntaxWarnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython's compiler warns about code that is legal but almost surely a
 * mistake: `x is 256`, `(1, 2)(3)`, `[1, 2]['a']`, `assert (x, 'msg')`.
 * The checks look at the tree after constant folding (check_compare,
 * check_caller, check_subscripter, check_index and compiler_assert in
 * 3.11's Python/compile.c). python3 prints the warnings to stderr while
 * compiling, before the program runs; here they wait in the VM until
 * hs_program_run() writes them.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-compile-private.h"
#include "hs-number-object.h"
#include "hs-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

/* warnings.formatwarning(): "FILE:LINE: SyntaxWarning: MSG" and the
 * stripped source line. No registry: every occurrence is shown. */
static void
warn (HsCompiler *c,
      int         line,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
warn (HsCompiler *c,
      int         line,
      const char *format,
      ...)
{
  HsVM *vm = c->vm;
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, format);
  msg = g_strdup_vprintf (format, ap);
  va_end (ap);

  if (vm->compile_warnings == NULL)
    vm->compile_warnings = g_string_new (NULL);
  g_string_append_printf (vm->compile_warnings, "%s:%d: SyntaxWarning: %s\n",
                          vm->filename != NULL ? vm->filename : "<string>", line, msg);
  if (vm->source_lines != NULL && line >= 1 && line <= vm->n_source_lines)
    {
      g_autofree char *text = g_strstrip (g_strdup (vm->source_lines[line - 1]));

      if (text[0] != '\0')
        g_string_append_printf (vm->compile_warnings, "  %s\n", text);
    }
}

/* The folded constant @e stands for, or NULL (a new reference). */
static HsObject *
folded (HsCompiler *c,
        HsExpr     *e)
{
  return _hs_fold_constant (c, e);
}

/* infer_type(): the type name of what @e evaluates to, when the tree
 * alone says it; NULL otherwise. */
static const char *
infer_type_name (HsCompiler *c,
                 HsExpr     *e,
                 char      **to_free)
{
  HsObject *k;

  *to_free = NULL;
  if ((k = folded (c, e)) != NULL)
    {
      *to_free = g_strdup (hs_type_name (k));
      hs_decref (c->vm, k);
      return *to_free;
    }
  switch (e->kind)
    {
    case HS_EXPR_TUPLE:
      return "tuple";
    case HS_EXPR_LIST:
    case HS_EXPR_LISTCOMP:
      return "list";
    case HS_EXPR_DICT:
    case HS_EXPR_DICTCOMP:
      return "dict";
    case HS_EXPR_SET:
    case HS_EXPR_SETCOMP:
      return "set";
    case HS_EXPR_GENEXP:
      return "generator";
    case HS_EXPR_LAMBDA:
      return "function";
    case HS_EXPR_JOINEDSTR:
    case HS_EXPR_FORMATTEDVALUE:
      return "str";
    default:
      return NULL;
    }
}

/* !check_is_arg(): a constant other than None, True, False and `...`. */
static gboolean
is_literal (HsCompiler *c,
            HsExpr     *e)
{
  HsVM *vm = c->vm;
  HsObject *k = folded (c, e);
  gboolean literal;

  if (k == NULL)
    return FALSE;
  literal = k != vm->none && k != vm->true_obj && k != vm->false_obj && k != vm->ellipsis;
  hs_decref (vm, k);
  return literal;
}

void
_hs_compile_check_compare (HsCompiler *c,
                           HsExpr     *e)
{
  gboolean left = is_literal (c, e->v.compare.left);

  for (int i = 0; i < e->v.compare.n; i++)
    {
      HsCmpOp op = e->v.compare.ops[i];
      gboolean right = is_literal (c, e->v.compare.comparators[i]);

      if (op == HS_CMP_IS && (left || right))
        warn (c, e->loc.line, "\"is\" with a literal. Did you mean \"==\"?");
      else if (op == HS_CMP_ISNOT && (left || right))
        warn (c, e->loc.line, "\"is not\" with a literal. Did you mean \"!=\"?");
      left = right;
    }
}

/* check_caller(): calling a display, a comprehension or a constant. */
void
_hs_compile_check_caller (HsCompiler *c,
                          HsExpr     *call)
{
  HsExpr *func = call->v.call.func;
  g_autofree char *to_free = NULL;
  const char *name;

  if (func->kind == HS_EXPR_LAMBDA)
    return;
  name = infer_type_name (c, func, &to_free);
  if (name != NULL)
    warn (c, call->loc.line, "'%s' object is not callable; perhaps you missed a comma?", name);
}

/* check_subscripter() and check_index(), for loads only. */
void
_hs_compile_check_subscript (HsCompiler *c,
                             HsExpr     *e)
{
  HsVM *vm = c->vm;
  HsExpr *value = e->v.subscript.value;
  HsExpr *slice = e->v.subscript.slice;
  g_autofree char *value_free = NULL;
  g_autofree char *index_free = NULL;
  const char *value_type, *index_type;
  HsObject *k;
  gboolean subscriptable = TRUE, indexable_by_int = FALSE;

  k = folded (c, value);
  if (k != NULL)
    {
      subscriptable = !(k == vm->none || k == vm->ellipsis || hs_int_check (k)
                        || hs_float_check (k) || hs_isinstance (k, vm->types.frozenset));
      indexable_by_int = hs_str_check (k) || hs_isinstance (k, vm->types.bytes)
                         || hs_isinstance (k, vm->types.tuple);
      hs_decref (vm, k);
    }
  else if (value->kind == HS_EXPR_SET || value->kind == HS_EXPR_SETCOMP
           || value->kind == HS_EXPR_GENEXP || value->kind == HS_EXPR_LAMBDA)
    subscriptable = FALSE;
  else
    indexable_by_int = value->kind == HS_EXPR_TUPLE || value->kind == HS_EXPR_LIST
                       || value->kind == HS_EXPR_LISTCOMP || value->kind == HS_EXPR_JOINEDSTR
                       || value->kind == HS_EXPR_FORMATTEDVALUE;

  value_type = infer_type_name (c, value, &value_free);
  if (!subscriptable)
    {
      warn (c, e->loc.line, "'%s' object is not subscriptable; perhaps you missed a comma?",
            value_type);
      return;
    }
  if (!indexable_by_int || slice->kind == HS_EXPR_SLICE)
    return;
  k = folded (c, slice);
  if (k != NULL)
    {
      gboolean is_int = hs_int_check (k);

      hs_decref (vm, k);
      if (is_int)
        return;
    }
  index_type = infer_type_name (c, slice, &index_free);
  if (index_type != NULL)
    warn (c, e->loc.line, "%s indices must be integers or slices, not %s; "
          "perhaps you missed a comma?", value_type, index_type);
}

/* compiler_assert(): a parenthesized test and message make a tuple. */
void
_hs_compile_check_assert (HsCompiler *c,
                          HsStmt     *s)
{
  HsExpr *test = s->v.assert_.test;

  /* Even a tuple of constants: the check sees the unfolded test. */
  if (test->kind != HS_EXPR_TUPLE || test->v.seq.elts.len == 0)
    return;
  warn (c, s->loc.line, "assertion is always true, perhaps remove parentheses?");
}
