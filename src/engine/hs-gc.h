/* hs-gc.h — the cyclic garbage collector (CPython 3.11's Modules/gcmodule.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

#define HS_GC_NUM_GENERATIONS 3

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
  gssize         long_lived_total;
  gssize         long_lived_pending;
  guint          debug;
  HsObject      *callbacks;  /* list: gc.callbacks */
  HsObject      *garbage;    /* list: gc.garbage */
  gssize         stats_collections[HS_GC_NUM_GENERATIONS];
  gssize         stats_collected[HS_GC_NUM_GENERATIONS];
  gssize         stats_uncollectable[HS_GC_NUM_GENERATIONS];
};

HsGCState *_hs_gc_state_new      (void);
void       _hs_gc_state_free     (HsGCState  *gc);
void       _hs_gc_init_objects   (HsVM       *vm);   /* callbacks / garbage lists */

/* Allocation bookkeeping: may run an automatic collection (3.11 does it
 * inside the allocator, before the new object exists). */
void       _hs_gc_on_alloc       (HsVM       *vm);
void       _hs_gc_on_free        (HsVM       *vm);

/* gc.collect(generation): returns collected + uncollectable, or -1 on error. */
gssize     hs_gc_collect         (HsVM       *vm,
                                  int         generation,
                                  const char *reason);
int        hs_gc_generation_of   (HsObject   *o);    /* 0..2, 3 permanent, -1 untracked */
/* The automatic collection (gc_collect_generations): picks the oldest
 * generation over its threshold, with the 25% rule for generation 2. */
void       _hs_gc_collect_generations (HsVM   *vm);

G_END_DECLS
