/* hs-frame-item.h — one frame of the call stack (or a suspended generator's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named HsFrameItem because the engine already has an HsFrame (its
 * interpreter frame, hs-frame.h).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HS_TYPE_FRAME_ITEM (hs_frame_item_get_type ())

G_DECLARE_FINAL_TYPE (HsFrameItem, hs_frame_item, HS, FRAME_ITEM, GObject)

const char *hs_frame_item_get_function_name (HsFrameItem *self);
int         hs_frame_item_get_line          (HsFrameItem *self);
gboolean    hs_frame_item_get_is_generator  (HsFrameItem *self);
guint64     hs_frame_item_get_generator_id  (HsFrameItem *self);
gboolean    hs_frame_item_get_suspended     (HsFrameItem *self);
GListModel *hs_frame_item_get_names         (HsFrameItem *self);

G_END_DECLS
