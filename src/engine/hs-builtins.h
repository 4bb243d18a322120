/* hs-builtins.h — the builtins module, sys, and the simulated imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-frame.h"
#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject   base;
  HsObject  *dict;
  HsObject  *name;
} HsModuleObject;

#define HS_MODULE(o) ((HsModuleObject *) (o))

HsObject   *hs_module_new            (HsVM       *vm,
                                      const char *name);
const char *_hs_module_name          (HsObject   *module);
/* `import name`: the simulated modules (sys, gc, weakref) or a clear error
 * for everything that would touch the real system. */
HsObject   *_hs_import_module        (HsVM       *vm,
                                      HsObject   *name);
/* super() with no arguments, from the running method's frame. */
HsObject   *_hs_super_zero_args      (HsVM       *vm,
                                      HsFrame    *frame);
/* "f()" or "C.m()" for messages about a call. */
const char *_hs_callable_description (HsVM       *vm,
                                      HsObject   *func);
/* An iterator over o[0], o[1], … for classes with only __getitem__. */
/* iter(@callable, @sentinel) */
HsObject   *_hs_call_iter_new        (HsVM       *vm,
                                      HsObject   *callable,
                                      HsObject   *sentinel);
HsObject   *_hs_seq_iter_new         (HsVM       *vm,
                                      HsObject   *seq);

void        _hs_builtins_init_types  (HsVM       *vm);
void        _hs_builtins_init        (HsVM       *vm);

G_END_DECLS
