/* fuzz-trace.c — libFuzzer target: record any bytes as a trace, read its heaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app does with a snippet: hs_trace_new() records it (a small step
 * cap), then the heap is materialised at a few steps, and inside a line at
 * several of its events — snapshots taken in the middle of whatever the VM
 * is doing, which is where a stale pointer would show. Each state also
 * goes through the serialisation the checkpoints' workers use. Checkpoints
 * are off: a fork per millisecond has no place in a fuzzer, and a re-run
 * from the start builds the very same states.
 */

#include "config.h"

#include <stdint.h>

#include "hs-diagnostic.h"
#include "hs-fuzz.h"
#include "hs-heap-snapshot.h"
#include "hs-trace.h"

#define FUZZ_MAX_STEPS   400
/* As fuzz-run: a memory bomb stops at 64 MiB, not at the app's 512. */
#define FUZZ_MAX_HEAP_BYTES (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define FUZZ_MAX_EVENTS  6

static void
check_state (HsHeapState *state)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(HsHeapState) copy = NULL;

  if (state == NULL)
    __builtin_trap ();
  _hs_heap_state_write (state, out);
  copy = _hs_heap_state_read (out->data, out->len);
  if (copy == NULL || copy->objects->len != state->objects->len
      || copy->edges->len != state->edges->len)
    __builtin_trap ();
}

/* The heap at @step, and inside its line at up to FUZZ_MAX_EVENTS events
 * spread over them. */
static void
visit_step (HsTrace *trace,
            guint64  step)
{
  g_autoptr(HsHeapState) whole = hs_trace_get_state (trace, step);
  guint n;

  check_state (whole);
  n = whole->events->len;
  for (guint i = 0; i < MIN (n, FUZZ_MAX_EVENTS); i++)
    {
      guint event = n <= FUZZ_MAX_EVENTS ? i : i * (n - 1) / (FUZZ_MAX_EVENTS - 1);
      g_autoptr(HsHeapState) state = hs_trace_get_event_state (trace, step, event);

      check_state (state);
      if (state->event != event || state->events->len != event + 1)
        __builtin_trap ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsTrace) trace = NULL;
  guint64 n;

  g_setenv ("HEAPSCOPE_NO_CHECKPOINTS", "1", TRUE);
  trace = hs_trace_new_full ((const char *) data, size, "/fuzz/snippet.py", FUZZ_MAX_STEPS,
                             FUZZ_MAX_HEAP_BYTES, NULL, &error);
  if (trace == NULL)
    {
      if (error == NULL)
        __builtin_trap ();
      g_free (hs_diagnostic_format (error));
      return 0;
    }

  n = hs_trace_get_n_steps (trace);
  /* The first line, one in the middle, the end (and exit's finalizers). */
  visit_step (trace, 0);
  if (n > 2)
    visit_step (trace, n / 2);
  if (n > 1)
    visit_step (trace, n - 1);
  return 0;
}
