/* pathways-person-page.c: one report's details, edited in place and saved as you type.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-meeting-view.h"
#include "pathways-person-ladder.h"
#include "pathways-person-meetings.h"
#include "pathways-person-notes.h"
#include "pathways-person-reviews.h"
#include "pathways-person-page.h"

/* Typing pauses this long before what was typed is written to the database. */
#define AUTOSAVE_DELAY_MS 500

struct _PathwaysPersonPage
{
  GtkWidget       parent_instance;

  PathwaysStore  *store;
  PathwaysPerson *person;
  gulong          person_notify_id;
  guint           save_timeout;
  gboolean        loading;     /* filling the fields from the person: not an edit */
  GtkWidget      *history_rows[16];
  guint           n_history_rows;

  AdwViewStack   *view_stack;
  PathwaysPersonLadder *ladder_view;
  PathwaysPersonMeetings *meetings_view;
  PathwaysPersonReviews *reviews_view;
  PathwaysPersonNotes *notes_log_view;
  /* Not yet read for this person: the tab is filled when it is first shown. */
  gboolean        meetings_stale;
  gboolean        ladder_stale;
  gboolean        reviews_stale;
  gboolean        notes_stale;
  const PathwaysLadder *ladder;  /* borrowed: the window keeps it alive */
  const PathwaysGuide  *guide;   /* borrowed: the window keeps it alive */
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *pronouns_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *start_date_row;
  GtkSpinButton  *cadence_spin;
  AdwComboRow    *weekday_row;
  AdwEntryRow    *time_row;
  GtkSwitch      *skip_level_switch;
  AdwPreferencesGroup *career_group;
  AdwActionRow   *level_row;
  GtkTextView    *notes_view;
};

G_DEFINE_FINAL_TYPE (PathwaysPersonPage, pathways_person_page, GTK_TYPE_WIDGET)

/**
 * pathways_person_page_flush:
 *
 * Writes any edit still waiting for its autosave. Called before the page shows someone
 * else and when the window closes.
 */
void
pathways_person_page_flush (PathwaysPersonPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));

  if (self->meetings_view != NULL)
    pathways_person_meetings_flush (self->meetings_view);
  if (self->reviews_view != NULL)
    pathways_person_reviews_flush (self->reviews_view);
  if (self->notes_log_view != NULL)
    pathways_person_notes_flush (self->notes_log_view);
  if (self->save_timeout == 0)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->store == NULL || self->person == NULL)
    return;
  if (!pathways_store_save_person (self->store, self->person, &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PathwaysPersonPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_timeout = 0;
  if (self->store != NULL && self->person != NULL
      && !pathways_store_save_person (self->store, self->person, &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
  return G_SOURCE_REMOVE;
}

static void
pathways_person_page_schedule_save (PathwaysPersonPage *self)
{
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (AUTOSAVE_DELAY_MS, save_timeout_cb, self);
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_summary (PathwaysPersonPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  const char *level;
  const char *path;

  if (self->person == NULL)
    return;

  if (pathways_person_get_title (self->person) != NULL)
    g_ptr_array_add (parts, (gpointer) pathways_person_get_title (self->person));
  if (pathways_person_get_level (self->person) != NULL)
    g_ptr_array_add (parts, (gpointer) pathways_person_get_level (self->person));
  if (pathways_person_get_pronouns (self->person) != NULL)
    g_ptr_array_add (parts, (gpointer) pathways_person_get_pronouns (self->person));
  if (pathways_person_get_archived (self->person))
    g_ptr_array_add (parts, (gpointer) _("Archived"));
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);

  gtk_label_set_text (self->name_label, pathways_person_get_name (self->person));
  gtk_label_set_text (self->summary_label, summary);
  adw_avatar_set_text (self->avatar, pathways_person_get_name (self->person));

  level = pathways_person_get_level (self->person);
  path = pathways_person_get_ladder_path (self->person);
  if (level != NULL && path != NULL)
    {
      /* Translators: a person's level, then the ladder path it belongs to */
      g_autofree char *text = g_strdup_printf (_("%s, %s"), level, path);
      adw_action_row_set_subtitle (self->level_row, text);
    }
  else
    adw_action_row_set_subtitle (self->level_row,
                                 level != NULL ? level
                                 : path != NULL ? path : _("Not recorded yet"));
}

static void
update_history (PathwaysPersonPage *self)
{
  g_autoptr(GPtrArray) history = NULL;

  for (guint i = 0; i < self->n_history_rows; i++)
    adw_preferences_group_remove (self->career_group, self->history_rows[i]);
  self->n_history_rows = 0;

  if (self->store == NULL || self->person == NULL)
    return;
  history = pathways_store_list_level_history (self->store, self->person, NULL);
  /* The newest entry is the current level, shown above; the rest is how they got there. */
  for (guint i = 1; history != NULL && i < history->len
       && self->n_history_rows < G_N_ELEMENTS (self->history_rows); i++)
    {
      PathwaysLevelChange *change = g_ptr_array_index (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Before: %s"),
                                                change->level != NULL ? change->level : "—");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), change->effective_date);
      adw_preferences_group_add (self->career_group, row);
      self->history_rows[self->n_history_rows++] = row;
    }
}

static void
on_person_notify (PathwaysPersonPage *self,
                  GParamSpec         *pspec,
                  PathwaysPerson     *person)
{
  update_summary (self);
}

/* Only what changed is set: GTK 4.8's accessibility bridge crashes when an empty text is
 * replaced by an empty text (it reports the deletion of nothing). */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  set_row_error (GTK_WIDGET (row), FALSE);
}

/* As for entries: only a text that changed is set. */
static void
set_buffer_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
}

static void
pathways_person_page_load (PathwaysPersonPage *self)
{
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);
  PathwaysPerson *person = self->person;

  self->loading = TRUE;
  set_entry_text (self->name_row, person ? pathways_person_get_name (person) : NULL);
  set_entry_text (self->pronouns_row, person ? pathways_person_get_pronouns (person) : NULL);
  set_entry_text (self->title_row, person ? pathways_person_get_title (person) : NULL);
  set_entry_text (self->start_date_row, person ? pathways_person_get_start_date (person) : NULL);
  set_entry_text (self->time_row, person ? pathways_person_get_meeting_time (person) : NULL);
  gtk_spin_button_set_value (self->cadence_spin,
                             person ? pathways_person_get_cadence_weeks (person) : 1);
  adw_combo_row_set_selected (self->weekday_row,
                              person ? pathways_person_get_meeting_weekday (person) : 0);
  gtk_switch_set_active (self->skip_level_switch,
                         person ? pathways_person_get_skip_level (person) : FALSE);
  set_buffer_text (notes, person ? pathways_person_get_notes (person) : "");
  self->loading = FALSE;

  update_summary (self);
  update_history (self);
}

/* Every edit lands on the person right away (so the sidebar follows as you type) and in
 * the database after a short pause. Fields that don't validate are marked and kept back. */
static void
on_field_changed (PathwaysPersonPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *pronouns = NULL;
  g_autofree char *title = NULL;
  gboolean name_ok, date_ok, time_ok;

  if (self->loading || self->person == NULL)
    return;

  name = dup_stripped (self->name_row);
  date = dup_stripped (self->start_date_row);
  time = dup_stripped (self->time_row);
  pronouns = dup_stripped (self->pronouns_row);
  title = dup_stripped (self->title_row);

  name_ok = *name != '\0';
  date_ok = *date == '\0' || pathways_date_is_valid (date);
  time_ok = *time == '\0' || pathways_time_is_valid (time);
  set_row_error (GTK_WIDGET (self->name_row), !name_ok);
  set_row_error (GTK_WIDGET (self->start_date_row), !date_ok);
  set_row_error (GTK_WIDGET (self->time_row), !time_ok);

  if (name_ok)
    pathways_person_set_name (self->person, name);
  if (date_ok)
    pathways_person_set_start_date (self->person, *date != '\0' ? date : NULL);
  if (time_ok)
    pathways_person_set_meeting_time (self->person, *time != '\0' ? time : NULL);
  pathways_person_set_pronouns (self->person, *pronouns != '\0' ? pronouns : NULL);
  pathways_person_set_title (self->person, *title != '\0' ? title : NULL);
  pathways_person_set_cadence_weeks (self->person,
                                     (guint) gtk_spin_button_get_value_as_int (self->cadence_spin));
  pathways_person_set_meeting_weekday (self->person, adw_combo_row_get_selected (self->weekday_row));
  pathways_person_set_skip_level (self->person, gtk_switch_get_active (self->skip_level_switch));

  pathways_person_page_schedule_save (self);
}

static void
on_notes_changed (PathwaysPersonPage *self,
                  GtkTextBuffer      *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading || self->person == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pathways_person_set_notes (self->person, text);
  pathways_person_page_schedule_save (self);
}

/* ---- level changes ---- */

typedef struct
{
  PathwaysPersonPage *self;
  AdwComboRow        *choice;   /* the ladder's levels, then "Another level"; NULL without one */
  GPtrArray          *levels;   /* const PathwaysLevel*, parallel to the choice's items */
  GPtrArray          *paths;    /* const PathwaysPath*, likewise */
  GtkEditable        *path;
  GtkEditable        *level;
  GtkEditable        *date;
} LevelDialog;

static void
level_dialog_free (gpointer user_data)
{
  LevelDialog *data = user_data;

  g_clear_pointer (&data->levels, g_ptr_array_unref);
  g_clear_pointer (&data->paths, g_ptr_array_unref);
  g_free (data);
}

/* The level picked from the ladder, or NULL when "Another level" is typed in. */
static const PathwaysLevel *
level_dialog_chosen (LevelDialog         *data,
                     const PathwaysPath **path)
{
  guint selected;

  *path = NULL;
  if (data->choice == NULL)
    return NULL;
  selected = adw_combo_row_get_selected (data->choice);
  if (selected >= data->levels->len)
    return NULL;
  *path = g_ptr_array_index (data->paths, selected);
  return g_ptr_array_index (data->levels, selected);
}

static void
level_dialog_validate (GtkEditable *editable,
                       AdwMessageDialog *dialog)
{
  LevelDialog *data = g_object_get_data (G_OBJECT (dialog), "level-dialog");
  const PathwaysPath *chosen_path;
  const PathwaysLevel *chosen = level_dialog_chosen (data, &chosen_path);
  g_autofree char *level = g_strstrip (g_strdup (chosen != NULL ? chosen->title
                                                 : gtk_editable_get_text (data->level)));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));
  gboolean date_ok = pathways_date_is_valid (date);

  set_row_error (GTK_WIDGET (data->date), !date_ok);
  gtk_widget_set_visible (GTK_WIDGET (data->path), chosen == NULL);
  gtk_widget_set_visible (GTK_WIDGET (data->level), chosen == NULL);
  adw_message_dialog_set_response_enabled (dialog, "accept", *level != '\0' && date_ok);
}

static void
on_level_choice_changed (AdwComboRow      *row,
                         GParamSpec       *pspec,
                         AdwMessageDialog *dialog)
{
  level_dialog_validate (NULL, dialog);
}

static void
level_dialog_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  LevelDialog *data = g_object_get_data (G_OBJECT (dialog), "level-dialog");
  PathwaysPersonPage *self = data->self;
  const PathwaysPath *chosen_path;
  const PathwaysLevel *chosen;
  g_autofree char *path = NULL;
  g_autofree char *level = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || self->person == NULL)
    return;

  chosen = level_dialog_chosen (data, &chosen_path);
  if (chosen != NULL)
    {
      path = g_strdup (chosen_path->title);
      level = pathways_level_dup_display_name (chosen);
    }
  else
    {
      path = g_strstrip (g_strdup (gtk_editable_get_text (data->path)));
      level = g_strstrip (g_strdup (gtk_editable_get_text (data->level)));
    }
  date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));
  pathways_person_page_flush (self);
  if (!pathways_store_change_level (self->store, self->person, *path != '\0' ? path : NULL,
                                    level, date, &error))
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  update_summary (self);
  update_history (self);
}

static void
change_level_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  g_autoptr(GDateTime) now = pathways_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  LevelDialog *data;
  AdwMessageDialog *dialog;

  if (self->person == NULL)
    return;

  dialog = pathways_form_dialog_new (widget, _("Record a Level Change"),
                                     _("A promotion or a move to another path is kept as an "
                                       "event in their history, with its date."),
                                     _("_Record"));
  data = g_new0 (LevelDialog, 1);
  data->self = self;
  if (self->ladder != NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      const PathwaysLevel *current = NULL;
      const PathwaysLevel *next = NULL;
      guint selected = 0;

      /* Levels come from the handbook's ladder; one it lacks can still be typed in. */
      if (pathways_person_get_level (self->person) != NULL)
        current = pathways_ladder_find_level (self->ladder,
                                              pathways_person_get_ladder_path (self->person),
                                              pathways_person_get_level (self->person), NULL);
      next = pathways_ladder_next_level (self->ladder, current, NULL);
      data->levels = g_ptr_array_new ();
      data->paths = g_ptr_array_new ();
      for (guint i = 0; i < self->ladder->paths->len; i++)
        {
          const PathwaysPath *p = g_ptr_array_index (self->ladder->paths, i);

          for (guint j = 0; j < p->levels->len; j++)
            {
              const PathwaysLevel *l = g_ptr_array_index (p->levels, j);
              g_autofree char *name = pathways_level_dup_choice_name (p, l);

              if (l == next)
                selected = data->levels->len;
              g_ptr_array_add (data->levels, (gpointer) l);
              g_ptr_array_add (data->paths, (gpointer) p);
              gtk_string_list_append (names, name);
            }
        }
      gtk_string_list_append (names, _("Another level, typed in"));
      data->choice = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->choice), _("New Level"));
      adw_combo_row_set_model (data->choice, G_LIST_MODEL (names));
      adw_combo_row_set_selected (data->choice, selected);
      pathways_form_dialog_add_row (dialog, GTK_WIDGET (data->choice));
    }
  data->path = pathways_form_dialog_add_entry (dialog, _("Ladder Path"),
                                               pathways_person_get_ladder_path (self->person));
  data->level = pathways_form_dialog_add_entry (dialog, self->ladder != NULL
                                                        ? _("Level, as Written")
                                                        : _("New Level"), NULL);
  data->date = pathways_form_dialog_add_entry (dialog, _("Effective Date (YYYY-MM-DD)"), today);
  g_object_set_data_full (G_OBJECT (dialog), "level-dialog", data, level_dialog_free);

  g_signal_connect (data->level, "changed", G_CALLBACK (level_dialog_validate), dialog);
  g_signal_connect (data->date, "changed", G_CALLBACK (level_dialog_validate), dialog);
  if (data->choice != NULL)
    g_signal_connect (data->choice, "notify::selected", G_CALLBACK (on_level_choice_changed),
                      dialog);
  level_dialog_validate (NULL, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (level_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->choice != NULL ? GTK_WIDGET (data->choice)
                                              : GTK_WIDGET (data->level));
}

/* ---- the tabs read when first shown ---- */

/* A person's tabs are read when shown, not with the person: with years of records they
 * are hundreds of rows, most of them in tabs never looked at before the next person is
 * opened. Until then they hold nobody, so no other person's records linger there. */
static void
load_meetings (PathwaysPersonPage *self)
{
  if (!self->meetings_stale)
    return;
  self->meetings_stale = FALSE;
  pathways_person_meetings_set_context (self->meetings_view, self->store, self->person,
                                        self->guide, self->ladder);
}

static void
load_ladder (PathwaysPersonPage *self)
{
  if (!self->ladder_stale)
    return;
  self->ladder_stale = FALSE;
  pathways_person_ladder_set_person (self->ladder_view, self->person);
}

static void
load_reviews (PathwaysPersonPage *self)
{
  if (!self->reviews_stale)
    return;
  self->reviews_stale = FALSE;
  pathways_person_reviews_set_context (self->reviews_view, self->store, self->person,
                                       self->ladder);
}

static void
load_notes (PathwaysPersonPage *self)
{
  if (!self->notes_stale)
    return;
  self->notes_stale = FALSE;
  pathways_person_notes_set_context (self->notes_log_view, self->store, self->person,
                                     self->ladder);
}

static void
sync_tabs (PathwaysPersonPage *self)
{
  const char *visible = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (visible, "meetings") == 0)
    load_meetings (self);
  if (g_strcmp0 (visible, "ladder") == 0)
    load_ladder (self);
  if (g_strcmp0 (visible, "reviews") == 0)
    load_reviews (self);
  if (g_strcmp0 (visible, "notes") == 0)
    load_notes (self);
}

/* After the person, the store or the ladder changed. */
static void
reload_tabs (PathwaysPersonPage *self)
{
  if (!self->reviews_stale)
    pathways_person_reviews_set_context (self->reviews_view, self->store, NULL, self->ladder);
  if (!self->notes_stale)
    pathways_person_notes_set_context (self->notes_log_view, self->store, NULL, self->ladder);
  self->reviews_stale = TRUE;
  self->notes_stale = TRUE;
  sync_tabs (self);
}

/* ---- a talking point for the next 1-on-1, from anywhere on the page ---- */

static void
point_dialog_validate (GtkEditable      *editable,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "accept", text[0] != '\0');
}

static void
point_dialog_response (AdwMessageDialog   *dialog,
                       const char         *response,
                       PathwaysPersonPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  AdwComboRow *owner = g_object_get_data (G_OBJECT (dialog), "owner");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || self->person == NULL || self->store == NULL)
    return;

  pathways_person_meetings_flush (self->meetings_view);
  if (pathways_store_add_talking_point (self->store, self->person, 0,
                                        gtk_editable_get_text (entry),
                                        adw_combo_row_get_selected (owner) == 1
                                        ? PATHWAYS_OWNER_THEM : PATHWAYS_OWNER_ME,
                                        &error) == 0)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  pathways_person_meetings_reload (self->meetings_view);
  pathways_show_toast (GTK_WIDGET (self), _("Added to the next 1-on-1"));
}

static void
add_talking_point_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  g_autoptr(PathwaysMeeting) next = NULL;
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  AdwComboRow *owner;

  if (self->person == NULL || self->store == NULL)
    return;

  next = pathways_store_get_next_meeting (self->store, self->person, NULL);
  if (next != NULL)
    {
      g_autofree char *when = pathways_format_scheduled (next->scheduled_at);

      /* Translators: %s is the date of the next meeting */
      body = g_strdup_printf (_("For the 1-on-1 on %s."), when);
    }
  else
    body = g_strdup (_("It will be on the agenda when you prepare the next 1-on-1."));

  dialog = pathways_form_dialog_new (widget, _("Add to the Next 1-on-1"), body, _("_Add"));
  entry = pathways_form_dialog_add_entry (dialog, _("Talking Point"), NULL);
  gtk_string_list_append (owners, _("Me"));
  gtk_string_list_append (owners, pathways_person_get_name (self->person));
  owner = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner), _("Raised By"));
  adw_combo_row_set_model (owner, G_LIST_MODEL (owners));
  pathways_form_dialog_add_row (dialog, GTK_WIDGET (owner));
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "owner", owner);
  g_signal_connect (entry, "changed", G_CALLBACK (point_dialog_validate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (point_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* A note toward the review, from anywhere on the page. */
static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  if (self->person != NULL && self->store != NULL)
    {
      load_notes (self);
      pathways_person_notes_show_add_dialog (self->notes_log_view);
    }
}

/* ---- object ---- */

static void
pathways_person_page_dispose (GObject *object)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (object);
  GtkWidget *child;

  pathways_person_page_flush (self);
  g_clear_signal_handler (&self->person_notify_id, self->person);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PERSON_PAGE);
  /* The scrolled window at the top of the template has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pathways_person_page_parent_class)->dispose (object);
}

static void
pathways_person_page_class_init (PathwaysPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_person_page_dispose;

  g_type_ensure (PATHWAYS_TYPE_PERSON_LADDER);
  g_type_ensure (PATHWAYS_TYPE_PERSON_MEETINGS);
  g_type_ensure (PATHWAYS_TYPE_PERSON_REVIEWS);
  g_type_ensure (PATHWAYS_TYPE_PERSON_NOTES);
  g_type_ensure (PATHWAYS_TYPE_PERSON_REVIEWS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-person-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, ladder_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, meetings_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, reviews_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, notes_log_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, skip_level_switch);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, career_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "person.change-level", NULL,
                                   change_level_action);
  gtk_widget_class_install_action (widget_class, "person.add-talking-point", NULL,
                                   add_talking_point_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "person.add-talking-point", NULL);
  gtk_widget_class_install_action (widget_class, "person.add-note", NULL, add_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "person.add-note", NULL);
}

static void
pathways_person_page_init (PathwaysPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (sync_tabs), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}

void
pathways_person_page_set_store (PathwaysPersonPage *self,
                                PathwaysStore      *store)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));

  pathways_person_page_flush (self);
  g_set_object (&self->store, store);
  pathways_person_ladder_set_store (self->ladder_view, store);
  if (!self->meetings_stale)
    pathways_person_meetings_set_context (self->meetings_view, self->store, self->person,
                                          self->guide, self->ladder);
  reload_tabs (self);
}

/**
 * pathways_person_page_set_person:
 * @person: (nullable): who to show
 *
 * Shows @person, first saving any edit still pending for the one shown before.
 */
void
pathways_person_page_set_person (PathwaysPersonPage *self,
                                 PathwaysPerson     *person)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));

  if (self->person == person)
    return;

  pathways_person_page_flush (self);
  g_clear_signal_handler (&self->person_notify_id, self->person);
  g_set_object (&self->person, person);
  if (person != NULL)
    self->person_notify_id = g_signal_connect_swapped (person, "notify",
                                                       G_CALLBACK (on_person_notify), self);
  pathways_person_page_load (self);
  /* The tabs let go of the one shown before; the visible one reads the new person. */
  if (!self->ladder_stale)
    pathways_person_ladder_set_person (self->ladder_view, NULL);
  if (!self->meetings_stale)
    pathways_person_meetings_set_context (self->meetings_view, self->store, NULL, self->guide,
                                          self->ladder);
  self->ladder_stale = TRUE;
  self->meetings_stale = TRUE;
  reload_tabs (self);
}

/**
 * pathways_person_page_show_search_result:
 * @self: a #PathwaysPersonPage showing the result's person
 * @result: a search result about one of their records
 *
 * Opens the tab where the record lives, at the record: a meeting's notes or talking point
 * in that meeting, a review in its cycle, a note in the log, evidence in the ladder.
 */
void
pathways_person_page_show_search_result (PathwaysPersonPage         *self,
                                         const PathwaysSearchResult *result)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));
  g_return_if_fail (result != NULL);

  switch (result->kind)
    {
    case PATHWAYS_SEARCH_MEETING:
    case PATHWAYS_SEARCH_TALKING_POINT:
    case PATHWAYS_SEARCH_ACTION_ITEM:
      adw_view_stack_set_visible_child_name (self->view_stack, "meetings");
      load_meetings (self);
      pathways_person_meetings_show_meeting (self->meetings_view, result->meeting_id);
      break;
    case PATHWAYS_SEARCH_REVIEW:
      adw_view_stack_set_visible_child_name (self->view_stack, "reviews");
      load_reviews (self);
      pathways_person_reviews_show_cycle (self->reviews_view, result->cycle_id);
      break;
    case PATHWAYS_SEARCH_NOTE:
      adw_view_stack_set_visible_child_name (self->view_stack, "notes");
      load_notes (self);
      pathways_person_notes_show_note (self->notes_log_view, result->record_id);
      break;
    case PATHWAYS_SEARCH_EVIDENCE:
      adw_view_stack_set_visible_child_name (self->view_stack, "ladder");
      load_ladder (self);
      break;
    case PATHWAYS_SEARCH_PERSON:
      adw_view_stack_set_visible_child_name (self->view_stack, "details");
      break;
    case PATHWAYS_SEARCH_HANDBOOK:
    default:
      break;
    }
}

PathwaysPerson *
pathways_person_page_get_person (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);
  return self->person;
}

/**
 * pathways_person_page_set_ladder:
 * @ladder: (nullable): the open handbook's ladder; borrowed until the next call
 */
void
pathways_person_page_set_ladder (PathwaysPersonPage   *self,
                                 const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));
  self->ladder = ladder;
  pathways_person_ladder_set_ladder (self->ladder_view, ladder);
  if (!self->meetings_stale)
    pathways_person_meetings_set_context (self->meetings_view, self->store, self->person,
                                          self->guide, ladder);
  reload_tabs (self);
}

/**
 * pathways_person_page_set_guide:
 * @guide: (nullable): the open handbook's 1-on-1 guide; borrowed until the next call
 */
void
pathways_person_page_set_guide (PathwaysPersonPage  *self,
                                const PathwaysGuide *guide)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));
  self->guide = guide;
  if (!self->meetings_stale)
    pathways_person_meetings_set_context (self->meetings_view, self->store, self->person,
                                          guide, self->ladder);
}

/**
 * pathways_person_page_get_view_stack:
 *
 * Returns: (transfer none): the stack of the person's tabs, for a switcher in the header
 */
AdwViewStack *
pathways_person_page_get_view_stack (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);
  return self->view_stack;
}

void
pathways_person_page_set_settings (PathwaysPersonPage *self,
                                   GSettings          *settings)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));
  pathways_person_ladder_set_settings (self->ladder_view, settings);
  pathways_person_meetings_set_settings (self->meetings_view, settings);
  pathways_person_reviews_set_settings (self->reviews_view, settings);
}
