/* test-history.c — the recorded history gives the same state however a
 * step is reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every corpus snippet (whose output the corpus test checks against
 * python3), the states reached by stepping forward from the start equal
 * the states reached by jumping to the same steps in random order, by
 * stepping back, and by re-running from the start. Checkpoints are forced
 * every few steps, so even short snippets go through them.
 */

#include "config.h"

#include <string.h>

#include "hs-heap-snapshot.h"
#include "hs-trace.h"

#define SAMPLED_STEPS 48

/* Every checkpoint is a fork(), which AddressSanitizer makes very slow
 * (build-aux/test --sanitize): there, every 8th snippet is enough. */
#ifdef __SANITIZE_ADDRESS__
#define SNIPPET_STRIDE 8
#else
#define SNIPPET_STRIDE 1
#endif

/* Steps stepped into, and events checked in each (each one stepped back
 * to is a fork, slow under AddressSanitizer too). */
#ifdef __SANITIZE_ADDRESS__
#define EVENT_STEPS   2
#define MAX_EVENTS    6
#else
#define EVENT_STEPS   12
#define MAX_EVENTS    40
#endif

static GBytes *
state_bytes (HsTrace *trace,
             guint64  step)
{
  g_autoptr(HsHeapState) state = hs_trace_get_state (trace, step);
  GByteArray *out = g_byte_array_new ();

  g_assert_nonnull (state);
  g_assert_cmpuint (state->step, ==, step);
  _hs_heap_state_write (state, out);
  return g_byte_array_free_to_bytes (out);
}

static HsTrace *
record (const char *source,
        const char *path,
        const char *env,
        const char *value)
{
  g_autoptr(HsDiagnostic) error = NULL;
  HsTrace *trace;

  if (env != NULL)
    g_setenv (env, value, TRUE);
  trace = hs_trace_new (source, strlen (source), path, 20000, NULL, &error);
  if (env != NULL)
    g_unsetenv (env);
  g_assert_null (error);
  g_assert_nonnull (trace);
  return trace;
}

static GBytes *
event_state_bytes (HsTrace *trace,
                   guint64  step,
                   guint    event)
{
  g_autoptr(HsHeapState) state = hs_trace_get_event_state (trace, step, event);
  GByteArray *out = g_byte_array_new ();

  g_assert_nonnull (state);
  g_assert_cmpuint (state->step, ==, step);
  g_assert_cmpuint (state->event, ==, event);
  g_assert_cmpuint (state->events->len, ==, event + 1);
  _hs_heap_state_write (state, out);
  return g_byte_array_free_to_bytes (out);
}

/* Stepping into lines: each event of some steps, forward through one
 * trace (a worker's cursor runs on from event to event), backwards
 * through the other (a new worker each time); the heaps must agree. */
static void
check_event_steps (const char *path,
                   HsTrace    *forward,
                   HsTrace    *backward,
                   GArray     *steps)
{
  for (guint i = 0; i < MIN (steps->len, EVENT_STEPS); i++)
    {
      guint64 step = g_array_index (steps, guint64, i);
      g_autoptr(HsHeapState) whole = hs_trace_get_state (forward, step);
      g_autoptr(GPtrArray) fwd = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      guint n = MIN (whole->events->len, MAX_EVENTS);

      for (guint e = 0; e < n; e++)
        g_ptr_array_add (fwd, event_state_bytes (forward, step, e));
      for (guint e = n; e > 0; e--)
        {
          g_autoptr(GBytes) back = event_state_bytes (backward, step, e - 1);

          if (!g_bytes_equal (back, fwd->pdata[e - 1]))
            g_error ("%s: step %" G_GUINT64_FORMAT " event %u differs stepping back",
                     path, step, e - 1);
        }
    }
}

static void
check_snippet (const char *path)
{
  g_autofree char *source = NULL;
  g_autoptr(HsTrace) forward = NULL;
  g_autoptr(HsTrace) jumping = NULL;
  g_autoptr(HsTrace) rerun = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint64));
  GRand *rand = g_rand_new_with_seed (g_str_hash (path));
  guint64 n;

  g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
  forward = record (source, path, "HEAPSCOPE_CHECKPOINT_STEPS", "5");
  jumping = record (source, path, "HEAPSCOPE_CHECKPOINT_STEPS", "3");
  rerun = record (source, path, "HEAPSCOPE_NO_CHECKPOINTS", "1");
  n = hs_trace_get_n_steps (forward);
  g_assert_cmpuint (hs_trace_get_n_steps (jumping), ==, n);
  g_assert_cmpuint (hs_trace_get_n_steps (rerun), ==, n);

  /* The steps checked: all of them, or an even sample of a long run. */
  for (guint64 i = 0; i < MIN (n, SAMPLED_STEPS); i++)
    {
      guint64 s = n <= SAMPLED_STEPS ? i : i * (n - 1) / (SAMPLED_STEPS - 1);

      g_array_append_val (steps, s);
    }

  /* Forward from the start: the worker's cursor runs on. */
  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (expected, state_bytes (forward, g_array_index (steps, guint64, i)));

  /* Random order, then backwards (batches and the cache), on another trace. */
  for (guint i = steps->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint64 t = g_array_index (steps, guint64, i - 1);
      gpointer b = expected->pdata[i - 1];

      g_array_index (steps, guint64, i - 1) = g_array_index (steps, guint64, j);
      g_array_index (steps, guint64, j) = t;
      expected->pdata[i - 1] = expected->pdata[j];
      expected->pdata[j] = b;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(GBytes) got = state_bytes (jumping, g_array_index (steps, guint64, i));

      if (!g_bytes_equal (got, expected->pdata[i]))
        g_error ("%s: step %" G_GUINT64_FORMAT " reached by a jump differs from stepping forward",
                 path, g_array_index (steps, guint64, i));
    }
  for (guint64 s = n; s > 0 && s + 12 > n; s--)
    {
      g_autoptr(GBytes) back = state_bytes (jumping, s - 1);
      g_autoptr(GBytes) fwd = state_bytes (forward, s - 1);

      if (!g_bytes_equal (back, fwd))
        g_error ("%s: step %" G_GUINT64_FORMAT " reached backwards differs", path, s - 1);
    }

  check_event_steps (path, forward, jumping, steps);

  /* A re-run from the start, without any checkpoint, for a few steps. */
  for (guint i = 0; i < MIN (steps->len, 4); i++)
    {
      g_autoptr(GBytes) got = state_bytes (rerun, g_array_index (steps, guint64, i));

      if (!g_bytes_equal (got, expected->pdata[i]))
        g_error ("%s: step %" G_GUINT64_FORMAT " re-run from the start differs",
                 path, g_array_index (steps, guint64, i));
    }
  g_rand_free (rand);
}

static void
test_corpus_round_trip (gconstpointer data)
{
  const char *sub = data;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "corpus", sub, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".py"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 10);
  for (guint i = 0; i < names->len; i += SNIPPET_STRIDE)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);

      check_snippet (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/history/corpus-round-trip/engine1", "engine1", test_corpus_round_trip);
  g_test_add_data_func ("/history/corpus-round-trip/engine2", "engine2", test_corpus_round_trip);
  return g_test_run ();
}
