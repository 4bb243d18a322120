/* hs-slots.h — Python-level dunder methods <-> C type slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two directions, as CPython's typeobject.c: a class statement that defines
 * __repr__ gets a tp_repr that calls it (slot dispatchers, _hs_slots_fixup),
 * and a built-in type gets __repr__ & co. in its dict so that
 * `super().__init__()` or `list.__len__(x)` work (slot wrappers).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

void       _hs_slots_fixup        (HsVM       *vm,
                                   HsType     *type);
void       _hs_slots_add_wrappers (HsVM       *vm,
                                   HsType     *type);
/* descr.__get__(obj, type): functions bind, static/class methods unwrap,
 * slots and properties read. @obj NULL means access through the class. */
HsObject  *_hs_descr_get          (HsVM       *vm,
                                   HsObject   *descr,
                                   HsObject   *obj,
                                   HsType     *type);
gboolean   _hs_descr_is_data      (HsObject   *descr);
int        _hs_descr_set          (HsVM       *vm,
                                   HsObject   *descr,
                                   HsObject   *obj,
                                   HsObject   *value);
/* Calls type(self).<name>(self, *args) without creating a bound method, as
 * CPython's vectorcall_method does. Returns NULL without an exception when
 * the type has no such attribute and @missing_ok. */
HsObject  *_hs_call_special       (HsVM       *vm,
                                   HsObject   *self,
                                   const char *name,
                                   HsObject *const *args,
                                   gsize       nargs,
                                   gboolean    missing_ok);
/* Runs __del__ of @self, reporting an exception as unraisable. */
void       _hs_call_finalizer     (HsVM       *vm,
                                   HsObject   *self);

G_END_DECLS
