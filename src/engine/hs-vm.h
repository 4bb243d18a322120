/* hs-vm.h — one interpreter instance: its heap, singletons, types and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing in the engine is global: every object, type and singleton belongs
 * to one HsVM, so several runs can go on in different threads at once (the
 * model re-runs a snippet in a worker while the window shows the old trace).
 */
#pragma once

#include <glib.h>

#include "hs-object.h"
#include "hs-run.h"

G_BEGIN_DECLS

#define HS_SMALL_INT_MIN (-5)
#define HS_SMALL_INT_MAX 256
#define HS_STATIC_REFCNT 999999999

/* Built-in types of one VM. Exceptions follow the plain types. */
#define HS_FOREACH_BUILTIN_TYPE(X) \
  X (object) X (type) X (NoneType) X (NotImplementedType) X (ellipsis) \
  X (bool_) X (int_) X (float_) X (str) X (bytes) X (list) X (tuple) X (dict) \
  X (set) X (frozenset) X (range) X (slice) X (function) \
  X (builtin_function_or_method) X (method) X (cell) X (code) X (module) \
  X (generator) X (frame) X (traceback) X (super) X (property) \
  X (staticmethod) X (classmethod) \
  X (list_iterator) X (list_reverseiterator) X (tuple_iterator) \
  X (range_iterator) X (str_iterator) X (dict_keyiterator) \
  X (dict_valueiterator) X (dict_itemiterator) X (set_iterator) \
  X (iterator) X (callable_iterator) X (dict_keys) X (dict_values) X (dict_items) \
  X (enumerate) X (zip) X (map) X (filter) X (reversed) \
  X (weakref) X (weakproxy) X (weakcallableproxy) X (method_descriptor) \
  X (member_descriptor) X (getset_descriptor)

#define HS_FOREACH_EXCEPTION_TYPE(X) \
  X (BaseException, object) \
  X (SystemExit, BaseException) \
  X (KeyboardInterrupt, BaseException) \
  X (GeneratorExit, BaseException) \
  X (Exception, BaseException) \
  X (StopIteration, Exception) \
  X (ArithmeticError, Exception) \
  X (OverflowError, ArithmeticError) \
  X (ZeroDivisionError, ArithmeticError) \
  X (AssertionError, Exception) \
  X (AttributeError, Exception) \
  X (LookupError, Exception) \
  X (IndexError, LookupError) \
  X (KeyError, LookupError) \
  X (MemoryError, Exception) \
  X (NameError, Exception) \
  X (UnboundLocalError, NameError) \
  X (RuntimeError, Exception) \
  X (SystemError, Exception) \
  X (RecursionError, RuntimeError) \
  X (NotImplementedError, RuntimeError) \
  X (ImportError, Exception) \
  X (ModuleNotFoundError, ImportError) \
  X (ReferenceError, Exception) \
  X (TypeError, Exception) \
  X (ValueError, Exception) \
  X (UnicodeError, ValueError) \
  X (UnicodeDecodeError, UnicodeError) \
  X (UnicodeEncodeError, UnicodeError) \
  X (OSError, Exception) \
  X (EOFError, Exception) \
  X (SyntaxError, Exception) \
  X (Warning, Exception) \
  X (UserWarning, Warning) \
  X (DeprecationWarning, Warning) \
  X (RuntimeWarning, Warning)

typedef struct
{
#define HS_DECLARE_TYPE(name) HsType *name;
  HS_FOREACH_BUILTIN_TYPE (HS_DECLARE_TYPE)
#undef HS_DECLARE_TYPE
#define HS_DECLARE_EXC(name, base) HsType *name;
  HS_FOREACH_EXCEPTION_TYPE (HS_DECLARE_EXC)
#undef HS_DECLARE_EXC
} HsTypeTable;

/* Why a run stopped before its end. */
typedef enum
{
  HS_STOP_NONE,
  HS_STOP_STEP_LIMIT,      /* the step cap was reached */
  HS_STOP_CANCELLED,       /* hs_vm_cancel() from another thread */
  HS_STOP_FATAL,           /* an internal limit with no Python equivalent */
  HS_STOP_OUTPUT_LIMIT,    /* the snippet printed max_output_bytes */
  HS_STOP_WORK_LIMIT,      /* one step ran max_ticks iterations in C (sum(range(10**12))) */
} HsStopReason;

/* The work a built-in may do for the snippet (iterations it consumes,
 * hs_iter_next) is capped at this many per allowed step, unless
 * HsVM.max_ticks says otherwise. */
#define HS_TICKS_PER_STEP 1000

/* Heapscope limits a run reached (HsVM.limits_hit), so a front end can name
 * the limit behind a bare MemoryError. */
enum
{
  HS_LIMIT_HEAP     = 1 << 0,  /* max_heap_bytes or max_objects */
  HS_LIMIT_INT_SIZE = 1 << 1,  /* an int larger than hs_bigint_get_max_digits() */
};

/* Everything a run prints is kept (HsVM.output) for the trace: a snippet
 * printing in a loop stops here rather than filling the real memory. */
#define HS_DEFAULT_MAX_OUTPUT_BYTES (G_GUINT64_CONSTANT (16) * 1024 * 1024)


struct _HsVM
{
  HsTypeTable    types;

  /* Singletons (HS_OBJ_STATIC: never freed while the VM lives). */
  HsObject      *none;
  HsObject      *true_obj;
  HsObject      *false_obj;
  HsObject      *ellipsis;
  HsObject      *not_implemented;
  HsObject      *empty_tuple;
  HsObject      *empty_str;
  HsObject      *small_ints[HS_SMALL_INT_MAX - HS_SMALL_INT_MIN + 1];
  HsObject      *latin1_chars[256];
  GHashTable    *interned;      /* const char* utf8 → HsObject* str (borrowed keys) */

  HsObject      *builtins;      /* dict */
  HsObject      *modules;       /* dict: sys.modules */
  HsObject      *main_module;
  HsObject      *sys_module;

  /* The heap: every live object, oldest first. */
  HsObject      *heap_first;
  HsObject      *heap_last;
  guint64        next_serial;
  /* Serial ranges (pairs: first, end) of objects made by importing a
   * module: the interpreter's, not the snippet's, unless the snippet
   * holds on to one of them. */
  GArray        *import_serials;
  guint64        n_live;
  guint64        peak_live;
  guint64        n_allocated;
  guint64        heap_bytes;     /* simulated bytes (sum of getsizeof) */
  guint64        max_heap_bytes;
  guint64        max_objects;
  guint          limits_hit;     /* HS_LIMIT_* flags */

  /* Deferred deallocation (CPython's trashcan) keeps deep cascades off the C stack. */
  int            dealloc_depth;
  GPtrArray     *trash;
  /* While a trace is being replayed to capture states: freed objects'
   * memory, kept until the next safe point (hs-trace.c) so a state taken
   * inside an instruction never reads a reused block through a stale
   * pointer (a stack slot not yet overwritten). NULL otherwise. */
  GPtrArray     *deferred_frees;

  HsGCState     *gc;

  /* Execution. */
  HsFrame       *frame;          /* innermost running frame */
  int            depth;          /* Python frames on the stack */
  int            recursion_limit;
  int            c_depth;        /* nested C→Python re-entries */
  int            c_recursion;    /* repr/compare/class-call levels on the recursion limit (hs-recursion.h) */
  HsObject      *exc;            /* exception being raised, or NULL */
  HsObject      *exc_info;       /* exception being handled (sys.exc_info), or NULL */
  HsStopReason   stop;
  volatile gint  cancelled;
  volatile gint *cancel_flag;    /* an outside flag polled with cancelled (HsTrace's), or NULL */
  guint64        steps;          /* line steps so far */
  guint64        max_steps;
  guint64        ticks;          /* iterations consumed by built-ins (hs_work_check) */
  guint64        max_ticks;      /* 0: max_steps * HS_TICKS_PER_STEP */
  int            stop_line;      /* the line running when a limit stopped the run */

  /* Output. */
  HsWriteFunc    write;
  gpointer       write_data;
  GString       *output;         /* everything written to stdout/stderr, in order */
  guint64        max_output_bytes;

  HsRecorder    *recorder;       /* NULL when not recording */
  const char    *filename;
  const char   **source_lines;   /* for tracebacks; owned by the caller */
  int            n_source_lines;
  GString       *compile_warnings;  /* SyntaxWarnings, written when the run starts */
  HsObject      *tp_call_args;   /* borrowed: the args tuple of the class call in progress */
  HsObject      *ex_call_args;   /* borrowed: f(*t, **d)'s tuple and dict, when f is a class */
  HsObject      *ex_call_kwargs;

  GPtrArray     *pending_types;  /* built-in types created before dict/str existed */
  GPtrArray     *builtin_subclass_refs;  /* weakrefs to user classes of built-in bases */
  GPtrArray     *const_arena;    /* the parse arena's references to constants */
  GHashTable    *repr_guard;     /* objects whose repr is in progress */

  /* sys.set_int_max_str_digits */
  int            int_max_str_digits;
};

HsVM      *hs_vm_new              (void);
void       hs_vm_free             (HsVM          *vm);
void       hs_vm_cancel           (HsVM          *vm);
void       hs_vm_write            (HsVM          *vm,
                                   HsStream       stream,
                                   const char    *text,
                                   gssize         len);

/* Errors. Every function that can fail returns NULL (or -1) with vm->exc set. */
HsObject  *hs_err_set_object      (HsVM          *vm,
                                   HsType        *type,
                                   HsObject      *value);
HsObject  *hs_err_set_string      (HsVM          *vm,
                                   HsType        *type,
                                   const char    *message);
HsObject  *hs_err_format          (HsVM          *vm,
                                   HsType        *type,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (3, 4);
HsObject  *hs_err_no_memory       (HsVM          *vm);
gboolean   hs_err_occurred        (HsVM          *vm);
gboolean   hs_err_matches         (HsVM          *vm,
                                   HsType        *type);
void       hs_err_clear           (HsVM          *vm);
HsObject  *hs_err_fetch           (HsVM          *vm);
void       hs_err_restore         (HsVM          *vm,
                                   HsObject      *exc);
/* Reports an exception that cannot propagate (from __del__, a weakref callback,
 * a gc callback) the way sys.unraisablehook does: "Exception ignored in: …". */
void       hs_err_write_unraisable (HsVM         *vm,
                                    HsObject     *where);

/* Singletons and small constructors used everywhere. */
static inline HsObject *
hs_none (HsVM *vm)
{
  return hs_incref (vm->none);
}

static inline HsObject *
hs_bool (HsVM     *vm,
         gboolean  value)
{
  return hs_incref (value ? vm->true_obj : vm->false_obj);
}

static inline HsObject *
hs_not_implemented (HsVM *vm)
{
  return hs_incref (vm->not_implemented);
}

G_END_DECLS
