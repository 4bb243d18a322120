/* hs-heap-object-private.h — how the session creates and updates heap objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-heap-object.h"

G_BEGIN_DECLS

HsHeapObject *_hs_heap_object_new        (guint64             id);
/* Takes the values of @info (notifying only what changed), with @state
 * overriding info->state (the model derives finalizing and freed). A freed
 * object is a ghost of its last state, with a refcount of 0. */
void          _hs_heap_object_update     (HsHeapObject       *self,
                                          const HsObjectInfo *info,
                                          HsObjectState       state,
                                          guint               referrer_count);

G_END_DECLS
