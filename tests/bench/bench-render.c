/* bench-render.c — how fast the heap diagram is laid out, painted and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-render SNIPPET.py DOT-OUT [RUNS]
 *
 * Runs SNIPPET.py, takes the heap at its last line (building that state is
 * the engine's work and is not timed), then times, as medians over RUNS:
 *   - layout: a fresh HsLayout laying the whole heap out;
 *   - step: updating a laid-out heap to the next step (one object more);
 *   - paint: a 1920×1080 viewport at 100 % into an image surface, with a
 *     fresh painter (cold: every string shaped) and a reused one (warm);
 *   - fit: the whole heap scaled into 1920×1080 (level of detail);
 *   - svg: the whole drawing exported as SVG.
 * Writes the DOT export to DOT-OUT (for `dot -Tsvg`, timed by
 * bench-render.py) and prints one JSON object on stdout.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "hs-export.h"
#include "hs-layout.h"
#include "hs-painter.h"
#include "hs-trace.h"

#define VIEW_WIDTH  1920
#define VIEW_HEIGHT 1080

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
paint (HsPainter *painter,
       HsLayout  *layout,
       double     zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  HsPaintOptions options = { NULL, TRUE, FALSE, NULL, NULL, NULL, 0 };

  cairo_scale (cr, zoom, zoom);
  hs_painter_draw (painter, cr, layout, &options);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsDiagnostic) diagnostic = NULL;
  g_autoptr(HsTrace) trace = NULL;
  g_autoptr(HsHeapState) state = NULL;
  g_autoptr(HsHeapState) next = NULL;
  g_autoptr(HsLayout) reference = NULL;
  g_autofree char *source = NULL;
  g_autofree char *dot = NULL;
  g_autofree double *t_layout = NULL, *t_step = NULL, *t_cold = NULL, *t_warm = NULL;
  g_autofree double *t_fit = NULL, *t_svg = NULL, *t_total = NULL;
  g_autoptr(GError) error = NULL;
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 7;
  guint64 n_steps, step;
  gsize len;
  double t0, engine_s, zoom;
  HsRect bounds;
  guint lanes = 0;

  if (argc < 3 || runs == 0)
    {
      fprintf (stderr, "usage: %s SNIPPET.py DOT-OUT [RUNS]\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &source, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  t0 = now_ms ();
  trace = hs_trace_new (source, len, argv[1], 0, NULL, &diagnostic);
  if (trace == NULL)
    {
      fprintf (stderr, "%s\n", diagnostic->message);
      return 2;
    }
  n_steps = hs_trace_get_n_steps (trace);
  /* The last two line steps (the final step is the end of the program). */
  step = n_steps >= 3 ? n_steps - 3 : 0;
  state = hs_trace_get_state (trace, step);
  next = hs_trace_get_state (trace, MIN (step + 1, n_steps - 1));
  engine_s = (now_ms () - t0) / 1000.0;

  t_layout = g_new (double, runs);
  t_step = g_new (double, runs);
  t_cold = g_new (double, runs);
  t_warm = g_new (double, runs);
  t_fit = g_new (double, runs);
  t_svg = g_new (double, runs);
  t_total = g_new (double, runs);

  reference = hs_layout_new ();
  hs_layout_update (reference, state);
  hs_layout_get_bounds (reference, &bounds);
  zoom = MIN (VIEW_WIDTH / bounds.width, VIEW_HEIGHT / bounds.height);
  for (guint i = 0; i < hs_layout_get_n_edges (reference); i++)
    if (hs_layout_get_edge (reference, i)->route == HS_ROUTE_LANE)
      lanes++;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(HsLayout) layout = hs_layout_new ();
      g_autoptr(HsPainter) painter = hs_painter_new ();
      g_autoptr(HsPainter) fit_painter = hs_painter_new ();
      g_autoptr(GBytes) svg = NULL;
      double a, b, c;

      a = now_ms ();
      hs_layout_update (layout, state);
      b = now_ms ();
      paint (painter, layout, 1.0);
      c = now_ms ();
      t_layout[r] = b - a;
      t_cold[r] = c - b;
      t_total[r] = c - a;

      a = now_ms ();
      paint (painter, layout, 1.0);
      t_warm[r] = now_ms () - a;

      a = now_ms ();
      paint (fit_painter, layout, zoom);
      t_fit[r] = now_ms () - a;

      a = now_ms ();
      hs_layout_update (layout, next);
      t_step[r] = now_ms () - a;

      a = now_ms ();
      svg = hs_export_to_bytes (reference, HS_EXPORT_FORMAT_SVG, NULL, &error);
      t_svg[r] = now_ms () - a;
      g_assert_no_error (error);
    }

  dot = hs_export_dot_string (reference, NULL);
  if (!g_file_set_contents (argv[2], dot, -1, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  printf ("{\"objects\": %u, \"frames\": %u, \"edges\": %u, \"lane_edges\": %u, "
          "\"width\": %.0f, \"height\": %.0f, \"engine_s\": %.3f, \"runs\": %u, "
          "\"layout_ms\": %.3f, \"step_ms\": %.3f, \"paint_cold_ms\": %.3f, "
          "\"paint_warm_ms\": %.3f, \"layout_paint_ms\": %.3f, \"fit_ms\": %.3f, "
          "\"svg_ms\": %.3f}\n",
          hs_layout_get_n_cards (reference), hs_layout_get_n_frames (reference),
          hs_layout_get_n_edges (reference), lanes, bounds.width, bounds.height, engine_s, runs,
          median (t_layout, runs), median (t_step, runs), median (t_cold, runs),
          median (t_warm, runs), median (t_total, runs), median (t_fit, runs),
          median (t_svg, runs));

  return 0;
}
