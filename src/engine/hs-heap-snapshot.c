/* hs-heap-snapshot.c — turn a live VM into the HsHeapState the app draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a learner sees: the program's frames and every object they can reach,
 * plus whatever the program created that is still alive (a cycle waiting for
 * the collector). Interpreter internals (code objects, built-in types and
 * functions, module namespaces) are not expanded.
 */

#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-gen-object.h"
#include "hs-heap-snapshot.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

#define VALUE_CHARS 40

typedef struct
{
  HsVM        *vm;
  HsHeapState *state;
  GPtrArray   *seen;        /* objects marked HS_OBJ_SNAP_SEEN, to unmark */
  GPtrArray   *queue;       /* objects to expand */
  guint64      first_serial;
} Snapshot;

static gboolean
is_internal (HsVM     *vm,
             HsObject *o)
{
  HsType *t = o->ob_type;

  return t == vm->types.code || t == vm->types.module || t == vm->types.method_descriptor
         || t == vm->types.builtin_function_or_method || t == vm->types.frame
         || (t == vm->types.type && !(((HsType *) o)->tp_flags & HS_TPFLAG_HEAPTYPE));
}

/* Made by an import: shown only when the snippet's objects refer to it. */
static gboolean
made_by_import (HsVM     *vm,
                HsObject *o)
{
  GArray *ranges = vm->import_serials;

  for (guint i = 0; ranges != NULL && i + 1 < ranges->len; i += 2)
    if (o->serial >= g_array_index (ranges, guint64, i)
        && o->serial < g_array_index (ranges, guint64, i + 1))
      return TRUE;
  return FALSE;
}

static void
visit_object (Snapshot *s,
              HsObject *o)
{
  /* An object being deallocated (its count is 0) is half torn down: a
   * __del__ it set off is running. CPython can't reach it either. */
  if (o == NULL || (o->flags & HS_OBJ_SNAP_SEEN) || o->ob_refcnt == 0)
    return;
  o->flags |= HS_OBJ_SNAP_SEEN;
  g_ptr_array_add (s->seen, o);
  g_ptr_array_add (s->queue, o);
}

static void
add_edge (Snapshot    *s,
          HsObject    *from,
          HsObject    *to,
          HsEdgeKind   kind,
          const char  *label)
{
  HsEdgeInfo e;

  if (to == NULL)
    return;
  e.from = from->serial;
  e.to = to->serial;
  e.kind = kind;
  e.label = g_string_chunk_insert_const (s->state->strings, label != NULL ? label : "");
  g_array_append_val (s->state->edges, e);
  visit_object (s, to);
}

static void
traverse_edge (HsObject *referent,
               gpointer  data)
{
  gpointer *pair = data;

  add_edge (pair[0], pair[1], referent, HS_EDGE_OTHER, "");
}

static char *
short_text (HsObject *o,
            gsize     max_chars)
{
  GString *s = g_string_new (NULL);

  if (o->ob_type->tp_repr_short != NULL)
    o->ob_type->tp_repr_short (o, s, max_chars);
  else
    g_string_append (s, o->ob_type->name);
  return g_string_free (s, FALSE);
}

/* A container's entries listed as edges: the first ones and the last
 * LISTED_TAIL; the others are only counted (HsObjectInfo.n_omitted), so
 * `[0] * 10**7` makes a state of a few kilobytes, not of ten million
 * labelled edges. What they reference is still in the state. */
#define LISTED_ENTRIES 1000
#define LISTED_TAIL    2

static gboolean
entry_listed (gsize i,
              gsize n)
{
  return n <= LISTED_ENTRIES || i < LISTED_ENTRIES - LISTED_TAIL || i >= n - LISTED_TAIL;
}

static void
expand_edges (Snapshot *s,
              HsObject *o)
{
  HsVM *vm = s->vm;
  HsType *t = o->ob_type;
  char label[64];

  if (is_internal (vm, o) || (o->flags & HS_OBJ_STATIC))
    return;

  if (t == vm->types.list || hs_type_is_subtype (t, vm->types.list))
    {
      HsList *l = HS_LIST (o);

      for (gsize i = 0; i < l->len; i++)
        {
          if (!entry_listed (i, l->len))
            {
              visit_object (s, l->items[i]);
              continue;
            }
          g_snprintf (label, sizeof label, "[%" G_GSIZE_FORMAT "]", i);
          add_edge (s, o, l->items[i], HS_EDGE_ITEM, label);
        }
    }
  else if (t == vm->types.tuple || hs_type_is_subtype (t, vm->types.tuple))
    {
      HsTuple *tu = HS_TUPLE (o);

      for (gsize i = 0; i < tu->len; i++)
        {
          if (!entry_listed (i, tu->len))
            {
              visit_object (s, tu->items[i]);
              continue;
            }
          g_snprintf (label, sizeof label, "[%" G_GSIZE_FORMAT "]", i);
          add_edge (s, o, tu->items[i], HS_EDGE_ITEM, label);
        }
    }
  else if (t == vm->types.dict || hs_type_is_subtype (t, vm->types.dict))
    {
      gsize pos = 0, i = 0, n = ((HsDict *) o)->used;
      HsObject *k, *v;

      while (hs_dict_next (o, &pos, &k, &v))
        {
          g_autofree char *kt = NULL;

          if (!entry_listed (i++, n))
            {
              visit_object (s, k);
              visit_object (s, v);
              continue;
            }
          kt = short_text (k, 20);
          add_edge (s, o, k, HS_EDGE_KEY, "key");
          add_edge (s, o, v, HS_EDGE_VALUE, kt);
        }
    }
  else if (t == vm->types.set || t == vm->types.frozenset
           || hs_type_is_subtype (t, vm->types.set) || hs_type_is_subtype (t, vm->types.frozenset))
    {
      gsize pos = 0, i = 0, n = ((HsSet *) o)->used;
      HsObject *k;

      while (hs_set_next (o, &pos, &k))
        {
          if (entry_listed (i++, n))
            add_edge (s, o, k, HS_EDGE_ITEM, "");
          else
            visit_object (s, k);
        }
    }
  else if (t == vm->types.type)
    {
      HsType *cls = (HsType *) o;
      gsize pos = 0;
      HsObject *k, *v;

      if (cls->dict != NULL)
        while (hs_dict_next (cls->dict, &pos, &k, &v))
          {
            const char *name = hs_str_check (k) ? hs_str_utf8 (k) : "?";

            if (g_str_has_prefix (name, "__") && g_str_has_suffix (name, "__")
                && strcmp (name, "__init__") != 0 && strcmp (name, "__del__") != 0
                && strcmp (name, "__repr__") != 0 && strcmp (name, "__str__") != 0
                && strcmp (name, "__slots__") != 0 && strcmp (name, "__eq__") != 0
                && strcmp (name, "__iter__") != 0 && strcmp (name, "__next__") != 0
                && strcmp (name, "__enter__") != 0 && strcmp (name, "__exit__") != 0
                && strcmp (name, "__len__") != 0)
              continue;
            if (v->ob_type == vm->types.member_descriptor)
              continue;
            add_edge (s, o, v, HS_EDGE_ATTR, name);
          }
      if (cls->tp_base != NULL && (cls->tp_base->tp_flags & HS_TPFLAG_HEAPTYPE))
        add_edge (s, o, (HsObject *) cls->tp_base, HS_EDGE_CLASS, "base");
    }
  else if (t == vm->types.function)
    {
      HsFunction *f = HS_FUNCTION (o);

      if (f->defaults != NULL)
        for (gsize i = 0; i < HS_TUPLE (f->defaults)->len; i++)
          {
            g_snprintf (label, sizeof label, "default[%" G_GSIZE_FORMAT "]", i);
            add_edge (s, o, HS_TUPLE (f->defaults)->items[i], HS_EDGE_OTHER, label);
          }
      if (f->closure != NULL)
        {
          HsCode *code = HS_CODE (f->code);

          for (gsize i = 0; i < HS_TUPLE (f->closure)->len; i++)
            {
              HsObject *cell = HS_TUPLE (f->closure)->items[i];
              HsObject *name = HS_TUPLE (code->localsplusnames)->items[code->nlocalsplus
                                                                      - code->nfreevars + i];

              if (HS_CELL (cell)->ref != NULL)
                add_edge (s, o, HS_CELL (cell)->ref, HS_EDGE_OTHER, hs_str_utf8 (name));
            }
        }
    }
  else if (t == vm->types.method)
    {
      add_edge (s, o, HS_METHOD (o)->self, HS_EDGE_OTHER, "__self__");
      add_edge (s, o, HS_METHOD (o)->func, HS_EDGE_OTHER, "__func__");
    }
  else if (t == vm->types.cell)
    add_edge (s, o, HS_CELL (o)->ref, HS_EDGE_OTHER, "cell_contents");
  else if (hs_weakref_check (vm, o))
    {
      HsWeakRef *wr = (HsWeakRef *) o;

      if (wr->referent != NULL)
        add_edge (s, o, wr->referent, HS_EDGE_WEAK, "");
      if (wr->callback != NULL)
        add_edge (s, o, wr->callback, HS_EDGE_OTHER, "callback");
    }
  else if (t->tp_flags & HS_TPFLAG_EXCEPTION && hs_instance_ext (o) == NULL)
    {
      HsBaseException *e = HS_EXC (o);

      if (e->args != NULL)
        for (gsize i = 0; i < HS_TUPLE (e->args)->len; i++)
          {
            g_snprintf (label, sizeof label, "args[%" G_GSIZE_FORMAT "]", i);
            add_edge (s, o, HS_TUPLE (e->args)->items[i], HS_EDGE_OTHER, label);
          }
      add_edge (s, o, e->traceback, HS_EDGE_OTHER, "__traceback__");
      add_edge (s, o, e->context, HS_EDGE_OTHER, "__context__");
      add_edge (s, o, e->cause, HS_EDGE_OTHER, "__cause__");
    }
  else if (t == vm->types.generator)
    {
      /* The frame is shown as a frame of its own, attached to the generator. */
    }
  else if (t == vm->types.traceback)
    {
      HsTraceback *tb = HS_TRACEBACK (o);
      HsFrame *f = HS_FRAME_OBJECT (tb->tb_frame)->frame;

      add_edge (s, o, tb->tb_next, HS_EDGE_OTHER, "tb_next");
      /* Show the locals the traceback keeps alive. */
      if (f != NULL && !f->cleared)
        for (int i = 0; i < f->code->nlocals; i++)
          if (f->localsplus[i] != NULL)
            add_edge (s, o, f->localsplus[i], HS_EDGE_OTHER,
                      hs_str_utf8 (HS_TUPLE (f->code->localsplusnames)->items[i]));
    }
  else if (hs_instance_ext (o) == NULL && t->tp_traverse != NULL && !(t->tp_flags & HS_TPFLAG_HEAPTYPE))
    {
      gpointer pair[2] = { s, o };

      t->tp_traverse (o, traverse_edge, pair);
    }

  /* Instances of user classes: slots and attributes, then the class. */
  if (t->tp_flags & HS_TPFLAG_HEAPTYPE && t != vm->types.type)
    {
      HsInstExt *ext = hs_instance_ext (o);

      if (ext != NULL)
        {
          for (HsType *c = t; c != NULL && c->ext_offset != 0; c = c->tp_base)
            {
              guint n_own = c->slots != NULL ? HS_TUPLE (c->slots)->len : 0;
              guint first = c->n_slots_total - n_own;

              for (guint i = 0; i < n_own; i++)
                add_edge (s, o, ext->slots[first + i], HS_EDGE_ATTR,
                          hs_str_utf8 (HS_TUPLE (c->slots)->items[i]));
            }
          if (ext->dict != NULL)
            {
              gsize pos = 0;
              HsObject *k, *v;

              while (hs_dict_next (ext->dict, &pos, &k, &v))
                add_edge (s, o, v, HS_EDGE_ATTR, hs_str_check (k) ? hs_str_utf8 (k) : "?");
            }
          else if (ext->attr_names != NULL)
            for (guint i = 0; i < ext->attr_names->len; i++)
              add_edge (s, o, g_ptr_array_index (ext->attr_values, i), HS_EDGE_ATTR,
                        hs_str_utf8 (g_ptr_array_index (ext->attr_names, i)));
        }
      add_edge (s, o, (HsObject *) t, HS_EDGE_CLASS, "__class__");
    }
}

/* Objects a full collection would free now: the collector's reachability
 * computation run on every tracked object, without changing anything. */
static void
decrement_ref (HsObject *referent,
               gpointer  data)
{
  if (hs_gc_is_tracked (referent))
    referent->gc_refs--;
}

static void
mark_reachable (HsObject *referent,
                gpointer  data)
{
  GPtrArray *work = data;

  if (hs_gc_is_tracked (referent) && !(referent->flags & HS_OBJ_SNAP_ROOT))
    {
      referent->flags |= HS_OBJ_SNAP_ROOT;
      g_ptr_array_add (work, referent);
    }
}

/* Marks with HS_OBJ_SNAP_ROOT every tracked object a full collection would
 * keep; the others are garbage waiting for it. The collector's own gc_refs
 * are saved and restored: a snapshot may be taken in the middle of a
 * collection (a __del__ running). */
static GPtrArray *
mark_reachable_objects (HsVM *vm)
{
  GPtrArray *tracked = g_ptr_array_new ();
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gssize));
  g_autoptr(GPtrArray) work = g_ptr_array_new ();

  for (HsObject *o = vm->heap_first; o != NULL; o = o->heap_next)
    if (hs_gc_is_tracked (o))
      {
        g_ptr_array_add (tracked, o);
        g_array_append_val (saved, o->gc_refs);
        o->gc_refs = o->ob_refcnt;
      }
  for (guint i = 0; i < tracked->len; i++)
    {
      HsObject *o = g_ptr_array_index (tracked, i);

      /* An object being deallocated (an event step inside its dealloc)
       * still holds its references, from outside the heap shown. */
      if (o->ob_type->tp_traverse != NULL && o->ob_refcnt > 0)
        o->ob_type->tp_traverse (o, decrement_ref, NULL);
    }
  for (guint i = 0; i < tracked->len; i++)
    {
      HsObject *o = g_ptr_array_index (tracked, i);

      if (o->gc_refs > 0)
        {
          o->flags |= HS_OBJ_SNAP_ROOT;
          g_ptr_array_add (work, o);
        }
    }
  while (work->len > 0)
    {
      HsObject *o = g_ptr_array_steal_index_fast (work, work->len - 1);

      if (o->ob_type->tp_traverse != NULL)
        o->ob_type->tp_traverse (o, mark_reachable, work);
    }
  for (guint i = 0; i < tracked->len; i++)
    ((HsObject *) g_ptr_array_index (tracked, i))->gc_refs = g_array_index (saved, gssize, i);
  return tracked;
}

static void
frame_info_free (gpointer data)
{
  HsFrameInfo *fi = data;

  g_array_unref (fi->bindings);
  g_array_unref (fi->stack);
  g_free (fi);
}

static gboolean
hidden_global (const char *name)
{
  return g_str_has_prefix (name, "__") && g_str_has_suffix (name, "__");
}

static void
add_binding (Snapshot   *s,
             HsFrameInfo *fi,
             const char *name,
             HsObject   *value)
{
  HsBindingInfo b = { g_string_chunk_insert_const (s->state->strings, name),
                      value != NULL ? value->serial : 0 };

  g_array_append_val (fi->bindings, b);
  visit_object (s, value);
}

HsFrameInfo *
_hs_frame_info_new (void)
{
  HsFrameInfo *fi = g_new0 (HsFrameInfo, 1);

  fi->bindings = g_array_new (FALSE, FALSE, sizeof (HsBindingInfo));
  fi->stack = g_array_new (FALSE, FALSE, sizeof (guint64));
  return fi;
}

HsHeapState *
_hs_heap_state_new_empty (void)
{
  HsHeapState *state = g_new0 (HsHeapState, 1);

  state->ref_count = 1;
  state->event = HS_STATE_WHOLE_STEP;
  state->objects = g_array_new (FALSE, FALSE, sizeof (HsObjectInfo));
  state->edges = g_array_new (FALSE, FALSE, sizeof (HsEdgeInfo));
  state->frames = g_ptr_array_new_with_free_func (frame_info_free);
  state->events = g_array_new (FALSE, FALSE, sizeof (HsEventInfo));
  state->output = g_string_new (NULL);
  state->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  state->strings = g_string_chunk_new (4096);
  return state;
}

void
_hs_heap_state_index (HsHeapState *state)
{
  g_hash_table_remove_all (state->index);
  for (guint i = 0; i < state->objects->len; i++)
    g_hash_table_insert (state->index, &g_array_index (state->objects, HsObjectInfo, i).id,
                         GUINT_TO_POINTER (i + 1));
}

static HsFrameInfo *
capture_frame (Snapshot *s,
               HsFrame  *f,
               gboolean  running)
{
  HsVM *vm = s->vm;
  HsFrameInfo *fi = _hs_frame_info_new ();
  HsCode *code = f->code;

  fi->function = g_string_chunk_insert_const (s->state->strings, hs_str_utf8 (code->qualname));
  fi->line = running ? hs_frame_get_line (f) : hs_frame_get_line (f);
  fi->generator = f->generator != NULL ? f->generator->serial : 0;
  fi->running = running;

  if (f->locals != NULL)
    {
      gsize pos = 0;
      HsObject *k, *v;

      while (hs_dict_next (f->locals, &pos, &k, &v))
        {
          const char *name = hs_str_check (k) ? hs_str_utf8 (k) : "?";

          if (hidden_global (name))
            continue;
          add_binding (s, fi, name, v);
        }
    }
  else if (!f->cleared)
    {
      for (int i = 0; i < code->nlocalsplus; i++)
        {
          HsObject *v = f->localsplus[i];
          const char *name = hs_str_utf8 (HS_TUPLE (code->localsplusnames)->items[i]);

          if ((code->localspluskinds[i] & (HS_LOCAL_CELL | HS_LOCAL_FREE)) && v != NULL
              && v->ob_type == vm->types.cell)
            v = HS_CELL (v)->ref;
          if (name[0] == '.')
            {
              /* A comprehension's hidden iterator: a temporary, not a name. */
              if (v != NULL)
                {
                  g_array_append_val (fi->stack, v->serial);
                  visit_object (s, v);
                }
              continue;
            }
          add_binding (s, fi, name, v);
        }
    }
  if (!f->cleared)
    {
      HsObject **stack = hs_frame_stack_base (f);

      for (int i = 0; i < f->stacktop; i++)
        if (stack[i] != NULL)
          {
            g_array_append_val (fi->stack, stack[i]->serial);
            visit_object (s, stack[i]);
          }
    }
  return fi;
}

/* How many of @o's entries expand_edges() left unlisted. */
static guint64
entries_omitted (HsVM     *vm,
                 HsObject *o)
{
  HsType *t = o->ob_type;
  gsize n = 0;

  if (is_internal (vm, o) || (o->flags & HS_OBJ_STATIC))
    return 0;
  if (t == vm->types.list || hs_type_is_subtype (t, vm->types.list))
    n = HS_LIST (o)->len;
  else if (t == vm->types.tuple || hs_type_is_subtype (t, vm->types.tuple))
    n = HS_TUPLE (o)->len;
  else if (t == vm->types.dict || hs_type_is_subtype (t, vm->types.dict))
    n = ((HsDict *) o)->used;
  else if (t == vm->types.set || t == vm->types.frozenset
           || hs_type_is_subtype (t, vm->types.set) || hs_type_is_subtype (t, vm->types.frozenset))
    n = ((HsSet *) o)->used;
  return n > LISTED_ENTRIES ? n - LISTED_ENTRIES : 0;
}

static gint8
generation_of (HsObject *o)
{
  if (!hs_type_is_gc (o->ob_type))
    return HS_GENERATION_NOT_GC;
  if (!hs_gc_is_tracked (o))
    return HS_GENERATION_UNTRACKED;
  return o->gen;
}

HsHeapState *
_hs_heap_snapshot (HsVM    *vm,
                   guint64  first_serial,
                   guint64  step,
                   int      line)
{
  HsHeapState *state = _hs_heap_state_new_empty ();
  Snapshot s = { vm, state, g_ptr_array_new (), g_ptr_array_new (), first_serial };
  g_autoptr(GPtrArray) frames = g_ptr_array_new ();
  g_autoptr(GPtrArray) tracked = NULL;

  state->step = step;
  state->line = line;
  g_string_assign (state->output, vm->output->str);

  /* Frames, outermost first. */
  for (HsFrame *f = vm->frame; f != NULL; f = f->previous)
    g_ptr_array_insert (frames, 0, f);
  for (guint i = 0; i < frames->len; i++)
    g_ptr_array_add (state->frames, capture_frame (&s, g_ptr_array_index (frames, i), TRUE));

  /* After the last line the module's frame is gone, but its names hold
   * their objects until shutdown: show them as the global frame. */
  if (frames->len == 0 && vm->main_module != NULL && HS_MODULE (vm->main_module)->dict != NULL)
    {
      HsFrameInfo *fi = _hs_frame_info_new ();
      gsize pos = 0;
      HsObject *k, *v;

      fi->function = g_string_chunk_insert_const (state->strings, "<module>");
      fi->line = line;
      fi->running = TRUE;
      while (hs_dict_next (HS_MODULE (vm->main_module)->dict, &pos, &k, &v))
        {
          const char *name = hs_str_check (k) ? hs_str_utf8 (k) : "?";

          if (!hidden_global (name))
            add_binding (&s, fi, name, v);
        }
      g_ptr_array_add (state->frames, fi);
    }

  /* Everything the snippet created and that is still alive (cycles included). */
  for (HsObject *o = vm->heap_first; o != NULL; o = o->heap_next)
    if (o->serial >= first_serial && !is_internal (vm, o) && !made_by_import (vm, o)
        && o->ob_type != vm->types.cell && o->ob_type != vm->types.traceback)
      visit_object (&s, o);
  if (vm->exc_info != NULL)
    visit_object (&s, vm->exc_info);

  /* Expand breadth-first; suspended generators contribute their frames. */
  for (guint i = 0; i < s.queue->len; i++)
    {
      HsObject *o = g_ptr_array_index (s.queue, i);

      expand_edges (&s, o);
      if (o->ob_type == vm->types.generator && HS_GENERATOR (o)->frame != NULL
          && HS_GENERATOR (o)->state != HS_GEN_RUNNING)
        g_ptr_array_add (state->frames, capture_frame (&s, HS_GENERATOR (o)->frame, FALSE));
    }

  tracked = mark_reachable_objects (vm);

  /* Objects in creation order. */
  for (HsObject *o = vm->heap_first; o != NULL; o = o->heap_next)
    {
      HsObjectInfo info;

      if (!(o->flags & HS_OBJ_SNAP_SEEN) || is_internal (vm, o)
          || o->ob_type == vm->types.cell)
        continue;
      info.id = o->serial;
      info.address = hs_object_id (o);
      {
        g_autofree char *value = short_text (o, VALUE_CHARS);

        info.type_name = g_string_chunk_insert_const (state->strings, o->ob_type->name);
        info.value = g_string_chunk_insert (state->strings, value);
      }
      info.refcount = o->ob_refcnt;
      info.size = hs_object_sizeof (o);
      info.generation = generation_of (o);
      info.flags = 0;
      if (o->flags & HS_OBJ_STATIC || (o->flags & HS_OBJ_INTERNED))
        info.flags |= HS_OBJECT_FLAG_SHARED;
      if (hs_type_is_gc (o->ob_type))
        info.flags |= HS_OBJECT_FLAG_GC_CAPABLE;
      if (o->flags & HS_OBJ_FINALIZED)
        info.flags |= HS_OBJECT_FLAG_FINALIZED;
      if (o->ob_type->tp_finalize != NULL && o->ob_type != vm->types.generator)
        info.flags |= HS_OBJECT_FLAG_HAS_FINALIZER;
      if (vm->gc->collecting && (o->flags & (HS_OBJ_REACHABLE | HS_OBJ_UNREACHABLE)))
        info.flags |= HS_OBJECT_FLAG_IN_COLLECTION;
      info.state = hs_gc_is_tracked (o) && !(o->flags & HS_OBJ_SNAP_ROOT)
                   ? HS_OBJECT_UNREACHABLE : HS_OBJECT_ALIVE;
      info.gc_refs = vm->gc->collecting ? (gint32) o->gc_refs : -1;
      info.n_omitted = entries_omitted (vm, o);
      g_array_append_val (state->objects, info);
    }
  _hs_heap_state_index (state);

  /* Edges to objects not shown (cells, internals) are dropped. */
  {
    guint j = 0;

    for (guint i = 0; i < state->edges->len; i++)
      {
        HsEdgeInfo *e = &g_array_index (state->edges, HsEdgeInfo, i);

        if (g_hash_table_contains (state->index, &e->from)
            && g_hash_table_contains (state->index, &e->to))
          g_array_index (state->edges, HsEdgeInfo, j++) = *e;
      }
    g_array_set_size (state->edges, j);
  }

  for (guint i = 0; i < s.seen->len; i++)
    ((HsObject *) g_ptr_array_index (s.seen, i))->flags &= ~HS_OBJ_SNAP_SEEN;
  for (guint i = 0; i < tracked->len; i++)
    ((HsObject *) g_ptr_array_index (tracked, i))->flags &= ~HS_OBJ_SNAP_ROOT;
  g_ptr_array_unref (s.seen);
  g_ptr_array_unref (s.queue);
  return state;
}

HsHeapState *
hs_heap_state_ref (HsHeapState *state)
{
  g_atomic_int_inc (&state->ref_count);
  return state;
}

void
hs_heap_state_unref (HsHeapState *state)
{
  if (state == NULL || !g_atomic_int_dec_and_test (&state->ref_count))
    return;
  g_array_unref (state->objects);
  g_array_unref (state->edges);
  g_ptr_array_unref (state->frames);
  g_array_unref (state->events);
  g_string_free (state->output, TRUE);
  g_hash_table_unref (state->index);
  g_string_chunk_free (state->strings);
  g_free (state);
}

const HsObjectInfo *
hs_heap_state_lookup (HsHeapState *state,
                      guint64      id)
{
  guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (state->index, &id));

  if (pos == 0)
    return NULL;
  return &g_array_index (state->objects, HsObjectInfo, pos - 1);
}
