/* test-session-runs.c — HsSession's runs: re-runs, cancellation, signals, searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"

/* Time limits, in µs. AddressSanitizer (build-aux/test --sanitize) makes
 * every allocation and every fork of a worker several times slower. */
#ifdef __SANITIZE_ADDRESS__
#define RESPONSIVE_US (500 * 1000)
#else
#define RESPONSIVE_US (100 * 1000)
#endif

static const char list_snippet[] =
  "numbers = [1, 2, 3]\n"                 /* 1 */
  "print('numbers is', numbers)\n"        /* 2 */
  "alias = numbers\n"                     /* 3 */
  "numbers = [4, 5, 6]\n"                 /* 4 */
  "del alias\n"                           /* 5 */
  "print('the first list is gone')\n";    /* 6 */

/* Counts main-loop iterations, and the longest gap between two ticks. */
typedef struct
{
  guint  ticks;
  gint64 last;
  gint64 longest_gap;
} Ticker;

static gboolean
ticker_tick (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->longest_gap = MAX (ticker->longest_gap, now - ticker->last);
  ticker->last = now;
  ticker->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
not_running (gpointer data)
{
  return !hs_session_get_running (data);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop for @msec, sleeping between events like an app. */
static void
iterate_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_true, &done);
  iterate_until (is_true, &done);
}

/* Every signal the session and its objects emit, from any thread. */
typedef struct
{
  HsSession  *session;
  GHashTable *watched;     /* objects with a notify handler */
  guint       notifies;
  guint       items_changed;
} SignalSpy;

static void
spy_notify (GObject    *object,
            GParamSpec *pspec,
            SignalSpy  *spy)
{
  assert_main_thread ();
  spy->notifies++;
}

static void
spy_watch (SignalSpy *spy,
           gpointer   object)
{
  if (g_hash_table_contains (spy->watched, object))
    return;
  g_hash_table_add (spy->watched, g_object_ref (object));
  g_signal_connect (object, "notify", G_CALLBACK (spy_notify), spy);
}

static void spy_items_changed (GListModel *model,
                               guint       position,
                               guint       removed,
                               guint       added,
                               SignalSpy  *spy);

static void
spy_watch_list (SignalSpy  *spy,
                GListModel *model)
{
  if (g_hash_table_contains (spy->watched, model))
    return;
  g_hash_table_add (spy->watched, g_object_ref (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (spy_items_changed), spy);
  /* Watch what is already there; not an emission. */
  spy_items_changed (model, 0, 0, g_list_model_get_n_items (model), spy);
  spy->items_changed--;
  model_test_signals_seen--;
}

static void
spy_items_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   SignalSpy  *spy)
{
  assert_main_thread ();
  spy->items_changed++;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      spy_watch (spy, item);
      if (HS_IS_FRAME_ITEM (item))
        spy_watch_list (spy, hs_frame_item_get_names (HS_FRAME_ITEM (item)));
    }
}

static void
spy_init (SignalSpy *spy,
          HsSession *session)
{
  spy->session = session;
  spy->watched = g_hash_table_new (NULL, NULL);
  spy->notifies = spy->items_changed = 0;
  g_signal_connect (session, "notify", G_CALLBACK (spy_notify), spy);
  spy_watch_list (spy, hs_session_get_objects (session));
  spy_watch_list (spy, hs_session_get_frames (session));
}

static void
spy_clear (SignalSpy *spy)
{
  GHashTableIter iter;
  gpointer object;

  g_signal_handlers_disconnect_by_data (spy->session, spy);
  g_hash_table_iter_init (&iter, spy->watched);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    {
      g_signal_handlers_disconnect_by_data (object, spy);
      g_object_unref (object);
    }
  g_clear_pointer (&spy->watched, g_hash_table_unref);
}

/* A snippet that never ends, and a much larger cap than the app's: only
 * cancellation stops it. A new source must replace it within 100 ms. */
static void
test_cancel_runaway (void)
{
  g_autoptr(HsSession) session = hs_session_new ();
  Ticker ticker = { 0, };
  guint tick;
  gint64 t0;
  gint64 replaced_after;
  gint64 stopped_after;

  hs_session_set_max_steps (session, G_GUINT64_CONSTANT (1000000000000));
  g_assert_cmpuint (_hs_session_get_n_workers (), ==, 0);
  hs_session_set_source (session, "while True:\n    pass\n");
  g_assert_true (hs_session_get_running (session));

  /* The main loop keeps turning meanwhile. */
  tick = g_timeout_add (5, ticker_tick, &ticker);
  iterate_for (200);
  g_assert_true (hs_session_get_running (session));
  g_test_message ("%u ticks of 5 ms in 200 ms, longest gap %.1f ms",
                  ticker.ticks, ticker.longest_gap / 1000.);
  g_assert_cmpuint (ticker.ticks, >=, 10);
  g_assert_cmpint (ticker.longest_gap, <, RESPONSIVE_US);
  g_assert_cmpuint (_hs_session_get_n_workers (), ==, 1);
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 0);

  t0 = g_get_monotonic_time ();
  hs_session_set_source (session, "x = 1\n");
  iterate_until (not_running, session);
  replaced_after = g_get_monotonic_time () - t0;
  drain_workers ();
  stopped_after = g_get_monotonic_time () - t0;
  g_test_message ("new run shown after %.1f ms, runaway stopped after %.1f ms",
                  replaced_after / 1000., stopped_after / 1000.);
  g_assert_cmpint (replaced_after, <, RESPONSIVE_US);
  g_assert_cmpint (stopped_after, <, RESPONSIVE_US);
  g_assert_cmpuint (_hs_session_get_n_workers (), ==, 0);

  wait_for_session (session);
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 2);
  g_assert_false (hs_session_get_truncated (session));
  /* No run was ever shown, so no place to keep: the start. */
  g_assert_cmpuint (hs_session_get_step (session), ==, 0);
  g_assert_cmpint (hs_session_get_line (session), ==, 1);

  g_source_remove (tick);
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* Dropping the session stops its run too: nothing waits for a runaway. */
static void
test_dispose_cancels (void)
{
  HsSession *session = hs_session_new ();
  gint64 t0;

  hs_session_set_max_steps (session, G_GUINT64_CONSTANT (1000000000000));
  hs_session_set_source (session, "n = 0\nwhile True:\n    n += 1\n");
  iterate_for (50);
  g_assert_true (hs_session_get_running (session));

  t0 = g_get_monotonic_time ();
  g_assert_finalize_object (session);
  drain_workers ();
  g_assert_cmpint (g_get_monotonic_time () - t0, <, RESPONSIVE_US);
}

/* The app's cap: an endless loop ends at 100,000 steps with a clear
 * message, and the main loop never waits for it. */
static void
test_step_cap (void)
{
  g_autoptr(HsSession) session = hs_session_new ();
  Ticker ticker = { 0, };
  guint tick = g_timeout_add (2, ticker_tick, &ticker);

  hs_session_set_source (session, "while True:\n    pass\n");
  wait_for_session (session);
  g_assert_true (hs_session_get_truncated (session));
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 100001);
  g_assert_null (hs_session_get_error (session));

  hs_session_go_to_last (session);
  g_assert_cmpuint (hs_session_get_step (session), ==, 100000);
  wait_for_session (session);
  g_assert_nonnull (strstr (hs_session_get_explanation (session),
                            "the run stops here: it reached the limit of 100000 steps"));
  g_test_message ("longest main-loop gap: %.1f ms", ticker.longest_gap / 1000.);
  g_assert_cmpint (ticker.longest_gap, <, RESPONSIVE_US);

  /* A lower cap runs it again. */
  hs_session_set_max_steps (session, 10);
  wait_for_session (session);
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 11);
  g_assert_cmpuint (hs_session_get_step (session), ==, 10);

  g_source_remove (tick);
  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* Editing a line keeps the learner's place: the same line, the same pass
 * through a loop, or the line's new number when lines are added above. */
static void
test_keep_step (void)
{
  g_autoptr(HsSession) session = session_new_with (
    "a = [1]\n"            /* 1 */
    "b = a\n"              /* 2 */
    "c = [a, b]\n"         /* 3 */
    "d = len(c)\n");       /* 4 */
  g_autoptr(HsSession) loop = NULL;
  guint64 third;

  go_to_line (session, 3);

  /* Edit line 3. */
  hs_session_set_source (session, "a = [1]\nb = a\nc = [b, a, 1]\nd = len(c)\n");
  g_assert_true (hs_session_get_running (session));
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 3);
  g_assert_nonnull (lookup_name (session, "b"));
  g_assert_null (lookup_name (session, "c"));

  /* A line inserted above: line 3 is now line 4. */
  hs_session_set_source (session, "z = 0\na = [1]\nb = a\nc = [b, a, 1]\nd = len(c)\n");
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 4);
  g_assert_cmpstr (hs_session_get_explanation (session), ==,
                   "line 3: `b = a` — `b` now refers to the list [1]; the list [1]'s refcount 1 → 2");

  /* Line 3 deleted: the nearest line that runs. */
  hs_session_set_source (session, "z = 0\na = [1]\nb = a\nd = 1\n");
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 4);

  /* The third pass through a loop stays the third pass. */
  loop = session_new_with ("total = 0\nfor i in range(5):\n    total += i\nprint(total)\n");
  third = find_step (loop, 3, 2);
  go_to (loop, third);
  hs_session_set_source (loop, "total = 0\nfor i in range(5):\n    total += i * 2\nprint(total)\n");
  wait_for_session (loop);
  g_assert_cmpint (hs_session_get_line (loop), ==, 3);
  g_assert_cmpuint (hs_session_get_step (loop), ==, find_step (loop, 3, 2));
  g_assert_cmpstr (hs_heap_object_get_value_text (lookup_name (loop, "i")), ==, "2");

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_finalize_object (g_steal_pointer (&loop));
}

static void
test_line_mapping (void)
{
  const char *before = "a\nb\nc\nd\ne\n";

  /* Unchanged, edited in place, lines added or removed around. */
  g_assert_cmpint (_hs_session_map_line (before, before, 3), ==, 3);
  g_assert_cmpint (_hs_session_map_line (before, "a\nb\nC!\nd\ne\n", 3), ==, 3);
  g_assert_cmpint (_hs_session_map_line (before, "x\ny\na\nb\nc\nd\ne\n", 3), ==, 5);
  g_assert_cmpint (_hs_session_map_line (before, "a\nb\nc\nd\nX\ne\n", 3), ==, 3);
  g_assert_cmpint (_hs_session_map_line (before, "b\nc\nd\ne\n", 3), ==, 2);
  g_assert_cmpint (_hs_session_map_line (before, "a\nb\nd\ne\n", 3), ==, 3);
  g_assert_cmpint (_hs_session_map_line (before, "a\nb\n", 4), ==, 2);
  g_assert_cmpint (_hs_session_map_line ("", "a\n", 1), ==, 1);
}

static void
test_syntax_error (void)
{
  g_autoptr(HsSession) session = session_new_with ("x = 1\ny = [x]\n");
  const HsDiagnostic *error;
  NotifyWatch watch;
  guint64 n_steps = hs_session_get_n_steps (session);

  go_to_line (session, 2);

  /* python3: SyntaxError: '(' was never closed, line 1, column 5. */
  notify_watch_start (&watch, session);
  hs_session_set_source (session, "x = (\ny = [x]\n");
  wait_for_session (session);
  error = hs_session_get_error (session);
  g_assert_nonnull (error);
  g_assert_cmpint (error->kind, ==, HS_DIAG_SYNTAX_ERROR);
  g_assert_cmpint (error->line, ==, 1);
  g_assert_cmpint (error->col, ==, 5);
  g_assert_cmpstr (error->message, ==, "'(' was never closed");
  g_assert_cmpuint (notify_watch_count (&watch, "error"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&watch, "source"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&watch, "running"), ==, 2);
  /* The last good run stays. */
  g_assert_cmpuint (notify_watch_count (&watch, "n-steps"), ==, 0);
  g_assert_cmpuint (notify_watch_count (&watch, "step"), ==, 0);
  g_assert_cmpuint (notify_watch_count (&watch, "state"), ==, 0);
  notify_watch_finish (&watch, (const char * const []) { "running", NULL });
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, n_steps);
  g_assert_cmpint (hs_session_get_line (session), ==, 2);

  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, HS_TYPE_DIAGNOSTIC);
    g_object_get_property (G_OBJECT (session), "error", &value);
    g_assert_cmpint (((HsDiagnostic *) g_value_get_boxed (&value))->line, ==, 1);
  }

  /* Fixed: the error goes away. */
  hs_session_set_source (session, "x = (1)\ny = [x]\n");
  wait_for_session (session);
  g_assert_null (hs_session_get_error (session));
  g_assert_cmpint (hs_session_get_line (session), ==, 2);

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));

  /* A first run that fails shows nothing at all. */
  session = hs_session_new ();
  hs_session_set_source (session, "y = )\n");
  wait_for_session (session);
  g_assert_nonnull (hs_session_get_error (session));
  g_assert_cmpint (hs_session_get_error (session)->line, ==, 1);
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hs_session_get_objects (session)), ==, 0);
  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* items-changed describes exactly how the list changes, and only when
 * it does; a freed object stays one step as a ghost. */
static void
test_items_changed (void)
{
  g_autoptr(HsSession) session = session_new_with (list_snippet);
  GListModel *objects = hs_session_get_objects (session);
  g_autoptr(HsHeapObject) first = NULL;
  guint64 freeing_step = find_step (session, 6, 0);
  ListWatch watch;

  list_watch_init (&watch, objects);
  for (guint64 step = 1; step < hs_session_get_n_steps (session); step++)
    {
      go_to (session, step);
      list_watch_check (&watch);
      if (step == 1)
        first = g_object_ref (lookup_name (session, "numbers"));
      if (step == freeing_step)
        {
          g_assert_cmpint (hs_heap_object_get_state (first), ==, HS_OBJECT_FREED);
          g_assert_cmpint (list_position (objects, first), >=, 0);
        }
      if (step == freeing_step + 1)
        g_assert_cmpint (list_position (objects, first), ==, -1);
    }

  /* Showing the same step again changes nothing. */
  list_watch_reset (&watch);
  hs_session_set_step (session, hs_session_get_step (session));
  go_to (session, hs_session_get_n_steps (session) - 1);
  g_assert_cmpuint (watch.emissions, ==, 0);

  /* The list changes by steps, not by history: back to the freeing step,
   * the ghost is there again. */
  go_to (session, freeing_step);
  list_watch_check (&watch);
  g_assert_cmpint (list_position (objects, first), >=, 0);
  g_assert_cmpint (hs_heap_object_get_state (first), ==, HS_OBJECT_FREED);

  /* numbers = [4, 5, 6] adds the new list and its three ints (shared
   * small ints that come into view): two runs of insertions, one for the
   * ints (created long before) and one for the list. */
  go_to_line (session, 4);
  list_watch_reset (&watch);
  go_to_line (session, 5);
  list_watch_check (&watch);
  g_assert_cmpuint (watch.removed, ==, 0);
  g_assert_cmpuint (watch.added, ==, 4);
  g_assert_cmpuint (watch.emissions, ==, 2);

  list_watch_clear (&watch);
  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_finalize_object (g_steal_pointer (&first));
}

/* notify: once per real change, never for an unchanged value. */
static void
test_notify (void)
{
  g_autoptr(HsSession) session = session_new_with (list_snippet);
  const char * const transient[] = { "loading", NULL };
  HsHeapObject *first;
  NotifyWatch object_watch;
  NotifyWatch session_watch;

  go_to_line (session, 3);
  first = lookup_name (session, "numbers");

  /* alias = numbers: refcount and referrers change; nothing else. */
  notify_watch_start (&object_watch, first);
  notify_watch_start (&session_watch, session);
  go_to_line (session, 4);
  g_assert_cmpuint (notify_watch_count (&object_watch, "refcount"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&object_watch, "referrer-count"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&object_watch, "value-text"), ==, 0);
  g_assert_cmpuint (notify_watch_count (&object_watch, "generation"), ==, 0);
  g_assert_cmpuint (notify_watch_count (&session_watch, "step"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&session_watch, "line"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&session_watch, "state"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&session_watch, "explanation"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&session_watch, "n-steps"), ==, 0);
  g_assert_cmpuint (notify_watch_count (&session_watch, "running"), ==, 0);
  notify_watch_finish (&object_watch, NULL);
  notify_watch_finish (&session_watch, transient);

  /* The same step again: not a single notify. */
  notify_watch_start (&object_watch, first);
  notify_watch_start (&session_watch, session);
  hs_session_set_step (session, hs_session_get_step (session));
  g_object_set (session, "step", hs_session_get_step (session), "source",
                hs_session_get_source (session), "max-steps", hs_session_get_max_steps (session),
                NULL);
  wait_for_session (session);
  g_assert_cmpuint (g_hash_table_size (object_watch.notified), ==, 0);
  g_assert_cmpuint (g_hash_table_size (session_watch.notified), ==, 0);
  notify_watch_finish (&object_watch, NULL);
  notify_watch_finish (&session_watch, NULL);

  /* Back and forth: each way notifies once, from the cache. */
  notify_watch_start (&object_watch, first);
  go_to_line (session, 3);
  g_assert_cmpuint (notify_watch_count (&object_watch, "refcount"), ==, 1);
  notify_watch_finish (&object_watch, NULL);
  notify_watch_start (&object_watch, first);
  go_to_line (session, 4);
  g_assert_cmpuint (notify_watch_count (&object_watch, "refcount"), ==, 1);
  notify_watch_finish (&object_watch, NULL);

  /* Freed: state and refcount together. */
  notify_watch_start (&object_watch, first);
  go_to_line (session, 6);
  g_assert_cmpuint (notify_watch_count (&object_watch, "state"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&object_watch, "refcount"), ==, 1);
  notify_watch_finish (&object_watch, NULL);

  /* Output only when it grows. */
  notify_watch_start (&session_watch, session);
  go_to_line (session, 5);
  g_assert_cmpuint (notify_watch_count (&session_watch, "output"), ==, 0);
  notify_watch_finish (&session_watch, transient);
  notify_watch_start (&session_watch, session);
  hs_session_go_to_last (session);
  wait_for_session (session);
  g_assert_cmpuint (notify_watch_count (&session_watch, "output"), ==, 1);
  notify_watch_finish (&session_watch, transient);

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* No signal from a worker: every handler checks its thread, through runs,
 * cancelled runs, steps, searches and edits. */
static void
test_signals_on_main_thread (void)
{
  g_autoptr(HsSession) session = hs_session_new ();
  SignalSpy spy;
  guint before = model_test_signals_seen;

  spy_init (&spy, session);
  hs_session_set_max_steps (session, G_GUINT64_CONSTANT (1000000000000));
  hs_session_set_source (session, "while True:\n    pass\n");
  iterate_for (20);
  hs_session_set_source (session, "x = [1]\n");
  hs_session_set_max_steps (session, 100000);
  hs_session_set_source (session, list_snippet);
  wait_for_session (session);
  while (hs_session_step_forward (session))
    wait_for_session (session);
  while (hs_session_step_back (session))
    ;
  wait_for_session (session);
  go_to_line (session, 2);
  hs_session_go_to_next_change (session, lookup_name (session, "numbers"), HS_CHANGE_ANY);
  wait_for_session (session);
  hs_session_set_source (session, "numbers = [1, 2]\nalias = numbers\nprint(alias)\n");
  wait_for_session (session);
  drain_workers ();

  g_assert_cmpuint (spy.notifies, >, 20);
  g_assert_cmpuint (spy.items_changed, >, 5);
  g_assert_cmpuint (model_test_signals_seen - before, ==, spy.notifies + spy.items_changed);
  spy_clear (&spy);
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint64 *found = user_data;
  g_autoptr(GError) error = NULL;
  guint64 step = 0;

  assert_main_thread ();
  if (hs_session_find_next_change_finish (HS_SESSION (object), result, &step, &error))
    *found = step;
  else
    {
      g_assert_no_error (error);
      *found = G_MAXUINT64 - 1;
    }
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint64 *found = user_data;
  g_autoptr(GError) error = NULL;
  guint64 step = 0;

  assert_main_thread ();
  g_assert_false (hs_session_find_next_change_finish (HS_SESSION (object), result, &step, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *found = 1;
}

static gboolean
is_set (gpointer data)
{
  return *(guint64 *) data != 0;
}

static void
test_next_change (void)
{
  g_autoptr(HsSession) session = session_new_with (list_snippet);
  g_autoptr(GCancellable) cancellable = NULL;
  HsHeapObject *first;
  guint64 found = 0;

  go_to_line (session, 2);
  first = lookup_name (session, "numbers");

  /* Its refcount: up with alias, down when numbers moves on, freed. */
  hs_session_go_to_next_change (session, first, HS_CHANGE_REFCOUNT);
  g_assert_true (hs_session_get_searching (session));
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 4);
  g_assert_cmpint (hs_heap_object_get_refcount (first), ==, 2);
  hs_session_go_to_next_change (session, first, HS_CHANGE_REFCOUNT);
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 5);
  hs_session_go_to_next_change (session, first, HS_CHANGE_REFCOUNT);
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 6);
  g_assert_cmpint (hs_heap_object_get_state (first), ==, HS_OBJECT_FREED);
  /* Freed: it never changes again, and the step stays. */
  hs_session_go_to_next_change (session, first, HS_CHANGE_ANY);
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 6);

  /* The async form does not move: its value never changes, only its
   * freeing counts. */
  go_to_line (session, 2);
  hs_session_find_next_change_async (session, first, HS_CHANGE_VALUE, NULL, found_cb, &found);
  iterate_until (is_set, &found);
  g_assert_cmpuint (found, ==, find_step (session, 6, 0));
  g_assert_cmpint (hs_session_get_line (session), ==, 2);

  /* Generation: it stays in generation 0 until it is freed. */
  found = 0;
  hs_session_find_next_change_async (session, first, HS_CHANGE_GENERATION, NULL, found_cb, &found);
  iterate_until (is_set, &found);
  g_assert_cmpuint (found, ==, find_step (session, 6, 0));

  /* Cancelled: an error, no move. */
  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  found = 0;
  hs_session_find_next_change_async (session, first, HS_CHANGE_ANY, cancellable,
                                     cancelled_cb, &found);
  iterate_until (is_set, &found);
  g_assert_cmpint (hs_session_get_line (session), ==, 2);

  /* hs_session_cancel_search() stops a search. */
  hs_session_go_to_next_change (session, first, HS_CHANGE_ANY);
  hs_session_cancel_search (session);
  g_assert_false (hs_session_get_searching (session));
  drain_workers ();
  g_assert_cmpint (hs_session_get_line (session), ==, 2);

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
test_finalize_objects (void)
{
  g_autoptr(HsSession) session = session_new_with (list_snippet);
  g_autoptr(HsHeapObject) first = NULL;
  g_autoptr(HsFrameItem) frame = NULL;
  g_autoptr(GListModel) objects = NULL;

  go_to_line (session, 4);
  first = g_object_ref (lookup_name (session, "numbers"));
  frame = g_list_model_get_item (hs_session_get_frames (session), 0);
  objects = g_object_ref (hs_session_get_objects (session));

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
  /* The list outlives the session with what it showed. */
  g_assert_cmpint (list_position (objects, first), >=, 0);
  g_assert_finalize_object (g_steal_pointer (&objects));
  g_assert_finalize_object (g_steal_pointer (&frame));
  g_assert_finalize_object (g_steal_pointer (&first));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  model_test_init ();

  g_test_add_func ("/model/runs/cancel-runaway", test_cancel_runaway);
  g_test_add_func ("/model/runs/dispose-cancels", test_dispose_cancels);
  g_test_add_func ("/model/runs/step-cap", test_step_cap);
  g_test_add_func ("/model/runs/keep-step", test_keep_step);
  g_test_add_func ("/model/runs/line-mapping", test_line_mapping);
  g_test_add_func ("/model/runs/syntax-error", test_syntax_error);
  g_test_add_func ("/model/runs/items-changed", test_items_changed);
  g_test_add_func ("/model/runs/notify", test_notify);
  g_test_add_func ("/model/runs/signals-on-main-thread", test_signals_on_main_thread);
  g_test_add_func ("/model/runs/next-change", test_next_change);
  g_test_add_func ("/model/runs/finalize-objects", test_finalize_objects);

  return g_test_run ();
}
