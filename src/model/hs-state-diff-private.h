/* hs-state-diff-private.h — facts the model derives from one or two heap states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain functions on HsHeapState (no GObject): the session, the explanation
 * and the worker threads that search for changes all use them. The hash
 * tables they return use g_int64_hash on guint64 ids and point into @state,
 * so they must not outlive it.
 */
#pragma once

#include <glib.h>

#include "hs-model-types.h"
#include "hs-trace.h"

G_BEGIN_DECLS

/* Ids of the objects whose __del__ frame is running in @state. */
GHashTable    *_hs_state_finalizing_ids  (HsHeapState        *state);
/* Ids of the objects freed during @state's step (its DEALLOC and FREE
 * events; one resurrected by its __del__ is still in @state). */
GHashTable    *_hs_state_freed_ids       (HsHeapState        *state);
/* id → GUINT_TO_POINTER (number of names and strong references to it);
 * a module-level name counts once, as its globals dict's entry. */
GHashTable    *_hs_state_referrer_counts (HsHeapState        *state);
/* The engine's state, with finalizing derived from the frames. */
HsObjectState  _hs_state_object_state    (const HsObjectInfo *info,
                                          GHashTable         *finalizing);
/* Whether object @id differs between @before and @after in any of @what.
 * Being created or freed by @after's step counts as every kind of change. */
gboolean       _hs_state_object_changed  (HsHeapState        *before,
                                          HsHeapState        *after,
                                          guint64             id,
                                          HsChangeFlags       what);

G_END_DECLS
