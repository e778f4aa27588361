/* test-person-notes.c: a person's Notes tab under a real display — a note added in one line
 * with its kind and today's date, the log filtered by kind and grouped by month, a note
 * edited (kind, text, date, expectation) and deleted with an Undo, the empty state, the
 * quick-add dialog, and a half-typed note kept when the tab moves to someone else.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pathways-person-notes.h"
#include "pathways-test-ui.h"

typedef struct
{
  char                *dir;
  PathwaysDb          *db;
  PathwaysStore       *store;
  PathwaysLadder      *ladder;
  PathwaysPerson      *person;
  GtkWidget           *window;
  PathwaysPersonNotes *tab;
} Fixture;

static PathwaysPerson *
add_person (Fixture    *fixture,
            const char *name)
{
  g_autoptr(PathwaysPerson) person = g_object_new (PATHWAYS_TYPE_PERSON, "name", name,
                                                   "ladder-path", "Software Engineer",
                                                   "level", "Engineer II (IC 3)", NULL);
  g_autoptr(GError) error = NULL;
  PathwaysPerson *added = pathways_store_add_person (fixture->store, person, &error);

  g_assert_no_error (error);
  return added;  /* the store keeps it alive */
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *handbook_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook",
                                                         NULL);
  g_autoptr(GFile) root = g_file_new_for_path (handbook_dir);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_assert_true (pathways_handbook_load (handbook, NULL, &error));
  fixture->ladder = pathways_ladder_load (handbook, NULL, &error);
  g_assert_no_error (error);

  fixture->dir = pathways_test_make_temp_dir ("person-notes");
  db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->store = pathways_test_open_store (db_path, &fixture->db);
  fixture->person = g_object_ref (add_person (fixture, "Mateo Fernández"));

  fixture->tab = g_object_ref (g_object_new (PATHWAYS_TYPE_PERSON_NOTES, NULL));
  fixture->window = pathways_test_window_new (GTK_WIDGET (fixture->tab), 900, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->tab);
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->ladder, pathways_ladder_free);
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

static void
show (Fixture *fixture)
{
  pathways_person_notes_set_context (fixture->tab, fixture->store, fixture->person,
                                     fixture->ladder);
  pathways_test_settle ();
}

/* ---- the store ---- */

static gint64
store_note (Fixture          *fixture,
            PathwaysNoteKind  kind,
            const char       *body,
            const char       *date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pathways_store_add_note (fixture->store, fixture->person, kind, body, date, NULL,
                                       &error);

  g_assert_no_error (error);
  return id;
}

static GPtrArray *
stored_notes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *notes = pathways_store_list_notes (fixture->store, fixture->person, NULL, NULL,
                                                &error);

  g_assert_no_error (error);
  return notes;
}

/* The key of the first expectation of the person's target level, the first one offered. */
static const char *
first_target_key (Fixture *fixture)
{
  const PathwaysLevel *current = NULL;
  const PathwaysLevel *target =
    pathways_ladder_find_target (fixture->ladder, "Software Engineer", "Engineer II (IC 3)", NULL,
                                 NULL, &current);
  const PathwaysCompetency *competency;

  g_assert_nonnull (target);
  competency = g_ptr_array_index (target->competencies, 0);
  return competency->key;
}

/* ---- the widgets ---- */

/* The mapped labels below @root, their texts one a line: what a person reads there. */
static char *
dup_visible_text (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  pathways_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (label)))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (label));
    }
  return g_string_free (text, FALSE);
}

static AdwEntryRow *
add_row (Fixture *fixture)
{
  return pathways_test_get_row (GTK_WIDGET (fixture->tab), ADW_TYPE_ENTRY_ROW, "Add a Note");
}

static void
choose_kind (Fixture    *fixture,
             const char *kind)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *dropdown;
  GListModel *model;

  pathways_test_collect (GTK_WIDGET (add_row (fixture)), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  dropdown = g_ptr_array_index (dropdowns, 0);
  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), kind) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

/* Types @text in the quick-add row and presses Enter. */
static void
quick_add (Fixture    *fixture,
           const char *kind,
           const char *text)
{
  AdwEntryRow *row = add_row (fixture);

  choose_kind (fixture, kind);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  pathways_test_settle ();
}

/* The month groups of the log on screen, in order. */
static GPtrArray *
month_groups (Fixture *fixture)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GPtrArray *months = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->tab), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);

      if (adw_preferences_group_get_title (group) != NULL
          && adw_preferences_group_get_title (group)[0] != '\0'
          && gtk_widget_get_mapped (GTK_WIDGET (group)))
        g_ptr_array_add (months, group);
    }
  return months;
}

static char *
dup_headings (Fixture *fixture)
{
  g_autoptr(GPtrArray) months = month_groups (fixture);
  GString *headings = g_string_new (NULL);

  for (guint i = 0; i < months->len; i++)
    g_string_append_printf (headings, "%s%s", i > 0 ? "|" : "",
                            adw_preferences_group_get_title (g_ptr_array_index (months, i)));
  return g_string_free (headings, FALSE);
}

/* The notes' rows on screen, newest first. */
static GPtrArray *
note_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) months = month_groups (fixture);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < months->len; i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new ();

      pathways_test_collect (g_ptr_array_index (months, i), ADW_TYPE_PREFERENCES_ROW, found);
      for (guint j = 0; j < found->len; j++)
        if (gtk_widget_get_mapped (g_ptr_array_index (found, j)))
          g_ptr_array_add (rows, g_ptr_array_index (found, j));
    }
  return rows;
}

static guint
n_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = note_rows (fixture);

  return rows->len;
}

static GtkWidget *
note_row (Fixture *fixture,
          guint    index)
{
  g_autoptr(GPtrArray) rows = note_rows (fixture);

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static GtkWidget *
row_menu_button (GtkWidget *row)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();

  pathways_test_collect (row, GTK_TYPE_MENU_BUTTON, menus);
  g_assert_cmpuint (menus->len, ==, 1);
  return g_ptr_array_index (menus, 0);
}

/* Chooses @action ("edit", "delete") in the menu of the note with @id, on screen. */
static void
use_row_menu (Fixture    *fixture,
              gint64      id,
              const char *action)
{
  g_autoptr(GPtrArray) rows = note_rows (fixture);
  g_autofree char *name = g_strconcat ("notes.", action, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const gint64 *row_id = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)),
                                                "note-id");

      if (*row_id != id)
        continue;
      g_assert_true (gtk_widget_activate_action (row_menu_button (g_ptr_array_index (rows, i)),
                                                 name, "x", id));
      pathways_test_settle ();
      return;
    }
  g_assert_not_reached ();
}

/* The filter button of @label: a toggle showing that label and a count. */
static GtkToggleButton *
filter_button (Fixture    *fixture,
               const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->tab), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      pathways_test_collect (g_ptr_array_index (buttons, i), GTK_TYPE_LABEL, labels);
      if (labels->len == 2
          && g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, 0)), label) == 0)
        return g_ptr_array_index (buttons, i);
    }
  g_assert_not_reached ();
}

/* The count a filter button shows. */
static char *
dup_filter_count (Fixture    *fixture,
                  const char *label)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (filter_button (fixture, label)), GTK_TYPE_LABEL, labels);
  return g_strdup (gtk_label_get_text (g_ptr_array_index (labels, 1)));
}

/* ---- the dialog ---- */

static GtkTextBuffer *
dialog_body (AdwMessageDialog *dialog)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  return gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
}

static void
press_dialog_button (AdwMessageDialog *dialog,
                     const char       *label)
{
  GtkWidget *button = pathways_test_get_button (GTK_WIDGET (dialog), label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pathways_test_settle ();
  g_assert_null (pathways_test_find_message_dialog ());
}

/* ---- tests ---- */

static void
test_quick_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *today = pathways_test_dup_day (0);
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  const PathwaysNote *note;

  show (fixture);
  quick_add (fixture, "Win", "Led the incident review for the payments outage");

  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->kind, ==, PATHWAYS_NOTE_WIN);
  g_assert_cmpstr (note->body, ==, "Led the incident review for the payments outage");
  g_assert_cmpstr (note->occurred_on, ==, today);
  g_assert_null (note->expectation_key);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row (fixture))), ==, "");

  /* On screen: its kind, its text, and when. */
  text = dup_visible_text (note_row (fixture, 0));
  g_assert_cmpstr (text, ==, "Win\nToday\nLed the incident review for the payments outage\n");

  /* A second one lands on top. */
  quick_add (fixture, "Feedback", "Asked for more context in code reviews");
  g_clear_pointer (&text, g_free);
  text = dup_visible_text (note_row (fixture, 0));
  g_assert_cmpstr (text, ==, "Feedback\nToday\nAsked for more context in code reviews\n");
  g_assert_cmpuint (n_rows (fixture), ==, 2);

  /* Nothing typed, nothing added. */
  quick_add (fixture, "Note", "   ");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 2);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *day = pathways_test_dup_day (-3);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *count = NULL;

  store_note (fixture, PATHWAYS_NOTE_WIN, "Shipped search", day);
  store_note (fixture, PATHWAYS_NOTE_WIN, "Mentored the intern", day);
  store_note (fixture, PATHWAYS_NOTE_GROWTH, "Estimate larger projects", day);
  store_note (fixture, PATHWAYS_NOTE_FEEDBACK, "Peers value the design docs", day);
  show (fixture);

  g_assert_cmpuint (n_rows (fixture), ==, 4);
  count = dup_filter_count (fixture, "All");
  g_assert_cmpstr (count, ==, "4");
  g_clear_pointer (&count, g_free);
  count = dup_filter_count (fixture, "Wins");
  g_assert_cmpstr (count, ==, "2");
  g_clear_pointer (&count, g_free);
  count = dup_filter_count (fixture, "Growth");
  g_assert_cmpstr (count, ==, "1");
  g_clear_pointer (&count, g_free);
  count = dup_filter_count (fixture, "Notes");
  g_assert_cmpstr (count, ==, "0");

  gtk_toggle_button_set_active (filter_button (fixture, "Wins"), TRUE);
  pathways_test_settle ();
  rows = note_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (pathways_test_shows_label (g_ptr_array_index (rows, i), "Win"));
  g_assert_false (pathways_test_shows_label (GTK_WIDGET (fixture->tab),
                                             "Estimate larger projects"));

  gtk_toggle_button_set_active (filter_button (fixture, "Growth"), TRUE);
  pathways_test_settle ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = note_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (pathways_test_shows_label (g_ptr_array_index (rows, 0),
                                            "Estimate larger projects"));
  g_assert_false (gtk_toggle_button_get_active (filter_button (fixture, "Wins")));

  /* A kind with nothing noted says so. */
  gtk_toggle_button_set_active (filter_button (fixture, "Notes"), TRUE);
  pathways_test_settle ();
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab), "No plain notes yet"));

  /* A note of another kind, added while filtering, is not hidden from whoever added it. */
  quick_add (fixture, "Feedback", "Clear updates in the team channel");
  g_assert_true (gtk_toggle_button_get_active (filter_button (fixture, "All")));
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  g_assert_true (pathways_test_shows_label (note_row (fixture, 0),
                                            "Clear updates in the team channel"));
  g_assert_false (pathways_test_shows_label (GTK_WIDGET (fixture->tab), "No plain notes yet"));
  g_clear_pointer (&count, g_free);
  count = dup_filter_count (fixture, "Feedback");
  g_assert_cmpstr (count, ==, "2");
  g_clear_pointer (&count, g_free);
  count = dup_filter_count (fixture, "All");
  g_assert_cmpstr (count, ==, "5");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *day = pathways_test_dup_day (-2);
  g_autoptr(PathwaysNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  AdwComboRow *expectation;
  GtkStringList *choices;
  gint64 id;

  id = store_note (fixture, PATHWAYS_NOTE_PLAIN, "Ran the retro", day);
  show (fixture);

  use_row_menu (fixture, id, "edit");
  dialog = pathways_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit Note");
  body = pathways_test_dup_buffer_text (dialog_body (dialog));
  g_assert_cmpstr (body, ==, "Ran the retro");
  g_assert_cmpstr (gtk_editable_get_text (pathways_test_get_row (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW,
                                                                 "Date (YYYY-MM-DD)")), ==, day);

  /* A date that isn't one can't be saved. */
  gtk_editable_set_text (pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                "Date (YYYY-MM-DD)"),
                         "2026-02-30");
  g_assert_false (gtk_widget_is_sensitive (pathways_test_get_button (GTK_WIDGET (dialog), "Save")));

  gtk_text_buffer_set_text (dialog_body (dialog), "Ran the retro and turned it into a plan",
                            -1);
  adw_combo_row_set_selected (pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                     "Kind"), 1);  /* Growth */
  gtk_editable_set_text (pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                "Date (YYYY-MM-DD)"),
                         "2025-03-14");
  expectation = pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                       "Ladder Expectation");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (expectation)));
  choices = GTK_STRING_LIST (adw_combo_row_get_model (expectation));
  g_assert_cmpstr (gtk_string_list_get_string (choices, 0), ==, "None");
  g_assert_cmpuint (adw_combo_row_get_selected (expectation), ==, 0);
  adw_combo_row_set_selected (expectation, 1);
  press_dialog_button (dialog, "Save");

  note = pathways_store_get_note (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note->kind, ==, PATHWAYS_NOTE_GROWTH);
  g_assert_cmpstr (note->body, ==, "Ran the retro and turned it into a plan");
  g_assert_cmpstr (note->occurred_on, ==, "2025-03-14");
  g_assert_cmpstr (note->expectation_key, ==, first_target_key (fixture));

  /* On screen: the new kind, text and month, and the expectation it speaks to. */
  g_clear_pointer (&body, g_free);
  body = dup_visible_text (note_row (fixture, 0));
  g_assert_cmpstr (body, ==, "Growth\nFriday 14 March\nRan the retro and turned it into a plan\n"
                             "Senior Engineer (IC 4): Impact\n");
  g_clear_pointer (&body, g_free);
  body = dup_headings (fixture);
  g_assert_cmpstr (body, ==, "March 2025");

  /* Opened again, the dialog starts from what was saved; "None" unlinks it. */
  use_row_menu (fixture, id, "edit");
  dialog = pathways_test_find_message_dialog ();
  expectation = pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                       "Ladder Expectation");
  g_assert_cmpuint (adw_combo_row_get_selected (expectation), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (pathways_test_get_row (GTK_WIDGET (dialog),
                                                                       ADW_TYPE_COMBO_ROW, "Kind")),
                    ==, 1);
  adw_combo_row_set_selected (expectation, 0);
  press_dialog_button (dialog, "Save");
  g_clear_pointer (&note, pathways_note_free);
  note = pathways_store_get_note (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (note->expectation_key);
  g_assert_false (pathways_test_shows_label (note_row (fixture, 0),
                                             "Senior Engineer (IC 4): Impact"));

  /* Cancel changes nothing. */
  use_row_menu (fixture, id, "edit");
  dialog = pathways_test_find_message_dialog ();
  gtk_text_buffer_set_text (dialog_body (dialog), "Something else", -1);
  press_dialog_button (dialog, "Cancel");
  g_clear_pointer (&note, pathways_note_free);
  note = pathways_store_get_note (fixture->store, id, &error);
  g_assert_cmpstr (note->body, ==, "Ran the retro and turned it into a plan");
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  const PathwaysNote *note;
  gint64 id;

  id = pathways_store_add_note (fixture->store, fixture->person, PATHWAYS_NOTE_FEEDBACK,
                                "Great demo at the all-hands", "2025-06-02",
                                first_target_key (fixture), &error);
  g_assert_no_error (error);
  store_note (fixture, PATHWAYS_NOTE_WIN, "Closed the migration", "2025-05-20");
  show (fixture);
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab),
                                            "Great demo at the all-hands"));

  use_row_menu (fixture, id, "delete");
  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_false (pathways_test_shows_label (GTK_WIDGET (fixture->tab),
                                             "Great demo at the all-hands"));
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_true (pathways_test_shows_label (fixture->window, "Note deleted"));

  /* Undo, from the toast: the same note again. */
  g_signal_emit_by_name (pathways_test_get_button (fixture->window, "Undo"), "clicked");
  pathways_test_settle ();
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (note->body, ==, "Great demo at the all-hands");
  g_assert_cmpint (note->kind, ==, PATHWAYS_NOTE_FEEDBACK);
  g_assert_cmpstr (note->occurred_on, ==, "2025-06-02");
  g_assert_cmpstr (note->expectation_key, ==, first_target_key (fixture));
  g_assert_true (pathways_test_shows_label (note_row (fixture, 0), "Great demo at the all-hands"));
  g_assert_true (pathways_test_shows_label (note_row (fixture, 0), "Feedback"));
}

static void
test_months (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *headings = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *first = NULL;

  store_note (fixture, PATHWAYS_NOTE_WIN, "October win", "2024-10-05");
  store_note (fixture, PATHWAYS_NOTE_PLAIN, "Early November", "2024-11-03");
  store_note (fixture, PATHWAYS_NOTE_GROWTH, "Mid November", "2024-11-12");
  show (fixture);

  headings = dup_headings (fixture);
  g_assert_cmpstr (headings, ==, "November 2024|October 2024");

  months = month_groups (fixture);
  pathways_test_collect (g_ptr_array_index (months, 0), ADW_TYPE_PREFERENCES_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  first = dup_visible_text (g_ptr_array_index (rows, 0));
  g_assert_cmpstr (first, ==, "Growth\nTuesday 12 November\nMid November\n");
  g_assert_true (pathways_test_shows_label (g_ptr_array_index (rows, 1), "Early November"));
  g_assert_true (pathways_test_shows_label (g_ptr_array_index (months, 1), "October win"));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  show (fixture);
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab), "No Notes Yet"));
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab),
                                            "Wins, growth and feedback you note here feed the "
                                            "review draft."));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (filter_button (fixture, "All"))));
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  quick_add (fixture, "Note", "First one");
  g_assert_false (pathways_test_shows_label (GTK_WIDGET (fixture->tab), "No Notes Yet"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (filter_button (fixture, "All"))));
}

static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Started it 🎉 ");
  g_autoptr(GPtrArray) notes = NULL;
  const PathwaysNote *note;

  /* Ten thousand characters: emoji, Arabic and Hebrew among Latin. */
  while (g_utf8_strlen (text->str, -1) < 10000)
    g_string_append (text, "تم إطلاق الميزة 👩🏽‍💻 שלום עולם and onwards; ");
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 9999) - text->str);
  g_string_append (text, "!");
  g_assert_cmpint (g_utf8_strlen (text->str, -1), ==, 10000);
  g_assert_true (g_utf8_validate (text->str, -1, NULL));

  show (fixture);
  quick_add (fixture, "Win", text->str);

  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (note->body, ==, text->str);
  g_assert_true (pathways_test_shows_label (note_row (fixture, 0), text->str));
}

static void
test_add_dialog (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *today = pathways_test_dup_day (0);
  g_autoptr(GPtrArray) notes = NULL;
  AdwMessageDialog *dialog;
  const PathwaysNote *note;

  show (fixture);
  pathways_person_notes_show_add_dialog (fixture->tab);
  pathways_test_settle ();
  dialog = pathways_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add a Note");
  g_assert_cmpstr (gtk_editable_get_text (pathways_test_get_row (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW,
                                                                 "Date (YYYY-MM-DD)")), ==, today);
  /* Nothing written yet: nothing to add. */
  g_assert_false (gtk_widget_is_sensitive (pathways_test_get_button (GTK_WIDGET (dialog), "Add")));

  gtk_text_buffer_set_text (dialog_body (dialog), "Unblocked the release\nwith a hotfix", -1);
  adw_combo_row_set_selected (pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                     "Kind"), 0);  /* Win */
  press_dialog_button (dialog, "Add");

  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->kind, ==, PATHWAYS_NOTE_WIN);
  g_assert_cmpstr (note->body, ==, "Unblocked the release\nwith a hotfix");
  g_assert_cmpstr (note->occurred_on, ==, today);
  g_assert_true (pathways_test_shows_label (note_row (fixture, 0),
                                            "Unblocked the release\nwith a hotfix"));
  g_assert_true (pathways_test_shows_label (fixture->window, "Note added"));
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  PathwaysPerson *other = add_person (fixture, "Amara Okafor");
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;

  show (fixture);
  choose_kind (fixture, "Growth");
  gtk_editable_set_text (GTK_EDITABLE (add_row (fixture)), "Half-typed before switching");

  /* Moving to someone else keeps what was typed, with whom it was typed for. */
  pathways_person_notes_set_context (fixture->tab, fixture->store, other, fixture->ladder);
  pathways_test_settle ();
  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((PathwaysNote *) g_ptr_array_index (notes, 0))->body, ==,
                   "Half-typed before switching");
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 0))->kind, ==,
                   PATHWAYS_NOTE_GROWTH);
  others = pathways_store_list_notes (fixture->store, other, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (others->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row (fixture))), ==, "");
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab), "No Notes Yet"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/person-notes/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("quick-add", test_quick_add);
  ADD ("filter", test_filter);
  ADD ("edit", test_edit);
  ADD ("delete-undo", test_delete_undo);
  ADD ("months", test_months);
  ADD ("empty", test_empty);
  ADD ("long-note", test_long_note);
  ADD ("add-dialog", test_add_dialog);
  ADD ("flush", test_flush);
#undef ADD

  return g_test_run ();
}
