/* hs-str-split.c — str.split, rsplit, splitlines, partition and rpartition
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows Objects/stringlib/split.h and partition.h of CPython 3.11,
 * including the list preallocation that shows in sys.getsizeof:
 * split()/rsplit() allocate min(maxsplit + 1, 12) slots up front.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-str-private.h"
#include "hs-vm.h"

#define MAX_PREALLOC 12

static gunichar
char_at (const char *s,
         gsize       i,
         gsize      *adv)
{
  return _hs_utf8_get (s + i, adv);
}

/* Byte offset of the character that ends at @i. */
static gsize
prev_start (const char *s,
            gsize       i)
{
  do
    i--;
  while (i > 0 && (s[i] & 0xC0) == 0x80);
  return i;
}

static gboolean
space_at (const char *s,
          gsize       i)
{
  gsize adv;

  return _hs_unichar_isspace (char_at (s, i, &adv));
}

static HsObject *
split_list_new (HsVM   *vm,
                gssize  maxcount)
{
  gsize prealloc = maxcount >= MAX_PREALLOC ? MAX_PREALLOC : (gsize) maxcount + 1;
  HsObject *list = hs_list_new (vm, prealloc);

  if (list != NULL)
    HS_LIST (list)->len = 0;
  return list;
}

/* SPLIT_ADD: fill the preallocated slots, append beyond them. Steals @sub. */
static gboolean
split_add (HsVM     *vm,
           HsObject *list,
           HsObject *sub)
{
  HsList *l = HS_LIST (list);
  int r;

  if (sub == NULL)
    return FALSE;
  if ((gssize) l->len < l->allocated)
    {
      l->items[l->len++] = sub;
      return TRUE;
    }
  r = hs_list_append (vm, list, sub);
  hs_decref (vm, sub);
  return r == 0;
}

static HsObject *
sub_of (HsVM       *vm,
        HsStr      *s,
        gsize       from,
        gsize       to)
{
  return hs_str_new (vm, s->utf8 + from, to - from);
}

static void
list_reverse (HsObject *list)
{
  HsList *l = HS_LIST (list);

  for (gsize a = 0, b = l->len; a + 1 < b; a++, b--)
    {
      HsObject *t = l->items[a];

      l->items[a] = l->items[b - 1];
      l->items[b - 1] = t;
    }
}

/* Whether @sep can occur in @self at all (CPython checks kinds and lengths
 * before splitting and then returns [self] in a one-slot list). */
static gboolean
cannot_contain (HsObject *self,
                HsObject *sep)
{
  return HS_STR (self)->kind < HS_STR (sep)->kind || HS_STR (self)->len < HS_STR (sep)->len;
}

static HsObject *
list_of_self (HsVM     *vm,
              HsObject *self)
{
  HsObject *list = hs_list_new (vm, 1);

  if (list != NULL)
    HS_LIST (list)->items[0] = hs_incref (self);
  return list;
}

static gboolean
parse_split_args (HsVM            *vm,
                  const char      *fname,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames,
                  HsObject       **sep,
                  gssize          *maxcount)
{
  static const char *names[] = { "sep", "maxsplit", NULL };
  HsObject *a[2];

  if (!_hs_args_keywords (vm, fname, args + 1, nargs - 1, kwnames, names, 0, a))
    return FALSE;
  *maxcount = -1;
  if (a[1] != NULL && !_hs_arg_ssize (vm, a[1], maxcount))
    return FALSE;
  if (*maxcount < 0)
    *maxcount = G_MAXSSIZE;
  *sep = a[0] == vm->none ? NULL : a[0];
  if (*sep != NULL && !hs_str_check (*sep))
    {
      hs_err_format (vm, vm->types.TypeError, "must be str or None, not %s", hs_type_name (*sep));
      return FALSE;
    }
  return TRUE;
}

static HsObject *
split_whitespace (HsVM     *vm,
                  HsObject *self,
                  gssize    maxcount)
{
  HsStr *s = HS_STR (self);
  const char *p = s->utf8;
  gsize n = s->nbytes, i = 0, j = 0, adv;
  HsObject *list = split_list_new (vm, maxcount);

  if (list == NULL)
    return NULL;
  while (maxcount-- > 0)
    {
      while (i < n && space_at (p, i))
        {
          char_at (p, i, &adv);
          i += adv;
        }
      if (i == n)
        break;
      j = i;
      char_at (p, i, &adv);
      i += adv;
      while (i < n && !space_at (p, i))
        {
          char_at (p, i, &adv);
          i += adv;
        }
      if (j == 0 && i == n && hs_str_check_exact (self))
        {
          /* No whitespace at all: the list holds the string itself. */
          if (!split_add (vm, list, hs_incref (self)))
            goto error;
          break;
        }
      if (!split_add (vm, list, sub_of (vm, s, j, i)))
        goto error;
    }
  if (i < n)
    {
      /* maxsplit reached: skip whitespace, the rest is one item. */
      while (i < n && space_at (p, i))
        {
          char_at (p, i, &adv);
          i += adv;
        }
      if (i != n && !split_add (vm, list, sub_of (vm, s, i, n)))
        goto error;
    }
  return list;

error:
  hs_decref (vm, list);
  return NULL;
}

static HsObject *
rsplit_whitespace (HsVM     *vm,
                   HsObject *self,
                   gssize    maxcount)
{
  HsStr *s = HS_STR (self);
  const char *p = s->utf8;
  gsize n = s->nbytes, i = n, j;
  HsObject *list = split_list_new (vm, maxcount);

  if (list == NULL)
    return NULL;
  /* Positions here are exclusive ends: the character before i. */
  while (maxcount-- > 0)
    {
      while (i > 0 && space_at (p, prev_start (p, i)))
        i = prev_start (p, i);
      if (i == 0)
        break;
      j = i;
      i = prev_start (p, i);
      while (i > 0 && !space_at (p, prev_start (p, i)))
        i = prev_start (p, i);
      if (j == n && i == 0 && hs_str_check_exact (self))
        {
          if (!split_add (vm, list, hs_incref (self)))
            goto error;
          break;
        }
      if (!split_add (vm, list, sub_of (vm, s, i, j)))
        goto error;
    }
  if (i > 0)
    {
      while (i > 0 && space_at (p, prev_start (p, i)))
        i = prev_start (p, i);
      if (i > 0 && !split_add (vm, list, sub_of (vm, s, 0, i)))
        goto error;
    }
  list_reverse (list);
  return list;

error:
  hs_decref (vm, list);
  return NULL;
}

static HsObject *
split_sep (HsVM     *vm,
           HsObject *self,
           HsObject *sep_obj,
           gssize    maxcount,
           gboolean  reverse)
{
  HsStr *s = HS_STR (self), *sep = HS_STR (sep_obj);
  HsObject *list;
  gsize count = 0;

  if (cannot_contain (self, sep_obj))
    return list_of_self (vm, self);
  if (sep->nbytes == 0)
    return hs_err_set_string (vm, vm->types.ValueError, "empty separator");
  list = split_list_new (vm, maxcount);
  if (list == NULL)
    return NULL;

  if (!reverse)
    {
      gsize i = 0;

      while (maxcount-- > 0)
        {
          gssize pos = _hs_find_bytes (s->utf8 + i, s->nbytes - i, sep->utf8, sep->nbytes);

          if (pos < 0)
            break;
          if (!split_add (vm, list, sub_of (vm, s, i, i + pos)))
            goto error;
          count++;
          i += pos + sep->nbytes;
        }
      if (count == 0 && hs_str_check_exact (self))
        {
          if (!split_add (vm, list, hs_incref (self)))
            goto error;
        }
      else if (!split_add (vm, list, sub_of (vm, s, i, s->nbytes)))
        goto error;
    }
  else
    {
      gsize j = s->nbytes;

      while (maxcount-- > 0)
        {
          gssize pos = _hs_rfind_bytes (s->utf8, j, sep->utf8, sep->nbytes);

          if (pos < 0)
            break;
          if (!split_add (vm, list, sub_of (vm, s, pos + sep->nbytes, j)))
            goto error;
          count++;
          j = pos;
        }
      if (count == 0 && hs_str_check_exact (self))
        {
          if (!split_add (vm, list, hs_incref (self)))
            goto error;
        }
      else if (!split_add (vm, list, sub_of (vm, s, 0, j)))
        goto error;
      list_reverse (list);
    }
  return list;

error:
  hs_decref (vm, list);
  return NULL;
}

HsObject *
_hs_str_split (HsVM            *vm,
               HsObject        *callable,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames)
{
  HsObject *sep;
  gssize maxcount;

  if (!parse_split_args (vm, "split", args, nargs, kwnames, &sep, &maxcount))
    return NULL;
  if (sep == NULL)
    return split_whitespace (vm, args[0], maxcount);
  return split_sep (vm, args[0], sep, maxcount, FALSE);
}

HsObject *
_hs_str_rsplit (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  HsObject *sep;
  gssize maxcount;

  if (!parse_split_args (vm, "rsplit", args, nargs, kwnames, &sep, &maxcount))
    return NULL;
  if (sep == NULL)
    return rsplit_whitespace (vm, args[0], maxcount);
  return split_sep (vm, args[0], sep, maxcount, TRUE);
}

HsObject *
_hs_str_splitlines (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  static const char *names[] = { "keepends", NULL };
  HsObject *a[1];
  HsObject *self = args[0];
  HsStr *s = HS_STR (self);
  const char *p = s->utf8;
  gsize n = s->nbytes, i = 0, j = 0, adv;
  gssize keepends = 0;
  HsObject *list;

  if (!_hs_args_keywords (vm, "splitlines", args + 1, nargs - 1, kwnames, names, 0, a))
    return NULL;
  if (a[0] != NULL && !_hs_arg_ssize (vm, a[0], &keepends))
    return NULL;
  list = hs_list_new (vm, 0);
  if (list == NULL)
    return NULL;

  while (i < n)
    {
      gsize eol;
      HsObject *sub;
      int r;

      while (i < n && !_hs_unichar_islinebreak (char_at (p, i, &adv)))
        i += adv;
      eol = i;
      if (i < n)
        {
          /* \r\n is one line break. */
          if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
            i += 2;
          else
            {
              char_at (p, i, &adv);
              i += adv;
            }
          if (keepends)
            eol = i;
        }
      if (j == 0 && eol == n && hs_str_check_exact (self))
        {
          if (hs_list_append (vm, list, self) < 0)
            goto error;
          break;
        }
      sub = sub_of (vm, s, j, eol);
      if (sub == NULL)
        goto error;
      r = hs_list_append (vm, list, sub);
      hs_decref (vm, sub);
      if (r < 0)
        goto error;
      j = i;
    }
  return list;

error:
  hs_decref (vm, list);
  return NULL;
}

static HsObject *
tuple3 (HsVM     *vm,
        HsObject *a,
        HsObject *b,
        HsObject *c)
{
  HsObject *t;

  if (a == NULL || b == NULL || c == NULL)
    goto fail;
  t = hs_tuple_new (vm, 3);
  if (t == NULL)
    goto fail;
  HS_TUPLE (t)->items[0] = a;
  HS_TUPLE (t)->items[1] = b;
  HS_TUPLE (t)->items[2] = c;
  return t;

fail:
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  hs_xdecref (vm, c);
  return NULL;
}

static HsObject *
do_partition (HsVM            *vm,
              const char      *qualname,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames,
              gboolean         reverse)
{
  HsObject *self = args[0], *sep_obj;
  HsStr *s = HS_STR (self), *sep;
  gssize pos;

  if (!_hs_args_one (vm, qualname, nargs, kwnames))
    return NULL;
  sep_obj = args[1];
  if (!hs_str_check (sep_obj))
    return hs_err_format (vm, vm->types.TypeError, "must be str, not %s", hs_type_name (sep_obj));
  sep = HS_STR (sep_obj);
  if (!cannot_contain (self, sep_obj))
    {
      if (sep->nbytes == 0)
        return hs_err_set_string (vm, vm->types.ValueError, "empty separator");
      pos = reverse ? _hs_rfind_bytes (s->utf8, s->nbytes, sep->utf8, sep->nbytes)
                    : _hs_find_bytes (s->utf8, s->nbytes, sep->utf8, sep->nbytes);
    }
  else
    pos = -1;

  if (pos < 0)
    {
      /* Not found: the string itself and two empty strings. */
      if (reverse)
        return tuple3 (vm, hs_str_new (vm, "", 0), hs_str_new (vm, "", 0), hs_incref (self));
      return tuple3 (vm, hs_incref (self), hs_str_new (vm, "", 0), hs_str_new (vm, "", 0));
    }
  /* The middle item is the separator object itself. */
  return tuple3 (vm, sub_of (vm, s, 0, pos), hs_incref (sep_obj),
                 sub_of (vm, s, pos + sep->nbytes, s->nbytes));
}

HsObject *
_hs_str_partition (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  return do_partition (vm, "str.partition", args, nargs, kwnames, FALSE);
}

HsObject *
_hs_str_rpartition (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  return do_partition (vm, "str.rpartition", args, nargs, kwnames, TRUE);
}
