/* hs-session.c — one window's snippet, its recorded run and the current step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session is what every view binds to. Setting :source runs the
 * snippet in a worker thread; the finished run replaces the shown one in a
 * single main-loop callback. Setting :step shows the heap at that step: the
 * state comes from a small cache or from a worker, and is turned into
 * list-model changes here, on the main thread. The same simulated object
 * is the same HsHeapObject at every step of one run, so its properties
 * notify as they change and bound cells update by themselves.
 */

#include "config.h"

#include <string.h>

#include "hs-explain-private.h"
#include "hs-frame-item-private.h"
#include "hs-heap-object-private.h"
#include "hs-session-private.h"
#include "hs-state-diff-private.h"

/* Heap states kept around the current step: enough to step back and forth
 * without a replay, small enough not to matter (a state is a few KiB). */
#define CACHE_SIZE 32

typedef struct
{
  HsHeapState *state;
  guint64      stamp;   /* for eviction: least recently used first */
} CacheEntry;

G_DEFINE_FINAL_TYPE (HsSession, hs_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_FILENAME,
  PROP_MAX_STEPS,
  PROP_STEP,
  PROP_N_STEPS,
  PROP_LINE,
  PROP_RUNNING,
  PROP_LOADING,
  PROP_SEARCHING,
  PROP_ERROR,
  PROP_OUTPUT,
  PROP_TRUNCATED,
  PROP_EXPLANATION,
  PROP_STATE,
  PROP_OBJECTS,
  PROP_FRAMES,
  PROP_EVENT,
  PROP_N_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_step (HsSession *self);

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  hs_heap_state_unref (entry->state);
  g_free (entry);
}

static guint64 *
new_id_key (guint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

HsHeapState *
_hs_session_peek_cached (HsSession *self,
                         guint64    step)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, &step);

  if (entry == NULL)
    return NULL;
  entry->stamp = ++self->cache_stamp;
  return entry->state;
}

static void
cache_insert (HsSession   *self,
              guint64      step,
              HsHeapState *state)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->state = hs_heap_state_ref (state);
  entry->stamp = ++self->cache_stamp;
  g_hash_table_replace (self->cache, new_id_key (step), entry);

  while (g_hash_table_size (self->cache) > CACHE_SIZE)
    {
      GHashTableIter iter;
      gpointer key, value;
      guint64 *oldest = NULL;
      guint64 oldest_stamp = G_MAXUINT64;

      /* Never the states the lists need now. */
      g_hash_table_iter_init (&iter, self->cache);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint64 s = *(guint64 *) key;

          if (s == self->step || s + 1 == self->step)
            continue;
          if (((CacheEntry *) value)->stamp < oldest_stamp)
            {
              oldest_stamp = ((CacheEntry *) value)->stamp;
              oldest = key;
            }
        }
      if (oldest == NULL)
        break;
      g_hash_table_remove (self->cache, oldest);
    }
}

static HsHeapObject *
ensure_object (HsSession *self,
               guint64    id)
{
  HsHeapObject *object = g_hash_table_lookup (self->objects_by_id, &id);

  if (object == NULL)
    {
      object = _hs_heap_object_new (id);
      g_hash_table_insert (self->objects_by_id, new_id_key (id), object);
    }
  return object;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* Turns the object list into @ids (sorted) with the fewest items-changed:
 * one splice per run of differences. An item is kept only if it is the
 * very same GObject, so a new run's objects replace the old run's. */
static void
sync_objects_list (HsSession *self,
                   GArray    *ids)
{
  GListModel *model = G_LIST_MODEL (self->objects);
  guint pos = 0;
  guint j = 0;

  for (;;)
    {
      guint n_items = g_list_model_get_n_items (model);
      g_autoptr(GPtrArray) added = NULL;
      guint removed = 0;

      /* Skip what already matches. */
      while (pos < n_items && j < ids->len)
        {
          g_autoptr(HsHeapObject) item = g_list_model_get_item (model, pos);
          guint64 id = g_array_index (ids, guint64, j);

          if (item != g_hash_table_lookup (self->objects_by_id, &id))
            break;
          pos++;
          j++;
        }
      if (pos >= n_items && j >= ids->len)
        break;

      /* Gather one run of differences, up to the next match. */
      added = g_ptr_array_new_with_free_func (g_object_unref);
      while (pos + removed < n_items || j < ids->len)
        {
          g_autoptr(HsHeapObject) item = NULL;
          HsHeapObject *wanted = NULL;
          guint64 old_id = G_MAXUINT64;
          guint64 new_id = G_MAXUINT64;

          if (pos + removed < n_items)
            {
              item = g_list_model_get_item (model, pos + removed);
              old_id = hs_heap_object_get_id (item);
            }
          if (j < ids->len)
            {
              new_id = g_array_index (ids, guint64, j);
              wanted = g_hash_table_lookup (self->objects_by_id, &new_id);
            }
          if (item != NULL && item == wanted)
            break;
          if (old_id <= new_id && item != NULL)
            removed++;
          if (new_id <= old_id && wanted != NULL)
            {
              g_ptr_array_add (added, g_object_ref (wanted));
              j++;
            }
        }
      g_list_store_splice (self->objects, pos, removed, added->pdata, added->len);
      pos += added->len;
    }
}

static void
sync_frames (HsSession   *self,
             HsHeapState *state)
{
  GListModel *model = G_LIST_MODEL (self->frames);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = state->frames->len;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint keep = 0;

  for (; keep < MIN (n_old, n_new); keep++)
    {
      g_autoptr(HsFrameItem) item = g_list_model_get_item (model, keep);
      HsFrameInfo *info = g_ptr_array_index (state->frames, keep);

      if (!_hs_frame_item_matches (item, info))
        break;
      _hs_frame_item_update (item, info, self->objects_by_id);
    }
  if (keep == n_old && keep == n_new)
    return;
  for (guint i = keep; i < n_new; i++)
    {
      HsFrameInfo *info = g_ptr_array_index (state->frames, i);
      HsFrameItem *item = _hs_frame_item_new (info);

      _hs_frame_item_update (item, info, self->objects_by_id);
      g_ptr_array_add (added, item);
    }
  g_list_store_splice (self->frames, keep, n_old - keep, added->pdata, added->len);
}

static void
set_loading (HsSession *self,
             gboolean   loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Shows @cur (the state of @step; @prev is step - 1's) in every list.
 * Inside a line (@cur an event state), @prev is @step's own state and
 * @after the state the line leads to. */
static void
apply_step (HsSession   *self,
            guint64      step,
            HsHeapState *prev,
            HsHeapState *cur,
            HsHeapState *after)
{
  g_autoptr(GHashTable) finalizing = _hs_state_finalizing_ids (cur);
  g_autoptr(GHashTable) referrers = _hs_state_referrer_counts (cur);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), cur->objects->len);
  g_autofree char *explanation = NULL;
  gboolean output_changed;

  for (guint i = 0; i < cur->objects->len; i++)
    {
      HsObjectInfo *info = &g_array_index (cur->objects, HsObjectInfo, i);
      HsHeapObject *object = ensure_object (self, info->id);

      _hs_heap_object_update (object, info, _hs_state_object_state (info, finalizing),
                              GPOINTER_TO_UINT (g_hash_table_lookup (referrers, &info->id)));
      g_array_append_val (ids, info->id);
    }

  /* Objects freed during this step stay once, as ghosts of their last state
   * (inside a line: from the moment their count reaches zero). */
  if (prev != NULL)
    {
      g_autoptr(GHashTable) freed = _hs_state_freed_ids (cur);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, freed);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const HsObjectInfo *info = hs_heap_state_lookup (prev, *(guint64 *) key);

          if (info == NULL || hs_heap_state_lookup (cur, info->id) != NULL)
            continue;
          _hs_heap_object_update (ensure_object (self, info->id), info, HS_OBJECT_FREED, 0);
          g_array_append_val (ids, info->id);
        }
    }
  g_array_sort (ids, compare_ids);

  sync_objects_list (self, ids);
  sync_frames (self, cur);

  output_changed = self->state == NULL || strcmp (self->state->output->str, cur->output->str) != 0;
  g_clear_pointer (&self->state, hs_heap_state_unref);
  self->state = hs_heap_state_ref (cur);
  self->applied_step = step;
  self->applied_event = cur->event == HS_STATE_WHOLE_STEP ? -1 : (int) cur->event;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (output_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUT]);

  if (cur->event != HS_STATE_WHOLE_STEP)
    explanation = _hs_explain_event ((const char * const *) self->trace_lines, prev, cur, after);
  else
    explanation = _hs_explain_step ((const char * const *) self->trace_lines, self->trace,
                                    step, prev, cur);
  if (g_strcmp0 (explanation, self->explanation) != 0)
    {
      g_free (self->explanation);
      self->explanation = g_steal_pointer (&explanation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
    }
}

static void
prefetch (HsSession *self)
{
  guint64 n_steps = hs_trace_get_n_steps (self->trace);
  guint64 wanted[3];
  guint n = 0;

  /* Inside a line, the next event. */
  if (self->event >= 0 && (guint) self->event + 1 < self->n_events
      && _hs_session_peek_cached (self, _hs_session_event_key (self->step + 1, self->event + 1)) == NULL)
    wanted[n++] = _hs_session_event_key (self->step + 1, self->event + 1);

  /* The states stepping forward or back would need next. */
  if (self->step + 1 < n_steps && _hs_session_peek_cached (self, self->step + 1) == NULL)
    wanted[n++] = self->step + 1;
  if (self->step >= 2 && _hs_session_peek_cached (self, self->step - 2) == NULL)
    wanted[n++] = self->step - 2;
  if (n > 0)
    _hs_session_request_states (self, wanted, n);
}

/* The events of the line run from self->step, once the step after it is
 * cached; an event asked for beyond them is clamped. */
static void
update_n_events (HsSession *self)
{
  HsHeapState *after = NULL;
  guint n = 0;

  if (self->step + 1 < hs_trace_get_n_steps (self->trace))
    after = _hs_session_peek_cached (self, self->step + 1);
  if (after != NULL)
    n = after->events->len;
  if (n != self->n_events)
    {
      self->n_events = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
    }
  if (after != NULL && self->event >= (int) n)
    {
      self->event = (int) n - 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
    }
}

/* Inside a line: shows the event state if it and the states around it are
 * at hand, else asks a worker for them. */
static void
sync_event (HsSession *self)
{
  guint64 key = _hs_session_event_key (self->step + 1, (guint) self->event);
  HsHeapState *prev = _hs_session_peek_cached (self, self->step);
  HsHeapState *after = _hs_session_peek_cached (self, self->step + 1);
  HsHeapState *cur = _hs_session_peek_cached (self, key);
  guint64 missing[3];
  guint n = 0;

  if (prev != NULL && after != NULL && cur != NULL)
    {
      apply_step (self, self->step, prev, cur, after);
      return;
    }
  if (prev == NULL)
    missing[n++] = self->step;
  if (after == NULL)
    missing[n++] = self->step + 1;
  else if (cur == NULL)
    missing[n++] = key;
  _hs_session_request_states (self, missing, n);
}

/* Shows self->step if its states are at hand, else asks a worker for them. */
static void
sync_step (HsSession *self)
{
  HsHeapState *cur;
  HsHeapState *prev = NULL;

  if (self->trace == NULL)
    return;

  update_n_events (self);
  if (self->event >= 0)
    {
      if (self->applied_step != self->step || self->applied_event != self->event)
        sync_event (self);
    }
  else if (self->applied_step != self->step || self->applied_event != -1)
    {
      guint64 missing[2];
      guint n = 0;

      cur = _hs_session_peek_cached (self, self->step);
      if (self->step > 0)
        prev = _hs_session_peek_cached (self, self->step - 1);
      if (cur != NULL && (self->step == 0 || prev != NULL))
        apply_step (self, self->step, prev, cur, NULL);
      else
        {
          if (self->step > 0 && prev == NULL)
            missing[n++] = self->step - 1;
          if (cur == NULL)
            missing[n++] = self->step;
          _hs_session_request_states (self, missing, n);
        }
    }
  set_loading (self, self->applied_step != self->step || self->applied_event != self->event);
  if (!self->loading && !self->states_busy)
    prefetch (self);
}

void
_hs_session_states_ready (HsSession *self,
                          guint      trace_serial,
                          GArray    *steps,
                          GPtrArray *states)
{
  self->states_busy = FALSE;
  /* States of a run that has since been replaced are useless. */
  if (trace_serial != self->trace_serial)
    {
      sync_step (self);
      return;
    }
  for (guint i = 0; i < steps->len; i++)
    if (g_ptr_array_index (states, i) != NULL)
      cache_insert (self, g_array_index (steps, guint64, i), g_ptr_array_index (states, i));
  sync_step (self);
}

static int
current_line (HsSession *self)
{
  if (self->trace == NULL)
    return 0;
  return hs_trace_get_step_line (self->trace, self->step);
}

void
_hs_session_run_finished (HsSession    *self,
                          HsRunRequest *request)
{
  GObject *object = G_OBJECT (self);
  gboolean was_truncated = hs_session_get_truncated (self);
  guint64 old_n_steps = hs_session_get_n_steps (self);
  guint64 old_step = self->step;
  int old_line = current_line (self);

  g_assert (self->run == request);

  g_object_freeze_notify (object);

  if (request->trace == NULL)
    {
      /* A syntax error: say where, and keep showing the last good run. */
      g_clear_pointer (&self->error, hs_diagnostic_free);
      self->error = request->error != NULL ? hs_diagnostic_copy (request->error) : NULL;
      g_object_notify_by_pspec (object, properties[PROP_ERROR]);
    }
  else
    {
      if (self->error != NULL)
        {
          g_clear_pointer (&self->error, hs_diagnostic_free);
          g_object_notify_by_pspec (object, properties[PROP_ERROR]);
        }

      guint64 step = request->step;

      /* The learner may have moved while the snippet ran. */
      if (self->trace != NULL && self->trace_serial == request->old_serial
          && self->step != request->old_step)
        step = _hs_session_map_step (self->trace, self->trace_source, self->step,
                                     request->trace, request->source);

      _hs_session_release_trace (g_steal_pointer (&self->trace));
      self->trace = hs_trace_ref (request->trace);
      self->trace_serial++;
      g_free (self->trace_source);
      self->trace_source = g_strdup (request->source);
      g_strfreev (self->trace_lines);
      self->trace_lines = g_strsplit (request->source, "\n", -1);

      /* A new run, new objects: identity holds within one run only. */
      g_hash_table_remove_all (self->cache);
      g_clear_pointer (&self->objects_by_id, g_hash_table_unref);
      self->objects_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                   g_free, g_object_unref);
      self->applied_step = G_MAXUINT64;
      self->applied_event = -1;
      self->step = step;
      if (self->event >= 0)
        {
          self->event = -1;
          g_object_notify_by_pspec (object, properties[PROP_EVENT]);
        }
      if (request->state != NULL)
        cache_insert (self, request->step, request->state);
      if (request->prev != NULL)
        cache_insert (self, request->step - 1, request->prev);

      if (hs_trace_get_n_steps (self->trace) != old_n_steps)
        g_object_notify_by_pspec (object, properties[PROP_N_STEPS]);
      if (hs_trace_get_truncated (self->trace) != was_truncated)
        g_object_notify_by_pspec (object, properties[PROP_TRUNCATED]);
      if (self->step != old_step)
        g_object_notify_by_pspec (object, properties[PROP_STEP]);
      if (current_line (self) != old_line)
        g_object_notify_by_pspec (object, properties[PROP_LINE]);
    }

  g_clear_pointer (&self->run, _hs_run_request_unref);
  g_object_notify_by_pspec (object, properties[PROP_RUNNING]);

  sync_step (self);

  g_object_thaw_notify (object);
}

void
_hs_session_search_finished (HsSession    *self,
                             GCancellable *cancellable,
                             guint         trace_serial,
                             guint64       found)
{
  if (cancellable != self->search_cancellable)
    return;
  g_clear_object (&self->search_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
  if (found != G_MAXUINT64 && trace_serial == self->trace_serial)
    hs_session_set_step (self, found);
}

static void
hs_session_dispose (GObject *object)
{
  HsSession *self = HS_SESSION (object);

  _hs_session_cancel_run (self);
  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->objects);
  g_clear_object (&self->frames);
  g_clear_pointer (&self->objects_by_id, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (hs_session_parent_class)->dispose (object);
}

static void
hs_session_finalize (GObject *object)
{
  HsSession *self = HS_SESSION (object);

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->filename, g_free);
  _hs_session_release_trace (g_steal_pointer (&self->trace));
  g_clear_pointer (&self->trace_source, g_free);
  g_clear_pointer (&self->trace_lines, g_strfreev);
  g_clear_pointer (&self->error, hs_diagnostic_free);
  g_clear_pointer (&self->state, hs_heap_state_unref);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (hs_session_parent_class)->finalize (object);
}

static void
hs_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HsSession *self = HS_SESSION (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, hs_session_get_source (self));
      break;

    case PROP_FILENAME:
      g_value_set_string (value, hs_session_get_filename (self));
      break;

    case PROP_MAX_STEPS:
      g_value_set_uint64 (value, hs_session_get_max_steps (self));
      break;

    case PROP_STEP:
      g_value_set_uint64 (value, hs_session_get_step (self));
      break;

    case PROP_N_STEPS:
      g_value_set_uint64 (value, hs_session_get_n_steps (self));
      break;

    case PROP_LINE:
      g_value_set_int (value, hs_session_get_line (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, hs_session_get_running (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, hs_session_get_loading (self));
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, hs_session_get_searching (self));
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, hs_session_get_error (self));
      break;

    case PROP_OUTPUT:
      g_value_set_string (value, hs_session_get_output (self));
      break;

    case PROP_TRUNCATED:
      g_value_set_boolean (value, hs_session_get_truncated (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, hs_session_get_explanation (self));
      break;

    case PROP_STATE:
      g_value_set_boxed (value, self->state);
      break;

    case PROP_OBJECTS:
      g_value_set_object (value, self->objects);
      break;

    case PROP_FRAMES:
      g_value_set_object (value, self->frames);
      break;

    case PROP_EVENT:
      g_value_set_int (value, hs_session_get_event (self));
      break;

    case PROP_N_EVENTS:
      g_value_set_uint (value, hs_session_get_n_events (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HsSession *self = HS_SESSION (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      hs_session_set_source (self, g_value_get_string (value));
      break;

    case PROP_FILENAME:
      hs_session_set_filename (self, g_value_get_string (value));
      break;

    case PROP_MAX_STEPS:
      hs_session_set_max_steps (self, g_value_get_uint64 (value));
      break;

    case PROP_STEP:
      hs_session_set_step (self, g_value_get_uint64 (value));
      break;

    case PROP_EVENT:
      hs_session_set_event (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_session_class_init (HsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = hs_session_dispose;
  object_class->finalize = hs_session_finalize;
  object_class->get_property = hs_session_get_property;
  object_class->set_property = hs_session_set_property;

  /**
   * HsSession:source:
   *
   * The snippet. Setting it runs it again in a worker thread, cancelling
   * a run in progress; the new run replaces the shown one when complete.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, "", rw);

  /**
   * HsSession:filename:
   *
   * The name tracebacks and `__file__` give the snippet.
   */
  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, "<snippet>", rw);

  /**
   * HsSession:max-steps:
   *
   * The step cap: a run that reaches it stops there (see :truncated).
   */
  properties[PROP_MAX_STEPS] =
    g_param_spec_uint64 ("max-steps", NULL, NULL, 1, G_MAXUINT64,
                         HS_SESSION_DEFAULT_MAX_STEPS, rw);

  /**
   * HsSession:step:
   *
   * The step shown, 0 ≤ step < :n-steps (clamped). The lists follow as
   * soon as the step's heap is materialised (see :loading).
   */
  properties[PROP_STEP] =
    g_param_spec_uint64 ("step", NULL, NULL, 0, G_MAXUINT64, 0, rw);

  properties[PROP_N_STEPS] =
    g_param_spec_uint64 ("n-steps", NULL, NULL, 0, G_MAXUINT64, 0, ro);

  /**
   * HsSession:line:
   *
   * The line the current step is about to run (1-based), or 0 at the end.
   */
  properties[PROP_LINE] =
    g_param_spec_int ("line", NULL, NULL, 0, G_MAXINT, 0, ro);

  /**
   * HsSession:running:
   *
   * A run of the snippet is in progress.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);

  /**
   * HsSession:loading:
   *
   * The heap of :step is being materialised; the lists still show the
   * previous one.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);

  /**
   * HsSession:searching:
   *
   * hs_session_go_to_next_change() is looking for the step.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE, ro);

  /**
   * HsSession:error:
   *
   * The #HsDiagnostic of the last run (a syntax error, with its line and
   * column), or %NULL. The last good run stays shown meanwhile.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, HS_TYPE_DIAGNOSTIC, ro);

  /**
   * HsSession:output:
   *
   * What the program printed up to the current step.
   */
  properties[PROP_OUTPUT] =
    g_param_spec_string ("output", NULL, NULL, "", ro);

  /**
   * HsSession:truncated:
   *
   * The run reached :max-steps and was stopped there.
   */
  properties[PROP_TRUNCATED] =
    g_param_spec_boolean ("truncated", NULL, NULL, FALSE, ro);

  /**
   * HsSession:explanation:
   *
   * What the line before the current step did, in plain words.
   */
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, "", ro);

  /**
   * HsSession:state:
   *
   * The #HsHeapState of the step shown, for the renderer.
   */
  properties[PROP_STATE] =
    g_param_spec_boxed ("state", NULL, NULL, HS_TYPE_HEAP_STATE, ro);

  properties[PROP_OBJECTS] =
    g_param_spec_object ("objects", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_FRAMES] =
    g_param_spec_object ("frames", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * HsSession:event:
   *
   * -1 to show :step itself; else, stepping into the line :step is about to
   * run, the heap as that line's event number :event happens (0 ≤ event <
   * :n-events): a name bound, an object allocated, a count reaching zero,
   * a collection phase… :line stays the line running.
   */
  properties[PROP_EVENT] =
    g_param_spec_int ("event", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HsSession:n-events:
   *
   * How many events the line :step is about to run has; 0 until known
   * (the next step's heap is fetched along with the current one).
   */
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_session_init (HsSession *self)
{
  self->source = g_strdup ("");
  self->filename = g_strdup ("<snippet>");
  self->max_steps = HS_SESSION_DEFAULT_MAX_STEPS;
  self->applied_step = G_MAXUINT64;
  self->event = -1;
  self->applied_event = -1;
  self->objects = g_list_store_new (HS_TYPE_HEAP_OBJECT);
  self->frames = g_list_store_new (HS_TYPE_FRAME_ITEM);
  self->objects_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cache_entry_free);
}

/**
 * hs_session_new:
 *
 * Returns: (transfer full): a session with no snippet
 */
HsSession *
hs_session_new (void)
{
  return g_object_new (HS_TYPE_SESSION, NULL);
}

const char *
hs_session_get_source (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return self->source;
}

/**
 * hs_session_set_source:
 * @source: the snippet's text
 *
 * Runs @source in a worker thread. A run in progress is cancelled; the
 * new run replaces the shown one only once complete, and the current step
 * moves to the same line (the same occurrence of it) in the new run.
 */
void
hs_session_set_source (HsSession  *self,
                       const char *source)
{
  g_return_if_fail (HS_IS_SESSION (self));

  if (source == NULL)
    source = "";
  if (g_strcmp0 (self->source, source) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);

  _hs_session_start_run (self);
}

const char *
hs_session_get_filename (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return self->filename;
}

void
hs_session_set_filename (HsSession  *self,
                         const char *filename)
{
  g_return_if_fail (HS_IS_SESSION (self));

  if (filename == NULL)
    filename = "<snippet>";
  if (g_strcmp0 (self->filename, filename) == 0)
    return;

  g_free (self->filename);
  self->filename = g_strdup (filename);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILENAME]);

  /* Tracebacks name the file. */
  if (self->trace != NULL || self->run != NULL)
    _hs_session_start_run (self);
}

guint64
hs_session_get_max_steps (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);

  return self->max_steps;
}

void
hs_session_set_max_steps (HsSession *self,
                          guint64    max_steps)
{
  g_return_if_fail (HS_IS_SESSION (self));
  g_return_if_fail (max_steps > 0);

  if (self->max_steps == max_steps)
    return;

  self->max_steps = max_steps;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_STEPS]);

  if (self->trace != NULL || self->run != NULL)
    _hs_session_start_run (self);
}

guint64
hs_session_get_step (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);

  return self->step;
}

/**
 * hs_session_set_step:
 * @step: a step, clamped to the run's last
 *
 * Shows the heap at @step. :step and :line change at once; the object and
 * frame lists, :state, :output and :explanation follow when the step's
 * heap is ready: at once when it is cached, else from a worker thread
 * (:loading is %TRUE meanwhile).
 */
void
hs_session_set_step (HsSession *self,
                     guint64    step)
{
  int old_line;

  g_return_if_fail (HS_IS_SESSION (self));

  if (self->trace == NULL)
    return;

  step = MIN (step, hs_trace_get_n_steps (self->trace) - 1);
  if (step == self->step && self->event < 0)
    return;

  old_line = current_line (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->event >= 0)
    {
      self->event = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
    }
  if (step == self->step)
    {
      sync_step (self);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  if (current_line (self) != old_line)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);

  sync_step (self);
  g_object_thaw_notify (G_OBJECT (self));
}

int
hs_session_get_event (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), -1);

  return self->event;
}

guint
hs_session_get_n_events (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);

  return self->n_events;
}

/**
 * hs_session_set_event:
 * @event: an event of the line :step is about to run, or -1
 *
 * Steps into the line :step is about to run and shows the heap as its
 * event @event happens, or, with -1, shows :step itself again. An event
 * beyond the line's last is clamped once their number is known.
 */
void
hs_session_set_event (HsSession *self,
                      int        event)
{
  g_return_if_fail (HS_IS_SESSION (self));
  g_return_if_fail (event >= -1);

  if (self->trace == NULL || event == self->event)
    return;
  if (event >= 0 && self->step + 1 >= hs_trace_get_n_steps (self->trace))
    return;
  self->event = event;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
  sync_step (self);
}

/**
 * hs_session_step_into:
 *
 * Steps into the line :step is about to run, at its first event.
 *
 * Returns: %FALSE at the end of the run, where no line runs
 */
gboolean
hs_session_step_into (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  if (self->trace == NULL || self->step + 1 >= hs_trace_get_n_steps (self->trace))
    return FALSE;
  if (self->event < 0)
    hs_session_set_event (self, 0);
  return TRUE;
}

guint64
hs_session_get_n_steps (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);

  return self->trace != NULL ? hs_trace_get_n_steps (self->trace) : 0;
}

int
hs_session_get_line (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);

  return current_line (self);
}

/**
 * hs_session_get_step_line:
 * @step: a step of the current run
 *
 * The line @step is about to run, without materialising its heap: for a
 * timeline, or to find where a line runs.
 *
 * Returns: a 1-based line, or 0 for the end of the run (or no such step)
 */
int
hs_session_get_step_line (HsSession *self,
                          guint64    step)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);

  if (self->trace == NULL || step >= hs_trace_get_n_steps (self->trace))
    return 0;
  return hs_trace_get_step_line (self->trace, step);
}

gboolean
hs_session_get_running (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  return self->run != NULL;
}

gboolean
hs_session_get_loading (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  return self->loading;
}

gboolean
hs_session_get_searching (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  return self->search_cancellable != NULL;
}

/**
 * hs_session_get_error:
 *
 * Returns: (transfer none) (nullable): the last run's syntax error
 */
const HsDiagnostic *
hs_session_get_error (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return self->error;
}

const char *
hs_session_get_output (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return self->state != NULL ? self->state->output->str : "";
}

gboolean
hs_session_get_truncated (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  return self->trace != NULL && hs_trace_get_truncated (self->trace);
}

const char *
hs_session_get_explanation (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return self->explanation != NULL ? self->explanation : "";
}

/**
 * hs_session_dup_state:
 *
 * The heap of the step shown, with its objects, references, frames and
 * events, for the renderer.
 *
 * Returns: (transfer full) (nullable): a new reference, or %NULL before
 *   the first run
 */
HsHeapState *
hs_session_dup_state (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return self->state != NULL ? hs_heap_state_ref (self->state) : NULL;
}

/**
 * hs_session_get_objects:
 *
 * The objects of the step shown, in creation order, plus the ones freed
 * during it (state %HS_OBJECT_FREED) until the next step.
 *
 * Returns: (transfer none): a #GListModel of #HsHeapObject
 */
GListModel *
hs_session_get_objects (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->objects);
}

/**
 * hs_session_get_frames:
 *
 * Returns: (transfer none): a #GListModel of #HsFrameItem, outermost first,
 *   then the frames of suspended generators
 */
GListModel *
hs_session_get_frames (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->frames);
}

/**
 * hs_session_lookup_object:
 * @id: an object id, as in #HsHeapState
 *
 * Returns: (transfer none) (nullable): the object with @id in this run, if
 *   the lists have shown it
 */
HsHeapObject *
hs_session_lookup_object (HsSession *self,
                          guint64    id)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);

  return g_hash_table_lookup (self->objects_by_id, &id);
}

gboolean
hs_session_step_forward (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  if (self->trace == NULL || self->step + 1 >= hs_trace_get_n_steps (self->trace))
    return FALSE;
  /* Inside a line: its next event, and after its last, the next step. */
  if (self->event >= 0 && (guint) self->event + 1 < self->n_events)
    hs_session_set_event (self, self->event + 1);
  else
    hs_session_set_step (self, self->step + 1);
  return TRUE;
}

gboolean
hs_session_step_back (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  /* Inside a line: its previous event, and before the first, the step. */
  if (self->event >= 0)
    {
      hs_session_set_event (self, self->event - 1);
      return TRUE;
    }
  if (self->step == 0)
    return FALSE;
  hs_session_set_step (self, self->step - 1);
  return TRUE;
}

void
hs_session_go_to_first (HsSession *self)
{
  g_return_if_fail (HS_IS_SESSION (self));

  hs_session_set_step (self, 0);
}

void
hs_session_go_to_last (HsSession *self)
{
  g_return_if_fail (HS_IS_SESSION (self));

  hs_session_set_step (self, G_MAXUINT64);
}

/**
 * hs_session_go_to_next_gc:
 *
 * Moves to the next step during which the garbage collector starts.
 *
 * Returns: %TRUE if there is one
 */
gboolean
hs_session_go_to_next_gc (HsSession *self)
{
  guint64 step;

  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);

  if (self->trace == NULL)
    return FALSE;
  step = hs_trace_find_event (self->trace, self->step + 1, HS_EVENT_GC_START);
  if (step == G_MAXUINT64)
    return FALSE;
  hs_session_set_step (self, step);
  return TRUE;
}

/**
 * hs_session_go_to_next_change:
 * @object: an object of this run
 * @what: the changes to look for
 *
 * Looks for the next step at which @object changes in one of @what ways
 * (being created or freed counts as every change) and moves there. The
 * search runs in a worker thread (:searching is %TRUE meanwhile); a new
 * search, a new run or hs_session_cancel_search() cancels it.
 */
void
hs_session_go_to_next_change (HsSession     *self,
                              HsHeapObject  *object,
                              HsChangeFlags  what)
{
  g_return_if_fail (HS_IS_SESSION (self));
  g_return_if_fail (HS_IS_HEAP_OBJECT (object));

  hs_session_cancel_search (self);
  if (self->trace == NULL)
    return;

  self->search_cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
  _hs_session_search (self, hs_heap_object_get_id (object), what, self->search_cancellable,
                      TRUE, NULL, NULL);
}

void
hs_session_cancel_search (HsSession *self)
{
  g_return_if_fail (HS_IS_SESSION (self));

  if (self->search_cancellable == NULL)
    return;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}
