/* hs-model-types.h — GTypes for the engine's plain C types the model exposes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine is GLib-only, so its structs and enums have no GType. These
 * registrations let them travel through GObject properties and signals.
 */
#pragma once

#include <glib-object.h>

#include "hs-diagnostic.h"
#include "hs-trace.h"

G_BEGIN_DECLS

/* HsDiagnostic (hs-diagnostic.h): a located error, copied with hs_diagnostic_copy(). */
#define HS_TYPE_DIAGNOSTIC    (hs_diagnostic_get_type ())
/* HsHeapState (hs-trace.h): the heap at one step, reference counted. */
#define HS_TYPE_HEAP_STATE    (hs_heap_state_get_type ())
/* HsObjectState (hs-trace.h): alive, unreachable, finalizing, freed. */
#define HS_TYPE_OBJECT_STATE  (hs_object_state_get_type ())
#define HS_TYPE_CHANGE_FLAGS  (hs_change_flags_get_type ())

/**
 * HsChangeFlags:
 * @HS_CHANGE_REFCOUNT: the object's reference count
 * @HS_CHANGE_GENERATION: its GC generation (or whether it is tracked)
 * @HS_CHANGE_STATE: alive, unreachable, finalizing or freed
 * @HS_CHANGE_VALUE: its short text (a list gained an item, an int was rebound…)
 * @HS_CHANGE_EDGES: the references it holds to other objects
 * @HS_CHANGE_ANY: any of these
 *
 * What hs_session_go_to_next_change() looks for.
 */
typedef enum
{
  HS_CHANGE_REFCOUNT   = 1 << 0,
  HS_CHANGE_GENERATION = 1 << 1,
  HS_CHANGE_STATE      = 1 << 2,
  HS_CHANGE_VALUE      = 1 << 3,
  HS_CHANGE_EDGES      = 1 << 4,
  HS_CHANGE_ANY        = 0x1f,
} HsChangeFlags;

GType hs_diagnostic_get_type   (void) G_GNUC_CONST;
GType hs_heap_state_get_type   (void) G_GNUC_CONST;
GType hs_object_state_get_type (void) G_GNUC_CONST;
GType hs_change_flags_get_type (void) G_GNUC_CONST;

G_END_DECLS
