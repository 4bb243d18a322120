/* test-export-cli.c — `heapscope --export` end to end, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the same hs_cli_* functions HsApplication calls, with DISPLAY and
 * WAYLAND_DISPLAY unset, and checks the files and the one-line errors.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "hs-cli.h"

static const char *cycle_snippet =
  "import gc\n"
  "\n"
  "\n"
  "class Link:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "\n"
  "\n"
  "first = Link('first')\n"
  "second = Link('second')\n"
  "first.other = second\n"
  "second.other = first\n"
  "\n"
  "del first\n"
  "del second\n"
  "\n"
  "gc.collect()\n"
  "print('collected')\n";

typedef struct
{
  GString *out;
  GString *err;
  char    *dir;
  char    *snippet;
} Fixture;

static void
capture (HsStream    stream,
         const char *text,
         gsize       len,
         gpointer    user_data)
{
  Fixture *f = user_data;

  g_string_append_len (stream == HS_STREAM_STDOUT ? f->out : f->err, text, len);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->out = g_string_new (NULL);
  f->err = g_string_new (NULL);
  f->dir = g_dir_make_tmp ("hs-export-cli-XXXXXX", NULL);
  f->snippet = g_build_filename (f->dir, "cycle.py", NULL);
  g_assert_true (g_file_set_contents (f->snippet, data != NULL ? data : cycle_snippet, -1, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->snippet);
  g_string_free (f->out, TRUE);
  g_string_free (f->err, TRUE);
}

static int
run (Fixture *f,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCliArgs) args = NULL;
  va_list ap;
  const char *arg;

  g_string_truncate (f->out, 0);
  g_string_truncate (f->err, 0);
  g_ptr_array_add (argv, (gpointer) "heapscope");
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  args = hs_cli_args_parse ((const char * const *) argv->pdata, &error);
  if (args == NULL)
    return hs_cli_report_error (error, capture, f);

  return hs_cli_execute (args, capture, f);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
assert_one_line (Fixture    *f,
                 const char *fragment)
{
  g_test_message ("stderr: %s", f->err->str);
  g_assert_cmpstr (f->out->str, ==, "");
  g_assert_true (g_str_has_prefix (f->err->str, "heapscope: "));
  g_assert_cmpstr (strchr (f->err->str, '\n'), ==, "\n");
  g_assert_nonnull (strstr (f->err->str, fragment));
}

static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (s);
  *height = cairo_image_surface_get_height (s);
  cairo_surface_destroy (s);
}

/* The acceptance example: the pair awaiting the collector, as a slide. */
static void
test_every_format (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *magic;
  } outputs[] = {
    { "cycle.png", "\x89PNG" },
    { "cycle.svg", "<?xml" },
    { "cycle.pdf", "%PDF" },
    { "cycle.dot", "digraph" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = out_path (f, outputs[i].name);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_cmpint (run (f, "--export", out, f->snippet, "--line", "17", NULL), ==, 0);
      g_assert_cmpstr (f->err->str, ==, "");
      g_assert_cmpstr (f->out->str, ==, "");
      g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 100);
      g_assert_true (g_str_has_prefix (contents, outputs[i].magic));
    }

  /* Both objects, their `other` references, and the caption. */
  {
    g_autofree char *dot_path = out_path (f, "cycle.dot");
    g_autofree char *dot = NULL;

    g_assert_true (g_file_get_contents (dot_path, &dot, NULL, NULL));
    g_assert_nonnull (strstr (dot, "<B>Link</B>"));
    g_assert_true (strstr (strstr (dot, "<B>Link</B>") + 1, "<B>Link</B>") != NULL);
    g_assert_nonnull (strstr (dot, "[label=\"other\""));
    g_assert_nonnull (strstr (dot, "unreachable"));
    g_assert_nonnull (strstr (dot, "gc.collect()"));
    g_assert_nonnull (strstr (dot, "1 ref"));
    g_assert_nonnull (strstr (dot, "gen 0"));
  }
}

static void
test_scale_and_theme (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *one = out_path (f, "one.png");
  g_autofree char *two = out_path (f, "two.png");
  int w1, h1, w2, h2;

  g_assert_cmpint (run (f, "--export", one, f->snippet, NULL), ==, 0);
  g_assert_cmpint (run (f, "--export", two, f->snippet, "--scale", "2", "--theme", "dark", NULL), ==, 0);
  png_size (one, &w1, &h1);
  png_size (two, &w2, &h2);
  g_assert_cmpint (abs (w2 - 2 * w1), <=, 2);
  g_assert_cmpint (abs (h2 - 2 * h1), <=, 2);
}

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = out_path (f, "step.svg");

  g_assert_cmpint (run (f, "--export", out, f->snippet, "--step", "0", NULL), ==, 0);
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--step", "last", NULL), ==, 0);

  /* Out of range: one line, status 2, and the file from before is kept. */
  g_assert_true (g_file_set_contents (out, "keep me", -1, NULL));
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--step", "100000", NULL), ==, 2);
  assert_one_line (f, "--step 100000 is out of range");
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep me");
  }

  /* A line that never runs (a blank line, then one past the end). */
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--line", "3", NULL), ==, 2);
  assert_one_line (f, "line 3 of");
  g_assert_nonnull (strstr (f->err->str, "is never executed"));
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--line", "999", NULL), ==, 2);
  assert_one_line (f, "line 999 of");
}

/* --event steps into the line --line or --step names. */
static void
test_event (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = out_path (f, "event.dot");
  g_autofree char *dot = NULL;

  /* gc.collect() (line 17): its first event starts the collection, while
   * both links are still unreachable and awaiting it. */
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--line", "17", "--event", "0", NULL), ==, 0);
  g_assert_true (g_file_get_contents (out, &dot, NULL, NULL));
  g_assert_nonnull (strstr (dot, "awaiting gc"));

  g_assert_cmpint (run (f, "--export", out, f->snippet, "--line", "17", "--event", "100000", NULL), ==, 2);
  assert_one_line (f, "--event 100000 is out of range: step");
  g_assert_nonnull (strstr (f->err->str, "has events 0 to"));
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--event", "0", NULL), ==, 2);
  assert_one_line (f, "has no events");
  g_assert_cmpint (run (f, "--export", out, f->snippet, "--event", "first", NULL), ==, 2);
  assert_one_line (f, "--event");
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sub = out_path (f, "missing");
  g_autofree char *out = g_build_filename (sub, "heap.png", NULL);

  g_assert_cmpint (run (f, "--export", out, f->snippet, NULL), ==, 2);
  assert_one_line (f, "cannot write");
  g_assert_nonnull (strstr (f->err->str, "No such file or directory"));
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "--export", "heap.gif", f->snippet, NULL), ==, 2);
  assert_one_line (f, "unknown format");
}

/* A syntax error is reported the way --run reports it, with status 1. */
static void
test_syntax_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = out_path (f, "never.png");
  g_autofree char *expected = NULL;
  int status;

  status = run (f, "--run", f->snippet, NULL);
  g_assert_cmpint (status, ==, 1);
  expected = g_strdup (f->err->str);
  g_assert_nonnull (strstr (expected, "SyntaxError"));

  g_assert_cmpint (run (f, "--export", out, f->snippet, NULL), ==, 1);
  g_assert_cmpstr (f->err->str, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A program that fails at run time still has a heap to draw. */
static void
test_runtime_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = out_path (f, "crash.png");

  g_assert_cmpint (run (f, "--export", out, f->snippet, "--line", "2", NULL), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/export-cli/every-format", Fixture, NULL,
              fixture_setup, test_every_format, fixture_teardown);
  g_test_add ("/render/export-cli/scale-and-theme", Fixture, NULL,
              fixture_setup, test_scale_and_theme, fixture_teardown);
  g_test_add ("/render/export-cli/steps", Fixture, NULL,
              fixture_setup, test_steps, fixture_teardown);
  g_test_add ("/render/export-cli/event", Fixture, NULL,
              fixture_setup, test_event, fixture_teardown);
  g_test_add ("/render/export-cli/unwritable", Fixture, NULL,
              fixture_setup, test_unwritable, fixture_teardown);
  g_test_add ("/render/export-cli/syntax-error", Fixture, "x = [1, 2\nprint(x)\n",
              fixture_setup, test_syntax_error, fixture_teardown);
  g_test_add ("/render/export-cli/runtime-error", Fixture, "items = [1, 2]\nprint(items[5])\n",
              fixture_setup, test_runtime_error, fixture_teardown);

  return g_test_run ();
}
