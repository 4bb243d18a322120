/* test-limits.c — a recorded run stopped by a limit stays explorable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app records snippets with hs_trace_new(); whatever stops a run (the
 * step cap, the work cap inside one step, the output cap, the simulated
 * heap, a cancel from another thread) the trace must end promptly and its
 * last step must still be reachable.
 */

#include "config.h"

#include "hs-heap-snapshot.h"
#include "hs-trace.h"
#include "hs-vm.h"

static HsTrace *
record (const char    *source,
        guint64        max_steps,
        volatile gint *cancel)
{
  g_autoptr(HsDiagnostic) error = NULL;
  HsTrace *trace;

  trace = hs_trace_new (source, strlen (source), "/snippet.py", max_steps, cancel, &error);
  g_assert_null (error);
  g_assert_nonnull (trace);
  return trace;
}

/* The state at the last step is there, at the line where the run stopped. */
static void
assert_last_step_explorable (HsTrace *trace)
{
  guint64 n = hs_trace_get_n_steps (trace);
  g_autoptr(HsHeapState) state = NULL;

  g_assert_cmpuint (n, >, 0);
  state = hs_trace_get_state (trace, n - 1);
  g_assert_nonnull (state);
  g_assert_cmpuint (state->step, ==, n - 1);
}

static void
test_step_cap (void)
{
  g_autoptr(HsTrace) trace = record ("x = 0\nwhile True: pass\n", 500, NULL);

  g_assert_true (hs_trace_get_truncated (trace));
  g_assert_false (hs_trace_get_cancelled (trace));
  g_assert_cmpuint (hs_trace_get_n_steps (trace), ==, 501);
  g_assert_cmpint (hs_trace_get_step_line (trace, 400), ==, 2);
  assert_last_step_explorable (trace);
}

static void
test_work_cap (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(HsTrace) trace = record ("print('start')\nx = sum(range(10**12))\n", 1000, NULL);

  g_assert_true (hs_trace_get_truncated (trace));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_assert_cmpstr (hs_trace_get_output (trace), ==, "start\n");
  assert_last_step_explorable (trace);
}

static void
test_output_cap (void)
{
  g_autoptr(HsTrace) trace = record ("s = 'x' * 100000\nwhile True:\n    print(s)\n", 100000000, NULL);

  g_assert_true (hs_trace_get_truncated (trace));
  g_assert_cmpuint (strlen (hs_trace_get_output (trace)), <=, HS_DEFAULT_MAX_OUTPUT_BYTES);
  assert_last_step_explorable (trace);
}

static void
test_heap_cap (void)
{
  g_autoptr(HsTrace) trace = record ("x = [0] * 10**9\n", 0, NULL);

  g_assert_false (hs_trace_get_truncated (trace));
  g_assert_cmpint (hs_trace_get_exit_status (trace), ==, 1);
  g_assert_true (g_str_has_suffix (hs_trace_get_output (trace), "MemoryError\n"));
  assert_last_step_explorable (trace);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (100 * 1000);
  g_atomic_int_set ((volatile gint *) data, 1);
  return NULL;
}

/* A loop in C makes no line event: the cancel flag must still stop it. */
static void
test_cancel_inside_a_step (void)
{
  volatile gint cancel = 0;
  g_autoptr(GThread) thread = g_thread_new ("cancel", cancel_later, (gpointer) &cancel);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(HsTrace) trace = record ("x = 1\ny = max(range(10**15))\n",
                                     G_GUINT64_CONSTANT (1000000000000), &cancel);

  g_assert_true (hs_trace_get_cancelled (trace));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_thread_join (g_steal_pointer (&thread));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/step-cap", test_step_cap);
  g_test_add_func ("/limits/work-cap", test_work_cap);
  g_test_add_func ("/limits/output-cap", test_output_cap);
  g_test_add_func ("/limits/heap-cap", test_heap_cap);
  g_test_add_func ("/limits/cancel-inside-a-step", test_cancel_inside_a_step);

  return g_test_run ();
}
