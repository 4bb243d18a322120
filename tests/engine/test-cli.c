/* test-cli.c — the headless command line: parsing, errors, --run forwarding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "hs-cli.h"
#include "hs-run.h"

typedef struct
{
  GString *out;
  GString *err;
} Capture;

static void
capture_init (Capture *cap)
{
  cap->out = g_string_new (NULL);
  cap->err = g_string_new (NULL);
}

static void
capture_clear (Capture *cap)
{
  g_string_free (cap->out, TRUE);
  g_string_free (cap->err, TRUE);
}

static void
capture_write (HsStream    stream,
               const char *text,
               gsize       len,
               gpointer    user_data)
{
  Capture *cap = user_data;

  g_string_append_len (stream == HS_STREAM_STDOUT ? cap->out : cap->err, text, len);
}

/* What HsApplication does: parse, then report the error or execute. */
static int
run_argv (Capture            *cap,
          const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCliArgs) args = hs_cli_args_parse (argv, &error);

  if (args == NULL)
    {
      g_assert_nonnull (error);
      return hs_cli_report_error (error, capture_write, cap);
    }

  g_assert_no_error (error);
  return hs_cli_execute (args, capture_write, cap);
}

#define RUN(cap, ...) run_argv ((cap), (const char * const []) { "heapscope", __VA_ARGS__, NULL })

static void
assert_one_error_line (const Capture *cap)
{
  const char *newline = strchr (cap->err->str, '\n');

  g_assert_true (g_str_has_prefix (cap->err->str, "heapscope: "));
  g_assert_nonnull (newline);
  g_assert_cmpint (newline - cap->err->str, ==, (gssize) cap->err->len - 1);
  g_assert_cmpstr (cap->out->str, ==, "");
}

static char *
write_temp_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("hs-test-cli-XXXXXX.py", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_version (void)
{
  Capture cap;

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--version"), ==, 0);
  g_assert_cmpstr (cap.out->str, ==, "heapscope " PACKAGE_VERSION "\n");
  g_assert_cmpstr (cap.err->str, ==, "");
  capture_clear (&cap);
}

static void
test_help (void)
{
  Capture cap;

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--help"), ==, 0);
  g_assert_nonnull (strstr (cap.out->str, "--run"));
  g_assert_nonnull (strstr (cap.out->str, "--export"));
  g_assert_nonnull (strstr (cap.out->str, "--max-steps"));
  g_assert_cmpstr (cap.err->str, ==, "");
  capture_clear (&cap);
}

static void
test_unknown_option (void)
{
  Capture cap;

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--bogus"), ==, HS_CLI_EXIT_USAGE);
  assert_one_error_line (&cap);
  g_assert_nonnull (strstr (cap.err->str, "--bogus"));
  capture_clear (&cap);
}

static void
test_bad_usage (void)
{
  static const struct {
    const char *argv[8];
    const char *expected;
  } cases[] = {
    { { "--max-steps", "lots", "--run", "a.py" }, "--max-steps" },
    { { "--run", "a.py", "--max-steps", "0" },
      "--max-steps must be a whole number of at least 1, not '0'" },
    { { "--max-steps", "5", "a.py" }, "--max-steps only works with --run or --export" },
    { { "--stats", "a.py" }, "--stats only works with --run" },
    { { "--trace-lines", "t.txt", "a.py" }, "--trace-lines only works with --run" },
    { { "--step", "3", "a.py" }, "only work with --export" },
    { { "--run", "a.py", "--theme", "dark" }, "only work with --export" },
    { { "--run", "a.py", "--event", "2" }, "only work with --export" },
    { { "--export", "x.png", "a.py", "--event", "-1" }, "--event must be" },
    { { "--run", "a.py", "--export", "x.png" }, "cannot be combined" },
    { { "--run", "a.py", "b.py" }, "unexpected argument 'b.py'" },
    { { "--export", "x.png" }, "--export needs the Python file" },
    { { "--export", "x.png", "a.py", "b.py" }, "unexpected argument 'b.py'" },
    { { "--export", "x.png", "a.py", "--step", "soon" }, "not 'soon'" },
    { { "--export", "x.png", "a.py", "--step", "-2" }, "not '-2'" },
    { { "--export", "x.png", "a.py", "--step", "1", "--line", "2" }, "cannot be combined" },
    { { "--export", "x.png", "a.py", "--line", "0" },
      "--line must be a whole number of at least 1" },
    { { "--export", "x.png", "a.py", "--theme", "blue" }, "not 'blue'" },
    { { "--export", "x.png", "a.py", "--scale", "0" }, "--scale must be" },
    { { "--export", "x.png", "a.py", "--scale", "11" }, "--scale must be" },
    { { "--export", "x.png", "a.py", "--scale", "nan" }, "--scale" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[G_N_ELEMENTS (cases[i].argv) + 2] = { "heapscope" };
      Capture cap;

      for (guint j = 0; cases[i].argv[j] != NULL; j++)
        argv[j + 1] = cases[i].argv[j];

      capture_init (&cap);
      g_test_message ("case %u: %s", i, cases[i].expected);
      g_assert_cmpint (run_argv (&cap, argv), ==, HS_CLI_EXIT_USAGE);
      assert_one_error_line (&cap);
      g_assert_nonnull (strstr (cap.err->str, cases[i].expected));
      capture_clear (&cap);
    }
}

static void
test_run_unreadable (void)
{
  g_autofree char *expected = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-test-cli-XXXXXX", NULL);
  Capture cap;

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--run", "/nonexistent/missing.py"), ==, HS_CLI_EXIT_USAGE);
  expected = g_strdup_printf ("heapscope: cannot read /nonexistent/missing.py: %s\n",
                              g_strerror (ENOENT));
  g_assert_cmpstr (cap.err->str, ==, expected);
  g_assert_cmpstr (cap.out->str, ==, "");
  capture_clear (&cap);

  /* A directory is not a program either. */
  g_assert_nonnull (dir);
  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--run", dir), ==, HS_CLI_EXIT_USAGE);
  assert_one_error_line (&cap);
  g_assert_nonnull (strstr (cap.err->str, g_strerror (EISDIR)));
  capture_clear (&cap);
  g_rmdir (dir);
}

/* The CLI must hand the file and options to the engine untouched: whatever
 * hs_run_source() says for the same source is what --run says. */
static void
test_run_forwards_to_engine (void)
{
  static const char source[] = "x = [1, 2]\ny = x\nprint(len(y))\n";
  g_autofree char *path = write_temp_file (source);
  HsRunOptions options = { 0 };
  Capture direct, cli;
  int direct_status;

  capture_init (&direct);
  options.write = capture_write;
  options.write_data = &direct;
  direct_status = hs_run_source (source, strlen (source), path, &options);

  capture_init (&cli);
  g_assert_cmpint (RUN (&cli, "--run", path), ==, direct_status);
  g_assert_cmpstr (cli.out->str, ==, direct.out->str);
  g_assert_cmpstr (cli.err->str, ==, direct.err->str);

  capture_clear (&direct);
  capture_clear (&cli);
  g_unlink (path);
}

static void
test_run_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCliArgs) args = NULL;
  g_autoptr(HsCliArgs) defaults = NULL;

  args = hs_cli_args_parse ((const char * const []) {
                              "heapscope", "--run", "a.py", "--stats",
                              "--trace-lines", "lines.txt", "--max-steps", "5", NULL
                            }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (args->mode, ==, HS_CLI_MODE_RUN);
  g_assert_cmpstr (args->run_path, ==, "a.py");
  g_assert_true (args->stats);
  g_assert_cmpstr (args->trace_lines_path, ==, "lines.txt");
  g_assert_cmpuint (args->max_steps, ==, 5);

  /* --run is a flag: the issue's `heapscope --run --stats FILE.py` form. */
  g_clear_pointer (&args, hs_cli_args_free);
  args = hs_cli_args_parse ((const char * const []) {
                              "heapscope", "--run", "--stats", "--trace-lines", "out.txt",
                              "b.py", NULL
                            }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (args->mode, ==, HS_CLI_MODE_RUN);
  g_assert_cmpstr (args->run_path, ==, "b.py");
  g_assert_true (args->stats);
  g_assert_cmpstr (args->trace_lines_path, ==, "out.txt");

  defaults = hs_cli_args_parse ((const char * const []) { "heapscope", "-r", "a.py", NULL },
                                &error);
  g_assert_no_error (error);
  g_assert_false (defaults->stats);
  g_assert_null (defaults->trace_lines_path);
  g_assert_cmpuint (defaults->max_steps, ==, 0);
}

static void
test_export_bad_extension (void)
{
  static const char *paths[] = { "x.bmp", "noext", "dir.png/out", "heap.png.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *expected = NULL;
      Capture cap;

      capture_init (&cap);
      g_assert_cmpint (RUN (&cap, "--export", paths[i], "a.py"), ==, HS_CLI_EXIT_USAGE);
      expected = g_strdup_printf ("heapscope: cannot export to '%s': unknown format "
                                  "(use .png, .svg, .pdf or .dot)\n", paths[i]);
      g_assert_cmpstr (cap.err->str, ==, expected);
      capture_clear (&cap);
    }
}

static void
test_export_options (void)
{
  static const struct {
    const char     *path;
    HsExportFormat  format;
  } formats[] = {
    { "heap.png", HS_EXPORT_FORMAT_PNG },
    { "heap.SVG", HS_EXPORT_FORMAT_SVG },
    { "out/heap.pdf", HS_EXPORT_FORMAT_PDF },
    { "heap.dot", HS_EXPORT_FORMAT_DOT },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCliArgs) args = NULL;
  g_autoptr(HsCliArgs) by_line = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(HsCliArgs) plain = NULL;

      plain = hs_cli_args_parse ((const char * const []) {
                                   "heapscope", "--export", formats[i].path, "a.py", NULL
                                 }, &error);
      g_assert_no_error (error);
      g_assert_cmpint (plain->mode, ==, HS_CLI_MODE_EXPORT);
      g_assert_cmpint (plain->export_format, ==, formats[i].format);
      g_assert_cmpstr (plain->export_path, ==, formats[i].path);
      g_assert_cmpstr (plain->files[0], ==, "a.py");
      g_assert_cmpint (plain->export_step, ==, HS_CLI_STEP_LAST);
      g_assert_cmpint (plain->export_line, ==, 0);
      g_assert_cmpint (plain->export_theme, ==, HS_CLI_THEME_LIGHT);
      g_assert_cmpfloat (plain->export_scale, ==, 1.0);
    }

  /* Options may come after the file, as with most GNU tools. */
  args = hs_cli_args_parse ((const char * const []) {
                              "heapscope", "--export", "h.svg", "a.py", "--step", "3",
                              "--theme", "dark", "--scale", "2.5", "--max-steps", "100", NULL
                            }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (args->export_step, ==, 3);
  g_assert_cmpint (args->export_theme, ==, HS_CLI_THEME_DARK);
  g_assert_cmpfloat (args->export_scale, ==, 2.5);
  g_assert_cmpuint (args->max_steps, ==, 100);

  by_line = hs_cli_args_parse ((const char * const []) {
                                 "heapscope", "-e", "h.dot", "--line", "7", "--step", "last",
                                 "a.py", NULL
                               }, &error);
  g_assert_null (by_line);
  g_assert_error (error, HS_CLI_ERROR, HS_CLI_ERROR_USAGE);
  g_clear_error (&error);

  by_line = hs_cli_args_parse ((const char * const []) {
                                 "heapscope", "-e", "h.dot", "--line", "7", "a.py", NULL
                               }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_line->export_line, ==, 7);
}

/* The drawing itself is tested in tests/render; here only the dispatch. */
static void
test_export_dispatch (void)
{
  g_autofree char *path = write_temp_file ("x = 1\n");
  g_autofree char *dir = g_dir_make_tmp ("hs-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "heap.png", NULL);
  Capture cap;

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--export", out, path), ==, 0);
  g_assert_cmpstr (cap.err->str, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  capture_clear (&cap);

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, "--export", "heap.png", "/nonexistent/a.py"), ==, HS_CLI_EXIT_USAGE);
  assert_one_error_line (&cap);
  g_assert_nonnull (strstr (cap.err->str, "cannot read /nonexistent/a.py"));
  g_assert_false (g_file_test ("heap.png", G_FILE_TEST_EXISTS));
  capture_clear (&cap);

  g_unlink (out);
  g_rmdir (dir);
  g_unlink (path);
}

static void
test_gui_files (void)
{
  g_autofree char *path = write_temp_file ("x = 1\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCliArgs) args = NULL;
  Capture cap;

  /* No arguments: a window with the default example. */
  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, NULL), ==, HS_CLI_CONTINUE);
  g_assert_cmpstr (cap.out->str, ==, "");
  g_assert_cmpstr (cap.err->str, ==, "");
  capture_clear (&cap);

  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, path), ==, HS_CLI_CONTINUE);
  g_assert_cmpstr (cap.err->str, ==, "");
  capture_clear (&cap);

  /* A typo fails before any window opens. */
  capture_init (&cap);
  g_assert_cmpint (RUN (&cap, path, "/nonexistent/typo.py"), ==, HS_CLI_EXIT_USAGE);
  assert_one_error_line (&cap);
  g_assert_nonnull (strstr (cap.err->str, "cannot read /nonexistent/typo.py"));
  capture_clear (&cap);

  args = hs_cli_args_parse ((const char * const []) { "heapscope", path, "--", "-odd.py", NULL },
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (args->mode, ==, HS_CLI_MODE_GUI);
  g_assert_cmpstr (args->files[0], ==, path);
  g_assert_cmpstr (args->files[1], ==, "-odd.py");
  g_assert_null (args->files[2]);

  g_unlink (path);
}

static void
test_empty_argv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCliArgs) args = hs_cli_args_parse (NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (args->mode, ==, HS_CLI_MODE_GUI);
  g_assert_null (args->files[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/empty-argv", test_empty_argv);
  g_test_add_func ("/cli/run/unreadable", test_run_unreadable);
  g_test_add_func ("/cli/run/forwards-to-engine", test_run_forwards_to_engine);
  g_test_add_func ("/cli/run/options", test_run_options);
  g_test_add_func ("/cli/export/bad-extension", test_export_bad_extension);
  g_test_add_func ("/cli/export/options", test_export_options);
  g_test_add_func ("/cli/export/dispatch", test_export_dispatch);
  g_test_add_func ("/cli/gui/files", test_gui_files);

  return g_test_run ();
}
