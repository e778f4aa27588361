/* test-team.c: the Team area under a real display — the welcome state, people appearing as
 * they are added, editing on the person's page saved without a Save button, archive and
 * undoable delete, and a database that can't be opened.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pathways-team-page.h"

typedef struct
{
  char             *dir;
  char             *db_path;
  PathwaysDb       *db;
  PathwaysStore    *store;
  GtkWidget        *window;
  PathwaysTeamPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pathways-team-XXXXXX", NULL);
  fixture->db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->db = pathways_db_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->store = pathways_store_new (fixture->db, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->page = g_object_new (PATHWAYS_TYPE_TEAM_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  pathways_team_page_set_store (fixture->page, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = NULL;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  command = g_strdup_printf ("rm -rf '%s'", fixture->dir);
  g_assert_cmpint (system (command), ==, 0);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Every widget of a type below @root, depth first. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *into)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (into, child);
      collect (child, type, into);
    }
}

/* Whether a label with exactly @text is shown (mapped) anywhere in the window. */
static gboolean
shows_label (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (fixture->window, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (label))
          && g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static AdwEntryRow *
entry_row (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (fixture->window, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ENTRY_ROW (row);
    }
  g_assert_not_reached ();
}

static PathwaysPerson *
add (Fixture    *fixture,
     const char *name)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new (name);
  g_autoptr(GError) error = NULL;
  PathwaysPerson *added = pathways_store_add_person (fixture->store, person, &error);

  g_assert_no_error (error);
  return added;
}

static GtkWidget *
people_list (Fixture *fixture)
{
  GtkWidget *list = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  /* The people list: the one list view whose items are people (combo rows have others). */
  collect (fixture->window, GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len && list == NULL; i++)
    {
      GtkSelectionModel *model = gtk_list_view_get_model (g_ptr_array_index (lists, i));
      g_autoptr(GObject) first = model != NULL ? g_list_model_get_item (G_LIST_MODEL (model), 0)
                                               : NULL;

      if (PATHWAYS_IS_PERSON (first))
        list = g_ptr_array_index (lists, i);
    }
  g_assert_nonnull (list);
  return list;
}

static guint
n_listed (Fixture *fixture)
{
  GtkWidget *list = people_list (fixture);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

static void
open_person (Fixture *fixture,
             guint    position)
{
  gtk_widget_activate_action (people_list (fixture), "list.activate-item", "u", position);
  settle ();
}

static void
test_welcome_then_people (Fixture       *fixture,
                          gconstpointer  data)
{
  settle ();
  g_assert_true (shows_label (fixture, "Welcome to Pathways"));

  add (fixture, "Zoë Adebayo");
  add (fixture, "ada Brennan");
  settle ();
  g_assert_false (shows_label (fixture, "Welcome to Pathways"));
  g_assert_true (shows_label (fixture, "Zoë Adebayo"));
  g_assert_true (shows_label (fixture, "ada Brennan"));
}

static void
test_edit_saves_without_a_button (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PathwaysStore) reopened = NULL;
  g_autoptr(PathwaysDb) db = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysPerson *person;
  GListModel *people;

  add (fixture, "Lena Virtanen");
  settle ();
  open_person (fixture, 0);
  g_assert_true (shows_label (fixture, "Lena Virtanen"));

  /* Typing a title shows in the sidebar at once, and is saved after a pause. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Role or Title")), "Data engineer");
  settle ();
  g_assert_true (shows_label (fixture, "Data engineer"));

  /* An impossible date is marked and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Start Date (YYYY-MM-DD)")),
                         "2026-02-30");
  settle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (fixture,
                                                                  "Start Date (YYYY-MM-DD)")),
                                           "error"));

  /* Closing the window saves what is still pending. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = gtk_window_new ();

  db = pathways_db_open (fixture->db_path, &error);
  g_assert_no_error (error);
  reopened = pathways_store_new (db, &error);
  g_assert_no_error (error);
  people = pathways_store_get_people (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  person = g_list_model_get_item (people, 0);
  g_assert_cmpstr (pathways_person_get_title (person), ==, "Data engineer");
  g_assert_null (pathways_person_get_start_date (person));
  g_object_unref (person);
}

static void
test_archive_and_undo_delete (Fixture       *fixture,
                              gconstpointer  data)
{
  GListModel *people = pathways_store_get_people (fixture->store);

  add (fixture, "Rafael Costa");
  add (fixture, "Mei Lin");
  settle ();
  open_person (fixture, 1);  /* sorted by name: Mei Lin, Rafael Costa */
  g_assert_true (shows_label (fixture, "Rafael Costa"));

  /* Archived people leave the list (their page stays, saying so), and come back when
   * archived people are shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.archive", NULL);
  settle ();
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_true (shows_label (fixture, "Archived"));
  g_object_set (fixture->page, "show-archived", TRUE, NULL);
  settle ();
  g_assert_cmpuint (n_listed (fixture), ==, 2);

  /* Delete (no records: no question asked), then Undo from the toast. */
  open_person (fixture, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.delete", NULL);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_assert_true (shows_label (fixture, "“Rafael Costa” deleted"));
  /* Rafael was added first: id 1. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.undo-delete", "x", (gint64) 1);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_true (shows_label (fixture, "Rafael Costa"));
}

static void
test_database_error_page (Fixture       *fixture,
                          gconstpointer  data)
{
  pathways_team_page_show_error (fixture->page, "Your Records File Is Damaged",
                                 "“/x/pathways.sqlite” is not a database.", TRUE, TRUE);
  settle ();
  g_assert_true (shows_label (fixture, "Your Records File Is Damaged"));
  g_assert_true (shows_label (fixture, "“/x/pathways.sqlite” is not a database."));
  g_assert_false (shows_label (fixture, "Welcome to Pathways"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/team/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("welcome-then-people", test_welcome_then_people);
  ADD ("edit-saves-without-a-button", test_edit_saves_without_a_button);
  ADD ("archive-and-undo-delete", test_archive_and_undo_delete);
  ADD ("database-error-page", test_database_error_page);
#undef ADD

  return g_test_run ();
}
