/* hs-session-tasks.c — HsSession's worker threads: runs, heap states, searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every task here is a GTask run in a thread. A worker gets its own copy
 * of what it needs (the source text, a reference to the read-only HsTrace)
 * and never touches the session. Runs and state requests hold the session
 * only through a GWeakRef: closing a window does not wait for a runaway
 * snippet, whose cancel flag the session's dispose sets.
 */

#include "config.h"

#include <string.h>

#include "hs-session-private.h"
#include "hs-state-diff-private.h"

/* Tasks scheduled and not yet finalized, for tests that check a cancelled
 * run really stopped. Counted down when the task lets go of its data, which
 * GTask does after releasing its source object. */
static gint n_workers;

guint
_hs_session_get_n_workers (void)
{
  return (guint) g_atomic_int_get (&n_workers);
}

static void
run_worker (GTask           *task,
            GTaskThreadFunc  func)
{
  g_atomic_int_inc (&n_workers);
  g_task_run_in_thread (task, func);
}

static void
worker_done (void)
{
  g_atomic_int_add (&n_workers, -1);
}

/* Runs ------------------------------------------------------------------- */

/* Releasing a trace can take a while (it ends the engine's checkpoint
 * processes and waits for them), so the last reference never goes on the
 * main thread. */
static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  hs_trace_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

void
_hs_session_release_trace (HsTrace *trace)
{
  g_autoptr(GTask) task = NULL;

  if (trace == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, _hs_session_release_trace);
  g_task_set_task_data (task, trace, NULL);
  g_task_run_in_thread (task, release_thread);
}

static void
run_request_clear (gpointer data)
{
  HsRunRequest *request = data;

  g_weak_ref_clear (&request->session);
  g_free (request->source);
  g_free (request->filename);
  _hs_session_release_trace (g_steal_pointer (&request->old_trace));
  g_free (request->old_source);
  _hs_session_release_trace (g_steal_pointer (&request->trace));
  g_clear_pointer (&request->error, hs_diagnostic_free);
  g_clear_pointer (&request->state, hs_heap_state_unref);
  g_clear_pointer (&request->prev, hs_heap_state_unref);
}

void
_hs_run_request_unref (HsRunRequest *request)
{
  g_atomic_rc_box_release_full (request, run_request_clear);
}

static void
run_task_data_free (gpointer data)
{
  _hs_run_request_unref (data);
  worker_done ();
}

static gboolean
run_cancelled (HsRunRequest *request)
{
  return g_atomic_int_get (&request->cancel) != 0;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  HsRunRequest *request = task_data;

  request->trace = hs_trace_new (request->source, strlen (request->source), request->filename,
                                 request->max_steps, &request->cancel, &request->error);

  /* The first heap to show is materialised here too, so the new run
   * arrives complete and the main thread only swaps it in. */
  if (request->trace != NULL && !run_cancelled (request))
    {
      request->step = _hs_session_map_step (request->old_trace, request->old_source,
                                            request->old_step, request->trace, request->source);
      request->state = hs_trace_get_state (request->trace, request->step);
      if (request->step > 0 && !run_cancelled (request))
        request->prev = hs_trace_get_state (request->trace, request->step - 1);
    }
  g_clear_pointer (&request->old_trace, hs_trace_unref);
  g_task_return_boolean (task, TRUE);
}

static void
run_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HsRunRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(HsSession) self = g_weak_ref_get (&request->session);

  /* A cancelled run was replaced by a newer one: drop it. */
  if (self == NULL || self->run != request)
    return;
  _hs_session_run_finished (self, request);
}

void
_hs_session_cancel_run (HsSession *self)
{
  if (self->run == NULL)
    return;
  g_atomic_int_set (&self->run->cancel, 1);
  g_clear_pointer (&self->run, _hs_run_request_unref);
}

void
_hs_session_start_run (HsSession *self)
{
  g_autoptr(GTask) task = NULL;
  HsRunRequest *request;
  gboolean was_running = self->run != NULL;

  _hs_session_cancel_run (self);

  request = g_atomic_rc_box_new0 (HsRunRequest);
  g_weak_ref_init (&request->session, self);
  request->source = g_strdup (self->source);
  request->filename = g_strdup (self->filename);
  request->max_steps = self->max_steps;
  if (self->trace != NULL)
    {
      request->old_trace = hs_trace_ref (self->trace);
      request->old_serial = self->trace_serial;
      request->old_source = g_strdup (self->trace_source);
      request->old_step = self->step;
    }
  self->run = request;

  task = g_task_new (NULL, NULL, run_done, NULL);
  g_task_set_source_tag (task, _hs_session_start_run);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (request), run_task_data_free);
  run_worker (task, run_thread);

  if (!was_running)
    g_object_notify (G_OBJECT (self), "running");
}

/* Heap states ------------------------------------------------------------ */

typedef struct
{
  GWeakRef   session;
  HsTrace   *trace;       /* dropped by the worker when done */
  guint      trace_serial;
  GArray    *steps;     /* guint64 */
  GPtrArray *states;    /* HsHeapState, parallel to @steps */
} StatesRequest;

static void
states_request_free (gpointer data)
{
  StatesRequest *request = data;

  g_weak_ref_clear (&request->session);
  _hs_session_release_trace (request->trace);
  g_array_unref (request->steps);
  g_ptr_array_unref (request->states);
  g_free (request);
  worker_done ();
}

static void
states_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  StatesRequest *request = task_data;

  for (guint i = 0; i < request->steps->len; i++)
    {
      guint64 key = g_array_index (request->steps, guint64, i);
      guint64 step = key & ((G_GUINT64_CONSTANT (1) << HS_SESSION_EVENT_SHIFT) - 1);
      guint64 event = key >> HS_SESSION_EVENT_SHIFT;

      g_ptr_array_add (request->states,
                       event == 0 ? hs_trace_get_state (request->trace, step)
                                  : hs_trace_get_event_state (request->trace, step, event - 1));
    }
  g_clear_pointer (&request->trace, hs_trace_unref);
  g_task_return_boolean (task, TRUE);
}

static void
states_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  StatesRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(HsSession) self = g_weak_ref_get (&request->session);

  if (self != NULL)
    _hs_session_states_ready (self, request->trace_serial, request->steps, request->states);
}

/* One request at a time: hs_trace_get_state() replays the snippet, and two
 * replays at once would only share the same two cores. The session asks
 * again when the running one is done. */
void
_hs_session_request_states (HsSession     *self,
                            const guint64 *steps,
                            guint          n_steps)
{
  g_autoptr(GTask) task = NULL;
  StatesRequest *request;

  if (self->states_busy || n_steps == 0 || self->trace == NULL)
    return;

  request = g_new0 (StatesRequest, 1);
  g_weak_ref_init (&request->session, self);
  request->trace = hs_trace_ref (self->trace);
  request->trace_serial = self->trace_serial;
  request->steps = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_vals (request->steps, steps, n_steps);
  request->states = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_heap_state_unref);
  self->states_busy = TRUE;

  task = g_task_new (NULL, NULL, states_done, NULL);
  g_task_set_source_tag (task, _hs_session_request_states);
  g_task_set_task_data (task, request, states_request_free);
  run_worker (task, states_thread);
}

/* Searches --------------------------------------------------------------- */

typedef struct
{
  GWeakRef      session;      /* hs_session_go_to_next_change() only */
  GCancellable *cancellable;
  HsTrace      *trace;        /* dropped by the worker when done */
  guint         trace_serial;
  HsHeapState  *start;        /* the state at @from, when cached */
  guint64       from;
  guint64       id;
  HsChangeFlags what;
  guint64       found;        /* G_MAXUINT64: no such step */
} SearchRequest;

static void
search_request_free (gpointer data)
{
  SearchRequest *request = data;

  g_weak_ref_clear (&request->session);
  g_clear_object (&request->cancellable);
  _hs_session_release_trace (request->trace);
  g_clear_pointer (&request->start, hs_heap_state_unref);
  g_free (request);
  worker_done ();
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchRequest *request = task_data;
  HsTrace *trace = g_steal_pointer (&request->trace);
  guint64 n_steps = hs_trace_get_n_steps (trace);
  g_autoptr(HsHeapState) before = NULL;

  before = request->start != NULL ? hs_heap_state_ref (request->start)
                                  : hs_trace_get_state (trace, request->from);
  request->found = G_MAXUINT64;

  /* Each step is compared with the one before it. Without the engine's
   * checkpoints every state is a replay from the start, so this is
   * quadratic in the run's length: cancellable, and off the main thread. */
  for (guint64 step = request->from + 1; step < n_steps; step++)
    {
      g_autoptr(HsHeapState) after = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      after = hs_trace_get_state (trace, step);
      if (_hs_state_object_changed (before, after, request->id, request->what))
        {
          request->found = step;
          break;
        }
      /* Freed and gone: it will not change again. */
      if (hs_heap_state_lookup (before, request->id) == NULL
          && hs_heap_state_lookup (after, request->id) == NULL)
        break;
      g_clear_pointer (&before, hs_heap_state_unref);
      before = g_steal_pointer (&after);
    }
  hs_trace_unref (trace);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
search_go_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(HsSession) self = g_weak_ref_get (&request->session);

  if (self == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    request->found = G_MAXUINT64;
  _hs_session_search_finished (self, request->cancellable, request->trace_serial, request->found);
}

void
_hs_session_search (HsSession           *self,
                    guint64              id,
                    HsChangeFlags        what,
                    GCancellable        *cancellable,
                    gboolean             go,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchRequest *request = g_new0 (SearchRequest, 1);

  g_weak_ref_init (&request->session, go ? self : NULL);
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  request->trace = hs_trace_ref (self->trace);
  request->trace_serial = self->trace_serial;
  request->from = self->step;
  request->id = id;
  request->what = what;
  if (self->state != NULL && self->applied_step == self->step)
    request->start = hs_heap_state_ref (self->state);

  /* go_to_next_change() holds the session weakly, like the other workers;
   * the public async call holds it as its source object, as GIO does. */
  if (go)
    task = g_task_new (NULL, cancellable, search_go_done, NULL);
  else
    task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hs_session_find_next_change_async);
  g_task_set_task_data (task, request, search_request_free);
  run_worker (task, search_thread);
}

/**
 * hs_session_find_next_change_async:
 * @object: an object of the current run
 * @what: the changes to look for
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 *
 * Looks, in a worker thread, for the next step after the current one at
 * which @object changes in one of @what ways. It does not move the step:
 * hs_session_go_to_next_change() does.
 */
void
hs_session_find_next_change_async (HsSession           *self,
                                   HsHeapObject        *object,
                                   HsChangeFlags        what,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HS_IS_SESSION (self));
  g_return_if_fail (HS_IS_HEAP_OBJECT (object));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->trace == NULL)
    {
      g_task_report_new_error (self, callback, user_data, hs_session_find_next_change_async,
                               G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "The session has not run a snippet yet");
      return;
    }
  _hs_session_search (self, hs_heap_object_get_id (object), what, cancellable, FALSE,
                      callback, user_data);
}

/**
 * hs_session_find_next_change_finish:
 * @step: (out): the step found
 *
 * Returns: %TRUE with @step set if the object changes again; %FALSE with
 *   no error if it never does; %FALSE with @error if cancelled
 */
gboolean
hs_session_find_next_change_finish (HsSession     *self,
                                    GAsyncResult  *result,
                                    guint64       *step,
                                    GError       **error)
{
  SearchRequest *request;

  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  request = g_task_get_task_data (G_TASK (result));
  if (request->found == G_MAXUINT64)
    return FALSE;
  if (step != NULL)
    *step = request->found;
  return TRUE;
}

/* Keeping the learner's place across an edit ------------------------------ */

/**
 * _hs_session_map_line:
 *
 * Where @line of @old_source is in @source, assuming one region of lines
 * was edited: lines before it keep their number, lines after it shift by
 * the change in length, lines inside it stay put (clamped to the region).
 */
int
_hs_session_map_line (const char *old_source,
                      const char *source,
                      int         line)
{
  g_auto(GStrv) a = g_strsplit (old_source != NULL ? old_source : "", "\n", -1);
  g_auto(GStrv) b = g_strsplit (source != NULL ? source : "", "\n", -1);
  guint na = g_strv_length (a);
  guint nb = g_strv_length (b);
  guint prefix = 0;
  guint suffix = 0;
  int mapped;

  /* A final newline does not start a line. */
  if (na > 0 && a[na - 1][0] == '\0')
    na--;
  if (nb > 0 && b[nb - 1][0] == '\0')
    nb--;

  while (prefix < na && prefix < nb && strcmp (a[prefix], b[prefix]) == 0)
    prefix++;
  while (suffix < na - prefix && suffix < nb - prefix
         && strcmp (a[na - 1 - suffix], b[nb - 1 - suffix]) == 0)
    suffix++;

  if (line <= (int) prefix)
    mapped = line;
  else if (line > (int) (na - suffix))
    mapped = line + (int) nb - (int) na;
  else
    mapped = CLAMP (line, (int) prefix + 1, MAX ((int) prefix + 1, (int) (nb - suffix)));
  return CLAMP (mapped, 1, MAX ((int) nb, 1));
}

/**
 * _hs_session_map_step:
 *
 * The step of @trace that corresponds to @old_step of @old_trace: the same
 * line (after _hs_session_map_line()), and the same occurrence of it when
 * the line ran several times (the third pass through a loop stays the
 * third); failing that, the nearest line that ran.
 */
guint64
_hs_session_map_step (HsTrace    *old_trace,
                      const char *old_source,
                      guint64     old_step,
                      HsTrace    *trace,
                      const char *source)
{
  guint64 n_steps = hs_trace_get_n_steps (trace);
  guint64 occurrence = 0;
  guint64 seen = 0;
  guint64 last_match = G_MAXUINT64;
  guint64 best = G_MAXUINT64;
  guint64 best_line_distance = G_MAXUINT64;
  guint64 best_step_distance = G_MAXUINT64;
  int old_line;
  int line;

  if (old_trace == NULL || n_steps == 0)
    return 0;
  old_step = MIN (old_step, hs_trace_get_n_steps (old_trace) - 1);
  old_line = hs_trace_get_step_line (old_trace, old_step);
  /* The end stays the end; before the start stays there too. */
  if (old_line <= 0)
    return old_step == 0 ? 0 : n_steps - 1;

  for (guint64 i = 0; i < old_step; i++)
    if (hs_trace_get_step_line (old_trace, i) == old_line)
      occurrence++;

  line = _hs_session_map_line (old_source, source, old_line);
  for (guint64 i = 0; i < n_steps; i++)
    {
      int l = hs_trace_get_step_line (trace, i);
      guint64 line_distance;
      guint64 step_distance;

      if (l == line)
        {
          if (seen++ == occurrence)
            return i;
          last_match = i;
        }
      if (l <= 0)
        continue;
      line_distance = ABS (l - line);
      step_distance = i > old_step ? i - old_step : old_step - i;
      if (line_distance < best_line_distance
          || (line_distance == best_line_distance && step_distance < best_step_distance))
        {
          best = i;
          best_line_distance = line_distance;
          best_step_distance = step_distance;
        }
    }
  if (last_match != G_MAXUINT64)
    return last_match;
  return best != G_MAXUINT64 ? best : n_steps - 1;
}
