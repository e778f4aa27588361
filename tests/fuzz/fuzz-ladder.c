/* fuzz-ladder.c: the career ladder read out of handbook pages. The input is up to three
 * pages separated by form feeds — the home page (often the overview that lists the levels)
 * and two pages under levels/ — written into a folder that is loaded as a handbook, as the
 * app reads a real one.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-ladder.h"
#include "fuzz-common.h"

static const char * const page_names[] = { "index.md", "levels/engineering.md",
                                           "levels/management.md" };

static char *tmp_dir;

static void
cleanup (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, page_names[i], NULL);
      g_remove (path);
    }
  {
    g_autofree char *levels = g_build_filename (tmp_dir, "levels", NULL);
    g_rmdir (levels);
  }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

/* Not g_file_set_contents(): its fsync() would make this target a disk benchmark. */
static void
write_page (const char *path,
            const char *contents,
            gsize       len)
{
  FILE *file = fopen (path, "wb");

  if (file == NULL || fwrite (contents, 1, len, file) != len || fclose (file) != 0)
    g_error ("Could not write %s", path);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *levels = NULL;

  fuzz_init ();

  tmp_dir = g_dir_make_tmp ("pathways-fuzz-ladder-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  levels = g_build_filename (tmp_dir, "levels", NULL);
  g_mkdir (levels, 0700);
  atexit (cleanup);

  return 0;
}

static void
check_ladder (PathwaysLadder *ladder)
{
  g_autoptr(GHashTable) snapshot = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (ladder->paths->len, >, 0);

  json = pathways_ladder_to_json (ladder, tmp_dir);
  g_assert (g_utf8_validate (json, -1, NULL));

  /* Compared with itself, nothing changed. */
  snapshot = pathways_ladder_dup_snapshot (ladder);
  changes = pathways_ladder_compare (ladder, snapshot);
  for (guint i = 0; i < changes->len; i++)
    {
      PathwaysLadderChange *change = g_ptr_array_index (changes, i);

      g_assert_cmpint (change->status, ==, PATHWAYS_LADDER_KEY_UNCHANGED);
    }

  for (guint i = 0; i < ladder->paths->len; i++)
    {
      const PathwaysPath *path = g_ptr_array_index (ladder->paths, i);

      for (guint j = 0; j < path->levels->len; j++)
        {
          const PathwaysLevel *level = g_ptr_array_index (path->levels, j);
          const PathwaysPath *found_path = NULL;
          g_autofree char *display = pathways_level_dup_display_name (level);
          g_autofree char *choice = pathways_level_dup_choice_name (path, level);

          g_assert (g_utf8_validate (choice, -1, NULL));

          /* A person's record names the level as it is displayed: it must lead back. */
          g_assert_nonnull (pathways_ladder_find_level (ladder, path->title, display,
                                                        &found_path));
          g_assert (pathways_ladder_get_path_of_level (ladder, level) == path);
          pathways_ladder_next_level (ladder, level, NULL);

          for (guint k = 0; k < level->competencies->len; k++)
            {
              const PathwaysCompetency *competency = g_ptr_array_index (level->competencies, k);

              g_assert_nonnull (pathways_ladder_lookup_key (ladder, competency->key));
            }
          for (guint k = 0; k < level->responsibilities->len; k++)
            {
              const PathwaysResponsibility *responsibility =
                g_ptr_array_index (level->responsibilities, k);

              g_assert_nonnull (pathways_ladder_lookup_key (ladder, responsibility->key));
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const chosen[] = { "levels/engineering.md", NULL };
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autoptr(PathwaysLadder) ladder = NULL;
  g_autoptr(PathwaysLadder) chosen_ladder = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *start = (const char *) data;
  const char *end = start + size;

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, page_names[i], NULL);
      const char *sep = start < end ? memchr (start, '\f', end - start) : NULL;
      const char *stop = sep != NULL ? sep : end;

      /* A page that the input does not reach is not there at all. */
      if (start >= end && i > 0)
        {
          g_remove (path);
          continue;
        }
      write_page (path, start, stop - start);
      start = sep != NULL ? sep + 1 : end;
    }

  root = g_file_new_for_path (tmp_dir);
  handbook = pathways_handbook_new (root);
  if (!pathways_handbook_load (handbook, NULL, &error))
    g_error ("%s", error->message);

  ladder = pathways_ladder_load (handbook, NULL, &error);
  if (ladder != NULL)
    check_ladder (ladder);
  else
    g_assert_error (error, PATHWAYS_LADDER_ERROR, PATHWAYS_LADDER_ERROR_NO_LADDER);
  g_clear_error (&error);

  /* Every other input, also as when the person picked the ladder's page themselves. */
  if (size == 0 || data[0] % 2 == 0)
    return 0;
  chosen_ladder = pathways_ladder_load_pages (handbook, chosen, NULL, &error);
  if (chosen_ladder != NULL)
    check_ladder (chosen_ladder);
  else
    g_assert_error (error, PATHWAYS_LADDER_ERROR, PATHWAYS_LADDER_ERROR_NO_LADDER);

  return 0;
}
