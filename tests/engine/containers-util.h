/* containers-util.h — helpers shared by the container tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by test-containers.c and test-containers-hashed.c. Every helper
 * works on the VM of the running test, set up and torn down by TEST().
 * Objects passed to keep() (and so everything I(), S(), T(), call()…
 * return) are released after the test, last first.
 */
#pragma once

#include <glib.h>

#include "hs-type-object.h"
#include "hs-vm.h"

G_BEGIN_DECLS

extern HsVM *vm;            /* the running test's VM */
extern GArray *released;    /* probe ids in the order the probes died */
extern GString *lt_log;     /* when set, probe __lt__ calls as "a,b;" */

/* A probe: hashes as its id, __eq__ is identity, __lt__ compares values. */
typedef struct
{
  HsObject base;
  int      id;
  int      value;   /* what __lt__ compares */
} Probe;

HsObject *keep             (HsObject   *o);
HsObject *I                (gint64      v);
HsObject *BIG              (const char *digits);
HsObject *F                (double      v);
HsObject *S                (const char *s);
HsObject *T                (gsize       n,
                            ...);
HsObject *L                (gsize       n,
                            ...);
HsObject *L_range          (gint64      start,
                            gint64      stop);
HsObject *call             (HsObject   *self,
                            const char *name,
                            gsize       nargs,
                            ...);
void      assert_error     (const char *expected);
void      call_fails       (const char *expected,
                            HsObject   *self,
                            const char *name,
                            gsize       nargs,
                            ...);
HsObject *construct        (HsType     *type,
                            gsize       nargs,
                            ...);
char     *repr_of          (HsObject   *o);
HsObject *getitem          (HsObject   *o,
                            HsObject   *key);
HsObject *binop            (HsObject   *a,
                            HsObject   *b,
                            int         op);
gboolean  truth            (int         r);
HsObject *probe_new        (int         id);
HsObject *probe_list       (int         n);
void      assert_released  (const char *expected);
void      assert_traverse  (HsObject   *o,
                            const char *expected);

void      containers_setup    (void);
void      containers_teardown (void);

#define assert_repr(o, expected)                  \
  G_STMT_START {                                  \
    g_autofree char *_r = repr_of (o);            \
    g_assert_cmpstr (_r, ==, (expected));         \
  } G_STMT_END

#define assert_size(o, expected) \
  g_assert_cmpuint (hs_object_sizeof (o), ==, (expected))

#define TEST(name) \
  static void name##_body (void); \
  static void name (void) { containers_setup (); name##_body (); containers_teardown (); } \
  static void name##_body (void)

G_END_DECLS
