/* hs-ast.h — the abstract syntax tree of Heapscope's Python subset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shapes follow CPython's Python/Python.asdl so a reader who knows `ast` finds
 * their way. Every node lives in the HsArena passed to hs_parse(); nothing in
 * here is freed individually. Strings are NUL-terminated UTF-8 in the arena;
 * identifiers are interned per tree (equal names share one pointer, so
 * comparing identifiers with == is valid).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Positions as in CPython's ast: lines 1-based, columns 0-based, counted in
 * code points (not bytes), end exclusive. The traceback caret lines
 * ("~~^~~") are computed from these. */
typedef struct
{
  int line;
  int col;
  int end_line;
  int end_col;
} HsLoc;

typedef struct _HsExpr HsExpr;
typedef struct _HsStmt HsStmt;

/* Growable-at-parse-time arrays; fixed once the parser returns. */
typedef struct { HsExpr **items; int len; } HsExprList;
typedef struct { HsStmt **items; int len; } HsStmtList;
typedef struct { const char **items; int len; } HsNameList;

typedef enum
{
  HS_CTX_LOAD,
  HS_CTX_STORE,
  HS_CTX_DEL,
} HsExprContext;

typedef enum
{
  HS_OP_ADD, HS_OP_SUB, HS_OP_MULT, HS_OP_MATMULT, HS_OP_DIV, HS_OP_MOD,
  HS_OP_POW, HS_OP_LSHIFT, HS_OP_RSHIFT, HS_OP_BITOR, HS_OP_BITXOR,
  HS_OP_BITAND, HS_OP_FLOORDIV,
  HS_N_BINOPS
} HsBinOp;

typedef enum
{
  HS_UOP_INVERT, HS_UOP_NOT, HS_UOP_UADD, HS_UOP_USUB,
} HsUnaryOp;

typedef enum
{
  HS_BOOL_AND,
  HS_BOOL_OR,
} HsBoolOp;

typedef enum
{
  HS_CMP_EQ, HS_CMP_NOTEQ, HS_CMP_LT, HS_CMP_LTE, HS_CMP_GT, HS_CMP_GTE,
  HS_CMP_IS, HS_CMP_ISNOT, HS_CMP_IN, HS_CMP_NOTIN,
} HsCmpOp;

typedef enum
{
  HS_CONST_NONE,
  HS_CONST_TRUE,
  HS_CONST_FALSE,
  HS_CONST_ELLIPSIS,
  HS_CONST_INT,      /* text: decimal/0x/0o/0b literal, underscores removed */
  HS_CONST_FLOAT,    /* f: the value (strtod of the literal, underscores removed) */
  HS_CONST_STR,      /* str/len: decoded UTF-8 (escapes processed), may contain NUL */
  HS_CONST_BYTES,    /* str/len: raw bytes after escape processing */
} HsConstKind;

typedef struct
{
  HsConstKind  kind;
  const char  *text;   /* HS_CONST_INT */
  double       f;      /* HS_CONST_FLOAT */
  const char  *str;    /* HS_CONST_STR / HS_CONST_BYTES */
  gsize        len;
} HsConst;

typedef enum
{
  HS_EXPR_BOOLOP,       /* boolop: op, values */
  HS_EXPR_NAMEDEXPR,    /* namedexpr: target (Name), value */
  HS_EXPR_BINOP,        /* binop */
  HS_EXPR_UNARYOP,      /* unaryop */
  HS_EXPR_LAMBDA,       /* lambda: args, body */
  HS_EXPR_IFEXP,        /* ifexp: test, body, orelse */
  HS_EXPR_DICT,         /* dict: keys (NULL item for **mapping), values */
  HS_EXPR_SET,          /* seq: elts */
  HS_EXPR_LISTCOMP,     /* comp: elt, generators */
  HS_EXPR_SETCOMP,      /* comp */
  HS_EXPR_DICTCOMP,     /* comp: key, value, generators */
  HS_EXPR_GENEXP,       /* comp */
  HS_EXPR_YIELD,        /* yield: value (may be NULL) */
  HS_EXPR_YIELDFROM,    /* yield: value */
  HS_EXPR_COMPARE,      /* compare */
  HS_EXPR_CALL,         /* call */
  HS_EXPR_FORMATTEDVALUE, /* formatted: inside a JoinedStr */
  HS_EXPR_JOINEDSTR,    /* seq: elts = Constant(str) and FormattedValue parts */
  HS_EXPR_CONSTANT,     /* constant */
  HS_EXPR_ATTRIBUTE,    /* attribute: value, attr, ctx */
  HS_EXPR_SUBSCRIPT,    /* subscript: value, slice, ctx */
  HS_EXPR_STARRED,      /* starred: value, ctx */
  HS_EXPR_NAME,         /* name: id, ctx */
  HS_EXPR_LIST,         /* seq: elts, ctx */
  HS_EXPR_TUPLE,        /* seq: elts, ctx */
  HS_EXPR_SLICE,        /* slice: lower, upper, step (each may be NULL) */
} HsExprKind;

typedef struct
{
  HsLoc       loc;
  const char *name;         /* interned */
  HsExpr     *annotation;   /* parsed and ignored; may be NULL */
} HsArg;

typedef struct { HsArg **items; int len; } HsArgList;

typedef struct
{
  HsArgList   posonlyargs;
  HsArgList   args;
  HsArg      *vararg;       /* *args, or NULL */
  HsArgList   kwonlyargs;
  HsExprList  kw_defaults;  /* same length as kwonlyargs; NULL item = no default */
  HsArg      *kwarg;        /* **kwargs, or NULL */
  HsExprList  defaults;     /* for the last len(defaults) of posonlyargs + args */
} HsArguments;

typedef struct
{
  HsLoc       loc;
  const char *arg;          /* keyword name, or NULL for **mapping */
  HsExpr     *value;
} HsKeyword;

typedef struct { HsKeyword **items; int len; } HsKeywordList;

typedef struct
{
  HsExpr     *target;
  HsExpr     *iter;
  HsExprList  ifs;
} HsComprehension;

typedef struct { HsComprehension **items; int len; } HsComprehensionList;

struct _HsExpr
{
  HsExprKind kind;
  HsLoc      loc;
  union
  {
    struct { HsBoolOp op; HsExprList values; } boolop;
    struct { HsExpr *target; HsExpr *value; } namedexpr;
    struct { HsExpr *left; HsBinOp op; HsExpr *right; } binop;
    struct { HsUnaryOp op; HsExpr *operand; } unaryop;
    struct { HsArguments *args; HsExpr *body; } lambda;
    struct { HsExpr *test; HsExpr *body; HsExpr *orelse; } ifexp;
    struct { HsExprList keys; HsExprList values; } dict;
    struct { HsExpr *elt; HsExpr *key; HsExpr *value; HsComprehensionList generators; } comp;
    struct { HsExpr *value; } yield;
    struct { HsExpr *left; int n; HsCmpOp *ops; HsExpr **comparators; } compare;
    struct { HsExpr *func; HsExprList args; HsKeywordList keywords; } call;
    /* conversion: -1 (none), 's', 'r' or 'a'; format_spec: a JoinedStr or NULL */
    struct { HsExpr *value; int conversion; HsExpr *format_spec; } formatted;
    HsConst constant;
    struct { HsExpr *value; const char *attr; HsExprContext ctx; } attribute;
    struct { HsExpr *value; HsExpr *slice; HsExprContext ctx; } subscript;
    struct { HsExpr *value; HsExprContext ctx; } starred;
    struct { const char *id; HsExprContext ctx; } name;
    struct { HsExprList elts; HsExprContext ctx; } seq;
    struct { HsExpr *lower; HsExpr *upper; HsExpr *step; } slice;
  } v;
};

typedef enum
{
  HS_STMT_FUNCTIONDEF,
  HS_STMT_CLASSDEF,
  HS_STMT_RETURN,
  HS_STMT_DELETE,
  HS_STMT_ASSIGN,
  HS_STMT_AUGASSIGN,
  HS_STMT_ANNASSIGN,
  HS_STMT_FOR,
  HS_STMT_WHILE,
  HS_STMT_IF,
  HS_STMT_WITH,
  HS_STMT_RAISE,
  HS_STMT_TRY,
  HS_STMT_ASSERT,
  HS_STMT_IMPORT,
  HS_STMT_IMPORTFROM,
  HS_STMT_GLOBAL,
  HS_STMT_NONLOCAL,
  HS_STMT_EXPR,
  HS_STMT_PASS,
  HS_STMT_BREAK,
  HS_STMT_CONTINUE,
} HsStmtKind;

typedef struct
{
  HsLoc       loc;
  HsExpr     *type;       /* NULL for a bare except: */
  const char *name;       /* `as` name or NULL */
  HsStmtList  body;
} HsExceptHandler;

typedef struct { HsExceptHandler **items; int len; } HsHandlerList;

typedef struct
{
  HsExpr *context_expr;
  HsExpr *optional_vars;  /* NULL when there is no `as` */
} HsWithItem;

typedef struct { HsWithItem **items; int len; } HsWithItemList;

typedef struct
{
  HsLoc       loc;
  const char *name;       /* dotted name for `import a.b`, e.g. "a.b" */
  const char *asname;     /* or NULL */
} HsAlias;

typedef struct { HsAlias **items; int len; } HsAliasList;

struct _HsStmt
{
  HsStmtKind kind;
  HsLoc      loc;
  union
  {
    /* Also used for lambdas' implicit scope by the symbol table. */
    struct { const char *name; HsArguments *args; HsStmtList body;
             HsExprList decorators; HsExpr *returns; } functiondef;
    struct { const char *name; HsExprList bases; HsKeywordList keywords;
             HsStmtList body; HsExprList decorators; } classdef;
    struct { HsExpr *value; } ret;                              /* value may be NULL */
    struct { HsExprList targets; } del;
    struct { HsExprList targets; HsExpr *value; } assign;        /* a = b = value */
    struct { HsExpr *target; HsBinOp op; HsExpr *value; } augassign;
    struct { HsExpr *target; HsExpr *annotation; HsExpr *value; gboolean simple; } annassign;
    struct { HsExpr *target; HsExpr *iter; HsStmtList body; HsStmtList orelse; } for_;
    struct { HsExpr *test; HsStmtList body; HsStmtList orelse; } while_;
    struct { HsExpr *test; HsStmtList body; HsStmtList orelse; } if_;  /* elif = nested If in orelse */
    struct { HsWithItemList items; HsStmtList body; } with;
    struct { HsExpr *exc; HsExpr *cause; } raise;                 /* both may be NULL */
    struct { HsStmtList body; HsHandlerList handlers; HsStmtList orelse;
             HsStmtList finalbody; } try_;
    struct { HsExpr *test; HsExpr *msg; } assert_;
    struct { HsAliasList names; } import;
    struct { const char *module; HsAliasList names; int level; } importfrom;
    struct { HsNameList names; } global;                         /* also nonlocal */
    struct { HsExpr *value; } expr;
  } v;
};

typedef struct
{
  HsStmtList  body;
  const char *filename;
  /* The source split in lines (without line ends), for tracebacks and
   * error carets; lines[0] is line 1. */
  const char **lines;
  int          n_lines;
} HsModule;

const char *hs_binop_symbol (HsBinOp op);   /* "+", "//", … */
const char *hs_cmpop_symbol (HsCmpOp op);   /* "==", "not in", … */

/* A compact S-expression of a tree (hs-ast-dump.c), for tests and a
 * --dump-ast flag; @with_locations adds "@line:col-line:col" to each node. */
char       *hs_ast_dump      (const HsModule *mod,
                              gboolean        with_locations);
char       *hs_ast_dump_stmt (const HsStmt   *stmt,
                              gboolean        with_locations);
char       *hs_ast_dump_expr (const HsExpr   *expr,
                              gboolean        with_locations);

G_END_DECLS
