/* hs-number-object.h — int, bool and float objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-bigint.h"
#include "hs-object.h"

G_BEGIN_DECLS

/* An int keeps machine-size values inline and switches to an HsBigInt when
 * the value leaves gint64; bool is an int subtype with the two singletons. */
typedef struct
{
  HsObject   base;
  gint64     value;        /* valid when big == NULL */
  HsBigInt  *big;
} HsInt;

typedef struct
{
  HsObject   base;
  double     value;
} HsFloat;

#define HS_INT(o)   ((HsInt *) (o))
#define HS_FLOAT(o) ((HsFloat *) (o))

HsObject  *hs_int_from_i64       (HsVM      *vm,
                                  gint64     v);
HsObject  *hs_int_from_bigint    (HsVM      *vm,
                                  HsBigInt  *big);     /* steals @big; normalises to i64 */
gboolean   hs_int_check          (HsObject  *o);       /* int, bool or subclass */
gboolean   hs_int_is_small       (HsObject  *o);       /* fits gint64 */
/* Value as gint64; FALSE (OverflowError set when @vm is non-NULL) if it does not fit. */
gboolean   hs_int_as_i64         (HsVM      *vm,
                                  HsObject  *o,
                                  gint64    *out);
HsBigInt  *hs_int_to_bigint      (HsObject  *o);       /* new HsBigInt copy */
HsObject  *hs_int_from_string    (HsVM      *vm,
                                  const char *text,
                                  int        base);    /* ValueError on bad text */
char      *hs_int_to_string      (HsObject  *o,
                                  int        base);
int        hs_int_compare        (HsObject  *a,
                                  HsObject  *b);       /* both int */
gint64     hs_int_hash           (HsObject  *o);
double     hs_int_as_double      (HsVM      *vm,
                                  HsObject  *o,
                                  gboolean  *ok);      /* OverflowError when too large */

HsObject  *hs_float_new          (HsVM      *vm,
                                  double     v);
gboolean   hs_float_check        (HsObject  *o);
/* float(o) for ints and floats (FALSE + TypeError otherwise). */
gboolean   hs_number_as_double   (HsVM      *vm,
                                  HsObject  *o,
                                  double    *out);

void       _hs_number_init_types (HsVM      *vm);

G_END_DECLS
