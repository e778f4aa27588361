/* pathways-window.c: the main window — its size, its toasts, and the two areas it holds.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-handbook-page.h"
#include "pathways-search-dialog.h"
#include "pathways-team-page.h"
#include "pathways-timing.h"
#include "pathways-window.h"

/* After the handbook folder changes on disk, the index catches up this much later, so a
 * burst of saves is one update. */
#define INDEX_DELAY_MS 1000

/* How often a handbook folder the watcher can't watch is scanned while the window is in
 * front: a scan of 5,000 pages takes about 0.2 s in a thread. */
#define UNWATCHED_POLL_SECONDS 5

struct _PathwaysWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  PathwaysLadder       *ladder;
  PathwaysGuide        *guide;
  GCancellable         *ladder_cancellable;

  PathwaysSearchIndex  *search_index;
  char                 *search_problem;
  PathwaysHandbook     *indexed_handbook;  /* the handbook search_index follows */
  guint                 index_timeout;
  guint                 poll_source;
  PathwaysSearchDialog *search_dialog;
  PathwaysDb           *db;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *main_stack;
  PathwaysTeamPage     *team_page;
  PathwaysHandbookPage *handbook_page;
};

G_DEFINE_FINAL_TYPE (PathwaysWindow, pathways_window, ADW_TYPE_APPLICATION_WINDOW)

/* The window says which handbook page is open while the handbook is shown. */
static void
pathways_window_update_title (PathwaysWindow *self)
{
  const char *area = adw_view_stack_get_visible_child_name (self->main_stack);
  g_autofree char *page_title = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (area, "handbook") == 0)
    g_object_get (self->handbook_page, "page-title", &page_title, NULL);
  if (page_title != NULL)
    /* Translators: the window title: a handbook page's title, then the app's name */
    title = g_strdup_printf (_("%s — Pathways"), page_title);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Pathways"));
}

static void
on_area_changed (PathwaysWindow *self)
{
  const char *area = adw_view_stack_get_visible_child_name (self->main_stack);

  if (area != NULL)
    g_settings_set_string (self->settings, "area", area);
  pathways_window_update_title (self);
}

static gboolean
index_timeout_cb (gpointer user_data)
{
  PathwaysWindow *self = user_data;

  self->index_timeout = 0;
  if (self->search_index != NULL && self->indexed_handbook != NULL)
    pathways_search_index_update_async (self->search_index, self->indexed_handbook, NULL,
                                        NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_handbook_files_changed (PathwaysWindow *self)
{
  g_clear_handle_id (&self->index_timeout, g_source_remove);
  self->index_timeout = g_timeout_add (INDEX_DELAY_MS, index_timeout_cb, self);
}

/* Only with PATHWAYS_DEBUG_TIMING: when the index caught up after the handbook opened. */
static void
index_updated_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (pathways_search_index_update_finish (PATHWAYS_SEARCH_INDEX (object), result, &error))
    pathways_timing_mark ("index-updated", NULL);
  else
    pathways_timing_mark ("index-failed", "%s", error->message);
}

/* Full-text search follows the open handbook: its index is opened (from the cache, when
 * this folder was indexed before) and brought up to date in a thread, then kept current
 * as the folder watcher reports changes. */
static void
update_search_index (PathwaysWindow   *self,
                     PathwaysHandbook *handbook)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  GFile *root = pathways_handbook_get_root (handbook);

  if (self->indexed_handbook != handbook)
    {
      if (self->indexed_handbook != NULL)
        g_signal_handlers_disconnect_by_data (self->indexed_handbook, self);
      g_set_object (&self->indexed_handbook, handbook);
      g_signal_connect_object (handbook, "tree-changed",
                               G_CALLBACK (on_handbook_files_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (handbook, "page-changed",
                               G_CALLBACK (on_handbook_files_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (handbook, "page-removed",
                               G_CALLBACK (on_handbook_files_changed), self, G_CONNECT_SWAPPED);

      g_clear_object (&self->search_index);
      g_clear_pointer (&self->search_problem, g_free);
      cache_dir = pathways_search_index_dup_cache_dir ();
      self->search_index = pathways_search_index_open (cache_dir, root, &error);
      if (self->search_index == NULL)
        {
          g_warning ("%s", error->message);
          self->search_problem = g_strdup (error->message);
        }
      if (self->search_dialog != NULL)
        pathways_search_dialog_set_index (self->search_dialog, self->search_index,
                                          self->search_problem);
    }

  if (self->search_index != NULL)
    pathways_search_index_update_async (self->search_index, handbook, NULL,
                                        pathways_timing_enabled () ? index_updated_cb : NULL,
                                        NULL);
}

/* A folder shared by the document portal sends no change events: look again whenever the
 * window comes back to the front (somebody has been editing elsewhere), and every few
 * seconds while it is in front (an editor beside it). */
static gboolean
poll_unwatched_cb (gpointer user_data)
{
  PathwaysWindow *self = user_data;
  PathwaysHandbook *handbook = pathways_handbook_page_get_handbook (self->handbook_page);

  if (handbook != NULL && pathways_handbook_is_unwatched (handbook))
    pathways_handbook_rescan (handbook);
  return G_SOURCE_CONTINUE;
}

static void
on_active_changed (PathwaysWindow *self)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  poll_unwatched_cb (self);
  self->poll_source = g_timeout_add_seconds (UNWATCHED_POLL_SECONDS, poll_unwatched_cb, self);
}

/**
 * pathways_window_open_search_result:
 * @result: a search result: a handbook section, or a person or one of their records
 *
 * Shows where @result is: the page at its section, or the person at the record.
 */
void
pathways_window_open_search_result (PathwaysWindow             *self,
                                    const PathwaysSearchResult *result)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));
  g_return_if_fail (result != NULL);

  if (result->kind == PATHWAYS_SEARCH_HANDBOOK)
    {
      adw_view_stack_set_visible_child_name (self->main_stack, "handbook");
      pathways_handbook_page_show_section (self->handbook_page, result->page, result->anchor);
    }
  else
    {
      adw_view_stack_set_visible_child_name (self->main_stack, "team");
      pathways_team_page_show_search_result (self->team_page, result);
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  /* What was typed since the last save is searchable too. */
  pathways_team_page_flush (self->team_page);

  if (self->search_dialog == NULL)
    {
      self->search_dialog = pathways_search_dialog_new (GTK_WINDOW (self));
      pathways_search_dialog_set_index (self->search_dialog, self->search_index,
                                        self->search_problem);
      pathways_search_dialog_set_db (self->search_dialog, self->db);
      g_signal_connect_object (self->search_dialog, "open-result",
                               G_CALLBACK (pathways_window_open_search_result), self,
                               G_CONNECT_SWAPPED);
    }

  pathways_search_dialog_present (self->search_dialog);
}

/* The ladder and the 1-on-1 guide are read from the open handbook: every page is parsed
 * (about 600 ms for 5,000 pages), so it happens in a thread, on a snapshot of the handbook,
 * while the window shows the handbook and the team. */
typedef struct
{
  PathwaysHandbook *handbook;  /* the live one, to tell whether it is still open */
  PathwaysHandbook *snapshot;
  char            **chosen;
  PathwaysLadder   *ladder;
  PathwaysGuide    *guide;
} LadderJob;

static void
ladder_job_free (gpointer data)
{
  LadderJob *job = data;

  g_object_unref (job->handbook);
  g_clear_object (&job->snapshot);
  g_strfreev (job->chosen);
  g_clear_pointer (&job->ladder, pathways_ladder_free);
  g_clear_pointer (&job->guide, pathways_guide_free);
  g_free (job);
}

static void
read_ladder_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LadderJob *job = task_data;
  g_autoptr(GError) error = NULL;

  job->ladder = pathways_ladder_load_pages (job->snapshot, (const char * const *) job->chosen,
                                            cancellable, &error);
  if (job->ladder == NULL)
    g_debug ("No ladder: %s", error->message);
  if (!g_cancellable_is_cancelled (cancellable))
    job->guide = pathways_guide_load (job->snapshot);
  g_task_return_boolean (task, TRUE);
}

static void
ladder_read (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (object);
  LadderJob *job = g_task_get_task_data (G_TASK (result));

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)))
      || job->handbook != pathways_handbook_page_get_handbook (self->handbook_page))
    return;

  pathways_team_page_set_ladder (self->team_page, job->ladder);
  pathways_handbook_page_set_ladder (self->handbook_page, job->ladder);
  g_clear_pointer (&self->ladder, pathways_ladder_free);
  self->ladder = g_steal_pointer (&job->ladder);

  /* The 1-on-1 guide, or built-in topics for what the handbook lacks. */
  pathways_team_page_set_guide (self->team_page, job->guide);
  g_clear_pointer (&self->guide, pathways_guide_free);
  self->guide = g_steal_pointer (&job->guide);
  pathways_timing_mark ("ladder-loaded", NULL);
}

static void
on_handbook_loaded (PathwaysWindow   *self,
                    PathwaysHandbook *handbook)
{
  g_autoptr(GTask) task = NULL;
  LadderJob *job;

  update_search_index (self, handbook);

  g_cancellable_cancel (self->ladder_cancellable);
  g_clear_object (&self->ladder_cancellable);
  self->ladder_cancellable = g_cancellable_new ();

  job = g_new0 (LadderJob, 1);
  job->handbook = g_object_ref (handbook);
  job->snapshot = pathways_handbook_dup_snapshot (handbook);
  job->chosen = pathways_handbook_page_dup_ladder_pages (self->handbook_page);

  task = g_task_new (self, self->ladder_cancellable, ladder_read, NULL);
  g_task_set_source_tag (task, on_handbook_loaded);
  g_task_set_task_data (task, job, ladder_job_free);
  g_task_run_in_thread (task, read_ladder_thread);
}

static gboolean
pathways_window_close_request (GtkWindow *window)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (window);
  int width, height;

  pathways_team_page_flush (self->team_page);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pathways_window_parent_class)->close_request (window);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, g_variant_get_string (param, NULL));
}

static void
compare_levels_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (widget);
  const char *path_a, *level_a, *path_b, *level_b;

  g_variant_get (param, "(&s&s&s&s)", &path_a, &level_a, &path_b, &level_b);
  adw_view_stack_set_visible_child_name (self->main_stack, "handbook");
  pathways_handbook_page_compare_levels (self->handbook_page, path_a, level_a, path_b, level_b);
}

static void
pathways_window_dispose (GObject *object)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (object);

  g_clear_handle_id (&self->index_timeout, g_source_remove);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_cancellable_cancel (self->ladder_cancellable);
  g_clear_object (&self->ladder_cancellable);
  if (self->search_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->search_dialog)));
  if (self->indexed_handbook != NULL)
    g_signal_handlers_disconnect_by_data (self->indexed_handbook, self);
  g_clear_object (&self->indexed_handbook);
  g_clear_object (&self->search_index);
  g_clear_pointer (&self->search_problem, g_free);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ladder, pathways_ladder_free);
  g_clear_pointer (&self->guide, pathways_guide_free);

  G_OBJECT_CLASS (pathways_window_parent_class)->dispose (object);
}

static void
pathways_window_class_init (PathwaysWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathways_window_dispose;
  window_class->close_request = pathways_window_close_request;

  g_type_ensure (PATHWAYS_TYPE_HANDBOOK_PAGE);
  g_type_ensure (PATHWAYS_TYPE_TEAM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, team_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, handbook_page);

  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.compare-levels", "(ssss)",
                                   compare_levels_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-area", "s", "team");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-area", "s", "handbook");
}

static void
pathways_window_init (PathwaysWindow *self)
{
  g_autofree char *area = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  pathways_handbook_page_set_settings (self->handbook_page, self->settings);
  pathways_team_page_set_settings (self->team_page, self->settings);
  /* Until a handbook is open, agendas use the built-in topics. */
  self->guide = pathways_guide_new_builtin ();
  pathways_team_page_set_guide (self->team_page, self->guide);
  pathways_team_page_set_view_stack (self->team_page, self->main_stack);
  pathways_handbook_page_set_view_stack (self->handbook_page, self->main_stack);

  area = g_settings_get_string (self->settings, "area");
  adw_view_stack_set_visible_child_name (self->main_stack, area);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (on_area_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->handbook_page, "handbook-loaded",
                           G_CALLBACK (on_handbook_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->handbook_page, "notify::page-title",
                           G_CALLBACK (pathways_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed), self);
  pathways_window_update_title (self);
}

PathwaysWindow *
pathways_window_new (PathwaysApplication *application)
{
  return g_object_new (PATHWAYS_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pathways_window_open_handbook:
 * @folder: the handbook's folder
 * @page: (nullable): a page to show, relative to @folder; else the last or home page
 *
 * Opens a handbook, shows it, and remembers it for the next start.
 */
void
pathways_window_open_handbook (PathwaysWindow *self,
                               GFile          *folder,
                               const char     *page)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  pathways_handbook_page_open (self->handbook_page, folder, page);
  adw_view_stack_set_visible_child_name (self->main_stack, "handbook");
}

/**
 * pathways_window_open_remembered:
 *
 * Opens the handbook that was open last (or the sample), unless one is open already.
 */
void
pathways_window_open_remembered (PathwaysWindow *self)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  if (pathways_handbook_page_get_handbook (self->handbook_page) == NULL)
    pathways_handbook_page_open (self->handbook_page, NULL, NULL);
}

/**
 * pathways_window_set_store:
 * @store: (nullable): the open store
 */
void
pathways_window_set_store (PathwaysWindow *self,
                           PathwaysStore  *store)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  pathways_team_page_set_store (self->team_page, store);
  g_clear_object (&self->db);
  if (store != NULL)
    self->db = g_object_ref (pathways_store_get_db (store));
  if (self->search_dialog != NULL)
    pathways_search_dialog_set_db (self->search_dialog, self->db);
}

/**
 * pathways_window_show_store_error:
 *
 * Shows, in the Team area, why the database could not be opened and what can be done.
 */
void
pathways_window_show_store_error (PathwaysWindow *self,
                                  const char     *title,
                                  const char     *description,
                                  gboolean        can_restore,
                                  gboolean        can_start_fresh)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  pathways_team_page_show_error (self->team_page, title, description, can_restore,
                                 can_start_fresh);
  adw_view_stack_set_visible_child_name (self->main_stack, "team");
}

void
pathways_window_toast (PathwaysWindow *self,
                       const char     *message)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
