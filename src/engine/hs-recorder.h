/* hs-recorder.h — hooks through which a running VM reports what happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The VM calls these only when vm->recorder is set. The recorder turns them
 * into the trace's line steps and in-line events (hs-trace.h).
 */
#pragma once

#include "hs-object.h"
#include "hs-run.h"

G_BEGIN_DECLS

typedef enum
{
  HS_EVENT_ALLOC,          /* object */
  HS_EVENT_FREE,           /* object */
  HS_EVENT_DEL_START,      /* object: __del__ begins */
  HS_EVENT_DEL_END,        /* object */
  HS_EVENT_OUTPUT,         /* text written */
  HS_EVENT_RAISE,          /* exception object */
  HS_EVENT_GC_START,       /* generation */
  HS_EVENT_GC_PHASE,       /* phase + object sets (hs-gc.c) */
  HS_EVENT_GC_END,
  HS_EVENT_WEAKREF_CLEARED,
  HS_EVENT_STORE,          /* a name/attribute/item binding changed */
} HsEventKind;

void  hs_recorder_on_alloc   (HsRecorder  *rec,
                              HsObject    *o);
void  hs_recorder_on_free    (HsRecorder  *rec,
                              HsObject    *o);
/* A line step: @frame is about to execute @line. Returns FALSE when the run
 * must stop (step cap, cancellation). */
gboolean hs_recorder_on_line (HsRecorder  *rec,
                              HsFrame     *frame,
                              int          line);
void  hs_recorder_on_event   (HsRecorder  *rec,
                              HsEventKind  kind,
                              HsObject    *o,
                              gint64       arg);
void  hs_recorder_on_output  (HsRecorder  *rec,
                              HsStream     stream,
                              const char  *text,
                              gsize        len);

G_END_DECLS
