/* test-person-reviews.c: a person's Reviews tab under a real display — a review started
 * from the template for the current cycle, written beside the cycle's evidence (inserted
 * at the cursor, then marked cited), the ladder section, the readiness suggestion, the
 * status, autosave and revisions, and the exports.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pathways-markdown-view.h"
#include "pathways-person-reviews.h"
#include "pathways-review.h"
#include "pathways-test-ui.h"

#define WIN_NOTE     "Shipped the refund service"
#define GROWTH_NOTE  "Could delegate the on-call rota"
#define OLD_NOTE     "Organised the offsite two years ago"
#define TYPED        "Amara carried the migration this cycle."

typedef struct
{
  char                  *dir;
  PathwaysDb            *db;
  PathwaysStore         *store;
  GSettings             *settings;
  PathwaysPerson        *person;
  PathwaysLadder        *ladder;
  GtkWidget             *window;
  PathwaysPersonReviews *tab;
} Fixture;

/* ---- a hand-built ladder: Engineer, then Senior Engineer ---- */

static PathwaysLevel *
make_level (const char *title,
            const char *slug)
{
  static const char * const labels[] = { "Impact", "Ownership" };
  PathwaysLevel *level = g_new0 (PathwaysLevel, 1);

  level->title = g_strdup (title);
  level->competencies = g_ptr_array_new ();
  level->responsibilities = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PathwaysCompetency *competency = g_new0 (PathwaysCompetency, 1);

      competency->key = g_strdup_printf ("eng/%s/%s", slug, labels[i]);
      competency->label = g_strdup (labels[i]);
      competency->text = g_strdup ("As the level asks.");
      g_ptr_array_add (level->competencies, competency);
    }
  return level;
}

static void
free_level (PathwaysLevel *level)
{
  for (guint i = 0; i < level->competencies->len; i++)
    {
      PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);

      g_free (competency->key);
      g_free (competency->label);
      g_free (competency->text);
      g_free (competency);
    }
  g_ptr_array_unref (level->competencies);
  g_ptr_array_unref (level->responsibilities);
  g_free (level->title);
  g_free (level);
}

static PathwaysLadder *
make_ladder (void)
{
  PathwaysLadder *ladder = g_new0 (PathwaysLadder, 1);
  PathwaysPath *path = g_new0 (PathwaysPath, 1);

  path->title = g_strdup ("Engineering");
  path->levels = g_ptr_array_new ();
  g_ptr_array_add (path->levels, make_level ("Engineer", "engineer"));
  g_ptr_array_add (path->levels, make_level ("Senior Engineer", "senior"));
  ladder->paths = g_ptr_array_new ();
  g_ptr_array_add (ladder->paths, path);
  ladder->keys = g_hash_table_new (g_str_hash, g_str_equal);
  ladder->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  return ladder;
}

static void
free_ladder (PathwaysLadder *ladder)
{
  PathwaysPath *path = g_ptr_array_index (ladder->paths, 0);

  g_ptr_array_foreach (path->levels, (GFunc) (void (*) (void)) free_level, NULL);
  g_ptr_array_unref (path->levels);
  g_free (path->title);
  g_free (path);
  g_ptr_array_set_size (ladder->paths, 0);
  pathways_ladder_free (ladder);
}

/* ---- the fixture ---- */

static void
add_note (Fixture          *fixture,
          PathwaysNoteKind  kind,
          const char       *body,
          const char       *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pathways_store_add_note (fixture->store, fixture->person, kind, body, date,
                                            NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *today = pathways_test_dup_day (0);
  g_autofree char *long_ago = pathways_test_dup_day (-730);
  g_autoptr(GError) error = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture->dir = pathways_test_make_temp_dir ("person-reviews");
  db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->store = pathways_test_open_store (db_path, &fixture->db);
  fixture->settings = g_settings_new (APPLICATION_ID);
  person = g_object_new (PATHWAYS_TYPE_PERSON, "name", "Amara Okafor",
                         "ladder-path", "Engineering", "level", "Engineer", NULL);
  fixture->person = g_object_ref (pathways_store_add_person (fixture->store, person, &error));
  g_assert_no_error (error);

  add_note (fixture, PATHWAYS_NOTE_WIN, WIN_NOTE, today);
  add_note (fixture, PATHWAYS_NOTE_GROWTH, GROWTH_NOTE, today);
  add_note (fixture, PATHWAYS_NOTE_WIN, OLD_NOTE, long_ago);

  fixture->tab = g_object_ref (g_object_new (PATHWAYS_TYPE_PERSON_REVIEWS, NULL));
  fixture->window = pathways_test_window_new (GTK_WIDGET (fixture->tab), 1200, 800);
  pathways_person_reviews_set_settings (fixture->tab, fixture->settings);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  pathways_test_settle ();
  g_assert_finalize_object (fixture->tab);
  g_settings_reset (fixture->settings, "review-template");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->ladder, free_ladder);
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

static void
show (Fixture *fixture)
{
  pathways_person_reviews_set_context (fixture->tab, fixture->store, fixture->person,
                                       fixture->ladder);
  pathways_test_settle ();
}

static PathwaysCycle *
current_cycle (Fixture *fixture)
{
  g_autofree char *today = pathways_test_dup_day (0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  PathwaysCycle *cycle;

  g_assert_true (pathways_store_ensure_cycles (fixture->store, g_date_time_get_year (now),
                                               &error));
  cycle = pathways_store_find_cycle (fixture->store, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cycle);
  return cycle;
}

static PathwaysReview *
stored_review (Fixture *fixture)
{
  g_autoptr(PathwaysCycle) cycle = current_cycle (fixture);
  g_autoptr(GError) error = NULL;
  PathwaysReview *review = pathways_store_get_review (fixture->store, fixture->person,
                                                      cycle->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);
  return review;
}

/* ---- the widgets ---- */

static gboolean
shows_label_starting (GtkWidget  *root,
                      const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pathways_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (label))
          && g_str_has_prefix (gtk_label_get_text (label), prefix))
        return TRUE;
    }
  return FALSE;
}

static GtkTextView *
editor (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->tab), GTK_TYPE_TEXT_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);

      if (G_OBJECT_TYPE (view) == GTK_TYPE_TEXT_VIEW)
        {
          g_assert_true (gtk_widget_get_mapped (view));
          return GTK_TEXT_VIEW (view);
        }
    }
  g_assert_not_reached ();
}

static char *
dup_editor_text (Fixture *fixture)
{
  return pathways_test_dup_buffer_text (gtk_text_view_get_buffer (editor (fixture)));
}

static void
type_at_end (Fixture    *fixture,
             const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor (fixture));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
}

static gboolean
toggled (Fixture    *fixture,
         const char *label)
{
  GtkWidget *button = pathways_test_find_button (GTK_WIDGET (fixture->tab), label);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

static void
start (Fixture *fixture)
{
  pathways_test_click (pathways_test_find_button (GTK_WIDGET (fixture->tab), "Start Review"));
  editor (fixture);
}

/* The evidence row on screen whose title is @text, or %NULL. */
static GtkWidget *
evidence_row (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  pathways_test_collect (GTK_WIDGET (fixture->tab), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_mapped (row)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) == 0)
        return row;
    }
  return NULL;
}

static GtkWidget *
child_with_tooltip (GtkWidget  *root,
                    GType       type,
                    const char *tooltip)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();

  pathways_test_collect (root, type, children);
  for (guint i = 0; i < children->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (children, i)), tooltip) == 0)
      return g_ptr_array_index (children, i);
  g_assert_not_reached ();
}

static gboolean
shows_cited (Fixture    *fixture,
             const char *text)
{
  GtkWidget *row = evidence_row (fixture, text);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (child_with_tooltip (row, GTK_TYPE_IMAGE,
                                                     "Cited in the draft"));
}

static GtkWidget *
toplevel_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* ---- the tests ---- */

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PathwaysCycle) cycle = current_cycle (fixture);
  g_autoptr(PathwaysReview) review = NULL;
  g_autofree char *title = g_strdup_printf ("No Review for %s Yet", cycle->name);
  g_autofree char *text = NULL;
  GtkDropDown *dropdown;
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  show (fixture);
  /* The current cycle is chosen, with its days left. */
  pathways_test_collect (GTK_WIDGET (fixture->tab), GTK_TYPE_DROP_DOWN, dropdowns);
  dropdown = g_ptr_array_index (dropdowns, 0);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==,
                   cycle->name);
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab), title));

  start (fixture);
  text = dup_editor_text (fixture);
  g_assert_nonnull (strstr (text, "## Summary"));
  g_assert_nonnull (strstr (text, "Amara"));
  g_assert_nonnull (strstr (text, cycle->name));
  g_assert_null (strstr (text, "{first_name}"));
  g_assert_null (strstr (text, "{cycle}"));
  g_assert_false (pathways_test_shows_label (GTK_WIDGET (fixture->tab), title));

  review = stored_review (fixture);
  g_assert_cmpstr (review->body, ==, text);
  g_assert_cmpint (review->status, ==, PATHWAYS_REVIEW_DRAFT);
}

/* The template in the settings, filled in with the name, cycle and levels of the ladder. */
static void
test_start_from_settings (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PathwaysCycle) cycle = current_cycle (fixture);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  g_settings_set_string (fixture->settings, "review-template",
                         "# {name}\n\n{cycle}: from {level} toward {target}\n");
  fixture->ladder = make_ladder ();
  show (fixture);
  start (fixture);
  text = dup_editor_text (fixture);
  expected = g_strdup_printf ("# Amara Okafor\n\n%s: from Engineer toward Senior Engineer\n",
                              cycle->name);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (strstr (text, "{name}"));
}

static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *filter = NULL;
  GListModel *choices;

  show (fixture);
  /* Before the review is started too. */
  g_assert_nonnull (evidence_row (fixture, WIN_NOTE));
  g_assert_nonnull (evidence_row (fixture, GROWTH_NOTE));
  g_assert_null (evidence_row (fixture, OLD_NOTE));

  start (fixture);
  g_assert_nonnull (evidence_row (fixture, WIN_NOTE));
  g_assert_null (evidence_row (fixture, OLD_NOTE));

  /* Filtered by kind, with counts. */
  pathways_test_collect (GTK_WIDGET (fixture->tab), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (dropdowns, i)),
                   "Show evidence of a kind") == 0)
      filter = g_ptr_array_index (dropdowns, i);
  g_assert_nonnull (filter);
  choices = gtk_drop_down_get_model (filter);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "All (2)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==, "Wins (1)");
  gtk_drop_down_set_selected (filter, 2);
  pathways_test_settle ();
  g_assert_null (evidence_row (fixture, WIN_NOTE));
  g_assert_nonnull (evidence_row (fixture, GROWTH_NOTE));
  gtk_drop_down_set_selected (filter, 0);
  pathways_test_settle ();
  g_assert_nonnull (evidence_row (fixture, WIN_NOTE));
}

static void
test_insert (Fixture       *fixture,
             gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *bullet = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  show (fixture);
  start (fixture);
  g_assert_false (shows_cited (fixture, WIN_NOTE));

  /* The cursor in the middle of "## Wins and successes": the bullet goes on a line of its
   * own, below. */
  buffer = gtk_text_view_get_buffer (editor (fixture));
  text = dup_editor_text (fixture);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      (int) g_utf8_pointer_to_offset (text,
                                                                      strstr (text, "## Wins")
                                                                      + 7));
  gtk_text_buffer_place_cursor (buffer, &iter);
  pathways_test_click (child_with_tooltip (evidence_row (fixture, WIN_NOTE), GTK_TYPE_BUTTON,
                                           "Insert at the Cursor"));

  g_clear_pointer (&text, g_free);
  text = dup_editor_text (fixture);
  date = g_date_time_format (now, "%-d %b %Y");
  bullet = g_strdup_printf ("\n- %s — %s _(", date, WIN_NOTE);
  expected = g_strdup_printf ("## Wins and successes\n- %s — %s _(", date, WIN_NOTE);
  g_assert_nonnull (strstr (text, expected));
  g_assert_true (shows_cited (fixture, WIN_NOTE));
  g_assert_false (shows_cited (fixture, GROWTH_NOTE));

  /* Saved after the pause. */
  pathways_person_reviews_flush (fixture->tab);
  review = stored_review (fixture);
  g_assert_nonnull (strstr (review->body, bullet));
}

static void
test_ladder_section (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = pathways_test_dup_day (0);

  fixture->ladder = make_ladder ();
  g_assert_true (pathways_store_rate (fixture->store, fixture->person, "eng/senior/Impact",
                                      PATHWAYS_RATING_CONSISTENTLY, "As the level asks.", today,
                                      &error));
  g_assert_no_error (error);
  show (fixture);
  start (fixture);

  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab),
                                            "Each expectation of Senior Engineer with its rating, "
                                            "how long it has held and its evidence."));
  /* The suggestion says why: one expectation of two is held, and not for long. */
  g_assert_true (shows_label_starting (GTK_WIDGET (fixture->tab),
                                       "Suggestion: not ready yet — "));

  pathways_test_click (pathways_test_find_button (GTK_WIDGET (fixture->tab),
                                                  "Insert Ladder Section"));
  text = dup_editor_text (fixture);
  g_assert_nonnull (strstr (text, "Against **Senior Engineer**"));
  g_assert_nonnull (strstr (text, "| Expectation | Rating | Held | Evidence |"));
  g_assert_nonnull (strstr (text, "| Impact | Consistently |"));
}

static void
test_no_ladder (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *button;

  show (fixture);
  start (fixture);
  button = pathways_test_find_button (GTK_WIDGET (fixture->tab), "Insert Ladder Section");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab),
                                            "No ladder to report against: the handbook has no "
                                            "career ladder."));
  g_assert_true (shows_label_starting (GTK_WIDGET (fixture->tab), "No suggestion"));
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PathwaysReview) review = NULL;
  GtkWidget *ready;

  show (fixture);
  start (fixture);
  g_assert_true (toggled (fixture, "Draft"));
  ready = pathways_test_find_button (GTK_WIDGET (fixture->tab), "Ready");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ready), TRUE);
  pathways_test_settle ();
  review = stored_review (fixture);
  g_assert_cmpint (review->status, ==, PATHWAYS_REVIEW_READY);

  /* Shown again as stored. */
  pathways_person_reviews_reload (fixture->tab);
  pathways_test_settle ();
  g_assert_true (toggled (fixture, "Ready"));
  g_assert_false (toggled (fixture, "Draft"));
}

static void
test_autosave_and_revisions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PathwaysReview) saved = NULL;
  g_autoptr(PathwaysReview) restored = NULL;
  g_autoptr(PathwaysReview) undone = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  show (fixture);
  start (fixture);
  template_text = dup_editor_text (fixture);
  type_at_end (fixture, TYPED);

  /* Typing waits for a pause; switching away or flushing writes at once. */
  pathways_person_reviews_flush (fixture->tab);
  saved = stored_review (fixture);
  g_assert_true (g_str_has_suffix (saved->body, TYPED));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->tab), "reviews.revisions",
                                             NULL));
  pathways_test_settle ();
  dialog = toplevel_titled ("Revisions");
  g_assert_nonnull (dialog);
  pathways_test_click (pathways_test_find_button (dialog, "Restore"));
  g_assert_null (toplevel_titled ("Revisions"));

  text = dup_editor_text (fixture);
  g_assert_cmpstr (text, ==, template_text);
  restored = stored_review (fixture);
  g_assert_cmpstr (restored->body, ==, template_text);
  g_assert_true (pathways_test_shows_label (fixture->window, "Earlier revision restored"));

  /* Undo puts back what was replaced. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->tab), "reviews.undo-restore",
                                             NULL));
  pathways_test_settle ();
  undone = stored_review (fixture);
  g_assert_true (g_str_has_suffix (undone->body, TYPED));
  g_clear_pointer (&text, g_free);
  text = dup_editor_text (fixture);
  g_assert_cmpstr (text, ==, undone->body);
}

static void
test_export_markdown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PathwaysCycle) cycle = current_cycle (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "review.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;

  show (fixture);
  g_assert_false (pathways_person_reviews_export_markdown (fixture->tab, file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  start (fixture);
  type_at_end (fixture, TYPED);
  g_assert_true (pathways_person_reviews_export_markdown (fixture->tab, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  title = g_strdup_printf ("# Performance review: Amara Okafor, %s\n", cycle->name);
  g_assert_true (g_str_has_prefix (contents, title));
  g_assert_nonnull (strstr (contents, "## Wins and successes"));
  g_assert_nonnull (strstr (contents, TYPED));
  /* The template's prompts stay behind. */
  g_assert_null (strstr (contents, "<!--"));
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *copied = NULL;

  show (fixture);
  start (fixture);
  type_at_end (fixture, TYPED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->tab), "reviews.copy", NULL));
  pathways_test_settle ();
  copied = pathways_test_dup_clipboard (GTK_WIDGET (fixture->tab));
  g_assert_true (g_str_has_prefix (copied, "# Performance review: Amara Okafor, "));
  g_assert_nonnull (strstr (copied, TYPED));
  g_assert_true (pathways_test_shows_label (fixture->window, "Review copied as Markdown"));
}

/* The review of the cycle before is one click away, and readable. */
static void
test_previous (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PathwaysCycle) cycle = current_cycle (fixture);
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(PathwaysReview) earlier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PathwaysCycle *before = NULL;
  GtkWidget *row;

  /* Last year's cycles too, so there always is one before today's. */
  g_assert_true (pathways_store_ensure_cycles (fixture->store, g_date_time_get_year (now) - 1,
                                               &error));
  g_assert_no_error (error);
  cycles = pathways_store_list_cycles (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cycles->len; i++)
    {
      PathwaysCycle *c = g_ptr_array_index (cycles, i);

      if (g_strcmp0 (c->ends_on, cycle->starts_on) < 0)
        before = c;
    }
  g_assert_nonnull (before);
  earlier = pathways_store_start_review (fixture->store, fixture->person, before->id,
                                         "Earlier words", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pathways_store_set_review_status (fixture->store, earlier->id,
                                                   PATHWAYS_REVIEW_DELIVERED, &error));

  show (fixture);
  g_assert_true (pathways_test_shows_label (GTK_WIDGET (fixture->tab), "Since the Last Review"));
  row = evidence_row (fixture, before->name);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Delivered · last edited "));
  g_signal_emit_by_name (row, "activated");
  pathways_test_settle ();
  text = dup_editor_text (fixture);
  g_assert_cmpstr (text, ==, "Earlier words");
  g_assert_true (toggled (fixture, "Delivered"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/person-reviews/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("start", test_start);
  ADD ("start-from-settings", test_start_from_settings);
  ADD ("evidence", test_evidence);
  ADD ("insert", test_insert);
  ADD ("ladder-section", test_ladder_section);
  ADD ("no-ladder", test_no_ladder);
  ADD ("status", test_status);
  ADD ("autosave-and-revisions", test_autosave_and_revisions);
  ADD ("export-markdown", test_export_markdown);
  ADD ("copy", test_copy);
  ADD ("previous", test_previous);
#undef ADD

  return g_test_run ();
}
