/* pathways-person-ladder.c: a person's progress toward their target level, expectation by
 * expectation — ratings with their dates, and the evidence behind them.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-ladder"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-person-ladder.h"

/* "Performing at the next level for a sustained period": by default consistently for at
 * least one review cycle — four months in the handbook's cadence of three reviews a year. */
#define DEFAULT_SUSTAINED_WEEKS 17

typedef struct
{
  PathwaysPersonLadder *self;        /* unowned */
  char                 *key;
  char                 *label;
  char                 *text;        /* as the handbook says it now */
  GtkWidget            *expander;
  GtkWidget            *evidence_box;
  GtkWidget            *buttons[3];  /* not yet, sometimes, consistently */
  GtkWidget            *bar;         /* how far along this one expectation is */
  guint                 n_evidence;
  gboolean              in_target;   /* counted in the progress toward the target */
} Expectation;

struct _PathwaysPersonLadder
{
  GtkWidget             parent_instance;

  PathwaysStore        *store;
  const PathwaysLadder *ladder;      /* borrowed: the window keeps it alive */
  PathwaysPerson       *person;
  GPtrArray            *levels;      /* const PathwaysLevel*, in the target list's order */
  GPtrArray            *expectations;/* Expectation* on screen */
  GHashTable           *ratings;     /* key → PathwaysRatingState* */
  gboolean              loading;

  GtkStack             *stack;
  AdwComboRow          *target_row;
  AdwActionRow         *current_row;
  AdwActionRow         *progress_row;
  GtkLevelBar          *progress_bar;
  GtkWidget            *compare_button;
  GtkSpinButton        *sustained_spin;
  GSettings            *settings;
  const PathwaysLevel  *current;     /* of the person, on the ladder (or NULL) */
  const PathwaysLevel  *target;
  AdwPreferencesGroup  *competencies_group;
  AdwPreferencesGroup  *responsibilities_group;
  AdwPreferencesGroup  *current_group;
  GtkToggleButton      *current_toggle;
  AdwPreferencesGroup  *removed_group;
  GPtrArray            *removed_rows;  /* GtkWidget* in removed_group */
};

G_DEFINE_FINAL_TYPE (PathwaysPersonLadder, pathways_person_ladder, GTK_TYPE_WIDGET)

static void pathways_person_ladder_rebuild (PathwaysPersonLadder *self);

static void
expectation_free (gpointer data)
{
  Expectation *e = data;

  g_free (e->key);
  g_free (e->label);
  g_free (e->text);
  g_free (e);
}

/* Days from an ISO date to today. */
static int
days_since (const char *iso_date)
{
  g_autoptr(GDateTime) now = pathways_now_local ();
  g_autofree char *stamp = g_strdup_printf ("%sT00:00:00", iso_date);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) then = g_date_time_new_from_iso8601 (stamp, local);

  if (then == NULL)
    return 0;
  return (int) (g_date_time_difference (now, then) / G_TIME_SPAN_DAY);
}

static char *
format_date (const char *iso_date)
{
  g_autofree char *stamp = g_strdup_printf ("%sT00:00:00", iso_date);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (stamp, local);

  /* Translators: a date in a rating's status; see strftime */
  return date != NULL ? g_date_time_format (date, _("%-d %b %Y")) : g_strdup (iso_date);
}

static gboolean
is_sustained (PathwaysPersonLadder      *self,
              const PathwaysRatingState *state)
{
  guint weeks = (guint) gtk_spin_button_get_value_as_int (self->sustained_spin);

  return state != NULL && state->rating == PATHWAYS_RATING_CONSISTENTLY
         && state->consistently_since != NULL
         && days_since (state->consistently_since) >= (int) weeks * 7;
}

static char *
describe_state (PathwaysPersonLadder      *self,
                const PathwaysRatingState *state)
{
  g_autofree char *since = NULL;
  g_autofree char *on = NULL;

  if (state == NULL || state->rating == PATHWAYS_RATING_NONE)
    return g_strdup (_("Not rated yet"));

  on = format_date (state->rated_on);
  g_strstrip (on);
  switch (state->rating)
    {
    case PATHWAYS_RATING_CONSISTENTLY:
      since = format_date (state->consistently_since != NULL ? state->consistently_since
                                                            : state->rated_on);
      g_strstrip (since);
      if (is_sustained (self, state))
        /* Translators: %s is a date */
        return g_strdup_printf (_("Consistently since %s — sustained"), since);
      /* Translators: %s is a date */
      return g_strdup_printf (_("Consistently since %s"), since);

    case PATHWAYS_RATING_SOMETIMES:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Sometimes (rated %s)"), on);

    case PATHWAYS_RATING_NOT_YET:
    case PATHWAYS_RATING_NONE:
    default:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Not yet (rated %s)"), on);
    }
}

/* ---- progress ---- */

static void
update_progress (PathwaysPersonLadder *self)
{
  guint consistently = 0, sometimes = 0, sustained = 0;
  guint total = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (self->expectations, i);
      const PathwaysRatingState *state = g_hash_table_lookup (self->ratings, e->key);

      if (!e->in_target)
        continue;
      total++;
      if (state == NULL)
        continue;
      if (state->rating == PATHWAYS_RATING_CONSISTENTLY)
        consistently++;
      else if (state->rating == PATHWAYS_RATING_SOMETIMES)
        sometimes++;
      if (is_sustained (self, state))
        sustained++;
    }

  /* Translators: progress toward a level, e.g. "7 of 12 consistently · 3 sometimes ·
   * 2 sustained" */
  summary = g_strdup_printf (_("%u of %u consistently · %u sometimes · %u sustained"),
                             consistently, total, sometimes, sustained);
  adw_action_row_set_subtitle (self->progress_row, summary);
  gtk_level_bar_set_value (self->progress_bar, total > 0 ? (double) consistently / total : 0);
}

static void
update_expectation (Expectation *e)
{
  PathwaysPersonLadder *self = e->self;
  const PathwaysRatingState *state = g_hash_table_lookup (self->ratings, e->key);
  g_autofree char *status = describe_state (self, state);

  if (e->n_evidence > 0)
    {
      g_autofree char *with = NULL;

      /* Translators: a rating's status, then how much evidence backs it */
      with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u piece of evidence",
                                           "%s · %u pieces of evidence", e->n_evidence),
                              status, e->n_evidence);
      g_free (status);
      status = g_steal_pointer (&with);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (e->expander), status);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (e->bar),
                           state == NULL ? 0
                           : state->rating == PATHWAYS_RATING_CONSISTENTLY ? 1.0
                           : state->rating == PATHWAYS_RATING_SOMETIMES ? 0.5 : 0.1);
  self->loading = TRUE;
  for (guint i = 0; i < 3; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (e->buttons[i]),
                                  state != NULL && state->rating == (PathwaysRating) (i + 1));
  self->loading = FALSE;
}

static void
reload_ratings (PathwaysPersonLadder *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->ratings, g_hash_table_unref);
  if (self->store != NULL && self->person != NULL)
    self->ratings = pathways_store_dup_ratings (self->store, self->person, &error);
  if (self->ratings == NULL)
    {
      if (error != NULL)
        pathways_show_toast (GTK_WIDGET (self), error->message);
      self->ratings = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/* ---- one expectation ---- */

static void
on_rating_toggled (GtkToggleButton *button,
                   Expectation     *e)
{
  PathwaysPersonLadder *self = e->self;
  PathwaysRating rating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rating"));
  g_autofree char *today = pathways_dup_today ();
  g_autoptr(GError) error = NULL;

  if (self->loading || !gtk_toggle_button_get_active (button))
    return;
  if (!pathways_store_rate (self->store, self->person, e->key, rating, e->text, today, &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
  reload_ratings (self);
  update_expectation (e);
  update_progress (self);
}

static void fill_evidence (Expectation *e);

static void
on_remove_evidence (GtkButton   *button,
                    Expectation *e)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "evidence-id");
  g_autoptr(GError) error = NULL;

  if (!pathways_store_delete_evidence (e->self->store, id, &error))
    pathways_show_toast (GTK_WIDGET (e->self), error->message);
  fill_evidence (e);
}

static void
fill_evidence (Expectation *e)
{
  PathwaysPersonLadder *self = e->self;
  g_autoptr(GPtrArray) evidence = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (e->evidence_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (e->evidence_box), child);

  evidence = pathways_store_list_evidence (self->store, self->person, e->key, NULL);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      PathwaysEvidence *item = g_ptr_array_index (evidence, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *date = format_date (item->occurred_on);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->body);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (date));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Evidence"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Evidence"), -1);
      g_object_set_data_full (G_OBJECT (remove), "evidence-id",
                              g_memdup2 (&item->id, sizeof item->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_evidence), e);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (e->evidence_box), row);
    }
  gtk_widget_set_visible (e->evidence_box, evidence != NULL && evidence->len > 0);
  e->n_evidence = evidence != NULL ? evidence->len : 0;
  update_expectation (e);
}

typedef struct
{
  Expectation *e;
  GtkEditable *body;
  GtkEditable *date;
} EvidenceDialog;

static void
evidence_dialog_validate (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  EvidenceDialog *data = g_object_get_data (G_OBJECT (dialog), "evidence-dialog");
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (data->body)));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));

  adw_message_dialog_set_response_enabled (dialog, "accept",
                                           *body != '\0' && pathways_date_is_valid (date));
}

static void
evidence_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  EvidenceDialog *data = g_object_get_data (G_OBJECT (dialog), "evidence-dialog");
  Expectation *e = data->e;
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (data->body)));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (data->date)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept"))
    return;
  if (pathways_store_add_evidence (e->self->store, e->self->person, e->key, e->text, body, date,
                                   &error) == 0)
    {
      pathways_show_toast (GTK_WIDGET (e->self), error->message);
      return;
    }
  fill_evidence (e);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (e->expander), TRUE);
}

static void
on_add_evidence (GtkButton   *button,
                 Expectation *e)
{
  g_autofree char *today = pathways_dup_today ();
  EvidenceDialog *data = g_new0 (EvidenceDialog, 1);
  AdwMessageDialog *dialog;

  dialog = pathways_form_dialog_new (GTK_WIDGET (e->self), _("Add Evidence"), e->label,
                                     _("_Add"));
  data->body = pathways_form_dialog_add_entry (dialog, _("What Happened"), NULL);
  data->date = pathways_form_dialog_add_entry (dialog, _("Date (YYYY-MM-DD)"), today);
  data->e = e;
  g_object_set_data_full (G_OBJECT (dialog), "evidence-dialog", data, g_free);

  g_signal_connect (data->body, "changed", G_CALLBACK (evidence_dialog_validate), dialog);
  g_signal_connect (data->date, "changed", G_CALLBACK (evidence_dialog_validate), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (evidence_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->body));
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_expectation (PathwaysPersonLadder *self,
                 AdwPreferencesGroup  *group,
                 gboolean              in_target,
                 const char           *key,
                 const char           *label,
                 const char           *text)
{
  static const char *names[] = { N_("Not Yet"), N_("Sometimes"), N_("Consistently") };
  Expectation *e = g_new0 (Expectation, 1);
  const PathwaysRatingState *state = g_hash_table_lookup (self->ratings, key);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  e->self = self;
  e->in_target = in_target;
  e->key = g_strdup (key);
  e->label = g_strdup (label);
  e->text = g_strdup (text);
  g_ptr_array_add (self->expectations, e);

  e->expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->expander), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (e->expander), FALSE);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (text != NULL && *text != '\0' && g_strcmp0 (text, label) != 0)
    gtk_box_append (GTK_BOX (box), wrapped_label (text, NULL));

  /* The handbook moved on since the rating: say so, with what was rated. */
  if (state != NULL && state->expectation_text != NULL
      && g_strcmp0 (state->expectation_text, text) != 0)
    {
      g_autofree char *note = g_strdup_printf (_("Changed in the handbook since you rated it. "
                                                 "You rated: “%s”"), state->expectation_text);
      gtk_box_append (GTK_BOX (box), wrapped_label (note, "warning"));
    }

  gtk_widget_add_css_class (linked, "linked");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = NULL;

      e->buttons[i] = gtk_toggle_button_new_with_label (_(names[i]));
      /* Many rows have these buttons: the name says which expectation each rates. */
      /* Translators: an expectation of the ladder, then a rating, for screen readers */
      name = g_strdup_printf (_("%s: %s"), label, _(names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (e->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (e->buttons[i]), "rating", GINT_TO_POINTER (i + 1));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (e->buttons[i]),
                                     GTK_TOGGLE_BUTTON (e->buttons[0]));
      g_signal_connect (e->buttons[i], "toggled", G_CALLBACK (on_rating_toggled), e);
      gtk_box_append (GTK_BOX (linked), e->buttons[i]);
    }
  /* Rating and adding evidence stay in the row's header: a glance and a click, without
   * unfolding every expectation. */
  gtk_widget_set_valign (linked, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add Evidence"));
  {
    /* Translators: for screen readers; %s is an expectation of the ladder */
    g_autofree char *name = g_strdup_printf (_("Add Evidence for %s"), label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  }
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_evidence), e);
  gtk_box_append (GTK_BOX (actions), linked);
  gtk_box_append (GTK_BOX (actions), add);

  e->evidence_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (e->evidence_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (e->evidence_box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->evidence_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  gtk_box_append (GTK_BOX (box), e->evidence_box);

  e->bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (e->bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_widget_set_size_request (e->bar, 6, 28);
  gtk_widget_set_valign (e->bar, GTK_ALIGN_CENTER);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (e->bar), GTK_ORIENTATION_VERTICAL);
  gtk_level_bar_set_inverted (GTK_LEVEL_BAR (e->bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (e->expander), e->bar);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (e->expander), actions);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (e->expander), box);
  adw_preferences_group_add (group, e->expander);

  fill_evidence (e);
}

/* ---- the whole view ---- */

/* Takes every expectation's row out of its group, once: a removed row is gone (its group
 * held the only reference), so it must not be looked at again. */
static void
clear_expectations (GPtrArray *expectations)
{
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      GtkWidget *group = gtk_widget_get_ancestor (e->expander, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), e->expander);
    }
}

static void
on_current_toggled (PathwaysPersonLadder *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->current_toggle);

  gtk_button_set_label (GTK_BUTTON (self->current_toggle), shown ? _("_Hide") : _("_Show"));
  for (guint i = 0; i < self->expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (self->expectations, i);

      if (!e->in_target)
        gtk_widget_set_visible (e->expander, shown);
    }
}

static void
pathways_person_ladder_rebuild (PathwaysPersonLadder *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const PathwaysLevel *current = NULL;
  const PathwaysLevel *target;
  guint selected = GTK_INVALID_LIST_POSITION;

  clear_expectations (self->expectations);
  for (guint i = 0; i < self->removed_rows->len; i++)
    adw_preferences_group_remove (self->removed_group, g_ptr_array_index (self->removed_rows, i));
  g_ptr_array_set_size (self->removed_rows, 0);
  g_ptr_array_set_size (self->expectations, 0);
  g_ptr_array_set_size (self->levels, 0);

  self->current = self->target = NULL;
  if (self->ladder == NULL || self->person == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-ladder");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "ladder");

  target = pathways_ladder_find_target (self->ladder,
                                        pathways_person_get_ladder_path (self->person),
                                        pathways_person_get_level (self->person),
                                        pathways_person_get_target_path (self->person),
                                        pathways_person_get_target_level (self->person),
                                        &current);
  self->current = current;
  self->target = target;
  gtk_widget_set_sensitive (self->compare_button, current != NULL && target != NULL
                            && current != target);

  for (guint i = 0; i < self->ladder->paths->len; i++)
    {
      const PathwaysPath *path = g_ptr_array_index (self->ladder->paths, i);

      for (guint j = 0; j < path->levels->len; j++)
        {
          const PathwaysLevel *level = g_ptr_array_index (path->levels, j);
          g_autofree char *name = pathways_level_dup_choice_name (path, level);

          if (level == target)
            selected = self->levels->len;
          g_ptr_array_add (self->levels, (gpointer) level);
          gtk_string_list_append (names, name);
        }
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->target_row, selected);
  self->loading = FALSE;

  if (current != NULL)
    {
      g_autofree char *display = pathways_level_dup_display_name (current);
      adw_action_row_set_subtitle (self->current_row, display);
    }
  else if (pathways_person_get_level (self->person) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” — not a level of this ladder"),
                                               pathways_person_get_level (self->person));
      adw_action_row_set_subtitle (self->current_row, text);
    }
  else
    adw_action_row_set_subtitle (self->current_row, _("Not recorded yet"));

  reload_ratings (self);
  if (target != NULL)
    {
      for (guint i = 0; i < target->competencies->len; i++)
        {
          const PathwaysCompetency *c = g_ptr_array_index (target->competencies, i);
          add_expectation (self, self->competencies_group, TRUE, c->key, c->label, c->text);
        }
      for (guint i = 0; i < target->responsibilities->len; i++)
        {
          const PathwaysResponsibility *r = g_ptr_array_index (target->responsibilities, i);
          add_expectation (self, self->responsibilities_group, TRUE, r->key, r->text, NULL);
        }
    }
  /* The current level, folded away: what they are expected to keep doing. */
  if (current != NULL && current != target)
    {
      g_autofree char *display = pathways_level_dup_display_name (current);
      /* Translators: %s is a level of the ladder */
      g_autofree char *title = g_strdup_printf (_("Current Level: %s"), display);

      adw_preferences_group_set_title (self->current_group, title);
      for (guint i = 0; i < current->competencies->len; i++)
        {
          const PathwaysCompetency *c = g_ptr_array_index (current->competencies, i);
          add_expectation (self, self->current_group, FALSE, c->key, c->label, c->text);
        }
      for (guint i = 0; i < current->responsibilities->len; i++)
        {
          const PathwaysResponsibility *r = g_ptr_array_index (current->responsibilities, i);
          add_expectation (self, self->current_group, FALSE, r->key, r->text, NULL);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->current_group), current != NULL && current != target);
  on_current_toggled (self);

  /* Rated expectations the handbook no longer has are said so, never silently dropped. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->ratings);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const PathwaysRatingState *state = value;
        g_autofree char *status = NULL;
        GtkWidget *row;

        if (pathways_ladder_lookup_key ((PathwaysLadder *) self->ladder, key) != NULL)
          continue;
        status = describe_state (self, state);
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                       state->expectation_text != NULL
                                       && *state->expectation_text != '\0'
                                       ? state->expectation_text : (const char *) key);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status);
        adw_preferences_group_add (self->removed_group, row);
        g_ptr_array_add (self->removed_rows, row);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->removed_group), self->removed_rows->len > 0);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->competencies_group),
                          target != NULL && target->competencies->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->responsibilities_group),
                          target != NULL && target->responsibilities->len > 0);
  update_progress (self);
}

static void
on_target_selected (PathwaysPersonLadder *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);
  const PathwaysLevel *level;
  const PathwaysPath *path;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->person == NULL || selected >= self->levels->len)
    return;
  level = g_ptr_array_index (self->levels, selected);
  path = pathways_ladder_get_path_of_level (self->ladder, level);
  pathways_person_set_target_path (self->person, path != NULL ? path->title : NULL);
  pathways_person_set_target_level (self->person, level->title);
  if (!pathways_store_save_person (self->store, self->person, &error))
    pathways_show_toast (GTK_WIDGET (self), error->message);
  pathways_person_ladder_rebuild (self);
}

/* Explaining a promotion gap: the two levels side by side, in the Handbook area. */
static void
on_compare_clicked (PathwaysPersonLadder *self)
{
  const PathwaysPath *current_path;
  const PathwaysPath *target_path;

  if (self->current == NULL || self->target == NULL)
    return;
  current_path = pathways_ladder_get_path_of_level (self->ladder, self->current);
  target_path = pathways_ladder_get_path_of_level (self->ladder, self->target);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.compare-levels", "(ssss)",
                              current_path->title, self->current->title,
                              target_path->title, self->target->title);
}

static void
on_sustained_changed (PathwaysPersonLadder *self)
{
  for (guint i = 0; i < self->expectations->len; i++)
    update_expectation (g_ptr_array_index (self->expectations, i));
  update_progress (self);
}

static void
pathways_person_ladder_dispose (GObject *object)
{
  PathwaysPersonLadder *self = PATHWAYS_PERSON_LADDER (object);
  GtkWidget *child;

  if (self->person != NULL)
    g_signal_handlers_disconnect_by_data (self->person, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PERSON_LADDER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ratings, g_hash_table_unref);

  G_OBJECT_CLASS (pathways_person_ladder_parent_class)->dispose (object);
}

static void
pathways_person_ladder_finalize (GObject *object)
{
  PathwaysPersonLadder *self = PATHWAYS_PERSON_LADDER (object);

  g_ptr_array_unref (self->expectations);
  g_ptr_array_unref (self->levels);
  g_ptr_array_unref (self->removed_rows);

  G_OBJECT_CLASS (pathways_person_ladder_parent_class)->finalize (object);
}

static void
pathways_person_ladder_class_init (PathwaysPersonLadderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_person_ladder_dispose;
  object_class->finalize = pathways_person_ladder_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-person-ladder.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, target_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, current_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, progress_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, competencies_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder,
                                        responsibilities_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, compare_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, current_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, sustained_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, current_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonLadder, removed_group);
  gtk_widget_class_bind_template_callback (widget_class, on_current_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_target_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_clicked);
}

static void
pathways_person_ladder_init (PathwaysPersonLadder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expectations = g_ptr_array_new_with_free_func (expectation_free);
  self->levels = g_ptr_array_new ();
  self->removed_rows = g_ptr_array_new ();
  self->ratings = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_spin_button_set_value (self->sustained_spin, DEFAULT_SUSTAINED_WEEKS);
  g_signal_connect_object (self->sustained_spin, "value-changed",
                           G_CALLBACK (on_sustained_changed), self, G_CONNECT_SWAPPED);
  pathways_person_ladder_rebuild (self);
}

/**
 * pathways_person_ladder_set_settings:
 *
 * Gives the view the settings that keep how many weeks make a rating sustained.
 */
void
pathways_person_ladder_set_settings (PathwaysPersonLadder *self,
                                     GSettings            *settings)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_LADDER (self));

  if (!g_set_object (&self->settings, settings) || settings == NULL)
    return;
  g_settings_bind (settings, "sustained-weeks",
                   gtk_spin_button_get_adjustment (self->sustained_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

void
pathways_person_ladder_set_store (PathwaysPersonLadder *self,
                                  PathwaysStore        *store)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_LADDER (self));

  if (g_set_object (&self->store, store))
    pathways_person_ladder_rebuild (self);
}

/**
 * pathways_person_ladder_set_ladder:
 * @ladder: (nullable): the open handbook's ladder; borrowed until the next call
 */
void
pathways_person_ladder_set_ladder (PathwaysPersonLadder *self,
                                   const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_LADDER (self));

  self->ladder = ladder;
  pathways_person_ladder_rebuild (self);
}

/* A promotion recorded on the Details tab moves the target along. */
static void
on_person_level_changed (PathwaysPersonLadder *self)
{
  if (!self->loading)
    pathways_person_ladder_rebuild (self);
}

void
pathways_person_ladder_set_person (PathwaysPersonLadder *self,
                                   PathwaysPerson       *person)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_LADDER (self));

  if (self->person == person)
    return;
  if (self->person != NULL)
    g_signal_handlers_disconnect_by_data (self->person, self);
  g_set_object (&self->person, person);
  if (person != NULL)
    g_signal_connect_object (person, "notify::level", G_CALLBACK (on_person_level_changed), self,
                             G_CONNECT_SWAPPED);
  pathways_person_ladder_rebuild (self);
}
