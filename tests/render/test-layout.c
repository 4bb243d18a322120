/* test-layout.c — the heap diagram's layout: invariants, stability, states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step of small snippets is laid out the way the app steps through
 * them, and each layout must keep the invariants (no overlap, every arrow
 * with both ends and around the cards). Objects that survive a step must
 * not move: that is what makes stepping look like a film.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-layout.h"
#include "render-test-util.h"

/* Two names for one small int (the seed's first example). */
static const char *alias_snippet =
  "x = 10\n"
  "y = x\n"
  "print(x is y)\n";

/* A list loses its names one by one and is freed. */
static const char *rebind_snippet =
  "first = [1, 2, 3]\n"
  "second = first\n"
  "first = [4, 5, 6]\n"
  "del second\n"
  "print('gone')\n";

/* Two objects that keep each other alive (the seed's memory leak). */
static const char *cycle_snippet =
  "import gc\n"
  "\n"
  "class Pair:\n"
  "    def __init__(self, label):\n"
  "        self.label = label\n"
  "\n"
  "left = Pair('L')\n"
  "right = Pair('R')\n"
  "left.other = right\n"
  "right.other = left\n"
  "del left\n"
  "del right\n"
  "gc.collect()\n"
  "print('collected')\n";

/* Nested calls: frames come and go. */
static const char *calls_snippet =
  "def area(w, h):\n"
  "    result = w * h\n"
  "    return result\n"
  "\n"
  "def total(shapes):\n"
  "    acc = 0\n"
  "    for s in shapes:\n"
  "        acc += area(s[0], s[1])\n"
  "    return acc\n"
  "\n"
  "shapes = [(2, 3), (4, 5)]\n"
  "print(total(shapes))\n";

/* Python Tutor's "jiggle" programs: rows reflow there, nothing moves here. */
static const char *jiggle_snippet =
  "x = [1, [2, [3, None]]]\n"
  "y = [4, [5, [6, None]]]\n"
  "x[1][1] = y[1]\n"
  "a = [1, 2, 3]\n"
  "b = [4, 5, 6]\n"
  "a = [7, 8, 9]\n"
  "print(len(x))\n";

/* A chain that becomes a cycle, and a long list that gets folded. */
static const char *chain_snippet =
  "class Node:\n"
  "    def __init__(self, value, after):\n"
  "        self.value = value\n"
  "        self.after = after\n"
  "\n"
  "head = None\n"
  "for i in range(5):\n"
  "    head = Node(i, head)\n"
  "head.after.after = head\n"
  "numbers = list(range(30))\n"
  "pair = [numbers, numbers]\n"
  "print(len(pair))\n";


/* A list grows past the room kept for it. */
static const char *growth_snippet =
  "items = []\n"
  "below = [0]\n"
  "for i in range(8):\n"
  "    items.append(i)\n"
  "print(len(items))\n";

typedef struct
{
  guint  steps;
  guint  survivors;
  guint  moved;
  double total;
  double max;
} Motion;

/* Lays out every step in order, checking each; returns how survivors moved. */
static void
film (const char *source,
      Motion     *motion)
{
  g_autoptr(HsTrace) trace = render_test_trace (source);
  g_autoptr(HsLayout) layout = hs_layout_new ();

  memset (motion, 0, sizeof *motion);
  for (guint64 s = 0; s < hs_trace_get_n_steps (trace); s++)
    {
      g_autoptr(HsHeapState) state = hs_trace_get_state (trace, s);
      HsLayoutStats stats;

      hs_layout_update (layout, state);
      g_assert_cmpint (hs_layout_get_step (layout), ==, (gint64) s);
      render_test_check_layout (layout);

      hs_layout_get_stats (layout, &stats);
      motion->steps++;
      motion->survivors += stats.n_survivors;
      motion->moved += stats.n_moved;
      motion->total += stats.mean_displacement * stats.n_survivors;
      motion->max = MAX (motion->max, stats.max_displacement);
    }
}

static void
test_invariants (gconstpointer data)
{
  Motion motion;

  film (data, &motion);
  g_test_message ("%u steps, %u survivor-steps, %u moved, mean %.3f px, max %.1f px",
                  motion.steps, motion.survivors, motion.moved,
                  motion.survivors > 0 ? motion.total / motion.survivors : 0, motion.max);
  g_assert_cmpuint (motion.steps, >, 2);
  g_assert_cmpuint (motion.survivors, >, 0);
}

/* Snippets whose objects never grow: survivors must not move at all. */
static void
test_stable (gconstpointer data)
{
  Motion motion;

  film (data, &motion);
  g_assert_cmpuint (motion.moved, ==, 0);
  g_assert_cmpfloat (motion.total, ==, 0.0);
}

/* A list that outgrows the room left below it pushes the cards under it
 * straight down, in its own column, and nothing else moves. */
static void
test_growth (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (growth_snippet);
  g_autoptr(HsLayout) layout = hs_layout_new ();
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint moved = 0;

  for (guint64 s = 0; s < hs_trace_get_n_steps (trace); s++)
    {
      g_autoptr(HsHeapState) state = hs_trace_get_state (trace, s);

      hs_layout_update (layout, state);
      render_test_check_layout (layout);
      for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
        {
          const HsLayoutCard *c = hs_layout_get_card (layout, i);
          double *old = g_hash_table_lookup (before, &c->id);

          if (old != NULL && !c->is_new)
            {
              g_assert_cmpfloat (c->x, ==, old[0]);
              g_assert_cmpfloat (c->y, >=, old[1]);
              g_assert_cmpfloat (c->col, ==, old[2]);
              if (c->y > old[1])
                moved++;
            }
          old = g_new (double, 3);
          old[0] = c->x;
          old[1] = c->y;
          old[2] = c->col;
          g_hash_table_insert (before, g_memdup2 (&c->id, sizeof c->id), old);
        }
    }
  g_assert_cmpuint (moved, >, 0);
}

static void
test_alias (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (alias_snippet);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, render_test_step_of_line (trace, 3));
  const HsLayoutFrame *global;
  const HsLayoutCard *ten;

  /* One int, shared (a cached small int), two names pointing at it. */
  g_assert_cmpuint (hs_layout_get_n_frames (layout), ==, 1);
  g_assert_cmpuint (hs_layout_get_n_cards (layout), ==, 1);
  ten = hs_layout_get_card (layout, 0);
  g_assert_cmpstr (ten->type_name, ==, "int");
  g_assert_cmpstr (ten->value, ==, "10");
  g_assert_true (ten->flags & HS_OBJECT_FLAG_SHARED);

  global = hs_layout_get_frame (layout, 0);
  g_assert_cmpstr (global->function, ==, "<module>");
  g_assert_cmpuint (hs_layout_get_n_edges (layout), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const HsLayoutEdge *e = hs_layout_get_edge (layout, i);

      g_assert_cmpint (e->link, ==, HS_LINK_NAME);
      g_assert_cmpuint (e->to, ==, ten->id);
      g_assert_cmpstr (e->label, ==, i == 0 ? "x" : "y");
    }
}

/* The object freed by `del second` is a ghost at the next step, in place,
 * and gone one step later. */
static void
test_ghost (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (rebind_snippet);
  guint64 del_step = render_test_step_of_line (trace, 4);
  g_autoptr(HsLayout) layout = hs_layout_new ();
  guint64 list_id = 0;
  double x = 0, y = 0;

  for (guint64 s = 0; s <= del_step + 2 && s < hs_trace_get_n_steps (trace); s++)
    {
      g_autoptr(HsHeapState) state = hs_trace_get_state (trace, s);
      const HsLayoutCard *card;

      hs_layout_update (layout, state);
      render_test_check_layout (layout);
      if (s == del_step)
        {
          /* `second` is the only name left for [1, 2, 3]. */
          const HsLayoutFrame *global = hs_layout_get_frame (layout, 0);

          for (guint r = 0; r < global->rows->len; r++)
            {
              const HsLayoutRow *row = &g_array_index (global->rows, HsLayoutRow, r);

              if (g_str_equal (row->label, "second"))
                list_id = row->target;
            }
          card = hs_layout_lookup_card (layout, list_id);
          g_assert_nonnull (card);
          g_assert_cmpint (card->state, ==, HS_OBJECT_ALIVE);
          x = card->x;
          y = card->y;
        }
      else if (s == del_step + 1)
        {
          card = hs_layout_lookup_card (layout, list_id);
          g_assert_nonnull (card);
          g_assert_cmpint (card->state, ==, HS_OBJECT_FREED);
          g_assert_cmpfloat (card->x, ==, x);
          g_assert_cmpfloat (card->y, ==, y);
          /* No arrow leaves or reaches a ghost. */
          for (guint e = 0; e < hs_layout_get_n_edges (layout); e++)
            {
              g_assert_cmpuint (hs_layout_get_edge (layout, e)->to, !=, list_id);
              g_assert_cmpuint (hs_layout_get_edge (layout, e)->from, !=, list_id);
            }
        }
      else if (s == del_step + 2)
        g_assert_null (hs_layout_lookup_card (layout, list_id));
    }
  g_assert_cmpuint (list_id, !=, 0);
}

/* At `gc.collect()` the pair is unreachable and still there, each holding
 * the other through `other`. */
static void
test_cycle (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (cycle_snippet);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, render_test_step_of_line (trace, 13));
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  guint others = 0;

  for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
    {
      const HsLayoutCard *c = hs_layout_get_card (layout, i);

      if (g_str_equal (c->type_name, "Pair"))
        {
          g_assert_cmpint (c->state, ==, HS_OBJECT_UNREACHABLE);
          g_assert_cmpint (c->refcount, ==, 1);
          g_assert_cmpint (c->generation, >=, 0);
          g_ptr_array_add (pairs, (gpointer) c);
        }
    }
  g_assert_cmpuint (pairs->len, ==, 2);

  for (guint e = 0; e < hs_layout_get_n_edges (layout); e++)
    {
      const HsLayoutEdge *edge = hs_layout_get_edge (layout, e);

      if (g_str_equal (edge->label, "other"))
        {
          others++;
          g_assert_true (edge->garbage);
          g_assert_cmpuint (edge->from, !=, edge->to);
          g_assert_nonnull (hs_layout_lookup_card (layout, edge->from));
        }
    }
  g_assert_cmpuint (others, ==, 2);
}

/* A call's frame appears below the global frame and goes away. */
static void
test_frames (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (calls_snippet);
  g_autoptr(HsLayout) inner = render_test_layout_at (trace, render_test_step_of_line (trace, 2));
  const HsLayoutFrame *global, *total, *area;

  g_assert_cmpuint (hs_layout_get_n_frames (inner), ==, 3);
  global = hs_layout_get_frame (inner, 0);
  total = hs_layout_get_frame (inner, 1);
  area = hs_layout_get_frame (inner, 2);
  g_assert_cmpstr (global->function, ==, "<module>");
  g_assert_cmpstr (total->function, ==, "total");
  g_assert_cmpstr (area->function, ==, "area");
  g_assert_false (global->current);
  g_assert_true (area->current);
  g_assert_cmpfloat (total->y, >, global->y + global->height);
  g_assert_cmpfloat (area->y, >, total->y + total->height);
}

/* Long containers show their head and tail around "… N more". */
static void
test_folding (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (chain_snippet);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, render_test_step_of_line (trace, 12));
  gboolean found = FALSE;

  for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
    {
      const HsLayoutCard *c = hs_layout_get_card (layout, i);
      const HsLayoutRow *more;

      if (!g_str_equal (c->type_name, "list") || c->rows->len <= 2)
        continue;
      found = TRUE;
      g_assert_cmpuint (c->rows->len, ==, HS_LAYOUT_MAX_ROWS);
      more = &g_array_index (c->rows, HsLayoutRow, HS_LAYOUT_MAX_ROWS - 3);
      g_assert_cmpint (more->kind, ==, HS_ROW_MORE);
      g_assert_cmpuint (more->n_targets, ==, 30 - (HS_LAYOUT_MAX_ROWS - 1));
      g_assert_cmpstr (g_array_index (c->rows, HsLayoutRow, 0).label, ==, "[0]");
      g_assert_cmpstr (g_array_index (c->rows, HsLayoutRow, HS_LAYOUT_MAX_ROWS - 1).label, ==, "[29]");
    }
  g_assert_true (found);
}

/* A container far too long to list: the state lists its ends and counts
 * the rest, the card still says how many entries are folded, and every
 * distinct object it holds is in the state. */
static void
test_huge_container (void)
{
  static const char source[] =
    "items = [0] * 2500000 + [1.5, 2.5]\n"
    "table = dict(zip(range(5000), range(5000)))\n"
    "print(len(items), len(table))\n";
  g_autoptr(HsTrace) trace = render_test_trace (source);
  guint64 step = render_test_step_of_line (trace, 3);
  g_autoptr(HsHeapState) state = hs_trace_get_state (trace, step);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, step);
  guint found = 0;

  /* Edges: 1,000 from the list, 2 × 1,000 from the dict, a few others. */
  g_assert_cmpuint (state->edges->len, <, 3100);
  for (guint i = 0; i < state->objects->len; i++)
    {
      const HsObjectInfo *o = &g_array_index (state->objects, HsObjectInfo, i);

      if (g_str_equal (o->type_name, "list"))
        g_assert_cmpuint (o->n_omitted, ==, 2500002 - 1000);
      if (g_str_equal (o->type_name, "dict"))
        g_assert_cmpuint (o->n_omitted, ==, 5000 - 1000);
    }
  /* The dict's 5,000 ints (256 of them cached) are there though unlisted. */
  {
    guint ints = 0;

    for (guint i = 0; i < state->objects->len; i++)
      ints += g_str_equal (g_array_index (state->objects, HsObjectInfo, i).type_name, "int");
    g_assert_cmpuint (ints, >=, 5000);
  }

  for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
    {
      const HsLayoutCard *c = hs_layout_get_card (layout, i);
      const HsLayoutRow *more;
      guint n = g_str_equal (c->type_name, "list") ? 2500002 : g_str_equal (c->type_name, "dict") ? 5000 : 0;

      if (n == 0)
        continue;
      found++;
      g_assert_cmpuint (c->rows->len, ==, HS_LAYOUT_MAX_ROWS);
      more = &g_array_index (c->rows, HsLayoutRow, HS_LAYOUT_MAX_ROWS - 3);
      g_assert_cmpint (more->kind, ==, HS_ROW_MORE);
      g_assert_cmpuint (more->n_targets, ==, n - (HS_LAYOUT_MAX_ROWS - 1));
    }
  g_assert_cmpuint (found, ==, 2);
  {
    const HsLayoutCard *list = NULL;

    for (guint i = 0; i < hs_layout_get_n_cards (layout); i++)
      if (g_str_equal (hs_layout_get_card (layout, i)->type_name, "list"))
        list = hs_layout_get_card (layout, i);
    g_assert_cmpstr (g_array_index (list->rows, HsLayoutRow, HS_LAYOUT_MAX_ROWS - 1).label, ==,
                     "[2500001]");
  }
}

/* A heap of thousands of objects: the picture draws the first
 * HS_LAYOUT_MAX_CARDS the walk from the frames meets and counts the rest. */
static void
test_too_many_cards (void)
{
  static const char source[] =
    "a = []\n"
    "for i in range(3000):\n"
    "    a = [a]\n"
    "print('built')\n";
  g_autoptr(HsTrace) trace = render_test_trace (source);
  guint64 step = render_test_step_of_line (trace, 4);
  g_autoptr(HsHeapState) state = hs_trace_get_state (trace, step);
  g_autoptr(HsLayout) layout = hs_layout_new ();
  guint lists = 0;

  hs_layout_update (layout, state);
  for (guint i = 0; i < state->objects->len; i++)
    lists += g_str_equal (g_array_index (state->objects, HsObjectInfo, i).type_name, "list");
  g_assert_cmpuint (lists, ==, 3001);
  g_assert_cmpuint (hs_layout_get_n_cards (layout), ==, HS_LAYOUT_MAX_CARDS);
  g_assert_cmpuint (hs_layout_get_n_hidden (layout), ==, state->objects->len - HS_LAYOUT_MAX_CARDS);
  /* The outermost lists are the ones drawn: the one `a` names first. */
  g_assert_nonnull (hs_layout_lookup_card (layout, g_array_index (hs_layout_get_frame (layout, 0)->rows,
                                                                  HsLayoutRow, 0).target));
  render_test_check_layout (layout);
}

/* The same steps give the same picture, and a fresh layout of one step
 * keeps the invariants too. */
static void
test_deterministic (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (jiggle_snippet);
  guint64 last = render_test_step_of_line (trace, 7);
  g_autoptr(HsLayout) a = render_test_layout_at (trace, last);
  g_autoptr(HsLayout) b = render_test_layout_at (trace, last);
  g_autoptr(HsLayout) fresh = hs_layout_new ();
  g_autoptr(HsHeapState) state = hs_trace_get_state (trace, last);
  guint ghosts = 0;

  g_assert_cmpuint (hs_layout_get_n_cards (a), ==, hs_layout_get_n_cards (b));
  for (guint i = 0; i < hs_layout_get_n_cards (a); i++)
    {
      const HsLayoutCard *ca = hs_layout_get_card (a, i), *cb = hs_layout_get_card (b, i);

      g_assert_cmpuint (ca->id, ==, cb->id);
      g_assert_cmpfloat (ca->x, ==, cb->x);
      g_assert_cmpfloat (ca->y, ==, cb->y);
    }
  g_assert_cmpuint (hs_layout_get_n_edges (a), ==, hs_layout_get_n_edges (b));
  for (guint i = 0; i < hs_layout_get_n_edges (a); i++)
    g_assert_cmpmem (hs_layout_get_edge (a, i)->points, sizeof (double) * 2 * HS_LAYOUT_MAX_POINTS,
                     hs_layout_get_edge (b, i)->points, sizeof (double) * 2 * HS_LAYOUT_MAX_POINTS);

  /* A fresh layout has no previous step, hence no ghosts. */
  hs_layout_update (fresh, state);
  render_test_check_layout (fresh);
  for (guint i = 0; i < hs_layout_get_n_cards (a); i++)
    if (hs_layout_get_card (a, i)->state == HS_OBJECT_FREED)
      ghosts++;
  g_assert_cmpuint (hs_layout_get_n_cards (fresh) + ghosts, ==, hs_layout_get_n_cards (a));

  /* Updating with the same state again changes nothing. */
  hs_layout_update (a, state);
  for (guint i = 0; i < hs_layout_get_n_cards (a); i++)
    g_assert_cmpfloat (hs_layout_get_card (a, i)->y, ==, hs_layout_get_card (b, i)->y);
}

/* After the last line the global names still hold their objects. */
static void
test_end_of_program (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (alias_snippet);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, hs_trace_get_n_steps (trace) - 1);
  const HsLayoutFrame *global;

  g_assert_cmpint (hs_layout_get_line (layout), ==, 0);
  g_assert_cmpuint (hs_layout_get_n_frames (layout), ==, 1);
  global = hs_layout_get_frame (layout, 0);
  g_assert_cmpstr (global->function, ==, "<module>");
  g_assert_cmpuint (global->rows->len, ==, 2);
  g_assert_cmpuint (hs_layout_get_n_cards (layout), ==, 1);
  g_assert_cmpuint (hs_layout_get_n_edges (layout), ==, 2);
  render_test_check_layout (layout);
}

static void
test_hit_test (void)
{
  g_autoptr(HsTrace) trace = render_test_trace (alias_snippet);
  g_autoptr(HsLayout) layout = render_test_layout_at (trace, render_test_step_of_line (trace, 3));
  const HsLayoutCard *ten = hs_layout_get_card (layout, 0);
  HsRect bounds;

  g_assert_cmpuint (hs_layout_hit_test (layout, ten->x + 5, ten->y + 5), ==, ten->id);
  g_assert_cmpuint (hs_layout_hit_test (layout, 1, 1), ==, 0);
  hs_layout_get_bounds (layout, &bounds);
  g_assert_cmpfloat (bounds.width, >=, ten->x + ten->width);
  g_assert_cmpfloat (bounds.height, >=, ten->y + ten->height);

  hs_layout_reset (layout);
  g_assert_cmpuint (hs_layout_get_n_cards (layout), ==, 0);
  g_assert_cmpint (hs_layout_get_step (layout), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/huge-container", test_huge_container);
  g_test_add_func ("/render/layout/too-many-cards", test_too_many_cards);
  g_test_add_data_func ("/render/layout/invariants/alias", alias_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/invariants/rebind", rebind_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/invariants/cycle", cycle_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/invariants/calls", calls_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/invariants/jiggle", jiggle_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/invariants/chain", chain_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/stable/rebind", rebind_snippet, test_stable);
  g_test_add_data_func ("/render/layout/stable/jiggle", jiggle_snippet, test_stable);
  g_test_add_data_func ("/render/layout/stable/calls", calls_snippet, test_stable);
  g_test_add_data_func ("/render/layout/invariants/growth", growth_snippet, test_invariants);
  g_test_add_data_func ("/render/layout/stable/cycle", cycle_snippet, test_stable);
  g_test_add_data_func ("/render/layout/stable/chain", chain_snippet, test_stable);
  g_test_add_func ("/render/layout/growth", test_growth);
  g_test_add_func ("/render/layout/alias", test_alias);
  g_test_add_func ("/render/layout/ghost", test_ghost);
  g_test_add_func ("/render/layout/cycle", test_cycle);
  g_test_add_func ("/render/layout/frames", test_frames);
  g_test_add_func ("/render/layout/folding", test_folding);
  g_test_add_func ("/render/layout/deterministic", test_deterministic);
  g_test_add_func ("/render/layout/end-of-program", test_end_of_program);
  g_test_add_func ("/render/layout/hit-test", test_hit_test);

  return g_test_run ();
}
