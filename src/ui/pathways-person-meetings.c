/* pathways-person-meetings.c: a person's 1-on-1s tab. The next meeting is on top: prepared
 * with one click (its date suggested from their cadence), then edited in place. Earlier
 * meetings follow, newest first, each opening in the same view; their mood over time is a
 * small chart.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-meeting-view.h"
#include "pathways-mood-chart.h"
#include "pathways-person-meetings.h"

/* Evidence older than this makes an expectation worth asking about. */
#define LADDER_RECENT_WEEKS 8

/* Earlier meetings are listed this many at a time: years of weekly 1-on-1s would otherwise
 * be hundreds of rows built, and measured again, on every visit. */
#define HISTORY_BATCH 20

struct _PathwaysPersonMeetings
{
  GtkWidget             parent_instance;

  PathwaysStore        *store;
  PathwaysPerson       *person;
  const PathwaysGuide  *guide;   /* borrowed: the window keeps it alive */
  const PathwaysLadder *ladder;  /* borrowed */
  GSettings            *settings;
  GPtrArray            *history_rows;
  GPtrArray            *history;      /* PathwaysMeeting: the earlier ones, newest first */
  GtkWidget            *more_row;     /* owned; in history_group while some are left */
  GPtrArray            *waiting_rows;

  GtkStack             *stack;
  AdwPreferencesGroup  *mood_group;
  PathwaysMoodChart    *mood_chart;
  AdwPreferencesGroup  *prepare_group;
  AdwEntryRow          *date_row;
  AdwComboRow          *kind_row;
  GtkWidget            *prepare_button;
  PathwaysMeetingView  *next_view;
  AdwPreferencesGroup  *history_group;
  AdwActionRow         *guide_row;
  GtkSpinButton        *checkin_spin;
  GtkSwitch            *ladder_switch;
  PathwaysMeetingView  *past_view;
  GtkWidget            *past_scroller;
};

G_DEFINE_FINAL_TYPE (PathwaysPersonMeetings, pathways_person_meetings, GTK_TYPE_WIDGET)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_past_meeting (PathwaysPersonMeetings *self,
                   gint64                  id)
{
  pathways_meeting_view_set_context (self->past_view, self->store, self->person, self->guide,
                                     self->ladder);
  pathways_meeting_view_show (self->past_view, id);
  gtk_stack_set_visible_child_name (self->stack, "meeting");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->past_scroller)),
                            0);
}

static void
on_open_meeting (GtkButton              *button,
                 PathwaysPersonMeetings *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "meeting-id");

  show_past_meeting (self, *id);
}

/**
 * pathways_person_meetings_show_meeting:
 * @self: a #PathwaysPersonMeetings
 * @meeting_id: one of the person's meetings, or 0 for the list (where the next one is)
 *
 * Shows a meeting: the next one in the list where it is prepared, a past one on its own.
 */
void
pathways_person_meetings_show_meeting (PathwaysPersonMeetings *self,
                                       gint64                  meeting_id)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_MEETINGS (self));

  pathways_meeting_view_flush (self->past_view);
  /* A past meeting opens on its own; the list behind is read again on the way back. */
  if (meeting_id != 0 && meeting_id != pathways_meeting_view_get_meeting_id (self->next_view))
    show_past_meeting (self, meeting_id);
  else
    {
      pathways_person_meetings_reload (self);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

static char *
dup_history_subtitle (PathwaysMeeting *meeting)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup (meeting->kind == PATHWAYS_MEETING_SKIP_LEVEL
                                    ? _("Skip-level") : _("1-on-1")));
  switch (meeting->status)
    {
    case PATHWAYS_MEETING_HELD:
      if (meeting->n_points > 0)
        g_ptr_array_add (parts,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u point discussed",
                                                       "%u of %u points discussed",
                                                       meeting->n_points),
                                          meeting->n_discussed, meeting->n_points));
      else
        g_ptr_array_add (parts, g_strdup (_("Held")));
      break;
    case PATHWAYS_MEETING_CANCELLED:
      g_ptr_array_add (parts, g_strdup (_("Cancelled")));
      break;
    case PATHWAYS_MEETING_MOVED:
      {
        g_autofree char *to = pathways_format_short_date (meeting->moved_to);

        g_ptr_array_add (parts, g_strdup_printf (_("Moved to %s"), to));
      }
      break;
    case PATHWAYS_MEETING_PLANNED:
    default:
      g_ptr_array_add (parts, g_strdup (_("Planned")));
      break;
    }
  if (meeting->mood > 0)
    /* Translators: a meeting's mood check, as in "Mood 4 of 5" */
    g_ptr_array_add (parts, g_strdup_printf (_("Mood %d of 5"), meeting->mood));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
make_history_row (PathwaysPersonMeetings *self,
                  PathwaysMeeting        *meeting)
{
  g_autofree char *title = pathways_format_scheduled (meeting->scheduled_at);
  g_autofree char *subtitle = dup_history_subtitle (meeting);
  g_autofree char *open_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (meeting->status == PATHWAYS_MEETING_CANCELLED || meeting->status == PATHWAYS_MEETING_MOVED)
    gtk_widget_add_css_class (row, "dim-label");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of the button that opens a past meeting */
  open_label = g_strdup_printf (_("Open 1-on-1 of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open_label, -1);
  gtk_widget_set_tooltip_text (button, _("Open"));
  g_object_set_data_full (G_OBJECT (button), "meeting-id", g_memdup2 (&meeting->id, sizeof (gint64)),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_meeting), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

/* Adds the next batch of earlier meetings to the list, the "More" row staying last. */
static void
show_more_history (PathwaysPersonMeetings *self)
{
  guint end = MIN (self->history_rows->len + HISTORY_BATCH, self->history->len);

  if (gtk_widget_get_parent (self->more_row) != NULL)
    adw_preferences_group_remove (self->history_group, self->more_row);
  for (guint i = self->history_rows->len; i < end; i++)
    {
      GtkWidget *row = make_history_row (self, g_ptr_array_index (self->history, i));

      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (self->history_rows->len < self->history->len)
    adw_preferences_group_add (self->history_group, self->more_row);
}

static void
on_more_activated (PathwaysPersonMeetings *self)
{
  guint first = self->history_rows->len;

  show_more_history (self);
  /* The focus was on the row that went away: on to the first of those just added. */
  if (first < self->history_rows->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->history_rows, first));
}

static void
update_mood_chart (PathwaysPersonMeetings *self,
                   GPtrArray              *meetings)
{
  g_autoptr(GArray) moods = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  /* Oldest first; the list comes newest first. */
  for (guint i = meetings->len; i > 0; i--)
    {
      PathwaysMeeting *meeting = g_ptr_array_index (meetings, i - 1);

      if (meeting->mood < 1)
        continue;
      g_array_append_val (moods, meeting->mood);
      g_ptr_array_add (dates, pathways_agenda_dup_date (meeting->scheduled_at));
    }

  pathways_mood_chart_set_moods (self->mood_chart, (int *) moods->data,
                                 (const char * const *) dates->pdata, moods->len);
  gtk_widget_set_visible (GTK_WIDGET (self->mood_group), moods->len >= 2);
}

static void
update_guide_row (PathwaysPersonMeetings *self)
{
  g_autofree char *subtitle = NULL;

  if (self->guide == NULL || self->guide->page == NULL)
    subtitle = g_strdup (_("Built-in topics: the handbook has no 1-on-1 guide"));
  else if (self->guide->builtin[PATHWAYS_TOPIC_EVERY] && self->guide->builtin[PATHWAYS_TOPIC_FREQUENT])
    /* Translators: %s is the handbook page found as the 1-on-1 guide */
    subtitle = g_strdup_printf (_("Built-in topics: “%s” has no sections of topics for every "
                                  "1-on-1 or for frequent check-ins"),
                                self->guide->title != NULL ? self->guide->title
                                                           : self->guide->page);
  else
    /* Translators: %s is the title of the handbook's 1-on-1 guide */
    subtitle = g_strdup_printf (_("From the handbook’s “%s”"),
                                self->guide->title != NULL ? self->guide->title
                                                           : self->guide->page);
  adw_action_row_set_subtitle (self->guide_row, subtitle);
}

/**
 * pathways_person_meetings_reload:
 *
 * Reads the person's meetings again.
 */
void
pathways_person_meetings_reload (PathwaysPersonMeetings *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(PathwaysMeeting) next = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  g_return_if_fail (PATHWAYS_IS_PERSON_MEETINGS (self));

  clear_rows (self->history_group, self->history_rows);
  if (gtk_widget_get_parent (self->more_row) != NULL)
    adw_preferences_group_remove (self->history_group, self->more_row);
  g_ptr_array_set_size (self->history, 0);
  clear_rows (self->prepare_group, self->waiting_rows);
  update_guide_row (self);
  if (self->store == NULL || self->person == NULL)
    return;

  meetings = pathways_store_list_meetings (self->store, self->person, &error);
  if (meetings != NULL)
    next = pathways_store_get_next_meeting (self->store, self->person, &error);
  if (error != NULL)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  pathways_meeting_view_set_context (self->next_view, self->store, self->person, self->guide,
                                     self->ladder);
  gtk_widget_set_visible (GTK_WIDGET (self->next_view), next != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->prepare_group), next == NULL);
  if (next != NULL)
    {
      if (pathways_meeting_view_get_meeting_id (self->next_view) == next->id)
        pathways_meeting_view_reload (self->next_view);
      else
        pathways_meeting_view_show (self->next_view, next->id);
    }
  else
    {
      g_autofree char *suggested = pathways_store_dup_suggested_date (self->store, self->person,
                                                                      NULL);

      pathways_meeting_view_show (self->next_view, 0);
      g_strdelimit (suggested, "T", ' ');
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), suggested);
      adw_combo_row_set_selected (self->kind_row, pathways_person_get_skip_level (self->person)
                                                  ? 1 : 0);

      /* What was noted during the week joins the agenda when it is prepared. */
      waiting = pathways_store_list_talking_points (self->store, self->person, 0, NULL);
      for (guint i = 0; waiting != NULL && i < waiting->len; i++)
        {
          PathwaysTalkingPoint *point = g_ptr_array_index (waiting, i);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), point->body);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Noted for the next 1-on-1"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("document-edit-symbolic"));
          adw_preferences_group_add (self->prepare_group, row);
          g_ptr_array_add (self->waiting_rows, row);
        }
    }

  update_mood_chart (self, meetings);
  /* Below the next one, the earlier ones: kept for the batches still to be listed. */
  for (guint i = 0; next != NULL && i < meetings->len; i++)
    if (((PathwaysMeeting *) g_ptr_array_index (meetings, i))->id == next->id)
      g_ptr_array_remove_index (meetings, i);
  g_ptr_array_unref (self->history);
  self->history = g_steal_pointer (&meetings);
  show_more_history (self);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->history->len > 0);
}

/**
 * pathways_person_meetings_prepare:
 * @error: return location for the reason it could not be prepared
 *
 * Plans the next meeting at the date in the form and prepares its agenda.
 *
 * Returns: %TRUE if prepared
 */
gboolean
pathways_person_meetings_prepare (PathwaysPersonMeetings  *self,
                                  GError                 **error)
{
  g_autofree char *today = pathways_dup_today ();
  g_autofree char *when = NULL;
  g_autoptr(PathwaysMeeting) meeting = NULL;
  PathwaysAgendaOptions options = { self->guide, 2, NULL, LADDER_RECENT_WEEKS, today };

  g_return_val_if_fail (PATHWAYS_IS_PERSON_MEETINGS (self), FALSE);
  g_return_val_if_fail (self->store != NULL && self->person != NULL, FALSE);

  when = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_strdelimit (when, " ", 'T');

  if (self->settings != NULL)
    options.n_checkins = g_settings_get_uint (self->settings, "checkin-topics");
  if (self->ladder != NULL
      && (self->settings == NULL || g_settings_get_boolean (self->settings, "agenda-ladder-prompt")))
    {
      const PathwaysLevel *current = NULL;

      options.target_level =
        pathways_ladder_find_target (self->ladder, pathways_person_get_ladder_path (self->person),
                                     pathways_person_get_level (self->person),
                                     pathways_person_get_target_path (self->person),
                                     pathways_person_get_target_level (self->person), &current);
    }

  meeting = pathways_store_create_meeting (self->store, self->person,
                                           adw_combo_row_get_selected (self->kind_row) == 1
                                           ? PATHWAYS_MEETING_SKIP_LEVEL
                                           : PATHWAYS_MEETING_ONE_ON_ONE,
                                           when, &options, error);
  if (meeting == NULL)
    return FALSE;

  pathways_person_meetings_reload (self);

  return TRUE;
}

static void
on_prepare_clicked (PathwaysPersonMeetings *self)
{
  g_autoptr(GError) error = NULL;

  if (!pathways_person_meetings_prepare (self, &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
}

static void
on_date_changed (PathwaysPersonMeetings *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  gboolean ok;

  g_strdelimit (text, " ", 'T');
  ok = pathways_agenda_scheduled_is_valid (text);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_set_sensitive (self->prepare_button, ok);
}

static void
on_back_clicked (PathwaysPersonMeetings *self)
{
  pathways_meeting_view_flush (self->past_view);
  gtk_stack_set_visible_child_name (self->stack, "list");
  pathways_person_meetings_reload (self);
}

/**
 * pathways_person_meetings_flush:
 *
 * Writes any notes still waiting for their autosave.
 */
void
pathways_person_meetings_flush (PathwaysPersonMeetings *self)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_MEETINGS (self));

  pathways_meeting_view_flush (self->next_view);
  pathways_meeting_view_flush (self->past_view);
}

/* ==== building ==== */

static GtkWidget *
make_scroller (GtkWidget *content)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 32);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  return scroller;
}

static void
build_list_page (PathwaysPersonMeetings *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *button_box, *row, *spin;
  GtkAdjustment *adjustment;

  self->mood_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->mood_group, _("Mood Over Time"));
  self->mood_chart = PATHWAYS_MOOD_CHART (pathways_mood_chart_new ());
  adw_preferences_group_add (self->mood_group, GTK_WIDGET (self->mood_chart));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mood_group));

  /* With nothing planned: when, what kind, and the button that prepares the agenda. */
  self->prepare_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->prepare_group, _("Next 1-on-1"));
  adw_preferences_group_set_description (self->prepare_group,
                                         _("Preparing the agenda brings over what last time "
                                           "didn’t get to, the open action items and the "
                                           "guide’s topics."));
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Date and Time (YYYY-MM-DD HH:MM)"));
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->date_row, "entry-activated", G_CALLBACK (on_prepare_clicked),
                            self);
  adw_preferences_group_add (self->prepare_group, GTK_WIDGET (self->date_row));
  gtk_string_list_append (kinds, _("1-on-1"));
  gtk_string_list_append (kinds, _("Skip-level"));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (self->prepare_group, GTK_WIDGET (self->kind_row));

  button_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->prepare_button = gtk_button_new_with_mnemonic (_("_Prepare Agenda"));
  gtk_widget_add_css_class (self->prepare_button, "pill");
  gtk_widget_add_css_class (self->prepare_button, "suggested-action");
  gtk_widget_set_halign (self->prepare_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prepare_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Prepare Agenda"), -1);
  g_signal_connect_swapped (self->prepare_button, "clicked", G_CALLBACK (on_prepare_clicked),
                            self);
  gtk_box_append (GTK_BOX (button_box), GTK_WIDGET (self->prepare_group));
  gtk_widget_set_margin_top (self->prepare_button, 18);
  gtk_box_append (GTK_BOX (button_box), self->prepare_button);
  g_object_bind_property (self->prepare_group, "visible", self->prepare_button, "visible",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), button_box);

  self->next_view = PATHWAYS_MEETING_VIEW (g_object_new (PATHWAYS_TYPE_MEETING_VIEW, NULL));
  g_signal_connect_swapped (self->next_view, "changed",
                            G_CALLBACK (pathways_person_meetings_reload), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->next_view));

  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Earlier 1-on-1s"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->history_group));
  self->more_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), _("More"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->more_row),
                             gtk_image_new_from_icon_name ("go-down-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_row), TRUE);
  g_signal_connect_swapped (self->more_row, "activated", G_CALLBACK (on_more_activated), self);

  /* How agendas are prepared, where they come from. */
  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

    adw_preferences_group_set_title (group, _("Preparing Agendas"));
    self->guide_row = ADW_ACTION_ROW (adw_action_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->guide_row), _("Topics"));
    adw_preferences_group_add (group, GTK_WIDGET (self->guide_row));

    adjustment = gtk_adjustment_new (2, 0, 8, 1, 1, 0);
    spin = gtk_spin_button_new (adjustment, 1, 0);
    self->checkin_spin = GTK_SPIN_BUTTON (spin);
    gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Check-in Topics per Meeting"), -1);
    row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Check-in Topics per Meeting"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("From the guide’s “frequently” topics, least recent first"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
    adw_preferences_group_add (group, row);

    self->ladder_switch = GTK_SWITCH (gtk_switch_new ());
    gtk_widget_set_valign (GTK_WIDGET (self->ladder_switch), GTK_ALIGN_CENTER);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->ladder_switch),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ladder Prompt"), -1);
    row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Ladder Prompt"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Suggest an expectation of their target level with no "
                                   "recent evidence"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->ladder_switch));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                           GTK_WIDGET (self->ladder_switch));
    adw_preferences_group_add (group, row);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
  }

  gtk_stack_add_named (self->stack, make_scroller (box), "list");
}

static void
build_meeting_page (PathwaysPersonMeetings *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *back = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "go-previous-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("All 1-on-1s"));
  gtk_button_set_child (GTK_BUTTON (back), content);
  gtk_widget_add_css_class (back, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to All 1-on-1s"), -1);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back_clicked), self);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (page), bar);

  self->past_view = PATHWAYS_MEETING_VIEW (g_object_new (PATHWAYS_TYPE_MEETING_VIEW, NULL));
  /* Reopened there, the meeting is the next one again: the list behind follows when it is
   * shown again, on the way back, rather than being rebuilt while hidden. */
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->past_view));
  self->past_scroller = make_scroller (box);
  gtk_widget_set_vexpand (self->past_scroller, TRUE);
  gtk_box_append (GTK_BOX (page), self->past_scroller);

  gtk_stack_add_named (self->stack, page, "meeting");
}

/* ==== GObject ==== */

static void
pathways_person_meetings_dispose (GObject *object)
{
  PathwaysPersonMeetings *self = PATHWAYS_PERSON_MEETINGS (object);

  if (self->stack != NULL)
    {
      pathways_person_meetings_flush (self);
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_object (&self->more_row);
  g_clear_pointer (&self->waiting_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_person_meetings_parent_class)->dispose (object);
}

static void
pathways_person_meetings_class_init (PathwaysPersonMeetingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_person_meetings_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pathways_person_meetings_init (PathwaysPersonMeetings *self)
{
  self->history_rows = g_ptr_array_new ();
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_meeting_free);
  self->waiting_rows = g_ptr_array_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  build_list_page (self);
  build_meeting_page (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * pathways_person_meetings_set_context:
 * @store: (nullable): the store
 * @person: (nullable): whose 1-on-1s
 * @guide: (nullable): the 1-on-1 guide (borrowed: the caller keeps it alive)
 * @ladder: (nullable): the ladder (borrowed)
 */
void
pathways_person_meetings_set_context (PathwaysPersonMeetings *self,
                                      PathwaysStore          *store,
                                      PathwaysPerson         *person,
                                      const PathwaysGuide    *guide,
                                      const PathwaysLadder   *ladder)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_MEETINGS (self));

  if (person != self->person)
    {
      pathways_person_meetings_flush (self);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->guide = guide;
  self->ladder = ladder;
  pathways_meeting_view_set_context (self->past_view, store, person, guide, ladder);
  pathways_person_meetings_reload (self);
}

/**
 * pathways_person_meetings_set_settings:
 * @settings: the app's settings: check-in topics and the ladder prompt
 */
void
pathways_person_meetings_set_settings (PathwaysPersonMeetings *self,
                                       GSettings              *settings)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_MEETINGS (self));

  g_set_object (&self->settings, settings);
  g_settings_bind (settings, "checkin-topics",
                   gtk_spin_button_get_adjustment (self->checkin_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "agenda-ladder-prompt", self->ladder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
