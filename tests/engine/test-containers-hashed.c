/* test-containers-hashed.c — dict, set, range and slice against python3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value below was produced by running python3 3.11.7 (and
 * checked with 3.11.2): sys.getsizeof results, iteration orders, hashes,
 * error messages and the order in which contents are released (python3 with
 * a class whose __del__ appends to a list, whose __hash__ returns a number
 * and whose __eq__ is identity — the "probe" type here behaves the same).
 * The snippets are quoted next to the values. The operations run through
 * the engine's C API (methods by name, hs_object_getitem, hs_number_binop…),
 * so they exercise the same code paths the interpreter uses.
 *
 * Tuples and lists are tested in test-containers.c; the helpers and the
 * probe type both files use are in containers-util.c.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-func-object.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

#include "containers-util.h"

/* Dicts ------------------------------------------------------------------------------ */

TEST (test_dict_sizes)
{
  /* The growth table of cpython-semantics §7 (int keys, then str keys). */
  static const struct { int n; gsize size; } int_growth[] = {
    { 0, 64 }, { 1, 224 }, { 6, 352 }, { 11, 632 }, { 22, 1168 }, { 43, 2264 }, { 86, 4688 },
    { 171, 9304 },
  }, str_growth[] = {
    { 0, 64 }, { 1, 184 }, { 6, 272 }, { 11, 464 }, { 22, 832 }, { 43, 1584 }, { 86, 3328 },
    { 171, 6576 },
  };
  /* [getsizeof(mk(n).copy())…], [getsizeof(dict(mk(n)))…] for n in range(24) */
  static const gsize copy_int[] = { 64, 224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632,
                                    632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 1168, 1168 };
  static const gsize copy_str[] = { 64, 184, 184, 184, 184, 184, 272, 272, 272, 272, 272, 464,
                                    464, 464, 464, 464, 464, 464, 464, 464, 464, 464, 832, 832 };
  /* dict.fromkeys(mk(n)), dict.fromkeys(set(range(n))) */
  static const gsize fromkeys_dict[] = { 184, 352, 352, 352, 352, 224, 352, 352, 352, 352, 352,
                                         632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 1168,
                                         1168, 1168 };
  static const gsize fromkeys_set[] = { 224, 352, 352, 352, 352, 224, 352, 352, 352, 352, 352,
                                        632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 1168,
                                        1168, 1168 };
  HsObject *di = keep (hs_dict_new (vm)), *ds = keep (hs_dict_new (vm));
  gsize gi = 0, gs = 0, prev_i = 64, prev_s = 64;

  assert_size (di, 64);
  for (int n = 1; n < 200; n++)
    {
      g_autofree char *k = g_strdup_printf ("k%d", n);

      hs_dict_setitem (vm, di, I (n), vm->none);
      hs_dict_setitem (vm, ds, S (k), vm->none);
      if (hs_object_sizeof (di) != prev_i)
        {
          prev_i = hs_object_sizeof (di);
          gi++;
          g_assert_cmpint (int_growth[gi].n, ==, n);
          g_assert_cmpuint (int_growth[gi].size, ==, prev_i);
        }
      if (hs_object_sizeof (ds) != prev_s)
        {
          prev_s = hs_object_sizeof (ds);
          gs++;
          g_assert_cmpint (str_growth[gs].n, ==, n);
          g_assert_cmpuint (str_growth[gs].size, ==, prev_s);
        }
    }
  g_assert_cmpuint (gi, ==, G_N_ELEMENTS (int_growth) - 1);
  g_assert_cmpuint (gs, ==, G_N_ELEMENTS (str_growth) - 1);

  for (int n = 0; n < 24; n++)
    {
      HsObject *mi = keep (hs_dict_new (vm)), *ms = keep (hs_dict_new (vm)), *set;

      for (int i = 0; i < n; i++)
        {
          g_autofree char *k = g_strdup_printf ("k%d", i);

          hs_dict_setitem (vm, mi, I (i), I (i));
          hs_dict_setitem (vm, ms, S (k), I (i));
        }
      assert_size (keep (hs_dict_copy (vm, mi)), copy_int[n]);
      assert_size (keep (hs_dict_copy (vm, ms)), copy_str[n]);
      assert_size (keep (construct (vm->types.dict, 1, mi)), copy_int[n]);
      assert_size (call ((HsObject *) vm->types.dict, "fromkeys", 1, mi), fromkeys_dict[n]);
      set = keep (hs_set_new (vm, keep (hs_range_new (vm, I (0), I (n), I (1)))));
      assert_size (call ((HsObject *) vm->types.dict, "fromkeys", 1, set), fromkeys_set[n]);
    }

  /* 20 str keys, 18 deleted: 464; copy() and dict() compact to 272; clear(): 64. */
  {
    HsObject *d = keep (hs_dict_new (vm));

    for (int i = 0; i < 20; i++)
      {
        g_autofree char *k = g_strdup_printf ("k%d", i);

        hs_dict_setitem (vm, d, S (k), I (i));
      }
    for (int i = 0; i < 18; i++)
      {
        g_autofree char *k = g_strdup_printf ("k%d", i);

        g_assert_cmpint (hs_dict_delitem (vm, d, S (k)), ==, 1);
      }
    assert_size (d, 464);
    assert_size (keep (hs_dict_copy (vm, d)), 272);
    assert_size (keep (construct (vm->types.dict, 1, d)), 272);
    hs_dict_clear (vm, d);
    assert_size (d, 64);
  }

  /* Literals (BUILD_CONST_KEY_MAP / BUILD_MAP of n items): str keys 184 up to
   * 5, 272 for 6..10, 464 for 11; int keys 224, 352, 632. */
  {
    static const struct { int n; gsize s, i; } lit[] = {
      { 1, 184, 224 }, { 5, 184, 224 }, { 6, 272, 352 }, { 10, 272, 352 }, { 11, 464, 632 },
    };
    HsObject *keys_s[16], *keys_i[16];

    for (int i = 0; i < 16; i++)
      {
        g_autofree char *k = g_strdup_printf ("k%d", i);

        keys_s[i] = S (k);
        keys_i[i] = I (i);
      }
    for (gsize c = 0; c < G_N_ELEMENTS (lit); c++)
      {
        assert_size (keep (hs_dict_from_items (vm, keys_s, keys_i, 1, lit[c].n)), lit[c].s);
        assert_size (keep (hs_dict_from_items (vm, keys_i, keys_i, 1, lit[c].n)), lit[c].i);
      }
  }

  /* {'a': 1} then d[1] = 1 -> 352 (str-keys table converted by a resize). */
  {
    HsObject *d = keep (hs_dict_new (vm));

    hs_dict_setitem (vm, d, S ("a"), I (1));
    assert_size (d, 184);
    hs_dict_setitem (vm, d, I (1), I (1));
    assert_size (d, 352);
  }
}

TEST (test_dict_behaviour)
{
  HsObject *d = keep (hs_dict_new (vm)), *e;

  /* d[1] = 'a'; d[1.0] = 'b'; d[True] = 'c' -> {1: 'c'} */
  hs_dict_setitem (vm, d, I (1), S ("a"));
  hs_dict_setitem (vm, d, F (1.0), S ("b"));
  hs_dict_setitem (vm, d, vm->true_obj, S ("c"));
  assert_repr (d, "{1: 'c'}");

  g_assert_null (hs_object_getitem (vm, d, S ("x")));
  assert_error ("KeyError: 'x'");
  g_assert_null (hs_object_getitem (vm, d, T (2, I (1), I (2))));
  assert_error ("KeyError: (1, 2)");
  g_assert_null (hs_object_getitem (vm, d, L (0)));
  assert_error ("TypeError: unhashable type: 'list'");
  g_assert_cmpint (hs_dict_setitem (vm, d, L (0), I (1)), ==, -1);
  assert_error ("TypeError: unhashable type: 'list'");
  g_assert_cmpint (hs_object_delitem (vm, d, I (5)), ==, -1);
  assert_error ("KeyError: 5");

  /* get / setdefault / pop / popitem */
  assert_repr (call (d, "get", 1, I (2)), "None");
  assert_repr (call (d, "get", 2, I (2), I (0)), "0");
  assert_repr (call (d, "setdefault", 2, I (2), S ("x")), "'x'");
  assert_repr (call (d, "setdefault", 2, I (2), S ("y")), "'x'");
  assert_repr (call (d, "pop", 1, I (2)), "'x'");
  assert_repr (call (d, "pop", 2, I (2), I (7)), "7");
  call_fails ("KeyError: 2", d, "pop", 1, I (2));
  call_fails ("TypeError: get expected at least 1 argument, got 0", d, "get", 0);
  call_fails ("TypeError: dict.keys() takes no arguments (1 given)", d, "keys", 1, I (1));
  assert_repr (call (d, "popitem", 0), "(1, 'c')");
  call_fails ("KeyError: 'popitem(): dictionary is empty'", d, "popitem", 0);
  call_fails ("TypeError: update expected at most 1 argument, got 2", d, "update", 2, d, d);

  /* update from a dict, pairs, and keyword arguments; order is insertion order. */
  call (d, "update", 1, L (2, T (2, S ("b"), I (2)), L (2, S ("a"), I (1))));
  assert_repr (d, "{'b': 2, 'a': 1}");
  call_fails ("TypeError: cannot convert dictionary update sequence element #0 to a sequence",
              d, "update", 1, L (1, I (1)));
  call_fails ("ValueError: dictionary update sequence element #0 has length 3; 2 is required",
              d, "update", 1, L (1, T (3, I (1), I (2), I (3))));
  call_fails ("TypeError: 'int' object is not iterable", d, "update", 1, I (1));

  /* Deleting then re-adding appends at the end; popitem takes the last. */
  hs_dict_setitem (vm, d, S ("c"), I (3));
  g_assert_cmpint (hs_dict_delitem (vm, d, S ("b")), ==, 1);
  hs_dict_setitem (vm, d, S ("b"), I (4));
  assert_repr (d, "{'a': 1, 'c': 3, 'b': 4}");

  /* Views. */
  assert_repr (call (d, "keys", 0), "dict_keys(['a', 'c', 'b'])");
  assert_repr (call (d, "values", 0), "dict_values([1, 3, 4])");
  assert_repr (call (d, "items", 0), "dict_items([('a', 1), ('c', 3), ('b', 4)])");
  assert_size (call (d, "keys", 0), 40);
  g_assert_true (truth (hs_object_contains (vm, call (d, "keys", 0), S ("c"))));
  g_assert_true (truth (hs_object_contains (vm, call (d, "items", 0), T (2, S ("c"), F (3.0)))));
  g_assert_false (truth (hs_object_contains (vm, call (d, "items", 0), T (2, S ("c"), I (4)))));
  g_assert_true (truth (hs_object_richcompare_bool (vm, call (d, "keys", 0),
                                                    keep (hs_set_new (vm, d)), HS_EQ)));

  /* Equality compares values (1 == 1.0) and sizes. */
  e = keep (hs_dict_copy (vm, d));
  hs_dict_setitem (vm, e, S ("a"), F (1.0));
  g_assert_true (truth (hs_object_richcompare_bool (vm, d, e, HS_EQ)));
  hs_dict_setitem (vm, e, S ("z"), I (0));
  g_assert_false (truth (hs_object_richcompare_bool (vm, d, e, HS_EQ)));
  g_assert_null (hs_object_richcompare (vm, d, e, HS_LT));
  assert_error ("TypeError: '<' not supported between instances of 'dict' and 'dict'");

  /* | and |= */
  assert_repr (binop (d, keep (hs_dict_from_items (vm, (HsObject *[]) { S ("a") },
                                                   (HsObject *[]) { I (9) }, 1, 1)),
                      HS_OP_BITOR),
               "{'a': 9, 'c': 3, 'b': 4}");
  g_assert_null (hs_number_binop (vm, d, L (0), HS_OP_BITOR));
  assert_error ("TypeError: unsupported operand type(s) for |: 'dict' and 'list'");

  /* A dict inside itself. */
  hs_dict_setitem (vm, e, S ("self"), e);
  assert_repr (e, "{'a': 1.0, 'c': 3, 'b': 4, 'z': 0, 'self': {...}}");
  hs_dict_delitem (vm, e, S ("self"));
}

TEST (test_dict_iteration)
{
  HsObject *d = keep (hs_dict_new (vm)), *it, *items_it, *first, *second;

  hs_dict_setitem (vm, d, I (1), I (10));
  hs_dict_setitem (vm, d, I (2), I (20));
  it = keep (hs_object_get_iter (vm, d));
  g_assert_cmpstr (hs_type_name (it), ==, "dict_keyiterator");
  assert_size (it, 72);
  g_assert_true (hs_gc_is_tracked (it));
  assert_repr (keep (hs_iter_next (vm, it)), "1");
  hs_dict_setitem (vm, d, I (3), I (30));
  g_assert_null (hs_iter_next (vm, it));
  assert_error ("RuntimeError: dictionary changed size during iteration");
  /* Sticky. */
  g_assert_null (hs_iter_next (vm, it));
  assert_error ("RuntimeError: dictionary changed size during iteration");

  /* Same size, other keys. */
  it = keep (hs_object_get_iter (vm, d));
  keep (hs_iter_next (vm, it));
  hs_dict_delitem (vm, d, I (1));
  hs_dict_setitem (vm, d, I (4), I (40));
  keep (hs_iter_next (vm, it));
  keep (hs_iter_next (vm, it));
  g_assert_null (hs_iter_next (vm, it));
  assert_error ("RuntimeError: dictionary keys changed during iteration");

  /* The items iterator reuses its pair when nobody holds it. */
  items_it = keep (hs_object_get_iter (vm, call (d, "items", 0)));
  first = hs_iter_next (vm, items_it);
  assert_repr (first, "(2, 20)");
  hs_decref (vm, first);
  second = keep (hs_iter_next (vm, items_it));
  g_assert_true (first == second);
  assert_repr (second, "(3, 30)");
  assert_repr (call (items_it, "__length_hint__", 0), "1");
}

/* {P0: P1, P2: P3, …} with @n probes, the dict holding the only references. */
static HsObject *
probe_pairs_dict (int n)
{
  HsObject *d = hs_dict_new (vm);

  for (int i = 0; i < n; i += 2)
    {
      HsObject *key = probe_new (i);
      HsObject *value = probe_new (i + 1);

      hs_dict_setitem (vm, d, key, value);
      hs_decref (vm, key);
      hs_decref (vm, value);
    }
  return d;
}

TEST (test_dict_tracking_and_release)
{
  HsObject *d = keep (hs_dict_new (vm)), *p0, *p1, *t;

  /* {} and {1: 'x'} are untracked, a trackable value tracks the dict. */
  g_assert_false (hs_gc_is_tracked (d));
  hs_dict_setitem (vm, d, I (1), S ("x"));
  g_assert_false (hs_gc_is_tracked (d));
  t = T (1, I (1));
  hs_dict_setitem (vm, d, S ("t"), t);   /* a tracked tuple counts */
  g_assert_true (hs_gc_is_tracked (d));
  g_assert_false (hs_dict_may_untrack (d));
  /* Once a collection untracked the tuple, the dict may go too. */
  g_assert_true (hs_tuple_may_untrack (t));
  hs_gc_untrack (vm, t);
  g_assert_true (hs_dict_may_untrack (d));
  hs_dict_setitem (vm, d, S ("l"), L (0));
  g_assert_false (hs_dict_may_untrack (d));
  hs_dict_delitem (vm, d, S ("l"));
  g_assert_true (hs_gc_is_tracked (d));   /* only a collection untracks */
  g_assert_false (hs_gc_is_tracked (keep (hs_dict_new_presized (vm, 10))));
  /* Built-in types do not track a dict, classes do (they are heap types). */
  {
    HsObject *d2 = keep (hs_dict_new (vm));

    hs_dict_setitem (vm, d2, S ("int"), (HsObject *) vm->types.int_);
    g_assert_false (hs_gc_is_tracked (d2));
    hs_dict_setitem (vm, d2, S ("C"), keep (hs_type_new_class (vm, S ("C"), vm->empty_tuple,
                                                                keep (hs_dict_new (vm)))));
    g_assert_true (hs_gc_is_tracked (d2));
  }

  /* {P0: P1, P2: P3, P4: P5}: cleared key then value in insertion order;
   * traversal visits value then key (gc.get_objects order in python3). */
  d = probe_pairs_dict (6);
  g_assert_true (hs_gc_is_tracked (d));
  assert_traverse (d, "1 0 3 2 5 4");
  hs_dict_clear (vm, d);
  assert_released ("0 1 2 3 4 5");
  hs_decref (vm, d);

  /* del d[k] with k still alive elsewhere: only the value dies. popitem()
   * dropped at once: the pair tuple releases value then key. */
  d = hs_dict_new (vm);
  for (int i = 0; i < 4; i += 2)
    {
      p0 = probe_new (i);
      p1 = probe_new (i + 1);
      hs_dict_setitem (vm, d, p0, p1);
      hs_decref (vm, p1);
      if (i == 0)
        {
          g_assert_cmpint (hs_dict_delitem (vm, d, p0), ==, 1);
          assert_released ("1");
        }
      hs_decref (vm, p0);
    }
  assert_released ("0");
  hs_decref (vm, hs_object_call_method (vm, d, "popitem", NULL, 0));
  assert_released ("3 2");
  hs_decref (vm, d);

  /* A dict's own deallocation: 0 1 2 3. */
  d = probe_pairs_dict (4);
  hs_decref (vm, d);
  assert_released ("0 1 2 3");
}

/* Sets --------------------------------------------------------------------------------- */

static HsObject *
set_of (gsize        n,
        const gint64 *vals)
{
  HsObject *s = keep (hs_set_new (vm, NULL));

  for (gsize i = 0; i < n; i++)
    g_assert_cmpint (hs_set_add (vm, s, I (vals[i])), ==, 0);
  return s;
}

static HsObject *
set_of_range (gint64 start,
              gint64 stop)
{
  return keep (hs_set_new (vm, keep (hs_range_new (vm, I (start), I (stop), I (1)))));
}

/* repr(list(s)): the iteration order. */
static void
assert_order (HsObject   *s,
              const char *expected)
{
  assert_repr (keep (hs_list_from_iterable (vm, s)), expected);
}

TEST (test_set_order)
{
  static const gint64 a[] = { 100, 5, 36, 3, 1, 2 };
  static const gint64 c[] = { 0, 8, 16, 24, 32, 40, 48, 56, 64, 72 };
  static const gint64 b1[] = { 1, 2, 3, 40, 50 }, b2[] = { 3, 4, 5, 50, 60, 17 };
  HsObject *s, *x, *y;
  gint64 rev[20];

  assert_order (set_of (6, a), "[1, 2, 3, 100, 5, 36]");
  for (int i = 0; i < 20; i++)
    rev[i] = 19 - i;
  assert_order (set_of (20, rev), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]");
  assert_order (set_of (10, c), "[0, 32, 64, 8, 40, 72, 16, 48, 24, 56]");

  /* [-1, -2, -8, 7, 2**61 - 1, 2**62, 2**64, -2**63] */
  s = keep (hs_set_new (vm, NULL));
  {
    HsObject *vals[] = { I (-1), I (-2), I (-8), I (7), BIG ("2305843009213693951"),
                         BIG ("4611686018427387904"), BIG ("18446744073709551616"),
                         BIG ("-9223372036854775808") };

    for (gsize i = 0; i < G_N_ELEMENTS (vals); i++)
      hs_set_add (vm, s, vals[i]);
  }
  assert_order (s, "[2305843009213693951, 4611686018427387904, 7, 18446744073709551616, -2, -8, "
                   "-9223372036854775808, -1]");

  /* set(range(50)), evens removed, 100..109 added: dummies reused. */
  s = set_of_range (0, 50);
  for (int i = 0; i < 50; i += 2)
    call (s, "remove", 1, I (i));
  for (int i = 100; i < 110; i++)
    hs_set_add (vm, s, I (i));
  assert_order (s, "[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, "
                   "41, 43, 45, 47, 49, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109]");
  assert_size (s, 2264);

  /* s = set(range(10)); s.add(1000); s.add(17); five pops */
  s = set_of_range (0, 10);
  hs_set_add (vm, s, I (1000));
  hs_set_add (vm, s, I (17));
  {
    static const char *const popped[] = { "0", "1", "2", "3", "4" };

    for (int i = 0; i < 5; i++)
      assert_repr (call (s, "pop", 0), popped[i]);
  }
  assert_order (s, "[5, 6, 7, 8, 9, 1000, 17]");

  /* Algebra: which elements, and in which order. */
  x = set_of (5, b1);
  y = set_of (6, b2);
  assert_order (binop (x, y, HS_OP_BITOR), "[1, 2, 3, 4, 5, 40, 17, 50, 60]");
  assert_order (binop (x, y, HS_OP_BITAND), "[50, 3]");
  assert_order (binop (x, y, HS_OP_SUB), "[40, 1, 2]");
  assert_order (binop (x, y, HS_OP_BITXOR), "[1, 2, 4, 5, 17, 40, 60]");
  assert_order (binop (y, x, HS_OP_SUB), "[17, 4, 5, 60]");
  assert_order (binop (y, x, HS_OP_BITXOR), "[1, 2, 17, 4, 5, 40, 60]");
  assert_size (binop (x, y, HS_OP_BITOR), 728);
  assert_size (binop (x, y, HS_OP_BITXOR), 1240);

  /* c = set(range(100)); c -= set(range(90)) keeps its table (8408 bytes). */
  s = set_of_range (0, 100);
  keep (hs_number_inplace_binop (vm, s, set_of_range (0, 90), HS_OP_SUB));
  assert_order (s, "[90, 91, 92, 93, 94, 95, 96, 97, 98, 99]");
  assert_size (s, 8408);
  /* c &= {5, 99, 1000} swaps in the result's table: [99, 5], 216 bytes. */
  s = set_of_range (0, 100);
  keep (hs_number_inplace_binop (vm, s, set_of (3, (gint64[]) { 5, 99, 1000 }), HS_OP_BITAND));
  assert_order (s, "[99, 5]");
  assert_size (s, 216);
}

TEST (test_set_sizes)
{
  /* [getsizeof(set(range(n)))…], [getsizeof(set(set(range(n))))…] for n in range(25) */
  static const gsize by_range[] = { 216, 216, 216, 216, 216, 728, 728, 728, 728, 728, 728, 728,
                                    728, 728, 728, 728, 728, 728, 728, 2264, 2264, 2264, 2264,
                                    2264, 2264 };
  static const gsize by_merge[] = { 216, 216, 216, 216, 216, 472, 472, 472, 728, 728, 728, 728,
                                    728, 728, 728, 728, 1240, 1240, 1240, 1240, 1240, 1240, 1240,
                                    1240, 1240 };

  for (int n = 0; n < 25; n++)
    {
      HsObject *s = set_of_range (0, n);

      assert_size (s, by_range[n]);
      assert_size (keep (hs_set_new (vm, s)), by_merge[n]);
      assert_size (keep (hs_frozenset_new (vm, s)), by_merge[n]);
    }
  /* set (len, size) growth by add: (5, 728), (19, 2264), (77, 8408) */
  {
    HsObject *s = keep (hs_set_new (vm, NULL));

    for (int i = 1; i < 200; i++)
      {
        hs_set_add (vm, s, I (i));
        if (i == 4 || i == 18 || i == 76)
          assert_size (s, i == 4 ? 216 : i == 18 ? 728 : 2264);
        if (i == 5 || i == 19 || i == 77)
          assert_size (s, i == 5 ? 728 : i == 19 ? 2264 : 8408);
      }
  }
}

TEST (test_set_behaviour)
{
  HsObject *s = set_of_range (1, 4), *f, *it;
  gint64 h;

  assert_repr (s, "{1, 2, 3}");
  assert_repr (keep (hs_set_new (vm, NULL)), "set()");
  assert_repr (keep (hs_frozenset_new (vm, NULL)), "frozenset()");
  f = keep (hs_frozenset_new (vm, s));
  assert_repr (f, "frozenset({1, 2, 3})");
  g_assert_true (keep (hs_frozenset_new (vm, f)) == f);
  g_assert_true (hs_gc_is_tracked (s));
  g_assert_true (hs_gc_is_tracked (f));

  /* [hash(frozenset(range(k))) for k in range(6)] */
  {
    static const gint64 hashes[] = {
      G_GINT64_CONSTANT (133146708735736), G_GINT64_CONSTANT (-2704248722033767810),
      G_GINT64_CONSTANT (9000494312501845833), G_GINT64_CONSTANT (-4850097147344926394),
      G_GINT64_CONSTANT (7327027465595056883), G_GINT64_CONSTANT (-6574606388428675546),
    };

    for (int k = 0; k < 6; k++)
      {
        g_assert_true (hs_object_hash (vm, keep (hs_frozenset_new (vm, set_of_range (0, k))), &h));
        g_assert_cmpint (h, ==, hashes[k]);
      }
    /* hash(frozenset([-1, 10**20])) */
    g_assert_true (hs_object_hash (vm, keep (hs_frozenset_new (
                     vm, L (2, I (-1), BIG ("100000000000000000000")))), &h));
    g_assert_cmpint (h, ==, G_GINT64_CONSTANT (-7238096991276158344));
  }
  g_assert_false (hs_object_hash (vm, s, &h));
  assert_error ("TypeError: unhashable type: 'set'");

  call_fails ("KeyError: 9", s, "remove", 1, I (9));
  call_fails ("KeyError: 'pop from an empty set'", keep (hs_set_new (vm, NULL)), "pop", 0);
  call_fails ("TypeError: unhashable type: 'list'", s, "add", 1, L (0));
  call_fails ("TypeError: set.add() takes exactly one argument (0 given)", s, "add", 0);
  call_fails ("TypeError: set.pop() takes no arguments (1 given)", s, "pop", 1, I (1));
  g_assert_null (hs_number_binop (vm, s, L (0), HS_OP_BITOR));
  assert_error ("TypeError: unsupported operand type(s) for |: 'set' and 'list'");
  /* A set key is looked up as a frozenset. */
  g_assert_false (truth (hs_object_contains (vm, s, set_of_range (1, 2))));
  call (s, "discard", 1, set_of_range (1, 2));

  /* Comparisons: subset / superset. */
  g_assert_true (truth (hs_object_richcompare_bool (vm, set_of_range (1, 3), s, HS_LT)));
  g_assert_true (truth (hs_object_richcompare_bool (vm, s, f, HS_EQ)));
  g_assert_false (truth (hs_object_richcompare_bool (vm, s, f, HS_LT)));
  g_assert_null (hs_object_richcompare (vm, s, L (0), HS_LE));
  assert_error ("TypeError: '<=' not supported between instances of 'set' and 'list'");
  assert_repr (call (s, "issubset", 1, L (4, I (1), I (2), I (3), I (4))), "True");
  assert_repr (call (s, "issuperset", 1, L (1, I (4))), "False");
  assert_repr (call (s, "isdisjoint", 1, L (1, I (4))), "True");
  assert_repr (call (s, "union", 2, L (1, I (4)), T (1, I (0))), "{0, 1, 2, 3, 4}");
  assert_repr (call (s, "intersection", 0), "{1, 2, 3}");
  assert_repr (call (s, "difference", 2, L (1, I (1)), L (1, I (2))), "{3}");
  call_fails ("TypeError: set.symmetric_difference() takes exactly one argument (2 given)",
              s, "symmetric_difference", 2, s, s);

  /* Iteration notices a size change. */
  it = keep (hs_object_get_iter (vm, s));
  assert_size (it, 64);
  keep (hs_iter_next (vm, it));
  hs_set_add (vm, s, I (10));
  g_assert_null (hs_iter_next (vm, it));
  assert_error ("RuntimeError: Set changed size during iteration");

  /* Release and traversal in table order: {P20, P3, P11} -> 11 3 20. */
  {
    HsObject *ps = hs_set_new (vm, NULL);
    int ids[] = { 20, 3, 11 };

    for (int i = 0; i < 3; i++)
      {
        HsObject *p = probe_new (ids[i]);

        hs_set_add (vm, ps, p);
        hs_decref (vm, p);
      }
    assert_traverse (ps, "11 3 20");
    hs_decref (vm, ps);
    assert_released ("11 3 20");

    ps = hs_set_new (vm, NULL);
    for (int i = 0; i < 20; i++)
      {
        HsObject *p = probe_new (i);

        hs_set_add (vm, ps, p);
        hs_decref (vm, p);
      }
    call (ps, "clear", 0);
    assert_released ("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19");
    hs_decref (vm, ps);
  }
}

/* Range and slice ------------------------------------------------------------------- */

TEST (test_range)
{
  HsObject *r = keep (hs_range_new (vm, I (0), I (10), I (3))), *big;
  gint64 h;

  assert_repr (r, "range(0, 10, 3)");
  assert_repr (keep (hs_range_new (vm, I (0), I (5), I (1))), "range(0, 5)");
  assert_size (r, 48);
  g_assert_false (hs_gc_is_tracked (r));
  g_assert_cmpint (hs_object_length (vm, r), ==, 4);
  assert_repr (getitem (r, I (-1)), "9");
  g_assert_null (hs_object_getitem (vm, r, I (4)));
  assert_error ("IndexError: range object index out of range");
  /* range(0,10,3)[1:] -> range(3, 12, 3); range(10)[::-1] -> range(9, -1, -1);
   * range(10)[-1:-20:-2] -> range(9, -1, -2) */
  assert_repr (getitem (r, keep (hs_slice_new (vm, I (1), NULL, NULL))), "range(3, 12, 3)");
  r = keep (hs_range_new (vm, I (0), I (10), I (1)));
  assert_repr (getitem (r, keep (hs_slice_new (vm, NULL, NULL, I (-1)))), "range(9, -1, -1)");
  assert_repr (getitem (r, keep (hs_slice_new (vm, I (-1), I (-20), I (-2)))), "range(9, -1, -2)");
  g_assert_null (hs_object_getitem (vm, r, keep (hs_slice_new (vm, NULL, NULL, I (0)))));
  assert_error ("ValueError: slice step cannot be zero");

  g_assert_true (truth (hs_object_contains (vm, r, I (9))));
  g_assert_false (truth (hs_object_contains (vm, r, I (10))));
  g_assert_true (truth (hs_object_contains (vm, r, F (3.0))));
  assert_repr (call (r, "index", 1, I (7)), "7");
  call_fails ("ValueError: 10 is not in range", r, "index", 1, I (10));
  assert_repr (call (r, "count", 1, F (2.0)), "1");
  assert_repr (keep (hs_list_from_iterable (vm, call (r, "__reversed__", 0))),
               "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");

  /* Equality by contents; hash((len, start, step)) with None where irrelevant. */
  g_assert_true (truth (hs_object_richcompare_bool (vm, keep (hs_range_new (vm, I (0), I (0), I (1))),
                                                    keep (hs_range_new (vm, I (5), I (2), I (3))),
                                                    HS_EQ)));
  /* hash(range(5)), hash(range(1, 10, 3)), hash(range(0, -5, -1)); hash(None)
   * is address-based in 3.11, so range(0) and range(1, 2) are checked against
   * the tuples CPython hashes for them: (0, None, None) and (1, 1, None). */
  {
    HsObject *rs[] = {
      keep (hs_range_new (vm, I (0), I (5), I (1))), keep (hs_range_new (vm, I (1), I (10), I (3))),
      keep (hs_range_new (vm, I (0), I (-5), I (-1))),
    };
    static const gint64 hashes[] = {
      G_GINT64_CONSTANT (5795932985296280846), G_GINT64_CONSTANT (-9160968616009628824),
      G_GINT64_CONSTANT (2072082885049348490),
    };
    gint64 h2;

    for (gsize i = 0; i < G_N_ELEMENTS (rs); i++)
      {
        g_assert_true (hs_object_hash (vm, rs[i], &h));
        g_assert_cmpint (h, ==, hashes[i]);
      }
    g_assert_true (hs_object_hash (vm, keep (hs_range_new (vm, I (3), I (3), I (2))), &h));
    g_assert_true (hs_object_hash (vm, T (3, I (0), vm->none, vm->none), &h2));
    g_assert_cmpint (h, ==, h2);
    g_assert_true (hs_object_hash (vm, keep (hs_range_new (vm, I (1), I (2), I (5))), &h));
    g_assert_true (hs_object_hash (vm, T (3, I (1), I (1), vm->none), &h2));
    g_assert_cmpint (h, ==, h2);
  }

  /* Big ranges: range(2**70)[2**69], len() overflows. */
  big = keep (hs_range_new (vm, I (0), BIG ("1180591620717411303424"), I (1)));
  assert_repr (big, "range(0, 1180591620717411303424)");
  assert_repr (getitem (big, BIG ("590295810358705651712")), "590295810358705651712");
  g_assert_cmpint (hs_object_length (vm, big), ==, -1);
  assert_error ("OverflowError: Python int too large to convert to C ssize_t");
  g_assert_true (truth (hs_object_contains (vm, big, BIG ("1180591620717411303423"))));
  {
    HsObject *it = keep (hs_object_get_iter (vm, keep (hs_range_new (
                      vm, BIG ("9223372036854775806"), BIG ("9223372036854775809"), I (1)))));

    assert_repr (keep (hs_list_from_iterable (vm, it)),
                 "[9223372036854775806, 9223372036854775807, 9223372036854775808]");
  }

  /* Constructor errors. */
  g_assert_null (construct (vm->types.range, 3, I (1), I (2), I (0)));
  assert_error ("ValueError: range() arg 3 must not be zero");
  g_assert_null (construct (vm->types.range, 1, F (1.5)));
  assert_error ("TypeError: 'float' object cannot be interpreted as an integer");
  g_assert_null (construct (vm->types.range, 0));
  assert_error ("TypeError: range expected at least 1 argument, got 0");
  g_assert_null (construct (vm->types.range, 4, I (1), I (2), I (3), I (4)));
  assert_error ("TypeError: range expected at most 3 arguments, got 4");
  assert_repr (keep (construct (vm->types.range, 1, vm->true_obj)), "range(0, 1)");
}

TEST (test_slice)
{
  HsObject *s = keep (hs_slice_new (vm, I (1), I (2), NULL));
  gssize start, stop, step, n;

  assert_repr (s, "slice(1, 2, None)");
  assert_repr (keep (construct (vm->types.slice, 1, I (1))), "slice(None, 1, None)");
  assert_size (s, 56);
  g_assert_true (hs_gc_is_tracked (s));
  g_assert_false (hs_object_hash (vm, s, &step));
  assert_error ("TypeError: unhashable type: 'slice'");
  g_assert_null (construct (vm->types.slice, 0));
  assert_error ("TypeError: slice expected at least 1 argument, got 0");

  /* slice(-1, None, -2).indices(10) -> (9, -1, -2); slice(2**70).indices(5) -> (0, 5, 1) */
  assert_repr (call (keep (hs_slice_new (vm, I (-1), NULL, I (-2))), "indices", 1, I (10)),
               "(9, -1, -2)");
  assert_repr (call (keep (hs_slice_new (vm, NULL, BIG ("1180591620717411303424"), NULL)),
                     "indices", 1, I (5)), "(0, 5, 1)");
  call_fails ("ValueError: slice step cannot be zero",
              keep (hs_slice_new (vm, I (1), I (2), I (0))), "indices", 1, I (5));
  call_fails ("ValueError: length should not be negative", s, "indices", 1, I (-1));

  g_assert_true (hs_slice_indices (vm, keep (hs_slice_new (vm, NULL, NULL, I (-3))), 10,
                                   &start, &stop, &step, &n));
  g_assert_cmpint (start, ==, 9);
  g_assert_cmpint (stop, ==, -1);
  g_assert_cmpint (step, ==, -3);
  g_assert_cmpint (n, ==, 4);
  g_assert_true (hs_slice_indices (vm, keep (hs_slice_new (vm, BIG ("-1180591620717411303424"),
                                                           BIG ("1180591620717411303424"), NULL)),
                                   10, &start, &stop, &step, &n));
  g_assert_cmpint (n, ==, 10);
  g_assert_false (hs_slice_indices (vm, keep (hs_slice_new (vm, S ("a"), NULL, NULL)), 10,
                                    &start, &stop, &step, &n));
  assert_error ("TypeError: slice indices must be integers or None or have an __index__ method");

  g_assert_true (truth (hs_object_richcompare_bool (vm, s, keep (hs_slice_new (vm, I (1), I (2), NULL)),
                                                    HS_EQ)));
}

TEST (test_repr_short)
{
  GString *out = g_string_new (NULL);
  HsObject *l = L (3, I (1), S ("a"), L (1, I (2)));
  HsObject *d = keep (hs_dict_new (vm));

  vm->types.list->tp_repr_short (l, out, 40);
  g_assert_cmpstr (out->str, ==, "[1, 'a', […]]");
  g_string_truncate (out, 0);
  vm->types.list->tp_repr_short (L_range (0, 100), out, 12);
  g_assert_cmpstr (out->str, ==, "[0, 1, 2, …]");
  g_string_truncate (out, 0);
  vm->types.tuple->tp_repr_short (T (1, I (7)), out, 40);
  g_assert_cmpstr (out->str, ==, "(7,)");
  g_string_truncate (out, 0);
  hs_dict_setitem (vm, d, S ("a"), I (1));
  vm->types.dict->tp_repr_short (d, out, 40);
  g_assert_cmpstr (out->str, ==, "{'a': 1}");
  g_string_truncate (out, 0);
  vm->types.set->tp_repr_short (keep (hs_set_new (vm, NULL)), out, 40);
  g_assert_cmpstr (out->str, ==, "set()");
  g_string_free (out, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/containers/dict/sizes", test_dict_sizes);
  g_test_add_func ("/containers/dict/behaviour", test_dict_behaviour);
  g_test_add_func ("/containers/dict/iteration", test_dict_iteration);
  g_test_add_func ("/containers/dict/tracking-and-release", test_dict_tracking_and_release);
  g_test_add_func ("/containers/set/order", test_set_order);
  g_test_add_func ("/containers/set/sizes", test_set_sizes);
  g_test_add_func ("/containers/set/behaviour", test_set_behaviour);
  g_test_add_func ("/containers/range", test_range);
  g_test_add_func ("/containers/slice", test_slice);
  g_test_add_func ("/containers/repr-short", test_repr_short);

  return g_test_run ();
}
