/* bench-search.c: how fast the handbook search index is, against baselines measured in the
 * same run: the cmark command rendering the same pages, and grep -rF finding the same words.
 *
 *   bench-search [--pages 1000,5000] [--keep DIR]
 *
 * For each size, a synthetic handbook is generated (deterministically: the same pages on
 * every run and machine), then this prints: the cold index time and cmark's time to render
 * every page; re-opening the unchanged handbook (the handbook scan and the index's stat
 * pass); query latency p50/p95 over a fixed set of queries; the index's size; and grep's
 * time for the same queries, with both sides' recall compared page by page.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "pathways-handbook.h"
#include "pathways-search.h"

#define VOCABULARY 4000
#define WORD_LENGTH 7
#define RUNS_PER_QUERY 5

static gboolean verbose;
static char *repeat_query;   /* --repeat: run this query many times, for a profiler */

/* ==== the synthetic handbook ==== */

typedef struct
{
  GRand     *rand;
  GPtrArray *words;   /* char*: VOCABULARY pseudo-words of WORD_LENGTH letters */
  GPtrArray *cjk;     /* char*: CJK phrases, 2–4 characters */
} Generator;

static const char *consonants = "bdfgklmnprstvz";
static const char *vowels = "aeiou";

/* Han and kana the CJK pages are written with. */
static const char *cjk_chars[] = {
  "評", "価", "制", "度", "半", "年", "職", "業", "階", "梯", "高", "級", "工", "程", "師",
  "代", "码", "审", "查", "技", "术", "设", "计", "会", "议", "反", "馈", "发", "展", "チ",
  "ー", "ム", "レ", "ビ", "ュ", "マ", "ネ", "ジ", "ャ", "の", "は", "を", "に", "で", "す",
};

static char *
make_word (GRand *rand)
{
  char word[WORD_LENGTH + 1];

  /* Fixed length: no word is inside another, so grep's substring matches are exactly the
   * index's word matches and the two recalls can be compared. */
  for (int i = 0; i < WORD_LENGTH; i++)
    word[i] = i % 2 == 0 ? consonants[g_rand_int_range (rand, 0, 14)]
                         : vowels[g_rand_int_range (rand, 0, 5)];
  word[WORD_LENGTH] = '\0';
  return g_strdup (word);
}

static void
generator_init (Generator *gen)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  gen->rand = g_rand_new_with_seed (20261128);
  gen->words = g_ptr_array_new_with_free_func (g_free);
  while (gen->words->len < VOCABULARY)
    {
      char *word = make_word (gen->rand);

      if (g_hash_table_add (seen, word))
        g_ptr_array_add (gen->words, word);
      else
        g_free (word);
    }

  gen->cjk = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < 200; i++)
    {
      GString *phrase = g_string_new (NULL);
      int n = g_rand_int_range (gen->rand, 2, 5);

      for (int j = 0; j < n; j++)
        g_string_append (phrase, cjk_chars[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (cjk_chars))]);
      g_ptr_array_add (gen->cjk, g_string_free (phrase, FALSE));
    }
}

static void
generator_clear (Generator *gen)
{
  g_rand_free (gen->rand);
  g_ptr_array_unref (gen->words);
  g_ptr_array_unref (gen->cjk);
}

/* A word, common ones far more often than rare ones (roughly Zipf). */
static const char *
pick_word (Generator *gen)
{
  double u = g_rand_double (gen->rand);
  guint index = (guint) (VOCABULARY * u * u * u);

  return g_ptr_array_index (gen->words, MIN (index, VOCABULARY - 1));
}

static void
append_sentence (Generator *gen,
                 GString   *out,
                 int        n_words)
{
  for (int i = 0; i < n_words; i++)
    {
      const char *word = pick_word (gen);

      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          if (g_rand_int_range (gen->rand, 0, 30) == 0)
            g_string_append_printf (out, "**%s**", word);
          else
            g_string_append (out, word);
        }
    }
  g_string_append (out, ". ");
}

static void
append_cjk_paragraph (Generator *gen,
                      GString   *out)
{
  int n = g_rand_int_range (gen->rand, 10, 30);

  for (int i = 0; i < n; i++)
    {
      g_string_append (out, g_ptr_array_index (gen->cjk, g_rand_int_range (gen->rand, 0, 200)));
      if (g_rand_int_range (gen->rand, 0, 6) == 0)
        g_string_append (out, "。");
    }
  g_string_append (out, "\n\n");
}

static char *
make_page (Generator *gen,
           guint      number,
           guint      n_pages)
{
  GString *out = g_string_new (NULL);
  gboolean cjk = number % 10 == 7;
  int sections = g_rand_int_range (gen->rand, 3, 9);

  if (number % 3 == 0)
    g_string_append_printf (out, "---\ntitle: Page %u\n---\n\n", number);
  g_string_append_printf (out, "# %s %s %u\n\n", pick_word (gen), pick_word (gen), number);

  for (int s = 0; s < sections; s++)
    {
      int paragraphs = g_rand_int_range (gen->rand, 1, 4);

      g_string_append_printf (out, "## %s %s\n\n", pick_word (gen), pick_word (gen));
      for (int p = 0; p < paragraphs; p++)
        {
          if (cjk)
            {
              append_cjk_paragraph (gen, out);
              continue;
            }
          for (int k = g_rand_int_range (gen->rand, 2, 6); k > 0; k--)
            append_sentence (gen, out, g_rand_int_range (gen->rand, 6, 18));
          g_string_append_printf (out, "See [%s](page-%u.md).\n\n", pick_word (gen),
                                  g_rand_int_range (gen->rand, 0, n_pages));
        }

      switch (g_rand_int_range (gen->rand, 0, 5))
        {
        case 0:
          for (int i = 0; i < 4; i++)
            g_string_append_printf (out, "- %s %s %s\n", pick_word (gen), pick_word (gen),
                                    pick_word (gen));
          g_string_append_c (out, '\n');
          break;
        case 1:
          g_string_append_printf (out, "```\n%s = %s (%s)\n```\n\n", pick_word (gen),
                                  pick_word (gen), pick_word (gen));
          break;
        case 2:
          g_string_append (out, "| Level | Scope |\n| --- | --- |\n");
          for (int i = 0; i < 3; i++)
            g_string_append_printf (out, "| %s | %s %s |\n", pick_word (gen), pick_word (gen),
                                    pick_word (gen));
          g_string_append_c (out, '\n');
          break;
        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
generate (Generator  *gen,
          const char *root,
          guint       n_pages)
{
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/section-%02u", root, i / 250);
      g_autofree char *name = g_strdup_printf ("%s/page-%u.md", dir, i);
      g_autofree char *text = make_page (gen, i, n_pages);
      g_autoptr(GError) error = NULL;

      g_mkdir_with_parents (dir, 0755);
      if (!g_file_set_contents (name, text, -1, &error))
        g_error ("%s", error->message);
    }
}

/* ==== measuring ==== */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  g_array_sort (values, compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (index, values->len - 1));
}

static void
collect_files (const char *dir,
               GPtrArray  *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect_files (path, files);
          g_free (path);
        }
      else
        g_ptr_array_add (files, path);
    }
}

/* Reads every page once, so that neither the index nor cmark is timed reading the disk:
 * with --keep the pages may not be in the page cache any more. */
static void
warm_page_cache (const char *root)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  collect_files (root, files);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;

      g_file_get_contents (g_ptr_array_index (files, i), &contents, NULL, NULL);
    }
}

/* cmark rendering every page to HTML, in batches of files per process. */
static double
time_cmark (const char *root)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  double start;

  collect_files (root, files);
  start = now_ms ();
  for (guint i = 0; i < files->len; i += 500)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      int status;

      g_ptr_array_add (argv, (char *) "cmark");
      for (guint j = i; j < MIN (i + 500, files->len); j++)
        g_ptr_array_add (argv, g_ptr_array_index (files, j));
      g_ptr_array_add (argv, NULL);

      if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error))
        {
          g_printerr ("cmark: %s\n", error->message);
          return -1;
        }
    }
  return now_ms () - start;
}

/* grep -rFil: the pages containing @query (as a fixed string, ignoring case). */
static GHashTable *
grep_pages (const char *root,
            const char *query,
            double     *ms)
{
  GHashTable *pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "grep", "-rFil", "--", query, root, NULL };
  g_auto(GStrv) lines = NULL;
  double start = now_ms ();
  gsize prefix = strlen (root) + 1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     NULL, &error))
    g_error ("grep: %s", error->message);
  *ms = now_ms () - start;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > prefix)
      g_hash_table_add (pages, g_strdup (lines[i] + prefix));
  return pages;
}

static GHashTable *
index_pages (PathwaysSearchIndex *index,
             const char          *query)
{
  GHashTable *pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) results = pathways_search_index_query (index, query, 1000000, NULL);

  for (guint i = 0; results != NULL && i < results->len; i++)
    g_hash_table_add (pages,
                      g_strdup (((PathwaysSearchResult *) g_ptr_array_index (results, i))->page));
  return pages;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static PathwaysHandbook *
load_handbook (const char *root,
               double     *ms)
{
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  PathwaysHandbook *handbook = pathways_handbook_new (folder);
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  if (!pathways_handbook_load (handbook, NULL, &error))
    g_error ("%s", error->message);
  *ms = now_ms () - start;
  return handbook;
}

static PathwaysSearchIndex *
open_index (const char *cache,
            const char *root)
{
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GError) error = NULL;
  PathwaysSearchIndex *index = pathways_search_index_open (cache, folder, &error);

  if (index == NULL)
    g_error ("%s", error->message);
  return index;
}

static void
update_index (PathwaysSearchIndex *index,
              PathwaysHandbook    *handbook)
{
  g_autoptr(GError) error = NULL;

  if (!pathways_search_index_update (index, handbook, NULL, &error))
    g_error ("%s", error->message);
}

static void
bench (Generator  *gen,
       const char *dir,
       guint       n_pages)
{
  g_autofree char *root = g_strdup_printf ("%s/handbook-%u", dir, n_pages);
  g_autofree char *cache = g_strdup_printf ("%s/cache-%u", dir, n_pages);
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autoptr(PathwaysSearchIndex) index = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) grep_times = g_array_new (FALSE, FALSE, sizeof (double));
  double scan_ms, cold_ms, cmark_ms, reopen_scan_ms, reopen_ms, start;
  guint recall_queries = 0, grep_hits = 0, both_hits = 0;
  gint64 size;

  g_print ("\n== %u pages ==\n", n_pages);
  generate (gen, root, n_pages);
  warm_page_cache (root);
  /* With --keep, the last run's index is still there: "cold" starts from none, not from
   * re-indexing every page into it. */
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", cache);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", cache);
  }

  /* Cold: no index cache at all (the pages themselves are in the page cache, as they are
   * for cmark). */
  handbook = load_handbook (root, &scan_ms);
  index = open_index (cache, root);
  start = now_ms ();
  update_index (index, handbook);
  cold_ms = now_ms () - start;
  cmark_ms = time_cmark (root);

  /* Re-open, as the app does at start: scan the folder, open the cache, stat every page. */
  g_clear_object (&index);
  g_clear_object (&handbook);
  handbook = load_handbook (root, &reopen_scan_ms);
  start = now_ms ();
  index = open_index (cache, root);
  update_index (index, handbook);
  reopen_ms = now_ms () - start;

  if (repeat_query != NULL)
    {
      start = now_ms ();
      for (int r = 0; r < 500; r++)
        g_ptr_array_unref (pathways_search_index_query (index, repeat_query, 20, NULL));
      printf ("%s: %.2f ms per query\n", repeat_query, (now_ms () - start) / 500);
      return;
    }

  /* The queries: words across the frequency range, pairs, a prefix, CJK phrases. */
  for (guint i = 0; i < 16; i++)
    g_ptr_array_add (queries, g_strdup (g_ptr_array_index (gen->words, (i * i * 13) % VOCABULARY)));
  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (queries, g_strdup_printf ("%s %s",
                                               (char *) g_ptr_array_index (gen->words, i * 7),
                                               (char *) g_ptr_array_index (gen->words, i * 11 + 3)));
  g_ptr_array_add (queries, g_strndup (g_ptr_array_index (gen->words, 5), 4));
  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (queries, g_strdup (g_ptr_array_index (gen->cjk, i * 17)));

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);

      for (int r = 0; r < RUNS_PER_QUERY; r++)
        {
          g_autoptr(GPtrArray) results = NULL;
          double t;

          start = now_ms ();
          results = pathways_search_index_query (index, query, 20, NULL);
          t = now_ms () - start;
          g_array_append_val (latencies, t);
          if (verbose && r == RUNS_PER_QUERY - 1)
            printf ("  %-24s %8.2f ms\n", query, t);
        }

      /* grep finds fixed strings: compare recall on the one-word and CJK queries. */
      if (strchr (query, ' ') == NULL)
        {
          g_autoptr(GHashTable) by_grep = NULL;
          g_autoptr(GHashTable) by_index = index_pages (index, query);
          GHashTableIter iter;
          gpointer page;
          double t;

          by_grep = grep_pages (root, query, &t);
          g_array_append_val (grep_times, t);
          recall_queries++;
          grep_hits += g_hash_table_size (by_grep);
          g_hash_table_iter_init (&iter, by_grep);
          while (g_hash_table_iter_next (&iter, &page, NULL))
            both_hits += g_hash_table_contains (by_index, page);
        }
    }

  size = file_size (pathways_search_index_get_path (index));
  {
    g_autofree char *wal = g_strconcat (pathways_search_index_get_path (index), "-wal", NULL);

    size += file_size (wal);
  }

  {
    double p50 = percentile (latencies, 0.5), p95 = percentile (latencies, 0.95);
    double grep_median = percentile (grep_times, 0.5);

    g_print ("%-44s %10.0f ms\n", "handbook scan (the app's own, for context)", scan_ms);
    g_print ("%-44s %10.0f ms\n", "cold index", cold_ms);
    g_print ("%-44s %10.0f ms\n", "cmark rendering every page (baseline)", cmark_ms);
    g_print ("%-44s %10.2f ×   (target < 3)\n", "cold index / cmark", cold_ms / cmark_ms);
    g_print ("%-44s %10.0f ms\n", "re-open: handbook scan", reopen_scan_ms);
    g_print ("%-44s %10.0f ms  (target < 200)\n", "re-open: index open + stat pass", reopen_ms);
    g_print ("%-44s %10.2f ms\n", "query p50", p50);
    g_print ("%-44s %10.2f ms  (target < 10)\n", "query p95", p95);
    g_print ("%-44s %10.1f ms\n", "grep -rFil per query, median (baseline)", grep_median);
    g_print ("%-44s %10.0f ×   (target ≥ 20)\n", "grep median / query p95", grep_median / p95);
    g_print ("%-44s %10.1f MB\n", "index size", size / 1e6);
    g_print ("%-44s %9.1f %%   (%u of %u pages grep found, over %u queries)\n",
             "recall against grep", grep_hits > 0 ? 100.0 * both_hits / grep_hits : 100.0,
             both_hits, grep_hits, recall_queries);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pages_arg = NULL;
  g_autofree char *keep = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_STRING, &pages_arg, "Handbook sizes (default 1000,5000)",
      "N,N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Generate into this folder and keep it",
      "DIR" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print each query's time", NULL },
    { "repeat", 0, 0, G_OPTION_ARG_STRING, &repeat_query,
      "After indexing, run this query 500 times (to profile it)", "QUERY" },
    { NULL }
  };
  Generator gen;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— benchmark the handbook search index");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("pathways-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0755);

  sizes = g_strsplit (pages_arg != NULL ? pages_arg : "1000,5000", ",", -1);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      generator_init (&gen);
      bench (&gen, dir, (guint) g_ascii_strtoull (sizes[i], NULL, 10));
      generator_clear (&gen);
    }

  if (keep == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", dir);
    }
  return 0;
}
