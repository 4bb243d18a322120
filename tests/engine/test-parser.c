/* test-parser.c — the front end: lexer, parser, diagnostics, symbol table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables in test-parser-cases.h come from python3 3.11 itself
 * (gen-test-parser-cases.py): trees from ast.parse(), SyntaxError
 * messages and positions from compile(), scopes from the symtable module,
 * and what `python3 x.py` prints for a bad file. The cases written here
 * by hand cover what Heapscope does on purpose differently (features
 * outside its subset, hard limits) and the C API.
 */

#include "config.h"

#include <string.h>

#include "hs-lexer.h"
#include "hs-parser.h"
#include "hs-symtable.h"

typedef struct
{
  const char *src;
  gsize       len;
  const char *dump;
  const char *dump_loc;
} AstCase;

typedef struct
{
  const char *src;
  gsize       len;
  const char *kind;
  const char *message;
  int         line;
  int         col;
  int         end_line;
  int         end_col;
  const char *text;
} ErrorCase;

typedef struct
{
  const char *src;
  gsize       len;
  const char *dump;
} SymtableCase;

typedef struct
{
  const char *src;
  gsize       len;
  const char *output;
} FormatCase;

#include "test-parser-cases.h"

/* Helpers -------------------------------------------------------------- */

static HsModule *
parse (HsArena       *arena,
       const char    *src,
       gsize          len,
       HsDiagnostic **error)
{
  return hs_parse (src, len, "x.py", arena, error);
}

static HsModule *
parse_ok (HsArena    *arena,
          const char *src)
{
  g_autoptr(HsDiagnostic) error = NULL;
  HsModule *mod = parse (arena, src, strlen (src), &error);

  if (mod == NULL)
    g_error ("%s: %s at %d:%d", src, error->message, error->line, error->col);
  return mod;
}

/* The error from the parser or, when it succeeds, the symbol table */
static HsDiagnostic *
front_end_error (const char *src,
                 gsize       len)
{
  g_autoptr(HsArena) arena = hs_arena_new ();
  HsDiagnostic *error = NULL;
  HsModule *mod = parse (arena, src, len, &error);

  if (mod != NULL)
    {
      HsSymTable *st = hs_symtable_build (mod, arena, &error);

      hs_symtable_free (st);
    }
  return error;
}

static void
assert_error (const char *src,
              HsDiagKind  kind,
              const char *message,
              int         line,
              int         col)
{
  g_autoptr(HsDiagnostic) error = front_end_error (src, strlen (src));

  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (error->kind, ==, kind);
  g_assert_cmpint (error->line, ==, line);
  g_assert_cmpint (error->col, ==, col);
}

static void
dump_scope (HsScope *s,
            GString *out)
{
  static const char *const types[] = { "module", "function", "class" };
  HsScopeInfo info;

  g_string_append_printf (out, "(%s %s %d", types[s->type], s->name, s->loc.line);
  for (guint i = 0; i < hs_scope_get_n_symbols (s); i++)
    {
      const HsSymbol *sym = hs_scope_get_symbol (s, i);

      g_string_append_printf (out, " %s:%d:%d", sym->name, sym->scope, sym->flags);
    }
  hs_scope_get_info (s, &info);
  if (s->type == HS_SCOPE_FUNCTION && info.n_params > 0)
    {
      g_string_append (out, " params=");
      for (int i = 0; i < info.n_params; i++)
        g_string_append_printf (out, "%s%s", i ? "," : "", info.params[i]);
    }
  if (info.n_cellvars > 0)
    {
      g_string_append (out, " cells=");
      for (int i = 0; i < info.n_cellvars; i++)
        g_string_append_printf (out, "%s%s", i ? "," : "", info.cellvars[i]);
    }
  if (info.n_freevars > 0)
    {
      g_string_append (out, " frees=");
      for (int i = 0; i < info.n_freevars; i++)
        g_string_append_printf (out, "%s%s", i ? "," : "", info.freevars[i]);
    }
  for (guint i = 0; i < hs_scope_get_n_children (s); i++)
    {
      g_string_append_c (out, ' ');
      dump_scope (hs_scope_get_child (s, i), out);
    }
  g_string_append_c (out, ')');
}

/* Cases from python3 ------------------------------------------------------ */

static void
test_ast_case (gconstpointer data)
{
  const AstCase *c = &ast_cases[GPOINTER_TO_UINT (data)];
  g_autoptr(HsArena) arena = hs_arena_new ();
  g_autoptr(HsDiagnostic) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_loc = NULL;
  HsModule *mod = parse (arena, c->src, c->len, &error);

  g_assert_null (error);
  g_assert_nonnull (mod);
  dump = hs_ast_dump (mod, FALSE);
  dump_loc = hs_ast_dump (mod, TRUE);
  g_assert_cmpstr (dump, ==, c->dump);
  g_assert_cmpstr (dump_loc, ==, c->dump_loc);
}

static const char *
kind_class (HsDiagKind kind)
{
  switch (kind)
    {
    case HS_DIAG_INDENTATION_ERROR: return "IndentationError";
    case HS_DIAG_TAB_ERROR:         return "TabError";
    default:                        return "SyntaxError";
    }
}

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = &error_cases[GPOINTER_TO_UINT (data)];
  g_autoptr(HsDiagnostic) error = front_end_error (c->src, c->len);

  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, c->message);
  g_assert_cmpstr (kind_class (error->kind), ==, c->kind);
  g_assert_cmpint (error->kind, !=, HS_DIAG_NOT_IMPLEMENTED);
  g_assert_cmpint (error->line, ==, c->line);
  g_assert_cmpint (error->col, ==, c->col);
  g_assert_cmpint (error->end_line, ==, c->end_line);
  g_assert_cmpint (error->end_col, ==, c->end_col);
  g_assert_cmpstr (error->text, ==, c->text);
  g_assert_cmpstr (error->filename, ==, "x.py");
}

static void
test_symtable_case (gconstpointer data)
{
  const SymtableCase *c = &symtable_cases[GPOINTER_TO_UINT (data)];
  g_autoptr(HsArena) arena = hs_arena_new ();
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  HsModule *mod = parse (arena, c->src, c->len, &error);
  g_autoptr(HsSymTable) st = NULL;

  g_assert_nonnull (mod);
  st = hs_symtable_build (mod, arena, &error);
  g_assert_null (error);
  dump_scope (hs_symtable_get_top (st), out);
  g_assert_cmpstr (out->str, ==, c->dump);
}

static void
test_format_case (gconstpointer data)
{
  const FormatCase *c = &format_cases[GPOINTER_TO_UINT (data)];
  g_autoptr(HsDiagnostic) error = front_end_error (c->src, c->len);
  g_autofree char *text = NULL;

  g_assert_nonnull (error);
  text = hs_diagnostic_format (error);
  g_assert_cmpstr (text, ==, c->output);
}

/* Outside the subset ------------------------------------------------------ */

static void
test_not_implemented (void)
{
  static const struct
  {
    const char *src;
    const char *message;
    int         line;
    int         col;
  } cases[] = {
    { "match x:\n    case 1: pass\n", "the 'match' statement is not supported in Heapscope", 1, 1 },
    { "x = 1\nasync def f(): pass\n", "'async' is not supported in Heapscope", 2, 1 },
    { "def f():\n    await g()\n", "'await' is not supported in Heapscope", 2, 5 },
    { "x = 1 + 2j\n", "complex numbers are not supported in Heapscope", 1, 9 },
    { "x = \"\\N{DEGREE SIGN}\"\n", "\\N{...} escapes are not supported in Heapscope", 1, 22 },
    { "try:\n    pass\nexcept* E:\n    pass\n",
      "'except*' (exception groups) is not supported in Heapscope", 3, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_error (cases[i].src, HS_DIAG_NOT_IMPLEMENTED, cases[i].message,
                  cases[i].line, cases[i].col);
}

static void
test_soft_keywords (void)
{
  g_autoptr(HsArena) arena = hs_arena_new ();
  HsModule *mod = parse_ok (arena, "match = [1]\nmatch[0] = 2\nmatch(x)\nmatch, case = 1, 2\n"
                                   "print(match)\n_ = 3\n");

  g_assert_cmpint (mod->body.len, ==, 6);
}

/* Hostile input ----------------------------------------------------------- */

static void
test_deep_brackets (void)
{
  g_autoptr(GString) src = g_string_new ("x = ");
  g_autoptr(HsDiagnostic) error = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (src, '(');
  error = front_end_error (src->str, src->len);
  g_assert_cmpstr (error->message, ==, "too many nested parentheses");
  g_assert_cmpint (error->line, ==, 1);
  g_assert_cmpint (error->col, ==, 205);
}

static void
test_deep_blocks (void)
{
  g_autoptr(GString) src = g_string_new (NULL);
  g_autoptr(HsDiagnostic) error = NULL;

  for (int i = 0; i < 10000 && src->len < 900000; i++)
    {
      for (int j = 0; j < i; j++)
        g_string_append_c (src, ' ');
      g_string_append (src, "if x:\n");
    }
  error = front_end_error (src->str, src->len);
  g_assert_cmpint (error->kind, ==, HS_DIAG_INDENTATION_ERROR);
  g_assert_cmpstr (error->message, ==, "too many levels of indentation");
  g_assert_cmpint (error->line, ==, 101);
}

static void
test_deep_expressions (void)
{
  static const char *const pieces[] = { "-", "not ", "lambda: ", "1 if 2 else ", "2**", "await " };

  for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
    {
      g_autoptr(GString) src = g_string_new ("x = ");
      g_autoptr(HsDiagnostic) error = NULL;

      for (int i = 0; i < 100000 / (int) strlen (pieces[p]); i++)
        g_string_append (src, pieces[p]);
      g_string_append (src, "1\n");
      error = front_end_error (src->str, src->len);
      g_assert_nonnull (error);
      if (p == G_N_ELEMENTS (pieces) - 1)
        g_assert_cmpint (error->kind, ==, HS_DIAG_NOT_IMPLEMENTED);
      else
        {
          g_assert_cmpint (error->kind, ==, HS_DIAG_LIMIT);
          g_assert_cmpstr (error->message, ==, "nesting too deep (limit 200)");
        }
    }
}

/* a+a+a+... and a.a.a... nest the tree without recursing in the parser,
 * but every later pass recurses on it. */
static void
test_deep_trees (void)
{
  static const char *const pieces[] = { "+a", ".a", "[0]", "()", "\nelif a: pass" };

  for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
    {
      g_autoptr(GString) src = g_string_new (p == 4 ? "if a: pass" : "x = a");
      g_autoptr(HsDiagnostic) error = NULL;

      for (int i = 0; i < 50000; i++)
        g_string_append (src, pieces[p]);
      g_string_append (src, "\n");
      error = front_end_error (src->str, src->len);
      g_assert_nonnull (error);
      g_assert_cmpint (error->kind, ==, HS_DIAG_LIMIT);
      g_assert_cmpstr (error->message, ==, "nesting too deep (limit 1000)");
    }

  /* Just under the limit is fine, and so is a long flat list. */
  {
    g_autoptr(GString) src = g_string_new ("x = 1");
    g_autoptr(HsDiagnostic) error = NULL;

    for (int i = 0; i < 900; i++)
      g_string_append (src, " + 1");
    g_string_append (src, "\ny = [");
    for (int i = 0; i < 100000; i++)
      g_string_append (src, "1, ");
    g_string_append (src, "]\n");
    error = front_end_error (src->str, src->len);
    g_assert_null (error);
  }
}

static void
test_large_sources (void)
{
  g_autoptr(GString) src = g_string_new ("s = '");
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsArena) arena = hs_arena_new ();
  HsModule *mod;

  /* A 1 MB line */
  while (src->len < HS_PARSER_MAX_SOURCE_BYTES - 10)
    g_string_append_c (src, 'a');
  g_string_append (src, "'\n");
  mod = parse (arena, src->str, src->len, &error);
  g_assert_null (error);
  g_assert_cmpint (mod->body.items[0]->v.assign.value->v.constant.len, ==, src->len - 7);

  /* One byte over the limit */
  while (src->len <= HS_PARSER_MAX_SOURCE_BYTES)
    g_string_append_c (src, '\n');
  mod = parse (arena, src->str, src->len, &error);
  g_assert_null (mod);
  g_assert_cmpint (error->kind, ==, HS_DIAG_LIMIT);
  g_assert_cmpint (error->line, ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "source is too large"));
}

static void
test_garbage (void)
{
  GRand *rand = g_rand_new_with_seed (1234);
  char buf[4096];

  /* Random bytes, then random printable text: errors, never crashes. */
  for (int round = 0; round < 200; round++)
    {
      gsize len = g_rand_int_range (rand, 0, sizeof buf);
      g_autoptr(HsDiagnostic) error = NULL;

      for (gsize i = 0; i < len; i++)
        buf[i] = round < 100 ? (char) g_rand_int_range (rand, 0, 256)
                             : " \n\t()[]{}:=+-*/'\"#\\abcxyz019.,;!@fr"[g_rand_int_range (rand, 0, 36)];
      error = front_end_error (buf, len);
      if (error != NULL)
        g_assert_nonnull (error->message);
    }
  g_rand_free (rand);
}

static void
test_bad_bytes (void)
{
  g_autoptr(HsDiagnostic) nul = front_end_error ("x = 1\ny = 'a\0b'\n", 16);
  g_autoptr(HsDiagnostic) utf8 = front_end_error ("x = 1\n# \xe9\n", 10);

  g_assert_cmpstr (nul->message, ==, "source code cannot contain null bytes");
  g_assert_cmpint (nul->line, ==, 2);
  g_assert_cmpint (nul->col, ==, 0);
  g_assert_cmpstr (nul->text, ==, "y = 'a");

  /* As `python3 x.py` reports it, without a location */
  g_assert_cmpstr (utf8->message, ==,
                   "Non-UTF-8 code starting with '\\xe9' in file x.py on line 2, but no "
                   "encoding declared; see https://peps.python.org/pep-0263/ for details");
  g_assert_cmpint (utf8->line, ==, 0);
}

static void
test_empty_sources (void)
{
  static const char *const sources[] = { "", "\n\n", "# just a comment", "\n  # indented\n\n",
                                         "\xef\xbb\xbf", "\r\n\r" };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(HsArena) arena = hs_arena_new ();
      HsModule *mod = parse_ok (arena, sources[i]);

      g_assert_cmpint (mod->body.len, ==, 0);
    }
}

/* The lexer and the C API ---------------------------------------------------- */

static void
test_tokens (void)
{
  static const char source[] = "if \xc3\xa9t\xc3\xa9 >= 1: # c\r\n  x **= [2,\n 3]\r";
  g_autoptr(HsArena) arena = hs_arena_new ();
  g_autoptr(HsTokens) toks = hs_tokenize (source, sizeof source - 1, "x.py", arena);
  static const struct
  {
    HsTokenKind kind;
    int line, col, end_line, end_col;
  } expected[] = {
    { HS_TOK_IF, 1, 0, 1, 2 },
    { HS_TOK_NAME, 1, 3, 1, 6 },
    { HS_TOK_GREATEREQUAL, 1, 7, 1, 9 },
    { HS_TOK_NUMBER, 1, 10, 1, 11 },
    { HS_TOK_COLON, 1, 11, 1, 12 },
    { HS_TOK_NEWLINE, 1, 13, 1, 16 },   /* from the comment's '#' */
    { HS_TOK_INDENT, 2, 1, 2, 1 },
    { HS_TOK_NAME, 2, 2, 2, 3 },
    { HS_TOK_DOUBLESTAREQUAL, 2, 4, 2, 7 },
    { HS_TOK_LSQB, 2, 8, 2, 9 },
    { HS_TOK_NUMBER, 2, 9, 2, 10 },
    { HS_TOK_COMMA, 2, 10, 2, 11 },
    { HS_TOK_NUMBER, 3, 1, 3, 2 },
    { HS_TOK_RSQB, 3, 2, 3, 3 },
    { HS_TOK_NEWLINE, 3, 3, 3, 3 },
    { HS_TOK_DEDENT, 3, 3, 3, 3 },
    { HS_TOK_ENDMARKER, 3, 3, 3, 3 },
  };

  g_assert_null (toks->error);
  g_assert_cmpint (toks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HsToken *t = &toks->items[i];

      g_assert_cmpstr (hs_token_kind_name (t->kind), ==, hs_token_kind_name (expected[i].kind));
      g_assert_cmpint (t->line, ==, expected[i].line);
      g_assert_cmpint (t->col, ==, expected[i].col);
      g_assert_cmpint (t->end_line, ==, expected[i].end_line);
      g_assert_cmpint (t->end_col, ==, expected[i].end_col);
    }
  g_assert_cmpint (toks->n_lines, ==, 3);
  g_assert_cmpstr (toks->lines[1], ==, "  x **= [2,");
}

static void
test_constants (void)
{
  g_autoptr(HsArena) arena = hs_arena_new ();
  HsModule *mod = parse_ok (arena, "a = 0x_1F\nb = 1_000.5e1\nc = 'x\\0y'\nd = b'\\xff'\n");
  HsExpr *a = mod->body.items[0]->v.assign.value;
  HsExpr *b = mod->body.items[1]->v.assign.value;
  HsExpr *c = mod->body.items[2]->v.assign.value;
  HsExpr *d = mod->body.items[3]->v.assign.value;

  g_assert_cmpint (a->v.constant.kind, ==, HS_CONST_INT);
  g_assert_cmpstr (a->v.constant.text, ==, "0x1F");
  g_assert_cmpint (b->v.constant.kind, ==, HS_CONST_FLOAT);
  g_assert_cmpfloat (b->v.constant.f, ==, 10005.0);
  g_assert_cmpint (c->v.constant.kind, ==, HS_CONST_STR);
  g_assert_cmpint (c->v.constant.len, ==, 3);
  g_assert_cmpmem (c->v.constant.str, 3, "x\0y", 3);
  g_assert_cmpint (d->v.constant.kind, ==, HS_CONST_BYTES);
  g_assert_cmpint ((guchar) d->v.constant.str[0], ==, 0xff);
}

static void
test_interning (void)
{
  g_autoptr(HsArena) arena = hs_arena_new ();
  HsModule *mod = parse_ok (arena, "spam = 1\nspam += f'{spam}'\n\xef\xac\x81 = 2\nfi = 3\n");
  HsStmt *assign = mod->body.items[0];
  HsStmt *aug = mod->body.items[1];
  HsExpr *field = aug->v.augassign.value->v.seq.elts.items[0];

  /* Equal identifiers share one pointer, inside f-strings too; NFKC
   * folds the "fi" ligature as CPython does. */
  g_assert_true (assign->v.assign.targets.items[0]->v.name.id ==
                 aug->v.augassign.target->v.name.id);
  g_assert_true (field->v.formatted.value->v.name.id == aug->v.augassign.target->v.name.id);
  g_assert_true (mod->body.items[2]->v.assign.targets.items[0]->v.name.id ==
                 mod->body.items[3]->v.assign.targets.items[0]->v.name.id);
  g_assert_cmpint (mod->n_lines, ==, 4);
  g_assert_cmpstr (mod->lines[1], ==, "spam += f'{spam}'");
}

static void
test_format_short (void)
{
  g_autoptr(HsDiagnostic) error = front_end_error ("x = x +\n", 8);
  g_autoptr(HsDiagnostic) limit = hs_diagnostic_new (HS_DIAG_LIMIT, "y.py", 0, 0, "too big");
  g_autofree char *text = hs_diagnostic_format_short (error);
  g_autofree char *limit_text = hs_diagnostic_format_short (limit);
  g_autofree char *limit_long = hs_diagnostic_format (limit);
  g_autoptr(HsDiagnostic) copy = hs_diagnostic_copy (error);

  g_assert_cmpstr (text, ==, "x.py:1:8: SyntaxError: invalid syntax");
  g_assert_cmpstr (limit_text, ==, "y.py: SyntaxError: too big");
  g_assert_cmpstr (limit_long, ==, "SyntaxError: too big\n");
  g_assert_cmpstr (copy->text, ==, "x = x +");
  g_assert_true (copy->text != error->text);
}

/* Symbol table API ----------------------------------------------------------- */

static void
test_symtable_api (void)
{
  g_autoptr(HsArena) arena = hs_arena_new ();
  g_autoptr(HsDiagnostic) error = NULL;
  HsModule *mod = parse_ok (arena,
                            "class C:\n"
                            "    def m(self, a, /, b=1, *args, c, **kw):\n"
                            "        n = 0\n"
                            "        def inc():\n"
                            "            nonlocal n\n"
                            "            n += 1\n"
                            "            return super(), self.__x\n"
                            "        yield [i for i in args]\n");
  g_autoptr(HsSymTable) st = hs_symtable_build (mod, arena, &error);
  HsStmt *cls = mod->body.items[0];
  HsStmt *m = cls->v.classdef.body.items[0];
  HsStmt *inc = m->v.functiondef.body.items[1];
  HsExpr *listcomp = m->v.functiondef.body.items[2]->v.expr.value->v.yield.value;
  HsScope *top, *cscope, *mscope, *iscope, *lscope;
  HsScopeInfo info;
  g_autofree char *mangled = hs_symtable_mangle ("C", "__x");

  g_assert_null (error);
  top = hs_symtable_get_top (st);
  cscope = hs_symtable_lookup (st, cls);
  mscope = hs_symtable_lookup (st, m);
  iscope = hs_symtable_lookup (st, inc);
  lscope = hs_symtable_lookup (st, listcomp);
  g_assert_true (hs_symtable_lookup (st, mod) == top);
  g_assert_true (mscope->parent == cscope && iscope->parent == mscope);
  g_assert_cmpint (cscope->type, ==, HS_SCOPE_CLASS);
  g_assert_cmpint (lscope->comprehension, ==, HS_COMP_LIST);

  g_assert_cmpint (hs_scope_resolve (top, "C"), ==, HS_SYM_LOCAL);
  g_assert_cmpint (hs_scope_resolve (mscope, "n"), ==, HS_SYM_CELL);
  g_assert_cmpint (hs_scope_resolve (mscope, "self"), ==, HS_SYM_CELL);
  g_assert_cmpint (hs_scope_resolve (iscope, "n"), ==, HS_SYM_FREE);
  g_assert_cmpint (hs_scope_resolve (iscope, "super"), ==, HS_SYM_GLOBAL_IMPLICIT);
  g_assert_cmpint (hs_scope_resolve (iscope, "__class__"), ==, HS_SYM_FREE);
  g_assert_cmpint (hs_scope_resolve (mscope, "__class__"), ==, HS_SYM_FREE);
  g_assert_cmpint (hs_scope_resolve (mscope, "__qualname__"), ==, HS_SYM_NONE);
  g_assert_cmpint (hs_scope_resolve (lscope, ".0"), ==, HS_SYM_LOCAL);
  /* The outermost iterable belongs to the enclosing scope */
  g_assert_cmpint (hs_scope_resolve (lscope, "args"), ==, HS_SYM_NONE);
  g_assert_cmpint (hs_scope_resolve (mscope, "args"), ==, HS_SYM_LOCAL);
  g_assert_cmpstr (hs_sym_scope_name (HS_SYM_CELL), ==, "CELL");
  g_assert_cmpstr (mangled, ==, "_C__x");
  g_assert_null (hs_symtable_mangle ("C", "__init__"));
  g_assert_null (hs_symtable_mangle ("__", "__x"));
  g_assert_null (hs_symtable_mangle (NULL, "__x"));
  g_assert_cmpint (hs_scope_lookup_symbol (iscope, "n")->flags, ==,
                   HS_DEF_NONLOCAL | HS_DEF_LOCAL);

  hs_scope_get_info (cscope, &info);
  g_assert_true (info.needs_class_cell);
  g_assert_cmpint (info.n_cellvars, ==, 1);
  g_assert_cmpstr (info.cellvars[0], ==, "__class__");

  hs_scope_get_info (mscope, &info);
  g_assert_cmpint (info.n_params, ==, 6);
  g_assert_cmpstr (info.params[0], ==, "self");
  g_assert_cmpstr (info.params[3], ==, "c");
  g_assert_cmpstr (info.params[4], ==, "args");
  g_assert_cmpstr (info.params[5], ==, "kw");
  g_assert_cmpint (info.n_posonly, ==, 2);
  g_assert_cmpint (info.n_args, ==, 3);
  g_assert_cmpint (info.n_kwonly, ==, 1);
  g_assert_true (info.has_varargs && info.has_varkeywords && info.is_generator);
  g_assert_cmpint (info.n_cellvars, ==, 2);
  g_assert_cmpstr (info.cellvars[0], ==, "n");
  g_assert_cmpstr (info.cellvars[1], ==, "self");
  g_assert_cmpint (info.n_freevars, ==, 1);
  g_assert_cmpstr (info.freevars[0], ==, "__class__");

  hs_scope_get_info (iscope, &info);
  g_assert_cmpint (info.n_freevars, ==, 3);
  g_assert_cmpstr (info.freevars[0], ==, "__class__");
  g_assert_cmpstr (info.freevars[1], ==, "n");
  g_assert_cmpstr (info.freevars[2], ==, "self");

  hs_scope_get_info (lscope, &info);
  g_assert_true (info.is_comprehension && !info.is_generator);
  g_assert_cmpint (info.n_params, ==, 1);
  g_assert_cmpstr (info.params[0], ==, ".0");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ast_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/parser/ast/%u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_ast_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/parser/error/%u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_error_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (symtable_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/symtable/scopes/%u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_symtable_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/diagnostic/format/%u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_format_case);
    }
  g_test_add_func ("/parser/not-implemented", test_not_implemented);
  g_test_add_func ("/parser/soft-keywords", test_soft_keywords);
  g_test_add_func ("/parser/hostile/deep-brackets", test_deep_brackets);
  g_test_add_func ("/parser/hostile/deep-blocks", test_deep_blocks);
  g_test_add_func ("/parser/hostile/deep-expressions", test_deep_expressions);
  g_test_add_func ("/parser/hostile/deep-trees", test_deep_trees);
  g_test_add_func ("/parser/hostile/large-sources", test_large_sources);
  g_test_add_func ("/parser/hostile/garbage", test_garbage);
  g_test_add_func ("/parser/hostile/bad-bytes", test_bad_bytes);
  g_test_add_func ("/parser/empty-sources", test_empty_sources);
  g_test_add_func ("/parser/tokens", test_tokens);
  g_test_add_func ("/parser/constants", test_constants);
  g_test_add_func ("/parser/interning", test_interning);
  g_test_add_func ("/diagnostic/format-short", test_format_short);
  g_test_add_func ("/symtable/api", test_symtable_api);

  return g_test_run ();
}
