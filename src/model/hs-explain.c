/* hs-explain.c — the plain-words explanation of one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step's explanation says what running the previous step's line did:
 * "line 7: `del obj_a` — the reference from `obj_a` to … is removed; …".
 * It is built from the difference between the two heap states and from the
 * step's events, in the order a learner would tell it: calls and returns,
 * names, references between objects, new objects, refcounts, frees, the
 * collector, output. Only objects the learner can see take part: those
 * reachable from a name (or kept alive by a cycle), not the interpreter's
 * own dictionaries.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hs-explain-private.h"

/* Beyond this, "and N more changes": an explanation is a sentence, not a log. */
#define MAX_CLAUSES      8
#define MAX_QUOTE_CHARS  60

typedef struct
{
  HsHeapState *prev;         /* NULL at step 0 */
  HsHeapState *cur;
  GHashTable  *user;         /* ids the learner sees, in either state */
  GHashTable  *names_prev;   /* id → a name bound to it */
  GHashTable  *names_cur;
  GHashTable  *mentioned;    /* ids a clause already involved */
  GHashTable  *created;      /* ids allocated during this step */
  GPtrArray   *clauses;
  guint        dropped;
  gboolean     collecting;   /* the collector ran during this step */
  GHashTable  *cleared;      /* ids the collector examined during this step */
} Explain;

static void
add_clause (Explain *ex,
            char    *clause)
{
  if (ex->clauses->len >= MAX_CLAUSES)
    {
      ex->dropped++;
      g_free (clause);
      return;
    }
  g_ptr_array_add (ex->clauses, clause);
}

static void
mention (Explain *ex,
         guint64 *id)
{
  g_hash_table_add (ex->mentioned, id);
}

static char *
quote_text (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  glong n = g_utf8_strlen (copy, -1);

  g_autofree char *head = NULL;

  if (n <= MAX_QUOTE_CHARS)
    return g_steal_pointer (&copy);
  head = g_utf8_substring (copy, 0, MAX_QUOTE_CHARS - 1);
  return g_strconcat (head, "…", NULL);
}

static const HsObjectInfo *
lookup_info (Explain *ex,
             guint64  id)
{
  const HsObjectInfo *info = hs_heap_state_lookup (ex->cur, id);

  if (info == NULL && ex->prev != NULL)
    info = hs_heap_state_lookup (ex->prev, id);
  return info;
}

static const char *
name_of (Explain *ex,
         guint64  id)
{
  const char *name = g_hash_table_lookup (ex->names_cur, &id);

  if (name == NULL && ex->names_prev != NULL)
    name = g_hash_table_lookup (ex->names_prev, &id);
  return name;
}

/* "the list [1, 2, 3]", or "a new list [1, 2, 3]" when it was just made. */
static char *
describe (Explain  *ex,
          guint64   id,
          gboolean  fresh)
{
  const HsObjectInfo *o = lookup_info (ex, id);

  if (o == NULL)
    /* Modules, built-in functions: the heap view leaves them out. */
    return g_strdup (fresh ? _("a new interpreter object") : _("an interpreter object"));
  return _hs_explain_describe_object (o, fresh);
}

char *
_hs_explain_describe_object (const HsObjectInfo *o,
                             gboolean            fresh)
{
  /* Instances show only their class name: tell them apart by address,
   * the way repr() does. */
  if (o->value == NULL || strcmp (o->value, o->type_name) == 0)
    {
      g_autofree char *address = g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", o->address);

      if (fresh)
        /* Translators: a newly created instance: "a new MyClass object at 0x7f…" */
        return g_strdup_printf (_("a new %s object at %s"), o->type_name, address);
      /* Translators: an instance: "the MyClass object at 0x7f…" */
      return g_strdup_printf (_("the %s object at %s"), o->type_name, address);
    }
  /* A class's text already says what it is: "class MyClass". */
  if (strcmp (o->type_name, "type") == 0)
    {
      if (fresh)
        return g_strdup_printf (_("a new %s"), o->value);
      return g_strdup_printf (_("the %s"), o->value);
    }
  if (fresh)
    /* Translators: type name, then its value: "a new list [4, 5, 6]" */
    return g_strdup_printf (_("a new %s %s"), o->type_name, o->value);
  /* Translators: type name, then its value: "the list [4, 5, 6]" */
  return g_strdup_printf (_("the %s %s"), o->type_name, o->value);
}

/* Which objects a learner sees: reachable from names and temporaries,
 * or kept alive by a cycle, following references but not the class link
 * (every instance would drag in its class's dictionary). */
static void
collect_user (HsHeapState *state,
              GHashTable  *user)
{
  g_autoptr(GHashTable) adjacency = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < state->edges->len; i++)
    {
      HsEdgeInfo *e = &g_array_index (state->edges, HsEdgeInfo, i);
      GPtrArray *out;

      if (e->kind == HS_EDGE_CLASS)
        continue;
      out = g_hash_table_lookup (adjacency, &e->from);
      if (out == NULL)
        {
          out = g_ptr_array_new ();
          g_hash_table_insert (adjacency, &e->from, out);
        }
      g_ptr_array_add (out, e);
    }

#define VISIT(idp) \
  G_STMT_START {                                                 \
    if (*(idp) != 0 && !g_hash_table_contains (user, (idp)))     \
      {                                                          \
        g_hash_table_add (user, (idp));                          \
        g_ptr_array_add (queue, (idp));                          \
      }                                                          \
  } G_STMT_END

  for (guint i = 0; i < state->frames->len; i++)
    {
      HsFrameInfo *frame = g_ptr_array_index (state->frames, i);

      for (guint j = 0; j < frame->bindings->len; j++)
        VISIT (&g_array_index (frame->bindings, HsBindingInfo, j).object);
      for (guint j = 0; j < frame->stack->len; j++)
        VISIT (&g_array_index (frame->stack, guint64, j));
    }
  for (guint i = 0; i < state->objects->len; i++)
    {
      HsObjectInfo *o = &g_array_index (state->objects, HsObjectInfo, i);

      if (o->state == HS_OBJECT_UNREACHABLE)
        VISIT (&o->id);
    }
  for (guint i = 0; i < queue->len; i++)
    {
      GPtrArray *out = g_hash_table_lookup (adjacency, g_ptr_array_index (queue, i));

      for (guint j = 0; out != NULL && j < out->len; j++)
        VISIT (&((HsEdgeInfo *) g_ptr_array_index (out, j))->to);
    }
#undef VISIT
}

/* id → name; the innermost frame's name wins. */
static GHashTable *
collect_names (HsHeapState *state)
{
  GHashTable *names = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < state->frames->len; i++)
    {
      HsFrameInfo *frame = g_ptr_array_index (state->frames, i);

      if (!frame->running)
        continue;
      for (guint j = 0; j < frame->bindings->len; j++)
        {
          HsBindingInfo *b = &g_array_index (frame->bindings, HsBindingInfo, j);

          if (b->object != 0)
            g_hash_table_insert (names, &b->object, (gpointer) b->name);
        }
    }
  return names;
}

static GPtrArray *
running_frames (HsHeapState *state)
{
  GPtrArray *frames = g_ptr_array_new ();

  for (guint i = 0; i < state->frames->len; i++)
    {
      HsFrameInfo *frame = g_ptr_array_index (state->frames, i);

      if (frame->running)
        g_ptr_array_add (frames, frame);
    }
  return frames;
}

static gboolean
is_finalizer (const HsFrameInfo *frame)
{
  return g_str_has_suffix (frame->function, "__del__") && frame->bindings->len > 0
         && g_array_index (frame->bindings, HsBindingInfo, 0).object != 0;
}

static gboolean
same_frame (const HsFrameInfo *a,
            const HsFrameInfo *b)
{
  if (a->generator != b->generator || g_strcmp0 (a->function, b->function) != 0)
    return FALSE;
  /* Frames have no identity in a state: the collector finalizing two
   * objects one after the other is told apart by their self. */
  if (is_finalizer (a) && is_finalizer (b))
    return g_array_index (a->bindings, HsBindingInfo, 0).object
           == g_array_index (b->bindings, HsBindingInfo, 0).object;
  return TRUE;
}

static void
explain_bindings (Explain     *ex,
                  HsFrameInfo *before,
                  HsFrameInfo *after)
{
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal); /* name → HsBindingInfo */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < before->bindings->len; i++)
    {
      HsBindingInfo *b = &g_array_index (before->bindings, HsBindingInfo, i);

      g_hash_table_insert (old, (gpointer) b->name, b);
    }
  for (guint i = 0; i < after->bindings->len; i++)
    {
      HsBindingInfo *b = &g_array_index (after->bindings, HsBindingInfo, i);
      HsBindingInfo *was = g_hash_table_lookup (old, b->name);
      guint64 old_id = was != NULL ? was->object : 0;

      g_hash_table_add (seen, (gpointer) b->name);
      if (old_id == b->object)
        continue;
      if (b->object != 0)
        {
          g_autofree char *target = describe (ex, b->object,
                                              g_hash_table_contains (ex->created, &b->object));

          mention (ex, &b->object);
          if (old_id == 0)
            add_clause (ex, g_strdup_printf (_("`%s` now refers to %s"), b->name, target));
          else
            {
              g_autofree char *former = describe (ex, old_id, FALSE);

              mention (ex, &was->object);
              add_clause (ex, g_strdup_printf (_("`%s` now refers to %s instead of %s"),
                                               b->name, target, former));
            }
        }
      else
        {
          g_autofree char *former = describe (ex, old_id, FALSE);

          mention (ex, &was->object);
          add_clause (ex, g_strdup_printf (_("the reference from `%s` to %s is removed"),
                                           b->name, former));
        }
    }
  for (guint i = 0; i < before->bindings->len; i++)
    {
      HsBindingInfo *b = &g_array_index (before->bindings, HsBindingInfo, i);
      g_autofree char *former = NULL;

      if (b->object == 0 || g_hash_table_contains (seen, b->name))
        continue;
      former = describe (ex, b->object, FALSE);
      mention (ex, &b->object);
      /* del name (or a name going out of scope with its frame) */
      add_clause (ex, g_strdup_printf (_("the reference from `%s` to %s is removed"),
                                       b->name, former));
    }
}

static void
explain_frames (Explain *ex)
{
  g_autoptr(GPtrArray) before = running_frames (ex->prev);
  g_autoptr(GPtrArray) after = running_frames (ex->cur);
  guint common = 0;

  while (common < before->len && common < after->len
         && same_frame (g_ptr_array_index (before, common), g_ptr_array_index (after, common)))
    common++;

  /* Innermost first: the order things happened in. */
  for (guint i = before->len; i > common; i--)
    {
      HsFrameInfo *frame = g_ptr_array_index (before, i - 1);

      /* The end of the program is told on its own. */
      if (i == 1 && g_strcmp0 (frame->function, "<module>") == 0)
        continue;
      add_clause (ex, g_strdup_printf (_("`%s` returns"), frame->function));
    }
  for (guint i = common; i < after->len; i++)
    {
      HsFrameInfo *frame = g_ptr_array_index (after, i);

      if (is_finalizer (frame))
        {
          HsBindingInfo *self = &g_array_index (frame->bindings, HsBindingInfo, 0);
          g_autofree char *target = describe (ex, self->object, FALSE);

          mention (ex, &self->object);
          add_clause (ex, g_strdup_printf (_("`%s` runs for %s"), frame->function, target));
        }
      else
        add_clause (ex, g_strdup_printf (_("`%s` is called"), frame->function));
    }
  for (guint i = 0; i < common; i++)
    explain_bindings (ex, g_ptr_array_index (before, i), g_ptr_array_index (after, i));
}

static char *
describe_place (Explain    *ex,
                guint64     from,
                guint8      kind,
                const char *label)
{
  const char *name = name_of (ex, from);
  g_autofree char *owner = NULL;

  if (name != NULL)
    {
      switch (kind)
        {
        case HS_EDGE_ATTR:
          return g_strdup_printf ("`%s.%s`", name, label);
        case HS_EDGE_ITEM:
          return g_strdup_printf ("`%s%s`", name, label);
        default:
          return g_strdup_printf ("`%s[%s]`", name, label);
        }
    }
  owner = describe (ex, from, FALSE);
  switch (kind)
    {
    case HS_EDGE_ATTR:
      /* Translators: "attribute `other` of the MyClass object at 0x7f…" */
      return g_strdup_printf (_("attribute `%s` of %s"), label, owner);
    case HS_EDGE_ITEM:
      /* Translators: "item [0] of the list [1, 2]" */
      return g_strdup_printf (_("item %s of %s"), label, owner);
    default:
      /* Translators: "the value for 'a' in the dict {'a': 1}" */
      return g_strdup_printf (_("the value for %s in %s"), label, owner);
    }
}

static gboolean
is_described_edge (const HsEdgeInfo *e)
{
  /* Set members have no label, dict keys are told with their value. */
  return (e->kind == HS_EDGE_ATTR || e->kind == HS_EDGE_VALUE || e->kind == HS_EDGE_ITEM)
         && e->label != NULL && e->label[0] != '\0';
}

static gboolean
is_kept_user_object (Explain *ex,
                     guint64  id)
{
  return g_hash_table_contains (ex->user, &id)
         && hs_heap_state_lookup (ex->prev, id) != NULL
         && hs_heap_state_lookup (ex->cur, id) != NULL;
}

static char *
edge_key (const HsEdgeInfo *e)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT "\x1f%u\x1f%s", e->from, e->kind, e->label);
}

/* References between objects that exist at both steps: obj_a.other = obj_b. */
static void
explain_edges (Explain *ex)
{
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ex->prev->edges->len; i++)
    {
      HsEdgeInfo *e = &g_array_index (ex->prev->edges, HsEdgeInfo, i);

      if (is_described_edge (e) && is_kept_user_object (ex, e->from))
        g_hash_table_insert (old, edge_key (e), e);
    }
  for (guint i = 0; i < ex->cur->edges->len; i++)
    {
      HsEdgeInfo *e = &g_array_index (ex->cur->edges, HsEdgeInfo, i);
      g_autofree char *key = NULL;
      g_autofree char *place = NULL;
      g_autofree char *target = NULL;
      HsEdgeInfo *was;

      if (!is_described_edge (e) || !is_kept_user_object (ex, e->from))
        continue;
      key = edge_key (e);
      was = g_hash_table_lookup (old, key);
      g_hash_table_remove (old, key);
      if (was != NULL && was->to == e->to)
        continue;
      place = describe_place (ex, e->from, e->kind, e->label);
      target = describe (ex, e->to, g_hash_table_contains (ex->created, &e->to));
      mention (ex, &e->to);
      if (was != NULL)
        mention (ex, &was->to);
      /* Translators: "`obj_a.other` now refers to the MyClass object at 0x7f…" */
      add_clause (ex, g_strdup_printf (_("%s now refers to %s"), place, target));
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        HsEdgeInfo *e = value;
        g_autofree char *place = describe_place (ex, e->from, e->kind, e->label);
        g_autofree char *target = describe (ex, e->to, FALSE);

        mention (ex, &e->to);
        add_clause (ex, g_strdup_printf (_("%s no longer refers to %s"), place, target));
      }
  }
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* Calls push and pop references to functions, classes and constants all
 * the time: tell a refcount change when this line involved the object, or
 * when it is a container or an instance the program made. */
static gboolean
tells_refcount (Explain            *ex,
                const HsObjectInfo *o)
{
  if (g_hash_table_contains (ex->mentioned, &o->id))
    return TRUE;
  if ((o->flags & HS_OBJECT_FLAG_SHARED) || !(o->flags & HS_OBJECT_FLAG_GC_CAPABLE))
    return FALSE;
  return strcmp (o->type_name, "function") != 0 && strcmp (o->type_name, "type") != 0
         && strcmp (o->type_name, "method") != 0;
}

static void
explain_objects (Explain *ex)
{
  g_autoptr(GPtrArray) unreachable = g_ptr_array_new ();
  guint moved[HS_GENERATION_PERMANENT + 1] = { 0, };
  HsObjectInfo *last_moved[HS_GENERATION_PERMANENT + 1] = { NULL, };

  /* New objects no other clause has told about. */
  for (guint i = 0; i < ex->cur->objects->len; i++)
    {
      HsObjectInfo *o = &g_array_index (ex->cur->objects, HsObjectInfo, i);
      g_autofree char *what = NULL;

      if (!g_hash_table_contains (ex->created, &o->id) || !g_hash_table_contains (ex->user, &o->id)
          || g_hash_table_contains (ex->mentioned, &o->id))
        continue;
      what = describe (ex, o->id, TRUE);
      mention (ex, &o->id);
      /* Translators: "a new list [4, 5, 6] is created" */
      add_clause (ex, g_strdup_printf (_("%s is created"), what));
    }

  /* Refcounts. A shared object (small int, None) changes all the time
   * behind the scenes: only tell when this line used it. */
  for (guint i = 0; i < ex->cur->objects->len; i++)
    {
      HsObjectInfo *o = &g_array_index (ex->cur->objects, HsObjectInfo, i);
      const HsObjectInfo *was = hs_heap_state_lookup (ex->prev, o->id);
      g_autofree char *what = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (was == NULL || !g_hash_table_contains (ex->user, &o->id))
        continue;
      if (was->generation >= 0 && o->generation >= 0 && was->generation != o->generation
          && o->generation <= HS_GENERATION_PERMANENT)
        {
          moved[o->generation]++;
          last_moved[o->generation] = o;
        }
      if (was->state != HS_OBJECT_UNREACHABLE && o->state == HS_OBJECT_UNREACHABLE)
        g_ptr_array_add (unreachable, o);
      if (was->refcount == o->refcount || !tells_refcount (ex, o))
        continue;
      what = describe (ex, o->id, FALSE);
      before = format_count (was->refcount);
      after = format_count (o->refcount);
      /* Translators: "the list [1, 2, 3]'s refcount 2 → 1" */
      add_clause (ex, g_strdup_printf (_("%s's refcount %s → %s"), what, before, after));
    }

  /* Frees, in the order the engine reported them. */
  for (guint i = 0; i < ex->cur->events->len; i++)
    {
      HsEventInfo *ev = &g_array_index (ex->cur->events, HsEventInfo, i);
      const HsObjectInfo *was;
      g_autofree char *what = NULL;

      if (ev->kind != HS_EVENT_FREE)
        continue;
      was = hs_heap_state_lookup (ex->prev, ev->object);
      if (was == NULL || !g_hash_table_contains (ex->user, &ev->object))
        continue;
      what = describe (ex, ev->object, FALSE);
      if (ex->collecting && (was->state == HS_OBJECT_UNREACHABLE
                             || g_hash_table_contains (ex->cleared, &ev->object)))
        add_clause (ex, g_strdup_printf (_("the garbage collector frees %s"), what));
      else
        {
          g_autofree char *before = format_count (was->refcount);

          /* Translators: "the list [1, 2, 3]'s refcount 1 → 0: it is freed" */
          add_clause (ex, g_strdup_printf (_("%s's refcount %s → 0: it is freed"), what, before));
        }
    }

  if (unreachable->len == 1)
    {
      g_autofree char *what = describe (ex, ((HsObjectInfo *) unreachable->pdata[0])->id, FALSE);

      add_clause (ex, g_strdup_printf (_("%s is now unreachable: only a reference cycle keeps it "
                                         "alive, until the garbage collector runs"), what));
    }
  else if (unreachable->len > 1)
    add_clause (ex, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u object is now unreachable: only reference "
                                                  "cycles keep it alive, until the garbage "
                                                  "collector runs",
                                                  "%u objects are now unreachable: only reference "
                                                  "cycles keep them alive, until the garbage "
                                                  "collector runs",
                                                  unreachable->len),
                                     unreachable->len));

  for (int gen = 0; gen <= HS_GENERATION_PERMANENT; gen++)
    {
      if (moved[gen] == 1)
        {
          g_autofree char *what = describe (ex, last_moved[gen]->id, FALSE);

          add_clause (ex, g_strdup_printf (_("%s moves to generation %d"), what, gen));
        }
      else if (moved[gen] > 1)
        add_clause (ex, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u object moves to generation %d",
                                                      "%u objects move to generation %d",
                                                      moved[gen]),
                                         moved[gen], gen));
    }
}

/* A collection starting comes first: it is why finalizers run. */
static void
explain_collection_start (Explain *ex)
{
  for (guint i = 0; i < ex->cur->events->len; i++)
    {
      HsEventInfo *ev = &g_array_index (ex->cur->events, HsEventInfo, i);

      if (ev->kind != HS_EVENT_GC_START)
        continue;
      if (ev->arg & 0x100)
        add_clause (ex, g_strdup_printf (_("the garbage collector runs automatically on "
                                           "generation %d"), (int) (ev->arg & 0xff)));
      else
        add_clause (ex, g_strdup_printf (_("the garbage collector runs on generation %d"),
                                         (int) (ev->arg & 0xff)));
    }
}

static void
explain_events (Explain *ex)
{
  g_autoptr(GString) printed = g_string_new (NULL);

  for (guint i = 0; i < ex->cur->events->len; i++)
    {
      HsEventInfo *ev = &g_array_index (ex->cur->events, HsEventInfo, i);

      switch (ev->kind)
        {
        case HS_EVENT_GC_END:
          add_clause (ex, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "the collection finds %u unreachable object",
                                                        "the collection finds %u unreachable objects",
                                                        (gulong) ev->arg),
                                           (guint) ev->arg));
          break;

        case HS_EVENT_WEAKREF_CLEARED:
          {
            g_autofree char *what = describe (ex, (guint64) ev->arg, FALSE);

            add_clause (ex, g_strdup_printf (_("a weak reference to %s is cleared"), what));
          }
          break;

        case HS_EVENT_RAISE:
          {
            g_autofree char *what = describe (ex, ev->object, FALSE);

            add_clause (ex, g_strdup_printf (_("%s is raised"), what));
          }
          break;

        case HS_EVENT_OUTPUT:
          if (ev->text != NULL)
            g_string_append (printed, ev->text);
          break;

        default:
          break;
        }
    }
  if (printed->len > 0)
    {
      g_autofree char *text = quote_text (printed->str);

      /* Translators: the program's output, quoted */
      add_clause (ex, g_strdup_printf (_("it prints “%s”"), text));
    }
}

static char *
join_clauses (Explain    *ex,
              const char *ending)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < ex->clauses->len; i++)
    {
      if (i > 0)
        /* Translators: between the parts of a step's explanation */
        g_string_append (body, C_("explanation", "; "));
      g_string_append (body, g_ptr_array_index (ex->clauses, i));
    }
  if (ex->dropped > 0)
    {
      g_string_append (body, C_("explanation", "; "));
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more change",
                                                 "and %u more changes", ex->dropped),
                              ex->dropped);
    }
  if (body->len == 0)
    g_string_append (body, _("nothing on the heap changes"));
  /* The end of the run is always told, however much else happened. */
  if (ending != NULL)
    {
      g_string_append (body, C_("explanation", "; "));
      g_string_append (body, ending);
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

char *
_hs_explain_step (const char * const *lines,
                  HsTrace            *trace,
                  guint64             step,
                  HsHeapState        *prev,
                  HsHeapState        *cur)
{
  g_autofree char *body = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *ending = NULL;
  guint64 n_steps;
  guint n_lines;
  int line;
  Explain ex = { 0, };

  g_return_val_if_fail (trace != NULL, NULL);
  g_return_val_if_fail (cur != NULL, NULL);

  n_steps = hs_trace_get_n_steps (trace);
  n_lines = lines != NULL ? g_strv_length ((char **) lines) : 0;

  if (step == 0 || prev == NULL)
    {
      line = hs_trace_get_step_line (trace, 0);
      if (line <= 0)
        return g_strdup (_("The program has no code to run."));
      return g_strdup_printf (_("The program is about to start: line %d runs first."), line);
    }

  ex.prev = prev;
  ex.cur = cur;
  ex.user = g_hash_table_new (g_int64_hash, g_int64_equal);
  collect_user (prev, ex.user);
  collect_user (cur, ex.user);
  ex.names_prev = collect_names (prev);
  ex.names_cur = collect_names (cur);
  ex.mentioned = g_hash_table_new (g_int64_hash, g_int64_equal);
  ex.created = g_hash_table_new (g_int64_hash, g_int64_equal);
  ex.clauses = g_ptr_array_new_with_free_func (g_free);
  ex.cleared = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < cur->events->len; i++)
    {
      HsEventInfo *ev = &g_array_index (cur->events, HsEventInfo, i);

      if (ev->kind == HS_EVENT_ALLOC && hs_heap_state_lookup (cur, ev->object) != NULL)
        g_hash_table_add (ex.created, &ev->object);
      else if (ev->kind == HS_EVENT_GC_START || ev->kind == HS_EVENT_GC_END)
        ex.collecting = TRUE;
      else if (ev->kind == HS_EVENT_GC_PHASE)
        {
          ex.collecting = TRUE;
          if ((ev->arg >> 32) == HS_GC_PHASE_CLEAR)
            g_hash_table_add (ex.cleared, &ev->object);
        }
    }

  explain_collection_start (&ex);
  explain_frames (&ex);
  explain_edges (&ex);
  explain_objects (&ex);
  explain_events (&ex);

  if (step + 1 == n_steps)
    {
      if (hs_trace_get_truncated (trace))
        {
          g_autofree char *count = format_count ((gint64) n_steps - 1);

          ending = g_strdup_printf (_("the run stops here: it reached the limit of %s steps "
                                      "(is there an endless loop?)"), count);
        }
      else
        ending = g_strdup (_("the program has finished"));
    }
  body = join_clauses (&ex, ending);

  g_hash_table_unref (ex.user);
  g_hash_table_unref (ex.names_prev);
  g_hash_table_unref (ex.names_cur);
  g_hash_table_unref (ex.mentioned);
  g_hash_table_unref (ex.created);
  g_ptr_array_unref (ex.clauses);
  g_hash_table_unref (ex.cleared);

  line = hs_trace_get_step_line (trace, step - 1);
  if (line <= 0 || (guint) line > n_lines)
    return g_steal_pointer (&body);
  quoted = quote_text (lines[line - 1]);
  /* Translators: "line 7: `del obj_a` — the reference from `obj_a` to … is removed" */
  return g_strdup_printf (_("line %d: `%s` — %s"), line, quoted, body);
}
