/* hs-weakref-containers-private.h — the weak containers and their iterators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hs-weakref-containers.c has WeakValueDictionary, WeakKeyDictionary and
 * WeakSet; hs-weakref-iter.c the iterators (the generators of weakref.py),
 * which postpone the containers' removals while they run.
 */
#pragma once

#include "hs-object.h"
#include "hs-vm.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_WVD,
  KIND_WKD,
  KIND_WSET,
} ContainerKind;

typedef struct
{
  HsObject       base;
  ContainerKind  kind;
  HsObject      *remove;    /* `remove`: a builtin whose self is its defaults tuple,
                             * (ref(self),) — only a weak reference to us */
  HsObject      *pending;   /* list: removals waiting for the iterations to end */
  HsObject      *iterating_set; /* _iterating (the count below does its job) */
  HsObject      *data;      /* dict (WVD: key → KeyedRef, WKD: ref → value) or set of refs */
  gssize         iterating; /* started, unfinished iterators (_IterationGuard) */
  gboolean       dirty_len; /* WeakKeyDictionary._dirty_len */
} HsWeakContainer;

#define WC(o) ((HsWeakContainer *) (o))

typedef enum
{
  ITER_KEYS,
  ITER_VALUES,
  ITER_ITEMS,
} IterKind;

typedef struct
{
  HsObject   base;
  HsObject  *container;  /* NULL once finished */
  HsObject  *inner;      /* iterator over container->data once started */
  IterKind   kind;
  gboolean   started;
  gboolean   guarded;    /* inside `with _IterationGuard(self)` */
  HsObject  *cur[2];     /* what the generator's locals still hold */
  const char *qualname;
} HsWeakIter;

#define WI(o) ((HsWeakIter *) (o))

static inline ContainerKind
kind_of (HsVM     *vm,
         HsObject *o)
{
  return WC (o)->kind;
}

/* Applies the removals postponed during iterations (_commit_removals);
 * maybe_commit only when some are pending. 0, or -1 with an exception. */
int       _hs_weak_container_commit_removals (HsVM       *vm,
                                              HsObject   *self);
int       _hs_weak_container_maybe_commit    (HsVM       *vm,
                                              HsObject   *self);

HsObject *_hs_weakiter_new                   (HsVM       *vm,
                                              HsObject   *container,
                                              IterKind    kind,
                                              const char *qualname);
void      _hs_weakiter_init_type             (HsVM       *vm);

G_END_DECLS
