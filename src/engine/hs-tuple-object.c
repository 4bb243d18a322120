/* hs-tuple-object.c — tuple, tuple_iterator and helpers shared by the containers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11's Objects/tupleobject.c: tuples are GC-tracked when created
 * (the collector untracks those holding only atomic values), release and
 * visit their items last to first, and hash with the xxHash-based tuplehash.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* Shared helpers ------------------------------------------------------------ */

gboolean
_hs_index_check (HsObject *o)
{
  return hs_int_check (o) || o->ob_type->nb_index != NULL;
}

gboolean
_hs_as_index (HsVM     *vm,
              HsObject *o,
              gssize   *out)
{
  return hs_number_as_ssize (vm, o, out);
}

gboolean
_hs_repeat_count (HsVM     *vm,
                  HsObject *o,
                  gssize   *out)
{
  if (!hs_number_as_ssize (vm, o, out))
    {
      if (hs_err_matches (vm, vm->types.IndexError))
        {
          hs_err_clear (vm);
          hs_err_format (vm, vm->types.OverflowError,
                         "cannot fit 'int' into an index-sized integer");
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
_hs_wrapper_check_one (HsVM       *vm,
                       const char *name,
                       gsize       nargs,
                       HsObject   *kwnames)
{
  if (kwnames != NULL && HS_TUPLE (kwnames)->len > 0)
    {
      hs_err_format (vm, vm->types.TypeError, "wrapper %s() takes no keyword arguments", name);
      return FALSE;
    }
  if (nargs != 2)
    {
      hs_err_format (vm, vm->types.TypeError, "expected 1 argument, got %" G_GSIZE_FORMAT,
                     nargs - 1);
      return FALSE;
    }
  return TRUE;
}

static gsize
utf8_chars (const char *s)
{
  return g_utf8_strlen (s, -1);
}

/* A nested container is never expanded in a preview (no recursion, no cycles). */
static const char *
nested_placeholder (HsObject *item)
{
  HsReprBufFunc f = item->ob_type->tp_repr_short;

  if (f == _hs_tuple_repr_short)
    return HS_TUPLE (item)->len == 0 ? "()" : "(…)";
  if (f == _hs_list_repr_short)
    return HS_LIST (item)->len == 0 ? "[]" : "[…]";
  if (f == _hs_dict_repr_short)
    return HS_DICT (item)->used == 0 ? "{}" : "{…}";
  if (f == _hs_set_repr_short)
    return HS_SET (item)->used == 0 ? "set()" : "{…}";
  return NULL;
}

void
_hs_repr_short_item (HsObject *item,
                     GString  *out,
                     gsize     max_chars)
{
  const char *nested;

  if (item == NULL)
    {
      g_string_append (out, "…");
      return;
    }
  nested = nested_placeholder (item);
  if (nested != NULL)
    g_string_append (out, nested);
  else if (item->ob_type->tp_repr_short != NULL)
    item->ob_type->tp_repr_short (item, out, max_chars);
  else
    g_string_append_printf (out, "<%s>", item->ob_type->name);
}

void
_hs_repr_short_count (GString    *out,
                      const char *open,
                      const char *close,
                      gsize       n)
{
  g_string_append_printf (out, "%s%" G_GSIZE_FORMAT " item%s%s", open, n, n == 1 ? "" : "s",
                          close);
}

/* "(1, 'a', …)" within @max_chars; the count form when nothing fits. */
void
_hs_repr_short_sequence (GString          *out,
                         const char       *open,
                         const char       *close,
                         HsObject *const  *items,
                         gsize             n,
                         gboolean          one_comma,
                         gsize             max_chars)
{
  GString *buf = g_string_new (open);
  gsize chars = utf8_chars (open);
  gsize close_chars = utf8_chars (close) + (one_comma && n == 1 ? 1 : 0);
  gsize i;

  for (i = 0; i < n; i++)
    {
      gsize sep = i > 0 ? 2 : 0;
      gsize tail = i + 1 < n ? 3 : 0;   /* room for ", …" */
      gsize budget;
      GString *piece;
      gsize piece_chars;

      if (chars + sep + close_chars + tail + 1 > max_chars)
        break;
      budget = max_chars - chars - sep - close_chars - tail;
      piece = g_string_new (NULL);
      _hs_repr_short_item (items[i], piece, budget);
      piece_chars = utf8_chars (piece->str);
      if (piece_chars > budget)
        {
          g_string_free (piece, TRUE);
          break;
        }
      if (sep)
        g_string_append (buf, ", ");
      g_string_append_len (buf, piece->str, piece->len);
      chars += sep + piece_chars;
      g_string_free (piece, TRUE);
    }

  if (i == 0 && n > 0)
    {
      g_string_free (buf, TRUE);
      _hs_repr_short_count (out, open, close, n);
      return;
    }
  if (i < n)
    g_string_append (buf, ", …");
  else if (one_comma && n == 1)
    g_string_append_c (buf, ',');
  g_string_append (buf, close);
  g_string_append_len (out, buf->str, buf->len);
  g_string_free (buf, TRUE);
}

gssize
_hs_length_hint (HsVM     *vm,
                 HsObject *o,
                 gssize    dflt)
{
  HsObject *res;
  gint64 v;

  if (o->ob_type->sq_length != NULL)
    {
      gssize n = o->ob_type->sq_length (vm, o);

      if (n >= 0)
        return n;
      if (!hs_err_matches (vm, vm->types.TypeError))
        return -1;
      hs_err_clear (vm);
    }
  if (hs_type_lookup_cstr (o->ob_type, "__length_hint__") == NULL)
    return dflt;
  res = hs_object_call_method (vm, o, "__length_hint__", NULL, 0);
  if (res == NULL)
    {
      if (hs_err_matches (vm, vm->types.TypeError))
        {
          hs_err_clear (vm);
          return dflt;
        }
      return -1;
    }
  if (res == vm->not_implemented)
    {
      hs_decref (vm, res);
      return dflt;
    }
  if (!hs_int_check (res))
    {
      hs_err_format (vm, vm->types.TypeError, "__length_hint__ must be an integer, not %s",
                     hs_type_name (res));
      hs_decref (vm, res);
      return -1;
    }
  if (!hs_int_as_i64 (vm, res, &v))
    {
      hs_decref (vm, res);
      return -1;
    }
  hs_decref (vm, res);
  if (v < 0)
    {
      hs_err_set_string (vm, vm->types.ValueError, "__length_hint__() should return >= 0");
      return -1;
    }
  return v;
}

HsObject *
_hs_sequence_fast (HsVM       *vm,
                   HsObject   *o,
                   const char *message)
{
  HsObject *it, *list;

  if (o->ob_type == vm->types.list || hs_tuple_check_exact (o))
    return hs_incref (o);
  it = hs_object_get_iter (vm, o);
  if (it == NULL)
    {
      if (hs_err_matches (vm, vm->types.TypeError))
        {
          hs_err_clear (vm);
          hs_err_set_string (vm, vm->types.TypeError, message);
        }
      return NULL;
    }
  list = hs_list_from_iterable (vm, it);
  hs_decref (vm, it);
  return list;
}

/* Allocation ---------------------------------------------------------------- */

static gboolean
tuple_check (HsVM     *vm,
             HsObject *o)
{
  return hs_isinstance (o, vm->types.tuple);
}

gboolean
hs_tuple_check_exact (HsObject *o)
{
  return o->ob_type->tp_dealloc == _hs_tuple_dealloc
         && (o->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE) == 0;
}

/* A tuple of @type with @n NULL items, not tracked yet. Subclass instances
 * keep their items after the instance extension. */
static HsObject *
tuple_alloc (HsVM   *vm,
             HsType *type,
             gsize   n)
{
  gsize head;
  HsObject *o;

  if (n > (G_MAXSIZE / 2) / sizeof (HsObject *))
    return hs_err_no_memory (vm);
  head = type == vm->types.tuple ? sizeof (HsTuple) : ((hs_type_c_size (type) + 7) & ~(gsize) 7);
  o = hs_object_alloc (vm, type, head + n * sizeof (HsObject *));
  if (o == NULL)
    return NULL;
  HS_TUPLE (o)->len = n;
  HS_TUPLE (o)->hash = -1;
  HS_TUPLE (o)->items = (HsObject **) ((guint8 *) o + head);
  return o;
}

HsObject *
hs_tuple_new (HsVM  *vm,
              gsize  len)
{
  HsObject *o;

  if (len == 0)
    return hs_incref (vm->empty_tuple);
  o = tuple_alloc (vm, vm->types.tuple, len);
  if (o == NULL)
    return NULL;
  hs_gc_track (vm, o);
  return o;
}

HsObject *
hs_tuple_from_array (HsVM            *vm,
                     HsObject *const *items,
                     gsize            n)
{
  HsObject *o = hs_tuple_new (vm, n);

  if (o == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    HS_TUPLE (o)->items[i] = hs_incref (items[i]);
  return o;
}

HsObject *
hs_tuple_pack (HsVM  *vm,
               gsize  n,
               ...)
{
  HsObject *o = hs_tuple_new (vm, n);
  va_list ap;

  if (o == NULL)
    return NULL;
  va_start (ap, n);
  for (gsize i = 0; i < n; i++)
    HS_TUPLE (o)->items[i] = hs_incref (va_arg (ap, HsObject *));
  va_end (ap);
  return o;
}

HsObject *
hs_tuple_from_iterable (HsVM     *vm,
                        HsObject *iterable)
{
  HsObject *it, *item, *result;
  GPtrArray *buf;

  if (hs_tuple_check_exact (iterable))
    return hs_incref (iterable);
  if (iterable->ob_type == vm->types.list)
    return hs_list_as_tuple (vm, iterable);

  it = hs_object_get_iter (vm, iterable);
  if (it == NULL)
    return NULL;
  /* CPython sizes the tuple from the length hint and resizes it in place;
   * collecting first gives the same final object without a transient one. */
  if (_hs_length_hint (vm, iterable, 10) < 0)
    {
      hs_decref (vm, it);
      return NULL;
    }
  buf = g_ptr_array_new ();
  while ((item = hs_iter_next (vm, it)) != NULL)
    g_ptr_array_add (buf, item);
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    {
      for (guint i = 0; i < buf->len; i++)
        hs_decref (vm, g_ptr_array_index (buf, i));
      g_ptr_array_free (buf, TRUE);
      return NULL;
    }
  result = hs_tuple_new (vm, buf->len);
  if (result == NULL)
    {
      for (guint i = 0; i < buf->len; i++)
        hs_decref (vm, g_ptr_array_index (buf, i));
      g_ptr_array_free (buf, TRUE);
      return NULL;
    }
  for (guint i = 0; i < buf->len; i++)
    HS_TUPLE (result)->items[i] = g_ptr_array_index (buf, i);   /* references move */
  g_ptr_array_free (buf, TRUE);
  return result;
}

gboolean
hs_tuple_may_untrack (HsObject *tuple)
{
  HsTuple *t = HS_TUPLE (tuple);

  if (!hs_tuple_check_exact (tuple) || !hs_gc_is_tracked (tuple))
    return FALSE;
  for (gsize i = 0; i < t->len; i++)
    {
      /* Not fully built yet, or an item the collector may have to follow. */
      if (t->items[i] == NULL || _hs_may_be_tracked (t->items[i]))
        return FALSE;
    }
  return TRUE;
}

/* Slots --------------------------------------------------------------------- */

void
_hs_tuple_dealloc (HsVM     *vm,
                   HsObject *self)
{
  HsTuple *t = HS_TUPLE (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  /* Last item first, as tupledealloc. The length shrinks as we go so that a
   * heap walk started by a __del__ never sees a released item. */
  while (t->len > 0)
    {
      HsObject *item = t->items[--t->len];

      t->items[t->len] = NULL;
      hs_xdecref (vm, item);
    }
  hs_object_free (vm, self);
}

static void
tuple_traverse (HsObject    *self,
                HsVisitFunc  visit,
                gpointer     user_data)
{
  HsTuple *t = HS_TUPLE (self);

  for (gsize i = t->len; i-- > 0;)
    if (t->items[i] != NULL)
      visit (t->items[i], user_data);
}

static gsize
tuple_sizeof (HsObject *self)
{
  return 40 + 8 * HS_TUPLE (self)->len;
}

/* tuplehash: xxHash's round function over the item hashes (3.8+). */
#define XXPRIME_1 G_GUINT64_CONSTANT (11400714785074694791)
#define XXPRIME_2 G_GUINT64_CONSTANT (14029467366897019727)
#define XXPRIME_5 G_GUINT64_CONSTANT (2870177450012600261)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static gboolean
tuple_hash (HsVM     *vm,
            HsObject *self,
            gint64   *hash)
{
  HsTuple *t = HS_TUPLE (self);
  guint64 acc = XXPRIME_5;

  for (gsize i = 0; i < t->len; i++)
    {
      gint64 h;
      guint64 lane;

      if (!hs_object_hash (vm, t->items[i], &h))
        return FALSE;
      lane = (guint64) h;
      acc += lane * XXPRIME_2;
      acc = XXROTATE (acc);
      acc *= XXPRIME_1;
    }
  /* The length, mangled to keep the historical hash(()). */
  acc += t->len ^ (XXPRIME_5 ^ G_GUINT64_CONSTANT (3527539));
  if (acc == G_MAXUINT64)
    acc = 1546275796;
  *hash = (gint64) acc;
  return TRUE;
}

static HsObject *
compare_sizes (HsVM  *vm,
               gsize  a,
               gsize  b,
               int    op)
{
  gboolean r = FALSE;

  switch (op)
    {
    case HS_LT: r = a < b; break;
    case HS_LE: r = a <= b; break;
    case HS_EQ: r = a == b; break;
    case HS_NE: r = a != b; break;
    case HS_GT: r = a > b; break;
    case HS_GE: r = a >= b; break;
    default: break;
    }
  return hs_bool (vm, r);
}

static HsObject *
tuple_richcompare (HsVM     *vm,
                   HsObject *v,
                   HsObject *w,
                   int       op)
{
  HsTuple *vt, *wt;
  gsize i;

  if (!tuple_check (vm, v) || !tuple_check (vm, w))
    return hs_not_implemented (vm);
  vt = HS_TUPLE (v);
  wt = HS_TUPLE (w);

  /* The first index where the items differ (no length shortcut: 3.11). */
  for (i = 0; i < vt->len && i < wt->len; i++)
    {
      int k = hs_object_richcompare_bool (vm, vt->items[i], wt->items[i], HS_EQ);

      if (k < 0)
        return NULL;
      if (!k)
        break;
    }
  if (i >= vt->len || i >= wt->len)
    return compare_sizes (vm, vt->len, wt->len, op);
  if (op == HS_EQ)
    return hs_bool (vm, FALSE);
  if (op == HS_NE)
    return hs_bool (vm, TRUE);
  return hs_object_richcompare (vm, vt->items[i], wt->items[i], op);
}

static HsObject *
tuple_repr (HsVM     *vm,
            HsObject *self)
{
  HsTuple *t = HS_TUPLE (self);
  GString *out;
  HsObject *res = NULL;

  if (t->len == 0)
    return hs_str_new (vm, "()", -1);
  if (!hs_repr_enter (vm, self))
    return hs_str_new (vm, "(...)", -1);

  out = g_string_new ("(");
  for (gsize i = 0; i < t->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      if (!hs_object_repr_append (vm, t->items[i], out))
        goto done;
    }
  if (t->len == 1)
    g_string_append_c (out, ',');
  g_string_append_c (out, ')');
  res = hs_str_from_gstring (vm, out);

done:
  hs_repr_leave (vm, self);
  g_string_free (out, TRUE);
  return res;
}

void
_hs_tuple_repr_short (HsObject *self,
                      GString  *out,
                      gsize     max_chars)
{
  HsTuple *t = HS_TUPLE (self);

  _hs_repr_short_sequence (out, "(", ")", t->items, t->len, TRUE, max_chars);
}

static gssize
tuple_length (HsVM     *vm,
              HsObject *self)
{
  return HS_TUPLE (self)->len;
}

static int
tuple_contains (HsVM     *vm,
                HsObject *self,
                HsObject *el)
{
  HsTuple *t = HS_TUPLE (self);
  int cmp = 0;

  for (gsize i = 0; cmp == 0 && i < t->len; i++)
    cmp = hs_object_richcompare_bool (vm, t->items[i], el, HS_EQ);
  return cmp;
}

static HsObject *
tuple_subscript (HsVM     *vm,
                 HsObject *self,
                 HsObject *key)
{
  HsTuple *t = HS_TUPLE (self);

  if (_hs_index_check (key))
    {
      gssize i;

      if (!_hs_as_index (vm, key, &i))
        return NULL;
      if (i < 0)
        i += t->len;
      if (i < 0 || (gsize) i >= t->len)
        return hs_err_set_string (vm, vm->types.IndexError, "tuple index out of range");
      return hs_incref (t->items[i]);
    }
  if (key->ob_type == vm->types.slice)
    {
      gssize start, stop, step, n;
      HsObject *res;

      if (!_hs_slice_unpack (vm, key, &start, &stop, &step))
        return NULL;
      n = _hs_slice_adjust (t->len, &start, &stop, step);
      if (n <= 0)
        return hs_incref (vm->empty_tuple);
      if (start == 0 && step == 1 && (gsize) n == t->len && hs_tuple_check_exact (self))
        return hs_incref (self);
      res = hs_tuple_new (vm, n);
      if (res == NULL)
        return NULL;
      for (gssize cur = start, i = 0; i < n; cur += step, i++)
        HS_TUPLE (res)->items[i] = hs_incref (t->items[cur]);
      return res;
    }
  return hs_err_format (vm, vm->types.TypeError,
                        "tuple indices must be integers or slices, not %s", hs_type_name (key));
}

static HsObject *
tuple_concat (HsVM     *vm,
              HsObject *a,
              HsObject *b)
{
  HsTuple *ta, *tb;
  HsObject *res;

  if (!tuple_check (vm, a) || !tuple_check (vm, b))
    return hs_not_implemented (vm);
  ta = HS_TUPLE (a);
  tb = HS_TUPLE (b);
  if (tb->len == 0 && hs_tuple_check_exact (a))
    return hs_incref (a);
  if (ta->len == 0 && hs_tuple_check_exact (b))
    return hs_incref (b);
  res = hs_tuple_new (vm, ta->len + tb->len);
  if (res == NULL)
    return NULL;
  for (gsize i = 0; i < ta->len; i++)
    HS_TUPLE (res)->items[i] = hs_incref (ta->items[i]);
  for (gsize i = 0; i < tb->len; i++)
    HS_TUPLE (res)->items[ta->len + i] = hs_incref (tb->items[i]);
  return res;
}

static HsObject *
tuple_repeat (HsVM     *vm,
              HsObject *a,
              HsObject *b)
{
  HsObject *seq, *count, *res;
  HsTuple *t;
  gssize n;

  if (tuple_check (vm, a) && _hs_index_check (b))
    seq = a, count = b;
  else if (tuple_check (vm, b) && _hs_index_check (a))
    seq = b, count = a;
  else
    return hs_not_implemented (vm);
  if (!_hs_repeat_count (vm, count, &n))
    return NULL;

  t = HS_TUPLE (seq);
  if ((t->len == 0 || n == 1) && hs_tuple_check_exact (seq))
    return hs_incref (seq);   /* immutable: share it */
  if (t->len == 0 || n <= 0)
    return hs_incref (vm->empty_tuple);
  if (t->len > (gsize) G_MAXSSIZE / (gsize) n)
    return hs_err_no_memory (vm);
  res = hs_tuple_new (vm, t->len * n);
  if (res == NULL)
    return NULL;
  for (gssize r = 0, k = 0; r < n; r++)
    for (gsize i = 0; i < t->len; i++, k++)
      HS_TUPLE (res)->items[k] = hs_incref (t->items[i]);
  return res;
}

/* tuple(iterable); subclasses copy the items of a plain tuple into their own. */
static HsObject *
tuple_new (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *tmp, *res;
  gsize n;

  if (!hs_check_no_kwargs (vm, "tuple", kwnames))
    return NULL;
  if (!hs_check_nargs (vm, "tuple", nargs - 1, 0, 1))
    return NULL;
  tmp = nargs > 1 ? hs_tuple_from_iterable (vm, args[1]) : hs_incref (vm->empty_tuple);
  if (tmp == NULL || type == vm->types.tuple)
    return tmp;

  n = HS_TUPLE (tmp)->len;
  res = tuple_alloc (vm, type, n);
  if (res == NULL)
    {
      hs_decref (vm, tmp);
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    HS_TUPLE (res)->items[i] = hs_incref (HS_TUPLE (tmp)->items[i]);
  hs_gc_track (vm, res);
  hs_decref (vm, tmp);
  return res;
}

/* Methods ------------------------------------------------------------------- */

/* start/stop of index(): _PyEval_SliceIndexNotNone (clamped, None refused). */
gboolean
_hs_index_bounds (HsVM            *vm,
                  HsObject *const *args,
                  gsize            nargs,
                  gssize           len,
                  gssize          *start,
                  gssize          *stop)
{
  *start = 0;
  *stop = G_MAXSSIZE;
  for (gsize i = 0; i < nargs; i++)
    {
      gssize *out = i == 0 ? start : stop;

      if (!_hs_index_check (args[i]))
        {
          hs_err_set_string (vm, vm->types.TypeError,
                             "slice indices must be integers or have an __index__ method");
          return FALSE;
        }
      if (!_hs_slice_index (vm, args[i], out))
        return FALSE;
    }
  if (*start < 0)
    {
      *start += len;
      if (*start < 0)
        *start = 0;
    }
  if (*stop < 0)
    *stop += len;
  else if (*stop > len)
    *stop = len;
  return TRUE;
}

static HsObject *
tuple_index (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsTuple *t = HS_TUPLE (args[0]);
  gssize start, stop;

  if (!hs_check_no_kwargs (vm, "tuple.index", kwnames)
      || !hs_check_nargs (vm, "index", nargs - 1, 1, 3))
    return NULL;
  if (!_hs_index_bounds (vm, args + 2, nargs - 2, t->len, &start, &stop))
    return NULL;
  for (gssize i = start; i < stop && (gsize) i < t->len; i++)
    {
      int cmp = hs_object_richcompare_bool (vm, t->items[i], args[1], HS_EQ);

      if (cmp > 0)
        return hs_int_from_i64 (vm, i);
      if (cmp < 0)
        return NULL;
    }
  return hs_err_set_string (vm, vm->types.ValueError, "tuple.index(x): x not in tuple");
}

static HsObject *
tuple_count (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsTuple *t = HS_TUPLE (args[0]);
  gint64 count = 0;

  if (!hs_check_no_kwargs (vm, "tuple.count", kwnames)
      || !hs_check_nargs (vm, "tuple.count", nargs - 1, 1, 1))
    return NULL;
  for (gsize i = 0; i < t->len; i++)
    {
      int cmp = hs_object_richcompare_bool (vm, t->items[i], args[1], HS_EQ);

      if (cmp > 0)
        count++;
      else if (cmp < 0)
        return NULL;
    }
  return hs_int_from_i64 (vm, count);
}

/* tuple.__add__ and tuple.__mul__ are CPython's sq_concat / sq_repeat
 * wrappers: they raise instead of returning NotImplemented. */
static HsObject *
tuple_add_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  if (!_hs_wrapper_check_one (vm, "__add__", nargs, kwnames))
    return NULL;
  if (!tuple_check (vm, args[1]))
    return hs_err_format (vm, vm->types.TypeError,
                          "can only concatenate tuple (not \"%s\") to tuple", hs_type_name (args[1]));
  return tuple_concat (vm, args[0], args[1]);
}

static HsObject *
tuple_mul_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  if (!_hs_wrapper_check_one (vm, "__mul__", nargs, kwnames))
    return NULL;
  if (!_hs_index_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError,
                          "'%s' object cannot be interpreted as an integer", hs_type_name (args[1]));
  return tuple_repeat (vm, args[0], args[1]);
}

static const HsMethodDef tuple_methods[] = {
  { "__add__", tuple_add_method, 0, NULL },
  { "__mul__", tuple_mul_method, 0, NULL },
  { "__rmul__", tuple_mul_method, 0, NULL },
  { "index", tuple_index, 0, NULL },
  { "count", tuple_count, 0, NULL },
  { NULL }
};

/* tuple_iterator ------------------------------------------------------------ */

/* An iterator of @type over @seq, starting at @index (list, its reverse,
 * tuple). */
HsObject *
_hs_seqiter_new (HsVM     *vm,
                 HsType   *type,
                 HsObject *seq,
                 gssize    index)
{
  HsSeqIter *it = (HsSeqIter *) hs_object_alloc (vm, type, sizeof (HsSeqIter));

  if (it == NULL)
    return NULL;
  it->index = index;
  it->seq = hs_incref (seq);
  hs_gc_track (vm, (HsObject *) it);
  return (HsObject *) it;
}

static HsObject *
tuple_iter (HsVM     *vm,
            HsObject *self)
{
  return _hs_seqiter_new (vm, vm->types.tuple_iterator, self, 0);
}

static HsObject *
tupleiter_next (HsVM     *vm,
                HsObject *self)
{
  HsSeqIter *it = (HsSeqIter *) self;
  HsObject *seq = it->seq;

  if (seq == NULL)
    return NULL;
  if ((gsize) it->index < HS_TUPLE (seq)->len)
    return hs_incref (HS_TUPLE (seq)->items[it->index++]);
  /* Exhausted: the iterator lets go of the tuple at once. */
  it->seq = NULL;
  hs_decref (vm, seq);
  return NULL;
}

static HsObject *
seqiter_self (HsVM     *vm,
              HsObject *self)
{
  return hs_incref (self);
}

static void
seqiter_dealloc (HsVM     *vm,
                 HsObject *self)
{
  HsSeqIter *it = (HsSeqIter *) self;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &it->seq);
  hs_object_free (vm, self);
}

static void
seqiter_traverse (HsObject    *self,
                  HsVisitFunc  visit,
                  gpointer     user_data)
{
  HsSeqIter *it = (HsSeqIter *) self;

  if (it->seq != NULL)
    visit (it->seq, user_data);
}

static HsObject *
tupleiter_length_hint (HsVM            *vm,
                       HsObject        *callable,
                       HsObject *const *args,
                       gsize            nargs,
                       HsObject        *kwnames)
{
  HsSeqIter *it = (HsSeqIter *) args[0];
  gssize n = 0;

  if (it->seq != NULL)
    n = (gssize) HS_TUPLE (it->seq)->len - it->index;
  return hs_int_from_i64 (vm, MAX (n, 0));
}

static void
seqiter_repr_short (HsObject *self,
                    GString  *out,
                    gsize     max_chars)
{
  HsSeqIter *it = (HsSeqIter *) self;

  if (it->seq == NULL)
    g_string_append (out, "exhausted");
  else
    g_string_append_printf (out, "at %" G_GSSIZE_FORMAT, it->index);
}

static const HsMethodDef tupleiter_methods[] = {
  { "__length_hint__", tupleiter_length_hint, 0, NULL },
  { NULL }
};

/* Shared by the list iterators (hs-list-object.c). */
void
_hs_seqiter_init_slots (HsType *t)
{
  t->tp_dealloc = seqiter_dealloc;
  t->tp_traverse = seqiter_traverse;
  t->tp_iter = seqiter_self;
  t->tp_repr_short = seqiter_repr_short;
}

void
_hs_tuple_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "tuple", vm->types.object, sizeof (HsTuple), 40,
                                    HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);
  HsObject *empty;

  t->tp_dealloc = _hs_tuple_dealloc;
  t->tp_traverse = tuple_traverse;
  /* No tp_clear: cycles through tuples are broken by clearing their other members. */
  t->tp_repr = tuple_repr;
  t->tp_hash = tuple_hash;
  t->tp_richcompare = tuple_richcompare;
  t->tp_iter = tuple_iter;
  t->tp_new = tuple_new;
  t->sq_length = tuple_length;
  t->sq_contains = tuple_contains;
  t->mp_subscript = tuple_subscript;
  t->nb[HS_OP_ADD] = tuple_concat;
  t->nb[HS_OP_MULT] = tuple_repeat;
  t->tp_sizeof = tuple_sizeof;
  t->tp_repr_short = _hs_tuple_repr_short;
  t->methods = tuple_methods;
  vm->types.tuple = t;
  _hs_type_ready (vm, t);

  /* The shared () (a static object in 3.11: never tracked, never freed). */
  empty = tuple_alloc (vm, t, 0);
  empty->flags |= HS_OBJ_STATIC | HS_OBJ_IMMORTAL_RC;
  empty->ob_refcnt = HS_STATIC_REFCNT;
  vm->empty_tuple = empty;

  t = _hs_type_new_builtin (vm, "tuple_iterator", vm->types.object, sizeof (HsSeqIter), 48,
                            HS_TPFLAG_GC);
  _hs_seqiter_init_slots (t);
  t->tp_iternext = tupleiter_next;
  t->methods = tupleiter_methods;
  vm->types.tuple_iterator = t;
  _hs_type_ready (vm, t);
}

void
_hs_containers_init_types (HsVM *vm)
{
  _hs_tuple_init_type (vm);
  _hs_list_init_type (vm);
  _hs_dict_init_type (vm);
  _hs_set_init_type (vm);
  _hs_range_init_type (vm);
}
