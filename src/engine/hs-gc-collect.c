/* hs-gc-collect.c — one collection, as gc_collect_main in CPython 3.11
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps and their order follow Modules/gcmodule.c (3.11) because the
 * order is observable: it decides which __del__ runs first, when weakref
 * callbacks fire and what gc.collect() returns. Each phase is reported to
 * the recorder so the app can show a collection happening.
 *
 * Flags during a collection: COLLECTING (CPython's PREV_MASK_COLLECTING) is
 * set on every object of the generation being collected by update_refs and
 * cleared once move_unreachable finds it reachable; objects of the
 * unreachable set keep it until they are freed or survive.
 * HS_OBJ_UNREACHABLE (NEXT_MASK_UNREACHABLE) marks the tentatively
 * unreachable objects while move_unreachable runs.
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
  if (!list_is_empty (from))
    {
      HsObject *first = from->gc_next, *last = from->gc_prev, *tail = to->gc_prev;

      tail->gc_next = first;
      first->gc_prev = tail;
      last->gc_next = to;
      to->gc_prev = last;
    }
  list_init (from);
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

static void
clear_flags (HsObject *head,
             guint     flags)
{
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    o->flags &= ~flags;
}

/* Recording ------------------------------------------------------------------ */

static void
record (HsVM     *vm,
        HsObject *o,
        int       phase,
        gssize    gc_refs)
{
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_PHASE, o,
                          ((gint64) phase << 32) | (guint32) gc_refs);
}

static void
record_list (HsVM     *vm,
             HsObject *head,
             int       phase)
{
  if (vm->recorder == NULL)
    return;
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    record (vm, o, phase, o->gc_refs);
}

/* Debug output (gc.set_debug) ---------------------------------------------------------- */

static void
debug_write (HsVM       *vm,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
debug_write (HsVM       *vm,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list ap;

  va_start (ap, format);
  text = g_strdup_vprintf (format, ap);
  va_end (ap);
  hs_vm_write (vm, HS_STREAM_STDERR, text, -1);
}

static void
debug_cycle (HsVM       *vm,
             const char *msg,
             HsObject   *o)
{
  debug_write (vm, "gc: %s <%s 0x%" G_GINT64_MODIFIER "x>\n", msg, o->ob_type->name,
               hs_object_id (o));
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

static void
visit_reachable (HsObject *op,
                 gpointer  data)
{
  HsObject *young = data;

  /* Objects of other generations, and those already scanned (left of the
   * scan position), are not COLLECTING. */
  if (!(op->flags & HS_OBJ_GC_TRACKED) || !(op->flags & COLLECTING))
    return;
  if (op->flags & HS_OBJ_UNREACHABLE)
    {
      /* Tentatively unreachable, but reachable after all: back to the tail
       * of young, to be scanned again. */
      op->flags &= ~HS_OBJ_UNREACHABLE;
      list_move (op, young);
      op->gc_refs = 1;
    }
  else if (op->gc_refs == 0)
    op->gc_refs = 1;
}

static void
move_unreachable (HsObject *young,
                  HsObject *unreachable)
{
  HsObject *o = young->gc_next;

  while (o != young)
    {
      if (o->gc_refs > 0)
        {
          /* The traversal may append to young: read the next one after it. */
          if (o->ob_type->tp_traverse != NULL)
            o->ob_type->tp_traverse (o, visit_reachable, young);
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
deduce_unreachable (HsObject *base,
                    HsObject *unreachable)
{
  update_refs (base);
  subtract_refs (base);
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

      if (hs_tuple_check_exact (o) && hs_tuple_may_untrack (o))
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

static gssize
handle_weakrefs (HsVM     *vm,
                 HsObject *unreachable,
                 HsObject *old,
                 int       old_gen)
{
  HsObject wrcb_to_call;
  gssize num_freed = 0;
  HsObject *next;

  list_init (&wrcb_to_call);

  /* Clear every weak reference to the unreachable objects first: no
   * callback may run before all are cleared, or it could resurrect
   * garbage through a still-active reference. */
  for (HsObject *o = unreachable->gc_next; o != unreachable; o = next)
    {
      next = o->gc_next;

      /* A weak reference that is garbage itself is cleared; its callback
       * never runs. */
      if (hs_weakref_check (vm, o))
        hs_weakref_clear_ref (vm, HS_WEAKREF (o));

      while (o->weakrefs != NULL)
        {
          HsWeakRef *wr = o->weakrefs;
          HsObject *wro = (HsObject *) wr;

          hs_weakref_clear_ref (vm, wr);
          if (vm->recorder != NULL)
            hs_recorder_on_event (vm->recorder, HS_EVENT_WEAKREF_CLEARED, wro,
                                  (gint64) o->serial);
          if (wr->callback == NULL)
            continue;
          if (wro->flags & COLLECTING)
            continue;   /* the weakref is trash too */
          /* Weak references are always tracked; the list below needs it. */
          if (!(wro->flags & HS_OBJ_GC_TRACKED))
            continue;
          /* Keep it alive and move it out of its generation until its
           * callback ran. */
          hs_incref (wro);
          list_move (wro, &wrcb_to_call);
        }
    }

  while (!list_is_empty (&wrcb_to_call))
    {
      HsObject *op = wrcb_to_call.gc_next;
      HsObject *callback = HS_WEAKREF (op)->callback;

      if (callback != NULL)
        {
          HsObject *res = hs_object_call (vm, callback, &op, 1, NULL);

          if (res == NULL)
            hs_err_write_unraisable (vm, callback);
          else
            hs_decref (vm, res);
        }
      /* Our reference may be the last one now: a reachable weak value
       * dictionary whose callback removed the entry, for instance. */
      hs_decref (vm, op);
      if (wrcb_to_call.gc_next == op)
        {
          op->gen = old_gen;
          list_move (op, old);
        }
      else
        num_freed++;
    }
  return num_freed;
}

/* Finalizers ------------------------------------------------------------------- */

static void
finalize_garbage (HsVM     *vm,
                  HsObject *collectable)
{
  HsObject seen;

  /* A finalizer may free any object of the list: always take the first
   * one and move it aside. */
  list_init (&seen);
  while (!list_is_empty (collectable))
    {
      HsObject *o = collectable->gc_next;

      list_move (o, &seen);
      if (!(o->flags & HS_OBJ_FINALIZED) && o->ob_type->tp_finalize != NULL)
        {
          HsObject *saved = hs_err_fetch (vm);

          o->flags |= HS_OBJ_FINALIZED;
          record (vm, o, HS_GC_PHASE_FINALIZE, 0);
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
  clear_flags (unreachable, COLLECTING);
  deduce_unreachable (unreachable, still_unreachable);
  clear_flags (still_unreachable, HS_OBJ_UNREACHABLE);
  record_list (vm, unreachable, HS_GC_PHASE_RESURRECTED);
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

      record (vm, o, HS_GC_PHASE_CLEAR, 0);
      if (vm->gc->debug & HS_GC_DEBUG_SAVEALL)
        {
          if (hs_list_append (vm, vm->gc->garbage, o) < 0)
            hs_err_clear (vm);
        }
      else if (o->ob_type->tp_clear != NULL)
        {
          HsObject *saved = hs_err_fetch (vm);

          hs_incref (o);
          o->ob_type->tp_clear (vm, o);
          hs_decref (vm, o);
          hs_err_restore (vm, saved);
        }
      if (collectable->gc_next == o)
        {
          /* Still alive: it may die later. */
          o->flags &= ~COLLECTING;
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
  HsObject *info = NULL;

  if (callbacks == NULL)
    return;
  if (HS_LIST (callbacks)->len != 0)
    {
      HsObject *v;

      /* Py_BuildValue("{sisnsn}"): a fresh dict for each phase. */
      info = hs_dict_new (vm);
      if (info == NULL)
        {
          hs_err_clear (vm);
          return;
        }
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
  /* The list may change while the callbacks run: index it live, as CPython. */
  for (gsize i = 0; i < HS_LIST (callbacks)->len; i++)
    {
      HsObject *cb = hs_incref (HS_LIST (callbacks)->items[i]);
      HsObject *args[2];
      HsObject *r;

      args[0] = hs_str_new (vm, phase, -1);
      args[1] = info;
      r = args[0] != NULL ? hs_object_call (vm, cb, args, 2, NULL) : NULL;
      hs_xdecref (vm, args[0]);
      if (r == NULL)
        hs_err_write_unraisable (vm, cb);
      else
        hs_decref (vm, r);
      hs_decref (vm, cb);
    }
  hs_xdecref (vm, info);
}

/* The collection ------------------------------------------------------------------ */

static gssize
collect_main (HsVM   *vm,
              int     generation,
              gssize *n_collected,
              gssize *n_uncollectable)
{
  HsGCState *gc = vm->gc;
  HsObject *young, *old;
  HsObject unreachable, final_unreachable;
  gssize m = 0, n = 0;
  int old_gen = generation < 2 ? generation + 1 : 2;

  if (gc->debug & HS_GC_DEBUG_STATS)
    {
      debug_write (vm, "gc: collecting generation %d...\n", generation);
      debug_write (vm, "gc: objects in each generation: %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT
                   " %" G_GSIZE_FORMAT "\n", list_size (&gc->gens[0].head),
                   list_size (&gc->gens[1].head), list_size (&gc->gens[2].head));
      debug_write (vm, "gc: objects in permanent generation: %" G_GSIZE_FORMAT "\n",
                   list_size (&gc->permanent.head));
    }

  /* Counters: the next generation counts one more collection of this one. */
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
  update_refs (young);
  subtract_refs (young);
  record_list (vm, young, HS_GC_PHASE_GC_REFS);
  move_unreachable (young, &unreachable);

  untrack_tuples (vm, young);
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
      /* Only full collections untrack dicts (CPython issue #14775). */
      untrack_dicts (vm, young);
      gc->long_lived_pending = 0;
      gc->long_lived_total = list_size (young);
    }

  /* No legacy (tp_del) finalizers exist here: nothing is uncollectable.
   * From now on the unreachable list is a plain list; its objects keep the
   * COLLECTING flag. */
  clear_flags (&unreachable, HS_OBJ_UNREACHABLE);
  record_list (vm, &unreachable, HS_GC_PHASE_UNREACHABLE);

  if (gc->debug & HS_GC_DEBUG_COLLECTABLE)
    for (HsObject *o = unreachable.gc_next; o != &unreachable; o = o->gc_next)
      debug_cycle (vm, "collectable", o);

  /* Weak references first, then finalizers, then what is left is freed. */
  m += handle_weakrefs (vm, &unreachable, old, old_gen);
  finalize_garbage (vm, &unreachable);

  list_init (&final_unreachable);
  handle_resurrected_objects (vm, &unreachable, &final_unreachable, old, old_gen);

  m += list_size (&final_unreachable);
  delete_garbage (vm, &final_unreachable, old, old_gen);

  if (gc->debug & HS_GC_DEBUG_STATS)
    debug_write (vm, "gc: done, %" G_GSSIZE_FORMAT " unreachable, %" G_GSSIZE_FORMAT
                 " uncollectable, 0.0000s elapsed\n", n + m, n);
  if (generation == HS_GC_NUM_GENERATIONS - 1)
    _hs_gc_clear_free_lists (vm);

  gc->stats_collections[generation]++;
  gc->stats_collected[generation] += m;
  gc->stats_uncollectable[generation] += n;
  if (n_collected != NULL)
    *n_collected = m;
  if (n_uncollectable != NULL)
    *n_uncollectable = n;
  return n + m;
}

/* gc_collect_with_callback; the caller has set gc->collecting. */
static gssize
collect_with_callback (HsVM       *vm,
                       int         generation,
                       const char *reason)
{
  gssize result, collected = 0, uncollectable = 0;

  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_START, NULL,
                          generation | (g_str_equal (reason, "automatic") ? 0x100 : 0));
  invoke_callbacks (vm, "start", generation, 0, 0);
  result = collect_main (vm, generation, &collected, &uncollectable);
  invoke_callbacks (vm, "stop", generation, collected, uncollectable);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_END, NULL, result);
  return result;
}

gssize
hs_gc_collect (HsVM       *vm,
               int         generation,
               const char *reason)
{
  HsGCState *gc = vm->gc;
  HsObject *saved;
  gssize n;

  if (gc->collecting)
    return 0;
  gc->collecting = TRUE;
  saved = hs_err_fetch (vm);
  n = collect_with_callback (vm, generation, reason);
  hs_err_restore (vm, saved);
  gc->collecting = FALSE;
  return n;
}

gssize
_hs_gc_collect_if_enabled (HsVM *vm)
{
  if (!vm->gc->enabled)
    return 0;
  return hs_gc_collect (vm, HS_GC_NUM_GENERATIONS - 1, "shutdown");
}

gssize
_hs_gc_collect_no_fail (HsVM *vm)
{
  HsGCState *gc = vm->gc;
  HsObject *saved;
  gssize n;

  if (gc->collecting)
    return 0;
  gc->collecting = TRUE;
  saved = hs_err_fetch (vm);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_START, NULL, HS_GC_NUM_GENERATIONS - 1);
  n = collect_main (vm, HS_GC_NUM_GENERATIONS - 1, NULL, NULL);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_GC_END, NULL, n);
  hs_err_clear (vm);
  hs_err_restore (vm, saved);
  gc->collecting = FALSE;
  return n;
}

void
_hs_gc_dump_shutdown_stats (HsVM *vm)
{
  HsGCState *gc = vm->gc;
  GString *repr;
  HsObject *saved;

  /* The ResourceWarning CPython issues first is ignored by default. */
  if ((gc->debug & HS_GC_DEBUG_SAVEALL) || gc->garbage == NULL
      || HS_LIST (gc->garbage)->len == 0 || !(gc->debug & HS_GC_DEBUG_UNCOLLECTABLE))
    return;
  saved = hs_err_fetch (vm);
  repr = g_string_new ("      ");
  if (hs_object_repr_append (vm, gc->garbage, repr))
    {
      g_string_append_c (repr, '\n');
      hs_vm_write (vm, HS_STREAM_STDERR, repr->str, repr->len);
    }
  hs_err_clear (vm);
  hs_err_restore (vm, saved);
  g_string_free (repr, TRUE);
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
