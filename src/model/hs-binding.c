/* hs-binding.c — a name in a frame and the object it refers to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hs-binding-private.h"

struct _HsBinding
{
  GObject       parent_instance;

  const char   *name;       /* interned */
  guint64       object_id;  /* 0: the name exists but is unbound */
  HsHeapObject *object;     /* owned; NULL when unbound or not shown */
};

G_DEFINE_FINAL_TYPE (HsBinding, hs_binding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_OBJECT_ID,
  PROP_OBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_binding_dispose (GObject *object)
{
  HsBinding *self = HS_BINDING (object);

  g_clear_object (&self->object);

  G_OBJECT_CLASS (hs_binding_parent_class)->dispose (object);
}

static void
hs_binding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HsBinding *self = HS_BINDING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_static_string (value, self->name);
      break;

    case PROP_OBJECT_ID:
      g_value_set_uint64 (value, self->object_id);
      break;

    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_binding_class_init (HsBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = hs_binding_dispose;
  object_class->get_property = hs_binding_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * HsBinding:object-id:
   *
   * The id of the object the name refers to, or 0 while it is unbound
   * (a local assigned later in the function).
   */
  properties[PROP_OBJECT_ID] =
    g_param_spec_uint64 ("object-id", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL, HS_TYPE_HEAP_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_binding_init (HsBinding *self)
{
}

HsBinding *
_hs_binding_new (const char *name)
{
  HsBinding *self = g_object_new (HS_TYPE_BINDING, NULL);

  self->name = g_intern_string (name);
  return self;
}

void
_hs_binding_set_object (HsBinding    *self,
                        guint64       object_id,
                        HsHeapObject *object)
{
  g_return_if_fail (HS_IS_BINDING (self));
  g_return_if_fail (object == NULL || HS_IS_HEAP_OBJECT (object));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->object_id != object_id)
    {
      self->object_id = object_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT_ID]);
    }
  if (g_set_object (&self->object, object))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
hs_binding_get_name (HsBinding *self)
{
  g_return_val_if_fail (HS_IS_BINDING (self), NULL);

  return self->name;
}

guint64
hs_binding_get_object_id (HsBinding *self)
{
  g_return_val_if_fail (HS_IS_BINDING (self), 0);

  return self->object_id;
}

HsHeapObject *
hs_binding_get_object (HsBinding *self)
{
  g_return_val_if_fail (HS_IS_BINDING (self), NULL);

  return self->object;
}
