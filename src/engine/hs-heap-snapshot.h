/* hs-heap-snapshot.h — capture what a live VM's heap looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-trace.h"
#include "hs-vm.h"

G_BEGIN_DECLS

HsHeapState *_hs_heap_snapshot (HsVM    *vm,
                                guint64  first_serial,
                                guint64  step,
                                int      line);

G_END_DECLS
