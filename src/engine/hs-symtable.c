/* hs-symtable.c — scopes and symbols, as CPython 3.11's Python/symtable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three passes, the first two as in CPython (the third is in
 * hs-symtable-check.c):
 *  1. visit: walk the tree, open a scope per def/class/lambda/comprehension
 *     and record how each scope uses each name (DEF_* flags);
 *  2. analyze: from the top down, decide LOCAL/GLOBAL/FREE/CELL for every
 *     name (analyze_block() & co, kept close to the original);
 *  3. check: the compile-time errors CPython's compiler would raise first
 *     ('return' outside function, 'break' outside loop, ...).
 * Scopes and symbols live in the arena; the hash tables and arrays that
 * index them are freed by hs_symtable_free().
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hs-symtable-private.h"

#define SCOPE(s) ((Scope *) (s))

/* Errors -------------------------------------------------------------- */

/* CPython's PyErr_RangedSyntaxLocationObject(): columns + 1, and in file
 * mode the source line as the text. Only the first error counts. */
void
_hs_symtable_error (HsSymTable  *st,
                    const HsLoc *loc,
                    const char  *format,
                    ...)
{
  HsDiagnostic *diag;
  va_list args;

  if (st->error != NULL)
    return;

  diag = g_new0 (HsDiagnostic, 1);
  diag->kind = HS_DIAG_SYNTAX_ERROR;
  diag->filename = g_strdup (st->mod->filename);
  diag->line = loc->line;
  diag->col = loc->col + 1;
  diag->end_line = loc->end_line;
  diag->end_col = loc->end_col + 1;
  if (loc->line >= 1 && loc->line <= st->mod->n_lines)
    diag->text = g_strdup (st->mod->lines[loc->line - 1]);
  va_start (args, format);
  diag->message = g_strdup_vprintf (format, args);
  va_end (args);
  st->error = diag;
}

/* Names ---------------------------------------------------------------- */

/**
 * hs_symtable_mangle:
 * @private_name: (nullable): the enclosing class's name
 * @name: an identifier
 *
 * CPython's _Py_Mangle(): inside class C, `__x` becomes `_C__x`, but not
 * `__x__`, dotted names, or when C is all underscores.
 *
 * Returns: (transfer full) (nullable): the mangled name, or %NULL when
 *   @name stays as it is
 */
char *
hs_symtable_mangle (const char *private_name,
                    const char *name)
{
  gsize len;

  if (private_name == NULL || name[0] != '_' || name[1] != '_')
    return NULL;
  len = strlen (name);
  if ((name[len - 1] == '_' && name[len - 2] == '_') || strchr (name, '.') != NULL)
    return NULL;
  while (*private_name == '_')
    private_name++;
  if (*private_name == '\0')
    return NULL;
  return g_strconcat ("_", private_name, name, NULL);
}

static const char *
mangle (HsSymTable *st,
        const char *name)
{
  g_autofree char *mangled = hs_symtable_mangle (st->private_name, name);

  return mangled ? hs_arena_strdup (st->arena, mangled) : name;
}

static HsSymbol *
lookup (Scope      *s,
        const char *name)
{
  return g_hash_table_lookup (s->symbols, name);
}

static HsSymFlags
symbol_flags (Scope      *s,
              const char *name)
{
  HsSymbol *sym = lookup (s, name);

  return sym ? sym->flags : 0;
}

/* symtable_add_def_helper() */
static void
add_def_in (HsSymTable  *st,
            Scope       *s,
            const char  *name,
            HsSymFlags   flag,
            const HsLoc *loc)
{
  const char *mangled = mangle (st, name);
  HsSymbol *sym = lookup (s, mangled);
  HsSymFlags val;

  if (st->error != NULL)
    return;

  if (sym != NULL)
    {
      if ((flag & HS_DEF_PARAM) && (sym->flags & HS_DEF_PARAM))
        {
          _hs_symtable_error (st, loc, "duplicate argument '%s' in function definition", name);
          return;
        }
      val = sym->flags | flag;
    }
  else
    val = flag;

  if (s->comp_iter_target)
    {
      /* An iteration variable: it must not be one a walrus declared. */
      if (val & (HS_DEF_GLOBAL | HS_DEF_NONLOCAL))
        {
          _hs_symtable_error (st, loc, "comprehension inner loop cannot rebind assignment "
                    "expression target '%s'", name);
          return;
        }
      val |= HS_DEF_COMP_ITER;
    }

  if (sym == NULL)
    {
      sym = hs_arena_new0 (st->arena, HsSymbol);
      sym->name = mangled;
      g_hash_table_insert (s->symbols, (gpointer) mangled, sym);
      g_ptr_array_add (s->symbol_order, sym);
    }
  sym->flags = val;
  if (flag & HS_DEF_PARAM)
    g_ptr_array_add (s->varnames, (gpointer) mangled);
  else if ((flag & HS_DEF_GLOBAL) && s != st->top)
    {
      /* CPython's st_global is the module's own symbol dict. */
      HsSymbol *global = lookup (st->top, mangled);

      if (global == NULL)
        {
          global = hs_arena_new0 (st->arena, HsSymbol);
          global->name = mangled;
          g_hash_table_insert (st->top->symbols, (gpointer) mangled, global);
          g_ptr_array_add (st->top->symbol_order, global);
        }
      global->flags |= flag;
    }
}

static void
add_def (HsSymTable  *st,
         const char  *name,
         HsSymFlags   flag,
         const HsLoc *loc)
{
  add_def_in (st, st->cur, name, flag, loc);
}

static void
record_directive (HsSymTable  *st,
                  const char  *name,
                  const HsLoc *loc)
{
  Directive d = { mangle (st, name), *loc };

  g_array_append_val (st->cur->directives, d);
}

/* error_at_directive(): where the global/nonlocal statement for @name is */
static const HsLoc *
directive_loc (Scope      *s,
               const char *name)
{
  for (guint i = 0; i < s->directives->len; i++)
    {
      Directive *d = &g_array_index (s->directives, Directive, i);

      if (strcmp (d->name, name) == 0)
        return &d->loc;
    }
  return &s->pub.loc;
}

/* Scopes -------------------------------------------------------------- */

static Scope *
enter_block (HsSymTable    *st,
             const char    *name,
             HsScopeType    type,
             gconstpointer  node,
             const HsLoc   *loc)
{
  Scope *s = hs_arena_new0 (st->arena, Scope);
  Scope *prev = st->cur;

  s->pub.type = type;
  s->pub.name = name;
  s->pub.node = node;
  s->pub.parent = prev ? &prev->pub : NULL;
  s->pub.private_name = st->private_name;
  if (loc != NULL)
    s->pub.loc = *loc;
  s->symbols = g_hash_table_new (g_str_hash, g_str_equal);
  s->symbol_order = g_ptr_array_new ();
  s->varnames = g_ptr_array_new ();
  s->children = g_ptr_array_new ();
  s->directives = g_array_new (FALSE, FALSE, sizeof (Directive));
  s->cellvars = g_ptr_array_new ();
  s->freevars = g_ptr_array_new ();
  if (prev != NULL && (prev->nested || prev->pub.type == HS_SCOPE_FUNCTION))
    s->nested = TRUE;

  g_ptr_array_add (st->scopes, s);
  g_hash_table_insert (st->by_node, (gpointer) node, s);
  if (prev != NULL)
    g_ptr_array_add (prev->children, s);
  g_ptr_array_add (st->stack, s);
  st->cur = s;
  return s;
}

static void
exit_block (HsSymTable *st)
{
  g_ptr_array_set_size (st->stack, st->stack->len - 1);
  st->cur = st->stack->len > 0 ? g_ptr_array_index (st->stack, st->stack->len - 1) : NULL;
}

/* Pass 1: visit ------------------------------------------------------------ */

static void visit_expr  (HsSymTable *st,
                         HsExpr     *e);
static void visit_stmts (HsSymTable *st,
                         HsStmtList *body);

static void
visit_exprs (HsSymTable *st,
             HsExprList *list)
{
  for (int i = 0; i < list->len && st->error == NULL; i++)
    if (list->items[i] != NULL)
      visit_expr (st, list->items[i]);
}

static void
visit_params (HsSymTable *st,
              HsArgList  *args)
{
  for (int i = 0; i < args->len; i++)
    add_def (st, args->items[i]->name, HS_DEF_PARAM, &args->items[i]->loc);
}

/* symtable_visit_arguments(), in the function's own scope */
static void
visit_arguments (HsSymTable  *st,
                 HsArguments *a)
{
  Scope *s = st->cur;

  visit_params (st, &a->posonlyargs);
  visit_params (st, &a->args);
  visit_params (st, &a->kwonlyargs);
  if (a->vararg != NULL)
    {
      add_def (st, a->vararg->name, HS_DEF_PARAM, &a->vararg->loc);
      s->pub.has_varargs = TRUE;
    }
  if (a->kwarg != NULL)
    {
      add_def (st, a->kwarg->name, HS_DEF_PARAM, &a->kwarg->loc);
      s->pub.has_varkeywords = TRUE;
    }
  s->n_posonly = a->posonlyargs.len;
  s->n_args = a->posonlyargs.len + a->args.len;
  s->n_kwonly = a->kwonlyargs.len;
}

/* symtable_visit_annotations(): evaluated in the enclosing scope */
static void
visit_annotations (HsSymTable  *st,
                   HsArguments *a,
                   HsExpr      *returns)
{
  for (int i = 0; i < a->posonlyargs.len; i++)
    visit_expr (st, a->posonlyargs.items[i]->annotation);
  for (int i = 0; i < a->args.len; i++)
    visit_expr (st, a->args.items[i]->annotation);
  if (a->vararg != NULL)
    visit_expr (st, a->vararg->annotation);
  if (a->kwarg != NULL)
    visit_expr (st, a->kwarg->annotation);
  for (int i = 0; i < a->kwonlyargs.len; i++)
    visit_expr (st, a->kwonlyargs.items[i]->annotation);
  visit_expr (st, returns);
}

/* symtable_extend_namedexpr_scope(): a walrus in a comprehension binds in
 * the nearest enclosing function or module. */
static void
extend_namedexpr_scope (HsSymTable *st,
                        HsExpr     *target)
{
  const char *name = target->v.name.id;

  for (int i = st->stack->len - 1; i >= 0; i--)
    {
      Scope *s = g_ptr_array_index (st->stack, i);

      if (s->pub.comprehension != HS_COMP_NONE)
        {
          if (symbol_flags (s, name) & HS_DEF_COMP_ITER)
            {
              _hs_symtable_error (st, &target->loc, "assignment expression cannot rebind "
                        "comprehension iteration variable '%s'", name);
              return;
            }
          continue;
        }
      if (s->pub.type == HS_SCOPE_FUNCTION)
        {
          if (symbol_flags (s, name) & HS_DEF_GLOBAL)
            add_def (st, name, HS_DEF_GLOBAL, &target->loc);
          else
            add_def (st, name, HS_DEF_NONLOCAL, &target->loc);
          record_directive (st, name, &target->loc);
          add_def_in (st, s, name, HS_DEF_LOCAL, &target->loc);
          return;
        }
      if (s->pub.type == HS_SCOPE_MODULE)
        {
          add_def (st, name, HS_DEF_GLOBAL, &target->loc);
          record_directive (st, name, &target->loc);
          add_def_in (st, s, name, HS_DEF_GLOBAL, &target->loc);
          return;
        }
      /* A class body */
      _hs_symtable_error (st, &target->loc, "assignment expression within a comprehension "
                "cannot be used in a class body");
      return;
    }
}

static void
visit_namedexpr (HsSymTable *st,
                 HsExpr     *e)
{
  if (st->cur->comp_iter_expr > 0)
    {
      _hs_symtable_error (st, &e->loc,
                "assignment expression cannot be used in a comprehension iterable expression");
      return;
    }
  if (st->cur->pub.comprehension != HS_COMP_NONE)
    extend_namedexpr_scope (st, e->v.namedexpr.target);
  visit_expr (st, e->v.namedexpr.value);
  visit_expr (st, e->v.namedexpr.target);
}

static void
visit_comprehension_clause (HsSymTable      *st,
                            HsComprehension *c,
                            gboolean         outermost)
{
  Scope *s = st->cur;

  s->comp_iter_target = TRUE;
  visit_expr (st, c->target);
  s->comp_iter_target = FALSE;
  if (!outermost)
    {
      s->comp_iter_expr++;
      visit_expr (st, c->iter);
      s->comp_iter_expr--;
    }
  visit_exprs (st, &c->ifs);
}

/* symtable_handle_comprehension() */
static void
visit_comprehension (HsSymTable *st,
                     HsExpr     *e)
{
  HsComprehensionList *gens = &e->v.comp.generators;
  const char *name;
  HsComprehensionKind kind;
  Scope *s;

  /* The outermost iterable is evaluated in the enclosing scope. */
  st->cur->comp_iter_expr++;
  visit_expr (st, gens->items[0]->iter);
  st->cur->comp_iter_expr--;

  switch (e->kind)
    {
    case HS_EXPR_LISTCOMP: name = "listcomp"; kind = HS_COMP_LIST; break;
    case HS_EXPR_SETCOMP:  name = "setcomp";  kind = HS_COMP_SET; break;
    case HS_EXPR_DICTCOMP: name = "dictcomp"; kind = HS_COMP_DICT; break;
    default:               name = "genexpr";  kind = HS_COMP_GENEXP; break;
    }
  s = enter_block (st, name, HS_SCOPE_FUNCTION, e, &e->loc);
  s->pub.comprehension = kind;

  /* The outermost iterator arrives as the implicit argument ".0". */
  add_def (st, ".0", HS_DEF_PARAM, &e->loc);
  s->n_args = 1;
  for (int i = 0; i < gens->len; i++)
    visit_comprehension_clause (st, gens->items[i], i == 0);
  if (e->kind == HS_EXPR_DICTCOMP)
    {
      visit_expr (st, e->v.comp.value);
      visit_expr (st, e->v.comp.key);
    }
  else
    visit_expr (st, e->v.comp.elt);
  s->pub.is_generator = kind == HS_COMP_GENEXP;
  exit_block (st);
}

static void
visit_yield (HsSymTable *st,
             HsExpr     *e)
{
  Scope *s = st->cur;

  visit_expr (st, e->v.yield.value);
  s->pub.is_generator = TRUE;
  switch (s->pub.comprehension)
    {
    case HS_COMP_LIST:
      _hs_symtable_error (st, &e->loc, "'yield' inside list comprehension");
      break;
    case HS_COMP_SET:
      _hs_symtable_error (st, &e->loc, "'yield' inside set comprehension");
      break;
    case HS_COMP_DICT:
      _hs_symtable_error (st, &e->loc, "'yield' inside dict comprehension");
      break;
    case HS_COMP_GENEXP:
      _hs_symtable_error (st, &e->loc, "'yield' inside generator expression");
      break;
    default:
      break;
    }
}

static void
visit_expr (HsSymTable *st,
            HsExpr     *e)
{
  if (e == NULL || st->error != NULL)
    return;

  switch (e->kind)
    {
    case HS_EXPR_NAMEDEXPR:
      visit_namedexpr (st, e);
      break;
    case HS_EXPR_BOOLOP:
      visit_exprs (st, &e->v.boolop.values);
      break;
    case HS_EXPR_BINOP:
      visit_expr (st, e->v.binop.left);
      visit_expr (st, e->v.binop.right);
      break;
    case HS_EXPR_UNARYOP:
      visit_expr (st, e->v.unaryop.operand);
      break;
    case HS_EXPR_LAMBDA:
      {
        Scope *s;

        visit_exprs (st, &e->v.lambda.args->defaults);
        visit_exprs (st, &e->v.lambda.args->kw_defaults);
        s = enter_block (st, "lambda", HS_SCOPE_FUNCTION, e, &e->loc);
        s->pub.is_lambda = TRUE;
        visit_arguments (st, e->v.lambda.args);
        visit_expr (st, e->v.lambda.body);
        exit_block (st);
      }
      break;
    case HS_EXPR_IFEXP:
      visit_expr (st, e->v.ifexp.test);
      visit_expr (st, e->v.ifexp.body);
      visit_expr (st, e->v.ifexp.orelse);
      break;
    case HS_EXPR_DICT:
      visit_exprs (st, &e->v.dict.keys);
      visit_exprs (st, &e->v.dict.values);
      break;
    case HS_EXPR_SET:
    case HS_EXPR_JOINEDSTR:
    case HS_EXPR_LIST:
    case HS_EXPR_TUPLE:
      visit_exprs (st, &e->v.seq.elts);
      break;
    case HS_EXPR_LISTCOMP:
    case HS_EXPR_SETCOMP:
    case HS_EXPR_DICTCOMP:
    case HS_EXPR_GENEXP:
      visit_comprehension (st, e);
      break;
    case HS_EXPR_YIELD:
    case HS_EXPR_YIELDFROM:
      visit_yield (st, e);
      break;
    case HS_EXPR_COMPARE:
      visit_expr (st, e->v.compare.left);
      for (int i = 0; i < e->v.compare.n; i++)
        visit_expr (st, e->v.compare.comparators[i]);
      break;
    case HS_EXPR_CALL:
      visit_expr (st, e->v.call.func);
      visit_exprs (st, &e->v.call.args);
      for (int i = 0; i < e->v.call.keywords.len; i++)
        visit_expr (st, e->v.call.keywords.items[i]->value);
      break;
    case HS_EXPR_FORMATTEDVALUE:
      visit_expr (st, e->v.formatted.value);
      visit_expr (st, e->v.formatted.format_spec);
      break;
    case HS_EXPR_CONSTANT:
      break;
    case HS_EXPR_ATTRIBUTE:
      visit_expr (st, e->v.attribute.value);
      break;
    case HS_EXPR_SUBSCRIPT:
      visit_expr (st, e->v.subscript.value);
      visit_expr (st, e->v.subscript.slice);
      break;
    case HS_EXPR_STARRED:
      visit_expr (st, e->v.starred.value);
      break;
    case HS_EXPR_SLICE:
      visit_expr (st, e->v.slice.lower);
      visit_expr (st, e->v.slice.upper);
      visit_expr (st, e->v.slice.step);
      break;
    case HS_EXPR_NAME:
      add_def (st, e->v.name.id, e->v.name.ctx == HS_CTX_LOAD ? HS_DEF_USE : HS_DEF_LOCAL,
               &e->loc);
      /* super() reads __class__ (the implicit closure of methods) */
      if (e->v.name.ctx == HS_CTX_LOAD && st->cur->pub.type == HS_SCOPE_FUNCTION &&
          strcmp (e->v.name.id, "super") == 0)
        add_def (st, "__class__", HS_DEF_USE, &e->loc);
      break;
    default:
      break;
    }
}

/* global_stmt and nonlocal_stmt */
static void
visit_declaration (HsSymTable *st,
                   HsStmt     *s)
{
  gboolean global = s->kind == HS_STMT_GLOBAL;
  const char *what = global ? "global" : "nonlocal";

  for (int i = 0; i < s->v.global.names.len && st->error == NULL; i++)
    {
      const char *name = s->v.global.names.items[i];
      HsSymFlags cur = symbol_flags (st->cur, mangle (st, name));

      if (cur & (HS_DEF_PARAM | HS_DEF_LOCAL | HS_DEF_USE | HS_DEF_ANNOT))
        {
          if (cur & HS_DEF_PARAM)
            _hs_symtable_error (st, &s->loc, "name '%s' is parameter and %s", name, what);
          else if (cur & HS_DEF_USE)
            _hs_symtable_error (st, &s->loc, "name '%s' is used prior to %s declaration", name, what);
          else if (cur & HS_DEF_ANNOT)
            _hs_symtable_error (st, &s->loc, "annotated name '%s' can't be %s", name, what);
          else
            _hs_symtable_error (st, &s->loc, "name '%s' is assigned to before %s declaration",
                      name, what);
          return;
        }
      add_def (st, name, global ? HS_DEF_GLOBAL : HS_DEF_NONLOCAL, &s->loc);
      record_directive (st, name, &s->loc);
    }
}

static void
visit_annassign (HsSymTable *st,
                 HsStmt     *s)
{
  HsExpr *target = s->v.annassign.target;

  if (target->kind == HS_EXPR_NAME)
    {
      const char *name = target->v.name.id;
      HsSymFlags cur = symbol_flags (st->cur, mangle (st, name));

      if ((cur & (HS_DEF_GLOBAL | HS_DEF_NONLOCAL)) && st->cur != st->top &&
          s->v.annassign.simple)
        {
          _hs_symtable_error (st, &s->loc, "annotated name '%s' can't be %s", name,
                    (cur & HS_DEF_GLOBAL) ? "global" : "nonlocal");
          return;
        }
      if (s->v.annassign.simple)
        add_def (st, name, HS_DEF_ANNOT | HS_DEF_LOCAL, &target->loc);
      else if (s->v.annassign.value != NULL)
        add_def (st, name, HS_DEF_LOCAL, &target->loc);
    }
  else
    visit_expr (st, target);
  visit_expr (st, s->v.annassign.annotation);
  visit_expr (st, s->v.annassign.value);
}

/* symtable_visit_alias(): `import a.b` binds `a` */
static void
visit_alias (HsSymTable *st,
             HsAlias    *alias)
{
  const char *name = alias->asname ? alias->asname : alias->name;
  const char *dot = strchr (name, '.');

  if (strcmp (name, "*") == 0)
    {
      if (st->cur->pub.type != HS_SCOPE_MODULE)
        _hs_symtable_error (st, &alias->loc, "import * only allowed at module level");
      return;
    }
  if (dot != NULL)
    name = hs_arena_strndup (st->arena, name, dot - name);
  add_def (st, name, HS_DEF_IMPORT, &alias->loc);
}

static void
visit_stmt (HsSymTable *st,
            HsStmt     *s)
{
  if (st->error != NULL)
    return;

  switch (s->kind)
    {
    case HS_STMT_FUNCTIONDEF:
      {
        HsArguments *args = s->v.functiondef.args;

        add_def (st, s->v.functiondef.name, HS_DEF_LOCAL, &s->loc);
        visit_exprs (st, &args->defaults);
        visit_exprs (st, &args->kw_defaults);
        visit_annotations (st, args, s->v.functiondef.returns);
        visit_exprs (st, &s->v.functiondef.decorators);
        enter_block (st, s->v.functiondef.name, HS_SCOPE_FUNCTION, s, &s->loc);
        visit_arguments (st, args);
        visit_stmts (st, &s->v.functiondef.body);
        exit_block (st);
      }
      break;
    case HS_STMT_CLASSDEF:
      {
        const char *saved = st->private_name;

        add_def (st, s->v.classdef.name, HS_DEF_LOCAL, &s->loc);
        visit_exprs (st, &s->v.classdef.bases);
        for (int i = 0; i < s->v.classdef.keywords.len; i++)
          visit_expr (st, s->v.classdef.keywords.items[i]->value);
        visit_exprs (st, &s->v.classdef.decorators);
        enter_block (st, s->v.classdef.name, HS_SCOPE_CLASS, s, &s->loc);
        st->private_name = s->v.classdef.name;
        visit_stmts (st, &s->v.classdef.body);
        st->private_name = saved;
        exit_block (st);
      }
      break;
    case HS_STMT_RETURN:
      if (s->v.ret.value != NULL)
        {
          visit_expr (st, s->v.ret.value);
          st->cur->pub.returns_value = TRUE;
        }
      break;
    case HS_STMT_DELETE:
      visit_exprs (st, &s->v.del.targets);
      break;
    case HS_STMT_ASSIGN:
      visit_exprs (st, &s->v.assign.targets);
      visit_expr (st, s->v.assign.value);
      break;
    case HS_STMT_ANNASSIGN:
      visit_annassign (st, s);
      break;
    case HS_STMT_AUGASSIGN:
      visit_expr (st, s->v.augassign.target);
      visit_expr (st, s->v.augassign.value);
      break;
    case HS_STMT_FOR:
      visit_expr (st, s->v.for_.target);
      visit_expr (st, s->v.for_.iter);
      visit_stmts (st, &s->v.for_.body);
      visit_stmts (st, &s->v.for_.orelse);
      break;
    case HS_STMT_WHILE:
      visit_expr (st, s->v.while_.test);
      visit_stmts (st, &s->v.while_.body);
      visit_stmts (st, &s->v.while_.orelse);
      break;
    case HS_STMT_IF:
      visit_expr (st, s->v.if_.test);
      visit_stmts (st, &s->v.if_.body);
      visit_stmts (st, &s->v.if_.orelse);
      break;
    case HS_STMT_RAISE:
      visit_expr (st, s->v.raise.exc);
      visit_expr (st, s->v.raise.cause);
      break;
    case HS_STMT_TRY:
      /* CPython's order: body, else, handlers, finally */
      visit_stmts (st, &s->v.try_.body);
      visit_stmts (st, &s->v.try_.orelse);
      for (int i = 0; i < s->v.try_.handlers.len; i++)
        {
          HsExceptHandler *h = s->v.try_.handlers.items[i];

          visit_expr (st, h->type);
          if (h->name != NULL)
            add_def (st, h->name, HS_DEF_LOCAL, &h->loc);
          visit_stmts (st, &h->body);
        }
      visit_stmts (st, &s->v.try_.finalbody);
      break;
    case HS_STMT_ASSERT:
      visit_expr (st, s->v.assert_.test);
      visit_expr (st, s->v.assert_.msg);
      break;
    case HS_STMT_IMPORT:
      for (int i = 0; i < s->v.import.names.len; i++)
        visit_alias (st, s->v.import.names.items[i]);
      break;
    case HS_STMT_IMPORTFROM:
      for (int i = 0; i < s->v.importfrom.names.len; i++)
        visit_alias (st, s->v.importfrom.names.items[i]);
      break;
    case HS_STMT_GLOBAL:
    case HS_STMT_NONLOCAL:
      visit_declaration (st, s);
      break;
    case HS_STMT_EXPR:
      visit_expr (st, s->v.expr.value);
      break;
    case HS_STMT_WITH:
      for (int i = 0; i < s->v.with.items.len; i++)
        {
          visit_expr (st, s->v.with.items.items[i]->context_expr);
          visit_expr (st, s->v.with.items.items[i]->optional_vars);
        }
      visit_stmts (st, &s->v.with.body);
      break;
    case HS_STMT_PASS:
    case HS_STMT_BREAK:
    case HS_STMT_CONTINUE:
    default:
      break;
    }
}

static void
visit_stmts (HsSymTable *st,
             HsStmtList *body)
{
  for (int i = 0; i < body->len && st->error == NULL; i++)
    visit_stmt (st, body->items[i]);
}

/* Pass 2: analyze ---------------------------------------------------------- */

/* Name sets, as CPython's PySet. */
typedef GHashTable NameSet;

static NameSet *
set_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

static NameSet *
set_copy (NameSet *src)
{
  NameSet *set = set_new ();
  GHashTableIter iter;
  gpointer key;

  if (src != NULL)
    {
      g_hash_table_iter_init (&iter, src);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (set, key);
    }
  return set;
}

static void
set_update (NameSet *set,
            NameSet *other)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (set, key);
}

static gboolean
set_contains (NameSet    *set,
              const char *name)
{
  return set != NULL && g_hash_table_contains (set, name);
}

/* analyze_name() */
static void
analyze_name (HsSymTable *st,
              Scope      *s,
              HsSymbol   *sym,
              NameSet    *bound,
              NameSet    *local,
              NameSet    *free,
              NameSet    *global)
{
  const char *name = sym->name;
  HsSymFlags flags = sym->flags;

  if (flags & HS_DEF_GLOBAL)
    {
      if (flags & HS_DEF_NONLOCAL)
        {
          _hs_symtable_error (st, directive_loc (s, name), "name '%s' is nonlocal and global", name);
          return;
        }
      sym->scope = HS_SYM_GLOBAL_EXPLICIT;
      g_hash_table_add (global, (gpointer) name);
      if (bound != NULL)
        g_hash_table_remove (bound, name);
      return;
    }
  if (flags & HS_DEF_NONLOCAL)
    {
      if (bound == NULL)
        {
          _hs_symtable_error (st, directive_loc (s, name),
                    "nonlocal declaration not allowed at module level");
          return;
        }
      if (!set_contains (bound, name))
        {
          _hs_symtable_error (st, directive_loc (s, name), "no binding for nonlocal '%s' found", name);
          return;
        }
      sym->scope = HS_SYM_FREE;
      s->free = TRUE;
      g_hash_table_add (free, (gpointer) name);
      return;
    }
  if (flags & (HS_DEF_LOCAL | HS_DEF_PARAM | HS_DEF_IMPORT))
    {
      sym->scope = HS_SYM_LOCAL;
      g_hash_table_add (local, (gpointer) name);
      g_hash_table_remove (global, name);
      return;
    }
  /* Bound by an enclosing block: free, not global. */
  if (set_contains (bound, name))
    {
      sym->scope = HS_SYM_FREE;
      s->free = TRUE;
      g_hash_table_add (free, (gpointer) name);
      return;
    }
  if (s->nested)
    s->free = TRUE;
  sym->scope = HS_SYM_GLOBAL_IMPLICIT;
}

/* analyze_cells(): locals that nested scopes use become cells */
static void
analyze_cells (Scope   *s,
               NameSet *free)
{
  for (guint i = 0; i < s->symbol_order->len; i++)
    {
      HsSymbol *sym = g_ptr_array_index (s->symbol_order, i);

      if (sym->scope == HS_SYM_LOCAL && set_contains (free, sym->name))
        {
          sym->scope = HS_SYM_CELL;
          g_hash_table_remove (free, sym->name);
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* update_symbols(): free names of children that pass through this scope */
static void
update_symbols (HsSymTable *st,
                Scope      *s,
                NameSet    *bound,
                NameSet    *free)
{
  /* CPython walks a set here; sorting keeps the order reproducible. */
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (free, NULL);
  guint n = g_hash_table_size (free);

  qsort (names, n, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n; i++)
    {
      const char *name = names[i];
      HsSymbol *sym = lookup (s, name);

      if (sym != NULL)
        {
          /* A method's free variable that the class binds too */
          if (s->pub.type == HS_SCOPE_CLASS &&
              (sym->flags & (HS_DEF_LOCAL | HS_DEF_PARAM | HS_DEF_IMPORT | HS_DEF_GLOBAL)))
            sym->flags |= HS_DEF_FREE_CLASS;
          continue;
        }
      if (bound != NULL && !set_contains (bound, name))
        continue;  /* a global */

      /* Passed through: no flags of its own, as in CPython */
      sym = hs_arena_new0 (st->arena, HsSymbol);
      sym->name = name;
      sym->scope = HS_SYM_FREE;
      g_hash_table_insert (s->symbols, (gpointer) name, sym);
      g_ptr_array_add (s->symbol_order, sym);
    }
}

static void analyze_block (HsSymTable *st,
                           Scope      *s,
                           NameSet    *bound,
                           NameSet    *free,
                           NameSet    *global);

/* analyze_child_block(): children see copies of the sets */
static void
analyze_child_block (HsSymTable *st,
                     Scope      *child,
                     NameSet    *bound,
                     NameSet    *free,
                     NameSet    *global,
                     NameSet    *child_free)
{
  NameSet *temp_bound = set_copy (bound);
  NameSet *temp_free = set_copy (free);
  NameSet *temp_global = set_copy (global);

  analyze_block (st, child, temp_bound, temp_free, temp_global);
  set_update (child_free, temp_free);
  g_hash_table_unref (temp_bound);
  g_hash_table_unref (temp_free);
  g_hash_table_unref (temp_global);
}

/* analyze_block(): @bound is NULL for the module */
static void
analyze_block (HsSymTable *st,
               Scope      *s,
               NameSet    *bound,
               NameSet    *free,
               NameSet    *global)
{
  NameSet *local = set_new ();
  NameSet *newglobal = set_new ();
  NameSet *newfree = set_new ();
  NameSet *newbound = set_new ();
  NameSet *allfree;

  /* A class's names are not visible in its methods. */
  if (s->pub.type == HS_SCOPE_CLASS)
    {
      set_update (newglobal, global);
      if (bound != NULL)
        set_update (newbound, bound);
    }

  for (guint i = 0; i < s->symbol_order->len && st->error == NULL; i++)
    analyze_name (st, s, g_ptr_array_index (s->symbol_order, i), bound, local, free, global);

  if (s->pub.type != HS_SCOPE_CLASS)
    {
      if (s->pub.type == HS_SCOPE_FUNCTION)
        set_update (newbound, local);
      if (bound != NULL)
        set_update (newbound, bound);
      set_update (newglobal, global);
    }
  else
    g_hash_table_add (newbound, (gpointer) "__class__");

  allfree = set_new ();
  for (guint i = 0; i < s->children->len && st->error == NULL; i++)
    {
      Scope *child = g_ptr_array_index (s->children, i);

      analyze_child_block (st, child, newbound, newfree, newglobal, allfree);
      if (child->free || child->pub.child_free)
        s->pub.child_free = TRUE;
    }
  set_update (newfree, allfree);

  if (s->pub.type == HS_SCOPE_FUNCTION)
    analyze_cells (s, newfree);
  else if (s->pub.type == HS_SCOPE_CLASS && g_hash_table_remove (newfree, "__class__"))
    s->pub.needs_class_cell = TRUE;

  update_symbols (st, s, bound, newfree);
  set_update (free, newfree);

  g_hash_table_unref (local);
  g_hash_table_unref (newglobal);
  g_hash_table_unref (newfree);
  g_hash_table_unref (newbound);
  g_hash_table_unref (allfree);
}

/* co_cellvars and co_freevars, sorted as the compiler's dictbytype() */
static void
collect_closure_names (Scope *s)
{
  for (guint i = 0; i < s->symbol_order->len; i++)
    {
      HsSymbol *sym = g_ptr_array_index (s->symbol_order, i);

      if (sym->scope == HS_SYM_CELL)
        g_ptr_array_add (s->cellvars, (gpointer) sym->name);
      if (sym->scope == HS_SYM_FREE || (sym->flags & HS_DEF_FREE_CLASS))
        g_ptr_array_add (s->freevars, (gpointer) sym->name);
    }
  if (s->pub.needs_class_cell)
    g_ptr_array_add (s->cellvars, (gpointer) "__class__");
  g_ptr_array_sort (s->cellvars, compare_names);
  g_ptr_array_sort (s->freevars, compare_names);

  for (guint i = 0; i < s->children->len; i++)
    collect_closure_names (g_ptr_array_index (s->children, i));
}

/* API ----------------------------------------------------------------- */

/**
 * hs_symtable_build:
 * @mod: a parsed module
 * @arena: where scopes and symbols go (the module's arena will do)
 * @error: (out): the first error, as CPython reports it
 *
 * Builds the scopes of @mod and resolves every name.
 *
 * Returns: (transfer full) (nullable): the table; free it with
 *   hs_symtable_free() before @arena
 */
HsSymTable *
hs_symtable_build (HsModule      *mod,
                   HsArena       *arena,
                   HsDiagnostic **error)
{
  HsSymTable *st;

  g_return_val_if_fail (mod != NULL, NULL);
  g_return_val_if_fail (arena != NULL, NULL);

  st = g_new0 (HsSymTable, 1);
  st->mod = mod;
  st->arena = arena;
  st->by_node = g_hash_table_new (NULL, NULL);
  st->scopes = g_ptr_array_new ();
  st->stack = g_ptr_array_new ();

  st->top = enter_block (st, "top", HS_SCOPE_MODULE, mod, NULL);
  visit_stmts (st, &mod->body);
  exit_block (st);

  if (st->error == NULL)
    {
      NameSet *free = set_new ();
      NameSet *global = set_new ();

      analyze_block (st, st->top, NULL, free, global);
      g_hash_table_unref (free);
      g_hash_table_unref (global);
    }
  if (st->error == NULL)
    {
      collect_closure_names (st->top);
      _hs_symtable_check (st);
    }

  if (st->error != NULL)
    {
      if (error != NULL)
        *error = g_steal_pointer (&st->error);
      hs_symtable_free (st);
      return NULL;
    }
  return st;
}

void
hs_symtable_free (HsSymTable *st)
{
  if (st == NULL)
    return;

  for (guint i = 0; i < st->scopes->len; i++)
    {
      Scope *s = g_ptr_array_index (st->scopes, i);

      g_hash_table_unref (s->symbols);
      g_ptr_array_unref (s->symbol_order);
      g_ptr_array_unref (s->varnames);
      g_ptr_array_unref (s->children);
      g_array_unref (s->directives);
      g_ptr_array_unref (s->cellvars);
      g_ptr_array_unref (s->freevars);
    }
  g_ptr_array_unref (st->scopes);
  g_ptr_array_unref (st->stack);
  g_hash_table_unref (st->by_node);
  hs_diagnostic_free (st->error);
  g_free (st);
}

HsScope *
hs_symtable_get_top (HsSymTable *st)
{
  g_return_val_if_fail (st != NULL, NULL);

  return &st->top->pub;
}

/**
 * hs_symtable_lookup:
 * @st: a symbol table
 * @node: the HsModule, a FunctionDef or ClassDef HsStmt, or a Lambda,
 *   ListComp, SetComp, DictComp or GeneratorExp HsExpr
 *
 * Returns: (nullable): the scope @node opens
 */
HsScope *
hs_symtable_lookup (HsSymTable    *st,
                    gconstpointer  node)
{
  Scope *s;

  g_return_val_if_fail (st != NULL, NULL);

  s = g_hash_table_lookup (st->by_node, node);
  return s ? &s->pub : NULL;
}

/**
 * hs_scope_resolve:
 * @scope: a scope
 * @name: a mangled name
 *
 * CPython's _PyST_GetScope().
 *
 * Returns: where @name lives, %HS_SYM_NONE for a name the scope never
 *   mentions (the compiler's own names such as `__qualname__`)
 */
HsSymScope
hs_scope_resolve (HsScope    *scope,
                  const char *name)
{
  HsSymbol *sym;

  g_return_val_if_fail (scope != NULL, HS_SYM_NONE);

  sym = lookup (SCOPE (scope), name);
  return sym ? sym->scope : HS_SYM_NONE;
}

const HsSymbol *
hs_scope_lookup_symbol (HsScope    *scope,
                        const char *name)
{
  g_return_val_if_fail (scope != NULL, NULL);

  return lookup (SCOPE (scope), name);
}

/* Symbols in the order the scope first mentions them, then the free
 * names it only passes through to nested scopes. */
guint
hs_scope_get_n_symbols (HsScope *scope)
{
  g_return_val_if_fail (scope != NULL, 0);

  return SCOPE (scope)->symbol_order->len;
}

const HsSymbol *
hs_scope_get_symbol (HsScope *scope,
                     guint    index)
{
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (index < SCOPE (scope)->symbol_order->len, NULL);

  return g_ptr_array_index (SCOPE (scope)->symbol_order, index);
}

/* Nested scopes in source order */
guint
hs_scope_get_n_children (HsScope *scope)
{
  g_return_val_if_fail (scope != NULL, 0);

  return SCOPE (scope)->children->len;
}

HsScope *
hs_scope_get_child (HsScope *scope,
                    guint    index)
{
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (index < SCOPE (scope)->children->len, NULL);

  return g_ptr_array_index (SCOPE (scope)->children, index);
}

void
hs_scope_get_info (HsScope     *scope,
                   HsScopeInfo *info)
{
  Scope *s;

  g_return_if_fail (scope != NULL);
  g_return_if_fail (info != NULL);

  s = SCOPE (scope);
  memset (info, 0, sizeof *info);
  info->type = scope->type;
  info->params = (const char **) s->varnames->pdata;
  info->n_params = s->varnames->len;
  info->n_posonly = s->n_posonly;
  info->n_args = s->n_args;
  info->n_kwonly = s->n_kwonly;
  info->cellvars = (const char **) s->cellvars->pdata;
  info->n_cellvars = s->cellvars->len;
  info->freevars = (const char **) s->freevars->pdata;
  info->n_freevars = s->freevars->len;
  info->is_generator = scope->is_generator;
  info->is_comprehension = scope->comprehension != HS_COMP_NONE;
  info->is_lambda = scope->is_lambda;
  info->has_varargs = scope->has_varargs;
  info->has_varkeywords = scope->has_varkeywords;
  info->needs_class_cell = scope->needs_class_cell;
}

const char *
hs_sym_scope_name (HsSymScope scope)
{
  switch (scope)
    {
    case HS_SYM_LOCAL:           return "LOCAL";
    case HS_SYM_GLOBAL_EXPLICIT: return "GLOBAL_EXPLICIT";
    case HS_SYM_GLOBAL_IMPLICIT: return "GLOBAL_IMPLICIT";
    case HS_SYM_FREE:            return "FREE";
    case HS_SYM_CELL:            return "CELL";
    case HS_SYM_NONE:
    default:                     return "NONE";
    }
}
