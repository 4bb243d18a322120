/* hs-layout.h — where every frame, card and arrow of the heap diagram goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An HsLayout is updated step by step from HsHeapStates and remembers where
 * each object was, keyed by its stable id: an object keeps its place from
 * one step to the next unless it must move, new objects appear next to the
 * first name or field that refers to them, and freed ones leave a hole.
 * Stepping therefore looks like a film, not a reshuffle.
 *
 * The geometry is independent of fonts: cards have a fixed width and a
 * height that only depends on their number of rows, so measuring text can
 * never move anything, and every surface gets the same picture.
 *
 * Strings in the structures below belong to the layout and stay valid
 * until the next update, even after the HsHeapState is gone.
 *
 * Columns: frames are column 0; a new object goes one column right of its
 * first referrer, so every gutter between two columns is a free channel for
 * the arrows that cross it.
 */
#pragma once

#include <glib.h>

#include "hs-trace.h"

G_BEGIN_DECLS

/* Geometry, in diagram units (one unit is one pixel at scale 1). */
#define HS_LAYOUT_MARGIN        24.0
#define HS_LAYOUT_FRAME_WIDTH   190.0
#define HS_LAYOUT_CARD_WIDTH    212.0
#define HS_LAYOUT_GUTTER        76.0
#define HS_LAYOUT_HEADER_HEIGHT 28.0
#define HS_LAYOUT_FRAME_HEADER_HEIGHT 26.0
#define HS_LAYOUT_VALUE_HEIGHT  24.0
#define HS_LAYOUT_ROW_HEIGHT    21.0
#define HS_LAYOUT_MAX_ROWS      12    /* more references are folded into "… N more" */
/* Objects drawn at most, in the order the walk from the frames meets
 * them; a picture of more is unreadable and slow to draw. The others stay
 * in the heap state (and the app's object table) and are counted. */
#define HS_LAYOUT_MAX_CARDS     2000

typedef struct _HsLayout HsLayout;

typedef struct
{
  double x, y, width, height;
} HsRect;

typedef enum
{
  HS_ROW_REF,        /* a card's reference: label ("[0]", "name", key) and an arrow */
  HS_ROW_NAME,       /* a frame's (or a suspended generator's) name and its arrow */
  HS_ROW_TEMPS,      /* a frame's value stack: faint arrows to temporaries */
  HS_ROW_MORE,       /* "… N more": references that are not drawn */
  HS_ROW_SUBFRAME,   /* title of a suspended generator's frame inside its card */
} HsRowKind;

typedef struct
{
  guint8       kind;          /* HsRowKind */
  guint8       edge_kind;     /* HsEdgeKind of an HS_ROW_REF */
  guint32      n_targets;     /* arrows leaving this row (folded count for HS_ROW_MORE) */
  const char  *label;
  guint64      target;        /* first target, 0 for none (unbound or not shown) */
  double       y;             /* row centre, relative to its box's top */
} HsLayoutRow;

typedef struct
{
  guint64      id;
  const char  *type_name;
  char        *value;
  gint64       refcount;
  guint64      size;
  gint8        generation;    /* HsObjectInfo.generation */
  guint8       flags;         /* HS_OBJECT_FLAG_* */
  guint8       state;         /* HsObjectState; HS_OBJECT_FREED for this step's ghosts */
  guint8       gc_phase;      /* HS_GC_PHASE_* seen this step, 0 when none */
  gint32       gc_refs;       /* -1 outside a collection */
  gboolean     is_new;        /* shown for the first time at this step */
  gboolean     show_value;    /* a value line under the header */
  int          col;           /* ≥ 1 */
  double       x, y, width, height;
  GArray      *rows;          /* HsLayoutRow */
} HsLayoutCard;

typedef struct
{
  char        *function;
  int          line;
  guint64      generator;     /* a running generator's frame: its object */
  gboolean     current;       /* the innermost running frame */
  double       x, y, width, height;
  GArray      *rows;          /* HsLayoutRow */
  GArray      *temporaries;   /* guint64: objects of its value stack that are shown */
} HsLayoutFrame;

typedef enum
{
  HS_LINK_REF,       /* object → object */
  HS_LINK_NAME,      /* frame name → object */
  HS_LINK_WEAK,      /* weak reference (does not count) */
  HS_LINK_TEMP,      /* value stack → temporary */
} HsLinkKind;

typedef enum
{
  HS_ROUTE_FORWARD,  /* into the next column, inside one gutter */
  HS_ROUTE_SAME,     /* within one column: loops through the gutter on its right */
  HS_ROUTE_BACK,     /* into the previous column, inside one gutter */
  HS_ROUTE_SELF,     /* a card referring to itself */
  HS_ROUTE_LANE,     /* two or more columns apart: along a free horizontal lane */
} HsRouteKind;

#define HS_LAYOUT_MAX_POINTS 8

/* An arrow: an axis-aligned polyline from the source row's port to the
 * target card's header. */
typedef struct
{
  guint64      from;          /* source card id, 0 when the source is a frame */
  guint        from_frame;    /* frame index when @from is 0 */
  guint        from_row;
  guint64      to;
  const char  *label;         /* the row's label */
  guint8       edge_kind;     /* HsEdgeKind (HS_LINK_REF, HS_LINK_WEAK) */
  guint8       link;          /* HsLinkKind */
  guint8       route;         /* HsRouteKind */
  guint8       garbage;       /* both ends are unreachable: part of a leaked cycle */
  guint        n_points;
  double       points[2 * HS_LAYOUT_MAX_POINTS];
} HsLayoutEdge;

/* How much survivors moved in the last update: ~0 is the point. */
typedef struct
{
  guint        n_cards;
  guint        n_new;
  guint        n_removed;
  guint        n_survivors;
  guint        n_moved;
  double       mean_displacement;
  double       max_displacement;
} HsLayoutStats;

HsLayout            *hs_layout_new            (void);
void                 hs_layout_free           (HsLayout          *layout);
void                 hs_layout_update         (HsLayout          *layout,
                                               HsHeapState       *state);
void                 hs_layout_reset          (HsLayout          *layout);
gint64               hs_layout_get_step       (HsLayout          *layout);
int                  hs_layout_get_line       (HsLayout          *layout);
guint                hs_layout_get_n_cards    (HsLayout          *layout);
const HsLayoutCard  *hs_layout_get_card       (HsLayout          *layout,
                                               guint              index);
const HsLayoutCard  *hs_layout_lookup_card    (HsLayout          *layout,
                                               guint64            id);
guint                hs_layout_get_n_frames   (HsLayout          *layout);
const HsLayoutFrame *hs_layout_get_frame      (HsLayout          *layout,
                                               guint              index);
guint                hs_layout_get_n_hidden   (HsLayout          *layout);
guint                hs_layout_get_n_edges    (HsLayout          *layout);
const HsLayoutEdge  *hs_layout_get_edge       (HsLayout          *layout,
                                               guint              index);
void                 hs_layout_get_bounds     (HsLayout          *layout,
                                               HsRect            *bounds);
void                 hs_layout_get_stats      (HsLayout          *layout,
                                               HsLayoutStats     *stats);
guint64              hs_layout_hit_test       (HsLayout          *layout,
                                               double             x,
                                               double             y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsLayout, hs_layout_free)

G_END_DECLS
