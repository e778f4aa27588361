/* fuzz-replay.c: runs a fuzz target over saved inputs without libFuzzer, so the normal build
 * replays the seed corpus and every crasher found so far as a TAP test.
 *
 * Usage: fuzz-<target>-replay DIR-OR-FILE...
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A missing folder is no error: regressions/<target>/ only exists once something was found,
 * since git keeps no empty folders. Hidden files (editor droppings, .gitkeep) are skipped. */
static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] != '.' && g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_paths);

  if (files->len == 0)
    {
      printf ("1..0 # SKIP no inputs\n");
      return 0;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len = 0;
      uint8_t *data;

      if (!g_file_get_contents (file, &contents, &len, &error))
        {
          printf ("not ok %u - %s # %s\n", i + 1, file, error->message);
          continue;
        }

      /* Named before the run, so a crash that kills the process says which input it was. */
      printf ("# %s\n", file);
      fflush (stdout);

      /* An exact-size copy, as libFuzzer passes it, so reading past the end is caught. */
      data = g_malloc (MAX (len, 1));
      memcpy (data, contents, len);
      LLVMFuzzerTestOneInput (data, len);
      g_free (data);

      printf ("ok %u - %s\n", i + 1, file);
      fflush (stdout);
    }

  return 0;
}
