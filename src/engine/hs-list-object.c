/* hs-list-object.c — list, list_iterator and list_reverseiterator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11's Objects/listobject.c. What learners can see is kept exact:
 * the capacities behind sys.getsizeof (list_resize's over-allocation and
 * shrink rule, the exact sizes of slices, copies, [v] * n and list(sized)),
 * and the order in which removed items are released (last to first, after
 * the list is back in a consistent state).
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

static gboolean
list_check (HsVM     *vm,
            HsObject *o)
{
  return hs_isinstance (o, vm->types.list);
}

static gssize
capacity (HsList *l)
{
  return MAX (l->allocated, 0);
}

/* Item storage ---------------------------------------------------------------- */

gboolean
_hs_list_resize (HsVM     *vm,
                 HsObject *self,
                 gsize     newsize)
{
  HsList *l = HS_LIST (self);
  gssize allocated = l->allocated;
  gsize new_allocated;
  gssize delta;

  /* Keep the buffer while the new size is between half and all of it. */
  if (allocated >= 0 && (gsize) allocated >= newsize && newsize >= ((gsize) allocated >> 1))
    {
      l->len = newsize;
      return TRUE;
    }

  /* Over-allocate proportionally, rounded to a multiple of 4: 0, 4, 8, 16,
   * 24, 32, 40, 52, 64, 76… unless the growth is closer to the new size. */
  new_allocated = (newsize + (newsize >> 3) + 6) & ~(gsize) 3;
  if ((gssize) newsize - (gssize) l->len > (gssize) (new_allocated - newsize))
    new_allocated = (newsize + 3) & ~(gsize) 3;
  if (newsize == 0)
    new_allocated = 0;
  if (new_allocated > (gsize) G_MAXSSIZE / sizeof (HsObject *) / 2)
    {
      hs_err_no_memory (vm);
      return FALSE;
    }

  delta = ((gssize) new_allocated - capacity (l)) * (gssize) sizeof (HsObject *);
  if (delta > 0 && !hs_heap_reserve (vm, delta))
    return FALSE;
  if (new_allocated == 0)
    g_clear_pointer (&l->items, g_free);
  else
    {
      l->items = g_realloc (l->items, new_allocated * sizeof (HsObject *));
      if ((gssize) new_allocated > capacity (l))
        memset (l->items + capacity (l), 0,
                (new_allocated - capacity (l)) * sizeof (HsObject *));
    }
  if (delta < 0)
    hs_heap_reserve (vm, delta);
  l->len = newsize;
  l->allocated = new_allocated;
  return TRUE;
}

/* list_preallocate_exact: an empty list gets room for @size items, rounded up
 * to even (the allocator's 16-byte granularity makes odd sizes pointless). */
static gboolean
list_preallocate_exact (HsVM     *vm,
                        HsObject *self,
                        gsize     size)
{
  HsList *l = HS_LIST (self);

  g_assert (l->items == NULL);
  size = (size + 1) & ~(gsize) 1;
  if (size > (gsize) G_MAXSSIZE / sizeof (HsObject *) / 2)
    {
      hs_err_no_memory (vm);
      return FALSE;
    }
  if (!hs_heap_reserve (vm, size * sizeof (HsObject *)))
    return FALSE;
  l->items = g_new0 (HsObject *, size);
  l->allocated = size;
  return TRUE;
}

/* An empty list of @type (a subclass keeps its instance extension). */
static HsObject *
list_alloc (HsVM   *vm,
            HsType *type)
{
  HsObject *o = hs_object_alloc (vm, type,
                                 type == vm->types.list ? sizeof (HsList) : hs_type_c_size (type));

  if (o == NULL)
    return NULL;
  HS_LIST (o)->len = 0;
  HS_LIST (o)->allocated = 0;
  HS_LIST (o)->items = NULL;
  return o;
}

/* list_new_prealloc: an untracked list with room for exactly @size items. */
static HsObject *
list_new_prealloc (HsVM  *vm,
                   gsize  size)
{
  HsObject *o = list_alloc (vm, vm->types.list);

  if (o == NULL)
    return NULL;
  if (size > (gsize) G_MAXSSIZE / sizeof (HsObject *) / 2
      || !hs_heap_reserve (vm, size * sizeof (HsObject *)))
    {
      if (!hs_err_occurred (vm))
        hs_err_no_memory (vm);
      hs_decref (vm, o);
      return NULL;
    }
  HS_LIST (o)->items = g_new0 (HsObject *, MAX (size, 1));
  HS_LIST (o)->allocated = size;
  return o;
}

HsObject *
hs_list_new (HsVM  *vm,
             gsize  len)
{
  HsObject *o;

  if (len == 0)
    o = list_alloc (vm, vm->types.list);
  else
    {
      o = list_new_prealloc (vm, len);
      if (o != NULL)
        HS_LIST (o)->len = len;
    }
  if (o != NULL)
    hs_gc_track (vm, o);
  return o;
}

/* _list_clear: the list is emptied first, then the items are released last
 * to first (each release may run Python code that sees an empty list). */
static void
list_clear_items (HsVM     *vm,
                  HsObject *self)
{
  HsList *l = HS_LIST (self);
  HsObject **items = l->items;
  gsize i = l->len;
  gssize cap = capacity (l);

  if (items == NULL)
    return;
  l->len = 0;
  l->items = NULL;
  l->allocated = 0;
  while (i-- > 0)
    {
      HsObject *o = items[i];

      items[i] = NULL;
      hs_xdecref (vm, o);
    }
  g_free (items);
  hs_heap_reserve (vm, -cap * (gssize) sizeof (HsObject *));
}

int
hs_list_append (HsVM     *vm,
                HsObject *list,
                HsObject *item)
{
  HsList *l = HS_LIST (list);
  gsize n = l->len;

  if (l->allocated > (gssize) n)
    {
      l->items[n] = hs_incref (item);
      l->len = n + 1;
      return 0;
    }
  if (!_hs_list_resize (vm, list, n + 1))
    return -1;
  l->items[n] = hs_incref (item);
  return 0;
}

/* ins1 */
int
hs_list_insert (HsVM     *vm,
                HsObject *list,
                gssize    where,
                HsObject *item)
{
  HsList *l = HS_LIST (list);
  gssize n = l->len;

  if (!_hs_list_resize (vm, list, n + 1))
    return -1;
  if (where < 0)
    {
      where += n;
      if (where < 0)
        where = 0;
    }
  if (where > n)
    where = n;
  memmove (l->items + where + 1, l->items + where, (n - where) * sizeof (HsObject *));
  l->items[where] = hs_incref (item);
  return 0;
}

HsObject *
_hs_list_slice (HsVM     *vm,
                HsObject *list,
                gssize    ilow,
                gssize    ihigh)
{
  HsList *a = HS_LIST (list);
  HsObject *np;
  gssize len;

  if (ilow < 0)
    ilow = 0;
  else if (ilow > (gssize) a->len)
    ilow = a->len;
  if (ihigh < ilow)
    ihigh = ilow;
  else if (ihigh > (gssize) a->len)
    ihigh = a->len;
  len = ihigh - ilow;
  if (len <= 0)
    return hs_list_new (vm, 0);
  np = list_new_prealloc (vm, len);
  if (np == NULL)
    return NULL;
  for (gssize i = 0; i < len; i++)
    HS_LIST (np)->items[i] = hs_incref (a->items[ilow + i]);
  HS_LIST (np)->len = len;
  hs_gc_track (vm, np);
  return np;
}

/* list_ass_slice: the removed items are copied aside and released only when
 * the list is consistent again, last to first. */
int
hs_list_set_slice (HsVM     *vm,
                   HsObject *list,
                   gssize    ilow,
                   gssize    ihigh,
                   HsObject *v)
{
  HsList *a = HS_LIST (list);
  HsObject *v_as_sf = NULL;
  HsObject **vitem = NULL;
  HsObject *recycle_on_stack[8];
  HsObject **recycle = recycle_on_stack;
  gsize n = 0;
  gssize norig, d;
  int result = -1;

  if (v != NULL)
    {
      if (v == list)
        {
          /* a[i:j] = a: copy it first. */
          HsObject *copy = _hs_list_slice (vm, list, 0, a->len);

          if (copy == NULL)
            return -1;
          result = hs_list_set_slice (vm, list, ilow, ihigh, copy);
          hs_decref (vm, copy);
          return result;
        }
      v_as_sf = _hs_sequence_fast (vm, v, "can only assign an iterable");
      if (v_as_sf == NULL)
        return -1;
      vitem = _hs_fast_items (v_as_sf, &n);
    }
  if (ilow < 0)
    ilow = 0;
  else if (ilow > (gssize) a->len)
    ilow = a->len;
  if (ihigh < ilow)
    ihigh = ilow;
  else if (ihigh > (gssize) a->len)
    ihigh = a->len;

  norig = ihigh - ilow;
  d = (gssize) n - norig;
  if ((gssize) a->len + d == 0)
    {
      hs_xdecref (vm, v_as_sf);
      list_clear_items (vm, list);
      return 0;
    }
  if (norig > (gssize) G_N_ELEMENTS (recycle_on_stack))
    recycle = g_new (HsObject *, norig);
  if (norig > 0)
    memcpy (recycle, a->items + ilow, norig * sizeof (HsObject *));

  if (d < 0)
    {
      gsize tail = a->len - ihigh;

      memmove (a->items + ihigh + d, a->items + ihigh, tail * sizeof (HsObject *));
      if (!_hs_list_resize (vm, list, a->len + d))
        {
          memmove (a->items + ihigh, a->items + ihigh + d, tail * sizeof (HsObject *));
          memcpy (a->items + ilow, recycle, norig * sizeof (HsObject *));
          goto out;
        }
    }
  else if (d > 0)
    {
      gsize k = a->len;

      if (!_hs_list_resize (vm, list, k + d))
        goto out;
      memmove (a->items + ihigh + d, a->items + ihigh, (k - ihigh) * sizeof (HsObject *));
    }
  for (gsize k = 0; k < n; k++, ilow++)
    a->items[ilow] = hs_incref (vitem[k]);
  for (gssize k = norig - 1; k >= 0; k--)
    hs_xdecref (vm, recycle[k]);
  result = 0;

out:
  if (recycle != recycle_on_stack)
    g_free (recycle);
  hs_xdecref (vm, v_as_sf);
  return result;
}

/* list_extend: lists and tuples are copied directly, other iterables are
 * consumed after a presize from their length hint (default 8). */
int
hs_list_extend (HsVM     *vm,
                HsObject *list,
                HsObject *iterable)
{
  HsList *self = HS_LIST (list);
  HsObject *it, *item;
  gssize n, m;

  if (iterable->ob_type == vm->types.list || hs_tuple_check_exact (iterable) || iterable == list)
    {
      HsObject **src;
      gsize count;

      _hs_fast_items (iterable, &count);
      if (count == 0)
        return 0;
      m = self->len;
      if (self->items == NULL)
        {
          if (!list_preallocate_exact (vm, list, count))
            return -1;
          self->len = count;
        }
      else if (!_hs_list_resize (vm, list, m + count))
        return -1;
      /* Fetched after the resize: the source may be the list itself. */
      src = _hs_fast_items (iterable, &count);
      for (gsize i = 0; i < count; i++)
        self->items[m + i] = hs_incref (src[i]);
      return 0;
    }

  it = hs_object_get_iter (vm, iterable);
  if (it == NULL)
    return -1;
  n = _hs_length_hint (vm, iterable, 8);
  if (n < 0)
    goto error;
  m = self->len;
  if (m > G_MAXSSIZE - n)
    {
      /* The hint lied or is absurd: ignore it. */
    }
  else if (self->items == NULL)
    {
      if (n > 0 && !list_preallocate_exact (vm, list, n))
        goto error;
    }
  else
    {
      if (!_hs_list_resize (vm, list, m + n))
        goto error;
      self->len = m;
    }

  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      if ((gssize) self->len < self->allocated)
        self->items[self->len++] = item;   /* the reference moves in */
      else
        {
          int r = hs_list_append (vm, list, item);

          hs_decref (vm, item);
          if (r < 0)
            goto error;
        }
    }
  if (hs_err_occurred (vm))
    goto error;

  /* Cut back if the guess was too large. */
  if ((gssize) self->len < self->allocated && !_hs_list_resize (vm, list, self->len))
    goto error;
  hs_decref (vm, it);
  return 0;

error:
  hs_decref (vm, it);
  return -1;
}

HsObject *
hs_list_from_iterable (HsVM     *vm,
                       HsObject *iterable)
{
  HsObject *list = hs_list_new (vm, 0);

  if (list == NULL)
    return NULL;
  if (hs_list_extend (vm, list, iterable) < 0)
    {
      hs_decref (vm, list);
      return NULL;
    }
  return list;
}

HsObject *
hs_list_as_tuple (HsVM     *vm,
                  HsObject *list)
{
  return hs_tuple_from_array (vm, HS_LIST (list)->items, HS_LIST (list)->len);
}

/* An index argument of a method (pop, insert): CPython's Py_ssize_t converter. */
static gboolean
ssize_arg (HsVM     *vm,
           HsObject *o,
           gssize   *out)
{
  if (!hs_number_as_ssize (vm, o, out))
    {
      if (hs_err_matches (vm, vm->types.IndexError))
        {
          hs_err_clear (vm);
          hs_err_set_string (vm, vm->types.OverflowError,
                             "Python int too large to convert to C ssize_t");
        }
      return FALSE;
    }
  return TRUE;
}

/* Slots ----------------------------------------------------------------------- */

static void
list_dealloc (HsVM     *vm,
              HsObject *self)
{
  HsList *l = HS_LIST (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if (l->items != NULL)
    {
      /* Backwards, as list_dealloc; the length follows so a heap walk run
       * by a __del__ only sees live items. */
      while (l->len > 0)
        {
          HsObject *o = l->items[--l->len];

          l->items[l->len] = NULL;
          hs_xdecref (vm, o);
        }
      g_clear_pointer (&l->items, g_free);
      hs_heap_reserve (vm, -capacity (l) * (gssize) sizeof (HsObject *));
      l->allocated = 0;
    }
  hs_object_free (vm, self);
}

static void
list_traverse (HsObject    *self,
               HsVisitFunc  visit,
               gpointer     user_data)
{
  HsList *l = HS_LIST (self);

  for (gsize i = l->len; i-- > 0;)
    if (l->items[i] != NULL)
      visit (l->items[i], user_data);
}

static void
list_tp_clear (HsVM     *vm,
               HsObject *self)
{
  list_clear_items (vm, self);
}

static void
list_free_storage (HsObject *self)
{
  g_clear_pointer (&HS_LIST (self)->items, g_free);
}

static gsize
list_sizeof (HsObject *self)
{
  /* allocated is -1 during sort(): CPython then reports 48. */
  return 56 + 8 * HS_LIST (self)->allocated;
}

static HsObject *
list_repr (HsVM     *vm,
           HsObject *self)
{
  HsList *l = HS_LIST (self);
  GString *out;
  HsObject *res = NULL;

  if (l->len == 0)
    return hs_str_new (vm, "[]", -1);
  if (!hs_repr_enter (vm, self))
    return hs_str_new (vm, "[...]", -1);

  out = g_string_new ("[");
  /* repr() may mutate the list: the size is re-read each time. */
  for (gsize i = 0; i < l->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      if (!hs_object_repr_append (vm, l->items[i], out))
        goto done;
    }
  g_string_append_c (out, ']');
  res = hs_str_from_gstring (vm, out);

done:
  hs_repr_leave (vm, self);
  g_string_free (out, TRUE);
  return res;
}

void
_hs_list_repr_short (HsObject *self,
                     GString  *out,
                     gsize     max_chars)
{
  HsList *l = HS_LIST (self);

  _hs_repr_short_sequence (out, "[", "]", l->items, l->len, FALSE, max_chars);
}

static HsObject *
list_richcompare (HsVM     *vm,
                  HsObject *v,
                  HsObject *w,
                  int       op)
{
  HsList *vl, *wl;
  gsize i;

  if (!list_check (vm, v) || !list_check (vm, w))
    return hs_not_implemented (vm);
  vl = HS_LIST (v);
  wl = HS_LIST (w);
  if (vl->len != wl->len && (op == HS_EQ || op == HS_NE))
    return hs_bool (vm, op == HS_NE);

  /* The first index where the items differ. */
  for (i = 0; i < vl->len && i < wl->len; i++)
    {
      HsObject *vitem = vl->items[i];
      HsObject *witem = wl->items[i];
      int k;

      if (vitem == witem)
        continue;
      hs_incref (vitem);
      hs_incref (witem);
      k = hs_object_richcompare_bool (vm, vitem, witem, HS_EQ);
      hs_decref (vm, vitem);
      hs_decref (vm, witem);
      if (k < 0)
        return NULL;
      if (!k)
        break;
    }
  if (i >= vl->len || i >= wl->len)
    {
      gsize a = vl->len, b = wl->len;
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
  if (op == HS_EQ)
    return hs_bool (vm, FALSE);
  if (op == HS_NE)
    return hs_bool (vm, TRUE);
  return hs_object_richcompare (vm, vl->items[i], wl->items[i], op);
}

static gssize
list_length (HsVM     *vm,
             HsObject *self)
{
  return HS_LIST (self)->len;
}

static int
list_contains (HsVM     *vm,
               HsObject *self,
               HsObject *el)
{
  HsList *l = HS_LIST (self);
  int cmp = 0;

  for (gsize i = 0; cmp == 0 && i < l->len; i++)
    {
      HsObject *item = hs_incref (l->items[i]);

      cmp = hs_object_richcompare_bool (vm, item, el, HS_EQ);
      hs_decref (vm, item);
    }
  return cmp;
}

static HsObject *
list_subscript (HsVM     *vm,
                HsObject *self,
                HsObject *key)
{
  HsList *l = HS_LIST (self);

  if (_hs_index_check (key))
    {
      gssize i;

      if (!_hs_as_index (vm, key, &i))
        return NULL;
      if (i < 0)
        i += l->len;
      if (i < 0 || (gsize) i >= l->len)
        return hs_err_set_string (vm, vm->types.IndexError, "list index out of range");
      return hs_incref (l->items[i]);
    }
  if (key->ob_type == vm->types.slice)
    {
      gssize start, stop, step, n;
      HsObject *res;

      if (!_hs_slice_unpack (vm, key, &start, &stop, &step))
        return NULL;
      n = _hs_slice_adjust (l->len, &start, &stop, step);
      if (n <= 0)
        return hs_list_new (vm, 0);
      if (step == 1)
        return _hs_list_slice (vm, self, start, stop);
      res = list_new_prealloc (vm, n);
      if (res == NULL)
        return NULL;
      for (gssize cur = start, i = 0; i < n; cur += step, i++)
        HS_LIST (res)->items[i] = hs_incref (l->items[cur]);
      HS_LIST (res)->len = n;
      hs_gc_track (vm, res);
      return res;
    }
  return hs_err_format (vm, vm->types.TypeError,
                        "list indices must be integers or slices, not %s", hs_type_name (key));
}

/* del a[::k] (extended slice): the gaps are closed first, then the removed
 * items are released in ascending index order. */
static int
list_del_extended (HsVM     *vm,
                   HsObject *self,
                   gssize    start,
                   gssize    stop,
                   gssize    step,
                   gssize    slicelength)
{
  HsList *l = HS_LIST (self);
  HsObject **garbage;
  gsize cur;
  gssize i;
  gboolean ok;

  if (slicelength <= 0)
    return 0;
  if (step < 0)
    {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
  garbage = g_new (HsObject *, slicelength);
  for (cur = start, i = 0; cur < (gsize) stop; cur += step, i++)
    {
      gssize lim = step - 1;

      garbage[i] = l->items[cur];
      if (cur + step >= l->len)
        lim = l->len - cur - 1;
      memmove (l->items + cur - i, l->items + cur + 1, lim * sizeof (HsObject *));
    }
  cur = start + (gsize) slicelength * step;
  if (cur < l->len)
    memmove (l->items + cur - slicelength, l->items + cur,
             (l->len - cur) * sizeof (HsObject *));
  l->len -= slicelength;
  ok = _hs_list_resize (vm, self, l->len);
  for (i = 0; i < slicelength; i++)
    hs_decref (vm, garbage[i]);
  g_free (garbage);
  return ok ? 0 : -1;
}

static int
list_ass_subscript (HsVM     *vm,
                    HsObject *self,
                    HsObject *key,
                    HsObject *value)
{
  HsList *l = HS_LIST (self);

  if (_hs_index_check (key))
    {
      gssize i;

      if (!_hs_as_index (vm, key, &i))
        return -1;
      if (i < 0)
        i += l->len;
      if (i < 0 || (gsize) i >= l->len)
        {
          hs_err_set_string (vm, vm->types.IndexError, "list assignment index out of range");
          return -1;
        }
      if (value == NULL)
        return hs_list_set_slice (vm, self, i, i + 1, NULL);
      hs_set_ref (vm, &l->items[i], hs_incref (value));
      return 0;
    }
  if (key->ob_type == vm->types.slice)
    {
      gssize start, stop, step, n;
      HsObject *seq, **seqitems, **garbage;
      gsize seqlen;

      if (!_hs_slice_unpack (vm, key, &start, &stop, &step))
        return -1;
      n = _hs_slice_adjust (l->len, &start, &stop, step);
      if (step == 1)
        return hs_list_set_slice (vm, self, start, stop, value);

      /* s[5:2] = [...] inserts before 5, not before 2. */
      if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
      if (value == NULL)
        return list_del_extended (vm, self, start, stop, step, n);

      /* a[::-1] = a: work on a copy. */
      if (value == self)
        seq = _hs_list_slice (vm, value, 0, HS_LIST (value)->len);
      else
        seq = _hs_sequence_fast (vm, value, "must assign iterable to extended slice");
      if (seq == NULL)
        return -1;
      seqitems = _hs_fast_items (seq, &seqlen);
      if ((gssize) seqlen != n)
        {
          hs_err_format (vm, vm->types.ValueError,
                         "attempt to assign sequence of size %" G_GSIZE_FORMAT
                         " to extended slice of size %" G_GSSIZE_FORMAT, seqlen, n);
          hs_decref (vm, seq);
          return -1;
        }
      if (n == 0)
        {
          hs_decref (vm, seq);
          return 0;
        }
      garbage = g_new (HsObject *, n);
      for (gssize cur = start, i = 0; i < n; cur += step, i++)
        {
          garbage[i] = l->items[cur];
          l->items[cur] = hs_incref (seqitems[i]);
        }
      for (gssize i = 0; i < n; i++)
        hs_decref (vm, garbage[i]);
      g_free (garbage);
      hs_decref (vm, seq);
      return 0;
    }
  hs_err_format (vm, vm->types.TypeError, "list indices must be integers or slices, not %s",
                 hs_type_name (key));
  return -1;
}

static HsObject *
list_concat (HsVM     *vm,
             HsObject *a,
             HsObject *b)
{
  HsList *la, *lb;
  HsObject *np;
  gsize size;

  if (!list_check (vm, a) || !list_check (vm, b))
    return hs_not_implemented (vm);
  la = HS_LIST (a);
  lb = HS_LIST (b);
  size = la->len + lb->len;
  if (size == 0)
    return hs_list_new (vm, 0);
  np = list_new_prealloc (vm, size);
  if (np == NULL)
    return NULL;
  for (gsize i = 0; i < la->len; i++)
    HS_LIST (np)->items[i] = hs_incref (la->items[i]);
  for (gsize i = 0; i < lb->len; i++)
    HS_LIST (np)->items[la->len + i] = hs_incref (lb->items[i]);
  HS_LIST (np)->len = size;
  hs_gc_track (vm, np);
  return np;
}

static gboolean
repeat_operands (HsVM      *vm,
                 HsObject  *a,
                 HsObject  *b,
                 HsObject **seq,
                 gssize    *n)
{
  HsObject *count;

  if (list_check (vm, a) && _hs_index_check (b))
    *seq = a, count = b;
  else if (list_check (vm, b) && _hs_index_check (a))
    *seq = b, count = a;
  else
    {
      *seq = NULL;
      return TRUE;
    }
  return _hs_repeat_count (vm, count, n);
}

static HsObject *
list_repeat (HsVM     *vm,
             HsObject *a,
             HsObject *b)
{
  HsObject *seq, *np;
  HsList *l;
  gssize n;
  gsize size;

  if (!repeat_operands (vm, a, b, &seq, &n))
    return NULL;
  if (seq == NULL)
    return hs_not_implemented (vm);
  l = HS_LIST (seq);
  if (n <= 0 || l->len == 0)
    return hs_list_new (vm, 0);
  if (l->len > (gsize) G_MAXSSIZE / (gsize) n)
    return hs_err_no_memory (vm);
  size = l->len * n;
  np = list_new_prealloc (vm, size);
  if (np == NULL)
    return NULL;
  for (gssize r = 0, k = 0; r < n; r++)
    for (gsize i = 0; i < l->len; i++, k++)
      HS_LIST (np)->items[k] = hs_incref (l->items[i]);
  HS_LIST (np)->len = size;
  hs_gc_track (vm, np);
  return np;
}

static HsObject *
list_inplace_concat (HsVM     *vm,
                     HsObject *self,
                     HsObject *other)
{
  if (hs_list_extend (vm, self, other) < 0)
    return NULL;
  return hs_incref (self);
}

static HsObject *
list_inplace_repeat (HsVM     *vm,
                     HsObject *self,
                     HsObject *other)
{
  HsList *l = HS_LIST (self);
  HsObject *seq;
  gssize n;
  gsize size;

  if (!list_check (vm, self) || !_hs_index_check (other))
    return hs_not_implemented (vm);
  if (!repeat_operands (vm, self, other, &seq, &n))
    return NULL;
  size = l->len;
  if (size == 0 || n == 1)
    return hs_incref (self);
  if (n < 1)
    {
      list_clear_items (vm, self);
      return hs_incref (self);
    }
  if (size > (gsize) G_MAXSSIZE / (gsize) n)
    return hs_err_no_memory (vm);
  if (!_hs_list_resize (vm, self, size * n))
    return NULL;
  for (gssize r = 1; r < n; r++)
    for (gsize i = 0; i < size; i++)
      l->items[r * size + i] = hs_incref (l->items[i]);
  return hs_incref (self);
}

/* list.__new__ makes an empty list; list.__init__ fills it. */
static HsObject *
list_new (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  HsObject *o;

  /* list(…) uses tp_alloc, not PyList_New: no free list. */
  _hs_gc_bypass_free_list (vm);
  o = list_alloc (vm, (HsType *) args[0]);
  if (o != NULL)
    hs_gc_track (vm, o);
  return o;
}

static HsObject *
list_init (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsObject *self = args[0];
  HsObject *iterable;

  if (!hs_check_no_kwargs (vm, "list", kwnames) || !hs_check_nargs (vm, "list", nargs - 1, 0, 1))
    return NULL;
  if (HS_LIST (self)->items != NULL)
    list_clear_items (vm, self);
  if (nargs > 1)
    {
      /* 3.11's list.__init__ leaves sizing to list_extend's length hint
       * (a class's __len__ runs once). */
      iterable = args[1];
      if (hs_list_extend (vm, self, iterable) < 0)
        return NULL;
    }
  return hs_none (vm);
}

/* Methods --------------------------------------------------------------------- */

static HsObject *
list_append_method (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  if (!hs_check_no_kwargs (vm, "list.append", kwnames)
      || !hs_check_nargs (vm, "list.append", nargs - 1, 1, 1))
    return NULL;
  if (hs_list_append (vm, args[0], args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
list_extend_method (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  if (!hs_check_no_kwargs (vm, "list.extend", kwnames)
      || !hs_check_nargs (vm, "list.extend", nargs - 1, 1, 1))
    return NULL;
  if (hs_list_extend (vm, args[0], args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
list_insert_method (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  gssize where;

  if (!hs_check_no_kwargs (vm, "list.insert", kwnames)
      || !hs_check_nargs (vm, "insert", nargs - 1, 2, 2))
    return NULL;
  if (!ssize_arg (vm, args[1], &where))
    return NULL;
  if (hs_list_insert (vm, args[0], where, args[2]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
list_pop_method (HsVM            *vm,
                 HsObject        *callable,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames)
{
  HsObject *self = args[0];
  HsList *l = HS_LIST (self);
  gssize index = -1;
  HsObject *v;

  if (!hs_check_no_kwargs (vm, "list.pop", kwnames)
      || !hs_check_nargs (vm, "pop", nargs - 1, 0, 1))
    return NULL;
  if (nargs > 1 && !ssize_arg (vm, args[1], &index))
    return NULL;
  if (l->len == 0)
    return hs_err_set_string (vm, vm->types.IndexError, "pop from empty list");
  if (index < 0)
    index += l->len;
  if (index < 0 || (gsize) index >= l->len)
    return hs_err_set_string (vm, vm->types.IndexError, "pop index out of range");
  v = l->items[index];
  if ((gsize) index == l->len - 1)
    {
      /* The list's reference moves to the caller. */
      if (!_hs_list_resize (vm, self, l->len - 1))
        return NULL;
      return v;
    }
  hs_incref (v);
  if (hs_list_set_slice (vm, self, index, index + 1, NULL) < 0)
    {
      hs_decref (vm, v);
      return NULL;
    }
  return v;
}

static HsObject *
list_remove_method (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  HsObject *self = args[0];
  HsList *l = HS_LIST (self);

  if (!hs_check_no_kwargs (vm, "list.remove", kwnames)
      || !hs_check_nargs (vm, "list.remove", nargs - 1, 1, 1))
    return NULL;
  for (gsize i = 0; i < l->len; i++)
    {
      HsObject *obj = hs_incref (l->items[i]);
      int cmp = hs_object_richcompare_bool (vm, obj, args[1], HS_EQ);

      hs_decref (vm, obj);
      if (cmp > 0)
        {
          if (hs_list_set_slice (vm, self, i, i + 1, NULL) < 0)
            return NULL;
          return hs_none (vm);
        }
      if (cmp < 0)
        return NULL;
    }
  return hs_err_set_string (vm, vm->types.ValueError, "list.remove(x): x not in list");
}

static HsObject *
list_index_method (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  HsList *l = HS_LIST (args[0]);
  gssize start, stop;
  GString *msg;

  if (!hs_check_no_kwargs (vm, "list.index", kwnames)
      || !hs_check_nargs (vm, "index", nargs - 1, 1, 3))
    return NULL;
  if (!_hs_index_bounds (vm, args + 2, nargs - 2, l->len, &start, &stop))
    return NULL;
  for (gssize i = start; i < stop && (gsize) i < l->len; i++)
    {
      HsObject *obj = hs_incref (l->items[i]);
      int cmp = hs_object_richcompare_bool (vm, obj, args[1], HS_EQ);

      hs_decref (vm, obj);
      if (cmp > 0)
        return hs_int_from_i64 (vm, i);
      if (cmp < 0)
        return NULL;
    }
  msg = g_string_new (NULL);
  if (hs_object_repr_append (vm, args[1], msg))
    {
      g_string_append (msg, " is not in list");
      hs_err_set_string (vm, vm->types.ValueError, msg->str);
    }
  g_string_free (msg, TRUE);
  return NULL;
}

static HsObject *
list_count_method (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  HsList *l = HS_LIST (args[0]);
  gint64 count = 0;

  if (!hs_check_no_kwargs (vm, "list.count", kwnames)
      || !hs_check_nargs (vm, "list.count", nargs - 1, 1, 1))
    return NULL;
  for (gsize i = 0; i < l->len; i++)
    {
      HsObject *obj = l->items[i];
      int cmp;

      if (obj == args[1])
        {
          count++;
          continue;
        }
      hs_incref (obj);
      cmp = hs_object_richcompare_bool (vm, obj, args[1], HS_EQ);
      hs_decref (vm, obj);
      if (cmp > 0)
        count++;
      else if (cmp < 0)
        return NULL;
    }
  return hs_int_from_i64 (vm, count);
}

static HsObject *
list_clear_method (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  if (!hs_check_no_kwargs (vm, "list.clear", kwnames)
      || !hs_check_nargs (vm, "list.clear", nargs - 1, 0, 0))
    return NULL;
  list_clear_items (vm, args[0]);
  return hs_none (vm);
}

static HsObject *
list_copy_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  if (!hs_check_no_kwargs (vm, "list.copy", kwnames)
      || !hs_check_nargs (vm, "list.copy", nargs - 1, 0, 0))
    return NULL;
  return _hs_list_slice (vm, args[0], 0, HS_LIST (args[0])->len);
}

static HsObject *
list_reverse_method (HsVM            *vm,
                     HsObject        *callable,
                     HsObject *const *args,
                     gsize            nargs,
                     HsObject        *kwnames)
{
  HsList *l = HS_LIST (args[0]);

  if (!hs_check_no_kwargs (vm, "list.reverse", kwnames)
      || !hs_check_nargs (vm, "list.reverse", nargs - 1, 0, 0))
    return NULL;
  if (l->len > 1)
    for (gsize lo = 0, hi = l->len - 1; lo < hi; lo++, hi--)
      {
        HsObject *t = l->items[lo];

        l->items[lo] = l->items[hi];
        l->items[hi] = t;
      }
  return hs_none (vm);
}

static HsObject *
list_reversed_method (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  if (!hs_check_no_kwargs (vm, "list.__reversed__", kwnames)
      || !hs_check_nargs (vm, "list.__reversed__", nargs - 1, 0, 0))
    return NULL;
  return _hs_seqiter_new (vm, vm->types.list_reverseiterator, args[0],
                          (gssize) HS_LIST (args[0])->len - 1);
}

/* __add__, __mul__, __iadd__, __imul__: CPython's sq_* wrappers, which
 * raise instead of returning NotImplemented. */
static HsObject *
list_add_method (HsVM            *vm,
                 HsObject        *callable,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames)
{
  if (!_hs_wrapper_check_one (vm, "__add__", nargs, kwnames))
    return NULL;
  if (!list_check (vm, args[1]))
    return hs_err_format (vm, vm->types.TypeError,
                          "can only concatenate list (not \"%s\") to list", hs_type_name (args[1]));
  return list_concat (vm, args[0], args[1]);
}

static gboolean
check_count (HsVM     *vm,
             HsObject *o)
{
  if (_hs_index_check (o))
    return TRUE;
  hs_err_format (vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                 hs_type_name (o));
  return FALSE;
}

static HsObject *
list_mul_method (HsVM            *vm,
                 HsObject        *callable,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames)
{
  if (!_hs_wrapper_check_one (vm, "__mul__", nargs, kwnames) || !check_count (vm, args[1]))
    return NULL;
  return list_repeat (vm, args[0], args[1]);
}

static HsObject *
list_iadd_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  if (!_hs_wrapper_check_one (vm, "__iadd__", nargs, kwnames))
    return NULL;
  return list_inplace_concat (vm, args[0], args[1]);
}

static HsObject *
list_imul_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  if (!_hs_wrapper_check_one (vm, "__imul__", nargs, kwnames) || !check_count (vm, args[1]))
    return NULL;
  return list_inplace_repeat (vm, args[0], args[1]);
}

static const HsMethodDef list_methods[] = {
  { "__add__", list_add_method, 0, NULL },
  { "__iadd__", list_iadd_method, 0, NULL },
  { "__imul__", list_imul_method, 0, NULL },
  { "__mul__", list_mul_method, 0, NULL },
  { "__rmul__", list_mul_method, 0, NULL },
  { "__reversed__", list_reversed_method, 0, NULL },
  { "append", list_append_method, 0, NULL },
  { "clear", list_clear_method, 0, NULL },
  { "copy", list_copy_method, 0, NULL },
  { "count", list_count_method, 0, NULL },
  { "extend", list_extend_method, 0, NULL },
  { "index", list_index_method, 0, NULL },
  { "insert", list_insert_method, 0, NULL },
  { "pop", list_pop_method, 0, NULL },
  { "remove", list_remove_method, 0, NULL },
  { "reverse", list_reverse_method, 0, NULL },
  { "sort", _hs_list_sort_method, 0, NULL },
  { NULL }
};

/* Iterators ------------------------------------------------------------------- */

static HsObject *
list_iter (HsVM     *vm,
           HsObject *self)
{
  return _hs_seqiter_new (vm, vm->types.list_iterator, self, 0);
}

static HsObject *
listiter_next (HsVM     *vm,
               HsObject *self)
{
  HsSeqIter *it = (HsSeqIter *) self;
  HsObject *seq = it->seq;

  if (seq == NULL)
    return NULL;
  if (it->index < (gssize) HS_LIST (seq)->len)
    return hs_incref (HS_LIST (seq)->items[it->index++]);
  it->seq = NULL;
  hs_decref (vm, seq);
  return NULL;
}

static HsObject *
listiter_length_hint (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  HsSeqIter *it = (HsSeqIter *) args[0];
  gssize n = 0;

  if (it->seq != NULL)
    n = MAX ((gssize) HS_LIST (it->seq)->len - it->index, 0);
  return hs_int_from_i64 (vm, n);
}

static HsObject *
listreviter_next (HsVM     *vm,
                  HsObject *self)
{
  HsSeqIter *it = (HsSeqIter *) self;
  HsObject *seq = it->seq;

  if (seq == NULL)
    return NULL;
  if (it->index >= 0 && it->index < (gssize) HS_LIST (seq)->len)
    return hs_incref (HS_LIST (seq)->items[it->index--]);
  it->index = -1;
  it->seq = NULL;
  hs_decref (vm, seq);
  return NULL;
}

static HsObject *
listreviter_length_hint (HsVM            *vm,
                         HsObject        *callable,
                         HsObject *const *args,
                         gsize            nargs,
                         HsObject        *kwnames)
{
  HsSeqIter *it = (HsSeqIter *) args[0];
  gssize n = it->index + 1;

  if (it->seq == NULL || (gssize) HS_LIST (it->seq)->len < n)
    n = 0;
  return hs_int_from_i64 (vm, n);
}

static const HsMethodDef listiter_methods[] = {
  { "__length_hint__", listiter_length_hint, 0, NULL },
  { NULL }
};

static const HsMethodDef listreviter_methods[] = {
  { "__length_hint__", listreviter_length_hint, 0, NULL },
  { NULL }
};

void
_hs_list_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "list", vm->types.object, sizeof (HsList), 56,
                                    HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);

  t->tp_dealloc = list_dealloc;
  t->tp_traverse = list_traverse;
  t->tp_clear = list_tp_clear;
  t->tp_free_storage = list_free_storage;
  t->tp_repr = list_repr;
  t->tp_richcompare = list_richcompare;
  t->tp_iter = list_iter;
  t->tp_new = list_new;
  t->tp_init = list_init;
  t->sq_length = list_length;
  t->sq_contains = list_contains;
  t->mp_subscript = list_subscript;
  t->mp_ass_subscript = list_ass_subscript;
  t->nb[HS_OP_ADD] = list_concat;
  t->nb[HS_OP_MULT] = list_repeat;
  t->nb_inplace[HS_OP_ADD] = list_inplace_concat;
  t->nb_inplace[HS_OP_MULT] = list_inplace_repeat;
  t->tp_sizeof = list_sizeof;
  t->tp_repr_short = _hs_list_repr_short;
  t->methods = list_methods;
  vm->types.list = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "list_iterator", vm->types.object, sizeof (HsSeqIter), 48,
                            HS_TPFLAG_GC);
  _hs_seqiter_init_slots (t);
  t->tp_iternext = listiter_next;
  t->methods = listiter_methods;
  vm->types.list_iterator = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "list_reverseiterator", vm->types.object, sizeof (HsSeqIter),
                            48, HS_TPFLAG_GC);
  _hs_seqiter_init_slots (t);
  t->tp_iternext = listreviter_next;
  t->methods = listreviter_methods;
  vm->types.list_reverseiterator = t;
  _hs_type_ready (vm, t);
}
