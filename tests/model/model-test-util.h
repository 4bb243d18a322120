/* model-test-util.h — helpers the model tests share: waiting, watching signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every handler these helpers connect asserts that it runs on the test's
 * main thread: the model must never emit a signal from a worker.
 */
#pragma once

#include <gio/gio.h>

#include "hs-model.h"
#include "hs-session-private.h"

G_BEGIN_DECLS

#define MODEL_TEST_TIMEOUT_S 30

static GThread *model_test_main_thread;
static guint model_test_signals_seen;

static inline void
model_test_init (void)
{
  model_test_main_thread = g_thread_self ();
}

static inline void
assert_main_thread (void)
{
  g_assert_true (g_thread_self () == model_test_main_thread);
  model_test_signals_seen++;
}

static gboolean
model_test_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @done (a gboolean *) or the timeout. */
static inline void
iterate_until (gboolean (*check) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + MODEL_TEST_TIMEOUT_S * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, model_test_tick, NULL);

  while (!check (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
session_idle (gpointer data)
{
  HsSession *session = data;

  return !hs_session_get_running (session) && !hs_session_get_loading (session)
         && !hs_session_get_searching (session);
}

/* Until the run, the step's heap and any search are done. */
static inline void
wait_for_session (HsSession *session)
{
  iterate_until (session_idle, session);
}

static gboolean
workers_done (gpointer data)
{
  return _hs_session_get_n_workers () == 0;
}

/* Until every worker thread has returned and its callback has run, so
 * nothing of one test runs during the next. */
static inline void
drain_workers (void)
{
  iterate_until (workers_done, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline HsSession *
session_new_with (const char *source)
{
  HsSession *session = hs_session_new ();

  hs_session_set_source (session, source);
  wait_for_session (session);
  g_assert_null (hs_session_get_error (session));
  return session;
}

static inline void
go_to (HsSession *session,
       guint64    step)
{
  hs_session_set_step (session, step);
  wait_for_session (session);
  g_assert_cmpuint (hs_session_get_step (session), ==, step);
}

/* The @nth (0-based) step about to run @line. */
static inline guint64
find_step (HsSession *session,
           int        line,
           guint      nth)
{
  for (guint64 step = 0; step < hs_session_get_n_steps (session); step++)
    if (hs_session_get_step_line (session, step) == line && nth-- == 0)
      return step;
  g_error ("line %d does not run that often", line);
  return 0;
}

/* Goes to the step just before @line runs (its first time), that is
 * right after the lines before it ran. */
static inline void
go_to_line (HsSession *session,
            int        line)
{
  go_to (session, find_step (session, line, 0));
}

/* The object a name refers to, innermost frame first (borrowed). */
static inline HsHeapObject *
lookup_name (HsSession  *session,
             const char *name)
{
  GListModel *frames = hs_session_get_frames (session);

  for (guint i = g_list_model_get_n_items (frames); i > 0; i--)
    {
      g_autoptr(HsFrameItem) frame = g_list_model_get_item (frames, i - 1);
      GListModel *names = hs_frame_item_get_names (frame);

      for (guint j = 0; j < g_list_model_get_n_items (names); j++)
        {
          g_autoptr(HsBinding) binding = g_list_model_get_item (names, j);

          if (g_strcmp0 (hs_binding_get_name (binding), name) == 0)
            return hs_binding_get_object (binding);
        }
    }
  return NULL;
}

static inline int
list_position (GListModel *model,
               gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return (int) i;
    }
  return -1;
}

/* Counts a list's items-changed and mirrors the list through them, which
 * proves the emissions describe the changes exactly. */
typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;
  guint       emissions;
  guint       removed;
  guint       added;
  gulong      handler;
} ListWatch;

static void
list_watch_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          ListWatch  *watch)
{
  assert_main_thread ();
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  watch->emissions++;
  watch->removed += removed;
  watch->added += added;
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
}

static inline void
list_watch_init (ListWatch  *watch,
                 GListModel *model)
{
  watch->model = model;
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (watch->mirror, g_list_model_get_item (model, i));
  watch->emissions = watch->removed = watch->added = 0;
  watch->handler = g_signal_connect (model, "items-changed",
                                     G_CALLBACK (list_watch_items_changed), watch);
}

static inline void
list_watch_reset (ListWatch *watch)
{
  watch->emissions = watch->removed = watch->added = 0;
}

static inline void
list_watch_check (ListWatch *watch)
{
  g_assert_cmpuint (watch->mirror->len, ==, g_list_model_get_n_items (watch->model));
  for (guint i = 0; i < watch->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (watch->model, i);

      g_assert_true (item == g_ptr_array_index (watch->mirror, i));
    }
}

static inline void
list_watch_clear (ListWatch *watch)
{
  g_clear_signal_handler (&watch->handler, watch->model);
  g_clear_pointer (&watch->mirror, g_ptr_array_unref);
}

/* Records an object's property values, then the notify emissions that
 * follow, to prove each notify reports a real change and each change is
 * notified (G_PARAM_EXPLICIT_NOTIFY done right). */
typedef struct
{
  GObject     *object;
  GHashTable  *before;     /* property name → GValue */
  GHashTable  *notified;   /* property name → count */
  gulong       handler;
} NotifyWatch;

static void
free_gvalue (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

static void
notify_watch_notify (GObject     *object,
                     GParamSpec  *pspec,
                     NotifyWatch *watch)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (watch->notified, pspec->name));

  assert_main_thread ();
  g_hash_table_insert (watch->notified, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static inline void
notify_watch_start (NotifyWatch *watch,
                    gpointer     object)
{
  guint n_props;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                   &n_props);

  watch->object = g_object_ref (object);
  watch->before = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_gvalue);
  watch->notified = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_props; i++)
    {
      GValue *value = g_new0 (GValue, 1);

      g_value_init (value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, value);
      g_hash_table_insert (watch->before, (gpointer) pspecs[i]->name, value);
    }
  watch->handler = g_signal_connect (object, "notify", G_CALLBACK (notify_watch_notify), watch);
}

static inline guint
notify_watch_count (NotifyWatch *watch,
                    const char  *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (watch->notified, name));
}

/* Checks and stops. @ignore: properties that may legitimately go back and
 * forth within one change (a session's :loading). */
static inline void
notify_watch_finish (NotifyWatch        *watch,
                     const char * const *ignore)
{
  guint n_props;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (watch->object),
                                                                   &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GValue now = G_VALUE_INIT;
      GValue *before = g_hash_table_lookup (watch->before, pspecs[i]->name);
      guint count = notify_watch_count (watch, pspecs[i]->name);
      gboolean changed;

      if (ignore != NULL && g_strv_contains (ignore, pspecs[i]->name))
        continue;
      g_value_init (&now, pspecs[i]->value_type);
      g_object_get_property (watch->object, pspecs[i]->name, &now);
      changed = g_param_values_cmp (pspecs[i], before, &now) != 0;
      g_value_unset (&now);
      if (changed && count == 0)
        g_error ("%s:%s changed without notify", G_OBJECT_TYPE_NAME (watch->object),
                 pspecs[i]->name);
      if (!changed && count > 0)
        g_error ("%s:%s notified %u times without changing", G_OBJECT_TYPE_NAME (watch->object),
                 pspecs[i]->name, count);
      /* Each change is notified once, not once per intermediate value. */
      g_assert_cmpuint (count, <=, 1);
    }
  g_clear_signal_handler (&watch->handler, watch->object);
  g_clear_pointer (&watch->before, g_hash_table_unref);
  g_clear_pointer (&watch->notified, g_hash_table_unref);
  g_clear_object (&watch->object);
}

G_END_DECLS
