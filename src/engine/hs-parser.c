/* hs-parser.c — the parser's machinery (tokens, errors, nodes) and hs_parse()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The token cursor, error reporting (a plain failure sits on the furthest
 * token looked at, as in CPython), attempts and PEG-style backtracking,
 * node constructors, and hs_parse() with CPython's rules for which error
 * wins when both the tokenizer and the parser found one. The grammar
 * itself is in hs-parser-stmt.c, hs-parser-expr.c, hs-parser-args.c and
 * hs-parser-string.c.
 */

#include "config.h"

#include <string.h>

#include "hs-parser-private.h"

/* Machinery ------------------------------------------------------------ */

void
_hs_vec_push (HsParser *p,
              HsVec    *vec,
              gpointer  item)
{
  if (vec->len == vec->cap)
    {
      int cap = vec->cap ? vec->cap * 2 : 4;
      gpointer *items = hs_arena_alloc (p->arena, sizeof (gpointer) * cap);

      if (vec->len > 0)
        memcpy (items, vec->items, sizeof (gpointer) * vec->len);
      vec->items = items;
      vec->cap = cap;
    }
  vec->items[vec->len++] = item;
}

#define STMT_LIST(vec) ((HsStmtList) { (HsStmt **) (vec).items, (vec).len })
#define EXPR_LIST(vec) ((HsExprList) { (HsExpr **) (vec).items, (vec).len })

static void
raise_tokenizer_error (HsParser *p)
{
  if (p->error != NULL)
    return;
  if (p->toks->error != NULL)
    p->error = hs_diagnostic_copy (p->toks->error);
  else
    p->error = hs_diagnostic_new (HS_DIAG_SYNTAX_ERROR, p->filename, 0, 0, "invalid syntax");
  p->error_is_specific = TRUE;
}

/* The current token. Looking at an ERRORTOKEN raises the tokenizer's
 * error, as CPython's _PyPegen_fill_token() does. */
HsToken *
_hs_peek (HsParser *p)
{
  HsToken *tok = &p->tokens[p->pos];

  /* Out of work: the input ends here, so every rule fails at once. */
  if (G_UNLIKELY (p->work_left < 0))
    tok = &p->tokens[p->toks->len - 1];

  if (p->pos > p->fill)
    p->fill = p->pos;
  if (p->pos > p->max_fill)
    p->max_fill = p->pos;
  if (tok->kind == HS_TOK_ERRORTOKEN)
    raise_tokenizer_error (p);
  return tok;
}

/* Lookahead that does not move CPython's "furthest token". */
HsToken *
_hs_peek_at (HsParser *p,
             int       offset)
{
  int i = p->pos + offset;

  if (i >= p->toks->len)
    i = p->toks->len - 1;
  return &p->tokens[i];
}

/* The last token consumed, skipping NEWLINE, INDENT and DEDENT as CPython's
 * _PyPegen_get_last_nonnwhitespace_token() does: a node ends there. */
HsToken *
_hs_prev (HsParser *p)
{
  int i = p->pos - 1;

  while (i > 0)
    {
      HsTokenKind kind = p->tokens[i].kind;

      if (kind != HS_TOK_NEWLINE && kind != HS_TOK_INDENT && kind != HS_TOK_DEDENT &&
          kind != HS_TOK_ENDMARKER)
        break;
      i--;
    }
  return &p->tokens[MAX (i, 0)];
}

HsToken *
_hs_next (HsParser *p)
{
  HsToken *tok;

  if (G_UNLIKELY (--p->work_left == -1))
    {
      if (p->error != NULL && !p->error_is_specific)
        g_clear_pointer (&p->error, hs_diagnostic_free);
      _hs_error_at_token (p, HS_DIAG_LIMIT, &p->tokens[p->pos],
                          "too complex to parse (the parser's work limit: %" G_GINT64_FORMAT
                          " token reads)", p->work_budget);
      _hs_mark_specific (p);
    }
  tok = _hs_peek (p);

  if (tok->kind != HS_TOK_ENDMARKER && tok->kind != HS_TOK_ERRORTOKEN)
    p->pos++;
  return tok;
}

gboolean
_hs_check (HsParser    *p,
           HsTokenKind  kind)
{
  return _hs_peek (p)->kind == kind;
}

gboolean
_hs_accept (HsParser    *p,
            HsTokenKind  kind)
{
  if (!_hs_check (p, kind))
    return FALSE;
  _hs_next (p);
  return TRUE;
}

HsToken *
_hs_expect (HsParser    *p,
            HsTokenKind  kind)
{
  if (_hs_accept (p, kind))
    return _hs_prev (p);
  return _hs_syntax_error (p);
}

gsize
_hs_token_text (HsParser    *p,
                HsToken     *tok,
                const char **text)
{
  *text = p->toks->text + tok->start;
  return tok->end - tok->start;
}

gboolean
_hs_is_name (HsParser   *p,
             HsToken    *tok,
             const char *name)
{
  const char *text;
  gsize len;

  if (tok->kind != HS_TOK_NAME)
    return FALSE;
  len = _hs_token_text (p, tok, &text);
  return len == strlen (name) && memcmp (text, name, len) == 0;
}

const char *
_hs_intern (HsParser   *p,
            const char *text,
            gsize       len)
{
  g_autofree char *key = g_strndup (text, len);
  const char *name = g_hash_table_lookup (p->names, key);

  if (name == NULL)
    {
      name = hs_arena_strndup (p->arena, text, len);
      g_hash_table_insert (p->names, (gpointer) name, (gpointer) name);
    }
  return name;
}

/* Identifiers are NFKC-normalized, as CPython's _PyPegen_new_identifier()
 * does for non-ASCII names. */
const char *
_hs_token_name (HsParser *p,
                HsToken  *tok)
{
  const char *text;
  gsize len = _hs_token_text (p, tok, &text);

  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      {
        g_autofree char *norm = g_utf8_normalize (text, len, G_NORMALIZE_NFKC);

        if (norm != NULL)
          return _hs_intern (p, norm, strlen (norm));
        break;
      }
  return _hs_intern (p, text, len);
}

HsLoc
_hs_token_loc (HsToken *tok)
{
  return (HsLoc) { tok->line, tok->col, tok->end_line, tok->end_col };
}

HsExpr *
_hs_expr_new (HsParser    *p,
              HsExprKind   kind,
              const HsLoc *start,
              const HsLoc *end)
{
  HsExpr *e = hs_arena_new0 (p->arena, HsExpr);

  e->kind = kind;
  e->loc = (HsLoc) { start->line, start->col, end->end_line, end->end_col };
  return e;
}

HsStmt *
_hs_stmt_new (HsParser    *p,
              HsStmtKind   kind,
              const HsLoc *start,
              const HsLoc *end)
{
  HsStmt *s = hs_arena_new0 (p->arena, HsStmt);

  s->kind = kind;
  s->loc = (HsLoc) { start->line, start->col, end->end_line, end->end_col };
  return s;
}

HsExpr *
_hs_name_expr (HsParser      *p,
               HsToken       *tok,
               HsExprContext  ctx)
{
  HsLoc loc = _hs_token_loc (tok);
  HsExpr *e = _hs_expr_new (p, HS_EXPR_NAME, &loc, &loc);

  e->v.name.id = _hs_token_name (p, tok);
  e->v.name.ctx = ctx;
  return e;
}


/* Errors ---------------------------------------------------------------- */

static gpointer raise_error (HsParser   *p,
                             HsDiagKind  kind,
                             int         line,
                             int         col,
                             int         end_line,
                             int         end_col,
                             const char *format,
                             va_list     args) G_GNUC_PRINTF (7, 0);

static gpointer
raise_error (HsParser   *p,
             HsDiagKind  kind,
             int         line,
             int         col,
             int         end_line,
             int         end_col,
             const char *format,
             va_list     args)
{
  HsDiagnostic *diag;
  g_autofree char *message = NULL;
  int text_line;

  if (p->error != NULL)
    return NULL;

  message = g_strdup_vprintf (format, args);
  if (p->in_fstring)
    {
      /* CPython 3.11 reports columns relative to the "(expr)" text. */
      col -= p->fstring_col_shift;
      end_col -= p->fstring_col_shift;
    }
  if (end_line < line || end_col <= 0)
    {
      end_line = line;
      end_col = col;
    }

  diag = g_new0 (HsDiagnostic, 1);
  diag->kind = kind;
  diag->message = p->in_fstring ? g_strconcat ("f-string: ", message, NULL)
                                : g_steal_pointer (&message);
  diag->filename = g_strdup (p->filename);
  diag->line = line;
  diag->col = col;
  diag->end_line = end_line;
  diag->end_col = end_col;
  text_line = line - p->toks->line_offset;
  if (text_line >= 1 && text_line <= p->toks->n_lines)
    diag->text = g_strdup (p->toks->lines[text_line - 1]);

  p->error = diag;
  p->error_is_specific = FALSE;
  return NULL;
}

gpointer
_hs_error_at (HsParser   *p,
              HsDiagKind  kind,
              int         line,
              int         col,
              int         end_line,
              int         end_col,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  raise_error (p, kind, line, col, end_line, end_col, format, args);
  va_end (args);
  return NULL;
}

gpointer
_hs_error_at_token (HsParser   *p,
                    HsDiagKind  kind,
                    HsToken    *tok,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  raise_error (p, kind, tok->line, tok->col + 1, tok->end_line, tok->end_col + 1,
               format, args);
  va_end (args);
  return NULL;
}

gpointer
_hs_error_range (HsParser    *p,
                 HsDiagKind   kind,
                 const HsLoc *start,
                 const HsLoc *end,
                 const char  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  raise_error (p, kind, start->line, start->col + 1, end->end_line, end->end_col + 1,
               format, args);
  va_end (args);
  return NULL;
}

/* A specialised message (CPython's second pass) or a hard limit: it is
 * final, unlike a plain failure of one alternative. */
void
_hs_mark_specific (HsParser *p)
{
  if (p->error != NULL)
    p->error_is_specific = TRUE;
}

/* CPython's _PyPegen_set_syntax_error(): no rule matched. The error sits
 * on the furthest token the parser looked at. */
gpointer
_hs_syntax_error (HsParser *p)
{
  HsToken *tok;

  if (p->error != NULL)
    return NULL;

  tok = &p->tokens[MAX (p->fill, p->pos)];
  switch (tok->kind)
    {
    case HS_TOK_ERRORTOKEN:
      raise_tokenizer_error (p);
      return NULL;
    case HS_TOK_INDENT:
      return _hs_error_at_token (p, HS_DIAG_INDENTATION_ERROR, tok, "unexpected indent");
    case HS_TOK_DEDENT:
      return _hs_error_at_token (p, HS_DIAG_INDENTATION_ERROR, tok, "unexpected unindent");
    case HS_TOK_ENDMARKER:
      /* CPython's ENDMARKER has no columns: offset 0, no caret. */
      return _hs_error_at (p, HS_DIAG_SYNTAX_ERROR, tok->line, 0, tok->line, 0, "invalid syntax");
    default:
      return _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, tok, "invalid syntax");
    }
}

gboolean
_hs_failed (HsParser *p)
{
  return p->error != NULL;
}

/* Unary operators, `**`, lambdas and conditional expressions recurse
 * without brackets (which the tokenizer already limits to 200). */
gboolean
_hs_enter (HsParser *p)
{
  if (++p->depth > HS_PARSER_MAX_NESTING)
    {
      p->tree_depth++;
      _hs_error_at_token (p, HS_DIAG_LIMIT, _hs_peek (p),
                          "nesting too deep (limit %d)", HS_PARSER_MAX_NESTING);
      _hs_mark_specific (p);
      return FALSE;
    }
  return _hs_enter_tree (p);
}

void
_hs_leave (HsParser *p)
{
  p->depth--;
  p->tree_depth--;
}

/* One more level of tree under construction; calls to this are undone
 * with _hs_leave_tree() even when it fails. */
gboolean
_hs_enter_tree (HsParser *p)
{
  if (++p->tree_depth > HS_PARSER_MAX_DEPTH)
    {
      _hs_error_at_token (p, HS_DIAG_LIMIT, _hs_peek (p),
                          "nesting too deep (limit %d)", HS_PARSER_MAX_DEPTH);
      _hs_mark_specific (p);
      return FALSE;
    }
  return TRUE;
}

void
_hs_leave_tree (HsParser *p,
                int       levels)
{
  p->tree_depth -= levels;
}

int
_hs_begin_try (HsParser *p)
{
  p->speculating++;
  return p->pos;
}

/* Ends an attempt started at @mark: keeps its result, or rewinds and
 * forgets a plain failure. A specialised error (or the tokenizer's) is
 * final in CPython even inside an alternative, so it stays: callers check
 * _hs_failed() afterwards. */
void
_hs_end_try (HsParser *p,
             int       mark,
             gboolean  keep)
{
  p->speculating--;
  if (keep || (p->error != NULL && p->error_is_specific))
    return;
  p->pos = mark;
  g_clear_pointer (&p->error, hs_diagnostic_free);
}

/* PEG backtracking after an optional part (`+ term`, `.NAME`, ...)
 * failed: rewinds to @mark unless the error is final. The failure is
 * reported later at the furthest token looked at, as CPython does. */
gboolean
_hs_backtrack (HsParser *p,
               int       mark)
{
  if (p->error == NULL || p->error_is_specific)
    return FALSE;
  g_clear_pointer (&p->error, hs_diagnostic_free);
  p->pos = mark;
  return TRUE;
}

gpointer
_hs_not_implemented (HsParser   *p,
                 HsToken    *tok,
                 const char *what)
{
  _hs_error_at_token (p, HS_DIAG_NOT_IMPLEMENTED, tok, "%s", what);
  _hs_mark_specific (p);
  return NULL;
}

/* Entry points ------------------------------------------------------ */

static void
parser_init (HsParser   *p,
             HsTokens   *toks,
             const char *filename,
             HsArena    *arena)
{
  memset (p, 0, sizeof *p);
  p->arena = arena;
  p->filename = filename;
  p->toks = toks;
  p->tokens = toks->items;
  p->names = g_hash_table_new (g_str_hash, g_str_equal);
  p->work_budget = MIN ((gint64) toks->len * 32 + 100000, HS_PARSER_MAX_WORK);
  p->work_left = p->work_budget;
}

/* Which error CPython would show: tokenizer errors it raises at once
 * beat any parser error (it re-tokenizes the rest of the file after a
 * syntax error); an unclosed bracket beats errors on later lines. */
static HsDiagnostic *
choose_error (HsParser *p)
{
  HsTokens *toks = p->toks;
  HsDiagnostic *parser_error = p->error;
  gboolean generic_indent;

  if (toks->error == NULL)
    return g_steal_pointer (&p->error);

  generic_indent = parser_error != NULL &&
                   parser_error->kind == HS_DIAG_INDENTATION_ERROR &&
                   (g_str_equal (parser_error->message, "unexpected indent") ||
                    g_str_equal (parser_error->message, "unexpected unindent"));

  if ((!toks->error_is_deferred && !generic_indent) ||
      (toks->unclosed_line > 0 && parser_error != NULL && !generic_indent &&
       p->tokens[p->max_fill].line > toks->unclosed_line))
    {
      g_clear_pointer (&p->error, hs_diagnostic_free);
      return g_steal_pointer (&toks->error);
    }
  return g_steal_pointer (&p->error);
}

/**
 * hs_parse:
 * @source: UTF-8 source (any bytes are handled)
 * @len: its length in bytes
 * @filename: the name errors and the module carry
 * @arena: where every node goes
 * @error: (out): the error when parsing fails
 *
 * Parses a file the way `python3 FILE` does, with CPython 3.11's messages
 * and positions for syntax errors.
 *
 * Returns: (nullable): the module, in @arena
 */
HsModule *
hs_parse (const char    *source,
          gsize          len,
          const char    *filename,
          HsArena       *arena,
          HsDiagnostic **error)
{
  g_autoptr(HsTokens) toks = NULL;
  HsParser p;
  HsVec body = { 0 };
  HsModule *mod;

  g_return_val_if_fail (source != NULL || len == 0, NULL);
  g_return_val_if_fail (arena != NULL, NULL);

  if (filename == NULL)
    filename = "<string>";

  if (len > HS_PARSER_MAX_SOURCE_BYTES)
    {
      if (error != NULL)
        *error = hs_diagnostic_new (HS_DIAG_LIMIT, filename, 0, 0,
                                    "source is too large (%" G_GSIZE_FORMAT " bytes; "
                                    "Heapscope reads at most %d bytes)",
                                    len, HS_PARSER_MAX_SOURCE_BYTES);
      return NULL;
    }

  toks = hs_tokenize (source ? source : "", len, filename, arena);
  parser_init (&p, toks, filename, arena);

  while (!_hs_check (&p, HS_TOK_ENDMARKER))
    if (!_hs_parse_statement (&p, &body))
      {
        if (p.error == NULL)
          _hs_syntax_error (&p);
        break;
      }

  g_hash_table_unref (p.names);
  if (p.error != NULL)
    {
      HsDiagnostic *diag = choose_error (&p);

      if (error != NULL)
        *error = diag;
      else
        hs_diagnostic_free (diag);
      g_clear_pointer (&p.error, hs_diagnostic_free);
      return NULL;
    }

  mod = hs_arena_new0 (arena, HsModule);
  mod->body = STMT_LIST (body);
  mod->filename = hs_arena_strdup (arena, filename);
  mod->lines = toks->lines;
  mod->n_lines = toks->n_lines;
  return mod;
}
