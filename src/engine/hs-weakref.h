/* hs-weakref.h — weak references (weakref.ref / proxy) and their clearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout and the list discipline are CPython 3.11's
 * (Objects/weakrefobject.c): every referent keeps a doubly linked list of
 * the weak references to it. The callback-less ref comes first, then the
 * callback-less proxy, then the references with callbacks, newest first.
 * That order is what getweakrefs() lists and the order in which callbacks
 * run when the referent dies.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

struct _HsWeakRef
{
  HsObject    base;
  HsObject   *referent;     /* borrowed; NULL once cleared (CPython's Py_None) */
  HsObject   *callback;     /* strong, or NULL */
  gint64      hash;         /* -1 until computed */
  HsWeakRef  *wr_prev;      /* the referent's list of weak references */
  HsWeakRef  *wr_next;
  HsObject   *key;          /* KeyedRef (WeakValueDictionary) only: strong, or NULL */
};

#define HS_WEAKREF(o) ((HsWeakRef *) (o))

/* PyObject_ClearWeakRefs: clears every weak reference to @o (its referent is
 * dying). With @call_callbacks, the callbacks then run in list order (newest
 * first) with the dead reference; errors are reported as unraisable. */
void       hs_weakref_clear_all     (HsVM      *vm,
                                     HsObject  *o,
                                     gboolean   call_callbacks);
/* _PyWeakref_ClearRef: unlinks one reference from its referent, keeping its
 * callback uncalled (the collector decides about it). */
void       hs_weakref_clear_ref     (HsVM      *vm,
                                     HsWeakRef *ref);
gsize      hs_weakref_count         (HsObject  *o);
/* PyWeakref_Check: ref, proxy, callable proxy or a subclass of ref. */
gboolean   hs_weakref_check         (HsVM      *vm,
                                     HsObject  *o);
gboolean   hs_type_supports_weakrefs (HsType   *type);
/* weakref.ref(@ob, @callback) and weakref.proxy(@ob, @callback): @callback may
 * be NULL or None. New reference, or NULL with TypeError for objects that
 * cannot be weakly referenced. */
HsObject  *hs_weakref_new_ref       (HsVM      *vm,
                                     HsType    *type,
                                     HsObject  *ob,
                                     HsObject  *callback);
HsObject  *hs_weakref_new_proxy     (HsVM      *vm,
                                     HsObject  *ob,
                                     HsObject  *callback);
/* The referent (borrowed), or NULL when it is dead. */
static inline HsObject *
hs_weakref_get_object (HsObject *ref)
{
  return HS_WEAKREF (ref)->referent;
}

void       _hs_weakref_init_types   (HsVM      *vm);

/* hs-weakref-module.c */
HsObject  *_hs_weakref_module_new   (HsVM      *vm);
/* Interpreter exit: the atexit finalizers (newest first), then no finalize
 * callback runs any more (weakref.finalize._exitfunc). */
void       _hs_weakref_run_atexit   (HsVM      *vm);

G_END_DECLS
