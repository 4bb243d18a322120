/* hs-symtable-check.c — the compile-time errors CPython raises first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After the symbol table, CPython's compiler walks the tree in source order
 * and stops at the first of these: 'return'/'yield' outside function,
 * 'break' outside loop, 'continue' not properly in loop, default 'except:'
 * must be last, keyword argument repeated. Checking them here means a
 * snippet with one of them is rejected before anything is compiled.
 */

#include "config.h"

#include <string.h>

#include "hs-symtable-private.h"

typedef struct
{
  HsSymTable *st;
  Scope      *scope;
  int         loops;     /* enclosing loop bodies in this scope */
} Check;

static void check_stmts (Check      *c,
                         HsStmtList *body);
static void check_expr  (Check      *c,
                         HsExpr     *e);

static void
check_exprs (Check      *c,
             HsExprList *list)
{
  for (int i = 0; i < list->len; i++)
    check_expr (c, list->items[i]);
}

/* A nested scope: a fresh loop count, in the scope the node opened. */
static void
check_scope_body (Check         *c,
                  gconstpointer  node,
                  HsStmtList    *body,
                  HsExpr        *expr)
{
  Check inner = { c->st, g_hash_table_lookup (c->st->by_node, node), 0 };

  if (inner.scope == NULL)
    return;
  if (body != NULL)
    check_stmts (&inner, body);
  check_expr (&inner, expr);
}

static void
check_arguments (Check       *c,
                 HsArguments *a)
{
  if (a == NULL)
    return;
  check_exprs (c, &a->defaults);
  check_exprs (c, &a->kw_defaults);
}

/* validate_keywords(): "keyword argument repeated: x" */
static void
check_keywords (Check         *c,
                HsKeywordList *keywords)
{
  for (int i = 0; i < keywords->len; i++)
    {
      HsKeyword *kw = keywords->items[i];

      if (kw->arg == NULL)
        continue;
      for (int j = i + 1; j < keywords->len; j++)
        {
          HsKeyword *other = keywords->items[j];

          if (other->arg != NULL && strcmp (kw->arg, other->arg) == 0)
            {
              _hs_symtable_error (c->st, &other->loc, "keyword argument repeated: %s", kw->arg);
              return;
            }
        }
    }
}

static void
check_expr (Check  *c,
            HsExpr *e)
{
  if (e == NULL || c->st->error != NULL)
    return;

  switch (e->kind)
    {
    case HS_EXPR_LAMBDA:
      check_arguments (c, e->v.lambda.args);
      check_scope_body (c, e, NULL, e->v.lambda.body);
      break;
    case HS_EXPR_LISTCOMP:
    case HS_EXPR_SETCOMP:
    case HS_EXPR_DICTCOMP:
    case HS_EXPR_GENEXP:
      {
        /* The body is compiled before the outermost iterable. */
        HsComprehensionList *gens = &e->v.comp.generators;
        Check inner = { c->st, g_hash_table_lookup (c->st->by_node, e), 0 };

        if (inner.scope == NULL)
          break;
        for (int i = 0; i < gens->len; i++)
          {
            check_expr (&inner, gens->items[i]->target);
            if (i > 0)
              check_expr (&inner, gens->items[i]->iter);
            check_exprs (&inner, &gens->items[i]->ifs);
          }
        check_expr (&inner, e->v.comp.elt);
        check_expr (&inner, e->v.comp.key);
        check_expr (&inner, e->v.comp.value);
        check_expr (c, gens->items[0]->iter);
      }
      break;
    case HS_EXPR_YIELD:
    case HS_EXPR_YIELDFROM:
      if (c->scope->pub.type != HS_SCOPE_FUNCTION)
        {
          _hs_symtable_error (c->st, &e->loc, "'yield' outside function");
          return;
        }
      check_expr (c, e->v.yield.value);
      break;
    case HS_EXPR_CALL:
      check_expr (c, e->v.call.func);
      check_keywords (c, &e->v.call.keywords);
      check_exprs (c, &e->v.call.args);
      for (int i = 0; i < e->v.call.keywords.len; i++)
        check_expr (c, e->v.call.keywords.items[i]->value);
      break;
    case HS_EXPR_BOOLOP:
      check_exprs (c, &e->v.boolop.values);
      break;
    case HS_EXPR_NAMEDEXPR:
      check_expr (c, e->v.namedexpr.value);
      break;
    case HS_EXPR_BINOP:
      check_expr (c, e->v.binop.left);
      check_expr (c, e->v.binop.right);
      break;
    case HS_EXPR_UNARYOP:
      check_expr (c, e->v.unaryop.operand);
      break;
    case HS_EXPR_IFEXP:
      check_expr (c, e->v.ifexp.test);
      check_expr (c, e->v.ifexp.body);
      check_expr (c, e->v.ifexp.orelse);
      break;
    case HS_EXPR_DICT:
      for (int i = 0; i < e->v.dict.keys.len; i++)
        {
          check_expr (c, e->v.dict.keys.items[i]);
          check_expr (c, e->v.dict.values.items[i]);
        }
      break;
    case HS_EXPR_SET:
    case HS_EXPR_JOINEDSTR:
    case HS_EXPR_LIST:
    case HS_EXPR_TUPLE:
      check_exprs (c, &e->v.seq.elts);
      break;
    case HS_EXPR_COMPARE:
      check_expr (c, e->v.compare.left);
      for (int i = 0; i < e->v.compare.n; i++)
        check_expr (c, e->v.compare.comparators[i]);
      break;
    case HS_EXPR_FORMATTEDVALUE:
      check_expr (c, e->v.formatted.value);
      check_expr (c, e->v.formatted.format_spec);
      break;
    case HS_EXPR_ATTRIBUTE:
      check_expr (c, e->v.attribute.value);
      break;
    case HS_EXPR_SUBSCRIPT:
      check_expr (c, e->v.subscript.value);
      check_expr (c, e->v.subscript.slice);
      break;
    case HS_EXPR_STARRED:
      check_expr (c, e->v.starred.value);
      break;
    case HS_EXPR_SLICE:
      check_expr (c, e->v.slice.lower);
      check_expr (c, e->v.slice.upper);
      check_expr (c, e->v.slice.step);
      break;
    default:
      break;
    }
}

static void
check_stmt (Check  *c,
            HsStmt *s)
{
  if (c->st->error != NULL)
    return;

  switch (s->kind)
    {
    case HS_STMT_FUNCTIONDEF:
      check_exprs (c, &s->v.functiondef.decorators);
      check_arguments (c, s->v.functiondef.args);
      check_scope_body (c, s, &s->v.functiondef.body, NULL);
      break;
    case HS_STMT_CLASSDEF:
      /* The body is compiled before the bases and keywords. */
      check_exprs (c, &s->v.classdef.decorators);
      check_scope_body (c, s, &s->v.classdef.body, NULL);
      check_exprs (c, &s->v.classdef.bases);
      check_keywords (c, &s->v.classdef.keywords);
      for (int i = 0; i < s->v.classdef.keywords.len; i++)
        check_expr (c, s->v.classdef.keywords.items[i]->value);
      break;
    case HS_STMT_RETURN:
      if (c->scope->pub.type != HS_SCOPE_FUNCTION)
        {
          _hs_symtable_error (c->st, &s->loc, "'return' outside function");
          return;
        }
      check_expr (c, s->v.ret.value);
      break;
    case HS_STMT_BREAK:
      if (c->loops == 0)
        _hs_symtable_error (c->st, &s->loc, "'break' outside loop");
      break;
    case HS_STMT_CONTINUE:
      if (c->loops == 0)
        _hs_symtable_error (c->st, &s->loc, "'continue' not properly in loop");
      break;
    case HS_STMT_FOR:
    case HS_STMT_WHILE:
      if (s->kind == HS_STMT_FOR)
        check_expr (c, s->v.for_.iter);
      else
        check_expr (c, s->v.while_.test);
      c->loops++;
      check_stmts (c, s->kind == HS_STMT_FOR ? &s->v.for_.body : &s->v.while_.body);
      c->loops--;
      check_stmts (c, s->kind == HS_STMT_FOR ? &s->v.for_.orelse : &s->v.while_.orelse);
      break;
    case HS_STMT_IF:
      check_expr (c, s->v.if_.test);
      check_stmts (c, &s->v.if_.body);
      check_stmts (c, &s->v.if_.orelse);
      break;
    case HS_STMT_TRY:
      check_stmts (c, &s->v.try_.body);
      for (int i = 0; i < s->v.try_.handlers.len && c->st->error == NULL; i++)
        {
          HsExceptHandler *h = s->v.try_.handlers.items[i];

          if (h->type == NULL && i < s->v.try_.handlers.len - 1)
            {
              _hs_symtable_error (c->st, &h->loc, "default 'except:' must be last");
              return;
            }
          check_expr (c, h->type);
          check_stmts (c, &h->body);
        }
      check_stmts (c, &s->v.try_.orelse);
      check_stmts (c, &s->v.try_.finalbody);
      break;
    case HS_STMT_WITH:
      for (int i = 0; i < s->v.with.items.len; i++)
        check_expr (c, s->v.with.items.items[i]->context_expr);
      check_stmts (c, &s->v.with.body);
      break;
    case HS_STMT_DELETE:
      check_exprs (c, &s->v.del.targets);
      break;
    case HS_STMT_ASSIGN:
      check_expr (c, s->v.assign.value);
      check_exprs (c, &s->v.assign.targets);
      break;
    case HS_STMT_AUGASSIGN:
      check_expr (c, s->v.augassign.target);
      check_expr (c, s->v.augassign.value);
      break;
    case HS_STMT_ANNASSIGN:
      check_expr (c, s->v.annassign.value);
      check_expr (c, s->v.annassign.target);
      break;
    case HS_STMT_RAISE:
      check_expr (c, s->v.raise.exc);
      check_expr (c, s->v.raise.cause);
      break;
    case HS_STMT_ASSERT:
      check_expr (c, s->v.assert_.test);
      check_expr (c, s->v.assert_.msg);
      break;
    case HS_STMT_EXPR:
      check_expr (c, s->v.expr.value);
      break;
    default:
      break;
    }
}

static void
check_stmts (Check      *c,
             HsStmtList *body)
{
  for (int i = 0; i < body->len && c->st->error == NULL; i++)
    check_stmt (c, body->items[i]);
}

/* Called once the scopes are analyzed; the error goes to st->error. */
void
_hs_symtable_check (HsSymTable *st)
{
  Check c = { st, st->top, 0 };

  check_stmts (&c, &st->mod->body);
}
