/* hs-lexer.h — Python source text to tokens, as CPython's tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-arena.h"
#include "hs-diagnostic.h"

G_BEGIN_DECLS

typedef enum
{
  HS_TOK_ENDMARKER,
  HS_TOK_NAME,
  HS_TOK_NUMBER,
  HS_TOK_STRING,
  HS_TOK_NEWLINE,
  HS_TOK_INDENT,
  HS_TOK_DEDENT,
  HS_TOK_ERRORTOKEN,  /* the tokenizer stopped here; see HsTokens.error */
  HS_TOK_OP,          /* a character no rule accepts ('$', '?', '!', '<>') */

  /* Operators and delimiters */
  HS_TOK_LPAR, HS_TOK_RPAR, HS_TOK_LSQB, HS_TOK_RSQB, HS_TOK_LBRACE, HS_TOK_RBRACE,
  HS_TOK_COLON, HS_TOK_COMMA, HS_TOK_SEMI, HS_TOK_DOT, HS_TOK_ELLIPSIS,
  HS_TOK_RARROW, HS_TOK_COLONEQUAL, HS_TOK_EQUAL,
  HS_TOK_PLUS, HS_TOK_MINUS, HS_TOK_STAR, HS_TOK_SLASH, HS_TOK_VBAR, HS_TOK_AMPER,
  HS_TOK_LESS, HS_TOK_GREATER, HS_TOK_PERCENT, HS_TOK_TILDE, HS_TOK_CIRCUMFLEX,
  HS_TOK_AT, HS_TOK_DOUBLESTAR, HS_TOK_DOUBLESLASH, HS_TOK_LEFTSHIFT, HS_TOK_RIGHTSHIFT,
  HS_TOK_EQEQUAL, HS_TOK_NOTEQUAL, HS_TOK_LESSEQUAL, HS_TOK_GREATEREQUAL,
  /* Augmented assignment, in HsBinOp order from HS_TOK_PLUSEQUAL */
  HS_TOK_PLUSEQUAL, HS_TOK_MINEQUAL, HS_TOK_STAREQUAL, HS_TOK_ATEQUAL,
  HS_TOK_SLASHEQUAL, HS_TOK_PERCENTEQUAL, HS_TOK_DOUBLESTAREQUAL,
  HS_TOK_LEFTSHIFTEQUAL, HS_TOK_RIGHTSHIFTEQUAL, HS_TOK_VBAREQUAL,
  HS_TOK_CIRCUMFLEXEQUAL, HS_TOK_AMPEREQUAL, HS_TOK_DOUBLESLASHEQUAL,

  /* Keywords (soft keywords such as `match` stay NAME) */
  HS_TOK_FALSE, HS_TOK_NONE, HS_TOK_TRUE, HS_TOK_AND, HS_TOK_AS, HS_TOK_ASSERT,
  HS_TOK_ASYNC, HS_TOK_AWAIT, HS_TOK_BREAK, HS_TOK_CLASS, HS_TOK_CONTINUE,
  HS_TOK_DEF, HS_TOK_DEL, HS_TOK_ELIF, HS_TOK_ELSE, HS_TOK_EXCEPT, HS_TOK_FINALLY,
  HS_TOK_FOR, HS_TOK_FROM, HS_TOK_GLOBAL, HS_TOK_IF, HS_TOK_IMPORT, HS_TOK_IN,
  HS_TOK_IS, HS_TOK_LAMBDA, HS_TOK_NONLOCAL, HS_TOK_NOT, HS_TOK_OR, HS_TOK_PASS,
  HS_TOK_RAISE, HS_TOK_RETURN, HS_TOK_TRY, HS_TOK_WHILE, HS_TOK_WITH, HS_TOK_YIELD,

  HS_N_TOKENS
} HsTokenKind;

/* Positions as in HsLoc: lines 1-based, columns 0-based code points, end
 * exclusive. NEWLINE is zero-width at the line end. INDENT, DEDENT and
 * ENDMARKER carry CPython's "current position" instead (col = end_col =
 * where the tokenizer stood minus one), so that errors reported on them
 * land where CPython's do. */
typedef struct
{
  HsTokenKind kind;
  int         line;
  int         col;
  int         end_line;
  int         end_col;
  guint32     start;    /* byte offsets of the token's text in HsTokens.text */
  guint32     end;
  int         level;    /* bracket depth after the token, as CPython's token->level */
} HsToken;

typedef struct
{
  HsToken      *items;       /* the last one is HS_TOK_ENDMARKER or HS_TOK_ERRORTOKEN */
  int           len;
  const char   *text;        /* what start/end index: BOM gone, line ends '\n' */
  gsize         text_len;
  const char  **lines;       /* text split in lines without '\n'; lines[0] is line 1 */
  int           n_lines;
  int           line_offset; /* of a fragment: its line 1 in the file */

  /* The error behind a final HS_TOK_ERRORTOKEN. CPython raises most
   * tokenizer errors at once, so they win over any parser error, even an
   * earlier one (@error_is_deferred FALSE); a few (TabError, unindent,
   * too deep, line continuation, EOF) only count when the parser reaches
   * the token. */
  HsDiagnostic *error;
  gboolean      error_is_deferred;
  /* EOF inside brackets: the line of the innermost open bracket; a parser
   * error after that line becomes "'(' was never closed" (@error). */
  int           unclosed_line;
} HsTokens;

/* For f-string replacement fields, CPython tokenizes the text "(expr)"
 * on its own: @line_offset is added to line numbers, @col_shift to the
 * columns of the first line. */
typedef struct
{
  int line_offset;
  int col_shift;
} HsLexOrigin;

HsTokens   *hs_tokenize          (const char        *source,
                                  gsize              len,
                                  const char        *filename,
                                  HsArena           *arena);
HsTokens   *hs_tokenize_fragment (const char        *text,
                                  gsize              len,
                                  const char        *filename,
                                  const HsLexOrigin *origin,
                                  HsArena           *arena);
void        hs_tokens_free       (HsTokens          *tokens);
const char *hs_token_kind_name   (HsTokenKind        kind);
int         hs_utf8_columns      (const char        *text,
                                  gsize              len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTokens, hs_tokens_free)

G_END_DECLS
