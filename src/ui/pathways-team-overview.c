/* pathways-team-overview.c: the Team area with nobody selected — the open action items
 * across the team (the manager's own first), and everyone's next 1-on-1, soonest first.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-team-overview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-agenda.h"
#include "pathways-review.h"
#include "pathways-team-overview.h"

struct _PathwaysTeamOverview
{
  GtkWidget            parent_instance;

  PathwaysStore       *store;
  guint                reload_source;
  guint                n_open;      /* action items listed and not ticked since */
  guint                n_overdue;   /* of those, the overdue ones */
  GPtrArray           *open_actions;   /* PathwaysActionItem: all of them, rows or not yet */
  guint                n_action_rows;  /* the first ones, that have their row */
  GtkWidget           *more_actions_row;

  AdwPreferencesGroup *reviews_group;
  GtkListBox          *reviews_list;
  AdwPreferencesGroup *actions_group;
  GtkListBox          *actions_list;
  AdwPreferencesGroup *meetings_group;
  GtkListBox          *meetings_list;
  AdwPreferencesGroup *catchup_group;
  GtkListBox          *catchup_list;
  AdwPreferencesGroup *evidence_group;
  GtkListBox          *evidence_list;
  const PathwaysLadder *ladder;  /* borrowed: the window keeps it alive */
};

/* Evidence older than this leaves an expectation "without recent evidence". */
#define EVIDENCE_RECENT_WEEKS 8

/* Open action items get their rows this many at a time, a "More" row below: a team with
 * years of 1-on-1s has a thousand of them, and laying out a row of wrapped text takes
 * milliseconds. */
#define ACTIONS_BATCH 20

G_DEFINE_FINAL_TYPE (PathwaysTeamOverview, pathways_team_overview, GTK_TYPE_WIDGET)

enum {
  OPEN_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a listed action item's check button needs to tick it and restyle its row. */
typedef struct
{
  gint64     id;
  gboolean   overdue;
  GtkWidget *title;  /* unowned: a sibling in the same row */
} ActionRow;

/* One person's next 1-on-1: the planned one, or when it should be. */
typedef struct
{
  PathwaysPerson *person;
  char           *when;     /* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" */
  gboolean        planned;
} NextMeeting;

static void
next_meeting_free (gpointer data)
{
  NextMeeting *next = data;

  g_object_unref (next->person);
  g_free (next->when);
  g_free (next);
}

/* ---- dates ---- */

/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", a wall-clock time to format; NULL if it is neither.
 * Read in UTC, which has no daylight-saving gaps: in local time a 02:30 meeting on the
 * night clocks go forward would not exist and would be shown as 03:00. */
static GDateTime *
parse_wall_clock (const char *when)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *stamp = NULL;
  gsize len = when != NULL ? strlen (when) : 0;

  if (len == 10)
    stamp = g_strdup_printf ("%sT00:00:00", when);
  else if (len == 16)
    stamp = g_strdup_printf ("%s:00", when);
  else
    return NULL;

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (stamp, utc);
}

static gboolean
is_today (const char *when,
          const char *today)
{
  return strncmp (when, today, 10) == 0;
}

static gboolean
is_before_today (const char *when,
                 const char *today)
{
  /* ISO dates sort as text. */
  return strncmp (when, today, 10) < 0;
}

static gboolean
is_this_year (GDateTime *date)
{
  g_autoptr(GDateTime) now = pathways_now_local ();

  return g_date_time_get_year (date) == g_date_time_get_year (now);
}

/* "4 Dec", with the year when it is not this one. */
static char *
format_short_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = parse_wall_clock (iso_date);

  if (date == NULL)
    return g_strdup (iso_date);
  if (is_this_year (date))
    /* Translators: an action item's due date, as in "due 4 Dec"; see g_date_time_format() */
    return g_date_time_format (date, _("%-d %b"));
  /* Translators: a due date in another year, as in "due 4 Dec 2027"; see
   * g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/* "Tuesday 1 Dec", with the year when it is not this one. */
static char *
format_day (GDateTime *date)
{
  if (is_this_year (date))
    /* Translators: the day of a 1-on-1, as in "Tuesday 1 Dec"; see g_date_time_format() */
    return g_date_time_format (date, _("%A %-d %b"));
  /* Translators: the day of a 1-on-1 in another year, as in "Tuesday 1 Dec 2027"; see
   * g_date_time_format() */
  return g_date_time_format (date, _("%A %-d %b %Y"));
}

/* A planned 1-on-1: "Tuesday 1 Dec, 10:00", "Today, 10:00", or without the time if it has
 * none. */
static char *
format_planned (const char *when,
                const char *today)
{
  g_autoptr(GDateTime) date = parse_wall_clock (when);
  g_autofree char *day = NULL;
  g_autofree char *at = NULL;

  if (date == NULL)
    return g_strdup (when);

  day = is_today (when, today) ? g_strdup (_("Today")) : format_day (date);
  if (strlen (when) != 16)
    return g_steal_pointer (&day);

  /* Translators: the time of a 1-on-1, as in "Tuesday 1 Dec, 10:00"; see
   * g_date_time_format() */
  at = g_date_time_format (date, _("%H:%M"));
  /* Translators: a 1-on-1's day, then its time: "Tuesday 1 Dec, 10:00" */
  return g_strdup_printf (C_("day and time", "%s, %s"), day, at);
}

/* ---- rows ---- */

static void
list_box_clear (GtkListBox *list)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_box_remove_all (list);
#else
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
#endif
}

/* GTK finds a wrapping label's smallest width by laying its text out at width 0: one
 * character a line, each line shaped again, which for a long text takes far longer than
 * the layout it is shown with. Long texts get a few words' width as their smallest
 * instead, narrow enough for any window; short ones, cheap to measure, keep their own. */
#define WRAP_MIN_CHARS 12

static void
label_set_wrap (GtkLabel *label)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  if (g_utf8_strlen (gtk_label_get_text (label), -1) > 2 * WRAP_MIN_CHARS)
    gtk_label_set_width_chars (label, WRAP_MIN_CHARS);
}

static GtkWidget *
dim_caption_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  label_set_wrap (GTK_LABEL (label));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* The line under a row's title: the details, dimmed, then "Overdue" in the error colour. */
static GtkWidget *
caption_new (const char *text,
             gboolean    overdue)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), dim_caption_label_new (text));
  if (overdue)
    {
      GtkWidget *dot = dim_caption_label_new ("·");
      GtkWidget *mark = gtk_label_new (_("Overdue"));

      gtk_widget_set_valign (mark, GTK_ALIGN_END);
      gtk_widget_add_css_class (mark, "caption");
      gtk_widget_add_css_class (mark, "error");
      gtk_widget_set_valign (dot, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), mark);
    }

  return box;
}

static void
on_open_clicked (GtkButton            *button,
                 PathwaysTeamOverview *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "person-id-value");
  const char *tab = g_object_get_data (G_OBJECT (button), "tab");

  g_signal_emit (self, signals[OPEN_PERSON], 0, *id, tab);
}

static GtkWidget *
open_button_new (PathwaysTeamOverview *self,
                 PathwaysPerson       *person)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gint64 id = pathways_person_get_id (person);
  g_autofree char *label = NULL;

  /* Translators: a button that shows a person's page; %s is their name */
  label = g_strdup_printf (_("Open %s"), pathways_person_get_name (person));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "person-id-value", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);

  return button;
}

/* A row laid out like libadwaita's action rows: an optional control at the start, a title
 * over a caption, and a button at the end. */
static GtkWidget *
row_new (GtkWidget  *prefix,
         GtkWidget  *title,
         const char *caption,
         gboolean    overdue,
         GtkWidget  *suffix)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *description = NULL;

  /* Read as one: "Amara Okafor", then "Due Tuesday 1 Dec · Not prepared yet · Overdue". */
  description = overdue ? g_strdup_printf ("%s · %s", caption, _("Overdue"))
                        : g_strdup (caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (title)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  label_set_wrap (GTK_LABEL (title));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), caption_new (caption, overdue));

  if (prefix != NULL)
    {
      gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), prefix);
    }
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), suffix);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* A list's only row when there is nothing to list, or when it could not be read. */
static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 15);
  gtk_widget_set_margin_bottom (label, 15);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* Counts in a group's description, those that are not zero: "3 open, 1 overdue". Takes
 * the strings; NULL ones are left out. */
static char *
join_counts (char *first,
             char *second)
{
  char *joined;

  if (first == NULL || second == NULL)
    return first != NULL ? first : second;

  /* Translators: two counts in a list's description, as in "3 open, 1 overdue" */
  joined = g_strdup_printf (C_("counts", "%s, %s"), first, second);
  g_free (first);
  g_free (second);

  return joined;
}

/* ---- open action items ---- */

static void
update_actions_description (PathwaysTeamOverview *self)
{
  guint n_open = self->n_open;
  guint n_overdue = self->n_overdue;
  g_autofree char *description = NULL;
  char *open_count = NULL;
  char *overdue_count = NULL;

  if (n_open > 0)
    /* Translators: how many action items are open, in the list's description */
    open_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", n_open),
                                  n_open);
  if (n_overdue > 0)
    /* Translators: how many of them are overdue, as in "3 open, 1 overdue" */
    overdue_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                  n_overdue), n_overdue);
  description = join_counts (open_count, overdue_count);
  adw_preferences_group_set_description (self->actions_group, description);
}

static void
style_done (GtkWidget *title,
            gboolean   done)
{
  PangoAttrList *attrs = NULL;

  if (done)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_widget_add_css_class (title, "dim-label");
    }
  else
    gtk_widget_remove_css_class (title, "dim-label");

  gtk_label_set_attributes (GTK_LABEL (title), attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

static void
on_action_toggled (GtkCheckButton       *check,
                   PathwaysTeamOverview *self)
{
  ActionRow *row = g_object_get_data (G_OBJECT (check), "action-row");
  gboolean done = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL
      || !pathways_store_set_action_done (self->store, row->id, done, 0, &error))
    {
      if (error != NULL)
        pathways_show_toast (GTK_WIDGET (self), error->message);
      g_signal_handlers_block_by_func (check, on_action_toggled, self);
      gtk_check_button_set_active (check, !done);
      g_signal_handlers_unblock_by_func (check, on_action_toggled, self);
      return;
    }

  /* The row stays, ticked, until the next reload: a slip of the mouse is undone in place. */
  style_done (row->title, done);
  if (done)
    {
      self->n_open--;
      self->n_overdue -= row->overdue ? 1 : 0;
    }
  else
    {
      self->n_open++;
      self->n_overdue += row->overdue ? 1 : 0;
    }
  update_actions_description (self);
}

static char *
dup_action_caption (const PathwaysActionItem *item,
                    PathwaysPerson           *person,
                    const char               *today)
{
  const char *name = pathways_person_get_name (person);
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;

  if (item->owner == PATHWAYS_OWNER_ME)
    /* Translators: an action item the manager took on in a 1-on-1; %s is the other
     * person's name */
    owner = g_strdup_printf (_("Yours · with %s"), name);
  else
    owner = g_strdup (name);

  if (item->due_on == NULL)
    return g_steal_pointer (&owner);
  if (is_today (item->due_on, today))
    /* Translators: whose action item it is (a name, or "Yours · with Name"), then when it
     * is due */
    return g_strdup_printf (_("%s · due today"), owner);

  due = format_short_date (item->due_on);
  /* Translators: whose action item it is (a name, or "Yours · with Name"), then its due
   * date, as in "Amara Okafor · due 4 Dec" */
  return g_strdup_printf (_("%s · due %s"), owner, due);
}

static gboolean
is_overdue_action (const PathwaysActionItem *item,
                   const char               *today)
{
  return item->due_on != NULL && is_before_today (item->due_on, today);
}

static GtkWidget *
action_row_new (PathwaysTeamOverview     *self,
                const PathwaysActionItem *item,
                PathwaysPerson           *person,
                const char               *today)
{
  ActionRow *data = g_new0 (ActionRow, 1);
  g_autofree char *caption = dup_action_caption (item, person, today);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *title = gtk_label_new (item->body);

  data->id = item->id;
  data->overdue = is_overdue_action (item, today);
  data->title = title;

  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->body,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "action-row", data, g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_action_toggled), self);

  return row_new (check, title, caption, data->overdue, open_button_new (self, person));
}

/* Adds the next batch of rows, the "More" row staying last while some are left. */
static void
show_more_actions (PathwaysTeamOverview *self)
{
  g_autofree char *today = pathways_dup_today ();
  guint end = MIN (self->n_action_rows + ACTIONS_BATCH, self->open_actions->len);

  if (gtk_widget_get_parent (self->more_actions_row) != NULL)
    gtk_list_box_remove (self->actions_list, self->more_actions_row);
  for (; self->n_action_rows < end; self->n_action_rows++)
    {
      const PathwaysActionItem *item = g_ptr_array_index (self->open_actions,
                                                          self->n_action_rows);
      PathwaysPerson *person = pathways_store_lookup_person (self->store, item->person_id);

      gtk_list_box_append (self->actions_list, action_row_new (self, item, person, today));
    }
  if (self->n_action_rows < self->open_actions->len)
    gtk_list_box_append (self->actions_list, self->more_actions_row);
}

static void
on_more_actions_activated (PathwaysTeamOverview *self)
{
  guint first = self->n_action_rows;

  show_more_actions (self);
  /* The focus was on the row that went away: on to the first of those just added. */
  if (first < self->n_action_rows)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->actions_list,
                                                                      first)));
}

static void
reload_actions (PathwaysTeamOverview *self,
                const char           *today)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  list_box_clear (self->actions_list);
  g_ptr_array_set_size (self->open_actions, 0);
  self->n_action_rows = 0;
  self->n_open = 0;
  self->n_overdue = 0;

  if (self->store != NULL)
    items = pathways_store_list_open_actions (self->store, NULL, &error);

  /* Counted all at once, for the description; listed a batch at a time. */
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PathwaysActionItem *item = g_ptr_array_index (items, i);

      if (pathways_store_lookup_person (self->store, item->person_id) == NULL)
        continue;
      g_ptr_array_add (self->open_actions, g_steal_pointer (&items->pdata[i]));
      self->n_open++;
      self->n_overdue += is_overdue_action (item, today) ? 1 : 0;
    }
  if (self->open_actions->len > 0)
    show_more_actions (self);

  if (error != NULL)
    gtk_list_box_append (self->actions_list, placeholder_row_new (error->message));
  else if (self->n_open == 0)
    gtk_list_box_append (self->actions_list, placeholder_row_new (_("No open action items")));
  update_actions_description (self);
}

/* ---- next 1-on-1s ---- */

static int
compare_next_meetings (gconstpointer a,
                       gconstpointer b)
{
  const NextMeeting *first = *(NextMeeting * const *) a;
  const NextMeeting *second = *(NextMeeting * const *) b;
  int by_date = strcmp (first->when, second->when);

  if (by_date != 0)
    return by_date;

  return g_utf8_collate (pathways_person_get_name (first->person),
                         pathways_person_get_name (second->person));
}

/* Everyone not archived, with their planned meeting or the date one is due. */
static GPtrArray *
list_next_meetings (PathwaysStore  *store,
                    GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (next_meeting_free);
  GListModel *people = pathways_store_get_people (store);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);
      g_autoptr(PathwaysMeeting) planned = NULL;
      g_autoptr(GError) local_error = NULL;
      NextMeeting *next;

      if (pathways_person_get_archived (person))
        continue;

      planned = pathways_store_get_next_meeting (store, person, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      next = g_new0 (NextMeeting, 1);
      next->person = g_object_ref (person);
      next->planned = planned != NULL;
      next->when = planned != NULL ? g_strdup (planned->scheduled_at)
                                   : pathways_store_dup_suggested_date (store, person, NULL);
      g_ptr_array_add (list, next);
    }

  g_ptr_array_sort (list, compare_next_meetings);

  return g_steal_pointer (&list);
}

static char *
dup_meeting_caption (const NextMeeting *next,
                     const char        *today)
{
  g_autofree char *day = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (next->planned)
    {
      day = format_planned (next->when, today);
      /* Translators: a planned 1-on-1, as in "Tuesday 1 Dec, 10:00 · Agenda ready" */
      return g_strdup_printf (_("%s · Agenda ready"), day);
    }

  if (is_today (next->when, today))
    return g_strdup (_("Due today · Not prepared yet"));

  date = parse_wall_clock (next->when);
  day = date != NULL ? format_day (date) : g_strdup (next->when);
  /* Translators: when the next 1-on-1 should be, by its cadence, as in "Due Tuesday 1 Dec ·
   * Not prepared yet" */
  return g_strdup_printf (_("Due %s · Not prepared yet"), day);
}

static void
reload_meetings (PathwaysTeamOverview *self,
                 const char           *today)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  char *planned_count = NULL;
  char *due_count = NULL;
  char *overdue_count = NULL;
  guint n_planned = 0, n_due = 0, n_overdue = 0;

  list_box_clear (self->meetings_list);

  if (self->store != NULL)
    list = list_next_meetings (self->store, &error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const NextMeeting *next = g_ptr_array_index (list, i);
      g_autofree char *caption = dup_meeting_caption (next, today);
      gboolean overdue = is_before_today (next->when, today);
      GtkWidget *title = gtk_label_new (pathways_person_get_name (next->person));

      gtk_list_box_append (self->meetings_list,
                           row_new (NULL, title, caption, overdue,
                                    open_button_new (self, next->person)));
      if (next->planned)
        n_planned++;
      else
        n_due++;
      if (overdue)
        n_overdue++;
    }

  if (error != NULL)
    gtk_list_box_append (self->meetings_list, placeholder_row_new (error->message));
  else if (list == NULL || list->len == 0)
    gtk_list_box_append (self->meetings_list, placeholder_row_new (_("Nobody to meet")));

  if (n_planned > 0)
    /* Translators: how many 1-on-1s are planned, in the list's description, as in
     * "2 planned, 4 to prepare" */
    planned_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned", "%u planned",
                                                  n_planned), n_planned);
  if (n_due > 0)
    /* Translators: how many 1-on-1s are due but not planned yet, as in "2 planned,
     * 4 to prepare" */
    due_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to prepare",
                                              "%u to prepare", n_due), n_due);
  if (n_overdue > 0)
    /* Translators: how many 1-on-1s are past their date, as in "2 planned, 1 overdue" */
    overdue_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                  n_overdue), n_overdue);
  description = join_counts (join_counts (planned_count, due_count), overdue_count);
  adw_preferences_group_set_description (self->meetings_group, description);
}

/* ---- not met in a while ---- */

/* Days from @from to @to, both "YYYY-MM-DD…". */
static int
days_between (const char *from,
              const char *to)
{
  g_autofree char *from_day = g_strndup (from, 10);
  g_autofree char *to_day = g_strndup (to, 10);
  g_autoptr(GDateTime) a = parse_wall_clock (from_day);
  g_autoptr(GDateTime) b = parse_wall_clock (to_day);

  if (a == NULL || b == NULL)
    return 0;
  /* parse_wall_clock() reads UTC, where every day is 24 hours. */
  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

static void
reload_catchup (PathwaysTeamOverview *self,
                const char           *today)
{
  GListModel *people;
  guint n, shown = 0;

  list_box_clear (self->catchup_list);
  if (self->store == NULL)
    return;

  people = pathways_store_get_people (self->store);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);
      g_autofree char *caption = NULL;
      g_autofree char *last = NULL;
      GtkWidget *button;
      guint cadence = pathways_person_get_cadence_weeks (person);
      int days;

      if (pathways_person_get_archived (person))
        continue;
      last = pathways_store_dup_last_held_date (self->store, person);

      days = last != NULL ? days_between (last, today) : -1;
      if (last != NULL && days <= (int) cadence * 7)
        continue;

      if (last == NULL)
        caption = g_strdup (_("No 1-on-1 held yet"));
      else
        /* Translators: "Last 1-on-1 5 weeks ago · every 2 weeks" */
        caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Last 1-on-1 %u week ago · every %u week(s)",
                                                "Last 1-on-1 %u weeks ago · every %u week(s)",
                                                (guint) days / 7),
                                   (guint) days / 7, cadence);
      button = open_button_new (self, person);
      g_object_set_data (G_OBJECT (button), "tab", (gpointer) "meetings");
      gtk_list_box_append (self->catchup_list,
                           row_new (NULL, gtk_label_new (pathways_person_get_name (person)),
                                    caption, last != NULL, button));
      shown++;
    }

  if (shown == 0)
    gtk_list_box_append (self->catchup_list,
                         placeholder_row_new (_("Everyone had a 1-on-1 within their cadence")));
}

/* ---- expectations without recent evidence ---- */

static void
reload_evidence (PathwaysTeamOverview *self,
                 const char           *today)
{
  GListModel *people;
  guint n, shown = 0;

  list_box_clear (self->evidence_list);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), self->ladder != NULL);
  if (self->store == NULL || self->ladder == NULL)
    return;

  people = pathways_store_get_people (self->store);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GPtrArray) stale = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *level_name = NULL;
      g_autofree char *what = NULL;
      const PathwaysStaleExpectation *oldest;
      const char *colon;
      const PathwaysLevel *target;
      GtkWidget *button;

      if (pathways_person_get_archived (person))
        continue;
      target = pathways_ladder_find_target (self->ladder,
                                            pathways_person_get_ladder_path (person),
                                            pathways_person_get_level (person),
                                            pathways_person_get_target_path (person),
                                            pathways_person_get_target_level (person), NULL);
      if (target == NULL)
        continue;
      stale = pathways_store_list_stale_expectations (self->store, person, target, today,
                                                      EVIDENCE_RECENT_WEEKS, FALSE, NULL);
      if (stale == NULL || stale->len == 0)
        continue;

      oldest = g_ptr_array_index (stale, 0);
      level_name = pathways_level_dup_display_name (target);
      /* The competency's name ("Impact: …") says enough; a long responsibility is cut. */
      colon = strchr (oldest->text, ':');
      if (colon != NULL && colon - oldest->text <= 40)
        what = g_strndup (oldest->text, colon - oldest->text);
      else if (g_utf8_strlen (oldest->text, -1) > 60)
        {
          g_autofree char *start = g_utf8_substring (oldest->text, 0, 60);

          what = g_strconcat (start, "…", NULL);
        }
      else
        what = g_strdup (oldest->text);
      /* Translators: "3 expectations of Senior Engineer · Design reviews: …" — the first
       * is the one without evidence for longest */
      caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expectation of %s · %s",
                                              "%u expectations of %s · %s", stale->len),
                                 stale->len, level_name, what);
      button = open_button_new (self, person);
      g_object_set_data (G_OBJECT (button), "tab", (gpointer) "ladder");
      gtk_list_box_append (self->evidence_list,
                           row_new (NULL, gtk_label_new (pathways_person_get_name (person)),
                                    caption, FALSE, button));
      shown++;
    }

  if (shown == 0)
    gtk_list_box_append (self->evidence_list,
                         placeholder_row_new (_("Every expectation has recent evidence")));
}

/**
 * pathways_team_overview_set_ladder:
 * @ladder: (nullable): the handbook's ladder (borrowed: the caller keeps it alive)
 */
void
pathways_team_overview_set_ladder (PathwaysTeamOverview *self,
                                   const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_OVERVIEW (self));

  self->ladder = ladder;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pathways_team_overview_reload (self);
}

/* ---- reviews of the current cycle ---- */

static void
reload_reviews (PathwaysTeamOverview *self,
                const char           *today)
{
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  char *to_write = NULL;
  char *ready = NULL;
  char *delivered = NULL;
  char *days = NULL;
  guint counts[3] = { 0, };
  guint n_people = 0;
  GListModel *people;

  list_box_clear (self->reviews_list);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_group), FALSE);
  if (self->store == NULL)
    return;

  cycle = pathways_store_find_cycle (self->store, today, &error);
  if (cycle == NULL)
    return;

  people = pathways_store_get_people (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);
      g_autoptr(PathwaysReview) review = NULL;
      GtkWidget *name;
      const char *caption;
      guint state;

      if (pathways_person_get_archived (person))
        continue;
      n_people++;
      review = pathways_store_get_review (self->store, person, cycle->id, NULL);
      state = review == NULL ? 0 : review->status == PATHWAYS_REVIEW_DELIVERED ? 2
              : review->status == PATHWAYS_REVIEW_READY ? 1 : 0;
      counts[state]++;
      /* Delivered reviews are done with: the list is what is left to do. */
      if (state == 2)
        continue;
      caption = review == NULL ? _("Not started")
                               : pathways_review_status_get_label (review->status);
      name = gtk_label_new (pathways_person_get_name (person));
      gtk_list_box_append (self->reviews_list,
                           row_new (NULL, name, caption, FALSE, open_button_new (self, person)));
    }

  if (n_people == 0)
    return;
  if (counts[0] + counts[1] == 0)
    gtk_list_box_append (self->reviews_list,
                         placeholder_row_new (_("Every review of this cycle is delivered")));

  /* Translators: the reviews group's title; %s is the review cycle's name */
  title = g_strdup_printf (_("Reviews — %s"), cycle->name);
  adw_preferences_group_set_title (self->reviews_group, title);
  {
    guint left = pathways_cycle_days_left (cycle, today);

    /* Translators: days left in the review cycle, as in "23 days left, 4 to write" */
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left", "%u days left", left),
                            left);
  }
  if (counts[0] > 0)
    /* Translators: reviews not yet written or still drafts */
    to_write = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to write", "%u to write",
                                             counts[0]), counts[0]);
  if (counts[1] > 0)
    ready = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ready", "%u ready", counts[1]),
                             counts[1]);
  if (counts[2] > 0)
    delivered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u delivered", "%u delivered",
                                              counts[2]), counts[2]);
  description = join_counts (join_counts (join_counts (days, to_write), ready), delivered);
  adw_preferences_group_set_description (self->reviews_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_group), TRUE);
}

/* ---- reloading ---- */

static gboolean
reload_cb (gpointer user_data)
{
  PathwaysTeamOverview *self = user_data;

  self->reload_source = 0;
  pathways_team_overview_reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_people_changed (PathwaysTeamOverview *self,
                   guint                 position,
                   guint                 removed,
                   guint                 added,
                   GListModel           *people)
{
  /* A team arrives one person at a time: one reload for them all. While hidden there is
   * nothing to do, showing the overview reloads it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

/* ---- object ---- */

static void
pathways_team_overview_map (GtkWidget *widget)
{
  PathwaysTeamOverview *self = PATHWAYS_TEAM_OVERVIEW (widget);

  /* Ticked items, meetings planned and people edited since it was last shown all change
   * what it says. Read before the next frame is drawn, not now: opening a person from
   * elsewhere shows the Team area, and so this, only to hide it again at once. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_cb, self, NULL);

  GTK_WIDGET_CLASS (pathways_team_overview_parent_class)->map (widget);
}

static void
pathways_team_overview_unmap (GtkWidget *widget)
{
  PathwaysTeamOverview *self = PATHWAYS_TEAM_OVERVIEW (widget);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  GTK_WIDGET_CLASS (pathways_team_overview_parent_class)->unmap (widget);
}

static void
pathways_team_overview_dispose (GObject *object)
{
  PathwaysTeamOverview *self = PATHWAYS_TEAM_OVERVIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (pathways_store_get_people (self->store), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_TEAM_OVERVIEW);
  g_clear_object (&self->more_actions_row);
  g_clear_pointer (&self->open_actions, g_ptr_array_unref);
  /* The scrolled window has no name in the template, so the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pathways_team_overview_parent_class)->dispose (object);
}

static void
pathways_team_overview_class_init (PathwaysTeamOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_team_overview_dispose;
  widget_class->map = pathways_team_overview_map;
  widget_class->unmap = pathways_team_overview_unmap;

  /**
   * PathwaysTeamOverview::open-person:
   * @id: the person's id
   * @tab: (nullable): the tab of their page the row is about ("meetings", "ladder"), or
   *   %NULL for the one shown last
   *
   * Someone's "Open" button was clicked: their page should be shown.
   */
  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-team-overview.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, actions_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, actions_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, catchup_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, catchup_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamOverview, evidence_list);
}

static void
pathways_team_overview_init (PathwaysTeamOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->open_actions = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_action_item_free);
  self->more_actions_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_actions_row), _("More"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->more_actions_row),
                             gtk_image_new_from_icon_name ("go-down-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_actions_row), TRUE);
  g_signal_connect_swapped (self->more_actions_row, "activated",
                            G_CALLBACK (on_more_actions_activated), self);
}

/**
 * pathways_team_overview_set_store:
 * @store: (nullable): the open store, or %NULL while there is none
 */
void
pathways_team_overview_set_store (PathwaysTeamOverview *self,
                                  PathwaysStore        *store)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_OVERVIEW (self));
  g_return_if_fail (store == NULL || PATHWAYS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (pathways_store_get_people (self->store), self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (pathways_store_get_people (store), "items-changed",
                             G_CALLBACK (on_people_changed), self, G_CONNECT_SWAPPED);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pathways_team_overview_reload (self);
}

/**
 * pathways_team_overview_reload:
 *
 * Reads the open action items and the next 1-on-1s again. Showing the overview and a
 * change to the list of people do this already.
 */
void
pathways_team_overview_reload (PathwaysTeamOverview *self)
{
  g_autofree char *today = pathways_dup_today ();

  g_return_if_fail (PATHWAYS_IS_TEAM_OVERVIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  reload_reviews (self, today);
  reload_actions (self, today);
  reload_meetings (self, today);
  reload_catchup (self, today);
  reload_evidence (self, today);
}
