/* containers-util.c — helpers shared by the container tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The per-test VM, the pool of results released after each test, the
 * operations the tests call through the engine's C API, and the "probe"
 * type: objects that record the order in which they die.
 */

#include "config.h"

#include <stdarg.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-number-object.h"
#include "hs-str-object.h"

#include "containers-util.h"

HsVM *vm;
static GPtrArray *pool;     /* results of the current test, released after it */
GArray *released;           /* probe ids in the order the probes died */
static HsType *probe_type;
GString *lt_log;            /* when set, probe __lt__ calls as "a,b;" */

/* Helpers -------------------------------------------------------------------- */

static void
fail_with_exception (const char *what)
{
  HsObject *exc = hs_err_fetch (vm);
  g_autofree char *line = exc != NULL ? hs_exception_format_last_line (vm, exc) : NULL;

  g_error ("%s failed: %s", what, line != NULL ? line : "(no exception)");
}

HsObject *
keep (HsObject *o)
{
  if (o == NULL)
    fail_with_exception ("operation");
  g_ptr_array_add (pool, o);
  return o;
}

HsObject *
I (gint64 v)
{
  return keep (hs_int_from_i64 (vm, v));
}

HsObject *
BIG (const char *digits)
{
  return keep (hs_int_from_string (vm, digits, 10));
}

HsObject *
F (double v)
{
  return keep (hs_float_new (vm, v));
}

HsObject *
S (const char *s)
{
  return keep (hs_str_new (vm, s, -1));
}

/* @n borrowed items from @ap into @items, each with a new reference. */
static void
fill_items (HsObject **items,
            gsize      n,
            va_list    ap)
{
  for (gsize i = 0; i < n; i++)
    items[i] = hs_incref (va_arg (ap, HsObject *));
}

/* A tuple of borrowed items. */
HsObject *
T (gsize n,
   ...)
{
  HsObject *t = keep (hs_tuple_new (vm, n));
  va_list ap;

  va_start (ap, n);
  fill_items (HS_TUPLE (t)->items, n, ap);
  va_end (ap);
  return t;
}

/* A list display [a, b, …] (BUILD_LIST: exactly n slots). */
HsObject *
L (gsize n,
   ...)
{
  HsObject *l = keep (hs_list_new (vm, n));
  va_list ap;

  va_start (ap, n);
  fill_items (HS_LIST (l)->items, n, ap);
  va_end (ap);
  return l;
}

/* A list of ints start..stop-1 built by appends (a comprehension). */
HsObject *
L_range (gint64 start,
         gint64 stop)
{
  HsObject *l = keep (hs_list_new (vm, 0));

  for (gint64 i = start; i < stop; i++)
    g_assert_cmpint (hs_list_append (vm, l, I (i)), ==, 0);
  return l;
}

static HsObject *
call_v (HsObject   *self,
        const char *name,
        gsize       nargs,
        va_list     ap)
{
  HsObject *args[8];

  g_assert_cmpuint (nargs, <=, G_N_ELEMENTS (args));
  for (gsize i = 0; i < nargs; i++)
    args[i] = va_arg (ap, HsObject *);
  return hs_object_call_method (vm, self, name, args, nargs);
}

/* self.name(args…), which must succeed. */
HsObject *
call (HsObject   *self,
      const char *name,
      gsize       nargs,
      ...)
{
  va_list ap;
  HsObject *res;

  va_start (ap, nargs);
  res = call_v (self, name, nargs, ap);
  va_end (ap);
  return keep (res);
}

/* Fetches the pending exception, which must format as "Type: message". */
void
assert_error (const char *expected)
{
  HsObject *exc = hs_err_fetch (vm);
  g_autofree char *line = NULL;

  g_assert_nonnull (exc);
  line = hs_exception_format_last_line (vm, exc);
  g_assert_cmpstr (line, ==, expected);
  hs_decref (vm, exc);
}

/* self.name(args…), which must raise "Type: message". */
void
call_fails (const char *expected,
            HsObject   *self,
            const char *name,
            gsize       nargs,
            ...)
{
  va_list ap;
  HsObject *res;

  va_start (ap, nargs);
  res = call_v (self, name, nargs, ap);
  va_end (ap);
  g_assert_null (res);
  assert_error (expected);
}

/* type(args…) as CPython's type_call does it for these types: __new__, then
 * __init__ unless the type keeps object's. */
HsObject *
construct (HsType *type,
           gsize   nargs,
           ...)
{
  HsObject *args[8];
  HsObject *o, *r;
  va_list ap;

  args[0] = (HsObject *) type;
  va_start (ap, nargs);
  for (gsize i = 0; i < nargs; i++)
    args[i + 1] = va_arg (ap, HsObject *);
  va_end (ap);
  o = type->tp_new (vm, (HsObject *) type, args, nargs + 1, NULL);
  if (o == NULL || type->tp_init == vm->types.object->tp_init)
    return o;
  args[0] = o;
  r = type->tp_init (vm, (HsObject *) type, args, nargs + 1, NULL);
  if (r == NULL)
    {
      hs_decref (vm, o);
      return NULL;
    }
  hs_decref (vm, r);
  return o;
}

char *
repr_of (HsObject *o)
{
  HsObject *r = hs_object_repr (vm, o);
  char *s;

  if (r == NULL)
    fail_with_exception ("repr");
  s = g_strdup (hs_str_utf8 (r));
  hs_decref (vm, r);
  return s;
}

HsObject *
getitem (HsObject *o,
         HsObject *key)
{
  return keep (hs_object_getitem (vm, o, key));
}

HsObject *
binop (HsObject *a,
       HsObject *b,
       int       op)
{
  return keep (hs_number_binop (vm, a, b, op));
}

gboolean
truth (int r)
{
  if (r < 0)
    fail_with_exception ("comparison");
  return r != 0;
}

/* Probes: objects that record when they die ------------------------------------ */

static void
probe_dealloc (HsVM     *vm_,
               HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm_, self);
  g_array_append_val (released, ((Probe *) self)->id);
  hs_object_free (vm_, self);
}

static gboolean
probe_hash (HsVM     *vm_,
            HsObject *self,
            gint64   *hash)
{
  *hash = ((Probe *) self)->id;
  return TRUE;
}

/* __eq__ is identity (NotImplemented); __lt__ compares values and logs. */
static HsObject *
probe_richcompare (HsVM     *vm_,
                   HsObject *a,
                   HsObject *b,
                   int       op)
{
  if (op != HS_LT || a->ob_type != probe_type || b->ob_type != probe_type)
    return hs_not_implemented (vm_);
  if (lt_log != NULL)
    g_string_append_printf (lt_log, "%d,%d;", ((Probe *) a)->id, ((Probe *) b)->id);
  return hs_bool (vm_, ((Probe *) a)->value < ((Probe *) b)->value);
}

HsObject *
probe_new (int id)
{
  Probe *p = (Probe *) hs_object_alloc (vm, probe_type, sizeof (Probe));

  g_assert_nonnull (p);
  p->id = id;
  p->value = id;
  hs_gc_track (vm, (HsObject *) p);
  return (HsObject *) p;
}

/* A new list [P(0), …, P(n-1)] whose items are owned by the list only. */
HsObject *
probe_list (int n)
{
  HsObject *l = hs_list_new (vm, n);

  for (int i = 0; i < n; i++)
    HS_LIST (l)->items[i] = probe_new (i);
  return l;
}

void
assert_released (const char *expected)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < released->len; i++)
    g_string_append_printf (s, "%s%d", i ? " " : "", g_array_index (released, int, i));
  g_assert_cmpstr (s->str, ==, expected);
  g_string_free (s, TRUE);
  g_array_set_size (released, 0);
}

static void
collect_visit (HsObject *o,
               gpointer  data)
{
  if (o->ob_type == probe_type)
    g_string_append_printf (data, "%s%d", ((GString *) data)->len ? " " : "",
                            ((Probe *) o)->id);
}

void
assert_traverse (HsObject   *o,
                 const char *expected)
{
  GString *s = g_string_new (NULL);

  o->ob_type->tp_traverse (o, collect_visit, s);
  g_assert_cmpstr (s->str, ==, expected);
  g_string_free (s, TRUE);
}

/* Fixture ---------------------------------------------------------------------- */

void
containers_setup (void)
{
  vm = hs_vm_new ();
  pool = g_ptr_array_new ();
  released = g_array_new (FALSE, FALSE, sizeof (int));
  probe_type = _hs_type_new_builtin (vm, "probe", vm->types.object, sizeof (Probe), 32,
                                     HS_TPFLAG_GC);
  probe_type->tp_dealloc = probe_dealloc;
  probe_type->tp_hash = probe_hash;
  probe_type->tp_richcompare = probe_richcompare;
  _hs_type_ready (vm, probe_type);
}

void
containers_teardown (void)
{
  g_assert_false (hs_err_occurred (vm));
  for (guint i = pool->len; i-- > 0;)
    hs_decref (vm, g_ptr_array_index (pool, i));
  g_ptr_array_free (pool, TRUE);
  g_array_free (released, TRUE);
  hs_vm_free (vm);
  vm = NULL;
}
