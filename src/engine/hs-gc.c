/* hs-gc.c — generation lists and allocation counting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection itself lives in hs-gc-collect.c.
 */

#include "config.h"

#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-vm.h"

static void
gen_init (HsGCGeneration *g,
          gssize          threshold)
{
  g->head.gc_next = &g->head;
  g->head.gc_prev = &g->head;
  g->count = 0;
  g->threshold = threshold;
}

HsGCState *
_hs_gc_state_new (void)
{
  HsGCState *gc = g_new0 (HsGCState, 1);

  gen_init (&gc->gens[0], 700);
  gen_init (&gc->gens[1], 10);
  gen_init (&gc->gens[2], 10);
  gen_init (&gc->permanent, 0);
  gc->enabled = TRUE;
  return gc;
}

void
_hs_gc_state_free (HsGCState *gc)
{
  g_free (gc);
}

void
_hs_gc_init_objects (HsVM *vm)
{
  vm->gc->callbacks = hs_list_new (vm, 0);
  vm->gc->garbage = hs_list_new (vm, 0);
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
list_remove (HsObject *o)
{
  o->gc_prev->gc_next = o->gc_next;
  o->gc_next->gc_prev = o->gc_prev;
  o->gc_prev = o->gc_next = NULL;
}

void
hs_gc_track (HsVM     *vm,
             HsObject *o)
{
  if (o->flags & HS_OBJ_GC_TRACKED)
    return;
  /* Newly tracked objects go to the tail of generation 0. */
  list_append (&vm->gc->gens[0].head, o);
  o->flags |= HS_OBJ_GC_TRACKED;
  o->gen = HS_GEN_0;
}

void
hs_gc_untrack (HsVM     *vm,
               HsObject *o)
{
  if (!(o->flags & HS_OBJ_GC_TRACKED))
    return;
  list_remove (o);
  o->flags &= ~HS_OBJ_GC_TRACKED;
  o->gen = HS_GEN_NONE;
}

int
hs_gc_generation_of (HsObject *o)
{
  if (!(o->flags & HS_OBJ_GC_TRACKED))
    return -1;
  return o->gen;
}

/* Free lists ------------------------------------------------------------------ */

#define LIST_MAXFREELIST  80     /* PyList_MAXFREELIST */
#define DICT_MAXFREELIST  80     /* PyDict_MAXFREELIST */
#define TUPLE_MAXFREELIST 2000   /* PyTuple_MAXFREELIST */

/* The free list an object of @type and @size would use, or NULL. */
static guint *
free_list_for (HsVM   *vm,
               HsType *type,
               gsize   size,
               guint  *max)
{
  HsGCState *gc = vm->gc;

  if (type == vm->types.list)
    {
      *max = LIST_MAXFREELIST;
      return &gc->numfree_list;
    }
  if (type == vm->types.dict)
    {
      *max = DICT_MAXFREELIST;
      return &gc->numfree_dict;
    }
  if (type == vm->types.tuple && size > sizeof (HsTuple))
    {
      gsize n = (size - sizeof (HsTuple)) / sizeof (HsObject *);

      if (n < HS_GC_TUPLE_FREE_LISTS)
        {
          *max = TUPLE_MAXFREELIST;
          return &gc->numfree_tuple[n];
        }
    }
  return NULL;
}

void
_hs_gc_bypass_free_list (HsVM *vm)
{
  vm->gc->bypass_free_list = TRUE;
}

void
_hs_gc_clear_free_lists (HsVM *vm)
{
  HsGCState *gc = vm->gc;
  gssize n = gc->numfree_list + gc->numfree_dict;

  for (int i = 0; i < HS_GC_TUPLE_FREE_LISTS; i++)
    {
      n += gc->numfree_tuple[i];
      gc->numfree_tuple[i] = 0;
    }
  gc->numfree_list = gc->numfree_dict = 0;
  /* Each object really freed now decrements count0, never below 0. */
  gc->gens[0].count = MAX (0, gc->gens[0].count - n);
}

void
_hs_gc_on_free (HsVM   *vm,
                HsType *type,
                gsize   size)
{
  guint max;
  guint *slot = free_list_for (vm, type, size, &max);

  if (slot != NULL && *slot < max)
    {
      (*slot)++;
      return;
    }
  if (vm->gc->gens[0].count > 0)
    vm->gc->gens[0].count--;
}

void
_hs_gc_on_alloc (HsVM   *vm,
                 HsType *type,
                 gsize   size)
{
  HsGCState *gc = vm->gc;
  guint max;
  guint *slot = gc->bypass_free_list ? NULL : free_list_for (vm, type, size, &max);

  gc->bypass_free_list = FALSE;
  if (slot != NULL && *slot > 0)
    {
      (*slot)--;
      return;
    }
  gc->gens[0].count++;
  if (gc->gens[0].count > gc->gens[0].threshold && gc->enabled && gc->gens[0].threshold != 0
      && !gc->collecting && vm->exc == NULL && vm->builtins != NULL)
    _hs_gc_collect_generations (vm);
}
