/* test-person-ladder.c: a person's Ladder tab under a real display — the target is the next
 * level, progress counts what was rated, and what the handbook changed or dropped since a
 * rating is said, not hidden.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pathways-person-ladder.h"
#include "pathways-test-ui.h"

typedef struct
{
  char                 *dir;
  PathwaysDb           *db;
  PathwaysStore        *store;
  PathwaysLadder       *ladder;
  PathwaysPerson       *person;
  GtkWidget            *window;
  PathwaysPersonLadder *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *handbook_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook",
                                                         NULL);
  g_autoptr(GFile) root = g_file_new_for_path (handbook_dir);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (root);
  g_autofree char *db_path = NULL;
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathways_handbook_load (handbook, NULL, &error));
  fixture->ladder = pathways_ladder_load (handbook, NULL, &error);
  g_assert_no_error (error);

  fixture->dir = pathways_test_make_temp_dir ("person-ladder");
  db_path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture->store = pathways_test_open_store (db_path, &fixture->db);

  person = g_object_new (PATHWAYS_TYPE_PERSON, "name", "Mateo Fernández",
                         "ladder-path", "Software Engineer", "level", "Engineer II (IC 3)",
                         "start-date", "2021-09-06", NULL);
  fixture->person = g_object_ref (pathways_store_add_person (fixture->store, person, &error));
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  fixture->view = g_object_new (PATHWAYS_TYPE_PERSON_LADDER, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->ladder, pathways_ladder_free);
  g_assert_true (pathways_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

static void
show (Fixture *fixture)
{
  pathways_person_ladder_set_store (fixture->view, fixture->store);
  pathways_person_ladder_set_ladder (fixture->view, fixture->ladder);
  pathways_person_ladder_set_person (fixture->view, fixture->person);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_labels (GtkWidget *root,
                GString   *into)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (into, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, into);
    }
}

/* Every label text in the view, one a line: what a person can read on it. */
static char *
view_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (fixture->view), text);
  return g_string_free (text, FALSE);
}

static const char *
impact_key (Fixture *fixture)
{
  const PathwaysLevel *senior = pathways_ladder_find_level (fixture->ladder, "Software Engineer",
                                                            "Senior Engineer", NULL);
  const PathwaysCompetency *impact = g_ptr_array_index (senior->competencies, 0);

  g_assert_cmpstr (impact->label, ==, "Impact");
  return impact->key;
}

static void
test_target_is_next_level (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *text = NULL;

  show (fixture);
  text = view_text (fixture);
  g_assert_nonnull (strstr (text, "Software Engineer — Senior Engineer (IC 4)"));
  g_assert_nonnull (strstr (text, "Engineer II (IC 3)"));
  g_assert_nonnull (strstr (text, "0 of 12 consistently · 0 sometimes · 0 sustained"));
}

static void
test_progress_counts_ratings (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *key = impact_key (fixture);
  const char *now = pathways_ladder_lookup_key (fixture->ladder, key);

  /* Consistently for half a year: sustained. */
  g_assert_true (pathways_store_rate (fixture->store, fixture->person, key,
                                      PATHWAYS_RATING_CONSISTENTLY, now, "2026-01-05", &error));
  g_assert_true (pathways_store_rate (fixture->store, fixture->person, key,
                                      PATHWAYS_RATING_CONSISTENTLY, now, "2026-05-05", &error));
  g_assert_no_error (error);
  show (fixture);
  text = view_text (fixture);
  g_assert_nonnull (strstr (text, "1 of 12 consistently · 0 sometimes · 1 sustained"));
  g_assert_nonnull (strstr (text, "— sustained"));
}

/* How long "sustained" takes is the manager's call: a year makes half a year not enough. */
static void
test_sustained_weeks_setting (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *key = impact_key (fixture);
  const char *now = pathways_ladder_lookup_key (fixture->ladder, key);

  g_assert_true (pathways_store_rate (fixture->store, fixture->person, key,
                                      PATHWAYS_RATING_CONSISTENTLY, now, "2026-05-05", &error));
  pathways_person_ladder_set_settings (fixture->view, settings);
  show (fixture);
  before = view_text (fixture);
  g_assert_nonnull (strstr (before, "1 of 12 consistently · 0 sometimes · 1 sustained"));

  g_settings_set_uint (settings, "sustained-weeks", 52);
  after = view_text (fixture);
  g_assert_nonnull (strstr (after, "1 of 12 consistently · 0 sometimes · 0 sustained"));
  g_settings_reset (settings, "sustained-weeks");
}

static void
test_changed_and_removed_are_said (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Rated when the handbook said something else… */
  g_assert_true (pathways_store_rate (fixture->store, fixture->person, impact_key (fixture),
                                      PATHWAYS_RATING_SOMETIMES, "Ships small features.",
                                      "2026-03-01", &error));
  /* …and an expectation the handbook has since dropped. */
  g_assert_true (pathways_store_rate (fixture->store, fixture->person,
                                      "software-engineer/senior-engineer/heroics",
                                      PATHWAYS_RATING_NOT_YET, "Fixes production at 3 a.m.",
                                      "2026-02-01", &error));
  g_assert_no_error (error);

  show (fixture);
  text = view_text (fixture);
  g_assert_nonnull (strstr (text, "Changed in the handbook since you rated it. You rated: "
                                  "“Ships small features.”"));
  g_assert_nonnull (strstr (text, "No Longer in the Handbook"));
  g_assert_nonnull (strstr (text, "Fixes production at 3 a.m."));
  g_assert_nonnull (strstr (text, "0 of 12 consistently · 1 sometimes · 0 sustained"));
}

static void
test_no_ladder (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = NULL;

  pathways_person_ladder_set_store (fixture->view, fixture->store);
  pathways_person_ladder_set_person (fixture->view, fixture->person);
  pathways_person_ladder_set_ladder (fixture->view, NULL);
  text = view_text (fixture);
  g_assert_nonnull (strstr (text, "No Career Ladder"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/person-ladder/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("target-is-next-level", test_target_is_next_level);
  ADD ("progress-counts-ratings", test_progress_counts_ratings);
  ADD ("changed-and-removed-are-said", test_changed_and_removed_are_said);
  ADD ("sustained-weeks-setting", test_sustained_weeks_setting);
  ADD ("no-ladder", test_no_ladder);
#undef ADD

  return g_test_run ();
}
