/* fuzz-replay.c — run a fuzz target over files, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one target (fuzz-parse.c or fuzz-run.c) into an ordinary
 * program, so any compiler can replay the regression and seed corpora:
 *
 *   fuzz-run-replay tests/fuzz/regressions tests/corpus/engine1 crash-123
 *
 * Each argument is a file or a directory (its files, sorted, not
 * recursive; names starting with '.' and README* are skipped). The name
 * of each input is printed before it runs, so a crash names its input.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hs-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
replay_file (const char *path,
             double     *slowest,
             char      **slowest_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *exact = NULL;
  gsize len = 0;
  gint64 start;
  double seconds;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      return FALSE;
    }

  printf ("# %s\n", path);
  fflush (stdout);
  start = g_get_monotonic_time ();
  /* Exactly @len bytes, no NUL after them, as libFuzzer passes them: a
   * read past the input shows under AddressSanitizer. */
  exact = g_memdup2 (data, MAX (len, 1));
  LLVMFuzzerTestOneInput ((const uint8_t *) exact, len);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (seconds > *slowest)
    {
      *slowest = seconds;
      g_free (*slowest_path);
      *slowest_path = g_strdup (path);
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *slowest_path = NULL;
  double slowest = 0;
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE|DIR...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          const char *name;

          if (dir == NULL)
            {
              fprintf (stderr, "fuzz-replay: %s\n", error->message);
              return 2;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (name[0] == '.' || g_str_has_prefix (name, "README")
                  || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
                continue;
              g_ptr_array_add (paths, g_steal_pointer (&path));
            }
          g_ptr_array_sort (paths, compare_names);
        }
      else
        g_ptr_array_add (paths, g_strdup (argv[i]));

      for (guint j = 0; j < paths->len; j++)
        {
          if (!replay_file (g_ptr_array_index (paths, j), &slowest, &slowest_path))
            return 2;
          n++;
        }
    }

  printf ("replayed %u inputs", n);
  if (slowest_path != NULL)
    printf ("; slowest %.3f s: %s", slowest, slowest_path);
  printf ("\n");
  return 0;
}
