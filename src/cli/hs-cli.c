/* hs-cli.c — the headless command line (--version, --run, --export), no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs before a display is opened: HsApplication hands the
 * argument vector over in local_command_line and calls hs_cli_execute() from
 * handle-local-options. Tests call the same functions without GTK.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hs-cli.h"
#include "hs-export.h"
#include "hs-parser.h"
#include "hs-trace.h"

#define HS_CLI_SCALE_MIN 0.1
#define HS_CLI_SCALE_MAX 10.0

G_DEFINE_QUARK (hs-cli-error-quark, hs_cli_error)

/* What GOptionContext fills in; validated into an HsCliArgs afterwards. */
typedef struct
{
  gboolean   help;
  gboolean   version;
  gboolean   run;
  gboolean   stats;
  char      *trace_lines;
  char      *max_steps;
  char      *max_heap;
  char      *export_path;
  char      *step;
  char      *line;
  char      *event;
  char      *theme;
  char      *scale;
  char     **remaining;
} RawArgs;

static void
raw_args_clear (RawArgs *raw)
{
  g_clear_pointer (&raw->trace_lines, g_free);
  g_clear_pointer (&raw->max_steps, g_free);
  g_clear_pointer (&raw->max_heap, g_free);
  g_clear_pointer (&raw->line, g_free);
  g_clear_pointer (&raw->event, g_free);
  g_clear_pointer (&raw->scale, g_free);
  g_clear_pointer (&raw->export_path, g_free);
  g_clear_pointer (&raw->step, g_free);
  g_clear_pointer (&raw->theme, g_free);
  g_clear_pointer (&raw->remaining, g_strfreev);
}

static GOptionContext *
create_option_context (RawArgs *raw)
{
  /* GOptionContext copies the entries, so a stack array is fine. */
  const GOptionEntry entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &raw->help,
      N_("Show this help and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &raw->version,
      N_("Print the version and exit"), NULL },
    /* A flag, the file positional, so `--run --stats FILE.py` reads naturally. */
    { "run", 'r', 0, G_OPTION_ARG_NONE, &raw->run,
      N_("Run FILE.py without a window, like “python3 FILE.py”"), N_("FILE.py") },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &raw->stats,
      N_("With --run: print heap statistics as one JSON line on stderr"), NULL },
    { "trace-lines", 0, 0, G_OPTION_ARG_FILENAME, &raw->trace_lines,
      N_("With --run: write the number of every executed line to OUT"), N_("OUT") },
    { "max-steps", 0, 0, G_OPTION_ARG_STRING, &raw->max_steps,
      N_("With --run or --export: stop after N line steps"), N_("N") },
    { "max-heap", 0, 0, G_OPTION_ARG_STRING, &raw->max_heap,
      N_("With --run: the simulated heap's size; beyond it the snippet gets MemoryError "
         "(default 512 MiB)"), N_("BYTES") },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &raw->export_path,
      N_("Draw the heap of FILE.py into OUT (.png, .svg, .pdf or .dot) and exit"), N_("OUT") },
    { "step", 0, 0, G_OPTION_ARG_STRING, &raw->step,
      N_("With --export: the step to draw, a number or “last” (the default)"), N_("N|last") },
    { "line", 0, 0, G_OPTION_ARG_STRING, &raw->line,
      N_("With --export: draw the first step that reaches line L"), N_("L") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &raw->event,
      N_("With --export: step into that line, drawing the heap as its event K happens (0 is the first)"), N_("K") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &raw->theme,
      N_("With --export: “light” (the default) or “dark”"), N_("THEME") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &raw->scale,
      N_("With --export: scale factor between 0.1 and 10 (default 1)"), N_("S") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &raw->remaining, NULL, NULL },
    { NULL }
  };
  GOptionContext *context;

  context = g_option_context_new (_("[FILE.py…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Our own --help entry: the built-in one calls exit() from inside the parser. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("Step through a Python snippet and watch its heap.\n"
                                  "Without options, FILE.py (or an example) opens in a window."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  heapscope snippet.py\n"
                                      "  heapscope --run snippet.py --stats\n"
                                      "  heapscope --export heap.png snippet.py --line 12 --scale 2\n"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static gboolean
usage_error (GError    **error,
             const char *message)
{
  g_set_error_literal (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE, message);
  return FALSE;
}

static gboolean
parse_export_format (const char      *path,
                     HsExportFormat  *format,
                     GError         **error)
{
  static const struct {
    const char     *suffix;
    HsExportFormat  format;
  } formats[] = {
    { ".png", HS_EXPORT_FORMAT_PNG },
    { ".svg", HS_EXPORT_FORMAT_SVG },
    { ".pdf", HS_EXPORT_FORMAT_PDF },
    { ".dot", HS_EXPORT_FORMAT_DOT },
  };
  const char *dot = strrchr (path, '.');
  g_autofree char *display = NULL;

  /* A dot inside a directory name is not an extension. */
  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          if (g_ascii_strcasecmp (dot, formats[i].suffix) == 0)
            {
              *format = formats[i].format;
              return TRUE;
            }
        }
    }

  display = g_filename_display_name (path);
  g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
               _("cannot export to '%s': unknown format (use .png, .svg, .pdf or .dot)"),
               display);
  return FALSE;
}

static gboolean
no_extra_files (char      **files,
                const char *option,
                GError    **error)
{
  g_autofree char *display = NULL;

  if (files[0] == NULL)
    return TRUE;

  display = g_filename_display_name (files[0]);
  g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
               _("%s takes one file; unexpected argument '%s'"), option, display);
  return FALSE;
}

/* Numbers are parsed here rather than by GOptionContext: one wording for
 * every bad value, no locale-dependent decimal separator, and no sentinel
 * value a user could type. */
static gboolean
parse_count (const char  *option,
             const char  *text,
             guint        min,
             guint64      max,
             guint64     *out,
             GError     **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                   _("%s must be a whole number of at least %u, not '%s'"),
                   option, (unsigned) min, text);
      return FALSE;
    }

  return TRUE;
}

/* Options that only make sense for one mode are errors elsewhere, so a typo
 * like `heapscope --stats x.py` does not silently open a window. */
static gboolean
validate (const RawArgs  *raw,
          HsCliArgs      *args,
          GError        **error)
{
  gboolean running = args->mode == HS_CLI_MODE_RUN;
  gboolean exporting = args->mode == HS_CLI_MODE_EXPORT;

  if (raw->stats && !running)
    return usage_error (error, _("--stats only works with --run"));
  if (raw->trace_lines != NULL && !running)
    return usage_error (error, _("--trace-lines only works with --run"));
  if (raw->max_steps != NULL && !running && !exporting)
    return usage_error (error, _("--max-steps only works with --run or --export"));
  if ((raw->step != NULL || raw->line != NULL || raw->event != NULL || raw->theme != NULL
       || raw->scale != NULL)
      && !exporting)
    return usage_error (error, _("--step, --line, --event, --theme and --scale only work with --export"));

  if (raw->max_steps != NULL
      && !parse_count ("--max-steps", raw->max_steps, 1, G_MAXUINT64, &args->max_steps, error))
    return FALSE;
  /* Below a mebibyte not even the built-in objects fit. */
  if (raw->max_heap != NULL && !running)
    return usage_error (error, _("--max-heap only works with --run"));
  if (raw->max_heap != NULL
      && !parse_count ("--max-heap", raw->max_heap, 1024 * 1024, G_MAXUINT64,
                       &args->max_heap_bytes, error))
    return FALSE;

  if (raw->step != NULL && raw->line != NULL)
    return usage_error (error, _("--step and --line cannot be combined"));

  if (raw->step != NULL && !g_str_equal (raw->step, "last"))
    {
      guint64 step;

      if (!g_ascii_string_to_unsigned (raw->step, 10, 0, G_MAXINT64, &step, NULL))
        {
          g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                       _("--step must be a step number or 'last', not '%s'"), raw->step);
          return FALSE;
        }
      args->export_step = (gint64) step;
    }

  if (raw->event != NULL)
    {
      guint64 event;

      if (!parse_count ("--event", raw->event, 0, G_MAXINT, &event, error))
        return FALSE;
      args->export_event = (int) event;
    }

  if (raw->line != NULL)
    {
      guint64 line;

      if (!parse_count ("--line", raw->line, 1, G_MAXINT, &line, error))
        return FALSE;
      args->export_line = (int) line;
    }

  if (raw->theme != NULL)
    {
      if (g_str_equal (raw->theme, "light"))
        args->export_theme = HS_CLI_THEME_LIGHT;
      else if (g_str_equal (raw->theme, "dark"))
        args->export_theme = HS_CLI_THEME_DARK;
      else
        {
          g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                       _("--theme must be 'light' or 'dark', not '%s'"), raw->theme);
          return FALSE;
        }
    }

  if (raw->scale != NULL)
    {
      char *end = NULL;
      double scale = g_ascii_strtod (raw->scale, &end);

      /* The negated test also rejects NaN. */
      if (end == raw->scale || *end != '\0'
          || !(scale >= HS_CLI_SCALE_MIN && scale <= HS_CLI_SCALE_MAX))
        {
          g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                       _("--scale must be a number between 0.1 and 10, not '%s'"), raw->scale);
          return FALSE;
        }
      args->export_scale = scale;
    }

  return TRUE;
}

/**
 * hs_cli_args_parse:
 * @argv: the program's arguments, program name first; not modified
 * @error: set to an %HS_CLI_ERROR or %G_OPTION_ERROR on bad usage
 *
 * Parses and validates the command line. Input files are not read here.
 *
 * Returns: (transfer full): the arguments, or %NULL with @error set
 */
HsCliArgs *
hs_cli_args_parse (const char * const  *argv,
                   GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsCliArgs) args = NULL;
  g_auto(GStrv) copy = NULL;
  RawArgs raw = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (argv == NULL || argv[0] == NULL)
    copy = g_strdupv ((char **) (const char * const []) { PACKAGE_NAME, NULL });
  else
    copy = g_strdupv ((char **) argv);

  args = g_new0 (HsCliArgs, 1);
  args->export_step = HS_CLI_STEP_LAST;
  args->export_event = -1;
  args->export_theme = HS_CLI_THEME_LIGHT;
  args->export_scale = 1.0;

  context = create_option_context (&raw);
  if (!g_option_context_parse_strv (context, &copy, error))
    goto out;

  args->files = g_steal_pointer (&raw.remaining);
  if (args->files == NULL)
    args->files = g_new0 (char *, 1);

  if (raw.help)
    args->mode = HS_CLI_MODE_HELP;
  else if (raw.version)
    args->mode = HS_CLI_MODE_VERSION;
  else if (raw.run && raw.export_path != NULL)
    {
      usage_error (error, _("--run and --export cannot be combined"));
      goto out;
    }
  else if (raw.run)
    {
      args->mode = HS_CLI_MODE_RUN;
      if (args->files[0] == NULL)
        {
          usage_error (error, _("--run needs the Python file to run: heapscope --run FILE.py"));
          goto out;
        }
      args->run_path = g_strdup (args->files[0]);
      args->trace_lines_path = g_steal_pointer (&raw.trace_lines);
      args->stats = raw.stats;
      if (!no_extra_files (args->files + 1, "--run", error))
        goto out;
    }
  else if (raw.export_path != NULL)
    {
      args->mode = HS_CLI_MODE_EXPORT;
      if (!parse_export_format (raw.export_path, &args->export_format, error))
        goto out;
      args->export_path = g_steal_pointer (&raw.export_path);
      if (args->files[0] == NULL)
        {
          usage_error (error, _("--export needs the Python file to draw: "
                                "heapscope --export OUT FILE.py"));
          goto out;
        }
      if (!no_extra_files (args->files + 1, "--export", error))
        goto out;
    }
  else
    args->mode = HS_CLI_MODE_GUI;

  if (args->mode == HS_CLI_MODE_HELP || args->mode == HS_CLI_MODE_VERSION)
    ok = TRUE;
  else
    ok = validate (&raw, args, error);

out:
  raw_args_clear (&raw);

  return ok ? g_steal_pointer (&args) : NULL;
}

void
hs_cli_args_free (HsCliArgs *args)
{
  if (args == NULL)
    return;

  g_strfreev (args->files);
  g_free (args->run_path);
  g_free (args->trace_lines_path);
  g_free (args->export_path);
  g_free (args);
}

/**
 * hs_cli_get_help:
 *
 * Returns: (transfer full): the `--help` text
 */
char *
hs_cli_get_help (void)
{
  g_autoptr(GOptionContext) context = NULL;
  RawArgs raw = { 0 };

  context = create_option_context (&raw);

  return g_option_context_get_help (context, TRUE, NULL);
}

static void
write_stdio (HsStream    stream,
             const char *text,
             gsize       len,
             gpointer    user_data)
{
  FILE *fp = stream == HS_STREAM_STDOUT ? stdout : stderr;

  if (stream == HS_STREAM_STDERR)
    fflush (stdout);
  fwrite (text, 1, len, fp);
  fflush (fp);
}

static void
emit (HsWriteFunc  write,
      gpointer     write_data,
      HsStream     stream,
      const char  *text)
{
  if (write == NULL)
    write = write_stdio;

  write (stream, text, strlen (text), write_data);
}

/* GLib's file errors spell out the path again; the CLI names it once, so
 * turn the code back into the plain system reason where there is one. */
static const char *
file_error_reason (const GError *error)
{
  static const struct {
    GFileError code;
    int        errnum;
  } reasons[] = {
    { G_FILE_ERROR_NOENT, ENOENT },
    { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_LOOP, ELOOP },
    { G_FILE_ERROR_NXIO, ENXIO },
    { G_FILE_ERROR_NODEV, ENODEV },
    { G_FILE_ERROR_NOMEM, ENOMEM },
    { G_FILE_ERROR_IO, EIO },
  };

  if (error->domain == G_FILE_ERROR)
    {
      for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
        {
          if (reasons[i].code == (GFileError) error->code)
            return g_strerror (reasons[i].errnum);
        }
    }

  return error->message;
}

/* Reads a device or a pipe, but never more than a snippet may be:
 * `heapscope --run /dev/zero` must not fill the memory. */
static gboolean
read_stream (const char  *path,
             char       **contents,
             gsize       *len,
             GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  FILE *fp = fopen (path, "rb");
  guint8 buf[65536];
  gsize n;

  if (fp == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                           g_strerror (errno));
      return FALSE;
    }
  while (data->len <= HS_PARSER_MAX_SOURCE_BYTES && (n = fread (buf, 1, sizeof buf, fp)) > 0)
    g_byte_array_append (data, buf, n);
  if (ferror (fp))
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO, g_strerror (EIO));
  else if (data->len > HS_PARSER_MAX_SOURCE_BYTES)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("source is too large (more than %d bytes; Heapscope reads at most %d bytes)"),
                 HS_PARSER_MAX_SOURCE_BYTES, HS_PARSER_MAX_SOURCE_BYTES);
  fclose (fp);
  if (error != NULL && *error != NULL)
    return FALSE;

  if (len != NULL)
    *len = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

static gboolean
read_source (const char  *path,
             char       **contents,
             gsize       *len,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean known = g_stat (path, &st) == 0;

  /* A file too large to run is not read at all; devices and pipes are
   * read up to the limit. hs_parse() words the same error for the app. */
  if (known && S_ISREG (st.st_mode) && st.st_size > HS_PARSER_MAX_SOURCE_BYTES)
    g_set_error (&local_error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("source is too large (%" G_GINT64_FORMAT " bytes; "
                   "Heapscope reads at most %d bytes)"),
                 (gint64) st.st_size, HS_PARSER_MAX_SOURCE_BYTES);
  else if (known && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    read_stream (path, contents, len, &local_error);
  else
    g_file_get_contents (path, contents, len, &local_error);

  if (local_error != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_READ,
                   _("cannot read %s: %s"), display, file_error_reason (local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * hs_cli_report_error:
 * @error: a parse or read error
 * @write: (nullable): where to write, %NULL for stdio
 * @write_data: data for @write
 *
 * Prints @error as one line on stderr, prefixed with the program name.
 *
 * Returns: the exit status for usage errors, %HS_CLI_EXIT_USAGE
 */
int
hs_cli_report_error (const GError *error,
                     HsWriteFunc   write,
                     gpointer      write_data)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (error != NULL, HS_CLI_EXIT_USAGE);

  if (error->domain == G_OPTION_ERROR)
    line = g_strdup_printf ("%s: %s (see “%s --help”)\n",
                            PACKAGE_NAME, error->message, PACKAGE_NAME);
  else
    line = g_strdup_printf ("%s: %s\n", PACKAGE_NAME, error->message);
  emit (write, write_data, HS_STREAM_STDERR, line);

  return HS_CLI_EXIT_USAGE;
}

static int
execute_run (const HsCliArgs *args,
             HsWriteFunc      write,
             gpointer         write_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  HsRunOptions options = { 0 };
  gsize len = 0;

  if (!read_source (args->run_path, &source, &len, &error))
    return hs_cli_report_error (error, write, write_data);

  options.max_steps = args->max_steps;
  options.max_heap_bytes = args->max_heap_bytes;
  options.stats = args->stats;
  options.trace_lines_path = args->trace_lines_path;
  options.write = write;
  options.write_data = write_data;

  return hs_run_source (source, len, args->run_path, &options);
}

/* The step --step or --line asks for, or the last one. */
static gboolean
choose_step (const HsCliArgs  *args,
             HsTrace          *trace,
             guint64          *step,
             GError          **error)
{
  guint64 n_steps = hs_trace_get_n_steps (trace);
  g_autofree char *display = g_filename_display_name (args->files[0]);

  if (args->export_line > 0)
    {
      /* The last step is the end of the program (line 0), never a line. */
      for (guint64 s = 0; s < n_steps; s++)
        {
          if (hs_trace_get_step_line (trace, s) == args->export_line)
            {
              *step = s;
              return TRUE;
            }
        }
      g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                   hs_trace_get_truncated (trace)
                   ? _("line %d of %s is not executed within the step limit (--max-steps)")
                   : _("line %d of %s is never executed"),
                   args->export_line, display);
      return FALSE;
    }

  if (args->export_step == HS_CLI_STEP_LAST)
    {
      *step = n_steps - 1;
      return TRUE;
    }

  if (args->export_step < 0 || (guint64) args->export_step >= n_steps)
    {
      g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                   _("--step %" G_GINT64_FORMAT " is out of range: %s has steps 0 to %"
                     G_GUINT64_FORMAT), args->export_step, display, n_steps - 1);
      return FALSE;
    }

  *step = (guint64) args->export_step;
  return TRUE;
}

/* Checks --event against the events of the line running at @step, and
 * says which event it is for the caption. */
static gboolean
choose_event (const HsCliArgs  *args,
              HsTrace          *trace,
              guint64           step,
              char            **text,
              GError          **error)
{
  g_autoptr(HsHeapState) state = NULL;
  const HsEventInfo *ev;
  guint n = 0;

  if (step + 1 < hs_trace_get_n_steps (trace))
    {
      state = hs_trace_get_state (trace, step + 1);
      n = state->events->len;
    }
  if ((guint) args->export_event >= n)
    {
      if (n == 0)
        g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                     _("--event %d is out of range: step %" G_GUINT64_FORMAT " has no events"),
                     args->export_event, step);
      else
        g_set_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE,
                     _("--event %d is out of range: step %" G_GUINT64_FORMAT " has events 0 to %u"),
                     args->export_event, step, n - 1);
      return FALSE;
    }
  ev = &g_array_index (state->events, HsEventInfo, args->export_event);
  *text = g_strdup_printf (_("event %d/%u: %s"), args->export_event, n - 1,
                           hs_event_kind_to_string (ev->kind));
  return TRUE;
}

/* Cuts a trailing comment (a # outside string literals) off @text. */
static void
strip_comment (char *text)
{
  char quote = 0;

  for (char *p = text; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == quote)
            quote = 0;
        }
      else if (*p == '\'' || *p == '"')
        quote = *p;
      else if (*p == '#')
        {
          *p = '\0';
          break;
        }
    }
  g_strchomp (text);
}

/* Line @line of @source (1-based) without its indentation and comment, or NULL. */
static char *
source_line (const char *source,
             gsize       len,
             int         line)
{
  const char *p = source, *end = source + len;
  const char *eol;
  char *text;

  for (int i = 1; i < line && p < end; i++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return NULL;
      p++;
    }
  if (p >= end)
    return NULL;
  eol = memchr (p, '\n', end - p);

  text = g_strstrip (g_strndup (p, (eol != NULL ? eol : end) - p));
  strip_comment (text);

  return text;
}

static int
execute_export (const HsCliArgs *args,
                HsWriteFunc      write,
                gpointer         write_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDiagnostic) diagnostic = NULL;
  g_autoptr(HsTrace) trace = NULL;
  g_autoptr(HsLayout) layout = NULL;
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  g_autofree char *code = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *event_text = NULL;
  HsExportOptions options = { 0 };
  guint64 step = 0;
  gsize len = 0;
  int line;

  if (!read_source (args->files[0], &source, &len, &error))
    return hs_cli_report_error (error, write, write_data);

  trace = hs_trace_new (source, len, args->files[0], args->max_steps, NULL, &diagnostic);
  if (trace == NULL)
    {
      /* Like --run: the engine's diagnostic, CPython-style, and status 1. */
      g_autofree char *text = hs_diagnostic_format (diagnostic);

      emit (write, write_data, HS_STREAM_STDERR, text);
      return diagnostic->kind == HS_DIAG_LIMIT ? HS_CLI_EXIT_USAGE : 1;
    }

  if (!choose_step (args, trace, &step, &error))
    return hs_cli_report_error (error, write, write_data);

  /* The caption: the line about to run, for slides; or running, when
   * stepping into it (its events are those of the next step). */
  line = hs_trace_get_step_line (trace, step);
  if (args->export_event >= 0)
    {
      if (!choose_event (args, trace, step, &event_text, &error))
        return hs_cli_report_error (error, write, write_data);
      layout = hs_export_layout_event (trace, step + 1, args->export_event,
                                       HS_EXPORT_DEFAULT_HISTORY);
    }
  else
    layout = hs_export_layout_step (trace, step, HS_EXPORT_DEFAULT_HISTORY);

  if (line > 0)
    {
      title = g_strdup_printf (_("Line %d"), line);
      code = source_line (source, len, line);
    }
  else
    title = g_strdup (_("End of program"));
  if (event_text != NULL)
    detail = g_strdup_printf (_("step %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " · %s"),
                              step, hs_trace_get_n_steps (trace) - 1, event_text);
  else
    detail = g_strdup_printf (_("step %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT),
                              step, hs_trace_get_n_steps (trace) - 1);

  if (hs_layout_get_n_hidden (layout) > 0)
    {
      guint hidden = hs_layout_get_n_hidden (layout);
      /* Translators: "step 3/12", then how many objects the picture leaves out */
      char *more = g_strdup_printf (ngettext ("%s · %u more object not drawn",
                                              "%s · %u more objects not drawn", hidden),
                                    detail, hidden);

      g_free (detail);
      detail = more;
    }
  options.theme = args->export_theme == HS_CLI_THEME_DARK ? HS_THEME_DARK : HS_THEME_LIGHT;
  options.scale = args->export_scale;
  options.caption_title = title;
  options.caption_code = code;
  options.caption_detail = detail;

  if (!hs_export_to_file (layout, args->export_format, &options, args->export_path, &error))
    return hs_cli_report_error (error, write, write_data);

  return 0;
}

/**
 * hs_cli_execute:
 * @args: parsed arguments
 * @write: (nullable): where output goes, %NULL for stdio
 * @write_data: data for @write
 *
 * Carries out a headless command. For %HS_CLI_MODE_GUI it only checks that
 * every file can be read, so a typo fails before a window opens.
 *
 * Returns: the exit status, or %HS_CLI_CONTINUE when a window should open
 */
int
hs_cli_execute (const HsCliArgs *args,
                HsWriteFunc      write,
                gpointer         write_data)
{
  g_return_val_if_fail (args != NULL, HS_CLI_EXIT_USAGE);

  switch (args->mode)
    {
    case HS_CLI_MODE_HELP:
      {
        g_autofree char *help = hs_cli_get_help ();

        emit (write, write_data, HS_STREAM_STDOUT, help);
        return 0;
      }

    case HS_CLI_MODE_VERSION:
      emit (write, write_data, HS_STREAM_STDOUT, PACKAGE_NAME " " PACKAGE_VERSION "\n");
      return 0;

    case HS_CLI_MODE_RUN:
      return execute_run (args, write, write_data);

    case HS_CLI_MODE_EXPORT:
      return execute_export (args, write, write_data);

    case HS_CLI_MODE_GUI:
    default:
      for (guint i = 0; args->files[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *source = NULL;

          if (!read_source (args->files[i], &source, NULL, &error))
            return hs_cli_report_error (error, write, write_data);
        }
      return HS_CLI_CONTINUE;
    }
}
