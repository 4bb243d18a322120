/* hs-session-private.h — HsSession's fields, shared by its main-thread and worker halves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hs-session.c owns the GObject side: properties, navigation, and turning a
 * heap state into list-model changes. hs-session-tasks.c owns the threads:
 * running a snippet, materialising states and searching for changes. A
 * worker never touches the session; it gets plain data (an HsTrace, heap
 * states) and hands its results back through a GTask callback, which runs
 * on the main context, so every signal is emitted on the main thread.
 */
#pragma once

#include "hs-session.h"
#include "hs-trace.h"

G_BEGIN_DECLS

typedef struct _HsRunRequest HsRunRequest;

struct _HsRunRequest
{
  gint          cancel;       /* atomic: hs_trace_new()'s cancel flag */
  GWeakRef      session;

  /* In */
  char         *source;
  char         *filename;
  guint64       max_steps;
  HsTrace      *old_trace;    /* to keep the learner's place; dropped by the worker */
  guint         old_serial;
  char         *old_source;
  guint64       old_step;

  /* Out */
  HsTrace      *trace;        /* NULL on a syntax error */
  HsDiagnostic *error;
  guint64       step;
  HsHeapState  *state;        /* of @step */
  HsHeapState  *prev;         /* of @step - 1, or NULL */
};

struct _HsSession
{
  GObject        parent_instance;

  /* What to run */
  char          *source;
  char          *filename;
  guint64        max_steps;

  /* The run shown; a new run replaces it only once complete */
  HsTrace       *trace;
  guint          trace_serial;    /* tells a run's workers from an older run's */
  char          *trace_source;
  char         **trace_lines;
  HsDiagnostic  *error;
  GHashTable    *objects_by_id;   /* guint64 * → HsHeapObject, one per object of @trace */
  HsRunRequest  *run;             /* the run in progress, or NULL */

  /* The step shown */
  guint64        step;            /* the step asked for */
  guint64        applied_step;    /* the step the lists show; G_MAXUINT64 for none */
  int            event;           /* -1, or inside @step's line: its event number @event */
  int            applied_event;
  guint          n_events;        /* events of @step's line, once known */
  HsHeapState   *state;           /* of @applied_step */
  char          *explanation;
  GListStore    *objects;         /* HsHeapObject, by id */
  GListStore    *frames;          /* HsFrameItem, outermost first */

  /* Heap states materialised off the main thread */
  GHashTable    *cache;           /* guint64 * → CacheEntry */
  guint64        cache_stamp;
  gboolean       states_busy;     /* a states task is running */

  /* hs_session_go_to_next_change() */
  GCancellable  *search_cancellable;

  gboolean       loading;
};

/* hs-session-tasks.c */
void      _hs_run_request_unref        (HsRunRequest  *request);
void      _hs_session_release_trace    (HsTrace       *trace);
guint     _hs_session_get_n_workers    (void);
void      _hs_session_start_run        (HsSession     *self);
void      _hs_session_cancel_run       (HsSession     *self);
void      _hs_session_request_states   (HsSession     *self,
                                        const guint64 *steps,
                                        guint          n_steps);
void      _hs_session_search           (HsSession     *self,
                                        guint64        id,
                                        HsChangeFlags  what,
                                        GCancellable  *cancellable,
                                        gboolean       go,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
guint64   _hs_session_map_step         (HsTrace       *old_trace,
                                        const char    *old_source,
                                        guint64        old_step,
                                        HsTrace       *trace,
                                        const char    *source);
int       _hs_session_map_line         (const char    *old_source,
                                        const char    *source,
                                        int            line);

/* hs-session.c: called on the main thread when a worker is done */
void      _hs_session_run_finished     (HsSession     *self,
                                        HsRunRequest  *request);
void      _hs_session_states_ready     (HsSession     *self,
                                        guint          trace_serial,
                                        GArray        *steps,
                                        GPtrArray     *states);
void      _hs_session_search_finished  (HsSession     *self,
                                        GCancellable  *cancellable,
                                        guint          trace_serial,
                                        guint64        found);
HsHeapState *_hs_session_peek_cached   (HsSession     *self,
                                        guint64        step);

/* The cache and the states workers key an event state (the heap inside the
 * line before @step, as its event @event happens) beside the steps. */
#define HS_SESSION_EVENT_SHIFT 40

static inline guint64
_hs_session_event_key (guint64 step,
                       guint   event)
{
  return step | ((guint64) event + 1) << HS_SESSION_EVENT_SHIFT;
}

G_END_DECLS
