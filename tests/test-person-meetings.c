/* test-person-meetings.c: a person's 1-on-1s tab under a real display — the next agenda
 * prepared in one click from what last time left over, then run in place: points ticked,
 * reordered within their section, notes and mood saved as they are edited, the meeting
 * held, reopened and copied, and the mood charted over time.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pathways-agenda.h"
#include "pathways-meeting-view.h"
#include "pathways-person-meetings.h"
#include "pathways-test-ui.h"

#define CARRIED_POINT  "Salary band question"
#define DISCUSSED_POINT "Holiday plans"
#define OPEN_ACTION    "Send the conference budget"
#define N_CHECKINS     3

typedef struct
{
  char                   *dir;
  PathwaysDb             *db;
  PathwaysStore          *store;
  PathwaysGuide          *guide;
  GSettings              *settings;
  PathwaysPerson         *person;
  GtkWidget              *window;
  PathwaysPersonMeetings *tab;
} Fixture;

static PathwaysPerson *
add_person (Fixture    *fixture,
            const char *name)
{
  g_autoptr(PathwaysPerson) person = g_object_new (PATHWAYS_TYPE_PERSON, "name", name,
                                                   "cadence-weeks", 2, NULL);
  g_autoptr(GError) error = NULL;
  PathwaysPerson *added = pathways_store_add_person (fixture->store, person, &error);

  g_assert_no_error (error);
  return added;  /* the store keeps it alive */
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  /* Stack pages switch at once, so what is mapped is what is on screen. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture->dir = pathways_test_make_temp_dir ("person-meetings");
  db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->store = pathways_test_open_store (db_path, &fixture->db);
  fixture->guide = pathways_guide_new_builtin ();
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_uint (fixture->settings, "checkin-topics", N_CHECKINS);
  fixture->person = g_object_ref (add_person (fixture, "Amara Okafor"));

  fixture->tab = g_object_ref (g_object_new (PATHWAYS_TYPE_PERSON_MEETINGS, NULL));
  fixture->window = pathways_test_window_new (GTK_WIDGET (fixture->tab), 900, 800);
  pathways_person_meetings_set_settings (fixture->tab, fixture->settings);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->tab);
  g_settings_reset (fixture->settings, "checkin-topics");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->guide, pathways_guide_free);
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

static void
show (Fixture        *fixture,
      PathwaysPerson *person)
{
  pathways_person_meetings_set_context (fixture->tab, fixture->store, person, fixture->guide,
                                        NULL);
  pathways_test_settle ();
}

/* ---- the store ---- */

/* A 1-on-1 held @days_ago days ago: one point discussed, one not, and an action item of
 * theirs still open. */
static gint64
hold_earlier_meeting (Fixture *fixture,
                      int      days_ago)
{
  g_autofree char *today = pathways_test_dup_day (0);
  g_autofree char *date = pathways_test_dup_day (-days_ago);
  PathwaysAgendaOptions options = { fixture->guide, 0, NULL, 8, today };
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  gint64 discussed_id;

  meeting = pathways_store_create_meeting (fixture->store, fixture->person,
                                           PATHWAYS_MEETING_ONE_ON_ONE, date, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pathways_store_add_talking_point (fixture->store, fixture->person,
                                                     meeting->id, CARRIED_POINT,
                                                     PATHWAYS_OWNER_ME, &error), >, 0);
  discussed_id = pathways_store_add_talking_point (fixture->store, fixture->person,
                                                   meeting->id, DISCUSSED_POINT,
                                                   PATHWAYS_OWNER_THEM, &error);
  g_assert_no_error (error);
  points = pathways_store_list_talking_points (fixture->store, fixture->person, meeting->id,
                                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      if (point->id != discussed_id)
        continue;
      point->discussed = TRUE;
      g_assert_true (pathways_store_save_talking_point (fixture->store, point, &error));
    }
  g_assert_cmpint (pathways_store_add_action_item (fixture->store, fixture->person, meeting->id,
                                                   OPEN_ACTION, PATHWAYS_OWNER_THEM, NULL,
                                                   &error), >, 0);
  g_assert_true (pathways_store_set_meeting_status (fixture->store, meeting->id,
                                                    PATHWAYS_MEETING_HELD, &error));
  g_assert_no_error (error);

  return meeting->id;
}

static PathwaysMeeting *
next_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PathwaysMeeting *meeting = pathways_store_get_next_meeting (fixture->store, fixture->person,
                                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static PathwaysMeeting *
stored_meeting (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  PathwaysMeeting *meeting = pathways_store_get_meeting (fixture->store, id, &error);

  g_assert_no_error (error);
  return meeting;
}

static GPtrArray *
stored_points (Fixture *fixture,
               gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *points = pathways_store_list_talking_points (fixture->store, fixture->person,
                                                          meeting_id, &error);

  g_assert_no_error (error);
  return points;
}

/* Whether the point with @body is ticked as discussed in the store. */
static gboolean
stored_discussed (Fixture    *fixture,
                  gint64      meeting_id,
                  const char *body)
{
  g_autoptr(GPtrArray) points = stored_points (fixture, meeting_id);

  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->body, body) == 0)
        return point->discussed;
    }
  g_assert_not_reached ();
}

/* The stored order of the meeting's points, their bodies joined by "|". */
static char *
dup_stored_order (Fixture *fixture,
                  gint64   meeting_id)
{
  g_autoptr(GPtrArray) points = stored_points (fixture, meeting_id);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      g_string_append_printf (order, "%s%s", i > 0 ? "|" : "", point->body);
    }
  return g_string_free (order, FALSE);
}

static gboolean
is_open_action (Fixture    *fixture,
                const char *body)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  open = pathways_store_list_open_actions (fixture->store, fixture->person, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < open->len; i++)
    {
      const PathwaysActionItem *item = g_ptr_array_index (open, i);

      if (g_strcmp0 (item->body, body) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- the widgets ---- */

static GtkWidget *
prepare_button (Fixture *fixture)
{
  return pathways_test_get_button (fixture->window, "Prepare Agenda");
}

static AdwEntryRow *
entry_row (GtkWidget  *root,
           const char *title)
{
  return pathways_test_get_row (root, ADW_TYPE_ENTRY_ROW, title);
}

static AdwEntryRow *
date_row (Fixture *fixture)
{
  return entry_row (fixture->window, "Date and Time (YYYY-MM-DD HH:MM)");
}

/* The meeting on screen: the next one on the list page, or an earlier one opened. */
static GtkWidget *
shown_meeting (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *shown = NULL;

  pathways_test_collect (fixture->window, PATHWAYS_TYPE_MEETING_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);

      if (gtk_widget_get_mapped (view))
        {
          g_assert_null (shown);
          shown = view;
        }
    }
  g_assert_nonnull (shown);
  return shown;
}

static gboolean
shows_a_meeting (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  pathways_test_collect (fixture->window, PATHWAYS_TYPE_MEETING_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (views, i)))
      return TRUE;
  return FALSE;
}

static AdwPreferencesGroup *
group (GtkWidget  *root,
       const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  pathways_test_collect (root, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *found = g_ptr_array_index (groups, i);

      if (g_strcmp0 (adw_preferences_group_get_title (found), title) == 0)
        return found;
    }
  g_assert_not_reached ();
}

/* A group is shown when it and everything up to the window is visible. */
static gboolean
group_shown (GtkWidget  *root,
             const char *title)
{
  return gtk_widget_get_mapped (GTK_WIDGET (group (root, title)));
}

/* The agenda rows (a check box, a title and a caption) of a section, in order. */
static GPtrArray *
agenda_rows (GtkWidget  *view,
             const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *agenda = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (group (view, title)), GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) checks = g_ptr_array_new ();

      pathways_test_collect (row, GTK_TYPE_CHECK_BUTTON, checks);
      if (G_OBJECT_TYPE (row) == GTK_TYPE_LIST_BOX_ROW && checks->len == 1)
        g_ptr_array_add (agenda, row);
    }
  return agenda;
}

static const char *
row_label_text (GtkWidget *row,
                guint      index)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (row, GTK_TYPE_LABEL, labels);
  if (index >= labels->len)
    return NULL;
  return gtk_label_get_text (g_ptr_array_index (labels, index));
}

/* A row's title is its first label, its caption the second. */
static const char *
row_title (GtkWidget *row)
{
  return row_label_text (row, 0);
}

static const char *
row_caption (GtkWidget *row)
{
  return row_label_text (row, 1);
}

static GtkWidget *
row_titled (GPtrArray  *rows,
            const char *title)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (row_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* A section's titles as shown, joined by "|". */
static char *
dup_section (GtkWidget  *view,
             const char *title)
{
  g_autoptr(GPtrArray) rows = agenda_rows (view, title);
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "",
                            row_title (g_ptr_array_index (rows, i)));
  return g_string_free (titles, FALSE);
}

/* Whether any section of the meeting shows a row titled @title. */
static gboolean
on_agenda (GtkWidget  *view,
           const char *title)
{
  static const char * const sections[] = {
    "Carried Over", "Every Time", "Talking Points", "Due for a Check-in", "Ladder",
    "Action Items",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(GPtrArray) rows = agenda_rows (view, sections[i]);

      if (row_titled (rows, title) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A check box on screen, by its accessible label (its tooltip says the same). */
static GtkCheckButton *
check_labelled (Fixture    *fixture,
                const char *label)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  pathways_test_collect (fixture->window, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);

      if (gtk_widget_get_mapped (check)
          && g_strcmp0 (gtk_widget_get_tooltip_text (check), label) == 0)
        return GTK_CHECK_BUTTON (check);
    }
  g_assert_not_reached ();
}

/* The mood button for @mood in the meeting shown: "Mood 4 of 5", "Mood 5 of 5, great". */
static GtkToggleButton *
mood_button (Fixture *fixture,
             int      mood)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *prefix = g_strdup_printf ("Mood %d of 5", mood);

  pathways_test_collect (shown_meeting (fixture), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      if (tooltip != NULL && g_str_has_prefix (tooltip, prefix))
        return GTK_TOGGLE_BUTTON (button);
    }
  g_assert_not_reached ();
}

static char *
dup_active_moods (Fixture *fixture)
{
  GString *active = g_string_new (NULL);

  for (int mood = 1; mood <= 5; mood++)
    if (gtk_toggle_button_get_active (mood_button (fixture, mood)))
      g_string_append_printf (active, "%d", mood);
  return g_string_free (active, FALSE);
}

static GtkTextBuffer *
notes_buffer (Fixture    *fixture,
              const char *title)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (group (shown_meeting (fixture), title)), GTK_TYPE_TEXT_VIEW,
                         views);
  g_assert_cmpuint (views->len, ==, 1);
  return gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
}

/* Types at the end of the notes, as at the keyboard. */
static void
type_notes (Fixture    *fixture,
            const char *title,
            const char *text)
{
  GtkTextBuffer *buffer = notes_buffer (fixture, title);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static char *
dup_notes (Fixture    *fixture,
           const char *title)
{
  GtkTextBuffer *buffer = notes_buffer (fixture, title);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether the meeting shown has a label reading exactly @text. */
static gboolean
meeting_says (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (shown_meeting (fixture), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The rows of "Earlier 1-on-1s", newest first. */
static GPtrArray *
history_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *history = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (group (fixture->window, "Earlier 1-on-1s")),
                         ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      g_ptr_array_add (history, g_ptr_array_index (rows, i));
  return history;
}

static void
prepare (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathways_person_meetings_prepare (fixture->tab, &error));
  g_assert_no_error (error);
  pathways_test_settle ();
  g_assert_true (shows_a_meeting (fixture));
}

/* Adds a talking point the way it is typed: in the row at the end of Talking Points. */
static void
type_point (Fixture    *fixture,
            const char *body)
{
  AdwEntryRow *row = entry_row (shown_meeting (fixture), "Add a Talking Point");

  gtk_editable_set_text (GTK_EDITABLE (row), body);
  g_signal_emit_by_name (row, "entry-activated");
  pathways_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
}

/* Runs a talking point's menu item: "point.up", "point.down"… */
static void
point_action (Fixture    *fixture,
              const char *section,
              const char *body,
              const char *action)
{
  g_autoptr(GPtrArray) rows = agenda_rows (shown_meeting (fixture), section);
  GtkWidget *row = row_titled (rows, body);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, action, NULL));
  pathways_test_settle ();
}

/* The section as shown once it reads @expected, or as it is after 5 s: the view is rebuilt
 * in an idle, which a loaded machine can hold back past one settle. */
static char *
wait_for_section (Fixture    *fixture,
                  const char *section,
                  const char *expected)
{
  char *shown = dup_section (shown_meeting (fixture), section);

  for (int i = 0; i < 50 && g_strcmp0 (shown, expected) != 0; i++)
    {
      pathways_test_settle_for (100);
      g_free (shown);
      shown = dup_section (shown_meeting (fixture), section);
    }
  return shown;
}

/* ---- the tests ---- */

static void
test_prepare (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *suggested = pathways_test_dup_day (7);
  g_autofree char *title = pathways_format_scheduled (suggested);
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(GPtrArray) carried = NULL;
  g_autoptr(GPtrArray) every = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  GPtrArray *topics = fixture->guide->topics[PATHWAYS_TOPIC_EVERY];
  GtkWidget *button, *view, *row;

  /* Met a week ago, every two weeks: the next one is a week from now. */
  hold_earlier_meeting (fixture, 7);
  show (fixture, fixture->person);
  button = prepare_button (fixture);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_false (shows_a_meeting (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row (fixture))), ==, suggested);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* A date that does not exist, or no date at all, can't be prepared for. */
  gtk_editable_set_text (GTK_EDITABLE (date_row (fixture)), "2026-02-30");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row (fixture)), "error"));
  gtk_editable_set_text (GTK_EDITABLE (date_row (fixture)), "next Tuesday");
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_editable_set_text (GTK_EDITABLE (date_row (fixture)), suggested);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_row (fixture)), "error"));

  pathways_test_click (button);
  g_assert_false (gtk_widget_get_mapped (button));
  view = shown_meeting (fixture);
  g_assert_true (meeting_says (fixture, title));
  g_assert_true (meeting_says (fixture, "1-on-1 · Planned · 0 of 9 points discussed"));
  meeting = next_meeting (fixture);
  g_assert_cmpstr (meeting->scheduled_at, ==, suggested);

  /* What last time didn't get to, and their open action item; not what was discussed. */
  g_assert_true (group_shown (view, "Carried Over"));
  carried = agenda_rows (view, "Carried Over");
  g_assert_cmpuint (carried->len, ==, 2);
  g_assert_cmpstr (row_title (g_ptr_array_index (carried, 0)), ==, CARRIED_POINT);
  row = row_titled (carried, OPEN_ACTION);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row_caption (row), "Action item"));
  g_assert_null (strstr (row_caption (g_ptr_array_index (carried, 0)), "Action item"));
  g_assert_false (on_agenda (view, DISCUSSED_POINT));

  /* The guide's topics for every time, in its order. */
  every = agenda_rows (view, "Every Time");
  g_assert_cmpuint (every->len, ==, topics->len);
  for (guint i = 0; i < topics->len; i++)
    g_assert_cmpstr (row_title (g_ptr_array_index (every, i)), ==,
                     ((PathwaysTopic *) g_ptr_array_index (topics, i))->title);

  /* As many check-ins as the settings ask for, from the "frequently" topics. */
  g_assert_true (group_shown (view, "Due for a Check-in"));
  checkins = agenda_rows (view, "Due for a Check-in");
  g_assert_cmpuint (checkins->len, ==, N_CHECKINS);
  for (guint i = 0; i < checkins->len; i++)
    {
      GPtrArray *frequent = fixture->guide->topics[PATHWAYS_TOPIC_FREQUENT];
      gboolean found = FALSE;

      for (guint j = 0; j < frequent->len; j++)
        found |= g_strcmp0 (row_title (g_ptr_array_index (checkins, i)),
                            ((PathwaysTopic *) g_ptr_array_index (frequent, j))->title) == 0;
      g_assert_true (found);
      g_assert_true (g_str_has_prefix (row_caption (g_ptr_array_index (checkins, i)),
                                       "Not discussed yet · "));
    }
  g_assert_false (group_shown (view, "Ladder"));
}

static void
test_tick (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  GtkCheckButton *check;

  hold_earlier_meeting (fixture, 7);
  show (fixture, fixture->person);
  prepare (fixture);
  meeting = next_meeting (fixture);

  check = check_labelled (fixture, "Discussed: " CARRIED_POINT);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (stored_discussed (fixture, meeting->id, CARRIED_POINT));
  gtk_check_button_set_active (check, TRUE);
  pathways_test_settle ();
  g_assert_true (stored_discussed (fixture, meeting->id, CARRIED_POINT));
  g_assert_true (meeting_says (fixture, "1-on-1 · Planned · 1 of 9 points discussed"));

  /* An every-time topic too; and unticking takes it back. */
  check = check_labelled (fixture, "Discussed: Wins");
  gtk_check_button_set_active (check, TRUE);
  pathways_test_settle ();
  g_assert_true (stored_discussed (fixture, meeting->id, "Wins"));
  gtk_check_button_set_active (check, FALSE);
  pathways_test_settle ();
  g_assert_false (stored_discussed (fixture, meeting->id, "Wins"));
  g_assert_true (meeting_says (fixture, "1-on-1 · Planned · 1 of 9 points discussed"));

  /* The action item from last time, done now. */
  g_assert_true (is_open_action (fixture, OPEN_ACTION));
  check = check_labelled (fixture, "Done: " OPEN_ACTION);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  pathways_test_settle ();
  g_assert_false (is_open_action (fixture, OPEN_ACTION));

  /* Read again, both stay ticked. */
  pathways_person_meetings_reload (fixture->tab);
  pathways_test_settle ();
  g_assert_true (gtk_check_button_get_active (check_labelled (fixture,
                                                              "Discussed: " CARRIED_POINT)));
  g_assert_true (gtk_check_button_get_active (check_labelled (fixture, "Done: " OPEN_ACTION)));
  g_assert_false (gtk_check_button_get_active (check_labelled (fixture, "Discussed: Wins")));
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autofree char *every = NULL;
  g_autofree char *checkins = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *first_checkin = NULL;
  g_autoptr(GPtrArray) agenda_rows_checkin = NULL;

  hold_earlier_meeting (fixture, 7);
  show (fixture, fixture->person);
  prepare (fixture);
  meeting = next_meeting (fixture);
  type_point (fixture, "Offsite agenda");
  type_point (fixture, "Team lunch");
  type_point (fixture, "On-call rota");
  shown = dup_section (shown_meeting (fixture), "Talking Points");
  g_assert_cmpstr (shown, ==, "Offsite agenda|Team lunch|On-call rota");
  every = dup_section (shown_meeting (fixture), "Every Time");
  checkins = dup_section (shown_meeting (fixture), "Due for a Check-in");

  point_action (fixture, "Talking Points", "Offsite agenda", "point.down");
  g_free (shown);
  shown = wait_for_section (fixture, "Talking Points", "Team lunch|Offsite agenda|On-call rota");
  g_assert_cmpstr (shown, ==, "Team lunch|Offsite agenda|On-call rota");
  point_action (fixture, "Talking Points", "On-call rota", "point.up");
  g_free (shown);
  shown = wait_for_section (fixture, "Talking Points", "Team lunch|On-call rota|Offsite agenda");
  g_assert_cmpstr (shown, ==, "Team lunch|On-call rota|Offsite agenda");

  /* It is kept: read again from the store, the order is the same. */
  before = dup_stored_order (fixture, meeting->id);
  g_assert_nonnull (strstr (before, "Team lunch|On-call rota|Offsite agenda"));
  pathways_person_meetings_reload (fixture->tab);
  pathways_test_settle ();
  g_free (shown);
  shown = dup_section (shown_meeting (fixture), "Talking Points");
  g_assert_cmpstr (shown, ==, "Team lunch|On-call rota|Offsite agenda");

  /* At either end of its section a point stays: it never moves into another section. */
  point_action (fixture, "Talking Points", "Team lunch", "point.up");
  point_action (fixture, "Talking Points", "Offsite agenda", "point.down");
  point_action (fixture, "Carried Over", CARRIED_POINT, "point.down");
  point_action (fixture, "Every Time", "Follow-ups", "point.up");
  agenda_rows_checkin = agenda_rows (shown_meeting (fixture), "Due for a Check-in");
  first_checkin = g_strdup (row_title (g_ptr_array_index (agenda_rows_checkin, 0)));
  point_action (fixture, "Due for a Check-in", first_checkin, "point.up");
  after = dup_stored_order (fixture, meeting->id);
  g_assert_cmpstr (after, ==, before);
  g_free (shown);
  shown = dup_section (shown_meeting (fixture), "Talking Points");
  g_assert_cmpstr (shown, ==, "Team lunch|On-call rota|Offsite agenda");
  g_free (shown);
  shown = dup_section (shown_meeting (fixture), "Every Time");
  g_assert_cmpstr (shown, ==, every);
  g_free (shown);
  shown = dup_section (shown_meeting (fixture), "Due for a Check-in");
  g_assert_cmpstr (shown, ==, checkins);
  g_free (shown);
  shown = dup_section (shown_meeting (fixture), "Carried Over");
  g_assert_cmpstr (shown, ==, CARRIED_POINT "|" OPEN_ACTION);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) saved = NULL;
  g_autofree char *shown = NULL;
  PathwaysPerson *other = add_person (fixture, "Bram de Vries");

  show (fixture, fixture->person);
  prepare (fixture);
  meeting = next_meeting (fixture);

  /* Written when asked to… */
  type_notes (fixture, "Shared Notes", "We agreed on the offsite.");
  pathways_person_meetings_flush (fixture->tab);
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpstr (saved->shared_notes, ==, "We agreed on the offsite.");
  g_assert_cmpstr (saved->private_notes, ==, "");
  g_clear_pointer (&saved, pathways_meeting_free);

  /* …or after a pause in typing. */
  type_notes (fixture, "Private Notes", "Seemed tired.");
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpstr (saved->private_notes, ==, "");
  g_clear_pointer (&saved, pathways_meeting_free);
  pathways_test_settle ();
  pathways_test_settle ();
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpstr (saved->private_notes, ==, "Seemed tired.");
  g_clear_pointer (&saved, pathways_meeting_free);

  /* Going to someone else straight after typing loses nothing. */
  type_notes (fixture, "Shared Notes", " Book the venue.");
  type_notes (fixture, "Private Notes", " Ask about leave.");
  show (fixture, other);
  g_assert_false (shows_a_meeting (fixture));
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpstr (saved->shared_notes, ==, "We agreed on the offsite. Book the venue.");
  g_assert_cmpstr (saved->private_notes, ==, "Seemed tired. Ask about leave.");

  show (fixture, fixture->person);
  shown = dup_notes (fixture, "Shared Notes");
  g_assert_cmpstr (shown, ==, "We agreed on the offsite. Book the venue.");
  g_free (shown);
  shown = dup_notes (fixture, "Private Notes");
  g_assert_cmpstr (shown, ==, "Seemed tired. Ask about leave.");
}

/* Notes typed just before the agenda is read again (a point added or moved) are kept. */
static void
test_notes_survive_reload (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) saved = NULL;
  g_autofree char *shown = NULL;

  show (fixture, fixture->person);
  prepare (fixture);
  meeting = next_meeting (fixture);

  type_notes (fixture, "Shared Notes", "Budget approved.");
  type_point (fixture, "Conference talk");
  shown = dup_notes (fixture, "Shared Notes");
  g_assert_cmpstr (shown, ==, "Budget approved.");
  pathways_test_settle ();
  pathways_test_settle ();
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpstr (saved->shared_notes, ==, "Budget approved.");
  g_clear_pointer (&saved, pathways_meeting_free);

  type_notes (fixture, "Private Notes", "Wants to lead the next project.");
  pathways_person_meetings_reload (fixture->tab);
  pathways_test_settle ();
  pathways_test_settle ();
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpstr (saved->private_notes, ==, "Wants to lead the next project.");
}

static void
test_mood (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) saved = NULL;
  g_autofree char *active = NULL;

  show (fixture, fixture->person);
  prepare (fixture);
  meeting = next_meeting (fixture);
  active = dup_active_moods (fixture);
  g_assert_cmpstr (active, ==, "");

  gtk_toggle_button_set_active (mood_button (fixture, 4), TRUE);
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpint (saved->mood, ==, 4);
  g_clear_pointer (&saved, pathways_meeting_free);
  g_free (active);
  active = dup_active_moods (fixture);
  g_assert_cmpstr (active, ==, "4");

  /* The same again clears it. */
  gtk_toggle_button_set_active (mood_button (fixture, 4), FALSE);
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpint (saved->mood, ==, 0);
  g_clear_pointer (&saved, pathways_meeting_free);
  g_free (active);
  active = dup_active_moods (fixture);
  g_assert_cmpstr (active, ==, "");

  /* One at a time. */
  gtk_toggle_button_set_active (mood_button (fixture, 2), TRUE);
  pathways_test_settle ();
  gtk_toggle_button_set_active (mood_button (fixture, 5), TRUE);
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpint (saved->mood, ==, 5);
  g_clear_pointer (&saved, pathways_meeting_free);
  g_free (active);
  active = dup_active_moods (fixture);
  g_assert_cmpstr (active, ==, "5");

  /* Read again, it stays. */
  pathways_person_meetings_reload (fixture->tab);
  pathways_test_settle ();
  g_free (active);
  active = dup_active_moods (fixture);
  g_assert_cmpstr (active, ==, "5");
}

static void
test_held_and_reopened (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) saved = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *title = NULL;
  g_autofree char *held_status = NULL;
  g_autofree char *planned_status = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  AdwActionRow *row = NULL;
  GtkWidget *back;

  hold_earlier_meeting (fixture, 7);
  show (fixture, fixture->person);
  prepare (fixture);
  meeting = next_meeting (fixture);
  title = pathways_format_scheduled (meeting->scheduled_at);
  gtk_check_button_set_active (check_labelled (fixture, "Discussed: " CARRIED_POINT), TRUE);
  pathways_test_settle ();

  g_assert_true (gtk_widget_activate_action (shown_meeting (fixture), "meeting.held", NULL));
  pathways_test_settle ();
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpint (saved->status, ==, PATHWAYS_MEETING_HELD);
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "Marked as held. What wasn’t discussed carries over "
                                            "to the next one."));

  /* The form to prepare the next one is back, and this one is in the history. */
  g_assert_false (shows_a_meeting (fixture));
  g_assert_true (gtk_widget_get_mapped (prepare_button (fixture)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (date_row (fixture))));
  history = history_rows (fixture);
  g_assert_cmpuint (history->len, ==, 2);
  for (guint i = 0; i < history->len; i++)
    {
      AdwActionRow *candidate = g_ptr_array_index (history, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (candidate)), title) == 0)
        row = candidate;
    }
  g_assert_true (row == g_ptr_array_index (history, 0));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "points discussed"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "1 of 9"));

  /* Opened, it shows as held, with the way back. */
  pathways_test_collect (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  pathways_test_click (g_ptr_array_index (buttons, 0));
  g_assert_true (shows_a_meeting (fixture));
  g_assert_true (meeting_says (fixture, title));
  held_status = g_strdup_printf ("1-on-1 · Held · 1 of %u points discussed", saved->n_points);
  g_assert_true (meeting_says (fixture, held_status));
  g_assert_true (pathways_test_shows_label (fixture->window, "All 1-on-1s"));
  g_assert_false (gtk_widget_get_mapped (prepare_button (fixture)));
  g_assert_false (gtk_widget_get_mapped (pathways_test_get_button (fixture->window,
                                                                   "Mark as Held")));

  /* Reopened, it is planned again; back on the list, it is the next one. */
  g_assert_true (gtk_widget_activate_action (shown_meeting (fixture), "meeting.reopen", NULL));
  pathways_test_settle ();
  g_clear_pointer (&saved, pathways_meeting_free);
  saved = stored_meeting (fixture, meeting->id);
  g_assert_cmpint (saved->status, ==, PATHWAYS_MEETING_PLANNED);
  planned_status = g_strdup_printf ("1-on-1 · Planned · 1 of %u points discussed",
                                    saved->n_points);
  g_assert_true (meeting_says (fixture, planned_status));

  back = pathways_test_get_button (fixture->window, "All 1-on-1s");
  pathways_test_click (back);
  g_assert_false (gtk_widget_get_mapped (back));
  g_assert_true (meeting_says (fixture, title));
  g_assert_true (meeting_says (fixture, planned_status));
  g_assert_false (gtk_widget_get_mapped (prepare_button (fixture)));
  g_ptr_array_unref (history);
  history = history_rows (fixture);
  g_assert_cmpuint (history->len, ==, 1);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *shared = NULL;
  g_autofree char *with_private = NULL;
  GtkWidget *view;

  hold_earlier_meeting (fixture, 7);
  show (fixture, fixture->person);
  prepare (fixture);
  view = shown_meeting (fixture);
  type_notes (fixture, "Shared Notes", "Agreed to pair on the migration.");
  type_notes (fixture, "Private Notes", "Possible flight risk.");

  g_assert_true (gtk_widget_activate_action (view, "meeting.copy", NULL));
  pathways_test_settle ();
  shared = pathways_test_dup_clipboard (view);
  g_assert_true (g_str_has_prefix (shared, "# 1-on-1 with Amara Okafor\n"));
  g_assert_nonnull (strstr (shared, CARRIED_POINT));
  g_assert_nonnull (strstr (shared, OPEN_ACTION));
  g_assert_nonnull (strstr (shared, "Agreed to pair on the migration."));
  g_assert_null (strstr (shared, "Possible flight risk."));
  g_assert_true (pathways_test_shows_label (fixture->window,
                                            "Agenda copied, without private notes"));

  g_assert_true (gtk_widget_activate_action (view, "meeting.copy-private", NULL));
  pathways_test_settle ();
  with_private = pathways_test_dup_clipboard (view);
  g_assert_nonnull (strstr (with_private, "Agreed to pair on the migration."));
  g_assert_nonnull (strstr (with_private, "Possible flight risk."));
}

static void
test_waiting_points (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) points = NULL;
  AdwActionRow *noted = NULL;
  GtkWidget *view;

  g_assert_cmpint (pathways_store_add_talking_point (fixture->store, fixture->person, 0,
                                                     "Ask about the reorg", PATHWAYS_OWNER_ME,
                                                     &error), >, 0);
  g_assert_no_error (error);
  show (fixture, fixture->person);

  pathways_test_collect (GTK_WIDGET (group (fixture->window, "Next 1-on-1")), ADW_TYPE_ACTION_ROW,
                         rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_action_row_get_subtitle (row), "Noted for the next 1-on-1") == 0)
        {
          g_assert_null (noted);
          noted = row;
        }
    }
  g_assert_nonnull (noted);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (noted)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (noted)), ==,
                   "Ask about the reorg");

  pathways_test_click (prepare_button (fixture));
  view = shown_meeting (fixture);
  points = agenda_rows (view, "Talking Points");
  g_assert_nonnull (row_titled (points, "Ask about the reorg"));
  g_assert_false (pathways_test_shows_label (fixture->window, "Noted for the next 1-on-1"));
  waiting = stored_points (fixture, 0);
  g_assert_cmpuint (waiting->len, ==, 0);
}

static void
test_mood_chart (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (fixture->tab);
  g_autofree char *first = pathways_test_dup_day (-14);
  g_autofree char *second = pathways_test_dup_day (-7);
  g_autofree char *third = pathways_test_dup_day (0);

  show (fixture, fixture->person);
  g_assert_false (group_shown (list, "Mood Over Time"));

  /* One meeting with a mood is no trend yet… */
  gtk_editable_set_text (GTK_EDITABLE (date_row (fixture)), first);
  prepare (fixture);
  gtk_toggle_button_set_active (mood_button (fixture, 2), TRUE);
  gtk_widget_activate_action (shown_meeting (fixture), "meeting.held", NULL);
  pathways_test_settle ();
  g_assert_false (group_shown (list, "Mood Over Time"));

  /* …nor with one held without a mood… */
  gtk_editable_set_text (GTK_EDITABLE (date_row (fixture)), second);
  prepare (fixture);
  gtk_widget_activate_action (shown_meeting (fixture), "meeting.held", NULL);
  pathways_test_settle ();
  g_assert_false (group_shown (list, "Mood Over Time"));

  /* …but two are. */
  gtk_editable_set_text (GTK_EDITABLE (date_row (fixture)), third);
  prepare (fixture);
  gtk_toggle_button_set_active (mood_button (fixture, 4), TRUE);
  gtk_widget_activate_action (shown_meeting (fixture), "meeting.held", NULL);
  pathways_test_settle ();
  g_assert_true (group_shown (list, "Mood Over Time"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group (list, "Mood Over Time"))));
}

/* Years of weekly 1-on-1s are listed twenty at a time; "More" brings the rest, and the
 * focus goes to the first of those it added. */
static void
test_history_batches (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *newest_day = pathways_test_dup_day (-7);
  g_autofree char *oldest_day = pathways_test_dup_day (-7 * 25);
  g_autofree char *newest = pathways_format_scheduled (newest_day);
  g_autofree char *oldest = pathways_format_scheduled (oldest_day);
  GtkWidget *more;

  for (int week = 1; week <= 25; week++)
    hold_earlier_meeting (fixture, 7 * week);
  show (fixture, fixture->person);

  rows = history_rows (fixture);
  /* Twenty meetings and the "More" row after them. */
  g_assert_cmpuint (rows->len, ==, 21);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, newest);
  more = g_ptr_array_index (rows, 20);
  g_assert_cmpstr (row_title (more), ==, "More");
  g_assert_null (row_titled (rows, oldest));

  g_signal_emit_by_name (more, "activated");
  pathways_test_settle ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 25);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 24)), ==, oldest);
  g_assert_null (row_titled (rows, "More"));
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (rows, 20)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/person-meetings/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("prepare", test_prepare);
  ADD ("tick", test_tick);
  ADD ("reorder", test_reorder);
  ADD ("notes", test_notes);
  ADD ("notes-survive-reload", test_notes_survive_reload);
  ADD ("mood", test_mood);
  ADD ("held-and-reopened", test_held_and_reopened);
  ADD ("copy", test_copy);
  ADD ("waiting-points", test_waiting_points);
  ADD ("mood-chart", test_mood_chart);
  ADD ("history-batches", test_history_batches);
#undef ADD

  return g_test_run ();
}
