/* pathways-person-reviews.c: a person's Reviews tab. A cycle is chosen on top (the current
 * one by default); its review is started from the template, then written in a Markdown
 * editor — autosaved, with revisions — beside the evidence panel: the cycle's dated
 * evidence to insert with one click, the ladder section and the promotion-readiness
 * suggestion. Side by side when wide, stacked when narrow.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-reviews"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-markdown-view.h"
#include "pathways-person-reviews.h"
#include "pathways-print.h"
#include "pathways-review.h"

/* Typing pauses this long before the draft is written to the database. */
#define AUTOSAVE_DELAY_MS 500
/* Narrower than this (or than the editor and the panel need), the panel goes below. */
#define WIDE_WIDTH 720
#define PANEL_MIN_WIDTH 320
#define PANEL_MAX_WIDTH 440
#define DEFAULT_SUSTAINED_WEEKS 17

struct _PathwaysPersonReviews
{
  GtkWidget             parent_instance;

  PathwaysStore        *store;
  PathwaysPerson       *person;
  const PathwaysLadder *ladder;       /* borrowed: the window keeps it alive */
  GSettings            *settings;

  GPtrArray            *cycles;       /* PathwaysCycle* */
  const PathwaysCycle  *cycle;        /* (nullable) the one shown, from cycles */
  PathwaysReview       *review;       /* (nullable) its review */
  PathwaysReview       *previous;     /* (nullable) the review of an earlier cycle */
  GPtrArray            *items;        /* PathwaysEvidenceItem* of the cycle's window */
  GPtrArray            *item_rows;    /* the rows of items, in the same order */
  GArray               *filter_kinds; /* int: dropdown position → kind, -1 for all */
  guint                 autosave_timeout;
  gboolean              loading;
  gboolean              can_undo_restore;

  GtkWidget            *top_bar;
  GtkWidget            *editor_column;
  GtkWidget            *separator;
  GtkWidget            *panel;

  GtkDropDown          *cycle_dropdown;
  GtkStringList        *cycle_names;
  GtkLabel             *cycle_label;
  GtkStack             *stack;
  AdwStatusPage        *start_page;
  GtkWidget            *status_buttons[3];
  GtkToggleButton      *preview_button;
  GtkStack             *editor_stack;
  GtkTextView          *text_view;
  GtkWidget            *preview_scroller;
  GtkWidget            *preview;
  AdwPreferencesGroup  *previous_group;
  AdwActionRow         *previous_row;
  AdwPreferencesGroup  *evidence_group;
  GtkDropDown          *filter_dropdown;
  GtkStringList        *filter_names;
  GtkListBox           *evidence_list;
  GtkWidget            *ladder_button;
  GtkLabel             *ladder_note;
  AdwPreferencesGroup  *readiness_group;
  GtkLabel             *readiness_label;
  GtkLabel             *readiness_reasons;
};

G_DEFINE_FINAL_TYPE (PathwaysPersonReviews, pathways_person_reviews, GTK_TYPE_WIDGET)

static void show_cycle (PathwaysPersonReviews *self);

/* ==== formatting ==== */

static GDateTime *
parse_date (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/* A day for people, in their locale: "12 Mar 2026". */
static char *
dup_date (const char *iso)
{
  g_autoptr(GDateTime) date = parse_date (iso);

  if (date == NULL)
    return g_strdup (iso != NULL ? iso : "");
  /* Translators: a date in the Reviews tab, see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/* A UTC moment ("2026-03-12T14:05:00Z") as the local day and time. */
static char *
dup_moment (const char *utc)
{
  g_autoptr(GDateTime) moment = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (moment == NULL)
    return g_strdup (utc != NULL ? utc : "");
  local = g_date_time_to_local (moment);
  /* Translators: when a revision of a review was saved, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The first line with words in it, for a revision's row. */
static char *
dup_first_line (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      while (*line == '#' || *line == ' ')
        line++;
      if (*line != '\0' && !g_str_has_prefix (line, "<!--"))
        return g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 80));
    }
  return g_strdup (_("Empty"));
}

static void
toast (PathwaysPersonReviews *self,
       const char            *message)
{
  pathways_show_toast (GTK_WIDGET (self), message);
}

static guint
sustained_weeks (PathwaysPersonReviews *self)
{
  return self->settings != NULL ? g_settings_get_uint (self->settings, "sustained-weeks")
                                : DEFAULT_SUSTAINED_WEEKS;
}

/* The level they work toward, and (when @current is given) where they are now. */
static const PathwaysLevel *
find_target (PathwaysPersonReviews  *self,
             const PathwaysLevel   **current)
{
  if (current != NULL)
    *current = NULL;
  if (self->ladder == NULL || self->person == NULL)
    return NULL;
  return pathways_ladder_find_target (self->ladder,
                                      pathways_person_get_ladder_path (self->person),
                                      pathways_person_get_level (self->person),
                                      pathways_person_get_target_path (self->person),
                                      pathways_person_get_target_level (self->person),
                                      current);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
dup_title (PathwaysPersonReviews *self)
{
  /* Translators: the title of a printed review: the person's name, then the cycle's */
  return g_strdup_printf (_("%s — %s"), pathways_person_get_name (self->person),
                          self->cycle != NULL ? self->cycle->name : "");
}

/* ==== saving ==== */

static void
save_body (PathwaysPersonReviews *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->review == NULL)
    return;
  body = dup_buffer_text (self->text_view);
  if (g_strcmp0 (body, self->review->body) == 0)
    return;
  if (!pathways_store_autosave_review (self->store, self->review->id, body, &error))
    {
      toast (self, error->message);
      return;
    }
  g_free (self->review->body);
  self->review->body = g_steal_pointer (&body);
}

/* Marks the evidence the draft cites, as the draft reads now. */
static void
update_cited (PathwaysPersonReviews *self)
{
  g_autofree char *body = NULL;

  if (self->items == NULL)
    return;
  body = self->review != NULL ? dup_buffer_text (self->text_view) : g_strdup ("");
  pathways_review_mark_cited (self->items, body);
  for (guint i = 0; i < self->items->len; i++)
    {
      PathwaysEvidenceItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = g_ptr_array_index (self->item_rows, i);
      GtkWidget *marker = g_object_get_data (G_OBJECT (row), "cited-marker");

      gtk_widget_set_visible (marker, item->cited);
    }
}

static gboolean
autosave_cb (gpointer user_data)
{
  PathwaysPersonReviews *self = user_data;

  self->autosave_timeout = 0;
  save_body (self);
  update_cited (self);

  return G_SOURCE_REMOVE;
}

static void
on_text_changed (PathwaysPersonReviews *self)
{
  if (self->loading || self->review == NULL)
    return;

  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  self->autosave_timeout = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

/**
 * pathways_person_reviews_flush:
 *
 * Writes the draft if it still waits for its autosave.
 */
void
pathways_person_reviews_flush (PathwaysPersonReviews *self)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_REVIEWS (self));

  if (self->autosave_timeout != 0)
    {
      g_clear_handle_id (&self->autosave_timeout, g_source_remove);
      save_body (self);
      update_cited (self);
    }
}

/* ==== what is shown ==== */

static void
update_actions (PathwaysPersonReviews *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_review = self->review != NULL;

  gtk_widget_action_set_enabled (widget, "reviews.start", self->cycle != NULL && !has_review);
  gtk_widget_action_set_enabled (widget, "reviews.revisions", has_review);
  gtk_widget_action_set_enabled (widget, "reviews.undo-restore",
                                 has_review && self->can_undo_restore);
  gtk_widget_action_set_enabled (widget, "reviews.insert-ladder",
                                 has_review && find_target (self, NULL) != NULL);
  gtk_widget_action_set_enabled (widget, "reviews.export-markdown", has_review);
  gtk_widget_action_set_enabled (widget, "reviews.export-pdf", has_review);
  gtk_widget_action_set_enabled (widget, "reviews.print", has_review);
  gtk_widget_action_set_enabled (widget, "reviews.copy", has_review);
}

static void
update_cycle_label (PathwaysPersonReviews *self)
{
  g_autofree char *today = pathways_dup_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->cycle == NULL)
    {
      gtk_label_set_text (self->cycle_label, "");
      return;
    }

  from = dup_date (self->cycle->starts_on);
  to = dup_date (self->cycle->ends_on);
  if (g_strcmp0 (today, self->cycle->ends_on) > 0)
    /* Translators: a review cycle in the past, as in "Ended 30 Apr 2026" */
    when = g_strdup_printf (_("Ended %s"), to);
  else if (g_strcmp0 (today, self->cycle->starts_on) < 0)
    /* Translators: a review cycle to come, as in "Starts 1 May 2026" */
    when = g_strdup_printf (_("Starts %s"), from);
  else
    {
      guint days = pathways_cycle_days_left (self->cycle, today);

      when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left", "%u days left", days),
                              days);
    }
  /* Translators: a review cycle's window and where it stands, as in
   * "1 Jan 2026 – 30 Apr 2026 · 42 days left" */
  text = g_strdup_printf (_("%s – %s · %s"), from, to, when);
  gtk_label_set_text (self->cycle_label, text);
}

static void
update_status_buttons (PathwaysPersonReviews *self)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->status_buttons); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->status_buttons[i]),
                                  self->review != NULL
                                  && self->review->status == (PathwaysReviewStatus) i);
  self->loading = was_loading;
}

static void
render_preview (PathwaysPersonReviews *self)
{
  g_autofree char *text = dup_buffer_text (self->text_view);
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;

  doc = pathways_markdown_doc_parse (text, -1, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);

  pathways_markdown_view_set_document (PATHWAYS_MARKDOWN_VIEW (self->preview), doc, NULL, NULL);
}

static void
on_preview_toggled (PathwaysPersonReviews *self)
{
  if (gtk_toggle_button_get_active (self->preview_button))
    {
      pathways_person_reviews_flush (self);
      render_preview (self);
      gtk_stack_set_visible_child (self->editor_stack, self->preview_scroller);
    }
  else
    gtk_stack_set_visible_child_name (self->editor_stack, "text");
}

static void
update_previous (PathwaysPersonReviews *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->previous, pathways_review_free);
  if (self->cycle != NULL)
    self->previous = pathways_store_get_previous_review (self->store, self->person,
                                                         self->cycle->id, &error);
  if (error != NULL)
    toast (self, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->previous_group), self->previous != NULL);
  if (self->previous == NULL)
    return;

  day = pathways_review_dup_local_date (self->previous->updated_at, NULL);
  edited = dup_date (day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->previous_row),
                                 self->previous->cycle_name);
  /* Translators: the review of an earlier cycle: its status and when it was last edited,
   * as in "Delivered · last edited 28 Apr 2026" */
  subtitle = g_strdup_printf (_("%s · last edited %s"),
                              pathways_review_status_get_label (self->previous->status), edited);
  adw_action_row_set_subtitle (self->previous_row, subtitle);
}

static void
update_ladder (PathwaysPersonReviews *self)
{
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(PathwaysReadiness) readiness = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *level_name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *headline = NULL;
  const PathwaysLevel *target = find_target (self, NULL);
  const char *lead;

  if (target == NULL)
    {
      const char *message = self->ladder == NULL
        ? _("No ladder to report against: the handbook has no career ladder.")
        : _("No ladder to report against: their level isn’t on the handbook’s ladder. Set it "
            "on the Ladder tab.");

      gtk_label_set_text (self->ladder_note, message);
      adw_preferences_group_set_description (self->readiness_group, NULL);
      gtk_label_set_text (self->readiness_label,
                          _("No suggestion: it is made from their ratings against their target "
                            "level on the ladder."));
      gtk_widget_set_visible (GTK_WIDGET (self->readiness_reasons), FALSE);
      return;
    }

  level_name = pathways_level_dup_display_name (target);
  /* Translators: under "Insert Ladder Section"; %s is the level, as in "Senior Engineer" */
  note = g_strdup_printf (_("Each expectation of %s with its rating, how long it has held and "
                            "its evidence."), level_name);
  gtk_label_set_text (self->ladder_note, note);
  {
    /* Translators: the description of Promotion Readiness; %s is the target level */
    g_autofree char *description = g_strdup_printf (_("Toward %s, from their ratings"),
                                                    level_name);

    adw_preferences_group_set_description (self->readiness_group, description);
  }

  ratings = pathways_store_dup_ratings (self->store, self->person, &error);
  if (ratings == NULL)
    {
      gtk_label_set_text (self->readiness_label, error->message);
      return;
    }
  readiness = pathways_review_assess_readiness (target, ratings,
                                                self->cycle != NULL ? self->cycle->starts_on
                                                                    : NULL,
                                                sustained_weeks (self), NULL);
  lead = readiness->ready ? _("Suggestion: ready for promotion")
                          : _("Suggestion: not ready yet");
  if (readiness->reasons->len > 0)
    /* Translators: the promotion-readiness suggestion (in bold), then its first reason */
    headline = g_markup_printf_escaped (_("<b>%s</b> — %s"), lead,
                                        (const char *) g_ptr_array_index (readiness->reasons, 0));
  else
    headline = g_markup_printf_escaped ("<b>%s</b>", lead);
  gtk_label_set_markup (self->readiness_label, headline);

  for (guint i = 1; i < readiness->reasons->len; i++)
    g_string_append_printf (reasons, "%s• %s", reasons->len > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (readiness->reasons, i));
  gtk_label_set_text (self->readiness_reasons, reasons->str);
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_reasons), reasons->len > 0);
}

/* ==== the evidence panel ==== */

static void
insert_text (PathwaysPersonReviews *self,
             const char            *text,
             gboolean               as_block)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  if (self->review == NULL)
    return;

  gtk_toggle_button_set_active (self->preview_button, FALSE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_begin_user_action (buffer);
  /* On a line of its own, after the line the cursor is in; a block (a table) also apart
   * from the paragraphs around it. */
  if (!gtk_text_iter_starts_line (&iter))
    {
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
    }
  if (as_block)
    {
      GtkTextIter before = iter;

      if (gtk_text_iter_backward_line (&before) && !gtk_text_iter_ends_line (&before))
        gtk_text_buffer_insert (buffer, &iter, "\n", 1);
    }
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  if (as_block && !gtk_text_iter_is_end (&iter) && !gtk_text_iter_ends_line (&iter))
    {
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      gtk_text_iter_backward_char (&iter);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));
  update_cited (self);
}

static void
on_insert_clicked (GtkButton             *button,
                   PathwaysPersonReviews *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item-index"));
  g_autofree char *bullet = NULL;

  if (self->items == NULL || index >= self->items->len)
    return;
  bullet = pathways_evidence_item_to_markdown (g_ptr_array_index (self->items, index));
  insert_text (self, bullet, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static GtkWidget *
make_item_row (PathwaysPersonReviews *self,
               PathwaysEvidenceItem  *item,
               guint                  index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *marker = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *insert = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *title = g_strdup (item->text != NULL ? item->text : "");
  g_autofree char *date = dup_date (item->date);
  g_autofree char *subtitle = NULL;
  g_autofree char *insert_label = NULL;

  g_strdelimit (g_strstrip (title), "\n\r", ' ');
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  /* Translators: an evidence item's date and source, as in "12 Mar 2026 · 1-on-1 on 3 Mar" */
  subtitle = g_strdup_printf (_("%s · %s"), date, item->source != NULL ? item->source : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_add_css_class (marker, "success");
  gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (marker, _("Cited in the draft"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cited in the draft"), -1);
  gtk_widget_set_visible (marker, item->cited);
  gtk_widget_set_visible (insert, self->review != NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), marker);

  gtk_widget_add_css_class (insert, "flat");
  gtk_widget_set_valign (insert, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (insert, _("Insert at the Cursor"));
  /* Translators: the accessible name of the button that inserts an evidence item into the
   * review; %s is its text */
  insert_label = g_strdup_printf (_("Insert: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (insert), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  insert_label, -1);
  g_object_set_data (G_OBJECT (insert), "item-index", GUINT_TO_POINTER (index));
  g_signal_connect (insert, "clicked", G_CALLBACK (on_insert_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), insert);

  g_object_set_data (G_OBJECT (row), "cited-marker", marker);
  g_object_set_data (G_OBJECT (row), "insert-button", insert);
  g_object_set_data (G_OBJECT (row), "item-index", GUINT_TO_POINTER (index));

  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  PathwaysPersonReviews *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item-index"));
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  PathwaysEvidenceItem *item;
  int kind;

  if (self->items == NULL || index >= self->items->len || self->filter_kinds == NULL
      || selected >= self->filter_kinds->len)
    return TRUE;
  item = g_ptr_array_index (self->items, index);
  kind = g_array_index (self->filter_kinds, int, selected);

  return kind < 0 || (int) item->kind == kind;
}

static void
on_filter_changed (PathwaysPersonReviews *self)
{
  gtk_list_box_invalidate_filter (self->evidence_list);
}

static void
update_evidence (PathwaysPersonReviews *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint counts[PATHWAYS_N_EVIDENCE_KINDS] = { 0, };
  int all = -1;
  gboolean was_loading = self->loading;

  for (guint i = 0; i < self->item_rows->len; i++)
    gtk_list_box_remove (self->evidence_list, g_ptr_array_index (self->item_rows, i));
  g_ptr_array_set_size (self->item_rows, 0);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_array_set_size (self->filter_kinds, 0);

  if (self->cycle != NULL)
    {
      g_autofree char *from = dup_date (self->cycle->starts_on);
      g_autofree char *to = dup_date (self->cycle->ends_on);
      /* Translators: the description of the evidence panel: the cycle's window */
      g_autofree char *description = g_strdup_printf (_("Recorded from %s to %s"), from, to);

      adw_preferences_group_set_description (self->evidence_group, description);
      /* The ladder only names expectations here; it is not changed. */
      self->items = pathways_store_gather_evidence (self->store, self->person,
                                                    self->cycle->starts_on, self->cycle->ends_on,
                                                    (PathwaysLadder *) self->ladder, NULL,
                                                    &error);
      if (error != NULL)
        toast (self, error->message);
    }

  if (self->items != NULL)
    for (guint i = 0; i < self->items->len; i++)
      {
        PathwaysEvidenceItem *item = g_ptr_array_index (self->items, i);
        GtkWidget *row = make_item_row (self, item, i);

        counts[item->kind]++;
        gtk_list_box_append (self->evidence_list, row);
        g_ptr_array_add (self->item_rows, row);
      }

  /* Translators: the evidence filter's first choice, with how many items there are */
  g_ptr_array_add (names, g_strdup_printf (_("All (%u)"), self->item_rows->len));
  g_array_append_val (self->filter_kinds, all);
  for (int kind = 0; kind < PATHWAYS_N_EVIDENCE_KINDS; kind++)
    {
      if (counts[kind] == 0)
        continue;
      /* Translators: an evidence filter choice: a kind and how many items of it, "Win (3)" */
      g_ptr_array_add (names, g_strdup_printf (_("%s (%u)"),
                                               pathways_evidence_kind_get_label (kind),
                                               counts[kind]));
      g_array_append_val (self->filter_kinds, kind);
    }
  g_ptr_array_add (names, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  self->loading = was_loading;
  gtk_list_box_invalidate_filter (self->evidence_list);
  update_cited (self);
}

/* ==== the review of the cycle ==== */

/* Shows the chosen cycle's review, or the page that starts it. */
static void
show_cycle (PathwaysPersonReviews *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gboolean was_loading = self->loading;

  pathways_person_reviews_flush (self);
  g_clear_pointer (&self->review, pathways_review_free);
  self->can_undo_restore = FALSE;
  if (self->cycle != NULL && self->store != NULL && self->person != NULL)
    self->review = pathways_store_get_review (self->store, self->person, self->cycle->id, &error);
  if (error != NULL)
    toast (self, error->message);

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, self->review != NULL ? self->review->body : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = was_loading;
  update_status_buttons (self);
  gtk_toggle_button_set_active (self->preview_button, FALSE);

  if (self->review != NULL)
    gtk_stack_set_visible_child_name (self->stack, "editor");
  else
    {
      g_autofree char *title = NULL;

      if (self->cycle != NULL)
        /* Translators: %s is a review cycle, as in "January–April 2026" */
        title = g_strdup_printf (_("No Review for %s Yet"), self->cycle->name);
      adw_status_page_set_title (self->start_page,
                                 title != NULL ? title : _("No Review Cycles"));
      gtk_stack_set_visible_child_name (self->stack, "start");
    }

  update_cycle_label (self);
  if (self->store != NULL && self->person != NULL)
    {
      update_previous (self);
      update_evidence (self);
      update_ladder (self);
    }
  update_actions (self);
}

static void
on_cycle_selected (PathwaysPersonReviews *self)
{
  guint selected = gtk_drop_down_get_selected (self->cycle_dropdown);

  if (self->loading || self->cycles == NULL || selected >= self->cycles->len)
    return;
  pathways_person_reviews_flush (self);
  self->cycle = g_ptr_array_index (self->cycles, selected);
  show_cycle (self);
}

static void
select_cycle (PathwaysPersonReviews *self,
              gint64                 cycle_id)
{
  for (guint i = 0; self->cycles != NULL && i < self->cycles->len; i++)
    if (((PathwaysCycle *) g_ptr_array_index (self->cycles, i))->id == cycle_id)
      gtk_drop_down_set_selected (self->cycle_dropdown, i);
}

/**
 * pathways_person_reviews_show_cycle:
 * @self: a #PathwaysPersonReviews
 * @cycle_id: a review cycle
 *
 * Shows the person's review of that cycle.
 */
void
pathways_person_reviews_show_cycle (PathwaysPersonReviews *self,
                                    gint64                 cycle_id)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_REVIEWS (self));

  select_cycle (self, cycle_id);
}

static void
on_previous_activated (PathwaysPersonReviews *self)
{
  if (self->previous != NULL)
    select_cycle (self, self->previous->cycle_id);
}

/**
 * pathways_person_reviews_reload:
 *
 * Reads the cycles, the review shown and its evidence again. The cycle shown stays; the
 * first time, it is the one today is in.
 */
void
pathways_person_reviews_reload (PathwaysPersonReviews *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GDateTime) now = pathways_now_local ();
  g_autofree char *today = pathways_dup_today ();
  gint64 keep = self->cycle != NULL ? self->cycle->id : 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (PATHWAYS_IS_PERSON_REVIEWS (self));

  pathways_person_reviews_flush (self);
  self->cycle = NULL;
  g_clear_pointer (&self->cycles, g_ptr_array_unref);
  if (self->store != NULL && self->person != NULL)
    {
      if (pathways_store_ensure_cycles (self->store, g_date_time_get_year (now), &error))
        self->cycles = pathways_store_list_cycles (self->store, &error);
      if (error != NULL)
        toast (self, error->message);
    }
  if (self->cycles == NULL)
    self->cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_cycle_free);

  for (guint i = 0; i < self->cycles->len; i++)
    {
      PathwaysCycle *cycle = g_ptr_array_index (self->cycles, i);

      g_ptr_array_add (names, cycle->name);
      if (cycle->id == keep)
        selected = i;
    }
  g_ptr_array_add (names, NULL);
  /* Else today's cycle, else the last one begun. */
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && i < self->cycles->len; i++)
    if (pathways_cycle_contains (g_ptr_array_index (self->cycles, i), today))
      selected = i;
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && i < self->cycles->len; i++)
    if (g_strcmp0 (((PathwaysCycle *) g_ptr_array_index (self->cycles, i))->starts_on, today) <= 0)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION && self->cycles->len > 0)
    selected = 0;

  self->loading = TRUE;
  gtk_string_list_splice (self->cycle_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->cycle_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->cycle_dropdown, selected);
  self->loading = FALSE;
  if (selected != GTK_INVALID_LIST_POSITION)
    self->cycle = g_ptr_array_index (self->cycles, selected);
  show_cycle (self);
}

/* A new draft's cursor waits in its second section (wins and successes), where the first
 * evidence goes: on the line under that heading, so an insert lands below it. */
static void
place_cursor_for_evidence (PathwaysPersonReviews *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  guint headings = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      if (gtk_text_iter_get_char (&iter) == '#' && ++headings == 2)
        {
          gtk_text_iter_forward_line (&iter);
          if (!gtk_text_iter_ends_line (&iter) || gtk_text_iter_forward_line (&iter))
            gtk_text_iter_forward_to_line_end (&iter);
          gtk_text_buffer_place_cursor (buffer, &iter);
          return;
        }
    }
  while (gtk_text_iter_forward_line (&iter));
}

static gboolean
start_review (PathwaysPersonReviews  *self,
              GError                **error)
{
  g_autofree char *template_text = NULL;
  g_autofree char *level = NULL;
  g_autofree char *target_name = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  const PathwaysLevel *current = NULL;
  const PathwaysLevel *target = find_target (self, &current);

  if (self->settings != NULL)
    {
      g_autofree char *setting = g_settings_get_string (self->settings, "review-template");

      template_text = dup_nonempty (setting);
    }
  level = current != NULL ? pathways_level_dup_display_name (current)
                          : dup_nonempty (pathways_person_get_level (self->person));
  /* At the top of their path, the target is the level they hold: keep it. */
  if (target != NULL && target == current)
    target_name = g_strdup (_("the next level"));
  else
    target_name = target != NULL ? pathways_level_dup_display_name (target)
                                 : dup_nonempty (pathways_person_get_target_level (self->person));

  review = pathways_store_start_review (self->store, self->person, self->cycle->id,
                                        template_text, level, target_name, error);
  if (review == NULL)
    return FALSE;

  show_cycle (self);
  place_cursor_for_evidence (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return TRUE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  g_autoptr(GError) error = NULL;

  if (self->cycle == NULL || self->review != NULL)
    return;
  if (!start_review (self, &error))
    toast (self, error->message);
}

static void
on_status_toggled (GtkToggleButton       *button,
                   PathwaysPersonReviews *self)
{
  g_autoptr(GError) error = NULL;
  PathwaysReviewStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));

  if (self->loading || self->review == NULL || !gtk_toggle_button_get_active (button)
      || self->review->status == status)
    return;
  if (!pathways_store_set_review_status (self->store, self->review->id, status, &error))
    {
      toast (self, error->message);
      update_status_buttons (self);
      return;
    }
  self->review->status = status;
}

static void
insert_ladder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = NULL;
  const PathwaysLevel *target = find_target (self, NULL);

  if (self->review == NULL)
    return;
  if (target == NULL)
    {
      toast (self, gtk_label_get_text (self->ladder_note));
      return;
    }
  ratings = pathways_store_dup_ratings (self->store, self->person, &error);
  if (ratings != NULL)
    counts = pathways_store_dup_evidence_counts (self->store, self->person, NULL,
                                                 self->cycle->ends_on, &error);
  if (error != NULL)
    {
      toast (self, error->message);
      return;
    }
  section = pathways_review_dup_ladder_section (target, ratings, counts, NULL);
  insert_text (self, section, TRUE);
}

/* ==== revisions ==== */

static void restore_revision (PathwaysPersonReviews *self,
                              gint64                 revision_id,
                              gboolean               offer_undo);

static void
undo_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  if (self->review == NULL || !self->can_undo_restore)
    return;
  /* Restoring put the text it replaced aside as the newest revision. */
  revisions = pathways_store_list_review_revisions (self->store, self->review->id, &error);
  if (revisions == NULL || revisions->len == 0)
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }
  restore_revision (self,
                    ((PathwaysReviewRevision *) g_ptr_array_index (revisions, 0))->id, FALSE);
}

static void
on_undo_clicked (PathwaysPersonReviews *self)
{
  undo_restore_action (GTK_WIDGET (self), "reviews.undo-restore", NULL);
}

static void
restore_revision (PathwaysPersonReviews *self,
                  gint64                 revision_id,
                  gboolean               offer_undo)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  AdwToast *restored;

  pathways_person_reviews_flush (self);
  if (self->review == NULL)
    return;
  if (!pathways_store_restore_review_revision (self->store, self->review->id, revision_id,
                                               &error))
    {
      toast (self, error->message);
      return;
    }
  show_cycle (self);
  self->can_undo_restore = offer_undo;
  update_actions (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  restored = adw_toast_new (offer_undo ? _("Earlier revision restored")
                                       : _("Restore undone"));
  if (offer_undo)
    {
      adw_toast_set_button_label (restored, _("_Undo"));
      g_signal_connect_object (restored, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                               G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), restored);
}

static void
on_restore_clicked (GtkButton             *button,
                    PathwaysPersonReviews *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "revision-id");
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (button));

  restore_revision (self, *id, TRUE);
  if (GTK_IS_WINDOW (dialog))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
revisions_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *box, *header, *title, *scroller, *clamp, *content, *list;
  GtkEventController *shortcuts;
  GtkShortcut *escape;

  if (self->review == NULL)
    return;
  pathways_person_reviews_flush (self);
  revisions = pathways_store_list_review_revisions (self->store, self->review->id, &error);
  if (revisions == NULL)
    {
      toast (self, error->message);
      return;
    }

  dialog = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 560);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Revisions"));
  shortcuts = gtk_shortcut_controller_new ();
  escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                             gtk_named_action_new ("window.close"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), escape);
  gtk_widget_add_controller (dialog, shortcuts);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Revisions"), self->cycle != NULL ? self->cycle->name : "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  if (revisions->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-recent-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Revisions Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Earlier texts are kept as the draft is edited."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (content), status);
    }
  else
    {
      GtkWidget *intro = gtk_label_new (_("Restoring keeps the current text as a revision too."));

      gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
      gtk_label_set_xalign (GTK_LABEL (intro), 0);
      gtk_widget_add_css_class (intro, "dim-label");
      gtk_box_append (GTK_BOX (content), intro);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Revisions, Newest First"), -1);
      for (guint i = 0; i < revisions->len; i++)
        {
          PathwaysReviewRevision *revision = g_ptr_array_index (revisions, i);
          g_autofree char *when = dup_moment (revision->saved_at);
          g_autofree char *first = dup_first_line (revision->body);
          g_autofree char *label = NULL;
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), first);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
          gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
          /* Translators: the accessible name of a revision's Restore button; %s is when
           * it was saved */
          label = g_strdup_printf (_("Restore the Revision of %s"), when);
          gtk_accessible_update_property (GTK_ACCESSIBLE (restore),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (restore), "revision-id",
                                  g_memdup2 (&revision->id, sizeof (gint64)), g_free);
          g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (GTK_BOX (content), list);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ==== exports ==== */

static char *
dup_export (PathwaysPersonReviews  *self,
            GError                **error)
{
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(GError) local_error = NULL;

  pathways_person_reviews_flush (self);
  if (self->review != NULL)
    review = pathways_store_get_review (self->store, self->person, self->review->cycle_id,
                                        &local_error);
  if (review == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("There is no review to export: start one first."));
      return NULL;
    }

  return pathways_review_to_markdown (review, pathways_person_get_name (self->person));
}

/**
 * pathways_person_reviews_export_markdown:
 * @file: where to write
 * @error: return location for why it could not be written
 *
 * Writes the review shown as a Markdown file, as "Export Markdown…" does.
 *
 * Returns: %TRUE if written
 */
gboolean
pathways_person_reviews_export_markdown (PathwaysPersonReviews  *self,
                                         GFile                  *file,
                                         GError                **error)
{
  g_autofree char *markdown = NULL;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_REVIEWS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  markdown = dup_export (self, error);
  if (markdown == NULL)
    return FALSE;

  return g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
write_export (PathwaysPersonReviews *self,
              GFile                 *file,
              gboolean               pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  gboolean ok;

  if (pdf)
    {
      g_autofree char *markdown = dup_export (self, &error);
      g_autofree char *title = dup_title (self);

      ok = markdown != NULL
           && pathways_print_markdown_to_pdf (title, markdown, file, &error);
    }
  else
    ok = pathways_person_reviews_export_markdown (self, file, &error);

  if (ok)
    /* Translators: %s is the name of the file a review was exported to */
    message = g_strdup_printf (_("Review exported to “%s”"), name);
  else
    /* Translators: %s says why, from the system */
    message = g_strdup_printf (_("The review could not be exported: %s"), error->message);
  toast (self, message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_dialog_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PathwaysPersonReviews) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    write_export (self, file, GPOINTER_TO_INT (g_object_get_data (source, "pdf")));
}
#else
static void
export_chooser_response (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(PathwaysPersonReviews) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        write_export (self, file, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "pdf")));
    }
  g_object_unref (chooser);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  gboolean pdf = g_str_equal (action_name, "reviews.export-pdf");
  const char *title = pdf ? _("Export PDF") : _("Export Markdown");
  g_autofree char *name = NULL;

  if (self->review == NULL)
    return;

  pathways_person_reviews_flush (self);
  name = pdf
    /* Translators: the suggested file name of a review exported as PDF: name, cycle */
    ? g_strdup_printf (_("Review %s %s.pdf"), pathways_person_get_name (self->person),
                       self->review->cycle_name)
    /* Translators: the suggested file name of a review exported as Markdown: name, cycle */
    : g_strdup_printf (_("Review %s %s.md"), pathways_person_get_name (self->person),
                       self->review->cycle_name);
  g_strdelimit (name, "/\\", '-');

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    g_object_set_data (G_OBJECT (dialog), "pdf", GINT_TO_POINTER (pdf));
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, parent, NULL, export_dialog_done, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                   _("_Cancel"));

    g_object_set_data (G_OBJECT (chooser), "pdf", GINT_TO_POINTER (pdf));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response),
                      g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = dup_export (self, &error);
  g_autofree char *title = NULL;

  if (markdown == NULL)
    {
      toast (self, error->message);
      return;
    }
  title = dup_title (self);
  pathways_print_markdown (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, markdown);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = dup_export (self, &error);

  if (markdown == NULL)
    {
      toast (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  toast (self, _("Review copied as Markdown"));
}

/* ==== layout: side by side when wide, the panel below when narrow ==== */

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static gboolean
is_wide (PathwaysPersonReviews *self,
         int                    width)
{
  int editor_min, panel_min, nat;

  if (width < WIDE_WIDTH)
    return FALSE;
  measure_child (self->editor_column, GTK_ORIENTATION_HORIZONTAL, -1, &editor_min, &nat);
  measure_child (self->panel, GTK_ORIENTATION_HORIZONTAL, -1, &panel_min, &nat);

  return width >= editor_min + 1 + MAX (panel_min, PANEL_MIN_WIDTH);
}

static int
panel_width (PathwaysPersonReviews *self,
             int                    width)
{
  int editor_min, panel_min, nat;

  measure_child (self->editor_column, GTK_ORIENTATION_HORIZONTAL, -1, &editor_min, &nat);
  measure_child (self->panel, GTK_ORIENTATION_HORIZONTAL, -1, &panel_min, &nat);

  return MAX (MIN (CLAMP (width * 3 / 8, PANEL_MIN_WIDTH, PANEL_MAX_WIDTH),
                   width - 1 - editor_min),
              panel_min);
}

static void
pathways_person_reviews_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  int top_min, top_nat, editor_min, editor_nat, panel_min, panel_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_child (self->top_bar, orientation, -1, &top_min, &top_nat);
      measure_child (self->editor_column, orientation, -1, &editor_min, &editor_nat);
      measure_child (self->panel, orientation, -1, &panel_min, &panel_nat);
      /* Narrow, the panel goes below: only the widest of the three counts. */
      *minimum = MAX (top_min, MAX (editor_min, panel_min));
      *natural = MAX (top_nat, editor_nat + 1 + MAX (panel_nat, PANEL_MIN_WIDTH));
    }
  else
    {
      gboolean wide = for_size < 0 || is_wide (self, for_size);
      int panel_for = for_size < 0 ? -1 : wide ? panel_width (self, for_size) : for_size;
      int editor_for = for_size < 0 ? -1 : wide ? for_size - 1 - panel_for : for_size;

      measure_child (self->top_bar, orientation, for_size, &top_min, &top_nat);
      measure_child (self->editor_column, orientation, editor_for, &editor_min, &editor_nat);
      measure_child (self->panel, orientation, panel_for, &panel_min, &panel_nat);
      if (wide)
        {
          *minimum = top_min + MAX (editor_min, panel_min);
          *natural = top_nat + MAX (editor_nat, panel_nat);
        }
      else
        {
          *minimum = top_min + editor_min + 1 + panel_min;
          *natural = top_nat + editor_nat + 1 + panel_nat;
        }
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
pathways_person_reviews_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (widget);
  int top_min, top_nat, body_y, body_height;

  measure_child (self->top_bar, GTK_ORIENTATION_VERTICAL, width, &top_min, &top_nat);
  allocate_child (self->top_bar, 0, 0, width, top_nat);
  body_y = top_nat;
  body_height = MAX (height - top_nat, 0);

  if (is_wide (self, width))
    {
      int panel = panel_width (self, width);
      int editor = width - 1 - panel;

      allocate_child (self->editor_column, 0, body_y, editor, body_height);
      allocate_child (self->separator, editor, body_y, 1, body_height);
      allocate_child (self->panel, editor + 1, body_y, panel, body_height);
    }
  else
    {
      int editor_min, editor_nat, panel_min, panel_nat, panel, editor;

      measure_child (self->editor_column, GTK_ORIENTATION_VERTICAL, width, &editor_min,
                     &editor_nat);
      measure_child (self->panel, GTK_ORIENTATION_VERTICAL, width, &panel_min, &panel_nat);
      /* The editor keeps the larger share; the panel scrolls in what is left. */
      panel = MAX (panel_min, body_height * 2 / 5);
      editor = MAX (editor_min, body_height - 1 - panel);
      panel = MAX (panel_min, body_height - 1 - editor);

      allocate_child (self->editor_column, 0, body_y, width, editor);
      allocate_child (self->separator, 0, body_y + editor, width, 1);
      allocate_child (self->panel, 0, body_y + editor + 1, width, panel);
    }
}

/* ==== building ==== */

static GtkWidget *
make_top_bar (PathwaysPersonReviews *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Cycle"));

  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 12);
  gtk_widget_set_margin_start (bar, 18);
  gtk_widget_set_margin_end (bar, 18);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (bar), label);

  self->cycle_names = gtk_string_list_new (NULL);
  self->cycle_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->cycle_names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cycle_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review Cycle"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cycle_dropdown),
                               _("Earlier cycles’ reviews are kept for context"));
  g_signal_connect_swapped (self->cycle_dropdown, "notify::selected",
                            G_CALLBACK (on_cycle_selected), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->cycle_dropdown));

  self->cycle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->cycle_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->cycle_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->cycle_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cycle_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->cycle_label));

  return bar;
}

static GtkWidget *
make_start_page (PathwaysPersonReviews *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start Review"));

  self->start_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->start_page, "document-edit-symbolic");
  adw_status_page_set_description (self->start_page,
                                   _("A draft from the review template, written beside the "
                                     "cycle’s evidence."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Start Review"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reviews.start");
  adw_status_page_set_child (self->start_page, button);

  return GTK_WIDGET (self->start_page);
}

static GtkWidget *
make_editor_page (PathwaysPersonReviews *self)
{
  static const char * const status_names[] = { N_("Draft"), N_("Ready"), N_("Delivered") };
  static const char * const status_tips[] = {
    N_("Still being written"), N_("Written, not yet talked through"),
    N_("Talked through with them"),
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *revisions = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *scroller;

  gtk_widget_set_margin_start (bar, 18);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);

  gtk_widget_add_css_class (linked, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (linked), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review Status"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(status_names[i]));
      /* Translators: the accessible name of a status button, as in "Status: Ready" */
      g_autofree char *label = g_strdup_printf (_("Status: %s"), _(status_names[i]));

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->status_buttons[0]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_tooltip_text (button, _(status_tips[i]));
      g_object_set_data (G_OBJECT (button), "status", GINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (on_status_toggled), self);
      gtk_box_append (GTK_BOX (linked), button);
      self->status_buttons[i] = button;
    }
  gtk_box_append (GTK_BOX (bar), linked);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  self->preview_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Preview")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview the Review"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_button),
                               _("Show the review as it reads"));
  g_signal_connect_swapped (self->preview_button, "toggled", G_CALLBACK (on_preview_toggled),
                            self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->preview_button));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (revisions), "reviews.revisions");
  gtk_accessible_update_property (GTK_ACCESSIBLE (revisions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Revisions"), -1);
  gtk_widget_set_tooltip_text (revisions, _("Revisions…"));
  gtk_box_append (GTK_BOX (bar), revisions);

  g_menu_append (menu, _("Export _Markdown…"), "reviews.export-markdown");
  g_menu_append (menu, _("Export _PDF…"), "reviews.export-pdf");
  g_menu_append (menu, _("P_rint…"), "reviews.print");
  g_menu_append (menu, _("_Copy to Clipboard"), "reviews.copy");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Export, Print or Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export, Print or Copy"), -1);
  gtk_box_append (GTK_BOX (bar), menu_button);
  gtk_box_append (GTK_BOX (page), bar);

  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor_stack), TRUE);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 48);
  gtk_text_view_set_left_margin (self->text_view, 18);
  gtk_text_view_set_right_margin (self->text_view, 18);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review Text"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Markdown, saved as you type"), -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_widget_add_css_class (scroller, "view");
  gtk_stack_add_named (self->editor_stack, scroller, "text");

  self->preview = pathways_markdown_view_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review Preview"), -1);
  self->preview_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->preview_scroller), self->preview);
  gtk_stack_add_named (self->editor_stack, self->preview_scroller, "preview");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->editor_stack));

  return page;
}

static GtkWidget *
make_panel (PathwaysPersonReviews *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *placeholder = gtk_label_new (_("Nothing recorded in this cycle yet"));
  GtkWidget *ladder_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *readiness_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *verdict = gtk_label_new (_("A suggestion: the verdict is yours to write."));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Since the last review: the earlier cycle's review, one click away. */
  self->previous_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->previous_group, _("Since the Last Review"));
  self->previous_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->previous_row), FALSE);
  adw_action_row_add_suffix (self->previous_row, arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->previous_row), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_row), _("Open the last review"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Open the last review"),
                                  -1);
  g_signal_connect_swapped (self->previous_row, "activated", G_CALLBACK (on_previous_activated),
                            self);
  adw_preferences_group_add (self->previous_group, GTK_WIDGET (self->previous_row));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->previous_group));

  /* The cycle's evidence, filtered by kind. */
  self->evidence_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->evidence_group, _("Evidence"));
  self->filter_names = gtk_string_list_new (NULL);
  self->filter_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->filter_names)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->filter_dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Evidence of Kind"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_dropdown), _("Show evidence of a kind"));
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  adw_preferences_group_set_header_suffix (self->evidence_group,
                                           GTK_WIDGET (self->filter_dropdown));

  self->evidence_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->evidence_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->evidence_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence of the Cycle"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->evidence_list, placeholder);
  gtk_list_box_set_filter_func (self->evidence_list, filter_row, self, NULL);
  adw_preferences_group_add (self->evidence_group, GTK_WIDGET (self->evidence_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->evidence_group));

  /* The ladder section generator. */
  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

    adw_preferences_group_set_title (group, _("Ladder"));
    self->ladder_button = gtk_button_new_with_mnemonic (_("Insert _Ladder Section"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->ladder_button),
                                    "reviews.insert-ladder");
    gtk_widget_set_halign (self->ladder_button, GTK_ALIGN_START);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->ladder_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Insert Ladder Section"),
                                    -1);
    gtk_box_append (GTK_BOX (ladder_box), self->ladder_button);
    self->ladder_note = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->ladder_note, TRUE);
    gtk_label_set_xalign (self->ladder_note, 0);
    gtk_widget_add_css_class (GTK_WIDGET (self->ladder_note), "dim-label");
    gtk_widget_add_css_class (GTK_WIDGET (self->ladder_note), "caption");
    gtk_box_append (GTK_BOX (ladder_box), GTK_WIDGET (self->ladder_note));
    adw_preferences_group_add (group, ladder_box);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
  }

  /* Promotion readiness: the suggestion and its reasons. */
  self->readiness_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->readiness_group, _("Promotion Readiness"));
  self->readiness_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->readiness_label, TRUE);
  gtk_label_set_xalign (self->readiness_label, 0);
  gtk_label_set_selectable (self->readiness_label, TRUE);
  gtk_box_append (GTK_BOX (readiness_box), GTK_WIDGET (self->readiness_label));
  self->readiness_reasons = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->readiness_reasons, TRUE);
  gtk_label_set_xalign (self->readiness_reasons, 0);
  gtk_label_set_selectable (self->readiness_reasons, TRUE);
  gtk_box_append (GTK_BOX (readiness_box), GTK_WIDGET (self->readiness_reasons));
  gtk_label_set_wrap (GTK_LABEL (verdict), TRUE);
  gtk_label_set_xalign (GTK_LABEL (verdict), 0);
  gtk_widget_add_css_class (verdict, "dim-label");
  gtk_widget_add_css_class (verdict, "caption");
  gtk_box_append (GTK_BOX (readiness_box), verdict);
  adw_preferences_group_add (self->readiness_group, readiness_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->readiness_group));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);

  return scroller;
}

/* ==== GObject ==== */

static void
pathways_person_reviews_dispose (GObject *object)
{
  PathwaysPersonReviews *self = PATHWAYS_PERSON_REVIEWS (object);

  if (self->top_bar != NULL)
    {
      pathways_person_reviews_flush (self);
      g_clear_pointer (&self->top_bar, gtk_widget_unparent);
      g_clear_pointer (&self->editor_column, gtk_widget_unparent);
      g_clear_pointer (&self->separator, gtk_widget_unparent);
      g_clear_pointer (&self->panel, gtk_widget_unparent);
    }
  g_clear_handle_id (&self->autosave_timeout, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_object (&self->settings);
  g_clear_object (&self->cycle_names);
  g_clear_object (&self->filter_names);
  self->cycle = NULL;
  g_clear_pointer (&self->cycles, g_ptr_array_unref);
  g_clear_pointer (&self->review, pathways_review_free);
  g_clear_pointer (&self->previous, pathways_review_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_pointer (&self->filter_kinds, g_array_unref);

  G_OBJECT_CLASS (pathways_person_reviews_parent_class)->dispose (object);
}

static void
pathways_person_reviews_class_init (PathwaysPersonReviewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_person_reviews_dispose;
  widget_class->measure = pathways_person_reviews_measure;
  widget_class->size_allocate = pathways_person_reviews_size_allocate;

  gtk_widget_class_install_action (widget_class, "reviews.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "reviews.revisions", NULL, revisions_action);
  gtk_widget_class_install_action (widget_class, "reviews.undo-restore", NULL,
                                   undo_restore_action);
  gtk_widget_class_install_action (widget_class, "reviews.insert-ladder", NULL,
                                   insert_ladder_action);
  gtk_widget_class_install_action (widget_class, "reviews.export-markdown", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reviews.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reviews.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reviews.copy", NULL, copy_action);
}

static void
pathways_person_reviews_init (PathwaysPersonReviews *self)
{
  self->item_rows = g_ptr_array_new ();
  self->filter_kinds = g_array_new (FALSE, FALSE, sizeof (int));

  self->top_bar = make_top_bar (self);
  gtk_widget_set_parent (self->top_bar, GTK_WIDGET (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, make_start_page (self), "start");
  gtk_stack_add_named (self->stack, make_editor_page (self), "editor");
  self->editor_column = GTK_WIDGET (self->stack);
  gtk_widget_set_parent (self->editor_column, GTK_WIDGET (self));

  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_can_target (self->separator, FALSE);
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));

  self->panel = make_panel (self);
  gtk_widget_set_parent (self->panel, GTK_WIDGET (self));

  show_cycle (self);
}

/**
 * pathways_person_reviews_set_context:
 * @store: (nullable): the store
 * @person: (nullable): whose reviews
 * @ladder: (nullable): the handbook's ladder (borrowed: the caller keeps it alive)
 */
void
pathways_person_reviews_set_context (PathwaysPersonReviews *self,
                                     PathwaysStore         *store,
                                     PathwaysPerson        *person,
                                     const PathwaysLadder  *ladder)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_REVIEWS (self));

  pathways_person_reviews_flush (self);
  if (person != self->person)
    self->cycle = NULL;
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->ladder = ladder;
  pathways_person_reviews_reload (self);
}

/**
 * pathways_person_reviews_set_settings:
 * @settings: the app's settings: "review-template" and "sustained-weeks"
 */
void
pathways_person_reviews_set_settings (PathwaysPersonReviews *self,
                                      GSettings             *settings)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_REVIEWS (self));

  g_set_object (&self->settings, settings);
  if (self->store != NULL && self->person != NULL)
    update_ladder (self);
}
