/* hs-explain-event.c — the plain-words explanation of one event inside a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stepping into a line shows the heap as each of its events happens; this
 * says, in a sentence, what the event is. The object may be in none of the
 * states at hand (one allocated is not there yet, one deallocated is gone),
 * so its description is looked up in the event state, then the whole step
 * after the line, then the step before it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-explain-private.h"
#include "hs-recorder.h"

static const HsObjectInfo *
find_object (HsHeapState * const *states,
             guint64              id)
{
  for (guint i = 0; i < 3; i++)
    {
      const HsObjectInfo *o = states[i] != NULL ? hs_heap_state_lookup (states[i], id) : NULL;

      if (o != NULL)
        return o;
    }
  return NULL;
}

/* "the list [1, 2]", "the Node object at 0x7f…", or "an object" */
static char *
describe (HsHeapState * const *states,
          guint64              id,
          const char          *type_hint)
{
  const HsObjectInfo *o = find_object (states, id);

  if (o == NULL)
    {
      if (type_hint != NULL)
        /* Translators: a type name: "a float object" */
        return g_strdup_printf (_("a %s object"), type_hint);
      return g_strdup (_("an interpreter object"));
    }
  return _hs_explain_describe_object (o, FALSE);
}

static char *
explain_store (HsHeapState * const *states,
               const HsEventInfo   *ev)
{
  g_autofree char *what = ev->object != 0 ? describe (states, ev->object, NULL) : NULL;

  switch ((HsStoreKind) ev->arg)
    {
    case HS_STORE_NAME:
      return g_strdup_printf (_("a name now refers to %s: its count goes up by one"), what);
    case HS_STORE_ATTR:
      return g_strdup_printf (_("an attribute now refers to %s: its count goes up by one"), what);
    case HS_STORE_ITEM:
      return g_strdup_printf (_("a container slot now refers to %s: its count goes up by one"), what);
    case HS_STORE_DELETE_NAME:
      return g_strdup (_("a name is deleted: its object loses a reference"));
    case HS_STORE_DELETE_ATTR:
      return g_strdup (_("an attribute is deleted: its object loses a reference"));
    case HS_STORE_DELETE_ITEM:
      return g_strdup (_("an item is deleted: its object loses a reference"));
    default:
      return g_strdup (_("a reference changes"));
    }
}

static char *
explain_gc_phase (HsHeapState * const *states,
                  const HsEventInfo   *ev)
{
  g_autofree char *what = describe (states, ev->object, NULL);
  guint phase = (guint) ((guint64) ev->arg >> 32);
  gint32 gc_refs = (gint32) (ev->arg & 0xffffffff);

  switch (phase)
    {
    case HS_GC_PHASE_GC_REFS:
      return g_strdup_printf (ngettext ("the collector finds %d reference to %s from outside the generation",
                                        "the collector finds %d references to %s from outside the generation",
                                        gc_refs),
                              gc_refs, what);
    case HS_GC_PHASE_UNREACHABLE:
      return g_strdup_printf (_("%s is tentatively unreachable"), what);
    case HS_GC_PHASE_FINALIZE:
      return g_strdup_printf (_("the collector calls the __del__ of %s"), what);
    case HS_GC_PHASE_RESURRECTED:
      return g_strdup_printf (_("%s was resurrected by a finalizer: it survives"), what);
    case HS_GC_PHASE_CLEAR:
      return g_strdup_printf (_("%s is garbage: the collector clears its references"), what);
    default:
      return g_strdup_printf (_("the collector examines %s"), what);
    }
}

static char *
explain (HsHeapState * const *states,
         const HsEventInfo   *ev)
{
  switch ((HsEventKind) ev->kind)
    {
    case HS_EVENT_ALLOC:
      {
        g_autofree char *what = describe (states, ev->object, NULL);

        return g_strdup_printf (_("memory is allocated for %s"), what);
      }
    case HS_EVENT_DEALLOC:
      {
        g_autofree char *what = describe (states, ev->object, NULL);

        return g_strdup_printf (_("the count of %s reaches zero: it is deallocated now, "
                                  "and everything it refers to loses a reference"), what);
      }
    case HS_EVENT_FREE:
      {
        g_autofree char *what = describe (states, ev->object, ev->text);

        return g_strdup_printf (_("the memory of %s is released"), what);
      }
    case HS_EVENT_DEL_START:
      {
        g_autofree char *what = describe (states, ev->object, NULL);

        return g_strdup_printf (_("the __del__ of %s starts"), what);
      }
    case HS_EVENT_DEL_END:
      {
        g_autofree char *what = describe (states, ev->object, NULL);

        return g_strdup_printf (_("the __del__ of %s returns"), what);
      }
    case HS_EVENT_STORE:
      return explain_store (states, ev);
    case HS_EVENT_GC_START:
      if (ev->arg & 0x100)
        return g_strdup_printf (_("an automatic collection of generation %d starts"),
                                (int) (ev->arg & 0xff));
      return g_strdup_printf (_("a collection of generation %d starts"), (int) (ev->arg & 0xff));
    case HS_EVENT_GC_PHASE:
      return explain_gc_phase (states, ev);
    case HS_EVENT_GC_END:
      return g_strdup_printf (ngettext ("the collection ends: %d object found unreachable",
                                        "the collection ends: %d objects found unreachable",
                                        (gulong) ev->arg),
                              (int) ev->arg);
    case HS_EVENT_WEAKREF_CLEARED:
      {
        g_autofree char *what = describe (states, (guint64) ev->arg, NULL);

        return g_strdup_printf (_("a weak reference to %s is cleared: it now gives None"), what);
      }
    case HS_EVENT_OUTPUT:
      return g_strdup (_("the program prints"));
    case HS_EVENT_RAISE:
      return g_strdup (_("an exception is raised"));
    default:
      return g_strdup (_("something happens"));
    }
}

char *
_hs_explain_event (const char * const *lines,
                   HsHeapState        *before,
                   HsHeapState        *cur,
                   HsHeapState        *after)
{
  HsHeapState *states[3] = { cur, after, before };
  g_autofree char *what = NULL;
  guint n = after != NULL ? after->events->len : cur->events->len;

  g_return_val_if_fail (cur->events->len > 0, NULL);

  what = explain (states, &g_array_index (cur->events, HsEventInfo, cur->events->len - 1));
  if (cur->line <= 0)
    /* Translators: event number, events, what it does */
    return g_strdup_printf (_("At exit, event %u of %u: %s."), cur->events->len, n, what);
  /* Translators: line, event number, events, what it does */
  return g_strdup_printf (_("Inside line %d, event %u of %u: %s."), cur->line,
                          cur->events->len, n, what);
}
