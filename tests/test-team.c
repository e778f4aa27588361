/* test-team.c: the Team area under a real display — the welcome state, people appearing as
 * they are added, editing on the person's page saved without a Save button, archive and
 * undoable delete, a database that can't be opened, and the overview of open action items
 * and next 1-on-1s shown while nobody is selected.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pathways-agenda.h"
#include "pathways-team-overview.h"
#include "pathways-ladder.h"
#include "pathways-person-page.h"
#include "pathways-team-page.h"
#include "pathways-test-ui.h"

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
  fixture->dir = pathways_test_make_temp_dir ("team");
  fixture->db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->store = pathways_test_open_store (fixture->db_path, &fixture->db);

  fixture->page = g_object_new (PATHWAYS_TYPE_TEAM_PAGE, NULL);
  fixture->window = pathways_test_window_new (GTK_WIDGET (fixture->page), 1000, 700);
  pathways_team_page_set_store (fixture->page, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* The person page's tabs, wherever the team page keeps them. */
static AdwViewStack *
person_tabs (GtkWidget *widget)
{
  if (PATHWAYS_IS_PERSON_PAGE (widget))
    return pathways_person_page_get_view_stack (PATHWAYS_PERSON_PAGE (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *tabs = person_tabs (child);

      if (tabs != NULL)
        return tabs;
    }

  return NULL;
}

static AdwEntryRow *
entry_row (Fixture    *fixture,
           const char *title)
{
  return pathways_test_get_row (fixture->window, ADW_TYPE_ENTRY_ROW, title);
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
  pathways_test_collect (fixture->window, GTK_TYPE_LIST_VIEW, lists);
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
  pathways_test_settle ();
}

static void
test_welcome_then_people (Fixture       *fixture,
                          gconstpointer  data)
{
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Welcome to Pathways"));

  add (fixture, "Zoë Adebayo");
  add (fixture, "ada Brennan");
  pathways_test_settle ();
  g_assert_false (pathways_test_shows_label (fixture->window, "Welcome to Pathways"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Zoë Adebayo"));
  g_assert_true (pathways_test_shows_label (fixture->window, "ada Brennan"));
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
  pathways_test_settle ();
  open_person (fixture, 0);
  g_assert_true (pathways_test_shows_label (fixture->window, "Lena Virtanen"));

  /* Typing a title shows in the sidebar at once, and is saved after a pause. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Role or Title")), "Data engineer");
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Data engineer"));

  /* An impossible date is marked and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Start Date (YYYY-MM-DD)")),
                         "2026-02-30");
  pathways_test_settle ();
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
  pathways_test_settle ();
  open_person (fixture, 1);  /* sorted by name: Mei Lin, Rafael Costa */
  g_assert_true (pathways_test_shows_label (fixture->window, "Rafael Costa"));

  /* Archived people leave the list (their page stays, saying so on its Details tab), and
   * come back when archived people are shown. */
  adw_view_stack_set_visible_child_name (person_tabs (GTK_WIDGET (fixture->page)), "details");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.archive", NULL);
  pathways_test_settle ();
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_true (pathways_test_shows_label (fixture->window, "Archived"));
  g_object_set (fixture->page, "show-archived", TRUE, NULL);
  pathways_test_settle ();
  g_assert_cmpuint (n_listed (fixture), ==, 2);

  /* Delete (no records: no question asked), then Undo from the toast. */
  open_person (fixture, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.delete", NULL);
  pathways_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_assert_true (pathways_test_shows_label (fixture->window, "“Rafael Costa” deleted"));
  /* Rafael was added first: id 1. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.undo-delete", "x", (gint64) 1);
  pathways_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_true (pathways_test_shows_label (fixture->window, "Rafael Costa"));
}

static void
test_database_error_page (Fixture       *fixture,
                          gconstpointer  data)
{
  pathways_team_page_show_error (fixture->page, "Your Records File Is Damaged",
                                 "“/x/pathways.sqlite” is not a database.", TRUE, TRUE);
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Your Records File Is Damaged"));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "“/x/pathways.sqlite” is not a database."));
  g_assert_false (pathways_test_shows_label (fixture->window, "Welcome to Pathways"));
}

/* ---- the overview ---- */

/* The rows of the overview's group titled @title, in order; it must be on screen. */
static GPtrArray *
overview_rows (Fixture    *fixture,
               const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GPtrArray *rows = g_ptr_array_new ();

  pathways_test_collect (fixture->window, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);

      if (gtk_widget_get_mapped (group)
          && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)),
                        title) == 0)
        {
          pathways_test_collect (group, GTK_TYPE_LIST_BOX_ROW, rows);
          return rows;
        }
    }
  g_assert_not_reached ();
}

static const char *
overview_group_description (Fixture    *fixture,
                            const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  pathways_test_collect (fixture->window, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (adw_preferences_group_get_title (group), title) == 0)
        return adw_preferences_group_get_description (group);
    }
  g_assert_not_reached ();
}

/* The overview reads its data in an idle once it is on screen, and under load (ASan) the
 * window may be mapped late: waits, bounded, until the open action items are counted. */
static void
settle_until_actions_listed (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  pathways_test_settle ();
  while (g_strcmp0 (overview_group_description (fixture, "Open Action Items"), "") <= 0
         && g_get_monotonic_time () < deadline)
    pathways_test_settle_for (50);
}

/* The row's label whose text contains @text, or NULL. */
static GtkLabel *
row_label (GtkWidget  *row,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (strstr (gtk_label_get_text (label), text) != NULL)
        return label;
    }
  return NULL;
}

/* A row's title: its first label. */
static const char *
row_title (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (row, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 0);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

static GtkWidget *
row_child (GtkWidget *row,
           GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  pathways_test_collect (row, type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
marked_overdue (GtkWidget *row)
{
  GtkLabel *label = row_label (row, "Overdue");

  return label != NULL && gtk_widget_get_mapped (GTK_WIDGET (label))
         && gtk_widget_has_css_class (GTK_WIDGET (label), "error");
}

/* The title over the right-hand side: the name of the person shown, or "Team". */
static const char *
content_title (Fixture *fixture)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  pathways_test_collect (fixture->window, ADW_TYPE_VIEW_SWITCHER_TITLE, titles);
  g_assert_cmpuint (titles->len, ==, 1);
  return adw_view_switcher_title_get_title (g_ptr_array_index (titles, 0));
}

static gboolean
is_open_action (Fixture    *fixture,
                const char *body)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  open = pathways_store_list_open_actions (fixture->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < open->len; i++)
    {
      const PathwaysActionItem *item = g_ptr_array_index (open, i);

      if (g_strcmp0 (item->body, body) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Finds a sample person by name. */
static PathwaysPerson *
sample_person (Fixture    *fixture,
               const char *name)
{
  GListModel *people = pathways_store_get_people (fixture->store);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (pathways_person_get_name (person), name) == 0)
        return person;  /* the store keeps it alive */
    }
  g_assert_not_reached ();
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(PathwaysMeeting) planned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = pathways_test_dup_day (0);
  g_autofree char *yesterday = pathways_test_dup_day (-1);
  g_autofree char *yesterday_at = g_strdup_printf ("%sT09:30", yesterday);
  PathwaysAgendaOptions options = { NULL, 1, NULL, 6, today };
  const PathwaysActionItem *item;
  PathwaysPerson *person;
  GtkCheckButton *check;
  GtkWidget *row;
  gboolean seen_theirs = FALSE;
  g_autofree char *expected = NULL;
  char *body;
  guint n_open, n_overdue = 0;

  /* The app opens a database that already has a team with some history: Sione archived,
   * Kenji's 1-on-1 planned for yesterday and not marked held yet. */
  pathways_team_page_set_store (fixture->page, NULL);
  g_assert_true (pathways_store_load_sample_team (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (pathways_store_set_archived (fixture->store,
                                              sample_person (fixture, "Sione Tupou"), TRUE,
                                              &error));
  g_assert_no_error (error);
  planned = pathways_store_create_meeting (fixture->store, sample_person (fixture,
                                                                          "Kenji Watanabe"),
                                           PATHWAYS_MEETING_ONE_ON_ONE, yesterday_at, &options,
                                           &error);
  g_assert_no_error (error);
  pathways_team_page_set_store (fixture->page, fixture->store);
  settle_until_actions_listed (fixture);

  /* Every open action item is listed in the store's order, the manager's own first. */
  open = pathways_store_list_open_actions (fixture->store, NULL, &error);
  g_assert_no_error (error);
  n_open = open->len;
  g_assert_cmpuint (n_open, >, 1);
  actions = overview_rows (fixture, "Open Action Items");
  g_assert_cmpuint (actions->len, ==, n_open);
  for (guint i = 0; i < actions->len; i++)
    {
      const PathwaysActionItem *listed = g_ptr_array_index (open, i);
      gboolean mine;

      row = g_ptr_array_index (actions, i);
      mine = row_label (row, "Yours") != NULL;
      g_assert_cmpstr (row_title (row), ==, listed->body);
      g_assert_cmpint (mine, ==, listed->owner == PATHWAYS_OWNER_ME);
      g_assert_false (mine && seen_theirs);
      seen_theirs |= !mine;

      /* Overdue ones say so, in the error colour; the others don't. */
      g_assert_cmpint (marked_overdue (row), ==,
                       listed->due_on != NULL && strcmp (listed->due_on, today) < 0);
      n_overdue += marked_overdue (row) ? 1 : 0;
    }
  g_assert_nonnull (row_label (g_ptr_array_index (actions, 0), "Yours"));
  g_assert_true (seen_theirs);
  g_assert_cmpuint (n_overdue, >, 0);
  expected = g_strdup_printf ("%u open, %u overdue", n_open, n_overdue);
  g_assert_cmpstr (overview_group_description (fixture, "Open Action Items"), ==, expected);

  /* Ticking one marks it done in the store; the row stays, ticked, and unticking undoes. */
  row = g_ptr_array_index (actions, 0);
  body = g_strdup (row_title (row));
  check = GTK_CHECK_BUTTON (row_child (row, GTK_TYPE_CHECK_BUTTON));
  gtk_widget_activate (GTK_WIDGET (check));
  pathways_test_settle ();
  g_assert_false (is_open_action (fixture, body));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_cmpstr (overview_group_description (fixture, "Open Action Items"), !=, expected);
  gtk_widget_activate (GTK_WIDGET (check));
  pathways_test_settle ();
  g_assert_true (is_open_action (fixture, body));
  g_assert_cmpstr (overview_group_description (fixture, "Open Action Items"), ==, expected);
  gtk_widget_activate (GTK_WIDGET (check));
  pathways_test_settle ();
  g_assert_false (is_open_action (fixture, body));
  g_free (body);

  /* The next 1-on-1s: one row per person not archived, soonest first — Kenji's, planned
   * and overdue, at the top. */
  meetings = overview_rows (fixture, "Next 1-on-1s");
  g_assert_cmpuint (meetings->len, ==, 5);
  for (guint i = 0; i < meetings->len; i++)
    g_assert_cmpstr (row_title (g_ptr_array_index (meetings, i)), !=, "Sione Tupou");
  row = g_ptr_array_index (meetings, 0);
  g_assert_cmpstr (row_title (row), ==, "Kenji Watanabe");
  g_assert_nonnull (row_label (row, "09:30 · Agenda ready"));
  g_assert_true (marked_overdue (row));
  for (guint i = 1; i < meetings->len; i++)
    {
      row = g_ptr_array_index (meetings, i);
      g_assert_nonnull (row_label (row, " · Not prepared yet"));
      g_assert_false (marked_overdue (row));
    }

  /* "Open" on an action item shows its person: selected in the sidebar, their page on the
   * right. */
  item = g_ptr_array_index (open, 1);
  person = pathways_store_lookup_person (fixture->store, item->person_id);
  g_signal_emit_by_name (row_child (g_ptr_array_index (actions, 1), GTK_TYPE_BUTTON),
                         "clicked");
  pathways_test_settle ();
  g_assert_false (gtk_widget_get_mapped (row));
  g_assert_cmpstr (content_title (fixture), ==, pathways_person_get_name (person));
  g_assert_true (gtk_single_selection_get_selected_item (
                   GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                     GTK_LIST_VIEW (people_list (fixture))))) == (gpointer) person);
}

/* Who hasn't had a 1-on-1 for longer than their cadence, and whose target level has
 * expectations without recent evidence; in a narrow window a button shows all this. */
static void
test_overview_this_week (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *handbook_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook",
                                                         NULL);
  g_autoptr(GFile) root = g_file_new_for_path (handbook_dir);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  g_autoptr(PathwaysLadder) ladder = NULL;
  g_autoptr(PathwaysPerson) lapsed = pathways_person_new ("Lapsed Larsen");
  g_autoptr(PathwaysPerson) fresh = pathways_person_new ("Fresh Fiona");
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(GPtrArray) catchup = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = pathways_test_dup_day (0);
  g_autofree char *month_ago = pathways_test_dup_day (-29);
  PathwaysAgendaOptions options = { NULL, 1, NULL, 6, today };
  GtkWidget *button;
  gboolean seen_lapsed = FALSE, seen_fresh = FALSE;

  g_assert_true (pathways_handbook_load (handbook, NULL, &error));
  ladder = pathways_ladder_load (handbook, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (pathways_store_load_sample_team (fixture->store, &error));
  pathways_person_set_cadence_weeks (lapsed, 2);
  g_assert_nonnull (pathways_store_add_person (fixture->store, lapsed, &error));
  g_assert_nonnull (pathways_store_add_person (fixture->store, fresh, &error));
  meeting = pathways_store_create_meeting (fixture->store, lapsed, PATHWAYS_MEETING_ONE_ON_ONE,
                                           month_ago, &options, &error);
  g_assert_no_error (error);
  g_assert_true (pathways_store_set_meeting_status (fixture->store, meeting->id,
                                                    PATHWAYS_MEETING_HELD, &error));
  pathways_team_page_set_ladder (fixture->page, ladder);
  pathways_team_page_set_store (fixture->page, NULL);
  pathways_team_page_set_store (fixture->page, fixture->store);
  pathways_test_settle ();

  catchup = overview_rows (fixture, "Not Met in a While");
  for (guint i = 0; i < catchup->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (catchup, i);

      if (g_strcmp0 (row_title (row), "Lapsed Larsen") == 0)
        {
          g_assert_nonnull (row_label (row, "Last 1-on-1 4 weeks ago · every 2 week(s)"));
          seen_lapsed = TRUE;
        }
      if (g_strcmp0 (row_title (row), "Fresh Fiona") == 0)
        {
          g_assert_nonnull (row_label (row, "No 1-on-1 held yet"));
          seen_fresh = TRUE;
        }
      /* The sample team meets on time. */
      g_assert_cmpstr (row_title (row), !=, "Amara Okafor");
    }
  g_assert_true (seen_lapsed);
  g_assert_true (seen_fresh);

  /* The sample team has targets on the ladder and little evidence. */
  evidence = overview_rows (fixture, "Ladder Without Recent Evidence");
  g_assert_cmpuint (evidence->len, >, 0);
  g_assert_nonnull (row_label (g_ptr_array_index (evidence, 0), " expectations of "));

  /* Each row opens its place: the ladder for evidence, the 1-on-1s for a catch-up. */
  g_signal_emit_by_name (row_child (g_ptr_array_index (evidence, 0), GTK_TYPE_BUTTON), "clicked");
  pathways_test_settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (person_tabs (fixture->window)), ==,
                   "ladder");
  g_assert_cmpstr (content_title (fixture), ==, row_title (g_ptr_array_index (evidence, 0)));
  pathways_team_page_show_search_result (fixture->page, &(PathwaysSearchResult) {
                                           .kind = PATHWAYS_SEARCH_PERSON,
                                           .person_id = -1 });
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.show-overview", NULL);
  pathways_test_settle ();
  g_ptr_array_unref (catchup);
  catchup = overview_rows (fixture, "Not Met in a While");
  for (guint i = 0; i < catchup->len; i++)
    if (g_strcmp0 (row_title (g_ptr_array_index (catchup, i)), "Lapsed Larsen") == 0)
      g_signal_emit_by_name (row_child (g_ptr_array_index (catchup, i), GTK_TYPE_BUTTON),
                             "clicked");
  pathways_test_settle ();
  g_assert_cmpstr (content_title (fixture), ==, "Lapsed Larsen");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (person_tabs (fixture->window)), ==,
                   "meetings");

  /* Narrow: the list fills the window; "This Week" brings the overview back. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  pathways_test_settle ();
  pathways_team_page_show_search_result (fixture->page, &(PathwaysSearchResult) {
                                           .kind = PATHWAYS_SEARCH_PERSON,
                                           .person_id = pathways_person_get_id (fresh) });
  pathways_test_settle ();
  g_assert_cmpstr (content_title (fixture), ==, "Fresh Fiona");
  button = pathways_test_get_button (fixture->window, "This Week");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "team.show-people", NULL);
  pathways_test_settle ();
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (content_title (fixture), ==, "Team");
  /* The leaflet slides over; on a slow machine (or under a sanitizer) that takes a while. */
  for (guint i = 0; i < 100 && gtk_widget_get_mapped (button); i++)
    pathways_test_settle_for (100);
  g_assert_false (gtk_widget_get_mapped (button));
  g_ptr_array_unref (catchup);
  catchup = overview_rows (fixture, "Not Met in a While");
  g_assert_cmpuint (catchup->len, >, 0);
}

/* Before the database is open there is nothing to list, and nothing breaks. */
/* The Notes tab is filled when it is first shown, and always with the person on screen:
 * switching people with it open never leaves the previous one's notes behind. */
static void
test_notes_tab_follows_person (Fixture       *fixture,
                               gconstpointer  data)
{
  PathwaysPerson *ada = add (fixture, "Ada Quispe");
  PathwaysPerson *ben = add (fixture, "Ben Okafor");
  g_autofree char *today = pathways_test_dup_day (0);
  g_autoptr(GError) error = NULL;
  AdwViewStack *tabs;

  g_assert_cmpint (pathways_store_add_note (fixture->store, ada, PATHWAYS_NOTE_FEEDBACK,
                                            "Ada shipped the importer", today, NULL, &error),
                   >, 0);
  g_assert_cmpint (pathways_store_add_note (fixture->store, ben, PATHWAYS_NOTE_FEEDBACK,
                                            "Ben ran the incident review", today, NULL,
                                            &error), >, 0);
  g_assert_no_error (error);
  pathways_test_settle ();

  open_person (fixture, 0);
  pathways_test_settle ();
  g_assert_false (pathways_test_shows_label (fixture->window, "Ada shipped the importer"));
  tabs = person_tabs (fixture->window);
  adw_view_stack_set_visible_child_name (tabs, "notes");
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Ada shipped the importer"));

  open_person (fixture, 1);
  pathways_test_settle ();
  adw_view_stack_set_visible_child_name (person_tabs (fixture->window), "notes");
  pathways_test_settle ();
  g_assert_true (pathways_test_shows_label (fixture->window, "Ben ran the incident review"));
  g_assert_false (pathways_test_shows_label (fixture->window, "Ada shipped the importer"));
}

/* A team with years of 1-on-1s has a thousand open action items: the overview lists them
 * 20 at a time, a "More" row after them, while its description counts them all. */
static void
test_overview_many_actions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  PathwaysPerson *person;
  GtkWidget *more;

  pathways_team_page_set_store (fixture->page, NULL);
  g_assert_true (pathways_store_load_sample_team (fixture->store, &error));
  g_assert_no_error (error);
  person = sample_person (fixture, "Kenji Watanabe");
  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *body = g_strdup_printf ("Follow-up number %u", i);

      g_assert_cmpint (pathways_store_add_action_item (fixture->store, person, 0, body,
                                                       PATHWAYS_OWNER_THEM, NULL, &error),
                       >, 0);
      g_assert_no_error (error);
    }
  open = pathways_store_list_open_actions (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, >, 45);
  pathways_team_page_set_store (fixture->page, fixture->store);
  settle_until_actions_listed (fixture);

  expected = g_strdup_printf ("%u open", open->len);
  g_assert_true (g_str_has_prefix (overview_group_description (fixture, "Open Action Items"),
                                   expected));
  rows = overview_rows (fixture, "Open Action Items");
  g_assert_cmpuint (rows->len, ==, 21);
  more = g_ptr_array_index (rows, 20);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, "More");
  for (guint i = 0; i < 20; i++)
    {
      const PathwaysActionItem *item = g_ptr_array_index (open, i);

      g_assert_cmpstr (row_title (g_ptr_array_index (rows, i)), ==, item->body);
    }

  /* "More" adds the next 20 where it was, and the focus goes to the first of them. */
  adw_action_row_activate (ADW_ACTION_ROW (more));
  pathways_test_settle ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = overview_rows (fixture, "Open Action Items");
  g_assert_cmpuint (rows->len, ==, 41);
  g_assert_true (g_ptr_array_index (rows, 40) == more);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 20)), ==,
                   ((const PathwaysActionItem *) g_ptr_array_index (open, 20))->body);
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (rows, 20)));

  /* Until the last: then "More" is gone. */
  for (guint i = 0; i < 100 && gtk_widget_get_parent (more) != NULL; i++)
    {
      adw_action_row_activate (ADW_ACTION_ROW (more));
      pathways_test_settle ();
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = overview_rows (fixture, "Open Action Items");
    }
  g_assert_cmpuint (rows->len, ==, open->len);
  g_assert_null (gtk_widget_get_parent (more));
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, open->len - 1)), ==,
                   ((const PathwaysActionItem *) g_ptr_array_index (open, open->len - 1))->body);
}

static void
test_overview_without_store (void)
{
  PathwaysTeamOverview *overview = g_object_ref_sink (g_object_new (PATHWAYS_TYPE_TEAM_OVERVIEW,
                                                                    NULL));

  pathways_team_overview_set_store (overview, NULL);
  pathways_team_overview_reload (overview);
  g_assert_finalize_object (overview);
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
  ADD ("overview", test_overview);
  ADD ("overview-this-week", test_overview_this_week);
  ADD ("overview-many-actions", test_overview_many_actions);
  ADD ("notes-tab-follows-person", test_notes_tab_follows_person);
#undef ADD
  g_test_add_func ("/pathways/team/overview-without-store", test_overview_without_store);

  return g_test_run ();
}
