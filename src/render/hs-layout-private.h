/* hs-layout-private.h — what hs-layout.c and hs-layout-route.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-layout.h"

G_BEGIN_DECLS

#define HS_LAYOUT_CARD_GAP      22.0   /* vertical space between two cards of a column */
#define HS_LAYOUT_FRAME_GAP     14.0
#define HS_LAYOUT_BOTTOM_PAD    5.0

/* A card plus what only the layout needs. */
typedef struct
{
  HsLayoutCard  pub;          /* first: an HsLayoutCard * is a Card * */
  guint         stamp;        /* last update that showed it */
  gboolean      shown_before; /* the previous update showed it too */
  double        reserved;     /* height of its slot: grows, never shrinks */
  double        old_x, old_y;
  gboolean      placed;
  gboolean      ghost;
  gint64        ghost_step;   /* the step it was freed at */
  /* Where it was first referred from, for its birth placement. */
  HsLayoutCard  *parent_card;
  HsLayoutFrame *parent_frame;
  guint          parent_row;
} Card;

/* One card's vertical extent in its column; columns keep these sorted. */
typedef struct
{
  double  y0, y1;
  Card   *card;
} Slot;

struct _HsLayout
{
  gint64         step;
  int            line;
  guint          stamp;
  GStringChunk  *strings;       /* every label and type name the layout shows */
  GHashTable    *cards_by_id;   /* &Card.pub.id → Card *, owned */
  GPtrArray     *cards;         /* Card * shown now, in drawing order */
  GPtrArray     *frames;        /* HsLayoutFrame *, owned */
  GArray        *edges;         /* HsLayoutEdge */
  GPtrArray     *columns;       /* GArray of Slot, index = column */
  HsRect         bounds;
  HsLayoutStats  stats;
  guint          n_hidden;      /* objects past HS_LAYOUT_MAX_CARDS, not drawn */
};

static inline double
_hs_layout_column_x (int col)
{
  if (col <= 0)
    return HS_LAYOUT_MARGIN;
  return HS_LAYOUT_MARGIN + HS_LAYOUT_FRAME_WIDTH + HS_LAYOUT_GUTTER
         + (col - 1) * (HS_LAYOUT_CARD_WIDTH + HS_LAYOUT_GUTTER);
}

static inline double
_hs_layout_column_right (int col)
{
  return _hs_layout_column_x (col) + (col <= 0 ? HS_LAYOUT_FRAME_WIDTH : HS_LAYOUT_CARD_WIDTH);
}

gboolean _hs_layout_column_free_at (HsLayout *layout,
                                    int       col,
                                    double    y,
                                    double    pad,
                                    Slot    **blocker);
void     _hs_layout_route         (HsLayout *layout);

G_END_DECLS
