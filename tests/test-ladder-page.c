/* test-ladder-page.c: the career ladder under a real display — the sample handbook's paths
 * and levels listed, a level's expectations, two levels compared, and the way back into
 * the handbook.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pathways-ladder-page.h"
#include "pathways-test-ui.h"

typedef struct
{
  PathwaysLadder     *ladder;
  GtkWidget          *window;
  PathwaysLadderPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  g_autoptr(GError) error = NULL;

  pathways_handbook_load (handbook, NULL, &error);
  g_assert_no_error (error);
  fixture->ladder = pathways_ladder_load (handbook, NULL, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), GPOINTER_TO_INT (data) > 0
                                                             ? GPOINTER_TO_INT (data) : 1000,
                               760);
  fixture->page = g_object_new (PATHWAYS_TYPE_LADDER_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  pathways_ladder_page_set_ladder (fixture->page, fixture->ladder);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_null (fixture->page);
  g_clear_pointer (&fixture->ladder, pathways_ladder_free);
}

/* A screenshot to look at by hand: PATHWAYS_TEST_SCREENSHOTS=dir */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("PATHWAYS_TEST_SCREENSHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  pathways_test_settle ();
  pathways_test_settle ();
  command = g_strdup_printf ("import -window root '%s/%s.png'", dir, name);
  g_assert_cmpint (system (command), ==, 0);
}

static AdwPreferencesRow *
find_row (Fixture    *fixture,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  pathways_test_collect (fixture->window, type, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (row))
          && g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return row;
    }
  return NULL;
}

/* The compared row of a competency: its list box row, found from its heading. */
static GtkWidget *
diff_row (Fixture    *fixture,
          const char *label)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (fixture->window, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *candidate = g_ptr_array_index (labels, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (candidate), GTK_TYPE_LIST_BOX_ROW);

      if (gtk_widget_get_mapped (GTK_WIDGET (candidate))
          && gtk_widget_has_css_class (GTK_WIDGET (candidate), "heading")
          && g_strcmp0 (gtk_label_get_text (candidate), label) == 0
          && row != NULL && !ADW_IS_PREFERENCES_ROW (row))
        return row;
    }
  return NULL;
}

/* Whether a label inside @root reads @text; with @markup, whether its markup contains it. */
static gboolean
row_has (GtkWidget  *root,
         const char *text,
         gboolean    markup)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (markup ? strstr (gtk_label_get_label (label), text) != NULL
                 : g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  pathways_test_settle ();
  screenshot ("browse");

  g_assert_true (pathways_test_shows_label (fixture->window, "Software Engineer"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Technical Path"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Management Path"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Apprentice"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Engineer II"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Senior Staff Engineer"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Director of Engineering"));
  g_assert_true (pathways_test_shows_label (fixture->window, "IC 3"));
  g_assert_false (pathways_test_shows_label (fixture->window, "No Career Ladder Found"));
}

typedef struct
{
  guint  emitted;
  char  *page;
  char  *anchor;
} Opened;

static void
on_open_in_handbook (PathwaysLadderPage *page,
                     const char         *page_path,
                     const char         *anchor,
                     Opened             *opened)
{
  opened->emitted++;
  g_free (opened->page);
  g_free (opened->anchor);
  opened->page = g_strdup (page_path);
  opened->anchor = g_strdup (anchor);
}

static void
test_level (Fixture       *fixture,
            gconstpointer  data)
{
  AdwPreferencesRow *row;
  Opened opened = { 0, };

  pathways_test_settle ();
  row = find_row (fixture, ADW_TYPE_ACTION_ROW, "Engineer I");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  pathways_test_settle ();
  screenshot ("level");

  g_assert_true (pathways_test_shows_label (fixture->window, "Software Engineer · IC 2"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Code review"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Ownership"));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "Deliver features that have been broken down by "
                                            "someone more senior."));
  g_assert_false (pathways_test_shows_label (fixture->window, "Apprentice"));

  g_signal_connect (fixture->page, "open-in-handbook", G_CALLBACK (on_open_in_handbook), &opened);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "ladder.open-in-handbook", NULL);
  g_assert_cmpuint (opened.emitted, ==, 1);
  g_assert_cmpstr (opened.page, ==, "careers/software-engineer.md");
  g_assert_cmpstr (opened.anchor, ==, "engineer-i-ic-2");
  g_signal_handlers_disconnect_by_func (fixture->page, on_open_in_handbook, &opened);
  g_free (opened.page);
  g_free (opened.anchor);

  /* Back to the list, where every level is again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "ladder.back", NULL);
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Apprentice"));
  g_assert_false (pathways_test_shows_label (fixture->window, "Code review"));
}

static void
check_engineer_comparison (Fixture *fixture)
{
  GtkWidget *row;

  /* Aligned by label: one row per competency, each side in it. */
  row = diff_row (fixture, "Impact");
  g_assert_nonnull (row);
  g_assert_true (row_has (row, "Changed", FALSE));
  g_assert_true (row_has (row, "Delivers small features and bug fixes independently, within the "
                               "estimate most of the time.", FALSE));
  g_assert_true (row_has (row, "<b>", TRUE));

  row = diff_row (fixture, "Quality");
  g_assert_nonnull (row);
  g_assert_true (row_has (row, "New", FALSE));

  row = diff_row (fixture, "Mentoring");
  g_assert_nonnull (row);
  g_assert_true (row_has (row, "New", FALSE));

  row = diff_row (fixture, "Code review");
  g_assert_nonnull (row);
  g_assert_true (row_has (row, "Only in A", FALSE));

  row = diff_row (fixture, "Collaboration");
  g_assert_nonnull (row);
  g_assert_true (row_has (row, "Only in A", FALSE));

  /* Both levels' responsibilities, side by side. */
  g_assert_true (pathways_test_shows_label (fixture->window, "A · Engineer I"));
  g_assert_true (pathways_test_shows_label (fixture->window, "B · Engineer II"));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "Run a retro when the Scrum Master is away."));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "Help the next apprentice get their development "
                                            "environment running."));
}

static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  AdwComboRow *a, *b;

  pathways_test_settle ();
  g_assert_true (pathways_ladder_page_compare (fixture->page, "Software Engineer", "Engineer I",
                                               "Software Engineer", "Engineer II"));
  pathways_test_settle ();
  screenshot (GPOINTER_TO_INT (data) > 0 ? "compare-narrow" : "compare");

  a = ADW_COMBO_ROW (find_row (fixture, ADW_TYPE_COMBO_ROW, "Level A"));
  b = ADW_COMBO_ROW (find_row (fixture, ADW_TYPE_COMBO_ROW, "Level B"));
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (adw_combo_row_get_selected (a), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (b), ==, 2);
  check_engineer_comparison (fixture);

  /* Swapped, what Engineer I lacks is now what it no longer has. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "ladder.swap", NULL);
  pathways_test_settle ();
  g_assert_true (row_has (diff_row (fixture, "Mentoring"), "Only in A", FALSE));
  g_assert_true (row_has (diff_row (fixture, "Code review"), "New", FALSE));

  g_assert_false (pathways_ladder_page_compare (fixture->page, "Software Engineer", "Wizard",
                                                "Software Engineer", "Engineer II"));
}

static void
test_compare_default (Fixture       *fixture,
                      gconstpointer  data)
{
  pathways_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "ladder.compare", NULL);
  pathways_test_settle ();

  /* The first two levels of the first path. */
  g_assert_true (pathways_test_shows_label (fixture->window, "A · Apprentice"));
  g_assert_true (pathways_test_shows_label (fixture->window, "B · Engineer I"));
  g_assert_nonnull (diff_row (fixture, "Ownership"));
  g_assert_true (row_has (diff_row (fixture, "Ownership"), "New", FALSE));
  g_assert_true (row_has (diff_row (fixture, "Learning"), "Only in A", FALSE));
}

static void
test_compare_next (Fixture       *fixture,
                   gconstpointer  data)
{
  pathways_test_settle ();
  g_signal_emit_by_name (find_row (fixture, ADW_TYPE_ACTION_ROW, "Engineer I"), "activated");
  pathways_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "ladder.compare-next", NULL);
  pathways_test_settle ();
  check_engineer_comparison (fixture);
}

static void
test_no_ladder (Fixture       *fixture,
                gconstpointer  data)
{
  pathways_test_settle ();
  pathways_ladder_page_set_ladder (fixture->page, NULL);
  pathways_test_settle ();
  screenshot ("empty");

  g_assert_true (pathways_test_shows_label (fixture->window, "No Career Ladder Found"));
  g_assert_false (pathways_test_shows_label (fixture->window, "Software Engineer"));
  g_assert_false (pathways_ladder_page_compare (fixture->page, "Software Engineer", "Engineer I",
                                                "Software Engineer", "Engineer II"));

  /* A ladder again after none. */
  pathways_ladder_page_set_ladder (fixture->page, fixture->ladder);
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Software Engineer"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Views switch at once, so what a test checks is the view it switched to. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/pathways/ladder-page/browse", Fixture, NULL,
              fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/pathways/ladder-page/level", Fixture, NULL,
              fixture_set_up, test_level, fixture_tear_down);
  g_test_add ("/pathways/ladder-page/compare", Fixture, NULL,
              fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/pathways/ladder-page/compare-narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/pathways/ladder-page/compare-default", Fixture, NULL,
              fixture_set_up, test_compare_default, fixture_tear_down);
  g_test_add ("/pathways/ladder-page/compare-next", Fixture, NULL,
              fixture_set_up, test_compare_next, fixture_tear_down);
  g_test_add ("/pathways/ladder-page/no-ladder", Fixture, NULL,
              fixture_set_up, test_no_ladder, fixture_tear_down);

  return g_test_run ();
}
