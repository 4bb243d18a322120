/* hs-parser-string.c — string literals: prefixes, escapes, concatenation, f-strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11 lexes a whole literal as one STRING token and does the rest
 * in Parser/string_parser.c; this file follows it. An f-string's
 * replacement field is parsed as CPython does it: its text, wrapped as
 * "(expr)", is tokenized and parsed on its own (hs_tokenize_fragment()).
 * Errors without a location of their own sit on the token after the
 * literals, where CPython's RAISE_SYNTAX_ERROR puts them.
 */

#include "config.h"

#include <string.h>

#include "hs-parser-private.h"

typedef struct
{
  HsToken    *first;       /* the concatenation's first and last tokens */
  HsToken    *last;
  HsToken    *t;           /* the token being parsed */
  gboolean    raw;
  /* Where position_in_token() stopped last: fields come in order, so
   * finding each one's column stays linear. */
  const char *scan;
  int         scan_line;
  int         scan_col;
} StrCtx;

/* CPython's FstringParser */
typedef struct
{
  GString  *last_str;      /* literal text not yet turned into a Constant */
  HsVec     values;
  gboolean  fmode;
} FstringState;

static gpointer
string_error (HsParser   *p,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static gpointer
string_error (HsParser   *p,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;
  HsToken *tok = _hs_peek (p);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, tok, "%s", message);
  _hs_mark_specific (p);
  return NULL;
}


/* Escapes ------------------------------------------------------------ */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* CPython feeds the codec a copy where each non-ASCII character became a
 * 10-byte \UXXXXXXXX escape; error positions count in that copy. */
static gsize
codec_position (const char *start,
                const char *p)
{
  gsize pos = 0;

  while (start < p)
    {
      if ((guchar) *start >= 0x80)
        {
          start = g_utf8_next_char (start);
          pos += 10;
        }
      else
        {
          start++;
          pos++;
        }
    }
  return pos;
}

static gpointer
codec_error (HsParser   *p,
             const char *body,
             const char *start,
             const char *end,
             const char *reason)
{
  gsize a = codec_position (body, start), b = codec_position (body, end);

  if (b - a == 1)
    return string_error (p, "(unicode error) 'unicodeescape' codec can't decode byte 0x5c "
                         "in position %" G_GSIZE_FORMAT ": %s", a, reason);
  return string_error (p, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                       "position %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ": %s",
                       a, b - 1, reason);
}

/* Appends the str literal text [s, end) with its escapes processed
 * (CPython's decode_unicode_with_escapes()). Unknown escapes stay as
 * they are. */
static gboolean
decode_str_escapes (HsParser   *p,
                    GString    *out,
                    const char *s,
                    const char *end)
{
  const char *body = s;

  while (s < end)
    {
      const char *esc = s;
      int count = 0;
      const char *message = NULL;
      gunichar ch = 0;
      char c;

      if (*s != '\\')
        {
          g_string_append_c (out, *s++);
          continue;
        }
      s++;
      if (s >= end || (guchar) *s >= 0x80)
        {
          /* A backslash before a non-ASCII character stays literal. */
          g_string_append_c (out, '\\');
          continue;
        }
      c = *s++;
      switch (c)
        {
        case '\n': continue;
        case '\\': g_string_append_c (out, '\\'); continue;
        case '\'': g_string_append_c (out, '\''); continue;
        case '"':  g_string_append_c (out, '"'); continue;
        case 'a':  g_string_append_c (out, '\a'); continue;
        case 'b':  g_string_append_c (out, '\b'); continue;
        case 'f':  g_string_append_c (out, '\f'); continue;
        case 'n':  g_string_append_c (out, '\n'); continue;
        case 'r':  g_string_append_c (out, '\r'); continue;
        case 't':  g_string_append_c (out, '\t'); continue;
        case 'v':  g_string_append_c (out, '\v'); continue;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
          ch = c - '0';
          if (s < end && *s >= '0' && *s <= '7')
            {
              ch = ch * 8 + (*s++ - '0');
              if (s < end && *s >= '0' && *s <= '7')
                ch = ch * 8 + (*s++ - '0');
            }
          g_string_append_unichar (out, ch);
          continue;
        case 'x':
          count = 2;
          message = "truncated \\xXX escape";
          break;
        case 'u':
          count = 4;
          message = "truncated \\uXXXX escape";
          break;
        case 'U':
          count = 8;
          message = "truncated \\UXXXXXXXX escape";
          break;
        case 'N':
          return _hs_not_implemented (p, _hs_peek (p),
                                  "\\N{...} escapes are not supported in Heapscope") != NULL;
        default:
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          continue;
        }

      for (; count > 0; count--, s++)
        {
          int v = s < end ? hex_value (*s) : -1;

          if (v < 0)
            return codec_error (p, body, esc, s, message) != NULL;
          ch = (ch << 4) | v;
        }
      if (ch > 0x10FFFF)
        return codec_error (p, body, esc, s, "illegal Unicode character") != NULL;
      g_string_append_unichar (out, ch);
    }
  return TRUE;
}

/* CPython's _PyBytes_DecodeEscape() */
static gboolean
decode_bytes_escapes (HsParser   *p,
                      GString    *out,
                      const char *s,
                      const char *end)
{
  const char *body = s;

  while (s < end)
    {
      char c;
      int v;

      if (*s != '\\')
        {
          g_string_append_c (out, *s++);
          continue;
        }
      s++;
      if (s >= end)
        return string_error (p, "(value error) Trailing \\ in string") != NULL;
      c = *s++;
      switch (c)
        {
        case '\n': continue;
        case '\\': g_string_append_c (out, '\\'); continue;
        case '\'': g_string_append_c (out, '\''); continue;
        case '"':  g_string_append_c (out, '"'); continue;
        case 'a':  g_string_append_c (out, '\a'); continue;
        case 'b':  g_string_append_c (out, '\b'); continue;
        case 'f':  g_string_append_c (out, '\f'); continue;
        case 'n':  g_string_append_c (out, '\n'); continue;
        case 'r':  g_string_append_c (out, '\r'); continue;
        case 't':  g_string_append_c (out, '\t'); continue;
        case 'v':  g_string_append_c (out, '\v'); continue;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
          v = c - '0';
          if (s < end && *s >= '0' && *s <= '7')
            {
              v = v * 8 + (*s++ - '0');
              if (s < end && *s >= '0' && *s <= '7')
                v = v * 8 + (*s++ - '0');
            }
          g_string_append_c (out, (char) (v & 0xFF));
          continue;
        case 'x':
          if (end - s >= 2 && hex_value (s[0]) >= 0 && hex_value (s[1]) >= 0)
            {
              g_string_append_c (out, (char) (hex_value (s[0]) * 16 + hex_value (s[1])));
              s += 2;
              continue;
            }
          return string_error (p, "(value error) invalid \\x escape at position %d",
                               (int) (s - 2 - body)) != NULL;
        default:
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          continue;
        }
    }
  return TRUE;
}

/* f-strings ------------------------------------------------------------ */

static void
concat_literal (FstringState *state,
                const char   *text,
                gsize         len)
{
  if (len == 0)
    return;
  if (state->last_str == NULL)
    state->last_str = g_string_new (NULL);
  g_string_append_len (state->last_str, text, len);
}

static HsExpr *
str_node (HsParser *p,
          GString  *text,
          HsToken  *first,
          HsToken  *last)
{
  HsLoc start = _hs_token_loc (first), end = _hs_token_loc (last);
  HsExpr *e = _hs_expr_new (p, HS_EXPR_CONSTANT, &start, &end);

  e->v.constant.kind = HS_CONST_STR;
  e->v.constant.str = hs_arena_strndup (p->arena, text ? text->str : "", text ? text->len : 0);
  e->v.constant.len = text ? text->len : 0;
  return e;
}

static void
flush_literal (HsParser     *p,
               FstringState *state,
               HsToken      *first,
               HsToken      *last)
{
  if (state->last_str == NULL)
    return;
  _hs_vec_push (p, &state->values, str_node (p, state->last_str, first, last));
  g_string_free (state->last_str, TRUE);
  state->last_str = NULL;
}

static HsExpr *fstring_parse (HsParser    *p,
                              StrCtx      *ctx,
                              const char **str,
                              const char  *end,
                              int          recurse_lvl);

/* The literal text up to an undoubled '{' (or a '}' ending a nested
 * format spec). Returns -1 on error, 1 after a doubled brace (the
 * caller loops), 0 otherwise. */
static int
fstring_find_literal (HsParser     *p,
                      StrCtx       *ctx,
                      const char  **str,
                      const char   *end,
                      int           recurse_lvl,
                      FstringState *state)
{
  const char *s = *str;
  const char *literal_start = s;
  int result = 0;

  while (s < end)
    {
      char ch = *s++;

      if (!ctx->raw && ch == '\\' && s < end)
        {
          ch = *s++;
          if (ch == 'N')
            {
              /* Skip "\N{name}" so its braces are not a field. */
              if (s < end && *s++ == '{')
                while (s < end && *s++ != '}')
                  ;
              continue;
            }
        }
      if (ch == '{' || ch == '}')
        {
          if (recurse_lvl == 0)
            {
              if (s < end && *s == ch)
                {
                  *str = s + 1;
                  result = 1;
                  goto done;
                }
              if (ch == '}')
                {
                  *str = s - 1;
                  string_error (p, "f-string: single '}' is not allowed");
                  return -1;
                }
            }
          s--;
          break;
        }
    }
  *str = s;

done:
  if (literal_start != s)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (ctx->raw)
        g_string_append_len (text, literal_start, s - literal_start);
      else if (!decode_str_escapes (p, text, literal_start, s))
        return -1;
      concat_literal (state, text->str, text->len);
    }
  return result;
}

static gboolean
is_fstring_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

/* The line and column of @pos inside the token being parsed. */
static void
position_in_token (HsParser   *p,
                   StrCtx     *ctx,
                   const char *pos,
                   int        *line,
                   int        *col)
{
  const char *c;

  if (ctx->scan == NULL || pos < ctx->scan)
    {
      _hs_token_text (p, ctx->t, &ctx->scan);
      ctx->scan_line = ctx->t->line;
      ctx->scan_col = ctx->t->col;
    }
  for (c = ctx->scan; c < pos; c++)
    if (*c == '\n')
      {
        ctx->scan_line++;
        ctx->scan_col = 0;
        ctx->scan = c + 1;
      }
  ctx->scan_col += hs_utf8_columns (ctx->scan, pos - ctx->scan);
  ctx->scan = pos;
  *line = ctx->scan_line;
  *col = ctx->scan_col;
}

/* Parses the replacement field text [start, end), as CPython's
 * fstring_compile_expr(): "(expr)" tokenized and parsed on its own. */
static HsExpr *
fstring_compile_expr (HsParser   *p,
                      StrCtx     *ctx,
                      const char *start,
                      const char *end)
{
  const char *s;
  g_autofree char *text = NULL;
  g_autoptr(HsTokens) toks = NULL;
  HsLexOrigin origin;
  int line, col;
  HsTokens *saved_toks = p->toks;
  HsToken *saved_tokens = p->tokens;
  int saved_pos = p->pos, saved_fill = p->fill, saved_max_fill = p->max_fill;
  gboolean saved_in_fstring = p->in_fstring;
  int saved_shift = p->fstring_col_shift;
  HsExpr *e = NULL;

  for (s = start; s < end && is_fstring_space (*s); s++)
    ;
  if (s == end)
    {
      if (*end == '!' || *end == ':' || *end == '=')
        return string_error (p, "f-string: expression required before '%c'", *end);
      return string_error (p, "f-string: empty expression not allowed");
    }

  /* The '(' sits where the '{' was. */
  position_in_token (p, ctx, start - 1, &line, &col);
  origin.line_offset = line - 1;
  origin.col_shift = col;
  text = g_strdup_printf ("(%.*s)", (int) (end - start), start);
  toks = hs_tokenize_fragment (text, strlen (text), p->filename, &origin, p->arena);

  if (!_hs_enter (p))
    return NULL;
  p->toks = toks;
  p->tokens = toks->items;
  p->pos = 0;
  p->fill = 0;
  p->max_fill = 0;
  p->in_fstring = TRUE;
  p->fstring_col_shift = col;

  e = _hs_parse_star_expressions (p);
  if (e != NULL && !_hs_check (p, HS_TOK_ENDMARKER))
    e = _hs_syntax_error (p);
  if (e == NULL && toks->error != NULL && !toks->error_is_deferred)
    {
      /* As in a file, a tokenizer error beats the parser's. */
      g_clear_pointer (&p->error, hs_diagnostic_free);
      p->error = hs_diagnostic_copy (toks->error);
      p->error_is_specific = TRUE;
    }

  p->toks = saved_toks;
  p->tokens = saved_tokens;
  p->pos = saved_pos;
  p->fill = saved_fill;
  p->max_fill = saved_max_fill;
  p->in_fstring = saved_in_fstring;
  p->fstring_col_shift = saved_shift;
  _hs_leave (p);
  if (e == NULL)
    _hs_mark_specific (p);
  return e;
}

/* A replacement field from '{' to its '}' (CPython's fstring_find_expr());
 * returns a FormattedValue, adding any "expr=" text to @state. */
static HsExpr *
fstring_find_expr (HsParser     *p,
                   StrCtx       *ctx,
                   const char  **str,
                   const char   *end,
                   int           recurse_lvl,
                   FstringState *state)
{
  const char *expr_start, *expr_end;
  HsExpr *value, *format_spec = NULL, *e;
  int conversion = -1;
  gboolean self_documenting = FALSE;
  char quote_char = 0;
  int string_type = 0;
  int nested_depth = 0;
  char parenstack[200];
  HsLoc start, stop;

  if (recurse_lvl >= 2)
    return string_error (p, "f-string: expressions nested too deeply");

  *str += 1;  /* '{' */
  expr_start = *str;
  for (; *str < end; (*str)++)
    {
      char ch = **str;

      if (ch == '\\')
        return string_error (p, "f-string expression part cannot include a backslash");
      if (quote_char)
        {
          if (ch == quote_char)
            {
              if (string_type == 3)
                {
                  if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch)
                    {
                      *str += 2;
                      string_type = 0;
                      quote_char = 0;
                    }
                }
              else
                {
                  string_type = 0;
                  quote_char = 0;
                }
            }
          continue;
        }
      if (ch == '\'' || ch == '"')
        {
          if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch)
            {
              string_type = 3;
              *str += 2;
            }
          else
            string_type = 1;
          quote_char = ch;
        }
      else if (ch == '[' || ch == '{' || ch == '(')
        {
          if (nested_depth >= (int) sizeof parenstack)
            return string_error (p, "f-string: too many nested parenthesis");
          parenstack[nested_depth++] = ch;
        }
      else if (ch == '#')
        return string_error (p, "f-string expression part cannot include '#'");
      else if (nested_depth == 0 &&
               (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'))
        {
          if (*str + 1 < end)
            {
              char next = (*str)[1];

              if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                  (ch == '<' && next == '=') || (ch == '>' && next == '='))
                {
                  *str += 1;
                  continue;
                }
            }
          if (ch == '>' || ch == '<')
            continue;
          break;
        }
      else if (ch == ']' || ch == '}' || ch == ')')
        {
          char opening;

          if (nested_depth == 0)
            return string_error (p, "f-string: unmatched '%c'", ch);
          opening = parenstack[--nested_depth];
          if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                (opening == '{' && ch == '}')))
            return string_error (p, "f-string: closing parenthesis '%c' does not match "
                                 "opening parenthesis '%c'", ch, opening);
        }
    }
  expr_end = *str;
  if (quote_char)
    return string_error (p, "f-string: unterminated string");
  if (nested_depth)
    return string_error (p, "f-string: unmatched '%c'", parenstack[nested_depth - 1]);
  if (*str >= end)
    goto unexpected_end_of_string;

  value = fstring_compile_expr (p, ctx, expr_start, expr_end);
  if (value == NULL)
    return NULL;

  if (**str == '=')
    {
      *str += 1;
      while (*str < end && g_ascii_isspace (**str))
        *str += 1;
      if (*str >= end)
        goto unexpected_end_of_string;
      concat_literal (state, expr_start, *str - expr_start);
      self_documenting = TRUE;
    }

  if (**str == '!')
    {
      *str += 1;
      if (*str >= end)
        goto unexpected_end_of_string;
      conversion = (guchar) **str;
      *str += 1;
      if (conversion != 's' && conversion != 'r' && conversion != 'a')
        return string_error (p, "f-string: invalid conversion character: "
                             "expected 's', 'r', or 'a'");
    }

  if (*str < end && **str == ':')
    {
      *str += 1;
      if (*str >= end)
        goto unexpected_end_of_string;
      format_spec = fstring_parse (p, ctx, str, end, recurse_lvl + 1);
      if (format_spec == NULL)
        return NULL;
    }

  if (*str >= end || **str != '}')
    goto unexpected_end_of_string;
  *str += 1;

  if (self_documenting && format_spec == NULL && conversion == -1)
    conversion = 'r';

  start = _hs_token_loc (ctx->first);
  stop = _hs_token_loc (ctx->last);
  e = _hs_expr_new (p, HS_EXPR_FORMATTEDVALUE, &start, &stop);
  e->v.formatted.value = value;
  e->v.formatted.conversion = conversion;
  e->v.formatted.format_spec = format_spec;
  return e;

unexpected_end_of_string:
  return string_error (p, "f-string: expecting '}'");
}

/* CPython's _PyPegen_FstringParser_ConcatFstring(): the text [*str, end)
 * of one f-string token, or of a nested format spec. */
static gboolean
fstring_concat (HsParser     *p,
                StrCtx       *ctx,
                FstringState *state,
                const char  **str,
                const char   *end,
                int           recurse_lvl)
{
  state->fmode = TRUE;
  for (;;)
    {
      int result = fstring_find_literal (p, ctx, str, end, recurse_lvl, state);
      HsExpr *field;

      if (result < 0)
        return FALSE;
      if (result == 1)
        continue;
      if (*str >= end || **str == '}')
        break;

      field = fstring_find_expr (p, ctx, str, end, recurse_lvl, state);
      if (field == NULL)
        return FALSE;
      flush_literal (p, state, ctx->first, ctx->last);
      _hs_vec_push (p, &state->values, field);
    }

  if (recurse_lvl == 0 && *str < end - 1)
    return string_error (p, "f-string: unexpected end of string") != NULL;
  if (recurse_lvl != 0 && (*str >= end || **str != '}'))
    return string_error (p, "f-string: expecting '}'") != NULL;
  return TRUE;
}

static HsExpr *
fstring_finish (HsParser     *p,
                FstringState *state,
                HsToken      *first,
                HsToken      *last)
{
  HsLoc start, end;
  HsExpr *e;

  if (!state->fmode)
    {
      e = str_node (p, state->last_str, first, last);
      if (state->last_str != NULL)
        g_string_free (state->last_str, TRUE);
      state->last_str = NULL;
      return e;
    }
  flush_literal (p, state, first, last);
  start = _hs_token_loc (first);
  end = _hs_token_loc (last);
  e = _hs_expr_new (p, HS_EXPR_JOINEDSTR, &start, &end);
  e->v.seq.elts = (HsExprList) { (HsExpr **) state->values.items, state->values.len };
  return e;
}

/* A nested format spec: a JoinedStr located on its own token. */
static HsExpr *
fstring_parse (HsParser    *p,
               StrCtx      *ctx,
               const char **str,
               const char  *end,
               int          recurse_lvl)
{
  FstringState state = { 0 };
  HsExpr *e;

  if (!fstring_concat (p, ctx, &state, str, end, recurse_lvl))
    {
      if (state.last_str != NULL)
        g_string_free (state.last_str, TRUE);
      return NULL;
    }
  e = fstring_finish (p, &state, ctx->t, ctx->t);
  return e;
}

/* strings: STRING+ ------------------------------------------------------ */

typedef struct
{
  gboolean    bytes;
  gboolean    raw;
  gboolean    fmt;
  const char *body;     /* between the quotes */
  const char *body_end;
} Literal;

static void
split_literal (HsParser *p,
               HsToken  *tok,
               Literal  *lit)
{
  const char *text;
  gsize len = _hs_token_text (p, tok, &text);
  const char *s = text;
  int quote_size;

  memset (lit, 0, sizeof *lit);
  for (; *s != '\'' && *s != '"'; s++)
    switch (*s)
      {
      case 'b': case 'B': lit->bytes = TRUE; break;
      case 'r': case 'R': lit->raw = TRUE; break;
      case 'f': case 'F': lit->fmt = TRUE; break;
      default: break;
      }
  quote_size = (len - (s - text) >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
  lit->body = s + quote_size;
  lit->body_end = text + len - quote_size;
}

HsExpr *
_hs_parse_strings (HsParser *p)
{
  HsToken *first = _hs_peek (p);
  HsToken *last;
  int start = p->pos;
  FstringState state = { 0 };
  g_autoptr(GString) bytes = NULL;
  gboolean bytesmode = FALSE;
  HsExpr *e = NULL;

  while (_hs_check (p, HS_TOK_STRING))
    _hs_next (p);
  last = _hs_prev (p);
  _hs_peek (p);  /* CPython's errors here sit on the token after */
  if (_hs_failed (p))
    return NULL;

  for (int i = start; i < p->pos; i++)
    {
      HsToken *tok = &p->tokens[i];
      StrCtx ctx = { first, last, tok, FALSE, NULL, 0, 0 };
      Literal lit;

      split_literal (p, tok, &lit);
      ctx.raw = lit.raw;
      if (i != start && lit.bytes != bytesmode)
        {
          string_error (p, "cannot mix bytes and nonbytes literals");
          goto out;
        }
      bytesmode = lit.bytes;

      if (lit.bytes)
        {
          for (const char *c = lit.body; c < lit.body_end; c++)
            if ((guchar) *c >= 0x80)
              {
                _hs_error_at_token (p, HS_DIAG_SYNTAX_ERROR, tok,
                                    "bytes can only contain ASCII literal characters");
                _hs_mark_specific (p);
                goto out;
              }
          if (bytes == NULL)
            bytes = g_string_new (NULL);
          if (lit.raw)
            g_string_append_len (bytes, lit.body, lit.body_end - lit.body);
          else if (!decode_bytes_escapes (p, bytes, lit.body, lit.body_end))
            goto out;
        }
      else if (lit.fmt)
        {
          const char *s = lit.body;

          if (!fstring_concat (p, &ctx, &state, &s, lit.body_end, 0))
            goto out;
        }
      else
        {
          g_autoptr(GString) text = g_string_new (NULL);

          if (lit.raw)
            g_string_append_len (text, lit.body, lit.body_end - lit.body);
          else if (!decode_str_escapes (p, text, lit.body, lit.body_end))
            goto out;
          concat_literal (&state, text->str, text->len);
        }
    }

  if (bytesmode)
    {
      HsLoc a = _hs_token_loc (first), b = _hs_token_loc (last);

      e = _hs_expr_new (p, HS_EXPR_CONSTANT, &a, &b);
      e->v.constant.kind = HS_CONST_BYTES;
      e->v.constant.str = hs_arena_strndup (p->arena, bytes->str, bytes->len);
      e->v.constant.len = bytes->len;
    }
  else
    e = fstring_finish (p, &state, first, last);

out:
  if (state.last_str != NULL)
    g_string_free (state.last_str, TRUE);
  return _hs_failed (p) ? NULL : e;
}
