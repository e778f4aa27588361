/* test-ladder.c: tests for reading the career ladder — fixture handbooks in several
 * real-world styles, the bundled sample, stable keys, and `pathways --print-ladder`.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ladder"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pathways-handbook.h"
#include "pathways-ladder.h"
#include "pathways-test-util.h"

/* ---- helpers ---- */

static PathwaysHandbook *
load_handbook (const char *path)
{
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PathwaysHandbook *handbook = pathways_handbook_new (root);

  pathways_handbook_load (handbook, NULL, &error);
  g_assert_no_error (error);
  return handbook;
}

static PathwaysLadder *
load_ladder_at (const char *path)
{
  g_autoptr(PathwaysHandbook) handbook = load_handbook (path);
  g_autoptr(GError) error = NULL;
  PathwaysLadder *ladder = pathways_ladder_load (handbook, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ladder);
  return ladder;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static PathwaysLadder *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return load_ladder_at (path);
}

static PathwaysPath *
path_at (PathwaysLadder *ladder,
         guint           i)
{
  g_assert_cmpuint (i, <, ladder->paths->len);
  return g_ptr_array_index (ladder->paths, i);
}

static PathwaysLevel *
level_at (PathwaysPath *path,
          guint         i)
{
  g_assert_cmpuint (i, <, path->levels->len);
  return g_ptr_array_index (path->levels, i);
}

static PathwaysCompetency *
competency_at (PathwaysLevel *level,
               guint          i)
{
  g_assert_cmpuint (i, <, level->competencies->len);
  return g_ptr_array_index (level->competencies, i);
}

static PathwaysResponsibility *
responsibility_at (PathwaysLevel *level,
                   guint          i)
{
  g_assert_cmpuint (i, <, level->responsibilities->len);
  return g_ptr_array_index (level->responsibilities, i);
}

/* The labels of a level's competencies, joined with commas. */
static char *
dup_labels (PathwaysLevel *level)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < level->competencies->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "," : "", competency_at (level, i)->label);
  return g_string_free (s, FALSE);
}

static void
assert_level (PathwaysLevel *level,
              const char    *title,
              const char    *code,
              const char    *labels,
              guint          n_responsibilities)
{
  g_autofree char *got = dup_labels (level);

  g_assert_cmpstr (level->title, ==, title);
  g_assert_cmpstr (level->code, ==, code);
  g_assert_cmpstr (got, ==, labels);
  g_assert_cmpuint (level->responsibilities->len, ==, n_responsibilities);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        copy_tree (src, dst);
      else
        {
          g_autofree char *contents = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
          g_assert_true (g_file_set_contents (dst, contents, len, NULL));
        }
    }
}

/* Replaces @from by @to in @file, which must contain it. */
static void
edit_file (const char *file,
           const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, from));
  edited = g_string_new (contents);
  g_string_replace (edited, from, to, 1);
  g_assert_true (g_file_set_contents (file, edited->str, edited->len, NULL));
}

/* ---- fixture handbooks ---- */

/* Colon inside bold labels, H3 responsibilities, an overview with loose anchors. */
static void
test_colon_inside (void)
{
  g_autoptr(PathwaysLadder) ladder = load_fixture ("ladder-inside");
  PathwaysPath *engineering;
  PathwaysPath *management;
  PathwaysLevel *level;

  g_assert_cmpuint (ladder->paths->len, ==, 2);
  g_assert_cmpstr (ladder->overview, ==, "index.md");
  engineering = path_at (ladder, 0);
  management = path_at (ladder, 1);
  g_assert_cmpstr (engineering->title, ==, "Engineering");
  g_assert_cmpstr (engineering->page, ==, "levels/engineering.md");
  g_assert_cmpstr (management->title, ==, "Management");

  /* The page lists Senior first; the overview's order wins. */
  g_assert_cmpuint (engineering->levels->len, ==, 3);
  assert_level (level_at (engineering, 0), "Associate Engineer", "IC 1", "Impact,Craft", 3);
  assert_level (level_at (engineering, 1), "Engineer", "IC 2", "Impact,Craft", 1);
  assert_level (level_at (engineering, 2), "Senior Engineer", "IC 3a", "Impact,Craft", 2);
  assert_level (level_at (management, 0), "Team Lead", "Manager 4 / IC 5", "People,Delivery",
                0);
  assert_level (level_at (management, 1), "Engineering Manager", "M5",
                "People,Delivery,Hiring", 0);

  level = level_at (engineering, 0);
  g_assert_cmpstr (level->page, ==, "levels/engineering.md");
  g_assert_cmpstr (level->anchor, ==, "associate-engineer-ic-1");
  g_assert_cmpstr (level->summary, ==, "writes good code with a lot of support.");
  g_assert_cmpstr (competency_at (level, 0)->text, ==, "Completes small tasks with help.");
  g_assert_cmpstr (responsibility_at (level, 2)->text, ==, "Learn the deployment pipeline.");
  g_assert_cmpstr (level_at (engineering, 1)->summary, ==, "ships features on their own.");
  g_assert_cmpstr (level_at (management, 0)->summary, ==,
                   "runs a small team and still codes.");
}

/* Colon outside, a label followed by a list, a bold "Responsibilities:" paragraph with
 * nested bullets, a summary H2 and a trailing H1 that are not levels. */
static void
test_colon_outside (void)
{
  g_autoptr(PathwaysLadder) ladder = load_fixture ("ladder-outside");
  PathwaysPath *path;
  PathwaysLevel *junior;
  PathwaysResponsibility *tickets;

  g_assert_cmpuint (ladder->paths->len, ==, 1);
  g_assert_null (ladder->overview);
  path = path_at (ladder, 0);
  g_assert_cmpstr (path->title, ==, "Developer Career Ladder");
  g_assert_cmpuint (path->levels->len, ==, 3);
  assert_level (level_at (path, 0), "Junior Developer", "L1", "Impact,Teamwork", 2);
  assert_level (level_at (path, 1), "Developer", "L2", "Impact,Teamwork", 2);
  assert_level (level_at (path, 2), "Senior Developer", "L3", "Impact,Teamwork,Growth", 0);

  junior = level_at (path, 0);
  g_assert_cmpstr (competency_at (junior, 0)->text, ==, "Fixes well-understood bugs.");
  g_assert_cmpstr (competency_at (junior, 1)->text, ==,
                   "Asks for help early.\nShares what they learn.");
  /* Without an overview, the level's first unlabelled paragraph is its summary. */
  g_assert_cmpstr (junior->summary, ==, "Junior developers are learning how we work.");
  g_assert_null (level_at (path, 1)->summary);

  tickets = responsibility_at (junior, 0);
  g_assert_cmpstr (tickets->text, ==, "Work on small tickets.");
  g_assert_cmpuint (tickets->children->len, ==, 2);
  g_assert_cmpstr (((PathwaysResponsibility *) g_ptr_array_index (tickets->children, 1))->text,
                   ==, "Copy changes.");
  g_assert_cmpuint (responsibility_at (junior, 1)->children->len, ==, 0);

  g_assert_cmpstr (competency_at (level_at (path, 1), 0)->text, ==,
                   "Builds features with little guidance.");
  g_assert_cmpstr (competency_at (level_at (path, 2), 1)->text, ==,
                   "Mentors other developers.");
}

/* Codes before the name, bold bullets with nested bullets, several paths on one page, a page
 * without an H1, no overview (paths by page title). */
static void
test_code_first (void)
{
  g_autoptr(PathwaysLadder) ladder = load_fixture ("ladder-codes");
  PathwaysPath *development;
  PathwaysLevel *d1;

  g_assert_cmpuint (ladder->paths->len, ==, 3);
  g_assert_cmpstr (path_at (ladder, 0)->title, ==, "Architecture track");
  g_assert_cmpstr (path_at (ladder, 1)->title, ==, "Development track");
  g_assert_cmpstr (path_at (ladder, 2)->title, ==, "Management track");
  g_assert_cmpstr (path_at (ladder, 2)->page, ==, "tracks.md");

  assert_level (level_at (path_at (ladder, 0), 0), "Architect 1", "A1", "Design,Influence", 0);
  development = path_at (ladder, 1);
  assert_level (level_at (development, 0), "Developer 1", "D1", "Delivery,Quality", 0);
  assert_level (level_at (development, 1), "Developer 2", "D2", "Delivery,Quality", 0);
  assert_level (level_at (path_at (ladder, 2), 0), "Manager 1", "M1", "People,Planning", 0);
  assert_level (level_at (path_at (ladder, 2), 1), "Manager 2", "M2", "People,Planning", 0);

  d1 = level_at (development, 0);
  g_assert_cmpstr (competency_at (d1, 0)->text, ==,
                   "Completes assigned tasks.\nAsks for reviews.");
  g_assert_cmpstr (competency_at (d1, 1)->text, ==, "Writes tests.");
}

/* Plain "- Label: text" bullets, as the Sourcegraph framework writes them; a question H2
 * and an "All levels" H2 are not levels, and a how-to page with "Note:" bullets is no path. */
static void
test_plain_labels (void)
{
  g_autoptr(PathwaysLadder) ladder = load_fixture ("ladder-plain");
  PathwaysPath *path;
  PathwaysLevel *ic1;

  g_assert_cmpuint (ladder->paths->len, ==, 1);
  path = path_at (ladder, 0);
  g_assert_cmpstr (path->title, ==, "Support career framework");
  g_assert_cmpuint (path->levels->len, ==, 2);
  assert_level (level_at (path, 0), "IC1", NULL, "Impact,Scope,Teamwork", 0);
  assert_level (level_at (path, 1), "IC2", NULL, "Impact,Scope,Teamwork", 0);

  ic1 = level_at (path, 0);
  g_assert_cmpstr (competency_at (ic1, 0)->text, ==, "Solves common customer questions.");
  g_assert_cmpstr (competency_at (ic1, 2)->text, ==,
                   "Works with their own team.\nAsks questions in the open.");
  g_assert_cmpstr (competency_at (level_at (path, 1), 2)->text, ==,
                   "Helps new teammates. Note: this sentence has a colon.");
}

static void
test_sample_handbook (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook", NULL);
  g_autoptr(PathwaysLadder) ladder = load_ladder_at (path);
  static const char * const expected[][5] = {
    { "Software Engineer", "Apprentice", "Engineer I", "Engineer II", "Senior Engineer" },
    { "Technical Path", "Staff Engineer", "Senior Staff Engineer", "Principal Engineer", NULL },
    { "Management Path", "Team Lead / Senior Engineer", "Engineering Manager",
      "Senior Engineering Manager", "Director of Engineering" },
  };

  g_assert_cmpstr (ladder->overview, ==, "careers/index.md");
  g_assert_cmpuint (ladder->paths->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PathwaysPath *p = path_at (ladder, i);
      guint n = expected[i][4] != NULL ? 4 : 3;

      g_assert_cmpstr (p->title, ==, expected[i][0]);
      g_assert_cmpuint (p->levels->len, ==, n);
      for (guint j = 0; j < n; j++)
        {
          PathwaysLevel *level = level_at (p, j);

          g_assert_cmpstr (level->title, ==, expected[i][j + 1]);
          g_assert_nonnull (level->code);
          g_assert_nonnull (level->summary);
          g_assert_cmpuint (level->competencies->len, >=, 5);
          g_assert_cmpuint (level->responsibilities->len, >=, 3);
        }
    }
  g_assert_cmpstr (level_at (path_at (ladder, 0), 0)->code, ==, "IC 1");
  g_assert_cmpstr (level_at (path_at (ladder, 1), 2)->code, ==, "T7");
  g_assert_cmpstr (level_at (path_at (ladder, 2), 0)->code, ==, "Manager 4 / IC 4");
  g_assert_true (g_str_has_prefix (level_at (path_at (ladder, 0), 0)->summary,
                                   "learns the craft"));
}

static void
test_sourcegraph (void)
{
  const char *corpora = g_getenv ("PATHWAYS_CORPORA_DIR");
  g_autofree char *root = NULL;
  g_autoptr(PathwaysLadder) ladder = NULL;
  PathwaysPath *framework = NULL;

  if (corpora != NULL)
    root = g_build_filename (corpora, "sourcegraph-handbook", "content", NULL);
  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The Sourcegraph handbook corpus is not here (PATHWAYS_CORPORA_DIR)");
      return;
    }

  ladder = load_ladder_at (root);
  for (guint i = 0; i < ladder->paths->len; i++)
    if (g_str_equal (path_at (ladder, i)->page,
                     "departments/engineering/dev/career-development/framework.md"))
      framework = path_at (ladder, i);

  g_assert_nonnull (framework);
  g_assert_cmpuint (framework->levels->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("IC%u", i + 1);

      assert_level (level_at (framework, i), title, NULL, "Impact,Scope,Execution,Teamwork", 0);
    }
  /* How-to pages full of "**Step 1:**" labels are not career paths. */
  for (guint i = 0; i < ladder->paths->len; i++)
    g_assert_null (strstr (path_at (ladder, i)->page, "/process/"));
}

/* A handbook with pages but no ladder: two how-to sections with the same labels. */
static char *
make_handbook_without_ladder (void)
{
  char *tmp = g_dir_make_tmp ("pathways-ladder-XXXXXX", NULL);
  g_autofree char *page = g_build_filename (tmp, "howto.md", NULL);

  g_assert_true (g_file_set_contents (page,
                                      "# Filing a ticket\n\n## First\n\n**Step 1:** Open it.\n\n"
                                      "## Then\n\n**Step 1:** Fill it in.\n", -1, NULL));
  return tmp;
}

static void
test_no_ladder (void)
{
  g_autofree char *path = make_handbook_without_ladder ();
  g_autoptr(PathwaysHandbook) handbook = load_handbook (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysLadder) ladder = pathways_ladder_load (handbook, NULL, &error);

  g_assert_null (ladder);
  g_assert_error (error, PATHWAYS_LADDER_ERROR, PATHWAYS_LADDER_ERROR_NO_LADDER);
  pathways_test_remove_tree (path);
}

/* ---- stable keys ---- */

static void
test_keys_shape (void)
{
  g_autoptr(PathwaysLadder) ladder = load_fixture ("ladder-outside");
  PathwaysLevel *junior = level_at (path_at (ladder, 0), 0);
  PathwaysResponsibility *tickets = responsibility_at (junior, 0);

  g_assert_cmpstr (competency_at (junior, 0)->key, ==,
                   "developer career ladder/junior developer/impact");
  g_assert_true (g_str_has_prefix (tickets->key, "developer career ladder/junior developer/r:"));
  g_assert_cmpuint (strlen (tickets->key),
                    ==, strlen ("developer career ladder/junior developer/r:") + 16);
  g_assert_cmpstr (pathways_ladder_lookup_key (ladder, tickets->key), ==,
                   "Work on small tickets.");
  g_assert_nonnull (pathways_ladder_lookup_key (ladder, ((PathwaysResponsibility *)
                                                         tickets->children->pdata[0])->key));
  g_assert_null (pathways_ladder_lookup_key (ladder, "no/such/key"));
}

static void
test_keys_survive_cosmetic_edits (void)
{
  g_autofree char *fixture = fixture_path ("ladder-outside");
  g_autofree char *tmp = g_dir_make_tmp ("pathways-ladder-XXXXXX", NULL);
  g_autofree char *page = g_build_filename (tmp, "career-ladder.md", NULL);
  g_autoptr(PathwaysLadder) before = NULL;
  g_autoptr(PathwaysLadder) after = NULL;
  g_autoptr(GHashTable) snapshot = NULL;
  g_autoptr(GHashTable) snapshot_after = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  copy_tree (fixture, tmp);
  before = load_ladder_at (tmp);
  snapshot = pathways_ladder_dup_snapshot (before);

  edit_file (page, "**Impact**: Fixes well-understood bugs.",
             "**Impact:**   fixes  well understood bugs");
  edit_file (page, "- Work on small tickets.", "- Work on  small tickets!");
  edit_file (page, "**Teamwork**: Mentors other developers.",
             "**Teamwork:** Mentors other developers…");
  after = load_ladder_at (tmp);
  snapshot_after = pathways_ladder_dup_snapshot (after);

  g_assert_cmpuint (g_hash_table_size (snapshot_after), ==, g_hash_table_size (snapshot));
  changes = pathways_ladder_compare (after, snapshot);
  g_assert_cmpuint (changes->len, ==, g_hash_table_size (snapshot));
  for (guint i = 0; i < changes->len; i++)
    {
      PathwaysLadderChange *change = g_ptr_array_index (changes, i);

      g_assert_cmpint (change->status, ==, PATHWAYS_LADDER_KEY_UNCHANGED);
      g_assert_cmpstr (change->new_key, ==, change->key);
    }

  pathways_test_remove_tree (tmp);
}

static PathwaysLadderChange *
find_change (GPtrArray  *changes,
             const char *key)
{
  for (guint i = 0; i < changes->len; i++)
    {
      PathwaysLadderChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->key, key))
        return change;
    }
  g_assert_not_reached ();
}

static void
test_keys_report_changes (void)
{
  g_autofree char *fixture = fixture_path ("ladder-outside");
  g_autofree char *tmp = g_dir_make_tmp ("pathways-ladder-XXXXXX", NULL);
  g_autofree char *page = g_build_filename (tmp, "career-ladder.md", NULL);
  g_autoptr(PathwaysLadder) before = NULL;
  g_autoptr(PathwaysLadder) after = NULL;
  g_autoptr(GHashTable) snapshot = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  PathwaysLevel *junior;
  PathwaysLevel *senior;
  g_autofree char *impact_key = NULL;
  g_autofree char *growth_key = NULL;
  g_autofree char *tickets_key = NULL;
  g_autofree char *standup_key = NULL;
  PathwaysLadderChange *change;
  guint unchanged = 0;

  copy_tree (fixture, tmp);
  before = load_ladder_at (tmp);
  junior = level_at (path_at (before, 0), 0);
  senior = level_at (path_at (before, 0), 2);
  impact_key = g_strdup (competency_at (junior, 0)->key);
  growth_key = g_strdup (competency_at (senior, 2)->key);
  tickets_key = g_strdup (responsibility_at (junior, 0)->key);
  standup_key = g_strdup (responsibility_at (junior, 1)->key);
  snapshot = pathways_ladder_dup_snapshot (before);

  edit_file (page, "Fixes well-understood bugs.", "Fixes bugs anywhere in the product.");
  edit_file (page, "- Work on small tickets.", "- Work on small and medium tickets.");
  edit_file (page, "- Attend stand-up.", "- Write the release notes every week.");
  edit_file (page, "**Growth:**\n\n- Learns new areas of the system.\n"
             "- Teaches what they learn.\n", "");
  after = load_ladder_at (tmp);
  changes = pathways_ladder_compare (after, snapshot);

  change = find_change (changes, impact_key);
  g_assert_cmpint (change->status, ==, PATHWAYS_LADDER_KEY_CHANGED);
  g_assert_cmpstr (change->old_text, ==, "Fixes well-understood bugs.");
  g_assert_cmpstr (change->new_text, ==, "Fixes bugs anywhere in the product.");
  g_assert_cmpstr (change->new_key, ==, impact_key);

  /* A reworded responsibility gets a new key, and is found again under it. */
  change = find_change (changes, tickets_key);
  g_assert_cmpint (change->status, ==, PATHWAYS_LADDER_KEY_CHANGED);
  g_assert_cmpstr (change->old_text, ==, "Work on small tickets.");
  g_assert_cmpstr (change->new_text, ==, "Work on small and medium tickets.");
  g_assert_cmpstr (change->new_key, !=, tickets_key);
  g_assert_cmpstr (pathways_ladder_lookup_key (after, change->new_key), ==, change->new_text);

  /* A different sentence is not a rewording: the old one is gone. */
  change = find_change (changes, standup_key);
  g_assert_cmpint (change->status, ==, PATHWAYS_LADDER_KEY_REMOVED);
  g_assert_null (change->new_text);

  change = find_change (changes, growth_key);
  g_assert_cmpint (change->status, ==, PATHWAYS_LADDER_KEY_REMOVED);
  g_assert_cmpstr (change->old_text, ==,
                   "Learns new areas of the system.\nTeaches what they learn.");
  g_assert_null (change->new_key);

  for (guint i = 0; i < changes->len; i++)
    if (((PathwaysLadderChange *) g_ptr_array_index (changes, i))->status
        == PATHWAYS_LADDER_KEY_UNCHANGED)
      unchanged++;
  g_assert_cmpuint (unchanged, ==, changes->len - 4);

  pathways_test_remove_tree (tmp);
}

/* ---- JSON and the command line ---- */

static void
test_json_escaping (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("pathways-ladder-XXXXXX", NULL);
  g_autofree char *page = g_build_filename (tmp, "ladder.md", NULL);
  g_autoptr(PathwaysLadder) ladder = NULL;
  g_autofree char *json = NULL;

  g_assert_true (g_file_set_contents (page,
                                      "# Career \"path\"\n\n"
                                      "## L1 - One\n\n**Say:** a \\\\ back\tslash \"quoted\" é\n\n"
                                      "## L2 - Two\n\n**Say:** more\n", -1, NULL));
  ladder = load_ladder_at (tmp);
  json = pathways_ladder_to_json (ladder, "/a \"dir\"");

  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_nonnull (strstr (json, "{\"handbook\": \"/a \\\"dir\\\"\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Career \\\"path\\\"\""));
  g_assert_nonnull (strstr (json, "\"text\": \"a \\\\ back\\tslash \\\"quoted\\\" é\""));
  g_assert_nonnull (strstr (json, "\"summary\": null"));
  for (const char *p = json; *p != '\0'; p++)
    g_assert_true (*p == '\n' || (guchar) *p >= 0x20);

  pathways_test_remove_tree (tmp);
}

static char *
dup_binary_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "pathways", NULL);
}

static void
test_cli_prints_ladder (void)
{
  g_autofree char *binary = dup_binary_path ();
  g_autofree char *fixture = fixture_path ("ladder-inside");
  const char *argv[] = { binary, "--print-ladder", "--handbook", fixture, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("The pathways binary has not been built");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");

  g_assert_true (g_str_has_prefix (out, "{\"handbook\": "));
  g_assert_nonnull (strstr (out, "\"title\": \"Engineering\", \"page\": \"levels/engineering.md\""));
  g_assert_nonnull (strstr (out, "\"title\": \"Associate Engineer\", \"code\": \"IC 1\""));
  g_assert_nonnull (strstr (out, "\"summary\": \"runs a team.\""));
  g_assert_nonnull (strstr (out, "\"label\": \"Hiring\", \"text\": \"Runs hiring for the team.\""));
  g_assert_true (strstr (out, "Associate Engineer") < strstr (out, "\"Senior Engineer\""));

  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *json_file = NULL;
      int fd = g_file_open_tmp ("pathways-ladder-XXXXXX.json", &json_file, &error);
      const char *check[] = { "/usr/bin/python3", "-c",
                              "import json, sys; d = json.load(open(sys.argv[1])); "
                              "print(len(d['paths']), "
                              "sum(len(p['levels']) for p in d['paths']))",
                              json_file, NULL };
      g_autofree char *check_out = NULL;

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (json_file, out, -1, NULL));
      g_spawn_sync (NULL, (char **) check, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &check_out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (check_out, ==, "2 5\n");
      g_unlink (json_file);
    }
}

static void
test_cli_missing_folder (void)
{
  g_autofree char *binary = dup_binary_path ();
  g_autofree char *missing = g_test_build_filename (G_TEST_BUILT, "no-such-handbook", NULL);
  g_autofree char *no_ladder = make_handbook_without_ladder ();
  const char *folders[] = { missing, no_ladder };

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("The pathways binary has not been built");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      const char *argv[] = { binary, "--print-ladder", "--handbook", folders[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (strlen (err), >, 1);
      /* One line, ending with the only newline. */
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
  pathways_test_remove_tree (no_ladder);
}

/* When detection is wrong, the pages the person picks are the ladder, and only those. */
static void
test_chosen_pages (void)
{
  g_autofree char *dir = fixture_path ("ladder-plain");
  g_autoptr(PathwaysHandbook) handbook = load_handbook (dir);
  const char * const only_howto[] = { "howto.md", NULL };
  const char * const nothing[] = { "no-such-page.md", NULL };
  g_autoptr(PathwaysLadder) detected = pathways_ladder_load (handbook, NULL, NULL);
  g_autoptr(PathwaysLadder) chosen = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysPath *path;

  /* Detected: the framework, not the how-to page. */
  g_assert_nonnull (detected);
  for (guint i = 0; i < detected->paths->len; i++)
    g_assert_cmpstr (path_at (detected, i)->page, !=, "howto.md");

  /* Chosen: the how-to page (levels "Step one", "Step two") and nothing else. */
  chosen = pathways_ladder_load_pages (handbook, only_howto, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->paths->len, ==, 1);
  path = path_at (chosen, 0);
  g_assert_cmpstr (path->page, ==, "howto.md");
  g_assert_cmpuint (path->levels->len, ==, 2);

  /* Chosen pages that hold no levels: no ladder, said so. */
  g_assert_null (pathways_ladder_load_pages (handbook, nothing, NULL, &error));
  g_assert_error (error, PATHWAYS_LADDER_ERROR, PATHWAYS_LADDER_ERROR_NO_LADDER);
}

/* A person's level is free text; it must still find its place on the ladder. */
static void
test_find_level_and_next (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "handbook", NULL);
  g_autoptr(PathwaysLadder) ladder = load_ladder_at (dir);
  const PathwaysPath *path = NULL;
  const PathwaysLevel *level;
  const PathwaysLevel *next;
  g_autofree char *name = NULL;

  level = pathways_ladder_find_level (ladder, "software engineer", "Engineer II (IC 3)", &path);
  g_assert_nonnull (level);
  g_assert_cmpstr (level->title, ==, "Engineer II");
  g_assert_cmpstr (path->title, ==, "Software Engineer");
  g_assert_true (pathways_ladder_find_level (ladder, NULL, "ic 3", NULL) == level);
  g_assert_true (pathways_ladder_find_level (ladder, "Software Engineer", "engineer ii",
                                             NULL) == level);
  name = pathways_level_dup_display_name (level);
  g_assert_cmpstr (name, ==, "Engineer II (IC 3)");

  /* The next level on the same path; none past the top. */
  next = pathways_ladder_next_level (ladder, level, &path);
  g_assert_cmpstr (next->title, ==, "Senior Engineer");
  g_assert_null (pathways_ladder_next_level (ladder, pathways_ladder_find_level (ladder,
                                                                                "Technical Path",
                                                                                "Principal Engineer",
                                                                                NULL), NULL));

  /* A level named on the wrong path is still found; nonsense is not. */
  g_assert_nonnull (pathways_ladder_find_level (ladder, "Management Path", "Engineer II", NULL));
  g_assert_null (pathways_ladder_find_level (ladder, NULL, "Chief Vibes Officer", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/ladder/colon-inside", test_colon_inside);
  g_test_add_func ("/pathways/ladder/colon-outside", test_colon_outside);
  g_test_add_func ("/pathways/ladder/code-first", test_code_first);
  g_test_add_func ("/pathways/ladder/plain-labels", test_plain_labels);
  g_test_add_func ("/pathways/ladder/sample-handbook", test_sample_handbook);
  g_test_add_func ("/pathways/ladder/sourcegraph", test_sourcegraph);
  g_test_add_func ("/pathways/ladder/no-ladder", test_no_ladder);
  g_test_add_func ("/pathways/ladder/find-level-and-next", test_find_level_and_next);
  g_test_add_func ("/pathways/ladder/chosen-pages", test_chosen_pages);
  g_test_add_func ("/pathways/ladder/keys/shape", test_keys_shape);
  g_test_add_func ("/pathways/ladder/keys/cosmetic-edits", test_keys_survive_cosmetic_edits);
  g_test_add_func ("/pathways/ladder/keys/changes", test_keys_report_changes);
  g_test_add_func ("/pathways/ladder/json-escaping", test_json_escaping);
  g_test_add_func ("/pathways/ladder/cli/print", test_cli_prints_ladder);
  g_test_add_func ("/pathways/ladder/cli/errors", test_cli_missing_folder);

  return g_test_run ();
}
