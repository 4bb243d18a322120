/* hs-str-object.c — the str type: storage, shared objects, interning, protocols
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is UTF-8; the code-point length and the PEP 393 kind are computed once
 * at creation. Which operations hand out a shared object (the '' and latin-1
 * singletons, or the operand itself) follows CPython 3.11 closely, because
 * learners see it through `is` and sys.getrefcount.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-format-object.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-str-private.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* sizeof (PyASCIIObject) + 1 and friends: sys.getsizeof of an empty str of each kind. */
#define STR_SIZE_ASCII  49
#define STR_SIZE_LATIN1 73
#define STR_SIZE_UCS2   74
#define STR_SIZE_UCS4   76

/* The allocation size is kept in a guint32 by the heap. */
#define STR_MAX_ALLOC   G_MAXUINT32

static void str_dealloc (HsVM     *vm,
                         HsObject *self);

/* ------------------------------------------------------------------ */
/* UTF-8 and code points                                              */

gsize
_hs_utf8_put (gunichar  c,
              char     *out)
{
  guint8 *o = (guint8 *) out;

  if (c < 0x80)
    {
      o[0] = c;
      return 1;
    }
  if (c < 0x800)
    {
      o[0] = 0xC0 | (c >> 6);
      o[1] = 0x80 | (c & 0x3F);
      return 2;
    }
  if (c < 0x10000)
    {
      o[0] = 0xE0 | (c >> 12);
      o[1] = 0x80 | ((c >> 6) & 0x3F);
      o[2] = 0x80 | (c & 0x3F);
      return 3;
    }
  o[0] = 0xF0 | (c >> 18);
  o[1] = 0x80 | ((c >> 12) & 0x3F);
  o[2] = 0x80 | ((c >> 6) & 0x3F);
  o[3] = 0x80 | (c & 0x3F);
  return 4;
}

void
_hs_gstring_append_unichar (GString  *out,
                            gunichar  c)
{
  char buf[4];

  g_string_append_len (out, buf, _hs_utf8_put (c, buf));
}

HsStrKind
_hs_str_kind_for (gunichar max_char)
{
  if (max_char < 0x80)
    return HS_STR_ASCII;
  if (max_char < 0x100)
    return HS_STR_LATIN1;
  if (max_char < 0x10000)
    return HS_STR_UCS2;
  return HS_STR_UCS4;
}

/* Length in code points and kind of valid UTF-8 text. The kind only
 * depends on the largest lead byte: C2/C3 start U+0080…U+00FF. */
static void
scan_utf8 (const char *utf8,
           gsize       nbytes,
           gsize      *len_out,
           HsStrKind  *kind_out)
{
  const guint8 *p = (const guint8 *) utf8;
  gsize len = 0;
  guint8 max_lead = 0;

  for (gsize i = 0; i < nbytes; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        {
          len++;
          if (p[i] > max_lead)
            max_lead = p[i];
        }
    }
  *len_out = len;
  if (max_lead < 0x80)
    *kind_out = HS_STR_ASCII;
  else if (max_lead <= 0xC3)
    *kind_out = HS_STR_LATIN1;
  else if (max_lead < 0xF0)
    *kind_out = HS_STR_UCS2;
  else
    *kind_out = HS_STR_UCS4;
}

gunichar *
_hs_str_ucs4 (HsObject *s)
{
  HsStr *str = HS_STR (s);
  gunichar *out = g_new (gunichar, str->len + 1);
  const char *p = str->utf8;
  gsize i = 0;

  if (str->kind == HS_STR_ASCII)
    {
      for (i = 0; i < str->len; i++)
        out[i] = (guint8) p[i];
    }
  else
    {
      const char *end = p + str->nbytes;

      while (p < end)
        {
          gsize adv;

          out[i++] = _hs_utf8_get (p, &adv);
          p += adv;
        }
    }
  out[i] = 0;
  return out;
}

gsize
_hs_str_byte_offset (HsObject *s,
                     gsize     index)
{
  HsStr *str = HS_STR (s);
  const guint8 *p = (const guint8 *) str->utf8;
  gsize off = 0;

  if (str->kind == HS_STR_ASCII || index == 0)
    return MIN (index, str->nbytes);
  if (index >= str->len)
    return str->nbytes;

  /* O(n) walk: count lead bytes until the index-th one. */
  for (gsize seen = 0; off < str->nbytes; off++)
    {
      if ((p[off] & 0xC0) != 0x80)
        {
          if (seen == index)
            return off;
          seen++;
        }
    }
  return str->nbytes;
}

gsize
_hs_str_char_index (HsObject *s,
                    gsize     byte_offset)
{
  HsStr *str = HS_STR (s);
  const guint8 *p = (const guint8 *) str->utf8;
  gsize n = 0;

  if (str->kind == HS_STR_ASCII)
    return byte_offset;
  for (gsize i = 0; i < byte_offset && i < str->nbytes; i++)
    if ((p[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* ------------------------------------------------------------------ */
/* Allocation and the shared objects                                  */

gboolean
_hs_str_check_size (HsVM    *vm,
                    guint64  nbytes)
{
  guint64 room = vm->max_heap_bytes > vm->heap_bytes ? vm->max_heap_bytes - vm->heap_bytes : 0;

  if (nbytes > room || nbytes >= STR_MAX_ALLOC)
    {
      if (nbytes > room)
        vm->limits_hit |= HS_LIMIT_HEAP;
      hs_err_no_memory (vm);
      return FALSE;
    }
  return TRUE;
}

HsObject *
_hs_str_alloc (HsVM      *vm,
               HsType    *type,
               gsize      nbytes,
               gsize      len,
               HsStrKind  kind)
{
  gsize head = type == vm->types.str ? sizeof (HsStr) : hs_type_c_size (type);
  HsObject *o;
  HsStr *s;

  /* Refuse sizes the heap cannot even describe before touching malloc. */
  if (nbytes >= STR_MAX_ALLOC - head - 1)
    return hs_err_no_memory (vm);

  o = hs_object_alloc (vm, type, head + nbytes + 1);
  if (o == NULL)
    return NULL;

  s = HS_STR (o);
  s->len = len;
  s->nbytes = nbytes;
  s->hash = -1;
  s->kind = kind;
  s->utf8 = (char *) o + head;
  s->utf8[nbytes] = '\0';
  if (type != vm->types.str && hs_type_is_gc (type))
    hs_gc_track (vm, o);
  return o;
}

static HsObject *
make_static_str (HsVM       *vm,
                 const char *utf8,
                 gsize       nbytes,
                 gsize       len,
                 HsStrKind   kind)
{
  HsObject *o = _hs_str_alloc (vm, vm->types.str, nbytes, len, kind);

  if (o == NULL)
    return NULL;
  memcpy (HS_STR (o)->utf8, utf8, nbytes);
  /* Like 3.11's statically allocated strings: shared, never freed, and
   * counted from 999 999 999. */
  o->flags |= HS_OBJ_STATIC | HS_OBJ_IMMORTAL_RC;
  o->ob_refcnt = HS_STATIC_REFCNT;
  return o;
}

static HsObject *
get_empty (HsVM *vm)
{
  if (G_UNLIKELY (vm->empty_str == NULL))
    {
      vm->empty_str = make_static_str (vm, "", 0, 0, HS_STR_ASCII);
      if (vm->empty_str == NULL)
        return NULL;
    }
  return hs_incref (vm->empty_str);
}

static HsObject *
get_latin1 (HsVM     *vm,
            gunichar  c)
{
  if (G_UNLIKELY (vm->latin1_chars[c] == NULL))
    {
      char buf[4];
      gsize n = _hs_utf8_put (c, buf);

      vm->latin1_chars[c] = make_static_str (vm, buf, n, 1, _hs_str_kind_for (c));
      if (vm->latin1_chars[c] == NULL)
        return NULL;
    }
  return hs_incref (vm->latin1_chars[c]);
}

void
_hs_str_init_singletons (HsVM *vm)
{
  HsObject *o;

  /* Created up front, like 3.11's static strings: a learner's s[0] then
   * takes a reference to an object that was already there. */
  o = get_empty (vm);
  if (o != NULL)
    hs_decref (vm, o);
  for (gunichar c = 0; c < 256; c++)
    {
      o = get_latin1 (vm, c);
      if (o != NULL)
        hs_decref (vm, o);
    }
}

HsObject *
_hs_str_new_known (HsVM       *vm,
                   const char *utf8,
                   gsize       nbytes,
                   gsize       len,
                   HsStrKind   kind,
                   gboolean    shared)
{
  HsObject *o;

  if (len == 0)
    return get_empty (vm);
  if (shared && len == 1 && kind <= HS_STR_LATIN1)
    {
      gsize adv;

      return get_latin1 (vm, _hs_utf8_get (utf8, &adv));
    }
  o = _hs_str_alloc (vm, vm->types.str, nbytes, len, kind);
  if (o == NULL)
    return NULL;
  memcpy (HS_STR (o)->utf8, utf8, nbytes);
  return o;
}

static HsObject *
str_new_internal (HsVM       *vm,
                  const char *utf8,
                  gssize      nbytes,
                  gboolean    shared)
{
  gsize len;
  HsStrKind kind;

  g_return_val_if_fail (utf8 != NULL || nbytes == 0, NULL);

  if (nbytes < 0)
    nbytes = strlen (utf8);
  scan_utf8 (utf8, nbytes, &len, &kind);
  return _hs_str_new_known (vm, utf8, nbytes, len, kind, shared);
}

HsObject *
hs_str_new (HsVM       *vm,
            const char *utf8,
            gssize      nbytes)
{
  return str_new_internal (vm, utf8, nbytes, TRUE);
}

HsObject *
hs_str_new_uncached (HsVM       *vm,
                     const char *utf8,
                     gssize      nbytes)
{
  return str_new_internal (vm, utf8, nbytes, FALSE);
}

HsObject *
hs_str_new_printf (HsVM       *vm,
                   const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return hs_str_new (vm, text, -1);
}

HsObject *
hs_str_from_gstring (HsVM    *vm,
                     GString *str)
{
  return hs_str_new (vm, str->str, str->len);
}

HsObject *
_hs_str_from_ucs4 (HsVM           *vm,
                   const gunichar *chars,
                   gsize           n,
                   gboolean        shared)
{
  gunichar max = 0;
  gsize nbytes = 0;
  HsObject *o;
  char *p;

  for (gsize i = 0; i < n; i++)
    {
      max = MAX (max, chars[i]);
      nbytes += chars[i] < 0x80 ? 1 : chars[i] < 0x800 ? 2 : chars[i] < 0x10000 ? 3 : 4;
    }
  if (n == 0)
    return get_empty (vm);
  if (shared && n == 1 && max < 0x100)
    return get_latin1 (vm, chars[0]);
  o = _hs_str_alloc (vm, vm->types.str, nbytes, n, _hs_str_kind_for (max));
  if (o == NULL)
    return NULL;
  p = HS_STR (o)->utf8;
  for (gsize i = 0; i < n; i++)
    p += _hs_utf8_put (chars[i], p);
  return o;
}

HsObject *
hs_str_from_char (HsVM     *vm,
                  gunichar  c)
{
  if (c > 0x10FFFF)
    return hs_err_set_string (vm, vm->types.ValueError, "chr() arg not in range(0x110000)");
  if (c < 0x100)
    return get_latin1 (vm, c);
  return _hs_str_from_ucs4 (vm, &c, 1, TRUE);
}

HsObject *
_hs_str_unchanged (HsVM     *vm,
                   HsObject *self)
{
  HsStr *s = HS_STR (self);

  if (hs_str_check_exact (self))
    return hs_incref (self);
  /* A str subclass instance is copied into an exact str. */
  return _hs_str_new_known (vm, s->utf8, s->nbytes, s->len, s->kind, TRUE);
}

/* ------------------------------------------------------------------ */
/* Interning                                                          */

HsObject *
hs_str_intern_obj (HsVM     *vm,
                   HsObject *str)
{
  HsStr *s = HS_STR (str);
  HsObject *t;

  if (str == NULL || (str->flags & HS_OBJ_INTERNED) || vm->interned == NULL)
    return str;
  /* The table is keyed by C strings: text with a NUL stays uninterned. */
  if (!hs_str_check_exact (str) || memchr (s->utf8, '\0', s->nbytes) != NULL)
    return str;

  t = g_hash_table_lookup (vm->interned, s->utf8);
  if (t != NULL)
    {
      hs_incref (t);
      hs_decref (vm, str);
      return t;
    }
  /* No reference for the table (3.11's "mortal" interned strings). */
  g_hash_table_insert (vm->interned, s->utf8, str);
  str->flags |= HS_OBJ_INTERNED;
  return str;
}

HsObject *
hs_str_intern (HsVM       *vm,
               const char *utf8)
{
  HsObject *t;

  g_return_val_if_fail (utf8 != NULL, NULL);

  if (vm->interned != NULL && (t = g_hash_table_lookup (vm->interned, utf8)) != NULL)
    return hs_incref (t);
  t = hs_str_new (vm, utf8, -1);
  if (t == NULL)
    return NULL;
  return hs_str_intern_obj (vm, t);
}

HsObject *
hs_str_sys_intern (HsVM     *vm,
                   HsObject *o)
{
  if (!hs_str_check (o))
    return hs_err_format (vm, vm->types.TypeError, "intern() argument must be str, not %s",
                          hs_type_name (o));
  if (!hs_str_check_exact (o))
    return hs_err_format (vm, vm->types.TypeError, "can't intern %s", hs_type_name (o));
  return hs_str_intern_obj (vm, hs_incref (o));
}

/* ------------------------------------------------------------------ */
/* Accessors                                                          */

gboolean
hs_str_check (HsObject *o)
{
  if (o == NULL)
    return FALSE;
  /* str and its subclasses are the types whose builtin base deallocates
   * with str_dealloc (no HsVM needed to answer). */
  for (HsType *t = o->ob_type; t != NULL; t = t->tp_base)
    if (!(t->tp_flags & HS_TPFLAG_HEAPTYPE))
      return t->tp_dealloc == str_dealloc;
  return FALSE;
}

gboolean
hs_str_check_exact (HsObject *o)
{
  return o != NULL && o->ob_type->tp_dealloc == str_dealloc
         && !(o->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE);
}

const char *
hs_str_utf8 (HsObject *o)
{
  return HS_STR (o)->utf8;
}

gsize
hs_str_nbytes (HsObject *o)
{
  return HS_STR (o)->nbytes;
}

gsize
hs_str_len (HsObject *o)
{
  return HS_STR (o)->len;
}

HsStrKind
hs_str_kind (HsObject *o)
{
  return HS_STR (o)->kind;
}

gboolean
hs_str_equal (HsObject *a,
              HsObject *b)
{
  HsStr *x = HS_STR (a), *y = HS_STR (b);

  return a == b || (x->nbytes == y->nbytes && memcmp (x->utf8, y->utf8, x->nbytes) == 0);
}

gboolean
hs_str_equal_cstr (HsObject   *a,
                   const char *b)
{
  HsStr *x = HS_STR (a);
  gsize n = strlen (b);

  return x->nbytes == n && memcmp (x->utf8, b, n) == 0;
}

/* FNV-1a over the UTF-8 bytes. CPython's str hash is randomised per
 * process, so no program can depend on the values; bytes use the same
 * function so hash(b'ab') == hash('ab') as in CPython. */
gint64
_hs_hash_bytes (const guint8 *p,
                gsize         n)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < n; i++)
    {
      h ^= p[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  /* Python hashes are never -1 and fit a signed 64-bit Py_hash_t. */
  if ((gint64) h == -1)
    h = (guint64) -2;
  return (gint64) h;
}

gint64
hs_str_hash (HsObject *o)
{
  HsStr *s = HS_STR (o);

  if (s->hash == -1)
    s->hash = _hs_hash_bytes ((const guint8 *) s->utf8, s->nbytes);
  return s->hash;
}

/* ------------------------------------------------------------------ */
/* repr                                                               */

static void
append_escape (GString  *out,
               gunichar  c)
{
  if (c <= 0xFF)
    g_string_append_printf (out, "\\x%02x", c);
  else if (c <= 0xFFFF)
    g_string_append_printf (out, "\\u%04x", c);
  else
    g_string_append_printf (out, "\\U%08x", c);
}

/* Single quotes unless the text has ' but no ": then double quotes. */
static char
repr_quote (const char *utf8,
            gsize       nbytes)
{
  gboolean squote = memchr (utf8, '\'', nbytes) != NULL;
  gboolean dquote = memchr (utf8, '"', nbytes) != NULL;

  return squote && !dquote ? '"' : '\'';
}

static void
repr_quoted (const char *utf8,
             gsize       nbytes,
             gboolean    ascii_only,
             char        quote,
             GString    *out)
{
  const char *p = utf8, *end = utf8 + nbytes;

  g_string_append_c (out, quote);
  while (p < end)
    {
      gsize adv;
      gunichar c = _hs_utf8_get (p, &adv);

      p += adv;
      if (c == (gunichar) quote || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < ' ' || c == 0x7F)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c < 0x7F)
        g_string_append_c (out, c);
      else if (!ascii_only && _hs_unichar_isprintable (c))
        g_string_append_len (out, p - adv, adv);
      else
        append_escape (out, c);
    }
  g_string_append_c (out, quote);
}

void
_hs_str_repr_utf8 (const char *utf8,
                   gsize       nbytes,
                   gboolean    ascii_only,
                   GString    *out)
{
  repr_quoted (utf8, nbytes, ascii_only, repr_quote (utf8, nbytes), out);
}

void
hs_str_repr_append (HsObject *o,
                    GString  *out)
{
  _hs_str_repr_utf8 (HS_STR (o)->utf8, HS_STR (o)->nbytes, FALSE, out);
}

static HsObject *
str_repr (HsVM     *vm,
          HsObject *self)
{
  g_autoptr(GString) out = g_string_sized_new (HS_STR (self)->nbytes + 2);

  hs_str_repr_append (self, out);
  return hs_str_new (vm, out->str, out->len);
}

HsObject *
hs_object_ascii (HsVM     *vm,
                 HsObject *o)
{
  g_autoptr(GString) out = NULL;
  HsObject *repr = hs_object_repr (vm, o);
  const char *p, *end;

  if (repr == NULL)
    return NULL;
  if (HS_STR (repr)->kind == HS_STR_ASCII)
    return repr;

  /* repr() then backslashreplace, like CPython's PyObject_ASCII. */
  out = g_string_sized_new (HS_STR (repr)->nbytes + 8);
  p = HS_STR (repr)->utf8;
  end = p + HS_STR (repr)->nbytes;
  while (p < end)
    {
      gsize adv;
      gunichar c = _hs_utf8_get (p, &adv);

      p += adv;
      if (c < 0x80)
        g_string_append_c (out, c);
      else
        append_escape (out, c);
    }
  hs_decref (vm, repr);
  return hs_str_new (vm, out->str, out->len);
}

/* The heap view's label: the repr cut at @max_chars characters. */
static void
str_repr_short (HsObject *self,
                GString  *out,
                gsize     max_chars)
{
  HsStr *str = HS_STR (self);
  g_autoptr(GString) full = g_string_new (NULL);
  gsize nbytes = str->nbytes;
  glong n;

  /* Only the start shows: the repr of one character more than fits is
   * enough (in the quotes the whole string gets), not that of 100 MB. */
  if (str->len > max_chars + 1)
    nbytes = g_utf8_offset_to_pointer (str->utf8, max_chars + 1) - str->utf8;
  repr_quoted (str->utf8, nbytes, FALSE, repr_quote (str->utf8, str->nbytes), full);
  n = g_utf8_strlen (full->str, full->len);
  if (max_chars < 3 || (gsize) n <= max_chars)
    {
      g_string_append_len (out, full->str, full->len);
      return;
    }
  /* Keep the closing quote so it still reads as a string: 'hello w…' */
  {
    const char *cut = g_utf8_offset_to_pointer (full->str, max_chars - 2);

    g_string_append_len (out, full->str, cut - full->str);
    g_string_append (out, "…");
    g_string_append_c (out, full->str[full->len - 1]);
  }
}

/* ------------------------------------------------------------------ */
/* Type slots                                                         */

static void
str_dealloc (HsVM     *vm,
             HsObject *self)
{
  HsStr *s = HS_STR (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if ((self->flags & HS_OBJ_INTERNED) && vm->interned != NULL
      && g_hash_table_lookup (vm->interned, s->utf8) == self)
    g_hash_table_remove (vm->interned, s->utf8);
  hs_object_free (vm, self);
}

static HsObject *
str_str (HsVM     *vm,
         HsObject *self)
{
  return _hs_str_unchanged (vm, self);
}

static gboolean
str_tp_hash (HsVM     *vm,
             HsObject *self,
             gint64   *hash)
{
  *hash = hs_str_hash (self);
  return TRUE;
}

static HsObject *
str_richcompare (HsVM     *vm,
                 HsObject *a,
                 HsObject *b,
                 int       op)
{
  HsStr *x, *y;
  int c;
  gboolean r;

  if (!hs_str_check (a) || !hs_str_check (b))
    return hs_not_implemented (vm);
  x = HS_STR (a);
  y = HS_STR (b);

  if (op == HS_EQ || op == HS_NE)
    {
      gboolean eq = hs_str_equal (a, b);

      return hs_bool (vm, op == HS_EQ ? eq : !eq);
    }
  /* UTF-8 byte order is code-point order. */
  c = memcmp (x->utf8, y->utf8, MIN (x->nbytes, y->nbytes));
  if (c == 0)
    c = x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes ? 1 : 0;
  switch (op)
    {
    case HS_LT: r = c < 0; break;
    case HS_LE: r = c <= 0; break;
    case HS_GT: r = c > 0; break;
    case HS_GE: r = c >= 0; break;
    default: r = FALSE; break;
    }
  return hs_bool (vm, r);
}

static gssize
str_length (HsVM     *vm,
            HsObject *self)
{
  return HS_STR (self)->len;
}

static int
str_bool (HsVM     *vm,
          HsObject *self)
{
  return HS_STR (self)->len != 0;
}

static int
str_contains (HsVM     *vm,
              HsObject *self,
              HsObject *item)
{
  HsStr *s = HS_STR (self), *sub;

  if (!hs_str_check (item))
    {
      hs_err_format (vm, vm->types.TypeError,
                     "'in <string>' requires string as left operand, not %s",
                     hs_type_name (item));
      return -1;
    }
  sub = HS_STR (item);
  if (sub->nbytes == 0)
    return 1;
  return _hs_find_bytes (s->utf8, s->nbytes, sub->utf8, sub->nbytes) >= 0;
}

static HsObject *
str_slice (HsVM     *vm,
           HsObject *self,
           HsObject *slice)
{
  HsStr *s = HS_STR (self);
  gssize start, stop, step, n;

  if (!hs_slice_indices (vm, slice, s->len, &start, &stop, &step, &n))
    return NULL;
  if (n <= 0)
    return get_empty (vm);
  if (start == 0 && step == 1 && (gsize) n == s->len)
    return _hs_str_unchanged (vm, self);
  if (step == 1)
    {
      gsize b0 = _hs_str_byte_offset (self, start);
      gsize b1 = s->kind == HS_STR_ASCII ? (gsize) (start + n) : b0;

      if (s->kind != HS_STR_ASCII)
        {
          /* Walk n characters from b0. */
          const guint8 *p = (const guint8 *) s->utf8;
          gssize seen = 0;

          while (b1 < s->nbytes && seen < n)
            {
              b1++;
              while (b1 < s->nbytes && (p[b1] & 0xC0) == 0x80)
                b1++;
              seen++;
            }
          return str_new_internal (vm, s->utf8 + b0, b1 - b0, TRUE);
        }
      return _hs_str_new_known (vm, s->utf8 + b0, b1 - b0, n, HS_STR_ASCII, TRUE);
    }

  /* Any other step builds a fresh object, even for one character. */
  {
    g_autofree gunichar *chars = _hs_str_ucs4 (self);
    g_autofree gunichar *picked = g_new (gunichar, n);
    gssize i, cur;

    for (i = 0, cur = start; i < n; i++, cur += step)
      picked[i] = chars[cur];
    return _hs_str_from_ucs4 (vm, picked, n, FALSE);
  }
}

gboolean
_hs_index_value (HsVM     *vm,
                 HsObject *o,
                 gssize   *out,
                 gboolean *overflow,
                 gboolean *is_index)
{
  HsObject *as_int = NULL;
  gint64 v;

  *overflow = FALSE;
  *is_index = TRUE;
  *out = 0;
  if (!hs_int_check (o))
    {
      HsUnaryFunc index = o->ob_type->nb_index;

      if (index == NULL)
        {
          *is_index = FALSE;
          return TRUE;
        }
      as_int = index (vm, o);
      if (as_int == NULL)
        return FALSE;
      if (!hs_int_check (as_int))
        {
          hs_err_format (vm, vm->types.TypeError, "__index__ returned non-int (type %s)",
                         hs_type_name (as_int));
          hs_decref (vm, as_int);
          return FALSE;
        }
      o = as_int;
    }
  if (!hs_int_as_i64 (NULL, o, &v))
    {
      HsObject *zero = vm->small_ints[0 - HS_SMALL_INT_MIN];

      *overflow = TRUE;
      *out = hs_int_compare (o, zero) < 0 ? G_MINSSIZE : G_MAXSSIZE;
    }
  else
    *out = (gssize) v;
  hs_xdecref (vm, as_int);
  return TRUE;
}

static HsObject *
str_subscript (HsVM     *vm,
               HsObject *self,
               HsObject *key)
{
  HsStr *s = HS_STR (self);
  gboolean overflow, is_index;
  gssize i;

  if (key->ob_type == vm->types.slice)
    return str_slice (vm, self, key);
  if (!_hs_index_value (vm, key, &i, &overflow, &is_index))
    return NULL;
  if (!is_index)
    return hs_err_format (vm, vm->types.TypeError, "string indices must be integers, not '%s'",
                          hs_type_name (key));
  if (overflow)
    return hs_err_set_string (vm, vm->types.IndexError,
                              "cannot fit 'int' into an index-sized integer");
  if (i < 0)
    i += s->len;
  if (i < 0 || (gsize) i >= s->len)
    return hs_err_set_string (vm, vm->types.IndexError, "string index out of range");
  if (s->kind == HS_STR_ASCII)
    return get_latin1 (vm, (guint8) s->utf8[i]);
  {
    gsize adv;
    gunichar c = _hs_utf8_get (s->utf8 + _hs_str_byte_offset (self, i), &adv);

    return hs_str_from_char (vm, c);
  }
}

HsObject *
hs_str_concat (HsVM     *vm,
               HsObject *a,
               HsObject *b)
{
  HsStr *x = HS_STR (a), *y = HS_STR (b);
  HsObject *o;

  if (a == vm->empty_str)
    return _hs_str_unchanged (vm, b);
  if (b == vm->empty_str)
    return _hs_str_unchanged (vm, a);
  if (x->len > (gsize) G_MAXSSIZE - y->len)
    return hs_err_set_string (vm, vm->types.OverflowError, "strings are too large to concat");
  if (!_hs_str_check_size (vm, (guint64) x->nbytes + y->nbytes))
    return NULL;
  o = _hs_str_alloc (vm, vm->types.str, x->nbytes + y->nbytes, x->len + y->len,
                     MAX (x->kind, y->kind));
  if (o == NULL)
    return NULL;
  memcpy (HS_STR (o)->utf8, x->utf8, x->nbytes);
  memcpy (HS_STR (o)->utf8 + x->nbytes, y->utf8, y->nbytes);
  return o;
}

static HsObject *
str_repeat (HsVM     *vm,
            HsObject *self,
            HsObject *count)
{
  HsStr *s = HS_STR (self);
  gboolean overflow, is_index;
  gssize n;
  HsObject *o;
  guint64 total;
  gsize filled;

  if (!_hs_index_value (vm, count, &n, &overflow, &is_index))
    return NULL;
  if (!is_index)
    return hs_err_format (vm, vm->types.TypeError,
                          "can't multiply sequence by non-int of type '%s'",
                          hs_type_name (count));
  if (overflow)
    return hs_err_set_string (vm, vm->types.OverflowError,
                              "cannot fit 'int' into an index-sized integer");
  if (n <= 0 || s->len == 0)
    return get_empty (vm);
  if (n == 1)
    return _hs_str_unchanged (vm, self);
  if (s->len > (gsize) G_MAXSSIZE / (gsize) n)
    return hs_err_set_string (vm, vm->types.OverflowError, "repeated string is too long");
  total = (guint64) s->nbytes * (guint64) n;
  if (s->nbytes != 0 && total / s->nbytes != (guint64) n)
    return hs_err_no_memory (vm);
  if (!_hs_str_check_size (vm, total))
    return NULL;
  o = _hs_str_alloc (vm, vm->types.str, total, s->len * n, s->kind);
  if (o == NULL)
    return NULL;
  /* Doubling copies, as CPython's _PyBytes_Repeat does. */
  memcpy (HS_STR (o)->utf8, s->utf8, s->nbytes);
  filled = s->nbytes;
  while (filled < total)
    {
      gsize chunk = MIN (filled, total - filled);

      memcpy (HS_STR (o)->utf8 + filled, HS_STR (o)->utf8, chunk);
      filled += chunk;
    }
  return o;
}

/* str has no nb_add in CPython; 'a' + x falls back to sq_concat after x's
 * own slot declined. Doing both here keeps CPython's messages. */
static HsObject *
str_nb_add (HsVM     *vm,
            HsObject *a,
            HsObject *b)
{
  HsBinaryFunc other;

  if (!hs_str_check (a))
    return hs_not_implemented (vm);
  if (hs_str_check (b))
    return hs_str_concat (vm, a, b);
  other = b->ob_type->nb[HS_OP_ADD];
  if (other != NULL && other != str_nb_add)
    {
      HsObject *r = other (vm, a, b);

      if (r != vm->not_implemented)
        return r;
      hs_decref (vm, r);
    }
  return hs_err_format (vm, vm->types.TypeError, "can only concatenate str (not \"%s\") to str",
                        hs_type_name (b));
}

static HsObject *
str_nb_multiply (HsVM     *vm,
                 HsObject *a,
                 HsObject *b)
{
  if (hs_str_check (a))
    {
      HsBinaryFunc other = b->ob_type->nb[HS_OP_MULT];

      if (!hs_int_check (b) && other != NULL && other != str_nb_multiply)
        {
          HsObject *r = other (vm, a, b);

          if (r != vm->not_implemented)
            return r;
          hs_decref (vm, r);
        }
      return str_repeat (vm, a, b);
    }
  /* n * 'ab': the left operand's slot has declined already. */
  return str_repeat (vm, b, a);
}

static HsObject *
str_nb_remainder (HsVM     *vm,
                  HsObject *a,
                  HsObject *b)
{
  if (!hs_str_check (a))
    return hs_not_implemented (vm);
  return hs_str_percent_format (vm, a, b);
}

static gsize
str_sizeof (HsObject *self)
{
  HsStr *s = HS_STR (self);
  static const gsize char_size[] = { 0, 1, 1, 2, 4 };

  if (self->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE)
    {
      /* Subclass instances are not "compact" in CPython: PyUnicodeObject (80)
       * + the data with its NUL + GC header and dict/weakref pointers. */
      return 80 + (s->len + 1) * char_size[s->kind] + 32;
    }
  switch (s->kind)
    {
    case HS_STR_ASCII:  return STR_SIZE_ASCII + s->len;
    case HS_STR_LATIN1: return STR_SIZE_LATIN1 + s->len;
    case HS_STR_UCS2:   return STR_SIZE_UCS2 + 2 * s->len;
    case HS_STR_UCS4:
    default:            return STR_SIZE_UCS4 + 4 * s->len;
    }
}

/* ------------------------------------------------------------------ */
/* Iteration                                                          */

typedef struct
{
  HsObject   base;
  HsObject  *seq;       /* NULL once exhausted (3.11 drops it at the end) */
  gsize      offset;    /* byte offset of the next character */
} HsStrIter;

static HsObject *
str_iter (HsVM     *vm,
          HsObject *self)
{
  HsStrIter *it = (HsStrIter *) hs_object_alloc (vm, vm->types.str_iterator, sizeof (HsStrIter));

  if (it == NULL)
    return NULL;
  it->seq = hs_incref (self);
  it->offset = 0;
  hs_gc_track (vm, (HsObject *) it);
  return (HsObject *) it;
}

static HsObject *
str_iter_next (HsVM     *vm,
               HsObject *self)
{
  HsStrIter *it = (HsStrIter *) self;
  HsStr *s;
  gsize adv;
  gunichar c;

  if (it->seq == NULL)
    return NULL;
  s = HS_STR (it->seq);
  if (it->offset >= s->nbytes)
    {
      hs_clear_ref (vm, &it->seq);
      return NULL;
    }
  c = _hs_utf8_get (s->utf8 + it->offset, &adv);
  it->offset += adv;
  return hs_str_from_char (vm, c);
}

static HsObject *
iter_self (HsVM     *vm,
           HsObject *self)
{
  return hs_incref (self);
}

static void
str_iter_dealloc (HsVM     *vm,
                  HsObject *self)
{
  HsStrIter *it = (HsStrIter *) self;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &it->seq);
  hs_object_free (vm, self);
}

static void
str_iter_traverse (HsObject    *self,
                   HsVisitFunc  visit,
                   gpointer     user_data)
{
  HsStrIter *it = (HsStrIter *) self;

  if (it->seq != NULL)
    visit (it->seq, user_data);
}

static void
str_iter_clear (HsVM     *vm,
                HsObject *self)
{
  hs_clear_ref (vm, &((HsStrIter *) self)->seq);
}

static void
str_iter_repr_short (HsObject *self,
                     GString  *out,
                     gsize     max_chars)
{
  HsStrIter *it = (HsStrIter *) self;

  if (it->seq == NULL)
    g_string_append (out, "<exhausted>");
  else
    g_string_append_printf (out, "<at %" G_GSIZE_FORMAT ">",
                            _hs_str_char_index (it->seq, it->offset));
}

/* ------------------------------------------------------------------ */
/* str(object='', encoding='utf-8', errors='strict')                   */

static HsObject *
str_tp_new (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  static const char *names[] = { "object", "encoding", "errors", NULL };
  HsType *type = (HsType *) args[0];
  HsObject *a[3] = { NULL, NULL, NULL };
  HsObject *result;
  HsStr *r;
  HsObject *o;

  if (!_hs_args_keywords (vm, "str", args + 1, nargs - 1, kwnames, names, 0, a))
    return NULL;
  for (int i = 1; i < 3; i++)
    if (a[i] != NULL && !hs_str_check (a[i]))
      return hs_err_format (vm, vm->types.TypeError, "str() argument '%s' must be str, not %s",
                            names[i], hs_type_name (a[i]));

  if (a[0] == NULL)
    result = get_empty (vm);
  else if (a[1] == NULL && a[2] == NULL)
    result = hs_object_str (vm, a[0]);
  else if (hs_bytes_check (a[0]))
    result = hs_str_decode (vm, hs_bytes_data (a[0]), hs_bytes_len (a[0]),
                            a[1] != NULL ? hs_str_utf8 (a[1]) : "utf-8",
                            a[2] != NULL ? hs_str_utf8 (a[2]) : "strict");
  else if (hs_str_check (a[0]))
    return hs_err_set_string (vm, vm->types.TypeError, "decoding str is not supported");
  else
    return hs_err_format (vm, vm->types.TypeError,
                          "decoding to str: need a bytes-like object, %s found",
                          hs_type_name (a[0]));

  if (result == NULL || type == vm->types.str)
    return result;

  /* class S(str): copy the text into an instance of the subclass. */
  r = HS_STR (result);
  o = _hs_str_alloc (vm, type, r->nbytes, r->len, r->kind);
  if (o != NULL)
    memcpy (HS_STR (o)->utf8, r->utf8, r->nbytes);
  hs_decref (vm, result);
  return o;
}

/* ------------------------------------------------------------------ */

static const HsMethodDef str_iter_methods[] = {
  { NULL }
};

void
_hs_str_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "str", vm->types.object, sizeof (HsStr),
                                    STR_SIZE_ASCII, HS_TPFLAG_BASETYPE);
  HsType *it;

  t->tp_dealloc = str_dealloc;
  t->tp_repr = str_repr;
  t->tp_str = str_str;
  t->tp_hash = str_tp_hash;
  t->tp_richcompare = str_richcompare;
  t->tp_iter = str_iter;
  t->tp_new = str_tp_new;
  t->nb[HS_OP_ADD] = str_nb_add;
  t->nb[HS_OP_MULT] = str_nb_multiply;
  t->nb[HS_OP_MOD] = str_nb_remainder;
  t->nb_bool = str_bool;
  t->sq_length = str_length;
  t->mp_subscript = str_subscript;
  t->sq_contains = str_contains;
  t->tp_sizeof = str_sizeof;
  t->tp_repr_short = str_repr_short;
  t->methods = _hs_str_methods;
  /* Set before _hs_type_ready: filling the type dict creates strings. */
  vm->types.str = t;
  _hs_type_ready (vm, t);

  it = _hs_type_new_builtin (vm, "str_iterator", vm->types.object, sizeof (HsStrIter), 48,
                             HS_TPFLAG_GC);
  it->tp_dealloc = str_iter_dealloc;
  it->tp_traverse = str_iter_traverse;
  it->tp_clear = str_iter_clear;
  it->tp_iter = iter_self;
  it->tp_iternext = str_iter_next;
  it->tp_repr_short = str_iter_repr_short;
  it->methods = str_iter_methods;
  vm->types.str_iterator = it;
  _hs_type_ready (vm, it);
}
