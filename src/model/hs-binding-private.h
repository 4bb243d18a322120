/* hs-binding-private.h — how frames create and update their bindings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-binding.h"

G_BEGIN_DECLS

HsBinding *_hs_binding_new        (const char   *name);
void       _hs_binding_set_object (HsBinding    *self,
                                   guint64       object_id,
                                   HsHeapObject *object);

G_END_DECLS
