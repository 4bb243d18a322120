/* hs-traceback.c — CPython 3.11's traceback report, carets and suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-frame.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* "Did you mean" (Python/suggestions.c) --------------------------------- */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1
#define LEAST_FIVE_BITS(n) ((n) & 31)

static int
substitution_cost (char a,
                   char b)
{
  if (LEAST_FIVE_BITS (a) != LEAST_FIVE_BITS (b))
    return MOVE_COST;
  if (a == b)
    return 0;
  if ('A' <= a && a <= 'Z')
    a += 'a' - 'A';
  if ('A' <= b && b <= 'Z')
    b += 'a' - 'A';
  if (a == b)
    return CASE_COST;
  return MOVE_COST;
}

static gssize
levenshtein_distance (const char *a,
                      gsize       a_size,
                      const char *b,
                      gsize       b_size,
                      gsize       max_cost)
{
  gsize buffer[MAX_STRING_SIZE];
  gsize result = 0;
  gsize tmp = MOVE_COST;

  if (a == b)
    return 0;
  while (a_size && b_size && a[0] == b[0])
    {
      a++; a_size--; b++; b_size--;
    }
  while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
    {
      a_size--; b_size--;
    }
  if (a_size == 0 || b_size == 0)
    return (a_size + b_size) * MOVE_COST;
  if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
    return max_cost + 1;
  if (b_size < a_size)
    {
      const char *t = a;
      gsize ts = a_size;

      a = b; a_size = b_size;
      b = t; b_size = ts;
    }
  if ((b_size - a_size) * MOVE_COST > max_cost)
    return max_cost + 1;

  for (gsize i = 0; i < a_size; i++)
    {
      buffer[i] = tmp;
      tmp += MOVE_COST;
    }
  for (gsize b_index = 0; b_index < b_size; b_index++)
    {
      char code = b[b_index];
      gsize distance = result = b_index * MOVE_COST;
      gsize minimum = G_MAXSIZE;

      for (gsize index = 0; index < a_size; index++)
        {
          gsize substitute = distance + substitution_cost (code, a[index]);
          gsize insert_delete;

          distance = buffer[index];
          insert_delete = MIN (result, distance) + MOVE_COST;
          result = MIN (insert_delete, substitute);
          buffer[index] = result;
          if (result < minimum)
            minimum = result;
        }
      if (minimum > max_cost)
        return max_cost + 1;
    }
  return result;
}

static const char *
calculate_suggestion (GPtrArray  *candidates,
                      const char *name)
{
  gssize best_distance = G_MAXSSIZE;
  const char *best = NULL;
  gsize name_size = strlen (name);

  if (candidates->len >= MAX_CANDIDATE_ITEMS)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *item = g_ptr_array_index (candidates, i);
      gsize item_size = strlen (item);
      gssize max_distance, d;

      if (strcmp (item, name) == 0)
        continue;
      max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
      max_distance = MIN (max_distance, best_distance - 1);
      d = levenshtein_distance (name, name_size, item, item_size, max_distance);
      if (d > max_distance)
        continue;
      if (best == NULL || d < best_distance)
        {
          best = item;
          best_distance = d;
        }
    }
  return best;
}

static void
add_dict_keys (GPtrArray *out,
               HsObject  *dict)
{
  gsize pos = 0;
  HsObject *k, *v;

  if (dict == NULL)
    return;
  while (hs_dict_next (dict, &pos, &k, &v))
    if (hs_str_check (k))
      g_ptr_array_add (out, (gpointer) hs_str_utf8 (k));
}

static const char *
suggest_for_name_error (HsVM     *vm,
                        HsObject *exc)
{
  HsObject *name = HS_EXC (exc)->extra;
  HsObject *tb = HS_EXC (exc)->traceback;
  HsFrame *frame;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *s;

  if (name == NULL || !hs_str_check (name) || tb == NULL)
    return NULL;
  while (HS_TRACEBACK (tb)->tb_next != NULL)
    tb = HS_TRACEBACK (tb)->tb_next;
  frame = HS_FRAME_OBJECT (HS_TRACEBACK (tb)->tb_frame)->frame;
  if (frame == NULL)
    return NULL;

  for (int i = 0; i < frame->code->nlocals; i++)
    g_ptr_array_add (names, (gpointer) hs_str_utf8 (HS_TUPLE (frame->code->localsplusnames)->items[i]));
  s = calculate_suggestion (names, hs_str_utf8 (name));
  if (s != NULL)
    return s;
  g_ptr_array_set_size (names, 0);
  add_dict_keys (names, frame->globals);
  s = calculate_suggestion (names, hs_str_utf8 (name));
  if (s != NULL)
    return s;
  g_ptr_array_set_size (names, 0);
  add_dict_keys (names, frame->builtins);
  return calculate_suggestion (names, hs_str_utf8 (name));
}

static int
compare_cstr (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static const char *
suggest_for_attribute_error (HsVM     *vm,
                             HsObject *exc)
{
  HsObject *name = HS_EXC (exc)->extra;
  HsObject *obj = HS_EXC (exc)->extra2;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  HsInstExt *ext;

  if (name == NULL || obj == NULL || !hs_str_check (name))
    return NULL;

  /* dir(obj): instance attributes and everything on the class, sorted. */
  ext = hs_instance_ext (obj);
  if (ext != NULL && ext->dict != NULL)
    add_dict_keys (names, ext->dict);
  else if (ext != NULL && ext->attr_names != NULL)
    for (guint i = 0; i < ext->attr_names->len; i++)
      g_ptr_array_add (names, (gpointer) hs_str_utf8 (g_ptr_array_index (ext->attr_names, i)));
  for (HsType *t = obj->ob_type; t != NULL; t = t->tp_base)
    add_dict_keys (names, t->dict);
  if (obj->ob_type == vm->types.type)
    for (HsType *t = (HsType *) obj; t != NULL; t = t->tp_base)
      add_dict_keys (names, t->dict);
  if (obj->ob_type == vm->types.module)
    add_dict_keys (names, ((HsObject **) ((guint8 *) obj + sizeof (HsObject)))[0]);

  {
    g_autoptr(GPtrArray) unique = g_ptr_array_new ();

    for (guint i = 0; i < names->len; i++)
      if (g_hash_table_add (seen, g_ptr_array_index (names, i)))
        g_ptr_array_add (unique, g_ptr_array_index (names, i));
    g_ptr_array_sort (unique, compare_cstr);
    {
      const char *s = calculate_suggestion (unique, hs_str_utf8 (name));

      return s != NULL ? g_intern_string (s) : NULL;
    }
  }
}

/* The report ------------------------------------------------------------ */

char *
hs_exception_format_last_line (HsVM     *vm,
                               HsObject *exc)
{
  GString *line = g_string_new (NULL);
  HsType *type = exc->ob_type;
  HsObject *module = type->dict != NULL ? hs_dict_getitem_str (vm, type->dict, "__module__") : NULL;
  HsObject *msg;
  HsObject *saved = hs_err_fetch (vm);

  if (module != NULL && hs_str_check (module) && !hs_str_equal_cstr (module, "builtins")
      && !hs_str_equal_cstr (module, "__main__"))
    g_string_append_printf (line, "%s.", hs_str_utf8 (module));
  g_string_append (line, type->qualname);

  msg = hs_object_str (vm, exc);
  if (msg == NULL)
    {
      hs_err_clear (vm);
      g_string_append (line, ": <exception str() failed>");
    }
  else
    {
      if (hs_str_len (msg) > 0)
        {
          g_string_append (line, ": ");
          g_string_append_len (line, hs_str_utf8 (msg), hs_str_nbytes (msg));
        }
      hs_decref (vm, msg);
    }

  if (hs_isinstance (exc, vm->types.NameError) && !hs_isinstance (exc, vm->types.UnboundLocalError))
    {
      const char *s = suggest_for_name_error (vm, exc);

      if (s != NULL)
        g_string_append_printf (line, ". Did you mean: '%s'?", s);
    }
  else if (hs_isinstance (exc, vm->types.AttributeError))
    {
      const char *s = suggest_for_attribute_error (vm, exc);

      if (s != NULL)
        g_string_append_printf (line, ". Did you mean: '%s'?", s);
    }
  hs_err_restore (vm, saved);
  return g_string_free (line, FALSE);
}

/* Index of the code point @col in @line, as a byte offset. */
static const char *
utf8_at_col (const char *line,
             int         col)
{
  const char *p = line;

  for (int i = 0; i < col && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  return p;
}

static void
append_source_line (HsVM        *vm,
                    GString     *out,
                    HsTraceback *tb)
{
  HsFrame *frame = HS_FRAME_OBJECT (tb->tb_frame)->frame;
  const char *line;
  int indent = 0, len_chars, stripped_len;
  const char *p;
  HsLoc loc = tb->loc;
  int start, end;
  int left = -1, right = -1;

  if (vm->source_lines == NULL || tb->tb_lineno < 1 || tb->tb_lineno > vm->n_source_lines)
    return;
  line = vm->source_lines[tb->tb_lineno - 1];
  for (p = line; *p == ' ' || *p == '\t' || *p == '\f'; p++)
    indent++;
  if (*p == '\0')
    return;
  len_chars = g_utf8_strlen (line, -1);
  stripped_len = len_chars;
  {
    const char *q = line + strlen (line);

    while (q > line && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r' || q[-1] == '\f'))
      {
        q--;
        stripped_len--;
      }
    g_string_append (out, "    ");
    g_string_append_len (out, p, q - p);
    g_string_append_c (out, '\n');
  }

  /* Carets: only for a position on this line. */
  if (loc.line != tb->tb_lineno || loc.col < 0 || loc.end_col < 0)
    return;
  start = loc.col;
  end = loc.end_line == loc.line ? loc.end_col : stripped_len;
  if (end <= start || start < indent)
    return;
  if (frame != NULL && frame->code->anchors != NULL && tb->tb_lasti < frame->code->n_instrs
      && loc.end_line == loc.line)
    {
      left = frame->code->anchors[2 * tb->tb_lasti];
      right = frame->code->anchors[2 * tb->tb_lasti + 1];
    }
  else if (frame == NULL)
    {
      /* The frame is gone (owned data freed): no anchors. */
      left = right = -1;
    }
  if (end - start == stripped_len - indent && left < 0)
    return;

  g_string_append (out, "    ");
  for (int i = indent; i < start; i++)
    g_string_append_c (out, ' ');
  for (int i = start; i < end; i++)
    g_string_append_c (out, left < 0 || (i >= left && i < right) ? '^' : '~');
  g_string_append_c (out, '\n');
  (void) utf8_at_col;
}

static void
append_traceback (HsVM     *vm,
                  GString  *out,
                  HsObject *tb_obj)
{
  const char *last_name = NULL;
  int last_line = -1;
  int repeated = 0;

  g_string_append (out, "Traceback (most recent call last):\n");
  for (HsObject *o = tb_obj; o != NULL; o = HS_TRACEBACK (o)->tb_next)
    {
      HsTraceback *tb = HS_TRACEBACK (o);
      HsFrameObject *fo = HS_FRAME_OBJECT (tb->tb_frame);
      const char *name = "?";
      const char *filename = vm->filename != NULL ? vm->filename : "<string>";

      if (fo->frame != NULL)
        {
          name = hs_str_utf8 (fo->frame->code->name);
          if (fo->frame->code->filename != NULL)
            filename = hs_str_utf8 (fo->frame->code->filename);
        }
      if (last_name != NULL && strcmp (name, last_name) == 0 && tb->tb_lineno == last_line)
        {
          repeated++;
          if (repeated >= 3)
            continue;
        }
      else
        {
          if (repeated >= 3)
            g_string_append_printf (out, "  [Previous line repeated %d more time%s]\n",
                                    repeated - 2, repeated - 2 == 1 ? "" : "s");
          repeated = 0;
        }
      last_name = name;
      last_line = tb->tb_lineno;
      g_string_append_printf (out, "  File \"%s\", line %d, in %s\n", filename, tb->tb_lineno, name);
      append_source_line (vm, out, tb);
    }
  if (repeated >= 3)
    g_string_append_printf (out, "  [Previous line repeated %d more time%s]\n",
                            repeated - 2, repeated - 2 == 1 ? "" : "s");
}

static void
append_exception (HsVM      *vm,
                  GString   *out,
                  HsObject  *exc,
                  GHashTable *seen)
{
  HsBaseException *e = HS_EXC (exc);
  g_autofree char *last = NULL;

  g_hash_table_add (seen, exc);
  if (e->cause != NULL && !g_hash_table_contains (seen, e->cause))
    {
      append_exception (vm, out, e->cause, seen);
      g_string_append (out, "\nThe above exception was the direct cause of the following exception:\n\n");
    }
  else if (e->context != NULL && !e->suppress_context && !g_hash_table_contains (seen, e->context))
    {
      append_exception (vm, out, e->context, seen);
      g_string_append (out, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
  if (e->traceback != NULL)
    append_traceback (vm, out, e->traceback);
  last = hs_exception_format_last_line (vm, exc);
  g_string_append (out, last);
  g_string_append_c (out, '\n');
}

void
hs_traceback_print (HsVM     *vm,
                    HsObject *exc)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  append_exception (vm, out, exc, seen);
  hs_vm_write (vm, HS_STREAM_STDERR, out->str, out->len);
  g_string_free (out, TRUE);
}
