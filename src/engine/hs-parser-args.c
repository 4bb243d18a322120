/* hs-parser-args.c — call arguments and parameter lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11 spreads parameters over parameters, star_etc, kwds and
 * their lambda twins, with invalid_parameters & co for the messages; one
 * loop over the comma-separated items does the same here. Call arguments
 * follow `arguments`, `args` and `kwargs` with invalid_arguments and
 * invalid_kwarg.
 */

#include "config.h"

#include "hs-parser-private.h"

#define EXPR_LIST(vec) ((HsExprList) { (HsExpr **) (vec).items, (vec).len })

static HsExpr *
last_comprehension_item (HsComprehensionList gens)
{
  HsComprehension *last = gens.items[gens.len - 1];

  if (last->ifs.len == 0)
    return last->iter;
  return last->ifs.items[last->ifs.len - 1];
}

/* Call arguments ------------------------------------------------------ */

static HsKeyword *
keyword_new (HsParser   *p,
             HsToken    *first,
             const char *arg,
             HsExpr     *value)
{
  HsKeyword *kw = hs_arena_new0 (p->arena, HsKeyword);
  HsLoc start = _hs_token_loc (first), end = _hs_token_loc (_hs_prev (p));

  kw->loc = (HsLoc) { start.line, start.col, end.end_line, end.end_col };
  kw->arg = arg;
  kw->value = value;
  return kw;
}

/* arguments: args [','] &')' | invalid_arguments
 * The caller has consumed '(' and consumes ')'. A lone generator
 * expression argument (`f(x for x in y)`) spans the call's parentheses,
 * so @lpar is given when that form is allowed (calls, not class bases). */
gboolean
_hs_parse_arguments (HsParser      *p,
                 HsToken       *lpar,
                 HsExprList    *args_out,
                 HsKeywordList *keywords_out)
{
  HsVec args = { 0 }, keywords = { 0 };
  gboolean seen_keyword = FALSE, seen_unpack = FALSE;
  const char *positional_error = NULL;

  while (!_hs_check (p, HS_TOK_RPAR))
    {
      HsToken *tok = _hs_peek (p);
      HsToken *next = _hs_peek_at (p, 1);

      if (_hs_failed (p))
        return FALSE;

      if (tok->kind == HS_TOK_STAR)
        {
          /* starred_expression: '*' expression */
          HsExpr *value, *e;

          if (seen_unpack && _hs_invalid_rules_active (p))
            {
              HsLoc loc = _hs_token_loc (tok);

              return _hs_specific_error (p, &loc, &loc,
                                           "iterable argument unpacking follows keyword "
                                           "argument unpacking") != NULL;
            }
          _hs_next (p);
          value = _hs_parse_expression (p);
          if (value == NULL)
            return FALSE;
          e = _hs_expr_from (p, HS_EXPR_STARRED, tok);
          e->v.starred.value = value;
          _hs_vec_push (p, &args, e);
        }
      else if (tok->kind == HS_TOK_DOUBLESTAR)
        {
          HsExpr *value;

          _hs_next (p);
          value = _hs_parse_expression (p);
          if (value == NULL)
            return FALSE;
          _hs_vec_push (p, &keywords, keyword_new (p, tok, NULL, value));
          seen_unpack = TRUE;
        }
      else if ((tok->kind == HS_TOK_TRUE || tok->kind == HS_TOK_FALSE ||
                tok->kind == HS_TOK_NONE) && next->kind == HS_TOK_EQUAL)
        {
          /* invalid_kwarg: a=('True'|'False'|'None') b='=' */
          HsLoc a = _hs_token_loc (tok), b = _hs_token_loc (next);

          if (!_hs_invalid_rules_active (p))
            return _hs_syntax_error (p) != NULL;
          _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &a, &b, "cannot assign to %s",
                           hs_token_kind_name (tok->kind));
          _hs_mark_specific (p);
          return FALSE;
        }
      else if (tok->kind == HS_TOK_NAME && next->kind == HS_TOK_EQUAL)
        {
          /* NAME '=' expression */
          HsExpr *value;

          _hs_next (p);
          _hs_next (p);
          value = _hs_parse_expression (p);
          if (value == NULL)
            return FALSE;
          if (_hs_check (p, HS_TOK_FOR) && _hs_invalid_rules_active (p))
            {
              HsLoc a = _hs_token_loc (tok), b = _hs_token_loc (next);

              return _hs_specific_error (p, &a, &b,
                                           "invalid syntax. Maybe you meant '==' or ':=' "
                                           "instead of '='?") != NULL;
            }
          _hs_vec_push (p, &keywords, keyword_new (p, tok, _hs_token_name (p, tok), value));
          seen_keyword = TRUE;
        }
      else
        {
          /* (assignment_expression | expression !':=') !'=' */
          HsExpr *e = _hs_parse_named_expression_ex (p, FALSE);

          if (e == NULL)
            return FALSE;
          if (_hs_check (p, HS_TOK_FOR))
            {
              HsComprehensionList gens;
              gboolean first = args.len == 0 && keywords.len == 0;

              /* Class bases have no genexp form: CPython fails at 'for'. */
              if (lpar == NULL && first)
                return _hs_syntax_error (p) != NULL;
              if (!_hs_parse_for_if_clauses (p, &gens))
                return FALSE;
              if (first && lpar != NULL && _hs_check (p, HS_TOK_RPAR))
                {
                  HsToken *rpar = _hs_peek (p);
                  HsLoc start = _hs_token_loc (lpar), end = _hs_token_loc (rpar);
                  HsExpr *genexp = _hs_expr_new (p, HS_EXPR_GENEXP, &start, &end);

                  genexp->v.comp.elt = e;
                  genexp->v.comp.generators = gens;
                  _hs_vec_push (p, &args, genexp);
                  break;
                }
              /* invalid_arguments: a first genexp followed by ',', or one
               * after other arguments; anything else is plain invalid. */
              if (!_hs_invalid_rules_active (p) || (first && !_hs_check (p, HS_TOK_COMMA)))
                return _hs_syntax_error (p) != NULL;
              return _hs_specific_error (p, &e->loc, &last_comprehension_item (gens)->loc,
                                           "Generator expression must be parenthesized")
                     != NULL;
            }
          if (_hs_check (p, HS_TOK_EQUAL) && _hs_invalid_rules_active (p))
            {
              /* invalid_kwarg: !(NAME '=') a=expression b='=' */
              HsLoc b = _hs_token_loc (_hs_peek (p));

              return _hs_specific_error (p, &e->loc, &b,
                                           "expression cannot contain assignment, perhaps "
                                           "you meant \"==\"?") != NULL;
            }
          if (positional_error == NULL && (seen_keyword || seen_unpack))
            positional_error = seen_unpack
                               ? "positional argument follows keyword argument unpacking"
                               : "positional argument follows keyword argument";
          _hs_vec_push (p, &args, e);
        }

      if (!_hs_accept (p, HS_TOK_COMMA))
        break;
    }

  if (positional_error != NULL && _hs_invalid_rules_active (p))
    {
      /* Reported on the last token looked at, as RAISE_SYNTAX_ERROR does. */
      _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, _hs_peek (p), "%s", positional_error);
      _hs_mark_specific (p);
      return FALSE;
    }
  if (_hs_failed (p))
    return FALSE;

  *args_out = EXPR_LIST (args);
  *keywords_out = (HsKeywordList) { (HsKeyword **) keywords.items, keywords.len };
  return TRUE;
}

gboolean
_hs_parse_call_arguments (HsParser      *p,
                          HsExprList    *args,
                          HsKeywordList *keywords)
{
  return _hs_parse_arguments (p, NULL, args, keywords);
}

/* Parameters ----------------------------------------------------------- */

typedef struct
{
  HsVec posonly, args, defaults, kwonly, kw_defaults;
  HsArg *vararg;
  HsArg *kwarg;
  gboolean seen_slash;
  gboolean seen_star;
  gboolean seen_default;
} Params;

static gpointer
error_at_token (HsParser   *p,
                HsToken    *tok,
                const char *message)
{
  _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, tok, "%s", message);
  _hs_mark_specific (p);
  return NULL;
}

/* param: NAME annotation?  (star_annotation for *args: ':' star_expression) */
static HsArg *
parse_param (HsParser *p,
             gboolean  lambda,
             gboolean  star_annotation)
{
  HsToken *name = _hs_expect (p, HS_TOK_NAME);
  HsArg *arg;
  HsLoc start, end;

  if (name == NULL)
    return NULL;
  arg = hs_arena_new0 (p->arena, HsArg);
  arg->name = _hs_token_name (p, name);
  if (!lambda && _hs_accept (p, HS_TOK_COLON))
    {
      if (star_annotation && _hs_check (p, HS_TOK_STAR))
        arg->annotation = _hs_parse_star_expressions (p);
      else
        arg->annotation = _hs_parse_expression (p);
      if (arg->annotation == NULL)
        return NULL;
    }
  start = _hs_token_loc (name);
  end = _hs_token_loc (_hs_prev (p));
  arg->loc = (HsLoc) { start.line, start.col, end.end_line, end.end_col };
  return arg;
}

/* default: '=' expression | invalid_default */
static HsExpr *
parse_default (HsParser    *p,
               HsTokenKind  close)
{
  HsToken *eq = _hs_next (p);
  HsTokenKind next = _hs_peek (p)->kind;

  if ((next == HS_TOK_RPAR || next == HS_TOK_COMMA) && close == HS_TOK_RPAR &&
      p->no_invalid == 0)
    return error_at_token (p, eq, "expected default value expression");
  return _hs_parse_expression (p);
}

/* '(' param_no_default+ ','? ')' where a parameter should be */
static gpointer
parenthesized_params (HsParser *p,
                      gboolean  lambda)
{
  HsToken *lpar = _hs_peek (p);
  int mark = _hs_begin_try (p);
  HsToken *rpar = NULL;
  gboolean match = FALSE;

  _hs_next (p);
  while (_hs_check (p, HS_TOK_NAME))
    {
      _hs_next (p);
      match = TRUE;
      if (!_hs_accept (p, HS_TOK_COMMA))
        break;
    }
  if (match && _hs_check (p, HS_TOK_RPAR))
    rpar = _hs_peek (p);
  _hs_end_try (p, mark, FALSE);

  if (rpar == NULL || p->no_invalid > 0)
    return _hs_syntax_error (p);
  {
    HsLoc a = _hs_token_loc (lpar), b = _hs_token_loc (rpar);

    _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &a, &b, "%s",
                     lambda ? "Lambda expression parameters cannot be parenthesized"
                            : "Function parameters cannot be parenthesized");
    _hs_mark_specific (p);
  }
  return NULL;
}

static gboolean
parse_item (HsParser    *p,
            Params      *ps,
            gboolean     lambda,
            HsTokenKind  close)
{
  HsToken *tok = _hs_peek (p);
  HsToken *next = _hs_peek_at (p, 1);
  HsArg *arg;

  if (ps->kwarg != NULL &&
      (tok->kind == HS_TOK_NAME || tok->kind == HS_TOK_STAR ||
       tok->kind == HS_TOK_DOUBLESTAR || tok->kind == HS_TOK_SLASH))
    return error_at_token (p, tok, "arguments cannot follow var-keyword argument") != NULL;

  switch (tok->kind)
    {
    case HS_TOK_SLASH:
      if (ps->posonly.len + ps->args.len == 0 && !ps->seen_star && !ps->seen_slash)
        {
          if (next->kind == HS_TOK_COMMA)
            return error_at_token (p, tok, "at least one argument must precede /") != NULL;
          return _hs_syntax_error (p) != NULL;
        }
      if (ps->seen_star)
        return error_at_token (p, tok, "/ must be ahead of *") != NULL;
      if (ps->seen_slash)
        return error_at_token (p, tok, "/ may appear only once") != NULL;
      _hs_next (p);
      ps->seen_slash = TRUE;
      ps->posonly = ps->args;
      ps->args = (HsVec) { 0 };
      if (_hs_check (p, HS_TOK_STAR))
        return error_at_token (p, _hs_peek (p), "expected comma between / and *") != NULL;
      return TRUE;

    case HS_TOK_STAR:
      if (ps->seen_star)
        return error_at_token (p, tok, "* argument may appear only once") != NULL;
      _hs_next (p);
      ps->seen_star = TRUE;
      if (next->kind == close ||
          (next->kind == HS_TOK_COMMA &&
           (_hs_peek_at (p, 1)->kind == close || _hs_peek_at (p, 1)->kind == HS_TOK_DOUBLESTAR)))
        {
          /* A lambda's message sits on the last token looked at. */
          return error_at_token (p, lambda ? _hs_peek_at (p, next->kind == close ? 0 : 1) : tok,
                                 "named arguments must follow bare *") != NULL;
        }
      if (_hs_check (p, HS_TOK_COMMA))
        return TRUE;
      ps->vararg = parse_param (p, lambda, TRUE);
      if (ps->vararg == NULL)
        return FALSE;
      if (_hs_check (p, HS_TOK_EQUAL))
        return error_at_token (p, _hs_peek (p),
                               "var-positional argument cannot have default value") != NULL;
      return TRUE;

    case HS_TOK_DOUBLESTAR:
      _hs_next (p);
      ps->kwarg = parse_param (p, lambda, FALSE);
      if (ps->kwarg == NULL)
        return FALSE;
      if (_hs_check (p, HS_TOK_EQUAL))
        return error_at_token (p, _hs_peek (p),
                               "var-keyword argument cannot have default value") != NULL;
      return TRUE;

    case HS_TOK_LPAR:
      return parenthesized_params (p, lambda) != NULL;

    case HS_TOK_NAME:
      arg = parse_param (p, lambda, FALSE);
      if (arg == NULL)
        return FALSE;
      if (_hs_check (p, HS_TOK_EQUAL))
        {
          HsExpr *value = parse_default (p, close);

          if (value == NULL)
            return FALSE;
          if (ps->seen_star)
            {
              _hs_vec_push (p, &ps->kwonly, arg);
              _hs_vec_push (p, &ps->kw_defaults, value);
            }
          else
            {
              _hs_vec_push (p, &ps->args, arg);
              _hs_vec_push (p, &ps->defaults, value);
              ps->seen_default = TRUE;
            }
          return TRUE;
        }
      if (ps->seen_star)
        {
          _hs_vec_push (p, &ps->kwonly, arg);
          _hs_vec_push (p, &ps->kw_defaults, NULL);
          return TRUE;
        }
      if (ps->seen_default && p->no_invalid == 0)
        {
          _hs_error_range (p, HS_DIAG_SYNTAX_ERROR, &arg->loc, &arg->loc,
                           "non-default argument follows default argument");
          _hs_mark_specific (p);
          return FALSE;
        }
      _hs_vec_push (p, &ps->args, arg);
      return TRUE;

    default:
      return _hs_syntax_error (p) != NULL;
    }
}

static HsArgList
arg_list (HsVec vec)
{
  return (HsArgList) { (HsArg **) vec.items, vec.len };
}

/* params (def, up to ')') and lambda_params (up to ':') */
HsArguments *
_hs_parse_parameters (HsParser *p,
                      gboolean  lambda)
{
  HsTokenKind close = lambda ? HS_TOK_COLON : HS_TOK_RPAR;
  Params ps = { 0 };
  HsArguments *args;

  while (!_hs_check (p, close))
    {
      if (_hs_failed (p) || !parse_item (p, &ps, lambda, close))
        return NULL;
      if (!_hs_accept (p, HS_TOK_COMMA))
        break;
    }
  if (_hs_failed (p))
    return NULL;

  args = hs_arena_new0 (p->arena, HsArguments);
  args->posonlyargs = arg_list (ps.posonly);
  args->args = arg_list (ps.args);
  args->vararg = ps.vararg;
  args->kwonlyargs = arg_list (ps.kwonly);
  args->kw_defaults = (HsExprList) { (HsExpr **) ps.kw_defaults.items, ps.kw_defaults.len };
  args->kwarg = ps.kwarg;
  args->defaults = (HsExprList) { (HsExpr **) ps.defaults.items, ps.defaults.len };
  return args;
}
