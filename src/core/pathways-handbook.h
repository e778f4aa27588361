/* pathways-handbook.h: a folder of Markdown pages — scanning, titles, links, watching.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PATHWAYS_HANDBOOK_ERROR (pathways_handbook_error_quark ())

typedef enum
{
  PATHWAYS_HANDBOOK_ERROR_NOT_FOUND,     /* the folder does not exist */
  PATHWAYS_HANDBOOK_ERROR_NOT_A_FOLDER,  /* the path is a file */
  PATHWAYS_HANDBOOK_ERROR_UNREADABLE,    /* permission denied or I/O error */
  PATHWAYS_HANDBOOK_ERROR_NO_PAGE,       /* a page path that is not in the handbook */
} PathwaysHandbookError;

typedef enum
{
  PATHWAYS_LINK_PAGE,      /* a page of the handbook: target = relative path */
  PATHWAYS_LINK_ANCHOR,    /* a heading of the same page: target = NULL */
  PATHWAYS_LINK_FILE,      /* another file inside the handbook: target = file:// URI */
  PATHWAYS_LINK_EXTERNAL,  /* http, https or mailto: target = the URI */
  PATHWAYS_LINK_REFUSED,   /* anything else, or a path outside the root: target = NULL */
  PATHWAYS_LINK_MISSING,   /* a safe path to a page that does not exist: target = the
                            * normalised relative path, for the "page not found" message */
} PathwaysLinkKind;

/* ---- a node of the page tree ---- */

#define PATHWAYS_TYPE_PAGE_NODE (pathways_page_node_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPageNode, pathways_page_node, PATHWAYS, PAGE_NODE, GObject)

const char *pathways_page_node_get_path      (PathwaysPageNode *self);
const char *pathways_page_node_get_title     (PathwaysPageNode *self);
const char *pathways_page_node_get_page_path (PathwaysPageNode *self);
gboolean    pathways_page_node_is_folder     (PathwaysPageNode *self);
GListModel *pathways_page_node_get_children  (PathwaysPageNode *self);

/* ---- the handbook ----
 *
 * Signals (emitted on the main thread, after the tree has been updated):
 *   "tree-changed"  ()                  pages were added or removed, or titles changed
 *   "page-removed"  (const char *path)  a page is gone
 *   "page-changed"  (const char *path)  a page's content changed on disk
 * Properties: "root" (GFile, construct-only), "n-pages" (guint), "home-page" (string).
 */

#define PATHWAYS_TYPE_HANDBOOK (pathways_handbook_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysHandbook, pathways_handbook, PATHWAYS, HANDBOOK, GObject)

GQuark            pathways_handbook_error_quark   (void);
PathwaysHandbook *pathways_handbook_new           (GFile               *root);
GFile            *pathways_handbook_get_root      (PathwaysHandbook    *self);
gboolean          pathways_handbook_load          (PathwaysHandbook    *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void              pathways_handbook_load_async    (PathwaysHandbook    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          pathways_handbook_load_finish   (PathwaysHandbook    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
GListModel       *pathways_handbook_get_tree      (PathwaysHandbook    *self);
guint             pathways_handbook_get_n_pages   (PathwaysHandbook    *self);
PathwaysPageNode *pathways_handbook_lookup        (PathwaysHandbook    *self,
                                                   const char          *path);
const char       *pathways_handbook_get_home_page (PathwaysHandbook    *self);
char             *pathways_handbook_read_page     (PathwaysHandbook    *self,
                                                   const char          *path,
                                                   gsize               *length,
                                                   GError             **error);
PathwaysLinkKind  pathways_handbook_resolve_link  (PathwaysHandbook    *self,
                                                   const char          *from_page,
                                                   const char          *href,
                                                   char               **target,
                                                   char               **anchor);
PathwaysHandbook *pathways_handbook_dup_snapshot  (PathwaysHandbook    *self);
void              pathways_handbook_watch         (PathwaysHandbook    *self);
void              pathways_handbook_rescan        (PathwaysHandbook    *self);
gboolean          pathways_handbook_is_unwatched  (PathwaysHandbook    *self);

G_END_DECLS
