/* hs-weakref.h — weak references (weakref.ref / proxy) and their clearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

struct _HsWeakRef
{
  HsObject    base;
  HsObject   *referent;     /* borrowed; NULL once cleared */
  HsObject   *callback;     /* strong, or NULL */
  gint64      hash;         /* -1 until computed */
  HsWeakRef  *wr_prev;      /* the referent's list of weak references, oldest first */
  HsWeakRef  *wr_next;
};

/* Clears every weak reference to @o (its referent is dying). With
 * @call_callbacks, callbacks run newest first with the dead reference, as
 * PyObject_ClearWeakRefs does; errors are reported as unraisable. */
void       hs_weakref_clear_all     (HsVM      *vm,
                                     HsObject  *o,
                                     gboolean   call_callbacks);
/* Unlinks one reference from its referent without calling its callback. */
void       hs_weakref_clear_ref     (HsVM      *vm,
                                     HsWeakRef *ref);
gsize      hs_weakref_count         (HsObject  *o);

void       _hs_weakref_init_types   (HsVM      *vm);

G_END_DECLS
