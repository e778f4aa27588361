/* fuzz-links.c: what following a link in a handbook page means. The input is the href, as a
 * page's author wrote it; the handbook is a small folder made once, with a symlink that
 * leaves it. Whatever the href, nothing outside the folder may be opened as part of the
 * handbook, and only http, https and mailto may leave the app.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pathways-handbook.h"
#include "fuzz-common.h"

static char *tmp_dir;
static char *real_root;
static PathwaysHandbook *handbook;

static void
write_file (const char *rel,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, rel, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (!g_file_set_contents (path, contents, -1, &error))
    g_error ("%s", error->message);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static void
cleanup (void)
{
  g_clear_object (&handbook);
  remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&real_root, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autofree char *root_path = NULL;
  g_autofree char *link = NULL;

  fuzz_init ();

  tmp_dir = g_dir_make_tmp ("pathways-fuzz-links-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  atexit (cleanup);

  write_file ("outside/secret.md", "# Secret\n");
  write_file ("outside/secret.txt", "secret\n");
  write_file ("root/index.md", "# Home\n\n## Welcome\n");
  write_file ("root/faq.md", "# FAQ\n");
  write_file ("root/Space Page.md", "# Space\n");
  write_file ("root/\xc3\xbcn\xc3\xaf.md", "# Unicode\n");
  write_file ("root/a/index.md", "# A\n");
  write_file ("root/a/b.md", "# B\n");
  write_file ("root/a/c/d.markdown", "# D\n");
  write_file ("root/assets/img.png", "not really a png");
  write_file ("root/assets/notes.txt", "text");

  /* Ways out of the folder: a link to a folder and one to a file outside, and an absolute
   * one; and a link that stays inside. */
  root_path = g_build_filename (tmp_dir, "root", NULL);
  link = g_build_filename (root_path, "a", "out", NULL);
  if (symlink ("../../outside", link) != 0)
    g_error ("symlink failed");
  g_free (link);
  link = g_build_filename (root_path, "leak.md", NULL);
  if (symlink ("../outside/secret.md", link) != 0)
    g_error ("symlink failed");
  g_free (link);
  link = g_build_filename (root_path, "etc", NULL);
  if (symlink ("/etc", link) != 0)
    g_error ("symlink failed");
  g_free (link);
  link = g_build_filename (root_path, "a", "pictures", NULL);
  if (symlink ("../assets", link) != 0)
    g_error ("symlink failed");

  real_root = realpath (root_path, NULL);
  root = g_file_new_for_path (root_path);
  handbook = pathways_handbook_new (root);
  if (!pathways_handbook_load (handbook, NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

static gboolean
is_inside_root (const char *path)
{
  g_autofree char *real = realpath (path, NULL);

  /* What does not exist can't be opened, so it leaks nothing. */
  if (real == NULL)
    return TRUE;

  return g_str_equal (real, real_root) ||
         (g_str_has_prefix (real, real_root) && real[strlen (real_root)] == '/');
}

static gboolean
has_dot_dot (const char *rel)
{
  g_auto(GStrv) parts = g_strsplit (rel, "/", -1);

  return g_strv_contains ((const char * const *) parts, "..");
}

static gboolean
has_scheme (const char *uri,
            const char *scheme)
{
  gsize len = strlen (scheme);

  return g_ascii_strncasecmp (uri, scheme, len) == 0 && uri[len] == ':';
}

static void
check_link (const char *from_page,
            const char *href)
{
  g_autofree char *target = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (href));
  PathwaysLinkKind kind;

  kind = pathways_handbook_resolve_link (handbook, from_page, href, &target, &anchor);

  switch (kind)
    {
    case PATHWAYS_LINK_PAGE:
      {
        g_autofree char *full = NULL;

        g_assert_nonnull (target);
        g_assert (target[0] != '/' && !has_dot_dot (target));
        g_assert_nonnull (pathways_handbook_lookup (handbook, target));
        full = g_build_filename (real_root, target, NULL);
        g_assert (is_inside_root (full));
      }
      break;

    case PATHWAYS_LINK_FILE:
      {
        g_autofree char *path = NULL;

        g_assert_nonnull (target);
        path = g_filename_from_uri (target, NULL, NULL);
        g_assert_nonnull (path);
        g_assert (is_inside_root (path));
      }
      break;

    case PATHWAYS_LINK_MISSING:
      g_assert_nonnull (target);
      g_assert (target[0] != '/' && !has_dot_dot (target));
      break;

    case PATHWAYS_LINK_EXTERNAL:
      g_assert_nonnull (target);
      g_assert (has_scheme (target, "http") || has_scheme (target, "https") ||
                has_scheme (target, "mailto"));
      break;

    case PATHWAYS_LINK_ANCHOR:
    case PATHWAYS_LINK_REFUSED:
      g_assert_null (target);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Schemes that run code or read local files never count as followable. */
  if (has_scheme (stripped, "javascript") || has_scheme (stripped, "file") ||
      has_scheme (stripped, "data") || has_scheme (stripped, "vbscript"))
    g_assert (kind == PATHWAYS_LINK_REFUSED);

  if (anchor != NULL)
    g_assert (kind != PATHWAYS_LINK_REFUSED && kind != PATHWAYS_LINK_EXTERNAL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const from_pages[] = { NULL, "index.md", "a/b.md", "a/c/d.markdown" };
  /* Links reach the core as cmark gives them: NUL-terminated and valid UTF-8. */
  g_autofree char *href = fuzz_dup_valid_string (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (from_pages); i++)
    check_link (from_pages[i], href);

  /* Without the out arguments too, as callers that only want the kind call it. */
  pathways_handbook_resolve_link (handbook, "a/b.md", href, NULL, NULL);

  return 0;
}
