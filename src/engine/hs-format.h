/* hs-format.h — format() mini-language and %-formatting of numbers and strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * format(value, spec), f"{x:>10.3f}" and str.format() for int, float and str
 * values, plus the per-conversion part of the % operator, with the results
 * and error messages of CPython 3.11. Results are UTF-8; they can contain
 * NUL characters (a NUL fill, "%c" % 0), so every function also reports the
 * length in bytes. Errors use the HS_NUM_ERROR domain of hs-bigint.h.
 */
#pragma once

#include <glib.h>

#include "hs-bigint.h"

G_BEGIN_DECLS

/* A parsed standard format specifier:
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct
{
  gunichar fill;       /* ' ' unless given (or '0' from the 0 flag) */
  gunichar align;      /* '<', '>', '=' or '^' */
  gunichar sign;       /* 0, '+', '-' or ' ' */
  gboolean no_neg_0;   /* 'z' */
  gboolean alternate;  /* '#' */
  gint64   width;      /* -1 when absent */
  char     grouping;   /* 0, ',' or '_' */
  gint64   precision;  /* -1 when absent */
  gunichar type;       /* the presentation type, or the default */
} HsFormatSpec;

gboolean  hs_format_spec_parse     (const char         *spec,
                                    gssize              len,
                                    gunichar            default_type,
                                    gunichar            default_align,
                                    const char         *type_name,
                                    HsFormatSpec       *out,
                                    GError            **error);

char     *hs_format_int            (const HsBigInt     *value,
                                    const char         *spec,
                                    gssize              spec_len,
                                    const char         *type_name,
                                    int                 max_str_digits,
                                    gsize              *out_len,
                                    GError            **error);
char     *hs_format_int64          (gint64              value,
                                    const char         *spec,
                                    gssize              spec_len,
                                    const char         *type_name,
                                    gsize              *out_len,
                                    GError            **error);
char     *hs_format_float          (double              value,
                                    const char         *spec,
                                    gssize              spec_len,
                                    const char         *type_name,
                                    gsize              *out_len,
                                    GError            **error);
char     *hs_format_str            (const char         *value,
                                    gssize              value_len,
                                    const char         *spec,
                                    gssize              spec_len,
                                    const char         *type_name,
                                    gsize              *out_len,
                                    GError            **error);

/* --- the % operator --------------------------------------------------- */

typedef enum
{
  HS_PERCENT_LJUST = 1 << 0,  /* '-' */
  HS_PERCENT_SIGN  = 1 << 1,  /* '+' */
  HS_PERCENT_BLANK = 1 << 2,  /* ' ' */
  HS_PERCENT_ALT   = 1 << 3,  /* '#' */
  HS_PERCENT_ZERO  = 1 << 4,  /* '0' */
} HsPercentFlags;

/* One conversion of a %-format string, from the '%' to its type letter. */
typedef struct
{
  gboolean       has_key;           /* "%(name)s" */
  gsize          key_start;         /* byte offset of name in the format */
  gsize          key_len;           /* its length in bytes */
  HsPercentFlags flags;
  gint64         width;             /* -1 when absent */
  gboolean       width_star;        /* '*': the width is the next argument */
  gint64         precision;         /* -1 when absent */
  gboolean       precision_star;    /* '.*': the precision is the next argument */
  gunichar       conversion;        /* 'd', 's', … */
  gboolean       is_escape;         /* "%%": write one '%', use no argument */
  gsize          conversion_index;  /* code point index of the letter, for errors */
} HsPercentSpec;

gboolean  hs_percent_spec_parse         (const char          *format,
                                         gsize                len,
                                         gsize               *pos,
                                         HsPercentSpec       *spec,
                                         GError             **error);
void      hs_percent_spec_set_width     (HsPercentSpec       *spec,
                                         gint64               width);
void      hs_percent_spec_set_precision (HsPercentSpec       *spec,
                                         gint64               precision);
gboolean  hs_percent_check_conversion   (const HsPercentSpec *spec,
                                         GError             **error);
gboolean  hs_percent_char_code          (const HsBigInt      *value,
                                         gunichar            *out,
                                         GError             **error);
char     *hs_percent_format_int         (const HsPercentSpec *spec,
                                         const HsBigInt      *value,
                                         int                  max_str_digits,
                                         gsize               *out_len,
                                         GError             **error);
char     *hs_percent_format_float       (const HsPercentSpec *spec,
                                         double               value,
                                         gsize               *out_len,
                                         GError             **error);
char     *hs_percent_format_text        (const HsPercentSpec *spec,
                                         const char          *text,
                                         gssize               len,
                                         gsize               *out_len,
                                         GError             **error);

G_END_DECLS
