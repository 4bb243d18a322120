/* hs-model-types.c — GTypes for the engine's plain C types the model exposes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hs-model-types.h"

G_DEFINE_BOXED_TYPE (HsDiagnostic, hs_diagnostic, hs_diagnostic_copy, hs_diagnostic_free)
G_DEFINE_BOXED_TYPE (HsHeapState, hs_heap_state, hs_heap_state_ref, hs_heap_state_unref)

GType
hs_object_state_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { HS_OBJECT_ALIVE, "HS_OBJECT_ALIVE", "alive" },
        { HS_OBJECT_UNREACHABLE, "HS_OBJECT_UNREACHABLE", "unreachable" },
        { HS_OBJECT_FINALIZING, "HS_OBJECT_FINALIZING", "finalizing" },
        { HS_OBJECT_FREED, "HS_OBJECT_FREED", "freed" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("HsObjectState"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

GType
hs_change_flags_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { HS_CHANGE_REFCOUNT, "HS_CHANGE_REFCOUNT", "refcount" },
        { HS_CHANGE_GENERATION, "HS_CHANGE_GENERATION", "generation" },
        { HS_CHANGE_STATE, "HS_CHANGE_STATE", "state" },
        { HS_CHANGE_VALUE, "HS_CHANGE_VALUE", "value" },
        { HS_CHANGE_EDGES, "HS_CHANGE_EDGES", "edges" },
        { 0, NULL, NULL }
      };
      GType type = g_flags_register_static (g_intern_static_string ("HsChangeFlags"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}
