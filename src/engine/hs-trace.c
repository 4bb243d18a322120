/* hs-trace.c — record a run's steps; rebuild the heap of any step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine is deterministic, so a trace only keeps what identifies each
 * step (its line and depth: a few bytes a step) and rebuilds the heap of a
 * step by running the snippet again up to it.
 */

#include "config.h"

#include <string.h>

#include "hs-frame.h"
#include "hs-heap-snapshot.h"
#include "hs-program.h"
#include "hs-recorder.h"
#include "hs-trace.h"

struct _HsTrace
{
  gint           ref_count;
  char          *source;
  gsize          len;
  char          *filename;
  guint64        max_steps;
  GArray        *lines;      /* gint32 a step */
  GArray        *depths;     /* guint16 a step */
  gboolean       truncated;
  gboolean       cancelled;
  int            exit_status;
  GString       *output;
  GArray        *event_steps; /* EventStep: steps whose events include a GC, finalizer… */
};

/* The kinds of event (as a bit mask) that happened in one step. Only the
 * rare kinds reported through on_event are indexed, not allocations. */
typedef struct
{
  guint64  step;
  guint32  kinds;
} EventStep;

/* Recording ---------------------------------------------------------------- */

typedef struct
{
  HsRecorder     parent;
  HsTrace       *trace;
  HsVM          *vm;
  volatile gint *cancel;
} RecordRecorder;

static gboolean
record_on_line (HsRecorder *rec,
                HsFrame    *frame,
                int         line)
{
  RecordRecorder *self = (RecordRecorder *) rec;
  HsTrace *trace = self->trace;
  guint16 depth = (guint16) MIN (self->vm->depth, G_MAXUINT16);

  if (self->cancel != NULL && g_atomic_int_get (self->cancel))
    {
      trace->cancelled = TRUE;
      return FALSE;
    }
  if (frame != NULL && trace->lines->len + 1 > trace->max_steps)
    {
      trace->truncated = TRUE;
      return FALSE;
    }
  g_array_append_val (trace->lines, line);
  g_array_append_val (trace->depths, depth);
  return TRUE;
}

static void
record_on_event (HsRecorder  *rec,
                 HsEventKind  kind,
                 HsObject    *o,
                 gint64       arg)
{
  RecordRecorder *self = (RecordRecorder *) rec;
  GArray *steps = self->trace->event_steps;
  /* Events belong to the step they lead to: the next one recorded. */
  guint64 step = self->trace->lines->len;

  if (steps->len > 0 && g_array_index (steps, EventStep, steps->len - 1).step == step)
    g_array_index (steps, EventStep, steps->len - 1).kinds |= 1u << kind;
  else
    {
      EventStep es = { step, 1u << kind };

      g_array_append_val (steps, es);
    }
}

static const HsRecorderClass record_class = {
  .on_line = record_on_line,
  .on_event = record_on_event,
};

HsTrace *
hs_trace_new (const char    *source,
              gsize          len,
              const char    *filename,
              guint64        max_steps,
              volatile gint *cancel,
              HsDiagnostic **error)
{
  g_autoptr(HsProgram) program = hs_program_new (source, len, filename, error);
  HsTrace *trace;
  RecordRecorder rec;
  int last_line = 0;

  if (program == NULL)
    return NULL;

  trace = g_new0 (HsTrace, 1);
  trace->ref_count = 1;
  trace->source = g_memdup2 (source, len + 1);
  trace->source[len] = '\0';
  trace->len = len;
  trace->filename = g_strdup (filename);
  trace->max_steps = max_steps > 0 ? max_steps : HS_DEFAULT_MAX_STEPS;
  trace->lines = g_array_new (FALSE, FALSE, sizeof (gint32));
  trace->depths = g_array_new (FALSE, FALSE, sizeof (guint16));
  trace->event_steps = g_array_new (FALSE, FALSE, sizeof (EventStep));

  rec.parent.klass = &record_class;
  rec.trace = trace;
  rec.vm = program->vm;
  rec.cancel = cancel;
  program->vm->recorder = &rec.parent;
  program->vm->max_steps = trace->max_steps + 1;
  trace->exit_status = hs_program_run (program);
  program->vm->recorder = NULL;
  trace->output = g_string_new (program->vm->output->str);

  /* A stopped run still ends with a final step: the state where it stopped. */
  if (trace->truncated || trace->cancelled || trace->lines->len == 0)
    {
      guint16 depth = 0;

      g_array_append_val (trace->lines, last_line);
      g_array_append_val (trace->depths, depth);
    }
  return trace;
}

HsTrace *
hs_trace_ref (HsTrace *trace)
{
  g_atomic_int_inc (&trace->ref_count);
  return trace;
}

void
hs_trace_unref (HsTrace *trace)
{
  if (trace == NULL || !g_atomic_int_dec_and_test (&trace->ref_count))
    return;
  g_free (trace->source);
  g_free (trace->filename);
  g_array_unref (trace->lines);
  g_array_unref (trace->depths);
  g_array_unref (trace->event_steps);
  if (trace->output != NULL)
    g_string_free (trace->output, TRUE);
  g_free (trace);
}

guint64
hs_trace_get_n_steps (HsTrace *trace)
{
  return trace->lines->len;
}

int
hs_trace_get_step_line (HsTrace *trace,
                        guint64  step)
{
  g_return_val_if_fail (step < trace->lines->len, 0);
  return g_array_index (trace->lines, gint32, step);
}

int
hs_trace_get_step_depth (HsTrace *trace,
                         guint64  step)
{
  g_return_val_if_fail (step < trace->depths->len, 0);
  return g_array_index (trace->depths, guint16, step);
}

gboolean
hs_trace_get_truncated (HsTrace *trace)
{
  return trace->truncated;
}

gboolean
hs_trace_get_cancelled (HsTrace *trace)
{
  return trace->cancelled;
}

int
hs_trace_get_exit_status (HsTrace *trace)
{
  return trace->exit_status;
}

const char *
hs_trace_get_output (HsTrace *trace)
{
  return trace->output->str;
}

guint64
hs_trace_get_bytes (HsTrace *trace)
{
  return sizeof (HsTrace) + trace->lines->len * (sizeof (gint32) + sizeof (guint16))
         + trace->len + 1;
}

guint64
hs_trace_find_event (HsTrace     *trace,
                     guint64      from,
                     HsEventKind  kind)
{
  GArray *steps;
  guint lo = 0, hi;

  g_return_val_if_fail (trace != NULL, G_MAXUINT64);

  steps = trace->event_steps;
  hi = steps->len;
  /* The first indexed step at or after @from, then a scan for @kind. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (steps, EventStep, mid).step < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < steps->len; i++)
    {
      const EventStep *es = &g_array_index (steps, EventStep, i);

      if (es->step >= trace->lines->len)
        break;
      if (es->kinds & (1u << kind))
        return es->step;
    }
  return G_MAXUINT64;
}

/* Replaying -------------------------------------------------------------- */

typedef struct
{
  HsRecorder    parent;
  HsVM         *vm;
  guint64       first_serial;
  guint64       target;
  guint64       seen;
  HsHeapState  *state;
  GArray       *events;       /* HsEventInfo since the previous step */
} ReplayRecorder;

static void
replay_add_event (ReplayRecorder *self,
                  HsEventKind     kind,
                  HsObject       *o,
                  gint64          arg,
                  char           *text)
{
  HsEventInfo ev = { kind, o != NULL ? o->serial : 0, arg, text };

  /* Only the target step's own events: those after the line event just
   * before it (seen == target), and nothing once the snapshot is taken. */
  if (self->seen != self->target || self->state != NULL)
    {
      g_free (text);
      return;
    }
  g_array_append_val (self->events, ev);
}

static gboolean
replay_on_line (HsRecorder *rec,
                HsFrame    *frame,
                int         line)
{
  ReplayRecorder *self = (ReplayRecorder *) rec;
  guint64 index;

  /* A run stopped inside a finalizer or a collection may report more line
   * events while it unwinds: the snapshot is already taken. */
  if (self->state != NULL)
    return FALSE;
  index = self->seen++;
  if (index < self->target && frame != NULL)
    return TRUE;
  self->state = _hs_heap_snapshot (self->vm, self->first_serial, self->target, line);
  g_array_append_vals (self->state->events, self->events->data, self->events->len);
  g_array_set_size (self->events, 0);
  return FALSE;
}

static void
replay_on_event (HsRecorder  *rec,
                 HsEventKind  kind,
                 HsObject    *o,
                 gint64       arg)
{
  replay_add_event ((ReplayRecorder *) rec, kind, o, arg, NULL);
}

static void
replay_on_alloc (HsRecorder *rec,
                 HsObject   *o)
{
  replay_add_event ((ReplayRecorder *) rec, HS_EVENT_ALLOC, o, 0, NULL);
}

static void
replay_on_free (HsRecorder *rec,
                HsObject   *o)
{
  replay_add_event ((ReplayRecorder *) rec, HS_EVENT_FREE, o, 0,
                    g_strdup (o->ob_type->name));
}

static void
replay_on_output (HsRecorder  *rec,
                  HsStream     stream,
                  const char  *text,
                  gsize        len)
{
  replay_add_event ((ReplayRecorder *) rec, HS_EVENT_OUTPUT, NULL, stream, g_strndup (text, len));
}

static const HsRecorderClass replay_class = {
  .on_alloc = replay_on_alloc,
  .on_free = replay_on_free,
  .on_line = replay_on_line,
  .on_event = replay_on_event,
  .on_output = replay_on_output,
};

HsHeapState *
hs_trace_get_state (HsTrace *trace,
                    guint64  step)
{
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) program = NULL;
  ReplayRecorder rec = { { &replay_class } };

  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (step < trace->lines->len, NULL);

  program = hs_program_new (trace->source, trace->len, trace->filename, &error);
  g_return_val_if_fail (program != NULL, NULL);

  rec.vm = program->vm;
  rec.first_serial = program->first_program_serial;
  rec.target = step;
  rec.events = g_array_new (FALSE, FALSE, sizeof (HsEventInfo));
  program->vm->recorder = &rec.parent;
  program->vm->max_steps = trace->max_steps + 1;
  hs_program_run (program);
  program->vm->recorder = NULL;

  if (rec.state == NULL)
    {
      /* A stopped run: the last step is where it stopped. */
      rec.state = _hs_heap_snapshot (program->vm, rec.first_serial, step,
                                     hs_trace_get_step_line (trace, step));
      g_array_append_vals (rec.state->events, rec.events->data, rec.events->len);
      g_array_set_size (rec.events, 0);
    }
  for (guint i = 0; i < rec.events->len; i++)
    g_free (g_array_index (rec.events, HsEventInfo, i).text);
  g_array_unref (rec.events);
  return rec.state;
}
