/* hs-str-object.h — str (and bytes): immutable Unicode text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
  char       utf8[];    /* NUL-terminated (may also contain NULs) */
} HsStr;

typedef struct
{
  HsObject   base;
  gsize      len;
  gint64     hash;
  guint8     data[];
} HsBytes;

#define HS_STR(o)   ((HsStr *) (o))
#define HS_BYTES(o) ((HsBytes *) (o))

/* New str from valid UTF-8 (the caller guarantees validity). Shares the
 * empty and 1-character latin-1 singletons as CPython does. */
HsObject   *hs_str_new          (HsVM        *vm,
                                 const char  *utf8,
                                 gssize       nbytes);   /* -1: NUL-terminated */
HsObject   *hs_str_new_printf   (HsVM        *vm,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);
HsObject   *hs_str_from_gstring (HsVM        *vm,
                                 GString     *str);      /* copies */
/* Interned identifier-like string: one object per text per VM, HS_OBJ_INTERNED. */
HsObject   *hs_str_intern       (HsVM        *vm,
                                 const char  *utf8);     /* new reference */
HsObject   *hs_str_intern_obj   (HsVM        *vm,
                                 HsObject    *str);      /* steals @str, returns new ref */
gboolean    hs_str_check        (HsObject    *o);        /* str or subclass */
const char *hs_str_utf8         (HsObject    *o);
gsize       hs_str_nbytes       (HsObject    *o);
gsize       hs_str_len          (HsObject    *o);
gboolean    hs_str_equal        (HsObject    *a,
                                 HsObject    *b);        /* both str */
gboolean    hs_str_equal_cstr   (HsObject    *a,
                                 const char  *b);
gint64      hs_str_hash         (HsObject    *o);
/* repr(s) with CPython's quote choice and escapes, appended to @out. */
void        hs_str_repr_append  (HsObject    *o,
                                 GString     *out);
HsObject   *hs_str_concat       (HsVM        *vm,
                                 HsObject    *a,
                                 HsObject    *b);
/* 'fmt' % args (printf-style formatting of the str % operator). */
HsObject   *hs_str_percent_format (HsVM      *vm,
                                   HsObject  *format,
                                   HsObject  *args);
/* format(value, spec) for str; used by format() and f-strings. */
HsObject   *hs_str_format_spec  (HsVM        *vm,
                                 HsObject    *str,
                                 HsObject    *spec);

HsObject   *hs_bytes_new        (HsVM        *vm,
                                 const guint8 *data,
                                 gsize        len);

void        _hs_str_init_type   (HsVM        *vm);
void        _hs_bytes_init_type (HsVM        *vm);

G_END_DECLS
