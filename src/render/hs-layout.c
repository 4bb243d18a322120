/* hs-layout.c — build the diagram's boxes from a heap state and place them stably
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One update:
 *  1. walk the heap breadth-first from the frames (global frame first, each
 *     frame's names in order, each card's references in order); the first
 *     referrer of an object is where it is born. Objects no frame reaches
 *     but that are still alive (a cycle awaiting the collector) follow;
 *  2. objects freed during this step stay one more step as ghosts, in place;
 *  3. cards that grew push down only the cards they now overlap, in their
 *     own column; everything else that survives keeps its coordinates;
 *  4. new cards take the free gap nearest to the row that refers to them,
 *     one column to its right;
 *  5. arrows are routed (hs-layout-route.c).
 * Interpreter internals the engine lists (module namespaces, a class's
 * dict and MRO) are not reachable this way and are left out.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-layout-private.h"

typedef struct
{
  HsLayout            *layout;
  HsHeapState         *state;
  const HsObjectInfo  *infos;
  guint                n;
  guint               *edge_start;    /* n + 1: drawn edges grouped by source */
  guint               *edge_order;
  guint               *edge_target;   /* per edge of the state: target index */
  guint8              *visited;
  GArray              *queue;         /* guint: object indices in visit order */
  GHashTable          *freed;         /* ids freed during this step */
  GHashTable          *finalizing;    /* ids whose __del__ is running */
  GHashTable          *phases;        /* id → collector phase seen this step */
  GHashTable          *gen_frames;    /* generator id → its suspended HsFrameInfo */
} Build;

#define ID_KEY(id) ((gpointer) (gsize) (id))
#define NO_INDEX   G_MAXUINT

static void
card_free (gpointer data)
{
  Card *card = data;

  g_free (card->pub.value);
  g_array_unref (card->pub.rows);
  g_free (card);
}

static void
frame_free (gpointer data)
{
  HsLayoutFrame *frame = data;

  g_free (frame->function);
  g_array_unref (frame->rows);
  g_array_unref (frame->temporaries);
  g_free (frame);
}

/**
 * hs_layout_new:
 *
 * Returns: (transfer full): an empty layout; feed it with hs_layout_update()
 */
HsLayout *
hs_layout_new (void)
{
  HsLayout *layout = g_new0 (HsLayout, 1);

  layout->step = -1;
  layout->strings = g_string_chunk_new (4096);
  layout->cards_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, card_free);
  layout->cards = g_ptr_array_new ();
  layout->frames = g_ptr_array_new_with_free_func (frame_free);
  layout->edges = g_array_new (FALSE, FALSE, sizeof (HsLayoutEdge));
  layout->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  return layout;
}

void
hs_layout_free (HsLayout *layout)
{
  if (layout == NULL)
    return;

  g_ptr_array_unref (layout->cards);
  g_hash_table_unref (layout->cards_by_id);
  g_ptr_array_unref (layout->frames);
  g_array_unref (layout->edges);
  g_ptr_array_unref (layout->columns);
  g_string_chunk_free (layout->strings);
  g_free (layout);
}

/**
 * hs_layout_reset:
 * @layout: a layout
 *
 * Forgets every position: the next update lays the heap out from scratch.
 */
void
hs_layout_reset (HsLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_ptr_array_set_size (layout->cards, 0);
  g_hash_table_remove_all (layout->cards_by_id);
  g_ptr_array_set_size (layout->frames, 0);
  g_array_set_size (layout->edges, 0);
  g_ptr_array_set_size (layout->columns, 0);
  g_string_chunk_clear (layout->strings);
  memset (&layout->stats, 0, sizeof layout->stats);
  memset (&layout->bounds, 0, sizeof layout->bounds);
  layout->step = -1;
  layout->line = 0;
}

/* Columns ------------------------------------------------------------------ */

static GArray *
get_column (HsLayout *layout,
            int       col)
{
  while ((int) layout->columns->len <= col)
    g_ptr_array_add (layout->columns, g_array_new (FALSE, FALSE, sizeof (Slot)));

  return g_ptr_array_index (layout->columns, col);
}

/* The first slot whose top is at or below @y. */
static guint
lower_bound (GArray *slots,
             double  y)
{
  guint lo = 0, hi = slots->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (slots, Slot, mid).y0 < y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
find_slot (GArray *slots,
           Card   *card)
{
  guint i = lower_bound (slots, card->pub.y);

  /* Tops are distinct (slots never overlap), but search around for safety. */
  for (guint k = i; k < slots->len; k++)
    {
      if (g_array_index (slots, Slot, k).card == card)
        return k;
      if (g_array_index (slots, Slot, k).y0 > card->pub.y)
        break;
    }
  for (guint k = 0; k < slots->len; k++)
    if (g_array_index (slots, Slot, k).card == card)
      return k;

  return NO_INDEX;
}

gboolean
_hs_layout_column_free_at (HsLayout *layout,
                           int       col,
                           double    y,
                           double    pad,
                           Slot    **blocker)
{
  GArray *slots;
  guint i;

  if (col <= 0 || col >= (int) layout->columns->len)
    return TRUE;

  slots = g_ptr_array_index (layout->columns, col);
  /* Slots are sorted and disjoint: only the last one starting above y + pad can cover y. */
  i = lower_bound (slots, y + pad);
  if (i > 0)
    {
      Slot *s = &g_array_index (slots, Slot, i - 1);

      if (s->y1 + pad >= y)
        {
          if (blocker != NULL)
            *blocker = s;
          return FALSE;
        }
    }

  return TRUE;
}

/* The top of the free gap of height @h nearest to @desired; ties go below. */
static double
find_gap (GArray *slots,
          double  desired,
          double  h)
{
  const double gap = HS_LAYOUT_CARD_GAP;
  const double top = HS_LAYOUT_MARGIN;
  double y = MAX (desired, top);
  double down, up;
  guint i, first;
  int j;

  if (slots->len == 0)
    return y;
  if (isinf (desired))
    return MAX (top, g_array_index (slots, Slot, slots->len - 1).y1 + gap);

  first = lower_bound (slots, y);

  /* Downwards. */
  down = y;
  i = first;
  if (i > 0)
    down = MAX (down, g_array_index (slots, Slot, i - 1).y1 + gap);
  while (i < slots->len && down + h + gap > g_array_index (slots, Slot, i).y0)
    {
      down = MAX (down, g_array_index (slots, Slot, i).y1 + gap);
      i++;
    }
  if (down <= y)
    return down;

  /* Upwards. */
  up = y;
  if (first < slots->len && up + h + gap > g_array_index (slots, Slot, first).y0)
    up = g_array_index (slots, Slot, first).y0 - gap - h;
  for (j = (int) first - 1; j >= 0 && g_array_index (slots, Slot, j).y1 + gap > up; j--)
    up = MIN (up, g_array_index (slots, Slot, j).y0 - gap - h);

  if (up >= top && y - up < down - y)
    return up;

  return down;
}

static void
slot_insert (HsLayout *layout,
             Card     *card)
{
  GArray *slots = get_column (layout, card->pub.col);
  Slot slot = { card->pub.y, card->pub.y + card->reserved, card };

  g_array_insert_val (slots, lower_bound (slots, slot.y0), slot);
}

static void
slot_remove (HsLayout *layout,
             Card     *card)
{
  GArray *slots;
  guint i;

  if (!card->placed || card->pub.col >= (int) layout->columns->len)
    return;

  slots = g_ptr_array_index (layout->columns, card->pub.col);
  i = find_slot (slots, card);
  if (i != NO_INDEX)
    g_array_remove_index (slots, i);
}

/* A card grew past its slot: extend the slot and push down, in its column
 * only, the cards it would now overlap. */
static void
slot_grow (HsLayout *layout,
           Card     *card,
           double    height)
{
  GArray *slots = get_column (layout, card->pub.col);
  guint i = find_slot (slots, card);

  card->reserved = height;
  if (i == NO_INDEX)
    return;

  g_array_index (slots, Slot, i).y1 = card->pub.y + height;
  for (guint k = i + 1; k < slots->len; k++)
    {
      Slot *above = &g_array_index (slots, Slot, k - 1);
      Slot *s = &g_array_index (slots, Slot, k);
      double need = above->y1 + HS_LAYOUT_CARD_GAP;
      double delta;

      if (s->y0 >= need)
        break;
      delta = need - s->y0;
      s->y0 += delta;
      s->y1 += delta;
      s->card->pub.y += delta;
    }
}

/* Building ---------------------------------------------------------------- */

static guint
index_of (Build   *b,
          guint64  id)
{
  const HsObjectInfo *info;

  if (id == 0)
    return NO_INDEX;
  info = hs_heap_state_lookup (b->state, id);
  if (info == NULL)
    return NO_INDEX;

  return (guint) (info - b->infos);
}

/* References drawn as rows: dict keys appear as the rows' labels, and an
 * instance's class is its card's title, so neither gets an arrow. */
static gboolean
is_drawn_edge (const HsEdgeInfo *e)
{
  if (e->kind == HS_EDGE_KEY)
    return FALSE;
  if (e->kind == HS_EDGE_CLASS && g_strcmp0 (e->label, "__class__") == 0)
    return FALSE;

  return TRUE;
}

static void
group_edges (Build *b)
{
  GArray *edges = b->state->edges;
  guint *fill;

  b->edge_start = g_new0 (guint, b->n + 1);
  b->edge_order = g_new (guint, MAX (edges->len, 1));
  b->edge_target = g_new (guint, MAX (edges->len, 1));
  fill = g_new0 (guint, b->n + 1);

  for (guint e = 0; e < edges->len; e++)
    {
      const HsEdgeInfo *info = &g_array_index (edges, HsEdgeInfo, e);
      guint from = index_of (b, info->from);

      b->edge_target[e] = index_of (b, info->to);
      if (from == NO_INDEX || b->edge_target[e] == NO_INDEX || !is_drawn_edge (info))
        {
          b->edge_target[e] = NO_INDEX;
          continue;
        }
      b->edge_start[from + 1]++;
    }
  for (guint i = 0; i < b->n; i++)
    b->edge_start[i + 1] += b->edge_start[i];
  for (guint e = 0; e < edges->len; e++)
    {
      const HsEdgeInfo *info = &g_array_index (edges, HsEdgeInfo, e);
      guint from;

      if (b->edge_target[e] == NO_INDEX)
        continue;
      from = index_of (b, info->from);
      b->edge_order[b->edge_start[from] + fill[from]++] = e;
    }

  g_free (fill);
}

static void
read_events (Build *b)
{
  GArray *events = b->state->events;

  b->freed = g_hash_table_new (NULL, NULL);
  b->finalizing = g_hash_table_new (NULL, NULL);
  b->phases = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const HsEventInfo *ev = &g_array_index (events, HsEventInfo, i);

      switch (ev->kind)
        {
        case HS_EVENT_DEALLOC:
          /* Its count reached zero: gone from the heap shown, even while
           * its deallocation goes on (stepping into a line). */
          g_hash_table_add (b->freed, ID_KEY (ev->object));
          break;
        case HS_EVENT_FREE:
          g_hash_table_add (b->freed, ID_KEY (ev->object));
          g_hash_table_remove (b->finalizing, ID_KEY (ev->object));
          break;
        case HS_EVENT_DEL_START:
          g_hash_table_add (b->finalizing, ID_KEY (ev->object));
          break;
        case HS_EVENT_DEL_END:
          g_hash_table_remove (b->finalizing, ID_KEY (ev->object));
          break;
        case HS_EVENT_GC_PHASE:
          g_hash_table_insert (b->phases, ID_KEY (ev->object),
                               GUINT_TO_POINTER ((guint) (((guint64) ev->arg) >> 32)));
          break;
        default:
          break;
        }
    }

  /* A __del__ that started in an earlier step is still running while its
   * frame is on the stack: its `self` is being finalized. */
  for (guint i = 0; i < b->state->frames->len; i++)
    {
      const HsFrameInfo *f = g_ptr_array_index (b->state->frames, i);

      if (f->running && f->function != NULL && g_str_has_suffix (f->function, "__del__")
          && f->bindings->len > 0)
        {
          guint64 self = g_array_index (f->bindings, HsBindingInfo, 0).object;

          if (self != 0)
            g_hash_table_add (b->finalizing, ID_KEY (self));
        }
    }
}

/* A state's strings die with it; the layout keeps its own copies. */
static const char *
intern (Build      *b,
        const char *text)
{
  return g_string_chunk_insert_const (b->layout->strings, text != NULL ? text : "");
}

static Card *
ensure_card (HsLayout *layout,
             guint64   id)
{
  Card *card = g_hash_table_lookup (layout->cards_by_id, &id);

  if (card == NULL)
    {
      card = g_new0 (Card, 1);
      card->pub.id = id;
      card->pub.rows = g_array_new (FALSE, FALSE, sizeof (HsLayoutRow));
      card->pub.gc_refs = -1;
      g_hash_table_insert (layout->cards_by_id, &card->pub.id, card);
    }

  return card;
}

static void
visit (Build         *b,
       guint          index,
       HsLayoutCard  *parent_card,
       HsLayoutFrame *parent_frame,
       guint          parent_row)
{
  Card *card;

  if (index == NO_INDEX || b->visited[index])
    return;

  b->visited[index] = 1;
  if (b->queue->len >= HS_LAYOUT_MAX_CARDS)
    {
      b->layout->n_hidden++;
      return;
    }
  g_array_append_val (b->queue, index);

  card = ensure_card (b->layout, b->infos[index].id);
  card->shown_before = card->stamp + 1 == b->layout->stamp;
  card->stamp = b->layout->stamp;
  card->ghost = FALSE;
  if (!card->placed)
    {
      card->parent_card = parent_card;
      card->parent_frame = parent_frame;
      card->parent_row = parent_row;
    }
}

static void
add_row (GArray      *rows,
         HsRowKind    kind,
         guint8       edge_kind,
         const char  *label,
         guint64      target,
         guint        n_targets)
{
  HsLayoutRow row = { 0 };

  row.kind = kind;
  row.edge_kind = edge_kind;
  row.label = label;
  row.target = target;
  row.n_targets = n_targets;
  g_array_append_val (rows, row);
}

static const char *
row_label (Build            *b,
           const HsEdgeInfo *e)
{
  if (e->label != NULL && e->label[0] != '\0')
    return intern (b, e->label);

  switch (e->kind)
    {
    case HS_EDGE_WEAK:
      return g_intern_static_string ("referent");
    case HS_EDGE_ITEM:
      return g_intern_static_string ("\u2022");
    default:
      return g_intern_static_string ("ref");
    }
}

/* Names of a frame as rows; each named object is visited from its row. */
static void
add_binding_rows (Build              *b,
                  GArray             *rows,
                  const HsFrameInfo  *f,
                  HsLayoutCard       *card,
                  HsLayoutFrame      *frame)
{
  for (guint i = 0; i < f->bindings->len; i++)
    {
      const HsBindingInfo *binding = &g_array_index (f->bindings, HsBindingInfo, i);

      add_row (rows, HS_ROW_NAME, 0, intern (b, binding->name), binding->object, 1);
      visit (b, index_of (b, binding->object), card, frame, rows->len - 1);
    }
}

static void
build_frames (Build *b)
{
  HsLayout *layout = b->layout;
  HsLayoutFrame *innermost = NULL;

  g_ptr_array_set_size (layout->frames, 0);

  for (guint i = 0; i < b->state->frames->len; i++)
    {
      const HsFrameInfo *f = g_ptr_array_index (b->state->frames, i);
      HsLayoutFrame *frame;

      if (!f->running)
        {
          if (f->generator != 0)
            g_hash_table_insert (b->gen_frames, ID_KEY (f->generator), (gpointer) f);
          continue;
        }

      frame = g_new0 (HsLayoutFrame, 1);
      frame->function = g_strdup (f->function != NULL ? f->function : "?");
      frame->line = f->line;
      frame->generator = f->generator;
      frame->rows = g_array_new (FALSE, FALSE, sizeof (HsLayoutRow));
      frame->temporaries = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_ptr_array_add (layout->frames, frame);
      innermost = frame;

      add_binding_rows (b, frame->rows, f, NULL, frame);

      /* Temporaries: each shown object once, in stack order. */
      for (guint k = 0; k < f->stack->len; k++)
        {
          guint64 id = g_array_index (f->stack, guint64, k);
          gboolean dup = FALSE;

          if (index_of (b, id) == NO_INDEX)
            continue;
          for (guint m = 0; m < frame->temporaries->len && !dup; m++)
            dup = g_array_index (frame->temporaries, guint64, m) == id;
          if (!dup)
            g_array_append_val (frame->temporaries, id);
        }
      /* Visited after every name: an object a name reaches is born there. */
      if (frame->temporaries->len > 0)
        add_row (frame->rows, HS_ROW_TEMPS, 0, g_intern_static_string ("temporaries"),
                 g_array_index (frame->temporaries, guint64, 0), frame->temporaries->len);
    }

  if (innermost != NULL)
    innermost->current = TRUE;
}

static gboolean
is_container_type (const char *type_name)
{
  static const char *containers[] = { "list", "tuple", "dict", "set", "frozenset" };

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    if (g_str_equal (type_name, containers[i]))
      return TRUE;

  return FALSE;
}

static void
fill_card (Build *b,
           guint  index)
{
  const HsObjectInfo *info = &b->infos[index];
  Card *card = g_hash_table_lookup (b->layout->cards_by_id, &info->id);
  HsLayoutCard *pub = &card->pub;
  GArray *rows = pub->rows;
  guint start = b->edge_start[index], end = b->edge_start[index + 1];
  guint total = end - start;
  guint head = total, tail = 0;
  const HsFrameInfo *gen_frame;

  pub->type_name = intern (b, info->type_name);
  if (g_strcmp0 (pub->value, info->value) != 0)
    {
      g_free (pub->value);
      pub->value = g_strdup (info->value != NULL ? info->value : "");
    }
  pub->refcount = info->refcount;
  pub->size = info->size;
  pub->generation = info->generation;
  pub->flags = info->flags;
  pub->state = info->state;
  if (g_hash_table_contains (b->finalizing, ID_KEY (info->id)))
    pub->state = HS_OBJECT_FINALIZING;
  /* The phase an object reached is only reported in the step it happened;
   * it holds while the collection lasts. */
  if (g_hash_table_contains (b->phases, ID_KEY (info->id)))
    pub->gc_phase = (guint8) GPOINTER_TO_UINT (g_hash_table_lookup (b->phases, ID_KEY (info->id)));
  else if (!(info->flags & HS_OBJECT_FLAG_IN_COLLECTION) || !card->shown_before)
    pub->gc_phase = 0;
  pub->gc_refs = info->gc_refs;
  pub->is_new = !card->placed;

  g_array_set_size (rows, 0);

  /* Long containers show their head and tail around a "… N more" row
   * (a very long one lists only its ends: the rest is counted). */
  if (total > HS_LAYOUT_MAX_ROWS)
    {
      head = HS_LAYOUT_MAX_ROWS - 3;
      tail = 2;
    }
  for (guint k = 0; k < total; k++)
    {
      const HsEdgeInfo *e;
      guint edge;

      if (k == head && tail > 0)
        {
          add_row (rows, HS_ROW_MORE, 0, g_intern_static_string ("more"), 0,
                   (guint) (total - head - tail + info->n_omitted));
          k = total - tail;
        }
      edge = b->edge_order[start + k];
      e = &g_array_index (b->state->edges, HsEdgeInfo, edge);
      add_row (rows, HS_ROW_REF, e->kind, row_label (b, e), e->to, 1);
      visit (b, b->edge_target[edge], pub, NULL, rows->len - 1);
    }

  /* A suspended generator carries its frame. */
  gen_frame = g_hash_table_lookup (b->gen_frames, ID_KEY (info->id));
  if (gen_frame != NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s() \u00b7 line %d",
                                                gen_frame->function, gen_frame->line);

      add_row (rows, HS_ROW_SUBFRAME, 0, intern (b, title), 0, 0);
      add_binding_rows (b, rows, gen_frame, pub, NULL);
    }

  /* The value line, unless the rows or the title already say it all. */
  pub->show_value = g_strcmp0 (pub->value, pub->type_name) != 0
                    && (rows->len == 0 || !is_container_type (pub->type_name));
}

/* Fills the cards queued from @done on (which may queue more). */
static guint
expand (Build *b,
        guint  done)
{
  for (; done < b->queue->len; done++)
    fill_card (b, g_array_index (b->queue, guint, done));

  return done;
}

/* Objects that usually grow right after they are born (an instance in its
 * __init__, a list being filled) get room to grow into, so they do not
 * push their neighbours around on the next steps. */
static double
growth_room (const HsLayoutCard *card)
{
  static const char *fixed[] = {
    "int", "float", "complex", "str", "bytes", "bool", "NoneType", "tuple", "frozenset",
    "function", "type", "generator", "method", "builtin_function_or_method", "range",
    "weakref", "weakproxy", "cell", "code", "module", "ellipsis", "NotImplementedType",
    "slice", "traceback", "frame", "property", "staticmethod", "classmethod",
  };
  guint rows = card->rows->len;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_str_equal (card->type_name, fixed[i]))
      return 0;
  if (g_str_has_suffix (card->type_name, "iterator") || g_str_has_suffix (card->type_name, "Error")
      || g_str_has_suffix (card->type_name, "Exception"))
    return 0;

  /* Room for one more row, and for two rows at least. */
  return HS_LAYOUT_ROW_HEIGHT * MAX (1, 2 - (int) rows);
}

static double
card_height (const HsLayoutCard *card)
{
  return HS_LAYOUT_HEADER_HEIGHT + (card->show_value ? HS_LAYOUT_VALUE_HEIGHT : 0)
         + card->rows->len * HS_LAYOUT_ROW_HEIGHT + HS_LAYOUT_BOTTOM_PAD;
}

static void
set_row_positions (GArray *rows,
                   double  top)
{
  for (guint i = 0; i < rows->len; i++)
    g_array_index (rows, HsLayoutRow, i).y = top + (i + 0.5) * HS_LAYOUT_ROW_HEIGHT;
}

static void
layout_frames (HsLayout *layout)
{
  double y = HS_LAYOUT_MARGIN;

  for (guint i = 0; i < layout->frames->len; i++)
    {
      HsLayoutFrame *frame = g_ptr_array_index (layout->frames, i);

      frame->x = HS_LAYOUT_MARGIN;
      frame->y = y;
      frame->width = HS_LAYOUT_FRAME_WIDTH;
      frame->height = HS_LAYOUT_FRAME_HEADER_HEIGHT + frame->rows->len * HS_LAYOUT_ROW_HEIGHT
                      + HS_LAYOUT_BOTTOM_PAD;
      set_row_positions (frame->rows, HS_LAYOUT_FRAME_HEADER_HEIGHT);
      y += frame->height + HS_LAYOUT_FRAME_GAP;
    }
}

static void
place_card (HsLayout *layout,
            Card     *card)
{
  HsLayoutCard *pub = &card->pub;
  double port_y = INFINITY;
  GArray *slots;

  if (card->parent_card != NULL)
    {
      const HsLayoutCard *parent = card->parent_card;

      pub->col = parent->col + 1;
      port_y = parent->y + g_array_index (parent->rows, HsLayoutRow, card->parent_row).y;
    }
  else if (card->parent_frame != NULL)
    {
      const HsLayoutFrame *parent = card->parent_frame;

      pub->col = 1;
      port_y = parent->y + g_array_index (parent->rows, HsLayoutRow, card->parent_row).y;
    }
  else
    pub->col = 1;

  slots = get_column (layout, pub->col);
  pub->x = _hs_layout_column_x (pub->col);
  pub->y = find_gap (slots, port_y - HS_LAYOUT_HEADER_HEIGHT / 2, card->reserved);
  slot_insert (layout, card);
  card->placed = TRUE;
  card->parent_card = NULL;
  card->parent_frame = NULL;
}

static void
compute_bounds (HsLayout *layout)
{
  double right = 0, bottom = 0;

  for (guint i = 0; i < layout->frames->len; i++)
    {
      const HsLayoutFrame *f = g_ptr_array_index (layout->frames, i);

      right = MAX (right, f->x + f->width);
      bottom = MAX (bottom, f->y + f->height);
    }
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const HsLayoutCard *c = g_ptr_array_index (layout->cards, i);

      right = MAX (right, c->x + c->width);
      bottom = MAX (bottom, c->y + c->height);
    }
  for (guint i = 0; i < layout->edges->len; i++)
    {
      const HsLayoutEdge *e = &g_array_index (layout->edges, HsLayoutEdge, i);

      for (guint k = 0; k < e->n_points; k++)
        {
          right = MAX (right, e->points[2 * k]);
          bottom = MAX (bottom, e->points[2 * k + 1]);
        }
    }

  layout->bounds.x = 0;
  layout->bounds.y = 0;
  layout->bounds.width = right + HS_LAYOUT_MARGIN;
  layout->bounds.height = bottom + HS_LAYOUT_MARGIN;
}

/* Objects no frame reaches that are still drawn: garbage, objects in a
 * finalizer, and any object shown the step before that is still alive —
 * an object leaves the picture when it is freed, not when its last
 * visible referrer goes (stepping into a line that frees a chain shows
 * each link held until its holder is deallocated). A collection examines
 * interpreter internals too (a class's dict and bases, its descriptors):
 * being examined does not put them in the picture. */
static gboolean
is_root_state (const HsObjectInfo *info,
               Build              *b)
{
  Card *card;

  if (info->state != HS_OBJECT_ALIVE
      || g_hash_table_contains (b->finalizing, ID_KEY (info->id)))
    return TRUE;
  card = g_hash_table_lookup (b->layout->cards_by_id, &info->id);
  return card != NULL && !card->ghost && card->stamp + 1 == b->layout->stamp;
}

/**
 * hs_layout_update:
 * @layout: a layout
 * @state: the heap at the next step to show
 *
 * Lays @state out, keeping every object that was shown before where it
 * was. Feed the steps in order (or the same step again) for a stable film;
 * any state works, but objects that were not shown in the previous update
 * are placed anew.
 */
void
hs_layout_update (HsLayout    *layout,
                  HsHeapState *state)
{
  Build b = { 0 };
  GHashTableIter iter;
  gpointer value;
  guint n_survivors = 0, n_moved = 0, done;
  double total_move = 0, max_move = 0;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (state != NULL);

  layout->stamp++;
  layout->n_hidden = 0;
  memset (&layout->stats, 0, sizeof layout->stats);
  layout->step = (gint64) state->step;
  layout->line = state->line;

  b.layout = layout;
  b.state = state;
  b.infos = (const HsObjectInfo *) (gpointer) state->objects->data;
  b.n = state->objects->len;
  b.visited = g_new0 (guint8, MAX (b.n, 1));
  b.queue = g_array_new (FALSE, FALSE, sizeof (guint));
  b.gen_frames = g_hash_table_new (NULL, NULL);
  group_edges (&b);
  read_events (&b);

  /* Remember where survivors were, to measure how much they move. */
  g_hash_table_iter_init (&iter, layout->cards_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Card *card = value;

      card->old_x = card->pub.x;
      card->old_y = card->pub.y;
    }

  /* 1. Breadth-first from the frames' names, then from their temporaries,
   * then from what only a cycle keeps alive. */
  build_frames (&b);
  done = expand (&b, 0);
  for (guint f = 0; f < layout->frames->len; f++)
    {
      HsLayoutFrame *frame = g_ptr_array_index (layout->frames, f);

      for (guint k = 0; k < frame->temporaries->len; k++)
        visit (&b, index_of (&b, g_array_index (frame->temporaries, guint64, k)),
               NULL, frame, frame->rows->len - 1);
    }
  done = expand (&b, done);
  for (guint i = 0; i < b.n; i++)
    {
      if (b.visited[i] || !is_root_state (&b.infos[i], &b))
        continue;
      visit (&b, i, NULL, NULL, 0);
      done = expand (&b, done);
    }

  /* Past the cap the walk stopped: all the state's other objects are out. */
  if (layout->n_hidden > 0)
    layout->n_hidden = b.n - b.queue->len;

  /* 2. Ghosts: shown in the previous update and freed during this step. */
  g_ptr_array_set_size (layout->cards, 0);
  g_hash_table_iter_init (&iter, layout->cards_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Card *card = value;

      /* A ghost lasts one step: at the same step again (a redraw) it stays. */
      if (card->stamp + 1 == layout->stamp && card->placed
          && g_hash_table_contains (b.freed, ID_KEY (card->pub.id))
          && (!card->ghost || card->ghost_step == layout->step))
        {
          card->stamp = layout->stamp;
          card->ghost = TRUE;
          card->ghost_step = layout->step;
          card->pub.state = HS_OBJECT_FREED;
          card->pub.is_new = FALSE;
          card->pub.gc_phase = 0;
          /* It keeps its rows, to be recognised, but no arrow leaves it. */
          g_ptr_array_add (layout->cards, card);
        }
      else if (card->stamp != layout->stamp)
        {
          slot_remove (layout, card);
          layout->stats.n_removed++;
          g_hash_table_iter_remove (&iter);
        }
    }
  for (guint q = 0; q < b.queue->len; q++)
    {
      guint64 id = b.infos[g_array_index (b.queue, guint, q)].id;

      g_ptr_array_add (layout->cards, g_hash_table_lookup (layout->cards_by_id, &id));
    }

  /* 3. Heights; survivors that grew push down what they now overlap. */
  layout_frames (layout);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      Card *card = g_ptr_array_index (layout->cards, i);
      double h = card_height (&card->pub);

      set_row_positions (card->pub.rows,
                         HS_LAYOUT_HEADER_HEIGHT
                         + (card->pub.show_value ? HS_LAYOUT_VALUE_HEIGHT : 0));
      card->pub.width = HS_LAYOUT_CARD_WIDTH;
      card->pub.height = h;
      if (!card->placed)
        card->reserved = h + growth_room (&card->pub);
      else if (h > card->reserved)
        slot_grow (layout, card, h);
    }

  /* 4. Newcomers, in visit order: each next to its first referrer. */
  for (guint i = 0; i < layout->cards->len; i++)
    {
      Card *card = g_ptr_array_index (layout->cards, i);

      if (!card->placed)
        {
          place_card (layout, card);
          layout->stats.n_new++;
        }
    }

  /* 5. Arrows. */
  _hs_layout_route (layout);
  compute_bounds (layout);

  for (guint i = 0; i < layout->cards->len; i++)
    {
      Card *card = g_ptr_array_index (layout->cards, i);
      double d;

      if (card->pub.is_new)
        continue;
      d = hypot (card->pub.x - card->old_x, card->pub.y - card->old_y);
      n_survivors++;
      total_move += d;
      max_move = MAX (max_move, d);
      if (d > 0.01)
        n_moved++;
    }

  layout->stats.n_cards = layout->cards->len;
  layout->stats.n_survivors = n_survivors;
  layout->stats.n_moved = n_moved;
  layout->stats.mean_displacement = n_survivors > 0 ? total_move / n_survivors : 0;
  layout->stats.max_displacement = max_move;

  g_free (b.visited);
  g_array_unref (b.queue);
  g_free (b.edge_start);
  g_free (b.edge_order);
  g_free (b.edge_target);
  g_hash_table_unref (b.freed);
  g_hash_table_unref (b.finalizing);
  g_hash_table_unref (b.phases);
  g_hash_table_unref (b.gen_frames);
}

/* Accessors --------------------------------------------------------------- */

/* The step of the last update, or -1 before the first. */
gint64
hs_layout_get_step (HsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, -1);
  return layout->step;
}

int
hs_layout_get_line (HsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->line;
}

guint
hs_layout_get_n_cards (HsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->cards->len;
}

/* Cards in drawing order: this step's ghosts come first. */
const HsLayoutCard *
hs_layout_get_card (HsLayout *layout,
                    guint     index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->cards->len, NULL);
  return g_ptr_array_index (layout->cards, index);
}

/* The card of object @id, or %NULL when it is not shown. */
const HsLayoutCard *
hs_layout_lookup_card (HsLayout *layout,
                       guint64   id)
{
  Card *card;

  g_return_val_if_fail (layout != NULL, NULL);

  card = g_hash_table_lookup (layout->cards_by_id, &id);
  if (card == NULL || card->stamp != layout->stamp)
    return NULL;

  return &card->pub;
}

guint
hs_layout_get_n_frames (HsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->frames->len;
}

/* Running frames, outermost (the global frame) first. */
const HsLayoutFrame *
hs_layout_get_frame (HsLayout *layout,
                     guint     index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->frames->len, NULL);
  return g_ptr_array_index (layout->frames, index);
}

/* Objects of the state left out of the picture: 0, or once it holds
 * HS_LAYOUT_MAX_CARDS, all those not drawn. */
guint
hs_layout_get_n_hidden (HsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->n_hidden;
}

guint
hs_layout_get_n_edges (HsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->edges->len;
}

const HsLayoutEdge *
hs_layout_get_edge (HsLayout *layout,
                    guint     index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->edges->len, NULL);
  return &g_array_index (layout->edges, HsLayoutEdge, index);
}

/* The drawing's extent, margins included; it starts at (0, 0). */
void
hs_layout_get_bounds (HsLayout *layout,
                      HsRect   *bounds)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (bounds != NULL);
  *bounds = layout->bounds;
}

void
hs_layout_get_stats (HsLayout      *layout,
                     HsLayoutStats *stats)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (stats != NULL);
  *stats = layout->stats;
}

/**
 * hs_layout_hit_test:
 * @layout: a layout
 * @x: diagram x
 * @y: diagram y
 *
 * Returns: the id of the card under (@x, @y), topmost first, or 0
 */
guint64
hs_layout_hit_test (HsLayout *layout,
                    double    x,
                    double    y)
{
  g_return_val_if_fail (layout != NULL, 0);

  for (guint i = layout->cards->len; i > 0; i--)
    {
      const HsLayoutCard *c = g_ptr_array_index (layout->cards, i - 1);

      if (x >= c->x && x < c->x + c->width && y >= c->y && y < c->y + c->height)
        return c->id;
    }

  return 0;
}
