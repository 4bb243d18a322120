/* hs-gc-collect.c — one collection, as gc_collect_main in CPython 3.11
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps and their order follow Modules/gcmodule.c (3.11) because the
 * order is observable: it decides which __del__ runs first, when weakref
 * callbacks fire and what gc.collect() returns. Each phase is reported to
 * the recorder so the app can show a collection happening.
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-recorder.h"
#include "hs-str-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

#define COLLECTING HS_OBJ_REACHABLE

/* Lists -------------------------------------------------------------------- */

static void
list_init (HsObject *head)
{
  head->gc_next = head;
  head->gc_prev = head;
}

static gboolean
list_is_empty (HsObject *head)
{
  return head->gc_next == head;
}

static void
list_remove (HsObject *o)
{
  o->gc_prev->gc_next = o->gc_next;
  o->gc_next->gc_prev = o->gc_prev;
}

static void
list_append (HsObject *head,
             HsObject *o)
{
  HsObject *last = head->gc_prev;

  o->gc_prev = last;
  o->gc_next = head;
  last->gc_next = o;
  head->gc_prev = o;
}

static void
list_move (HsObject *o,
           HsObject *head)
{
  list_remove (o);
  list_append (head, o);
}

/* Appends every object of @from to the tail of @to, keeping their order. */
static void
list_merge (HsObject *from,
            HsObject *to)
{
  if (list_is_empty (from))
    return;
  {
    HsObject *first = from->gc_next, *last = from->gc_prev, *tail = to->gc_prev;

    tail->gc_next = first;
    first->gc_prev = tail;
    last->gc_next = to;
    to->gc_prev = last;
    list_init (from);
  }
}

static gsize
list_size (HsObject *head)
{
  gsize n = 0;

  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    n++;
  return n;
}

static void
set_gen (HsObject *head,
         int       gen)
{
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    o->gen = gen;
}

/* Recording ------------------------------------------------------------------ */

static void
record_list (HsVM     *vm,
             HsObject *head,
             int       phase)
{
  if (vm->recorder == NULL)
    return;
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_PHASE, o,
                          ((gint64) phase << 32) | (guint32) o->gc_refs);
}

/* The reachability computation -------------------------------------------------- */

static void
update_refs (HsObject *head)
{
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    {
      o->gc_refs = o->ob_refcnt;
      o->flags |= COLLECTING;
    }
}

static void
visit_decref (HsObject *op,
              gpointer  data)
{
  if ((op->flags & HS_OBJ_GC_TRACKED) && (op->flags & COLLECTING))
    op->gc_refs--;
}

static void
subtract_refs (HsObject *head)
{
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    if (o->ob_type->tp_traverse != NULL)
      o->ob_type->tp_traverse (o, visit_decref, NULL);
}

typedef struct
{
  HsObject *young;
} ReachableCtx;

static void
visit_reachable (HsObject *op,
                 gpointer  data)
{
  ReachableCtx *ctx = data;

  if (!(op->flags & HS_OBJ_GC_TRACKED) || !(op->flags & COLLECTING))
    return;
  if (op->flags & HS_OBJ_UNREACHABLE)
    {
      /* Tentatively unreachable, but reachable after all: back to the tail
       * of young, to be scanned again. */
      op->flags &= ~HS_OBJ_UNREACHABLE;
      list_move (op, ctx->young);
      op->gc_refs = 1;
    }
  else if (op->gc_refs == 0)
    op->gc_refs = 1;
}

static void
move_unreachable (HsObject *young,
                  HsObject *unreachable)
{
  ReachableCtx ctx = { young };
  HsObject *o = young->gc_next;

  while (o != young)
    {
      if (o->gc_refs > 0)
        {
          if (o->ob_type->tp_traverse != NULL)
            o->ob_type->tp_traverse (o, visit_reachable, &ctx);
          o->flags &= ~COLLECTING;
          o = o->gc_next;
        }
      else
        {
          HsObject *next = o->gc_next;

          list_move (o, unreachable);
          o->flags |= HS_OBJ_UNREACHABLE;
          o = next;
        }
    }
}

static void
clear_unreachable_flags (HsObject *head)
{
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    o->flags &= ~(HS_OBJ_UNREACHABLE | COLLECTING);
}

static void
deduce_unreachable (HsVM     *vm,
                    HsObject *base,
                    HsObject *unreachable)
{
  update_refs (base);
  subtract_refs (base);
  record_list (vm, base, 1);
  move_unreachable (base, unreachable);
}

static void
untrack_tuples (HsVM     *vm,
                HsObject *head)
{
  HsObject *o = head->gc_next;

  while (o != head)
    {
      HsObject *next = o->gc_next;

      if (o->ob_type == vm->types.tuple && hs_tuple_may_untrack (o))
        hs_gc_untrack (vm, o);
      o = next;
    }
}

static void
untrack_dicts (HsVM     *vm,
               HsObject *head)
{
  HsObject *o = head->gc_next;

  while (o != head)
    {
      HsObject *next = o->gc_next;

      if (o->ob_type == vm->types.dict && hs_dict_may_untrack (o))
        hs_gc_untrack (vm, o);
      o = next;
    }
}

/* Weak references ---------------------------------------------------------------- */

static gboolean
is_weakref (HsVM     *vm,
            HsObject *o)
{
  HsType *t = o->ob_type;

  return t == vm->types.weakref || t == vm->types.weakproxy || t == vm->types.weakcallableproxy
         || hs_type_is_subtype (t, vm->types.weakref);
}

static gssize
handle_weakrefs (HsVM     *vm,
                 HsObject *unreachable,
                 HsObject *old)
{
  g_autoptr(GPtrArray) to_call = g_ptr_array_new ();
  gssize num_freed = 0;
  HsObject *saved;

  /* Weak references that are garbage themselves: cleared, callbacks never run. */
  for (HsObject *o = unreachable->gc_next; o != unreachable; o = o->gc_next)
    if (is_weakref (vm, o))
      hs_weakref_clear_ref (vm, (HsWeakRef *) o);

  for (HsObject *o = unreachable->gc_next; o != unreachable; o = o->gc_next)
    {
      while (o->weakrefs != NULL)
        {
          HsWeakRef *wr = o->weakrefs;

          hs_weakref_clear_ref (vm, wr);
          if (vm->recorder != NULL)
            hs_recorder_on_event (vm->recorder, HS_EVENT_WEAKREF_CLEARED, (HsObject *) wr,
                                  (gint64) o->serial);
          if (wr->callback == NULL)
            continue;
          if (wr->base.flags & HS_OBJ_UNREACHABLE)
            continue;
          g_ptr_array_add (to_call, hs_incref ((HsObject *) wr));
        }
    }

  saved = hs_err_fetch (vm);
  for (guint i = 0; i < to_call->len; i++)
    {
      HsObject *wr = g_ptr_array_index (to_call, i);
      HsObject *cb = ((HsWeakRef *) wr)->callback;

      if (cb != NULL)
        {
          HsObject *res;

          hs_incref (cb);
          res = hs_object_call (vm, cb, &wr, 1, NULL);
          if (res == NULL)
            hs_err_write_unraisable (vm, cb);
          else
            hs_decref (vm, res);
          hs_decref (vm, cb);
        }
      if (wr->ob_refcnt == 1)
        num_freed++;
      hs_decref (vm, wr);
    }
  hs_err_restore (vm, saved);
  (void) old;
  return num_freed;
}

/* Finalizers ------------------------------------------------------------------- */

static void
finalize_garbage (HsVM     *vm,
                  HsObject *collectable)
{
  HsObject seen;

  list_init (&seen);
  while (!list_is_empty (collectable))
    {
      HsObject *o = collectable->gc_next;

      list_move (o, &seen);
      if (!(o->flags & HS_OBJ_FINALIZED) && o->ob_type->tp_finalize != NULL)
        {
          HsObject *saved = hs_err_fetch (vm);

          o->flags |= HS_OBJ_FINALIZED;
          if (vm->recorder != NULL)
            hs_recorder_on_event (vm->recorder, HS_EVENT_GC_PHASE, o, (gint64) 3 << 32);
          hs_incref (o);
          o->ob_type->tp_finalize (vm, o);
          hs_decref (vm, o);
          hs_err_restore (vm, saved);
        }
    }
  list_merge (&seen, collectable);
}

/* Objects that a finalizer made reachable again go to the older generation. */
static void
handle_resurrected_objects (HsVM     *vm,
                            HsObject *unreachable,
                            HsObject *still_unreachable,
                            HsObject *old,
                            int       old_gen)
{
  update_refs (unreachable);
  subtract_refs (unreachable);
  move_unreachable (unreachable, still_unreachable);
  clear_unreachable_flags (still_unreachable);
  clear_unreachable_flags (unreachable);
  record_list (vm, unreachable, 4);
  set_gen (unreachable, old_gen);
  list_merge (unreachable, old);
}

static void
delete_garbage (HsVM     *vm,
                HsObject *collectable,
                HsObject *old,
                int       old_gen)
{
  while (!list_is_empty (collectable))
    {
      HsObject *o = collectable->gc_next;

      if (vm->gc->debug & HS_GC_DEBUG_SAVEALL)
        {
          hs_list_append (vm, vm->gc->garbage, o);
        }
      else if (o->ob_type->tp_clear != NULL)
        {
          HsObject *saved = hs_err_fetch (vm);

          if (vm->recorder != NULL)
            hs_recorder_on_event (vm->recorder, HS_EVENT_GC_PHASE, o, (gint64) 5 << 32);
          hs_incref (o);
          o->ob_type->tp_clear (vm, o);
          hs_decref (vm, o);
          hs_err_restore (vm, saved);
        }
      if (collectable->gc_next == o)
        {
          /* Still alive: it may die later. */
          o->flags &= ~(COLLECTING | HS_OBJ_UNREACHABLE);
          o->gen = old_gen;
          list_move (o, old);
        }
    }
}

/* Callbacks (gc.callbacks) -------------------------------------------------------- */

static void
invoke_callbacks (HsVM       *vm,
                  const char *phase,
                  int         generation,
                  gssize      collected,
                  gssize      uncollectable)
{
  HsObject *callbacks = vm->gc->callbacks;
  HsObject *info, *phase_obj, *copy;
  HsObject *saved;

  if (callbacks == NULL || HS_LIST (callbacks)->len == 0)
    return;
  saved = hs_err_fetch (vm);
  info = hs_dict_new (vm);
  phase_obj = hs_str_intern (vm, phase);
  if (info != NULL)
    {
      HsObject *v;

      v = hs_int_from_i64 (vm, generation);
      hs_dict_setitem_str (vm, info, "generation", v);
      hs_decref (vm, v);
      v = hs_int_from_i64 (vm, collected);
      hs_dict_setitem_str (vm, info, "collected", v);
      hs_decref (vm, v);
      v = hs_int_from_i64 (vm, uncollectable);
      hs_dict_setitem_str (vm, info, "uncollectable", v);
      hs_decref (vm, v);
    }
  /* The list may change while the callbacks run. */
  copy = hs_sequence_list (vm, callbacks);
  for (gsize i = 0; copy != NULL && info != NULL && i < HS_LIST (copy)->len; i++)
    {
      HsObject *cb = HS_LIST (copy)->items[i];
      HsObject *args[2] = { phase_obj, info };
      HsObject *r = hs_object_call (vm, cb, args, 2, NULL);

      if (r == NULL)
        hs_err_write_unraisable (vm, cb);
      else
        hs_decref (vm, r);
    }
  hs_xdecref (vm, copy);
  hs_xdecref (vm, info);
  hs_xdecref (vm, phase_obj);
  hs_err_restore (vm, saved);
}

/* The collection ------------------------------------------------------------------ */

static gssize
collect_main (HsVM *vm,
              int   generation)
{
  HsGCState *gc = vm->gc;
  HsObject *young, *old;
  HsObject unreachable, final_unreachable;
  gssize m = 0;
  int old_gen = generation < 2 ? generation + 1 : 2;

  if (generation + 1 < HS_GC_NUM_GENERATIONS)
    gc->gens[generation + 1].count++;
  for (int i = 0; i <= generation; i++)
    gc->gens[i].count = 0;

  /* Merge the younger generations: for a full collection gen2 + gen0 + gen1. */
  for (int i = 0; i < generation; i++)
    list_merge (&gc->gens[i].head, &gc->gens[generation].head);
  young = &gc->gens[generation].head;
  old = &gc->gens[old_gen].head;
  set_gen (young, generation);

  list_init (&unreachable);
  deduce_unreachable (vm, young, &unreachable);
  clear_unreachable_flags (young);
  untrack_tuples (vm, young);
  record_list (vm, &unreachable, 2);

  /* Survivors move on. */
  if (young != old)
    {
      if (generation == HS_GC_NUM_GENERATIONS - 2)
        gc->long_lived_pending += list_size (young);
      set_gen (young, old_gen);
      list_merge (young, old);
    }
  else
    {
      untrack_dicts (vm, young);
      gc->long_lived_pending = 0;
      gc->long_lived_total = list_size (young);
    }

  m += handle_weakrefs (vm, &unreachable, old);
  finalize_garbage (vm, &unreachable);

  list_init (&final_unreachable);
  handle_resurrected_objects (vm, &unreachable, &final_unreachable, old, old_gen);
  record_list (vm, &final_unreachable, 5);

  m += list_size (&final_unreachable);
  delete_garbage (vm, &final_unreachable, old, old_gen);

  gc->stats_collections[generation]++;
  gc->stats_collected[generation] += m;
  return m;
}

gssize
hs_gc_collect (HsVM       *vm,
               int         generation,
               const char *reason)
{
  HsGCState *gc = vm->gc;
  gssize n;

  if (gc->collecting)
    return 0;
  gc->collecting = TRUE;
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_START, NULL,
                          generation | (g_str_equal (reason, "automatic") ? 0x100 : 0));
  invoke_callbacks (vm, "start", generation, 0, 0);
  n = collect_main (vm, generation);
  invoke_callbacks (vm, "stop", generation, n, 0);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_END, NULL, n);
  gc->collecting = FALSE;
  return n;
}

void
_hs_gc_collect_generations (HsVM *vm)
{
  HsGCState *gc = vm->gc;

  for (int i = HS_GC_NUM_GENERATIONS - 1; i >= 0; i--)
    if (gc->gens[i].count > gc->gens[i].threshold)
      {
        /* The 25% rule: a full collection only when the long-lived
         * population grew by a quarter since the last one. */
        if (i == HS_GC_NUM_GENERATIONS - 1
            && gc->long_lived_pending < gc->long_lived_total / 4)
          continue;
        hs_gc_collect (vm, i, "automatic");
        break;
      }
}
