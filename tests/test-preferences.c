/* test-preferences.c: the preferences window under a real display — review cycles listed,
 * added, edited and deleted through their dialogs and buttons, with the store's refusals
 * told; a year split into cycles; the review template saved as it is typed; settings bound.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pathways-preferences.h"
#include "pathways-review.h"
#include "pathways-test-ui.h"

typedef struct
{
  char          *dir;
  PathwaysDb    *db;
  PathwaysStore *store;
  GSettings     *settings;
  GtkWindow     *window;
} Fixture;

static const char * const keys[] = {
  "review-template", "sustained-weeks", "checkin-topics", "agenda-ladder-prompt",
};

static gint64
add_cycle (Fixture    *fixture,
           const char *name,
           const char *starts_on,
           const char *ends_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pathways_store_add_cycle (fixture->store, name, starts_on, ends_on, &error);

  g_assert_no_error (error);
  return id;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref (pathways_preferences_new (NULL, fixture->store,
                                                            fixture->settings));
  gtk_window_present (fixture->window);
  pathways_test_settle_for (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture->dir = pathways_test_make_temp_dir ("preferences");
  db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->store = pathways_test_open_store (db_path, &fixture->db);
  fixture->settings = g_settings_new (APPLICATION_ID);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      g_assert_finalize_object (fixture->window);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

/* ---- finding things on screen ---- */

/* The rows listing the cycles, in order. */
static GPtrArray *
dup_cycle_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *cycle_rows = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), "prefs.edit-cycle") == 0)
      g_ptr_array_add (cycle_rows, rows->pdata[i]);
  return cycle_rows;
}

static GtkWidget *
find_cycle_row (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GPtrArray) rows = dup_cycle_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), name))
      return rows->pdata[i];
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  pathways_test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      return buttons->pdata[i];
  g_assert_not_reached ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pathways_test_settle_for (50);
}

static GtkEditable *
find_entry (AdwMessageDialog *dialog,
            const char       *title)
{
  return pathways_test_get_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title);
}

/* Clicks the dialog's button for @response, as a person would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  pathways_test_collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      {
        click (buttons->pdata[i]);
        return;
      }
  g_assert_not_reached ();
}

static GPtrArray *
list_cycles (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cycles = pathways_store_list_cycles (fixture->store, &error);

  g_assert_no_error (error);
  return cycles;
}

static void
assert_cycle (const PathwaysCycle *cycle,
              const char          *name,
              const char          *starts_on,
              const char          *ends_on)
{
  g_assert_cmpstr (cycle->name, ==, name);
  g_assert_cmpstr (cycle->starts_on, ==, starts_on);
  g_assert_cmpstr (cycle->ends_on, ==, ends_on);
}

static GtkSpinButton *find_spin (Fixture *fixture,
                                  double   upper);

/* ---- cycles ---- */

static void
test_cycles_listed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* Today is fixed, so which cycle is current never depends on the wall clock. */
  g_setenv ("PATHWAYS_DEBUG_NOW", "2026-10-15T12:00:00", TRUE);
  add_cycle (fixture, "Spring & Summer", "2026-05-01", "2026-08-31");
  add_cycle (fixture, "January–April 2026", "2026-01-01", "2026-04-30");
  add_cycle (fixture, "Winter", "2026-12-01", "2027-03-31");
  open_window (fixture);
  g_unsetenv ("PATHWAYS_DEBUG_NOW");

  rows = dup_cycle_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "January–April 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "1 Jan – 30 Apr 2026");
  /* Names are text, not markup. */
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==, "Spring & Summer");
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->window), "Spring & Summer"));
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[2]), ==,
                   "1 Dec 2026 – 31 Mar 2027");
}

/* The cycle running today says so, with its days left counted to its last day, across
 * the new year. */
static void
test_cycles_current (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_setenv ("PATHWAYS_DEBUG_NOW", "2026-12-31T23:30:00", TRUE);
  add_cycle (fixture, "September–December 2026", "2026-09-01", "2026-11-30");
  add_cycle (fixture, "Winter", "2026-12-01", "2027-03-31");
  open_window (fixture);
  g_unsetenv ("PATHWAYS_DEBUG_NOW");

  rows = dup_cycle_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "1 Sep – 30 Nov 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[1]), ==,
                   "1 Dec 2026 – 31 Mar 2027 · current, 91 days left");
}

static void
test_cycles_add (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) cycles = NULL;
  AdwMessageDialog *dialog;

  add_cycle (fixture, "January–April 2026", "2026-01-01", "2026-04-30");
  open_window (fixture);

  click (find_button (GTK_WIDGET (fixture->window), "prefs.add-cycle"));
  dialog = pathways_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  /* The day after the last cycle, four months, named after them. */
  g_assert_cmpstr (gtk_editable_get_text (find_entry (dialog, "Name")), ==, "May–August 2026");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (dialog, "First Day (YYYY-MM-DD)")), ==,
                   "2026-05-01");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (dialog, "Last Day (YYYY-MM-DD)")), ==,
                   "2026-08-31");
  respond (dialog, "accept");

  g_assert_null (pathways_test_find_message_dialog ());
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 2);
  assert_cycle (cycles->pdata[1], "May–August 2026", "2026-05-01", "2026-08-31");
  g_assert_nonnull (find_cycle_row (fixture, "May–August 2026"));
}

static void
test_cycles_validate (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkEditable *name, *start, *end;

  open_window (fixture);
  click (find_button (GTK_WIDGET (fixture->window), "prefs.add-cycle"));
  dialog = pathways_test_find_message_dialog ();
  name = find_entry (dialog, "Name");
  start = find_entry (dialog, "First Day (YYYY-MM-DD)");
  end = find_entry (dialog, "Last Day (YYYY-MM-DD)");

  /* A name the dates gave follows them... */
  gtk_editable_set_text (start, "2027-01-01");
  gtk_editable_set_text (end, "2027-06-30");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "January–June 2027");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));

  /* ...dates that are no dates, or the wrong way round, can't be saved... */
  gtk_editable_set_text (end, "2027-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (end), "error"));
  gtk_editable_set_text (end, "2026-12-31");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (end, "2027-06-30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (end), "error"));

  /* ...nor a cycle without a name; and a name typed in stays. */
  gtk_editable_set_text (name, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (name, "H1 2027");
  gtk_editable_set_text (end, "2027-03-31");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "H1 2027");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
}

static void
test_cycles_edit_overlap (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) expected = NULL;
  PathwaysCycle overlapping = { 0 };
  AdwMessageDialog *dialog;
  AdwMessageDialog *again;
  gint64 id;

  add_cycle (fixture, "January–April 2026", "2026-01-01", "2026-04-30");
  id = add_cycle (fixture, "May–August 2026", "2026-05-01", "2026-08-31");
  open_window (fixture);

  click (find_button (find_cycle_row (fixture, "May–August 2026"), "prefs.edit-cycle"));
  dialog = pathways_test_find_message_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (find_entry (dialog, "First Day (YYYY-MM-DD)")), ==,
                   "2026-05-01");
  gtk_editable_set_text (find_entry (dialog, "Name"), "Late spring");
  gtk_editable_set_text (find_entry (dialog, "First Day (YYYY-MM-DD)"), "2026-04-15");
  respond (dialog, "accept");

  /* The store's own words, in a dialog that still holds what was typed. */
  overlapping.id = id;
  overlapping.name = (char *) "Late spring";
  overlapping.starts_on = (char *) "2026-04-15";
  overlapping.ends_on = (char *) "2026-08-31";
  g_assert_false (pathways_store_save_cycle (fixture->store, &overlapping, &expected));
  again = pathways_test_find_message_dialog ();
  g_assert_nonnull (again);
  g_assert_true (again != dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (again), ==, expected->message);
  g_assert_cmpstr (gtk_editable_get_text (find_entry (again, "Name")), ==, "Late spring");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (again, "First Day (YYYY-MM-DD)")), ==,
                   "2026-04-15");

  cycles = list_cycles (fixture);
  assert_cycle (cycles->pdata[1], "May–August 2026", "2026-05-01", "2026-08-31");

  /* Fixed, it saves. */
  gtk_editable_set_text (find_entry (again, "First Day (YYYY-MM-DD)"), "2026-05-15");
  respond (again, "accept");
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  assert_cycle (cycles->pdata[1], "Late spring", "2026-05-15", "2026-08-31");
  g_assert_nonnull (find_cycle_row (fixture, "Late spring"));
  g_assert_null (find_cycle_row (fixture, "May–August 2026"));
}

static void
test_cycles_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) cycles = NULL;

  add_cycle (fixture, "January–April 2026", "2026-01-01", "2026-04-30");
  add_cycle (fixture, "May–August 2026", "2026-05-01", "2026-08-31");
  open_window (fixture);

  click (find_button (find_cycle_row (fixture, "January–April 2026"), "prefs.delete-cycle"));
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 1);
  assert_cycle (cycles->pdata[0], "May–August 2026", "2026-05-01", "2026-08-31");
  g_assert_null (find_cycle_row (fixture, "January–April 2026"));
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->window),
                                            "“January–April 2026” deleted"));

  /* Undo puts it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "prefs.undo-delete", NULL));
  pathways_test_settle_for (50);
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 2);
  assert_cycle (cycles->pdata[0], "January–April 2026", "2026-01-01", "2026-04-30");
  g_assert_nonnull (find_cycle_row (fixture, "January–April 2026"));
}

static void
test_cycles_delete_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = g_object_new (PATHWAYS_TYPE_PERSON, "name", "Amara Okafor",
                                                   NULL);
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysPerson *added;
  gint64 id;

  id = add_cycle (fixture, "January–April 2026", "2026-01-01", "2026-04-30");
  added = pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  review = pathways_store_start_review (fixture->store, added, id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  open_window (fixture);

  click (find_button (find_cycle_row (fixture, "January–April 2026"), "prefs.delete-cycle"));
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 1);
  g_assert_nonnull (find_cycle_row (fixture, "January–April 2026"));
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->window),
                                            "“January–April 2026” has 1 review in it, which would "
                                            "be deleted with the cycle. Change the cycle’s name or "
                                            "dates instead."));
}

/* Each cycle starts the day after the one before ends, the first on 1 January and the last
 * ends on 31 December: the year is covered, no day twice. */
static void
assert_covers_year (GPtrArray *cycles,
                    int        year,
                    guint      n_cycles)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  guint days = 0;

  g_assert_cmpuint (cycles->len, ==, n_cycles);
  g_assert_cmpstr (((PathwaysCycle *) cycles->pdata[0])->starts_on, ==, first);
  g_assert_cmpstr (((PathwaysCycle *) cycles->pdata[n_cycles - 1])->ends_on, ==, last);
  for (guint i = 0; i < cycles->len; i++)
    {
      const PathwaysCycle *cycle = cycles->pdata[i];
      GDate start, end;

      g_assert_true (pathways_date_is_valid (cycle->starts_on));
      g_assert_true (pathways_date_is_valid (cycle->ends_on));
      g_assert_cmpint (cycle->id, ==, 0);
      g_date_set_parse (&start, cycle->starts_on);
      g_date_set_parse (&end, cycle->ends_on);
      g_assert_cmpint (g_date_compare (&start, &end), <, 0);
      days += (guint) g_date_days_between (&start, &end) + 1;
      if (i > 0)
        {
          const PathwaysCycle *previous = cycles->pdata[i - 1];
          GDate after;

          g_date_set_parse (&after, previous->ends_on);
          g_date_add_days (&after, 1);
          g_assert_cmpint (g_date_compare (&after, &start), ==, 0);
        }
    }
  g_assert_cmpuint (days, ==, g_date_is_leap_year ((GDateYear) year) ? 366 : 365);
}

static void
test_even_split (void)
{
  static const int years[] = { 2026, 2027, 2028, 2100 };

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (guint n = 2; n <= 4; n++)
      {
        g_autoptr(GPtrArray) cycles = pathways_preferences_dup_even_cycles (years[y], n);

        assert_covers_year (cycles, years[y], n);
      }

  {
    g_autoptr(GPtrArray) halves = pathways_preferences_dup_even_cycles (2028, 2);
    g_autoptr(GPtrArray) thirds = pathways_preferences_dup_even_cycles (2028, 3);
    g_autoptr(GPtrArray) quarters = pathways_preferences_dup_even_cycles (2028, 4);

    assert_cycle (halves->pdata[0], "January–June 2028", "2028-01-01", "2028-06-30");
    assert_cycle (halves->pdata[1], "July–December 2028", "2028-07-01", "2028-12-31");
    /* Three a year are the handbook's, named as the store names them. */
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *name = pathways_cycle_dup_default_name (2028, i);

        g_assert_cmpstr (((PathwaysCycle *) thirds->pdata[i])->name, ==, name);
      }
    assert_cycle (thirds->pdata[1], "May–August 2028", "2028-05-01", "2028-08-31");
    assert_cycle (quarters->pdata[0], "January–March 2028", "2028-01-01", "2028-03-31");
    assert_cycle (quarters->pdata[3], "October–December 2028", "2028-10-01", "2028-12-31");
  }
}

static void
test_add_year (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *first_name = pathways_cycle_dup_default_name (year, 0);
  g_autofree char *next_first = g_strdup_printf ("%04d-01-01", year + 1);
  g_autofree char *next_last = g_strdup_printf ("%04d-12-31", year + 1);
  g_autofree char *next_half = g_strdup_printf ("%04d-06-30", year + 1);
  g_autoptr(GPtrArray) halves = pathways_preferences_dup_even_cycles (year + 1, 2);
  GtkSpinButton *year_spin = NULL;

  open_window (fixture);

  /* This year, the handbook's way. */
  click (find_button (GTK_WIDGET (fixture->window), "prefs.add-this-year"));
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 3);
  g_assert_cmpstr (((PathwaysCycle *) cycles->pdata[0])->name, ==, first_name);
  g_assert_nonnull (find_cycle_row (fixture, first_name));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->window),
                                                        "prefs.add-this-year")));

  /* The next year without cycles is offered: split it in halves. */
  pathways_test_collect (GTK_WIDGET (fixture->window), GTK_TYPE_SPIN_BUTTON, spins);
  for (guint i = 0; i < spins->len; i++)
    {
      GtkSpinButton *spin = spins->pdata[i];
      double upper = gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spin));

      if (upper == 9999)
        {
          g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, year + 1);
          year_spin = spin;
        }
      else if (upper == 4)
        {
          g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 3);
          gtk_spin_button_set_value (spin, 2);
        }
    }
  g_assert_nonnull (year_spin);
  click (find_button (GTK_WIDGET (fixture->window), "prefs.add-year"));
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 5);
  assert_cycle (cycles->pdata[3], ((PathwaysCycle *) halves->pdata[0])->name, next_first,
                next_half);
  g_assert_cmpstr (((PathwaysCycle *) cycles->pdata[4])->ends_on, ==, next_last);
  g_assert_nonnull (find_cycle_row (fixture, ((PathwaysCycle *) halves->pdata[1])->name));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year_spin), ==, year + 2);

  /* A year set up already is left as it is. */
  gtk_spin_button_set_value (year_spin, year + 1);
  click (find_button (GTK_WIDGET (fixture->window), "prefs.add-year"));
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 5);
}

static void
test_add_year_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *starts_on = g_strdup_printf ("%04d-03-01", year);
  g_autofree char *ends_on = g_strdup_printf ("%04d-03-31", year);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) cycles = NULL;

  add_cycle (fixture, "March", starts_on, ends_on);
  open_window (fixture);

  /* This year has a cycle: its button is off, and asking for the year anyway is refused. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->window),
                                                        "prefs.add-this-year")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin (fixture, 9999)), ==, year + 1);
  gtk_spin_button_set_value (find_spin (fixture, 9999), year);
  click (find_button (GTK_WIDGET (fixture->window), "prefs.add-year"));
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 1);
  message = g_strdup_printf ("%d has review cycles already, so none were added. Edit or delete "
                             "them to set the year up differently.", year);
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->window), message));
}

/* ---- the template ---- */

static char *
dup_view_text (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  pathways_test_collect (GTK_WIDGET (fixture->window), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  buffer = gtk_text_view_get_buffer (views->pdata[0]);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (Fixture    *fixture,
               const char *text)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->window), GTK_TYPE_TEXT_VIEW, views);
  g_assert_true (gtk_text_view_get_monospace (views->pdata[0]));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), text, -1);
}

static char *
dup_template_setting (Fixture *fixture)
{
  return g_settings_get_string (fixture->settings, "review-template");
}

static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *builtin = pathways_review_dup_default_template ();
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *reset;

  open_window (fixture);
  reset = find_button (GTK_WIDGET (fixture->window), "prefs.reset-template");

  /* The built-in template, shown when nothing is stored. */
  text = dup_view_text (fixture);
  g_assert_cmpstr (text, ==, builtin);
  g_assert_false (gtk_widget_is_sensitive (reset));

  /* Typing is saved once it pauses. */
  set_view_text (fixture, "## How {first_name} did in {cycle}\n");
  stored = dup_template_setting (fixture);
  g_assert_cmpstr (stored, ==, "");
  pathways_test_settle_for (700);
  g_free (stored);
  stored = dup_template_setting (fixture);
  g_assert_cmpstr (stored, ==, "## How {first_name} did in {cycle}\n");
  g_assert_true (gtk_widget_is_sensitive (reset));

  /* Reset goes back to the built-in, stored as ''. */
  click (reset);
  g_free (stored);
  stored = dup_template_setting (fixture);
  g_assert_cmpstr (stored, ==, "");
  g_free (text);
  text = dup_view_text (fixture);
  g_assert_cmpstr (text, ==, builtin);
  g_assert_false (gtk_widget_is_sensitive (reset));

  /* Typing the built-in text itself stores ''. */
  set_view_text (fixture, "Mine");
  pathways_test_settle_for (700);
  set_view_text (fixture, builtin);
  pathways_test_settle_for (700);
  g_free (stored);
  stored = dup_template_setting (fixture);
  g_assert_cmpstr (stored, ==, "");

  /* A change from elsewhere shows. */
  g_settings_set_string (fixture->settings, "review-template", "Elsewhere");
  g_free (text);
  text = dup_view_text (fixture);
  g_assert_cmpstr (text, ==, "Elsewhere");
}

static void
test_template_saved_on_close (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *stored = NULL;

  open_window (fixture);
  set_view_text (fixture, "Closed at once");
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;

  stored = dup_template_setting (fixture);
  g_assert_cmpstr (stored, ==, "Closed at once");
}

/* ---- settings ---- */

static GtkSpinButton *
find_spin (Fixture *fixture,
           double   upper)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->window), GTK_TYPE_SPIN_BUTTON, spins);
  for (guint i = 0; i < spins->len; i++)
    if (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spins->pdata[i])) == upper)
      return spins->pdata[i];
  g_assert_not_reached ();
}

static void
test_settings_bound (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  GtkSpinButton *sustained, *checkin;
  GtkSwitch *ladder;

  g_settings_set_uint (fixture->settings, "checkin-topics", 5);
  open_window (fixture);
  sustained = find_spin (fixture, 104);
  checkin = find_spin (fixture, 8);
  pathways_test_collect (GTK_WIDGET (fixture->window), GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 1);
  ladder = switches->pdata[0];

  /* From the settings... */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (sustained), ==, 17);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (checkin), ==, 5);
  g_assert_true (gtk_switch_get_active (ladder));
  g_settings_set_uint (fixture->settings, "sustained-weeks", 26);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (sustained), ==, 26);

  /* ...and to them. */
  gtk_spin_button_set_value (sustained, 52);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sustained-weeks"), ==, 52);
  gtk_spin_button_set_value (checkin, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "checkin-topics"), ==, 0);
  gtk_switch_set_active (ladder, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "agenda-ladder-prompt"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/preferences/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("cycles/listed", test_cycles_listed);
  ADD ("cycles/current", test_cycles_current);
  ADD ("cycles/add", test_cycles_add);
  ADD ("cycles/validate", test_cycles_validate);
  ADD ("cycles/edit-overlap", test_cycles_edit_overlap);
  ADD ("cycles/delete", test_cycles_delete);
  ADD ("cycles/delete-refused", test_cycles_delete_refused);
  ADD ("cycles/add-year", test_add_year);
  ADD ("cycles/add-year-refused", test_add_year_refused);
  ADD ("template/saved", test_template);
  ADD ("template/saved-on-close", test_template_saved_on_close);
  ADD ("settings-bound", test_settings_bound);
#undef ADD
  g_test_add_func ("/pathways/preferences/cycles/even-split", test_even_split);

  return g_test_run ();
}
