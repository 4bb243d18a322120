/* hs-recursion.c — recursion limits: CPython's shared counter, the real C stack; the work cap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#ifdef __linux__
#include <pthread.h>
#endif

#include "hs-abstract.h"
#include "hs-frame.h"
#include "hs-recursion.h"

/* The lowest stack address this thread may reach before a check fails;
 * found once per thread (a VM can run in a worker thread). */
static __thread guintptr stack_floor;
static __thread guintptr stack_headroom;   /* below the floor, while reporting */
static __thread int      headroom;

static inline guintptr
stack_pointer (void)
{
  /* The frame address, not a local's: AddressSanitizer may move locals
   * to a heap "fake stack". */
  return (guintptr) __builtin_frame_address (0);
}

static guintptr
compute_stack_floor (void)
{
  guintptr here = stack_pointer ();
  guintptr low = 0, high = 0;

#ifdef __linux__
  {
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;

    if (pthread_getattr_np (pthread_self (), &attr) == 0)
      {
        if (pthread_attr_getstack (&attr, &addr, &size) == 0 && size > 0)
          {
            low = (guintptr) addr;
            high = low + size;
          }
        pthread_attr_destroy (&attr);
      }
  }
#endif

  /* Unknown, or not the stack we are on: assume a modest one from here. */
  if (low == 0 || here <= low || here > high)
    {
      low = here > 1024 * 1024 ? here - 1024 * 1024 : 0;
      high = here;
    }
  /* `ulimit -s unlimited` reports the whole address space. */
  if (high - low > HS_STACK_MAX_BUDGET)
    low = high - HS_STACK_MAX_BUDGET;

  stack_headroom = MIN ((guintptr) HS_STACK_MARGIN, (high - low) / 4) / 2;
  return low + MIN ((guintptr) HS_STACK_MARGIN, (high - low) / 4);
}

/**
 * hs_stack_remaining:
 *
 * Returns: how many bytes of the calling thread's stack are left above the
 *   guard (0 when the guard is reached)
 */
gsize
hs_stack_remaining (void)
{
  guintptr sp = stack_pointer ();
  guintptr floor;

  if (G_UNLIKELY (stack_floor == 0))
    stack_floor = compute_stack_floor ();
  floor = headroom > 0 ? stack_floor - stack_headroom : stack_floor;
  return sp > floor ? sp - floor : 0;
}

void
hs_recursion_headroom_enter (void)
{
  headroom++;
}

void
hs_recursion_headroom_leave (void)
{
  headroom--;
}

/**
 * hs_stack_check:
 * @vm: the VM
 *
 * Call before anything that may recurse in C. When the real stack is nearly
 * used up, raises RecursionError as CPython does at its limit.
 *
 * Returns: %FALSE with RecursionError set when there is no room left
 */
gboolean
hs_stack_check (HsVM *vm)
{
  if (G_LIKELY (hs_stack_remaining () > 0))
    return TRUE;
  hs_err_format (vm, vm->types.RecursionError, "maximum recursion depth exceeded");
  return FALSE;
}

/**
 * hs_enter_recursive_call:
 * @vm: the VM
 * @where: appended to the message, e.g. " in comparison"
 *
 * CPython 3.11's Py_EnterRecursiveCall: one more level on the counter the
 * Python frames also use, and a check of the real stack. Pair with
 * hs_leave_recursive_call() when it returns %TRUE.
 *
 * Returns: %FALSE with RecursionError set at the limit
 */
gboolean
hs_enter_recursive_call (HsVM       *vm,
                         const char *where)
{
  int limit = vm->recursion_limit + (headroom > 0 ? 50 : 0);

  if (vm->depth + vm->c_recursion + 1 > limit || hs_stack_remaining () == 0)
    {
      hs_err_format (vm, vm->types.RecursionError, "maximum recursion depth exceeded%s", where);
      return FALSE;
    }
  vm->c_recursion++;
  return TRUE;
}

void
hs_leave_recursive_call (HsVM *vm)
{
  vm->c_recursion--;
}

/**
 * hs_work_check:
 * @vm: the VM
 *
 * The slow path of hs_work_tick(): ends the run when it was cancelled,
 * stopped, or when its built-ins have done more than their share of work.
 *
 * Returns: %FALSE with the stop raised (an exception no handler catches)
 */
gboolean
hs_work_check (HsVM *vm)
{
  guint64 max_ticks = vm->max_ticks;

  if (max_ticks == 0)
    max_ticks = vm->max_steps > G_MAXUINT64 / HS_TICKS_PER_STEP ? G_MAXUINT64
                                                                 : vm->max_steps * HS_TICKS_PER_STEP;
  if (vm->stop == HS_STOP_NONE)
    {
      if (g_atomic_int_get (&vm->cancelled)
          || (vm->cancel_flag != NULL && g_atomic_int_get (vm->cancel_flag)))
        vm->stop = HS_STOP_CANCELLED;
      else if (vm->ticks >= max_ticks)
        {
          vm->stop = HS_STOP_WORK_LIMIT;
          vm->stop_line = vm->frame != NULL ? vm->frame->line : 0;
        }
      else
        return TRUE;
    }
  /* As the eval loop's raise_stop(): unwinding skips every handler. */
  if (vm->exc == NULL || !hs_isinstance (vm->exc, vm->types.SystemExit))
    hs_err_set_object (vm, vm->types.SystemExit, NULL);
  return FALSE;
}
