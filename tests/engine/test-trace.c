/* test-trace.c — every way of reaching a step yields the same state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A state can come from a checkpoint's forked worker (one step, or a batch
 * fetched while stepping back), from the cache, or from a re-run from the
 * start. The re-run is the reference: it shares nothing with the others.
 * The states themselves are checked against CPython by the corpus.
 */

#include "config.h"

#include <string.h>

#include "hs-heap-snapshot.h"
#include "hs-trace.h"

/* Long enough (some 100,000 steps) for the recorder to leave checkpoints;
 * it allocates, frees, finalizes, collects and prints along the way. */
static const char snippet[] =
  "import gc\n"
  "class Node:\n"
  "    def __init__(self, n):\n"
  "        self.n = n\n"
  "    def __del__(self):\n"
  "        if self.n % 5000 == 0:\n"
  "            print('del', self.n)\n"
  "keep = []\n"
  "for i in range(20000):\n"
  "    a = Node(i)\n"
  "    a.me = a\n"
  "    if i % 7 == 0:\n"
  "        keep.append(a)\n"
  "    if i % 4000 == 0:\n"
  "        gc.collect()\n"
  "print(len(keep))\n";

static GBytes *
state_bytes (HsHeapState *state)
{
  GByteArray *out = g_byte_array_new ();

  _hs_heap_state_write (state, out);
  return g_byte_array_free_to_bytes (out);
}

static HsTrace *
record (gboolean checkpoints)
{
  g_autoptr(HsDiagnostic) error = NULL;
  HsTrace *trace;

  if (checkpoints)
    g_unsetenv ("HEAPSCOPE_NO_CHECKPOINTS");
  else
    g_setenv ("HEAPSCOPE_NO_CHECKPOINTS", "1", TRUE);
  trace = hs_trace_new (snippet, strlen (snippet), "<test>", 0, NULL, &error);
  g_unsetenv ("HEAPSCOPE_NO_CHECKPOINTS");
  g_assert_null (error);
  g_assert_nonnull (trace);
  return trace;
}

static void
assert_same_state (HsTrace *trace,
                   HsTrace *reference,
                   guint64  step)
{
  g_autoptr(HsHeapState) state = hs_trace_get_state (trace, step);
  g_autoptr(HsHeapState) expected = hs_trace_get_state (reference, step);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) expected_bytes = NULL;

  g_assert_nonnull (state);
  g_assert_nonnull (expected);
  bytes = state_bytes (state);
  expected_bytes = state_bytes (expected);
  if (!g_bytes_equal (bytes, expected_bytes))
    g_error ("step %" G_GUINT64_FORMAT ": the states differ", step);
}

static void
test_access_paths_agree (void)
{
  g_autoptr(HsTrace) trace = record (TRUE);
  g_autoptr(HsTrace) reference = record (FALSE);
  guint64 n = hs_trace_get_n_steps (trace);
  guint64 start = n * 3 / 4;

  g_assert_cmpuint (n, ==, hs_trace_get_n_steps (reference));
  g_assert_cmpuint (n, >, 50000);
  if (hs_trace_get_n_checkpoints (trace) == 0)
    {
      g_test_skip ("no checkpoints on this platform");
      return;
    }
  g_assert_cmpuint (hs_trace_get_n_checkpoints (reference), ==, 0);

  /* Back from a far step: the first press fetches one state, the next
   * ones batches; then forward again through the cache, and on past it
   * through the worker's cursor. */
  for (guint64 s = start; s > start - 40; s--)
    assert_same_state (trace, reference, s);
  for (guint64 s = start - 39; s < start + 10; s++)
    assert_same_state (trace, reference, s);
  /* The first and last steps, and one far off. */
  assert_same_state (trace, reference, 0);
  assert_same_state (trace, reference, n - 1);
  assert_same_state (trace, reference, n / 3);
}

/* The simulated heap's size is the trace's to set: a list of 32 MiB
 * fits the default 512 MiB, and is a MemoryError in 16 MiB, as on a
 * machine with that little memory. */
static void
test_heap_limit (void)
{
  static const char source[] =
    "try:\n"
    "    x = [0] * (4 * 1024 * 1024)\n"
    "    print('built', len(x))\n"
    "except MemoryError:\n"
    "    print('MemoryError')\n";
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsTrace) roomy = hs_trace_new (source, strlen (source), "<test>", 0, NULL, &error);
  g_autoptr(HsTrace) tight = NULL;
  g_autoptr(HsHeapState) last = NULL;

  /* No checkpoints: a state is a re-run, which must keep the limit. */
  g_setenv ("HEAPSCOPE_NO_CHECKPOINTS", "1", TRUE);
  tight = hs_trace_new_full (source, strlen (source), "<test>", 0, 16 * 1024 * 1024, NULL, &error);
  g_unsetenv ("HEAPSCOPE_NO_CHECKPOINTS");
  g_assert_cmpstr (hs_trace_get_output (roomy), ==, "built 4194304\n");
  g_assert_cmpstr (hs_trace_get_output (tight), ==, "MemoryError\n");
  g_assert_cmpuint (hs_trace_get_n_checkpoints (tight), ==, 0);
  last = hs_trace_get_state (tight, hs_trace_get_n_steps (tight) - 1);
  g_assert_cmpstr (last->output->str, ==, "MemoryError\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trace/access-paths-agree", test_access_paths_agree);
  g_test_add_func ("/trace/heap-limit", test_heap_limit);
  return g_test_run ();
}
