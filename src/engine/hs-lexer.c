/* hs-lexer.c — Python source text to tokens, as CPython's tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The structure follows CPython 3.11's tok_get() closely so that every
 * error comes out with the same message at the same offset: a reader can
 * hold the two side by side. The whole source is tokenized up front (the
 * parser backtracks over the token array); the first error stops it.
 *
 * Error offsets are CPython's SyntaxError.offset: 1-based, and for most
 * tokenizer errors "the number of characters from the line start to where
 * the tokenizer stood", which is what col_at(lx->pos) computes.
 */

#include "config.h"

#include <string.h>

#include "hs-lexer.h"

#define MAXINDENT 100   /* CPython's MAXINDENT */
#define MAXLEVEL  200   /* CPython's MAXLEVEL: bracket nesting */
#define TABSIZE   8

#define EOF_CHAR (-1)

typedef struct
{
  const char  *buf;          /* NUL-terminated */
  gsize        len;          /* bytes the lexer may read */
  gsize        pos;
  int          line;         /* line of pos, before origin.line_offset */
  gsize        line_start;
  gsize        col_pos;      /* column cache for the current line */
  int          col_val;

  const char  *filename;
  HsLexOrigin  origin;
  const char **lines;
  int          n_lines;

  /* Set when the buffer was cut short at an undecodable line: reaching
   * the end raises this error instead of ending the file. */
  HsDiagnostic *bad_input;

  gboolean     atbol;
  int          indent;
  int          pendin;
  int          indstack[MAXINDENT];
  int          altindstack[MAXINDENT];
  int          level;
  char         paren_char[MAXLEVEL];
  int          paren_line[MAXLEVEL];
  int          paren_col[MAXLEVEL];

  GArray      *tokens;
  HsDiagnostic *error;
  gboolean     error_is_deferred;
  int          unclosed_line;
} HsLexer;

static const struct
{
  const char  *word;
  HsTokenKind  kind;
} keywords[] = {
  { "False", HS_TOK_FALSE }, { "None", HS_TOK_NONE }, { "True", HS_TOK_TRUE },
  { "and", HS_TOK_AND }, { "as", HS_TOK_AS }, { "assert", HS_TOK_ASSERT },
  { "async", HS_TOK_ASYNC }, { "await", HS_TOK_AWAIT }, { "break", HS_TOK_BREAK },
  { "class", HS_TOK_CLASS }, { "continue", HS_TOK_CONTINUE }, { "def", HS_TOK_DEF },
  { "del", HS_TOK_DEL }, { "elif", HS_TOK_ELIF }, { "else", HS_TOK_ELSE },
  { "except", HS_TOK_EXCEPT }, { "finally", HS_TOK_FINALLY }, { "for", HS_TOK_FOR },
  { "from", HS_TOK_FROM }, { "global", HS_TOK_GLOBAL }, { "if", HS_TOK_IF },
  { "import", HS_TOK_IMPORT }, { "in", HS_TOK_IN }, { "is", HS_TOK_IS },
  { "lambda", HS_TOK_LAMBDA }, { "nonlocal", HS_TOK_NONLOCAL }, { "not", HS_TOK_NOT },
  { "or", HS_TOK_OR }, { "pass", HS_TOK_PASS }, { "raise", HS_TOK_RAISE },
  { "return", HS_TOK_RETURN }, { "try", HS_TOK_TRY }, { "while", HS_TOK_WHILE },
  { "with", HS_TOK_WITH }, { "yield", HS_TOK_YIELD },
};

/* Character input ---------------------------------------------------- */

int
hs_utf8_columns (const char *text,
                 gsize       len)
{
  int n = 0;

  /* Every byte that does not continue a sequence starts a code point. */
  for (gsize i = 0; i < len; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      n++;
  return n;
}

static int
nextc (HsLexer *lx)
{
  if (lx->pos >= lx->len)
    {
      if (lx->bad_input != NULL && lx->error == NULL)
        {
          lx->error = g_steal_pointer (&lx->bad_input);
          lx->error_is_deferred = FALSE;
        }
      return EOF_CHAR;
    }

  /* A line starts when the first character after a '\n' is read, as in
   * CPython where the line counter moves when the next line is fetched. */
  if (lx->pos > lx->line_start && lx->buf[lx->pos - 1] == '\n')
    {
      lx->line++;
      lx->line_start = lx->pos;
      lx->col_pos = lx->pos;
      lx->col_val = 0;
    }
  return (guchar) lx->buf[lx->pos++];
}

static void
backup (HsLexer *lx,
        int      c)
{
  if (c != EOF_CHAR)
    lx->pos--;
}

/* Code points from the start of the current line to @pos. Tokens arrive
 * in order, so the cache keeps this linear on a 1 MB single line. */
static int
col_at (HsLexer *lx,
        gsize    pos)
{
  if (pos < lx->line_start || lx->col_pos < lx->line_start)
    {
      lx->col_pos = lx->line_start;
      lx->col_val = 0;
    }
  else if (pos < lx->col_pos)
    {
      /* A look-ahead was backed up (`x[0][0]…`: a number's end is found one
       * character late); counting back keeps this linear too. */
      lx->col_val -= hs_utf8_columns (lx->buf + pos, lx->col_pos - pos);
      lx->col_pos = pos;
    }
  lx->col_val += hs_utf8_columns (lx->buf + lx->col_pos, pos - lx->col_pos);
  lx->col_pos = pos;
  return lx->col_val;
}

static const char *
line_text (HsLexer *lx,
           int      line)
{
  if (line >= 1 && line <= lx->n_lines)
    return lx->lines[line - 1];
  return NULL;
}

/* Errors -------------------------------------------------------------- */

static void
set_error (HsLexer    *lx,
           HsDiagKind  kind,
           gboolean    deferred,
           int         line,
           int         col,
           int         end_col,
           const char *format,
           ...) G_GNUC_PRINTF (7, 8);

static void
set_error (HsLexer    *lx,
           HsDiagKind  kind,
           gboolean    deferred,
           int         line,
           int         col,
           int         end_col,
           const char *format,
           ...)
{
  HsDiagnostic *diag;
  va_list args;

  if (lx->error != NULL)
    return;

  diag = g_new0 (HsDiagnostic, 1);
  diag->kind = kind;
  diag->filename = g_strdup (lx->filename);
  diag->line = line + lx->origin.line_offset;
  diag->col = col;
  diag->end_line = diag->line;
  diag->end_col = end_col > col ? end_col : col;
  diag->text = g_strdup (line_text (lx, line));
  va_start (args, format);
  diag->message = g_strdup_vprintf (format, args);
  va_end (args);

  lx->error = diag;
  lx->error_is_deferred = deferred;
}

/* CPython's syntaxerror(): the offset is where the tokenizer stands. */
#define error_here(lx, ...) \
  set_error ((lx), HS_DIAG_SYNTAX_ERROR, FALSE, (lx)->line, \
             col_at ((lx), (lx)->pos), 0, __VA_ARGS__)

/* Tokens -------------------------------------------------------------- */

static void
push_token (HsLexer     *lx,
            HsTokenKind  kind,
            int          line,
            int          col,
            int          end_line,
            int          end_col,
            gsize        start,
            gsize        end)
{
  HsToken tok;

  tok.kind = kind;
  tok.line = line + lx->origin.line_offset;
  tok.col = col + (line == 1 ? lx->origin.col_shift : 0);
  tok.end_line = end_line + lx->origin.line_offset;
  tok.end_col = end_col + (end_line == 1 ? lx->origin.col_shift : 0);
  tok.start = (guint32) start;
  tok.end = (guint32) end;
  tok.level = lx->level;
  g_array_append_val (lx->tokens, tok);
}

/* A token from @start (on the current line, or at @line/@col when given
 * by a multi-line string) to the current position. */
static void
emit (HsLexer     *lx,
      HsTokenKind  kind,
      gsize        start)
{
  int col = col_at (lx, start);

  push_token (lx, kind, lx->line, col, lx->line, col_at (lx, lx->pos), start, lx->pos);
}

/* INDENT, DEDENT, ENDMARKER and ERRORTOKEN have no text in CPython; errors
 * reported on them use the tokenizer's current position. */
static void
emit_positionless (HsLexer     *lx,
                   HsTokenKind  kind)
{
  int col = col_at (lx, lx->pos) - 1;

  push_token (lx, kind, lx->line, col, lx->line, col, lx->pos, lx->pos);
}

static gboolean
error_token (HsLexer *lx)
{
  emit_positionless (lx, HS_TOK_ERRORTOKEN);
  return FALSE;
}

/* Identifiers ---------------------------------------------------------- */

static gboolean
is_potential_identifier_start (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static gboolean
is_potential_identifier_char (int c)
{
  return is_potential_identifier_start (c) || (c >= '0' && c <= '9');
}

static gboolean
is_xid_start (gunichar ch)
{
  if (ch == '_' || g_unichar_isalpha (ch))
    return TRUE;
  return g_unichar_type (ch) == G_UNICODE_LETTER_NUMBER;
}

static gboolean
is_xid_continue (gunichar ch)
{
  if (is_xid_start (ch))
    return TRUE;
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Python's str.isprintable() for one character. */
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

static void
invalid_character (HsLexer  *lx,
                   gunichar  ch)
{
  if (is_printable (ch))
    {
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (ch, utf8);
      error_here (lx, "invalid character '%s' (U+%04X)", utf8, ch);
    }
  else
    error_here (lx, "invalid non-printable character U+%04X", ch);
}

/* CPython's verify_identifier(): the token [start, pos) holds non-ASCII
 * bytes; report the first character that cannot be in an identifier, with
 * the tokenizer standing just after it. */
static gboolean
verify_identifier (HsLexer *lx,
                   gsize    start)
{
  const char *p = lx->buf + start;
  const char *end = lx->buf + lx->pos;
  gboolean first = TRUE;

  while (p < end)
    {
      gunichar ch = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (first ? !is_xid_start (ch) : !is_xid_continue (ch))
        {
          lx->pos = next - lx->buf;
          invalid_character (lx, ch);
          return FALSE;
        }
      first = FALSE;
      p = next;
    }
  return TRUE;
}

/* Numbers --------------------------------------------------------------- */

static gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

static gboolean
lookahead (HsLexer    *lx,
           const char *test)
{
  gsize n = strlen (test);

  if (lx->pos + n > lx->len || memcmp (lx->buf + lx->pos, test, n) != 0)
    return FALSE;
  return lx->pos + n >= lx->len ||
         !is_potential_identifier_char ((guchar) lx->buf[lx->pos + n]);
}

/* CPython's verify_end_of_number(): "1if x else y" is still valid (with a
 * warning), "1abc" is an invalid literal. @c has been read. */
static gboolean
verify_end_of_number (HsLexer    *lx,
                      int         c,
                      const char *kind)
{
  gboolean r = FALSE;

  switch (c)
    {
    case 'a': r = lookahead (lx, "nd"); break;
    case 'e': r = lookahead (lx, "lse"); break;
    case 'f': r = lookahead (lx, "or"); break;
    case 'o': r = lookahead (lx, "r"); break;
    case 'n': r = lookahead (lx, "ot"); break;
    case 'i':
      r = lx->pos < lx->len && strchr ("fns", lx->buf[lx->pos]) != NULL &&
          lx->buf[lx->pos] != '\0';
      break;
    default:
      break;
    }
  if (r)
    return TRUE;
  if (is_potential_identifier_char (c))
    {
      backup (lx, c);
      error_here (lx, "invalid %s literal", kind);
      return FALSE;
    }
  return TRUE;
}

/* Digits with single underscores between them; returns the character
 * after them, or 0 after an error. */
static int
decimal_tail (HsLexer *lx)
{
  int c;

  for (;;)
    {
      do
        c = nextc (lx);
      while (is_digit (c));
      if (c != '_')
        break;
      c = nextc (lx);
      if (!is_digit (c))
        {
          backup (lx, c);
          error_here (lx, "invalid decimal literal");
          return 0;
        }
    }
  return c;
}

static gboolean
is_radix_digit (int c,
                int radix)
{
  if (radix == 16)
    return g_ascii_isxdigit (c);
  return c >= '0' && c < '0' + radix;
}

/* 0x, 0o and 0b literals; c is the character after the prefix letter. */
static gboolean
lex_radix_number (HsLexer    *lx,
                  int         radix,
                  const char *kind)
{
  int c = nextc (lx);

  do
    {
      if (c == '_')
        c = nextc (lx);
      if (!is_radix_digit (c, radix))
        {
          if (radix != 16 && is_digit (c))
            {
              error_here (lx, "invalid digit '%c' in %s literal", c, kind);
              return FALSE;
            }
          backup (lx, c);
          error_here (lx, "invalid %s literal", kind);
          return FALSE;
        }
      do
        c = nextc (lx);
      while (is_radix_digit (c, radix));
    }
  while (c == '_');

  if (radix != 16 && is_digit (c))
    {
      error_here (lx, "invalid digit '%c' in %s literal", c, kind);
      return FALSE;
    }
  if (!verify_end_of_number (lx, c, kind))
    return FALSE;
  backup (lx, c);
  return TRUE;
}

/* The fraction, exponent and imaginary parts of a decimal literal; @c is
 * the character after the integer part and @state says where to enter. */
typedef enum { AFTER_INT, AT_FRACTION, AT_EXPONENT, AT_IMAGINARY } NumberState;

static gboolean
lex_decimal_rest (HsLexer     *lx,
                  int          c,
                  NumberState  state)
{
  switch (state)
    {
    case AFTER_INT:
      if (c == '.')
        {
          c = nextc (lx);
          goto fraction;
        }
      if (c == 'e' || c == 'E')
        goto exponent;
      if (c == 'j' || c == 'J')
        goto imaginary;
      break;
    case AT_FRACTION:
      goto fraction;
    case AT_EXPONENT:
      goto exponent;
    case AT_IMAGINARY:
      goto imaginary;
    default:
      g_assert_not_reached ();
    }
  goto end;

fraction:
  if (is_digit (c))
    {
      c = decimal_tail (lx);
      if (c == 0)
        return FALSE;
    }
  if (c == 'e' || c == 'E')
    {
      int e;
exponent:
      e = c;
      c = nextc (lx);
      if (c == '+' || c == '-')
        {
          c = nextc (lx);
          if (!is_digit (c))
            {
              backup (lx, c);
              error_here (lx, "invalid decimal literal");
              return FALSE;
            }
        }
      else if (!is_digit (c))
        {
          backup (lx, c);
          if (!verify_end_of_number (lx, e, "decimal"))
            return FALSE;
          backup (lx, e);
          return TRUE;
        }
      c = decimal_tail (lx);
      if (c == 0)
        return FALSE;
    }
  if (c == 'j' || c == 'J')
    {
imaginary:
      c = nextc (lx);
      if (!verify_end_of_number (lx, c, "imaginary"))
        return FALSE;
      backup (lx, c);
      return TRUE;
    }
end:
  if (!verify_end_of_number (lx, c, "decimal"))
    return FALSE;
  backup (lx, c);
  return TRUE;
}

/* A number starting at @start with the digit @c, or with '.' followed by
 * the digit @c when @after_dot. */
static gboolean
lex_number (HsLexer  *lx,
            int       c,
            gsize     start,
            gboolean  after_dot)
{
  if (after_dot)
    return lex_decimal_rest (lx, c, AT_FRACTION);

  if (c == '0')
    {
      gboolean nonzero = FALSE;
      int zeros_end;

      c = nextc (lx);
      if (c == 'x' || c == 'X')
        return lex_radix_number (lx, 16, "hexadecimal");
      if (c == 'o' || c == 'O')
        return lex_radix_number (lx, 8, "octal");
      if (c == 'b' || c == 'B')
        return lex_radix_number (lx, 2, "binary");

      /* Maybe an old-style octal; "0", "00" and "0_0" are fine. */
      for (;;)
        {
          if (c == '_')
            {
              c = nextc (lx);
              if (!is_digit (c))
                {
                  backup (lx, c);
                  error_here (lx, "invalid decimal literal");
                  return FALSE;
                }
            }
          if (c != '0')
            break;
          c = nextc (lx);
        }
      zeros_end = col_at (lx, lx->pos);
      if (is_digit (c))
        {
          nonzero = TRUE;
          c = decimal_tail (lx);
          if (c == 0)
            return FALSE;
        }
      if (c == '.')
        return lex_decimal_rest (lx, nextc (lx), AT_FRACTION);
      if (c == 'e' || c == 'E')
        return lex_decimal_rest (lx, c, AT_EXPONENT);
      if (c == 'j' || c == 'J')
        return lex_decimal_rest (lx, c, AT_IMAGINARY);
      if (nonzero)
        {
          backup (lx, c);
          set_error (lx, HS_DIAG_SYNTAX_ERROR, FALSE, lx->line, col_at (lx, start) + 1,
                     zeros_end, "leading zeros in decimal integer literals are not "
                     "permitted; use an 0o prefix for octal integers");
          return FALSE;
        }
      if (!verify_end_of_number (lx, c, "decimal"))
        return FALSE;
      backup (lx, c);
      return TRUE;
    }

  c = decimal_tail (lx);
  if (c == 0)
    return FALSE;
  return lex_decimal_rest (lx, c, AFTER_INT);
}

/* Strings ------------------------------------------------------------- */

/* The body of a string literal after its prefix; @quote has been read.
 * Escapes are only skipped here: decoding them is the parser's business,
 * as in CPython. */
static gboolean
lex_string (HsLexer *lx,
            int      quote,
            gsize    start,
            int      start_line,
            int      start_col)
{
  int quote_size = 1;
  int end_quote_size = 0;
  int c;

  c = nextc (lx);
  if (c == quote)
    {
      c = nextc (lx);
      if (c == quote)
        quote_size = 3;
      else
        end_quote_size = 1;  /* the empty string */
    }
  if (c != quote)
    backup (lx, c);

  while (end_quote_size != quote_size)
    {
      c = nextc (lx);
      if (lx->error != NULL)
        return FALSE;
      if (c == EOF_CHAR || (quote_size == 1 && c == '\n'))
        {
          /* Reported at the opening quote's token, as CPython does. */
          int detected = lx->line;

          set_error (lx, HS_DIAG_SYNTAX_ERROR, FALSE, start_line, start_col + 1, 0,
                     quote_size == 3
                     ? "unterminated triple-quoted string literal (detected at line %d)"
                     : "unterminated string literal (detected at line %d)",
                     detected + lx->origin.line_offset);
          return FALSE;
        }
      if (c == quote)
        end_quote_size++;
      else
        {
          end_quote_size = 0;
          if (c == '\\')
            nextc (lx);
        }
    }

  push_token (lx, HS_TOK_STRING, start_line, start_col, lx->line, col_at (lx, lx->pos),
              start, lx->pos);
  return TRUE;
}

/* Operators ------------------------------------------------------------ */

static HsTokenKind
one_char (int c)
{
  switch (c)
    {
    case '(': return HS_TOK_LPAR;
    case ')': return HS_TOK_RPAR;
    case '[': return HS_TOK_LSQB;
    case ']': return HS_TOK_RSQB;
    case '{': return HS_TOK_LBRACE;
    case '}': return HS_TOK_RBRACE;
    case ':': return HS_TOK_COLON;
    case ',': return HS_TOK_COMMA;
    case ';': return HS_TOK_SEMI;
    case '+': return HS_TOK_PLUS;
    case '-': return HS_TOK_MINUS;
    case '*': return HS_TOK_STAR;
    case '/': return HS_TOK_SLASH;
    case '|': return HS_TOK_VBAR;
    case '&': return HS_TOK_AMPER;
    case '<': return HS_TOK_LESS;
    case '>': return HS_TOK_GREATER;
    case '=': return HS_TOK_EQUAL;
    case '.': return HS_TOK_DOT;
    case '%': return HS_TOK_PERCENT;
    case '~': return HS_TOK_TILDE;
    case '^': return HS_TOK_CIRCUMFLEX;
    case '@': return HS_TOK_AT;
    default:  return HS_TOK_OP;
    }
}

/* HS_TOK_OP when @c1 @c2 is not a two-character token. */
static HsTokenKind
two_chars (int c1,
           int c2)
{
  switch (c1)
    {
    case '!': return c2 == '=' ? HS_TOK_NOTEQUAL : HS_TOK_OP;
    case '%': return c2 == '=' ? HS_TOK_PERCENTEQUAL : HS_TOK_OP;
    case '&': return c2 == '=' ? HS_TOK_AMPEREQUAL : HS_TOK_OP;
    case '*':
      if (c2 == '*') return HS_TOK_DOUBLESTAR;
      return c2 == '=' ? HS_TOK_STAREQUAL : HS_TOK_OP;
    case '+': return c2 == '=' ? HS_TOK_PLUSEQUAL : HS_TOK_OP;
    case '-':
      if (c2 == '>') return HS_TOK_RARROW;
      return c2 == '=' ? HS_TOK_MINEQUAL : HS_TOK_OP;
    case '/':
      if (c2 == '/') return HS_TOK_DOUBLESLASH;
      return c2 == '=' ? HS_TOK_SLASHEQUAL : HS_TOK_OP;
    case ':': return c2 == '=' ? HS_TOK_COLONEQUAL : HS_TOK_OP;
    case '<':
      if (c2 == '<') return HS_TOK_LEFTSHIFT;
      return c2 == '=' ? HS_TOK_LESSEQUAL : HS_TOK_OP;
    case '=': return c2 == '=' ? HS_TOK_EQEQUAL : HS_TOK_OP;
    case '>':
      if (c2 == '=') return HS_TOK_GREATEREQUAL;
      return c2 == '>' ? HS_TOK_RIGHTSHIFT : HS_TOK_OP;
    case '@': return c2 == '=' ? HS_TOK_ATEQUAL : HS_TOK_OP;
    case '^': return c2 == '=' ? HS_TOK_CIRCUMFLEXEQUAL : HS_TOK_OP;
    case '|': return c2 == '=' ? HS_TOK_VBAREQUAL : HS_TOK_OP;
    default:  return HS_TOK_OP;
    }
}

static HsTokenKind
three_chars (HsTokenKind two,
             int         c3)
{
  if (c3 != '=')
    return HS_TOK_OP;
  switch (two)
    {
    case HS_TOK_DOUBLESTAR:  return HS_TOK_DOUBLESTAREQUAL;
    case HS_TOK_DOUBLESLASH: return HS_TOK_DOUBLESLASHEQUAL;
    case HS_TOK_LEFTSHIFT:   return HS_TOK_LEFTSHIFTEQUAL;
    case HS_TOK_RIGHTSHIFT:  return HS_TOK_RIGHTSHIFTEQUAL;
    default:                 return HS_TOK_OP;
    }
}

/* The token loop ------------------------------------------------------- */

/* CPython's tok_continuation_line(): a backslash must end its line. */
static int
continuation_line (HsLexer *lx)
{
  int c = nextc (lx);

  if (c != '\n')
    {
      set_error (lx, HS_DIAG_SYNTAX_ERROR, TRUE, lx->line, col_at (lx, lx->pos), 0,
                 "unexpected character after line continuation character");
      return -1;
    }
  c = nextc (lx);
  if (c == EOF_CHAR)
    {
      if (lx->level > 0)
        {
          int i = lx->level - 1;

          set_error (lx, HS_DIAG_SYNTAX_ERROR, TRUE, lx->paren_line[i],
                     lx->paren_col[i] + 1, 0, "'%c' was never closed", lx->paren_char[i]);
          lx->unclosed_line = lx->paren_line[i] + lx->origin.line_offset;
        }
      else
        set_error (lx, HS_DIAG_SYNTAX_ERROR, TRUE, lx->line, col_at (lx, lx->pos), 0,
                   "unexpected EOF while parsing");
      return -1;
    }
  backup (lx, c);
  return c;
}

/* Indentation at the start of a logical line, CPython's rules: tabs to
 * multiples of 8 for `col`, 1 for `altcol`; both must agree on the order
 * of levels or it is a TabError. Returns FALSE after an error. */
static gboolean
lex_indentation (HsLexer  *lx,
                 gboolean *blankline)
{
  int col = 0, altcol = 0, cont_line_col = 0;
  int c;

  lx->atbol = FALSE;
  for (;;)
    {
      c = nextc (lx);
      if (c == ' ')
        col++, altcol++;
      else if (c == '\t')
        {
          col = (col / TABSIZE + 1) * TABSIZE;
          altcol++;
        }
      else if (c == '\f')
        col = altcol = 0;
      else if (c == '\\')
        {
          cont_line_col = cont_line_col ? cont_line_col : col;
          if (continuation_line (lx) == -1)
            return FALSE;
        }
      else
        break;
    }
  backup (lx, c);

  /* Lines with only whitespace and/or a comment do not count. */
  *blankline = (c == '#' || c == '\n');
  if (*blankline || lx->level != 0)
    return TRUE;

  if (cont_line_col)
    col = altcol = cont_line_col;

  if (col == lx->indstack[lx->indent])
    {
      if (altcol != lx->altindstack[lx->indent])
        goto tab_error;
    }
  else if (col > lx->indstack[lx->indent])
    {
      if (lx->indent + 1 >= MAXINDENT)
        {
          set_error (lx, HS_DIAG_INDENTATION_ERROR, TRUE, lx->line, 1, 0,
                     "too many levels of indentation");
          return FALSE;
        }
      if (altcol <= lx->altindstack[lx->indent])
        goto tab_error;
      lx->pendin++;
      lx->indstack[++lx->indent] = col;
      lx->altindstack[lx->indent] = altcol;
    }
  else
    {
      while (lx->indent > 0 && col < lx->indstack[lx->indent])
        {
          lx->pendin--;
          lx->indent--;
        }
      if (col != lx->indstack[lx->indent])
        {
          /* CPython stands at the end of the line, after its '\n'. */
          const char *text = line_text (lx, lx->line);
          int chars = text ? g_utf8_strlen (text, -1) + 1 : col_at (lx, lx->pos);

          set_error (lx, HS_DIAG_INDENTATION_ERROR, TRUE, lx->line, chars, 0,
                     "unindent does not match any outer indentation level");
          return FALSE;
        }
      if (altcol != lx->altindstack[lx->indent])
        goto tab_error;
    }
  return TRUE;

tab_error:
  set_error (lx, HS_DIAG_TAB_ERROR, TRUE, lx->line, 1, 0,
             "inconsistent use of tabs and spaces in indentation");
  return FALSE;
}

static gboolean
lex_brackets (HsLexer *lx,
              int      c,
              gsize    start)
{
  switch (c)
    {
    case '(':
    case '[':
    case '{':
      if (lx->level >= MAXLEVEL)
        {
          error_here (lx, "too many nested parentheses");
          return FALSE;
        }
      lx->paren_char[lx->level] = (char) c;
      lx->paren_line[lx->level] = lx->line;
      lx->paren_col[lx->level] = col_at (lx, start);
      lx->level++;
      break;

    case ')':
    case ']':
    case '}':
      {
        int opening;

        if (lx->level == 0)
          {
            error_here (lx, "unmatched '%c'", c);
            return FALSE;
          }
        lx->level--;
        opening = lx->paren_char[lx->level];
        if (!((opening == '(' && c == ')') ||
              (opening == '[' && c == ']') ||
              (opening == '{' && c == '}')))
          {
            if (lx->paren_line[lx->level] != lx->line)
              error_here (lx, "closing parenthesis '%c' does not match "
                          "opening parenthesis '%c' on line %d", c, opening,
                          lx->paren_line[lx->level] + lx->origin.line_offset);
            else
              error_here (lx, "closing parenthesis '%c' does not match "
                          "opening parenthesis '%c'", c, opening);
            return FALSE;
          }
      }
      break;

    default:
      break;
    }
  return TRUE;
}

/* One call emits one token (CPython's tok_get()); returns FALSE once the
 * ENDMARKER or an ERRORTOKEN is out. */
static gboolean
next_token (HsLexer *lx)
{
  gboolean blankline = FALSE;
  gsize start;
  int c;

nextline:
  if (lx->atbol && !lex_indentation (lx, &blankline))
    return error_token (lx);

  if (lx->pendin != 0)
    {
      if (lx->pendin < 0)
        {
          lx->pendin++;
          emit_positionless (lx, HS_TOK_DEDENT);
        }
      else
        {
          lx->pendin--;
          emit_positionless (lx, HS_TOK_INDENT);
        }
      return TRUE;
    }

again:
  do
    c = nextc (lx);
  while (c == ' ' || c == '\t' || c == '\f');
  start = c == EOF_CHAR ? lx->pos : lx->pos - 1;

  if (c == '#')
    while (c != EOF_CHAR && c != '\n')
      c = nextc (lx);

  if (lx->error != NULL)
    return error_token (lx);

  if (c == EOF_CHAR)
    {
      if (lx->level > 0)
        {
          int i = lx->level - 1;

          set_error (lx, HS_DIAG_SYNTAX_ERROR, TRUE, lx->paren_line[i],
                     lx->paren_col[i] + 1, 0, "'%c' was never closed", lx->paren_char[i]);
          lx->unclosed_line = lx->paren_line[i] + lx->origin.line_offset;
          return error_token (lx);
        }
      emit_positionless (lx, HS_TOK_ENDMARKER);
      return FALSE;
    }

  /* Identifiers, keywords and prefixed strings */
  if (is_potential_identifier_start (c))
    {
      gboolean saw_b = FALSE, saw_r = FALSE, saw_u = FALSE, saw_f = FALSE;
      gboolean nonascii = FALSE;
      gsize len;

      for (;;)
        {
          if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = TRUE;
          else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = TRUE;
          else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = TRUE;
          else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = TRUE;
          else
            break;
          c = nextc (lx);
          if (c == '"' || c == '\'')
            {
              int line = lx->line;

              if (!lex_string (lx, c, start, line, col_at (lx, start)))
                return error_token (lx);
              return TRUE;
            }
        }
      while (is_potential_identifier_char (c))
        {
          if (c >= 128)
            nonascii = TRUE;
          c = nextc (lx);
        }
      backup (lx, c);
      if (nonascii && !verify_identifier (lx, start))
        return error_token (lx);

      len = lx->pos - start;
      if (!nonascii)
        for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
          if (strlen (keywords[i].word) == len &&
              memcmp (keywords[i].word, lx->buf + start, len) == 0)
            {
              emit (lx, keywords[i].kind, start);
              return TRUE;
            }
      emit (lx, HS_TOK_NAME, start);
      return TRUE;
    }

  if (c == '\n')
    {
      lx->atbol = TRUE;
      if (blankline || lx->level > 0)
        {
          blankline = FALSE;
          goto nextline;
        }
      /* From a trailing comment's '#' (CPython keeps tok->start there) to
       * the '\n', which is left out. */
      push_token (lx, HS_TOK_NEWLINE, lx->line, col_at (lx, start), lx->line,
                  col_at (lx, lx->pos - 1), start, lx->pos - 1);
      return TRUE;
    }

  if (c == '.')
    {
      c = nextc (lx);
      if (is_digit (c))
        {
          if (!lex_number (lx, c, start, TRUE))
            return error_token (lx);
          emit (lx, HS_TOK_NUMBER, start);
          return TRUE;
        }
      if (c == '.')
        {
          c = nextc (lx);
          if (c == '.')
            {
              emit (lx, HS_TOK_ELLIPSIS, start);
              return TRUE;
            }
          backup (lx, c);
          backup (lx, '.');
        }
      else
        backup (lx, c);
      emit (lx, HS_TOK_DOT, start);
      return TRUE;
    }

  if (is_digit (c))
    {
      if (!lex_number (lx, c, start, FALSE))
        return error_token (lx);
      emit (lx, HS_TOK_NUMBER, start);
      return TRUE;
    }

  if (c == '\'' || c == '"')
    {
      if (!lex_string (lx, c, start, lx->line, col_at (lx, start)))
        return error_token (lx);
      return TRUE;
    }

  if (c == '\\')
    {
      if (continuation_line (lx) == -1)
        return error_token (lx);
      goto again;
    }

  /* Two- and three-character operators */
  {
    int c2 = nextc (lx);
    HsTokenKind kind;

    if (c == '<' && c2 == '>')
      {
        /* A token, but only barry_as_FLUFL accepts it. */
        emit (lx, HS_TOK_OP, start);
        return TRUE;
      }
    kind = two_chars (c, c2);
    if (kind != HS_TOK_OP)
      {
        int c3 = nextc (lx);
        HsTokenKind kind3 = three_chars (kind, c3);

        if (kind3 != HS_TOK_OP)
          kind = kind3;
        else
          backup (lx, c3);
        emit (lx, kind, start);
        return TRUE;
      }
    backup (lx, c2);
  }

  if (!lex_brackets (lx, c, start))
    return error_token (lx);

  if (c < 128 && !g_ascii_isprint (c))
    {
      error_here (lx, "invalid non-printable character U+%04X", c);
      return error_token (lx);
    }

  emit (lx, one_char (c), start);
  return TRUE;
}

/* Set-up ---------------------------------------------------------------- */

/* Splits @text (which ends in '\n' unless empty) into arena lines. */
static void
split_lines (const char   *text,
             gsize         len,
             HsArena      *arena,
             const char ***lines_out,
             int          *n_lines_out)
{
  char *copy = hs_arena_strndup (arena, text, len);
  int n = 0;
  const char **lines;
  char *p;

  for (gsize i = 0; i < len; i++)
    if (copy[i] == '\n')
      n++;
  if (len > 0 && copy[len - 1] != '\n')
    n++;

  lines = hs_arena_alloc (arena, sizeof (char *) * (n + 1));
  p = copy;
  for (int i = 0; i < n; i++)
    {
      char *nl = strchr (p, '\n');

      lines[i] = p;
      if (nl == NULL)
        break;
      *nl = '\0';
      p = nl + 1;
    }
  lines[n] = NULL;
  *lines_out = lines;
  *n_lines_out = n;
}

/* Finds the first NUL byte or invalid UTF-8 sequence; CPython rejects the
 * source when it reads the line holding it, so the lexer stops at that
 * line's start. */
static void
check_encoding (HsLexer *lx)
{
  const char *end = NULL;
  gsize bad;
  gsize line_start = 0;
  int line = 1;

  if (g_utf8_validate_len (lx->buf, lx->len, &end))
    return;
  bad = end - lx->buf;

  for (gsize i = 0; i < bad; i++)
    if (lx->buf[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }

  if (lx->buf[bad] == '\0')
    {
      lx->bad_input = hs_diagnostic_new (HS_DIAG_SYNTAX_ERROR, lx->filename,
                                         line + lx->origin.line_offset, 0,
                                         "source code cannot contain null bytes");
      lx->bad_input->text = g_strndup (lx->buf + line_start, bad - line_start);
    }
  else
    {
      /* python3 FILE prints this one without a location. */
      lx->bad_input = hs_diagnostic_new (HS_DIAG_SYNTAX_ERROR, lx->filename, 0, 0,
                                         "Non-UTF-8 code starting with '\\x%02x' in file %s "
                                         "on line %d, but no encoding declared; see "
                                         "https://peps.python.org/pep-0263/ for details",
                                         (guchar) lx->buf[bad], lx->filename, line);
    }
  lx->len = line_start;
}

static HsTokens *
tokenize (const char        *text,
          gsize              len,
          const char        *filename,
          const HsLexOrigin *origin,
          HsArena           *arena)
{
  HsLexer *lx = g_new0 (HsLexer, 1);
  HsTokens *tokens = g_new0 (HsTokens, 1);

  lx->buf = text;
  lx->len = len;
  lx->filename = filename;
  if (origin != NULL)
    lx->origin = *origin;
  lx->line = 1;
  lx->atbol = TRUE;
  lx->tokens = g_array_sized_new (FALSE, FALSE, sizeof (HsToken), len / 4 + 16);

  check_encoding (lx);
  split_lines (text, len, arena, &lx->lines, &lx->n_lines);

  while (next_token (lx) && lx->error == NULL)
    ;
  if (lx->error != NULL)
    {
      HsToken *last = &g_array_index (lx->tokens, HsToken, lx->tokens->len - 1);

      if (last->kind != HS_TOK_ERRORTOKEN)
        emit_positionless (lx, HS_TOK_ERRORTOKEN);
    }

  tokens->len = lx->tokens->len;
  tokens->items = (HsToken *) (gpointer) g_array_free (lx->tokens, FALSE);
  tokens->text = text;
  tokens->text_len = len;
  tokens->lines = lx->lines;
  tokens->n_lines = lx->n_lines;
  tokens->line_offset = lx->origin.line_offset;
  tokens->error = lx->error;
  tokens->error_is_deferred = lx->error_is_deferred;
  tokens->unclosed_line = lx->unclosed_line;

  hs_diagnostic_free (lx->bad_input);
  g_free (lx);
  return tokens;
}

/**
 * hs_tokenize:
 * @source: UTF-8 source text (may contain anything)
 * @len: its length in bytes
 * @filename: the name errors carry
 * @arena: where the normalized text and the lines go
 *
 * Tokenizes a whole file as CPython's tokenizer does in file mode: the
 * UTF-8 BOM is dropped, CRLF and CR line ends become '\n', and a missing
 * final newline is added.
 *
 * Returns: (transfer full): the tokens; check #HsTokens.error
 */
HsTokens *
hs_tokenize (const char *source,
             gsize       len,
             const char *filename,
             HsArena    *arena)
{
  char *text;
  gsize n = 0;

  g_return_val_if_fail (source != NULL || len == 0, NULL);

  if (len >= 3 && memcmp (source, "\xEF\xBB\xBF", 3) == 0)
    {
      source += 3;
      len -= 3;
    }

  text = hs_arena_alloc (arena, len + 2);
  for (gsize i = 0; i < len; i++)
    {
      if (source[i] == '\r')
        {
          text[n++] = '\n';
          if (i + 1 < len && source[i + 1] == '\n')
            i++;
        }
      else
        text[n++] = source[i];
    }
  if (n > 0 && text[n - 1] != '\n')
    text[n++] = '\n';
  text[n] = '\0';

  return tokenize (text, n, filename, NULL, arena);
}

/**
 * hs_tokenize_fragment:
 * @text: the text of an f-string replacement field wrapped as "(expr)"
 * @len: its length
 * @filename: the name errors carry
 * @origin: where the text's first line sits in the file
 * @arena: where the lines go
 *
 * Tokenizes @text as CPython tokenizes an f-string expression: on its own,
 * with token positions moved to the file's, while errors keep columns
 * relative to @text (and its line as their text), as CPython 3.11 does.
 *
 * Returns: (transfer full): the tokens
 */
HsTokens *
hs_tokenize_fragment (const char        *text,
                      gsize              len,
                      const char        *filename,
                      const HsLexOrigin *origin,
                      HsArena           *arena)
{
  return tokenize (text, len, filename, origin, arena);
}

void
hs_tokens_free (HsTokens *tokens)
{
  if (tokens == NULL)
    return;
  g_free (tokens->items);
  hs_diagnostic_free (tokens->error);
  g_free (tokens);
}

const char *
hs_token_kind_name (HsTokenKind kind)
{
  static const char *const names[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
    "ERRORTOKEN", "OP",
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "->", ":=", "=",
    "+", "-", "*", "/", "|", "&", "<", ">", "%", "~", "^", "@", "**", "//",
    "<<", ">>", "==", "!=", "<=", ">=",
    "+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//=",
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == HS_N_TOKENS);

  if ((int) kind < 0 || kind >= HS_N_TOKENS)
    return "?";
  return names[kind];
}
