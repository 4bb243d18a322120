/* test-text-metrics.c — text measures the same on screen, PNG, SVG and PDF surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer lays cards out from text sizes, so the layout (and every
 * export) only matches the window if all surfaces measure text alike. Cairo
 * hints metrics on image surfaces but not on vector ones; switching hinting
 * off per layout makes them agree. This pins that down before the renderer
 * depends on it.
 */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

typedef enum
{
  SURFACE_IMAGE,
  SURFACE_SVG,
  SURFACE_PDF,
  N_SURFACES
} SurfaceKind;

static cairo_surface_t *
create_surface (SurfaceKind kind)
{
  switch (kind)
    {
    case SURFACE_IMAGE:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 100);
    case SURFACE_SVG:
      return cairo_svg_surface_create (NULL, 400, 100);
    case SURFACE_PDF:
    case N_SURFACES:
    default:
      return cairo_pdf_surface_create (NULL, 400, 100);
    }
}

static void
measure (SurfaceKind  kind,
         const char  *font,
         const char  *text,
         gboolean     hint_metrics,
         int         *width,
         int         *height)
{
  cairo_surface_t *surface = create_surface (kind);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  if (!hint_metrics)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
      pango_layout_context_changed (layout);
      cairo_font_options_destroy (options);
    }

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, width, height);

  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_same_metrics (void)
{
  static const char *fonts[] = { "Sans 9", "Sans Bold 11", "Monospace 10" };
  static const char *texts[] = {
    "list  refcount 2",
    "Node.__del__ → gc.collect()",
    "[1, 2, 3]\n<weakref at 0x7f…>",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      {
        int image_w, image_h;

        measure (SURFACE_IMAGE, fonts[f], texts[t], FALSE, &image_w, &image_h);
        g_assert_cmpint (image_w, >, 0);
        g_assert_cmpint (image_h, >, 0);

        for (SurfaceKind kind = SURFACE_SVG; kind < N_SURFACES; kind++)
          {
            int w, h;

            measure (kind, fonts[f], texts[t], FALSE, &w, &h);
            g_test_message ("%s, text %u, surface %d: %dx%d vs image %dx%d",
                            fonts[f], t, kind, w, h, image_w, image_h);
            g_assert_cmpint (w, ==, image_w);
            g_assert_cmpint (h, ==, image_h);
          }
      }
}

/* With hinting off, a layout scaled by the cairo matrix measures the same
 * in user space: zooming the view must not reflow the cards. */
static void
test_scale_independent (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans 9");
  cairo_font_options_t *options = cairo_font_options_create ();
  int w1, h1, w2, h2;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "refcount 3", -1);
  pango_layout_get_size (layout, &w1, &h1);

  cairo_scale (cr, 2.0, 2.0);
  pango_cairo_update_layout (cr, layout);
  pango_layout_get_size (layout, &w2, &h2);

  g_assert_cmpint (w1, ==, w2);
  g_assert_cmpint (h1, ==, h2);

  cairo_font_options_destroy (options);
  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/text-metrics/same-on-every-surface", test_same_metrics);
  g_test_add_func ("/render/text-metrics/scale-independent", test_scale_independent);

  return g_test_run ();
}
