/* test-export.c — PNG, SVG, PDF and DOT exports of the heap diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with DISPLAY and WAYLAND_DISPLAY unset: exporting never needs a
 * display. The SVG checks draw with a palette that gives every role its own
 * colour, so counting colours in the file counts cards, arrows and labels.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-svg.h>
#include <glib/gstdio.h>

#include "hs-export.h"
#include "hs-painter.h"
#include "render-test-util.h"

/* The seed's first example, in other words. */
static const char *alias_snippet =
  "x = 10\n"
  "y = x\n"
  "print(x is y)\n";

/* The seed's reference-counting walk-through. */
static const char *lists_snippet =
  "mine = [1, 2, 3]\n"
  "theirs = mine\n"
  "mine = [4, 5, 6]\n"
  "del theirs\n"
  "print(mine)\n";

/* The seed's leak: two objects pointing at each other. */
static const char *cycle_snippet =
  "import gc\n"
  "\n"
  "class Box:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "\n"
  "a = Box('A')\n"
  "b = Box('B')\n"
  "a.other = b\n"
  "b.other = a\n"
  "del a\n"
  "del b\n"
  "gc.collect()\n"
  "print('done')\n";

/* A palette with one colour per role. */
static HsPalette *
unique_palette (void)
{
  HsPalette *pal = g_new0 (HsPalette, 1);
  HsColor *colors = (HsColor *) pal;
  guint n = sizeof (HsPalette) / sizeof (HsColor);

  G_STATIC_ASSERT (sizeof (HsPalette) % sizeof (HsColor) == 0);
  g_assert_cmpuint (n, <, 99);
  for (guint i = 0; i < n; i++)
    colors[i] = (HsColor) { (i + 1) / 100.0, 0.02, 0.03, 1.0 };

  return pal;
}

static char *
render_svg (HsLayout              *layout,
            const HsPaintOptions  *options)
{
  g_autoptr(HsPainter) painter = hs_painter_new ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  hs_painter_get_size (painter, layout, options, &w, &h);
  {
    char *path = NULL;
    int fd = g_file_open_tmp ("hs-test-XXXXXX.svg", &path, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (fd, >=, 0);
    close (fd);
    surface = cairo_svg_surface_create (path, w, h);
    cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    cr = cairo_create (surface);
    hs_painter_draw (painter, cr, layout, options);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_finish (surface);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_unlink (path);
    g_free (path);
    g_byte_array_append (out, (guint8 *) contents, strlen (contents) + 1);
  }

  return (char *) g_byte_array_free (g_steal_pointer (&out), FALSE);
}

static guint
count_fills (const char    *svg,
             const HsColor *c)
{
  g_autofree char *rgb = render_test_rgb (c->red, c->green, c->blue);
  g_autofree char *needle = g_strdup_printf ("fill-rule:nonzero;fill:%s;", rgb);

  return render_test_count (svg, needle);
}

static guint
count_strokes (const char    *svg,
               const HsColor *c)
{
  g_autofree char *rgb = render_test_rgb (c->red, c->green, c->blue);
  g_autofree char *needle = g_strdup_printf ("stroke:%s;", rgb);

  return render_test_count (svg, needle);
}

/* Text runs drawn in @c (cairo writes one <g> per run). */
static guint
count_texts (const char    *svg,
             const HsColor *c)
{
  g_autofree char *rgb = render_test_rgb (c->red, c->green, c->blue);
  g_autofree char *needle = g_strdup_printf ("<g style=\"fill:%s;", rgb);

  return render_test_count (svg, needle);
}

typedef struct
{
  guint cards;
  guint names;        /* name → object arrows */
  guint refs;         /* object → object arrows */
  guint garbage;      /* arrows inside a leaked cycle */
  guint row_labels;   /* names and attributes (drawn in the text colour) */
} Golden;

static void
check_svg (const char   *source,
           int           line,
           const Golden *golden)
{
  g_autoptr(HsTrace) trace = render_test_trace (source);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, render_test_step_of_line (trace, line));
  g_autofree HsPalette *pal = unique_palette ();
  HsPaintOptions options = { pal, TRUE, FALSE, NULL, NULL, NULL, 0 };
  g_autofree char *svg = render_svg (layout, &options);
  const HsStateColors *states[] = {
    &pal->alive, &pal->shared, &pal->unreachable, &pal->finalizing, &pal->freed,
    &pal->gc_examined, &pal->gc_tentative, &pal->gc_resurrected, &pal->gc_clear,
  };
  guint cards = 0, labels = 0;

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "width=\""));
  g_assert_nonnull (strstr (svg, "px\""));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    cards += count_fills (svg, &states[i]->fill);
  g_assert_cmpuint (cards, ==, hs_layout_get_n_cards (layout));
  g_assert_cmpuint (cards, ==, golden->cards);

  g_assert_cmpuint (count_strokes (svg, &pal->arrow_binding), ==, golden->names);
  g_assert_cmpuint (count_strokes (svg, &pal->arrow), ==, golden->refs);
  g_assert_cmpuint (count_strokes (svg, &pal->arrow_garbage), ==, golden->garbage);
  g_assert_cmpuint (golden->names + golden->refs + golden->garbage, ==,
                    hs_layout_get_n_edges (layout));
  /* Every arrow has a head and a tail dot. */
  g_assert_cmpuint (count_fills (svg, &pal->arrow_binding), ==, 2 * golden->names);

  /* Text in the text colour: card titles, frame titles, then the labels. */
  labels = count_texts (svg, &pal->text) - hs_layout_get_n_cards (layout)
           - hs_layout_get_n_frames (layout);
  g_assert_cmpuint (labels, ==, golden->row_labels);
}

static void
test_svg_alias (void)
{
  /* One shared int, two names pointing at it. */
  Golden golden = { .cards = 1, .names = 2, .refs = 0, .garbage = 0, .row_labels = 2 };

  check_svg (alias_snippet, 3, &golden);
}

static void
test_svg_lists (void)
{
  /* At `del theirs`: two lists, six shared ints, two names. */
  Golden golden = { .cards = 8, .names = 2, .refs = 6, .garbage = 0, .row_labels = 2 };

  check_svg (lists_snippet, 4, &golden);
}

static void
test_svg_cycle (void)
{
  /* At gc.collect(): the class and its __init__, two Box objects and
   * their names; `gc` and `Box` are names, `__init__`, `name` ×2 and
   * `other` ×2 attributes; the two `other` arrows belong to the leak. */
  Golden golden = { .cards = 6, .names = 1, .refs = 3, .garbage = 2, .row_labels = 7 };

  check_svg (cycle_snippet, 13, &golden);
}

static HsLayout *
layout_of (const char *source,
           int         line)
{
  g_autoptr(HsTrace) trace = render_test_trace (source);

  return hs_export_layout_step (trace, render_test_step_of_line (trace, line),
                                HS_EXPORT_DEFAULT_HISTORY);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint8 *data = cairo_image_surface_get_data (surface);

  return *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static cairo_surface_t *
load_png (GBytes *bytes)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("hs-test-XXXXXX.png", &path, NULL);
  cairo_surface_t *surface;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, len), ==, (gssize) len);
  close (fd);
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static void
test_png (void)
{
  g_autoptr(HsLayout) layout = layout_of (cycle_snippet, 13);
  g_autoptr(HsPainter) painter = hs_painter_new ();
  HsExportOptions options = { HS_THEME_LIGHT, 1.0, FALSE, "Line 13", "gc.collect()", NULL };
  HsPaintOptions paint = { NULL, TRUE, TRUE, "Line 13", "gc.collect()", NULL, 0 };
  const HsPalette *pal = hs_palette_get (HS_THEME_LIGHT);
  guint32 background = 0xff000000 | (guint32) (pal->background.red * 255) << 16
                       | (guint32) (pal->background.green * 255) << 8
                       | (guint32) (pal->background.blue * 255);
  double w, h;

  hs_painter_get_size (painter, layout, &paint, &w, &h);

  for (double scale = 1; scale <= 2; scale += 1)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      cairo_surface_t *surface;
      guint drawn = 0, total;
      const HsLayoutCard *card = hs_layout_get_card (layout, 0);
      int cx, cy;

      options.scale = scale;
      bytes = hs_export_to_bytes (layout, HS_EXPORT_FORMAT_PNG, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);

      surface = load_png (bytes);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (w * scale));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (h * scale));

      /* Opaque everywhere, with a good share of non-background pixels. */
      total = cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface);
      for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
        for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
          {
            guint32 px = pixel_at (surface, x, y);

            g_assert_cmphex (px >> 24, ==, 0xff);
            if (px != background)
              drawn++;
          }
      g_test_message ("scale %g: %u of %u pixels drawn", scale, drawn, total);
      g_assert_cmpuint (drawn, >, total / 10);

      /* Inside a card's header band, clear of its text and pills. */
      cx = (int) ((card->x + card->width - 4) * scale);
      cy = (int) ((card->y + HS_LAYOUT_HEADER_HEIGHT - 3
                   + hs_painter_get_diagram_offset (painter, &paint)) * scale);
      g_assert_cmphex (pixel_at (surface, cx, cy) & 0xffffff, !=, background & 0xffffff);
      cairo_surface_destroy (surface);
    }
}

static void
test_dark (void)
{
  g_autoptr(HsLayout) layout = layout_of (alias_snippet, 3);
  HsExportOptions options = { HS_THEME_DARK, 1.0, FALSE, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hs_export_to_bytes (layout, HS_EXPORT_FORMAT_PNG, &options, &error);
  cairo_surface_t *surface;
  guint32 px;

  g_assert_no_error (error);
  surface = load_png (bytes);
  px = pixel_at (surface, 2, 2);
  /* The dark palette's background, #1e1e1e. */
  g_assert_cmphex (px, ==, 0xff1e1e1e);
  cairo_surface_destroy (surface);
}

static guint
count_pages (const char *pdf,
             gsize       len)
{
  guint pages = 0;

  for (gsize i = 0; i + 10 < len; i++)
    if (memcmp (pdf + i, "/Type /Page", 11) == 0 && pdf[i + 11] != 's')
      pages++;

  return pages;
}

static void
test_pdf (void)
{
  g_autoptr(HsLayout) layout = layout_of (cycle_snippet, 13);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hs_export_to_bytes (layout, HS_EXPORT_FORMAT_PDF, NULL, &error);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  gsize len;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_cmpuint (count_pages (data, len), ==, 1);

  if (pdfinfo != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      int fd = g_file_open_tmp ("hs-test-XXXXXX.pdf", &path, NULL);
      int status;

      g_assert_cmpint (write (fd, data, len), ==, (gssize) len);
      close (fd);
      g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, path, NULL }, NULL, 0, NULL, NULL,
                                   &out, NULL, &status, NULL));
      g_unlink (path);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_regex_match_simple ("^Pages: +1$", out, G_REGEX_MULTILINE, 0));
    }
}

static void
test_svg_units (void)
{
  g_autoptr(HsLayout) layout = layout_of (alias_snippet, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hs_export_to_bytes (layout, HS_EXPORT_FORMAT_SVG, NULL, &error);
  g_autoptr(HsPainter) painter = hs_painter_new ();
  HsPaintOptions paint = { NULL, TRUE, TRUE, NULL, NULL, NULL, 0 };
  g_autofree char *svg = NULL;
  g_autofree char *size = NULL;
  double w, h;

  g_assert_no_error (error);
  svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  hs_painter_get_size (painter, layout, &paint, &w, &h);
  size = g_strdup_printf ("width=\"%gpx\" height=\"%gpx\"", w, h);
  g_assert_nonnull (strstr (svg, size));
}

static void
test_dot (void)
{
  g_autoptr(HsLayout) layout = layout_of (cycle_snippet, 13);
  HsExportOptions options = { HS_THEME_LIGHT, 1.0, FALSE, "Line 13", "gc.collect()", NULL };
  g_autofree char *dot = hs_export_dot_string (layout, &options);
  g_autofree char *program = g_find_program_in_path ("dot");
  g_autofree char *path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint nodes = 0, edges = 0;
  int fd, status;

  g_assert_true (g_str_has_prefix (dot, "digraph heap {"));
  g_assert_nonnull (strstr (dot, "label=\"other\""));
  g_assert_nonnull (strstr (dot, "unreachable"));
  g_assert_cmpuint (render_test_count (dot, " -> "), ==, hs_layout_get_n_edges (layout));

  if (program == NULL)
    {
      g_test_skip ("Graphviz dot is not installed");
      return;
    }

  fd = g_file_open_tmp ("hs-test-XXXXXX.dot", &path, NULL);
  g_assert_cmpint (write (fd, dot, strlen (dot)), ==, (gssize) strlen (dot));
  close (fd);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { program, "-Tplain", path, NULL }, NULL, 0,
                               NULL, NULL, &plain, &err, &status, NULL));
  g_unlink (path);
  g_test_message ("dot stderr: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");

  lines = g_strsplit (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "node "))
        nodes++;
      else if (g_str_has_prefix (lines[i], "edge "))
        edges++;
    }
  g_assert_cmpuint (nodes, ==, hs_layout_get_n_cards (layout) + hs_layout_get_n_frames (layout));
  g_assert_cmpuint (edges, ==, hs_layout_get_n_edges (layout));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
test_errors (void)
{
  g_autoptr(HsLayout) layout = layout_of (alias_snippet, 3);
  g_autofree char *dir = g_dir_make_tmp ("hs-export-XXXXXX", NULL);
  g_autofree char *existing = g_build_filename (dir, "keep.png", NULL);
  g_autofree char *as_dir = g_build_filename (dir, "folder.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HsExportOptions huge = { HS_THEME_LIGHT, 10.0, FALSE, NULL, NULL, NULL };

  /* A directory that does not exist. */
  g_assert_false (hs_export_to_file (layout, HS_EXPORT_FORMAT_PNG, NULL,
                                     "/nonexistent-hs-dir/heap.png", &error));
  g_assert_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==,
                   "cannot write /nonexistent-hs-dir/heap.png: No such file or directory");
  g_clear_error (&error);

  /* The target is a directory: the temporary file is removed again. */
  g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
  g_assert_false (hs_export_to_file (layout, HS_EXPORT_FORMAT_SVG, NULL, as_dir, &error));
  g_assert_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A failed export leaves an existing file as it was. */
  g_assert_true (g_file_set_contents (existing, "precious", -1, NULL));
  {
    g_autoptr(HsTrace) trace = render_test_trace ("xs = [[i] for i in range(200)]\nprint(len(xs))\n");
    g_autoptr(HsLayout) big = hs_export_layout_step (trace, render_test_step_of_line (trace, 2), 0);

    g_assert_false (hs_export_to_file (big, HS_EXPORT_FORMAT_PNG, &huge, existing, &error));
    g_assert_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* Unwritable directory (root ignores permissions, so only as a user). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "heap.pdf", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (hs_export_to_file (layout, HS_EXPORT_FORMAT_PDF, NULL, target, &error));
      g_assert_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
      g_clear_error (&error);
      g_assert_cmpuint (count_entries (locked), ==, 0);
      g_rmdir (locked);
    }

  /* Success replaces the file, leaving nothing else behind. */
  g_assert_true (hs_export_to_file (layout, HS_EXPORT_FORMAT_PNG, NULL, existing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_unlink (existing);
  g_rmdir (as_dir);
  g_rmdir (dir);
}

/* Painting at a tiny zoom (bars instead of text) and through a small clip
 * works and stays inside what it was asked to draw. */
static void
test_zoom_and_clip (void)
{
  g_autoptr(HsLayout) layout = layout_of (cycle_snippet, 13);
  g_autoptr(HsPainter) painter = hs_painter_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 0.2, 0.2);
  hs_painter_draw (painter, cr, layout, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  cr = cairo_create (surface);
  cairo_rectangle (cr, 10, 10, 20, 20);
  cairo_clip (cr);
  hs_painter_draw (painter, cr, layout, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  /* Exports must work on a machine without a display. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/svg/alias", test_svg_alias);
  g_test_add_func ("/render/export/svg/lists", test_svg_lists);
  g_test_add_func ("/render/export/svg/cycle", test_svg_cycle);
  g_test_add_func ("/render/export/svg/units", test_svg_units);
  g_test_add_func ("/render/export/png", test_png);
  g_test_add_func ("/render/export/dark", test_dark);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/export/dot", test_dot);
  g_test_add_func ("/render/export/errors", test_errors);
  g_test_add_func ("/render/export/zoom-and-clip", test_zoom_and_clip);

  return g_test_run ();
}
