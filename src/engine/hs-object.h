/* hs-object.h — the simulated heap: object header, type objects, refcounting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every Python value of a snippet is a real C allocation whose ob_refcnt is
 * exactly the count CPython 3.11 would have: the VM holds references where
 * CPython's eval loop does (value stack, frame slots, cells…), so
 * sys.getrefcount() needs no correction. Names follow CPython (tp_dealloc,
 * tp_traverse, tp_clear, tp_finalize) on purpose.
 */
#pragma once

#include <glib.h>

#include "hs-ast.h"
#include "hs-types.h"

G_BEGIN_DECLS

/* Object flags. */
enum
{
  HS_OBJ_GC_TRACKED  = 1 << 0,  /* linked in a GC generation list */
  HS_OBJ_FINALIZED   = 1 << 1,  /* __del__ already ran (PEP 442) */
  HS_OBJ_STATIC      = 1 << 2,  /* shared singleton: small int, None, (), '' … never freed */
  HS_OBJ_INTERNED    = 1 << 3,  /* str in the interned table */
  HS_OBJ_UNREACHABLE = 1 << 4,  /* in a collection's unreachable set (collector only) */
  HS_OBJ_REACHABLE   = 1 << 5,  /* collector scratch */
  HS_OBJ_FREEING     = 1 << 6,  /* tp_dealloc in progress */
  HS_OBJ_IMMORTAL_RC = 1 << 7,  /* count starts at 999 999 999 like 3.11's static objects */
  HS_OBJ_SNAP_SEEN   = 1 << 8,  /* heap snapshot scratch: visited */
  HS_OBJ_SNAP_ROOT   = 1 << 9,  /* heap snapshot scratch: reachable from outside the GC graph */
};

/* The GC generation an object is in; HS_GEN_NONE when untracked. */
enum
{
  HS_GEN_0 = 0,
  HS_GEN_1 = 1,
  HS_GEN_2 = 2,
  HS_GEN_PERMANENT = 3,
  HS_GEN_NONE = 4,
};

struct _HsObject
{
  gssize     ob_refcnt;
  HsType    *ob_type;
  guint16    flags;
  guint8     gen;             /* HS_GEN_* */
  guint8     pad;
  guint32    alloc_size;      /* real bytes, for the heap cap */
  guint64    serial;          /* creation order, unique within a VM: the object's identity */
  /* Every live object, in allocation order (the heap view and snapshots walk this). */
  HsObject  *heap_prev;
  HsObject  *heap_next;
  /* GC generation list links (only while tracked) and the collector's scratch count. */
  HsObject  *gc_prev;
  HsObject  *gc_next;
  gssize     gc_refs;
  /* Weak references to this object, oldest first (NULL when none). */
  HsWeakRef *weakrefs;
};

typedef void      (*HsVisitFunc)      (HsObject *referent, gpointer user_data);
typedef void      (*HsDeallocFunc)    (HsVM *vm, HsObject *self);
typedef void      (*HsTraverseFunc)   (HsObject *self, HsVisitFunc visit, gpointer user_data);
typedef void      (*HsClearFunc)      (HsVM *vm, HsObject *self);
typedef HsObject *(*HsUnaryFunc)      (HsVM *vm, HsObject *self);
typedef HsObject *(*HsBinaryFunc)     (HsVM *vm, HsObject *a, HsObject *b);
typedef HsObject *(*HsRichCmpFunc)    (HsVM *vm, HsObject *a, HsObject *b, int op);
typedef gboolean  (*HsHashFunc)       (HsVM *vm, HsObject *self, gint64 *hash);
/* Vectorcall-style: @args are borrowed (they stay on the caller's value stack,
 * as in CPython, which is what getrefcount() sees). @kwnames is a tuple of the
 * names of the last len(kwnames) arguments, or NULL. Returns a new reference
 * or NULL with an exception set. */
typedef HsObject *(*HsCallFunc)       (HsVM *vm, HsObject *callable, HsObject *const *args,
                                       gsize nargs, HsObject *kwnames);
typedef HsObject *(*HsGetAttrFunc)    (HsVM *vm, HsObject *self, HsObject *name);
typedef int       (*HsSetAttrFunc)    (HsVM *vm, HsObject *self, HsObject *name, HsObject *value);
typedef gssize    (*HsLenFunc)        (HsVM *vm, HsObject *self);
typedef int       (*HsSetItemFunc)    (HsVM *vm, HsObject *self, HsObject *key, HsObject *value);
typedef int       (*HsContainsFunc)   (HsVM *vm, HsObject *self, HsObject *item);
typedef int       (*HsBoolFunc)       (HsVM *vm, HsObject *self);
typedef gsize     (*HsSizeofFunc)     (HsObject *self);
typedef void      (*HsReprBufFunc)    (HsObject *self, GString *out, gsize max_chars);

/* Comparison opcodes, CPython's Py_LT … Py_GE order. */
enum { HS_LT, HS_LE, HS_EQ, HS_NE, HS_GT, HS_GE };

/* Type flags. */
enum
{
  HS_TPFLAG_GC          = 1 << 0,   /* instances are GC-capable (allocation counts in gen-0) */
  HS_TPFLAG_HEAPTYPE    = 1 << 1,   /* a class statement made it; instances hold a ref to it */
  HS_TPFLAG_BASETYPE    = 1 << 2,   /* may be subclassed */
  HS_TPFLAG_WEAKREFABLE = 1 << 3,
  HS_TPFLAG_HAS_DICT    = 1 << 4,   /* instances carry attributes */
  HS_TPFLAG_EXCEPTION   = 1 << 5,   /* subclass of BaseException */
  HS_TPFLAG_TRACK_LATER = 1 << 6,   /* GC-capable but created untracked (dict) */
  /* Py_TPFLAGS_LONG_SUBCLASS & co.: fast isinstance checks, inherited. */
  HS_TPFLAG_INT_SUBCLASS   = 1 << 7,
  HS_TPFLAG_FLOAT_SUBCLASS = 1 << 8,
};

/* A C method or function exposed to Python. */
typedef struct
{
  const char *name;
  HsCallFunc  func;           /* self is args[0] for methods */
  guint       flags;
  const char *doc;
} HsMethodDef;

enum
{
  HS_METH_STATIC = 1 << 0,    /* no self (a plain function in a module) */
  HS_METH_CLASS  = 1 << 1,    /* receives the type as self (dict.fromkeys) */
};

/* A class's CACHED_KEYS: the attribute names (char *) its instances share
 * and dk_usable, which every new instance and every new name lowers.
 * Split __dict__s refer to it too, hence the count. */
typedef struct
{
  gint        ref_count;
  gint        usable;
  GPtrArray  *names;
} HsSharedKeys;

HsSharedKeys *hs_shared_keys_new   (void);
HsSharedKeys *hs_shared_keys_ref   (HsSharedKeys *keys);
void          hs_shared_keys_unref (HsSharedKeys *keys);
gboolean      hs_shared_keys_has   (HsSharedKeys *keys,
                                    const char   *name);

struct _HsType
{
  HsObject         base;
  char            *name;          /* tp_name: "int", "MyClass" */
  char            *qualname;
  HsType          *tp_base;       /* single inheritance; NULL only for object */
  HsObject        *mro;           /* tuple, self first */
  HsObject        *dict;          /* the class namespace (a dict) */
  HsObject        *bases;         /* user classes: tp_bases, a tuple; NULL for built-ins */
  HsObject        *subclasses;    /* user classes: tp_subclasses, {id: weakref}, or NULL */
  HsObject        *subclass_ref;  /* borrowed: this class's weakref in its base's registry */
  guint            tp_flags;
  gsize            basicsize;     /* sys.getsizeof of a plain instance (incl. GC header) */

  HsDeallocFunc    tp_dealloc;
  HsTraverseFunc   tp_traverse;   /* in CPython's visit order: list items last-to-first… */
  HsClearFunc      tp_clear;
  HsUnaryFunc      tp_repr;
  HsUnaryFunc      tp_str;
  HsHashFunc       tp_hash;       /* NULL: unhashable */
  HsRichCmpFunc    tp_richcompare;
  HsCallFunc       tp_call;
  HsGetAttrFunc    tp_getattro;
  HsSetAttrFunc    tp_setattro;
  HsUnaryFunc      tp_iter;
  HsUnaryFunc      tp_iternext;   /* NULL without exception = exhausted */
  HsCallFunc       tp_new;        /* args[0] is the type */
  HsCallFunc       tp_init;       /* args[0] is self; returns None */
  HsBinaryFunc     nb[HS_N_BINOPS];          /* binary operators, may return NotImplemented */
  HsBinaryFunc     nb_inplace[HS_N_BINOPS];  /* += …; NULL falls back to nb */
  HsUnaryFunc      nb_negative;
  HsUnaryFunc      nb_positive;
  HsUnaryFunc      nb_invert;
  HsBoolFunc       nb_bool;
  HsUnaryFunc      nb_index;      /* int(self) for indexing */
  HsLenFunc        sq_length;
  HsBinaryFunc     mp_subscript;
  HsSetItemFunc    mp_ass_subscript;  /* value NULL = delete */
  HsContainsFunc   sq_contains;
  HsSizeofFunc     tp_sizeof;     /* NULL: basicsize */
  HsReprBufFunc    tp_repr_short; /* display text for the heap view, never runs Python code */
  const HsMethodDef *methods;
  /* PEP 442 finalizer (__del__, or a suspended generator's close()). */
  void           (*tp_finalize) (HsVM *vm, HsObject *self);
  /* Frees C memory the object owns (item arrays, tables) WITHOUT releasing
   * references: used only when a whole VM is torn down. */
  void           (*tp_free_storage) (HsObject *self);

  /* User classes. */
  HsObject        *slots;         /* tuple of slot names declared by this class, or NULL */
  guint            n_slots_total; /* slots of this class and its bases */
  gsize            c_size;        /* C struct size of an instance */
  gsize            ext_offset;    /* HsInstExt offset in instances of user classes, or 0 */
  gboolean         has_finalizer; /* defines __del__ (tp_finalize) somewhere in the MRO */
  /* 3.11's shared keys: attribute names in class-wide first-seen order; an
   * instance's inline values are released in this order. */
  HsSharedKeys    *shared_keys;
};

/* Refcounting. Decref to zero destroys at once, depth-first, in CPython's order. */
static inline HsObject *
hs_incref (HsObject *o)
{
  o->ob_refcnt++;
  return o;
}

static inline void
hs_xincref (HsObject *o)
{
  if (o != NULL)
    o->ob_refcnt++;
}

void      _hs_dealloc          (HsVM       *vm,
                                HsObject   *o);

static inline void
hs_decref (HsVM     *vm,
           HsObject *o)
{
  if (--o->ob_refcnt == 0)
    _hs_dealloc (vm, o);
}

static inline void
hs_xdecref (HsVM     *vm,
            HsObject *o)
{
  if (o != NULL)
    hs_decref (vm, o);
}

#define hs_clear_ref(vm, pp)                    \
  G_STMT_START {                                \
    HsObject *_tmp = (HsObject *) *(pp);        \
    if (_tmp != NULL)                           \
      {                                         \
        *(pp) = NULL;                           \
        hs_decref ((vm), _tmp);                 \
      }                                         \
  } G_STMT_END

/* Replace *pp by @value (a new reference) and release the old value after the
 * store, as CPython's STORE ops do: the old object dies with *pp already updated. */
#define hs_set_ref(vm, pp, value)               \
  G_STMT_START {                                \
    HsObject *_old = (HsObject *) *(pp);        \
    *(pp) = (value);                            \
    hs_xdecref ((vm), _old);                    \
  } G_STMT_END

static inline HsType *
hs_type (HsObject *o)
{
  return o->ob_type;
}

static inline gboolean
hs_type_is_gc (HsType *t)
{
  return (t->tp_flags & HS_TPFLAG_GC) != 0;
}

gboolean  hs_type_is_subtype   (HsType     *a,
                                HsType     *b);

static inline gboolean
hs_isinstance (HsObject *o,
               HsType   *t)
{
  return o->ob_type == t || hs_type_is_subtype (o->ob_type, t);
}

/* Allocation: @size bytes (≥ sizeof (HsObject)), zeroed, refcount 1, linked in
 * the heap. GC-capable types count towards gen-0 (and may trigger an automatic
 * collection before the object exists, as 3.11's allocator does). Returns NULL
 * with MemoryError set when the simulated heap is full. */
HsObject *hs_object_alloc      (HsVM       *vm,
                                HsType     *type,
                                gsize       size);
void      hs_object_free       (HsVM       *vm,
                                HsObject   *o);
/* Accounts @delta bytes of extra storage (a list's item array, a dict table)
 * against the simulated heap cap. Returns FALSE with MemoryError set when the
 * cap would be exceeded; negative deltas always succeed. */
gboolean  hs_heap_reserve      (HsVM       *vm,
                                gssize      delta);
gsize     hs_object_sizeof     (HsObject   *o);
/* id(o): a stable address-like number derived from the creation serial. */
guint64   hs_object_id         (HsObject   *o);
void      _hs_object_release_storage (HsObject *o);

/* GC list membership (hs-gc.c). */
void      hs_gc_track          (HsVM       *vm,
                                HsObject   *o);
void      hs_gc_untrack        (HsVM       *vm,
                                HsObject   *o);

static inline gboolean
hs_gc_is_tracked (HsObject *o)
{
  return (o->flags & HS_OBJ_GC_TRACKED) != 0;
}

G_END_DECLS
