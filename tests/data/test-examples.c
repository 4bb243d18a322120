/* test-examples.c — every bundled example is real Python that python3 runs cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * python3 is the oracle for the engine, so the examples learners open first
 * must run there with exit status 0. Each also needs a "# Title" header (the
 * example menu will show it) and an entry in the UI's GResource.
 */

#include "config.h"

#include <gio/gio.h>

static const char *
require_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set; run this test through meson", name);

  return value;
}

static void
test_example (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           &error, require_env ("PYTHON3"), path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, !=, "");
}

static void
test_header (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  lines = g_strsplit (contents, "\n", 3);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "# "));
  g_assert_cmpuint (strlen (lines[0]), >, 3);
  g_assert_cmpstr (lines[1], ==, "#");
}

static void
test_in_resource (gconstpointer data)
{
  g_autofree char *basename = g_path_get_basename (data);
  g_autofree char *entry = g_strdup_printf ("<file>examples/%s</file>", basename);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (require_env ("HS_GRESOURCE_XML"), &xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, entry));
}

/* The README and the metainfo promise five topics. */
static void
test_count (gconstpointer data)
{
  const GPtrArray *paths = data;

  g_assert_cmpuint (paths->len, >=, 5);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *examples_dir;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  examples_dir = require_env ("HS_EXAMPLES_DIR");
  dir = g_dir_open (examples_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".py"))
        g_ptr_array_add (paths, g_build_filename (examples_dir, name, NULL));
    }
  g_ptr_array_sort (paths, compare_paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *run_path = g_strdup_printf ("/examples/%s/runs-in-python3", basename);
      g_autofree char *header_path = g_strdup_printf ("/examples/%s/header", basename);
      g_autofree char *resource_path = g_strdup_printf ("/examples/%s/in-resource", basename);

      g_test_add_data_func (run_path, path, test_example);
      g_test_add_data_func (header_path, path, test_header);
      g_test_add_data_func (resource_path, path, test_in_resource);
    }

  g_test_add_data_func ("/examples/count", paths, test_count);

  return g_test_run ();
}
