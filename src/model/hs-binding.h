/* hs-binding.h — a name in a frame and the object it refers to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hs-heap-object.h"

G_BEGIN_DECLS

#define HS_TYPE_BINDING (hs_binding_get_type ())

G_DECLARE_FINAL_TYPE (HsBinding, hs_binding, HS, BINDING, GObject)

const char   *hs_binding_get_name      (HsBinding *self);
guint64       hs_binding_get_object_id (HsBinding *self);
HsHeapObject *hs_binding_get_object    (HsBinding *self);

G_END_DECLS
