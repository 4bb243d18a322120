/* hs-str-object.h — str (and bytes): immutable Unicode text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A str keeps its text as UTF-8 plus its length in code points and the
 * PEP 393 kind CPython would pick for it (which is what sys.getsizeof
 * reports). Shared objects follow 3.11: '' (vm->empty_str) and the 256
 * one-character latin-1 strings (vm->latin1_chars) are static singletons;
 * identifier-like constants and names are interned by the compiler; strings
 * computed at run time are not. The intern table holds no reference (3.11's
 * interned strings are "mortal": `sys.getrefcount(sys.intern(s))` does not
 * count the table), so an interned str dies like any other and leaves the
 * table from its tp_dealloc.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* CPython's PEP 393 storage kinds; they decide sys.getsizeof. */
typedef enum
{
  HS_STR_ASCII = 1,   /* 49 + n */
  HS_STR_LATIN1,      /* 73 + n */
  HS_STR_UCS2,        /* 74 + 2n */
  HS_STR_UCS4,        /* 76 + 4n */
} HsStrKind;

typedef struct
{
  HsObject   base;
  gsize      len;       /* length in code points */
  gsize      nbytes;    /* UTF-8 bytes, without the trailing NUL */
  gint64     hash;      /* -1 until computed */
  HsStrKind  kind;
  /* NUL-terminated (may also contain NULs). Points into the same
   * allocation: right after this struct for str, after the instance
   * extension for instances of str subclasses. Lone surrogates (which a
   * Python str may hold) use their 3-byte generalised UTF-8 form. */
  char      *utf8;
} HsStr;

typedef struct
{
  HsObject   base;
  gsize      len;
  gint64     hash;      /* -1 until computed */
  guint8    *data;      /* in the same allocation, followed by a NUL */
} HsBytes;

#define HS_STR(o)   ((HsStr *) (o))
#define HS_BYTES(o) ((HsBytes *) (o))

/* New str from valid UTF-8 (the caller guarantees validity). Shares the
 * empty and 1-character latin-1 singletons as CPython does. */
HsObject   *hs_str_new          (HsVM        *vm,
                                 const char  *utf8,
                                 gssize       nbytes);   /* -1: NUL-terminated */
/* Like hs_str_new but a 1-character result is a fresh object, not the
 * latin-1 singleton: what CPython's str(5), 'x'.upper() or
 * 'a'.replace('a', 'q') return ('' is still the shared empty str). */
HsObject   *hs_str_new_uncached (HsVM        *vm,
                                 const char  *utf8,
                                 gssize       nbytes);
HsObject   *hs_str_new_printf   (HsVM        *vm,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);
HsObject   *hs_str_from_gstring (HsVM        *vm,
                                 GString     *str);      /* copies */
/* chr(c): the latin-1 singleton below 256. ValueError outside 0…0x10FFFF
 * ("chr() arg not in range(0x110000)"). */
HsObject   *hs_str_from_char    (HsVM        *vm,
                                 gunichar     c);
/* Interned identifier-like string: one object per text per VM, HS_OBJ_INTERNED. */
HsObject   *hs_str_intern       (HsVM        *vm,
                                 const char  *utf8);     /* new reference */
HsObject   *hs_str_intern_obj   (HsVM        *vm,
                                 HsObject    *str);      /* steals @str, returns new ref */
/* sys.intern(o): TypeError for non-str ("intern() argument must be str,
 * not int") and str subclasses ("can't intern S"). @o is borrowed. */
HsObject   *hs_str_sys_intern   (HsVM        *vm,
                                 HsObject    *o);
gboolean    hs_str_check        (HsObject    *o);        /* str or subclass */
gboolean    hs_str_check_exact  (HsObject    *o);
const char *hs_str_utf8         (HsObject    *o);
gsize       hs_str_nbytes       (HsObject    *o);
gsize       hs_str_len          (HsObject    *o);
HsStrKind   hs_str_kind         (HsObject    *o);
gboolean    hs_str_equal        (HsObject    *a,
                                 HsObject    *b);        /* both str */
gboolean    hs_str_equal_cstr   (HsObject    *a,
                                 const char  *b);
gint64      hs_str_hash         (HsObject    *o);
/* repr(s) with CPython's quote choice and escapes, appended to @out. */
void        hs_str_repr_append  (HsObject    *o,
                                 GString     *out);
/* ascii(o): repr(o) with every non-ASCII character escaped. */
HsObject   *hs_object_ascii     (HsVM        *vm,
                                 HsObject    *o);
HsObject   *hs_str_concat       (HsVM        *vm,
                                 HsObject    *a,
                                 HsObject    *b);
/* sep.join(items) for an array of str (CPython's _PyUnicode_JoinArray, what
 * BUILD_STRING of an f-string does with @sep NULL): one exact str item is
 * returned as is; TypeError "sequence item 1: expected str instance, int
 * found" for anything else. */
HsObject   *hs_str_join_array   (HsVM        *vm,
                                 HsObject    *sep,
                                 HsObject *const *items,
                                 gsize        n);
/* 'fmt' % args (printf-style formatting of the str % operator). */
HsObject   *hs_str_percent_format (HsVM      *vm,
                                   HsObject  *format,
                                   HsObject  *args);
/* format(value, spec) for str; used by format() and f-strings. */
HsObject   *hs_str_format_spec  (HsVM        *vm,
                                 HsObject    *str,
                                 HsObject    *spec);
/* Decodes @data with a Python codec name (utf-8, ascii, latin-1 and their
 * aliases) and error handler (strict, replace, ignore, backslashreplace,
 * surrogateescape; NULL = strict), with CPython's error messages. */
HsObject   *hs_str_decode       (HsVM        *vm,
                                 const guint8 *data,
                                 gsize        len,
                                 const char  *encoding,
                                 const char  *errors);

/* A new bytes object. Unlike 3.11, b'' and one-byte objects are not shared
 * yet: the VM has no slots for those singletons. */
HsObject   *hs_bytes_new        (HsVM        *vm,
                                 const guint8 *data,
                                 gsize        len);
gboolean    hs_bytes_check      (HsObject    *o);        /* bytes or subclass */
const guint8 *hs_bytes_data     (HsObject    *o);
gsize       hs_bytes_len        (HsObject    *o);
void        hs_bytes_repr_append (HsObject   *o,
                                  GString    *out);

void        _hs_str_init_type   (HsVM        *vm);
/* Creates vm->empty_str and the 256 latin-1 singletons (static, counted
 * from HS_STATIC_REFCNT); called once the int type and the singletons exist. */
void        _hs_str_init_singletons (HsVM    *vm);
void        _hs_bytes_init_type (HsVM        *vm);

G_END_DECLS
