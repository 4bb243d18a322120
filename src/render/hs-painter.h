/* hs-painter.h — draw an HsLayout on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one painter behind the app's heap view and every export: what you
 * export is what you see. Text goes through PangoCairo with metric hinting
 * off, so PNG, SVG, PDF and the screen measure it alike.
 *
 * Coordinates: the painter draws in diagram units starting at (0, 0): the
 * caption band (when there is one), then the layout shifted down by
 * hs_painter_get_diagram_offset(), then the legend. Set up zoom and pan on
 * @cr before calling hs_painter_draw(); only what intersects the clip is
 * drawn, and text turns into grey bars when it would be too small to read.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hs-layout.h"
#include "hs-palette.h"

G_BEGIN_DECLS

typedef struct _HsPainter HsPainter;

typedef struct
{
  const HsPalette *palette;         /* NULL: the light palette */
  gboolean         background;      /* fill with the palette's background (exports) */
  gboolean         legend;          /* a legend of the states and arrow styles shown */
  const char      *caption_title;   /* e.g. "Line 20"; NULL: no caption band */
  const char      *caption_code;    /* the source line, drawn in monospace */
  const char      *caption_detail;  /* right-aligned, e.g. "step 13 of 18" */
  guint64          selected;        /* a card to highlight, 0 for none */
} HsPaintOptions;

HsPainter *hs_painter_new                (void);
void       hs_painter_free               (HsPainter            *painter);
void       hs_painter_get_size           (HsPainter            *painter,
                                          HsLayout             *layout,
                                          const HsPaintOptions *options,
                                          double               *width,
                                          double               *height);
double     hs_painter_get_diagram_offset (HsPainter            *painter,
                                          const HsPaintOptions *options);
void       hs_painter_draw               (HsPainter            *painter,
                                          cairo_t              *cr,
                                          HsLayout             *layout,
                                          const HsPaintOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsPainter, hs_painter_free)

G_END_DECLS
