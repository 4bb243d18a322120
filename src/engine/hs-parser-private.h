/* hs-parser-private.h — state shared by the parser's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser is a hand-written recursive descent over the token array
 * (hs-lexer.c). It follows CPython 3.11's grammar rule by rule; where
 * CPython's PEG parser finds a specialised error message in its second
 * pass ("invalid_*" rules), this parser re-parses from a saved position
 * at the point of failure, with the same rule, so that messages and
 * positions match. Every node lives in the arena: error paths just
 * return NULL.
 */
#pragma once

#include "hs-lexer.h"
#include "hs-parser.h"

G_BEGIN_DECLS

typedef struct _HsParser HsParser;

struct _HsParser
{
  HsArena      *arena;
  const char   *filename;
  GHashTable   *names;        /* interned identifiers: text -> arena copy */

  /* The token stream being parsed: the file's, or an f-string field's. */
  HsTokens     *toks;
  HsToken      *tokens;
  int           pos;

  int           fill;         /* furthest token looked at: CPython's error spot */
  int           max_fill;     /* the same, alternatives tried for errors included */

  HsDiagnostic *error;        /* the first error; parsing stops */
  gboolean      error_is_specific; /* from an invalid_* emulation or the tokenizer */
  int           depth;        /* recursion through unary operators & co */
  int           tree_depth;   /* depth of the tree being built */

  /* Tokens the parse may still consume, alternatives included: the invalid_
   * rules re-parse what they follow, so nested brackets can cost 2^depth
   * re-parses (CPython memoizes them away). */
  gint64        work_left;
  gint64        work_budget;

  /* > 0 while trying an alternative (errors will be dropped) */
  int           speculating;
  /* > 0 where CPython's "invalid_" rules would not run */
  int           no_invalid;
  int           legacy_depth;

  /* Set while parsing an f-string replacement field (CPython's
   * Py_fstring_input): errors get the "f-string: " prefix and columns
   * relative to the "(expr)" text. */
  gboolean      in_fstring;
  int           fstring_col_shift;
  int           fstring_depth;
};

/* A growable array in the arena, turned into the HsXxxList types. */
typedef struct
{
  gpointer *items;
  int       len;
  int       cap;
} HsVec;

void      _hs_vec_push            (HsParser    *p,
                                   HsVec       *vec,
                                   gpointer     item);

/* Tokens */
HsToken  *_hs_peek                (HsParser    *p);
HsToken  *_hs_peek_at             (HsParser    *p,
                                   int          offset);
HsToken  *_hs_prev                (HsParser    *p);
HsToken  *_hs_next                (HsParser    *p);
gboolean  _hs_check               (HsParser    *p,
                                   HsTokenKind  kind);
gboolean  _hs_accept              (HsParser    *p,
                                   HsTokenKind  kind);
HsToken  *_hs_expect              (HsParser    *p,
                                   HsTokenKind  kind);
gboolean  _hs_is_name             (HsParser    *p,
                                   HsToken     *tok,
                                   const char  *name);
const char *_hs_token_name        (HsParser    *p,
                                   HsToken     *tok);
gsize     _hs_token_text          (HsParser    *p,
                                   HsToken     *tok,
                                   const char **text);

/* Errors: all return NULL so that `return _hs_error (...)` reads well. */
gpointer  _hs_error_at_token      (HsParser    *p,
                                   HsDiagKind   kind,
                                   HsToken     *tok,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (4, 5);
gpointer  _hs_error_range         (HsParser    *p,
                                   HsDiagKind   kind,
                                   const HsLoc *start,
                                   const HsLoc *end,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (5, 6);
gpointer  _hs_error_at            (HsParser    *p,
                                   HsDiagKind   kind,
                                   int          line,
                                   int          col,
                                   int          end_line,
                                   int          end_col,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (7, 8);
gpointer  _hs_syntax_error        (HsParser    *p);
gpointer  _hs_specific_error      (HsParser    *p,
                                   const HsLoc *start,
                                   const HsLoc *end,
                                   const char  *message);
gpointer  _hs_not_implemented     (HsParser    *p,
                                   HsToken     *tok,
                                   const char  *message);
gboolean  _hs_invalid_rules_active (HsParser   *p);
void      _hs_mark_specific       (HsParser    *p);
gboolean  _hs_failed              (HsParser    *p);
gboolean  _hs_enter               (HsParser    *p);
void      _hs_leave               (HsParser    *p);
gboolean  _hs_enter_tree          (HsParser    *p);
void      _hs_leave_tree          (HsParser    *p,
                                   int          levels);
int       _hs_begin_try           (HsParser    *p);
void      _hs_end_try             (HsParser    *p,
                                   int          mark,
                                   gboolean     keep);
gboolean  _hs_backtrack           (HsParser    *p,
                                   int          mark);

/* Nodes */
const char *_hs_intern            (HsParser    *p,
                                   const char  *text,
                                   gsize        len);
HsExpr   *_hs_expr_new            (HsParser    *p,
                                   HsExprKind   kind,
                                   const HsLoc *start,
                                   const HsLoc *end);
HsStmt   *_hs_stmt_new            (HsParser    *p,
                                   HsStmtKind   kind,
                                   const HsLoc *start,
                                   const HsLoc *end);
HsLoc     _hs_token_loc           (HsToken     *tok);
HsExpr   *_hs_name_expr           (HsParser    *p,
                                   HsToken     *tok,
                                   HsExprContext ctx);
HsExpr   *_hs_expr_from           (HsParser    *p,
                                   HsExprKind   kind,
                                   HsToken     *first);

/* Expressions (hs-parser-expr.c), CPython's rule names */
HsExpr   *_hs_parse_expression           (HsParser *p);
HsExpr   *_hs_parse_named_expression     (HsParser *p);
HsExpr   *_hs_parse_named_expression_ex  (HsParser *p,
                                          gboolean  invalid);
HsExpr   *_hs_parse_star_expressions     (HsParser *p);
HsExpr   *_hs_parse_star_expressions_ex  (HsParser *p,
                                          gboolean *bare_tuple);
HsExpr   *_hs_parse_star_named_expression (HsParser *p);
HsExpr   *_hs_parse_yield_expr           (HsParser *p);
HsExpr   *_hs_parse_bitwise_or           (HsParser *p);
HsExpr   *_hs_parse_disjunction          (HsParser *p);
HsExpr   *_hs_parse_star_targets         (HsParser *p);
HsExpr   *_hs_parse_star_target          (HsParser *p);
HsArguments *_hs_parse_parameters        (HsParser *p,
                                          gboolean  lambda);
gboolean  _hs_parse_for_if_clauses       (HsParser            *p,
                                          HsComprehensionList *out);
gpointer  _hs_invalid_for_target         (HsParser            *p,
                                          int                  start);
gboolean  _hs_parse_arguments            (HsParser      *p,
                                          HsToken       *lpar,
                                          HsExprList    *args,
                                          HsKeywordList *keywords);
gboolean  _hs_parse_call_arguments       (HsParser      *p,
                                          HsExprList    *args,
                                          HsKeywordList *keywords);
gboolean  _hs_starts_expression          (HsTokenKind kind);
gboolean  _hs_starts_star_expression     (HsTokenKind kind);

/* Targets */
typedef enum
{
  HS_TARGETS_STAR,   /* assignment, with-as: "cannot assign to %s" */
  HS_TARGETS_FOR,    /* for loops and comprehensions */
  HS_TARGETS_DEL,    /* del: "cannot delete %s" */
} HsTargetsType;

HsExpr   *_hs_invalid_target      (HsExpr        *e,
                                   HsTargetsType  type);
const char *_hs_expr_name         (HsExpr        *e);
void      _hs_set_context         (HsExpr        *e,
                                   HsExprContext  ctx);
HsExpr   *_hs_check_targets       (HsParser      *p,
                                   HsExpr        *e,
                                   HsTargetsType  type);

/* Statements (hs-parser-stmt.c) */
gboolean  _hs_parse_statement     (HsParser *p,
                                   HsVec    *out);

/* Strings (hs-parser-string.c) */
HsExpr   *_hs_parse_strings       (HsParser *p);


G_END_DECLS
