/* hs-heap-state-io.c — an HsHeapState as bytes, to cross a pipe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A checkpoint process builds the state of a step and sends it to the
 * process that asked for it. Both sides are the same binary on the same
 * machine, so numbers travel in native byte order; strings are
 * length-prefixed.
 */

#include "config.h"

#include <string.h>

#include "hs-heap-snapshot.h"
#include "hs-trace.h"

#define STATE_MAGIC 0x48535354u   /* "HSST" */

static void
put (GByteArray    *out,
     gconstpointer  data,
     gsize          len)
{
  g_byte_array_append (out, data, len);
}

#define PUT(out, v) put ((out), &(v), sizeof (v))

static void
put_str (GByteArray *out,
         const char *s)
{
  guint32 len = s != NULL ? strlen (s) : G_MAXUINT32;

  PUT (out, len);
  if (s != NULL)
    put (out, s, len);
}

void
_hs_heap_state_write (HsHeapState *state,
                      GByteArray  *out)
{
  guint32 magic = STATE_MAGIC;
  guint32 n;

  PUT (out, magic);
  PUT (out, state->step);
  PUT (out, state->event);
  PUT (out, state->line);

  n = state->objects->len;
  PUT (out, n);
  for (guint i = 0; i < n; i++)
    {
      HsObjectInfo *o = &g_array_index (state->objects, HsObjectInfo, i);

      PUT (out, o->id);
      PUT (out, o->address);
      put_str (out, o->type_name);
      put_str (out, o->value);
      PUT (out, o->refcount);
      PUT (out, o->size);
      PUT (out, o->generation);
      PUT (out, o->flags);
      PUT (out, o->state);
      PUT (out, o->gc_refs);
      PUT (out, o->n_omitted);
    }

  n = state->edges->len;
  PUT (out, n);
  for (guint i = 0; i < n; i++)
    {
      HsEdgeInfo *e = &g_array_index (state->edges, HsEdgeInfo, i);

      PUT (out, e->from);
      PUT (out, e->to);
      put_str (out, e->label);
      PUT (out, e->kind);
    }

  n = state->frames->len;
  PUT (out, n);
  for (guint i = 0; i < n; i++)
    {
      HsFrameInfo *f = g_ptr_array_index (state->frames, i);
      guint32 nb = f->bindings->len, ns = f->stack->len;

      put_str (out, f->function);
      PUT (out, f->line);
      PUT (out, f->generator);
      PUT (out, f->running);
      PUT (out, nb);
      for (guint j = 0; j < nb; j++)
        {
          HsBindingInfo *b = &g_array_index (f->bindings, HsBindingInfo, j);

          put_str (out, b->name);
          PUT (out, b->object);
        }
      PUT (out, ns);
      put (out, f->stack->data, sizeof (guint64) * ns);
    }

  put_str (out, state->output->str);

  n = state->events->len;
  PUT (out, n);
  for (guint i = 0; i < n; i++)
    {
      HsEventInfo *ev = &g_array_index (state->events, HsEventInfo, i);

      PUT (out, ev->kind);
      PUT (out, ev->object);
      PUT (out, ev->arg);
      put_str (out, ev->text);
    }
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean      ok;
} Reader;

static void
get (Reader   *r,
     gpointer  data,
     gsize     len)
{
  if (!r->ok || (gsize) (r->end - r->p) < len)
    {
      r->ok = FALSE;
      memset (data, 0, len);
      return;
    }
  memcpy (data, r->p, len);
  r->p += len;
}

#define GET(r, v) get ((r), &(v), sizeof (v))

static const char *
get_str (Reader       *r,
         GStringChunk *chunk)
{
  guint32 len;
  const char *s;

  GET (r, len);
  if (!r->ok || len == G_MAXUINT32)
    return NULL;
  if ((gsize) (r->end - r->p) < len)
    {
      r->ok = FALSE;
      return NULL;
    }
  s = g_string_chunk_insert_len (chunk, (const char *) r->p, len);
  r->p += len;
  return s;
}

HsHeapState *
_hs_heap_state_read (const guint8 *data,
                     gsize         len)
{
  Reader r = { data, data + len, TRUE };
  HsHeapState *state = _hs_heap_state_new_empty ();
  guint32 magic = 0, n;

  GET (&r, magic);
  if (magic != STATE_MAGIC)
    goto fail;
  GET (&r, state->step);
  GET (&r, state->event);
  GET (&r, state->line);

  GET (&r, n);
  for (guint i = 0; i < n && r.ok; i++)
    {
      HsObjectInfo o;

      GET (&r, o.id);
      GET (&r, o.address);
      o.type_name = get_str (&r, state->strings);
      o.value = get_str (&r, state->strings);
      GET (&r, o.refcount);
      GET (&r, o.size);
      GET (&r, o.generation);
      GET (&r, o.flags);
      GET (&r, o.state);
      GET (&r, o.gc_refs);
      GET (&r, o.n_omitted);
      g_array_append_val (state->objects, o);
    }

  GET (&r, n);
  for (guint i = 0; i < n && r.ok; i++)
    {
      HsEdgeInfo e;

      GET (&r, e.from);
      GET (&r, e.to);
      e.label = get_str (&r, state->strings);
      GET (&r, e.kind);
      g_array_append_val (state->edges, e);
    }

  GET (&r, n);
  for (guint i = 0; i < n && r.ok; i++)
    {
      HsFrameInfo *f = _hs_frame_info_new ();
      guint32 nb, ns;

      f->function = get_str (&r, state->strings);
      GET (&r, f->line);
      GET (&r, f->generator);
      GET (&r, f->running);
      GET (&r, nb);
      for (guint j = 0; j < nb && r.ok; j++)
        {
          HsBindingInfo b;

          b.name = get_str (&r, state->strings);
          GET (&r, b.object);
          g_array_append_val (f->bindings, b);
        }
      GET (&r, ns);
      if (r.ok && (gsize) (r.end - r.p) >= sizeof (guint64) * ns)
        {
          g_array_append_vals (f->stack, r.p, ns);
          r.p += sizeof (guint64) * ns;
        }
      else
        r.ok = FALSE;
      g_ptr_array_add (state->frames, f);
    }

  {
    const char *output = get_str (&r, state->strings);

    if (output != NULL)
      g_string_assign (state->output, output);
  }

  GET (&r, n);
  for (guint i = 0; i < n && r.ok; i++)
    {
      HsEventInfo ev;

      GET (&r, ev.kind);
      GET (&r, ev.object);
      GET (&r, ev.arg);
      ev.text = get_str (&r, state->strings);
      g_array_append_val (state->events, ev);
    }

  if (!r.ok)
    goto fail;
  _hs_heap_state_index (state);
  return state;

fail:
  hs_heap_state_unref (state);
  return NULL;
}
