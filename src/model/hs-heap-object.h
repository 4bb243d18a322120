/* hs-heap-object.h — one simulated Python object, as a GObject a table binds to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hs-model-types.h"

G_BEGIN_DECLS

#define HS_TYPE_HEAP_OBJECT (hs_heap_object_get_type ())

G_DECLARE_FINAL_TYPE (HsHeapObject, hs_heap_object, HS, HEAP_OBJECT, GObject)

guint64        hs_heap_object_get_id             (HsHeapObject *self);
guint64        hs_heap_object_get_address        (HsHeapObject *self);
const char    *hs_heap_object_get_type_name      (HsHeapObject *self);
const char    *hs_heap_object_get_value_text     (HsHeapObject *self);
gint64         hs_heap_object_get_refcount       (HsHeapObject *self);
int            hs_heap_object_get_generation     (HsHeapObject *self);
gboolean       hs_heap_object_get_shared         (HsHeapObject *self);
guint64        hs_heap_object_get_size           (HsHeapObject *self);
HsObjectState  hs_heap_object_get_state          (HsHeapObject *self);
guint          hs_heap_object_get_referrer_count (HsHeapObject *self);
gboolean       hs_heap_object_get_has_finalizer  (HsHeapObject *self);
gboolean       hs_heap_object_get_finalized      (HsHeapObject *self);

G_END_DECLS
