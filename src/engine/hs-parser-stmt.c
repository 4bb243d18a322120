/* hs-parser-stmt.c — statements, blocks and assignment targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules are named after CPython 3.11's Grammar/python.gram; the comment
 * above each function quotes the rule it implements.
 */

#include "config.h"

#include <string.h>

#include "hs-parser-private.h"

#define STMT_LIST(vec) ((HsStmtList) { (HsStmt **) (vec).items, (vec).len })
#define EXPR_LIST(vec) ((HsExprList) { (HsExpr **) (vec).items, (vec).len })

/* A statement spans from its first token to the last one consumed. */
static HsStmt *
stmt_new (HsParser   *p,
          HsStmtKind  kind,
          HsToken    *first)
{
  HsLoc start = _hs_token_loc (first);
  HsLoc end = _hs_token_loc (_hs_prev (p));

  return _hs_stmt_new (p, kind, &start, &end);
}

/* Targets ------------------------------------------------------------- */

/* CPython's _PyPegen_get_expr_name(), for error messages. */
const char *
_hs_expr_name (HsExpr *e)
{
  switch (e->kind)
    {
    case HS_EXPR_ATTRIBUTE:      return "attribute";
    case HS_EXPR_SUBSCRIPT:      return "subscript";
    case HS_EXPR_STARRED:        return "starred";
    case HS_EXPR_NAME:           return "name";
    case HS_EXPR_LIST:           return "list";
    case HS_EXPR_TUPLE:          return "tuple";
    case HS_EXPR_LAMBDA:         return "lambda";
    case HS_EXPR_CALL:           return "function call";
    case HS_EXPR_BOOLOP:
    case HS_EXPR_BINOP:
    case HS_EXPR_UNARYOP:        return "expression";
    case HS_EXPR_GENEXP:         return "generator expression";
    case HS_EXPR_YIELD:
    case HS_EXPR_YIELDFROM:      return "yield expression";
    case HS_EXPR_LISTCOMP:       return "list comprehension";
    case HS_EXPR_SETCOMP:        return "set comprehension";
    case HS_EXPR_DICTCOMP:       return "dict comprehension";
    case HS_EXPR_DICT:           return "dict literal";
    case HS_EXPR_SET:            return "set display";
    case HS_EXPR_JOINEDSTR:
    case HS_EXPR_FORMATTEDVALUE: return "f-string expression";
    case HS_EXPR_COMPARE:        return "comparison";
    case HS_EXPR_IFEXP:          return "conditional expression";
    case HS_EXPR_NAMEDEXPR:      return "named expression";
    case HS_EXPR_SLICE:          return "slice";
    case HS_EXPR_CONSTANT:
      switch (e->v.constant.kind)
        {
        case HS_CONST_NONE:     return "None";
        case HS_CONST_TRUE:     return "True";
        case HS_CONST_FALSE:    return "False";
        case HS_CONST_ELLIPSIS: return "ellipsis";
        default:                return "literal";
        }
    default:
      return "expression";
    }
}

/* CPython's _PyPegen_get_invalid_target(): the first sub-expression that
 * cannot be assigned to (or deleted), or NULL. */
HsExpr *
_hs_invalid_target (HsExpr        *e,
                    HsTargetsType  type)
{
  switch (e->kind)
    {
    case HS_EXPR_LIST:
    case HS_EXPR_TUPLE:
      for (int i = 0; i < e->v.seq.elts.len; i++)
        {
          HsExpr *bad = _hs_invalid_target (e->v.seq.elts.items[i], type);

          if (bad != NULL)
            return bad;
        }
      return NULL;
    case HS_EXPR_STARRED:
      if (type == HS_TARGETS_DEL)
        return e;
      return _hs_invalid_target (e->v.starred.value, type);
    case HS_EXPR_COMPARE:
      /* `for a in b` may reach here parsed as a comparison */
      if (type == HS_TARGETS_FOR)
        {
          if (e->v.compare.ops[0] == HS_CMP_IN)
            return _hs_invalid_target (e->v.compare.left, type);
          return NULL;
        }
      return e;
    case HS_EXPR_NAME:
    case HS_EXPR_SUBSCRIPT:
    case HS_EXPR_ATTRIBUTE:
      return NULL;
    default:
      return e;
    }
}

void
_hs_set_context (HsExpr        *e,
                 HsExprContext  ctx)
{
  switch (e->kind)
    {
    case HS_EXPR_NAME:
      e->v.name.ctx = ctx;
      break;
    case HS_EXPR_ATTRIBUTE:
      e->v.attribute.ctx = ctx;
      break;
    case HS_EXPR_SUBSCRIPT:
      e->v.subscript.ctx = ctx;
      break;
    case HS_EXPR_STARRED:
      e->v.starred.ctx = ctx;
      _hs_set_context (e->v.starred.value, ctx);
      break;
    case HS_EXPR_LIST:
    case HS_EXPR_TUPLE:
      e->v.seq.ctx = ctx;
      for (int i = 0; i < e->v.seq.elts.len; i++)
        _hs_set_context (e->v.seq.elts.items[i], ctx);
      break;
    default:
      break;
    }
}

/* Validates the targets in @e and gives them their Store/Del context;
 * NULL (with "cannot assign to %s") when one is invalid. */
HsExpr *
_hs_check_targets (HsParser      *p,
                   HsExpr        *e,
                   HsTargetsType  type)
{
  HsExpr *bad = _hs_invalid_target (e, type);

  if (bad != NULL)
    {
      _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &bad->loc, &bad->loc,
                       type == HS_TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                       _hs_expr_name (bad));
      _hs_mark_specific (p);
      return NULL;
    }
  _hs_set_context (e, type == HS_TARGETS_DEL ? HS_CTX_DEL : HS_CTX_STORE);
  return e;
}

/* star_target: '*' (!'*' star_target) | target_with_star_atom
 * Parsed as bitwise_or and checked afterwards. */
HsExpr *
_hs_parse_star_target (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *value, *e;

  if (first->kind != HS_TOK_STAR)
    return _hs_parse_bitwise_or (p);

  _hs_next (p);
  if (_hs_check (p, HS_TOK_STAR) || !_hs_enter (p))
    return _hs_syntax_error (p);
  value = _hs_parse_star_target (p);
  _hs_leave (p);
  if (value == NULL)
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_STARRED, first);
  e->v.starred.value = value;
  e->v.starred.ctx = HS_CTX_LOAD;
  return e;
}

/* star_targets: star_target !',' | star_target (',' star_target)* [','] */
HsExpr *
_hs_parse_star_targets (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsVec elts = { 0 };
  HsExpr *e = _hs_parse_star_target (p);

  if (e == NULL || !_hs_check (p, HS_TOK_COMMA))
    return e;
  _hs_vec_push (p, &elts, e);
  while (_hs_accept (p, HS_TOK_COMMA) && _hs_starts_star_expression (_hs_peek (p)->kind))
    {
      e = _hs_parse_star_target (p);
      if (e == NULL)
        return NULL;
      _hs_vec_push (p, &elts, e);
    }
  e = _hs_expr_from (p, HS_EXPR_TUPLE, first);
  e->v.seq.elts = EXPR_LIST (elts);
  return e;
}

/* Blocks ------------------------------------------------------------------ */

static gboolean parse_simple_stmts (HsParser *p,
                                    HsVec    *out);

/* block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
 * @what names the statement for "expected an indented block after %s on
 * line %d", @header is its first token. */
static gboolean
parse_block (HsParser   *p,
             HsStmtList *body,
             const char *what,
             HsToken    *header)
{
  HsVec stmts = { 0 };

  if (_hs_accept (p, HS_TOK_NEWLINE))
    {
      if (!_hs_check (p, HS_TOK_INDENT))
        {
          if (!_hs_failed (p))
            {
              _hs_error_at_token (p, HS_DIAG_INDENTATION_ERROR, _hs_peek (p),
                                  "expected an indented block after %s on line %d",
                                  what, header->line);
              _hs_mark_specific (p);
            }
          return FALSE;
        }
      _hs_next (p);
      do
        {
          if (!_hs_parse_statement (p, &stmts))
            return FALSE;
        }
      while (!_hs_check (p, HS_TOK_DEDENT) && !_hs_check (p, HS_TOK_ENDMARKER));
      if (!_hs_expect (p, HS_TOK_DEDENT))
        return FALSE;
    }
  else if (!parse_simple_stmts (p, &stmts))
    return FALSE;

  *body = STMT_LIST (stmts);
  return TRUE;
}

/* The ':' ending a compound statement's header. CPython says "expected
 * ':'" when the line ends there (invalid_if_stmt & co) or, for a few
 * statements, whatever follows (a forced token: &&':'). */
static gboolean
expect_colon (HsParser *p,
              gboolean  forced)
{
  HsToken *tok;

  if (_hs_accept (p, HS_TOK_COLON))
    return TRUE;
  tok = _hs_peek (p);
  if (_hs_failed (p))
    return FALSE;
  if (forced || tok->kind == HS_TOK_NEWLINE)
    {
      _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, tok, "expected ':'");
      _hs_mark_specific (p);
      return FALSE;
    }
  _hs_syntax_error (p);
  return FALSE;
}

/* else_block: 'else' &&':' block */
static gboolean
parse_else_block (HsParser   *p,
                  HsStmtList *orelse)
{
  HsToken *kw;

  if (!_hs_check (p, HS_TOK_ELSE))
    return !_hs_failed (p);
  kw = _hs_next (p);
  return expect_colon (p, TRUE) && parse_block (p, orelse, "'else' statement", kw);
}

/* Compound statements -------------------------------------------------- */

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
 * elif_stmt: the same with 'elif', nested in orelse */
static HsStmt *
parse_if_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  gboolean is_elif = kw->kind == HS_TOK_ELIF;
  HsExpr *test;
  HsStmtList body, orelse = { 0 };
  HsStmt *s;

  test = _hs_parse_named_expression (p);
  if (test == NULL || !expect_colon (p, FALSE) ||
      !parse_block (p, &body, is_elif ? "'elif' statement" : "'if' statement", kw))
    return NULL;

  if (_hs_check (p, HS_TOK_ELIF))
    {
      HsStmt *elif = NULL;

      if (_hs_enter_tree (p))
        elif = parse_if_stmt (p);
      _hs_leave_tree (p, 1);
      if (elif == NULL)
        return NULL;
      orelse.items = hs_arena_alloc (p->arena, sizeof (HsStmt *));
      orelse.items[0] = elif;
      orelse.len = 1;
    }
  else if (!parse_else_block (p, &orelse))
    return NULL;

  s = stmt_new (p, HS_STMT_IF, kw);
  s->v.if_.test = test;
  s->v.if_.body = body;
  s->v.if_.orelse = orelse;
  return s;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static HsStmt *
parse_while_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsExpr *test;
  HsStmtList body, orelse = { 0 };
  HsStmt *s;

  test = _hs_parse_named_expression (p);
  if (test == NULL || !expect_colon (p, FALSE) ||
      !parse_block (p, &body, "'while' statement", kw) ||
      !parse_else_block (p, &orelse))
    return NULL;

  s = stmt_new (p, HS_STMT_WHILE, kw);
  s->v.while_.test = test;
  s->v.while_.body = body;
  s->v.while_.orelse = orelse;
  return s;
}

/* for_stmt: 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
 *         | invalid_for_target */
static HsStmt *
parse_for_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  int start = p->pos;
  HsExpr *target, *iter;
  HsStmtList body, orelse = { 0 };
  HsStmt *s;

  target = _hs_parse_star_targets (p);
  if (target == NULL)
    return NULL;
  if (!_hs_check (p, HS_TOK_IN))
    return _hs_invalid_for_target (p, start);
  if (_hs_check_targets (p, target, HS_TARGETS_FOR) == NULL)
    return NULL;
  _hs_next (p);

  iter = _hs_parse_star_expressions (p);
  if (iter == NULL || !expect_colon (p, FALSE) ||
      !parse_block (p, &body, "'for' statement", kw) ||
      !parse_else_block (p, &orelse))
    return NULL;

  s = stmt_new (p, HS_STMT_FOR, kw);
  s->v.for_.target = target;
  s->v.for_.iter = iter;
  s->v.for_.body = body;
  s->v.for_.orelse = orelse;
  return s;
}

/* with_item: expression 'as' star_target &(',' | ')' | ':')
 *          | invalid_with_item | expression */
static HsWithItem *
parse_with_item (HsParser *p)
{
  HsWithItem *item = hs_arena_new0 (p->arena, HsWithItem);

  item->context_expr = _hs_parse_expression (p);
  if (item->context_expr == NULL)
    return NULL;
  if (_hs_check (p, HS_TOK_AS))
    {
      int mark = p->pos;
      HsTokenKind next;

      _hs_next (p);
      item->optional_vars = _hs_parse_star_target (p);
      next = _hs_peek (p)->kind;
      if (item->optional_vars == NULL ||
          (next != HS_TOK_COMMA && next != HS_TOK_RPAR && next != HS_TOK_COLON))
        {
          /* Falls back to the bare expression; the statement then fails. */
          item->optional_vars = NULL;
          if (_hs_failed (p) && !_hs_backtrack (p, mark))
            return NULL;
          p->pos = mark;
          return item;
        }
      if (_hs_check_targets (p, item->optional_vars, HS_TARGETS_STAR) == NULL)
        return NULL;
    }
  return item;
}

/* invalid_with_stmt: 'with' ','.(expression ['as' star_target])+ NEWLINE
 *                  | 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
 * gives "expected ':'"; @start is the token after 'with'. */
static gpointer
invalid_with_stmt (HsParser *p,
                   int       start)
{
  gboolean parens;
  gboolean match = FALSE;
  int mark;

  for (int round = 0; round < 2 && !match && !_hs_failed (p); round++)
    {
      mark = _hs_begin_try (p);
      p->no_invalid++;
      p->pos = start;
      parens = round == 1 && _hs_accept (p, HS_TOK_LPAR);
      if (round == 0 || parens)
        {
          do
            {
              if (parens && _hs_check (p, HS_TOK_RPAR))
                break;
              if ((parens ? _hs_parse_star_expressions (p) : _hs_parse_expression (p)) == NULL)
                break;
              if (_hs_accept (p, HS_TOK_AS) && _hs_parse_star_target (p) == NULL)
                break;
            }
          while (_hs_accept (p, HS_TOK_COMMA));
          match = !_hs_failed (p) && (!parens || _hs_accept (p, HS_TOK_RPAR)) &&
                  _hs_check (p, HS_TOK_NEWLINE);
        }
      p->no_invalid--;
      _hs_end_try (p, mark, FALSE);
      if (match)
        {
          _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, &p->tokens[p->fill], "expected ':'");
          _hs_mark_specific (p);
          return NULL;
        }
    }
  return _hs_syntax_error (p);
}

/* with_stmt: 'with' '(' ','.with_item+ ','? ')' ':' block
 *          | 'with' ','.with_item+ ':' block */
static HsStmt *
parse_with_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  int start = p->pos;
  HsVec items = { 0 };
  HsStmtList body;
  HsStmt *s;
  gboolean parenthesized = FALSE;

  if (_hs_check (p, HS_TOK_LPAR))
    {
      /* `with (a, b):` is either two items or one tuple: try the first. */
      int mark = _hs_begin_try (p);

      _hs_next (p);
      do
        {
          HsWithItem *item;

          if (_hs_check (p, HS_TOK_RPAR) && items.len > 0)
            break;
          item = parse_with_item (p);
          if (item == NULL)
            break;
          _hs_vec_push (p, &items, item);
        }
      while (_hs_accept (p, HS_TOK_COMMA));
      parenthesized = !_hs_failed (p) && _hs_accept (p, HS_TOK_RPAR) &&
                      _hs_check (p, HS_TOK_COLON);
      _hs_end_try (p, mark, parenthesized);
      if (_hs_failed (p))
        return NULL;
      if (!parenthesized)
        items = (HsVec) { 0 };
    }

  if (!parenthesized)
    {
      do
        {
          HsWithItem *item = parse_with_item (p);

          if (item == NULL)
            return NULL;
          _hs_vec_push (p, &items, item);
        }
      while (_hs_accept (p, HS_TOK_COMMA));
    }

  if (!_hs_check (p, HS_TOK_COLON))
    return _hs_failed (p) ? NULL : invalid_with_stmt (p, start);
  _hs_next (p);
  if (!parse_block (p, &body, "'with' statement", kw))
    return NULL;

  s = stmt_new (p, HS_STMT_WITH, kw);
  s->v.with.items = (HsWithItemList) { (HsWithItem **) items.items, items.len };
  s->v.with.body = body;
  return s;
}

/* except_block: 'except' expression ['as' NAME] ':' block
 *             | 'except' ':' block | invalid_except_stmt */
static HsExceptHandler *
parse_except_block (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsExceptHandler *h = hs_arena_new0 (p->arena, HsExceptHandler);
  HsLoc start = _hs_token_loc (kw), end;

  if (_hs_check (p, HS_TOK_STAR))
    return _hs_not_implemented (p, _hs_peek (p),
                            "'except*' (exception groups) is not supported in Heapscope");

  if (!_hs_check (p, HS_TOK_COLON) && !_hs_check (p, HS_TOK_NEWLINE))
    {
      h->type = _hs_parse_expression (p);
      if (h->type == NULL)
        return NULL;
      if (_hs_check (p, HS_TOK_COMMA) && p->no_invalid == 0)
        {
          /* except A, B: */
          HsExpr *last = h->type;
          int mark = _hs_begin_try (p);
          int fill = p->fill;

          while (last != NULL && _hs_accept (p, HS_TOK_COMMA))
            last = _hs_parse_expression (p);
          if (last != NULL && _hs_accept (p, HS_TOK_AS))
            last = _hs_expect (p, HS_TOK_NAME) ? last : NULL;
          if (last != NULL && _hs_check (p, HS_TOK_COLON))
            {
              _hs_end_try (p, mark, FALSE);
              _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &h->type->loc, &last->loc,
                               "multiple exception types must be parenthesized");
              _hs_mark_specific (p);
              return NULL;
            }
          _hs_end_try (p, mark, FALSE);
          p->fill = fill;
          if (_hs_failed (p))
            return NULL;
        }
      if (_hs_accept (p, HS_TOK_AS))
        {
          HsToken *name = _hs_expect (p, HS_TOK_NAME);

          if (name == NULL)
            return NULL;
          h->name = _hs_token_name (p, name);
        }
    }
  if (!expect_colon (p, FALSE) || !parse_block (p, &h->body, "'except' statement", kw))
    return NULL;

  end = _hs_token_loc (_hs_prev (p));
  h->loc = (HsLoc) { start.line, start.col, end.end_line, end.end_col };
  return h;
}

/* try_stmt: 'try' &&':' block finally_block
 *         | 'try' &&':' block except_block+ [else_block] [finally_block]
 *         | invalid_try_stmt */
static HsStmt *
parse_try_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsStmtList body, orelse = { 0 }, finalbody = { 0 };
  HsVec handlers = { 0 };
  HsStmt *s;

  if (!expect_colon (p, TRUE) || !parse_block (p, &body, "'try' statement", kw))
    return NULL;

  while (_hs_check (p, HS_TOK_EXCEPT))
    {
      HsExceptHandler *h = parse_except_block (p);

      if (h == NULL)
        return NULL;
      _hs_vec_push (p, &handlers, h);
    }
  if (handlers.len > 0 && !parse_else_block (p, &orelse))
    return NULL;
  if (_hs_check (p, HS_TOK_FINALLY))
    {
      HsToken *fin = _hs_next (p);

      if (!expect_colon (p, TRUE) || !parse_block (p, &finalbody, "'finally' statement", fin))
        return NULL;
    }
  else if (handlers.len == 0)
    {
      if (!_hs_failed (p))
        {
          _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, _hs_peek (p),
                              "expected 'except' or 'finally' block");
          _hs_mark_specific (p);
        }
      return NULL;
    }

  s = stmt_new (p, HS_STMT_TRY, kw);
  s->v.try_.body = body;
  s->v.try_.handlers = (HsHandlerList) { (HsExceptHandler **) handlers.items, handlers.len };
  s->v.try_.orelse = orelse;
  s->v.try_.finalbody = finalbody;
  return s;
}

/* function_def_raw: 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block */
static HsStmt *
parse_function_def (HsParser   *p,
                    HsExprList  decorators)
{
  HsToken *kw = _hs_next (p);
  HsToken *name;
  HsArguments *args;
  HsExpr *returns = NULL;
  HsStmtList body;
  HsStmt *s;

  name = _hs_expect (p, HS_TOK_NAME);
  if (name == NULL)
    return NULL;
  if (!_hs_accept (p, HS_TOK_LPAR))
    {
      if (!_hs_failed (p))
        {
          _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, _hs_peek (p), "expected '('");
          _hs_mark_specific (p);
        }
      return NULL;
    }
  args = _hs_parse_parameters (p, FALSE);
  if (args == NULL || !_hs_expect (p, HS_TOK_RPAR))
    return NULL;
  if (_hs_accept (p, HS_TOK_RARROW))
    {
      returns = _hs_parse_expression (p);
      if (returns == NULL)
        return NULL;
    }
  if (!expect_colon (p, TRUE) || !parse_block (p, &body, "function definition", kw))
    return NULL;

  s = stmt_new (p, HS_STMT_FUNCTIONDEF, kw);
  s->v.functiondef.name = _hs_token_name (p, name);
  s->v.functiondef.args = args;
  s->v.functiondef.body = body;
  s->v.functiondef.decorators = decorators;
  s->v.functiondef.returns = returns;
  return s;
}

/* class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block */
static HsStmt *
parse_class_def (HsParser   *p,
                 HsExprList  decorators)
{
  HsToken *kw = _hs_next (p);
  HsToken *name;
  HsExprList bases = { 0 };
  HsKeywordList keywords = { 0 };
  HsStmtList body;
  HsStmt *s;

  name = _hs_expect (p, HS_TOK_NAME);
  if (name == NULL)
    return NULL;
  if (_hs_accept (p, HS_TOK_LPAR))
    {
      if (!_hs_check (p, HS_TOK_RPAR) &&
          !_hs_parse_call_arguments (p, &bases, &keywords))
        return NULL;
      if (!_hs_expect (p, HS_TOK_RPAR))
        return NULL;
    }
  if (!expect_colon (p, FALSE) || !parse_block (p, &body, "class definition", kw))
    return NULL;

  s = stmt_new (p, HS_STMT_CLASSDEF, kw);
  s->v.classdef.name = _hs_token_name (p, name);
  s->v.classdef.bases = bases;
  s->v.classdef.keywords = keywords;
  s->v.classdef.body = body;
  s->v.classdef.decorators = decorators;
  return s;
}

/* decorators: ('@' f=named_expression NEWLINE)+, then a def or a class */
static HsStmt *
parse_decorated (HsParser *p)
{
  HsVec decorators = { 0 };

  while (_hs_accept (p, HS_TOK_AT))
    {
      HsExpr *e = _hs_parse_named_expression (p);

      if (e == NULL || !_hs_expect (p, HS_TOK_NEWLINE))
        return NULL;
      _hs_vec_push (p, &decorators, e);
    }
  if (_hs_check (p, HS_TOK_DEF))
    return parse_function_def (p, EXPR_LIST (decorators));
  if (_hs_check (p, HS_TOK_CLASS))
    return parse_class_def (p, EXPR_LIST (decorators));
  if (_hs_check (p, HS_TOK_ASYNC))
    return _hs_not_implemented (p, _hs_peek (p),
                            "'async' functions are not supported in Heapscope");
  return _hs_syntax_error (p);
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 * Only recognised, to say it is outside the subset; `match` stays an
 * ordinary name everywhere else. FALSE after an error too. */
static gboolean
is_match_stmt (HsParser *p)
{
  int mark;
  gboolean is_match = FALSE;
  HsExpr *subject;

  if (!_hs_is_name (p, _hs_peek (p), "match"))
    return FALSE;

  mark = _hs_begin_try (p);
  p->no_invalid++;
  _hs_next (p);
  subject = _hs_parse_star_named_expression (p);
  while (subject != NULL && _hs_accept (p, HS_TOK_COMMA) && !_hs_check (p, HS_TOK_COLON))
    subject = _hs_parse_star_named_expression (p);
  is_match = subject != NULL && _hs_check (p, HS_TOK_COLON);
  p->no_invalid--;
  _hs_end_try (p, mark, FALSE);
  return is_match;
}

/* Simple statements ---------------------------------------------------- */

/* return_stmt: 'return' [star_expressions] */
static HsStmt *
parse_return_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsExpr *value = NULL;
  HsStmt *s;

  if (_hs_starts_star_expression (_hs_peek (p)->kind))
    {
      value = _hs_parse_star_expressions (p);
      if (value == NULL)
        return NULL;
    }
  s = stmt_new (p, HS_STMT_RETURN, kw);
  s->v.ret.value = value;
  return s;
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static HsStmt *
parse_raise_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsExpr *exc = NULL, *cause = NULL;
  HsStmt *s;

  if (_hs_starts_expression (_hs_peek (p)->kind))
    {
      exc = _hs_parse_expression (p);
      if (exc == NULL)
        return NULL;
      if (_hs_accept (p, HS_TOK_FROM))
        {
          cause = _hs_parse_expression (p);
          if (cause == NULL)
            return NULL;
        }
    }
  s = stmt_new (p, HS_STMT_RAISE, kw);
  s->v.raise.exc = exc;
  s->v.raise.cause = cause;
  return s;
}

/* global_stmt: 'global' ','.NAME+ ; nonlocal_stmt likewise */
static HsStmt *
parse_global_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsVec names = { 0 };
  HsStmt *s;

  do
    {
      HsToken *name = _hs_expect (p, HS_TOK_NAME);

      if (name == NULL)
        return NULL;
      _hs_vec_push (p, &names, (gpointer) _hs_token_name (p, name));
    }
  while (_hs_accept (p, HS_TOK_COMMA));

  s = stmt_new (p, kw->kind == HS_TOK_GLOBAL ? HS_STMT_GLOBAL : HS_STMT_NONLOCAL, kw);
  s->v.global.names = (HsNameList) { (const char **) names.items, names.len };
  return s;
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static HsStmt *
parse_del_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsVec targets = { 0 };
  HsStmt *s;

  do
    {
      HsExpr *e;

      if (_hs_check (p, HS_TOK_STAR))
        e = _hs_parse_star_named_expression (p);
      else
        e = _hs_parse_expression (p);
      if (e == NULL)
        return NULL;
      _hs_vec_push (p, &targets, e);
    }
  while (_hs_accept (p, HS_TOK_COMMA) && _hs_starts_star_expression (_hs_peek (p)->kind));

  for (int i = 0; i < targets.len; i++)
    if (_hs_check_targets (p, targets.items[i], HS_TARGETS_DEL) == NULL)
      return NULL;
  if (!_hs_check (p, HS_TOK_SEMI) && !_hs_check (p, HS_TOK_NEWLINE))
    return _hs_syntax_error (p);

  s = stmt_new (p, HS_STMT_DELETE, kw);
  s->v.del.targets = EXPR_LIST (targets);
  return s;
}

/* assert_stmt: 'assert' expression [',' expression] */
static HsStmt *
parse_assert_stmt (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsExpr *test, *msg = NULL;
  HsStmt *s;

  test = _hs_parse_expression (p);
  if (test == NULL)
    return NULL;
  if (_hs_accept (p, HS_TOK_COMMA))
    {
      msg = _hs_parse_expression (p);
      if (msg == NULL)
        return NULL;
    }
  s = stmt_new (p, HS_STMT_ASSERT, kw);
  s->v.assert_.test = test;
  s->v.assert_.msg = msg;
  return s;
}

/* dotted_name: dotted_name '.' NAME | NAME */
static const char *
parse_dotted_name (HsParser *p)
{
  GString *name = g_string_new (NULL);
  const char *ret;

  do
    {
      HsToken *tok = _hs_expect (p, HS_TOK_NAME);

      if (tok == NULL)
        {
          g_string_free (name, TRUE);
          return NULL;
        }
      if (name->len > 0)
        g_string_append_c (name, '.');
      g_string_append (name, _hs_token_name (p, tok));
    }
  while (_hs_accept (p, HS_TOK_DOT));

  ret = _hs_intern (p, name->str, name->len);
  g_string_free (name, TRUE);
  return ret;
}

static HsAlias *
alias_new (HsParser   *p,
           HsToken    *first,
           const char *name,
           const char *asname)
{
  HsAlias *alias = hs_arena_new0 (p->arena, HsAlias);
  HsLoc start = _hs_token_loc (first), end = _hs_token_loc (_hs_prev (p));

  alias->loc = (HsLoc) { start.line, start.col, end.end_line, end.end_col };
  alias->name = name;
  alias->asname = asname;
  return alias;
}

/* NAME ['as' NAME], or a dotted name for plain imports */
static HsAlias *
parse_alias (HsParser *p,
             gboolean  dotted)
{
  HsToken *first = _hs_peek (p);
  const char *name, *asname = NULL;

  if (dotted)
    name = parse_dotted_name (p);
  else
    {
      HsToken *tok = _hs_expect (p, HS_TOK_NAME);

      name = tok ? _hs_token_name (p, tok) : NULL;
    }
  if (name == NULL)
    return NULL;
  if (_hs_accept (p, HS_TOK_AS))
    {
      HsToken *tok = _hs_expect (p, HS_TOK_NAME);

      if (tok == NULL)
        return NULL;
      asname = _hs_token_name (p, tok);
    }
  return alias_new (p, first, name, asname);
}

/* import_name: 'import' dotted_as_names */
static HsStmt *
parse_import_name (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsVec names = { 0 };
  HsStmt *s;

  do
    {
      HsAlias *alias = parse_alias (p, TRUE);

      if (alias == NULL)
        return NULL;
      _hs_vec_push (p, &names, alias);
    }
  while (_hs_accept (p, HS_TOK_COMMA));

  s = stmt_new (p, HS_STMT_IMPORT, kw);
  s->v.import.names = (HsAliasList) { (HsAlias **) names.items, names.len };
  return s;
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets
 * import_from_targets: '(' import_from_as_names [','] ')'
 *                    | import_from_as_names !',' | '*'
 *                    | invalid_import_from_targets */
static HsStmt *
parse_import_from (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsVec names = { 0 };
  const char *module = NULL;
  int level = 0;
  HsStmt *s;

  for (;;)
    {
      if (_hs_accept (p, HS_TOK_DOT))
        level += 1;
      else if (_hs_accept (p, HS_TOK_ELLIPSIS))
        level += 3;
      else
        break;
    }
  if (level == 0 || _hs_check (p, HS_TOK_NAME))
    {
      module = parse_dotted_name (p);
      if (module == NULL)
        return NULL;
    }
  if (!_hs_expect (p, HS_TOK_IMPORT))
    return NULL;

  if (_hs_check (p, HS_TOK_STAR))
    {
      HsToken *star = _hs_next (p);

      _hs_vec_push (p, &names, alias_new (p, star, _hs_intern (p, "*", 1), NULL));
    }
  else
    {
      gboolean parens = _hs_accept (p, HS_TOK_LPAR);

      do
        {
          HsAlias *alias;

          if (parens && names.len > 0 && _hs_check (p, HS_TOK_RPAR))
            break;
          if (!parens && names.len > 0 && _hs_check (p, HS_TOK_NEWLINE))
            {
              _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, _hs_peek (p),
                                  "trailing comma not allowed without surrounding "
                                  "parentheses");
              _hs_mark_specific (p);
              return NULL;
            }
          alias = parse_alias (p, FALSE);
          if (alias == NULL)
            return NULL;
          _hs_vec_push (p, &names, alias);
        }
      while (_hs_accept (p, HS_TOK_COMMA));
      if (parens && !_hs_expect (p, HS_TOK_RPAR))
        return NULL;
    }

  s = stmt_new (p, HS_STMT_IMPORTFROM, kw);
  s->v.importfrom.module = module;
  s->v.importfrom.names = (HsAliasList) { (HsAlias **) names.items, names.len };
  s->v.importfrom.level = level;
  return s;
}

/* Assignments -------------------------------------------------------- */

static gboolean
is_augassign (HsTokenKind kind)
{
  return kind >= HS_TOK_PLUSEQUAL && kind <= HS_TOK_DOUBLESLASHEQUAL;
}

/* invalid_assignment, once one target of `t1 = t2 = ... = value` turned
 * out invalid: the alternatives in CPython's order. @chain holds the
 * targets parsed so far, @bare_yield which of them were unparenthesized
 * yield expressions. */
static gpointer
invalid_assignment (HsParser *p,
                    int       start,
                    HsVec    *chain,
                    GArray   *bare_yield)
{
  int mark;

  /* a=star_named_expression ',' star_named_expressions* ':' expression:
   * parsing those runs invalid_named_expression on each element, which is
   * where "cannot assign to X here. Maybe you meant '=='..." comes from. */
  mark = _hs_begin_try (p);
  p->pos = start;
  if (_hs_parse_star_named_expression (p) != NULL)
    while (_hs_accept (p, HS_TOK_COMMA) && _hs_starts_star_expression (_hs_peek (p)->kind))
      if (_hs_parse_star_named_expression (p) == NULL)
        break;
  if (_hs_failed (p) && p->error_is_specific)
    {
      _hs_end_try (p, mark, TRUE);
      return NULL;
    }
  _hs_end_try (p, mark, FALSE);

  /* (star_targets '=')* a=star_expressions '=' | ... a=yield_expr '=' */
  for (int i = 0; i < chain->len; i++)
    {
      HsExpr *e = chain->items[i];
      HsExpr *bad;

      if (g_array_index (bare_yield, gboolean, i))
        {
          _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &e->loc, &e->loc,
                           "assignment to yield expression not possible");
          _hs_mark_specific (p);
          return NULL;
        }
      bad = _hs_invalid_target (e, HS_TARGETS_STAR);
      if (bad != NULL)
        {
          _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &bad->loc, &bad->loc,
                           "cannot assign to %s", _hs_expr_name (bad));
          _hs_mark_specific (p);
          return NULL;
        }
    }
  return _hs_syntax_error (p);
}

static gboolean
is_target_invalid (HsExpr   *e,
                   gboolean  bare_yield)
{
  return bare_yield || _hs_invalid_target (e, HS_TARGETS_STAR) != NULL;
}

/* (star_targets '=')+ (yield_expr | star_expressions) !'=' */
static HsStmt *
parse_assignment (HsParser *p,
                  HsToken  *first,
                  int       start,
                  HsExpr   *target,
                  gboolean  target_is_yield)
{
  HsVec chain = { 0 };
  g_autoptr(GArray) bare_yield = g_array_new (FALSE, FALSE, sizeof (gboolean));
  HsExpr *value;
  HsStmt *s;

  _hs_vec_push (p, &chain, target);
  g_array_append_val (bare_yield, target_is_yield);

  while (_hs_check (p, HS_TOK_EQUAL))
    {
      HsExpr *last = chain.items[chain.len - 1];
      gboolean is_yield;

      if (is_target_invalid (last, g_array_index (bare_yield, gboolean, chain.len - 1)))
        return invalid_assignment (p, start, &chain, bare_yield);
      _hs_next (p);

      is_yield = _hs_check (p, HS_TOK_YIELD);
      value = is_yield ? _hs_parse_yield_expr (p) : _hs_parse_star_expressions (p);
      if (value == NULL)
        return NULL;
      _hs_vec_push (p, &chain, value);
      g_array_append_val (bare_yield, is_yield);
    }

  value = chain.items[--chain.len];
  for (int i = 0; i < chain.len; i++)
    _hs_set_context (chain.items[i], HS_CTX_STORE);

  s = stmt_new (p, HS_STMT_ASSIGN, first);
  s->v.assign.targets = EXPR_LIST (chain);
  s->v.assign.value = value;
  return s;
}

/* single_target augassign ~ (yield_expr | star_expressions) */
static HsStmt *
parse_augassign (HsParser *p,
                 HsToken  *first,
                 HsExpr   *target)
{
  HsToken *op = _hs_next (p);
  HsExpr *value;
  HsStmt *s;

  value = _hs_check (p, HS_TOK_YIELD) ? _hs_parse_yield_expr (p)
                                       : _hs_parse_star_expressions (p);
  if (value == NULL)
    return NULL;

  if (target->kind != HS_EXPR_NAME && target->kind != HS_EXPR_ATTRIBUTE &&
      target->kind != HS_EXPR_SUBSCRIPT)
    {
      _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &target->loc, &target->loc,
                       "'%s' is an illegal expression for augmented assignment",
                       _hs_expr_name (target));
      _hs_mark_specific (p);
      return NULL;
    }
  _hs_set_context (target, HS_CTX_STORE);

  s = stmt_new (p, HS_STMT_AUGASSIGN, first);
  s->v.augassign.target = target;
  s->v.augassign.op = (HsBinOp) (op->kind - HS_TOK_PLUSEQUAL);
  s->v.augassign.value = value;
  return s;
}

/* NAME ':' expression ['=' annotated_rhs]
 * | ('(' single_target ')' | single_subscript_attribute_target) ':' ...
 * with invalid_ann_assign_target & co for the rest */
static HsStmt *
parse_annassign (HsParser *p,
                 HsToken  *first,
                 HsExpr   *target,
                 gboolean  bare_tuple)
{
  HsExpr *annotation, *value = NULL;
  HsStmt *s;
  gboolean valid = target->kind == HS_EXPR_NAME || target->kind == HS_EXPR_ATTRIBUTE ||
                   target->kind == HS_EXPR_SUBSCRIPT;
  int fill = p->fill, colon = p->pos;

  _hs_next (p);
  annotation = _hs_parse_expression (p);
  if (annotation == NULL)
    {
      /* CPython only reads an invalid target's annotation in its second
       * pass: the plain error stays on the ':'. */
      if (valid || !_hs_backtrack (p, colon))
        return NULL;
      p->fill = fill;
      return _hs_syntax_error (p);
    }

  if (!valid)
    {
      if (bare_tuple)
        {
          HsExpr *elt = target->v.seq.elts.items[0];

          _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &elt->loc, &elt->loc,
                           "only single target (not tuple) can be annotated");
        }
      else if (target->kind == HS_EXPR_TUPLE || target->kind == HS_EXPR_LIST)
        _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &target->loc, &target->loc,
                         "only single target (not %s) can be annotated",
                         _hs_expr_name (target));
      else
        _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &target->loc, &target->loc,
                         "illegal target for annotation");
      _hs_mark_specific (p);
      return NULL;
    }

  if (_hs_accept (p, HS_TOK_EQUAL))
    {
      value = _hs_check (p, HS_TOK_YIELD) ? _hs_parse_yield_expr (p)
                                           : _hs_parse_star_expressions (p);
      if (value == NULL)
        return NULL;
    }
  _hs_set_context (target, HS_CTX_STORE);

  s = stmt_new (p, HS_STMT_ANNASSIGN, first);
  s->v.annassign.target = target;
  s->v.annassign.annotation = annotation;
  s->v.annassign.value = value;
  /* A bare name, not `(x): int` */
  s->v.annassign.simple = target->kind == HS_EXPR_NAME && first->kind == HS_TOK_NAME;
  return s;
}

/* assignment | star_expressions, told apart by what follows */
static HsStmt *
parse_expression_stmt (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  int start = p->pos;
  gboolean is_yield = first->kind == HS_TOK_YIELD;
  gboolean bare_tuple = FALSE;
  HsExpr *e;
  HsTokenKind next;
  HsStmt *s;

  e = is_yield ? _hs_parse_yield_expr (p) : _hs_parse_star_expressions_ex (p, &bare_tuple);
  if (e == NULL)
    return NULL;

  next = _hs_peek (p)->kind;
  if (next == HS_TOK_COLON)
    return parse_annassign (p, first, e, bare_tuple);
  if (is_augassign (next))
    return parse_augassign (p, first, e);
  if (next == HS_TOK_EQUAL)
    return parse_assignment (p, first, start, e, is_yield);

  s = stmt_new (p, HS_STMT_EXPR, first);
  s->v.expr.value = e;
  return s;
}

/* simple_stmt: assignment | star_expressions | return_stmt | import_stmt
 *            | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt
 *            | 'break' | 'continue' | global_stmt | nonlocal_stmt */
static HsStmt *
parse_simple_stmt (HsParser *p)
{
  HsToken *tok = _hs_peek (p);

  switch (tok->kind)
    {
    case HS_TOK_PASS:
      _hs_next (p);
      return stmt_new (p, HS_STMT_PASS, tok);
    case HS_TOK_BREAK:
      _hs_next (p);
      return stmt_new (p, HS_STMT_BREAK, tok);
    case HS_TOK_CONTINUE:
      _hs_next (p);
      return stmt_new (p, HS_STMT_CONTINUE, tok);
    case HS_TOK_RETURN:
      return parse_return_stmt (p);
    case HS_TOK_RAISE:
      return parse_raise_stmt (p);
    case HS_TOK_GLOBAL:
    case HS_TOK_NONLOCAL:
      return parse_global_stmt (p);
    case HS_TOK_DEL:
      return parse_del_stmt (p);
    case HS_TOK_ASSERT:
      return parse_assert_stmt (p);
    case HS_TOK_IMPORT:
      return parse_import_name (p);
    case HS_TOK_FROM:
      return parse_import_from (p);
    default:
      if (tok->kind == HS_TOK_YIELD || _hs_starts_star_expression (tok->kind))
        return parse_expression_stmt (p);
      return _hs_syntax_error (p);
    }
}

/* simple_stmts: ';'.simple_stmt+ [';'] NEWLINE */
static gboolean
parse_simple_stmts (HsParser *p,
                    HsVec    *out)
{
  do
    {
      HsStmt *s = parse_simple_stmt (p);

      if (s == NULL)
        return FALSE;
      _hs_vec_push (p, out, s);
    }
  while (_hs_accept (p, HS_TOK_SEMI) && !_hs_check (p, HS_TOK_NEWLINE));

  return _hs_expect (p, HS_TOK_NEWLINE) != NULL;
}

/* statement: compound_stmt | simple_stmts */
gboolean
_hs_parse_statement (HsParser *p,
                     HsVec    *out)
{
  HsStmt *s = NULL;
  HsToken *tok = _hs_peek (p);

  switch (tok->kind)
    {
    case HS_TOK_IF:
      s = parse_if_stmt (p);
      break;
    case HS_TOK_WHILE:
      s = parse_while_stmt (p);
      break;
    case HS_TOK_FOR:
      s = parse_for_stmt (p);
      break;
    case HS_TOK_TRY:
      s = parse_try_stmt (p);
      break;
    case HS_TOK_WITH:
      s = parse_with_stmt (p);
      break;
    case HS_TOK_DEF:
      s = parse_function_def (p, (HsExprList) { 0 });
      break;
    case HS_TOK_CLASS:
      s = parse_class_def (p, (HsExprList) { 0 });
      break;
    case HS_TOK_AT:
      s = parse_decorated (p);
      break;
    case HS_TOK_ASYNC:
      return _hs_not_implemented (p, tok, "'async' is not supported in Heapscope") != NULL;
    default:
      if (is_match_stmt (p))
        return _hs_not_implemented (p, tok, "the 'match' statement is not supported in Heapscope")
               != NULL;
      if (_hs_failed (p))
        return FALSE;
      return parse_simple_stmts (p, out);
    }

  if (s == NULL)
    return FALSE;
  _hs_vec_push (p, out, s);
  return TRUE;
}

