/* hs-gc.h — the cyclic garbage collector (CPython 3.11's Modules/gcmodule.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

#define HS_GC_NUM_GENERATIONS 3
#define HS_GC_TUPLE_FREE_LISTS 20   /* PyTuple_NFREELISTS */

enum
{
  HS_GC_DEBUG_STATS         = 1 << 0,
  HS_GC_DEBUG_COLLECTABLE   = 1 << 1,
  HS_GC_DEBUG_UNCOLLECTABLE = 1 << 2,
  HS_GC_DEBUG_SAVEALL       = 1 << 5,
};

/* One generation: an ordered circular list with a sentinel head. */
typedef struct
{
  HsObject  head;            /* only gc_prev/gc_next are used */
  gssize    count;
  gssize    threshold;
} HsGCGeneration;

struct _HsGCState
{
  HsGCGeneration gens[HS_GC_NUM_GENERATIONS];
  HsGCGeneration permanent;  /* gc.freeze() */
  gboolean       enabled;
  gboolean       collecting;
  /* CPython's free lists of exact lists, dicts and tuples of 1 to 19 items:
   * only how many objects they hold is simulated (hs-gc.c). */
  guint          numfree_list;
  guint          numfree_dict;
  guint          numfree_tuple[HS_GC_TUPLE_FREE_LISTS];
  gboolean       bypass_free_list;
  gssize         long_lived_total;
  gssize         long_lived_pending;
  guint          debug;
  HsObject      *callbacks;  /* list: gc.callbacks */
  HsObject      *garbage;    /* list: gc.garbage */
  gssize         stats_collections[HS_GC_NUM_GENERATIONS];
  gssize         stats_collected[HS_GC_NUM_GENERATIONS];
  gssize         stats_uncollectable[HS_GC_NUM_GENERATIONS];

  /* The weakref module's own classes and weakref.finalize's registry
   * (hs-weakref*.c). They live here because they are per VM. */
  HsType        *keyedref_type;
  HsType        *wvd_type;       /* WeakValueDictionary */
  HsType        *wkd_type;       /* WeakKeyDictionary */
  HsType        *weakset_type;
  HsType        *weakiter_type;  /* their iterators */
  HsType        *finalize_type;
  HsObject      *remove_dead_weakref; /* _weakref._remove_dead_weakref */
  HsObject      *finalize_registry;   /* dict: finalize → None, creation order */
  gint64         finalize_next_index;
  gboolean       finalize_dirty;      /* a finalize was created (exit loop rescans) */
  gboolean       finalize_shutdown;   /* set once the atexit finalizers ran */
};

HsGCState *_hs_gc_state_new      (void);
void       _hs_gc_state_free     (HsGCState  *gc);
void       _hs_gc_init_objects   (HsVM       *vm);   /* callbacks / garbage lists */

/* Allocation bookkeeping of GC-capable objects: may run an automatic
 * collection (3.11 does it inside the allocator, before the new object
 * exists). An exact list, dict or small tuple taken from / returned to a
 * free list does not count, as in CPython. */
void       _hs_gc_on_alloc       (HsVM       *vm,
                                  HsType     *type,
                                  gsize       size);
void       _hs_gc_on_free        (HsVM       *vm,
                                  HsType     *type,
                                  gsize       size);
/* The next GC allocation bypasses the free lists: list(…) and dict(…)
 * allocate with tp_alloc in CPython, not PyList_New / PyDict_New. */
void       _hs_gc_bypass_free_list (HsVM     *vm);
/* clear_freelists (end of a full collection). */
void       _hs_gc_clear_free_lists (HsVM     *vm);

/* gc.collect(generation) with gc.callbacks: returns collected +
 * uncollectable, or 0 when a collection is already running. */
gssize     hs_gc_collect         (HsVM       *vm,
                                  int         generation,
                                  const char *reason);
/* Interpreter exit. PyGC_Collect: a full collection with callbacks, only
 * when automatic collection is enabled. _PyGC_CollectNoFail: a full
 * collection without callbacks, whatever gc.disable() said. */
gssize     _hs_gc_collect_if_enabled (HsVM   *vm);
gssize     _hs_gc_collect_no_fail    (HsVM   *vm);
/* _PyGC_DumpShutdownStats: with DEBUG_UNCOLLECTABLE, lists what is left in
 * gc.garbage after the modules were torn down. */
void       _hs_gc_dump_shutdown_stats (HsVM  *vm);
int        hs_gc_generation_of   (HsObject   *o);    /* 0..2, 3 permanent, -1 untracked */
/* The automatic collection (gc_collect_generations): picks the oldest
 * generation over its threshold, with the 25% rule for generation 2. */
void       _hs_gc_collect_generations (HsVM   *vm);

G_END_DECLS
