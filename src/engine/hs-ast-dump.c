/* hs-ast-dump.c — the AST as a compact S-expression, for tests and --dump-ast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format, one node per parenthesised list:
 *   names       x            (load)   (Name:Store x)   (Name:Del x)
 *   constants   1  1.5  'text'  b'\x00'  None  True  False  ...
 *   lists of    (List:Store a b)  (Tuple a b)  (Set a)  (Dict (k v) (** m))
 *   operators   (BinOp a + b)  (UnaryOp not a)  (BoolOp and a b)  (Compare a < b)
 *   calls       (Call f a (Starred b) k=v **m)
 *   statements  (Assign t1 t2 = v)  (If test (body ...) (orelse ...))
 * Missing optional fields print as '-'; empty lists are left out. With
 * locations every node gets "@line:col-line:col" after its kind (and a
 * bare name becomes x@1:0-1:1).
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hs-ast.h"

typedef struct
{
  GString  *out;
  gboolean  locs;
} Dump;

static void dump_expr (Dump         *d,
                       const HsExpr *e);
static void dump_stmt (Dump         *d,
                       const HsStmt *s);

const char *
hs_binop_symbol (HsBinOp op)
{
  static const char *const symbols[] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (symbols) == HS_N_BINOPS);
  if ((int) op < 0 || op >= HS_N_BINOPS)
    return "?";
  return symbols[op];
}

const char *
hs_cmpop_symbol (HsCmpOp op)
{
  static const char *const symbols[] = {
    "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in",
  };

  if ((int) op < 0 || op > HS_CMP_NOTIN)
    return "?";
  return symbols[op];
}

static const char *
unaryop_symbol (HsUnaryOp op)
{
  switch (op)
    {
    case HS_UOP_INVERT: return "~";
    case HS_UOP_NOT:    return "not";
    case HS_UOP_UADD:   return "+";
    case HS_UOP_USUB:   return "-";
    default:            return "?";
    }
}

/* Python's repr() of str and bytes --------------------------------- */

static gboolean
is_printable (gunichar ch)
{
  if (ch == ' ')
    return TRUE;
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
      return FALSE;
    default:
      return TRUE;
    }
}

static char
pick_quote (const char *s,
            gsize       len)
{
  gboolean single = memchr (s, '\'', len) != NULL;
  gboolean dbl = memchr (s, '"', len) != NULL;

  return single && !dbl ? '"' : '\'';
}

static void
append_str_repr (GString    *out,
                 const char *s,
                 gsize       len)
{
  const char *end = s + len;
  char quote = pick_quote (s, len);

  g_string_append_c (out, quote);
  while (s < end)
    {
      gunichar ch;
      const char *next;

      if ((guchar) *s < 0x80)
        {
          ch = (guchar) *s;
          next = s + 1;
        }
      else
        {
          ch = g_utf8_get_char_validated (s, end - s);
          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              g_string_append_printf (out, "\\x%02x", (guchar) *s);
              s++;
              continue;
            }
          next = g_utf8_next_char (s);
        }
      if (ch == (gunichar) quote || ch == '\\')
        g_string_append_printf (out, "\\%c", (char) ch);
      else if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\r')
        g_string_append (out, "\\r");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch < 0x20 || ch == 0x7f)
        g_string_append_printf (out, "\\x%02x", ch);
      else if (ch < 0x80 || is_printable (ch))
        g_string_append_len (out, s, next - s);
      else if (ch <= 0xff)
        g_string_append_printf (out, "\\x%02x", ch);
      else if (ch <= 0xffff)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_printf (out, "\\U%08x", ch);
      s = next;
    }
  g_string_append_c (out, quote);
}

static void
append_bytes_repr (GString    *out,
                   const char *s,
                   gsize       len)
{
  char quote = pick_quote (s, len);

  g_string_append_c (out, 'b');
  g_string_append_c (out, quote);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (c == (guchar) quote || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, quote);
}

/* repr(float): the shortest digits that read back, fixed notation for
 * exponents from -4 to 15 as Python's 'r' format does. */
static void
append_float_repr (GString *out,
                   double   v)
{
  char buf[40], digits[24];
  int exp, n = 0;
  char *e;

  if (isnan (v))
    {
      g_string_append (out, "nan");
      return;
    }
  if (isinf (v))
    {
      g_string_append (out, v < 0 ? "-inf" : "inf");
      return;
    }
  for (int prec = 1; prec <= 17; prec++)
    {
      snprintf (buf, sizeof buf, "%.*e", prec - 1, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  e = strchr (buf, 'e');
  exp = atoi (e + 1);
  for (char *c = buf; c < e; c++)
    if (g_ascii_isdigit (*c))
      digits[n++] = *c;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  digits[n] = '\0';
  if (buf[0] == '-')
    g_string_append_c (out, '-');

  if (exp >= -4 && exp < 16)
    {
      if (exp < 0)
        {
          g_string_append (out, "0.");
          for (int i = 0; i < -exp - 1; i++)
            g_string_append_c (out, '0');
          g_string_append (out, digits);
        }
      else
        {
          for (int i = 0; i <= exp; i++)
            g_string_append_c (out, i < n ? digits[i] : '0');
          g_string_append_c (out, '.');
          if (n > exp + 1)
            g_string_append (out, digits + exp + 1);
          else
            g_string_append_c (out, '0');
        }
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (n > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%02d", exp < 0 ? '-' : '+', ABS (exp));
    }
}

/* Nodes ------------------------------------------------------------- */

static void
append_loc (Dump        *d,
            const HsLoc *loc)
{
  if (d->locs)
    g_string_append_printf (d->out, "@%d:%d-%d:%d",
                            loc->line, loc->col, loc->end_line, loc->end_col);
}

static void
open_node (Dump        *d,
           const char  *kind,
           const HsLoc *loc)
{
  g_string_append_c (d->out, '(');
  g_string_append (d->out, kind);
  if (loc != NULL)
    append_loc (d, loc);
}

static void
open_ctx_node (Dump          *d,
               const char    *kind,
               HsExprContext  ctx,
               const HsLoc   *loc)
{
  g_string_append_c (d->out, '(');
  g_string_append (d->out, kind);
  if (ctx == HS_CTX_STORE)
    g_string_append (d->out, ":Store");
  else if (ctx == HS_CTX_DEL)
    g_string_append (d->out, ":Del");
  append_loc (d, loc);
}

static void
sep (Dump *d)
{
  g_string_append_c (d->out, ' ');
}

static void
close_node (Dump *d)
{
  g_string_append_c (d->out, ')');
}

static void
opt_expr (Dump         *d,
          const HsExpr *e)
{
  sep (d);
  if (e == NULL)
    g_string_append_c (d->out, '-');
  else
    dump_expr (d, e);
}

static void
exprs (Dump             *d,
       const HsExprList *list)
{
  for (int i = 0; i < list->len; i++)
    {
      sep (d);
      dump_expr (d, list->items[i]);
    }
}

/* (label e...) unless empty */
static void
labelled_exprs (Dump             *d,
                const char       *label,
                const HsExprList *list)
{
  if (list->len == 0)
    return;
  sep (d);
  open_node (d, label, NULL);
  exprs (d, list);
  close_node (d);
}

static void
stmts (Dump             *d,
       const HsStmtList *list)
{
  for (int i = 0; i < list->len; i++)
    {
      sep (d);
      dump_stmt (d, list->items[i]);
    }
}

static void
labelled_stmts (Dump             *d,
                const char       *label,
                const HsStmtList *list)
{
  if (list->len == 0)
    return;
  sep (d);
  open_node (d, label, NULL);
  stmts (d, list);
  close_node (d);
}

static void
dump_arg (Dump        *d,
          const HsArg *arg)
{
  if (arg->annotation == NULL && !d->locs)
    {
      g_string_append (d->out, arg->name);
      return;
    }
  open_node (d, "arg", &arg->loc);
  sep (d);
  g_string_append (d->out, arg->name);
  if (arg->annotation != NULL)
    opt_expr (d, arg->annotation);
  close_node (d);
}

static void
labelled_args (Dump            *d,
               const char      *label,
               const HsArgList *list)
{
  if (list->len == 0)
    return;
  sep (d);
  open_node (d, label, NULL);
  for (int i = 0; i < list->len; i++)
    {
      sep (d);
      dump_arg (d, list->items[i]);
    }
  close_node (d);
}

static void
dump_arguments (Dump              *d,
                const HsArguments *a)
{
  open_node (d, "arguments", NULL);
  labelled_args (d, "posonly", &a->posonlyargs);
  labelled_args (d, "args", &a->args);
  if (a->vararg != NULL)
    {
      sep (d);
      open_node (d, "vararg", NULL);
      sep (d);
      dump_arg (d, a->vararg);
      close_node (d);
    }
  labelled_args (d, "kwonly", &a->kwonlyargs);
  if (a->kwonlyargs.len > 0)
    {
      sep (d);
      open_node (d, "kw_defaults", NULL);
      for (int i = 0; i < a->kw_defaults.len; i++)
        opt_expr (d, a->kw_defaults.items[i]);
      close_node (d);
    }
  if (a->kwarg != NULL)
    {
      sep (d);
      open_node (d, "kwarg", NULL);
      sep (d);
      dump_arg (d, a->kwarg);
      close_node (d);
    }
  labelled_exprs (d, "defaults", &a->defaults);
  close_node (d);
}

static void
dump_keyword (Dump            *d,
              const HsKeyword *kw)
{
  if (kw->arg != NULL)
    {
      g_string_append (d->out, kw->arg);
      g_string_append_c (d->out, '=');
    }
  else
    g_string_append (d->out, "**");
  dump_expr (d, kw->value);
}

static void
dump_generators (Dump                      *d,
                 const HsComprehensionList *gens)
{
  for (int i = 0; i < gens->len; i++)
    {
      HsComprehension *c = gens->items[i];

      sep (d);
      open_node (d, "for", NULL);
      sep (d);
      dump_expr (d, c->target);
      sep (d);
      dump_expr (d, c->iter);
      for (int j = 0; j < c->ifs.len; j++)
        {
          g_string_append (d->out, " if ");
          dump_expr (d, c->ifs.items[j]);
        }
      close_node (d);
    }
}

static void
dump_constant (Dump         *d,
               const HsExpr *e)
{
  const HsConst *c = &e->v.constant;
  GString *out = d->out;

  switch (c->kind)
    {
    case HS_CONST_NONE:     g_string_append (out, "None"); break;
    case HS_CONST_TRUE:     g_string_append (out, "True"); break;
    case HS_CONST_FALSE:    g_string_append (out, "False"); break;
    case HS_CONST_ELLIPSIS: g_string_append (out, "..."); break;
    case HS_CONST_INT:      g_string_append (out, c->text); break;
    case HS_CONST_FLOAT:    append_float_repr (out, c->f); break;
    case HS_CONST_STR:      append_str_repr (out, c->str, c->len); break;
    case HS_CONST_BYTES:    append_bytes_repr (out, c->str, c->len); break;
    default:                g_string_append_c (out, '?'); break;
    }
}

static void
dump_expr (Dump         *d,
           const HsExpr *e)
{
  const char *kind = NULL;

  switch (e->kind)
    {
    case HS_EXPR_NAME:
      if (e->v.name.ctx == HS_CTX_LOAD)
        {
          g_string_append (d->out, e->v.name.id);
          append_loc (d, &e->loc);
          return;
        }
      open_ctx_node (d, "Name", e->v.name.ctx, &e->loc);
      sep (d);
      g_string_append (d->out, e->v.name.id);
      break;

    case HS_EXPR_CONSTANT:
      if (d->locs)
        {
          open_node (d, "Constant", &e->loc);
          sep (d);
          dump_constant (d, e);
          break;
        }
      dump_constant (d, e);
      return;

    case HS_EXPR_BOOLOP:
      open_node (d, "BoolOp", &e->loc);
      g_string_append (d->out, e->v.boolop.op == HS_BOOL_AND ? " and" : " or");
      exprs (d, &e->v.boolop.values);
      break;

    case HS_EXPR_NAMEDEXPR:
      open_node (d, "NamedExpr", &e->loc);
      opt_expr (d, e->v.namedexpr.target);
      opt_expr (d, e->v.namedexpr.value);
      break;

    case HS_EXPR_BINOP:
      open_node (d, "BinOp", &e->loc);
      opt_expr (d, e->v.binop.left);
      sep (d);
      g_string_append (d->out, hs_binop_symbol (e->v.binop.op));
      opt_expr (d, e->v.binop.right);
      break;

    case HS_EXPR_UNARYOP:
      open_node (d, "UnaryOp", &e->loc);
      sep (d);
      g_string_append (d->out, unaryop_symbol (e->v.unaryop.op));
      opt_expr (d, e->v.unaryop.operand);
      break;

    case HS_EXPR_LAMBDA:
      open_node (d, "Lambda", &e->loc);
      sep (d);
      dump_arguments (d, e->v.lambda.args);
      opt_expr (d, e->v.lambda.body);
      break;

    case HS_EXPR_IFEXP:
      open_node (d, "IfExp", &e->loc);
      opt_expr (d, e->v.ifexp.test);
      opt_expr (d, e->v.ifexp.body);
      opt_expr (d, e->v.ifexp.orelse);
      break;

    case HS_EXPR_DICT:
      open_node (d, "Dict", &e->loc);
      for (int i = 0; i < e->v.dict.keys.len; i++)
        {
          sep (d);
          g_string_append_c (d->out, '(');
          if (e->v.dict.keys.items[i] == NULL)
            g_string_append (d->out, "**");
          else
            dump_expr (d, e->v.dict.keys.items[i]);
          opt_expr (d, e->v.dict.values.items[i]);
          g_string_append_c (d->out, ')');
        }
      break;

    case HS_EXPR_SET:
      kind = "Set";
      goto seq;
    case HS_EXPR_JOINEDSTR:
      kind = "JoinedStr";
      goto seq;
    case HS_EXPR_LIST:
      kind = "List";
      goto seq;
    case HS_EXPR_TUPLE:
      kind = "Tuple";
    seq:
      if (e->kind == HS_EXPR_LIST || e->kind == HS_EXPR_TUPLE)
        open_ctx_node (d, kind, e->v.seq.ctx, &e->loc);
      else
        open_node (d, kind, &e->loc);
      exprs (d, &e->v.seq.elts);
      break;

    case HS_EXPR_LISTCOMP:
      kind = "ListComp";
      goto comp;
    case HS_EXPR_SETCOMP:
      kind = "SetComp";
      goto comp;
    case HS_EXPR_GENEXP:
      kind = "GeneratorExp";
    comp:
      open_node (d, kind, &e->loc);
      opt_expr (d, e->v.comp.elt);
      dump_generators (d, &e->v.comp.generators);
      break;

    case HS_EXPR_DICTCOMP:
      open_node (d, "DictComp", &e->loc);
      opt_expr (d, e->v.comp.key);
      opt_expr (d, e->v.comp.value);
      dump_generators (d, &e->v.comp.generators);
      break;

    case HS_EXPR_YIELD:
      open_node (d, "Yield", &e->loc);
      if (e->v.yield.value != NULL)
        opt_expr (d, e->v.yield.value);
      break;

    case HS_EXPR_YIELDFROM:
      open_node (d, "YieldFrom", &e->loc);
      opt_expr (d, e->v.yield.value);
      break;

    case HS_EXPR_COMPARE:
      open_node (d, "Compare", &e->loc);
      opt_expr (d, e->v.compare.left);
      for (int i = 0; i < e->v.compare.n; i++)
        {
          sep (d);
          g_string_append (d->out, hs_cmpop_symbol (e->v.compare.ops[i]));
          opt_expr (d, e->v.compare.comparators[i]);
        }
      break;

    case HS_EXPR_CALL:
      open_node (d, "Call", &e->loc);
      opt_expr (d, e->v.call.func);
      exprs (d, &e->v.call.args);
      for (int i = 0; i < e->v.call.keywords.len; i++)
        {
          sep (d);
          dump_keyword (d, e->v.call.keywords.items[i]);
        }
      break;

    case HS_EXPR_FORMATTEDVALUE:
      open_node (d, "FormattedValue", &e->loc);
      opt_expr (d, e->v.formatted.value);
      if (e->v.formatted.conversion < 0)
        g_string_append (d->out, " -1");
      else
        g_string_append_printf (d->out, " %c", e->v.formatted.conversion);
      opt_expr (d, e->v.formatted.format_spec);
      break;

    case HS_EXPR_ATTRIBUTE:
      open_ctx_node (d, "Attribute", e->v.attribute.ctx, &e->loc);
      opt_expr (d, e->v.attribute.value);
      sep (d);
      g_string_append (d->out, e->v.attribute.attr);
      break;

    case HS_EXPR_SUBSCRIPT:
      open_ctx_node (d, "Subscript", e->v.subscript.ctx, &e->loc);
      opt_expr (d, e->v.subscript.value);
      opt_expr (d, e->v.subscript.slice);
      break;

    case HS_EXPR_STARRED:
      open_ctx_node (d, "Starred", e->v.starred.ctx, &e->loc);
      opt_expr (d, e->v.starred.value);
      break;

    case HS_EXPR_SLICE:
      open_node (d, "Slice", &e->loc);
      opt_expr (d, e->v.slice.lower);
      opt_expr (d, e->v.slice.upper);
      opt_expr (d, e->v.slice.step);
      break;

    default:
      g_string_append (d->out, "(?");
      break;
    }
  close_node (d);
}

static void
dump_alias (Dump          *d,
            const HsAlias *alias)
{
  sep (d);
  open_node (d, "alias", &alias->loc);
  sep (d);
  g_string_append (d->out, alias->name);
  if (alias->asname != NULL)
    {
      sep (d);
      g_string_append (d->out, alias->asname);
    }
  close_node (d);
}

static void
dump_stmt (Dump         *d,
           const HsStmt *s)
{
  switch (s->kind)
    {
    case HS_STMT_FUNCTIONDEF:
      open_node (d, "FunctionDef", &s->loc);
      sep (d);
      g_string_append (d->out, s->v.functiondef.name);
      sep (d);
      dump_arguments (d, s->v.functiondef.args);
      labelled_exprs (d, "decorators", &s->v.functiondef.decorators);
      if (s->v.functiondef.returns != NULL)
        {
          sep (d);
          open_node (d, "returns", NULL);
          opt_expr (d, s->v.functiondef.returns);
          close_node (d);
        }
      stmts (d, &s->v.functiondef.body);
      break;

    case HS_STMT_CLASSDEF:
      open_node (d, "ClassDef", &s->loc);
      sep (d);
      g_string_append (d->out, s->v.classdef.name);
      labelled_exprs (d, "bases", &s->v.classdef.bases);
      if (s->v.classdef.keywords.len > 0)
        {
          sep (d);
          open_node (d, "keywords", NULL);
          for (int i = 0; i < s->v.classdef.keywords.len; i++)
            {
              sep (d);
              dump_keyword (d, s->v.classdef.keywords.items[i]);
            }
          close_node (d);
        }
      labelled_exprs (d, "decorators", &s->v.classdef.decorators);
      stmts (d, &s->v.classdef.body);
      break;

    case HS_STMT_RETURN:
      open_node (d, "Return", &s->loc);
      if (s->v.ret.value != NULL)
        opt_expr (d, s->v.ret.value);
      break;

    case HS_STMT_DELETE:
      open_node (d, "Delete", &s->loc);
      exprs (d, &s->v.del.targets);
      break;

    case HS_STMT_ASSIGN:
      open_node (d, "Assign", &s->loc);
      exprs (d, &s->v.assign.targets);
      g_string_append (d->out, " =");
      opt_expr (d, s->v.assign.value);
      break;

    case HS_STMT_AUGASSIGN:
      open_node (d, "AugAssign", &s->loc);
      opt_expr (d, s->v.augassign.target);
      g_string_append_printf (d->out, " %s=", hs_binop_symbol (s->v.augassign.op));
      opt_expr (d, s->v.augassign.value);
      break;

    case HS_STMT_ANNASSIGN:
      open_node (d, "AnnAssign", &s->loc);
      opt_expr (d, s->v.annassign.target);
      opt_expr (d, s->v.annassign.annotation);
      if (s->v.annassign.value != NULL)
        {
          g_string_append (d->out, " =");
          opt_expr (d, s->v.annassign.value);
        }
      if (s->v.annassign.simple)
        g_string_append (d->out, " simple");
      break;

    case HS_STMT_FOR:
      open_node (d, "For", &s->loc);
      opt_expr (d, s->v.for_.target);
      opt_expr (d, s->v.for_.iter);
      labelled_stmts (d, "body", &s->v.for_.body);
      labelled_stmts (d, "orelse", &s->v.for_.orelse);
      break;

    case HS_STMT_WHILE:
      open_node (d, "While", &s->loc);
      opt_expr (d, s->v.while_.test);
      labelled_stmts (d, "body", &s->v.while_.body);
      labelled_stmts (d, "orelse", &s->v.while_.orelse);
      break;

    case HS_STMT_IF:
      open_node (d, "If", &s->loc);
      opt_expr (d, s->v.if_.test);
      labelled_stmts (d, "body", &s->v.if_.body);
      labelled_stmts (d, "orelse", &s->v.if_.orelse);
      break;

    case HS_STMT_WITH:
      open_node (d, "With", &s->loc);
      for (int i = 0; i < s->v.with.items.len; i++)
        {
          HsWithItem *item = s->v.with.items.items[i];

          sep (d);
          open_node (d, "withitem", NULL);
          opt_expr (d, item->context_expr);
          if (item->optional_vars != NULL)
            opt_expr (d, item->optional_vars);
          close_node (d);
        }
      labelled_stmts (d, "body", &s->v.with.body);
      break;

    case HS_STMT_RAISE:
      open_node (d, "Raise", &s->loc);
      if (s->v.raise.exc != NULL)
        opt_expr (d, s->v.raise.exc);
      if (s->v.raise.cause != NULL)
        {
          g_string_append (d->out, " from");
          opt_expr (d, s->v.raise.cause);
        }
      break;

    case HS_STMT_TRY:
      open_node (d, "Try", &s->loc);
      labelled_stmts (d, "body", &s->v.try_.body);
      for (int i = 0; i < s->v.try_.handlers.len; i++)
        {
          HsExceptHandler *h = s->v.try_.handlers.items[i];

          sep (d);
          open_node (d, "ExceptHandler", &h->loc);
          opt_expr (d, h->type);
          sep (d);
          g_string_append (d->out, h->name ? h->name : "-");
          stmts (d, &h->body);
          close_node (d);
        }
      labelled_stmts (d, "orelse", &s->v.try_.orelse);
      labelled_stmts (d, "finally", &s->v.try_.finalbody);
      break;

    case HS_STMT_ASSERT:
      open_node (d, "Assert", &s->loc);
      opt_expr (d, s->v.assert_.test);
      if (s->v.assert_.msg != NULL)
        opt_expr (d, s->v.assert_.msg);
      break;

    case HS_STMT_IMPORT:
      open_node (d, "Import", &s->loc);
      for (int i = 0; i < s->v.import.names.len; i++)
        dump_alias (d, s->v.import.names.items[i]);
      break;

    case HS_STMT_IMPORTFROM:
      open_node (d, "ImportFrom", &s->loc);
      sep (d);
      g_string_append (d->out, s->v.importfrom.module ? s->v.importfrom.module : "-");
      g_string_append_printf (d->out, " %d", s->v.importfrom.level);
      for (int i = 0; i < s->v.importfrom.names.len; i++)
        dump_alias (d, s->v.importfrom.names.items[i]);
      break;

    case HS_STMT_GLOBAL:
    case HS_STMT_NONLOCAL:
      open_node (d, s->kind == HS_STMT_GLOBAL ? "Global" : "Nonlocal", &s->loc);
      for (int i = 0; i < s->v.global.names.len; i++)
        {
          sep (d);
          g_string_append (d->out, s->v.global.names.items[i]);
        }
      break;

    case HS_STMT_EXPR:
      open_node (d, "Expr", &s->loc);
      opt_expr (d, s->v.expr.value);
      break;

    case HS_STMT_PASS:
      open_node (d, "Pass", &s->loc);
      break;

    case HS_STMT_BREAK:
      open_node (d, "Break", &s->loc);
      break;

    case HS_STMT_CONTINUE:
      open_node (d, "Continue", &s->loc);
      break;

    default:
      g_string_append (d->out, "(?");
      break;
    }
  close_node (d);
}

/**
 * hs_ast_dump:
 * @mod: a parsed module
 * @with_locations: add every node's position
 *
 * Returns: (transfer full): `(Module stmt...)`, see the format above
 */
char *
hs_ast_dump (const HsModule *mod,
             gboolean        with_locations)
{
  Dump d = { g_string_new ("(Module"), with_locations };

  g_return_val_if_fail (mod != NULL, NULL);

  stmts (&d, &mod->body);
  close_node (&d);
  return g_string_free (d.out, FALSE);
}

char *
hs_ast_dump_stmt (const HsStmt *stmt,
                  gboolean      with_locations)
{
  Dump d = { g_string_new (NULL), with_locations };

  g_return_val_if_fail (stmt != NULL, NULL);

  dump_stmt (&d, stmt);
  return g_string_free (d.out, FALSE);
}

char *
hs_ast_dump_expr (const HsExpr *expr,
                  gboolean      with_locations)
{
  Dump d = { g_string_new (NULL), with_locations };

  g_return_val_if_fail (expr != NULL, NULL);

  dump_expr (&d, expr);
  return g_string_free (d.out, FALSE);
}
