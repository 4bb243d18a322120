/* hs-parser-expr.c — expressions: atoms, primaries, operators, comprehensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rule names and the comments quoting them come from CPython 3.11's
 * Grammar/python.gram. A node spans from the first token of its rule to
 * the last token the rule consumed (CPython's EXTRA), so `(a) + b` starts
 * at the parenthesis while the Name inside does not.
 */

#include "config.h"

#include <string.h>

#include "hs-parser-private.h"
#include "hs-recursion.h"

#define EXPR_LIST(vec) ((HsExprList) { (HsExpr **) (vec).items, (vec).len })

static HsExpr *parse_star_named_expressions_tail (HsParser *p,
                                                  HsToken  *first,
                                                  HsExpr   *elt,
                                                  HsExprKind kind,
                                                  HsTokenKind close);
static HsExpr *parse_expression_ex (HsParser *p,
                                    gboolean  check_invalid);
static HsExpr *parse_primary (HsParser *p);
static HsExpr *parse_factor (HsParser *p);

/* A node from @first to the last consumed token. */
HsExpr *
_hs_expr_from (HsParser   *p,
           HsExprKind  kind,
           HsToken    *first)
{
  HsLoc start = _hs_token_loc (first);
  HsLoc end = _hs_token_loc (_hs_prev (p));

  return _hs_expr_new (p, kind, &start, &end);
}

gpointer
_hs_specific_error (HsParser    *p,
                      const HsLoc *start,
                      const HsLoc *end,
                      const char  *message)
{
  _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, start, end, "%s", message);
  _hs_mark_specific (p);
  return NULL;
}

gboolean
_hs_invalid_rules_active (HsParser *p)
{
  return p->no_invalid == 0 && !_hs_failed (p);
}

gboolean
_hs_starts_expression (HsTokenKind kind)
{
  switch (kind)
    {
    case HS_TOK_NAME:
    case HS_TOK_NUMBER:
    case HS_TOK_STRING:
    case HS_TOK_LPAR:
    case HS_TOK_LSQB:
    case HS_TOK_LBRACE:
    case HS_TOK_MINUS:
    case HS_TOK_PLUS:
    case HS_TOK_TILDE:
    case HS_TOK_NOT:
    case HS_TOK_LAMBDA:
    case HS_TOK_AWAIT:
    case HS_TOK_NONE:
    case HS_TOK_TRUE:
    case HS_TOK_FALSE:
    case HS_TOK_ELLIPSIS:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_hs_starts_star_expression (HsTokenKind kind)
{
  return kind == HS_TOK_STAR || _hs_starts_expression (kind);
}

/* SOFT_KEYWORD as CPython 3.11 matches it: _PyPegen_soft_keyword_token()
 * compares only the token's length, so any prefix of "_", "case" or
 * "match" counts ("c", "ma", ...). */
static gboolean
is_soft_keyword (HsParser *p,
                 HsToken  *tok)
{
  static const char *const keywords[] = { "_", "case", "match" };
  const char *text;
  gsize len;

  if (tok->kind != HS_TOK_NAME)
    return FALSE;
  len = _hs_token_text (p, tok, &text);
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (len <= strlen (keywords[i]) && memcmp (keywords[i], text, len) == 0)
      return TRUE;
  return FALSE;
}

/* Atoms --------------------------------------------------------------- */

static HsExpr *
constant_new (HsParser    *p,
              HsToken     *tok,
              HsConstKind  kind)
{
  HsLoc loc = _hs_token_loc (tok);
  HsExpr *e = _hs_expr_new (p, HS_EXPR_CONSTANT, &loc, &loc);

  e->v.constant.kind = kind;
  return e;
}

static HsExpr *
parse_number (HsParser *p)
{
  HsToken *tok = _hs_next (p);
  const char *text;
  gsize len = _hs_token_text (p, tok, &text);
  g_autofree char *digits = g_malloc (len + 1);
  gsize n = 0;
  HsExpr *e;

  for (gsize i = 0; i < len; i++)
    if (text[i] != '_')
      digits[n++] = text[i];
  digits[n] = '\0';

  if (n > 0 && (digits[n - 1] == 'j' || digits[n - 1] == 'J'))
    {
      _hs_error_at_token (p, HS_DIAG_NOT_IMPLEMENTED, tok,
                          "complex numbers are not supported in Heapscope");
      _hs_mark_specific (p);
      return NULL;
    }

  if (n > 1 && digits[0] == '0' && strchr ("xXoObB", digits[1]) != NULL)
    {
      e = constant_new (p, tok, HS_CONST_INT);
      e->v.constant.text = hs_arena_strndup (p->arena, digits, n);
    }
  else if (strpbrk (digits, ".eE") != NULL)
    {
      e = constant_new (p, tok, HS_CONST_FLOAT);
      e->v.constant.f = g_ascii_strtod (digits, NULL);
    }
  else
    {
      e = constant_new (p, tok, HS_CONST_INT);
      e->v.constant.text = hs_arena_strndup (p->arena, digits, n);
    }
  return e;
}

/* The "did you forget parentheses around the comprehension target?" and
 * "iterable unpacking cannot be used in comprehension" checks, when a
 * display's elements run into 'for'. */
static gpointer
invalid_comprehension (HsParser *p,
                       HsVec    *elts,
                       gboolean  trailing_comma,
                       HsToken  *comma)
{
  HsExpr *first = elts->items[0];

  if (!_hs_invalid_rules_active (p))
    return _hs_syntax_error (p);
  if (elts->len == 1 && !trailing_comma && first->kind == HS_EXPR_STARRED)
    return _hs_specific_error (p, &first->loc, &first->loc,
                                 "iterable unpacking cannot be used in comprehension");
  if (elts->len > 1)
    {
      HsExpr *last = elts->items[elts->len - 1];

      return _hs_specific_error (p, &first->loc, &last->loc,
                                   "did you forget parentheses around the comprehension "
                                   "target?");
    }
  if (trailing_comma)
    {
      HsLoc loc = _hs_token_loc (comma);

      return _hs_specific_error (p, &first->loc, &loc,
                                   "did you forget parentheses around the comprehension "
                                   "target?");
    }
  return _hs_syntax_error (p);
}

static HsExpr *
comprehension_new (HsParser   *p,
                   HsExprKind  kind,
                   HsToken    *first,
                   HsExpr     *elt)
{
  HsComprehensionList gens;
  HsExpr *e;
  HsTokenKind close = kind == HS_EXPR_LISTCOMP ? HS_TOK_RSQB
                      : kind == HS_EXPR_GENEXP ? HS_TOK_RPAR : HS_TOK_RBRACE;

  if (!_hs_parse_for_if_clauses (p, &gens) || !_hs_expect (p, close))
    return NULL;
  e = _hs_expr_from (p, kind, first);
  e->v.comp.elt = elt;
  e->v.comp.generators = gens;
  return e;
}

/* tuple | group | genexp */
static HsExpr *
parse_paren_atom (HsParser *p)
{
  HsToken *lpar = _hs_next (p);
  HsExpr *e;

  if (_hs_accept (p, HS_TOK_RPAR))
    {
      e = _hs_expr_from (p, HS_EXPR_TUPLE, lpar);
      return e;
    }

  if (_hs_check (p, HS_TOK_YIELD))
    {
      /* group: '(' yield_expr ')' */
      e = _hs_parse_yield_expr (p);
      if (e == NULL || !_hs_expect (p, HS_TOK_RPAR))
        return NULL;
      return e;
    }

  if (_hs_check (p, HS_TOK_DOUBLESTAR))
    {
      /* invalid_group: '(' a='**' expression ')' */
      HsToken *op = _hs_next (p);
      HsLoc loc = _hs_token_loc (op);

      if (_hs_parse_expression (p) != NULL && _hs_check (p, HS_TOK_RPAR) &&
          _hs_invalid_rules_active (p))
        return _hs_specific_error (p, &loc, &loc,
                                     "cannot use double starred expression here");
      return _hs_syntax_error (p);
    }

  e = _hs_parse_star_named_expression (p);
  if (e == NULL)
    return NULL;

  if (_hs_check (p, HS_TOK_FOR))
    {
      if (e->kind == HS_EXPR_STARRED)
        {
          HsVec one = { 0 };

          _hs_vec_push (p, &one, e);
          return invalid_comprehension (p, &one, FALSE, NULL);
        }
      return comprehension_new (p, HS_EXPR_GENEXP, lpar, e);
    }
  if (_hs_check (p, HS_TOK_COMMA))
    return parse_star_named_expressions_tail (p, lpar, e, HS_EXPR_TUPLE, HS_TOK_RPAR);

  if (!_hs_expect (p, HS_TOK_RPAR))
    return NULL;
  if (e->kind == HS_EXPR_STARRED)
    {
      /* invalid_group: '(' a=starred_expression ')' */
      if (!_hs_invalid_rules_active (p))
        return _hs_syntax_error (p);
      return _hs_specific_error (p, &e->loc, &e->loc, "cannot use starred expression here");
    }
  return e;
}

/* The rest of a list, tuple or set display after its first element:
 * (',' star_named_expression)* [','] close, or a comprehension target
 * that forgot its parentheses. */
static HsExpr *
parse_star_named_expressions_tail (HsParser    *p,
                                   HsToken     *first,
                                   HsExpr      *elt,
                                   HsExprKind   kind,
                                   HsTokenKind  close)
{
  HsVec elts = { 0 };
  gboolean trailing_comma = FALSE;
  HsToken *comma = NULL;
  HsExpr *e;

  _hs_vec_push (p, &elts, elt);
  while (_hs_check (p, HS_TOK_COMMA))
    {
      comma = _hs_next (p);
      trailing_comma = TRUE;
      if (!_hs_starts_star_expression (_hs_peek (p)->kind))
        break;
      elt = _hs_parse_star_named_expression (p);
      if (elt == NULL)
        return NULL;
      _hs_vec_push (p, &elts, elt);
      trailing_comma = FALSE;
    }

  if (_hs_check (p, HS_TOK_FOR) && kind != HS_EXPR_TUPLE)
    return invalid_comprehension (p, &elts, trailing_comma, comma);
  if (!_hs_expect (p, close))
    return NULL;

  e = _hs_expr_from (p, kind, first);
  e->v.seq.elts = EXPR_LIST (elts);
  return e;
}

/* list | listcomp */
static HsExpr *
parse_list_atom (HsParser *p)
{
  HsToken *lsqb = _hs_next (p);
  HsExpr *e;

  if (_hs_accept (p, HS_TOK_RSQB))
    return _hs_expr_from (p, HS_EXPR_LIST, lsqb);

  e = _hs_parse_star_named_expression (p);
  if (e == NULL)
    return NULL;
  if (_hs_check (p, HS_TOK_FOR))
    {
      if (e->kind == HS_EXPR_STARRED)
        {
          HsVec one = { 0 };

          _hs_vec_push (p, &one, e);
          return invalid_comprehension (p, &one, FALSE, NULL);
        }
      return comprehension_new (p, HS_EXPR_LISTCOMP, lsqb, e);
    }
  return parse_star_named_expressions_tail (p, lsqb, e, HS_EXPR_LIST, HS_TOK_RSQB);
}

/* The value after `key:` in a dict display, with invalid_kvpair's checks. */
static HsExpr *
parse_dict_value (HsParser *p,
                  HsToken  *colon)
{
  HsTokenKind next = _hs_peek (p)->kind;

  if (next == HS_TOK_STAR && _hs_invalid_rules_active (p))
    {
      /* expression ':' a='*' bitwise_or */
      HsToken *star = _hs_next (p);
      HsExpr *value = _hs_parse_bitwise_or (p);
      HsLoc start = _hs_token_loc (star);

      if (value == NULL)
        return NULL;
      return _hs_specific_error (p, &start, &value->loc,
                                   "cannot use a starred expression in a dictionary value");
    }
  if ((next == HS_TOK_RBRACE || next == HS_TOK_COMMA) && _hs_invalid_rules_active (p))
    {
      HsLoc loc = _hs_token_loc (colon);

      return _hs_specific_error (p, &loc, &loc,
                                   "expression expected after dictionary key and ':'");
    }
  return _hs_parse_expression (p);
}

/* dict | set | dictcomp | setcomp */
static HsExpr *
parse_brace_atom (HsParser *p)
{
  HsToken *lbrace = _hs_next (p);
  HsVec keys = { 0 }, values = { 0 };
  HsExpr *first, *value, *e;

  if (_hs_accept (p, HS_TOK_RBRACE))
    return _hs_expr_from (p, HS_EXPR_DICT, lbrace);

  if (_hs_check (p, HS_TOK_DOUBLESTAR))
    {
      HsToken *op = _hs_next (p);

      value = _hs_parse_bitwise_or (p);
      if (value == NULL)
        return NULL;
      if (_hs_check (p, HS_TOK_FOR))
        {
          /* invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}' */
          HsLoc loc = _hs_token_loc (op);

          if (!_hs_invalid_rules_active (p))
            return _hs_syntax_error (p);
          return _hs_specific_error (p, &loc, &loc,
                                       "dict unpacking cannot be used in dict comprehension");
        }
      _hs_vec_push (p, &keys, NULL);
      _hs_vec_push (p, &values, value);
    }
  else
    {
      HsToken *colon;

      first = _hs_parse_star_named_expression (p);
      if (first == NULL)
        return NULL;
      if (first->kind == HS_EXPR_STARRED && _hs_check (p, HS_TOK_COLON))
        return _hs_syntax_error (p);  /* a set's *x cannot be a key */
      if (!_hs_check (p, HS_TOK_COLON))
        {
          /* set | setcomp */
          if (_hs_check (p, HS_TOK_FOR))
            {
              if (first->kind == HS_EXPR_STARRED)
                {
                  HsVec one = { 0 };

                  _hs_vec_push (p, &one, first);
                  return invalid_comprehension (p, &one, FALSE, NULL);
                }
              return comprehension_new (p, HS_EXPR_SETCOMP, lbrace, first);
            }
          return parse_star_named_expressions_tail (p, lbrace, first, HS_EXPR_SET,
                                                    HS_TOK_RBRACE);
        }
      colon = _hs_next (p);
      value = parse_dict_value (p, colon);
      if (value == NULL)
        return NULL;
      if (_hs_check (p, HS_TOK_FOR))
        {
          HsComprehensionList gens;

          if (!_hs_parse_for_if_clauses (p, &gens) || !_hs_expect (p, HS_TOK_RBRACE))
            return NULL;
          e = _hs_expr_from (p, HS_EXPR_DICTCOMP, lbrace);
          e->v.comp.key = first;
          e->v.comp.value = value;
          e->v.comp.generators = gens;
          return e;
        }
      _hs_vec_push (p, &keys, first);
      _hs_vec_push (p, &values, value);
    }

  /* ','.double_starred_kvpair+ [','] '}' */
  while (_hs_accept (p, HS_TOK_COMMA) && !_hs_check (p, HS_TOK_RBRACE))
    {
      HsExpr *key = NULL;

      if (_hs_accept (p, HS_TOK_DOUBLESTAR))
        value = _hs_parse_bitwise_or (p);
      else
        {
          HsToken *colon;

          /* CPython reports a key without its ':' before it would see a
           * missing comma inside the key. */
          key = parse_expression_ex (p, FALSE);
          if (key == NULL)
            return NULL;
          if (!_hs_check (p, HS_TOK_COLON))
            {
              if (!_hs_invalid_rules_active (p))
                return _hs_syntax_error (p);
              _hs_error_at (p, HS_DIAG_SYNTAX_ERROR, key->loc.end_line, key->loc.end_col,
                            key->loc.end_line, key->loc.end_col,
                            "':' expected after dictionary key");
              _hs_mark_specific (p);
              return NULL;
            }
          colon = _hs_next (p);
          value = parse_dict_value (p, colon);
        }
      if (value == NULL)
        return NULL;
      _hs_vec_push (p, &keys, key);
      _hs_vec_push (p, &values, value);
    }
  if (!_hs_expect (p, HS_TOK_RBRACE))
    return NULL;

  e = _hs_expr_from (p, HS_EXPR_DICT, lbrace);
  e->v.dict.keys = EXPR_LIST (keys);
  e->v.dict.values = EXPR_LIST (values);
  return e;
}

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
 *     | (tuple | group | genexp) | (list | listcomp)
 *     | (dict | set | dictcomp | setcomp) | '...' */
static HsExpr *
parse_atom (HsParser *p)
{
  HsToken *tok = _hs_peek (p);

  switch (tok->kind)
    {
    case HS_TOK_NAME:
      _hs_next (p);
      return _hs_name_expr (p, tok, HS_CTX_LOAD);
    case HS_TOK_TRUE:
      _hs_next (p);
      return constant_new (p, tok, HS_CONST_TRUE);
    case HS_TOK_FALSE:
      _hs_next (p);
      return constant_new (p, tok, HS_CONST_FALSE);
    case HS_TOK_NONE:
      _hs_next (p);
      return constant_new (p, tok, HS_CONST_NONE);
    case HS_TOK_ELLIPSIS:
      _hs_next (p);
      return constant_new (p, tok, HS_CONST_ELLIPSIS);
    case HS_TOK_NUMBER:
      return parse_number (p);
    case HS_TOK_STRING:
      return _hs_parse_strings (p);
    case HS_TOK_LPAR:
    case HS_TOK_LSQB:
    case HS_TOK_LBRACE:
      {
        HsExpr *e = NULL;

        if (_hs_enter_tree (p))
          e = tok->kind == HS_TOK_LPAR ? parse_paren_atom (p)
              : tok->kind == HS_TOK_LSQB ? parse_list_atom (p) : parse_brace_atom (p);
        _hs_leave_tree (p, 1);
        return e;
      }
    default:
      return _hs_syntax_error (p);
    }
}

/* Comprehensions -------------------------------------------------------- */

/* invalid_for_target: ASYNC? 'for' a=star_expressions, when the targets
 * after 'for' (at token @start) are not followed by 'in'. */
gpointer
_hs_invalid_for_target (HsParser *p,
                        int       start)
{
  int mark, fill = p->fill;
  HsExpr *a, *bad;

  if (!_hs_invalid_rules_active (p))
    return _hs_syntax_error (p);
  mark = _hs_begin_try (p);
  p->pos = start;
  a = _hs_parse_star_expressions (p);
  _hs_end_try (p, mark, FALSE);
  p->fill = fill;
  if (_hs_failed (p))
    return NULL;
  bad = a ? _hs_invalid_target (a, HS_TARGETS_FOR) : NULL;
  if (bad == NULL)
    return _hs_syntax_error (p);
  _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &bad->loc, &bad->loc, "cannot assign to %s",
                   _hs_expr_name (bad));
  _hs_mark_specific (p);
  return NULL;
}

/* for_if_clauses: for_if_clause+
 * for_if_clause: 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *              | invalid_for_target */
gboolean
_hs_parse_for_if_clauses (HsParser            *p,
                          HsComprehensionList *out)
{
  HsVec gens = { 0 };

  while (_hs_check (p, HS_TOK_FOR) || _hs_check (p, HS_TOK_ASYNC))
    {
      HsComprehension *c = hs_arena_new0 (p->arena, HsComprehension);
      HsVec ifs = { 0 };
      int start;

      if (_hs_check (p, HS_TOK_ASYNC))
        {
          _hs_error_at_token (p, HS_DIAG_NOT_IMPLEMENTED, _hs_peek (p),
                              "'async' is not supported in Heapscope");
          _hs_mark_specific (p);
          return FALSE;
        }
      _hs_next (p);
      start = p->pos;
      c->target = _hs_parse_star_targets (p);
      if (c->target == NULL)
        return FALSE;
      if (!_hs_check (p, HS_TOK_IN))
        return _hs_invalid_for_target (p, start) != NULL;
      if (_hs_check_targets (p, c->target, HS_TARGETS_FOR) == NULL)
        return FALSE;
      _hs_next (p);
      c->iter = _hs_parse_disjunction (p);
      if (c->iter == NULL)
        return FALSE;
      while (_hs_accept (p, HS_TOK_IF))
        {
          HsExpr *cond = _hs_parse_disjunction (p);

          if (cond == NULL)
            return FALSE;
          _hs_vec_push (p, &ifs, cond);
        }
      c->ifs = EXPR_LIST (ifs);
      _hs_vec_push (p, &gens, c);
    }
  *out = (HsComprehensionList) { (HsComprehension **) gens.items, gens.len };
  return TRUE;
}

/* Primaries ------------------------------------------------------------ */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static HsExpr *
parse_slice (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *lower = NULL, *upper = NULL, *step = NULL, *e;
  HsTokenKind kind;

  if (first->kind != HS_TOK_COLON)
    {
      lower = _hs_parse_named_expression (p);
      if (lower == NULL || !_hs_check (p, HS_TOK_COLON))
        return lower;
      if (lower->kind == HS_EXPR_NAMEDEXPR)
        return _hs_syntax_error (p);
    }
  _hs_next (p);  /* ':' */
  kind = _hs_peek (p)->kind;
  if (_hs_starts_expression (kind))
    {
      upper = _hs_parse_expression (p);
      if (upper == NULL)
        return NULL;
    }
  if (_hs_accept (p, HS_TOK_COLON) && _hs_starts_expression (_hs_peek (p)->kind))
    {
      step = _hs_parse_expression (p);
      if (step == NULL)
        return NULL;
    }
  e = _hs_expr_from (p, HS_EXPR_SLICE, first);
  e->v.slice.lower = lower;
  e->v.slice.upper = upper;
  e->v.slice.step = step;
  return e;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static HsExpr *
parse_slices (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsVec elts = { 0 };
  HsExpr *e;

  for (;;)
    {
      HsToken *tok = _hs_peek (p);

      if (tok->kind == HS_TOK_STAR)
        {
          HsExpr *value;

          _hs_next (p);
          value = _hs_parse_expression (p);
          if (value == NULL)
            return NULL;
          e = _hs_expr_from (p, HS_EXPR_STARRED, tok);
          e->v.starred.value = value;
        }
      else
        e = parse_slice (p);
      if (e == NULL)
        return NULL;
      if (elts.len == 0 && !_hs_check (p, HS_TOK_COMMA) && e->kind != HS_EXPR_STARRED)
        return e;
      _hs_vec_push (p, &elts, e);
      if (!_hs_accept (p, HS_TOK_COMMA))
        break;
      tok = _hs_peek (p);
      if (tok->kind != HS_TOK_COLON && !_hs_starts_star_expression (tok->kind))
        break;
    }
  e = _hs_expr_from (p, HS_EXPR_TUPLE, first);
  e->v.seq.elts = EXPR_LIST (elts);
  return e;
}

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom */
static HsExpr *
parse_primary_chain (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *e = parse_atom (p);

  while (e != NULL)
    {
      HsToken *tok = _hs_peek (p);
      int mark = p->pos;
      HsExpr *next;

      if ((tok->kind == HS_TOK_DOT || tok->kind == HS_TOK_LPAR || tok->kind == HS_TOK_LSQB) &&
          !_hs_enter_tree (p))
        return NULL;

      if (tok->kind == HS_TOK_DOT)
        {
          HsToken *name;

          _hs_next (p);
          name = _hs_expect (p, HS_TOK_NAME);
          if (name == NULL)
            return _hs_backtrack (p, mark) ? e : NULL;
          next = _hs_expr_from (p, HS_EXPR_ATTRIBUTE, first);
          next->v.attribute.value = e;
          next->v.attribute.attr = _hs_token_name (p, name);
        }
      else if (tok->kind == HS_TOK_LPAR)
        {
          HsExprList args = { 0 };
          HsKeywordList keywords = { 0 };

          _hs_next (p);
          if (!_hs_parse_arguments (p, tok, &args, &keywords) || !_hs_expect (p, HS_TOK_RPAR))
            return _hs_backtrack (p, mark) ? e : NULL;
          next = _hs_expr_from (p, HS_EXPR_CALL, first);
          next->v.call.func = e;
          next->v.call.args = args;
          next->v.call.keywords = keywords;
        }
      else if (tok->kind == HS_TOK_LSQB)
        {
          HsExpr *slice;

          _hs_next (p);
          slice = parse_slices (p);
          if (slice == NULL || !_hs_expect (p, HS_TOK_RSQB))
            return _hs_backtrack (p, mark) ? e : NULL;
          next = _hs_expr_from (p, HS_EXPR_SUBSCRIPT, first);
          next->v.subscript.value = e;
          next->v.subscript.slice = slice;
        }
      else
        break;
      e = next;
    }
  return e;
}

/* Each trailer nests the tree one level deeper. */
static HsExpr *
parse_primary (HsParser *p)
{
  int tree_depth = p->tree_depth;
  HsExpr *e = parse_primary_chain (p);

  p->tree_depth = tree_depth;
  return e;
}

/* power: await_primary '**' factor | await_primary */
static HsExpr *
parse_power (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *left, *right, *e;
  int mark;

  if (first->kind == HS_TOK_AWAIT)
    {
      _hs_error_at_token (p, HS_DIAG_NOT_IMPLEMENTED, first,
                          "'await' is not supported in Heapscope");
      _hs_mark_specific (p);
      return NULL;
    }
  left = parse_primary (p);
  mark = p->pos;
  if (left == NULL || !_hs_accept (p, HS_TOK_DOUBLESTAR))
    return left;
  if (!_hs_enter (p))
    return NULL;
  right = parse_factor (p);
  _hs_leave (p);
  if (right == NULL)
    return _hs_backtrack (p, mark) ? left : NULL;
  e = _hs_expr_from (p, HS_EXPR_BINOP, first);
  e->v.binop.left = left;
  e->v.binop.op = HS_OP_POW;
  e->v.binop.right = right;
  return e;
}

/* factor: '+' factor | '-' factor | '~' factor | power */
static HsExpr *
parse_factor (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsUnaryOp op;
  HsExpr *operand, *e;

  switch (first->kind)
    {
    case HS_TOK_PLUS:  op = HS_UOP_UADD; break;
    case HS_TOK_MINUS: op = HS_UOP_USUB; break;
    case HS_TOK_TILDE: op = HS_UOP_INVERT; break;
    default:
      return parse_power (p);
    }
  _hs_next (p);
  if (!_hs_enter (p))
    return NULL;
  operand = parse_factor (p);
  _hs_leave (p);
  if (operand == NULL)
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_UNARYOP, first);
  e->v.unaryop.op = op;
  e->v.unaryop.operand = operand;
  return e;
}

/* The binary operators from bitwise_or down to term, left-associative,
 * by precedence climbing; returns 0 for other tokens. */
static int
binop_precedence (HsTokenKind  kind,
                  HsBinOp     *op)
{
  switch (kind)
    {
    case HS_TOK_VBAR:        *op = HS_OP_BITOR;    return 1;
    case HS_TOK_CIRCUMFLEX:  *op = HS_OP_BITXOR;   return 2;
    case HS_TOK_AMPER:       *op = HS_OP_BITAND;   return 3;
    case HS_TOK_LEFTSHIFT:   *op = HS_OP_LSHIFT;   return 4;
    case HS_TOK_RIGHTSHIFT:  *op = HS_OP_RSHIFT;   return 4;
    case HS_TOK_PLUS:        *op = HS_OP_ADD;      return 5;
    case HS_TOK_MINUS:       *op = HS_OP_SUB;      return 5;
    case HS_TOK_STAR:        *op = HS_OP_MULT;     return 6;
    case HS_TOK_SLASH:       *op = HS_OP_DIV;      return 6;
    case HS_TOK_DOUBLESLASH: *op = HS_OP_FLOORDIV; return 6;
    case HS_TOK_PERCENT:     *op = HS_OP_MOD;      return 6;
    case HS_TOK_AT:          *op = HS_OP_MATMULT;  return 6;
    default:                                       return 0;
    }
}

static HsExpr *
parse_binary (HsParser *p,
              int       min_prec)
{
  HsToken *first = _hs_peek (p);
  HsExpr *left = parse_factor (p);
  int levels = 0;

  while (left != NULL)
    {
      HsBinOp op;
      int prec = binop_precedence (_hs_peek (p)->kind, &op);
      HsExpr *right, *e;

      int mark = p->pos;

      if (prec == 0 || prec < min_prec)
        break;
      levels++;
      if (!_hs_enter_tree (p))
        {
          left = NULL;
          break;
        }
      _hs_next (p);
      right = parse_binary (p, prec + 1);
      if (right == NULL)
        {
          if (_hs_backtrack (p, mark))
            break;
          left = NULL;
          break;
        }
      e = _hs_expr_from (p, HS_EXPR_BINOP, first);
      e->v.binop.left = left;
      e->v.binop.op = op;
      e->v.binop.right = right;
      left = e;
    }
  _hs_leave_tree (p, levels);
  return left;
}

HsExpr *
_hs_parse_bitwise_or (HsParser *p)
{
  return parse_binary (p, 1);
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static HsExpr *
parse_comparison (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *left = _hs_parse_bitwise_or (p);
  GArray *ops;
  HsVec comparators = { 0 };
  HsExpr *e;

  if (left == NULL)
    return NULL;

  ops = g_array_new (FALSE, FALSE, sizeof (HsCmpOp));
  for (;;)
    {
      HsTokenKind kind = _hs_peek (p)->kind;
      HsCmpOp op;
      HsExpr *right;
      int mark;

      switch (kind)
        {
        case HS_TOK_EQEQUAL:      op = HS_CMP_EQ; break;
        case HS_TOK_NOTEQUAL:     op = HS_CMP_NOTEQ; break;
        case HS_TOK_LESS:         op = HS_CMP_LT; break;
        case HS_TOK_LESSEQUAL:    op = HS_CMP_LTE; break;
        case HS_TOK_GREATER:      op = HS_CMP_GT; break;
        case HS_TOK_GREATEREQUAL: op = HS_CMP_GTE; break;
        case HS_TOK_IN:           op = HS_CMP_IN; break;
        case HS_TOK_IS:
          op = _hs_peek_at (p, 1)->kind == HS_TOK_NOT ? HS_CMP_ISNOT : HS_CMP_IS;
          break;
        case HS_TOK_NOT:
          if (_hs_peek_at (p, 1)->kind != HS_TOK_IN)
            {
              /* CPython looked at the token after 'not' */
              p->fill = MAX (p->fill, p->pos + 1);
              goto done;
            }
          op = HS_CMP_NOTIN;
          break;
        default:
          goto done;
        }
      mark = p->pos;
      _hs_next (p);
      if (op == HS_CMP_ISNOT || op == HS_CMP_NOTIN)
        _hs_next (p);
      right = _hs_parse_bitwise_or (p);
      if (right == NULL)
        {
          if (_hs_backtrack (p, mark))
            break;
          g_array_free (ops, TRUE);
          return NULL;
        }
      g_array_append_val (ops, op);
      _hs_vec_push (p, &comparators, right);
    }

done:
  if (ops->len == 0)
    {
      g_array_free (ops, TRUE);
      return left;
    }
  e = _hs_expr_from (p, HS_EXPR_COMPARE, first);
  e->v.compare.left = left;
  e->v.compare.n = ops->len;
  e->v.compare.ops = hs_arena_alloc (p->arena, sizeof (HsCmpOp) * ops->len);
  memcpy (e->v.compare.ops, ops->data, sizeof (HsCmpOp) * ops->len);
  e->v.compare.comparators = (HsExpr **) comparators.items;
  g_array_free (ops, TRUE);
  return e;
}

/* inversion: 'not' inversion | comparison */
static HsExpr *
parse_inversion (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *operand, *e;

  if (first->kind != HS_TOK_NOT)
    return parse_comparison (p);
  _hs_next (p);
  if (!_hs_enter (p))
    return NULL;
  operand = parse_inversion (p);
  _hs_leave (p);
  if (operand == NULL)
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_UNARYOP, first);
  e->v.unaryop.op = HS_UOP_NOT;
  e->v.unaryop.operand = operand;
  return e;
}

/* conjunction: inversion ('and' inversion)+ | inversion
 * disjunction: conjunction ('or' conjunction)+ | conjunction */
static HsExpr *
parse_boolop (HsParser *p,
              HsBoolOp  op)
{
  HsToken *first = _hs_peek (p);
  HsTokenKind tok = op == HS_BOOL_OR ? HS_TOK_OR : HS_TOK_AND;
  HsVec values = { 0 };
  HsExpr *e;

  e = op == HS_BOOL_OR ? parse_boolop (p, HS_BOOL_AND) : parse_inversion (p);
  if (e == NULL || !_hs_check (p, tok))
    return e;
  _hs_vec_push (p, &values, e);
  while (_hs_check (p, tok))
    {
      int mark = p->pos;

      _hs_next (p);
      e = op == HS_BOOL_OR ? parse_boolop (p, HS_BOOL_AND) : parse_inversion (p);
      if (e == NULL)
        {
          if (_hs_backtrack (p, mark))
            break;
          return NULL;
        }
      _hs_vec_push (p, &values, e);
    }
  if (values.len == 1)
    return values.items[0];
  e = _hs_expr_from (p, HS_EXPR_BOOLOP, first);
  e->v.boolop.op = op;
  e->v.boolop.values = EXPR_LIST (values);
  return e;
}

HsExpr *
_hs_parse_disjunction (HsParser *p)
{
  return parse_boolop (p, HS_BOOL_OR);
}

/* Expressions ---------------------------------------------------------- */

/* lambdef: 'lambda' [lambda_params] ':' expression */
static HsExpr *
parse_lambdef (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsArguments *args;
  HsExpr *body, *e;

  args = _hs_parse_parameters (p, TRUE);
  if (args == NULL || !_hs_expect (p, HS_TOK_COLON))
    return NULL;
  if (!_hs_enter (p))
    return NULL;
  body = _hs_parse_expression (p);
  _hs_leave (p);
  if (body == NULL)
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_LAMBDA, kw);
  e->v.lambda.args = args;
  e->v.lambda.body = body;
  return e;
}

/* invalid_expression and invalid_legacy_expression: a disjunction
 * followed by something that starts another expression. */
static gpointer
invalid_expression (HsParser *p,
                    int       start,
                    HsExpr   *a)
{
  HsToken *first = &p->tokens[start];
  HsToken *name;
  gboolean legacy;
  int mark, fill = p->fill;
  HsExpr *b;
  HsLoc loc;

  if (!_hs_starts_expression (_hs_peek (p)->kind))
    return NULL;

  legacy = first->kind == HS_TOK_NAME &&
           (_hs_is_name (p, first, "print") || _hs_is_name (p, first, "exec"));

  /* !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid */
  if (!legacy && !(first->kind == HS_TOK_NAME && p->tokens[start + 1].kind == HS_TOK_STRING) &&
      !is_soft_keyword (p, first))
    {
      gboolean comma;

      mark = _hs_begin_try (p);
      p->no_invalid++;
      b = _hs_parse_expression (p);
      p->no_invalid--;
      comma = b != NULL && _hs_prev (p)->level > 0;
      _hs_end_try (p, mark, FALSE);
      p->fill = fill;
      if (_hs_failed (p))
        return NULL;
      if (comma)
        return _hs_specific_error (p, &a->loc, &b->loc,
                                   "invalid syntax. Perhaps you forgot a comma?");
    }

  /* invalid_legacy_expression: a=NAME !'(' b=star_expressions. CPython
   * tries it after any name, and parsing b runs the invalid rules, so
   * `c d not a` reports the comma missing before `not a`. The nesting is
   * capped: each level starts one token further. */
  if (first->kind != HS_TOK_NAME || p->tokens[start + 1].kind == HS_TOK_LPAR ||
      p->legacy_depth >= 8)
    return NULL;
  name = first;
  mark = _hs_begin_try (p);
  p->legacy_depth++;
  p->pos = start + 1;
  b = _hs_parse_star_expressions (p);
  p->legacy_depth--;
  _hs_end_try (p, mark, FALSE);
  p->fill = fill;
  if (b == NULL || _hs_failed (p) || !legacy)
    return NULL;
  loc = _hs_token_loc (name);
  _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &loc, &b->loc,
                   "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                   _hs_token_name (p, name), _hs_token_name (p, name));
  _hs_mark_specific (p);
  return NULL;
}

/* expression: disjunction 'if' disjunction 'else' expression
 *           | disjunction | lambdef */
static HsExpr *
parse_expression_ex (HsParser *p,
                     gboolean  check_invalid)
{
  HsToken *first = _hs_peek (p);
  int start = p->pos, mark;
  HsExpr *body, *test, *orelse, *e;

  /* Brackets nest expressions up to the tokenizer's 200 levels: a thread
   * with a small stack may run out first. */
  if (hs_stack_remaining () == 0)
    {
      _hs_error_at_token (p, HS_DIAG_LIMIT, first, "nesting too deep for the stack");
      _hs_mark_specific (p);
      return NULL;
    }
  if (first->kind == HS_TOK_LAMBDA)
    return parse_lambdef (p);

  body = _hs_parse_disjunction (p);
  if (body == NULL)
    return NULL;
  if (check_invalid && _hs_invalid_rules_active (p))
    {
      invalid_expression (p, start, body);
      if (_hs_failed (p))
        return NULL;
    }
  if (!_hs_check (p, HS_TOK_IF))
    return body;

  mark = p->pos;
  _hs_next (p);
  test = _hs_parse_disjunction (p);
  if (test == NULL)
    return _hs_backtrack (p, mark) ? body : NULL;
  if (!_hs_accept (p, HS_TOK_ELSE))
    {
      if (!_hs_check (p, HS_TOK_COLON) && _hs_invalid_rules_active (p))
        return _hs_specific_error (p, &body->loc, &test->loc,
                                     "expected 'else' after 'if' expression");
      p->pos = mark;
      return body;
    }
  if (!_hs_enter (p))
    return NULL;
  orelse = _hs_parse_expression (p);
  _hs_leave (p);
  if (orelse == NULL)
    return _hs_backtrack (p, mark) ? body : NULL;
  e = _hs_expr_from (p, HS_EXPR_IFEXP, first);
  e->v.ifexp.test = test;
  e->v.ifexp.body = body;
  e->v.ifexp.orelse = orelse;
  return e;
}

HsExpr *
_hs_parse_expression (HsParser *p)
{
  return parse_expression_ex (p, TRUE);
}

/* The lookahead !(list|tuple|genexp|'True'|'None'|'False') of
 * invalid_named_expression, at token @start. */
static gboolean
starts_with_display (HsParser *p,
                     int       start)
{
  HsToken *tok = &p->tokens[start];
  gboolean display = FALSE;
  int mark;
  HsExpr *atom;

  switch (tok->kind)
    {
    case HS_TOK_TRUE:
    case HS_TOK_NONE:
    case HS_TOK_FALSE:
      return TRUE;
    case HS_TOK_LSQB:
    case HS_TOK_LPAR:
      break;
    default:
      return FALSE;
    }

  mark = _hs_begin_try (p);
  p->pos = start;
  atom = parse_atom (p);
  if (atom != NULL)
    display = atom->kind == HS_EXPR_LIST || atom->kind == HS_EXPR_GENEXP ||
              (atom->kind == HS_EXPR_TUPLE && atom->loc.line == tok->line &&
               atom->loc.col == tok->col);
  _hs_end_try (p, mark, FALSE);
  return display || _hs_failed (p);
}

/* invalid_named_expression, when an expression is followed by '='. */
static void
invalid_named_expression (HsParser *p,
                          int       start,
                          HsExpr   *e)
{
  int mark, fill = p->fill;
  gboolean match;
  HsExpr *a = NULL, *b = NULL;

  /* a=NAME '=' b=bitwise_or !('='|':=') */
  if (e->kind == HS_EXPR_NAME && p->tokens[start].kind == HS_TOK_NAME && p->pos == start + 1)
    {
      mark = _hs_begin_try (p);
      p->no_invalid++;
      _hs_next (p);
      b = _hs_parse_bitwise_or (p);
      match = b != NULL && !_hs_check (p, HS_TOK_EQUAL) && !_hs_check (p, HS_TOK_COLONEQUAL);
      p->no_invalid--;
      _hs_end_try (p, mark, FALSE);
      p->fill = fill;
      if (_hs_failed (p))
        return;
      if (match)
        {
          _hs_specific_error (p, &e->loc, &b->loc,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          return;
        }
    }

  /* !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='='
   * bitwise_or !('='|':=') */
  if (starts_with_display (p, start) || _hs_failed (p))
    return;
  mark = _hs_begin_try (p);
  p->no_invalid++;
  p->pos = start;
  a = _hs_parse_bitwise_or (p);
  match = a != NULL && _hs_accept (p, HS_TOK_EQUAL);
  if (match)
    {
      b = _hs_parse_bitwise_or (p);
      match = b != NULL && !_hs_check (p, HS_TOK_EQUAL) && !_hs_check (p, HS_TOK_COLONEQUAL);
    }
  p->no_invalid--;
  _hs_end_try (p, mark, FALSE);
  p->fill = fill;
  if (match && !_hs_failed (p))
    {
      _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &a->loc, &a->loc,
                       "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                       _hs_expr_name (a));
      _hs_mark_specific (p);
    }
}

/* named_expression: assignment_expression | invalid_named_expression
 *                 | expression !':='
 * assignment_expression: NAME ':=' ~ expression
 * Call arguments use (assignment_expression | expression !':='), without
 * the invalid_ rule: @invalid says which. */
HsExpr *
_hs_parse_named_expression_ex (HsParser *p,
                               gboolean  invalid)
{
  HsToken *first = _hs_peek (p);
  int start = p->pos;
  HsExpr *e;

  if (first->kind == HS_TOK_NAME && _hs_peek_at (p, 1)->kind == HS_TOK_COLONEQUAL)
    {
      HsExpr *target = _hs_name_expr (p, first, HS_CTX_STORE);
      HsExpr *value;

      _hs_next (p);
      _hs_next (p);
      value = _hs_parse_expression (p);
      if (value == NULL)
        return NULL;
      e = _hs_expr_from (p, HS_EXPR_NAMEDEXPR, first);
      e->v.namedexpr.target = target;
      e->v.namedexpr.value = value;
      return e;
    }

  e = _hs_parse_expression (p);
  if (e == NULL || !invalid || !_hs_invalid_rules_active (p))
    return e;
  if (_hs_check (p, HS_TOK_COLONEQUAL))
    {
      /* a=expression ':=' expression */
      _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &e->loc, &e->loc,
                       "cannot use assignment expressions with %s", _hs_expr_name (e));
      _hs_mark_specific (p);
      return NULL;
    }
  if (_hs_check (p, HS_TOK_EQUAL))
    {
      invalid_named_expression (p, start, e);
      if (_hs_failed (p))
        return NULL;
    }
  return e;
}

HsExpr *
_hs_parse_named_expression (HsParser *p)
{
  return _hs_parse_named_expression_ex (p, TRUE);
}

/* star_named_expression: '*' bitwise_or | named_expression */
HsExpr *
_hs_parse_star_named_expression (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *value, *e;

  if (first->kind != HS_TOK_STAR)
    return _hs_parse_named_expression (p);
  _hs_next (p);
  value = _hs_parse_bitwise_or (p);
  if (value == NULL)
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_STARRED, first);
  e->v.starred.value = value;
  return e;
}

/* star_expression: '*' bitwise_or | expression */
static HsExpr *
parse_star_expression (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsExpr *value, *e;

  if (first->kind != HS_TOK_STAR)
    return _hs_parse_expression (p);
  _hs_next (p);
  value = _hs_parse_bitwise_or (p);
  if (value == NULL)
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_STARRED, first);
  e->v.starred.value = value;
  return e;
}

/* star_expressions: star_expression (',' star_expression)* [','];
 * @bare_tuple says whether a Tuple came from the commas. */
HsExpr *
_hs_parse_star_expressions_ex (HsParser *p,
                               gboolean *bare_tuple)
{
  HsToken *first = _hs_peek (p);
  HsVec elts = { 0 };
  HsExpr *e = parse_star_expression (p);

  if (e == NULL || !_hs_check (p, HS_TOK_COMMA))
    return e;
  _hs_vec_push (p, &elts, e);
  while (_hs_accept (p, HS_TOK_COMMA) && _hs_starts_star_expression (_hs_peek (p)->kind))
    {
      e = parse_star_expression (p);
      if (e == NULL)
        return NULL;
      _hs_vec_push (p, &elts, e);
    }
  if (_hs_failed (p))
    return NULL;
  e = _hs_expr_from (p, HS_EXPR_TUPLE, first);
  e->v.seq.elts = EXPR_LIST (elts);
  if (bare_tuple != NULL)
    *bare_tuple = TRUE;
  return e;
}

HsExpr *
_hs_parse_star_expressions (HsParser *p)
{
  return _hs_parse_star_expressions_ex (p, NULL);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
HsExpr *
_hs_parse_yield_expr (HsParser *p)
{
  HsToken *kw = _hs_next (p);
  HsExpr *value = NULL, *e;
  HsExprKind kind = HS_EXPR_YIELD;

  if (_hs_accept (p, HS_TOK_FROM))
    {
      kind = HS_EXPR_YIELDFROM;
      value = _hs_parse_expression (p);
      if (value == NULL)
        return NULL;
    }
  else if (_hs_starts_star_expression (_hs_peek (p)->kind))
    {
      value = _hs_parse_star_expressions (p);
      if (value == NULL)
        return NULL;
    }
  e = _hs_expr_from (p, kind, kw);
  e->v.yield.value = value;
  return e;
}
