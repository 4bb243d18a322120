/* test-app-cli.c — the heapscope binary's command line, with no display at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/engine/test-cli.c covers hs-cli itself; this checks the wiring
 * through main.c and HsApplication: options are handled before GTK touches
 * a display, and errors are one line with exit status 2.
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hs-run.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

static void
run_heapscope (Result             *result,
               const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *heapscope = g_getenv ("HEAPSCOPE");

  g_assert_nonnull (heapscope);
  g_ptr_array_add (argv, (gpointer) heapscope);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  result->status = g_subprocess_get_exit_status (proc);
}

#define RUN(result, ...) run_heapscope ((result), (const char * const []) { __VA_ARGS__, NULL })

static void
assert_usage_error (const Result *result,
                    const char   *fragment)
{
  const char *newline = strchr (result->err, '\n');

  g_test_message ("stderr: %s", result->err);
  g_assert_cmpint (result->status, ==, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "heapscope: "));
  /* Exactly one line, and nothing from GLib or GTK. */
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_nonnull (strstr (result->err, fragment));
}

static char *
write_temp_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("hs-test-app-cli-XXXXXX.py", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_version (void)
{
  Result result = { 0 };

  RUN (&result, "--version");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "heapscope " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);
}

static void
test_help (void)
{
  Result result = { 0 };

  RUN (&result, "--help");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "Usage:"));
  g_assert_nonnull (strstr (result.out, "--run"));
  g_assert_nonnull (strstr (result.out, "--export"));
  g_assert_cmpstr (result.err, ==, "");
  result_clear (&result);
}

static void
test_unknown_option (void)
{
  Result result = { 0 };

  RUN (&result, "--bogus");
  assert_usage_error (&result, "--bogus");
  result_clear (&result);

  RUN (&result, "--run");
  assert_usage_error (&result, "--run");
  result_clear (&result);
}

static void
test_run_unreadable (void)
{
  g_autofree char *expected = NULL;
  Result result = { 0 };

  RUN (&result, "--run", "/nonexistent/missing.py");
  assert_usage_error (&result, "cannot read");
  expected = g_strdup_printf ("heapscope: cannot read /nonexistent/missing.py: %s\n",
                              g_strerror (ENOENT));
  g_assert_cmpstr (result.err, ==, expected);
  result_clear (&result);
}

static void
capture_write (HsStream    stream,
               const char *text,
               gsize       len,
               gpointer    user_data)
{
  GString **streams = user_data;

  g_string_append_len (streams[stream == HS_STREAM_STDOUT ? 0 : 1], text, len);
}

/* Whatever the engine answers in-process, the binary answers too. */
static void
test_run_matches_engine (void)
{
  static const char source[] = "items = [1, 2, 3]\nalias = items\nprint(len(alias))\n";
  g_autofree char *path = write_temp_file (source);
  GString *streams[2] = { g_string_new (NULL), g_string_new (NULL) };
  HsRunOptions options = { 0 };
  Result result = { 0 };
  int expected;

  options.write = capture_write;
  options.write_data = streams;
  expected = hs_run_source (source, strlen (source), path, &options);

  RUN (&result, "--run", path);
  g_assert_cmpint (result.status, ==, expected);
  g_assert_cmpstr (result.out, ==, streams[0]->str);
  g_assert_cmpstr (result.err, ==, streams[1]->str);

  result_clear (&result);
  g_string_free (streams[0], TRUE);
  g_string_free (streams[1], TRUE);
  g_unlink (path);
}

static void
test_export (void)
{
  g_autofree char *path = write_temp_file ("x = 1\n");
  Result result = { 0 };

  RUN (&result, "--export", "x.bmp", path);
  assert_usage_error (&result, "x");
  g_assert_cmpstr (result.err, ==,
                   "heapscope: cannot export to 'x.bmp': unknown format "
                   "(use .png, .svg, .pdf or .dot)\n");
  result_clear (&result);

  RUN (&result, "--export", "/nonexistent/heap.svg", path, "--step", "last", "--theme", "dark");
  assert_usage_error (&result, "cannot write /nonexistent/heap.svg");
  result_clear (&result);

  g_unlink (path);
}

static void
test_window_without_display (void)
{
  g_autofree char *path = write_temp_file ("x = 1\n");
  Result result = { 0 };

  /* A missing file is reported before a display is even tried. */
  RUN (&result, "/nonexistent/typo.py");
  assert_usage_error (&result, "cannot read /nonexistent/typo.py");
  result_clear (&result);

  RUN (&result, path);
  assert_usage_error (&result, "cannot open a display");
  result_clear (&result);

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app-cli/version", test_version);
  g_test_add_func ("/app-cli/help", test_help);
  g_test_add_func ("/app-cli/unknown-option", test_unknown_option);
  g_test_add_func ("/app-cli/run/unreadable", test_run_unreadable);
  g_test_add_func ("/app-cli/run/matches-engine", test_run_matches_engine);
  g_test_add_func ("/app-cli/export", test_export);
  g_test_add_func ("/app-cli/window-without-display", test_window_without_display);

  return g_test_run ();
}
