/* hs-gc-module.c — the `gc` module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-modules.h"
#include "hs-number-object.h"
#include "hs-vm.h"

static HsObject *
gc_collect (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gint64 gen = 2;
  gssize n;

  if (!hs_check_nargs (vm, "collect", nargs, 0, 1))
    return NULL;
  if (nargs == 1 && (!hs_int_check (args[0]) || !hs_int_as_i64 (vm, args[0], &gen)))
    return hs_err_occurred (vm) ? NULL
           : hs_err_format (vm, vm->types.TypeError, "an integer is required");
  if (gen < 0 || gen > 2)
    return hs_err_format (vm, vm->types.ValueError, "invalid generation");
  n = hs_gc_collect (vm, (int) gen, "manual");
  if (n < 0)
    return NULL;
  return hs_int_from_i64 (vm, n);
}

static HsObject *
gc_get_count (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *v[3];
  HsObject *t;

  for (int i = 0; i < 3; i++)
    v[i] = hs_int_from_i64 (vm, vm->gc->gens[i].count);
  t = hs_tuple_from_array (vm, v, 3);
  for (int i = 0; i < 3; i++)
    hs_decref (vm, v[i]);
  return t;
}

static const HsMethodDef gc_methods[] = {
  { "collect", gc_collect, HS_METH_STATIC, NULL },
  { "get_count", gc_get_count, HS_METH_STATIC, NULL },
  { NULL }
};

HsObject *
_hs_gc_module_new (HsVM *vm)
{
  HsObject *m = hs_module_new (vm, "gc");

  if (m != NULL)
    _hs_module_add_functions (vm, m, gc_methods);
  return m;
}

HsObject *
_hs_weakref_module_new (HsVM *vm)
{
  return hs_module_new (vm, "weakref");
}
