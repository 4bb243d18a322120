/* hs-weakref-private.h — shared between the weakref module's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* WeakValueDictionary, WeakKeyDictionary, WeakSet and their iterator. */
void       _hs_weakref_containers_init_types (HsVM       *vm);
/* weakref.finalize. */
void       _hs_weakref_finalize_init_type    (HsVM       *vm);

/* Small argument helpers with CPython's messages. */
gboolean   _hs_weakref_no_kwargs             (HsVM       *vm,
                                              const char *fname,
                                              HsObject   *kwnames);

G_END_DECLS
