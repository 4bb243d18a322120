/* hs-str-methods.c — str methods: case mapping, predicates, search, padding, replace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Semantics and error messages are CPython 3.11's (Objects/unicodeobject.c
 * and Objects/stringlib), including when a method hands back the original
 * object instead of a copy ('abc'.strip() is the same object), since that
 * shows in sys.getrefcount and `is`. The split family lives in
 * hs-str-split.c, str.format in hs-str-format.c.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-number-object.h"
#include "hs-str-private.h"
#include "hs-vm.h"

#define SELF(args) HS_STR ((args)[0])

/* ------------------------------------------------------------------ */
/* Case mapping                                                       */

typedef enum
{
  CASE_UPPER,
  CASE_LOWER,
  CASE_CASEFOLD,
  CASE_SWAPCASE,
  CASE_TITLE,
  CASE_CAPITALIZE,
} CaseOp;

/* Unicode Case_Ignorable, approximated: Mn Me Cf Lm Sk and the
 * MidLetter/MidNumLet/Single_Quote punctuation. */
static gboolean
is_case_ignorable (gunichar c)
{
  switch (c)
    {
    case 0x27: case 0x2E: case 0x3A: case 0x5E: case 0x60: case 0xA8: case 0xAD:
    case 0xAF: case 0xB4: case 0xB7: case 0xB8: case 0x2018: case 0x2019:
    case 0x2024: case 0x2027:
      return TRUE;
    default:
      break;
    }
  if (c < 0x80)
    return FALSE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_MODIFIER_SYMBOL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Σ becomes ς at the end of a word (CPython's handle_capital_sigma). */
static gunichar
capital_sigma (const gunichar *s,
               gsize           len,
               gsize           i)
{
  gssize j;
  gunichar c = 0;
  gboolean final_sigma;

  for (j = (gssize) i - 1; j >= 0; j--)
    {
      c = s[j];
      if (!is_case_ignorable (c))
        break;
    }
  final_sigma = j >= 0 && _hs_unichar_iscased (c);
  if (final_sigma && i + 1 < len)
    {
      gsize k;

      for (k = i + 1; k < len; k++)
        {
          c = s[k];
          if (!is_case_ignorable (c))
            break;
        }
      final_sigma = k == len || !_hs_unichar_iscased (c);
    }
  return final_sigma ? 0x3C2 : 0x3C3;
}

static gboolean
is_surrogate (gunichar c)
{
  return c >= 0xD800 && c <= 0xDFFF;
}

/* Full (SpecialCasing) mappings through GLib, one character at a time:
 * ASCII is done here so GLib's Turkish-locale rules never apply to i/I. */
static void
append_glib_mapped (GString  *out,
                    gunichar  c,
                    char   *(*map) (const gchar *, gssize))
{
  char buf[4];
  gsize n = _hs_utf8_put (c, buf);
  g_autofree char *m = map (buf, n);

  g_string_append (out, m);
}

static void
append_upper (GString  *out,
              gunichar  c)
{
  if (c < 0x80)
    g_string_append_c (out, g_ascii_toupper (c));
  else if (is_surrogate (c))
    _hs_gstring_append_unichar (out, c);
  else
    append_glib_mapped (out, c, g_utf8_strup);
}

static void
append_lower (GString        *out,
              const gunichar *s,
              gsize           len,
              gsize           i)
{
  gunichar c = s[i];

  if (c < 0x80)
    g_string_append_c (out, g_ascii_tolower (c));
  else if (c == 0x3A3)
    _hs_gstring_append_unichar (out, capital_sigma (s, len, i));
  else if (is_surrogate (c))
    _hs_gstring_append_unichar (out, c);
  else
    append_glib_mapped (out, c, g_utf8_strdown);
}

static void
append_casefold (GString  *out,
                 gunichar  c)
{
  if (c < 0x80)
    g_string_append_c (out, g_ascii_tolower (c));
  else if (is_surrogate (c))
    _hs_gstring_append_unichar (out, c);
  else
    append_glib_mapped (out, c, g_utf8_casefold);
}

/* Full titlecase: the simple mapping when there is one (ǆ → ǅ), otherwise
 * the full uppercase with everything after its first cased character
 * lowered (ß → Ss, ﬁ → Fi, ŉ → ʼN). */
static void
append_title (GString  *out,
              gunichar  c)
{
  g_autoptr(GString) up = NULL;
  gunichar t;
  gboolean seen_cased = FALSE;
  const char *p, *end;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_toupper (c));
      return;
    }
  if (is_surrogate (c))
    {
      _hs_gstring_append_unichar (out, c);
      return;
    }
  t = g_unichar_totitle (c);
  up = g_string_new (NULL);
  append_upper (up, c);
  if (t != c || g_utf8_strlen (up->str, up->len) <= 1)
    {
      _hs_gstring_append_unichar (out, t);
      return;
    }
  p = up->str;
  end = up->str + up->len;
  while (p < end)
    {
      gsize adv;
      gunichar u = _hs_utf8_get (p, &adv);

      p += adv;
      if (seen_cased)
        u = g_unichar_tolower (u);
      else if (_hs_unichar_iscased (u))
        seen_cased = TRUE;
      _hs_gstring_append_unichar (out, u);
    }
}

static HsObject *
case_map (HsVM     *vm,
          HsObject *self,
          CaseOp    op)
{
  HsStr *s = HS_STR (self);
  g_autoptr(GString) out = NULL;
  g_autofree gunichar *chars = NULL;
  gboolean prev_cased = FALSE;

  if (s->len == 0)
    return _hs_str_unchanged (vm, self);

  out = g_string_sized_new (s->nbytes + 8);
  chars = _hs_str_ucs4 (self);
  for (gsize i = 0; i < s->len; i++)
    {
      gunichar c = chars[i];

      switch (op)
        {
        case CASE_UPPER:
          append_upper (out, c);
          break;
        case CASE_LOWER:
          append_lower (out, chars, s->len, i);
          break;
        case CASE_CASEFOLD:
          append_casefold (out, c);
          break;
        case CASE_SWAPCASE:
          if (_hs_unichar_isupper (c))
            append_lower (out, chars, s->len, i);
          else if (_hs_unichar_islower (c))
            append_upper (out, c);
          else
            _hs_gstring_append_unichar (out, c);
          break;
        case CASE_TITLE:
          if (prev_cased)
            append_lower (out, chars, s->len, i);
          else
            append_title (out, c);
          prev_cased = _hs_unichar_iscased (c);
          break;
        case CASE_CAPITALIZE:
        default:
          if (i == 0)
            append_title (out, c);
          else
            append_lower (out, chars, s->len, i);
          break;
        }
    }
  /* Case mapping always builds a new object, even for one character. */
  return hs_str_new_uncached (vm, out->str, out->len);
}

#define CASE_METHOD(fn, qualname, op)                                           \
  static HsObject *                                                             \
  fn (HsVM            *vm,                                                      \
      HsObject        *callable,                                                \
      HsObject *const *args,                                                    \
      gsize            nargs,                                                   \
      HsObject        *kwnames)                                                 \
  {                                                                             \
    if (!_hs_args_none (vm, qualname, nargs, kwnames))                          \
      return NULL;                                                              \
    return case_map (vm, args[0], op);                                          \
  }

CASE_METHOD (str_upper, "str.upper", CASE_UPPER)
CASE_METHOD (str_lower, "str.lower", CASE_LOWER)
CASE_METHOD (str_casefold, "str.casefold", CASE_CASEFOLD)
CASE_METHOD (str_swapcase, "str.swapcase", CASE_SWAPCASE)
CASE_METHOD (str_title, "str.title", CASE_TITLE)
CASE_METHOD (str_capitalize, "str.capitalize", CASE_CAPITALIZE)

/* ------------------------------------------------------------------ */
/* Predicates                                                         */

typedef enum
{
  PRED_DIGIT,
  PRED_DECIMAL,
  PRED_NUMERIC,
  PRED_ALPHA,
  PRED_ALNUM,
  PRED_SPACE,
  PRED_PRINTABLE,
} CharPred;

static gboolean
char_pred (CharPred  pred,
           gunichar  c)
{
  switch (pred)
    {
    case PRED_DIGIT:     return _hs_unichar_isdigit (c);
    case PRED_DECIMAL:   return _hs_unichar_isdecimal (c);
    case PRED_NUMERIC:   return _hs_unichar_isnumeric (c);
    case PRED_ALPHA:     return _hs_unichar_isalpha (c);
    case PRED_ALNUM:     return _hs_unichar_isalpha (c) || _hs_unichar_isnumeric (c);
    case PRED_SPACE:     return _hs_unichar_isspace (c);
    case PRED_PRINTABLE: return _hs_unichar_isprintable (c);
    default:             return FALSE;
    }
}

static HsObject *
all_chars (HsVM     *vm,
           HsObject *self,
           CharPred  pred)
{
  HsStr *s = HS_STR (self);
  const char *p = s->utf8, *end = s->utf8 + s->nbytes;

  /* '' is printable but not a digit, a letter or a space. */
  if (s->len == 0)
    return hs_bool (vm, pred == PRED_PRINTABLE);
  while (p < end)
    {
      gsize adv;
      gunichar c = _hs_utf8_get (p, &adv);

      p += adv;
      if (!char_pred (pred, c))
        return hs_bool (vm, FALSE);
    }
  return hs_bool (vm, TRUE);
}

#define PRED_METHOD(fn, qualname, pred)                                         \
  static HsObject *                                                             \
  fn (HsVM            *vm,                                                      \
      HsObject        *callable,                                                \
      HsObject *const *args,                                                    \
      gsize            nargs,                                                   \
      HsObject        *kwnames)                                                 \
  {                                                                             \
    if (!_hs_args_none (vm, qualname, nargs, kwnames))                          \
      return NULL;                                                              \
    return all_chars (vm, args[0], pred);                                       \
  }

PRED_METHOD (str_isdigit, "str.isdigit", PRED_DIGIT)
PRED_METHOD (str_isdecimal, "str.isdecimal", PRED_DECIMAL)
PRED_METHOD (str_isnumeric, "str.isnumeric", PRED_NUMERIC)
PRED_METHOD (str_isalpha, "str.isalpha", PRED_ALPHA)
PRED_METHOD (str_isalnum, "str.isalnum", PRED_ALNUM)
PRED_METHOD (str_isspace, "str.isspace", PRED_SPACE)
PRED_METHOD (str_isprintable, "str.isprintable", PRED_PRINTABLE)

static HsObject *
str_isascii (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  if (!_hs_args_none (vm, "str.isascii", nargs, kwnames))
    return NULL;
  return hs_bool (vm, SELF (args)->kind == HS_STR_ASCII);
}

/* isupper/islower: no character of the other case (or titlecase), and at
 * least one of this case. */
static HsObject *
cased_pred (HsVM     *vm,
            HsObject *self,
            gboolean  upper)
{
  HsStr *s = HS_STR (self);
  const char *p = s->utf8, *end = s->utf8 + s->nbytes;
  gboolean cased = FALSE;

  while (p < end)
    {
      gsize adv;
      gunichar c = _hs_utf8_get (p, &adv);

      p += adv;
      if ((upper ? _hs_unichar_islower (c) : _hs_unichar_isupper (c)) || _hs_unichar_istitle (c))
        return hs_bool (vm, FALSE);
      if (upper ? _hs_unichar_isupper (c) : _hs_unichar_islower (c))
        cased = TRUE;
    }
  return hs_bool (vm, cased);
}

static HsObject *
str_isupper (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  if (!_hs_args_none (vm, "str.isupper", nargs, kwnames))
    return NULL;
  return cased_pred (vm, args[0], TRUE);
}

static HsObject *
str_islower (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  if (!_hs_args_none (vm, "str.islower", nargs, kwnames))
    return NULL;
  return cased_pred (vm, args[0], FALSE);
}

static HsObject *
str_istitle (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsStr *s;
  const char *p, *end;
  gboolean cased = FALSE, prev_cased = FALSE;

  if (!_hs_args_none (vm, "str.istitle", nargs, kwnames))
    return NULL;
  s = SELF (args);
  p = s->utf8;
  end = s->utf8 + s->nbytes;
  while (p < end)
    {
      gsize adv;
      gunichar c = _hs_utf8_get (p, &adv);

      p += adv;
      if (_hs_unichar_isupper (c) || _hs_unichar_istitle (c))
        {
          if (prev_cased)
            return hs_bool (vm, FALSE);
          prev_cased = cased = TRUE;
        }
      else if (_hs_unichar_islower (c))
        {
          if (!prev_cased)
            return hs_bool (vm, FALSE);
          prev_cased = cased = TRUE;
        }
      else
        prev_cased = FALSE;
    }
  return hs_bool (vm, cased);
}

static HsObject *
str_isidentifier (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  HsStr *s;
  const char *p, *end;
  gboolean first = TRUE;

  if (!_hs_args_none (vm, "str.isidentifier", nargs, kwnames))
    return NULL;
  s = SELF (args);
  if (s->len == 0)
    return hs_bool (vm, FALSE);
  p = s->utf8;
  end = s->utf8 + s->nbytes;
  while (p < end)
    {
      gsize adv;
      gunichar c = _hs_utf8_get (p, &adv);

      p += adv;
      if (first ? !_hs_unichar_isidstart (c) : !_hs_unichar_isidcontinue (c))
        return hs_bool (vm, FALSE);
      first = FALSE;
    }
  return hs_bool (vm, TRUE);
}

/* ------------------------------------------------------------------ */
/* strip                                                              */

typedef enum
{
  STRIP_LEFT = 1,
  STRIP_RIGHT = 2,
  STRIP_BOTH = 3,
} StripSide;

static gboolean
in_chars (const gunichar *set,
          gsize           n,
          gunichar        c)
{
  for (gsize i = 0; i < n; i++)
    if (set[i] == c)
      return TRUE;
  return FALSE;
}

static HsObject *
do_strip (HsVM            *vm,
          const char      *qualname,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames,
          StripSide        side)
{
  HsObject *self = args[0];
  HsObject *chars_obj = nargs > 1 ? args[1] : NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *set = NULL;
  gsize nset = 0, i, j, len;

  if (!_hs_args_clinic_pos (vm, qualname, nargs, kwnames, 0, 1))
    return NULL;
  if (chars_obj == vm->none)
    chars_obj = NULL;
  if (chars_obj != NULL && !hs_str_check (chars_obj))
    return hs_err_format (vm, vm->types.TypeError, "%s arg must be None or str",
                          strrchr (qualname, '.') + 1);
  if (chars_obj != NULL)
    {
      set = _hs_str_ucs4 (chars_obj);
      nset = HS_STR (chars_obj)->len;
    }

  len = HS_STR (self)->len;
  chars = _hs_str_ucs4 (self);
  i = 0;
  j = len;
  if (side & STRIP_LEFT)
    while (i < j && (set != NULL ? in_chars (set, nset, chars[i]) : _hs_unichar_isspace (chars[i])))
      i++;
  if (side & STRIP_RIGHT)
    while (j > i && (set != NULL ? in_chars (set, nset, chars[j - 1]) : _hs_unichar_isspace (chars[j - 1])))
      j--;
  if (i == 0 && j == len)
    return _hs_str_unchanged (vm, self);
  return _hs_str_from_ucs4 (vm, chars + i, j - i, TRUE);
}

static HsObject *
str_strip (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  return do_strip (vm, "str.strip", args, nargs, kwnames, STRIP_BOTH);
}

static HsObject *
str_lstrip (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  return do_strip (vm, "str.lstrip", args, nargs, kwnames, STRIP_LEFT);
}

static HsObject *
str_rstrip (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  return do_strip (vm, "str.rstrip", args, nargs, kwnames, STRIP_RIGHT);
}

/* ------------------------------------------------------------------ */
/* find, count, startswith                                            */

/* CPython's ADJUST_INDICES. */
static void
adjust_indices (gssize *start,
                gssize *end,
                gssize  len)
{
  if (*end > len)
    *end = len;
  else if (*end < 0)
    {
      *end += len;
      if (*end < 0)
        *end = 0;
    }
  if (*start < 0)
    {
      *start += len;
      if (*start < 0)
        *start = 0;
    }
}

static gsize
count_chars (const char *p,
             gsize       n)
{
  gsize len = 0;

  for (gsize i = 0; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      len++;
  return len;
}

/* Parses (sub[, start[, end]]) of find/count/index. */
static gboolean
parse_find_args (HsVM            *vm,
                 const char      *qualname,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames,
                 gssize          *start,
                 gssize          *end)
{
  if (!_hs_args_tuple (vm, qualname, nargs, kwnames, 1, 3))
    return FALSE;
  *start = 0;
  *end = G_MAXSSIZE;
  if (nargs > 2 && !_hs_arg_slice_index (vm, args[2], start))
    return FALSE;
  if (nargs > 3 && !_hs_arg_slice_index (vm, args[3], end))
    return FALSE;
  return TRUE;
}

/* Code-point index of @sub in self[start:end], or -1. */
static gssize
find_in (HsObject *self,
         HsObject *sub,
         gssize    start,
         gssize    end,
         gboolean  reverse)
{
  HsStr *s = HS_STR (self), *t = HS_STR (sub);
  gsize b0, b1;
  gssize pos;

  adjust_indices (&start, &end, s->len);
  if (end - start < (gssize) t->len)
    return -1;
  if (t->len == 0)
    return reverse ? end : start;
  b0 = _hs_str_byte_offset (self, start);
  b1 = _hs_str_byte_offset (self, end);
  pos = reverse ? _hs_rfind_bytes (s->utf8 + b0, b1 - b0, t->utf8, t->nbytes)
                : _hs_find_bytes (s->utf8 + b0, b1 - b0, t->utf8, t->nbytes);
  if (pos < 0)
    return -1;
  return start + count_chars (s->utf8 + b0, pos);
}

static HsObject *
do_find (HsVM            *vm,
         const char      *qualname,
         HsObject *const *args,
         gsize            nargs,
         HsObject        *kwnames,
         gboolean         reverse,
         gboolean         raise)
{
  gssize start, end, r;

  if (!parse_find_args (vm, qualname, args, nargs, kwnames, &start, &end))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError, "must be str, not %s", hs_type_name (args[1]));
  r = find_in (args[0], args[1], start, end, reverse);
  if (r < 0 && raise)
    return hs_err_set_string (vm, vm->types.ValueError, "substring not found");
  return hs_int_from_i64 (vm, r);
}

static HsObject *
str_find (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  return do_find (vm, "str.find", args, nargs, kwnames, FALSE, FALSE);
}

static HsObject *
str_rfind (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  return do_find (vm, "str.rfind", args, nargs, kwnames, TRUE, FALSE);
}

static HsObject *
str_index (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  return do_find (vm, "str.index", args, nargs, kwnames, FALSE, TRUE);
}

static HsObject *
str_rindex (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  return do_find (vm, "str.rindex", args, nargs, kwnames, TRUE, TRUE);
}

static HsObject *
str_count (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsStr *s, *t;
  gssize start, end, n = 0;
  gsize b0, b1, off;

  if (!parse_find_args (vm, "str.count", args, nargs, kwnames, &start, &end))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError, "must be str, not %s", hs_type_name (args[1]));
  s = SELF (args);
  t = HS_STR (args[1]);
  adjust_indices (&start, &end, s->len);
  if (end - start < (gssize) t->len)
    return hs_int_from_i64 (vm, 0);
  if (t->len == 0)
    return hs_int_from_i64 (vm, end - start + 1);
  b0 = _hs_str_byte_offset (args[0], start);
  b1 = _hs_str_byte_offset (args[0], end);
  off = b0;
  for (;;)
    {
      gssize pos = _hs_find_bytes (s->utf8 + off, b1 - off, t->utf8, t->nbytes);

      if (pos < 0)
        break;
      n++;
      off += pos + t->nbytes;
    }
  return hs_int_from_i64 (vm, n);
}

static int
tailmatch (HsObject *self,
           HsObject *sub,
           gssize    start,
           gssize    end,
           gboolean  at_end)
{
  HsStr *s = HS_STR (self), *t = HS_STR (sub);
  gsize b;

  adjust_indices (&start, &end, s->len);
  end -= t->len;
  if (end < start)
    return 0;
  if (t->len == 0)
    return 1;
  b = _hs_str_byte_offset (self, at_end ? end : start);
  return b + t->nbytes <= s->nbytes && memcmp (s->utf8 + b, t->utf8, t->nbytes) == 0;
}

static HsObject *
do_startswith (HsVM            *vm,
               const char      *qualname,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames,
               gboolean         at_end)
{
  const char *name = strrchr (qualname, '.') + 1;
  HsObject *prefix;
  gssize start = 0, end = G_MAXSSIZE;

  if (!_hs_args_tuple (vm, qualname, nargs, kwnames, 1, 3))
    return NULL;
  if (nargs > 2 && !_hs_arg_slice_index (vm, args[2], &start))
    return NULL;
  if (nargs > 3 && !_hs_arg_slice_index (vm, args[3], &end))
    return NULL;
  prefix = args[1];
  if (prefix->ob_type == vm->types.tuple || hs_isinstance (prefix, vm->types.tuple))
    {
      for (gsize i = 0; i < HS_TUPLE (prefix)->len; i++)
        {
          HsObject *item = HS_TUPLE (prefix)->items[i];

          if (!hs_str_check (item))
            return hs_err_format (vm, vm->types.TypeError,
                                  "tuple for %s must only contain str, not %s", name,
                                  hs_type_name (item));
          if (tailmatch (args[0], item, start, end, at_end))
            return hs_bool (vm, TRUE);
        }
      return hs_bool (vm, FALSE);
    }
  if (!hs_str_check (prefix))
    return hs_err_format (vm, vm->types.TypeError,
                          "%s first arg must be str or a tuple of str, not %s", name,
                          hs_type_name (prefix));
  return hs_bool (vm, tailmatch (args[0], prefix, start, end, at_end));
}

static HsObject *
str_startswith (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  return do_startswith (vm, "str.startswith", args, nargs, kwnames, FALSE);
}

static HsObject *
str_endswith (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  return do_startswith (vm, "str.endswith", args, nargs, kwnames, TRUE);
}

static HsObject *
do_removeaffix (HsVM            *vm,
                const char      *qualname,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames,
                gboolean         suffix)
{
  HsStr *s, *a;

  if (!_hs_args_one (vm, qualname, nargs, kwnames))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError, "%s() argument must be str, not %s",
                          strrchr (qualname, '.') + 1, hs_type_name (args[1]));
  s = SELF (args);
  a = HS_STR (args[1]);
  if (a->len > 0 && tailmatch (args[0], args[1], 0, G_MAXSSIZE, suffix))
    {
      if (suffix)
        return hs_str_new (vm, s->utf8, s->nbytes - a->nbytes);
      return hs_str_new (vm, s->utf8 + a->nbytes, s->nbytes - a->nbytes);
    }
  return _hs_str_unchanged (vm, args[0]);
}

static HsObject *
str_removeprefix (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  return do_removeaffix (vm, "str.removeprefix", args, nargs, kwnames, FALSE);
}

static HsObject *
str_removesuffix (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  return do_removeaffix (vm, "str.removesuffix", args, nargs, kwnames, TRUE);
}

/* ------------------------------------------------------------------ */
/* Padding                                                            */

/* A new str: @left fill characters, the text, @right fill characters. */
static HsObject *
pad (HsVM     *vm,
     HsObject *self,
     gsize     left,
     gsize     right,
     gunichar  fill)
{
  HsStr *s = HS_STR (self);
  char buf[4];
  gsize fn = _hs_utf8_put (fill, buf);
  guint64 total = (guint64) (left + right) * fn + s->nbytes;
  g_autoptr(GString) out = NULL;

  if (!_hs_str_check_size (vm, total))
    return NULL;
  out = g_string_sized_new (total);
  for (gsize i = 0; i < left; i++)
    g_string_append_len (out, buf, fn);
  g_string_append_len (out, s->utf8, s->nbytes);
  for (gsize i = 0; i < right; i++)
    g_string_append_len (out, buf, fn);
  return hs_str_new_uncached (vm, out->str, out->len);
}

typedef enum
{
  JUST_LEFT,
  JUST_RIGHT,
  JUST_CENTER,
} Justify;

static HsObject *
do_justify (HsVM            *vm,
            const char      *qualname,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames,
            Justify          how)
{
  HsStr *s = SELF (args);
  gunichar fill = ' ';
  gssize width;
  gsize marg, left;

  if (!_hs_args_clinic_pos (vm, qualname, nargs, kwnames, 1, 2))
    return NULL;
  if (!_hs_arg_ssize (vm, args[1], &width))
    return NULL;
  if (nargs > 2)
    {
      if (!hs_str_check (args[2]))
        return hs_err_format (vm, vm->types.TypeError,
                              "The fill character must be a unicode character, not %s",
                              hs_type_name (args[2]));
      if (HS_STR (args[2])->len != 1)
        return hs_err_set_string (vm, vm->types.TypeError,
                                  "The fill character must be exactly one character long");
      {
        gsize adv;

        fill = _hs_utf8_get (HS_STR (args[2])->utf8, &adv);
      }
    }
  if (width <= 0 || (gsize) width <= s->len)
    return _hs_str_unchanged (vm, args[0]);
  marg = width - s->len;
  switch (how)
    {
    case JUST_LEFT:
      return pad (vm, args[0], 0, marg, fill);
    case JUST_RIGHT:
      return pad (vm, args[0], marg, 0, fill);
    case JUST_CENTER:
    default:
      /* CPython's rounding: the extra space goes left when width is odd. */
      left = marg / 2 + (marg & width & 1);
      return pad (vm, args[0], left, marg - left, fill);
    }
}

static HsObject *
str_center (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  return do_justify (vm, "str.center", args, nargs, kwnames, JUST_CENTER);
}

static HsObject *
str_ljust (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  return do_justify (vm, "str.ljust", args, nargs, kwnames, JUST_LEFT);
}

static HsObject *
str_rjust (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  return do_justify (vm, "str.rjust", args, nargs, kwnames, JUST_RIGHT);
}

static HsObject *
str_zfill (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsStr *s;
  gssize width;
  gsize fill;
  HsObject *r;
  char *p;

  if (!_hs_args_one (vm, "str.zfill", nargs, kwnames))
    return NULL;
  if (!_hs_arg_ssize (vm, args[1], &width))
    return NULL;
  s = SELF (args);
  if (width <= 0 || (gsize) width <= s->len)
    return _hs_str_unchanged (vm, args[0]);
  fill = width - s->len;
  r = pad (vm, args[0], fill, 0, '0');
  if (r == NULL)
    return NULL;
  /* Move a sign in front of the zeros ('-42' → '-0042'). */
  p = HS_STR (r)->utf8;
  if (p[fill] == '+' || p[fill] == '-')
    {
      p[0] = p[fill];
      p[fill] = '0';
    }
  return r;
}

static HsObject *
str_expandtabs (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  static const char *names[] = { "tabsize", NULL };
  HsObject *a[1];
  HsStr *s = SELF (args);
  gssize tabsize = 8;
  g_autoptr(GString) out = NULL;
  const char *p, *end;
  guint64 col = 0, total = 0;

  if (!_hs_args_keywords (vm, "expandtabs", args + 1, nargs - 1, kwnames, names, 0, a))
    return NULL;
  if (a[0] != NULL && !_hs_arg_ssize (vm, a[0], &tabsize))
    return NULL;
  if (memchr (s->utf8, '\t', s->nbytes) == NULL)
    return _hs_str_unchanged (vm, args[0]);

  /* First pass for the size, so a huge tabsize is a MemoryError. */
  for (p = s->utf8, end = s->utf8 + s->nbytes; p < end; p++)
    {
      if (*p == '\t')
        {
          if (tabsize > 0)
            {
              guint64 incr = tabsize - (col % tabsize);

              col += incr;
              total += incr;
            }
        }
      else
        {
          total++;
          col = (*p == '\n' || *p == '\r') ? 0 : col + ((*p & 0xC0) != 0x80);
        }
    }
  if (!_hs_str_check_size (vm, total))
    return NULL;

  out = g_string_sized_new (total);
  col = 0;
  for (p = s->utf8; p < end; p++)
    {
      if (*p == '\t')
        {
          if (tabsize > 0)
            {
              gsize incr = tabsize - (col % tabsize);

              for (gsize k = 0; k < incr; k++)
                g_string_append_c (out, ' ');
              col += incr;
            }
        }
      else
        {
          g_string_append_c (out, *p);
          if (*p == '\n' || *p == '\r')
            col = 0;
          else if ((*p & 0xC0) != 0x80)
            col++;
        }
    }
  return hs_str_new_uncached (vm, out->str, out->len);
}

/* ------------------------------------------------------------------ */
/* replace                                                            */

static HsObject *
str_replace (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsStr *s, *old, *new_;
  gssize maxcount = -1, n = 0;
  g_autoptr(GString) out = NULL;
  guint64 size;
  gsize off;

  if (!_hs_args_clinic_pos (vm, "str.replace", nargs, kwnames, 2, 3))
    return NULL;
  for (int i = 1; i <= 2; i++)
    if (!hs_str_check (args[i]))
      return hs_err_format (vm, vm->types.TypeError, "replace() argument %d must be str, not %s",
                            i, hs_type_name (args[i]));
  if (nargs > 3 && !_hs_arg_ssize (vm, args[3], &maxcount))
    return NULL;

  s = SELF (args);
  old = HS_STR (args[1]);
  new_ = HS_STR (args[2]);
  if (s->len < old->len || maxcount == 0 || args[1] == args[2])
    return _hs_str_unchanged (vm, args[0]);
  if (maxcount < 0)
    maxcount = G_MAXSSIZE;

  /* Count the replacements first: no match returns the original object,
   * and the result size is checked before anything is built. */
  if (old->len == 0)
    n = MIN ((gssize) s->len + 1, maxcount);
  else
    {
      off = 0;
      while (n < maxcount)
        {
          gssize pos = _hs_find_bytes (s->utf8 + off, s->nbytes - off, old->utf8, old->nbytes);

          if (pos < 0)
            break;
          n++;
          off += pos + old->nbytes;
        }
    }
  if (n == 0)
    return _hs_str_unchanged (vm, args[0]);
  size = (guint64) s->nbytes + (guint64) n * new_->nbytes;
  size -= MIN (size, (guint64) n * old->nbytes);
  if (!_hs_str_check_size (vm, size))
    return NULL;

  out = g_string_sized_new (size);
  if (old->len == 0)
    {
      const char *p = s->utf8, *end = s->utf8 + s->nbytes;
      gssize done = 0;

      /* Insert before every character and at the end. */
      while (done < n)
        {
          gsize adv = 0;

          g_string_append_len (out, new_->utf8, new_->nbytes);
          done++;
          if (p >= end)
            break;
          _hs_utf8_get (p, &adv);
          g_string_append_len (out, p, adv);
          p += adv;
        }
      g_string_append_len (out, p, end - p);
    }
  else
    {
      gssize done = 0;

      off = 0;
      while (done < n)
        {
          gssize pos = _hs_find_bytes (s->utf8 + off, s->nbytes - off, old->utf8, old->nbytes);

          g_string_append_len (out, s->utf8 + off, pos);
          g_string_append_len (out, new_->utf8, new_->nbytes);
          off += pos + old->nbytes;
          done++;
        }
      g_string_append_len (out, s->utf8 + off, s->nbytes - off);
    }
  return hs_str_new_uncached (vm, out->str, out->len);
}

/* ------------------------------------------------------------------ */
/* join                                                               */

HsObject *
hs_str_join_array (HsVM            *vm,
                   HsObject        *sep,
                   HsObject *const *items,
                   gsize            n)
{
  gsize sep_len = sep != NULL ? HS_STR (sep)->nbytes : 0;
  guint64 size = 0;
  g_autoptr(GString) out = NULL;

  if (n == 0)
    return hs_str_new (vm, "", 0);
  /* One exact str is returned as it is. */
  if (n == 1 && hs_str_check_exact (items[0]))
    return hs_incref (items[0]);
  for (gsize i = 0; i < n; i++)
    {
      if (!hs_str_check (items[i]))
        return hs_err_format (vm, vm->types.TypeError,
                              "sequence item %" G_GSIZE_FORMAT ": expected str instance, %s found",
                              i, hs_type_name (items[i]));
      size += HS_STR (items[i])->nbytes + (i > 0 ? sep_len : 0);
    }
  if (!_hs_str_check_size (vm, size))
    return NULL;
  out = g_string_sized_new (size);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && sep_len > 0)
        g_string_append_len (out, HS_STR (sep)->utf8, sep_len);
      g_string_append_len (out, HS_STR (items[i])->utf8, HS_STR (items[i])->nbytes);
    }
  /* Built like PyUnicode_New: a one-character result is not the singleton. */
  return hs_str_new_uncached (vm, out->str, out->len);
}

static HsObject *
str_join (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  HsObject *seq, *iterable, *result;

  if (!_hs_args_one (vm, "str.join", nargs, kwnames))
    return NULL;
  iterable = args[1];

  /* PySequence_Fast: lists and tuples are used as they are, anything else
   * is collected into a temporary list first. */
  if (iterable->ob_type == vm->types.list || iterable->ob_type == vm->types.tuple)
    seq = hs_incref (iterable);
  else
    {
      HsObject *it = hs_object_get_iter (vm, iterable);

      if (it == NULL)
        {
          if (hs_err_matches (vm, vm->types.TypeError))
            {
              hs_err_clear (vm);
              hs_err_set_string (vm, vm->types.TypeError, "can only join an iterable");
            }
          return NULL;
        }
      seq = hs_sequence_list (vm, it);
      hs_decref (vm, it);
      if (seq == NULL)
        return NULL;
    }

  if (seq->ob_type == vm->types.tuple)
    result = hs_str_join_array (vm, args[0], HS_TUPLE (seq)->items, HS_TUPLE (seq)->len);
  else
    result = hs_str_join_array (vm, args[0], HS_LIST (seq)->items, HS_LIST (seq)->len);
  hs_decref (vm, seq);
  return result;
}

/* ------------------------------------------------------------------ */
/* encode                                                             */

static HsObject *
str_encode (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  static const char *names[] = { "encoding", "errors", NULL };
  HsObject *a[2];

  if (!_hs_args_keywords (vm, "encode", args + 1, nargs - 1, kwnames, names, 0, a))
    return NULL;
  for (int i = 0; i < 2; i++)
    if (a[i] != NULL && !hs_str_check (a[i]))
      return hs_err_format (vm, vm->types.TypeError, "encode() argument '%s' must be str, not %s",
                            names[i], hs_type_name (a[i]));
  return _hs_str_encode (vm, args[0], a[0] != NULL ? hs_str_utf8 (a[0]) : "utf-8",
                         a[1] != NULL ? hs_str_utf8 (a[1]) : "strict");
}

/* ------------------------------------------------------------------ */

const HsMethodDef _hs_str_methods[] = {
  { "capitalize", str_capitalize, 0, NULL },
  { "casefold", str_casefold, 0, NULL },
  { "center", str_center, 0, NULL },
  { "count", str_count, 0, NULL },
  { "encode", str_encode, 0, NULL },
  { "endswith", str_endswith, 0, NULL },
  { "expandtabs", str_expandtabs, 0, NULL },
  { "find", str_find, 0, NULL },
  { "format", _hs_str_method_format, 0, NULL },
  { "format_map", _hs_str_method_format_map, 0, NULL },
  { "__format__", _hs_str_method_dunder_format, 0, NULL },
  { "index", str_index, 0, NULL },
  { "isalnum", str_isalnum, 0, NULL },
  { "isalpha", str_isalpha, 0, NULL },
  { "isascii", str_isascii, 0, NULL },
  { "isdecimal", str_isdecimal, 0, NULL },
  { "isdigit", str_isdigit, 0, NULL },
  { "isidentifier", str_isidentifier, 0, NULL },
  { "islower", str_islower, 0, NULL },
  { "isnumeric", str_isnumeric, 0, NULL },
  { "isprintable", str_isprintable, 0, NULL },
  { "isspace", str_isspace, 0, NULL },
  { "istitle", str_istitle, 0, NULL },
  { "isupper", str_isupper, 0, NULL },
  { "join", str_join, 0, NULL },
  { "ljust", str_ljust, 0, NULL },
  { "lower", str_lower, 0, NULL },
  { "lstrip", str_lstrip, 0, NULL },
  { "partition", _hs_str_partition, 0, NULL },
  { "removeprefix", str_removeprefix, 0, NULL },
  { "removesuffix", str_removesuffix, 0, NULL },
  { "replace", str_replace, 0, NULL },
  { "rfind", str_rfind, 0, NULL },
  { "rindex", str_rindex, 0, NULL },
  { "rjust", str_rjust, 0, NULL },
  { "rpartition", _hs_str_rpartition, 0, NULL },
  { "rsplit", _hs_str_rsplit, 0, NULL },
  { "rstrip", str_rstrip, 0, NULL },
  { "split", _hs_str_split, 0, NULL },
  { "splitlines", _hs_str_splitlines, 0, NULL },
  { "startswith", str_startswith, 0, NULL },
  { "strip", str_strip, 0, NULL },
  { "swapcase", str_swapcase, 0, NULL },
  { "title", str_title, 0, NULL },
  { "upper", str_upper, 0, NULL },
  { "zfill", str_zfill, 0, NULL },
  { NULL }
};
