/* hs-diagnostic.h — a located error found before the program runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Python exception class names the parser and compiler report. The CLI
 * prints them CPython-style; the UI shows the message at (line, column). */
typedef enum
{
  HS_DIAG_SYNTAX_ERROR,          /* SyntaxError */
  HS_DIAG_INDENTATION_ERROR,     /* IndentationError */
  HS_DIAG_TAB_ERROR,             /* TabError */
  HS_DIAG_NOT_IMPLEMENTED,       /* NotImplementedError: valid Python outside Heapscope's subset */
  HS_DIAG_LIMIT,                 /* a Heapscope limit (source too large, nesting too deep) */
} HsDiagKind;

typedef struct
{
  HsDiagKind  kind;
  char       *message;    /* "invalid syntax", "expected ':'", … (no kind prefix) */
  char       *filename;
  int         line;       /* 1-based; 0 when the error has no position */
  int         col;        /* 1-based column in characters (code points) */
  int         end_line;
  int         end_col;    /* 1-based, exclusive; == col when there is no range */
  char       *text;       /* the offending source line without its newline, or NULL */
} HsDiagnostic;

HsDiagnostic *hs_diagnostic_new         (HsDiagKind          kind,
                                         const char         *filename,
                                         int                 line,
                                         int                 col,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (5, 6);
HsDiagnostic *hs_diagnostic_copy        (const HsDiagnostic *diag);
void          hs_diagnostic_free        (HsDiagnostic       *diag);
const char   *hs_diagnostic_kind_name   (HsDiagKind          kind);
char         *hs_diagnostic_format      (const HsDiagnostic *diag);
char         *hs_diagnostic_format_short (const HsDiagnostic *diag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsDiagnostic, hs_diagnostic_free)

G_END_DECLS
