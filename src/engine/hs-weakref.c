/* hs-weakref.c — weak references: weakref.ref, proxies and their clearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transcription of CPython 3.11's Objects/weakrefobject.c: the same list
 * discipline (shared callback-less refs, where new references are
 * inserted), the same clearing order when a referent dies and the same
 * objects being alive at each moment, because learners watch callbacks run
 * and gc.collect() counts weak references that die during its callbacks.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-recorder.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref-private.h"
#include "hs-weakref.h"

/* The referent list ----------------------------------------------------------- */

gboolean
hs_type_supports_weakrefs (HsType *type)
{
  return (type->tp_flags & HS_TPFLAG_WEAKREFABLE) != 0;
}

gboolean
hs_weakref_check (HsVM     *vm,
                  HsObject *o)
{
  HsType *t = o->ob_type;

  if (vm->types.weakref == NULL)
    return FALSE;
  return t == vm->types.weakref || t == vm->types.weakproxy || t == vm->types.weakcallableproxy
         || hs_type_is_subtype (t, vm->types.weakref);
}

static gboolean
is_proxy (HsVM     *vm,
          HsObject *o)
{
  return o->ob_type == vm->types.weakproxy || o->ob_type == vm->types.weakcallableproxy;
}

/* Unlinks @self from its referent's list (the only place that does), then
 * releases the callback: CPython's clear_weakref. */
static void
clear_weakref (HsVM      *vm,
               HsWeakRef *self)
{
  HsObject *callback = self->callback;

  if (self->referent != NULL)
    {
      HsObject *referent = self->referent;

      if (referent->weakrefs == self)
        referent->weakrefs = self->wr_next;
      self->referent = NULL;
      if (self->wr_prev != NULL)
        self->wr_prev->wr_next = self->wr_next;
      if (self->wr_next != NULL)
        self->wr_next->wr_prev = self->wr_prev;
      self->wr_prev = NULL;
      self->wr_next = NULL;
    }
  if (callback != NULL)
    {
      self->callback = NULL;
      hs_decref (vm, callback);
    }
}

void
hs_weakref_clear_ref (HsVM      *vm,
                      HsWeakRef *ref)
{
  HsObject *callback = ref->callback;

  /* Keep the callback: the collector calls it, or drops it, later. */
  ref->callback = NULL;
  clear_weakref (vm, ref);
  ref->callback = callback;
}

gsize
hs_weakref_count (HsObject *o)
{
  gsize n = 0;

  for (HsWeakRef *r = o->weakrefs; r != NULL; r = r->wr_next)
    n++;
  return n;
}

static void
insert_head (HsWeakRef *ref,
             HsObject  *referent)
{
  HsWeakRef *next = referent->weakrefs;

  ref->wr_prev = NULL;
  ref->wr_next = next;
  if (next != NULL)
    next->wr_prev = ref;
  referent->weakrefs = ref;
}

static void
insert_after (HsWeakRef *ref,
              HsWeakRef *prev)
{
  ref->wr_prev = prev;
  ref->wr_next = prev->wr_next;
  if (prev->wr_next != NULL)
    prev->wr_next->wr_prev = ref;
  prev->wr_next = ref;
}

/* The shared callback-less ref and proxy at the head of the list. */
static void
get_basic_refs (HsVM       *vm,
                HsWeakRef  *head,
                HsWeakRef **refp,
                HsWeakRef **proxyp)
{
  *refp = NULL;
  *proxyp = NULL;
  if (head != NULL && head->callback == NULL)
    {
      if (head->base.ob_type == vm->types.weakref)
        {
          *refp = head;
          head = head->wr_next;
        }
      if (head != NULL && head->callback == NULL && is_proxy (vm, (HsObject *) head))
        *proxyp = head;
    }
}

static void
handle_callback (HsVM      *vm,
                 HsWeakRef *ref,
                 HsObject  *callback)
{
  HsObject *arg = (HsObject *) ref;
  HsObject *res = hs_object_call (vm, callback, &arg, 1, NULL);

  if (res == NULL)
    hs_err_write_unraisable (vm, callback);
  else
    hs_decref (vm, res);
}

/* Clears @ref because its referent @o is dying, and tells the recorder. */
static void
clear_for_referent (HsVM      *vm,
                    HsWeakRef *ref,
                    HsObject  *o)
{
  clear_weakref (vm, ref);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_WEAKREF_CLEARED, (HsObject *) ref,
                          (gint64) o->serial);
}

void
hs_weakref_clear_all (HsVM     *vm,
                      HsObject *o,
                      gboolean  call_callbacks)
{
  HsObject *saved;
  gsize count;

  /* The callback-less ref and proxy go first, silently. */
  if (o->weakrefs != NULL && o->weakrefs->callback == NULL)
    {
      clear_for_referent (vm, o->weakrefs, o);
      if (o->weakrefs != NULL && o->weakrefs->callback == NULL)
        clear_for_referent (vm, o->weakrefs, o);
    }
  if (o->weakrefs == NULL)
    return;

  saved = hs_err_fetch (vm);
  count = hs_weakref_count (o);
  if (count == 1 || !call_callbacks)
    {
      while (o->weakrefs != NULL)
        {
          HsWeakRef *current = o->weakrefs;
          HsObject *callback = current->callback;

          current->callback = NULL;
          clear_for_referent (vm, current, o);
          if (callback != NULL)
            {
              if (call_callbacks && current->base.ob_refcnt > 0)
                handle_callback (vm, current, callback);
              hs_decref (vm, callback);
            }
        }
    }
  else
    {
      /* CPython collects (ref, callback) pairs in a tuple, clears every
       * reference, calls the callbacks in list order and only then drops
       * the tuple, releasing its items last to first. */
      HsObject *tuple = hs_tuple_new (vm, count * 2);

      if (tuple == NULL)
        {
          hs_err_clear (vm);
          hs_weakref_clear_all (vm, o, FALSE);
          hs_err_restore (vm, saved);
          return;
        }
      for (gsize i = 0; i < count && o->weakrefs != NULL; i++)
        {
          HsWeakRef *current = o->weakrefs;

          if (current->base.ob_refcnt > 0)
            {
              HS_TUPLE (tuple)->items[i * 2] = hs_incref ((HsObject *) current);
              HS_TUPLE (tuple)->items[i * 2 + 1] = current->callback;
            }
          else if (current->callback != NULL)
            hs_decref (vm, current->callback);
          current->callback = NULL;
          clear_for_referent (vm, current, o);
        }
      for (gsize i = 0; i < count; i++)
        {
          HsObject *callback = HS_TUPLE (tuple)->items[i * 2 + 1];

          if (callback != NULL)
            handle_callback (vm, HS_WEAKREF (HS_TUPLE (tuple)->items[i * 2]), callback);
        }
      hs_decref (vm, tuple);
    }
  hs_err_restore (vm, saved);
}

/* Creation ---------------------------------------------------------------------- */

static HsObject *
cannot_weakref (HsVM     *vm,
                HsObject *ob)
{
  return hs_err_format (vm, vm->types.TypeError, "cannot create weak reference to '%s' object",
                        hs_type_name (ob));
}

static HsWeakRef *
alloc_weakref (HsVM     *vm,
               HsType   *type,
               HsObject *ob,
               HsObject *callback)
{
  /* Subclasses of ref carry their attributes after the struct. */
  HsWeakRef *self = (HsWeakRef *) hs_object_alloc (vm, type, MAX (sizeof (HsWeakRef),
                                                                   hs_type_c_size (type)));

  if (self == NULL)
    return NULL;
  self->hash = -1;
  self->referent = ob;
  if (callback != NULL)
    self->callback = hs_incref (callback);
  /* PyType_GenericAlloc and new_weakref track at once. */
  hs_gc_track (vm, (HsObject *) self);
  return self;
}

HsObject *
hs_weakref_new_ref (HsVM     *vm,
                    HsType   *type,
                    HsObject *ob,
                    HsObject *callback)
{
  HsWeakRef *ref, *proxy, *self;

  if (!hs_type_supports_weakrefs (ob->ob_type))
    return cannot_weakref (vm, ob);
  if (callback == vm->none)
    callback = NULL;
  get_basic_refs (vm, ob->weakrefs, &ref, &proxy);
  if (callback == NULL && type == vm->types.weakref && ref != NULL)
    return hs_incref ((HsObject *) ref);

  /* The allocation may run a collection that changes the list: look again. */
  self = alloc_weakref (vm, type, ob, callback);
  if (self == NULL)
    return NULL;
  if (callback == NULL && type == vm->types.weakref)
    insert_head (self, ob);
  else
    {
      HsWeakRef *prev;

      get_basic_refs (vm, ob->weakrefs, &ref, &proxy);
      prev = proxy == NULL ? ref : proxy;
      if (prev == NULL)
        insert_head (self, ob);
      else
        insert_after (self, prev);
    }
  return (HsObject *) self;
}

HsObject *
hs_weakref_new_proxy (HsVM     *vm,
                      HsObject *ob,
                      HsObject *callback)
{
  HsWeakRef *ref, *proxy, *self, *prev;

  if (!hs_type_supports_weakrefs (ob->ob_type))
    return cannot_weakref (vm, ob);
  get_basic_refs (vm, ob->weakrefs, &ref, &proxy);
  if (callback == vm->none)
    callback = NULL;
  if (callback == NULL && proxy != NULL)
    return hs_incref ((HsObject *) proxy);

  self = alloc_weakref (vm, hs_callable_check (ob) ? vm->types.weakcallableproxy
                                                   : vm->types.weakproxy, ob, callback);
  if (self == NULL)
    return NULL;
  get_basic_refs (vm, ob->weakrefs, &ref, &proxy);
  if (callback == NULL)
    {
      if (proxy != NULL)
        {
          /* Another proxy appeared during the allocation: share it. */
          hs_decref (vm, (HsObject *) self);
          return hs_incref ((HsObject *) proxy);
        }
      prev = ref;
    }
  else
    prev = proxy == NULL ? ref : proxy;
  if (prev == NULL)
    insert_head (self, ob);
  else
    insert_after (self, prev);
  return (HsObject *) self;
}

/* weakref.ReferenceType ------------------------------------------------------------ */

static HsObject *
weakref_new (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];

  /* CPython unpacks the positional arguments and ignores keywords. */
  if (!hs_check_nargs (vm, "__new__", nargs - 1, 1, 2))
    return NULL;
  return hs_weakref_new_ref (vm, type, args[1], nargs > 2 ? args[2] : NULL);
}

static HsObject *
weakref_init (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  return hs_none (vm);
}

static void
weakref_dealloc (HsVM     *vm,
                 HsObject *self)
{
  HsWeakRef *wr = HS_WEAKREF (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  /* A KeyedRef releases its key slot before the base type's dealloc. */
  hs_clear_ref (vm, &wr->key);
  clear_weakref (vm, wr);
  hs_object_free (vm, self);
}

static void
weakref_traverse (HsObject    *self,
                  HsVisitFunc  visit,
                  gpointer     data)
{
  HsWeakRef *wr = HS_WEAKREF (self);

  if (wr->key != NULL)
    visit (wr->key, data);
  if (wr->callback != NULL)
    visit (wr->callback, data);
}

static void
weakref_clear (HsVM     *vm,
               HsObject *self)
{
  HsWeakRef *wr = HS_WEAKREF (self);

  hs_clear_ref (vm, &wr->key);
  clear_weakref (vm, wr);
}

static void
weakref_free_storage (HsObject *self)
{
  HsWeakRef *wr = HS_WEAKREF (self);

  /* The whole VM is going away: only forget the links. */
  wr->referent = NULL;
  wr->wr_prev = wr->wr_next = NULL;
}

static HsObject *
weakref_call (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  HsObject *ob;

  if (kwnames != NULL && HS_TUPLE (kwnames)->len > 0)
    return hs_err_format (vm, vm->types.TypeError, "weakref() takes no keyword arguments");
  if (nargs != 0)
    return hs_err_format (vm, vm->types.TypeError,
                          "weakref expected 0 arguments, got %" G_GSIZE_FORMAT, nargs);
  ob = HS_WEAKREF (callable)->referent;
  return ob != NULL ? hs_incref (ob) : hs_none (vm);
}

static gboolean
weakref_hash (HsVM     *vm,
              HsObject *self,
              gint64   *hash)
{
  HsWeakRef *wr = HS_WEAKREF (self);

  if (wr->hash != -1)
    {
      *hash = wr->hash;
      return TRUE;
    }
  if (wr->referent == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "weak object has gone away");
      return FALSE;
    }
  {
    HsObject *ob = hs_incref (wr->referent);
    gboolean ok = hs_object_hash (vm, ob, hash);

    hs_decref (vm, ob);
    if (!ok)
      return FALSE;
  }
  wr->hash = *hash;
  return TRUE;
}

static HsObject *
weakref_richcompare (HsVM     *vm,
                     HsObject *a,
                     HsObject *b,
                     int       op)
{
  HsObject *oa, *ob, *res;

  if ((op != HS_EQ && op != HS_NE) || !hs_weakref_check (vm, a) || !hs_weakref_check (vm, b))
    return hs_not_implemented (vm);
  oa = HS_WEAKREF (a)->referent;
  ob = HS_WEAKREF (b)->referent;
  if (oa == NULL || ob == NULL)
    {
      gboolean same = a == b;

      return hs_bool (vm, op == HS_NE ? !same : same);
    }
  hs_incref (oa);
  hs_incref (ob);
  res = hs_object_richcompare (vm, oa, ob, op);
  hs_decref (vm, oa);
  hs_decref (vm, ob);
  return res;
}

/* The referent's __name__ as _PyObject_LookupSpecial finds it, or NULL. */
static const char *
referent_name (HsVM     *vm,
               HsObject *ob)
{
  if (ob->ob_type == vm->types.function)
    return hs_str_utf8 (HS_FUNCTION (ob)->name);
  if (ob->ob_type == vm->types.builtin_function_or_method)
    return HS_CFUNCTION (ob)->def->name;
  if (hs_isinstance (ob, vm->types.type))
    return ((HsType *) ob)->name;
  return NULL;
}

static HsObject *
weakref_repr (HsVM     *vm,
              HsObject *self)
{
  HsObject *ob = HS_WEAKREF (self)->referent;
  const char *name;

  if (ob == NULL)
    return hs_str_new_printf (vm, "<weakref at 0x%" G_GINT64_MODIFIER "x; dead>",
                              hs_object_id (self));
  name = referent_name (vm, ob);
  if (name == NULL)
    return hs_str_new_printf (vm, "<weakref at 0x%" G_GINT64_MODIFIER "x; to '%s' at 0x%"
                              G_GINT64_MODIFIER "x>", hs_object_id (self), hs_type_name (ob),
                              hs_object_id (ob));
  return hs_str_new_printf (vm, "<weakref at 0x%" G_GINT64_MODIFIER "x; to '%s' at 0x%"
                            G_GINT64_MODIFIER "x (%s)>", hs_object_id (self), hs_type_name (ob),
                            hs_object_id (ob), name);
}

static void
weakref_repr_short (HsObject *self,
                    GString  *out,
                    gsize     max_chars)
{
  HsObject *ob = HS_WEAKREF (self)->referent;

  if (ob == NULL)
    g_string_append (out, "dead");
  else
    g_string_append_printf (out, "→ %s", ob->ob_type->name);
}

static HsObject *
weakref_getattro (HsVM     *vm,
                  HsObject *self,
                  HsObject *name)
{
  HsWeakRef *wr = HS_WEAKREF (self);

  if (hs_str_equal_cstr (name, "__callback__"))
    return wr->callback != NULL ? hs_incref (wr->callback) : hs_none (vm);
  if (wr->key != NULL && hs_str_equal_cstr (name, "key"))
    return hs_incref (wr->key);
  return hs_object_generic_getattr (vm, self, name);
}

/* Proxies -------------------------------------------------------------------------- */

/* UNWRAP: the referent (new reference) or ReferenceError. */
static HsObject *
proxy_referent (HsVM     *vm,
                HsObject *proxy)
{
  HsObject *ob = HS_WEAKREF (proxy)->referent;

  if (ob == NULL)
    return hs_err_format (vm, vm->types.ReferenceError,
                          "weakly-referenced object no longer exists");
  return hs_incref (ob);
}

/* Unwraps @o when it is a proxy; otherwise a new reference to @o itself. */
static HsObject *
unwrap (HsVM     *vm,
        HsObject *o)
{
  if (is_proxy (vm, o))
    return proxy_referent (vm, o);
  return hs_incref (o);
}

static HsObject *
proxy_getattro (HsVM     *vm,
                HsObject *self,
                HsObject *name)
{
  HsObject *ob = proxy_referent (vm, self);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  res = hs_object_getattr (vm, ob, name);
  hs_decref (vm, ob);
  return res;
}

static int
proxy_setattro (HsVM     *vm,
                HsObject *self,
                HsObject *name,
                HsObject *value)
{
  HsObject *ob = proxy_referent (vm, self);
  int res;

  if (ob == NULL)
    return -1;
  res = hs_object_setattr (vm, ob, name, value);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_repr (HsVM     *vm,
            HsObject *self)
{
  HsObject *ob = HS_WEAKREF (self)->referent;

  if (ob == NULL)
    ob = vm->none;
  return hs_str_new_printf (vm, "<weakproxy at 0x%" G_GINT64_MODIFIER "x to %s at 0x%"
                            G_GINT64_MODIFIER "x>", hs_object_id (self), hs_type_name (ob),
                            hs_object_id (ob));
}

static HsObject *
proxy_str (HsVM     *vm,
           HsObject *self)
{
  HsObject *ob = proxy_referent (vm, self);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  res = hs_object_str (vm, ob);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_call (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  HsObject *ob = proxy_referent (vm, callable);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  res = hs_object_call (vm, ob, args, nargs, kwnames);
  hs_decref (vm, ob);
  return res;
}

static gboolean
proxy_hash (HsVM     *vm,
            HsObject *self,
            gint64   *hash)
{
  hs_err_format (vm, vm->types.TypeError, "unhashable type: 'weakref.%s'", self->ob_type->name);
  return FALSE;
}

static HsObject *
proxy_richcompare (HsVM     *vm,
                   HsObject *a,
                   HsObject *b,
                   int       op)
{
  HsObject *x = unwrap (vm, a), *y, *res;

  if (x == NULL)
    return NULL;
  y = unwrap (vm, b);
  if (y == NULL)
    {
      hs_decref (vm, x);
      return NULL;
    }
  res = hs_object_richcompare (vm, x, y, op);
  hs_decref (vm, x);
  hs_decref (vm, y);
  return res;
}

static int
proxy_bool (HsVM     *vm,
            HsObject *self)
{
  HsObject *ob = proxy_referent (vm, self);
  int res;

  if (ob == NULL)
    return -1;
  res = hs_object_is_true (vm, ob);
  hs_decref (vm, ob);
  return res;
}

static gssize
proxy_length (HsVM     *vm,
              HsObject *self)
{
  HsObject *ob = proxy_referent (vm, self);
  gssize res;

  if (ob == NULL)
    return -1;
  res = hs_object_length (vm, ob);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_subscript (HsVM     *vm,
                 HsObject *self,
                 HsObject *key)
{
  HsObject *ob = proxy_referent (vm, self);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  res = hs_object_getitem (vm, ob, key);
  hs_decref (vm, ob);
  return res;
}

static int
proxy_ass_subscript (HsVM     *vm,
                     HsObject *self,
                     HsObject *key,
                     HsObject *value)
{
  HsObject *ob = proxy_referent (vm, self);
  int res;

  if (ob == NULL)
    return -1;
  res = value != NULL ? hs_object_setitem (vm, ob, key, value) : hs_object_delitem (vm, ob, key);
  hs_decref (vm, ob);
  return res;
}

static int
proxy_contains (HsVM     *vm,
                HsObject *self,
                HsObject *item)
{
  HsObject *ob = proxy_referent (vm, self);
  int res;

  if (ob == NULL)
    return -1;
  res = hs_object_contains (vm, ob, item);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_iter (HsVM     *vm,
            HsObject *self)
{
  HsObject *ob = proxy_referent (vm, self);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  res = hs_object_get_iter (vm, ob);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_iternext (HsVM     *vm,
                HsObject *self)
{
  HsObject *ob = proxy_referent (vm, self);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  if (ob->ob_type->tp_iternext == NULL)
    {
      hs_err_format (vm, vm->types.TypeError,
                     "Weakref proxy referenced a non-iterator '%s' object", hs_type_name (ob));
      hs_decref (vm, ob);
      return NULL;
    }
  res = ob->ob_type->tp_iternext (vm, ob);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_unary (HsVM     *vm,
             HsObject *self,
             HsObject *(*op) (HsVM *, HsObject *))
{
  HsObject *ob = proxy_referent (vm, self);
  HsObject *res;

  if (ob == NULL)
    return NULL;
  res = op (vm, ob);
  hs_decref (vm, ob);
  return res;
}

static HsObject *
proxy_negative (HsVM     *vm,
                HsObject *self)
{
  return proxy_unary (vm, self, hs_number_negative);
}

static HsObject *
proxy_positive (HsVM     *vm,
                HsObject *self)
{
  return proxy_unary (vm, self, hs_number_positive);
}

static HsObject *
proxy_invert (HsVM     *vm,
              HsObject *self)
{
  return proxy_unary (vm, self, hs_number_invert);
}

static HsObject *
proxy_binop (HsVM     *vm,
             HsObject *a,
             HsObject *b,
             int       op)
{
  HsObject *x = unwrap (vm, a), *y, *res;

  if (x == NULL)
    return NULL;
  y = unwrap (vm, b);
  if (y == NULL)
    {
      hs_decref (vm, x);
      return NULL;
    }
  res = hs_number_binop (vm, x, y, op);
  hs_decref (vm, x);
  hs_decref (vm, y);
  return res;
}

#define PROXY_BINOP(op)                                           \
  static HsObject *                                               \
  proxy_binop_##op (HsVM *vm, HsObject *a, HsObject *b)           \
  {                                                               \
    return proxy_binop (vm, a, b, op);                            \
  }

PROXY_BINOP (HS_OP_ADD)
PROXY_BINOP (HS_OP_SUB)
PROXY_BINOP (HS_OP_MULT)
PROXY_BINOP (HS_OP_MATMULT)
PROXY_BINOP (HS_OP_DIV)
PROXY_BINOP (HS_OP_MOD)
PROXY_BINOP (HS_OP_POW)
PROXY_BINOP (HS_OP_LSHIFT)
PROXY_BINOP (HS_OP_RSHIFT)
PROXY_BINOP (HS_OP_BITOR)
PROXY_BINOP (HS_OP_BITXOR)
PROXY_BINOP (HS_OP_BITAND)
PROXY_BINOP (HS_OP_FLOORDIV)

static const HsBinaryFunc proxy_binops[HS_N_BINOPS] = {
  [HS_OP_ADD] = proxy_binop_HS_OP_ADD,
  [HS_OP_SUB] = proxy_binop_HS_OP_SUB,
  [HS_OP_MULT] = proxy_binop_HS_OP_MULT,
  [HS_OP_MATMULT] = proxy_binop_HS_OP_MATMULT,
  [HS_OP_DIV] = proxy_binop_HS_OP_DIV,
  [HS_OP_MOD] = proxy_binop_HS_OP_MOD,
  [HS_OP_POW] = proxy_binop_HS_OP_POW,
  [HS_OP_LSHIFT] = proxy_binop_HS_OP_LSHIFT,
  [HS_OP_RSHIFT] = proxy_binop_HS_OP_RSHIFT,
  [HS_OP_BITOR] = proxy_binop_HS_OP_BITOR,
  [HS_OP_BITXOR] = proxy_binop_HS_OP_BITXOR,
  [HS_OP_BITAND] = proxy_binop_HS_OP_BITAND,
  [HS_OP_FLOORDIV] = proxy_binop_HS_OP_FLOORDIV,
};

static void
proxy_repr_short (HsObject *self,
                  GString  *out,
                  gsize     max_chars)
{
  HsObject *ob = HS_WEAKREF (self)->referent;

  if (ob == NULL)
    g_string_append (out, "proxy, dead");
  else
    g_string_append_printf (out, "proxy → %s", ob->ob_type->name);
}

/* Types ------------------------------------------------------------------------------ */

static void
set_module (HsVM       *vm,
            HsType     *t,
            const char *module)
{
  HsObject *m = hs_str_intern (vm, module);

  if (m != NULL && t->dict != NULL)
    hs_dict_setitem_str (vm, t->dict, "__module__", m);
  hs_xdecref (vm, m);
}

static HsType *
new_proxy_type (HsVM       *vm,
                const char *name,
                gboolean    callable)
{
  HsType *t = _hs_type_new_builtin (vm, name, vm->types.object, sizeof (HsWeakRef), 80,
                                    HS_TPFLAG_GC);

  t->tp_dealloc = weakref_dealloc;
  t->tp_traverse = weakref_traverse;
  t->tp_clear = weakref_clear;
  t->tp_free_storage = weakref_free_storage;
  t->tp_getattro = proxy_getattro;
  t->tp_setattro = proxy_setattro;
  t->tp_repr = proxy_repr;
  t->tp_str = proxy_str;
  t->tp_hash = proxy_hash;
  t->tp_richcompare = proxy_richcompare;
  t->nb_bool = proxy_bool;
  t->sq_length = proxy_length;
  t->mp_subscript = proxy_subscript;
  t->mp_ass_subscript = proxy_ass_subscript;
  t->sq_contains = proxy_contains;
  t->tp_iter = proxy_iter;
  t->tp_iternext = proxy_iternext;
  t->nb_negative = proxy_negative;
  t->nb_positive = proxy_positive;
  t->nb_invert = proxy_invert;
  for (int i = 0; i < HS_N_BINOPS; i++)
    t->nb[i] = proxy_binops[i];
  t->tp_repr_short = proxy_repr_short;
  if (callable)
    t->tp_call = proxy_call;
  _hs_type_ready (vm, t);
  set_module (vm, t, "weakref");
  return t;
}

void
_hs_weakref_init_types (HsVM *vm)
{
  HsType *t;

  t = _hs_type_new_builtin (vm, "ReferenceType", vm->types.object, sizeof (HsWeakRef), 80,
                            HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);
  t->tp_new = weakref_new;
  t->tp_init = weakref_init;
  t->tp_dealloc = weakref_dealloc;
  t->tp_traverse = weakref_traverse;
  t->tp_clear = weakref_clear;
  t->tp_free_storage = weakref_free_storage;
  t->tp_call = weakref_call;
  t->tp_hash = weakref_hash;
  t->tp_richcompare = weakref_richcompare;
  t->tp_repr = weakref_repr;
  t->tp_getattro = weakref_getattro;
  t->tp_repr_short = weakref_repr_short;
  _hs_type_ready (vm, t);
  set_module (vm, t, "weakref");
  vm->types.weakref = t;

  vm->types.weakproxy = new_proxy_type (vm, "ProxyType", FALSE);
  vm->types.weakcallableproxy = new_proxy_type (vm, "CallableProxyType", TRUE);

  /* weakref.KeyedRef: a ref with a key, as WeakValueDictionary stores them. */
  t = _hs_type_new_builtin (vm, "KeyedRef", vm->types.weakref, sizeof (HsWeakRef), 88,
                            HS_TPFLAG_GC);
  t->tp_new = weakref_new;
  _hs_type_ready (vm, t);
  set_module (vm, t, "weakref");
  vm->gc->keyedref_type = t;

  _hs_weakref_containers_init_types (vm);
  _hs_weakref_finalize_init_type (vm);
}
