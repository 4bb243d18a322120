/* hs-frame-item-private.h — how the session builds and updates frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-frame-item.h"
#include "hs-trace.h"

G_BEGIN_DECLS

HsFrameItem *_hs_frame_item_new     (const HsFrameInfo *info);
/* Whether @info is the same frame one step later: same function, same generator. */
gboolean     _hs_frame_item_matches (HsFrameItem       *self,
                                     const HsFrameInfo *info);
/* @objects maps ids to the session's HsHeapObjects (names of objects not
 * shown get a NULL object). */
void         _hs_frame_item_update  (HsFrameItem       *self,
                                     const HsFrameInfo *info,
                                     GHashTable        *objects);

G_END_DECLS
