/* hs-compile-expr.c — expressions, assignment targets and constant folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-bigint.h"
#include "hs-compile-private.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-number-object.h"
#include "hs-recursion.h"
#include "hs-str-object.h"
#include "hs-vm.h"

#define MAX_INT_SIZE        128   /* bits */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE        4096
#define STACK_USE_GUIDELINE 30

/* Constants ------------------------------------------------------------------- */

static gboolean
all_name_chars (const char *s,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_isalnum (s[i]) || s[i] == '_'))
      return FALSE;
  return TRUE;
}

HsObject *
_hs_const_object (HsCompiler    *c,
                  const HsConst *k,
                  const HsLoc   *loc)
{
  HsVM *vm = c->vm;
  HsObject *o = NULL;

  switch (k->kind)
    {
    case HS_CONST_NONE:
      return hs_none (vm);
    case HS_CONST_TRUE:
      return hs_bool (vm, TRUE);
    case HS_CONST_FALSE:
      return hs_bool (vm, FALSE);
    case HS_CONST_ELLIPSIS:
      return hs_incref (vm->ellipsis);
    case HS_CONST_INT:
      o = hs_int_from_string (vm, k->text, 0);
      break;
    case HS_CONST_FLOAT:
      o = hs_float_new (vm, k->f);
      break;
    case HS_CONST_STR:
      /* Identifier-like literals are interned at compile time (3.11). */
      if (k->len > 0 && all_name_chars (k->str, k->len) && strlen (k->str) == k->len)
        o = hs_str_intern (vm, k->str);
      else
        o = hs_str_new (vm, k->str, k->len);
      break;
    case HS_CONST_BYTES:
      o = hs_bytes_new (vm, (const guint8 *) k->str, k->len);
      break;
    }
  if (o == NULL)
    {
      HsObject *exc = hs_err_fetch (vm);
      char *msg = exc != NULL ? hs_exception_format_last_line (vm, exc) : NULL;
      char text[512];

      /* _hs_compile_error() does not return: keep no heap copy. A literal
       * over the int digit limit is worded as CPython's parser does. */
      if (msg != NULL && g_str_has_prefix (msg, "ValueError: "))
        g_snprintf (text, sizeof text, "%s - Consider hexadecimal for huge integer literals "
                    "to avoid decimal conversion limits.", msg + strlen ("ValueError: "));
      else
        g_strlcpy (text, msg != NULL ? msg : "invalid constant", sizeof text);
      g_free (msg);
      hs_xdecref (vm, exc);
      _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, loc, "%s", text);
    }
  return o;
}

static gsize
int_bits (HsObject *o)
{
  g_autoptr(HsBigInt) b = hs_int_to_bigint (o);

  return hs_bigint_bit_length (b);
}

static gssize
const_size (HsVM     *vm,
            HsObject *o)
{
  if (hs_str_check (o))
    return hs_str_len (o);
  if (o->ob_type == vm->types.tuple)
    return HS_TUPLE (o)->len;
  if (o->ob_type == vm->types.bytes)
    return HS_BYTES (o)->len;
  return -1;
}

/* The limits of CPython's ast_opt.c: folding never builds anything big. */
static gboolean
fold_is_safe (HsVM     *vm,
              HsObject *a,
              HsObject *b,
              int       op)
{
  if (op == HS_OP_MULT)
    {
      if (hs_int_check (a) && hs_int_check (b))
        return int_bits (a) + int_bits (b) <= MAX_INT_SIZE;
      if (hs_int_check (a) && const_size (vm, b) >= 0)
        {
          HsObject *t = a;

          a = b;
          b = t;
        }
      if (hs_int_check (b) && const_size (vm, a) >= 0)
        {
          gint64 n;
          gssize size = const_size (vm, a);

          if (!hs_int_as_i64 (NULL, b, &n))
            return FALSE;
          if (n <= 0 || size == 0)
            return TRUE;
          if (hs_str_check (a) || a->ob_type == vm->types.bytes)
            return size <= MAX_STR_SIZE / n;
          return size <= MAX_COLLECTION_SIZE / n;
        }
      return TRUE;
    }
  if (op == HS_OP_POW && hs_int_check (a) && hs_int_check (b))
    {
      gint64 e;

      if (!hs_int_as_i64 (NULL, b, &e) || e < 0)
        return e < 0 && hs_int_as_i64 (NULL, b, &e);
      return (gsize) e <= MAX_INT_SIZE && int_bits (a) * (gsize) e <= MAX_INT_SIZE;
    }
  if (op == HS_OP_LSHIFT && hs_int_check (a) && hs_int_check (b))
    {
      gint64 s;

      if (!hs_int_as_i64 (NULL, b, &s) || s < 0 || s > MAX_INT_SIZE)
        return FALSE;
      return int_bits (a) + s <= MAX_INT_SIZE;
    }
  if (op == HS_OP_MOD && (hs_str_check (a) || a->ob_type == vm->types.bytes))
    return FALSE;
  if (op == HS_OP_ADD && const_size (vm, a) >= 0 && const_size (vm, b) >= 0)
    return const_size (vm, a) + const_size (vm, b)
           <= (hs_str_check (a) ? MAX_STR_SIZE : MAX_COLLECTION_SIZE);
  return TRUE;
}

static HsObject *
fold_tuple (HsCompiler *c,
            HsExpr     *e)
{
  HsExprList *elts = &e->v.seq.elts;
  HsObject *t;

  for (int i = 0; i < elts->len; i++)
    if (elts->items[i]->kind == HS_EXPR_STARRED)
      return NULL;
  t = hs_tuple_new (c->vm, elts->len);
  if (t == NULL)
    return NULL;
  for (int i = 0; i < elts->len; i++)
    {
      HsObject *k = _hs_fold_constant (c, elts->items[i]);

      if (k == NULL)
        {
          for (int j = 0; j < i; j++)
            hs_clear_ref (c->vm, &HS_TUPLE (t)->items[j]);
          HS_TUPLE (t)->len = 0;
          hs_decref (c->vm, t);
          return NULL;
        }
      HS_TUPLE (t)->items[i] = k;
    }
  return t;
}

HsObject *
_hs_fold_constant (HsCompiler *c,
                   HsExpr     *e)
{
  HsVM *vm = c->vm;

  switch (e->kind)
    {
    case HS_EXPR_CONSTANT:
      return _hs_const_object (c, &e->v.constant, &e->loc);

    case HS_EXPR_TUPLE:
      if (e->v.seq.ctx != HS_CTX_LOAD)
        return NULL;
      return fold_tuple (c, e);

    case HS_EXPR_UNARYOP:
      {
        HsObject *v = _hs_fold_constant (c, e->v.unaryop.operand);
        HsObject *r = NULL;

        if (v == NULL)
          return NULL;
        if (!(hs_int_check (v) || hs_float_check (v)) && e->v.unaryop.op != HS_UOP_NOT)
          {
            hs_decref (vm, v);
            return NULL;
          }
        switch (e->v.unaryop.op)
          {
          case HS_UOP_USUB:
            r = hs_number_negative (vm, v);
            break;
          case HS_UOP_UADD:
            r = hs_number_positive (vm, v);
            break;
          case HS_UOP_INVERT:
            r = hs_float_check (v) ? NULL : hs_number_invert (vm, v);
            break;
          case HS_UOP_NOT:
            {
              int t = hs_object_is_true (vm, v);

              r = t < 0 ? NULL : hs_bool (vm, !t);
            }
            break;
          }
        hs_decref (vm, v);
        if (r == NULL)
          hs_err_clear (vm);
        return r;
      }

    case HS_EXPR_BINOP:
      {
        HsObject *a, *b, *r;
        int op = e->v.binop.op;

        a = _hs_fold_constant (c, e->v.binop.left);
        if (a == NULL)
          return NULL;
        b = _hs_fold_constant (c, e->v.binop.right);
        if (b == NULL)
          {
            hs_decref (vm, a);
            return NULL;
          }
        r = NULL;
        if (op != HS_OP_MATMULT && fold_is_safe (vm, a, b, op))
          r = hs_number_binop (vm, a, b, op);
        if (r == NULL)
          hs_err_clear (vm);
        hs_decref (vm, a);
        hs_decref (vm, b);
        /* Folded strings are interned like literals. */
        if (r != NULL && hs_str_check (r) && hs_str_nbytes (r) <= MAX_STR_SIZE
            && all_name_chars (hs_str_utf8 (r), hs_str_nbytes (r)) && hs_str_nbytes (r) > 0)
          r = hs_str_intern_obj (vm, r);
        return r;
      }

    default:
      return NULL;
    }
}

/* Helpers ----------------------------------------------------------------------- */

static void
set_loc (HsCompiler  *c,
         const HsLoc *loc)
{
  c->u->loc = *loc;
}

/* Anchors of a binary operator: the operator between the operands. */
static void
binop_anchors (HsCompiler *c,
               int         instr,
               HsExpr     *e)
{
  HsExpr *l = e->v.binop.left, *r = e->v.binop.right;
  const char *line;
  const char *p;
  int col;

  if (l->loc.end_line != e->loc.line || r->loc.line != e->loc.line
      || e->loc.line < 1 || e->loc.line > c->module->n_lines)
    return;
  line = c->module->lines[e->loc.line - 1];
  /* Walk code points from the end of the left operand. */
  p = line;
  for (col = 0; col < l->loc.end_col && *p != '\0'; col++)
    p = g_utf8_next_char (p);
  for (; col < r->loc.col && *p != '\0'; col++, p = g_utf8_next_char (p))
    {
      if (*p == ' ' || *p == '\t' || *p == '\f')
        continue;
      {
        int right = col + 1;
        const char *q = g_utf8_next_char (p);

        if (col + 1 < r->loc.col && *q != ' ' && *q != '\t' && *q != '\f' && *q != '\0')
          right++;
        if (col + 1 < r->loc.col && *p == ')')
          continue;
        _hs_set_anchors (c, instr, col, right);
        return;
      }
    }
}

static void
subscript_anchors (HsCompiler *c,
                   int         instr,
                   HsExpr     *e)
{
  HsExpr *v = e->v.subscript.value, *s = e->v.subscript.slice;
  const char *line;
  const char *p;
  int col, left, right, len;

  if (e->loc.line != e->loc.end_line || v->loc.end_line != e->loc.line
      || e->loc.line < 1 || e->loc.line > c->module->n_lines)
    return;
  line = c->module->lines[e->loc.line - 1];
  len = e->loc.end_col;
  left = v->loc.end_col;
  right = s->loc.end_col + 1;
  p = line;
  for (col = 0; col < left && *p != '\0'; col++)
    p = g_utf8_next_char (p);
  while (left < len && *p != '\0' && *p != '[')
    {
      p = g_utf8_next_char (p);
      left++;
    }
  p = line;
  for (col = 0; col < right && *p != '\0'; col++)
    p = g_utf8_next_char (p);
  while (right < len && *p != '\0' && *p != ']')
    {
      p = g_utf8_next_char (p);
      right++;
    }
  if (right < len)
    right++;
  _hs_set_anchors (c, instr, left, right);
}

static gboolean
has_starred (HsExprList *elts)
{
  for (int i = 0; i < elts->len; i++)
    if (elts->items[i]->kind == HS_EXPR_STARRED)
      return TRUE;
  return FALSE;
}

static gboolean
all_const (HsCompiler *c,
           HsExprList *elts)
{
  for (int i = 0; i < elts->len; i++)
    {
      HsObject *k = _hs_fold_constant (c, elts->items[i]);

      if (k == NULL)
        return FALSE;
      hs_decref (c->vm, k);
    }
  return TRUE;
}

/* starunpack_helper: list/tuple/set displays. */
static void
compile_display (HsCompiler *c,
                 HsExpr     *e)
{
  HsExprList *elts = &e->v.seq.elts;
  HsOpcode build, add, extend;
  int n = elts->len;
  gboolean star = has_starred (elts);
  int i;

  if (e->kind == HS_EXPR_SET)
    {
      build = HS_OP_BUILD_SET;
      add = HS_OP_SET_ADD;
      extend = HS_OP_SET_UPDATE;
    }
  else
    {
      build = e->kind == HS_EXPR_LIST ? HS_OP_BUILD_LIST : HS_OP_BUILD_TUPLE;
      add = HS_OP_LIST_APPEND;
      extend = HS_OP_LIST_EXTEND;
    }

  if (!star && n > 2 && all_const (c, elts))
    {
      HsObject *t = fold_tuple (c, e);

      if (e->kind == HS_EXPR_TUPLE)
        {
          set_loc (c, &e->loc);
          _hs_emit_load_const (c, t);
          return;
        }
      set_loc (c, &e->loc);
      _hs_emit (c, e->kind == HS_EXPR_LIST ? HS_OP_BUILD_LIST : HS_OP_BUILD_SET, 0);
      if (e->kind == HS_EXPR_SET)
        {
          /* CPython builds the constant twice (the optimizer, then the
           * constant merger), which settles the iteration order. */
          HsObject *fs = hs_frozenset_new (c->vm, t);
          HsObject *items = hs_sequence_tuple (c->vm, fs);
          HsObject *fs2 = hs_frozenset_new (c->vm, items);

          hs_decref (c->vm, t);
          hs_decref (c->vm, fs);
          hs_decref (c->vm, items);
          t = fs2;
        }
      _hs_emit_load_const (c, t);
      _hs_emit (c, extend, 1);
      return;
    }

  if (!star && n <= STACK_USE_GUIDELINE)
    {
      for (i = 0; i < n; i++)
        _hs_compile_expr (c, elts->items[i]);
      set_loc (c, &e->loc);
      _hs_emit (c, build, n);
      return;
    }

  /* With starred items: a list built piece by piece. */
  for (i = 0; i < n && elts->items[i]->kind != HS_EXPR_STARRED && i < STACK_USE_GUIDELINE; i++)
    _hs_compile_expr (c, elts->items[i]);
  set_loc (c, &e->loc);
  _hs_emit (c, build == HS_OP_BUILD_SET ? HS_OP_BUILD_SET : HS_OP_BUILD_LIST, i);
  for (; i < n; i++)
    {
      HsExpr *item = elts->items[i];

      if (item->kind == HS_EXPR_STARRED)
        {
          _hs_compile_expr (c, item->v.starred.value);
          set_loc (c, &e->loc);
          _hs_emit (c, extend, 1);
        }
      else
        {
          _hs_compile_expr (c, item);
          set_loc (c, &e->loc);
          _hs_emit (c, add, 1);
        }
    }
  if (e->kind == HS_EXPR_TUPLE)
    _hs_emit (c, HS_OP_LIST_TO_TUPLE, 0);
}

static void
compile_dict (HsCompiler *c,
              HsExpr     *e)
{
  HsExprList *keys = &e->v.dict.keys, *values = &e->v.dict.values;
  int n = keys->len;
  int start = 0;
  gboolean have_dict = FALSE;

  for (int i = 0; i <= n; i++)
    {
      gboolean is_unpack = i < n && keys->items[i] == NULL;

      if (i == n || is_unpack)
        {
          int count = i - start;

          if (count > 0)
            {
              /* One subdict: constant keys go in one tuple (3.11). */
              HsExprList sub_keys = { keys->items + start, count };
              gboolean const_keys = count > 1 && all_const (c, &sub_keys);

              for (int j = start; j < i; j++)
                {
                  if (!const_keys)
                    _hs_compile_expr (c, keys->items[j]);
                  _hs_compile_expr (c, values->items[j]);
                }
              set_loc (c, &e->loc);
              if (const_keys)
                {
                  HsObject *t = hs_tuple_new (c->vm, count);

                  for (int j = 0; j < count; j++)
                    HS_TUPLE (t)->items[j] = _hs_fold_constant (c, keys->items[start + j]);
                  _hs_emit_load_const (c, t);
                  _hs_emit (c, HS_OP_BUILD_CONST_KEY_MAP, count);
                }
              else
                _hs_emit (c, HS_OP_BUILD_MAP, count);
              if (have_dict)
                _hs_emit (c, HS_OP_DICT_UPDATE, 1);
              have_dict = TRUE;
            }
          if (is_unpack)
            {
              if (!have_dict)
                {
                  set_loc (c, &e->loc);
                  _hs_emit (c, HS_OP_BUILD_MAP, 0);
                  have_dict = TRUE;
                }
              _hs_compile_expr (c, values->items[i]);
              set_loc (c, &e->loc);
              _hs_emit (c, HS_OP_DICT_UPDATE, 1);
            }
          start = i + 1;
        }
    }
  if (!have_dict)
    {
      set_loc (c, &e->loc);
      _hs_emit (c, HS_OP_BUILD_MAP, 0);
    }
}

static void
compile_compare (HsCompiler *c,
                 HsExpr     *e)
{
  int n = e->v.compare.n;
  GArray *cleanup = _hs_compile_jumps (c);

  _hs_compile_check_compare (c, e);
  _hs_compile_expr (c, e->v.compare.left);
  for (int i = 0; i < n; i++)
    {
      HsCmpOp op = e->v.compare.ops[i];

      _hs_compile_expr (c, e->v.compare.comparators[i]);
      set_loc (c, &e->loc);
      if (i < n - 1)
        {
          _hs_emit (c, HS_OP_SWAP, 2);
          _hs_emit (c, HS_OP_COPY, 2);
        }
      switch (op)
        {
        case HS_CMP_IS:    _hs_emit (c, HS_OP_IS_OP, 0); break;
        case HS_CMP_ISNOT: _hs_emit (c, HS_OP_IS_OP, 1); break;
        case HS_CMP_IN:    _hs_emit (c, HS_OP_CONTAINS_OP, 0); break;
        case HS_CMP_NOTIN: _hs_emit (c, HS_OP_CONTAINS_OP, 1); break;
        case HS_CMP_EQ:    _hs_emit (c, HS_OP_COMPARE_OP, HS_EQ); break;
        case HS_CMP_NOTEQ: _hs_emit (c, HS_OP_COMPARE_OP, HS_NE); break;
        case HS_CMP_LT:    _hs_emit (c, HS_OP_COMPARE_OP, HS_LT); break;
        case HS_CMP_LTE:   _hs_emit (c, HS_OP_COMPARE_OP, HS_LE); break;
        case HS_CMP_GT:    _hs_emit (c, HS_OP_COMPARE_OP, HS_GT); break;
        case HS_CMP_GTE:   _hs_emit (c, HS_OP_COMPARE_OP, HS_GE); break;
        }
      if (i < n - 1)
        {
          int j = _hs_emit_jump (c, HS_OP_JUMP_IF_FALSE_OR_POP);

          g_array_append_val (cleanup, j);
        }
    }
  if (n > 1)
    {
      int end = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);

      for (guint i = 0; i < cleanup->len; i++)
        _hs_patch_jump (c, g_array_index (cleanup, int, i), _hs_here (c));
      _hs_emit (c, HS_OP_SWAP, 2);
      _hs_emit (c, HS_OP_POP_TOP, 0);
      _hs_patch_jump (c, end, _hs_here (c));
    }
}

static gboolean
call_is_simple (HsExpr *call)
{
  if (has_starred (&call->v.call.args))
    return FALSE;
  for (int i = 0; i < call->v.call.keywords.len; i++)
    if (call->v.call.keywords.items[i]->arg == NULL)
      return FALSE;
  return call->v.call.args.len + call->v.call.keywords.len < 30;
}

/* Arguments of a call whose callable (and NULL/self) are on the stack. */
static void
compile_call_args (HsCompiler *c,
                   HsExpr     *call,
                   int         extra)
{
  HsExprList *args = &call->v.call.args;
  HsKeywordList *kws = &call->v.call.keywords;

  if (call_is_simple (call))
    {
      for (int i = 0; i < args->len; i++)
        _hs_compile_expr (c, args->items[i]);
      for (int i = 0; i < kws->len; i++)
        _hs_compile_expr (c, kws->items[i]->value);
      set_loc (c, &call->loc);
      if (kws->len > 0)
        {
          HsObject *names = hs_tuple_new (c->vm, kws->len);

          for (int i = 0; i < kws->len; i++)
            HS_TUPLE (names)->items[i] = hs_str_intern (c->vm, kws->items[i]->arg);
          _hs_emit (c, HS_OP_KW_NAMES, _hs_add_const (c, names));
        }
      _hs_emit (c, HS_OP_CALL, args->len + kws->len + extra);
      return;
    }

  /* The general form: a tuple of positional arguments and a dict of
   * keyword arguments, then CALL_FUNCTION_EX. */
  {
    HsExpr fake = *call;

    fake.kind = HS_EXPR_TUPLE;
    fake.v.seq.elts = *args;
    fake.v.seq.ctx = HS_CTX_LOAD;
    if (!has_starred (args))
      {
        for (int i = 0; i < args->len; i++)
          _hs_compile_expr (c, args->items[i]);
        set_loc (c, &call->loc);
        _hs_emit (c, HS_OP_BUILD_TUPLE, args->len);
      }
    else if (args->len == 1)
      /* f(*x): x itself; CALL_FUNCTION_EX makes a tuple only if needed. */
      _hs_compile_expr (c, args->items[0]->v.starred.value);
    else
      compile_display (c, &fake);
  }
  if (kws->len > 0)
    {
      int nseen = 0;
      gboolean have_dict = FALSE;

      for (int i = 0; i < kws->len; i++)
        {
          HsKeyword *kw = kws->items[i];

          if (kw->arg == NULL)
            {
              if (nseen > 0)
                {
                  set_loc (c, &call->loc);
                  _hs_emit (c, HS_OP_BUILD_MAP, nseen);
                  if (have_dict)
                    _hs_emit (c, HS_OP_DICT_MERGE, 1);
                  have_dict = TRUE;
                  nseen = 0;
                }
              if (!have_dict)
                {
                  set_loc (c, &call->loc);
                  _hs_emit (c, HS_OP_BUILD_MAP, 0);
                  have_dict = TRUE;
                }
              _hs_compile_expr (c, kw->value);
              set_loc (c, &call->loc);
              _hs_emit (c, HS_OP_DICT_MERGE, 1);
            }
          else
            {
              _hs_emit_load_const (c, hs_str_intern (c->vm, kw->arg));
              _hs_compile_expr (c, kw->value);
              nseen++;
            }
        }
      if (nseen > 0)
        {
          set_loc (c, &call->loc);
          _hs_emit (c, HS_OP_BUILD_MAP, nseen);
          if (have_dict)
            _hs_emit (c, HS_OP_DICT_MERGE, 1);
        }
    }
  set_loc (c, &call->loc);
  _hs_emit (c, HS_OP_CALL_FUNCTION_EX, kws->len > 0 ? 1 : 0);
}

static void
compile_call (HsCompiler *c,
              HsExpr     *e)
{
  HsExpr *func = e->v.call.func;

  _hs_compile_check_caller (c, e);
  /* obj.meth(...) keeps obj on the stack as self (LOAD_METHOD). */
  if (func->kind == HS_EXPR_ATTRIBUTE && call_is_simple (e))
    {
      _hs_compile_expr (c, func->v.attribute.value);
      set_loc (c, &func->loc);
      _hs_emit (c, HS_OP_LOAD_METHOD, _hs_add_name (c, _hs_mangle (c, func->v.attribute.attr)));
      compile_call_args (c, e, 0);
      return;
    }
  set_loc (c, &e->loc);
  if (func->kind == HS_EXPR_NAME)
    {
      /* LOAD_GLOBAL pushes the NULL itself. */
      HsNameKind s = hs_name_scope_resolve (c->u->scope, func->v.name.id);
      gboolean global_op = (s == HS_NAME_GLOBAL_EXPLICIT
                            || (s == HS_NAME_GLOBAL_IMPLICIT
                                && c->u->scope_type == HS_NAME_SCOPE_FUNCTION && !c->u->is_class));

      if (global_op)
        {
          HsLoc saved = c->u->loc;

          c->u->loc = func->loc;
          _hs_emit (c, HS_OP_LOAD_GLOBAL, (_hs_add_name (c, func->v.name.id) << 1) | 1);
          c->u->loc = saved;
          compile_call_args (c, e, 0);
          return;
        }
    }
  _hs_emit (c, HS_OP_PUSH_NULL, 0);
  _hs_compile_expr (c, func);
  compile_call_args (c, e, 0);
}

static void
compile_joined_str (HsCompiler *c,
                    HsExpr     *e)
{
  HsExprList *parts = &e->v.seq.elts;

  if (parts->len == 0)
    {
      set_loc (c, &e->loc);
      _hs_emit_load_const (c, hs_str_new (c->vm, "", 0));
      return;
    }
  for (int i = 0; i < parts->len; i++)
    _hs_compile_expr (c, parts->items[i]);
  if (parts->len != 1)
    {
      set_loc (c, &e->loc);
      _hs_emit (c, HS_OP_BUILD_STRING, parts->len);
    }
}

static void
compile_formatted_value (HsCompiler *c,
                         HsExpr     *e)
{
  int conv = e->v.formatted.conversion;
  int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;

  _hs_compile_expr (c, e->v.formatted.value);
  if (e->v.formatted.format_spec != NULL)
    {
      _hs_compile_expr (c, e->v.formatted.format_spec);
      flags |= 4;
    }
  set_loc (c, &e->loc);
  _hs_emit (c, HS_OP_FORMAT_VALUE, flags);
}

static void
compile_yield (HsCompiler *c,
               HsExpr     *e)
{
  HsUnit *u = c->u;

  if (u->scope_type != HS_NAME_SCOPE_FUNCTION || u->is_class)
    _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &e->loc, "'yield' outside function");
  if (e->kind == HS_EXPR_YIELD)
    {
      if (e->v.yield.value != NULL)
        _hs_compile_expr (c, e->v.yield.value);
      else
        {
          set_loc (c, &e->loc);
          _hs_emit_none (c);
        }
      set_loc (c, &e->loc);
      _hs_emit (c, HS_OP_YIELD_VALUE, 0);
      _hs_emit (c, HS_OP_RESUME, 1);
      return;
    }

  /* yield from */
  {
    int send, exit_jump;

    _hs_compile_expr (c, e->v.yield.value);
    set_loc (c, &e->loc);
    _hs_emit (c, HS_OP_GET_YIELD_FROM_ITER, 0);
    _hs_emit_none (c);
    send = _hs_here (c);
    exit_jump = _hs_emit_jump (c, HS_OP_SEND);
    _hs_emit (c, HS_OP_YIELD_VALUE, 0);
    _hs_emit (c, HS_OP_RESUME, 2);
    _hs_patch_jump (c, _hs_emit_jump (c, HS_OP_JUMP_BACKWARD), send);
    _hs_patch_jump (c, exit_jump, _hs_here (c));
  }
}

static void
compile_slice (HsCompiler *c,
               HsExpr     *e)
{
  HsExpr *parts[3] = { e->v.slice.lower, e->v.slice.upper, e->v.slice.step };
  int n = e->v.slice.step != NULL ? 3 : 2;

  for (int i = 0; i < n; i++)
    {
      if (parts[i] != NULL)
        _hs_compile_expr (c, parts[i]);
      else
        {
          set_loc (c, &e->loc);
          _hs_emit_none (c);
        }
    }
  set_loc (c, &e->loc);
  _hs_emit (c, HS_OP_BUILD_SLICE, n);
}

/* Comprehensions ------------------------------------------------------------------ */

static const char *
comprehension_name (HsExpr *e)
{
  switch (e->kind)
    {
    case HS_EXPR_LISTCOMP: return "<listcomp>";
    case HS_EXPR_SETCOMP: return "<setcomp>";
    case HS_EXPR_DICTCOMP: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

static void
compile_comprehension_generator (HsCompiler *c,
                                 HsExpr     *e,
                                 int         gen_index,
                                 int         depth)
{
  HsComprehensionList *gens = &e->v.comp.generators;
  HsComprehension *gen = gens->items[gen_index];
  int start, exit_jump;
  GArray *skip = _hs_compile_jumps (c);

  if (gen_index == 0)
    {
      /* The outermost iterator arrives as the parameter .0. */
      set_loc (c, &e->loc);
      _hs_emit (c, HS_OP_LOAD_FAST, 0);
    }
  else
    {
      _hs_compile_expr (c, gen->iter);
      set_loc (c, &e->loc);
      _hs_emit (c, HS_OP_GET_ITER, 0);
    }
  start = _hs_here (c);
  set_loc (c, &e->loc);
  exit_jump = _hs_emit_jump (c, HS_OP_FOR_ITER);
  _hs_compile_target (c, gen->target);
  for (int i = 0; i < gen->ifs.len; i++)
    _hs_compile_jump_if (c, gen->ifs.items[i], FALSE, skip);

  if (gen_index + 1 < gens->len)
    compile_comprehension_generator (c, e, gen_index + 1, depth + 1);
  else
    {
      switch (e->kind)
        {
        case HS_EXPR_GENEXP:
          _hs_compile_expr (c, e->v.comp.elt);
          set_loc (c, &e->v.comp.elt->loc);
          _hs_emit (c, HS_OP_YIELD_VALUE, 0);
          _hs_emit (c, HS_OP_RESUME, 1);
          _hs_emit (c, HS_OP_POP_TOP, 0);
          break;
        case HS_EXPR_LISTCOMP:
          _hs_compile_expr (c, e->v.comp.elt);
          set_loc (c, &e->v.comp.elt->loc);
          _hs_emit (c, HS_OP_LIST_APPEND, depth + 1);
          break;
        case HS_EXPR_SETCOMP:
          _hs_compile_expr (c, e->v.comp.elt);
          set_loc (c, &e->v.comp.elt->loc);
          _hs_emit (c, HS_OP_SET_ADD, depth + 1);
          break;
        case HS_EXPR_DICTCOMP:
          _hs_compile_expr (c, e->v.comp.key);
          _hs_compile_expr (c, e->v.comp.value);
          set_loc (c, &e->v.comp.value->loc);
          _hs_emit (c, HS_OP_MAP_ADD, depth + 1);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  for (guint i = 0; i < skip->len; i++)
    _hs_patch_jump (c, g_array_index (skip, int, i), start);
  set_loc (c, &e->loc);
  _hs_patch_jump (c, _hs_emit_jump (c, HS_OP_JUMP_BACKWARD), start);
  _hs_patch_jump (c, exit_jump, _hs_here (c));
}

void
_hs_compile_comprehension_body (HsCompiler *c,
                                HsExpr     *e)
{
  set_loc (c, &e->loc);
  if (e->kind == HS_EXPR_LISTCOMP)
    _hs_emit (c, HS_OP_BUILD_LIST, 0);
  else if (e->kind == HS_EXPR_SETCOMP)
    _hs_emit (c, HS_OP_BUILD_SET, 0);
  else if (e->kind == HS_EXPR_DICTCOMP)
    _hs_emit (c, HS_OP_BUILD_MAP, 0);
  compile_comprehension_generator (c, e, 0, 1);
  set_loc (c, &e->loc);
  if (e->kind == HS_EXPR_GENEXP)
    _hs_emit_none (c);
  _hs_emit (c, HS_OP_RETURN_VALUE, 0);
}

static void
compile_comprehension (HsCompiler *c,
                       HsExpr     *e)
{
  HsComprehension *outer = e->v.comp.generators.items[0];

  _hs_compile_function_object (c, e, comprehension_name (e), NULL, NULL, NULL, e, &e->loc);
  _hs_compile_expr (c, outer->iter);
  set_loc (c, &e->loc);
  _hs_emit (c, HS_OP_GET_ITER, 0);
  /* CALL 0 with [func, iter]: the iterator becomes the parameter .0. */
  _hs_emit (c, HS_OP_CALL, 0);
}

/* Expressions --------------------------------------------------------------------- */

void
_hs_compile_expr (HsCompiler *c,
                  HsExpr     *e)
{
  HsUnit *u = c->u;
  HsLoc saved = u->loc;
  int instr;

  if (++c->nesting > 400 || hs_stack_remaining () == 0)
    _hs_compile_error (c, HS_DIAG_LIMIT, &e->loc, "expression too deeply nested");
  u->loc = e->loc;

  switch (e->kind)
    {
    case HS_EXPR_CONSTANT:
      _hs_emit_load_const (c, _hs_const_object (c, &e->v.constant, &e->loc));
      break;

    case HS_EXPR_NAME:
      _hs_nameop (c, e->v.name.id, HS_CTX_LOAD, &e->loc);
      break;

    case HS_EXPR_BINOP:
      {
        HsObject *k = _hs_fold_constant (c, e);

        if (k != NULL)
          {
            _hs_emit_load_const (c, k);
            break;
          }
        _hs_compile_expr (c, e->v.binop.left);
        _hs_compile_expr (c, e->v.binop.right);
        u->loc = e->loc;
        instr = _hs_emit (c, HS_OP_BINARY_OP, e->v.binop.op);
        binop_anchors (c, instr, e);
      }
      break;

    case HS_EXPR_UNARYOP:
      {
        HsObject *k = _hs_fold_constant (c, e);

        if (k != NULL)
          {
            _hs_emit_load_const (c, k);
            break;
          }
        _hs_compile_expr (c, e->v.unaryop.operand);
        u->loc = e->loc;
        switch (e->v.unaryop.op)
          {
          case HS_UOP_INVERT: _hs_emit (c, HS_OP_UNARY_INVERT, 0); break;
          case HS_UOP_NOT: _hs_emit (c, HS_OP_UNARY_NOT, 0); break;
          case HS_UOP_UADD: _hs_emit (c, HS_OP_UNARY_POSITIVE, 0); break;
          case HS_UOP_USUB: _hs_emit (c, HS_OP_UNARY_NEGATIVE, 0); break;
          }
      }
      break;

    case HS_EXPR_BOOLOP:
      {
        GArray *ends = _hs_compile_jumps (c);
        HsExprList *values = &e->v.boolop.values;

        for (int i = 0; i < values->len; i++)
          {
            _hs_compile_expr (c, values->items[i]);
            if (i < values->len - 1)
              {
                int j;

                u->loc = e->loc;
                j = _hs_emit_jump (c, e->v.boolop.op == HS_BOOL_AND ? HS_OP_JUMP_IF_FALSE_OR_POP
                                                                    : HS_OP_JUMP_IF_TRUE_OR_POP);
                g_array_append_val (ends, j);
              }
          }
        for (guint i = 0; i < ends->len; i++)
          _hs_patch_jump (c, g_array_index (ends, int, i), _hs_here (c));
      }
      break;

    case HS_EXPR_COMPARE:
      compile_compare (c, e);
      break;

    case HS_EXPR_CALL:
      compile_call (c, e);
      break;

    case HS_EXPR_ATTRIBUTE:
      _hs_compile_expr (c, e->v.attribute.value);
      u->loc = e->loc;
      _hs_emit (c, HS_OP_LOAD_ATTR, _hs_add_name (c, _hs_mangle (c, e->v.attribute.attr)));
      break;

    case HS_EXPR_SUBSCRIPT:
      {
        HsObject *k = NULL;

        _hs_compile_check_subscript (c, e);
        _hs_compile_expr (c, e->v.subscript.value);
        if (e->v.subscript.slice->kind == HS_EXPR_SLICE)
          compile_slice (c, e->v.subscript.slice);
        else if ((k = _hs_fold_constant (c, e->v.subscript.slice)) != NULL)
          {
            u->loc = e->v.subscript.slice->loc;
            _hs_emit_load_const (c, k);
          }
        else
          _hs_compile_expr (c, e->v.subscript.slice);
        u->loc = e->loc;
        instr = _hs_emit (c, HS_OP_BINARY_SUBSCR, 0);
        subscript_anchors (c, instr, e);
      }
      break;

    case HS_EXPR_SLICE:
      compile_slice (c, e);
      break;

    case HS_EXPR_TUPLE:
      {
        /* ast_opt.c folds every constant tuple, whatever its length. */
        HsObject *k = _hs_fold_constant (c, e);

        if (k != NULL)
          {
            set_loc (c, &e->loc);
            _hs_emit_load_const (c, k);
            break;
          }
      }
      compile_display (c, e);
      break;

    case HS_EXPR_LIST:
    case HS_EXPR_SET:
      compile_display (c, e);
      break;

    case HS_EXPR_DICT:
      compile_dict (c, e);
      break;

    case HS_EXPR_IFEXP:
      {
        GArray *to_else = _hs_compile_jumps (c);
        int end;

        _hs_compile_jump_if (c, e->v.ifexp.test, FALSE, to_else);
        _hs_compile_expr (c, e->v.ifexp.body);
        u->loc = e->loc;
        u->loc.line = -1;
        end = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);
        for (guint i = 0; i < to_else->len; i++)
          _hs_patch_jump (c, g_array_index (to_else, int, i), _hs_here (c));
        _hs_compile_expr (c, e->v.ifexp.orelse);
        _hs_patch_jump (c, end, _hs_here (c));
      }
      break;

    case HS_EXPR_LAMBDA:
      _hs_compile_function_object (c, e, "<lambda>", e->v.lambda.args, NULL, e->v.lambda.body,
                                   NULL, &e->loc);
      break;

    case HS_EXPR_NAMEDEXPR:
      _hs_compile_expr (c, e->v.namedexpr.value);
      u->loc = e->loc;
      _hs_emit (c, HS_OP_COPY, 1);
      _hs_compile_target (c, e->v.namedexpr.target);
      break;

    case HS_EXPR_JOINEDSTR:
      compile_joined_str (c, e);
      break;

    case HS_EXPR_FORMATTEDVALUE:
      compile_formatted_value (c, e);
      break;

    case HS_EXPR_YIELD:
    case HS_EXPR_YIELDFROM:
      compile_yield (c, e);
      break;

    case HS_EXPR_LISTCOMP:
    case HS_EXPR_SETCOMP:
    case HS_EXPR_DICTCOMP:
    case HS_EXPR_GENEXP:
      compile_comprehension (c, e);
      break;

    case HS_EXPR_STARRED:
      _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &e->loc, "can't use starred expression here");
    }

  c->nesting--;
  u->loc = saved;
}

/* Targets --------------------------------------------------------------------------- */

void
_hs_compile_target (HsCompiler *c,
                    HsExpr     *t)
{
  HsUnit *u = c->u;
  HsLoc saved = u->loc;

  switch (t->kind)
    {
    case HS_EXPR_NAME:
      _hs_nameop (c, t->v.name.id, HS_CTX_STORE, &t->loc);
      break;

    case HS_EXPR_ATTRIBUTE:
      _hs_compile_expr (c, t->v.attribute.value);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_STORE_ATTR, _hs_add_name (c, _hs_mangle (c, t->v.attribute.attr)));
      break;

    case HS_EXPR_SUBSCRIPT:
      _hs_compile_expr (c, t->v.subscript.value);
      if (t->v.subscript.slice->kind == HS_EXPR_SLICE)
        compile_slice (c, t->v.subscript.slice);
      else
        _hs_compile_expr (c, t->v.subscript.slice);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_STORE_SUBSCR, 0);
      break;

    case HS_EXPR_TUPLE:
    case HS_EXPR_LIST:
      {
        HsExprList *elts = &t->v.seq.elts;
        int star = -1;

        for (int i = 0; i < elts->len; i++)
          if (elts->items[i]->kind == HS_EXPR_STARRED)
            {
              if (star >= 0)
                _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &elts->items[i]->loc,
                                   "multiple starred expressions in assignment");
              star = i;
            }
        u->loc = t->loc;
        if (star >= 0)
          {
            if (star > 255 || elts->len - star - 1 > 255)
              _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &t->loc,
                                 "too many expressions in star-unpacking assignment");
            _hs_emit (c, HS_OP_UNPACK_EX, star | ((elts->len - star - 1) << 8));
          }
        else
          _hs_emit (c, HS_OP_UNPACK_SEQUENCE, elts->len);
        for (int i = 0; i < elts->len; i++)
          {
            HsExpr *item = elts->items[i];

            _hs_compile_target (c, item->kind == HS_EXPR_STARRED ? item->v.starred.value : item);
          }
      }
      break;

    case HS_EXPR_STARRED:
      _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &t->loc,
                         "starred assignment target must be in a list or tuple");

    default:
      _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &t->loc, "cannot assign to expression");
    }
  u->loc = saved;
}

void
_hs_compile_delete (HsCompiler *c,
                    HsExpr     *t)
{
  HsUnit *u = c->u;

  switch (t->kind)
    {
    case HS_EXPR_NAME:
      _hs_nameop (c, t->v.name.id, HS_CTX_DEL, &t->loc);
      break;
    case HS_EXPR_ATTRIBUTE:
      _hs_compile_expr (c, t->v.attribute.value);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_DELETE_ATTR, _hs_add_name (c, _hs_mangle (c, t->v.attribute.attr)));
      break;
    case HS_EXPR_SUBSCRIPT:
      _hs_compile_expr (c, t->v.subscript.value);
      if (t->v.subscript.slice->kind == HS_EXPR_SLICE)
        compile_slice (c, t->v.subscript.slice);
      else
        _hs_compile_expr (c, t->v.subscript.slice);
      u->loc = t->loc;
      _hs_emit (c, HS_OP_DELETE_SUBSCR, 0);
      break;
    case HS_EXPR_TUPLE:
    case HS_EXPR_LIST:
      for (int i = 0; i < t->v.seq.elts.len; i++)
        _hs_compile_delete (c, t->v.seq.elts.items[i]);
      break;
    default:
      _hs_compile_error (c, HS_DIAG_SYNTAX_ERROR, &t->loc, "cannot delete expression");
    }
}

/* Conditional jumps (compiler_jump_if) ------------------------------------------------ */

const HsLoc *
_hs_jump_if_loc (HsExpr      *e,
                 const HsLoc *stmt_loc)
{
  const HsLoc *loc = stmt_loc;

  switch (e->kind)
    {
    case HS_EXPR_COMPARE:
      return &e->loc;
    case HS_EXPR_UNARYOP:
      return e->v.unaryop.op == HS_UOP_NOT ? _hs_jump_if_loc (e->v.unaryop.operand, stmt_loc)
                                           : stmt_loc;
    case HS_EXPR_BOOLOP:
      /* The last comparison compiled wins. */
      for (int i = 0; i < e->v.boolop.values.len; i++)
        loc = _hs_jump_if_loc (e->v.boolop.values.items[i], loc);
      return loc;
    case HS_EXPR_IFEXP:
      loc = _hs_jump_if_loc (e->v.ifexp.test, loc);
      loc = _hs_jump_if_loc (e->v.ifexp.body, loc);
      return _hs_jump_if_loc (e->v.ifexp.orelse, loc);
    default:
      return stmt_loc;
    }
}

void
_hs_compile_jump_if (HsCompiler *c,
                     HsExpr     *e,
                     gboolean    cond,
                     GArray     *jumps)
{
  HsUnit *u = c->u;

  switch (e->kind)
    {
    case HS_EXPR_UNARYOP:
      if (e->v.unaryop.op == HS_UOP_NOT)
        {
          _hs_compile_jump_if (c, e->v.unaryop.operand, !cond, jumps);
          return;
        }
      break;

    case HS_EXPR_BOOLOP:
      {
        gboolean is_or = e->v.boolop.op == HS_BOOL_OR;
        HsExprList *values = &e->v.boolop.values;
        GArray *next = _hs_compile_jumps (c);
        GArray *target = cond == is_or ? jumps : next;

        for (int i = 0; i < values->len - 1; i++)
          _hs_compile_jump_if (c, values->items[i], is_or, target);
        _hs_compile_jump_if (c, values->items[values->len - 1], cond, jumps);
        for (guint i = 0; i < next->len; i++)
          _hs_patch_jump (c, g_array_index (next, int, i), _hs_here (c));
        return;
      }

    case HS_EXPR_IFEXP:
      {
        GArray *to_else = _hs_compile_jumps (c);
        int end;

        _hs_compile_jump_if (c, e->v.ifexp.test, FALSE, to_else);
        _hs_compile_jump_if (c, e->v.ifexp.body, cond, jumps);
        u->loc.line = -1;
        end = _hs_emit_jump (c, HS_OP_JUMP_FORWARD);
        for (guint i = 0; i < to_else->len; i++)
          _hs_patch_jump (c, g_array_index (to_else, int, i), _hs_here (c));
        _hs_compile_jump_if (c, e->v.ifexp.orelse, cond, jumps);
        _hs_patch_jump (c, end, _hs_here (c));
        return;
      }

    default:
      break;
    }

  _hs_compile_expr (c, e);
  u->loc = e->loc;
  {
    int j = _hs_emit_jump (c, cond ? HS_OP_POP_JUMP_IF_TRUE : HS_OP_POP_JUMP_IF_FALSE);

    g_array_append_val (jumps, j);
  }
}

/* Docstrings ------------------------------------------------------------------ */

static HsExpr *
docstring (HsStmtList *body)
{
  HsExpr *e;

  if (body == NULL || body->len == 0 || body->items[0]->kind != HS_STMT_EXPR)
    return NULL;
  e = body->items[0]->v.expr.value;
  return e->kind == HS_EXPR_CONSTANT && e->v.constant.kind == HS_CONST_STR ? e : NULL;
}

void
_hs_add_doc_const (HsCompiler *c,
                   HsStmtList *body)
{
  HsExpr *doc = docstring (body);

  if (doc != NULL)
    _hs_add_const (c, _hs_const_object (c, &doc->v.constant, &doc->loc));
  else
    _hs_add_const (c, hs_none (c->vm));
}

void
_hs_compile_doc_body (HsCompiler *c,
                      HsStmtList *body)
{
  HsExpr *doc = docstring (body);
  HsStmtList rest;

  if (doc == NULL)
    {
      _hs_compile_body (c, body);
      return;
    }
  set_loc (c, &doc->loc);
  _hs_emit_load_const (c, _hs_const_object (c, &doc->v.constant, &doc->loc));
  c->u->loc.line = -1;
  _hs_nameop (c, "__doc__", HS_CTX_STORE, NULL);
  rest.items = body->items + 1;
  rest.len = body->len - 1;
  _hs_compile_body (c, &rest);
}
