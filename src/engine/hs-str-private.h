/* hs-str-private.h — helpers shared by the str and bytes implementation files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-str-object.h"

G_BEGIN_DECLS

/* UTF-8 (generalised: lone surrogates are allowed, as in a Python str).
 * The text is always valid, so decoding needs no checks. */
static inline gunichar
_hs_utf8_get (const char *p,
              gsize      *adv)
{
  const guint8 *s = (const guint8 *) p;

  if (s[0] < 0x80)
    {
      *adv = 1;
      return s[0];
    }
  if (s[0] < 0xE0)
    {
      *adv = 2;
      return ((gunichar) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
  if (s[0] < 0xF0)
    {
      *adv = 3;
      return ((gunichar) (s[0] & 0x0F) << 12) | ((gunichar) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
  *adv = 4;
  return ((gunichar) (s[0] & 0x07) << 18) | ((gunichar) (s[1] & 0x3F) << 12)
         | ((gunichar) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

gsize       _hs_utf8_put            (gunichar      c,
                                     char         *out);   /* ≥ 4 bytes; returns length */
void        _hs_gstring_append_unichar (GString   *out,
                                        gunichar   c);
HsStrKind   _hs_str_kind_for        (gunichar      max_char);
/* The code points of @s in a new array (s->len items + a 0). */
gunichar   *_hs_str_ucs4            (HsObject     *s);
/* Code-point index ↔ byte offset (identity for ASCII). */
gsize       _hs_str_byte_offset     (HsObject     *s,
                                     gsize         index);
gsize       _hs_str_char_index      (HsObject     *s,
                                     gsize         byte_offset);

/* A str of @type with room for @nbytes of text (not filled in). */
HsObject   *_hs_str_alloc           (HsVM         *vm,
                                     HsType       *type,
                                     gsize         nbytes,
                                     gsize         len,
                                     HsStrKind     kind);
/* A new str when len/kind are known; @shared: use the singletons. */
HsObject   *_hs_str_new_known       (HsVM         *vm,
                                     const char   *utf8,
                                     gsize         nbytes,
                                     gsize         len,
                                     HsStrKind     kind,
                                     gboolean      shared);
HsObject   *_hs_str_from_ucs4       (HsVM         *vm,
                                     const gunichar *chars,
                                     gsize         n,
                                     gboolean      shared);
/* CPython's unicode_result_unchanged: self when it is an exact str. */
HsObject   *_hs_str_unchanged       (HsVM         *vm,
                                     HsObject     *self);
/* MemoryError when a result of @nbytes cannot fit the simulated heap. */
gboolean    _hs_str_check_size      (HsVM         *vm,
                                     guint64       nbytes);

/* Byte search: offset of the first/last occurrence of @needle, or -1. */
gssize      _hs_find_bytes          (const char   *hay,
                                     gsize         hay_len,
                                     const char   *needle,
                                     gsize         needle_len);
gssize      _hs_rfind_bytes         (const char   *hay,
                                     gsize         hay_len,
                                     const char   *needle,
                                     gsize         needle_len);

/* FNV-1a; str and bytes share it so hash(b'ab') == hash('ab'). Never -1. */
gint64      _hs_hash_bytes          (const guint8 *p,
                                     gsize         n);

/* Character classes with CPython's definitions. */
gboolean    _hs_unichar_isspace     (gunichar      c);
gboolean    _hs_unichar_islinebreak (gunichar      c);
gboolean    _hs_unichar_isprintable (gunichar      c);
gboolean    _hs_unichar_isdecimal   (gunichar      c);
gboolean    _hs_unichar_islower     (gunichar      c);
gboolean    _hs_unichar_isupper     (gunichar      c);
gboolean    _hs_unichar_istitle     (gunichar      c);
gboolean    _hs_unichar_iscased     (gunichar      c);
gboolean    _hs_unichar_isalpha     (gunichar      c);
gboolean    _hs_unichar_isidstart   (gunichar      c);
gboolean    _hs_unichar_isidcontinue (gunichar     c);
gboolean    _hs_unichar_isdigit     (gunichar      c);
gboolean    _hs_unichar_isnumeric   (gunichar      c);
int         _hs_unichar_decimal_value (gunichar    c);

/* repr of UTF-8 text with CPython's quote choice; @ascii_only: ascii(). */
void        _hs_str_repr_utf8       (const char   *utf8,
                                     gsize         nbytes,
                                     gboolean      ascii_only,
                                     GString      *out);

/* Argument checking with the messages of the different CPython calling
 * conventions. As in vectorcall, @nargs counts the positional arguments
 * (self, args[0], included) and the keyword values follow them. */
gsize       _hs_args_nkw            (HsObject     *kwnames);
/* METH_NOARGS: "str.upper() takes no arguments (1 given)". */
gboolean    _hs_args_none           (HsVM         *vm,
                                     const char   *qualname,
                                     gsize         nargs,
                                     HsObject     *kwnames);
/* METH_O: "str.join() takes exactly one argument (0 given)". */
gboolean    _hs_args_one            (HsVM         *vm,
                                     const char   *qualname,
                                     gsize         nargs,
                                     HsObject     *kwnames);
/* Argument Clinic, positional-only: "replace expected at least 2 arguments, got 1". */
gboolean    _hs_args_clinic_pos     (HsVM         *vm,
                                     const char   *qualname,
                                     gsize         nargs,
                                     HsObject     *kwnames,
                                     gsize         min,
                                     gsize         max);
/* PyArg_ParseTuple: "find() takes at least 1 argument (0 given)". */
gboolean    _hs_args_tuple          (HsVM         *vm,
                                     const char   *qualname,
                                     gsize         nargs,
                                     HsObject     *kwnames,
                                     gsize         min,
                                     gsize         max);
/* Argument Clinic with keywords: fills out[0..n_names) (NULL = not given).
 * @args/@nargs without self: pass args + 1, nargs - 1. */
gboolean    _hs_args_keywords       (HsVM         *vm,
                                     const char   *fname,
                                     HsObject *const *args,
                                     gsize         nargs,
                                     HsObject     *kwnames,
                                     const char  **names,
                                     gsize         min,
                                     HsObject    **out);
/* An index-like argument (int or __index__) as a gssize: TypeError "'str'
 * object cannot be interpreted as an integer", OverflowError "Python int too
 * large to convert to C ssize_t". */
gboolean    _hs_arg_ssize           (HsVM         *vm,
                                     HsObject     *o,
                                     gssize       *out);
/* A slice index for find()/count()/startswith(): None leaves *out alone,
 * huge values are clamped (CPython's _PyEval_SliceIndex). */
gboolean    _hs_arg_slice_index     (HsVM         *vm,
                                     HsObject     *o,
                                     gssize       *out);
/* An int or __index__ value. FALSE only when __index__ itself failed;
 * *@is_index is FALSE (no exception) for objects that are not index-like,
 * *@overflow TRUE (value clamped) when it does not fit a gssize. */
gboolean    _hs_index_value         (HsVM         *vm,
                                     HsObject     *o,
                                     gssize       *out,
                                     gboolean     *overflow,
                                     gboolean     *is_index);

/* Method tables and the methods that live in other files. */
extern const HsMethodDef _hs_str_methods[];
HsObject   *_hs_str_split             (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_rsplit            (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_splitlines        (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_partition         (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_rpartition        (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_method_format     (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_method_format_map (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
HsObject   *_hs_str_method_dunder_format (HsVM *vm, HsObject *callable, HsObject *const *args,
                                          gsize nargs, HsObject *kwnames);
/* str.encode(): bytes in utf-8, ascii or latin-1 (hs-bytes-object.c). */
HsObject   *_hs_str_encode            (HsVM         *vm,
                                       HsObject     *s,
                                       const char   *encoding,
                                       const char   *errors);
/* Normalised codec name ("utf-8", "ascii", "latin-1") or NULL. */
const char *_hs_codec_normalize       (const char   *name);

G_END_DECLS
