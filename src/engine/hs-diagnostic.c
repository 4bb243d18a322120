/* hs-diagnostic.c — located errors found before the program runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "hs-diagnostic.h"

HsDiagnostic *
hs_diagnostic_new (HsDiagKind  kind,
                   const char *filename,
                   int         line,
                   int         col,
                   const char *format,
                   ...)
{
  HsDiagnostic *diag;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  diag = g_new0 (HsDiagnostic, 1);
  diag->kind = kind;
  diag->filename = g_strdup (filename);
  diag->line = line;
  diag->col = col;
  diag->end_line = line;
  diag->end_col = col;

  va_start (args, format);
  diag->message = g_strdup_vprintf (format, args);
  va_end (args);

  return diag;
}

HsDiagnostic *
hs_diagnostic_copy (const HsDiagnostic *diag)
{
  HsDiagnostic *copy;

  g_return_val_if_fail (diag != NULL, NULL);

  copy = g_memdup2 (diag, sizeof *diag);
  copy->message = g_strdup (diag->message);
  copy->filename = g_strdup (diag->filename);
  copy->text = g_strdup (diag->text);
  return copy;
}

void
hs_diagnostic_free (HsDiagnostic *diag)
{
  if (diag == NULL)
    return;

  g_free (diag->message);
  g_free (diag->filename);
  g_free (diag->text);
  g_free (diag);
}

const char *
hs_diagnostic_kind_name (HsDiagKind kind)
{
  switch (kind)
    {
    case HS_DIAG_SYNTAX_ERROR:
      return "SyntaxError";
    case HS_DIAG_INDENTATION_ERROR:
      return "IndentationError";
    case HS_DIAG_TAB_ERROR:
      return "TabError";
    case HS_DIAG_NOT_IMPLEMENTED:
      return "NotImplementedError";
    case HS_DIAG_LIMIT:
      /* CPython reports its own parser limits ("too many nested
       * parentheses") as SyntaxError too. */
      return "SyntaxError";
    default:
      return "SyntaxError";
    }
}

static gboolean
is_indent_char (char c)
{
  return c == ' ' || c == '\t' || c == '\f';
}

/* The source line and its caret line, as CPython's print_error_text()
 * writes them: leading whitespace stripped, the caret moved left by as
 * much, one '^' per character of the range (at least one; always one for
 * IndentationError and TabError, as python3 prints them), no caret at
 * all when it would point left of the stripped text. CPython's text
 * keeps the line's '\n', which is why a multi-line range reaches one
 * column past the end of the line. */
static void
append_error_text (GString            *out,
                   const HsDiagnostic *diag)
{
  const char *text = diag->text;
  glong line_chars = g_utf8_strlen (text, -1);
  glong offset = diag->col;
  glong end_offset = diag->end_col;
  glong carets;
  glong len;

  if (diag->end_line > diag->line)
    end_offset = line_chars + 1;
  if (end_offset > line_chars + 2)
    end_offset = line_chars + 2;
  carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  if (diag->kind == HS_DIAG_INDENTATION_ERROR || diag->kind == HS_DIAG_TAB_ERROR)
    carets = 1;

  offset--;  /* 1-based to 0-based */
  while (is_indent_char (*text))
    {
      text++;
      offset--;
    }

  len = g_utf8_strlen (text, -1);
  if (offset > len)
    offset = len;

  g_string_append (out, "    ");
  g_string_append (out, text);
  g_string_append_c (out, '\n');

  if (offset < 0)
    return;

  g_string_append (out, "    ");
  for (glong i = 0; i < offset; i++)
    g_string_append_c (out, ' ');
  for (glong i = 0; i < carets; i++)
    g_string_append_c (out, '^');
  g_string_append_c (out, '\n');
}

/**
 * hs_diagnostic_format:
 * @diag: a diagnostic
 *
 * Formats @diag the way `python3 FILE` prints a SyntaxError (no
 * "Traceback" header): the `File` line, the stripped source line with its
 * carets, then `Kind: message`. Every line ends in '\n'.
 *
 * Returns: (transfer full): the text
 */
char *
hs_diagnostic_format (const HsDiagnostic *diag)
{
  GString *out;

  g_return_val_if_fail (diag != NULL, NULL);

  out = g_string_new (NULL);
  if (diag->line > 0)
    {
      g_string_append_printf (out, "  File \"%s\", line %d\n",
                              diag->filename ? diag->filename : "<unknown>",
                              diag->line);
      if (diag->text != NULL)
        append_error_text (out, diag);
    }
  g_string_append_printf (out, "%s: %s\n",
                          hs_diagnostic_kind_name (diag->kind),
                          diag->message);
  return g_string_free (out, FALSE);
}

/**
 * hs_diagnostic_format_short:
 * @diag: a diagnostic
 *
 * Formats @diag on one line for logs and the UI:
 * `x.py:1:8: SyntaxError: invalid syntax` (no trailing newline). The
 * position is left out when the diagnostic has none.
 *
 * Returns: (transfer full): the text
 */
char *
hs_diagnostic_format_short (const HsDiagnostic *diag)
{
  const char *filename;

  g_return_val_if_fail (diag != NULL, NULL);

  filename = diag->filename ? diag->filename : "<unknown>";
  if (diag->line <= 0)
    return g_strdup_printf ("%s: %s: %s", filename,
                            hs_diagnostic_kind_name (diag->kind), diag->message);
  if (diag->col <= 0)
    return g_strdup_printf ("%s:%d: %s: %s", filename, diag->line,
                            hs_diagnostic_kind_name (diag->kind), diag->message);
  return g_strdup_printf ("%s:%d:%d: %s: %s", filename, diag->line, diag->col,
                          hs_diagnostic_kind_name (diag->kind), diag->message);
}
