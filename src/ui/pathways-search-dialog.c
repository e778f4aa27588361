/* pathways-search-dialog.c: Ctrl+K — one box that searches the handbook and the records.
 *
 * The entry keeps the focus while the results change under it: Up and Down move through
 * them, Enter opens the one selected, Escape closes. Results come grouped — Handbook,
 * People, 1-on-1s, Reviews, Notes — each match in bold in its snippet.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-search"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-search-dialog.h"

/* The most results a group shows, and what is asked of each source. */
#define MAX_PER_GROUP 8
#define HANDBOOK_LIMIT MAX_PER_GROUP
#define RECORDS_LIMIT 40

/* While the index is being built, results are refreshed at most this often. */
#define REFRESH_USEC (400 * G_TIME_SPAN_MILLISECOND)

typedef enum
{
  GROUP_HANDBOOK,
  GROUP_PEOPLE,
  GROUP_MEETINGS,
  GROUP_REVIEWS,
  GROUP_NOTES,
  N_GROUPS
} Group;

struct _PathwaysSearchDialog
{
  AdwWindow            parent_instance;

  PathwaysSearchIndex *index;
  PathwaysDb          *db;
  char                *problem;     /* why the handbook can't be searched, or NULL */
  GPtrArray           *results;     /* PathwaysSearchResult*, what the rows point at */
  gint64               last_refresh;

  GtkSearchEntry      *entry;
  GtkRevealer         *status_revealer;
  GtkLabel            *status_label;
  GtkProgressBar      *progress;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (PathwaysSearchDialog, pathways_search_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_OPEN_RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Group
group_of (PathwaysSearchKind kind)
{
  switch (kind)
    {
    case PATHWAYS_SEARCH_HANDBOOK:
      return GROUP_HANDBOOK;
    case PATHWAYS_SEARCH_PERSON:
      return GROUP_PEOPLE;
    case PATHWAYS_SEARCH_MEETING:
    case PATHWAYS_SEARCH_TALKING_POINT:
    case PATHWAYS_SEARCH_ACTION_ITEM:
      return GROUP_MEETINGS;
    case PATHWAYS_SEARCH_REVIEW:
    case PATHWAYS_SEARCH_EVIDENCE:
      return GROUP_REVIEWS;
    case PATHWAYS_SEARCH_NOTE:
    default:
      return GROUP_NOTES;
    }
}

static const char *
group_title (Group group)
{
  switch (group)
    {
    case GROUP_HANDBOOK:
      return _("Handbook");
    case GROUP_PEOPLE:
      return _("People");
    case GROUP_MEETINGS:
      return _("1-on-1s");
    case GROUP_REVIEWS:
      return _("Reviews");
    case GROUP_NOTES:
    case N_GROUPS:
    default:
      return _("Notes");
    }
}

/* "12 Mar 2026", in the user's locale. */
static char *
dup_display_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      (date = g_date_time_new_local (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date in search results, see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/**
 * pathways_search_dup_snippet_markup:
 * @snippet: (nullable): a result's snippet with its match marks
 *
 * Returns: (transfer full): Pango markup: the text escaped, on one line, matches in bold
 */
char *
pathways_search_dup_snippet_markup (const char *snippet)
{
  GString *out = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";

  while (*p != '\0')
    {
      const char *next = p;
      g_autofree char *escaped = NULL;

      while (*next != '\0' && *next != PATHWAYS_SEARCH_MARK_START &&
             *next != PATHWAYS_SEARCH_MARK_END)
        next++;

      escaped = g_markup_escape_text (p, next - p);
      g_string_append (out, escaped);

      if (*next == PATHWAYS_SEARCH_MARK_START)
        g_string_append (out, "<b>");
      else if (*next == PATHWAYS_SEARCH_MARK_END)
        g_string_append (out, "</b>");
      p = *next != '\0' ? next + 1 : next;
    }

  g_strdelimit (out->str, "\n\r\t", ' ');
  return g_string_free (out, FALSE);
}

/* What a row says a result is. */
static char *
dup_result_title (const PathwaysSearchResult *result)
{
  g_autofree char *date = dup_display_date (result->date);
  const char *name = result->title != NULL ? result->title : "";

  switch (result->kind)
    {
    case PATHWAYS_SEARCH_HANDBOOK:
      return g_strdup (result->context != NULL && *result->context != '\0'
                       ? result->context : name);
    case PATHWAYS_SEARCH_PERSON:
      return g_strdup (name);
    case PATHWAYS_SEARCH_MEETING:
      if (result->is_private)
        /* Translators: a search result: a person's name, then a date */
        return g_strdup_printf (_("Private notes, 1-on-1 with %s on %s"), name, date);
      if (g_strcmp0 (result->context, "skip-level") == 0)
        /* Translators: a search result: a person's name, then a date */
        return g_strdup_printf (_("Skip-level with %s on %s"), name, date);
      /* Translators: a search result: a person's name, then a date */
      return g_strdup_printf (_("1-on-1 with %s on %s"), name, date);
    case PATHWAYS_SEARCH_TALKING_POINT:
      if (result->meeting_id == 0)
        /* Translators: a search result: a person's name */
        return g_strdup_printf (_("Talking point for the next 1-on-1 with %s"), name);
      /* Translators: a search result: a person's name, then a date */
      return g_strdup_printf (_("Talking point, 1-on-1 with %s on %s"), name, date);
    case PATHWAYS_SEARCH_ACTION_ITEM:
      if (g_strcmp0 (result->context, "done") == 0)
        /* Translators: a search result: a person's name, then a date */
        return g_strdup_printf (_("Done action item, %s, %s"), name, date);
      /* Translators: a search result: a person's name, then a date */
      return g_strdup_printf (_("Open action item, %s, %s"), name, date);
    case PATHWAYS_SEARCH_NOTE:
      /* Translators: a search result: a person's name, then a date */
      return g_strdup_printf (_("Note about %s, %s"), name, date);
    case PATHWAYS_SEARCH_REVIEW:
      /* Translators: a search result: a person's name, then a review cycle's name */
      return g_strdup_printf (_("Review of %s, %s"), name,
                              result->context != NULL ? result->context : "");
    case PATHWAYS_SEARCH_EVIDENCE:
      /* Translators: a search result: a person's name, then a ladder expectation */
      return g_strdup_printf (_("Evidence for %s: %s"), name,
                              result->context != NULL ? result->context : "");
    default:
      return g_strdup (name);
    }
}

static GtkWidget *
make_row (const PathwaysSearchResult *result)
{
  g_autofree char *title = dup_result_title (result);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *snippet = pathways_search_dup_snippet_markup (result->snippet);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *icon;

  /* A section's page comes first, unless the section is the page's title. */
  if (result->kind == PATHWAYS_SEARCH_HANDBOOK && result->title != NULL &&
      g_strcmp0 (result->title, title) != 0)
    {
      g_autofree char *page = g_markup_escape_text (result->title, -1);

      /* Translators: a handbook search result's subtitle: the page, then the text found */
      subtitle = g_strdup_printf (_("%s — %s"), page, snippet);
    }
  else
    subtitle = g_steal_pointer (&snippet);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  switch (result->kind)
    {
    case PATHWAYS_SEARCH_HANDBOOK: icon = "accessories-dictionary-symbolic"; break;
    case PATHWAYS_SEARCH_PERSON: icon = "avatar-default-symbolic"; break;
    case PATHWAYS_SEARCH_MEETING: icon = "x-office-calendar-symbolic"; break;
    case PATHWAYS_SEARCH_TALKING_POINT:
    case PATHWAYS_SEARCH_ACTION_ITEM: icon = "view-list-bullet-symbolic"; break;
    case PATHWAYS_SEARCH_REVIEW: icon = "x-office-document-symbolic"; break;
    case PATHWAYS_SEARCH_EVIDENCE: icon = "emblem-documents-symbolic"; break;
    case PATHWAYS_SEARCH_NOTE:
    default: icon = "accessories-text-editor-symbolic"; break;
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));

  if (result->is_private)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Private: only in your records"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
    }

  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  Group group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "group"));
  GtkWidget *label;

  if (before != NULL &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "group")) == group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  label = gtk_label_new (group_title (group));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_list_box_row_set_header (row, label);
}

static void
clear_list (PathwaysSearchDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->results, 0);
}

static void
add_results (PathwaysSearchDialog *self,
             GPtrArray            *found,
             Group                 group)
{
  guint shown = 0;

  for (guint i = 0; found != NULL && i < found->len && shown < MAX_PER_GROUP; i++)
    {
      PathwaysSearchResult *result = g_ptr_array_index (found, i);
      GtkWidget *row;

      if (group_of (result->kind) != group)
        continue;

      row = make_row (result);
      g_object_set_data (G_OBJECT (row), "group", GUINT_TO_POINTER (group));
      g_object_set_data (G_OBJECT (row), "result", result);
      gtk_list_box_append (self->list, row);
      shown++;
    }
}

/**
 * pathways_search_dialog_search:
 * @self: a #PathwaysSearchDialog
 * @query: what to look for
 *
 * Runs @query at once (the entry runs it a moment after typing stops).
 */
void
pathways_search_dialog_search (PathwaysSearchDialog *self,
                               const char           *query)
{
  g_autoptr(GPtrArray) handbook = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *match = NULL;
  g_autofree char *description = NULL;
  GtkListBoxRow *first;

  g_return_if_fail (PATHWAYS_IS_SEARCH_DIALOG (self));

  clear_list (self);
  self->last_refresh = g_get_monotonic_time ();

  match = pathways_search_dup_match (query);
  if (match == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }

  if (self->index != NULL)
    {
      handbook = pathways_search_index_query (self->index, query, HANDBOOK_LIMIT, &error);
      if (handbook == NULL)
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
        }
    }
  if (self->db != NULL)
    {
      records = pathways_search_records (self->db, query, RECORDS_LIMIT, &error);
      if (records == NULL)
        g_warning ("%s", error->message);
    }

  for (Group group = 0; group < N_GROUPS; group++)
    add_results (self, group == GROUP_HANDBOOK ? handbook : records, group);

  /* The rows point into these arrays: keep them until the next search. */
  if (handbook != NULL)
    g_ptr_array_extend_and_steal (self->results, g_steal_pointer (&handbook));
  if (records != NULL)
    g_ptr_array_extend_and_steal (self->results, g_steal_pointer (&records));

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    {
      /* Translators: %s is what was searched for */
      description = g_strdup_printf (_("Nothing in the handbook or your records matches “%s”."),
                                     query);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_list_box_select_row (self->list, first);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

guint
pathways_search_dialog_get_n_results (PathwaysSearchDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (PATHWAYS_IS_SEARCH_DIALOG (self), 0);

  while (gtk_list_box_get_row_at_index (self->list, n) != NULL)
    n++;
  return n;
}

GtkListBox *
pathways_search_dialog_get_list (PathwaysSearchDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SEARCH_DIALOG (self), NULL);

  return self->list;
}

static void
on_search_changed (PathwaysSearchDialog *self)
{
  pathways_search_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
open_row (PathwaysSearchDialog *self,
          GtkListBoxRow        *row)
{
  PathwaysSearchResult *result;

  if (row == NULL || (result = g_object_get_data (G_OBJECT (row), "result")) == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[SIGNAL_OPEN_RESULT], 0, result);
}

static void
on_row_activated (PathwaysSearchDialog *self,
                  GtkListBoxRow        *row)
{
  open_row (self, row);
}

static void
on_entry_activate (PathwaysSearchDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  open_row (self, row != NULL ? row : gtk_list_box_get_row_at_index (self->list, 0));
}

static void
move_selection (PathwaysSearchDialog *self,
                int                   delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next;
  graphene_rect_t bounds;

  next = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));
  if (next == NULL)
    return;

  gtk_list_box_select_row (self->list, next);
  /* Keep it in sight, as the list scrolls under the entry that has the focus. */
  if (gtk_widget_compute_bounds (GTK_WIDGET (next), GTK_WIDGET (self->list), &bounds))
    {
      GtkAdjustment *adjustment = gtk_list_box_get_adjustment (self->list);

      if (adjustment != NULL)
        gtk_adjustment_clamp_page (adjustment, bounds.origin.y - 36,
                                   bounds.origin.y + bounds.size.height + 12);
    }
}

static gboolean
on_entry_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              PathwaysSearchDialog  *self)
{
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
      move_selection (self, 5);
      return TRUE;
    case GDK_KEY_Page_Up:
      move_selection (self, -5);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_stop_search (PathwaysSearchDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
update_status (PathwaysSearchDialog *self)
{
  gboolean building = self->index != NULL && pathways_search_index_is_building (self->index);

  if (self->problem != NULL)
    {
      g_autofree char *text =
        /* Translators: %s says why, e.g. "The folder … could not be made: Permission denied" */
        g_strdup_printf (_("Only your records can be searched: %s"), self->problem);

      gtk_label_set_text (self->status_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
    }
  else if (building)
    gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);

  gtk_revealer_set_reveal_child (self->status_revealer, self->problem != NULL || building);
}

static void
on_index_progress (PathwaysSearchDialog *self,
                   guint                 done,
                   guint                 total)
{
  g_autofree char *text = NULL;

  /* Translators: while the handbook's search index is built: "120 of 5,000 pages" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Indexing the handbook: %'u of %'u page",
                                       "Indexing the handbook: %'u of %'u pages", total),
                          done, total);
  gtk_label_set_text (self->status_label, text);
  gtk_progress_bar_set_fraction (self->progress, total > 0 ? (double) done / total : 0);
  update_status (self);

  /* Searching works meanwhile: what is indexed so far shows up. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)) &&
      g_get_monotonic_time () - self->last_refresh > REFRESH_USEC)
    on_search_changed (self);
}

static void
on_index_updated (PathwaysSearchDialog *self)
{
  update_status (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    on_search_changed (self);
}

/**
 * pathways_search_dialog_set_index:
 * @self: a #PathwaysSearchDialog
 * @index: (nullable): the open handbook's index
 * @problem: (nullable): why there is no index, to say so
 */
void
pathways_search_dialog_set_index (PathwaysSearchDialog *self,
                                  PathwaysSearchIndex  *index,
                                  const char           *problem)
{
  g_return_if_fail (PATHWAYS_IS_SEARCH_DIALOG (self));

  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_set_object (&self->index, index);
  g_free (self->problem);
  self->problem = g_strdup (problem);

  if (index != NULL)
    {
      g_signal_connect_object (index, "progress", G_CALLBACK (on_index_progress), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (index, "updated", G_CALLBACK (on_index_updated), self,
                               G_CONNECT_SWAPPED);
    }
  update_status (self);
}

void
pathways_search_dialog_set_db (PathwaysSearchDialog *self,
                               PathwaysDb           *db)
{
  g_return_if_fail (PATHWAYS_IS_SEARCH_DIALOG (self));

  g_set_object (&self->db, db);
}

/**
 * pathways_search_dialog_present:
 * @self: a #PathwaysSearchDialog
 *
 * Shows the dialog with the last search selected, so typing replaces it.
 */
void
pathways_search_dialog_present (PathwaysSearchDialog *self)
{
  g_return_if_fail (PATHWAYS_IS_SEARCH_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  on_search_changed (self);
}

static void
pathways_search_dialog_dispose (GObject *object)
{
  PathwaysSearchDialog *self = PATHWAYS_SEARCH_DIALOG (object);

  g_clear_object (&self->index);
  g_clear_object (&self->db);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_search_dialog_parent_class)->dispose (object);
}

static void
pathways_search_dialog_finalize (GObject *object)
{
  PathwaysSearchDialog *self = PATHWAYS_SEARCH_DIALOG (object);

  g_free (self->problem);

  G_OBJECT_CLASS (pathways_search_dialog_parent_class)->finalize (object);
}

static void
pathways_search_dialog_class_init (PathwaysSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathways_search_dialog_dispose;
  object_class->finalize = pathways_search_dialog_finalize;

  signals[SIGNAL_OPEN_RESULT] =
    g_signal_new ("open-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static GtkWidget *
make_status_page (const char *icon,
                  const char *title,
                  const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

static void
pathways_search_dialog_init (PathwaysSearchDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty;
  GtkEventController *keys;

  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_search_result_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Search"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 240);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->entry, 80);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->entry), 200, -1);
  g_object_set (self->entry, "placeholder-text",
                _("Search the handbook, people, 1-on-1s, reviews and notes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Everything"),
                                  -1);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), header);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (on_stop_search), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));

  /* Building the index: how far along. */
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->progress));
  gtk_widget_set_margin_start (status, 18);
  gtk_widget_set_margin_end (status, 18);
  gtk_widget_set_margin_top (status, 6);
  gtk_widget_set_margin_bottom (status, 6);
  self->status_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->status_revealer, status);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_revealer));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack,
                       make_status_page ("system-search-symbolic", _("Search Everything"),
                                         _("Find words in the handbook and in everything you "
                                           "keep about your team. Put “quotes” around an "
                                           "exact phrase.")),
                       "start");
  empty = make_status_page ("edit-find-symbolic", _("No Results"), NULL);
  self->empty_page = ADW_STATUS_PAGE (empty);
  gtk_stack_add_named (self->stack, empty, "empty");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Results"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_list_box_set_adjustment (self->list,
                               gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  gtk_stack_add_named (self->stack, scroller, "results");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * pathways_search_dialog_new:
 * @parent: the main window
 *
 * Returns: (transfer full): a hidden search dialog for @parent
 */
PathwaysSearchDialog *
pathways_search_dialog_new (GtkWindow *parent)
{
  return g_object_new (PATHWAYS_TYPE_SEARCH_DIALOG,
                       "transient-for", parent,
                       NULL);
}
