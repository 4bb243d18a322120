/* test-event-steps.c — stepping into a line: its events and the heap at each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line that frees a cascade of objects reports, in order, each object's
 * deallocation (its count reaching zero), each weak reference cleared and
 * each block released. CPython shows the order of deallocations through
 * weak reference callbacks, which run as each deallocation begins: the
 * snippet logs them, and the test compares that log with python3's and
 * with the order of the recorded events. The heap at every event must be
 * the same however it is reached (a checkpoint's worker stepping forward
 * or back, or a re-run from the start).
 */

#include "config.h"

#include <string.h>

#include "hs-heap-snapshot.h"
#include "hs-trace.h"

/* A tree: head → [k0, k1], k0 → k0c. Deleting the only name of head frees
 * all four in one line. Callbacks are built-in methods, so no Python line
 * runs inside that line. */
static const char cascade[] =
  "import weakref\n"
  "class Node:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "log = []\n"
  "refs = {}\n"
  "head = Node('head')\n"
  "head.kids = [Node('k0'), Node('k1')]\n"
  "head.kids[0].child = Node('k0c')\n"
  "for n in (head, head.kids[0], head.kids[1], head.kids[0].child):\n"
  "    refs[n.name] = weakref.ref(n, log.append)\n"
  "del n\n"
  "del head\n"
  "print([name for name, r in refs.items() for dead in log if dead is r])\n";

#define CASCADE_LINE 13

static char *
python3_output (const char *source)
{
  const char *argv[] = { "python3", "-c", source, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, NULL, &status, &error))
    return NULL;
  return g_steal_pointer (&out);
}

static HsTrace *
record (const char *source,
        gboolean    checkpoints)
{
  g_autoptr(HsDiagnostic) error = NULL;
  HsTrace *trace;

  if (checkpoints)
    {
      /* A checkpoint at every step, so even this short run has some. */
      g_unsetenv ("HEAPSCOPE_NO_CHECKPOINTS");
      g_setenv ("HEAPSCOPE_CHECKPOINT_STEPS", "1", TRUE);
    }
  else
    g_setenv ("HEAPSCOPE_NO_CHECKPOINTS", "1", TRUE);
  trace = hs_trace_new (source, strlen (source), "<test>", 0, NULL, &error);
  g_unsetenv ("HEAPSCOPE_NO_CHECKPOINTS");
  g_unsetenv ("HEAPSCOPE_CHECKPOINT_STEPS");
  g_assert_null (error);
  g_assert_nonnull (trace);
  return trace;
}

/* The step whose events are those of running @line (the step after it). */
static guint64
step_running (HsTrace *trace,
              int      line)
{
  for (guint64 s = 0; s + 1 < hs_trace_get_n_steps (trace); s++)
    if (hs_trace_get_step_line (trace, s) == line)
      return s + 1;
  g_assert_not_reached ();
  return 0;
}

static GBytes *
state_bytes (HsHeapState *state)
{
  GByteArray *out = g_byte_array_new ();

  _hs_heap_state_write (state, out);
  return g_byte_array_free_to_bytes (out);
}

static gboolean
has_object (HsHeapState *state,
            guint64      id)
{
  return hs_heap_state_lookup (state, id) != NULL;
}

static void
test_cascade_order (void)
{
  g_autoptr(HsTrace) trace = record (cascade, FALSE);
  g_autoptr(HsHeapState) state = NULL;
  g_autofree char *expected = python3_output (cascade);
  g_autoptr(GArray) deallocs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) cleared = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 step;

  if (expected == NULL)
    {
      g_test_skip ("python3 not found");
      return;
    }
  /* Same order of deallocation as CPython: head, then its dict's values. */
  g_assert_cmpstr (hs_trace_get_output (trace), ==, expected);

  step = step_running (trace, CASCADE_LINE);
  state = hs_trace_get_state (trace, step);
  for (guint i = 0; i < state->events->len; i++)
    {
      const HsEventInfo *ev = &g_array_index (state->events, HsEventInfo, i);

      if (ev->kind == HS_EVENT_WEAKREF_CLEARED)
        g_array_append_val (cleared, ev->arg);
    }
  g_assert_cmpuint (cleared->len, ==, 4);

  /* Each tracked node: its deallocation begins, its weak reference is
   * cleared (that is when CPython calls the callback), later its memory is
   * released — and the deallocations come in the callbacks' order. */
  for (guint i = 0; i < state->events->len; i++)
    {
      const HsEventInfo *ev = &g_array_index (state->events, HsEventInfo, i);
      gboolean tracked = FALSE;

      for (guint j = 0; j < cleared->len; j++)
        tracked |= g_array_index (cleared, guint64, j) == ev->object;
      if (ev->kind == HS_EVENT_DEALLOC && tracked)
        {
          gboolean cleared_later = FALSE, freed_later = FALSE;

          g_array_append_val (deallocs, ev->object);
          for (guint k = i + 1; k < state->events->len; k++)
            {
              const HsEventInfo *later = &g_array_index (state->events, HsEventInfo, k);

              cleared_later |= later->kind == HS_EVENT_WEAKREF_CLEARED
                               && (guint64) later->arg == ev->object;
              freed_later |= later->kind == HS_EVENT_FREE && later->object == ev->object;
            }
          g_assert_true (cleared_later);
          g_assert_true (freed_later);
        }
    }
  g_assert_cmpuint (deallocs->len, ==, 4);
  for (guint j = 0; j < 4; j++)
    g_assert_cmpuint (g_array_index (deallocs, guint64, j), ==, g_array_index (cleared, guint64, j));

  /* The heap inside the line: as a node's deallocation begins, it and the
   * nodes before it are gone; those after it are still there, held. */
  for (guint i = 0; i < state->events->len; i++)
    {
      const HsEventInfo *ev = &g_array_index (state->events, HsEventInfo, i);
      g_autoptr(HsHeapState) at = NULL;
      guint pos = G_MAXUINT;

      if (ev->kind != HS_EVENT_DEALLOC)
        continue;
      for (guint j = 0; j < deallocs->len; j++)
        if (g_array_index (deallocs, guint64, j) == ev->object)
          pos = j;
      if (pos == G_MAXUINT)
        continue;
      at = hs_trace_get_event_state (trace, step, i);
      g_assert_cmpuint (at->step, ==, step);
      g_assert_cmpuint (at->event, ==, i);
      g_assert_cmpint (at->line, ==, CASCADE_LINE);
      g_assert_cmpuint (at->events->len, ==, i + 1);
      g_assert_cmpuint (g_array_index (at->events, HsEventInfo, i).kind, ==, HS_EVENT_DEALLOC);
      for (guint j = 0; j < deallocs->len; j++)
        {
          guint64 id = g_array_index (deallocs, guint64, j);

          g_assert_true (has_object (at, id) == (j > pos));
          if (j > pos)
            g_assert_cmpint (hs_heap_state_lookup (at, id)->refcount, >=, 1);
        }
    }

  /* Past the last event: the whole step. */
  {
    g_autoptr(HsHeapState) past = hs_trace_get_event_state (trace, step, state->events->len);
    g_autoptr(GBytes) past_bytes = state_bytes (past);
    g_autoptr(GBytes) bytes = state_bytes (state);

    g_assert_cmpuint (past->event, ==, HS_STATE_WHOLE_STEP);
    g_assert_true (g_bytes_equal (past_bytes, bytes));
  }
}

/* An allocation's event: the object does not exist yet as it happens, and
 * does right after. */
static void
test_alloc_event (void)
{
  static const char source[] = "x = [1.5, 2.5]\ny = [x]\n";
  g_autoptr(HsTrace) trace = record (source, FALSE);
  guint64 step = step_running (trace, 2);
  g_autoptr(HsHeapState) state = hs_trace_get_state (trace, step);
  guint alloc = G_MAXUINT;
  guint64 id = 0;

  for (guint i = 0; i < state->events->len && alloc == G_MAXUINT; i++)
    if (g_array_index (state->events, HsEventInfo, i).kind == HS_EVENT_ALLOC)
      {
        alloc = i;
        id = g_array_index (state->events, HsEventInfo, i).object;
      }
  g_assert_cmpuint (alloc, !=, G_MAXUINT);
  g_assert_true (has_object (state, id));
  {
    g_autoptr(HsHeapState) before = hs_trace_get_event_state (trace, step, alloc);
    g_autoptr(HsHeapState) after = hs_trace_get_event_state (trace, step, alloc + 1);

    g_assert_false (has_object (before, id));
    if (after->event != HS_STATE_WHOLE_STEP)
      g_assert_true (has_object (after, id));
  }
}

static void
assert_same_event_state (HsTrace *trace,
                         HsTrace *reference,
                         guint64  step,
                         guint    event)
{
  g_autoptr(HsHeapState) state = hs_trace_get_event_state (trace, step, event);
  g_autoptr(HsHeapState) expected = hs_trace_get_event_state (reference, step, event);
  g_autoptr(GBytes) bytes = state_bytes (state);
  g_autoptr(GBytes) expected_bytes = state_bytes (expected);

  if (!g_bytes_equal (bytes, expected_bytes))
    g_error ("step %" G_GUINT64_FORMAT " event %u: the states differ", step, event);
}

/* A collection with finalizers, a resurrection and weak references: every
 * event of every step, stepping forward through a line's events (a worker's
 * cursor runs on), then back (a new worker each time), equals a re-run. */
static const char collection[] =
  "import gc, weakref\n"
  "saved = []\n"
  "class A:\n"
  "    def __del__(self):\n"
  "        saved.append(self)\n"
  "class B:\n"
  "    pass\n"
  "def make():\n"
  "    a, b = A(), B()\n"
  "    a.b, b.a = b, a\n"
  "    return weakref.ref(b)\n"
  "r = make()\n"
  "print(gc.collect(), r() is not None)\n"
  "saved.clear()\n"
  "print(gc.collect(), r())\n";

static void
test_access_paths_agree (void)
{
  g_autoptr(HsTrace) trace = record (collection, TRUE);
  g_autoptr(HsTrace) reference = record (collection, FALSE);
  g_autofree char *expected = python3_output (collection);
  guint64 n = hs_trace_get_n_steps (trace);
  guint checked = 0;

  if (expected != NULL)
    g_assert_cmpstr (hs_trace_get_output (trace), ==, expected);
  if (hs_trace_get_n_checkpoints (trace) == 0)
    {
      g_test_skip ("no checkpoints on this platform");
      return;
    }
  for (guint64 s = 0; s < n; s++)
    {
      g_autoptr(HsHeapState) whole = hs_trace_get_state (reference, s);
      guint n_events = whole->events->len;

      for (guint e = 0; e <= n_events; e++)
        assert_same_event_state (trace, reference, s, e);
      for (guint e = n_events; e > 0; e--)
        assert_same_event_state (trace, reference, s, e - 1);
      checked += n_events;
    }
  /* The collections' phases are events too. */
  g_assert_cmpuint (checked, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/event-steps/cascade-order", test_cascade_order);
  g_test_add_func ("/event-steps/alloc", test_alloc_event);
  g_test_add_func ("/event-steps/access-paths-agree", test_access_paths_agree);
  return g_test_run ();
}
