/* hs-recorder.h — hooks through which a running VM reports what happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The VM calls these only when vm->recorder is set. A recorder is a small
 * table of callbacks, so the same run can feed --trace-lines, --stats or the
 * trace the app steps through (hs-trace.c).
 */
#pragma once

#include "hs-object.h"
#include "hs-run.h"

G_BEGIN_DECLS

typedef enum
{
  HS_EVENT_ALLOC,            /* object */
  HS_EVENT_FREE,             /* object (still intact) */
  HS_EVENT_DEL_START,        /* object: __del__ begins */
  HS_EVENT_DEL_END,          /* object */
  HS_EVENT_OUTPUT,           /* arg: stream */
  HS_EVENT_RAISE,            /* object: the exception */
  HS_EVENT_GC_START,         /* arg: generation | 0x100 when automatic */
  HS_EVENT_GC_PHASE,         /* object; arg: phase << 32 | gc_refs (phases below) */
  HS_EVENT_GC_END,           /* arg: collected + uncollectable */
  HS_EVENT_WEAKREF_CLEARED,  /* object: the weakref; arg: serial of its referent */
  HS_EVENT_STORE,            /* object: the value bound, or 0; arg: HsStoreKind */
  HS_EVENT_DEALLOC,          /* object: its count reached zero, its deallocation begins */
} HsEventKind;

/* HS_EVENT_STORE: which kind of reference a line added or removed. */
typedef enum
{
  HS_STORE_NAME,             /* a variable (local, global, closure cell) */
  HS_STORE_ATTR,             /* obj.attr = value */
  HS_STORE_ITEM,             /* container[key] = value */
  HS_STORE_DELETE_NAME,      /* del name: object is 0 */
  HS_STORE_DELETE_ATTR,
  HS_STORE_DELETE_ITEM,
} HsStoreKind;

/* HS_EVENT_GC_PHASE phases. */
enum
{
  HS_GC_PHASE_GC_REFS = 1,     /* after subtract_refs: gc_refs = references from outside */
  HS_GC_PHASE_UNREACHABLE = 2, /* tentatively unreachable after move_unreachable */
  HS_GC_PHASE_FINALIZE = 3,    /* tp_finalize (__del__) called */
  HS_GC_PHASE_RESURRECTED = 4, /* reachable again after the finalizers */
  HS_GC_PHASE_CLEAR = 5,       /* final garbage: tp_clear breaks its references */
};

typedef struct
{
  void     (*on_alloc)  (HsRecorder *rec, HsObject *o);
  void     (*on_free)   (HsRecorder *rec, HsObject *o);
  /* A line step: @frame is about to execute @line. FALSE stops the run. */
  gboolean (*on_line)   (HsRecorder *rec, HsFrame *frame, int line);
  void     (*on_event)  (HsRecorder *rec, HsEventKind kind, HsObject *o, gint64 arg);
  void     (*on_output) (HsRecorder *rec, HsStream stream, const char *text, gsize len);
} HsRecorderClass;

struct _HsRecorder
{
  const HsRecorderClass *klass;
};

static inline void
hs_recorder_on_alloc (HsRecorder *rec,
                      HsObject   *o)
{
  if (rec->klass->on_alloc != NULL)
    rec->klass->on_alloc (rec, o);
}

static inline void
hs_recorder_on_free (HsRecorder *rec,
                     HsObject   *o)
{
  if (rec->klass->on_free != NULL)
    rec->klass->on_free (rec, o);
}

static inline gboolean
hs_recorder_on_line (HsRecorder *rec,
                     HsFrame    *frame,
                     int         line)
{
  if (rec->klass->on_line != NULL)
    return rec->klass->on_line (rec, frame, line);
  return TRUE;
}

static inline void
hs_recorder_on_event (HsRecorder  *rec,
                      HsEventKind  kind,
                      HsObject    *o,
                      gint64       arg)
{
  if (rec->klass->on_event != NULL)
    rec->klass->on_event (rec, kind, o, arg);
}

/* A reference a statement added or removed, once it is in place (the
 * old value may then be released). */
#define HS_RECORD_STORE(vm, value, kind)                                   \
  G_STMT_START {                                                           \
    if (G_UNLIKELY ((vm)->recorder != NULL))                               \
      hs_recorder_on_event ((vm)->recorder, HS_EVENT_STORE, (value), (kind)); \
  } G_STMT_END

static inline void
hs_recorder_on_output (HsRecorder  *rec,
                       HsStream     stream,
                       const char  *text,
                       gsize        len)
{
  if (rec->klass->on_output != NULL)
    rec->klass->on_output (rec, stream, text, len);
}

G_END_DECLS
