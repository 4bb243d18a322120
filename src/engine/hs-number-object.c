/* hs-number-object.c — int, bool and float objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Machine-size ints take a fast path; anything that overflows gint64 moves
 * to an HsBigInt (hs-bigint.c), so `2**100` just works. Every arithmetic
 * result is a new object, as in CPython, except the shared small ints.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-float.h"
#include "hs-format-object.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

#define HASH_MODULUS ((G_GUINT64_CONSTANT (1) << 61) - 1)

/* Construction ------------------------------------------------------------ */

HsObject *
hs_int_from_i64 (HsVM   *vm,
                 gint64  v)
{
  HsObject *o;

  if (v >= HS_SMALL_INT_MIN && v <= HS_SMALL_INT_MAX)
    return hs_incref (vm->small_ints[v - HS_SMALL_INT_MIN]);

  o = hs_object_alloc (vm, vm->types.int_, sizeof (HsInt));
  if (o == NULL)
    return NULL;
  HS_INT (o)->value = v;
  return o;
}

HsObject *
hs_int_from_bigint (HsVM     *vm,
                    HsBigInt *big)
{
  HsObject *o;
  gint64 v;

  if (hs_bigint_to_int64 (big, &v))
    {
      hs_bigint_free (big);
      return hs_int_from_i64 (vm, v);
    }
  o = hs_object_alloc (vm, vm->types.int_, sizeof (HsInt));
  if (o == NULL)
    {
      hs_bigint_free (big);
      return NULL;
    }
  HS_INT (o)->big = big;
  return o;
}

gboolean
hs_int_check (HsObject *o)
{
  return (o->ob_type->tp_flags & HS_TPFLAG_INT_SUBCLASS) != 0;
}

gboolean
hs_int_is_small (HsObject *o)
{
  return HS_INT (o)->big == NULL;
}

gboolean
hs_int_as_i64 (HsVM     *vm,
               HsObject *o,
               gint64   *out)
{
  if (HS_INT (o)->big == NULL)
    {
      *out = HS_INT (o)->value;
      return TRUE;
    }
  if (vm != NULL)
    hs_err_format (vm, vm->types.OverflowError,
                   "Python int too large to convert to C ssize_t");
  return FALSE;
}

HsBigInt *
hs_int_to_bigint (HsObject *o)
{
  if (HS_INT (o)->big != NULL)
    return hs_bigint_copy (HS_INT (o)->big);
  return hs_bigint_new_from_int64 (HS_INT (o)->value);
}

static HsType *
num_error_type (HsVM   *vm,
                GError *error)
{
  switch (error->code)
    {
    case HS_NUM_ERROR_ZERO_DIVISION:
      return vm->types.ZeroDivisionError;
    case HS_NUM_ERROR_OVERFLOW:
      return vm->types.OverflowError;
    case HS_NUM_ERROR_MEMORY:
      return vm->types.MemoryError;
    case HS_NUM_ERROR_NOT_IMPLEMENTED:
      return vm->types.NotImplementedError;
    case HS_NUM_ERROR_VALUE:
    default:
      return vm->types.ValueError;
    }
}

static HsObject *
raise_num_error (HsVM   *vm,
                 GError *error)
{
  if (error->code == HS_NUM_ERROR_MEMORY)
    {
      vm->limits_hit |= HS_LIMIT_INT_SIZE;
      hs_err_no_memory (vm);
    }
  else
    hs_err_set_string (vm, num_error_type (vm, error), error->message);
  g_error_free (error);
  return NULL;
}

HsObject *
hs_int_from_string (HsVM       *vm,
                    const char *text,
                    int         base)
{
  GError *error = NULL;
  HsBigInt *big = hs_bigint_new_from_string (text, -1, base, vm->int_max_str_digits, &error);

  if (big == NULL)
    return raise_num_error (vm, error);
  return hs_int_from_bigint (vm, big);
}

char *
hs_int_to_string (HsObject *o,
                  int       base)
{
  g_autoptr(HsBigInt) big = NULL;

  if (HS_INT (o)->big == NULL && base == 10)
    return g_strdup_printf ("%" G_GINT64_FORMAT, HS_INT (o)->value);
  big = hs_int_to_bigint (o);
  return hs_bigint_to_string (big, base, TRUE, 0, NULL);
}

int
hs_int_compare (HsObject *a,
                HsObject *b)
{
  HsInt *x = HS_INT (a), *y = HS_INT (b);

  if (x->big == NULL && y->big == NULL)
    return x->value < y->value ? -1 : x->value > y->value;
  if (x->big != NULL && y->big != NULL)
    return hs_bigint_compare (x->big, y->big);
  if (x->big != NULL)
    return hs_bigint_compare_int64 (x->big, y->value);
  return -hs_bigint_compare_int64 (y->big, x->value);
}

gint64
hs_int_hash (HsObject *o)
{
  HsInt *i = HS_INT (o);
  gint64 v, h;
  guint64 a;

  if (i->big != NULL)
    return hs_bigint_hash (i->big);
  v = i->value;
  a = v < 0 ? (guint64) -(v + 1) + 1 : (guint64) v;
  h = (gint64) (a % HASH_MODULUS);
  if (v < 0)
    h = -h;
  return h == -1 ? -2 : h;
}

double
hs_int_as_double (HsVM     *vm,
                  HsObject *o,
                  gboolean *ok)
{
  double d;
  GError *error = NULL;

  *ok = TRUE;
  if (HS_INT (o)->big == NULL)
    return (double) HS_INT (o)->value;
  if (!hs_bigint_to_double (HS_INT (o)->big, &d, &error))
    {
      raise_num_error (vm, error);
      *ok = FALSE;
      return 0;
    }
  return d;
}

/* int slots ----------------------------------------------------------------- */

static gboolean
int_args (HsObject  *a,
          HsObject  *b)
{
  return hs_int_check (a) && hs_int_check (b);
}

typedef HsBigInt *(*BigBinary) (const HsBigInt *, const HsBigInt *, GError **);

static HsObject *
big_binary (HsVM      *vm,
            HsObject  *a,
            HsObject  *b,
            BigBinary  fn)
{
  g_autoptr(HsBigInt) x = hs_int_to_bigint (a);
  g_autoptr(HsBigInt) y = hs_int_to_bigint (b);
  GError *error = NULL;
  HsBigInt *r = fn (x, y, &error);

  if (r == NULL)
    return raise_num_error (vm, error);
  return hs_int_from_bigint (vm, r);
}

static HsObject *
int_add (HsVM *vm, HsObject *a, HsObject *b)
{
  gint64 r;

  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b)
      && !__builtin_add_overflow (HS_INT (a)->value, HS_INT (b)->value, &r))
    return hs_int_from_i64 (vm, r);
  return big_binary (vm, a, b, hs_bigint_add);
}

static HsObject *
int_sub (HsVM *vm, HsObject *a, HsObject *b)
{
  gint64 r;

  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b)
      && !__builtin_sub_overflow (HS_INT (a)->value, HS_INT (b)->value, &r))
    return hs_int_from_i64 (vm, r);
  return big_binary (vm, a, b, hs_bigint_sub);
}

static HsObject *
int_mul (HsVM *vm, HsObject *a, HsObject *b)
{
  gint64 r;

  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b)
      && !__builtin_mul_overflow (HS_INT (a)->value, HS_INT (b)->value, &r))
    return hs_int_from_i64 (vm, r);
  return big_binary (vm, a, b, hs_bigint_mul);
}

static HsObject *
int_floordiv (HsVM *vm, HsObject *a, HsObject *b)
{
  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b))
    {
      gint64 x = HS_INT (a)->value, y = HS_INT (b)->value, q;

      if (y == 0)
        return hs_err_format (vm, vm->types.ZeroDivisionError,
                              "integer division or modulo by zero");
      if (!(x == G_MININT64 && y == -1))
        {
          q = x / y;
          if ((x % y != 0) && ((x < 0) != (y < 0)))
            q--;
          return hs_int_from_i64 (vm, q);
        }
    }
  return big_binary (vm, a, b, hs_bigint_floordiv);
}

static HsObject *
int_mod (HsVM *vm, HsObject *a, HsObject *b)
{
  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b))
    {
      gint64 x = HS_INT (a)->value, y = HS_INT (b)->value, m;

      if (y == 0)
        return hs_err_format (vm, vm->types.ZeroDivisionError, "integer modulo by zero");
      if (y == -1)
        return hs_int_from_i64 (vm, 0);
      m = x % y;
      if (m != 0 && ((m < 0) != (y < 0)))
        m += y;
      return hs_int_from_i64 (vm, m);
    }
  return big_binary (vm, a, b, hs_bigint_mod);
}

static HsObject *
int_truediv (HsVM *vm, HsObject *a, HsObject *b)
{
  double r;
  GError *error = NULL;

  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b))
    {
      gint64 x = HS_INT (a)->value, y = HS_INT (b)->value;

      if (y == 0)
        return hs_err_format (vm, vm->types.ZeroDivisionError, "division by zero");
      /* Exact operands give a correctly rounded quotient. */
      if (x > -(G_GINT64_CONSTANT (1) << 53) && x < (G_GINT64_CONSTANT (1) << 53)
          && y > -(G_GINT64_CONSTANT (1) << 53) && y < (G_GINT64_CONSTANT (1) << 53))
        return hs_float_new (vm, (double) x / (double) y);
    }
  {
    g_autoptr(HsBigInt) x = hs_int_to_bigint (a);
    g_autoptr(HsBigInt) y = hs_int_to_bigint (b);

    if (!hs_bigint_true_divide (x, y, &r, &error))
      return raise_num_error (vm, error);
  }
  return hs_float_new (vm, r);
}

static HsObject *
int_pow (HsVM *vm, HsObject *a, HsObject *b)
{
  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_compare (b, vm->small_ints[0 - HS_SMALL_INT_MIN]) < 0)
    {
      gboolean ok1, ok2;
      double x = hs_int_as_double (vm, a, &ok1);
      double y = ok1 ? hs_int_as_double (vm, b, &ok2) : 0;

      if (!ok1 || !ok2)
        return NULL;
      if (x == 0.0)
        return hs_err_format (vm, vm->types.ZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
      return hs_float_new (vm, pow (x, y));
    }
  return big_binary (vm, a, b, hs_bigint_pow);
}

static HsObject *
int_lshift (HsVM *vm, HsObject *a, HsObject *b)
{
  if (!int_args (a, b))
    return hs_not_implemented (vm);
  return big_binary (vm, a, b, hs_bigint_lshift);
}

static HsObject *
int_rshift (HsVM *vm, HsObject *a, HsObject *b)
{
  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b) && HS_INT (b)->value >= 0)
    {
      gint64 s = HS_INT (b)->value;

      return hs_int_from_i64 (vm, s >= 63 ? (HS_INT (a)->value < 0 ? -1 : 0)
                                          : HS_INT (a)->value >> s);
    }
  return big_binary (vm, a, b, hs_bigint_rshift);
}

typedef HsBigInt *(*BigBits) (const HsBigInt *, const HsBigInt *);

static HsObject *
int_bits (HsVM     *vm,
          HsObject *a,
          HsObject *b,
          int       op)
{
  gboolean both_bool = a->ob_type == vm->types.bool_ && b->ob_type == vm->types.bool_;
  HsBigInt *r;

  if (!int_args (a, b))
    return hs_not_implemented (vm);
  if (hs_int_is_small (a) && hs_int_is_small (b))
    {
      gint64 x = HS_INT (a)->value, y = HS_INT (b)->value;
      gint64 v = op == HS_OP_BITAND ? (x & y) : op == HS_OP_BITOR ? (x | y) : (x ^ y);

      return both_bool ? hs_bool (vm, v != 0) : hs_int_from_i64 (vm, v);
    }
  {
    g_autoptr(HsBigInt) x = hs_int_to_bigint (a);
    g_autoptr(HsBigInt) y = hs_int_to_bigint (b);

    r = op == HS_OP_BITAND ? hs_bigint_and (x, y)
        : op == HS_OP_BITOR ? hs_bigint_or (x, y) : hs_bigint_xor (x, y);
  }
  return hs_int_from_bigint (vm, r);
}

static HsObject *int_and (HsVM *vm, HsObject *a, HsObject *b) { return int_bits (vm, a, b, HS_OP_BITAND); }
static HsObject *int_or (HsVM *vm, HsObject *a, HsObject *b) { return int_bits (vm, a, b, HS_OP_BITOR); }
static HsObject *int_xor (HsVM *vm, HsObject *a, HsObject *b) { return int_bits (vm, a, b, HS_OP_BITXOR); }

static HsObject *
int_negative (HsVM     *vm,
              HsObject *self)
{
  if (hs_int_is_small (self) && HS_INT (self)->value != G_MININT64)
    return hs_int_from_i64 (vm, -HS_INT (self)->value);
  {
    g_autoptr(HsBigInt) x = hs_int_to_bigint (self);

    return hs_int_from_bigint (vm, hs_bigint_neg (x));
  }
}

static HsObject *
int_positive (HsVM     *vm,
              HsObject *self)
{
  if (self->ob_type == vm->types.int_)
    return hs_incref (self);
  if (hs_int_is_small (self))
    return hs_int_from_i64 (vm, HS_INT (self)->value);
  return hs_int_from_bigint (vm, hs_int_to_bigint (self));
}

static HsObject *
int_invert (HsVM     *vm,
            HsObject *self)
{
  if (hs_int_is_small (self))
    return hs_int_from_i64 (vm, ~HS_INT (self)->value);
  {
    g_autoptr(HsBigInt) x = hs_int_to_bigint (self);

    return hs_int_from_bigint (vm, hs_bigint_invert (x));
  }
}

static int
int_bool (HsVM     *vm,
          HsObject *self)
{
  return HS_INT (self)->big != NULL || HS_INT (self)->value != 0;
}

static HsObject *
int_index (HsVM     *vm,
           HsObject *self)
{
  return int_positive (vm, self);
}

static gboolean
int_hash_slot (HsVM     *vm,
               HsObject *self,
               gint64   *hash)
{
  *hash = hs_int_hash (self);
  return TRUE;
}

static HsObject *
compare_result (HsVM *vm,
                int   c,
                int   op)
{
  gboolean r = FALSE;

  switch (op)
    {
    case HS_LT: r = c < 0; break;
    case HS_LE: r = c <= 0; break;
    case HS_EQ: r = c == 0; break;
    case HS_NE: r = c != 0; break;
    case HS_GT: r = c > 0; break;
    case HS_GE: r = c >= 0; break;
    }
  return hs_bool (vm, r);
}

static HsObject *
int_richcompare (HsVM     *vm,
                 HsObject *a,
                 HsObject *b,
                 int       op)
{
  if (!int_args (a, b))
    return hs_not_implemented (vm);
  return compare_result (vm, hs_int_compare (a, b), op);
}

static HsObject *
int_repr (HsVM     *vm,
          HsObject *self)
{
  g_autofree char *text = NULL;
  GError *error = NULL;

  if (hs_int_is_small (self))
    text = g_strdup_printf ("%" G_GINT64_FORMAT, HS_INT (self)->value);
  else
    {
      text = hs_bigint_to_string (HS_INT (self)->big, 10, FALSE, vm->int_max_str_digits, &error);
      if (text == NULL)
        return raise_num_error (vm, error);
    }
  /* str(5) is a new object in CPython, not the shared '5'. */
  return hs_str_new_uncached (vm, text, -1);
}

static HsObject *
bool_repr (HsVM     *vm,
           HsObject *self)
{
  return hs_str_intern (vm, self == vm->true_obj ? "True" : "False");
}

static gsize
int_sizeof (HsObject *self)
{
  gsize ndigits = 1;

  if (HS_INT (self)->big != NULL)
    ndigits = MAX (1, hs_bigint_n_digits (HS_INT (self)->big));
  else
    {
      gint64 v = HS_INT (self)->value;
      guint64 a = v < 0 ? (guint64) -(v + 1) + 1 : (guint64) v;

      while (a >= (G_GUINT64_CONSTANT (1) << 30))
        {
          a >>= 30;
          ndigits++;
        }
    }
  return 24 + 4 * ndigits;
}

/* About 4,300 decimal digits: str()'s own limit in 3.11. */
#define SHORT_INT_MAX_BITS 14300

static void
int_repr_short (HsObject *self,
                GString  *out,
                gsize     max_chars)
{
  if (HS_INT (self)->big == NULL)
    {
      if (self->ob_type->tp_repr == bool_repr)
        g_string_append (out, HS_INT (self)->value ? "True" : "False");
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, HS_INT (self)->value);
    }
  else if (hs_bigint_bit_length (HS_INT (self)->big) > SHORT_INT_MAX_BITS)
    {
      /* Decimal conversion is quadratic: a label must not take seconds.
       * (CPython 3.11's str() refuses past 4,300 digits anyway.) */
      double digits = hs_bigint_bit_length (HS_INT (self)->big) * 0.30102999566398120;

      g_string_append_printf (out, "int of ~%.0f digits", digits);
    }
  else
    {
      g_autofree char *t = hs_bigint_to_string (HS_INT (self)->big, 10, FALSE, 0, NULL);

      if (t != NULL && strlen (t) > max_chars && max_chars > 4)
        g_string_append_printf (out, "%.*s…", (int) max_chars - 1, t);
      else if (t != NULL)
        g_string_append (out, t);
    }
}

static void
int_dealloc (HsVM     *vm,
             HsObject *self)
{
  g_clear_pointer (&HS_INT (self)->big, hs_bigint_free);
  hs_object_free (vm, self);
}

static void
int_free_storage (HsObject *self)
{
  g_clear_pointer (&HS_INT (self)->big, hs_bigint_free);
}

static HsObject *
int_from_object (HsVM     *vm,
                 HsObject *x)
{
  if (hs_int_check (x))
    return x->ob_type == vm->types.int_ ? hs_incref (x) : int_positive (vm, x);
  if (hs_float_check (x))
    {
      double d = HS_FLOAT (x)->value;
      GError *error = NULL;
      HsBigInt *big;

      if (isnan (d))
        return hs_err_format (vm, vm->types.ValueError, "cannot convert float NaN to integer");
      if (isinf (d))
        return hs_err_format (vm, vm->types.OverflowError,
                              "cannot convert float infinity to integer");
      if (fabs (d) < 9.2e18)
        return hs_int_from_i64 (vm, (gint64) d);
      big = hs_bigint_new_from_double (d, &error);
      if (big == NULL)
        return raise_num_error (vm, error);
      return hs_int_from_bigint (vm, big);
    }
  if (hs_str_check (x))
    {
      GError *error = NULL;
      HsBigInt *big = hs_bigint_new_from_string (hs_str_utf8 (x), hs_str_nbytes (x), 10,
                                                 vm->int_max_str_digits, &error);
      if (big == NULL)
        {
          if (error->code == HS_NUM_ERROR_VALUE && strstr (error->message, "Exceeds") == NULL)
            {
              GString *msg = g_string_new ("invalid literal for int() with base 10: ");

              g_error_free (error);
              hs_str_repr_append (x, msg);
              hs_err_set_string (vm, vm->types.ValueError, msg->str);
              g_string_free (msg, TRUE);
              return NULL;
            }
          return raise_num_error (vm, error);
        }
      return hs_int_from_bigint (vm, big);
    }
  {
    HsObject *r = NULL;
    const char *names[] = { "__int__", "__index__", "__trunc__" };

    for (gsize i = 0; i < G_N_ELEMENTS (names) && r == NULL; i++)
      if (hs_type_lookup_cstr (x->ob_type, names[i]) != NULL)
        {
          HsObject *m = hs_object_getattr_cstr (vm, x, names[i]);

          if (m == NULL)
            return NULL;
          r = hs_object_call (vm, m, NULL, 0, NULL);
          hs_decref (vm, m);
          if (r == NULL)
            return NULL;
          if (!hs_int_check (r))
            {
              hs_err_format (vm, vm->types.TypeError, "%s returned non-int (type %s)",
                             names[i], hs_type_name (r));
              hs_decref (vm, r);
              return NULL;
            }
        }
    if (r != NULL)
      return r;
  }
  return hs_err_format (vm, vm->types.TypeError,
                        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        hs_type_name (x));
}

static HsObject *
int_new (HsVM            *vm,
         HsObject        *callable,
         HsObject *const *args,
         gsize            nargs,
         HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *value;

  if (kwnames != NULL && HS_TUPLE (kwnames)->len > 0)
    {
      if (!(HS_TUPLE (kwnames)->len == 1 && hs_str_equal_cstr (HS_TUPLE (kwnames)->items[0], "base")))
        return hs_err_format (vm, vm->types.TypeError,
                              "'%s' is an invalid keyword argument for int()",
                              hs_str_utf8 (HS_TUPLE (kwnames)->items[0]));
    }
  nargs += kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
  if (nargs > 3)
    return hs_err_format (vm, vm->types.TypeError,
                          "int() takes at most 2 arguments (%" G_GSIZE_FORMAT " given)", nargs - 1);
  if (nargs == 1)
    value = hs_int_from_i64 (vm, 0);
  else if (nargs == 2)
    value = int_from_object (vm, args[1]);
  else
    {
      gint64 base;
      GError *error = NULL;
      HsBigInt *big;

      if (!hs_int_check (args[2]) || !hs_int_as_i64 (vm, args[2], &base))
        return hs_err_format (vm, vm->types.TypeError,
                              "'%s' object cannot be interpreted as an integer",
                              hs_type_name (args[2]));
      if (!hs_str_check (args[1]))
        return hs_err_format (vm, vm->types.TypeError, "int() can't convert non-string with explicit base");
      if (base != 0 && (base < 2 || base > 36))
        return hs_err_format (vm, vm->types.ValueError, "int() base must be >= 2 and <= 36, or 0");
      big = hs_bigint_new_from_string (hs_str_utf8 (args[1]), hs_str_nbytes (args[1]), base,
                                       vm->int_max_str_digits, &error);
      if (big == NULL)
        {
          if (error->code == HS_NUM_ERROR_VALUE && strstr (error->message, "Exceeds") == NULL)
            {
              GString *msg = g_string_new (NULL);

              g_string_printf (msg, "invalid literal for int() with base %d: ", (int) base);
              g_error_free (error);
              hs_str_repr_append (args[1], msg);
              hs_err_set_string (vm, vm->types.ValueError, msg->str);
              g_string_free (msg, TRUE);
              return NULL;
            }
          return raise_num_error (vm, error);
        }
      value = hs_int_from_bigint (vm, big);
    }
  if (value == NULL || type == vm->types.int_)
    return value;

  /* A subclass of int: copy the value into an instance of it. */
  {
    HsObject *o = hs_object_alloc (vm, type, type->c_size);

    if (o == NULL)
      {
        hs_decref (vm, value);
        return NULL;
      }
    HS_INT (o)->value = HS_INT (value)->value;
    HS_INT (o)->big = HS_INT (value)->big ? hs_bigint_copy (HS_INT (value)->big) : NULL;
    hs_decref (vm, value);
    if (hs_type_is_gc (type))
      hs_gc_track (vm, o);
    return o;
  }
}

static HsObject *
bool_new (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  int truth;

  if (!hs_check_no_kwargs (vm, "bool", kwnames))
    return NULL;
  if (nargs > 2)
    return hs_err_format (vm, vm->types.TypeError,
                          "bool expected at most 1 argument, got %" G_GSIZE_FORMAT, nargs - 1);
  if (nargs == 1)
    return hs_bool (vm, FALSE);
  truth = hs_object_is_true (vm, args[1]);
  return truth < 0 ? NULL : hs_bool (vm, truth);
}

static HsObject *
int_bit_length (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  g_autoptr(HsBigInt) big = NULL;

  if (!hs_check_nargs (vm, "bit_length", nargs - 1, 0, 0))
    return NULL;
  big = hs_int_to_bigint (args[0]);
  return hs_int_from_i64 (vm, hs_bigint_bit_length (big));
}

static HsObject *
int_format_method (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__format__", nargs - 1, 1, 1))
    return NULL;
  return hs_object_format_builtin (vm, args[0], args[1]);
}

static HsObject *
int_getattro (HsVM     *vm,
              HsObject *self,
              HsObject *name)
{
  /* The numbers-tower attributes every int has. */
  if (hs_str_equal_cstr (name, "real") || hs_str_equal_cstr (name, "numerator"))
    return int_index (vm, self);
  if (hs_str_equal_cstr (name, "imag"))
    return hs_int_from_i64 (vm, 0);
  if (hs_str_equal_cstr (name, "denominator"))
    return hs_int_from_i64 (vm, 1);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
float_getattro (HsVM     *vm,
                HsObject *self,
                HsObject *name)
{
  if (hs_str_equal_cstr (name, "real"))
    return hs_float_new (vm, HS_FLOAT (self)->value);
  if (hs_str_equal_cstr (name, "imag"))
    return hs_float_new (vm, 0.0);
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef int_methods[] = {
  { "bit_length", int_bit_length, 0, NULL },
  { "__format__", int_format_method, 0, NULL },
  { NULL }
};

/* float ---------------------------------------------------------------------- */

HsObject *
hs_float_new (HsVM   *vm,
              double  v)
{
  HsObject *o = hs_object_alloc (vm, vm->types.float_, sizeof (HsFloat));

  if (o == NULL)
    return NULL;
  HS_FLOAT (o)->value = v;
  return o;
}

gboolean
hs_float_check (HsObject *o)
{
  return (o->ob_type->tp_flags & HS_TPFLAG_FLOAT_SUBCLASS) != 0;
}

gboolean
hs_number_as_double (HsVM     *vm,
                     HsObject *o,
                     double   *out)
{
  if (hs_float_check (o))
    {
      *out = HS_FLOAT (o)->value;
      return TRUE;
    }
  if (hs_int_check (o))
    {
      gboolean ok;

      *out = hs_int_as_double (vm, o, &ok);
      return ok;
    }
  hs_err_format (vm, vm->types.TypeError, "must be real number, not %s", hs_type_name (o));
  return FALSE;
}

/* Both operands as doubles, or NotImplemented for foreign types. */
static gboolean
float_operands (HsVM     *vm,
                HsObject *a,
                HsObject *b,
                double   *x,
                double   *y,
                HsObject **res)
{
  *res = NULL;
  if (!(hs_float_check (a) || hs_int_check (a)) || !(hs_float_check (b) || hs_int_check (b)))
    {
      *res = hs_not_implemented (vm);
      return FALSE;
    }
  if (!hs_number_as_double (vm, a, x) || !hs_number_as_double (vm, b, y))
    return FALSE;
  return TRUE;
}

#define FLOAT_PROLOGUE \
  double x, y; \
  HsObject *res; \
  if (!float_operands (vm, a, b, &x, &y, &res)) \
    return res;

static HsObject *float_add (HsVM *vm, HsObject *a, HsObject *b) { FLOAT_PROLOGUE return hs_float_new (vm, x + y); }
static HsObject *float_sub (HsVM *vm, HsObject *a, HsObject *b) { FLOAT_PROLOGUE return hs_float_new (vm, x - y); }
static HsObject *float_mul (HsVM *vm, HsObject *a, HsObject *b) { FLOAT_PROLOGUE return hs_float_new (vm, x * y); }

static HsObject *
float_div (HsVM *vm, HsObject *a, HsObject *b)
{
  FLOAT_PROLOGUE
  if (y == 0.0)
    return hs_err_format (vm, vm->types.ZeroDivisionError, "float division by zero");
  return hs_float_new (vm, x / y);
}

/* float_divmod from CPython's floatobject.c. */
static gboolean
float_divmod_values (HsVM   *vm,
                     double  vx,
                     double  wx,
                     double *floordiv,
                     double *mod_out,
                     const char *zero_msg)
{
  double div, mod;

  if (wx == 0.0)
    {
      hs_err_format (vm, vm->types.ZeroDivisionError, "%s", zero_msg);
      return FALSE;
    }
  mod = fmod (vx, wx);
  div = (vx - mod) / wx;
  if (mod != 0.0)
    {
      if ((wx < 0) != (mod < 0))
        {
          mod += wx;
          div -= 1.0;
        }
    }
  else
    mod = copysign (0.0, wx);
  if (div != 0.0)
    {
      double floordiv_v = floor (div);

      if (div - floordiv_v > 0.5)
        floordiv_v += 1.0;
      div = floordiv_v;
    }
  else
    div = copysign (0.0, vx / wx);
  *floordiv = div;
  *mod_out = mod;
  return TRUE;
}

static HsObject *
float_floordiv (HsVM *vm, HsObject *a, HsObject *b)
{
  double q, m;
  FLOAT_PROLOGUE
  if (!float_divmod_values (vm, x, y, &q, &m, "float floor division by zero"))
    return NULL;
  return hs_float_new (vm, q);
}

static HsObject *
float_mod (HsVM *vm, HsObject *a, HsObject *b)
{
  double q, m;
  FLOAT_PROLOGUE
  if (!float_divmod_values (vm, x, y, &q, &m, "float modulo"))
    return NULL;
  return hs_float_new (vm, m);
}

static HsObject *
float_pow (HsVM *vm, HsObject *a, HsObject *b)
{
  FLOAT_PROLOGUE
  if (x == 0.0 && y < 0.0)
    return hs_err_format (vm, vm->types.ZeroDivisionError,
                          "0.0 cannot be raised to a negative power");
  if (x < 0.0 && y != floor (y) && isfinite (y))
    return hs_err_format (vm, vm->types.NotImplementedError,
                          "complex numbers are not supported in Heapscope");
  res = hs_float_new (vm, pow (x, y));
  if (res != NULL && isinf (HS_FLOAT (res)->value) && isfinite (x) && isfinite (y))
    {
      hs_decref (vm, res);
      return hs_err_format (vm, vm->types.OverflowError, "(34, 'Numerical result out of range')");
    }
  return res;
}

static HsObject *
float_negative (HsVM *vm, HsObject *self)
{
  return hs_float_new (vm, -HS_FLOAT (self)->value);
}

static HsObject *
float_positive (HsVM *vm, HsObject *self)
{
  if (self->ob_type == vm->types.float_)
    return hs_incref (self);
  return hs_float_new (vm, HS_FLOAT (self)->value);
}

static int
float_bool (HsVM *vm, HsObject *self)
{
  return HS_FLOAT (self)->value != 0.0;
}

static gboolean
float_hash_slot (HsVM     *vm,
                 HsObject *self,
                 gint64   *hash)
{
  if (!hs_float_hash (HS_FLOAT (self)->value, hash))
    *hash = hs_hash_pointer (self);
  return TRUE;
}

static HsObject *
float_richcompare (HsVM     *vm,
                   HsObject *a,
                   HsObject *b,
                   int       op)
{
  double x = HS_FLOAT (a)->value;

  if (hs_float_check (b))
    {
      double y = HS_FLOAT (b)->value;
      gboolean r = FALSE;

      switch (op)
        {
        case HS_LT: r = x < y; break;
        case HS_LE: r = x <= y; break;
        case HS_EQ: r = x == y; break;
        case HS_NE: r = x != y; break;
        case HS_GT: r = x > y; break;
        case HS_GE: r = x >= y; break;
        }
      return hs_bool (vm, r);
    }
  if (hs_int_check (b))
    {
      /* Exact comparison of a float with an int, like CPython. */
      g_autoptr(HsBigInt) big = hs_int_to_bigint (b);
      int c;

      if (!hs_float_compare_bigint (x, big, &c))  /* NaN */
        return hs_bool (vm, op == HS_NE);
      return compare_result (vm, c, op);
    }
  return hs_not_implemented (vm);
}

static HsObject *
float_repr (HsVM     *vm,
            HsObject *self)
{
  g_autofree char *text = hs_float_repr (HS_FLOAT (self)->value);

  return hs_str_new (vm, text, -1);
}

static void
float_repr_short (HsObject *self,
                  GString  *out,
                  gsize     max_chars)
{
  g_autofree char *text = hs_float_repr (HS_FLOAT (self)->value);

  g_string_append (out, text);
}

static HsObject *
float_new (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  double d = 0.0;
  HsObject *o;

  if (!hs_check_no_kwargs (vm, "float", kwnames))
    return NULL;
  if (nargs > 2)
    return hs_err_format (vm, vm->types.TypeError,
                          "float expected at most 1 argument, got %" G_GSIZE_FORMAT, nargs - 1);
  if (nargs == 2)
    {
      HsObject *x = args[1];

      if (hs_float_check (x) || hs_int_check (x))
        {
          if (!hs_number_as_double (vm, x, &d))
            return NULL;
        }
      else if (hs_str_check (x))
        {
          if (!hs_float_from_string (hs_str_utf8 (x), hs_str_nbytes (x), &d, NULL))
            {
              GString *msg = g_string_new ("could not convert string to float: ");

              hs_str_repr_append (x, msg);
              hs_err_set_string (vm, vm->types.ValueError, msg->str);
              g_string_free (msg, TRUE);
              return NULL;
            }
        }
      else if (hs_type_lookup_cstr (x->ob_type, "__float__") != NULL)
        {
          HsObject *r = hs_object_call_method (vm, x, "__float__", NULL, 0);

          if (r == NULL)
            return NULL;
          if (!hs_float_check (r))
            {
              hs_err_format (vm, vm->types.TypeError, "%s.__float__ returned non-float (type %s)",
                             hs_type_name (x), hs_type_name (r));
              hs_decref (vm, r);
              return NULL;
            }
          d = HS_FLOAT (r)->value;
          hs_decref (vm, r);
        }
      else
        return hs_err_format (vm, vm->types.TypeError,
                              "float() argument must be a string or a real number, not '%s'",
                              hs_type_name (x));
    }
  if (type == vm->types.float_)
    return hs_float_new (vm, d);
  o = hs_object_alloc (vm, type, type->c_size);
  if (o == NULL)
    return NULL;
  HS_FLOAT (o)->value = d;
  if (hs_type_is_gc (type))
    hs_gc_track (vm, o);
  return o;
}

static HsObject *
float_is_integer (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  double d = HS_FLOAT (args[0])->value;

  return hs_bool (vm, isfinite (d) && d == floor (d));
}

static const HsMethodDef float_methods[] = {
  { "is_integer", float_is_integer, 0, NULL },
  { "__format__", int_format_method, 0, NULL },
  { NULL }
};

static void
number_dealloc (HsVM     *vm,
                HsObject *self)
{
  hs_object_free (vm, self);
}

void
_hs_number_init_types (HsVM *vm)
{
  HsType *t;

  t = _hs_type_new_builtin (vm, "int", vm->types.object, sizeof (HsInt), 28,
                            HS_TPFLAG_BASETYPE | HS_TPFLAG_INT_SUBCLASS);
  t->tp_dealloc = int_dealloc;
  t->tp_free_storage = int_free_storage;
  t->tp_repr = int_repr;
  t->tp_hash = int_hash_slot;
  t->tp_richcompare = int_richcompare;
  t->tp_new = int_new;
  t->tp_getattro = int_getattro;
  t->tp_sizeof = int_sizeof;
  t->tp_repr_short = int_repr_short;
  t->nb[HS_OP_ADD] = int_add;
  t->nb[HS_OP_SUB] = int_sub;
  t->nb[HS_OP_MULT] = int_mul;
  t->nb[HS_OP_DIV] = int_truediv;
  t->nb[HS_OP_FLOORDIV] = int_floordiv;
  t->nb[HS_OP_MOD] = int_mod;
  t->nb[HS_OP_POW] = int_pow;
  t->nb[HS_OP_LSHIFT] = int_lshift;
  t->nb[HS_OP_RSHIFT] = int_rshift;
  t->nb[HS_OP_BITAND] = int_and;
  t->nb[HS_OP_BITOR] = int_or;
  t->nb[HS_OP_BITXOR] = int_xor;
  t->nb_negative = int_negative;
  t->nb_positive = int_positive;
  t->nb_invert = int_invert;
  t->nb_bool = int_bool;
  t->nb_index = int_index;
  t->methods = int_methods;
  vm->types.int_ = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "bool", vm->types.int_, sizeof (HsInt), 28,
                            HS_TPFLAG_INT_SUBCLASS);
  t->tp_repr = bool_repr;
  t->tp_new = bool_new;
  vm->types.bool_ = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "float", vm->types.object, sizeof (HsFloat), 24,
                            HS_TPFLAG_BASETYPE | HS_TPFLAG_FLOAT_SUBCLASS);
  t->tp_dealloc = number_dealloc;
  t->tp_repr = float_repr;
  t->tp_hash = float_hash_slot;
  t->tp_richcompare = float_richcompare;
  t->tp_new = float_new;
  t->tp_getattro = float_getattro;
  t->tp_repr_short = float_repr_short;
  t->nb[HS_OP_ADD] = float_add;
  t->nb[HS_OP_SUB] = float_sub;
  t->nb[HS_OP_MULT] = float_mul;
  t->nb[HS_OP_DIV] = float_div;
  t->nb[HS_OP_FLOORDIV] = float_floordiv;
  t->nb[HS_OP_MOD] = float_mod;
  t->nb[HS_OP_POW] = float_pow;
  t->nb_negative = float_negative;
  t->nb_positive = float_positive;
  t->nb_bool = float_bool;
  t->methods = float_methods;
  vm->types.float_ = t;
  _hs_type_ready (vm, t);
}
