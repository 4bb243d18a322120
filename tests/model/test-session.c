/* test-session.c — HsSession driven through the seed guide's examples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refcounts and generations are checked against python3 3.11: each value
 * below was printed by the same snippet under CPython with
 * sys.getrefcount(x) - 1 (or ctypes for an object no name reaches) and
 * gc.get_objects(generation=n).
 */

#include "config.h"

#include "model-test-util.h"

/* The seed's second example, in other words: two names, one list. */
static const char list_snippet[] =
  "numbers = [1, 2, 3]\n"                 /* 1 */
  "print('numbers is', numbers)\n"        /* 2 */
  "alias = numbers\n"                     /* 3 */
  "numbers = [4, 5, 6]\n"                 /* 4 */
  "del alias\n"                           /* 5 */
  "print('the first list is gone')\n";    /* 6 */

/* The seed's cycle: two objects pointing at each other, each with __del__. */
static const char cycle_snippet[] =
  "class Node:\n"                                   /* 1 */
  "    def __init__(self, label):\n"                /* 2 */
  "        self.label = label\n"                    /* 3 */
  "        self.partner = None\n"                   /* 4 */
  "\n"                                              /* 5 */
  "    def __del__(self):\n"                        /* 6 */
  "        print('finalizing', self.label)\n"       /* 7 */
  "\n"                                              /* 8 */
  "left = Node('left')\n"                           /* 9 */
  "right = Node('right')\n"                         /* 10 */
  "left.partner = right\n"                          /* 11 */
  "right.partner = left\n"                          /* 12 */
  "del left\n"                                      /* 13 */
  "del right\n"                                     /* 14 */
  "import gc\n"                                     /* 15 */
  "found = gc.collect()\n"                          /* 16 */
  "print(found, 'objects collected')\n";            /* 17 */

static void
test_defaults (void)
{
  g_autoptr(HsSession) session = hs_session_new ();

  g_assert_cmpstr (hs_session_get_source (session), ==, "");
  g_assert_cmpstr (hs_session_get_filename (session), ==, "<snippet>");
  g_assert_cmpuint (hs_session_get_max_steps (session), ==, 100000);
  g_assert_cmpuint (hs_session_get_step (session), ==, 0);
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 0);
  g_assert_cmpint (hs_session_get_line (session), ==, 0);
  g_assert_false (hs_session_get_running (session));
  g_assert_false (hs_session_get_loading (session));
  g_assert_false (hs_session_get_truncated (session));
  g_assert_null (hs_session_get_error (session));
  g_assert_cmpstr (hs_session_get_output (session), ==, "");
  g_assert_cmpstr (hs_session_get_explanation (session), ==, "");
  g_assert_null (hs_session_dup_state (session));
  g_assert_cmpuint (g_list_model_get_n_items (hs_session_get_objects (session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hs_session_get_frames (session)), ==, 0);
  g_assert_true (g_list_model_get_item_type (hs_session_get_objects (session))
                 == HS_TYPE_HEAP_OBJECT);
  g_assert_true (g_list_model_get_item_type (hs_session_get_frames (session))
                 == HS_TYPE_FRAME_ITEM);

  /* Nothing to step through yet. */
  g_assert_false (hs_session_step_forward (session));
  g_assert_false (hs_session_step_back (session));
  g_assert_false (hs_session_go_to_next_gc (session));
  hs_session_set_step (session, 5);
  g_assert_cmpuint (hs_session_get_step (session), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
test_list_refcounts (void)
{
  g_autoptr(HsSession) session = session_new_with (list_snippet);
  HsHeapObject *first;
  HsHeapObject *second;
  GListModel *objects = hs_session_get_objects (session);

  /* Six lines, then the end. */
  g_assert_cmpuint (hs_session_get_n_steps (session), ==, 7);
  g_assert_cmpint (hs_session_get_line (session), ==, 1);
  g_assert_cmpstr (hs_session_get_explanation (session), ==,
                   "The program is about to start: line 1 runs first.");
  g_assert_null (lookup_name (session, "numbers"));

  /* numbers = [1, 2, 3]: one reference (python3: getrefcount 2). */
  go_to_line (session, 2);
  first = lookup_name (session, "numbers");
  g_assert_nonnull (first);
  g_assert_cmpstr (hs_heap_object_get_type_name (first), ==, "list");
  g_assert_cmpstr (hs_heap_object_get_value_text (first), ==, "[1, 2, 3]");
  g_assert_cmpint (hs_heap_object_get_refcount (first), ==, 1);
  g_assert_cmpint (hs_heap_object_get_generation (first), ==, 0);
  g_assert_false (hs_heap_object_get_shared (first));
  g_assert_cmpint (hs_heap_object_get_state (first), ==, HS_OBJECT_ALIVE);
  g_assert_cmpuint (hs_heap_object_get_referrer_count (first), ==, 1);
  g_assert_cmpuint (hs_heap_object_get_size (first), >, 0);
  g_assert_cmpint (list_position (objects, first), >=, 0);
  g_assert_cmpstr (hs_session_get_explanation (session), ==,
                   "line 1: `numbers = [1, 2, 3]` — `numbers` now refers to a new list [1, 2, 3]");
  g_assert_cmpstr (hs_session_get_output (session), ==, "");

  /* alias = numbers: two (python3: 2). */
  go_to_line (session, 4);
  g_assert_true (lookup_name (session, "alias") == first);
  g_assert_cmpint (hs_heap_object_get_refcount (first), ==, 2);
  g_assert_cmpuint (hs_heap_object_get_referrer_count (first), ==, 2);
  g_assert_cmpstr (hs_session_get_explanation (session), ==,
                   "line 3: `alias = numbers` — `alias` now refers to the list [1, 2, 3]; "
                   "the list [1, 2, 3]'s refcount 1 → 2");
  g_assert_cmpstr (hs_session_get_output (session), ==, "numbers is [1, 2, 3]\n");

  /* numbers = [4, 5, 6]: the first list keeps one, the new one has one. */
  go_to_line (session, 5);
  second = lookup_name (session, "numbers");
  g_assert_true (second != first);
  g_assert_cmpint (hs_heap_object_get_refcount (first), ==, 1);
  g_assert_cmpint (hs_heap_object_get_refcount (second), ==, 1);
  g_assert_cmpuint (hs_heap_object_get_id (second), >, hs_heap_object_get_id (first));
  g_assert_cmpint (list_position (objects, second), >, list_position (objects, first));
  g_assert_nonnull (strstr (hs_session_get_explanation (session),
                            "`numbers` now refers to a new list [4, 5, 6] instead of the list "
                            "[1, 2, 3]"));

  /* del alias: the first list is freed, and shown once more as such. */
  go_to_line (session, 6);
  g_assert_null (lookup_name (session, "alias"));
  g_assert_cmpint (hs_heap_object_get_state (first), ==, HS_OBJECT_FREED);
  g_assert_cmpint (hs_heap_object_get_refcount (first), ==, 0);
  g_assert_cmpint (list_position (objects, first), >=, 0);
  g_assert_cmpstr (hs_session_get_explanation (session), ==,
                   "line 5: `del alias` — the reference from `alias` to the list [1, 2, 3] is "
                   "removed; the list [1, 2, 3]'s refcount 1 → 0: it is freed");

  /* ...and is gone the step after. */
  g_assert_true (hs_session_step_forward (session));
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 0);
  g_assert_cmpint (list_position (objects, first), ==, -1);
  g_assert_cmpint (list_position (objects, second), >=, 0);
  g_assert_cmpstr (hs_session_get_output (session), ==,
                   "numbers is [1, 2, 3]\nthe first list is gone\n");
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "the program has finished"));
  g_assert_false (hs_session_step_forward (session));

  /* Going back brings back the same objects, not copies. */
  go_to_line (session, 4);
  g_assert_true (lookup_name (session, "numbers") == first);
  g_assert_cmpint (hs_heap_object_get_state (first), ==, HS_OBJECT_ALIVE);
  g_assert_cmpint (hs_heap_object_get_refcount (first), ==, 2);
  g_assert_true (hs_session_lookup_object (session, hs_heap_object_get_id (first)) == first);

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* The seed's first example: x = 10; y = x. 10 is a shared small int:
 * CPython 3.11 counts from 999999999 for it, so only the difference is
 * meaningful; it is never tracked by the collector. */
static void
test_small_int (void)
{
  g_autoptr(HsSession) session = session_new_with ("x = 10\ny = x\nprint(y)\n");
  HsHeapObject *ten;
  gint64 before;

  go_to_line (session, 2);
  ten = lookup_name (session, "x");
  g_assert_nonnull (ten);
  g_assert_cmpstr (hs_heap_object_get_type_name (ten), ==, "int");
  g_assert_cmpstr (hs_heap_object_get_value_text (ten), ==, "10");
  g_assert_true (hs_heap_object_get_shared (ten));
  g_assert_cmpint (hs_heap_object_get_generation (ten), ==, HS_GENERATION_NOT_GC);
  before = hs_heap_object_get_refcount (ten);
  g_assert_cmpint (before, >, 999999999);

  go_to_line (session, 3);
  g_assert_true (lookup_name (session, "y") == ten);
  g_assert_cmpint (hs_heap_object_get_refcount (ten), ==, before + 1);
  g_assert_nonnull (strstr (hs_session_get_explanation (session),
                            "`y` now refers to the int 10; the int 10's refcount"));

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
test_cycle (void)
{
  g_autoptr(HsSession) session = session_new_with (cycle_snippet);
  GListModel *objects = hs_session_get_objects (session);
  HsHeapObject *left;
  HsHeapObject *right;
  guint64 collect_step;
  gboolean found_finalizer = FALSE;

  /* left = Node('left'): one reference, generation 0 (python3: 1, 0). */
  go_to_line (session, 10);
  left = lookup_name (session, "left");
  g_assert_nonnull (left);
  g_assert_cmpstr (hs_heap_object_get_type_name (left), ==, "Node");
  g_assert_cmpint (hs_heap_object_get_refcount (left), ==, 1);
  g_assert_cmpint (hs_heap_object_get_generation (left), ==, 0);
  g_assert_true (hs_heap_object_get_has_finalizer (left));
  g_assert_false (hs_heap_object_get_finalized (left));

  /* The cycle: two references each (python3: 2 and 2). */
  go_to_line (session, 13);
  right = lookup_name (session, "right");
  g_assert_cmpint (hs_heap_object_get_refcount (left), ==, 2);
  g_assert_cmpint (hs_heap_object_get_refcount (right), ==, 2);
  g_assert_cmpint (hs_heap_object_get_generation (right), ==, 0);
  g_assert_cmpuint (hs_heap_object_get_referrer_count (left), ==, 2);

  /* del left: one left, still reachable through right (python3: 1). */
  go_to_line (session, 14);
  g_assert_null (lookup_name (session, "left"));
  g_assert_cmpint (hs_heap_object_get_refcount (left), ==, 1);
  g_assert_cmpint (hs_heap_object_get_state (left), ==, HS_OBJECT_ALIVE);
  g_assert_nonnull (strstr (hs_session_get_explanation (session),
                            "line 13: `del left` — the reference from `left` to the Node object at"));
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "refcount 2 → 1"));

  /* del right: both are garbage only the collector can find (python3: 1, 1). */
  go_to_line (session, 15);
  g_assert_cmpint (hs_heap_object_get_refcount (left), ==, 1);
  g_assert_cmpint (hs_heap_object_get_refcount (right), ==, 1);
  g_assert_cmpint (hs_heap_object_get_state (left), ==, HS_OBJECT_UNREACHABLE);
  g_assert_cmpint (hs_heap_object_get_state (right), ==, HS_OBJECT_UNREACHABLE);
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "unreachable"));

  /* gc.collect() finalizes left first, then right, as CPython does. */
  g_assert_true (hs_session_go_to_next_gc (session));
  wait_for_session (session);
  collect_step = hs_session_get_step (session);
  g_assert_cmpint (hs_session_get_line (session), ==, 7);
  g_assert_cmpint (hs_session_get_step_line (session, collect_step - 1), ==, 16);
  g_assert_cmpint (hs_heap_object_get_state (left), ==, HS_OBJECT_FINALIZING);
  /* left's __del__ can reach right through self.partner again. */
  g_assert_cmpint (hs_heap_object_get_state (right), ==, HS_OBJECT_ALIVE);
  g_assert_nonnull (strstr (hs_session_get_explanation (session),
                            "the garbage collector runs on generation 2; `Node.__del__` runs for "
                            "the Node object at"));
  for (guint i = 0; i < g_list_model_get_n_items (hs_session_get_frames (session)); i++)
    {
      g_autoptr(HsFrameItem) frame = g_list_model_get_item (hs_session_get_frames (session), i);

      if (g_strcmp0 (hs_frame_item_get_function_name (frame), "Node.__del__") == 0)
        found_finalizer = TRUE;
    }
  g_assert_true (found_finalizer);
  g_assert_true (lookup_name (session, "self") == left);
  /* No other collection after this one. */
  g_assert_false (hs_session_go_to_next_gc (session));
  g_assert_cmpuint (hs_session_get_step (session), ==, collect_step);

  /* Right's turn. */
  g_assert_true (hs_session_step_forward (session));
  wait_for_session (session);
  g_assert_cmpint (hs_heap_object_get_state (right), ==, HS_OBJECT_FINALIZING);
  g_assert_true (lookup_name (session, "self") == right);
  g_assert_cmpstr (hs_session_get_output (session), ==, "finalizing left\n");

  /* After the collection: both freed, shown once as such. */
  go_to_line (session, 17);
  g_assert_cmpint (hs_heap_object_get_state (left), ==, HS_OBJECT_FREED);
  g_assert_cmpint (hs_heap_object_get_state (right), ==, HS_OBJECT_FREED);
  g_assert_cmpint (hs_heap_object_get_refcount (left), ==, 0);
  g_assert_cmpint (list_position (objects, left), >=, 0);
  g_assert_true (hs_heap_object_get_finalized (left));
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "the garbage collector frees"));
  g_assert_nonnull (strstr (hs_session_get_explanation (session),
                            "the collection finds 2 unreachable objects"));

  hs_session_go_to_last (session);
  wait_for_session (session);
  g_assert_cmpint (list_position (objects, left), ==, -1);
  g_assert_cmpint (list_position (objects, right), ==, -1);
  /* python3 prints the same. */
  g_assert_cmpstr (hs_session_get_output (session), ==,
                   "finalizing left\nfinalizing right\n2 objects collected\n");

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* Stepping into `del chain`: the heap as each event of the line happens.
 * The counts reach zero head first, each link as its holder releases it
 * (the order CPython's weakref callbacks show: test-event-steps checks it
 * against python3). */
static const char chain_snippet[] =
  "class Node:\n"
  "    def __init__(self, name, nxt=None):\n"
  "        self.name = name\n"
  "        self.next = nxt\n"
  "chain = Node('a', Node('b', Node('c')))\n"
  "del chain\n"
  "print('done')\n";

static void
test_step_into (void)
{
  g_autoptr(HsSession) session = session_new_with (chain_snippet);
  GListModel *objects = hs_session_get_objects (session);
  HsHeapObject *nodes[3] = { NULL };   /* a, b, c */
  int freed_at[3] = { -1, -1, -1 };
  guint64 step;
  guint n_nodes = 0;

  go_to_line (session, 6);
  step = hs_session_get_step (session);
  g_assert_cmpint (hs_session_get_event (session), ==, -1);
  nodes[0] = lookup_name (session, "chain");
  /* By id, the objects come in creation order: c, then b, then a. */
  for (guint i = g_list_model_get_n_items (objects); i > 0; i--)
    {
      g_autoptr(HsHeapObject) o = g_list_model_get_item (objects, i - 1);

      if (g_strcmp0 (hs_heap_object_get_type_name (o), "Node") == 0)
        nodes[n_nodes++] = o;
    }
  g_assert_cmpuint (n_nodes, ==, 3);
  g_assert_true (nodes[0] == lookup_name (session, "chain"));

  g_assert_true (hs_session_step_into (session));
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_event (session), ==, 0);
  g_assert_cmpuint (hs_session_get_step (session), ==, step);
  g_assert_cmpint (hs_session_get_line (session), ==, 6);
  g_assert_cmpuint (hs_session_get_n_events (session), >=, 7);
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "Inside line 6, event 1 of"));

  /* Forward through the events until the line is done. */
  while (hs_session_get_event (session) >= 0)
    {
      int event = hs_session_get_event (session);

      for (guint i = 0; i < 3; i++)
        if (freed_at[i] < 0 && hs_heap_object_get_state (nodes[i]) == HS_OBJECT_FREED)
          {
            freed_at[i] = event;
            g_assert_nonnull (strstr (hs_session_get_explanation (session), "reaches zero"));
            /* The next link is still there, held by the one going. */
            if (i < 2)
              {
                g_assert_cmpint (hs_heap_object_get_state (nodes[i + 1]), ==, HS_OBJECT_ALIVE);
                g_assert_cmpint (hs_heap_object_get_refcount (nodes[i + 1]), ==, 1);
              }
          }
      g_assert_true (hs_session_step_forward (session));
      wait_for_session (session);
    }
  g_assert_cmpint (freed_at[0], >=, 0);
  g_assert_cmpint (freed_at[0], <, freed_at[1]);
  g_assert_cmpint (freed_at[1], <, freed_at[2]);
  /* Past the last event: the next step, all three freed. */
  g_assert_cmpuint (hs_session_get_step (session), ==, step + 1);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (hs_heap_object_get_state (nodes[i]), ==, HS_OBJECT_FREED);

  /* Back into the line at its first event, then out of it. */
  go_to (session, step);
  hs_session_set_event (session, 0);
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_event (session), ==, 0);
  g_assert_true (hs_session_step_back (session));
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_event (session), ==, -1);
  g_assert_cmpuint (hs_session_get_step (session), ==, step);
  g_assert_cmpint (hs_heap_object_get_state (nodes[0]), ==, HS_OBJECT_ALIVE);

  /* An event past the last is clamped to it. */
  hs_session_set_event (session, 100000);
  wait_for_session (session);
  g_assert_cmpint (hs_session_get_event (session), ==, (int) hs_session_get_n_events (session) - 1);

  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* The seed's generator expression: one object, whatever the range. */
static void
test_generator (void)
{
  g_autoptr(HsSession) session = session_new_with (
    "squares = (n * n for n in range(1_000_000_000))\n"
    "first = next(squares)\n"
    "print(first)\n");
  HsHeapObject *generator;
  GListModel *frames = hs_session_get_frames (session);
  g_autoptr(HsFrameItem) suspended = NULL;

  /* python3: getrefcount 2, generation 0. */
  go_to_line (session, 2);
  generator = lookup_name (session, "squares");
  g_assert_cmpstr (hs_heap_object_get_type_name (generator), ==, "generator");
  g_assert_cmpint (hs_heap_object_get_refcount (generator), ==, 1);
  g_assert_cmpint (hs_heap_object_get_generation (generator), ==, 0);

  /* After next(): a suspended frame the generator owns. */
  go_to_line (session, 3);
  g_assert_cmpuint (g_list_model_get_n_items (frames), ==, 2);
  suspended = g_list_model_get_item (frames, 1);
  g_assert_true (hs_frame_item_get_is_generator (suspended));
  g_assert_true (hs_frame_item_get_suspended (suspended));
  g_assert_cmpuint (hs_frame_item_get_generator_id (suspended), ==,
                    hs_heap_object_get_id (generator));
  g_assert_cmpstr (hs_frame_item_get_function_name (suspended), ==, "<genexpr>");
  g_assert_cmpint (hs_heap_object_get_refcount (generator), ==, 1);

  g_clear_object (&suspended);
  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
test_frames (void)
{
  g_autoptr(HsSession) session = session_new_with (
    "def grow(seq, extra):\n"        /* 1 */
    "    seq.append(extra)\n"        /* 2 */
    "    size = len(seq)\n"          /* 3 */
    "    return size\n"              /* 4 */
    "items = [1]\n"                  /* 5 */
    "n = grow(items, 2)\n"           /* 6 */
    "print(n)\n");                   /* 7 */
  GListModel *frames = hs_session_get_frames (session);
  g_autoptr(HsFrameItem) module = NULL;
  g_autoptr(HsFrameItem) call = NULL;
  g_autoptr(HsBinding) size = NULL;
  HsHeapObject *items;
  GListModel *names;
  ListWatch frames_watch;
  ListWatch names_watch;
  NotifyWatch frame_watch;
  NotifyWatch size_watch;
  NotifyWatch items_watch;

  go_to_line (session, 2);
  g_assert_cmpuint (g_list_model_get_n_items (frames), ==, 2);
  module = g_list_model_get_item (frames, 0);
  call = g_list_model_get_item (frames, 1);
  g_assert_cmpstr (hs_frame_item_get_function_name (module), ==, "<module>");
  g_assert_cmpstr (hs_frame_item_get_function_name (call), ==, "grow");
  g_assert_cmpint (hs_frame_item_get_line (call), ==, 2);
  g_assert_false (hs_frame_item_get_is_generator (call));
  g_assert_false (hs_frame_item_get_suspended (call));
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "`grow` is called"));

  /* The parameter and the global name are the same object. */
  items = lookup_name (session, "seq");
  g_assert_nonnull (items);
  names = hs_frame_item_get_names (call);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  size = g_list_model_get_item (names, 2);
  g_assert_cmpstr (hs_binding_get_name (size), ==, "size");
  g_assert_cmpuint (hs_binding_get_object_id (size), ==, 0);
  g_assert_null (hs_binding_get_object (size));
  {
    g_autoptr(HsBinding) seq = g_list_model_get_item (names, 0);
    g_autoptr(HsBinding) global = NULL;
    GListModel *module_names = hs_frame_item_get_names (module);

    for (guint i = 0; i < g_list_model_get_n_items (module_names) && global == NULL; i++)
      {
        g_autoptr(HsBinding) b = g_list_model_get_item (module_names, i);

        if (g_strcmp0 (hs_binding_get_name (b), "items") == 0)
          global = g_steal_pointer (&b);
      }
    g_assert_nonnull (global);
    g_assert_true (hs_binding_get_object (seq) == hs_binding_get_object (global));
    g_assert_cmpuint (hs_binding_get_object_id (seq), ==, hs_heap_object_get_id (items));
  }
  /* Two names and the list's own frame reference: python3 also counts 2
   * here (getrefcount(seq) - 1 inside grow), plus none from the stack. */
  g_assert_cmpint (hs_heap_object_get_refcount (items), ==, 2);

  /* One line on: the same frame object, only its line and the list change. */
  list_watch_init (&frames_watch, frames);
  list_watch_init (&names_watch, names);
  notify_watch_start (&frame_watch, call);
  notify_watch_start (&size_watch, size);
  notify_watch_start (&items_watch, items);
  g_assert_true (hs_session_step_forward (session));
  wait_for_session (session);
  g_assert_cmpuint (frames_watch.emissions, ==, 0);
  g_assert_cmpuint (names_watch.emissions, ==, 0);
  g_assert_cmpuint (notify_watch_count (&frame_watch, "line"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&size_watch, "object"), ==, 0);
  g_assert_cmpuint (notify_watch_count (&items_watch, "value-text"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&items_watch, "refcount"), ==, 0);
  g_assert_cmpstr (hs_heap_object_get_value_text (items), ==, "[1, 2]");
  notify_watch_finish (&frame_watch, NULL);
  notify_watch_finish (&size_watch, NULL);
  notify_watch_finish (&items_watch, NULL);
  g_assert_true (g_list_model_get_item (frames, 1) == (gpointer) call);
  g_object_unref (call);

  /* size = len(seq) binds it. */
  notify_watch_start (&size_watch, size);
  g_assert_true (hs_session_step_forward (session));
  wait_for_session (session);
  g_assert_nonnull (hs_binding_get_object (size));
  g_assert_cmpstr (hs_heap_object_get_value_text (hs_binding_get_object (size)), ==, "2");
  g_assert_cmpuint (notify_watch_count (&size_watch, "object"), ==, 1);
  g_assert_cmpuint (notify_watch_count (&size_watch, "object-id"), ==, 1);
  notify_watch_finish (&size_watch, NULL);
  g_assert_cmpuint (names_watch.emissions, ==, 0);

  /* The return drops the frame: one removal. */
  go_to_line (session, 7);
  g_assert_cmpuint (g_list_model_get_n_items (frames), ==, 1);
  g_assert_cmpuint (frames_watch.emissions, ==, 1);
  g_assert_cmpuint (frames_watch.removed, ==, 1);
  list_watch_check (&frames_watch);
  g_assert_nonnull (strstr (hs_session_get_explanation (session), "`grow` returns"));

  list_watch_clear (&frames_watch);
  list_watch_clear (&names_watch);
  drain_workers ();
  g_assert_finalize_object (g_steal_pointer (&session));
  /* The session let go of its frames and bindings. */
  g_assert_finalize_object (g_steal_pointer (&call));
  g_assert_finalize_object (g_steal_pointer (&size));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  model_test_init ();

  g_test_add_func ("/model/session/defaults", test_defaults);
  g_test_add_func ("/model/session/list-refcounts", test_list_refcounts);
  g_test_add_func ("/model/session/small-int", test_small_int);
  g_test_add_func ("/model/session/cycle", test_cycle);
  g_test_add_func ("/model/session/generator", test_generator);
  g_test_add_func ("/model/session/step-into", test_step_into);
  g_test_add_func ("/model/session/frames", test_frames);

  return g_test_run ();
}
