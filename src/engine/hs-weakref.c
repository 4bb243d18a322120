/* hs-weakref.c — weak references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

void
hs_weakref_clear_ref (HsVM      *vm,
                      HsWeakRef *ref)
{
  HsObject *referent = ref->referent;

  if (referent == NULL)
    return;
  if (ref->wr_prev != NULL)
    ref->wr_prev->wr_next = ref->wr_next;
  else
    referent->weakrefs = ref->wr_next;
  if (ref->wr_next != NULL)
    ref->wr_next->wr_prev = ref->wr_prev;
  ref->wr_prev = ref->wr_next = NULL;
  ref->referent = NULL;
}

gsize
hs_weakref_count (HsObject *o)
{
  gsize n = 0;

  for (HsWeakRef *r = o->weakrefs; r != NULL; r = r->wr_next)
    n++;
  return n;
}

void
hs_weakref_clear_all (HsVM     *vm,
                      HsObject *o,
                      gboolean  call_callbacks)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  HsObject *saved;

  /* Collect the references with callbacks newest first, clearing all. */
  while (o->weakrefs != NULL)
    {
      HsWeakRef *last = o->weakrefs;

      while (last->wr_next != NULL)
        last = last->wr_next;
      hs_weakref_clear_ref (vm, last);
      if (call_callbacks && last->callback != NULL && last->base.ob_refcnt > 0)
        g_ptr_array_add (pending, hs_incref ((HsObject *) last));
    }

  saved = hs_err_fetch (vm);
  for (guint i = 0; i < pending->len; i++)
    {
      HsWeakRef *ref = g_ptr_array_index (pending, i);
      HsObject *cb = ref->callback;
      HsObject *res;

      if (cb != NULL)
        {
          hs_incref (cb);
          res = hs_object_call (vm, cb, (HsObject **) &ref, 1, NULL);
          if (res == NULL)
            hs_err_write_unraisable (vm, cb);
          else
            hs_decref (vm, res);
          hs_decref (vm, cb);
        }
      hs_decref (vm, (HsObject *) ref);
    }
  hs_err_restore (vm, saved);
}
