/* hs-heap-snapshot.h — capture what a live VM's heap looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-trace.h"
#include "hs-vm.h"

G_BEGIN_DECLS

HsHeapState *_hs_heap_snapshot        (HsVM         *vm,
                                        guint64       first_serial,
                                        guint64       step,
                                        int           line);
HsHeapState *_hs_heap_state_new_empty (void);
HsFrameInfo *_hs_frame_info_new       (void);
void         _hs_heap_state_index     (HsHeapState  *state);
/* Serialisation, to send a state between processes (hs-heap-state-io.c). */
void         _hs_heap_state_write     (HsHeapState  *state,
                                       GByteArray   *out);
HsHeapState *_hs_heap_state_read      (const guint8 *data,
                                       gsize         len);

G_END_DECLS
