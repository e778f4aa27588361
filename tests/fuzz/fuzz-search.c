/* fuzz-search.c: what somebody types into the search box, and the text it searches. The
 * input's first line is the query, the rest a handbook page. The query goes through the
 * same steps as in the app — match expression, terms, snippet — and, since
 * pathways_search_dup_match() promises that no query makes FTS5 fail, through a real FTS5
 * table with the "pathways" tokenizer and ranking.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-search.h"
#include "fuzz-common.h"

static sqlite3 *db;
static sqlite3_stmt *insert_stmt;
static sqlite3_stmt *query_stmt;

static void
exec (const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
cleanup (void)
{
  sqlite3_finalize (insert_stmt);
  sqlite3_finalize (query_stmt);
  sqlite3_close (db);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  pathways_search_init ();

  if (sqlite3_open (":memory:", &db) != SQLITE_OK)
    g_error ("sqlite3_open failed");
  atexit (cleanup);

  /* As the handbook index is made (pathways-search.c), with a few rows to find. */
  exec ("CREATE VIRTUAL TABLE section USING fts5 ("
        "  page UNINDEXED, anchor UNINDEXED, title, heading, body, tokenize = 'pathways');"
        "INSERT INTO section (section, rank)"
        "  VALUES ('rank', 'pathways_rank(0.0, 0.0, 10.0, 5.0, 1.0)');"
        "INSERT INTO section VALUES ('a.md', 'x', 'Career ladder', 'Engineer II',"
        "  'Owns features end to end; café and naïve résumé');"
        "INSERT INTO section VALUES ('b.md', NULL, '1-on-1 guide', 'Every time',"
        "  'Talk about growth. 日本語のテキスト and ﬁne ligatures');");
  if (sqlite3_prepare_v2 (db, "INSERT INTO section VALUES ('c.md', NULL, ?1, ?2, ?3)", -1,
                          &insert_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT rowid, snippet(section, 4, '[', ']', '…', 8), rank"
                              " FROM section WHERE section MATCH ?1 ORDER BY rank LIMIT 20",
                          -1, &query_stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  return 0;
}

typedef struct
{
  const char *text;
  gsize       len;
  gsize       last_start;
} TokenCheck;

static void
check_token_cb (const char *token,
                gsize       token_len,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  TokenCheck *check = user_data;

  /* Offsets feed FTS5's highlight() and snippet(): they must lie in the text, in order. */
  g_assert_cmpuint (token_len, >, 0);
  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, check->len);
  g_assert_cmpuint (start, >=, check->last_start);
  g_assert (g_utf8_validate (token, token_len, NULL));
  check->last_start = start;
}

static GPtrArray *
expand_cb (const char *prefix,
           gpointer    user_data)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  /* Words from an index may hold anything the tokenizer lets through, quotes included. */
  g_ptr_array_add (words, g_strconcat (prefix, "x", NULL));
  g_ptr_array_add (words, g_strconcat (prefix, "\"q", NULL));
  return words;
}

static void
run_match (const char *match)
{
  int rc;

  if (match == NULL)
    return;

  sqlite3_reset (query_stmt);
  sqlite3_bind_text (query_stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (query_stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("MATCH %s failed: %s", match, sqlite3_errmsg (db));
  sqlite3_reset (query_stmt);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Text reaches search valid: typed into an entry, or read from a sanitised page. */
  g_autofree char *input = fuzz_dup_valid_string (data, size);
  g_autofree char *query = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *match = NULL;
  g_autofree char *expanded = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  const char *newline = strchr (input, '\n');
  const char *text = newline != NULL ? newline + 1 : "";
  TokenCheck check = { text, strlen (text), 0 };

  query = newline != NULL ? g_strndup (input, newline - input) : g_strdup (input);

  pathways_search_tokenize (text, check.len, check_token_cb, &check);
  check.text = query, check.len = strlen (query), check.last_start = 0;
  pathways_search_tokenize (query, check.len, check_token_cb, &check);

  folded = pathways_search_fold (query);
  g_assert (g_utf8_validate (folded, -1, NULL));

  match = pathways_search_dup_match (query);
  expanded = pathways_search_dup_match_expanded (query, expand_cb, NULL);
  terms = pathways_search_dup_query_terms (query);
  g_assert (match == NULL || g_utf8_validate (match, -1, NULL));

  sections = pathways_search_dup_sections (text, strlen (text));
  for (guint i = 0; i < sections->len; i++)
    {
      PathwaysSearchSection *section = g_ptr_array_index (sections, i);
      g_autofree char *snippet = pathways_search_dup_snippet (section->body, terms, 12);
      g_autofree char *plain = pathways_search_dup_plain_snippet (snippet, "<b>", "</b>");

      g_assert (g_utf8_validate (snippet, -1, NULL));
      g_assert (g_utf8_validate (plain, -1, NULL));
      g_assert (strchr (plain, PATHWAYS_SEARCH_MARK_START) == NULL);
    }
  {
    g_autofree char *snippet = pathways_search_dup_snippet (text, terms, 1 + size % 40);
    g_autofree char *plain = pathways_search_dup_plain_snippet (snippet, "", "");

    g_assert (g_utf8_validate (snippet, -1, NULL));
    g_assert (g_utf8_validate (plain, -1, NULL));
  }

  /* The page goes in as the indexer puts it, then every expression runs against it; the
   * transaction keeps the table as it was for the next input. */
  sqlite3_exec (db, "SAVEPOINT input", NULL, NULL, NULL);
  sqlite3_reset (insert_stmt);
  sqlite3_bind_text (insert_stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_stmt, 2, sections->len > 0
                       ? ((PathwaysSearchSection *) g_ptr_array_index (sections, 0))->heading
                       : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_stmt, 3, text, -1, SQLITE_STATIC);
  if (sqlite3_step (insert_stmt) != SQLITE_DONE)
    g_error ("INSERT failed: %s", sqlite3_errmsg (db));
  sqlite3_reset (insert_stmt);
  sqlite3_clear_bindings (insert_stmt);

  run_match (match);
  run_match (expanded);

  sqlite3_exec (db, "ROLLBACK TO input; RELEASE input", NULL, NULL, NULL);

  return 0;
}
