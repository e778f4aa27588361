/* store-writer.c: a helper for test-store-kill — writes people to the database given as
 * argv[1] as fast as it can, one after another, and prints "committed N" once each is in
 * the file, until it is killed.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "store-writer"

#include "config.h"

#include <stdio.h>

#include "pathways-db.h"
#include "pathways-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysDb) db = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  guint n;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  db = pathways_db_open (argv[1], &error);
  if (db != NULL)
    store = pathways_store_new (db, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Every earlier writer's people survived (the test checks), so numbering goes on from
   * there and names stay unique. */
  n = g_list_model_get_n_items (pathways_store_get_people (store)) + 1;

  for (;; n++)
    {
      g_autofree char *name = g_strdup_printf ("Writer %u", n);
      g_autofree char *notes = g_strdup_printf ("Note %u", n);
      g_autoptr(PathwaysPerson) person = NULL;

      /* Three transactions, like a person added, then edited, then promoted in the app. */
      person = g_object_new (PATHWAYS_TYPE_PERSON,
                             "name", name,
                             "ladder-path", "Software Engineer",
                             "level", "Engineer I (IC 2)",
                             "start-date", "2024-01-08",
                             NULL);
      if (pathways_store_add_person (store, person, &error) == NULL)
        break;

      pathways_person_set_notes (person, notes);
      if (!pathways_store_save_person (store, person, &error))
        break;

      if (n % 2 == 1
          && !pathways_store_change_level (store, person, "Software Engineer",
                                           "Engineer II (IC 3)", "2025-01-06", &error))
        break;

      printf ("committed %u\n", n);
      fflush (stdout);
    }

  g_printerr ("%s\n", error->message);

  return 1;
}
