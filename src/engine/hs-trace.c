/* hs-trace.c — record a run's steps; rebuild the heap of any step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine is deterministic, so a trace keeps only what identifies each
 * step (its line and depth: 6 bytes a step) and rebuilds the heap of a step
 * by running the snippet again up to it. To make that fast for long runs,
 * recording leaves checkpoints behind, the way OCaml's debugger does: every
 * few milliseconds of execution the recording process forks, and the child
 * waits, frozen at that step. To show step N, the nearest checkpoint before
 * N forks a worker that runs on to N, builds the state and sends it back
 * through a pipe. Copy-on-write pages make a checkpoint cost only what the
 * program changes afterwards. Where fork is not safe (a multi-threaded
 * process whose GLib still uses the slice allocator) the trace falls back to
 * re-running from the start.
 */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>

#include <glib.h>

#ifdef G_OS_UNIX
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "hs-frame.h"
#include "hs-gc.h"
#include "hs-heap-snapshot.h"
#include "hs-program.h"
#include "hs-recorder.h"
#include "hs-trace.h"

/* Execution time between two checkpoints, and how many a trace keeps: a
 * checkpoint costs the pages the program changes after it, little for a
 * small heap, so those keep more (random access replays less). */
#define CHECKPOINT_INTERVAL_USEC 1000
#define MAX_CHECKPOINTS          96
#define MAX_CHECKPOINTS_BIG_HEAP 40
#define BIG_HEAP_OBJECTS         20000
/* Recently built states kept (at most so many, and so many objects and
 * edges in all: a state of a big heap is megabytes), and how many earlier
 * ones stepping back fetches. */
#define CACHE_STATES             64
#define CACHE_ITEMS              100000
#define PREFETCH_STATES          24
#define PREFETCH_MAX_OBJECTS     2000

typedef struct
{
  guint64  step;
  int      pid;
  int      cmd_fd;     /* parent → checkpoint: the target step */
  int      res_fd;     /* checkpoint's worker → parent: the state */
} Checkpoint;

struct _HsTrace
{
  gint           ref_count;
  char          *source;
  gsize          len;
  char          *filename;
  guint64        max_steps;
  guint64        max_heap_bytes; /* 0: the VM's default */
  GArray        *lines;      /* gint32 a step */
  GArray        *depths;     /* guint16 a step */
  gboolean       truncated;
  gboolean       cancelled;
  int            exit_status;
  GString       *output;
  GArray        *checkpoints;
  GMutex         lock;       /* serialises requests to the checkpoints */
  int            owner_pid;  /* the process that recorded the trace */
  GHashTable    *cache;      /* step (guint64*) → HsHeapState, under lock */
  GQueue        *cache_order; /* the cache's keys, oldest first */
  guint64        cache_items; /* objects and edges in the cached states */
  guint64        last_request;
  guint          last_objects;
  GArray        *event_steps; /* EventStep: steps with a collection, a finalizer… */
};

/* The kinds of event (a bit mask) that happened during one step. Only the
 * rare kinds reported through on_event are indexed, not allocations. */
typedef struct
{
  guint64  step;
  guint32  kinds;
} EventStep;

/* One recorder serves three roles: recording (counting steps, leaving
 * checkpoints), and, in a re-run or a forked worker, replaying up to a
 * target step to capture its state. */
typedef enum
{
  MODE_RECORD,
  MODE_REPLAY,
} RecorderMode;

typedef struct
{
  HsRecorder      parent;
  RecorderMode    mode;
  HsVM           *vm;
  guint64         first_serial;
  /* recording */
  HsTrace        *trace;
  volatile gint  *cancel;
  gboolean        fork_ok;
  gint64          last_checkpoint;
  gint64          interval;
  guint           every;      /* steps between two looks at the clock */
  /* replaying: the steps first..target are captured */
  guint64         first;
  guint64         target;
  guint64         seen;       /* line events so far */
  guint64         event;      /* 0, or: capture target as its event number event - 1 happens */
  int             line;       /* the line running: that of the last line event */
  GArray         *events;     /* HsEventInfo since the previous step, texts g_strdup'd */
  HsHeapState    *state;
  int             result_fd;  /* in a forked worker: where to send the state, else -1 */
  int             cursor_fd;  /* in a forked worker: where the next (later) target comes from */
} TraceRecorder;

static void trace_release_checkpoints (HsTrace *trace);
static void capture_event_state (TraceRecorder *self,
                                 HsEventKind    kind,
                                 HsObject      *o);

/* Events ------------------------------------------------------------------ */

static void
clear_events (GArray *events)
{
  for (guint i = 0; i < events->len; i++)
    g_free ((char *) g_array_index (events, HsEventInfo, i).text);
  g_array_set_size (events, 0);
}

static void
add_event (TraceRecorder *self,
           HsEventKind    kind,
           HsObject      *o,
           gint64         arg,
           char          *text)
{
  HsEventInfo ev = { kind, o != NULL ? o->serial : 0, arg, text };

  /* Only the target step's own events: those after the line event just
   * before it (seen == target), and none once its state is captured. */
  if (self->mode != MODE_REPLAY || self->seen < self->first || self->state != NULL)
    {
      g_free (text);
      return;
    }
  g_array_append_val (self->events, ev);
  if (self->event != 0 && self->seen == self->target && self->events->len == self->event)
    capture_event_state (self, kind, o);
}

static void
index_event (HsTrace     *trace,
             HsEventKind  kind)
{
  GArray *steps = trace->event_steps;
  /* Events belong to the step they lead to: the next one recorded. */
  guint64 step = trace->lines->len;

  if (steps->len > 0 && g_array_index (steps, EventStep, steps->len - 1).step == step)
    g_array_index (steps, EventStep, steps->len - 1).kinds |= 1u << kind;
  else
    {
      EventStep es = { step, 1u << kind };

      g_array_append_val (steps, es);
    }
}

static void
rec_on_event (HsRecorder  *rec,
              HsEventKind  kind,
              HsObject    *o,
              gint64       arg)
{
  TraceRecorder *self = (TraceRecorder *) rec;

  /* Deallocations and stores are as frequent as allocations and steps:
   * indexing them would cost more than the history itself. */
  if (self->mode == MODE_RECORD && kind != HS_EVENT_DEALLOC && kind != HS_EVENT_STORE)
    index_event (self->trace, kind);
  add_event (self, kind, o, arg, NULL);
}

static void
rec_on_alloc (HsRecorder *rec,
              HsObject   *o)
{
  add_event ((TraceRecorder *) rec, HS_EVENT_ALLOC, o, 0, NULL);
}

static void
rec_on_free (HsRecorder *rec,
             HsObject   *o)
{
  TraceRecorder *self = (TraceRecorder *) rec;

  if (self->mode == MODE_REPLAY && self->seen >= self->first)
    add_event (self, HS_EVENT_FREE, o, 0, g_strdup (o->ob_type->name));
}

static void
rec_on_output (HsRecorder  *rec,
               HsStream     stream,
               const char  *text,
               gsize        len)
{
  TraceRecorder *self = (TraceRecorder *) rec;

  if (self->mode == MODE_REPLAY && self->seen >= self->first)
    add_event (self, HS_EVENT_OUTPUT, NULL, stream, g_strndup (text, len));
}

/* Capturing a state -------------------------------------------------------- */

static void
copy_events (TraceRecorder *self,
             HsHeapState   *state)
{
  for (guint i = 0; i < self->events->len; i++)
    {
      HsEventInfo ev = g_array_index (self->events, HsEventInfo, i);

      if (ev.text != NULL)
        ev.text = g_string_chunk_insert (state->strings, ev.text);
      g_array_append_val (state->events, ev);
    }
}

static HsHeapState *
capture (TraceRecorder *self,
         guint64        step,
         int            line)
{
  HsHeapState *state = _hs_heap_snapshot (self->vm, self->first_serial, step, line);

  copy_events (self, state);
  clear_events (self->events);
  return state;
}

#ifdef G_OS_UNIX
static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
read_all (int     fd,
          guint8 *data,
          gsize   len)
{
  while (len > 0)
    {
      gssize n = read (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/* A request to a checkpoint: the states of steps first..target; or, when
 * event is not 0, the one state of target as its event event - 1 happens. */
typedef struct
{
  guint64 first;
  guint64 target;
  guint64 event;
} Request;

/* In a forked worker: send a state to the parent. After the last one of a
 * request, wait for a later request to run on to: the worker is a cursor,
 * so stepping forward costs only the steps in between. It never unwinds:
 * it is a disposable copy. */
static void
send_state (TraceRecorder *self,
            HsHeapState   *state,
            gboolean       last)
{
  GByteArray *out = g_byte_array_new ();
  guint64 len;
  Request next;

  _hs_heap_state_write (state, out);
  len = out->len;
  write_all (self->result_fd, (const guint8 *) &len, sizeof len);
  write_all (self->result_fd, out->data, out->len);
  g_byte_array_unref (out);
  hs_heap_state_unref (state);
  self->state = NULL;
  if (!last)
    return;
  if (self->cursor_fd < 0 || !read_all (self->cursor_fd, (guint8 *) &next, sizeof next))
    _exit (0);
  self->first = next.first;
  self->target = next.target;
  self->event = next.event;
}
#endif

/* An event step: the heap as the event just recorded happens (the last of
 * the state's events). It is taken at the event's report, inside
 * whatever the VM is doing; that is safe because the snapshot already skips
 * objects being deallocated (count zero), and an object being allocated is
 * still blank: it is left out, as it does not exist before its event. */
static void
capture_event_state (TraceRecorder *self,
                     HsEventKind    kind,
                     HsObject      *o)
{
  guint64 step = self->seen;
  HsHeapState *state;

  if (kind == HS_EVENT_ALLOC && o != NULL)
    o->ob_refcnt = 0;
  /* The events of step N happen while the line of step N - 1 runs. */
  state = _hs_heap_snapshot (self->vm, self->first_serial, step, self->line);
  if (kind == HS_EVENT_ALLOC && o != NULL)
    o->ob_refcnt = 1;
  state->event = self->event - 1;
  copy_events (self, state);
  self->state = state;
#ifdef G_OS_UNIX
  if (self->result_fd >= 0)
    {
      send_state (self, state, TRUE);
      /* The next request is later: this step's events so far are not its. */
      if (self->first > step)
        clear_events (self->events);
    }
#endif
}

/* Line steps ----------------------------------------------------------------- */

/* Replaying keeps freed blocks (vm->deferred_frees) until a line event
 * outside any deallocation or collection: there no instruction of an outer
 * frame is half done, so no stale pointer to them is left. */
static void
defer_frees (HsVM *vm)
{
  if (vm->deferred_frees == NULL)
    vm->deferred_frees = g_ptr_array_new_with_free_func (g_free);
}

static void
release_deferred_frees (HsVM *vm)
{
  if (vm->deferred_frees != NULL && vm->dealloc_depth == 0 && !vm->gc->collecting)
    g_ptr_array_set_size (vm->deferred_frees, 0);
}

static void take_checkpoint (TraceRecorder *self);

static gboolean
rec_on_line (HsRecorder *rec,
             HsFrame    *frame,
             int         line)
{
  TraceRecorder *self = (TraceRecorder *) rec;

  self->line = line;
  if (self->mode == MODE_RECORD)
    {
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
      self->seen++;
      if (self->fork_ok && frame != NULL && trace->lines->len % self->every == 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (now - self->last_checkpoint >= self->interval)
            take_checkpoint (self);
        }
      return self->mode == MODE_RECORD ? TRUE : rec_on_line (rec, frame, line);
    }

  /* Replaying: the line event number self->seen is happening now. A run
   * stopped inside a finalizer or a collection may report more line events
   * while it unwinds: the state is already captured. */
  if (self->state != NULL)
    return FALSE;
  release_deferred_frees (self->vm);
  {
    guint64 index = self->seen++;

    /* Shutdown's steps (finalizers run at exit) follow the end step. */
    if (index < self->first)
      {
        if (index + 1 < self->first)
          clear_events (self->events);
        return TRUE;
      }
    self->state = capture (self, index, line);
#ifdef G_OS_UNIX
    if (self->result_fd >= 0)
      {
        gboolean last = index >= self->target;

        send_state (self, self->state, last);
        if (!last)
          self->first = index + 1;
        return TRUE;
      }
#endif
    return FALSE;
  }
}

static const HsRecorderClass trace_recorder_class = {
  .on_alloc = rec_on_alloc,
  .on_free = rec_on_free,
  .on_line = rec_on_line,
  .on_event = rec_on_event,
  .on_output = rec_on_output,
};

/* Checkpoints ---------------------------------------------------------------- */

#ifdef G_OS_UNIX
/* The checkpoint process: frozen at a step, it forks one worker per request.
 * The worker returns from here into the interpreter, which runs on. */
static void
checkpoint_serve (TraceRecorder *self,
                  Checkpoint    *cp)
{
  int cursor_pid = -1, cursor_fd = -1;
  guint64 cursor_step = 0, cursor_event = 0;

  /* A cursor that died makes its pipe fail; that must not kill us. */
  signal (SIGPIPE, SIG_IGN);
  for (;;)
    {
      Request req;
      int pid, p[2], status;
      struct pollfd command = { cp->cmd_fd, POLLIN, 0 };
      int ready = poll (&command, 1, cursor_pid > 0 ? 100 : -1);

      /* A worker killed by a signal (an engine bug) sends nothing: tell the
       * waiting parent, which falls back, rather than leave it hanging. */
      if (ready == 0 || (ready < 0 && errno == EINTR))
        {
          if (cursor_pid > 0 && waitpid (cursor_pid, &status, WNOHANG) == cursor_pid)
            {
              guint64 zero = 0;

              if (WIFSIGNALED (status))
                write_all (cp->res_fd, (const guint8 *) &zero, sizeof zero);
              close (cursor_fd);
              cursor_pid = -1;
            }
          continue;
        }
      if (!read_all (cp->cmd_fd, (guint8 *) &req, sizeof req))
        _exit (0);

      /* The running cursor goes on if the steps are ahead of it. Within a
       * step, event states come before the whole step's state (event 0). */
      if (cursor_pid > 0
          && (req.first > cursor_step
              || (req.first == cursor_step && cursor_event != 0
                  && (req.event == 0 || req.event > cursor_event)))
          && write_all (cursor_fd, (const guint8 *) &req, sizeof req))
        {
          cursor_step = req.target;
          cursor_event = req.event;
          continue;
        }
      if (cursor_pid > 0)
        {
          close (cursor_fd);
          kill (cursor_pid, SIGKILL);
          while (waitpid (cursor_pid, NULL, 0) < 0 && errno == EINTR)
            ;
          cursor_pid = -1;
        }
      if (pipe (p) != 0)
        p[0] = p[1] = -1;
      pid = fork ();
      if (pid == 0)
        {
          if (p[1] >= 0)
            close (p[1]);
          close (cp->cmd_fd);
          self->mode = MODE_REPLAY;
          self->first = req.first;
          self->target = req.target;
          self->event = req.event;
          self->seen = cp->step;
          self->result_fd = cp->res_fd;
          self->cursor_fd = p[0];
          self->vm->write = NULL;
          self->vm->max_steps = G_MAXUINT64;
          defer_frees (self->vm);
          clear_events (self->events);
          return;
        }
      if (p[0] >= 0)
        close (p[0]);
      if (pid < 0)
        {
          guint64 zero = 0;

          if (p[1] >= 0)
            close (p[1]);
          write_all (cp->res_fd, (const guint8 *) &zero, sizeof zero);
          continue;
        }
      cursor_pid = pid;
      cursor_fd = p[1];
      cursor_step = req.target;
      cursor_event = req.event;
    }
}

static void
take_checkpoint (TraceRecorder *self)
{
  HsTrace *trace = self->trace;
  Checkpoint cp = { 0 };
  int cmd[2], res[2];
  int pid;

  if (trace->checkpoints->len >= (self->vm->n_live < BIG_HEAP_OBJECTS ? MAX_CHECKPOINTS
                                                                     : MAX_CHECKPOINTS_BIG_HEAP))
    {
      /* Keep every other checkpoint and space the next ones further apart. */
      guint j = 0;

      for (guint i = 0; i < trace->checkpoints->len; i++)
        {
          Checkpoint *c = &g_array_index (trace->checkpoints, Checkpoint, i);

          if (i % 2 == 1)
            {
              close (c->cmd_fd);
              close (c->res_fd);
              kill (c->pid, SIGKILL);
              while (waitpid (c->pid, NULL, 0) < 0 && errno == EINTR)
                ;
            }
          else
            g_array_index (trace->checkpoints, Checkpoint, j++) = *c;
        }
      g_array_set_size (trace->checkpoints, j);
      self->interval *= 2;
    }

  if (pipe (cmd) != 0)
    return;
  if (pipe (res) != 0)
    {
      close (cmd[0]);
      close (cmd[1]);
      return;
    }
  cp.step = trace->lines->len - 1;
  self->last_checkpoint = g_get_monotonic_time ();

  pid = fork ();
  if (pid == 0)
    {
      /* The checkpoint: nothing but the pipes of this checkpoint stay open. */
      for (guint i = 0; i < trace->checkpoints->len; i++)
        {
          Checkpoint *c = &g_array_index (trace->checkpoints, Checkpoint, i);

          close (c->cmd_fd);
          close (c->res_fd);
        }
      close (cmd[1]);
      close (res[0]);
#ifdef __linux__
      prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
      cp.cmd_fd = cmd[0];
      cp.res_fd = res[1];
      checkpoint_serve (self, &cp);
      /* A worker continues the program from here. */
      return;
    }
  close (cmd[0]);
  close (res[1]);
  if (pid < 0)
    {
      close (cmd[1]);
      close (res[0]);
      self->fork_ok = FALSE;
      return;
    }
  cp.pid = pid;
  cp.cmd_fd = cmd[1];
  cp.res_fd = res[0];
  g_array_append_val (trace->checkpoints, cp);
}

static guint64
state_items (HsHeapState *state)
{
  return state->objects->len + state->edges->len;
}

/* A whole step is cached under its number, an event step beside it. */
static guint64
cache_key (guint64 step,
           guint   event)
{
  return event == HS_STATE_WHOLE_STEP ? step : step | ((guint64) event + 1) << 40;
}

static void
cache_add (HsTrace     *trace,
           HsHeapState *state)
{
  guint64 *key = g_new (guint64, 1);

  *key = cache_key (state->step, state->event);
  if (g_hash_table_contains (trace->cache, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (trace->cache, key, hs_heap_state_ref (state));
  g_queue_push_tail (trace->cache_order, key);
  trace->cache_items += state_items (state);
  while (g_queue_get_length (trace->cache_order) > CACHE_STATES
         || (trace->cache_items > CACHE_ITEMS && g_queue_get_length (trace->cache_order) > 1))
    {
      guint64 *oldest = g_queue_pop_head (trace->cache_order);

      trace->cache_items -= state_items (g_hash_table_lookup (trace->cache, oldest));
      g_hash_table_remove (trace->cache, oldest);
    }
}

/* Asks @cp for the states of steps @first..@step, or for the one event
 * state @event of @step; all of them are cached, the last one is returned. */
static HsHeapState *
request_states (HsTrace    *trace,
                Checkpoint *cp,
                guint64     first,
                guint64     step,
                guint       event)
{
  Request req = { first, step, event == HS_STATE_WHOLE_STEP ? 0 : (guint64) event + 1 };
  HsHeapState *state = NULL;

  if (!write_all (cp->cmd_fd, (const guint8 *) &req, sizeof req))
    return NULL;
  for (guint64 s = first; s <= step; s++)
    {
      guint64 len = 0;
      g_autofree guint8 *data = NULL;

      g_clear_pointer (&state, hs_heap_state_unref);
      if (!read_all (cp->res_fd, (guint8 *) &len, sizeof len) || len == 0 || len > G_MAXUINT32)
        return NULL;
      data = g_malloc (len);
      if (!read_all (cp->res_fd, data, len))
        return NULL;
      state = _hs_heap_state_read (data, len);
      if (state == NULL)
        return NULL;
      cache_add (trace, state);
    }
  return state;
}

/* fork() is safe here unless other threads may hold a GLib lock the child
 * would need: with one thread, or GLib's slice allocator out of the way. */
static gboolean
fork_is_safe (void)
{
  const char *slice = g_getenv ("G_SLICE");
  g_autofree char *status = NULL;

  if (g_getenv ("HEAPSCOPE_NO_CHECKPOINTS") != NULL)
    return FALSE;
  if (glib_check_version (2, 76, 0) == NULL)
    return TRUE;
  if (slice != NULL && strstr (slice, "always-malloc") != NULL)
    return TRUE;
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *threads = strstr (status, "\nThreads:");

      return threads != NULL && g_ascii_strtoull (threads + 9, NULL, 10) == 1;
    }
  return FALSE;
}
#else
static void
take_checkpoint (TraceRecorder *self)
{
  self->fork_ok = FALSE;
}

static gboolean
fork_is_safe (void)
{
  return FALSE;
}
#endif

/* Public API --------------------------------------------------------------------- */

HsTrace *
hs_trace_new (const char    *source,
              gsize          len,
              const char    *filename,
              guint64        max_steps,
              volatile gint *cancel,
              HsDiagnostic **error)
{
  return hs_trace_new_full (source, len, filename, max_steps, 0, cancel, error);
}

/* As hs_trace_new(), with the simulated heap's size (0: the default,
 * HS_DEFAULT_MAX_HEAP_BYTES): past it the snippet gets MemoryError. */
HsTrace *
hs_trace_new_full (const char    *source,
                   gsize          len,
                   const char    *filename,
                   guint64        max_steps,
                   guint64        max_heap_bytes,
                   volatile gint *cancel,
                   HsDiagnostic **error)
{
  g_autoptr(HsProgram) program = hs_program_new (source, len, filename, error);
  HsTrace *trace;
  TraceRecorder rec = { { &trace_recorder_class } };
  int last_line = 0;

  if (program == NULL)
    return NULL;

  trace = g_new0 (HsTrace, 1);
  trace->ref_count = 1;
  /* @source need not end in a NUL: copy @len bytes, then add one. */
  trace->source = g_malloc (len + 1);
  memcpy (trace->source, source, len);
  trace->source[len] = '\0';
  trace->len = len;
  trace->filename = g_strdup (filename);
  trace->max_steps = max_steps > 0 ? max_steps : HS_DEFAULT_MAX_STEPS;
  trace->max_heap_bytes = max_heap_bytes;
  trace->lines = g_array_new (FALSE, FALSE, sizeof (gint32));
  trace->depths = g_array_new (FALSE, FALSE, sizeof (guint16));
  trace->checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  trace->event_steps = g_array_new (FALSE, FALSE, sizeof (EventStep));
  g_mutex_init (&trace->lock);
  trace->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) hs_heap_state_unref);
  trace->cache_order = g_queue_new ();
  trace->last_request = G_MAXUINT64;

  rec.mode = MODE_RECORD;
  rec.vm = program->vm;
  rec.first_serial = program->first_program_serial;
  rec.trace = trace;
  rec.cancel = cancel;
  rec.fork_ok = fork_is_safe ();
  rec.last_checkpoint = g_get_monotonic_time ();
  rec.interval = CHECKPOINT_INTERVAL_USEC;
  rec.every = 256;
  /* For tests: a checkpoint every N steps, so short snippets have some. */
  if (g_getenv ("HEAPSCOPE_CHECKPOINT_STEPS") != NULL)
    {
      rec.every = MAX (1, (guint) g_ascii_strtoull (g_getenv ("HEAPSCOPE_CHECKPOINT_STEPS"), NULL, 10));
      rec.interval = 0;
    }
  rec.events = g_array_new (FALSE, FALSE, sizeof (HsEventInfo));
  rec.result_fd = -1;
  rec.cursor_fd = -1;
  program->vm->recorder = &rec.parent;
  program->vm->max_steps = trace->max_steps + 1;
  if (trace->max_heap_bytes > 0)
    program->vm->max_heap_bytes = trace->max_heap_bytes;
  /* Built-ins looping in C (sum(range(10**12))) make no line event. */
  program->vm->cancel_flag = cancel;
#ifdef G_OS_UNIX
  trace->owner_pid = getpid ();
#endif
  trace->exit_status = hs_program_run (program);
#ifdef G_OS_UNIX
  if (getpid () != trace->owner_pid)
    {
      /* A checkpoint's worker whose step never came (the run ended first):
       * report failure; this copy must never return to the caller. */
      guint64 zero = 0;

      if (rec.result_fd >= 0)
        write_all (rec.result_fd, (const guint8 *) &zero, sizeof zero);
      _exit (0);
    }
#endif
  program->vm->recorder = NULL;
  /* Stopped inside a step: by the cancel flag, or by the output or work cap. */
  if (program->vm->stop == HS_STOP_CANCELLED)
    trace->cancelled = TRUE;
  else if (program->vm->stop == HS_STOP_OUTPUT_LIMIT || program->vm->stop == HS_STOP_WORK_LIMIT)
    trace->truncated = TRUE;
  trace->output = g_string_new (program->vm->output->str);
  g_array_unref (rec.events);

  /* A stopped run still ends with a final step: the state where it stopped. */
  if (trace->truncated || trace->cancelled || trace->lines->len == 0)
    {
      guint16 depth = 0;

      g_array_append_val (trace->lines, last_line);
      g_array_append_val (trace->depths, depth);
    }
  if (trace->cancelled)
    trace_release_checkpoints (trace);
  return trace;
}

HsTrace *
hs_trace_ref (HsTrace *trace)
{
  g_atomic_int_inc (&trace->ref_count);
  return trace;
}

static void
trace_release_checkpoints (HsTrace *trace)
{
#ifdef G_OS_UNIX
  for (guint i = 0; i < trace->checkpoints->len; i++)
    {
      Checkpoint *c = &g_array_index (trace->checkpoints, Checkpoint, i);

      /* Closing its command pipe ends a checkpoint; no signal needed. */
      close (c->cmd_fd);
      close (c->res_fd);
      while (waitpid (c->pid, NULL, 0) < 0 && errno == EINTR)
        ;
    }
#endif
  g_array_set_size (trace->checkpoints, 0);
}

void
hs_trace_unref (HsTrace *trace)
{
  if (trace == NULL || !g_atomic_int_dec_and_test (&trace->ref_count))
    return;
  trace_release_checkpoints (trace);
  g_array_unref (trace->checkpoints);
  g_mutex_clear (&trace->lock);
  g_hash_table_unref (trace->cache);
  g_queue_free (trace->cache_order);
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
  /* Everything the trace keeps: steps, the index of rare events, the
   * checkpoints' handles, the source and the output. */
  return sizeof (HsTrace) + trace->lines->len * (sizeof (gint32) + sizeof (guint16))
         + trace->event_steps->len * sizeof (EventStep)
         + trace->checkpoints->len * sizeof (Checkpoint) + trace->len + 1
         + (trace->output != NULL ? trace->output->len + 1 : 0);
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

guint
hs_trace_get_n_checkpoints (HsTrace *trace)
{
  return trace->checkpoints->len;
}

/* Re-run the snippet from the start up to @step (and its @event), in
 * this process. */
static HsHeapState *
replay_from_start (HsTrace *trace,
                   guint64  step,
                   guint    event)
{
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) program = NULL;
  TraceRecorder rec = { { &trace_recorder_class } };

  program = hs_program_new (trace->source, trace->len, trace->filename, &error);
  g_return_val_if_fail (program != NULL, NULL);

  rec.mode = MODE_REPLAY;
  rec.vm = program->vm;
  rec.first_serial = program->first_program_serial;
  rec.first = step;
  rec.target = step;
  rec.event = event == HS_STATE_WHOLE_STEP ? 0 : (guint64) event + 1;
  rec.events = g_array_new (FALSE, FALSE, sizeof (HsEventInfo));
  rec.result_fd = -1;
  rec.cursor_fd = -1;
  program->vm->recorder = &rec.parent;
  program->vm->max_steps = trace->max_steps + 1;
  if (trace->max_heap_bytes > 0)
    program->vm->max_heap_bytes = trace->max_heap_bytes;
  defer_frees (program->vm);
  hs_program_run (program);
  program->vm->recorder = NULL;

  if (rec.state == NULL)
    {
      /* A stopped run: the last step is where it stopped. */
      rec.target = step;
      rec.state = capture (&rec, step, hs_trace_get_step_line (trace, step));
    }
  clear_events (rec.events);
  g_array_unref (rec.events);
  return rec.state;
}

#ifdef G_OS_UNIX
/* Under trace->lock: a cached state, with a new reference. */
static HsHeapState *
cache_lookup (HsTrace *trace,
              guint64  key)
{
  HsHeapState *state = g_hash_table_lookup (trace->cache, &key);

  return state != NULL ? hs_heap_state_ref (state) : NULL;
}

/* The nearest checkpoint strictly before @step (the events of a step
 * happen before it, so the checkpoint must precede them). */
static Checkpoint *
checkpoint_before (HsTrace *trace,
                   guint64  step)
{
  for (guint i = trace->checkpoints->len; i > 0; i--)
    {
      Checkpoint *cp = &g_array_index (trace->checkpoints, Checkpoint, i - 1);

      if (cp->step < step)
        return cp;
    }
  return NULL;
}
#endif

HsHeapState *
hs_trace_get_state (HsTrace *trace,
                    guint64  step)
{
  HsHeapState *state = NULL;
  G_GNUC_UNUSED Checkpoint *cp;

  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (step < trace->lines->len, NULL);

#ifdef G_OS_UNIX
  g_mutex_lock (&trace->lock);
  state = cache_lookup (trace, step);
  if (state == NULL && (cp = checkpoint_before (trace, step)) != NULL)
    {
      guint64 first = step;

      /* Stepping backwards: bring the steps before this one along, so
       * the next presses of "back" are served from the cache. Only
       * while states are small: a big heap makes each one costly. */
      if (step + 1 == trace->last_request && trace->last_objects < PREFETCH_MAX_OBJECTS)
        first = MAX (cp->step + 1, step >= PREFETCH_STATES ? step - PREFETCH_STATES : 0);
      state = request_states (trace, cp, first, step, HS_STATE_WHOLE_STEP);
    }
  trace->last_request = step;
  if (state != NULL)
    trace->last_objects = state->objects->len;
  g_mutex_unlock (&trace->lock);
#endif
  if (state == NULL)
    state = replay_from_start (trace, step, HS_STATE_WHOLE_STEP);
  return state;
}

/* What an event is, in a few words, for captions and dumps. */
const char *
hs_event_kind_to_string (HsEventKind kind)
{
  switch (kind)
    {
    case HS_EVENT_ALLOC: return "allocation";
    case HS_EVENT_FREE: return "memory released";
    case HS_EVENT_DEALLOC: return "count reached zero, deallocation";
    case HS_EVENT_DEL_START: return "__del__ starts";
    case HS_EVENT_DEL_END: return "__del__ returns";
    case HS_EVENT_OUTPUT: return "output";
    case HS_EVENT_RAISE: return "exception raised";
    case HS_EVENT_GC_START: return "collection starts";
    case HS_EVENT_GC_PHASE: return "collection phase";
    case HS_EVENT_GC_END: return "collection ends";
    case HS_EVENT_WEAKREF_CLEARED: return "weak reference cleared";
    case HS_EVENT_STORE: return "name bound";
    default: return "event";
    }
}

HsHeapState *
hs_trace_get_event_state (HsTrace *trace,
                          guint64  step,
                          guint    event)
{
  g_autoptr(HsHeapState) whole = NULL;
  HsHeapState *state = NULL;
  G_GNUC_UNUSED Checkpoint *cp;
  guint64 key;

  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (step < trace->lines->len, NULL);

  /* The whole step says how many events it has (and is usually cached). */
  whole = hs_trace_get_state (trace, step);
  if (whole == NULL || event >= whole->events->len)
    return g_steal_pointer (&whole);

  key = cache_key (step, event);
#ifdef G_OS_UNIX
  g_mutex_lock (&trace->lock);
  state = cache_lookup (trace, key);
  if (state == NULL && (cp = checkpoint_before (trace, step)) != NULL)
    state = request_states (trace, cp, step, step, event);
  g_mutex_unlock (&trace->lock);
#endif
  if (state == NULL)
    state = replay_from_start (trace, step, event);
  return state;
}
