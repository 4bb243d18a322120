/* hs-object.c — allocation, deallocation and the heap list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hs-gc.h"
#include "hs-object.h"
#include "hs-recorder.h"
#include "hs-vm.h"

/* CPython's trashcan kicks in after this many nested deallocations; deeper
 * objects are queued and destroyed once the cascade unwinds, which keeps the
 * C stack bounded while preserving the order for chains. */
#define HS_TRASHCAN_DEPTH 50

gboolean
hs_heap_reserve (HsVM   *vm,
                 gssize  delta)
{
  if (delta > 0)
    {
      if (vm->heap_bytes + (guint64) delta > vm->max_heap_bytes)
        {
          vm->limits_hit |= HS_LIMIT_HEAP;
          hs_err_no_memory (vm);
          return FALSE;
        }
      vm->heap_bytes += delta;
    }
  else
    {
      guint64 d = (guint64) -delta;

      vm->heap_bytes = vm->heap_bytes > d ? vm->heap_bytes - d : 0;
    }
  return TRUE;
}

HsObject *
hs_object_alloc (HsVM   *vm,
                 HsType *type,
                 gsize   size)
{
  HsObject *o;

  g_assert (size >= sizeof (HsObject));

  if (vm->n_live >= vm->max_objects)
    {
      vm->limits_hit |= HS_LIMIT_HEAP;
      hs_err_no_memory (vm);
      return NULL;
    }
  if (!hs_heap_reserve (vm, size))
    return NULL;

  /* 3.11 counts (and may collect) before the object exists. */
  if (type->tp_flags & HS_TPFLAG_GC)
    _hs_gc_on_alloc (vm, type, size);

  o = g_malloc0 (size);
  o->ob_refcnt = 1;
  o->ob_type = type;
  o->gen = HS_GEN_NONE;
  o->alloc_size = size;
  o->serial = ++vm->next_serial;

  o->heap_prev = vm->heap_last;
  if (vm->heap_last != NULL)
    vm->heap_last->heap_next = o;
  else
    vm->heap_first = o;
  vm->heap_last = o;

  vm->n_live++;
  vm->n_allocated++;
  if (vm->n_live > vm->peak_live)
    vm->peak_live = vm->n_live;

  /* Instances of classes keep their class alive. */
  if (type->tp_flags & HS_TPFLAG_HEAPTYPE)
    hs_incref ((HsObject *) type);

  if (vm->recorder != NULL)
    hs_recorder_on_alloc (vm->recorder, o);

  return o;
}

void
hs_object_free (HsVM     *vm,
                HsObject *o)
{
  HsType *type = o->ob_type;
  gsize size = o->alloc_size;

  g_assert (!hs_gc_is_tracked (o));

  if (vm->recorder != NULL)
    hs_recorder_on_free (vm->recorder, o);

  if (o->heap_prev != NULL)
    o->heap_prev->heap_next = o->heap_next;
  else
    vm->heap_first = o->heap_next;
  if (o->heap_next != NULL)
    o->heap_next->heap_prev = o->heap_prev;
  else
    vm->heap_last = o->heap_prev;

  vm->n_live--;
  hs_heap_reserve (vm, -(gssize) size);

  if (type->tp_flags & HS_TPFLAG_GC)
    _hs_gc_on_free (vm, type, size);

  if (G_UNLIKELY (vm->deferred_frees != NULL))
    g_ptr_array_add (vm->deferred_frees, o);
  else
    g_free (o);

  /* subtype_dealloc releases the class after the memory is gone. */
  if (type->tp_flags & HS_TPFLAG_HEAPTYPE)
    hs_decref (vm, (HsObject *) type);
}

/* Every deallocation starts here, so the trace sees the moment a count
 * reached zero (in CPython's order, trashcan included), which a FREE event,
 * coming after the object's references are released, cannot show. */
static void
call_dealloc (HsVM     *vm,
              HsObject *o)
{
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_DEALLOC, o, 0);
  vm->dealloc_depth++;
  o->ob_type->tp_dealloc (vm, o);
  vm->dealloc_depth--;
}

static void
empty_trash (HsVM *vm)
{
  /* Objects queued by deep cascades; each may queue more. LIFO like CPython. */
  while (vm->trash->len > 0)
    {
      HsObject *o = g_ptr_array_steal_index (vm->trash, vm->trash->len - 1);

      call_dealloc (vm, o);
    }
}

void
_hs_dealloc (HsVM     *vm,
             HsObject *o)
{
  if (G_UNLIKELY (o->flags & HS_OBJ_STATIC))
    {
      /* Shared singletons never die; their count is a display value. */
      o->ob_refcnt = HS_STATIC_REFCNT;
      return;
    }

  if (vm->dealloc_depth >= HS_TRASHCAN_DEPTH)
    {
      g_ptr_array_add (vm->trash, o);
      return;
    }

  call_dealloc (vm, o);

  if (vm->dealloc_depth == 0 && vm->trash->len > 0)
    empty_trash (vm);
}

gsize
hs_object_sizeof (HsObject *o)
{
  HsType *type = o->ob_type;

  if (type->tp_sizeof != NULL)
    return type->tp_sizeof (o);
  return type->basicsize;
}

gboolean
hs_type_is_subtype (HsType *a,
                    HsType *b)
{
  for (HsType *t = a; t != NULL; t = t->tp_base)
    if (t == b)
      return TRUE;
  return FALSE;
}
