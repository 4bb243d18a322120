/* hs-layout-route.c — route the diagram's arrows through the gutters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cards have a fixed width, so the gutter between two columns holds no card
 * and every arrow can be drawn as axis-aligned segments that stay out of
 * the cards (axis-aligned strokes are also the cheapest for cairo):
 *  - into the next column: across the gutter in between;
 *  - within a column or back into the previous one: a loop through one
 *    gutter that enters the target from its right, so a cycle reads as a
 *    cycle;
 *  - further: along a horizontal lane that is free of cards in every
 *    column it crosses.
 * Vertical runs sharing a gutter get separate tracks by greedy interval
 * colouring.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "hs-layout-private.h"

#define TRACK_INSET   14.0
#define TRACK_SPACING 6.0
#define TRACK_GAP     4.0    /* vertical clearance between two runs on one track */
#define LANE_PAD      9.0    /* clearance between a lane and a card */
#define SELF_LOOP     16.0

typedef struct
{
  guint   edge;
  guint8  a, b;              /* the two points that sit on the track */
  int     gutter;            /* between column gutter and gutter + 1 */
  double  y0, y1;
} Track;

typedef struct
{
  double  y, x0, x1;
} Lane;

typedef struct
{
  HsLayout *layout;
  GArray   *tracks;
  GArray   *lanes;
  /* the edge being built */
  HsLayoutEdge *edge;
  guint         edge_index;
} Router;

static void
push (Router *r,
      double  x,
      double  y)
{
  HsLayoutEdge *e = r->edge;

  g_assert (e->n_points < HS_LAYOUT_MAX_POINTS);
  e->points[2 * e->n_points] = x;
  e->points[2 * e->n_points + 1] = y;
  e->n_points++;
}

/* The last two points pushed share a track in @gutter. */
static void
add_track (Router *r,
           int     gutter)
{
  HsLayoutEdge *e = r->edge;
  Track t;

  t.edge = r->edge_index;
  t.a = (guint8) (e->n_points - 2);
  t.b = (guint8) (e->n_points - 1);
  t.gutter = gutter;
  t.y0 = MIN (e->points[2 * t.a + 1], e->points[2 * t.b + 1]);
  t.y1 = MAX (e->points[2 * t.a + 1], e->points[2 * t.b + 1]);
  g_array_append_val (r->tracks, t);
}

static gboolean
same_y (double a,
        double b)
{
  return fabs (a - b) < 0.5;
}

static gboolean
lane_free (HsLayout *layout,
           int       c0,
           int       c1,
           double    y,
           Slot    **blocker)
{
  for (int c = c0; c <= c1; c++)
    if (!_hs_layout_column_free_at (layout, c, y, LANE_PAD, blocker))
      return FALSE;

  return TRUE;
}

static double
walk_lane (HsLayout *layout,
           int       c0,
           int       c1,
           double    y,
           int       dir)
{
  for (int i = 0; i < 64; i++)
    {
      Slot *blocker = NULL;

      if (lane_free (layout, c0, c1, y, &blocker))
        return y;
      y = dir > 0 ? blocker->y1 + LANE_PAD + 1 : blocker->y0 - LANE_PAD - 1;
      if (y < HS_LAYOUT_MARGIN / 2)
        return NAN;
    }

  return NAN;
}

static gboolean
lane_taken (Router *r,
            double  y,
            double  x0,
            double  x1)
{
  for (guint i = 0; i < r->lanes->len; i++)
    {
      const Lane *l = &g_array_index (r->lanes, Lane, i);

      if (fabs (l->y - y) < 4 && x0 < l->x1 && l->x0 < x1)
        return TRUE;
    }

  return FALSE;
}

/* A y at which a horizontal run crosses no card of columns c0..c1, as close
 * as possible to both ends. */
static double
find_lane (Router *r,
           int     c0,
           int     c1,
           double  ys,
           double  yt,
           double  x0,
           double  x1)
{
  HsLayout *layout = r->layout;
  double best = NAN, best_cost = INFINITY;
  double starts[2] = { ys, yt };
  Lane lane;

  for (guint i = 0; i < 2; i++)
    if (lane_free (layout, c0, c1, starts[i], NULL) && !lane_taken (r, starts[i], x0, x1))
      {
        best = starts[i];
        goto found;
      }

  for (guint i = 0; i < 2; i++)
    for (int dir = -1; dir <= 1; dir += 2)
      {
        double y = walk_lane (layout, c0, c1, starts[i], dir);
        double cost;

        if (isnan (y))
          continue;
        cost = fabs (y - ys) + fabs (y - yt);
        if (cost < best_cost)
          {
            best = y;
            best_cost = cost;
          }
      }

  if (isnan (best))
    {
      /* Below every card of the columns crossed. */
      best = HS_LAYOUT_MARGIN;
      for (int c = c0; c <= c1 && c < (int) layout->columns->len; c++)
        {
          GArray *slots = g_ptr_array_index (layout->columns, c);

          if (slots->len > 0)
            best = MAX (best, g_array_index (slots, Slot, slots->len - 1).y1 + LANE_PAD + 1);
        }
    }

  /* Keep parallel lanes apart when a free neighbour exists. */
  for (int k = 0; k < 4 && lane_taken (r, best, x0, x1); k++)
    {
      double y = best + 5;

      if (!lane_free (layout, c0, c1, y, NULL))
        break;
      best = y;
    }

found:
  lane.y = best;
  lane.x0 = MIN (x0, x1);
  lane.x1 = MAX (x0, x1);
  g_array_append_val (r->lanes, lane);

  return best;
}

/* Source at column @s with ports at x @sl (left) and @sr (right), row
 * centre @ys; the arrow ends at the middle of the target's header. */
static void
route (Router             *r,
       int                 s,
       double              sl,
       double              sr,
       double              ys,
       const HsLayoutCard *target)
{
  HsLayoutEdge *e = r->edge;
  int t = target->col;
  double yt = target->y + HS_LAYOUT_HEADER_HEIGHT / 2;
  double tl = target->x, tr = target->x + target->width;

  if (e->from != 0 && e->from == e->to)
    {
      double x = tr + SELF_LOOP;

      e->route = HS_ROUTE_SELF;
      push (r, sr, ys);
      push (r, x, ys);
      push (r, x, yt);
      push (r, tr, yt);
    }
  else if (t == s + 1)
    {
      e->route = HS_ROUTE_FORWARD;
      push (r, sr, ys);
      if (!same_y (ys, yt))
        {
          push (r, sr, ys);
          push (r, sr, yt);
          add_track (r, s);
        }
      push (r, tl, yt);
    }
  else if (t == s || t == s - 1)
    {
      /* Same column: out of the right side and back in. Previous column:
       * out of the left side into the gutter between them. */
      double start = t == s ? sr : sl;

      e->route = t == s ? HS_ROUTE_SAME : HS_ROUTE_BACK;
      push (r, start, ys);
      push (r, start, ys);
      push (r, start, yt);
      add_track (r, t);
      push (r, tr, yt);
    }
  else
    {
      gboolean forward = t > s;
      double start = forward ? sr : sl;
      double end = forward ? tl : tr;
      int g1 = forward ? s : s - 1;           /* gutter next to the source */
      int g2 = forward ? t - 1 : t;           /* gutter next to the target */
      double yl = forward ? find_lane (r, s + 1, t - 1, ys, yt, start, end)
                          : find_lane (r, t + 1, s - 1, ys, yt, start, end);

      e->route = HS_ROUTE_LANE;
      push (r, start, ys);
      if (!same_y (yl, ys))
        {
          push (r, start, ys);
          push (r, start, yl);
          add_track (r, g1);
        }
      if (!same_y (yl, yt))
        {
          push (r, start, yl);
          push (r, start, yt);
          add_track (r, g2);
        }
      push (r, end, yt);
    }
}

static HsLayoutEdge *
begin_edge (Router      *r,
            guint64      from,
            guint        from_frame,
            guint        from_row,
            guint64      to,
            const char  *label,
            guint8       edge_kind,
            HsLinkKind   link)
{
  HsLayoutEdge e = { 0 };

  e.from = from;
  e.from_frame = from_frame;
  e.from_row = from_row;
  e.to = to;
  e.label = label;
  e.edge_kind = edge_kind;
  e.link = link;
  g_array_append_val (r->layout->edges, e);
  r->edge_index = r->layout->edges->len - 1;
  r->edge = &g_array_index (r->layout->edges, HsLayoutEdge, r->edge_index);

  return r->edge;
}

static int
compare_tracks (gconstpointer a,
                gconstpointer b)
{
  const Track *ta = a, *tb = b;

  if (ta->gutter != tb->gutter)
    return ta->gutter < tb->gutter ? -1 : 1;
  if (ta->y0 != tb->y0)
    return ta->y0 < tb->y0 ? -1 : 1;
  if (ta->y1 != tb->y1)
    return ta->y1 < tb->y1 ? -1 : 1;
  return ta->edge < tb->edge ? -1 : ta->edge > tb->edge;
}

/* Greedy interval colouring per gutter, filling tracks from the middle of
 * the gutter outwards. */
static void
assign_tracks (Router *r)
{
  enum { CAPACITY = (int) ((HS_LAYOUT_GUTTER - 2 * TRACK_INSET) / TRACK_SPACING) + 1 };
  double ends[CAPACITY];
  int order[CAPACITY];
  GArray *tracks = r->tracks;
  int gutter = G_MININT;

  for (int k = 0; k < CAPACITY; k++)
    order[k] = CAPACITY / 2 + ((k % 2) ? (k + 1) / 2 : -(k / 2));

  g_array_sort (tracks, compare_tracks);
  for (guint i = 0; i < tracks->len; i++)
    {
      const Track *t = &g_array_index (tracks, Track, i);
      HsLayoutEdge *e = &g_array_index (r->layout->edges, HsLayoutEdge, t->edge);
      int chosen = -1;
      double x;

      if (t->gutter != gutter)
        {
          gutter = t->gutter;
          for (int k = 0; k < CAPACITY; k++)
            ends[k] = -INFINITY;
        }
      for (int k = 0; k < CAPACITY && chosen < 0; k++)
        if (ends[order[k]] + TRACK_GAP <= t->y0)
          chosen = order[k];
      if (chosen < 0)
        {
          chosen = order[0];
          for (int k = 1; k < CAPACITY; k++)
            if (ends[order[k]] < ends[chosen])
              chosen = order[k];
        }
      ends[chosen] = MAX (ends[chosen], t->y1);

      x = _hs_layout_column_right (t->gutter) + TRACK_INSET + chosen * TRACK_SPACING;
      e->points[2 * t->a] = x;
      e->points[2 * t->b] = x;
    }
}

/* Drop repeated and collinear points. */
static void
simplify (HsLayoutEdge *e)
{
  guint n = 0;

  for (guint i = 0; i < e->n_points; i++)
    {
      double x = e->points[2 * i], y = e->points[2 * i + 1];

      if (n > 0 && fabs (e->points[2 * (n - 1)] - x) < 0.01
          && fabs (e->points[2 * (n - 1) + 1] - y) < 0.01)
        continue;
      if (n >= 2)
        {
          double ax = e->points[2 * (n - 2)], ay = e->points[2 * (n - 2) + 1];
          double bx = e->points[2 * (n - 1)], by = e->points[2 * (n - 1) + 1];

          if ((fabs (ax - bx) < 0.01 && fabs (bx - x) < 0.01)
              || (fabs (ay - by) < 0.01 && fabs (by - y) < 0.01))
            n--;
        }
      e->points[2 * n] = x;
      e->points[2 * n + 1] = y;
      n++;
    }
  e->n_points = n;
}

static const HsLayoutCard *
lookup (HsLayout *layout,
        guint64   id)
{
  return id != 0 ? hs_layout_lookup_card (layout, id) : NULL;
}

void
_hs_layout_route (HsLayout *layout)
{
  Router r = { layout, NULL, NULL, NULL, 0 };

  r.tracks = g_array_new (FALSE, FALSE, sizeof (Track));
  r.lanes = g_array_new (FALSE, FALSE, sizeof (Lane));
  g_array_set_size (layout->edges, 0);

  for (guint f = 0; f < layout->frames->len; f++)
    {
      const HsLayoutFrame *frame = g_ptr_array_index (layout->frames, f);
      double right = frame->x + frame->width;

      for (guint i = 0; i < frame->rows->len; i++)
        {
          const HsLayoutRow *row = &g_array_index (frame->rows, HsLayoutRow, i);
          double ys = frame->y + row->y;

          if (row->kind == HS_ROW_NAME)
            {
              const HsLayoutCard *target = lookup (layout, row->target);

              if (target == NULL)
                continue;
              begin_edge (&r, 0, f, i, target->id, row->label, 0, HS_LINK_NAME);
              route (&r, 0, frame->x, right, ys, target);
            }
          else if (row->kind == HS_ROW_TEMPS)
            {
              for (guint k = 0; k < frame->temporaries->len; k++)
                {
                  const HsLayoutCard *target =
                    lookup (layout, g_array_index (frame->temporaries, guint64, k));

                  if (target == NULL)
                    continue;
                  begin_edge (&r, 0, f, i, target->id, row->label, 0, HS_LINK_TEMP);
                  route (&r, 0, frame->x, right, ys, target);
                }
            }
        }
    }

  for (guint c = 0; c < layout->cards->len; c++)
    {
      const HsLayoutCard *card = g_ptr_array_index (layout->cards, c);

      if (card->state == HS_OBJECT_FREED)
        continue;
      for (guint i = 0; i < card->rows->len; i++)
        {
          const HsLayoutRow *row = &g_array_index (card->rows, HsLayoutRow, i);
          const HsLayoutCard *target;
          HsLayoutEdge *e;
          HsLinkKind link;

          if (row->kind != HS_ROW_REF && row->kind != HS_ROW_NAME)
            continue;
          target = lookup (layout, row->target);
          if (target == NULL)
            continue;
          if (row->kind == HS_ROW_NAME)
            link = HS_LINK_NAME;
          else if (row->edge_kind == HS_EDGE_WEAK)
            link = HS_LINK_WEAK;
          else
            link = HS_LINK_REF;
          e = begin_edge (&r, card->id, 0, i, target->id, row->label, row->edge_kind, link);
          e->garbage = card->state == HS_OBJECT_UNREACHABLE
                       && target->state == HS_OBJECT_UNREACHABLE;
          route (&r, card->col, card->x, card->x + card->width, card->y + row->y, target);
        }
    }

  assign_tracks (&r);
  for (guint i = 0; i < layout->edges->len; i++)
    simplify (&g_array_index (layout->edges, HsLayoutEdge, i));

  g_array_unref (r.tracks);
  g_array_unref (r.lanes);
}
