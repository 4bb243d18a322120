/* hs-painter-private.h — the painter's wording and colours, shared with the DOT export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-painter.h"

G_BEGIN_DECLS

const HsStateColors *_hs_painter_card_colors      (const HsPalette    *pal,
                                                   const HsLayoutCard *card);
char                *_hs_painter_card_tag         (const HsLayoutCard *card);
char                *_hs_painter_format_refcount  (gint64              refcount);
const char          *_hs_painter_generation_text  (const HsLayoutCard *card);
gboolean             _hs_painter_is_primitive     (const char         *type_name);

G_END_DECLS
