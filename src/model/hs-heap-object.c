/* hs-heap-object.c — one simulated Python object, as a GObject a table binds to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session keeps one HsHeapObject per object id for the whole run, so a
 * table row or a selection follows the same object from step to step. Every
 * property is G_PARAM_EXPLICIT_NOTIFY and notifies only when its value
 * really changes: a bound cell redraws exactly when the learner should see
 * something move.
 */

#include "config.h"

#include "hs-heap-object-private.h"

struct _HsHeapObject
{
  GObject        parent_instance;

  guint64        id;
  guint64        address;
  const char    *type_name;     /* interned */
  char          *value_text;
  gint64         refcount;
  guint64        size;
  int            generation;
  HsObjectState  state;
  guint          referrer_count;
  guint          shared : 1;
  guint          has_finalizer : 1;
  guint          finalized : 1;
};

G_DEFINE_FINAL_TYPE (HsHeapObject, hs_heap_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ADDRESS,
  PROP_TYPE_NAME,
  PROP_VALUE_TEXT,
  PROP_REFCOUNT,
  PROP_GENERATION,
  PROP_SHARED,
  PROP_SIZE,
  PROP_STATE,
  PROP_REFERRER_COUNT,
  PROP_HAS_FINALIZER,
  PROP_FINALIZED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_heap_object_finalize (GObject *object)
{
  HsHeapObject *self = HS_HEAP_OBJECT (object);

  g_clear_pointer (&self->value_text, g_free);

  G_OBJECT_CLASS (hs_heap_object_parent_class)->finalize (object);
}

static void
hs_heap_object_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HsHeapObject *self = HS_HEAP_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint64 (value, self->id);
      break;

    case PROP_ADDRESS:
      g_value_set_uint64 (value, self->address);
      break;

    case PROP_TYPE_NAME:
      g_value_set_static_string (value, self->type_name);
      break;

    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;

    case PROP_REFCOUNT:
      g_value_set_int64 (value, self->refcount);
      break;

    case PROP_GENERATION:
      g_value_set_int (value, self->generation);
      break;

    case PROP_SHARED:
      g_value_set_boolean (value, self->shared);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REFERRER_COUNT:
      g_value_set_uint (value, self->referrer_count);
      break;

    case PROP_HAS_FINALIZER:
      g_value_set_boolean (value, self->has_finalizer);
      break;

    case PROP_FINALIZED:
      g_value_set_boolean (value, self->finalized);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_heap_object_class_init (HsHeapObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = hs_heap_object_finalize;
  object_class->get_property = hs_heap_object_get_property;

  /**
   * HsHeapObject:id:
   *
   * The object's creation serial: its identity for the whole run.
   */
  properties[PROP_ID] =
    g_param_spec_uint64 ("id", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  /**
   * HsHeapObject:address:
   *
   * What id() returns for it in the snippet, for display.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_uint64 ("address", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  properties[PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL, flags);

  /**
   * HsHeapObject:value-text:
   *
   * A short repr(): `[1, 2, 3]`, `'Object A'`, `MyClass`.
   */
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL, NULL, flags);

  /**
   * HsHeapObject:refcount:
   *
   * ob_refcnt: what sys.getrefcount() shows minus one (its own argument).
   */
  properties[PROP_REFCOUNT] =
    g_param_spec_int64 ("refcount", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  /**
   * HsHeapObject:generation:
   *
   * 0, 1 or 2; 3 after gc.freeze(); -1 when it could be tracked but is not
   * (a dict of ints); -2 for objects the collector never tracks (int, str).
   */
  properties[PROP_GENERATION] =
    g_param_spec_int ("generation", NULL, NULL,
                      HS_GENERATION_NOT_GC, HS_GENERATION_PERMANENT, HS_GENERATION_NOT_GC,
                      flags);

  /**
   * HsHeapObject:shared:
   *
   * A shared or cached object (None, small ints, interned strings): many
   * references come from the interpreter itself and it is never freed.
   */
  properties[PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags);

  /**
   * HsHeapObject:size:
   *
   * sys.getsizeof(), in bytes.
   */
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       HS_TYPE_OBJECT_STATE, HS_OBJECT_ALIVE, flags);

  /**
   * HsHeapObject:referrer-count:
   *
   * How many references to it the heap view shows: names in frames and
   * strong references from other objects shown (weak references excluded;
   * a module-level name counts once, as its entry in the globals dict).
   * The rest of its refcount comes from places not drawn.
   */
  properties[PROP_REFERRER_COUNT] =
    g_param_spec_uint ("referrer-count", NULL, NULL, 0, G_MAXUINT, 0, flags);

  properties[PROP_HAS_FINALIZER] =
    g_param_spec_boolean ("has-finalizer", NULL, NULL, FALSE, flags);

  /**
   * HsHeapObject:finalized:
   *
   * Its __del__ has already run (gc.is_finalized()).
   */
  properties[PROP_FINALIZED] =
    g_param_spec_boolean ("finalized", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_heap_object_init (HsHeapObject *self)
{
  self->type_name = "";
  self->generation = HS_GENERATION_NOT_GC;
  self->state = HS_OBJECT_ALIVE;
}

HsHeapObject *
_hs_heap_object_new (guint64 id)
{
  HsHeapObject *self = g_object_new (HS_TYPE_HEAP_OBJECT, NULL);

  self->id = id;
  return self;
}

/* Each setter notifies only when the value differs. */
#define SET_FIELD(self, field, value, prop) \
  G_STMT_START {                                                       \
    if ((self)->field != (value))                                      \
      {                                                                \
        (self)->field = (value);                                       \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);  \
      }                                                                \
  } G_STMT_END

void
_hs_heap_object_update (HsHeapObject       *self,
                        const HsObjectInfo *info,
                        HsObjectState       state,
                        guint               referrer_count)
{
  const char *type_name;

  g_return_if_fail (HS_IS_HEAP_OBJECT (self));
  g_return_if_fail (info != NULL && info->id == self->id);

  type_name = info->type_name != NULL ? info->type_name : "";

  g_object_freeze_notify (G_OBJECT (self));
  SET_FIELD (self, address, info->address, PROP_ADDRESS);
  /* A handful of type names: interning them keeps objects small. */
  if (g_strcmp0 (self->type_name, type_name) != 0)
    {
      self->type_name = g_intern_string (type_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_NAME]);
    }
  if (g_strcmp0 (self->value_text, info->value) != 0)
    {
      g_free (self->value_text);
      self->value_text = g_strdup (info->value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TEXT]);
    }
  SET_FIELD (self, refcount, state == HS_OBJECT_FREED ? 0 : info->refcount, PROP_REFCOUNT);
  SET_FIELD (self, generation, info->generation, PROP_GENERATION);
  SET_FIELD (self, shared, !!(info->flags & HS_OBJECT_FLAG_SHARED), PROP_SHARED);
  SET_FIELD (self, size, info->size, PROP_SIZE);
  SET_FIELD (self, state, state, PROP_STATE);
  SET_FIELD (self, referrer_count, referrer_count, PROP_REFERRER_COUNT);
  SET_FIELD (self, has_finalizer, !!(info->flags & HS_OBJECT_FLAG_HAS_FINALIZER),
             PROP_HAS_FINALIZER);
  SET_FIELD (self, finalized, !!(info->flags & HS_OBJECT_FLAG_FINALIZED), PROP_FINALIZED);
  g_object_thaw_notify (G_OBJECT (self));
}

guint64
hs_heap_object_get_id (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), 0);

  return self->id;
}

guint64
hs_heap_object_get_address (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), 0);

  return self->address;
}

const char *
hs_heap_object_get_type_name (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), NULL);

  return self->type_name;
}

const char *
hs_heap_object_get_value_text (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), NULL);

  return self->value_text;
}

gint64
hs_heap_object_get_refcount (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), 0);

  return self->refcount;
}

int
hs_heap_object_get_generation (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), HS_GENERATION_NOT_GC);

  return self->generation;
}

gboolean
hs_heap_object_get_shared (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), FALSE);

  return self->shared;
}

guint64
hs_heap_object_get_size (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), 0);

  return self->size;
}

HsObjectState
hs_heap_object_get_state (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), HS_OBJECT_ALIVE);

  return self->state;
}

guint
hs_heap_object_get_referrer_count (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), 0);

  return self->referrer_count;
}

gboolean
hs_heap_object_get_has_finalizer (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), FALSE);

  return self->has_finalizer;
}

gboolean
hs_heap_object_get_finalized (HsHeapObject *self)
{
  g_return_val_if_fail (HS_IS_HEAP_OBJECT (self), FALSE);

  return self->finalized;
}
