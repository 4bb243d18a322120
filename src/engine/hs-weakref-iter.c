/* hs-weakref-iter.c — iterating a weak container, as weakref.py's generators do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * keys(), values(), items() and iter() of the weak containers are Python
 * generators in CPython: each holds the container only while it runs,
 * counts itself in the container's _IterationGuard so removals wait, and
 * keeps its locals (the current key and value) alive between items. This
 * object reproduces those references, so counts and collections match.
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-weakref-containers-private.h"
#include "hs-weakref-private.h"
#include "hs-weakref.h"

HsObject *
_hs_weakiter_new (HsVM       *vm,
                  HsObject   *container,
                  IterKind    kind,
                  const char *qualname)
{
  HsWeakIter *it = (HsWeakIter *) hs_object_alloc (vm, vm->gc->weakiter_type, sizeof (HsWeakIter));

  if (it == NULL)
    return NULL;
  it->container = hs_incref (container);
  it->kind = kind;
  it->qualname = qualname;
  hs_gc_track (vm, (HsObject *) it);
  return (HsObject *) it;
}

static void
weakiter_clear_locals (HsVM       *vm,
                       HsWeakIter *it)
{
  hs_clear_ref (vm, &it->cur[0]);
  hs_clear_ref (vm, &it->cur[1]);
}

/* The generator returns (or is closed): leave the guard, commit the
 * removals when it was the last iteration, drop the frame. */
static void
weakiter_finish (HsVM       *vm,
                 HsWeakIter *it)
{
  HsObject *container = it->container;

  if (container == NULL)
    return;
  if (it->guarded)
    {
      it->guarded = FALSE;
      if (--WC (container)->iterating == 0)
        {
          HsObject *saved = hs_err_fetch (vm);

          if (_hs_weak_container_commit_removals (vm, container) < 0)
            hs_err_clear (vm);
          hs_err_restore (vm, saved);
        }
    }
  weakiter_clear_locals (vm, it);
  hs_clear_ref (vm, &it->inner);
  it->container = NULL;
  hs_decref (vm, container);
}

static HsObject *
weakiter_iternext (HsVM     *vm,
                   HsObject *self)
{
  HsWeakIter *it = WI (self);
  HsWeakContainer *c;

  if (it->container == NULL)
    return NULL;
  c = WC (it->container);
  weakiter_clear_locals (vm, it);
  if (!it->started)
    {
      it->started = TRUE;
      if (kind_of (vm, it->container) == KIND_WVD && _hs_weak_container_maybe_commit (vm, it->container) < 0)
        goto fail;
      c->iterating++;
      it->guarded = TRUE;
      it->inner = hs_object_get_iter (vm, c->data);
      if (it->inner == NULL)
        goto fail;
    }

  for (;;)
    {
      HsObject *k = hs_iter_next (vm, it->inner);
      HsObject *a = NULL, *b = NULL, *res = NULL;

      if (k == NULL)
        {
          if (hs_err_occurred (vm))
            goto fail;
          weakiter_finish (vm, it);
          return NULL;
        }
      switch (kind_of (vm, it->container))
        {
        case KIND_WVD:
          {
            HsObject *wr = hs_dict_getitem (vm, c->data, k);
            HsObject *o = wr != NULL && hs_weakref_check (vm, wr) ? hs_weakref_get_object (wr) : NULL;

            if (o != NULL)
              {
                a = hs_incref (k);
                b = hs_incref (o);
              }
          }
          break;
        case KIND_WKD:
          {
            HsObject *o = hs_weakref_check (vm, k) ? hs_weakref_get_object (k) : NULL;
            HsObject *v = hs_dict_getitem (vm, c->data, k);

            if (o != NULL && v != NULL)
              {
                a = hs_incref (o);
                b = hs_incref (v);
              }
          }
          break;
        case KIND_WSET:
          {
            HsObject *o = hs_weakref_check (vm, k) ? hs_weakref_get_object (k) : NULL;

            if (o != NULL)
              a = hs_incref (o);
          }
          break;
        }
      hs_decref (vm, k);
      if (hs_err_occurred (vm))
        {
          hs_xdecref (vm, a);
          hs_xdecref (vm, b);
          goto fail;
        }
      if (a == NULL)
        continue;
      switch (it->kind)
        {
        case ITER_KEYS:
          res = hs_incref (a);
          break;
        case ITER_VALUES:
          res = hs_incref (b != NULL ? b : a);
          break;
        case ITER_ITEMS:
          res = hs_tuple_pack (vm, 2, a, b != NULL ? b : vm->none);
          break;
        }
      /* The generator's locals keep the last entry alive until it resumes. */
      it->cur[0] = a;
      it->cur[1] = b;
      return res;
    }

fail:
  {
    HsObject *exc = hs_err_fetch (vm);

    weakiter_finish (vm, it);
    hs_err_restore (vm, exc);
  }
  return NULL;
}

static HsObject *
weakiter_iter (HsVM     *vm,
               HsObject *self)
{
  return hs_incref (self);
}

static void
weakiter_dealloc (HsVM     *vm,
                  HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  weakiter_finish (vm, WI (self));
  hs_object_free (vm, self);
}

static void
weakiter_traverse (HsObject    *self,
                   HsVisitFunc  visit,
                   gpointer     data)
{
  HsWeakIter *it = WI (self);

  if (it->container != NULL)
    visit (it->container, data);
  if (it->inner != NULL)
    visit (it->inner, data);
  for (int i = 0; i < 2; i++)
    if (it->cur[i] != NULL)
      visit (it->cur[i], data);
}

static void
weakiter_clear (HsVM     *vm,
                HsObject *self)
{
  weakiter_finish (vm, WI (self));
}

static HsObject *
weakiter_repr (HsVM     *vm,
               HsObject *self)
{
  return hs_str_new_printf (vm, "<generator object %s at 0x%" G_GINT64_MODIFIER "x>",
                            WI (self)->qualname, hs_object_id (self));
}

/* The containers' common parts ------------------------------------------------------- */

void
_hs_weakiter_init_type (HsVM *vm)
{
  HsType *t;

  t = _hs_type_new_builtin (vm, "generator", vm->types.object, sizeof (HsWeakIter), 240,
                            HS_TPFLAG_GC);
  t->tp_dealloc = weakiter_dealloc;
  t->tp_traverse = weakiter_traverse;
  t->tp_clear = weakiter_clear;
  t->tp_iter = weakiter_iter;
  t->tp_iternext = weakiter_iternext;
  t->tp_repr = weakiter_repr;
  _hs_type_ready (vm, t);
  vm->gc->weakiter_type = t;
}
