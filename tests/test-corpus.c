/* test-corpus.c: a real public handbook (885 pages, when ../shared/corpora is present) opened
 * the way a person would browse it: every page renders without a warning, and the links
 * between its pages lead somewhere.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pathways-handbook.h"
#include "pathways-markdown-view.h"

static char *
dup_corpus_dir (void)
{
  const char *corpora = g_getenv ("PATHWAYS_CORPORA_DIR");
  g_autofree char *dir = NULL;

  if (corpora == NULL)
    return NULL;
  dir = g_build_filename (corpora, "sourcegraph-handbook", "content", NULL);
  return g_file_test (dir, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&dir) : NULL;
}

static void
collect_pages (GListModel *model,
               GPtrArray  *into)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      GListModel *children = pathways_page_node_get_children (node);

      if (pathways_page_node_get_page_path (node) != NULL)
        g_ptr_array_add (into, g_strdup (pathways_page_node_get_page_path (node)));
      if (children != NULL)
        collect_pages (children, into);
    }
}

/* Relative links of a page, as written: the inline links cmark found. */
static void
collect_links (cmark_node *root,
               GPtrArray  *into)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *url;

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_LINK)
        continue;
      url = cmark_node_get_url (node);
      if (url != NULL && *url != '\0' && g_uri_peek_scheme (url) == NULL && *url != '#')
        g_ptr_array_add (into, g_strdup (url));
    }
  cmark_iter_free (iter);
}

static void
test_every_page_renders_and_links_resolve (void)
{
  g_autofree char *dir = dup_corpus_dir ();
  g_autoptr(GFile) root = NULL;
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  guint links = 0, to_pages = 0, to_files = 0, missing = 0, refused = 0;
  gint64 started;
  double seconds;

  if (dir == NULL)
    {
      g_test_skip ("The public handbook corpus (../shared/corpora/sourcegraph-handbook) is "
                   "not present");
      return;
    }

  root = g_file_new_for_path (dir);
  handbook = pathways_handbook_new (root);
  g_assert_true (pathways_handbook_load (handbook, NULL, &error));
  g_assert_no_error (error);
  collect_pages (pathways_handbook_get_tree (handbook), pages);
  if (pathways_handbook_get_home_page (handbook) != NULL
      && !g_ptr_array_find_with_equal_func (pages, pathways_handbook_get_home_page (handbook),
                                            g_str_equal, NULL))
    g_ptr_array_add (pages, g_strdup (pathways_handbook_get_home_page (handbook)));
  g_assert_cmpuint (pages->len, ==, pathways_handbook_get_n_pages (handbook));
  g_assert_cmpuint (pages->len, >, 800);

  view = g_object_ref_sink (pathways_markdown_view_new ());
  started = g_get_monotonic_time ();
  for (guint i = 0; i < pages->len; i++)
    {
      const char *path = g_ptr_array_index (pages, i);
      g_autofree char *text = NULL;
      g_autoptr(PathwaysMarkdownDoc) doc = NULL;
      g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GFile) file = g_file_resolve_relative_path (root, path);
      g_autoptr(GFile) base = g_file_get_parent (file);
      gsize len;

      text = pathways_handbook_read_page (handbook, path, &len, &error);
      g_assert_no_error (error);
      doc = pathways_markdown_doc_parse (text, len, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
      pathways_markdown_view_set_document (PATHWAYS_MARKDOWN_VIEW (view), doc, base, root);

      collect_links (doc->root, hrefs);
      for (guint j = 0; j < hrefs->len; j++)
        {
          g_autofree char *target = NULL;
          g_autofree char *anchor = NULL;

          links++;
          switch (pathways_handbook_resolve_link (handbook, path, g_ptr_array_index (hrefs, j),
                                                  &target, &anchor))
            {
            case PATHWAYS_LINK_PAGE:
            case PATHWAYS_LINK_ANCHOR:
              to_pages++;
              break;
            case PATHWAYS_LINK_FILE:
              to_files++;
              break;
            case PATHWAYS_LINK_MISSING:
              missing++;
              break;
            case PATHWAYS_LINK_REFUSED:
            case PATHWAYS_LINK_EXTERNAL:
            default:
              refused++;
              break;
            }
        }
    }
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  g_test_message ("%u pages rendered in %.1f s; %u relative links: %u to pages, %u to files, "
                  "%u missing, %u refused", pages->len, seconds, links, to_pages, to_files,
                  missing, refused);

  /* The handbook was published from this tree: nearly every link between its pages works.
   * (The rest point at pages removed before the repository was archived.) */
  g_assert_cmpuint (links, >, 1000);
  g_assert_cmpfloat ((double) (to_pages + to_files) / links, >, 0.99);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pathways/corpus/every-page-renders-and-links-resolve",
                   test_every_page_renders_and_links_resolve);

  return g_test_run ();
}
