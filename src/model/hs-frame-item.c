/* hs-frame-item.c — one frame of the call stack (or a suspended generator's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame keeps its HsBinding objects while the same names stay in the same
 * order, so stepping through a function updates rows instead of replacing
 * them.
 */

#include "config.h"

#include "hs-binding-private.h"
#include "hs-frame-item-private.h"

struct _HsFrameItem
{
  GObject     parent_instance;

  char       *function_name;
  guint64     generator_id;
  GListStore *names;          /* HsBinding */
  int         line;
  gboolean    suspended;
};

G_DEFINE_FINAL_TYPE (HsFrameItem, hs_frame_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FUNCTION_NAME,
  PROP_LINE,
  PROP_IS_GENERATOR,
  PROP_GENERATOR_ID,
  PROP_SUSPENDED,
  PROP_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_frame_item_dispose (GObject *object)
{
  HsFrameItem *self = HS_FRAME_ITEM (object);

  g_clear_object (&self->names);

  G_OBJECT_CLASS (hs_frame_item_parent_class)->dispose (object);
}

static void
hs_frame_item_finalize (GObject *object)
{
  HsFrameItem *self = HS_FRAME_ITEM (object);

  g_clear_pointer (&self->function_name, g_free);

  G_OBJECT_CLASS (hs_frame_item_parent_class)->finalize (object);
}

static void
hs_frame_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsFrameItem *self = HS_FRAME_ITEM (object);

  switch (prop_id)
    {
    case PROP_FUNCTION_NAME:
      g_value_set_string (value, self->function_name);
      break;

    case PROP_LINE:
      g_value_set_int (value, self->line);
      break;

    case PROP_IS_GENERATOR:
      g_value_set_boolean (value, self->generator_id != 0);
      break;

    case PROP_GENERATOR_ID:
      g_value_set_uint64 (value, self->generator_id);
      break;

    case PROP_SUSPENDED:
      g_value_set_boolean (value, self->suspended);
      break;

    case PROP_NAMES:
      g_value_set_object (value, self->names);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_frame_item_class_init (HsFrameItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = hs_frame_item_dispose;
  object_class->finalize = hs_frame_item_finalize;
  object_class->get_property = hs_frame_item_get_property;

  /**
   * HsFrameItem:function-name:
   *
   * The code's qualified name: `<module>`, `f`, `MyClass.__init__`.
   */
  properties[PROP_FUNCTION_NAME] =
    g_param_spec_string ("function-name", NULL, NULL, NULL, flags);

  properties[PROP_LINE] =
    g_param_spec_int ("line", NULL, NULL, 0, G_MAXINT, 0, flags);

  properties[PROP_IS_GENERATOR] =
    g_param_spec_boolean ("is-generator", NULL, NULL, FALSE, flags);

  /**
   * HsFrameItem:generator-id:
   *
   * The id of the generator object that owns this frame, or 0.
   */
  properties[PROP_GENERATOR_ID] =
    g_param_spec_uint64 ("generator-id", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  /**
   * HsFrameItem:suspended:
   *
   * A generator's frame that is not on the call stack: it waits at a yield.
   */
  properties[PROP_SUSPENDED] =
    g_param_spec_boolean ("suspended", NULL, NULL, FALSE, flags);

  /**
   * HsFrameItem:names:
   *
   * The frame's names (locals, or globals for `<module>`) as a #GListModel
   * of #HsBinding, in slot order.
   */
  properties[PROP_NAMES] =
    g_param_spec_object ("names", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_frame_item_init (HsFrameItem *self)
{
  self->names = g_list_store_new (HS_TYPE_BINDING);
}

HsFrameItem *
_hs_frame_item_new (const HsFrameInfo *info)
{
  HsFrameItem *self = g_object_new (HS_TYPE_FRAME_ITEM, NULL);

  self->function_name = g_strdup (info->function);
  self->generator_id = info->generator;
  self->line = info->line;
  self->suspended = !info->running;
  return self;
}

gboolean
_hs_frame_item_matches (HsFrameItem       *self,
                        const HsFrameInfo *info)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), FALSE);

  return self->generator_id == info->generator
         && g_strcmp0 (self->function_name, info->function) == 0;
}

void
_hs_frame_item_update (HsFrameItem       *self,
                       const HsFrameInfo *info,
                       GHashTable        *objects)
{
  GListModel *names = G_LIST_MODEL (self->names);
  guint n_old = g_list_model_get_n_items (names);
  guint n_new = info->bindings->len;
  guint keep = 0;

  g_return_if_fail (HS_IS_FRAME_ITEM (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->line != info->line)
    {
      self->line = info->line;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
    }
  if (self->suspended != !info->running)
    {
      self->suspended = !info->running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUSPENDED]);
    }

  /* Keep the bindings whose names still come in the same order; the rest
   * of the list is replaced in one items-changed. */
  for (; keep < MIN (n_old, n_new); keep++)
    {
      g_autoptr(HsBinding) binding = g_list_model_get_item (names, keep);
      const HsBindingInfo *b = &g_array_index (info->bindings, HsBindingInfo, keep);

      if (g_strcmp0 (hs_binding_get_name (binding), b->name) != 0)
        break;
      _hs_binding_set_object (binding, b->object,
                              b->object != 0 ? g_hash_table_lookup (objects, &b->object) : NULL);
    }
  if (keep < n_old || keep < n_new)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = keep; i < n_new; i++)
        {
          const HsBindingInfo *b = &g_array_index (info->bindings, HsBindingInfo, i);
          HsBinding *binding = _hs_binding_new (b->name);

          _hs_binding_set_object (binding, b->object,
                                  b->object != 0 ? g_hash_table_lookup (objects, &b->object) : NULL);
          g_ptr_array_add (added, binding);
        }
      g_list_store_splice (self->names, keep, n_old - keep, added->pdata, added->len);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
hs_frame_item_get_function_name (HsFrameItem *self)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), NULL);

  return self->function_name;
}

int
hs_frame_item_get_line (HsFrameItem *self)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), 0);

  return self->line;
}

gboolean
hs_frame_item_get_is_generator (HsFrameItem *self)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), FALSE);

  return self->generator_id != 0;
}

guint64
hs_frame_item_get_generator_id (HsFrameItem *self)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), 0);

  return self->generator_id;
}

gboolean
hs_frame_item_get_suspended (HsFrameItem *self)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), FALSE);

  return self->suspended;
}

/**
 * hs_frame_item_get_names:
 *
 * Returns: (transfer none): a #GListModel of #HsBinding
 */
GListModel *
hs_frame_item_get_names (HsFrameItem *self)
{
  g_return_val_if_fail (HS_IS_FRAME_ITEM (self), NULL);

  return G_LIST_MODEL (self->names);
}
