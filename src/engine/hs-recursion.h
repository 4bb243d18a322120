/* hs-recursion.h — recursion limits: CPython's shared counter, the real C stack; the work cap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two guards keep a snippet from overflowing the real stack:
 *
 * - The recursion counter, as CPython 3.11's Py_EnterRecursiveCall: repr(),
 *   str(), comparisons and calls of classes count against sys's recursion
 *   limit together with the Python frames, so `l = [l]` nested 100,000 deep
 *   fails in repr() with CPython's RecursionError message.
 * - The stack guard: whatever the recursion limit (sys.setrecursionlimit
 *   allows 100,000), every path that recurses in C checks how much of the
 *   thread's real stack is left, and raises RecursionError well before it
 *   runs out (main thread or GLib worker, whatever their stack size).
 *
 * And one guard keeps a single step from running forever in C:
 * sum(range(10**12)) makes no line event, so neither the step cap nor
 * hs_vm_cancel() would stop it. Built-ins that consume an iterator tick
 * (hs_work_tick); the run stops (HS_STOP_WORK_LIMIT, or HS_STOP_CANCELLED)
 * as at the step cap.
 */
#pragma once

#include "hs-vm.h"

G_BEGIN_DECLS

/* Room kept free below the guard for the work done between two checks and
 * for raising the error itself (sanitizer builds use much bigger frames). */
#define HS_STACK_MARGIN     (256 * 1024)
/* A thread whose stack looks unlimited still gets at most this much. */
#define HS_STACK_MAX_BUDGET (64 * 1024 * 1024)

gboolean  hs_stack_check            (HsVM       *vm);
gboolean  hs_enter_recursive_call   (HsVM       *vm,
                                     const char *where);
void      hs_leave_recursive_call   (HsVM       *vm);
gsize     hs_stack_remaining        (void);
/* Reporting an error caught at the limit (an exception in __del__) needs
 * a little room: in between, both guards give CPython's recursion_headroom,
 * 50 more levels and half the stack margin. */
void      hs_recursion_headroom_enter (void);
void      hs_recursion_headroom_leave (void);
gboolean  hs_work_check             (HsVM       *vm);

/* Call once per iteration a built-in consumes; %FALSE (with the run's
 * stop raised) when the run must end. */
static inline gboolean
hs_work_tick (HsVM *vm)
{
  if (G_LIKELY ((++vm->ticks & 0x3fff) != 0 && vm->stop == HS_STOP_NONE))
    return TRUE;
  return hs_work_check (vm);
}

G_END_DECLS
