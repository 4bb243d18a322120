/* hs-exc-object.h — exception objects (BaseException and its family)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject   base;
  HsObject  *args;              /* tuple */
  HsObject  *traceback;         /* traceback or NULL */
  HsObject  *context;           /* exception or NULL */
  HsObject  *cause;             /* exception or NULL */
  gboolean   suppress_context;
  HsObject  *extra;             /* StopIteration.value, NameError.name, … or NULL */
  HsObject  *extra2;            /* AttributeError.obj … */
} HsBaseException;

#define HS_EXC(o) ((HsBaseException *) (o))

gboolean   hs_exception_check        (HsObject   *o);
gboolean   hs_exception_class_check  (HsObject   *o);
/* Instantiates @type with @args (borrowed tuple) without running Python code
 * unless @type is a user subclass with __init__/__new__. */
HsObject  *hs_exception_new          (HsVM       *vm,
                                      HsType     *type,
                                      HsObject   *args);
/* "ExceptionType: message" as the last traceback line prints it. */
char      *hs_exception_format_last_line (HsVM   *vm,
                                          HsObject *exc);
HsObject  *hs_exception_get_traceback (HsObject  *exc);
void       hs_exception_set_traceback (HsVM      *vm,
                                       HsObject  *exc,
                                       HsObject  *tb);
void       hs_exception_set_context  (HsVM       *vm,
                                      HsObject   *exc,
                                      HsObject   *context);   /* new reference taken */
void       hs_exception_set_cause    (HsVM       *vm,
                                      HsObject   *exc,
                                      HsObject   *cause);     /* new reference taken; NULL = None */

/* Writes CPython's traceback report for @exc (with chained causes and
 * contexts) to stderr through the VM's output. */
void       hs_traceback_print        (HsVM       *vm,
                                      HsObject   *exc);

void       _hs_exc_init_types        (HsVM       *vm);

G_END_DECLS
