/* hs-func-object.h — functions, bound methods, builtins, cells, descriptors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-code.h"
#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject   base;
  HsObject  *code;          /* HsCode */
  HsObject  *globals;       /* dict */
  HsObject  *builtins;      /* dict */
  HsObject  *name;          /* str */
  HsObject  *qualname;      /* str */
  HsObject  *defaults;      /* tuple or NULL */
  HsObject  *kwdefaults;    /* dict or NULL */
  HsObject  *closure;       /* tuple of cells or NULL */
  HsObject  *module;        /* str or NULL */
  HsObject  *doc;
  HsObject  *dict;          /* function attributes, or NULL */
} HsFunction;

typedef struct
{
  HsObject           base;
  const HsMethodDef *def;
  HsObject          *self;   /* bound object or module, or NULL */
  HsObject          *module_name;
  HsType            *owner;  /* borrowed: the type a method descriptor came from */
} HsCFunction;

typedef struct
{
  HsObject   base;
  HsObject  *func;
  HsObject  *self;
} HsMethod;

typedef struct
{
  HsObject   base;
  HsObject  *ref;           /* contents, or NULL (empty cell) */
} HsCell;

typedef struct
{
  HsObject           base;
  const HsMethodDef *def;
  HsType            *type;  /* borrowed: the type owns the descriptor */
} HsMethodDescr;

typedef struct
{
  HsObject   base;
  HsType    *type;          /* strong, as CPython's d_type */
  HsObject  *name;          /* str */
  guint      index;         /* slot index in HsInstExt.slots; unused by getsets */
} HsMemberDescr;

typedef struct
{
  HsObject   base;
  HsObject  *callable;      /* staticmethod / classmethod wrapped function */
} HsStaticMethod;

typedef struct
{
  HsObject   base;
  HsObject  *fget;
  HsObject  *fset;
  HsObject  *fdel;
  HsObject  *doc;
  HsObject  *name;          /* set by __set_name__, or NULL */
} HsProperty;

#define HS_FUNCTION(o)  ((HsFunction *) (o))
#define HS_CFUNCTION(o) ((HsCFunction *) (o))
#define HS_METHOD(o)    ((HsMethod *) (o))
#define HS_CELL(o)      ((HsCell *) (o))

HsObject  *hs_function_new        (HsVM              *vm,
                                   HsObject          *code,
                                   HsObject          *globals,
                                   HsObject          *qualname);
HsObject  *hs_cfunction_new       (HsVM              *vm,
                                   const HsMethodDef *def,
                                   HsObject          *self,
                                   HsObject          *module_name);
HsObject  *hs_method_new          (HsVM              *vm,
                                   HsObject          *func,
                                   HsObject          *self);
HsObject  *hs_cell_new            (HsVM              *vm,
                                   HsObject          *ref);
HsObject  *hs_method_descr_new    (HsVM              *vm,
                                   HsType            *type,
                                   const HsMethodDef *def);
HsObject  *hs_member_descr_new    (HsVM              *vm,
                                   HsType            *type,
                                   HsObject          *name,
                                   guint              index);
/* The __dict__ or __weakref__ descriptor (@name) a class adds for its
 * instances; like a member descriptor it holds a reference to @type. */
HsObject  *hs_getset_descr_new    (HsVM              *vm,
                                   HsType            *type,
                                   HsObject          *name);
/* property's AttributeError for a missing getter, setter (@value set) or
 * deleter: "property 'x' of 'C' object has no setter". */
void       hs_property_missing    (HsVM              *vm,
                                   HsObject          *prop,
                                   HsObject          *obj,
                                   const char        *what);
/* True for objects whose __get__ binds them to an instance (functions and
 * method descriptors): LOAD_METHOD leaves them unbound on the stack. */
gboolean   hs_is_method_like      (HsObject          *o);
/* Calls a Python function: arguments are taken from @args (borrowed, the
 * callee's parameter slots get new references). */
HsObject  *hs_function_call       (HsVM              *vm,
                                   HsObject          *func,
                                   HsObject *const   *args,
                                   gsize              nargs,
                                   HsObject          *kwnames);

void       _hs_func_init_types    (HsVM              *vm);

G_END_DECLS
