/* render-test-util.c — helpers shared by the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "render-test-util.h"

HsTrace *
render_test_trace (const char *source)
{
  g_autoptr(HsDiagnostic) error = NULL;
  HsTrace *trace = hs_trace_new (source, strlen (source), "snippet.py", 0, NULL, &error);

  if (trace == NULL)
    g_error ("snippet does not compile: %s", error->message);
  g_assert_cmpint (hs_trace_get_exit_status (trace), ==, 0);

  return trace;
}

/* The first step at which @line is about to run. */
guint64
render_test_step_of_line (HsTrace *trace,
                          int      line)
{
  for (guint64 s = 0; s < hs_trace_get_n_steps (trace); s++)
    if (hs_trace_get_step_line (trace, s) == line)
      return s;

  g_error ("line %d never runs", line);
  return 0;
}

/* Lays out every step up to @step, as the app would. */
HsLayout *
render_test_layout_at (HsTrace *trace,
                       guint64  step)
{
  HsLayout *layout = hs_layout_new ();

  for (guint64 s = 0; s <= step; s++)
    {
      g_autoptr(HsHeapState) state = hs_trace_get_state (trace, s);

      hs_layout_update (layout, state);
    }

  return layout;
}

static gboolean
rects_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* An axis-aligned segment passes through the inside of a box. */
static gboolean
segment_crosses (double x0, double y0, double x1, double y1,
                 double bx, double by, double bw, double bh)
{
  double inset = 1.0;
  double sx0 = MIN (x0, x1), sx1 = MAX (x0, x1), sy0 = MIN (y0, y1), sy1 = MAX (y0, y1);

  bx += inset;
  by += inset;
  bw -= 2 * inset;
  bh -= 2 * inset;

  return sx0 < bx + bw && bx < sx1 + (sx0 == sx1 ? 0.001 : 0)
         && sy0 < by + bh && by < sy1 + (sy0 == sy1 ? 0.001 : 0);
}

/* The invariants every layout keeps: no two boxes overlap, every arrow
 * has both ends and goes around the cards, not through them. */
void
render_test_check_layout (HsLayout *layout)
{
  guint n_cards = hs_layout_get_n_cards (layout);
  guint n_frames = hs_layout_get_n_frames (layout);

  for (guint i = 0; i < n_cards; i++)
    {
      const HsLayoutCard *a = hs_layout_get_card (layout, i);

      g_assert_cmpint (a->col, >=, 1);
      g_assert_true (hs_layout_lookup_card (layout, a->id) == a);
      for (guint j = i + 1; j < n_cards; j++)
        {
          const HsLayoutCard *b = hs_layout_get_card (layout, j);

          if (rects_overlap (a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height))
            g_error ("cards %" G_GUINT64_FORMAT " and %" G_GUINT64_FORMAT " overlap", a->id, b->id);
        }
      for (guint f = 0; f < n_frames; f++)
        {
          const HsLayoutFrame *fr = hs_layout_get_frame (layout, f);

          g_assert_false (rects_overlap (a->x, a->y, a->width, a->height,
                                         fr->x, fr->y, fr->width, fr->height));
        }
    }

  for (guint e = 0; e < hs_layout_get_n_edges (layout); e++)
    {
      const HsLayoutEdge *edge = hs_layout_get_edge (layout, e);
      const HsLayoutCard *to = hs_layout_lookup_card (layout, edge->to);
      const double *pt = edge->points;
      guint n = edge->n_points;

      g_assert_nonnull (to);
      if (edge->from != 0)
        {
          const HsLayoutCard *from = hs_layout_lookup_card (layout, edge->from);

          g_assert_nonnull (from);
          g_assert_cmpuint (edge->from_row, <, from->rows->len);
          g_assert_cmpuint (g_array_index (from->rows, HsLayoutRow, edge->from_row).target, ==,
                            edge->to);
          /* It leaves from a side of its row. */
          g_assert_true (fabs (pt[0] - from->x) < 0.01 || fabs (pt[0] - from->x - from->width) < 0.01);
          g_assert_cmpfloat (fabs (pt[1] - from->y - g_array_index (from->rows, HsLayoutRow,
                                                                    edge->from_row).y), <, 0.01);
        }
      else
        {
          const HsLayoutFrame *fr;

          g_assert_cmpuint (edge->from_frame, <, n_frames);
          fr = hs_layout_get_frame (layout, edge->from_frame);
          g_assert_cmpuint (edge->from_row, <, fr->rows->len);
          g_assert_cmpfloat (fabs (pt[0] - fr->x - fr->width), <, 0.01);
        }

      /* It ends on a side of the target's header. */
      g_assert_cmpuint (n, >=, 2);
      g_assert_true (fabs (pt[2 * (n - 1)] - to->x) < 0.01
                     || fabs (pt[2 * (n - 1)] - to->x - to->width) < 0.01);
      g_assert_cmpfloat (pt[2 * (n - 1) + 1], >, to->y);
      g_assert_cmpfloat (pt[2 * (n - 1) + 1], <, to->y + HS_LAYOUT_HEADER_HEIGHT);

      /* Axis-aligned, and never through a card or a frame. */
      for (guint k = 0; k + 1 < n; k++)
        {
          double x0 = pt[2 * k], y0 = pt[2 * k + 1], x1 = pt[2 * k + 2], y1 = pt[2 * k + 3];

          g_assert_true (fabs (x0 - x1) < 0.01 || fabs (y0 - y1) < 0.01);
          for (guint c = 0; c < n_cards; c++)
            {
              const HsLayoutCard *card = hs_layout_get_card (layout, c);

              if (segment_crosses (x0, y0, x1, y1, card->x, card->y, card->width, card->height))
                g_error ("edge %u (%s) crosses card %" G_GUINT64_FORMAT, e, edge->label, card->id);
            }
          for (guint f = 0; f < n_frames; f++)
            {
              const HsLayoutFrame *fr = hs_layout_get_frame (layout, f);

              if (segment_crosses (x0, y0, x1, y1, fr->x, fr->y, fr->width, fr->height))
                g_error ("edge %u (%s) crosses frame %u", e, edge->label, f);
            }
        }
    }
}

guint
render_test_count (const char *haystack,
                   const char *needle)
{
  guint n = 0;
  gsize len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;

  return n;
}

/* A colour as cairo's SVG surface writes it: rgb(13%,2%,3%). */
static void
append_percent (GString *s,
                double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *p;

  g_ascii_formatd (buf, sizeof buf, "%f", v * 100);
  p = buf + strlen (buf) - 1;
  while (p > buf && *p == '0')
    *p-- = '\0';
  if (*p == '.')
    *p = '\0';
  g_string_append_printf (s, "%s%%", buf);
}

char *
render_test_rgb (double r,
                 double g,
                 double b)
{
  GString *s = g_string_new ("rgb(");

  append_percent (s, r);
  g_string_append_c (s, ',');
  append_percent (s, g);
  g_string_append_c (s, ',');
  append_percent (s, b);
  g_string_append_c (s, ')');

  return g_string_free (s, FALSE);
}
