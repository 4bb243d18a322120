/* hs-bytes-object.c — the bytes type and the utf-8/ascii/latin-1 codecs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Modest on purpose: what teaching snippets do with bytes (literals, repr,
 * len, indexing, slicing, +, *, in, ==, hash, iteration, decode, bytes(n),
 * bytes(list), bytes(str, 'utf-8')). The codecs report errors with
 * CPython 3.11's messages.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-number-object.h"
#include "hs-str-private.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* sizeof (PyBytesObject): ob_sval has room for the NUL. */
#define BYTES_SIZE 33
#define BYTES_MAX_ALLOC G_MAXUINT32

static void bytes_dealloc (HsVM     *vm,
                           HsObject *self);

/* ------------------------------------------------------------------ */
/* Objects                                                            */

static HsObject *
bytes_alloc (HsVM   *vm,
             HsType *type,
             gsize   len)
{
  gsize head = type == vm->types.bytes ? sizeof (HsBytes) : hs_type_c_size (type);
  HsObject *o;
  HsBytes *b;

  if (len >= BYTES_MAX_ALLOC - head - 1 || !_hs_str_check_size (vm, len))
    return hs_err_no_memory (vm);
  o = hs_object_alloc (vm, type, head + len + 1);
  if (o == NULL)
    return NULL;
  b = HS_BYTES (o);
  b->len = len;
  b->hash = -1;
  b->data = (guint8 *) o + head;
  b->data[len] = 0;
  if (type != vm->types.bytes && hs_type_is_gc (type))
    hs_gc_track (vm, o);
  return o;
}

HsObject *
hs_bytes_new (HsVM         *vm,
              const guint8 *data,
              gsize         len)
{
  HsObject *o = bytes_alloc (vm, vm->types.bytes, len);

  if (o != NULL && len > 0)
    memcpy (HS_BYTES (o)->data, data, len);
  return o;
}

gboolean
hs_bytes_check (HsObject *o)
{
  if (o == NULL)
    return FALSE;
  for (HsType *t = o->ob_type; t != NULL; t = t->tp_base)
    if (!(t->tp_flags & HS_TPFLAG_HEAPTYPE))
      return t->tp_dealloc == bytes_dealloc;
  return FALSE;
}

static gboolean
bytes_check_exact (HsObject *o)
{
  return o->ob_type->tp_dealloc == bytes_dealloc && !(o->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE);
}

const guint8 *
hs_bytes_data (HsObject *o)
{
  return HS_BYTES (o)->data;
}

gsize
hs_bytes_len (HsObject *o)
{
  return HS_BYTES (o)->len;
}

/* The repr of @o's first @n bytes, in the quotes all of it gets. */
static void
bytes_repr_prefix (HsObject *o,
                   gsize     n,
                   GString  *out)
{
  HsBytes *b = HS_BYTES (o);
  gboolean squote = memchr (b->data, '\'', b->len) != NULL;
  gboolean dquote = memchr (b->data, '"', b->len) != NULL;
  char quote = squote && !dquote ? '"' : '\'';

  g_string_append_c (out, 'b');
  g_string_append_c (out, quote);
  for (gsize i = 0; i < MIN (n, b->len); i++)
    {
      guint8 c = b->data[i];

      if (c == quote || c == '\\')
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
      else if (c < ' ' || c >= 0x7F)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, quote);
}

void
hs_bytes_repr_append (HsObject *o,
                      GString  *out)
{
  bytes_repr_prefix (o, HS_BYTES (o)->len, out);
}

/* ------------------------------------------------------------------ */
/* Codecs                                                             */

const char *
_hs_codec_normalize (const char *name)
{
  g_autofree char *n = g_ascii_strdown (name, -1);

  for (char *p = n; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  if (g_str_equal (n, "utf_8") || g_str_equal (n, "utf8") || g_str_equal (n, "u8")
      || g_str_equal (n, "utf") || g_str_equal (n, "cp65001"))
    return "utf-8";
  if (g_str_equal (n, "ascii") || g_str_equal (n, "us_ascii") || g_str_equal (n, "646")
      || g_str_equal (n, "us"))
    return "ascii";
  if (g_str_equal (n, "latin_1") || g_str_equal (n, "latin1") || g_str_equal (n, "latin")
      || g_str_equal (n, "iso_8859_1") || g_str_equal (n, "iso8859_1") || g_str_equal (n, "8859")
      || g_str_equal (n, "cp819") || g_str_equal (n, "l1"))
    return "latin-1";
  return NULL;
}

/* UnicodeDecodeError/UnicodeEncodeError when the builtins have them,
 * UnicodeError otherwise (the VM's type table has no slot for them). */
static HsType *
unicode_error_type (HsVM       *vm,
                    const char *name)
{
  HsObject *t = NULL;

  if (vm->builtins != NULL)
    t = hs_dict_getitem_str (vm, vm->builtins, name);
  if (hs_err_occurred (vm))
    hs_err_clear (vm);
  if (t != NULL && t->ob_type == vm->types.type)
    return (HsType *) t;
  return vm->types.UnicodeError;
}

typedef enum
{
  ERR_STRICT,
  ERR_IGNORE,
  ERR_REPLACE,
  ERR_BACKSLASHREPLACE,
  ERR_SURROGATEESCAPE,
  ERR_SURROGATEPASS,
  ERR_XMLCHARREFREPLACE,
  ERR_UNKNOWN,
} ErrorHandler;

static ErrorHandler
error_handler (const char *errors)
{
  if (errors == NULL || g_str_equal (errors, "strict"))
    return ERR_STRICT;
  if (g_str_equal (errors, "ignore"))
    return ERR_IGNORE;
  if (g_str_equal (errors, "replace"))
    return ERR_REPLACE;
  if (g_str_equal (errors, "backslashreplace"))
    return ERR_BACKSLASHREPLACE;
  if (g_str_equal (errors, "surrogateescape"))
    return ERR_SURROGATEESCAPE;
  if (g_str_equal (errors, "surrogatepass"))
    return ERR_SURROGATEPASS;
  if (g_str_equal (errors, "xmlcharrefreplace"))
    return ERR_XMLCHARREFREPLACE;
  return ERR_UNKNOWN;
}

static gboolean
unknown_handler (HsVM       *vm,
                 const char *errors)
{
  hs_err_format (vm, vm->types.LookupError, "unknown error handler name '%s'", errors);
  return FALSE;
}

static gboolean
is_cont (guint8 b)
{
  return (b & 0xC0) == 0x80;
}

/* Length of the invalid UTF-8 sequence at @i and why, CPython's way: the
 * maximal valid prefix is one error; an incomplete sequence at the very end
 * is "unexpected end of data". Returns 0 for a valid sequence (*len set). */
static const char *
utf8_check (const guint8 *d,
            gsize         n,
            gsize         i,
            gsize        *len)
{
  guint8 b = d[i];
  guint8 lo = 0x80, hi = 0xBF;
  gsize need;

  if (b < 0x80)
    {
      *len = 1;
      return NULL;
    }
  if (b < 0xC2 || b > 0xF4)
    {
      *len = 1;
      return "invalid start byte";
    }
  need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  if (b == 0xE0)
    lo = 0xA0;
  else if (b == 0xED)
    hi = 0x9F;
  else if (b == 0xF0)
    lo = 0x90;
  else if (b == 0xF4)
    hi = 0x8F;
  for (gsize k = 1; k <= need; k++)
    {
      if (i + k >= n)
        {
          *len = n - i;
          return "unexpected end of data";
        }
      if (k == 1 ? (d[i + 1] < lo || d[i + 1] > hi) : !is_cont (d[i + k]))
        {
          *len = k;
          return "invalid continuation byte";
        }
    }
  *len = need + 1;
  return NULL;
}

static HsObject *
decode_error (HsVM         *vm,
              const char   *codec,
              const guint8 *d,
              gsize         start,
              gsize         end,
              const char   *reason)
{
  HsType *t = unicode_error_type (vm, "UnicodeDecodeError");

  if (end - start == 1)
    return hs_err_format (vm, t, "'%s' codec can't decode byte 0x%02x in position %" G_GSIZE_FORMAT ": %s",
                          codec, d[start], start, reason);
  return hs_err_format (vm, t, "'%s' codec can't decode bytes in position %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ": %s",
                        codec, start, end - 1, reason);
}

/* Applies a non-strict handler to d[start:end]; FALSE if unknown. */
static gboolean
decode_recover (HsVM         *vm,
                ErrorHandler  h,
                const char   *errors,
                const guint8 *d,
                gsize         start,
                gsize         end,
                GString      *out)
{
  switch (h)
    {
    case ERR_IGNORE:
      return TRUE;
    case ERR_REPLACE:
      _hs_gstring_append_unichar (out, 0xFFFD);
      return TRUE;
    case ERR_BACKSLASHREPLACE:
      for (gsize k = start; k < end; k++)
        g_string_append_printf (out, "\\x%02x", d[k]);
      return TRUE;
    case ERR_SURROGATEESCAPE:
      for (gsize k = start; k < end; k++)
        {
          if (d[k] < 0x80)
            return FALSE;
          _hs_gstring_append_unichar (out, 0xDC00 + d[k]);
        }
      return TRUE;
    default:
      return FALSE;
    }
}

HsObject *
hs_str_decode (HsVM         *vm,
               const guint8 *data,
               gsize         len,
               const char   *encoding,
               const char   *errors)
{
  const char *codec = _hs_codec_normalize (encoding);
  ErrorHandler h = error_handler (errors);
  g_autoptr(GString) out = NULL;
  gsize i = 0;

  if (codec == NULL)
    return hs_err_format (vm, vm->types.LookupError, "unknown encoding: %s", encoding);

  out = g_string_sized_new (len + 1);
  while (i < len)
    {
      const char *reason = NULL;
      gsize n = 1;

      if (g_str_equal (codec, "utf-8"))
        reason = utf8_check (data, len, i, &n);
      else if (g_str_equal (codec, "ascii"))
        reason = data[i] < 0x80 ? NULL : "ordinal not in range(128)";

      if (reason == NULL)
        {
          if (g_str_equal (codec, "latin-1"))
            _hs_gstring_append_unichar (out, data[i]);
          else
            g_string_append_len (out, (const char *) data + i, n);
          i += n;
          continue;
        }
      if (h == ERR_UNKNOWN)
        {
          unknown_handler (vm, errors);
          return NULL;
        }
      if (h == ERR_STRICT || h == ERR_SURROGATEPASS || h == ERR_XMLCHARREFREPLACE
          || !decode_recover (vm, h, errors, data, i, i + n, out))
        return decode_error (vm, codec, data, i, i + n, reason);
      i += n;
    }
  return hs_str_new (vm, out->str, out->len);
}

static HsObject *
encode_error (HsVM       *vm,
              const char *codec,
              gunichar    c,
              gsize       start,
              gsize       end,
              const char *reason)
{
  HsType *t = unicode_error_type (vm, "UnicodeEncodeError");

  if (end - start == 1)
    {
      char esc[16];

      if (c <= 0xFF)
        g_snprintf (esc, sizeof esc, "\\x%02x", c);
      else if (c <= 0xFFFF)
        g_snprintf (esc, sizeof esc, "\\u%04x", c);
      else
        g_snprintf (esc, sizeof esc, "\\U%08x", c);
      return hs_err_format (vm, t, "'%s' codec can't encode character '%s' in position %" G_GSIZE_FORMAT ": %s",
                            codec, esc, start, reason);
    }
  return hs_err_format (vm, t, "'%s' codec can't encode characters in position %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ": %s",
                        codec, start, end - 1, reason);
}

HsObject *
_hs_str_encode (HsVM       *vm,
                HsObject   *s,
                const char *encoding,
                const char *errors)
{
  const char *codec = _hs_codec_normalize (encoding);
  ErrorHandler h = error_handler (errors);
  g_autofree gunichar *chars = NULL;
  g_autoptr(GString) out = NULL;
  gunichar limit;
  const char *reason;
  gsize n = HS_STR (s)->len;

  if (codec == NULL)
    return hs_err_format (vm, vm->types.LookupError, "unknown encoding: %s", encoding);

  if (g_str_equal (codec, "utf-8"))
    {
      /* Only lone surrogates cannot be encoded. */
      limit = 0x110000;
      reason = "surrogates not allowed";
      if (memchr (HS_STR (s)->utf8, 0xED, HS_STR (s)->nbytes) == NULL)
        return hs_bytes_new (vm, (const guint8 *) HS_STR (s)->utf8, HS_STR (s)->nbytes);
    }
  else if (g_str_equal (codec, "ascii"))
    {
      limit = 0x80;
      reason = "ordinal not in range(128)";
    }
  else
    {
      limit = 0x100;
      reason = "ordinal not in range(256)";
    }

  chars = _hs_str_ucs4 (s);
  out = g_string_sized_new (n + 1);
  for (gsize i = 0; i < n; i++)
    {
      gunichar c = chars[i];
      gboolean bad = c >= limit || (limit == 0x110000 && c >= 0xD800 && c <= 0xDFFF);
      gsize end;

      if (!bad)
        {
          if (limit == 0x110000)
            _hs_gstring_append_unichar (out, c);
          else
            g_string_append_c (out, (char) c);
          continue;
        }
      /* A run of unencodable characters is one error. */
      end = i + 1;
      while (end < n && (chars[end] >= limit
                         || (limit == 0x110000 && chars[end] >= 0xD800 && chars[end] <= 0xDFFF)))
        end++;
      switch (h)
        {
        case ERR_STRICT:
          return encode_error (vm, codec, c, i, end, reason);
        case ERR_UNKNOWN:
          unknown_handler (vm, errors);
          return NULL;
        case ERR_IGNORE:
          break;
        case ERR_REPLACE:
          for (gsize k = i; k < end; k++)
            g_string_append_c (out, '?');
          break;
        case ERR_BACKSLASHREPLACE:
          for (gsize k = i; k < end; k++)
            {
              gunichar b = chars[k];

              if (b <= 0xFF)
                g_string_append_printf (out, "\\x%02x", b);
              else if (b <= 0xFFFF)
                g_string_append_printf (out, "\\u%04x", b);
              else
                g_string_append_printf (out, "\\U%08x", b);
            }
          break;
        case ERR_XMLCHARREFREPLACE:
          for (gsize k = i; k < end; k++)
            g_string_append_printf (out, "&#%u;", chars[k]);
          break;
        case ERR_SURROGATEPASS:
        case ERR_SURROGATEESCAPE:
        default:
          for (gsize k = i; k < end; k++)
            {
              gunichar b = chars[k];

              if (h == ERR_SURROGATEPASS && limit == 0x110000 && b >= 0xD800 && b <= 0xDFFF)
                _hs_gstring_append_unichar (out, b);
              else if (h == ERR_SURROGATEESCAPE && b >= 0xDC80 && b <= 0xDCFF)
                g_string_append_c (out, (char) (b - 0xDC00));
              else
                return encode_error (vm, codec, chars[k], k, k + 1, reason);
            }
          break;
        }
      i = end - 1;
    }
  return hs_bytes_new (vm, (const guint8 *) out->str, out->len);
}

/* ------------------------------------------------------------------ */
/* Type slots                                                         */

static void
bytes_dealloc (HsVM     *vm,
               HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_object_free (vm, self);
}

static HsObject *
bytes_repr (HsVM     *vm,
            HsObject *self)
{
  g_autoptr(GString) out = g_string_sized_new (HS_BYTES (self)->len + 3);

  hs_bytes_repr_append (self, out);
  return hs_str_new (vm, out->str, out->len);
}

static void
bytes_repr_short (HsObject *self,
                  GString  *out,
                  gsize     max_chars)
{
  g_autoptr(GString) full = g_string_new (NULL);

  /* Only the start shows: each byte is at least one character. */
  bytes_repr_prefix (self, max_chars + 1, full);
  if (max_chars < 4 || full->len <= max_chars)
    {
      g_string_append_len (out, full->str, full->len);
      return;
    }
  g_string_append_len (out, full->str, max_chars - 2);
  g_string_append (out, "…");
  g_string_append_c (out, full->str[full->len - 1]);
}

static gboolean
bytes_tp_hash (HsVM     *vm,
               HsObject *self,
               gint64   *hash)
{
  HsBytes *b = HS_BYTES (self);

  if (b->hash == -1)
    b->hash = _hs_hash_bytes (b->data, b->len);
  *hash = b->hash;
  return TRUE;
}

static HsObject *
bytes_richcompare (HsVM     *vm,
                   HsObject *a,
                   HsObject *b,
                   int       op)
{
  HsBytes *x, *y;
  int c;
  gboolean r;

  if (!hs_bytes_check (a) || !hs_bytes_check (b))
    return hs_not_implemented (vm);
  x = HS_BYTES (a);
  y = HS_BYTES (b);
  c = memcmp (x->data, y->data, MIN (x->len, y->len));
  if (c == 0)
    c = x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
  switch (op)
    {
    case HS_LT: r = c < 0; break;
    case HS_LE: r = c <= 0; break;
    case HS_EQ: r = c == 0; break;
    case HS_NE: r = c != 0; break;
    case HS_GT: r = c > 0; break;
    case HS_GE: r = c >= 0; break;
    default: r = FALSE; break;
    }
  return hs_bool (vm, r);
}

static gssize
bytes_length (HsVM     *vm,
              HsObject *self)
{
  return HS_BYTES (self)->len;
}

static int
bytes_bool (HsVM     *vm,
            HsObject *self)
{
  return HS_BYTES (self)->len != 0;
}

static int
bytes_contains (HsVM     *vm,
                HsObject *self,
                HsObject *item)
{
  HsBytes *b = HS_BYTES (self);
  gboolean overflow, is_index;
  gssize v;

  if (hs_bytes_check (item))
    return _hs_find_bytes ((const char *) b->data, b->len,
                           (const char *) HS_BYTES (item)->data, HS_BYTES (item)->len) >= 0;
  if (!_hs_index_value (vm, item, &v, &overflow, &is_index))
    return -1;
  if (!is_index)
    {
      hs_err_format (vm, vm->types.TypeError, "a bytes-like object is required, not '%s'",
                     hs_type_name (item));
      return -1;
    }
  if (overflow || v < 0 || v > 255)
    {
      hs_err_set_string (vm, vm->types.ValueError, "byte must be in range(0, 256)");
      return -1;
    }
  return memchr (b->data, (int) v, b->len) != NULL;
}

static HsObject *
bytes_subscript (HsVM     *vm,
                 HsObject *self,
                 HsObject *key)
{
  HsBytes *b = HS_BYTES (self);
  gboolean overflow, is_index;
  gssize i;

  if (key->ob_type == vm->types.slice)
    {
      gssize start, stop, step, n;
      HsObject *r;

      if (!hs_slice_indices (vm, key, b->len, &start, &stop, &step, &n))
        return NULL;
      if (n <= 0)
        return hs_bytes_new (vm, NULL, 0);
      if (step == 1)
        {
          if (start == 0 && (gsize) n == b->len && bytes_check_exact (self))
            return hs_incref (self);
          return hs_bytes_new (vm, b->data + start, n);
        }
      r = bytes_alloc (vm, vm->types.bytes, n);
      if (r == NULL)
        return NULL;
      for (gssize k = 0, cur = start; k < n; k++, cur += step)
        HS_BYTES (r)->data[k] = b->data[cur];
      return r;
    }
  if (!_hs_index_value (vm, key, &i, &overflow, &is_index))
    return NULL;
  if (!is_index)
    return hs_err_format (vm, vm->types.TypeError,
                          "byte indices must be integers or slices, not %s", hs_type_name (key));
  if (overflow)
    return hs_err_set_string (vm, vm->types.IndexError,
                              "cannot fit 'int' into an index-sized integer");
  if (i < 0)
    i += b->len;
  if (i < 0 || (gsize) i >= b->len)
    return hs_err_set_string (vm, vm->types.IndexError, "index out of range");
  return hs_int_from_i64 (vm, b->data[i]);
}

static HsObject *
bytes_nb_add (HsVM     *vm,
              HsObject *a,
              HsObject *b)
{
  HsObject *r;

  if (!hs_bytes_check (a))
    return hs_not_implemented (vm);
  if (!hs_bytes_check (b))
    {
      HsBinaryFunc other = b->ob_type->nb[HS_OP_ADD];

      if (other != NULL && other != bytes_nb_add)
        {
          r = other (vm, a, b);
          if (r != vm->not_implemented)
            return r;
          hs_decref (vm, r);
        }
      return hs_err_format (vm, vm->types.TypeError, "can't concat %s to %s",
                            hs_type_name (b), hs_type_name (a));
    }
  if (HS_BYTES (b)->len == 0 && bytes_check_exact (a))
    return hs_incref (a);
  if (HS_BYTES (a)->len == 0 && bytes_check_exact (b))
    return hs_incref (b);
  r = bytes_alloc (vm, vm->types.bytes, HS_BYTES (a)->len + HS_BYTES (b)->len);
  if (r == NULL)
    return NULL;
  memcpy (HS_BYTES (r)->data, HS_BYTES (a)->data, HS_BYTES (a)->len);
  memcpy (HS_BYTES (r)->data + HS_BYTES (a)->len, HS_BYTES (b)->data, HS_BYTES (b)->len);
  return r;
}

static HsObject *
bytes_nb_multiply (HsVM     *vm,
                   HsObject *a,
                   HsObject *b)
{
  HsObject *self = hs_bytes_check (a) ? a : b;
  HsObject *count = self == a ? b : a;
  HsBytes *s = HS_BYTES (self);
  gboolean overflow, is_index;
  gssize n;
  HsObject *r;

  if (!_hs_index_value (vm, count, &n, &overflow, &is_index))
    return NULL;
  if (!is_index)
    return hs_err_format (vm, vm->types.TypeError,
                          "can't multiply sequence by non-int of type '%s'", hs_type_name (count));
  if (overflow)
    return hs_err_set_string (vm, vm->types.OverflowError,
                              "cannot fit 'int' into an index-sized integer");
  if (n <= 0)
    return hs_bytes_new (vm, NULL, 0);
  if (n == 1 && bytes_check_exact (self))
    return hs_incref (self);
  if (s->len > 0 && (gsize) n > G_MAXSSIZE / s->len)
    return hs_err_set_string (vm, vm->types.OverflowError, "repeated bytes are too long");
  r = bytes_alloc (vm, vm->types.bytes, s->len * n);
  if (r == NULL)
    return NULL;
  for (gssize k = 0; k < n; k++)
    memcpy (HS_BYTES (r)->data + k * s->len, s->data, s->len);
  return r;
}

static gsize
bytes_sizeof (HsObject *self)
{
  return BYTES_SIZE + HS_BYTES (self)->len;
}

/* bytes(source=b'', encoding=…, errors=…) */
static HsObject *
bytes_from_iterable (HsVM     *vm,
                     HsObject *iterable)
{
  HsObject *it = hs_object_get_iter (vm, iterable);
  g_autoptr(GByteArray) buf = NULL;
  HsObject *item;

  if (it == NULL)
    {
      if (hs_err_matches (vm, vm->types.TypeError))
        {
          hs_err_clear (vm);
          hs_err_format (vm, vm->types.TypeError, "cannot convert '%s' object to bytes",
                         hs_type_name (iterable));
        }
      return NULL;
    }
  buf = g_byte_array_new ();
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      gssize v;
      gboolean ok = _hs_arg_ssize (vm, item, &v);

      hs_decref (vm, item);
      if (!ok)
        {
          hs_decref (vm, it);
          return NULL;
        }
      if (v < 0 || v > 255)
        {
          hs_decref (vm, it);
          return hs_err_set_string (vm, vm->types.ValueError, "bytes must be in range(0, 256)");
        }
      g_byte_array_append (buf, (guint8[]) { (guint8) v }, 1);
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    return NULL;
  return hs_bytes_new (vm, buf->data, buf->len);
}

static HsObject *
bytes_tp_new (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  static const char *names[] = { "source", "encoding", "errors", NULL };
  HsType *type = (HsType *) args[0];
  HsObject *a[3];
  HsObject *src, *result;
  gboolean overflow, is_index;
  gssize n;

  if (!_hs_args_keywords (vm, "bytes", args + 1, nargs - 1, kwnames, names, 0, a))
    return NULL;
  for (int i = 1; i < 3; i++)
    if (a[i] != NULL && !hs_str_check (a[i]))
      return hs_err_format (vm, vm->types.TypeError, "bytes() argument '%s' must be str, not %s",
                            names[i], hs_type_name (a[i]));
  src = a[0];

  if (src == NULL)
    {
      if (a[1] != NULL || a[2] != NULL)
        return hs_err_set_string (vm, vm->types.TypeError,
                                  a[1] != NULL ? "encoding without a string argument"
                                               : "errors without a string argument");
      result = hs_bytes_new (vm, NULL, 0);
    }
  else if (hs_str_check (src))
    {
      if (a[1] == NULL)
        return hs_err_set_string (vm, vm->types.TypeError, "string argument without an encoding");
      result = _hs_str_encode (vm, src, hs_str_utf8 (a[1]),
                               a[2] != NULL ? hs_str_utf8 (a[2]) : "strict");
    }
  else if (a[1] != NULL || a[2] != NULL)
    return hs_err_set_string (vm, vm->types.TypeError,
                              a[1] != NULL ? "encoding without a string argument"
                                           : "errors without a string argument");
  else if (hs_bytes_check (src))
    result = bytes_check_exact (src) ? hs_incref (src)
                                     : hs_bytes_new (vm, HS_BYTES (src)->data, HS_BYTES (src)->len);
  else
    {
      if (!_hs_index_value (vm, src, &n, &overflow, &is_index))
        return NULL;
      if (is_index)
        {
          if (overflow)
            return hs_err_set_string (vm, vm->types.OverflowError,
                                      "cannot fit 'int' into an index-sized integer");
          if (n < 0)
            return hs_err_set_string (vm, vm->types.ValueError, "negative count");
          result = bytes_alloc (vm, vm->types.bytes, n);
          if (result != NULL)
            memset (HS_BYTES (result)->data, 0, n);
        }
      else
        result = bytes_from_iterable (vm, src);
    }

  if (result == NULL || type == vm->types.bytes)
    return result;
  {
    HsObject *o = bytes_alloc (vm, type, HS_BYTES (result)->len);

    if (o != NULL)
      memcpy (HS_BYTES (o)->data, HS_BYTES (result)->data, HS_BYTES (result)->len);
    hs_decref (vm, result);
    return o;
  }
}

/* ------------------------------------------------------------------ */
/* Methods                                                            */

static HsObject *
bytes_decode (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  static const char *names[] = { "encoding", "errors", NULL };
  HsObject *a[2];

  if (!_hs_args_keywords (vm, "decode", args + 1, nargs - 1, kwnames, names, 0, a))
    return NULL;
  for (int i = 0; i < 2; i++)
    if (a[i] != NULL && !hs_str_check (a[i]))
      return hs_err_format (vm, vm->types.TypeError, "decode() argument '%s' must be str, not %s",
                            names[i], hs_type_name (a[i]));
  return hs_str_decode (vm, HS_BYTES (args[0])->data, HS_BYTES (args[0])->len,
                        a[0] != NULL ? hs_str_utf8 (a[0]) : "utf-8",
                        a[1] != NULL ? hs_str_utf8 (a[1]) : "strict");
}

static HsObject *
bytes_hex (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsBytes *b = HS_BYTES (args[0]);
  g_autoptr(GString) out = NULL;

  if (!_hs_args_none (vm, "bytes.hex", nargs, kwnames))
    return NULL;
  out = g_string_sized_new (2 * b->len + 1);
  for (gsize i = 0; i < b->len; i++)
    g_string_append_printf (out, "%02x", b->data[i]);
  return hs_str_new (vm, out->str, out->len);
}

static HsObject *
bytes_affix (HsVM            *vm,
             const char      *name,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames,
             gboolean         at_end)
{
  HsBytes *b = HS_BYTES (args[0]), *p;

  if (!_hs_args_tuple (vm, name, nargs, kwnames, 1, 1))
    return NULL;
  if (!hs_bytes_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError,
                          "%s first arg must be bytes or a tuple of bytes, not %s",
                          strrchr (name, '.') + 1, hs_type_name (args[1]));
  p = HS_BYTES (args[1]);
  if (p->len > b->len)
    return hs_bool (vm, FALSE);
  return hs_bool (vm, memcmp (b->data + (at_end ? b->len - p->len : 0), p->data, p->len) == 0);
}

static HsObject *
bytes_startswith (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  return bytes_affix (vm, "bytes.startswith", args, nargs, kwnames, FALSE);
}

static HsObject *
bytes_endswith (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  return bytes_affix (vm, "bytes.endswith", args, nargs, kwnames, TRUE);
}

static const HsMethodDef bytes_methods[] = {
  { "decode", bytes_decode, 0, NULL },
  { "endswith", bytes_endswith, 0, NULL },
  { "hex", bytes_hex, 0, NULL },
  { "startswith", bytes_startswith, 0, NULL },
  { NULL }
};

void
_hs_bytes_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "bytes", vm->types.object, sizeof (HsBytes),
                                    BYTES_SIZE, HS_TPFLAG_BASETYPE);

  t->tp_dealloc = bytes_dealloc;
  t->tp_repr = bytes_repr;
  t->tp_hash = bytes_tp_hash;
  t->tp_richcompare = bytes_richcompare;
  t->tp_new = bytes_tp_new;
  t->nb[HS_OP_ADD] = bytes_nb_add;
  t->nb[HS_OP_MULT] = bytes_nb_multiply;
  t->nb_bool = bytes_bool;
  t->sq_length = bytes_length;
  t->mp_subscript = bytes_subscript;
  t->sq_contains = bytes_contains;
  t->tp_sizeof = bytes_sizeof;
  t->tp_repr_short = bytes_repr_short;
  t->methods = bytes_methods;
  vm->types.bytes = t;
  _hs_type_ready (vm, t);
}
