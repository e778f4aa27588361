/* pathways-meeting-view.c: one 1-on-1 — its agenda by section (carried over, every time,
 * talking points, due for a check-in, ladder), action items, shared and private notes, and
 * a mood check, all saved as they are edited.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-meeting-view"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-markdown-view.h"
#include "pathways-meeting-view.h"

/* Typing pauses this long before notes are written to the database. */
#define AUTOSAVE_DELAY_MS 500

struct _PathwaysMeetingView
{
  GtkWidget             parent_instance;

  PathwaysStore        *store;
  PathwaysPerson       *person;
  const PathwaysGuide  *guide;   /* borrowed: the owner keeps it alive */
  const PathwaysLadder *ladder;  /* borrowed */
  PathwaysMeeting      *meeting;
  GPtrArray            *points;  /* PathwaysTalkingPoint* */
  GPtrArray            *actions; /* PathwaysActionItem* */
  GPtrArray            *rows;    /* the rows added to the lists, to take out on rebuild */
  guint                 notes_timeout;
  guint                 rebuild_idle;
  gboolean              carried_all;  /* every carried-over row asked for */
  gboolean              loading;
  GtkWidget            *mood_buttons[5];
  GtkWidget            *shared_preview;
  GtkWidget            *private_preview;

  GtkWidget            *box;
  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkWidget            *held_button;
  AdwPreferencesGroup  *carried_group;
  AdwPreferencesGroup  *every_group;
  AdwPreferencesGroup  *points_group;
  AdwPreferencesGroup  *checkin_group;
  AdwPreferencesGroup  *ladder_group;
  AdwPreferencesGroup  *actions_group;
  GtkListBox           *carried_list;
  GtkListBox           *every_list;
  GtkListBox           *points_list;
  GtkListBox           *checkin_list;
  GtkListBox           *ladder_list;
  GtkListBox           *actions_list;
  AdwEntryRow          *add_point_row;
  GtkDropDown          *point_owner_dropdown;
  AdwEntryRow          *add_action_row;
  GtkDropDown          *action_owner_dropdown;
  AdwPreferencesGroup  *shared_group;
  GtkStack             *shared_stack;
  GtkTextView          *shared_view;
  GtkToggleButton      *shared_preview_button;
  GtkWidget            *shared_preview_frame;
  GtkStack             *private_stack;
  GtkTextView          *private_view;
  GtkToggleButton      *private_preview_button;
  GtkWidget            *private_preview_frame;
  GtkWidget            *mood_box;
};

G_DEFINE_FINAL_TYPE (PathwaysMeetingView, pathways_meeting_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pathways_meeting_view_rebuild (PathwaysMeetingView *self);

/* ==== formatting ==== */

static GDateTime *
parse_scheduled (const char *scheduled_at,
                 gboolean   *has_time)
{
  int year, month, day, hour = 0, minute = 0;

  *has_time = FALSE;
  if (scheduled_at == NULL
      || sscanf (scheduled_at, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  if (strlen (scheduled_at) >= 16 && sscanf (scheduled_at + 11, "%2d:%2d", &hour, &minute) == 2)
    *has_time = TRUE;

  /* Wall-clock text, formatted as such: UTC has no daylight-saving gaps (in local time a
   * 02:30 meeting on the night clocks go forward would show as 03:00) and all its days are
   * 24 hours long, so days_between() counts days. */
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

/**
 * pathways_format_scheduled:
 * @scheduled_at: (nullable): "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
 *
 * Returns: (transfer full): the date (and time) for people, in their locale
 */
char *
pathways_format_scheduled (const char *scheduled_at)
{
  gboolean has_time;
  g_autoptr(GDateTime) when = parse_scheduled (scheduled_at, &has_time);

  if (when == NULL)
    return g_strdup (scheduled_at != NULL ? scheduled_at : "");

  if (has_time)
    /* Translators: a meeting's date and time, see g_date_time_format() */
    return g_date_time_format (when, _("%A %-d %B %Y, %H:%M"));

  /* Translators: a meeting's date, see g_date_time_format() */
  return g_date_time_format (when, _("%A %-d %B %Y"));
}

/**
 * pathways_format_short_date:
 * @date: (nullable): "YYYY-MM-DD…"
 *
 * Returns: (transfer full): a short date, as in "from 12 Nov"
 */
char *
pathways_format_short_date (const char *date)
{
  gboolean has_time;
  g_autoptr(GDateTime) when = parse_scheduled (date, &has_time);

  if (when == NULL)
    return g_strdup (date != NULL ? date : "");

  /* Translators: a short date, as in "from 12 Nov"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %b"));
}

static int
days_between (const char *from,
              const char *to)
{
  gboolean has_time;
  g_autoptr(GDateTime) a = parse_scheduled (from, &has_time);
  g_autoptr(GDateTime) b = parse_scheduled (to, &has_time);

  if (a == NULL || b == NULL)
    return 0;

  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

static char *
dup_first_name (PathwaysPerson *person)
{
  const char *name = pathways_person_get_name (person);
  const char *space = strchr (name, ' ');

  return space != NULL ? g_strndup (name, (gsize) (space - name)) : g_strdup (name);
}

/* ==== sections ==== */

static PathwaysAgendaSection
section_of (PathwaysMeetingView  *self,
            PathwaysTalkingPoint *point)
{
  return pathways_agenda_section_of (self->meeting, point);
}

static GtkListBox *
list_of_section (PathwaysMeetingView   *self,
                 PathwaysAgendaSection  section)
{
  GtkListBox *lists[PATHWAYS_N_SECTIONS] = {
    [PATHWAYS_SECTION_CARRIED] = self->carried_list,
    [PATHWAYS_SECTION_ACTIONS] = self->actions_list,
    [PATHWAYS_SECTION_EVERY] = self->every_list,
    [PATHWAYS_SECTION_TALKING] = self->points_list,
    [PATHWAYS_SECTION_CHECKIN] = self->checkin_list,
    [PATHWAYS_SECTION_LADDER] = self->ladder_list,
  };

  return lists[section];
}

/* "last discussed 5 weeks ago", relative to the meeting. */
static char *
dup_last_discussed (PathwaysMeetingView  *self,
                    PathwaysTalkingPoint *point)
{
  int days;
  guint weeks;

  if (point->last_discussed == NULL)
    return g_strdup (_("Not discussed yet"));

  days = days_between (point->last_discussed, self->meeting->scheduled_at);
  if (days < 7)
    return g_strdup (_("Last discussed less than a week ago"));

  weeks = (guint) (days + 3) / 7;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last discussed %u week ago",
                                       "Last discussed %u weeks ago", weeks),
                          weeks);
}

static char *
dup_point_subtitle (PathwaysMeetingView   *self,
                    PathwaysTalkingPoint  *point,
                    PathwaysAgendaSection  section)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const PathwaysTopic *topic = NULL;

  if (point->topic_key != NULL && self->guide != NULL)
    topic = pathways_guide_lookup (self->guide, point->topic_key);

  if (section == PATHWAYS_SECTION_CHECKIN)
    g_ptr_array_add (parts, dup_last_discussed (self, point));

  if (point->kind == PATHWAYS_POINT_TYPED || section == PATHWAYS_SECTION_CARRIED)
    {
      if (point->owner == PATHWAYS_OWNER_THEM)
        {
          g_autofree char *first = dup_first_name (self->person);

          /* Translators: who raised a talking point: the report's first name */
          g_ptr_array_add (parts, g_strdup_printf (_("From %s"), first));
        }
      else
        g_ptr_array_add (parts, g_strdup (_("Yours")));
    }

  if (section == PATHWAYS_SECTION_CARRIED && point->origin_date != NULL)
    {
      g_autofree char *date = pathways_format_short_date (point->origin_date);

      /* Translators: where a carried-over point was first raised, as in "from 12 Nov" */
      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), date));
    }

  /* The guide's detail usually continues its bold lead ("**Wins:** what went well"). */
  if (topic != NULL && topic->detail != NULL && section != PATHWAYS_SECTION_CARRIED)
    {
      gunichar first = g_utf8_get_char (topic->detail);
      char upper[8] = { 0, };

      g_unichar_to_utf8 (g_unichar_totitle (first), upper);
      g_ptr_array_add (parts, g_strconcat (upper, g_utf8_next_char (topic->detail), NULL));
    }

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* ==== saving ==== */

static void
save_point (PathwaysMeetingView  *self,
            PathwaysTalkingPoint *point)
{
  g_autoptr(GError) error = NULL;

  if (!pathways_store_save_talking_point (self->store, point, &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  PathwaysMeetingView *self = user_data;

  self->rebuild_idle = 0;
  pathways_meeting_view_reload (self);

  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt after the handler that asked for it returns, never under its feet. */
static void
schedule_rebuild (PathwaysMeetingView *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

static void
update_status (PathwaysMeetingView *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  PathwaysMeeting *meeting = self->meeting;
  g_autofree char *status = NULL;
  guint discussed = 0;

  for (guint i = 0; i < self->points->len; i++)
    discussed += ((PathwaysTalkingPoint *) g_ptr_array_index (self->points, i))->discussed;

  g_ptr_array_add (parts, g_strdup (meeting->kind == PATHWAYS_MEETING_SKIP_LEVEL
                                    ? _("Skip-level") : _("1-on-1")));
  switch (meeting->status)
    {
    case PATHWAYS_MEETING_PLANNED:
      g_ptr_array_add (parts, g_strdup (_("Planned")));
      break;
    case PATHWAYS_MEETING_HELD:
      g_ptr_array_add (parts, g_strdup (_("Held")));
      break;
    case PATHWAYS_MEETING_CANCELLED:
      g_ptr_array_add (parts, g_strdup (_("Cancelled")));
      break;
    case PATHWAYS_MEETING_MOVED:
    default:
      {
        g_autofree char *to = pathways_format_short_date (meeting->moved_to);

        /* Translators: a meeting that was moved, as in "Moved to 3 Dec" */
        g_ptr_array_add (parts, g_strdup_printf (_("Moved to %s"), to));
      }
      break;
    }
  if (self->points->len > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u of %u point discussed",
                                                   "%u of %u points discussed",
                                                   self->points->len),
                                      discussed, self->points->len));
  g_ptr_array_add (parts, NULL);
  status = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->status_label, status);
}

/* ==== talking point rows ==== */

static PathwaysTalkingPoint *
point_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "point");
}

static void
on_point_discussed (GtkCheckButton *check,
                    GtkWidget      *row)
{
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");
  PathwaysTalkingPoint *point = point_of_row (row);
  gboolean active = gtk_check_button_get_active (check);

  if (self->loading || point->discussed == active)
    return;

  point->discussed = active;
  save_point (self, point);
  update_status (self);
}

static gboolean
notes_save_cb (gpointer user_data)
{
  GtkWidget *row = user_data;
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");
  PathwaysTalkingPoint *point = point_of_row (row);
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (row), "notes-buffer");
  GtkTextIter start, end;

  g_object_set_data (G_OBJECT (row), "notes-timeout", NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (point->notes);
  point->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save_point (self, point);

  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
on_point_notes_changed (GtkTextBuffer *buffer,
                        GtkWidget     *row)
{
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");
  guint id;

  if (self->loading)
    return;

  /* Replacing the data removes the previous timeout. */
  id = g_timeout_add (AUTOSAVE_DELAY_MS, notes_save_cb, row);
  g_object_set_data_full (G_OBJECT (row), "notes-timeout", GUINT_TO_POINTER (id), remove_source);
}

/* The frame with the point's notes, made on first need, hidden when they are empty. */
static GtkWidget *
ensure_point_notes (GtkWidget *row)
{
  PathwaysTalkingPoint *point = point_of_row (row);
  GtkWidget *frame = g_object_get_data (G_OBJECT (row), "notes-frame");
  GtkWidget *notes;
  GtkTextBuffer *buffer;

  if (frame != NULL)
    return frame;

  notes = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (notes), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (notes), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (notes), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (notes), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (notes), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (notes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_set_text (buffer, point->notes != NULL ? point->notes : "", -1);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_point_notes_changed), row);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), notes);
  gtk_widget_set_margin_start (frame, 34);
  gtk_widget_set_visible (frame, point->notes != NULL && point->notes[0] != '\0');
  gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (row), "content")), frame);
  g_object_set_data (G_OBJECT (row), "notes-frame", frame);
  g_object_set_data (G_OBJECT (row), "notes-buffer", buffer);

  return frame;
}

static void
show_point_notes (GtkWidget *row,
                  gboolean   grab)
{
  GtkWidget *frame = ensure_point_notes (row);

  gtk_widget_set_visible (frame, TRUE);
  if (grab)
    gtk_widget_grab_focus (gtk_frame_get_child (GTK_FRAME (frame)));
}

/* Moves a point one place up or down among the points of its section. */
static void
move_point (PathwaysMeetingView  *self,
            PathwaysTalkingPoint *point,
            int                   direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PathwaysAgendaSection section = section_of (self, point);
  guint index = 0;
  int other = -1;

  for (guint i = 0; i < self->points->len; i++)
    if (g_ptr_array_index (self->points, i) == point)
      index = i;

  for (int i = (int) index + direction; i >= 0 && i < (int) self->points->len; i += direction)
    {
      if (section_of (self, g_ptr_array_index (self->points, (guint) i)) == section)
        {
          other = i;
          break;
        }
    }
  if (other < 0)
    return;

  for (guint i = 0; i < self->points->len; i++)
    {
      guint from = i == index ? (guint) other : i == (guint) other ? index : i;
      gint64 id = ((PathwaysTalkingPoint *) g_ptr_array_index (self->points, from))->id;

      g_array_append_val (ids, id);
    }

  if (!pathways_store_reorder_talking_points (self->store, (gint64 *) ids->data, ids->len,
                                              &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
  schedule_rebuild (self);
}

/* Puts the dragged point where @target is, among the same section's points. */
static void
drop_point (PathwaysMeetingView  *self,
            gint64                dragged_id,
            PathwaysTalkingPoint *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PathwaysTalkingPoint *dragged = NULL;

  for (guint i = 0; i < self->points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (self->points, i);

      if (point->id == dragged_id)
        dragged = point;
    }
  if (dragged == NULL || dragged == target
      || section_of (self, dragged) != section_of (self, target))
    return;

  for (guint i = 0; i < self->points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (self->points, i);

      if (point == dragged)
        continue;
      if (point == target)
        g_array_append_val (ids, dragged->id);
      g_array_append_val (ids, point->id);
    }

  if (!pathways_store_reorder_talking_points (self->store, (gint64 *) ids->data, ids->len,
                                              &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
  schedule_rebuild (self);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  PathwaysTalkingPoint *point = point_of_row (row);

  return gdk_content_provider_new_typed (G_TYPE_INT64, point->id);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  drop_point (self, g_value_get_int64 (value), point_of_row (row));
  return TRUE;
}

typedef struct
{
  PathwaysMeetingView *self;
  gint64               id;
  GtkEditable         *body;
  GtkEditable         *due;
  AdwComboRow         *owner;
  gboolean             is_action;
} EditDialog;

static void
edit_dialog_validate (GtkEditable *editable,
                      EditDialog  *data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (editable)));
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (data->body)));
  gboolean ok = body[0] != '\0';

  if (data->due != NULL)
    {
      g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (data->due)));
      gboolean due_ok = due[0] == '\0' || pathways_date_is_valid (due);

      if (due_ok)
        gtk_widget_remove_css_class (GTK_WIDGET (data->due), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (data->due), "error");
      ok = ok && due_ok;
    }

  if (ADW_IS_MESSAGE_DIALOG (dialog))
    adw_message_dialog_set_response_enabled (dialog, "accept", ok);
}

static void
edit_dialog_response (AdwMessageDialog *dialog,
                      const char       *response,
                      EditDialog       *data)
{
  PathwaysMeetingView *self = data->self;
  g_autoptr(GError) error = NULL;
  PathwaysOwner owner = adw_combo_row_get_selected (data->owner) == 1 ? PATHWAYS_OWNER_THEM
                                                                      : PATHWAYS_OWNER_ME;

  if (!g_str_equal (response, "accept") || self->meeting == NULL)
    return;

  if (data->is_action)
    {
      for (guint i = 0; i < self->actions->len; i++)
        {
          PathwaysActionItem *item = g_ptr_array_index (self->actions, i);

          if (item->id != data->id)
            continue;
          g_free (item->body);
          item->body = g_strdup (gtk_editable_get_text (data->body));
          g_free (item->due_on);
          item->due_on = g_strstrip (g_strdup (gtk_editable_get_text (data->due)));
          item->owner = owner;
          if (!pathways_store_save_action_item (self->store, item, &error))
            pathways_show_toast (GTK_WIDGET (self), error->message);
        }
    }
  else
    {
      for (guint i = 0; i < self->points->len; i++)
        {
          PathwaysTalkingPoint *point = g_ptr_array_index (self->points, i);

          if (point->id != data->id)
            continue;
          g_free (point->body);
          point->body = g_strdup (gtk_editable_get_text (data->body));
          point->owner = owner;
          save_point (self, point);
        }
    }

  schedule_rebuild (self);
}

static void
show_edit_dialog (PathwaysMeetingView *self,
                  gint64               id,
                  const char          *body,
                  PathwaysOwner        owner,
                  const char          *due_on,
                  gboolean             is_action)
{
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autofree char *first = dup_first_name (self->person);
  AdwMessageDialog *dialog;
  EditDialog *data = g_new0 (EditDialog, 1);

  dialog = pathways_form_dialog_new (GTK_WIDGET (self),
                                     is_action ? _("Edit Action Item") : _("Edit Talking Point"),
                                     NULL, _("_Save"));
  data->self = self;
  data->id = id;
  data->is_action = is_action;
  data->body = pathways_form_dialog_add_entry (dialog, is_action ? _("Action Item")
                                                                 : _("Talking Point"), body);
  gtk_string_list_append (owners, _("Me"));
  gtk_string_list_append (owners, first);
  data->owner = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->owner),
                                 is_action ? _("Owner") : _("Raised By"));
  adw_combo_row_set_model (data->owner, G_LIST_MODEL (owners));
  adw_combo_row_set_selected (data->owner, owner == PATHWAYS_OWNER_THEM ? 1 : 0);
  pathways_form_dialog_add_row (dialog, GTK_WIDGET (data->owner));
  if (is_action)
    {
      data->due = pathways_form_dialog_add_entry (dialog, _("Due Date (YYYY-MM-DD, optional)"),
                                                  due_on);
      g_signal_connect (data->due, "changed", G_CALLBACK (edit_dialog_validate), data);
    }
  g_signal_connect (data->body, "changed", G_CALLBACK (edit_dialog_validate), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_dialog_response), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_message_dialog_set_response_enabled (dialog, "accept", TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
point_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkWidget *row = user_data;
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");
  PathwaysTalkingPoint *point = point_of_row (row);
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (name, "up"))
    move_point (self, point, -1);
  else if (g_str_equal (name, "down"))
    move_point (self, point, 1);
  else if (g_str_equal (name, "notes"))
    show_point_notes (row, TRUE);
  else if (g_str_equal (name, "edit"))
    show_edit_dialog (self, point->id, point->body, point->owner, NULL, FALSE);
  else if (g_str_equal (name, "evidence"))
    {
      g_autofree char *text = point->notes != NULL && point->notes[0] != '\0'
                              ? g_strdup_printf ("%s — %s", point->body, point->notes)
                              : g_strdup (point->body);
      g_autofree char *date = pathways_agenda_dup_date (self->meeting->scheduled_at);

      pathways_show_add_as_evidence (GTK_WIDGET (self), self->store, self->person, self->ladder,
                                     text, date);
    }
  else if (g_str_equal (name, "delete"))
    {
      if (!pathways_store_delete_talking_point (self->store, point->id, &error))
        pathways_show_toast (GTK_WIDGET (self), error->message);
      schedule_rebuild (self);
    }
}

static GMenuModel *
make_point_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  g_menu_append (order, _("Move _Up"), "point.up");
  g_menu_append (order, _("Move _Down"), "point.down");
  g_menu_append (more, _("_Edit…"), "point.edit");
  g_menu_append (more, _("Add _Notes"), "point.notes");
  g_menu_append (more, _("Add as _Evidence…"), "point.evidence");
  g_menu_append (danger, _("_Delete"), "point.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  return G_MENU_MODEL (menu);
}

/* GTK finds a wrapping label's smallest width by laying its text out at width 0: one
 * character a line, each line shaped again, which for a long text takes far longer than
 * the layout it is shown with. Long texts get a few words' width as their smallest
 * instead, narrow enough for any window; short ones, cheap to measure, keep their own. */
#define WRAP_MIN_CHARS 12

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (text != NULL && g_utf8_strlen (text, -1) > 2 * WRAP_MIN_CHARS)
    gtk_label_set_width_chars (GTK_LABEL (label), WRAP_MIN_CHARS);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A row with a check button, a title and subtitle, and a menu; the caller fills in. */
static GtkWidget *
make_check_row (PathwaysMeetingView  *self,
                const char           *title,
                const char           *subtitle,
                gboolean              active,
                const char           *check_label,
                GtkWidget           **check_out,
                GtkWidget           **content_out,
                GtkWidget           **menu_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *title_label = make_label (title, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (content, 8);
  gtk_widget_set_margin_bottom (content, 8);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 6);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);
  gtk_widget_set_tooltip_text (check, check_label);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title_label);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      GtkWidget *sub = make_label (subtitle, "dim-label");

      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (texts), sub);
      g_object_set_data (G_OBJECT (row), "subtitle", sub);
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (line), check);
  gtk_box_append (GTK_BOX (line), texts);
  gtk_box_append (GTK_BOX (line), menu);
  gtk_box_append (GTK_BOX (content), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  g_object_set_data (G_OBJECT (row), "view", self);

  *check_out = check;
  *content_out = content;
  *menu_out = menu;

  return row;
}

static GtkWidget *
make_point_row (PathwaysMeetingView   *self,
                PathwaysTalkingPoint  *point,
                PathwaysAgendaSection  section)
{
  static const GActionEntry entries[] = {
    { "up", point_action, NULL, NULL, NULL, { 0 } },
    { "down", point_action, NULL, NULL, NULL, { 0 } },
    { "edit", point_action, NULL, NULL, NULL, { 0 } },
    { "notes", point_action, NULL, NULL, NULL, { 0 } },
    { "evidence", point_action, NULL, NULL, NULL, { 0 } },
    { "delete", point_action, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenuModel) menu_model = make_point_menu ();
  g_autofree char *subtitle = dup_point_subtitle (self, point, section);
  g_autofree char *check_label = NULL;
  g_autofree char *menu_label = NULL;
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;
  GtkWidget *check, *content, *menu, *row;

  /* Translators: the accessible name of a talking point's check box */
  check_label = g_strdup_printf (_("Discussed: %s"), point->body);
  row = make_check_row (self, point->body, subtitle, point->discussed, check_label, &check,
                        &content, &menu);
  g_object_set_data (G_OBJECT (row), "point", point);
  g_signal_connect (check, "toggled", G_CALLBACK (on_point_discussed), row);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "point", G_ACTION_GROUP (group));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), menu_model);
  /* Translators: the accessible name of a talking point's menu button */
  menu_label = g_strdup_printf (_("More for “%s”"), point->body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
  gtk_widget_set_tooltip_text (menu, _("More"));

  /* Notes under the point, shown when there are some or when asked for; a long agenda
   * carried over for months makes the text views not needed yet worth leaving out. */
  g_object_set_data (G_OBJECT (row), "content", content);
  if (point->notes != NULL && point->notes[0] != '\0')
    ensure_point_notes (row);

  /* Reorder by dragging, or with Alt+Up and Alt+Down. */
  controller = GTK_EVENT_CONTROLLER (gtk_drag_source_new ());
  g_signal_connect (controller, "prepare", G_CALLBACK (on_drag_prepare), row);
  gtk_widget_add_controller (row, controller);
  controller = GTK_EVENT_CONTROLLER (gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_COPY));
  g_signal_connect (controller, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, controller);

  controller = gtk_shortcut_controller_new ();
  trigger = gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("point.up")));
  trigger = gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("point.down")));
  gtk_widget_add_controller (row, controller);

  return row;
}

/* ==== action item rows ==== */

static PathwaysActionItem *
action_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "action");
}

static void
on_action_done (GtkCheckButton *check,
                GtkWidget      *row)
{
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");
  PathwaysActionItem *item = action_of_row (row);
  gboolean active = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (self->loading || (item->done_at != NULL) == active)
    return;

  if (!pathways_store_set_action_done (self->store, item->id, active, self->meeting->id,
                                       &error))
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_free (item->done_at);
  item->done_at = active ? g_strdup ("done") : NULL;
}

static void
action_item_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWidget *row = user_data;
  PathwaysMeetingView *self = g_object_get_data (G_OBJECT (row), "view");
  PathwaysActionItem *item = action_of_row (row);
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (name, "edit"))
    show_edit_dialog (self, item->id, item->body, item->owner, item->due_on, TRUE);
  else if (g_str_equal (name, "delete"))
    {
      if (!pathways_store_delete_action_item (self->store, item->id, &error))
        pathways_show_toast (GTK_WIDGET (self), error->message);
      schedule_rebuild (self);
    }
}

static GtkWidget *
make_action_row (PathwaysMeetingView *self,
                 PathwaysActionItem  *item)
{
  static const GActionEntry entries[] = {
    { "edit", action_item_action, NULL, NULL, NULL, { 0 } },
    { "delete", action_item_action, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu_model = g_menu_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = pathways_dup_today ();
  g_autofree char *subtitle = NULL;
  g_autofree char *check_label = NULL;
  g_autofree char *menu_label = NULL;
  gboolean overdue = item->done_at == NULL && item->due_on != NULL
                     && g_strcmp0 (item->due_on, today) < 0;
  GtkWidget *check, *content, *menu, *row, *sub;

  /* Translators: the caption of an action item, before its owner */
  g_ptr_array_add (parts, g_strdup (_("Action item")));
  if (item->owner == PATHWAYS_OWNER_THEM)
    g_ptr_array_add (parts, dup_first_name (self->person));
  else
    g_ptr_array_add (parts, g_strdup (_("Yours")));
  if (item->due_on != NULL)
    {
      g_autofree char *due = pathways_format_short_date (item->due_on);

      /* Translators: an action item's due date, as in "due 4 Dec" */
      g_ptr_array_add (parts, g_strdup_printf (_("due %s"), due));
    }
  if (overdue)
    g_ptr_array_add (parts, g_strdup (_("Overdue")));
  if (item->meeting_id != self->meeting->id && item->meeting_date != NULL)
    {
      g_autofree char *from = pathways_format_short_date (item->meeting_date);

      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), from));
    }
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  /* Translators: the accessible name of an action item's check box */
  check_label = g_strdup_printf (_("Done: %s"), item->body);
  row = make_check_row (self, item->body, subtitle, item->done_at != NULL, check_label, &check,
                        &content, &menu);
  g_object_set_data (G_OBJECT (row), "action", item);
  g_signal_connect (check, "toggled", G_CALLBACK (on_action_done), row);
  sub = g_object_get_data (G_OBJECT (row), "subtitle");
  if (overdue && sub != NULL)
    {
      gtk_widget_remove_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "error");
    }

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "item", G_ACTION_GROUP (group));
  g_menu_append (menu_model, _("_Edit…"), "item.edit");
  g_menu_append (menu_model, _("_Delete"), "item.delete");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), G_MENU_MODEL (menu_model));
  menu_label = g_strdup_printf (_("More for “%s”"), item->body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
  gtk_widget_set_tooltip_text (menu, _("More"));

  return row;
}

/* ==== building ==== */

static void
clear_rows (PathwaysMeetingView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *list = gtk_widget_get_parent (row);

      /* A notes edit still waiting for its autosave is written now. */
      if (g_object_get_data (G_OBJECT (row), "notes-timeout") != NULL)
        {
          g_object_set_data (G_OBJECT (row), "notes-timeout", NULL);
          notes_save_cb (row);
        }
      if (list != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (PathwaysMeetingView *self,
         GtkListBox          *list,
         GtkWidget           *row,
         guint               *counts,
         guint                index)
{
  gtk_list_box_insert (list, row, (int) counts[index]++);
  g_ptr_array_add (self->rows, row);
}

static void
set_text_quietly (GtkTextView *view,
                  const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
}

static void
update_actions (PathwaysMeetingView *self)
{
  gboolean planned = self->meeting != NULL && self->meeting->status == PATHWAYS_MEETING_PLANNED;
  gboolean closed = self->meeting != NULL
                    && (self->meeting->status == PATHWAYS_MEETING_HELD
                        || self->meeting->status == PATHWAYS_MEETING_CANCELLED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.held", planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.move", planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.cancel", planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.reopen", closed);
  gtk_widget_set_visible (self->held_button, planned);
}

/* What didn't get to a meeting comes back to the next one, and again: months of it would
 * be hundreds of rows to build, and to measure again as notes are typed. The first ones are
 * built, the rest when asked for. */
#define CARRIED_BATCH 20

static void
on_more_carried_activated (PathwaysMeetingView *self)
{
  self->carried_all = TRUE;
  /* Not from inside the activation of the row the rebuild takes away. */
  schedule_rebuild (self);
}

static GtkWidget *
make_more_carried_row (PathwaysMeetingView *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("More"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-down-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_more_carried_activated), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static gboolean
carried_is_full (PathwaysMeetingView *self,
                 guint               *counts)
{
  return !self->carried_all && counts[PATHWAYS_SECTION_CARRIED] >= CARRIED_BATCH;
}

static void
pathways_meeting_view_rebuild (PathwaysMeetingView *self)
{
  g_autofree char *title = NULL;
  guint counts[PATHWAYS_N_SECTIONS] = { 0, };
  guint n_hidden = 0;
  gboolean skip_level;

  self->loading = TRUE;
  clear_rows (self);

  title = pathways_format_scheduled (self->meeting->scheduled_at);
  gtk_label_set_text (self->title_label, title);
  update_status (self);
  update_actions (self);

  skip_level = self->meeting->kind == PATHWAYS_MEETING_SKIP_LEVEL;
  adw_preferences_group_set_title (self->every_group, skip_level ? _("Skip-Level Topics")
                                                                 : _("Every Time"));

  for (guint i = 0; i < self->points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (self->points, i);
      PathwaysAgendaSection section = section_of (self, point);

      if (section == PATHWAYS_SECTION_CARRIED && carried_is_full (self, counts))
        {
          n_hidden++;
          continue;
        }
      add_row (self, list_of_section (self, section), make_point_row (self, point, section),
               counts, section);
    }

  /* Follow-ups from earlier meetings go with what carried over; this meeting's own action
   * items have their group. */
  for (guint i = 0; i < self->actions->len; i++)
    {
      PathwaysActionItem *item = g_ptr_array_index (self->actions, i);
      gboolean earlier = item->meeting_id != self->meeting->id;

      if (earlier && carried_is_full (self, counts))
        {
          n_hidden++;
          continue;
        }
      add_row (self, earlier ? self->carried_list : self->actions_list,
               make_action_row (self, item), counts, earlier ? PATHWAYS_SECTION_CARRIED : PATHWAYS_SECTION_ACTIONS);
    }

  if (n_hidden > 0)
    add_row (self, self->carried_list, make_more_carried_row (self), counts,
             PATHWAYS_SECTION_CARRIED);
  gtk_widget_set_visible (GTK_WIDGET (self->carried_group), counts[PATHWAYS_SECTION_CARRIED] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->every_group), counts[PATHWAYS_SECTION_EVERY] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->checkin_group), counts[PATHWAYS_SECTION_CHECKIN] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->ladder_group), counts[PATHWAYS_SECTION_LADDER] > 0);

  set_text_quietly (self->shared_view, self->meeting->shared_notes);
  set_text_quietly (self->private_view, self->meeting->private_notes);
  for (int i = 0; i < 5; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->mood_buttons[i]),
                                  self->meeting->mood == i + 1);

  self->loading = FALSE;
}

/**
 * pathways_meeting_view_reload:
 *
 * Reads the meeting again, with its points and action items.
 */
void
pathways_meeting_view_reload (PathwaysMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  gint64 id;

  g_return_if_fail (PATHWAYS_IS_MEETING_VIEW (self));

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->meeting == NULL || self->store == NULL)
    return;
  id = self->meeting->id;

  /* Notes still waiting for their autosave are written first: the rebuild puts the stored
   * notes back in the text views. */
  pathways_meeting_view_flush (self);

  meeting = pathways_store_get_meeting (self->store, id, &error);
  if (meeting != NULL)
    points = pathways_store_list_talking_points (self->store, self->person, id, &error);
  if (points != NULL)
    actions = pathways_store_list_meeting_actions (self->store, meeting, &error);
  if (actions == NULL)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* The old rows point into the old arrays: take them out first. */
  clear_rows (self);
  pathways_meeting_free (self->meeting);
  self->meeting = g_steal_pointer (&meeting);
  g_ptr_array_unref (self->points);
  self->points = g_steal_pointer (&points);
  g_ptr_array_unref (self->actions);
  self->actions = g_steal_pointer (&actions);
  pathways_meeting_view_rebuild (self);
}

/**
 * pathways_meeting_view_show:
 * @meeting_id: the meeting to show
 */
void
pathways_meeting_view_show (PathwaysMeetingView *self,
                            gint64               meeting_id)
{
  g_return_if_fail (PATHWAYS_IS_MEETING_VIEW (self));

  pathways_meeting_view_flush (self);
  clear_rows (self);
  g_clear_pointer (&self->meeting, pathways_meeting_free);
  g_ptr_array_set_size (self->points, 0);
  g_ptr_array_set_size (self->actions, 0);
  if (meeting_id == 0 || self->store == NULL)
    return;

  self->meeting = g_new0 (PathwaysMeeting, 1);
  self->meeting->id = meeting_id;
  self->carried_all = FALSE;
  gtk_toggle_button_set_active (self->shared_preview_button, FALSE);
  gtk_toggle_button_set_active (self->private_preview_button, FALSE);
  pathways_meeting_view_reload (self);
}

gint64
pathways_meeting_view_get_meeting_id (PathwaysMeetingView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MEETING_VIEW (self), 0);

  return self->meeting != NULL ? self->meeting->id : 0;
}

/* ==== notes and mood ==== */

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_notes (PathwaysMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *private_notes = NULL;

  if (self->meeting == NULL || self->store == NULL)
    return;

  shared = dup_buffer_text (self->shared_view);
  private_notes = dup_buffer_text (self->private_view);
  if (!pathways_store_save_meeting_notes (self->store, self->meeting->id, shared, private_notes,
                                          &error))
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_free (self->meeting->shared_notes);
  self->meeting->shared_notes = g_steal_pointer (&shared);
  g_free (self->meeting->private_notes);
  self->meeting->private_notes = g_steal_pointer (&private_notes);
}

static gboolean
notes_timeout_cb (gpointer user_data)
{
  PathwaysMeetingView *self = user_data;

  self->notes_timeout = 0;
  save_notes (self);

  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (PathwaysMeetingView *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (AUTOSAVE_DELAY_MS, notes_timeout_cb, self);
}

/**
 * pathways_meeting_view_flush:
 *
 * Writes any notes still waiting for their autosave.
 */
void
pathways_meeting_view_flush (PathwaysMeetingView *self)
{
  g_return_if_fail (PATHWAYS_IS_MEETING_VIEW (self));

  if (self->notes_timeout != 0)
    {
      g_clear_handle_id (&self->notes_timeout, g_source_remove);
      save_notes (self);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_object_get_data (G_OBJECT (row), "notes-timeout") != NULL)
        {
          g_object_set_data (G_OBJECT (row), "notes-timeout", NULL);
          notes_save_cb (row);
        }
    }
}

static void
on_preview_toggled (PathwaysMeetingView *self,
                    GtkToggleButton     *button)
{
  gboolean shared = button == self->shared_preview_button;
  GtkStack *stack = shared ? self->shared_stack : self->private_stack;
  GtkWidget *frame = shared ? self->shared_preview_frame : self->private_preview_frame;
  GtkWidget **preview = shared ? &self->shared_preview : &self->private_preview;
  g_autofree char *text = NULL;
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;

  if (!gtk_toggle_button_get_active (button))
    {
      gtk_stack_set_visible_child (stack, gtk_widget_get_first_child (GTK_WIDGET (stack)));
      return;
    }

  text = dup_buffer_text (shared ? self->shared_view : self->private_view);
  doc = pathways_markdown_doc_parse (text, -1, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  if (*preview == NULL)
    {
      *preview = pathways_markdown_view_new ();
      gtk_widget_set_size_request (*preview, -1, 80);
      gtk_accessible_update_property (GTK_ACCESSIBLE (*preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      shared ? _("Shared Notes Preview")
                                             : _("Private Notes Preview"),
                                      -1);
      gtk_frame_set_child (GTK_FRAME (frame), *preview);
    }
  pathways_markdown_view_set_document (PATHWAYS_MARKDOWN_VIEW (*preview), doc, NULL, NULL);
  gtk_stack_set_visible_child (stack, frame);
}

static void
on_mood_toggled (GtkToggleButton     *button,
                 PathwaysMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  int mood = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mood"));
  gboolean active = gtk_toggle_button_get_active (button);

  if (self->loading || self->meeting == NULL)
    return;

  /* One tap sets it; tapping the same again clears it. */
  if (!active && self->meeting->mood != mood)
    return;
  if (!pathways_store_set_meeting_mood (self->store, self->meeting->id, active ? mood : 0,
                                        &error))
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  self->meeting->mood = active ? mood : 0;

  self->loading = TRUE;
  for (int i = 0; i < 5; i++)
    if (self->mood_buttons[i] != GTK_WIDGET (button))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->mood_buttons[i]), FALSE);
  self->loading = FALSE;
}

/* ==== adding ==== */

static void
on_add_point (PathwaysMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_point_row));
  PathwaysOwner owner = gtk_drop_down_get_selected (self->point_owner_dropdown) == 1
                        ? PATHWAYS_OWNER_THEM : PATHWAYS_OWNER_ME;

  if (self->meeting == NULL || g_strstrip (g_strdup (text))[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (pathways_store_add_talking_point (self->store, self->person, self->meeting->id, text,
                                        owner, &error) == 0)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_point_row), "");
  pathways_meeting_view_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_point_row));
}

static void
on_add_action (PathwaysMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_action_row));
  PathwaysOwner owner = gtk_drop_down_get_selected (self->action_owner_dropdown) == 1
                        ? PATHWAYS_OWNER_THEM : PATHWAYS_OWNER_ME;

  if (self->meeting == NULL)
    return;
  if (pathways_store_add_action_item (self->store, self->person, self->meeting->id, text, owner,
                                      NULL, &error) == 0)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_action_row), "");
  pathways_meeting_view_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_action_row));
}

/* ==== meeting actions ==== */

static void
set_status (PathwaysMeetingView   *self,
            PathwaysMeetingStatus  status,
            const char            *message)
{
  g_autoptr(GError) error = NULL;

  pathways_meeting_view_flush (self);
  if (!pathways_store_set_meeting_status (self->store, self->meeting->id, status, &error))
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  pathways_show_toast (GTK_WIDGET (self), message);
  pathways_meeting_view_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);

  if (self->meeting == NULL)
    return;

  if (g_str_equal (action_name, "meeting.held"))
    set_status (self, PATHWAYS_MEETING_HELD,
                _("Marked as held. What wasn’t discussed carries over to the next one."));
  else if (g_str_equal (action_name, "meeting.cancel"))
    set_status (self, PATHWAYS_MEETING_CANCELLED,
                _("Meeting cancelled. Its agenda carries over to the next one."));
  else
    set_status (self, PATHWAYS_MEETING_PLANNED, _("Meeting reopened"));
}

static void
move_dialog_validate (GtkEditable      *editable,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  gboolean ok;

  g_strdelimit (text, " ", 'T');
  ok = pathways_agenda_scheduled_is_valid (text);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  adw_message_dialog_set_response_enabled (dialog, "accept", ok);
}

static void
move_dialog_response (AdwMessageDialog    *dialog,
                      const char          *response,
                      PathwaysMeetingView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *text = NULL;
  g_autoptr(PathwaysMeeting) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "accept") || self->meeting == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_strdelimit (text, " ", 'T');
  pathways_meeting_view_flush (self);
  moved = pathways_store_move_meeting (self->store, self->meeting->id, text, &error);
  if (moved == NULL)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  when = pathways_format_scheduled (moved->scheduled_at);
  /* Translators: after moving a meeting; %s is its new date */
  message = g_strdup_printf (_("Moved to %s"), when);
  pathways_show_toast (GTK_WIDGET (self), message);
  pathways_meeting_view_show (self, moved->id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);
  g_autofree char *current = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  if (self->meeting == NULL)
    return;

  current = g_strdup (self->meeting->scheduled_at);
  g_strdelimit (current, "T", ' ');
  dialog = pathways_form_dialog_new (widget, _("Move Meeting"),
                                     _("The old date stays in the history, marked as moved. "
                                       "The agenda and notes go with the meeting."),
                                     _("_Move"));
  entry = pathways_form_dialog_add_entry (dialog, _("New Date and Time (YYYY-MM-DD HH:MM)"),
                                          current);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (move_dialog_validate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_dialog_response), self, 0);
  move_dialog_validate (entry, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pathways_meeting_view_dup_agenda:
 * @include_private: whether private notes go in
 *
 * Returns: (transfer full) (nullable): the agenda as Markdown, as copied or exported
 */
char *
pathways_meeting_view_dup_agenda (PathwaysMeetingView *self,
                                  gboolean             include_private)
{
  g_return_val_if_fail (PATHWAYS_IS_MEETING_VIEW (self), NULL);

  if (self->meeting == NULL)
    return NULL;

  pathways_meeting_view_flush (self);

  return pathways_agenda_to_markdown (self->meeting, pathways_person_get_name (self->person),
                                      self->points, self->actions, include_private);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);
  gboolean include_private = g_str_equal (action_name, "meeting.copy-private");
  g_autofree char *agenda = pathways_meeting_view_dup_agenda (self, include_private);

  if (agenda == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), agenda);
  pathways_show_toast (GTK_WIDGET (self), include_private ? _("Agenda copied, with private notes")
                               : _("Agenda copied, without private notes"));
}

static void
write_export (PathwaysMeetingView *self,
              GFile               *file)
{
  g_autofree char *agenda = pathways_meeting_view_dup_agenda (self, FALSE);
  g_autoptr(GError) error = NULL;

  if (agenda == NULL)
    return;

  if (!g_file_replace_contents (file, agenda, strlen (agenda), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The agenda could not be saved: %s"),
                                                  error->message);

      pathways_show_toast (GTK_WIDGET (self), message);
      return;
    }
  pathways_show_toast (GTK_WIDGET (self), _("Agenda exported, without private notes"));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_dialog_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PathwaysMeetingView) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    write_export (self, file);
}
#else
static void
export_chooser_response (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(PathwaysMeetingView) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        write_export (self, file);
    }
  g_object_unref (chooser);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (self->meeting == NULL)
    return;

  date = pathways_agenda_dup_date (self->meeting->scheduled_at);
  /* Translators: the suggested file name of an exported agenda */
  name = g_strdup_printf (_("1-on-1 %s %s.md"), pathways_person_get_name (self->person), date);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Agenda"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, parent, NULL, export_dialog_done, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (_("Export Agenda"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                   _("_Export"), _("_Cancel"));

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response),
                      g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
import_dialog_response (AdwMessageDialog    *dialog,
                        const char          *response,
                        PathwaysMeetingView *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "text-view");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  if (!g_str_equal (response, "accept") || self->meeting == NULL)
    return;

  text = dup_buffer_text (view);
  lines = pathways_agenda_parse_import (text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (pathways_store_add_talking_point (self->store, self->person, self->meeting->id,
                                            lines[i], PATHWAYS_OWNER_THEM, &error) == 0)
        break;
      added++;
    }

  if (error != NULL)
    pathways_show_toast (GTK_WIDGET (self), error->message);
  else
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u talking point",
                                              "Added %u talking points", added),
                                 added);
      pathways_show_toast (GTK_WIDGET (self), message);
    }
  pathways_meeting_view_reload (self);
}

static void
on_import_text_changed (GtkTextBuffer    *buffer,
                        AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = pathways_agenda_parse_import (text);
  adw_message_dialog_set_response_enabled (dialog, "accept", lines[0] != NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);
  g_autofree char *first = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *view;

  if (self->meeting == NULL)
    return;

  first = dup_first_name (self->person);
  /* Translators: %s is the report's first name */
  body = g_strdup_printf (_("Paste what %s sent: each bullet or line becomes a talking point "
                            "of theirs."), first);
  dialog = pathways_form_dialog_new (widget, _("Import Talking Points"), body, _("_Import"));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Talking Points to Import"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (dialog, scrolled);
  g_object_set_data (G_OBJECT (dialog), "text-view", view);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_import_text_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->meeting == NULL)
    return;

  if (pathways_store_add_prompt (self->store, self->person, self->meeting->id, self->guide,
                                 &error) == 0)
    pathways_show_toast (GTK_WIDGET (self), error->message);
  pathways_meeting_view_reload (self);
}

/* ==== "Add as evidence" ==== */

typedef struct
{
  PathwaysStore        *store;
  PathwaysPerson       *person;
  GPtrArray            *keys;   /* char*: "win", "growth", or an expectation key */
  GPtrArray            *texts;  /* char*: the expectation's text, or "" */
  AdwComboRow          *choice;
  GtkEditable          *body;
  GtkEditable          *date;
  GtkWidget            *parent;
} EvidenceDialog;

static void
evidence_dialog_free (gpointer user_data)
{
  EvidenceDialog *data = user_data;

  g_clear_object (&data->store);
  g_clear_object (&data->person);
  g_ptr_array_unref (data->keys);
  g_ptr_array_unref (data->texts);
  g_free (data);
}

static void
evidence_dialog_validate (GtkEditable    *editable,
                          EvidenceDialog *data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (editable)));
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (data->body)));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));

  adw_message_dialog_set_response_enabled (dialog, "accept",
                                           body[0] != '\0' && pathways_date_is_valid (date));
}

static void
evidence_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          EvidenceDialog   *data)
{
  guint index = adw_combo_row_get_selected (data->choice);
  const char *key;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  const char *message;
  gboolean ok;

  if (!g_str_equal (response, "accept") || index >= data->keys->len)
    return;

  key = g_ptr_array_index (data->keys, index);
  date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));
  if (g_str_equal (key, "win") || g_str_equal (key, "growth"))
    {
      ok = pathways_store_add_note (data->store, data->person,
                                    g_str_equal (key, "win") ? PATHWAYS_NOTE_WIN
                                                             : PATHWAYS_NOTE_GROWTH,
                                    gtk_editable_get_text (data->body), date, NULL, &error) != 0;
      message = g_str_equal (key, "win") ? _("Noted as a win for the next review")
                                         : _("Noted as growth for the next review");
    }
  else
    {
      ok = pathways_store_add_evidence (data->store, data->person, key,
                                        g_ptr_array_index (data->texts, index),
                                        gtk_editable_get_text (data->body), date, &error) != 0;
      message = _("Added as evidence on the Ladder tab");
    }

  overlay = gtk_widget_get_ancestor (data->parent, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (ok ? message : error->message));
}

/**
 * pathways_show_add_as_evidence:
 * @parent: a widget of the window
 * @store: the store
 * @person: whose evidence
 * @ladder: (nullable): the ladder, for the target level's expectations
 * @text: what to record, to be edited
 * @date: when it happened, "YYYY-MM-DD"
 *
 * Asks what a note or talking point is evidence of — a win or growth note for the next
 * review, or an expectation of their target (or current) level — and records it.
 */
void
pathways_show_add_as_evidence (GtkWidget            *parent,
                               PathwaysStore        *store,
                               PathwaysPerson       *person,
                               const PathwaysLadder *ladder,
                               const char           *text,
                               const char           *date)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  EvidenceDialog *data = g_new0 (EvidenceDialog, 1);
  const PathwaysLevel *levels[2] = { NULL, NULL };
  AdwMessageDialog *dialog;

  data->store = g_object_ref (store);
  data->person = g_object_ref (person);
  data->parent = parent;
  data->keys = g_ptr_array_new_with_free_func (g_free);
  data->texts = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (names, _("A win, for the next review"));
  g_ptr_array_add (data->keys, g_strdup ("win"));
  g_ptr_array_add (data->texts, g_strdup (""));
  gtk_string_list_append (names, _("Growth, for the next review"));
  g_ptr_array_add (data->keys, g_strdup ("growth"));
  g_ptr_array_add (data->texts, g_strdup (""));

  if (ladder != NULL)
    levels[0] = pathways_ladder_find_target (ladder, pathways_person_get_ladder_path (person),
                                             pathways_person_get_level (person),
                                             pathways_person_get_target_path (person),
                                             pathways_person_get_target_level (person),
                                             &levels[1]);
  if (levels[1] == levels[0])
    levels[1] = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      const PathwaysLevel *level = levels[l];
      g_autofree char *level_name = NULL;

      if (level == NULL)
        continue;
      level_name = pathways_level_dup_display_name (level);
      for (guint i = 0; i < level->competencies->len; i++)
        {
          PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);
          g_autofree char *name = g_strdup_printf ("%s: %s", level_name, competency->label);

          gtk_string_list_append (names, name);
          g_ptr_array_add (data->keys, g_strdup (competency->key));
          g_ptr_array_add (data->texts, g_strdup (competency->text));
        }
      for (guint i = 0; i < level->responsibilities->len; i++)
        {
          PathwaysResponsibility *responsibility = g_ptr_array_index (level->responsibilities, i);
          g_autofree char *short_text = g_utf8_substring (responsibility->text, 0, 60);
          g_autofree char *name = g_strdup_printf ("%s: %s%s", level_name, short_text,
                                                   g_utf8_strlen (responsibility->text, -1) > 60
                                                   ? "…" : "");

          gtk_string_list_append (names, name);
          g_ptr_array_add (data->keys, g_strdup (responsibility->key));
          g_ptr_array_add (data->texts, g_strdup (responsibility->text));
        }
    }

  dialog = pathways_form_dialog_new (parent, _("Add as Evidence"),
                                     _("Keep it for the next review, or as evidence of an "
                                       "expectation on their ladder."),
                                     _("_Add"));
  data->choice = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->choice), _("Evidence Of"));
  adw_combo_row_set_model (data->choice, G_LIST_MODEL (names));
  pathways_form_dialog_add_row (dialog, GTK_WIDGET (data->choice));
  data->body = pathways_form_dialog_add_entry (dialog, _("What Happened"), text);
  data->date = pathways_form_dialog_add_entry (dialog, _("Date (YYYY-MM-DD)"), date);
  g_signal_connect (data->body, "changed", G_CALLBACK (evidence_dialog_validate), data);
  g_signal_connect (data->date, "changed", G_CALLBACK (evidence_dialog_validate), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (evidence_dialog_response), data,
                         (GClosureNotify) (void (*) (void)) evidence_dialog_free, 0);
  evidence_dialog_validate (data->body, data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
notes_evidence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->shared_view);
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  GtkTextIter start, end;

  if (self->meeting == NULL)
    return;

  /* The selected words, or all of the notes. */
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  date = pathways_agenda_dup_date (self->meeting->scheduled_at);
  pathways_show_add_as_evidence (widget, self->store, self->person, self->ladder,
                                 g_strstrip (text), date);
}

/* ==== GObject ==== */

static void
pathways_meeting_view_dispose (GObject *object)
{
  PathwaysMeetingView *self = PATHWAYS_MEETING_VIEW (object);

  if (self->points != NULL)
    pathways_meeting_view_flush (self);
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->rows != NULL)
    clear_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_MEETING_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->meeting, pathways_meeting_free);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_meeting_view_parent_class)->dispose (object);
}

static void
pathways_meeting_view_class_init (PathwaysMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_meeting_view_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-meeting-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, held_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, carried_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, every_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, points_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, checkin_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, ladder_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, actions_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, carried_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, every_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, points_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, checkin_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, ladder_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, actions_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, add_point_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, point_owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, add_action_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, action_owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, shared_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, shared_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, shared_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, shared_preview_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, shared_preview_frame);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, private_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, private_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, private_preview_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, private_preview_frame);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMeetingView, mood_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_point);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_toggled);

  gtk_widget_class_install_action (widget_class, "meeting.held", NULL, status_action);
  gtk_widget_class_install_action (widget_class, "meeting.cancel", NULL, status_action);
  gtk_widget_class_install_action (widget_class, "meeting.reopen", NULL, status_action);
  gtk_widget_class_install_action (widget_class, "meeting.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "meeting.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "meeting.copy-private", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "meeting.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "meeting.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "meeting.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "meeting.notes-evidence", NULL,
                                   notes_evidence_action);
}

static void
pathways_meeting_view_init (PathwaysMeetingView *self)
{
  static const char * const mood_names[] = {
    N_("Mood 1 of 5, low"), N_("Mood 2 of 5"), N_("Mood 3 of 5"), N_("Mood 4 of 5"),
    N_("Mood 5 of 5, great"),
  };
  GtkWidget *suffix, *evidence;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_talking_point_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_action_item_free);
  self->rows = g_ptr_array_new ();

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "mood", GINT_TO_POINTER (i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(mood_names[i]), -1);
      gtk_widget_set_tooltip_text (button, _(mood_names[i]));
      gtk_widget_set_size_request (button, 44, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (on_mood_toggled), self);
      gtk_box_append (GTK_BOX (self->mood_box), button);
      self->mood_buttons[i] = button;
    }

  /* Shared notes: "Add as Evidence…" next to Preview. */
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  evidence = gtk_button_new_with_mnemonic (_("Add as _Evidence…"));
  gtk_widget_add_css_class (evidence, "flat");
  gtk_widget_set_valign (evidence, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (evidence), "meeting.notes-evidence");
  gtk_widget_set_tooltip_text (evidence, _("Record the selected notes (or all of them) as a "
                                           "win, growth or ladder evidence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (evidence), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Notes as Evidence"), -1);
  g_object_ref (self->shared_preview_button);
  adw_preferences_group_set_header_suffix (self->shared_group, NULL);
  gtk_box_append (GTK_BOX (suffix), evidence);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->shared_preview_button));
  g_object_unref (self->shared_preview_button);
  adw_preferences_group_set_header_suffix (self->shared_group, suffix);

  g_signal_connect_object (gtk_text_view_get_buffer (self->shared_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->private_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/**
 * pathways_meeting_view_set_context:
 * @store: the store
 * @person: whose meetings
 * @guide: (nullable): the 1-on-1 guide, for topic details and questions (borrowed)
 * @ladder: (nullable): the ladder, for "Add as evidence" (borrowed)
 */
void
pathways_meeting_view_set_context (PathwaysMeetingView  *self,
                                   PathwaysStore        *store,
                                   PathwaysPerson       *person,
                                   const PathwaysGuide  *guide,
                                   const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_MEETING_VIEW (self));

  if (person != self->person)
    pathways_meeting_view_show (self, 0);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->guide = guide;
  self->ladder = ladder;
}
