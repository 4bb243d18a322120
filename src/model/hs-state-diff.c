/* hs-state-diff.c — facts the model derives from one or two heap states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-state-diff-private.h"

static gboolean
is_finalizer_frame (const HsFrameInfo *frame)
{
  return frame->running && frame->function != NULL
         && g_str_has_suffix (frame->function, "__del__")
         && frame->bindings->len > 0;
}

GHashTable *
_hs_state_finalizing_ids (HsHeapState *state)
{
  GHashTable *ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* The engine reports no __del__ events yet; a running __del__ frame is
   * the same fact: its first name, self, is the object being finalized. */
  for (guint i = 0; i < state->frames->len; i++)
    {
      HsFrameInfo *frame = g_ptr_array_index (state->frames, i);

      if (is_finalizer_frame (frame))
        {
          HsBindingInfo *self = &g_array_index (frame->bindings, HsBindingInfo, 0);

          if (self->object != 0)
            g_hash_table_add (ids, &self->object);
        }
    }
  for (guint i = 0; i < state->events->len; i++)
    {
      HsEventInfo *ev = &g_array_index (state->events, HsEventInfo, i);

      if (ev->kind == HS_EVENT_DEL_START && ev->object != 0)
        g_hash_table_add (ids, &ev->object);
      else if (ev->kind == HS_EVENT_DEL_END)
        g_hash_table_remove (ids, &ev->object);
    }
  return ids;
}

GHashTable *
_hs_state_freed_ids (HsHeapState *state)
{
  GHashTable *ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < state->events->len; i++)
    {
      HsEventInfo *ev = &g_array_index (state->events, HsEventInfo, i);

      /* Inside a line an object is gone from the moment its count
       * reaches zero, before its memory is released. */
      if ((ev->kind == HS_EVENT_FREE || ev->kind == HS_EVENT_DEALLOC) && ev->object != 0)
        g_hash_table_add (ids, &ev->object);
    }
  return ids;
}

static void
count_one (GHashTable *counts,
           guint64    *id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

  g_hash_table_insert (counts, id, GUINT_TO_POINTER (n + 1));
}

/* Whether @state shows @name → @object as an entry of a dict too: the
 * module's names are its globals dict, not references of their own. */
static gboolean
is_dict_entry (GHashTable    *entries,
               HsBindingInfo *b)
{
  g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT "'%s'", b->object, b->name);

  return g_hash_table_contains (entries, key);
}

GHashTable *
_hs_state_referrer_counts (HsHeapState *state)
{
  GHashTable *counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < state->edges->len; i++)
    {
      HsEdgeInfo *e = &g_array_index (state->edges, HsEdgeInfo, i);

      if (e->kind == HS_EDGE_WEAK)
        continue;
      count_one (counts, &e->to);
      /* Dict values are labelled with their key's repr: 'name'. */
      if (e->kind == HS_EDGE_VALUE && e->label != NULL && e->label[0] == '\'')
        g_hash_table_add (entries, g_strdup_printf ("%" G_GUINT64_FORMAT "%s", e->to, e->label));
    }
  for (guint i = 0; i < state->frames->len; i++)
    {
      HsFrameInfo *frame = g_ptr_array_index (state->frames, i);
      gboolean module = g_strcmp0 (frame->function, "<module>") == 0;

      for (guint j = 0; j < frame->bindings->len; j++)
        {
          HsBindingInfo *b = &g_array_index (frame->bindings, HsBindingInfo, j);

          if (b->object != 0 && !(module && is_dict_entry (entries, b)))
            count_one (counts, &b->object);
        }
    }
  return counts;
}

HsObjectState
_hs_state_object_state (const HsObjectInfo *info,
                        GHashTable         *finalizing)
{
  if (finalizing != NULL && g_hash_table_contains (finalizing, &info->id))
    return HS_OBJECT_FINALIZING;
  return info->state;
}

/* The edges leaving @id, sorted, as "kind label → to" records. */
static GArray *
edges_from (HsHeapState *state,
            guint64      id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HsEdgeInfo));

  for (guint i = 0; i < state->edges->len; i++)
    {
      HsEdgeInfo *e = &g_array_index (state->edges, HsEdgeInfo, i);

      if (e->from == id)
        g_array_append_val (out, *e);
    }
  return out;
}

static gboolean
same_edges (GArray *a,
            GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  /* The snapshot lists an object's references in a fixed order (slots,
   * items, attributes), so the same references come in the same order. */
  for (guint i = 0; i < a->len; i++)
    {
      HsEdgeInfo *x = &g_array_index (a, HsEdgeInfo, i);
      HsEdgeInfo *y = &g_array_index (b, HsEdgeInfo, i);

      if (x->to != y->to || x->kind != y->kind || g_strcmp0 (x->label, y->label) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
_hs_state_object_changed (HsHeapState   *before,
                          HsHeapState   *after,
                          guint64        id,
                          HsChangeFlags  what)
{
  const HsObjectInfo *a = hs_heap_state_lookup (before, id);
  const HsObjectInfo *b = hs_heap_state_lookup (after, id);

  if (a == NULL && b == NULL)
    return FALSE;
  if (a == NULL || b == NULL)
    {
      /* Being created or freed changes everything about an object; moving
       * in or out of view (a shared object no name refers to) does not. */
      if (b == NULL)
        {
          g_autoptr(GHashTable) freed = _hs_state_freed_ids (after);

          return g_hash_table_contains (freed, &id);
        }
      for (guint i = 0; i < after->events->len; i++)
        {
          HsEventInfo *ev = &g_array_index (after->events, HsEventInfo, i);

          if (ev->kind == HS_EVENT_ALLOC && ev->object == id)
            return TRUE;
        }
      return FALSE;
    }

  if ((what & HS_CHANGE_REFCOUNT) && a->refcount != b->refcount)
    return TRUE;
  if ((what & HS_CHANGE_GENERATION) && a->generation != b->generation)
    return TRUE;
  if ((what & HS_CHANGE_VALUE) && g_strcmp0 (a->value, b->value) != 0)
    return TRUE;
  if (what & HS_CHANGE_STATE)
    {
      g_autoptr(GHashTable) fa = _hs_state_finalizing_ids (before);
      g_autoptr(GHashTable) fb = _hs_state_finalizing_ids (after);

      if (_hs_state_object_state (a, fa) != _hs_state_object_state (b, fb))
        return TRUE;
    }
  if (what & HS_CHANGE_EDGES)
    {
      g_autoptr(GArray) ea = edges_from (before, id);
      g_autoptr(GArray) eb = edges_from (after, id);

      if (!same_edges (ea, eb))
        return TRUE;
    }
  return FALSE;
}
