/* hs-code.c — code objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-code.h"
#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

static const char *const opcode_names[] = {
#define HS_OPCODE_NAME(name) #name,
  HS_FOREACH_OPCODE (HS_OPCODE_NAME)
#undef HS_OPCODE_NAME
};

const char *
hs_opcode_name (HsOpcode op)
{
  if ((int) op < 0 || op >= HS_N_OPCODES)
    return "?";
  return opcode_names[op];
}

char *
hs_code_disassemble (HsCode *code)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "code %s (line %d, %d locals+cells+frees, stack %d)\n",
                          hs_str_utf8 (code->qualname), code->firstlineno, code->nlocalsplus,
                          code->stacksize);
  for (int i = 0; i < code->n_instrs; i++)
    {
      HsInstr ins = code->instrs[i];

      g_string_append_printf (out, "%4d %4d  %-22s %u\n", code->locs[i].line, i,
                              hs_opcode_name (HS_INSTR_OP (ins)), HS_INSTR_ARG (ins));
    }
  return g_string_free (out, FALSE);
}

static void
code_dealloc (HsVM     *vm,
              HsObject *self)
{
  HsCode *code = HS_CODE (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &code->consts);
  hs_clear_ref (vm, &code->names);
  hs_clear_ref (vm, &code->localsplusnames);
  hs_clear_ref (vm, &code->name);
  hs_clear_ref (vm, &code->qualname);
  hs_clear_ref (vm, &code->filename);
  g_clear_pointer (&code->instrs, g_free);
  g_clear_pointer (&code->locs, g_free);
  g_clear_pointer (&code->anchors, g_free);
  g_clear_pointer (&code->localspluskinds, g_free);
  hs_object_free (vm, self);
}

static void
code_free_storage (HsObject *self)
{
  HsCode *code = HS_CODE (self);

  g_clear_pointer (&code->instrs, g_free);
  g_clear_pointer (&code->locs, g_free);
  g_clear_pointer (&code->anchors, g_free);
  g_clear_pointer (&code->localspluskinds, g_free);
}

static void
code_traverse (HsObject    *self,
               HsVisitFunc  visit,
               gpointer     data)
{
  HsCode *code = HS_CODE (self);

  if (code->consts != NULL)
    visit (code->consts, data);
}

static HsObject *
code_repr (HsVM     *vm,
           HsObject *self)
{
  HsCode *code = HS_CODE (self);

  return hs_str_new_printf (vm, "<code object %s at 0x%" G_GINT64_MODIFIER "x, file \"%s\", line %d>",
                            hs_str_utf8 (code->name), hs_object_id (self),
                            code->filename != NULL ? hs_str_utf8 (code->filename) : "?",
                            code->firstlineno);
}

static void
code_repr_short (HsObject *self,
                 GString  *out,
                 gsize     max_chars)
{
  g_string_append_printf (out, "code %s", hs_str_utf8 (HS_CODE (self)->qualname));
}

static gsize
code_sizeof (HsObject *self)
{
  HsCode *code = HS_CODE (self);

  /* 3.11: the struct plus two bytes per code unit. */
  return 168 + 2 * code->n_instrs;
}

/* The names of the localsplus slots of @kinds, in slot order. */
static HsObject *
names_of_kind (HsVM   *vm,
               HsCode *code,
               guint8  kinds)
{
  HsObject *t;
  int n = 0, j = 0;

  for (int i = 0; i < code->nlocalsplus; i++)
    if (code->localspluskinds[i] & kinds)
      n++;
  t = hs_tuple_new (vm, n);
  if (t == NULL)
    return NULL;
  for (int i = 0; i < code->nlocalsplus; i++)
    if (code->localspluskinds[i] & kinds)
      HS_TUPLE (t)->items[j++] = hs_incref (HS_TUPLE (code->localsplusnames)->items[i]);
  return t;
}

/* The co_* attributes a snippet may look at (co_flags and the line
 * tables are not modelled). */
static HsObject *
code_getattro (HsVM     *vm,
               HsObject *self,
               HsObject *name)
{
  HsCode *code = HS_CODE (self);
  const char *n = hs_str_utf8 (name);
  int value;

  if (strcmp (n, "co_name") == 0)
    return hs_incref (code->name);
  if (strcmp (n, "co_qualname") == 0)
    return hs_incref (code->qualname);
  if (strcmp (n, "co_filename") == 0)
    return hs_incref (code->filename);
  if (strcmp (n, "co_consts") == 0)
    return hs_incref (code->consts);
  if (strcmp (n, "co_names") == 0)
    return hs_incref (code->names);
  if (strcmp (n, "co_varnames") == 0)
    return names_of_kind (vm, code, HS_LOCAL_FAST | HS_LOCAL_ARG);
  if (strcmp (n, "co_cellvars") == 0)
    return names_of_kind (vm, code, HS_LOCAL_CELL);
  if (strcmp (n, "co_freevars") == 0)
    return names_of_kind (vm, code, HS_LOCAL_FREE);
  if (strcmp (n, "co_argcount") == 0)
    value = code->argcount;
  else if (strcmp (n, "co_posonlyargcount") == 0)
    value = code->posonlyargcount;
  else if (strcmp (n, "co_kwonlyargcount") == 0)
    value = code->kwonlyargcount;
  else if (strcmp (n, "co_nlocals") == 0)
    value = code->nlocals;
  else if (strcmp (n, "co_stacksize") == 0)
    value = code->stacksize;
  else if (strcmp (n, "co_firstlineno") == 0)
    value = code->firstlineno;
  else
    return hs_object_generic_getattr (vm, self, name);
  return hs_int_from_i64 (vm, value);
}

void
_hs_code_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "code", vm->types.object, sizeof (HsCode), 168, 0);

  t->tp_dealloc = code_dealloc;
  t->tp_free_storage = code_free_storage;
  t->tp_traverse = code_traverse;
  t->tp_repr = code_repr;
  t->tp_sizeof = code_sizeof;
  t->tp_repr_short = code_repr_short;
  t->tp_getattro = code_getattro;
  vm->types.code = t;
  _hs_type_ready (vm, t);
}
