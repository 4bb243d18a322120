/* test-gc.c — the collector's recorded phases against CPython 3.11's algorithm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs a snippet through hs_program_new/hs_program_run with a
 * recorder that keeps the HS_EVENT_GC_* events of the snippet's own objects
 * (instances with a `name` attribute), then checks what gc_collect_main
 * computes in CPython 3.11 (Modules/gcmodule.c): the generation collected,
 * gc_refs after subtract_refs (references from outside the generation),
 * the tentatively unreachable set after move_unreachable, the finalizers
 * in list order, the resurrected objects, the objects whose tp_clear ran
 * and the returned count. The printed output of every snippet was checked
 * with python3 3.11 and is compared too.
 */

#include "config.h"

#include <string.h>

#include "hs-program.h"
#include "hs-recorder.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

typedef struct
{
  HsEventKind  kind;
  int          phase;      /* HS_EVENT_GC_PHASE */
  gssize       gc_refs;    /* HS_EVENT_GC_PHASE */
  gint64       arg;
  char        *name;       /* the object's `name` attribute, or NULL */
} Event;

typedef struct
{
  HsRecorder   parent;
  HsVM        *vm;
  HsObject    *name_key;   /* interned "name", looked up without running code */
  GArray      *events;
} GcRecorder;

static void
event_clear (gpointer data)
{
  g_free (((Event *) data)->name);
}

/* The `name` attribute of a snippet instance; NULL for anything else. */
static char *
object_name (GcRecorder *rec,
             HsObject   *o)
{
  HsObject *v;

  if (o == NULL || hs_instance_ext (o) == NULL)
    return NULL;
  v = hs_instance_get_attr (rec->vm, o, rec->name_key);
  if (v == NULL || !hs_str_check (v))
    return NULL;
  return g_strdup (hs_str_utf8 (v));
}

static void
rec_on_event (HsRecorder  *recorder,
              HsEventKind  kind,
              HsObject    *o,
              gint64       arg)
{
  GcRecorder *rec = (GcRecorder *) recorder;
  Event ev = { kind, 0, 0, arg, NULL };

  switch (kind)
    {
    case HS_EVENT_GC_START:
    case HS_EVENT_GC_END:
      break;
    case HS_EVENT_GC_PHASE:
      ev.phase = (int) (arg >> 32);
      ev.gc_refs = (gint32) (arg & 0xffffffff);
      ev.name = object_name (rec, o);
      if (ev.name == NULL)
        return;
      break;
    case HS_EVENT_WEAKREF_CLEARED:
      break;
    default:
      return;
    }
  g_array_append_val (rec->events, ev);
}

static const HsRecorderClass gc_recorder_class = {
  .on_event = rec_on_event,
};

typedef struct
{
  GArray    *events;
  char      *output;
  int        status;
} Run;

static Run *
run_snippet (const char *source)
{
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) p = hs_program_new (source, strlen (source), "test-gc.py", &error);
  GcRecorder rec = { { &gc_recorder_class }, NULL, NULL, NULL };
  Run *run = g_new0 (Run, 1);

  g_assert_nonnull (p);
  rec.vm = p->vm;
  rec.name_key = hs_str_intern (p->vm, "name");
  rec.events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (rec.events, event_clear);
  p->vm->recorder = &rec.parent;
  run->status = hs_program_run (p);
  p->vm->recorder = NULL;
  run->output = g_strdup (p->vm->output->str);
  run->events = rec.events;
  return run;
}

static void
run_free (Run *run)
{
  g_array_unref (run->events);
  g_free (run->output);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* The events of the @index-th collection (0-based), START and END included. */
static GArray *
collection (Run  *run,
            guint index)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Event *));
  guint seen = 0;
  gboolean inside = FALSE;

  for (guint i = 0; i < run->events->len; i++)
    {
      Event *ev = &g_array_index (run->events, Event, i);

      if (ev->kind == HS_EVENT_GC_START)
        {
          inside = seen == index;
          seen++;
        }
      if (inside)
        g_array_append_val (out, ev);
      if (ev->kind == HS_EVENT_GC_END && inside)
        break;
    }
  g_assert_cmpuint (out->len, >=, 2);
  return out;
}

static Event *
first_event (GArray *coll)
{
  return g_array_index (coll, Event *, 0);
}

static Event *
last_event (GArray *coll)
{
  return g_array_index (coll, Event *, coll->len - 1);
}

/* "x y z": the names of the objects reported in @phase, in order. */
static char *
names_in_phase (GArray *coll,
                int     phase)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < coll->len; i++)
    {
      Event *ev = g_array_index (coll, Event *, i);

      if (ev->kind == HS_EVENT_GC_PHASE && ev->phase == phase)
        {
          if (s->len > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, ev->name);
        }
    }
  return g_string_free (s, FALSE);
}

/* "x=0 y=1": gc_refs after subtract_refs. */
static char *
gc_refs (GArray *coll)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < coll->len; i++)
    {
      Event *ev = g_array_index (coll, Event *, i);

      if (ev->kind == HS_EVENT_GC_PHASE && ev->phase == HS_GC_PHASE_GC_REFS)
        g_string_append_printf (s, "%s%s=%" G_GSSIZE_FORMAT, s->len > 0 ? " " : "", ev->name,
                                ev->gc_refs);
    }
  return g_string_free (s, FALSE);
}

static void
assert_phase (GArray     *coll,
              int         phase,
              const char *expected)
{
  g_autofree char *got = names_in_phase (coll, phase);

  g_assert_cmpstr (got, ==, expected);
}

/* The seed ----------------------------------------------------------------- */

static const char seed_source[] =
  "import gc\n"
  "class MyClass:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "        print(f\"{self.name} created.\")\n"
  "    def __del__(self):\n"
  "        print(f\"{self.name} is being destroyed!\")\n"
  "obj_a = MyClass(\"Object A\")\n"
  "obj_b = MyClass(\"Object B\")\n"
  "obj_a.other = obj_b\n"
  "obj_b.other = obj_a\n"
  "del obj_a\n"
  "del obj_b\n"
  "print(\"gc.collect() returned\", gc.collect())\n"
  "print(\"Garbage collection manually triggered.\")\n";

static void
test_seed_cycle (void)
{
  g_autoptr(Run) run = run_snippet (seed_source);
  g_autoptr(GArray) coll = collection (run, 0);
  g_autofree char *refs = gc_refs (coll);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->output, ==,
                   "Object A created.\n"
                   "Object B created.\n"
                   "Object A is being destroyed!\n"
                   "Object B is being destroyed!\n"
                   "gc.collect() returned 2\n"
                   "Garbage collection manually triggered.\n");

  /* gc.collect(): generation 2, asked for (not automatic). */
  g_assert_cmpint (first_event (coll)->arg, ==, 2);
  /* Each object is referenced only by the other: nothing from outside. */
  g_assert_cmpstr (refs, ==, "Object A=0 Object B=0");
  /* Both are unreachable, in list order = creation order. */
  assert_phase (coll, HS_GC_PHASE_UNREACHABLE, "Object A Object B");
  /* Every __del__ runs before anything is cleared. */
  assert_phase (coll, HS_GC_PHASE_FINALIZE, "Object A Object B");
  assert_phase (coll, HS_GC_PHASE_RESURRECTED, "");
  /* Clearing A drops A.other: B dies by refcount and needs no tp_clear. */
  assert_phase (coll, HS_GC_PHASE_CLEAR, "Object A");
  g_assert_cmpint (last_event (coll)->kind, ==, HS_EVENT_GC_END);
  g_assert_cmpint (last_event (coll)->arg, ==, 2);
}

/* A ring of three, first reachable from an older list ------------------------------ */

static const char ring_source[] =
  "import gc\n"
  "gc.disable()\n"
  "class D:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "    def __del__(self):\n"
  "        print(\"__del__\", self.name)\n"
  "holder = []\n"
  "gc.collect()\n"
  "x = D('x')\n"
  "y = D('y')\n"
  "z = D('z')\n"
  "x.next = y\n"
  "y.next = z\n"
  "z.next = x\n"
  "holder.append(y)\n"
  "del x, y, z\n"
  "print(\"young collection:\", gc.collect(0))\n"
  "print(\"gen1 order:\", [o.name for o in gc.get_objects(1) if type(o) is D])\n"
  "holder.clear()\n"
  "print(\"full collection:\", gc.collect())\n";

static void
test_ring (void)
{
  g_autoptr(Run) run = run_snippet (ring_source);
  g_autoptr(GArray) young = collection (run, 1);
  g_autoptr(GArray) full = collection (run, 2);
  g_autofree char *young_refs = gc_refs (young);
  g_autofree char *full_refs = gc_refs (full);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->output, ==,
                   "young collection: 0\n"
                   "gen1 order: ['y', 'z', 'x']\n"
                   "__del__ y\n"
                   "__del__ z\n"
                   "__del__ x\n"
                   "full collection: 3\n");

  /* gc.collect(0): holder is in generation 2, so its reference to y comes
   * from outside the generation and is not subtracted. */
  g_assert_cmpint (first_event (young)->arg, ==, 0);
  g_assert_cmpstr (young_refs, ==, "x=0 y=1 z=0");
  /* move_unreachable: x (0) goes to the unreachable list, y (1) is
   * reachable and marks z, z brings x back to the tail: nothing stays
   * unreachable, and the survivors' order becomes y z x. */
  assert_phase (young, HS_GC_PHASE_UNREACHABLE, "");
  assert_phase (young, HS_GC_PHASE_FINALIZE, "");
  g_assert_cmpint (last_event (young)->arg, ==, 0);

  /* The full collection: holder no longer refers to y. */
  g_assert_cmpint (first_event (full)->arg, ==, 2);
  g_assert_cmpstr (full_refs, ==, "y=0 z=0 x=0");
  assert_phase (full, HS_GC_PHASE_UNREACHABLE, "y z x");
  assert_phase (full, HS_GC_PHASE_FINALIZE, "y z x");
  assert_phase (full, HS_GC_PHASE_RESURRECTED, "");
  /* Clearing y frees z, which frees x, which releases y: one tp_clear. */
  assert_phase (full, HS_GC_PHASE_CLEAR, "y");
  g_assert_cmpint (last_event (full)->arg, ==, 3);
}

/* Resurrection ------------------------------------------------------------------- */

static const char resurrect_source[] =
  "import gc\n"
  "gc.disable()\n"
  "saved = []\n"
  "class RC:\n"
  "    def __init__(self, name):\n"
  "        self.name = name\n"
  "    def __del__(self):\n"
  "        print(\" __del__\", self.name)\n"
  "        saved.append(self)\n"
  "a = RC('a'); b = RC('b'); a.o = b; b.o = a\n"
  "del a, b\n"
  "print(\"collected:\", gc.collect(), \"saved:\", [s.name for s in saved])\n"
  "saved.clear()\n"
  "print(\"collected after dropping them:\", gc.collect())\n";

static void
test_resurrection (void)
{
  g_autoptr(Run) run = run_snippet (resurrect_source);
  g_autoptr(GArray) first = collection (run, 0);
  g_autoptr(GArray) second = collection (run, 1);

  g_assert_cmpstr (run->output, ==,
                   " __del__ a\n"
                   " __del__ b\n"
                   "collected: 0 saved: ['a', 'b']\n"
                   "collected after dropping them: 2\n");
  assert_phase (first, HS_GC_PHASE_UNREACHABLE, "a b");
  assert_phase (first, HS_GC_PHASE_FINALIZE, "a b");
  /* saved (reachable) refers to both now: the second pass finds them. */
  assert_phase (first, HS_GC_PHASE_RESURRECTED, "a b");
  assert_phase (first, HS_GC_PHASE_CLEAR, "");
  g_assert_cmpint (last_event (first)->arg, ==, 0);

  /* At most one __del__ per object: the second collection only clears. */
  assert_phase (second, HS_GC_PHASE_UNREACHABLE, "a b");
  assert_phase (second, HS_GC_PHASE_FINALIZE, "");
  assert_phase (second, HS_GC_PHASE_CLEAR, "a");
  g_assert_cmpint (last_event (second)->arg, ==, 2);
}

/* Weak reference callbacks run before the finalizers ------------------------------- */

static const char weakref_source[] =
  "import gc, weakref\n"
  "gc.disable()\n"
  "class C:\n"
  "    def __init__(self, name): self.name = name\n"
  "    def __del__(self): print(\" __del__\", self.name)\n"
  "a = C('a'); b = C('b'); a.o = b; b.o = a\n"
  "ra = weakref.ref(a, lambda w: print(\" callback, w() ->\", w()))\n"
  "del a, b\n"
  "print(\" collected:\", gc.collect())\n";

static void
test_weakref_before_finalizers (void)
{
  g_autoptr(Run) run = run_snippet (weakref_source);
  g_autoptr(GArray) coll = collection (run, 0);
  int cleared_at = -1, first_finalizer_at = -1;

  g_assert_cmpstr (run->output, ==,
                   " callback, w() -> None\n"
                   " __del__ a\n"
                   " __del__ b\n"
                   " collected: 2\n");
  for (guint i = 0; i < coll->len; i++)
    {
      Event *ev = g_array_index (coll, Event *, i);

      if (ev->kind == HS_EVENT_WEAKREF_CLEARED && cleared_at < 0)
        cleared_at = i;
      if (ev->kind == HS_EVENT_GC_PHASE && ev->phase == HS_GC_PHASE_FINALIZE
          && first_finalizer_at < 0)
        first_finalizer_at = i;
    }
  g_assert_cmpint (cleared_at, >=, 0);
  g_assert_cmpint (first_finalizer_at, >, cleared_at);
  /* The weakref is reachable (a global): its death is not counted. */
  g_assert_cmpint (last_event (coll)->arg, ==, 2);
}

/* Automatic collections ------------------------------------------------------------ */

static const char automatic_source[] =
  "import gc\n"
  "class C:\n"
  "    pass\n"
  "log = []\n"
  "def cb(phase, info):\n"
  "    if phase == 'start':\n"
  "        log.append(('start', len(objs), info['generation']))\n"
  "objs = []\n"
  "gc.set_threshold(5, 3, 3)\n"
  "gc.collect()\n"
  "gc.callbacks.append(cb)\n"
  "for i in range(40):\n"
  "    objs.append(C())\n"
  "count_after = gc.get_count()\n"
  "gc.callbacks.remove(cb)\n"
  "gc.set_threshold(700, 10, 10)\n"
  "for entry in log:\n"
  "    print(entry)\n"
  "print(\"count right after the loop:\", count_after)\n";

static void
test_automatic (void)
{
  g_autoptr(Run) run = run_snippet (automatic_source);
  g_autoptr(GString) starts = g_string_new (NULL);

  g_assert_cmpstr (run->output, ==,
                   "('start', 5, 0)\n"
                   "('start', 11, 0)\n"
                   "('start', 17, 0)\n"
                   "('start', 23, 0)\n"
                   "('start', 29, 1)\n"
                   "('start', 35, 0)\n"
                   "count right after the loop: (4, 1, 1)\n");
  /* The explicit gc.collect() first, then six from the allocator, then the
   * four of the interpreter exit (generation 2, not automatic): PyGC_Collect,
   * two in finalize_modules and the interpreter's last one. */
  for (guint i = 0; i < run->events->len; i++)
    {
      Event *ev = &g_array_index (run->events, Event, i);

      if (ev->kind == HS_EVENT_GC_START)
        g_string_append_printf (starts, "%s%s%d", starts->len > 0 ? " " : "",
                                (ev->arg & 0x100) ? "auto" : "", (int) (ev->arg & 0xff));
    }
  g_assert_cmpstr (starts->str, ==, "2 auto0 auto0 auto0 auto0 auto1 auto0 2 2 2 2");
}

/* Free lists ------------------------------------------------------------------------ */

/* cpython-semantics.md ex303: exact lists, dicts and small tuples come from
 * and go back to CPython's free lists without touching count0; a full
 * collection empties the free lists. */
static const char free_lists_source[] =
  "import gc\n"
  "gc.disable()\n"
  "cnt = gc.get_count\n"
  "R = []\n"
  "class C: pass\n"
  "class S: __slots__ = ('a',)\n"
  "gc.collect()\n"
  "cnt()                                     # allocate the result tuple once (free lists were emptied)\n"
  "g0 = cnt()[0]; a = [];         R.append((\"a = []\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; c = C();        R.append((\"c = C()\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; c.x = 1;        R.append((\"c.x = 1 (inline attribute)\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; dd = c.__dict__;R.append((\"c.__dict__ materialized\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; d = {};         R.append((\"d = {} (untracked, still counted)\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; s = 'x' * 50;   R.append((\"str (not GC)\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; del a;          R.append((\"del a (list goes to free list)\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; del c, dd;      R.append((\"del c, dd\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; k = [C() for i in range(100)]; R.append((\"100 C() kept\", cnt()[0] - g0))\n"
  "g0 = cnt()[0]; del k;          R.append((\"del them\", cnt()[0] - g0))\n"
  "for label, delta in R: print(f\"{label:36s} {delta:+d}\")\n"
  "objs = [C() for _ in range(50)]\n"
  "gc.collect()\n"
  "print(\"after collect:\", cnt())\n"
  "del objs\n"
  "print(\"after freeing 50 older objects:\", cnt(), \"(never below 0)\")\n";

static void
test_free_lists (void)
{
  g_autoptr(Run) run = run_snippet (free_lists_source);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->output, ==,
  "a = []                               +1\n"
  "c = C()                              +1\n"
  "c.x = 1 (inline attribute)           +0\n"
  "c.__dict__ materialized              +1\n"
  "d = {} (untracked, still counted)    +1\n"
  "str (not GC)                         +0\n"
  "del a (list goes to free list)       +0\n"
  "del c, dd                            -1\n"
  "100 C() kept                         +100\n"
  "del them                             -100\n"
  "after collect: (0, 0, 0)\n"
  "after freeing 50 older objects: (0, 0, 0) (never below 0)\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gc/seed-cycle", test_seed_cycle);
  g_test_add_func ("/gc/ring", test_ring);
  g_test_add_func ("/gc/resurrection", test_resurrection);
  g_test_add_func ("/gc/weakref-before-finalizers", test_weakref_before_finalizers);
  g_test_add_func ("/gc/automatic", test_automatic);
  g_test_add_func ("/gc/free-lists", test_free_lists);
  return g_test_run ();
}
