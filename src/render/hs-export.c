/* hs-export.c — write the heap diagram to PNG, SVG, PDF or Graphviz DOT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PNG, SVG and PDF go through the same painter as the app. Every format is
 * produced in memory first and then written with g_file_set_contents(),
 * which writes a temporary file next to the target and renames it: a
 * failed export never leaves a half-written file, and never touches an
 * existing one.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include "hs-export.h"
#include "hs-painter-private.h"

/* Cairo image surfaces are limited to 32767 pixels a side; the memory cap
 * keeps a huge heap at a big --scale from exhausting RAM (400 MB). */
#define PNG_MAX_SIDE   32767
#define PNG_MAX_PIXELS (100.0 * 1000 * 1000)
/* Vector formats use CSS pixels: 1 diagram unit = 1 px = 0.75 pt. */
#define PT_PER_PX      0.75

G_DEFINE_QUARK (hs-export-error-quark, hs_export_error)

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
paint_options (const HsExportOptions *options,
               HsPaintOptions        *paint)
{
  memset (paint, 0, sizeof *paint);
  paint->palette = hs_palette_get (options != NULL ? options->theme : HS_THEME_LIGHT);
  paint->background = TRUE;
  paint->legend = options == NULL || !options->no_legend;
  if (options != NULL)
    {
      paint->caption_title = options->caption_title;
      paint->caption_code = options->caption_code;
      paint->caption_detail = options->caption_detail;
    }
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_FAILED,
               "cannot draw the diagram: %s", cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
render_png (HsLayout              *layout,
            const HsExportOptions *options,
            GError               **error)
{
  g_autoptr(HsPainter) painter = hs_painter_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  HsPaintOptions paint;
  double scale = options != NULL && options->scale > 0 ? options->scale : 1.0;
  double w, h;
  int pw, ph;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  paint_options (options, &paint);
  hs_painter_get_size (painter, layout, &paint, &w, &h);
  pw = (int) ceil (w * scale);
  ph = (int) ceil (h * scale);
  if (pw > PNG_MAX_SIDE || ph > PNG_MAX_SIDE || (double) pw * ph > PNG_MAX_PIXELS)
    {
      g_set_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_TOO_LARGE,
                   "the diagram is too large for a PNG at scale %g (%d\u00d7%d pixels); "
                   "use .svg or .pdf, or a smaller scale", scale, pw, ph);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (pw, 1), MAX (ph, 1));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hs_painter_draw (painter, cr, layout, &paint);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GBytes *
render_vector (HsLayout              *layout,
               HsExportFormat         format,
               const HsExportOptions *options,
               GError               **error)
{
  g_autoptr(HsPainter) painter = hs_painter_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  HsPaintOptions paint;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  paint_options (options, &paint);
  hs_painter_get_size (painter, layout, &paint, &w, &h);

  if (format == HS_EXPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, w, h);
      /* Cairo 1.16 defaults to pt, which renders 1.33× too large. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                   w * PT_PER_PX, h * PT_PER_PX);

  cr = cairo_create (surface);
  if (format == HS_EXPORT_FORMAT_PDF)
    cairo_scale (cr, PT_PER_PX, PT_PER_PX);
  hs_painter_draw (painter, cr, layout, &paint);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* SVG and PDF are only complete after finish. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* DOT --------------------------------------------------------------------- */

static void
append_html (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *s = valid; *s != '\0'; s++)
    {
      switch (*s)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        default:
          if ((guchar) *s < 0x20)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *s);
        }
    }
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *s = valid; *s != '\0'; s++)
    {
      if (*s == '"' || *s == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *s < 0x20)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
}

static void
append_color (GString       *out,
              const HsColor *c)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (int) round (c->red * 255), (int) round (c->green * 255),
                          (int) round (c->blue * 255));
}

static void
append_rows (GString            *out,
             HsLayout           *layout,
             const HsPalette    *pal,
             GArray             *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const HsLayoutRow *row = &g_array_index (rows, HsLayoutRow, i);
      const HsLayoutCard *target = row->target != 0 ? hs_layout_lookup_card (layout, row->target) : NULL;

      g_string_append (out, "<TR>");
      if (row->kind == HS_ROW_MORE)
        {
          g_string_append_printf (out, "<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><I>\u2026 %u more</I></TD></TR>",
                                  row->n_targets);
          continue;
        }
      if (row->kind == HS_ROW_SUBFRAME)
        {
          g_string_append (out, "<TD COLSPAN=\"2\" ALIGN=\"LEFT\" BGCOLOR=\"");
          append_color (out, &pal->frame_header);
          g_string_append (out, "\"><B>");
          append_html (out, row->label);
          g_string_append (out, "</B></TD></TR>");
          continue;
        }
      g_string_append (out, "<TD ALIGN=\"LEFT\">");
      if (row->kind == HS_ROW_TEMPS)
        g_string_append (out, "<I>temporaries</I>");
      else
        append_html (out, row->label);
      g_string_append_printf (out, "</TD><TD ALIGN=\"RIGHT\" PORT=\"r%u\">", i);
      if (row->kind != HS_ROW_TEMPS)
        {
          if (row->target == 0)
            g_string_append (out, "<I>unbound</I>");
          else if (target == NULL)
            g_string_append (out, "<I>built-in</I>");
          else if (_hs_painter_is_primitive (target->type_name))
            append_html (out, target->value);
          else
            g_string_append (out, " ");
        }
      g_string_append (out, "</TD></TR>");
    }
}

static void
append_frame (GString             *out,
              HsLayout            *layout,
              const HsPalette     *pal,
              guint                index,
              const HsLayoutFrame *frame)
{
  g_string_append_printf (out, "  f%u [label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                          "CELLPADDING=\"3\" BGCOLOR=\"", index);
  append_color (out, &pal->frame_fill);
  g_string_append (out, "\" COLOR=\"");
  append_color (out, frame->current ? &pal->frame_current : &pal->frame_border);
  g_string_append (out, "\"><TR><TD ALIGN=\"LEFT\" BGCOLOR=\"");
  append_color (out, &pal->frame_header);
  g_string_append (out, "\"><B>");
  if (g_strcmp0 (frame->function, "<module>") == 0)
    g_string_append (out, "Global frame");
  else
    {
      append_html (out, frame->function);
      g_string_append (out, "()");
    }
  g_string_append (out, "</B></TD><TD ALIGN=\"RIGHT\" BGCOLOR=\"");
  append_color (out, &pal->frame_header);
  if (frame->line > 0)
    g_string_append_printf (out, "\">line %d</TD></TR>", frame->line);
  else
    g_string_append (out, "\">end</TD></TR>");
  append_rows (out, layout, pal, frame->rows);
  g_string_append (out, "</TABLE>>];\n");
}

static void
append_card (GString            *out,
             HsLayout           *layout,
             const HsPalette    *pal,
             const HsLayoutCard *card)
{
  const HsStateColors *colors = _hs_painter_card_colors (pal, card);
  g_autofree char *refs = _hs_painter_format_refcount (card->refcount);
  g_autofree char *tag = _hs_painter_card_tag (card);

  g_string_append_printf (out, "  o%" G_GUINT64_FORMAT " [label=<<TABLE BORDER=\"%d\" "
                          "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" STYLE=\"ROUNDED\" "
                          "BGCOLOR=\"", card->id, tag != NULL ? 2 : 1);
  append_color (out, &colors->fill);
  g_string_append (out, "\" COLOR=\"");
  append_color (out, &colors->border);
  g_string_append (out, "\">");
  if (tag != NULL)
    {
      g_string_append (out, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BGCOLOR=\"");
      append_color (out, &colors->tag);
      g_string_append (out, "\"><FONT COLOR=\"");
      append_color (out, &colors->tag_text);
      g_string_append (out, "\"><B>");
      append_html (out, tag);
      g_string_append (out, "</B></FONT></TD></TR>");
    }
  g_string_append (out, "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"");
  append_color (out, &colors->header);
  g_string_append (out, "\"><B>");
  append_html (out, card->type_name);
  g_string_append (out, "</B></TD><TD ALIGN=\"RIGHT\" BGCOLOR=\"");
  append_color (out, &colors->header);
  g_string_append (out, "\">");
  if (card->state == HS_OBJECT_FREED)
    g_string_append (out, "0 refs");
  else
    {
      append_html (out, refs);
      g_string_append (out, " \u00b7 ");
      append_html (out, _hs_painter_generation_text (card));
    }
  g_string_append (out, "</TD></TR>");
  if (card->show_value && card->value != NULL)
    {
      g_string_append (out, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT FACE=\"DejaVu Sans Mono\">");
      append_html (out, card->value);
      g_string_append (out, "</FONT></TD></TR>");
    }
  append_rows (out, layout, pal, card->rows);
  g_string_append (out, "</TABLE>>];\n");
}

/**
 * hs_export_dot_string:
 * @layout: a laid-out step
 * @options: (nullable): theme and caption
 *
 * The same frames, cards, arrows and labels as the picture, as a Graphviz
 * graph (HTML-like labels with one port per row).
 *
 * Returns: (transfer full): the DOT source
 */
char *
hs_export_dot_string (HsLayout              *layout,
                      const HsExportOptions *options)
{
  const HsPalette *pal = hs_palette_get (options != NULL ? options->theme : HS_THEME_LIGHT);
  GString *out = g_string_new ("digraph heap {\n  graph [rankdir=LR, nodesep=0.3, ranksep=0.8, "
                               "fontname=\"DejaVu Sans\", bgcolor=\"");

  g_return_val_if_fail (layout != NULL, NULL);

  append_color (out, &pal->background);
  g_string_append (out, "\"");
  if (options != NULL && options->caption_title != NULL)
    {
      g_autofree char *caption = g_strjoin ("  ", options->caption_title,
                                            options->caption_code != NULL ? options->caption_code : "",
                                            NULL);

      g_string_append (out, ", labelloc=t, labeljust=l, fontsize=14, fontcolor=\"");
      append_color (out, &pal->text);
      g_string_append (out, "\", label=");
      append_quoted (out, caption);
    }
  g_string_append (out, "];\n  node [shape=plaintext, fontname=\"DejaVu Sans\", fontsize=10, fontcolor=\"");
  append_color (out, &pal->text);
  g_string_append (out, "\"];\n  edge [fontname=\"DejaVu Sans\", fontsize=9, arrowsize=0.7, fontcolor=\"");
  append_color (out, &pal->muted);
  g_string_append (out, "\"];\n");

  for (guint i = 0; i < hs_layout_get_n_frames (layout); i++)
    append_frame (out, layout, pal, i, hs_layout_get_frame (layout, i));
  if (hs_layout_get_n_frames (layout) > 0)
    {
      g_string_append (out, "  { rank=source;");
      for (guint i = 0; i < hs_layout_get_n_frames (layout); i++)
        g_string_append_printf (out, " f%u;", i);
      g_string_append (out, " }\n");
    }
  for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
    append_card (out, layout, pal, hs_layout_get_card (layout, i));

  for (guint i = 0; i < hs_layout_get_n_edges (layout); i++)
    {
      const HsLayoutEdge *e = hs_layout_get_edge (layout, i);
      const HsColor *color;
      const char *style = NULL;

      if (e->from != 0)
        g_string_append_printf (out, "  o%" G_GUINT64_FORMAT ":r%u:e -> o%" G_GUINT64_FORMAT " [label=",
                                e->from, e->from_row, e->to);
      else
        g_string_append_printf (out, "  f%u:r%u:e -> o%" G_GUINT64_FORMAT " [label=",
                                e->from_frame, e->from_row, e->to);
      append_quoted (out, e->label);
      switch (e->link)
        {
        case HS_LINK_NAME:
          color = &pal->arrow_binding;
          break;
        case HS_LINK_WEAK:
          color = &pal->arrow_weak;
          style = "dashed";
          break;
        case HS_LINK_TEMP:
          color = &pal->arrow_temp;
          style = "dotted";
          break;
        case HS_LINK_REF:
        default:
          color = e->garbage ? &pal->arrow_garbage : &pal->arrow;
          break;
        }
      g_string_append (out, ", color=\"");
      append_color (out, color);
      g_string_append (out, "\"");
      if (style != NULL)
        g_string_append_printf (out, ", style=%s", style);
      g_string_append (out, "];\n");
    }
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

/* Files ------------------------------------------------------------------- */

/**
 * hs_export_to_bytes:
 * @layout: a laid-out step
 * @format: the file format
 * @options: (nullable): theme, scale, caption
 * @error: return location for an error
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
hs_export_to_bytes (HsLayout               *layout,
                    HsExportFormat          format,
                    const HsExportOptions  *options,
                    GError                **error)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case HS_EXPORT_FORMAT_PNG:
      return render_png (layout, options, error);
    case HS_EXPORT_FORMAT_SVG:
    case HS_EXPORT_FORMAT_PDF:
      return render_vector (layout, format, options, error);
    case HS_EXPORT_FORMAT_DOT:
    default:
      {
        char *dot = hs_export_dot_string (layout, options);

        return g_bytes_new_take (dot, strlen (dot));
      }
    }
}

/* GLib's file errors name the temporary file; report the target instead,
 * with the plain system reason. */
static void
set_write_error (GError     **error,
                 const char  *path,
                 const GError *cause)
{
  static const struct {
    GFileError code;
    int        errnum;
  } reasons[] = {
    { G_FILE_ERROR_NOENT, ENOENT },
    { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_NOSPC, ENOSPC },
    { G_FILE_ERROR_ROFS, EROFS },
    { G_FILE_ERROR_LOOP, ELOOP },
    { G_FILE_ERROR_IO, EIO },
  };
  g_autofree char *display = g_filename_display_name (path);
  const char *reason = cause->message;

  if (cause->domain == G_FILE_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      if (reasons[i].code == (GFileError) cause->code)
        reason = g_strerror (reasons[i].errnum);

  g_set_error (error, HS_EXPORT_ERROR, HS_EXPORT_ERROR_WRITE,
               "cannot write %s: %s", display, reason);
}

/**
 * hs_export_to_file:
 * @layout: a laid-out step
 * @format: the file format
 * @options: (nullable): theme, scale, caption
 * @path: where to write
 * @error: return location for an error
 *
 * Draws and writes the whole file, or nothing: the data goes to a temporary
 * file in the same directory, renamed over @path at the end.
 *
 * Returns: %TRUE on success
 */
gboolean
hs_export_to_file (HsLayout               *layout,
                   HsExportFormat          format,
                   const HsExportOptions  *options,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = hs_export_to_bytes (layout, format, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!g_file_set_contents_full (path, data != NULL ? data : "", len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      set_write_error (error, path, local_error);
      return FALSE;
    }

  return TRUE;
}

gboolean
hs_export_png (HsLayout               *layout,
               const HsExportOptions  *options,
               const char             *path,
               GError                **error)
{
  return hs_export_to_file (layout, HS_EXPORT_FORMAT_PNG, options, path, error);
}

gboolean
hs_export_svg (HsLayout               *layout,
               const HsExportOptions  *options,
               const char             *path,
               GError                **error)
{
  return hs_export_to_file (layout, HS_EXPORT_FORMAT_SVG, options, path, error);
}

gboolean
hs_export_pdf (HsLayout               *layout,
               const HsExportOptions  *options,
               const char             *path,
               GError                **error)
{
  return hs_export_to_file (layout, HS_EXPORT_FORMAT_PDF, options, path, error);
}

gboolean
hs_export_dot (HsLayout               *layout,
               const HsExportOptions  *options,
               const char             *path,
               GError                **error)
{
  return hs_export_to_file (layout, HS_EXPORT_FORMAT_DOT, options, path, error);
}

/**
 * hs_export_layout_step:
 * @trace: a recorded run
 * @step: the step to lay out (< n_steps)
 * @history: how many earlier steps to lay out first
 *
 * Lays out @step the way the app shows it after stepping there: objects sit
 * where they were born, and objects freed during @step are ghosts. Earlier
 * steps are only replayed up to @history of them.
 *
 * Returns: (transfer full): the layout of @step
 */
/* Objects laid out in all for the history of one export. */
#define EXPORT_HISTORY_OBJECTS 400000

HsLayout *
hs_export_layout_step (HsTrace *trace,
                       guint64  step,
                       guint    history)
{
  HsLayout *layout;
  guint64 first;

  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (step < hs_trace_get_n_steps (trace), NULL);

  layout = hs_layout_new ();
  /* Laying out the steps before costs what their heaps hold: a big heap
   * gets fewer of them (its picture is capped anyway). */
  {
    g_autoptr(HsHeapState) last = hs_trace_get_state (trace, step);

    if (last != NULL && last->objects->len > 0)
      history = MIN (history, EXPORT_HISTORY_OBJECTS / last->objects->len);
  }
  first = step > history ? step - history : 0;
  for (guint64 s = first; s <= step; s++)
    {
      g_autoptr(HsHeapState) state = hs_trace_get_state (trace, s);

      if (state != NULL)
        hs_layout_update (layout, state);
    }

  return layout;
}

/**
 * hs_export_layout_event:
 * @trace: a recorded run
 * @step: the step whose events to step into (< n_steps)
 * @event: the event
 * @history: how many earlier steps to lay out first
 *
 * Lays out the heap inside @step's line as its event @event happens, the
 * way the app shows it after stepping into the line: first the step before.
 *
 * Returns: (transfer full): the layout
 */
HsLayout *
hs_export_layout_event (HsTrace *trace,
                        guint64  step,
                        guint    event,
                        guint    history)
{
  g_autoptr(HsHeapState) state = NULL;
  HsLayout *layout;

  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (step < hs_trace_get_n_steps (trace), NULL);

  layout = step > 0 ? hs_export_layout_step (trace, step - 1, history) : hs_layout_new ();
  state = hs_trace_get_event_state (trace, step, event);
  if (state != NULL)
    hs_layout_update (layout, state);
  return layout;
}
