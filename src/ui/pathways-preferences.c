/* pathways-preferences.c: the preferences window. Review cycles are edited straight in the
 * store, the store's refusals (overlapping days, a cycle that still has reviews) told as
 * it words them; everything else is a GSettings key, bound or saved as it is changed.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-preferences"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-preferences.h"

/* The template is saved this long after the last keystroke. */
#define TEMPLATE_SAVE_DELAY_MS 500

struct _PathwaysPreferences
{
  AdwPreferencesWindow  parent_instance;

  PathwaysStore        *store;
  GSettings            *settings;
  PathwaysCycle        *deleted;          /* the cycle deleted last, for Undo */
  char                 *builtin_template;
  guint                 template_source;  /* a template save waiting for typing to pause */
  gboolean              loading_template;

  GtkListBox           *cycles_list;
  AdwActionRow         *this_year_row;
  GtkSpinButton        *year_spin;
  GtkSpinButton        *per_year_spin;
  AdwActionRow         *split_row;
  GtkWidget            *split_button;
  GtkTextView          *template_view;
  GtkSpinButton        *sustained_spin;
  GtkSpinButton        *checkin_spin;
  GtkSwitch            *ladder_switch;
};

G_DEFINE_FINAL_TYPE (PathwaysPreferences, pathways_preferences, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CYCLES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- dates and names ---- */

static gboolean
parse_day (const char *iso,
           GDate      *date)
{
  g_date_clear (date, 1);
  if (!pathways_date_is_valid (iso))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5),
                  (GDateYear) atoi (iso));
  return g_date_valid (date);
}

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = pathways_now_local ();

  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static char *
dup_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
dup_formatted (const GDate *date,
               const char  *format)
{
  g_autoptr(GDateTime) moment = g_date_time_new_utc (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  return g_strstrip (g_date_time_format (moment, format));
}

/* "1 Jan – 30 Apr 2026", or "1 Dec 2026 – 31 Mar 2027" across a new year. */
static char *
dup_range_label (const char *starts_on,
                 const char *ends_on)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate start, end;

  if (!parse_day (starts_on, &start) || !parse_day (ends_on, &end))
    return g_strdup_printf ("%s – %s", starts_on, ends_on);

  /* Translators: a day of a review cycle's window, "30 Apr 2026"; see strftime */
  last = dup_formatted (&end, _("%-d %b %Y"));
  if (g_date_get_year (&start) == g_date_get_year (&end))
    /* Translators: the first day of a review cycle's window when the last day, which
     * follows, has the year: "1 Jan"; see strftime */
    first = dup_formatted (&start, _("%-d %b"));
  else
    first = dup_formatted (&start, _("%-d %b %Y"));

  /* Translators: a review cycle's window, its first day and its last: "1 Jan – 30 Apr 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/* The name a cycle of these days is given unless the manager types another: its months,
 * "January–April 2026", when it runs from the first of a month to the end of one; its days
 * otherwise. The handbook's three windows take the names pathways_store_ensure_cycles()
 * gives them. */
static char *
dup_default_name (const GDate *start,
                  const GDate *end)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  GDateYear year = g_date_get_year (start);
  GDateMonth month = g_date_get_month (start);

  if (g_date_get_day (start) != 1 || !g_date_is_last_of_month (end))
    {
      starts_on = dup_iso (start);
      ends_on = dup_iso (end);
      return dup_range_label (starts_on, ends_on);
    }

  if (year == g_date_get_year (end) && g_date_get_month (end) == month + 3
      && (month == G_DATE_JANUARY || month == G_DATE_MAY || month == G_DATE_SEPTEMBER))
    return pathways_cycle_dup_default_name (year, (month - 1) / 4);

  first = dup_formatted (start, "%OB");
  last = dup_formatted (end, "%OB");
  if (year != g_date_get_year (end))
    /* Translators: a review cycle's name across a new year, its first month and year and its
     * last month and year: "November 2026–February 2027" */
    return g_strdup_printf (_("%s %u–%s %u"), first, year, last, g_date_get_year (end));
  if (month == g_date_get_month (end))
    /* Translators: a review cycle's name when it is one month long: "June 2026" */
    return g_strdup_printf (_("%s %u"), first, year);

  /* Translators: a review cycle's name, its first month and last month and the year:
   * "January–June 2026" */
  return g_strdup_printf (_("%s–%s %u"), first, last, year);
}

static PathwaysCycle *
cycle_new (const char *name,
           const char *starts_on,
           const char *ends_on)
{
  PathwaysCycle *cycle = g_new0 (PathwaysCycle, 1);

  cycle->name = g_strdup (name);
  cycle->starts_on = g_strdup (starts_on);
  cycle->ends_on = g_strdup (ends_on);
  return cycle;
}

/**
 * pathways_preferences_dup_even_cycles:
 * @year: a year, 1–9999
 * @n_cycles: how many cycles the year is split into; a divisor of twelve (2, 3, 4…)
 *
 * Splits @year into @n_cycles cycles of whole months, each as long as the others, one
 * starting the day after the last ends, named after their months ("January–June 2027").
 *
 * Returns: (transfer full) (element-type PathwaysCycle): the cycles, earliest first, none
 *   stored yet (their ids are 0)
 */
GPtrArray *
pathways_preferences_dup_even_cycles (int   year,
                                      guint n_cycles)
{
  GPtrArray *cycles;
  guint months;

  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (n_cycles >= 1 && n_cycles <= 12 && 12 % n_cycles == 0, NULL);

  months = 12 / n_cycles;
  cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_cycle_free);
  for (guint i = 0; i < n_cycles; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *starts_on = NULL;
      g_autofree char *ends_on = NULL;
      GDate start, end;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, (GDateMonth) (1 + i * months), (GDateYear) year);
      end = start;
      g_date_add_months (&end, months);
      g_date_subtract_days (&end, 1);

      name = dup_default_name (&start, &end);
      starts_on = dup_iso (&start);
      ends_on = dup_iso (&end);
      g_ptr_array_add (cycles, cycle_new (name, starts_on, ends_on));
    }

  return cycles;
}

/* ---- toasts ---- */

static void
add_toast (PathwaysPreferences *self,
           AdwToast            *toast)
{
  g_debug ("%s", adw_toast_get_title (toast));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* A toast's title is markup; what the store or a name says is text. */
static AdwToast *
toast_new (const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  return adw_toast_new (escaped);
}

static void
show_message (PathwaysPreferences *self,
              const char          *message)
{
  add_toast (self, toast_new (message));
}

/* ---- the cycles ---- */

static GtkWidget *
make_cycle_button (const char *icon_name,
                   const char *tooltip,
                   const char *accessible_name,
                   const char *action_name,
                   gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
make_cycle_row (const PathwaysCycle *cycle,
                const char          *today)
{
  g_autofree char *range = dup_range_label (cycle->starts_on, cycle->ends_on);
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (pathways_cycle_contains (cycle, today))
    {
      guint days = pathways_cycle_days_left (cycle, today);

      /* Translators: a review cycle's window, and that it is the one running today */
      subtitle = g_strdup_printf (ngettext ("%s · current, %u day left",
                                            "%s · current, %u days left", days),
                                  range, days);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cycle->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : range);

  /* Translators: the accessible name of a button; %s is a review cycle's name */
  edit_name = g_strdup_printf (_("Edit “%s”"), cycle->name);
  /* Translators: the accessible name of a button; %s is a review cycle's name */
  delete_name = g_strdup_printf (_("Delete “%s”"), cycle->name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_cycle_button ("document-edit-symbolic", _("Edit…"), edit_name,
                                                "prefs.edit-cycle", cycle->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_cycle_button ("user-trash-symbolic", _("Delete"), delete_name,
                                                "prefs.delete-cycle", cycle->id));

  /* The whole row opens the cycle, as its Edit button does. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "prefs.edit-cycle");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", cycle->id);
  return row;
}

static GPtrArray *
list_cycles (PathwaysPreferences *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cycles = pathways_store_list_cycles (self->store, &error);

  if (cycles == NULL)
    {
      show_message (self, error->message);
      cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_cycle_free);
    }
  return cycles;
}

static void
reload_cycles (PathwaysPreferences *self)
{
  g_autoptr(GPtrArray) cycles = list_cycles (self);
  g_autofree char *today = pathways_dup_today ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cycles_list))) != NULL)
    gtk_list_box_remove (self->cycles_list, child);

  for (guint i = 0; i < cycles->len; i++)
    gtk_list_box_append (self->cycles_list, make_cycle_row (g_ptr_array_index (cycles, i),
                                                            today));
}

static void update_this_year (PathwaysPreferences *self);

static void
cycles_changed (PathwaysPreferences *self)
{
  reload_cycles (self);
  update_this_year (self);
  g_signal_emit (self, signals[CYCLES_CHANGED], 0);
}

/* Whether any cycle has a day in @year: a year set up already is not set up again. */
static gboolean
year_has_cycles (PathwaysPreferences *self,
                 int                  year)
{
  g_autoptr(GPtrArray) cycles = list_cycles (self);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);

  for (guint i = 0; i < cycles->len; i++)
    {
      const PathwaysCycle *cycle = g_ptr_array_index (cycles, i);

      if (strcmp (cycle->starts_on, last) <= 0 && strcmp (cycle->ends_on, first) >= 0)
        return TRUE;
    }
  return FALSE;
}

/* The Year row starts at the first year from this one that has no cycles yet. */
static void
suggest_year (PathwaysPreferences *self)
{
  g_autoptr(GDateTime) now = pathways_now_local ();
  int year = g_date_time_get_year (now);

  while (year < 9999 && year_has_cycles (self, year))
    year++;
  gtk_spin_button_set_value (self->year_spin, year);
}

/* This year's button is for a year without cycles. */
static void
update_this_year (PathwaysPreferences *self)
{
  g_autoptr(GDateTime) now = pathways_now_local ();
  int year = g_date_time_get_year (now);
  gboolean has_cycles = year_has_cycles (self, year);
  g_autofree char *subtitle = NULL;

  if (has_cycles)
    /* Translators: %d is this year */
    subtitle = g_strdup_printf (_("%d has its cycles"), year);
  else
    subtitle = g_strdup (_("The handbook’s cadence: three cycles of four months"));
  adw_action_row_set_subtitle (self->this_year_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-this-year", !has_cycles);
}

static void
show_year_has_cycles (PathwaysPreferences *self,
                      int                  year)
{
  g_autofree char *message =
    /* Translators: %d is a year */
    g_strdup_printf (_("%d has review cycles already, so none were added. Edit or delete "
                       "them to set the year up differently."), year);

  show_message (self, message);
}

static void
show_cycles_added (PathwaysPreferences *self,
                   guint                n_cycles,
                   int                  year)
{
  g_autofree char *message =
    /* Translators: how many review cycles were added, and the year they split */
    g_strdup_printf (ngettext ("Added %u cycle for %d", "Added %u cycles for %d", n_cycles),
                     n_cycles, year);

  show_message (self, message);
}

/* ---- the cycle dialog ---- */

typedef struct
{
  gint64       id;          /* 0 for a cycle to add */
  GtkEditable *name;
  GtkEditable *starts_on;
  GtkEditable *ends_on;
  char        *auto_name;   /* the name the dates suggest, while the name is that one */
} CycleDialog;

static void
cycle_dialog_free (gpointer data)
{
  CycleDialog *dialog = data;

  g_free (dialog->auto_name);
  g_free (dialog);
}

static void
set_row_error (GtkEditable *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
cycle_dialog_validate (AdwMessageDialog *dialog)
{
  CycleDialog *data = g_object_get_data (G_OBJECT (dialog), "cycle-dialog");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (data->name)));
  g_autofree char *starts_on = g_strstrip (g_strdup (gtk_editable_get_text (data->starts_on)));
  g_autofree char *ends_on = g_strstrip (g_strdup (gtk_editable_get_text (data->ends_on)));
  GDate start, end;
  gboolean start_ok = parse_day (starts_on, &start);
  gboolean end_ok = parse_day (ends_on, &end);
  gboolean order_ok = !start_ok || !end_ok || g_date_compare (&start, &end) <= 0;

  /* A name the dates gave follows the dates; one typed in stays. */
  if (start_ok && end_ok && order_ok && data->auto_name != NULL
      && g_str_equal (gtk_editable_get_text (data->name), data->auto_name))
    {
      g_autofree char *suggested = dup_default_name (&start, &end);

      if (!g_str_equal (suggested, data->auto_name))
        {
          g_free (data->auto_name);
          data->auto_name = g_strdup (suggested);
          gtk_editable_set_text (data->name, suggested);
          return;  /* validated again by the name's "changed" */
        }
    }

  set_row_error (data->starts_on, !start_ok);
  set_row_error (data->ends_on, !end_ok || !order_ok);
  adw_message_dialog_set_response_enabled (dialog, "accept",
                                           name[0] != '\0' && start_ok && end_ok && order_ok);
}

static void show_cycle_dialog (PathwaysPreferences *self,
                               const PathwaysCycle *cycle,
                               const char          *problem);

static void
cycle_dialog_response (AdwMessageDialog    *dialog,
                       const char          *response,
                       PathwaysPreferences *self)
{
  CycleDialog *data = g_object_get_data (G_OBJECT (dialog), "cycle-dialog");
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "accept"))
    return;

  cycle = cycle_new (gtk_editable_get_text (data->name), NULL, NULL);
  cycle->id = data->id;
  cycle->starts_on = g_strstrip (g_strdup (gtk_editable_get_text (data->starts_on)));
  cycle->ends_on = g_strstrip (g_strdup (gtk_editable_get_text (data->ends_on)));
  if (cycle->id == 0)
    ok = pathways_store_add_cycle (self->store, cycle->name, cycle->starts_on, cycle->ends_on,
                                   &error) != 0;
  else
    ok = pathways_store_save_cycle (self->store, cycle, &error);

  if (!ok)
    {
      /* The dialog closes with its response: ask again, with what was typed and why it
       * could not be kept. */
      g_debug ("%s", error->message);
      show_cycle_dialog (self, cycle, error->message);
      return;
    }

  cycles_changed (self);
}

/* Asks for a cycle's name and days: @cycle's own, or a new one's when its id is 0. With
 * @problem, the dialog says why what it shows could not be saved. */
static void
show_cycle_dialog (PathwaysPreferences *self,
                   const PathwaysCycle *cycle,
                   const char          *problem)
{
  CycleDialog *data = g_new0 (CycleDialog, 1);
  AdwMessageDialog *dialog;
  GDate start, end;

  dialog = pathways_form_dialog_new (GTK_WIDGET (self),
                                     cycle->id == 0 ? _("Add Review Cycle")
                                                    : _("Edit Review Cycle"),
                                     problem != NULL ? problem
                                                     : _("Its first and last day both belong "
                                                         "to the cycle."),
                                     cycle->id == 0 ? _("_Add") : _("_Save"));
  data->id = cycle->id;
  data->name = pathways_form_dialog_add_entry (dialog, _("Name"), cycle->name);
  data->starts_on = pathways_form_dialog_add_entry (dialog, _("First Day (YYYY-MM-DD)"),
                                                    cycle->starts_on);
  data->ends_on = pathways_form_dialog_add_entry (dialog, _("Last Day (YYYY-MM-DD)"),
                                                  cycle->ends_on);
  if (parse_day (cycle->starts_on, &start) && parse_day (cycle->ends_on, &end))
    {
      g_autofree char *suggested = dup_default_name (&start, &end);

      if (g_strcmp0 (cycle->name, suggested) == 0)
        data->auto_name = g_steal_pointer (&suggested);
    }
  g_object_set_data_full (G_OBJECT (dialog), "cycle-dialog", data, cycle_dialog_free);

  g_signal_connect_swapped (data->name, "changed", G_CALLBACK (cycle_dialog_validate), dialog);
  g_signal_connect_swapped (data->starts_on, "changed", G_CALLBACK (cycle_dialog_validate),
                            dialog);
  g_signal_connect_swapped (data->ends_on, "changed", G_CALLBACK (cycle_dialog_validate),
                            dialog);
  cycle_dialog_validate (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cycle_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (problem != NULL ? data->starts_on : data->name));
}

/* ---- cycle actions ---- */

static void
add_cycle_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);
  g_autoptr(GPtrArray) cycles = list_cycles (self);
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  GDate start, end;

  /* Cycles never overlap, so the one starting last also ends last: the new one follows
   * it. Without any, it starts with this month. */
  if (cycles->len > 0)
    {
      const PathwaysCycle *last = g_ptr_array_index (cycles, cycles->len - 1);

      if (!parse_day (last->ends_on, &start))
        set_today (&start);
      g_date_add_days (&start, 1);
    }
  else
    {
      g_date_clear (&start, 1);
      set_today (&start);
      g_date_set_day (&start, 1);
    }
  end = start;
  g_date_add_months (&end, 4);
  g_date_subtract_days (&end, 1);

  name = dup_default_name (&start, &end);
  starts_on = dup_iso (&start);
  ends_on = dup_iso (&end);
  cycle = cycle_new (name, starts_on, ends_on);
  show_cycle_dialog (self, cycle, NULL);
}

static void
edit_cycle_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;

  cycle = pathways_store_get_cycle (self->store, g_variant_get_int64 (param), &error);
  if (cycle == NULL)
    {
      show_message (self, error->message);
      reload_cycles (self);
      return;
    }
  show_cycle_dialog (self, cycle, NULL);
}

static void
delete_cycle_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  cycle = pathways_store_get_cycle (self->store, g_variant_get_int64 (param), &error);
  if (cycle == NULL || !pathways_store_delete_cycle (self->store, cycle->id, &error))
    {
      show_message (self, error->message);
      reload_cycles (self);
      return;
    }

  /* Translators: %s is a review cycle's name */
  message = g_strdup_printf (_("“%s” deleted"), cycle->name);
  toast = toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "prefs.undo-delete");
  g_clear_pointer (&self->deleted, pathways_cycle_free);
  self->deleted = g_steal_pointer (&cycle);
  add_toast (self, toast);
  cycles_changed (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);
  g_autoptr(PathwaysCycle) cycle = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (cycle == NULL)
    return;

  /* It had no reviews (or it could not have been deleted), so a new cycle of the same
   * name and days is all there was. */
  if (pathways_store_add_cycle (self->store, cycle->name, cycle->starts_on, cycle->ends_on,
                                &error) == 0)
    show_message (self, error->message);
  cycles_changed (self);
}

static void
add_this_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);
  g_autoptr(GDateTime) now = pathways_now_local ();
  g_autoptr(GError) error = NULL;
  int year = g_date_time_get_year (now);

  if (year_has_cycles (self, year))
    {
      show_year_has_cycles (self, year);
      return;
    }

  if (!pathways_store_ensure_cycles (self->store, year, &error))
    show_message (self, error->message);
  else
    {
      show_cycles_added (self, 3, year);
      suggest_year (self);
    }
  cycles_changed (self);
}

static void
add_year_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint n_cycles = (guint) gtk_spin_button_get_value_as_int (self->per_year_spin);
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (year_has_cycles (self, year))
    {
      show_year_has_cycles (self, year);
      return;
    }

  cycles = pathways_preferences_dup_even_cycles (year, n_cycles);
  for (guint i = 0; i < cycles->len && error == NULL; i++)
    {
      const PathwaysCycle *cycle = g_ptr_array_index (cycles, i);
      gint64 id = pathways_store_add_cycle (self->store, cycle->name, cycle->starts_on,
                                            cycle->ends_on, &error);

      if (id != 0)
        g_array_append_val (added, id);
    }

  if (error != NULL)
    {
      /* All of the year or none of it: half a year of cycles is harder to notice. */
      for (guint i = 0; i < added->len; i++)
        pathways_store_delete_cycle (self->store, g_array_index (added, gint64, i), NULL);
      show_message (self, error->message);
    }
  else
    {
      show_cycles_added (self, cycles->len, year);
      suggest_year (self);
    }
  cycles_changed (self);
}

/* The row above the Add Cycles button says which cycles it adds. */
static void
update_split_row (PathwaysPreferences *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint n_cycles = (guint) gtk_spin_button_get_value_as_int (self->per_year_spin);
  g_autoptr(GPtrArray) cycles = pathways_preferences_dup_even_cycles (year, n_cycles);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < cycles->len; i++)
    {
      const PathwaysCycle *cycle = g_ptr_array_index (cycles, i);

      if (i > 0)
        /* Translators: what separates the names of a year's cycles in a list of them */
        g_string_append (names, _(", "));
      g_string_append (names, cycle->name);
    }

  /* Translators: how many review cycles a year is split into, and the year */
  title = g_strdup_printf (ngettext ("%u Cycle in %d", "%u Cycles in %d", n_cycles), n_cycles,
                           year);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->split_row), title);
  adw_action_row_set_subtitle (self->split_row, names->str);
  /* Translators: the accessible name of the button that adds a year's cycles */
  accessible = g_strdup_printf (ngettext ("Add %u Cycle for %d", "Add %u Cycles for %d",
                                          n_cycles),
                                n_cycles, year);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->split_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ---- the template ---- */

static char *
dup_template_text (PathwaysPreferences *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->template_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_reset_enabled (PathwaysPreferences *self)
{
  g_autofree char *text = dup_template_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset-template",
                                 !g_str_equal (text, self->builtin_template));
}

static void
load_template (PathwaysPreferences *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, "review-template");

  self->loading_template = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->template_view),
                            stored[0] != '\0' ? stored : self->builtin_template, -1);
  self->loading_template = FALSE;
  update_reset_enabled (self);
}

static void
save_template (PathwaysPreferences *self)
{
  g_autofree char *text = dup_template_text (self);

  g_clear_handle_id (&self->template_source, g_source_remove);
  /* The built-in text is kept as '' so that it follows the app's updates and language. */
  g_settings_set_string (self->settings, "review-template",
                         g_str_equal (text, self->builtin_template) ? "" : text);
}

static gboolean
save_template_cb (gpointer user_data)
{
  PathwaysPreferences *self = user_data;

  self->template_source = 0;
  save_template (self);
  return G_SOURCE_REMOVE;
}

static void
on_template_changed (PathwaysPreferences *self)
{
  if (self->loading_template)
    return;

  g_clear_handle_id (&self->template_source, g_source_remove);
  self->template_source = g_timeout_add (TEMPLATE_SAVE_DELAY_MS, save_template_cb, self);
  update_reset_enabled (self);
}

static void
on_template_setting_changed (PathwaysPreferences *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;

  /* Typing not yet saved wins over a change from elsewhere. */
  if (self->template_source != 0)
    return;

  stored = g_settings_get_string (self->settings, "review-template");
  text = dup_template_text (self);
  if (!g_str_equal (text, stored[0] != '\0' ? stored : self->builtin_template))
    load_template (self);
}

static void
reset_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (widget);

  g_clear_handle_id (&self->template_source, g_source_remove);
  g_settings_reset (self->settings, "review-template");
  load_template (self);
}

/* ---- the window ---- */

static void
pathways_preferences_constructed (GObject *object)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (object);

  G_OBJECT_CLASS (pathways_preferences_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_STORE (self->store));
  g_return_if_fail (G_IS_SETTINGS (self->settings));

  g_settings_bind (self->settings, "sustained-weeks",
                   gtk_spin_button_get_adjustment (self->sustained_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "checkin-topics",
                   gtk_spin_button_get_adjustment (self->checkin_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "agenda-ladder-prompt", self->ladder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  load_template (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->template_view), "changed",
                           G_CALLBACK (on_template_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::review-template",
                           G_CALLBACK (on_template_setting_changed), self, G_CONNECT_SWAPPED);

  suggest_year (self);
  update_split_row (self);
  reload_cycles (self);
  update_this_year (self);
}

static void
pathways_preferences_dispose (GObject *object)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (object);

  /* Closing the window right after typing still keeps what was typed. */
  if (self->template_source != 0)
    save_template (self);

  G_OBJECT_CLASS (pathways_preferences_parent_class)->dispose (object);
}

static void
pathways_preferences_finalize (GObject *object)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deleted, pathways_cycle_free);
  g_free (self->builtin_template);

  G_OBJECT_CLASS (pathways_preferences_parent_class)->finalize (object);
}

static void
pathways_preferences_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_preferences_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PathwaysPreferences *self = PATHWAYS_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_preferences_class_init (PathwaysPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_preferences_constructed;
  object_class->dispose = pathways_preferences_dispose;
  object_class->finalize = pathways_preferences_finalize;
  object_class->get_property = pathways_preferences_get_property;
  object_class->set_property = pathways_preferences_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PATHWAYS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PathwaysPreferences::cycles-changed:
   *
   * A review cycle was added, changed or deleted: views that show cycles should reload.
   */
  signals[CYCLES_CHANGED] = g_signal_new ("cycles-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "prefs.add-cycle", NULL, add_cycle_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-cycle", "x", edit_cycle_action);
  gtk_widget_class_install_action (widget_class, "prefs.delete-cycle", "x",
                                   delete_cycle_action);
  gtk_widget_class_install_action (widget_class, "prefs.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-this-year", NULL,
                                   add_this_year_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-year", NULL, add_year_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-template", NULL,
                                   reset_template_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, cycles_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, this_year_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, year_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, per_year_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, split_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, split_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, template_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, sustained_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, checkin_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPreferences, ladder_switch);
  gtk_widget_class_bind_template_callback (widget_class, update_split_row);
}

static void
pathways_preferences_init (PathwaysPreferences *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->builtin_template = pathways_review_dup_default_template ();

  placeholder = gtk_label_new (_("No review cycles yet. Add one, or a year’s cycles."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->cycles_list, placeholder);
}

/**
 * pathways_preferences_new:
 * @parent: (nullable): the window the preferences are opened from
 * @store: the open store, whose review cycles are edited
 * @settings: the app's settings
 *
 * Returns: (transfer none): the preferences window, modal to @parent; it is destroyed
 *   when closed
 */
GtkWindow *
pathways_preferences_new (GtkWindow     *parent,
                          PathwaysStore *store,
                          GSettings     *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PATHWAYS_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       NULL);
}
