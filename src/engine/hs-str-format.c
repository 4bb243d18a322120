/* hs-str-format.c — str.format(), format_map(), format(), f-string values and str % args
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parsing of replacement fields is a port of CPython 3.11's
 * Objects/stringlib/unicode_format.h, the % operator follows
 * PyUnicode_Format(); the text of each conversion (numbers, padding) comes
 * from hs-format.c. Both keep CPython's _PyUnicodeWriter shortcut: when the
 * whole result is one exact str written into an empty writer as its last
 * piece, that object itself is the result ('%s' % s is s, '{}'.format(s)
 * is s, 'abc' % () is the format string).
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-format-object.h"
#include "hs-format.h"
#include "hs-number-object.h"
#include "hs-str-private.h"
#include "hs-type-object.h"
#include "hs-vm.h"

static HsObject *
raise_gerror (HsVM   *vm,
              GError *error)
{
  HsType *t;

  switch (error->code)
    {
    case HS_NUM_ERROR_MEMORY:
      g_error_free (error);
      return hs_err_no_memory (vm);
    case HS_NUM_ERROR_OVERFLOW:
      t = vm->types.OverflowError;
      break;
    case HS_NUM_ERROR_ZERO_DIVISION:
      t = vm->types.ZeroDivisionError;
      break;
    case HS_NUM_ERROR_NOT_IMPLEMENTED:
      t = vm->types.NotImplementedError;
      break;
    case HS_NUM_ERROR_VALUE:
    default:
      t = vm->types.ValueError;
      break;
    }
  hs_err_set_string (vm, t, error->message);
  g_error_free (error);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The writer                                                         */

typedef struct
{
  GString  *buf;
  HsObject *single;        /* one exact str written whole into an empty writer */
  gboolean  overallocate;  /* CPython's flag: FALSE only for the last piece */
} Writer;

static void
writer_init (Writer *w)
{
  w->buf = g_string_new (NULL);
  w->single = NULL;
  w->overallocate = TRUE;
}

static void
writer_clear (HsVM   *vm,
              Writer *w)
{
  hs_clear_ref (vm, &w->single);
  g_string_free (w->buf, TRUE);
  w->buf = NULL;
}

static void
writer_flush (HsVM   *vm,
              Writer *w)
{
  if (w->single != NULL)
    {
      g_string_append_len (w->buf, HS_STR (w->single)->utf8, HS_STR (w->single)->nbytes);
      hs_clear_ref (vm, &w->single);
    }
}

static void
writer_text (HsVM       *vm,
             Writer     *w,
             const char *text,
             gsize       len)
{
  if (len == 0)
    return;
  writer_flush (vm, w);
  g_string_append_len (w->buf, text, len);
}

static void
writer_str (HsVM     *vm,
            Writer   *w,
            HsObject *s)
{
  if (HS_STR (s)->nbytes == 0)
    return;
  if (w->buf->len == 0 && w->single == NULL && !w->overallocate && hs_str_check_exact (s))
    {
      w->single = hs_incref (s);
      return;
    }
  writer_text (vm, w, HS_STR (s)->utf8, HS_STR (s)->nbytes);
}

static HsObject *
writer_finish (HsVM   *vm,
               Writer *w)
{
  HsObject *r;

  if (w->single != NULL && w->buf->len == 0)
    {
      r = w->single;
      w->single = NULL;
    }
  else
    {
      writer_flush (vm, w);
      r = _hs_str_check_size (vm, w->buf->len) ? hs_str_new (vm, w->buf->str, w->buf->len) : NULL;
    }
  writer_clear (vm, w);
  return r;
}

/* ------------------------------------------------------------------ */
/* format(value, spec)                                                */

static HsType *
builtin_base (HsObject *value)
{
  HsType *t = value->ob_type;

  while (t->tp_base != NULL && (t->tp_flags & HS_TPFLAG_HEAPTYPE))
    t = t->tp_base;
  return t;
}

/* The text of format(int/float/str, spec), or NULL with an exception. */
static char *
format_builtin_text (HsVM     *vm,
                     HsObject *value,
                     HsType   *base,
                     const char *spec,
                     gsize     spec_len,
                     gsize    *out_len)
{
  GError *error = NULL;
  char *text;

  if (base == vm->types.int_ || base == vm->types.bool_)
    {
      if (hs_int_is_small (value))
        text = hs_format_int64 (HS_INT (value)->value, spec, spec_len, hs_type_name (value),
                                out_len, &error);
      else
        text = hs_format_int (HS_INT (value)->big, spec, spec_len, hs_type_name (value),
                              vm->int_max_str_digits, out_len, &error);
    }
  else if (base == vm->types.float_)
    text = hs_format_float (HS_FLOAT (value)->value, spec, spec_len, hs_type_name (value),
                            out_len, &error);
  else
    text = hs_format_str (HS_STR (value)->utf8, HS_STR (value)->nbytes, spec, spec_len,
                          hs_type_name (value), out_len, &error);
  if (text == NULL)
    raise_gerror (vm, error);
  return text;
}

static HsObject *
format_builtin (HsVM       *vm,
                HsObject   *value,
                const char *spec,
                gsize       spec_len)
{
  HsType *base = builtin_base (value);
  g_autofree char *text = NULL;
  gsize len;

  /* An empty spec is str(value) for every built-in __format__. */
  if (spec_len == 0)
    return hs_object_str (vm, value);

  if (base != vm->types.int_ && base != vm->types.bool_ && base != vm->types.float_
      && base != vm->types.str)
    return hs_err_format (vm, vm->types.TypeError,
                          "unsupported format string passed to %s.__format__",
                          hs_type_name (value));

  text = format_builtin_text (vm, value, base, spec, spec_len, &len);
  if (text == NULL)
    return NULL;
  /* str's fast path hands back the value itself when nothing changes. */
  if (base == vm->types.str && len == HS_STR (value)->nbytes
      && memcmp (text, HS_STR (value)->utf8, len) == 0)
    return _hs_str_unchanged (vm, value);
  return hs_str_new (vm, text, len);
}

HsObject *
hs_object_format_builtin (HsVM     *vm,
                          HsObject *value,
                          HsObject *spec)
{
  if (spec != NULL && !hs_str_check (spec))
    return hs_err_format (vm, vm->types.TypeError, "Format specifier must be a string, not %s",
                          hs_type_name (spec));
  if (spec == NULL)
    return format_builtin (vm, value, "", 0);
  return format_builtin (vm, value, HS_STR (spec)->utf8, HS_STR (spec)->nbytes);
}

HsObject *
hs_object_format (HsVM     *vm,
                  HsObject *value,
                  HsObject *spec)
{
  HsObject *found, *meth, *result;
  gboolean empty;

  if (spec != NULL && !hs_str_check (spec))
    return hs_err_format (vm, vm->types.TypeError, "Format specifier must be a string, not %s",
                          hs_type_name (spec));
  empty = spec == NULL || HS_STR (spec)->len == 0;
  if (empty && hs_str_check_exact (value))
    return hs_incref (value);
  if (empty && value->ob_type == vm->types.int_)
    return hs_object_str (vm, value);

  /* A __format__ defined in Python (a user class) wins over the built-in
   * one of the nearest built-in base. */
  found = hs_type_lookup_cstr (value->ob_type, "__format__");
  if (found == NULL || found->ob_type == vm->types.method_descriptor
      || found->ob_type == vm->types.builtin_function_or_method)
    return hs_object_format_builtin (vm, value, spec);

  meth = hs_object_getattr_cstr (vm, value, "__format__");
  if (meth == NULL)
    return NULL;
  if (spec == NULL)
    {
      HsObject *empty_spec = hs_str_new (vm, "", 0);

      result = hs_object_call (vm, meth, &empty_spec, 1, NULL);
      hs_decref (vm, empty_spec);
    }
  else
    result = hs_object_call (vm, meth, &spec, 1, NULL);
  hs_decref (vm, meth);
  if (result != NULL && !hs_str_check (result))
    {
      hs_err_format (vm, vm->types.TypeError, "__format__ must return a str, not %s",
                     hs_type_name (result));
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

HsObject *
hs_str_format_spec (HsVM     *vm,
                    HsObject *str,
                    HsObject *spec)
{
  return hs_object_format_builtin (vm, str, spec);
}

HsObject *
hs_format_fstring_value (HsVM     *vm,
                         HsObject *value,
                         int       conversion,
                         HsObject *spec)
{
  HsObject *converted = NULL, *result;

  switch (conversion)
    {
    case 's':
      converted = hs_object_str (vm, value);
      break;
    case 'r':
      converted = hs_object_repr (vm, value);
      break;
    case 'a':
      converted = hs_object_ascii (vm, value);
      break;
    default:
      break;
    }
  if (conversion == 's' || conversion == 'r' || conversion == 'a')
    {
      if (converted == NULL)
        return NULL;
      value = converted;
    }
  if (spec == NULL && hs_str_check_exact (value))
    result = hs_incref (value);
  else
    result = hs_object_format (vm, value, spec);
  hs_xdecref (vm, converted);
  return result;
}

HsObject *
_hs_str_method_dunder_format (HsVM            *vm,
                              HsObject        *callable,
                              HsObject *const *args,
                              gsize            nargs,
                              HsObject        *kwnames)
{
  if (!_hs_args_one (vm, "str.__format__", nargs, kwnames))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError, "__format__() argument must be str, not %s",
                          hs_type_name (args[1]));
  if (HS_STR (args[1])->len == 0 && hs_str_check_exact (args[0]))
    return hs_incref (args[0]);
  return hs_object_format_builtin (vm, args[0], args[1]);
}

/* ------------------------------------------------------------------ */
/* str.format                                                         */

typedef struct
{
  gsize start;
  gsize end;
} Sub;

enum
{
  AUTO_INIT,
  AUTO_AUTO,
  AUTO_MANUAL,
};

typedef struct
{
  HsVM            *vm;
  HsObject        *fmt;          /* the str being formatted (for its text) */
  const char      *s;
  HsObject *const *args;         /* positional arguments; NULL for format_map */
  gsize            nargs;
  HsObject        *kwnames;      /* str.format keywords, values at kwvalues */
  HsObject *const *kwvalues;
  HsObject        *mapping;      /* format_map */
  int              auto_state;
  gssize           auto_number;
} FormatCtx;

static HsObject *build_string (FormatCtx *ctx,
                               Sub        str,
                               int        depth);

/* get_integer(): the decimal value of a field name part, -1 if it is not
 * a number (an error is only raised for too many digits). */
static gboolean
get_integer (FormatCtx *ctx,
             Sub        sub,
             gssize    *out)
{
  const char *p = ctx->s + sub.start, *end = ctx->s + sub.end;
  gssize acc = 0;

  *out = -1;
  if (p >= end)
    return TRUE;
  while (p < end)
    {
      gsize adv;
      int d = _hs_unichar_decimal_value (_hs_utf8_get (p, &adv));

      p += adv;
      if (d < 0)
        return TRUE;
      if (acc > (G_MAXSSIZE - d) / 10)
        {
          hs_err_set_string (ctx->vm, ctx->vm->types.ValueError,
                             "Too many decimal digits in format string");
          return FALSE;
        }
      acc = acc * 10 + d;
    }
  *out = acc;
  return TRUE;
}

static HsObject *
sub_str (FormatCtx *ctx,
         Sub        sub)
{
  return hs_str_new (ctx->vm, ctx->s + sub.start, sub.end - sub.start);
}

static HsObject *
lookup_keyword (FormatCtx *ctx,
                Sub        name)
{
  HsVM *vm = ctx->vm;
  HsObject *key = sub_str (ctx, name), *value = NULL;

  if (key == NULL)
    return NULL;
  if (ctx->mapping != NULL)
    value = hs_object_getitem (vm, ctx->mapping, key);
  else
    {
      gsize nkw = _hs_args_nkw (ctx->kwnames);

      for (gsize i = 0; i < nkw; i++)
        if (hs_str_equal (HS_TUPLE (ctx->kwnames)->items[i], key))
          {
            value = hs_incref (ctx->kwvalues[i]);
            break;
          }
      if (value == NULL)
        hs_err_set_object (vm, vm->types.KeyError, key);
    }
  hs_decref (vm, key);
  return value;
}

static HsObject *
get_field_object (FormatCtx *ctx,
                  Sub        field)
{
  HsVM *vm = ctx->vm;
  const char *s = ctx->s;
  Sub first = { field.start, field.start };
  gsize i = field.start;
  gssize index;
  gboolean empty;
  HsObject *obj;

  /* field_name_split: the part up to the first '.' or '['. */
  while (i < field.end && s[i] != '.' && s[i] != '[')
    i++;
  first.end = i;
  if (!get_integer (ctx, first, &index))
    return NULL;
  empty = first.start >= first.end;
  if (empty || index != -1)
    {
      if (ctx->auto_state == AUTO_INIT)
        ctx->auto_state = empty ? AUTO_AUTO : AUTO_MANUAL;
      if (ctx->auto_state == AUTO_MANUAL && empty)
        return hs_err_set_string (vm, vm->types.ValueError,
                                  "cannot switch from manual field specification to "
                                  "automatic field numbering");
      if (ctx->auto_state == AUTO_AUTO && !empty)
        return hs_err_set_string (vm, vm->types.ValueError,
                                  "cannot switch from automatic field numbering to "
                                  "manual field specification");
      if (empty)
        index = ctx->auto_number++;
    }

  if (index == -1)
    obj = lookup_keyword (ctx, first);
  else if (ctx->args == NULL)
    return hs_err_set_string (vm, vm->types.ValueError, "Format string contains positional fields");
  else if ((gsize) index >= ctx->nargs)
    return hs_err_format (vm, vm->types.IndexError,
                          "Replacement index %" G_GSSIZE_FORMAT " out of range for positional args tuple",
                          index);
  else
    obj = hs_incref (ctx->args[index]);
  if (obj == NULL)
    return NULL;

  /* The rest: .attr and [key] lookups. */
  while (i < field.end)
    {
      gboolean is_attr = s[i] == '.';
      Sub name;
      HsObject *key, *next;
      gssize idx = -1;

      if (s[i] != '.' && s[i] != '[')
        {
          hs_decref (vm, obj);
          return hs_err_set_string (vm, vm->types.ValueError,
                                    "Only '.' or '[' may follow ']' in format field specifier");
        }
      i++;
      name.start = i;
      if (is_attr)
        {
          while (i < field.end && s[i] != '.' && s[i] != '[')
            i++;
          name.end = i;
        }
      else
        {
          while (i < field.end && s[i] != ']')
            i++;
          if (i >= field.end)
            {
              hs_decref (vm, obj);
              return hs_err_set_string (vm, vm->types.ValueError, "Missing ']' in format string");
            }
          name.end = i++;
          if (!get_integer (ctx, name, &idx))
            {
              hs_decref (vm, obj);
              return NULL;
            }
        }
      if (name.start == name.end)
        {
          hs_decref (vm, obj);
          return hs_err_set_string (vm, vm->types.ValueError, "Empty attribute in format string");
        }

      key = idx >= 0 ? hs_int_from_i64 (vm, idx) : sub_str (ctx, name);
      if (key == NULL)
        {
          hs_decref (vm, obj);
          return NULL;
        }
      next = is_attr ? hs_object_getattr (vm, obj, key) : hs_object_getitem (vm, obj, key);
      hs_decref (vm, key);
      hs_decref (vm, obj);
      if (next == NULL)
        return NULL;
      obj = next;
    }
  return obj;
}

/* parse_field(): after a '{', the field name, '!' conversion and ':' spec. */
static gboolean
parse_field (FormatCtx *ctx,
             gsize     *pos,
             gsize      end,
             Sub       *field_name,
             Sub       *format_spec,
             gboolean  *spec_needs_expanding,
             gunichar  *conversion)
{
  HsVM *vm = ctx->vm;
  const char *s = ctx->s;
  char c = 0;

  *conversion = 0;
  format_spec->start = format_spec->end = 0;
  field_name->start = *pos;
  while (*pos < end)
    {
      c = s[(*pos)++];
      if (c == '{')
        {
          hs_err_set_string (vm, vm->types.ValueError, "unexpected '{' in field name");
          return FALSE;
        }
      if (c == '[')
        {
          while (*pos < end && s[*pos] != ']')
            (*pos)++;
          continue;
        }
      if (c == '}' || c == ':' || c == '!')
        break;
    }
  field_name->end = *pos - 1;

  if (c == '!' || c == ':')
    {
      int count = 1;

      if (c == '!')
        {
          gsize adv;

          if (*pos >= end)
            {
              hs_err_set_string (vm, vm->types.ValueError,
                                 "end of string while looking for conversion specifier");
              return FALSE;
            }
          *conversion = _hs_utf8_get (s + *pos, &adv);
          *pos += adv;
          if (*pos < end)
            {
              c = s[(*pos)++];
              if (c == '}')
                return TRUE;
              if (c != ':')
                {
                  hs_err_set_string (vm, vm->types.ValueError,
                                     "expected ':' after conversion specifier");
                  return FALSE;
                }
            }
        }
      format_spec->start = *pos;
      while (*pos < end)
        {
          c = s[(*pos)++];
          if (c == '{')
            {
              *spec_needs_expanding = TRUE;
              count++;
            }
          else if (c == '}')
            {
              count--;
              if (count == 0)
                {
                  format_spec->end = *pos - 1;
                  return TRUE;
                }
            }
        }
      hs_err_set_string (vm, vm->types.ValueError, "unmatched '{' in format spec");
      return FALSE;
    }
  if (c != '}')
    {
      hs_err_set_string (vm, vm->types.ValueError, "expected '}' before end of string");
      return FALSE;
    }
  return TRUE;
}

/* MarkupIterator_next(): 1 at the end, 0 on error, 2 with a literal and
 * maybe a field. */
static int
markup_next (FormatCtx *ctx,
             gsize     *pos,
             gsize      end,
             Sub       *literal,
             gboolean  *field_present,
             Sub       *field_name,
             Sub       *format_spec,
             gunichar  *conversion,
             gboolean  *spec_needs_expanding)
{
  HsVM *vm = ctx->vm;
  const char *s = ctx->s;
  gboolean markup_follows = FALSE, at_end;
  gsize start, len;
  char c = 0;

  *field_present = FALSE;
  *spec_needs_expanding = FALSE;
  *conversion = 0;
  if (*pos >= end)
    return 1;

  start = *pos;
  while (*pos < end)
    {
      c = s[(*pos)++];
      if (c == '{' || c == '}')
        {
          markup_follows = TRUE;
          break;
        }
    }
  at_end = *pos >= end;
  len = *pos - start;

  if (markup_follows && c == '}' && (at_end || s[*pos] != '}'))
    {
      hs_err_set_string (vm, vm->types.ValueError, "Single '}' encountered in format string");
      return 0;
    }
  if (markup_follows && at_end && c == '{')
    {
      hs_err_set_string (vm, vm->types.ValueError, "Single '{' encountered in format string");
      return 0;
    }
  if (markup_follows && !at_end)
    {
      if (s[*pos] == c)
        {
          /* {{ or }}: the first brace is literal text. */
          (*pos)++;
          markup_follows = FALSE;
        }
      else
        len--;
    }
  literal->start = start;
  literal->end = start + len;
  if (!markup_follows)
    return 2;

  *field_present = TRUE;
  if (!parse_field (ctx, pos, end, field_name, format_spec, spec_needs_expanding, conversion))
    return 0;
  return 2;
}

static HsObject *
do_conversion (HsVM     *vm,
               HsObject *obj,
               gunichar  conversion)
{
  switch (conversion)
    {
    case 'r':
      return hs_object_repr (vm, obj);
    case 's':
      return hs_object_str (vm, obj);
    case 'a':
      return hs_object_ascii (vm, obj);
    default:
      if (conversion > 32 && conversion < 127)
        return hs_err_format (vm, vm->types.ValueError, "Unknown conversion specifier %c",
                              (char) conversion);
      return hs_err_format (vm, vm->types.ValueError, "Unknown conversion specifier \\x%x",
                            (unsigned int) conversion);
    }
}

/* render_field(): exact str/int/float are formatted straight into the
 * writer; anything else goes through format(). */
static gboolean
render_field (HsVM       *vm,
              Writer     *w,
              HsObject   *obj,
              const char *spec,
              gsize       spec_len)
{
  HsType *t = obj->ob_type;

  if (t == vm->types.str || t == vm->types.int_ || t == vm->types.float_)
    {
      g_autofree char *text = NULL;
      gsize len;

      if (t == vm->types.str && spec_len == 0)
        {
          writer_str (vm, w, obj);
          return TRUE;
        }
      text = format_builtin_text (vm, obj, t, spec, spec_len, &len);
      if (text == NULL)
        return FALSE;
      if (t == vm->types.str && len == HS_STR (obj)->nbytes
          && memcmp (text, HS_STR (obj)->utf8, len) == 0)
        writer_str (vm, w, obj);
      else
        writer_text (vm, w, text, len);
      return TRUE;
    }
  else
    {
      HsObject *spec_obj = hs_str_new (vm, spec, spec_len);
      HsObject *r;

      if (spec_obj == NULL)
        return FALSE;
      r = hs_object_format (vm, obj, spec_obj);
      hs_decref (vm, spec_obj);
      if (r == NULL)
        return FALSE;
      writer_str (vm, w, r);
      hs_decref (vm, r);
      return TRUE;
    }
}

static gboolean
output_markup (FormatCtx *ctx,
               Writer    *w,
               Sub        field_name,
               Sub        format_spec,
               gboolean   spec_needs_expanding,
               gunichar   conversion,
               int        depth)
{
  HsVM *vm = ctx->vm;
  HsObject *obj, *expanded = NULL;
  const char *spec = ctx->s + format_spec.start;
  gsize spec_len = format_spec.end - format_spec.start;
  gboolean ok;

  obj = get_field_object (ctx, field_name);
  if (obj == NULL)
    return FALSE;
  if (conversion != 0)
    {
      HsObject *c = do_conversion (vm, obj, conversion);

      hs_decref (vm, obj);
      if (c == NULL)
        return FALSE;
      obj = c;
    }
  if (spec_needs_expanding)
    {
      expanded = build_string (ctx, format_spec, depth - 1);
      if (expanded == NULL)
        {
          hs_decref (vm, obj);
          return FALSE;
        }
      spec = HS_STR (expanded)->utf8;
      spec_len = HS_STR (expanded)->nbytes;
    }
  ok = render_field (vm, w, obj, spec, spec_len);
  hs_xdecref (vm, expanded);
  hs_decref (vm, obj);
  return ok;
}

static HsObject *
build_string (FormatCtx *ctx,
              Sub        str,
              int        depth)
{
  HsVM *vm = ctx->vm;
  Writer w;
  gsize pos = str.start;
  int r;

  if (depth <= 0)
    return hs_err_set_string (vm, vm->types.ValueError, "Max string recursion exceeded");

  writer_init (&w);
  for (;;)
    {
      Sub literal, field_name = { 0, 0 }, format_spec = { 0, 0 };
      gboolean field_present, expand;
      gunichar conversion;

      r = markup_next (ctx, &pos, str.end, &literal, &field_present, &field_name, &format_spec,
                       &conversion, &expand);
      if (r != 2)
        break;
      if (literal.end != literal.start)
        {
          if (!field_present && pos == str.end)
            w.overallocate = FALSE;
          if (literal.start == 0 && literal.end == HS_STR (ctx->fmt)->nbytes)
            writer_str (vm, &w, ctx->fmt);
          else
            writer_text (vm, &w, ctx->s + literal.start, literal.end - literal.start);
        }
      if (field_present)
        {
          if (pos == str.end)
            w.overallocate = FALSE;
          if (!output_markup (ctx, &w, field_name, format_spec, expand, conversion, depth))
            {
              r = 0;
              break;
            }
        }
    }
  if (r == 0)
    {
      writer_clear (vm, &w);
      return NULL;
    }
  return writer_finish (vm, &w);
}

HsObject *
_hs_str_method_format (HsVM            *vm,
                       HsObject        *callable,
                       HsObject *const *args,
                       gsize            nargs,
                       HsObject        *kwnames)
{
  FormatCtx ctx = { 0 };
  Sub all;

  ctx.vm = vm;
  ctx.fmt = args[0];
  ctx.s = HS_STR (args[0])->utf8;
  ctx.args = args + 1;
  ctx.nargs = nargs - 1;
  ctx.kwnames = kwnames;
  ctx.kwvalues = args + nargs;
  all.start = 0;
  all.end = HS_STR (args[0])->nbytes;
  return build_string (&ctx, all, 2);
}

HsObject *
_hs_str_method_format_map (HsVM            *vm,
                           HsObject        *callable,
                           HsObject *const *args,
                           gsize            nargs,
                           HsObject        *kwnames)
{
  FormatCtx ctx = { 0 };
  Sub all;

  if (!_hs_args_one (vm, "str.format_map", nargs, kwnames))
    return NULL;
  ctx.vm = vm;
  ctx.fmt = args[0];
  ctx.s = HS_STR (args[0])->utf8;
  ctx.mapping = args[1];
  all.start = 0;
  all.end = HS_STR (args[0])->nbytes;
  return build_string (&ctx, all, 2);
}

/* ------------------------------------------------------------------ */
/* str % args                                                         */

typedef struct
{
  HsVM      *vm;
  HsObject  *args;        /* the current argument source (owned when from a key) */
  gboolean   args_owned;
  gssize     arglen;      /* -1: a single non-tuple argument */
  gssize     argidx;
  HsObject  *dict;        /* the mapping for %(key)s, or NULL */
} PercentCtx;

static HsObject *
next_arg (PercentCtx *ctx)
{
  gssize i = ctx->argidx;

  if (i < ctx->arglen)
    {
      ctx->argidx++;
      if (ctx->arglen < 0)
        return ctx->args;
      return HS_TUPLE (ctx->args)->items[i];
    }
  return hs_err_set_string (ctx->vm, ctx->vm->types.TypeError,
                            "not enough arguments for format string");
}

static void
set_args (PercentCtx *ctx,
          HsObject   *value)
{
  if (ctx->args_owned)
    hs_decref (ctx->vm, ctx->args);
  ctx->args = value;
  ctx->args_owned = TRUE;
  ctx->arglen = -1;
  ctx->argidx = -2;
}

/* A '*' width or precision: an int that fits. */
static gboolean
star_arg (PercentCtx *ctx,
          gint64     *out,
          gboolean    is_precision)
{
  HsVM *vm = ctx->vm;
  HsObject *v = next_arg (ctx);

  if (v == NULL)
    return FALSE;
  if (!hs_int_check (v))
    {
      hs_err_set_string (vm, vm->types.TypeError, "* wants int");
      return FALSE;
    }
  if (!hs_int_as_i64 (NULL, v, out) || (is_precision && (*out > G_MAXINT || *out < G_MININT)))
    {
      hs_err_set_string (vm, vm->types.OverflowError,
                         is_precision ? "Python int too large to convert to C int"
                                      : "Python int too large to convert to C ssize_t");
      return FALSE;
    }
  return TRUE;
}

/* The int of a d/i/u/o/x/X argument, or NULL (TypeError for the wrong type). */
static HsObject *
percent_int_arg (HsVM     *vm,
                 HsObject *v,
                 gunichar  type)
{
  gboolean index_only = type == 'o' || type == 'x' || type == 'X';
  HsObject *r = NULL;

  if (hs_int_check (v))
    return hs_incref (v);
  if (v->ob_type->nb_index != NULL)
    r = v->ob_type->nb_index (vm, v);
  else if (!index_only && (hs_float_check (v) || hs_type_lookup_cstr (v->ob_type, "__int__") != NULL))
    r = hs_object_call (vm, (HsObject *) vm->types.int_, &v, 1, NULL);
  else
    goto wrongtype;
  if (r == NULL && hs_err_matches (vm, vm->types.TypeError))
    {
      hs_err_clear (vm);
      goto wrongtype;
    }
  return r;

wrongtype:
  if (index_only)
    return hs_err_format (vm, vm->types.TypeError, "%%%c format: an integer is required, not %s",
                          (char) type, hs_type_name (v));
  return hs_err_format (vm, vm->types.TypeError, "%%%c format: a real number is required, not %s",
                        (char) type, hs_type_name (v));
}

static gboolean
percent_float_arg (HsVM     *vm,
                   HsObject *v,
                   double   *out)
{
  gboolean ok = TRUE;
  HsObject *f;

  if (hs_float_check (v))
    {
      *out = HS_FLOAT (v)->value;
      return TRUE;
    }
  if (hs_int_check (v))
    {
      *out = hs_int_as_double (vm, v, &ok);
      return ok;
    }
  if (hs_type_lookup_cstr (v->ob_type, "__float__") == NULL && v->ob_type->nb_index == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "must be real number, not %s", hs_type_name (v));
      return FALSE;
    }
  f = hs_object_call (vm, (HsObject *) vm->types.float_, &v, 1, NULL);
  if (f == NULL)
    return FALSE;
  *out = HS_FLOAT (f)->value;
  hs_decref (vm, f);
  return TRUE;
}

/* One conversion with its argument @v, written to @w. */
static gboolean
percent_convert (HsVM          *vm,
                 Writer        *w,
                 HsPercentSpec *spec,
                 HsObject      *v)
{
  GError *error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  gunichar ch = spec->conversion;

  switch (ch)
    {
    case 's':
    case 'r':
    case 'a':
      {
        HsObject *s;
        gsize n;

        if (ch == 's' && hs_str_check_exact (v))
          s = hs_incref (v);
        else
          s = ch == 's' ? hs_object_str (vm, v) : ch == 'r' ? hs_object_repr (vm, v)
                                                         : hs_object_ascii (vm, v);
        if (s == NULL)
          return FALSE;
        n = HS_STR (s)->len;
        if ((spec->width < 0 || (gsize) spec->width <= n)
            && (spec->precision < 0 || (gsize) spec->precision >= n)
            && !(spec->flags & (HS_PERCENT_SIGN | HS_PERCENT_BLANK)))
          {
            writer_str (vm, w, s);
            hs_decref (vm, s);
            return TRUE;
          }
        text = hs_percent_format_text (spec, HS_STR (s)->utf8, HS_STR (s)->nbytes, &len, &error);
        hs_decref (vm, s);
        break;
      }

    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      {
        HsObject *iobj = percent_int_arg (vm, v, ch);
        g_autoptr(HsBigInt) big = NULL;

        if (iobj == NULL)
          return FALSE;
        big = hs_int_to_bigint (iobj);
        hs_decref (vm, iobj);
        text = hs_percent_format_int (spec, big, vm->int_max_str_digits, &len, &error);
        break;
      }

    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      {
        double x;

        if (!percent_float_arg (vm, v, &x))
          return FALSE;
        text = hs_percent_format_float (spec, x, &len, &error);
        break;
      }

    case 'c':
    default:
      {
        gunichar c;
        char buf[4];
        gsize n;

        if (hs_str_check (v))
          {
            gsize adv;

            if (HS_STR (v)->len != 1)
              {
                hs_err_set_string (vm, vm->types.TypeError, "%c requires int or char");
                return FALSE;
              }
            c = _hs_utf8_get (HS_STR (v)->utf8, &adv);
          }
        else
          {
            HsObject *iobj = NULL;
            g_autoptr(HsBigInt) big = NULL;

            if (hs_int_check (v))
              iobj = hs_incref (v);
            else if (v->ob_type->nb_index != NULL)
              iobj = v->ob_type->nb_index (vm, v);
            if (iobj == NULL)
              {
                if (!hs_err_occurred (vm) || hs_err_matches (vm, vm->types.TypeError))
                  {
                    hs_err_clear (vm);
                    hs_err_set_string (vm, vm->types.TypeError, "%c requires int or char");
                  }
                return FALSE;
              }
            big = hs_int_to_bigint (iobj);
            hs_decref (vm, iobj);
            if (!hs_percent_char_code (big, &c, &error))
              {
                raise_gerror (vm, error);
                return FALSE;
              }
          }
        n = _hs_utf8_put (c, buf);
        if (spec->width < 0 && spec->precision < 0)
          {
            writer_text (vm, w, buf, n);
            return TRUE;
          }
        text = hs_percent_format_text (spec, buf, n, &len, &error);
        break;
      }
    }

  if (text == NULL)
    {
      raise_gerror (vm, error);
      return FALSE;
    }
  writer_text (vm, w, text, len);
  return TRUE;
}

static gboolean
percent_one (PercentCtx *ctx,
             Writer     *w,
             const char *f,
             gsize       flen,
             gsize      *pos)
{
  HsVM *vm = ctx->vm;
  HsPercentSpec spec;
  GError *error = NULL;
  HsObject *v;

  /* "%(key)": CPython looks the key up before parsing the rest. */
  if (*pos < flen && f[*pos] == '(')
    {
      gsize p = *pos + 1, key_start = p;
      int depth = 1;
      HsObject *key, *value;

      if (ctx->dict == NULL)
        {
          hs_err_set_string (vm, vm->types.TypeError, "format requires a mapping");
          return FALSE;
        }
      while (depth > 0 && p < flen)
        {
          if (f[p] == ')')
            depth--;
          else if (f[p] == '(')
            depth++;
          p++;
        }
      if (depth > 0)
        {
          hs_err_set_string (vm, vm->types.ValueError, "incomplete format key");
          return FALSE;
        }
      key = hs_str_new (vm, f + key_start, p - 1 - key_start);
      if (key == NULL)
        return FALSE;
      value = hs_object_getitem (vm, ctx->dict, key);
      hs_decref (vm, key);
      if (value == NULL)
        return FALSE;
      set_args (ctx, value);
    }

  if (!hs_percent_spec_parse (f, flen, pos, &spec, &error))
    {
      raise_gerror (vm, error);
      return FALSE;
    }
  if (spec.is_escape)
    {
      writer_text (vm, w, "%", 1);
      return TRUE;
    }
  if (spec.width_star)
    {
      gint64 width;

      if (!star_arg (ctx, &width, FALSE))
        return FALSE;
      hs_percent_spec_set_width (&spec, width);
    }
  if (spec.precision_star)
    {
      gint64 prec;

      if (!star_arg (ctx, &prec, TRUE))
        return FALSE;
      hs_percent_spec_set_precision (&spec, prec);
    }
  /* The last conversion of the format may hand its str over as the result. */
  if (*pos >= flen)
    w->overallocate = FALSE;

  v = next_arg (ctx);
  if (v == NULL)
    return FALSE;
  if (!hs_percent_check_conversion (&spec, &error))
    {
      raise_gerror (vm, error);
      return FALSE;
    }
  if (!percent_convert (vm, w, &spec, v))
    return FALSE;
  if (ctx->dict != NULL && ctx->argidx < ctx->arglen)
    {
      hs_err_set_string (vm, vm->types.TypeError,
                         "not all arguments converted during string formatting");
      return FALSE;
    }
  return TRUE;
}

HsObject *
hs_str_percent_format (HsVM     *vm,
                       HsObject *format,
                       HsObject *args)
{
  const char *f = HS_STR (format)->utf8;
  gsize flen = HS_STR (format)->nbytes, pos = 0;
  PercentCtx ctx = { 0 };
  Writer w;
  gboolean ok = TRUE;

  ctx.vm = vm;
  ctx.args = args;
  if (args->ob_type == vm->types.tuple || hs_isinstance (args, vm->types.tuple))
    {
      ctx.arglen = HS_TUPLE (args)->len;
      ctx.argidx = 0;
    }
  else
    {
      ctx.arglen = -1;
      ctx.argidx = -2;
    }
  /* PyMapping_Check: anything subscriptable but a tuple or a str. */
  if (args->ob_type->mp_subscript != NULL && !hs_isinstance (args, vm->types.tuple)
      && !hs_str_check (args))
    ctx.dict = args;

  writer_init (&w);
  while (pos < flen && ok)
    {
      const char *pct = memchr (f + pos, '%', flen - pos);
      gsize stop = pct != NULL ? (gsize) (pct - f) : flen;

      if (stop > pos)
        {
          if (pct == NULL)
            w.overallocate = FALSE;
          if (pos == 0 && stop == flen)
            writer_str (vm, &w, format);
          else
            writer_text (vm, &w, f + pos, stop - pos);
        }
      if (pct == NULL)
        break;
      pos = stop + 1;
      ok = percent_one (&ctx, &w, f, flen, &pos);
    }
  if (ok && ctx.argidx < ctx.arglen && ctx.dict == NULL)
    {
      hs_err_set_string (vm, vm->types.TypeError,
                         "not all arguments converted during string formatting");
      ok = FALSE;
    }
  if (ctx.args_owned)
    hs_decref (vm, ctx.args);
  if (!ok)
    {
      writer_clear (vm, &w);
      return NULL;
    }
  return writer_finish (vm, &w);
}
