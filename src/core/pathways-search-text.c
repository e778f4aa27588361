/* pathways-search-text.c: the text side of search — the FTS5 tokenizer, case and accent
 * folding, turning what somebody typed into an FTS5 query, and cutting a page into
 * sections.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "pathways-ladder.h"
#include "pathways-markdown.h"
#include "pathways-search.h"

/* Tokens longer than this (base64 blobs, minified code) are cut: nobody types them. */
#define MAX_TOKEN_BYTES 128

/* A section's text beyond this is not indexed: enough for any page a person wrote. */
#define MAX_SECTION_BYTES (512 * 1024)

typedef enum
{
  CHAR_SEPARATOR,
  CHAR_WORD,     /* letters and digits of scripts that separate words with spaces */
  CHAR_SINGLE,   /* a script written without spaces: each character is a token */
  CHAR_MARK,     /* a combining mark: belongs to the character before it */
} CharClass;

static CharClass
classify (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) ? CHAR_WORD : CHAR_SEPARATOR;

  /* Kana, with the prolonged sound mark (whose script is "common"); halfwidth kana's
   * sound marks belong to the kana before them, as the combining ones do. */
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
      (c >= 0xFF66 && c <= 0xFF9D))
    return CHAR_SINGLE;
  if (c == 0xFF9E || c == 0xFF9F)
    return CHAR_MARK;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return CHAR_MARK;

    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_HAN:
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA:
        case G_UNICODE_SCRIPT_BOPOMOFO:
        case G_UNICODE_SCRIPT_YI:
        case G_UNICODE_SCRIPT_THAI:
        case G_UNICODE_SCRIPT_LAO:
        case G_UNICODE_SCRIPT_KHMER:
        case G_UNICODE_SCRIPT_MYANMAR:
        case G_UNICODE_SCRIPT_TIBETAN:
          return CHAR_SINGLE;
        default:
          return CHAR_WORD;
        }

    default:
      return CHAR_SEPARATOR;
    }
}

/* Characters that compatibility decomposition and case folding leave as they are:
 * hiragana and katakana (not their halfwidth forms or the combining sound marks) and the
 * unified ideographs. */
static gboolean
is_plain_cjk (gunichar c)
{
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
         (c >= 0x4E00 && c <= 0x9FFF);
}

/* Appends @len bytes of @text folded: compatibility forms decomposed, case folded and, for
 * words (not for single characters, where a mark changes the character), marks dropped. */
static void
append_folded (GString    *out,
               const char *text,
               gsize       len,
               gboolean    strip_marks)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *composed = NULL;
  GString *bare;
  gsize i;

  /* A unified ideograph or a kana is its own folded form. */
  if (!strip_marks && len == 3 && is_plain_cjk (g_utf8_get_char (text)))
    {
      g_string_append_len (out, text, len);
      return;
    }

  for (i = 0; i < len && (guchar) text[i] < 0x80; i++)
    ;
  if (i == len)
    {
      gsize at = out->len;

      g_string_set_size (out, at + len);
      for (i = 0; i < len; i++)
        out->str[at + i] = g_ascii_tolower (text[i]);
      return;
    }

  decomposed = g_utf8_normalize (text, len, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return;

  bare = g_string_sized_new (len);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strip_marks && classify (c) == CHAR_MARK)
        continue;
      g_string_append_unichar (bare, c);
    }

  folded = g_utf8_casefold (bare->str, bare->len);
  g_string_free (bare, TRUE);
  composed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  if (composed != NULL)
    g_string_append (out, composed);
}

static void
emit_token (GString                 *buffer,
            const char              *text,
            gsize                    start,
            gsize                    end,
            gboolean                 single,
            PathwaysSearchTokenFunc  func,
            gpointer                 user_data)
{
  gsize len;

  g_string_truncate (buffer, 0);
  append_folded (buffer, text + start, end - start, !single);

  len = buffer->len;
  if (len > MAX_TOKEN_BYTES)
    len = g_utf8_find_prev_char (buffer->str, buffer->str + MAX_TOKEN_BYTES + 1) - buffer->str;
  if (len > 0)
    func (buffer->str, len, start, end, user_data);
}

/**
 * pathways_search_tokenize:
 * @text: UTF-8 text (invalid bytes separate words)
 * @len: its length in bytes
 * @func: called for each token: the folded token and the byte range it came from
 * @user_data: for @func
 *
 * Cuts @text into the tokens the indexes store and queries look up.
 */
void
pathways_search_tokenize (const char              *text,
                          gsize                    len,
                          PathwaysSearchTokenFunc  func,
                          gpointer                 user_data)
{
  g_autoptr(GString) buffer = g_string_sized_new (64);
  const char *end = text + len;
  const char *p = text;
  gssize token_start = -1;
  gboolean token_single = FALSE;

  while (p < end)
    {
      gunichar c;
      const char *next;
      CharClass klass;

      /* Most text is ASCII: no decoding for it. */
      if ((guchar) *p < 0x80)
        {
          klass = g_ascii_isalnum (*p) ? CHAR_WORD : CHAR_SEPARATOR;
          next = p + 1;
        }
      else if ((c = g_utf8_get_char_validated (p, end - p)) == (gunichar) -1 ||
               c == (gunichar) -2)
        {
          klass = CHAR_SEPARATOR;
          next = p + 1;
        }
      else
        {
          klass = classify (c);
          next = g_utf8_next_char (p);
        }

      if (klass == CHAR_MARK && token_start >= 0)
        {
          p = next;
          continue;
        }

      /* A word continues through word characters; anything else ends it. */
      if (token_start >= 0 && (token_single || klass != CHAR_WORD))
        {
          emit_token (buffer, text, token_start, p - text, token_single, func, user_data);
          token_start = -1;
        }

      if (token_start < 0 && (klass == CHAR_WORD || klass == CHAR_SINGLE))
        {
          token_start = p - text;
          token_single = klass == CHAR_SINGLE;
        }

      p = next;
    }

  if (token_start >= 0)
    emit_token (buffer, text, token_start, len, token_single, func, user_data);
}

static void
append_token_cb (const char *token,
                 gsize       token_len,
                 gsize       start,
                 gsize       end,
                 gpointer    user_data)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, token, token_len);
}

/**
 * pathways_search_fold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): the tokens of @text, folded, separated by single spaces — what
 *   the index sees, for tests and for comparing with a plain substring search
 */
char *
pathways_search_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  pathways_search_tokenize (text, strlen (text), append_token_cb, out);

  return g_string_free (out, FALSE);
}

/* ---- the FTS5 tokenizer ---- */

typedef struct
{
  void *ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
  int rc;
} TokenizeCall;

static void
fts_token_cb (const char *token,
              gsize       token_len,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  TokenizeCall *call = user_data;

  if (call->rc == SQLITE_OK)
    call->rc = call->x_token (call->ctx, 0, token, (int) token_len, (int) start, (int) end);
}

static int
fts_create (void        *context,
            const char **args,
            int          n_args,
            Fts5Tokenizer **tokenizer)
{
  /* No state: the tokenizer is a function. Any non-NULL pointer will do. */
  *tokenizer = (Fts5Tokenizer *) context;
  return SQLITE_OK;
}

static void
fts_delete (Fts5Tokenizer *tokenizer)
{
}

static int
fts_tokenize (Fts5Tokenizer *tokenizer,
              void          *ctx,
              int            flags,
              const char    *text,
              int            len,
              int          (*x_token) (void *, int, const char *, int, int, int))
{
  TokenizeCall call = { ctx, x_token, SQLITE_OK };

  if (len > 0)
    pathways_search_tokenize (text, (gsize) len, fts_token_cb, &call);

  /* FTS5 stops early (SQLITE_DONE) when it has what it needs: not an error. */
  return call.rc == SQLITE_DONE ? SQLITE_OK : call.rc;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  return api;
}

/* ---- ranking ---- */

/* BM25's term-frequency part: more matches count, with diminishing returns, and a match
 * in a short column counts more than one in a long column. */
#define RANK_K1 1.2
#define RANK_B 0.75

/* A copy of one FTS5 table's column sizes (its docsize table), for one connection: ranking
 * a common word's two thousand sections would otherwise seek each section's sizes in the
 * table, two fifths of the query. Read whole, in one pass, by the first ranked query after
 * the database changed. */
typedef struct
{
  char          *table;
  unsigned int   data_version;
  gboolean       valid;
  int            n_columns;
  GArray        *rowids;  /* sqlite3_int64, ascending */
  GArray        *sizes;   /* int, n_columns a row */
  guint          hint;    /* where the last row was found: rows are ranked in rowid order */
} SizeCache;

static void
size_cache_free (void *data)
{
  SizeCache *cache = data;

  g_free (cache->table);
  g_clear_pointer (&cache->rowids, g_array_unref);
  g_clear_pointer (&cache->sizes, g_array_unref);
  g_free (cache);
}

/* FTS5 stores a row's column sizes as SQLite varints, one a column. */
static const guint8 *
read_varint (const guint8 *p,
             const guint8 *end,
             int          *value)
{
  guint64 v = 0;

  for (int i = 0; p < end && i < 9; i++, p++)
    {
      if (i == 8)
        {
          v = (v << 8) | *p++;
          break;
        }
      v = (v << 7) | (*p & 0x7f);
      if ((*p & 0x80) == 0)
        {
          p++;
          break;
        }
    }
  *value = (int) MIN (v, (guint64) G_MAXINT);

  return p;
}

/* Makes @cache hold @table's sizes as the database is now. FALSE if they can't be read
 * (a table without column sizes): the caller asks FTS5 row by row. */
static gboolean
size_cache_update (SizeCache  *cache,
                   sqlite3    *db,
                   const char *table,
                   int         n_columns)
{
  unsigned int version = 0;
  sqlite3_stmt *stmt = NULL;
  char *sql;
  int rc;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
    return FALSE;
  if (cache->rowids != NULL && cache->data_version == version &&
      cache->n_columns == n_columns && g_strcmp0 (cache->table, table) == 0)
    return cache->valid;

  g_free (cache->table);
  cache->table = g_strdup (table);
  cache->data_version = version;
  cache->n_columns = n_columns;
  cache->valid = FALSE;
  cache->hint = 0;
  g_clear_pointer (&cache->rowids, g_array_unref);
  g_clear_pointer (&cache->sizes, g_array_unref);
  cache->rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  cache->sizes = g_array_new (FALSE, TRUE, sizeof (int));

  sql = sqlite3_mprintf ("SELECT id, sz FROM main.\"%w_docsize\" ORDER BY id", table);
  rc = sql != NULL ? sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) : SQLITE_NOMEM;
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);
      const guint8 *p = sqlite3_column_blob (stmt, 1);
      const guint8 *end = p + sqlite3_column_bytes (stmt, 1);
      guint first = cache->sizes->len;

      g_array_append_val (cache->rowids, rowid);
      g_array_set_size (cache->sizes, first + n_columns);
      for (int c = 0; c < n_columns && p != NULL && p < end; c++)
        p = read_varint (p, end, &g_array_index (cache->sizes, int, first + c));
    }
  sqlite3_finalize (stmt);
  cache->valid = rc == SQLITE_DONE;

  return cache->valid;
}

/* The sizes of row @rowid's columns, or NULL if it isn't in @cache. */
static const int *
size_cache_lookup (SizeCache     *cache,
                   sqlite3_int64  rowid)
{
  const sqlite3_int64 *rowids = (const sqlite3_int64 *) (void *) cache->rowids->data;
  guint lo = 0, hi = cache->rowids->len;

  if (cache->hint < hi && rowids[cache->hint] <= rowid)
    {
      lo = cache->hint;
      /* The next row is most often the one after the last. */
      if (lo + 1 < hi && rowids[lo + 1] >= rowid)
        hi = lo + 2;
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rowids[mid] < rowid)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo >= cache->rowids->len || rowids[lo] != rowid)
    return NULL;
  cache->hint = lo;

  return &g_array_index (cache->sizes, int, (gsize) lo * cache->n_columns);
}

typedef struct
{
  int        n_columns;
  double    *average;  /* tokens per column, over the table */
  SizeCache *sizes;    /* NULL: asked of FTS5 */
} RankData;

static void
rank_data_free (void *data)
{
  RankData *rank = data;

  g_free (rank->average);
  g_free (rank);
}

/* Scores the current row with one weight per column in @weights. Like bm25() without its
 * inverse document frequency, which costs a pass over every row that has each query word:
 * for a query with a common word that pass was most of the time, even when the other words
 * left a handful of rows. Lower is better, as with bm25(). */
static void
rank_row (const Fts5ExtensionApi  *api,
          Fts5Context             *context,
          sqlite3_context         *result,
          const char              *table,
          int                      n_weights,
          sqlite3_value          **weights)
{
  RankData *rank = api->xGetAuxdata (context, FALSE);
  g_autofree int *counts = NULL;
  const int *sizes = NULL;
  int n_phrases = api->xPhraseCount (context);
  int n_inst = 0;
  double score = 0;

  if (rank == NULL)
    {
      sqlite3_int64 n_rows = 0;
      SizeCache *cache = api->xUserData (context);

      rank = g_new0 (RankData, 1);
      rank->n_columns = api->xColumnCount (context);
      rank->average = g_new0 (double, rank->n_columns);
      api->xRowCount (context, &n_rows);
      for (int c = 0; c < rank->n_columns; c++)
        {
          sqlite3_int64 total = 0;

          api->xColumnTotalSize (context, c, &total);
          rank->average[c] = n_rows > 0 && total > 0 ? (double) total / n_rows : 1.0;
        }
      if (table != NULL && cache != NULL &&
          size_cache_update (cache, sqlite3_context_db_handle (result), table, rank->n_columns))
        rank->sizes = cache;
      if (api->xSetAuxdata (context, rank, rank_data_free) != SQLITE_OK)
        {
          rank_data_free (rank);
          sqlite3_result_error_nomem (result);
          return;
        }
    }

  counts = g_new0 (int, (gsize) MAX (n_phrases, 1) * rank->n_columns);
  if (api->xInstCount (context, &n_inst) != SQLITE_OK)
    {
      sqlite3_result_error_code (result, SQLITE_ERROR);
      return;
    }
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (context, i, &phrase, &column, &offset) == SQLITE_OK &&
          phrase < n_phrases && column < rank->n_columns)
        counts[phrase * rank->n_columns + column]++;
    }

  if (rank->sizes != NULL)
    sizes = size_cache_lookup (rank->sizes, api->xRowid (context));

  for (int c = 0; c < rank->n_columns; c++)
    {
      double weight = c < n_weights ? sqlite3_value_double (weights[c]) : 1.0;
      int size = 0;

      if (weight == 0)
        continue;
      if (sizes != NULL)
        size = sizes[c];
      else
        api->xColumnSize (context, c, &size);
      for (int p = 0; p < n_phrases; p++)
        {
          double tf = counts[p * rank->n_columns + c];

          if (tf > 0)
            score += weight * tf * (RANK_K1 + 1) /
                     (tf + RANK_K1 * (1 - RANK_B + RANK_B * size / rank->average[c]));
        }
    }

  sqlite3_result_double (result, -score);
}

/* pathways_rank(weight, …): one weight per column. */
static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *context,
               sqlite3_context         *result,
               int                      n_values,
               sqlite3_value          **values)
{
  rank_row (api, context, result, NULL, n_values, values);
}

/* pathways_rank_sized(table, weight, …): as pathways_rank(), the same scores, with the
 * column sizes read from a copy of @table's kept in memory. @table is the FTS5 table the
 * query is on: FTS5 doesn't tell its functions. */
static void
rank_sized_function (const Fts5ExtensionApi  *api,
                     Fts5Context             *context,
                     sqlite3_context         *result,
                     int                      n_values,
                     sqlite3_value          **values)
{
  const char *table = n_values > 0 ? (const char *) sqlite3_value_text (values[0]) : NULL;

  rank_row (api, context, result, table, MAX (n_values - 1, 0), values + 1);
}

/* ---- counting ---- */

typedef struct
{
  sqlite3_int64 n;
  sqlite3_int64 cap;
  gboolean      per_column;
} CountCall;

static int
count_row_cb (const Fts5ExtensionApi *api,
              Fts5Context            *context,
              void                   *user_data)
{
  CountCall *call = user_data;

  if (call->per_column)
    {
      Fts5PhraseIter iter;
      int column = -1;

      for (api->xPhraseFirstColumn (context, 0, &iter, &column);
           column >= 0 && call->n <= call->cap;
           api->xPhraseNextColumn (context, &iter, &column))
        call->n++;
    }
  else
    call->n++;

  return call->n > call->cap ? SQLITE_DONE : SQLITE_OK;
}

/* pathways_count(cap[, per_column]): how many rows have the query's first phrase, counting
 * no further than cap + 1. Whether a word is in more than a few thousand sections is known
 * after reading that many entries of its list, where the vocabulary tables read all of it.
 * With per_column, a row counts once for each column the phrase is in: a word's sections
 * in two columns are counted in one pass over its list. */
static void
count_function (const Fts5ExtensionApi  *api,
                Fts5Context             *context,
                sqlite3_context         *result,
                int                      n_values,
                sqlite3_value          **values)
{
  CountCall call = { 0, n_values > 0 ? sqlite3_value_int64 (values[0]) : G_MAXINT64 - 1,
                     n_values > 1 && sqlite3_value_int (values[1]) != 0 };
  int rc = api->xQueryPhrase (context, 0, &call, count_row_cb);

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      sqlite3_result_error_code (result, rc);
      return;
    }

  sqlite3_result_int64 (result, call.n);
}

static int
register_tokenizer (sqlite3                     *db,
                    char                       **error_message,
                    const sqlite3_api_routines  *api_routines)
{
  static fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
  static int marker;
  fts5_api *api = get_fts5_api (db);
  int rc;

  if (api == NULL)
    {
      /* SQLite without FTS5: the database still opens; its migration will say why. */
      return SQLITE_OK;
    }

  rc = api->xCreateTokenizer (api, "pathways", &marker, &tokenizer, NULL);
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction (api, "pathways_rank", &marker, rank_function, NULL);
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction (api, "pathways_rank_sized", g_new0 (SizeCache, 1),
                               rank_sized_function, size_cache_free);
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction (api, "pathways_count", &marker, count_function, NULL);
  return rc;
}

/**
 * pathways_search_init:
 *
 * Registers the "pathways" FTS5 tokenizer with every SQLite connection opened from now on
 * in this process. Called by pathways_db_open() and pathways_search_index_open(); call it
 * before opening a database with sqlite3_open() directly.
 */
void
pathways_search_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      sqlite3_auto_extension ((void (*) (void)) register_tokenizer);
      g_once_init_leave (&done, 1);
    }
}

/* ---- queries ---- */

typedef struct
{
  GString                  *match;
  PathwaysSearchExpandFunc  expand;
  gpointer                  expand_data;
} MatchCall;

static void
first_token_cb (const char *token,
                gsize       token_len,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  GPtrArray *tokens = user_data;

  g_ptr_array_add (tokens, g_strndup (token, token_len));
}

static void
append_quoted (GString    *match,
               const char *text,
               gsize       len)
{
  g_string_append_c (match, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, text[i]);
    }
  g_string_append_c (match, '"');
}

static void
append_term (MatchCall  *call,
             const char *term,
             gsize       len,
             gboolean    prefix)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = NULL;
  GString *match = call->match;

  pathways_search_tokenize (term, len, first_token_cb, tokens);
  if (tokens->len == 0)
    return;

  /* FTS5's implicit AND joins phrases only, not a phrase and a bracket. */
  if (match->len > 0)
    g_string_append (match, " AND ");

  /* A one-word prefix the index can list the words of becomes those words: FTS5 builds
   * the whole merged list of rows for a prefix before giving the first. */
  if (prefix && tokens->len == 1 && call->expand != NULL &&
      (words = call->expand (g_ptr_array_index (tokens, 0), call->expand_data)) != NULL &&
      words->len > 0)
    {
      g_string_append_c (match, '(');
      for (guint i = 0; i < words->len; i++)
        {
          const char *word = g_ptr_array_index (words, i);

          if (i > 0)
            g_string_append (match, " OR ");
          append_quoted (match, word, strlen (word));
        }
      g_string_append_c (match, ')');
      return;
    }

  /* A string in double quotes is a phrase to FTS5; its tokens come from our tokenizer, so
   * "on-call" is the phrase "on call", and a run of Han characters is the phrase of its
   * characters. */
  append_quoted (match, term, len);
  if (prefix)
    g_string_append_c (match, '*');
}

/* Calls @func for each term of @query: a bare word (matched as a prefix while typed) or
 * the words between double quotes (a phrase; an unclosed quote runs to the end). */
typedef void (*TermFunc) (const char *term,
                          gsize       len,
                          gboolean    prefix,
                          gpointer    user_data);

static void
walk_query (const char *query,
            TermFunc    func,
            gpointer    user_data)
{
  g_autofree char *valid = g_utf8_make_valid (query, -1);
  const char *p = valid;

  while (*p != '\0')
    {
      const char *start;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }

      if (*p == '"')
        {
          start = ++p;
          while (*p != '\0' && *p != '"')
            p++;
          func (start, p - start, FALSE, user_data);
          if (*p == '"')
            p++;
          continue;
        }

      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p) && *p != '"')
        p++;
      func (start, p - start, TRUE, user_data);
    }
}

static void
append_term_cb (const char *term,
                gsize       len,
                gboolean    prefix,
                gpointer    user_data)
{
  append_term (user_data, term, len, prefix);
}

/**
 * pathways_search_dup_match_expanded:
 * @query: what somebody typed
 * @expand: (nullable): lists the indexed words a one-word prefix stands for, or returns
 *   %NULL (or an empty array) to keep it a prefix
 * @expand_data: for @expand
 *
 * Like pathways_search_dup_match(), with the prefixes the index can list spelled out.
 *
 * Returns: (transfer full) (nullable): the FTS5 query, or %NULL
 */
char *
pathways_search_dup_match_expanded (const char               *query,
                                    PathwaysSearchExpandFunc  expand,
                                    gpointer                  expand_data)
{
  g_autoptr(GString) match = g_string_new (NULL);
  MatchCall call = { match, expand, expand_data };

  g_return_val_if_fail (query != NULL, NULL);

  walk_query (query, append_term_cb, &call);
  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/**
 * pathways_search_dup_match:
 * @query: what somebody typed
 *
 * Turns @query into an FTS5 query: every word must appear, in any order, as a word or the
 * start of one (so results come while typing); "quoted words" must appear together, in
 * that order. Nothing in @query is FTS5 syntax, so no input makes the query fail.
 *
 * Returns: (transfer full) (nullable): the FTS5 query, or %NULL when @query has nothing to
 *   look for
 */
char *
pathways_search_dup_match (const char *query)
{
  return pathways_search_dup_match_expanded (query, NULL, NULL);
}

/**
 * pathways_search_dup_plain_snippet:
 * @snippet: a result's snippet, with its match marks
 * @open: (nullable): what to put before each match, or %NULL for nothing
 * @close: (nullable): what to put after each match
 *
 * Returns: (transfer full): @snippet with its marks replaced
 */
char *
pathways_search_dup_plain_snippet (const char *snippet,
                                   const char *open,
                                   const char *close)
{
  GString *out = g_string_new (NULL);

  for (const char *p = snippet != NULL ? snippet : ""; *p != '\0'; p++)
    {
      if (*p == PATHWAYS_SEARCH_MARK_START)
        g_string_append (out, open != NULL ? open : "");
      else if (*p == PATHWAYS_SEARCH_MARK_END)
        g_string_append (out, close != NULL ? close : "");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ---- sections ---- */

void
pathways_search_section_free (PathwaysSearchSection *section)
{
  if (section == NULL)
    return;

  g_free (section->anchor);
  g_free (section->heading);
  g_free (section->body);
  g_free (section);
}

static PathwaysSearchSection *
section_new (const PathwaysHeading *heading)
{
  PathwaysSearchSection *section = g_new0 (PathwaysSearchSection, 1);

  if (heading != NULL)
    {
      section->anchor = g_strdup (heading->id);
      section->heading = g_strdup (heading->text);
    }

  return section;
}

/**
 * pathways_search_dup_sections:
 * @markdown: a page's Markdown (any bytes: it is cleaned up as for display)
 * @len: its length
 *
 * Cuts a page into what search returns: one section per heading of the page's outline
 * (headings at the top level, not inside lists or quotes), with the plain text a reader
 * sees under it, and the text before the first heading as a section without an anchor.
 * Anchors are the ids the Markdown view gives its headings.
 *
 * Returns: (transfer full) (element-type PathwaysSearchSection): the non-empty sections
 */
GPtrArray *
pathways_search_dup_sections (const char *markdown,
                              gsize       len)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_search_section_free);
  PathwaysMarkdownDoc *doc;
  PathwaysSearchSection *current;
  g_autoptr(GString) body = g_string_new (NULL);
  guint next_heading = 0;

  doc = pathways_markdown_doc_parse (markdown, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  current = section_new (NULL);

  for (cmark_node *node = cmark_node_first_child (doc->root);
       node != NULL;
       node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);
      g_autofree char *text = NULL;

      if (type == CMARK_NODE_HEADING)
        {
          const PathwaysHeading *heading = NULL;

          while (next_heading < doc->headings->len)
            {
              const PathwaysHeading *h = g_ptr_array_index (doc->headings, next_heading++);

              if (h->node == node)
                {
                  heading = h;
                  break;
                }
            }

          if (body->len > 0 || current->heading != NULL)
            {
              current->body = g_strdup (body->str);
              g_ptr_array_add (sections, current);
            }
          else
            pathways_search_section_free (current);

          g_string_truncate (body, 0);
          current = section_new (heading);
          continue;
        }

      if (type == CMARK_NODE_HTML_BLOCK || body->len >= MAX_SECTION_BYTES)
        continue;

      text = pathways_markdown_node_dup_text (node);
      if (*text == '\0')
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, text);
    }

  if (body->len > 0 || current->heading != NULL)
    {
      current->body = g_strdup (body->str);
      g_ptr_array_add (sections, current);
    }
  else
    pathways_search_section_free (current);

  pathways_markdown_doc_free (doc);

  return sections;
}

void
pathways_search_result_free (PathwaysSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->title);
  g_free (result->context);
  g_free (result->page);
  g_free (result->anchor);
  g_free (result->date);
  g_free (result->snippet);
  g_free (result);
}

/**
 * pathways_search_kind_to_string:
 * @kind: a kind of result
 *
 * Returns: its name in the command line's JSON: "handbook", "person", "meeting",
 *   "talking-point", "action-item", "note", "review" or "evidence"
 */
const char *
pathways_search_kind_to_string (PathwaysSearchKind kind)
{
  static const char * const names[] = {
    [PATHWAYS_SEARCH_HANDBOOK] = "handbook",
    [PATHWAYS_SEARCH_PERSON] = "person",
    [PATHWAYS_SEARCH_MEETING] = "meeting",
    [PATHWAYS_SEARCH_TALKING_POINT] = "talking-point",
    [PATHWAYS_SEARCH_ACTION_ITEM] = "action-item",
    [PATHWAYS_SEARCH_NOTE] = "note",
    [PATHWAYS_SEARCH_REVIEW] = "review",
    [PATHWAYS_SEARCH_EVIDENCE] = "evidence",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);

  return names[kind];
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  pathways_json_append_string (out, value);
}

/**
 * pathways_search_result_to_json:
 * @result: a result
 *
 * One line of `pathways --search`: an object with "kind", "title", "page" (handbook) or
 * "record" ("meeting/12"), "anchor", "snippet" (matches between `**`), and for records
 * "person", "context", "date" and "private".
 *
 * Returns: (transfer full): the JSON object, on one line, without a newline
 */
char *
pathways_search_result_to_json (const PathwaysSearchResult *result)
{
  g_autoptr(GString) out = g_string_new ("{\"kind\": ");
  g_autofree char *snippet = pathways_search_dup_plain_snippet (result->snippet, "**", "**");

  pathways_json_append_string (out, pathways_search_kind_to_string (result->kind));
  append_member (out, "title", result->title);

  if (result->kind == PATHWAYS_SEARCH_HANDBOOK)
    append_member (out, "page", result->page);
  else
    {
      g_autofree char *record = g_strdup_printf ("%s/%" G_GINT64_FORMAT,
                                                 pathways_search_kind_to_string (result->kind),
                                                 result->record_id);

      append_member (out, "record", record);
      g_string_append_printf (out, ", \"person\": %" G_GINT64_FORMAT, result->person_id);
    }

  append_member (out, "anchor", result->anchor);
  append_member (out, "context", result->context);
  if (result->kind != PATHWAYS_SEARCH_HANDBOOK)
    {
      append_member (out, "date", result->date);
      g_string_append_printf (out, ", \"private\": %s", result->is_private ? "true" : "false");
    }
  append_member (out, "snippet", snippet);
  g_string_append_c (out, '}');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- query terms, and snippets made from them ---- */

void
pathways_search_term_free (PathwaysSearchTerm *term)
{
  if (term == NULL)
    return;

  g_free (term->token);
  g_free (term);
}

typedef struct
{
  GPtrArray *terms;
  guint      first;   /* where this word's tokens start in terms */
} TermsCall;

static void
add_term_cb (const char *token,
             gsize       token_len,
             gsize       start,
             gsize       end,
             gpointer    user_data)
{
  TermsCall *call = user_data;
  PathwaysSearchTerm *term = g_new0 (PathwaysSearchTerm, 1);

  term->token = g_strndup (token, token_len);
  g_ptr_array_add (call->terms, term);
}

static void
add_word_terms_cb (const char *word,
                   gsize       len,
                   gboolean    prefix,
                   gpointer    user_data)
{
  GPtrArray *terms = user_data;
  TermsCall call = { terms, terms->len };

  pathways_search_tokenize (word, len, add_term_cb, &call);
  /* As in the FTS5 query: the last token of a word being typed is a prefix. */
  if (prefix && terms->len > call.first)
    ((PathwaysSearchTerm *) g_ptr_array_index (terms, terms->len - 1))->prefix = TRUE;
}

/**
 * pathways_search_dup_query_terms:
 * @query: what somebody typed
 *
 * The folded tokens pathways_search_dup_match() looks for, each marked when it is matched
 * as a prefix: to mark matches in text and to estimate how many sections a query hits.
 *
 * Returns: (transfer full) (element-type PathwaysSearchTerm): the terms, maybe none
 */
GPtrArray *
pathways_search_dup_query_terms (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_search_term_free);

  g_return_val_if_fail (query != NULL, terms);

  walk_query (query, add_word_terms_cb, terms);
  return terms;
}

static gboolean
term_matches (GPtrArray  *terms,
              const char *token,
              gsize       token_len)
{
  for (guint i = 0; i < terms->len; i++)
    {
      const PathwaysSearchTerm *term = g_ptr_array_index (terms, i);
      gsize n = strlen (term->token);

      if (term->prefix ? token_len >= n && memcmp (token, term->token, n) == 0
                       : token_len == n && memcmp (token, term->token, n) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  gsize    start;
  gsize    end;
  gboolean match;
} SnippetToken;

typedef struct
{
  GArray    *tokens;
  GPtrArray *terms;
  guint      n_matches;
} SnippetCall;

static void
snippet_token_cb (const char *token,
                  gsize       token_len,
                  gsize       start,
                  gsize       end,
                  gpointer    user_data)
{
  SnippetCall *call = user_data;
  SnippetToken item = { start, end, term_matches (call->terms, token, token_len) };

  g_array_append_val (call->tokens, item);
  call->n_matches += item.match;
}

/**
 * pathways_search_dup_snippet:
 * @text: the text a result was found in
 * @terms: (element-type PathwaysSearchTerm): from pathways_search_dup_query_terms()
 * @n_tokens: how many words the snippet shows
 *
 * The piece of @text with the most matches in @n_tokens words, "…" where it is cut, each
 * match between %PATHWAYS_SEARCH_MARK_START and %PATHWAYS_SEARCH_MARK_END.
 *
 * Returns: (transfer full): the snippet; the start of @text when nothing in it matches
 */
char *
pathways_search_dup_snippet (const char *text,
                             GPtrArray  *terms,
                             guint       n_tokens)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (SnippetToken));
  SnippetCall call = { tokens, terms, 0 };
  GString *out;
  guint best = 0, best_count = 0, count = 0, first, last;
  gsize from, to, len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  pathways_search_tokenize (text, len, snippet_token_cb, &call);
  if (tokens->len == 0)
    return g_strdup ("");

  /* A window of n_tokens sliding over the text: the first one with the most matches. */
  for (guint i = 0; i < tokens->len; i++)
    {
      count += g_array_index (tokens, SnippetToken, i).match;
      if (i >= n_tokens)
        count -= g_array_index (tokens, SnippetToken, i - n_tokens).match;
      if (count > best_count)
        {
          best_count = count;
          best = i + 1 > n_tokens ? i + 1 - n_tokens : 0;
        }
    }

  /* Begin a little before the first match, so it reads in context. */
  first = best;
  for (guint i = best; i < MIN (best + n_tokens, tokens->len); i++)
    if (g_array_index (tokens, SnippetToken, i).match)
      {
        first = i >= 3 ? MAX (best, i - 3) : best;
        break;
      }
  last = MIN (first + n_tokens, tokens->len) - 1;

  from = first == 0 ? 0 : g_array_index (tokens, SnippetToken, first).start;
  to = last + 1 == tokens->len ? len : g_array_index (tokens, SnippetToken, last).end;

  out = g_string_new (first > 0 ? "…" : "");
  for (guint i = first; i <= last; i++)
    {
      const SnippetToken *token = &g_array_index (tokens, SnippetToken, i);
      gsize gap_from = i == first ? from : g_array_index (tokens, SnippetToken, i - 1).end;

      g_string_append_len (out, text + gap_from, token->start - gap_from);
      if (token->match)
        g_string_append_c (out, PATHWAYS_SEARCH_MARK_START);
      g_string_append_len (out, text + token->start, token->end - token->start);
      if (token->match)
        g_string_append_c (out, PATHWAYS_SEARCH_MARK_END);
    }
  g_string_append_len (out, text + g_array_index (tokens, SnippetToken, last).end,
                       to - g_array_index (tokens, SnippetToken, last).end);
  if (last + 1 < tokens->len)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}
