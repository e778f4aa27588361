/* test-window.c: the Handbook area under a real display — open a handbook, follow links
 * and anchors, go back and forward, find in page, and the calm messages for bad folders.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pathways-handbook-page.h"
#include "pathways-test-ui.h"

typedef struct
{
  GtkWidget            *window;
  PathwaysHandbookPage *page;
  GSettings            *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  fixture->page = g_object_new (PATHWAYS_TYPE_HANDBOOK_PAGE, NULL);
  pathways_handbook_page_set_settings (fixture->page, fixture->settings);
  fixture->window = pathways_test_window_new (GTK_WIDGET (fixture->page), 900, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_settings_reset (fixture->settings, "handbook-folder");
  g_settings_reset (fixture->settings, "last-page");
  g_clear_object (&fixture->settings);
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static gboolean
wait_until (Fixture       *fixture,
            Condition      condition,
            gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
page_is (Fixture       *fixture,
         gconstpointer  path)
{
  return g_strcmp0 (pathways_handbook_page_get_current_page (fixture->page), path) == 0;
}

static gboolean
is_scrolled_down (Fixture       *fixture,
                  gconstpointer  data)
{
  PathwaysMarkdownView *view = pathways_handbook_page_get_view (fixture->page);

  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))) > 0;
}

static gboolean
has_status (Fixture       *fixture,
            gconstpointer  data)
{
  return pathways_handbook_page_get_status (fixture->page) != NULL;
}

static char *
view_text (Fixture *fixture)
{
  PathwaysMarkdownView *view = pathways_handbook_page_get_view (fixture->page);

  return pathways_test_dup_buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
}

static gboolean
text_contains (Fixture       *fixture,
               gconstpointer  needle)
{
  g_autofree char *text = view_text (fixture);

  return strstr (text, needle) != NULL;
}

static gboolean
has_notice (Fixture       *fixture,
            gconstpointer  data)
{
  return pathways_handbook_page_get_notice (fixture->page) != NULL;
}

static char *
fixture_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "handbook-window", NULL);
}

static void
open_fixture (Fixture    *fixture,
              const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  pathways_handbook_page_open (fixture->page, folder, NULL);
  g_assert_true (wait_until (fixture, page_is, "index.md"));
}

/* The title the window shows for the page: front matter title, else the first H1. */
static const char *
page_title (Fixture *fixture)
{
  static char *title;

  g_free (title);
  g_object_get (fixture->page, "page-title", &title, NULL);
  return title;
}

static void
follow (Fixture    *fixture,
        const char *href)
{
  g_signal_emit_by_name (pathways_handbook_page_get_view (fixture->page), "link-activated", href);
}

static void
test_open_and_follow_links (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  open_fixture (fixture, dir);
  g_assert_true (text_contains (fixture, "Fixture home"));
  g_assert_cmpstr (page_title (fixture), ==, "Fixture home");

  /* A relative link opens the page, titled from its front matter. */
  follow (fixture, "guides/guide.md");
  g_assert_true (wait_until (fixture, page_is, "guides/guide.md"));
  g_assert_cmpstr (page_title (fixture), ==, "The guide");
  g_assert_false (text_contains (fixture, "title: The guide"));

  /* Back and forward walk the history. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "handbook.back", NULL);
  g_assert_true (wait_until (fixture, page_is, "index.md"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "handbook.forward", NULL);
  g_assert_true (wait_until (fixture, page_is, "guides/guide.md"));

  /* A folder link lands on the folder's index page. */
  follow (fixture, "../");
  g_assert_true (wait_until (fixture, page_is, "index.md"));
}

static gboolean
send_key (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  mods)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  /* Key events can't be synthesised in GTK 4: call the view's key controller as GTK would. */
  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "pathways-link-keys") == 0)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

static void
test_keyboard_follows_links (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  GtkWidget *view = GTK_WIDGET (pathways_handbook_page_get_view (fixture->page));
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  open_fixture (fixture, dir);
  gtk_widget_grab_focus (view);

  /* Tab selects the first link, Tab again the second, Shift+Tab back to the first. */
  g_assert_true (send_key (view, GDK_KEY_Tab, 0));
  g_assert_true (send_key (view, GDK_KEY_Tab, 0));
  g_assert_true (send_key (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));  /* each page has its own */
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "guide");

  /* Enter follows it. */
  g_assert_true (send_key (view, GDK_KEY_Return, 0));
  g_assert_true (wait_until (fixture, page_is, "guides/guide.md"));

  /* With no link under the cursor, Enter does nothing. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_false (send_key (view, GDK_KEY_Return, 0));
}

static void
test_anchor_scrolls (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  PathwaysMarkdownView *view = pathways_handbook_page_get_view (fixture->page);
  GtkAdjustment *vadj;

  open_fixture (fixture, dir);

  /* "#second" does not match the slug "second-part-b-2" exactly: it still lands there. */
  follow (fixture, "guides/guide.md#second");
  g_assert_true (wait_until (fixture, page_is, "guides/guide.md"));
  /* The scroll waits for the lines above the heading to be measured. */
  g_assert_true (wait_until (fixture, is_scrolled_down, NULL));

  /* Back to the top of the home page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "handbook.back", NULL);
  g_assert_true (wait_until (fixture, page_is, "index.md"));
  pathways_test_settle_for (250);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);
}

/* The line the cursor is on, and whether the search highlight covers it. */
static char *
dup_cursor_line (Fixture  *fixture,
                 gboolean *highlighted)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (pathways_handbook_page_get_view (fixture->page)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               "section-highlight");
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  *highlighted = tag != NULL && gtk_text_iter_has_tag (&start, tag);
  return gtk_text_iter_get_text (&start, &end);
}

static void
test_show_section (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  g_autofree char *line = NULL;
  g_autofree char *again = NULL;
  gboolean highlighted = FALSE;

  open_fixture (fixture, dir);

  /* Another page: it loads, then lands on the section, tinted. */
  pathways_handbook_page_show_section (fixture->page, "guides/guide.md", "second-part-b-2");
  g_assert_true (wait_until (fixture, page_is, "guides/guide.md"));
  pathways_test_settle_for (100);
  line = dup_cursor_line (fixture, &highlighted);
  g_assert_cmpstr (line, ==, "Second part (B 2)");
  g_assert_true (highlighted);

  /* The same page: it scrolls at once. */
  pathways_handbook_page_show_section (fixture->page, "guides/guide.md", "first-part-a-1");
  again = dup_cursor_line (fixture, &highlighted);
  g_assert_cmpstr (again, ==, "First part (A 1)");
  g_assert_true (highlighted);

  /* The tint goes after a few seconds. */
  pathways_test_settle_for (3500);
  g_free (again);
  again = dup_cursor_line (fixture, &highlighted);
  g_assert_false (highlighted);
}

static void
test_refused_and_missing_links_stay (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();

  open_fixture (fixture, dir);
  follow (fixture, "javascript:alert(1)");
  follow (fixture, "../../../etc/passwd");
  follow (fixture, "no-such-page.md");
  pathways_test_settle_for (250);
  g_assert_true (page_is (fixture, "index.md"));
  g_assert_true (text_contains (fixture, "Fixture home"));
}

static void
test_find_in_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  PathwaysMarkdownView *view = pathways_handbook_page_get_view (fixture->page);
  GtkWidget *focus;

  open_fixture (fixture, dir);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "handbook.find", NULL);
  pathways_test_settle_for (250);

  /* Ctrl+F puts the keyboard in the find entry: typing there finds in the page. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "needle");
  pathways_test_settle_for (250);
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 1);

  /* Enter goes to the next match, and wraps around after the last. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY), "activate");
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 2);
  g_signal_emit_by_name (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY), "activate");
  g_assert_cmpuint (pathways_markdown_view_get_find_position (view), ==, 1);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/pathways-handbook");

  pathways_handbook_page_open (fixture->page, folder, NULL);
  g_assert_true (wait_until (fixture, has_status, NULL));
  g_assert_nonnull (strstr (pathways_handbook_page_get_status (fixture->page),
                            "/nonexistent/pathways-handbook"));
  g_assert_null (pathways_handbook_page_get_current_page (fixture->page));
}

static void
test_empty_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("pathways-empty-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  pathways_handbook_page_open (fixture->page, folder, NULL);
  g_assert_true (wait_until (fixture, has_status, NULL));
  g_assert_nonnull (strstr (pathways_handbook_page_get_status (fixture->page), "No Pages"));
  g_rmdir (dir);
}

static void
test_page_edited_and_deleted_on_disk (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("pathways-watch-XXXXXX", NULL);
  g_autofree char *index = g_build_filename (dir, "index.md", NULL);

  g_assert_true (g_file_set_contents (index, "# Before\n\nThe first version.\n", -1, NULL));
  open_fixture (fixture, dir);
  g_assert_true (text_contains (fixture, "The first version."));

  /* An edit on disk re-renders the page in place. */
  g_assert_true (g_file_set_contents (index, "# After\n\nThe second version.\n", -1, NULL));
  g_assert_true (wait_until (fixture, text_contains, "The second version."));

  /* Deleting it keeps what was read and says so. */
  g_assert_cmpint (g_unlink (index), ==, 0);
  g_assert_true (wait_until (fixture, has_notice, NULL));
  g_assert_true (text_contains (fixture, "The second version."));
  g_rmdir (dir);
}

static void
test_invalid_utf8_page_has_notice (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("pathways-utf8-XXXXXX", NULL);
  g_autofree char *index = g_build_filename (dir, "index.md", NULL);
  static const char latin1[] = "# Caf\xe9\n\nCr\xe8me br\xfbl\xe9" "e for the team.\n";

  g_assert_true (g_file_set_contents (index, latin1, sizeof latin1 - 1, NULL));
  open_fixture (fixture, dir);
  g_assert_true (text_contains (fixture, "for the team."));
  g_assert_true (text_contains (fixture, "\xef\xbf\xbd"));  /* U+FFFD */
  g_assert_nonnull (pathways_handbook_page_get_notice (fixture->page));
  g_unlink (index);
  g_rmdir (dir);
}

static void
test_huge_page_is_truncated_with_notice (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("pathways-huge-XXXXXX", NULL);
  g_autofree char *index = g_build_filename (dir, "index.md", NULL);
  g_autoptr(GString) text = g_string_new ("# A very long page\n\n");
  const char *notice;

  /* 10 MB of paragraphs: more than a page is allowed to be. */
  while (text->len < 10 * 1024 * 1024)
    g_string_append (text, "Another line of a handbook page that goes on and on and on.\n\n");
  g_string_append (text, "The very last line.\n");
  g_assert_true (g_file_set_contents (index, text->str, text->len, NULL));

  open_fixture (fixture, dir);
  g_assert_true (text_contains (fixture, "A very long page"));
  g_assert_false (text_contains (fixture, "The very last line."));
  notice = pathways_handbook_page_get_notice (fixture->page);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "very large"));
  g_unlink (index);
  g_rmdir (dir);
}

static void
test_remembers_folder_and_page (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  PathwaysHandbookPage *second;

  open_fixture (fixture, dir);
  follow (fixture, "guides/guide.md");
  g_assert_true (wait_until (fixture, page_is, "guides/guide.md"));

  /* A new window (the next start) opens the same folder on the same page. */
  second = g_object_new (PATHWAYS_TYPE_HANDBOOK_PAGE, NULL);
  g_object_ref_sink (second);
  pathways_handbook_page_set_settings (second, fixture->settings);
  pathways_handbook_page_open (second, NULL, NULL);
  while (pathways_handbook_page_get_current_page (second) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (pathways_handbook_page_get_current_page (second), ==, "guides/guide.md");
  g_object_run_dispose (G_OBJECT (second));
  g_assert_finalize_object (second);
}

/* Ladder pages chosen for one handbook don't leak into another. */
static void
test_ladder_pages_per_handbook (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *dir = fixture_dir ();
  g_autofree char *other = g_dir_make_tmp ("pathways-other-XXXXXX", NULL);
  g_autofree char *other_index = g_build_filename (other, "index.md", NULL);
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) none = NULL;
  GVariantBuilder builder;
  const char * const chosen[] = { "guides/guide.md", NULL };

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_builder_add (&builder, "{s^as}", dir, chosen);
  g_settings_set_value (fixture->settings, "ladder-pages", g_variant_builder_end (&builder));

  open_fixture (fixture, dir);
  pages = pathways_handbook_page_dup_ladder_pages (fixture->page);
  g_assert_nonnull (pages);
  g_assert_cmpstrv (pages, chosen);

  g_assert_true (g_file_set_contents (other_index, "# Other\n", -1, NULL));
  open_fixture (fixture, other);
  none = pathways_handbook_page_dup_ladder_pages (fixture->page);
  g_assert_null (none);

  g_settings_reset (fixture->settings, "ladder-pages");
  g_unlink (other_index);
  g_rmdir (other);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open-and-follow-links", test_open_and_follow_links);
  ADD ("anchor-scrolls", test_anchor_scrolls);
  ADD ("show-section", test_show_section);
  ADD ("keyboard-follows-links", test_keyboard_follows_links);
  ADD ("refused-and-missing-links-stay", test_refused_and_missing_links_stay);
  ADD ("find-in-page", test_find_in_page);
  ADD ("missing-folder", test_missing_folder);
  ADD ("empty-folder", test_empty_folder);
  ADD ("page-edited-and-deleted-on-disk", test_page_edited_and_deleted_on_disk);
  ADD ("invalid-utf8-page-has-notice", test_invalid_utf8_page_has_notice);
  ADD ("huge-page-is-truncated-with-notice", test_huge_page_is_truncated_with_notice);
  ADD ("remembers-folder-and-page", test_remembers_folder_and_page);
  ADD ("ladder-pages-per-handbook", test_ladder_pages_per_handbook);
#undef ADD

  return g_test_run ();
}
