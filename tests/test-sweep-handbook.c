/* test-sweep-handbook.c: the bad-input sweep over the handbook's core — scanning, reading,
 * parsing and indexing a handbook full of nasty pages, with no display. Each test builds
 * its inputs at run time in a temporary folder and asserts what a reader would notice: the
 * page is listed under a sensible title, its text can be read and found, and what could
 * not be read is said, in a message naming the page.
 *
 * Covered elsewhere, and not repeated here:
 *   0-byte page title            test-handbook /title/non-utf8
 *   symlinked folder loops       test-handbook /scan/symlink-loop, /scan/symlink-escape
 *   unreadable files and folders test-handbook /scan/unreadable-file, /scan/unreadable-folder
 *                                (they skip as root; /unreadable here drops to "nobody")
 *   javascript:, file:, data:    test-handbook /link/unsafe-schemes, /link/escaping,
 *   and ".." links               /link/percent-encoded
 *   BOM, NUL, invalid UTF-8      test-markdown /sanitize/…, test-search /sections-bad-input
 *   CRLF front matter            test-markdown /front-matter/crlf
 *   a page becoming a folder     test-search /index/page-became-folder (the index's side)
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sweep-handbook"

/* unshare() and CLONE_NEWNS, for the read-only folder */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pathways-handbook.h"
#include "pathways-markdown.h"
#include "pathways-search.h"
#include "pathways-test-util.h"

/* ---- helpers ---- */

typedef struct
{
  char                *dir;     /* everything the test makes lives under here */
  char                *root;    /* the handbook folder */
  char                *cache;   /* the search index's cache folder */
  char                *extra_dir;  /* another folder to remove afterwards, or NULL */
  PathwaysHandbook    *handbook;
  PathwaysSearchIndex *index;
} Sweep;

static void
sweep_set_up (Sweep         *sweep,
              gconstpointer  data)
{
  sweep->dir = pathways_test_make_temp_dir ("sweep-handbook");
  sweep->root = g_build_filename (sweep->dir, "handbook", NULL);
  sweep->cache = g_build_filename (sweep->dir, "cache", NULL);
  g_assert_cmpint (g_mkdir (sweep->root, 0755), ==, 0);
}

static void
sweep_tear_down (Sweep         *sweep,
                 gconstpointer  data)
{
  g_clear_object (&sweep->index);
  g_clear_object (&sweep->handbook);
  pathways_test_remove_tree (sweep->dir);
  if (sweep->extra_dir != NULL)
    pathways_test_remove_tree (sweep->extra_dir);
  g_free (sweep->extra_dir);
  g_free (sweep->dir);
  g_free (sweep->root);
  g_free (sweep->cache);
}

static void
write_page (Sweep      *sweep,
            const char *name,
            const char *contents,
            gssize      len)
{
  pathways_test_write_file (sweep->root, name, contents, len);
}

static void
load (Sweep *sweep)
{
  g_autoptr(GFile) root = g_file_new_for_path (sweep->root);
  g_autoptr(GError) error = NULL;

  g_clear_object (&sweep->handbook);
  sweep->handbook = pathways_handbook_new (root);
  g_assert_true (pathways_handbook_load (sweep->handbook, NULL, &error));
  g_assert_no_error (error);
}

/* Loads the handbook and brings the search index up to date with it. */
static void
load_and_index (Sweep *sweep)
{
  g_autoptr(GFile) root = g_file_new_for_path (sweep->root);
  g_autoptr(GError) error = NULL;

  load (sweep);
  if (sweep->index == NULL)
    {
      sweep->index = pathways_search_index_open (sweep->cache, root, &error);
      g_assert_no_error (error);
    }
  g_assert_true (pathways_search_index_update (sweep->index, sweep->handbook, NULL, &error));
  g_assert_no_error (error);
}

static const char *
title_of (Sweep      *sweep,
          const char *path)
{
  PathwaysPageNode *node = pathways_handbook_lookup (sweep->handbook, path);

  if (node == NULL)
    g_error ("“%s” is not listed", path);
  return pathways_page_node_get_title (node);
}

static char *
read_page (Sweep      *sweep,
           const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *text = pathways_handbook_read_page (sweep->handbook, path, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* Reads and parses a page as the page view does. */
static PathwaysMarkdownDoc *
parse_page (Sweep      *sweep,
            const char *path)
{
  gsize len = 0;
  g_autofree char *text = read_page (sweep, path, &len);

  return pathways_markdown_doc_parse (text, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
}

/* All the text a reader sees in @doc, blocks separated by newlines. */
static char *
dup_doc_text (PathwaysMarkdownDoc *doc)
{
  return pathways_markdown_node_dup_text (doc->root);
}

/* "page#anchor" of each search result, joined by spaces. */
static char *
dup_places (Sweep      *sweep,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = pathways_search_index_query (sweep->index, query, 20, &error);
  GString *places = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      const PathwaysSearchResult *result = g_ptr_array_index (results, i);

      g_string_append_printf (places, "%s%s#%s", places->len > 0 ? " " : "", result->page,
                              result->anchor != NULL ? result->anchor : "");
    }
  return g_string_free (places, FALSE);
}

static void
assert_found (Sweep      *sweep,
              const char *query,
              const char *places)
{
  g_autofree char *got = dup_places (sweep, query);

  if (g_strcmp0 (got, places) != 0)
    g_error ("searching “%s” found “%s”, expected “%s”", query, got, places);
}

static guint
count_nodes (cmark_node      *root,
             cmark_node_type  type)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  guint n = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type (cmark_iter_get_node (iter)) == type)
      n++;
  cmark_iter_free (iter);
  return n;
}

/* The peak resident memory of this process so far, in MB. */
static long
peak_rss_mb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss / 1024;
}

/* ---- empty and huge pages ---- */

static void
test_empty_pages (Sweep         *sweep,
                  gconstpointer  data)
{
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *text = NULL;
  gsize len = 1;

  write_page (sweep, "index.md", "", 0);
  write_page (sweep, "blank-page.md", "", 0);
  write_page (sweep, "folder/index.md", "", 0);
  write_page (sweep, "folder/also-blank.md", "", 0);
  write_page (sweep, "folder/words.md", "# Words\n\nThe only words here.\n", -1);
  load_and_index (sweep);

  /* Every page listed, titled from its name; the empty root index is still the home. */
  g_assert_cmpuint (pathways_handbook_get_n_pages (sweep->handbook), ==, 5);
  g_assert_cmpstr (pathways_handbook_get_home_page (sweep->handbook), ==, "index.md");
  g_assert_cmpstr (title_of (sweep, "blank-page.md"), ==, "Blank page");
  g_assert_cmpstr (title_of (sweep, "folder/index.md"), ==, "Folder");
  g_assert_cmpstr (title_of (sweep, "folder/also-blank.md"), ==, "Also blank");

  /* Reading one gives nothing, not an error; it parses to an empty page. */
  text = read_page (sweep, "blank-page.md", &len);
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpstr (text, ==, "");
  doc = parse_page (sweep, "blank-page.md");
  g_assert_null (doc->title);
  g_assert_cmpuint (doc->headings->len, ==, 0);
  g_assert_false (doc->truncated || doc->had_nul || doc->had_invalid_utf8);
  g_assert_null (cmark_node_first_child (doc->root));

  /* The index holds them all, and the one page with words is found. */
  g_assert_cmpuint (pathways_search_index_get_n_pages (sweep->index), ==, 5);
  assert_found (sweep, "only words", "folder/words.md#words");
}

static void
test_huge_page (Sweep         *sweep,
                gconstpointer  data)
{
  g_autoptr(GString) page = g_string_new ("# A very long page\n\nFirstparagraphword.\n\n");
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  /* 10 MB, more than a page may be; the last line says something only the end has. */
  while (page->len < 10 * 1024 * 1024)
    g_string_append (page, "Another line of a handbook page that goes on and on and on.\n\n");
  g_string_append (page, "Lastlineword.\n");
  write_page (sweep, "huge.md", page->str, page->len);
  write_page (sweep, "small.md", "# Small\n\nSmallpageword.\n", -1);
  load_and_index (sweep);

  g_assert_cmpstr (title_of (sweep, "huge.md"), ==, "A very long page");

  /* Read whole (it is under the read limit), parsed in part, and flagged so the view can
   * say it is not all shown. */
  text = read_page (sweep, "huge.md", &len);
  g_assert_cmpuint (len, ==, page->len);
  doc = pathways_markdown_doc_parse (text, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  g_assert_true (doc->truncated);
  g_assert_cmpuint (doc->source_len, ==, page->len);
  g_assert_cmpstr (doc->title, ==, "A very long page");
  shown = dup_doc_text (doc);
  g_assert_nonnull (strstr (shown, "Firstparagraphword."));
  g_assert_null (strstr (shown, "Lastlineword"));
  g_assert_cmpuint (strlen (shown), <=, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);

  /* Search finds what is shown, the other page is unharmed, and what is not shown is not
   * found either. */
  assert_found (sweep, "firstparagraphword", "huge.md#a-very-long-page");
  assert_found (sweep, "smallpageword", "small.md#small");
  assert_found (sweep, "lastlineword", "");
}

/* A file of gigabytes (sparse, so it costs no disk) dropped into the handbook: listed,
 * read only in part, and nothing holds more than a few times the page limit in memory. */
static void
test_gigabyte_file (Sweep         *sweep,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (sweep->root, "dump.md", NULL);
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *text = NULL;
  long rss_before = peak_rss_mb ();
  gsize len = 0;
  int fd;

  write_page (sweep, "dump.md", "# Dump\n\nDumpword.\n", -1);
  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (4) << 30), ==, 0);
  close (fd);

  load_and_index (sweep);
  g_assert_cmpstr (title_of (sweep, "dump.md"), ==, "Dump");
  text = read_page (sweep, "dump.md", &len);
  g_assert_cmpuint (len, <=, 4 * PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  doc = pathways_markdown_doc_parse (text, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  g_assert_true (doc->truncated);
  /* Cut at the last line end before the limit: what is shown is the page's text. */
  g_assert_cmpstr (doc->title, ==, "Dump");
  assert_found (sweep, "dumpword", "dump.md#dump");

  g_assert_cmpint (peak_rss_mb () - rss_before, <, 512);
}

/* ---- long and deep pages ---- */

static void
test_long_list (Sweep         *sweep,
                gconstpointer  data)
{
  g_autoptr(GString) page = g_string_new ("# Checklist\n\n");
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 1; i <= 50000; i++)
    g_string_append_printf (page, "- item %u%s\n", i, i == 50000 ? " lastitemword" : "");
  g_string_append (page, "\n## Steps\n\n1. numbered\n");
  for (guint i = 2; i <= 50000; i++)
    g_string_append_printf (page, "%u. step %u\n", i, i);
  g_string_append (page, "\n## After\n\nAfterword.\n");
  write_page (sweep, "list.md", page->str, page->len);
  load_and_index (sweep);

  doc = parse_page (sweep, "list.md");
  g_assert_false (doc->truncated);
  g_assert_cmpuint (count_nodes (doc->root, CMARK_NODE_ITEM), ==, 100000);
  g_assert_cmpuint (count_nodes (doc->root, CMARK_NODE_LIST), ==, 2);
  shown = dup_doc_text (doc);
  g_assert_nonnull (strstr (shown, "item 50000 lastitemword"));
  g_assert_nonnull (strstr (shown, "step 50000"));

  /* The last item of each list is found, and the section after them. (A section's text is
   * indexed up to 512 KB: these lists are just over and just under that.) */
  assert_found (sweep, "lastitemword", "list.md#checklist");
  assert_found (sweep, "numbered", "list.md#steps");
  assert_found (sweep, "afterword", "list.md#after");
}

/* A page with @levels of nesting, one level deeper on each line, each line's container
 * markers written by @prefix; the innermost line has a word of its own. */
static char *
dup_deep (const char *(*prefix) (guint level, GString *into),
          guint        levels)
{
  GString *page = g_string_new ("# Deep\n\n");

  for (guint level = 1; level <= levels; level++)
    {
      prefix (level, page);
      g_string_append_printf (page, "level %u%s\n", level,
                              level == levels ? " innermostword" : "");
    }
  g_string_append (page, "\n## Out\n\nOutsideword.\n");
  return g_string_free (page, FALSE);
}

static const char *
quote_prefix (guint    level,
              GString *into)
{
  for (guint i = 0; i < level; i++)
    g_string_append (into, "> ");
  return NULL;
}

/* Lists nested by indentation, bullets and numbers by turns, as Markdown writers do. */
static const char *
list_prefix (guint    level,
             GString *into)
{
  /* Each level's content starts where the previous marker's content did: "- " is two
   * columns, "1. " three. */
  static guint indent[1002];

  indent[level] = level == 1 ? 0 : indent[level - 1] + (level % 2 == 0 ? 2 : 3);
  for (guint i = 0; i < indent[level]; i++)
    g_string_append_c (into, ' ');
  g_string_append (into, level % 2 == 1 ? "- " : "1. ");
  return NULL;
}

static guint
max_depth (cmark_node      *root,
           cmark_node_type  type)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  guint depth = 0, max = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      if (cmark_node_get_type (cmark_iter_get_node (iter)) != type)
        continue;
      if (event == CMARK_EVENT_ENTER)
        max = MAX (max, ++depth);
      else
        depth--;
    }
  cmark_iter_free (iter);
  return max;
}

static void
check_deep (Sweep           *sweep,
            const char      *name,
            cmark_node_type  type,
            const char *   (*prefix) (guint level, GString *into))
{
  g_autofree char *page = dup_deep (prefix, 1000);
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *place = g_strdup_printf ("%s#deep", name);
  g_autofree char *out = g_strdup_printf ("%s#out", name);

  write_page (sweep, name, page, -1);
  load_and_index (sweep);

  doc = parse_page (sweep, name);
  g_assert_cmpuint (max_depth (doc->root, type), >=, 1000);
  shown = dup_doc_text (doc);
  g_assert_nonnull (strstr (shown, "level 1 level 2 "));
  g_assert_nonnull (strstr (shown, "level 1000 innermostword"));
  /* The nesting ends where it should: the heading after it is a heading of the page. */
  g_assert_cmpuint (doc->headings->len, ==, 2);

  assert_found (sweep, "innermostword", place);
  assert_found (sweep, "outsideword", out);
}

static void
test_deep_quotes (Sweep         *sweep,
                  gconstpointer  data)
{
  check_deep (sweep, "quotes.md", CMARK_NODE_BLOCK_QUOTE, quote_prefix);
}

static void
test_deep_lists (Sweep         *sweep,
                 gconstpointer  data)
{
  check_deep (sweep, "lists.md", CMARK_NODE_LIST, list_prefix);
}

/* ---- encodings and line endings ---- */

/* Each page goes through the whole pipeline: the title the tree lists, the title and
 * headings the page shows, and where search lands, must agree. */
typedef struct
{
  const char *name;
  const char *bytes;
  gssize      len;
  const char *title;      /* in the tree and on the page */
  const char *word;       /* a word of the body */
  const char *place;      /* where searching it lands */
  gboolean    notice;     /* the page says characters could not be read */
} EncodedPage;

static void
check_encoded (Sweep             *sweep,
               const EncodedPage *pages,
               guint              n_pages)
{
  for (guint i = 0; i < n_pages; i++)
    write_page (sweep, pages[i].name, pages[i].bytes, pages[i].len);
  load_and_index (sweep);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(PathwaysMarkdownDoc) doc = parse_page (sweep, pages[i].name);
      g_autofree char *shown = dup_doc_text (doc);

      g_test_message ("%s", pages[i].name);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
      g_assert_cmpstr (title_of (sweep, pages[i].name), ==, pages[i].title);
      /* Without a heading of its own the page is titled as in the tree. */
      g_assert_cmpstr (doc->title != NULL ? doc->title : title_of (sweep, pages[i].name), ==,
                       pages[i].title);
      g_assert_cmpint (doc->had_nul || doc->had_invalid_utf8, ==, pages[i].notice);
      /* No line ending or mark leaks into what is shown, and front matter is not shown. */
      g_assert_null (strchr (shown, '\r'));
      g_assert_false (g_str_has_prefix (shown, "\357\273\277"));
      g_assert_null (strstr (shown, "title:"));
      for (guint h = 0; h < doc->headings->len; h++)
        {
          const PathwaysHeading *heading = g_ptr_array_index (doc->headings, h);

          g_assert_null (strchr (heading->text, '\r'));
          g_assert_null (strchr (heading->id, '\r'));
        }
      assert_found (sweep, pages[i].word, pages[i].place);
    }
}

static void
test_crlf (Sweep         *sweep,
           gconstpointer  data)
{
  const EncodedPage pages[] = {
    { "windows.md", "---\r\ntitle: Windows page\r\n---\r\n# Heading\r\n\r\nCrlfword one.\r\n"
                    "\r\n## Second\r\n\r\n- a\r\n- crlfitem\r\n", -1,
      "Windows page", "crlfword", "windows.md#heading", FALSE },
    { "no-front.md", "Setext title\r\n===\r\n\r\nCrlfsetext.\r\n", -1,
      "Setext title", "crlfsetext", "no-front.md#setext-title", FALSE },
  };

  check_encoded (sweep, pages, G_N_ELEMENTS (pages));
}

/* Classic Mac line endings: a lone CR ends a line for cmark, so it must for front matter
 * and titles too. */
static void
test_lone_cr (Sweep         *sweep,
              gconstpointer  data)
{
  const EncodedPage pages[] = {
    { "mac.md", "---\rtitle: Mac page\r---\r# Classic heading\r\rCrword here.\r", -1,
      "Mac page", "crword", "mac.md#classic-heading", FALSE },
    { "mac-h1.md", "Intro line\r\r# Mac heading\r\rCrtwo.\r## Sub\rMore.\r", -1,
      "Mac heading", "crtwo", "mac-h1.md#mac-heading", FALSE },
    { "mixed.md", "# Mixed\r\n\rMixedword\r\nend.\n", -1,
      "Mixed", "mixedword", "mixed.md#mixed", FALSE },
  };

  check_encoded (sweep, pages, G_N_ELEMENTS (pages));
}

static void
test_bom (Sweep         *sweep,
          gconstpointer  data)
{
  const EncodedPage pages[] = {
    { "bom-front.md", "\357\273\277---\ntitle: Bom page\n---\n# H\n\nBomword.\n", -1,
      "Bom page", "bomword", "bom-front.md#h", FALSE },
    { "bom-h1.md", "\357\273\277# Bom heading\r\n\r\nBomtwo.\r\n", -1,
      "Bom heading", "bomtwo", "bom-h1.md#bom-heading", FALSE },
    /* A BOM in the middle is a character (U+FEFF), not a mark to drop: it is harmless. */
    { "bom-mid.md", "# Mid\n\nBommid\357\273\277dle.\n", -1,
      "Mid", "bommid", "bom-mid.md#mid", FALSE },
  };

  check_encoded (sweep, pages, G_N_ELEMENTS (pages));
}

static void
test_nul (Sweep         *sweep,
          gconstpointer  data)
{
  static const char nul_title[] = "# Nul\0title\n\nNulword before\0after.\n";
  static const char nul_front[] = "---\ntitle: Front\0matter\n---\n\nNulfront.\n";
  const EncodedPage pages[] = {
    { "nul-title.md", nul_title, sizeof nul_title - 1,
      "Nul\357\277\275title", "nulword", "nul-title.md#nultitle", TRUE },
    { "nul-front.md", nul_front, sizeof nul_front - 1,
      "Front\357\277\275matter", "nulfront", "nul-front.md#", TRUE },
  };

  check_encoded (sweep, pages, G_N_ELEMENTS (pages));
}

static void
test_invalid_utf8 (Sweep         *sweep,
                   gconstpointer  data)
{
  const EncodedPage pages[] = {
    /* Latin-1, as older editors on Windows save. */
    { "latin1.md", "# Caf\351 menu\n\nCr\350me br\373l\351e latinword.\n", -1,
      "Caf\357\277\275 menu", "latinword", "latin1.md#caf-menu", TRUE },
    /* A truncated sequence at the very end, and overlong and surrogate encodings. */
    { "broken.md", "# Broken\n\nBrokenword \300\257 \355\240\200 end \342\202", -1,
      "Broken", "brokenword", "broken.md#broken", TRUE },
    /* UTF-16 with its BOM: every other byte is NUL; nothing crashes, the page says so, and
     * it is found by its title. */
    { "utf16.md", "\377\376#\000 \000T\000i\000t\000l\000e\000\n\000", 18,
      "Utf16", "utf16", "utf16.md#", TRUE },
  };

  check_encoded (sweep, pages, G_N_ELEMENTS (pages));
}

/* ---- file names ---- */

static void
test_file_names (Sweep         *sweep,
                 gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *href;   /* a link to it from index.md, as a writer would encode it */
    const char *title;  /* its title in the tree, from its name */
    const char *word;
  } names[] = {
    { "with spaces.md", "with%20spaces.md", "With spaces", "spaceword" },
    { "  leading blanks.md", "%20%20leading%20blanks.md", "Leading blanks", "leadingword" },
    { "日本語のページ.md", "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%83%9A%E3%83%BC%E3%82%B8.md",
      "日本語のページ", "japaneseword" },
    { "émoji 🎉 café.md", "%C3%A9moji%20%F0%9F%8E%89%20caf%C3%A9.md", "Émoji 🎉 café",
      "emojiword" },
    /* Newlines and tabs in a name: legal on Linux, and shown on one line. */
    { "two\nlines.md", "two%0Alines.md", "Two lines", "newlineword" },
    { "tab\there.md", "tab%09here.md", "Tab here", "tabword" },
    { "hash#and?query.md", "hash%23and%3Fquery.md", "Hash#and?query", "hashword" },
    { "100% sure.md", "100%25%20sure.md", "100% sure", "percentword" },
    { "-dash.md", "-dash.md", "Dash", "dashword" },
    /* Not UTF-8: a Latin-1 name from an old archive. */
    { "caf\351.md", "caf%E9.md", "Caf\357\277\275", "latinnameword" },
  };

  write_page (sweep, "index.md", "# Home\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* No heading: the title comes from the name. */
      g_autofree char *body = g_strdup_printf ("Text with %s in it.\n", names[i].word);

      write_page (sweep, names[i].name, body, -1);
    }
  load_and_index (sweep);
  g_assert_cmpuint (pathways_handbook_get_n_pages (sweep->handbook), ==,
                    G_N_ELEMENTS (names) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *title = title_of (sweep, names[i].name);
      g_autofree char *target = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;
      const PathwaysSearchResult *result;

      g_test_message ("%s", names[i].href);
      /* The tree shows a title that GTK can show, on one line. */
      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_null (strpbrk (title, "\n\r\t"));
      g_assert_cmpstr (title, ==, names[i].title);

      /* The link finds it, the page reads, and search lands on it. */
      g_assert_cmpint (pathways_handbook_resolve_link (sweep->handbook, "index.md",
                                                       names[i].href, &target, NULL),
                       ==, PATHWAYS_LINK_PAGE);
      g_assert_cmpstr (target, ==, names[i].name);
      text = pathways_handbook_read_page (sweep->handbook, names[i].name, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, names[i].word));

      results = pathways_search_index_query (sweep->index, names[i].word, 5, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, 1);
      result = g_ptr_array_index (results, 0);
      g_assert_cmpstr (result->page, ==, names[i].name);
      g_assert_true (g_utf8_validate (result->title, -1, NULL));
    }
}

/* ---- a big folder ---- */

static void
test_twenty_thousand_pages (Sweep         *sweep,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const PathwaysSearchResult *result;
  GListModel *tree;

  /* Creating 20,000 files on a disk takes seconds of file system work that says nothing
   * about Pathways: in memory (tmpfs) where there is one. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    {
      g_autofree char *fast = g_strdup ("/dev/shm/pathways-sweep-handbook-XXXXXX");

      g_assert_nonnull (g_mkdtemp (fast));
      pathways_test_remove_tree (sweep->root);
      g_free (sweep->root);
      sweep->root = g_build_filename (fast, "handbook", NULL);
      g_assert_cmpint (g_mkdir (sweep->root, 0755), ==, 0);
      /* Removed with the rest of the test's folder. */
      sweep->extra_dir = g_steal_pointer (&fast);
    }

  /* One flat folder, as an export from a wiki makes. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%05u.md", i);
      g_autofree char *body = g_strdup_printf ("# Page %u\n\nBody of page %u%s.\n", i, i,
                                               i == 19999 ? ", the zebraword one" : "");

      write_page (sweep, name, body, -1);
    }
  load_and_index (sweep);

  g_assert_cmpuint (pathways_handbook_get_n_pages (sweep->handbook), ==, 20000);
  tree = pathways_handbook_get_tree (sweep->handbook);
  g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 20000);
  g_assert_cmpstr (title_of (sweep, "page-19999.md"), ==, "Page 19999");
  g_assert_cmpuint (pathways_search_index_get_n_pages (sweep->index), ==, 20000);

  results = pathways_search_index_query (sweep->index, "zebraword", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->page, ==, "page-19999.md");
  g_assert_cmpstr (result->title, ==, "Page 19999");
}

/* ---- symlink loops ---- */

static void
make_link (Sweep      *sweep,
           const char *target,
           const char *name)
{
  g_autofree char *path = g_build_filename (sweep->root, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
test_symlink_loops (Sweep         *sweep,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;

  write_page (sweep, "index.md", "# Home\n\nHomeword.\n", -1);
  write_page (sweep, "deep/a/b/c/page.md", "# Deep page\n\nDeepword.\n", -1);
  /* Pages that are links to each other, or to themselves. */
  make_link (sweep, "pong.md", "ping.md");
  make_link (sweep, "ping.md", "pong.md");
  make_link (sweep, "self.md", "self.md");
  /* A folder that leads back to the root from deep down, and one to its own parent. */
  make_link (sweep, "../../../..", "deep/a/b/c/to-root");
  make_link (sweep, "..", "deep/a/up");
  /* A chain of links that ends in a loop. */
  make_link (sweep, "chain-2", "chain-1");
  make_link (sweep, "chain-3", "chain-2");
  make_link (sweep, "chain-1", "chain-3");

  load_and_index (sweep);
  pathways_handbook_watch (sweep->handbook);
  pathways_handbook_rescan (sweep->handbook);

  /* Each real page once; the loops are not pages, and not reached twice. */
  g_assert_cmpuint (pathways_handbook_get_n_pages (sweep->handbook), ==, 2);
  g_assert_null (pathways_handbook_lookup (sweep->handbook, "ping.md"));
  g_assert_null (pathways_handbook_lookup (sweep->handbook, "self.md"));
  g_assert_null (pathways_handbook_lookup (sweep->handbook, "deep/a/b/c/to-root/index.md"));
  g_assert_cmpstr (title_of (sweep, "deep/a/b/c/page.md"), ==, "Deep page");

  /* Reading or following one says it is not a page, rather than hanging. */
  text = pathways_handbook_read_page (sweep->handbook, "ping.md", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE);
  g_assert_nonnull (strstr (error->message, "ping.md"));
  g_assert_cmpint (pathways_handbook_resolve_link (sweep->handbook, "index.md", "self.md",
                                                   &target, NULL), ==, PATHWAYS_LINK_MISSING);
  g_clear_pointer (&target, g_free);
  g_assert_cmpint (pathways_handbook_resolve_link (sweep->handbook, "index.md",
                                                   "deep/a/up/up/up/b/c/page.md", &target,
                                                   NULL), !=, PATHWAYS_LINK_EXTERNAL);

  assert_found (sweep, "deepword", "deep/a/b/c/page.md#deep-page");
  g_assert_cmpuint (pathways_search_index_get_n_pages (sweep->index), ==, 2);
}

/* ---- a page that becomes a folder ---- */

typedef struct
{
  GPtrArray *removed;
  guint      tree_changed;
} Events;

static void
on_page_removed (PathwaysHandbook *handbook,
                 const char       *path,
                 Events           *events)
{
  g_ptr_array_add (events->removed, g_strdup (path));
}

static void
on_tree_changed (PathwaysHandbook *handbook,
                 Events           *events)
{
  events->tree_changed++;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_page_became_folder (Sweep         *sweep,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (sweep->root, "guide.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Events events = { g_ptr_array_new_with_free_func (g_free), 0 };
  gboolean timed_out = FALSE;
  guint timeout;

  write_page (sweep, "index.md", "# Home\n", -1);
  write_page (sweep, "guide.md", "# Guide\n\nGuideword.\n", -1);
  load_and_index (sweep);
  g_signal_connect (sweep->handbook, "page-removed", G_CALLBACK (on_page_removed), &events);
  g_signal_connect (sweep->handbook, "tree-changed", G_CALLBACK (on_tree_changed), &events);
  pathways_handbook_watch (sweep->handbook);

  /* The page, open on screen, is replaced by a folder of the same name. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_page (sweep, "guide.md/index.md", "# Not a page any more\n", -1);

  /* Reading it again, before the watch has noticed: a message, not a crash or a hang. */
  text = pathways_handbook_read_page (sweep->handbook, "guide.md", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE);
  g_assert_cmpstr (error->message, ==,
                   "The page “guide.md” no longer exists. It may have been moved or deleted.");

  /* Then the watch sees the page go: the view is told, so it can say so. */
  timeout = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (events.removed->len == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_cmpstr (g_ptr_array_index (events.removed, 0), ==, "guide.md");
  /* The folder's index page is what that path holds now. */
  g_assert_nonnull (pathways_handbook_lookup (sweep->handbook, "guide.md/index.md"));
  g_assert_cmpuint (events.tree_changed, >, 0);

  g_ptr_array_unref (events.removed);
}

/* ---- permissions and read-only folders ---- */

/* Runs the rest of a test as "nobody" when it runs as root, for whom permissions do not
 * bite. Only in a subprocess: there is no going back. FALSE when that is not possible. */
static gboolean
drop_root (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return TRUE;
  nobody = getpwnam ("nobody");
  if (nobody == NULL)
    return FALSE;
  return setgroups (0, NULL) == 0 && setgid (nobody->pw_gid) == 0 &&
         setuid (nobody->pw_uid) == 0 && geteuid () != 0;
}

static void
test_unreadable (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  {
    Sweep sweep = { 0 };
    g_autofree char *locked = NULL;
    g_autofree char *locked_dir = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    if (!drop_root ())
      g_error ("Cannot run as “nobody” to make permissions bite");

    sweep_set_up (&sweep, NULL);
    write_page (&sweep, "index.md", "# Home\n\nHomeword.\n", -1);
    write_page (&sweep, "locked-page.md", "# Secret title\n\nSecretword.\n", -1);
    write_page (&sweep, "locked/inside.md", "# Inside\n\nInsideword.\n", -1);
    locked = g_build_filename (sweep.root, "locked-page.md", NULL);
    locked_dir = g_build_filename (sweep.root, "locked", NULL);
    g_assert_cmpint (g_chmod (locked, 0), ==, 0);
    g_assert_cmpint (g_chmod (locked_dir, 0), ==, 0);
    g_assert_cmpint (access (locked, R_OK), !=, 0);

    load_and_index (&sweep);

    /* Listed under its file name, since its title can't be read; opening it says why. */
    g_assert_cmpstr (title_of (&sweep, "locked-page.md"), ==, "Locked page");
    text = pathways_handbook_read_page (sweep.handbook, "locked-page.md", NULL, &error);
    g_assert_null (text);
    g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE);
    g_assert_nonnull (strstr (error->message, "“locked-page.md”"));
    g_assert_nonnull (strstr (error->message, "permission"));

    /* The locked folder is left out; the rest is indexed and found. */
    g_assert_null (pathways_handbook_lookup (sweep.handbook, "locked/inside.md"));
    assert_found (&sweep, "homeword", "index.md#home");
    assert_found (&sweep, "secretword", "");

    sweep_tear_down (&sweep, NULL);
  }
}

/* Whether this process may make a private mount namespace (root, outside a locked-down
 * container); tried in a child so nothing here changes. */
static gboolean
can_unshare_mounts (void)
{
  int status = 0;
  pid_t pid;

  if (geteuid () != 0)
    return FALSE;
  pid = fork ();
  if (pid == 0)
    _exit (unshare (CLONE_NEWNS) == 0 ? 0 : 1);
  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status) &&
         WEXITSTATUS (status) == 0;
}

/* Makes @path read-only: a read-only bind mount in a private namespace as root (mode bits
 * don't stop root), else modes 0555 and 0444. FALSE if writing still works. */
static gboolean
make_read_only (const char *path)
{
  g_autofree char *probe = g_build_filename (path, ".probe", NULL);
  int fd;

  if (geteuid () == 0)
    {
      if (unshare (CLONE_NEWNS) != 0 ||
          mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
          mount (path, path, NULL, MS_BIND | MS_REC, NULL) != 0 ||
          mount (NULL, path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
        return FALSE;
    }
  else
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          g_chmod (child, g_file_test (child, G_FILE_TEST_IS_DIR) ? 0555 : 0444);
        }
      g_chmod (path, 0555);
    }

  fd = g_open (probe, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
      return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
dup_listing (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_read_only_folder (void)
{
  if (!g_test_subprocess ())
    {
      if (geteuid () == 0 && !can_unshare_mounts ())
        {
          g_test_skip ("Running as root, where file modes don't stop writing, and a "
                       "read-only bind mount can't be made here (no CAP_SYS_ADMIN)");
          return;
        }
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  {
    Sweep sweep = { 0 };
    g_autoptr(PathwaysMarkdownDoc) doc = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    sweep_set_up (&sweep, NULL);
    write_page (&sweep, "index.md", "# Home\n\nHomeword.\n", -1);
    write_page (&sweep, "ladder/engineer.md", "# Engineer\n\n## Level 1\n\nLadderword.\n", -1);
    before = dup_listing (sweep.root);
    if (!make_read_only (sweep.root))
      g_error ("Could not make %s read-only", sweep.root);

    /* Everything a reader does works: load, watch, read, parse, index (in the cache, which
     * is elsewhere), search. */
    load_and_index (&sweep);
    pathways_handbook_watch (sweep.handbook);
    g_assert_cmpuint (pathways_handbook_get_n_pages (sweep.handbook), ==, 2);
    doc = parse_page (&sweep, "ladder/engineer.md");
    g_assert_cmpstr (doc->title, ==, "Engineer");
    assert_found (&sweep, "ladderword", "ladder/engineer.md#level-1");
    pathways_handbook_rescan (sweep.handbook);

    /* And nothing was written into the handbook folder. */
    after = dup_listing (sweep.root);
    g_assert_cmpstr (after, ==, before);

    g_clear_object (&sweep.index);
    g_clear_object (&sweep.handbook);
    /* As root the mount goes with this process; without root, modes come back on removal. */
    if (geteuid () == 0)
      umount2 (sweep.root, MNT_DETACH);
    sweep_tear_down (&sweep, NULL);
  }
}

/* ---- links in a page ---- */

/* Every link of a page, as cmark hands them to the view, resolved as a click would be:
 * schemes that could run code, and paths out of the folder, are refused. */
static void
test_hostile_links (Sweep         *sweep,
                    gconstpointer  data)
{
  static const char page[] =
    "# Links\n\n"
    "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](<java\tscript:alert(1)>)\n"
    "[d](jav&#x61;script:alert(1)) [e](&#x6A;avascript:alert(1)) <javascript:alert(1)>\n"
    "[f](file:///etc/passwd) [g](FILE://localhost/etc/passwd) [h](file:index.md)\n"
    "[i](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [j](DATA:,x)\n"
    "[k](../outside.md) [l](../../../../../etc/passwd) [m](/../outside.md)\n"
    "[n](%2e%2e/outside.md) [o](sub/../../outside.md) [p](./sub/%2E%2E/%2e%2E/outside.md)\n"
    "[q](vbscript:x) [r](//evil.example/x) [s](\\\\\\\\evil.example\\x) [t](ms-settings:x)\n"
    "[u](smb://host/share) [v](ssh://host) [w](intent://x#Intent;end) [x](view-source:x)\n"
    "\n[ref]: javascript:alert(2)\n\n[y][ref] ![img](javascript:alert(3))\n";
  cmark_iter *iter;
  cmark_event_type event;
  guint n_links = 0;

  write_page (sweep, "index.md", page, -1);
  write_page (sweep, "sub/page.md", "# Sub\n", -1);
  /* What the ".." links aim at: a page beside the handbook. */
  {
    g_autofree char *outside = g_build_filename (sweep->dir, "outside.md", NULL);
    g_assert_true (g_file_set_contents (outside, "# Outside\n", -1, NULL));
  }
  load (sweep);

  {
    g_autoptr(PathwaysMarkdownDoc) doc = parse_page (sweep, "index.md");

    iter = cmark_iter_new (doc->root);
    while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
      {
        cmark_node *node = cmark_iter_get_node (iter);
        const char *url;
        g_autofree char *target = NULL;
        PathwaysLinkKind kind;

        if (event != CMARK_EVENT_ENTER || (cmark_node_get_type (node) != CMARK_NODE_LINK &&
                                           cmark_node_get_type (node) != CMARK_NODE_IMAGE))
          continue;
        url = cmark_node_get_url (node);
        kind = pathways_handbook_resolve_link (sweep->handbook, "index.md", url, &target, NULL);
        g_test_message ("%s → %d %s", url, kind, target);
        /* Refused: never opened outside, never handed on as a file, never a page outside
         * the folder. */
        g_assert_cmpint (kind, ==, PATHWAYS_LINK_REFUSED);
        g_assert_null (target);
        n_links++;
      }
    cmark_iter_free (iter);
  }
  g_assert_cmpuint (n_links, ==, 27);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pathways/sweep-handbook/" path, Sweep, NULL, sweep_set_up, func, sweep_tear_down)
  ADD ("empty-pages", test_empty_pages);
  ADD ("huge-page", test_huge_page);
  ADD ("gigabyte-file", test_gigabyte_file);
  ADD ("long-list", test_long_list);
  ADD ("deep-quotes", test_deep_quotes);
  ADD ("deep-lists", test_deep_lists);
  ADD ("crlf", test_crlf);
  ADD ("lone-cr", test_lone_cr);
  ADD ("bom", test_bom);
  ADD ("nul", test_nul);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("file-names", test_file_names);
  ADD ("twenty-thousand-pages", test_twenty_thousand_pages);
  ADD ("symlink-loops", test_symlink_loops);
  ADD ("page-became-folder", test_page_became_folder);
  ADD ("hostile-links", test_hostile_links);
#undef ADD
  g_test_add_func ("/pathways/sweep-handbook/unreadable", test_unreadable);
  g_test_add_func ("/pathways/sweep-handbook/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
