/* hs-painter.c — draw an HsLayout on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Painting time goes into text and long strokes, not into the layout, so:
 *  - every (font, width, string) is shaped once into a PangoLayout that is
 *    kept and replayed; measuring never feeds back into the layout;
 *  - arrows are short axis-aligned segments with small rounded corners;
 *  - only what intersects the clip is drawn, and below a readable size text
 *    becomes grey bars (level of detail).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "hs-painter-private.h"

#define CARD_RADIUS     7.0
#define FRAME_RADIUS    6.0
#define TEXT_INSET      10.0
#define BADGE_HEIGHT    15.0
#define ARROW_LENGTH    8.0
#define ARROW_HALF      4.0
#define CORNER_RADIUS   5.0
#define CAPTION_HEIGHT  48.0
#define LEGEND_ROW      22.0
#define LEGEND_PAD      12.0
#define MAX_TEXTS       20000
#define LOD_MIN_PIXELS  5.0     /* text smaller than this on the device becomes bars */

typedef enum
{
  FONT_TYPE,
  FONT_ROW,
  FONT_VALUE,
  FONT_BADGE,
  FONT_FRAME,
  FONT_MORE,
  FONT_TAG,
  FONT_CAPTION,
  FONT_CAPTION_CODE,
  FONT_DETAIL,
  FONT_LEGEND,
  N_FONTS
} Font;

static const char *font_names[N_FONTS] = {
  [FONT_TYPE] = "Sans Bold 9.5",
  [FONT_ROW] = "Sans 9",
  [FONT_VALUE] = "Monospace 9",
  [FONT_BADGE] = "Sans Bold 7",
  [FONT_FRAME] = "Sans Bold 9",
  [FONT_MORE] = "Sans Italic 8.5",
  [FONT_TAG] = "Sans Bold 7.5",
  [FONT_CAPTION] = "Sans Bold 12",
  [FONT_CAPTION_CODE] = "Monospace 12",
  [FONT_DETAIL] = "Sans 9",
  [FONT_LEGEND] = "Sans 8.5",
};

typedef struct
{
  guint8        font;
  guint16       max_width;
  char         *text;
  PangoLayout  *layout;
  double        width, height;
} TextEntry;

struct _HsPainter
{
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GHashTable           *texts;          /* TextEntry set */
};

typedef struct
{
  HsPainter            *painter;
  cairo_t              *cr;
  HsLayout             *layout;
  const HsPalette      *pal;
  const HsPaintOptions *options;
  double                clip_x0, clip_y0, clip_x1, clip_y1;
  gboolean              bars;           /* level of detail: no glyphs */
  gboolean              blocks;         /* below that: cards as blocks, arrows as lines */
  double                pixel;          /* one device pixel in diagram units */
} Paint;

/* Text -------------------------------------------------------------------- */

static guint
text_hash (gconstpointer data)
{
  const TextEntry *e = data;

  return g_str_hash (e->text) ^ (e->font * 7919u) ^ ((guint) e->max_width * 104729u);
}

static gboolean
text_equal (gconstpointer a,
            gconstpointer b)
{
  const TextEntry *ea = a, *eb = b;

  return ea->font == eb->font && ea->max_width == eb->max_width
         && strcmp (ea->text, eb->text) == 0;
}

static void
text_free (gpointer data)
{
  TextEntry *e = data;

  g_object_unref (e->layout);
  g_free (e->text);
  g_free (e);
}

/**
 * hs_painter_new:
 *
 * A painter keeps the shaped text it drew, so reuse one per view.
 *
 * Returns: (transfer full): a painter
 */
HsPainter *
hs_painter_new (void)
{
  HsPainter *painter = g_new0 (HsPainter, 1);
  cairo_font_options_t *fo = cairo_font_options_create ();

  painter->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Hinted metrics differ between image and vector surfaces; unhinted,
   * unrounded ones are the same everywhere and scale linearly. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (painter->context, fo);
  pango_cairo_context_set_resolution (painter->context, 96.0);
  pango_context_set_round_glyph_positions (painter->context, FALSE);
  cairo_font_options_destroy (fo);

  for (guint i = 0; i < N_FONTS; i++)
    painter->fonts[i] = pango_font_description_from_string (font_names[i]);
  painter->texts = g_hash_table_new_full (text_hash, text_equal, text_free, NULL);

  return painter;
}

void
hs_painter_free (HsPainter *painter)
{
  if (painter == NULL)
    return;

  g_hash_table_unref (painter->texts);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (painter->fonts[i]);
  g_object_unref (painter->context);
  g_free (painter);
}

static const TextEntry *
get_text (HsPainter  *painter,
          Font        font,
          const char *text,
          double      max_width)
{
  TextEntry key = { (guint8) font, (guint16) CLAMP (max_width, 0, G_MAXUINT16), (char *) text, NULL, 0, 0 };
  TextEntry *e = g_hash_table_lookup (painter->texts, &key);
  PangoRectangle logical;

  if (e != NULL)
    return e;

  e = g_new0 (TextEntry, 1);
  e->font = key.font;
  e->max_width = key.max_width;
  e->text = g_strdup (text);
  e->layout = pango_layout_new (painter->context);
  pango_layout_set_font_description (e->layout, painter->fonts[font]);
  pango_layout_set_single_paragraph_mode (e->layout, TRUE);
  if (e->max_width > 0)
    {
      pango_layout_set_width (e->layout, e->max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (e->layout, PANGO_ELLIPSIZE_END);
    }
  if (g_utf8_validate (text, -1, NULL))
    pango_layout_set_text (e->layout, text, -1);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      pango_layout_set_text (e->layout, valid, -1);
    }
  pango_layout_get_extents (e->layout, NULL, &logical);
  e->width = (double) logical.width / PANGO_SCALE;
  e->height = (double) logical.height / PANGO_SCALE;
  g_hash_table_add (painter->texts, e);

  return e;
}

static void
set_color (cairo_t       *cr,
           const HsColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_color_alpha (cairo_t       *cr,
                 const HsColor *c,
                 double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Draws @text with its left edge at @x, vertically centred on @cy; returns
 * its width. */
static double
draw_text (Paint         *p,
           Font           font,
           const char    *text,
           double         x,
           double         cy,
           double         max_width,
           const HsColor *color)
{
  const TextEntry *e;

  if (text == NULL || text[0] == '\0')
    return 0;

  if (p->bars)
    {
      double w = MIN (strlen (text) * 5.5, max_width > 0 ? max_width : G_MAXDOUBLE);

      set_color_alpha (p->cr, color, 0.35);
      cairo_rectangle (p->cr, x, cy - 2.5, w, 5);
      cairo_fill (p->cr);
      return w;
    }

  e = get_text (p->painter, font, text, max_width);
  set_color (p->cr, color);
  cairo_move_to (p->cr, x, cy - e->height / 2);
  pango_cairo_show_layout (p->cr, e->layout);

  return e->width;
}

static double
text_width (Paint      *p,
            Font        font,
            const char *text)
{
  if (p->bars)
    return strlen (text) * 5.5;
  return get_text (p->painter, font, text, 0)->width;
}

/* Shapes ------------------------------------------------------------------ */

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A rectangle with only its top corners rounded: header bands. */
static void
top_rounded_rect (cairo_t *cr,
                  double   x,
                  double   y,
                  double   w,
                  double   h,
                  double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x + w, y + h);
  cairo_line_to (cr, x, y + h);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A pill with @text; @x is its right edge when @right_aligned. Returns its width. */
static double
draw_pill (Paint         *p,
           Font           font,
           const char    *text,
           double         x,
           double         cy,
           gboolean       right_aligned,
           const HsColor *fill,
           const HsColor *text_color,
           gboolean       outlined)
{
  cairo_t *cr = p->cr;
  double w = text_width (p, font, text) + 12;
  double h = BADGE_HEIGHT;
  double left = right_aligned ? x - w : x;

  rounded_rect (cr, left, cy - h / 2, w, h, h / 2);
  if (outlined)
    {
      cairo_set_line_width (cr, 1);
      set_color (cr, fill);
      cairo_stroke (cr);
    }
  else
    {
      set_color (cr, fill);
      cairo_fill (cr);
    }
  draw_text (p, font, text, left + 6, cy, 0, text_color);

  return w;
}

static gboolean
visible (Paint  *p,
         double  x,
         double  y,
         double  w,
         double  h)
{
  return x + w >= p->clip_x0 && x <= p->clip_x1 && y + h >= p->clip_y0 && y <= p->clip_y1;
}

/* Cards ------------------------------------------------------------------- */

gboolean
_hs_painter_is_primitive (const char *type_name)
{
  static const char *primitives[] = {
    "int", "float", "bool", "NoneType", "str", "bytes", "complex", "ellipsis",
    "NotImplementedType",
  };

  for (guint i = 0; i < G_N_ELEMENTS (primitives); i++)
    if (g_str_equal (type_name, primitives[i]))
      return TRUE;

  return FALSE;
}

const HsStateColors *
_hs_painter_card_colors (const HsPalette    *pal,
             const HsLayoutCard *card)
{
  if (card->state == HS_OBJECT_FREED)
    return &pal->freed;
  if (card->state == HS_OBJECT_FINALIZING)
    return &pal->finalizing;
  if ((card->flags & HS_OBJECT_FLAG_IN_COLLECTION) || card->gc_phase != 0)
    {
      switch (card->gc_phase)
        {
        case HS_GC_PHASE_UNREACHABLE:
          return &pal->gc_tentative;
        case HS_GC_PHASE_FINALIZE:
          return &pal->finalizing;
        case HS_GC_PHASE_RESURRECTED:
          return &pal->gc_resurrected;
        case HS_GC_PHASE_CLEAR:
          return &pal->gc_clear;
        default:
          return &pal->gc_examined;
        }
    }
  if (card->state == HS_OBJECT_UNREACHABLE)
    return &pal->unreachable;
  if (card->flags & HS_OBJECT_FLAG_SHARED)
    return &pal->shared;
  return &pal->alive;
}

/* The words on a card's state pill, or NULL for a plain live object. */
char *
_hs_painter_card_tag (const HsLayoutCard *card)
{
  if (card->state == HS_OBJECT_FREED)
    return g_strdup ("freed");
  if (card->state == HS_OBJECT_FINALIZING)
    return g_strdup ("__del__ running");
  if ((card->flags & HS_OBJECT_FLAG_IN_COLLECTION) || card->gc_phase != 0)
    {
      switch (card->gc_phase)
        {
        case HS_GC_PHASE_UNREACHABLE:
          return g_strdup ("tentatively unreachable");
        case HS_GC_PHASE_FINALIZE:
          return g_strdup ("gc: __del__ called");
        case HS_GC_PHASE_RESURRECTED:
          return g_strdup ("resurrected");
        case HS_GC_PHASE_CLEAR:
          return g_strdup ("gc: clearing");
        default:
          if (card->gc_refs >= 0)
            return g_strdup_printf ("gc_refs = %d", card->gc_refs);
          return g_strdup ("examined by gc");
        }
    }
  if (card->state == HS_OBJECT_UNREACHABLE)
    return g_strdup ("unreachable \u00b7 awaiting gc");

  return NULL;
}

/* The generation pill's text: "gen 0", "untracked", "shared"… */
const char *
_hs_painter_generation_text (const HsLayoutCard *card)
{
  static const char *gens[] = { "gen 0", "gen 1", "gen 2" };

  if (card->flags & HS_OBJECT_FLAG_SHARED)
    return "shared";
  if (card->generation >= 0 && card->generation <= 2)
    return gens[card->generation];
  if (card->generation == HS_GENERATION_PERMANENT)
    return "permanent";
  return "untracked";
}

char *
_hs_painter_format_refcount (gint64 refcount)
{
  /* Exactly what sys.getrefcount() - 1 says, so learners can check it; the
   * static objects of 3.11 (small ints, …) start at 999 999 999. */
  if (refcount == 1)
    return g_strdup ("1 ref");
  return g_strdup_printf ("%" G_GINT64_FORMAT " refs", refcount);
}

/* Refcount and generation pills at the right of the header; returns the
 * x where they start. */
static double
draw_badges (Paint              *p,
             const HsLayoutCard *card,
             double              right,
             double              cy)
{
  const HsPalette *pal = p->pal;
  g_autofree char *refs = _hs_painter_format_refcount (card->refcount);
  double x = right;

  const char *gen = _hs_painter_generation_text (card);

  /* A freed object has no count and no generation any more. */
  if (card->state == HS_OBJECT_FREED)
    return x - draw_pill (p, FONT_BADGE, "0 refs", x, cy, TRUE, &pal->badge_outline, &pal->muted, TRUE);

  if (!(card->flags & HS_OBJECT_FLAG_SHARED) && card->generation >= 0 && card->generation <= 2)
    x -= draw_pill (p, FONT_BADGE, gen, x, cy, TRUE, &pal->badge_gen[card->generation],
                    &pal->badge_gen_text, FALSE);
  else
    x -= draw_pill (p, FONT_BADGE, gen, x, cy, TRUE, &pal->badge_outline, &pal->muted, TRUE);

  x -= 4;
  x -= draw_pill (p, FONT_BADGE, refs, x, cy, TRUE, &pal->badge_refcount,
                  &pal->badge_refcount_text, FALSE);

  return x;
}

static void
draw_row (Paint              *p,
          const HsLayoutRow  *row,
          double              x,
          double              top,
          double              width,
          gboolean            ghost)
{
  const HsPalette *pal = p->pal;
  cairo_t *cr = p->cr;
  double cy = top + row->y;
  double label_max = width * 0.5 - TEXT_INSET;
  const HsLayoutCard *target = NULL;
  const HsColor *label_color = &pal->text;
  Font label_font = FONT_ROW;
  double used;

  switch (row->kind)
    {
    case HS_ROW_MORE:
      {
        g_autofree char *text = g_strdup_printf ("\u2026 %u more", row->n_targets);

        draw_text (p, FONT_MORE, text, x + TEXT_INSET, cy, width - 2 * TEXT_INSET, &pal->muted);
        return;
      }

    case HS_ROW_SUBFRAME:
      cairo_rectangle (cr, x + 1, cy - HS_LAYOUT_ROW_HEIGHT / 2, width - 2, HS_LAYOUT_ROW_HEIGHT);
      set_color (cr, &pal->frame_header);
      cairo_fill (cr);
      draw_text (p, FONT_FRAME, row->label, x + TEXT_INSET, cy, width - 2 * TEXT_INSET, &pal->text);
      return;

    case HS_ROW_TEMPS:
      draw_text (p, FONT_MORE, row->n_targets == 1 ? "temporary" : "temporaries",
                 x + TEXT_INSET, cy, width - 2 * TEXT_INSET, &pal->muted);
      return;

    case HS_ROW_REF:
      if (row->edge_kind == HS_EDGE_ITEM || row->edge_kind == HS_EDGE_OTHER
          || row->edge_kind == HS_EDGE_WEAK)
        label_color = &pal->muted;
      else if (row->edge_kind == HS_EDGE_VALUE)
        {
          label_color = &pal->value;
          label_font = FONT_VALUE;
        }
      break;

    case HS_ROW_NAME:
    default:
      break;
    }

  used = draw_text (p, label_font, row->label, x + TEXT_INSET, cy, label_max, label_color);

  /* Inline value of small targets, so the picture reads even where arrows
   * are dense; unbound names and interpreter objects get a word instead. */
  if (row->target != 0)
    target = hs_layout_lookup_card (p->layout, row->target);
  if (target == NULL && ghost)
    return;
  if (row->target == 0 || target == NULL)
    {
      const char *word = row->target == 0 ? "unbound" : "built-in";
      double w = text_width (p, FONT_MORE, word);

      draw_text (p, FONT_MORE, word, x + width - TEXT_INSET - w, cy, 0, &pal->muted);
    }
  else if (_hs_painter_is_primitive (target->type_name) && target->value != NULL)
    {
      double room = width - 2 * TEXT_INSET - used - 12;
      const TextEntry *e;

      if (room < 16)
        return;
      if (p->bars)
        {
          draw_text (p, FONT_VALUE, target->value, x + width - TEXT_INSET - MIN (room, 30), cy,
                     MIN (room, 30), &pal->value);
          return;
        }
      e = get_text (p->painter, FONT_VALUE, target->value, room);
      draw_text (p, FONT_VALUE, target->value, x + width - TEXT_INSET - e->width, cy, room,
                 &pal->value);
    }
}

static void
draw_rules (Paint  *p,
            GArray *rows,
            double  x,
            double  top,
            double  width)
{
  cairo_t *cr = p->cr;

  if (rows->len == 0)
    return;

  set_color (cr, &p->pal->row_rule);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const HsLayoutRow *row = &g_array_index (rows, HsLayoutRow, i);
      double y = round (top + row->y - HS_LAYOUT_ROW_HEIGHT / 2) + 0.5;

      cairo_move_to (cr, x + 6, y);
      cairo_line_to (cr, x + width - 6, y);
    }
  cairo_stroke (cr);
}

static void
draw_card (Paint              *p,
           const HsLayoutCard *card)
{
  cairo_t *cr = p->cr;
  const HsPalette *pal = p->pal;
  const HsStateColors *colors = _hs_painter_card_colors (pal, card);
  g_autofree char *tag = _hs_painter_card_tag (card);
  gboolean ghost = card->state == HS_OBJECT_FREED;
  gboolean strong = card->state == HS_OBJECT_UNREACHABLE || card->state == HS_OBJECT_FINALIZING
                    || card->gc_phase != 0 || (card->flags & HS_OBJECT_FLAG_IN_COLLECTION);
  double x = card->x, y = card->y, w = card->width, h = card->height;
  double badges_x;

  if (!visible (p, x - 4, y - 12, w + 8, h + 16))
    return;

  if (p->blocks)
    {
      /* Too small to read: a block in the state's colours. */
      cairo_rectangle (cr, x, y, w, h);
      set_color_alpha (cr, &colors->header, ghost ? 0.5 : 1.0);
      cairo_fill_preserve (cr);
      set_color_alpha (cr, &colors->border, ghost ? 0.5 : 1.0);
      cairo_set_line_width (cr, p->pixel);
      cairo_stroke (cr);
      return;
    }

  if (ghost)
    cairo_push_group (cr);

  rounded_rect (cr, x, y, w, h, CARD_RADIUS);
  set_color (cr, &colors->fill);
  cairo_fill (cr);

  top_rounded_rect (cr, x, y, w, HS_LAYOUT_HEADER_HEIGHT, CARD_RADIUS);
  set_color (cr, &colors->header);
  cairo_fill (cr);

  /* Header: type name, then the refcount and generation pills. */
  badges_x = draw_badges (p, card, x + w - 7, y + HS_LAYOUT_HEADER_HEIGHT / 2);
  draw_text (p, FONT_TYPE, card->type_name, x + TEXT_INSET, y + HS_LAYOUT_HEADER_HEIGHT / 2,
             MAX (badges_x - x - TEXT_INSET - 6, 20), &pal->text);

  if (card->show_value && card->value != NULL)
    draw_text (p, FONT_VALUE, card->value, x + TEXT_INSET,
               y + HS_LAYOUT_HEADER_HEIGHT + HS_LAYOUT_VALUE_HEIGHT / 2,
               w - 2 * TEXT_INSET, &pal->value);

  draw_rules (p, card->rows, x, y, w);
  for (guint i = 0; i < card->rows->len; i++)
    draw_row (p, &g_array_index (card->rows, HsLayoutRow, i), x, y, w, ghost);

  /* Border: heavier for the states a learner should notice, dashed for ghosts. */
  rounded_rect (cr, x, y, w, h, CARD_RADIUS);
  set_color (cr, &colors->border);
  cairo_set_line_width (cr, strong ? 2.25 : 1.25);
  if (ghost)
    cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (ghost)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.55);
    }

  if (tag != NULL)
    draw_pill (p, FONT_TAG, tag, x + 10, y, FALSE, &colors->tag, &colors->tag_text, FALSE);

  if (p->options->selected == card->id)
    {
      rounded_rect (cr, x - 3, y - 3, w + 6, h + 6, CARD_RADIUS + 3);
      set_color (cr, &pal->frame_current);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
}

/* Frames ------------------------------------------------------------------ */

static void
draw_frame (Paint               *p,
            const HsLayoutFrame *frame)
{
  cairo_t *cr = p->cr;
  const HsPalette *pal = p->pal;
  double x = frame->x, y = frame->y, w = frame->width, h = frame->height;
  double header = HS_LAYOUT_FRAME_HEADER_HEIGHT;
  g_autofree char *title = NULL;
  g_autofree char *line = NULL;
  double line_w;

  if (!visible (p, x, y, w, h))
    return;

  if (g_strcmp0 (frame->function, "<module>") == 0)
    title = g_strdup ("Global frame");
  else if (frame->generator != 0)
    title = g_strdup_printf ("generator %s()", frame->function);
  else
    title = g_strdup_printf ("%s()", frame->function);
  /* Line 0: the program has finished and only its names are left. */
  line = frame->line > 0 ? g_strdup_printf ("line %d", frame->line) : g_strdup ("end");

  rounded_rect (cr, x, y, w, h, FRAME_RADIUS);
  set_color (cr, &pal->frame_fill);
  cairo_fill (cr);
  top_rounded_rect (cr, x, y, w, MIN (header, h), FRAME_RADIUS);
  set_color (cr, &pal->frame_header);
  cairo_fill (cr);

  line_w = text_width (p, FONT_DETAIL, line);
  draw_text (p, FONT_DETAIL, line, x + w - TEXT_INSET - line_w, y + header / 2, 0, &pal->muted);
  draw_text (p, FONT_FRAME, title, x + TEXT_INSET, y + header / 2, w - 3 * TEXT_INSET - line_w, &pal->text);

  draw_rules (p, frame->rows, x, y, w);
  for (guint i = 0; i < frame->rows->len; i++)
    draw_row (p, &g_array_index (frame->rows, HsLayoutRow, i), x, y, w, FALSE);

  rounded_rect (cr, x, y, w, h, FRAME_RADIUS);
  set_color (cr, frame->current ? &pal->frame_current : &pal->frame_border);
  cairo_set_line_width (cr, frame->current ? 2.0 : 1.25);
  cairo_stroke (cr);
}

/* Arrows ------------------------------------------------------------------ */

static const HsColor *
edge_color (const HsPalette    *pal,
            const HsLayoutEdge *e)
{
  switch (e->link)
    {
    case HS_LINK_NAME:
      return &pal->arrow_binding;
    case HS_LINK_WEAK:
      return &pal->arrow_weak;
    case HS_LINK_TEMP:
      return &pal->arrow_temp;
    case HS_LINK_REF:
    default:
      return e->garbage ? &pal->arrow_garbage : &pal->arrow;
    }
}

static void
arrow_head (cairo_t *cr,
            double   tx,
            double   ty,
            double   dx,
            double   dy)
{
  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, tx - dx * ARROW_LENGTH - dy * ARROW_HALF, ty - dy * ARROW_LENGTH + dx * ARROW_HALF);
  cairo_line_to (cr, tx - dx * ARROW_LENGTH + dy * ARROW_HALF, ty - dy * ARROW_LENGTH - dx * ARROW_HALF);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_edge (Paint              *p,
           const HsLayoutEdge *e)
{
  cairo_t *cr = p->cr;
  const double *pt = e->points;
  guint n = e->n_points;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double dx, dy, len, ex, ey;
  const HsLayoutCard *from = e->from != 0 ? hs_layout_lookup_card (p->layout, e->from) : NULL;
  const HsLayoutCard *to = hs_layout_lookup_card (p->layout, e->to);

  if (n < 2)
    return;
  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, pt[2 * i]);
      x1 = MAX (x1, pt[2 * i]);
      y0 = MIN (y0, pt[2 * i + 1]);
      y1 = MAX (y1, pt[2 * i + 1]);
    }
  if (!visible (p, x0 - ARROW_LENGTH, y0 - ARROW_LENGTH, x1 - x0 + 2 * ARROW_LENGTH,
                y1 - y0 + 2 * ARROW_LENGTH))
    return;

  if (p->blocks)
    {
      set_color (cr, edge_color (p->pal, e));
      cairo_set_line_width (cr, p->pixel);
      cairo_move_to (cr, pt[0], pt[1]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, pt[2 * i], pt[2 * i + 1]);
      cairo_stroke (cr);
      return;
    }

  /* The last segment stops at the arrow head's base. */
  dx = pt[2 * (n - 1)] - pt[2 * (n - 2)];
  dy = pt[2 * (n - 1) + 1] - pt[2 * (n - 2) + 1];
  len = hypot (dx, dy);
  if (len < 1e-6)
    return;
  dx /= len;
  dy /= len;
  ex = pt[2 * (n - 1)] - dx * (ARROW_LENGTH - 1);
  ey = pt[2 * (n - 1) + 1] - dy * (ARROW_LENGTH - 1);

  cairo_save (cr);
  if ((from != NULL && from->state == HS_OBJECT_FREED) || (to != NULL && to->state == HS_OBJECT_FREED))
    cairo_push_group (cr);

  set_color (cr, edge_color (p->pal, e));
  cairo_set_line_width (cr, e->link == HS_LINK_TEMP ? 1.1 : 1.5);
  if (e->link == HS_LINK_WEAK)
    cairo_set_dash (cr, (double[]) { 5, 3.5 }, 2, 0);
  else if (e->link == HS_LINK_TEMP)
    cairo_set_dash (cr, (double[]) { 2, 3 }, 2, 0);

  cairo_move_to (cr, pt[0], pt[1]);
  for (guint i = 1; i + 1 < n; i++)
    {
      double px = pt[2 * (i - 1)], py = pt[2 * (i - 1) + 1];
      double cx = pt[2 * i], cy = pt[2 * i + 1];
      double nx = i + 2 == n ? ex : pt[2 * (i + 1)], ny = i + 2 == n ? ey : pt[2 * (i + 1) + 1];
      double in = hypot (cx - px, cy - py), out = hypot (nx - cx, ny - cy);
      double r = MIN (CORNER_RADIUS, MIN (in, out) / 2);

      if (in < 1e-6 || out < 1e-6)
        continue;
      cairo_line_to (cr, cx - (cx - px) / in * r, cy - (cy - py) / in * r);
      cairo_curve_to (cr, cx, cy, cx, cy, cx + (nx - cx) / out * r, cy + (ny - cy) / out * r);
    }
  cairo_line_to (cr, ex, ey);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  arrow_head (cr, pt[2 * (n - 1)], pt[2 * (n - 1) + 1], dx, dy);
  cairo_arc (cr, pt[0], pt[1], 2.75, 0, 2 * G_PI);
  cairo_fill (cr);

  if ((from != NULL && from->state == HS_OBJECT_FREED) || (to != NULL && to->state == HS_OBJECT_FREED))
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.5);
    }
  cairo_restore (cr);
}

/* Caption and legend ------------------------------------------------------ */

typedef enum
{
  LEGEND_STATE,
  LEGEND_LINE,
} LegendKind;

typedef struct
{
  LegendKind            kind;
  const HsStateColors  *colors;
  gboolean              dashed_border;
  HsLinkKind            link;
  gboolean              garbage;
  const char           *text;
} LegendItem;

static guint
collect_legend (HsLayout        *layout,
                const HsPalette *pal,
                LegendItem      *items)
{
  gboolean shared = FALSE, unreachable = FALSE, finalizing = FALSE, freed = FALSE;
  gboolean examined = FALSE, tentative = FALSE, resurrected = FALSE, clearing = FALSE;
  gboolean names = FALSE, weak = FALSE, temps = FALSE, garbage = FALSE;
  guint n = 0;

  for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
    {
      const HsLayoutCard *c = hs_layout_get_card (layout, i);
      const HsStateColors *colors = _hs_painter_card_colors (pal, c);

      shared |= colors == &pal->shared;
      unreachable |= colors == &pal->unreachable;
      finalizing |= colors == &pal->finalizing;
      freed |= colors == &pal->freed;
      examined |= colors == &pal->gc_examined;
      tentative |= colors == &pal->gc_tentative;
      resurrected |= colors == &pal->gc_resurrected;
      clearing |= colors == &pal->gc_clear;
    }
  for (guint i = 0; i < hs_layout_get_n_edges (layout); i++)
    {
      const HsLayoutEdge *e = hs_layout_get_edge (layout, i);

      names |= e->link == HS_LINK_NAME;
      weak |= e->link == HS_LINK_WEAK;
      temps |= e->link == HS_LINK_TEMP;
      garbage |= e->garbage;
    }

#define STATE_ITEM(cond, c, dash, t) \
  if (cond) items[n++] = (LegendItem) { LEGEND_STATE, c, dash, 0, FALSE, t }
#define LINE_ITEM(cond, l, g, t) \
  if (cond) items[n++] = (LegendItem) { LEGEND_LINE, NULL, FALSE, l, g, t }

  STATE_ITEM (TRUE, &pal->alive, FALSE, "alive");
  STATE_ITEM (shared, &pal->shared, FALSE, "shared (cached, never freed)");
  STATE_ITEM (unreachable, &pal->unreachable, FALSE, "unreachable: only a cycle keeps it alive");
  STATE_ITEM (finalizing, &pal->finalizing, FALSE, "being finalized (__del__)");
  STATE_ITEM (freed, &pal->freed, TRUE, "freed at this step");
  STATE_ITEM (examined, &pal->gc_examined, FALSE, "examined by the collector");
  STATE_ITEM (tentative, &pal->gc_tentative, FALSE, "tentatively unreachable");
  STATE_ITEM (resurrected, &pal->gc_resurrected, FALSE, "resurrected by __del__");
  STATE_ITEM (clearing, &pal->gc_clear, FALSE, "being cleared by the collector");
  LINE_ITEM (names, HS_LINK_NAME, FALSE, "name \u2192 object");
  LINE_ITEM (TRUE, HS_LINK_REF, FALSE, "reference");
  LINE_ITEM (garbage, HS_LINK_REF, TRUE, "reference within a leaked cycle");
  LINE_ITEM (weak, HS_LINK_WEAK, FALSE, "weak reference");
  LINE_ITEM (temps, HS_LINK_TEMP, FALSE, "temporary (value stack)");

#undef STATE_ITEM
#undef LINE_ITEM

  return n;
}

#define LEGEND_SAMPLE 26.0
#define LEGEND_SPACING 20.0
#define MAX_LEGEND 16

/* Lays the legend items out in rows within @width; returns the height. */
static double
legend_layout (Paint      *p,
               LegendItem *items,
               guint       n,
               double      width,
               double     *xs,
               double     *ys)
{
  double x = HS_LAYOUT_MARGIN, y = LEGEND_PAD + LEGEND_ROW / 2;

  for (guint i = 0; i < n; i++)
    {
      double w = LEGEND_SAMPLE + 6 + text_width (p, FONT_LEGEND, items[i].text);

      if (x > HS_LAYOUT_MARGIN && x + w > width - HS_LAYOUT_MARGIN)
        {
          x = HS_LAYOUT_MARGIN;
          y += LEGEND_ROW;
        }
      xs[i] = x;
      ys[i] = y;
      x += w + LEGEND_SPACING;
    }

  return y + LEGEND_ROW / 2 + LEGEND_PAD;
}

static void
draw_legend (Paint  *p,
             double  top,
             double  width)
{
  cairo_t *cr = p->cr;
  LegendItem items[MAX_LEGEND];
  double xs[MAX_LEGEND], ys[MAX_LEGEND];
  guint n = collect_legend (p->layout, p->pal, items);
  double height = legend_layout (p, items, n, width, xs, ys);

  if (!visible (p, 0, top, width, height))
    return;

  cairo_rectangle (cr, 0, top, width, height);
  set_color (cr, &p->pal->legend_fill);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      double x = xs[i], cy = top + ys[i];

      if (items[i].kind == LEGEND_STATE)
        {
          rounded_rect (cr, x, cy - 7, LEGEND_SAMPLE - 4, 14, 4);
          set_color (cr, &items[i].colors->header);
          cairo_fill_preserve (cr);
          set_color (cr, &items[i].colors->border);
          cairo_set_line_width (cr, 1.5);
          if (items[i].dashed_border)
            cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          HsLayoutEdge e = { 0 };

          e.link = items[i].link;
          e.garbage = items[i].garbage;
          e.n_points = 2;
          e.points[0] = x + 2;
          e.points[1] = cy;
          e.points[2] = x + LEGEND_SAMPLE - 2;
          e.points[3] = cy;
          draw_edge (p, &e);
        }
      draw_text (p, FONT_LEGEND, items[i].text, x + LEGEND_SAMPLE + 6, cy, 0, &p->pal->text);
    }
}

static double
legend_height (Paint  *p,
               double  width)
{
  LegendItem items[MAX_LEGEND];
  double xs[MAX_LEGEND], ys[MAX_LEGEND];
  guint n = collect_legend (p->layout, p->pal, items);

  return legend_layout (p, items, n, width, xs, ys);
}

static double
caption_min_width (Paint *p)
{
  const HsPaintOptions *o = p->options;
  double w = 2 * HS_LAYOUT_MARGIN;

  if (o->caption_title == NULL)
    return 0;
  w += text_width (p, FONT_CAPTION, o->caption_title) + 16;
  if (o->caption_code != NULL)
    w += MIN (text_width (p, FONT_CAPTION_CODE, o->caption_code), 640);
  if (o->caption_detail != NULL)
    w += text_width (p, FONT_DETAIL, o->caption_detail) + 24;

  return w;
}

static void
draw_caption (Paint  *p,
              double  width)
{
  const HsPaintOptions *o = p->options;
  cairo_t *cr = p->cr;
  double cy = CAPTION_HEIGHT / 2;
  double x = HS_LAYOUT_MARGIN, detail_w = 0;

  if (!visible (p, 0, 0, width, CAPTION_HEIGHT))
    return;

  cairo_rectangle (cr, 0, 0, width, CAPTION_HEIGHT);
  set_color (cr, &p->pal->caption_fill);
  cairo_fill (cr);
  cairo_rectangle (cr, 0, CAPTION_HEIGHT - 1, width, 1);
  set_color (cr, &p->pal->row_rule);
  cairo_fill (cr);

  if (o->caption_detail != NULL)
    {
      detail_w = text_width (p, FONT_DETAIL, o->caption_detail);
      draw_text (p, FONT_DETAIL, o->caption_detail, width - HS_LAYOUT_MARGIN - detail_w, cy, 0,
                 &p->pal->muted);
    }
  x += draw_text (p, FONT_CAPTION, o->caption_title, x, cy, 0, &p->pal->caption_text) + 16;
  if (o->caption_code != NULL)
    draw_text (p, FONT_CAPTION_CODE, o->caption_code, x, cy,
               MAX (width - x - HS_LAYOUT_MARGIN - detail_w - 24, 40), &p->pal->caption_text);
}

/* Entry points ------------------------------------------------------------ */

static void
paint_init (Paint                *p,
            HsPainter            *painter,
            cairo_t              *cr,
            HsLayout             *layout,
            const HsPaintOptions *options)
{
  static const HsPaintOptions defaults = { 0 };

  p->painter = painter;
  p->cr = cr;
  p->layout = layout;
  p->options = options != NULL ? options : &defaults;
  p->pal = p->options->palette != NULL ? p->options->palette : hs_palette_get (HS_THEME_LIGHT);
  p->bars = FALSE;
  p->blocks = FALSE;
  p->pixel = 1.0;
  p->clip_x0 = -G_MAXDOUBLE;
  p->clip_y0 = -G_MAXDOUBLE;
  p->clip_x1 = G_MAXDOUBLE;
  p->clip_y1 = G_MAXDOUBLE;
}

/**
 * hs_painter_get_diagram_offset:
 * @painter: a painter
 * @options: (nullable): paint options
 *
 * Returns: how far down the layout's (0, 0) is drawn (the caption's height)
 */
double
hs_painter_get_diagram_offset (HsPainter            *painter,
                               const HsPaintOptions *options)
{
  return options != NULL && options->caption_title != NULL ? CAPTION_HEIGHT : 0;
}

/**
 * hs_painter_get_size:
 * @painter: a painter
 * @layout: a laid-out step
 * @options: (nullable): paint options
 * @width: (out): the drawing's width in diagram units
 * @height: (out): its height, caption and legend included
 */
void
hs_painter_get_size (HsPainter            *painter,
                     HsLayout             *layout,
                     const HsPaintOptions *options,
                     double               *width,
                     double               *height)
{
  Paint p;
  HsRect bounds;
  double w, h;

  g_return_if_fail (painter != NULL);
  g_return_if_fail (layout != NULL);

  paint_init (&p, painter, NULL, layout, options);
  hs_layout_get_bounds (layout, &bounds);
  w = MAX (bounds.width, 2 * HS_LAYOUT_MARGIN + HS_LAYOUT_FRAME_WIDTH);
  w = ceil (MAX (w, caption_min_width (&p)));
  h = hs_painter_get_diagram_offset (painter, p.options) + MAX (bounds.height, 2 * HS_LAYOUT_MARGIN);
  if (p.options->legend)
    h += legend_height (&p, w);

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = ceil (h);
}

/**
 * hs_painter_draw:
 * @painter: a painter
 * @cr: where to draw, in diagram units
 * @layout: a laid-out step
 * @options: (nullable): paint options
 *
 * Draws the caption, the frames, the arrows, the cards and the legend.
 */
void
hs_painter_draw (HsPainter            *painter,
                 cairo_t              *cr,
                 HsLayout             *layout,
                 const HsPaintOptions *options)
{
  Paint p;
  double width, height, offset, dx = 1, dy = 0;

  g_return_if_fail (painter != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  if (g_hash_table_size (painter->texts) > MAX_TEXTS)
    g_hash_table_remove_all (painter->texts);

  hs_painter_get_size (painter, layout, options, &width, &height);
  paint_init (&p, painter, cr, layout, options);
  offset = hs_painter_get_diagram_offset (painter, p.options);

  cairo_save (cr);
  cairo_clip_extents (cr, &p.clip_x0, &p.clip_y0, &p.clip_x1, &p.clip_y1);
  cairo_user_to_device_distance (cr, &dx, &dy);
  p.bars = hypot (dx, dy) * 9.0 < LOD_MIN_PIXELS;
  p.blocks = hypot (dx, dy) * HS_LAYOUT_ROW_HEIGHT < LOD_MIN_PIXELS;
  p.pixel = 1.0 / MAX (hypot (dx, dy), 1e-6);
  cairo_set_tolerance (cr, 0.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (p.options->background)
    {
      set_color (cr, &p.pal->background);
      cairo_paint (cr);
    }

  if (p.options->caption_title != NULL)
    draw_caption (&p, width);

  cairo_translate (cr, 0, offset);
  p.clip_y0 -= offset;
  p.clip_y1 -= offset;

  for (guint i = 0; i < hs_layout_get_n_frames (layout); i++)
    draw_frame (&p, hs_layout_get_frame (layout, i));
  for (guint i = 0; i < hs_layout_get_n_edges (layout); i++)
    draw_edge (&p, hs_layout_get_edge (layout, i));
  for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
    draw_card (&p, hs_layout_get_card (layout, i));

  if (p.options->legend)
    {
      HsRect bounds;

      hs_layout_get_bounds (layout, &bounds);
      draw_legend (&p, MAX (bounds.height, 2 * HS_LAYOUT_MARGIN), width);
    }

  cairo_restore (cr);
}
