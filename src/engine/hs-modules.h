/* hs-modules.h — the simulated modules: sys, gc, weakref
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

void       _hs_module_init_type     (HsVM              *vm);
void       _hs_module_add_functions (HsVM              *vm,
                                     HsObject          *module,
                                     const HsMethodDef *defs);
void       _hs_sys_init             (HsVM              *vm);
HsObject  *_hs_gc_module_new        (HsVM              *vm);
HsObject  *_hs_weakref_module_new   (HsVM              *vm);

G_END_DECLS
