/* hs-scope.c — scope analysis, after CPython's Python/symtable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes: the first walks the tree and notes, per scope, how each name
 * is used (assigned, parameter, read, declared global/nonlocal); the second
 * resolves every name to local, global, free or cell, which decides the
 * opcodes the compiler emits and the order of a frame's slots.
 */

#include "config.h"

#include <setjmp.h>
#include <string.h>

#include "hs-recursion.h"
#include "hs-scope.h"

enum
{
  DEF_GLOBAL   = 1 << 0,
  DEF_LOCAL    = 1 << 1,   /* assigned in this scope */
  DEF_PARAM    = 1 << 2,
  DEF_NONLOCAL = 1 << 3,
  USE          = 1 << 4,
  DEF_IMPORT   = 1 << 5,
};

#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

struct _HsNameScope
{
  HsNameScopeType  type;
  const char      *name;
  HsNameScope     *parent;
  GPtrArray       *children;
  GHashTable      *flags;       /* name → flags */
  GPtrArray       *order;       /* names in first-seen order */
  GHashTable      *resolved;    /* name → HsNameKind + 1 */
  GPtrArray       *params;
  GPtrArray       *cells;
  GPtrArray       *frees;
  gboolean         is_generator;
  gboolean         is_comprehension;
  gboolean         needs_class_cell;
  gboolean         child_free_class;
  HsLoc            loc;
};

struct _HsScopeTable
{
  HsModule     *module;
  GHashTable   *by_node;
  GPtrArray    *all;
  HsNameScope  *cur;
  HsDiagnostic *error;
  jmp_buf       bail;
  int           depth;
  GPtrArray    *sets;      /* analyze()'s name sets: scope_error() longjmp()s past them */
};

G_NORETURN static void
scope_error (HsScopeTable *t,
             const HsLoc  *loc,
             const char   *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
scope_error (HsScopeTable *t,
             const HsLoc  *loc,
             const char   *format,
             ...)
{
  char *msg;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  t->error = hs_diagnostic_new (HS_DIAG_SYNTAX_ERROR, t->module->filename,
                                loc ? loc->line : 0, loc ? loc->col + 1 : 0, "%s", msg);
  if (loc != NULL && loc->line >= 1 && loc->line <= t->module->n_lines)
    t->error->text = g_strdup (t->module->lines[loc->line - 1]);
  if (loc != NULL)
    {
      t->error->end_line = loc->end_line;
      t->error->end_col = loc->end_col + 1;
    }
  /* longjmp() runs no g_autofree cleanup. */
  g_free (msg);
  longjmp (t->bail, 1);
}

static HsNameScope *
scope_new (HsScopeTable    *t,
           HsNameScopeType  type,
           const char      *name,
           gconstpointer    node,
           const HsLoc     *loc)
{
  HsNameScope *s = g_new0 (HsNameScope, 1);

  s->type = type;
  s->name = name;
  s->parent = t->cur;
  s->children = g_ptr_array_new ();
  s->flags = g_hash_table_new (g_str_hash, g_str_equal);
  s->order = g_ptr_array_new ();
  s->resolved = g_hash_table_new (g_str_hash, g_str_equal);
  s->params = g_ptr_array_new ();
  s->cells = g_ptr_array_new ();
  s->frees = g_ptr_array_new ();
  if (loc != NULL)
    s->loc = *loc;
  if (t->cur != NULL)
    g_ptr_array_add (t->cur->children, s);
  g_ptr_array_add (t->all, s);
  g_hash_table_insert (t->by_node, (gpointer) node, s);
  return s;
}

static void
scope_free (HsNameScope *s)
{
  g_ptr_array_unref (s->children);
  g_hash_table_unref (s->flags);
  g_ptr_array_unref (s->order);
  g_hash_table_unref (s->resolved);
  g_ptr_array_unref (s->params);
  g_ptr_array_unref (s->cells);
  g_ptr_array_unref (s->frees);
  g_free (s);
}

static guint
get_flags (HsNameScope *s,
           const char  *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (s->flags, name));
}

static void
add_def (HsScopeTable *t,
         HsNameScope  *s,
         const char   *name,
         guint         flag,
         const HsLoc  *loc)
{
  guint old = get_flags (s, name);

  if (!g_hash_table_contains (s->flags, name))
    g_ptr_array_add (s->order, (gpointer) name);
  if ((flag & DEF_PARAM) && (old & DEF_PARAM))
    scope_error (t, loc, "duplicate argument '%s' in function definition", name);
  g_hash_table_insert (s->flags, (gpointer) name, GUINT_TO_POINTER (old | flag));
}

/* Pass 1 --------------------------------------------------------------------- */

static void visit_stmts (HsScopeTable *t, HsStmtList *body);
static void visit_expr (HsScopeTable *t, HsExpr *e);

static void
visit_exprs (HsScopeTable *t,
             HsExprList   *l)
{
  for (int i = 0; i < l->len; i++)
    if (l->items[i] != NULL)
      visit_expr (t, l->items[i]);
}

static void
add_param (HsScopeTable *t,
           HsArg        *a)
{
  add_def (t, t->cur, a->name, DEF_PARAM, &a->loc);
  g_ptr_array_add (t->cur->params, (gpointer) a->name);
}

static void
visit_arguments_defaults (HsScopeTable *t,
                          HsArguments  *args)
{
  if (args == NULL)
    return;
  visit_exprs (t, &args->defaults);
  visit_exprs (t, &args->kw_defaults);
  /* Annotations are evaluated too, but Heapscope ignores them. */
}

static void
visit_params (HsScopeTable *t,
              HsArguments  *args)
{
  if (args == NULL)
    return;
  for (int i = 0; i < args->posonlyargs.len; i++)
    add_param (t, args->posonlyargs.items[i]);
  for (int i = 0; i < args->args.len; i++)
    add_param (t, args->args.items[i]);
  for (int i = 0; i < args->kwonlyargs.len; i++)
    add_param (t, args->kwonlyargs.items[i]);
  if (args->vararg != NULL)
    add_param (t, args->vararg);
  if (args->kwarg != NULL)
    add_param (t, args->kwarg);
}

static void
enter (HsScopeTable *t,
       HsNameScope  *s)
{
  if (++t->depth > 200)
    scope_error (t, &s->loc, "too many nested scopes");
  t->cur = s;
}

static void
leave (HsScopeTable *t)
{
  t->depth--;
  t->cur = t->cur->parent;
}

static void
visit_comprehension (HsScopeTable *t,
                     HsExpr       *e,
                     const char   *name)
{
  HsComprehensionList *gens = &e->v.comp.generators;
  HsNameScope *s;

  /* The outermost iterable is evaluated in the enclosing scope. */
  visit_expr (t, gens->items[0]->iter);
  s = scope_new (t, HS_NAME_SCOPE_FUNCTION, name, e, &e->loc);
  s->is_comprehension = TRUE;
  s->is_generator = e->kind == HS_EXPR_GENEXP;
  enter (t, s);
  add_def (t, s, g_intern_string (".0"), DEF_PARAM, &e->loc);
  g_ptr_array_add (s->params, (gpointer) g_intern_string (".0"));
  for (int i = 0; i < gens->len; i++)
    {
      HsComprehension *g = gens->items[i];

      visit_expr (t, g->target);
      if (i > 0)
        visit_expr (t, g->iter);
      visit_exprs (t, &g->ifs);
    }
  if (e->kind == HS_EXPR_DICTCOMP)
    {
      visit_expr (t, e->v.comp.key);
      visit_expr (t, e->v.comp.value);
    }
  else
    visit_expr (t, e->v.comp.elt);
  leave (t);
}

static void
visit_name (HsScopeTable *t,
            HsExpr       *e)
{
  const char *id = e->v.name.id;
  HsNameScope *s = t->cur;

  if (e->v.name.ctx == HS_CTX_LOAD)
    {
      add_def (t, s, id, USE, &e->loc);
      /* super() needs the class cell (CPython's implicit __class__). */
      if (s->type == HS_NAME_SCOPE_FUNCTION && strcmp (id, "super") == 0)
        add_def (t, s, g_intern_string ("__class__"), USE, &e->loc);
    }
  else
    add_def (t, s, id, DEF_LOCAL, &e->loc);
}

static void
visit_expr (HsScopeTable *t,
            HsExpr       *e)
{
  if (e == NULL)
    return;
  if (hs_stack_remaining () == 0)
    scope_error (t, &e->loc, "expression too deeply nested");
  switch (e->kind)
    {
    case HS_EXPR_BOOLOP:
      visit_exprs (t, &e->v.boolop.values);
      break;
    case HS_EXPR_NAMEDEXPR:
      {
        /* The target binds in the nearest non-comprehension scope. */
        HsNameScope *s = t->cur;

        visit_expr (t, e->v.namedexpr.value);
        while (s->is_comprehension)
          s = s->parent;
        if (s->type == HS_NAME_SCOPE_CLASS)
          scope_error (t, &e->loc,
                       "assignment expression within a comprehension cannot be used in a class body");
        add_def (t, s, e->v.namedexpr.target->v.name.id, DEF_LOCAL, &e->loc);
        if (s != t->cur)
          add_def (t, t->cur, e->v.namedexpr.target->v.name.id, USE, &e->loc);
      }
      break;
    case HS_EXPR_BINOP:
      visit_expr (t, e->v.binop.left);
      visit_expr (t, e->v.binop.right);
      break;
    case HS_EXPR_UNARYOP:
      visit_expr (t, e->v.unaryop.operand);
      break;
    case HS_EXPR_LAMBDA:
      {
        HsNameScope *s;

        visit_arguments_defaults (t, e->v.lambda.args);
        s = scope_new (t, HS_NAME_SCOPE_FUNCTION, "<lambda>", e, &e->loc);
        enter (t, s);
        visit_params (t, e->v.lambda.args);
        visit_expr (t, e->v.lambda.body);
        leave (t);
      }
      break;
    case HS_EXPR_IFEXP:
      visit_expr (t, e->v.ifexp.test);
      visit_expr (t, e->v.ifexp.body);
      visit_expr (t, e->v.ifexp.orelse);
      break;
    case HS_EXPR_DICT:
      visit_exprs (t, &e->v.dict.keys);
      visit_exprs (t, &e->v.dict.values);
      break;
    case HS_EXPR_SET:
    case HS_EXPR_LIST:
    case HS_EXPR_TUPLE:
    case HS_EXPR_JOINEDSTR:
      visit_exprs (t, &e->v.seq.elts);
      break;
    case HS_EXPR_LISTCOMP:
      visit_comprehension (t, e, "<listcomp>");
      break;
    case HS_EXPR_SETCOMP:
      visit_comprehension (t, e, "<setcomp>");
      break;
    case HS_EXPR_DICTCOMP:
      visit_comprehension (t, e, "<dictcomp>");
      break;
    case HS_EXPR_GENEXP:
      visit_comprehension (t, e, "<genexpr>");
      break;
    case HS_EXPR_YIELD:
    case HS_EXPR_YIELDFROM:
      visit_expr (t, e->v.yield.value);
      if (t->cur->type == HS_NAME_SCOPE_FUNCTION)
        {
          if (t->cur->is_comprehension)
            scope_error (t, &e->loc, "'yield' inside %s", t->cur->name[1] == 'g'
                                                            ? "generator expression"
                                                            : t->cur->name[1] == 'l'
                                                            ? "list comprehension"
                                                            : t->cur->name[1] == 's'
                                                            ? "set comprehension"
                                                            : "dict comprehension");
          t->cur->is_generator = TRUE;
        }
      break;
    case HS_EXPR_COMPARE:
      visit_expr (t, e->v.compare.left);
      for (int i = 0; i < e->v.compare.n; i++)
        visit_expr (t, e->v.compare.comparators[i]);
      break;
    case HS_EXPR_CALL:
      visit_expr (t, e->v.call.func);
      visit_exprs (t, &e->v.call.args);
      for (int i = 0; i < e->v.call.keywords.len; i++)
        visit_expr (t, e->v.call.keywords.items[i]->value);
      break;
    case HS_EXPR_FORMATTEDVALUE:
      visit_expr (t, e->v.formatted.value);
      visit_expr (t, e->v.formatted.format_spec);
      break;
    case HS_EXPR_CONSTANT:
      break;
    case HS_EXPR_ATTRIBUTE:
      visit_expr (t, e->v.attribute.value);
      break;
    case HS_EXPR_SUBSCRIPT:
      visit_expr (t, e->v.subscript.value);
      visit_expr (t, e->v.subscript.slice);
      break;
    case HS_EXPR_STARRED:
      visit_expr (t, e->v.starred.value);
      break;
    case HS_EXPR_NAME:
      visit_name (t, e);
      break;
    case HS_EXPR_SLICE:
      visit_expr (t, e->v.slice.lower);
      visit_expr (t, e->v.slice.upper);
      visit_expr (t, e->v.slice.step);
      break;
    }
}

static void
declare (HsScopeTable *t,
         HsStmt       *s,
         guint         flag)
{
  HsNameScope *cur = t->cur;
  const char *what = flag == DEF_GLOBAL ? "global" : "nonlocal";

  if (flag == DEF_NONLOCAL && cur->type == HS_NAME_SCOPE_MODULE)
    scope_error (t, &s->loc, "nonlocal declaration not allowed at module level");
  for (int i = 0; i < s->v.global.names.len; i++)
    {
      const char *name = s->v.global.names.items[i];
      guint old = get_flags (cur, name);

      if (old & (USE | DEF_LOCAL | DEF_PARAM | DEF_IMPORT))
        {
          if (old & DEF_PARAM)
            scope_error (t, &s->loc, "name '%s' is parameter and %s", name, what);
          if (old & USE)
            scope_error (t, &s->loc, "name '%s' is used prior to %s declaration", name, what);
          scope_error (t, &s->loc, "name '%s' is assigned to before %s declaration", name, what);
        }
      if ((flag == DEF_GLOBAL && (old & DEF_NONLOCAL)) || (flag == DEF_NONLOCAL && (old & DEF_GLOBAL)))
        scope_error (t, &s->loc, "name '%s' is nonlocal and global", name);
      add_def (t, cur, name, flag, &s->loc);
    }
}

static void
visit_stmt (HsScopeTable *t,
            HsStmt       *s)
{
  if (hs_stack_remaining () == 0)
    scope_error (t, &s->loc, "statements too deeply nested");
  switch (s->kind)
    {
    case HS_STMT_FUNCTIONDEF:
      {
        HsNameScope *f;

        visit_exprs (t, &s->v.functiondef.decorators);
        visit_arguments_defaults (t, s->v.functiondef.args);
        add_def (t, t->cur, s->v.functiondef.name, DEF_LOCAL, &s->loc);
        f = scope_new (t, HS_NAME_SCOPE_FUNCTION, s->v.functiondef.name, s, &s->loc);
        enter (t, f);
        visit_params (t, s->v.functiondef.args);
        visit_stmts (t, &s->v.functiondef.body);
        leave (t);
      }
      break;
    case HS_STMT_CLASSDEF:
      {
        HsNameScope *c;

        visit_exprs (t, &s->v.classdef.decorators);
        visit_exprs (t, &s->v.classdef.bases);
        for (int i = 0; i < s->v.classdef.keywords.len; i++)
          visit_expr (t, s->v.classdef.keywords.items[i]->value);
        add_def (t, t->cur, s->v.classdef.name, DEF_LOCAL, &s->loc);
        c = scope_new (t, HS_NAME_SCOPE_CLASS, s->v.classdef.name, s, &s->loc);
        enter (t, c);
        visit_stmts (t, &s->v.classdef.body);
        leave (t);
      }
      break;
    case HS_STMT_RETURN:
      visit_expr (t, s->v.ret.value);
      break;
    case HS_STMT_DELETE:
      visit_exprs (t, &s->v.del.targets);
      break;
    case HS_STMT_ASSIGN:
      visit_exprs (t, &s->v.assign.targets);
      visit_expr (t, s->v.assign.value);
      break;
    case HS_STMT_AUGASSIGN:
      visit_expr (t, s->v.augassign.target);
      visit_expr (t, s->v.augassign.value);
      if (s->v.augassign.target->kind == HS_EXPR_NAME)
        add_def (t, t->cur, s->v.augassign.target->v.name.id, USE, &s->loc);
      break;
    case HS_STMT_ANNASSIGN:
      visit_expr (t, s->v.annassign.target);
      visit_expr (t, s->v.annassign.value);
      break;
    case HS_STMT_FOR:
      visit_expr (t, s->v.for_.target);
      visit_expr (t, s->v.for_.iter);
      visit_stmts (t, &s->v.for_.body);
      visit_stmts (t, &s->v.for_.orelse);
      break;
    case HS_STMT_WHILE:
      visit_expr (t, s->v.while_.test);
      visit_stmts (t, &s->v.while_.body);
      visit_stmts (t, &s->v.while_.orelse);
      break;
    case HS_STMT_IF:
      visit_expr (t, s->v.if_.test);
      visit_stmts (t, &s->v.if_.body);
      visit_stmts (t, &s->v.if_.orelse);
      break;
    case HS_STMT_WITH:
      for (int i = 0; i < s->v.with.items.len; i++)
        {
          visit_expr (t, s->v.with.items.items[i]->context_expr);
          visit_expr (t, s->v.with.items.items[i]->optional_vars);
        }
      visit_stmts (t, &s->v.with.body);
      break;
    case HS_STMT_RAISE:
      visit_expr (t, s->v.raise.exc);
      visit_expr (t, s->v.raise.cause);
      break;
    case HS_STMT_TRY:
      visit_stmts (t, &s->v.try_.body);
      for (int i = 0; i < s->v.try_.handlers.len; i++)
        {
          HsExceptHandler *h = s->v.try_.handlers.items[i];

          visit_expr (t, h->type);
          if (h->name != NULL)
            add_def (t, t->cur, h->name, DEF_LOCAL, &h->loc);
          visit_stmts (t, &h->body);
        }
      visit_stmts (t, &s->v.try_.orelse);
      visit_stmts (t, &s->v.try_.finalbody);
      break;
    case HS_STMT_ASSERT:
      visit_expr (t, s->v.assert_.test);
      visit_expr (t, s->v.assert_.msg);
      break;
    case HS_STMT_IMPORT:
      for (int i = 0; i < s->v.import.names.len; i++)
        {
          HsAlias *a = s->v.import.names.items[i];
          const char *store = a->asname;

          if (store == NULL)
            {
              const char *dot = strchr (a->name, '.');

              store = a->name;
              if (dot != NULL)
                {
                  /* g_intern_string() keeps its own copy. */
                  char *head = g_strndup (a->name, dot - a->name);

                  store = g_intern_string (head);
                  g_free (head);
                }
            }
          add_def (t, t->cur, store, DEF_IMPORT, &s->loc);
        }
      break;
    case HS_STMT_IMPORTFROM:
      for (int i = 0; i < s->v.importfrom.names.len; i++)
        {
          HsAlias *a = s->v.importfrom.names.items[i];

          if (strcmp (a->name, "*") == 0)
            continue;
          add_def (t, t->cur, a->asname != NULL ? a->asname : a->name, DEF_IMPORT, &s->loc);
        }
      break;
    case HS_STMT_GLOBAL:
      declare (t, s, DEF_GLOBAL);
      break;
    case HS_STMT_NONLOCAL:
      declare (t, s, DEF_NONLOCAL);
      break;
    case HS_STMT_EXPR:
      visit_expr (t, s->v.expr.value);
      break;
    case HS_STMT_PASS:
    case HS_STMT_BREAK:
    case HS_STMT_CONTINUE:
      break;
    }
}

static void
visit_stmts (HsScopeTable *t,
             HsStmtList   *body)
{
  for (int i = 0; i < body->len; i++)
    visit_stmt (t, body->items[i]);
}

/* Pass 2 --------------------------------------------------------------------- */

static void
set_kind (HsNameScope *s,
          const char  *name,
          HsNameKind   kind)
{
  g_hash_table_insert (s->resolved, (gpointer) name, GINT_TO_POINTER (kind + 1));
}

/* A set of names, freed with the table even when an error unwinds. */
static GHashTable *
name_set_new (HsScopeTable *t)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_add (t->sets, set);
  return set;
}

/* @bound: names bound in enclosing function scopes; @global: declared global
 * above. Returns the set of free names this scope needs from outside. */
static GHashTable *
analyze (HsScopeTable *t,
         HsNameScope  *s,
         GHashTable   *bound,
         GHashTable   *global)
{
  GHashTable *local = name_set_new (t);
  GHashTable *newbound = name_set_new (t);
  GHashTable *newglobal = name_set_new (t);
  GHashTable *free_names = name_set_new (t);
  GHashTable *child_free = name_set_new (t);
  GHashTableIter it;
  gpointer key;

  g_hash_table_iter_init (&it, global);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_hash_table_add (newglobal, key);

  for (guint i = 0; i < s->order->len; i++)
    {
      const char *name = g_ptr_array_index (s->order, i);
      guint flags = get_flags (s, name);

      if (flags & DEF_GLOBAL)
        {
          set_kind (s, name, HS_NAME_GLOBAL_EXPLICIT);
          g_hash_table_add (newglobal, (gpointer) name);
        }
      else if (flags & DEF_NONLOCAL)
        {
          if (!g_hash_table_contains (bound, name))
            scope_error (t, &s->loc, "no binding for nonlocal '%s' found", name);
          set_kind (s, name, HS_NAME_FREE);
          g_hash_table_add (free_names, (gpointer) name);
        }
      else if (flags & DEF_BOUND)
        {
          set_kind (s, name, HS_NAME_LOCAL);
          g_hash_table_add (local, (gpointer) name);
          g_hash_table_remove (newglobal, name);
        }
      else if (g_hash_table_contains (bound, name) && s->type != HS_NAME_SCOPE_MODULE)
        {
          set_kind (s, name, HS_NAME_FREE);
          g_hash_table_add (free_names, (gpointer) name);
        }
      else
        set_kind (s, name, HS_NAME_GLOBAL_IMPLICIT);
    }

  /* What children may see: enclosing function locals (not class names). */
  g_hash_table_iter_init (&it, bound);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_hash_table_add (newbound, key);
  if (s->type == HS_NAME_SCOPE_FUNCTION)
    {
      g_hash_table_iter_init (&it, local);
      while (g_hash_table_iter_next (&it, &key, NULL))
        {
          g_hash_table_add (newbound, key);
          g_hash_table_remove (newglobal, key);
        }
    }
  if (s->type == HS_NAME_SCOPE_CLASS)
    g_hash_table_add (newbound, (gpointer) g_intern_string ("__class__"));

  for (guint i = 0; i < s->children->len; i++)
    {
      HsNameScope *child = g_ptr_array_index (s->children, i);
      GHashTable *cf = analyze (t, child, newbound, newglobal);

      g_hash_table_iter_init (&it, cf);
      while (g_hash_table_iter_next (&it, &key, NULL))
        g_hash_table_add (child_free, key);
    }

  /* Names free in children: cells if local here, else free here too. */
  g_hash_table_iter_init (&it, child_free);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      const char *name = key;

      if (s->type == HS_NAME_SCOPE_CLASS && strcmp (name, "__class__") == 0)
        {
          s->needs_class_cell = TRUE;
          continue;
        }
      if (s->type == HS_NAME_SCOPE_FUNCTION && g_hash_table_contains (local, name))
        {
          set_kind (s, name, HS_NAME_CELL);
          continue;
        }
      if (s->type == HS_NAME_SCOPE_MODULE)
        continue;
      /* Passing through: a class or function that does not bind it. */
      if (!g_hash_table_contains (s->resolved, name))
        g_ptr_array_add (s->order, (gpointer) name);
      if (g_hash_table_lookup (s->resolved, name) == NULL
          || GPOINTER_TO_INT (g_hash_table_lookup (s->resolved, name)) - 1 != HS_NAME_LOCAL
          || s->type == HS_NAME_SCOPE_CLASS)
        {
          gint kind = GPOINTER_TO_INT (g_hash_table_lookup (s->resolved, name)) - 1;

          if (s->type == HS_NAME_SCOPE_CLASS && kind == HS_NAME_LOCAL)
            {
              /* A class binding a name a method uses freely: both exist. */
              g_hash_table_add (free_names, (gpointer) name);
              continue;
            }
          set_kind (s, name, HS_NAME_FREE);
          g_hash_table_add (free_names, (gpointer) name);
        }
    }
  if (s->needs_class_cell)
    set_kind (s, g_intern_string ("__class__"), HS_NAME_CELL);

  /* Ordered cell and free lists. */
  {
    GHashTableIter it2;
    gpointer k, v;

    g_hash_table_iter_init (&it2, s->resolved);
    while (g_hash_table_iter_next (&it2, &k, &v))
      {
        int kind = GPOINTER_TO_INT (v) - 1;

        if (kind == HS_NAME_CELL)
          g_ptr_array_add (s->cells, k);
        else if (kind == HS_NAME_FREE)
          g_ptr_array_add (s->frees, k);
      }
    if (s->type == HS_NAME_SCOPE_CLASS)
      {
        GHashTableIter it3;

        g_hash_table_iter_init (&it3, free_names);
        while (g_hash_table_iter_next (&it3, &k, NULL))
          if (GPOINTER_TO_INT (g_hash_table_lookup (s->resolved, k)) - 1 == HS_NAME_LOCAL)
            g_ptr_array_add (s->frees, k);
      }
  }
  return free_names;
}

/* API ------------------------------------------------------------------------ */

HsScopeTable *
hs_scope_table_build (HsModule      *module,
                      HsArena       *arena,
                      HsDiagnostic **error)
{
  HsScopeTable *t = g_new0 (HsScopeTable, 1);
  HsNameScope *top;

  t->module = module;
  t->by_node = g_hash_table_new (NULL, NULL);
  t->all = g_ptr_array_new_with_free_func ((GDestroyNotify) scope_free);
  t->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  if (setjmp (t->bail) != 0)
    {
      *error = t->error;
      t->error = NULL;
      hs_scope_table_free (t);
      return NULL;
    }
  top = scope_new (t, HS_NAME_SCOPE_MODULE, "<module>", module, NULL);
  t->cur = top;
  visit_stmts (t, &module->body);
  analyze (t, top, name_set_new (t), name_set_new (t));
  g_ptr_array_set_size (t->sets, 0);
  return t;
}

void
hs_scope_table_free (HsScopeTable *t)
{
  if (t == NULL)
    return;
  g_hash_table_unref (t->by_node);
  g_ptr_array_unref (t->all);
  g_ptr_array_unref (t->sets);
  g_clear_pointer (&t->error, hs_diagnostic_free);
  g_free (t);
}

HsNameScope *
hs_scope_table_lookup (HsScopeTable  *t,
                       gconstpointer  node)
{
  return g_hash_table_lookup (t->by_node, node);
}

HsNameKind
hs_name_scope_resolve (HsNameScope *s,
                       const char  *name)
{
  gpointer v = g_hash_table_lookup (s->resolved, name);

  if (v == NULL)
    return s->type == HS_NAME_SCOPE_FUNCTION ? HS_NAME_GLOBAL_IMPLICIT : HS_NAME_GLOBAL_IMPLICIT;
  return GPOINTER_TO_INT (v) - 1;
}

void
hs_name_scope_get_info (HsNameScope     *s,
                        HsNameScopeInfo *info)
{
  info->type = s->type;
  info->params = (const char **) s->params->pdata;
  info->n_params = s->params->len;
  info->cellvars = (const char **) s->cells->pdata;
  info->n_cellvars = s->cells->len;
  info->freevars = (const char **) s->frees->pdata;
  info->n_freevars = s->frees->len;
  info->is_generator = s->is_generator;
  info->needs_class_cell = s->needs_class_cell;
}
