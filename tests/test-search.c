/* test-search.c: search over handbook sections and the user's records.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "pathways-search.h"
#include "pathways-test-util.h"

/* ---- text ---- */

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = pathways_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  assert_folds_to ("Code Review", "code review");
  assert_folds_to ("Résumé, NAÏVE café", "resume naive cafe");
  assert_folds_to ("Straße", "strasse");
  assert_folds_to ("ＡＢＣ ﬁle", "abc file");
  assert_folds_to ("on-call, don't", "on call don t");
  /* Scripts without spaces: a token per character; marks that change a kana stay. */
  assert_folds_to ("東京タワー", "東 京 タ ワ ー");
  assert_folds_to ("がぎぐ", "が ぎ ぐ");
  assert_folds_to ("ｶﾞｲﾄﾞ", "ガ イ ド");
  assert_folds_to ("review東京", "review 東 京");
  assert_folds_to ("Ελληνικά Кириллица", "ελληνικα кириллица");
  /* Invalid bytes separate words; nothing is lost around them. */
  assert_folds_to ("abc\xff" "def", "abc def");
  assert_folds_to ("", "");
  assert_folds_to ("  -- !! ", "");
}

static void
test_long_token (void)
{
  g_autofree char *blob = g_strnfill (10000, 'a');
  g_autofree char *folded = pathways_search_fold (blob);

  g_assert_cmpuint (strlen (folded), <=, 128);
  g_assert_cmpuint (strlen (folded), >, 64);
}

static void
assert_match (const char *query,
              const char *expected)
{
  g_autofree char *match = pathways_search_dup_match (query);

  g_assert_cmpstr (match, ==, expected);
}

static void
test_match (void)
{
  assert_match ("code review", "\"code\"* AND \"review\"*");
  assert_match ("  Code   ", "\"Code\"*");
  assert_match ("\"code review\" team", "\"code review\" AND \"team\"*");
  assert_match ("\"unterminated phrase", "\"unterminated phrase\"");
  assert_match ("on-call", "\"on-call\"*");
  assert_match ("a\"b", "\"a\"* AND \"b\"");
  assert_match ("東京", "\"東京\"*");
  /* Nothing to look for. */
  assert_match ("", NULL);
  assert_match ("   ", NULL);
  assert_match ("-- ? !", NULL);
  assert_match ("\"\"", NULL);
  /* FTS5 syntax is only text. */
  assert_match ("NEAR(a b) OR c*", "\"NEAR(a\"* AND \"b)\"* AND \"OR\"* AND \"c*\"*");
}

static GPtrArray *
fake_expand (const char *prefix,
             gpointer    user_data)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (prefix, "rev"))
    {
      g_ptr_array_add (words, g_strdup ("review"));
      g_ptr_array_add (words, g_strdup ("reviews"));
    }
  return words;
}

static void
test_match_expanded (void)
{
  g_autofree char *expanded = pathways_search_dup_match_expanded ("Rev \"rev\" code on-call",
                                                                  fake_expand, NULL);

  /* Only a one-word prefix with words to list is spelled out; phrases and the rest stay. */
  g_assert_cmpstr (expanded, ==,
                   "(\"review\" OR \"reviews\") AND \"rev\" AND \"code\"* AND \"on-call\"*");
}

static void
test_plain_snippet (void)
{
  g_autofree char *plain = pathways_search_dup_plain_snippet ("a \x02" "b\x03 c", "[", "]");
  g_autofree char *bare = pathways_search_dup_plain_snippet ("a \x02" "b\x03 c", NULL, NULL);

  g_assert_cmpstr (plain, ==, "a [b] c");
  g_assert_cmpstr (bare, ==, "a b c");
}

static void
test_snippet (void)
{
  g_autoptr(GPtrArray) terms = pathways_search_dup_query_terms ("revi \"code owner\"");
  g_autoptr(GPtrArray) none = pathways_search_dup_query_terms ("absent");
  const char *text = "One two three four five six seven eight nine ten eleven twelve. "
                     "Code reviews are done by the code owner, who reviewed it.";
  g_autofree char *snippet = pathways_search_dup_snippet (text, terms, 8);
  g_autofree char *plain = pathways_search_dup_plain_snippet (snippet, "[", "]");
  g_autofree char *start = pathways_search_dup_snippet (text, none, 5);
  g_autofree char *whole = pathways_search_dup_snippet ("Just review.", terms, 8);

  g_assert_cmpuint (terms->len, ==, 3);
  g_assert_true (((PathwaysSearchTerm *) g_ptr_array_index (terms, 0))->prefix);
  g_assert_false (((PathwaysSearchTerm *) g_ptr_array_index (terms, 2))->prefix);

  /* The window with the most matches, cut with ellipses, each match marked. */
  g_assert_cmpstr (plain, ==, "…[Code] [reviews] are done by the [code] [owner]…");
  /* Nothing matches: the start of the text. */
  g_assert_cmpstr (start, ==, "One two three four five…");
  g_assert_cmpstr (whole, ==, "Just \x02review\x03.");
}

static void
test_sections (void)
{
  const char *page =
    "---\ntitle: Ignored front matter words\n---\n"
    "Intro text before any heading.\n\n"
    "# Career ladder\n\nThe ladder has *levels*.\n\n"
    "<div>html block words</div>\n\n"
    "## Code review {#reviews}\n\n- Reviews `code` promptly\n- Mentors\n\n"
    "> Quoted text\n\n"
    "- # Heading in a list\n\n"
    "## Code review\n\n"
    "```\nfenced block\n```\n";
  g_autoptr(GPtrArray) sections = pathways_search_dup_sections (page, strlen (page));
  PathwaysSearchSection *s;

  g_assert_cmpuint (sections->len, ==, 4);

  s = g_ptr_array_index (sections, 0);
  g_assert_null (s->anchor);
  g_assert_null (s->heading);
  g_assert_cmpstr (s->body, ==, "Intro text before any heading.");

  s = g_ptr_array_index (sections, 1);
  g_assert_cmpstr (s->anchor, ==, "career-ladder");
  g_assert_cmpstr (s->heading, ==, "Career ladder");
  g_assert_cmpstr (s->body, ==, "The ladder has levels.");

  s = g_ptr_array_index (sections, 2);
  g_assert_cmpstr (s->anchor, ==, "reviews");
  g_assert_cmpstr (s->heading, ==, "Code review");
  g_assert_nonnull (strstr (s->body, "Reviews code promptly"));
  g_assert_nonnull (strstr (s->body, "Quoted text"));
  g_assert_nonnull (strstr (s->body, "Heading in a list"));
  g_assert_null (strstr (s->body, "html block"));

  /* Anchors are the Markdown view's ids: the earlier "Code review" had its own. */
  s = g_ptr_array_index (sections, 3);
  g_assert_cmpstr (s->anchor, ==, "code-review");
  g_assert_cmpstr (s->body, ==, "fenced block");
}

static void
test_sections_bad_input (void)
{
  static const char bytes[] = "# T\xff" "itle\r\n\r\nA\0B\rline two\n";
  g_autoptr(GPtrArray) sections = pathways_search_dup_sections (bytes, sizeof bytes - 1);
  g_autoptr(GPtrArray) empty = pathways_search_dup_sections ("", 0);
  PathwaysSearchSection *s;

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (sections->len, ==, 1);
  s = g_ptr_array_index (sections, 0);
  g_assert_true (g_utf8_validate (s->heading, -1, NULL));
  g_assert_true (g_utf8_validate (s->body, -1, NULL));
  g_assert_nonnull (strstr (s->body, "line two"));
}

/* ---- the handbook index ---- */

typedef struct
{
  char                *dir;
  char                *root;
  char                *cache;
  PathwaysHandbook    *handbook;
  PathwaysSearchIndex *index;
  guint                progress_calls;
  guint                last_total;
} IndexFixture;

static void
write_page (IndexFixture *fixture,
            const char   *name,
            const char   *contents)
{
  g_autofree char *path = g_build_filename (fixture->root, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
progress_cb (PathwaysSearchIndex *index,
             guint                done,
             guint                total,
             IndexFixture        *fixture)
{
  fixture->progress_calls++;
  fixture->last_total = total;
}

static void
open_index (IndexFixture *fixture)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->root);
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->index);
  fixture->index = pathways_search_index_open (fixture->cache, root, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->index, "progress", G_CALLBACK (progress_cb), fixture);
}

/* Reloads the handbook and updates the index; returns how many pages it (re)indexed. */
static guint
update (IndexFixture *fixture)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->root);
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->handbook);
  fixture->handbook = pathways_handbook_new (root);
  pathways_handbook_load (fixture->handbook, NULL, &error);
  g_assert_no_error (error);

  fixture->progress_calls = 0;
  fixture->last_total = 0;
  g_assert_true (pathways_search_index_update (fixture->index, fixture->handbook, NULL, &error));
  g_assert_no_error (error);

  return fixture->last_total;
}

static void
index_fixture_setup (IndexFixture  *fixture,
                     gconstpointer  data)
{
  fixture->dir = pathways_test_make_temp_dir ("search");
  fixture->root = g_build_filename (fixture->dir, "handbook", NULL);
  fixture->cache = g_build_filename (fixture->dir, "cache", NULL);
  g_mkdir (fixture->root, 0700);

  write_page (fixture, "README.md", "# Welcome\n\nStart here.\n");
  write_page (fixture, "reviews.md",
              "# Performance reviews\n\nTwice a year.\n\n"
              "## Calibration\n\nManagers compare ratings in a calibration meeting.\n");
  write_page (fixture, "ladder/engineer.md",
              "# Engineer II\n\n## Code review\n\nReviews code promptly and kindly.\n\n"
              "## Delivery\n\nShips features. Writes a résumé of the work for reviews.\n");
  write_page (fixture, "oncall.md",
              "# On-call\n\nThe rota changes weekly. Calibration of alerts matters.\n");
  open_index (fixture);
}

static void
index_fixture_teardown (IndexFixture  *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->index);
  g_clear_object (&fixture->handbook);
  pathways_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->root);
  g_free (fixture->cache);
}

static GPtrArray *
query (IndexFixture *fixture,
       const char   *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = pathways_search_index_query (fixture->index, text, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* "page#anchor" for each result, in order, joined by spaces. */
static char *
dup_places (GPtrArray *results)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      PathwaysSearchResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->kind, ==, PATHWAYS_SEARCH_HANDBOOK);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s#%s", result->page,
                              result->anchor != NULL ? result->anchor : "");
    }

  return g_string_free (out, FALSE);
}

static void
assert_places (IndexFixture *fixture,
               const char   *text,
               const char   *expected)
{
  g_autoptr(GPtrArray) results = query (fixture, text);
  g_autofree char *places = dup_places (results);

  g_assert_cmpstr (places, ==, expected);
}

static void
test_index_sections (IndexFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  PathwaysSearchResult *result;
  g_autofree char *snippet = NULL;

  g_assert_cmpuint (update (fixture), ==, 4);
  g_assert_cmpuint (pathways_search_index_get_n_pages (fixture->index), ==, 4);

  results = query (fixture, "promptly");
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->page, ==, "ladder/engineer.md");
  g_assert_cmpstr (result->anchor, ==, "code-review");
  g_assert_cmpstr (result->title, ==, "Engineer II");
  g_assert_cmpstr (result->context, ==, "Code review");
  snippet = pathways_search_dup_plain_snippet (result->snippet, "[", "]");
  g_assert_cmpstr (snippet, ==, "Reviews code [promptly] and kindly.");

  /* Words in any order, prefixes, case and accents. */
  assert_places (fixture, "kindly REVIEWS", "ladder/engineer.md#code-review");
  assert_places (fixture, "prompt", "ladder/engineer.md#code-review");
  assert_places (fixture, "RESUME", "ladder/engineer.md#delivery");
  assert_places (fixture, "weekly rota", "oncall.md#on-call");
  assert_places (fixture, "nothing-like-this", "");
}

static void
test_index_phrase (IndexFixture  *fixture,
                   gconstpointer  data)
{
  update (fixture);

  assert_places (fixture, "\"calibration meeting\"", "reviews.md#calibration");
  assert_places (fixture, "\"meeting calibration\"", "");
  /* Without quotes: both pages that say it, the one with it in a heading first. */
  assert_places (fixture, "calibration", "reviews.md#calibration oncall.md#on-call");
}

static void
test_index_ranking (IndexFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;

  write_page (fixture, "a-body.md", "# Alpha\n\nThis page mentions ownership once.\n");
  write_page (fixture, "b-heading.md", "# Beta\n\n## Ownership\n\nText.\n");
  write_page (fixture, "c-title.md", "# Ownership\n\nText.\n");
  update (fixture);

  assert_places (fixture, "ownership",
                 "c-title.md#ownership b-heading.md#ownership a-body.md#alpha");

  /* A page shows three sections at most. */
  write_page (fixture, "many.md",
              "# Many\n\n## One\n\nzebra\n\n## Two\n\nzebra\n\n## Three\n\nzebra\n\n"
              "## Four\n\nzebra\n");
  update (fixture);
  results = query (fixture, "zebra");
  g_assert_cmpuint (results->len, ==, 3);
}

static void
test_index_changes (IndexFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *oncall = g_build_filename (fixture->root, "oncall.md", NULL);

  g_assert_cmpuint (update (fixture), ==, 4);

  /* Unchanged: only the stat pass, nothing read or written. */
  g_assert_cmpuint (update (fixture), ==, 0);
  g_assert_cmpuint (fixture->progress_calls, ==, 0);

  /* A page changes; the new words are found and the old ones are not. */
  write_page (fixture, "reviews.md", "# Performance reviews\n\nOnce a year, in December.\n");
  g_assert_cmpuint (update (fixture), ==, 1);
  assert_places (fixture, "december", "reviews.md#performance-reviews");
  assert_places (fixture, "\"calibration meeting\"", "");

  /* A page goes. */
  g_assert_cmpint (g_unlink (oncall), ==, 0);
  g_assert_cmpuint (update (fixture), ==, 1);
  assert_places (fixture, "rota", "");
  g_assert_cmpuint (pathways_search_index_get_n_pages (fixture->index), ==, 3);

  /* A page comes. */
  write_page (fixture, "new/hiring.md", "# Hiring\n\nInterview loops.\n");
  g_assert_cmpuint (update (fixture), ==, 1);
  assert_places (fixture, "interview", "new/hiring.md#hiring");
}

static void
test_index_reopen (IndexFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;

  update (fixture);
  path = g_strdup (pathways_search_index_get_path (fixture->index));

  /* Another index object for the same folder finds the same file and its contents, before
   * any update; and an update finds nothing to do. */
  open_index (fixture);
  g_assert_cmpstr (pathways_search_index_get_path (fixture->index), ==, path);
  g_assert_cmpuint (pathways_search_index_get_n_pages (fixture->index), ==, 4);
  assert_places (fixture, "promptly", "ladder/engineer.md#code-review");
  g_assert_cmpuint (update (fixture), ==, 0);
}

static void
test_index_corrupt_cache (IndexFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GError) error = NULL;

  update (fixture);
  path = g_strdup (pathways_search_index_get_path (fixture->index));
  wal = g_strconcat (path, "-wal", NULL);
  g_clear_object (&fixture->index);

  /* Garbage where the cache was: it is a cache, so it is made again. */
  g_file_set_contents (path, "this is not a database, just some bytes that are long enough "
                       "to look like a header and then some more bytes to be sure", -1,
                       &error);
  g_assert_no_error (error);
  g_remove (wal);
  open_index (fixture);
  assert_places (fixture, "promptly", "");
  g_assert_cmpuint (update (fixture), ==, 4);
  assert_places (fixture, "promptly", "ladder/engineer.md#code-review");
}

static void
test_index_page_became_folder (IndexFixture  *fixture,
                               gconstpointer  data)
{
  g_autofree char *oncall = g_build_filename (fixture->root, "oncall.md", NULL);
  g_autofree char *inside = g_build_filename (oncall, "x.txt", NULL);
  g_autoptr(GError) error = NULL;

  update (fixture);
  g_clear_object (&fixture->handbook);

  /* Between the handbook's scan and the index's read, a page becomes a folder: the page is
   * indexed empty, the others are unharmed, and nothing fails. */
  g_assert_cmpint (g_unlink (oncall), ==, 0);
  g_mkdir (oncall, 0700);
  g_file_set_contents (inside, "not a page", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (update (fixture), ==, 1);
  assert_places (fixture, "rota", "");
  assert_places (fixture, "promptly", "ladder/engineer.md#code-review");
}

/* A word in thousands of sections: the sections with it in a title or heading come first,
 * then the others, and nothing is lost. */
static void
test_index_broad (IndexFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) page = g_string_new ("# Many\n\n");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) all = NULL;

  for (guint i = 0; i < 2100; i++)
    g_string_append_printf (page, "## Part %u\n\nThe team meets.\n\n", i);
  write_page (fixture, "many.md", page->str);
  write_page (fixture, "team.md", "# Team\n\nWho is who.\n");
  write_page (fixture, "rituals.md", "# Rituals\n\n## Team meetings\n\nWeekly.\n");
  update (fixture);

  /* The title, the heading, then three sections of the big page (a page shows three). */
  results = query (fixture, "team");
  g_assert_cmpuint (results->len, ==, 5);
  g_assert_cmpstr (((PathwaysSearchResult *) g_ptr_array_index (results, 0))->page, ==,
                   "team.md");
  g_assert_cmpstr (((PathwaysSearchResult *) g_ptr_array_index (results, 1))->page, ==,
                   "rituals.md");
  for (guint i = 2; i < results->len; i++)
    {
      const PathwaysSearchResult *result = g_ptr_array_index (results, i);

      g_assert_cmpstr (result->page, ==, "many.md");
      g_assert_cmpstr (result->snippet, ==, "The \x02team\x03 meets.");
    }

  /* A query that isn't broad still finds them. */
  all = pathways_search_index_query (fixture->index, "team weekly", 100, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((PathwaysSearchResult *) g_ptr_array_index (all, 0))->anchor, ==,
                   "team-meetings");
}

/* A word in thousands of headings too: those come unranked, and nothing fails. */
static void
test_index_broad_headings (IndexFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) page = g_string_new ("# Handbook\n\n");
  g_autoptr(GPtrArray) results = NULL;

  for (guint i = 0; i < 2100; i++)
    g_string_append_printf (page, "## Team %u\n\nText.\n\n", i);
  write_page (fixture, "teams.md", page->str);
  write_page (fixture, "other.md", "# Other\n\nOur team is small.\n");
  update (fixture);

  results = query (fixture, "team");
  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      const PathwaysSearchResult *result = g_ptr_array_index (results, i);

      g_assert_cmpstr (result->page, ==, "teams.md");
      g_assert_true (g_str_has_prefix (result->anchor, "team-"));
    }
  g_assert_cmpstr (((PathwaysSearchResult *) g_ptr_array_index (results, 3))->page, ==,
                   "other.md");
}

/* CJK: every substring a plain search finds, the index finds. */
static const char *cjk_pages[] = {
  "# 評価制度\n\n半年ごとにパフォーマンス評価を行います。マネージャーは事前に自己評価を読みます。\n",
  "# 职业阶梯\n\n高级工程师负责代码审查和技术设计，并指导新同事。\n",
  "# 一对一会议\n\n每周一次，讨论职业发展、反馈和阻碍。\n",
  "# Mixed 混合\n\nThe on-call 轮值 changes weekly; コードレビュー is expected.\n",
};

static void
test_index_cjk_recall (IndexFixture  *fixture,
                       gconstpointer  data)
{
  guint n_queries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cjk_pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("cjk-%u.md", i);

      write_page (fixture, name, cjk_pages[i]);
    }
  update (fixture);

  /* Every substring of 1 to 4 characters of each page's text, as a query. */
  for (guint i = 0; i < G_N_ELEMENTS (cjk_pages); i++)
    {
      const char *text = strstr (cjk_pages[i], "\n\n") + 2;
      glong n_chars = g_utf8_strlen (text, -1);

      for (glong start = 0; start < n_chars; start++)
        for (glong len = 1; len <= 4 && start + len <= n_chars; len++)
          {
            const char *from = g_utf8_offset_to_pointer (text, start);
            const char *to = g_utf8_offset_to_pointer (text, start + len);
            g_autofree char *needle = g_strndup (from, to - from);
            g_autoptr(GPtrArray) results = NULL;
            gboolean found = FALSE;

            /* Words of other scripts are found by word and prefix, not inside. */
            for (const char *p = needle; *p != '\0'; p++)
              if ((guchar) *p < 0x80)
                goto next;
            if (!g_unichar_isalnum (g_utf8_get_char (needle)))
              continue;

            results = pathways_search_index_query (fixture->index, needle, 100, NULL);
            g_assert_nonnull (results);
            for (guint r = 0; r < results->len; r++)
              {
                PathwaysSearchResult *result = g_ptr_array_index (results, r);
                g_autofree char *expected = g_strdup_printf ("cjk-%u.md", i);

                found |= g_strcmp0 (result->page, expected) == 0;
              }

            if (!found)
              g_error ("“%s” is in cjk-%u.md but the index didn't find it", needle, i);
            n_queries++;
          next:
            ;
          }
    }

  g_assert_cmpuint (n_queries, >, 150);

  /* And not what isn't there. */
  assert_places (fixture, "评价", "");
  assert_places (fixture, "审查", "cjk-1.md#职业阶梯");
}

/* ---- records ---- */

typedef struct
{
  char          *dir;
  PathwaysDb    *db;
  PathwaysStore *store;
} RecordsFixture;

static void
exec_sql (RecordsFixture *fixture,
          const char     *sql)
{
  char *message = NULL;

  if (sqlite3_exec (pathways_db_get_handle (fixture->db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
records_setup (RecordsFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *path = NULL;

  fixture->dir = pathways_test_make_temp_dir ("search-records");
  path = g_build_filename (fixture->dir, "pathways.db", NULL);
  fixture->store = pathways_test_open_store (path, &fixture->db);

  exec_sql (fixture,
    "INSERT INTO person (id, name, title, notes) VALUES"
    "  (1, 'Amara Okafor', 'Staff Engineer', 'Loves distributed systems'),"
    "  (2, 'Bo Chen', 'Engineer', '');"
    "INSERT INTO meeting (id, person_id, scheduled_at, status, shared_notes, private_notes)"
    "  VALUES (10, 1, '2026-11-12T10:00', 'held', 'Talked about the on-call rota',"
    "          'Seems tired; watch for burnout');"
    "INSERT INTO agenda_item (id, meeting_id, person_id, body, notes)"
    "  VALUES (20, 10, 1, 'Conference talk proposal', 'Deadline in January');"
    "INSERT INTO agenda_item (id, meeting_id, person_id, body) VALUES (21, NULL, 2, 'Laptop');"
    "INSERT INTO action_item (id, person_id, meeting_id, body)"
    "  VALUES (30, 1, 10, 'Send the migration RFC');"
    "INSERT INTO note (id, person_id, kind, body, occurred_on)"
    "  VALUES (40, 2, 'win', 'Fixed the flaky deploy pipeline', '2026-10-01');"
    "INSERT INTO review_cycle (id, name, starts_on, ends_on)"
    "  VALUES (1, 'H2 2026', '2026-07-01', '2026-12-31');"
    "INSERT INTO review (id, person_id, cycle_id, body)"
    "  VALUES (50, 1, 1, 'Amara led the storage migration with care');"
    "INSERT INTO ladder_evidence (id, person_id, expectation_key, expectation_text, body,"
    "  occurred_on) VALUES (60, 2, 'swe/ii/review', 'Reviews code promptly',"
    "  'Turned around twelve reviews in a day', '2026-09-30');");
}

static void
records_teardown (RecordsFixture *fixture,
                  gconstpointer   data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  pathways_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
search_records (RecordsFixture *fixture,
                const char     *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = pathways_search_records (fixture->db, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static PathwaysSearchResult *
search_one (RecordsFixture *fixture,
            const char     *text,
            GPtrArray     **keep)
{
  *keep = search_records (fixture, text);
  if ((*keep)->len != 1)
    g_error ("“%s” found %u records, not 1", text, (*keep)->len);
  return g_ptr_array_index (*keep, 0);
}

static void
assert_not_found (RecordsFixture *fixture,
                  const char     *text)
{
  g_autoptr(GPtrArray) results = search_records (fixture, text);

  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_records_kinds (RecordsFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL, f = NULL;
  g_autoptr(GPtrArray) g = NULL, h = NULL, i = NULL;
  PathwaysSearchResult *r;

  r = search_one (fixture, "distributed", &a);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_PERSON);
  g_assert_cmpint (r->person_id, ==, 1);
  g_assert_cmpstr (r->title, ==, "Amara Okafor");

  r = search_one (fixture, "rota", &b);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_MEETING);
  g_assert_cmpint (r->meeting_id, ==, 10);
  g_assert_cmpstr (r->date, ==, "2026-11-12");
  g_assert_false (r->is_private);

  r = search_one (fixture, "burnout", &c);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_MEETING);
  g_assert_true (r->is_private);

  r = search_one (fixture, "january", &d);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_TALKING_POINT);
  g_assert_cmpint (r->record_id, ==, 20);
  g_assert_cmpint (r->meeting_id, ==, 10);

  r = search_one (fixture, "laptop", &e);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_TALKING_POINT);
  g_assert_cmpint (r->meeting_id, ==, 0);
  g_assert_cmpint (r->person_id, ==, 2);

  r = search_one (fixture, "rfc", &f);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_ACTION_ITEM);
  g_assert_cmpint (r->meeting_id, ==, 10);
  g_assert_cmpstr (r->context, ==, "open");

  r = search_one (fixture, "flaky pipeline", &g);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_NOTE);
  g_assert_cmpstr (r->date, ==, "2026-10-01");
  g_assert_cmpstr (r->context, ==, "win");

  r = search_one (fixture, "storage", &h);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_REVIEW);
  g_assert_cmpstr (r->context, ==, "H2 2026");
  g_assert_cmpint (r->cycle_id, ==, 1);

  r = search_one (fixture, "twelve", &i);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_EVIDENCE);
  g_assert_cmpstr (r->anchor, ==, "swe/ii/review");
  g_assert_cmpstr (r->context, ==, "Reviews code promptly");
}

static void
test_records_sync (RecordsFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;
  g_autoptr(GPtrArray) migration = NULL;
  PathwaysSearchResult *r;

  /* Updates replace the old words. */
  exec_sql (fixture, "UPDATE meeting SET shared_notes = 'Discussed the promotion packet'"
                     " WHERE id = 10");
  assert_not_found (fixture, "rota");
  r = search_one (fixture, "packet", &a);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_MEETING);
  r = search_one (fixture, "burnout", &b);
  g_assert_true (r->is_private);

  exec_sql (fixture, "UPDATE person SET name = 'Amara Eze' WHERE id = 1");
  assert_not_found (fixture, "okafor");
  r = search_one (fixture, "eze", &c);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_PERSON);

  /* Emptied notes leave the index. */
  exec_sql (fixture, "UPDATE meeting SET private_notes = '' WHERE id = 10");
  assert_not_found (fixture, "burnout");

  /* Deletes, one by one and by cascade. */
  exec_sql (fixture, "DELETE FROM note WHERE id = 40");
  assert_not_found (fixture, "flaky");
  exec_sql (fixture, "DELETE FROM action_item WHERE id = 30");
  assert_not_found (fixture, "rfc");

  /* Their review mentions "migration" until the person goes, and everything with them. */
  migration = search_records (fixture, "migration");
  g_assert_cmpuint (migration->len, ==, 1);
  exec_sql (fixture, "PRAGMA foreign_keys = ON; DELETE FROM person WHERE id = 1");
  assert_not_found (fixture, "migration");
  assert_not_found (fixture, "january");
  assert_not_found (fixture, "packet");
}

static void
test_records_deleted_person (RecordsFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(GPtrArray) results = NULL;

  /* In the bin: not found, though still in the database for undo. */
  exec_sql (fixture, "UPDATE person SET deleted_at = '2026-11-01T00:00:00Z' WHERE id = 2");
  assert_not_found (fixture, "laptop");
  assert_not_found (fixture, "twelve");
  exec_sql (fixture, "UPDATE person SET deleted_at = NULL WHERE id = 2");
  results = search_records (fixture, "laptop");
  g_assert_cmpuint (results->len, ==, 1);
}

static void
test_records_round_trip (RecordsFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;
  sqlite3_stmt *stmt = NULL;
  PathwaysSearchResult *r;

  /* Text that looks like SQL or FTS5 syntax is only text; 100,000 characters are fine. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (big, "filler ");
  g_string_append (big, "'); DROP TABLE note; -- \"quoted\" NEAR(x) 🙂 مرحبا zanzibar");

  g_assert_cmpint (sqlite3_prepare_v2 (pathways_db_get_handle (fixture->db),
                                       "INSERT INTO note (person_id, body) VALUES (2, ?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, big->str, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  r = search_one (fixture, "zanzibar", &a);
  g_assert_nonnull (strstr (r->snippet, "\x02zanzibar\x03"));
  r = search_one (fixture, "DROP TABLE", &b);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_NOTE);
  r = search_one (fixture, "مرحبا", &c);
  g_assert_cmpint (r->kind, ==, PATHWAYS_SEARCH_NOTE);
  assert_not_found (fixture, "\"");
}

static void
test_records_ranking (RecordsFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GPtrArray) results = NULL;
  PathwaysSearchResult *first;

  /* "code" is a talking point's title for one and buried in a note for the other. */
  exec_sql (fixture,
    "INSERT INTO note (person_id, body) VALUES"
    "  (1, 'A long note that eventually, after many words about other things, says code');"
    "INSERT INTO agenda_item (meeting_id, person_id, body) VALUES (10, 2, 'Code ownership');");
  results = search_records (fixture, "code");
  g_assert_cmpuint (results->len, >=, 2);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpint (first->kind, ==, PATHWAYS_SEARCH_TALKING_POINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/search/fold", test_fold);
  g_test_add_func ("/pathways/search/long-token", test_long_token);
  g_test_add_func ("/pathways/search/match", test_match);
  g_test_add_func ("/pathways/search/match-expanded", test_match_expanded);
  g_test_add_func ("/pathways/search/plain-snippet", test_plain_snippet);
  g_test_add_func ("/pathways/search/snippet", test_snippet);
  g_test_add_func ("/pathways/search/sections", test_sections);
  g_test_add_func ("/pathways/search/sections-bad-input", test_sections_bad_input);

#define ADD_INDEX(name, func) \
  g_test_add ("/pathways/search/index/" name, IndexFixture, NULL, \
              index_fixture_setup, func, index_fixture_teardown)
  ADD_INDEX ("sections", test_index_sections);
  ADD_INDEX ("phrase", test_index_phrase);
  ADD_INDEX ("ranking", test_index_ranking);
  ADD_INDEX ("changes", test_index_changes);
  ADD_INDEX ("reopen", test_index_reopen);
  ADD_INDEX ("corrupt-cache", test_index_corrupt_cache);
  ADD_INDEX ("page-became-folder", test_index_page_became_folder);
  ADD_INDEX ("cjk-recall", test_index_cjk_recall);
  ADD_INDEX ("broad", test_index_broad);
  ADD_INDEX ("broad-headings", test_index_broad_headings);
#undef ADD_INDEX

#define ADD_RECORDS(name, func) \
  g_test_add ("/pathways/search/records/" name, RecordsFixture, NULL, \
              records_setup, func, records_teardown)
  ADD_RECORDS ("kinds", test_records_kinds);
  ADD_RECORDS ("sync", test_records_sync);
  ADD_RECORDS ("deleted-person", test_records_deleted_person);
  ADD_RECORDS ("round-trip", test_records_round_trip);
  ADD_RECORDS ("ranking", test_records_ranking);
#undef ADD_RECORDS

  return g_test_run ();
}
