/* test-handbook.c: tests for the handbook — scanning, titles, the page tree, reading pages,
 * resolving links and watching the folder.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-handbook"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pathways-handbook.h"
#include "pathways-markdown.h"
#include "pathways-test-util.h"

/* ---- helpers ---- */

static PathwaysHandbook *
load_handbook (const char *path)
{
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PathwaysHandbook *handbook = pathways_handbook_new (root);

  pathways_handbook_load (handbook, NULL, &error);
  g_assert_no_error (error);

  return handbook;
}

static PathwaysHandbook *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "handbook-basic", NULL);

  return load_handbook (path);
}

/* Creates a handbook in a new temporary folder from (path, content) pairs. */
static char *
make_handbook (const char * const *files)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pathways-handbook-XXXXXX", &error);

  g_assert_no_error (error);

  for (guint i = 0; files != NULL && files[i] != NULL; i += 2)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      g_file_set_contents (path, files[i + 1], -1, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
make_symlink (const char *target,
              const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

/* "A|B|C" for the titles of a list of nodes, so one assertion shows the whole order. */
static char *
dup_titles (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      g_strv_builder_add (builder, pathways_page_node_get_title (node));
    }
  titles = g_strv_builder_end (builder);

  return g_strjoinv ("|", titles);
}

static const char *
title_of (PathwaysHandbook *handbook,
          const char       *path)
{
  PathwaysPageNode *node = pathways_handbook_lookup (handbook, path);

  g_assert_nonnull (node);
  return pathways_page_node_get_title (node);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@count grows, failing the test after a few seconds. */
static void
wait_for (guint      *count,
          const char *what)
{
  guint start = *count;
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (*count == start && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (source);
}

/* ---- titles ---- */

static void
test_title_front_matter (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  /* Front matter wins over the H1 of the same page. */
  g_assert_cmpstr (title_of (handbook, "career-ladder/engineering-manager.md"), ==,
                   "Engineering Manager");
}

static void
test_title_h1 (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  g_assert_cmpstr (title_of (handbook, "career-ladder/software-engineer.md"), ==,
                   "Software Engineer");
  /* Closing hashes, {#id} attributes and inline markup are not part of the title. */
  g_assert_cmpstr (title_of (handbook, "career-ladder/levels/ic.md"), ==, "IC levels");
  g_assert_cmpstr (title_of (handbook, "processes/one-on-ones.md"), ==, "1-on-1s");
  g_assert_cmpstr (title_of (handbook, "guides/onboarding.markdown"), ==, "Onboarding guide");
  g_assert_cmpstr (title_of (handbook, "zz-glossary.md"), ==, "Acronyms and glossary");
}

static void
test_title_setext (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  /* The "# Not the title" inside the fenced code block comes first but does not count. */
  g_assert_cmpstr (title_of (handbook, "faq.md"), ==, "Frequently asked questions");
}

static void
test_title_file_name (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  g_assert_cmpstr (title_of (handbook, "about-us.md"), ==, "About us");
  g_assert_cmpstr (title_of (handbook, "processes/performance-reviews.md"), ==,
                   "Performance reviews");
}

static void
test_title_non_utf8 (void)
{
  const char *files[] = { "latin1.md", "# Caf\351 und Gr\374\337e\n", "empty.md", "", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);
  const char *title = title_of (handbook, "latin1.md");

  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_true (g_str_has_prefix (title, "Caf"));
  g_assert_nonnull (strstr (title, " und Gr"));
  g_assert_cmpstr (title_of (handbook, "empty.md"), ==, "Empty");

  pathways_test_remove_tree (dir);
}

/* ---- the tree ---- */

static void
test_tree_sorting (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  g_autofree char *top = dup_titles (pathways_handbook_get_tree (handbook));
  PathwaysPageNode *ladder = pathways_handbook_lookup (handbook, "career-ladder/_index.md");
  g_autofree char *inside = NULL;

  /* By title, not by file name (zz-glossary.md is "Acronyms…"), folders among pages; the
   * root index, hidden and page-less folders are not listed. */
  g_assert_cmpstr (top, ==, "About us|Acronyms and glossary|Career ladder|"
                            "Frequently asked questions|Guides|Processes");
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 12);

  inside = dup_titles (pathways_page_node_get_children (ladder));
  g_assert_cmpstr (inside, ==, "Engineering Manager|Levels overview|Software Engineer");
}

static void
test_tree_folder_index (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  PathwaysPageNode *ladder = pathways_handbook_lookup (handbook, "career-ladder/_index.md");
  PathwaysPageNode *levels = pathways_handbook_lookup (handbook, "career-ladder/levels/README.md");
  GListModel *tree = pathways_handbook_get_tree (handbook);
  g_autoptr(PathwaysPageNode) guides = g_list_model_get_item (tree, 4);
  g_autoptr(PathwaysPageNode) page = g_list_model_get_item (tree, 0);

  /* The folder row stands for its index page. */
  g_assert_true (pathways_page_node_is_folder (ladder));
  g_assert_cmpstr (pathways_page_node_get_path (ladder), ==, "career-ladder");
  g_assert_cmpstr (pathways_page_node_get_page_path (ladder), ==, "career-ladder/_index.md");
  g_assert_cmpstr (pathways_page_node_get_title (ladder), ==, "Career ladder");
  g_assert_cmpstr (pathways_page_node_get_title (levels), ==, "Levels overview");
  g_assert_cmpuint (g_list_model_get_n_items (pathways_page_node_get_children (levels)), ==, 1);

  g_assert_cmpstr (pathways_page_node_get_path (guides), ==, "guides");
  g_assert_true (pathways_page_node_is_folder (guides));
  g_assert_null (pathways_page_node_get_page_path (guides));

  g_assert_false (pathways_page_node_is_folder (page));
  g_assert_null (pathways_page_node_get_children (page));
  g_assert_cmpstr (pathways_page_node_get_page_path (page), ==, "about-us.md");
}

static void
test_tree_home_page (void)
{
  const char *files[] = { "b/second.md", "# B\n", "a.md", "# Zed\n", "c/README.md", "# A\n",
                          NULL };
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  g_autofree char *dir = make_handbook (files);
  g_autoptr(PathwaysHandbook) no_index = load_handbook (dir);

  g_assert_cmpstr (pathways_handbook_get_home_page (handbook), ==, "index.md");
  g_assert_cmpstr (title_of (handbook, "index.md"), ==, "Engineering Handbook");

  /* Without a root index, the first page in the tree as the reader sees it. */
  g_assert_cmpstr (pathways_handbook_get_home_page (no_index), ==, "c/README.md");

  pathways_test_remove_tree (dir);
}

static void
test_scan_hidden_skipped (void)
{
  const char *files[] = {
    "page.md", "# Page\n",
    ".git/info.md", "# Git\n",
    ".github/README.md", "# GitHub\n",
    "node_modules/pkg/readme.md", "# Package\n",
    ".draft.md", "# Draft\n",
    "assets/logo.svg", "<svg/>",
    NULL
  };
  g_autofree char *dir = make_handbook (files);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);
  g_autofree char *top = dup_titles (pathways_handbook_get_tree (handbook));

  g_assert_cmpstr (top, ==, "Page");
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 1);
  g_assert_null (pathways_handbook_lookup (handbook, "node_modules/pkg/readme.md"));

  pathways_test_remove_tree (dir);
}

static void
test_scan_case_insensitive_names (void)
{
  const char *files[] = {
    "Guide/Readme.MD", "# Guide home\n",
    "Guide/Notes.Markdown", "# Notes\n",
    NULL
  };
  g_autofree char *dir = make_handbook (files);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);
  PathwaysPageNode *guide = pathways_handbook_lookup (handbook, "Guide/Readme.MD");

  g_assert_nonnull (guide);
  g_assert_true (pathways_page_node_is_folder (guide));
  g_assert_cmpstr (pathways_page_node_get_title (guide), ==, "Guide home");
  g_assert_cmpstr (title_of (handbook, "Guide/Notes.Markdown"), ==, "Notes");

  pathways_test_remove_tree (dir);
}

static void
test_scan_symlink_loop (void)
{
  const char *files[] = { "a/page.md", "# Page\n", "b/other.md", "# Other\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autoptr(PathwaysHandbook) handbook = NULL;

  make_symlink ("..", a, "loop");
  make_symlink (".", b, "self");
  make_symlink ("../a", b, "to-a");
  handbook = load_handbook (dir);

  /* Each page once: the loops are not followed, the folder reached twice is listed once. */
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 2);
  g_assert_nonnull (pathways_handbook_lookup (handbook, "a/page.md"));
  g_assert_null (pathways_handbook_lookup (handbook, "a/loop/a/page.md"));
  g_assert_null (pathways_handbook_lookup (handbook, "b/to-a/page.md"));

  pathways_test_remove_tree (dir);
}

static void
test_scan_symlink_escape (void)
{
  const char *files[] = { "handbook/page.md", "# Page\n", "outside/secret.md", "# Secret\n",
                          "outside/secret.pdf", "%PDF", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *root = g_build_filename (dir, "handbook", NULL);
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autofree char *target = NULL;

  make_symlink ("../outside", root, "linked-folder");
  make_symlink ("../outside/secret.md", root, "linked-secret.md");
  make_symlink ("../outside/secret.pdf", root, "linked-secret.pdf");
  make_symlink ("page.md", root, "alias.md");
  handbook = load_handbook (root);

  g_assert_null (pathways_handbook_lookup (handbook, "linked-folder/secret.md"));
  g_assert_null (pathways_handbook_lookup (handbook, "linked-secret.md"));
  /* A link that stays inside the handbook is fine. */
  g_assert_cmpstr (title_of (handbook, "alias.md"), ==, "Page");
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 2);

  g_assert_cmpint (pathways_handbook_resolve_link (handbook, "page.md", "linked-secret.pdf",
                                                   &target, NULL), ==, PATHWAYS_LINK_REFUSED);
  g_assert_null (target);
  g_assert_cmpint (pathways_handbook_resolve_link (handbook, "page.md", "linked-folder/secret.md",
                                                   &target, NULL), ==, PATHWAYS_LINK_REFUSED);
  g_assert_null (target);

  pathways_test_remove_tree (dir);
}

static void
test_scan_unreadable_file (void)
{
  const char *files[] = { "locked-page.md", "# Secret title\n", "open.md", "# Open\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *locked = g_build_filename (dir, "locked-page.md", NULL);
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  if (access (locked, R_OK) == 0)
    {
      g_test_skip ("Permissions do not deny reading here (running as root?)");
      pathways_test_remove_tree (dir);
      return;
    }

  handbook = load_handbook (dir);
  /* Listed, with a title from its name, and opening it explains the problem. */
  g_assert_cmpstr (title_of (handbook, "locked-page.md"), ==, "Locked page");
  contents = pathways_handbook_read_page (handbook, "locked-page.md", NULL, &error);
  g_assert_null (contents);
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "locked-page.md"));

  pathways_test_remove_tree (dir);
}

static void
test_scan_unreadable_folder (void)
{
  const char *files[] = { "locked/page.md", "# Hidden\n", "open.md", "# Open\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autofree char *top = NULL;

  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  if (access (locked, R_OK) == 0)
    {
      g_test_skip ("Permissions do not deny reading here (running as root?)");
      pathways_test_remove_tree (dir);
      return;
    }

  handbook = load_handbook (dir);
  top = dup_titles (pathways_handbook_get_tree (handbook));
  g_assert_cmpstr (top, ==, "Open");

  pathways_test_remove_tree (dir);
}

/* ---- loading ---- */

static void
test_load_missing_root (void)
{
  g_autoptr(GFile) root = g_file_new_for_path ("/nonexistent/pathways-handbook");
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  g_autoptr(GError) error = NULL;

  g_assert_false (pathways_handbook_load (handbook, NULL, &error));
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/pathways-handbook"));
  g_assert_cmpuint (g_list_model_get_n_items (pathways_handbook_get_tree (handbook)), ==, 0);
}

static void
test_load_not_a_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "handbook-basic",
                                                 "index.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  g_autoptr(GError) error = NULL;

  g_assert_false (pathways_handbook_load (handbook, NULL, &error));
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_A_FOLDER);
  g_assert_nonnull (strstr (error->message, "index.md"));
}

static void
test_load_empty (void)
{
  g_autofree char *dir = make_handbook (NULL);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);

  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathways_handbook_get_tree (handbook)), ==, 0);
  g_assert_null (pathways_handbook_get_home_page (handbook));

  pathways_test_remove_tree (dir);
}

static void
load_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathways_handbook_load_finish (PATHWAYS_HANDBOOK (source), result, &error));
  g_assert_no_error (error);
  (*done)++;
}

static void
test_load_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "handbook-basic", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  guint done = 0;

  pathways_handbook_load_async (handbook, NULL, load_async_cb, &done);
  wait_for (&done, "the handbook to load");

  /* The tree is complete by the time the callback runs. */
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (pathways_handbook_get_tree (handbook)), ==, 6);
  g_assert_finalize_object (g_steal_pointer (&handbook));
}

/* ---- reading ---- */

static void
test_read_page (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  contents = pathways_handbook_read_page (handbook, "career-ladder/software-engineer.md", &len,
                                          &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "# Software Engineer\n"));
  g_assert_cmpuint (len, ==, strlen (contents));
}

static void
test_read_unknown (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* Existing files that are not pages are not readable through the handbook either. */
  contents = pathways_handbook_read_page (handbook, "../../../etc/passwd", NULL, &error);
  g_assert_null (contents);
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE);
  g_clear_error (&error);

  contents = pathways_handbook_read_page (handbook, "notes-only/notes.txt", NULL, &error);
  g_assert_null (contents);
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE);
}

static void
test_read_vanished (void)
{
  const char *files[] = { "going.md", "# Going\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *path = g_build_filename (dir, "going.md", NULL);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  contents = pathways_handbook_read_page (handbook, "going.md", NULL, &error);
  g_assert_null (contents);
  g_assert_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE);
  g_assert_nonnull (strstr (error->message, "“going.md” no longer exists"));

  pathways_test_remove_tree (dir);
}

/* ---- links ---- */

static void
check_link (PathwaysHandbook *handbook,
            const char       *from,
            const char       *href,
            PathwaysLinkKind  kind,
            const char       *target,
            const char       *anchor)
{
  g_autofree char *got_target = NULL;
  g_autofree char *got_anchor = NULL;
  PathwaysLinkKind got;

  got = pathways_handbook_resolve_link (handbook, from, href, &got_target, &got_anchor);
  if (got != kind)
    g_error ("%s from %s: kind %d, expected %d", href, from, got, kind);
  g_assert_cmpstr (got_target, ==, target);
  g_assert_cmpstr (got_anchor, ==, anchor);
}

static void
test_link_relative (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "index.md", "processes/one-on-ones.md", PATHWAYS_LINK_PAGE,
              "processes/one-on-ones.md", NULL);
  check_link (handbook, "career-ladder/_index.md", "software-engineer.md", PATHWAYS_LINK_PAGE,
              "career-ladder/software-engineer.md", NULL);
  check_link (handbook, "career-ladder/levels/README.md", "./ic.md?plain=1", PATHWAYS_LINK_PAGE,
              "career-ladder/levels/ic.md", NULL);
  /* File names written with the wrong case still find the page. */
  check_link (handbook, "index.md", "Career-Ladder/Software-Engineer.md", PATHWAYS_LINK_PAGE,
              "career-ladder/software-engineer.md", NULL);
}

static void
test_link_parent (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "career-ladder/levels/ic.md", "../software-engineer.md",
              PATHWAYS_LINK_PAGE, "career-ladder/software-engineer.md", NULL);
  check_link (handbook, "career-ladder/levels/ic.md", "../../faq.md", PATHWAYS_LINK_PAGE,
              "faq.md", NULL);
}

static void
test_link_root_absolute (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "career-ladder/levels/ic.md", "/processes/one-on-ones.md",
              PATHWAYS_LINK_PAGE, "processes/one-on-ones.md", NULL);
  check_link (handbook, "faq.md", "/", PATHWAYS_LINK_PAGE, "index.md", NULL);
}

static void
test_link_site_prefix (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  /* Published at example.com/handbook/…, while the repository root is the handbook. */
  check_link (handbook, "faq.md", "/handbook/career-ladder/software-engineer/#engineer-ii",
              PATHWAYS_LINK_PAGE, "career-ladder/software-engineer.md", "engineer-ii");
  check_link (handbook, "faq.md", "/company/handbook/processes/one-on-ones.md",
              PATHWAYS_LINK_PAGE, "processes/one-on-ones.md", NULL);
  check_link (handbook, "faq.md", "/handbook/", PATHWAYS_LINK_MISSING, "handbook", NULL);
  check_link (handbook, "faq.md", "/handbook/guides/../processes/one-on-ones.md",
              PATHWAYS_LINK_PAGE, "processes/one-on-ones.md", NULL);
}

static void
test_link_folder (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "index.md", "career-ladder/", PATHWAYS_LINK_PAGE,
              "career-ladder/_index.md", NULL);
  check_link (handbook, "index.md", "career-ladder", PATHWAYS_LINK_PAGE,
              "career-ladder/_index.md", NULL);
  check_link (handbook, "career-ladder/_index.md", "levels/", PATHWAYS_LINK_PAGE,
              "career-ladder/levels/README.md", NULL);
  /* A folder without an index page has nothing to show. */
  check_link (handbook, "index.md", "guides/", PATHWAYS_LINK_MISSING, "guides", NULL);
}

static void
test_link_no_extension (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "career-ladder/_index.md", "software-engineer", PATHWAYS_LINK_PAGE,
              "career-ladder/software-engineer.md", NULL);
  check_link (handbook, "index.md", "guides/onboarding", PATHWAYS_LINK_PAGE,
              "guides/onboarding.markdown", NULL);
  check_link (handbook, "index.md", "faq.html", PATHWAYS_LINK_PAGE, "faq.md", NULL);
}

static void
test_link_anchor (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "faq.md", "#who-reads-this", PATHWAYS_LINK_ANCHOR, NULL,
              "who-reads-this");
  check_link (handbook, "faq.md", "#", PATHWAYS_LINK_ANCHOR, NULL, "");
}

static void
test_link_page_anchor (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  int index;

  /* The ladder overview's link, followed the whole way to the heading it means. */
  g_assert_cmpint (pathways_handbook_resolve_link (handbook, "career-ladder/_index.md",
                                                   "software-engineer.md#engineer-ii",
                                                   &target, &anchor), ==, PATHWAYS_LINK_PAGE);
  g_assert_cmpstr (target, ==, "career-ladder/software-engineer.md");
  g_assert_cmpstr (anchor, ==, "engineer-ii");

  contents = pathways_handbook_read_page (handbook, target, &len, &error);
  g_assert_no_error (error);
  doc = pathways_markdown_doc_parse (contents, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  index = pathways_markdown_doc_find_anchor (doc, anchor);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpstr (((PathwaysHeading *) g_ptr_array_index (doc->headings, index))->text, ==,
                   "Engineer II (IC 3a)");
}

static void
test_link_percent_encoded (void)
{
  const char *files[] = { "team notes.md", "# Team notes\n", "café/index.md", "# Café\n",
                          "start.md", "# Start\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);

  check_link (handbook, "start.md", "team%20notes.md", PATHWAYS_LINK_PAGE, "team notes.md",
              NULL);
  check_link (handbook, "start.md", "caf%C3%A9/#Engineer%20II", PATHWAYS_LINK_PAGE,
              "café/index.md", "Engineer%20II");
  /* An encoded "../" climbs out just the same. */
  check_link (handbook, "start.md", "%2E%2E/%2E%2E/etc/passwd", PATHWAYS_LINK_REFUSED, NULL,
              NULL);

  pathways_test_remove_tree (dir);
}

static void
test_link_escaping (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "index.md", "../../etc/passwd", PATHWAYS_LINK_REFUSED, NULL, NULL);
  check_link (handbook, "career-ladder/_index.md", "../../handbook-basic/faq.md",
              PATHWAYS_LINK_REFUSED, NULL, NULL);
  check_link (handbook, "index.md", "/../etc/passwd", PATHWAYS_LINK_REFUSED, NULL, NULL);
  check_link (handbook, "index.md", "career-ladder/../../x.md", PATHWAYS_LINK_REFUSED, NULL,
              NULL);
}

static void
test_link_unsafe_schemes (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  const char *hrefs[] = {
    "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:x",
    "file:///etc/passwd", "data:text/html,<script>x</script>", "ftp://example.com/x",
    "htps://example.com", "vbscript:x", "//evil.example/x", "\\\\evil.example\\x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
    check_link (handbook, "index.md", hrefs[i], PATHWAYS_LINK_REFUSED, NULL, NULL);
}

static void
test_link_external (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "index.md", "https://example.com/ladder#x", PATHWAYS_LINK_EXTERNAL,
              "https://example.com/ladder#x", NULL);
  check_link (handbook, "index.md", "HTTP://EXAMPLE.COM", PATHWAYS_LINK_EXTERNAL,
              "HTTP://EXAMPLE.COM", NULL);
  check_link (handbook, "index.md", "mailto:eng-managers@example.com", PATHWAYS_LINK_EXTERNAL,
              "mailto:eng-managers@example.com", NULL);
}

static void
test_link_missing (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();

  check_link (handbook, "processes/one-on-ones.md", "skip-levels.md#agenda",
              PATHWAYS_LINK_MISSING, "processes/skip-levels.md", "agenda");
  check_link (handbook, "index.md", "/handbook/nope", PATHWAYS_LINK_MISSING, "handbook/nope",
              NULL);
}

static void
test_link_file (void)
{
  g_autoptr(PathwaysHandbook) handbook = load_fixture ();
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (pathways_handbook_resolve_link (handbook, "career-ladder/_index.md",
                                                   "../assets/org-chart.pdf", &target, NULL),
                   ==, PATHWAYS_LINK_FILE);
  path = g_filename_from_uri (target, NULL, NULL);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_suffix (path, "/handbook-basic/assets/org-chart.pdf"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* ---- watching ---- */

typedef struct
{
  guint      tree_changed;
  GPtrArray *changed;
  GPtrArray *removed;
} Events;

static void
on_tree_changed (PathwaysHandbook *handbook,
                 Events           *events)
{
  events->tree_changed++;
}

static void
on_page_changed (PathwaysHandbook *handbook,
                 const char       *path,
                 Events           *events)
{
  g_ptr_array_add (events->changed, g_strdup (path));
}

static void
on_page_removed (PathwaysHandbook *handbook,
                 const char       *path,
                 Events           *events)
{
  g_ptr_array_add (events->removed, g_strdup (path));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static PathwaysHandbook *
watch_handbook (const char *dir,
                Events     *events)
{
  PathwaysHandbook *handbook = load_handbook (dir);

  events->changed = g_ptr_array_new_with_free_func (g_free);
  events->removed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (handbook, "tree-changed", G_CALLBACK (on_tree_changed), events);
  g_signal_connect (handbook, "page-changed", G_CALLBACK (on_page_changed), events);
  g_signal_connect (handbook, "page-removed", G_CALLBACK (on_page_removed), events);
  pathways_handbook_watch (handbook);

  return handbook;
}

static void
test_watch_new_page (void)
{
  const char *files[] = { "first.md", "# First\n", "sub/keep.md", "# Keep\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  Events events = { 0 };
  g_autoptr(PathwaysHandbook) handbook = watch_handbook (dir, &events);
  g_autoptr(PathwaysPageNode) first = NULL;

  first = g_object_ref (pathways_handbook_lookup (handbook, "first.md"));
  write_file (dir, "second.md", "# Second\n");
  wait_for (&events.tree_changed, "tree-changed after adding a page");
  g_assert_cmpstr (title_of (handbook, "second.md"), ==, "Second");
  /* Rows that did not change are the same objects, so the UI keeps its selection. */
  g_assert_true (pathways_handbook_lookup (handbook, "first.md") == first);

  /* Subfolders are watched too. */
  write_file (sub, "deeper.md", "# Deeper\n");
  wait_for (&events.tree_changed, "tree-changed after adding a page in a subfolder");
  g_assert_cmpstr (title_of (handbook, "sub/deeper.md"), ==, "Deeper");
  g_assert_cmpuint (events.changed->len, ==, 0);
  g_assert_cmpuint (events.removed->len, ==, 0);

  g_ptr_array_unref (events.changed);
  g_ptr_array_unref (events.removed);
  g_assert_finalize_object (g_steal_pointer (&handbook));
  pathways_test_remove_tree (dir);
}

static void
test_watch_page_changed (void)
{
  const char *files[] = { "page.md", "# Old title\n", "other.md", "# Other\n", NULL };
  g_autofree char *dir = make_handbook (files);
  Events events = { 0 };
  g_autoptr(PathwaysHandbook) handbook = watch_handbook (dir, &events);
  PathwaysPageNode *node = pathways_handbook_lookup (handbook, "page.md");

  write_file (dir, "page.md", "# Old title\n\nMore text.\n");
  wait_for (&events.changed->len, "page-changed");
  g_assert_cmpstr (g_ptr_array_index (events.changed, 0), ==, "page.md");
  g_assert_cmpuint (events.tree_changed, ==, 0);

  /* A new title updates the same row in place. */
  write_file (dir, "page.md", "# New title\n");
  wait_for (&events.tree_changed, "tree-changed after a title change");
  g_assert_true (pathways_handbook_lookup (handbook, "page.md") == node);
  g_assert_cmpstr (pathways_page_node_get_title (node), ==, "New title");

  g_ptr_array_unref (events.changed);
  g_ptr_array_unref (events.removed);
  pathways_test_remove_tree (dir);
}

static void
test_watch_page_removed (void)
{
  const char *files[] = { "stay.md", "# Stay\n", "go.md", "# Go\n", NULL };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *path = g_build_filename (dir, "go.md", NULL);
  Events events = { 0 };
  g_autoptr(PathwaysHandbook) handbook = watch_handbook (dir, &events);

  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for (&events.removed->len, "page-removed");
  g_assert_cmpstr (g_ptr_array_index (events.removed, 0), ==, "go.md");
  g_assert_null (pathways_handbook_lookup (handbook, "go.md"));
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 1);
  g_assert_cmpuint (events.tree_changed, ==, 1);

  g_ptr_array_unref (events.changed);
  g_ptr_array_unref (events.removed);
  pathways_test_remove_tree (dir);
}

/* A snapshot is what a worker thread reads the ladder from while the live handbook goes on
 * following the folder: it must answer like the handbook did and never change after. */
static void
test_snapshot (void)
{
  const char *files[] = {
    "index.md", "# Home\n\nSee [the ladder](ladder/engineer.md).\n",
    "ladder/engineer.md", "# Engineer\n\n## Level 1\n",
    "going.md", "# Going\n",
    NULL
  };
  g_autofree char *dir = make_handbook (files);
  g_autofree char *going = g_build_filename (dir, "going.md", NULL);
  Events events = { 0 };
  g_autoptr(PathwaysHandbook) handbook = watch_handbook (dir, &events);
  g_autoptr(PathwaysHandbook) snapshot = pathways_handbook_dup_snapshot (handbook);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  g_autofree char *live_titles = dup_titles (pathways_handbook_get_tree (handbook));
  g_autofree char *snapshot_titles = dup_titles (pathways_handbook_get_tree (snapshot));

  g_assert_cmpstr (snapshot_titles, ==, live_titles);
  g_assert_cmpuint (pathways_handbook_get_n_pages (snapshot), ==, 3);
  g_assert_cmpstr (pathways_handbook_get_home_page (snapshot), ==, "index.md");
  g_assert_cmpstr (title_of (snapshot, "ladder/engineer.md"), ==, "Engineer");
  /* Its nodes are its own: the live ones are edited in place by rescans. */
  g_assert_true (pathways_handbook_lookup (snapshot, "going.md")
                 != pathways_handbook_lookup (handbook, "going.md"));
  text = pathways_handbook_read_page (snapshot, "ladder/engineer.md", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "# Engineer\n"));
  g_assert_cmpint (pathways_handbook_resolve_link (snapshot, "index.md", "ladder/engineer.md",
                                                   &target, NULL), ==, PATHWAYS_LINK_PAGE);
  g_assert_cmpstr (target, ==, "ladder/engineer.md");

  /* The folder changes: the handbook follows, the snapshot stays as it was. */
  write_file (dir, "ladder/engineer.md", "# Staff Engineer\n");
  g_assert_cmpint (g_unlink (going), ==, 0);
  while (pathways_handbook_lookup (handbook, "going.md") != NULL
         || g_strcmp0 (title_of (handbook, "ladder/engineer.md"), "Staff Engineer") != 0)
    wait_for (&events.tree_changed, "the handbook to follow the folder");
  g_assert_cmpstr (title_of (snapshot, "ladder/engineer.md"), ==, "Engineer");
  g_assert_cmpstr (title_of (snapshot, "going.md"), ==, "Going");
  g_assert_cmpuint (pathways_handbook_get_n_pages (snapshot), ==, 3);
  g_assert_cmpuint (pathways_handbook_get_n_pages (handbook), ==, 2);

  g_ptr_array_unref (events.changed);
  g_ptr_array_unref (events.removed);
  g_assert_finalize_object (g_steal_pointer (&snapshot));
  pathways_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/handbook/title/front-matter", test_title_front_matter);
  g_test_add_func ("/pathways/handbook/title/h1", test_title_h1);
  g_test_add_func ("/pathways/handbook/title/setext", test_title_setext);
  g_test_add_func ("/pathways/handbook/title/file-name", test_title_file_name);
  g_test_add_func ("/pathways/handbook/title/non-utf8", test_title_non_utf8);
  g_test_add_func ("/pathways/handbook/tree/sorting", test_tree_sorting);
  g_test_add_func ("/pathways/handbook/tree/folder-index", test_tree_folder_index);
  g_test_add_func ("/pathways/handbook/tree/home-page", test_tree_home_page);
  g_test_add_func ("/pathways/handbook/scan/hidden-skipped", test_scan_hidden_skipped);
  g_test_add_func ("/pathways/handbook/scan/case-insensitive-names",
                   test_scan_case_insensitive_names);
  g_test_add_func ("/pathways/handbook/scan/symlink-loop", test_scan_symlink_loop);
  g_test_add_func ("/pathways/handbook/scan/symlink-escape", test_scan_symlink_escape);
  g_test_add_func ("/pathways/handbook/scan/unreadable-file", test_scan_unreadable_file);
  g_test_add_func ("/pathways/handbook/scan/unreadable-folder", test_scan_unreadable_folder);
  g_test_add_func ("/pathways/handbook/load/missing-root", test_load_missing_root);
  g_test_add_func ("/pathways/handbook/load/not-a-folder", test_load_not_a_folder);
  g_test_add_func ("/pathways/handbook/load/empty", test_load_empty);
  g_test_add_func ("/pathways/handbook/load/async", test_load_async);
  g_test_add_func ("/pathways/handbook/read/page", test_read_page);
  g_test_add_func ("/pathways/handbook/read/unknown", test_read_unknown);
  g_test_add_func ("/pathways/handbook/read/vanished", test_read_vanished);
  g_test_add_func ("/pathways/handbook/link/relative", test_link_relative);
  g_test_add_func ("/pathways/handbook/link/parent", test_link_parent);
  g_test_add_func ("/pathways/handbook/link/root-absolute", test_link_root_absolute);
  g_test_add_func ("/pathways/handbook/link/site-prefix", test_link_site_prefix);
  g_test_add_func ("/pathways/handbook/link/folder", test_link_folder);
  g_test_add_func ("/pathways/handbook/link/no-extension", test_link_no_extension);
  g_test_add_func ("/pathways/handbook/link/anchor", test_link_anchor);
  g_test_add_func ("/pathways/handbook/link/page-anchor", test_link_page_anchor);
  g_test_add_func ("/pathways/handbook/link/percent-encoded", test_link_percent_encoded);
  g_test_add_func ("/pathways/handbook/link/escaping", test_link_escaping);
  g_test_add_func ("/pathways/handbook/link/unsafe-schemes", test_link_unsafe_schemes);
  g_test_add_func ("/pathways/handbook/link/external", test_link_external);
  g_test_add_func ("/pathways/handbook/link/missing", test_link_missing);
  g_test_add_func ("/pathways/handbook/link/file", test_link_file);
  g_test_add_func ("/pathways/handbook/watch/new-page", test_watch_new_page);
  g_test_add_func ("/pathways/handbook/watch/page-changed", test_watch_page_changed);
  g_test_add_func ("/pathways/handbook/watch/page-removed", test_watch_page_removed);
  g_test_add_func ("/pathways/handbook/snapshot", test_snapshot);

  return g_test_run ();
}
