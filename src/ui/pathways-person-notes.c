/* pathways-person-notes.c: a person's Notes tab. A quick-add row on top writes a dated note
 * in one line; below it the log, newest first and grouped by month, can be filtered by kind.
 * Each note can be edited (kind, text, date, the ladder expectation it speaks to) or deleted,
 * with an Undo. This is what the evidence panel of the review draft reads.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-notes"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-person-notes.h"

/* The kinds in the order the tab offers them, in its dropdowns and its filter. */
static const PathwaysNoteKind kind_order[] = {
  PATHWAYS_NOTE_WIN,
  PATHWAYS_NOTE_GROWTH,
  PATHWAYS_NOTE_FEEDBACK,
  PATHWAYS_NOTE_PLAIN,
};

/* The filter: everything, then one per kind in kind_order. */
#define FILTER_ALL 0
#define N_FILTERS  (G_N_ELEMENTS (kind_order) + 1)

/* How much of a long expectation or note a menu or accessible name quotes. */
#define SHORT_CHARS 60

struct _PathwaysPersonNotes
{
  GtkWidget             parent_instance;

  PathwaysStore        *store;
  PathwaysPerson       *person;
  const PathwaysLadder *ladder;  /* borrowed: the window keeps it alive */
  guint                 filter;  /* FILTER_ALL, or 1 + an index into kind_order */
  GPtrArray            *month_groups;

  GtkWidget            *scroller;
  AdwEntryRow          *add_row;
  GtkDropDown          *kind_dropdown;
  GtkWidget            *filter_bar;
  GtkToggleButton      *filter_buttons[N_FILTERS];
  GtkLabel             *filter_counts[N_FILTERS];
  GtkWidget            *log_box;
  GtkLabel             *no_match_label;
  GtkWidget            *empty_box;
};

G_DEFINE_FINAL_TYPE (PathwaysPersonNotes, pathways_person_notes, GTK_TYPE_WIDGET)

/* ==== kinds, dates and expectations ==== */

static guint
kind_index (PathwaysNoteKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    if (kind_order[i] == kind)
      return i;
  return G_N_ELEMENTS (kind_order) - 1;
}

static const char *
kind_css_class (PathwaysNoteKind kind)
{
  switch (kind)
    {
    case PATHWAYS_NOTE_WIN:
      return "win";
    case PATHWAYS_NOTE_GROWTH:
      return "growth";
    case PATHWAYS_NOTE_FEEDBACK:
      return "feedback";
    case PATHWAYS_NOTE_PLAIN:
    default:
      return "plain";
    }
}

static const char *
filter_get_label (guint filter)
{
  switch (filter)
    {
    case FILTER_ALL:
      /* Translators: the Notes tab's filter that shows every note */
      return C_("notes filter", "All");
    case 1:
      /* Translators: the Notes tab's filter that shows the notes tagged win */
      return C_("notes filter", "Wins");
    case 2:
      /* Translators: the Notes tab's filter that shows the notes tagged growth */
      return C_("notes filter", "Growth");
    case 3:
      /* Translators: the Notes tab's filter that shows the notes tagged feedback */
      return C_("notes filter", "Feedback");
    default:
      /* Translators: the Notes tab's filter that shows the untagged notes */
      return C_("notes filter", "Notes");
    }
}

static const char *
filter_get_empty_text (guint filter)
{
  switch (filter)
    {
    case 1:
      return _("No wins noted yet");
    case 2:
      return _("No growth noted yet");
    case 3:
      return _("No feedback noted yet");
    default:
      return _("No plain notes yet");
    }
}

static gboolean
parse_date (const char *date,
            GDate      *out)
{
  int year, month, day;

  g_date_clear (out, 1);
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (when, format);
}

/* "Today", "Yesterday", else the day and month: the year is in the month's heading. */
static char *
dup_day_label (const char *date,
               const char *today)
{
  GDate day, now;

  if (!parse_date (date, &day))
    return g_strdup (date != NULL ? date : "");
  if (parse_date (today, &now))
    {
      int days = g_date_days_between (&day, &now);

      if (days == 0)
        return g_strdup (_("Today"));
      if (days == 1)
        return g_strdup (_("Yesterday"));
    }
  /* Translators: the day a note is about, under its month's heading; see
   * g_date_time_format() */
  return format_date (&day, _("%A %-d %B"));
}

static char *
dup_month_heading (const char *date)
{
  GDate day;

  if (!parse_date (date, &day))
    return g_strdup (date != NULL ? date : "");
  /* Translators: the heading of a month in the notes log, as in "November 2026"; %OB is the
   * month's name standing alone, see g_date_time_format() */
  return format_date (&day, _("%OB %Y"));
}

static char *
dup_shortened (const char *text,
               guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n\r\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);
  return g_strconcat (g_strstrip (g_utf8_substring (flat, 0, max_chars)), "…", NULL);
}

static char *
dup_responsibility_name (const PathwaysResponsibility *responsibility,
                         const char                   *level_name,
                         const char                   *key)
{
  if (g_strcmp0 (responsibility->key, key) == 0)
    {
      g_autofree char *text = dup_shortened (responsibility->text, SHORT_CHARS);

      return g_strdup_printf ("%s: %s", level_name, text);
    }
  for (guint i = 0; responsibility->children != NULL && i < responsibility->children->len; i++)
    {
      char *found = dup_responsibility_name (g_ptr_array_index (responsibility->children, i),
                                             level_name, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a person reads for an expectation: "Senior Engineer (IC 4): Impact". */
static char *
dup_expectation_name (const PathwaysLadder *ladder,
                      const char           *key)
{
  if (ladder == NULL || key == NULL)
    return NULL;

  for (guint p = 0; p < ladder->paths->len; p++)
    {
      const PathwaysPath *path = g_ptr_array_index (ladder->paths, p);

      for (guint l = 0; l < path->levels->len; l++)
        {
          const PathwaysLevel *level = g_ptr_array_index (path->levels, l);
          g_autofree char *level_name = pathways_level_dup_display_name (level);

          for (guint i = 0; i < level->competencies->len; i++)
            {
              const PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);

              if (g_strcmp0 (competency->key, key) == 0)
                return g_strdup_printf ("%s: %s", level_name, competency->label);
            }
          for (guint i = 0; i < level->responsibilities->len; i++)
            {
              char *found = dup_responsibility_name (g_ptr_array_index (level->responsibilities, i),
                                                     level_name, key);

              if (found != NULL)
                return found;
            }
        }
    }
  return NULL;
}

/* The expectations a note can speak to: those of the person's target level, then of their
 * current one, as the "Add as Evidence" dialog offers them. */
static void
collect_expectations (const PathwaysLadder *ladder,
                      PathwaysPerson       *person,
                      GtkStringList        *names,
                      GPtrArray            *keys)
{
  const PathwaysLevel *levels[2] = { NULL, NULL };

  if (ladder == NULL)
    return;

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
          const PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);
          g_autofree char *name = g_strdup_printf ("%s: %s", level_name, competency->label);

          gtk_string_list_append (names, name);
          g_ptr_array_add (keys, g_strdup (competency->key));
        }
      for (guint i = 0; i < level->responsibilities->len; i++)
        {
          const PathwaysResponsibility *responsibility =
            g_ptr_array_index (level->responsibilities, i);
          g_autofree char *text = dup_shortened (responsibility->text, SHORT_CHARS);
          g_autofree char *name = g_strdup_printf ("%s: %s", level_name, text);

          gtk_string_list_append (names, name);
          g_ptr_array_add (keys, g_strdup (responsibility->key));
        }
    }
}

static void
show_toast (PathwaysPersonNotes *self,
            AdwToast            *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_debug ("%s", adw_toast_get_title (toast));
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ==== the filter ==== */

static void on_filter_toggled (GtkToggleButton     *button,
                               PathwaysPersonNotes *self);

static void
set_filter (PathwaysPersonNotes *self,
            guint                filter)
{
  self->filter = filter;
  for (guint i = 0; i < N_FILTERS; i++)
    {
      g_signal_handlers_block_by_func (self->filter_buttons[i], on_filter_toggled, self);
      gtk_toggle_button_set_active (self->filter_buttons[i], i == filter);
      g_signal_handlers_unblock_by_func (self->filter_buttons[i], on_filter_toggled, self);
    }
}

static gboolean
filter_shows (guint            filter,
              PathwaysNoteKind kind)
{
  return filter == FILTER_ALL || kind_order[filter - 1] == kind;
}

static void
on_filter_toggled (GtkToggleButton     *button,
                   PathwaysPersonNotes *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < N_FILTERS; i++)
    if (self->filter_buttons[i] == button)
      self->filter = i;
  pathways_person_notes_reload (self);
}

static void
update_filter_counts (PathwaysPersonNotes *self,
                      const guint         *counts)
{
  for (guint i = 0; i < N_FILTERS; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *accessible = NULL;

      gtk_label_set_text (self->filter_counts[i], count);
      /* Translators: the accessible name of a filter button of the Notes tab, as in
       * "Wins, 4 notes" */
      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u note", "%s, %u notes",
                                                 counts[i]),
                                    filter_get_label (i), counts[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

/* ==== the log ==== */

static GtkWidget *
make_kind_pill (PathwaysNoteKind kind)
{
  GtkWidget *pill = gtk_label_new (pathways_note_kind_get_label (kind));

  gtk_widget_add_css_class (pill, "pathways-note-kind");
  gtk_widget_add_css_class (pill, kind_css_class (kind));
  gtk_widget_set_valign (pill, GTK_ALIGN_BASELINE);
  return pill;
}

static GMenuModel *
make_note_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target_value (item, "notes.edit", g_variant_new_int64 (id));
  g_menu_append_item (edit, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "notes.delete", g_variant_new_int64 (id));
  g_menu_append_item (danger, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  return G_MENU_MODEL (menu);
}

static GtkWidget *
make_note_row (PathwaysPersonNotes *self,
               const PathwaysNote  *note,
               const char          *today)
{
  g_autofree char *day = dup_day_label (note->occurred_on, today);
  g_autofree char *short_body = dup_shortened (note->body, SHORT_CHARS);
  g_autofree char *row_label = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GMenuModel) menu_model = make_note_menu (note->id);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date = gtk_label_new (day);
  GtkWidget *body = gtk_label_new (note->body);
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "note-id", GINT_TO_POINTER ((int) note->id));
  /* Translators: the accessible name of a note in the log, as in "Win, Today" */
  row_label = g_strdup_printf (_("%s, %s"), pathways_note_kind_get_label (note->kind), day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, short_body,
                                  -1);

  gtk_box_append (GTK_BOX (header), make_kind_pill (note->kind));
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "caption");
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_set_valign (date, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (header), date);
  gtk_box_append (GTK_BOX (texts), header);

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "pathways-note-body");
  gtk_box_append (GTK_BOX (texts), body);

  if (note->expectation_key != NULL)
    {
      g_autofree char *name = dup_expectation_name (self->ladder, note->expectation_key);
      GtkWidget *link = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-list-bullet-symbolic");
      GtkWidget *label = gtk_label_new (name != NULL ? name
                                                     : _("An expectation no longer in the "
                                                         "ladder"));

      gtk_widget_add_css_class (link, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_tooltip_text (icon, _("Ladder expectation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Ladder expectation"), -1);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (link), icon);
      gtk_box_append (GTK_BOX (link), label);
      gtk_widget_add_css_class (link, "pathways-note-expectation");
      gtk_box_append (GTK_BOX (texts), link);
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), menu_model);
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_valign (menu, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (menu, _("More"));
  /* Translators: the accessible name of a note's menu button; %s is the start of the note */
  menu_label = g_strdup_printf (_("More for “%s”"), short_body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (line), texts);
  gtk_box_append (GTK_BOX (line), menu);
  gtk_widget_set_margin_top (line, 10);
  gtk_widget_set_margin_bottom (line, 12);
  gtk_widget_set_margin_start (line, 12);
  gtk_widget_set_margin_end (line, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  g_object_set_data_full (G_OBJECT (row), "note-id", g_memdup2 (&note->id, sizeof note->id),
                          g_free);

  return row;
}

static void
clear_log (PathwaysPersonNotes *self)
{
  for (guint i = 0; i < self->month_groups->len; i++)
    gtk_box_remove (GTK_BOX (self->log_box), g_ptr_array_index (self->month_groups, i));
  g_ptr_array_set_size (self->month_groups, 0);
}

/**
 * pathways_person_notes_reload:
 *
 * Reads the person's notes again: the log, the counts of the filter, the empty state.
 */
void
pathways_person_notes_reload (PathwaysPersonNotes *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = pathways_dup_today ();
  guint counts[N_FILTERS] = { 0, };
  AdwPreferencesGroup *group = NULL;
  char month[8] = "";
  guint shown = 0;

  g_return_if_fail (PATHWAYS_IS_PERSON_NOTES (self));

  clear_log (self);
  if (self->store != NULL && self->person != NULL)
    {
      notes = pathways_store_list_notes (self->store, self->person, NULL, NULL, &error);
      if (notes == NULL)
        pathways_show_toast (GTK_WIDGET (self), error->message);
    }

  /* Newest first, from the store: a heading whenever the month changes. */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const PathwaysNote *note = g_ptr_array_index (notes, i);

      counts[FILTER_ALL]++;
      counts[1 + kind_index (note->kind)]++;
      if (!filter_shows (self->filter, note->kind))
        continue;

      if (group == NULL || note->occurred_on == NULL
          || strncmp (month, note->occurred_on, 7) != 0)
        {
          g_autofree char *heading = dup_month_heading (note->occurred_on);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, heading);
          gtk_box_append (GTK_BOX (self->log_box), GTK_WIDGET (group));
          g_ptr_array_add (self->month_groups, group);
          g_strlcpy (month, note->occurred_on != NULL ? note->occurred_on : "", 8);
        }
      adw_preferences_group_add (group, make_note_row (self, note, today));
      shown++;
    }

  update_filter_counts (self, counts);
  gtk_widget_set_visible (self->empty_box, counts[FILTER_ALL] == 0);
  gtk_widget_set_visible (self->filter_bar, counts[FILTER_ALL] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label),
                          counts[FILTER_ALL] > 0 && shown == 0);
  if (self->filter != FILTER_ALL)
    gtk_label_set_text (self->no_match_label, filter_get_empty_text (self->filter));
}

static GtkWidget *
find_note_row (GtkWidget *widget,
               gint64     id)
{
  if (GTK_IS_LIST_BOX_ROW (widget) &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "note-id")) == (int) id)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_note_row (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * pathways_person_notes_show_note:
 * @self: a #PathwaysPersonNotes
 * @note_id: one of the person's notes
 *
 * Shows every kind of note again and moves the focus to that note, scrolling to it.
 */
void
pathways_person_notes_show_note (PathwaysPersonNotes *self,
                                 gint64               note_id)
{
  GtkWidget *row;

  g_return_if_fail (PATHWAYS_IS_PERSON_NOTES (self));

  set_filter (self, FILTER_ALL);
  pathways_person_notes_reload (self);
  row = find_note_row (self->log_box, note_id);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* ==== adding ==== */

static gboolean
add_quick_note (PathwaysPersonNotes *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree char *today = pathways_dup_today ();
  g_autoptr(GError) error = NULL;
  PathwaysNoteKind kind;

  if (text[0] == '\0' || self->store == NULL || self->person == NULL)
    return FALSE;

  kind = kind_order[MIN (gtk_drop_down_get_selected (self->kind_dropdown),
                         G_N_ELEMENTS (kind_order) - 1)];
  if (pathways_store_add_note (self->store, self->person, kind, text, today, NULL, &error) == 0)
    {
      pathways_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  return TRUE;
}

static void
on_add_activated (PathwaysPersonNotes *self)
{
  PathwaysNoteKind kind = kind_order[MIN (gtk_drop_down_get_selected (self->kind_dropdown),
                                          G_N_ELEMENTS (kind_order) - 1)];

  if (!add_quick_note (self))
    return;
  /* The new note is on top of the log: the filter should not hide it. */
  if (!filter_shows (self->filter, kind))
    set_filter (self, FILTER_ALL);
  pathways_person_notes_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

/**
 * pathways_person_notes_flush:
 *
 * Adds a note still typed in the quick-add row, as it stands: nothing written is lost when
 * the person or the window changes.
 */
void
pathways_person_notes_flush (PathwaysPersonNotes *self)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_NOTES (self));

  if (add_quick_note (self))
    pathways_person_notes_reload (self);
}

/* ==== the note dialog: add and edit ==== */

typedef struct
{
  PathwaysPersonNotes *self;   /* a reference */
  gint64               id;     /* the note edited, or 0 for a new one */
  AdwComboRow         *kind;
  GtkTextBuffer       *body;
  GtkEditable         *date;
  GtkCalendar         *calendar;
  AdwComboRow         *expectation;
  GPtrArray           *keys;   /* char* (nullable) for each choice of expectation */
} NoteDialog;

static void
note_dialog_free (gpointer user_data)
{
  NoteDialog *data = user_data;

  g_clear_object (&data->self);
  g_ptr_array_unref (data->keys);
  g_free (data);
}

static char *
note_dialog_dup_body (NoteDialog *data)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (data->body, &start, &end);
  return gtk_text_buffer_get_text (data->body, &start, &end, FALSE);
}

static void
note_dialog_validate (NoteDialog *data)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (data->date)));
  g_autofree char *body = note_dialog_dup_body (data);
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));
  gboolean date_ok = pathways_date_is_valid (date);

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (data->date), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->date), "error");
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (dialog, "accept",
                                             g_strstrip (body)[0] != '\0' && date_ok);
}

static void
note_dialog_response (AdwMessageDialog *dialog,
                      const char       *response,
                      NoteDialog       *data)
{
  PathwaysPersonNotes *self = data->self;
  guint kind_choice = adw_combo_row_get_selected (data->kind);
  guint expectation_choice = adw_combo_row_get_selected (data->expectation);
  PathwaysNote note = { 0, };
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "accept") || self->store == NULL || self->person == NULL)
    return;

  body = note_dialog_dup_body (data);
  date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));
  note.id = data->id;
  note.person_id = pathways_person_get_id (self->person);
  note.kind = kind_order[MIN (kind_choice, G_N_ELEMENTS (kind_order) - 1)];
  note.body = body;
  note.occurred_on = date;
  note.expectation_key = expectation_choice < data->keys->len
                         ? g_ptr_array_index (data->keys, expectation_choice) : NULL;

  if (data->id == 0)
    {
      ok = pathways_store_add_note (self->store, self->person, note.kind, note.body,
                                    note.occurred_on, note.expectation_key, &error) != 0;
      if (ok && !filter_shows (self->filter, note.kind))
        set_filter (self, FILTER_ALL);
      if (ok)
        show_toast (self, adw_toast_new (_("Note added")));
    }
  else
    ok = pathways_store_save_note (self->store, &note, &error);

  if (!ok)
    pathways_show_toast (GTK_WIDGET (self), error->message);
  pathways_person_notes_reload (self);
}

static void
on_calendar_day_selected (GtkCalendar *calendar,
                          NoteDialog  *data)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (data->date, text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_show (GtkWidget  *popover,
                  NoteDialog *data)
{
  GDate day;
  g_autoptr(GDateTime) when = NULL;

  if (!parse_date (gtk_editable_get_text (data->date), &day))
    return;
  when = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 0, 0, 0);
  g_signal_handlers_block_by_func (data->calendar, on_calendar_day_selected, data);
  gtk_calendar_select_day (data->calendar, when);
  g_signal_handlers_unblock_by_func (data->calendar, on_calendar_day_selected, data);
}

/* A multi-line text field that reads like an entry row: its title above, the text below. */
static GtkWidget *
make_text_row (const char   *title,
               const char   *text,
               GtkTextView **view_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 2);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_add_css_class (view, "pathways-note-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  *view_out = GTK_TEXT_VIEW (view);
  return row;
}

static void
show_note_dialog (PathwaysPersonNotes *self,
                  const PathwaysNote  *note)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) expectations = gtk_string_list_new (NULL);
  NoteDialog *data = g_new0 (NoteDialog, 1);
  AdwMessageDialog *dialog;
  GtkTextView *body_view;
  GtkWidget *calendar_button, *popover;
  guint selected = 0;

  data->self = g_object_ref (self);
  data->id = note->id;
  data->keys = g_ptr_array_new_with_free_func (g_free);

  dialog = pathways_form_dialog_new (GTK_WIDGET (self),
                                     note->id != 0 ? _("Edit Note") : _("Add a Note"),
                                     note->id != 0 ? NULL
                                                   : _("Wins, growth and feedback feed the "
                                                       "review draft."),
                                     note->id != 0 ? _("_Save") : _("_Add"));

  pathways_form_dialog_add_row (dialog, make_text_row (_("Note"), note->body, &body_view));
  data->body = gtk_text_view_get_buffer (body_view);

  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    gtk_string_list_append (kinds, pathways_note_kind_get_label (kind_order[i]));
  data->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->kind), _("Kind"));
  adw_combo_row_set_model (data->kind, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (data->kind, kind_index (note->kind));
  pathways_form_dialog_add_row (dialog, GTK_WIDGET (data->kind));

  data->date = pathways_form_dialog_add_entry (dialog, _("Date (YYYY-MM-DD)"),
                                               note->occurred_on);
  data->calendar = GTK_CALENDAR (gtk_calendar_new ());
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (data->calendar));
  calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (calendar_button), popover);
  gtk_widget_add_css_class (calendar_button, "flat");
  gtk_widget_set_valign (calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (calendar_button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (data->date), calendar_button);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_show), data);
  g_signal_connect (data->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected), data);

  /* "None" first; a key the levels on offer no longer have stays choosable, not dropped. */
  gtk_string_list_append (expectations, _("None"));
  g_ptr_array_add (data->keys, NULL);
  collect_expectations (self->ladder, self->person, expectations, data->keys);
  if (note->expectation_key != NULL)
    {
      guint i;

      for (i = 1; i < data->keys->len; i++)
        if (g_strcmp0 (g_ptr_array_index (data->keys, i), note->expectation_key) == 0)
          break;
      if (i == data->keys->len)
        {
          g_autofree char *name = dup_expectation_name (self->ladder, note->expectation_key);

          gtk_string_list_splice (expectations, 1, 0,
                                  (const char * const[]) {
                                    name != NULL ? name
                                                 : _("An expectation no longer in the ladder"),
                                    NULL });
          g_ptr_array_insert (data->keys, 1, g_strdup (note->expectation_key));
          i = 1;
        }
      selected = i;
    }
  data->expectation = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->expectation),
                                 _("Ladder Expectation"));
  adw_combo_row_set_model (data->expectation, G_LIST_MODEL (expectations));
  /* Below the title the choice has room to be read whole. */
  adw_combo_row_set_use_subtitle (data->expectation, TRUE);
  adw_combo_row_set_selected (data->expectation, selected);
  gtk_widget_set_visible (GTK_WIDGET (data->expectation), data->keys->len > 1);
  pathways_form_dialog_add_row (dialog, GTK_WIDGET (data->expectation));

  g_signal_connect_swapped (data->body, "changed", G_CALLBACK (note_dialog_validate), data);
  g_signal_connect_swapped (data->date, "changed", G_CALLBACK (note_dialog_validate), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (note_dialog_response), data,
                         (GClosureNotify) (void (*) (void)) note_dialog_free, 0);
  note_dialog_validate (data);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (body_view));
}

/**
 * pathways_person_notes_show_add_dialog:
 *
 * Asks for a new note — its text, kind, date (today) and expectation — in a dialog: the
 * quick add from anywhere on the person's page.
 */
void
pathways_person_notes_show_add_dialog (PathwaysPersonNotes *self)
{
  g_autofree char *today = pathways_dup_today ();
  PathwaysNote note = { 0, };

  g_return_if_fail (PATHWAYS_IS_PERSON_NOTES (self));

  if (self->store == NULL || self->person == NULL)
    return;

  note.kind = kind_order[MIN (gtk_drop_down_get_selected (self->kind_dropdown),
                              G_N_ELEMENTS (kind_order) - 1)];
  if (self->filter != FILTER_ALL)
    note.kind = kind_order[self->filter - 1];
  note.occurred_on = today;
  show_note_dialog (self, &note);
}

/* ==== actions ==== */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysPersonNotes *self = PATHWAYS_PERSON_NOTES (widget);
  g_autoptr(PathwaysNote) note = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  note = pathways_store_get_note (self->store, g_variant_get_int64 (param), &error);
  if (note == NULL)
    {
      pathways_show_toast (widget, error->message);
      pathways_person_notes_reload (self);
      return;
    }
  show_note_dialog (self, note);
}

static void
on_undo_delete_clicked (AdwToast            *toast,
                        PathwaysPersonNotes *self)
{
  const PathwaysNote *note = g_object_get_data (G_OBJECT (toast), "note");
  g_autoptr(GError) error = NULL;
  PathwaysPerson *person;

  if (self->store == NULL)
    return;
  /* The note may be another person's by now, if the page moved on: put it back with them. */
  person = pathways_store_lookup_person (self->store, note->person_id);
  if (person == NULL)
    return;
  if (pathways_store_add_note (self->store, person, note->kind, note->body, note->occurred_on,
                               note->expectation_key, &error) == 0)
    pathways_show_toast (GTK_WIDGET (self), error->message);
  pathways_person_notes_reload (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysPersonNotes *self = PATHWAYS_PERSON_NOTES (widget);
  g_autoptr(PathwaysNote) note = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;
  note = pathways_store_get_note (self->store, g_variant_get_int64 (param), &error);
  if (note == NULL || !pathways_store_delete_note (self->store, note->id, &error))
    {
      pathways_show_toast (widget, error->message);
      pathways_person_notes_reload (self);
      return;
    }
  pathways_person_notes_reload (self);

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The toast lives in the window's overlay, out of reach of this widget's actions: its
   * button calls back here, with a copy of the note to add again. */
  g_object_set_data_full (G_OBJECT (toast), "note", g_steal_pointer (&note),
                          (GDestroyNotify) pathways_note_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self,
                           0);
  show_toast (self, toast);
}

/* ==== building ==== */

static GtkWidget *
build_add_group (PathwaysPersonNotes *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    gtk_string_list_append (kinds, pathways_note_kind_get_label (kind_order[i]));

  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add a Note"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Note"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Dated today. Enter adds it to the log."),
                                  -1);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (on_add_activated),
                            self);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (on_add_activated), self);

  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)),
                                                          NULL));
  gtk_drop_down_set_selected (self->kind_dropdown, kind_index (PATHWAYS_NOTE_PLAIN));
  gtk_widget_set_valign (GTK_WIDGET (self->kind_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_dropdown), "pathways-note-kind-choice");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_dropdown), _("Kind of note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of Note"), -1);
  adw_entry_row_add_suffix (self->add_row, GTK_WIDGET (self->kind_dropdown));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->add_row));
  return group;
}

static GtkWidget *
build_filter_bar (PathwaysPersonNotes *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_HORIZONTAL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     NULL);

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter Notes"), -1);
  for (guint i = 0; i < N_FILTERS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *count = gtk_label_new ("0");

      gtk_box_append (GTK_BOX (content), gtk_label_new (filter_get_label (i)));
      gtk_widget_add_css_class (count, "pathways-note-count");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (content), count);
      gtk_button_set_child (GTK_BUTTON (button), content);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->filter_buttons[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_filter_toggled), self);
      gtk_box_append (GTK_BOX (buttons), button);
      self->filter_buttons[i] = GTK_TOGGLE_BUTTON (button);
      self->filter_counts[i] = GTK_LABEL (count);
    }
  set_filter (self, FILTER_ALL);

  /* Too narrow for all five, the bar scrolls rather than widening the page. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), buttons);
  return scroller;
}

static GtkWidget *
build_empty_state (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *title = gtk_label_new (_("No Notes Yet"));
  GtkWidget *description = gtk_label_new (_("Wins, growth and feedback you note here feed "
                                            "the review draft."));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  gtk_widget_set_margin_bottom (icon, 12);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 40);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
build (PathwaysPersonNotes *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();

  gtk_box_append (GTK_BOX (box), build_add_group (self));

  self->filter_bar = build_filter_bar (self);
  gtk_box_append (GTK_BOX (box), self->filter_bar);

  self->log_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (box), self->log_box);

  self->no_match_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->no_match_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->no_match_label), 12);
  gtk_label_set_wrap (GTK_LABEL (self->no_match_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->no_match_label));

  self->empty_box = build_empty_state ();
  gtk_box_append (GTK_BOX (box), self->empty_box);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 32);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* ==== GObject ==== */

static void
pathways_person_notes_map (GtkWidget *widget)
{
  PathwaysPersonNotes *self = PATHWAYS_PERSON_NOTES (widget);

  GTK_WIDGET_CLASS (pathways_person_notes_parent_class)->map (widget);

  /* Notes come from elsewhere too (a 1-on-1's "Add as Evidence"): show them on return. */
  if (self->store != NULL && self->person != NULL)
    pathways_person_notes_reload (self);
}

static void
pathways_person_notes_dispose (GObject *object)
{
  PathwaysPersonNotes *self = PATHWAYS_PERSON_NOTES (object);

  if (self->scroller != NULL)
    {
      pathways_person_notes_flush (self);
      gtk_widget_unparent (self->scroller);
      self->scroller = NULL;
    }
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->month_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_person_notes_parent_class)->dispose (object);
}

static void
pathways_person_notes_class_init (PathwaysPersonNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_person_notes_dispose;
  widget_class->map = pathways_person_notes_map;

  gtk_widget_class_install_action (widget_class, "notes.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", "x", delete_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pathways_person_notes_init (PathwaysPersonNotes *self)
{
  self->month_groups = g_ptr_array_new ();
  build (self);
  pathways_person_notes_reload (self);
}

/**
 * pathways_person_notes_set_context:
 * @store: (nullable): the store
 * @person: (nullable): whose notes
 * @ladder: (nullable): the ladder, for the expectations a note can speak to (borrowed: the
 *   caller keeps it alive)
 */
void
pathways_person_notes_set_context (PathwaysPersonNotes  *self,
                                   PathwaysStore        *store,
                                   PathwaysPerson       *person,
                                   const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_NOTES (self));

  if (person != self->person || store != self->store)
    {
      pathways_person_notes_flush (self);
      gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
      set_filter (self, FILTER_ALL);
    }
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->ladder = ladder;
  pathways_person_notes_reload (self);
}
