/* hs-trace.h — a recorded run: its steps, and the heap at any step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the engine's whole public face for the model and the painter.
 * A trace is made by running a snippet once; hs_trace_get_state() then
 * materialises what the heap looked like at any step.
 *
 * Steps: step i is the moment just before the i-th line event (the line a
 * debugger would stop at, exactly the `line` events of CPython's
 * sys.settrace). One step has line 0: the program's code has finished,
 * before interpreter shutdown. It is the last step unless a finalizer runs
 * Python code at exit (a __del__ of an object freed at shutdown): those
 * lines follow it as further steps. The events of step i are what happened
 * since step i - 1.
 *
 * Identity: HsObjectInfo.id is the object's creation serial; the same
 * object has the same id at every step of one trace.
 */
#pragma once

#include <glib.h>

#include "hs-diagnostic.h"
#include "hs-recorder.h"
#include "hs-run.h"

G_BEGIN_DECLS

typedef struct _HsTrace HsTrace;

/* What a heap object is doing at a step. */
typedef enum
{
  HS_OBJECT_ALIVE,
  HS_OBJECT_UNREACHABLE,     /* kept alive only by a reference cycle: a full collection would free it */
  HS_OBJECT_FINALIZING,      /* its __del__ is running */
  HS_OBJECT_FREED,           /* freed during this step: shown once as a ghost */
} HsObjectState;

/* generation values besides 0, 1, 2 */
#define HS_GENERATION_PERMANENT   3   /* gc.freeze() */
#define HS_GENERATION_UNTRACKED  (-1) /* GC-capable but not tracked (a dict of ints, an atomic tuple) */
#define HS_GENERATION_NOT_GC     (-2) /* int, str, float…: never tracked */

enum
{
  HS_OBJECT_FLAG_SHARED        = 1 << 0,  /* small int, None, True, '', interned str…: never freed */
  HS_OBJECT_FLAG_GC_CAPABLE    = 1 << 1,
  HS_OBJECT_FLAG_FINALIZED     = 1 << 2,  /* __del__ already ran (gc.is_finalized) */
  HS_OBJECT_FLAG_HAS_FINALIZER = 1 << 3,  /* has __del__ */
  HS_OBJECT_FLAG_IN_COLLECTION = 1 << 4,  /* examined by the collection running now */
};

typedef struct
{
  guint64      id;           /* creation serial: stable identity */
  guint64      address;      /* what id() returns */
  const char  *type_name;    /* in the state's string chunk */
  const char  *value;        /* short display text */
  gint64       refcount;     /* ob_refcnt, as sys.getrefcount would see it minus its argument */
  guint64      size;         /* sys.getsizeof */
  gint8        generation;   /* 0..2, or HS_GENERATION_* */
  guint8       flags;        /* HS_OBJECT_FLAG_* */
  guint8       state;        /* HsObjectState */
  gint32       gc_refs;      /* during a collection: references from outside the generation; else -1 */
  /* A big container lists its first entries and its last two as edges;
   * this many in between are not (their objects are in the state). */
  guint64      n_omitted;
} HsObjectInfo;

typedef enum
{
  HS_EDGE_ITEM,        /* list/tuple/set element: label "[i]" (sets: "") */
  HS_EDGE_KEY,         /* dict key: label "key" */
  HS_EDGE_VALUE,       /* dict value: label = the key's short text */
  HS_EDGE_ATTR,        /* instance or class attribute: label = name */
  HS_EDGE_CLASS,       /* instance → its class */
  HS_EDGE_WEAK,        /* weak reference → referent (does not count) */
  HS_EDGE_OTHER,       /* closure cells, defaults, bound self, iterator → container … */
} HsEdgeKind;

typedef struct
{
  guint64      from;
  guint64      to;
  const char  *label;        /* in the state's string chunk */
  guint8       kind;         /* HsEdgeKind */
} HsEdgeInfo;

typedef struct
{
  const char  *name;         /* in the state's string chunk */
  guint64      object;       /* 0 = unbound */
} HsBindingInfo;

typedef struct
{
  const char  *function;     /* "<module>", "f", "C.__init__", "<listcomp>" */
  int          line;
  guint64      generator;    /* the generator object owning this frame, or 0 */
  gboolean     running;      /* on the call stack (FALSE: a suspended generator's frame) */
  GArray      *bindings;     /* HsBindingInfo, in slot order */
  GArray      *stack;        /* guint64: objects referenced from the value stack (temporaries) */
} HsFrameInfo;

typedef struct
{
  guint8       kind;         /* HsEventKind */
  guint64      object;       /* 0 when none */
  gint64       arg;
  const char  *text;         /* output text, or NULL */
} HsEventInfo;

/* HsHeapState.event of the state of a whole step */
#define HS_STATE_WHOLE_STEP G_MAXUINT

typedef struct
{
  gint         ref_count;
  guint64      step;
  /* HS_STATE_WHOLE_STEP, or an event step: the heap of @step as its event
   * number @event happens; @events then holds the events up to that one
   * and @line is the line running (that of step - 1). */
  guint        event;
  int          line;
  GArray      *objects;      /* HsObjectInfo, creation order */
  GArray      *edges;        /* HsEdgeInfo */
  GPtrArray   *frames;       /* HsFrameInfo *, outermost first; suspended generator frames last */
  GString     *output;       /* everything printed so far (stdout and stderr interleaved) */
  GArray      *events;       /* HsEventInfo of this step */
  GHashTable  *index;        /* id → position in objects + 1 */
  /* Every string of the state lives here: no global interning, so a state
   * can be built in a process forked from a multi-threaded one. */
  GStringChunk *strings;
} HsHeapState;

/* Runs @source once and records its steps. Returns NULL with @error on a
 * syntax error. @cancel may be set to non-zero from another thread. */
HsTrace      *hs_trace_new              (const char    *source,
                                         gsize          len,
                                         const char    *filename,
                                         guint64        max_steps,
                                         volatile gint *cancel,
                                         HsDiagnostic **error);
HsTrace      *hs_trace_new_full         (const char    *source,
                                         gsize          len,
                                         const char    *filename,
                                         guint64        max_steps,
                                         guint64        max_heap_bytes,
                                         volatile gint *cancel,
                                         HsDiagnostic **error);
HsTrace      *hs_trace_ref              (HsTrace       *trace);
void          hs_trace_unref            (HsTrace       *trace);
guint64       hs_trace_get_n_steps      (HsTrace       *trace);
int           hs_trace_get_step_line    (HsTrace       *trace,
                                         guint64        step);
int           hs_trace_get_step_depth   (HsTrace       *trace,
                                         guint64        step);
gboolean      hs_trace_get_truncated    (HsTrace       *trace);   /* stopped by the step cap */
gboolean      hs_trace_get_cancelled    (HsTrace       *trace);
int           hs_trace_get_exit_status  (HsTrace       *trace);
const char   *hs_trace_get_output       (HsTrace       *trace);   /* the whole run's output */
/* The first step at or after @from whose events include @kind, or
 * G_MAXUINT64. Indexed while recording, so it costs no replay; only the
 * kinds reported through HsRecorderClass.on_event (GC, finalizer, weakref,
 * raise, store) are indexed: not allocations, frees or output. */
guint64       hs_trace_find_event       (HsTrace       *trace,
                                         guint64        from,
                                         HsEventKind    kind);
/* Memory held by the history itself. */
guint64       hs_trace_get_bytes        (HsTrace       *trace);
/* Checkpoints the trace keeps (0 where processes cannot be forked). */
guint         hs_trace_get_n_checkpoints (HsTrace      *trace);
/* The heap at @step (0 ≤ step < n_steps). Never NULL for a valid step. */
HsHeapState  *hs_trace_get_state        (HsTrace       *trace,
                                         guint64        step);

/* The heap inside @step's line, as its event number @event happens (the
 * last of the state's events): "step into the details of a line". An
 * @event past the step's events gives the whole step, as
 * hs_trace_get_state(). An object allocated by the event is not there yet;
 * one deallocated by it is already gone. */
HsHeapState  *hs_trace_get_event_state  (HsTrace       *trace,
                                         guint64        step,
                                         guint          event);
const char   *hs_event_kind_to_string   (HsEventKind    kind);
HsHeapState  *hs_heap_state_ref         (HsHeapState   *state);
void          hs_heap_state_unref       (HsHeapState   *state);
const HsObjectInfo *hs_heap_state_lookup (HsHeapState  *state,
                                          guint64       id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTrace, hs_trace_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsHeapState, hs_heap_state_unref)

G_END_DECLS
