/* hs-str-util.c — character classes, byte search and argument checking for str/bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The character classes use CPython's definitions (which are not always
 * GLib's): the differences come from tables generated with python3 3.11
 * (Unicode 14.0), e.g. `[c for c in map(chr, range(0x110000))
 * if c.isdigit() and not c.isdecimal()]` compressed to ranges.
 */

#define _GNU_SOURCE             /* memmem() */
#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-str-private.h"
#include "hs-vm.h"

typedef struct
{
  gunichar lo;
  gunichar hi;
} Range;

static gboolean
in_ranges (const Range *r,
           gsize        n,
           gunichar     c)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (c < r[mid].lo)
        hi = mid;
      else if (c > r[mid].hi)
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

/* Numeric_Type=Digit characters that are not decimals (superscripts, circled digits…). */
static const Range digit_extra[] = {
  {0x00B2, 0x00B3}, {0x00B9, 0x00B9}, {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x2070, 0x2070},
  {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490},
  {0x24EA, 0x24EA}, {0x24F5, 0x24FD}, {0x24FF, 0x24FF}, {0x2776, 0x277E}, {0x2780, 0x2788},
  {0x278A, 0x2792}, {0x10A40, 0x10A43}, {0x10E60, 0x10E68}, {0x11052, 0x1105A},
  {0x1F100, 0x1F10A},
};

/* Numeric characters outside Nd/Nl/No (CJK ideographs with numeric values). */
static const Range numeric_extra[] = {
  {0x3405, 0x3405}, {0x3483, 0x3483}, {0x382A, 0x382A}, {0x3B4D, 0x3B4D}, {0x4E00, 0x4E00},
  {0x4E03, 0x4E03}, {0x4E07, 0x4E07}, {0x4E09, 0x4E09}, {0x4E5D, 0x4E5D}, {0x4E8C, 0x4E8C},
  {0x4E94, 0x4E94}, {0x4E96, 0x4E96}, {0x4EBF, 0x4EC0}, {0x4EDF, 0x4EDF}, {0x4EE8, 0x4EE8},
  {0x4F0D, 0x4F0D}, {0x4F70, 0x4F70}, {0x5104, 0x5104}, {0x5146, 0x5146}, {0x5169, 0x5169},
  {0x516B, 0x516B}, {0x516D, 0x516D}, {0x5341, 0x5341}, {0x5343, 0x5345}, {0x534C, 0x534C},
  {0x53C1, 0x53C4}, {0x56DB, 0x56DB}, {0x58F1, 0x58F1}, {0x58F9, 0x58F9}, {0x5E7A, 0x5E7A},
  {0x5EFE, 0x5EFF}, {0x5F0C, 0x5F0E}, {0x5F10, 0x5F10}, {0x62FE, 0x62FE}, {0x634C, 0x634C},
  {0x67D2, 0x67D2}, {0x6F06, 0x6F06}, {0x7396, 0x7396}, {0x767E, 0x767E}, {0x8086, 0x8086},
  {0x842C, 0x842C}, {0x8CAE, 0x8CAE}, {0x8CB3, 0x8CB3}, {0x8D30, 0x8D30}, {0x9621, 0x9621},
  {0x9646, 0x9646}, {0x964C, 0x964C}, {0x9678, 0x9678}, {0x96F6, 0x96F6}, {0xF96B, 0xF96B},
  {0xF973, 0xF973}, {0xF978, 0xF978}, {0xF9B2, 0xF9B2}, {0xF9D1, 0xF9D1}, {0xF9D3, 0xF9D3},
  {0xF9FD, 0xF9FD}, {0x20001, 0x20001}, {0x20064, 0x20064}, {0x200E2, 0x200E2},
  {0x20121, 0x20121}, {0x2092A, 0x2092A}, {0x20983, 0x20983}, {0x2098C, 0x2098C},
  {0x2099C, 0x2099C}, {0x20AEA, 0x20AEA}, {0x20AFD, 0x20AFD}, {0x20B19, 0x20B19},
  {0x22390, 0x22390}, {0x22998, 0x22998}, {0x23B1B, 0x23B1B}, {0x2626D, 0x2626D},
  {0x2F890, 0x2F890},
};

/* Lowercase characters that are not Ll (ª º, modifier letters, ⓐ…). */
static const Range lower_extra[] = {
  {0x00AA, 0x00AA}, {0x00BA, 0x00BA}, {0x02B0, 0x02B8}, {0x02C0, 0x02C1}, {0x02E0, 0x02E4},
  {0x0345, 0x0345}, {0x037A, 0x037A}, {0x1D2C, 0x1D6A}, {0x1D78, 0x1D78}, {0x1D9B, 0x1DBF},
  {0x2071, 0x2071}, {0x207F, 0x207F}, {0x2090, 0x209C}, {0x2170, 0x217F}, {0x24D0, 0x24E9},
  {0x2C7C, 0x2C7D}, {0xA69C, 0xA69D}, {0xA770, 0xA770}, {0xA7F8, 0xA7F9}, {0xAB5C, 0xAB5F},
  {0x10780, 0x10780}, {0x10783, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA},
};

/* Uppercase characters that are not Lu (Ⅰ…, Ⓐ…, squared letters). */
static const Range upper_extra[] = {
  {0x2160, 0x216F}, {0x24B6, 0x24CF}, {0x1F130, 0x1F149}, {0x1F150, 0x1F169},
  {0x1F170, 0x1F189},
};

gboolean
_hs_unichar_isspace (gunichar c)
{
  /* Py_UNICODE_ISSPACE: bidi WS/B/S or Zs. */
  if (c < 0x80)
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
         || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

gboolean
_hs_unichar_islinebreak (gunichar c)
{
  return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85
         || c == 0x2028 || c == 0x2029;
}

gboolean
_hs_unichar_isprintable (gunichar c)
{
  if (c < 0x80)
    return c >= 0x20 && c < 0x7F;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
      return FALSE;
    default:
      return TRUE;
    }
}

gboolean
_hs_unichar_isdecimal (gunichar c)
{
  if (c < 0x80)
    return c >= '0' && c <= '9';
  return g_unichar_type (c) == G_UNICODE_DECIMAL_NUMBER;
}

int
_hs_unichar_decimal_value (gunichar c)
{
  if (!_hs_unichar_isdecimal (c))
    return -1;
  return g_unichar_digit_value (c);
}

gboolean
_hs_unichar_isdigit (gunichar c)
{
  return _hs_unichar_isdecimal (c)
         || in_ranges (digit_extra, G_N_ELEMENTS (digit_extra), c);
}

gboolean
_hs_unichar_isnumeric (gunichar c)
{
  GUnicodeType t;

  if (c < 0x80)
    return c >= '0' && c <= '9';
  t = g_unichar_type (c);
  return t == G_UNICODE_DECIMAL_NUMBER || t == G_UNICODE_LETTER_NUMBER
         || t == G_UNICODE_OTHER_NUMBER
         || in_ranges (numeric_extra, G_N_ELEMENTS (numeric_extra), c);
}

gboolean
_hs_unichar_islower (gunichar c)
{
  if (c < 0x80)
    return c >= 'a' && c <= 'z';
  return g_unichar_type (c) == G_UNICODE_LOWERCASE_LETTER
         || in_ranges (lower_extra, G_N_ELEMENTS (lower_extra), c);
}

gboolean
_hs_unichar_isupper (gunichar c)
{
  if (c < 0x80)
    return c >= 'A' && c <= 'Z';
  return g_unichar_type (c) == G_UNICODE_UPPERCASE_LETTER
         || in_ranges (upper_extra, G_N_ELEMENTS (upper_extra), c);
}

gboolean
_hs_unichar_istitle (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_TITLECASE_LETTER;
}

gboolean
_hs_unichar_iscased (gunichar c)
{
  return _hs_unichar_islower (c) || _hs_unichar_isupper (c) || _hs_unichar_istitle (c);
}

gboolean
_hs_unichar_isalpha (gunichar c)
{
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* XID_Start / XID_Continue, approximated from the general category
 * (Python's identifiers: letters, Nl, '_' first; then also Mn Mc Nd Pc). */
gboolean
_hs_unichar_isidstart (gunichar c)
{
  if (c < 0x80)
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return _hs_unichar_isalpha (c) || g_unichar_type (c) == G_UNICODE_LETTER_NUMBER;
}

gboolean
_hs_unichar_isidcontinue (gunichar c)
{
  if (c < 0x80)
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;
    default:
      return _hs_unichar_isidstart (c) || c == 0xB7;
    }
}

/* ------------------------------------------------------------------ */

/* Searches must stay linear however the text is built: a naive search
 * for 'a' * 10**6 + 'b' in 'a' * 10**7 takes hours (CPython's fastsearch
 * is linear too). Forward searches use memmem() (two-way in glibc);
 * backward ones the same Crochemore-Perrin two-way algorithm, here on the
 * reversed strings without copying them. */

/* The @i-th byte of @s read from its end. */
#define REV(s, len, i) ((guchar) (s)[(len) - 1 - (i)])

/* The critical factorization of the reversed @x: returns the split point
 * and sets *@period to the period of its right half. */
static gsize
rev_critical_factorization (const char *x,
                            gsize       m,
                            gsize      *period)
{
  gsize max_suffix = G_MAXSIZE, max_suffix_rev = G_MAXSIZE;
  gsize j = 0, k = 1, p = 1;

  /* Maximal suffix for the byte order... */
  while (j + k < m)
    {
      guchar a = REV (x, m, j + k), b = REV (x, m, max_suffix + k);

      if (a < b)
        {
          j += k;
          k = 1;
          p = j - max_suffix;
        }
      else if (a == b)
        {
          if (k != p)
            k++;
          else
            {
              j += p;
              k = 1;
            }
        }
      else
        {
          max_suffix = j++;
          k = p = 1;
        }
    }
  *period = p;

  /* ...and for the reverse order; the longer of the two wins. */
  j = 0;
  k = p = 1;
  while (j + k < m)
    {
      guchar a = REV (x, m, j + k), b = REV (x, m, max_suffix_rev + k);

      if (b < a)
        {
          j += k;
          k = 1;
          p = j - max_suffix_rev;
        }
      else if (a == b)
        {
          if (k != p)
            k++;
          else
            {
              j += p;
              k = 1;
            }
        }
      else
        {
          max_suffix_rev = j++;
          k = p = 1;
        }
    }
  if (max_suffix_rev + 1 < max_suffix + 1)
    return max_suffix + 1;
  *period = p;
  return max_suffix_rev + 1;
}

/* Two-way search of reversed @x (@m >= 1) in reversed @y: the offset in @y
 * of the last occurrence of @x, or -1. */
static gssize
rev_two_way (const char *y,
             gsize       n,
             const char *x,
             gsize       m)
{
  gsize period, suffix, i, j = 0;

  suffix = rev_critical_factorization (x, m, &period);

  /* Is the left half a repetition of the right one (a periodic needle)? */
  for (i = 0; i < suffix && REV (x, m, i) == REV (x, m, i + period); i++)
    ;
  if (i == suffix)
    {
      gsize memory = 0;

      while (j <= n - m)
        {
          i = MAX (suffix, memory);
          while (i < m && REV (x, m, i) == REV (y, n, i + j))
            i++;
          if (i >= m)
            {
              i = suffix - 1;
              while (memory < i + 1 && REV (x, m, i) == REV (y, n, i + j))
                i--;
              if (i + 1 < memory + 1)
                return (gssize) (n - m - j);
              j += period;
              memory = m - period;
            }
          else
            {
              j += i - suffix + 1;
              memory = 0;
            }
        }
    }
  else
    {
      period = MAX (suffix, m - suffix) + 1;
      while (j <= n - m)
        {
          i = suffix;
          while (i < m && REV (x, m, i) == REV (y, n, i + j))
            i++;
          if (i >= m)
            {
              i = suffix - 1;
              while (i != G_MAXSIZE && REV (x, m, i) == REV (y, n, i + j))
                i--;
              if (i == G_MAXSIZE)
                return (gssize) (n - m - j);
              j += period;
            }
          else
            j += i - suffix + 1;
        }
    }
  return -1;
}

#undef REV

gssize
_hs_find_bytes (const char *hay,
                gsize       hay_len,
                const char *needle,
                gsize       needle_len)
{
  const char *p;

  if (needle_len == 0)
    return 0;
  if (needle_len > hay_len)
    return -1;
  p = memmem (hay, hay_len, needle, needle_len);
  return p != NULL ? p - hay : -1;
}

gssize
_hs_rfind_bytes (const char *hay,
                 gsize       hay_len,
                 const char *needle,
                 gsize       needle_len)
{
  if (needle_len > hay_len)
    return -1;
  if (needle_len == 0)
    return (gssize) hay_len;
  /* Short needles: the plain scan costs at most 16 comparisons a byte. */
  if (needle_len <= 16)
    {
      for (gssize i = hay_len - needle_len; i >= 0; i--)
        if (hay[i] == needle[0] && memcmp (hay + i, needle, needle_len) == 0)
          return i;
      return -1;
    }
  return rev_two_way (hay, hay_len, needle, needle_len);
}

/* ------------------------------------------------------------------ */
/* Argument checking                                                  */

gsize
_hs_args_nkw (HsObject *kwnames)
{
  return kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
}

static const char *
short_name (const char *qualname)
{
  const char *dot = strrchr (qualname, '.');

  return dot != NULL ? dot + 1 : qualname;
}

static gboolean
no_keywords (HsVM       *vm,
             const char *qualname,
             HsObject   *kwnames)
{
  if (_hs_args_nkw (kwnames) == 0)
    return TRUE;
  hs_err_format (vm, vm->types.TypeError, "%s() takes no keyword arguments", qualname);
  return FALSE;
}

gboolean
_hs_args_none (HsVM       *vm,
               const char *qualname,
               gsize       nargs,
               HsObject   *kwnames)
{
  gsize npos;

  if (!no_keywords (vm, qualname, kwnames))
    return FALSE;
  npos = nargs - 1;
  if (npos == 0)
    return TRUE;
  hs_err_format (vm, vm->types.TypeError, "%s() takes no arguments (%" G_GSIZE_FORMAT " given)",
                 qualname, npos);
  return FALSE;
}

gboolean
_hs_args_one (HsVM       *vm,
              const char *qualname,
              gsize       nargs,
              HsObject   *kwnames)
{
  gsize npos;

  if (!no_keywords (vm, qualname, kwnames))
    return FALSE;
  npos = nargs - 1;
  if (npos == 1)
    return TRUE;
  hs_err_format (vm, vm->types.TypeError,
                 "%s() takes exactly one argument (%" G_GSIZE_FORMAT " given)", qualname, npos);
  return FALSE;
}

gboolean
_hs_args_clinic_pos (HsVM       *vm,
                     const char *qualname,
                     gsize       nargs,
                     HsObject   *kwnames,
                     gsize       min,
                     gsize       max)
{
  gsize npos;

  if (!no_keywords (vm, qualname, kwnames))
    return FALSE;
  npos = nargs - 1;
  if (npos < min)
    {
      hs_err_format (vm, vm->types.TypeError,
                     "%s expected %s%" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT,
                     short_name (qualname), min == max ? "" : "at least ", min,
                     min == 1 ? "" : "s", npos);
      return FALSE;
    }
  if (npos > max)
    {
      hs_err_format (vm, vm->types.TypeError,
                     "%s expected %s%" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT,
                     short_name (qualname), min == max ? "" : "at most ", max,
                     max == 1 ? "" : "s", npos);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hs_args_tuple (HsVM       *vm,
                const char *qualname,
                gsize       nargs,
                HsObject   *kwnames,
                gsize       min,
                gsize       max)
{
  gsize npos, bound;

  if (!no_keywords (vm, qualname, kwnames))
    return FALSE;
  npos = nargs - 1;
  if (npos >= min && npos <= max)
    return TRUE;
  bound = npos < min ? min : max;
  hs_err_format (vm, vm->types.TypeError,
                 "%s() takes %s %" G_GSIZE_FORMAT " argument%s (%" G_GSIZE_FORMAT " given)",
                 short_name (qualname),
                 min == max ? "exactly" : npos < min ? "at least" : "at most",
                 bound, bound == 1 ? "" : "s", npos);
  return FALSE;
}

gboolean
_hs_args_keywords (HsVM             *vm,
                   const char       *fname,
                   HsObject *const  *args,
                   gsize             nargs,
                   HsObject         *kwnames,
                   const char      **names,
                   gsize             min,
                   HsObject        **out)
{
  gsize nkw = _hs_args_nkw (kwnames);
  gsize npos = nargs;
  gsize maxargs = 0;

  while (names[maxargs] != NULL)
    maxargs++;
  for (gsize i = 0; i < maxargs; i++)
    out[i] = NULL;

  if (npos + nkw > maxargs)
    {
      hs_err_format (vm, vm->types.TypeError,
                     "%s() takes at most %" G_GSIZE_FORMAT " %sargument%s (%" G_GSIZE_FORMAT " given)",
                     fname, maxargs, npos == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                     npos + nkw);
      return FALSE;
    }
  for (gsize i = 0; i < npos; i++)
    out[i] = args[i];

  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *name = HS_TUPLE (kwnames)->items[k];
      gboolean found = FALSE;

      for (gsize i = 0; i < maxargs; i++)
        {
          if (!hs_str_equal_cstr (name, names[i]))
            continue;
          found = TRUE;
          if (i < npos)
            {
              hs_err_format (vm, vm->types.TypeError,
                             "argument for %s() given by name ('%s') and position (%" G_GSIZE_FORMAT ")",
                             fname, names[i], i + 1);
              return FALSE;
            }
          out[i] = args[npos + k];
          break;
        }
      if (!found)
        {
          hs_err_format (vm, vm->types.TypeError, "'%s' is an invalid keyword argument for %s()",
                         hs_str_utf8 (name), fname);
          return FALSE;
        }
    }
  for (gsize i = 0; i < min; i++)
    if (out[i] == NULL)
      {
        hs_err_format (vm, vm->types.TypeError,
                       "%s() missing required argument '%s' (pos %" G_GSIZE_FORMAT ")",
                       fname, names[i], i + 1);
        return FALSE;
      }
  return TRUE;
}

gboolean
_hs_arg_ssize (HsVM     *vm,
               HsObject *o,
               gssize   *out)
{
  gboolean overflow, is_index;

  if (!_hs_index_value (vm, o, out, &overflow, &is_index))
    return FALSE;
  if (!is_index)
    {
      hs_err_format (vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return FALSE;
    }
  if (overflow)
    {
      hs_err_set_string (vm, vm->types.OverflowError,
                         "Python int too large to convert to C ssize_t");
      return FALSE;
    }
  return TRUE;
}

gboolean
_hs_arg_slice_index (HsVM     *vm,
                     HsObject *o,
                     gssize   *out)
{
  gboolean overflow, is_index;
  gssize v;

  if (o == NULL || o == vm->none)
    return TRUE;
  if (!_hs_index_value (vm, o, &v, &overflow, &is_index))
    return FALSE;
  if (!is_index)
    {
      hs_err_set_string (vm, vm->types.TypeError,
                         "slice indices must be integers or None or have an __index__ method");
      return FALSE;
    }
  *out = v;
  return TRUE;
}
